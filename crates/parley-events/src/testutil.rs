//! Hand-built parsed documents for unit tests: no model file needed.
//!
//! A sentence is written as space-separated tokens `form/UPOS/lemma/head/deprel`
//! (head 1-based within the sentence, 0 for the root), optionally followed
//! by `/XPOS` where a rule reads the PTB tag; sentences are
//! separated by ` || `. Mentions are coded by a tiny table of names.

use std::sync::Arc;

use parley_doc::{
    Actor, BlockKind, DocMeta, Document, Event, EventParty, Mention, MentionSource, Modality,
    Sentence, SentenceIdx, Span, Token, TokenIdx, Upos,
};

use crate::{EventCoder, EventLexicon};

/// Country codes for test mentions: (surface form, code, country).
const NAMES: &[(&str, &str, &str)] = &[
    ("Russia", "RUS", "RUS"),
    ("Moscow", "RUSGOV", "RUS"),
    ("Russian", "RUS", "RUS"),
    ("Kremlin", "RUSGOV", "RUS"),
    ("Putin", "RUSGOV", "RUS"),
    ("Zakharova", "RUSGOV", "RUS"),
    ("Ukraine", "UKR", "UKR"),
    ("Kyiv", "UKRGOV", "UKR"),
    ("Ukrainian", "UKR", "UKR"),
    ("Zelenskyy", "UKRGOV", "UKR"),
    ("Switzerland", "CHE", "CHE"),
    ("NATO", "IGOWSTNAT", ""),
    ("Germany", "DEU", "DEU"),
    ("German", "DEU", "DEU"),
    ("Scholz", "DEUGOV", "DEU"),
    ("Pyongyang", "PRKGOV", "PRK"),
    ("French", "FRA", "FRA"),
    ("Israel", "ISR", "ISR"),
    ("ILO", "IGOUNOLAB", ""),
    ("Labour", "IGOUNOLAB", ""),
    ("States", "USA", "USA"),
    ("France", "FRA", "FRA"),
    ("Poland", "POL", "POL"),
    ("Pakistan", "PAK", "PAK"),
    ("Chinese", "CHN", "CHN"),
    ("China", "CHN", "CHN"),
    ("Tbilisi", "GEOGOV", "GEO"),
    ("Nairobi", "KENGOV", "KEN"),
];

/// Names of several words, coded as one mention over all of them (the
/// single-word mentions inside are dropped), as the actor coder does.
const PHRASES: &[(&str, &str, &str)] = &[
    ("leaders of France", "FRAGOV", "FRA"),
    ("spokesman Peskov", "RUSGOV", "RUS"),
    ("Russian army", "RUSMIL", "RUS"),
];

/// Builds a document from the compact notation; the text is the forms
/// joined by spaces (sentences joined by a space too).
pub fn parsed(spec: &str, date: &str) -> Document {
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    let mut mentions = Vec::new();
    for (si, sent) in spec.split(" || ").enumerate() {
        let first = tokens.len();
        let start = if text.is_empty() { 0 } else { text.len() + 1 };
        for raw in sent.split_whitespace() {
            let parts: Vec<&str> = raw.split('/').collect();
            let (form, upos, lemma, head, rel, xpos) = match parts.as_slice() {
                [f, u, l, h, r] => {
                    (*f, Upos::parse(u), *l, h.parse::<usize>().unwrap_or(0), *r, None)
                }
                [f, u, l, h, r, x] => {
                    (*f, Upos::parse(u), *l, h.parse::<usize>().unwrap_or(0), *r, Some(*x))
                }
                [f] => (*f, None, *f, 0, "", None),
                _ => panic!("bad test token {raw}"),
            };
            if !text.is_empty() {
                text.push(' ');
            }
            let s = text.len();
            text.push_str(form);
            let mut tok = Token::new(Span::new_unchecked(s, text.len()));
            tok.upos = upos;
            tok.lemma = Some(lemma.to_string());
            tok.xpos = xpos.map(str::to_string);
            tok.space_after = true;
            if !rel.is_empty() {
                tok.deprel = Some(rel.to_string());
                tok.head = (head > 0).then(|| TokenIdx((first + head - 1) as u32));
            }
            if let Some((_, code, country)) = NAMES.iter().find(|(n, _, _)| *n == form) {
                let i = tokens.len() as u32;
                mentions.push(Mention {
                    span: tok.span,
                    sentence: SentenceIdx(si as u32),
                    first_token: TokenIdx(i),
                    end_token: TokenIdx(i + 1),
                    actor: Actor {
                        code: (*code).to_string(),
                        country: (!country.is_empty()).then(|| (*country).to_string()),
                        sector: code.get(3..6).map(str::to_string),
                        name: None,
                        role: None,
                    },
                    via: MentionSource::Dictionary { entry: form.to_string() },
                    country_from: None,
                });
            }
            tokens.push(tok);
        }
        sentences.push(Sentence {
            span: Span::new_unchecked(start, text.len()),
            first_token: TokenIdx(first as u32),
            end_token: TokenIdx(tokens.len() as u32),
            kind: BlockKind::Paragraph,
        });
    }
    for (phrase, code, country) in PHRASES {
        let words: Vec<&str> = phrase.split(' ').collect();
        let Some(first) = (0..tokens.len().saturating_sub(words.len() - 1)).find(|&i| {
            words.iter().enumerate().all(|(k, w)| &text[tokens[i + k].span.range()] == *w)
        }) else {
            continue;
        };
        let end = first + words.len();
        mentions.retain(|m| !(first..end).contains(&(m.first_token.0 as usize)));
        let span = tokens[first].span.cover(tokens[end - 1].span);
        let sentence = sentences
            .iter()
            .position(|s| (s.first_token.0 as usize..s.end_token.0 as usize).contains(&first))
            .unwrap_or(0);
        mentions.push(Mention {
            span,
            sentence: SentenceIdx(sentence as u32),
            first_token: TokenIdx(first as u32),
            end_token: TokenIdx(end as u32),
            actor: Actor {
                code: (*code).to_string(),
                country: Some((*country).to_string()),
                sector: code.get(3..6).map(str::to_string),
                name: None,
                role: None,
            },
            via: MentionSource::Dictionary { entry: (*phrase).to_string() },
            country_from: None,
        });
        mentions.sort_by_key(|m| m.first_token.0);
    }
    let meta = DocMeta { id: "test".into(), date: Some(date.to_string()), ..DocMeta::default() };
    let mut doc = Document::new(meta, text);
    doc.tokens = tokens;
    doc.sentences = sentences;
    doc.mentions = mentions;
    doc
}

/// The coder over the embedded lexicon.
pub fn coder() -> EventCoder {
    EventCoder::new(Arc::new(EventLexicon::embedded().expect("embedded lexicon")))
}

/// (event type, actor code, recipient code, modality) of every event.
pub fn summary(doc: &Document, events: &[Event]) -> Vec<(String, String, String, Modality)> {
    let code = |p: &Option<EventParty>| {
        p.as_ref().map(|p| p.actor.code.clone()).unwrap_or_else(|| "-".into())
    };
    let _ = doc;
    events
        .iter()
        .map(|e| (e.event_type.to_string(), code(&e.actor), code(&e.recipient), e.modality))
        .collect()
}

/// Codes `spec` (see [`parsed`]) and checks each event's (type, actor,
/// recipient, modality) against `want`, in order; returns the events.
pub fn check(spec: &str, want: &[(&str, &str, &str, Modality)]) -> Vec<Event> {
    let doc = parsed(spec, "2024-07-18");
    let events = coder().code(&doc);
    let got = summary(&doc, &events);
    let want: Vec<(String, String, String, Modality)> =
        want.iter().map(|(t, a, r, m)| (t.to_string(), a.to_string(), r.to_string(), *m)).collect();
    assert_eq!(got, want, "{spec}");
    for e in &events {
        // Spans are in bounds and on char boundaries.
        assert!(doc.text.get(e.trigger.span.range()).is_some());
    }
    events
}
