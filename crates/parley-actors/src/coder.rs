//! The actor stage: dictionary matching over words, role patterns,
//! within-document coreference, and the mentions they make.

use std::collections::HashMap;
use std::sync::Arc;

use parley_doc::{
    calendar, Actor, Annotator, DocError, Document, Layer, Mention, MentionSource, SentenceIdx,
    Span, TokenIdx, Upos,
};

use crate::dictionary::{parse_date, ActorDictionary, EntryKind, PhraseClass};
use crate::words::{self, Shape};

/// Verbs of saying: their pronoun subject speaks ("it said", "he told").
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "noted",
    "notes",
    "wrote",
    "writes",
    "argued",
    "argues",
    "insisted",
    "insists",
    "claimed",
    "claims",
    "warned",
    "warns",
    "declared",
    "declares",
    "announced",
    "announces",
];

/// Other verbs after which a pronoun subject is an actor ("he has refused"),
/// with [`SPEECH`]: see [`reporting`].
const REPORTING_MORE: &[&str] = &[
    "he said",
    "she told",
    "say",
    "called",
    "calls",
    "urged",
    "urges",
    "accused",
    "accuses",
    "rejected",
    "rejects",
    "refused",
    "refuses",
    "demanded",
    "demands",
    "vowed",
    "vows",
    "promised",
    "promises",
    "threatened",
    "threatens",
    "met",
    "meets",
    "visited",
    "visits",
    "signed",
    "signs",
    "ordered",
    "orders",
    "agreed",
    "agrees",
    "has",
    "had",
    "is",
    "was",
    "will",
    "would",
    "could",
    "can",
    "also",
    "later",
    "then",
    "hopes",
    "hoped",
    "wants",
    "wanted",
    "did",
    "does",
];

/// Whether a pronoun subject of this word is an actor ("he said", "she refused").
fn reporting(word: &str) -> bool {
    SPEECH.contains(&word) || REPORTING_MORE.contains(&word)
}

/// Hyphenated words that keep an actor phrase going: "Vietnamese-led forces".
const HYPHEN_KEEP: &[&str] = &["led", "run", "controlled", "dominated", "owned", "commanded"];

/// Lower-case words that may sit inside a person's name ("Bashar al-Assad").
const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "ibn", "bint", "abu", "de", "da", "di", "del", "van", "von", "der", "la", "le",
    "el", "dos", "ben",
];

/// Capitalised words that do not start a name (with month and weekday
/// names: see [`not_a_name`]).
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "of",
    "for",
    "and",
    "but",
    "or",
    "if",
    "as",
    "by",
    "to",
    "from",
    "with",
    "after",
    "before",
    "since",
    "when",
    "while",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "our",
    "my",
    "you",
    "your",
    "there",
    "here",
    "what",
    "who",
    "why",
    "how",
    "where",
    "however",
    "meanwhile",
    "despite",
    "although",
    "according",
    "last",
    "next",
    "earlier",
    "later",
    "asked",
    "speaking",
    "under",
    "among",
    "all",
    "some",
    "both",
    "no",
    "not",
    "so",
    "also",
    "then",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "mr",
    "mrs",
    "ms",
    "dr",
    "said",
];

/// Whether a capitalised word cannot start a name: a function word, or a
/// month or weekday written out ("June", "Thursday"; not "Jan", a name too).
/// The piece that starts after preposition `prep` at word `at` (and an
/// optional "the"), with the word it starts at: "president *of* Armenia".
fn piece_after(
    words: &[Word],
    piece_at: &[Option<usize>],
    at: usize,
    prep: &str,
) -> Option<(usize, usize)> {
    if at + 1 >= words.len() || words[at].norm != prep {
        return None;
    }
    let mut s = at + 1;
    if words[s].norm == "the" && s + 1 < words.len() {
        s += 1;
    }
    piece_at[s].map(|pk| (s, pk))
}

fn not_a_name(norm: &str) -> bool {
    NOT_NAMES.contains(&norm)
        || calendar::MONTHS.contains(&norm)
        || calendar::WEEKDAYS.contains(&norm)
}

/// Roles that "the <country> leader" can refer back to.
const TOP_ROLES: &[&str] = &[
    "president",
    "prime minister",
    "chancellor",
    "king",
    "queen",
    "emir",
    "supreme leader",
    "premier",
    "head of state",
    "leader",
    "crown prince",
    "sultan",
    "general secretary",
    "head of government",
    "chairman",
    "taoiseach",
];
const GENERIC_ROLES: &[&str] = &["leader", "head", "chief", "boss", "strongman", "ruler"];

/// Codes actor mentions in documents: implements [`Annotator`].
///
/// Stateless across documents: what a document teaches (a person named
/// through a role pattern, a surname) is kept only while it is coded.
#[derive(Debug, Clone)]
pub struct ActorCoder {
    dict: Arc<ActorDictionary>,
}

#[derive(Debug, Clone)]
struct Word {
    norm: String,
    start: usize,
    end: usize,
    token: usize,
    shape: Shape,
    upos: Option<Upos>,
    deprel: Option<String>,
}

#[derive(Debug, Clone, Copy)]
struct Piece {
    entry: u32,
    class: PhraseClass,
    start: usize,
    end: usize,
}

#[derive(Debug, Clone)]
enum Via {
    Dict(String),
    Rule(&'static str),
    Coref(usize),
}

#[derive(Debug, Clone)]
struct Draft {
    start: usize,
    end: usize,
    sentence: usize,
    first_token: usize,
    end_token: usize,
    actor: Actor,
    via: Via,
    /// Refers to one person (named or described).
    person: bool,
    /// A word of the mention is a clause subject (always true unparsed).
    subject: bool,
}

/// "President X" with no country in the phrase, waiting for the sentence's country.
#[derive(Debug, Clone)]
struct Orphan {
    start: usize,
    end: usize,
    name: (usize, usize),
    sector: Option<String>,
    role: Option<String>,
}

#[derive(Debug, Default)]
struct DocState {
    orphans: Vec<Orphan>,
    drafts: Vec<Draft>,
    /// Normalised full names and surnames learned so far -> draft.
    known: HashMap<String, usize>,
    /// Person entries already mentioned -> their latest draft.
    seen: HashMap<u32, usize>,
}

/// The result of reading an actor phrase: who, and over which words.
#[derive(Debug, Default, Clone)]
struct Reading {
    country: Option<String>,
    /// Full code of a non-country base (IGO, NGO...), or of a fixed entry.
    base_code: Option<String>,
    base_entry: Option<u32>,
    base_class: Option<PhraseClass>,
    sector: Option<String>,
    role: Option<String>,
    agents: usize,
    person_role: bool,
    person: Option<u32>,
    person_surname_only: bool,
    title: bool,
    possessive_base: bool,
}

impl ActorCoder {
    /// A coder over a dictionary.
    pub fn new(dict: Arc<ActorDictionary>) -> ActorCoder {
        ActorCoder { dict }
    }

    /// The dictionary it codes with.
    pub fn dictionary(&self) -> &ActorDictionary {
        &self.dict
    }

    /// Finds and codes every actor mention of a document, sorted by span;
    /// writes nothing.
    pub fn code(&self, doc: &Document) -> Vec<Mention> {
        let date = doc.meta.date.as_deref().and_then(|d| parse_date(d, false));
        let mut state = DocState::default();
        for (si, sentence) in doc.sentences.iter().enumerate() {
            if doc.is_furniture(sentence.span) {
                continue;
            }
            let words = sentence_words(doc, sentence.token_range());
            if words.is_empty() {
                continue;
            }
            self.code_sentence(si, &words, date, &mut state);
        }
        finish(state.drafts, doc)
    }

    fn find_pieces(&self, words: &[Word]) -> Vec<Piece> {
        let trie = &self.dict.trie;
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut node = 0u32;
            let mut best: Option<Piece> = None;
            for (j, w) in words.iter().enumerate().skip(i) {
                let Some(next) = trie.word_id(&w.norm).and_then(|wid| trie.step(node, wid)) else {
                    break;
                };
                node = next;
                if let Some(t) = trie.target(node) {
                    let ok = t.cases.iter().zip(&words[i..=j]).all(|(c, w)| c.accepts(w.shape));
                    if ok {
                        best = Some(Piece { entry: t.entry, class: t.class, start: i, end: j + 1 });
                    }
                }
            }
            match best {
                Some(p) => {
                    out.push(p);
                    i = p.end;
                }
                None => i += 1,
            }
        }
        out
    }

    fn code_sentence(&self, si: usize, words: &[Word], date: Option<u32>, state: &mut DocState) {
        let pieces = self.find_pieces(words);
        let mut piece_at: Vec<Option<usize>> = vec![None; words.len()];
        for (k, p) in pieces.iter().enumerate() {
            piece_at[p.start] = Some(k);
        }
        // Weak surnames count only after a title or a role word, or once
        // the person was named in this document.
        for (k, p) in pieces.iter().enumerate() {
            if p.class != PhraseClass::Surname {
                continue;
            }
            let after_title = k > 0 && pieces[k - 1].end == p.start && {
                let e = self.dict.entry(pieces[k - 1].entry);
                e.kind == EntryKind::Title || (e.kind == EntryKind::Agent && e.person_role)
            };
            // "President Ahmed Ben Bella" is not Abiy Ahmed: a surname ends the name.
            let name_goes_on = words
                .get(p.end)
                .is_some_and(|w| w.shape == Shape::Capitalized && !not_a_name(&w.norm));
            if (!after_title && !state.seen.contains_key(&p.entry)) || name_goes_on {
                piece_at[p.start] = None;
            }
        }
        let mut i = 0;
        while i < words.len() {
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
                    if let Some(ante) =
                        same_force.or_else(|| sole_country_before(state, si, w.start))
                    {
                        let country = state.drafts[ante].actor.country.clone().unwrap_or_default();
                        let actor = Actor {
                            code: format!("{country}{}", sector.unwrap_or("")),
                            country: Some(country),
                            sector: sector.map(str::to_string),
                            name: None,
                            role: None,
                        };
                        push(state, si, words, i, i + len, actor, Via::Coref(ante), false);
                        i += len;
                        continue;
                    }
                }
            }
            if let Some(k) = piece_at[i] {
                let end = self.chain(si, words, &pieces, &piece_at, k, date, state);
                i = end.max(i + 1);
                continue;
            }
            let w = &words[i];
            if (w.norm == "he" || w.norm == "she") && pronoun_is_subject(words, i) {
                if let Some(ante) = latest_person(state, si) {
                    let actor = state.drafts[ante].actor.clone();
                    push(state, si, words, i, i + 1, actor, Via::Coref(ante), true);
                }
                i += 1;
                continue;
            }
            // "..., it said": a statement by the organisation or state last
            // the subject of a sentence before this one.
            if w.norm == "it" && reports(words, i) {
                if let Some(ante) = latest_speaking_body(state, si) {
                    let actor = state.drafts[ante].actor.clone();
                    push(state, si, words, i, i + 1, actor, Via::Coref(ante), false);
                }
                i += 1;
                continue;
            }
            if let Some(end) = name_end(words, i, &piece_at) {
                i = self.name(si, words, &pieces, &piece_at, i, end, date, state);
                continue;
            }
            i += 1;
        }
        self.adopt_orphans(si, words, state);
    }

    /// Role-and-name phrases without a country ("President Prosper Avril")
    /// take the country of their sentence when it names exactly one.
    fn adopt_orphans(&self, si: usize, words: &[Word], state: &mut DocState) {
        let orphans = std::mem::take(&mut state.orphans);
        if orphans.is_empty() {
            return;
        }
        let mut countries: Vec<&str> = state
            .drafts
            .iter()
            .filter(|d| d.sentence == si)
            .filter_map(|d| d.actor.country.as_deref())
            .collect();
        countries.sort_unstable();
        countries.dedup();
        let [country] = countries[..] else { return };
        let country = country.to_string();
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
            if let Some(d) = push(
                state,
                si,
                words,
                o.start,
                o.end,
                actor,
                Via::Rule("role-name-sentence-country"),
                true,
            ) {
                learn(state, words, o.name.0, o.name.1, d);
            }
        }
    }

    /// Reads the actor phrase starting at piece `k`; returns the word after it.
    #[allow(clippy::too_many_arguments)]
    fn chain(
        &self,
        si: usize,
        words: &[Word],
        pieces: &[Piece],
        piece_at: &[Option<usize>],
        k: usize,
        date: Option<u32>,
        state: &mut DocState,
    ) -> usize {
        let mut start = pieces[k].start;
        let (mut reading, mut end) = self.read_chain(words, pieces, piece_at, start, date, state);
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
        if reading.person.is_none() && (reading.person_role || reading.title) {
            if let Some(ne) = name_end(words, end, piece_at) {
                name = Some((end, ne));
                end = ne;
            }
        }
        // "<role> of <country/organisation>": "president of Armenia".
        if reading.country.is_none() && reading.base_code.is_none() && reading.person.is_none() {
            if let Some((s, pk)) = piece_after(words, piece_at, end, "of") {
                let e = self.dict.entry(pieces[pk].entry);
                if matches!(
                    e.kind,
                    EntryKind::Country | EntryKind::Org | EntryKind::Group | EntryKind::Imported
                ) && (reading.agents > 0 || name.is_some())
                {
                    let (sub, sub_end) = self.read_chain(words, pieces, piece_at, s, date, state);
                    reading.country = sub.country;
                    reading.base_code = sub.base_code;
                    reading.base_entry = sub.base_entry;
                    if reading.sector.is_none()
                        || self.defers_all(words, pieces, piece_at, start, end)
                    {
                        reading.sector = sub.sector.or(reading.sector);
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
            && matches!(reading.sector.as_deref(), Some("COP" | "REB" | "OPP" | "LEG" | "JUD"))
        {
            if let Some((s, pk)) = piece_after(words, piece_at, end, "in") {
                if self.dict.entry(pieces[pk].entry).kind == EntryKind::Country {
                    let (sub, sub_end) = self.read_chain(words, pieces, piece_at, s, date, state);
                    if sub.country.is_some() && sub.agents == 0 && sub.person.is_none() {
                        reading.country = sub.country;
                        end = sub_end;
                    }
                }
            }
        }
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
            if reading.person_role && name.is_none() && determined {
                if let Some(ante) = find_by_role(state, si, None, reading.role.as_deref()) {
                    let actor = state.drafts[ante].actor.clone();
                    push(state, si, words, start, end, actor, Via::Coref(ante), true);
                }
            }
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
            via = Via::Rule("country-role-name");
            person = true;
            // The name is known to the document now; a coreference to an
            // earlier role-pattern mention keeps the antecedent.
            if let Some(&ante) = state.known.get(&name_key(words, ns, ne)) {
                via = Via::Coref(ante);
            }
        } else if reading.agents == 0 {
            let id = reading.base_entry.map(|e| self.dict.entry(e).id.clone()).unwrap_or_default();
            via = Via::Dict(id);
        } else {
            via = Via::Rule("country-role");
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
        let idx = push(state, si, words, start, end, actor.clone(), via, person);
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
        // Apposition after a role: "Russia's Foreign Ministry spokeswoman, Maria Zakharova,".
        if reading.person_role
            && reading.person.is_none()
            && name.is_none()
            && end + 1 < words.len()
            && words[end].norm == ","
        {
            if let Some(ne) = name_end(words, end + 1, piece_at).filter(|&ne| ne - (end + 1) >= 2) {
                let mut a = actor;
                a.name = Some(name_text(words, end + 1, ne));
                if let Some(d) =
                    push(state, si, words, end + 1, ne, a, Via::Rule("apposition"), true)
                {
                    learn(state, words, end + 1, ne, d);
                }
                return ne;
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
        state: &DocState,
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
                }
                EntryKind::Person => {
                    if r.person.is_some() {
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
        let _ = state;
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
    fn name(
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
        // "X, the head of Ukraine's presidential office" / "X, Russia's envoy".
        if end + 1 < words.len() && words[end].norm == "," {
            let mut s = end + 1;
            if matches!(words[s].norm.as_str(), "the" | "a" | "an") && s + 1 < words.len() {
                s += 1;
            }
            if let Some(k) = piece_at[s] {
                let (mut r, mut rend) =
                    self.read_chain(words, pieces, piece_at, pieces[k].start, date, state);
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
                        let (sub, sub_end) =
                            self.read_chain(words, pieces, piece_at, t, date, state);
                        r.country = sub.country;
                        r.base_code = sub.base_code;
                        r.base_entry = sub.base_entry;
                        if sub.sector.is_some()
                            && (r.sector.is_none()
                                || self.defers_all(words, pieces, piece_at, s, rend))
                        {
                            r.sector = sub.sector;
                        }
                        rend = sub_end;
                    }
                }
                if r.person_role && r.person.is_none() {
                    if let Some(mut actor) = self.actor_of(&r, date) {
                        actor.name = Some(name_text(words, i, end));
                        if let Some(d) =
                            push(state, si, words, start, end, actor, Via::Rule("apposition"), true)
                        {
                            learn(state, words, i, end, d);
                        }
                        let _ = rend;
                        return end;
                    }
                }
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
                    let (r, _) = self.read_chain(words, pieces, piece_at, end + 1, date, state);
                    if let Some(mut actor) = self.actor_of(&r, date) {
                        actor.name = Some(name_text(words, i, end));
                        if let Some(d) = push(
                            state,
                            si,
                            words,
                            start,
                            end,
                            actor,
                            Via::Rule("name-of-organisation"),
                            true,
                        ) {
                            learn(state, words, i, end, d);
                        }
                    }
                }
            }
        }
        end
    }
}

impl Annotator for ActorCoder {
    fn name(&self) -> &'static str {
        "actors"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Mentions]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), DocError> {
        let mentions = self.code(doc);
        tracing::debug!(doc_id = %doc.meta.id, mentions = mentions.len(), "coded actors");
        doc.mentions = mentions;
        Ok(())
    }
}

fn is_title_word(norm: &str) -> bool {
    matches!(norm, "mr" | "mrs" | "ms" | "dr" | "sir" | "dame" | "miss")
}

fn sentence_words(doc: &Document, range: std::ops::Range<usize>) -> Vec<Word> {
    let mut out = Vec::with_capacity(range.len() + 4);
    for ti in range {
        let Some(tok) = doc.tokens.get(ti) else { break };
        let Some(text) = doc.text.get(tok.span.start..tok.span.end) else { continue };
        for (s, e) in words::split(text) {
            let raw = &text[s..e];
            out.push(Word {
                norm: words::normalize(raw),
                start: tok.span.start + s,
                end: tok.span.start + e,
                token: ti,
                shape: words::shape(raw),
                upos: tok.upos,
                deprel: tok.deprel.clone(),
            });
        }
    }
    out
}

/// End of a run of capitalised, non-dictionary words starting at `i`
/// (with "al-", "bin", "de" inside), at most five words.
fn name_end(words: &[Word], i: usize, piece_at: &[Option<usize>]) -> Option<usize> {
    let first = words.get(i)?;
    if piece_at[i].is_some()
        || !matches!(first.shape, Shape::Capitalized)
        || not_a_name(&first.norm)
    {
        return None;
    }
    if matches!(first.upos, Some(u) if u != Upos::PROPN && u != Upos::X && u != Upos::NOUN && u != Upos::ADJ)
    {
        return None;
    }
    let mut end = i + 1;
    let mut count = 1;
    while end < words.len() && count < 5 {
        let w = &words[end];
        if piece_at[end].is_some() {
            break;
        }
        if matches!(w.shape, Shape::Capitalized) && !not_a_name(&w.norm) {
            end += 1;
            count += 1;
        } else {
            let joins = (w.norm == "-" || NAME_PARTICLES.contains(&w.norm.as_str()))
                && end + 1 < words.len()
                && piece_at[end + 1].is_none()
                && (matches!(words[end + 1].shape, Shape::Capitalized)
                    || (w.norm != "-" && words[end + 1].norm == "-"));
            let after_particle =
                w.norm == "-" && NAME_PARTICLES.contains(&words[end - 1].norm.as_str());
            if !(joins || after_particle) {
                break;
            }
            end += 1;
        }
    }
    // Never end on a particle or hyphen.
    while end > i + 1
        && (words[end - 1].norm == "-" || NAME_PARTICLES.contains(&words[end - 1].norm.as_str()))
    {
        end -= 1;
    }
    Some(end)
}

fn name_text(words: &[Word], s: usize, e: usize) -> String {
    let mut out = String::new();
    for (k, w) in words[s..e].iter().enumerate() {
        if k > 0 && w.norm != "-" && words[s + k - 1].norm != "-" {
            out.push(' ');
        }
        out.push_str(&w.norm);
    }
    // Title case for display.
    out.split(' ')
        .map(|part| {
            part.split('-')
                .map(|p| {
                    let mut c = p.chars();
                    match c.next() {
                        Some(f) if !NAME_PARTICLES.contains(&p) => {
                            f.to_uppercase().chain(c).collect()
                        }
                        Some(f) => std::iter::once(f).chain(c).collect(),
                        None => String::new(),
                    }
                })
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn name_key(words: &[Word], s: usize, e: usize) -> String {
    words[s..e].iter().map(|w| w.norm.as_str()).filter(|w| *w != "-").collect::<Vec<_>>().join(" ")
}

fn learn(state: &mut DocState, words: &[Word], s: usize, e: usize, draft: usize) {
    state.known.insert(name_key(words, s, e), draft);
    if e - s >= 2 {
        let last = &words[e - 1].norm;
        if last.chars().count() > 2 {
            state.known.insert(last.clone(), draft);
        }
    }
}

fn pronoun_is_subject(words: &[Word], i: usize) -> bool {
    if let Some(rel) = words[i].deprel.as_deref() {
        return rel.starts_with("nsubj");
    }
    // Untagged: "he said", "he has refused", "said he".
    if let Some(next) = words.get(i + 1) {
        if matches!(next.upos, Some(Upos::VERB | Upos::AUX)) || reporting(&next.norm) {
            return true;
        }
    }
    i > 0 && reporting(&words[i - 1].norm)
}

/// Whether the pronoun at `i` is the subject of a reporting verb right
/// after it ("it said", "it added"), or of one right before it ("said it").
fn reports(words: &[Word], i: usize) -> bool {
    let next = words.get(i + 1).is_some_and(|w| SPEECH.contains(&w.norm.as_str()));
    let prev = i > 0
        && SPEECH.contains(&words[i - 1].norm.as_str())
        && words.get(i + 1).is_none_or(|w| matches!(w.norm.as_str(), "." | "," | ";"));
    (next || prev) && words[i].deprel.as_deref().is_none_or(|r| r.starts_with("nsubj"))
}

/// The latest draft, in the three sentences before this one, that names a
/// state or organisation as a clause subject (any, without a parse).
fn latest_speaking_body(state: &DocState, si: usize) -> Option<usize> {
    state
        .drafts
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, d)| d.sentence < si)
        .take_while(|(_, d)| d.sentence + 3 >= si)
        .find(|(_, d)| !d.person && d.subject)
        .map(|(k, _)| k)
}

/// The latest draft with a country in this sentence before byte `start`,
/// or (when this sentence has none there) in the sentence before, if all
/// the drafts with a country there name the same one.
fn sole_country_before(state: &DocState, si: usize, start: usize) -> Option<usize> {
    let with_country = |here: bool| -> Vec<usize> {
        state
            .drafts
            .iter()
            .enumerate()
            .filter(|(_, d)| {
                d.actor.country.is_some()
                    && if here { d.sentence == si && d.start < start } else { d.sentence + 1 == si }
            })
            .map(|(k, _)| k)
            .collect()
    };
    let mut near = with_country(true);
    if near.is_empty() {
        near = with_country(false);
    }
    let last = *near.iter().max_by_key(|&&k| state.drafts[k].start)?;
    let country = &state.drafts[last].actor.country;
    near.iter().all(|&k| &state.drafts[k].actor.country == country).then_some(last)
}

/// The latest draft of a country's force of this sector (army, police),
/// in this sentence before `start` or the three sentences before.
fn latest_of_sector(state: &DocState, si: usize, start: usize, sector: &str) -> Option<usize> {
    state
        .drafts
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, d)| d.sentence < si || d.start < start)
        .take_while(|(_, d)| d.sentence + 3 >= si)
        .find(|(_, d)| d.actor.country.is_some() && d.actor.sector.as_deref() == Some(sector))
        .map(|(k, _)| k)
}

/// The latest draft that refers to a person, in this or the three sentences before.
fn latest_person(state: &DocState, si: usize) -> Option<usize> {
    state
        .drafts
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, d)| d.sentence + 3 >= si)
        .find(|(_, d)| d.person && d.actor.name.is_some())
        .map(|(k, _)| k)
}

/// The latest person draft with this country (if given) and a role the
/// description can stand for.
fn find_by_role(
    state: &DocState,
    _si: usize,
    country: Option<&str>,
    role: Option<&str>,
) -> Option<usize> {
    let role = role?;
    state
        .drafts
        .iter()
        .enumerate()
        .rev()
        .find(|(_, d)| {
            if !d.person || d.actor.name.is_none() {
                return false;
            }
            if let Some(c) = country {
                if d.actor.country.as_deref() != Some(c) {
                    return false;
                }
            }
            let Some(r) = d.actor.role.as_deref() else { return false };
            r == role
                || (GENERIC_ROLES.contains(&role) && TOP_ROLES.contains(&r))
                || (role == "leader" && TOP_ROLES.contains(&r))
        })
        .map(|(k, _)| k)
}

#[allow(clippy::too_many_arguments)]
fn push(
    state: &mut DocState,
    si: usize,
    words: &[Word],
    s: usize,
    e: usize,
    actor: Actor,
    via: Via,
    person: bool,
) -> Option<usize> {
    if s >= e || e > words.len() {
        return None;
    }
    let (start, end) = (words[s].start, words[e - 1].end);
    if state.drafts.iter().any(|d| d.start < end && start < d.end) {
        return None;
    }
    state.drafts.push(Draft {
        start,
        end,
        sentence: si,
        first_token: words[s].token,
        end_token: words[e - 1].token + 1,
        actor,
        via,
        person,
        subject: words[s..e]
            .iter()
            .any(|w| w.deprel.as_deref().is_none_or(|r| r.starts_with("nsubj"))),
    });
    Some(state.drafts.len() - 1)
}

/// Sorts drafts by span and turns them into mentions, remapping antecedents.
fn finish(drafts: Vec<Draft>, doc: &Document) -> Vec<Mention> {
    let mut order: Vec<usize> = (0..drafts.len()).collect();
    order.sort_by_key(|&k| (drafts[k].start, drafts[k].end));
    let mut new_index = vec![0usize; drafts.len()];
    for (n, &k) in order.iter().enumerate() {
        new_index[k] = n;
    }
    let mut out = Vec::with_capacity(drafts.len());
    for &k in &order {
        let d = &drafts[k];
        let Ok(span) = Span::new(&doc.text, d.start, d.end) else { continue };
        let via = match &d.via {
            Via::Dict(entry) => MentionSource::Dictionary { entry: entry.clone() },
            Via::Rule(rule) => MentionSource::RolePattern { rule: (*rule).to_string() },
            Via::Coref(a) => MentionSource::Coreference { antecedent: new_index[*a] },
        };
        out.push(Mention {
            span,
            sentence: SentenceIdx(d.sentence as u32),
            first_token: TokenIdx(d.first_token as u32),
            end_token: TokenIdx(d.end_token as u32),
            actor: d.actor.clone(),
            via,
        });
    }
    out
}
