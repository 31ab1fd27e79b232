//! The seed articles: every state actor and official named in them must be
//! coded, including those reached only through a role pattern or
//! coreference. Each case is (document, context, words inside it, code
//! prefix): the words are found inside the first occurrence of the context.

mod common;

use parley_actors::{ActorCoder, ActorDictionary};
use parley_doc::{Annotator, Document};

const DOCS: &[(&str, &str, &str)] = &[
    ("seed-000", "000_f8acdeb3ff86f932.txt", "2024-01-15"),
    ("seed-001", "001_5f4cd109c95766a6.txt", "2024-07-17"),
    ("seed-002", "002_d853f2df82723676.txt", "2024-07-19"),
];

const EXPECTED: &[(&str, &str, &str, &str)] = &[
    // seed-000
    ("seed-000", "Ukrainian leadership is meeting", "Ukrainian leadership", "UKRGOV"),
    ("seed-000", "which Kyiv hopes", "Kyiv", "UKRGOV"),
    ("seed-000", "Kyiv and Moscow have dismissed", "Kyiv", "UKRGOV"),
    ("seed-000", "Kyiv and Moscow have dismissed", "Moscow", "RUSGOV"),
    ("seed-000", "expulsion of all Russian forces", "Russian forces", "RUSMIL"),
    ("seed-000", "Moscow has vowed", "Moscow", "RUSGOV"),
    (
        "seed-000",
        "Ukrainian President Volodymyr Zelenskyy said",
        "Ukrainian President Volodymyr Zelenskyy",
        "UKRGOV",
    ),
    ("seed-000", "Mr. Zelenskyy is currently", "Zelenskyy", "UKRGOV"),
    ("seed-000", "where he hopes", "he hopes", "UKRGOV"),
    ("seed-000", "Mr. Zelenskyy told reporters", "Zelenskyy", "UKRGOV"),
    ("seed-000", "Similarly, Mr. Zelenskyy said", "Zelenskyy", "UKRGOV"),
    ("seed-000", "with Kyiv targeting", "Kyiv", "UKRGOV"),
    ("seed-000", "and Moscow targeting", "Moscow", "RUSGOV"),
    ("seed-000", "reliant on Iran and North Korea", "Iran", "IRN"),
    ("seed-000", "reliant on Iran and North Korea", "North Korea", "PRK"),
    ("seed-000", "Moscow received more", "Moscow", "RUSGOV"),
    ("seed-000", "munitions from Pyongyang", "Pyongyang", "PRKGOV"),
    (
        "seed-000",
        "Russian President Vladimir Putin has also refused",
        "Russian President Vladimir Putin",
        "RUSGOV",
    ),
    ("seed-000", "be impossible, he said", "he said", "RUSGOV"),
    ("seed-000", "Mr. Putin said during", "Putin", "RUSGOV"),
    ("seed-000", "World Economic Forum", "World Economic Forum", "NGO"),
    // seed-001
    (
        "seed-001",
        "Ukrainian President Volodymyr Zelenskyy has called",
        "Ukrainian President Volodymyr Zelenskyy",
        "UKRGOV",
    ),
    ("seed-001", "Mr. Peskov said in broadcast", "Peskov", "RUSGOV"),
    ("seed-001", "showcased Kyiv’s 10-point plan", "Kyiv", "UKRGOV"),
    ("seed-001", "Moscow, however, says", "Moscow", "RUSGOV"),
    ("seed-001", "withdrawal of Russian forces", "Russian forces", "RUSMIL"),
    (
        "seed-001",
        "alternative to Russian President Vladimir Putin’s",
        "Russian President Vladimir Putin",
        "RUSGOV",
    ),
    ("seed-001", "the Russian leader laid down", "Russian leader", "RUSGOV"),
    ("seed-001", "Mr. Putin’s peace terms", "Putin", "RUSGOV"),
    ("seed-001", "German Chancellor Olaf Scholz said", "German Chancellor Olaf Scholz", "DEUGOV"),
    (
        "seed-001",
        "Ukrainian Foreign Minister Dmytro Kuleba",
        "Ukrainian Foreign Minister Dmytro Kuleba",
        "UKRGOV",
    ),
    ("seed-001", "NATO chief Jens Stoltenberg", "Jens Stoltenberg", "IGOWSTNAT"),
    ("seed-001", "According to Mr. Peskov, the Kremlin spokesman", "Peskov", "RUSGOV"),
    ("seed-001", "According to Mr. Peskov, the Kremlin spokesman", "Kremlin spokesman", "RUSGOV"),
    ("seed-001", "According to Russian officials", "Russian officials", "RUSGOV"),
    (
        "seed-001",
        "State Department spokesman Matthew Miller",
        "State Department spokesman Matthew Miller",
        "USAGOV",
    ),
    ("seed-001", "that the Kremlin is ready", "Kremlin", "RUSGOV"),
    ("seed-001", "a State Department spokesperson told", "State Department spokesperson", "USAGOV"),
    ("seed-001", "The United States and NATO", "United States", "USA"),
    ("seed-001", "It is the Kremlin that started", "Kremlin", "RUSGOV"),
    ("seed-001", "And Putin could end it", "Putin", "RUSGOV"),
    ("seed-001", "In 2023, Finland", "Finland", "FIN"),
    ("seed-001", "Sweden followed suit", "Sweden", "SWE"),
    // seed-002
    (
        "seed-002",
        "Russia’s Foreign Ministry spokeswoman, Maria Zakharova",
        "Russia’s Foreign Ministry spokeswoman",
        "RUSGOV",
    ),
    (
        "seed-002",
        "Russia’s Foreign Ministry spokeswoman, Maria Zakharova",
        "Maria Zakharova",
        "RUSGOV",
    ),
    ("seed-002", "that Moscow would not succumb", "Moscow", "RUSGOV"),
    (
        "seed-002",
        "Ukrainian President Volodymyr Zelenskiy’s call",
        "Ukrainian President Volodymyr Zelenskiy",
        "UKRGOV",
    ),
    ("seed-002", "Zakharova’s declaration", "Zakharova", "RUSGOV"),
    ("seed-002", "a move Moscow dismissed", "Moscow", "RUSGOV"),
    (
        "seed-002",
        "President Zelenskiy’s initiative for a second peace summit is part",
        "President Zelenskiy",
        "UKRGOV",
    ),
    ("seed-002", "Zelenskiy’s insistence", "Zelenskiy", "UKRGOV"),
    ("seed-002", "The Ukrainian leader’s plan", "Ukrainian leader", "UKRGOV"),
    ("seed-002", "The Russian Foreign Ministry’s response", "Russian Foreign Ministry", "RUSGOV"),
    ("seed-002", "Zakharova’s remarks", "Zakharova", "RUSGOV"),
    ("seed-002", "where Moscow seeks", "Moscow", "RUSGOV"),
];

fn load(id: &str, file: &str, date: &str) -> Document {
    let path = common::shared_data(&format!("seeds/{file}"));
    let text = std::fs::read_to_string(&path).expect("read seed");
    common::pipeline_document(id, Some(date), &text)
}

#[test]
fn seed_state_actors_and_officials_are_coded() {
    let coder = ActorCoder::new(ActorDictionary::embedded().expect("dictionary"));
    let mut failures = Vec::new();
    for &(id, file, date) in DOCS {
        let mut doc = load(id, file, date);
        coder.annotate(&mut doc).expect("annotates");
        for &(_, context, words, code) in EXPECTED.iter().filter(|e| e.0 == id) {
            let Some(c) = doc.text.find(context) else {
                failures.push(format!("{id}: context {context:?} not in the text"));
                continue;
            };
            let Some(w) = doc.text[c..c + context.len()].find(words) else {
                failures.push(format!("{id}: {words:?} not in {context:?}"));
                continue;
            };
            let (s, e) = (c + w, c + w + words.len());
            let hit = doc.mentions.iter().find(|m| m.span.start < e && s < m.span.end);
            match hit {
                Some(m) if m.actor.code.starts_with(code) => {}
                Some(m) => failures.push(format!(
                    "{id}: {words:?} in {context:?}: coded {} ({:?}), expected {code}",
                    m.actor.code,
                    doc.slice(m.span)
                )),
                None => failures
                    .push(format!("{id}: {words:?} in {context:?}: no mention, expected {code}")),
            }
        }
    }
    for f in &failures {
        println!("{f}");
    }
    println!("seed actors: {}/{} coded correctly", EXPECTED.len() - failures.len(), EXPECTED.len());
    assert!(failures.is_empty(), "{} seed actors wrong", failures.len());
}
