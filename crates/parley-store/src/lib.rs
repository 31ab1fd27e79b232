//! Parley's store: coded documents in SQLite (the default) or PostgreSQL,
//! with reports of one real-world event merged into one event, articles
//! grouped into stories, full-text search, and exports.
//!
//! [`Store::open`] takes a target: `postgres://...` or `postgresql://...`
//! opens PostgreSQL (add `?schema=NAME` to keep the tables in a schema of
//! their own), anything else is a SQLite file (`:memory:` for a throwaway
//! store). Numbered migrations run on open. [`Store::ingest`] stores one
//! coded [`Document`](parley_doc::Document) in one transaction: its
//! sentences, actor mentions, event *reports* (one per coded event) and
//! quotes. A document whose content hash (metadata and text) is already
//! stored changes nothing; one that fails leaves nothing behind. In the
//! same transaction the document is placed: its reports merged into
//! events (see [`merge`] for the rule) and the document put in a story
//! (see [`story`]), touching only what it changes.
//! [`Store::rebuild_stories`] places every document again from scratch,
//! with the same result; the queries ([`Store::events`], [`Store::story`], ...)
//! read the result, and [`export`] writes it as PLOVER JSON, GDELT 2.0
//! events, CSV or Parquet.
//!
//! ```
//! use parley_store::{EventFilter, IngestOutcome, Store};
//! use parley_doc::{DocMeta, Document};
//!
//! let mut store = Store::open(":memory:").expect("open");
//! let meta = DocMeta { id: "a1".into(), date: Some("2024-07-02".into()), ..DocMeta::default() };
//! let doc = Document::new(meta, "Russia rejected the proposal.".into());
//! assert!(matches!(store.ingest(&doc).expect("ingest"), IngestOutcome::Inserted { .. }));
//! assert!(matches!(store.ingest(&doc).expect("again"), IngestOutcome::Unchanged { .. }));
//! store.rebuild_stories().expect("rebuild");
//! assert_eq!(store.counts().expect("counts").documents, 1);
//! assert!(store.events(&EventFilter::default()).expect("events").events.is_empty());
//! ```

use std::cell::RefCell;
use std::path::Path;

mod aggregates;
mod bench;
pub mod copies;
mod db;
mod error;
pub mod export;
mod feeds;
mod ingest;
pub mod merge;
mod model;
pub mod pages;
mod place;
mod query;
mod rebuild;
mod render;
mod schema;
pub mod story;
mod story_place;

pub use bench::{bench_event_queries, generate_synthetic, QueryLatency};
pub use error::StoreError;
pub use feeds::FeedState;
pub use ingest::{body_hash, content_hash};
pub use model::*;
pub use query::{Page, MODALITIES};
pub use render::render_story_text;
pub use schema::latest_version;

use db::Backend;

/// A store of coded documents, events and stories.
///
/// One connection; `Send` but not `Sync` (share it behind a mutex, or
/// open one per thread: SQLite in WAL mode serves readers beside a writer).
pub struct Store {
    db: RefCell<Backend>,
    /// Opened read-only (a SQLite file or folder this process cannot
    /// write): reads are served, writes answer [`StoreError::ReadOnly`].
    read_only: bool,
    /// Counts and the actor list as last read, while the store is unchanged.
    aggregates: RefCell<aggregates::Aggregates>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("backend", &self.backend()).finish()
    }
}

impl Store {
    /// Opens (creating if needed) the store at `target` and applies pending
    /// migrations: `postgres://` / `postgresql://` URLs open PostgreSQL
    /// (an optional `schema=NAME` query parameter selects, and creates, a
    /// schema), anything else is a SQLite file path (`:memory:` allowed).
    ///
    /// A SQLite file that cannot be written (a read-only file, or a file
    /// in a read-only folder) is opened read-only, if its schema is
    /// current: see [`Store::is_read_only`].
    pub fn open(target: &str) -> Result<Store, StoreError> {
        if target.starts_with("postgres://") || target.starts_with("postgresql://") {
            let mut store = Store::with_backend(open_postgres(target)?, false);
            schema::migrate(store.db.get_mut())?;
            store.place_unplaced()?;
            return Ok(store);
        }
        let err = match open_sqlite(target) {
            Ok((backend, read_only)) => {
                let mut store = Store::with_backend(backend, read_only);
                let ready = if read_only {
                    schema::check_current(store.db.get_mut(), target)
                } else {
                    schema::migrate(store.db.get_mut()).and_then(|_| store.place_unplaced())
                };
                match ready {
                    Ok(()) => return Ok(store),
                    Err(err) if read_only => return Err(err),
                    Err(err) => err,
                }
            }
            Err(err) => err,
        };
        // A file that exists but cannot be written (a read-only file, or a
        // read-only folder where the WAL index cannot be made) is read.
        if !err.is_read_only_failure()
            || target == ":memory:"
            || target.starts_with("file:")
            || !Path::new(target).is_file()
        {
            return Err(err);
        }
        let Some(backend) = open_sqlite_read_only(target) else {
            // Not readable either: the first error says why.
            return Err(err);
        };
        tracing::info!(path = target, error = %err, "the store cannot be written: opened read-only");
        let store = Store::with_backend(backend, true);
        schema::check_current(&mut store.db.borrow_mut(), target)?;
        Ok(store)
    }

    fn with_backend(backend: Backend, read_only: bool) -> Store {
        Store { db: RefCell::new(backend), read_only, aggregates: RefCell::default() }
    }

    /// A store written before documents were placed as they are stored
    /// (schema version 4 or older, migrated on open) is rebuilt once.
    fn place_unplaced(&mut self) -> Result<(), StoreError> {
        let unplaced = self.db.get_mut().query_opt(
            "SELECT d.id FROM documents d LEFT JOIN document_features f ON f.document_id = d.id \
             WHERE f.document_id IS NULL LIMIT 1",
            &[],
        )?;
        if unplaced.is_some() {
            tracing::info!("placing the documents of an older store in events and stories");
            self.rebuild_stories()?;
        }
        Ok(())
    }

    /// Whether the store was opened read-only (writes would fail).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    fn check_writable(&self) -> Result<(), StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly(
                "opened read-only (the file or its folder cannot be written): writes are refused"
                    .to_string(),
            ));
        }
        Ok(())
    }

    /// `"sqlite"` or `"postgres"`.
    pub fn backend(&self) -> &'static str {
        match self.db.borrow().dialect() {
            db::Dialect::Sqlite => "sqlite",
            db::Dialect::Postgres => "postgres",
        }
    }

    /// Stores one coded document in one transaction, and places it: its
    /// reports merged into events (see [`merge`]; a copy's reports join
    /// its original's events, see [`copies`]) and the document put in a
    /// story (see [`story`]), reading and writing only what it changes.
    /// Nothing changes when a document with the same content hash is
    /// stored already; a stored document with the same `meta.id` and
    /// origin but other content is replaced. On error nothing of the
    /// document is stored. When another process is writing, the
    /// transaction waits and is tried again (a bounded number of times).
    pub fn ingest(&mut self, doc: &parley_doc::Document) -> Result<IngestOutcome, StoreError> {
        self.check_writable()?;
        let db = self.db.get_mut();
        db.transaction(|tx| {
            serialize_writers(tx)?;
            let outcome = ingest::ingest(tx, doc)?;
            if let IngestOutcome::Inserted { document_id, .. } = outcome {
                place::place_document(tx, document_id)?;
            }
            Ok(outcome)
        })
        .map_err(|e| StoreError::Document { doc_id: doc.meta.id.clone(), source: Box::new(e) })
    }

    /// Merges reports into events and groups documents into stories
    /// again from scratch, in one transaction: every document is placed
    /// again in id order, exactly as [`Store::ingest`] placed it, so the
    /// result equals ingesting the same documents one by one in that
    /// order (a store whose documents were replaced may differ: a
    /// replaced document's events and story were patched, not replayed).
    /// Returns the number of stories.
    pub fn rebuild_stories(&mut self) -> Result<usize, StoreError> {
        self.check_writable()?;
        let db = self.db.get_mut();
        db.transaction(|tx| {
            serialize_writers(tx)?;
            place::rebuild_all(tx)
        })
    }

    /// The content hashes of every stored document (see [`content_hash`]),
    /// so a caller can skip coding documents that would not change the store.
    pub fn content_hashes(&self) -> Result<std::collections::HashSet<String>, StoreError> {
        let rows = self.db.borrow_mut().query("SELECT content_hash FROM documents", &[])?;
        Ok(rows.iter().map(|row| row.str(0)).collect())
    }

    /// How much the store holds (on SQLite, kept between calls while the
    /// store is unchanged: see `aggregates`).
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let mut db = self.db.borrow_mut();
        self.aggregates.borrow_mut().counts(&mut db, |db| {
            let mut count = |table: &str| -> Result<u64, StoreError> {
                Ok(u64::try_from(db.scalar(&format!("SELECT COUNT(*) FROM {table}"), &[])?)
                    .unwrap_or(0))
            };
            Ok(Counts {
                documents: count("documents")?,
                sentences: count("sentences")?,
                mentions: count("mentions")?,
                reports: count("reports")?,
                events: count("events")?,
                stories: count("stories")?,
                quotes: count("quotes")?,
            })
        })
    }

    /// One page of merged events matching `filter`, by event date then id.
    pub fn events(&self, filter: &EventFilter) -> Result<EventPage, StoreError> {
        query::events(&mut self.db.borrow_mut(), filter)
    }

    /// A merged event and all its reports.
    pub fn event(&self, id: i64) -> Result<Option<EventDetail>, StoreError> {
        query::event(&mut self.db.borrow_mut(), id)
    }

    /// Documents by publication date (newest first), then id.
    pub fn documents(&self, limit: usize, offset: usize) -> Result<Vec<DocumentRow>, StoreError> {
        query::documents(&mut self.db.borrow_mut(), limit, offset)
    }

    /// A document with its text, sentences, mentions and reports.
    pub fn document(&self, id: i64) -> Result<Option<DocumentDetail>, StoreError> {
        query::document(&mut self.db.borrow_mut(), id)
    }

    /// Actors of merged events with their counts as actor and recipient,
    /// most active first (on SQLite, kept between calls while the store is
    /// unchanged: see `aggregates`).
    pub fn actors(&self) -> Result<Vec<ActorRow>, StoreError> {
        self.actors_page(Page { limit: usize::MAX, offset: 0 })
    }

    /// One page of [`Store::actors`], in the same order.
    pub fn actors_page(&self, page: Page) -> Result<Vec<ActorRow>, StoreError> {
        let mut db = self.db.borrow_mut();
        let mut aggregates = self.aggregates.borrow_mut();
        let all = aggregates.actors(&mut db, |db| query::actors(db, None, None))?;
        Ok(all.iter().skip(page.offset).take(page.limit).cloned().collect())
    }

    /// Stories, largest first.
    pub fn stories(&self) -> Result<Vec<StoryRow>, StoreError> {
        query::stories(&mut self.db.borrow_mut(), None)
    }

    /// One page of [`Store::stories`], in the same order.
    pub fn stories_page(&self, page: Page) -> Result<Vec<StoryRow>, StoreError> {
        query::stories(&mut self.db.borrow_mut(), Some(page))
    }

    /// A story with its timeline, actors, dyads, quotes and outlets.
    pub fn story(&self, id: i64) -> Result<Option<StoryDetail>, StoreError> {
        query::story(&mut self.db.borrow_mut(), id)
    }

    /// Whether a story with this id is stored: [`Store::story`]'s `is_some()`
    /// without reading its documents, events and quotes.
    pub fn story_exists(&self, id: i64) -> Result<bool, StoreError> {
        query::story_exists(&mut self.db.borrow_mut(), id)
    }

    /// Quotes, by date; `speaker` matches a code (three letters: its root),
    /// or a name or the words naming the speaker (case-insensitive substring).
    pub fn quotes(&self, speaker: Option<&str>) -> Result<Vec<QuoteRow>, StoreError> {
        query::quotes(&mut self.db.borrow_mut(), speaker, None, None)
    }

    /// One page of quotes, in [`Store::quotes`]'s order, of one story's
    /// documents when `story` is given.
    pub fn quotes_page(
        &self,
        speaker: Option<&str>,
        story: Option<i64>,
        page: Page,
    ) -> Result<Vec<QuoteRow>, StoreError> {
        query::quotes(&mut self.db.borrow_mut(), speaker, story, Some(page))
    }

    /// The story of a stored document (the smallest, should it be in
    /// several), as [`Store::document`] gives it, without reading the rest
    /// of the document.
    pub fn document_story(&self, id: i64) -> Result<Option<i64>, StoreError> {
        query::document_story(&mut self.db.borrow_mut(), id)
    }

    /// Gives back the memory of this connection's page cache that no
    /// statement is using (SQLite's `sqlite3_db_release_memory`; nothing on
    /// PostgreSQL). Later reads fill it again from the file (in the
    /// operating system's cache), so this is for a connection about to sit
    /// idle.
    pub fn release_memory(&self) -> Result<(), StoreError> {
        self.db.borrow_mut().release_memory()
    }

    /// Sets the most memory this connection's page cache may hold, in KiB
    /// (SQLite's `PRAGMA cache_size`; nothing on PostgreSQL). [`Store::open`]
    /// gives each connection 64 MiB, which suits a writer (placing a
    /// document touches many index pages); a pool of readers may want less.
    pub fn set_cache_kib(&self, kib: u32) -> Result<(), StoreError> {
        let mut db = self.db.borrow_mut();
        if db.dialect() == db::Dialect::Sqlite {
            db.batch(&format!("PRAGMA cache_size = -{kib}"))?;
        }
        Ok(())
    }

    /// Full-text search over sentences: all words must match (SQLite FTS5
    /// or PostgreSQL `plainto_tsquery('english')`); best matches first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        query::search(&mut self.db.borrow_mut(), query, Page { limit, offset: 0 })
    }

    /// One page of [`Store::search`]'s hits, in the same order.
    pub fn search_page(&self, query: &str, page: Page) -> Result<Vec<SearchHit>, StoreError> {
        query::search(&mut self.db.borrow_mut(), query, page)
    }

    pub(crate) fn with_db<T>(
        &self,
        f: impl FnOnce(&mut Backend) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        f(&mut self.db.borrow_mut())
    }

    pub(crate) fn with_db_mut<T>(
        &mut self,
        f: impl FnOnce(&mut Backend) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        f(self.db.get_mut())
    }
}

/// Placing a document reads events and stories that a concurrent
/// writer could be changing: on PostgreSQL, writers take turns (a
/// transaction-scoped advisory lock); SQLite's `BEGIN IMMEDIATE` already
/// admits one writer at a time.
fn serialize_writers(db: &mut db::Backend) -> Result<(), StoreError> {
    if db.dialect() == db::Dialect::Postgres {
        db.batch("SELECT pg_advisory_xact_lock(7270002)")?;
    }
    Ok(())
}

/// Opens a SQLite store to read and write. Returns the connection and
/// whether it turned out read-only: SQLite opens a WAL index it cannot
/// write (`-shm` in a read-only folder, say) for reading, and only the
/// first write would fail.
fn open_sqlite(path: &str) -> Result<(Backend, bool), StoreError> {
    let conn =
        rusqlite::Connection::open(path).map_err(StoreError::sqlite(format!("opening {path}")))?;
    // A read-only file opens without error; its first write would fail.
    if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
        return Err(StoreError::ReadOnly(format!("{path} cannot be written")));
    }
    // WAL: readers beside a writer, and a killed writer loses only its open
    // transaction. A checkpoint every 10 000 pages (40 MB of WAL) rather
    // than SQLite's 1000: with one transaction per document, each
    // checkpoint cost two fsyncs every few dozen documents and rewrote the
    // same hot pages (store_bench ingest: 1.6x in wall time, 10% in CPU).
    let pragmas = if path == ":memory:" {
        "PRAGMA foreign_keys = ON;"
    } else {
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; \
         PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 10000;"
    };
    conn.execute_batch(pragmas)
        .map_err(StoreError::sqlite(format!("setting pragmas on {path}")))?;
    // Before the busy timeout is set, so a writer at work elsewhere answers
    // "busy" at once (and the store is writable) rather than holding us up.
    let read_only = path != ":memory:"
        && match conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK") {
            Ok(()) => false,
            Err(err) => {
                let _ = conn.execute_batch("ROLLBACK");
                err.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly)
            }
        };
    conn.busy_timeout(std::time::Duration::from_secs(10))
        .map_err(StoreError::sqlite("setting the busy timeout"))?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok((Backend::Sqlite(conn), read_only))
}

/// Opens `path` read-only: `mode=ro` first, which sees a concurrent
/// writer's commits but needs the WAL index (`-shm`) to exist or be
/// creatable; else `immutable=1`, for a folder where it cannot be (nobody
/// can be writing there either). `None` when neither can read the schema.
fn open_sqlite_read_only(path: &str) -> Option<Backend> {
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
        | rusqlite::OpenFlags::SQLITE_OPEN_URI
        | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    // A URI: the characters it gives a meaning to are escaped in the path.
    let escaped = path.replace('%', "%25").replace('?', "%3f").replace('#', "%23");
    ["mode=ro", "immutable=1"].into_iter().find_map(|mode| {
        let conn =
            rusqlite::Connection::open_with_flags(format!("file:{escaped}?{mode}"), flags).ok()?;
        conn.query_row("SELECT COUNT(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0)).ok()?;
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;").ok()?;
        conn.busy_timeout(std::time::Duration::from_secs(10)).ok()?;
        conn.set_prepared_statement_cache_capacity(64);
        Some(Backend::Sqlite(conn))
    })
}

#[cfg(feature = "postgres")]
fn open_postgres(url: &str) -> Result<Backend, StoreError> {
    let (url, schema) = split_schema(url)?;
    let client = postgres::Client::connect(&url, postgres::NoTls)
        .map_err(StoreError::postgres("connecting to PostgreSQL"))?;
    let mut conn = db::pg::PgConn::new(client);
    // Notices about existing objects are noise.
    conn.batch("SET client_min_messages = warning")?;
    if let Some(schema) = schema {
        conn.batch(&format!(
            "CREATE SCHEMA IF NOT EXISTS \"{schema}\"; SET search_path TO \"{schema}\""
        ))?;
    }
    Ok(Backend::Postgres(Box::new(conn)))
}

#[cfg(not(feature = "postgres"))]
fn open_postgres(_url: &str) -> Result<Backend, StoreError> {
    Err(StoreError::NoPostgres)
}

/// Takes `schema=NAME` out of a URL's query string (the driver does not
/// know it). Names are restricted to `[A-Za-z0-9_]` since they go into DDL.
#[cfg_attr(not(feature = "postgres"), allow(dead_code))]
fn split_schema(url: &str) -> Result<(String, Option<String>), StoreError> {
    let Some((base, query)) = url.split_once('?') else {
        return Ok((url.to_string(), None));
    };
    let mut schema = None;
    let mut rest = Vec::new();
    for pair in query.split('&') {
        match pair.strip_prefix("schema=") {
            Some(name) => {
                if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    return Err(StoreError::Invalid(format!(
                        "schema name {name:?}: use letters, digits and _"
                    )));
                }
                schema = Some(name.to_string());
            }
            None => rest.push(pair),
        }
    }
    let url = if rest.is_empty() { base.to_string() } else { format!("{base}?{}", rest.join("&")) };
    Ok((url, schema))
}

/// Actor codes are compared by root: the first three letters (country or group).
pub(crate) fn code_root(code: &str) -> String {
    code.chars().take(3).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_cache_takes_the_size_given() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("store.db");
        let store = Store::open(path.to_str().expect("utf-8")).expect("open");
        store.set_cache_kib(1234).expect("set");
        let size = store.with_db(|db| db.scalar("PRAGMA cache_size", &[])).expect("read");
        assert_eq!(size, -1234);
        store.release_memory().expect("release");
    }

    #[test]
    fn schema_parameter_is_split_off() {
        let (url, schema) =
            split_schema("postgres://root@h/test?schema=abc_1&sslmode=disable").expect("ok");
        assert_eq!(url, "postgres://root@h/test?sslmode=disable");
        assert_eq!(schema.as_deref(), Some("abc_1"));
        assert!(split_schema("postgres://h/t?schema=a;drop").is_err());
        assert_eq!(split_schema("postgres://h/t").expect("ok").1, None);
    }
}
