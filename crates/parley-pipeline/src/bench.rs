//! `parley bench`: throughput of the whole pipeline, from raw input bytes
//! to the last stage, on a corpus repeated to a minimum size.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use parley_doc::Document;

use crate::{Pipeline, PipelineError};

/// A corpus held in memory as JSON Lines records, so reading (JSON, HTML
/// extraction) is part of what is timed, but disk is not.
pub struct BenchCorpus {
    jsonl: Vec<u8>,
    /// Documents in the corpus (after repetition).
    pub documents: usize,
    /// Bytes of document text or HTML (after repetition).
    pub bytes: usize,
}

impl BenchCorpus {
    /// Loads `.txt`, `.html`/`.htm` and `.jsonl` files under `paths` and
    /// repeats them until the corpus holds at least `min_bytes`.
    pub fn load(paths: &[PathBuf], min_bytes: usize) -> std::io::Result<BenchCorpus> {
        let mut records = Vec::new();
        for path in paths {
            collect(path, &mut records)?;
        }
        let one_pass: usize = records.iter().map(|r: &Record| r.bytes).sum();
        if one_pass == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "no .txt, .html or .jsonl documents under the given paths",
            ));
        }
        let mut corpus = BenchCorpus { jsonl: Vec::new(), documents: 0, bytes: 0 };
        let mut copy = 0;
        while corpus.bytes < min_bytes.max(1) {
            for record in &records {
                let mut value = record.value.clone();
                if let Some(id) = value.get("id").and_then(|v| v.as_str()) {
                    value["id"] = serde_json::Value::String(format!("{id}#{copy}"));
                }
                corpus.jsonl.extend_from_slice(value.to_string().as_bytes());
                corpus.jsonl.push(b'\n');
                corpus.documents += 1;
                corpus.bytes += record.bytes;
            }
            copy += 1;
        }
        Ok(corpus)
    }
}

struct Record {
    value: serde_json::Value,
    bytes: usize,
}

fn collect(path: &Path, records: &mut Vec<Record>) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(path)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for entry in entries {
            collect(&entry, records)?;
        }
        return Ok(());
    }
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let content = || std::fs::read_to_string(path);
    match ext.as_str() {
        "txt" => {
            let text = content()?;
            let bytes = text.len();
            records.push(Record { value: serde_json::json!({"id": id, "text": text}), bytes });
        }
        "html" | "htm" => {
            let html = content()?;
            let bytes = html.len();
            records.push(Record { value: serde_json::json!({"id": id, "html": html}), bytes });
        }
        "jsonl" => {
            for line in content()?.lines().filter(|l| !l.trim().is_empty()) {
                if let Ok(value) = serde_json::from_str::<serde_json::Value>(line) {
                    let bytes = ["text", "html"]
                        .iter()
                        .filter_map(|k| value.get(*k).and_then(|v| v.as_str()))
                        .map(str::len)
                        .sum();
                    records.push(Record { value, bytes });
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// What one bench run measured.
#[derive(Debug, Clone)]
pub struct BenchReport {
    /// Worker threads used.
    pub threads: usize,
    /// Documents coded.
    pub documents: usize,
    /// Sentences coded.
    pub sentences: usize,
    /// Input bytes.
    pub bytes: usize,
    /// Documents that failed.
    pub failures: usize,
    /// Wall time of the whole run.
    pub elapsed: Duration,
    /// Time per stage (name, time) from a separate single-threaded pass,
    /// reading included as `read`.
    pub stage_times: Vec<(&'static str, Duration)>,
    /// Peak resident memory of the process, in MB, when the OS reports it.
    pub peak_rss_mb: Option<f64>,
}

impl BenchReport {
    /// The figures as one line: `sentences_per_sec=... mb_per_sec=... peak_rss_mb=...`.
    pub fn summary_line(&self) -> String {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        let rss = self.peak_rss_mb.map_or("unknown".to_string(), |mb| format!("{mb:.0}"));
        format!(
            "sentences_per_sec={:.0} mb_per_sec={:.2} peak_rss_mb={rss} threads={} documents={} sentences={} failures={}",
            self.sentences as f64 / secs,
            self.bytes as f64 / 1e6 / secs,
            self.threads,
            self.documents,
            self.sentences,
            self.failures
        )
    }

    /// Each stage's share of the single-threaded time, e.g. `read=4.1% furniture=0.9% ...`.
    pub fn stage_line(&self) -> String {
        let total: f64 = self.stage_times.iter().map(|(_, t)| t.as_secs_f64()).sum();
        self.stage_times
            .iter()
            .map(|(name, t)| format!("{name}={:.1}%", 100.0 * t.as_secs_f64() / total.max(1e-9)))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Codes the corpus on `threads` threads (timed as a whole), then once more
/// on one thread stage by stage to attribute the time.
pub fn run_bench(pipeline: &Pipeline, corpus: &BenchCorpus, threads: usize) -> BenchReport {
    let (mut sentences, mut failures) = (0, 0);
    let started = Instant::now();
    let inputs = read_corpus(corpus);
    pipeline.run_many(inputs, threads, |result: Result<Document, PipelineError>| match result {
        Ok(doc) => sentences += doc.sentences.len(),
        Err(_) => failures += 1,
    });
    let elapsed = started.elapsed();

    let mut stage_times: Vec<(&'static str, Duration)> = std::iter::once("read")
        .chain(pipeline.stage_names())
        .map(|name| (name, Duration::ZERO))
        .collect();
    let read_started = Instant::now();
    let docs: Vec<Document> = read_corpus(corpus).filter_map(Result::ok).collect();
    stage_times[0].1 = read_started.elapsed();
    for mut doc in docs {
        let _ = pipeline.run_timed(&mut doc, &mut stage_times[1..]);
    }
    BenchReport {
        threads: threads.max(1),
        documents: corpus.documents,
        sentences,
        bytes: corpus.bytes,
        failures,
        elapsed,
        stage_times,
        peak_rss_mb: peak_rss_mb(),
    }
}

fn read_corpus(corpus: &BenchCorpus) -> impl Iterator<Item = Result<Document, PipelineError>> + '_ {
    parley_text::read_jsonl(Cursor::new(&corpus.jsonl[..]), "bench")
        .map(|read| read.map_err(|err| PipelineError::Input(err.to_string())))
}

/// Peak resident set size (VmHWM) from /proc, in MB; `None` elsewhere.
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_repeats_to_the_minimum_size_with_fresh_ids() {
        let dir = std::env::temp_dir().join(format!("parley-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(dir.join("a.txt"), "Talks\nKyiv met Moscow.\n").expect("write");
        std::fs::write(dir.join("b.html"), "<html><body><p>NATO met.</p></body></html>")
            .expect("write");
        let corpus = BenchCorpus::load(std::slice::from_ref(&dir), 1000).expect("corpus");
        assert!(corpus.bytes >= 1000);
        let docs: Vec<Document> = read_corpus(&corpus).map(|d| d.expect("reads")).collect();
        assert_eq!(docs.len(), corpus.documents);
        let mut ids: Vec<&str> = docs.iter().map(|d| d.meta.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), docs.len(), "repeated documents get distinct ids");
        std::fs::remove_dir_all(&dir).ok();
    }
}
