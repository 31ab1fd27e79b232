//! Actors coded in context: a nationality or role said in the phrase
//! outweighs a dictionary hit on one name; a role or sector word with no
//! country takes the document's; a mention covers its whole phrase; every
//! mention has a readable name. Each test runs a class of cases.

mod common;

use parley_actors::{ActorCoder, ActorDictionary};
use parley_doc::{Annotator, Document, MentionSource};

fn coder() -> ActorCoder {
    ActorCoder::new(ActorDictionary::embedded().expect("embedded dictionary loads"))
}

/// Mentions of a text read as the pipeline reads it (datelines included).
fn coded(date: &str, text: &str) -> Document {
    let mut doc = common::pipeline_document("t", Some(date), text);
    coder().annotate(&mut doc).expect("annotates");
    doc
}

fn found(doc: &Document) -> Vec<(String, String)> {
    doc.mentions.iter().map(|m| (doc.slice(m.span).to_string(), m.actor.code.clone())).collect()
}

fn rule(doc: &Document, text: &str) -> Option<String> {
    let m = doc.mentions.iter().find(|m| doc.slice(m.span) == text)?;
    match &m.via {
        MentionSource::RolePattern { rule } => Some(rule.clone()),
        other => Some(format!("{other:?}")),
    }
}

#[test]
fn a_nationality_outweighs_a_dictionary_name_of_another_country() {
    // Marcos is the Philippines' president in the dictionary; Santiago is
    // Chile's seat of government; Chad is a country.
    for (text, name, code, not) in [
        ("Bolivian President Marcos said the talks failed.", "Marcos", "BOLGOV", "PHL"),
        (
            "Bolivian President Marcos Antonio Rivera spoke.",
            "Marcos Antonio Rivera",
            "BOLGOV",
            "PHL",
        ),
        ("Paraguayan President Santiago Peña spoke.", "Santiago Peña", "PRYGOV", "CHL"),
        ("Kenyan Interior Minister Chad Omondi spoke.", "Chad Omondi", "KENGOV", "TCD"),
    ] {
        let doc = coded("2024-05-01", text);
        let got = found(&doc);
        assert!(
            doc.mentions
                .iter()
                .any(|m| m.actor.code == code && m.actor.name.as_deref() == Some(name)),
            "{text}: {got:?}"
        );
        assert!(!got.iter().any(|(_, c)| c.starts_with(not)), "{text}: {got:?}");
    }
    // With no nationality against it, the dictionary's person stands.
    let doc = coded("2024-05-01", "President Marcos said the talks failed.");
    assert!(found(&doc).iter().any(|(t, c)| t == "President Marcos" && c == "PHLGOV"));
    // And the clue that won is named.
    let doc = coded("2024-05-01", "Bolivian President Marcos said the talks failed.");
    assert_eq!(rule(&doc, "Bolivian President Marcos").as_deref(), Some("nationality-over-name"));
}

#[test]
fn unplaced_domestic_actors_take_the_dateline_country() {
    for (text, want, code) in [
        ("NAIROBI, Kenya (AP) — Police fired tear gas on Monday.", "Police", "KENCOP"),
        ("NAIROBI, Kenya (AP) — The government said it would act.", "government", "KENGOV"),
        ("CAIRO (Reuters) — Protesters gathered on Friday.", "Protesters", "EGYOPP"),
        ("LAGOS, Nigeria (Reuters) — Students marched on Monday.", "Students", "NGAEDU"),
    ] {
        let doc = coded("2024-05-01", text);
        let got = found(&doc);
        assert!(got.iter().any(|(t, c)| t.contains(want) && c == code), "{text}: {got:?}");
    }
    let doc = coded("2024-05-01", "NAIROBI, Kenya (AP) — Police fired tear gas on Monday.");
    assert_eq!(rule(&doc, "Police").as_deref(), Some("domestic-dateline"));
}

#[test]
fn unplaced_domestic_actors_take_the_country_named_most() {
    let doc = coded(
        "2024-05-01",
        "Peru's Congress met on Friday. Chile said it was watching. Peruvian lawmakers voted. \
         Police fired tear gas at protesters. Gunmen attacked a bus.",
    );
    let got = found(&doc);
    for (t, c) in [("Police", "PERCOP"), ("protesters", "PEROPP")] {
        assert!(got.iter().any(|(x, y)| x == t && y == c), "{t} {c}: {got:?}");
    }
    // Unnamed armed groups too, when the sentence names no place; the
    // mention keeps the first naming of the country as its evidence.
    assert!(got.iter().any(|(x, c)| x == "Gunmen" && c == "PERINS"), "{got:?}");
    let gunmen = doc.mentions.iter().find(|m| doc.slice(m.span) == "Gunmen").expect("gunmen");
    assert_eq!(gunmen.country_from.map(|s| doc.slice(s)), Some("Peru"));
    // (Police opening a sentence is the country of the sentence before.)
    assert_eq!(rule(&doc, "protesters").as_deref(), Some("domestic-most-named"));
}

#[test]
fn forces_abroad_and_documents_without_a_country_stay_uncoded() {
    for text in [
        "NAIROBI, Kenya (AP) — Troops crossed the border and warplanes struck.",
        "Police fired tear gas at protesters.",
        "NAIROBI, Kenya (AP) — An envoy arrived on Monday.",
    ] {
        let doc = coded("2024-05-01", text);
        assert!(doc.mentions.is_empty(), "{text}: {:?}", found(&doc));
    }
}

#[test]
fn a_mention_covers_the_whole_phrase() {
    for (text, phrase, code, name) in [
        (
            "Venezuelan opposition leader Maria Corina Machado called for protests.",
            "Venezuelan opposition leader Maria Corina Machado",
            "VENOPP",
            "Maria Corina Machado",
        ),
        (
            "Armenia's foreign minister, Ara Petrosyan, accused Baku.",
            "Armenia's foreign minister, Ara Petrosyan",
            "ARMGOV",
            "Ara Petrosyan",
        ),
        (
            "Peruvian lawmaker Georgia Montes criticised the cabinet.",
            "Peruvian lawmaker Georgia Montes",
            "PERLEG",
            "Georgia Montes",
        ),
    ] {
        let doc = coded("2024-05-01", text);
        let m = doc.mentions.iter().find(|m| doc.slice(m.span) == phrase);
        let m = m.unwrap_or_else(|| panic!("{text}: {:?}", found(&doc)));
        assert_eq!((m.actor.code.as_str(), m.actor.name.as_deref()), (code, Some(name)));
    }
}

#[test]
fn every_mention_has_a_readable_name() {
    let doc =
        coded("2024-05-01", "Russian troops and the Kremlin met Kenya's police, Ukraine and NATO.");
    let names: Vec<(String, Option<String>)> = doc
        .mentions
        .iter()
        .map(|m| (doc.slice(m.span).to_string(), m.actor.name.clone()))
        .collect();
    assert!(names.len() >= 5, "{names:?}");
    for m in &doc.mentions {
        let name = m.actor.name.as_deref().unwrap_or_default();
        assert!(!name.is_empty() && name != m.actor.code, "{}: {name:?}", doc.slice(m.span));
    }
    assert!(names
        .iter()
        .any(|(t, n)| t == "Russian troops" && n.as_deref() == Some("Russia: military")));
}

#[test]
fn a_state_before_an_office_title_counts_for_its_country_not_the_namesake() {
    // "Georgia Governor" names the US state twice; Kenya once.
    let doc = coded(
        "2024-05-01",
        "Georgia Governor Nora Blake signed the bill on Monday. \
         Georgia Governor Nora Blake thanked Kenya for its help. Police detained protesters.",
    );
    let got = found(&doc);
    assert!(!got.iter().any(|(_, c)| c.starts_with("GEO")), "{got:?}");
    assert!(got.iter().any(|(x, c)| x == "Police" && c == "USACOP"), "{got:?}");
}
