//! End to end: parley-text -> parley-syntax -> parley-actors -> EventCoder
//! on the shared reference data, scored by `../shared/tools/score_events.py`.
//!
//! The tests skip (with a message) when `../shared` is not beside the project.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use parley_actors::{ActorCoder, ActorDictionary};
use parley_doc::{Annotator, DocMeta, Document};
use parley_events::{event_json, is_default_output, EventCoder, EventLexicon};
use parley_syntax::{SyntaxAnnotator, SyntaxModel};
use parley_text::{document_from_text, FurnitureRemover, SentenceSplitter};
use serde_json::Value;

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    dir.join("tools/score_events.py").exists().then_some(dir)
}

struct Stages(Vec<Box<dyn Annotator>>);

impl Stages {
    fn new() -> Stages {
        let mut stages: Vec<Box<dyn Annotator>> =
            vec![Box::new(FurnitureRemover::new()), Box::new(SentenceSplitter::new())];
        let model = SyntaxModel::embedded().expect("the shipped syntax model loads");
        stages.push(Box::new(SyntaxAnnotator::new(model)));
        stages.push(Box::new(ActorCoder::new(
            ActorDictionary::embedded().expect("actor dictionary"),
        )));
        stages
            .push(Box::new(EventCoder::new(Arc::new(EventLexicon::embedded().expect("lexicon")))));
        Stages(stages)
    }

    fn run(&self, text: String, id: &str, date: Option<String>) -> Document {
        let meta = DocMeta { id: id.to_string(), date, ..DocMeta::default() };
        let mut doc = document_from_text(text, meta);
        for stage in &self.0 {
            stage.annotate(&mut doc).expect("stage runs");
        }
        doc
    }
}

/// Writes predictions where they can be looked at (`PARLEY_EVENTS_PRED_DIR`)
/// or in the temp dir, and scores them.
fn score(mode: &str, gold: &Path, lines: &[String], name: &str) -> Value {
    let dir = std::env::var_os("PARLEY_EVENTS_PRED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let path = dir.join(format!("parley-events-{name}-{}.jsonl", std::process::id()));
    let mut f = std::fs::File::create(&path).expect("temp file");
    for l in lines {
        writeln!(f, "{l}").expect("write");
    }
    let script = shared().expect("../shared beside the repository").join("tools/score_events.py");
    let out = Command::new("python3")
        .arg(script)
        .args([mode, &gold.display().to_string(), &path.display().to_string(), "--json"])
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "scorer failed: {}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let json_part = stdout.rsplit_once("\n}").map(|(a, _)| format!("{a}\n}}")).unwrap_or_default();
    let v: Value = serde_json::from_str(&json_part).expect("scorer JSON");
    println!("{name}: predictions in {}", path.display());
    println!("{name}: {}", stdout.lines().last().unwrap_or(""));
    v
}

fn f(v: &Value, key: &str) -> f64 {
    v["scores"][key].as_f64().unwrap_or(0.0)
}

#[test]
fn plover_gold_standard_records() {
    let shared = shared().expect("../shared (reference data and scorer) beside the repository");
    let gold = shared.join("data/plover/gsr-dev.json");
    let records: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(&gold).expect("gsr")).expect("JSON");
    let stages = Stages::new();
    let mut lines = Vec::new();
    let mut docs = Vec::new();
    for r in &records {
        let (Some(id), Some(text)) = (r["id"].as_str(), r["text"].as_str()) else { continue };
        let doc = stages.run(text.to_string(), id, r["date"].as_str().map(str::to_string));
        for e in doc.events.iter().filter(|e| is_default_output(e)) {
            lines.push(event_json(&doc, e).to_string());
        }
        docs.push(doc);
    }
    // The event stage alone, over the parsed records (a debug build: indicative only).
    let coder = EventCoder::new(Arc::new(EventLexicon::embedded().expect("lexicon")));
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum::<usize>() * 10;
    let start = std::time::Instant::now();
    for _ in 0..10 {
        for d in &docs {
            std::hint::black_box(coder.code(d));
        }
    }
    println!("event stage: {:.0} sentences/s", sentences as f64 / start.elapsed().as_secs_f64());
    let v = score("plover", &gold, &lines, "gsr-dev");
    assert!(f(&v, "type_recall") >= FLOOR_TYPE, "type_recall {}", f(&v, "type_recall"));
    assert!(f(&v, "triple_recall") >= FLOOR_TRIPLE, "triple_recall {}", f(&v, "triple_recall"));
    assert!(
        f(&v, "micro_precision") >= FLOOR_PRECISION,
        "micro_precision {}",
        f(&v, "micro_precision")
    );
}

#[test]
fn seed_articles() {
    let shared = shared().expect("../shared (reference data and scorer) beside the repository");
    let seeds = shared.join("data/seeds");
    let gold_path = seeds.join("gold.json");
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(&gold_path).expect("gold")).expect("JSON");
    let stages = Stages::new();
    let mut lines = Vec::new();
    for d in gold["docs"].as_array().expect("docs") {
        let (Some(id), Some(file)) = (d["id"].as_str(), d["file"].as_str()) else { continue };
        let text = std::fs::read_to_string(seeds.join(file)).expect("seed article");
        let doc = stages.run(text, id, d["date"].as_str().map(str::to_string));
        for e in doc.events.iter().filter(|e| is_default_output(e)) {
            lines.push(event_json(&doc, e).to_string());
        }
    }
    let v = score("seeds", &gold_path, &lines, "seeds");
    assert_eq!(f(&v, "furniture_events"), 0.0, "events from page furniture");
    assert_eq!(f(&v, "must_not_violations"), 0.0, "must-not violations: {}", v["violations"]);
    assert!(f(&v, "recall") >= FLOOR_SEED_RECALL, "recall {}", f(&v, "recall"));
    assert!(
        f(&v, "judged_precision") >= FLOOR_SEED_PRECISION,
        "judged_precision {}",
        f(&v, "judged_precision")
    );
}

// Floors a little under the figures measured with the committed syntax
// model (gsr-dev 0.851 / 0.712 / 0.788; seeds 0.818 / 0.900); the targets
// are 0.85 / 0.70 / 0.70 and 0.80 / 0.80.
const FLOOR_TYPE: f64 = 0.83;
const FLOOR_TRIPLE: f64 = 0.68;
const FLOOR_PRECISION: f64 = 0.76;
const FLOOR_SEED_RECALL: f64 = 0.75;
const FLOOR_SEED_PRECISION: f64 = 0.84;
