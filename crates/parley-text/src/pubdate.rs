//! Publication dates printed on a page: "Updated: March 4, 2025 3:45 PM",
//! "Published Jan. 22, 2026", "4 March 2025". Plain-text scrapes carry no
//! metadata, so the reader takes the date from such a line near the top.

use parley_doc::{calendar, BlockKind, Document};

/// How many blocks from the top a dateline may sit.
const DATELINE_WINDOW: usize = 10;

/// Sets `doc.meta.date` from the first dateline among the top blocks,
/// when no date is known yet.
pub(crate) fn date_from_datelines(doc: &mut Document) {
    if doc.meta.date.is_some() {
        return;
    }
    let found = doc
        .blocks
        .iter()
        .take(DATELINE_WINDOW)
        .filter(|b| b.kind != BlockKind::Headline)
        .find_map(|b| dateline_date(&doc.text[b.span]));
    doc.meta.date = found;
}

/// The date of a dateline, as `YYYY-MM-DD`: a short line that starts with
/// "Updated", "Published", "Posted" (or is nothing but a date and a time)
/// and holds a full date.
pub(crate) fn dateline_date(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 {
        return None;
    }
    let first = words[0].trim_end_matches(':').to_ascii_lowercase();
    let labelled = matches!(first.as_str(), "updated" | "published" | "posted" | "last");
    let date = find_date(&words)?;
    // An unlabelled line must be just the date (and perhaps a time): a body
    // sentence that mentions a date is not a dateline.
    if labelled || words.len() <= 6 {
        Some(date)
    } else {
        None
    }
}

fn find_date(words: &[&str]) -> Option<String> {
    let clean = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_string();
    let words: Vec<String> = words.iter().map(|w| clean(w)).collect();
    for (i, word) in words.iter().enumerate() {
        if let Some(iso) = iso_date(word) {
            return Some(iso);
        }
        // Month D YYYY
        if let Some(month) = calendar::month_number(word) {
            let day = words.get(i + 1).and_then(|d| d.parse::<u32>().ok());
            let year = words.get(i + 2).and_then(|y| year_of(y));
            if let (Some(day), Some(year)) = (day, year) {
                return format_date(year, month, day);
            }
        }
        // D Month YYYY
        if let Ok(day) = word.parse::<u32>() {
            let month = words.get(i + 1).and_then(|m| calendar::month_number(m));
            let year = words.get(i + 2).and_then(|y| year_of(y));
            if let (Some(month), Some(year)) = (month, year) {
                return format_date(year, month, day);
            }
        }
    }
    None
}

fn iso_date(word: &str) -> Option<String> {
    let parts: Vec<&str> = word.get(..10)?.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 {
        return None;
    }
    let year = year_of(parts[0])?;
    format_date(year, parts[1].parse().ok()?, parts[2].parse().ok()?)
}

fn year_of(word: &str) -> Option<i32> {
    let year: i32 = word.parse().ok()?;
    (1900..=2100).contains(&year).then_some(year)
}

fn format_date(year: i32, month: u32, day: u32) -> Option<String> {
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days_in_month).contains(&day).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_give_iso_dates() {
        let cases = [
            ("Updated: March 4, 2025 3:45 PM ET", Some("2025-03-04")),
            ("Published Jan. 22, 2026 | 5 min read", Some("2026-01-22")),
            ("Posted 4 Sept 2024", Some("2024-09-04")),
            ("2025-06-14T09:30:00Z", Some("2025-06-14")),
            ("June 5, 2024", Some("2024-06-05")),
            ("Updated:", None),
            ("0:00", None),
            ("Feb. 30, 2024", None),
            ("The summit, held on June 15, 2024 in Switzerland, was attended by 92 states.", None),
        ];
        for (line, want) in cases {
            assert_eq!(dateline_date(line).as_deref(), want, "{line}");
        }
    }
}
