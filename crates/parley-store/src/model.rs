//! Row types the store returns: plain data, serialisable as JSON for the
//! web API and the CLI's `--format json`.

use serde::{Deserialize, Serialize};

/// What ingesting one document did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum IngestOutcome {
    /// The document was new (or its text or metadata changed): it is stored now.
    Inserted {
        /// The stored document's id.
        document_id: i64,
        /// Sentences stored.
        sentences: usize,
        /// Event reports stored (one per coded event).
        events: usize,
        /// Actor mentions stored.
        mentions: usize,
        /// Quotes stored.
        quotes: usize,
        /// Whether an older version (same `meta.id` and origin, other content) was replaced.
        replaced: bool,
        /// The stored document whose body text this one repeats (a reprint
        /// under another id or outlet): its events count as further reports.
        reprint_of: Option<i64>,
    },
    /// A document with the same content hash is already stored: nothing changed.
    Unchanged {
        /// The stored document's id.
        document_id: i64,
    },
}

/// How much the store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Documents.
    pub documents: u64,
    /// Sentences.
    pub sentences: u64,
    /// Actor mentions.
    pub mentions: u64,
    /// Event reports: one per event coded in a sentence.
    pub reports: u64,
    /// Merged events (after `rebuild_stories`): reports of one real-world event count once.
    pub events: u64,
    /// Stories (after `rebuild_stories`).
    pub stories: u64,
    /// Quotes.
    pub quotes: u64,
}

/// A filter over merged events. Every field is optional; set fields are ANDed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventFilter {
    /// Actor code: three letters match the code's root (`RUS` matches
    /// `RUSGOV`, `RUSMIL`); longer codes match exactly.
    pub actor: Option<String>,
    /// Recipient code, matched as `actor` is.
    pub recipient: Option<String>,
    /// PLOVER type, e.g. `REJECT` (case-insensitive; legacy names accepted).
    pub event_type: Option<String>,
    /// Earliest event date, `YYYY-MM-DD`, inclusive.
    pub since: Option<String>,
    /// Latest event date, `YYYY-MM-DD`, inclusive.
    pub until: Option<String>,
    /// Only events of this story.
    pub story: Option<i64>,
    /// Modality: `None` is `asserted` only (negated, hypothetical,
    /// conditional and questioned events are left out by default); `any`
    /// includes every modality; a modality name selects that one.
    pub modality: Option<String>,
    /// Opaque cursor from a previous page's `next`.
    pub cursor: Option<String>,
    /// Page size; default 100, at most 10 000.
    pub limit: Option<usize>,
}

/// One page of events, ordered by event date then id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventPage {
    /// The events.
    pub events: Vec<EventRow>,
    /// Cursor for the next page; `None` on the last page.
    pub next: Option<String>,
}

/// A merged event: one real-world event, however many reports mention it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    /// Stable id: the smallest id among its reports.
    pub id: i64,
    /// Event date, `YYYY-MM-DD`; empty when unknown.
    pub date: String,
    /// `day`, `week`, `month` or `year`.
    pub date_precision: Option<String>,
    /// PLOVER type, e.g. `REJECT`.
    pub event_type: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// PLOVER contexts.
    pub context: Vec<String>,
    /// CAMEO code.
    pub cameo: String,
    /// Goldstein weight, -10..10, rounded to one decimal.
    pub goldstein: f64,
    /// GDELT QuadClass: 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict.
    pub quad_class: i64,
    /// PLOVER score, -10..10, rounded to two decimals.
    pub plover_score: Option<f64>,
    /// Actor code, e.g. `RUSGOV`.
    pub actor_code: Option<String>,
    /// Actor's name (a person's or organisation's canonical name), if known.
    pub actor_name: Option<String>,
    /// Actor's ISO alpha-3 country, when it belongs to a state.
    pub actor_country: Option<String>,
    /// Actor's CAMEO sector (`GOV`, `MIL`, `REB`...), if any.
    pub actor_sector: Option<String>,
    /// Recipient code.
    pub recipient_code: Option<String>,
    /// Recipient's name, if known.
    pub recipient_name: Option<String>,
    /// Recipient's ISO alpha-3 country.
    pub recipient_country: Option<String>,
    /// Recipient's CAMEO sector.
    pub recipient_sector: Option<String>,
    /// Place name, if known.
    pub location: Option<String>,
    /// ISO alpha-3 country of the place.
    pub location_country: Option<String>,
    /// `asserted`, `negated`, `hypothetical`, `conditional` or `questioned`.
    pub modality: String,
    /// Highest coder confidence among its reports, 0..1, rounded to three decimals.
    pub confidence: f64,
    /// Whether a report of it lies in the lead of its article (GDELT's IsRootEvent).
    pub is_root: bool,
    /// Reports (event mentions) merged into it.
    pub num_reports: i64,
    /// Distinct documents reporting it.
    pub num_documents: i64,
    /// Distinct outlets reporting it, at least 1 (documents without an
    /// outlet count as one unnamed outlet).
    pub num_sources: i64,
    /// When its first report was stored, `YYYYMMDDHHMMSS` UTC.
    pub date_added: Option<String>,
    /// The sentence of its first report.
    pub sentence: String,
    /// Address of its first report's document.
    pub source_url: Option<String>,
    /// Story it belongs to (the story of its first report's document).
    pub story_id: Option<i64>,
}

/// A span of a sentence, for highlighting: byte offsets into the sentence text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Highlight {
    /// Byte offset into the sentence text, inclusive.
    pub start: usize,
    /// Byte offset into the sentence text, exclusive.
    pub end: usize,
    /// The words.
    pub text: String,
}

/// A party of one report, as written in the sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportParty {
    /// Actor code.
    pub code: Option<String>,
    /// Canonical name, if any.
    pub name: Option<String>,
    /// Where the words are in the sentence (`None` when outside it, e.g. a speaker in an earlier sentence).
    pub span: Option<Highlight>,
}

/// One report of an event: a sentence of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRow {
    /// Report id.
    pub id: i64,
    /// Merged event it belongs to.
    pub event_id: Option<i64>,
    /// PLOVER type as coded in this report.
    pub event_type: String,
    /// CAMEO code as coded in this report.
    pub cameo: String,
    /// Document id.
    pub document_id: i64,
    /// The document's own id (`meta.id`).
    pub document_key: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Publication date.
    pub document_date: Option<String>,
    /// Index of the sentence in the document.
    pub sentence_index: i64,
    /// The sentence's text.
    pub sentence: String,
    /// The trigger words.
    pub trigger: Option<Highlight>,
    /// Who acted.
    pub actor: Option<ReportParty>,
    /// Who it was done to.
    pub recipient: Option<ReportParty>,
    /// Who said it.
    pub speaker: Option<ReportParty>,
    /// The quoted words, if the report lies in a quote.
    pub quote: Option<String>,
    /// Event date as resolved in this report.
    pub date: Option<String>,
    /// Its precision.
    pub date_precision: Option<String>,
    /// The date expression, if in the sentence.
    pub date_text: Option<Highlight>,
    /// Place, if any.
    pub location: Option<String>,
    /// Modality.
    pub modality: String,
    /// Coder confidence.
    pub confidence: f64,
    /// Lexicon entry or rule that coded it.
    pub rule: String,
}

/// A merged event with every report of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDetail {
    /// The merged event.
    pub event: EventRow,
    /// Its reports, by document date then document and sentence.
    pub reports: Vec<ReportRow>,
    /// The distinct outlets of its reports, sorted.
    pub outlets: Vec<String>,
}

/// A stored document, without its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRow {
    /// Store id.
    pub id: i64,
    /// The document's own id (`meta.id`).
    pub key: String,
    /// Where it was read from.
    pub origin: String,
    /// Publication date.
    pub date: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Sentences.
    pub num_sentences: i64,
    /// Event reports.
    pub num_reports: i64,
    /// Story, after `rebuild_stories`.
    pub story_id: Option<i64>,
}

/// An actor mention in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRow {
    /// Sentence index.
    pub sentence_index: i64,
    /// Byte offset into the document text, inclusive.
    pub start: usize,
    /// Byte offset into the document text, exclusive.
    pub end: usize,
    /// The words.
    pub text: String,
    /// Actor code.
    pub code: String,
    /// Canonical name.
    pub name: Option<String>,
}

/// A document with its text, sentences, mentions and reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentDetail {
    /// The document.
    pub document: DocumentRow,
    /// Its text.
    pub text: String,
    /// Its sentences, in order.
    pub sentences: Vec<String>,
    /// Its actor mentions.
    pub mentions: Vec<MentionRow>,
    /// Its event reports.
    pub reports: Vec<ReportRow>,
}

/// An actor with how often it acts and is acted on (merged events).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRow {
    /// Actor code.
    pub code: String,
    /// Most frequent canonical name, if any.
    pub name: Option<String>,
    /// Events with it as actor.
    pub as_actor: i64,
    /// Events with it as recipient.
    pub as_recipient: i64,
}

/// A story: articles about one chain of events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryRow {
    /// Stable id: the smallest id among its documents.
    pub id: i64,
    /// The earliest document's headline.
    pub title: String,
    /// Earliest publication date.
    pub first_date: Option<String>,
    /// Latest publication date.
    pub last_date: Option<String>,
    /// Documents.
    pub num_documents: i64,
    /// Merged events.
    pub num_events: i64,
    /// Distinct outlets (documents without an outlet count as one unnamed
    /// outlet).
    pub num_sources: i64,
    /// Most frequent actor codes, most frequent first (at most 5).
    pub actors: Vec<String>,
}

/// An actor pair and how they dealt with each other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DyadRow {
    /// Actor code.
    pub actor: String,
    /// Recipient code.
    pub recipient: String,
    /// Events of quad class 1 or 2 (cooperation).
    pub cooperation: i64,
    /// Events of quad class 3 or 4 (conflict).
    pub conflict: i64,
}

/// A quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRow {
    /// Quote id.
    pub id: i64,
    /// Document id.
    pub document_id: i64,
    /// Merged event of the report it came from, if any.
    pub event_id: Option<i64>,
    /// Speaker's actor code.
    pub speaker_code: Option<String>,
    /// Speaker's canonical name.
    pub speaker_name: Option<String>,
    /// The words naming the speaker.
    pub speaker_text: Option<String>,
    /// The quoted words.
    pub quote: String,
    /// Publication date of the document.
    pub date: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// Headline.
    pub title: Option<String>,
}

/// Quotes of one speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerQuotes {
    /// Speaker's code, or `?` when unknown.
    pub speaker: String,
    /// Canonical name, if any.
    pub name: Option<String>,
    /// The quotes, by date.
    pub quotes: Vec<QuoteRow>,
}

/// An outlet of a story and what it reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletRow {
    /// Outlet name (`?` when unknown).
    pub source: String,
    /// Its documents in the story.
    pub documents: Vec<i64>,
    /// Merged events it reported.
    pub events: Vec<i64>,
}

/// A story with its timeline, actors, dyads, quotes and outlets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryDetail {
    /// The story.
    pub story: StoryRow,
    /// Merged events reported by its documents, by event date.
    pub timeline: Vec<EventRow>,
    /// Actors of the timeline's events.
    pub actors: Vec<ActorRow>,
    /// Actor pairs with cooperation and conflict counts.
    pub dyads: Vec<DyadRow>,
    /// Quotes by speaker.
    pub quotes: Vec<SpeakerQuotes>,
    /// Outlets and the events each reported.
    pub outlets: Vec<OutletRow>,
    /// Its documents, by date.
    pub documents: Vec<DocumentRow>,
}

/// A sentence that matched a full-text search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// Sentence id.
    pub sentence_id: i64,
    /// Document id.
    pub document_id: i64,
    /// Index of the sentence in its document.
    pub sentence_index: i64,
    /// The sentence.
    pub text: String,
    /// The sentence with matches marked `[like this]`.
    pub snippet: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// Publication date.
    pub date: Option<String>,
}
