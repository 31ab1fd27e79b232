//! Page furniture on pages the rules were not written against:
//! `eval/furniture/` holds forty pages written for the project in the
//! styles of nine kinds of news site, each with the body a reader keeps
//! (see its README). Pages numbered by a multiple of 5 are held out.
//!
//! The test holds a floor on precision and recall of kept body sentences.
//! With `PARLEY_FURNITURE_REPORT=1` it prints the scores per kind (dev and
//! held-out apart); with `=2` it also lists, for dev pages only, each
//! furniture line kept and body sentence cut.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use parley_doc::{Annotator, DocMeta, Document};
use parley_text::{document_from_text, explain, read_file, FurnitureRemover, SentenceSplitter};

const EVAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../eval/furniture");

/// Lowercase letters and digits only: quote styles and spacing do not count.
fn squash(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

#[derive(Debug, Default, Clone)]
struct Score {
    pages: usize,
    expected: usize,
    kept: usize,
    matched: usize,
    furniture_kept: usize,
}

impl Score {
    fn add(&mut self, other: &Score) {
        self.pages += other.pages;
        self.expected += other.expected;
        self.kept += other.kept;
        self.matched += other.matched;
        self.furniture_kept += other.furniture_kept;
    }
    fn precision(&self) -> f64 {
        self.matched as f64 / self.kept.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.matched as f64 / self.expected.max(1) as f64
    }
    fn cut(&self) -> usize {
        self.expected - self.matched
    }
    fn line(&self, label: &str) -> String {
        format!(
            "{label:<24} pages={:<2} body={:<3} kept={:<3} P={:.3} R={:.3} cut={:<2} furniture_kept={}",
            self.pages,
            self.expected,
            self.kept,
            self.precision(),
            self.recall(),
            self.cut(),
            self.furniture_kept
        )
    }
}

struct PageResult {
    name: String,
    kind: String,
    held_out: bool,
    score: Score,
    furniture_lines: Vec<String>,
    cut_sentences: Vec<String>,
}

fn annotate(mut doc: Document, furniture: bool) -> Document {
    if furniture {
        FurnitureRemover::new().annotate(&mut doc).expect("furniture");
    }
    SentenceSplitter::new().annotate(&mut doc).expect("sentences");
    doc
}

fn sentences(doc: &Document) -> Vec<String> {
    doc.sentences.iter().map(|s| doc.text[s.span].to_string()).collect()
}

fn score_page(page: &Path) -> PageResult {
    let name = page.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.split('.').next().unwrap_or_default().to_string();
    let (number, kind) = stem.split_once('-').expect("pages are named NN-KIND");
    let number: u32 = number.parse().expect("pages are numbered");
    let body_path = page.with_file_name(format!("{stem}.body.txt"));
    let body = std::fs::read_to_string(&body_path).expect("every page has a .body.txt");

    let mut docs: Vec<_> = read_file(page).collect();
    assert_eq!(docs.len(), 1, "{name}");
    let doc = annotate(docs.remove(0).expect("page reads"), true);
    let expected_doc = annotate(document_from_text(body.clone(), DocMeta::default()), false);

    let mut wanted: HashMap<String, usize> = HashMap::new();
    for s in sentences(&expected_doc) {
        *wanted.entry(squash(&s)).or_default() += 1;
    }
    let kept = sentences(&doc);
    let mut matched = 0;
    for s in &kept {
        if let Some(n) = wanted.get_mut(&squash(s)).filter(|n| **n > 0) {
            *n -= 1;
            matched += 1;
        }
    }
    let cut_sentences: Vec<String> = sentences(&expected_doc)
        .into_iter()
        .filter(|s| !kept.iter().any(|k| squash(k) == squash(s)))
        .collect();

    // A block whose kept text is not part of the body is furniture kept.
    let body_squashed = squash(&body);
    let mut kept_by_block: BTreeMap<usize, String> = BTreeMap::new();
    for (span, reason) in explain(&doc) {
        if reason.is_none() {
            let block = doc.blocks.iter().position(|b| b.span.contains(span)).unwrap_or(0);
            kept_by_block.entry(block).or_default().push_str(&doc.text[span]);
        }
    }
    let furniture_lines: Vec<String> = kept_by_block
        .into_values()
        .filter(|t| !squash(t).is_empty() && !body_squashed.contains(&squash(t)))
        .collect();

    PageResult {
        name,
        kind: kind.to_string(),
        held_out: number.is_multiple_of(5),
        score: Score {
            pages: 1,
            expected: sentences(&expected_doc).len(),
            kept: kept.len(),
            matched,
            furniture_kept: furniture_lines.len(),
        },
        furniture_lines,
        cut_sentences,
    }
}

fn score_all() -> Vec<PageResult> {
    let dir = PathBuf::from(EVAL);
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("eval/furniture exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            (name.ends_with(".txt") && !name.ends_with(".body.txt")) || name.ends_with(".html")
        })
        .collect();
    pages.sort();
    pages.iter().map(|p| score_page(p)).collect()
}

fn report(results: &[PageResult], verbose: bool) -> (Score, Score) {
    let mut totals = (Score::default(), Score::default());
    for (held_out, label) in [(false, "dev"), (true, "held-out")] {
        let mut by_kind: BTreeMap<&str, Score> = BTreeMap::new();
        let mut all = Score::default();
        for r in results.iter().filter(|r| r.held_out == held_out) {
            by_kind.entry(&r.kind).or_default().add(&r.score);
            all.add(&r.score);
        }
        println!("{}", all.line(&format!("{label} all")));
        for (kind, score) in &by_kind {
            println!("{}", score.line(&format!("  {label} {kind}")));
        }
        if held_out {
            totals.1 = all;
        } else {
            totals.0 = all;
        }
    }
    if verbose {
        for r in results.iter().filter(|r| !r.held_out) {
            for line in &r.furniture_lines {
                println!("{}: furniture kept: {line}", r.name);
            }
            for line in &r.cut_sentences {
                println!("{}: body cut: {line}", r.name);
            }
        }
    }
    totals
}

#[test]
fn furniture_eval_holds_its_floor() {
    let results = score_all();
    assert!(results.len() >= 40, "forty pages: got {}", results.len());
    let level = std::env::var("PARLEY_FURNITURE_REPORT").unwrap_or_default();
    let (dev, held_out) = report(&results, level == "2");
    // Floors a little under the scores measured when they were set (dev
    // P 0.944 R 0.991, 10 furniture lines kept; held-out P 0.883 R 0.964,
    // 4 kept): a drop below them is a regression.
    assert!(dev.recall() >= 0.98, "dev recall {:.3}", dev.recall());
    assert!(dev.precision() >= 0.93, "dev precision {:.3}", dev.precision());
    assert!(dev.furniture_kept <= 14, "dev furniture lines kept: {}", dev.furniture_kept);
    assert!(held_out.recall() >= 0.95, "held-out recall {:.3}", held_out.recall());
    assert!(held_out.precision() >= 0.85, "held-out precision {:.3}", held_out.precision());
    assert!(held_out.furniture_kept <= 7, "held-out furniture kept: {}", held_out.furniture_kept);
}
