//! Whether a page is in English: parley's lexicons and models are English
//! only, so other pages are skipped (and counted) rather than coded into
//! nonsense.

/// The part of a page's text the test looks at: enough words to be sure,
/// few enough to stay fast on long pages.
const SAMPLE_BYTES: usize = 4000;

/// Whether `text` reads as English, or is too short or too mixed to tell
/// (then it is kept: skipping a real article costs more than coding a
/// stray page).
pub fn is_english(text: &str) -> bool {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match whatlang::detect(&text[..end]) {
        Some(info) => info.lang() == whatlang::Lang::Eng || info.confidence() < 0.5,
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_kept_and_other_languages_are_not() {
        assert!(is_english("Russia on Thursday rejected Ukraine's invitation to a second peace summit in Switzerland, the foreign ministry said."));
        assert!(!is_english("Le gouvernement a rejeté jeudi l'invitation de l'Ukraine à un second sommet pour la paix en Suisse, a déclaré le ministère."));
        assert!(!is_english("Die Regierung hat am Donnerstag die Einladung der Ukraine zu einem zweiten Friedensgipfel in der Schweiz abgelehnt."));
        assert!(is_english(""));
    }
}
