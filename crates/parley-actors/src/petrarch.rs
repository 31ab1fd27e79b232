//! Import of PETRARCH/TABARI actor and agent dictionaries.
//!
//! Actor files: an entry line `PHRASE_WORDS_ [CODE]`, `+ALIAS_` lines
//! adding phrases to it, and indented `[CODE YYMMDD-YYMMDD]`, `[CODE >YYMMDD]`
//! (from) or `[CODE <YYMMDD]` (until) lines giving its dated codes. Agent
//! files: `PHRASE [~GOV]`, with `{PLURAL}` forms and `!SET! = A, B`
//! substitution sets. `#` starts a comment.

use std::collections::HashMap;

use crate::dictionary::{ActorEntry, EntryKind, Phrase, PhraseClass, Term};
use crate::ActorError;

/// Whether a file's content is in PETRARCH/TABARI form rather than parley's.
pub(crate) fn looks_like_petrarch(text: &str) -> bool {
    for raw in text.lines() {
        let content = raw.split_once('#').map_or(raw, |(a, _)| a).trim();
        if content.is_empty() {
            continue;
        }
        return crate::format::first_kind_word(content).is_none();
    }
    false
}

/// A phrase written with underscores: `VLADIMIR_V._PUTIN_` -> `VLADIMIR V. PUTIN`.
fn phrase_text(raw: &str) -> String {
    raw.split(['_', ' ', '\t'])
        .map(|w| w.trim_matches(|c| c == '(' || c == ')' || c == '+' || c == '"'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `YYMMDD` (years 30-99 are 19xx) or `YYYYMMDD`.
fn petrarch_date(s: &str) -> Option<u32> {
    let s = s.trim();
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: u32 = s.parse().ok()?;
    let full = match s.len() {
        6 => {
            let yy = n / 10000;
            let century = if yy >= 30 { 1900 } else { 2000 };
            (century + yy) * 10000 + n % 10000
        }
        8 => n,
        _ => return None,
    };
    let (m, d) = (full / 100 % 100, full % 100);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(full)
}

/// Parses one bracket's content: `CODE`, `CODE >date`, `CODE <date`, `CODE a-b`.
fn parse_code(inner: &str, file: &str, line: usize) -> Option<Term> {
    let mut parts = inner.split_whitespace();
    let code = parts.next()?.trim_start_matches('~').to_string();
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        tracing::warn!(file, line, code = %code, "skipping a malformed PETRARCH code");
        return None;
    }
    let code = code.to_ascii_uppercase();
    let mut term = Term { code, role: None, from: None, until: None };
    if let Some(date) = parts.next() {
        let ok = if let Some(d) = date.strip_prefix('>') {
            term.from = petrarch_date(d);
            term.from.is_some()
        } else if let Some(d) = date.strip_prefix('<') {
            term.until = petrarch_date(d);
            term.until.is_some()
        } else if let Some((a, b)) = date.split_once('-') {
            term.from = petrarch_date(a);
            term.until = petrarch_date(b);
            term.from.is_some() && term.until.is_some()
        } else {
            false
        };
        if !ok {
            // The Phoenix files hold a few typos (`2004017`): a code whose
            // dates cannot be read would be wrong at every date, so drop it.
            tracing::warn!(file, line, date, "skipping a PETRARCH code with an unreadable date");
            return None;
        }
    }
    Some(term)
}

/// The bracketed codes on a line, and the line without them.
fn take_codes<'a>(content: &'a str, file: &str, line: usize, terms: &mut Vec<Term>) -> &'a str {
    let head_end = content.find('[').unwrap_or(content.len());
    let mut rest = &content[head_end..];
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else { break };
        if let Some(t) = parse_code(&rest[open + 1..open + close], file, line) {
            terms.push(t);
        }
        rest = &rest[open + close + 1..];
    }
    &content[..head_end]
}

/// Parses a PETRARCH/TABARI actor or agent file into entries.
pub(crate) fn parse(file: &str, text: &str) -> Result<Vec<ActorEntry>, ActorError> {
    let mut out: Vec<ActorEntry> = Vec::new();
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    let mut current: Option<ActorEntry> = None;
    let mut seen = 0usize;
    let finish = |entry: Option<ActorEntry>, out: &mut Vec<ActorEntry>| {
        if let Some(e) = entry {
            if !e.terms.is_empty() && !e.phrases.is_empty() {
                out.push(e);
            }
        }
    };
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        let content = raw.split_once('#').map_or(raw, |(a, _)| a);
        if content.trim().is_empty() {
            continue;
        }
        let trimmed = content.trim();
        // Substitution set: `!PERSON! = MAN, MEN, WOMAN`.
        if trimmed.starts_with('!') {
            if let Some((name, values)) = trimmed.split_once('=') {
                let values = values
                    .split(',')
                    .map(|v| v.trim().to_string())
                    .filter(|v| !v.is_empty())
                    .collect();
                sets.insert(name.trim().to_string(), values);
                continue;
            }
        }
        // Agent files' other directives (`<...>`, `$...`) are not actors.
        if trimmed.starts_with('<') || trimmed.starts_with('$') || trimmed.starts_with('-') {
            continue;
        }
        let indented = raw.starts_with([' ', '\t']);
        if trimmed.starts_with('[') && (indented || current.is_some()) {
            if let Some(e) = current.as_mut() {
                take_codes(trimmed, file, line, &mut e.terms);
            }
            continue;
        }
        if let Some(alias) = trimmed.strip_prefix('+') {
            if let Some(e) = current.as_mut() {
                let mut terms = Vec::new();
                let head = take_codes(alias, file, line, &mut terms);
                e.terms.extend(terms);
                for text in expand(head, &sets) {
                    e.phrases.push(Phrase { text, class: PhraseClass::Name });
                }
            }
            continue;
        }
        // A new entry.
        finish(current.take(), &mut out);
        let mut terms = Vec::new();
        let head = take_codes(trimmed, file, line, &mut terms);
        let (head, plurals) = match head.find('{') {
            Some(i) => {
                let close = head[i..].find('}').map_or(head.len(), |c| i + c);
                (&head[..i], head.get(i + 1..close).unwrap_or_default())
            }
            None => (head, ""),
        };
        let agent = terms.iter().all(|t| t.code.len() == 3) && content.contains("[~");
        let name = phrase_text(head);
        if name.is_empty() {
            continue;
        }
        seen += 1;
        let kind = if agent { EntryKind::Agent } else { EntryKind::Imported };
        let mut entry =
            ActorEntry::new(format!("petrarch:{file}:{name}"), kind, format!("{file}:{line}"));
        entry.loose_case = true;
        entry.name = Some(name.clone());
        entry.terms = terms;
        for text in expand(head, &sets) {
            entry.phrases.push(Phrase { text, class: PhraseClass::Name });
        }
        for p in plurals.split(',').map(phrase_text).filter(|p| !p.is_empty()) {
            entry.phrases.push(Phrase { text: p, class: PhraseClass::Name });
        }
        current = Some(entry);
    }
    finish(current, &mut out);
    tracing::debug!(file, read = seen, kept = out.len(), "imported PETRARCH dictionary");
    Ok(out)
}

/// Expands `!SET!` references into every member of the set.
fn expand(raw: &str, sets: &HashMap<String, Vec<String>>) -> Vec<String> {
    for (name, values) in sets {
        if let Some(i) = raw.find(name.as_str()) {
            let (a, b) = (&raw[..i], &raw[i + name.len()..]);
            return values.iter().flat_map(|v| expand(&format!("{a}{v}{b}"), sets)).collect();
        }
    }
    let text = phrase_text(raw);
    if text.is_empty() {
        Vec::new()
    } else {
        vec![text]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_actor_entries_with_dates() {
        let text = "\
# comment
VLADIMIR_PUTIN_  # CountryInfo.txt
+PUTIN_
+PRESIDENT_VLADIMIR_PUTIN_
\t[RUSELI 700101-990809]
\t[RUSGOV >120507]
\t[RUSELI]
NATO_ [IGOWSTNAT]
+NORTH_ATLANTIC_TREATY_ORGANIZATION_
";
        assert!(looks_like_petrarch(text));
        let entries = parse("x.txt", text).expect("parses");
        assert_eq!(entries.len(), 2);
        let putin = &entries[0];
        assert_eq!(putin.phrases.len(), 3);
        assert_eq!(putin.terms.len(), 3);
        assert_eq!(putin.terms[0].from, Some(19700101));
        assert_eq!(putin.terms[1].from, Some(20120507));
        let (t, _) = putin.term_at(Some(20240101)).expect("term");
        assert_eq!(t.code, "RUSGOV");
        let (t, _) = putin.term_at(Some(20050101)).expect("term");
        assert_eq!(t.code, "RUSELI");
        assert_eq!(entries[1].phrases[1].text, "NORTH ATLANTIC TREATY ORGANIZATION");
    }

    #[test]
    fn reads_agents_with_sets_and_plurals() {
        let text = "!PERSON! = MAN, WOMAN\nBUSINESS!PERSON! [~BUS]\nCHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]\n";
        let entries = parse("a.txt", text).expect("parses");
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].kind, EntryKind::Agent);
        let texts: Vec<&str> = entries[0].phrases.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["BUSINESSMAN", "BUSINESSWOMAN"]);
        assert_eq!(entries[1].phrases.len(), 2);
        assert_eq!(entries[0].terms[0].code, "BUS");
    }
}
