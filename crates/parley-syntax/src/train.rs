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
use crate::tagger::{
    build_lexicon, build_tagdict, lex_values, run_pass, train_pass, TagClass, TagExample, Tagger,
    TaggerOptions, WordInfo,
};
use crate::{
    conllu, evaluate, evaluate_sentences, EvalScores, ModelSizes, SyntaxError, SyntaxModel,
};

/// How to train.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
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
    /// Times each EWT sentence is seen per epoch (GUM sentences: once).
    pub ewt_weight: usize,
    /// Tagger passes: 1, or 2 for a second pass that sees the first pass's
    /// tags on the right (needs jackknife folds).
    pub tagger_passes: usize,
    /// Parser epochs along the gold path before exploring wrong predictions.
    pub explore_after: usize,
    /// Probability of following a wrong prediction while exploring.
    pub explore_p: f64,
    /// Averaged tagger weights below this magnitude are dropped.
    pub tagger_prune: f32,
    /// Averaged parser weights below this magnitude are dropped.
    pub parser_prune: f32,
    /// Leave every 5th EWT dev document (by `# newdoc id`) out of training
    /// and score on it: a second held-out set for choosing settings. The
    /// shipped model trains on all of them.
    pub ewt_holdout: bool,
}

impl Default for TrainConfig {
    /// The settings that trained the shipped model.
    fn default() -> TrainConfig {
        TrainConfig {
            ud_dir: PathBuf::from("../shared/data/ud-english"),
            seed: 1,
            tagger_epochs: 10,
            parser_epochs: 15,
            jackknife_folds: 5,
            tagger_passes: 2,
            ewt_weight: 3,
            explore_after: 1,
            explore_p: 0.9,
            tagger_prune: 0.5,
            parser_prune: 1.0,
            ewt_holdout: false,
        }
    }
}

/// What training did and how well the result does on GUM dev.
#[derive(Debug, Clone)]
pub struct TrainReport {
    /// Scores on the GUM dev documents.
    pub dev: EvalScores,
    /// Scores on the held-out EWT dev documents (with `ewt_holdout`).
    pub heldout: Option<EvalScores>,
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
    weight: usize,
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
    let mut weights = Vec::new();
    let mut heldout = Vec::new();
    for (k, path) in paths.iter().enumerate() {
        let mut read = read_sentences(path)?;
        // The last file is EWT: web text like the text parley reads.
        let is_ewt = k + 1 == paths.len();
        if is_ewt && config.ewt_holdout {
            let (train_part, held) = split_documents(read, HOLDOUT_EVERY);
            read = train_part;
            heldout = held;
        }
        let weight = if is_ewt { config.ewt_weight.max(1) } else { 1 };
        weights.extend(std::iter::repeat_n(weight, read.len()));
        sentences.extend(read);
    }
    // Sentences without a complete tree cannot train the parser.
    let complete: Vec<bool> =
        sentences.iter().map(|s| s.words.iter().all(|w| w.head.is_some())).collect();
    let mut keep = complete.iter();
    sentences.retain(|_| keep.next().copied().unwrap_or(false));
    let mut keep = complete.iter();
    weights.retain(|_| keep.next().copied().unwrap_or(false));
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
        .zip(&weights)
        .map(|(s, &weight)| Example {
            weight,
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
    let tag_examples: Vec<TagExample<'_>> = examples
        .iter()
        .map(|e| TagExample { infos: &e.infos, gold: &e.gold_tags, weight: e.weight })
        .collect();

    // Jackknifing: a first-pass tagger trained without each fold tags that
    // fold; the second pass learns from those tags, and the parser from the
    // fold's final tags, so both see tagging errors as they will at run time.
    let folds = config.jackknife_folds.max(1);
    let tagdict = build_tagdict(&tag_examples);
    let lexicon = build_lexicon(&tag_examples);
    let n_classes = classes.len();
    let in_fold = |i: usize, fold: usize| folds > 1 && i % folds == fold;
    let subset = |fold: usize| -> Vec<usize> {
        (0..examples.len()).filter(|&i| !in_fold(i, fold)).collect()
    };
    let mut first_tags: Vec<Vec<u16>> = examples.iter().map(|e| e.gold_tags.clone()).collect();
    let mut fold_firsts = Vec::new();
    if folds > 1 {
        for fold in 0..folds {
            let idx = subset(fold);
            let rest: Vec<TagExample<'_>> = idx
                .iter()
                .map(|&i| TagExample {
                    infos: tag_examples[i].infos,
                    gold: tag_examples[i].gold,
                    weight: tag_examples[i].weight,
                })
                .collect();
            let opts = TaggerOptions { seed: tag_opts.seed + fold as u64 + 1, ..tag_opts };
            let table = train_pass(n_classes, &rest, &tagdict, &lexicon, None, opts);
            for i in (0..examples.len()).filter(|&i| in_fold(i, fold)) {
                run_pass(
                    &table,
                    &tagdict,
                    &lex_values(&lexicon, &examples[i].infos),
                    &examples[i].infos,
                    None,
                    &mut first_tags[i],
                );
            }
            fold_firsts.push(table);
        }
        progress(&format!(
            "jackknifed first pass: tag accuracy {:.4}",
            accuracy(&first_tags, &examples)
        ));
    }
    let mut train_tags = first_tags.clone();
    let two_pass = config.tagger_passes >= 2 && folds > 1;
    if two_pass {
        for (fold, first) in fold_firsts.iter().enumerate() {
            let idx = subset(fold);
            let rest: Vec<TagExample<'_>> = idx
                .iter()
                .map(|&i| TagExample {
                    infos: tag_examples[i].infos,
                    gold: tag_examples[i].gold,
                    weight: tag_examples[i].weight,
                })
                .collect();
            let prior: Vec<&[u16]> = idx.iter().map(|&i| first_tags[i].as_slice()).collect();
            let opts = TaggerOptions { seed: tag_opts.seed + 100 + fold as u64, ..tag_opts };
            let second = train_pass(n_classes, &rest, &tagdict, &lexicon, Some(&prior), opts);
            for i in (0..examples.len()).filter(|&i| in_fold(i, fold)) {
                let mut q = Vec::new();
                let lex = lex_values(&lexicon, &examples[i].infos);
                run_pass(first, &tagdict, &lex, &examples[i].infos, None, &mut q);
                run_pass(&second, &tagdict, &lex, &examples[i].infos, Some(&q), &mut train_tags[i]);
            }
        }
        progress(&format!(
            "jackknifed second pass: tag accuracy {:.4}",
            accuracy(&train_tags, &examples)
        ));
    }
    let first = train_pass(n_classes, &tag_examples, &tagdict, &lexicon, None, tag_opts);
    let second = two_pass.then(|| {
        let prior: Vec<&[u16]> = first_tags.iter().map(Vec::as_slice).collect();
        train_pass(
            n_classes,
            &tag_examples,
            &tagdict,
            &lexicon,
            Some(&prior),
            TaggerOptions { seed: tag_opts.seed + 100, ..tag_opts },
        )
    });
    let tagger = Tagger::new(&classes, tagdict, lexicon, first, second);
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
        .map(|((e, words), tags)| ParseExample {
            words,
            tags,
            heads: &e.heads,
            labels: &e.labels,
            weight: e.weight,
        })
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
    let heldout = (!heldout.is_empty()).then(|| evaluate_sentences(&model, &heldout));
    if let Some(h) = &heldout {
        progress(&format!("EWT dev held out: {}", h.summary_line()));
    }
    let report = TrainReport {
        dev,
        heldout,
        train_sentences: examples.len(),
        train_tokens,
        sizes: model.sizes(),
        model_bytes,
        seconds,
    };
    Ok((model, report))
}

/// Every how many EWT dev documents one is held out (with `ewt_holdout`).
const HOLDOUT_EVERY: usize = 5;

/// Splits sentences into documents (a `newdoc id` comment starts one) and
/// returns (the rest, every `every`-th document: the 5th, 10th, ...).
fn split_documents(
    sentences: Vec<conllu::ConlluSentence>,
    every: usize,
) -> (Vec<conllu::ConlluSentence>, Vec<conllu::ConlluSentence>) {
    let (mut rest, mut held) = (Vec::new(), Vec::new());
    let mut doc = 0usize;
    for (i, s) in sentences.into_iter().enumerate() {
        if i > 0 && s.comment("newdoc id").is_some() {
            doc += 1;
        }
        if doc % every == every - 1 {
            held.push(s);
        } else {
            rest.push(s);
        }
    }
    (rest, held)
}

fn accuracy(tags: &[Vec<u16>], examples: &[Example]) -> f64 {
    let (mut right, mut total) = (0usize, 0usize);
    for (t, e) in tags.iter().zip(examples) {
        right += t.iter().zip(&e.gold_tags).filter(|(a, b)| a == b).count();
        total += e.gold_tags.len();
    }
    right as f64 / total.max(1) as f64
}

fn upos_or_x(tag: &str) -> String {
    if Upos::parse(tag).is_some() {
        tag.to_string()
    } else {
        "X".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_out_every_fifth_document() {
        let mut text = String::new();
        for doc in 0..11 {
            for k in 0..2 {
                if k == 0 {
                    text.push_str(&format!("# newdoc id = d{doc}\n"));
                }
                text.push_str(&format!(
                    "# sent_id = d{doc}-{k}\n1\tw\tw\tX\tX\t_\t0\troot\t_\t_\n\n"
                ));
            }
        }
        let sentences = conllu::parse(&text).expect("parses");
        let (rest, held) = split_documents(sentences, 5);
        let ids: Vec<&str> = held.iter().filter_map(|s| s.comment("sent_id")).collect();
        assert_eq!(ids, ["d4-0", "d4-1", "d9-0", "d9-1"]);
        assert_eq!(rest.len(), 18);
    }
}
