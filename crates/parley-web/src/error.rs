use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use parley_store::StoreError;
use serde::Serialize;
use thiserror::Error;

/// Errors of starting and running the server (not of single requests:
/// those are [`ApiError`]s answered to the client).
#[derive(Debug, Error)]
pub enum WebError {
    /// The store could not be opened.
    #[error("opening the store {target}: {source}")]
    Store {
        /// The store target as given (path or URL).
        target: String,
        /// What the store said.
        #[source]
        source: StoreError,
    },
    /// The address could not be bound.
    #[error("binding {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: std::net::SocketAddr,
        /// The system's error.
        #[source]
        source: std::io::Error,
    },
    /// Serving failed (accepting connections, building the runtime).
    #[error("serving: {0}")]
    Io(#[from] std::io::Error),
}

/// The API's error codes: one table, one HTTP status each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// A malformed query parameter, path, cursor or body.
    BadRequest,
    /// A write without a bearer token.
    Unauthorized,
    /// A write with a token that is not the configured one.
    Forbidden,
    /// A write while the server has no token configured: writes are off.
    WritesDisabled,
    /// A write to a store the server opened read-only.
    ReadOnly,
    /// No such resource.
    NotFound,
    /// A method the route does not serve.
    MethodNotAllowed,
    /// A body over the size limit.
    PayloadTooLarge,
    /// A request target (path and query) over the size limit.
    UriTooLong,
    /// Too many header fields, or too many bytes of them.
    HeadersTooLarge,
    /// The document was well formed but could not be coded.
    Unprocessable,
    /// Anything that is the server's fault; the details go to the log.
    Internal,
}

impl ErrorCode {
    /// Every code, in the table's order (the OpenAPI document's order too).
    pub const ALL: [ErrorCode; 12] = [
        ErrorCode::BadRequest,
        ErrorCode::Unauthorized,
        ErrorCode::Forbidden,
        ErrorCode::WritesDisabled,
        ErrorCode::ReadOnly,
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::PayloadTooLarge,
        ErrorCode::UriTooLong,
        ErrorCode::HeadersTooLarge,
        ErrorCode::Unprocessable,
        ErrorCode::Internal,
    ];

    /// The code as written in `{"code": ...}`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::BadRequest => "bad_request",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::WritesDisabled => "writes_disabled",
            ErrorCode::ReadOnly => "read_only",
            ErrorCode::NotFound => "not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::UriTooLong => "uri_too_long",
            ErrorCode::HeadersTooLarge => "headers_too_large",
            ErrorCode::Unprocessable => "unprocessable",
            ErrorCode::Internal => "internal",
        }
    }

    /// The HTTP status answered with the code.
    pub fn status(self) -> StatusCode {
        match self {
            ErrorCode::BadRequest => StatusCode::BAD_REQUEST,
            ErrorCode::Unauthorized => StatusCode::UNAUTHORIZED,
            ErrorCode::Forbidden | ErrorCode::WritesDisabled | ErrorCode::ReadOnly => {
                StatusCode::FORBIDDEN
            }
            ErrorCode::NotFound => StatusCode::NOT_FOUND,
            ErrorCode::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::UriTooLong => StatusCode::URI_TOO_LONG,
            ErrorCode::HeadersTooLarge => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            ErrorCode::Unprocessable => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl ErrorCode {
    /// The code for an error status some layer answered without a body of
    /// ours; `None` for a status outside the table. Where two codes share a
    /// status (403), the general one.
    pub fn from_status(status: StatusCode) -> Option<ErrorCode> {
        Some(match status {
            StatusCode::BAD_REQUEST => ErrorCode::BadRequest,
            StatusCode::UNAUTHORIZED => ErrorCode::Unauthorized,
            StatusCode::FORBIDDEN => ErrorCode::Forbidden,
            StatusCode::NOT_FOUND => ErrorCode::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => ErrorCode::MethodNotAllowed,
            StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::PayloadTooLarge,
            StatusCode::URI_TOO_LONG => ErrorCode::UriTooLong,
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE => ErrorCode::HeadersTooLarge,
            StatusCode::UNPROCESSABLE_ENTITY => ErrorCode::Unprocessable,
            s if s.is_server_error() => ErrorCode::Internal,
            _ => return None,
        })
    }
}

/// An error answered to an API client as `{"code": ..., "message": ...}`.
///
/// Internal errors carry their cause for the log only: the client reads
/// `internal error`.
#[derive(Debug)]
pub struct ApiError {
    /// Which error.
    pub code: ErrorCode,
    /// What to tell the client.
    pub message: String,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    code: &'a str,
    message: &'a str,
}

impl ApiError {
    /// An error with a message for the client.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError { code, message: message.into() }
    }

    /// 400 with a message.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorCode::BadRequest, message)
    }

    /// 404 for `what`.
    pub fn not_found(what: impl Into<String>) -> ApiError {
        ApiError::new(ErrorCode::NotFound, what)
    }

    /// 500: logs `cause` and tells the client nothing more.
    pub fn internal(cause: impl std::fmt::Display) -> ApiError {
        tracing::error!(error = %cause, "internal error answering a request");
        ApiError::new(ErrorCode::Internal, "internal error")
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> ApiError {
        if matches!(err, StoreError::ReadOnly(_)) {
            ApiError::new(ErrorCode::ReadOnly, "the store is read-only: it serves reads only")
        } else if err.is_user_error() {
            // The store's own wording ("invalid input: bad cursor") is for the caller.
            ApiError::bad_request(err.to_string())
        } else {
            ApiError::internal(err)
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody { code: self.code.as_str(), message: &self.message };
        let mut response = (self.code.status(), Json(body)).into_response();
        if self.code == ErrorCode::Unauthorized {
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_failures_are_internal_and_say_nothing_more() {
        let err =
            ApiError::from(StoreError::Internal("table events has no column secret_path".into()));
        assert_eq!(err.code, ErrorCode::Internal);
        assert_eq!(err.message, "internal error");
        assert_eq!(err.code.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }

    #[test]
    fn bad_input_to_the_store_is_the_caller_s() {
        let err = ApiError::from(StoreError::Invalid("malformed cursor".into()));
        assert_eq!(err.code, ErrorCode::BadRequest);
        assert!(err.message.contains("malformed cursor"));
    }

    #[test]
    fn every_code_has_a_client_error_or_500_status() {
        use ErrorCode::*;
        for code in ErrorCode::ALL {
            if code != Forbidden && code != WritesDisabled && code != ReadOnly {
                assert_eq!(ErrorCode::from_status(code.status()), Some(code), "{code:?}");
            }
            let status = code.status().as_u16();
            assert!(
                (400..500).contains(&status) || (code == Internal && status == 500),
                "{code:?}"
            );
            assert!(code.as_str().chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        }
    }
}
