//! A subject "he" or "she" refers back to the person who was last a
//! clause subject (this sentence or the one before), not to whoever was
//! named last.

mod common;

use parley_actors::{ActorCoder, ActorDictionary};
use parley_doc::Annotator;

/// Codes `text` with the relations given for some words (every other word
/// is a plain dependent), and returns the code of the mention over `word`.
fn code_of_with(text: &str, relations: &[(&str, &str)], word: &str) -> Option<String> {
    let coder = ActorCoder::new(ActorDictionary::embedded().expect("embedded dictionary loads"));
    let mut doc = common::document("t", Some("2024-07-24"), text);
    for i in 0..doc.tokens.len() {
        let form = doc.text[doc.tokens[i].span.range()].to_string();
        let rel = relations.iter().find(|(w, _)| *w == form).map_or("dep", |(_, r)| r);
        doc.tokens[i].deprel = Some(rel.to_string());
    }
    coder.annotate(&mut doc).expect("annotates");
    doc.mentions
        .iter()
        .rev()
        .find(|m| &doc.text[m.span.range()] == word)
        .map(|m| m.actor.code.clone())
}

#[test]
fn he_is_the_last_subject_not_the_last_name() {
    let text =
        "Olaf Scholz told Emmanuel Macron that the plan was ready. He asked Italy for more help.";
    let rels = [("Scholz", "nsubj"), ("Macron", "iobj"), ("He", "nsubj")];
    assert_eq!(code_of_with(text, &rels, "He").as_deref(), Some("DEUGOV"));
    // With the roles the other way round, the other person.
    let rels = [("Scholz", "iobj"), ("Macron", "nsubj"), ("He", "nsubj")];
    let text =
        "Olaf Scholz heard Emmanuel Macron say the plan was ready. He asked Italy for more help.";
    assert_eq!(code_of_with(text, &rels, "He").as_deref(), Some("FRAGOV"));
}

#[test]
fn it_before_a_verb_only_an_agent_does_is_the_body_named_before() {
    let text =
        "Qatar's foreign ministry announced the release. It thanked both sides for their work.";
    let rels = [("ministry", "nsubj"), ("It", "nsubj")];
    assert_eq!(code_of_with(text, &rels, "It").as_deref(), Some("QATGOV"));
    // A thing's verb does not make "it" the body.
    let text = "Qatar's foreign ministry announced the release. It ended a long wait.";
    assert_eq!(code_of_with(text, &rels, "It"), None);
}

#[test]
fn within_a_sentence_he_is_the_latest_person() {
    // "when he visited": the person just named, not the main subject.
    let text = "Olaf Scholz pressed Emmanuel Macron on the subject when he visited Berlin.";
    let rels = [("Scholz", "nsubj"), ("Macron", "obj"), ("he", "nsubj")];
    assert_eq!(code_of_with(text, &rels, "he").as_deref(), Some("FRAGOV"));
}
