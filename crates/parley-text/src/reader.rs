//! Readers: plain text, HTML and JSON Lines into [`Document`]s.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use parley_doc::{Block, BlockKind, DocMeta, Document, Span};
use serde::Deserialize;

use crate::error::TextError;
use crate::html::document_from_html;

/// The largest input read as one document (and the longest JSONL line):
/// news articles are kilobytes, so anything this big is a mistake, and
/// refusing it keeps memory bounded.
pub const MAX_DOCUMENT_BYTES: u64 = 50 * 1024 * 1024;

/// Reads every input: files by extension (`.txt`, `.html`/`.htm`, `.jsonl`;
/// any other named file is read as plain text), directories recursively in
/// sorted order (hidden entries skipped, unknown extensions skipped with a
/// log note), and `-` as JSON Lines from standard input.
///
/// One bad input (or one bad JSONL line) yields an `Err` and the others go on.
pub fn read_inputs(paths: &[PathBuf]) -> impl Iterator<Item = Result<Document, TextError>> {
    read_inputs_with(paths, None)
}

/// Documents read one after another, each `Ok` or a typed error.
pub type Documents = Box<dyn Iterator<Item = Result<Document, TextError>>>;

/// A reader for a container format this crate does not know (web
/// archives, say), plugged into [`read_inputs_with`]: it claims files by
/// their name, in folders too, and reads each into any number of
/// documents. It lives with its format's crate, which depends on this one.
pub trait ArchiveReader {
    /// Whether this reader reads `path` (by its name; the file is not opened).
    fn claims(&self, path: &Path) -> bool;
    /// The documents of one claimed file, read lazily; a bad record is an
    /// `Err` and the rest go on.
    fn read(&self, path: &Path) -> Documents;
}

/// [`read_inputs`], with files that `archives` claims (given or found in a
/// folder) read by it instead of by extension.
pub fn read_inputs_with(
    paths: &[PathBuf],
    archives: Option<std::rc::Rc<dyn ArchiveReader>>,
) -> impl Iterator<Item = Result<Document, TextError>> {
    let paths = paths.to_vec();
    paths.into_iter().flat_map(move |path| -> Documents {
        if path.as_os_str() == "-" {
            return Box::new(read_jsonl(std::io::stdin().lock(), "-"));
        }
        let claimed = |file: &Path| archives.as_ref().filter(|a| a.claims(file)).cloned();
        if path.is_dir() {
            let mut walk = Walk { archives: archives.clone(), ..Walk::default() };
            walk.dir(&path);
            let Walk { mut files, errors, .. } = walk;
            files.sort();
            let root = path.clone();
            let archives = archives.clone();
            let docs = files.into_iter().flat_map(move |file| -> Documents {
                match archives.as_ref().filter(|a| a.claims(&file)) {
                    Some(archive) => archive.read(&file),
                    None => read_file_with_id(&file, relative_id(&root, &file)),
                }
            });
            return Box::new(errors.into_iter().map(Err).chain(docs));
        }
        match claimed(&path) {
            Some(archive) => archive.read(&path),
            None => read_file(&path),
        }
    })
}

/// Reads one file by its extension; a `.jsonl` file gives one result per line.
pub fn read_file(path: &Path) -> Documents {
    let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    read_file_with_id(path, id)
}

fn read_file_with_id(path: &Path, id: String) -> Documents {
    let origin = path.display().to_string();
    if let Err(err) = check_regular(path) {
        return Box::new(std::iter::once(Err(err)));
    }
    match Format::of(path) {
        Format::Jsonl => match File::open(path) {
            Ok(file) => Box::new(read_jsonl(BufReader::new(file), &origin)),
            Err(source) => {
                Box::new(std::iter::once(Err(TextError::Io { path: path.to_path_buf(), source })))
            }
        },
        format => {
            let result = read_bytes(path).and_then(|bytes| {
                let text = check_text(bytes, &origin)?;
                let meta = DocMeta { id, origin, ..DocMeta::default() };
                match format {
                    Format::Html => document_from_html(&text, meta),
                    _ => Ok(document_from_text(text, meta)),
                }
            });
            Box::new(std::iter::once(result))
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Html,
    Jsonl,
    Unknown,
}

impl Format {
    fn of(path: &Path) -> Format {
        let ext =
            path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
        match ext.as_str() {
            "txt" | "text" => Format::Text,
            "html" | "htm" | "xhtml" => Format::Html,
            "jsonl" | "ndjson" => Format::Jsonl,
            _ => Format::Unknown,
        }
    }
}

/// A folder walk that visits each real directory once, so a symlink loop
/// (`loop -> .`) is followed at most once instead of without end.
#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    errors: Vec<TextError>,
    seen: std::collections::HashSet<PathBuf>,
    /// Claims files of formats this crate does not know.
    archives: Option<std::rc::Rc<dyn ArchiveReader>>,
}

impl Walk {
    fn dir(&mut self, dir: &Path) {
        match std::fs::canonicalize(dir).map(|real| self.seen.insert(real)) {
            Ok(false) => {
                tracing::warn!(path = %dir.display(), "folder already read (a symlink loop?), skipped");
                return;
            }
            Ok(_) => {}
            Err(source) => {
                return self.errors.push(TextError::Io { path: dir.to_path_buf(), source })
            }
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(source) => {
                return self.errors.push(TextError::Io { path: dir.to_path_buf(), source })
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if hidden {
                continue;
            }
            if path.is_dir() {
                self.dir(&path);
            } else if self.archives.as_ref().is_some_and(|a| a.claims(&path)) {
                self.files.push(path);
            } else if Format::of(&path) == Format::Unknown {
                tracing::info!(path = %path.display(), "skipping file of unknown type");
            } else {
                self.files.push(path);
            }
        }
    }
}

/// Refuses what is not a regular file once symlinks are followed: a FIFO
/// blocks a reader forever and a device (`/dev/urandom`) never ends.
fn check_regular(path: &Path) -> Result<(), TextError> {
    use std::os::unix::fs::FileTypeExt;
    let meta = std::fs::metadata(path)
        .map_err(|source| TextError::Io { path: path.to_path_buf(), source })?;
    let kind = meta.file_type();
    let what = if kind.is_file() {
        return Ok(());
    } else if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else {
        "not a file"
    };
    Err(TextError::NotRegularFile { path: path.to_path_buf(), kind: what })
}

/// The id of a file found under a directory: its path below the directory,
/// without extension, so files of the same name in two folders differ.
fn relative_id(root: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(root).unwrap_or(file);
    let rel = rel.with_extension("");
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, TextError> {
    let io = |source| TextError::Io { path: path.to_path_buf(), source };
    let file = File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_DOCUMENT_BYTES {
        return Err(TextError::TooLarge {
            origin: path.display().to_string(),
            size,
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // `take` guards against files that grow while read (or lie about their size).
    file.take(MAX_DOCUMENT_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(TextError::TooLarge {
            origin: path.display().to_string(),
            size: bytes.len() as u64,
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    Ok(bytes)
}

/// Checks that bytes are text: no NUL bytes, valid UTF-8, not mostly
/// control characters, not blank. A leading byte-order mark is dropped.
pub(crate) fn check_text(mut bytes: Vec<u8>, origin: &str) -> Result<String, TextError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(TextError::Binary { origin: origin.to_string(), offset });
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let text = String::from_utf8(bytes).map_err(|err| TextError::InvalidUtf8 {
        origin: origin.to_string(),
        offset: err.utf8_error().valid_up_to(),
    })?;
    check_str(&text, origin)?;
    Ok(text)
}

/// Checks text that arrived already decoded (a JSONL field, a POSTed
/// document) by the same rules as a file's bytes: no NUL, not mostly
/// control characters, not blank.
pub fn check_str(text: &str, origin: &str) -> Result<(), TextError> {
    if let Some(offset) = text.find('\0') {
        return Err(TextError::Binary { origin: origin.to_string(), offset });
    }
    let mut control = 0usize;
    let mut first_control = None;
    let mut total = 0usize;
    for (i, c) in text.char_indices() {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c') {
            control += 1;
            first_control.get_or_insert(i);
        }
    }
    // A few stray control characters happen in scraped text; a tenth is a binary file.
    if control > 0 && control * 10 > total {
        return Err(TextError::Binary {
            origin: origin.to_string(),
            offset: first_control.unwrap_or(0),
        });
    }
    if text.trim().is_empty() {
        return Err(TextError::Empty { origin: origin.to_string() });
    }
    Ok(())
}

/// One JSON Lines record. `id` and one of `text`/`html` are required.
#[derive(Debug, Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
    title: Option<String>,
}

/// Reads JSON Lines, one document per line:
/// `{"id", "text" or "html", "date" (YYYY-MM-DD), "source", "url", "title"}`.
/// Blank lines are skipped; a bad line yields an error naming
/// `origin:line` and reading goes on with the next.
pub fn read_jsonl<R: BufRead>(
    reader: R,
    origin: &str,
) -> impl Iterator<Item = Result<Document, TextError>> {
    JsonlReader { reader, origin: origin.to_string(), line: 0, done: false }
}

struct JsonlReader<R> {
    reader: R,
    origin: String,
    line: usize,
    done: bool,
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<Document, TextError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            self.line += 1;
            let mut buf = Vec::new();
            let read = (&mut self.reader).take(MAX_DOCUMENT_BYTES + 1).read_until(b'\n', &mut buf);
            match read {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => {}
                Err(source) => {
                    self.done = true;
                    return Some(Err(TextError::Io { path: PathBuf::from(&self.origin), source }));
                }
            }
            if buf.len() as u64 > MAX_DOCUMENT_BYTES && !buf.ends_with(b"\n") {
                // Skip the rest of the overlong line, a chunk at a time.
                let size = buf.len() as u64 + skip_line(&mut self.reader);
                return Some(Err(TextError::TooLarge {
                    origin: format!("{}:{}", self.origin, self.line),
                    size,
                    limit: MAX_DOCUMENT_BYTES,
                }));
            }
            if buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            return Some(self.record(buf));
        }
    }
}

fn skip_line<R: BufRead>(reader: &mut R) -> u64 {
    let mut skipped = 0u64;
    loop {
        let (consumed, done) = match reader.fill_buf() {
            Ok([]) | Err(_) => return skipped,
            Ok(buf) => match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            },
        };
        reader.consume(consumed);
        skipped += consumed as u64;
        if done {
            return skipped;
        }
    }
}

impl<R> JsonlReader<R> {
    fn record(&self, buf: Vec<u8>) -> Result<Document, TextError> {
        let line = self.line;
        let origin = format!("{}:{}", self.origin, line);
        let bad =
            |message: String| TextError::BadRecord { origin: self.origin.clone(), line, message };
        let json = String::from_utf8(buf).map_err(|err| TextError::InvalidUtf8 {
            origin: origin.clone(),
            offset: err.utf8_error().valid_up_to(),
        })?;
        // Without its line end, so that an error in a one-line record says
        // "line 1 column N", never "line 2 column 0".
        let record: Record = serde_json::from_str(json.trim_end_matches(['\n', '\r']))
            .map_err(|err| bad(format!("not a JSON record: {err}")))?;
        let id = match record.id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            Some(_) => return Err(bad("`id` must be a non-empty string or a number".to_string())),
            None => return Err(bad("missing `id`".to_string())),
        };
        // A timestamp ("2025-01-04T10:00:00Z") keeps its date. `get` and not
        // slicing: the tenth byte need not be a character boundary.
        let date = match record.date {
            Some(date) if is_iso_date(date.trim()) => Some(date.trim().to_string()),
            Some(date) if date.trim().get(..10).is_some_and(is_iso_date) => {
                date.trim().get(..10).map(str::to_string)
            }
            Some(date) if !date.trim().is_empty() => {
                return Err(bad(format!("`date` must be YYYY-MM-DD, got {date:?}")));
            }
            _ => None,
        };
        let meta = DocMeta {
            id,
            origin: origin.clone(),
            date,
            source: record.source.filter(|s| !s.trim().is_empty()),
            url: record.url.filter(|s| !s.trim().is_empty()),
            title: record.title.filter(|s| !s.trim().is_empty()),
        };
        match (record.text, record.html) {
            (Some(text), _) => {
                check_str(&text, &origin)?;
                Ok(document_from_text(text, meta))
            }
            (None, Some(html)) => {
                check_str(&html, &origin)?;
                document_from_html(&html, meta)
            }
            (None, None) => Err(bad("missing `text` or `html`".to_string())),
        }
    }
}

/// Whether `s` is `YYYY-MM-DD` naming a day of the calendar (no 2025-02-30).
pub(crate) fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let number =
        |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year >= 1 && (1..=days).contains(&day)
}

/// A document from plain text, kept verbatim: every non-empty line (ended
/// by `\n`, `\r\n` or a lone `\r`, as old Mac files have it) is a block (its span without surrounding blank space). The first is the
/// headline; the others are classed by their shape (see [`classify_line`]).
/// Without a date in `meta`, a dateline near the top ("Updated: March 4,
/// 2025") gives the publication date.
pub fn document_from_text(text: String, meta: DocMeta) -> Document {
    let mut blocks = Vec::new();
    let mut offset = 0;
    // A lone `\r` ends a line too: without it a CR-only file is one block,
    // and its furniture cannot be told from its body.
    for line in text.split_inclusive(['\n', '\r']) {
        if let Some(span) = trimmed_span(&text, offset, offset + line.len()) {
            let kind =
                if blocks.is_empty() && looks_like_headline(&text[span], meta.title.as_deref()) {
                    BlockKind::Headline
                } else {
                    classify_line(&text[span])
                };
            blocks.push(Block { span, kind });
        }
        offset += line.len();
    }
    let mut doc = Document::new(meta, text);
    doc.blocks = blocks;
    crate::pubdate::date_from_datelines(&mut doc);
    doc
}

/// Whether the first line of a text is its headline: it repeats the title
/// the metadata gave, or (with no title given) it does not end like a
/// sentence. A lede sentence that opens a record is body text.
fn looks_like_headline(line: &str, title: Option<&str>) -> bool {
    match title {
        Some(title) => same_words(title, line),
        None => !ends_like_sentence(line) || line.ends_with('?'),
    }
}

fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().map(str::to_lowercase).eq(b.split_whitespace().map(str::to_lowercase))
}

/// The span of `text[start..end]` without surrounding blank space
/// (including byte-order marks and no-break spaces); `None` if all blank.
pub(crate) fn trimmed_span(text: &str, start: usize, end: usize) -> Option<Span> {
    let slice = &text[start..end];
    let is_blank = |c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}';
    let trimmed_start = slice.trim_start_matches(is_blank);
    let lead = slice.len() - trimmed_start.len();
    let trimmed = trimmed_start.trim_end_matches(is_blank);
    if trimmed.is_empty() {
        return None;
    }
    Some(Span::new_unchecked(start + lead, start + lead + trimmed.len()))
}

/// The kind of a body line by its shape: `a | b |` is a table row,
/// `- x`/`* x`/`1. x` a list item, a short line without final punctuation
/// a heading, anything else a paragraph.
pub fn classify_line(line: &str) -> BlockKind {
    let line = line.trim();
    let pipes = line.matches('|').count();
    if line.starts_with('|') || line.ends_with('|') || pipes >= 2 {
        return BlockKind::TableRow;
    }
    if is_list_item(line) {
        return BlockKind::ListItem;
    }
    if looks_like_heading(line) {
        return BlockKind::Heading;
    }
    BlockKind::Paragraph
}

fn is_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '·' | '▪' | '–' | '+') => {
            chars.next().is_some_and(char::is_whitespace)
        }
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            let digits = line.len() - rest.len();
            digits <= 3 && (rest.starts_with(". ") || rest.starts_with(") "))
        }
        _ => false,
    }
}

/// A short line (at most 12 words) that does not end like a sentence.
pub(crate) fn looks_like_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words > 0 && words <= 12 && line.len() <= 100 && !ends_like_sentence(line)
}

/// Whether a line ends with sentence-final punctuation, possibly inside
/// closing quotes or brackets.
pub(crate) fn ends_like_sentence(line: &str) -> bool {
    let core = line.trim_end().trim_end_matches(['"', '\'', '’', '”', ')', ']', '»', '*']);
    core.ends_with(['.', '!', '?', '…', ':', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jsonl_date(date: &str) -> Result<Option<String>, TextError> {
        let line = serde_json::json!({"id": "a", "date": date, "text": "Kyiv met Ankara."});
        let text = line.to_string();
        let docs: Vec<_> = read_jsonl(text.as_bytes(), "test.jsonl").collect();
        docs.into_iter().next().expect("one record").map(|doc| doc.meta.date)
    }

    #[test]
    fn a_jsonl_date_is_a_calendar_day_and_a_bad_one_is_an_error_not_a_panic() {
        assert_eq!(jsonl_date("2025-01-04").ok().flatten().as_deref(), Some("2025-01-04"));
        assert_eq!(
            jsonl_date("2025-01-04T10:00:00Z").ok().flatten().as_deref(),
            Some("2025-01-04")
        );
        assert_eq!(jsonl_date("2024-02-29").ok().flatten().as_deref(), Some("2024-02-29"));
        // A multi-byte character across the tenth byte once panicked here.
        for bad in ["0000-01-01", "2025-01-0é1", "2025-02-30", "2023-02-29", "2025-13-01"] {
            assert!(jsonl_date(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn a_truncated_record_is_reported_on_its_own_line() {
        let results: Vec<_> =
            read_jsonl(&b"{\"id\": \"a\", \"text\": \"Kyiv\n"[..], "t.jsonl").collect();
        let message = results[0].as_ref().map(|_| String::new()).unwrap_or_else(|e| e.to_string());
        assert!(message.contains("line 1 column"), "{message}");
    }

    #[test]
    fn a_first_line_is_the_headline_only_when_it_reads_like_one() {
        let kinds = |text: &str, title: Option<&str>| {
            let meta = DocMeta { title: title.map(str::to_string), ..DocMeta::default() };
            let doc = document_from_text(text.to_string(), meta);
            doc.blocks.iter().map(|b| b.kind).collect::<Vec<_>>()
        };
        assert_eq!(kinds("Talks Stall\nThey met.", None)[0], BlockKind::Headline);
        assert_eq!(kinds("Will Talks Resume?\nThey met.", None)[0], BlockKind::Headline);
        assert_eq!(
            kinds("Moscow dismissed the summit.\nKyiv disagreed.", None)[0],
            BlockKind::Paragraph
        );
        assert_eq!(kinds("Talks Stall\nThey met.", Some("Envoys Leave"))[0], BlockKind::Heading);
        assert_eq!(kinds("Talks  stall\nThey met.", Some("Talks Stall"))[0], BlockKind::Headline);
    }

    #[test]
    fn text_blocks_are_trimmed_lines_with_kinds() {
        let text = "Talks Stall in Geneva\n\n  By Ann Lee  \nDelegates met on Monday.\r\nKey Points |\n---|\n- first item\n2. second item\nWhat Comes Next\n";
        let doc = document_from_text(text.to_string(), DocMeta::default());
        let got: Vec<(&str, BlockKind)> =
            doc.blocks.iter().map(|b| (&doc.text[b.span], b.kind)).collect();
        assert_eq!(
            got,
            vec![
                ("Talks Stall in Geneva", BlockKind::Headline),
                ("By Ann Lee", BlockKind::Heading),
                ("Delegates met on Monday.", BlockKind::Paragraph),
                ("Key Points |", BlockKind::TableRow),
                ("---|", BlockKind::TableRow),
                ("- first item", BlockKind::ListItem),
                ("2. second item", BlockKind::ListItem),
                ("What Comes Next", BlockKind::Heading),
            ]
        );
        assert_eq!(doc.text, text, "plain text is kept verbatim");
    }

    #[test]
    fn cr_only_line_ends_make_blocks_and_their_furniture_goes() {
        let text = "Talks Stall in Geneva\rBy Ann Lee\rUpdated: March 4, 2025 3:45 PM\rDelegates from both sides met in Geneva on Monday to resume the talks.\rAdvertisement\r";
        let mut doc = document_from_text(text.to_string(), DocMeta::default());
        let blocks: Vec<&str> = doc.blocks.iter().map(|b| &doc.text[b.span]).collect();
        assert_eq!(blocks.len(), 5, "{blocks:?}");
        assert_eq!(
            blocks[3],
            "Delegates from both sides met in Geneva on Monday to resume the talks."
        );
        parley_doc::Annotator::annotate(&crate::FurnitureRemover::new(), &mut doc)
            .expect("furniture");
        let dropped: Vec<&str> = doc.furniture.iter().map(|f| &doc.text[f.span]).collect();
        assert_eq!(dropped, ["By Ann Lee", "Updated: March 4, 2025 3:45 PM", "Advertisement"]);
        // CRLF files keep one block per line, with no empty blocks between.
        let crlf =
            document_from_text("Talks Stall\r\nThey met.\r\n".to_string(), DocMeta::default());
        let blocks: Vec<&str> = crlf.blocks.iter().map(|b| &crlf.text[b.span]).collect();
        assert_eq!(blocks, ["Talks Stall", "They met."]);
    }

    #[test]
    fn bad_bytes_are_typed_errors_with_offsets() {
        let err = check_text(b"abc\xffdef".to_vec(), "x.txt").expect_err("invalid utf-8");
        assert_eq!(err.to_string(), "x.txt: invalid UTF-8 at byte 3");
        let err = check_text(b"ab\0cd".to_vec(), "x.bin").expect_err("binary");
        assert!(matches!(err, TextError::Binary { offset: 2, .. }), "{err}");
        let err = check_text(b" \n\t \n".to_vec(), "e.txt").expect_err("empty");
        assert_eq!(err.to_string(), "e.txt: empty document");
        let err = check_text(vec![1u8; 100], "c.txt").expect_err("control characters");
        assert!(matches!(err, TextError::Binary { .. }));
    }

    #[test]
    fn jsonl_bad_lines_are_errors_and_the_rest_goes_on() {
        let input = concat!(
            r#"{"id": "a", "text": "Kyiv and Moscow met.", "date": "2025-03-01", "source": "Wire"}"#,
            "\n\n",
            "{not json\n",
            r#"{"text": "no id"}"#,
            "\n",
            r#"{"id": 7, "html": "<html><body><h1>Summit</h1><p>Leaders met in Rome on Friday to talk.</p></body></html>"}"#,
            "\n",
            r#"{"id": "d", "text": "x", "date": "March 1"}"#,
        );
        let results: Vec<_> = read_jsonl(input.as_bytes(), "in.jsonl").collect();
        assert_eq!(results.len(), 5);
        let first = results[0].as_ref().expect("first line reads");
        assert_eq!(first.meta.id, "a");
        assert_eq!(first.meta.origin, "in.jsonl:1");
        assert_eq!(first.meta.date.as_deref(), Some("2025-03-01"));
        let err = results[1].as_ref().expect_err("bad json");
        assert!(err.to_string().starts_with("in.jsonl:3: "), "{err}");
        let err = results[2].as_ref().expect_err("no id");
        assert!(err.to_string().starts_with("in.jsonl:4: missing `id`"), "{err}");
        let html = results[3].as_ref().expect("html record reads");
        assert_eq!(html.meta.id, "7");
        assert!(html.text.contains("Leaders met in Rome"));
        assert!(results[4].is_err());
    }

    #[test]
    fn directories_are_walked_in_order_skipping_hidden_and_unknown_files() {
        let dir = std::env::temp_dir().join(format!("parley-text-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).expect("temp dir");
        let write =
            |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).expect("write");
        write("b.txt", b"Second\nBody line.\n");
        write("a.htm", b"<html><body><h1>First</h1><p>Body text of the page.</p></body></html>");
        write(".hidden.txt", b"Hidden\n");
        write("notes.pdf", b"%PDF-1.4");
        write("sub/c.jsonl", b"{\"id\": \"c1\", \"text\": \"Third\"}\nnot json\n");
        write("sub/d.txt", b"bad \xff byte");
        write("sub/e.txt", b"");
        let results: Vec<Result<Document, TextError>> =
            read_inputs(std::slice::from_ref(&dir)).collect();
        let summary: Vec<String> = results
            .iter()
            .map(|r| match r {
                Ok(doc) => format!("ok {}", doc.meta.id),
                Err(err) => format!("err {}", err.to_string().rsplit('/').next().unwrap_or("")),
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                "ok a",
                "ok b",
                "ok c1",
                "err c.jsonl:2: not a JSON record: expected ident at line 1 column 2",
                "err d.txt: invalid UTF-8 at byte 4",
                "err e.txt: empty document",
            ]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_symlink_loop_is_walked_once_and_special_files_are_refused() {
        let dir = std::env::temp_dir().join(format!("parley-text-loop-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(dir.join("a.txt"), "Talks\nKyiv met Ankara.\n").expect("write");
        std::os::unix::fs::symlink(".", dir.join("loop")).expect("symlink");
        std::os::unix::fs::symlink("/dev/zero", dir.join("endless.jsonl")).expect("symlink");
        let fifo = dir.join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        let results: Vec<Result<Document, TextError>> =
            read_inputs(std::slice::from_ref(&dir)).collect();
        let ok = results.iter().filter(|r| r.is_ok()).count();
        let refused =
            results.iter().filter(|r| matches!(r, Err(TextError::NotRegularFile { .. }))).count();
        assert_eq!(ok, 1, "a.txt once, not once per loop: {results:?}");
        let fifos = usize::from(made.is_ok_and(|s| s.success()));
        assert_eq!(refused, 1 + fifos, "the device link and the FIFO: {results:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
