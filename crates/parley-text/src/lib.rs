//! Text in, sentences out: the first stages of parley.
//!
//! Readers turn plain text, HTML pages and JSON Lines records into
//! [`parley_doc::Document`]s ([`read_inputs`], [`read_file`],
//! [`read_jsonl`], [`document_from_html`], [`document_from_text`]): the
//! text to analyse, its blocks (headline, paragraphs, headings, list items,
//! table rows) and, for HTML, a source map back to the page's bytes.
//! [`FurnitureRemover`] marks what a scraped page carries besides the
//! article (bylines, timestamps, photo credits, share prompts, author
//! bios...) with the rule that dropped it, and [`SentenceSplitter`] cuts
//! the rest into sentences and Penn Treebank / UD style tokens, every one
//! a byte span of the text.
//!
//! ```
//! use parley_doc::{Annotator, DocMeta};
//! use parley_text::{document_from_text, FurnitureRemover, SentenceSplitter};
//!
//! let text = "Envoys Meet in Geneva\nBy Jane Roe\nUpdated: 3:45 PM\n\
//!             Mr. Lee met U.S. envoys on Nov. 3. Talks went on.\nAdvertisement\n";
//! let mut doc = document_from_text(text.to_string(), DocMeta::default());
//! FurnitureRemover::new().annotate(&mut doc).unwrap();
//! SentenceSplitter::new().annotate(&mut doc).unwrap();
//! let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
//! assert_eq!(sentences, ["Envoys Meet in Geneva", "Mr. Lee met U.S. envoys on Nov. 3.", "Talks went on."]);
//! ```

mod error;
mod furniture;
mod html;
mod pubdate;
mod reader;
mod sentences;
mod tokenize;

#[cfg(test)]
mod conformance;

pub use error::TextError;
pub use furniture::{explain, FurnitureLexicon, FurnitureRemover};
pub use html::document_from_html;
pub use reader::{
    check_str, classify_line, document_from_text, read_file, read_inputs, read_inputs_with,
    read_jsonl, ArchiveReader, Documents, MAX_DOCUMENT_BYTES,
};
pub use sentences::SentenceSplitter;
pub use tokenize::tokenize;
