//! The ordered stages of parley and the runner that drives documents
//! through them.
//!
//! Stages are [`parley_doc::Annotator`]s. A [`Pipeline`] is built stage by
//! stage; the builder checks that every layer a stage `requires` is written
//! by a reader or an earlier stage, so a misordered pipeline fails before
//! any document runs. [`Pipeline::run_many`] annotates a stream of documents
//! on several threads and hands each result back in input order, so one bad
//! document is reported and the others go on.
//!
//! ```
//! use parley_doc::{Annotator, DocError, DocMeta, Document, Layer};
//! use parley_pipeline::Pipeline;
//!
//! struct Upper;
//! impl Annotator for Upper {
//!     fn name(&self) -> &'static str { "upper" }
//!     fn requires(&self) -> &'static [Layer] { &[Layer::Text] }
//!     fn assigns(&self) -> &'static [Layer] { &[] }
//!     fn annotate(&self, doc: &mut Document) -> Result<(), DocError> {
//!         doc.meta.title = Some(doc.text.to_uppercase());
//!         Ok(())
//!     }
//! }
//!
//! let pipeline = Pipeline::builder().stage(Upper).build().expect("ordered");
//! let mut doc = Document::new(DocMeta::default(), "kyiv".into());
//! pipeline.run(&mut doc).expect("runs");
//! assert_eq!(doc.meta.title.as_deref(), Some("KYIV"));
//! ```

pub mod bench;
pub mod output;
mod pipeline;
mod standard;

pub use pipeline::{Pipeline, PipelineBuilder, PipelineError, READER_LAYERS};
pub use standard::{Stages, StandardConfig, StandardPipeline};
