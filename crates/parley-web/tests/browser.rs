//! The story page in headless Chromium, on the shipped example articles
//! coded by the real pipeline: the timeline and the network render, and
//! clicking an event shows its evidence sentence with highlights.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`/usr/bin/chromium`,
//! `/usr/bin/chromedriver`; override with `PARLEY_CHROMIUM` and
//! `PARLEY_CHROMEDRIVER`). Without them the test fails, saying so: it never
//! passes without having looked at the page. `PARLEY_SCREENSHOT=path.png`
//! saves a picture of the story page.

mod webdriver;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use parley_pipeline::{Stages, StandardConfig, StandardPipeline};
use parley_store::Store;
use parley_web::AppState;
use serde_json::json;

use webdriver::Driver;

fn tool(var: &str, default: &str, package: &str) -> PathBuf {
    let path = PathBuf::from(std::env::var_os(var).unwrap_or_else(|| default.into()));
    assert!(
        path.exists(),
        "browser test: {} not found. Install Debian's {package} (`apt-get install -y chromium chromium-driver`) \
         or set {var} to its path.",
        path.display()
    );
    path
}

/// The shipped examples, coded by the standard pipeline and stored.
fn example_store() -> (Store, i64) {
    let config = StandardConfig {
        syntax_model: Some(parley_syntax::SyntaxModel::embedded().expect("embedded syntax model")),
        actors: Some(parley_actors::ActorDictionary::embedded().expect("embedded actors")),
        events: Some(Arc::new(parley_events::EventLexicon::embedded().expect("embedded lexicon"))),
        ..StandardConfig::default()
    };
    let pipeline = StandardPipeline::build(&config, Stages::Events).expect("pipeline");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut store = Store::open(":memory:").expect("store");
    let mut events = 0;
    for doc in parley_text::read_inputs(&[examples]) {
        let mut doc = doc.expect("example reads");
        pipeline.run(&mut doc).expect("example codes");
        events += doc.events.len();
        store.ingest(&doc).expect("example stores");
    }
    assert!(events > 0, "the examples code to events");
    store.rebuild_stories().expect("stories");
    // The story with the most events makes the richest page.
    let stories = store.stories().expect("stories");
    let story = stories.iter().max_by_key(|s| (s.num_events, -s.id)).expect("a story");
    assert!(story.num_events > 0, "the chosen story has events: {story:?}");
    (store, story.id)
}

#[test]
fn story_page_renders_timeline_network_and_evidence() {
    let chromium = tool("PARLEY_CHROMIUM", "/usr/bin/chromium", "chromium");
    let chromedriver = tool("PARLEY_CHROMEDRIVER", "/usr/bin/chromedriver", "chromium-driver");
    let (store, story) = example_store();

    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let listener =
        runtime.block_on(parley_web::bind("127.0.0.1:0".parse().expect("addr"))).expect("bind");
    let addr = listener.local_addr().expect("local addr");
    runtime.spawn(parley_web::serve_on(listener, AppState::new(store)));
    let base = format!("http://{addr}");

    let profile = std::env::temp_dir().join(format!("parley-web-chromium-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&profile);
    let driver = Driver::start(&chromedriver);
    let browser = driver.session(&chromium, &profile);
    let patience = Duration::from_secs(20);

    // The start page lists the story.
    browser.goto(&format!("{base}/"));
    browser.wait_for(
        "the story list",
        &format!(
            "return document.querySelector('#story-list a[href=\"/story/{story}\"]') !== null;"
        ),
        patience,
    );

    // The story page: timeline marks and network nodes are drawn.
    browser.goto(&format!("{base}/story/{story}"));
    browser.wait_for(
        "the story to load",
        "return document.body.dataset.ready === 'true';",
        patience,
    );
    let marks =
        browser.eval("return document.querySelectorAll('#timeline-svg .mark').length;", json!([]));
    let nodes =
        browser.eval("return document.querySelectorAll('#network-svg .node').length;", json!([]));
    let edges =
        browser.eval("return document.querySelectorAll('#network-svg .edge').length;", json!([]));
    let rows = browser
        .eval("return document.querySelectorAll('#events-table tr.event').length;", json!([]));
    assert!(marks.as_u64().unwrap_or(0) > 0, "timeline marks: {marks}");
    assert!(nodes.as_u64().unwrap_or(0) >= 2, "network nodes: {nodes}");
    assert!(edges.as_u64().unwrap_or(0) >= 1, "network edges: {edges}");
    assert!(rows.as_u64().unwrap_or(0) > 0, "event rows: {rows}");
    // Marks sit inside the chart, and nodes were laid out apart (no NaN, no pile-up).
    let spread = browser.eval(
        "const pts = [...document.querySelectorAll('#network-svg .node')].map(n => n.getBoundingClientRect());\
         const xs = new Set(pts.map(p => Math.round(p.x / 5)));\
         return pts.every(p => Number.isFinite(p.x) && p.width > 0) && xs.size > 1;",
        json!([]),
    );
    assert_eq!(spread, json!(true), "network nodes are laid out");

    // Clicking a timeline mark opens its evidence: the sentence with the trigger highlighted.
    let mark = browser.find("#timeline-svg .mark");
    browser.click(&mark);
    let trigger = browser.wait_for(
        "the evidence of the clicked event",
        "const m = document.querySelector('#evidence .sentence mark.trigger'); return m ? m.textContent : null;",
        patience,
    );
    let evidence = browser.eval(
        "const e = document.querySelector('#evidence');\
         return {sentence: e.querySelector('.sentence').textContent, outlets: e.querySelector('.outlets').textContent,\
                 marks: [...e.querySelectorAll('.sentence mark')].map(m => m.className)};",
        json!([]),
    );
    let sentence = evidence["sentence"].as_str().expect("sentence text");
    assert!(sentence.contains(trigger.as_str().expect("trigger text")), "{evidence}");
    assert!(
        evidence["outlets"].as_str().is_some_and(|o| o.starts_with("Reported by")),
        "{evidence}"
    );
    let selected = browser.eval("return document.querySelectorAll('#timeline-svg .mark.selected, #events-table tr.selected').length;", json!([]));
    assert_eq!(selected, json!(2), "the mark and its table row are selected");

    // Clicking a table row with both an actor and a recipient shows all three highlights.
    let row = browser.eval(
        "const r = [...document.querySelectorAll('#events-table tr.event')]\
           .find(r => r.children[2].textContent !== '—' && r.children[3].textContent !== '—');\
         return r ? r.dataset.event : null;",
        json!([]),
    );
    if let Some(id) = row.as_str() {
        let element = browser.find(&format!("#events-table tr[data-event=\"{id}\"]"));
        browser.click(&element);
        let classes = browser.wait_for(
            "actor, trigger and recipient highlights",
            "const ms = [...document.querySelectorAll('#evidence .report:first-of-type .sentence mark')].map(m => m.className);\
             return ms.includes('actor') && ms.includes('trigger') && ms.includes('recipient') ? ms : null;",
            patience,
        );
        assert!(classes.as_array().is_some_and(|c| c.len() >= 3), "{classes}");
    }

    // A network node filters the table to its actor.
    let node = browser.find("#network-svg .node");
    browser.click(&node);
    let filtered = browser.wait_for(
        "the table filtered by an actor",
        "return document.querySelector('#events-filter').textContent.includes('involving');",
        patience,
    );
    assert_eq!(filtered, json!(true));

    if let Some(path) = std::env::var_os("PARLEY_SCREENSHOT") {
        browser.set_window(1400, 1900);
        browser.goto(&format!("{base}/story/{story}"));
        browser.wait_for(
            "the story to load",
            "return document.body.dataset.ready === 'true';",
            patience,
        );
        // Show an event with both parties, so the picture has all three highlights.
        let target = match row.as_str() {
            Some(id) => format!("#events-table tr[data-event=\"{id}\"]"),
            None => "#timeline-svg .mark".to_string(),
        };
        let first = browser.find(&target);
        browser.click(&first);
        browser.wait_for(
            "evidence",
            "return document.querySelector('#evidence .sentence') !== null;",
            patience,
        );
        browser.eval(
            "window.scrollTo(0, 0); document.activeElement && document.activeElement.blur();",
            json!([]),
        );
        let png = browser.screenshot();
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        std::fs::write(&path, png).expect("write the screenshot");
    }

    // Search finds sentences and links them to their story.
    browser.goto(&format!("{base}/?q=talks"));
    browser.wait_for(
        "search results",
        "return document.querySelectorAll('#search-list li').length > 0;",
        patience,
    );
    let linked = browser.eval(
        "return document.querySelectorAll('#search-list li a[href^=\"/story/\"]').length;",
        json!([]),
    );
    assert!(linked.as_u64().unwrap_or(0) > 0, "search hits link to their stories: {linked}");
    if let Some(path) = std::env::var_os("PARLEY_SCREENSHOT_SEARCH") {
        std::fs::write(&path, browser.screenshot()).expect("write the screenshot");
    }

    drop(browser);
    drop(driver);
    let _ = std::fs::remove_dir_all(&profile);
}
