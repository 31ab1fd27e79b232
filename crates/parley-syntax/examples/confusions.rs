//! Prints the most frequent tag confusions and attachment errors of a model
//! on a CoNLL-U file, for error analysis on development data.
//!
//! `cargo run --release -p parley-syntax --example confusions -- FILE.conllu [MODEL.bin]`

use std::collections::HashMap;
use std::path::Path;

use parley_syntax::{conllu, SyntaxModel};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let file = args.first().ok_or("usage: confusions FILE.conllu [MODEL.bin]")?;
    let model = match args.get(1) {
        Some(path) => std::sync::Arc::new(SyntaxModel::load(Path::new(path))?),
        None => SyntaxModel::embedded()?,
    };
    let sentences = conllu::parse(&std::fs::read_to_string(file)?)?;
    let mut tags: HashMap<(String, String), usize> = HashMap::new();
    let mut words: HashMap<(String, String, String), usize> = HashMap::new();
    let mut rels: HashMap<String, (usize, usize)> = HashMap::new();
    for s in &sentences {
        let out = model.analyse(&s.forms());
        for (g, p) in s.words.iter().zip(&out) {
            if g.xpos != p.xpos {
                *tags.entry((g.xpos.clone(), p.xpos.clone())).or_default() += 1;
                *words.entry((g.form.clone(), g.xpos.clone(), p.xpos.clone())).or_default() += 1;
            }
            let e = rels.entry(g.deprel.split(':').next().unwrap_or("").to_string()).or_default();
            e.0 += 1;
            e.1 += usize::from(g.head != Some(p.head));
        }
    }
    let mut tags: Vec<_> = tags.into_iter().collect();
    tags.sort_by_key(|t| std::cmp::Reverse(t.1));
    println!("gold -> predicted XPOS:");
    for ((g, p), n) in tags.iter().take(25) {
        println!("  {n:5} {g} -> {p}");
    }
    let mut words: Vec<_> = words.into_iter().collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.1));
    println!("words:");
    for ((w, g, p), n) in words.iter().take(30) {
        println!("  {n:5} {w} {g} -> {p}");
    }
    let mut rels: Vec<_> = rels.into_iter().collect();
    rels.sort_by_key(|r| std::cmp::Reverse(r.1 .1));
    println!("head errors by gold relation (errors/total):");
    for (r, (total, wrong)) in rels.iter().take(20) {
        println!("  {r:12} {wrong}/{total}");
    }
    Ok(())
}
