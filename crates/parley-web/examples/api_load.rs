//! API latency under load: serves a SQLite store of generated events and
//! hits `GET /api/events` with filtered queries from concurrent keep-alive
//! clients over loopback, then prints latency percentiles.
//!
//! ```text
//! cargo run --release -p parley-web --example api_load -- [--events 1000000] \
//!     [--clients 16] [--requests 20000] [--connections 4] [--db PATH]
//! ```
//!
//! The store is generated once (`parley_store::generate_synthetic`) and
//! reused while it holds at least `--events` events. Target: p99 < 50 ms.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use parley_store::{generate_synthetic, Store};
use parley_web::AppState;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

const COUNTRIES: &[&str] = &[
    "RUS", "UKR", "USA", "CHN", "DEU", "FRA", "GBR", "TUR", "IRN", "ISR", "SYR", "IND", "PAK",
    "EGY", "SDN", "POL",
];
const TYPES: &[&str] = &[
    "AGREE", "CONSULT", "SUPPORT", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
    "SANCTION", "ASSAULT",
];

struct Args {
    events: usize,
    clients: usize,
    requests: usize,
    connections: usize,
    db: PathBuf,
}

fn args() -> Args {
    let mut args = Args {
        events: 1_000_000,
        clients: 16,
        requests: 20_000,
        connections: 4,
        db: std::env::temp_dir().join("parley-api-load.db"),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        let number = || {
            value.replace('_', "").parse::<usize>().unwrap_or_else(|_| panic!("{flag}: a number"))
        };
        match flag.as_str() {
            "--events" => args.events = number(),
            "--clients" => args.clients = number().max(1),
            "--requests" => args.requests = number().max(1),
            "--connections" => args.connections = number().max(1),
            "--db" => args.db = PathBuf::from(&value),
            other => panic!("unknown flag {other}"),
        }
    }
    args
}

/// The `i`-th query: a mix of the filters people use (actor, dyad, type,
/// date window; country roots and full codes such as `RUSGOV`).
fn query(i: usize) -> String {
    let mut x = (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x5851_f42d_4c95_7f2d;
    let mut pick = |n: usize| {
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        (x % n as u64) as usize
    };
    let country = COUNTRIES[pick(COUNTRIES.len())];
    let other = COUNTRIES[pick(COUNTRIES.len())];
    let event_type = TYPES[pick(TYPES.len())];
    let year = 2020 + pick(4);
    let month = 1 + pick(12);
    match i % KINDS.len() {
        0 => format!("/api/events?actor={country}&limit=50"),
        1 => format!("/api/events?actor={country}&recipient={other}&limit=50"),
        2 => format!("/api/events?type={event_type}&since={year}-{month:02}-01&limit=50"),
        3 => format!("/api/events?actor={country}&type={event_type}&since={year}-{month:02}-01&until={year}-{month:02}-28&limit=50"),
        4 => format!("/api/events?actor={country}GOV&recipient={other}&type={event_type}&limit=50"),
        5 => format!("/api/events?actor={country}&recipient={other}GOV&type={event_type}&since={year}-{month:02}-01&limit=50"),
        6 => format!("/api/events?recipient={other}&since={year}-{month:02}-01&limit=50"),
        _ => format!("/api/events?actor={country}MIL&recipient={other}MIL&since={year}-{month:02}-01&until={}-12-31&limit=50", year + 1),
    }
}

/// The filter mixes [`query`] cycles through, in order, named for the report.
const KINDS: &[&str] = &[
    "actor",
    "dyad",
    "type+since",
    "actor+type+window",
    "actor+recipient+type",
    "actor+recipient+type+since",
    "recipient+since",
    "actor+recipient codes+window",
];

/// One keep-alive client: sends its share of requests, returns each latency.
async fn client(addr: SocketAddr, ids: Vec<usize>) -> Vec<(usize, Duration)> {
    let stream = TcpStream::connect(addr).await.expect("connect");
    stream.set_nodelay(true).expect("nodelay");
    let mut stream = BufReader::new(stream);
    let mut times = Vec::with_capacity(ids.len());
    let mut body = Vec::new();
    for id in ids {
        let path = query(id);
        let started = Instant::now();
        let request =
            format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: application/json\r\n\r\n");
        stream.get_mut().write_all(request.as_bytes()).await.expect("send");
        let mut line = String::new();
        stream.read_line(&mut line).await.expect("status line");
        assert!(line.starts_with("HTTP/1.1 200"), "{path}: {line}");
        let mut length = 0;
        loop {
            line.clear();
            stream.read_line(&mut line).await.expect("header");
            if line == "\r\n" {
                break;
            }
            if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = value.trim().parse().expect("length");
            }
        }
        body.resize(length, 0);
        stream.read_exact(&mut body).await.expect("body");
        times.push((id, started.elapsed()));
    }
    times
}

fn main() {
    let args = args();
    let have = Store::open(&args.db.to_string_lossy())
        .and_then(|s| s.counts())
        .map(|c| c.events)
        .unwrap_or(0);
    if have < args.events as u64 {
        let _ = std::fs::remove_file(&args.db);
        let mut store = Store::open(&args.db.to_string_lossy()).expect("open store");
        let started = Instant::now();
        generate_synthetic(&mut store, args.events).expect("generate events");
        eprintln!(
            "generated {} events in {:.1}s into {}",
            args.events,
            started.elapsed().as_secs_f64(),
            args.db.display()
        );
    }
    let state = AppState::open(&args.db.to_string_lossy(), args.connections).expect("open state");
    let direct = Store::open(&args.db.to_string_lossy()).expect("open store");
    let events = direct.counts().expect("counts").events;
    // The same kind of queries straight on the store, one at a time: what HTTP and JSON add is the difference.
    let store_only = parley_store::bench_event_queries(&direct, 2000).expect("store queries");
    println!(
        "store only (no HTTP), 1 thread, {events} events: p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        store_only.p50_ms, store_only.p90_ms, store_only.p99_ms, store_only.max_ms
    );
    drop(direct);

    let runtime =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    runtime.block_on(async move {
        let listener = parley_web::bind("127.0.0.1:0".parse().expect("addr")).await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(parley_web::serve_on(listener, state));
        // Warm up: SQLite's page cache and prepared statements.
        client(addr, (0..200).collect()).await;

        let started = Instant::now();
        let tasks: Vec<_> = (0..args.clients)
            .map(|c| {
                let ids: Vec<usize> =
                    (0..args.requests).filter(|i| i % args.clients == c).collect();
                tokio::spawn(client(addr, ids))
            })
            .collect();
        let mut times = Vec::with_capacity(args.requests);
        for task in tasks {
            times.extend(task.await.expect("client"));
        }
        let wall = started.elapsed().as_secs_f64();
        report("all filtered queries", times.iter().map(|t| t.1).collect(), events, &args, wall);
        for (k, name) in KINDS.iter().enumerate() {
            let subset: Vec<Duration> =
                times.iter().filter(|t| t.0 % KINDS.len() == k).map(|t| t.1).collect();
            report(name, subset, events, &args, 0.0);
        }
    });
}

fn report(name: &str, mut times: Vec<Duration>, events: u64, args: &Args, wall: f64) {
    times.sort();
    let pct = |p: f64| {
        let i = ((p * times.len() as f64).ceil() as usize).clamp(1, times.len()) - 1;
        times[i].as_secs_f64() * 1000.0
    };
    let throughput =
        if wall > 0.0 { format!(" {:.0} req/s", times.len() as f64 / wall) } else { String::new() };
    println!(
        "api_load {name}: {} requests, {} clients, {} store connections, {events} events: p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms{throughput}",
        times.len(),
        args.clients,
        args.connections,
        pct(0.50),
        pct(0.95),
        pct(0.99),
        pct(1.0),
    );
}
