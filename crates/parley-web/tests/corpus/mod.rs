//! A large synthetic news cycle for the page tests: 300 coded articles
//! from 40 outlets over four months, about 1,000 distinct events among 20
//! actors, so the pages meet a story of the size users bring (the shipped
//! examples make a story of a few dozen events). Deterministic: the same
//! corpus every run.
//!
//! Each article shares a lead sentence with the others (so they group into
//! one story), then tells three or four events of its own and repeats one
//! of the previous article's (so some events have several reports); some
//! events carry a place, a date expression, a quote or a negation.
#![allow(dead_code)]

use parley_doc::{
    Actor, BlockKind, DatePrecision, DocMeta, Document, Event, EventDate, EventParty, EventPlace,
    EventTrigger, EventType, Modality, Sentence, SentenceIdx, Span, TokenIdx,
};

/// (code, canonical name, words in the text)
const ACTORS: &[(&str, &str, &str)] = &[
    ("RUSGOV", "Russia: government", "Moscow"),
    ("UKRGOV", "Ukraine: government", "Kyiv"),
    ("USAGOV", "United States: government", "Washington"),
    ("CHNGOV", "China: government", "Beijing"),
    ("DEUGOV", "Germany: government", "Berlin"),
    ("FRAGOV", "France: government", "Paris"),
    ("GBRGOV", "United Kingdom: government", "London"),
    ("TURGOV", "Turkey: government", "Ankara"),
    ("POLGOV", "Poland: government", "Warsaw"),
    ("BLRGOV", "Belarus: government", "Minsk"),
    ("RUSMIL", "Russia: military", "Russian troops"),
    ("UKRMIL", "Ukraine: military", "Ukrainian forces"),
    ("HUNGOV", "Hungary: government", "Budapest"),
    ("ITAGOV", "Italy: government", "Rome"),
    ("JPNGOV", "Japan: government", "Tokyo"),
    ("INDGOV", "India: government", "New Delhi"),
    ("QATGOV", "Qatar: government", "Doha"),
    ("IGOUNO", "United Nations", "UN officials"),
    ("IGOEUREEC", "European Union", "EU ministers"),
    ("NGOICRC", "International Committee of the Red Cross", "Red Cross envoys"),
];

/// (type, words: the trigger first, CAMEO code, QuadClass, Goldstein)
const TYPES: &[(EventType, &str, &str, u8, f32)] = &[
    (EventType::Reject, "rejected a proposal from", "120", 3, -4.0),
    (EventType::Accuse, "accused", "112", 3, -2.0),
    (EventType::Agree, "agreed with", "057", 1, 8.0),
    (EventType::Consult, "met envoys of", "040", 1, 1.0),
    (EventType::Support, "backed", "051", 1, 3.4),
    (EventType::Aid, "sent aid to", "070", 2, 7.0),
    (EventType::Cooperate, "signed a deal with", "061", 2, 6.4),
    (EventType::Threaten, "threatened", "130", 3, -4.4),
    (EventType::Sanction, "sanctioned", "163", 4, -8.0),
    (EventType::Assault, "shelled positions of", "190", 4, -10.0),
    (EventType::Request, "appealed to", "020", 1, 3.0),
    (EventType::Protest, "protested to", "140", 3, -6.5),
];

const PLACES: &[(&str, &str)] =
    &[("Geneva", "CHE"), ("Istanbul", "TUR"), ("Kharkiv", "UKR"), ("Brussels", "BEL")];
const WEEKDAYS: &[&str] = &["on Monday", "on Tuesday", "on Wednesday", "on Thursday"];

/// Articles in the corpus.
pub const ARTICLES: usize = 300;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// The first items come up more often, as big outlets and big actors do in news.
    fn skewed(&mut self, n: usize) -> usize {
        self.below(n).min(self.below(n))
    }
}

/// What one event sentence says.
#[derive(Clone, Copy)]
struct Told {
    actor: usize,
    recipient: usize,
    kind: usize,
    place: Option<usize>,
    weekday: Option<usize>,
    negated: bool,
    quoted: bool,
}

fn outlet(i: usize) -> String {
    const BIG: &[&str] = &["Reuters", "AP", "AFP", "BBC", "Al Jazeera", "DW", "Kyiv Independent"];
    match BIG.get(i) {
        Some(name) => name.to_string(),
        None => format!("Regional Courier {}", i - BIG.len() + 1),
    }
}

fn span(text: &str, start: usize, words: &str) -> Span {
    let at = text[start..].find(words).unwrap_or_else(|| panic!("{words:?} in {text:?}")) + start;
    Span::new(text, at, at + words.len()).expect("a span on word boundaries")
}

fn party(text: &str, start: usize, who: usize, rule: &str) -> EventParty {
    let (code, name, words) = ACTORS[who];
    EventParty {
        span: span(text, start, words),
        mention: None,
        actor: Actor {
            code: code.to_string(),
            country: (!code.starts_with("IGO") && !code.starts_with("NGO"))
                .then(|| code[..3].to_string()),
            sector: Some(code[3..].to_string()).filter(|s| !s.is_empty()),
            name: Some(name.to_string()),
            role: None,
        },
        rule: rule.to_string(),
    }
}

/// The sentence telling `t`.
fn sentence(t: &Told) -> String {
    let (_, _, actor) = ACTORS[t.actor];
    let (_, _, recipient) = ACTORS[t.recipient];
    let mut core = format!("{} {recipient}", TYPES[t.kind].1);
    if let Some(p) = t.place {
        core.push_str(&format!(" in {}", PLACES[p].0));
    }
    if let Some(w) = t.weekday {
        core.push(' ');
        core.push_str(WEEKDAYS[w]);
    }
    if t.quoted {
        format!("{actor} said: \"We {core}.\"")
    } else if t.negated {
        format!("{actor} denied that it {core}.")
    } else {
        format!("{actor} {core}.")
    }
}

fn event(text: &str, start: usize, index: usize, t: &Told, date: &str) -> Event {
    let (event_type, words, cameo, quad_class, goldstein) = TYPES[t.kind];
    let trigger = words.split(' ').next().expect("a trigger word");
    let actor = party(text, start, t.actor, "subj");
    // The recipient's words come after the trigger (an actor's words may repeat them).
    let after = span(text, start, trigger).end;
    let recipient = party(text, after, t.recipient, "obj");
    Event {
        sentence: SentenceIdx(index as u32),
        event_type,
        mode: None,
        context: vec![],
        cameo: cameo.to_string(),
        goldstein,
        quad_class,
        plover_score: None,
        trigger: EventTrigger {
            span: span(text, after - trigger.len(), trigger),
            token: TokenIdx(0),
        },
        date: Some(EventDate {
            value: date.to_string(),
            precision: DatePrecision::Day,
            span: t.weekday.map(|w| span(text, start, WEEKDAYS[w])),
            rule: if t.weekday.is_some() { "weekday-past" } else { "document-date" }.to_string(),
        }),
        location: t.place.map(|p| EventPlace {
            span: span(text, start, PLACES[p].0),
            name: PLACES[p].0.to_string(),
            country: Some(PLACES[p].1.to_string()),
            rule: "prep-in".to_string(),
        }),
        speaker: t.quoted.then(|| party(text, start, t.actor, "speaker")),
        quote: t.quoted.then(|| {
            let open = text[start..].find('"').expect("a quote") + start + 1;
            let close = text[open..].find('"').expect("its end") + open;
            Span::new(text, open, close).expect("quote span")
        }),
        modality: if t.negated { Modality::Negated } else { Modality::Asserted },
        modality_rule: t.negated.then(|| "neg:denied".to_string()),
        confidence: 0.9,
        rule: format!("corpus:{}", event_type.as_str().to_ascii_lowercase()),
        actor: Some(actor),
        recipient: Some(recipient),
    }
}

/// ISO date `days` after 2024-03-01.
fn date(days: usize) -> String {
    const MONTHS: [(u32, usize); 5] = [(3, 31), (4, 30), (5, 31), (6, 30), (7, 31)];
    let mut left = days;
    for (month, len) in MONTHS {
        if left < len {
            return format!("2024-{month:02}-{:02}", left + 1);
        }
        left -= len;
    }
    panic!("{days} days is past the corpus's months")
}

/// The corpus: [`ARTICLES`] coded documents.
pub fn documents() -> Vec<Document> {
    let mut rng = Rng(0x5eed_cafe_f00d_0001);
    let mut previous: Option<Told> = None;
    let mut docs = Vec::with_capacity(ARTICLES);
    for i in 0..ARTICLES {
        // Within the 60 days a story may span (parley-store's story rule).
        let day = i * 50 / ARTICLES;
        let date = date(day);
        let lead = "Diplomats followed the negotiations over the Black Sea grain corridor and the prisoner exchange closely, \
            as mediators shuttled between delegations in Istanbul to keep grain shipments moving through the corridor \
            and to settle lists of prisoners, harbour inspections, insurance guarantees and shipping schedules.";
        let mut told = Vec::new();
        // The thread that ties the story: Russia and Ukraine, either way
        // round, told three times an article so it is every article's principal dyad.
        let first = if rng.below(2) == 0 { (0, 1) } else { (1, 0) };
        let fresh = 5 + i % 2;
        for j in 0..fresh {
            let (actor, recipient) = if j < 3 {
                first
            } else {
                let a = rng.skewed(ACTORS.len());
                let mut r = rng.skewed(ACTORS.len());
                if r == a {
                    r = (a + 1 + rng.below(ACTORS.len() - 1)) % ACTORS.len();
                }
                (a, r)
            };
            let n = i * 5 + j;
            told.push(Told {
                actor,
                recipient,
                kind: rng.below(TYPES.len()),
                place: (n % 3 == 0).then(|| rng.below(PLACES.len())),
                weekday: (n % 4 == 1).then(|| rng.below(WEEKDAYS.len())),
                negated: n % 23 == 7,
                quoted: n % 17 == 3,
            });
        }
        // The previous article's last event, told again: one event, two reports.
        if let Some(p) = previous {
            told.push(Told { place: None, weekday: None, quoted: false, ..p });
        }
        previous = told.get(told.len().saturating_sub(2)).copied();
        let sentences: Vec<String> =
            std::iter::once(lead.to_string()).chain(told.iter().map(sentence)).collect();
        let text = sentences.join(" ");
        let source = outlet(rng.skewed(40));
        let (_, _, a) = ACTORS[told[0].actor];
        let (_, _, b) = ACTORS[told[0].recipient];
        let meta = DocMeta {
            id: format!("cycle-{i:03}"),
            origin: format!("corpus/cycle-{i:03}.txt"),
            date: Some(date.clone()),
            source: Some(source),
            url: Some(format!("https://news.example/cycle/{i}")),
            title: Some(format!("Grain corridor talks, day {}: {} and {}", day + 1, a, b)),
        };
        let mut doc = Document::new(meta, text.clone());
        let mut at = 0;
        for s in &sentences {
            doc.sentences.push(Sentence {
                span: Span::new(&text, at, at + s.len()).expect("sentence span"),
                first_token: TokenIdx(0),
                end_token: TokenIdx(0),
                kind: BlockKind::Paragraph,
            });
            at += s.len() + 1;
        }
        for (k, t) in told.iter().enumerate() {
            let start = doc.sentences[k + 1].span.start;
            doc.events.push(event(&text, start, k + 1, t, &date));
        }
        docs.push(doc);
    }
    docs
}
