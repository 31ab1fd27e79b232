//! The shipped model must keep the CI floor on the EWT test set
//! (gold tokenization, predicted tags): UPOS >= 0.94 and UAS >= 0.82.

use parley_syntax::{evaluate, SyntaxModel};

const EWT_TEST: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/ud-english/en_ewt-ud-test.conllu");

#[test]
fn embedded_model_keeps_the_ewt_test_floor() {
    let text = std::fs::read_to_string(EWT_TEST).unwrap_or_else(|e| {
        panic!("cannot read {EWT_TEST} ({e}): the EWT test file from shared/data/ud-english is required for this test")
    });
    let model = SyntaxModel::embedded().expect("embedded model decodes");
    let scores = evaluate(&model, &text).expect("EWT test parses");
    println!(
        "EWT test: {} lemma={:.4} tokens={}",
        scores.summary_line(),
        scores.lemma,
        scores.tokens
    );
    assert!(
        scores.tokens > 20_000,
        "expected the whole EWT test set, scored {} words",
        scores.tokens
    );
    assert!(scores.upos >= 0.94, "UPOS {:.4} below the 0.94 floor", scores.upos);
    assert!(scores.uas >= 0.82, "UAS {:.4} below the 0.82 floor", scores.uas);
}

#[test]
fn embedded_model_round_trips_and_analyses() {
    let model = SyntaxModel::embedded().expect("embedded model decodes");
    let bytes = model.to_bytes();
    // Decoding into the in-memory layout loses nothing: the same bytes come back.
    let file = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/syntax/model.bin"))
        .expect("data/syntax/model.bin is readable");
    assert!(bytes == file, "re-encoding the embedded model changed its bytes");
    let again = SyntaxModel::from_bytes(&bytes).expect("re-decodes");
    assert_eq!(again.to_bytes(), bytes);
    let words = ["The", "government", "rejected", "the", "proposal", "."];
    let analyses = model.analyse(&words);
    assert_eq!(analyses, again.analyse(&words));
    assert_eq!(analyses.iter().filter(|a| a.head == 0).count(), 1);
    assert!(analyses.iter().all(|a| a.head <= words.len()));
    assert!(model.analyse(&[]).is_empty());
    assert!(SyntaxModel::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    assert!(SyntaxModel::from_bytes(b"not a model").is_err());
}
