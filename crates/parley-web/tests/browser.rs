//! The story page in headless Chromium, on the shipped example articles
//! coded by the real pipeline: the timeline and the network render, and
//! clicking an event shows its evidence sentence with highlights. Then
//! the pages on a story of the size users bring (`tests/corpus`: 300
//! articles, about 1,000 events): heights, overflow, counts against the
//! API, filters kept in the URL, the event, actor and document pages, and
//! 404s.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`/usr/bin/chromium`,
//! `/usr/bin/chromedriver`; override with `PARLEY_CHROMIUM` and
//! `PARLEY_CHROMEDRIVER`). Without them the test fails, saying so: it never
//! passes without having looked at the page. `PARLEY_SCREENSHOTS=$PWD/docs`
//! saves pictures of the large story's pages there (story.png, event.png,
//! actor.png, document.png).

mod corpus;
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

/// Serves `store` on a free local port, on a runtime the caller keeps for
/// as long as it makes requests.
fn serve(store: Store) -> (tokio::runtime::Runtime, std::net::SocketAddr) {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let listener =
        runtime.block_on(parley_web::bind("127.0.0.1:0".parse().expect("addr"))).expect("bind");
    let addr = listener.local_addr().expect("local addr");
    runtime.spawn(parley_web::serve_on(listener, AppState::new(store)));
    (runtime, addr)
}

/// An empty Chromium profile folder of this test run's own.
fn fresh_profile(name: &str) -> PathBuf {
    let profile = std::env::temp_dir().join(format!("parley-web-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&profile);
    profile
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

    let (_runtime, addr) = serve(store);
    let base = format!("http://{addr}");

    let profile = fresh_profile("chromium");
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

    // The story page: timeline bars and network nodes are drawn.
    browser.goto(&format!("{base}/story/{story}"));
    wait_ready(&browser, "the story");
    let bars =
        browser.eval("return document.querySelectorAll('#timeline-svg .bar').length;", json!([]));
    let nodes =
        browser.eval("return document.querySelectorAll('#network-svg .node').length;", json!([]));
    let edges =
        browser.eval("return document.querySelectorAll('#network-svg .edge').length;", json!([]));
    let rows = browser
        .eval("return document.querySelectorAll('#events-table tr.event').length;", json!([]));
    assert!(bars.as_u64().unwrap_or(0) > 0, "timeline bars: {bars}");
    assert!(nodes.as_u64().unwrap_or(0) >= 2, "network nodes: {nodes}");
    assert!(edges.as_u64().unwrap_or(0) >= 1, "network edges: {edges}");
    assert!(rows.as_u64().unwrap_or(0) > 0, "event rows: {rows}");
    // Nodes were laid out apart (no NaN, no pile-up).
    let spread = browser.eval(
        "const pts = [...document.querySelectorAll('#network-svg .node')].map(n => n.getBoundingClientRect());\
         const xs = new Set(pts.map(p => Math.round(p.x / 5)));\
         return pts.every(p => Number.isFinite(p.x) && p.width > 0) && xs.size > 1;",
        json!([]),
    );
    assert_eq!(spread, json!(true), "network nodes are laid out");

    // A table row with both an actor and a recipient opens its evidence with all three highlights.
    let row = browser.eval(
        "const r = [...document.querySelectorAll('#events-table tr.event')]\
           .find(r => r.children[2].textContent !== '—' && r.children[3].textContent !== '—');\
         return r ? r.dataset.event : document.querySelector('#events-table tr.event').dataset.event;",
        json!([]),
    );
    let id = row.as_str().expect("an event row").to_string();
    let element = browser.find(&format!("#events-table tr[data-event=\"{id}\"] td"));
    browser.click(&element);
    wait_ready(&browser, "the selected event");
    let trigger = browser.wait_for(
        "the evidence of the clicked event",
        "const m = document.querySelector('#evidence .sentence mark.trigger'); return m ? m.textContent : null;",
        patience,
    );
    let evidence = browser.eval(
        "const e = document.querySelector('#evidence');\
         return {sentence: e.querySelector('.sentence').textContent, outlets: e.querySelector('.outlets').textContent,\
                 marks: [...e.querySelectorAll('.sentence mark')].map(m => m.className), url: location.search};",
        json!([]),
    );
    let sentence = evidence["sentence"].as_str().expect("sentence text");
    assert!(sentence.contains(trigger.as_str().expect("trigger text")), "{evidence}");
    assert!(
        evidence["outlets"].as_str().is_some_and(|o| o.starts_with("Reported by")),
        "{evidence}"
    );
    assert_eq!(evidence["url"], json!(format!("?event={id}")), "the selection is in the URL");

    // A network node filters the events to its actor, in the URL.
    let node = browser.find("#network-svg .node");
    browser.click(&node);
    wait_ready(&browser, "the table filtered by an actor");
    let filtered = browser.eval(
        "return document.querySelector('#filter-line').textContent.includes('involving') && location.search.includes('party=');",
        json!([]),
    );
    assert_eq!(filtered, json!(true));

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

/// Waits until the page says it has drawn what its URL asks for.
fn wait_ready(browser: &webdriver::Session, what: &str) {
    browser.wait_for(
        what,
        "return document.body.dataset.ready === 'true';",
        Duration::from_secs(30),
    );
}

/// The page's height and whether anything sticks out sideways.
fn measure(browser: &webdriver::Session) -> (u64, bool) {
    let m = browser.eval(
        "const d = document.documentElement;\
         return [d.scrollHeight, d.scrollWidth <= d.clientWidth];",
        json!([]),
    );
    (m[0].as_u64().expect("height"), m[1].as_bool().expect("overflow"))
}

/// A number the page shows (`data-count`, `data-total`), read back as a number.
fn shown(browser: &webdriver::Session, css: &str) -> u64 {
    let v = browser.eval(
        "const n = document.querySelector(arguments[0]);\
         return n ? Number((n.dataset.total || n.textContent).replace(/[^0-9]/g, '')) : null;",
        json!([css]),
    );
    v.as_u64().unwrap_or_else(|| panic!("no number at {css}: {v}"))
}

/// A JSON answer of the server.
fn api(addr: std::net::SocketAddr, path: &str) -> serde_json::Value {
    let (status, body) = webdriver::http(addr, "GET", path, None).expect("GET");
    assert_eq!(status, 200, "GET {path}: {body}");
    body
}

/// The heights of the pages, as measured: at most this at 1280 px wide.
const MAX_PAGE_HEIGHT: u64 = 6000;

#[test]
fn pages_of_a_large_story_stay_readable_and_agree_with_the_api() {
    let chromium = tool("PARLEY_CHROMIUM", "/usr/bin/chromium", "chromium");
    let chromedriver = tool("PARLEY_CHROMEDRIVER", "/usr/bin/chromedriver", "chromium-driver");
    let mut store = Store::open(":memory:").expect("store");
    for doc in corpus::documents() {
        store.ingest(&doc).expect("a corpus article stores");
    }
    store.rebuild_stories().expect("stories");
    let stories = store.stories().expect("stories");
    let big = stories.iter().max_by_key(|s| s.num_events).expect("a story").clone();
    eprintln!(
        "corpus: {} stories; the largest has {} articles, {} events, {} outlets",
        stories.len(),
        big.num_documents,
        big.num_events,
        big.num_sources
    );
    assert!(
        big.num_documents >= 250 && big.num_events >= 800,
        "a story of the issue's size: {big:?}"
    );
    let detail = store.story(big.id).expect("query").expect("the story");
    // Expected counts computed here, apart from the server's code.
    let rejects_by_moscow = detail
        .timeline
        .iter()
        .filter(|e| {
            e.event_type == "REJECT"
                && (e.actor_code.as_deref() == Some("RUSGOV")
                    || e.recipient_code.as_deref() == Some("RUSGOV"))
        })
        .count() as u64;
    let busiest =
        detail.timeline.iter().max_by_key(|e| (e.num_reports, -e.id)).expect("events").clone();
    assert!(busiest.num_reports >= 2, "some event has several reports");

    let (_runtime, addr) = serve(store);
    let base = format!("http://{addr}");
    let profile = fresh_profile("big");
    let driver = Driver::start(&chromedriver);
    let browser = driver.session(&chromium, &profile);
    browser.set_window(1280, 1000);
    let mut heights = Vec::new();
    let mut check_page = |name: &str, browser: &webdriver::Session| {
        let (height, fits) = measure(browser);
        eprintln!("{name} page: {height} px tall at 1280 px wide");
        assert!(height < MAX_PAGE_HEIGHT, "{name} page is {height} px tall");
        assert!(fits, "{name} page overflows sideways at 1280 px");
        heights.push((name.to_string(), height));
    };

    // The story page, unfiltered: header, pager and API agree.
    browser.goto(&format!("{base}/story/{}", big.id));
    wait_ready(&browser, "the large story");
    check_page("story", &browser);
    let api_story = api(addr, &format!("/api/stories/{}?limit=1", big.id));
    let api_events = api(addr, &format!("/api/stories/{}/events?limit=1", big.id));
    let header = shown(&browser, "#story-stats [data-count=events]");
    assert_eq!(header, shown(&browser, "#events-pager-main .total"), "header and table total");
    assert_eq!(
        header,
        api_story["story"]["num_events"].as_u64().expect("num_events"),
        "header and the story's count"
    );
    assert_eq!(header, api_events["total"].as_u64().expect("total"));
    assert_eq!(header, big.num_events as u64);
    let coop = shown(&browser, "#story-stats [data-count=cooperation]");
    let conflict = shown(&browser, "#story-stats [data-count=conflict]");
    assert_eq!(coop + conflict, header, "cooperation and conflict add up");
    let rows = browser
        .eval("return document.querySelectorAll('#events-table tr.event').length;", json!([]));
    assert_eq!(rows, json!(25), "the table pages");
    let bars = browser.eval(
        "const bs = [...document.querySelectorAll('#timeline-svg .bar')];\
         return [bs.length, bs.reduce((n, b) => n + Number(b.dataset.count), 0)];",
        json!([]),
    );
    let undated = api_events["undated"].as_u64().expect("undated");
    assert_eq!(
        bars[1].as_u64(),
        Some(header - undated),
        "the bars count every dated event: {bars}"
    );
    let outlet_rows = browser.eval(
        "return [document.querySelectorAll('#outlets-top tbody tr').length, document.querySelectorAll('#outlets-rest tbody tr').length];",
        json!([]),
    );
    assert_eq!(outlet_rows[0], json!(8), "top outlets shown: {outlet_rows}");
    assert!(outlet_rows[1].as_u64().unwrap_or(0) > 10, "the rest folded: {outlet_rows}");
    let legends = browser.eval(
        "return document.querySelectorAll('#network-legend li, #timeline-legend li').length;",
        json!([]),
    );
    assert!(legends.as_u64().unwrap_or(0) >= 5, "legends: {legends}");
    // Names beside codes in the table.
    let cell = browser.eval(
        "return document.querySelector('#events-table tr.event td:nth-child(3) a').textContent;",
        json!([]),
    );
    assert!(
        cell.as_str().is_some_and(|c| c.contains(':') || c.contains(' ')),
        "a readable actor: {cell}"
    );

    // Filters in the URL are restored on load, and give the rows the API gives.
    let filtered = format!("{base}/story/{}?party=RUSGOV&type=REJECT", big.id);
    browser.goto(&filtered);
    wait_ready(&browser, "the filtered story");
    let total = shown(&browser, "#events-pager-main .total");
    assert_eq!(total, rejects_by_moscow, "the filter's rows");
    assert_eq!(shown(&browser, "#story-stats [data-count=events]"), total);
    let form = browser.eval("return document.querySelector('#f-type').value;", json!([]));
    assert_eq!(form, json!("REJECT"), "the form shows the URL's filter");
    let ids = |browser: &webdriver::Session| {
        browser.eval(
            "return [...document.querySelectorAll('#events-table tr.event')].map(r => r.dataset.event).join(',');",
            json!([]),
        )
    };
    let first_rows = ids(&browser);
    browser.goto(&filtered);
    wait_ready(&browser, "the filtered story again");
    assert_eq!(ids(&browser), first_rows, "the same URL gives the same rows");

    // A filter set in the form goes into the URL; back and forward restore the rows.
    browser.goto(&format!("{base}/story/{}", big.id));
    wait_ready(&browser, "the story");
    let all_rows = ids(&browser);
    let outlet = browser.eval(
        "const s = document.querySelector('#f-outlet'); s.value = s.options[2].value;\
         s.dispatchEvent(new Event('change', {bubbles: true})); return s.value;",
        json!([]),
    );
    wait_ready(&browser, "the outlet filter");
    let search = browser.eval("return location.search;", json!([]));
    let outlet = outlet.as_str().expect("an outlet");
    assert!(search.as_str().is_some_and(|q| q.contains("outlet=")), "{search}");
    let outlet_total = shown(&browser, "#events-pager-main .total");
    let expected =
        api(addr, &format!("/api/stories/{}/events?outlet={}", big.id, outlet.replace(' ', "%20")));
    assert_eq!(Some(outlet_total), expected["total"].as_u64(), "the outlet's rows");
    let outlet_rows = ids(&browser);
    assert_ne!(outlet_rows, all_rows);
    browser.back();
    wait_ready(&browser, "back");
    assert_eq!(ids(&browser), all_rows, "back restores the unfiltered rows");
    browser.eval("history.forward();", json!([]));
    std::thread::sleep(Duration::from_millis(200));
    wait_ready(&browser, "forward");
    assert_eq!(ids(&browser), outlet_rows, "forward restores the outlet's rows");

    // A bar lists its events and expands into days.
    browser.goto(&format!("{base}/story/{}?bin=week", big.id));
    wait_ready(&browser, "weeks");
    let bar = browser.eval(
        "const b = [...document.querySelectorAll('#timeline-svg .bar')].find(b => Number(b.dataset.count) > 3);\
         return [b.dataset.start, Number(b.dataset.count)];",
        json!([]),
    );
    let element = browser.find(&format!(
        "#timeline-svg .bar[data-start=\"{}\"] .hit",
        bar[0].as_str().expect("start")
    ));
    browser.click(&element);
    wait_ready(&browser, "the bar's events");
    assert_eq!(
        Some(shown(&browser, "#events-pager-main .total")),
        bar[1].as_u64(),
        "the bar's events"
    );
    let days =
        browser.eval("return document.querySelectorAll('#timeline-svg .bar').length;", json!([]));
    assert!(days.as_u64().is_some_and(|d| (1..=7).contains(&d)), "the week in days: {days}");
    // Paging keeps the filter; back returns to the first page.
    browser.goto(&format!("{base}/story/{}", big.id));
    wait_ready(&browser, "the story");
    let next = browser.find("#events-pager-main .next");
    browser.click(&next);
    wait_ready(&browser, "page 2");
    assert_ne!(ids(&browser), all_rows, "page 2 holds other rows");
    assert_eq!(browser.eval("return location.search;", json!([])), json!("?page=2"));
    browser.back();
    wait_ready(&browser, "page 1");
    assert_eq!(ids(&browser), all_rows);

    // The event page: every report, highlighted, linked to its article and actors.
    browser.goto(&format!("{base}/event/{}", busiest.id));
    wait_ready(&browser, "the event page");
    check_page("event", &browser);
    let event = browser.eval(
        "return {reports: document.querySelectorAll('#reports .report').length,\
                 triggers: document.querySelectorAll('#reports .report .sentence mark.trigger').length,\
                 actors: document.querySelectorAll('#reports .report .sentence mark.actor').length,\
                 docs: document.querySelectorAll('#reports a.doc-link').length,\
                 actor: document.querySelector('#event-actor a').getAttribute('href')};",
        json!([]),
    );
    let reports = busiest.num_reports as u64;
    assert_eq!(event["reports"].as_u64(), Some(reports), "{event}");
    assert_eq!(event["triggers"].as_u64(), Some(reports), "{event}");
    assert_eq!(event["docs"].as_u64(), Some(reports), "{event}");
    let actor_href = event["actor"].as_str().expect("actor link").to_string();

    // The document page: the full text, every coded span marked.
    let link = browser.find("#reports a.doc-link");
    browser.click(&link);
    wait_ready(&browser, "the document page");
    check_page("document", &browser);
    let doc_id: i64 = browser
        .eval("return location.pathname.split('/').pop();", json!([]))
        .as_str()
        .and_then(|p| p.parse().ok())
        .expect("a document id");
    let doc = api(addr, &format!("/api/documents/{doc_id}"));
    let page = browser.eval(
        "return {text: document.querySelector('#document-text').textContent,\
                 triggers: document.querySelectorAll('#document-text mark.trigger').length,\
                 roles: [...new Set([...document.querySelectorAll('#document-text mark')].flatMap(m => m.dataset.roles.split(' ')))].sort()};",
        json!([]),
    );
    assert_eq!(page["text"], doc["text"], "the whole article");
    let with_trigger = doc["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .filter(|r| r["trigger"].is_object())
        .count();
    assert_eq!(page["triggers"].as_u64(), Some(with_trigger as u64), "{page}");
    for role in ["actor", "recipient", "trigger"] {
        assert!(
            page["roles"].as_array().is_some_and(|r| r.contains(&json!(role))),
            "{role}: {page}"
        );
    }

    // The actor page: counts equal its table, by role.
    browser.goto(&format!("{base}{actor_href}"));
    wait_ready(&browser, "the actor page");
    check_page("actor", &browser);
    let events = shown(&browser, "#actor-stats [data-count=events]");
    assert_eq!(events, shown(&browser, "#events-pager-main .total"), "actor header and table");
    let as_actor = shown(&browser, "#actor-stats [data-count=as_actor]");
    let role = browser.find("#role-buttons button[data-role=actor]");
    browser.click(&role);
    wait_ready(&browser, "the actor's own events");
    assert_eq!(shown(&browser, "#events-pager-main .total"), as_actor, "as actor");
    let partners = browser
        .eval("return document.querySelectorAll('#partners-table tbody tr').length;", json!([]));
    assert!(partners.as_u64().unwrap_or(0) > 1, "partners: {partners}");

    // What does not exist is a 404 page.
    for path in
        ["/event/999999999", "/actor/NOBODY", "/document/999999999", "/story/999999999", "/event/x"]
    {
        let (status, _) = webdriver::http(addr, "GET", path, None).expect("GET");
        assert_eq!(status, 404, "{path}");
        browser.goto(&format!("{base}{path}"));
        browser.wait_for(
            "the 404 page",
            "return document.querySelector('#not-found') !== null;",
            Duration::from_secs(10),
        );
    }

    if let Some(dir) = std::env::var_os("PARLEY_SCREENSHOTS") {
        let dir = PathBuf::from(dir);
        let shots = [
            ("story", format!("{base}/story/{}?event={}", big.id, busiest.id)),
            ("event", format!("{base}/event/{}", busiest.id)),
            ("actor", format!("{base}{actor_href}")),
            ("document", format!("{base}/document/{doc_id}")),
        ];
        for (name, url) in shots {
            browser.set_window(1280, 1000);
            browser.goto(&url);
            wait_ready(&browser, name);
            let (height, _) = measure(&browser);
            browser.set_window(1280, height.clamp(600, 4000) as u32 + 140);
            wait_ready(&browser, name);
            browser.eval(
                "window.scrollTo(0, 0); document.activeElement && document.activeElement.blur();",
                json!([]),
            );
            std::thread::sleep(Duration::from_millis(300));
            let png = browser.screenshot();
            assert!(png.starts_with(b"\x89PNG"), "a PNG");
            std::fs::write(dir.join(format!("{name}.png")), png).expect("write the screenshot");
        }
    }
    eprintln!("page heights at 1280 px: {heights:?}");
    drop(browser);
    drop(driver);
    let _ = std::fs::remove_dir_all(&profile);
}
