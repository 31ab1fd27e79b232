//! Incremental placement on a large store (not a test): builds a SQLite
//! store of coded documents (the fixtures' varied stories: new ids,
//! outlets, pairs of countries and dates over six years), then times
//! storing one new document, re-ingesting with nothing new, two writers
//! at once, and a full rebuild.
//!
//! ```text
//! cargo run --release -p parley-store --example incremental_bench -- [DOCS] [DB]
//! ```
//! Defaults: 30 000 documents, a temporary file. Given a DB path that
//! exists, its store is reused (only the documents missing are added).
//! `PARLEY_BENCH_NO_REBUILD=1` leaves out the full rebuild at the end.

#[path = "../tests/fixtures/mod.rs"]
mod fixtures;

use std::time::Instant;

use parley_doc::Document;
use parley_store::Store;

/// xorshift64*: deterministic, so runs are comparable.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n as u64) as usize
    }
}

/// Documents of `stories` varied stories (three articles each), tagged `tag`.
fn corpus(tag: &str, stories: usize, seed: u64) -> Vec<Document> {
    let mut rng = Rng(seed);
    let n = fixtures::COUNTRIES.len();
    let start = parley_store::merge::days_from_iso("2019-01-01").unwrap_or(0);
    let mut out = Vec::with_capacity(stories * 3);
    for s in 0..stories {
        let a = rng.below(n);
        let b = (a + 1 + rng.below(n - 1)) % n;
        let date = parley_store::merge::iso_from_days(start + rng.below(6 * 365) as i64);
        // The fixture adds up to two days to the day of the month.
        let date = if &date[8..] > "26" { format!("{}26", &date[..8]) } else { date };
        let pair = (fixtures::COUNTRIES[a], fixtures::COUNTRIES[b]);
        for mut d in fixtures::pair_story(&format!("{tag}{s}"), pair.0, pair.1, &date) {
            d.meta.source = Some(format!("Outlet {}", rng.below(50)));
            d.meta.origin = format!("bench/{}.txt", d.meta.id);
            out.push(d);
        }
    }
    out
}

/// CPU time (user and system) of the calling thread so far, where the
/// system reports it (Linux: `/proc/thread-self/schedstat`, nanoseconds):
/// on a busy machine wall time counts other processes' turns.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |nanos| nanos / 1e9)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n_docs: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(30_000);
    let dir = tempfile::tempdir()?;
    let path = match args.get(1) {
        Some(p) => p.clone(),
        None => dir.path().join("incremental.db").to_string_lossy().into_owned(),
    };
    let docs = corpus("s", n_docs.div_ceil(3), 0x9e37_79b9_7f4a_7c15);
    let mut store = Store::open(&path)?;
    let stored = store.content_hashes()?;
    let missing: Vec<&Document> =
        docs.iter().filter(|d| !stored.contains(&parley_store::content_hash(d))).collect();
    let t = Instant::now();
    let cpu = cpu_seconds();
    for (i, d) in missing.iter().enumerate() {
        store.ingest(d)?;
        if (i + 1) % 5000 == 0 {
            eprintln!("  {} documents stored, {:.0} s", i + 1, t.elapsed().as_secs_f64());
        }
    }
    let counts = store.counts()?;
    println!(
        "build: {} new documents in {:.1} s wall, {:.1} s CPU ({:.0} documents/s); store holds {} documents, {} events from {} reports, {} stories",
        missing.len(),
        t.elapsed().as_secs_f64(),
        cpu_seconds() - cpu,
        missing.len() as f64 / t.elapsed().as_secs_f64().max(1e-9),
        counts.documents,
        counts.events,
        counts.reports,
        counts.stories
    );

    // One new document at a time, twenty times.
    let fresh = corpus(&format!("new{}-", counts.documents), 7, counts.documents as u64 + 17);
    let (mut times, mut cpu_times): (Vec<f64>, Vec<f64>) = (Vec::new(), Vec::new());
    for d in fresh.iter().take(20) {
        let (t, cpu) = (Instant::now(), cpu_seconds());
        store.ingest(d)?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        cpu_times.push((cpu_seconds() - cpu) * 1000.0);
    }
    let first = times[0];
    times.sort_by(f64::total_cmp);
    cpu_times.sort_by(f64::total_cmp);
    println!(
        "one new document into {} documents: first {first:.1} ms, p50 {:.1} ms, p90 {:.1} ms, max {:.1} ms over {} (CPU p50 {:.1} ms)",
        counts.documents,
        percentile(&times, 0.5),
        percentile(&times, 0.9),
        times[times.len() - 1],
        times.len(),
        percentile(&cpu_times, 0.5)
    );

    // Nothing new: every document's content hash is stored.
    let t = Instant::now();
    let hashes = store.content_hashes()?;
    let skipped = docs.iter().filter(|d| hashes.contains(&parley_store::content_hash(d))).count();
    println!(
        "re-ingest, nothing new (the CLI's skip by content hash): {skipped} of {} documents skipped in {:.2} s",
        docs.len(),
        t.elapsed().as_secs_f64()
    );
    let (t, cpu) = (Instant::now(), cpu_seconds());
    for d in &docs {
        store.ingest(d)?;
    }
    println!(
        "re-ingest, nothing new (Store::ingest per document): {} documents in {:.2} s wall, {:.2} s CPU",
        docs.len(),
        t.elapsed().as_secs_f64(),
        cpu_seconds() - cpu
    );
    drop(store);

    // Two writers at once, each with its own connection and input.
    let halves = [
        corpus(&format!("w1-{}-", counts.documents), 100, 3),
        corpus(&format!("w2-{}-", counts.documents), 100, 5),
    ];
    let t = Instant::now();
    let writers: Vec<_> = halves
        .into_iter()
        .map(|half| {
            let path = path.clone();
            std::thread::spawn(move || -> Result<f64, String> {
                let mut store = Store::open(&path).map_err(|e| e.to_string())?;
                let t = Instant::now();
                for d in &half {
                    store.ingest(d).map_err(|e| e.to_string())?;
                }
                Ok(t.elapsed().as_secs_f64())
            })
        })
        .collect();
    let mut each = Vec::new();
    for w in writers {
        each.push(w.join().map_err(|_| "writer panicked")??);
    }
    println!(
        "two concurrent writers, 300 new documents each: both finished, {:.1} s and {:.1} s; {:.1} s wall = {:.1} ms per document",
        each[0],
        each[1],
        t.elapsed().as_secs_f64(),
        t.elapsed().as_secs_f64() * 1000.0 / 600.0
    );

    let mut store = Store::open(&path)?;
    if std::env::var_os("PARLEY_BENCH_NO_REBUILD").is_some() {
        return Ok(());
    }
    let (t, cpu) = (Instant::now(), cpu_seconds());
    let stories = store.rebuild_stories()?;
    let counts = store.counts()?;
    println!(
        "full rebuild (parley rebuild): {} documents, {} events, {stories} stories in {:.1} s wall, {:.1} s CPU",
        counts.documents,
        counts.events,
        t.elapsed().as_secs_f64(),
        cpu_seconds() - cpu
    );
    let largest = store.stories_page(parley_store::Page { limit: 1, offset: 0 })?;
    if let Some(s) = largest.first() {
        println!(
            "largest story: {} documents, {} events, {} .. {}",
            s.num_documents,
            s.num_events,
            s.first_date.as_deref().unwrap_or(""),
            s.last_date.as_deref().unwrap_or("")
        );
    }
    Ok(())
}
