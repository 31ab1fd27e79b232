//! Places: gazetteer names after a locative preposition, the place an
//! event took place, attacked places, and names of seas and regions that
//! hold a country's name without naming a party.

use parley_doc::{EventParty, EventPlace, Span};

use crate::lexicon::EventLexicon;
use crate::sent::Sent;

use super::parties::country_actor;
use super::EventCoder;

/// Words that may introduce a location.
pub(super) const LOC_PREP: &[&str] =
    &["in", "at", "near", "outside", "inside", "across", "throughout", "off", "around", "within"];

impl EventCoder {
    /// Whether local tokens `a..b` lie inside the longer name of a sea or of
    /// a region no one country holds ("the Gulf of Oman", "the South China
    /// Sea"): a part of a place's name, not a party.
    pub(super) fn inside_feature_name(&self, s: &Sent<'_>, a: usize, b: usize) -> bool {
        let gazetteer = self.lexicon.gazetteer();
        let (start, end) = (s.span(a).start, s.span(b - 1).end);
        (a.saturating_sub(3)..=a).any(|k| {
            gazetteer.match_at(&s.doc.text, s.span(k).start, s.token_ends()).is_some_and(|pm| {
                let place = &gazetteer.places()[pm.place];
                let feature =
                    place.kind == "sea" || (place.kind == "region" && place.country.is_none());
                feature && pm.start <= start && end <= pm.end && pm.end - pm.start > end - start
            })
        })
    }

    /// The first gazetteer place with a country inside a verb's object, or
    /// else inside the phrase it is aimed at ("launched drones at the
    /// region of Odesa", "fired missiles on Kharkiv"), as that country's
    /// party.
    pub(super) fn place_in_object(&self, s: &Sent<'_>, t: usize) -> Option<EventParty> {
        if !s.parsed {
            return None;
        }
        let aimed = s.children[t].iter().copied().filter(|&c| {
            s.base(c) == "obl"
                && matches!(s.prep_of(c), Some("at" | "on" | "against" | "toward" | "towards"))
        });
        s.kid(t, "obj").into_iter().chain(aimed).find_map(|o| self.place_within(s, o))
    }

    fn place_within(&self, s: &Sent<'_>, o: usize) -> Option<EventParty> {
        let g = self.lexicon.gazetteer();
        let ends = s.token_ends();
        (0..s.n).filter(|&j| s.in_phrase_of(o, j) && !spatial_within(s, o, j)).find_map(|j| {
            let m = g.match_at(&s.doc.text, s.span(j).start, ends)?;
            let country = g.places().get(m.place)?.country.clone()?;
            Some(EventParty {
                span: Span::new_unchecked(s.span(j).start, m.end),
                mention: None,
                actor: country_actor(country),
                rule: "attacked-place".into(),
            })
        })
    }

    /// Place names after a locative preposition: (first, end, place index).
    pub(super) fn find_places(&self, s: &Sent<'_>) -> Vec<(usize, usize, usize)> {
        let g = self.lexicon.gazetteer();
        let ends = s.token_ends();
        let mut out = Vec::new();
        for i in 0..s.n {
            if !LOC_PREP.contains(&s.lower[i].as_str()) {
                continue;
            }
            let mut j = i + 1;
            while j < s.n
                && j <= i + 3
                && matches!(
                    s.lower[j].as_str(),
                    "the"
                        | "central"
                        | "eastern"
                        | "western"
                        | "northern"
                        | "southern"
                        | "north"
                        | "south"
                        | "east"
                        | "west"
                        | "northeastern"
                        | "southeastern"
                        | "northwestern"
                        | "southwestern"
                        | "occupied"
                )
            {
                j += 1;
            }
            // A skipped word may open the name itself: "in the South China
            // Sea", "in South Sudan".
            let found = (i + 1..=j.min(s.n - 1))
                .find_map(|k| g.match_at(&s.doc.text, s.span(k).start, ends).map(|m| (k, m)));
            if let Some((k, m)) = found {
                let end = ends.iter().position(|&e| e == m.end).map(|e| e + 1).unwrap_or(k + 1);
                out.push((k, end, m.place));
            }
        }
        out
    }
}

/// Prepositions of place alone (not "in", which also says whose: "officials
/// in Switzerland").
pub(super) const SPATIAL: &[&str] =
    &["near", "along", "across", "around", "outside", "beyond", "off"];

/// Whether word `j` of the phrase headed by `o` lies in a phrase of place
/// alone ("jihadists near the border with Niger").
pub(super) fn spatial_within(s: &Sent<'_>, o: usize, j: usize) -> bool {
    let mut x = j;
    while x != o {
        if s.base(x) == "nmod" && s.prep_of(x).is_some_and(|p| SPATIAL.contains(&p)) {
            return true;
        }
        match s.head[x] {
            Some(h) => x = h,
            None => return false,
        }
    }
    false
}

pub(super) fn place_for(
    s: &Sent<'_>,
    t: usize,
    places: &[(usize, usize, usize)],
    not_under: Option<usize>,
    lex: &EventLexicon,
) -> Option<EventPlace> {
    let (first, end, idx) = places
        .iter()
        .filter(|(a, _, _)| not_under.is_none_or(|x| *a != x && !s.dominates(x, *a)))
        .min_by_key(|(a, _, _)| if *a > t { (a - t) * 2 } else { (t - a) * 3 })?;
    let place = lex.gazetteer().places().get(*idx)?;
    Some(EventPlace {
        span: s.span(*first).cover(s.span(end - 1)),
        name: place.name.clone(),
        country: place.country.clone(),
        rule: format!("prep-{}", s.lower[first.saturating_sub(1)]),
    })
}

#[cfg(test)]
mod tests {
    use crate::testutil::{coder, parsed, summary};

    #[test]
    fn a_place_name_may_open_with_a_direction() {
        let doc = parsed(
            "Russia/PROPN/Russia/2/nsubj attacked/VERB/attack/0/root Ukraine/PROPN/Ukraine/2/obj in/ADP/in/7/case the/DET/the/7/det South/PROPN/South/7/compound China/PROPN/China/7/compound Sea/PROPN/Sea/2/obl",
            "2024-01-15",
        );
        let events = coder().code(&doc);
        let l = events[0].location.as_ref().expect("place");
        assert_eq!((&doc.text[l.span], l.country.as_deref()), ("South China Sea", None));
    }

    #[test]
    fn a_place_fire_is_aimed_at_is_its_countrys() {
        // "fired missiles at the region of Odesa": the place aimed at.
        let aimed = "Russian/ADJ/Russian/2/amod forces/NOUN/force/3/nsubj fired/VERB/fire/0/root missiles/NOUN/missile/3/obj at/ADP/at/7/case the/DET/the/7/det region/NOUN/region/3/obl of/ADP/of/9/case Odesa/PROPN/Odesa/7/nmod";
        let doc = parsed(aimed, "2024-01-15");
        let got = summary(&doc, &coder().code(&doc));
        assert!(
            got.iter().any(|(t, a, r, _)| t == "ASSAULT" && a == "RUS" && r == "UKR"),
            "{got:?}"
        );
        // A place the act happens in is no target ("in" is where).
        let doc = parsed(&aimed.replace("at/ADP/at", "in/ADP/in"), "2024-01-15");
        let got = summary(&doc, &coder().code(&doc));
        assert!(!got.iter().any(|(t, _, r, _)| t == "ASSAULT" && r == "UKR"), "{got:?}");
    }
}
