//! Domestic actors: a role or sector word whose phrase names no country
//! ("police fired", "the government said", "protesters gathered") takes
//! the document's country: the country of its dateline, else (for armed
//! groups) the sentence's place, else the country it names most (no
//! guess between countries named equally often); the mention keeps the
//! bytes that gave the country. Unnamed armed groups with no country are
//! still coded by their sector ("gunmen" = `INS`). Which sectors are
//! domestic, and which of their words may be anyone's ("troops"), is
//! data: `data/actors/domestic.rules`.

use std::collections::{HashMap, HashSet};

use parley_doc::{Actor, Document, Upos};

use super::matching::{find_pieces, name_key, not_a_name, Piece, Word};
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
    /// Sectors that take the sentence's place before the country named most.
    sentence_place: HashSet<String>,
    /// Sectors coded by themselves when no country is found ("gunmen").
    generic: HashSet<String>,
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
                "sentence-place" => rules.sentence_place.extend(values.map(str::to_string)),
                "generic" => rules.generic.extend(values.map(str::to_string)),
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

    /// Whether words `[s, e)` are a role or sector word that may be any
    /// country's ("troops", "envoy").
    pub(super) fn is_anyone(&self, words: &[Word], s: usize, e: usize) -> bool {
        self.anyone.contains(&name_key(words, s, e))
    }
}

/// What the document says of its own country, read before its sentences
/// are coded.
#[derive(Debug, Default)]
pub(super) struct DocCountry {
    /// The country of the dateline ("NAIROBI, Kenya (AP) —") and the
    /// bytes that name it.
    pub(super) dateline: Option<(String, (usize, usize))>,
    /// How often each country is named in the text (a region counts for
    /// its country), and the bytes of its first naming.
    pub(super) named: HashMap<String, (usize, (usize, usize))>,
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
                let span =
                    (f.span.start + words[p.start].start, f.span.start + words[p.end - 1].end);
                (e.kind == EntryKind::Country)
                    .then(|| e.terms.first().map(|t| (t.code.clone(), span)))?
            });
            if country.is_some() {
                out.dateline = country;
                break;
            }
        }
        let mut count = |code: &str, span: (usize, usize)| {
            out.named.entry(code.to_string()).or_insert((0, span)).0 += 1;
        };
        for sentence in &doc.sentences {
            if doc.is_furniture(sentence.span) {
                continue;
            }
            let words = super::matching::sentence_words(doc, sentence.token_range());
            let pieces = find_pieces(&self.dict, &words);
            let mut covered = vec![false; words.len()];
            let mut piece_at: Vec<Option<usize>> = vec![None; words.len()];
            for (k, p) in pieces.iter().enumerate() {
                piece_at[p.start] = Some(k);
            }
            for (k, p) in pieces.iter().enumerate() {
                covered[p.start..p.end].fill(true);
                let e = self.dict.entry(p.entry);
                // "Israel Adesanya" names a person, not Israel.
                if e.kind == EntryKind::Country
                    && self.given_name(&words, &pieces, &piece_at, k).is_none()
                {
                    // "Georgia Governor X" names the US state: it counts
                    // for the state's country (when it has one), never
                    // for the country of the same name.
                    if let Some(states) = self.region_before_office(&words, &pieces, &piece_at, k) {
                        if let [one] = states {
                            count(one, (words[p.start].start, words[p.end - 1].end));
                        }
                        continue;
                    }
                    if let Some(t) = e.terms.first() {
                        count(&t.code, (words[p.start].start, words[p.end - 1].end));
                    }
                }
            }
            // "Texas", "Punjab": a region of one country names that country.
            let mut i = 0;
            while i < words.len() {
                match self.places.region_at(&words, i) {
                    Some((end, [country])) if !covered[i..end].iter().any(|&c| c) => {
                        count(country, (words[i].start, words[end - 1].end));
                        i = end;
                    }
                    _ => i += 1,
                }
            }
        }
        out
    }

    /// The countries of the region that piece `k` (a country's name) also
    /// names, when a sub-national office title follows it ("Georgia
    /// Governor"): the words name the region, not the country.
    fn region_before_office<'a>(
        &'a self,
        words: &[Word],
        pieces: &[Piece],
        piece_at: &[Option<usize>],
        k: usize,
    ) -> Option<&'a [String]> {
        let p = &pieces[k];
        let (end, states) = self.places.region_at(words, p.start)?;
        (end >= p.end
            && self.office_after(words, pieces, piece_at, end).is_some_and(|(title, _)| title))
        .then_some(states)
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
        let rules = &self.domestic;
        let dateline = state.home.dateline.clone().map(|(c, span)| (c, "domestic-dateline", span));
        let place = || {
            let (c, span) = state.place.clone()?;
            rules.sentence_place.contains(sector).then_some((c, "domestic-sentence-place", span))
        };
        let found = dateline.or_else(place).or_else(|| state.home_country());
        let found = found.filter(|(_, rule, _)| {
            *rule == "domestic-dateline" || !rules.dateline_only.contains(sector)
        });
        let actor = match &found {
            Some((country, _, _)) => Actor {
                code: format!("{country}{sector}"),
                country: Some(country.clone()),
                sector: Some(sector.to_string()),
                name: None,
                role: reading.role.clone(),
            },
            // "Gunmen killed five": no country, still an armed group.
            None if rules.generic.contains(sector) => Actor {
                code: sector.to_string(),
                country: None,
                sector: Some(sector.to_string()),
                name: None,
                role: reading.role.clone(),
            },
            None => return None,
        };
        let rule = found.as_ref().map_or("generic-actor", |(_, rule, _)| rule);
        let d = push(state, si, words, start, end, actor, Via::Rule(rule), reading.person_role)?;
        state.drafts[d].country_from = found.map(|(_, _, span)| span);
        Some(d)
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
        assert!(rules.sentence_place.contains("INS") && rules.generic.contains("UAF"));
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
