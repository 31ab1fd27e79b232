//! Conformance and robustness: every stage of this crate on the same
//! inputs, checked for the invariants later stages rely on, and the
//! readers fed garbage.

use parley_doc::{Annotator, DocMeta, Document, Layer};

use crate::{
    document_from_html, document_from_text, read_jsonl, FurnitureRemover, SentenceSplitter,
};

const INPUTS: &[&str] = &[
    "Talks Resume\nBy Ann Lee\nUpdated: 3:45 PM\nMr. Lee met U.S. envoys on Nov. 3. “Fine,” he said.\nAdvertisement\n",
    "Headline only",
    "Ünïcödé Ĥeadline — “quoted”\n\n  Zelenskyy’s 10-point plan…won’t work. Kyiv’s allies disagree!\n| a | b |\n---|---\n",
    "\u{feff}BOM line\r\nCRLF body line. Another one.\r\n",
    "  \t leading blank\n\n\n...\n'\n\"\n—\n",
];

/// Spans in bounds and on char boundaries; sentences inside one block and
/// outside furniture; tokens inside their sentence, in order.
pub(crate) fn check_document(doc: &Document) {
    let text = &doc.text;
    let ok = |start: usize, end: usize| {
        start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
    };
    let mut last_end = 0;
    for block in &doc.blocks {
        assert!(ok(block.span.start, block.span.end), "block {}", block.span);
        assert!(block.span.start >= last_end, "blocks overlap");
        last_end = block.span.end;
        assert!(!text[block.span].starts_with(char::is_whitespace), "untrimmed block");
    }
    for f in &doc.furniture {
        assert!(ok(f.span.start, f.span.end), "furniture {}", f.span);
        assert!(
            !f.reason.is_empty() && f.reason.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        );
    }
    let mut next_token = 0;
    for s in &doc.sentences {
        assert!(ok(s.span.start, s.span.end), "sentence {}", s.span);
        assert!(doc.blocks.iter().any(|b| b.span.contains(s.span)), "sentence crosses blocks");
        assert!(!doc.is_furniture(s.span), "sentence in furniture: {:?}", &text[s.span]);
        assert_eq!(s.first_token.get(), next_token, "sentences own consecutive tokens");
        next_token = s.end_token.get();
        assert!(!s.is_empty());
        for t in doc.sentence_tokens(s) {
            assert!(ok(t.span.start, t.span.end) && !t.span.is_empty(), "token {}", t.span);
            assert!(s.span.contains(t.span), "token outside its sentence");
        }
        for pair in doc.sentence_tokens(s).windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start, "tokens overlap or go back");
        }
    }
    assert_eq!(next_token, doc.tokens.len(), "every token belongs to a sentence");
}

/// Runs both stages, checking each writes only what it declares.
pub(crate) fn run_stages(mut doc: Document) -> Document {
    let before = (doc.text.clone(), doc.blocks.clone(), doc.meta.clone());
    let remover = FurnitureRemover::new();
    assert_eq!(remover.assigns(), &[Layer::Furniture]);
    remover.annotate(&mut doc).expect("furniture");
    assert!(doc.sentences.is_empty() && doc.tokens.is_empty(), "furniture wrote sentences");
    let furniture = doc.furniture.clone();
    SentenceSplitter::new().annotate(&mut doc).expect("sentences");
    assert_eq!(doc.furniture, furniture, "splitter changed furniture");
    assert_eq!(
        (doc.text.clone(), doc.blocks.clone(), doc.meta.clone()),
        before,
        "stages changed text or blocks"
    );
    check_document(&doc);
    doc
}

#[test]
fn every_stage_keeps_the_invariants() {
    for input in INPUTS {
        run_stages(document_from_text(input.to_string(), DocMeta::default()));
        let html =
            format!("<html><body><article><h1>T</h1><p>{}</p></article></body></html>", input);
        if let Ok(doc) = document_from_html(&html, DocMeta::default()) {
            run_stages(doc);
        }
    }
}

/// A small deterministic generator (no dependency needed for a fuzz loop).
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn garbage_never_panics() {
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    let alphabet: Vec<char> =
        "ab Z.\n,;:!?\"'’“”—–-…()[]|&#<>/=@$%*0123456789 Mr. U.S. n't \t\r\u{feff}ü日"
            .chars()
            .collect();
    let page = "<html><head><title>Summit | Site</title></head><body><nav><a href=x>Home</a></nav><article><h1>Summit Ends</h1><p>Leaders met &amp; talked on Nov. 3.</p><p>“We agreed,” Mr. Li said.</p></article><footer>&copy; 2025</footer></body></html>";
    for round in 0..300 {
        // Random text from a punctuation-heavy alphabet.
        let len = (rng.next() % 200) as usize;
        let text: String =
            (0..len).map(|_| alphabet[(rng.next() % alphabet.len() as u64) as usize]).collect();
        run_stages(document_from_text(text.clone(), DocMeta::default()));
        // Random bytes as HTML and as a JSONL stream.
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let lossy = String::from_utf8_lossy(&bytes).into_owned();
        if let Ok(doc) = document_from_html(&lossy, DocMeta::default()) {
            run_stages(doc);
        }
        if let Ok(doc) = document_from_html(&text, DocMeta::default()) {
            run_stages(doc);
        }
        for doc in read_jsonl(bytes.as_slice(), "fuzz.jsonl").flatten() {
            run_stages(doc);
        }
        // A real page cut at every length (on a char boundary).
        let cut = (round * 7) % page.len();
        if page.is_char_boundary(cut) {
            if let Ok(doc) = document_from_html(&page[..cut], DocMeta::default()) {
                run_stages(doc);
            }
        }
        // Garbage JSON records.
        let line = format!(
            "{{\"id\": \"{round}\", \"text\": {text:?}}}\n{{\"id\": [1], \"html\": 3}}\n{{\"id\"\n"
        );
        for doc in read_jsonl(line.as_bytes(), "fuzz.jsonl").flatten() {
            run_stages(doc);
        }
    }
}

#[test]
fn deep_and_huge_html_does_not_overflow() {
    let deep = |n: usize| {
        format!("{}Deep text at the bottom of the page.{}", "<div>".repeat(n), "</div>".repeat(n))
    };
    let doc = document_from_html(&deep(300), DocMeta::default()).expect("reads");
    assert!(doc.text.contains("Deep text"));
    let err = document_from_html(&deep(50_000), DocMeta::default()).expect_err("too deep");
    assert!(matches!(err, crate::TextError::TooDeep { .. }), "{err}");
    // Thousands of unclosed paragraphs are ordinary old HTML, not deep nesting.
    let flat = "<p>One more paragraph of text.".repeat(5_000);
    assert!(document_from_html(&flat, DocMeta::default()).is_ok());
    let long_word = "a".repeat(200_000);
    run_stages(document_from_text(format!("H\n{long_word}. {long_word}"), DocMeta::default()));
    let commas = "a,".repeat(100_000);
    run_stages(document_from_text(format!("H\n{commas}"), DocMeta::default()));
}
