//! Matching: the words of a sentence, dictionary pieces found over them
//! (longest match, case-aware), and runs of capitalised words that may be
//! names the dictionary lacks.

use parley_doc::{calendar, Document, Upos};

use crate::dictionary::{ActorDictionary, PhraseClass};
use crate::words::{self, Shape};

/// Hyphenated words that keep an actor phrase going: "Vietnamese-led forces".
pub(super) const HYPHEN_KEEP: &[&str] =
    &["led", "run", "controlled", "dominated", "owned", "commanded"];

/// Lower-case words that may sit inside a person's name ("Bashar al-Assad").
pub(super) const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "ibn", "bint", "abu", "de", "da", "di", "del", "van", "von", "der", "la", "le",
    "el", "dos", "ben",
];

/// Capitalised words that do not start a name (with month and weekday
/// names: see [`not_a_name`]).
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "of",
    "for",
    "and",
    "but",
    "or",
    "if",
    "as",
    "by",
    "to",
    "from",
    "with",
    "after",
    "before",
    "since",
    "when",
    "while",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "our",
    "my",
    "you",
    "your",
    "there",
    "here",
    "what",
    "who",
    "why",
    "how",
    "where",
    "however",
    "meanwhile",
    "despite",
    "although",
    "according",
    "last",
    "next",
    "earlier",
    "later",
    "asked",
    "speaking",
    "under",
    "among",
    "all",
    "some",
    "both",
    "no",
    "not",
    "so",
    "also",
    "then",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "mr",
    "mrs",
    "ms",
    "dr",
    "said",
];

/// Whether a capitalised word cannot start a name: a function word, or a
/// month or weekday written out ("June", "Thursday"; not "Jan", a name too).
pub(super) fn not_a_name(norm: &str) -> bool {
    NOT_NAMES.contains(&norm)
        || calendar::MONTHS.contains(&norm)
        || calendar::WEEKDAYS.contains(&norm)
}

/// The piece that starts after preposition `prep` at word `at` (and an
/// optional "the"), with the word it starts at: "president *of* Armenia".
pub(super) fn piece_after(
    words: &[Word],
    piece_at: &[Option<usize>],
    at: usize,
    prep: &str,
) -> Option<(usize, usize)> {
    if at + 1 >= words.len() || words[at].norm != prep {
        return None;
    }
    let mut s = at + 1;
    if words[s].norm == "the" && s + 1 < words.len() {
        s += 1;
    }
    piece_at[s].map(|pk| (s, pk))
}

/// A word of a sentence: a token, or a part of one ("Russia" in "Russia's").
#[derive(Debug, Clone)]
pub(super) struct Word {
    pub(super) norm: String,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) token: usize,
    pub(super) shape: Shape,
    pub(super) upos: Option<Upos>,
    pub(super) deprel: Option<String>,
}

/// A dictionary phrase found over words `[start, end)`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Piece {
    pub(super) entry: u32,
    pub(super) class: PhraseClass,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// Finds the dictionary's phrases over a sentence, longest first, left to right.
pub(super) fn find_pieces(dict: &ActorDictionary, words: &[Word]) -> Vec<Piece> {
    let trie = &dict.trie;
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut node = 0u32;
        let mut best: Option<Piece> = None;
        for (j, w) in words.iter().enumerate().skip(i) {
            let Some(next) = trie.word_id(&w.norm).and_then(|wid| trie.step(node, wid)) else {
                break;
            };
            node = next;
            if let Some(t) = trie.target(node) {
                let ok = t.cases.iter().zip(&words[i..=j]).all(|(c, w)| c.accepts(w.shape));
                if ok {
                    best = Some(Piece { entry: t.entry, class: t.class, start: i, end: j + 1 });
                }
            }
        }
        match best {
            Some(p) => {
                out.push(p);
                i = p.end;
            }
            None => i += 1,
        }
    }
    out
}

pub(super) fn is_title_word(norm: &str) -> bool {
    matches!(norm, "mr" | "mrs" | "ms" | "dr" | "sir" | "dame" | "miss")
}

pub(super) fn sentence_words(doc: &Document, range: std::ops::Range<usize>) -> Vec<Word> {
    let mut out = Vec::with_capacity(range.len() + 4);
    for ti in range {
        let Some(tok) = doc.tokens.get(ti) else { break };
        let Some(text) = doc.text.get(tok.span.start..tok.span.end) else { continue };
        for (s, e) in words::split(text) {
            let raw = &text[s..e];
            out.push(Word {
                norm: words::normalize(raw),
                start: tok.span.start + s,
                end: tok.span.start + e,
                token: ti,
                shape: words::shape(raw),
                upos: tok.upos,
                deprel: tok.deprel.clone(),
            });
        }
    }
    out
}

/// End of a run of capitalised, non-dictionary words starting at `i`
/// (with "al-", "bin", "de" inside), at most five words.
pub(super) fn name_end(words: &[Word], i: usize, piece_at: &[Option<usize>]) -> Option<usize> {
    let first = words.get(i)?;
    if piece_at[i].is_some()
        || !matches!(first.shape, Shape::Capitalized)
        || not_a_name(&first.norm)
    {
        return None;
    }
    if matches!(first.upos, Some(u) if u != Upos::PROPN && u != Upos::X && u != Upos::NOUN && u != Upos::ADJ)
    {
        return None;
    }
    let mut end = i + 1;
    let mut count = 1;
    while end < words.len() && count < 5 {
        let w = &words[end];
        if piece_at[end].is_some() {
            break;
        }
        if matches!(w.shape, Shape::Capitalized) && !not_a_name(&w.norm) {
            end += 1;
            count += 1;
        } else {
            let joins = (w.norm == "-" || NAME_PARTICLES.contains(&w.norm.as_str()))
                && end + 1 < words.len()
                && piece_at[end + 1].is_none()
                && (matches!(words[end + 1].shape, Shape::Capitalized)
                    || (w.norm != "-" && words[end + 1].norm == "-"));
            let after_particle =
                w.norm == "-" && NAME_PARTICLES.contains(&words[end - 1].norm.as_str());
            if !(joins || after_particle) {
                break;
            }
            end += 1;
        }
    }
    // Never end on a particle or hyphen.
    while end > i + 1
        && (words[end - 1].norm == "-" || NAME_PARTICLES.contains(&words[end - 1].norm.as_str()))
    {
        end -= 1;
    }
    Some(end)
}

pub(super) fn name_text(words: &[Word], s: usize, e: usize) -> String {
    let mut out = String::new();
    for (k, w) in words[s..e].iter().enumerate() {
        if k > 0 && w.norm != "-" && words[s + k - 1].norm != "-" {
            out.push(' ');
        }
        out.push_str(&w.norm);
    }
    // Title case for display.
    out.split(' ')
        .map(|part| {
            part.split('-')
                .map(|p| {
                    let mut c = p.chars();
                    match c.next() {
                        Some(f) if !NAME_PARTICLES.contains(&p) => {
                            f.to_uppercase().chain(c).collect()
                        }
                        Some(f) => std::iter::once(f).chain(c).collect(),
                        None => String::new(),
                    }
                })
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn name_key(words: &[Word], s: usize, e: usize) -> String {
    words[s..e].iter().map(|w| w.norm.as_str()).filter(|w| *w != "-").collect::<Vec<_>>().join(" ")
}
