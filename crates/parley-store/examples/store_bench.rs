//! Store benchmarks (not tests): ingest speed into SQLite (the store's
//! share: documents already coded) and filtered-event query latency on
//! synthetic events.
//!
//! ```text
//! cargo run --release -p parley-store --example store_bench -- [DOCS] [EVENTS] [QUERIES]
//! ```
//! Defaults: 5000 documents, 1 000 000 events, 2000 queries. Set
//! `PARLEY_BENCH_POSTGRES=postgres://...` to run the query part on PostgreSQL too.

#[path = "../tests/fixtures/mod.rs"]
mod fixtures;

use std::time::Instant;

use parley_doc::{Document, Span};
use parley_store::Store;

/// An article-sized document (27 sentences, 24 events) built from the fixtures.
fn article(i: usize) -> Document {
    let parts = fixtures::crisis();
    let mut text = String::new();
    let mut doc = Document::default();
    for round in 0..3 {
        for p in &parts {
            let offset = text.len();
            let sentence_base = doc.sentences.len() as u32;
            let mention_base = doc.mentions.len();
            text.push_str(&p.text);
            text.push(' ');
            let shift = |s: Span| Span::new_unchecked(s.start + offset, s.end + offset);
            for s in &p.sentences {
                let mut s = s.clone();
                s.span = shift(s.span);
                doc.sentences.push(s);
            }
            for m in &p.mentions {
                let mut m = m.clone();
                m.span = shift(m.span);
                m.sentence.0 += sentence_base;
                doc.mentions.push(m);
            }
            for e in &p.events {
                let mut e = e.clone();
                e.sentence.0 += sentence_base;
                e.trigger.span = shift(e.trigger.span);
                for party in [&mut e.actor, &mut e.recipient, &mut e.speaker].into_iter().flatten()
                {
                    party.span = shift(party.span);
                    party.mention = party.mention.map(|m| m + mention_base);
                }
                e.quote = e.quote.map(shift);
                doc.events.push(e);
            }
            let _ = round;
        }
    }
    doc.text = text;
    doc.meta = parts[i % parts.len()].meta.clone();
    doc.meta.id = format!("article-{i}");
    doc.meta.origin = format!("bench/{i}.txt");
    doc
}

/// CPU time (user and system) of the calling thread so far, where the
/// system reports it (Linux: `/proc/thread-self/schedstat`, nanoseconds).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let n_docs = args.first().copied().unwrap_or(5000);
    let n_events = args.get(1).copied().unwrap_or(1_000_000);
    let n_queries = args.get(2).copied().unwrap_or(2000);
    let dir = tempfile::tempdir()?;

    // Ingest.
    let docs: Vec<Document> = (0..n_docs).map(article).collect();
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let path = dir.path().join("ingest.db");
    let mut store = Store::open(&path.to_string_lossy())?;
    let t = Instant::now();
    let cpu = cpu_seconds();
    for d in &docs {
        store.ingest(d)?;
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "ingest (sqlite): {n_docs} documents, {sentences} sentences, {:.1} MB in {secs:.2} s = {:.0} documents/s, {:.0} sentences/s, {:.2} MB/s",
        bytes as f64 / 1e6,
        n_docs as f64 / secs,
        sentences as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
    if let (Some(before), Some(after)) = (cpu, cpu_seconds()) {
        // On a busy machine wall time counts other processes' turns; CPU time does not.
        println!(
            "ingest (sqlite), CPU time of the ingesting thread: {:.2} s = {:.0} documents per CPU-second",
            after - before,
            n_docs as f64 / (after - before)
        );
    }
    let t = Instant::now();
    for d in &docs {
        store.ingest(d)?;
    }
    println!(
        "re-ingest (all unchanged): {:.0} documents/s",
        n_docs as f64 / t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let stories = store.rebuild_stories()?;
    println!(
        "rebuild_stories: {} events, {stories} stories in {:.2} s",
        store.counts()?.events,
        t.elapsed().as_secs_f64()
    );
    drop(store);

    // Query latency on synthetic events.
    let mut targets = vec![dir.path().join("events.db").to_string_lossy().into_owned()];
    if let Ok(url) = std::env::var("PARLEY_BENCH_POSTGRES") {
        targets.push(url);
    }
    for target in targets {
        let mut store = Store::open(&target)?;
        let t = Instant::now();
        parley_store::generate_synthetic(&mut store, n_events)?;
        println!(
            "generate_synthetic ({}): {n_events} events in {:.1} s",
            store.backend(),
            t.elapsed().as_secs_f64()
        );
        let lat = parley_store::bench_event_queries(&store, n_queries)?;
        println!(
            "filtered events query ({}, {} events, page of 50): {} queries, p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms, {:.1} rows/query",
            store.backend(),
            store.counts()?.events,
            lat.queries,
            lat.p50_ms,
            lat.p90_ms,
            lat.p99_ms,
            lat.max_ms,
            lat.mean_rows
        );
    }
    Ok(())
}
