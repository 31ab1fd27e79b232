use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Actor, SentenceIdx, Span, TokenIdx};

/// PLOVER's 16 event types (2021 list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EventType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl EventType {
    /// Every type, in PLOVER's order (cooperation to conflict).
    pub const ALL: [EventType; 16] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Request,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Sanction,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
    ];

    /// The type as PLOVER writes it, e.g. `REJECT`.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
            EventType::Request => "REQUEST",
            EventType::Accuse => "ACCUSE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Sanction => "SANCTION",
            EventType::Mobilize => "MOBILIZE",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
        }
    }

    /// Parses PLOVER's name (case-insensitive); also accepts the legacy
    /// names DEMAND, DISAPPROVE, INVESTIGATE, FIGHT and YIELD.
    pub fn parse(name: &str) -> Option<EventType> {
        let upper = name.trim().to_ascii_uppercase();
        let legacy = match upper.as_str() {
            "DEMAND" => Some(EventType::Request),
            "DISAPPROVE" | "INVESTIGATE" => Some(EventType::Accuse),
            "FIGHT" => Some(EventType::Assault),
            "YIELD" => Some(EventType::Concede),
            _ => None,
        };
        legacy.or_else(|| EventType::ALL.iter().copied().find(|t| t.as_str() == upper))
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether the text asserts that an event happened.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Reported as having happened, happening, or firmly intended.
    #[default]
    Asserted,
    /// Said not to have happened ("has not rejected", "was not invited").
    Negated,
    /// Possible, speculated or doubted ("could attack", "may reject").
    Hypothetical,
    /// Bound to a condition ("would attend only if ...").
    Conditional,
    /// Asked about ("Will Russia attend?").
    Questioned,
}

impl Modality {
    /// The modality as written in the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Hypothetical => "hypothetical",
            Modality::Conditional => "conditional",
            Modality::Questioned => "questioned",
        }
    }
}

/// How precisely an event's date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Year,
}

impl DatePrecision {
    /// The precision as written in the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Week => "week",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
        }
    }
}

/// A party to an event (actor, recipient or speaker): the words and who they code to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventParty {
    /// The words naming the party, in the document text.
    pub span: Span,
    /// Index into `Document::mentions` of the mention behind it, if any.
    pub mention: Option<usize>,
    /// Who it codes to (a copy of the mention's actor).
    pub actor: Actor,
    /// The rule that chose it, e.g. `subj`, `obl:against`, `poss`, `by-agent`, `speaker`.
    pub rule: String,
}

/// The words that triggered an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventTrigger {
    /// The trigger's bytes (the head word, or the whole phrase when contiguous).
    pub span: Span,
    /// The head token of the trigger.
    pub token: TokenIdx,
}

/// When an event happened, as resolved against the document's date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// `YYYY-MM-DD`; for week, month and year precision, the first day of the
    /// period (or the middle of a month for "mid-June").
    pub value: String,
    /// How precise `value` is.
    pub precision: DatePrecision,
    /// The date expression in the text; `None` when the document date was used.
    pub span: Option<Span>,
    /// The rule that resolved it, e.g. `weekday-past`, `document-date`.
    pub rule: String,
}

/// Where an event happened, from the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventPlace {
    /// The place name in the text.
    pub span: Span,
    /// The gazetteer's canonical name.
    pub name: String,
    /// ISO 3166 alpha-3 country code, when the place lies in one country.
    pub country: Option<String>,
    /// The rule that found it, e.g. `prep-in`.
    pub rule: String,
}

/// One coded event: who did what to whom, when and where, with the evidence for each field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The sentence that reports it.
    pub sentence: SentenceIdx,
    /// PLOVER event type.
    pub event_type: EventType,
    /// PLOVER mode (e.g. `aerial`, `visit`), if the trigger names one.
    pub mode: Option<String>,
    /// PLOVER contexts (e.g. `military`, `diplomatic`).
    pub context: Vec<String>,
    /// CAMEO code, e.g. `125`.
    pub cameo: String,
    /// Goldstein weight of the CAMEO code, -10..10.
    pub goldstein: f32,
    /// GDELT QuadClass of the CAMEO code: 1 verbal coop., 2 material coop.,
    /// 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// PLOVER conflict/cooperation score of the type and mode, -10..10.
    pub plover_score: Option<f32>,
    /// Who acted; `None` when no actor could be found.
    pub actor: Option<EventParty>,
    /// Who it was done to; `None` when there is none or it was not found.
    pub recipient: Option<EventParty>,
    /// The words that triggered it.
    pub trigger: EventTrigger,
    /// When it happened.
    pub date: Option<EventDate>,
    /// Where it happened.
    pub location: Option<EventPlace>,
    /// Who reported it, for reported speech and quotes.
    pub speaker: Option<EventParty>,
    /// The quoted words, when the event lies inside a direct quote.
    pub quote: Option<Span>,
    /// Whether the text asserts it.
    pub modality: Modality,
    /// The cue behind a non-asserted modality, e.g. `neg:not`, `aux:could`.
    pub modality_rule: Option<String>,
    /// How sure the coder is, 0..1.
    pub confidence: f32,
    /// The lexicon entry (or derived rule) that coded it.
    pub rule: String,
}
