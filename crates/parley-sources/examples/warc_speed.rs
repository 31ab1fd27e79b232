//! How fast WARC files are read: writes a `.warc.gz` of N records (the
//! example pages as responses, each after its request record, plus a
//! metadata record) and reads it back into documents, timing the read.
//!
//!     cargo run --release -p parley-sources --example warc_speed -- 3000
//!
//! Prints records, documents, bytes and records/s, MB/s (compressed file).

use std::path::Path;
use std::time::Instant;

use parley_sources::warc::write_record_gz;
use parley_sources::WarcArchives;
use parley_text::ArchiveReader;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let records: usize = std::env::args().nth(1).map(|n| n.parse()).transpose()?.unwrap_or(3000);
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(&examples)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "html") {
            pages.push(std::fs::read(&path)?);
        }
    }
    pages.sort();
    let dir = std::env::temp_dir().join(format!("parley-warc-speed-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("bench.warc.gz");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
    let mut written = 0;
    let mut i = 0usize;
    while written < records {
        let url = format!("https://www.wire.example/story/{i}");
        let html = &pages[i % pages.len()];
        let mut block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n", html.len()).into_bytes();
        block.extend_from_slice(html);
        write_record_gz(
            &mut out,
            &[("WARC-Type", "request"), ("WARC-Target-URI", &url)],
            b"GET / HTTP/1.1\r\n\r\n",
        )?;
        let fields = [
            ("WARC-Type", "response"),
            ("WARC-Target-URI", url.as_str()),
            ("WARC-Date", "2025-03-06T08:00:00Z"),
            ("Content-Type", "application/http; msgtype=response"),
        ];
        write_record_gz(&mut out, &fields, &block)?;
        write_record_gz(
            &mut out,
            &[("WARC-Type", "metadata"), ("WARC-Target-URI", &url)],
            b"fetchTimeMs: 80\r\n",
        )?;
        written += 3;
        i += 1;
    }
    drop(out);
    let bytes = std::fs::metadata(&path)?.len();
    let archives = WarcArchives::new();
    let started = Instant::now();
    let mut documents = 0usize;
    let mut text_bytes = 0usize;
    for doc in archives.read(&path) {
        let doc = doc?;
        documents += 1;
        text_bytes += doc.text.len();
    }
    let seconds = started.elapsed().as_secs_f64();
    let counts = archives.counts();
    println!("{counts}");
    println!(
        "records={} documents={documents} file_mb={:.1} text_mb={:.1} seconds={seconds:.2} records_per_sec={:.0} documents_per_sec={:.0} file_mb_per_sec={:.2}",
        counts.records,
        bytes as f64 / 1e6,
        text_bytes as f64 / 1e6,
        counts.records as f64 / seconds,
        documents as f64 / seconds,
        bytes as f64 / 1e6 / seconds
    );
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
