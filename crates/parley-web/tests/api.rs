//! The JSON API in-process (`app(state).oneshot(request)`) over a real
//! SQLite store filled with hand-built coded documents.

mod common;

use std::collections::BTreeSet;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use parley_doc::EventType;
use parley_store::Store;
use parley_web::{app, AppState, Coder};
use serde_json::{json, Value};
use tower::ServiceExt;

use common::{document, summit_documents, Ev};

const TOKEN: &str = "test-token-123";

fn store() -> Store {
    let mut store = Store::open(":memory:").expect("open store");
    for doc in summit_documents() {
        store.ingest(&doc).expect("ingest fixture");
    }
    store.rebuild_stories().expect("rebuild stories");
    store
}

/// A coder standing in for the pipeline: one sentence, one REJECT event when the text says "rejected".
fn fake_coder() -> Arc<Coder> {
    Arc::new(|meta: parley_doc::DocMeta, text: String, is_html: bool| {
        if text.contains("FAIL") {
            return Err("the pipeline could not read it".to_string());
        }
        let text = if is_html { text.replace("<p>", "").replace("</p>", "") } else { text };
        let mut doc = document(
            &meta.id,
            meta.date.as_deref().unwrap_or("2024-06-12"),
            meta.source.as_deref().unwrap_or("Wire"),
            meta.title.as_deref().unwrap_or("Posted"),
            &[text.trim()],
            &[Ev::new(0, EventType::Reject, ("HUNGOV", "Hungary"), "rejected", ("IGOEU", "EU"))],
        );
        doc.meta.origin = meta.origin;
        Ok(doc)
    })
}

fn state() -> AppState {
    AppState::new(store())
}

async fn call(
    state: &AppState,
    request: Request<Body>,
) -> (StatusCode, Value, axum::http::HeaderMap) {
    let response = app(state.clone()).oneshot(request).await.expect("router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    let value = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap_or(Value::Null)
    };
    (status, value, headers)
}

async fn get(state: &AppState, uri: &str) -> (StatusCode, Value) {
    let (status, body, _) =
        call(state, Request::get(uri).body(Body::empty()).expect("request")).await;
    (status, body)
}

fn assert_error(body: &Value, code: &str) {
    assert_eq!(body["code"], code, "error body {body}");
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()), "error body {body}");
    assert_eq!(body.as_object().map(|o| o.len()), Some(2), "only code and message: {body}");
}

fn events_of(body: &Value) -> &Vec<Value> {
    body["events"].as_array().expect("events array")
}

#[tokio::test]
async fn events_filter_by_actor_recipient_and_type() {
    let state = state();
    let (status, body) = get(&state, "/api/events?actor=RUS&recipient=UKR&type=REJECT").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let events = events_of(&body);
    assert!(!events.is_empty(), "Russia rejected Ukraine's invitation: {body}");
    for e in events {
        assert!(e["actor_code"].as_str().is_some_and(|c| c.starts_with("RUS")), "{e}");
        assert!(e["recipient_code"].as_str().is_some_and(|c| c.starts_with("UKR")), "{e}");
        assert_eq!(e["event_type"], "REJECT");
    }
    assert!(body.get("next").is_some(), "next is always present: {body}");

    // Lower-case codes and types work too; a type nobody reported gives an empty page.
    let (_, lower) = get(&state, "/api/events?actor=rus&type=reject").await;
    assert_eq!(events_of(&lower).len(), events.len());
    let (_, none) = get(&state, "/api/events?actor=TUR&type=ASSAULT").await;
    assert!(events_of(&none).is_empty());
}

#[tokio::test]
async fn events_filter_by_dates_and_story() {
    let state = state();
    let (_, all) = get(&state, "/api/events").await;
    let all = events_of(&all).clone();
    assert!(all.len() >= 6, "fixture events: {all:?}");
    let (status, body) = get(&state, "/api/events?since=2024-06-11&until=2024-06-11").await;
    assert_eq!(status, StatusCode::OK);
    let window = events_of(&body);
    assert!(!window.is_empty());
    assert!(window.len() < all.len());
    for e in window {
        assert_eq!(e["date"], "2024-06-11", "{e}");
    }
    let story = all[0]["story_id"].as_i64().expect("events belong to stories after the rebuild");
    let (_, in_story) = get(&state, &format!("/api/events?story={story}")).await;
    assert!(events_of(&in_story).iter().all(|e| e["story_id"] == story));
}

/// Asserted events by default (the fixtures are all asserted): `any` and
/// `asserted` give the same page, another modality none.
#[tokio::test]
async fn events_filter_by_modality() {
    let state = state();
    let (_, default) = get(&state, "/api/events").await;
    let (status, any) = get(&state, "/api/events?modality=any").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(default["events"], any["events"]);
    assert!(!default["events"].as_array().expect("events").is_empty());
    let (status, negated) = get(&state, "/api/events?modality=Negated").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(negated["events"].as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn events_page_with_a_cursor() {
    let state = state();
    let (_, all) = get(&state, "/api/events?limit=1000").await;
    let all_ids: Vec<i64> = events_of(&all).iter().map(|e| e["id"].as_i64().expect("id")).collect();
    assert!(all["next"].is_null(), "one page holds them all");

    let mut seen = Vec::new();
    let mut uri = "/api/events?limit=2".to_string();
    for _ in 0..20 {
        let (status, page) = get(&state, &uri).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        let events = events_of(&page);
        assert!(events.len() <= 2);
        seen.extend(events.iter().map(|e| e["id"].as_i64().expect("id")));
        match page["next"].as_str() {
            Some(next) => uri = format!("/api/events?limit=2&cursor={next}"),
            None => break,
        }
    }
    assert_eq!(seen, all_ids, "pages follow each other without gaps or repeats");
    let dates: Vec<&str> =
        events_of(&all).iter().map(|e| e["date"].as_str().unwrap_or("")).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "by date");
}

/// A regression: a cursor the server gave out with junk after it was taken
/// as the cursor itself (the date was read from its first ten bytes).
#[tokio::test]
async fn a_cursor_with_trailing_junk_is_400() {
    let state = state();
    let (_, first) = get(&state, "/api/events?limit=1").await;
    let next = first["next"].as_str().expect("more than one event").to_string();
    let (status, _) = get(&state, &format!("/api/events?limit=1&cursor={next}")).await;
    assert_eq!(status, StatusCode::OK, "the cursor as given out");
    for junk in [format!("{next}junk"), format!("{next}.1"), format!("%2B{next}")] {
        let (status, body) = get(&state, &format!("/api/events?limit=1&cursor={junk}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{junk}: {body}");
        assert_error(&body, "bad_request");
    }
}

#[tokio::test]
async fn malformed_queries_are_400_with_code_and_message() {
    let state = state();
    for uri in [
        "/api/events?type=NOPE",
        "/api/events?since=yesterday",
        "/api/events?until=2024-13-01",
        "/api/events?limit=0",
        "/api/events?limit=5000",
        "/api/events?limit=many",
        "/api/events?actr=RUS",
        "/api/events?cursor=%21%21not-a-cursor",
        "/api/events?modality=perhaps",
        "/api/search",
        "/api/search?q=%20",
        "/api/documents?cursor=xyz",
        "/api/documents?cursor=o5junk",
        "/api/stories?limit=0",
        "/api/stories?cursor=o-1",
        "/api/actors?limit=5000",
        "/api/actors?cursor=junk",
        "/api/quotes?cursor=o1x",
        "/api/quotes?limit=0",
        "/api/stories/1?limit=0",
        "/api/stories/1?cursor=o1",
    ] {
        let (status, body) = get(&state, uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
        assert_error(&body, "bad_request");
    }
}

#[tokio::test]
async fn unknown_things_are_404_with_code_and_message() {
    let state = state();
    for uri in [
        "/api/events/999999",
        "/api/events/abc",
        "/api/stories/424242",
        "/api/documents/777777",
        "/api/nothing",
    ] {
        let (status, body) = get(&state, uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}: {body}");
        assert_error(&body, "not_found");
    }
    let (status, body, _) =
        call(&state, Request::delete("/api/events").body(Body::empty()).expect("request")).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_error(&body, "method_not_allowed");
}

#[tokio::test]
async fn event_detail_has_evidence_with_highlights() {
    let state = state();
    let (_, page) = get(&state, "/api/events?actor=RUS&type=REJECT").await;
    let id = events_of(&page)[0]["id"].as_i64().expect("id");
    let (status, detail) = get(&state, &format!("/api/events/{id}")).await;
    assert_eq!(status, StatusCode::OK, "{detail}");
    assert_eq!(detail["event"]["id"], id);
    let reports = detail["reports"].as_array().expect("reports");
    assert!(!reports.is_empty());
    for report in reports {
        let sentence = report["sentence"].as_str().expect("sentence");
        let cut = |h: &Value| {
            let (start, end) = (
                h["start"].as_u64().expect("start") as usize,
                h["end"].as_u64().expect("end") as usize,
            );
            sentence[start..end].to_string()
        };
        assert_eq!(
            cut(&report["trigger"]),
            "rejected",
            "trigger offsets are bytes into the sentence"
        );
        assert_eq!(cut(&report["trigger"]), report["trigger"]["text"].as_str().expect("text"));
        assert!(["Russia", "Moscow"].contains(&cut(&report["actor"]["span"]).as_str()), "{report}");
        assert!(report["source"].is_string(), "outlet of the report: {report}");
    }
}

#[tokio::test]
async fn stories_actors_quotes_and_search() {
    let state = state();
    let (status, body) = get(&state, "/api/stories").await;
    assert_eq!(status, StatusCode::OK);
    let stories = body["stories"].as_array().expect("stories");
    assert!(!stories.is_empty());
    let id = stories[0]["id"].as_i64().expect("id");
    let (status, story) = get(&state, &format!("/api/stories/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    for key in ["story", "timeline", "actors", "dyads", "quotes", "outlets", "documents"] {
        assert!(story.get(key).is_some(), "story detail has {key}: {story}");
    }
    assert!(!story["timeline"].as_array().expect("timeline").is_empty());
    let outlets: BTreeSet<&str> = story["outlets"]
        .as_array()
        .expect("outlets")
        .iter()
        .filter_map(|o| o["source"].as_str())
        .collect();
    assert!(outlets.contains("Reuters") && outlets.contains("AP"), "{outlets:?}");

    let (_, actors) = get(&state, "/api/actors").await;
    let codes: Vec<&str> = actors["actors"]
        .as_array()
        .expect("actors")
        .iter()
        .filter_map(|a| a["code"].as_str())
        .collect();
    assert!(codes.contains(&"RUSGOV") && codes.contains(&"UKRGOV"), "{codes:?}");

    let (_, quotes) = get(&state, "/api/quotes?speaker=UKR").await;
    let quotes = quotes["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0]["quote"], "Russia does not want peace.");
    let (_, none) = get(&state, "/api/quotes?speaker=CHN").await;
    assert!(none["quotes"].as_array().expect("quotes").is_empty());

    let (status, hits) = get(&state, "/api/search?q=peace%20summit&limit=5").await;
    assert_eq!(status, StatusCode::OK, "{hits}");
    assert_eq!(hits["query"], "peace summit");
    let results = hits["results"].as_array().expect("results");
    assert!(!results.is_empty());
    assert!(results.len() <= 5);
    assert!(
        results.iter().all(|h| h["story_id"].is_i64() && h["snippet"].is_string()),
        "{results:?}"
    );

    let (_, counts) = get(&state, "/api/counts").await;
    assert_eq!(counts["documents"], 3);
    assert!(counts["events"].as_u64().unwrap_or(0) >= 6);
}

#[tokio::test]
async fn documents_page_and_detail() {
    let state = state();
    let (_, first) = get(&state, "/api/documents?limit=2").await;
    let docs = first["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 2);
    let next = first["next"].as_str().expect("a second page");
    let (_, second) = get(&state, &format!("/api/documents?limit=2&cursor={next}")).await;
    assert_eq!(second["documents"].as_array().expect("documents").len(), 1);
    assert!(second["next"].is_null());
    let id = docs[0]["id"].as_i64().expect("id");
    let (status, detail) = get(&state, &format!("/api/documents/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(detail["text"].as_str().is_some_and(|t| !t.is_empty()));
}

fn post(body: &Value, token: Option<&str>) -> Request<Body> {
    let mut request = Request::builder()
        .method(Method::POST)
        .uri("/api/documents")
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    request.body(Body::from(body.to_string())).expect("request")
}

#[tokio::test]
async fn posting_needs_a_configured_token() {
    let doc = json!({"id": "hu-1", "text": "Hungary rejected the EU plan.", "source": "Wire", "date": "2024-06-12"});

    // No token configured: writes are off, whatever the client sends.
    let closed = AppState::new(store()).coder(fake_coder());
    for token in [None, Some(TOKEN)] {
        let (status, body, _) = call(&closed, post(&doc, token)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
        assert_error(&body, "writes_disabled");
    }

    let open = AppState::new(store()).coder(fake_coder()).token(Some(TOKEN.to_string()));
    let (status, body, headers) = call(&open, post(&doc, None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_error(&body, "unauthorized");
    assert_eq!(headers.get(header::WWW_AUTHENTICATE).and_then(|v| v.to_str().ok()), Some("Bearer"));

    let (status, body, _) = call(&open, post(&doc, Some("wrong-token"))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_error(&body, "forbidden");

    // Nothing was stored by the refused posts.
    let (_, before) = get(&open, "/api/events?actor=HUN").await;
    assert!(events_of(&before).is_empty());

    let (status, body, _) = call(&open, post(&doc, Some(TOKEN))).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["outcome"], "inserted");
    assert_eq!(body["id"], "hu-1");
    assert_eq!(body["coded_events"], 1);
    let (_, after) = get(&open, "/api/events?actor=HUN&recipient=IGO&type=REJECT").await;
    assert_eq!(events_of(&after).len(), 1, "the posted event is served at once: {after}");

    // The same document again changes nothing.
    let (status, body, _) = call(&open, post(&doc, Some(TOKEN))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["outcome"], "unchanged");
}

/// A store the server cannot write (here its WAL index is blocked, as in a
/// read-only folder) is served for reading; a post answers `read_only`
/// rather than failing inside the store with a 500.
#[tokio::test]
async fn a_read_only_store_serves_reads_and_refuses_posts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("parley.db").to_string_lossy().into_owned();
    {
        let mut store = Store::open(&path).expect("open");
        for doc in summit_documents() {
            store.ingest(&doc).expect("ingest fixture");
        }
        store.rebuild_stories().expect("rebuild");
    }
    let _ = std::fs::remove_file(format!("{path}-wal"));
    let _ = std::fs::remove_file(format!("{path}-shm"));
    std::fs::create_dir(format!("{path}-shm")).expect("block the WAL index");

    let state = AppState::open(&path, 2)
        .expect("a read-only store opens")
        .coder(fake_coder())
        .token(Some(TOKEN.to_string()));
    let (status, body) = get(&state, "/api/events?actor=RUS").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(!events_of(&body).is_empty());
    let doc = json!({"id": "hu-ro", "text": "Hungary rejected the EU plan."});
    let (status, body, _) = call(&state, post(&doc, Some(TOKEN))).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_error(&body, "read_only");
    assert!(body["message"].as_str().is_some_and(|m| m.contains("read-only")), "{body}");
}

#[tokio::test]
async fn posting_rejects_bad_bodies() {
    let open = AppState::new(store()).coder(fake_coder()).token(Some(TOKEN.to_string()));
    for (body, code, status) in [
        (json!({"text": "a", "html": "<p>a</p>"}), "bad_request", StatusCode::BAD_REQUEST),
        (json!({"title": "no text"}), "bad_request", StatusCode::BAD_REQUEST),
        (
            json!({"text": "Hungary rejected it.", "date": "June"}),
            "bad_request",
            StatusCode::BAD_REQUEST,
        ),
        (
            json!({"text": "Hungary rejected it.", "colour": "red"}),
            "bad_request",
            StatusCode::BAD_REQUEST,
        ),
        (json!({"text": "Hungary\u{0}rejected it."}), "bad_request", StatusCode::BAD_REQUEST),
        (json!({"text": "\u{1}\u{2}\u{3}\u{4}ab"}), "bad_request", StatusCode::BAD_REQUEST),
        (
            json!({"text": "FAIL Hungary rejected it."}),
            "unprocessable",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    ] {
        let (got, answer, _) = call(&open, post(&body, Some(TOKEN))).await;
        assert_eq!(got, status, "{body}: {answer}");
        assert_error(&answer, code);
    }
    let raw = Request::post("/api/documents")
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .body(Body::from("{not json"))
        .expect("request");
    let (status, answer, _) = call(&open, raw).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_error(&answer, "bad_request");

    // HTML goes to the coder flagged as HTML.
    let (status, answer, _) = call(
        &open,
        post(
            &json!({"html": "<p>Hungary rejected the EU plan.</p>", "id": "hu-html"}),
            Some(TOKEN),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
}

#[tokio::test]
async fn openapi_describes_every_route() {
    let state = state();
    let (status, doc) = get(&state, "/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    let paths = doc["paths"].as_object().expect("paths");
    for (path, methods) in [
        ("/api/counts", &["get"][..]),
        ("/api/documents", &["get", "post"][..]),
        ("/api/documents/{id}", &["get"][..]),
        ("/api/events", &["get"][..]),
        ("/api/events/{id}", &["get"][..]),
        ("/api/actors", &["get"][..]),
        ("/api/stories", &["get"][..]),
        ("/api/stories/{id}", &["get"][..]),
        ("/api/quotes", &["get"][..]),
        ("/api/search", &["get"][..]),
        ("/api/openapi.json", &["get"][..]),
        ("/api/stories/{id}/events", &["get"][..]),
        ("/api/actors/{code}", &["get"][..]),
        ("/api/actors/{code}/events", &["get"][..]),
        ("/api/documents/{id}/marks", &["get"][..]),
    ] {
        for method in methods {
            assert!(
                paths.get(path).and_then(|p| p.get(*method)).is_some(),
                "{method} {path} is described"
            );
        }
    }
    assert_eq!(paths.len(), 15, "no undocumented or stale paths");
    // Every list pages: a cursor and a bounded limit, and `next` in the answer.
    for (path, list) in [
        ("/api/documents", "DocumentPage"),
        ("/api/events", "EventPage"),
        ("/api/actors", "ActorList"),
        ("/api/stories", "StoryList"),
        ("/api/quotes", "QuoteList"),
        ("/api/search", "SearchResults"),
    ] {
        let names: Vec<&str> = paths[path]["get"]["parameters"]
            .as_array()
            .map(|ps| ps.iter().filter_map(|p| p["name"].as_str()).collect())
            .unwrap_or_default();
        assert!(names.contains(&"cursor") && names.contains(&"limit"), "{path}: {names:?}");
        let limit = paths[path]["get"]["parameters"]
            .as_array()
            .and_then(|ps| ps.iter().find(|p| p["name"] == "limit"))
            .expect("limit");
        assert!(limit["schema"]["maximum"].is_u64(), "{path}: {limit}");
        assert!(doc["components"]["schemas"][list]["properties"]["next"].is_object(), "{list}");
    }
    // Every $ref points at a schema that exists.
    let schemas = doc["components"]["schemas"].as_object().expect("schemas");
    let text = doc.to_string();
    for part in text.split("#/components/schemas/").skip(1) {
        let name: String = part.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        assert!(schemas.contains_key(&name), "schema {name}");
    }
}

#[tokio::test]
async fn pages_and_assets_are_served() {
    let state = state();
    for (uri, kind) in [
        ("/", "text/html"),
        ("/story/1", "text/html"),
        ("/assets/app.css", "text/css"),
        ("/assets/story.js", "text/javascript"),
        ("/assets/common.js", "text/javascript"),
        ("/assets/index.js", "text/javascript"),
        ("/assets/favicon.svg", "image/svg+xml"),
    ] {
        let response = app(state.clone())
            .oneshot(Request::get(uri).body(Body::empty()).expect("request"))
            .await
            .expect("answer");
        assert_eq!(response.status(), StatusCode::OK, "{uri}");
        let content_type = response.headers()[header::CONTENT_TYPE].to_str().expect("ascii");
        assert!(content_type.starts_with(kind), "{uri}: {content_type}");
    }
    let response = app(state.clone())
        .oneshot(Request::get("/assets/nope.js").body(Body::empty()).expect("request"))
        .await
        .expect("answer");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    // A story that does not exist is a 404 page, not the story page.
    for uri in ["/story/424242", "/story/abc"] {
        let response = app(state.clone())
            .oneshot(Request::get(uri).body(Body::empty()).expect("request"))
            .await
            .expect("answer");
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{uri}");
        let content_type = response.headers()[header::CONTENT_TYPE].to_str().expect("ascii");
        assert!(content_type.starts_with("text/html"), "{uri}: {content_type}");
    }
    let response = app(state)
        .oneshot(Request::get("/nowhere").body(Body::empty()).expect("request"))
        .await
        .expect("answer");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

/// A regression: a long request target or too many headers got a status
/// with an empty body (hyper's own answer). The server's limits now answer
/// first, as JSON.
#[tokio::test]
async fn over_long_heads_are_414_and_431_as_json() {
    let state = state();
    let long = format!("/api/events?actor={}", "R".repeat(parley_web::MAX_URI_BYTES));
    let (status, body) = get(&state, &long).await;
    assert_eq!(status, StatusCode::URI_TOO_LONG, "{body}");
    assert_error(&body, "uri_too_long");

    let mut many = Request::get("/api/counts");
    for i in 0..=parley_web::MAX_HEADERS {
        many = many.header(format!("x-filler-{i}"), "1");
    }
    let (status, body, _) = call(&state, many.body(Body::empty()).expect("request")).await;
    assert_eq!(status, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, "{body}");
    assert_error(&body, "headers_too_large");

    let big = Request::get("/api/counts")
        .header("x-filler", "v".repeat(parley_web::MAX_HEADER_BYTES))
        .body(Body::empty())
        .expect("request");
    let (status, body, _) = call(&state, big).await;
    assert_eq!(status, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, "{body}");
    assert_error(&body, "headers_too_large");

    // Under the limits, the same requests are served.
    let (status, _) = get(&state, "/api/events?actor=RUS").await;
    assert_eq!(status, StatusCode::OK);
}

/// An extractor's plain-text rejection (a path that is not UTF-8) is given
/// a JSON body with its status.
#[tokio::test]
async fn plain_text_rejections_become_json() {
    let state = state();
    let (status, body, headers) =
        call(&state, Request::get("/assets/%FF").body(Body::empty()).expect("request")).await;
    assert!(status.is_client_error(), "{status}");
    assert_error(&body, "bad_request");
    let content_type = headers[header::CONTENT_TYPE].to_str().expect("ascii");
    assert!(content_type.starts_with("application/json"), "{content_type}");
}

/// Over a real socket, through hyper: the limits answer before hyper's own
/// (whose 414/431 have no body).
#[tokio::test]
async fn over_long_heads_over_a_socket_answer_json() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = parley_web::bind("127.0.0.1:0".parse().expect("addr")).await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let server = tokio::spawn(parley_web::serve_on(listener, state()));
    let filler: String =
        (0..parley_web::MAX_HEADERS + 20).map(|i| format!("x-filler-{i}: 1\r\n")).collect();
    for (head, status, code) in [
        (
            format!("GET /api/events?actor={} HTTP/1.1\r\n", "R".repeat(20_000)),
            "414",
            "uri_too_long",
        ),
        ("GET /api/counts HTTP/1.1\r\n".to_string() + &filler, "431", "headers_too_large"),
    ] {
        let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
        let request = format!("{head}Host: localhost\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).await.expect("write");
        let mut answer = String::new();
        stream.read_to_string(&mut answer).await.expect("read");
        assert!(answer.starts_with(&format!("HTTP/1.1 {status}")), "{answer}");
        let (_, body) = answer.split_once("\r\n\r\n").expect("a head and a body");
        let body: Value = serde_json::from_str(body).expect("a JSON body");
        assert_error(&body, code);
    }
    server.abort();
}

/// Follows the `next` cursors from `uri` and returns the rows of `key`
/// over every page.
async fn all_pages(state: &AppState, uri: &str, key: &str) -> Vec<Value> {
    let mut rows = Vec::new();
    let mut uri = uri.to_string();
    for _ in 0..50 {
        let (status, page) = get(state, &uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {page}");
        let items = page[key].as_array().expect("a list");
        assert!(items.len() <= 1, "limit=1 gives one row a page: {page}");
        rows.extend(items.iter().cloned());
        assert!(page.get("next").is_some(), "next is always present: {page}");
        match page["next"].as_str() {
            Some(next) => {
                let base = uri.split("&cursor=").next().unwrap_or(&uri).to_string();
                uri = format!("{base}&cursor={next}");
            }
            None => return rows,
        }
    }
    panic!("more than 50 pages of {uri}");
}

/// A regression: the lists other than events and documents had no paging,
/// so one large store gave answers of megabytes.
#[tokio::test]
async fn every_list_pages_with_limit_and_cursor() {
    let state = state();
    for (path, key) in [
        ("/api/stories", "stories"),
        ("/api/actors", "actors"),
        ("/api/quotes", "quotes"),
        ("/api/quotes?speaker=UKR", "quotes"),
        ("/api/search?q=peace", "results"),
    ] {
        let sep = if path.contains('?') { '&' } else { '?' };
        let (_, whole) = get(&state, &format!("{path}{sep}limit=200")).await;
        let whole = whole[key].as_array().expect("a list").clone();
        assert!(!whole.is_empty(), "{path}");
        let paged = all_pages(&state, &format!("{path}{sep}limit=1"), key).await;
        assert_eq!(paged, whole, "{path}: pages of one follow each other");
        // The default page is bounded.
        let (_, default) = get(&state, path).await;
        assert!(default[key].as_array().expect("a list").len() <= parley_web::DEFAULT_LIST_PAGE);
    }
}

/// A story's answer holds its first page of events and quotes, with the
/// cursors of the rest; the pages together are the whole story.
#[tokio::test]
async fn a_story_holds_its_first_page_of_events_with_links_to_the_rest() {
    let state = state();
    let (_, stories) = get(&state, "/api/stories").await;
    let id = stories["stories"][0]["id"].as_i64().expect("a story");
    let (_, whole) = get(&state, &format!("/api/stories/{id}?limit=1000")).await;
    let timeline = whole["timeline"].as_array().expect("timeline").clone();
    assert!(timeline.len() >= 2, "the fixture story has several events: {whole}");
    assert!(whole["next"].is_null(), "{whole}");

    let (status, first) = get(&state, &format!("/api/stories/{id}?limit=1")).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!(first["story"]["id"], id);
    assert_eq!(first["timeline"].as_array().map(Vec::len), Some(1), "{first}");
    let mut events = first["timeline"].as_array().expect("timeline").clone();
    let mut next = first["next"].as_str().map(str::to_string);
    while let Some(cursor) = next {
        let link = format!("/api/events?story={id}&modality=any&limit=1&cursor={cursor}");
        let (status, page) = get(&state, &link).await;
        assert_eq!(status, StatusCode::OK, "{link}: {page}");
        events.extend(events_of(&page).iter().cloned());
        next = page["next"].as_str().map(str::to_string);
        assert!(events.len() <= timeline.len(), "no more events than the story has");
    }
    assert_eq!(events, timeline, "the first page and the rest are the whole timeline");

    let count = |v: &Value| {
        v["quotes"].as_array().map_or(0, |g| {
            g.iter().map(|s| s["quotes"].as_array().map_or(0, Vec::len)).sum::<usize>()
        })
    };
    assert!(count(&first) <= 1, "{first}");
    let mut quotes = count(&first);
    let mut next = first["quotes_next"].as_str().map(str::to_string);
    while let Some(cursor) = next {
        let link = format!("/api/quotes?story={id}&limit=1&cursor={cursor}");
        let (_, page) = get(&state, &link).await;
        quotes += page["quotes"].as_array().map_or(0, Vec::len);
        next = page["next"].as_str().map(str::to_string);
    }
    assert_eq!(quotes, count(&whole), "{whole}");
}
