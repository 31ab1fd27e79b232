//! Tag + lemmatise + parse throughput of the embedded model on one core.
//!
//! `cargo bench -p parley-syntax --bench throughput`: reads the EWT test
//! file (gold tokenization), warms up once, then times three passes and
//! prints words/s and sentences/s of the best one.

use std::time::Instant;

use parley_syntax::{conllu, SyntaxModel};

const EWT_TEST: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/ud-english/en_ewt-ud-test.conllu");

fn main() {
    let text = match std::fs::read_to_string(EWT_TEST) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("cannot read {EWT_TEST}: {e}");
            std::process::exit(1);
        }
    };
    let sentences = match conllu::parse(&text) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("bad CoNLL-U: {e}");
            std::process::exit(1);
        }
    };
    let model = match SyntaxModel::embedded() {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let forms: Vec<Vec<&str>> = sentences.iter().map(|s| s.forms()).collect();
    let words: usize = forms.iter().map(Vec::len).sum();
    let mut sink = 0usize;
    for f in &forms {
        sink += model.analyse(f).len();
    }
    let (mut best, mut best_cpu) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..3 {
        let start = Instant::now();
        let cpu_start = thread_cpu_seconds();
        for f in &forms {
            sink += model.analyse(f).len();
        }
        best = best.min(start.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu_start, thread_cpu_seconds()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    println!(
        "syntax: {} words, {} sentences: {:.0} words/s, {:.0} sentences/s (wall, best of 3, one thread; checksum {sink})",
        words,
        forms.len(),
        words as f64 / best,
        forms.len() as f64 / best
    );
    if best_cpu.is_finite() {
        println!(
            "syntax: {:.0} words per CPU-second (this thread's on-CPU time, best of 3)",
            words as f64 / best_cpu
        );
    }
}

/// This thread's time on a CPU (Linux `schedstat`), so a busy machine
/// does not count other processes' time against us.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
