//! WARC records, read one at a time from a plain `.warc` or a gzipped
//! `.warc.gz` (one gzip member per record, as Common Crawl writes them, or
//! one member for the whole file): headers parsed, the block read only
//! when the caller asks for it, never the whole file in memory.
//!
//! A record that cannot be read is reported with its byte offset (of its
//! gzip member, in a compressed file) and reading goes on at the next
//! record: in a plain file at the next `WARC/` line, in a compressed one at
//! the next gzip member.

use std::io::{self, BufRead, BufReader, Read, Write};

use flate2::bufread::GzDecoder;

/// The longest header section read (a record's headers are a few hundred
/// bytes; this bounds memory on a file that is not WARC at all).
const MAX_HEADER_BYTES: usize = 64 * 1024;

/// One record's headers and where it starts.
#[derive(Debug, Clone)]
pub struct RecordHeader {
    /// Byte offset of the record in the file; in a compressed file, of the
    /// gzip member that holds it.
    pub offset: u64,
    /// Byte offset inside the gzip member's decompressed bytes (0 for the
    /// first record of a member and for plain files).
    pub offset_in_member: u64,
    /// The version line, e.g. `WARC/1.0`.
    pub version: String,
    /// Header names and values, in order.
    pub fields: Vec<(String, String)>,
    /// The block's length from `Content-Length`.
    pub content_length: u64,
}

impl RecordHeader {
    /// The value of a header (names compare case-insensitively).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// `WARC-Type`, lowercased (`response`, `request`, `metadata`...).
    pub fn record_type(&self) -> String {
        self.get("WARC-Type").unwrap_or("").to_ascii_lowercase()
    }
}

/// Why a record could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// As [`RecordHeader::offset`].
    pub offset: u64,
    /// As [`RecordHeader::offset_in_member`].
    pub offset_in_member: u64,
    /// What went wrong.
    pub message: String,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.offset_in_member > 0 {
            write!(f, "byte {} of the gzip member at {}: ", self.offset_in_member, self.offset)?;
        }
        f.write_str(&self.message)
    }
}

/// What [`WarcReader::next_record`] found.
pub enum Next {
    /// A record; its block is read with [`WarcReader::read_block`] or
    /// skipped with [`WarcReader::skip_block`] before the next call.
    Record(RecordHeader),
    /// A record that could not be read; reading goes on after it.
    Bad(RecordError),
    /// The end of the file.
    End,
}

/// Counts bytes consumed from a buffered reader, so a gzip member's start
/// is known (the `bufread` decoder consumes exactly its member).
struct Counting<R> {
    inner: R,
    pos: u64,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.pos += amt as u64;
        self.inner.consume(amt);
    }
}

/// The decompressed bytes of the current gzip member (or of the plain file).
// One `Source` per archive read: the gzip variant's size costs nothing.
#[allow(clippy::large_enum_variant)]
enum Source<R: BufRead> {
    Plain(Counting<R>),
    Gzip {
        /// The raw file, for member offsets and resynchronising.
        raw: Option<Counting<R>>,
        /// The current member's decoder, over the raw file.
        member: Option<BufReader<GzDecoder<Counting<R>>>>,
        /// Byte offset of the current member in the file.
        member_start: u64,
    },
}

/// A streaming reader of WARC records.
pub struct WarcReader<R: BufRead> {
    source: Source<R>,
    /// Bytes consumed of the plain file or of the current member.
    pos: u64,
    /// Content bytes of the current record not yet read or skipped.
    pending: u64,
    done: bool,
    /// What is read when no gzip member is open.
    empty: io::Empty,
    /// Where the current record starts: its errors name this offset.
    record_start: (u64, u64),
}

impl<R: BufRead> WarcReader<R> {
    /// Reads `input`, gzipped when `gzip` is set.
    pub fn new(input: R, gzip: bool) -> Self {
        let counting = Counting { inner: input, pos: 0 };
        let source = if gzip {
            Source::Gzip { raw: Some(counting), member: None, member_start: 0 }
        } else {
            Source::Plain(counting)
        };
        WarcReader {
            source,
            pos: 0,
            pending: 0,
            done: false,
            empty: io::empty(),
            record_start: (0, 0),
        }
    }

    /// The byte offset of what comes next: (file or member offset, offset in member).
    fn here(&self) -> (u64, u64) {
        match &self.source {
            Source::Plain(_) => (self.pos, 0),
            Source::Gzip { member_start, .. } => (*member_start, self.pos),
        }
    }

    fn error(&self, at: (u64, u64), message: impl Into<String>) -> RecordError {
        RecordError { offset: at.0, offset_in_member: at.1, message: message.into() }
    }

    /// The next record's headers.
    pub fn next_record(&mut self) -> Next {
        if self.done {
            return Next::End;
        }
        if self.pending > 0 {
            if let Err(bad) = self.skip_block() {
                return Next::Bad(bad);
            }
        }
        loop {
            if let Err(bad) = self.open_member() {
                return Next::Bad(bad);
            }
            if self.done {
                return Next::End;
            }
            let start = self.here();
            let line = match self.read_line() {
                Ok(Some(line)) => line,
                // The end of a member: the next one, or the end of the file.
                Ok(None) => {
                    if self.end_member() {
                        continue;
                    }
                    self.done = true;
                    return Next::End;
                }
                Err(err) => return Next::Bad(self.read_failed(start, err)),
            };
            let version = line.trim_end();
            if version.is_empty() {
                continue; // blank lines between records
            }
            if !version.starts_with("WARC/") {
                let bad =
                    self.error(start, format!("not a WARC record (starts {:?})", clip(version)));
                self.resync();
                return Next::Bad(bad);
            }
            let version = version.to_string();
            return match self.read_fields(start) {
                Ok(fields) => self.header(start, version, fields),
                Err(bad) => {
                    self.resync();
                    Next::Bad(bad)
                }
            };
        }
    }

    fn header(
        &mut self,
        start: (u64, u64),
        version: String,
        fields: Vec<(String, String)>,
    ) -> Next {
        let length = fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("Content-Length"))
            .map(|(_, v)| v.trim().parse::<u64>());
        let content_length = match length {
            Some(Ok(n)) => n,
            Some(Err(_)) => {
                self.resync();
                return Next::Bad(self.error(start, "Content-Length is not a number"));
            }
            None => {
                self.resync();
                return Next::Bad(self.error(start, "no Content-Length"));
            }
        };
        self.pending = content_length;
        self.record_start = start;
        Next::Record(RecordHeader {
            offset: start.0,
            offset_in_member: start.1,
            version,
            fields,
            content_length,
        })
    }

    fn read_fields(&mut self, start: (u64, u64)) -> Result<Vec<(String, String)>, RecordError> {
        let mut fields: Vec<(String, String)> = Vec::new();
        let mut size = 0usize;
        loop {
            let line = match self.read_line() {
                Ok(Some(line)) => line,
                Ok(None) => return Err(self.error(start, "truncated in its headers")),
                Err(err) => return Err(self.read_failed(start, err)),
            };
            size += line.len();
            if size > MAX_HEADER_BYTES {
                return Err(self.error(start, "headers longer than 64 KB"));
            }
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                return Ok(fields);
            }
            // A folded line continues the previous value.
            if line.starts_with([' ', '\t']) {
                if let Some((_, value)) = fields.last_mut() {
                    value.push(' ');
                    value.push_str(line.trim());
                }
                continue;
            }
            match line.split_once(':') {
                Some((name, value)) => {
                    fields.push((name.trim().to_string(), value.trim().to_string()))
                }
                None => return Err(self.error(start, format!("bad header line {:?}", clip(line)))),
            }
        }
    }

    /// Reads the current record's block, up to `limit` bytes; a longer
    /// block is skipped and `Ok(None)` returned.
    pub fn read_block(&mut self, limit: u64) -> Result<Option<Vec<u8>>, RecordError> {
        if self.pending > limit {
            self.skip_block()?;
            return Ok(None);
        }
        let start = self.record_start;
        let wanted = self.pending;
        let mut block = Vec::with_capacity(wanted as usize);
        let read = self.reader().take(wanted).read_to_end(&mut block);
        self.pos += block.len() as u64;
        self.pending = 0;
        match read {
            Ok(n) if n as u64 == wanted => Ok(Some(block)),
            Ok(n) => {
                self.done = !self.end_member();
                Err(self.error(start, format!("truncated: {n} of {wanted} content bytes")))
            }
            Err(err) => Err(self.read_failed(start, err)),
        }
    }

    /// Skips the current record's block.
    pub fn skip_block(&mut self) -> Result<(), RecordError> {
        let start = self.record_start;
        let wanted = self.pending;
        self.pending = 0;
        let copied = io::copy(&mut self.reader().take(wanted), &mut io::sink());
        match copied {
            Ok(n) => {
                self.pos += n;
                if n < wanted {
                    self.done = !self.end_member();
                    return Err(
                        self.error(start, format!("truncated: {n} of {wanted} content bytes"))
                    );
                }
                Ok(())
            }
            Err(err) => Err(self.read_failed(start, err)),
        }
    }

    fn reader(&mut self) -> &mut dyn BufRead {
        match &mut self.source {
            Source::Plain(plain) => plain,
            Source::Gzip { member: Some(member), .. } => member,
            // No member open: nothing to read.
            Source::Gzip { member: None, .. } => &mut self.empty,
        }
    }

    /// One line (up to `\n`), `None` at the end of the stream or member.
    fn read_line(&mut self) -> io::Result<Option<String>> {
        let mut buf = Vec::new();
        let n = self.reader().take(MAX_HEADER_BYTES as u64).read_until(b'\n', &mut buf)?;
        self.pos += n as u64;
        if n == 0 {
            return Ok(None);
        }
        Ok(Some(String::from_utf8_lossy(&buf).into_owned()))
    }

    /// In a compressed file, opens the next member if none is open.
    fn open_member(&mut self) -> Result<(), RecordError> {
        let Source::Gzip { raw, member, member_start } = &mut self.source else {
            return Ok(());
        };
        if member.is_some() {
            return Ok(());
        }
        let Some(mut file) = raw.take() else {
            self.done = true;
            return Ok(());
        };
        match file.fill_buf() {
            Ok([]) => {
                self.done = true;
                Ok(())
            }
            Ok(_) => {
                *member_start = file.pos;
                self.pos = 0;
                *member = Some(BufReader::new(GzDecoder::new(file)));
                Ok(())
            }
            Err(err) => {
                self.done = true;
                Err(RecordError { offset: file.pos, offset_in_member: 0, message: err.to_string() })
            }
        }
    }

    /// Closes the current member; whether the file may hold another.
    fn end_member(&mut self) -> bool {
        let Source::Gzip { raw, member, .. } = &mut self.source else {
            return false;
        };
        match member.take() {
            Some(decoder) => {
                *raw = Some(decoder.into_inner().into_inner());
                true
            }
            None => false,
        }
    }

    /// A read error: in a compressed file the member is corrupt or cut
    /// short, and reading goes on at the next gzip header.
    fn read_failed(&mut self, start: (u64, u64), err: io::Error) -> RecordError {
        let message = match err.kind() {
            io::ErrorKind::UnexpectedEof => "truncated (the gzip member ends early)".to_string(),
            _ => format!("cannot read: {err}"),
        };
        let bad = self.error(start, message);
        self.pending = 0;
        self.resync();
        bad
    }

    /// Moves to where the next record may start: the next `WARC/` line of
    /// a plain file, the next gzip member of a compressed one.
    fn resync(&mut self) {
        self.pending = 0;
        match &mut self.source {
            Source::Plain(plain) => loop {
                match plain.fill_buf() {
                    Ok([]) | Err(_) => {
                        self.done = true;
                        return;
                    }
                    Ok(buf) => {
                        if buf.starts_with(b"WARC/") {
                            return;
                        }
                        // Skip to the next line start that may begin "WARC/".
                        let skip = match buf.iter().position(|&b| b == b'\n') {
                            Some(i) => i + 1,
                            None => buf.len(),
                        };
                        plain.consume(skip);
                        self.pos += skip as u64;
                    }
                }
            },
            Source::Gzip { .. } => self.resync_gzip(),
        }
    }

    fn resync_gzip(&mut self) {
        let Source::Gzip { raw, member, member_start } = &mut self.source else {
            return;
        };
        let mut file = match (member.take(), raw.take()) {
            (Some(decoder), _) => decoder.into_inner().into_inner(),
            (None, Some(file)) => file,
            (None, None) => {
                self.done = true;
                return;
            }
        };
        // Never stay on the bad member's own header.
        if file.pos == *member_start {
            if file.fill_buf().map(|b| b.is_empty()).unwrap_or(true) {
                self.done = true;
                return;
            }
            file.consume(1);
        }
        // The next gzip header: 1f 8b 08 (deflate). One split across two
        // buffer fills is missed, and with it one record: resynchronising
        // is a best effort after damage.
        loop {
            let buf = match file.fill_buf() {
                Ok([]) | Err(_) => {
                    self.done = true;
                    return;
                }
                Ok(buf) => buf,
            };
            if let Some(i) = buf.windows(3).position(|w| w == [0x1f, 0x8b, 0x08]) {
                file.consume(i);
                break;
            }
            let len = buf.len();
            file.consume(len);
        }
        *raw = Some(file);
        self.pos = 0;
    }
}

fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}

/// Writes one WARC/1.0 record: the headers given (Content-Length is
/// added), the block, and the two line ends that close a record. For
/// building test archives and the benchmark's.
pub fn write_record<W: Write>(
    out: &mut W,
    fields: &[(&str, &str)],
    block: &[u8],
) -> io::Result<()> {
    out.write_all(b"WARC/1.0\r\n")?;
    for (name, value) in fields {
        write!(out, "{name}: {value}\r\n")?;
    }
    write!(out, "Content-Length: {}\r\n\r\n", block.len())?;
    out.write_all(block)?;
    out.write_all(b"\r\n\r\n")
}

/// [`write_record`] as its own gzip member, as Common Crawl writes them.
pub fn write_record_gz<W: Write>(
    out: &mut W,
    fields: &[(&str, &str)],
    block: &[u8],
) -> io::Result<()> {
    let mut plain = Vec::new();
    write_record(&mut plain, fields, block)?;
    let mut gz = flate2::write::GzEncoder::new(out, flate2::Compression::default());
    gz.write_all(&plain)?;
    gz.finish().map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(bytes: &[u8], gzip: bool) -> Vec<String> {
        let mut reader = WarcReader::new(bytes, gzip);
        let mut out = Vec::new();
        loop {
            match reader.next_record() {
                Next::Record(header) => {
                    let block = reader.read_block(1 << 20);
                    let text = match block {
                        Ok(Some(b)) => String::from_utf8_lossy(&b).into_owned(),
                        Ok(None) => "(too large)".into(),
                        Err(e) => format!("(error {e})"),
                    };
                    out.push(format!("{}@{} {}", header.record_type(), header.offset, text));
                }
                Next::Bad(err) => out.push(format!("bad@{} {}", err.offset, err.message)),
                Next::End => return out,
            }
        }
    }

    fn record(kind: &str, block: &str) -> Vec<u8> {
        let mut out = Vec::new();
        write_record(&mut out, &[("WARC-Type", kind)], block.as_bytes()).expect("write");
        out
    }

    #[test]
    fn plain_records_are_read_in_order_with_offsets() {
        let mut file = record("warcinfo", "software: test");
        let second = file.len();
        file.extend(record("response", "HTTP/1.1 200 OK\r\n\r\nhi"));
        let got = records(&file, false);
        assert_eq!(
            got,
            [
                "warcinfo@0 software: test".to_string(),
                format!("response@{second} HTTP/1.1 200 OK\r\n\r\nhi"),
            ]
        );
    }

    #[test]
    fn a_garbled_record_is_reported_at_its_offset_and_the_next_is_read() {
        let mut file = record("request", "GET / HTTP/1.1");
        let bad = file.len();
        file.extend(b"garbage line\r\nmore garbage\r\n");
        let next = file.len();
        file.extend(record("response", "ok"));
        let got = records(&file, false);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[1].starts_with(&format!("bad@{bad} not a WARC record")), "{got:?}");
        assert_eq!(got[2], format!("response@{next} ok"));
    }

    #[test]
    fn a_truncated_tail_is_an_error_not_a_hang() {
        let mut file = record("response", "complete");
        let cut = file.len();
        let tail = record("response", "this block is cut short");
        file.extend(&tail[..tail.len() - 15]);
        let got = records(&file, false);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[1].starts_with(&format!("response@{cut} (error truncated")), "{got:?}");
        // Gzipped, the cut member is reported at its own offset.
        let mut gz = Vec::new();
        write_record_gz(&mut gz, &[("WARC-Type", "response")], b"complete").expect("gz");
        let cut = gz.len();
        let mut second = Vec::new();
        write_record_gz(&mut second, &[("WARC-Type", "response")], b"cut short").expect("gz");
        gz.extend(&second[..second.len() - 12]);
        let got = records(&gz, true);
        assert_eq!(got[0], "response@0 complete");
        assert!(
            got[1..].iter().any(|r| r.contains(&format!("@{cut}")) && r.contains("truncated")),
            "{got:?}"
        );
    }

    #[test]
    fn gzip_members_are_read_one_by_one_and_a_corrupt_one_is_skipped() {
        let mut gz = Vec::new();
        for (i, body) in ["one", "two", "three"].iter().enumerate() {
            let mut member = Vec::new();
            write_record_gz(&mut member, &[("WARC-Type", "response")], body.as_bytes())
                .expect("gz");
            if i == 1 {
                // Garble the deflate data of the second member.
                let mid = member.len() / 2;
                for b in &mut member[mid - 4..mid + 4] {
                    *b ^= 0xA5;
                }
            }
            gz.extend(member);
        }
        let got = records(&gz, true);
        assert_eq!(got.first().map(String::as_str), Some("response@0 one"));
        assert!(got.iter().any(|r| r.starts_with("bad@") || r.contains("(error")), "{got:?}");
        assert!(got.last().is_some_and(|r| r.ends_with(" three")), "{got:?}");
        // One member for the whole file works too.
        let mut plain = record("request", "GET /");
        plain.extend(record("response", "body"));
        let mut one = Vec::new();
        let mut enc = flate2::write::GzEncoder::new(&mut one, flate2::Compression::fast());
        enc.write_all(&plain).expect("gz");
        enc.finish().expect("gz");
        let got = records(&one, true);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[1].starts_with("response@0") && got[1].ends_with("body"), "{got:?}");
    }

    #[test]
    fn a_file_that_is_not_warc_ends_with_one_error() {
        let got = records(b"just some text\nwith lines\n", false);
        assert_eq!(got.len(), 1, "{got:?}");
        let got = records(b"\x1f\x8b\x08 not really gzip", true);
        assert!(!got.is_empty() && got.iter().all(|r| r.starts_with("bad@")), "{got:?}");
    }
}
