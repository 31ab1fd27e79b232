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

/// Share of buckets a table fills at most: low enough that most lookups,
/// found or not, end in the group they start in. (Measured: 0.5 scores
/// about 10% faster than 0.7 and 30% faster than 0.85, though the table
/// is larger; below 0.5 nothing more is gained.)
const MAX_LOAD: f64 = 0.5;

/// Weights a bucket holds itself. Most features (70-80% in the shipped
/// model) have at most two, and such rare features are the ones whose
/// lookups miss the cache: one line then serves the whole lookup.
const INLINE: usize = 2;

/// Rows with at least this many weights are stored densely, one weight per
/// class. Frequent features (the bias, POS tags and their pairs) have
/// weights for most classes, and they dominate scoring: in the shipped
/// model about 2/3 of the rows found have more than 32 weights. Adding a
/// dense row is a vectorised loop with no scattered read-modify-writes.
const DENSE_MIN: usize = 16;

/// Where a bucket's weights are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[repr(u8)]
enum Storage {
    /// In the bucket: `class`, and `data` as bfloat16 pairs.
    #[default]
    Inline,
    /// `data` is the index of the row's first entry in `WeightTable::sparse`.
    Sparse,
    /// `data` is the row's number in `WeightTable::dense`.
    Dense,
}

/// One feature of the table: its key and its weights or where they are.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C)]
struct Bucket {
    /// Feature hash; 0 marks an empty bucket.
    key: u64,
    /// Number of weights minus one (rows have 1..=256 weights).
    last: u8,
    storage: Storage,
    /// Classes of the inline weights.
    class: [u8; INLINE],
    /// Inline: the weights as bfloat16, the first in the low half;
    /// otherwise an index (see [`Storage`]).
    data: u32,
}

impl Bucket {
    fn len(&self) -> usize {
        usize::from(self.last) + 1
    }
}

/// Four buckets filling one 64-byte cache line: a lookup starts at the
/// first bucket of its key's group, so it usually touches one line only.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(64))]
struct Group([Bucket; 4]);

/// One weight of a sparse row.
#[derive(Debug, Clone, Copy)]
struct Entry {
    class: u8,
    /// bfloat16.
    weight: u16,
}

/// Frozen, averaged weights: an open-addressing table from feature hash to
/// a row of (class, weight) pairs.
///
/// Buckets are grouped by cache line and probed linearly from the start of
/// a key's group; rows are stored by length (see [`Storage`]), as bfloat16
/// like in the model file.
#[derive(Debug, Clone)]
pub(crate) struct WeightTable {
    n_classes: usize,
    groups: Vec<Group>,
    sparse: Vec<Entry>,
    /// Dense rows, `n_classes` bfloat16 weights each (0 where the row has none).
    dense: Vec<u16>,
    n_features: usize,
    n_weights: usize,
    /// Whether every weight is a multiple of [`GRID`].
    on_grid: bool,
    /// The largest magnitude a row gives one class (summed over the row's
    /// entries of that class, should it have several).
    max_class_abs: f32,
}

/// The step exact sums of weights are counted in (see
/// [`WeightTable::sums_are_exact`]): bfloat16 weights of magnitude 0.5 or
/// more are multiples of it, and pruning drops smaller ones.
const GRID: f32 = 1.0 / 256.0;

impl WeightTable {
    /// Builds the table from rows of distinct, non-zero keys, each with
    /// 1..=256 weights of distinct classes below `n_classes` (at most 256).
    fn from_rows(n_classes: usize, rows: Vec<(u64, Vec<(u16, f32)>)>) -> WeightTable {
        let n_groups = ((rows.len() as f64 / MAX_LOAD / 4.0).ceil() as usize).max(1);
        let mut table = WeightTable {
            n_classes,
            groups: vec![Group::default(); n_groups],
            sparse: Vec::new(),
            dense: Vec::new(),
            n_features: rows.len(),
            n_weights: 0,
            on_grid: true,
            max_class_abs: 0.0,
        };
        for (key, entries) in rows {
            // As stored (bfloat16).
            let stored = |w: f32| from_bf16(to_bf16(w));
            table.on_grid &= entries.iter().all(|&(_, w)| (stored(w) / GRID).fract() == 0.0);
            let classes_distinct = entries.windows(2).all(|p| p[0].0 < p[1].0);
            let class_abs = if classes_distinct {
                entries.iter().map(|&(_, w)| stored(w).abs()).fold(0.0, f32::max)
            } else {
                entries.iter().map(|&(_, w)| stored(w).abs()).sum()
            };
            table.max_class_abs = table.max_class_abs.max(class_abs);
            let mut bucket = Bucket { key, last: (entries.len() - 1) as u8, ..Bucket::default() };
            // A dense row is read back (for writing and pruning) as its
            // non-zero weights in class order, so only rows that are
            // exactly that may be stored densely.
            let dense_ok = entries.len() >= DENSE_MIN
                && entries.iter().all(|&(_, w)| w != 0.0)
                && entries.windows(2).all(|p| p[0].0 < p[1].0);
            if entries.len() <= INLINE {
                for (k, &(class, weight)) in entries.iter().enumerate() {
                    bucket.class[k] = class as u8;
                    bucket.data |= u32::from(to_bf16(weight)) << (16 * k);
                }
            } else if dense_ok {
                bucket.storage = Storage::Dense;
                bucket.data = (table.dense.len() / n_classes) as u32;
                let start = table.dense.len();
                table.dense.resize(start + n_classes, 0);
                for &(class, weight) in &entries {
                    table.dense[start + usize::from(class)] = to_bf16(weight);
                }
            } else {
                bucket.storage = Storage::Sparse;
                bucket.data = table.sparse.len() as u32;
                table.sparse.extend(
                    entries.iter().map(|&(c, w)| Entry { class: c as u8, weight: to_bf16(w) }),
                );
            }
            table.n_weights += entries.len();
            let mut g = table.home(key);
            'place: loop {
                for b in &mut table.groups[g].0 {
                    if b.key == 0 {
                        *b = bucket;
                        break 'place;
                    }
                }
                g = table.next_group(g);
            }
        }
        table
    }

    /// The group a key's probe starts at. Keys are well-mixed hashes, so
    /// their high bits scaled to the table size spread evenly (Lemire's
    /// multiply-shift range reduction; no power-of-two size needed).
    #[inline]
    fn home(&self, key: u64) -> usize {
        ((u128::from(key) * self.groups.len() as u128) >> 64) as usize
    }

    #[inline]
    fn next_group(&self, g: usize) -> usize {
        if g + 1 == self.groups.len() {
            0
        } else {
            g + 1
        }
    }

    /// The bucket of `key`, if the table has it. Ends at the first empty
    /// bucket: buckets are filled in probe order and never emptied, and the
    /// load limit guarantees that an empty one exists.
    #[inline]
    fn find(&self, key: u64) -> Option<&Bucket> {
        let mut g = self.home(key);
        loop {
            // The first match and the first empty bucket of the group,
            // found without a branch per bucket (the outcome is random).
            let group = &self.groups[g].0;
            let (mut hit, mut empty) = (group.len(), group.len());
            for (k, b) in group.iter().enumerate().rev() {
                hit = if b.key == key { k } else { hit };
                empty = if b.key == 0 { k } else { empty };
            }
            if hit < empty {
                return Some(&group[hit]);
            }
            if empty < group.len() {
                return None;
            }
            g = self.next_group(g);
        }
    }

    /// A bucket's weights as (class, bfloat16 weight), in stored order.
    fn row(&self, b: &Bucket) -> Vec<(u8, u16)> {
        let start = b.data as usize;
        match b.storage {
            Storage::Inline => {
                (0..b.len()).map(|k| (b.class[k], (b.data >> (16 * k)) as u16)).collect()
            }
            Storage::Sparse => {
                self.sparse[start..start + b.len()].iter().map(|e| (e.class, e.weight)).collect()
            }
            Storage::Dense => self.dense[start * self.n_classes..(start + 1) * self.n_classes]
                .iter()
                .enumerate()
                .filter(|(_, &w)| w != 0)
                .map(|(c, &w)| (c as u8, w))
                .collect(),
        }
    }

    /// Occupied buckets, sorted by key (for deterministic output).
    fn sorted_buckets(&self) -> Vec<&Bucket> {
        let mut buckets: Vec<&Bucket> =
            self.groups.iter().flat_map(|g| &g.0).filter(|b| b.key != 0).collect();
        buckets.sort_unstable_by_key(|b| b.key);
        buckets
    }

    /// A copy without the weights whose magnitude is below `min_abs`.
    pub(crate) fn pruned(&self, min_abs: f32) -> WeightTable {
        let rows = self
            .sorted_buckets()
            .into_iter()
            .map(|b| {
                let entries: Vec<(u16, f32)> = self
                    .row(b)
                    .into_iter()
                    .map(|(c, w)| (u16::from(c), from_bf16(w)))
                    .filter(|(_, w)| w.abs() >= min_abs)
                    .collect();
                (b.key, entries)
            })
            .filter(|(_, e)| !e.is_empty())
            .collect();
        WeightTable::from_rows(self.n_classes, rows)
    }

    /// Whether adding the weights of at most `n_feats` features, per class,
    /// gives the same f32 in any order and grouping (as [`Self::score`]
    /// sums over disjoint sets of features do when added up).
    ///
    /// Any partial sum then is a multiple of [`GRID`] (2^-8) of magnitude
    /// below 2^16, which an f32 (24-bit significand) holds exactly: no
    /// addition rounds, so the order cannot matter.
    pub(crate) fn sums_are_exact(&self, n_feats: usize) -> bool {
        let bound = n_feats as f64 * f64::from(self.max_class_abs);
        self.on_grid && self.max_class_abs.is_finite() && bound < f64::from(1u32 << 16)
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
        self.n_weights
    }

    /// Loads the first key of every feature's group, with no branch on
    /// what the loads return, so that they all are in flight at once
    /// (and are in the cache when the features are looked up).
    #[inline]
    pub(crate) fn touch(&self, feats: &[u64]) -> u64 {
        let mut touched = 0;
        for &f in feats {
            touched ^= self.groups[self.home(f)].0[0].key;
        }
        std::hint::black_box(touched)
    }

    /// Sets `scores` (one per class) to the sum of the weights of `feats`.
    ///
    /// Weights are added feature by feature in the order given, whatever
    /// the storage, so every f32 sum is the same as with a plain list of
    /// (class, weight) per feature (a dense row adds +0.0 to the classes it
    /// has no weight for, which changes no value).
    ///
    /// Scoring waits mostly on memory, so the loads are arranged to overlap:
    /// every feature's cache line is loaded first by a loop with no branch
    /// on the data, then all features are looked up, then their rows added.
    #[inline]
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        let mut touched = self.touch(feats);
        let mut found = [Bucket::default(); 64];
        for chunk in feats.chunks(found.len()) {
            let mut n_found = 0;
            for &f in chunk {
                if let Some(b) = self.find(f) {
                    found[n_found] = *b;
                    n_found += 1;
                }
            }
            // The same for the sparse rows found (other rows: index 0).
            for b in &found[..n_found] {
                let i = if b.storage == Storage::Sparse { b.data as usize } else { 0 };
                touched ^= self.sparse.get(i).map_or(0, |e| u64::from(e.weight));
            }
            std::hint::black_box(touched);
            for b in &found[..n_found] {
                let start = b.data as usize;
                match b.storage {
                    Storage::Inline => {
                        for k in 0..b.len() {
                            scores[usize::from(b.class[k])] +=
                                from_bf16((b.data >> (16 * k)) as u16);
                        }
                    }
                    Storage::Sparse => {
                        for e in &self.sparse[start..start + b.len()] {
                            scores[usize::from(e.class)] += from_bf16(e.weight);
                        }
                    }
                    Storage::Dense => {
                        let n = self.n_classes;
                        let row = &self.dense[start * n..(start + 1) * n];
                        for (s, &w) in scores.iter_mut().zip(row) {
                            *s += from_bf16(w);
                        }
                    }
                }
            }
        }
    }

    /// Writes the table: per feature its key, entry count and entries of
    /// (class as u8, weight as bfloat16). Classes must number at most 256.
    pub(crate) fn write(&self, w: &mut Writer) {
        w.len(self.n_classes);
        w.len(self.n_features);
        for b in self.sorted_buckets() {
            w.u64(b.key);
            w.u8(b.last);
            for (class, weight) in self.row(b) {
                w.u8(class);
                w.u16(weight);
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

#[inline]
pub(crate) fn from_bf16(x: u16) -> f32 {
    f32::from_bits(u32::from(x) << 16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_are_exact_only_for_weights_on_the_grid_and_small_sums() {
        let table = |w: f32| WeightTable::from_rows(3, vec![(7, vec![(0, w), (2, -w)])]);
        assert!(table(1.5).sums_are_exact(128));
        assert!(table(0.75).sums_are_exact(128));
        // Not a multiple of 2^-8.
        assert!(!table(0.1).sums_are_exact(128));
        // 128 weights of 512 could sum to 2^16.
        assert!(!table(512.0).sums_are_exact(128));
        assert!(table(512.0).sums_are_exact(64));
        // Two weights of one class in a row count together.
        let twice = WeightTable::from_rows(3, vec![(7, vec![(1, 256.0), (1, 256.0)])]);
        assert!(!twice.sums_are_exact(128));
    }

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
