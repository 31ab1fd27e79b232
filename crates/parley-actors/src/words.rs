//! Words: the unit the dictionary matches on. Dictionary phrases and
//! document tokens go through the same normalisation, so "Russia's",
//! "Russian-backed", "U.S." and "Ban Ki-moon" compare equal on both sides.

/// How a word is capitalised in the text, or must be in a dictionary phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// No uppercase letter first ("rebels", "al").
    Lower,
    /// First letter uppercase ("Kyiv", "McDonald").
    Capitalized,
    /// Two or more letters, all uppercase ("NATO", "U.S.").
    Upper,
    /// No letters at all (punctuation, digits).
    Other,
}

/// What a dictionary word asks of the text word it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CaseReq {
    /// Any case ("government" matches "Government").
    Any,
    /// Capitalised or all caps ("Chad" does not match "chad").
    Capitalized,
    /// All caps ("US" does not match "us").
    Upper,
}

impl CaseReq {
    pub(crate) fn accepts(self, shape: Shape) -> bool {
        match self {
            CaseReq::Any => true,
            CaseReq::Capitalized => matches!(shape, Shape::Capitalized | Shape::Upper),
            CaseReq::Upper => shape == Shape::Upper,
        }
    }
}

pub(crate) fn shape(word: &str) -> Shape {
    let mut letters = 0usize;
    let mut upper = 0usize;
    let mut first_upper = None;
    for c in word.chars() {
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
            }
            if first_upper.is_none() {
                first_upper = Some(c.is_uppercase());
            }
        }
    }
    match first_upper {
        None => Shape::Other,
        Some(false) => Shape::Lower,
        Some(true) if letters >= 2 && upper == letters => Shape::Upper,
        Some(true) => Shape::Capitalized,
    }
}

/// The case a dictionary word written this way asks for.
pub(crate) fn case_req(word: &str) -> CaseReq {
    match shape(word) {
        Shape::Upper => CaseReq::Upper,
        Shape::Capitalized => CaseReq::Capitalized,
        Shape::Lower | Shape::Other => CaseReq::Any,
    }
}

/// Normalised form of one word: lowercase, curly apostrophes straight,
/// dots dropped ("U.S." and "US" are both "us"), dashes unified.
pub(crate) fn normalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '.' => {}
            '\u{2019}' | '\u{2018}' | '`' | '\u{b4}' => out.push('\''),
            c if is_dash(c) => out.push('-'),
            c => out.extend(c.to_lowercase()),
        }
    }
    if out.is_empty() {
        // A word made only of dots stays a dot.
        out.push('.');
    }
    out
}

pub(crate) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '/'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`')
}

/// Splits a piece of text (a token, or a dictionary phrase) into words:
/// whitespace separates, dashes and slashes are words of their own, and a
/// possessive ending ("'s", "’s", the "’" of "Palestinians’") is split off.
/// Returns byte ranges relative to `text`.
pub(crate) fn split(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                push_word(text, s, i, &mut out);
            }
        } else if is_dash(c) {
            if let Some(s) = start.take() {
                push_word(text, s, i, &mut out);
            }
            out.push((i, i + c.len_utf8()));
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        push_word(text, s, text.len(), &mut out);
    }
    out
}

fn push_word(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let word = &text[start..end];
    // "Russia's" -> "Russia" + "'s"; "Palestinians'" -> "Palestinians" + "'".
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let n = chars.len();
    if n >= 3 {
        let (ai, a) = chars[n - 2];
        let (_, s) = chars[n - 1];
        if is_apostrophe(a) && (s == 's' || s == 'S') {
            out.push((start, start + ai));
            out.push((start + ai, end));
            return;
        }
    }
    if n >= 3 {
        let (ai, a) = chars[n - 1];
        let (_, s) = chars[n - 2];
        if is_apostrophe(a) && (s == 's' || s == 'S') {
            out.push((start, start + ai));
            out.push((start + ai, end));
            return;
        }
    }
    // A trailing comma or full stop glued to a word by a rough tokenizer.
    let trimmed = word.trim_end_matches([',', ';', ':', '"', '\u{201d}', ')']);
    if !trimmed.is_empty() && trimmed.len() < word.len() {
        out.push((start, start + trimmed.len()));
        out.push((start + trimmed.len(), end));
        return;
    }
    out.push((start, end));
}

/// Whether a normalised word is a possessive marker.
pub(crate) fn is_possessive(norm: &str) -> bool {
    norm == "'s" || norm == "'"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn splits_possessives_hyphens_and_dashes() {
        assert_eq!(words("Russia's"), ["Russia", "'s"]);
        assert_eq!(words("Kyiv’s plan"), ["Kyiv", "’s", "plan"]);
        assert_eq!(words("Palestinians’"), ["Palestinians", "’"]);
        assert_eq!(words("Russian-backed"), ["Russian", "-", "backed"]);
        assert_eq!(words("Ban Ki-moon"), ["Ban", "Ki", "-", "moon"]);
        assert_eq!(words("Russia—which"), ["Russia", "—", "which"]);
        assert_eq!(words("U.S."), ["U.S."]);
    }

    #[test]
    fn normalizes_and_shapes() {
        assert_eq!(normalize("U.S."), "us");
        assert_eq!(normalize("Zelenskyy"), "zelenskyy");
        assert_eq!(normalize("’s"), "'s");
        assert_eq!(shape("NATO"), Shape::Upper);
        assert_eq!(shape("U.S."), Shape::Upper);
        assert_eq!(shape("Kyiv"), Shape::Capitalized);
        assert_eq!(shape("rebels"), Shape::Lower);
        assert!(!case_req("US").accepts(shape("us")));
        assert!(case_req("government").accepts(shape("Government")));
        assert!(!case_req("Chad").accepts(shape("chad")));
    }
}
