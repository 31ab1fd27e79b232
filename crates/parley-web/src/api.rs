//! The JSON API's handlers. Every answer is JSON; every error is
//! `{code, message}` (see [`crate::ErrorCode`]).

use std::collections::{BTreeMap, BTreeSet};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use parley_doc::{DocMeta, EventType};
use parley_store::{
    ActorRow, DocumentRow, EventFilter, IngestOutcome, Page, QuoteRow, SearchHit, SpeakerQuotes,
    StoryDetail, StoryRow,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

/// Largest page of events one request may ask for.
pub const MAX_EVENT_PAGE: usize = 1000;
/// Default page of events.
pub const DEFAULT_EVENT_PAGE: usize = 100;
/// Largest page of documents.
pub const MAX_DOCUMENT_PAGE: usize = 1000;
/// Most search hits one request may ask for.
pub const MAX_SEARCH_HITS: usize = 200;
/// Largest body `POST /api/documents` accepts, in bytes.
pub const MAX_POST_BYTES: usize = 8 * 1024 * 1024;

/// `Query<T>` answering a malformed query string with `{code, message}`.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(value)| ApiQuery(value))
            .map_err(|rejection| ApiError::bad_request(rejection.body_text()))
    }
}

/// A numeric id from the path (`/api/events/{id}`); anything else is 404,
/// since no resource has such an id.
pub struct Id(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|rejection| ApiError::bad_request(rejection.body_text()))?;
        raw.parse::<i64>().map(Id).map_err(|_| {
            ApiError::not_found(format!("no resource with id {raw:?}: ids are integers"))
        })
    }
}

// ------------------------------------------------------------------ reads

/// `GET /api/counts`
pub async fn counts(State(state): State<AppState>) -> Result<Response, ApiError> {
    let counts = state.read(|store| store.counts()).await?;
    Ok(Json(counts).into_response())
}

/// Query of `GET /api/events`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventsQuery {
    actor: Option<String>,
    recipient: Option<String>,
    #[serde(rename = "type")]
    event_type: Option<String>,
    since: Option<String>,
    until: Option<String>,
    story: Option<i64>,
    modality: Option<String>,
    cursor: Option<String>,
    limit: Option<usize>,
}

/// `GET /api/events?actor=RUS&recipient=UKR&type=REJECT&since=...&until=...&story=...&modality=...&cursor=...&limit=...`
///
/// Asserted events only unless `modality` names another (`negated`,
/// `hypothetical`, `conditional`, `questioned`) or is `any`.
pub async fn events(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<EventsQuery>,
) -> Result<Response, ApiError> {
    let filter = event_filter(query)?;
    let page = state.read(move |store| store.events(&filter)).await?;
    Ok(Json(page).into_response())
}

fn event_filter(query: EventsQuery) -> Result<EventFilter, ApiError> {
    let event_type = match query.event_type.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        None => None,
        Some(name) => Some(
            EventType::parse(name)
                .ok_or_else(|| {
                    ApiError::bad_request(format!(
                        "unknown event type {name:?}: use a PLOVER type such as REJECT"
                    ))
                })?
                .as_str()
                .to_string(),
        ),
    };
    let limit = query.limit.unwrap_or(DEFAULT_EVENT_PAGE);
    if limit == 0 || limit > MAX_EVENT_PAGE {
        return Err(ApiError::bad_request(format!("limit must be 1 to {MAX_EVENT_PAGE}")));
    }
    for (name, value) in [("since", &query.since), ("until", &query.until)] {
        if let Some(date) = value {
            check_date(name, date)?;
        }
    }
    let code = |value: Option<String>| {
        value.map(|v| v.trim().to_ascii_uppercase()).filter(|v| !v.is_empty())
    };
    let modality = query.modality.map(|m| m.trim().to_ascii_lowercase()).filter(|m| !m.is_empty());
    if let Some(m) = modality.as_deref() {
        if m != "any" && !parley_store::MODALITIES.contains(&m) {
            return Err(ApiError::bad_request(format!(
                "unknown modality {m:?}: use any or one of {}",
                parley_store::MODALITIES.join(", ")
            )));
        }
    }
    Ok(EventFilter {
        actor: code(query.actor),
        recipient: code(query.recipient),
        event_type,
        since: query.since,
        until: query.until,
        story: query.story,
        modality,
        cursor: query.cursor.filter(|c| !c.is_empty()),
        limit: Some(limit),
    })
}

/// Dates are `YYYY-MM-DD`: checked here so a typo is a 400, not an empty page.
fn check_date(name: &str, value: &str) -> Result<(), ApiError> {
    let bytes = value.as_bytes();
    let shape = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let month = value.get(5..7).and_then(|m| m.parse::<u8>().ok()).unwrap_or(0);
    let day = value.get(8..10).and_then(|d| d.parse::<u8>().ok()).unwrap_or(0);
    if shape && (1..=12).contains(&month) && (1..=31).contains(&day) {
        Ok(())
    } else {
        Err(ApiError::bad_request(format!("{name} must be a date as YYYY-MM-DD, not {value:?}")))
    }
}

/// `GET /api/events/{id}`
pub async fn event(State(state): State<AppState>, Id(id): Id) -> Result<Response, ApiError> {
    match state.read(move |store| store.event(id)).await? {
        Some(detail) => Ok(Json(detail).into_response()),
        None => Err(ApiError::not_found(format!("no event {id}"))),
    }
}

/// Query of `GET /api/documents`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentsQuery {
    cursor: Option<String>,
    limit: Option<usize>,
}

#[derive(Serialize)]
struct DocumentPage {
    documents: Vec<DocumentRow>,
    next: Option<String>,
}

/// `GET /api/documents?cursor=...&limit=...` (newest first).
pub async fn documents(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<DocumentsQuery>,
) -> Result<Response, ApiError> {
    let page = page_of(query.cursor.as_deref(), query.limit, DEFAULT_LIST_PAGE, MAX_DOCUMENT_PAGE)?;
    // One row more than asked tells whether there is a next page.
    let documents = state.read(move |store| store.documents(page.limit + 1, page.offset)).await?;
    let (documents, next) = cut_page(documents, page);
    Ok(Json(DocumentPage { documents, next }).into_response())
}

/// Default page of the lists other than events (documents, actors,
/// stories, quotes).
pub const DEFAULT_LIST_PAGE: usize = 100;
/// Largest page of those lists.
pub const MAX_LIST_PAGE: usize = 1000;

/// The page a list request asks for: `limit` (default `default`, at most
/// `max`) rows after the offset the cursor holds. The cursor is the next
/// page's offset as `o<n>`, opaque to clients.
fn page_of(
    cursor: Option<&str>,
    limit: Option<usize>,
    default: usize,
    max: usize,
) -> Result<Page, ApiError> {
    let limit = limit.unwrap_or(default);
    if limit == 0 || limit > max {
        return Err(ApiError::bad_request(format!("limit must be 1 to {max}")));
    }
    let offset = match cursor.filter(|c| !c.is_empty()) {
        None => 0,
        Some(cursor) => cursor
            .strip_prefix('o')
            .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|n| n.parse::<usize>().ok())
            .ok_or_else(|| ApiError::bad_request(format!("malformed cursor {cursor:?}")))?,
    };
    Ok(Page { limit, offset })
}

/// The asked page of `rows`, fetched with one row more than the page (which
/// tells whether a next page exists), and the next page's cursor.
fn cut_page<T>(mut rows: Vec<T>, page: Page) -> (Vec<T>, Option<String>) {
    let next = (rows.len() > page.limit).then(|| format!("o{}", page.offset + page.limit));
    rows.truncate(page.limit);
    (rows, next)
}

/// `page` with one row more, to learn whether a next page exists.
fn one_more(page: Page) -> Page {
    Page { limit: page.limit + 1, offset: page.offset }
}

/// `GET /api/documents/{id}`
pub async fn document(State(state): State<AppState>, Id(id): Id) -> Result<Response, ApiError> {
    match state.read(move |store| store.document(id)).await? {
        Some(detail) => Ok(Json(detail).into_response()),
        None => Err(ApiError::not_found(format!("no document {id}"))),
    }
}

/// Query of the plain lists (`GET /api/actors`, `GET /api/stories`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    cursor: Option<String>,
    limit: Option<usize>,
}

#[derive(Serialize)]
struct ActorList {
    actors: Vec<ActorRow>,
    next: Option<String>,
}

/// `GET /api/actors?cursor=...&limit=...` (most active first).
pub async fn actors(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Response, ApiError> {
    let page = page_of(query.cursor.as_deref(), query.limit, DEFAULT_LIST_PAGE, MAX_LIST_PAGE)?;
    let actors = state.read(move |store| store.actors_page(one_more(page))).await?;
    let (actors, next) = cut_page(actors, page);
    Ok(Json(ActorList { actors, next }).into_response())
}

#[derive(Serialize)]
struct StoryList {
    stories: Vec<StoryRow>,
    next: Option<String>,
}

/// `GET /api/stories?cursor=...&limit=...` (largest first).
pub async fn stories(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Response, ApiError> {
    let page = page_of(query.cursor.as_deref(), query.limit, DEFAULT_LIST_PAGE, MAX_LIST_PAGE)?;
    let stories = state.read(move |store| store.stories_page(one_more(page))).await?;
    let (stories, next) = cut_page(stories, page);
    Ok(Json(StoryList { stories, next }).into_response())
}

/// Query of `GET /api/stories/{id}`: the size of its first page of events
/// and of quotes.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryQuery {
    limit: Option<usize>,
}

/// A story with the first page of its events (`timeline`) and of its
/// quotes; `next` and `quotes_next` are the cursors of the rest, read from
/// the events and quotes endpoints (which take the same `limit`).
#[derive(Serialize)]
struct StoryAnswer {
    #[serde(flatten)]
    detail: StoryDetail,
    /// The cursor of the next events: `/api/events?story=ID&modality=any&cursor=NEXT`.
    next: Option<String>,
    /// The cursor of the next quotes: `/api/quotes?story=ID&cursor=QUOTES_NEXT`.
    quotes_next: Option<String>,
}

/// `GET /api/stories/{id}?limit=...`
pub async fn story(
    State(state): State<AppState>,
    Id(id): Id,
    ApiQuery(query): ApiQuery<StoryQuery>,
) -> Result<Response, ApiError> {
    let limit = query.limit.unwrap_or(DEFAULT_EVENT_PAGE);
    if limit == 0 || limit > MAX_EVENT_PAGE {
        return Err(ApiError::bad_request(format!("limit must be 1 to {MAX_EVENT_PAGE}")));
    }
    let answer = state
        .read(move |store| {
            let Some(mut detail) = store.story(id)? else {
                return Ok(None);
            };
            // The first page is the events endpoint's, so its cursor
            // continues there; actors and dyads still count the whole story.
            let filter = EventFilter {
                story: Some(id),
                modality: Some("any".to_string()),
                limit: Some(limit),
                ..EventFilter::default()
            };
            let events = store.events(&filter)?;
            detail.timeline = events.events;
            let next = events.next;
            let quotes_page = Page { limit, offset: 0 };
            let quotes = store.quotes_page(None, Some(id), one_more(quotes_page))?;
            let (first, quotes_cursor) = cut_page(quotes, quotes_page);
            let keep: BTreeSet<i64> = first.iter().map(|q| q.id).collect();
            detail.quotes = kept_quotes(detail.quotes, &keep);
            Ok(Some(StoryAnswer { detail, next, quotes_next: quotes_cursor }))
        })
        .await?;
    match answer {
        Some(answer) => Ok(Json(answer).into_response()),
        None => Err(ApiError::not_found(format!("no story {id}"))),
    }
}

/// The speaker groups cut to the quotes in `keep` (the first page, in the
/// quotes endpoint's order); groups left empty go.
fn kept_quotes(groups: Vec<SpeakerQuotes>, keep: &BTreeSet<i64>) -> Vec<SpeakerQuotes> {
    groups
        .into_iter()
        .filter_map(|mut g| {
            g.quotes.retain(|q| keep.contains(&q.id));
            (!g.quotes.is_empty()).then_some(g)
        })
        .collect()
}

/// Query of `GET /api/quotes`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuotesQuery {
    speaker: Option<String>,
    story: Option<i64>,
    cursor: Option<String>,
    limit: Option<usize>,
}

#[derive(Serialize)]
struct QuoteList {
    quotes: Vec<QuoteRow>,
    next: Option<String>,
}

/// `GET /api/quotes?speaker=...&story=...&cursor=...&limit=...`
pub async fn quotes(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<QuotesQuery>,
) -> Result<Response, ApiError> {
    let page = page_of(query.cursor.as_deref(), query.limit, DEFAULT_LIST_PAGE, MAX_LIST_PAGE)?;
    let speaker = query.speaker.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let story = query.story;
    let quotes = state
        .read(move |store| store.quotes_page(speaker.as_deref(), story, one_more(page)))
        .await?;
    let (quotes, next) = cut_page(quotes, page);
    Ok(Json(QuoteList { quotes, next }).into_response())
}

/// Query of `GET /api/search`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchQuery {
    q: Option<String>,
    cursor: Option<String>,
    limit: Option<usize>,
}

#[derive(Serialize)]
struct Hit {
    #[serde(flatten)]
    hit: SearchHit,
    /// The story of the hit's document, for a link to its page.
    story_id: Option<i64>,
}

#[derive(Serialize)]
struct SearchResults {
    query: String,
    results: Vec<Hit>,
    next: Option<String>,
}

/// `GET /api/search?q=...&cursor=...&limit=...`
pub async fn search(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<SearchQuery>,
) -> Result<Response, ApiError> {
    let q = query.q.map(|q| q.trim().to_string()).unwrap_or_default();
    if q.is_empty() {
        return Err(ApiError::bad_request("q must hold at least one word"));
    }
    if q.len() > 500 {
        return Err(ApiError::bad_request("q is limited to 500 bytes"));
    }
    let page = page_of(query.cursor.as_deref(), query.limit, 20, MAX_SEARCH_HITS)?;
    let query_text = q.clone();
    let (results, next) = state
        .read(move |store| {
            let (hits, next) = cut_page(store.search_page(&q, one_more(page))?, page);
            // The store's hits name documents; the page links to stories.
            let ids: BTreeSet<i64> = hits.iter().map(|h| h.document_id).collect();
            let mut story_of = BTreeMap::new();
            for id in ids {
                story_of.insert(id, store.document_story(id)?);
            }
            let hits = hits
                .into_iter()
                .map(|hit| {
                    let story_id = story_of.get(&hit.document_id).copied().flatten();
                    Hit { hit, story_id }
                })
                .collect();
            Ok((hits, next))
        })
        .await?;
    Ok(Json(SearchResults { query: query_text, results, next }).into_response())
}

/// `GET /api/openapi.json`
pub async fn openapi() -> Response {
    ([(axum::http::header::CONTENT_TYPE, "application/json")], crate::assets::OPENAPI_JSON)
        .into_response()
}

// ------------------------------------------------------------------ writes

/// Body of `POST /api/documents`: exactly one of `text` and `html`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewDocument {
    /// The document's own id; derived from its content when absent.
    id: Option<String>,
    /// Plain text.
    text: Option<String>,
    /// An HTML page.
    html: Option<String>,
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    date: Option<String>,
}

#[derive(Serialize)]
struct Ingested {
    #[serde(flatten)]
    outcome: IngestOutcome,
    /// The document's own id (as given, or derived).
    id: String,
    /// Events the pipeline coded in it.
    coded_events: usize,
    /// Stories after the rebuild.
    stories: usize,
}

/// Checks the bearer token of a write.
fn authorize(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(expected) = state.token.as_deref() else {
        return Err(ApiError::new(
            ErrorCode::WritesDisabled,
            "writes are disabled: start the server with PARLEY_TOKEN set",
        ));
    };
    let given = headers
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer ").or_else(|| value.strip_prefix("bearer ")))
        .map(str::trim);
    match given {
        None => Err(ApiError::new(ErrorCode::Unauthorized, "a bearer token is required to write")),
        Some(token) if constant_time_eq(token.as_bytes(), expected.as_bytes()) => Ok(()),
        Some(_) => Err(ApiError::new(ErrorCode::Forbidden, "the bearer token is not valid")),
    }
}

/// Compares without stopping at the first difference, so the time taken
/// says nothing about how much of a guessed token was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `POST /api/documents` (bearer token): codes the document with the
/// server's pipeline, stores it and rebuilds events and stories.
pub async fn post_document(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    if state.read_only {
        return Err(ApiError::new(
            ErrorCode::ReadOnly,
            "the store is read-only: this server serves reads only",
        ));
    }
    authorize(&state, &headers)?;
    let body = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                ErrorCode::PayloadTooLarge,
                format!("the body is limited to {MAX_POST_BYTES} bytes"),
            )
        } else {
            ApiError::bad_request(rejection.body_text())
        }
    })?;
    let new: NewDocument = serde_json::from_slice(&body)
        .map_err(|err| ApiError::bad_request(format!("the body is not a valid document: {err}")))?;
    let (content, is_html) = match (new.text, new.html) {
        (Some(text), None) => (text, false),
        (None, Some(html)) => (html, true),
        _ => return Err(ApiError::bad_request("give exactly one of text and html")),
    };
    if content.trim().is_empty() {
        return Err(ApiError::bad_request("the document is empty"));
    }
    // The checks a file's text passes: no NUL, not mostly control characters.
    parley_text::check_str(&content, "the posted document")
        .map_err(|err| ApiError::bad_request(err.to_string()))?;
    if let Some(date) = &new.date {
        check_date("date", date)?;
    }
    let Some(coder) = state.coder.clone() else {
        return Err(ApiError::new(
            ErrorCode::WritesDisabled,
            "this server has no pipeline to code posted documents",
        ));
    };
    let id = new.id.filter(|id| !id.trim().is_empty()).unwrap_or_else(|| derived_id(&content));
    let meta = DocMeta {
        id: id.clone(),
        origin: "api".to_string(),
        date: new.date,
        source: new.source,
        url: new.url,
        title: new.title,
    };
    let (outcome, coded_events, stories) = state
        .write(move |store| {
            let doc = coder(meta, content, is_html)
                .map_err(|message| ApiError::new(ErrorCode::Unprocessable, message))?;
            // Stored, merged into events and placed in a story in one transaction.
            let outcome = store.ingest(&doc)?;
            let stories = store.counts()?.stories as usize;
            tracing::info!(doc_id = %doc.meta.id, events = doc.events.len(), "ingested a posted document");
            Ok((outcome, doc.events.len(), stories))
        })
        .await?;
    let status = match outcome {
        IngestOutcome::Inserted { .. } => StatusCode::CREATED,
        IngestOutcome::Unchanged { .. } => StatusCode::OK,
    };
    Ok((status, Json(Ingested { outcome, id, coded_events, stories })).into_response())
}

/// An id for a posted document that has none: FNV-1a of its content, so
/// posting the same text twice gives the same id.
fn derived_id(content: &str) -> String {
    let hash = content
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    format!("api-{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        for good in ["2024-07-02", "1999-12-31"] {
            assert!(check_date("since", good).is_ok(), "{good}");
        }
        for bad in ["2024-7-2", "2024-13-01", "2024-00-10", "yesterday", "2024-07-02T00:00", ""] {
            assert!(check_date("since", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(!constant_time_eq(b"secret", b"secreT"));
        assert!(!constant_time_eq(b"secret", b"secret2"));
    }

    #[test]
    fn derived_ids_are_stable() {
        assert_eq!(derived_id("Kyiv"), derived_id("Kyiv"));
        assert_ne!(derived_id("Kyiv"), derived_id("Kiev"));
    }
}
