//! Stories: articles about one chain of events, grouped.
//!
//! Two documents are linked when either
//!
//! - **they tell of the same actors in similar words, close in time**: their
//!   publication dates are at most [`MAX_DAYS_APART`] days apart (both
//!   dated), they share at least two actor roots (the three-letter country
//!   or group of their mentions and events) or one dyad (an actor and a
//!   recipient of an event, either way round), and the Jaccard similarity of
//!   their content-word sets (lower-cased words of four letters or more,
//!   stop words dropped) is at least [`MIN_WORD_JACCARD`]; or
//! - **one is a copy of the other** (a wire story run by two outlets): the
//!   Jaccard similarity of their word 5-shingles is at least
//!   [`MIN_SHINGLE_JACCARD`], whatever their dates and actors.
//!
//! Stories are the connected components of the links (union-find), so a
//! story can run longer than 14 days through a chain of articles. Both
//! similarities are estimated with MinHash ([`SIGNATURE_LEN`] hashes);
//! candidate pairs come from the actor index (documents sharing an actor
//! root within the window) and from LSH over the shingle signatures
//! ([`BANDS`] bands of [`ROWS`] rows), so no all-pairs pass is needed.
//! A story's id is its smallest document id; its title is its earliest
//! document's headline.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use parley_doc::calendar;

use crate::db::{Backend, Val};
use crate::merge::days_from_iso;
use crate::{code_root, StoreError};

/// Longest gap between two linked documents' publication dates, in days.
pub const MAX_DAYS_APART: i64 = 14;
/// Least content-word Jaccard similarity for documents with shared actors.
pub const MIN_WORD_JACCARD: f64 = 0.12;
/// Least 5-shingle Jaccard similarity for near-duplicates.
pub const MIN_SHINGLE_JACCARD: f64 = 0.5;
/// MinHash signature length.
pub const SIGNATURE_LEN: usize = 64;
/// LSH bands over the shingle signature.
pub const BANDS: usize = 16;
/// Rows per LSH band (`BANDS * ROWS == SIGNATURE_LEN`).
pub const ROWS: usize = 4;

const STOP: &[&str] = &[
    "about",
    "after",
    "again",
    "against",
    "also",
    "among",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "could",
    "does",
    "down",
    "during",
    "each",
    "from",
    "further",
    "have",
    "having",
    "here",
    "into",
    "itself",
    "just",
    "more",
    "most",
    "much",
    "must",
    "only",
    "other",
    "over",
    "said",
    "same",
    "says",
    "should",
    "since",
    "some",
    "such",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "under",
    "until",
    "very",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "will",
    "with",
    "would",
    "your",
    "year",
    "told",
    "according",
    "week",
];

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Lower-cased words of the text (letters and digits).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The content words of a text: four letters or more, not stop words.
pub fn content_words(text: &str) -> BTreeSet<String> {
    words(text)
        .into_iter()
        .filter(|w| {
            w.chars().count() >= 4
                && !w.chars().all(|c| c.is_ascii_digit())
                && !STOP.contains(&w.as_str())
                && !calendar::WEEKDAYS.contains(&w.as_str())
        })
        .collect()
}

/// Word 5-shingles of a text, hashed.
pub fn shingles(text: &str) -> HashSet<u64> {
    let w = words(text);
    if w.len() < 5 {
        return std::iter::once(fnv1a(w.join(" ").as_bytes())).collect();
    }
    w.windows(5).map(|win| fnv1a(win.join(" ").as_bytes())).collect()
}

/// MinHash signature of a set of hashed items.
pub fn minhash(items: impl IntoIterator<Item = u64>) -> [u64; SIGNATURE_LEN] {
    let mut sig = [u64::MAX; SIGNATURE_LEN];
    for item in items {
        for (i, slot) in sig.iter_mut().enumerate() {
            let h = splitmix(item ^ splitmix(i as u64 + 1));
            if h < *slot {
                *slot = h;
            }
        }
    }
    sig
}

/// Estimated Jaccard similarity of two signatures.
pub fn similarity(a: &[u64; SIGNATURE_LEN], b: &[u64; SIGNATURE_LEN]) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y && **x != u64::MAX).count();
    same as f64 / SIGNATURE_LEN as f64
}

/// What the story rule reads of a document.
#[derive(Debug, Clone)]
pub struct StoryDoc {
    /// Document id.
    pub id: i64,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Actor roots of its mentions and events.
    pub actors: BTreeSet<String>,
    /// Dyads of its events (actor root, recipient root), ordered pair-wise so (a,b) == (b,a).
    pub dyads: BTreeSet<(String, String)>,
    /// MinHash of its content words.
    pub words: [u64; SIGNATURE_LEN],
    /// MinHash of its word 5-shingles.
    pub shingles: [u64; SIGNATURE_LEN],
}

impl StoryDoc {
    /// Builds the features of a document from its text and codes.
    pub fn new(
        id: i64,
        date: Option<String>,
        text: &str,
        actor_codes: impl IntoIterator<Item = String>,
        dyads: impl IntoIterator<Item = (String, String)>,
    ) -> StoryDoc {
        let actors =
            actor_codes.into_iter().map(|c| code_root(&c)).filter(|c| !c.is_empty()).collect();
        let dyads = dyads
            .into_iter()
            .map(|(a, b)| {
                let (a, b) = (code_root(&a), code_root(&b));
                if a <= b {
                    (a, b)
                } else {
                    (b, a)
                }
            })
            .filter(|(a, b)| a != b)
            .collect();
        StoryDoc {
            id,
            date,
            actors,
            dyads,
            words: minhash(content_words(text).iter().map(|w| fnv1a(w.as_bytes()))),
            shingles: minhash(shingles(text)),
        }
    }
}

/// Whether two documents are linked by the story rule.
pub fn linked(a: &StoryDoc, b: &StoryDoc) -> bool {
    if similarity(&a.shingles, &b.shingles) >= MIN_SHINGLE_JACCARD {
        return true;
    }
    let close = match (
        a.date.as_deref().and_then(days_from_iso),
        b.date.as_deref().and_then(days_from_iso),
    ) {
        (Some(x), Some(y)) => (x - y).abs() <= MAX_DAYS_APART,
        _ => false,
    };
    if !close {
        return false;
    }
    let shared_actors = a.actors.intersection(&b.actors).count();
    let shared_dyad = a.dyads.intersection(&b.dyads).next().is_some();
    (shared_actors >= 2 || shared_dyad) && similarity(&a.words, &b.words) >= MIN_WORD_JACCARD
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller index is the root, so roots are deterministic.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// Groups documents into stories; each story lists document ids ascending,
/// stories sorted by their smallest id.
pub fn group(docs: &[StoryDoc]) -> Vec<Vec<i64>> {
    let mut uf = UnionFind((0..docs.len()).collect());
    // Components do not depend on the order pairs are tried, so pairs are
    // tried as found, skipping those already in one story.
    let try_pair = |uf: &mut UnionFind, i: usize, j: usize| {
        if uf.find(i) != uf.find(j) && linked(&docs[i], &docs[j]) {
            uf.union(i, j);
        }
    };
    // Candidates sharing an actor root, within the window.
    let mut by_actor: BTreeMap<&str, Vec<(i64, usize)>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        if let Some(day) = d.date.as_deref().and_then(days_from_iso) {
            for a in &d.actors {
                by_actor.entry(a.as_str()).or_default().push((day, i));
            }
        }
    }
    for list in by_actor.values_mut() {
        list.sort_unstable();
        for (k, &(day, i)) in list.iter().enumerate() {
            for &(other_day, j) in &list[k + 1..] {
                if other_day - day > MAX_DAYS_APART {
                    break;
                }
                try_pair(&mut uf, i, j);
            }
        }
    }
    // Candidates from LSH over the shingle signatures.
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        for band in 0..BANDS {
            let rows = &d.shingles[band * ROWS..(band + 1) * ROWS];
            let key = rows.iter().fold(0u64, |h, x| splitmix(h ^ x));
            buckets.entry((band, key)).or_default().push(i);
        }
    }
    let mut buckets: Vec<Vec<usize>> = buckets.into_values().filter(|m| m.len() > 1).collect();
    buckets.sort_unstable();
    for members in &buckets {
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                try_pair(&mut uf, i, j);
            }
        }
    }
    let mut stories: BTreeMap<usize, Vec<i64>> = BTreeMap::new();
    for (i, doc) in docs.iter().enumerate() {
        let root = uf.find(i);
        stories.entry(root).or_default().push(doc.id);
    }
    let mut out: Vec<Vec<i64>> = stories.into_values().collect();
    for s in &mut out {
        s.sort_unstable();
    }
    out.sort_by_key(|s| s[0]);
    out
}

/// Rebuilds `stories` and `story_documents`, and sets `events.story_id`
/// (inside the caller's transaction; run after the events are rebuilt).
pub(crate) fn rebuild_stories(db: &mut Backend) -> Result<usize, StoreError> {
    db.exec("DELETE FROM story_documents", &[])?;
    db.exec("DELETE FROM stories", &[])?;
    let docs = db.query("SELECT id, date, text, title, source FROM documents ORDER BY id", &[])?;
    let mut codes: HashMap<i64, Vec<String>> = HashMap::new();
    for row in db.query("SELECT DISTINCT document_id, code FROM mentions", &[])? {
        codes.entry(row.i64(0)).or_default().push(row.str(1));
    }
    let mut dyads: HashMap<i64, Vec<(String, String)>> = HashMap::new();
    for row in db.query(
        "SELECT DISTINCT document_id, actor_code, recipient_code FROM reports WHERE actor_code IS NOT NULL",
        &[],
    )? {
        let (doc, actor) = (row.i64(0), row.str(1));
        codes.entry(doc).or_default().push(actor.clone());
        if let Some(recipient) = row.opt_str(2) {
            codes.entry(doc).or_default().push(recipient.clone());
            dyads.entry(doc).or_default().push((actor, recipient));
        }
    }
    let features: Vec<StoryDoc> = docs
        .iter()
        .map(|row| {
            let id = row.i64(0);
            StoryDoc::new(
                id,
                row.opt_str(1),
                &row.str(2),
                codes.remove(&id).unwrap_or_default(),
                dyads.remove(&id).unwrap_or_default(),
            )
        })
        .collect();
    let info: HashMap<i64, (Option<String>, String, Option<String>, String)> = docs
        .iter()
        .map(|row| {
            let text = row.str(2);
            let title = row.opt_str(3).filter(|t| !t.trim().is_empty()).unwrap_or_else(|| {
                let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
                first_line.chars().take(100).collect()
            });
            (row.i64(0), (row.opt_str(1), title, row.opt_str(4), text))
        })
        .collect();
    let stories = group(&features);
    for members in &stories {
        let story_id = members[0];
        for doc in members {
            db.exec(
                "INSERT INTO story_documents (story_id, document_id) VALUES (?, ?)",
                &[Val::Int(story_id), Val::Int(*doc)],
            )?;
        }
        let mut dates: Vec<&str> =
            members.iter().filter_map(|d| info.get(d)?.0.as_deref()).collect();
        dates.sort_unstable();
        let earliest = members
            .iter()
            .min_by_key(|d| {
                (info.get(d).and_then(|i| i.0.clone()).unwrap_or_else(|| "9999".into()), **d)
            })
            .copied()
            .unwrap_or(story_id);
        let title = info.get(&earliest).map(|i| i.1.clone()).unwrap_or_default();
        let mut sources: Vec<&str> =
            members.iter().filter_map(|d| info.get(d)?.2.as_deref()).collect();
        sources.sort_unstable();
        sources.dedup();
        db.exec(
            "INSERT INTO stories (id, title, first_date, last_date, num_documents, num_events, num_sources, actors) \
             VALUES (?, ?, ?, ?, ?, 0, ?, '[]')",
            &[
                Val::Int(story_id),
                Val::from(title),
                Val::from(dates.first().copied()),
                Val::from(dates.last().copied()),
                Val::from(members.len()),
                Val::from(sources.len()),
            ],
        )?;
    }
    db.exec(
        "UPDATE events SET story_id = (SELECT sd.story_id FROM story_documents sd WHERE sd.document_id = events.first_document_id)",
        &[],
    )?;
    // Event counts and top actors per story, from the reports of its documents.
    let rows = db.query(
        "SELECT sd.story_id, e.id, e.actor_code, e.recipient_code FROM story_documents sd \
         JOIN reports r ON r.document_id = sd.document_id JOIN events e ON e.id = r.event_id \
         GROUP BY sd.story_id, e.id, e.actor_code, e.recipient_code",
        &[],
    )?;
    let mut per_story: BTreeMap<i64, (usize, BTreeMap<String, usize>)> = BTreeMap::new();
    for row in rows {
        let entry = per_story.entry(row.i64(0)).or_default();
        entry.0 += 1;
        for code in [row.opt_str(2), row.opt_str(3)].into_iter().flatten() {
            *entry.1.entry(code).or_default() += 1;
        }
    }
    for (story_id, (events, actors)) in per_story {
        let mut ranked: Vec<(String, usize)> = actors.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let top: Vec<String> = ranked.into_iter().take(5).map(|(c, _)| c).collect();
        let top = serde_json::to_string(&top).map_err(|e| StoreError::Internal(e.to_string()))?;
        db.exec(
            "UPDATE stories SET num_events = ?, actors = ? WHERE id = ?",
            &[Val::from(events), Val::from(top), Val::Int(story_id)],
        )?;
    }
    tracing::info!(
        documents = docs.len(),
        stories = stories.len(),
        "grouped documents into stories"
    );
    Ok(stories.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: i64, date: &str, text: &str, actors: &[&str], dyads: &[(&str, &str)]) -> StoryDoc {
        StoryDoc::new(
            id,
            Some(date.to_string()),
            text,
            actors.iter().map(|s| s.to_string()),
            dyads.iter().map(|(a, b)| (a.to_string(), b.to_string())),
        )
    }

    const SUMMIT_A: &str = "Russia rejected an invitation to the peace summit in Switzerland, the Kremlin said, \
        calling the conference in Buergenstock pointless without Moscow. Ukraine urged leaders to attend the summit.";
    const SUMMIT_B: &str = "Moscow will not attend the Swiss peace summit, Kremlin spokesman said, dismissing \
        the Buergenstock conference as pointless. Kyiv had urged world leaders to join the summit in Switzerland.";
    const SUMMIT_C: &str =
        "The Kremlin again rejected the peace summit in Switzerland as pointless, while \
        Ukraine urged leaders to attend the conference.";
    const SUMMIT_D: &str =
        "Switzerland hosts a peace summit that the Kremlin called pointless; Moscow \
        rejected the invitation and Ukraine urged leaders to come.";
    const SUMMIT_E: &str =
        "Leaders gather in Switzerland for the peace summit. Ukraine urged them to \
        attend; Russia rejected its invitation, the Kremlin calling the conference pointless.";
    const FLOODS: &str =
        "Heavy floods swept through southern Germany, forcing thousands of residents from \
        their homes as rivers burst their banks after days of torrential rain.";

    #[test]
    fn similar_reports_with_shared_actors_are_one_story() {
        let a = doc(1, "2024-06-01", SUMMIT_A, &["RUSGOV", "UKRGOV", "CHE"], &[("RUSGOV", "CHE")]);
        let b = doc(2, "2024-06-03", SUMMIT_B, &["RUSGOV", "UKRGOV"], &[]);
        assert!(
            similarity(&a.words, &b.words) >= MIN_WORD_JACCARD,
            "{}",
            similarity(&a.words, &b.words)
        );
        assert!(linked(&a, &b));
        // Similar words a month later: another story.
        let late = doc(3, "2024-07-15", SUMMIT_C, &["RUSGOV", "UKRGOV"], &[]);
        assert!(similarity(&a.words, &late.words) >= MIN_WORD_JACCARD);
        assert!(!linked(&a, &late));
        // Close in time and shared actors, other words: another story.
        let floods = doc(4, "2024-06-02", FLOODS, &["RUSGOV", "UKRGOV"], &[]);
        assert!(!linked(&a, &floods));
        // Similar words but one shared actor and no dyad: another story.
        let one_actor = doc(5, "2024-06-02", SUMMIT_D, &["RUSGOV"], &[]);
        assert!(!linked(&a, &one_actor));
        // ... unless they share a dyad (either way round).
        let dyad = doc(6, "2024-06-02", SUMMIT_E, &["CHE"], &[("CHE", "RUSGOV")]);
        assert!(linked(&a, &dyad));
        assert_eq!(
            group(&[a, b, late, floods, one_actor, dyad]),
            vec![vec![1, 2, 6], vec![3], vec![4], vec![5]]
        );
    }

    #[test]
    fn near_duplicates_link_whatever_the_dates() {
        let a = doc(1, "2024-06-01", SUMMIT_A, &[], &[]);
        let copy = doc(2, "2025-01-01", &format!("{SUMMIT_A} (Reuters)"), &[], &[]);
        assert!(similarity(&a.shingles, &copy.shingles) >= MIN_SHINGLE_JACCARD);
        assert_eq!(group(&[a, copy]), vec![vec![1, 2]]);
    }

    #[test]
    fn minhash_estimates_jaccard() {
        let a: Vec<u64> = (0..1000).collect();
        let b: Vec<u64> = (500..1500).collect(); // Jaccard 1/3
        let s = similarity(&minhash(a), &minhash(b));
        assert!((s - 1.0 / 3.0).abs() < 0.15, "{s}");
    }
}
