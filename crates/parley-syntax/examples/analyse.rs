//! Tags, lemmatises and parses whitespace-tokenised sentences, one per
//! line of standard input, with the embedded model; prints CoNLL-U columns.
//!
//! `echo "Rebels attacked the capital ." | cargo run --release -p parley-syntax --example analyse`

use std::io::BufRead;

use parley_syntax::SyntaxModel;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let model = SyntaxModel::embedded()?;
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let words: Vec<&str> = line.split_whitespace().collect();
        for (i, (word, a)) in words.iter().zip(model.analyse(&words)).enumerate() {
            println!(
                "{}\t{word}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_",
                i + 1,
                a.lemma,
                a.upos.as_str(),
                a.xpos,
                a.head,
                a.deprel
            );
        }
        println!();
    }
    Ok(())
}
