//! The actor dictionary: entries (countries, organisations, armed groups,
//! agents, people, titles, modifiers) and the word trie that finds their
//! phrases in text.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::words::{self, CaseReq};
use crate::{petrarch, ActorError};

/// What kind of thing an entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryKind {
    /// A state or territory: names, adjectives, demonyms, seats of power.
    Country,
    /// An organisation or office with a fixed code (IGO, NGO, ministry...).
    Org,
    /// A non-state armed group.
    Group,
    /// A sector or role word ("government", "foreign minister", "rebels").
    Agent,
    /// A named person with dated offices.
    Person,
    /// An honorific before a name ("Mr.", "Dr.").
    Title,
    /// A word that may sit inside an actor phrase ("deputy", "senior").
    Modifier,
    /// An entry imported from a PETRARCH/TABARI actor file.
    Imported,
}

/// Which kind of phrase of an entry matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhraseClass {
    /// A name of the entry ("Ukraine", "NATO", "Vladimir Putin").
    Name,
    /// A country adjective ("Ukrainian").
    Adjective,
    /// A country's people ("Ukrainians").
    People,
    /// A seat of power used for the government ("Kyiv", "the Kremlin").
    Seat,
    /// A person's surname alone: only trusted after a title or a role word,
    /// or once the person was named in the document.
    Surname,
}

/// A phrase of an entry as written in the dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// The words, as written (their capitalisation is a constraint).
    pub text: String,
    /// What the phrase says of the entry.
    pub class: PhraseClass,
}

/// One code an entry carries, optionally for a date range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// CAMEO-style code, e.g. `RUSGOV`.
    pub code: String,
    /// Office held, e.g. `president`.
    pub role: Option<String>,
    /// First day, as `yyyymmdd`, inclusive; `None`: since always.
    pub from: Option<u32>,
    /// Last day, as `yyyymmdd`, inclusive; `None`: still.
    pub until: Option<u32>,
}

impl Term {
    fn covers(&self, date: u32) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }

    fn is_dated(&self) -> bool {
        self.from.is_some() || self.until.is_some()
    }
}

/// One dictionary entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorEntry {
    /// Unique id, `kind:name` (e.g. `country:UKR`, `person:Vladimir Putin`);
    /// a later entry with the same id replaces an earlier one.
    pub id: String,
    /// What kind of thing it names.
    pub kind: EntryKind,
    /// Canonical name (people, organisations, countries).
    pub name: Option<String>,
    /// Codes; several when they depend on the date.
    pub terms: Vec<Term>,
    /// Phrases that refer to it.
    pub phrases: Vec<Phrase>,
    /// Agents: the word names one person ("spokesman", "president").
    pub person_role: bool,
    /// Agents: the word takes its sector from an agent before it
    /// ("army spokesman" is MIL, "police chief" is COP).
    pub defer: bool,
    /// Agents: the role this word gives a person ("foreign minister").
    pub role: Option<String>,
    /// Person: the surname used alone ("Peskov").
    pub surname: Option<String>,
    /// Where the entry was read: `file:line`.
    pub origin: String,
    /// Whose knowledge it is: `None` for parley's own entries, else the
    /// dictionary it was imported from (`phoenix`), as its `source:` field says.
    pub source: Option<String>,
    /// Imported entries: match the words in any case except short acronyms.
    pub(crate) loose_case: bool,
}

impl ActorEntry {
    pub(crate) fn new(id: String, kind: EntryKind, origin: String) -> ActorEntry {
        ActorEntry {
            id,
            kind,
            name: None,
            terms: Vec::new(),
            phrases: Vec::new(),
            person_role: false,
            defer: false,
            role: None,
            surname: None,
            origin,
            source: None,
            loose_case: false,
        }
    }

    /// The term in force on `date` (`yyyymmdd`), and whether the entry held
    /// it then. Without a date: the current (open-ended, latest) term.
    /// A person whose terms all lie elsewhere gets the nearest one and
    /// `false` (a former office holder).
    pub fn term_at(&self, date: Option<u32>) -> Option<(&Term, bool)> {
        let date = match date {
            Some(d) => d,
            None => {
                let best = self
                    .terms
                    .iter()
                    .max_by_key(|t| (t.until.unwrap_or(u32::MAX), t.from.unwrap_or(0)))?;
                return Some((best, true));
            }
        };
        // A dated term covering the date beats an undated default.
        if let Some(t) = self
            .terms
            .iter()
            .filter(|t| t.is_dated() && t.covers(date))
            .max_by_key(|t| t.from.unwrap_or(0))
        {
            return Some((t, true));
        }
        if let Some(t) = self.terms.iter().find(|t| !t.is_dated()) {
            return Some((t, true));
        }
        let distance = |t: &Term| -> u32 {
            match (t.from, t.until) {
                (Some(f), _) if date < f => f - date,
                (_, Some(u)) if date > u => date - u,
                _ => 0,
            }
        };
        self.terms.iter().min_by_key(|t| distance(t)).map(|t| (t, false))
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Target {
    pub(crate) entry: u32,
    pub(crate) class: PhraseClass,
    pub(crate) cases: Vec<CaseReq>,
}

/// Word trie over normalised words; each node may end a phrase.
#[derive(Debug, Clone, Default)]
pub(crate) struct Trie {
    words: HashMap<String, u32>,
    edges: HashMap<(u32, u32), u32>,
    terminal: Vec<Option<u32>>,
    pub(crate) targets: Vec<Target>,
}

impl Trie {
    fn insert(&mut self, norms: &[String], target: Target) {
        if self.terminal.is_empty() {
            self.terminal.push(None);
        }
        let mut node = 0u32;
        for w in norms {
            let next_word = self.words.len() as u32;
            let wid = *self.words.entry(w.clone()).or_insert(next_word);
            let next_node = self.terminal.len() as u32;
            node = match self.edges.get(&(node, wid)) {
                Some(&n) => n,
                None => {
                    self.edges.insert((node, wid), next_node);
                    self.terminal.push(None);
                    next_node
                }
            };
        }
        let tid = self.targets.len() as u32;
        self.targets.push(target);
        self.terminal[node as usize] = Some(tid);
    }

    /// Id of a normalised word, if any phrase uses it.
    pub(crate) fn word_id(&self, norm: &str) -> Option<u32> {
        self.words.get(norm).copied()
    }

    /// Follows one word from a node.
    pub(crate) fn step(&self, node: u32, wid: u32) -> Option<u32> {
        self.edges.get(&(node, wid)).copied()
    }

    /// The phrase ending at a node.
    pub(crate) fn target(&self, node: u32) -> Option<&Target> {
        self.terminal.get(node as usize).copied().flatten().map(|t| &self.targets[t as usize])
    }
}

/// Country and sector parts of a composite code.
pub(crate) const AGENT_CODES: &[&str] = &[
    "GOV", "MIL", "COP", "REB", "INS", "OPP", "PTY", "LEG", "JUD", "SPY", "MED", "JRN", "EDU",
    "BUS", "CRM", "CVL", "ELI", "LAB", "AGR", "REF", "HLH", "HRI", "UAF", "IGO", "NGO", "IMG",
    "MNC", "REL", "ENV", "DEV", "SEP", "RAD", "MOD", "AMN", "NGM",
];

const INTERNATIONAL: &[&str] = &["IGO", "NGO", "IMG", "MNC", "NGM"];

/// Actor dictionaries: every entry, and the trie that finds their phrases.
///
/// Build it from the embedded files ([`ActorDictionary::embedded`]), from
/// files on disk ([`ActorDictionary::load_path`], parley's format or a
/// PETRARCH/TABARI `.txt`), and [`merge`](ActorDictionary::merge) them:
/// a later entry with the same id, or a later phrase, wins.
#[derive(Debug, Clone, Default)]
pub struct ActorDictionary {
    entries: Vec<ActorEntry>,
    by_id: HashMap<String, usize>,
    /// When each entry was added: a replaced entry keeps its slot but takes
    /// a new time, so its phrases still win over entries added between.
    added: Vec<u32>,
    next_time: u32,
    pub(crate) trie: Trie,
    countries: HashMap<String, usize>,
    /// People by their normalised surname: a surname alone is resolved
    /// between them by the document ("President X" on the day, a full
    /// name named before).
    by_surname: HashMap<String, Vec<u32>>,
}

/// The embedded dictionary files: (name, contents).
/// Imported (Phoenix) files come first, so that parley's own entries, read
/// after them, win a shared id or phrase.
const EMBEDDED: &[(&str, &str)] = &[
    ("phoenix/countries.actors", include_str!("../../../data/actors/phoenix/countries.actors")),
    (
        "phoenix/international.actors",
        include_str!("../../../data/actors/phoenix/international.actors"),
    ),
    ("phoenix/milnonstate.actors", include_str!("../../../data/actors/phoenix/milnonstate.actors")),
    ("countries.actors", include_str!("../../../data/actors/countries.actors")),
    ("territories.actors", include_str!("../../../data/actors/territories.actors")),
    ("igos.actors", include_str!("../../../data/actors/igos.actors")),
    ("ngos.actors", include_str!("../../../data/actors/ngos.actors")),
    ("armed_groups.actors", include_str!("../../../data/actors/armed_groups.actors")),
    ("institutions.actors", include_str!("../../../data/actors/institutions.actors")),
    ("people.actors", include_str!("../../../data/actors/people.actors")),
    ("leaders-2015.actors", include_str!("../../../data/actors/leaders-2015.actors")),
    ("agents/roles.actors", include_str!("../../../data/actors/agents/roles.actors")),
];

impl ActorDictionary {
    /// An empty dictionary.
    pub fn new() -> ActorDictionary {
        ActorDictionary::default()
    }

    /// The dictionaries shipped in `data/actors/`, compiled into the binary.
    pub fn embedded() -> Result<Arc<ActorDictionary>, ActorError> {
        let mut dict = ActorDictionary::new();
        for (name, text) in EMBEDDED {
            dict.add_entries(crate::format::parse(name, text)?);
        }
        dict.rebuild();
        Ok(Arc::new(dict))
    }

    /// Parses dictionary text in parley's format (see `data/actors/README.md`).
    pub fn from_str_named(name: &str, text: &str) -> Result<ActorDictionary, ActorError> {
        let mut dict = ActorDictionary::new();
        dict.add_entries(crate::format::parse(name, text)?);
        dict.rebuild();
        Ok(dict)
    }

    /// Parses a PETRARCH/TABARI actor or agent dictionary.
    pub fn from_petrarch_str(name: &str, text: &str) -> Result<ActorDictionary, ActorError> {
        let mut dict = ActorDictionary::new();
        dict.add_entries(petrarch::parse(name, text)?);
        dict.rebuild();
        Ok(dict)
    }

    /// Reads a file or a directory (every `.actors` and `.txt` file under
    /// it, in name order). A file is read as PETRARCH/TABARI when its
    /// content looks like one (`PHRASE_ [CODE]`, `+ALIAS` lines), else as
    /// parley's format.
    pub fn load_path(path: impl AsRef<Path>) -> Result<ActorDictionary, ActorError> {
        let path = path.as_ref();
        let mut files = Vec::new();
        collect_files(path, &mut files)?;
        let mut dict = ActorDictionary::new();
        for file in files {
            let text = std::fs::read_to_string(&file)
                .map_err(|source| ActorError::Io { path: file.clone(), source })?;
            let name = file.display().to_string();
            let entries = if petrarch::looks_like_petrarch(&text) {
                petrarch::parse(&name, &text)?
            } else {
                crate::format::parse(&name, &text)?
            };
            tracing::debug!(file = %name, entries = entries.len(), "loaded actor dictionary");
            dict.add_entries(entries);
        }
        dict.rebuild();
        Ok(dict)
    }

    /// Adds `other`'s entries; an entry with an id already present replaces
    /// it, and a phrase in both now leads to `other`'s entry.
    pub fn merge(&mut self, other: ActorDictionary) {
        self.add_entries(other.entries);
        self.rebuild();
    }

    /// Every entry, in load order.
    pub fn entries(&self) -> &[ActorEntry] {
        &self.entries
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&ActorEntry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub(crate) fn entry(&self, idx: u32) -> &ActorEntry {
        &self.entries[idx as usize]
    }

    /// The people who share the surname of person `entry` (itself
    /// included), in the order they were added.
    pub(crate) fn sharing_surname(&self, entry: u32) -> &[u32] {
        self.entry(entry)
            .surname
            .as_deref()
            .and_then(|s| self.by_surname.get(&surname_key(s)))
            .map_or(&[], Vec::as_slice)
    }

    /// Whether a three-letter code is a country of this dictionary.
    pub fn is_country(&self, code: &str) -> bool {
        self.countries.contains_key(code)
    }

    /// Splits a composite code into (country, sector).
    pub fn split_code(&self, code: &str) -> (Option<String>, Option<String>) {
        let chunks: Vec<&str> =
            (0..code.len() / 3).filter_map(|i| code.get(i * 3..i * 3 + 3)).collect();
        let Some(first) = chunks.first() else {
            return (None, None);
        };
        let country = (self.is_country(first)
            || (first.len() == 3
                && !INTERNATIONAL.contains(first)
                && !AGENT_CODES.contains(first)))
        .then(|| first.to_string());
        let sector = chunks[1..]
            .iter()
            .find(|c| AGENT_CODES.contains(c) && !INTERNATIONAL.contains(c))
            .map(|c| c.to_string())
            .or_else(|| INTERNATIONAL.contains(first).then(|| first.to_string()));
        (country, sector)
    }

    fn add_entries(&mut self, entries: Vec<ActorEntry>) {
        for entry in entries {
            let time = self.next_time;
            self.next_time += 1;
            match self.by_id.get(&entry.id) {
                Some(&i) => {
                    self.entries[i] = entry;
                    self.added[i] = time;
                }
                None => {
                    self.by_id.insert(entry.id.clone(), self.entries.len());
                    self.entries.push(entry);
                    self.added.push(time);
                }
            }
        }
    }

    /// Rebuilds the trie: weak surnames first, then every phrase in the
    /// order the entries were added (a replaced entry counts as added when
    /// it replaced), so a later phrase replaces an earlier identical one.
    fn rebuild(&mut self) {
        let mut trie = Trie::default();
        self.countries.clear();
        self.by_surname.clear();
        let mut order: Vec<usize> = (0..self.entries.len()).collect();
        order.sort_by_key(|&i| self.added[i]);
        for &i in &order {
            let e = &self.entries[i];
            if e.kind == EntryKind::Country {
                if let Some(t) = e.terms.first() {
                    self.countries.insert(t.code.clone(), i);
                }
            }
            if let (EntryKind::Person, Some(surname)) = (e.kind, &e.surname) {
                insert_phrase(&mut trie, i, surname, PhraseClass::Surname, e.loose_case);
                self.by_surname.entry(surname_key(surname)).or_default().push(i as u32);
            }
        }
        for &i in &order {
            let e = &self.entries[i];
            for p in &e.phrases {
                if e.loose_case && e.kind == EntryKind::Agent {
                    // Imported agents are written in capitals: any case matches.
                    let lower = p.text.to_lowercase();
                    insert_phrase(&mut trie, i, &lower, p.class, false);
                    if let Some(plural) = plural_phrase(&lower) {
                        insert_phrase(&mut trie, i, &plural, p.class, false);
                    }
                    continue;
                }
                insert_phrase(&mut trie, i, &p.text, p.class, e.loose_case);
                if e.kind == EntryKind::Agent && p.class == PhraseClass::Name {
                    if let Some(plural) = plural_phrase(&p.text) {
                        insert_phrase(&mut trie, i, &plural, p.class, e.loose_case);
                    }
                }
            }
        }
        self.trie = trie;
    }
}

fn surname_key(surname: &str) -> String {
    surname.split_whitespace().map(words::normalize).collect::<Vec<_>>().join(" ")
}

fn insert_phrase(trie: &mut Trie, entry: usize, text: &str, class: PhraseClass, loose: bool) {
    let spans = words::split(text);
    if spans.is_empty() {
        return;
    }
    let raw: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
    let norms: Vec<String> = raw.iter().map(|w| words::normalize(w)).collect();
    let cases: Vec<CaseReq> = if loose {
        let short = raw.len() == 1 && raw[0].chars().filter(|c| c.is_alphabetic()).count() <= 3;
        raw.iter()
            .enumerate()
            .map(|(k, w)| {
                if short {
                    CaseReq::Upper
                } else if k + 1 == raw.len() && w.chars().any(char::is_alphabetic) {
                    CaseReq::Capitalized
                } else {
                    CaseReq::Any
                }
            })
            .collect()
    } else {
        raw.iter().map(|w| words::case_req(w)).collect()
    };
    trie.insert(&norms, Target { entry: entry as u32, class, cases });
}

/// The regular plural of a phrase's last word ("minister" -> "ministers",
/// "militia" -> "militias", "spokesman" -> "spokesmen", "ministry" ->
/// "ministries"); `None` when it already ends in s.
pub(crate) fn plural_phrase(text: &str) -> Option<String> {
    let (head, last) = match text.rfind(' ') {
        Some(i) => (&text[..=i], &text[i + 1..]),
        None => ("", text),
    };
    if last.is_empty()
        || !last.chars().all(char::is_alphabetic)
        || last.chars().all(char::is_uppercase)
    {
        return None;
    }
    let plural = if let Some(stem) = last.strip_suffix("man") {
        format!("{stem}men")
    } else if last.ends_with('s')
        || last.ends_with("sh")
        || last.ends_with("ch")
        || last.ends_with('x')
    {
        return None;
    } else if let Some(stem) = last.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        format!("{stem}ies")
    } else {
        format!("{last}s")
    };
    Some(format!("{head}{plural}"))
}

fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), ActorError> {
    let meta = std::fs::metadata(path)
        .map_err(|source| ActorError::Io { path: path.to_path_buf(), source })?;
    if meta.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut children: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|source| ActorError::Io { path: path.to_path_buf(), source })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    children.sort();
    for child in children {
        if child.is_dir() {
            collect_files(&child, out)?;
        } else if child.extension().is_some_and(|x| x == "actors" || x == "txt") {
            out.push(child);
        }
    }
    Ok(())
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (anything after the day is
/// ignored) into `yyyymmdd`; a missing month or day is `fill` (01 for a
/// start, 12/31 for an end).
pub(crate) fn parse_date(s: &str, end: bool) -> Option<u32> {
    let mut parts = s.trim().splitn(3, '-');
    let y: u32 = parts.next()?.parse().ok()?;
    let m: u32 = match parts.next() {
        Some(m) => m.parse().ok()?,
        None => {
            return Some(y * 10000 + if end { 1231 } else { 101 });
        }
    };
    let d: u32 = match parts.next() {
        Some(d) => d.get(..2).unwrap_or(d).parse().ok()?,
        None => {
            if end {
                31
            } else {
                1
            }
        }
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1000..=9999).contains(&y) {
        return None;
    }
    Some(y * 10000 + m * 100 + d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        assert_eq!(plural_phrase("minister").as_deref(), Some("ministers"));
        assert_eq!(plural_phrase("foreign ministry").as_deref(), Some("foreign ministries"));
        assert_eq!(plural_phrase("spokesman").as_deref(), Some("spokesmen"));
        assert_eq!(plural_phrase("envoy").as_deref(), Some("envoys"));
        assert_eq!(plural_phrase("forces"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2024-07-17", false), Some(20240717));
        assert_eq!(parse_date("2024", true), Some(20241231));
        assert_eq!(parse_date("2024-07-17T10:00:00Z", false), Some(20240717));
        assert_eq!(parse_date("July", false), None);
    }

    #[test]
    fn a_replacing_entry_wins_phrases_added_before_it() {
        // Regression: the replacing entry kept the replaced one's slot and
        // lost "European Commission" to an entry added between the two.
        let mut dict = ActorDictionary::from_str_named(
            "a.actors",
            "org IGOEUREEC = European Union | name: European Union\n\
             org IGOEUREEC = European Commission | name: European Commission\n",
        )
        .expect("parses");
        let own = "org IGOWSTEEU = European Union; European Commission | name: European Union\n";
        dict.merge(ActorDictionary::from_str_named("b.actors", own).expect("parses"));
        let norms = ["european", "commission"];
        let mut node = 0;
        for w in norms {
            node = dict.trie.step(node, dict.trie.word_id(w).expect("word")).expect("edge");
        }
        let target = dict.trie.target(node).expect("phrase");
        assert_eq!(dict.entry(target.entry).id, "org:European Union");
        assert_eq!(dict.len(), 2);
    }

    #[test]
    fn term_at_picks_the_office_of_the_day() {
        let mut e = ActorEntry::new("person:X".into(), EntryKind::Person, "t:1".into());
        e.terms.push(Term {
            code: "RUSGOV".into(),
            role: Some("president".into()),
            from: Some(20000507),
            until: Some(20080507),
        });
        e.terms.push(Term {
            code: "RUSGOV".into(),
            role: Some("prime minister".into()),
            from: Some(20080508),
            until: Some(20120507),
        });
        e.terms.push(Term {
            code: "RUSGOV".into(),
            role: Some("president".into()),
            from: Some(20120507),
            until: None,
        });
        let (t, held) = e.term_at(Some(20100101)).expect("term");
        assert_eq!((t.role.as_deref(), held), (Some("prime minister"), true));
        let (t, _) = e.term_at(None).expect("term");
        assert_eq!(t.from, Some(20120507));
        let (t, held) = e.term_at(Some(19990101)).expect("term");
        assert_eq!((t.from, held), (Some(20000507), false));
    }
}
