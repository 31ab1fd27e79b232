//! Group actors ("the allies", "leaders", "the alliance") coded as the
//! organisation or bloc named nearby, and left alone where none is or
//! where the phrase names someone's partners.

mod common;

use parley_actors::{ActorCoder, ActorDictionary};
use parley_doc::Annotator;

fn coded(text: &str) -> Vec<(String, String)> {
    let coder = ActorCoder::new(ActorDictionary::embedded().expect("embedded dictionary loads"));
    let mut doc = common::document("t", Some("2024-07-12"), text);
    coder.annotate(&mut doc).expect("annotates");
    doc.mentions.iter().map(|m| (doc.slice(m.span).to_string(), m.actor.code.clone())).collect()
}

fn code_of<'a>(found: &'a [(String, String)], text: &str) -> Option<&'a str> {
    found.iter().find(|(t, _)| t == text).map(|(_, c)| c.as_str())
}

#[test]
fn allies_and_leaders_stand_for_the_bloc_named_nearby() {
    let found = coded(
        "NATO leaders gathered in Vilnius on Tuesday. The 31 allies also accused Iran of arming Russia.",
    );
    let nato = code_of(&found, "NATO leaders").expect("NATO leaders coded").to_string();
    assert_eq!(code_of(&found, "The 31 allies"), Some(nato.as_str()), "{found:?}");

    let found = coded("At the G7 meeting in Hiroshima, leaders threatened new sanctions on Iran.");
    let g7 = found.iter().find(|(t, _)| t == "G7").map(|(_, c)| c.clone()).expect("G7 coded");
    assert_eq!(code_of(&found, "leaders"), Some(g7.as_str()), "{found:?}");

    let found =
        coded("The European Union met in Brussels. Member states agreed to extend the sanctions.");
    assert!(code_of(&found, "Member states").is_some_and(|c| c.starts_with("IGO")), "{found:?}");
}

#[test]
fn partners_of_someone_and_groups_far_from_a_bloc_stay_uncoded() {
    // Someone's allies are partners, not the bloc.
    let found = coded("NATO met in Vilnius on Tuesday. Kenya's allies pledged more aid.");
    assert_eq!(code_of(&found, "allies"), None, "{found:?}");
    // "leaders" with no organisation in this or the previous sentence.
    let found = coded(
        "NATO met in Vilnius. The talks ran late. Rain fell all day. Then leaders left the city.",
    );
    assert_eq!(code_of(&found, "leaders"), None, "{found:?}");
    // "allies of Kyiv" are Kyiv's.
    let found = coded("NATO met in Vilnius. Allies of Kyiv sent more shells.");
    assert!(!found.iter().any(|(t, _)| t.starts_with("Allies")), "{found:?}");
}

#[test]
fn a_blocs_document_speaks_for_it_as_a_subject() {
    let found = coded(
        "NATO leaders gathered in Washington on Wednesday. The declaration called on Beijing to stop its support for Moscow.",
    );
    let nato = code_of(&found, "NATO leaders").expect("NATO leaders coded").to_string();
    assert_eq!(code_of(&found, "The declaration"), Some(nato.as_str()), "{found:?}");
    // Not where it is the thing acted on, nor with no bloc nearby.
    let found = coded("NATO leaders gathered in Washington. Turkey signed the declaration.");
    assert_eq!(code_of(&found, "the declaration"), None, "{found:?}");
    let found = coded("Talks ran late in Geneva. The communique urged a ceasefire.");
    assert_eq!(code_of(&found, "The communique"), None, "{found:?}");
}
