//! Numbered migrations, applied in order on open.
//!
//! Each migration runs once, in its own transaction, and is recorded in
//! `schema_migrations(version)`. The two dialects get the same tables and
//! columns; they differ in key types, collations and full-text search
//! (FTS5 in SQLite, a generated `tsvector` column in PostgreSQL).
//! Never edit a released migration: add the next number.

use crate::db::{Backend, Dialect, Val};
use crate::StoreError;

/// One migration: its version, a name for the log, and its DDL per dialect.
struct Migration {
    version: i64,
    name: &'static str,
    ddl: fn(Dialect) -> String,
}

/// The tables, shared by both dialects, with `{ID}` for the key type,
/// `{TEXTKEY}` for code columns compared bytewise, `{REAL}` for floats.
const V1_TABLES: &str = r#"
CREATE TABLE documents (
    id {ID},
    doc_key TEXT NOT NULL,
    origin TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    date TEXT,
    source TEXT,
    url TEXT,
    title TEXT,
    text TEXT NOT NULL,
    num_sentences BIGINT NOT NULL DEFAULT 0,
    num_reports BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX documents_key ON documents (doc_key, origin);
CREATE INDEX documents_date ON documents (date);

CREATE TABLE sentences (
    id {ID},
    document_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx BIGINT NOT NULL,
    start_byte BIGINT NOT NULL,
    end_byte BIGINT NOT NULL,
    text TEXT NOT NULL{TSV}
);
CREATE UNIQUE INDEX sentences_doc ON sentences (document_id, idx);

CREATE TABLE mentions (
    id {ID},
    document_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence_idx BIGINT NOT NULL,
    start_byte BIGINT NOT NULL,
    end_byte BIGINT NOT NULL,
    text TEXT NOT NULL,
    code {TEXTKEY} NOT NULL,
    country TEXT,
    sector TEXT,
    name TEXT,
    role TEXT,
    via TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions (document_id);
CREATE INDEX mentions_code ON mentions (code);

-- One row per event as reported in one sentence of one document.
CREATE TABLE reports (
    id {ID},
    document_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence_idx BIGINT NOT NULL,
    event_type {TEXTKEY} NOT NULL,
    mode TEXT,
    context TEXT NOT NULL,
    cameo TEXT NOT NULL,
    goldstein {REAL} NOT NULL,
    quad_class BIGINT NOT NULL,
    plover_score {REAL},
    actor_code {TEXTKEY},
    actor_name TEXT,
    actor_country TEXT,
    actor_start BIGINT,
    actor_end BIGINT,
    recipient_code {TEXTKEY},
    recipient_name TEXT,
    recipient_country TEXT,
    recipient_start BIGINT,
    recipient_end BIGINT,
    trigger_start BIGINT NOT NULL,
    trigger_end BIGINT NOT NULL,
    date TEXT,
    date_precision TEXT,
    date_start BIGINT,
    date_end BIGINT,
    location_name TEXT,
    location_country TEXT,
    location_start BIGINT,
    location_end BIGINT,
    speaker_code TEXT,
    speaker_name TEXT,
    speaker_start BIGINT,
    speaker_end BIGINT,
    quote_start BIGINT,
    quote_end BIGINT,
    modality TEXT NOT NULL,
    modality_rule TEXT,
    confidence {REAL} NOT NULL,
    rule TEXT NOT NULL,
    event_id BIGINT
);
CREATE INDEX reports_doc ON reports (document_id);
CREATE INDEX reports_event ON reports (event_id);

CREATE TABLE quotes (
    id {ID},
    document_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    report_id BIGINT,
    sentence_idx BIGINT NOT NULL,
    start_byte BIGINT NOT NULL,
    end_byte BIGINT NOT NULL,
    quote TEXT NOT NULL,
    speaker_code {TEXTKEY},
    speaker_name TEXT,
    speaker_text TEXT
);
CREATE INDEX quotes_doc ON quotes (document_id);
CREATE INDEX quotes_speaker ON quotes (speaker_code);

-- Merged events: rebuilt from reports by rebuild_stories. The id is the
-- smallest id of its reports, so it survives rebuilds.
CREATE TABLE events (
    id BIGINT PRIMARY KEY,
    event_type {TEXTKEY} NOT NULL,
    mode TEXT,
    context TEXT NOT NULL,
    cameo TEXT NOT NULL,
    goldstein {REAL} NOT NULL,
    quad_class BIGINT NOT NULL,
    plover_score {REAL},
    actor_code {TEXTKEY},
    actor_root {TEXTKEY},
    actor_name TEXT,
    recipient_code {TEXTKEY},
    recipient_root {TEXTKEY},
    recipient_name TEXT,
    date {TEXTKEY} NOT NULL,
    date_precision TEXT,
    location_name TEXT,
    location_country TEXT,
    modality TEXT NOT NULL,
    confidence {REAL} NOT NULL,
    num_reports BIGINT NOT NULL,
    num_documents BIGINT NOT NULL,
    num_sources BIGINT NOT NULL,
    first_document_id BIGINT,
    sentence TEXT NOT NULL,
    source_url TEXT,
    story_id BIGINT
);
CREATE INDEX events_date ON events (date, id);
CREATE INDEX events_actor_root ON events (actor_root, date, id);
CREATE INDEX events_actor_code ON events (actor_code, date, id);
CREATE INDEX events_recipient_root ON events (recipient_root, date, id);
CREATE INDEX events_recipient_code ON events (recipient_code, date, id);
CREATE INDEX events_type ON events (event_type, date, id);
CREATE INDEX events_dyad ON events (actor_root, recipient_root, date, id);
CREATE INDEX events_story ON events (story_id, date, id);

-- Stories: the id is the smallest id of its documents.
CREATE TABLE stories (
    id BIGINT PRIMARY KEY,
    title TEXT NOT NULL,
    first_date TEXT,
    last_date TEXT,
    num_documents BIGINT NOT NULL,
    num_events BIGINT NOT NULL,
    num_sources BIGINT NOT NULL,
    actors TEXT NOT NULL
);

CREATE TABLE story_documents (
    story_id BIGINT NOT NULL,
    document_id BIGINT NOT NULL,
    PRIMARY KEY (story_id, document_id)
);
CREATE INDEX story_documents_doc ON story_documents (document_id);
"#;

const SQLITE_FTS: &str = r#"
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');
"#;

const PG_FTS: &str = r#"
CREATE INDEX sentences_tsv ON sentences USING GIN (tsv);
"#;

fn v1(dialect: Dialect) -> String {
    let ddl = match dialect {
        Dialect::Sqlite => V1_TABLES
            .replace("{ID}", "INTEGER PRIMARY KEY")
            .replace("{TEXTKEY}", "TEXT")
            .replace("{REAL}", "REAL")
            .replace("{TSV}", ""),
        Dialect::Postgres => V1_TABLES
            .replace("{ID}", "BIGSERIAL PRIMARY KEY")
            // Codes and ISO dates are compared and ranged bytewise.
            .replace("{TEXTKEY}", "TEXT COLLATE \"C\"")
            .replace("{REAL}", "DOUBLE PRECISION")
            .replace(
                "{TSV}",
                ",\n    tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED",
            ),
    };
    let fts = match dialect {
        Dialect::Sqlite => SQLITE_FTS,
        Dialect::Postgres => PG_FTS,
    };
    format!("{ddl}\n{fts}")
}

/// Composite indexes for filtered event queries: every mix of actor,
/// recipient and type is an equality prefix followed by `(date, id)`, so a
/// page is one index range read in order, however rare the mix (a longer
/// code pins its root too, see `query::code_condition`). Without them, a
/// rare actor+recipient+type mix scanned thousands of rows of the
/// best single-column index to fill a page.
const V2_EVENT_INDEXES: &str = r#"
CREATE INDEX events_actor_type ON events (actor_root, event_type, date, id);
CREATE INDEX events_recipient_type ON events (recipient_root, event_type, date, id);
CREATE INDEX events_dyad_type ON events (actor_root, recipient_root, event_type, date, id);
"#;

fn v2(_dialect: Dialect) -> String {
    V2_EVENT_INDEXES.to_string()
}

/// Indexes no query reads, dropped because every ingested document paid
/// for them: `mentions_code` and `quotes_speaker` took a leaf page per
/// distinct code of a document (WAL frames written at every commit), and
/// `documents_date` cannot serve the `COALESCE(date, '')` ordering of the
/// document list. About a quarter of the pages an ingest commit wrote.
const V3_DROP_UNUSED: &str = r#"
DROP INDEX IF EXISTS mentions_code;
DROP INDEX IF EXISTS quotes_speaker;
DROP INDEX IF EXISTS documents_date;
"#;

fn v3(_dialect: Dialect) -> String {
    V3_DROP_UNUSED.to_string()
}

/// What analysts need of a stored event that version 3 did not keep:
/// a normalised body hash per document (reprints under other ids or
/// outlets are found by it), when each document was stored (GDELT's
/// DATEADDED; documents stored before this migration take its time), the
/// parties' sectors per report, and per merged event the parties' country
/// and sector, whether it is in an article's lead, and when it was added.
/// The modality index serves the default `asserted`-only listing.
const V4_ANALYST: &str = r#"
ALTER TABLE documents ADD COLUMN body_hash TEXT;
ALTER TABLE documents ADD COLUMN added_at TEXT;
UPDATE documents SET added_at = {NOW};
CREATE INDEX documents_body ON documents (body_hash);
ALTER TABLE reports ADD COLUMN actor_sector TEXT;
ALTER TABLE reports ADD COLUMN recipient_sector TEXT;
ALTER TABLE events ADD COLUMN actor_country TEXT;
ALTER TABLE events ADD COLUMN actor_sector TEXT;
ALTER TABLE events ADD COLUMN recipient_country TEXT;
ALTER TABLE events ADD COLUMN recipient_sector TEXT;
ALTER TABLE events ADD COLUMN is_root BIGINT NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN date_added TEXT;
CREATE INDEX events_modality ON events (modality, date, id);
"#;

fn v4(dialect: Dialect) -> String {
    let now = match dialect {
        Dialect::Sqlite => "strftime('%Y%m%d%H%M%S', 'now')",
        Dialect::Postgres => "to_char(now() AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISS')",
    };
    V4_ANALYST.replace("{NOW}", now)
}

/// Incremental merging and bounded stories: what a document's placement
/// reads without regrouping the store. Per document, whose copy it is
/// (`copy_of`), its story features (MinHash signatures, principal and
/// other parties), its LSH bands (near-copy candidates by index) and its
/// parties by day (story candidates by index); per event, the summary of
/// its members' dates and codes that the merge rule tests a report
/// against; per story, its day span and party counts (its profile).
const V5_INCREMENTAL: &str = r#"
ALTER TABLE documents ADD COLUMN copy_of BIGINT;
CREATE TABLE document_features (
    document_id BIGINT PRIMARY KEY,
    day BIGINT,
    principal TEXT NOT NULL,
    actors TEXT NOT NULL,
    words TEXT NOT NULL,
    shingles TEXT NOT NULL
);
CREATE TABLE document_bands (
    band_key BIGINT NOT NULL,
    document_id BIGINT NOT NULL
);
CREATE INDEX document_bands_key ON document_bands (band_key);
CREATE INDEX document_bands_doc ON document_bands (document_id);
CREATE TABLE document_parties (
    party {TEXTKEY} NOT NULL,
    day BIGINT NOT NULL,
    document_id BIGINT NOT NULL
);
CREATE INDEX document_parties_day ON document_parties (party, day);
CREATE INDEX document_parties_doc ON document_parties (document_id);
ALTER TABLE events ADD COLUMN merge_state TEXT;
CREATE INDEX events_first_document ON events (first_document_id);
ALTER TABLE stories ADD COLUMN first_day BIGINT;
ALTER TABLE stories ADD COLUMN last_day BIGINT;
ALTER TABLE stories ADD COLUMN profile TEXT;
"#;

fn v5(dialect: Dialect) -> String {
    let key = match dialect {
        Dialect::Sqlite => "TEXT",
        Dialect::Postgres => "TEXT COLLATE \"C\"",
    };
    V5_INCREMENTAL.replace("{TEXTKEY}", key)
}

/// What `parley watch` remembers between polls: each feed's validators
/// for conditional requests, and every item seen by canonical address (with
/// the document it became, if any), so a restart fetches nothing twice.
/// Only `feeds.rs` reads and writes these tables.
const V6_FEEDS: &str = r#"
CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    polled_at TEXT
);
CREATE TABLE feed_items (
    url TEXT PRIMARY KEY,
    feed_url TEXT NOT NULL,
    document_id BIGINT,
    seen_at TEXT NOT NULL
);
"#;

fn v6(_dialect: Dialect) -> String {
    V6_FEEDS.to_string()
}

/// Indexes for the API's lists, which sorted a whole table on every
/// request (30,000 documents: 20 ms of a single request, far more under
/// load): documents newest first (`COALESCE(date, '')` is the listing's
/// own sort key, so the index holds that expression), and stories largest
/// first. And a type filter's index with the modality that every default
/// query asks for: on a store without statistics SQLite read a rare
/// type's page from the modality index, scanning every asserted event.
const V7_LISTINGS: &str = r#"
CREATE INDEX documents_listing ON documents ((COALESCE(date, '')), id);
CREATE INDEX stories_size ON stories (num_documents DESC, num_events DESC, id);
CREATE INDEX events_type_modality ON events (event_type, modality, date, id);
"#;

fn v7(_dialect: Dialect) -> String {
    V7_LISTINGS.to_string()
}

const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, name: "documents, sentences, reports, events, stories", ddl: v1 },
    Migration { version: 2, name: "composite indexes for filtered event queries", ddl: v2 },
    Migration { version: 3, name: "drop indexes no query reads", ddl: v3 },
    Migration { version: 4, name: "body hashes, parties' sectors, lead and date added", ddl: v4 },
    Migration { version: 5, name: "incremental merging and bounded stories", ddl: v5 },
    Migration { version: 6, name: "feeds and feed items seen by parley watch", ddl: v6 },
    Migration { version: 7, name: "indexes for the API's lists and type filters", ddl: v7 },
];

/// Applies every migration not yet recorded. Returns how many ran.
pub(crate) fn migrate(db: &mut Backend) -> Result<usize, StoreError> {
    // Two processes opening a fresh PostgreSQL store at once: one migrates, the other waits.
    if db.dialect() == Dialect::Postgres {
        db.batch("SELECT pg_advisory_lock(7270001)")?;
    }
    let result = migrate_locked(db);
    if db.dialect() == Dialect::Postgres {
        db.batch("SELECT pg_advisory_unlock(7270001)")?;
    }
    result
}

fn migrate_locked(db: &mut Backend) -> Result<usize, StoreError> {
    db.batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL)",
    )?;
    let mut ran = 0;
    for m in MIGRATIONS {
        let done = db.scalar(
            "SELECT COUNT(*) FROM schema_migrations WHERE version = ?",
            &[Val::Int(m.version)],
        )?;
        if done > 0 {
            continue;
        }
        let ddl = (m.ddl)(db.dialect());
        db.transaction(|tx| {
            tx.batch(&ddl)?;
            tx.exec(
                "INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                &[Val::Int(m.version), Val::from(m.name)],
            )?;
            Ok(())
        })?;
        tracing::info!(version = m.version, name = m.name, "applied migration");
        ran += 1;
    }
    // SQLite statistics gathered before a migration know nothing of its
    // new indexes, and the planner could then pick an old, slower one.
    // (PostgreSQL's statistics are per column: new indexes need nothing.)
    if ran > 0
        && db.dialect() == Dialect::Sqlite
        && db.scalar("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'", &[])? > 0
    {
        db.batch("ANALYZE")?;
    }
    Ok(ran)
}

/// For a store opened read-only, which cannot be migrated: its schema must
/// be the one this build writes.
pub(crate) fn check_current(db: &mut Backend, target: &str) -> Result<(), StoreError> {
    let has_table = db.scalar(
        "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'",
        &[],
    )? > 0;
    let version = if has_table {
        db.scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", &[])?
    } else {
        0
    };
    if version == latest_version() {
        return Ok(());
    }
    Err(StoreError::ReadOnly(format!(
        "{target} is read-only and at schema version {version}, not {}: open it once with write access to migrate it",
        latest_version()
    )))
}

/// The newest schema version this build knows.
pub fn latest_version() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Statistics gathered before a migration leave its new indexes out of
    /// the planner's view: migrating an analysed store analyses again.
    #[test]
    fn migrating_an_analysed_store_analyses_the_new_indexes() {
        let conn = rusqlite::Connection::open_in_memory().expect("open");
        let mut db = Backend::Sqlite(conn);
        // A store at version 1 with a few events, analysed.
        db.batch("CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL)")
            .expect("migrations table");
        db.batch(&v1(Dialect::Sqlite)).expect("v1");
        db.batch("INSERT INTO schema_migrations VALUES (1, 'v1')").expect("record v1");
        for id in 1..=20 {
            db.exec(
                "INSERT INTO events (id, event_type, context, cameo, goldstein, quad_class, actor_root, \
                 recipient_root, date, modality, confidence, num_reports, num_documents, num_sources, sentence) \
                 VALUES (?, 'REJECT', '[]', '120', -4.0, 3, 'RUS', 'UKR', '2024-01-01', 'asserted', 0.9, 1, 1, 1, 's')",
                &[Val::Int(id)],
            )
            .expect("event");
        }
        db.batch("ANALYZE").expect("analyse");
        assert_eq!(migrate(&mut db).expect("migrate"), MIGRATIONS.len() - 1);
        let stats = db
            .scalar("SELECT COUNT(*) FROM sqlite_stat1 WHERE idx = 'events_dyad_type'", &[])
            .expect("stats");
        assert_eq!(stats, 1);
        let dropped = db
            .scalar("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'mentions_code'", &[])
            .expect("schema");
        assert_eq!(dropped, 0);
    }
}
