//! Tries pruning thresholds on a trained model: size and scores on a
//! development CoNLL-U file for each (tagger, parser) threshold pair.
//!
//! `cargo run --release -p parley-syntax --example prune -- MODEL.bin DEV.conllu T:P [T:P...]`

use std::path::Path;

use parley_syntax::{evaluate, SyntaxModel};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        return Err("usage: prune MODEL.bin DEV.conllu T:P [T:P...]".into());
    }
    let model = SyntaxModel::load(Path::new(&args[0]))?;
    let dev = std::fs::read_to_string(&args[1])?;
    for pair in &args[2..] {
        let (t, p) = pair.split_once(':').ok_or("thresholds as T:P")?;
        let pruned = model.pruned(t.parse()?, p.parse()?);
        let mut scores = evaluate(&pruned, &dev)?;
        for _ in 0..4 {
            let again = evaluate(&pruned, &dev)?;
            scores.tokens_per_sec = scores.tokens_per_sec.max(again.tokens_per_sec);
        }
        println!("{pair}: {} bytes {} (best of 5)", pruned.to_bytes().len(), scores.summary_line());
    }
    Ok(())
}
