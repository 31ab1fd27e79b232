//! The model: tagger, lemmatiser and parser, with its file format.
//!
//! Format (little-endian): the magic `PARLEYSX`, a `u32` version, then the
//! tagger (classes, tag dictionary, weights), the lemmatiser (form table,
//! suffix rules) and the parser (labels, weights). Weight tables are
//! sorted by feature hash, so one model always encodes to the same bytes.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use parley_doc::Upos;

use crate::bytes::{Reader, Writer};
use crate::lemma::Lemmatizer;
use crate::parser::Parser;
use crate::tagger::{Tagger, WordInfo};
use crate::SyntaxError;

const MAGIC: &[u8; 8] = b"PARLEYSX";
const VERSION: u32 = 1;

static EMBEDDED_BYTES: &[u8] = include_bytes!("../../../data/syntax/model.bin");

/// What the model says of one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// Universal POS tag.
    pub upos: Upos,
    /// Penn Treebank tag.
    pub xpos: String,
    /// Lemma (proper nouns keep their case; other words are lowercased
    /// unless the training data said otherwise, as for "I").
    pub lemma: String,
    /// Head: 0 for the root, else the 1-based position of the head word.
    pub head: usize,
    /// UD relation to the head, with subtype where the model learned one
    /// (`nsubj:pass`); `root` for the root.
    pub deprel: String,
}

/// A trained part-of-speech tagger, lemmatiser and dependency parser.
#[derive(Debug, Clone)]
pub struct SyntaxModel {
    pub(crate) tagger: Tagger,
    pub(crate) lemmatizer: Lemmatizer,
    pub(crate) parser: Parser,
}

/// Sizes of a model's parts, for reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModelSizes {
    /// Tagger classes (UPOS, XPOS pairs).
    pub tag_classes: usize,
    /// Tagger features kept, and their (feature, class) weights.
    pub tagger_features: usize,
    /// Tagger weights.
    pub tagger_weights: usize,
    /// Dependency labels.
    pub labels: usize,
    /// Parser features kept.
    pub parser_features: usize,
    /// Parser weights.
    pub parser_weights: usize,
    /// Lemmatiser (form, tag) entries.
    pub lemma_entries: usize,
    /// Lemmatiser suffix keys.
    pub lemma_suffixes: usize,
}

impl SyntaxModel {
    /// The model shipped in `data/syntax/model.bin`, decoded once per process.
    pub fn embedded() -> Result<Arc<SyntaxModel>, SyntaxError> {
        static MODEL: OnceLock<Result<Arc<SyntaxModel>, String>> = OnceLock::new();
        MODEL
            .get_or_init(|| {
                SyntaxModel::from_bytes(EMBEDDED_BYTES).map(Arc::new).map_err(|e| e.to_string())
            })
            .clone()
            .map_err(|message| SyntaxError::Model {
                offset: 0,
                message: format!("embedded model: {message}"),
            })
    }

    /// Decodes a model from its file bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<SyntaxModel, SyntaxError> {
        let mut r = Reader::new(bytes);
        if r.take(MAGIC.len()).ok() != Some(MAGIC.as_slice()) {
            return Err(SyntaxError::Model {
                offset: 0,
                message: "not a parley syntax model (bad magic)".into(),
            });
        }
        let version = r.u32()?;
        if version != VERSION {
            return Err(
                r.error(format!("model format version {version}; this build reads {VERSION}"))
            );
        }
        let tagger = Tagger::read(&mut r)?;
        let lemmatizer = Lemmatizer::read(&mut r)?;
        let parser = Parser::read(&mut r)?;
        if !r.is_done() {
            return Err(r.error("trailing bytes after the model"));
        }
        Ok(SyntaxModel { tagger, lemmatizer, parser })
    }

    /// Encodes the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.u32(VERSION);
        self.tagger.write(&mut w);
        self.lemmatizer.write(&mut w);
        self.parser.write(&mut w);
        w.buf
    }

    /// Reads a model file.
    pub fn load(path: &Path) -> Result<SyntaxModel, SyntaxError> {
        let bytes = std::fs::read(path)
            .map_err(|source| SyntaxError::Io { path: path.to_path_buf(), source })?;
        SyntaxModel::from_bytes(&bytes)
    }

    /// Writes a model file.
    pub fn save(&self, path: &Path) -> Result<(), SyntaxError> {
        std::fs::write(path, self.to_bytes())
            .map_err(|source| SyntaxError::Io { path: path.to_path_buf(), source })
    }

    /// A smaller copy: tagger and parser weights whose magnitude is below
    /// the thresholds are dropped (the same as training with those prune
    /// settings).
    pub fn pruned(&self, tagger_min_abs: f32, parser_min_abs: f32) -> SyntaxModel {
        SyntaxModel {
            tagger: self.tagger.pruned(tagger_min_abs),
            lemmatizer: self.lemmatizer.clone(),
            parser: self.parser.pruned(parser_min_abs),
        }
    }

    /// Sizes of the model's parts.
    pub fn sizes(&self) -> ModelSizes {
        let (tagger_features, tagger_weights) = self.tagger.size();
        let (parser_features, parser_weights) = self.parser.size();
        let (lemma_entries, lemma_suffixes) = self.lemmatizer.size();
        ModelSizes {
            tag_classes: self.tagger.classes.len(),
            tagger_features,
            tagger_weights,
            labels: self.parser.labels.len(),
            parser_features,
            parser_weights,
            lemma_entries,
            lemma_suffixes,
        }
    }

    /// Tags, lemmatises and parses one sentence of word forms.
    ///
    /// Returns one [`Analysis`] per word, in order; the heads form a tree
    /// with exactly one root. An empty sentence gives an empty result.
    pub fn analyse(&self, words: &[&str]) -> Vec<Analysis> {
        if words.is_empty() {
            return Vec::new();
        }
        // "Ceasefire Talks Resume in Doha": in a title-case line, words the
        // treebanks know as common words are read in lower case, so that
        // capitals do not make every word a name.
        let lowered: Vec<String>;
        let words: &[&str] = if self.tagger.is_title_case(words) {
            lowered = words.iter().map(|w| self.tagger.common_form(w)).collect();
            &lowered.iter().map(String::as_str).collect::<Vec<_>>()
        } else {
            words
        };
        let infos = WordInfo::sentence(words);
        let mut tags = Vec::with_capacity(words.len());
        self.tagger.tag(&infos, &mut tags);
        let lowers: Vec<u64> = infos.iter().map(|i| i.lower).collect();
        let (mut heads, mut labels) = (Vec::new(), Vec::new());
        self.parser.parse(&lowers, &tags, &mut heads, &mut labels);
        words
            .iter()
            .zip(&lowers)
            .zip(tags.iter().zip(heads.iter().zip(&labels)))
            .map(|((word, &lower), (&tag, (&head, &label)))| {
                let class = &self.tagger.classes[tag as usize];
                let xpos_hash = self.tagger.xpos_hashes[tag as usize];
                Analysis {
                    upos: class.upos,
                    xpos: class.xpos.clone(),
                    lemma: match self.tagger.past.lemma(lower, tag) {
                        Some(lemma) => lemma.to_string(),
                        None => self.lemmatizer.lemma_hashed(
                            word,
                            lower,
                            class.upos,
                            &class.xpos,
                            xpos_hash,
                        ),
                    },
                    head: head as usize,
                    deprel: self.parser.labels[label as usize].clone(),
                }
            })
            .collect()
    }
}
