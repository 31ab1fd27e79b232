//! Web archives as documents: every HTML page a WARC file holds (a
//! `response` record, HTTP 200, `text/html`) becomes a [`Document`] with
//! its address, outlet and publication date; everything else is skipped
//! and counted, and a record that cannot be read is an error naming the
//! file and the record's byte offset while the rest go on.

use std::cell::RefCell;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;
use std::rc::Rc;

use parley_doc::{DocMeta, Document};
use parley_text::{ArchiveReader, Documents, TextError, MAX_DOCUMENT_BYTES};

use crate::warc::{Next, RecordHeader, WarcReader};
use crate::{canonical, lang, payload};

/// What the WARC files of a run held, by what became of each record.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WarcCounts {
    /// Archives opened.
    pub archives: usize,
    /// Records seen (read or not).
    pub records: usize,
    /// HTML pages made into documents.
    pub documents: usize,
    /// `request` records.
    pub requests: usize,
    /// `warcinfo` and `metadata` records.
    pub metadata: usize,
    /// Other record types (`resource`, `revisit`, `conversion`...).
    pub other_types: usize,
    /// Responses with another status than 200.
    pub not_ok: usize,
    /// Responses that are not HTML (or not HTTP: DNS records, say).
    pub not_html: usize,
    /// Pages in another language than English.
    pub not_english: usize,
    /// Pages in a character set or content encoding parley does not read.
    pub undecodable: usize,
    /// Records over the 50 MB document limit.
    pub too_large: usize,
    /// Records that could not be read (corrupt, truncated), and pages the
    /// HTML reader refused: each also reported as an error.
    pub bad: usize,
}

impl WarcCounts {
    /// Records skipped on purpose (not errors).
    pub fn skipped(&self) -> usize {
        self.requests
            + self.metadata
            + self.other_types
            + self.not_ok
            + self.not_html
            + self.not_english
            + self.undecodable
            + self.too_large
    }
}

impl std::fmt::Display for WarcCounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} WARC files, {} records: {} pages read; skipped {} requests, {} warcinfo/metadata, {} other record types, {} not HTTP 200, {} not HTML, {} not English, {} in an unread encoding, {} over the size limit; {} bad",
            self.archives,
            self.records,
            self.documents,
            self.requests,
            self.metadata,
            self.other_types,
            self.not_ok,
            self.not_html,
            self.not_english,
            self.undecodable,
            self.too_large,
            self.bad
        )
    }
}

/// The [`ArchiveReader`] for `.warc` and `.warc.gz` files, keeping a tally
/// of their records over the run ([`WarcArchives::counts`]).
#[derive(Debug, Default, Clone)]
pub struct WarcArchives {
    counts: Rc<RefCell<WarcCounts>>,
}

impl WarcArchives {
    /// A reader with an empty tally.
    pub fn new() -> Self {
        Self::default()
    }

    /// The tally so far.
    pub fn counts(&self) -> WarcCounts {
        self.counts.borrow().clone()
    }
}

/// Whether a file name says WARC: `.warc`, `.warc.gz` (any case).
pub fn is_warc(path: &Path) -> bool {
    let name =
        path.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

impl ArchiveReader for WarcArchives {
    fn claims(&self, path: &Path) -> bool {
        is_warc(path)
    }

    fn read(&self, path: &Path) -> Documents {
        let origin = path.display().to_string();
        let io = |source| TextError::Io { path: path.to_path_buf(), source };
        let opened = std::fs::metadata(path).map_err(io).and_then(|meta| {
            if !meta.is_file() {
                return Err(TextError::NotRegularFile {
                    path: path.to_path_buf(),
                    kind: "not a file",
                });
            }
            File::open(path).map_err(io)
        });
        match opened {
            Ok(file) => {
                self.counts.borrow_mut().archives += 1;
                let gzip = origin.to_ascii_lowercase().ends_with(".gz");
                Box::new(WarcDocuments {
                    reader: WarcReader::new(BufReader::with_capacity(256 * 1024, file), gzip),
                    origin,
                    counts: Rc::clone(&self.counts),
                })
            }
            Err(err) => Box::new(std::iter::once(Err(err))),
        }
    }
}

/// The documents of one archive, read lazily.
struct WarcDocuments<R: std::io::BufRead> {
    reader: WarcReader<R>,
    origin: String,
    counts: Rc<RefCell<WarcCounts>>,
}

/// What one record came to.
enum Outcome {
    Document(Box<Document>),
    Skipped,
    Bad(TextError),
}

impl<R: std::io::BufRead> Iterator for WarcDocuments<R> {
    type Item = Result<Document, TextError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let header = match self.reader.next_record() {
                Next::End => return None,
                Next::Bad(err) => {
                    let mut counts = self.counts.borrow_mut();
                    counts.records += 1;
                    counts.bad += 1;
                    return Some(Err(self.bad(err.offset, err.to_string())));
                }
                Next::Record(header) => header,
            };
            self.counts.borrow_mut().records += 1;
            match self.record(&header) {
                Outcome::Document(doc) => {
                    self.counts.borrow_mut().documents += 1;
                    return Some(Ok(*doc));
                }
                Outcome::Skipped => continue,
                Outcome::Bad(err) => {
                    self.counts.borrow_mut().bad += 1;
                    return Some(Err(err));
                }
            }
        }
    }
}

impl<R: std::io::BufRead> WarcDocuments<R> {
    fn bad(&self, offset: u64, message: String) -> TextError {
        TextError::BadArchiveRecord { origin: self.origin.clone(), offset, message }
    }

    fn skip(&mut self, count: fn(&mut WarcCounts) -> &mut usize) -> Outcome {
        *count(&mut self.counts.borrow_mut()) += 1;
        match self.reader.skip_block() {
            Ok(()) => Outcome::Skipped,
            Err(err) => Outcome::Bad(self.bad(err.offset, err.to_string())),
        }
    }

    fn record(&mut self, header: &RecordHeader) -> Outcome {
        match header.record_type().as_str() {
            "response" => {}
            "request" => return self.skip(|c| &mut c.requests),
            "warcinfo" | "metadata" => return self.skip(|c| &mut c.metadata),
            _ => return self.skip(|c| &mut c.other_types),
        }
        let http = header.get("Content-Type").unwrap_or("").to_ascii_lowercase();
        if !http.starts_with("application/http") {
            return self.skip(|c| &mut c.not_html);
        }
        let block = match self.reader.read_block(MAX_DOCUMENT_BYTES) {
            Ok(Some(block)) => block,
            Ok(None) => {
                self.counts.borrow_mut().too_large += 1;
                tracing::warn!(archive = %self.origin, offset = header.offset, "record over the 50 MB document limit, skipped");
                return Outcome::Skipped;
            }
            Err(err) => return Outcome::Bad(self.bad(err.offset, err.to_string())),
        };
        let response = match payload::parse_http(&block, MAX_DOCUMENT_BYTES) {
            Ok(response) => response,
            Err(message) if message.contains("encoding") => {
                self.counts.borrow_mut().undecodable += 1;
                return Outcome::Skipped;
            }
            Err(message) => return Outcome::Bad(self.bad(header.offset, message)),
        };
        drop(block);
        if response.status != 200 {
            self.counts.borrow_mut().not_ok += 1;
            return Outcome::Skipped;
        }
        if !payload::is_html(response.content_type.as_deref()) {
            self.counts.borrow_mut().not_html += 1;
            return Outcome::Skipped;
        }
        let Some(html) = payload::decode_html(&response.body, response.content_type.as_deref())
        else {
            self.counts.borrow_mut().undecodable += 1;
            return Outcome::Skipped;
        };
        self.page(header, &html)
    }

    fn page(&mut self, header: &RecordHeader, html: &str) -> Outcome {
        let position = format!("{}@{}", self.origin, header.offset);
        if let Err(err) = parley_text::check_str(html, &position) {
            return Outcome::Bad(err);
        }
        // Some writers wrap the address in angle brackets (WARC 1.1's grammar).
        let url = header.get("WARC-Target-URI").map(|u| u.trim_matches(['<', '>']).to_string());
        let meta = DocMeta {
            id: url.clone().unwrap_or_else(|| position.clone()),
            origin: position,
            date: None,
            source: url.as_deref().and_then(canonical::outlet),
            url,
            title: None,
        };
        let mut doc = match parley_text::document_from_html(html, meta) {
            Ok(doc) => doc,
            Err(err) => return Outcome::Bad(err),
        };
        if !lang::is_english(&doc.text) {
            self.counts.borrow_mut().not_english += 1;
            return Outcome::Skipped;
        }
        // Without a date on the page, the day it was fetched is the best
        // anchor for "on Thursday".
        if doc.meta.date.is_none() {
            doc.meta.date = header
                .get("WARC-Date")
                .and_then(|d| d.get(..10))
                .filter(|d| is_day(d))
                .map(str::to_string);
        }
        Outcome::Document(Box::new(doc))
    }
}

/// `YYYY-MM-DD` in shape (the reader checks the calendar for its own dates).
fn is_day(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}
