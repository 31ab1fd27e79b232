//! WARC files built from the shipped examples, with the records a real
//! crawl holds besides pages (requests, metadata, a 404, an image, a page
//! in French) and damage (a garbled record, a truncated tail): each page
//! reads as the same document its file does, everything else is counted,
//! and the damage is reported with the record's offset.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use parley_sources::warc::{write_record, write_record_gz};
use parley_sources::{WarcArchives, WarcCounts};
use parley_text::{ArchiveReader, TextError};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// The example HTML pages, sorted.
fn example_pages() -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(examples())
        .expect("examples")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 3, "the examples hold HTML pages");
    pages
}

fn url_of(page: &Path) -> String {
    let stem = page.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    format!("https://www.news.example/world/{stem}")
}

const FRENCH: &str = "<html><head><title>Sommet</title></head><body><h1>Les négociations reprennent à Genève</h1>\
<p>Les délégations des deux pays se sont retrouvées lundi à Genève pour reprendre les négociations sur le cessez-le-feu, \
a annoncé le ministère des Affaires étrangères dans un communiqué publié dans la soirée.</p>\
<p>Selon les diplomates, les discussions porteront sur l'échange de prisonniers et sur le retour des civils déplacés \
par les combats de l'hiver dernier.</p></body></html>";

/// One WARC record to write: its headers (name, value) and its block.
type TestRecord = (Vec<(String, String)>, Vec<u8>);

/// The records of the test crawl, in order.
fn crawl_records() -> Vec<TestRecord> {
    let fields = |kind: &str, uri: &str, content_type: &str| {
        vec![
            ("WARC-Type".to_string(), kind.to_string()),
            ("WARC-Target-URI".to_string(), uri.to_string()),
            ("WARC-Date".to_string(), "2025-03-06T08:00:00Z".to_string()),
            ("Content-Type".to_string(), content_type.to_string()),
        ]
    };
    let http = |status: &str, content_type: &str, body: &[u8]| {
        let mut block = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        block.extend_from_slice(body);
        block
    };
    let mut records = vec![(
        vec![("WARC-Type".to_string(), "warcinfo".to_string())],
        b"software: parley-test\r\n".to_vec(),
    )];
    for page in example_pages() {
        let url = url_of(&page);
        let html = std::fs::read(&page).expect("page");
        records.push((
            fields("request", &url, "application/http; msgtype=request"),
            format!("GET {url} HTTP/1.1\r\nHost: www.news.example\r\n\r\n").into_bytes(),
        ));
        records.push((
            fields("response", &url, "application/http; msgtype=response"),
            http("200 OK", "text/html; charset=utf-8", &html),
        ));
        records.push((
            fields("metadata", &url, "application/warc-fields"),
            b"fetchTimeMs: 120\r\n".to_vec(),
        ));
    }
    let missing = "https://www.news.example/gone";
    records.push((
        fields("response", missing, "application/http; msgtype=response"),
        http("404 Not Found", "text/html", b"<html><body><p>Not found</p></body></html>"),
    ));
    let image = "https://www.news.example/logo.png";
    records.push((
        fields("response", image, "application/http; msgtype=response"),
        http("200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
    ));
    let french = "https://www.journal.example/monde/geneve";
    records.push((
        fields("response", french, "application/http; msgtype=response"),
        http("200 OK", "text/html; charset=utf-8", FRENCH.as_bytes()),
    ));
    records
}

fn write_crawl(gzip: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for (fields, block) in crawl_records() {
        let fields: Vec<(&str, &str)> =
            fields.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        if gzip {
            write_record_gz(&mut out, &fields, &block).expect("write");
        } else {
            write_record(&mut out, &fields, &block).expect("write");
        }
    }
    out
}

fn read_all(path: &Path) -> (Vec<Result<parley_doc::Document, TextError>>, WarcCounts) {
    let archives = WarcArchives::new();
    let reader: Rc<dyn ArchiveReader> = Rc::new(archives.clone());
    let results: Vec<_> =
        parley_text::read_inputs_with(&[path.to_path_buf()], Some(reader)).collect();
    (results, archives.counts())
}

fn expected_counts(pages: usize) -> WarcCounts {
    WarcCounts {
        archives: 1,
        records: 1 + 3 * pages + 3,
        documents: pages,
        requests: pages,
        metadata: 1 + pages,
        not_ok: 1,
        not_html: 1,
        not_english: 1,
        ..WarcCounts::default()
    }
}

#[test]
fn each_archived_page_reads_as_its_file_does_and_the_rest_is_counted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pages = example_pages();
    for (name, gzip) in [("crawl.warc", false), ("crawl.warc.gz", true)] {
        let path = dir.path().join(name);
        std::fs::write(&path, write_crawl(gzip)).expect("write crawl");
        let (results, counts) = read_all(&path);
        assert_eq!(counts, expected_counts(pages.len()), "{name}");
        let docs: Vec<_> = results.into_iter().map(|r| r.expect("no bad record")).collect();
        assert_eq!(docs.len(), pages.len());
        for (doc, page) in docs.iter().zip(&pages) {
            let file = parley_text::read_file(page).next().expect("one").expect("reads");
            assert_eq!(doc.text, file.text, "{name}: {}", page.display());
            assert_eq!(doc.blocks.len(), file.blocks.len());
            assert_eq!(doc.meta.url.as_deref(), Some(url_of(page).as_str()));
            assert_eq!(doc.meta.id, url_of(page));
            assert_eq!(doc.meta.source.as_deref(), Some("news.example"), "outlet from the host");
            // The page's own date when it has one, else the fetch date.
            let date = file.meta.date.clone().unwrap_or_else(|| "2025-03-06".to_string());
            assert_eq!(doc.meta.date.as_deref(), Some(date.as_str()), "{}", page.display());
        }
    }
}

#[test]
fn a_garbled_record_and_a_truncated_tail_are_reported_with_offsets_and_the_rest_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pages = example_pages().len();
    // Plain: garbage between two records, and the last record cut short.
    let mut plain = write_crawl(false);
    let garbage_at = plain.len();
    plain.extend(b"this is not a record\r\nnor this\r\n");
    let good = write_crawl(false);
    plain.extend(&good);
    let tail_at = plain.len();
    let mut tail = Vec::new();
    write_record(
        &mut tail,
        &[("WARC-Type", "response"), ("Content-Type", "application/http; msgtype=response")],
        b"HTTP/1.1 200 OK\r\n\r\n<html>cut",
    )
    .expect("write");
    plain.extend(&tail[..tail.len() - 10]);
    let path = dir.path().join("damaged.warc");
    std::fs::write(&path, &plain).expect("write");
    let (results, counts) = read_all(&path);
    let errors: Vec<String> =
        results.iter().filter_map(|r| r.as_ref().err()).map(|e| e.to_string()).collect();
    assert_eq!(counts.documents, 2 * pages, "both copies of the crawl are read: {errors:?}");
    assert_eq!(errors.len(), 2, "{errors:?}");
    let name = path.display().to_string();
    assert!(
        errors[0].starts_with(&format!("{name}: record at byte {garbage_at}: not a WARC record")),
        "{errors:?}"
    );
    assert!(
        errors[1].starts_with(&format!("{name}: record at byte {tail_at}"))
            && errors[1].contains("truncated"),
        "{errors:?}"
    );
    assert_eq!(counts.bad, 2);

    // Gzipped: a member with garbled bytes, then good members, then a cut one.
    let mut gz = Vec::new();
    let mut first = Vec::new();
    write_record_gz(&mut first, &[("WARC-Type", "request")], b"GET / HTTP/1.1\r\n\r\n")
        .expect("gz");
    let bad_at = first.len();
    let mut bad = Vec::new();
    write_record_gz(
        &mut bad,
        &[("WARC-Type", "response"), ("Content-Type", "application/http; msgtype=response")],
        &[b'x'; 4000],
    )
    .expect("gz");
    let mid = bad.len() / 2;
    bad[mid..mid + 16].fill(0xFF);
    gz.extend(&first);
    gz.extend(&bad);
    gz.extend(write_crawl(true));
    let cut_at = gz.len();
    let mut cut = Vec::new();
    write_record_gz(&mut cut, &[("WARC-Type", "response")], b"HTTP/1.1 200 OK\r\n\r\n<html>")
        .expect("gz");
    gz.extend(&cut[..cut.len() / 2]);
    let path = dir.path().join("damaged.warc.gz");
    std::fs::write(&path, &gz).expect("write");
    let (results, counts) = read_all(&path);
    let errors: Vec<String> =
        results.iter().filter_map(|r| r.as_ref().err()).map(|e| e.to_string()).collect();
    assert_eq!(counts.documents, pages, "the good members are read: {errors:?}");
    let name = path.display().to_string();
    assert!(
        errors.iter().any(|e| e.starts_with(&format!("{name}: record at byte {bad_at}"))),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.starts_with(&format!("{name}: record at byte {cut_at}"))),
        "{errors:?}"
    );
}

#[test]
fn archives_in_folders_are_read_beside_other_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.warc.gz"), write_crawl(true)).expect("write");
    std::fs::write(dir.path().join("b.txt"), "Talks Stall\nDelegates met in Geneva on Monday.\n")
        .expect("write");
    let (results, counts) = read_all(dir.path());
    assert_eq!(counts.archives, 1);
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), example_pages().len() + 1);
    // A missing archive is an error naming it, not a panic.
    let (results, _) = read_all(&dir.path().join("missing.warc"));
    assert!(matches!(results.as_slice(), [Err(TextError::Io { .. })]));
}
