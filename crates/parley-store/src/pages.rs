//! Read-only queries behind the web pages of one actor and one document:
//! an actor's counts, partners, event types and stories; a page of its
//! events with their total; and every coded span of a document in the
//! document's own byte offsets (the article page highlights them in the
//! full text, where [`crate::ReportRow`]'s highlights are per sentence).
//!
//! Actor codes match exactly here (`RUS` is Russia, not every `RUS...`
//! code), so an actor page's counts equal the rows of its tables.

use serde::{Deserialize, Serialize};

use crate::db::{Backend, Row, Val};
use crate::model::EventRow;
use crate::query::{event_row, Page, EVENT_COLS};
use crate::{Store, StoreError};

/// An actor with its counts, partners, event types and stories (merged
/// events of every modality).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorDetail {
    /// Actor code, e.g. `RUSGOV`.
    pub code: String,
    /// Most frequent canonical name, if any.
    pub name: Option<String>,
    /// Events with it in either role (an event with it as both counts once).
    pub events: i64,
    /// Events with it as actor.
    pub as_actor: i64,
    /// Events with it as recipient.
    pub as_recipient: i64,
    /// Mentions of it in documents (coded or not into events).
    pub mentions: i64,
    /// Who it dealt with, most events first (at most [`MAX_PARTNERS`]).
    pub partners: Vec<PartnerRow>,
    /// Distinct partners in all (`partners` may be cut).
    pub num_partners: i64,
    /// Its events by PLOVER type, most frequent first.
    pub types: Vec<TypeCount>,
    /// Stories its events belong to, most events first (at most [`MAX_PARTNERS`]).
    pub stories: Vec<ActorStory>,
}

/// Most partners and stories an [`ActorDetail`] lists.
pub const MAX_PARTNERS: usize = 50;

/// A partner of an actor: events between the two, either way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerRow {
    /// The partner's code.
    pub code: String,
    /// Its name, if known.
    pub name: Option<String>,
    /// Events of the actor towards the partner.
    pub outgoing: i64,
    /// Events of the partner towards the actor.
    pub incoming: i64,
    /// Of both, events of quad class 1 or 2.
    pub cooperation: i64,
    /// Of both, events of quad class 3 or 4.
    pub conflict: i64,
}

/// Events of one type with an actor in either role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeCount {
    /// PLOVER type.
    pub event_type: String,
    /// Events with the actor as actor.
    pub as_actor: i64,
    /// Events with the actor as recipient.
    pub as_recipient: i64,
}

/// A story with an actor's events in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorStory {
    /// Story id.
    pub id: i64,
    /// Its title.
    pub title: String,
    /// The actor's events in it (by the story of each event's first report).
    pub events: i64,
}

/// Which role an actor's events are listed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorRole {
    /// As actor.
    Actor,
    /// As recipient.
    Recipient,
    /// Either.
    Either,
}

/// One page of events and how many match in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountedEvents {
    /// Events matching, in all.
    pub total: i64,
    /// The page, by date then id.
    pub events: Vec<EventRow>,
}

/// A coded span of a document, in the document's byte offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentMark {
    /// `actor`, `trigger`, `recipient`, `date`, `place`, `speaker` or `mention`.
    pub role: String,
    /// Byte offset into the document text, inclusive.
    pub start: usize,
    /// Byte offset into the document text, exclusive.
    pub end: usize,
    /// The report it belongs to (`None` for a mention).
    pub report_id: Option<i64>,
    /// The merged event of that report.
    pub event_id: Option<i64>,
    /// What the span codes to: an actor code, a PLOVER type, a date, a place name.
    pub value: Option<String>,
    /// An actor's canonical name, if any.
    pub name: Option<String>,
}

/// A sentence's place in its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceSpan {
    /// Index in the document.
    pub index: i64,
    /// Byte offset into the document text, inclusive.
    pub start: usize,
    /// Byte offset into the document text, exclusive.
    pub end: usize,
}

impl Store {
    /// An actor's page: `None` when no event and no mention has the code.
    pub fn actor_detail(&self, code: &str) -> Result<Option<ActorDetail>, StoreError> {
        self.with_db(|db| actor_detail(db, code))
    }

    /// One page of an actor's events in `role`, by date then id, and their total.
    pub fn actor_events(
        &self,
        code: &str,
        role: ActorRole,
        page: Page,
    ) -> Result<CountedEvents, StoreError> {
        self.with_db(|db| actor_events(db, code, role, page))
    }

    /// Every coded span of a document (actor, trigger, recipient, date,
    /// place and speaker of each report, then actor mentions), by start.
    pub fn document_marks(&self, id: i64) -> Result<Vec<DocumentMark>, StoreError> {
        self.with_db(|db| document_marks(db, id))
    }

    /// Where each sentence of a document lies in its text.
    pub fn sentence_spans(&self, id: i64) -> Result<Vec<SentenceSpan>, StoreError> {
        self.with_db(|db| {
            Ok(db
                .query(
                    "SELECT idx, start_byte, end_byte FROM sentences WHERE document_id = ? ORDER BY idx",
                    &[Val::Int(id)],
                )?
                .iter()
                .map(|r| SentenceSpan { index: r.i64(0), start: r.u64(1) as usize, end: r.u64(2) as usize })
                .collect())
        })
    }
}

fn actor_detail(db: &mut Backend, code: &str) -> Result<Option<ActorDetail>, StoreError> {
    let c = || Val::from(code);
    let as_actor = db.scalar("SELECT COUNT(*) FROM events WHERE actor_code = ?", &[c()])?;
    let as_recipient = db.scalar("SELECT COUNT(*) FROM events WHERE recipient_code = ?", &[c()])?;
    let mentions = db.scalar("SELECT COUNT(*) FROM mentions WHERE code = ?", &[c()])?;
    let events = db.scalar(
        "SELECT COUNT(*) FROM events WHERE actor_code = ? OR recipient_code = ?",
        &[c(), c()],
    )?;
    if as_actor + as_recipient + mentions == 0 {
        return Ok(None);
    }
    let name = db
        .query(
            "SELECT name, COUNT(*) FROM ( \
               SELECT actor_name AS name FROM events WHERE actor_code = ? AND actor_name IS NOT NULL \
               UNION ALL SELECT recipient_name FROM events WHERE recipient_code = ? AND recipient_name IS NOT NULL \
               UNION ALL SELECT name FROM mentions WHERE code = ? AND name IS NOT NULL \
             ) t GROUP BY name ORDER BY COUNT(*) DESC, name LIMIT 1",
            &[c(), c(), c()],
        )?
        .first()
        .and_then(|r| r.opt_str(0));
    let coop = "CASE WHEN quad_class IN (1, 2) THEN 1 ELSE 0 END";
    let conf = "CASE WHEN quad_class IN (3, 4) THEN 1 ELSE 0 END";
    let partner_rows = db.query(
        &format!(
            "SELECT partner, MAX(pname), CAST(SUM(o) AS BIGINT), CAST(SUM(i) AS BIGINT), \
                    CAST(SUM(coop) AS BIGINT), CAST(SUM(conf) AS BIGINT) FROM ( \
               SELECT recipient_code AS partner, recipient_name AS pname, 1 AS o, 0 AS i, {coop} AS coop, {conf} AS conf \
                 FROM events WHERE actor_code = ? AND recipient_code IS NOT NULL \
               UNION ALL \
               SELECT actor_code, actor_name, 0, 1, {coop}, {conf} \
                 FROM events WHERE recipient_code = ? AND actor_code IS NOT NULL \
             ) t GROUP BY partner ORDER BY SUM(o) + SUM(i) DESC, partner"
        ),
        &[c(), c()],
    )?;
    let num_partners = partner_rows.len() as i64;
    let partners = partner_rows
        .iter()
        .take(MAX_PARTNERS)
        .map(|r| PartnerRow {
            code: r.str(0),
            name: r.opt_str(1),
            outgoing: r.i64(2),
            incoming: r.i64(3),
            cooperation: r.i64(4),
            conflict: r.i64(5),
        })
        .collect();
    let types = db
        .query(
            "SELECT event_type, CAST(SUM(CASE WHEN actor_code = ? THEN 1 ELSE 0 END) AS BIGINT), \
                    CAST(SUM(CASE WHEN recipient_code = ? THEN 1 ELSE 0 END) AS BIGINT) \
             FROM events WHERE actor_code = ? OR recipient_code = ? \
             GROUP BY event_type ORDER BY COUNT(*) DESC, event_type",
            &[c(), c(), c(), c()],
        )?
        .iter()
        .map(|r| TypeCount { event_type: r.str(0), as_actor: r.i64(1), as_recipient: r.i64(2) })
        .collect();
    let stories = db
        .query(
            "SELECT s.id, s.title, COUNT(*) FROM events e JOIN stories s ON s.id = e.story_id \
             WHERE e.actor_code = ? OR e.recipient_code = ? \
             GROUP BY s.id, s.title ORDER BY COUNT(*) DESC, s.id LIMIT ?",
            &[c(), c(), Val::from(MAX_PARTNERS)],
        )?
        .iter()
        .map(|r| ActorStory { id: r.i64(0), title: r.str(1), events: r.i64(2) })
        .collect();
    Ok(Some(ActorDetail {
        code: code.to_string(),
        name,
        events,
        as_actor,
        as_recipient,
        mentions,
        partners,
        num_partners,
        types,
        stories,
    }))
}

fn actor_events(
    db: &mut Backend,
    code: &str,
    role: ActorRole,
    page: Page,
) -> Result<CountedEvents, StoreError> {
    let (cond, params) = match role {
        ActorRole::Actor => ("e.actor_code = ?", vec![Val::from(code)]),
        ActorRole::Recipient => ("e.recipient_code = ?", vec![Val::from(code)]),
        ActorRole::Either => {
            ("(e.actor_code = ? OR e.recipient_code = ?)", vec![Val::from(code), Val::from(code)])
        }
    };
    let total = db.scalar(&format!("SELECT COUNT(*) FROM events e WHERE {cond}"), &params)?;
    let mut params = params;
    params.push(Val::from(page.limit.min(10_000)));
    params.push(Val::from(page.offset));
    let events = db
        .query(
            &format!(
                "SELECT {EVENT_COLS} FROM events e WHERE {cond} ORDER BY e.date, e.id LIMIT ? OFFSET ?"
            ),
            &params,
        )?
        .iter()
        .map(event_row)
        .collect();
    Ok(CountedEvents { total, events })
}

fn document_marks(db: &mut Backend, id: i64) -> Result<Vec<DocumentMark>, StoreError> {
    let rows = db.query(
        "SELECT id, event_id, actor_start, actor_end, actor_code, actor_name, \
                trigger_start, trigger_end, event_type, \
                recipient_start, recipient_end, recipient_code, recipient_name, \
                date_start, date_end, date, location_start, location_end, location_name, \
                speaker_start, speaker_end, speaker_code, speaker_name \
         FROM reports WHERE document_id = ? ORDER BY sentence_idx, id",
        &[Val::Int(id)],
    )?;
    let mut marks = Vec::new();
    for r in &rows {
        let report = Some(r.i64(0));
        let event = r.opt_i64(1);
        // (role, first column of start/end/value/name, whether it has a name column)
        let fields: [(&str, usize, bool); 6] = [
            ("actor", 2, true),
            ("trigger", 6, false),
            ("recipient", 9, true),
            ("date", 13, false),
            ("place", 16, false),
            ("speaker", 19, true),
        ];
        for (role, at, named) in fields {
            if let Some(mark) = mark(r, role, at, named, report, event) {
                marks.push(mark);
            }
        }
    }
    for r in db.query(
        "SELECT start_byte, end_byte, code, name FROM mentions WHERE document_id = ? ORDER BY start_byte, id",
        &[Val::Int(id)],
    )? {
        marks.push(DocumentMark {
            role: "mention".to_string(),
            start: r.u64(0) as usize,
            end: r.u64(1) as usize,
            report_id: None,
            event_id: None,
            value: r.opt_str(2),
            name: r.opt_str(3),
        });
    }
    marks.sort_by_key(|m| (m.start, m.end));
    Ok(marks)
}

/// The mark of one role of a report row, when the report has its span.
fn mark(
    r: &Row,
    role: &str,
    at: usize,
    named: bool,
    report_id: Option<i64>,
    event_id: Option<i64>,
) -> Option<DocumentMark> {
    let start = usize::try_from(r.opt_i64(at)?).ok()?;
    let end = usize::try_from(r.opt_i64(at + 1)?).ok()?;
    (start < end).then(|| DocumentMark {
        role: role.to_string(),
        start,
        end,
        report_id,
        event_id,
        value: r.opt_str(at + 2),
        name: if named { r.opt_str(at + 3) } else { None },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use parley_doc::{Actor, DocMeta, Document, EventParty, EventTrigger, Sentence, Span};

    fn party(text: &str, words: &str, code: &str) -> EventParty {
        let start = text.find(words).expect("words");
        EventParty {
            span: Span::new(text, start, start + words.len()).expect("span"),
            mention: None,
            actor: Actor {
                code: code.into(),
                name: Some(format!("{code} name")),
                ..Actor::default()
            },
            rule: "subj".into(),
        }
    }

    #[test]
    fn actor_counts_equal_its_event_rows_and_marks_lie_in_the_text() {
        let text = "Russia rejected Ukraine. Ukraine accused Russia.";
        let mut doc = Document::new(
            DocMeta { id: "d".into(), date: Some("2024-06-10".into()), ..DocMeta::default() },
            text.into(),
        );
        for (start, end) in [(0, 24), (25, text.len())] {
            doc.sentences.push(Sentence {
                span: Span::new(text, start, end).expect("sentence"),
                first_token: parley_doc::TokenIdx(0),
                end_token: parley_doc::TokenIdx(0),
                kind: parley_doc::BlockKind::Paragraph,
            });
        }
        let event = |sentence: u32, actor: EventParty, trigger: &str, recipient: EventParty| {
            let at =
                text[doc_start(sentence)..].find(trigger).expect("trigger") + doc_start(sentence);
            parley_doc::Event {
                sentence: parley_doc::SentenceIdx(sentence),
                event_type: if sentence == 0 {
                    parley_doc::EventType::Reject
                } else {
                    parley_doc::EventType::Accuse
                },
                mode: None,
                context: vec![],
                cameo: "120".into(),
                goldstein: -4.0,
                quad_class: 3,
                plover_score: None,
                actor: Some(actor),
                recipient: Some(recipient),
                trigger: EventTrigger {
                    span: Span::new(text, at, at + trigger.len()).expect("trigger span"),
                    token: parley_doc::TokenIdx(0),
                },
                date: None,
                location: None,
                speaker: None,
                quote: None,
                modality: parley_doc::Modality::Asserted,
                modality_rule: None,
                confidence: 0.9,
                rule: "test".into(),
            }
        };
        fn doc_start(sentence: u32) -> usize {
            if sentence == 0 {
                0
            } else {
                25
            }
        }
        let second = |words: &str, code: &str| {
            let start = text[25..].find(words).expect("words") + 25;
            EventParty {
                span: Span::new(text, start, start + words.len()).expect("span"),
                mention: None,
                actor: Actor { code: code.into(), ..Actor::default() },
                rule: "subj".into(),
            }
        };
        doc.events.push(event(
            0,
            party(text, "Russia", "RUS"),
            "rejected",
            party(text, "Ukraine", "UKR"),
        ));
        doc.events.push(event(1, second("Ukraine", "UKR"), "accused", second("Russia", "RUS")));
        let mut store = Store::open(":memory:").expect("open");
        store.ingest(&doc).expect("ingest");
        store.rebuild_stories().expect("rebuild");

        let rus = store.actor_detail("RUS").expect("query").expect("RUS exists");
        assert_eq!((rus.events, rus.as_actor, rus.as_recipient), (2, 1, 1));
        assert_eq!(rus.name.as_deref(), Some("RUS name"));
        assert_eq!(rus.partners.len(), 1);
        assert_eq!((rus.partners[0].outgoing, rus.partners[0].incoming), (1, 1));
        let page = Page { limit: 10, offset: 0 };
        for (role, want) in
            [(ActorRole::Actor, 1), (ActorRole::Recipient, 1), (ActorRole::Either, 2)]
        {
            let events = store.actor_events("RUS", role, page).expect("events");
            assert_eq!(events.total, want, "{role:?}");
            assert_eq!(events.events.len() as i64, want, "{role:?}");
        }
        // Exact codes: RU is nobody.
        assert!(store.actor_detail("RU").expect("query").is_none());

        let id = store.documents(1, 0).expect("docs")[0].id;
        let marks = store.document_marks(id).expect("marks");
        let roles: Vec<(&str, &str)> =
            marks.iter().map(|m| (m.role.as_str(), &text[m.start..m.end])).collect();
        assert!(roles.contains(&("trigger", "rejected")), "{roles:?}");
        assert!(roles.contains(&("recipient", "Russia")), "{roles:?}");
        assert!(marks.windows(2).all(|w| w[0].start <= w[1].start));
        let spans = store.sentence_spans(id).expect("spans");
        assert_eq!(spans.len(), 2);
        assert_eq!(&text[spans[1].start..spans[1].end], "Ukraine accused Russia.");
    }
}
