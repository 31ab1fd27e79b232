//! Trains the syntax model and writes it to `data/syntax/model.bin`.
//!
//! `cargo run --release -p parley-syntax --example train -- [--out PATH]
//! [--ud-dir DIR] [--seed N] [--tagger-epochs N] [--parser-epochs N] [--folds N]
//! [--holdout]` (`--holdout`: leave every 5th EWT dev document out and score on it)
//!
//! Prints progress, the GUM dev scores and sizes; with `--test` it also
//! scores the saved model on the EWT test file (reporting only, never used
//! to choose settings).

use std::path::PathBuf;
use std::process::ExitCode;

use parley_syntax::{evaluate, train, SyntaxModel, TrainConfig};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let mut config =
        TrainConfig { ud_dir: root.join("../shared/data/ud-english"), ..TrainConfig::default() };
    let mut out = root.join("data/syntax/model.bin");
    let mut test = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--out" => out = PathBuf::from(value()?),
            "--ud-dir" => config.ud_dir = PathBuf::from(value()?),
            "--seed" => config.seed = value()?.parse()?,
            "--tagger-epochs" => config.tagger_epochs = value()?.parse()?,
            "--parser-epochs" => config.parser_epochs = value()?.parse()?,
            "--folds" => config.jackknife_folds = value()?.parse()?,
            "--ewt-weight" => config.ewt_weight = value()?.parse()?,
            "--passes" => config.tagger_passes = value()?.parse()?,
            "--explore-p" => config.explore_p = value()?.parse()?,
            "--tagger-prune" => config.tagger_prune = value()?.parse()?,
            "--parser-prune" => config.parser_prune = value()?.parse()?,
            "--holdout" => config.ewt_holdout = true,
            "--test" => test = true,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let (model, report) = train(&config, &|line| eprintln!("{line}"))?;
    model.save(&out)?;
    println!("saved {} ({} bytes)", out.display(), report.model_bytes);
    println!(
        "trained on {} sentences, {} words in {:.1}s",
        report.train_sentences, report.train_tokens, report.seconds
    );
    println!("sizes: {:?}", report.sizes);
    println!("GUM dev: {} lemma={:.4}", report.dev.summary_line(), report.dev.lemma);
    if let Some(h) = &report.heldout {
        println!("EWT dev held out: {} lemma={:.4} tokens={}", h.summary_line(), h.lemma, h.tokens);
    }
    if test {
        let path = config.ud_dir.join("en_ewt-ud-test.conllu");
        let text = std::fs::read_to_string(&path)?;
        let reloaded = SyntaxModel::load(&out)?;
        let scores = evaluate(&reloaded, &text)?;
        println!("EWT test: {} lemma={:.4}", scores.summary_line(), scores.lemma);
    }
    Ok(())
}
