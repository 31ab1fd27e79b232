//! Reprints: one article stored under several ids or outlets.
//!
//! A wire story run by many outlets, or a feed that repeats its items under
//! new ids, stores the same body many times. Its events are still one set
//! of real-world events: a copy's reports are further reports of the
//! original's events, never events of their own (see
//! [`crate::merge`]). Two documents are copies when
//!
//! - their body hashes are equal ([`crate::body_hash`]: the same words,
//!   whatever the id, outlet, headline, date, spacing or case), or
//! - the estimated Jaccard similarity of their word 5-shingles is at least
//!   [`NEAR_COPY`] (a reprint with a line added, trimmed or reworded).
//!
//! A group of copies is a connected component of these links; its
//! original is its smallest document id.

use std::collections::{BTreeMap, HashMap};

use crate::story::{similarity, BANDS, ROWS, SIGNATURE_LEN};

/// Least estimated 5-shingle Jaccard similarity of a near-copy. Stories
/// link documents from 0.5 (the same wire story, edited); a copy, whose
/// reports stand for the same sentences, must be far closer.
pub const NEAR_COPY: f64 = 0.9;

/// What copy detection reads of a document.
#[derive(Debug, Clone)]
pub struct CopyDoc {
    /// Document id.
    pub id: i64,
    /// Its body hash.
    pub body_hash: String,
    /// MinHash of its word 5-shingles ([`crate::story::shingles`]).
    pub shingles: [u64; SIGNATURE_LEN],
}

fn find(parent: &mut HashMap<i64, i64>, mut x: i64) -> i64 {
    while let Some(&p) = parent.get(&x) {
        if p == x {
            break;
        }
        let grand = parent.get(&p).copied().unwrap_or(p);
        parent.insert(x, grand);
        x = p;
    }
    x
}

fn union(parent: &mut HashMap<i64, i64>, a: i64, b: i64) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        // The smaller id is the root: the original of a group.
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent.insert(hi, lo);
    }
}

/// Maps every document that is a copy to its group's original (the
/// smallest id); originals and documents without copies are absent.
pub fn originals(docs: &[CopyDoc]) -> HashMap<i64, i64> {
    let mut parent: HashMap<i64, i64> = docs.iter().map(|d| (d.id, d.id)).collect();
    // Equal bodies: one representative each, so 300 reprints cost 300 steps, not 300².
    let mut by_hash: BTreeMap<&str, i64> = BTreeMap::new();
    let mut representatives: Vec<&CopyDoc> = Vec::new();
    for d in docs {
        match by_hash.get(d.body_hash.as_str()) {
            Some(&first) => union(&mut parent, first, d.id),
            None => {
                by_hash.insert(d.body_hash.as_str(), d.id);
                representatives.push(d);
            }
        }
    }
    // Near-copies: candidates from LSH bands over the shingle signatures.
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (i, d) in representatives.iter().enumerate() {
        for band in 0..BANDS {
            let key = d.shingles[band * ROWS..(band + 1) * ROWS]
                .iter()
                .fold(0xcbf2_9ce4_8422_2325_u64, |h, x| (h ^ x).wrapping_mul(0x0100_0000_01b3));
            buckets.entry((band, key)).or_default().push(i);
        }
    }
    for members in buckets.values().filter(|m| m.len() > 1) {
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                let (a, b) = (representatives[i], representatives[j]);
                if find(&mut parent, a.id) != find(&mut parent, b.id)
                    && similarity(&a.shingles, &b.shingles) >= NEAR_COPY
                {
                    union(&mut parent, a.id, b.id);
                }
            }
        }
    }
    let ids: Vec<i64> = docs.iter().map(|d| d.id).collect();
    ids.into_iter()
        .filter_map(|id| {
            let root = find(&mut parent, id);
            (root != id).then_some((id, root))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::{minhash, shingles};

    fn doc(id: i64, text: &str) -> CopyDoc {
        CopyDoc { id, body_hash: crate::body_hash(text), shingles: minhash(shingles(text)) }
    }

    const WIRE: &str = "Armenia accused Azerbaijan on Tuesday of shelling villages near the \
        border, and the foreign ministry in Yerevan summoned the ambassador to protest. \
        Baku denied the charge and said its troops had returned fire after an attack. \
        The two neighbours have fought two wars over the region since the 1990s.";

    #[test]
    fn reprints_and_near_copies_map_to_the_smallest_id() {
        let credited = format!("{WIRE} (Reuters)");
        let docs = vec![
            doc(3, "Floods closed roads across the south of the country on Monday."),
            doc(5, WIRE),
            doc(7, &WIRE.to_uppercase().replace(", ", " , ")),
            doc(9, &credited),
            doc(11, "Armenia and Azerbaijan met in Geneva to talk about the border."),
        ];
        let map = originals(&docs);
        assert_eq!(map.get(&7), Some(&5), "same words, other case and spacing");
        assert_eq!(map.get(&9), Some(&5), "a wire credit added");
        assert_eq!(map.get(&5), None, "the original maps to nothing");
        assert_eq!(map.get(&11), None, "the same actors in other words are no copy");
        assert_eq!(map.get(&3), None);
    }
}
