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
    /// No such resource.
    NotFound,
    /// A method the route does not serve.
    MethodNotAllowed,
    /// A body over the size limit.
    PayloadTooLarge,
    /// The document was well formed but could not be coded.
    Unprocessable,
    /// Anything that is the server's fault; the details go to the log.
    Internal,
}

impl ErrorCode {
    /// The code as written in `{"code": ...}`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::BadRequest => "bad_request",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::WritesDisabled => "writes_disabled",
            ErrorCode::NotFound => "not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::Unprocessable => "unprocessable",
            ErrorCode::Internal => "internal",
        }
    }

    /// The HTTP status answered with the code.
    pub fn status(self) -> StatusCode {
        match self {
            ErrorCode::BadRequest => StatusCode::BAD_REQUEST,
            ErrorCode::Unauthorized => StatusCode::UNAUTHORIZED,
            ErrorCode::Forbidden | ErrorCode::WritesDisabled => StatusCode::FORBIDDEN,
            ErrorCode::NotFound => StatusCode::NOT_FOUND,
            ErrorCode::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::Unprocessable => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
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
        if err.is_user_error() {
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
