//! The document model every parley stage shares.
//!
//! A [`Document`] owns its text; everything found in it (blocks, furniture,
//! sentences, tokens, and in later stages mentions and events) is a
//! [`Span`] of byte offsets into that text, so `&doc.text[span]` always
//! gives back the words behind an annotation. Documents read from markup
//! also carry a [`SourceMap`] that leads each byte of the cleaned text back
//! to the bytes of the original page. Stages implement [`Annotator`]: they
//! declare which [`Layer`]s they read and write, and the pipeline checks
//! the order before running.
//!
//! ```
//! use parley_doc::{DocMeta, Document, Span};
//!
//! let doc = Document::new(DocMeta::default(), "Kyiv struck Russian ships.".to_string());
//! let span = Span::new(&doc.text, 0, 4).expect("in bounds");
//! assert_eq!(doc.slice(span), "Kyiv");
//! ```

mod annotator;
pub mod calendar;
mod document;
mod error;
mod event;
mod mention;
mod source_map;
mod span;

pub use annotator::{Annotator, Layer};
pub use document::{
    Block, BlockKind, DocMeta, Document, Furniture, Sentence, SentenceIdx, Token, TokenIdx, Upos,
};
pub use error::DocError;
pub use event::{
    DatePrecision, Event, EventDate, EventParty, EventPlace, EventTrigger, EventType, Modality,
};
pub use mention::{Actor, Mention, MentionSource};
pub use source_map::SourceMap;
pub use span::Span;
