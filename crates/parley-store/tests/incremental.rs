//! Documents placed as they are stored: a full rebuild gives the same
//! events and stories, stories stay within their parties and time, and
//! two writers on one SQLite file both finish.

mod fixtures;

use std::collections::{BTreeMap, BTreeSet};

use parley_doc::Document;
use parley_store::{EventFilter, Store};

fn temp_db() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("parley.db").to_string_lossy().into_owned();
    (dir, path)
}

/// Every event (all modalities) and story, with their ids, as JSON.
fn snapshot(store: &Store) -> (serde_json::Value, serde_json::Value, Vec<serde_json::Value>) {
    let events = store
        .events(&EventFilter {
            modality: Some("any".into()),
            limit: Some(10_000),
            ..Default::default()
        })
        .expect("events");
    let stories = store.stories().expect("stories");
    let details: Vec<serde_json::Value> = stories
        .iter()
        .map(|s| serde_json::to_value(store.story(s.id).expect("story")).expect("json"))
        .collect();
    (
        serde_json::to_value(&events.events).expect("json"),
        serde_json::to_value(&stories).expect("json"),
        details,
    )
}

/// Stories as sets of document keys, and events as sets of (document
/// key, sentence) of their reports: what a run gives, whatever the ids.
type Canonical = (BTreeSet<BTreeSet<String>>, BTreeSet<BTreeSet<(String, i64)>>);

fn canonical(store: &Store) -> Canonical {
    let docs = store.documents(100_000, 0).expect("documents");
    let key: BTreeMap<i64, String> = docs.iter().map(|d| (d.id, d.key.clone())).collect();
    let stories = store
        .stories()
        .expect("stories")
        .iter()
        .map(|s| {
            let detail = store.story(s.id).expect("story").expect("present");
            detail.documents.iter().map(|d| key[&d.id].clone()).collect()
        })
        .collect();
    let events = store
        .events(&EventFilter {
            modality: Some("any".into()),
            limit: Some(10_000),
            ..Default::default()
        })
        .expect("events")
        .events
        .iter()
        .map(|e| {
            let detail = store.event(e.id).expect("event").expect("present");
            detail.reports.iter().map(|r| (key[&r.document_id].clone(), r.sentence_index)).collect()
        })
        .collect();
    (stories, events)
}

/// The crisis fixtures, their reprints under new ids and outlets, and
/// the varied pair stories: copies, merges and stories of every kind.
fn mixed_corpus() -> Vec<Document> {
    let mut docs = fixtures::crisis();
    for (i, d) in fixtures::crisis().into_iter().enumerate().take(3) {
        let mut copy = d;
        copy.meta.id = format!("reprint-{i}");
        copy.meta.origin = format!("reprints/{i}.txt");
        copy.meta.source = Some(format!("Outlet {i}"));
        docs.push(copy);
    }
    docs.extend(fixtures::pairs_by_years(8, 2).into_iter().map(|(_, d)| d));
    docs
}

#[test]
fn a_full_rebuild_equals_placing_one_by_one() {
    let mut store = Store::open(":memory:").expect("open");
    for doc in mixed_corpus() {
        store.ingest(&doc).expect("ingest");
    }
    let incremental = snapshot(&store);
    assert!(store.counts().expect("counts").events > 20);
    store.rebuild_stories().expect("rebuild");
    assert_eq!(snapshot(&store), incremental);
    // And again: a rebuild is idempotent.
    store.rebuild_stories().expect("rebuild again");
    assert_eq!(snapshot(&store), incremental);
}

/// The corpus: the same articles with their countries and years
/// varied. No story mixes two pairs or two years; each pair's articles of
/// one year are one story.
#[test]
fn stories_keep_to_their_parties_and_time() {
    let corpus = fixtures::pairs_by_years(20, 3);
    let mut store = Store::open(":memory:").expect("open");
    let mut story_key: BTreeMap<String, String> = BTreeMap::new();
    for (key, doc) in &corpus {
        story_key.insert(doc.meta.id.clone(), key.clone());
        store.ingest(doc).expect("ingest");
    }
    let (stories, _) = canonical(&store);
    for story in &stories {
        let keys: BTreeSet<&String> = story.iter().map(|d| &story_key[d]).collect();
        assert_eq!(keys.len(), 1, "a story mixes pairs or years: {story:?}");
    }
    assert_eq!(stories.len(), 20 * 3, "one story per pair and year");
    let largest = store.stories().expect("stories").iter().map(|s| s.num_documents).max();
    assert_eq!(largest, Some(3));
}

#[test]
fn a_reprint_joins_its_original_s_events_and_story() {
    let mut store = Store::open(":memory:").expect("open");
    let docs = fixtures::crisis();
    for doc in &docs {
        store.ingest(doc).expect("ingest");
    }
    let before = store.counts().expect("counts");
    // A year later, by another outlet: still a copy of the first article.
    let mut copy = docs[0].clone();
    copy.meta.id = "late-reprint".into();
    copy.meta.origin = "late/1.txt".into();
    copy.meta.source = Some("Late Outlet".into());
    copy.meta.date = Some("2025-06-01".into());
    store.ingest(&copy).expect("ingest copy");
    let after = store.counts().expect("counts");
    assert_eq!(after.events, before.events, "a reprint adds reports, not events");
    assert_eq!(after.reports, before.reports + 3);
    assert_eq!(after.stories, before.stories);
}

#[test]
fn a_replaced_document_leaves_consistent_events_and_stories() {
    let mut store = Store::open(":memory:").expect("open");
    let docs = fixtures::crisis();
    for doc in &docs {
        store.ingest(doc).expect("ingest");
    }
    // The first article, corrected: same id and origin, other text.
    let mut fixed = docs[0].clone();
    fixed.meta.title = Some("Corrected".into());
    store.ingest(&fixed).expect("replace");
    let counts = store.counts().expect("counts");
    assert_eq!(counts.documents, 5);
    let page = store
        .events(&EventFilter {
            modality: Some("any".into()),
            limit: Some(1000),
            ..Default::default()
        })
        .expect("events");
    let reports: i64 = page.events.iter().map(|e| e.num_reports).sum();
    assert_eq!(reports as u64, counts.reports, "every report in one event");
    let members: i64 = store.stories().expect("stories").iter().map(|s| s.num_documents).sum();
    assert_eq!(members, 5, "every document in one story");
}

/// Two processes' worth of writers (threads with their own connections)
/// on one SQLite file: both finish, and the store holds what one writer
/// storing both inputs in turn would have.
#[test]
fn two_concurrent_writers_both_finish_as_one_would() {
    let corpus: Vec<Document> =
        fixtures::pairs_by_years(12, 2).into_iter().map(|(_, d)| d).collect();
    let (first, second): (Vec<_>, Vec<_>) =
        corpus.iter().cloned().enumerate().partition(|(i, _)| (i / 3) % 2 == 0);
    let (_dir, path) = temp_db();
    Store::open(&path).expect("create");
    let writers: Vec<_> = [first, second]
        .into_iter()
        .map(|half| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&path).expect("open");
                for (_, doc) in half {
                    store.ingest(&doc).expect("a writer beside another stores its document");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("writer finished");
    }
    let concurrent = Store::open(&path).expect("reopen");
    let mut sequential = Store::open(":memory:").expect("open");
    for doc in &corpus {
        sequential.ingest(doc).expect("ingest");
    }
    assert_eq!(concurrent.counts().expect("counts"), sequential.counts().expect("counts"));
    assert_eq!(canonical(&concurrent), canonical(&sequential));
}

fn pg_url() -> String {
    std::env::var("PARLEY_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://root@127.0.0.1:5432/test".into())
}

/// A schema of the test's own on the PostgreSQL test server, dropped after.
struct PgSchema(String);

impl PgSchema {
    fn new(tag: &str) -> PgSchema {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        PgSchema(format!("parley_test_{tag}_{}_{}", std::process::id(), nanos % 1_000_000_000))
    }
    fn url(&self) -> String {
        let base = pg_url();
        let sep = if base.contains('?') { '&' } else { '?' };
        format!("{base}{sep}schema={}", self.0)
    }
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        if let Ok(mut client) = postgres::Client::connect(&pg_url(), postgres::NoTls) {
            let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS \"{}\" CASCADE", self.0));
        }
    }
}

/// On PostgreSQL too: two writers at once both finish as one would, and
/// a full rebuild equals what placing one by one gave.
#[test]
fn postgres_concurrent_writers_and_rebuild() {
    let corpus: Vec<Document> =
        fixtures::pairs_by_years(6, 2).into_iter().map(|(_, d)| d).collect();
    let (first, second): (Vec<_>, Vec<_>) =
        corpus.iter().cloned().enumerate().partition(|(i, _)| (i / 3) % 2 == 0);
    let schema = PgSchema::new("incr");
    Store::open(&schema.url()).expect("open postgres (is the server running?)");
    let writers: Vec<_> = [first, second]
        .into_iter()
        .map(|half| {
            let url = schema.url();
            std::thread::spawn(move || {
                let mut store = Store::open(&url).expect("open");
                for (_, doc) in half {
                    store.ingest(&doc).expect("a writer beside another stores its document");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("writer finished");
    }
    let mut concurrent = Store::open(&schema.url()).expect("reopen");
    let mut sequential = Store::open(":memory:").expect("open");
    for doc in &corpus {
        sequential.ingest(doc).expect("ingest");
    }
    assert_eq!(canonical(&concurrent), canonical(&sequential));
    let placed = snapshot(&concurrent);
    concurrent.rebuild_stories().expect("rebuild");
    assert_eq!(canonical(&concurrent), canonical(&sequential));
    assert_eq!(snapshot(&concurrent).1.as_array().map(Vec::len), placed.1.as_array().map(Vec::len));
}
