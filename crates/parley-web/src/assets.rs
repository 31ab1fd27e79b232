//! Pages and static files, embedded in the binary: no build step, no CDN.

use axum::extract::{Path, State};
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::layout::{self, Page};
use crate::state::AppState;

/// The OpenAPI 3 description of the API.
pub const OPENAPI_JSON: &str = include_str!("../assets/openapi.json");

/// Static files under `/assets/`: name, content type, bytes.
const FILES: &[(&str, &str, &str)] = &[
    ("app.css", "text/css; charset=utf-8", include_str!("../assets/app.css")),
    ("common.js", "text/javascript; charset=utf-8", include_str!("../assets/common.js")),
    ("story.js", "text/javascript; charset=utf-8", include_str!("../assets/story.js")),
    ("index.js", "text/javascript; charset=utf-8", include_str!("../assets/index.js")),
    ("event.js", "text/javascript; charset=utf-8", include_str!("../assets/event.js")),
    ("actor.js", "text/javascript; charset=utf-8", include_str!("../assets/actor.js")),
    ("document.js", "text/javascript; charset=utf-8", include_str!("../assets/document.js")),
    ("favicon.svg", "image/svg+xml", include_str!("../assets/favicon.svg")),
];

/// Pages load only this server's scripts and styles; inline `style`
/// attributes (set by the charts' code) are allowed, inline scripts are not.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
                   img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The folder named by `PARLEY_WEB_ASSETS`, whose files replace the
/// embedded ones of the same name: for working on the pages without a
/// rebuild. Only the names listed here and the pages' files (the shared
/// layout and each page's `<main>`) are read from it.
fn override_of(name: &str) -> Option<String> {
    let dir = std::env::var_os("PARLEY_WEB_ASSETS")?;
    std::fs::read_to_string(std::path::Path::new(&dir).join(name)).ok()
}

/// The embedded file, or its replacement from `PARLEY_WEB_ASSETS`.
fn body(name: &str, embedded: &'static str) -> axum::body::Body {
    match override_of(name) {
        Some(text) => text.into(),
        None => embedded.into(),
    }
}

/// A page, filled into the shared layout (see [`layout`]).
fn page(page: &'static Page) -> Response {
    let html = page.html(override_of(layout::LAYOUT_FILE), override_of(page.file));
    html_response(html.into())
}

fn html_response(body: axum::body::Body) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

/// `GET /`: story list and search.
pub async fn index() -> Response {
    page(&layout::INDEX)
}

/// `GET /story/{id}`: the page loads the story from the API; a story that
/// does not exist is a 404 page, so links checkers and crawlers see it.
pub async fn story_page(State(state): State<AppState>, Path(raw): Path<String>) -> Response {
    let Ok(id) = raw.parse::<i64>() else {
        return not_found_page();
    };
    exists_or_404(&state, &layout::STORY, move |store| store.story_exists(id)).await
}

/// `GET /event/{id}`: one event and all its reports (404 page when absent).
pub async fn event_page(State(state): State<AppState>, Path(raw): Path<String>) -> Response {
    let Ok(id) = raw.parse::<i64>() else {
        return not_found_page();
    };
    exists_or_404(&state, &layout::EVENT, move |store| store.event(id).map(|e| e.is_some())).await
}

/// `GET /actor/{code}`: one actor, its events and partners (404 page when absent).
pub async fn actor_page(State(state): State<AppState>, Path(raw): Path<String>) -> Response {
    let Some(code) = crate::pages::actor_code(&raw) else {
        return not_found_page();
    };
    exists_or_404(&state, &layout::ACTOR, move |store| {
        store.actor_detail(&code).map(|a| a.is_some())
    })
    .await
}

/// `GET /document/{id}`: one article with its coded spans (404 page when absent).
pub async fn document_page(State(state): State<AppState>, Path(raw): Path<String>) -> Response {
    let Ok(id) = raw.parse::<i64>() else {
        return not_found_page();
    };
    exists_or_404(&state, &layout::DOCUMENT, move |store| store.document(id).map(|d| d.is_some()))
        .await
}

async fn exists_or_404<F>(state: &AppState, html: &'static Page, exists: F) -> Response
where
    F: FnOnce(&parley_store::Store) -> Result<bool, parley_store::StoreError> + Send + 'static,
{
    match state.read(exists).await {
        Ok(true) => page(html),
        Ok(false) => not_found_page(),
        Err(err) => err.into_response(),
    }
}

fn not_found_page() -> Response {
    let mut response = html_response(NOT_FOUND_HTML.into());
    *response.status_mut() = StatusCode::NOT_FOUND;
    response
}

/// `GET /assets/{name}`
pub async fn asset(Path(name): Path<String>) -> Response {
    match FILES.iter().find(|(file, _, _)| *file == name) {
        Some((file, content_type, embedded)) => {
            let mut response = body(file, embedded).into_response();
            let headers = response.headers_mut();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
            // Short: a new binary may ship new assets under the same names.
            headers.insert(CACHE_CONTROL, HeaderValue::from_static("public, max-age=300"));
            headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
            response
        }
        None => (StatusCode::NOT_FOUND, "no such asset").into_response(),
    }
}

/// Anything unrouted: `{code, message}` under `/api/`, a small page elsewhere.
pub async fn not_found(uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") || uri.path() == "/api" {
        return ApiError::not_found(format!("no route {}", uri.path())).into_response();
    }
    not_found_page()
}

/// A method the route does not serve.
pub async fn method_not_allowed() -> Response {
    ApiError::new(crate::ErrorCode::MethodNotAllowed, "method not allowed on this route")
        .into_response()
}

const NOT_FOUND_HTML: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>Not found · parley</title><link rel=\"stylesheet\" href=\"/assets/app.css\"></head>\
<body><header class=\"top\"><a class=\"brand\" href=\"/\">parley</a></header>\
<main><h1 id=\"not-found\">Not found</h1><p>There is no such story, event, actor or document here. \
<a href=\"/\">See the stories.</a></p></main></body></html>";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_reference_only_embedded_assets() {
        let pages = layout::PAGES.iter().map(|page| page.html(None, None));
        for html in pages.chain([NOT_FOUND_HTML.into()]) {
            for part in html.split("/assets/").skip(1) {
                let name: String = part.chars().take_while(|c| *c != '"').collect();
                assert!(FILES.iter().any(|(file, _, _)| *file == name), "missing asset {name}");
            }
        }
    }

    #[test]
    fn openapi_is_json() {
        let doc: serde_json::Value = serde_json::from_str(OPENAPI_JSON).expect("valid JSON");
        assert_eq!(doc["openapi"].as_str().map(|v| &v[..2]), Some("3."));
    }

    #[test]
    fn openapi_lists_every_error_code_in_order() {
        let doc: serde_json::Value = serde_json::from_str(OPENAPI_JSON).expect("valid JSON");
        let listed = &doc["components"]["schemas"]["Error"]["properties"]["code"]["enum"];
        let codes: Vec<&str> = crate::ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(listed, &serde_json::json!(codes));
    }
}
