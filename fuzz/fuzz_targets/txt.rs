//! Plain text: any bytes through the text checks, page-furniture removal and
//! sentence splitting. Every span must slice the text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parley_doc::{Annotator, DocMeta};
use parley_text::{FurnitureRemover, SentenceSplitter};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if parley_text::check_str(text, "fuzz").is_err() {
        return;
    }
    let mut doc = parley_text::document_from_text(text.to_string(), DocMeta::default());
    let _ = FurnitureRemover::new().annotate(&mut doc);
    let _ = SentenceSplitter::new().annotate(&mut doc);
    for sentence in &doc.sentences {
        assert!(doc.text.get(sentence.span.range()).is_some());
    }
});
