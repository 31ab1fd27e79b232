//! The event lexicon: trigger patterns with their PLOVER/CAMEO coding and
//! argument frames, plus the CAMEO fact tables (see `data/events/README.md`).

use std::collections::HashMap;
use std::path::Path;

use parley_doc::EventType;

use crate::classes::{NounClasses, WordSet};
use crate::places::Gazetteer;
use crate::EventError;

const LEXICON: &str = include_str!("../../../data/events/lexicon.txt");
const CLASSES: &str = include_str!("../../../data/events/noun-classes.txt");
const VERB_CLASSES: &str = include_str!("../../../data/events/verb-classes.txt");
const CAMEO: &str = include_str!("../../../data/events/cameo.tsv");
const SCORES: &str = include_str!("../../../data/events/plover_scores.tsv");
const GAZETTEER: &str = include_str!("../../../data/places/gazetteer.txt");

/// Which part of speech a trigger's head word must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TriggerPos {
    /// A verb (also a participle tagged as an adjective).
    Verb,
    /// A noun: a nominalisation ("invasion", "talks") or a light-verb object.
    Noun,
    /// A predicative adjective ("willing", "opposed").
    Adj,
}

/// A condition on the words around a trigger's head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Requirement {
    /// A particle or preposition: a dependent of the head with one of these
    /// lemmas, or a word among the three after it ("rule out", "call for").
    Word(WordSet),
    /// The head's object (or passive subject; for nouns, a modifier) has one
    /// of these lemmas or belongs to one of these noun classes ("dismiss
    /// calls", "hold talks", "send @weapon", "hunger strike").
    Object(WordSet),
    /// The head takes a to-infinitive ("refuse to attend", "vow to fight").
    Infinitive,
    /// The head's subject, or what a quantity subject counts, has one of
    /// these lemmas or classes ("protesters gathered", "thousands of
    /// protesters gathered"): who acts decides what the act is.
    Subject(WordSet),
}

impl Requirement {
    fn words_mut(&mut self) -> Option<&mut WordSet> {
        match self {
            Requirement::Word(w) | Requirement::Object(w) | Requirement::Subject(w) => Some(w),
            Requirement::Infinitive => None,
        }
    }
}

/// Where an entry's knowledge comes from (the `src=` frame key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// The PLOVER manual or a CAMEO code's name and description.
    Codebook,
    /// PETRARCH2's verb dictionary (`CAMEO.2.0.txt`, MIT).
    Petrarch,
    /// WordNet synonyms of a codebook verb or noun.
    Wordnet,
    /// The project's own reading of news English.
    Own,
}

impl Source {
    fn parse(s: &str) -> Option<Source> {
        Some(match s {
            "codebook" => Source::Codebook,
            "petrarch" => Source::Petrarch,
            "wordnet" => Source::Wordnet,
            "own" => Source::Own,
            _ => return None,
        })
    }
}

/// A dependency role that can name a party.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Role {
    /// The subject (active voice).
    Subj,
    /// The direct object (active voice) or passive subject.
    Obj,
    /// The indirect object.
    Iobj,
    /// The possessor of the (nominal) trigger.
    Poss,
    /// A prepositional dependent with this preposition ("to", "against", "with").
    Prep(String),
}

/// One lexicon entry.
#[derive(Debug, Clone, PartialEq)]
pub struct LexEntry {
    /// Unique id, reported as the event's `rule`.
    pub id: String,
    /// The head word's lemma (lowercase).
    pub head: String,
    /// The head word's part of speech.
    pub pos: TriggerPos,
    /// Further words the pattern needs.
    pub requires: Vec<Requirement>,
    /// PLOVER event type.
    pub event: EventType,
    /// PLOVER mode, if any.
    pub mode: Option<String>,
    /// CAMEO code.
    pub cameo: String,
    /// Roles that give the actor, in order of preference.
    pub actor: Vec<Role>,
    /// Roles that give the recipient, in order of preference.
    pub recipient: Vec<Role>,
    /// "Intent" entries (vow to, offer to): the type follows the embedded
    /// event, AGREE for cooperation and THREATEN for conflict.
    pub intent: bool,
    /// "Governing" entries (order, authorize): the event is the act the
    /// head governs, when one is there ("ordered an investigation",
    /// "ordered troops to withdraw"); the actor stays the head's.
    pub govern: bool,
    /// Entries whose clause complement is coded on its own, with its own
    /// modality ("denied that forces had fired" is a rejection, and the
    /// firing a negated event), as a speech verb's is.
    pub reports: bool,
    /// Entries coded only as a stated intent (`stated`): "will take all
    /// necessary measures" threatens, "took measures" is no event.
    pub stated: bool,
    /// Appeals (`appeal`: "called for a ceasefire"): the event stays the
    /// entry's REQUEST, its CAMEO code the appeal for the governed act
    /// (0256, appeal for de-escalation).
    pub appeal: bool,
    /// Where the entry came from (`embedded`, a path, `petrarch`).
    pub origin: String,
    /// Where its knowledge came from (`src=`); empty when the line says not.
    pub sources: Vec<Source>,
}

impl LexEntry {
    /// How specific the pattern is; the most specific match wins.
    pub fn specificity(&self) -> usize {
        let own = usize::from(self.origin != "petrarch");
        // An object list names the event more narrowly than a particle
        // ("met with derision" over "meet with").
        let objects = self
            .requires
            .iter()
            .filter(|r| matches!(r, Requirement::Object(_) | Requirement::Subject(_)))
            .count();
        self.requires.len() * 2 + objects + own
    }
}

/// CAMEO facts of one code.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoFact {
    /// GDELT QuadClass, 1..=4.
    pub quad_class: u8,
    /// Goldstein weight, -10..10.
    pub goldstein: f32,
    /// PLOVER type the code maps to, if any.
    pub plover: Option<EventType>,
    /// PLOVER mode the code maps to, if any.
    pub mode: Option<String>,
    /// PLOVER contexts.
    pub context: Vec<String>,
    /// CAMEO's name of the code.
    pub name: String,
}

/// Trigger patterns, CAMEO facts and the gazetteer the coder reads.
///
/// Built once (from the data embedded in the binary, plus any override
/// files) and shared between threads behind an `Arc`.
#[derive(Debug, Clone, Default)]
pub struct EventLexicon {
    entries: Vec<LexEntry>,
    by_head: HashMap<String, Vec<usize>>,
    cameo: HashMap<String, CameoFact>,
    scores: HashMap<(EventType, String), f32>,
    gazetteer: Gazetteer,
    classes: NounClasses,
}

impl EventLexicon {
    /// The lexicon, CAMEO tables and gazetteer shipped in `data/`.
    pub fn embedded() -> Result<EventLexicon, EventError> {
        let mut lexicon = EventLexicon {
            cameo: parse_cameo(CAMEO, "embedded:cameo.tsv")?,
            scores: parse_scores(SCORES, "embedded:plover_scores.tsv")?,
            gazetteer: Gazetteer::parse(GAZETTEER, "embedded:gazetteer.txt")?,
            classes: NounClasses::parse(CLASSES, "embedded:noun-classes.txt")?,
            ..EventLexicon::default()
        };
        // Verb classes the coder reads itself (`[occur]`), in the same format.
        lexicon.classes.extend(NounClasses::parse(VERB_CLASSES, "embedded:verb-classes.txt")?);
        let entries = parse_lexicon(LEXICON, "embedded:lexicon.txt", "embedded", &lexicon.classes)?;
        lexicon.add_entries(entries);
        Ok(lexicon)
    }

    /// Adds the entries of a lexicon file in the same format; an entry with
    /// the id of an existing one replaces it.
    pub fn load_path(&mut self, path: &Path) -> Result<(), EventError> {
        let text = read(path)?;
        let name = path.display().to_string();
        let entries = parse_lexicon(&text, &name, &name, &self.classes)?;
        self.add_entries(entries);
        Ok(())
    }

    /// Adds the noun classes of a file in the `noun-classes.txt` format; a
    /// class with the name of a shipped one replaces it, in every entry
    /// that refers to it. Load classes before lexicon files that use new ones.
    pub fn load_classes(&mut self, path: &Path) -> Result<(), EventError> {
        let text = read(path)?;
        self.classes.extend(NounClasses::parse(&text, &path.display().to_string())?);
        for entry in &mut self.entries {
            for set in entry.requires.iter_mut().filter_map(Requirement::words_mut) {
                set.rebind(&self.classes);
            }
        }
        Ok(())
    }

    /// The noun classes patterns may refer to.
    pub fn classes(&self) -> &NounClasses {
        &self.classes
    }

    /// Adds PETRARCH's CAMEO verb dictionary (`CAMEO.2.0.txt`) as extra,
    /// lower-priority patterns: each verb's synonyms with the plain
    /// `- * WORD [code]` and `- * (WORD) [code]` patterns. Returns how many
    /// entries were added.
    pub fn load_petrarch_verbs(&mut self, path: &Path) -> Result<usize, EventError> {
        let text = read(path)?;
        let entries = parse_petrarch(&text, &self.cameo);
        let n = entries.len();
        self.add_entries(entries);
        Ok(n)
    }

    /// Replaces the gazetteer with one read from a file in the same format.
    pub fn load_gazetteer(&mut self, path: &Path) -> Result<(), EventError> {
        let text = read(path)?;
        self.gazetteer = Gazetteer::parse(&text, &path.display().to_string())?;
        Ok(())
    }

    fn add_entries(&mut self, entries: Vec<LexEntry>) {
        for entry in entries {
            if let Some(old) = self.entries.iter_mut().find(|e| e.id == entry.id) {
                *old = entry;
            } else {
                self.entries.push(entry);
            }
        }
        self.by_head.clear();
        for (i, entry) in self.entries.iter().enumerate() {
            self.by_head.entry(entry.head.clone()).or_default().push(i);
        }
    }

    /// Every entry.
    pub fn entries(&self) -> &[LexEntry] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entries whose head lemma is `lemma`.
    pub fn by_head(&self, lemma: &str) -> impl Iterator<Item = &LexEntry> {
        self.by_head.get(lemma).into_iter().flatten().map(|&i| &self.entries[i])
    }

    /// Entries whose head lemma is `lemma`, with their indices.
    pub fn by_head_indexed(&self, lemma: &str) -> impl Iterator<Item = (usize, &LexEntry)> {
        self.by_head.get(lemma).into_iter().flatten().map(|&i| (i, &self.entries[i]))
    }

    /// Whether any entry has this head lemma.
    pub fn has_head(&self, lemma: &str) -> bool {
        self.by_head.contains_key(lemma)
    }

    /// CAMEO facts of a code (falls back to its parent codes).
    pub fn cameo(&self, code: &str) -> Option<&CameoFact> {
        (1..=code.len()).rev().find_map(|n| code.get(..n).and_then(|c| self.cameo.get(c)))
    }

    /// PLOVER score of a type and mode (the type's base score when the mode has none).
    pub fn plover_score(&self, event: EventType, mode: Option<&str>) -> Option<f32> {
        mode.and_then(|m| self.scores.get(&(event, m.to_string())))
            .or_else(|| self.scores.get(&(event, String::new())))
            .copied()
    }

    /// The gazetteer of places.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }
}

fn read(path: &Path) -> Result<String, EventError> {
    std::fs::read_to_string(path)
        .map_err(|error| EventError::Io { path: path.to_path_buf(), error })
}

fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

fn split_list(s: &str) -> Vec<String> {
    s.split(',').map(|w| w.trim().to_lowercase()).filter(|w| !w.is_empty()).collect()
}

/// Parses the lexicon format: `id | pattern | TYPE[:mode] | CAMEO | frame`;
/// `@name` in a word list refers to one of `classes`.
pub fn parse_lexicon(
    text: &str,
    name: &str,
    origin: &str,
    classes: &NounClasses,
) -> Result<Vec<LexEntry>, EventError> {
    let mut out = Vec::new();
    for (line, l) in data_lines(text) {
        let cols: Vec<&str> = l.split('|').map(str::trim).collect();
        if cols.len() < 4 {
            return Err(EventError::bad_data(
                name,
                line,
                "want `id | pattern | TYPE[:mode] | CAMEO | frame`",
            ));
        }
        let id = cols[0].to_string();
        let mut words = cols[1].split_whitespace();
        let head_word =
            words.next().ok_or_else(|| EventError::bad_data(name, line, "empty pattern"))?;
        let (head, pos) = match head_word.split_once('/') {
            Some((h, "n")) => (h, TriggerPos::Noun),
            Some((h, "a")) => (h, TriggerPos::Adj),
            Some((h, "v")) => (h, TriggerPos::Verb),
            None => (head_word, TriggerPos::Verb),
            _ => {
                return Err(EventError::bad_data(
                    name,
                    line,
                    format!("bad head `{head_word}` (use lemma, lemma/n, lemma/a)"),
                ))
            }
        };
        let mut requires = Vec::new();
        let set = |list: &str| {
            WordSet::parse(list, classes).map_err(|m| EventError::bad_data(name, line, m))
        };
        for w in words {
            if w == "+inf" {
                requires.push(Requirement::Infinitive);
            } else if let Some(list) = w.strip_prefix("obj=") {
                requires.push(Requirement::Object(set(list)?));
            } else if let Some(list) = w.strip_prefix("subj=") {
                requires.push(Requirement::Subject(set(list)?));
            } else {
                requires.push(Requirement::Word(set(w.trim_start_matches('+'))?));
            }
        }
        let (type_name, mode) = match cols[2].split_once(':') {
            Some((t, m)) => (t, Some(m.to_string())),
            None => (cols[2], None),
        };
        let event = EventType::parse(type_name).ok_or_else(|| {
            EventError::bad_data(name, line, format!("`{type_name}` is not a PLOVER type"))
        })?;
        let cameo = cols[3].to_string();
        if cameo.is_empty() || !cameo.chars().all(|c| c.is_ascii_digit()) {
            return Err(EventError::bad_data(name, line, format!("bad CAMEO code `{cameo}`")));
        }
        let mut entry = LexEntry {
            id,
            head: head.to_lowercase(),
            pos,
            requires,
            event,
            mode,
            cameo,
            actor: default_actor(pos),
            recipient: default_recipient(pos),
            intent: false,
            govern: false,
            reports: false,
            stated: false,
            appeal: false,
            origin: origin.to_string(),
            sources: Vec::new(),
        };
        let frame = cols.get(4).copied().unwrap_or("");
        for key in frame.split_whitespace() {
            if key == "intent" {
                entry.intent = true;
            } else if key == "govern" {
                entry.govern = true;
            } else if key == "reports" {
                entry.reports = true;
            } else if key == "stated" {
                entry.stated = true;
            } else if key == "appeal" {
                entry.appeal = true;
            } else if key == "norecip" {
                entry.recipient.clear();
            } else if let Some(list) = key.strip_prefix("recip=") {
                entry.recipient = parse_roles(list, name, line)?;
            } else if let Some(list) = key.strip_prefix("actor=") {
                entry.actor = parse_roles(list, name, line)?;
            } else if let Some(list) = key.strip_prefix("src=") {
                for s in list.split(',') {
                    let source = Source::parse(s).ok_or_else(|| {
                        EventError::bad_data(name, line, format!("unknown source `{s}`"))
                    })?;
                    entry.sources.push(source);
                }
            } else {
                return Err(EventError::bad_data(name, line, format!("unknown frame key `{key}`")));
            }
        }
        out.push(entry);
    }
    Ok(out)
}

fn parse_roles(list: &str, name: &str, line: usize) -> Result<Vec<Role>, EventError> {
    list.split(',')
        .filter(|r| !r.is_empty())
        .map(|r| match r {
            "subj" => Ok(Role::Subj),
            "obj" => Ok(Role::Obj),
            "iobj" => Ok(Role::Iobj),
            "poss" => Ok(Role::Poss),
            p if p.chars().all(|c| c.is_ascii_lowercase()) => Ok(Role::Prep(p.to_string())),
            other => Err(EventError::bad_data(name, line, format!("unknown role `{other}`"))),
        })
        .collect()
}

fn default_actor(pos: TriggerPos) -> Vec<Role> {
    match pos {
        TriggerPos::Noun => vec![Role::Poss, Role::Prep("by".into())],
        _ => vec![Role::Subj],
    }
}

fn default_recipient(pos: TriggerPos) -> Vec<Role> {
    let preps = ["to", "against", "on", "with"];
    let mut roles = match pos {
        TriggerPos::Noun => vec![],
        _ => vec![Role::Iobj, Role::Obj],
    };
    roles.extend(preps.iter().map(|p| Role::Prep((*p).to_string())));
    roles
}

fn parse_cameo(text: &str, name: &str) -> Result<HashMap<String, CameoFact>, EventError> {
    let mut out = HashMap::new();
    for (line, l) in data_lines(text) {
        let cols: Vec<&str> = l.split('\t').collect();
        if cols.len() < 7 {
            return Err(EventError::bad_data(name, line, "want 7 tab-separated columns"));
        }
        let quad_class =
            cols[1].parse().map_err(|_| EventError::bad_data(name, line, "bad quad class"))?;
        let goldstein = cols[2]
            .parse()
            .map_err(|_| EventError::bad_data(name, line, "bad Goldstein weight"))?;
        let dash = |s: &str| (s != "-" && !s.is_empty()).then(|| s.to_string());
        out.insert(
            cols[0].to_string(),
            CameoFact {
                quad_class,
                goldstein,
                plover: EventType::parse(cols[3]),
                mode: dash(cols[4]),
                context: dash(cols[5]).map(|c| split_list(&c)).unwrap_or_default(),
                name: cols[6].to_string(),
            },
        );
    }
    Ok(out)
}

fn parse_scores(text: &str, name: &str) -> Result<HashMap<(EventType, String), f32>, EventError> {
    let mut out = HashMap::new();
    for (line, l) in data_lines(text) {
        let cols: Vec<&str> = l.split('\t').collect();
        let (Some(t), Some(m), Some(s)) = (cols.first(), cols.get(1), cols.get(2)) else {
            return Err(EventError::bad_data(name, line, "want type, mode, score"));
        };
        let event =
            EventType::parse(t).ok_or_else(|| EventError::bad_data(name, line, "bad type"))?;
        let score = s.parse().map_err(|_| EventError::bad_data(name, line, "bad score"))?;
        let mode = if *m == "-" { String::new() } else { (*m).to_string() };
        out.insert((event, mode), score);
    }
    Ok(out)
}

/// Reads PETRARCH verb blocks: `--- NAME [code] ---`, synonym lines, and
/// pattern lines `- * WORD [code]`. Lines it cannot express are skipped.
fn parse_petrarch(text: &str, cameo: &HashMap<String, CameoFact>) -> Vec<LexEntry> {
    let mut out = Vec::new();
    let mut synonyms: Vec<String> = Vec::new();
    let mut block_code: Option<String> = None;
    let mut in_verbs = false;
    let make =
        |id: String, head: &str, code: &str, requires: Vec<Requirement>| -> Option<LexEntry> {
            let fact = (1..=code.len()).rev().find_map(|n| cameo.get(&code[..n]))?;
            let event = fact.plover?;
            Some(LexEntry {
                id,
                head: head.to_string(),
                pos: TriggerPos::Verb,
                requires,
                event,
                mode: fact.mode.clone(),
                cameo: code.to_string(),
                actor: default_actor(TriggerPos::Verb),
                recipient: default_recipient(TriggerPos::Verb),
                intent: false,
                govern: false,
                reports: false,
                stated: false,
                appeal: false,
                origin: "petrarch".to_string(),
                sources: vec![Source::Petrarch],
            })
        };
    for (n, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if raw.contains("VERB PATTERNS") {
            in_verbs = true;
            continue;
        }
        if !in_verbs || line.is_empty() {
            continue;
        }
        if line.starts_with("---") {
            synonyms.clear();
            block_code = bracket_code(line);
            continue;
        }
        if let Some(pattern) = line.strip_prefix('-') {
            let Some(code) = bracket_code(pattern) else { continue };
            let body = pattern.split('[').next().unwrap_or("").trim();
            let Some(rest) = body.strip_prefix('*') else { continue };
            let word = rest.trim().trim_start_matches('(').trim_end_matches(')');
            if word.is_empty() || !word.chars().all(|c| c.is_ascii_alphabetic()) {
                continue;
            }
            let prep = rest.trim().starts_with('(');
            for syn in &synonyms {
                let req = if prep {
                    Requirement::Word(WordSet::of([word.to_lowercase()]))
                } else {
                    Requirement::Object(WordSet::of([word.to_lowercase()]))
                };
                let id = format!("petrarch:{syn}:{}", n + 1);
                out.extend(make(id, syn, &code, vec![req]));
            }
            continue;
        }
        if line.starts_with('&') || line.starts_with('+') {
            continue;
        }
        let word = line.split_whitespace().next().unwrap_or("");
        if word.chars().all(|c| c.is_ascii_alphabetic() || c == '_') && !word.is_empty() {
            let lemma = word.to_lowercase();
            if !lemma.contains('_') {
                if let Some(code) = &block_code {
                    out.extend(make(format!("petrarch:{lemma}"), &lemma, code, Vec::new()));
                }
                synonyms.push(lemma);
            }
        }
    }
    out
}

fn bracket_code(line: &str) -> Option<String> {
    let start = line.find('[')?;
    let end = line[start..].find(']')? + start;
    let code = line[start + 1..end].split(':').next()?.trim();
    (!code.is_empty() && code.chars().all(|c| c.is_ascii_digit())).then(|| code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_data_parses_and_covers_every_type() {
        let lex = EventLexicon::embedded().expect("embedded data parses");
        assert!(lex.len() > 400, "{} entries", lex.len());
        for t in EventType::ALL {
            assert!(lex.entries().iter().any(|e| e.event == t), "no entry for {t}");
        }
        let mut ids = std::collections::HashSet::new();
        for e in lex.entries() {
            assert!(ids.insert(&e.id), "duplicate id {}", e.id);
            assert!(lex.cameo(&e.cameo).is_some(), "{}: unknown CAMEO {}", e.id, e.cameo);
        }
    }

    #[test]
    fn parses_patterns_and_frames() {
        let text = "dismiss-calls | dismiss obj=call,appeal | REJECT | 120 | recip=obj\n\
                    refuse-to | refuse +inf | REJECT | 124 |\n\
                    rule-out | rule out | REJECT | 120 |\n\
                    invasion | invasion/n | ASSAULT:heavy-weapons | 192 | recip=of\n\
                    order-to | order +inf | REQUEST | 100 | recip=obj govern\n\
                    deny-that | deny that | REJECT | 120 | reports\n\
                    take-measures | take obj=measure | COERCE | 170 | stated\n\
                    call-for | call for | REQUEST | 020 | appeal\n\
                    declare-emergency | declare obj=state~emergency | COERCE | 1724 |\n";
        let entries = parse_lexicon(text, "t", "t", &NounClasses::default()).expect("parses");
        assert_eq!(entries[0].requires, vec![Requirement::Object(WordSet::of(["call", "appeal"]))]);
        assert_eq!(entries[0].recipient, vec![Role::Obj]);
        assert_eq!(entries[1].requires, vec![Requirement::Infinitive]);
        assert_eq!(entries[2].requires, vec![Requirement::Word(WordSet::of(["out"]))]);
        assert_eq!(entries[3].pos, TriggerPos::Noun);
        assert_eq!(entries[3].mode.as_deref(), Some("heavy-weapons"));
        assert_eq!(entries[3].actor, vec![Role::Poss, Role::Prep("by".into())]);
        assert!(entries[4].govern && !entries[4].reports && !entries[0].govern);
        assert!(entries[5].reports && !entries[5].govern);
        assert!(entries[6].stated && !entries[6].appeal && !entries[5].stated);
        assert!(entries[7].appeal && !entries[7].stated);
        let Requirement::Object(set) = &entries[8].requires[0] else { panic!("object") };
        assert_eq!(set.phrases(), &[("state".to_string(), "emergency".to_string())]);
        assert!(set.words().is_empty());
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let none = NounClasses::default();
        let err = parse_lexicon("# c\nx | x | NOPE | 120 |\n", "lex.txt", "t", &none)
            .expect_err("bad type");
        assert!(err.to_string().starts_with("lex.txt:2:"), "{err}");
    }

    #[test]
    fn cameo_and_scores_resolve() {
        let lex = EventLexicon::embedded().expect("embedded");
        let f = lex.cameo("125").expect("125");
        assert_eq!((f.quad_class, f.goldstein), (3, -5.0));
        assert_eq!(lex.plover_score(EventType::Accuse, None), Some(-3.0));
        assert_eq!(lex.plover_score(EventType::Consult, Some("visit")), Some(4.0));
        assert_eq!(lex.plover_score(EventType::Consult, Some("nope")), Some(2.5));
    }

    #[test]
    fn petrarch_blocks_become_entries() {
        let lex = EventLexicon::embedded().expect("embedded");
        let text = "####### VERB PATTERNS #######\n---  DENOUNCE   [111]  ---\nDENOUNCE\nDECRY\n- * AID    [070]  # x\n";
        let entries = parse_petrarch(text, &lex.cameo);
        assert!(entries.iter().any(|e| e.head == "decry" && e.event == EventType::Accuse));
        assert!(entries.iter().any(|e| e.head == "denounce"
            && e.requires == vec![Requirement::Object(WordSet::of(["aid"]))]));
    }
}
