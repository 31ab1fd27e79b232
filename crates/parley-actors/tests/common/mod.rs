//! A rough tokenizer and sentence splitter for tests: enough to build
//! documents by hand without parley-text.
#![allow(dead_code)]

use parley_doc::{BlockKind, DocMeta, Document, Sentence, Span, Token, TokenIdx};

fn is_abbrev(word: &str) -> bool {
    let core = word.trim_end_matches('.');
    // "Mr.", "U.S.", "Gen.", "Nov."
    (core.contains('.') && core.chars().all(|c| c.is_alphabetic() || c == '.'))
        || matches!(
            core,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "Gen"
                | "Lt"
                | "Col"
                | "Sen"
                | "Rep"
                | "St"
                | "Jr"
                | "No"
                | "Nov"
                | "Dec"
                | "Jan"
                | "Feb"
                | "Aug"
                | "Sept"
                | "Oct"
                | "Gov"
                | "Prof"
        )
}

/// Tokens: whitespace-separated words, with leading and trailing
/// punctuation split off (keeping the full stop of abbreviations).
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut pos = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        let start = pos;
        pos += word.len();
        let w = word.trim_end();
        if w.is_empty() {
            continue;
        }
        let mut s = start;
        let mut e = start + w.len();
        let lead = |c: char| "\"“‘('[".contains(c);
        while s < e {
            let c = text[s..e].chars().next().unwrap_or(' ');
            if lead(c) {
                out.push(Token::new(Span::new(text, s, s + c.len_utf8()).expect("span")));
                s += c.len_utf8();
            } else {
                break;
            }
        }
        let mut tail = Vec::new();
        while s < e {
            let c = text[s..e].chars().next_back().unwrap_or(' ');
            let trail = "\"”’),;:!?]".contains(c) || (c == '.' && !is_abbrev(&text[s..e]));
            if trail {
                tail.push(Span::new(text, e - c.len_utf8(), e).expect("span"));
                e -= c.len_utf8();
            } else {
                break;
            }
        }
        if s < e {
            out.push(Token::new(Span::new(text, s, e).expect("span")));
        }
        for span in tail.into_iter().rev() {
            out.push(Token::new(span));
        }
    }
    out
}

/// A document split into sentences at ". ", "? ", "! " and line breaks.
pub fn document(id: &str, date: Option<&str>, text: &str) -> Document {
    let meta = DocMeta { id: id.to_string(), date: date.map(str::to_string), ..DocMeta::default() };
    let mut doc = Document::new(meta, text.to_string());
    doc.tokens = tokens(text);
    let mut first = 0usize;
    for i in 0..doc.tokens.len() {
        let t = &doc.tokens[i];
        let form = &text[t.span.start..t.span.end];
        let next_gap = doc.tokens.get(i + 1).map(|n| &text[t.span.end..n.span.start]);
        let ends = matches!(form, "." | "?" | "!")
            || next_gap.is_some_and(|g| g.contains('\n'))
            || i + 1 == doc.tokens.len();
        if ends {
            let span = Span::new(text, doc.tokens[first].span.start, t.span.end).expect("span");
            doc.sentences.push(Sentence {
                span,
                first_token: TokenIdx(first as u32),
                end_token: TokenIdx(i as u32 + 1),
                kind: BlockKind::Paragraph,
            });
            first = i + 1;
        }
    }
    doc
}

/// A document read, cleaned, split and tokenized by parley-text, as the
/// pipeline does before the actor stage.
pub fn pipeline_document(id: &str, date: Option<&str>, text: &str) -> Document {
    use parley_doc::Annotator;
    let meta = DocMeta { id: id.to_string(), date: date.map(str::to_string), ..DocMeta::default() };
    let mut doc = parley_text::document_from_text(text.to_string(), meta);
    parley_text::FurnitureRemover::new().annotate(&mut doc).expect("furniture");
    parley_text::SentenceSplitter::new().annotate(&mut doc).expect("sentences");
    doc
}

/// `../shared/data` beside the repository.
pub fn shared_data(rel: &str) -> std::path::PathBuf {
    let p = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"))
        .join(rel);
    assert!(
        p.exists(),
        "shared data missing: {} (the tests need ../shared/data beside the repository)",
        p.display()
    );
    p
}
