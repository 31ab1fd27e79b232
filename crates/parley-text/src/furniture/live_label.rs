//! Live-blog labels glued to a headline ("Ukraine war live: Orbán meets
//! Putin", "LIVE: ...", "Live updates: ..."): the label is page chrome,
//! the headline after it is text.

use super::lexicon::{normalise, FurnitureLexicon};

/// The length in bytes of a live-blog label that opens `text`, colon and
/// space included: up to six words before the first ": ", ending with a
/// `[live-label]` entry ("live", "live updates"). The text after it must
/// open a sentence of three words or more.
pub(super) fn live_label_prefix(text: &str, lex: &FurnitureLexicon) -> Option<usize> {
    let colon = text.find(": ")?;
    let label = normalise(&text[..colon]);
    let label = label.trim();
    if label.split_whitespace().count() > 6 {
        return None;
    }
    // The words before the entry name a topic ("Ukraine war", "Election
    // 2024"); a function word there makes it a clause ("Where they live:").
    let labelled = lex.entries("live-label").iter().any(|e| {
        label == e.as_str()
            || label.strip_suffix(e.as_str()).is_some_and(|topic| {
                topic.ends_with(' ') && !topic.split_whitespace().any(|w| lex.has("stop-words", w))
            })
    });
    let rest = text[colon + 2..].trim_start();
    let opens = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '‘' | '\''));
    (labelled && opens && rest.split_whitespace().count() >= 3).then(|| text.len() - rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_cut_and_headlines_with_colons_kept() {
        let lex = FurnitureLexicon::embedded();
        let cases: &[(&str, Option<&str>)] = &[
            ("Gaza war live: Israel and Hamas agree to a pause", Some("Gaza war live: ")),
            ("LIVE: Senate votes on the aid package", Some("LIVE: ")),
            (
                "Election 2024 live updates: Harris visits Georgia",
                Some("Election 2024 live updates: "),
            ),
            // A colon headline with no label, and "live" as a verb.
            ("Kyiv: visit was not agreed with us", None),
            ("Where they live: refugees in Poland describe the winter", None),
            // Nothing that opens a sentence after the label.
            ("Markets live: 3pm", None),
        ];
        for (text, want) in cases {
            let got = live_label_prefix(text, lex).map(|n| &text[..n]);
            assert_eq!(got, *want, "{text}");
        }
    }
}
