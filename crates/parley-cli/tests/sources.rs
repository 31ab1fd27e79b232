//! End-to-end tests of the inputs beyond files: a web archive of the
//! examples codes and ingests to the same events as the files, and
//! `parley watch --once` stores each feed item once across runs.

#[path = "../../parley-sources/tests/server/mod.rs"]
mod server;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use parley_sources::warc::write_record_gz;

fn parley(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parley")).args(args).output().expect("parley runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn example_pages() -> Vec<PathBuf> {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(examples)
        .expect("examples")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    pages
}

/// A gzipped WARC of the example pages, each after its request record.
fn write_examples_warc(path: &Path) {
    let mut out = Vec::new();
    for page in example_pages() {
        let stem = page.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let url = format!("https://www.wire.example/{stem}");
        let html = std::fs::read(&page).expect("page");
        let mut block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n", html.len()).into_bytes();
        block.extend(html);
        let request = format!("GET /{stem} HTTP/1.1\r\n\r\n");
        write_record_gz(
            &mut out,
            &[("WARC-Type", "request"), ("WARC-Target-URI", &url)],
            request.as_bytes(),
        )
        .expect("write");
        let fields = [
            ("WARC-Type", "response"),
            ("WARC-Target-URI", url.as_str()),
            ("WARC-Date", "2025-03-06T08:00:00Z"),
            ("Content-Type", "application/http; msgtype=response"),
        ];
        write_record_gz(&mut out, &fields, &block).expect("write");
    }
    std::fs::write(path, out).expect("write warc");
}

/// Event lines without the fields that name the document.
fn events_without_ids(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| {
            let mut event: serde_json::Value = serde_json::from_str(line).expect("json");
            if let Some(map) = event.as_object_mut() {
                map.remove("doc_id");
            }
            event
        })
        .collect()
}

/// The exported events, without the columns that name documents or times.
fn export_rows(db: &str) -> Vec<String> {
    let output = parley(&["export", "--db", db, "--format", "csv", "--all-modalities"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let mut reader = text.lines();
    let header: Vec<&str> = reader.next().expect("header").split(',').collect();
    let dropped = ["id", "date_added", "source_url", "story_id"];
    reader
        .map(|line| {
            let cells = split_csv(line);
            assert_eq!(cells.len(), header.len(), "{line}");
            header
                .iter()
                .zip(&cells)
                .filter(|(name, _)| !dropped.contains(name))
                .map(|(_, cell)| cell.as_str())
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect()
}

/// One CSV line's cells (quoted cells may hold commas and doubled quotes).
fn split_csv(line: &str) -> Vec<String> {
    let (mut cells, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => cells.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}

#[test]
fn a_warc_of_the_examples_codes_and_ingests_to_the_same_events_as_the_files() {
    let dir = scratch("warc_examples");
    let warc = dir.join("examples.warc.gz");
    write_examples_warc(&warc);
    let pages: Vec<String> =
        example_pages().iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let mut args = vec!["code", "--all"];
    args.extend(pages.iter().map(String::as_str));
    let from_files = parley(&args);
    assert!(from_files.status.success(), "{}", stderr(&from_files));
    let from_warc = parley(&["code", "--all", warc.to_str().expect("path")]);
    assert!(from_warc.status.success(), "{}", stderr(&from_warc));
    let files_events = events_without_ids(&from_files);
    assert!(files_events.len() >= 5, "the pages hold events");
    assert_eq!(events_without_ids(&from_warc), files_events);
    let summary = stderr(&from_warc);
    let pages_read = format!(
        "{} records: {} pages read; skipped {} requests",
        2 * pages.len(),
        pages.len(),
        pages.len()
    );
    assert!(summary.contains(&pages_read), "{summary}");

    let (db_files, db_warc) = (dir.join("files.db"), dir.join("warc.db"));
    let mut args = vec!["ingest", "--db", db_files.to_str().expect("path")];
    args.extend(pages.iter().map(String::as_str));
    let ingested = parley(&args);
    assert!(ingested.status.success(), "{}", stderr(&ingested));
    let ingested =
        parley(&["ingest", "--db", db_warc.to_str().expect("path"), warc.to_str().expect("path")]);
    assert!(ingested.status.success(), "{}", stderr(&ingested));
    assert!(stderr(&ingested).contains(&pages_read), "{}", stderr(&ingested));
    let rows = export_rows(db_files.to_str().expect("path"));
    assert!(!rows.is_empty());
    assert_eq!(export_rows(db_warc.to_str().expect("path")), rows);
}

#[test]
fn watch_once_ingests_every_new_item_once_and_a_second_run_nothing() {
    let server = server::Server::start();
    let base = server.base.clone();
    let mut items = String::new();
    for page in example_pages() {
        let stem = page.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let html = std::fs::read_to_string(&page).expect("page");
        server.route(&format!("/news/{stem}"), server::Route::ok("text/html; charset=utf-8", html));
        items.push_str(&format!(
            "<item><title>{stem}</title><link>{base}/news/{stem}?utm_source=rss</link></item>"
        ));
    }
    let feed = format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>{items}</channel></rss>");
    server.route("/rss", server::Route::ok("application/rss+xml", feed).etag("\"1\""));
    let dir = scratch("watch_once");
    let list = dir.join("feeds.txt");
    std::fs::write(&list, format!("# the test wire\n{base}/rss\n")).expect("write list");
    let db = dir.join("watch.db");
    let args = [
        "watch",
        list.to_str().expect("path"),
        "--once",
        "--host-interval",
        "0.05",
        "--db",
        db.to_str().expect("path"),
    ];
    let first = parley(&args);
    assert!(first.status.success(), "{}", stderr(&first));
    let pages = example_pages().len();
    let expected = format!("1 feeds polled (0 unchanged, 0 failed); items: {pages} new, 0 seen; pages: {pages} fetched, 0 failed; {pages} documents stored");
    assert!(stderr(&first).contains(&expected), "{}", stderr(&first));
    let stored_events = export_rows(db.to_str().expect("path"));
    assert!(!stored_events.is_empty(), "the pages' events are stored");
    let asked = server.requests().len();

    let second = parley(&args);
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(stderr(&second).contains("1 feeds polled (1 unchanged, 0 failed); items: 0 new, 0 seen; pages: 0 fetched, 0 failed; 0 documents stored"), "{}", stderr(&second));
    assert_eq!(server.requests().len(), asked + 1, "only the feed, answered 304");
    assert_eq!(export_rows(db.to_str().expect("path")), stored_events);
}
