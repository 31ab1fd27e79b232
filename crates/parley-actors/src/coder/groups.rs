//! Group actors: "the allies", "the 32 allies", "leaders", "the alliance",
//! "member states" stand for the organisation or bloc named nearby (NATO,
//! the G7, the EU); so does the document a bloc issued when it is the
//! subject ("The declaration called on Beijing ..."). The phrases and how
//! far back the organisation may be named are data (`data/actors/groups.txt`).

use std::sync::OnceLock;

use parley_doc::Upos;

use super::matching::Word;
use super::state::DocState;

/// One group phrase: its words, its window in sentences, and whether it
/// stands for the bloc only as a clause subject (a document: "the
/// declaration called on", not "adopted the declaration").
struct Group {
    words: Vec<String>,
    window: usize,
    subject: bool,
}

const GROUPS_TXT: &str = include_str!("../../../../data/actors/groups.txt");

fn groups() -> &'static [Group] {
    static GROUPS: OnceLock<Vec<Group>> = OnceLock::new();
    GROUPS.get_or_init(|| parse(GROUPS_TXT))
}

/// Reads `window | words [| subject]` lines; a line that does not parse
/// is skipped (the file is embedded and checked by a test).
fn parse(text: &str) -> Vec<Group> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut fields = l.split('|').map(str::trim);
            let window = fields.next()?.parse().ok()?;
            let words: Vec<String> =
                fields.next()?.split_whitespace().map(str::to_string).collect();
            let subject = match fields.next() {
                None => false,
                Some("subject") => true,
                Some(_) => return None,
            };
            (!words.is_empty()).then_some(Group { words, window, subject })
        })
        .collect()
}

/// Whether the phrase over words `[start, end)` is a clause subject: by
/// the parse, or opening the sentence (or a clause after a comma) before
/// a verb, which the parse may have read as a reduced relative ("The
/// declaration called on ..." parsed as "the declaration [that was]
/// called"); untagged, opening the sentence or a clause.
fn is_subject(words: &[Word], start: usize, end: usize) -> bool {
    let by_parse = words[start..end]
        .iter()
        .any(|w| w.deprel.as_deref().is_some_and(|r| r.starts_with("nsubj")));
    let opens = start == 0 || words[start - 1].norm == ",";
    let mut k = end;
    if words.get(k).is_some_and(|w| w.upos == Some(Upos::ADV)) {
        k += 1;
    }
    let verb_next = match words.get(k).and_then(|w| w.upos) {
        Some(u) => matches!(u, Upos::VERB | Upos::AUX),
        None => true,
    };
    by_parse || (opens && verb_next)
}

/// Words that make what follows someone's partners, not the bloc.
const OWNERS: &[&str] = &["'s", "'", "its", "their", "our", "his", "her", "your", "my"];

/// A group phrase starting at word `i`: its end (exclusive) and window.
pub(super) fn group_at(words: &[Word], i: usize) -> Option<(usize, usize)> {
    let norm = |k: usize| words.get(k).map(|w| w.norm.as_str());
    if i > 0 {
        let prev = &words[i - 1];
        if OWNERS.contains(&prev.norm.as_str())
            || matches!(prev.upos, Some(Upos::ADJ | Upos::PROPN | Upos::NUM))
            || prev.norm == "the"
        {
            return None;
        }
    }
    let mut k = i;
    let the = norm(k) == Some("the");
    if the {
        k += 1;
    }
    let number = norm(k)
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()) || words[k].upos == Some(Upos::NUM));
    for g in groups() {
        let own_the = g.words[0] == "the";
        if own_the && !the {
            continue;
        }
        let start = if own_the { i } else { k + usize::from(number && g.window >= 2) };
        if number && !own_the && g.window < 2 {
            continue;
        }
        let end = start + g.words.len();
        if end > words.len() || (start..end).zip(&g.words).any(|(j, w)| words[j].norm != *w) {
            continue;
        }
        // "allies of Kyiv" are Kyiv's partners.
        if norm(end) == Some("of") {
            return None;
        }
        if g.subject && !is_subject(words, start, end) {
            continue;
        }
        return Some((end, g.window));
    }
    None
}

/// The latest draft naming an intergovernmental organisation (or one of
/// its people: "NATO leaders", "the NATO chief"), in this sentence or the
/// `window` sentences before.
pub(super) fn latest_bloc(state: &DocState, si: usize, window: usize) -> Option<usize> {
    state
        .drafts
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, d)| d.sentence + window >= si)
        .find(|(_, d)| d.actor.code.starts_with("IGO"))
        .map(|(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_list_parses_whole() {
        let lines = GROUPS_TXT
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim().starts_with('#'))
            .count();
        assert_eq!(parse(GROUPS_TXT).len(), lines);
        assert!(groups().iter().all(|g| !g.words.is_empty()));
    }
}
