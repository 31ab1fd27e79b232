//! Rules on one line at a time: what a block says and how it is shaped.
//! The phrasing comes from the vocabulary ([`FurnitureLexicon`]); the
//! code says how a line is compared with it.

use parley_doc::{calendar, BlockKind};

use super::lexicon::FurnitureLexicon;
use super::Line;
use crate::reader::ends_like_sentence;

/// Lowercase letters and digits only, for comparing headlines.
pub(super) fn squash(lower: &str) -> String {
    lower.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The line without outer punctuation (`"Advertisement:"` → `advertisement`).
fn core(lower: &str) -> &str {
    lower.trim_matches(|c: char| !c.is_alphanumeric())
}

/// The words of a lowercased line, outer punctuation trimmed.
fn bare_words(lower: &str) -> impl Iterator<Item = &str> {
    lower
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | ',' | '·' | '/' | ':' | '•' | '∙'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\''))
        .filter(|w| !w.is_empty())
}

/// The rule that drops a line on its own, if any.
pub(super) fn rule(
    line: &Line,
    headline: Option<&str>,
    lex: &FurnitureLexicon,
) -> Option<&'static str> {
    let lower = line.lower.as_str();
    let words = line.words;
    let near_top = line.index <= 8 || line.before_body;
    let near_end = line.from_end <= 10;

    let checks: [(&'static str, bool); 20] = [
        ("separator", is_separator(line.text)),
        ("breadcrumb", is_breadcrumb(line.text)),
        ("repeated-headline", headline.is_some_and(|h| !h.is_empty() && squash(lower) == h)),
        ("advertisement", is_advertisement(lower, words, lex)),
        ("key-points-heading", is_key_points_heading(lower, lex)),
        ("timestamp", is_timestamp(lower, words, lex)),
        ("media-prompt", is_media_prompt(lower, words, lex)),
        ("contributor-credit", is_contributor_credit(lower, words, lex)),
        ("byline", is_byline(line.text, words)),
        ("caption", is_caption_credit(line.text, lex)),
        ("correction-notice", lex.starts("correction-prefix", lower)),
        ("share-prompt", is_share_prompt(lower, words, lex)),
        ("comment-prompt", words <= 40 && lex.starts("comment-prompt", lower)),
        ("prompt", words <= 40 && lex.starts("page-prompt", lower)),
        ("site-link", words <= 8 && lex.has("site-link", core(lower))),
        ("newsletter", is_newsletter(lower, words, lex)),
        ("cookie-notice", is_cookie_notice(lower, words, lex)),
        ("copyright", is_copyright(lower, words, lex)),
        ("notice", words <= 60 && lex.starts("notice-prefix", lower)),
        ("related", is_related(lower, words, line.sentence, lex)),
    ];
    if let Some((reason, _)) = checks.iter().find(|(_, hit)| *hit) {
        return Some(reason);
    }
    if is_tags(lower, words, lex) {
        return Some("tags");
    }
    if (near_end || line.index as f64 > 0.5 * (line.index + line.from_end) as f64)
        && is_author_bio(line.text, lower, lex)
    {
        return Some("author-bio");
    }
    if (near_top || near_end) && !line.sentence && is_author_title(line.text, words, lex) {
        return Some("author-title");
    }
    // A title-case subheading near the end looks like a name too; the
    // lines after the body are judged by the context passes.
    if (near_top || line.from_end <= 3)
        && line.kind != BlockKind::ListItem
        && is_lone_name(line.text, lex)
    {
        return Some("byline");
    }
    None
}

/// "Home > World > Africa": short parts between path separators.
fn is_breadcrumb(text: &str) -> bool {
    let parts: Vec<&str> = text.split(['>', '›', '»']).map(str::trim).collect();
    parts.len() >= 3
        && parts.iter().all(|p| (1..=4).contains(&p.split_whitespace().count()))
        && !ends_like_sentence(text)
}

/// Mostly symbols: `---|`, `* * *`, `•••`.
fn is_separator(text: &str) -> bool {
    let visible = text.chars().filter(|c| !c.is_whitespace()).count();
    let alnum = text.chars().filter(|c| c.is_alphanumeric()).count();
    visible > 0 && alnum * 10 < visible * 3
}

fn is_advertisement(lower: &str, words: usize, lex: &FurnitureLexicon) -> bool {
    let core = core(lower);
    words <= 6
        && (lex.has("advertisement", core)
            || lex.starts("advertisement-prefix", core)
            || lex.contains("advertisement-contains", core))
        || words <= 25 && lex.starts("advertisement-prefix", lower) && lower.contains(':')
}

fn is_key_points_heading(lower: &str, lex: &FurnitureLexicon) -> bool {
    let core = core(lower).trim();
    let core = core.trim_end_matches(|c: char| c == '|' || c == ':' || c.is_whitespace());
    let core = core.strip_prefix("the ").unwrap_or(core);
    lex.entries("key-points")
        .iter()
        .any(|h| core == h || (core.starts_with(h.as_str()) && core.len() <= h.len() + 2))
}

/// "Updated: 3:45 PM", "Published Jan. 15, 2024", "0:00", "5 min read".
fn is_timestamp(lower: &str, words: usize, lex: &FurnitureLexicon) -> bool {
    if words > 14 {
        return false;
    }
    let led = lex.entries("timestamp-lead").iter().any(|lead| {
        lower
            .strip_prefix(lead.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', ' ', ',']))
    });
    if led && has_time_anchor(lower) {
        return true;
    }
    let mut has_anchor = false;
    for word in lower.split_whitespace() {
        let w = word.trim_matches(|c: char| matches!(c, ',' | '.' | ':' | '(' | ')' | '/' | '|'));
        if w.is_empty() {
            continue;
        }
        if is_time_anchor(w) {
            has_anchor = true;
            continue;
        }
        // A zone with an offset ("gmt+9", "utc-3") is a zone.
        let zone = w.split(['+', '-']).next().unwrap_or(w);
        let offset = w.len() > zone.len()
            && w[zone.len() + 1..].chars().all(|c| c.is_ascii_digit() || c == ':');
        if !(lex.has("time-words", w) || offset && lex.has("time-words", zone))
            && calendar::weekday_number(w).is_none()
        {
            return false;
        }
    }
    has_anchor
}

/// Whether a line has a number, a time or a month in it (or is only a label).
fn has_time_anchor(lower: &str) -> bool {
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.len() <= 1
        || words.iter().any(|w| {
            let w = w.trim_matches(|c: char| matches!(c, ',' | '.' | ':' | '(' | ')' | '/' | '|'));
            is_time_anchor(w) || w.chars().any(|c| c.is_ascii_digit())
        })
}

/// A number, ordinal ("2nd"), clock time ("3:45pm", "10am") or month name.
fn is_time_anchor(w: &str) -> bool {
    let ordinal = ["st", "nd", "rd", "th"].iter().find_map(|s| w.strip_suffix(s));
    if ordinal
        .is_some_and(|n| !n.is_empty() && n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit()))
    {
        return true;
    }
    if w.chars().all(|c| c.is_ascii_digit() || matches!(c, ':' | '/' | '-' | '.' | ','))
        && w.chars().any(|c| c.is_ascii_digit())
    {
        return true;
    }
    let stripped = w.trim_end_matches("am").trim_end_matches("pm");
    (stripped.len() < w.len()
        && !stripped.is_empty()
        && stripped.chars().all(|c| c.is_ascii_digit() || c == ':'))
        || calendar::month_number(w).is_some()
}

fn is_media_prompt(lower: &str, words: usize, lex: &FurnitureLexicon) -> bool {
    let core = core(lower);
    words <= 6 && (lex.has("media-prompt", core) || lex.starts("media-prompt-prefix", core))
        || words <= 12 && lex.starts("media-prompt-prefix", lower)
}

fn is_contributor_credit(lower: &str, words: usize, lex: &FurnitureLexicon) -> bool {
    words <= 45
        && (lex.contains("contributor-contains", lower) || lex.starts("contributor-prefix", lower))
}

/// "By Jane Roe", "By Jane Roe and John Doe, Reuters", "BY JANE ROE".
fn is_byline(text: &str, words: usize) -> bool {
    let rest =
        ["By ", "BY ", "by ", "Written by ", "Words by "].iter().find_map(|p| text.strip_prefix(p));
    let Some(rest) = rest else { return false };
    if words > 14
        || ends_like_sentence(text) && !text.ends_with(|c: char| c.is_uppercase() || c == '.')
    {
        return false;
    }
    // The names: capitalised words, joined by "and", commas, "|" or "in";
    // a date or a place may follow ("on August 8, 2026 in Analysis").
    rest.split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|w| {
            !w.is_empty()
                && !matches!(*w, "and" | "in" | "for" | "of" | "the" | "&" | "—" | "-" | "on")
        })
        .all(|w| {
            w.starts_with(char::is_uppercase)
                || w.starts_with(char::is_numeric)
                || w.starts_with('@')
        })
}

/// A line that is only a person's name: two to four capitalised words.
pub(super) fn is_lone_name(text: &str, lex: &FurnitureLexicon) -> bool {
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
            && !lex.has("not-name", &lower)
    })
}

/// "National Security Correspondent", "Staff Writer", "Senior Editor, Europe".
fn is_author_title(text: &str, words: usize, lex: &FurnitureLexicon) -> bool {
    if words > 7 {
        return false;
    }
    let lower = text.to_lowercase();
    let has_role = lower.split(|c: char| !c.is_alphabetic()).any(|w| lex.has("role-words", w));
    let capitalised =
        text.split_whitespace().filter(|w| w.len() > 3).all(|w| w.starts_with(char::is_uppercase));
    // "Delhi bureau chief": a short title may be in lowercase.
    has_role && (capitalised || words <= 4)
}

/// "Jane Roe is a national security correspondent for ...", "Jane Roe covers ...".
pub(super) fn is_author_bio(text: &str, lower: &str, lex: &FurnitureLexicon) -> bool {
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
        words[name_len.min(words.len())..(name_len + 3).min(words.len())].join(" ").to_lowercase();
    // "Arjun Mehta is Delhi bureau chief": "is" and a job title close after.
    let is_title = verb.starts_with("is ")
        && words.iter().skip(name_len + 1).take(4).any(|w| {
            lex.has("role-words", w.to_lowercase().trim_matches(|c: char| !c.is_alphabetic()))
        });
    let describes = lex.starts("bio-verbs", &verb) || is_title;
    let about_work = lower
        .split(|c: char| !c.is_alphabetic())
        .any(|w| lex.has("role-words", w) || lex.has("bio-work", w));
    describes && about_work
}

/// A photo caption or credit: a line ending in an agency credit
/// ("Name/AP Photo", "Getty Images", "(Photo: ...)").
fn is_caption_credit(text: &str, lex: &FurnitureLexicon) -> bool {
    let tail = text.trim_end_matches([')', ']', ' ']);
    let agencies = lex.entries("caption-agency");
    // "Name/Agency" or "Agency/Name" at the very end, or the whole agency credit ending the line.
    let last_segment = tail.rsplit(". ").next().unwrap_or(tail);
    let ends_with_agency = agencies.iter().any(|a| {
        tail.ends_with(a.as_str()) && tail[..tail.len() - a.len()].ends_with(['/', ' ', '(', '|'])
    });
    let slash_credit = last_segment.split_whitespace().count() <= 8
        && last_segment.contains('/')
        && agencies.iter().any(|a| {
            last_segment.contains(&format!("/{a}"))
                || last_segment.contains(&format!("{a}/"))
                || last_segment.contains(&format!("/ {a}"))
        });
    let labelled = lex.contains("caption-label", last_segment);
    let credit_word = lex.contains("caption-credit", tail);
    // A body sentence may end "... told Reuters." — a credit has no final period.
    let ends_bare = !tail.ends_with(['.', '!', '?', '"', '”']);
    (ends_with_agency
        && ends_bare
        && (credit_word || slash_credit || tail.ends_with("Photo") || tail.ends_with("Images")))
        || slash_credit
        || labelled
        || (credit_word && ends_bare)
        || (ends_bare && text.split_whitespace().count() <= 3 && lex.has("caption-agency", tail))
}

fn is_share_prompt(lower: &str, words: usize, lex: &FurnitureLexicon) -> bool {
    if words <= 16 && lex.starts("share-prefix", lower) {
        return true;
    }
    if words <= 16
        && lower.starts_with("follow ")
        && [" on twitter", " on x", " on facebook", " on instagram", " on telegram"]
            .iter()
            .any(|s| lower.contains(s))
    {
        return true;
    }
    words <= 10
        && bare_words(lower)
            .all(|w| lex.has("social-words", w) || w.chars().all(|c| c.is_ascii_digit()))
        && bare_words(lower).any(|w| {
            !matches!(w, "this" | "the" | "to" | "on" | "or" | "us" | "article" | "story" | "via")
                && !w.chars().all(|c| c.is_ascii_digit())
        })
}

fn is_newsletter(lower: &str, words: usize, lex: &FurnitureLexicon) -> bool {
    words <= 40
        && (lower
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| lex.has("newsletter-word", w))
            || lex.contains("newsletter-contains", lower)
            || lex.starts("newsletter-prefix", lower))
}

fn is_cookie_notice(lower: &str, words: usize, lex: &FurnitureLexicon) -> bool {
    words <= 80
        && (lower.contains("cookie") && lex.contains("cookie-context", lower)
            || lex.has("cookie-exact", lower.trim_end_matches('.')))
}

fn is_copyright(lower: &str, words: usize, lex: &FurnitureLexicon) -> bool {
    words <= 40
        && (lex.starts("copyright-prefix", lower) || lex.contains("copyright-contains", lower))
}

/// A heading of a related-story list ("Related", "More from Asia", "Most
/// read in Politics"), or a labelled link ("Read more: Headline").
pub(super) fn is_related(
    lower: &str,
    words: usize,
    sentence: bool,
    lex: &FurnitureLexicon,
) -> bool {
    let core = core(lower);
    if lex.has("related-heading", core) {
        return true;
    }
    // A heading with a section after it: "More from Asia", "Most read in Politics".
    let qualified = words <= 6
        && lex.entries("related-heading").iter().filter(|h| h.contains(' ')).any(|h| {
            core.strip_prefix(h.as_str()).is_some_and(|rest| {
                rest.starts_with(' ') && rest.split_whitespace().count() <= 3 && !sentence
            })
        });
    let labelled = lex.starts("related-label", lower);
    qualified || labelled && words <= 25 && (!sentence || words <= 15)
}

fn is_tags(lower: &str, words: usize, lex: &FurnitureLexicon) -> bool {
    words <= 30 && (lex.has("tags-heading", core(lower)) || lex.starts("tags-prefix", lower))
}

/// "Our Standards: The Trust Principles.": a short label, a colon and a
/// title in capitals, with no sentence in it.
pub(super) fn is_labelled_title(text: &str, words: usize) -> bool {
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
