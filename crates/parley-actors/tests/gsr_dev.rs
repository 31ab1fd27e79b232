//! The PLOVER gold-standard records: every gold actor and recipient
//! (`source`/`target` `actorText` with `code`) must be found with the right
//! country or IGO/NGO/IMG code (first three letters). The issue asks for
//! 90%; CI keeps a floor below that.

mod common;

use parley_actors::{ActorCoder, ActorDictionary};
use parley_doc::Annotator;
use serde_json::Value;

const FLOOR: f64 = 0.85;

fn legacy(code: &str) -> &str {
    match code {
        "JAP" => "JPN",
        "ITL" => "ITA",
        other => other,
    }
}

/// Where the gold actor text lies. The gold text is not always verbatim
/// ("West German" for "German", "French warships" for "French and
/// Egyptian warships", doubled spaces): fall back to its words.
fn locate(text: &str, parts: &[&str]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for p in parts {
        let collapsed = p.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(s) = text.find(&collapsed) {
            spans.push((s, s + collapsed.len()));
            continue;
        }
        for w in collapsed.split([' ', '-', '(', ')']).filter(|w| w.len() >= 2) {
            let found = text.match_indices(w).find(|(s, _)| {
                let before = text[..*s].chars().next_back();
                let after = text[s + w.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            });
            if let Some((s, _)) = found {
                spans.push((s, s + w.len()));
            }
        }
    }
    spans
}

#[test]
fn gsr_dev_actor_accuracy() {
    let path = common::shared_data("plover/gsr-dev.json");
    let records: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("read gsr-dev.json"))
            .expect("json");
    let coder = ActorCoder::new(ActorDictionary::embedded().expect("dictionary"));
    let (mut total, mut right) = (0usize, 0usize);
    let mut misses = Vec::new();
    for r in &records {
        let text = r["text"].as_str().unwrap_or_default();
        let mut doc =
            common::pipeline_document(r["id"].as_str().unwrap_or("?"), r["date"].as_str(), text);
        coder.annotate(&mut doc).expect("annotates");
        for side in ["source", "target"] {
            let Some(actors) = r[side].as_array() else { continue };
            for a in actors {
                let (Some(actor_text), Some(code)) = (a["actorText"].as_str(), a["code"].as_str())
                else {
                    continue;
                };
                let gold = legacy(code.get(..3).unwrap_or(code));
                total += 1;
                // "U.S. ... negotiators": every piece must lie in the text.
                let parts: Vec<&str> =
                    actor_text.split("...").map(str::trim).filter(|p| !p.is_empty()).collect();
                let spans = locate(text, &parts);
                let ok = doc.mentions.iter().any(|m| {
                    spans.iter().any(|&(s, e)| m.span.start < e && s < m.span.end)
                        && m.actor.code.get(..3).is_some_and(|c| c == gold)
                });
                if ok {
                    right += 1;
                } else {
                    let found: Vec<String> = doc
                        .mentions
                        .iter()
                        .map(|m| format!("{}={}", doc.slice(m.span), m.actor.code))
                        .collect();
                    misses.push(format!("{actor_text:?} {code}: found {found:?}"));
                }
            }
        }
    }
    let accuracy = right as f64 / total as f64;
    for m in &misses {
        println!("miss: {m}");
    }
    println!("gsr-dev actors: {right}/{total} = {accuracy:.3} (floor {FLOOR})");
    assert!(accuracy >= FLOOR, "gsr-dev actor accuracy {accuracy:.3} below the floor {FLOOR}");
}
