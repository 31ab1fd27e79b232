//! `Watcher` against a local HTTP server the test starts: feeds that
//! change between polls, 304s honoured, 404s, a response slower than the
//! timeout, malformed XML, a feed read from a file, pages that name one
//! canonical address, and a restart that fetches nothing twice.

mod server;

use std::time::Duration;

use parley_sources::{FetchConfig, PollSummary, Watcher};
use parley_store::Store;
use server::{Route, Server};

fn page(title: &str, canonical: Option<&str>) -> Route {
    let link =
        canonical.map(|c| format!("<link rel=\"canonical\" href=\"{c}\">")).unwrap_or_default();
    Route::ok(
        "text/html; charset=utf-8",
        format!(
            "<html><head><title>{title}</title>{link}<meta property=\"article:published_time\" content=\"2025-03-04T10:00:00Z\"></head>\
             <body><h1>{title}</h1><p>Delegates from both sides met in Geneva on Monday to resume talks on a ceasefire, officials said.</p></body></html>"
        ),
    )
}

fn rss(items: &[&str]) -> String {
    let items: String = items
        .iter()
        .map(|link| format!("<item><title>{link}</title><link>{link}</link><pubDate>Tue, 04 Mar 2025 11:20:00 GMT</pubDate></item>"))
        .collect();
    format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>{items}</channel></rss>")
}

fn config() -> FetchConfig {
    FetchConfig {
        timeout: Duration::from_millis(700),
        per_host_interval: Duration::from_millis(150),
        ..FetchConfig::default()
    }
}

fn poll(watcher: &mut Watcher, feeds: &[String], store: &mut Store) -> PollSummary {
    let mut coded = 0;
    let mut code = |_doc: &mut parley_doc::Document| {
        coded += 1;
        Ok(())
    };
    let summary = watcher.poll(feeds, store, &mut code, &mut |_| {}).expect("poll");
    assert_eq!(coded, summary.documents_stored, "every stored page was coded once");
    summary
}

#[test]
fn polls_store_each_item_once_across_changes_and_restarts() {
    let server = Server::start();
    let base = server.base.clone();
    let a = format!("{base}/world/a?utm_source=rss");
    let b = format!("{base}/world/b");
    server.route("/world/a", page("Talks resume in Geneva", None));
    server.route("/world/b", page("Envoys meet", Some("/world/b")));
    server.route("/feed.xml", Route::ok("application/rss+xml", rss(&[&a, &b])).etag("\"v1\""));
    let feeds = vec![format!("{base}/feed.xml")];
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("watch.db").to_string_lossy().into_owned();
    let mut store = Store::open(&db).expect("store");
    let mut watcher = Watcher::new(config());

    let first = poll(&mut watcher, &feeds, &mut store);
    assert_eq!(
        (first.items_new, first.pages_fetched, first.documents_stored),
        (2, 2, 2),
        "{first:?}"
    );
    assert!(first.failures.is_empty(), "{first:?}");

    // Unchanged: the server answers 304 to the stored ETag; no page is asked for.
    let before = server.requests().len();
    let second = poll(&mut watcher, &feeds, &mut store);
    assert_eq!(
        (second.feeds_unchanged, second.items_new, second.pages_fetched),
        (1, 0, 0),
        "{second:?}"
    );
    let asked = server.requests();
    assert_eq!(asked.len(), before + 1);
    assert_eq!(asked.last().and_then(|r| r.if_none_match.clone()).as_deref(), Some("\"v1\""));

    // Changed: one new item, one old item under another tracking link, and
    // one whose page names an already stored page as canonical.
    let c = format!("{base}/world/c");
    let a_again = format!("{base}/world/a?utm_medium=email#comments");
    let b_amp = format!("{base}/amp/b");
    server.route("/world/c", page("Sanctions vote", None));
    server.route("/amp/b", page("Envoys meet", Some("/world/b")));
    server.route(
        "/feed.xml",
        Route::ok("application/rss+xml", rss(&[&c, &a_again, &b_amp])).etag("\"v2\""),
    );
    let third = poll(&mut watcher, &feeds, &mut store);
    assert_eq!(
        (third.items_new, third.items_seen),
        (1, 2),
        "the tracking link and the AMP copy: {third:?}"
    );
    assert_eq!(third.documents_stored, 1, "{third:?}");
    assert_eq!(store.counts().expect("counts").documents, 3);

    // A restart (new watcher, store reopened) fetches nothing twice.
    drop(store);
    let mut store = Store::open(&db).expect("reopen");
    let mut watcher = Watcher::new(config());
    let before = server.requests().len();
    let fourth = poll(&mut watcher, &feeds, &mut store);
    assert_eq!(
        (fourth.feeds_unchanged, fourth.pages_fetched, fourth.documents_stored),
        (1, 0, 0),
        "{fourth:?}"
    );
    assert_eq!(server.requests().len(), before + 1, "only the feed, answered 304");

    // Every request named parley and its version.
    for request in server.requests() {
        assert!(request.user_agent.starts_with("parley/"), "{:?}", request.user_agent);
    }
}

#[test]
fn failing_feeds_and_pages_are_reported_by_address_and_the_rest_go_on() {
    let server = Server::start();
    let base = server.base.clone();
    let good = format!("{base}/world/good");
    let missing = format!("{base}/world/missing");
    let slow = format!("{base}/world/slow");
    server.route("/world/good", page("Talks resume", None));
    server.route("/world/slow", page("Slow page", None).delay(Duration::from_millis(2500)));
    server.route("/feed.xml", Route::ok("application/rss+xml", rss(&[&missing, &slow, &good])));
    server.route(
        "/broken.xml",
        Route::ok("application/rss+xml", "<rss><channel><item><title>cut".to_string()),
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let local = dir.path().join("local.xml");
    let local_page = format!("{base}/world/local");
    server.route("/world/local", page("Local feed item", None));
    std::fs::write(&local, rss(&[&local_page])).expect("write local feed");
    let feeds = vec![
        format!("{base}/gone.xml"),
        format!("{base}/broken.xml"),
        format!("{base}/feed.xml"),
        local.to_string_lossy().into_owned(),
    ];
    let mut store = Store::open(":memory:").expect("store");
    let mut watcher = Watcher::new(config());
    let summary = poll(&mut watcher, &feeds, &mut store);
    assert_eq!(summary.feeds, 4);
    assert_eq!(summary.feeds_failed, 2, "{summary:?}");
    assert_eq!(summary.pages_failed, 2, "{summary:?}");
    assert_eq!(summary.documents_stored, 2, "the good page and the local feed's: {summary:?}");
    let failures = summary.failures.join("\n");
    assert!(failures.contains(&format!("{base}/gone.xml: HTTP 404")), "{failures}");
    assert!(failures.contains(&format!("{base}/broken.xml: not a feed")), "{failures}");
    assert!(failures.contains(&format!("{missing}: HTTP 404")), "{failures}");
    assert!(
        failures.contains(&format!("{slow}: ")) && failures.to_lowercase().contains("timeout"),
        "{failures}"
    );
    // Failed pages are not marked seen: the next poll tries them again.
    server.route("/world/missing", page("Found later", None));
    let again = poll(&mut watcher, &feeds, &mut store);
    assert_eq!(again.documents_stored, 1, "{again:?}");
}

#[test]
fn requests_to_one_host_are_spaced() {
    let server = Server::start();
    let base = server.base.clone();
    let links: Vec<String> = (0..3).map(|i| format!("{base}/p/{i}")).collect();
    for i in 0..3 {
        server.route(&format!("/p/{i}"), page(&format!("Page {i}"), None));
    }
    let refs: Vec<&str> = links.iter().map(String::as_str).collect();
    server.route("/feed.xml", Route::ok("application/rss+xml", rss(&refs)));
    let mut store = Store::open(":memory:").expect("store");
    let mut watcher =
        Watcher::new(FetchConfig { per_host_interval: Duration::from_millis(300), ..config() });
    poll(&mut watcher, &[format!("{base}/feed.xml")], &mut store);
    let times: Vec<_> = server.requests().iter().map(|r| r.at).collect();
    assert_eq!(times.len(), 4);
    for pair in times.windows(2) {
        assert!(pair[1] - pair[0] >= Duration::from_millis(280), "{:?}", pair[1] - pair[0]);
    }
}
