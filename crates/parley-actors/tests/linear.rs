//! Actor coding stays linear in the length of a document: every lookup
//! back into the document goes through an index, never a scan of the
//! mentions before. Each shape below is 1 MB in one document (most of it
//! one sentence): quadratic work over its ~100,000 mentions would take
//! minutes even in a release build, linear work well under a second.
//! Regression: a 1 MB comma list of countries took 56 s.

mod common;

use parley_actors::{ActorCoder, ActorDictionary};
use parley_doc::Annotator;

const MB: usize = 1_000_000;

/// `parts` repeated, joined by `sep`, to about `MB` bytes; with the
/// number of times the whole of `parts` went in.
fn repeat(parts: &[&str], sep: &str) -> (String, usize) {
    let mut out = String::with_capacity(MB + 64);
    let mut k = 0;
    while out.len() < MB {
        if k > 0 {
            out.push_str(sep);
        }
        out.push_str(parts[k % parts.len()]);
        k += 1;
    }
    out.push('.');
    (out, k / parts.len())
}

fn mentions(text: &str) -> usize {
    let coder = ActorCoder::new(ActorDictionary::embedded().expect("dictionary"));
    let mut doc = common::document("big", Some("2024-05-01"), text);
    coder.annotate(&mut doc).expect("annotates");
    doc.mentions.len()
}

#[test]
fn a_comma_list_of_countries_in_one_sentence() {
    let (text, rounds) = repeat(&["Russia", "Ukraine", "France", "Germany", "China"], ", ");
    // Every country is a mention.
    assert!(mentions(&text) >= 5 * rounds);
}

#[test]
fn a_comma_list_of_letters_in_one_sentence() {
    let (text, _) = repeat(&["a", "b", "c", "d"], ", ");
    assert_eq!(mentions(&text), 0);
}

#[test]
fn references_back_in_one_long_sentence() {
    // Each shape looks back: a person, a role, a force, the sole country,
    // a speaking body.
    let (text, rounds) = repeat(
        &[
            "Russian President Vladimir Putin",
            "he said",
            "the president",
            "the army",
            "the government",
            "Mr Smith",
            "it said",
            "Kenyan President William Ruto",
        ],
        ", ",
    );
    // At least the two presidents, "he", "the president" and one more
    // each round ("the army" and "the government" find no sole country
    // when both Russia and Kenya were named).
    let n = mentions(&text);
    assert!(n >= 5 * rounds, "{n} mentions in {rounds} rounds");
}

#[test]
fn references_back_over_many_sentences() {
    let (text, rounds) = repeat(
        &[
            "Russia's army said the government would act.",
            "It said the police fired.",
            "He said President Emmanuel Macron of France agreed.",
            "The country said Police in Dhaka met the president.",
        ],
        " ",
    );
    // "Russia's army", "the government", "It", "the police", "He",
    // Macron, "The country", "Police in Dhaka" at least, each round.
    let n = mentions(&text);
    assert!(n >= 8 * rounds, "{n} mentions in {rounds} rounds");
}
