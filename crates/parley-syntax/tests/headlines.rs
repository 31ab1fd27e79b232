//! The shipped model on lines the treebanks rarely have: headlines in
//! title case and in headline style, and irregular past forms.

use parley_doc::Upos;
use parley_syntax::SyntaxModel;

fn upos_of(words: &[&str], word: &str) -> (Upos, String) {
    let model = SyntaxModel::embedded().expect("embedded model");
    let analysis = model.analyse(words);
    let i = words.iter().position(|w| *w == word).expect("word in line");
    (analysis[i].upos, analysis[i].lemma.clone())
}

#[test]
fn a_title_case_headline_reads_its_common_words_in_lower_case() {
    let words = [
        "Armenia",
        "and",
        "Azerbaijan",
        "Agree",
        "to",
        "Prisoner",
        "Exchange",
        "After",
        "Doha",
        "Talks",
    ];
    assert_eq!(upos_of(&words, "Agree").0, Upos::VERB);
    assert_eq!(upos_of(&words, "Doha").0, Upos::PROPN);
}

#[test]
fn a_headline_verb_is_a_verb() {
    let words = ["Serbia", "expels", "Croatian", "diplomat"];
    assert_eq!(upos_of(&words, "expels"), (Upos::VERB, "expel".to_string()));
    // A participle modifying the object does not count as the line's verb.
    let words = ["Russia", "swaps", "captured", "soldiers", "with", "Ukraine"];
    assert_eq!(upos_of(&words, "swaps"), (Upos::VERB, "swap".to_string()));
}

#[test]
fn an_irregular_past_form_is_a_verb_with_its_lemma() {
    let words =
        ["The", "army", "said", "it", "had", "struck", "Hezbollah", "weapons", "depots", "."];
    assert_eq!(upos_of(&words, "struck"), (Upos::VERB, "strike".to_string()));
    // The re- forms are listed too: the treebanks never saw "retook".
    let words = ["The", "army", "retook", "the", "presidential", "palace", "."];
    assert_eq!(upos_of(&words, "retook"), (Upos::VERB, "retake".to_string()));
}

#[test]
fn the_only_verb_after_a_subject_is_a_past_tense_and_the_root() {
    let model = SyntaxModel::embedded().expect("embedded model");
    let words = ["Protesters", "blocked", "roads", "in", "the", "capital", "."];
    let analysis = model.analyse(&words);
    assert_eq!((analysis[1].xpos.as_str(), analysis[1].head), ("VBD", 0));
    assert_eq!(analysis[0].deprel, "nsubj");
}

#[test]
fn a_regular_past_form_gets_a_lemma_the_treebanks_know() {
    let words = ["Pakistan", "accused", "India", "of", "sponsoring", "militants", "."];
    assert_eq!(upos_of(&words, "accused"), (Upos::VERB, "accuse".to_string()));
}

#[test]
fn a_participle_before_a_closing_attribution_is_the_main_verb() {
    let model = SyntaxModel::embedded().expect("embedded model");
    let words = [
        "A",
        "Palestinian",
        "gunman",
        "killed",
        "two",
        "Israelis",
        "at",
        "a",
        "checkpoint",
        ",",
        "police",
        "said",
        ".",
    ];
    let analysis = model.analyse(&words);
    assert_eq!(analysis[3].xpos, "VBD");
    assert_eq!(analysis[2].deprel, "nsubj");
}

#[test]
fn an_unseen_word_takes_no_closed_class() {
    // "-ing" made the unseen "Beijing" an auxiliary ("being"), and the
    // sentence lost its subject.
    let words = ["Beijing", "rejected", "the", "accusation", "and", "warned", "Manila", "."];
    assert_eq!(upos_of(&words, "Beijing").0, Upos::PROPN);
}
