//! HTML: any text through the HTML reader, furniture removal and sentence
//! splitting; the reader may refuse it with an error, never panic or hang.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parley_doc::{Annotator, DocMeta};
use parley_text::{FurnitureRemover, SentenceSplitter};

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else { return };
    let Ok(mut doc) = parley_text::document_from_html(html, DocMeta::default()) else { return };
    let _ = FurnitureRemover::new().annotate(&mut doc);
    let _ = SentenceSplitter::new().annotate(&mut doc);
    for sentence in &doc.sentences {
        assert!(doc.text.get(sentence.span.range()).is_some());
    }
});
