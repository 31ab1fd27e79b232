//! The embedded dictionaries together: the Phoenix import under parley's
//! own files, and the leaders since 2015 coded by the document's date.

mod common;

use parley_actors::{ActorCoder, ActorDictionary};
use parley_doc::Annotator;

fn coder() -> ActorCoder {
    ActorCoder::new(ActorDictionary::embedded().expect("embedded dictionary loads"))
}

/// The code of the mention whose words are `words`, in `text` dated `date`.
fn code_of(coder: &ActorCoder, date: &str, text: &str, words: &str) -> Option<String> {
    let mut doc = common::document("t", Some(date), text);
    coder.annotate(&mut doc).expect("annotates");
    doc.mentions.iter().find(|m| doc.slice(m.span) == words).map(|m| m.actor.code.clone())
}

#[test]
fn phoenix_entries_are_embedded_with_their_source() {
    let dict = ActorDictionary::embedded().expect("loads");
    let phoenix = dict.entries().iter().filter(|e| e.source.as_deref() == Some("phoenix")).count();
    assert!(phoenix > 20_000, "only {phoenix} Phoenix entries");
    // parley's own entries carry no source, and win an id both have.
    let annan = dict.get("person:Kofi Annan").expect("Kofi Annan");
    assert_eq!(annan.source, None);
    assert!(annan.origin.starts_with("people.actors:"), "{}", annan.origin);
}

#[test]
fn phoenix_people_are_coded_by_date() {
    let c = coder();
    // In office in 2000 (Phoenix: US secretary of state 1997-2001).
    let text = "Madeleine Albright arrived in Seoul.";
    assert_eq!(code_of(&c, "2000-06-01", text, "Madeleine Albright").as_deref(), Some("USAGOV"));
    assert_eq!(code_of(&c, "2010-06-01", text, "Madeleine Albright").as_deref(), Some("USAELI"));
}

#[test]
fn own_entries_win_over_phoenix() {
    let c = coder();
    // Phoenix codes this name SYRGOV at any date; parley's own entry ends
    // his presidency in December 2024.
    let text = "Bashar al-Assad spoke in Moscow.";
    assert_eq!(code_of(&c, "2020-01-10", text, "Bashar al-Assad").as_deref(), Some("SYRGOV"));
    assert_eq!(code_of(&c, "2025-06-10", text, "Bashar al-Assad").as_deref(), Some("SYRELI"));
}

#[test]
fn leaders_since_2015_hold_office_by_date() {
    let c = coder();
    for (date, text, words, code) in [
        ("2016-05-01", "Malcolm Turnbull met the press.", "Malcolm Turnbull", "AUSGOV"),
        ("2021-05-01", "Malcolm Turnbull met the press.", "Malcolm Turnbull", "AUSELI"),
        ("2018-03-01", "Riek Machar rejected the deal.", "Riek Machar", "SSDREB"),
        ("2022-03-01", "Riek Machar rejected the deal.", "Riek Machar", "SSDGOV"),
        ("2025-12-01", "Kemi Badenoch criticised the budget.", "Kemi Badenoch", "GBROPP"),
        ("2019-12-01", "Kemi Badenoch criticised the budget.", "Kemi Badenoch", "GBRELI"),
        (
            "2025-08-01",
            "Corneille Nangaa said the rebels would stay.",
            "Corneille Nangaa",
            "CODREBM23",
        ),
        (
            "2024-03-01",
            "Abdul Hamid Dbeibah called for elections.",
            "Abdul Hamid Dbeibah",
            "LBYGOV",
        ),
    ] {
        assert_eq!(code_of(&c, date, text, words).as_deref(), Some(code), "{date}: {text}");
    }
}

#[test]
fn withheld_surnames_do_not_name_the_wrong_person() {
    let c = coder();
    // Susan Rice's surname is withheld: "Rice" after a title stays the
    // person parley knew before (Condoleezza Rice), not a new one.
    let text = "Secretary Rice arrived in Seoul.";
    let code = code_of(&c, "2006-06-01", text, "Secretary Rice");
    assert_eq!(code.as_deref(), Some("USAGOV"), "{code:?}");
    // A bare one-word Phoenix name is not a phrase: "Josipovic" alone
    // matches nothing without a title.
    let text = "Josipovic and others arrived.";
    assert_eq!(code_of(&c, "2013-06-01", text, "Josipovic"), None);
}
