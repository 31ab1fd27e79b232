//! Times the readers and stages on pathological inputs (a development aid).
use parley_doc::{Annotator, DocMeta};
use parley_text::{document_from_html, document_from_text, FurnitureRemover, SentenceSplitter};
use std::time::Instant;

fn main() {
    let deep = format!("{}Deep text at the bottom.{}", "<div>".repeat(800), "</div>".repeat(800));
    let t = Instant::now();
    let _ = document_from_html(&deep, DocMeta::default());
    println!("deep html: {:?}", t.elapsed());
    parts(&deep);
    for text in [
        format!("H\n{}. {}", "a".repeat(200_000), "a".repeat(200_000)),
        format!("H\n{}", "a,".repeat(100_000)),
    ] {
        let t = Instant::now();
        let mut doc = document_from_text(text, DocMeta::default());
        FurnitureRemover::new().annotate(&mut doc).expect("furniture");
        SentenceSplitter::new().annotate(&mut doc).expect("sentences");
        println!("long text: {:?} ({} tokens)", t.elapsed(), doc.tokens.len());
    }
}

#[allow(dead_code)]
fn parts(html: &str) {
    let t = Instant::now();
    let dom = scraper::Html::parse_document(html);
    println!("  scraper parse: {:?} ({} nodes)", t.elapsed(), dom.tree.nodes().count());
    let t = Instant::now();
    let _ = trafilatura::extract(html, &trafilatura::Options::default());
    println!("  trafilatura: {:?}", t.elapsed());
}
