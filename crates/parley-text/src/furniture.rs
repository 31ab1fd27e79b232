//! Page furniture: what a scraped page carries besides the article.
//!
//! Rules look at the shape of a block (length, final punctuation,
//! capitalisation), its position (near the top or the end of the page),
//! and phrasing that page templates use everywhere ("Updated:", "Share
//! this", "contributed to this report", "/AP Photo"). None names a
//! particular site. Each rule has a short kebab-case name that is kept as
//! the [`Furniture::reason`].

use parley_doc::{calendar, Annotator, BlockKind, DocError, Document, Furniture, Layer, Span};

use crate::reader::ends_like_sentence;

/// Marks page furniture in `doc.furniture` (replacing any there): bylines,
/// timestamps, photo captions and credits, advertisements, share and
/// newsletter prompts, correction notices, related-story lists, author
/// bios, contributor credits, key-point headings, repeated headlines,
/// separators. The headline and body sentences are kept.
#[derive(Debug, Clone, Copy, Default)]
pub struct FurnitureRemover;

impl FurnitureRemover {
    /// A remover with the built-in rules.
    pub fn new() -> FurnitureRemover {
        FurnitureRemover
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
        let furniture = find_furniture(doc);
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
}

fn find_furniture(doc: &Document) -> Vec<Furniture> {
    let n = doc.blocks.len();
    let lines: Vec<Line> = doc
        .blocks
        .iter()
        .enumerate()
        .map(|(index, block)| {
            let text = &doc.text[block.span];
            let lower = text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
                .replace('’', "'");
            Line {
                text,
                words: text.split_whitespace().count(),
                lower,
                kind: block.kind,
                index,
                from_end: n - 1 - index,
                sentence: ends_like_sentence(text),
            }
        })
        .collect();
    let headline = lines.iter().find(|l| l.kind == BlockKind::Headline).map(|l| squash(&l.lower));

    let mut reasons: Vec<Option<&'static str>> = vec![None; n];
    for line in &lines {
        if line.kind == BlockKind::Headline && line.index == 0 {
            continue;
        }
        reasons[line.index] = rule(line, headline.as_deref());
    }

    // A list of related stories: headline-shaped blocks after a "Related"
    // or "Read more" heading, up to the next ordinary paragraph.
    let mut in_related = false;
    for (i, line) in lines.iter().enumerate() {
        if reasons[i] == Some("related") && line.words <= 5 {
            in_related = true;
            continue;
        }
        if in_related {
            // A name-shaped topic ("South Sudan") is a related link here, not a byline.
            let weak = matches!(reasons[i], None | Some("byline" | "author-title"));
            if weak && (!line.sentence || line.kind == BlockKind::ListItem) && line.words <= 25 {
                reasons[i] = Some("related");
            } else if reasons[i] != Some("related") {
                in_related = false;
            }
        }
    }

    // End matter: once an author bio, contributor credit or related list
    // shows near the end, the short non-sentence lines after it go too
    // (names, titles, "twitter", topic tags).
    let end_start = lines.iter().position(|l| {
        matches!(reasons[l.index], Some("author-bio" | "contributor-credit" | "related"))
            && l.from_end < 12
    });
    if let Some(start) = end_start {
        for line in &lines[start..] {
            if reasons[line.index].is_none() && !line.sentence && line.words <= 12 {
                reasons[line.index] = Some("end-matter");
            }
        }
    }

    // A trailer of the page template: a short "Label: Title Case Words"
    // line among the last blocks ("Our Standards: The Trust Principles.").
    for line in lines.iter().filter(|l| l.from_end < 3) {
        if reasons[line.index].is_none() && is_labelled_title(line.text, line.words) {
            reasons[line.index] = Some("end-matter");
        }
    }

    let mut out: Vec<Furniture> = doc
        .blocks
        .iter()
        .zip(&reasons)
        .filter_map(|(block, reason)| {
            reason.map(|r| Furniture { span: block.span, reason: r.to_string() })
        })
        .collect();
    // A dateline opening the first paragraphs of the body ("KYIV, Ukraine
    // (AP) —"): the place and agency are not part of the first sentence.
    let body = lines.iter().filter(|l| l.kind != BlockKind::Headline && reasons[l.index].is_none());
    for line in body.take(3) {
        if let Some(len) = dateline_prefix(line.text) {
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

/// The length in bytes of a dateline that opens `text`, dash and space
/// included: a place in capitals ("WASHINGTON", "ST. PETERSBURG"), then
/// optionally a region, a date and an agency in brackets, then a dash.
/// The text after it must open a sentence; a capitalised acronym in a
/// sentence ("NATO — the alliance ...") is not a dateline.
fn dateline_prefix(text: &str) -> Option<usize> {
    let head = text.get(..text.len().min(90)).unwrap_or(text);
    let (dash_at, dash) = ["—", "–", " -- ", " - "]
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, *d)))
        .min_by_key(|&(i, _)| i)?;
    let prefix = text[..dash_at].trim();
    let words: Vec<&str> = prefix.split_whitespace().collect();
    if words.is_empty() || words.len() > 10 {
        return None;
    }
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    let capitals =
        |w: &str| letters(w) >= 2 && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    let place_words = words.iter().take_while(|w| capitals(w.trim_end_matches(','))).count();
    if place_words == 0 {
        return None;
    }
    // After the place: names, dates, numbers and a bracketed agency only.
    let mut in_brackets = false;
    for w in &words[place_words..] {
        if w.starts_with('(') {
            in_brackets = true;
        }
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        let capitalised =
            bare.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if !(in_brackets
            || capitalised
            || bare.is_empty()
            || calendar::month_number(bare).is_some())
        {
            return None;
        }
        if w.ends_with(')') {
            in_brackets = false;
        }
    }
    let marked = prefix.contains(',') || prefix.contains('(') || place_words == words.len();
    let rest_at = dash_at + dash.len();
    let rest = text[rest_at..].trim_start();
    let opens_sentence =
        rest.chars().next().is_some_and(|c| c.is_uppercase() || c == '“' || c == '"');
    (marked && opens_sentence && rest.split_whitespace().count() >= 4)
        .then(|| text.len() - rest.len())
}

/// "Our Standards: The Trust Principles.": a short label, a colon and a
/// title in capitals, with no sentence in it.
fn is_labelled_title(text: &str, words: usize) -> bool {
    let Some((label, title)) = text.split_once(": ") else {
        return false;
    };
    let small = ["of", "the", "and", "for", "to", "in", "on", "a", "an", "&"];
    words <= 8
        && label.split_whitespace().count() <= 3
        && title.split_whitespace().count() >= 2
        && title.split_whitespace().all(|w| {
            small.contains(&w)
                || w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        })
}

/// Lowercase letters and digits only, for comparing headlines.
fn squash(lower: &str) -> String {
    lower.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn rule(line: &Line, headline: Option<&str>) -> Option<&'static str> {
    let lower = line.lower.as_str();
    let near_top = line.index <= 8;
    let near_end = line.from_end <= 10;

    if is_separator(line.text) {
        return Some("separator");
    }
    if headline.is_some_and(|h| !h.is_empty() && squash(lower) == h) {
        return Some("repeated-headline");
    }
    if is_advertisement(lower, line.words) {
        return Some("advertisement");
    }
    if is_key_points_heading(lower) {
        return Some("key-points-heading");
    }
    if is_timestamp(lower, line.words) {
        return Some("timestamp");
    }
    if is_media_prompt(lower, line.words) {
        return Some("media-prompt");
    }
    if is_contributor_credit(lower, line.words) {
        return Some("contributor-credit");
    }
    if is_byline(line.text, line.words) {
        return Some("byline");
    }
    if is_caption_credit(line.text) {
        return Some("caption");
    }
    if is_correction(lower) {
        return Some("correction-notice");
    }
    if is_share_prompt(lower, line.words) {
        return Some("share-prompt");
    }
    if is_newsletter(lower, line.words) {
        return Some("newsletter");
    }
    if is_cookie_notice(lower, line.words) {
        return Some("cookie-notice");
    }
    if is_copyright(lower, line.words) {
        return Some("copyright");
    }
    if is_related(lower, line.words, line.sentence) {
        return Some("related");
    }
    if is_tags(lower, line.words) {
        return Some("tags");
    }
    if (near_end || line.index as f64 > 0.6 * (line.index + line.from_end) as f64)
        && is_author_bio(line.text, lower)
    {
        return Some("author-bio");
    }
    if (near_top || near_end) && !line.sentence && is_author_title(line.text, line.words) {
        return Some("author-title");
    }
    if (near_top || near_end) && line.kind != BlockKind::ListItem && is_lone_name(line.text) {
        return Some("byline");
    }
    None
}

/// Mostly symbols: `---|`, `* * *`, `•••`.
fn is_separator(text: &str) -> bool {
    let visible = text.chars().filter(|c| !c.is_whitespace()).count();
    let alnum = text.chars().filter(|c| c.is_alphanumeric()).count();
    visible > 0 && alnum * 10 < visible * 3
}

fn is_advertisement(lower: &str, words: usize) -> bool {
    let core = lower.trim_matches(|c: char| !c.is_alphanumeric());
    words <= 6
        && (matches!(
            core,
            "advertisement"
                | "advertisements"
                | "ad"
                | "ads"
                | "sponsored"
                | "sponsored content"
                | "paid content"
                | "promoted"
                | "promoted content"
                | "partner content"
        ) || core.starts_with("advertisement")
            || core.starts_with("skip advertisement")
            || core.contains("continues below advertisement")
            || core.contains("continue reading below")
            || core.starts_with("scroll to continue")
            || core.starts_with("article continues"))
}

fn is_key_points_heading(lower: &str) -> bool {
    let core = lower.trim_matches(|c: char| !c.is_alphanumeric()).trim();
    let core = core.trim_end_matches(|c: char| c == '|' || c == ':' || c.is_whitespace());
    let core = core.strip_prefix("the ").unwrap_or(core);
    const HEADS: &[&str] = &[
        "key points",
        "key takeaways",
        "key learning points",
        "key facts",
        "key highlights",
        "takeaways",
        "at a glance",
        "what you need to know",
        "highlights",
        "in brief",
        "tl;dr",
        "quick read",
        "the big picture",
        "main points",
        "story highlights",
        "summary points",
    ];
    HEADS.iter().any(|h| core == *h || (core.starts_with(h) && core.len() <= h.len() + 2))
}

/// "Updated: 3:45 PM", "Published Jan. 15, 2024", "0:00", "5 min read".
fn is_timestamp(lower: &str, words: usize) -> bool {
    if words > 14 {
        return false;
    }
    const LEADS: &[&str] = &[
        "updated",
        "published",
        "posted",
        "last updated",
        "first published",
        "modified",
        "last modified",
        "created",
    ];
    if LEADS.iter().any(|lead| {
        lower
            .strip_prefix(lead)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', ' ', ',']))
    }) && words <= 12
    {
        return true;
    }
    const TIME_WORDS: &[&str] = &[
        "am",
        "pm",
        "a.m",
        "p.m",
        "et",
        "est",
        "edt",
        "gmt",
        "utc",
        "bst",
        "cet",
        "cest",
        "pt",
        "pst",
        "pdt",
        "ct",
        "cst",
        "msk",
        "at",
        "on",
        "updated",
        "published",
        "posted",
        "min",
        "mins",
        "minute",
        "minutes",
        "read",
        "ago",
        "hour",
        "hours",
        "day",
        "days",
        "listen",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "today",
        "yesterday",
        "|",
        "-",
        "·",
        "•",
    ];
    let mut has_anchor = false;
    for word in lower.split_whitespace() {
        let w = word.trim_matches(|c: char| matches!(c, ',' | '.' | ':' | '(' | ')' | '/' | '|'));
        if w.is_empty() {
            continue;
        }
        if w.chars().all(|c| c.is_ascii_digit() || matches!(c, ':' | '/' | '-' | '.' | ','))
            && w.chars().any(|c| c.is_ascii_digit())
        {
            has_anchor = true;
            continue;
        }
        // "3:45pm", "10am"
        let stripped = w.trim_end_matches("am").trim_end_matches("pm");
        if stripped.len() < w.len()
            && !stripped.is_empty()
            && stripped.chars().all(|c| c.is_ascii_digit() || c == ':')
        {
            has_anchor = true;
            continue;
        }
        if calendar::month_number(w).is_some() {
            has_anchor = true;
            continue;
        }
        if !TIME_WORDS.contains(&w) && calendar::weekday_number(w).is_none() {
            return false;
        }
    }
    has_anchor
}

fn is_media_prompt(lower: &str, words: usize) -> bool {
    let core = lower.trim_matches(|c: char| !c.is_alphanumeric());
    words <= 6
        && (matches!(
            core,
            "listen"
                | "play"
                | "watch"
                | "video"
                | "audio"
                | "watch video"
                | "play video"
                | "listen to this article"
                | "listen to article"
                | "click to play"
                | "toggle caption"
                | "hide caption"
                | "enlarge this image"
                | "image"
                | "photo"
                | "gallery"
                | "view gallery"
                | "expand"
        ) || core.starts_with("listen to this")
            || core.starts_with("watch:"))
}

fn is_contributor_credit(lower: &str, words: usize) -> bool {
    words <= 45
        && (lower.contains("contributed to this report")
            || lower.contains("contributed to this story")
            || lower.contains("contributed to this article")
            || lower.contains("contributed reporting")
            || lower.starts_with("reporting by ")
            || lower.starts_with("additional reporting by ")
            || lower.starts_with("writing by ")
            || lower.contains("; editing by ")
            || lower.starts_with("editing by "))
}

/// "By Jane Roe", "By Jane Roe and John Doe, Reuters", "BY JANE ROE".
fn is_byline(text: &str, words: usize) -> bool {
    let rest = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("BY "))
        .or_else(|| text.strip_prefix("Written by "))
        .or_else(|| text.strip_prefix("Words by "));
    let Some(rest) = rest else { return false };
    if words > 14
        || ends_like_sentence(text) && !text.ends_with(|c: char| c.is_uppercase() || c == '.')
    {
        return false;
    }
    // The names: capitalised words, joined by "and", commas, "|" or "in".
    let capitalised = rest
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|w| {
            !w.is_empty() && !matches!(*w, "and" | "in" | "for" | "of" | "the" | "&" | "—" | "-")
        })
        .all(|w| {
            w.starts_with(char::is_uppercase)
                || w.starts_with(char::is_numeric)
                || w.starts_with('@')
        });
    capitalised
}

/// Words that make a line a title, never a name.
const NOT_NAME: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "for",
    "to",
    "in",
    "on",
    "and",
    "or",
    "with",
    "at",
    "by",
    "from",
    "is",
    "are",
    "key",
    "points",
    "news",
    "live",
    "updates",
    "update",
    "summary",
    "related",
    "topics",
    "more",
    "latest",
    "video",
    "photos",
    "world",
    "politics",
    "opinion",
    "analysis",
    "background",
    "breaking",
    "top",
    "stories",
    "story",
    "report",
    "war",
    "peace",
    "talks",
    "summit",
    "advertisement",
    "home",
    "menu",
    "search",
    "sections",
    "subscribe",
    "newsletter",
    "share",
    "comments",
    "conclusion",
    "introduction",
    "context",
    "timeline",
    "reaction",
    "reactions",
];

/// A line that is only a person's name: two to four capitalised words.
fn is_lone_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) {
        return false;
    }
    words.iter().all(|w| {
        let letters = w.trim_end_matches('.');
        let lower = letters.to_lowercase();
        letters.starts_with(char::is_uppercase)
            && letters.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
            // Acronyms (NATO, EU) are not names; initials (J.) are.
            && !(letters.chars().count() > 1 && letters.chars().all(char::is_uppercase))
            && !NOT_NAME.contains(&lower.as_str())
    })
}

const ROLE_WORDS: &[&str] = &[
    "correspondent",
    "reporter",
    "editor",
    "writer",
    "journalist",
    "columnist",
    "contributor",
    "producer",
    "photographer",
    "staff",
    "bureau",
    "anchor",
    "analyst",
    "freelance",
    "freelancer",
    "author",
    "stringer",
];

/// "National Security Correspondent", "Staff Writer", "Senior Editor, Europe".
fn is_author_title(text: &str, words: usize) -> bool {
    if words > 7 {
        return false;
    }
    let lower = text.to_lowercase();
    let has_role = lower.split(|c: char| !c.is_alphabetic()).any(|w| ROLE_WORDS.contains(&w));
    let capitalised =
        text.split_whitespace().filter(|w| w.len() > 3).all(|w| w.starts_with(char::is_uppercase));
    has_role && capitalised
}

/// "Jane Roe is a national security correspondent for ...", "Jane Roe covers ...".
fn is_author_bio(text: &str, lower: &str) -> bool {
    if lower.starts_with("about the author") {
        return true;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    // A name of one to four capitalised words, then a verb of description.
    let name_len = words.iter().take(5).take_while(|w| w.starts_with(char::is_uppercase)).count();
    if name_len == 0 {
        return false;
    }
    let verb =
        words.get(name_len..name_len + 2).map(|w| w.join(" ").to_lowercase()).unwrap_or_default();
    let describes = [
        "is a", "is an", "is the", "was a", "has been", "covers", "writes", "reports", "is based",
        "joined",
    ]
    .iter()
    .any(|v| verb.starts_with(v));
    let about_journalism = lower.split(|c: char| !c.is_alphabetic()).any(|w| {
        ROLE_WORDS.contains(&w)
            || matches!(
                w,
                "journalism"
                    | "newsroom"
                    | "covering"
                    | "covers"
                    | "reporting"
                    | "writing"
                    | "articles"
                    | "editorial"
            )
    });
    describes && about_journalism
}

/// A photo caption or credit: a line ending in an agency credit
/// ("Name/AP Photo", "Getty Images", "(Photo: ...)").
fn is_caption_credit(text: &str) -> bool {
    let tail = text.trim_end_matches([')', ']', ' ']);
    const AGENCIES: &[&str] = &[
        "AP",
        "AP Photo",
        "Photo",
        "Reuters",
        "AFP",
        "Getty Images",
        "Getty",
        "EPA",
        "EPA-EFE",
        "Bloomberg",
        "Shutterstock",
        "Pool",
        "Sputnik",
        "TASS",
        "Xinhua",
        "Anadolu",
        "Anadolu Agency",
        "AAP",
        "PA",
        "PA Wire",
        "Alamy",
        "NurPhoto",
        "SOPA Images",
        "LightRocket",
        "Zuma Press",
        "ZUMA Wire",
        "Handout",
        "Courtesy",
        "Stringer",
        "Imago",
        "DPA",
        "picture alliance",
        "Xinhua News Agency",
        "Ukrinform",
        "Kyodo",
        "Yonhap",
    ];
    // "Name/Agency" or "Agency/Name" at the very end, or the whole agency credit ending the line.
    let last_segment = tail.rsplit(". ").next().unwrap_or(tail);
    let ends_with_agency = AGENCIES
        .iter()
        .any(|a| tail.ends_with(a) && tail[..tail.len() - a.len()].ends_with(['/', ' ', '(', '|']));
    let slash_credit = last_segment.split_whitespace().count() <= 8
        && last_segment.contains('/')
        && AGENCIES.iter().any(|a| {
            last_segment.contains(&format!("/{a}"))
                || last_segment.contains(&format!("{a}/"))
                || last_segment.contains(&format!("/ {a}"))
        });
    let labelled = [
        "(Photo",
        "(Image",
        "Photo:",
        "Photograph:",
        "Image:",
        "Credit:",
        "Picture:",
        "Photo by ",
        "Photo credit",
        "Image credit",
        "Photo courtesy",
        "Image source:",
        "(Credit",
    ]
    .iter()
    .any(|l| last_segment.contains(l));
    let credit_word =
        ["Getty Images", "AP Photo", "via Reuters", "via AFP", "/Reuters", "/AFP", "/AP"]
            .iter()
            .any(|l| tail.contains(l));
    // A body sentence may end "... told Reuters." — a credit has no final period.
    let ends_bare = !tail.ends_with(['.', '!', '?', '"', '”']);
    (ends_with_agency
        && ends_bare
        && (credit_word || slash_credit || tail.ends_with("Photo") || tail.ends_with("Images")))
        || slash_credit
        || labelled
        || (credit_word && ends_bare)
}

fn is_correction(lower: &str) -> bool {
    [
        "correction:",
        "corrections:",
        "correction ",
        "clarification:",
        "an earlier version of this",
        "a previous version of this",
        "this article was amended",
        "this article has been amended",
        "this story has been updated",
        "this article has been updated",
        "this article was updated",
        "editor's note:",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

fn is_share_prompt(lower: &str, words: usize) -> bool {
    const LEADS: &[&str] = &[
        "share this",
        "share on",
        "share via",
        "share article",
        "share story",
        "follow us",
        "follow @",
        "join the conversation",
        "leave a comment",
        "view comments",
        "show comments",
        "read comments",
        "comments (",
        "add a comment",
        "post a comment",
        "click here to",
        "copy link",
        "link copied",
        "print this",
        "email this",
        "send this",
        "tweet this",
    ];
    if words <= 16 && LEADS.iter().any(|l| lower.starts_with(l)) {
        return true;
    }
    if words <= 16
        && lower.starts_with("follow ")
        && (lower.contains(" on twitter")
            || lower.contains(" on x")
            || lower.contains(" on facebook")
            || lower.contains(" on instagram")
            || lower.contains(" on telegram"))
    {
        return true;
    }
    const SOCIAL: &[&str] = &[
        "share",
        "shares",
        "sharing",
        "tweet",
        "twitter",
        "facebook",
        "email",
        "e-mail",
        "mail",
        "print",
        "copy",
        "link",
        "copied",
        "whatsapp",
        "linkedin",
        "telegram",
        "reddit",
        "pinterest",
        "x",
        "messenger",
        "save",
        "saved",
        "comment",
        "comments",
        "this",
        "article",
        "story",
        "on",
        "via",
        "gift",
        "bookmark",
        "flipboard",
        "threads",
        "bluesky",
        "mastodon",
        "instagram",
        "youtube",
        "tiktok",
        "sms",
        "url",
        "close",
        "the",
        "to",
        "or",
        "follow",
        "us",
        "rss",
    ];
    words <= 10
        && lower
            .split(|c: char| c.is_whitespace() || matches!(c, '|' | ',' | '·' | '/' | ':' | '•'))
            .filter(|w| !w.is_empty())
            .all(|w| {
                SOCIAL.contains(&w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
                    || w.chars().all(|c| c.is_ascii_digit())
            })
        && lower.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            !matches!(
                w,
                "this" | "the" | "to" | "on" | "or" | "us" | "article" | "story" | "via" | ""
            )
        })
}

fn is_newsletter(lower: &str, words: usize) -> bool {
    if words > 40 {
        return false;
    }
    let has = |w: &str| lower.split(|c: char| !c.is_alphanumeric() && c != '-').any(|x| x == w);
    has("newsletter")
        || has("newsletters")
        || has("subscribe")
        || has("unsubscribe")
        || lower.contains("sign up for")
        || lower.contains("sign up to")
        || lower.starts_with("sign up")
        || lower.contains("in your inbox")
        || lower.starts_with("support our journalism")
        || lower.starts_with("become a member")
        || lower.starts_with("download our app")
        || lower.starts_with("get the app")
}

fn is_cookie_notice(lower: &str, words: usize) -> bool {
    words <= 80
        && (lower.contains("cookie")
            && [
                "we use",
                "accept",
                "consent",
                "policy",
                "preferences",
                "this site uses",
                "this website uses",
            ]
            .iter()
            .any(|w| lower.contains(w))
            || matches!(
                lower.trim_end_matches('.'),
                "accept all" | "reject all" | "manage preferences" | "accept cookies"
            ))
}

fn is_copyright(lower: &str, words: usize) -> bool {
    words <= 30
        && (lower.starts_with('©')
            || lower.starts_with("copyright")
            || lower.starts_with("(c) ")
            || lower.contains("all rights reserved"))
}

fn is_related(lower: &str, words: usize, sentence: bool) -> bool {
    let core = lower.trim_matches(|c: char| !c.is_alphanumeric());
    const HEADS: &[&str] = &[
        "related topics",
        "related",
        "related articles",
        "related stories",
        "related content",
        "related coverage",
        "related news",
        "read more",
        "more from",
        "more on this story",
        "more on this topic",
        "recommended",
        "recommended stories",
        "recommended for you",
        "you may also like",
        "you might also like",
        "most read",
        "most popular",
        "most viewed",
        "trending",
        "trending now",
        "see also",
        "also read",
        "read also",
        "further reading",
        "more stories",
        "more news",
        "top stories",
        "latest news",
        "latest stories",
        "what to read next",
        "editor's picks",
        "editors' picks",
        "popular now",
        "more like this",
        "explore more",
        "up next",
        "next story",
    ];
    if HEADS.contains(&core) {
        return true;
    }
    // "Read more: Headline", "Related: Headline", "READ MORE | Headline"
    let labelled = [
        "read more:",
        "read more |",
        "related:",
        "related |",
        "see also:",
        "also read:",
        "read also:",
        "more:",
        "watch:",
        "read:",
    ]
    .iter()
    .any(|l| lower.starts_with(l));
    labelled && words <= 25 && (!sentence || words <= 15)
}

fn is_tags(lower: &str, words: usize) -> bool {
    words <= 30
        && ["tags:", "topics:", "filed under", "filed in:", "categories:", "category:", "keywords:"]
            .iter()
            .any(|p| lower.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use parley_doc::DocMeta;

    fn reasons(text: &str) -> Vec<(String, Option<String>)> {
        let mut doc = crate::document_from_text(text.to_string(), DocMeta::default());
        FurnitureRemover.annotate(&mut doc).expect("annotates");
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
            ("Maria Lopez", Some("byline")),
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
