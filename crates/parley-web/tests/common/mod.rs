//! Hand-built coded documents for the web tests: sentences and events
//! whose spans are found by searching the words in the text, so a fixture
//! reads like the article it stands for.
#![allow(dead_code)]

use parley_doc::{
    Actor, DatePrecision, DocMeta, Document, Event, EventDate, EventParty, EventTrigger, EventType,
    Modality, Sentence, SentenceIdx, Span, TokenIdx,
};

/// One event of a fixture: sentence index, type, (actor code, words), trigger words, (recipient code, words).
pub struct Ev<'a> {
    pub sentence: usize,
    pub event_type: EventType,
    pub actor: Option<(&'a str, &'a str)>,
    pub trigger: &'a str,
    pub recipient: Option<(&'a str, &'a str)>,
    pub date: Option<&'a str>,
    pub quote: Option<&'a str>,
}

impl<'a> Ev<'a> {
    pub fn new(
        sentence: usize,
        event_type: EventType,
        actor: (&'a str, &'a str),
        trigger: &'a str,
        recipient: (&'a str, &'a str),
    ) -> Ev<'a> {
        Ev {
            sentence,
            event_type,
            actor: Some(actor),
            trigger,
            recipient: Some(recipient),
            date: None,
            quote: None,
        }
    }

    pub fn on(mut self, date: &'a str) -> Ev<'a> {
        self.date = Some(date);
        self
    }

    pub fn quoted(mut self, quote: &'a str) -> Ev<'a> {
        self.quote = Some(quote);
        self
    }
}

fn find(text: &str, within: Span, words: &str) -> Span {
    let start = text[within.range()]
        .find(words)
        .unwrap_or_else(|| panic!("{words:?} not in {:?}", &text[within.range()]))
        + within.start;
    Span::new(text, start, start + words.len()).expect("found words make a span")
}

fn party(text: &str, within: Span, code: &str, words: &str, rule: &str) -> EventParty {
    EventParty {
        span: find(text, within, words),
        mention: None,
        actor: Actor {
            code: code.to_string(),
            country: Some(code[..3].to_string()),
            ..Actor::default()
        },
        rule: rule.to_string(),
    }
}

/// QuadClass and CAMEO code of a type, roughly as the coder assigns them.
fn cameo(event_type: EventType) -> (&'static str, u8, f32) {
    match event_type {
        EventType::Agree => ("057", 1, 8.0),
        EventType::Consult => ("040", 1, 1.0),
        EventType::Support => ("051", 1, 3.4),
        EventType::Aid => ("070", 2, 7.0),
        EventType::Cooperate => ("061", 2, 6.4),
        EventType::Reject => ("120", 3, -4.0),
        EventType::Accuse => ("112", 3, -2.0),
        EventType::Threaten => ("130", 3, -4.4),
        EventType::Sanction => ("163", 4, -8.0),
        EventType::Assault => ("190", 4, -10.0),
        _ => ("010", 1, 0.0),
    }
}

/// A coded document: one sentence per entry of `sentences` (joined by spaces).
pub fn document(
    id: &str,
    date: &str,
    source: &str,
    title: &str,
    sentences: &[&str],
    events: &[Ev<'_>],
) -> Document {
    let text = sentences.join(" ");
    let meta = DocMeta {
        id: id.to_string(),
        origin: format!("fixtures/{id}.txt"),
        date: Some(date.to_string()),
        source: Some(source.to_string()),
        url: Some(format!("https://news.example/{id}")),
        title: Some(title.to_string()),
    };
    let mut doc = Document::new(meta, text.clone());
    let mut at = 0;
    for sentence in sentences {
        let span = Span::new(&text, at, at + sentence.len()).expect("sentence span");
        doc.sentences.push(Sentence {
            span,
            first_token: TokenIdx(0),
            end_token: TokenIdx(0),
            kind: parley_doc::BlockKind::Paragraph,
        });
        at += sentence.len() + 1;
    }
    for ev in events {
        let within = doc.sentences[ev.sentence].span;
        let (cameo, quad_class, goldstein) = cameo(ev.event_type);
        doc.events.push(Event {
            sentence: SentenceIdx(ev.sentence as u32),
            event_type: ev.event_type,
            mode: None,
            context: vec![],
            cameo: cameo.to_string(),
            goldstein,
            quad_class,
            plover_score: None,
            actor: ev.actor.map(|(code, words)| party(&text, within, code, words, "subj")),
            recipient: ev.recipient.map(|(code, words)| party(&text, within, code, words, "obj")),
            trigger: EventTrigger { span: find(&text, within, ev.trigger), token: TokenIdx(0) },
            date: Some(EventDate {
                value: ev.date.unwrap_or(date).to_string(),
                precision: DatePrecision::Day,
                span: None,
                rule: "document-date".to_string(),
            }),
            location: None,
            speaker: ev.quote.map(|_| {
                party(
                    &text,
                    within,
                    ev.actor.map_or("UNK", |a| a.0),
                    ev.actor.map_or("", |a| a.1),
                    "speaker",
                )
            }),
            quote: ev.quote.map(|q| find(&text, within, q)),
            modality: Modality::Asserted,
            modality_rule: None,
            confidence: 0.9,
            rule: format!("fixture:{}", ev.event_type.as_str().to_ascii_lowercase()),
        });
    }
    doc
}

/// A small news cycle: Russia and Ukraine around a peace summit, told by three outlets.
pub fn summit_documents() -> Vec<Document> {
    use EventType::*;
    vec![
        document(
            "summit-1",
            "2024-06-10",
            "Reuters",
            "Russia rejects Ukraine peace summit invitation",
            &[
                "Russia rejected Ukraine's invitation to the peace summit in Switzerland on Monday.",
                "Kyiv accused Moscow of blocking talks on prisoner exchanges.",
                "Turkey offered support to Ukraine for the prisoner talks.",
            ],
            &[
                Ev::new(0, Reject, ("RUSGOV", "Russia"), "rejected", ("UKRGOV", "Ukraine")),
                Ev::new(1, Accuse, ("UKRGOV", "Kyiv"), "accused", ("RUSGOV", "Moscow")),
                Ev::new(2, Support, ("TURGOV", "Turkey"), "offered support", ("UKRGOV", "Ukraine")),
            ],
        ),
        document(
            "summit-2",
            "2024-06-11",
            "AP",
            "Moscow turns down summit as Kyiv accuses it of stalling",
            &[
                "Moscow rejected the Ukrainian invitation to the Swiss peace summit, officials said.",
                "Zelensky said: \"Russia does not want peace.\"",
                "The European Union imposed new sanctions on Russia.",
            ],
            &[
                Ev::new(0, Reject, ("RUSGOV", "Moscow"), "rejected", ("UKRGOV", "Ukrainian")).on("2024-06-10"),
                Ev::new(1, Accuse, ("UKRGOV", "Zelensky"), "said", ("RUSGOV", "Russia")).quoted("Russia does not want peace."),
                Ev::new(2, Sanction, ("IGOEU", "European Union"), "imposed new sanctions", ("RUSGOV", "Russia")),
            ],
        ),
        document(
            "summit-3",
            "2024-06-13",
            "BBC",
            "Switzerland hosts summit without Russia",
            &[
                "Switzerland and Ukraine agreed on a joint communique for the peace summit.",
                "Russian forces shelled Kharkiv overnight.",
            ],
            &[
                Ev::new(0, Agree, ("CHEGOV", "Switzerland"), "agreed", ("UKRGOV", "Ukraine")),
                Ev::new(1, Assault, ("RUSMIL", "Russian forces"), "shelled", ("UKR", "Kharkiv")),
            ],
        ),
    ]
}
