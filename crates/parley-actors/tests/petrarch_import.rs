//! Import of the PETRARCH/TABARI (Phoenix) dictionaries in ../shared/data/petrarch.

mod common;

use parley_actors::{ActorCoder, ActorDictionary, EntryKind};
use parley_doc::Annotator;

#[test]
fn phoenix_dictionaries_load_and_code_by_date() {
    let dir = common::shared_data("petrarch");
    let mut dict = ActorDictionary::new();
    for file in [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "Phoenix.agents.txt",
    ] {
        let part =
            ActorDictionary::load_path(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(part.len() > 100, "{file}: only {} entries", part.len());
        dict.merge(part);
    }
    println!("imported {} PETRARCH entries", dict.len());
    assert!(dict.entries().iter().any(|e| e.kind == EntryKind::Agent));
    let coder = ActorCoder::new(std::sync::Arc::new(dict));
    // Putin: an elite before 1999-08-09, RUSGOV after 2012-05-08 (dated codes).
    let code_of = |date: &str, text: &str, words: &str| {
        let mut doc = common::document("p", Some(date), text);
        coder.annotate(&mut doc).expect("annotates");
        doc.mentions
            .iter()
            .find(|m| doc.slice(m.span).contains(words))
            .map(|m| m.actor.code.clone())
    };
    assert_eq!(code_of("2014-01-01", "Vladimir Putin spoke.", "Putin").as_deref(), Some("RUSGOV"));
    assert_eq!(code_of("1995-01-01", "Vladimir Putin spoke.", "Putin").as_deref(), Some("RUSELI"));
    assert_eq!(code_of("2014-01-01", "NATO met.", "NATO").as_deref(), Some("IGOWSTNAT"));
    assert_eq!(code_of("2014-01-01", "Afghanistan agreed.", "Afghanistan").as_deref(), Some("AFG"));
    // Agents compose with countries: "Russia's police".
    assert_eq!(
        code_of("2014-01-01", "Russia's police arrived.", "police").as_deref(),
        Some("RUSCOP")
    );
}

#[test]
fn a_petrarch_file_overrides_the_embedded_dictionary() {
    let dir = common::shared_data("petrarch");
    let mut dict = (*ActorDictionary::embedded().expect("embedded")).clone();
    dict.merge(
        ActorDictionary::load_path(dir.join("Phoenix.MilNonState.actors.txt")).expect("loads"),
    );
    let coder = ActorCoder::new(std::sync::Arc::new(dict));
    let mut doc =
        common::document("p", Some("2014-01-01"), "Hezbollah clashed with Russian troops.");
    coder.annotate(&mut doc).expect("annotates");
    let codes: Vec<&str> = doc.mentions.iter().map(|m| m.actor.code.as_str()).collect();
    assert!(codes.contains(&"LBNREB"), "{codes:?}");
    assert!(codes.contains(&"RUSMIL"), "{codes:?}");
}
