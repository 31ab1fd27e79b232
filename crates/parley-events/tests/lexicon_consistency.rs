//! Consistency checks over the shipped event lexicon and noun classes:
//! codes agree with the CAMEO-to-PLOVER table (or the exception is listed
//! with its reason), no month name triggers, every entry says where it came
//! from, ids are unique, entries that share a head tell their senses
//! apart, and every CAMEO code with a PLOVER type has an entry or a listed
//! reason for having none.

use std::collections::{HashMap, HashSet};

use parley_events::{EventLexicon, LexEntry, Requirement, TriggerPos, CODER_CLASSES};

const LEXICON: &str = include_str!("../../../data/events/lexicon.txt");
const EXCEPTIONS: &str = include_str!("../../../data/events/type-exceptions.tsv");
const UNCOVERED: &str = include_str!("../../../data/events/codes-without-entries.tsv");

fn lexicon() -> EventLexicon {
    EventLexicon::embedded().expect("embedded lexicon parses")
}

fn exceptions() -> HashMap<&'static str, &'static str> {
    EXCEPTIONS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split_once('\t').expect("id<TAB>reason"))
        .collect()
}

fn table_disagrees(lex: &EventLexicon, e: &LexEntry) -> bool {
    let fact = lex.cameo(&e.cameo).unwrap_or_else(|| panic!("{}: unknown CAMEO {}", e.id, e.cameo));
    // "Intent" entries take their type from the act they govern.
    fact.plover.is_some_and(|t| t != e.event) && !e.intent
}

#[test]
fn types_agree_with_the_cameo_table_or_are_listed() {
    let lex = lexicon();
    let listed = exceptions();
    let mut unlisted = Vec::new();
    for e in lex.entries().iter().filter(|e| table_disagrees(&lex, e)) {
        if !listed.contains_key(e.id.as_str()) {
            let want = lex.cameo(&e.cameo).and_then(|f| f.plover);
            unlisted.push(format!("{} ({} {}, table {want:?})", e.id, e.event, e.cameo));
        }
    }
    assert!(
        unlisted.is_empty(),
        "type differs from cameo.tsv, not in type-exceptions.tsv: {unlisted:?}"
    );
    for (id, reason) in listed {
        let e = lex.entries().iter().find(|e| e.id == id);
        let e = e.unwrap_or_else(|| panic!("type-exceptions.tsv: no entry `{id}`"));
        assert!(table_disagrees(&lex, e), "type-exceptions.tsv: `{id}` agrees with the table now");
        assert!(reason.len() > 5, "{id}: give the reason");
    }
}

#[test]
fn no_month_name_is_a_trigger() {
    let lex = lexicon();
    for month in parley_doc::calendar::MONTHS {
        let m = month.to_lowercase();
        assert!(
            lex.by_head(&m).all(|e| e.pos == TriggerPos::Verb),
            "month name `{m}` is a noun or adjective trigger"
        );
    }
}

#[test]
fn every_entry_has_a_source_and_a_unique_id() {
    let lex = lexicon();
    for e in lex.entries() {
        assert!(!e.sources.is_empty(), "{}: no src=", e.id);
    }
    // Ids in the file itself: loading would let a later line replace an earlier one.
    let mut ids = HashSet::new();
    for line in LEXICON.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let id = line.split('|').next().unwrap_or("").trim();
        assert!(ids.insert(id), "duplicate id `{id}` in lexicon.txt");
    }
    assert_eq!(ids.len(), lex.len());
}

#[test]
fn class_references_resolve_and_classes_are_used() {
    let lex = lexicon();
    let mut used = HashSet::new();
    for e in lex.entries() {
        for r in &e.requires {
            if let Requirement::Object(w) | Requirement::Subject(w) | Requirement::Word(w) = r {
                for name in w.class_names() {
                    assert!(lex.classes().get(name).is_some(), "{}: @{name}", e.id);
                    used.insert(name.to_string());
                }
            }
        }
    }
    for name in lex.classes().names() {
        assert!(
            used.contains(name) || CODER_CLASSES.contains(&name),
            "noun class @{name} is used by no entry"
        );
    }
    for name in CODER_CLASSES {
        assert!(lex.classes().get(name).is_some(), "the coder's class @{name} is not shipped");
    }
}

/// Two entries with the same head and the same requirements but their
/// objects are equally specific, so a word both accept goes to whichever
/// comes first:
/// a word one lists by name must not be accepted by the other too.
#[test]
fn senses_of_one_head_do_not_overlap() {
    let lex = lexicon();
    let objects = |e: &LexEntry| {
        e.requires.iter().find_map(|r| match r {
            Requirement::Object(w) => Some(w.clone()),
            _ => None,
        })
    };
    let mut clashes = Vec::new();
    for a in lex.entries() {
        for b in lex.by_head(&a.head) {
            let rest = |e: &LexEntry| {
                e.requires
                    .iter()
                    .filter(|r| !matches!(r, Requirement::Object(_)))
                    .cloned()
                    .collect::<Vec<_>>()
            };
            let same_shape = a.id < b.id
                && a.pos == b.pos
                && a.specificity() == b.specificity()
                && rest(a) == rest(b)
                && a.event != b.event;
            let (Some(wa), Some(wb)) = (objects(a), objects(b)) else { continue };
            if !same_shape {
                continue;
            }
            for w in wa.words().iter().filter(|w| wb.contains(w)) {
                clashes.push(format!("{} / {}: {w}", a.id, b.id));
            }
            for w in wb.words().iter().filter(|w| wa.contains(w)) {
                clashes.push(format!("{} / {}: {w}", a.id, b.id));
            }
        }
    }
    assert!(clashes.is_empty(), "{clashes:?}");
}

/// The CAMEO codes that map to a PLOVER type: from the reference tables in
/// `../shared/data/cameo` when the checkout sits beside them (CAMEO's full
/// code list and CAMEO2PLOVER-2021), else from the shipped `cameo.tsv`,
/// which was gathered from the same tables.
fn codes_with_a_plover_type(lex: &EventLexicon) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/cameo");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).ok();
    let rows = |text: &str| -> Vec<Vec<String>> {
        let data = text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty());
        data.skip(1).map(|l| l.split('\t').map(str::to_string).collect()).collect()
    };
    if let (Some(full), Some(map)) =
        (read("cameo_goldstein_full.tsv"), read("cameo2plover_2021.tsv"))
    {
        let typed: HashSet<String> = rows(&map)
            .into_iter()
            .filter(|r| r.get(1).is_some_and(|t| !t.is_empty()))
            .map(|r| r[0].clone())
            .collect();
        return rows(&full)
            .into_iter()
            .map(|r| r[0].clone())
            .filter(|c| typed.contains(c))
            .collect();
    }
    // No reference tables: every code cameo.tsv gives a type, less CAMEO 02,
    // which parley maps to REQUEST on its own (CAMEO2PLOVER leaves it out).
    let shipped = include_str!("../../../data/events/cameo.tsv");
    let codes =
        shipped.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split('\t').next());
    codes
        .filter(|c| !c.starts_with("02") && lex.cameo(c).is_some_and(|f| f.plover.is_some()))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_typed_cameo_code_has_an_entry_or_a_reason() {
    let lex = lexicon();
    let coded: HashSet<&str> = lex.entries().iter().map(|e| e.cameo.as_str()).collect();
    let listed: Vec<(&str, &str)> = UNCOVERED
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split_once('\t').expect("code<TAB>reason"))
        .collect();
    let excused = |code: &str| {
        listed.iter().any(|(c, _)| match c.strip_suffix('*') {
            Some(prefix) => code.starts_with(prefix),
            None => *c == code,
        })
    };
    let codes = codes_with_a_plover_type(&lex);
    assert!(codes.len() > 200, "only {} typed CAMEO codes read", codes.len());
    let missing: Vec<&String> =
        codes.iter().filter(|c| !coded.contains(c.as_str()) && !excused(c)).collect();
    assert!(missing.is_empty(), "no entry and not in codes-without-entries.tsv: {missing:?}");
    // The list stays honest: a listed code has no entry, a prefix still excuses one.
    for (code, reason) in &listed {
        assert!(reason.len() > 10, "codes-without-entries.tsv: {code}: give the reason");
        let excuses = match code.strip_suffix('*') {
            Some(prefix) => {
                codes.iter().any(|c| c.starts_with(prefix) && !coded.contains(c.as_str()))
            }
            None => !coded.contains(code),
        };
        assert!(
            excuses,
            "codes-without-entries.tsv: `{code}` has an entry now (or matches no code)"
        );
    }
}
