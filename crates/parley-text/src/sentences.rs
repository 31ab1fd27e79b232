//! Sentence splitting over the kept parts of blocks.

use parley_doc::{
    Annotator, BlockKind, DocError, Document, Layer, Sentence, Span, Token, TokenIdx,
};

use crate::tokenize::{is_abbreviation, tokenize_span, RawToken};

/// A sentence longer than this many tokens is cut: run-on scraped text
/// (a menu with no periods) must not reach the parser as one huge sentence.
const MAX_SENTENCE_TOKENS: usize = 300;

/// Splits the text that furniture removal kept into sentences and tokens.
///
/// Sentences never cross a block boundary and never include furniture;
/// table rows are split at their `|` cell bars, which are dropped.
/// Writes `doc.sentences` and `doc.tokens` (replacing any there).
#[derive(Debug, Clone, Copy, Default)]
pub struct SentenceSplitter;

impl SentenceSplitter {
    /// A splitter.
    pub fn new() -> SentenceSplitter {
        SentenceSplitter
    }
}

impl Annotator for SentenceSplitter {
    fn name(&self) -> &'static str {
        "sentences"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Text, Layer::Blocks, Layer::Furniture]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Sentences]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), DocError> {
        let (sentences, tokens) = split_document(doc);
        doc.sentences = sentences;
        doc.tokens = tokens;
        Ok(())
    }
}

/// The kept regions of every block: the block minus furniture, table rows
/// cut at their bars, trimmed of blank space.
pub(crate) fn kept_regions(doc: &Document) -> Vec<(Span, BlockKind)> {
    let mut regions = Vec::new();
    let furniture = FurnitureIndex::new(doc);
    for block in &doc.blocks {
        let mut pieces = vec![block.span];
        for furniture in furniture.overlapping(block.span) {
            pieces = pieces
                .into_iter()
                .flat_map(|p| {
                    let mut out = Vec::new();
                    if !p.overlaps(furniture.span) {
                        out.push(p);
                        return out;
                    }
                    if p.start < furniture.span.start {
                        out.push(Span::new_unchecked(p.start, furniture.span.start));
                    }
                    if furniture.span.end < p.end {
                        out.push(Span::new_unchecked(furniture.span.end, p.end));
                    }
                    out
                })
                .collect();
        }
        for piece in pieces {
            if !doc.text.is_char_boundary(piece.start) || !doc.text.is_char_boundary(piece.end) {
                continue;
            }
            if block.kind == BlockKind::TableRow {
                let mut cell_start = piece.start;
                for (i, c) in doc.text[piece.range()].char_indices() {
                    if c == '|' {
                        push_trimmed(
                            &doc.text,
                            cell_start,
                            piece.start + i,
                            block.kind,
                            &mut regions,
                        );
                        cell_start = piece.start + i + 1;
                    }
                }
                push_trimmed(&doc.text, cell_start, piece.end, block.kind, &mut regions);
            } else {
                push_trimmed(&doc.text, piece.start, piece.end, block.kind, &mut regions);
            }
        }
    }
    regions
}

/// Furniture spans sorted by start, with the furthest end reached so far,
/// so that the spans over one block are found without a scan of them all
/// (a page of 200,000 furniture lines was quadratic).
struct FurnitureIndex<'d> {
    spans: Vec<&'d parley_doc::Furniture>,
    max_end: Vec<usize>,
}

impl<'d> FurnitureIndex<'d> {
    fn new(doc: &'d Document) -> FurnitureIndex<'d> {
        let mut spans: Vec<&parley_doc::Furniture> = doc.furniture.iter().collect();
        spans.sort_by_key(|f| f.span.start);
        let max_end = spans
            .iter()
            .scan(0, |furthest, f| {
                *furthest = (*furthest).max(f.span.end);
                Some(*furthest)
            })
            .collect();
        FurnitureIndex { spans, max_end }
    }

    /// The furniture overlapping `block`, in order of start.
    fn overlapping(&self, block: Span) -> Vec<&'d parley_doc::Furniture> {
        let starts_before_end = self.spans.partition_point(|f| f.span.start < block.end);
        // `max_end` never falls, so the spans that may reach into the
        // block start where it first passes the block's start.
        let first = self.max_end[..starts_before_end].partition_point(|&end| end <= block.start);
        self.spans[first..starts_before_end]
            .iter()
            .copied()
            .filter(|f| f.span.overlaps(block))
            .collect()
    }
}

fn push_trimmed(
    text: &str,
    start: usize,
    end: usize,
    kind: BlockKind,
    out: &mut Vec<(Span, BlockKind)>,
) {
    if let Some(span) = crate::reader::trimmed_span(text, start, end) {
        out.push((span, kind));
    }
}

fn split_document(doc: &Document) -> (Vec<Sentence>, Vec<Token>) {
    let mut sentences = Vec::new();
    let mut tokens: Vec<Token> = Vec::new();
    for (region, kind) in kept_regions(doc) {
        let raw = tokenize_span(&doc.text, region);
        for range in sentence_ranges(&doc.text, &raw) {
            let run = &raw[range];
            if !run.iter().any(|t| doc.text[t.span].chars().any(char::is_alphanumeric)) {
                continue;
            }
            let (Some(first), Some(last)) = (run.first(), run.last()) else { continue };
            let first_token = TokenIdx(tokens.len() as u32);
            for t in run {
                let mut token = Token::new(t.span);
                token.norm = t.norm.clone();
                token.space_after = doc.text[t.span.end..].starts_with(char::is_whitespace);
                tokens.push(token);
            }
            sentences.push(Sentence {
                span: first.span.cover(last.span),
                first_token,
                end_token: TokenIdx(tokens.len() as u32),
                kind,
            });
        }
    }
    (sentences, tokens)
}

/// Splits a region's tokens into sentences (ranges of token indices).
pub(crate) fn sentence_ranges(text: &str, tokens: &[RawToken]) -> Vec<std::ops::Range<usize>> {
    let form = |i: usize| tokens[i].norm.as_deref().unwrap_or(&text[tokens[i].span]);
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let f = form(i);
        let terminal = matches!(f, "." | "!" | "?" | "..." | "...." | "!!" | "?!");
        let abbrev_end =
            !terminal && f.len() > 1 && f.ends_with('.') && abbreviation_may_end(&f[..f.len() - 1]);
        if !terminal && !abbrev_end {
            if i + 1 - start >= MAX_SENTENCE_TOKENS {
                out.push(start..i + 1);
                start = i + 1;
            }
            i += 1;
            continue;
        }
        // Take more terminals and the closing quotes and brackets after them.
        let mut end = i + 1;
        while end < tokens.len() {
            let g = form(end);
            let glued = tokens[end].span.start == tokens[end - 1].span.end;
            let closing = matches!(g, ")" | "]" | "}")
                || (matches!(g, "\"" | "'") && closes_quote(text, tokens, end, glued));
            if matches!(g, "." | "!" | "?" | "...") || closing {
                end += 1;
            } else {
                break;
            }
        }
        let Some(next) = tokens.get(end) else {
            i = end;
            continue;
        };
        let next_form = form(end);
        let ellipsis = f.starts_with("..");
        let starts = if abbrev_end {
            starts_after_abbreviation(next_form)
        } else {
            starts_sentence(text, tokens, end)
                && !(ellipsis && next_form.starts_with(char::is_lowercase))
        };
        // A period glued to a lowercase word after it ("e.g.the") is not an end.
        let _ = next;
        if starts {
            out.push(start..end);
            start = end;
        }
        i = end;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// Whether a straight or curly quote at `idx` closes (rather than opens) a quotation.
fn closes_quote(text: &str, tokens: &[RawToken], idx: usize, glued_before: bool) -> bool {
    let raw = &text[tokens[idx].span];
    match raw {
        "”" | "’" | "»" => true,
        "“" | "‘" | "«" => false,
        // A straight quote closes when glued to what precedes and not to a word after.
        _ => {
            let glued_after =
                tokens.get(idx + 1).is_some_and(|n| n.span.start == tokens[idx].span.end);
            let next_is_word = glued_after
                && tokens
                    .get(idx + 1)
                    .is_some_and(|n| text[n.span].starts_with(char::is_alphanumeric));
            glued_before && !next_is_word
        }
    }
}

/// Whether the token at `idx` can open a sentence.
fn starts_sentence(text: &str, tokens: &[RawToken], idx: usize) -> bool {
    let raw = &text[tokens[idx].span];
    let Some(c) = raw.chars().next() else { return false };
    if c.is_uppercase() || c.is_ascii_digit() {
        return true;
    }
    if matches!(
        c,
        '“' | '‘'
            | '"'
            | '\''
            | '('
            | '['
            | '«'
            | '—'
            | '–'
            | '-'
            | '•'
            | '*'
            | '¿'
            | '¡'
            | '$'
            | '€'
            | '£'
    ) {
        // An opening mark starts a sentence if what follows it could.
        return tokens.get(idx + 1).is_none_or(|n| {
            let c = text[n.span].chars().next().unwrap_or(' ');
            !c.is_lowercase()
        });
    }
    false
}

/// Abbreviations that also end sentences when they come last
/// ("... sanctions on the U.S. The ..."): dotted acronyms and company suffixes.
fn abbreviation_may_end(stem: &str) -> bool {
    let lower = stem.to_lowercase();
    if matches!(lower.as_str(), "inc" | "corp" | "ltd" | "co" | "jr" | "sr" | "etc" | "bros") {
        return true;
    }
    stem.contains('.') && is_abbreviation(stem)
}

/// After such an abbreviation, only a word that typically opens a sentence
/// (a pronoun, article, conjunction...) starts one: "U.S. President" goes on,
/// "U.S. He said" does not.
fn starts_after_abbreviation(next: &str) -> bool {
    const OPENERS: &[&str] = &[
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "His",
        "Her",
        "Its",
        "Their",
        "Our",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "But",
        "And",
        "Or",
        "So",
        "Yet",
        "In",
        "On",
        "At",
        "As",
        "After",
        "Before",
        "When",
        "While",
        "If",
        "However",
        "Meanwhile",
        "Still",
        "Some",
        "Many",
        "Most",
        "No",
        "Officials",
        "What",
        "Why",
        "How",
        "Who",
        "Since",
        "Although",
        "Though",
        "Earlier",
        "Later",
        "Last",
        "Also",
        "Now",
        "Then",
        "\"",
        "'",
    ];
    OPENERS.contains(&next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parley_doc::{Block, DocMeta};

    fn sentences_of(text: &str) -> Vec<String> {
        let mut doc = Document::new(DocMeta::default(), text.to_string());
        doc.blocks =
            vec![Block { span: Span::new_unchecked(0, text.len()), kind: BlockKind::Paragraph }];
        SentenceSplitter.annotate(&mut doc).expect("annotates");
        doc.sentences.iter().map(|s| doc.text[s.span].to_string()).collect()
    }

    #[test]
    fn table_of_sentences() {
        let table: &[(&str, &[&str])] = &[
            ("Mr. Smith met Gen. Lee. They talked.", &["Mr. Smith met Gen. Lee.", "They talked."]),
            (
                "Sen. Ann Roe and Rep. Bo Li spoke with Gov. Kim and Dr. Ng on Nov. 3, 2023.",
                &["Sen. Ann Roe and Rep. Bo Li spoke with Gov. Kim and Dr. Ng on Nov. 3, 2023."],
            ),
            (
                "The U.S. and the U.N. agreed. U.S. President Biden spoke at 9 a.m. on Jan. 5.",
                &[
                    "The U.S. and the U.N. agreed.",
                    "U.S. President Biden spoke at 9 a.m. on Jan. 5.",
                ],
            ),
            (
                "Sanctions hit the U.S. The talks ended.",
                &["Sanctions hit the U.S.", "The talks ended."],
            ),
            (
                "J. R. R. Tolkien met George W. Bush. Both left.",
                &["J. R. R. Tolkien met George W. Bush.", "Both left."],
            ),
            (
                "Growth was 3.5 percent, or 1,000 jobs. It fell.",
                &["Growth was 3.5 percent, or 1,000 jobs.", "It fell."],
            ),
            (
                "“We will not yield. Never,” he said. Talks resumed.",
                &["“We will not yield.", "Never,” he said.", "Talks resumed."],
            ),
            (
                "“Will they come?” she asked. No one knew.",
                &["“Will they come?” she asked.", "No one knew."],
            ),
            (
                "It was said that it was “over.” The army left.",
                &["It was said that it was “over.”", "The army left."],
            ),
            (
                "Russia—which invaded in 2022—was not invited. Kyiv -- and its allies -- objected.",
                &[
                    "Russia—which invaded in 2022—was not invited.",
                    "Kyiv -- and its allies -- objected.",
                ],
            ),
            (
                "Peace will come when we ... achieve our goals. Victory is ours...",
                &["Peace will come when we ... achieve our goals.", "Victory is ours..."],
            ),
            (
                "a summit last week.At the event, members spoke.",
                &["a summit last week.", "At the event, members spoke."],
            ),
            (
                "how ... to negotiate.”“We’ve always supported diplomacy.",
                &["how ... to negotiate.”", "“We’ve always supported diplomacy."],
            ),
            (
                "Acme Inc. said on Friday it would comply (approx. $43.5 billion).",
                &["Acme Inc. said on Friday it would comply (approx. $43.5 billion)."],
            ),
            ("Talks at St. Peter’s Square began.", &["Talks at St. Peter’s Square began."]),
            ("No final punctuation here", &["No final punctuation here"]),
        ];
        for (input, expected) in table {
            assert_eq!(sentences_of(input), *expected, "splitting {input:?}");
        }
    }

    #[test]
    fn sentences_stay_in_blocks_and_out_of_furniture() {
        let text = "Ceasefire Talks Resume\nBy Ann Lee\nKey Points |\nEnvoys met in Doha. Both sides attended. |\nThe talks went on";
        let mut doc = crate::document_from_text(text.to_string(), DocMeta::default());
        doc.furniture
            .push(parley_doc::Furniture { span: doc.blocks[1].span, reason: "byline".into() });
        SentenceSplitter.annotate(&mut doc).expect("annotates");
        let got: Vec<(&str, BlockKind)> =
            doc.sentences.iter().map(|s| (&doc.text[s.span], s.kind)).collect();
        assert_eq!(
            got,
            vec![
                ("Ceasefire Talks Resume", BlockKind::Headline),
                ("Key Points", BlockKind::TableRow),
                ("Envoys met in Doha.", BlockKind::TableRow),
                ("Both sides attended.", BlockKind::TableRow),
                ("The talks went on", BlockKind::Heading),
            ]
        );
        let last = &doc.tokens[doc.sentences[4].token_range()];
        assert!(last[0].space_after);
        assert!(!last[last.len() - 1].space_after);
    }
}
