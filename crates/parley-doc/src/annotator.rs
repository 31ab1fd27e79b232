use std::fmt;

use crate::{DocError, Document};

/// A layer of annotation that a stage reads or writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Layer {
    /// `Document::text` and `meta` (always present).
    Text,
    /// `Document::blocks`.
    Blocks,
    /// `Document::furniture`.
    Furniture,
    /// `Document::sentences` and `Document::tokens` (spans only).
    Sentences,
    /// `Token::upos` and `Token::xpos`.
    Tags,
    /// `Token::lemma`.
    Lemmas,
    /// `Token::head` and `Token::deprel`.
    Dependencies,
    /// `Document::mentions`.
    Mentions,
    /// `Document::events`.
    Events,
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// One stage of the pipeline: reads some layers of a document, writes others.
///
/// Stages hold no per-document state, so a runner may call `annotate` on
/// many documents at once from many threads. The pipeline builder checks
/// `requires` against the layers earlier stages `assigns` before any
/// document runs.
pub trait Annotator: Send + Sync {
    /// A short name for logs and errors.
    fn name(&self) -> &'static str;
    /// Layers that must be present before this stage runs.
    fn requires(&self) -> &'static [Layer];
    /// Layers this stage writes.
    fn assigns(&self) -> &'static [Layer];
    /// Annotates one document in place.
    fn annotate(&self, doc: &mut Document) -> Result<(), DocError>;
}
