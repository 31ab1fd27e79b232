//! End-to-end tests of the store on SQLite and on the PostgreSQL server
//! named by `PARLEY_TEST_POSTGRES` (default `postgres://root@127.0.0.1:5432/test`).

mod fixtures;

use std::time::{Duration, Instant};

use parley_store::export::{self, ExportFormat, GDELT_COLUMNS};
use parley_store::{EventFilter, IngestOutcome, Store};

fn temp_db() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("parley.db").to_string_lossy().into_owned();
    (dir, path)
}

/// The whole user story on one store: ingest twice, merge, stories, queries, exports.
fn exercise(store: &mut Store) {
    let docs = fixtures::crisis();
    for doc in &docs {
        assert!(matches!(store.ingest(doc).expect("ingest"), IngestOutcome::Inserted { .. }));
    }
    store.rebuild_stories().expect("rebuild");
    let first = store.counts().expect("counts");
    assert_eq!(first.documents, 5);
    assert_eq!(first.sentences, 9);
    assert_eq!(first.reports, 8);
    assert_eq!(first.quotes, 2);
    // Four reports of the rejection are one event; the two "urged" one more.
    assert_eq!(first.events, 4, "{first:?}");

    // Ingesting the same folder again changes nothing.
    for doc in &docs {
        assert!(matches!(store.ingest(doc).expect("again"), IngestOutcome::Unchanged { .. }));
    }
    store.rebuild_stories().expect("rebuild again");
    assert_eq!(store.counts().expect("counts"), first);

    // A document that fails is skipped and leaves nothing behind.
    let mut bad = fixtures::crisis().remove(4);
    bad.meta.id = "broken".into();
    bad.meta.origin = "fixtures/broken.txt".into();
    bad.sentences[0].span.end = bad.text.len() + 10;
    let err = store.ingest(&bad).expect_err("bad span");
    assert!(err.to_string().contains("broken"), "{err}");
    assert_eq!(store.counts().expect("counts").documents, 5);

    // The merged rejection lists its reports, with highlights.
    let page = store
        .events(&EventFilter {
            actor: Some("RUS".into()),
            event_type: Some("reject".into()),
            ..Default::default()
        })
        .expect("events");
    assert_eq!(page.events.len(), 1);
    let reject = &page.events[0];
    assert_eq!((reject.num_reports, reject.num_documents, reject.num_sources), (4, 3, 3));
    assert_eq!(reject.date, "2024-06-01");
    assert_eq!(reject.recipient_code.as_deref(), Some("CHE"));
    let detail = store.event(reject.id).expect("event").expect("exists");
    assert_eq!(detail.reports.len(), 4);
    let r0 = &detail.reports[0];
    assert_eq!(r0.trigger.as_ref().map(|h| h.text.as_str()), Some("rejected"));
    let actor = r0.actor.as_ref().and_then(|a| a.span.as_ref()).expect("actor span");
    assert_eq!(&r0.sentence[actor.start..actor.end], actor.text);
    let mut outlets: Vec<_> = detail.reports.iter().filter_map(|r| r.source.clone()).collect();
    outlets.sort();
    outlets.dedup();
    assert_eq!(outlets, ["AFP", "AP", "Reuters"]);

    // Filters and cursors.
    let all = store.events(&EventFilter::default()).expect("all");
    assert_eq!(all.events.len(), 4);
    assert!(all.events.windows(2).all(|w| (&w[0].date, w[0].id) <= (&w[1].date, w[1].id)));
    let mut seen = Vec::new();
    let mut filter = EventFilter { limit: Some(1), ..Default::default() };
    loop {
        let page = store.events(&filter).expect("page");
        seen.extend(page.events.iter().map(|e| e.id));
        match page.next {
            Some(next) => filter.cursor = Some(next),
            None => break,
        }
    }
    assert_eq!(seen, all.events.iter().map(|e| e.id).collect::<Vec<_>>());
    let since = store
        .events(&EventFilter { since: Some("2024-06-10".into()), ..Default::default() })
        .expect("since");
    assert_eq!(since.events.len(), 1);
    assert_eq!(since.events[0].event_type, "ASSAULT");
    let dyad = store
        .events(&EventFilter {
            actor: Some("RUSMIL".into()),
            recipient: Some("UKR".into()),
            ..Default::default()
        })
        .expect("dyad");
    assert_eq!(dyad.events.len(), 1);
    assert!(store
        .events(&EventFilter { since: Some("July".into()), ..Default::default() })
        .is_err());
    assert!(store
        .events(&EventFilter { cursor: Some("nonsense".into()), ..Default::default() })
        .is_err());
    assert!(store
        .events(&EventFilter { event_type: Some("DANCE".into()), ..Default::default() })
        .is_err());

    // Stories: the three summit articles are one story; the strike and the floods stand alone.
    let stories = store.stories().expect("stories");
    assert_eq!(stories.len(), 3, "{stories:?}");
    let summit = &stories[0];
    assert_eq!(summit.num_documents, 3);
    assert_eq!(summit.num_sources, 3);
    assert_eq!(summit.first_date.as_deref(), Some("2024-06-01"));
    assert!(summit.actors.contains(&"RUSGOV".to_string()));
    let story = store.story(summit.id).expect("story").expect("exists");
    // The cheap existence check agrees with the full read, for stored ids and absent ones.
    let absent = stories.iter().map(|s| s.id).max().unwrap_or(0) + 1;
    for id in stories.iter().map(|s| s.id).chain([absent, 0, -1]) {
        let stored = store.story(id).expect("story").is_some();
        assert_eq!(store.story_exists(id).expect("story_exists"), stored, "story {id}");
        assert_eq!(stored, id != absent && id > 0, "story {id}");
    }
    assert_eq!(story.timeline.len(), 3, "{:?}", story.timeline);
    assert_eq!(story.timeline[0].event_type, "REJECT");
    assert!(story
        .dyads
        .iter()
        .any(|d| d.actor == "RUSGOV" && d.recipient == "CHE" && d.conflict == 1));
    assert_eq!(story.quotes.len(), 1);
    assert_eq!(story.quotes[0].speaker, "RUSGOV");
    assert_eq!(story.quotes[0].quotes.len(), 2);
    assert_eq!(story.outlets.len(), 3);
    assert!(story.outlets.iter().all(|o| o.events.contains(&reject.id)));
    let text = parley_store::render_story_text(&story);
    assert!(text.contains("Timeline"), "{text}");
    assert!(text.contains("2024-06-01  REJECT"), "{text}");
    assert!(text.contains("RUSGOV -> CHE"), "{text}");
    assert!(text.contains("We will not take part"), "{text}");
    let by_story = store
        .events(&EventFilter { story: Some(summit.id), ..Default::default() })
        .expect("story filter");
    assert!(!by_story.events.is_empty());

    // Quotes, actors, documents, search.
    assert_eq!(store.quotes(Some("peskov")).expect("quotes").len(), 2);
    assert_eq!(store.quotes(Some("RUS")).expect("quotes").len(), 2);
    assert!(store.quotes(Some("nobody")).expect("quotes").is_empty());
    // LIKE's wildcards are literal characters in a speaker filter.
    for wild in ["%", "_", "pesk_v", "%kov", "\\"] {
        assert!(store.quotes(Some(wild)).expect("quotes").is_empty(), "{wild}");
    }
    // Pages of one row follow each other in the order of the whole list.
    let page = |offset| parley_store::Page { limit: 1, offset };
    let all_stories = store.stories().expect("stories");
    let paged: Vec<_> = (0..all_stories.len() + 1)
        .flat_map(|i| store.stories_page(page(i)).expect("stories page"))
        .collect();
    assert_eq!(paged, all_stories);
    let all_actors = store.actors().expect("actors");
    let paged: Vec<_> = (0..all_actors.len() + 1)
        .flat_map(|i| store.actors_page(page(i)).expect("actors page"))
        .collect();
    assert_eq!(paged, all_actors);
    let rus = store.quotes(Some("RUS")).expect("quotes");
    let paged: Vec<_> = (0..rus.len() + 1)
        .flat_map(|i| store.quotes_page(Some("RUS"), None, page(i)).expect("quotes page"))
        .collect();
    assert_eq!(paged, rus);
    let summit_quotes = store
        .quotes_page(None, Some(all_stories[0].id), parley_store::Page { limit: 10, offset: 0 })
        .expect("story quotes");
    assert_eq!(summit_quotes.len(), 2, "{summit_quotes:?}");
    let actors = store.actors().expect("actors");
    assert_eq!(actors[0].code, "RUSGOV");
    assert_eq!(actors[0].as_actor, 2);
    let documents = store.documents(10, 0).expect("documents");
    assert_eq!(documents.len(), 5);
    assert_eq!(documents[0].date.as_deref(), Some("2024-06-20"));
    let d = store.document(documents[0].id).expect("document").expect("exists");
    assert_eq!(d.sentences.len(), 1);
    assert_eq!(d.reports.len(), 1);
    assert!(d.mentions.iter().all(|m| d.text[m.start..m.end] == m.text));
    let hits = store.search("peace summit", 10).expect("search");
    assert!(hits.len() >= 3, "{hits:?}");
    assert!(hits.iter().all(|h| h.text.to_lowercase().contains("summit")));
    assert!(hits[0].snippet.contains('['), "{}", hits[0].snippet);
    let paged: Vec<_> = (0..hits.len() + 1)
        .flat_map(|i| {
            let page = parley_store::Page { limit: 1, offset: i };
            store.search_page("peace summit", page).expect("search page")
        })
        .collect();
    assert_eq!(paged, hits, "pages of search hits follow each other");
    assert!(store
        .search("floods", 10)
        .expect("search")
        .iter()
        .any(|h| h.source.as_deref() == Some("DW")));
    assert!(store.search("\"unbalanced AND (", 10).is_ok());

    // Exports.
    let mut gdelt = Vec::new();
    assert_eq!(
        export::write(store, ExportFormat::Gdelt, &EventFilter::default(), &mut gdelt)
            .expect("gdelt"),
        4
    );
    let gdelt = String::from_utf8(gdelt).expect("utf8");
    for line in gdelt.lines() {
        assert_eq!(line.split('\t').count(), GDELT_COLUMNS.len(), "{line}");
    }
    let fields: Vec<&str> = gdelt.lines().next().expect("row").split('\t').collect();
    assert_eq!(fields[1], "20240601");
    assert_eq!(fields[26], "120");
    assert_eq!(fields[7], "RUS");
    assert_eq!(fields[31], "4");
    let mut csv = Vec::new();
    export::write(store, ExportFormat::Csv, &EventFilter::default(), &mut csv).expect("csv");
    let csv = String::from_utf8(csv).expect("utf8");
    assert!(csv.starts_with("id,date,date_precision,event_type"));
    assert_eq!(csv.lines().count(), 5);
    let mut plover = Vec::new();
    export::write(store, ExportFormat::Plover, &EventFilter::default(), &mut plover)
        .expect("plover");
    let lines: Vec<serde_json::Value> = String::from_utf8(plover)
        .expect("utf8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["event_type"], "REJECT");
    assert_eq!(lines[0]["mentions"].as_array().map(Vec::len), Some(4));
    let mut parquet = Vec::new();
    assert_eq!(
        export::write(store, ExportFormat::Parquet, &EventFilter::default(), &mut parquet)
            .expect("parquet"),
        4
    );
    check_parquet(parquet);
}

/// Reads a Parquet export back with the parquet crate's Arrow reader.
fn check_parquet(bytes: Vec<u8>) {
    use arrow_array::{Array, Int64Array, StringArray};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let reader = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(bytes))
        .expect("parquet")
        .build()
        .expect("reader");
    let batches: Vec<_> = reader.map(|b| b.expect("batch")).collect();
    let rows: usize = batches.iter().map(|b| b.num_rows()).sum();
    assert_eq!(rows, 4);
    let b = &batches[0];
    assert_eq!(b.schema().fields().len(), export::CSV_COLUMNS.len());
    let types = b
        .column_by_name("event_type")
        .expect("col")
        .as_any()
        .downcast_ref::<StringArray>()
        .expect("utf8");
    assert_eq!(types.value(0), "REJECT");
    let n = b
        .column_by_name("num_reports")
        .expect("col")
        .as_any()
        .downcast_ref::<Int64Array>()
        .expect("int64");
    assert_eq!(n.value(0), 4);
    let story = b.column_by_name("story_id").expect("col");
    assert_eq!(story.null_count(), 0);
}

#[test]
fn sqlite_store_end_to_end() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).expect("open");
    assert_eq!(store.backend(), "sqlite");
    exercise(&mut store);
    drop(store);
    // Reopening applies no migration twice and keeps everything.
    let store = Store::open(&path).expect("reopen");
    assert_eq!(store.counts().expect("counts").events, 4);
}

#[test]
fn memory_store_works() {
    let mut store = Store::open(":memory:").expect("open");
    exercise(&mut store);
}

#[test]
fn changed_document_replaces_the_old_version() {
    let mut store = Store::open(":memory:").expect("open");
    let mut doc = fixtures::crisis().remove(0);
    store.ingest(&doc).expect("ingest");
    doc.meta.title = Some("Updated headline".into());
    match store.ingest(&doc).expect("ingest") {
        IngestOutcome::Inserted { replaced, .. } => assert!(replaced),
        other => panic!("{other:?}"),
    }
    let counts = store.counts().expect("counts");
    assert_eq!((counts.documents, counts.sentences, counts.reports), (1, 3, 3));
    assert_eq!(store.search("Buergenstock", 5).expect("search").len(), 1);
}

/// A regression: the story header said "1 outlet" where its outlet table
/// listed an unnamed one beside it. Documents without an outlet count as
/// one unnamed outlet, for a story as for an event.
#[test]
fn a_story_counts_documents_without_an_outlet_as_one_unnamed_outlet() {
    let mut store = Store::open(":memory:").expect("open");
    let mut docs = fixtures::crisis();
    for doc in docs.iter_mut().take(3).skip(1) {
        doc.meta.source = None;
    }
    for doc in &docs {
        store.ingest(doc).expect("ingest");
    }
    let stories = store.stories().expect("stories");
    let summit = stories.iter().find(|s| s.num_documents == 3).expect("the summit story");
    let detail = store.story(summit.id).expect("story").expect("exists");
    assert_eq!(summit.num_sources as usize, detail.outlets.len(), "{:?}", detail.outlets);
    assert_eq!(summit.num_sources, 2);
}

// ---- Read-only stores ---------------------------------------------------

/// A regression: a store in a folder this process cannot write could not
/// be opened even to read (WAL mode needs its `-shm` index beside the file).
/// Tests run as root, which ignores permission bits, so the folder's
/// refusal is made real another way: a directory where the `-shm` file must
/// go, which SQLite can open only to read, as in a read-only folder (opening
/// worked, but the first write failed with an internal error).
#[test]
fn a_store_that_cannot_be_written_is_opened_read_only() {
    let (dir, path) = temp_db();
    {
        let mut store = Store::open(&path).expect("open");
        for doc in &fixtures::crisis() {
            store.ingest(doc).expect("ingest");
        }
        store.rebuild_stories().expect("rebuild");
        assert!(!store.is_read_only());
    }
    let _ = std::fs::remove_file(format!("{path}-wal"));
    let _ = std::fs::remove_file(format!("{path}-shm"));
    std::fs::create_dir(dir.path().join("parley.db-shm")).expect("block the WAL index");

    let mut store = Store::open(&path).expect("a store that cannot be written opens to read");
    assert!(store.is_read_only());
    assert_eq!(store.counts().expect("counts").events, 4);
    let page = store.events(&EventFilter::default()).expect("events");
    assert!(!page.events.is_empty());
    assert!(!store.stories().expect("stories").is_empty());

    let doc = &fixtures::crisis()[0];
    let err = store.ingest(doc).expect_err("no writes");
    assert!(matches!(err, parley_store::StoreError::ReadOnly(_)), "{err}");
    let err = store.rebuild_stories().expect_err("no writes");
    assert!(err.to_string().contains("read-only"), "{err}");
}

/// A file that is not a store at all is still an error, not an empty
/// read-only store.
#[test]
fn a_file_that_is_not_a_store_is_an_error() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, "not a database, just text that is long enough to have a header")
        .expect("write");
    assert!(Store::open(&path).is_err());
}

// ---- PostgreSQL ----------------------------------------------------------

fn pg_url() -> String {
    std::env::var("PARLEY_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://root@127.0.0.1:5432/test".into())
}

/// A schema of the test's own, dropped when the guard goes.
struct PgSchema {
    name: String,
}

impl PgSchema {
    fn new(tag: &str) -> PgSchema {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        PgSchema {
            name: format!("parley_test_{tag}_{}_{}", std::process::id(), nanos % 1_000_000_000),
        }
    }
    fn url(&self) -> String {
        let base = pg_url();
        let sep = if base.contains('?') { '&' } else { '?' };
        format!("{base}{sep}schema={}", self.name)
    }
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        if let Ok(mut client) = postgres::Client::connect(&pg_url(), postgres::NoTls) {
            let _ =
                client.batch_execute(&format!("DROP SCHEMA IF EXISTS \"{}\" CASCADE", self.name));
        }
    }
}

#[test]
fn postgres_store_end_to_end() {
    let schema = PgSchema::new("e2e");
    let mut store = Store::open(&schema.url()).expect("open postgres (is the server running?)");
    assert_eq!(store.backend(), "postgres");
    exercise(&mut store);
    drop(store);
    let store = Store::open(&schema.url()).expect("reopen");
    assert_eq!(store.counts().expect("counts").events, 4);
}

#[test]
fn postgres_filtered_queries_on_synthetic_events() {
    let schema = PgSchema::new("synth");
    let mut store = Store::open(&schema.url()).expect("open postgres");
    parley_store::generate_synthetic(&mut store, 20_000).expect("generate");
    assert_eq!(store.counts().expect("counts").events, 20_000);
    let latency = parley_store::bench_event_queries(&store, 60).expect("bench");
    assert!(latency.mean_rows > 0.0);
    let rus = store
        .events(&EventFilter { actor: Some("RUS".into()), limit: Some(500), ..Default::default() })
        .expect("q");
    assert!(rus
        .events
        .iter()
        .all(|e| e.actor_code.as_deref().is_some_and(|c| c.starts_with("RUS"))));
}

#[test]
fn sqlite_filtered_queries_on_synthetic_events() {
    let mut store = Store::open(":memory:").expect("open");
    parley_store::generate_synthetic(&mut store, 20_000).expect("generate");
    let latency = parley_store::bench_event_queries(&store, 60).expect("bench");
    assert!(latency.mean_rows > 0.0);
    let f = EventFilter {
        actor: Some("RUS".into()),
        recipient: Some("UKR".into()),
        event_type: Some("ASSAULT".into()),
        since: Some("2022-01-01".into()),
        limit: Some(10_000),
        ..Default::default()
    };
    let page = store.events(&f).expect("q");
    assert!(!page.events.is_empty());
    for e in &page.events {
        assert!(e.actor_code.as_deref().is_some_and(|c| c.starts_with("RUS")));
        assert!(e.recipient_code.as_deref().is_some_and(|c| c.starts_with("UKR")));
        assert_eq!(e.event_type, "ASSAULT");
        assert!(e.date.as_str() >= "2022-01-01");
    }
}

// ---- Killed mid-ingest ---------------------------------------------------

const CHILD_DB: &str = "PARLEY_STORE_CHILD_DB";

/// Many distinct documents (the crisis fixtures with numbered ids).
fn many_docs(n: usize) -> Vec<parley_doc::Document> {
    let base = fixtures::crisis();
    (0..n)
        .map(|i| {
            let mut d = base[i % base.len()].clone();
            d.meta.id = format!("{}-{i}", d.meta.id);
            d.meta.origin = format!("many/{i}.txt");
            d
        })
        .collect()
}

/// Not a test on its own: the child process of `killed_mid_ingest_loses_nothing`.
#[test]
#[ignore = "run as a child process by killed_mid_ingest_loses_nothing"]
fn child_ingests_slowly() {
    let Ok(path) = std::env::var(CHILD_DB) else { return };
    let mut store = Store::open(&path).expect("child open");
    for doc in many_docs(100_000) {
        store.ingest(&doc).expect("child ingest");
    }
}

#[test]
fn killed_mid_ingest_loses_nothing() {
    let (_dir, path) = temp_db();
    Store::open(&path).expect("create");
    let exe = std::env::current_exe().expect("test binary");
    let mut child = std::process::Command::new(exe)
        .args(["child_ingests_slowly", "--exact", "--ignored", "--test-threads=1"])
        .env(CHILD_DB, &path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn child");
    // Let it store a few hundred documents, then kill it mid-stream.
    let watcher = Store::open(&path).expect("watch");
    let start = Instant::now();
    while watcher.counts().expect("counts").documents < 300 {
        assert!(start.elapsed() < Duration::from_secs(120), "child made no progress");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().expect("kill");
    child.wait().expect("reap");
    drop(watcher);

    let mut store = Store::open(&path).expect("reopen after kill");
    let stored = store.counts().expect("counts");
    assert!(stored.documents >= 300);
    check_consistent(&store);
    // Run again over the first 1000: every document once, none doubled.
    let docs = many_docs(1000);
    let mut unchanged = 0;
    for doc in &docs {
        if let IngestOutcome::Unchanged { .. } = store.ingest(doc).expect("re-ingest") {
            unchanged += 1;
        }
    }
    let after = store.counts().expect("counts");
    assert_eq!(after.documents, 1000.max(stored.documents));
    assert!(unchanged as u64 >= stored.documents.min(1000));
    check_consistent(&store);
}

/// Every stored document has all its sentences and reports (no half-written document).
fn check_consistent(store: &Store) {
    let docs = store.documents(100_000, 0).expect("documents");
    let counts = store.counts().expect("counts");
    let sentences: i64 = docs.iter().map(|d| d.num_sentences).sum();
    let reports: i64 = docs.iter().map(|d| d.num_reports).sum();
    assert_eq!(sentences as u64, counts.sentences);
    assert_eq!(reports as u64, counts.reports);
    let mut keys: Vec<&str> = docs.iter().map(|d| d.key.as_str()).collect();
    keys.sort_unstable();
    let before = keys.len();
    keys.dedup();
    assert_eq!(keys.len(), before, "a document was stored twice");
}

/// Issue #16: reprints of articles under new ids and outlets are further
/// reports of the same events, never events of their own.
#[test]
fn reprints_add_reports_not_events() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).expect("open");
    for doc in fixtures::crisis() {
        store.ingest(&doc).expect("ingest");
    }
    store.rebuild_stories().expect("rebuild");
    let once = store.counts().expect("counts");
    for k in 1..=30 {
        for mut doc in fixtures::crisis() {
            doc.meta.id = format!("{}-copy{k}", doc.meta.id);
            doc.meta.origin = format!("reprints/{}.txt", doc.meta.id);
            doc.meta.source = Some(format!("Outlet {k}"));
            doc.meta.title = Some(format!("Reprint {k}"));
            match store.ingest(&doc).expect("ingest copy") {
                IngestOutcome::Inserted { reprint_of, .. } => assert!(reprint_of.is_some()),
                other => panic!("{other:?}"),
            }
        }
    }
    store.rebuild_stories().expect("rebuild");
    let after = store.counts().expect("counts");
    assert_eq!(after.events, once.events, "{once:?} then {after:?}");
    assert_eq!(after.reports, once.reports * 31);
    let all = EventFilter { modality: Some("any".into()), ..Default::default() };
    let events = store.events(&all).expect("events").events;
    let reject = events.iter().find(|e| e.event_type == "REJECT").expect("reject");
    assert_eq!(reject.num_reports, 4 * 31);
    assert_eq!(reject.num_sources, 3 + 30);
    let detail = store.event(reject.id).expect("event").expect("exists");
    assert_eq!(detail.reports.len(), 4 * 31);
    assert_eq!(detail.outlets.len(), 33);
    assert!(detail.outlets.contains(&"Outlet 17".to_string()));
}

/// One accusation, three outlets: one names the country, one its
/// government, one no actor at all. One event, with every outlet.
#[test]
fn general_specific_and_actorless_reports_merge() {
    use fixtures::{doc, Ev};
    use parley_doc::{DatePrecision::Day, EventType::Accuse};
    let mut store = Store::open(":memory:").expect("open");
    let docs = vec![
        doc(
            "a",
            "Outlet A",
            "2024-09-10",
            &["Armenia accused Azerbaijan of shelling border villages."],
            vec![Ev::new(0, Accuse, ("ARM", "Armenia"), "accused")
                .to("AZE", "Azerbaijan")
                .on("2024-09-10", Day)],
        ),
        doc(
            "b",
            "Outlet B",
            "2024-09-10",
            &["The government in Yerevan accused Azerbaijan of firing on villages."],
            vec![Ev::new(0, Accuse, ("ARMGOV", "government"), "accused")
                .to("AZE", "Azerbaijan")
                .on("2024-09-10", Day)],
        ),
        doc(
            "c",
            "Outlet C",
            "2024-09-11",
            &["Azerbaijan was accused on Tuesday of shelling Armenian villages."],
            vec![{
                let mut ev =
                    Ev::new(0, Accuse, ("AZE", "Azerbaijan"), "accused").to("AZE", "Azerbaijan");
                ev.actor = None;
                ev.on("2024-09-10", Day)
            }],
        ),
    ];
    for d in &docs {
        store.ingest(d).expect("ingest");
    }
    store.rebuild_stories().expect("rebuild");
    let events = store.events(&EventFilter::default()).expect("events").events;
    assert_eq!(events.len(), 1, "{events:?}");
    let e = &events[0];
    assert_eq!((e.num_reports, e.num_sources), (3, 3));
    assert_eq!(e.actor_country.as_deref(), Some("ARM"));
    assert_eq!(e.recipient_country.as_deref(), Some("AZE"));
    assert!(e.is_root);
    assert_eq!(e.date_added.as_deref().map(str::len), Some(14));
}

/// A store written before migration 4 (no body hashes, no sectors) still
/// opens, rebuilds and finds its reprints.
#[test]
fn stores_from_before_the_analyst_columns_rebuild() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).expect("open");
    for doc in fixtures::crisis() {
        store.ingest(&doc).expect("ingest");
    }
    let mut copy = fixtures::crisis().remove(0);
    copy.meta.id = "copy".into();
    store.ingest(&copy).expect("ingest copy");
    drop(store);
    let conn = rusqlite::Connection::open(&path).expect("raw");
    conn.execute_batch(
        "UPDATE documents SET body_hash = NULL; UPDATE reports SET actor_sector = NULL",
    )
    .expect("forget");
    drop(conn);
    let mut store = Store::open(&path).expect("reopen");
    store.rebuild_stories().expect("rebuild");
    assert_eq!(store.counts().expect("counts").events, 4);
    let all = store.events(&EventFilter::default()).expect("events").events;
    assert!(all.iter().any(|e| e.actor_sector.as_deref() == Some("GOV")), "{all:?}");
}
