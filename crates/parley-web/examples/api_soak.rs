//! The API under a steady load of readers, as an analyst's team would use
//! it: serves an existing store (a real one, of coded documents) and runs
//! `--clients` keep-alive clients for `--seconds` over the endpoints pages
//! call (events with filters, one event, documents, one document, stories,
//! one story, actors, quotes, search, counts), with ids read from the store.
//! The clients take their requests in turn from one shared round robin over
//! the endpoints, so each endpoint gets an equal share of the requests
//! however slow the others are. Prints requests/s, p50/p99 latency, errors
//! (any answer other than 200, or a broken connection), per endpoint its
//! count, share, errors and latency (so the slow ones show), and the
//! process's resident memory before, at its peak and ten seconds after the
//! load.
//!
//! ```text
//! cargo run --release -p parley-web --example api_soak -- --db STORE \
//!     [--clients 16] [--seconds 60] [--connections 4]
//! ```
//!
//! Target (issue #17): on a store of 30,000 documents, 16 clients for 60 s:
//! p99 under 100 ms, no errors, memory back near its start.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parley_store::{EventFilter, Page, Store};
use parley_web::AppState;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

struct Args {
    db: String,
    clients: usize,
    seconds: u64,
    connections: usize,
}

fn args() -> Result<Args, String> {
    let mut args = Args { db: String::new(), clients: 16, seconds: 60, connections: 4 };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = || value.parse::<u64>().map_err(|_| format!("{flag}: a number, not {value}"));
        match flag.as_str() {
            "--db" => args.db = value.clone(),
            "--clients" => args.clients = number()?.max(1) as usize,
            "--seconds" => args.seconds = number()?.max(1),
            "--connections" => args.connections = number()?.max(1) as usize,
            other => return Err(format!("unknown flag {other}")),
        }
    }
    if args.db.is_empty() {
        return Err("--db STORE is required (a store of coded documents)".into());
    }
    Ok(args)
}

/// Ids present in the store, for the detail endpoints, and words to search.
struct Targets {
    events: Vec<i64>,
    documents: Vec<i64>,
    stories: Vec<i64>,
    actors: Vec<String>,
}

fn targets(db: &str) -> Result<Targets, String> {
    let store = Store::open(db).map_err(|e| format!("{db}: {e}"))?;
    let page = Page { limit: 200, offset: 0 };
    let filter = EventFilter { limit: Some(200), ..EventFilter::default() };
    let events = store.events(&filter).map_err(|e| e.to_string())?.events;
    let documents = store.documents(200, 0).map_err(|e| e.to_string())?;
    let stories = store.stories_page(page).map_err(|e| e.to_string())?;
    let actors = store.actors_page(Page { limit: 40, offset: 0 }).map_err(|e| e.to_string())?;
    let targets = Targets {
        events: events.iter().map(|e| e.id).collect(),
        documents: documents.iter().map(|d| d.id).collect(),
        stories: stories.iter().map(|s| s.id).collect(),
        actors: actors.iter().map(|a| a.code.clone()).collect(),
    };
    if targets.events.is_empty() || targets.documents.is_empty() || targets.stories.is_empty() {
        return Err(format!("{db} holds no events, documents or stories: ingest some first"));
    }
    Ok(targets)
}

const SEARCH_WORDS: &[&str] = &["summit", "talks", "sanctions", "ceasefire", "minister", "troops"];
const TYPES: &[&str] = &["AGREE", "CONSULT", "REJECT", "ACCUSE", "ASSAULT", "SUPPORT", "REQUEST"];

/// The endpoint kinds, in the order [`path`] cycles through them: the
/// `i`-th request is of kind `i % KINDS.len()`. The clients share one
/// counter `i` (see [`client`]), so the kinds come in strict turn across
/// all of them.
const KINDS: [&str; 12] = [
    "events?actor",
    "events?type",
    "events/{id}",
    "documents",
    "documents/{id}",
    "stories",
    "stories/{id}",
    "actors",
    "quotes",
    "search",
    "counts",
    "events?actor&since",
];

/// The `i`-th request path: the endpoints in turn, over the store's ids.
fn path(i: usize, t: &Targets) -> String {
    let pick = |n: usize| (i.wrapping_mul(2_654_435_761) >> 4) % n.max(1);
    let actor = t.actors.get(pick(t.actors.len())).map_or("RUS", String::as_str);
    match i % KINDS.len() {
        0 => format!("/api/events?actor={actor}&limit=50"),
        1 => format!("/api/events?type={}&limit=50", TYPES[pick(TYPES.len())]),
        2 => format!("/api/events/{}", t.events[pick(t.events.len())]),
        3 => "/api/documents?limit=50".to_string(),
        4 => format!("/api/documents/{}", t.documents[pick(t.documents.len())]),
        5 => "/api/stories?limit=50".to_string(),
        6 => format!("/api/stories/{}", t.stories[pick(t.stories.len())]),
        7 => "/api/actors?limit=50".to_string(),
        8 => "/api/quotes?limit=50".to_string(),
        9 => format!("/api/search?q={}&limit=20", SEARCH_WORDS[pick(SEARCH_WORDS.len())]),
        10 => "/api/counts".to_string(),
        _ => format!("/api/events?actor={actor}&since=2024-01-01&limit=50"),
    }
}

#[derive(Default)]
struct ClientResult {
    /// Each answered request's kind (an index into [`KINDS`]) and time.
    times: Vec<(usize, Duration)>,
    /// Each error, with the kind of the request it hit (none for a
    /// connection that failed before any request).
    errors: Vec<(Option<usize>, String)>,
}

/// One keep-alive client: requests until `stop`, reconnecting after an
/// error. Each request is the next of the shared counter `next`. Had each
/// client walked a stride of its own (`c, c + clients, ...`), it would see
/// only the kinds congruent to `c` modulo `gcd(clients, KINDS.len())`: the
/// clients tied to slow endpoints would send fewer requests, and the fast
/// endpoints would get more than their share.
async fn client(
    addr: SocketAddr,
    next: Arc<AtomicUsize>,
    t: Arc<Targets>,
    stop: Arc<AtomicBool>,
) -> ClientResult {
    let mut result = ClientResult::default();
    while !stop.load(Ordering::Relaxed) {
        let Ok(stream) = TcpStream::connect(addr).await else {
            result.errors.push((None, "connect failed".into()));
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        let _ = stream.set_nodelay(true);
        let mut stream = BufReader::new(stream);
        while !stop.load(Ordering::Relaxed) {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let path = path(i, &t);
            let kind = i % KINDS.len();
            let started = Instant::now();
            match request(&mut stream, addr, &path).await {
                Ok(200) => result.times.push((kind, started.elapsed())),
                Ok(status) => {
                    result.times.push((kind, started.elapsed()));
                    result.errors.push((Some(kind), format!("{path}: status {status}")));
                }
                Err(err) => {
                    result.errors.push((Some(kind), format!("{path}: {err}")));
                    break;
                }
            }
        }
    }
    result
}

async fn request(
    stream: &mut BufReader<TcpStream>,
    addr: SocketAddr,
    path: &str,
) -> std::io::Result<u16> {
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: application/json\r\n\r\n");
    stream.get_mut().write_all(request.as_bytes()).await?;
    let mut line = String::new();
    stream.read_line(&mut line).await?;
    let status = line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut length = 0;
    loop {
        line.clear();
        if stream.read_line(&mut line).await? == 0 {
            return Err(std::io::Error::other("connection closed in headers"));
        }
        if line == "\r\n" {
            break;
        }
        if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    stream.read_exact(&mut body).await?;
    Ok(status)
}

/// Count and latency percentiles of some requests, in milliseconds.
struct Latency {
    count: usize,
    p50: f64,
    p99: f64,
    max: f64,
}

impl Latency {
    fn of(mut times: Vec<Duration>) -> Latency {
        times.sort();
        // The nearest-rank percentile: the smallest time at least `p` of
        // the requests took no longer than.
        let pct = |p: f64| {
            let i = ((p * times.len() as f64).ceil() as usize).clamp(1, times.len().max(1)) - 1;
            times.get(i).map_or(0.0, |t| t.as_secs_f64() * 1000.0)
        };
        Latency { count: times.len(), p50: pct(0.50), p99: pct(0.99), max: pct(1.0) }
    }
}

/// Resident memory of this process, in MB (Linux).
fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() -> std::process::ExitCode {
    let args = match args() {
        Ok(args) => args,
        Err(err) => {
            eprintln!("api_soak: {err}");
            return std::process::ExitCode::from(2);
        }
    };
    let targets = match targets(&args.db) {
        Ok(t) => Arc::new(t),
        Err(err) => {
            eprintln!("api_soak: {err}");
            return std::process::ExitCode::from(2);
        }
    };
    let state = match AppState::open(&args.db, args.connections) {
        Ok(state) => state,
        Err(err) => {
            eprintln!("api_soak: {}: {err}", args.db);
            return std::process::ExitCode::from(2);
        }
    };
    let documents =
        Store::open(&args.db).and_then(|s| s.counts()).map(|c| c.documents).unwrap_or(0);
    let runtime =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    let ok = runtime.block_on(async move {
        let listener = parley_web::bind("127.0.0.1:0".parse().expect("addr")).await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(parley_web::serve_on(listener, state));
        // Warm up (page cache, prepared statements), then take the baseline.
        let stop = Arc::new(AtomicBool::new(false));
        let warm_next = Arc::new(AtomicUsize::new(0));
        let warm = tokio::spawn(client(addr, warm_next, targets.clone(), stop.clone()));
        tokio::time::sleep(Duration::from_secs(2)).await;
        stop.store(true, Ordering::Relaxed);
        let _ = warm.await;
        let start_rss = rss_mb();

        let stop = Arc::new(AtomicBool::new(false));
        let peak = Arc::new(AtomicU64::new(start_rss as u64));
        let sampler = {
            let (stop, peak) = (stop.clone(), peak.clone());
            tokio::spawn(async move {
                while !stop.load(Ordering::Relaxed) {
                    peak.fetch_max(rss_mb() as u64, Ordering::Relaxed);
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            })
        };
        let started = Instant::now();
        let next = Arc::new(AtomicUsize::new(0));
        let tasks: Vec<_> = (0..args.clients)
            .map(|_| tokio::spawn(client(addr, next.clone(), targets.clone(), stop.clone())))
            .collect();
        tokio::time::sleep(Duration::from_secs(args.seconds)).await;
        stop.store(true, Ordering::Relaxed);
        let mut times = Vec::new();
        let mut errors = Vec::new();
        for task in tasks {
            if let Ok(r) = task.await {
                times.extend(r.times);
                errors.extend(r.errors);
            }
        }
        let wall = started.elapsed().as_secs_f64();
        let _ = sampler.await;
        tokio::time::sleep(Duration::from_secs(10)).await;
        let after_rss = rss_mb();

        let all: Vec<Duration> = times.iter().map(|(_, t)| *t).collect();
        let overall = Latency::of(all);
        println!(
            "api_soak: {documents} documents, {} clients, {:.0} s: {} requests, {:.0} req/s, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms, errors {}",
            args.clients,
            wall,
            overall.count,
            overall.count as f64 / wall,
            overall.p50,
            overall.p99,
            overall.max,
            errors.len()
        );
        for (k, name) in KINDS.iter().enumerate() {
            let of_kind = times.iter().filter(|(kind, _)| *kind == k).map(|(_, t)| *t).collect();
            let l = Latency::of(of_kind);
            let failed = errors.iter().filter(|(kind, _)| *kind == Some(k)).count();
            let share = 100.0 * l.count as f64 / overall.count.max(1) as f64;
            println!(
                "api_soak:   {name:<20} {:>7} requests ({share:>4.1}%), {failed} errors, p50 {:>7.2} ms, p99 {:>7.2} ms, max {:>7.2} ms",
                l.count, l.p50, l.p99, l.max
            );
        }
        println!(
            "api_soak: resident memory {:.0} MB before, {} MB at peak, {:.0} MB 10 s after",
            start_rss,
            peak.load(Ordering::Relaxed),
            after_rss
        );
        for (_, err) in errors.iter().take(10) {
            println!("api_soak: error: {err}");
        }
        errors.is_empty()
    });
    if ok {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::from(1)
    }
}
