//! Context: what an actor phrase leaves out, taken from its sentence or
//! the document ("the government" after one country was named; "President
//! X" in a sentence that names one country).

use parley_doc::Actor;

use super::coreference::{latest_of_sector, sole_country_before};
use super::matching::{name_text, Word};
use super::state::{learn, push, DocState, Via};
use super::ActorCoder;

impl ActorCoder {
    /// "the country", "the government", "the police", "the army", "the
    /// authorities" (and a sentence opening with "Police" or
    /// "Authorities") at word `i`, coded from the context; returns the
    /// words it took.
    pub(super) fn definite_agent(
        &self,
        si: usize,
        words: &[Word],
        i: usize,
        state: &mut DocState,
    ) -> Option<usize> {
        // "Iranian state media said the country had launched ...": "the
        // country" and "the government" are the one country named just
        // before (in this sentence or the one before), if only one is;
        // so are "the police", "the army" and "the authorities", and a
        // sentence that opens with "Police" or "Authorities".
        let w = &words[i];
        let opening_agent = i == 0 && matches!(w.norm.as_str(), "police" | "authorities");
        if w.norm == "the" || opening_agent {
            let (next, len) = if opening_agent {
                (Some(w.norm.as_str()), 1)
            } else {
                (words.get(i + 1).map(|n| n.norm.as_str()), 2)
            };
            // "Police in Istanbul": the phrase names its own place.
            let placed = words
                .get(i + len)
                .is_some_and(|n| matches!(n.norm.as_str(), "in" | "at" | "of" | "from"));
            if let Some(sector) = match next {
                _ if placed && len == 1 => None,
                Some("country" | "nation") if len == 2 => Some(None),
                Some("government" | "authorities") => Some(Some("GOV")),
                Some("police") => Some(Some("COP")),
                Some("army" | "military") if len == 2 => Some(Some("MIL")),
                _ => None,
            } {
                // An army or police force already named in the last
                // sentences is the one meant ("accused the army ... .
                // Egypt, which backs the army, ..."), before any
                // country named since.
                let same_force = sector
                    .filter(|&s| s == "MIL" || s == "COP")
                    .and_then(|s| latest_of_sector(state, si, w.start, s));
                if let Some(ante) = same_force.or_else(|| sole_country_before(state, si, w.start)) {
                    let country = state.drafts[ante].actor.country.clone().unwrap_or_default();
                    let actor = Actor {
                        code: format!("{country}{}", sector.unwrap_or("")),
                        country: Some(country),
                        sector: sector.map(str::to_string),
                        name: None,
                        role: None,
                    };
                    push(state, si, words, i, i + len, actor, Via::Coref(ante), false);
                    return Some(len);
                }
            }
        }
        None
    }

    /// Role-and-name phrases without a country ("President Prosper Avril")
    /// take the country of their sentence when it names exactly one.
    pub(super) fn adopt_orphans(&self, si: usize, words: &[Word], state: &mut DocState) {
        let orphans = std::mem::take(&mut state.orphans);
        if orphans.is_empty() {
            return;
        }
        let mut countries: Vec<&str> =
            state.this_sentence().iter().filter_map(|d| d.actor.country.as_deref()).collect();
        countries.sort_unstable();
        countries.dedup();
        // (Not the document's country: a named person is as often a
        // visitor as a local.)
        let [country] = countries[..] else { return };
        let (country, rule) = (country.to_string(), "role-name-sentence-country");
        for o in orphans {
            let code = match &o.sector {
                Some(s) => format!("{country}{s}"),
                None => country.clone(),
            };
            let actor = Actor {
                code,
                country: Some(country.clone()),
                sector: o.sector.clone(),
                name: Some(name_text(words, o.name.0, o.name.1)),
                role: o.role.clone(),
            };
            if let Some(d) = push(state, si, words, o.start, o.end, actor, Via::Rule(rule), true) {
                learn(state, words, o.name.0, o.name.1, d);
            }
        }
    }
}
