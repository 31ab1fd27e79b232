//! Month and weekday names, which several stages must recognise (datelines,
//! timestamps, date expressions, words that are never actor names): one
//! table here instead of one per stage.

/// Full month names, lowercase, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Three-letter month abbreviations, lowercase, January first.
const MONTH_ABBREVIATIONS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Weekday names, lowercase, Monday first.
pub const WEEKDAYS: [&str; 7] =
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The month (1-12) a word names, in any case: "July", "jul", "Sept.".
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let i = MONTHS
        .iter()
        .position(|m| *m == w)
        .or_else(|| MONTH_ABBREVIATIONS.iter().position(|a| *a == w))
        .or_else(|| (w == "sept").then_some(8))?;
    Some(i as u32 + 1)
}

/// The weekday (0 for Monday to 6 for Sunday) a word names, in any case.
pub fn weekday_number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    WEEKDAYS.iter().position(|d| *d == w).map(|i| i as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_weekdays_in_their_spellings() {
        assert_eq!(month_number("July"), Some(7));
        assert_eq!(month_number("jan."), Some(1));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("Sep"), Some(9));
        assert_eq!(month_number("may"), Some(5));
        assert_eq!(month_number("mayor"), None);
        assert_eq!(weekday_number("Thursday"), Some(3));
        assert_eq!(weekday_number("thurs"), None);
    }
}
