//! The one token scanner the verdict families share: where a section's
//! words or phrases occur (in a region of attributed speech or the whole
//! sentence), and the few tree tests every family asks of a match.

use parley_doc::Upos;

use crate::sent::{lemma_candidates, Sent};

use super::data::WordList;

/// Words that negate a predicate they modify.
pub(super) const NEG: &[&str] = &["not", "n't", "never", "no"];

/// Whether token `i` is the word `w` (form, lemma or a candidate lemma).
pub(super) fn word_is(s: &Sent<'_>, i: usize, w: &str) -> bool {
    let form = &s.lower[i];
    // Candidate lemmas only for an inflected form of the word: it is longer
    // and starts alike (the lists are scanned for every word of a clause).
    form == w
        || s.lemma[i] == w
        || (form.len() > w.len()
            && form.as_bytes().first() == w.as_bytes().first()
            && lemma_candidates(form).iter().any(|c| c == w))
}

fn is_quote_mark(s: &Sent<'_>, i: usize) -> bool {
    matches!(s.lower[i].as_str(), "\"" | "“" | "”" | "'" | "‘" | "’" | "``" | "''")
}

/// A phrase word that stands for one to four words of any kind
/// ("difficult for ... to take part").
pub(super) const GAP: &str = "...";

/// The tokens of phrase `words` from `i` (quote marks between words are
/// skipped; a `...` takes one to four words), all inside `region`.
pub(super) fn phrase_at(
    s: &Sent<'_>,
    i: usize,
    words: &[String],
    region: &[bool],
) -> Option<Vec<usize>> {
    let mut out = Vec::new();
    let mut j = i;
    let mut gap = false;
    for (k, w) in words.iter().enumerate() {
        if w == GAP {
            gap = k > 0;
            continue;
        }
        while k > 0 && j < s.n && is_quote_mark(s, j) {
            j += 1;
        }
        if gap {
            gap = false;
            j = (j + 1..(j + 5).min(s.n))
                .take_while(|&m| region[m - 1])
                .find(|&m| word_is(s, m, w))?;
        }
        if j >= s.n || !region[j] || !word_is(s, j, w) {
            return None;
        }
        out.push(j);
        j += 1;
    }
    Some(out)
}

/// Every occurrence of `list`'s phrases (entries of more than one word)
/// inside `region`: entry by entry in file order, then in text order.
pub(super) fn phrase_hits<'a>(
    s: &'a Sent<'_>,
    list: &'a WordList,
    region: &'a [bool],
) -> impl Iterator<Item = (&'a [String], Vec<usize>)> + 'a {
    list.phrases().flat_map(move |w| {
        (0..s.n).filter_map(move |i| {
            if !region[i] {
                return None;
            }
            phrase_at(s, i, w, region).map(|toks| (w, toks))
        })
    })
}

/// The tokens inside `region` that are one of `list`'s one-word entries.
pub(super) fn word_hits<'a>(
    s: &'a Sent<'_>,
    list: &'a WordList,
    region: &'a [bool],
) -> impl Iterator<Item = usize> + 'a {
    (0..s.n).filter(move |&i| region[i] && list.word_at(s, i))
}

/// The verbs of a sentence whose lemma is one of `list`'s words.
pub(super) fn verb_hits<'a>(
    s: &'a Sent<'_>,
    list: &'a WordList,
) -> impl Iterator<Item = usize> + 'a {
    (0..s.n).filter(move |&i| s.upos(i) == Some(Upos::VERB) && list.lemma_at(s, i))
}

pub(super) fn has_cop(s: &Sent<'_>, i: usize) -> bool {
    s.children[i].iter().any(|&c| s.base(c) == "cop")
}

/// The predicate whose clause token `i` is in: the nearest verb or
/// copular predicate at or above it.
pub(super) fn clause_head(s: &Sent<'_>, i: usize) -> usize {
    let mut cur = i;
    for _ in 0..8 {
        if s.upos(cur) == Some(Upos::VERB) || has_cop(s, cur) {
            return cur;
        }
        match s.head[cur] {
            Some(h) => cur = h,
            None => return cur,
        }
    }
    cur
}

pub(super) fn negated(s: &Sent<'_>, p: usize) -> bool {
    s.children[p].iter().any(|&c| {
        matches!(s.base(c), "advmod" | "neg" | "det") && NEG.contains(&s.lower[c].as_str())
    })
}

/// Marks `c` and everything it dominates.
pub(super) fn mark_subtree(s: &Sent<'_>, c: usize, toks: &mut [bool]) {
    for (i, t) in toks.iter_mut().enumerate() {
        let mut cur = i;
        for _ in 0..=s.n {
            if cur == c {
                *t = true;
                break;
            }
            match s.head[cur] {
                Some(h) => cur = h,
                None => break,
            }
        }
    }
}
