//! Part-of-speech tagging, lemmatisation and dependency parsing for English,
//! in pure Rust, with a model trained by this crate on Universal
//! Dependencies (GUM and the EWT dev set) and shipped in
//! `data/syntax/model.bin`.
//!
//! The tagger is a two-pass greedy averaged perceptron over hashed
//! features that predicts a (UPOS, XPOS) pair per word (the second pass
//! also sees the first pass's tags to the right); the lemmatiser looks words up in
//! a table learned from the treebank and falls back to suffix rules; the
//! parser is an arc-hybrid transition parser with a perceptron trained by
//! a dynamic oracle on jackknifed tags. [`SyntaxModel::analyse`] takes one
//! sentence of word forms (gold or pre-tokenised) and returns one
//! [`Analysis`] per word; [`SyntaxAnnotator`] does the same for every
//! sentence of a [`parley_doc::Document`]. [`train`] rebuilds the model
//! and [`evaluate`] scores one on CoNLL-U. On the EWT test set (gold
//! tokenization, predicted tags) the shipped model scores UPOS 0.940,
//! UAS 0.827, LAS 0.790; `data/syntax/README.md` has the details.
//!
//! ```
//! use parley_syntax::SyntaxModel;
//!
//! let model = SyntaxModel::embedded().expect("the shipped model decodes");
//! let words = ["Rebels", "attacked", "the", "capital", "."];
//! let analyses = model.analyse(&words);
//! assert_eq!(analyses.len(), words.len());
//! // Exactly one word hangs from the root.
//! assert_eq!(analyses.iter().filter(|a| a.head == 0).count(), 1);
//! for (word, a) in words.iter().zip(&analyses) {
//!     println!("{word}\t{}\t{}\t{}\t{}\t{}", a.upos.as_str(), a.xpos, a.lemma, a.head, a.deprel);
//! }
//! ```

mod annotator;
mod bytes;
pub mod conllu;
mod error;
mod eval;
mod hash;
mod lemma;
mod model;
mod parser;
mod perceptron;
mod tagger;
mod train;

pub use annotator::SyntaxAnnotator;
pub use conllu::write_conllu;
pub use error::SyntaxError;
pub use eval::{evaluate, evaluate_sentences, EvalScores};
pub use model::{Analysis, ModelSizes, SyntaxModel};
pub use train::{gum_dev_conllu, train, TrainConfig, TrainReport};
