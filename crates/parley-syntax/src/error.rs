use std::path::PathBuf;

use thiserror::Error;

/// Errors of the syntax crate: bad input files (user errors) apart from a
/// model that cannot be decoded or written.
#[derive(Debug, Error)]
pub enum SyntaxError {
    /// A file could not be read or written.
    #[error("cannot access {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A CoNLL-U line that does not follow the format.
    #[error("bad CoNLL-U at line {line}: {message}")]
    Conllu {
        /// 1-based line number in the input.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A CoNLL-U file rejected while reading training or evaluation data.
    #[error("bad CoNLL-U in {path}: {source}")]
    ConlluFile {
        /// The file.
        path: PathBuf,
        /// The error, with its line.
        source: Box<SyntaxError>,
    },
    /// A model file that is not a parley syntax model, or is damaged.
    #[error("bad model data at byte {offset}: {message}")]
    Model {
        /// Byte offset into the model data where decoding failed.
        offset: usize,
        /// What is wrong.
        message: String,
    },
    /// Training could not run (no data, bad configuration).
    #[error("training failed: {0}")]
    Training(String),
}
