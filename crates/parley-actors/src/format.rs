//! parley's actor dictionary format: one entry a line,
//! `KIND HEAD = PHRASE; PHRASE | FIELD: VALUE; VALUE | ...`
//! (documented in `data/actors/README.md`).

use crate::dictionary::{parse_date, ActorEntry, EntryKind, Phrase, PhraseClass, Term};
use crate::ActorError;

/// Whether the first entry line of `text` is in parley's format.
pub(crate) fn first_kind_word(line: &str) -> Option<EntryKind> {
    let word = line.split_whitespace().next()?;
    Some(match word {
        "country" => EntryKind::Country,
        "org" => EntryKind::Org,
        "group" => EntryKind::Group,
        "agent" => EntryKind::Agent,
        "person" => EntryKind::Person,
        "title" => EntryKind::Title,
        "modifier" => EntryKind::Modifier,
        _ => return None,
    })
}

fn list(s: &str) -> impl Iterator<Item = &str> {
    s.split(';').map(str::trim).filter(|p| !p.is_empty())
}

fn yes(value: &str, file: &str, line: usize) -> Result<bool, ActorError> {
    match value.trim() {
        "yes" | "true" => Ok(true),
        "no" | "false" => Ok(false),
        other => {
            Err(ActorError::syntax(file, line, format!("expected yes or no, found {other:?}")))
        }
    }
}

fn check_code(code: &str, file: &str, line: usize) -> Result<(), ActorError> {
    if code.len() < 3 || !code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
        return Err(ActorError::syntax(
            file,
            line,
            format!("bad code {code:?}: expected upper-case letters, e.g. RUSGOV"),
        ));
    }
    Ok(())
}

/// Parses a term: `CODE [role words] [FROM..UNTIL]`.
pub(crate) fn parse_term(value: &str, file: &str, line: usize) -> Result<Term, ActorError> {
    let mut words: Vec<&str> = value.split_whitespace().collect();
    let Some(code) = words.first().copied() else {
        return Err(ActorError::syntax(file, line, "empty term"));
    };
    check_code(code, file, line)?;
    let (mut from, mut until) = (None, None);
    if let Some(range) = words.last().copied().filter(|w| w.contains("..")) {
        words.pop();
        let (a, b) = range.split_once("..").unwrap_or((range, ""));
        if !a.is_empty() {
            from = Some(
                parse_date(a, false)
                    .ok_or_else(|| ActorError::syntax(file, line, format!("bad date {a:?}")))?,
            );
        }
        if !b.is_empty() {
            until = Some(
                parse_date(b, true)
                    .ok_or_else(|| ActorError::syntax(file, line, format!("bad date {b:?}")))?,
            );
        }
    }
    let role = (words.len() > 1).then(|| words[1..].join(" "));
    Ok(Term { code: code.to_string(), role, from, until })
}

/// Parses a whole file.
pub(crate) fn parse(file: &str, text: &str) -> Result<Vec<ActorEntry>, ActorError> {
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        let content = raw.split_once('#').map_or(raw, |(a, _)| a).trim();
        if content.is_empty() {
            continue;
        }
        let Some(kind) = first_kind_word(content) else {
            return Err(ActorError::syntax(
                file,
                line,
                "expected an entry: country, org, group, agent, person, title or modifier",
            ));
        };
        out.push(parse_line(kind, content, file, line)?);
    }
    Ok(out)
}

fn parse_line(
    kind: EntryKind,
    content: &str,
    file: &str,
    line: usize,
) -> Result<ActorEntry, ActorError> {
    let mut parts = content.split('|');
    let main = parts.next().unwrap_or_default();
    let main = main.trim_start().split_once(char::is_whitespace).map_or("", |(_, rest)| rest);
    let (head, phrases) = match main.split_once('=') {
        Some((h, p)) => (h.trim(), p.trim()),
        None => (main.trim(), ""),
    };
    let origin = format!("{file}:{line}");
    let mut entry = ActorEntry::new(String::new(), kind, origin);
    let mut name_field = None;
    let mut phrase_list: Vec<Phrase> =
        list(phrases).map(|p| Phrase { text: p.to_string(), class: PhraseClass::Name }).collect();
    let mut terms = Vec::new();
    let mut no_surname = false;
    for field in parts {
        let Some((key, value)) = field.split_once(':') else {
            return Err(ActorError::syntax(
                file,
                line,
                format!("expected `key: value`, found {:?}", field.trim()),
            ));
        };
        let key = key.trim();
        let class = match key {
            "adj" => Some(PhraseClass::Adjective),
            "people" => Some(PhraseClass::People),
            "seat" => Some(PhraseClass::Seat),
            "alias" => Some(PhraseClass::Name),
            _ => None,
        };
        if let Some(class) = class {
            phrase_list.extend(list(value).map(|p| Phrase { text: p.to_string(), class }));
            continue;
        }
        match key {
            "name" => name_field = Some(value.trim().to_string()),
            "role" => {
                entry.role = Some(value.trim().to_string()).filter(|r| !r.is_empty() && r != "-")
            }
            "person" => entry.person_role = yes(value, file, line)?,
            "defer" => entry.defer = yes(value, file, line)?,
            // `surname: -`: the surname alone never names this person
            // (shared by many, or a common word).
            "surname" if value.trim() == "-" => no_surname = true,
            "surname" => entry.surname = Some(value.trim().to_string()),
            "source" => entry.source = Some(value.trim().to_string()).filter(|s| !s.is_empty()),
            "term" => terms.push(parse_term(value, file, line)?),
            other => {
                return Err(ActorError::syntax(file, line, format!("unknown field {other:?}")))
            }
        }
    }
    match kind {
        EntryKind::Country | EntryKind::Org | EntryKind::Group | EntryKind::Agent => {
            if head.is_empty() {
                return Err(ActorError::syntax(file, line, "missing code before `=`"));
            }
            check_code(head, file, line)?;
            if phrase_list.is_empty() {
                return Err(ActorError::syntax(file, line, "no phrases after `=`"));
            }
            if terms.is_empty() {
                terms.push(Term {
                    code: head.to_string(),
                    role: entry.role.clone(),
                    from: None,
                    until: None,
                });
            }
            let first = phrase_list[0].text.clone();
            entry.name = Some(name_field.unwrap_or_else(|| first.clone()));
            entry.id = match kind {
                EntryKind::Country => format!("country:{head}"),
                EntryKind::Org => format!("org:{}", entry.name.as_deref().unwrap_or(&first)),
                EntryKind::Group => format!("group:{}", entry.name.as_deref().unwrap_or(&first)),
                _ => format!("agent:{first}"),
            };
        }
        EntryKind::Person => {
            if head.is_empty() {
                return Err(ActorError::syntax(file, line, "missing the person's name before `=`"));
            }
            if terms.is_empty() {
                return Err(ActorError::syntax(file, line, "a person needs at least one `term:`"));
            }
            if !phrase_list.iter().any(|p| p.text == head) {
                phrase_list.insert(0, Phrase { text: head.to_string(), class: PhraseClass::Name });
            }
            let words: Vec<&str> = head.split_whitespace().collect();
            if entry.surname.is_none() && !no_surname && words.len() >= 2 {
                // The last word that is not a suffix ("Jr.", "II").
                entry.surname = words[1..]
                    .iter()
                    .rev()
                    .find(|w| {
                        !matches!(
                            w.trim_end_matches('.'),
                            "Jr" | "Sr" | "II" | "III" | "IV" | "V" | "VI"
                        )
                    })
                    .map(|w| w.to_string());
            }
            entry.name = Some(name_field.unwrap_or_else(|| head.to_string()));
            entry.id = format!("person:{head}");
        }
        EntryKind::Title | EntryKind::Modifier => {
            if phrase_list.is_empty() {
                return Err(ActorError::syntax(file, line, "no words after `=`"));
            }
            let tag = if kind == EntryKind::Title { "title" } else { "modifier" };
            entry.id = format!("{tag}:{}", phrase_list[0].text);
        }
        EntryKind::Imported => {}
    }
    entry.terms = terms;
    entry.phrases = phrase_list;
    Ok(entry)
}

/// `yyyymmdd` as `YYYY-MM-DD`.
fn date_text(d: u32) -> String {
    format!("{:04}-{:02}-{:02}", d / 10000, d / 100 % 100, d % 100)
}

fn term_text(t: &Term) -> String {
    let mut out = t.code.clone();
    if let Some(role) = &t.role {
        out.push(' ');
        out.push_str(role);
    }
    if t.from.is_some() || t.until.is_some() {
        out.push(' ');
        out.push_str(&t.from.map(date_text).unwrap_or_default());
        out.push_str("..");
        out.push_str(&t.until.map(date_text).unwrap_or_default());
    }
    out
}

/// Whether a phrase can be written in parley's format: none of its
/// separators (`;`, `|`, `=`) or the comment sign inside it.
pub(crate) fn writable(phrase: &str) -> bool {
    !phrase.trim().is_empty() && !phrase.contains([';', '|', '=', '#', '\n'])
}

/// One entry as a line of parley's format, which [`parse`] reads back into
/// the same entry. Persons, organisations and groups only (what imports
/// produce); `None` for other kinds, an entry without a code or phrase, or
/// a phrase [`writable`] refuses.
pub fn write_entry(entry: &ActorEntry) -> Option<String> {
    let first = entry.phrases.first()?;
    if entry.phrases.iter().any(|p| !writable(&p.text) || p.class != PhraseClass::Name) {
        return None;
    }
    let mut out = match entry.kind {
        EntryKind::Person => format!("person {}", first.text),
        EntryKind::Org => format!("org {}", entry.terms.first()?.code),
        EntryKind::Group => format!("group {}", entry.terms.first()?.code),
        _ => return None,
    };
    let rest = if entry.kind == EntryKind::Person { &entry.phrases[1..] } else { &entry.phrases };
    if !rest.is_empty() {
        let phrases: Vec<&str> = rest.iter().map(|p| p.text.as_str()).collect();
        out.push_str(" = ");
        out.push_str(&phrases.join("; "));
    }
    let plain_code = entry.terms.len() == 1 && {
        let t = &entry.terms[0];
        t.role.is_none() && t.from.is_none() && t.until.is_none()
    };
    if entry.kind == EntryKind::Person || !plain_code {
        for t in &entry.terms {
            out.push_str(" | term: ");
            out.push_str(&term_text(t));
        }
    }
    if entry.kind == EntryKind::Person {
        let derived = first.text.split_whitespace().count() >= 2;
        match &entry.surname {
            Some(s) => out.push_str(&format!(" | surname: {s}")),
            None if derived => out.push_str(" | surname: -"),
            None => {}
        }
    }
    if let Some(source) = &entry.source {
        out.push_str(&format!(" | source: {source}"));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_kind() {
        let text = "\
# a comment
country UKR = Ukraine | adj: Ukrainian | people: Ukrainians | seat: Kyiv; Kiev
org IGOWSTNAT = NATO; North Atlantic Treaty Organization | name: NATO
agent GOV = spokesman; spokeswoman | role: spokesperson | person: yes | defer: yes
person Vladimir Putin = Putin | term: RUSGOV president 2012-05-07.. | term: RUSGOV prime minister 2008-05-08..2012-05-07
title = Mr; Mrs
";
        let entries = parse("t.actors", text).expect("parses");
        assert_eq!(entries.len(), 5);
        assert_eq!(entries[0].id, "country:UKR");
        assert_eq!(entries[0].phrases.len(), 5);
        assert_eq!(entries[1].terms[0].code, "IGOWSTNAT");
        assert!(entries[2].person_role && entries[2].defer);
        assert_eq!(entries[3].surname.as_deref(), Some("Putin"));
        assert_eq!(entries[3].terms[1].until, Some(20120507));
        assert_eq!(entries[3].terms[0].role.as_deref(), Some("president"));
        assert_eq!(entries[4].phrases.len(), 2);
    }

    #[test]
    fn written_entries_read_back_the_same() {
        let text = "\
person Ban Ki-moon = Ban Ki Moon | term: KORGOV 2004-01-17..2006-12-01 | term: IGOUNO 2007-01-01.. | term: KORELI | source: phoenix
person Ali Hassan = Ali Hasan | term: IRQGOV 2003..2005-06 | surname: - | source: phoenix
org IGOUNOREFHCR = Office of the High Commissioner for Refugees; UNHCR | source: phoenix
group PSEREBHMS = Hamas | term: PSEREBHMS 1987..2006-03-29 | term: PSEGOVHMS 2006-03-30..
";
        let entries = parse("w.actors", text).expect("parses");
        assert_eq!(entries[0].surname.as_deref(), Some("Ki-moon"));
        assert_eq!(entries[1].surname, None);
        assert_eq!(entries[0].source.as_deref(), Some("phoenix"));
        for (entry, line) in entries.iter().zip(text.lines()) {
            let written = write_entry(entry).expect("writable");
            let again = parse("w.actors", &written).expect("reads back");
            assert_eq!(again.len(), 1, "{written}");
            let mut again = again.into_iter().next().expect("one entry");
            again.origin.clone_from(&entry.origin);
            assert_eq!(&again, entry, "{line}\n{written}");
        }
    }

    #[test]
    fn refuses_what_it_cannot_write() {
        let mut e = ActorEntry::new("org:x".into(), EntryKind::Org, "t:1".into());
        e.terms.push(Term { code: "IGO".into(), role: None, from: None, until: None });
        e.phrases.push(Phrase { text: "A; B".into(), class: PhraseClass::Name });
        assert_eq!(write_entry(&e), None);
        e.phrases[0].text = "Alpha Beta".into();
        assert_eq!(write_entry(&e).as_deref(), Some("org IGO = Alpha Beta"));
        e.kind = EntryKind::Country;
        assert_eq!(write_entry(&e), None);
    }

    #[test]
    fn reports_file_and_line() {
        let err = parse("bad.actors", "\ncountry ukr = Ukraine\n").expect_err("bad code");
        assert!(err.to_string().starts_with("bad.actors:2:"), "{err}");
        let err = parse("bad.actors", "person X Y = X\n").expect_err("no term");
        assert!(err.to_string().contains("term"), "{err}");
    }
}
