//! The reader of `data/events/verdicts.txt`: one word list per section.

use std::path::Path;

use crate::error::EventError;
use crate::sent::Sent;

use super::scan::{phrase_at, word_is};

const VERDICTS: &str = include_str!("../../../../../data/events/verdicts.txt");

/// The entries of one section: words or phrases, each a list of lowercase
/// words, in file order (the scanners report matches in that order).
#[derive(Debug, Clone, Default)]
pub(super) struct WordList(Vec<Vec<String>>);

impl WordList {
    /// Whether token `i` is one of the list's one-word entries (as form,
    /// lemma or a candidate lemma).
    pub(super) fn word_at(&self, s: &Sent<'_>, i: usize) -> bool {
        self.0.iter().any(|w| w.len() == 1 && word_is(s, i, &w[0]))
    }

    /// Whether token `i`'s lemma is exactly one of the one-word entries
    /// (for verbs, whose inflected forms the tagger lemmatises).
    pub(super) fn lemma_at(&self, s: &Sent<'_>, i: usize) -> bool {
        self.0.iter().any(|w| w.len() == 1 && s.lemma[i] == w[0])
    }

    /// The entries of more than one word.
    pub(super) fn phrases(&self) -> impl Iterator<Item = &[String]> {
        self.0.iter().filter(|w| w.len() > 1).map(Vec::as_slice)
    }

    /// Whether a phrase entry starts at a token inside `region`.
    pub(super) fn phrase_in(&self, s: &Sent<'_>, region: &[bool]) -> bool {
        self.phrases().any(|w| (0..s.n).any(|i| region[i] && phrase_at(s, i, w, region).is_some()))
    }

    #[cfg(test)]
    pub(super) fn contains(&self, words: &[&str]) -> bool {
        self.0.iter().any(|w| w.iter().map(String::as_str).eq(words.iter().copied()))
    }
}

/// The word lists of `verdicts.txt`.
#[derive(Debug, Clone, Default)]
pub struct Verdicts {
    pub(super) judge: WordList,
    pub(super) reject: WordList,
    pub(super) accuse: WordList,
    pub(super) approve: WordList,
    pub(super) threaten: WordList,
    pub(super) proposal: WordList,
    pub(super) naming: WordList,
    pub(super) hope: WordList,
    pub(super) want: WordList,
    pub(super) setting: WordList,
    pub(super) restate: WordList,
    pub(super) demand: WordList,
}

impl Verdicts {
    /// The shipped lists.
    pub fn embedded() -> Result<Verdicts, EventError> {
        Verdicts::parse(VERDICTS, "embedded:verdicts.txt")
    }

    /// Reads a file in the format of `data/events/verdicts.txt`.
    pub fn load_path(path: &Path) -> Result<Verdicts, EventError> {
        let text = std::fs::read_to_string(path)
            .map_err(|error| EventError::Io { path: path.to_path_buf(), error })?;
        Verdicts::parse(&text, &path.display().to_string())
    }

    /// Parses `[section]` headers and one entry a line; `#` starts a comment.
    pub fn parse(text: &str, source: &str) -> Result<Verdicts, EventError> {
        let mut v = Verdicts::default();
        let mut section: Option<String> = None;
        for (n, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim().to_lowercase();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Some(name.to_string());
                continue;
            }
            let Some(name) = section.as_deref() else {
                return Err(EventError::bad_data(source, n + 1, "entry before a section"));
            };
            let Some(list) = v.section(name) else {
                return Err(EventError::bad_data(
                    source,
                    n + 1,
                    format!("unknown section [{name}]"),
                ));
            };
            list.0.push(line.split_whitespace().map(str::to_string).collect());
        }
        Ok(v)
    }

    fn section(&mut self, name: &str) -> Option<&mut WordList> {
        Some(match name {
            "judge" => &mut self.judge,
            "reject" => &mut self.reject,
            "accuse" => &mut self.accuse,
            "approve" => &mut self.approve,
            "threaten" => &mut self.threaten,
            "proposal" => &mut self.proposal,
            "naming" => &mut self.naming,
            "hope" => &mut self.hope,
            "want" => &mut self.want,
            "setting" => &mut self.setting,
            "restate" => &mut self.restate,
            "demand" => &mut self.demand,
            _ => return None,
        })
    }
}
