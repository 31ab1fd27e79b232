//! Tokenizing in the Penn Treebank / UD English manner, with byte spans.
//!
//! Punctuation is split off and clitics are split from their host
//! ("Russia’s" → "Russia" "’s", "won't" → "wo" "n't", "cannot" → "can"
//! "not"), while abbreviations ("U.S.", "Mr.", "Nov."), numbers ("1,000",
//! "3.5", "$43.5"), URLs, e-mail addresses and hyphenated words
//! ("Russian-backed", "10-point") stay whole. Every token keeps its exact
//! bytes in the text; where the UD treebanks write a form differently
//! (curly quotes as `'`/`"`, "…" as "..."), the token's `norm` says so.
//! The treebanks (EWT, GUM) write em and en dashes as they are, so dashes
//! are not rewritten.

use parley_doc::Span;

/// A token found in a text: its bytes, and the form models should read
/// when it differs from those bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawToken {
    /// Bytes in the text.
    pub span: Span,
    /// The form to read instead of the bytes, if any.
    pub norm: Option<String>,
}

/// Tokenizes a whole text: each token's span and its normalised form
/// where that differs from the text.
///
/// ```
/// let text = "Russia’s envoy won't meet Mr. Lee in the U.S. on Nov. 3.";
/// let tokens: Vec<&str> = parley_text::tokenize(text).iter().map(|(s, _)| &text[*s]).collect();
/// assert_eq!(tokens, ["Russia", "’s", "envoy", "wo", "n't", "meet", "Mr.", "Lee", "in", "the", "U.S.", "on", "Nov.", "3", "."]);
/// ```
pub fn tokenize(text: &str) -> Vec<(Span, Option<String>)> {
    tokenize_span(text, Span::new_unchecked(0, text.len()))
        .into_iter()
        .map(|t| (t.span, t.norm))
        .collect()
}

/// Tokenizes the part of `text` under `span` (which must lie on char boundaries).
pub(crate) fn tokenize_span(text: &str, span: Span) -> Vec<RawToken> {
    let mut out = Vec::new();
    let mut chunk_start = None;
    for (i, c) in text[span.range()].char_indices() {
        let at = span.start + i;
        if c.is_whitespace() {
            if let Some(start) = chunk_start.take() {
                chunk(text, start, at, &mut out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(at);
        }
    }
    if let Some(start) = chunk_start {
        chunk(text, start, span.end, &mut out);
    }
    out
}

/// Words whose final period belongs to them (compared without the period, lowercase).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "maj",
    "capt", "cmdr", "sgt", "adm", "pres", "rev", "hon", "amb", "st", "ft", "mt", "jr", "sr", "inc",
    "corp", "ltd", "co", "bros", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "no", "nos", "vol", "vs", "etc", "approx", "est", "dept", "univ", "assn", "ave", "blvd", "rd",
    "fig", "cf", "al", "pp", "ca", "gov't", "atty", "supt", "det", "insp", "rt", "sec", "secs",
    "brig", "cpl", "pvt", "fr", "sens", "reps", "govs", "gens", "cmdt",
];

/// Whether the word (without its final period) keeps the period: a known
/// abbreviation, a single letter (an initial), or dotted letters (U.S, a.m).
pub(crate) fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_lowercase();
    let lower = lower.trim_start_matches(['(', '[']);
    if ABBREVIATIONS.contains(&lower) {
        // "No." and "Co." are abbreviations only when capitalised.
        return !(matches!(lower, "no" | "co" | "sun" | "sat" | "mar" | "st" | "al")
            && word.starts_with(char::is_lowercase))
            || lower == "al";
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_alphabetic();
    }
    word.contains('.')
        && word.split('.').all(|part| {
            !part.is_empty() && part.len() <= 3 && part.chars().all(char::is_alphabetic)
        })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Word(usize, usize),
    Sep(usize, usize),
}

/// Splits one whitespace-free chunk into tokens.
fn chunk(text: &str, start: usize, end: usize, out: &mut Vec<RawToken>) {
    for piece in pieces(text, start, end) {
        match piece {
            Piece::Sep(s, e) => push(text, s, e, out),
            Piece::Word(s, e) => word(text, s, e, out),
        }
    }
}

fn is_url_start(rest: &str) -> bool {
    let lower = rest.get(..8).unwrap_or(rest).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.")
}

fn is_email(word: &str) -> bool {
    match word.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty()
                && domain.contains('.')
                && !domain.ends_with('.')
                && domain.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-')
        }
        None => false,
    }
}

/// Cuts a chunk at punctuation that is always a token of its own.
fn pieces(text: &str, start: usize, end: usize) -> Vec<Piece> {
    let s = &text[start..end];
    let chars: Vec<(usize, char)> = s.char_indices().map(|(i, c)| (start + i, c)).collect();
    let mut out = Vec::new();
    let mut word_start: Option<usize> = None;
    let mut k = 0;
    // Checked once: looking for links at every word start would be
    // quadratic on long chunks ("a,a,a,...").
    let may_link = s.contains('@') || s.contains("://") || s.to_ascii_lowercase().contains("www.");
    let flush = |word_start: &mut Option<usize>, at: usize, out: &mut Vec<Piece>| {
        if let Some(ws) = word_start.take() {
            if ws < at {
                out.push(Piece::Word(ws, at));
            }
        }
    };
    while k < chars.len() {
        let (at, c) = chars[k];
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k + 1).map(|&(_, c)| c);
        let after_next = chars.get(k + 2).map(|&(_, c)| c);
        // A URL or e-mail runs to the end of the chunk, less trailing punctuation.
        if word_start.is_none()
            && may_link
            && (k == 0
                || prev.is_some_and(|p| matches!(p, '(' | '[' | '<' | '"' | '“' | '‘' | '\'')))
            && (is_url_start(&text[at..end]) || is_email(trim_trailing(&text[at..end])))
        {
            let core = trim_trailing(&text[at..end]);
            let core_end = at + core.len();
            out.push(Piece::Word(at, core_end));
            while k < chars.len() && chars[k].0 < core_end {
                k += 1;
            }
            continue;
        }
        let sep_len = match c {
            '-' if next == Some('-') => {
                let run = chars[k..].iter().take_while(|&&(_, c)| c == '-').count();
                Some(run)
            }
            '.' if next == Some('.') && after_next == Some('.') => {
                Some(chars[k..].iter().take_while(|&&(_, c)| c == '.').count())
            }
            '—' | '–' | '―' | '…' | '“' | '”' | '„' | '"' | '(' | ')' | '[' | ']' | '{' | '}'
            | ';' | '!' | '?' | '«' | '»' | '*' | '•' | '|' | '%' | '‘' | '¿' | '¡' => {
                Some(1)
            }
            ',' | ':' => {
                let between_digits = prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit());
                (!between_digits).then_some(1)
            }
            '\'' | '’' => {
                // Inside a word (clitics, O’Brien) it stays for now.
                let between_letters = prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphabetic);
                (!between_letters).then_some(1)
            }
            '.' => {
                // "week.At": a period glued between a lowercase word and a capitalised one.
                let word_before = word_start.map(|ws| &text[ws..at]).unwrap_or("");
                let glued = word_before.chars().count() >= 2
                    && word_before.chars().all(char::is_alphabetic)
                    && word_before.ends_with(char::is_lowercase)
                    && next.is_some_and(char::is_uppercase)
                    && after_next.is_some_and(char::is_lowercase);
                glued.then_some(1)
            }
            _ => None,
        };
        match sep_len {
            Some(len) => {
                flush(&mut word_start, at, &mut out);
                let sep_end = chars.get(k + len).map_or(end, |&(i, _)| i);
                out.push(Piece::Sep(at, sep_end));
                k += len;
            }
            None => {
                word_start.get_or_insert(at);
                k += 1;
            }
        }
    }
    flush(&mut word_start, end, &mut out);
    out
}

fn trim_trailing(s: &str) -> &str {
    s.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '}', '”', '"', '’', '\'', '»'])
}

/// A word piece: a final period split off unless it is part of an
/// abbreviation, then clitics split off.
fn word(text: &str, start: usize, end: usize, out: &mut Vec<RawToken>) {
    let w = &text[start..end];
    if w.len() > 1 && w.ends_with('.') && !is_email(w) && !is_url_start(w) {
        let stem = &w[..w.len() - 1];
        let stem_trim = stem.trim_end_matches('.');
        if is_abbreviation(stem) && !stem.ends_with('.') {
            push(text, start, end, out);
            return;
        }
        // "2022." or "talks." (or "talks.." with a doubled period).
        clitics(text, start, start + stem_trim.len(), out);
        push(text, start + stem_trim.len(), end, out);
        return;
    }
    if w == "." || w == "," || w == ":" || w == "'" || w == "’" {
        push(text, start, end, out);
        return;
    }
    clitics(text, start, end, out);
}

/// Splits English clitics in the UD manner.
fn clitics(text: &str, start: usize, end: usize, out: &mut Vec<RawToken>) {
    if start >= end {
        return;
    }
    let w = &text[start..end];
    // Compared char by char (lowercased, curly apostrophes straight), so
    // byte lengths of the original never matter.
    let folded: String = w
        .chars()
        .map(|c| if c == '’' { '\'' } else { c.to_lowercase().next().unwrap_or(c) })
        .collect();
    let n = folded.chars().count();
    let suffixes: [(&str, usize); 7] =
        [("n't", 3), ("'s", 2), ("'re", 3), ("'ll", 3), ("'ve", 3), ("'d", 2), ("'m", 2)];
    for (suffix, len) in suffixes {
        if n > len && folded.ends_with(suffix) {
            if let Some(i) = find_suffix_start(w, len) {
                push(text, start, start + i, out);
                push(text, start + i, end, out);
                return;
            }
        }
    }
    for whole in ["cannot", "gonna", "wanna", "gotta"] {
        if folded == whole {
            push(text, start, start + 3, out);
            push(text, start + 3, end, out);
            return;
        }
    }
    push(text, start, end, out);
}

/// Byte index where the last `n` chars of `w` begin.
fn find_suffix_start(w: &str, n: usize) -> Option<usize> {
    w.char_indices().rev().nth(n - 1).map(|(i, _)| i)
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<RawToken>) {
    if start >= end {
        return;
    }
    let form = &text[start..end];
    out.push(RawToken { span: Span::new_unchecked(start, end), norm: normalise(form) });
}

/// The UD form of a token when it differs from its text.
fn normalise(form: &str) -> Option<String> {
    if !form.contains(['’', '‘', '“', '”', '„', '‚', '…', '«', '»', '′', '″']) {
        return None;
    }
    let norm: String = form
        .chars()
        .map(|c| match c {
            '’' | '‘' | '‚' | '′' => "'".to_string(),
            '“' | '”' | '„' | '«' | '»' | '″' => "\"".to_string(),
            '…' => "...".to_string(),
            c => c.to_string(),
        })
        .collect();
    Some(norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|(span, _)| &text[*span]).collect()
    }

    #[test]
    fn table_of_tokens() {
        let table: &[(&str, &[&str])] = &[
            ("Russia’s envoy won’t come.", &["Russia", "’s", "envoy", "wo", "n’t", "come", "."]),
            ("They can't and cannot.", &["They", "ca", "n't", "and", "can", "not", "."]),
            (
                "We're sure they'll go, I'd say; I'm in.",
                &[
                    "We", "'re", "sure", "they", "'ll", "go", ",", "I", "'d", "say", ";", "I",
                    "'m", "in", ".",
                ],
            ),
            (
                "The U.S. and U.N. met Mr. Smith at 9 a.m. today.",
                &[
                    "The", "U.S.", "and", "U.N.", "met", "Mr.", "Smith", "at", "9", "a.m.",
                    "today", ".",
                ],
            ),
            (
                "It cost $43.5 billion, or 1,000 units at 3.5%.",
                &[
                    "It", "cost", "$43.5", "billion", ",", "or", "1,000", "units", "at", "3.5",
                    "%", ".",
                ],
            ),
            ("A Russian-backed, 10-point plan", &["A", "Russian-backed", ",", "10-point", "plan"]),
            (
                "See https://example.org/a?b=1. Or mail press@un.org.",
                &["See", "https://example.org/a?b=1", ".", "Or", "mail", "press@un.org", "."],
            ),
            (
                "Russia—which invaded—was not invited",
                &["Russia", "—", "which", "invaded", "—", "was", "not", "invited"],
            ),
            ("peace -- or not", &["peace", "--", "or", "not"]),
            ("when we ... achieve", &["when", "we", "...", "achieve"]),
            ("“No,” he said.", &["“", "No", ",", "”", "he", "said", "."]),
            ("ultimatums.”", &["ultimatums", ".", "”"]),
            ("week.At the event", &["week", ".", "At", "the", "event"]),
            ("(approx. $43.5 billion)", &["(", "approx.", "$43.5", "billion", ")"]),
            (
                "J. R. R. Tolkien and George W. Bush",
                &["J.", "R.", "R.", "Tolkien", "and", "George", "W.", "Bush"],
            ),
            ("the allies’ plan in 2022.", &["the", "allies", "’", "plan", "in", "2022", "."]),
            ("at 3:45 p.m. on Nov. 3", &["at", "3:45", "p.m.", "on", "Nov.", "3"]),
            ("Ukraine’s [Russia’s] enemy", &["Ukraine", "’s", "[", "Russia", "’s", "]", "enemy"]),
            ("‘Peace Summit’ Announcement", &["‘", "Peace", "Summit", "’", "Announcement"]),
        ];
        for (input, expected) in table {
            assert_eq!(forms(input), *expected, "tokenizing {input:?}");
        }
    }

    #[test]
    fn norms_follow_the_treebanks() {
        let text = "“It’s over…” — he said";
        let got: Vec<(&str, Option<String>)> =
            tokenize(text).into_iter().map(|(s, n)| (&text[s], n)).collect();
        assert_eq!(
            got,
            vec![
                ("“", Some("\"".to_string())),
                ("It", None),
                ("’s", Some("'s".to_string())),
                ("over", None),
                ("…", Some("...".to_string())),
                ("”", Some("\"".to_string())),
                ("—", None),
                ("he", None),
                ("said", None),
            ]
        );
    }
}
