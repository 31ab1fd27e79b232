//! Actors: who is acting in a document, coded CAMEO-style.
//!
//! An [`ActorDictionary`] holds countries (names, adjectives, demonyms,
//! seats of power used as metonyms), organisations, armed groups, role and
//! sector words ("foreign minister", "troops", "rebels") and named people
//! with the offices they held and when. The dictionaries live as
//! human-editable files in `data/actors/` (format in its README), are
//! embedded in the binary, and can be overridden by files in the same
//! format or in PETRARCH/TABARI's. The [`ActorCoder`] stage matches them
//! over a document's tokens (longest match, case-aware, through
//! possessives, plurals and hyphens), composes phrases
//! ("Russia's Foreign Ministry spokeswoman" -> `RUSGOV`), codes people the
//! dictionary lacks through role patterns ("a Finnish president X", "X, the
//! head of Ukraine's presidential office", "X of NATO"), and follows them
//! through the document (surnames, "the Ukrainian leader", "he said", "it
//! said", "the country" when one country was just named, "the army" for
//! the army named last).
//! Every [`parley_doc::Mention`] keeps its span and how it was found.
//!
//! ```
//! use parley_actors::{ActorCoder, ActorDictionary};
//! use parley_doc::{Annotator, BlockKind, DocMeta, Document, Sentence, SentenceIdx, Span, Token, TokenIdx};
//!
//! let text = "Russian President Vladimir Putin met Kyiv's envoy.";
//! let mut doc = Document::new(DocMeta { date: Some("2024-07-17".into()), ..DocMeta::default() }, text.into());
//! // A tiny tokenizer: split on spaces, then the final full stop.
//! let mut start = 0;
//! for word in text.split(' ') {
//!     let w = word.trim_end_matches('.');
//!     doc.tokens.push(Token::new(Span::new(text, start, start + w.len()).unwrap()));
//!     start += word.len() + 1;
//! }
//! let n = doc.tokens.len() as u32;
//! doc.sentences.push(Sentence {
//!     span: Span::new(text, 0, text.len()).unwrap(),
//!     first_token: TokenIdx(0),
//!     end_token: TokenIdx(n),
//!     kind: BlockKind::Paragraph,
//! });
//! let coder = ActorCoder::new(ActorDictionary::embedded().unwrap());
//! coder.annotate(&mut doc).unwrap();
//! let codes: Vec<&str> = doc.mentions.iter().map(|m| m.actor.code.as_str()).collect();
//! assert_eq!(codes, ["RUSGOV", "UKRGOV"]);
//! assert_eq!(doc.mentions[0].actor.name.as_deref(), Some("Vladimir Putin"));
//! ```

mod coder;
mod dictionary;
mod error;
mod format;
mod json;
mod petrarch;
mod phoenix;
mod words;

pub use coder::{ActorCoder, DomesticRules, PlaceRules};
pub use dictionary::{ActorDictionary, ActorEntry, EntryKind, Phrase, PhraseClass, Term};
pub use error::ActorError;
pub use format::write_entry;
pub use json::mention_json;
pub use phoenix::{
    common_words_from_conllu, import_phoenix, withhold_surnames, wordnet_lemmas, ImportReport,
    PhoenixOptions,
};
