//! The project's own actor set (`eval/actors/cases.jsonl`): ambiguous
//! names, metonyms, recent leaders and unnamed domestic actors, written
//! before the rules they test were tuned. Each expected mention must be
//! found with its code (or code prefix), the whole phrase where marked
//! `exact`; a document's `must_not` countries must code no mention.
//! Two parts: `cases.jsonl` (dev, tuned on, floor) and `holdout.jsonl`
//! (held out, reported only).

mod common;

use parley_actors::{ActorCoder, ActorDictionary};
use parley_doc::Annotator;
use serde_json::Value;

/// Below this share the rules have regressed (the score when the set was
/// last tuned is printed by the test and kept in eval/actors/README.md).
const FLOOR: f64 = 0.85;

fn expected_found(doc: &parley_doc::Document, e: &Value) -> bool {
    let want = e["text"].as_str().unwrap_or_default();
    let exact = e["exact"].as_bool().unwrap_or(false);
    doc.mentions.iter().any(|m| {
        let text = doc.slice(m.span);
        let place = if exact { text == want } else { text.contains(want) || want.contains(text) };
        let code = match (e["code"].as_str(), e["prefix"].as_str()) {
            (Some(c), _) => m.actor.code == c,
            (None, Some(p)) => m.actor.code.starts_with(p),
            (None, None) => false,
        };
        place && code
    })
}

/// Scores one file of cases. Misses are printed only when `show_misses`:
/// the held-out part's are never shown, so nobody tunes rules on them.
fn score_part(coder: &ActorCoder, part: &str, file: &str, show_misses: bool) -> (usize, usize) {
    let path = format!("{}/../../eval/actors/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    let (mut total, mut right) = (0usize, 0usize);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).expect("json case");
        let id = case["id"].as_str().unwrap_or("?");
        let mut doc = common::pipeline_document(
            id,
            case["date"].as_str(),
            case["text"].as_str().unwrap_or_default(),
        );
        coder.annotate(&mut doc).expect("annotates");
        let found: Vec<String> = doc
            .mentions
            .iter()
            .map(|m| format!("{}={}", doc.slice(m.span), m.actor.code))
            .collect();
        for e in case["expect"].as_array().into_iter().flatten() {
            total += 1;
            if expected_found(&doc, e) {
                right += 1;
            } else if show_misses {
                println!("{part} miss {id}: {e} found {found:?}");
            }
        }
        let banned: Vec<&str> =
            case["must_not"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        if !banned.is_empty() {
            total += 1;
            if doc.mentions.iter().any(|m| banned.iter().any(|b| m.actor.code.starts_with(b))) {
                if show_misses {
                    println!("{part} wrong {id}: one of {banned:?} in {found:?}");
                }
            } else {
                right += 1;
            }
        }
    }
    (right, total)
}

/// Both parts are reported; the floor holds only for the dev part
/// (`cases.jsonl`). The held-out part (`holdout.jsonl`) is scored, never
/// tuned on: it tells how the rules carry to cases nobody fitted them to.
#[test]
fn own_actor_set() {
    let coder = ActorCoder::new(ActorDictionary::embedded().expect("dictionary"));
    let (right, total) = score_part(&coder, "dev", "cases.jsonl", true);
    let (held_right, held_total) = score_part(&coder, "held-out", "holdout.jsonl", false);
    let score = right as f64 / total as f64;
    let held = held_right as f64 / held_total.max(1) as f64;
    println!("eval/actors dev: {right}/{total} = {score:.3} (floor {FLOOR})");
    println!("eval/actors held-out: {held_right}/{held_total} = {held:.3} (no floor)");
    assert!(held_total >= 30, "the held-out part has {held_total} points, fewer than 30");
    assert!(score >= FLOOR, "eval/actors score {score:.3} below the floor {FLOOR}");
}
