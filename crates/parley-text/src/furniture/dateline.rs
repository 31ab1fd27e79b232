//! Datelines that open the first paragraph ("KYIV, Ukraine (AP) — ").

use parley_doc::calendar;

use crate::reader::ends_like_sentence;

/// The length in bytes of a dateline that opens `text`, dash and space
/// included: a place in capitals ("WASHINGTON", "ST. PETERSBURG"), then
/// optionally a region, a date and an agency in brackets, then a dash.
/// The text after it must open a sentence; a capitalised acronym in a
/// sentence ("NATO — the alliance ...") is not a dateline.
pub(super) fn dateline_prefix(text: &str) -> Option<usize> {
    let head = text.get(..text.len().min(90)).unwrap_or(text);
    // A colon ends a dateline only after a place in capitals alone
    // ("BANGKOK: "), checked below.
    let (dash_at, dash) = ["—", "–", " -- ", " - ", ": "]
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
    // Tabloid headlines open "RISHI RAGE: ..." too; a dateline's paragraph
    // is a sentence.
    if dash == ": " && (place_words != words.len() || words.len() > 3 || !ends_like_sentence(text))
    {
        return None;
    }
    let marked = prefix.contains(',') || prefix.contains('(') || place_words == words.len();
    let rest_at = dash_at + dash.len();
    let rest = text[rest_at..].trim_start();
    let opens_sentence =
        rest.chars().next().is_some_and(|c| c.is_uppercase() || c == '“' || c == '"');
    (marked && opens_sentence && rest.split_whitespace().count() >= 4)
        .then(|| text.len() - rest.len())
}
