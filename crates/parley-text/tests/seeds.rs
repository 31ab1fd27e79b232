//! End-to-end: the seed articles (real scraped pages) and the sample
//! articles in `examples/` go through the readers, furniture removal and
//! sentence splitting, and the sentences are checked against the gold
//! annotations and against the shape of the source lines.

use std::path::{Path, PathBuf};

use parley_doc::{Annotator, BlockKind, Document};
use parley_text::{read_file, read_inputs, FurnitureRemover, SentenceSplitter};
use serde_json::Value;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/seeds");
const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");

/// Abbreviations no sentence may end on (a sign it was cut mid-way).
const NEVER_LAST: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Sen.", "Rep.", "Gov.", "St.", "Brig.", "Lt.", "Col.",
    "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "approx.", "No.",
];

fn annotate(mut doc: Document) -> Document {
    FurnitureRemover::new().annotate(&mut doc).expect("furniture");
    SentenceSplitter::new().annotate(&mut doc).expect("sentences");
    doc
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn sentences(doc: &Document) -> Vec<String> {
    doc.sentences.iter().map(|s| norm(&doc.text[s.span])).collect()
}

fn seeds_dir() -> PathBuf {
    let dir = PathBuf::from(SEEDS);
    assert!(
        dir.join("gold.json").is_file(),
        "seed data not found at {} (expected shared/data/seeds beside the workspace)",
        dir.display()
    );
    dir
}

fn read_one(path: &Path) -> Document {
    let mut docs: Vec<_> = read_file(path).collect();
    assert_eq!(docs.len(), 1, "{}", path.display());
    annotate(docs.remove(0).unwrap_or_else(|err| panic!("{err}")))
}

#[test]
fn seed_events_sit_in_one_sentence_and_furniture_in_none() {
    let dir = seeds_dir();
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).expect("gold"))
            .expect("gold.json is JSON");
    let docs = gold["docs"].as_array().expect("docs");
    assert!(!docs.is_empty());
    for entry in docs {
        let id = entry["id"].as_str().expect("id");
        let doc = read_one(&dir.join(entry["file"].as_str().expect("file")));
        let sents = sentences(&doc);
        let of_doc = |key: &str| -> Vec<String> {
            gold[key]
                .as_array()
                .expect("list")
                .iter()
                .filter(|e| e["doc"] == id)
                .map(|e| norm(e["in"].as_str().expect("in")))
                .collect()
        };
        for needle in of_doc("events").into_iter().chain(of_doc("must_not")) {
            assert!(
                sents.iter().any(|s| s.contains(&needle)),
                "{id}: {needle:?} is not inside one sentence; sentences:\n{}",
                sents.join("\n")
            );
        }
        for needle in of_doc("no_event") {
            let hit = sents.iter().find(|s| s.contains(&needle));
            assert!(hit.is_none(), "{id}: furniture {needle:?} reached a sentence: {hit:?}");
        }
    }
}

/// Every kept body paragraph is covered by its sentences, and no sentence
/// stops after an abbreviation or starts in lowercase (signs of a cut).
fn check_sentences_whole(doc: &Document) {
    let sents = sentences(doc);
    for sentence in &doc.sentences {
        let tokens = doc.sentence_tokens(sentence);
        let last = tokens.last().map(|t| &doc.text[t.span]).unwrap_or("");
        assert!(
            !NEVER_LAST.contains(&last),
            "{}: sentence ends on the abbreviation {last:?}: {:?}",
            doc.meta.id,
            &doc.text[sentence.span]
        );
        let first =
            doc.text[sentence.span].trim_start_matches(['“', '"', '‘', '\'', '(', '[', '—', '-']);
        // Table cells may open in lowercase; paragraphs and headings may not.
        assert!(
            sentence.kind == BlockKind::TableRow || !first.starts_with(char::is_lowercase),
            "{}: sentence starts mid-way: {:?}",
            doc.meta.id,
            &doc.text[sentence.span]
        );
    }
    for block in &doc.blocks {
        if block.kind != BlockKind::Paragraph || doc.is_furniture(block.span) {
            continue;
        }
        let inside: Vec<&str> = doc
            .sentences
            .iter()
            .filter(|s| block.span.contains(s.span))
            .map(|s| &doc.text[s.span])
            .collect();
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(
            squeeze(&inside.join(" ")),
            squeeze(&doc.text[block.span]),
            "{}: sentences do not cover the paragraph",
            doc.meta.id
        );
        // A line with no inner sentence end is one sentence, whole.
        let line = norm(&doc.text[block.span]);
        if !has_inner_sentence_end(&line) {
            assert!(
                sents.contains(&line),
                "{}: line is not one whole sentence: {line:?}",
                doc.meta.id
            );
        }
    }
}

/// Whether a line has ". X" / "? X" / "! X" inside it outside abbreviations.
fn has_inner_sentence_end(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.windows(2).any(|w| {
        let word = w[0].trim_end_matches(['”', '"', '’', '\'', ')']);
        let ends = word.ends_with(['.', '?', '!']) || word.ends_with('…');
        let abbreviation = NEVER_LAST.contains(&word)
            || word.trim_end_matches('.').contains('.')
            || (word.trim_end_matches('.').chars().count() == 1
                && word.starts_with(char::is_alphabetic));
        let next_upper =
            w[1].trim_start_matches(['“', '"', '‘', '\'']).starts_with(char::is_uppercase);
        ends && !abbreviation && next_upper
    }) || line.contains(".A")
        || line.contains(".”“")
        || line.contains("week.At")
}

#[test]
fn seed_sentences_are_whole() {
    let dir = seeds_dir();
    for doc in read_inputs(&[dir]) {
        check_sentences_whole(&annotate(doc.expect("seed reads")));
    }
}

#[test]
fn seed_regressions() {
    let dir = seeds_dir();
    let doc = read_one(&dir.join("001_5f4cd109c95766a6.txt"));
    let sents = sentences(&doc);
    // A missing space after a period still ends the sentence.
    assert!(sents.iter().any(|s| s.ends_with("NATO summit in Washington last week.")));
    assert!(sents.iter().any(|s| s.starts_with("At the event, NATO members reiterated")));
    // The closing quote stays with its sentence; the next quotation starts anew.
    assert!(sents.iter().any(|s| s.ends_with("to undertake diplomatic negotiations.”")));
    assert!(sents.iter().any(|s| s.starts_with("“We’ve always supported diplomacy")));
    let doc = read_one(&dir.join("000_f8acdeb3ff86f932.txt"));
    let sents = sentences(&doc);
    assert!(sents.iter().all(|s| !s.contains("AP Photo") && !s.contains("Updated:")));
    assert_eq!(
        sents.iter().filter(|s| s.starts_with("Ukraine, Russia Reject Negotiation")).count(),
        1
    );
}

#[test]
fn examples_read_and_lose_their_furniture() {
    let dir = PathBuf::from(EXAMPLES);
    assert!(dir.is_dir(), "examples/ not found at {}", dir.display());
    let docs: Vec<Document> =
        read_inputs(&[dir]).map(|d| annotate(d.unwrap_or_else(|err| panic!("{err}")))).collect();
    assert!(docs.len() >= 8, "4 files, one of them JSONL with 4 records: got {}", docs.len());
    for doc in &docs {
        assert!(doc.sentences.len() >= 3, "{}: too few sentences", doc.meta.id);
        assert_eq!(doc.sentences[0].kind, BlockKind::Headline, "{}", doc.meta.id);
        check_sentences_whole(doc);
        for sentence in sentences(doc) {
            for furniture in [
                "Advertisement",
                "contributed to this report",
                "Share this",
                "newsletter",
                "cookies",
                "All rights reserved",
                "AP Photo",
                "Updated:",
                "Editing by",
                "Follow us",
                "Related",
                "correspondent for",
                "Correction:",
                "Most read",
            ] {
                assert!(
                    !sentence.contains(furniture),
                    "{}: {furniture:?} kept in {sentence:?}",
                    doc.meta.id
                );
            }
            assert!(!sentence.starts_with("By "), "{}: byline kept: {sentence:?}", doc.meta.id);
        }
        if doc.meta.origin.ends_with(".html") {
            assert!(doc.meta.date.is_some(), "{}: the page's date", doc.meta.id);
            let map = doc.source_map.as_ref().expect("HTML documents carry a source map");
            let raw = std::fs::read_to_string(&doc.meta.origin).expect("page");
            for sentence in &doc.sentences {
                let span = map.to_raw(sentence.span).expect("every sentence maps back to the page");
                // The page bytes hold the sentence's first and last words.
                let text = &doc.text[sentence.span];
                let first_word: String = text.chars().take_while(|c| c.is_alphanumeric()).collect();
                assert!(
                    raw[span.range()].contains(&first_word),
                    "{}: {text:?} maps to {:?}",
                    doc.meta.id,
                    &raw[span.range()]
                );
            }
        } else {
            assert!(
                doc.meta.date.is_some() || !doc.meta.origin.contains(".jsonl"),
                "{}",
                doc.meta.id
            );
        }
    }
}
