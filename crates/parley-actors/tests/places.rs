//! Places inside actor phrases (`data/actors/places.rules`): a state or
//! province before an office title is a sub-national government of its
//! country; a capital is its government as a party and a place after a
//! place preposition; a country that opens a person's name is no
//! country; unnamed armed groups take the sentence's place or stay of no
//! country; a country taken from outside the mention keeps its span.
//! Each test runs a class of cases.

mod common;

use parley_actors::{ActorCoder, ActorDictionary};
use parley_doc::{Annotator, Document, MentionSource};

fn coded(date: &str, text: &str) -> Document {
    let coder = ActorCoder::new(ActorDictionary::embedded().expect("embedded dictionary loads"));
    let mut doc = common::pipeline_document("t", Some(date), text);
    coder.annotate(&mut doc).expect("annotates");
    doc
}

fn found(doc: &Document) -> Vec<(String, String)> {
    doc.mentions.iter().map(|m| (doc.slice(m.span).to_string(), m.actor.code.clone())).collect()
}

fn rule_of(doc: &Document, text: &str) -> Option<String> {
    let m = doc.mentions.iter().find(|m| doc.slice(m.span) == text)?;
    match &m.via {
        MentionSource::RolePattern { rule } => Some(rule.clone()),
        other => Some(format!("{other:?}")),
    }
}

#[test]
fn a_region_before_an_office_title_is_its_countrys_government() {
    for (text, mention, code, not) in [
        (
            "Georgia Governor Nora Blake signed the bill.",
            "Georgia Governor Nora Blake",
            "USAGOV",
            "GEO",
        ),
        (
            "Texas Attorney General Sam Reyes sued the agency.",
            "Texas Attorney General Sam Reyes",
            "USAJUD",
            "-",
        ),
        (
            "Bavarian Premier Anton Huber criticised the plan.",
            "Bavarian Premier Anton Huber",
            "DEUGOV",
            "-",
        ),
        ("Ontario Premier Dan Kirk met union leaders.", "Ontario Premier Dan Kirk", "CANGOV", "-"),
        (
            "Belgorod Governor Ivan Petrov said drones struck a depot.",
            "Belgorod Governor Ivan Petrov",
            "RUSGOV",
            "-",
        ),
        (
            "Washington Governor Ann Lee declared an emergency.",
            "Washington Governor Ann Lee",
            "USAGOV",
            "-",
        ),
        ("Texas police arrested two men.", "Texas police", "USACOP", "-"),
        (
            "Zamfara State Governor Musa Bello visited the camp.",
            "Zamfara State Governor Musa Bello",
            "NGAGOV",
            "-",
        ),
    ] {
        let doc = coded("2024-05-01", text);
        let got = found(&doc);
        assert!(got.iter().any(|(t, c)| t == mention && c == code), "{text}: {got:?}");
        assert!(!got.iter().any(|(_, c)| c.starts_with(not)), "{text}: {got:?}");
        let m = doc.mentions.iter().find(|m| doc.slice(m.span) == mention).expect("mention");
        let from = m.country_from.map(|s| doc.slice(s).to_string());
        assert_eq!(from.as_deref(), Some(mention.split(' ').next().unwrap_or_default()), "{text}");
    }
    let doc = coded("2024-05-01", "Georgia Governor Nora Blake signed the bill.");
    assert_eq!(
        rule_of(&doc, "Georgia Governor Nora Blake").as_deref(),
        Some("subnational-role-name")
    );
    // A region and its unit word are a place, not an actor ("state" is).
    let doc = coded("2024-05-01", "Floods hit Nigeria's Zamfara state on Monday.");
    assert!(!found(&doc).iter().any(|(t, _)| t.contains("state")), "{:?}", found(&doc));
    // A region's name that is also a country's, before a role that is no
    // sub-national office, stays the country ("Georgia police" are Georgia's).
    let doc = coded("2024-05-01", "Georgia police detained protesters in Tbilisi.");
    assert!(found(&doc).iter().any(|(_, c)| c == "GEOCOP"), "{:?}", found(&doc));
    // A region of two countries takes the one the document names.
    let doc = coded(
        "2024-05-01",
        "Pakistan blamed India for the floods. Punjab Chief Minister Asha Rani visited Lahore. Pakistan said more aid would come.",
    );
    assert!(
        found(&doc).iter().any(|(t, c)| t.starts_with("Punjab") && c == "PAKGOV"),
        "{:?}",
        found(&doc)
    );
}

#[test]
fn a_capital_is_a_party_as_subject_and_a_place_after_a_preposition() {
    for (text, seat, code, via) in [
        ("Kyiv said the strike killed five.", "Kyiv", "UKRGOV", None),
        ("Moscow rejected the proposal.", "Moscow", "RUSGOV", None),
        ("The envoy travelled to Moscow on Monday.", "Moscow", "RUS", Some("seat-as-place")),
        ("She returned from Washington on Monday.", "Washington", "USA", Some("seat-as-place")),
        // A direction with no motion: the government it stands for.
        ("The shells were munitions from Pyongyang.", "Pyongyang", "PRKGOV", None),
        ("He sent a letter to Moscow.", "Moscow", "RUSGOV", None),
        ("The talks were held in Kyiv.", "Kyiv", "UKR", Some("seat-as-place")),
    ] {
        let doc = coded("2024-05-01", text);
        let got = found(&doc);
        assert!(got.iter().any(|(t, c)| t == seat && c == code), "{text}: {got:?}");
        if let Some(via) = via {
            assert_eq!(rule_of(&doc, seat).as_deref(), Some(via), "{text}");
        }
    }
    // Officials at a seat of government are its officials.
    let doc = coded("2024-05-01", "Officials in Kyiv condemned the strike.");
    assert!(
        found(&doc).iter().any(|(t, c)| t == "Officials in Kyiv" && c == "UKRGOV"),
        "{:?}",
        found(&doc)
    );
}

#[test]
fn a_country_that_opens_a_persons_name_is_no_country() {
    for (text, not) in [
        ("Israel Adebayo won the title on Saturday.", "ISR"),
        ("Jordan Marlowe told reporters he would run.", "JOR"),
        ("Chad Whitfield criticised the bill.", "TCD"),
    ] {
        let doc = coded("2024-05-01", text);
        let got = found(&doc);
        assert!(!got.iter().any(|(_, c)| c.starts_with(not)), "{text}: {got:?}");
    }
    // An organisation named after the country is still the country's.
    for (text, code) in [
        ("The Kenya Anti-Corruption Commission charged him.", "KEN"),
        ("India Meteorological Department warned of floods.", "IND"),
    ] {
        let doc = coded("2024-05-01", text);
        let got = found(&doc);
        assert!(got.iter().any(|(_, c)| c.starts_with(code)), "{text}: {got:?}");
    }
    // The country alone, or before a role, is still the country.
    let doc =
        coded("2024-05-01", "Israel said it would respond. Jordan King Abdullah met the envoy.");
    let got = found(&doc);
    assert!(got.iter().any(|(t, c)| t == "Israel" && c == "ISR"), "{got:?}");
    assert!(got.iter().any(|(t, c)| t.starts_with("Jordan") && c.starts_with("JOR")), "{got:?}");
}

#[test]
fn unnamed_armed_groups_take_the_place_or_stay_generic() {
    // The sentence's place, with no dateline.
    let doc = coded("2024-05-01", "Gunmen killed five villagers in Nigeria's Zamfara state.");
    let got = found(&doc);
    assert!(got.iter().any(|(t, c)| t == "Gunmen" && c == "NGAINS"), "{got:?}");
    let m = doc.mentions.iter().find(|m| doc.slice(m.span) == "Gunmen").expect("gunmen");
    assert_eq!(m.country_from.map(|s| doc.slice(s)), Some("Nigeria"));
    assert_eq!(rule_of(&doc, "Gunmen").as_deref(), Some("domestic-sentence-place"));
    // A region names its country's place too.
    let doc = coded("2024-05-01", "Armed men abducted 20 students near Kharkiv.");
    assert!(
        found(&doc).iter().any(|(t, c)| t == "Armed men" && c == "UKRUAF"),
        "{:?}",
        found(&doc)
    );
    // No place, no dateline, no country named: still an armed group.
    for (text, mention, code) in [
        ("Assailants opened fire on a bus.", "Assailants", "UAF"),
        ("Militants attacked a checkpoint overnight.", "Militants", "INS"),
    ] {
        let doc = coded("2024-05-01", text);
        let got = found(&doc);
        assert!(got.iter().any(|(t, c)| t == mention && c == code), "{text}: {got:?}");
        let m = doc.mentions.iter().find(|m| doc.slice(m.span) == mention).expect("mention");
        assert!(m.country_from.is_none() && m.actor.country.is_none(), "{text}");
        assert_ne!(m.actor.name.as_deref(), Some(code), "{text}: a readable name");
    }
    // A group the phrase names is not generic.
    let doc = coded("2024-05-01", "Hamas fighters fired rockets.");
    assert!(!found(&doc).iter().any(|(_, c)| c == "REB"), "{:?}", found(&doc));
}

#[test]
fn a_dateline_country_keeps_its_span() {
    let text = "NAIROBI, Kenya (AP) — Police fired tear gas on Monday.";
    let doc = coded("2024-05-01", text);
    let m = doc.mentions.iter().find(|m| doc.slice(m.span) == "Police").expect("police");
    assert_eq!(m.actor.code, "KENCOP");
    // The first words of the dateline that name a country (the city is
    // Kenya's seat of government).
    let from = m.country_from.expect("dateline span");
    assert!(["NAIROBI", "Kenya"].contains(&doc.slice(from)), "{:?}", doc.slice(from));
    assert!(from.end <= text.find('—').unwrap_or(0), "inside the dateline");
    // The JSON carries it too; a mention that names its own country has none.
    let json = parley_actors::mention_json(&doc, m);
    assert_eq!(json["country_from"]["text"], doc.slice(from));
    let doc = coded("2024-05-01", "Kenyan police fired tear gas.");
    let json = parley_actors::mention_json(&doc, &doc.mentions[0]);
    assert!(json["country_from"].is_null(), "{json}");
}
