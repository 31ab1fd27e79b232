//! Fetching over HTTP politely: a User-Agent naming parley and its
//! version, timeouts, a pause between two requests to one host, and
//! conditional requests (ETag, Last-Modified) so an unchanged feed costs a
//! `304 Not Modified` and nothing else.

use std::collections::HashMap;
use std::time::{Duration, Instant};

/// How to fetch.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    /// The longest a request may take, body included.
    pub timeout: Duration,
    /// The least time between two requests to one host.
    pub per_host_interval: Duration,
    /// The largest body read.
    pub max_bytes: u64,
    /// The User-Agent header.
    pub user_agent: String,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            timeout: Duration::from_secs(30),
            per_host_interval: Duration::from_secs(1),
            max_bytes: parley_text::MAX_DOCUMENT_BYTES,
            user_agent: format!(
                "parley/{} (+https://github.com/parley-events/parley)",
                env!("CARGO_PKG_VERSION")
            ),
        }
    }
}

/// A feed's validators from its last fetch, sent back to ask "changed?".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` header.
    pub etag: Option<String>,
    /// The `Last-Modified` header.
    pub last_modified: Option<String>,
}

/// What a request brought.
#[derive(Debug)]
pub enum Fetched {
    /// `304 Not Modified`: what we have is current.
    NotModified,
    /// A body.
    Body {
        /// The bytes.
        body: Vec<u8>,
        /// The `Content-Type` header.
        content_type: Option<String>,
        /// The validators to send next time.
        validators: Validators,
    },
}

/// A client that remembers when it last asked each host.
pub struct Fetcher {
    agent: ureq::Agent,
    config: FetchConfig,
    last_request: HashMap<String, Instant>,
}

impl Fetcher {
    /// A client with `config`.
    pub fn new(config: FetchConfig) -> Self {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(config.timeout))
            .http_status_as_error(false)
            .user_agent(config.user_agent.as_str())
            .max_redirects(5)
            .build()
            .into();
        Fetcher { agent, config, last_request: HashMap::new() }
    }

    /// GETs `url`, conditionally when `validators` are given. A status
    /// other than 2xx or 304 is an error.
    pub fn get(&mut self, url: &str, validators: Option<&Validators>) -> Result<Fetched, String> {
        self.wait_for_host(url);
        let mut request = self.agent.get(url);
        if let Some(v) = validators {
            if let Some(etag) = &v.etag {
                request = request.header("If-None-Match", etag.as_str());
            }
            if let Some(modified) = &v.last_modified {
                request = request.header("If-Modified-Since", modified.as_str());
            }
        }
        let mut response = request.call().map_err(|err| err.to_string())?;
        let status = response.status().as_u16();
        if status == 304 {
            return Ok(Fetched::NotModified);
        }
        if !(200..300).contains(&status) {
            return Err(format!("HTTP {status}"));
        }
        let header = |name: &str| {
            response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string)
        };
        let validators =
            Validators { etag: header("etag"), last_modified: header("last-modified") };
        let content_type = header("content-type");
        let body = response
            .body_mut()
            .with_config()
            .limit(self.config.max_bytes)
            .read_to_vec()
            .map_err(|err| err.to_string())?;
        Ok(Fetched::Body { body, content_type, validators })
    }

    /// Sleeps until the host may be asked again.
    fn wait_for_host(&mut self, url: &str) {
        let host = url::Url::parse(url)
            .ok()
            .map(|u| {
                format!("{}:{}", u.host_str().unwrap_or(""), u.port_or_known_default().unwrap_or(0))
            })
            .unwrap_or_default();
        if let Some(last) = self.last_request.get(&host) {
            let next = *last + self.config.per_host_interval;
            let now = Instant::now();
            if next > now {
                std::thread::sleep(next - now);
            }
        }
        self.last_request.insert(host, Instant::now());
    }
}
