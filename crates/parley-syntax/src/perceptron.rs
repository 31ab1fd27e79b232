//! The averaged perceptron: a sparse trainer and the frozen weight table
//! that prediction uses.
//!
//! Weights are stored per feature as a short list of (class, weight) pairs:
//! most features only ever matter for a few classes, so a sparse row keeps
//! the model small while scoring stays a handful of additions per feature.

use std::collections::HashMap;

use crate::bytes::{Reader, Writer};
use crate::hash::IdentityBuild;
use crate::SyntaxError;

#[derive(Debug, Clone, Copy)]
struct Slot {
    class: u16,
    weight: f32,
    /// Sum of the weight over all past ticks, up to `stamp`.
    total: f64,
    /// Tick of the last change.
    stamp: u64,
}

/// Trains weights with the averaged perceptron (Collins 2002), averaging
/// lazily: each weight keeps its running total and the tick it last changed.
#[derive(Debug)]
pub(crate) struct Trainer {
    n_classes: usize,
    rows: HashMap<u64, Vec<Slot>, IdentityBuild>,
    /// Number of training instances seen so far.
    ticks: u64,
}

impl Trainer {
    pub(crate) fn new(n_classes: usize) -> Trainer {
        Trainer { n_classes, rows: HashMap::with_hasher(IdentityBuild), ticks: 0 }
    }

    /// Adds the current (not averaged) weights of `feats` to `scores`.
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(row) = self.rows.get(f) {
                for slot in row {
                    scores[slot.class as usize] += slot.weight;
                }
            }
        }
    }

    /// Marks the end of one training instance (for averaging).
    pub(crate) fn tick(&mut self) {
        self.ticks += 1;
    }

    /// Moves weight from `guess` to `truth` on every feature.
    pub(crate) fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let now = self.ticks;
        for &f in feats {
            let row = self.rows.entry(f).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
                let class = class as u16;
                let slot = match row.iter_mut().position(|s| s.class == class) {
                    Some(i) => &mut row[i],
                    None => {
                        row.push(Slot { class, weight: 0.0, total: 0.0, stamp: now });
                        let last = row.len() - 1;
                        &mut row[last]
                    }
                };
                slot.total += (now - slot.stamp) as f64 * f64::from(slot.weight);
                slot.stamp = now;
                slot.weight += delta;
            }
        }
    }

    /// Averages the weights and freezes them, dropping averaged weights
    /// whose magnitude is below `min_abs`.
    pub(crate) fn finish(&self, min_abs: f32) -> WeightTable {
        let now = self.ticks.max(1);
        let mut keys: Vec<u64> = self.rows.keys().copied().collect();
        keys.sort_unstable();
        let mut rows = Vec::with_capacity(keys.len());
        for key in keys {
            let Some(row) = self.rows.get(&key) else { continue };
            let mut entries: Vec<(u16, f32)> = row
                .iter()
                .map(|s| {
                    let total = s.total + (now - s.stamp) as f64 * f64::from(s.weight);
                    (s.class, from_bf16(to_bf16((total / now as f64) as f32)))
                })
                .filter(|&(_, w)| w.abs() >= min_abs && w != 0.0)
                .collect();
            if entries.is_empty() {
                continue;
            }
            entries.sort_unstable_by_key(|&(c, _)| c);
            rows.push((key, entries));
        }
        WeightTable::from_rows(self.n_classes, rows)
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Bucket {
    key: u64,
    start: u32,
    len: u32,
}

/// Frozen, averaged weights: an open-addressing table from feature hash to
/// a run of (class, weight) entries.
#[derive(Debug, Clone)]
pub(crate) struct WeightTable {
    n_classes: usize,
    mask: usize,
    buckets: Vec<Bucket>,
    entries: Vec<Entry>,
    n_features: usize,
}

/// One weight of one feature.
#[derive(Debug, Clone, Copy)]
struct Entry {
    class: u16,
    weight: f32,
}

impl WeightTable {
    fn from_rows(n_classes: usize, rows: Vec<(u64, Vec<(u16, f32)>)>) -> WeightTable {
        let size = (rows.len() * 2).next_power_of_two().max(16);
        let mut table = WeightTable {
            n_classes,
            mask: size - 1,
            buckets: vec![Bucket::default(); size],
            entries: Vec::new(),
            n_features: rows.len(),
        };
        for (key, entries) in rows {
            let start = table.entries.len() as u32;
            for &(class, weight) in &entries {
                table.entries.push(Entry { class, weight });
            }
            let mut i = key as usize & table.mask;
            while table.buckets[i].key != 0 {
                i = (i + 1) & table.mask;
            }
            table.buckets[i] = Bucket { key, start, len: entries.len() as u32 };
        }
        table
    }

    /// A copy without the weights whose magnitude is below `min_abs`.
    pub(crate) fn pruned(&self, min_abs: f32) -> WeightTable {
        let mut buckets: Vec<&Bucket> = self.buckets.iter().filter(|b| b.key != 0).collect();
        buckets.sort_unstable_by_key(|b| b.key);
        let rows = buckets
            .into_iter()
            .map(|b| {
                let range = b.start as usize..(b.start + b.len) as usize;
                let entries: Vec<(u16, f32)> = self.entries[range]
                    .iter()
                    .filter(|e| e.weight.abs() >= min_abs)
                    .map(|e| (e.class, e.weight))
                    .collect();
                (b.key, entries)
            })
            .filter(|(_, e)| !e.is_empty())
            .collect();
        WeightTable::from_rows(self.n_classes, rows)
    }

    /// Number of classes scored.
    pub(crate) fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of features with at least one weight.
    pub(crate) fn n_features(&self) -> usize {
        self.n_features
    }

    /// Number of (feature, class) weights.
    pub(crate) fn n_weights(&self) -> usize {
        self.entries.len()
    }

    /// Sets `scores` (one per class) to the sum of the weights of `feats`.
    ///
    /// Looks every feature up first and adds weights after, so the memory
    /// loads of different features overlap instead of waiting on each other.
    #[inline]
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        let mut found = [(0u32, 0u32); 160];
        let mut n_found = 0;
        for chunk in feats.chunks(found.len()) {
            n_found = 0;
            for &f in chunk {
                let mut i = f as usize & self.mask;
                loop {
                    let b = &self.buckets[i];
                    if b.key == f {
                        found[n_found] = (b.start, b.len);
                        n_found += 1;
                        break;
                    }
                    if b.key == 0 {
                        break;
                    }
                    i = (i + 1) & self.mask;
                }
            }
            for &(start, len) in &found[..n_found] {
                for e in &self.entries[start as usize..(start + len) as usize] {
                    scores[e.class as usize] += e.weight;
                }
            }
        }
        let _ = n_found;
    }

    /// Writes the table: per feature its key, entry count and entries of
    /// (class as u8, weight as bfloat16). Classes must number at most 256.
    pub(crate) fn write(&self, w: &mut Writer) {
        w.len(self.n_classes);
        w.len(self.n_features);
        let mut buckets: Vec<&Bucket> = self.buckets.iter().filter(|b| b.key != 0).collect();
        buckets.sort_unstable_by_key(|b| b.key);
        for b in buckets {
            w.u64(b.key);
            w.u8((b.len - 1) as u8);
            for e in &self.entries[b.start as usize..(b.start + b.len) as usize] {
                w.u8(e.class as u8);
                w.u16(to_bf16(e.weight));
            }
        }
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<WeightTable, SyntaxError> {
        let n_classes = r.u32()? as usize;
        if n_classes > 256 {
            return Err(r.error(format!("{n_classes} classes; at most 256 supported")));
        }
        let n = r.len(12)?;
        let mut rows = Vec::with_capacity(n);
        for _ in 0..n {
            let key = r.u64()?;
            if key == 0 {
                return Err(r.error("zero feature key"));
            }
            let len = r.u8()? as usize + 1;
            let mut entries = Vec::with_capacity(len);
            for _ in 0..len {
                let c = u16::from(r.u8()?);
                if c as usize >= n_classes {
                    return Err(r.error(format!("class {c} out of range")));
                }
                entries.push((c, from_bf16(r.u16()?)));
            }
            rows.push((key, entries));
        }
        Ok(WeightTable::from_rows(n_classes, rows))
    }
}

/// Rounds an f32 to bfloat16 (its top 16 bits, rounded to nearest even):
/// 8 bits of precision are plenty for perceptron weights.
pub(crate) fn to_bf16(x: f32) -> u16 {
    let bits = x.to_bits();
    let round = 0x7fff + ((bits >> 16) & 1);
    (bits.wrapping_add(round) >> 16) as u16
}

pub(crate) fn from_bf16(x: u16) -> f32 {
    f32::from_bits(u32::from(x) << 16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        // Class 0 when feature 10 fires, class 1 when feature 20 fires.
        let data = [(vec![10u64, 99], 0usize), (vec![20, 99], 1)];
        let mut t = Trainer::new(2);
        let mut scores = [0.0f32; 2];
        for _ in 0..5 {
            for (feats, gold) in &data {
                t.score(feats, &mut scores);
                let guess = usize::from(scores[1] > scores[0]);
                t.update(feats, *gold, guess);
                t.tick();
            }
        }
        let table = t.finish(0.0);
        assert_eq!(from_bf16(to_bf16(1.5)), 1.5);
        assert!((from_bf16(to_bf16(0.123_456)) - 0.123_456).abs() < 0.001);
        for (feats, gold) in &data {
            table.score(feats, &mut scores);
            assert_eq!(usize::from(scores[1] > scores[0]), *gold);
        }
        let mut w = Writer::default();
        table.write(&mut w);
        let back = WeightTable::read(&mut Reader::new(&w.buf)).expect("round trip");
        let mut again = [0.0f32; 2];
        for (feats, _) in &data {
            table.score(feats, &mut scores);
            back.score(feats, &mut again);
            assert_eq!(scores, again);
        }
        assert!(WeightTable::read(&mut Reader::new(&w.buf[..w.buf.len() - 1])).is_err());
    }
}
