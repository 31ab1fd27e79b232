//! Places inside actor phrases: a state or province before an office
//! title ("Georgia Governor Brian Kemp" is a US state's government, not
//! the country Georgia), a capital after a place preposition ("in Kyiv"
//! is a place; "Kyiv said" is its government), the place a sentence
//! happens in (for actors whose phrase names no country), and country
//! names that open a person's name ("Israel Adesanya"). The knowledge is
//! data: `data/actors/places.rules`.

use std::collections::{HashMap, HashSet};

use super::matching::{name_end, name_key, Piece, Word};
use super::roles::Region;
use super::state::DocState;
use super::ActorCoder;
use crate::dictionary::{EntryKind, PhraseClass};
use crate::error::ActorError;
use crate::words::{self, Shape};

const EMBEDDED: &str = include_str!("../../../../data/actors/places.rules");

/// Sub-national units, office titles, place prepositions and given names,
/// as read from `data/actors/places.rules`.
#[derive(Debug, Clone, Default)]
pub struct PlaceRules {
    /// Normalised region name (words joined by spaces, no hyphens) -> the
    /// countries it belongs to.
    regions: HashMap<String, Vec<String>>,
    /// First words of region names, to skip most words at once.
    region_first: HashSet<String>,
    /// Most words (hyphens included) a region name has.
    region_words: usize,
    titles: HashSet<String>,
    /// Words that continue a region's name ("Zamfara state").
    unit_words: HashSet<String>,
    place_preps: HashSet<String>,
    motion_preps: HashSet<String>,
    motion_words: HashSet<String>,
    sentence_preps: HashSet<String>,
    given: HashSet<String>,
    organisation_words: HashSet<String>,
}

/// A phrase's words normalised as the matcher sees them, joined.
fn phrase_key(phrase: &str) -> (String, usize) {
    let parts: Vec<String> =
        words::split(phrase).into_iter().map(|(s, e)| words::normalize(&phrase[s..e])).collect();
    let n = parts.len();
    (parts.into_iter().filter(|w| w != "-").collect::<Vec<_>>().join(" "), n)
}

impl PlaceRules {
    /// The rules shipped in `data/actors/places.rules` (checked by a test;
    /// empty rules if they ever failed to parse).
    pub fn embedded() -> PlaceRules {
        PlaceRules::parse("places.rules", EMBEDDED).unwrap_or_default()
    }

    /// Reads rules in the format of `data/actors/places.rules`.
    pub fn parse(name: &str, text: &str) -> Result<PlaceRules, ActorError> {
        let mut rules = PlaceRules::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or_default().trim();
            if line.is_empty() {
                continue;
            }
            let Some((key, values)) = line.split_once('=') else {
                return Err(ActorError::syntax(name, n + 1, "expected KEY = VALUE; VALUE"));
            };
            let values: Vec<&str> =
                values.split(';').map(str::trim).filter(|v| !v.is_empty()).collect();
            let keys = || values.iter().map(|v| phrase_key(v).0);
            let key = key.trim();
            match key {
                "titles" => rules.titles.extend(keys()),
                "unit-words" => rules.unit_words.extend(keys()),
                "place-prepositions" => rules.place_preps.extend(keys()),
                "motion-prepositions" => rules.motion_preps.extend(keys()),
                "motion-words" => rules.motion_words.extend(keys()),
                "sentence-place-prepositions" => rules.sentence_preps.extend(keys()),
                "given-names" => rules.given.extend(keys()),
                "organisation-words" => rules.organisation_words.extend(keys()),
                _ => {
                    let Some(code) = key.strip_prefix("region ").map(str::trim) else {
                        return Err(ActorError::syntax(
                            name,
                            n + 1,
                            format!("unknown key {key:?}"),
                        ));
                    };
                    if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
                        return Err(ActorError::syntax(name, n + 1, "region needs a country code"));
                    }
                    for v in &values {
                        let (k, count) = phrase_key(v);
                        let Some(first) = k.split(' ').next() else { continue };
                        rules.region_first.insert(first.to_string());
                        rules.region_words = rules.region_words.max(count);
                        let countries = rules.regions.entry(k).or_default();
                        if !countries.iter().any(|c| c == code) {
                            countries.push(code.to_string());
                        }
                    }
                }
            }
        }
        Ok(rules)
    }

    /// The longest region name at word `i` (capitalised), with its end and
    /// countries.
    pub(super) fn region_at(&self, words: &[Word], i: usize) -> Option<(usize, &[String])> {
        let w = words.get(i)?;
        if !matches!(w.shape, Shape::Capitalized | Shape::Upper)
            || !self.region_first.contains(&w.norm)
        {
            return None;
        }
        let most = self.region_words.min(words.len() - i);
        (1..=most).rev().find_map(|n| {
            let last = &words[i + n - 1];
            if last.shape == Shape::Lower || last.norm == "-" {
                return None;
            }
            self.regions.get(&name_key(words, i, i + n)).map(|c| (i + n, c.as_slice()))
        })
    }

    /// Whether the words before word `at` make a place of what follows:
    /// a place preposition ("in Kyiv"), or a preposition of motion after
    /// a word of motion ("travelled to Moscow", "a trip to Kyiv").
    pub(super) fn placed_after(&self, words: &[Word], at: usize) -> bool {
        let Some(prep) = at.checked_sub(1).map(|b| words[b].norm.as_str()) else {
            return false;
        };
        self.place_preps.contains(prep)
            || (self.motion_preps.contains(prep)
                && at.checked_sub(2).is_some_and(|b| self.motion_words.contains(&words[b].norm)))
    }
}

impl ActorCoder {
    /// "Georgia Governor Brian Kemp", "Texas Attorney General X", "Punjab
    /// Chief Minister X", "Texas police": a region followed by an office
    /// title, or by another role or sector word when the region's name is
    /// not a country's too, is that region's country's. Codes the phrase
    /// and returns the word after it.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn regional(
        &self,
        si: usize,
        words: &[Word],
        pieces: &[Piece],
        piece_at: &[Option<usize>],
        i: usize,
        date: Option<u32>,
        state: &mut DocState,
    ) -> Option<usize> {
        let (mut re, countries) = self.places.region_at(words, i)?;
        // "Zamfara State Governor X": the unit word is the place's, and
        // without an office after it the words are a place only.
        // (Not "State Governor", one role phrase.)
        let unit_alone =
            piece_at.get(re).copied().flatten().is_none_or(|p| pieces[p].end == re + 1);
        if unit_alone && words.get(re).is_some_and(|w| self.places.unit_words.contains(&w.norm)) {
            re += 1;
        }
        let k = piece_at.get(re).copied().flatten()?;
        let (title, sector) = self.office_after(words, pieces, piece_at, re)?;
        // The region's name is also a country's or a seat's ("Georgia",
        // "Washington"): only an office title says the region is meant.
        let collides = (i..re).any(|w| {
            piece_at[w].is_some_and(|p| self.dict.entry(pieces[p].entry).kind == EntryKind::Country)
        });
        if !title && (collides || sector == "MIL") {
            return None;
        }
        let country = match countries {
            [one] => one.clone(),
            many => {
                let (home, _, _) = state.home_country()?;
                many.iter().find(|c| **c == home)?.clone()
            }
        };
        let region = Region { start: i, end: re, country };
        Some(self.chain(si, words, pieces, piece_at, k, date, state, Some(&region)))
    }

    /// The office said after a region, over modifiers: whether it is a
    /// sub-national title, and its sector.
    pub(super) fn office_after(
        &self,
        words: &[Word],
        pieces: &[Piece],
        piece_at: &[Option<usize>],
        at: usize,
    ) -> Option<(bool, String)> {
        let mut j = at;
        loop {
            let p = pieces[piece_at.get(j).copied().flatten()?];
            let e = self.dict.entry(p.entry);
            match e.kind {
                EntryKind::Modifier => j = p.end,
                EntryKind::Agent | EntryKind::Title => {
                    let own = name_key(words, p.start, p.end);
                    let whole = name_key(words, at, p.end);
                    let title =
                        self.places.titles.contains(&own) || self.places.titles.contains(&whole);
                    let sector = match e.kind {
                        EntryKind::Title => "GOV".to_string(),
                        _ => e.terms.first().map(|t| t.code.clone())?,
                    };
                    return Some((title, sector));
                }
                _ => return None,
            }
        }
    }

    /// The country where the sentence happens: the one country (or region
    /// of one country) named after a place preposition ("in Nigeria's
    /// Zamfara state", "near Kharkiv"), with the words that name it.
    pub(super) fn sentence_place(
        &self,
        words: &[Word],
        pieces: &[Piece],
        piece_at: &[Option<usize>],
    ) -> Option<(String, (usize, usize))> {
        let after_prep = |s: usize| {
            let mut b = s.checked_sub(1)?;
            if words[b].norm == "the" {
                b = b.checked_sub(1)?;
            }
            self.places.sentence_preps.contains(&words[b].norm).then_some(())
        };
        let mut found: Option<(String, (usize, usize))> = None;
        let mut note = |c: &str, span: (usize, usize)| -> bool {
            match &found {
                Some((f, _)) if f != c => false,
                Some(_) => true,
                None => {
                    found = Some((c.to_string(), span));
                    true
                }
            }
        };
        for p in pieces {
            let e = self.dict.entry(p.entry);
            if e.kind != EntryKind::Country
                || !matches!(p.class, PhraseClass::Name | PhraseClass::Seat)
                || after_prep(p.start).is_none()
            {
                continue;
            }
            let Some(t) = e.terms.first() else { continue };
            if !note(&t.code, (words[p.start].start, words[p.end - 1].end)) {
                return None;
            }
        }
        for i in 1..words.len() {
            if piece_at[i].is_some() || after_prep(i).is_none() {
                continue;
            }
            if let Some((re, [country])) = self.places.region_at(words, i) {
                if !note(country, (words[i].start, words[re - 1].end)) {
                    return None;
                }
            }
        }
        found
    }

    /// A country or capital that is also a given name, followed by one or
    /// two more words of a name that is no organisation's: "Israel
    /// Adesanya", "Jordan Bardella". Returns the end of the name (the
    /// words are a person's, not the place).
    pub(super) fn given_name(
        &self,
        words: &[Word],
        pieces: &[Piece],
        piece_at: &[Option<usize>],
        k: usize,
    ) -> Option<usize> {
        let p = pieces[k];
        if self.dict.entry(p.entry).kind != EntryKind::Country
            || !matches!(p.class, PhraseClass::Name | PhraseClass::Seat)
            || !words[p.start..p.end].iter().all(|w| w.shape == Shape::Capitalized)
            || !self.places.given.contains(&name_key(words, p.start, p.end))
        {
            return None;
        }
        let end = name_end(words, p.end, piece_at)?;
        // One or two more words, none hyphenated nor an organisation's
        // ("Kenya Anti-Corruption Commission", "Kenya Airways").
        let rest = &words[p.end..end];
        let person = rest.len() <= 2
            && rest
                .iter()
                .all(|w| w.norm != "-" && !self.places.organisation_words.contains(&w.norm));
        person.then_some(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, start: usize) -> Word {
        Word {
            norm: words::normalize(text),
            start,
            end: start + text.len(),
            token: 0,
            shape: words::shape(text),
            upos: None,
            deprel: None,
        }
    }

    fn sentence(text: &str) -> Vec<Word> {
        words::split(text).into_iter().map(|(s, e)| word(&text[s..e], s)).collect()
    }

    #[test]
    fn the_shipped_rules_parse() {
        let rules = PlaceRules::parse("places.rules", EMBEDDED).expect("parses");
        assert_eq!(rules.regions["texas"], ["USA"]);
        assert_eq!(rules.regions["georgia"], ["USA"]);
        assert_eq!(rules.regions["punjab"], ["IND", "PAK"]);
        assert!(rules.titles.contains("attorney general") && rules.titles.contains("governor"));
        for (text, at, placed) in [
            ("talks in Kyiv", 2, true),
            ("he travelled to Moscow", 3, true),
            ("a letter to Moscow", 3, false),
            ("munitions from Pyongyang", 2, false),
            ("Kyiv said", 0, false),
        ] {
            assert_eq!(rules.placed_after(&sentence(text), at), placed, "{text}");
        }
        assert!(rules.given.contains("israel"));
    }

    #[test]
    fn regions_match_longest_and_capitalised() {
        let rules = PlaceRules::parse(
            "t",
            "region USA = New Mexico; Texas\nregion DEU = Baden-Württemberg\nregion MEX = Mexico",
        )
        .expect("parses");
        for (text, at, want) in [
            ("the New Mexico governor", 1, Some((3, "USA"))),
            ("Texas police", 0, Some((1, "USA"))),
            ("texas police", 0, None),
            ("Baden-Württemberg premier", 0, Some((3, "DEU"))),
            ("Mexico City", 0, Some((1, "MEX"))),
        ] {
            let words = sentence(text);
            let got = rules.region_at(&words, at).map(|(e, c)| (e, c[0].as_str()));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn bad_lines_are_errors_with_their_line() {
        for (text, line) in [("titles = governor\nnonsense", 2), ("region usa = Texas", 1)] {
            match PlaceRules::parse("t", text) {
                Err(ActorError::Syntax { line: l, .. }) => assert_eq!(l, line, "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }
}
