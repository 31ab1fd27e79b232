//! Date expressions: any words against any document date, and any document
//! date string; resolved dates stay within years 1 to 9999.
#![no_main]
use chrono::Datelike;
use libfuzzer_sys::fuzz_target;
use parley_events::dates::{find_dates, parse_doc_date};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (date, words) = text.split_once('|').unwrap_or(("2024-07-11", text));
    let doc_date = parse_doc_date(date);
    let words: Vec<String> = words.split_whitespace().map(str::to_lowercase).collect();
    for found in find_dates(&words, doc_date) {
        assert!(found.first < found.end && found.end <= words.len());
        assert!((1..=9999).contains(&found.value.year()));
    }
});
