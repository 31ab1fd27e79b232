//! Passes over the whole page, after the line rules: a line is judged by
//! the lines around it and by where it sits relative to the body.
//!
//! The body is found the way jusText finds it: blocks that read as prose
//! (long enough, ending like a sentence, with a share of stop words that
//! headlines, menus and names do not reach) are "good"; the body runs
//! from the first good block to the last. Short lines before it are
//! navigation and kickers, what comes after it is end matter unless it
//! continues the last paragraph, and inside it, unpunctuated lines of
//! caption length are captions.

use parley_doc::BlockKind;

use super::lexicon::FurnitureLexicon;
use super::rules::{is_author_bio, is_labelled_title, is_lone_name};
use super::{Line, Reasons};

/// A good block has at least this many words...
const GOOD_WORDS: usize = 8;
/// ...and at least this share of stop words. jusText asks 0.30 of a list of
/// several hundred words; with the hundred function words of the vocabulary
/// file, the dev pages' body sentences of eight words or more score 0.15 to
/// 0.69 (median 0.40, tenth percentile 0.30), so the bar sits below them.
const GOOD_STOP_DENSITY: f64 = 0.12;
/// Lines of at most this many words without a final stop are menu items,
/// kickers and labels when they come in runs or before the body.
const MENU_WORDS: usize = 3;
/// An unpunctuated line inside the body longer than this is a caption: a
/// subheading is shorter, a paragraph ends with a stop.
const CAPTION_WORDS: usize = 10;

/// Whether a kept line reads as prose.
pub(super) fn is_good(line: &Line) -> bool {
    line.sentence
        && !line.text.trim_end().ends_with(':')
        && line.words >= GOOD_WORDS
        && line.stop_density >= GOOD_STOP_DENSITY
}

/// A short line without a final stop: a menu item, kicker or label.
fn is_menu_shaped(line: &Line) -> bool {
    // One word ending in a stop is an abbreviation ("U.S."), not a sentence.
    line.words <= MENU_WORDS && (!line.sentence || line.words == 1 && line.text.ends_with('.'))
}

/// A menu-shaped line that may be part of a run of menu lines: in plain
/// text, bulleted items are the body's own short lists ("- France"); in
/// markup, menus are lists too.
fn in_menu_run(line: &Line, from_markup: bool) -> bool {
    is_menu_shaped(line)
        && line.kind != BlockKind::Headline
        && (from_markup || line.kind != BlockKind::ListItem)
}

/// Lists under a heading: after a "Related", "Most read" or "Topics"
/// heading, headline-shaped lines (no final stop, or list items) are part
/// of the list up to the next ordinary paragraph.
pub(super) fn lists(lines: &[Line], reasons: &mut Reasons) {
    let mut list: Option<&'static str> = None;
    for (i, line) in lines.iter().enumerate() {
        if matches!(reasons[i], Some("related" | "tags")) && line.words <= 5 {
            list = reasons[i];
            continue;
        }
        let Some(reason) = list else { continue };
        // A name-shaped topic ("South Sudan") is a list entry here, not a byline.
        let weak = matches!(reasons[i], None | Some("byline" | "author-title" | "timestamp"));
        if weak && (!line.sentence || line.kind == BlockKind::ListItem) && line.words <= 25 {
            reasons[i] = Some(reason);
        } else if reasons[i] != Some(reason) {
            list = None;
        }
    }
}

/// Runs of three or more menu-shaped lines are navigation, share bars or
/// sort controls wherever they are: a subheading stands alone.
pub(super) fn menus(lines: &[Line], reasons: &mut Reasons, from_markup: bool) {
    let mut start = 0;
    while start < lines.len() {
        let mut end = start;
        while end < lines.len() && in_menu_run(&lines[end], from_markup) {
            end += 1;
        }
        // The first line of a text opens a run too ("Home", "News", ...).
        let opening = start == 0
            && lines.first().is_some_and(|l| l.kind == BlockKind::Headline && is_menu_shaped(l));
        if opening {
            end = (1..lines.len())
                .find(|&i| !in_menu_run(&lines[i], from_markup))
                .unwrap_or(lines.len());
        }
        if end - start >= 3 {
            for reason in &mut reasons[start..end] {
                reason.get_or_insert("navigation");
            }
        }
        start = end.max(start + 1);
    }
}

/// Whether a line opens a comment section: "Comments", "23 Comments",
/// "Comments (14)", "7 Responses to ...", "4 thoughts on ...".
fn is_comment_heading(line: &Line) -> bool {
    let words: Vec<&str> = line.lower.split_whitespace().collect();
    let bare: Vec<String> = words
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let about = matches!(bare.get(1).map(String::as_str), Some("on" | "to"));
    (line.words <= 8 || about && line.words <= 16)
        && matches!(
            bare.first().map(String::as_str),
            Some("comments" | "comment" | "responses" | "thoughts" | "replies" | "reactions")
        )
        && (bare.len() == 1 || about)
}

/// The body and what lies outside it.
pub(super) fn body(
    lines: &[Line],
    reasons: &mut Reasons,
    lex: &FurnitureLexicon,
    from_markup: bool,
) {
    let good: Vec<usize> = lines
        .iter()
        .filter(|l| reasons[l.index].is_none() && is_good(l))
        .map(|l| l.index)
        .collect();
    let (Some(&first), Some(&last)) = (good.first(), good.last()) else {
        return;
    };
    // A comment section, once the body has begun, runs to the end of the page.
    let comments = lines
        .iter()
        .skip(first + 1)
        .find(|l| {
            // A prompt ("Let us know in the comments") may sit mid-article;
            // only in the second half does it open the comments.
            is_comment_heading(l)
                || matches!(reasons[l.index], Some("comment-prompt" | "prompt"))
                    && l.from_end < l.index
        })
        .map(|l| l.index);
    if let Some(start) = comments {
        for reason in &mut reasons[start..] {
            reason.get_or_insert("comments");
        }
    }
    // So does a heading that opens a template's end section ("Notes to
    // editors", "Media enquiries").
    let end_section = lines
        .iter()
        .skip(first + 1)
        .find(|l| l.words <= 6 && !l.sentence && lex.has("end-heading", core(&l.lower)));
    if let Some(start) = end_section.map(|l| l.index) {
        for reason in &mut reasons[start..] {
            reason.get_or_insert("end-matter");
        }
    }
    // The last prose of a page may be its author's bio ("Selin is a
    // political analyst based in Istanbul."), with the name above it.
    for &i in good.iter().rev() {
        if i == first || reasons[i].is_some() {
            continue;
        }
        if !is_author_bio(lines[i].text, &lines[i].lower, lex) {
            break;
        }
        reasons[i] = Some("author-bio");
        if i > 0 && reasons[i - 1].is_none() && is_lone_name(lines[i - 1].text, lex) {
            reasons[i - 1] = Some("byline");
        }
    }
    let last = good.iter().copied().rfind(|&i| reasons[i].is_none()).unwrap_or(last);

    // Before the body: the headline and standfirst stay; short labels go
    // (headings of markup stay). The first line of a text is its headline
    // unless it is short and a longer title follows before the body.
    let titled = lines
        .get(1..first)
        .unwrap_or(&[])
        .iter()
        .any(|l| reasons[l.index].is_none() && l.words > MENU_WORDS);
    for line in &lines[..first] {
        // A headline from markup (`<h1>`) is trusted.
        let opening =
            line.index == 0 && line.kind == BlockKind::Headline && (!titled || from_markup);
        let markup_heading = from_markup && line.kind == BlockKind::Heading;
        // A short sentence ("Talks failed.") may open the body; a label
        // ending in a colon ("From:") does not.
        let label = is_menu_shaped(line) || line.text.trim_end().ends_with(':');
        if reasons[line.index].is_none()
            && !opening
            && !markup_heading
            && line.words <= MENU_WORDS
            && label
        {
            reasons[line.index] = Some("before-body");
        }
    }
    captions(lines, reasons);
    // Inside: three or more unpunctuated lines in a row are a list of
    // links (most read, more on this story); a subheading stands alone.
    let mut run: Vec<usize> = Vec::new();
    for line in &lines[first..=last] {
        let listed = reasons[line.index].is_none()
            && !line.sentence
            && line.words <= 12
            && line.kind != BlockKind::TableRow
            && !(line.kind == BlockKind::ListItem && line.words <= MENU_WORDS);
        if listed {
            run.push(line.index);
            continue;
        }
        if run.len() >= 3 {
            run.iter().for_each(|&i| reasons[i] = Some("link-list"));
        }
        run.clear();
    }
    // Inside: an unpunctuated line of caption length. Headings from
    // markup are trusted; in plain text a block's kind is a guess.
    for line in &lines[first..=last] {
        let trusted_heading = from_markup && line.kind == BlockKind::Heading;
        if reasons[line.index].is_none()
            && !line.sentence
            && line.words > CAPTION_WORDS
            && matches!(line.kind, BlockKind::Paragraph | BlockKind::Heading)
            && !trusted_heading
        {
            reasons[line.index] = Some("caption");
        }
    }
    // After: the body goes on through short sentences that follow it
    // closely (a last paragraph of five words under a subheading); from
    // there on, what is not a sentence of prose is end matter.
    let mut end = last;
    while let Some(next) = continuation(lines, reasons, end) {
        end = next;
    }
    for line in &lines[end + 1..] {
        // Table rows and sentence list items are key-point boxes, kept.
        let points =
            line.kind == BlockKind::TableRow || line.kind == BlockKind::ListItem && line.sentence;
        if reasons[line.index].is_none() && !is_good(line) && !points {
            reasons[line.index] = Some("after-body");
        }
    }
}

/// Captions found by their neighbours: the line a short credit follows
/// ("Getty Images") or precedes, and the title of a video or audio clip
/// after its label ("Video", "Listen").
fn captions(lines: &[Line], reasons: &mut Reasons) {
    let credit = |reasons: &Reasons, i: usize| reasons[i] == Some("caption") && lines[i].words <= 6;
    for line in lines {
        let i = line.index;
        if reasons[i].is_some() || line.kind == BlockKind::Headline {
            continue;
        }
        let short = !line.sentence || line.words <= 12;
        let after_media = i > 0 && reasons[i - 1] == Some("media-prompt") && !is_good(line);
        let before_credit = i + 1 < lines.len() && credit(reasons, i + 1) && short;
        let after_credit = i > 0 && credit(reasons, i - 1) && !line.sentence && line.words <= 15;
        if after_media || before_credit || after_credit {
            reasons[i] = Some("caption");
        }
    }
}

/// The line without outer punctuation.
fn core(lower: &str) -> &str {
    lower.trim_matches(|c: char| !c.is_alphanumeric())
}

/// The next line that continues the body after `end`: a kept sentence
/// with stop words, at most two lines on, with only a subheading or
/// single-line furniture (an advertisement label, a newsletter prompt)
/// between.
fn continuation(lines: &[Line], reasons: &Reasons, end: usize) -> Option<usize> {
    for (gap, line) in lines.iter().skip(end + 1).take(3).enumerate() {
        let kept = reasons[line.index].is_none() && !is_labelled_title(line.text, line.words);
        // A very short sentence may have no stop word ("Officials expect calm.").
        let prose = line.stop_density >= GOOD_STOP_DENSITY || line.words < 6;
        if kept && line.sentence && line.words >= 3 && prose {
            return Some(line.index);
        }
        let passable = match reasons[line.index] {
            None => !line.sentence && line.words <= 8,
            Some(reason) => !matches!(
                reason,
                "related" | "tags" | "navigation" | "comments" | "author-bio" | "copyright"
            ),
        };
        if !passable || gap == 2 {
            return None;
        }
    }
    None
}

/// End matter: once an author bio, contributor credit or related list
/// shows near the end, the short non-sentence lines after it go too
/// (names, titles, "twitter", topic tags); and a short "Label: Title Case
/// Words" line among the last blocks ("Our Standards: The Trust
/// Principles.") is a trailer of the page template.
pub(super) fn end_matter(lines: &[Line], reasons: &mut Reasons) {
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
    for line in lines.iter().filter(|l| l.from_end < 3) {
        if reasons[line.index].is_none() && is_labelled_title(line.text, line.words) {
            reasons[line.index] = Some("end-matter");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::reasons;

    #[test]
    fn short_ledes_and_short_bulleted_lists_are_body() {
        let page = "\
Talks Fail
Talks failed.
Envoys from both countries left Geneva on Monday without agreeing on a date to meet again.
The states that signed the statement were:
- France
- Italy
- Spain
The ministers said they would meet again in the spring to review the plan.
";
        for (text, reason) in reasons(page) {
            assert_eq!(reason, None, "{text:?} should be kept");
        }
    }

    #[test]
    fn lines_are_judged_by_where_they_sit_and_what_surrounds_them() {
        let page = "\
Home
World
Politics
Skip to main content
Letter from Abroad
Ministers Agree to Reopen the Northern Border Crossing
The government said on Monday that the crossing would reopen next week after talks.
Traders had waited for months, and several said the closure had ruined their business.
Lorries queue at the crossing on Sunday
Getty Images
Customs officers will work extra shifts to clear the queues, the ministry added.
Market Prices Climb
Fuel Queues Grow in the South
Opposition Calls for Inquiry
The opposition said it would ask parliament to question the interior minister about the delay.
What Happens Next
Officials expect calm.
Visit the Newsroom Archive
Comments
This is the best news we have had all year, and about time too.
";
        let got = reasons(page);
        let reason = |text: &str| {
            got.iter().find(|(t, _)| t == text).map(|(_, r)| r.as_deref()).unwrap_or(Some("?"))
        };
        assert_eq!(reason("Home"), Some("navigation"));
        assert_eq!(reason("Skip to main content"), Some("prompt"));
        assert_eq!(reason("Letter from Abroad"), Some("before-body"));
        assert_eq!(reason("Ministers Agree to Reopen the Northern Border Crossing"), None);
        assert_eq!(reason("Lorries queue at the crossing on Sunday"), Some("caption"));
        assert_eq!(reason("Getty Images"), Some("caption"));
        assert_eq!(reason("Fuel Queues Grow in the South"), Some("link-list"));
        assert_eq!(reason("What Happens Next"), None, "a subheading stands alone");
        assert_eq!(reason("Officials expect calm."), None, "a short last paragraph continues");
        assert_eq!(reason("Visit the Newsroom Archive"), Some("after-body"));
        assert_eq!(
            reason("This is the best news we have had all year, and about time too."),
            Some("comments")
        );
    }
}
