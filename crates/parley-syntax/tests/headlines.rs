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
}

#[test]
fn an_irregular_past_form_is_a_verb_with_its_lemma() {
    let words =
        ["The", "army", "said", "it", "had", "struck", "Hezbollah", "weapons", "depots", "."];
    assert_eq!(upos_of(&words, "struck"), (Upos::VERB, "strike".to_string()));
}
