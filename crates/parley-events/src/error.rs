use std::path::PathBuf;

use thiserror::Error;

/// Errors of the event coder: bad lexicon or gazetteer data (user errors,
/// with the file and line) and failures reading them.
#[derive(Debug, Error)]
pub enum EventError {
    /// A lexicon, table or gazetteer line that does not parse.
    #[error("{source_name}:{line}: {message}")]
    BadData {
        /// The file (or `embedded:<name>` for data built into the binary).
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A data file that could not be read.
    #[error("cannot read {path}: {error}")]
    Io {
        /// The file asked for.
        path: PathBuf,
        /// The underlying error.
        error: std::io::Error,
    },
    /// A document whose annotations break the model's invariants.
    #[error("document {doc_id}: {message}")]
    BadDocument {
        /// The document's id.
        doc_id: String,
        /// What is wrong with it.
        message: String,
    },
}

impl EventError {
    pub(crate) fn bad_data(source_name: &str, line: usize, message: impl Into<String>) -> Self {
        EventError::BadData { source_name: source_name.to_string(), line, message: message.into() }
    }
}
