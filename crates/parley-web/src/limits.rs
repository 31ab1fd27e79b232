//! Limits on a request's head, and JSON bodies for every error status.
//!
//! hyper answers a head it cannot parse or hold (over its URI length,
//! header count or buffer) itself, before any service runs, with a status
//! and an empty body. So the server checks its own, smaller limits here,
//! where it can answer `{code, message}`, and sets hyper's above them
//! ([`HYPER_MAX_HEADERS`], [`HYPER_MAX_BUF`]): only a head past those still
//! gets hyper's bare answer.

use axum::body::Body;
use axum::extract::Request;
use axum::http::header::CONTENT_TYPE;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::error::{ApiError, ErrorCode};

/// Longest request target (path and query) the server reads, in bytes.
pub const MAX_URI_BYTES: usize = 8 * 1024;
/// Most header fields in one request.
pub const MAX_HEADERS: usize = 100;
/// Most bytes of header names and values in one request.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// hyper's header-count limit: above [`MAX_HEADERS`], so the check here
/// answers first.
pub(crate) const HYPER_MAX_HEADERS: usize = 4 * MAX_HEADERS;
/// hyper's read buffer, which a request head must fit: above
/// [`MAX_URI_BYTES`] + [`MAX_HEADER_BYTES`] (hyper's default, about 400 KB,
/// stated so the margin is visible).
pub(crate) const HYPER_MAX_BUF: usize = 400 * 1024;

// Checked when compiling: hyper's limits must stay above the server's.
const _: () = assert!(HYPER_MAX_HEADERS > MAX_HEADERS);
const _: () = assert!(HYPER_MAX_BUF > MAX_URI_BYTES + MAX_HEADER_BYTES + 1024);

/// Answers 414 or 431 as JSON when the head is over the server's limits.
pub async fn check_head(request: Request, next: Next) -> Response {
    let uri_bytes = request.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    if uri_bytes > MAX_URI_BYTES {
        return ApiError::new(
            ErrorCode::UriTooLong,
            format!("the request target is limited to {MAX_URI_BYTES} bytes"),
        )
        .into_response();
    }
    let headers = request.headers();
    let header_bytes: usize = headers.iter().map(|(k, v)| k.as_str().len() + v.len()).sum();
    if headers.len() > MAX_HEADERS || header_bytes > MAX_HEADER_BYTES {
        return ApiError::new(
            ErrorCode::HeadersTooLarge,
            format!(
                "requests are limited to {MAX_HEADERS} header fields and {MAX_HEADER_BYTES} bytes of headers"
            ),
        )
        .into_response();
    }
    next.run(request).await
}

/// Gives an error answer that is not JSON (an extractor's plain-text
/// rejection, say) a `{code, message}` body with the same status. The
/// pages' own "not found" page stays HTML: a browser shows it.
pub async fn json_errors(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if content_type.starts_with("application/json") || content_type.starts_with("text/html") {
        return response;
    }
    let (mut parts, _) = response.into_parts();
    let json = match ErrorCode::from_status(status) {
        Some(code) => {
            let message = match code {
                // The cause of a 5xx is for the log, which has it already.
                ErrorCode::Internal => "internal error".to_string(),
                _ => reason(status),
            };
            ApiError::new(code, message).into_response()
        }
        None => {
            (status, Json(serde_json::json!({"code": code_of(status), "message": reason(status)})))
                .into_response()
        }
    };
    let (json_parts, body) = json.into_parts();
    // Other headers (Allow, WWW-Authenticate) stay; the body and its type change.
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    parts.headers.insert(CONTENT_TYPE, json_parts.headers[CONTENT_TYPE].clone());
    Response::from_parts(parts, Body::new(body))
}

fn reason(status: StatusCode) -> String {
    status.canonical_reason().unwrap_or("error").to_string()
}

/// A code for a status outside [`ErrorCode`]'s table: its reason phrase
/// in snake case (`415` → `unsupported_media_type`).
fn code_of(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => reason
            .chars()
            .filter_map(|c| match c {
                ' ' | '-' => Some('_'),
                c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
                _ => None,
            })
            .collect(),
        None => format!("http_{}", status.as_u16()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_outside_the_table_get_a_snake_case_code() {
        assert_eq!(code_of(StatusCode::UNSUPPORTED_MEDIA_TYPE), "unsupported_media_type");
        assert_eq!(code_of(StatusCode::REQUEST_TIMEOUT), "request_timeout");
        let odd = StatusCode::from_u16(499).expect("a status");
        assert_eq!(code_of(odd), "http_499");
    }
}
