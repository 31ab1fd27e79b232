//! Date expressions ("today", "on Thursday", "last week", "in mid-June",
//! "on July 16", "in February 2022", "earlier this year") found over a
//! sentence's tokens and resolved against the document's date.
//!
//! Bare weekdays and month days are anchored in the past of the document
//! date (news reports what happened), unless a "next"/"coming" says otherwise.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use parley_doc::{calendar, DatePrecision};

/// A date expression over local token indices `first..end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateExpr {
    /// First token, inclusive.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// The resolved date (first day of the period for week/month/year).
    pub value: NaiveDate,
    /// How precise it is.
    pub precision: DatePrecision,
    /// The rule that resolved it.
    pub rule: &'static str,
}

fn month_of(word: &str) -> Option<u32> {
    calendar::month_number(word)
}

fn weekday_of(word: &str) -> Option<Weekday> {
    const DAYS: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    calendar::weekday_number(word).map(|d| DAYS[d as usize])
}

fn number_word(word: &str) -> Option<i64> {
    if let Ok(n) = word.parse::<i64>() {
        return Some(n);
    }
    let words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    words.iter().position(|w| *w == word).map(|i| i as i64 + 1).or((word == "a").then_some(1))
}

fn day_num(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let d: u32 = w.parse().ok()?;
    let suffix = &word[w.len()..];
    (w.len() <= 2 && (1..=31).contains(&d) && matches!(suffix, "" | "st" | "nd" | "rd" | "th"))
        .then_some(d)
}

fn year_num(word: &str) -> Option<i32> {
    let y: i32 = word.parse().ok()?;
    (word.len() == 4 && (1900..=2100).contains(&y)).then_some(y)
}

fn monday(d: NaiveDate) -> NaiveDate {
    // At the calendar's first week there is no Monday before: keep the day.
    d.checked_sub_signed(Duration::days(i64::from(d.weekday().num_days_from_monday()))).unwrap_or(d)
}

fn first_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, 1)
}

fn add_months(d: NaiveDate, months: i32) -> Option<NaiveDate> {
    let total = d.year().checked_mul(12)?.checked_add(d.month0() as i32)?.checked_add(months)?;
    first_of_month(total.div_euclid(12), total.rem_euclid(12) as u32 + 1)
}

/// The year a month (and day) without a year most likely means: the document's,
/// unless that lies well after the document date.
fn anchor_year(doc: NaiveDate, month: u32, day: u32) -> i32 {
    match NaiveDate::from_ymd_opt(doc.year(), month, day.max(1)) {
        Some(d) if d > doc + Duration::days(60) => doc.year() - 1,
        _ => doc.year(),
    }
}

/// Finds and resolves the date expressions among a sentence's lowercase
/// token forms. Relative expressions need `doc_date`; absolute ones do not.
pub fn find_dates(words: &[String], doc_date: Option<NaiveDate>) -> Vec<DateExpr> {
    let mut out = Vec::new();
    let w = |i: usize| words.get(i).map(String::as_str).unwrap_or("");
    let mut i = 0;
    while i < words.len() {
        if let Some(e) = match_at(words, i, doc_date, &w) {
            i = e.end;
            // Dates are written YYYY-MM-DD and YYYYMMDD (GDELT): a date
            // resolved before year 1 ("yesterday" in a document of
            // 0001-01-01) or past 9999 has no such form, so it is dropped.
            if (1..=9999).contains(&e.value.year()) {
                out.push(e);
            }
        } else {
            i += 1;
        }
    }
    out
}

fn match_at<'w>(
    _words: &'w [String],
    i: usize,
    doc: Option<NaiveDate>,
    w: &dyn Fn(usize) -> &'w str,
) -> Option<DateExpr> {
    let e =
        |first: usize,
         end: usize,
         value: NaiveDate,
         precision: DatePrecision,
         rule: &'static str| { Some(DateExpr { first, end, value, precision, rule }) };
    let word = w(i);
    // Absolute: "July 16", "July 16, 2024", "Nov. 3, 2023", "February 2022", "June".
    if let Some(m) = month_of(word) {
        let start = if matches!(
            w(i.wrapping_sub(1)),
            "in" | "on" | "since" | "by" | "until" | "early" | "late" | "mid"
        ) && i > 0
        {
            i - 1
        } else {
            i
        };
        let mut j = i + 1;
        if w(j) == "." {
            j += 1;
        }
        if let Some(d) = day_num(w(j)) {
            let mut end = j + 1;
            let mut year = None;
            let k = if w(end) == "," { end + 1 } else { end };
            if let Some(y) = year_num(w(k)) {
                year = Some(y);
                end = k + 1;
            }
            let y = year.or_else(|| doc.map(|doc| anchor_year(doc, m, d)))?;
            let value = NaiveDate::from_ymd_opt(y, m, d)?;
            return e(
                start,
                end,
                value,
                DatePrecision::Day,
                if year.is_some() { "month-day-year" } else { "month-day" },
            );
        }
        // "may" and "march" alone are too often verbs: need a year or "in".
        let ambiguous = matches!(word, "may" | "march");
        let mut prefix_start = start;
        let mut day = 1;
        let mut rule = "month";
        if i >= 1 && matches!(w(i - 1), "mid" | "mid-") {
            day = 15;
            rule = "mid-month";
        } else if i >= 2 && w(i - 1) == "-" && w(i - 2) == "mid" {
            day = 15;
            rule = "mid-month";
            prefix_start = i - 2;
        } else if i >= 1 && w(i - 1) == "early" {
            rule = "early-month";
        } else if i >= 1 && w(i - 1) == "late" {
            day = 20;
            rule = "late-month";
        }
        if prefix_start > 0
            && matches!(w(prefix_start - 1), "in" | "since" | "by" | "until" | "from")
        {
            prefix_start -= 1;
        }
        if let Some(y) = year_num(w(j)) {
            let value = NaiveDate::from_ymd_opt(y, m, day)?;
            return e(prefix_start, j + 1, value, DatePrecision::Month, "month-year");
        }
        if ambiguous && prefix_start == i {
            return None;
        }
        let doc = doc?;
        let y = anchor_year(doc, m, 1);
        let value = NaiveDate::from_ymd_opt(y, m, day)?;
        return e(prefix_start, i + 1, value, DatePrecision::Month, rule);
    }
    // "mid-june" as one token.
    if let Some(rest) = word.strip_prefix("mid-") {
        let m = month_of(rest)?;
        let start = if i > 0 && w(i - 1) == "in" { i - 1 } else { i };
        if let Some(y) = year_num(w(i + 1)) {
            return e(
                start,
                i + 2,
                NaiveDate::from_ymd_opt(y, m, 15)?,
                DatePrecision::Month,
                "mid-month",
            );
        }
        let doc = doc?;
        return e(
            start,
            i + 1,
            NaiveDate::from_ymd_opt(anchor_year(doc, m, 1), m, 15)?,
            DatePrecision::Month,
            "mid-month",
        );
    }
    // "in 2022", "since 2014".
    if matches!(word, "in" | "since" | "during" | "until") {
        if let Some(y) = year_num(w(i + 1)) {
            return e(i, i + 2, NaiveDate::from_ymd_opt(y, 1, 1)?, DatePrecision::Year, "year");
        }
    }
    let doc = doc?;
    match word {
        "today" | "tonight" => return e(i, i + 1, doc, DatePrecision::Day, "today"),
        "yesterday" => {
            return e(i, i + 1, doc - Duration::days(1), DatePrecision::Day, "yesterday")
        }
        "tomorrow" => return e(i, i + 1, doc + Duration::days(1), DatePrecision::Day, "tomorrow"),
        "this" if matches!(w(i + 1), "morning" | "afternoon" | "evening") => {
            return e(i, i + 2, doc, DatePrecision::Day, "today");
        }
        _ => {}
    }
    // Weekdays: "on Thursday", "last Thursday", "next Thursday", "Thursday".
    if let Some(wd) = weekday_of(word) {
        let prev = w(i.wrapping_sub(1));
        let back = (7 + doc.weekday().num_days_from_monday() as i64
            - wd.num_days_from_monday() as i64)
            % 7;
        let (start, value, rule) = match prev {
            "last" | "past" if i > 0 => {
                (i - 1, doc - Duration::days(if back == 0 { 7 } else { back }), "weekday-last")
            }
            "next" | "coming" if i > 0 => {
                let fwd = (7 - back) % 7;
                (i - 1, doc + Duration::days(if fwd == 0 { 7 } else { fwd }), "weekday-next")
            }
            "on" | "late" | "early" if i > 0 => (i - 1, doc - Duration::days(back), "weekday-past"),
            _ => (i, doc - Duration::days(back), "weekday-past"),
        };
        let end = if matches!(w(i + 1), "morning" | "afternoon" | "evening" | "night") {
            i + 2
        } else {
            i + 1
        };
        return e(start, end, value, DatePrecision::Day, rule);
    }
    // "last/this/next week|month|year", "earlier this year", "later this month".
    let (start, shift_word, unit_at) = match word {
        "earlier" | "later" if matches!(w(i + 1), "this") => (i, "this", i + 2),
        "last" | "this" | "next" | "past" => (i, word, i + 1),
        _ => (0, "", usize::MAX),
    };
    if unit_at != usize::MAX {
        let shift: i32 = match shift_word {
            "last" | "past" => -1,
            "next" => 1,
            _ => 0,
        };
        let unit = w(unit_at);
        let (value, precision, rule) = match unit {
            "week" => (
                monday(doc) + Duration::weeks(i64::from(shift)),
                DatePrecision::Week,
                "relative-week",
            ),
            "month" => (add_months(doc, shift)?, DatePrecision::Month, "relative-month"),
            "year" => (
                NaiveDate::from_ymd_opt(doc.year() + shift, 1, 1)?,
                DatePrecision::Year,
                "relative-year",
            ),
            _ => return None,
        };
        return e(start, unit_at + 1, value, precision, rule);
    }
    // "three days ago", "two weeks ago".
    // A count no calendar reaches ("11111111110111111 days ago") is no
    // date: every step below is checked, so it gives none instead of
    // overflowing.
    if let Some(n) = number_word(word).and_then(|n| i32::try_from(n).ok()).filter(|n| *n >= 0) {
        if w(i + 2) == "ago" {
            let back = |d: Duration| doc.checked_sub_signed(d);
            let (value, precision) = match w(i + 1).trim_end_matches('s') {
                "day" => (back(Duration::try_days(i64::from(n))?)?, DatePrecision::Day),
                "week" => (monday(back(Duration::try_weeks(i64::from(n))?)?), DatePrecision::Week),
                "month" => (add_months(doc, -n)?, DatePrecision::Month),
                "year" => (
                    NaiveDate::from_ymd_opt(doc.year().checked_sub(n)?, 1, 1)?,
                    DatePrecision::Year,
                ),
                _ => return None,
            };
            return e(i, i + 3, value, precision, "ago");
        }
    }
    None
}

/// Parses a `YYYY-MM-DD` document date (a longer timestamp is cut to its date).
pub fn parse_doc_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        for w in s.split_whitespace() {
            let w = w.to_lowercase();
            if let Some(x) = w.strip_suffix(',') {
                out.push(x.to_string());
                out.push(",".to_string());
            } else {
                out.push(w);
            }
        }
        out
    }

    #[test]
    fn table_of_expressions() {
        // 2024-07-18 is a Thursday.
        let doc = parse_doc_date("2024-07-18").expect("date");
        let cases: &[(&str, &str, &str, DatePrecision)] = &[
            ("met officials today", "today", "2024-07-18", DatePrecision::Day),
            ("said on Thursday", "on thursday", "2024-07-18", DatePrecision::Day),
            ("met on Monday", "on monday", "2024-07-15", DatePrecision::Day),
            ("attacked last Friday", "last friday", "2024-07-12", DatePrecision::Day),
            ("rejected it last week", "last week", "2024-07-08", DatePrecision::Week),
            ("signed last month", "last month", "2024-06-01", DatePrecision::Month),
            ("the summit in mid-June", "in mid-june", "2024-06-15", DatePrecision::Month),
            ("the summit in mid - June", "in mid - june", "2024-06-15", DatePrecision::Month),
            ("talks on July 16", "on july 16", "2024-07-16", DatePrecision::Day),
            ("invaded in February 2022", "in february 2022", "2022-02-01", DatePrecision::Month),
            ("earlier this year Kyiv", "earlier this year", "2024-01-01", DatePrecision::Year),
            ("on Nov. 3, 2023 troops", "on nov. 3 , 2023", "2023-11-03", DatePrecision::Day),
            ("in December the talks", "in december", "2023-12-01", DatePrecision::Month),
            ("yesterday it said", "yesterday", "2024-07-17", DatePrecision::Day),
            ("three days ago it said", "three days ago", "2024-07-15", DatePrecision::Day),
            ("in 2014 Russia", "in 2014", "2014-01-01", DatePrecision::Year),
            ("will meet next week", "next week", "2024-07-22", DatePrecision::Week),
        ];
        for (text, span, value, precision) in cases {
            let ws = words(text);
            let found = find_dates(&ws, Some(doc));
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            let d = &found[0];
            assert_eq!(ws[d.first..d.end].join(" "), *span, "{text}");
            assert_eq!(d.value.to_string(), *value, "{text}");
            assert_eq!(d.precision, *precision, "{text}");
        }
    }

    #[test]
    fn modal_may_and_verb_march_are_not_dates() {
        let doc = parse_doc_date("2024-07-18");
        assert!(find_dates(&words("Russia may reject the talks"), doc).is_empty());
        assert!(find_dates(&words("protesters march on parliament"), doc).is_empty());
        assert_eq!(find_dates(&words("in May the talks"), doc).len(), 1);
    }

    #[test]
    fn relative_dates_need_a_document_date() {
        assert!(find_dates(&words("met on Thursday"), None).is_empty());
        let abs = find_dates(&words("invaded in February 2022"), None);
        assert_eq!(abs[0].value.to_string(), "2022-02-01");
    }

    #[test]
    fn a_date_before_year_one_is_dropped_not_written_negative() {
        let first_day = NaiveDate::from_ymd_opt(1, 1, 1);
        assert!(find_dates(&words("met yesterday"), first_day).is_empty());
        let later = NaiveDate::from_ymd_opt(1, 1, 5);
        assert_eq!(find_dates(&words("met yesterday"), later)[0].value.to_string(), "0001-01-04");
    }

    #[test]
    fn a_count_past_the_calendar_is_no_date() {
        let doc = NaiveDate::from_ymd_opt(2024, 6, 1);
        for text in [
            "11111111110111111 days ago",
            "1101111111 days ago",
            "2147483647 weeks ago",
            "99999999999 weeks ago",
            "2147483647 months ago",
            "2147483647 years ago",
            "-5 days ago",
        ] {
            assert!(find_dates(&words(text), doc).is_empty(), "{text}");
        }
        assert_eq!(find_dates(&words("3 days ago"), doc)[0].value.to_string(), "2024-05-29");
        // The fuzzer's input (fuzz/fuzz_targets/dates.rs splits on whitespace).
        let fuzzed = "a 13\u{5}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}36 ago ww-\u{0}\u{8}111g a d336 ago w-w-\u{0}\u{0}g 1111111111 1101111111 days ago \u{0}\u{0}\u{0} \u{0}\u{0}\u{0}\u{0}aago";
        let split: Vec<String> = fuzzed.split_whitespace().map(str::to_lowercase).collect();
        for found in find_dates(&split, NaiveDate::from_ymd_opt(2024, 7, 11)) {
            assert!((1..=9999).contains(&found.value.year()));
        }
    }
}
