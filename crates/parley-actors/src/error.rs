use std::path::PathBuf;

use thiserror::Error;

/// Errors of the actor stage: bad dictionary files (user errors, with the
/// file and line) and failures while coding a document.
#[derive(Debug, Error)]
pub enum ActorError {
    /// A dictionary file could not be read.
    #[error("cannot read actor dictionary {path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A line of a dictionary file is malformed.
    #[error("{file}:{line}: {message}")]
    Syntax {
        /// The file (or embedded name) the line is in.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
}

impl ActorError {
    pub(crate) fn syntax(file: &str, line: usize, message: impl Into<String>) -> ActorError {
        ActorError::Syntax { file: file.to_string(), line, message: message.into() }
    }
}
