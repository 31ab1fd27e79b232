//! One poll of a list of feeds: fetch each feed (conditionally), then each
//! new item's page, code it and store it once, keyed by canonical address;
//! a feed or page that fails is reported with its address and the others
//! go on. The store remembers feeds' validators and items seen, so a
//! second poll, or a restart, fetches nothing twice.

use std::path::Path;

use parley_doc::{DocMeta, Document};
use parley_store::{FeedState, IngestOutcome, Store, StoreError};

use crate::canonical::{canonical_url, outlet, page_canonical};
use crate::feeds::{parse_feed, FeedItem};
use crate::fetch::{FetchConfig, Fetched, Fetcher, Validators};
use crate::payload;

/// What one poll did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PollSummary {
    /// Feeds polled (fetched or read).
    pub feeds: usize,
    /// Feeds the server said were unchanged (304).
    pub feeds_unchanged: usize,
    /// Feeds that could not be fetched or parsed.
    pub feeds_failed: usize,
    /// Items not seen before.
    pub items_new: usize,
    /// Items seen in an earlier poll (or earlier in this one).
    pub items_seen: usize,
    /// Pages fetched.
    pub pages_fetched: usize,
    /// Pages that could not be fetched, read or coded.
    pub pages_failed: usize,
    /// Documents stored.
    pub documents_stored: usize,
    /// Event reports in them.
    pub events: usize,
    /// One line per failure: the address and what went wrong.
    pub failures: Vec<String>,
}

impl std::fmt::Display for PollSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} feeds polled ({} unchanged, {} failed); items: {} new, {} seen; pages: {} fetched, {} failed; {} documents stored, {} events",
            self.feeds,
            self.feeds_unchanged,
            self.feeds_failed,
            self.items_new,
            self.items_seen,
            self.pages_fetched,
            self.pages_failed,
            self.documents_stored,
            self.events
        )
    }
}

/// Codes a document in place (the pipeline, in the CLI); an error is the
/// reason it failed.
pub type Coder<'a> = dyn FnMut(&mut Document) -> Result<(), String> + 'a;

/// Polls feeds into a store.
pub struct Watcher {
    fetcher: Fetcher,
    max_bytes: u64,
}

impl Watcher {
    /// A watcher fetching with `config`.
    pub fn new(config: FetchConfig) -> Self {
        let max_bytes = config.max_bytes;
        Watcher { fetcher: Fetcher::new(config), max_bytes }
    }

    /// Polls every feed once. `progress` hears a line per feed and per
    /// failure. Only a store that cannot be written stops the poll.
    pub fn poll(
        &mut self,
        feeds: &[String],
        store: &mut Store,
        code: &mut Coder<'_>,
        progress: &mut dyn FnMut(&str),
    ) -> Result<PollSummary, StoreError> {
        let mut summary = PollSummary::default();
        for feed in feeds {
            summary.feeds += 1;
            progress(&format!("feed {feed}"));
            let fetched = self.fetch_feed(feed, store);
            let (items, validators) = match fetched {
                Ok(Some(found)) => found,
                Ok(None) => {
                    summary.feeds_unchanged += 1;
                    continue;
                }
                Err(message) => {
                    summary.feeds_failed += 1;
                    let line = format!("{feed}: {message}");
                    progress(&line);
                    summary.failures.push(line);
                    continue;
                }
            };
            for item in &items {
                self.item(feed, item, store, code, &mut summary, progress)?;
            }
            // Only once its items are read: a poll cut short asks again.
            if let Some(validators) = validators {
                let state =
                    FeedState { etag: validators.etag, last_modified: validators.last_modified };
                store.save_feed_state(feed, &state)?;
            }
        }
        Ok(summary)
    }

    /// The feed's items, with the validators to store; `None` when unchanged.
    #[allow(clippy::type_complexity)]
    fn fetch_feed(
        &mut self,
        feed: &str,
        store: &Store,
    ) -> Result<Option<(Vec<FeedItem>, Option<Validators>)>, String> {
        if !is_http(feed) {
            let bytes = read_local(Path::new(feed), self.max_bytes)?;
            return parse_feed(&bytes, None).map(|items| Some((items, None)));
        }
        let known = store.feed_state(feed).map_err(|err| err.to_string())?;
        let validators = known.map(|s| Validators { etag: s.etag, last_modified: s.last_modified });
        match self.fetcher.get(feed, validators.as_ref())? {
            Fetched::NotModified => Ok(None),
            Fetched::Body { body, validators, .. } => {
                parse_feed(&body, Some(feed)).map(|items| Some((items, Some(validators))))
            }
        }
    }

    /// One item: a failure of its page is reported and counted, and only a
    /// store that cannot be written is an error.
    fn item(
        &mut self,
        feed: &str,
        item: &FeedItem,
        store: &mut Store,
        code: &mut Coder<'_>,
        summary: &mut PollSummary,
        progress: &mut dyn FnMut(&str),
    ) -> Result<(), StoreError> {
        if let Err(message) = self.store_item(feed, item, store, code, summary)? {
            summary.pages_failed += 1;
            let line = format!("{}: {message}", item.link);
            progress(&line);
            summary.failures.push(line);
        }
        Ok(())
    }

    /// Fetches, codes and stores one item unless seen; the inner error says
    /// why its page failed.
    fn store_item(
        &mut self,
        feed: &str,
        item: &FeedItem,
        store: &mut Store,
        code: &mut Coder<'_>,
        summary: &mut PollSummary,
    ) -> Result<Result<(), String>, StoreError> {
        let Some(key) = canonical_url(&item.link) else {
            summary.items_new += 1;
            return Ok(Err("not an http(s) address".to_string()));
        };
        if store.feed_item_seen(&key)? {
            summary.items_seen += 1;
            return Ok(Ok(()));
        }
        summary.items_new += 1;
        let (body, content_type) = match self.fetcher.get(&item.link, None) {
            Ok(Fetched::Body { body, content_type, .. }) => (body, content_type),
            Ok(Fetched::NotModified) => return Ok(Err("304 to a plain request".to_string())),
            Err(message) => return Ok(Err(message)),
        };
        summary.pages_fetched += 1;
        let Some(html) = payload::decode_html(&body, content_type.as_deref()) else {
            return Ok(Err("a character set parley does not read".to_string()));
        };
        // The page's own canonical address: two feed links to one article
        // are one item, counted as seen.
        let page_key = page_canonical(&html, &item.link).unwrap_or_else(|| key.clone());
        if page_key != key && store.feed_item_seen(&page_key)? {
            summary.items_new -= 1;
            summary.items_seen += 1;
            store.mark_feed_item(&key, feed, None)?;
            return Ok(Ok(()));
        }
        let meta = DocMeta {
            id: page_key.clone(),
            origin: item.link.clone(),
            date: None,
            source: outlet(&page_key),
            url: Some(page_key.clone()),
            title: item.title.clone(),
        };
        let read = parley_text::check_str(&html, &item.link)
            .and_then(|()| parley_text::document_from_html(&html, meta));
        let mut doc = match read {
            Ok(doc) => doc,
            Err(err) => return Ok(Err(err.to_string())),
        };
        // Without a date on the page, the feed's date for the item.
        if doc.meta.date.is_none() {
            doc.meta.date = item.date.clone();
        }
        if let Err(message) = code(&mut doc) {
            return Ok(Err(message));
        }
        let document_id = match store.ingest(&doc) {
            Ok(IngestOutcome::Inserted { document_id, events, .. }) => {
                summary.documents_stored += 1;
                summary.events += events;
                document_id
            }
            Ok(IngestOutcome::Unchanged { document_id, .. }) => document_id,
            Err(err) if err.is_user_error() => return Ok(Err(err.to_string())),
            Err(err) => return Err(err),
        };
        store.mark_feed_item(&page_key, feed, Some(document_id))?;
        if page_key != key {
            store.mark_feed_item(&key, feed, Some(document_id))?;
        }
        Ok(Ok(()))
    }
}

fn is_http(address: &str) -> bool {
    let lower = address.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

fn read_local(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|err| format!("cannot read: {err}"))?;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|err| format!("cannot read: {err}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!("larger than {limit} bytes"));
    }
    Ok(bytes)
}
