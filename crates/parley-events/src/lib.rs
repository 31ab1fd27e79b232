//! Event coding: for every sentence, the PLOVER events it reports, with
//! CAMEO code, Goldstein weight and QuadClass, actor and recipient,
//! trigger, date, place, speaker and quote, modality, and the evidence
//! behind each field.
//!
//! [`EventCoder`] is the pipeline stage ([`parley_doc::Annotator`], name
//! `events`): it reads sentences, tags, lemmas, the dependency parse and
//! actor mentions, matches the [`EventLexicon`] (verbs, phrasal verbs,
//! nominalisations with their argument frames, shipped in `data/events/`),
//! finds actor and recipient over the parse (subject, object, "to"/"against"
//! obliques, possessors, passive "by" agents, control and light verbs),
//! reads negation and modality, attributes reported speech and quotes,
//! resolves dates against the document date and places against the
//! gazetteer in `data/places/`. It writes every event to
//! `Document::events` with its [`parley_doc::Modality`]; writers show the
//! asserted ones by default. [`event_json`] gives the JSON line of
//! `parley code`, [`explain_sentence`] and [`EventCoder::explain`] the text
//! of `--explain`. Without a parse it falls back on word order.
//!
//! ```
//! use std::sync::Arc;
//! use parley_doc::{Annotator, DocMeta, Document};
//! use parley_events::{EventCoder, EventLexicon};
//!
//! let lexicon = Arc::new(EventLexicon::embedded().expect("shipped data parses"));
//! let coder = EventCoder::new(lexicon);
//! // A document from the earlier stages (here: no sentences, so no events).
//! let mut doc = Document::new(DocMeta::default(), "Kyiv rejected the plan.".into());
//! coder.annotate(&mut doc).expect("codes");
//! for event in &doc.events {
//!     println!("{}", parley_events::event_json(&doc, event));
//! }
//! ```

mod attribution;
mod classes;
mod coder;
pub mod dates;
mod error;
mod lexicon;
mod modality;
mod output;
mod places;
mod sent;
#[cfg(test)]
mod testutil;

pub use classes::{NounClasses, WordSet, CODER_CLASSES};
pub use coder::{EventCoder, Verdicts};
pub use error::EventError;
pub use lexicon::{CameoFact, EventLexicon, LexEntry, Requirement, Role, Source, TriggerPos};
pub use modality::Reading;
pub use output::{event_json, explain_sentence};
pub use places::{Gazetteer, Place, PlaceMatch};

/// Whether an event is written by default (`parley code` without `--all`).
pub fn is_default_output(event: &parley_doc::Event) -> bool {
    event.modality == parley_doc::Modality::Asserted
}
