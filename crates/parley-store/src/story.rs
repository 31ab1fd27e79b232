//! Stories: articles about one chain of events, grouped, one document at
//! a time, each story bounded in parties and time.
//!
//! A stored document joins a story when either
//!
//! - **it is a copy of a member** ([`crate::copies`]: the same body, or an
//!   estimated 5-shingle Jaccard similarity of at least
//!   [`crate::copies::NEAR_COPY`]): it joins its original's story,
//!   whatever its date; or
//! - **it fits the story's own profile**, all of:
//!   1. *time*: the document is dated, within [`MAX_DAYS_APART`] days of
//!      the story's first to last document, and the story with it spans at
//!      most [`MAX_STORY_DAYS`] days;
//!   2. *parties*: the document's **principal parties** (the two roots of
//!      its most reported dyad, an actor and a recipient either way round;
//!      without a dyad, its two most mentioned actor roots) are both among
//!      the story's parties: the principal parties of any member, and the
//!      actor roots that half or more of its members mention;
//!   3. *words*: the Jaccard similarity of its content-word set
//!      (lower-cased words of four letters or more, stop words dropped)
//!      with one of the story's [`RECENT_MEMBERS`] latest members is at
//!      least [`MIN_WORD_JACCARD`].
//!
//!   Among the stories it fits it joins the one with the most similar
//!   words (then the smallest id); fitting none, it starts its own.
//!
//! A document is tested against the story as a whole, never linked
//! through one member to another, so stories do not chain: a story never
//! runs longer than [`MAX_STORY_DAYS`] days (copies aside) and never takes
//! a document about another pair of parties. Similarities are estimated
//! with MinHash ([`SIGNATURE_LEN`] hashes); candidate stories come from the
//! index of documents by party and day. A story's id is its smallest
//! document id; its title is its earliest document's headline.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use parley_doc::calendar;
use serde::{Deserialize, Serialize};

use crate::code_root;
use crate::merge::days_from_iso;

pub(crate) use crate::story_place::{features_of, place_in_story, refresh_story, store_features};

/// Longest gap between a document's publication date and its story's
/// first to last document, in days.
pub const MAX_DAYS_APART: i64 = 14;
/// Longest span of a story (first to last document), in days.
pub const MAX_STORY_DAYS: i64 = 60;
/// Least content-word Jaccard similarity with one of a story's members.
pub const MIN_WORD_JACCARD: f64 = 0.12;
/// The latest members of a story a document's words are compared with.
pub const RECENT_MEMBERS: usize = 16;
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

/// What the story rule reads of a document (also stored, in
/// `document_features`, for the documents placed after it).
#[derive(Debug, Clone)]
pub struct Features {
    /// Document id.
    pub id: i64,
    /// Publication day (days since 1970-01-01).
    pub day: Option<i64>,
    /// Its principal parties (actor roots), at most two.
    pub principal: Vec<String>,
    /// Actor roots of its mentions and events.
    pub actors: BTreeSet<String>,
    /// MinHash of its content words.
    pub words: [u64; SIGNATURE_LEN],
    /// MinHash of its word 5-shingles.
    pub shingles: [u64; SIGNATURE_LEN],
}

impl Features {
    /// Builds the features of a document from its text, the codes of its
    /// mentions and the (actor, recipient) codes of its events.
    pub fn new(
        id: i64,
        date: Option<&str>,
        text: &str,
        mention_codes: impl IntoIterator<Item = String>,
        parties: impl IntoIterator<Item = (Option<String>, Option<String>)>,
    ) -> Features {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        let mut dyads: BTreeMap<(String, String), usize> = BTreeMap::new();
        let count = |code: &str, counts: &mut BTreeMap<String, usize>| {
            let root = code_root(code);
            if !root.is_empty() {
                *counts.entry(root.clone()).or_default() += 1;
            }
            root
        };
        for code in mention_codes {
            count(&code, &mut counts);
        }
        for (actor, recipient) in parties {
            let a = actor.map(|c| count(&c, &mut counts));
            let r = recipient.map(|c| count(&c, &mut counts));
            if let (Some(a), Some(r)) = (a, r) {
                if !a.is_empty() && !r.is_empty() && a != r {
                    let pair = if a <= r { (a, r) } else { (r, a) };
                    *dyads.entry(pair).or_default() += 1;
                }
            }
        }
        // The most reported dyad (the smallest of equals), else the two
        // most mentioned roots.
        let principal = match dyads.iter().rev().max_by_key(|(_, n)| **n) {
            Some(((a, b), _)) => vec![a.clone(), b.clone()],
            None => {
                let mut ranked: Vec<(&String, &usize)> = counts.iter().collect();
                ranked.sort_by(|x, y| y.1.cmp(x.1).then(x.0.cmp(y.0)));
                let mut top: Vec<String> =
                    ranked.into_iter().take(2).map(|(r, _)| r.clone()).collect();
                top.sort();
                top
            }
        };
        Features {
            id,
            day: date.and_then(days_from_iso),
            principal,
            actors: counts.into_keys().collect(),
            words: minhash(content_words(text).iter().map(|w| fnv1a(w.as_bytes()))),
            shingles: minhash(shingles(text)),
        }
    }
}

/// A story's profile, kept with it (`stories.profile`): what a document
/// must fit to join it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Members.
    pub documents: usize,
    /// First and last publication day of its dated members.
    pub first_day: Option<i64>,
    /// See `first_day`.
    pub last_day: Option<i64>,
    /// Members per principal party.
    pub principal: BTreeMap<String, usize>,
    /// Members per actor root mentioned.
    pub actors: BTreeMap<String, usize>,
}

impl Profile {
    /// Adds a member.
    pub fn add(&mut self, f: &Features) {
        self.documents += 1;
        if let Some(day) = f.day {
            self.first_day = Some(self.first_day.map_or(day, |d| d.min(day)));
            self.last_day = Some(self.last_day.map_or(day, |d| d.max(day)));
        }
        for p in &f.principal {
            *self.principal.entry(p.clone()).or_default() += 1;
        }
        for a in &f.actors {
            *self.actors.entry(a.clone()).or_default() += 1;
        }
    }

    /// The story's parties: the principal parties of any member, and the
    /// roots that half or more of its members mention.
    pub fn parties(&self) -> BTreeSet<&str> {
        let common = self.actors.iter().filter(|(_, n)| **n * 2 >= self.documents);
        self.principal.keys().chain(common.map(|(a, _)| a)).map(String::as_str).collect()
    }

    /// Whether a document fits the story in time and parties (rules 1
    /// and 2 of the module's header; words are tested apart).
    pub fn admits(&self, f: &Features) -> bool {
        let (Some(day), Some(first), Some(last)) = (f.day, self.first_day, self.last_day) else {
            return false;
        };
        let in_time = day >= first - MAX_DAYS_APART
            && day <= last + MAX_DAYS_APART
            && last.max(day) - first.min(day) <= MAX_STORY_DAYS;
        let parties = self.parties();
        in_time
            && f.principal.len() == 2
            && f.principal.iter().all(|p| parties.contains(p.as_str()))
    }
}

/// The LSH band keys of a shingle signature ([`BANDS`] bands of [`ROWS`]
/// rows), as stored in `document_bands`.
pub fn band_keys(sig: &[u64; SIGNATURE_LEN]) -> Vec<i64> {
    (0..BANDS)
        .map(|band| {
            let rows = &sig[band * ROWS..(band + 1) * ROWS];
            let key = rows.iter().fold(splitmix(band as u64), |h, x| splitmix(h ^ x));
            key as i64
        })
        .collect()
}

/// A signature as stored: 16 hex digits per hash.
pub(crate) fn sig_to_hex(sig: &[u64; SIGNATURE_LEN]) -> String {
    sig.iter().map(|x| format!("{x:016x}")).collect()
}

/// A stored signature read back (`None` if malformed).
pub(crate) fn sig_from_hex(hex: &str) -> Option<[u64; SIGNATURE_LEN]> {
    let mut sig = [0u64; SIGNATURE_LEN];
    if hex.len() != SIGNATURE_LEN * 16 {
        return None;
    }
    for (i, slot) in sig.iter_mut().enumerate() {
        *slot = u64::from_str_radix(hex.get(i * 16..(i + 1) * 16)?, 16).ok()?;
    }
    Some(sig)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: i64, date: &str, text: &str, mentions: &[&str], dyads: &[(&str, &str)]) -> Features {
        Features::new(
            id,
            Some(date),
            text,
            mentions.iter().map(|s| s.to_string()),
            dyads.iter().map(|(a, b)| (Some(a.to_string()), Some(b.to_string()))),
        )
    }

    fn story_of(members: &[&Features]) -> Profile {
        let mut p = Profile::default();
        for m in members {
            p.add(m);
        }
        p
    }

    const SUMMIT_A: &str = "Russia rejected an invitation to the peace summit in Switzerland, the Kremlin said, \
        calling the conference in Buergenstock pointless without Moscow. Ukraine urged leaders to attend the summit.";
    const SUMMIT_B: &str = "Moscow will not attend the Swiss peace summit, Kremlin spokesman said, dismissing \
        the Buergenstock conference as pointless. Kyiv had urged world leaders to join the summit in Switzerland.";
    const FLOODS: &str =
        "Heavy floods swept through southern Germany, forcing thousands of residents from \
        their homes as rivers burst their banks after days of torrential rain.";

    #[test]
    fn principal_parties_are_the_most_reported_dyad_else_the_most_mentioned() {
        let a = doc(1, "2024-06-01", SUMMIT_A, &["RUSGOV", "UKRGOV", "CHE"], &[("RUSGOV", "CHE")]);
        assert_eq!(a.principal, vec!["CHE".to_string(), "RUS".to_string()]);
        let b = doc(2, "2024-06-03", SUMMIT_B, &["RUSGOV", "RUS", "UKRGOV"], &[]);
        assert_eq!(b.principal, vec!["RUS".to_string(), "UKR".to_string()]);
        let lone = doc(3, "2024-06-03", SUMMIT_B, &["RUSGOV"], &[]);
        assert_eq!(lone.principal, vec!["RUS".to_string()]);
    }

    #[test]
    fn a_story_admits_its_parties_within_its_time_bound() {
        let a = doc(1, "2024-06-01", SUMMIT_A, &["RUSGOV", "UKRGOV", "CHE"], &[("RUSGOV", "CHE")]);
        let story = story_of(&[&a]);
        // Its principal pair, or roots every member mentions.
        let b = doc(2, "2024-06-03", SUMMIT_B, &["RUSGOV", "UKRGOV"], &[]);
        assert!(story.admits(&b));
        assert!(similarity(&a.words, &b.words) >= MIN_WORD_JACCARD);
        // The same parties a month later: within 14 days of the story only.
        let late = doc(3, "2024-07-15", SUMMIT_B, &["RUSGOV", "UKRGOV"], &[]);
        assert!(!story.admits(&late));
        // Another pair: one party shared is not enough.
        let other = doc(4, "2024-06-02", SUMMIT_B, &["RUSGOV", "BLR"], &[("RUS", "BLR")]);
        assert!(!story.admits(&other));
        // One party only: no profile to fit.
        let lone = doc(5, "2024-06-02", SUMMIT_B, &["RUSGOV"], &[]);
        assert!(!story.admits(&lone));
        // Undated: never by profile.
        let undated =
            Features::new(6, None, SUMMIT_B, ["RUSGOV".to_string(), "UKR".to_string()], []);
        assert!(!story.admits(&undated));
        // Unrelated words are tested apart, by similarity.
        let floods = doc(7, "2024-06-02", FLOODS, &["RUSGOV", "UKRGOV"], &[]);
        assert!(similarity(&a.words, &floods.words) < MIN_WORD_JACCARD);
    }

    /// Each member fits the one before, but the story may not grow past
    /// its span: no chain of fortnights makes a six-year story.
    #[test]
    fn stories_do_not_chain_past_their_span() {
        let mut story = Profile::default();
        let mut joined = 0;
        for k in 0..20 {
            let date =
                crate::merge::iso_from_days(crate::merge::days_from_civil(2024, 1, 1) + k * 10);
            let f = doc(k + 1, &date, SUMMIT_A, &["RUSGOV", "CHE"], &[("RUS", "CHE")]);
            if k == 0 || story.admits(&f) {
                story.add(&f);
                joined += 1;
            }
        }
        assert_eq!(joined, 7, "days 0 to 60 of 2024, every ten days");
        assert_eq!(story.last_day.zip(story.first_day).map(|(l, f)| l - f), Some(MAX_STORY_DAYS));
    }

    #[test]
    fn signatures_round_trip_as_hex() {
        let sig = minhash(shingles(SUMMIT_A));
        assert_eq!(sig_from_hex(&sig_to_hex(&sig)), Some(sig));
        assert_eq!(sig_from_hex("00"), None);
        assert_eq!(band_keys(&sig).len(), BANDS);
    }

    #[test]
    fn minhash_estimates_jaccard() {
        let a: Vec<u64> = (0..1000).collect();
        let b: Vec<u64> = (500..1500).collect(); // Jaccard 1/3
        let s = similarity(&minhash(a), &minhash(b));
        assert!((s - 1.0 / 3.0).abs() < 0.15, "{s}");
    }
}
