//! Scores a model on a CoNLL-U file (gold tokenization, predicted tags).
//!
//! `cargo run --release -p parley-syntax --example eval -- FILE.conllu [MODEL.bin]`
//! (without a model file, the embedded model).

use std::path::Path;
use std::process::ExitCode;

use parley_syntax::{evaluate, SyntaxModel};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(file) = args.first() else {
        eprintln!("usage: eval FILE.conllu [MODEL.bin]");
        return ExitCode::FAILURE;
    };
    let result = (|| -> Result<String, Box<dyn std::error::Error>> {
        let model = match args.get(1) {
            Some(path) => std::sync::Arc::new(SyntaxModel::load(Path::new(path))?),
            None => SyntaxModel::embedded()?,
        };
        let text = std::fs::read_to_string(file)?;
        let scores = evaluate(&model, &text)?;
        Ok(format!("{} lemma={:.4} tokens={}", scores.summary_line(), scores.lemma, scores.tokens))
    })();
    match result {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
