//! Noun classes (`data/events/noun-classes.txt`) and the word sets of
//! lexicon patterns that refer to them (`obj=@weapon,loan`).
//!
//! A class is a list of lemmas, built from WordNet hyponym closures by
//! `scripts/build-noun-classes.py`; a pattern names the class the codebook
//! means ("anything returned", "a weapon") instead of the nouns seen in a
//! few sentences.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::EventError;

/// Classes the coder reads itself, not through a lexicon pattern (the
/// verbs of `data/events/verb-classes.txt`).
pub const CODER_CLASSES: &[&str] =
    &["occur", "occur-fail", "govern", "measure", "refuse-if-negated"];

/// The lemmas of one class, shared by every pattern that refers to it.
pub type ClassWords = Arc<HashSet<String>>;

/// Named noun classes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NounClasses {
    classes: HashMap<String, ClassWords>,
}

impl NounClasses {
    /// Parses the class format: a `[name]` line opens a class, then its
    /// lemmas, whitespace-separated, over any number of lines; `#` starts a
    /// comment.
    pub fn parse(text: &str, source: &str) -> Result<NounClasses, EventError> {
        let mut classes: HashMap<String, HashSet<String>> = HashMap::new();
        let mut current: Option<String> = None;
        for (n, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(rest) = line.strip_prefix('[') {
                let name = rest
                    .strip_suffix(']')
                    .filter(|s| valid_name(s))
                    .ok_or_else(|| EventError::bad_data(source, n + 1, "want `[class-name]`"))?;
                classes.entry(name.to_string()).or_default();
                current = Some(name.to_string());
                continue;
            }
            let Some(name) = &current else {
                return Err(EventError::bad_data(source, n + 1, "lemmas before any `[class]`"));
            };
            let set = classes.entry(name.clone()).or_default();
            set.extend(line.split_whitespace().map(str::to_lowercase));
        }
        let classes = classes.into_iter().map(|(k, v)| (k, Arc::new(v))).collect();
        Ok(NounClasses { classes })
    }

    /// The class called `name`.
    pub fn get(&self, name: &str) -> Option<&ClassWords> {
        self.classes.get(name)
    }

    /// Class names, in no particular order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.classes.keys().map(String::as_str)
    }

    /// Adds the classes of `other`; a class with a name already here
    /// replaces the old one.
    pub fn extend(&mut self, other: NounClasses) {
        self.classes.extend(other.classes);
    }
}

fn valid_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c == '_')
}

/// The words a pattern requirement accepts: lemmas listed in the pattern
/// and the lemmas of the classes it names with `@`, and phrases
/// `head~modifier` whose head is accepted only with that modifier ("state
/// of emergency", "martial law": `state~emergency`, `law~martial`), for
/// heads that alone mean something else ("declared the law
/// unconstitutional").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WordSet {
    words: Vec<String>,
    classes: Vec<(String, ClassWords)>,
    phrases: Vec<(String, String)>,
}

impl WordSet {
    /// A set of plain lemmas (no classes).
    pub fn of<S: Into<String>>(words: impl IntoIterator<Item = S>) -> WordSet {
        WordSet {
            words: words.into_iter().map(Into::into).collect(),
            classes: Vec::new(),
            phrases: Vec::new(),
        }
    }

    /// Parses `a,b,@class,head~modifier`: `@name` refers to a class of
    /// `classes`; `head~modifier` accepts `head` only with that modifier.
    pub fn parse(list: &str, classes: &NounClasses) -> Result<WordSet, String> {
        let mut set = WordSet::default();
        for item in list.split(',').map(|w| w.trim().to_lowercase()).filter(|w| !w.is_empty()) {
            match item.strip_prefix('@') {
                Some(name) => {
                    let words =
                        classes.get(name).ok_or_else(|| format!("unknown noun class `@{name}`"))?;
                    set.classes.push((name.to_string(), Arc::clone(words)));
                }
                None => match item.split_once('~') {
                    Some((head, modifier)) => {
                        let ok = |w: &str| !w.is_empty() && !w.contains(['~', '@']);
                        if !ok(head) || !ok(modifier) {
                            return Err(format!("bad phrase `{item}` (want head~modifier)"));
                        }
                        set.phrases.push((head.to_string(), modifier.to_string()));
                    }
                    None => set.words.push(item),
                },
            }
        }
        Ok(set)
    }

    /// The `head~modifier` phrases listed.
    pub fn phrases(&self) -> &[(String, String)] {
        &self.phrases
    }

    /// Whether a phrase accepts head `lemma` with a modifier for which
    /// `has_modifier` holds.
    pub fn phrase_matches(&self, lemma: &str, has_modifier: impl Fn(&str) -> bool) -> bool {
        self.phrases.iter().any(|(h, m)| h == lemma && has_modifier(m))
    }

    /// Whether `lemma` is listed or belongs to one of the classes.
    pub fn contains(&self, lemma: &str) -> bool {
        self.words.iter().any(|w| w == lemma) || self.classes.iter().any(|(_, c)| c.contains(lemma))
    }

    /// The plain lemmas listed.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// The names of the classes referred to.
    pub fn class_names(&self) -> impl Iterator<Item = &str> {
        self.classes.iter().map(|(n, _)| n.as_str())
    }

    /// Points the class references at `classes` again (after classes were
    /// overridden); a class no longer there keeps its old words.
    pub fn rebind(&mut self, classes: &NounClasses) {
        for (name, words) in &mut self.classes {
            if let Some(new) = classes.get(name) {
                *words = Arc::clone(new);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes() -> NounClasses {
        NounClasses::parse("# c\n[weapon]\nmissile tank\nrifle\n[money] # x\nloan\n", "t")
            .expect("parses")
    }

    #[test]
    fn classes_parse_over_lines() {
        let c = classes();
        assert!(c.get("weapon").is_some_and(|w| w.contains("rifle") && w.contains("tank")));
        assert_eq!(c.get("money").map(|m| m.len()), Some(1));
        let err = NounClasses::parse("tank\n", "x.txt").expect_err("no class");
        assert!(err.to_string().starts_with("x.txt:1:"), "{err}");
        assert!(NounClasses::parse("[Bad Name]\n", "x").is_err());
    }

    #[test]
    fn word_sets_mix_words_and_classes() {
        let c = classes();
        let set = WordSet::parse("@weapon, grant", &c).expect("resolves");
        for (lemma, want) in [("missile", true), ("grant", true), ("loan", false), ("talks", false)]
        {
            assert_eq!(set.contains(lemma), want, "{lemma}");
        }
        assert_eq!(set.class_names().collect::<Vec<_>>(), vec!["weapon"]);
        let err = WordSet::parse("@nope", &c).expect_err("unknown class");
        assert!(err.contains("@nope"), "{err}");
    }

    #[test]
    fn phrases_need_their_modifier() {
        let c = classes();
        let set = WordSet::parse("state~emergency, law~martial, curfew", &c).expect("parses");
        // A phrase's head alone is not accepted; with its modifier it is.
        assert!(!set.contains("state") && !set.contains("law") && set.contains("curfew"));
        assert!(set.phrase_matches("state", |m| m == "emergency"));
        assert!(!set.phrase_matches("state", |m| m == "union"));
        assert!(!set.phrase_matches("law", |m| m == "emergency"));
        assert_eq!(set.phrases().len(), 2);
        assert!(WordSet::parse("state~", &c).is_err());
        assert!(WordSet::parse("~x", &c).is_err());
    }

    #[test]
    fn overriding_a_class_rebinds_references() {
        let mut c = classes();
        let mut set = WordSet::parse("@weapon", &c).expect("resolves");
        c.extend(NounClasses::parse("[weapon]\ndrone\n", "o").expect("parses"));
        set.rebind(&c);
        assert!(set.contains("drone"));
        assert!(!set.contains("missile"));
    }
}
