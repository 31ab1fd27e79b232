//! Writers for what the `parley` commands print: plain sentences, sentences
//! as JSON Lines, and the kept/dropped explanation of a document's blocks.

use std::io::{self, Write};

use parley_doc::{BlockKind, Document};

/// One sentence per line, blank space inside a sentence collapsed to one space.
pub fn write_sentences(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    for sentence in &doc.sentences {
        writeln!(out, "{}", one_line(doc.slice(sentence.span)))?;
    }
    Ok(())
}

/// One JSON object per sentence: `{"doc_id", "index", "start", "end", "kind", "text"}`,
/// where `start`/`end` are byte offsets into the document text and `text`
/// is exactly `&text[start..end]`.
pub fn write_sentences_json(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    for (index, sentence) in doc.sentences.iter().enumerate() {
        let record = serde_json::json!({
            "doc_id": doc.meta.id,
            "index": index,
            "start": sentence.span.start,
            "end": sentence.span.end,
            "kind": block_kind_name(sentence.kind),
            "text": doc.slice(sentence.span),
        });
        writeln!(out, "{record}")?;
    }
    Ok(())
}

/// Every block of the document in order, cut where furniture starts and
/// ends: each piece marked `keep <block kind>` or `drop <rule>`, with its
/// byte span and text.
pub fn write_explain(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# {} ({})", doc.meta.id, doc.meta.origin)?;
    for (span, reason) in parley_text::explain(doc) {
        let (verdict, why) = match reason {
            Some(rule) => ("drop", rule),
            None => {
                let kind = doc.blocks.iter().find(|b| b.span.contains(span)).map(|b| b.kind);
                ("keep", kind.map_or("text", block_kind_name))
            }
        };
        writeln!(
            out,
            "{verdict} {why:<18} {:>6}..{:<6} {}",
            span.start,
            span.end,
            one_line(doc.slice(span))
        )?;
    }
    writeln!(out)
}

fn block_kind_name(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Headline => "headline",
        BlockKind::Heading => "heading",
        BlockKind::Paragraph => "paragraph",
        BlockKind::ListItem => "list_item",
        BlockKind::TableRow => "table_row",
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use parley_doc::{Block, DocMeta, Furniture, Sentence, Span, TokenIdx};

    fn doc() -> Document {
        let text = "Talks resume\nBy Jane Roe\nKyiv and Moscow met.\n  Both sides spoke.";
        let mut doc = Document::new(DocMeta { id: "d1".into(), ..DocMeta::default() }, text.into());
        let span = |s: &str| {
            let start = text.find(s).expect("present");
            Span::new(text, start, start + s.len()).expect("valid")
        };
        doc.blocks = vec![
            Block { span: span("Talks resume"), kind: BlockKind::Headline },
            Block { span: span("By Jane Roe"), kind: BlockKind::Paragraph },
            Block {
                span: span("Kyiv and Moscow met.\n  Both sides spoke."),
                kind: BlockKind::Paragraph,
            },
        ];
        doc.furniture = vec![Furniture { span: span("By Jane Roe"), reason: "byline".into() }];
        doc.sentences = vec![
            Sentence {
                span: span("Talks resume"),
                first_token: TokenIdx(0),
                end_token: TokenIdx(0),
                kind: BlockKind::Headline,
            },
            Sentence {
                span: span("Kyiv and Moscow met.\n  Both sides spoke."),
                first_token: TokenIdx(0),
                end_token: TokenIdx(0),
                kind: BlockKind::Paragraph,
            },
        ];
        doc
    }

    #[test]
    fn json_spans_slice_back_to_the_text() {
        let doc = doc();
        let mut out = Vec::new();
        write_sentences_json(&doc, &mut out).expect("written");
        let text = String::from_utf8(out).expect("utf8");
        for line in text.lines() {
            let value: serde_json::Value = serde_json::from_str(line).expect("json");
            let start = value["start"].as_u64().expect("start") as usize;
            let end = value["end"].as_u64().expect("end") as usize;
            assert_eq!(&doc.text[start..end], value["text"].as_str().expect("text"));
            assert_eq!(value["doc_id"], "d1");
        }
        assert_eq!(text.lines().count(), 2);
    }

    #[test]
    fn plain_sentences_are_one_line_each() {
        let mut out = Vec::new();
        write_sentences(&doc(), &mut out).expect("written");
        assert_eq!(
            String::from_utf8(out).expect("utf8"),
            "Talks resume\nKyiv and Moscow met. Both sides spoke.\n"
        );
    }

    #[test]
    fn explain_marks_dropped_blocks_with_their_reason() {
        let mut out = Vec::new();
        write_explain(&doc(), &mut out).expect("written");
        let text = String::from_utf8(out).expect("utf8");
        assert!(
            text.lines().any(|l| l.starts_with("drop byline") && l.ends_with("By Jane Roe")),
            "{text}"
        );
        assert!(
            text.lines().any(|l| l.starts_with("keep headline") && l.ends_with("Talks resume")),
            "{text}"
        );
    }
}
