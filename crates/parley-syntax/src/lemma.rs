//! Lemmatiser learned from the treebank's lemma column.
//!
//! A word seen in training with the same XPOS gets the lemma it had most
//! often. Proper nouns otherwise keep their form. Any other word gets a
//! suffix-rewrite rule (strip n chars, append a string; "studied" VBD:
//! strip "ied", append "y") chosen by its XPOS and its longest suffix
//! (up to 5 chars) seen in training, counted over word types.

use std::collections::{HashMap, HashSet};

use parley_doc::Upos;

use crate::bytes::{Reader, Writer};
use crate::hash::{f2, f3, hash_lower, hash_lower_chars, hash_str, IdentityBuild};
use crate::SyntaxError;

const MAX_SUFFIX: usize = 5;

/// A suffix rewrite: drop `strip` chars from the end of the lowercased
/// form, then append `append`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Rule {
    pub(crate) strip: u8,
    pub(crate) append: String,
}

impl Rule {
    /// The rule that turns `form` (lowercased) into `lemma`.
    pub(crate) fn between(form: &str, lemma: &str) -> Rule {
        let f: Vec<char> = form.chars().collect();
        let l: Vec<char> = lemma.chars().collect();
        let common = f.iter().zip(&l).take_while(|(a, b)| a == b).count();
        Rule { strip: (f.len() - common).min(255) as u8, append: l[common..].iter().collect() }
    }

    /// Applies the rule; `None` if it strips more than the word has.
    pub(crate) fn apply(&self, lower: &[char]) -> Option<String> {
        let keep = lower.len().checked_sub(self.strip as usize)?;
        let mut out: String = lower[..keep].iter().collect();
        out.push_str(&self.append);
        Some(out)
    }
}

/// The trained lemmatiser.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lemmatizer {
    /// Key of (lowercased form, XPOS) -> lemma.
    table: HashMap<u64, String, IdentityBuild>,
    /// Key of (XPOS, suffix length, suffix) -> index into `rules`.
    by_suffix: HashMap<u64, u32, IdentityBuild>,
    rules: Vec<Rule>,
    /// Hashes ([`hash_lower`]) of every lemma in `table`.
    known: HashSet<u64, IdentityBuild>,
}

fn table_key(lower_hash: u64, xpos_hash: u64) -> u64 {
    f2(0x1e, lower_hash, xpos_hash)
}

fn suffix_key(xpos: &str, k: usize, suffix: &[char]) -> u64 {
    f3(0x5f, hash_str(xpos), k as u64, hash_lower_chars(suffix.iter().copied()))
}

impl Lemmatizer {
    /// Learns from (form, XPOS, lemma) triples of the training data.
    pub(crate) fn train<'a>(
        tokens: impl Iterator<Item = (&'a str, &'a str, &'a str)>,
    ) -> Lemmatizer {
        // (lower form, xpos) -> lemma -> count; BTreeMap-free but sorted below for determinism.
        let mut seen: HashMap<(String, String), HashMap<String, u32>> = HashMap::new();
        for (form, xpos, lemma) in tokens {
            if lemma == "_" || lemma.is_empty() {
                continue;
            }
            let lower = form.to_lowercase();
            *seen
                .entry((lower, xpos.to_string()))
                .or_default()
                .entry(lemma.to_string())
                .or_default() += 1;
        }
        let mut entries: Vec<((String, String), String)> = seen
            .into_iter()
            .filter_map(|(key, lemmas)| {
                let best =
                    lemmas.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))?;
                Some((key, best.0))
            })
            .collect();
        entries.sort();
        let mut table = HashMap::with_hasher(IdentityBuild);
        let mut rule_counts: HashMap<u64, HashMap<Rule, u32>> = HashMap::new();
        for ((lower, xpos), lemma) in &entries {
            table.insert(table_key(hash_lower(lower), hash_str(xpos)), lemma.clone());
            let rule = Rule::between(lower, lemma);
            let chars: Vec<char> = lower.chars().collect();
            for k in 0..=MAX_SUFFIX.min(chars.len()) {
                let key = suffix_key(xpos, k, &chars[chars.len() - k..]);
                *rule_counts.entry(key).or_default().entry(rule.clone()).or_default() += 1;
            }
        }
        let mut rules: Vec<Rule> = Vec::new();
        let mut rule_ids: HashMap<Rule, u32> = HashMap::new();
        let mut by_suffix = HashMap::with_hasher(IdentityBuild);
        let mut keys: Vec<u64> = rule_counts.keys().copied().collect();
        keys.sort_unstable();
        for key in keys {
            let Some(counts) = rule_counts.get(&key) else { continue };
            let best = counts.iter().max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)));
            if let Some((rule, _)) = best {
                let id = *rule_ids.entry(rule.clone()).or_insert_with(|| {
                    rules.push(rule.clone());
                    rules.len() as u32 - 1
                });
                by_suffix.insert(key, id);
            }
        }
        let known = known_lemmas(&table);
        Lemmatizer { table, by_suffix, rules, known }
    }

    /// The lemma of a word given its tags.
    #[cfg(test)]
    pub(crate) fn lemma(&self, form: &str, upos: Upos, xpos: &str) -> String {
        self.lemma_hashed(form, hash_lower(form), upos, xpos, hash_str(xpos))
    }

    /// [`Self::lemma`], given the hashes of the lowercased form
    /// ([`hash_lower`]) and of the XPOS ([`hash_str`]), which the caller
    /// has at hand.
    pub(crate) fn lemma_hashed(
        &self,
        form: &str,
        lower_hash: u64,
        upos: Upos,
        xpos: &str,
        xpos_hash: u64,
    ) -> String {
        if let Some(lemma) = self.table.get(&table_key(lower_hash, xpos_hash)) {
            return lemma.clone();
        }
        if upos == Upos::PROPN {
            return form.to_string();
        }
        let lower: Vec<char> = form.chars().flat_map(char::to_lowercase).collect();
        // An inflected form's candidates are checked against the lemmas
        // seen in training: the longest suffix can come from a single word
        // ("focused" -> "focus" makes "accused" -> "accus"), while a shorter
        // suffix's rule gives a lemma the treebank knows ("accuse").
        let inflected = matches!(xpos, "VBD" | "VBN" | "VBG" | "VBZ" | "NNS");
        let mut first: Option<String> = None;
        for k in (0..=MAX_SUFFIX.min(lower.len())).rev() {
            if let Some(&id) = self.by_suffix.get(&suffix_key(xpos, k, &lower[lower.len() - k..])) {
                // A rule learned from a capitalised lemma ("AIDS") would
                // write capitals into an unseen word ("Rapid" -> "raAid"):
                // a suffix rewrite never changes case.
                let rule = self
                    .rules
                    .get(id as usize)
                    .filter(|r| !r.append.chars().any(char::is_uppercase));
                let Some(lemma) = rule.and_then(|r| r.apply(&lower)) else { continue };
                if lemma.is_empty() {
                    continue;
                }
                if !inflected || self.known.contains(&hash_lower(&lemma)) {
                    return lemma;
                }
                first.get_or_insert(lemma);
            }
        }
        first.unwrap_or_else(|| lower.into_iter().collect())
    }

    /// Number of (form, tag) entries and of suffix keys.
    pub(crate) fn size(&self) -> (usize, usize) {
        (self.table.len(), self.by_suffix.len())
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        let mut table: Vec<(&u64, &String)> = self.table.iter().collect();
        table.sort_unstable();
        w.len(table.len());
        for (k, v) in table {
            w.u64(*k);
            w.str(v);
        }
        w.len(self.rules.len());
        for r in &self.rules {
            w.u8(r.strip);
            w.str(&r.append);
        }
        let mut by_suffix: Vec<(&u64, &u32)> = self.by_suffix.iter().collect();
        by_suffix.sort_unstable();
        w.len(by_suffix.len());
        for (k, v) in by_suffix {
            w.u64(*k);
            w.u32(*v);
        }
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Lemmatizer, SyntaxError> {
        let n = r.len(12)?;
        let mut table = HashMap::with_capacity_and_hasher(n, IdentityBuild);
        for _ in 0..n {
            let k = r.u64()?;
            table.insert(k, r.str()?);
        }
        let n = r.len(5)?;
        let mut rules = Vec::with_capacity(n);
        for _ in 0..n {
            let strip = r.u8()?;
            rules.push(Rule { strip, append: r.str()? });
        }
        let n = r.len(12)?;
        let mut by_suffix = HashMap::with_capacity_and_hasher(n, IdentityBuild);
        for _ in 0..n {
            let k = r.u64()?;
            let v = r.u32()?;
            if v as usize >= rules.len() {
                return Err(r.error("lemma rule index out of range"));
            }
            by_suffix.insert(k, v);
        }
        let known = known_lemmas(&table);
        Ok(Lemmatizer { table, by_suffix, rules, known })
    }
}

fn known_lemmas(table: &HashMap<u64, String, IdentityBuild>) -> HashSet<u64, IdentityBuild> {
    table.values().map(|lemma| hash_lower(lemma)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_between_forms() {
        let cases = [
            ("studied", "study", 3, "y"),
            ("walked", "walk", 2, ""),
            ("went", "go", 4, "go"),
            ("dogs", "dog", 1, ""),
            ("run", "run", 0, ""),
        ];
        for (form, lemma, strip, append) in cases {
            let rule = Rule::between(form, lemma);
            assert_eq!((rule.strip, rule.append.as_str()), (strip, append), "{form}");
            let chars: Vec<char> = form.chars().collect();
            assert_eq!(rule.apply(&chars).as_deref(), Some(lemma));
        }
        assert_eq!(Rule { strip: 9, append: String::new() }.apply(&['a']), None);
    }

    #[test]
    fn suffix_rules_never_write_capitals() {
        // The only rule learned rewrites the whole word into a capitalised lemma.
        let lem = Lemmatizer::train([("rapids", "NNS", "Rapids")].into_iter());
        assert_eq!(lem.lemma("Rapids", Upos::NOUN, "NNS"), "Rapids");
        assert_eq!(lem.lemma("squids", Upos::NOUN, "NNS"), "squids");
    }

    #[test]
    fn a_rule_giving_a_known_base_form_wins_over_a_longer_suffix() {
        let data = [
            // "-cused" -> strip "ed", learned from one word...
            ("focused", "VBD", "focus"),
            // ...while "-sed" -> strip "d" is general, and "accuse" is known.
            ("raised", "VBD", "raise"),
            ("closed", "VBD", "close"),
            ("accuses", "VBZ", "accuse"),
        ];
        let lem = Lemmatizer::train(data.iter().copied());
        assert_eq!(lem.lemma("accused", Upos::VERB, "VBD"), "accuse");
        // No known base form either way: the longest suffix still decides.
        assert_eq!(lem.lemma("refocused", Upos::VERB, "VBD"), "refocus");
    }

    #[test]
    fn seen_words_proper_nouns_and_suffix_rules() {
        let data = [
            ("studied", "VBD", "study"),
            ("carried", "VBD", "carry"),
            ("walked", "VBD", "walk"),
            ("played", "VBD", "play"),
            ("talked", "VBD", "talk"),
            ("went", "VBD", "go"),
            ("I", "PRP", "I"),
            ("Cats", "NNS", "cat"),
            ("dogs", "NNS", "dog"),
        ];
        let lem = Lemmatizer::train(data.iter().copied());
        let cases = [
            ("went", Upos::VERB, "VBD", "go"),
            ("Went", Upos::VERB, "VBD", "go"),
            ("I", Upos::PRON, "PRP", "I"),
            ("worried", Upos::VERB, "VBD", "worry"),
            ("jumped", Upos::VERB, "VBD", "jump"),
            ("Horses", Upos::NOUN, "NNS", "horse"),
            ("Kyiv", Upos::PROPN, "NNP", "Kyiv"),
            ("Unseen", Upos::ADJ, "JJ", "unseen"),
        ];
        for (form, upos, xpos, lemma) in cases {
            assert_eq!(lem.lemma(form, upos, xpos), lemma, "{form}");
        }
        let mut w = Writer::default();
        lem.write(&mut w);
        let back = Lemmatizer::read(&mut Reader::new(&w.buf)).expect("round trip");
        assert_eq!(back.lemma("worried", Upos::VERB, "VBD"), "worry");
    }
}
