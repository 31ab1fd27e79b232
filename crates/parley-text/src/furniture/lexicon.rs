//! The furniture vocabulary: phrasing that page templates share across
//! sites, kept as data (`data/text/furniture.txt`), embedded and
//! extendable with a file in the same format.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::error::TextError;

const EMBEDDED: &str = include_str!("../../../../data/text/furniture.txt");

/// Named lists of lowercase phrases (or, for the caption sections, phrases
/// in their own case); see the data file's header for the format.
#[derive(Debug, Clone, Default)]
pub struct FurnitureLexicon {
    sections: HashMap<String, Section>,
}

#[derive(Debug, Clone, Default)]
struct Section {
    entries: Vec<String>,
    set: HashSet<String>,
}

/// Sections compared in the entry's own case (agency names, credit labels).
const CASED: &[&str] = &["caption-agency", "caption-label", "caption-credit"];

impl FurnitureLexicon {
    /// The vocabulary embedded in the binary.
    pub fn embedded() -> &'static FurnitureLexicon {
        static LEXICON: OnceLock<FurnitureLexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let mut lexicon = FurnitureLexicon::default();
            // The embedded file is checked by a test, so it always parses.
            if let Err(err) = lexicon.extend(EMBEDDED, "data/text/furniture.txt") {
                tracing::error!(error = %err, "embedded furniture vocabulary is malformed");
            }
            lexicon
        })
    }

    /// The embedded vocabulary with the entries of `text` added.
    ///
    /// # Errors
    /// [`TextError::BadLexicon`] for an entry before any `[section]` line
    /// or an empty section name.
    pub fn embedded_with(text: &str, origin: &str) -> Result<FurnitureLexicon, TextError> {
        let mut lexicon = FurnitureLexicon::embedded().clone();
        lexicon.extend(text, origin)?;
        Ok(lexicon)
    }

    /// Adds the entries of `text` (in the data file's format; `origin`
    /// names it in errors).
    ///
    /// # Errors
    /// [`TextError::BadLexicon`] for an entry before any `[section]` line
    /// or an empty section name.
    pub fn extend(&mut self, text: &str, origin: &str) -> Result<(), TextError> {
        let mut current: Option<String> = None;
        for (i, raw) in text.lines().enumerate() {
            let bad = |message: &str| TextError::BadLexicon {
                origin: origin.to_string(),
                line: i + 1,
                message: message.to_string(),
            };
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            if let Some(name) = line.trim().strip_prefix('[') {
                let name = name.strip_suffix(']').ok_or_else(|| bad("unclosed `[`"))?.trim();
                if name.is_empty() {
                    return Err(bad("empty section name"));
                }
                current = Some(name.to_string());
                continue;
            }
            let section = current.as_ref().ok_or_else(|| bad("entry before any [section]"))?;
            // Entries keep a trailing space where one is written ("Photo by "),
            // so that "Photo byline" does not match.
            let entry = line.trim_start();
            let entry = if CASED.contains(&section.as_str()) {
                entry.to_string()
            } else {
                normalise(entry)
            };
            let s = self.sections.entry(section.clone()).or_default();
            if s.set.insert(entry.clone()) {
                s.entries.push(entry);
            }
        }
        Ok(())
    }

    /// The entries of a section (empty when the section is absent).
    pub(crate) fn entries(&self, section: &str) -> &[String] {
        self.sections.get(section).map(|s| s.entries.as_slice()).unwrap_or(&[])
    }

    /// Whether `text` is one of the section's entries.
    pub(crate) fn has(&self, section: &str, text: &str) -> bool {
        self.sections.get(section).is_some_and(|s| s.set.contains(text))
    }

    /// Whether `text` starts with one of the section's entries.
    pub(crate) fn starts(&self, section: &str, text: &str) -> bool {
        self.entries(section).iter().any(|e| text.starts_with(e.as_str()))
    }

    /// Whether `text` contains one of the section's entries.
    pub(crate) fn contains(&self, section: &str, text: &str) -> bool {
        self.entries(section).iter().any(|e| text.contains(e.as_str()))
    }
}

/// Lowercase, blank space collapsed (a trailing space kept as one), curly
/// apostrophes straight: how lines are compared with entries.
pub(crate) fn normalise(text: &str) -> String {
    let trailing = text.ends_with(' ');
    let mut out = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    out = out.replace('’', "'");
    if trailing && !out.is_empty() {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_vocabulary_parses_and_has_its_sections() {
        let mut lexicon = FurnitureLexicon::default();
        lexicon.extend(EMBEDDED, "embedded").expect("embedded vocabulary parses");
        for section in ["stop-words", "comment-prompt", "related-heading", "caption-agency"] {
            assert!(!lexicon.entries(section).is_empty(), "{section}");
        }
        assert!(lexicon.has("caption-agency", "Getty Images"));
        assert!(lexicon.starts("caption-label", "Photo by Jim Reyes"));
        assert!(!lexicon.starts("caption-label", "Photo byline"));
    }

    #[test]
    fn a_user_file_adds_entries_and_bad_files_are_typed_errors() {
        let lexicon =
            FurnitureLexicon::embedded_with("# mine\n[comment-prompt]\nTell Us  What\n", "mine")
                .expect("parses");
        assert!(lexicon.starts("comment-prompt", "tell us what you think"));
        assert!(lexicon.starts("comment-prompt", "join the debate"), "embedded entries stay");
        let err = FurnitureLexicon::embedded_with("orphan\n", "x.txt").expect_err("no section");
        assert_eq!(err.to_string(), "x.txt:1: entry before any [section]");
        let err = FurnitureLexicon::embedded_with("[a\nb\n", "x.txt").expect_err("unclosed");
        assert!(matches!(err, TextError::BadLexicon { line: 1, .. }), "{err}");
    }
}
