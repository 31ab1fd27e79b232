//! Actor matching time against tokenizing and sentence splitting on the
//! seed articles (the syntax stage is timed by parley-syntax's own bench).
//! Run: `cargo bench -p parley-actors --bench matching`.

use std::time::Instant;

use parley_actors::{ActorCoder, ActorDictionary};
use parley_doc::{Annotator, DocMeta};

fn main() {
    let dir =
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/seeds"));
    let mut texts = Vec::new();
    for f in ["000_f8acdeb3ff86f932.txt", "001_5f4cd109c95766a6.txt", "002_d853f2df82723676.txt"] {
        match std::fs::read_to_string(dir.join(f)) {
            Ok(t) => texts.push(t),
            Err(e) => {
                eprintln!("cannot read {}: {e}", dir.join(f).display());
                return;
            }
        }
    }
    let Ok(dict) = ActorDictionary::embedded() else {
        eprintln!("embedded dictionary failed to load");
        return;
    };
    let coder = ActorCoder::new(dict);
    let rounds = 200;
    let bytes: usize = texts.iter().map(String::len).sum::<usize>() * rounds;
    let (mut t_text, mut t_actors, mut sentences) = (0f64, 0f64, 0usize);
    for _ in 0..rounds {
        for t in &texts {
            let start = Instant::now();
            let mut doc = parley_text::document_from_text(
                t.clone(),
                DocMeta { date: Some("2024-07-17".into()), ..DocMeta::default() },
            );
            let _ = parley_text::FurnitureRemover::new().annotate(&mut doc);
            let _ = parley_text::SentenceSplitter::new().annotate(&mut doc);
            t_text += start.elapsed().as_secs_f64();
            sentences += doc.sentences.len();
            let start = Instant::now();
            let _ = coder.annotate(&mut doc);
            t_actors += start.elapsed().as_secs_f64();
        }
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "read+furniture+split+tokenize: {:.3} s ({:.1} MB/s, {:.0} sentences/s)",
        t_text,
        mb / t_text,
        sentences as f64 / t_text
    );
    println!(
        "actor matching:                {:.3} s ({:.1} MB/s, {:.0} sentences/s)",
        t_actors,
        mb / t_actors,
        sentences as f64 / t_actors
    );
    println!("matching / text stages: {:.1}%", 100.0 * t_actors / t_text);
    pathological(&coder);
}

/// One-sentence documents of 1 MB whose every word looks back (a comma
/// list of countries; people, roles, forces and pronouns): time must grow
/// with the length, not its square.
fn pathological(coder: &ActorCoder) {
    let shapes: [&[&str]; 2] = [
        &["Russia", "Ukraine", "France", "Germany", "China"],
        &["Russian President Vladimir Putin", "he said", "the president", "the army", "it said"],
    ];
    for parts in shapes {
        let mut text = String::new();
        let mut k = 0;
        while text.len() < 1_000_000 {
            text.push_str(parts[k % parts.len()]);
            text.push_str(", ");
            k += 1;
        }
        text.push('.');
        let mut doc = parley_text::document_from_text(
            text.clone(),
            DocMeta { date: Some("2024-07-17".into()), ..DocMeta::default() },
        );
        let _ = parley_text::SentenceSplitter::new().annotate(&mut doc);
        let start = Instant::now();
        let _ = coder.annotate(&mut doc);
        let secs = start.elapsed().as_secs_f64();
        println!(
            "1 MB one-sentence list of {:?}...: {:.3} s ({:.1} MB/s, {} mentions)",
            parts[0],
            secs,
            text.len() as f64 / 1e6 / secs,
            doc.mentions.len()
        );
    }
}
