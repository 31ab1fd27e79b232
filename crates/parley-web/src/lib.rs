//! Parley's web server: a JSON API over the store and pages that show a
//! story — a timeline coloured by cooperation and conflict, an actor
//! network, an event table that opens each event's evidence sentence with
//! actor, trigger and recipient highlighted, quotes by speaker, an outlet
//! comparison, and search.
//!
//! [`app`] builds the [`axum::Router`] over an [`AppState`] (store
//! connections, the [`Coder`] that runs the pipeline on posted documents,
//! and the bearer token that allows writes); [`bind`] and [`serve_on`] (or
//! [`serve`], or the blocking [`run`]) serve it. Reads are open; `POST
//! /api/documents` needs the token and is refused when none is set. Errors
//! are `{"code", "message"}` from one table ([`ErrorCode`]); internal
//! details go to the log only. The pages are plain HTML, CSS and JavaScript
//! embedded in the binary (one shared layout, `assets/layout.html`, that
//! each page's `<main>` fills); `/api/openapi.json` describes every route.
//!
//! ```no_run
//! use std::sync::Arc;
//! use parley_web::AppState;
//!
//! // Four connections to the store; a coder that would run the pipeline;
//! // writes allowed with the token from the environment.
//! let state = AppState::open("parley.db", 4)
//!     .expect("store")
//!     .coder(Arc::new(|meta, text, _is_html| Ok(parley_doc::Document::new(meta, text))))
//!     .token(std::env::var("PARLEY_TOKEN").ok());
//! parley_web::run(state, "127.0.0.1:8080".parse().unwrap(), |addr| {
//!     println!("parley: serving http://{addr}/");
//! })
//! .expect("serve");
//! ```
//!
//! Tests call the router in-process: `app(state).oneshot(request)`.

mod api;
mod assets;
mod error;
mod layout;
mod limits;
mod pages;
mod state;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::extract::{DefaultBodyLimit, Request};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use tokio::net::TcpListener;

pub use api::{
    DEFAULT_EVENT_PAGE, DEFAULT_LIST_PAGE, MAX_EVENT_PAGE, MAX_LIST_PAGE, MAX_POST_BYTES,
    MAX_SEARCH_HITS,
};
pub use error::{ApiError, ErrorCode, WebError};
pub use limits::{MAX_HEADERS, MAX_HEADER_BYTES, MAX_URI_BYTES};
pub use state::{AppState, Coder, CONNECTION_CACHE_KIB, IDLE_RELEASE};

/// The router: the API under `/api/`, pages at `/`, `/story/{id}`,
/// `/event/{id}`, `/actor/{code}` and `/document/{id}`, static files under
/// `/assets/`.
pub fn app(state: AppState) -> Router {
    let api = Router::new()
        .route("/counts", get(api::counts))
        .route(
            "/documents",
            get(api::documents)
                .post(api::post_document)
                .layer(DefaultBodyLimit::max(MAX_POST_BYTES)),
        )
        .route("/documents/{id}", get(api::document))
        .route("/documents/{id}/marks", get(pages::document_marks))
        .route("/events", get(api::events))
        .route("/events/{id}", get(api::event))
        .route("/actors", get(api::actors))
        .route("/actors/{code}", get(pages::actor))
        .route("/actors/{code}/events", get(pages::actor_events))
        .route("/stories", get(api::stories))
        .route("/stories/{id}", get(api::story))
        .route("/stories/{id}/events", get(pages::story_events_handler))
        .route("/quotes", get(api::quotes))
        .route("/search", get(api::search))
        .route("/openapi.json", get(api::openapi));
    Router::new()
        .nest("/api", api)
        .route("/", get(assets::index))
        .route("/story/{id}", get(assets::story_page))
        .route("/event/{id}", get(assets::event_page))
        .route("/actor/{code}", get(assets::actor_page))
        .route("/document/{id}", get(assets::document_page))
        .route("/assets/{name}", get(assets::asset))
        .fallback(assets::not_found)
        .method_not_allowed_fallback(assets::method_not_allowed)
        .layer(middleware::from_fn(limits::json_errors))
        .layer(middleware::from_fn(limits::check_head))
        .layer(middleware::from_fn(log_request))
        .with_state(state)
}

/// Logs each request with its status and time: one line each at info
/// level, at warn for server errors (whose cause `ApiError::internal` logs).
async fn log_request(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let micros = started.elapsed().as_micros() as u64;
    if status >= 500 {
        tracing::warn!(%method, %path, status, micros, "request");
    } else {
        tracing::info!(%method, %path, status, micros, "request");
    }
    response
}

/// Binds `addr`. A port of 0 picks a free port: read it from the listener's
/// `local_addr()`.
pub async fn bind(addr: SocketAddr) -> Result<TcpListener, WebError> {
    if !addr.ip().is_loopback() {
        tracing::warn!(%addr, "serving beyond this machine: reads are open to anyone who can reach it");
    }
    TcpListener::bind(addr).await.map_err(|source| WebError::Bind { addr, source })
}

/// How long requests in flight may take to finish after Ctrl-C or SIGTERM
/// before the server stops anyway (a client that holds a connection open
/// must not keep it running).
pub const SHUTDOWN_DEADLINE: Duration = Duration::from_secs(10);

/// How long a client has to send a request's head, counted from when the
/// connection waits for it (so an idle keep-alive connection is closed
/// after this long too).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves [`app`] on a bound listener until Ctrl-C (or SIGTERM), then lets
/// requests in flight finish for at most [`SHUTDOWN_DEADLINE`]. Each
/// connection must send its request head within [`HEADER_TIMEOUT`].
///
/// While it serves, the store's connections give back their page caches
/// whenever the store sits unused for [`IDLE_RELEASE`].
pub async fn serve_on(listener: TcpListener, state: AppState) -> Result<(), WebError> {
    let releaser = tokio::spawn(state.stores.clone().release_when_idle());
    let router = app(state);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let signal = shutdown_signal();
    tokio::pin!(signal);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(err) => {
                    // Out of file descriptors and the like: wait, do not spin.
                    tracing::warn!(error = %err, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut signal => break,
        };
        let service = hyper_util::service::TowerToHyperService::new(router.clone());
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(hyper_util::rt::TokioTimer::new())
            .header_read_timeout(HEADER_TIMEOUT)
            // Above the limits `check_head` answers as JSON (see `limits`).
            .max_headers(limits::HYPER_MAX_HEADERS)
            .max_buf_size(limits::HYPER_MAX_BUF)
            .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(err) = connection.await {
                tracing::debug!(error = %err, "connection closed with an error");
            }
        });
    }
    drop(listener);
    releaser.abort();
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(SHUTDOWN_DEADLINE) => {
            tracing::warn!(deadline_secs = SHUTDOWN_DEADLINE.as_secs(), "connections still open at the shutdown deadline: stopping anyway");
        }
    }
    Ok(())
}

/// Binds `addr`, calls `on_bound` with the bound address (to print it), and
/// serves until Ctrl-C.
pub async fn serve(
    state: AppState,
    addr: SocketAddr,
    on_bound: impl FnOnce(SocketAddr),
) -> Result<(), WebError> {
    let listener = bind(addr).await?;
    on_bound(listener.local_addr()?);
    serve_on(listener, state).await
}

/// [`serve`] on a runtime of its own, for callers that are not async
/// (the `parley` binary).
pub fn run(
    state: AppState,
    addr: SocketAddr,
    on_bound: impl FnOnce(SocketAddr),
) -> Result<(), WebError> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(serve(state, addr, on_bound))
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            // No signal handler: serve until killed.
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
