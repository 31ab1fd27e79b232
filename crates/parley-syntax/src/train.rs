//! Training the whole model from Universal Dependencies English.
//!
//! Reads the GUM documents listed in `gum/files.train` (those present) and
//! `en_ewt-ud-dev.conllu`; reports scores on the GUM documents listed in
//! `gum/files.dev`. The EWT test file and GUM's test documents are never
//! read here. The parser trains on tags predicted by jackknifing (a
//! tagger trained without each fold tags that fold), so it learns to live
//! with tagging errors.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use parley_doc::Upos;

use crate::lemma::Lemmatizer;
use crate::parser::{ParseExample, Parser, ParserOptions};
use crate::tagger::{TagClass, TagExample, Tagger, TaggerOptions, WordInfo};
use crate::{conllu, evaluate, EvalScores, ModelSizes, SyntaxError, SyntaxModel};

/// How to train.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Folder with `gum/` and `en_ewt-ud-dev.conllu`.
    pub ud_dir: PathBuf,
    /// Seed for shuffling and exploration: same seed, same model bytes.
    pub seed: u64,
    /// Passes over the training data for the tagger.
    pub tagger_epochs: usize,
    /// Passes over the training data for the parser.
    pub parser_epochs: usize,
    /// Folds for jackknifed training tags (0 or 1: the parser trains on gold tags).
    pub jackknife_folds: usize,
    /// Parser epochs along the gold path before exploring wrong predictions.
    pub explore_after: usize,
    /// Probability of following a wrong prediction while exploring.
    pub explore_p: f64,
    /// Averaged tagger weights below this magnitude are dropped.
    pub tagger_prune: f32,
    /// Averaged parser weights below this magnitude are dropped.
    pub parser_prune: f32,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            ud_dir: PathBuf::from("../shared/data/ud-english"),
            seed: 1,
            tagger_epochs: 10,
            parser_epochs: 15,
            jackknife_folds: 5,
            explore_after: 1,
            explore_p: 0.9,
            tagger_prune: 0.01,
            parser_prune: 0.01,
        }
    }
}

/// What training did and how well the result does on GUM dev.
#[derive(Debug, Clone)]
pub struct TrainReport {
    /// Scores on the GUM dev documents.
    pub dev: EvalScores,
    /// Training sentences and words.
    pub train_sentences: usize,
    /// Training words.
    pub train_tokens: usize,
    /// Sizes of the model's parts.
    pub sizes: ModelSizes,
    /// Encoded model size in bytes.
    pub model_bytes: usize,
    /// Wall time of training, in seconds (evaluation excluded).
    pub seconds: f64,
}

struct Example {
    infos: Vec<WordInfo>,
    gold_tags: Vec<u16>,
    heads: Vec<u32>,
    labels: Vec<u8>,
}

fn read(path: &Path) -> Result<String, SyntaxError> {
    std::fs::read_to_string(path)
        .map_err(|source| SyntaxError::Io { path: path.to_path_buf(), source })
}

fn read_sentences(path: &Path) -> Result<Vec<conllu::ConlluSentence>, SyntaxError> {
    conllu::parse(&read(path)?)
        .map_err(|e| SyntaxError::ConlluFile { path: path.to_path_buf(), source: Box::new(e) })
}

/// GUM documents of a split that are present, in list order.
fn gum_files(ud_dir: &Path, split: &str) -> Result<Vec<PathBuf>, SyntaxError> {
    let list = read(&ud_dir.join("gum").join(format!("files.{split}")))?;
    Ok(list
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|name| ud_dir.join("gum").join(format!("{name}.conllu")))
        .filter(|p| p.is_file())
        .collect())
}

/// The GUM dev documents as one CoNLL-U text.
pub fn gum_dev_conllu(ud_dir: &Path) -> Result<String, SyntaxError> {
    let mut text = String::new();
    for path in gum_files(ud_dir, "dev")? {
        text.push_str(&read(&path)?);
        text.push('\n');
    }
    Ok(text)
}

/// Trains a model as `config` says; `progress` receives one line per step.
pub fn train(
    config: &TrainConfig,
    progress: &dyn Fn(&str),
) -> Result<(SyntaxModel, TrainReport), SyntaxError> {
    let start = Instant::now();
    let mut paths = gum_files(&config.ud_dir, "train")?;
    paths.push(config.ud_dir.join("en_ewt-ud-dev.conllu"));
    let mut sentences = Vec::new();
    for path in &paths {
        sentences.extend(read_sentences(path)?);
    }
    // Sentences without a complete tree cannot train the parser.
    sentences.retain(|s| s.words.iter().all(|w| w.head.is_some()));
    if sentences.is_empty() {
        return Err(SyntaxError::Training(format!(
            "no training sentences under {}",
            config.ud_dir.display()
        )));
    }
    progress(&format!("read {} training sentences from {} files", sentences.len(), paths.len()));

    let class_set: BTreeSet<(String, String)> = sentences
        .iter()
        .flat_map(|s| s.words.iter().map(|w| (upos_or_x(&w.upos), w.xpos.clone())))
        .collect();
    let classes: Vec<TagClass> = class_set
        .iter()
        .map(|(u, x)| TagClass { upos: Upos::parse(u).unwrap_or(Upos::X), xpos: x.clone() })
        .collect();
    if classes.len() > 256 {
        return Err(SyntaxError::Training(format!(
            "{} tag classes; at most 256 supported",
            classes.len()
        )));
    }
    let label_set: BTreeSet<&str> =
        sentences.iter().flat_map(|s| s.words.iter().map(|w| w.deprel.as_str())).collect();
    let labels: Vec<String> = label_set.iter().map(|s| s.to_string()).collect();
    let class_of = |w: &conllu::ConlluWord| {
        class_set.iter().position(|(u, x)| *u == upos_or_x(&w.upos) && *x == w.xpos).unwrap_or(0)
            as u16
    };
    let label_of = |l: &str| labels.iter().position(|x| x == l).unwrap_or(0) as u8;
    let examples: Vec<Example> = sentences
        .iter()
        .map(|s| Example {
            infos: WordInfo::sentence(&s.forms()),
            gold_tags: s.words.iter().map(class_of).collect(),
            heads: s.words.iter().map(|w| w.head.unwrap_or(0) as u32).collect(),
            labels: s.words.iter().map(|w| label_of(&w.deprel)).collect(),
        })
        .collect();
    let train_tokens: usize = examples.iter().map(|e| e.infos.len()).sum();
    progress(&format!(
        "{train_tokens} words, {} tag classes, {} labels",
        classes.len(),
        labels.len()
    ));

    let tag_opts = TaggerOptions {
        epochs: config.tagger_epochs,
        seed: config.seed,
        prune: config.tagger_prune,
    };
    let tag_examples: Vec<TagExample<'_>> =
        examples.iter().map(|e| TagExample { infos: &e.infos, gold: &e.gold_tags }).collect();

    // Jackknifed tags for parser training.
    let folds = config.jackknife_folds;
    let mut train_tags: Vec<Vec<u16>> = examples.iter().map(|e| e.gold_tags.clone()).collect();
    if folds > 1 {
        for fold in 0..folds {
            let rest: Vec<TagExample<'_>> = tag_examples
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != fold)
                .map(|(_, e)| TagExample { infos: e.infos, gold: e.gold })
                .collect();
            let tagger = Tagger::train(
                &classes,
                &rest,
                TaggerOptions { seed: tag_opts.seed + fold as u64 + 1, ..tag_opts },
            );
            let (mut right, mut total) = (0, 0);
            for (i, ex) in examples.iter().enumerate().filter(|(i, _)| i % folds == fold) {
                tagger.tag(&ex.infos, &mut train_tags[i]);
                right += train_tags[i].iter().zip(&ex.gold_tags).filter(|(a, b)| a == b).count();
                total += ex.gold_tags.len();
            }
            progress(&format!(
                "jackknife fold {}/{folds}: tag accuracy {:.4}",
                fold + 1,
                right as f64 / total.max(1) as f64
            ));
        }
    }
    let tagger = Tagger::train(&classes, &tag_examples, tag_opts);
    progress(&format!("tagger trained ({:.1}s)", start.elapsed().as_secs_f64()));

    let lemmatizer = Lemmatizer::train(sentences.iter().flat_map(|s| {
        s.words.iter().map(|w| (w.form.as_str(), w.xpos.as_str(), w.lemma.as_str()))
    }));

    let lowers: Vec<Vec<u64>> =
        examples.iter().map(|e| e.infos.iter().map(|i| i.lower).collect()).collect();
    let parse_examples: Vec<ParseExample<'_>> = examples
        .iter()
        .zip(&lowers)
        .zip(&train_tags)
        .map(|((e, words), tags)| ParseExample { words, tags, heads: &e.heads, labels: &e.labels })
        .collect();
    let parser_opts = ParserOptions {
        epochs: config.parser_epochs,
        seed: config.seed,
        explore_after: config.explore_after,
        explore_p: config.explore_p,
        prune: config.parser_prune,
    };
    let parser = Parser::train(&labels, &parse_examples, parser_opts, &|epoch| {
        progress(&format!(
            "parser epoch {epoch}/{} ({:.1}s)",
            config.parser_epochs,
            start.elapsed().as_secs_f64()
        ))
    })?;
    let model = SyntaxModel { tagger, lemmatizer, parser };
    let seconds = start.elapsed().as_secs_f64();
    let model_bytes = model.to_bytes().len();
    let dev = evaluate(&model, &gum_dev_conllu(&config.ud_dir)?)?;
    progress(&format!("GUM dev: {}", dev.summary_line()));
    let report = TrainReport {
        dev,
        train_sentences: examples.len(),
        train_tokens,
        sizes: model.sizes(),
        model_bytes,
        seconds,
    };
    Ok((model, report))
}

fn upos_or_x(tag: &str) -> String {
    if Upos::parse(tag).is_some() {
        tag.to_string()
    } else {
        "X".to_string()
    }
}
