//! Domestic actors: a role or sector word whose phrase names no country
//! ("police fired", "the government said", "protesters gathered") takes
//! the document's country: the country of its dateline, else the country
//! it names most (no guess between countries named equally often). Which sectors
//! are domestic, and which of their words may be anyone's ("troops"), is
//! data: `data/actors/domestic.rules`.

use std::collections::{HashMap, HashSet};

use parley_doc::{Actor, Document, Upos};

use super::matching::{find_pieces, name_key, not_a_name, Word};
use super::roles::Reading;
use super::state::{push, DocState, Via};
use super::ActorCoder;
use crate::dictionary::{plural_phrase, EntryKind};
use crate::error::ActorError;
use crate::words::{self, Shape};

const EMBEDDED: &str = include_str!("../../../../data/actors/domestic.rules");

/// Which role and sector words take the document's country.
#[derive(Debug, Clone, Default)]
pub struct DomesticRules {
    sectors: HashSet<String>,
    /// Sectors that take only the dateline's country, not the one named most.
    dateline_only: HashSet<String>,
    anyone: HashSet<String>,
}

impl DomesticRules {
    /// The rules shipped in `data/actors/domestic.rules` (checked by a
    /// test; empty rules if they ever failed to parse).
    pub fn embedded() -> DomesticRules {
        DomesticRules::parse("domestic.rules", EMBEDDED).unwrap_or_default()
    }

    /// Reads rules in the format of `data/actors/domestic.rules`.
    pub fn parse(name: &str, text: &str) -> Result<DomesticRules, ActorError> {
        let mut rules = DomesticRules::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or_default().trim();
            if line.is_empty() {
                continue;
            }
            let Some((key, values)) = line.split_once('=') else {
                return Err(ActorError::syntax(name, n + 1, "expected KEY = VALUE; VALUE"));
            };
            let values = values.split(';').map(str::trim).filter(|v| !v.is_empty());
            match key.trim() {
                "sectors" => rules.sectors.extend(values.map(str::to_string)),
                "dateline-only" => rules.dateline_only.extend(values.map(str::to_string)),
                "anyone" => {
                    for v in values {
                        // Agents match in the plural too: so do these.
                        let plural = plural_phrase(v);
                        for v in std::iter::once(v).chain(plural.as_deref()) {
                            let norm = v.split_whitespace().map(words::normalize);
                            rules.anyone.insert(norm.collect::<Vec<_>>().join(" "));
                        }
                    }
                }
                other => {
                    return Err(ActorError::syntax(name, n + 1, format!("unknown key {other:?}")))
                }
            }
        }
        Ok(rules)
    }
}

/// What the document says of its own country, read before its sentences
/// are coded.
#[derive(Debug, Default)]
pub(super) struct DocCountry {
    /// The country of the dateline ("NAIROBI, Kenya (AP) —").
    pub(super) dateline: Option<String>,
    /// How often each country is named in the text.
    pub(super) named: HashMap<String, usize>,
}

impl ActorCoder {
    /// Reads the dateline and counts the countries a document names.
    pub(super) fn doc_country(&self, doc: &Document) -> DocCountry {
        let mut out = DocCountry::default();
        for f in doc.furniture.iter().filter(|f| f.reason == "dateline") {
            let Some(text) = doc.text.get(f.span.start..f.span.end) else { continue };
            let words = loose_words(text);
            let country = find_pieces(&self.dict, &words).iter().find_map(|p| {
                let e = self.dict.entry(p.entry);
                (e.kind == EntryKind::Country).then(|| e.terms.first().map(|t| t.code.clone()))?
            });
            if country.is_some() {
                out.dateline = country;
                break;
            }
        }
        for sentence in &doc.sentences {
            if doc.is_furniture(sentence.span) {
                continue;
            }
            let words = super::matching::sentence_words(doc, sentence.token_range());
            for p in find_pieces(&self.dict, &words) {
                let e = self.dict.entry(p.entry);
                if e.kind == EntryKind::Country {
                    if let Some(t) = e.terms.first() {
                        *out.named.entry(t.code.clone()).or_default() += 1;
                    }
                }
            }
        }
        out
    }

    /// Codes a role or sector phrase with no country (`reading`, over
    /// words `[start, end)`) as the document's, when its sector is domestic.
    pub(super) fn domestic_agent(
        &self,
        si: usize,
        words: &[Word],
        start: usize,
        end: usize,
        reading: &Reading,
        state: &mut DocState,
    ) -> Option<usize> {
        if reading.agents == 0 || reading.person.is_some() || reading.base_code.is_some() {
            return None;
        }
        let sector = reading.sector.as_deref()?;
        let (s, e) = reading.agent_words?;
        if !self.domestic.sectors.contains(sector)
            || self.domestic.anyone.contains(&name_key(words, s, e))
        {
            return None;
        }
        if !unqualified(words, start, end) {
            return None;
        }
        let (country, rule) = state.home_country()?;
        if rule != "domestic-dateline" && self.domestic.dateline_only.contains(sector) {
            return None;
        }
        let actor = Actor {
            code: format!("{country}{sector}"),
            country: Some(country),
            sector: Some(sector.to_string()),
            name: None,
            role: reading.role.clone(),
        };
        push(state, si, words, start, end, actor, Via::Rule(rule), reading.person_role)
    }
}

/// Whether the phrase at `[start, end)` says nothing of whose it is: not
/// "police in Istanbul" or "delegations from 92 countries" (a place or
/// origin of its own), not "Union" inside a sentence (a name), not "Western officials" or "Hamas fighters" (a
/// qualifier the dictionary lacks), not "military aid" or "social media
/// post" (a modifier of another noun, known from the parse).
fn unqualified(words: &[Word], start: usize, end: usize) -> bool {
    let placed = words.get(end).is_some_and(|w| {
        w.norm == "from"
            || (matches!(w.norm.as_str(), "in" | "at")
                && words
                    .get(end + 1)
                    .is_some_and(|n| matches!(n.shape, Shape::Capitalized | Shape::Upper)))
    });
    let qualified = start.checked_sub(1).and_then(|b| words.get(b)).is_some_and(|w| {
        matches!(w.shape, Shape::Capitalized | Shape::Upper) && !not_a_name(&w.norm)
    });
    // "Union" inside a sentence is a name ("Soviet Union"), not unions.
    let proper = start > 0 && words[start..end].iter().any(|w| w.shape != Shape::Lower);
    let last = &words[end - 1];
    let modifier = matches!(last.deprel.as_deref(), Some("compound" | "amod" | "nmod:poss"))
        || words.get(end).is_some_and(|w| w.upos == Some(Upos::NOUN));
    !(placed || qualified || proper || modifier)
}

/// Words of a text outside the sentences (a dateline), with any case
/// accepted where the dictionary asks for a capital.
fn loose_words(text: &str) -> Vec<Word> {
    words::split(text)
        .into_iter()
        .map(|(s, e)| Word {
            norm: words::normalize(&text[s..e]),
            start: s,
            end: e,
            token: 0,
            shape: words::shape(&text[s..e]),
            upos: None,
            deprel: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_rules_parse() {
        let rules = DomesticRules::parse("domestic.rules", EMBEDDED).expect("parses");
        assert!(rules.sectors.contains("COP") && rules.sectors.contains("GOV"));
        assert!(rules.dateline_only.contains("INS"));
        assert!(rules.anyone.contains("troops") && rules.anyone.contains("fighter jets"));
        // Plurals come with their singulars.
        assert!(rules.anyone.contains("delegations") && rules.anyone.contains("envoys"));
    }

    #[test]
    fn bad_lines_are_errors_with_their_line() {
        for (text, line) in [("sectors = GOV\nnonsense", 2), ("colour = red", 1)] {
            match DomesticRules::parse("t", text) {
                Err(ActorError::Syntax { line: l, .. }) => assert_eq!(l, line, "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }
}
