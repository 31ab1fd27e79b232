//! Roles: reading an actor phrase (country, organisation, role words,
//! titles, a person) into one actor, and the role patterns that code
//! people the dictionary lacks ("Russian President X", "X, the head of
//! Ukraine's presidential office", "X of NATO").

use parley_doc::Actor;

use super::coreference::find_by_role;
use super::matching::{
    is_title_word, name_end, name_key, name_text, piece_after, Piece, Word, HYPHEN_KEEP,
};
use super::state::{learn, push, DocState, Orphan, Via};
use super::ActorCoder;
use crate::dictionary::{EntryKind, PhraseClass};
use crate::words;

/// A region said before an office ("Georgia Governor"): its words and
/// the country it gives the phrase.
#[derive(Debug, Clone)]
pub(super) struct Region {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) country: String,
}

/// The result of reading an actor phrase: who, and over which words.
#[derive(Debug, Default, Clone)]
pub(super) struct Reading {
    pub(super) country: Option<String>,
    /// Full code of a non-country base (IGO, NGO...), or of a fixed entry.
    pub(super) base_code: Option<String>,
    pub(super) base_entry: Option<u32>,
    pub(super) base_class: Option<PhraseClass>,
    pub(super) sector: Option<String>,
    pub(super) role: Option<String>,
    pub(super) agents: usize,
    pub(super) person_role: bool,
    pub(super) person: Option<u32>,
    pub(super) person_surname_only: bool,
    pub(super) title: bool,
    pub(super) possessive_base: bool,
    /// The words of the last role or sector word read ("police", "troops").
    pub(super) agent_words: Option<(usize, usize)>,
}

impl ActorCoder {
    /// Reads the actor phrase starting at piece `k` (after `region`, the
    /// state or province said before it, if any); returns the word after it.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn chain(
        &self,
        si: usize,
        words: &[Word],
        pieces: &[Piece],
        piece_at: &[Option<usize>],
        k: usize,
        date: Option<u32>,
        state: &mut DocState,
        region: Option<&Region>,
    ) -> usize {
        let mut start = pieces[k].start;
        let (mut reading, mut end) = self.read_chain(words, pieces, piece_at, start, date);
        let (rules, seat_as_place) = self.place_in_phrase(words, &mut start, region, &mut reading);
        // Modifiers describe a role, a person or a people ("new US
        // ambassador", "ethnic Albanians"); before a bare country or
        // organisation they describe something else ("the new US export
        // controls"), so the mention starts after them.
        if reading.agents == 0
            && reading.person.is_none()
            && !reading.title
            && reading.base_class != Some(PhraseClass::People)
        {
            while let Some(m) = piece_at[start].filter(|&m| {
                self.dict.entry(pieces[m].entry).kind == EntryKind::Modifier && pieces[m].end < end
            }) {
                start = pieces[m].end;
            }
        }
        // "the" or a possessive before the phrase: a description of someone known.
        let determined = start > 0 && matches!(words[start - 1].norm.as_str(), "the" | "'s" | "'");
        // A name after a person role: "Russian President Vladimir Putin".
        let mut name: Option<(usize, usize)> = None;
        let mut name_rule = rules.0;
        if reading.person.is_none() && (reading.person_role || reading.title) {
            if let Some(ne) = name_end(words, end, piece_at) {
                name = Some((end, ne));
                end = ne;
            } else if let Some((ne, rule)) =
                self.name_over_piece(words, pieces, piece_at, end, &reading, date)
            {
                // "President Santiago Peña", "Bolivian President Marcos":
                // the role and nationality outweigh the dictionary word.
                name = Some((end, ne));
                name_rule = rule;
                end = ne;
            }
        }
        end = self.place_of_role(words, pieces, piece_at, (start, end), name, &mut reading, date);
        let Some(mut actor) = self.actor_of(&reading, date) else {
            if let Some(n) = name {
                state.orphans.push(Orphan {
                    start,
                    end,
                    name: n,
                    sector: reading.sector.clone(),
                    role: reading.role.clone(),
                });
                return end;
            }
            // A role alone ("the president said"): refers back by role.
            if reading.person_role && determined {
                if let Some(ante) = find_by_role(state, si, None, reading.role.as_deref()) {
                    let actor = state.drafts[ante].actor.clone();
                    push(state, si, words, start, end, actor, Via::Coref(ante), true);
                    return end;
                }
            }
            // "Police fired", "protesters gathered": the document's country.
            self.domestic_agent(si, words, start, end, &reading, state);
            return end;
        };
        let mut via;
        let mut person = reading.person.is_some();
        if let Some(entry) = reading.person {
            let e = self.dict.entry(entry);
            via = match state.seen.get(&entry) {
                Some(&ante) if reading.person_surname_only => Via::Coref(ante),
                _ => Via::Dict(e.id.clone()),
            };
        } else if let Some((ns, ne)) = name {
            let full = name_text(words, ns, ne);
            actor.name = Some(full);
            via = Via::Rule(name_rule);
            person = true;
            // The name is known to the document now; a coreference to an
            // earlier role-pattern mention keeps the antecedent.
            if let Some(&ante) = state.known.get(&name_key(words, ns, ne)) {
                via = Via::Coref(ante);
            }
        } else if reading.agents == 0 {
            let id = reading.base_entry.map(|e| self.dict.entry(e).id.clone()).unwrap_or_default();
            via = if seat_as_place { Via::Rule("seat-as-place") } else { Via::Dict(id) };
        } else {
            via = Via::Rule(rules.1);
            if reading.person_role {
                person = true;
                if determined || reading.possessive_base {
                    if let Some(ante) =
                        find_by_role(state, si, actor.country.as_deref(), reading.role.as_deref())
                    {
                        let ante_actor = &state.drafts[ante].actor;
                        actor.name = ante_actor.name.clone();
                        if ante_actor.code.len() >= actor.code.len() {
                            actor.code = ante_actor.code.clone();
                        }
                        via = Via::Coref(ante);
                    }
                }
            }
        }
        // Apposition after a role: "Russia's Foreign Ministry spokeswoman,
        // Maria Zakharova,": one mention over the whole phrase, named.
        let mut appos: Option<(usize, usize)> = None;
        if reading.person_role
            && reading.person.is_none()
            && name.is_none()
            && end + 1 < words.len()
            && words[end].norm == ","
        {
            if let Some(ne) = name_end(words, end + 1, piece_at).filter(|&ne| ne - (end + 1) >= 2) {
                actor.name = Some(name_text(words, end + 1, ne));
                via = Via::Rule("apposition");
                person = true;
                appos = Some((end + 1, ne));
                end = ne;
            }
        }
        // "Sergei Lavrov, Russia's foreign minister,": the apposition is
        // part of the person's mention (when it names no other country).
        if reading.person.is_some() {
            if let Some((r, rend)) = self.office_apposition(words, pieces, piece_at, end, date) {
                if r.country.is_none() || r.country == actor.country {
                    end = rend;
                }
            }
        }
        let name = name.or(appos);
        let idx = push(state, si, words, start, end, actor, via, person);
        if let (Some(d), Some(r)) = (idx, region) {
            state.drafts[d].country_from = Some((words[r.start].start, words[r.end - 1].end));
        }
        if let Some(d) = idx {
            if let Some(entry) = reading.person {
                state.seen.insert(entry, d);
                if let Some(s) = &self.dict.entry(entry).surname {
                    state.known.insert(words::normalize(s), d);
                }
            }
            if let Some((ns, ne)) = name {
                learn(state, words, ns, ne, d);
            }
        }
        end
    }

    /// What a place does to the phrase read at `start`: a region said
    /// before it gives its country and government ("Georgia Governor
    /// Brian Kemp"; the phrase then starts at the region); a capital after
    /// a place preposition is a place, coded as its country like the
    /// country's name ("in Kyiv", "travelled to Moscow"; "Kyiv said",
    /// "munitions from Pyongyang" stay its government). Returns the rules
    /// that name a role-and-name and a role mention, and whether the
    /// phrase is a capital as a place.
    fn place_in_phrase(
        &self,
        words: &[Word],
        start: &mut usize,
        region: Option<&Region>,
        reading: &mut Reading,
    ) -> ((&'static str, &'static str), bool) {
        let mut rules = ("country-role-name", "country-role");
        if let Some(r) = region {
            *start = r.start;
            if reading.country.is_none() && reading.base_code.is_none() {
                reading.country = Some(r.country.clone());
                reading.sector.get_or_insert_with(|| "GOV".to_string());
                rules = ("subnational-role-name", "subnational-role");
            }
        }
        let seat_as_place = region.is_none()
            && reading.base_class == Some(PhraseClass::Seat)
            && reading.agents == 0
            && reading.person.is_none()
            && !reading.title
            && !reading.possessive_base
            && self.places.placed_after(words, *start);
        if seat_as_place {
            reading.sector = None;
        }
        (rules, seat_as_place)
    }

    /// Extends a phrase without a country by the place it names after
    /// it: "<role> of <country/organisation>" ("president of Armenia"), and
    /// "Police in Dhaka", "rebels in Myanmar" (a force or group local to
    /// where it is named; not troops: "troops in Ukraine" may be anyone's).
    /// Returns the phrase's new end.
    #[allow(clippy::too_many_arguments)]
    fn place_of_role(
        &self,
        words: &[Word],
        pieces: &[Piece],
        piece_at: &[Option<usize>],
        (start, mut end): (usize, usize),
        name: Option<(usize, usize)>,
        reading: &mut Reading,
        date: Option<u32>,
    ) -> usize {
        // "<role> of <country/organisation>": "president of Armenia".
        if reading.country.is_none() && reading.base_code.is_none() && reading.person.is_none() {
            if let Some((s, pk)) = piece_after(words, piece_at, end, "of") {
                let e = self.dict.entry(pieces[pk].entry);
                if matches!(
                    e.kind,
                    EntryKind::Country | EntryKind::Org | EntryKind::Group | EntryKind::Imported
                ) && (reading.agents > 0 || name.is_some())
                {
                    let (sub, sub_end) = self.read_chain(words, pieces, piece_at, s, date);
                    reading.country = sub.country;
                    reading.base_code = sub.base_code;
                    reading.base_entry = sub.base_entry;
                    if reading.sector.is_none()
                        || self.defers_all(words, pieces, piece_at, start, end)
                    {
                        reading.sector = sub.sector.or(reading.sector.take());
                    }
                    end = sub_end;
                }
            }
        }
        // "Police in Dhaka", "rebels in Myanmar": a force or group that is
        // local to where it is named is that country's. (Not troops:
        // "troops in Ukraine" may be anyone's.)
        if reading.country.is_none()
            && reading.base_code.is_none()
            && reading.person.is_none()
            && name.is_none()
        {
            let local =
                matches!(reading.sector.as_deref(), Some("COP" | "REB" | "OPP" | "LEG" | "JUD"));
            // "Officials in Kyiv": officials at a seat of government are its
            // (not an envoy: diplomats serve abroad).
            let at_seat = reading.sector.as_deref() == Some("GOV")
                && reading.agent_words.is_some_and(|(s, e)| !self.domestic.is_anyone(words, s, e));
            if let Some((s, pk)) = piece_after(words, piece_at, end, "in")
                .filter(|&(_, pk)| local || (at_seat && pieces[pk].class == PhraseClass::Seat))
            {
                if self.dict.entry(pieces[pk].entry).kind == EntryKind::Country {
                    let (sub, sub_end) = self.read_chain(words, pieces, piece_at, s, date);
                    if sub.country.is_some() && sub.agents == 0 && sub.person.is_none() {
                        reading.country = sub.country;
                        end = sub_end;
                    }
                }
            }
        }
        end
    }

    fn defers_all(
        &self,
        _words: &[Word],
        pieces: &[Piece],
        piece_at: &[Option<usize>],
        start: usize,
        end: usize,
    ) -> bool {
        (start..end).filter_map(|i| piece_at[i]).all(|k| {
            let e = self.dict.entry(pieces[k].entry);
            e.kind != EntryKind::Agent || e.defer
        })
    }

    /// Reads consecutive pieces (with modifiers, possessives and "-led"
    /// between them) from word `start`.
    fn read_chain(
        &self,
        words: &[Word],
        pieces: &[Piece],
        piece_at: &[Option<usize>],
        start: usize,
        date: Option<u32>,
    ) -> (Reading, usize) {
        let mut r = Reading::default();
        let mut j = start;
        let mut end = start;
        while j < words.len() {
            let Some(k) = piece_at[j] else {
                // "-led" after a country keeps the phrase going.
                if words[j].norm == "-"
                    && j + 1 < words.len()
                    && HYPHEN_KEEP.contains(&words[j + 1].norm.as_str())
                    && end > start
                {
                    j += 2;
                    continue;
                }
                break;
            };
            let p = pieces[k];
            let e = self.dict.entry(p.entry);
            match e.kind {
                EntryKind::Modifier => {}
                EntryKind::Title => r.title = true,
                EntryKind::Agent => {
                    if r.person.is_some() {
                        break;
                    }
                    let sector = e.terms.first().map(|t| t.code.clone());
                    if !e.defer || r.sector.is_none() {
                        r.sector = sector;
                    }
                    if e.person_role || e.role.is_some() {
                        r.role = e.role.clone().or_else(|| e.name.clone());
                    }
                    r.person_role = e.person_role;
                    r.agents += 1;
                    r.agent_words = Some((p.start, p.end));
                }
                EntryKind::Person => {
                    if r.person.is_some() || self.clashes(p.entry, r.country.as_deref(), date) {
                        break;
                    }
                    r.person = Some(p.entry);
                    r.person_surname_only = p.class == PhraseClass::Surname;
                }
                EntryKind::Country => {
                    if r.country.is_some()
                        || r.base_code.is_some()
                        || r.agents > 0
                        || r.person.is_some()
                    {
                        // A second country starts a new phrase ("Hungarian and Romanian").
                        break;
                    }
                    r.country = e.terms.first().map(|t| t.code.clone());
                    r.base_entry = Some(p.entry);
                    r.base_class = Some(p.class);
                    if p.class == PhraseClass::Seat && r.sector.is_none() {
                        r.sector = Some("GOV".to_string());
                    }
                }
                EntryKind::Org | EntryKind::Group | EntryKind::Imported => {
                    if r.country.is_some()
                        || r.base_code.is_some()
                        || r.agents > 0
                        || r.person.is_some()
                    {
                        break;
                    }
                    if let Some((t, _)) = e.term_at(date) {
                        let (country, sector) = self.dict.split_code(&t.code);
                        if let Some(c) = country {
                            r.country = Some(c);
                            if t.code.len() <= 6 {
                                r.sector = sector;
                            } else {
                                r.base_code = Some(t.code.clone());
                                r.sector = sector;
                            }
                        } else {
                            r.base_code = Some(t.code.clone());
                            r.sector = sector;
                        }
                        if r.role.is_none() {
                            r.role = t.role.clone();
                        }
                    }
                    r.base_entry = Some(p.entry);
                    r.base_class = Some(p.class);
                }
            }
            j = p.end;
            end = j;
            if j < words.len() && words::is_possessive(&words[j].norm) {
                if r.agents == 0 && r.person.is_none() {
                    r.possessive_base = true;
                    j += 1;
                    continue;
                }
                break;
            }
        }
        (r, end)
    }

    /// The actor a reading stands for, if it names one.
    fn actor_of(&self, r: &Reading, date: Option<u32>) -> Option<Actor> {
        if let Some(entry) = r.person {
            let e = self.dict.entry(entry);
            let (term, held) = e.term_at(date)?;
            let (country, sector) = self.dict.split_code(&term.code);
            let (code, sector, role) = if held {
                (term.code.clone(), sector, term.role.clone())
            } else {
                // Out of office on the article's date: an elite of the country.
                let c = country.clone().unwrap_or_else(|| term.code.chars().take(3).collect());
                (
                    format!("{c}ELI"),
                    Some("ELI".to_string()),
                    term.role.as_ref().map(|r| format!("former {r}")),
                )
            };
            return Some(Actor { code, country, sector, name: e.name.clone(), role });
        }
        let name = r.base_entry.and_then(|b| {
            let e = self.dict.entry(b);
            matches!(e.kind, EntryKind::Org | EntryKind::Group | EntryKind::Imported)
                .then(|| e.name.clone())
                .flatten()
        });
        if let Some(base) = &r.base_code {
            let (country, base_sector) = self.dict.split_code(base);
            return Some(Actor {
                code: base.clone(),
                country,
                sector: if r.agents > 0 { r.sector.clone() } else { base_sector },
                name,
                role: r.role.clone(),
            });
        }
        let country = r.country.clone()?;
        let code = match &r.sector {
            Some(s) => format!("{country}{s}"),
            None => country.clone(),
        };
        Some(Actor {
            code,
            country: Some(country),
            sector: r.sector.clone(),
            name,
            role: r.role.clone(),
        })
    }

    /// A run of capitalised words not in the dictionary, at `[i, end)`:
    /// a learned name (coreference), an apposition, or "<Name> of <org>".
    #[allow(clippy::too_many_arguments)]
    pub(super) fn name(
        &self,
        si: usize,
        words: &[Word],
        pieces: &[Piece],
        piece_at: &[Option<usize>],
        i: usize,
        end: usize,
        date: Option<u32>,
        state: &mut DocState,
    ) -> usize {
        let key = name_key(words, i, end);
        let last = words[end - 1].norm.clone();
        let start = if i > 0 && piece_at[i - 1].is_none() && is_title_word(&words[i - 1].norm) {
            i - 1
        } else {
            i
        };
        if let Some(&ante) = state.known.get(&key).or_else(|| state.known.get(&last)) {
            let actor = state.drafts[ante].actor.clone();
            push(state, si, words, start, end, actor, Via::Coref(ante), true);
            return end;
        }
        if end - i < 2 {
            return end;
        }
        // "X, the head of Ukraine's presidential office" / "X, Russia's
        // envoy": one mention over the name and its apposition.
        if let Some((r, rend)) = self.office_apposition(words, pieces, piece_at, end, date) {
            if let Some(mut actor) = self.actor_of(&r, date) {
                actor.name = Some(name_text(words, i, end));
                if let Some(d) =
                    push(state, si, words, start, rend, actor, Via::Rule("apposition"), true)
                {
                    learn(state, words, i, end, d);
                    return rend;
                }
                return end;
            }
        }
        // "Jens Stoltenberg of NATO".
        if end + 1 < words.len() && words[end].norm == "of" {
            if let Some(k) = piece_at[end + 1] {
                let e = self.dict.entry(pieces[k].entry);
                if matches!(
                    e.kind,
                    EntryKind::Country | EntryKind::Org | EntryKind::Group | EntryKind::Imported
                ) {
                    // The mention is the whole phrase: "Jens Stoltenberg of NATO".
                    let (r, rend) = self.read_chain(words, pieces, piece_at, end + 1, date);
                    if let Some(mut actor) = self.actor_of(&r, date) {
                        actor.name = Some(name_text(words, i, end));
                        if let Some(d) = push(
                            state,
                            si,
                            words,
                            start,
                            rend,
                            actor,
                            Via::Rule("name-of-organisation"),
                            true,
                        ) {
                            learn(state, words, i, end, d);
                            return rend;
                        }
                    }
                }
            }
        }
        end
    }

    /// An apposition after a person's name that gives their office,
    /// starting at word `end` (the comma): "X, the head of Ukraine's
    /// presidential office", "X, Russia's envoy", "X, the foreign minister
    /// of Iran". Returns the office's reading and the word after it.
    pub(super) fn office_apposition(
        &self,
        words: &[Word],
        pieces: &[Piece],
        piece_at: &[Option<usize>],
        end: usize,
        date: Option<u32>,
    ) -> Option<(Reading, usize)> {
        if end + 1 >= words.len() || words[end].norm != "," {
            return None;
        }
        let mut s = end + 1;
        if matches!(words[s].norm.as_str(), "the" | "a" | "an") && s + 1 < words.len() {
            s += 1;
        }
        let k = piece_at[s]?;
        let (mut r, mut rend) = self.read_chain(words, pieces, piece_at, pieces[k].start, date);
        if r.country.is_none()
            && r.base_code.is_none()
            && rend + 1 < words.len()
            && words[rend].norm == "of"
        {
            let mut t = rend + 1;
            if words[t].norm == "the" && t + 1 < words.len() {
                t += 1;
            }
            if piece_at[t].is_some() {
                let (sub, sub_end) = self.read_chain(words, pieces, piece_at, t, date);
                r.country = sub.country;
                r.base_code = sub.base_code;
                r.base_entry = sub.base_entry;
                if sub.sector.is_some()
                    && (r.sector.is_none() || self.defers_all(words, pieces, piece_at, s, rend))
                {
                    r.sector = sub.sector;
                }
                rend = sub_end;
            }
        }
        (r.person_role && r.person.is_none()).then_some((r, rend))
    }
}
