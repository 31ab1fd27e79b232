//! HTML to a [`Document`]: main-content extraction with a source map.
//!
//! The page is parsed once with `scraper` (html5ever) into blocks
//! (paragraphs, headings, list items, table rows), each remembering
//! whether it sat in page chrome (`nav`, `header`, `footer`, `aside`,
//! cookie banners...) and how much of it was link text. `trafilatura`
//! picks the main content; the blocks whose text it kept are the
//! document. When trafilatura fails or keeps too little, the blocks
//! inside `<article>`/`<main>` (else the body) outside chrome and with
//! few links are taken instead.
//!
//! Positions: html5ever does not report byte offsets, so the raw page is
//! scanned once more for its text runs (outside tags, comments, scripts
//! and styles, with entities decoded and their raw bytes remembered), and
//! each block's text is found in that stream, in order, ignoring blank
//! space; every matched run becomes a [`SourceMap`] segment.

use ego_tree::iter::Edge;
use parley_doc::{Block, BlockKind, DocMeta, Document, SourceMap, Span};
use scraper::{Html, Node, Selector};

use crate::error::TextError;
use crate::reader::is_iso_date;

/// Below this many characters of kept text, trafilatura's choice is
/// treated as a miss and the structural fallback is used.
const MIN_EXTRACTED_CHARS: usize = 250;

/// Reads an HTML page: the headline (first `<h1>`, else the `<title>`
/// without a " | Site" tail) and the main content's blocks, separated by
/// blank lines in `text`, with `source_map` leading back to the page's
/// bytes. Metadata missing from `meta` (date, title, url, source) is
/// filled from the page when it has it.
///
/// # Errors
/// [`TextError::Empty`] when the page has no text at all.
pub fn document_from_html(html: &str, mut meta: DocMeta) -> Result<Document, TextError> {
    // html5ever's tree building is quadratic in nesting depth: refuse
    // pathological pages before parsing rather than hang on them.
    let depth = nesting_depth(html);
    if depth > MAX_NESTING {
        return Err(TextError::TooDeep { origin: meta.origin.clone(), depth, limit: MAX_NESTING });
    }
    let dom = Html::parse_document(html);
    let page = collect_blocks(&dom);
    fill_meta(&dom, &mut meta);

    let extracted = extract_main(html);
    if let Some(extracted) = &extracted {
        if meta.date.is_none() {
            meta.date = extracted.date.clone();
        }
        if meta.source.is_none() {
            meta.source = extracted.sitename.clone();
        }
        if meta.title.is_none() {
            meta.title = extracted.title.clone();
        }
    }

    let fallback: Vec<&HtmlBlock> = structural_choice(&page);
    let chosen: Vec<&HtmlBlock> = match &extracted {
        Some(extracted) => {
            let kept: Vec<&HtmlBlock> = page
                .iter()
                .filter(|b| !b.in_chrome || b.kind == BlockKind::Heading)
                .filter(|b| extracted.contains(&b.text))
                // A block that is all link text (a section kicker, a
                // "more stories" link) is navigation even inside the article.
                .filter(|b| b.link_density() < 0.9 || b.is_h1)
                .collect();
            let kept_chars: usize = kept.iter().map(|b| b.text.len()).sum();
            let fallback_chars: usize = fallback.iter().map(|b| b.text.len()).sum();
            if kept_chars < MIN_EXTRACTED_CHARS && fallback_chars > kept_chars {
                tracing::debug!(
                    kept_chars,
                    fallback_chars,
                    "trafilatura kept little; using structural fallback"
                );
                fallback
            } else {
                kept
            }
        }
        None => fallback,
    };

    let headline = headline_text(&dom, &page);
    let mut parts: Vec<(String, BlockKind)> = Vec::new();
    if let Some(headline) = &headline {
        parts.push((headline.clone(), BlockKind::Headline));
    }
    for block in chosen {
        if parts.is_empty() && block.is_h1 {
            parts.push((block.text.clone(), BlockKind::Headline));
            continue;
        }
        // The h1 prepended above: skip its own block.
        if block.is_h1 && headline.as_deref() == Some(block.text.as_str()) {
            continue;
        }
        parts.push((block.text.clone(), block.kind));
    }
    if parts.is_empty() {
        // A page whose text is not in any block (e.g. bare text in <body>).
        let text = collapse_ws(&dom.root_element().text().collect::<String>());
        if !text.is_empty() {
            parts.push((text, BlockKind::Paragraph));
        }
    }
    if parts.iter().all(|(text, _)| text.is_empty()) {
        return Err(TextError::Empty { origin: meta.origin.clone() });
    }
    if meta.title.is_none() {
        meta.title = headline;
    }

    let stream = RawStream::scan(html);
    let mut text = String::new();
    let mut blocks = Vec::new();
    let mut map = SourceMap::new();
    let mut cursor = 0;
    for (part, kind) in parts {
        if part.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&part);
        blocks.push(Block { span: Span::new_unchecked(start, text.len()), kind });
        if let Some(next) = stream.map_block(&part, start, cursor, &mut map) {
            cursor = next;
        } else {
            // Not found after the cursor (the headline from <title>, or text
            // trafilatura reordered): look from the top, keep the cursor.
            stream.map_block(&part, start, 0, &mut map);
        }
    }
    let mut doc = Document::new(meta, text);
    doc.blocks = blocks;
    doc.source_map = Some(map);
    Ok(doc)
}

/// A block of the page as the DOM walk found it.
#[derive(Debug, Clone)]
struct HtmlBlock {
    text: String,
    kind: BlockKind,
    is_h1: bool,
    /// Inside nav/header/footer/aside/form or an element whose class or id
    /// names page chrome.
    in_chrome: bool,
    /// Inside `<article>` or `<main>`.
    in_article: bool,
    /// Characters of link text.
    link_chars: usize,
}

impl HtmlBlock {
    fn link_density(&self) -> f64 {
        let total = self.text.chars().filter(|c| !c.is_whitespace()).count().max(1);
        self.link_chars as f64 / total as f64
    }
}

const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "iframe", "button", "select",
    "option", "input", "textarea", "canvas", "object", "video", "audio", "math",
];
const CHROME_TAGS: &[&str] = &["nav", "header", "footer", "aside", "form", "menu", "dialog"];
/// Class or id words of page chrome (whole words of the attribute, split on `-`/`_`/space).
const CHROME_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "footer",
    "header",
    "masthead",
    "sidebar",
    "aside",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "banner",
    "newsletter",
    "subscribe",
    "signup",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sponsor",
    "sponsored",
    "comments",
    "comment",
    "popup",
    "modal",
    "toolbar",
    "byline",
    "author",
    "tags",
    "trending",
    "outbrain",
    "taboola",
    "paywall",
];
const BLOCK_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "blockquote",
    "pre",
    "div",
    "section",
    "article",
    "main",
    "figcaption",
    "figure",
    "dt",
    "dd",
    "ul",
    "ol",
    "table",
    "address",
    "center",
    "summary",
    "details",
    "body",
    "html",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "title",
    "time",
];

fn is_chrome_attr(value: &str) -> bool {
    value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|word| CHROME_WORDS.contains(&word.to_ascii_lowercase().as_str()))
}

/// Walks the DOM (iteratively: deep broken markup must not overflow the
/// stack) and cuts its text into blocks.
fn collect_blocks(dom: &Html) -> Vec<HtmlBlock> {
    struct Open {
        name: String,
        chrome: bool,
    }
    let mut blocks = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut skip = 0usize;
    let mut chrome = 0usize;
    let mut article = 0usize;
    let mut links = 0usize;
    let mut buf = String::new();
    let mut buf_links = 0usize;
    let mut buf_chrome = false;
    let mut buf_article = false;

    let flush = |buf: &mut String,
                 buf_links: &mut usize,
                 stack: &[Open],
                 chrome: bool,
                 article: bool,
                 blocks: &mut Vec<HtmlBlock>| {
        let text = collapse_ws(buf);
        if !text.is_empty() {
            let innermost = stack.iter().rev().map(|o| o.name.as_str()).find(|n| {
                matches!(
                    *n,
                    "h1" | "h2"
                        | "h3"
                        | "h4"
                        | "h5"
                        | "h6"
                        | "li"
                        | "tr"
                        | "p"
                        | "blockquote"
                        | "dd"
                        | "dt"
                )
            });
            let kind = match innermost {
                Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => BlockKind::Heading,
                Some("li" | "dd" | "dt") => BlockKind::ListItem,
                Some("tr") => BlockKind::TableRow,
                _ => BlockKind::Paragraph,
            };
            blocks.push(HtmlBlock {
                text,
                kind,
                is_h1: innermost == Some("h1"),
                in_chrome: chrome,
                in_article: article,
                link_chars: *buf_links,
            });
        }
        buf.clear();
        *buf_links = 0;
    };

    for edge in dom.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name().to_ascii_lowercase();
                    if skip > 0 || SKIPPED.contains(&name.as_str()) {
                        skip += 1;
                        stack.push(Open { name, chrome: false });
                        continue;
                    }
                    if BLOCK_TAGS.contains(&name.as_str()) {
                        flush(
                            &mut buf,
                            &mut buf_links,
                            &stack,
                            buf_chrome,
                            buf_article,
                            &mut blocks,
                        );
                    }
                    let is_chrome = CHROME_TAGS.contains(&name.as_str())
                        || el.attr("class").is_some_and(is_chrome_attr)
                        || el.attr("id").is_some_and(is_chrome_attr)
                        || el.attr("role").is_some_and(|r| {
                            matches!(r, "navigation" | "banner" | "contentinfo" | "complementary")
                        })
                        || el.attr("aria-hidden") == Some("true")
                        || el.attr("hidden").is_some();
                    if is_chrome {
                        chrome += 1;
                    }
                    if name == "article" || name == "main" {
                        article += 1;
                    }
                    if name == "a" {
                        links += 1;
                    }
                    if name == "br" {
                        buf.push(' ');
                    }
                    if (name == "td" || name == "th") && !buf.trim().is_empty() {
                        buf.push_str(" | ");
                    }
                    stack.push(Open { name, chrome: is_chrome });
                }
                Node::Text(text) if skip == 0 => {
                    if buf.trim().is_empty() {
                        buf_chrome = chrome > 0;
                        buf_article = article > 0;
                    }
                    buf.push_str(text);
                    if links > 0 {
                        buf_links += text.chars().filter(|c| !c.is_whitespace()).count();
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(_) = node.value() {
                    let Some(open) = stack.pop() else { continue };
                    if skip > 0 {
                        skip -= 1;
                        continue;
                    }
                    if BLOCK_TAGS.contains(&open.name.as_str()) {
                        // Flush with the closing element still counted as open.
                        stack.push(open);
                        flush(
                            &mut buf,
                            &mut buf_links,
                            &stack,
                            buf_chrome,
                            buf_article,
                            &mut blocks,
                        );
                        let Some(open) = stack.pop() else { continue };
                        close_counts(
                            &open.name,
                            open.chrome,
                            &mut chrome,
                            &mut article,
                            &mut links,
                        );
                    } else {
                        close_counts(
                            &open.name,
                            open.chrome,
                            &mut chrome,
                            &mut article,
                            &mut links,
                        );
                    }
                }
            }
        }
    }
    flush(&mut buf, &mut buf_links, &stack, buf_chrome, buf_article, &mut blocks);
    blocks
}

fn close_counts(
    name: &str,
    was_chrome: bool,
    chrome: &mut usize,
    article: &mut usize,
    links: &mut usize,
) {
    if was_chrome {
        *chrome = chrome.saturating_sub(1);
    }
    if name == "article" || name == "main" {
        *article = article.saturating_sub(1);
    }
    if name == "a" {
        *links = links.saturating_sub(1);
    }
}

/// The fallback: blocks in `<article>`/`<main>` when the page has them
/// (else all), outside chrome, mostly not link text.
fn structural_choice(page: &[HtmlBlock]) -> Vec<&HtmlBlock> {
    let has_article =
        page.iter().any(|b| b.in_article && !b.in_chrome && b.kind == BlockKind::Paragraph);
    page.iter()
        .filter(|b| !has_article || b.in_article || b.is_h1)
        .filter(|b| !b.in_chrome || b.is_h1)
        .filter(|b| b.link_density() < 0.5)
        .collect()
}

fn headline_text(dom: &Html, page: &[HtmlBlock]) -> Option<String> {
    if let Some(h1) =
        page.iter().find(|b| b.is_h1 && b.in_article).or_else(|| page.iter().find(|b| b.is_h1))
    {
        return Some(h1.text.clone());
    }
    if let Some(og) = meta_content(dom, &["og:title", "twitter:title"]) {
        return Some(og);
    }
    let title = select_text(dom, "title")?;
    // "Headline | Site" or "Headline - Site": keep the longer side's first part.
    for sep in [" | ", " – ", " — ", " - "] {
        if let Some((head, _)) = title.rsplit_once(sep) {
            if head.split_whitespace().count() >= 3 {
                return Some(head.trim().to_string());
            }
        }
    }
    Some(title)
}

fn select_text(dom: &Html, css: &str) -> Option<String> {
    let selector = Selector::parse(css).ok()?;
    let el = dom.select(&selector).next()?;
    let text = collapse_ws(&el.text().collect::<String>());
    (!text.is_empty()).then_some(text)
}

/// The `content` of the first `<meta>` whose `property`, `name` or
/// `itemprop` is one of `keys`.
fn meta_content(dom: &Html, keys: &[&str]) -> Option<String> {
    let selector = Selector::parse("meta").ok()?;
    for key in keys {
        for el in dom.select(&selector) {
            let v = el.value();
            let named = [v.attr("property"), v.attr("name"), v.attr("itemprop")]
                .into_iter()
                .flatten()
                .any(|n| n.eq_ignore_ascii_case(key));
            if named {
                if let Some(content) = v.attr("content").map(collapse_ws).filter(|c| !c.is_empty())
                {
                    return Some(content);
                }
            }
        }
    }
    None
}

fn fill_meta(dom: &Html, meta: &mut DocMeta) {
    if meta.date.is_none() {
        let from_meta = meta_content(
            dom,
            &[
                "article:published_time",
                "datePublished",
                "date",
                "pubdate",
                "publish-date",
                "dc.date",
                "og:published_time",
            ],
        );
        let from_time = || {
            let selector = Selector::parse("time[datetime]").ok()?;
            dom.select(&selector).next()?.value().attr("datetime").map(str::to_string)
        };
        meta.date = from_meta
            .or_else(from_time)
            .and_then(|d| d.get(..10).map(str::to_string))
            .filter(|d| is_iso_date(d));
    }
    if meta.url.is_none() {
        meta.url = meta_content(dom, &["og:url"]).or_else(|| {
            let selector = Selector::parse("link[rel=canonical]").ok()?;
            dom.select(&selector).next()?.value().attr("href").map(str::to_string)
        });
    }
    if meta.source.is_none() {
        meta.source = meta_content(dom, &["og:site_name", "application-name"]);
    }
}

/// What trafilatura kept, as text without blank space for containment tests.
struct Extracted {
    squeezed: String,
    date: Option<String>,
    sitename: Option<String>,
    title: Option<String>,
}

impl Extracted {
    fn contains(&self, block: &str) -> bool {
        let squeezed = squeeze(block);
        !squeezed.is_empty() && self.squeezed.contains(&squeezed)
    }
}

fn extract_main(html: &str) -> Option<Extracted> {
    let options = trafilatura::Options::default();
    // trafilatura is a large port; a panic inside it must not take the run down.
    let result = std::panic::catch_unwind(|| trafilatura::extract(html, &options));
    let result = match result {
        Ok(Ok(result)) => result,
        Ok(Err(err)) => {
            tracing::debug!(error = %err, "trafilatura found no main content");
            return None;
        }
        Err(_) => {
            tracing::warn!("trafilatura panicked; using structural fallback");
            return None;
        }
    };
    let non_empty = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    Some(Extracted {
        squeezed: squeeze(&result.content_text),
        date: result.metadata.date.map(|d| d.format("%Y-%m-%d").to_string()),
        sitename: non_empty(&result.metadata.sitename),
        title: non_empty(&result.metadata.title),
    })
}

/// Text without blank space or table bars, for comparing extractions
/// that format blocks differently.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && *c != '|').collect()
}

/// Blank-space runs to one space, trimmed.
pub(crate) fn collapse_ws(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The page's text characters outside markup, in order, without blank
/// space, each with the raw bytes it came from.
struct RawStream {
    /// The characters, blank space removed.
    chars: String,
    /// For each byte offset of `chars` where a char starts: its raw span.
    origins: Vec<(usize, Span)>,
}

impl RawStream {
    fn scan(html: &str) -> RawStream {
        let bytes = html.as_bytes();
        let mut chars = String::new();
        let mut origins = Vec::new();
        let mut i = 0;
        let mut push = |c: char, raw: Span, chars: &mut String| {
            if !c.is_whitespace() {
                origins.push((chars.len(), raw));
                chars.push(c);
            }
        };
        while i < bytes.len() {
            if bytes[i] == b'<' {
                if html[i..].starts_with("<!--") {
                    i = html[i + 4..].find("-->").map_or(bytes.len(), |p| i + 4 + p + 3);
                    continue;
                }
                let next = bytes.get(i + 1).copied().unwrap_or(b' ');
                if next.is_ascii_alphabetic() || next == b'/' || next == b'!' || next == b'?' {
                    let end = tag_end(bytes, i);
                    let name: String = html[i + 1..end]
                        .trim_start_matches('/')
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric())
                        .collect::<String>()
                        .to_ascii_lowercase();
                    i = end;
                    if next != b'/'
                        && matches!(
                            name.as_str(),
                            "script" | "style" | "noscript" | "template" | "textarea" | "title"
                        )
                    {
                        // Raw-text elements: skip to the matching close tag.
                        let close = format!("</{name}");
                        i = find_ci(&html[i..], &close).map_or(bytes.len(), |p| i + p);
                    }
                    continue;
                }
            }
            if bytes[i] == b'&' {
                if let Some((decoded, len)) = decode_entity(&html[i..]) {
                    push(decoded, Span::new_unchecked(i, i + len), &mut chars);
                    i += len;
                    continue;
                }
            }
            let c = html[i..].chars().next().unwrap_or(' ');
            push(c, Span::new_unchecked(i, i + c.len_utf8()), &mut chars);
            i += c.len_utf8();
        }
        RawStream { chars, origins }
    }

    fn origin_at(&self, offset: usize) -> Option<Span> {
        let idx = self.origins.partition_point(|(o, _)| *o < offset);
        self.origins.get(idx).filter(|(o, _)| *o == offset).map(|(_, raw)| *raw)
    }

    /// Finds `block` (placed at `text_start` in the document text) in the
    /// stream from `from` on and records its segments. Returns the stream
    /// offset after the match.
    fn map_block(
        &self,
        block: &str,
        text_start: usize,
        from: usize,
        map: &mut SourceMap,
    ) -> Option<usize> {
        let needle = squeeze_ws(block);
        if needle.is_empty() || from > self.chars.len() || !self.chars.is_char_boundary(from) {
            return None;
        }
        let found = from + self.chars[from..].find(&needle)?;
        let mut stream_pos = found;
        let mut pending: Option<(Span, Span)> = None;
        for (i, c) in block.char_indices() {
            if c.is_whitespace() {
                continue;
            }
            let raw = self.origin_at(stream_pos)?;
            stream_pos += c.len_utf8();
            let text = Span::new_unchecked(text_start + i, text_start + i + c.len_utf8());
            let copied = text.len() == raw.len();
            pending = match pending {
                Some((pt, pr))
                    if copied
                        && pt.len() == pr.len()
                        && pt.end == text.start
                        && pr.end == raw.start =>
                {
                    Some((pt.cover(text), pr.cover(raw)))
                }
                Some((pt, pr)) => {
                    map.push(pt, pr);
                    Some((text, raw))
                }
                None => Some((text, raw)),
            };
            // Blank space in the text that matches blank space in the page
            // extends a copied run too.
        }
        if let Some((pt, pr)) = pending {
            map.push(pt, pr);
        }
        Some(stream_pos)
    }
}

fn squeeze_ws(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Deepest nesting a page may have; real pages stay far below (a few dozen).
const MAX_NESTING: usize = 1000;

/// Estimated element nesting depth of a page, from its tags alone.
/// Elements that close themselves implicitly (`p`, `li`, `td`...) and
/// void elements (`br`, `img`...) are not counted.
fn nesting_depth(html: &str) -> usize {
    const UNCOUNTED: &[&str] = &[
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "br", "img", "hr", "meta", "link",
        "input", "area", "base", "col", "embed", "source", "track", "wbr", "param", "html", "head",
        "body", "tbody", "thead", "tfoot", "colgroup", "optgroup", "rp", "rt",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(p) = html[i..].find('<') {
        let at = i + p;
        let end = tag_end(bytes, at);
        // `end` is just past a `>` (ASCII) or the end of the page: both char boundaries.
        let inner_end = if end > at + 1 && bytes[end - 1] == b'>' { end - 1 } else { end };
        let tag = &html[at + 1..inner_end];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if !name.is_empty() && !UNCOUNTED.contains(&name.as_str()) && !tag.ends_with('/') {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                max = max.max(depth);
            }
        }
        i = end.max(at + 1);
    }
    max
}

/// Offset after the `>` closing the tag at `start`, skipping quoted attribute values.
fn tag_end(bytes: &[u8], start: usize) -> usize {
    let mut quote = None;
    let mut i = start + 1;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return i + 1,
            None => {}
        }
        i += 1;
    }
    bytes.len()
}

fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    let hay = haystack.as_bytes();
    let needle = needle.as_bytes();
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// Decodes the character reference at the start of `s` (`&amp;`, `&#8217;`,
/// `&#x2019;`): the character and the reference's length in bytes.
fn decode_entity(s: &str) -> Option<(char, usize)> {
    let end = s.get(..s.len().min(40))?.find(';')?;
    let body = &s[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code).unwrap_or('\u{fffd}')
    } else {
        named_entity(body)?
    };
    Some((c, end + 1))
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "sbquo" => '‚',
        "bdquo" => '„',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "laquo" => '«',
        "raquo" => '»',
        "middot" => '·',
        "bull" => '•',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "deg" => '°',
        "times" => '×',
        "shy" => '\u{ad}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "zwj" => '\u{200d}',
        "zwnj" => '\u{200c}',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "ccedil" => 'ç',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "szlig" => 'ß',
        "Eacute" => 'É',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Leaders Meet in Rome | The Daily Wire Service</title>
<meta property="article:published_time" content="2025-04-02T09:00:00Z"><script>var x = "<p>not text</p>";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<article><h1>Leaders Meet in Rome</h1>
<p>Leaders from twelve countries met in Rome on Tuesday to discuss a ceasefire &amp; aid.</p>
<p>The talks, hosted by Italy&rsquo;s foreign minister, ended without a deal.</p>
<p>Diplomats said a second round would follow in May, and that both sides had agreed to keep talking.</p>
<p>Officials described the atmosphere as tense but constructive throughout the two days of meetings.</p>
</article><footer><p>&copy; 2025 Daily Wire Service</p></footer></body></html>"#;

    #[test]
    fn page_text_blocks_and_source_map() {
        let doc = document_from_html(PAGE, DocMeta::default()).expect("page reads");
        assert_eq!(doc.blocks[0].kind, BlockKind::Headline);
        assert_eq!(&doc.text[doc.blocks[0].span], "Leaders Meet in Rome");
        assert!(doc.text.contains("ceasefire & aid."), "{}", doc.text);
        assert!(!doc.text.contains("cookies"), "{}", doc.text);
        assert!(!doc.text.contains("Home"), "{}", doc.text);
        assert!(!doc.text.contains("not text"));
        assert_eq!(doc.meta.date.as_deref(), Some("2025-04-02"));
        assert_eq!(doc.blocks.len(), 5, "{:?}", doc.blocks);
        let map = doc.source_map.as_ref().expect("html has a source map");
        // A copied word maps back byte for byte; an entity to its reference.
        let at = doc.text.find("ceasefire").expect("word");
        let raw = map.to_raw(Span::new_unchecked(at, at + 9)).expect("mapped");
        assert_eq!(&PAGE[raw], "ceasefire");
        let at = doc.text.find('&').expect("amp");
        let raw = map.to_raw(Span::new_unchecked(at, at + 1)).expect("mapped");
        assert_eq!(&PAGE[raw], "&amp;");
        let at = doc.text.find("Italy’s").expect("word");
        let raw = map.to_raw(Span::new_unchecked(at, at + "Italy’s".len())).expect("mapped");
        assert_eq!(&PAGE[raw], "Italy&rsquo;s");
        for block in &doc.blocks {
            let raw = map.to_raw(block.span).expect("every block maps");
            assert!(raw.end <= PAGE.len());
        }
    }

    #[test]
    fn broken_html_still_reads_and_no_text_is_an_error() {
        let doc = document_from_html("<p>Troops crossed the border <b>at dawn", DocMeta::default())
            .expect("reads");
        assert!(doc.text.contains("Troops crossed the border at dawn"), "{}", doc.text);
        let err = document_from_html("<html><body><img src=x></body></html>", DocMeta::default())
            .expect_err("no text");
        assert!(matches!(err, TextError::Empty { .. }));
    }
}
