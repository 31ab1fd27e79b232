//! Page furniture: what a scraped page carries besides the article.
//!
//! Two kinds of evidence, in the manner of boilerplate removers such as
//! jusText and trafilatura. Line rules ([`rules`]) look at one block: its
//! shape (length, final punctuation, capitalisation) and phrasing that
//! page templates share ("Updated:", "Share this", "/AP Photo"), kept as
//! data in `data/text/furniture.txt` ([`FurnitureLexicon`]). Context
//! passes ([`context`]) then find the body: prose blocks (long, ending
//! like sentences, dense in stop words) mark where it starts and ends;
//! short lines before it, everything after it that does not continue it,
//! runs of menu words, lists under a "Related" heading, comment sections
//! and unpunctuated caption-length lines inside it are furniture. None of
//! this names a particular site. Each rule has a short kebab-case name
//! that is kept as the [`Furniture::reason`].

mod context;
mod dateline;
mod lexicon;
mod live_label;
mod rules;

use std::sync::Arc;

use parley_doc::{Annotator, BlockKind, DocError, Document, Furniture, Layer, Span};

use self::lexicon::normalise;
pub use self::lexicon::FurnitureLexicon;
use crate::reader::ends_like_sentence;

/// Marks page furniture in `doc.furniture` (replacing any there): bylines,
/// timestamps, photo captions and credits, advertisements, share,
/// comment and newsletter prompts, correction and other notices,
/// related-story and most-read lists, tag lists, navigation, comment
/// sections, author bios, contributor credits, key-point headings,
/// repeated headlines, separators. The headline and body sentences are
/// kept.
#[derive(Debug, Clone)]
pub struct FurnitureRemover {
    lexicon: Arc<FurnitureLexicon>,
}

impl Default for FurnitureRemover {
    fn default() -> Self {
        FurnitureRemover::new()
    }
}

impl FurnitureRemover {
    /// A remover with the embedded vocabulary.
    pub fn new() -> FurnitureRemover {
        FurnitureRemover { lexicon: Arc::new(FurnitureLexicon::embedded().clone()) }
    }

    /// A remover with another vocabulary (see [`FurnitureLexicon::embedded_with`]).
    pub fn with_lexicon(lexicon: FurnitureLexicon) -> FurnitureRemover {
        FurnitureRemover { lexicon: Arc::new(lexicon) }
    }
}

impl Annotator for FurnitureRemover {
    fn name(&self) -> &'static str {
        "furniture"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Text, Layer::Blocks]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Furniture]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), DocError> {
        let furniture = find_furniture(doc, &self.lexicon);
        doc.furniture = furniture;
        Ok(())
    }
}

/// Every block of the document, cut where furniture starts and ends: each
/// piece with the rule that dropped it, or `None` where it is kept (for
/// `parley sentences --explain`).
pub fn explain(doc: &Document) -> Vec<(Span, Option<&str>)> {
    let mut out = Vec::new();
    for block in &doc.blocks {
        let mut at = block.span.start;
        let mut inside: Vec<&Furniture> =
            doc.furniture.iter().filter(|f| f.span.overlaps(block.span)).collect();
        inside.sort_by_key(|f| f.span.start);
        for f in inside {
            let start = f.span.start.max(at);
            let end = f.span.end.min(block.span.end);
            if start >= end {
                continue;
            }
            if at < start {
                out.push((Span::new_unchecked(at, start), None));
            }
            out.push((Span::new_unchecked(start, end), Some(f.reason.as_str())));
            at = end;
        }
        if at < block.span.end {
            out.push((Span::new_unchecked(at, block.span.end), None));
        }
    }
    out
}

/// What a rule sees of a block.
struct Line<'a> {
    text: &'a str,
    /// Lowercase, blank space collapsed, curly apostrophes straight.
    lower: String,
    words: usize,
    kind: BlockKind,
    /// Index among blocks, and blocks after this one.
    index: usize,
    from_end: usize,
    /// Whether the block ends like a sentence.
    sentence: bool,
    /// Share of its words that are stop words (0 to 1).
    stop_density: f64,
    /// Whether it comes before the first block shaped like prose (see
    /// `context::is_good`), where bylines and titles sit.
    before_body: bool,
}

/// The furniture reason of each block (`None`: kept).
type Reasons = Vec<Option<&'static str>>;

/// The reasons that drop even the first line of a text, which is
/// otherwise kept as the headline: prompts and labels a page opens with.
const OPENING_CHROME: &[&str] = &[
    "comment-prompt",
    "prompt",
    "site-link",
    "newsletter",
    "share-prompt",
    "advertisement",
    "related",
    "notice",
    "cookie-notice",
    "media-prompt",
];

fn lines_of<'a>(doc: &'a Document, lex: &FurnitureLexicon) -> Vec<Line<'a>> {
    let n = doc.blocks.len();
    let mut lines = doc
        .blocks
        .iter()
        .enumerate()
        .map(|(index, block)| {
            let text = &doc.text[block.span];
            let lower = normalise(text).trim_end().to_string();
            let words = text.split_whitespace().count();
            let stops = lower
                .split_whitespace()
                .filter(|w| lex.has("stop-words", w.trim_matches(|c: char| !c.is_alphanumeric())))
                .count();
            Line {
                text,
                words,
                lower,
                kind: block.kind,
                index,
                from_end: n - 1 - index,
                sentence: ends_like_sentence(text),
                stop_density: stops as f64 / words.max(1) as f64,
                before_body: false,
            }
        })
        .collect::<Vec<_>>();
    let first_prose = lines.iter().position(context::is_good).unwrap_or(0);
    for line in &mut lines[..first_prose] {
        line.before_body = true;
    }
    lines
}

fn find_furniture(doc: &Document, lex: &FurnitureLexicon) -> Vec<Furniture> {
    let lines = lines_of(doc, lex);
    let headline =
        lines.iter().find(|l| l.kind == BlockKind::Headline).map(|l| rules::squash(&l.lower));

    let mut reasons: Reasons = vec![None; lines.len()];
    for line in &lines {
        let opening = line.kind == BlockKind::Headline && line.index == 0;
        let reason = rules::rule(line, headline.as_deref().filter(|_| !opening), lex);
        reasons[line.index] =
            if opening { reason.filter(|r| OPENING_CHROME.contains(r)) } else { reason };
    }
    context::lists(&lines, &mut reasons);
    let from_markup = doc.source_map.is_some();
    context::menus(&lines, &mut reasons, from_markup);
    context::body(&lines, &mut reasons, lex, from_markup);
    context::end_matter(&lines, &mut reasons);

    let mut out: Vec<Furniture> = doc
        .blocks
        .iter()
        .zip(&reasons)
        .filter_map(|(block, reason)| {
            reason.map(|r| Furniture { span: block.span, reason: r.to_string() })
        })
        .collect();
    // A live-blog label glued to the headline or an opening line ("Ukraine
    // war live: Orbán meets Putin"): the label goes, the headline stays.
    for line in lines.iter().take(3).filter(|l| reasons[l.index].is_none()) {
        if let Some(len) = live_label::live_label_prefix(line.text, lex) {
            let start = doc.blocks[line.index].span.start;
            out.push(Furniture {
                span: Span::new_unchecked(start, start + len),
                reason: "live-label".to_string(),
            });
        }
    }
    // A dateline opening the first paragraphs of the body ("KYIV, Ukraine
    // (AP) —"): the place and agency are not part of the first sentence.
    let body = lines.iter().filter(|l| l.kind != BlockKind::Headline && reasons[l.index].is_none());
    for line in body.take(3) {
        if let Some(len) = dateline::dateline_prefix(line.text) {
            let start = doc.blocks[line.index].span.start;
            out.push(Furniture {
                span: Span::new_unchecked(start, start + len),
                reason: "dateline".to_string(),
            });
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::dateline::dateline_prefix;
    use super::*;
    use parley_doc::DocMeta;

    /// Each block's text with the reason it was dropped (`None`: kept).
    pub(super) fn reasons(text: &str) -> Vec<(String, Option<String>)> {
        let mut doc = crate::document_from_text(text.to_string(), DocMeta::default());
        FurnitureRemover::new().annotate(&mut doc).expect("annotates");
        explain(&doc)
            .into_iter()
            .map(|(span, r)| (doc.text[span].to_string(), r.map(str::to_string)))
            .collect()
    }

    #[test]
    fn table_of_furniture() {
        let page = "\
Envoys Agree to Resume Border Talks
Envoys Agree to Resume Border Talks
Soldiers patrol a checkpoint near the border on March 3, 2025. Jane Doe/AP Photo
By Maria Lopez and Tom Hale
Updated: March 4, 2025 3:45 PM ET
0:00
Advertisement
Share this article
Envoys from both countries agreed on Tuesday to resume talks.
Mr. Ortiz told Reuters the deal was close.
Key Points
What Comes Next
The talks will resume in May.
Sign up for our daily newsletter
Correction: An earlier version misstated the date.
Read more: Border Clashes Leave Five Dead
Related Topics
Border Clashes Leave Five Dead
The Associated Press contributed to this report.
Maria Lopez
Senior Diplomatic Correspondent
Maria Lopez is a diplomatic correspondent for the Daily Wire covering Latin America.
twitter
© 2025 Daily Wire. All rights reserved.
---|---
";
        let got = reasons(page);
        let expected: &[(&str, Option<&str>)] = &[
            ("Envoys Agree to Resume Border Talks", None),
            ("Envoys Agree to Resume Border Talks", Some("repeated-headline")),
            ("Soldiers patrol a checkpoint near the border on March 3, 2025. Jane Doe/AP Photo", Some("caption")),
            ("By Maria Lopez and Tom Hale", Some("byline")),
            ("Updated: March 4, 2025 3:45 PM ET", Some("timestamp")),
            ("0:00", Some("timestamp")),
            ("Advertisement", Some("advertisement")),
            ("Share this article", Some("share-prompt")),
            ("Envoys from both countries agreed on Tuesday to resume talks.", None),
            ("Mr. Ortiz told Reuters the deal was close.", None),
            ("Key Points", Some("key-points-heading")),
            ("What Comes Next", None),
            ("The talks will resume in May.", None),
            ("Sign up for our daily newsletter", Some("newsletter")),
            ("Correction: An earlier version misstated the date.", Some("correction-notice")),
            ("Read more: Border Clashes Leave Five Dead", Some("related")),
            ("Related Topics", Some("related")),
            ("Border Clashes Leave Five Dead", Some("related")),
            ("The Associated Press contributed to this report.", Some("contributor-credit")),
            ("Maria Lopez", Some("after-body")),
            ("Senior Diplomatic Correspondent", Some("author-title")),
            ("Maria Lopez is a diplomatic correspondent for the Daily Wire covering Latin America.", Some("author-bio")),
            ("twitter", Some("share-prompt")),
            ("© 2025 Daily Wire. All rights reserved.", Some("copyright")),
            ("---|---", Some("separator")),
        ];
        let expected: Vec<(String, Option<String>)> =
            expected.iter().map(|(t, r)| (t.to_string(), r.map(str::to_string))).collect();
        for (g, e) in got.iter().zip(&expected) {
            assert_eq!(g, e);
        }
        assert_eq!(got.len(), expected.len());
    }

    #[test]
    fn datelines_are_cut_from_the_first_paragraph() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "KYIV, Ukraine (AP) — Russia launched drones at the capital overnight.",
                Some("KYIV, Ukraine (AP) — "),
            ),
            (
                "MANILA, March 11 (WorldWire) - The Philippines summoned the envoy.",
                Some("MANILA, March 11 (WorldWire) - "),
            ),
            ("TBILISI — Tens of thousands of people marched on parliament.", Some("TBILISI — ")),
            (
                "ST. PETERSBURG, Russia — Officials said the port was closed.",
                Some("ST. PETERSBURG, Russia — "),
            ),
            ("NATO — the alliance of 32 states — met on Tuesday.", None),
            (
                "BANGKOK: Thailand's prime minister dissolved parliament on Friday.",
                Some("BANGKOK: "),
            ),
            ("UPDATE 2: Thailand's prime minister dissolved parliament.", None),
            ("The EU: a union of 27 states that met on Friday.", None),
            ("RISHI RAGE: Ex-minister slams party's 'suicide note' manifesto", None),
            ("The ministry said — without giving details — that talks had ended.", None),
            ("Russia and Ukraine - which have been at war since 2022 - met.", None),
        ];
        for (text, want) in cases {
            let got = dateline_prefix(text).map(|n| &text[..n]);
            assert_eq!(got, *want, "{text}");
        }
        // Only at the top of the body, and the rest of the paragraph stays.
        let got = reasons("Drones Hit Kyiv\nKYIV, Ukraine (AP) — Russia launched drones at the capital overnight.\n");
        assert_eq!(got[1], ("KYIV, Ukraine (AP) — ".to_string(), Some("dateline".to_string())));
        assert_eq!(got[2], ("Russia launched drones at the capital overnight.".to_string(), None));
    }

    #[test]
    fn a_labelled_title_at_the_end_is_end_matter() {
        let got = reasons(
            "Envoys Meet\nEnvoys met in Doha on Tuesday.\nOur Standards: The Trust Principles.\n",
        );
        assert_eq!(got[2].1.as_deref(), Some("end-matter"));
        let got = reasons("Envoys Meet\nEnvoys met in Doha on Tuesday.\nThe minister said: the talks went well.\n");
        assert_eq!(got[2].1, None);
    }

    #[test]
    fn body_lines_that_look_like_furniture_are_kept() {
        let page = "\
Sanctions Widen
The ministry said the new sanctions would take effect on Monday.
Sen. Maria Lopez is a member of the foreign relations committee.
He said the talks could be updated later.
Officials shared details of the plan with reporters.
Advertisers pulled out of the state broadcaster last year.
";
        for (text, reason) in reasons(page) {
            assert_eq!(reason, None, "{text:?} should be kept");
        }
    }
}
