use thiserror::Error;

/// Errors of the document model and of stages that annotate documents.
#[derive(Debug, Error)]
pub enum DocError {
    /// A span that does not fit the text it was made for.
    #[error("span {start}..{end} does not fit a text of {len} bytes on char boundaries")]
    BadSpan {
        /// Start offset asked for.
        start: usize,
        /// End offset asked for.
        end: usize,
        /// Length of the text.
        len: usize,
    },
    /// A stage failed on a document.
    #[error("stage {stage} failed on document {doc_id}: {message}")]
    Stage {
        /// The stage's name.
        stage: &'static str,
        /// The document's id.
        doc_id: String,
        /// What went wrong.
        message: String,
    },
}
