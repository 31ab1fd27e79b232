//! Prints what `parley sentences --explain` would show for each input:
//! every block piece with its drop reason, then the sentences.
//!
//! `cargo run -p parley-text --example show_sentences -- PATH...`

use parley_doc::Annotator;
use parley_text::{explain, read_inputs, FurnitureRemover, SentenceSplitter};

fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    for result in read_inputs(&paths) {
        let mut doc = match result {
            Ok(doc) => doc,
            Err(err) => {
                eprintln!("error: {err}");
                continue;
            }
        };
        if let Err(err) = FurnitureRemover::new().annotate(&mut doc) {
            eprintln!("error: {err}");
            continue;
        }
        if let Err(err) = SentenceSplitter::new().annotate(&mut doc) {
            eprintln!("error: {err}");
            continue;
        }
        println!(
            "=== {} ({}) date={:?} source={:?} title={:?}",
            doc.meta.id, doc.meta.origin, doc.meta.date, doc.meta.source, doc.meta.title
        );
        for (span, reason) in explain(&doc) {
            if let Some(reason) = reason {
                println!("  DROP {reason:<20} {}", &doc.text[span]);
            }
        }
        for sentence in &doc.sentences {
            println!("  [{:?}] {}", sentence.kind, &doc.text[sentence.span]);
        }
    }
}
