use std::path::PathBuf;

use thiserror::Error;

/// Errors of the readers. Each names the input (a path, `path:line` for a
/// JSONL line, or `-` for standard input) and, where it helps, the byte
/// offset or line where reading stopped.
#[derive(Debug, Error)]
pub enum TextError {
    /// The input could not be opened or read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The input.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The input is not UTF-8.
    #[error("{origin}: invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// The input (path or `path:line`).
        origin: String,
        /// Byte offset of the first bad byte.
        offset: usize,
    },
    /// The input looks like a binary file (NUL bytes or mostly control characters).
    #[error("{origin}: binary data, not text (at byte {offset})")]
    Binary {
        /// The input.
        origin: String,
        /// Byte offset of the first NUL or control byte seen.
        offset: usize,
    },
    /// The input holds no text.
    #[error("{origin}: empty document")]
    Empty {
        /// The input.
        origin: String,
    },
    /// The input is larger than parley reads in one document.
    #[error("{origin}: {size} bytes is larger than the limit of {limit} bytes per document")]
    TooLarge {
        /// The input.
        origin: String,
        /// Its size in bytes.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A JSON Lines record that is not valid JSON or lacks a field.
    #[error("{origin}:{line}: {message}")]
    BadRecord {
        /// The JSONL input.
        origin: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// The input is not a regular file (a FIFO, socket or device): reading
    /// it could block forever or never end.
    #[error("{path}: not a regular file ({kind}), skipped")]
    NotRegularFile {
        /// The input.
        path: PathBuf,
        /// What it is instead.
        kind: &'static str,
    },
    /// Markup too deeply nested to parse in reasonable time.
    #[error("{origin}: HTML nested {depth} elements deep (the limit is {limit})")]
    TooDeep {
        /// The input.
        origin: String,
        /// Deepest nesting seen.
        depth: usize,
        /// The limit.
        limit: usize,
    },
    /// A record of an archive (a WARC file) that cannot be read: corrupt,
    /// truncated, or too large. The archive's other records go on.
    #[error("{origin}: record at byte {offset}: {message}")]
    BadArchiveRecord {
        /// The archive.
        origin: String,
        /// Byte offset of the record in the file (of its gzip member, for
        /// a compressed archive).
        offset: u64,
        /// What is wrong with it.
        message: String,
    },
    /// A furniture vocabulary file that is not in the expected format.
    #[error("{origin}:{line}: {message}")]
    BadLexicon {
        /// The vocabulary file.
        origin: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
}
