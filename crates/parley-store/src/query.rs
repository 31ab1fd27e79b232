//! Read queries behind the `Store` methods.

use std::collections::BTreeMap;

use parley_doc::EventType;

use crate::db::{Backend, Dialect, Row, Val};
use crate::merge::days_from_iso;
use crate::model::*;
use crate::{code_root, StoreError};

/// Columns of `events` in the order [`event_row`] reads them.
pub(crate) const EVENT_COLS: &str = "e.id, e.date, e.date_precision, e.event_type, e.mode, e.context, e.cameo, \
    e.goldstein, e.quad_class, e.plover_score, e.actor_code, e.actor_name, e.recipient_code, e.recipient_name, \
    e.location_name, e.location_country, e.modality, e.confidence, e.num_reports, e.num_documents, e.num_sources, \
    e.sentence, e.source_url, e.story_id, e.actor_country, e.actor_sector, e.recipient_country, \
    e.recipient_sector, e.is_root, e.date_added";

/// Rounds to `places` decimals: the coder's weights are `f32`, and their
/// widening to `f64` shows as noise (-7.199999809265137) in every export.
pub(crate) fn round(x: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    (x * scale).round() / scale
}

pub(crate) fn event_row(r: &Row) -> EventRow {
    EventRow {
        id: r.i64(0),
        date: r.str(1),
        date_precision: r.opt_str(2),
        event_type: r.str(3),
        mode: r.opt_str(4),
        context: serde_json::from_str(&r.str(5)).unwrap_or_default(),
        cameo: r.str(6),
        goldstein: round(r.f64(7), 1),
        quad_class: r.i64(8),
        plover_score: r.opt_str(9).and_then(|s| s.parse().ok()).map(|x| round(x, 2)),
        actor_code: r.opt_str(10),
        actor_name: r.opt_str(11),
        actor_country: r.opt_str(24),
        actor_sector: r.opt_str(25),
        recipient_code: r.opt_str(12),
        recipient_name: r.opt_str(13),
        recipient_country: r.opt_str(26),
        recipient_sector: r.opt_str(27),
        location: r.opt_str(14),
        location_country: r.opt_str(15),
        modality: r.str(16),
        confidence: round(r.f64(17), 3),
        is_root: r.i64(28) != 0,
        num_reports: r.i64(18),
        num_documents: r.i64(19),
        num_sources: r.i64(20),
        date_added: r.opt_str(29),
        sentence: r.str(21),
        source_url: r.opt_str(22),
        story_id: r.opt_i64(23),
    }
}

const MAX_LIMIT: usize = 10_000;

fn check_date(what: &str, date: &Option<String>) -> Result<(), StoreError> {
    match date {
        Some(d) if days_from_iso(d).is_none() || d.len() != 10 => {
            Err(StoreError::Invalid(format!("{what} date {d:?}: expected YYYY-MM-DD")))
        }
        _ => Ok(()),
    }
}

/// Adds a code condition: three letters or fewer match the root column.
/// A longer code also pins its root (implied, since `*_root` is always
/// `code_root(*_code)`), so the composite root indexes of migration 2
/// serve every mix of actor, recipient and type in date order.
fn code_condition(sql: &mut String, params: &mut Vec<Val>, column: &str, code: &Option<String>) {
    if let Some(code) = code.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        let code = code.to_ascii_uppercase();
        if code.chars().count() <= 3 {
            sql.push_str(&format!(" AND e.{column}_root = ?"));
        } else {
            sql.push_str(&format!(" AND e.{column}_root = ? AND e.{column}_code = ?"));
            params.push(Val::from(code_root(&code)));
        }
        params.push(Val::from(code));
    }
}

/// One page of a list: at most `limit` rows after skipping `offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// Rows on the page.
    pub limit: usize,
    /// Rows before it.
    pub offset: usize,
}

/// Appends `LIMIT ? OFFSET ?` (both databases read it) for a page; the
/// query must already be in a stable order.
fn push_page(sql: &mut String, params: &mut Vec<Val>, page: Option<Page>) {
    if let Some(page) = page {
        sql.push_str(" LIMIT ? OFFSET ?");
        params.push(Val::from(page.limit));
        params.push(Val::from(page.offset));
    }
}

fn encode_cursor(date: &str, id: i64) -> String {
    format!("{id}.{date}")
}

fn decode_cursor(cursor: &str) -> Result<(String, i64), StoreError> {
    let bad = || StoreError::Invalid(format!("cursor {cursor:?} is not one this store gave out"));
    let (id, date) = cursor.split_once('.').ok_or_else(bad)?;
    // Only the exact shape `encode_cursor` writes: `days_from_iso` reads the
    // first ten bytes and `parse` takes a sign, so both are checked whole.
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let id: i64 = id.parse().map_err(|_| bad())?;
    if !(date.is_empty() || (date.len() == 10 && days_from_iso(date).is_some())) {
        return Err(bad());
    }
    Ok((date.to_string(), id))
}

pub(crate) fn events(db: &mut Backend, f: &EventFilter) -> Result<EventPage, StoreError> {
    let limit = f.limit.unwrap_or(100).clamp(1, MAX_LIMIT);
    let (sql, params) = events_sql(f, limit)?;
    let rows = db.query(&sql, &params)?;
    let mut events: Vec<EventRow> = rows.iter().map(event_row).collect();
    let next = if events.len() > limit {
        events.truncate(limit);
        events.last().map(|e| encode_cursor(&e.date, e.id))
    } else {
        None
    };
    Ok(EventPage { events, next })
}

/// The query for one page of `limit` events (one more is fetched, to know
/// whether a next page exists).
fn events_sql(f: &EventFilter, limit: usize) -> Result<(String, Vec<Val>), StoreError> {
    check_date("since", &f.since)?;
    check_date("until", &f.until)?;
    let mut sql = format!("SELECT {EVENT_COLS} FROM events e WHERE 1 = 1");
    let mut params = Vec::new();
    code_condition(&mut sql, &mut params, "actor", &f.actor);
    code_condition(&mut sql, &mut params, "recipient", &f.recipient);
    if let Some(t) = f.event_type.as_deref().filter(|t| !t.trim().is_empty()) {
        let t = EventType::parse(t)
            .ok_or_else(|| StoreError::Invalid(format!("event type {t:?} is not a PLOVER type")))?;
        sql.push_str(" AND e.event_type = ?");
        params.push(Val::from(t.as_str()));
    }
    if let Some(since) = &f.since {
        sql.push_str(" AND e.date >= ?");
        params.push(Val::from(since));
    }
    if let Some(until) = &f.until {
        sql.push_str(" AND e.date <= ?");
        params.push(Val::from(until));
    }
    if let Some(story) = f.story {
        sql.push_str(" AND e.story_id = ?");
        params.push(Val::Int(story));
    }
    if let Some(modality) = modality_condition(f.modality.as_deref())? {
        sql.push_str(" AND e.modality = ?");
        params.push(Val::from(modality));
    }
    if let Some(cursor) = &f.cursor {
        let (date, id) = decode_cursor(cursor)?;
        // A row value: both databases turn it into one index range, where
        // `date > ? OR (date = ? AND id > ?)` scans from the start of the range.
        sql.push_str(" AND (e.date, e.id) > (?, ?)");
        params.push(Val::from(date));
        params.push(Val::Int(id));
    }
    sql.push_str(" ORDER BY e.date, e.id LIMIT ?");
    params.push(Val::from(limit + 1));
    Ok((sql, params))
}

/// The modalities the coder writes, `asserted` first.
pub const MODALITIES: [&str; 5] =
    ["asserted", "negated", "hypothetical", "conditional", "questioned"];

/// The modality an event filter keeps: `None` (the default) is
/// `asserted`, `any` keeps every one (no condition).
fn modality_condition(modality: Option<&str>) -> Result<Option<&'static str>, StoreError> {
    let Some(m) = modality.map(str::trim).filter(|m| !m.is_empty()) else {
        return Ok(Some("asserted"));
    };
    let m = m.to_ascii_lowercase();
    if m == "any" || m == "all" {
        return Ok(None);
    }
    MODALITIES.iter().find(|x| **x == m).map(|x| Some(*x)).ok_or_else(|| {
        StoreError::Invalid(format!("modality {m:?}: use any or one of {}", MODALITIES.join(", ")))
    })
}

const REPORT_SELECT: &str = "SELECT r.id, r.event_id, r.event_type, r.cameo, r.document_id, d.doc_key, d.title, d.source, \
    d.url, d.date, r.sentence_idx, s.text, s.start_byte, r.trigger_start, r.trigger_end, \
    r.actor_code, r.actor_name, r.actor_start, r.actor_end, r.recipient_code, r.recipient_name, r.recipient_start, \
    r.recipient_end, r.speaker_code, r.speaker_name, r.speaker_start, r.speaker_end, r.quote_start, r.quote_end, \
    r.date, r.date_precision, r.date_start, r.date_end, r.location_name, r.modality, r.confidence, r.rule, \
    (SELECT q.quote FROM quotes q WHERE q.document_id = r.document_id AND q.start_byte = r.quote_start AND q.end_byte = r.quote_end LIMIT 1) \
    FROM reports r JOIN documents d ON d.id = r.document_id \
    LEFT JOIN sentences s ON s.document_id = r.document_id AND s.idx = r.sentence_idx";

/// A span of the document as a highlight in its sentence, when inside it.
fn highlight(
    sentence: &str,
    sentence_start: i64,
    start: Option<i64>,
    end: Option<i64>,
) -> Option<Highlight> {
    let start = usize::try_from(start? - sentence_start).ok()?;
    let end = usize::try_from(end? - sentence_start).ok()?;
    let text = sentence.get(start..end)?;
    Some(Highlight { start, end, text: text.to_string() })
}

fn report_row(r: &Row) -> ReportRow {
    let sentence = r.str(11);
    let base = r.i64(12);
    let party = |code: usize| -> Option<ReportParty> {
        let c = r.opt_str(code)?;
        Some(ReportParty {
            code: Some(c),
            name: r.opt_str(code + 1),
            span: highlight(&sentence, base, r.opt_i64(code + 2), r.opt_i64(code + 3)),
        })
    };
    ReportRow {
        id: r.i64(0),
        event_id: r.opt_i64(1),
        event_type: r.str(2),
        cameo: r.str(3),
        document_id: r.i64(4),
        document_key: r.str(5),
        title: r.opt_str(6),
        source: r.opt_str(7),
        url: r.opt_str(8),
        document_date: r.opt_str(9),
        sentence_index: r.i64(10),
        trigger: highlight(&sentence, base, r.opt_i64(13), r.opt_i64(14)),
        actor: party(15),
        recipient: party(19),
        speaker: party(23),
        quote: r.opt_str(37),
        date: r.opt_str(29),
        date_precision: r.opt_str(30),
        date_text: highlight(&sentence, base, r.opt_i64(31), r.opt_i64(32)),
        location: r.opt_str(33),
        modality: r.str(34),
        confidence: r.f64(35),
        rule: r.str(36),
        sentence,
    }
}

pub(crate) fn event(db: &mut Backend, id: i64) -> Result<Option<EventDetail>, StoreError> {
    let Some(row) = db
        .query_opt(&format!("SELECT {EVENT_COLS} FROM events e WHERE e.id = ?"), &[Val::Int(id)])?
    else {
        return Ok(None);
    };
    let reports: Vec<ReportRow> = db
        .query(
            &format!("{REPORT_SELECT} WHERE r.event_id = ? ORDER BY d.date, r.document_id, r.sentence_idx, r.id"),
            &[Val::Int(id)],
        )?
        .iter()
        .map(report_row)
        .collect();
    let mut outlets: Vec<String> =
        reports.iter().filter_map(|r: &ReportRow| r.source.clone()).collect();
    outlets.sort_unstable();
    outlets.dedup();
    Ok(Some(EventDetail { event: event_row(&row), reports, outlets }))
}

const DOC_COLS: &str =
    "d.id, d.doc_key, d.origin, d.date, d.source, d.url, d.title, d.num_sentences, d.num_reports, \
    (SELECT MIN(sd.story_id) FROM story_documents sd WHERE sd.document_id = d.id)";

fn document_row(r: &Row) -> DocumentRow {
    DocumentRow {
        id: r.i64(0),
        key: r.str(1),
        origin: r.str(2),
        date: r.opt_str(3),
        source: r.opt_str(4),
        url: r.opt_str(5),
        title: r.opt_str(6),
        num_sentences: r.i64(7),
        num_reports: r.i64(8),
        story_id: r.opt_i64(9),
    }
}

/// The document list, newest first: read in order from the
/// `documents_listing` index (migration 7), which holds the sort key.
fn documents_sql() -> String {
    format!(
        "SELECT {DOC_COLS} FROM documents d ORDER BY COALESCE(d.date, '') DESC, d.id DESC LIMIT ? OFFSET ?"
    )
}

pub(crate) fn documents(
    db: &mut Backend,
    limit: usize,
    offset: usize,
) -> Result<Vec<DocumentRow>, StoreError> {
    let rows = db.query(&documents_sql(), &[Val::from(limit.min(MAX_LIMIT)), Val::from(offset)])?;
    Ok(rows.iter().map(document_row).collect())
}

pub(crate) fn document(db: &mut Backend, id: i64) -> Result<Option<DocumentDetail>, StoreError> {
    let Some(row) = db.query_opt(
        &format!("SELECT {DOC_COLS}, d.text FROM documents d WHERE d.id = ?"),
        &[Val::Int(id)],
    )?
    else {
        return Ok(None);
    };
    let sentences = db
        .query("SELECT text FROM sentences WHERE document_id = ? ORDER BY idx", &[Val::Int(id)])?
        .iter()
        .map(|r| r.str(0))
        .collect();
    let mentions = db
        .query(
            "SELECT sentence_idx, start_byte, end_byte, text, code, name FROM mentions WHERE document_id = ? ORDER BY start_byte, id",
            &[Val::Int(id)],
        )?
        .iter()
        .map(|r| MentionRow {
            sentence_index: r.i64(0),
            start: r.u64(1) as usize,
            end: r.u64(2) as usize,
            text: r.str(3),
            code: r.str(4),
            name: r.opt_str(5),
        })
        .collect();
    let reports = db
        .query(
            &format!("{REPORT_SELECT} WHERE r.document_id = ? ORDER BY r.sentence_idx, r.id"),
            &[Val::Int(id)],
        )?
        .iter()
        .map(report_row)
        .collect();
    Ok(Some(DocumentDetail {
        document: document_row(&row),
        text: row.str(10),
        sentences,
        mentions,
        reports,
    }))
}

/// The story of document `id`, as [`DOC_COLS`] reads it.
pub(crate) fn document_story(db: &mut Backend, id: i64) -> Result<Option<i64>, StoreError> {
    Ok(db
        .query_opt(
            "SELECT MIN(sd.story_id) FROM story_documents sd WHERE sd.document_id = ?",
            &[Val::Int(id)],
        )?
        .and_then(|r| r.opt_i64(0)))
}

pub(crate) fn actors(
    db: &mut Backend,
    story: Option<i64>,
    page: Option<Page>,
) -> Result<Vec<ActorRow>, StoreError> {
    let (cond, mut params) = match story {
        Some(s) => (" AND story_id = ?", vec![Val::Int(s), Val::Int(s)]),
        None => ("", vec![]),
    };
    let mut sql = format!(
        "SELECT code, MAX(name), CAST(SUM(a) AS BIGINT), CAST(SUM(r) AS BIGINT) FROM ( \
           SELECT actor_code AS code, actor_name AS name, 1 AS a, 0 AS r FROM events WHERE actor_code IS NOT NULL{cond} \
           UNION ALL \
           SELECT recipient_code, recipient_name, 0, 1 FROM events WHERE recipient_code IS NOT NULL{cond} \
         ) t GROUP BY code ORDER BY SUM(a) + SUM(r) DESC, code"
    );
    push_page(&mut sql, &mut params, page);
    Ok(db
        .query(&sql, &params)?
        .iter()
        .map(|r| ActorRow {
            code: r.str(0),
            name: r.opt_str(1),
            as_actor: r.i64(2),
            as_recipient: r.i64(3),
        })
        .collect())
}

const STORY_COLS: &str =
    "id, title, first_date, last_date, num_documents, num_events, num_sources, actors";

fn story_row(r: &Row) -> StoryRow {
    StoryRow {
        id: r.i64(0),
        title: r.str(1),
        first_date: r.opt_str(2),
        last_date: r.opt_str(3),
        num_documents: r.i64(4),
        num_events: r.i64(5),
        num_sources: r.i64(6),
        actors: serde_json::from_str(&r.str(7)).unwrap_or_default(),
    }
}

/// Stories, largest first: in the order of the `stories_size` index
/// (migration 7).
fn stories_sql() -> String {
    format!("SELECT {STORY_COLS} FROM stories ORDER BY num_documents DESC, num_events DESC, id")
}

pub(crate) fn stories(db: &mut Backend, page: Option<Page>) -> Result<Vec<StoryRow>, StoreError> {
    let mut sql = stories_sql();
    let mut params = Vec::new();
    push_page(&mut sql, &mut params, page);
    Ok(db.query(&sql, &params)?.iter().map(story_row).collect())
}

pub(crate) fn story_exists(db: &mut Backend, id: i64) -> Result<bool, StoreError> {
    Ok(db.query_opt("SELECT 1 FROM stories WHERE id = ?", &[Val::Int(id)])?.is_some())
}

pub(crate) fn story(db: &mut Backend, id: i64) -> Result<Option<StoryDetail>, StoreError> {
    let Some(row) =
        db.query_opt(&format!("SELECT {STORY_COLS} FROM stories WHERE id = ?"), &[Val::Int(id)])?
    else {
        return Ok(None);
    };
    let story = story_row(&row);
    let documents: Vec<DocumentRow> = db
        .query(
            &format!(
                "SELECT {DOC_COLS} FROM documents d JOIN story_documents x ON x.document_id = d.id \
                 WHERE x.story_id = ? ORDER BY COALESCE(d.date, ''), d.id"
            ),
            &[Val::Int(id)],
        )?
        .iter()
        .map(document_row)
        .collect();
    let timeline: Vec<EventRow> = db
        .query(
            &format!(
                "SELECT {EVENT_COLS} FROM events e WHERE e.id IN (SELECT r.event_id FROM reports r \
                 JOIN story_documents sd ON sd.document_id = r.document_id WHERE sd.story_id = ?) ORDER BY e.date, e.id"
            ),
            &[Val::Int(id)],
        )?
        .iter()
        .map(event_row)
        .collect();

    // Actors and dyads of the timeline.
    let mut actors: BTreeMap<String, ActorRow> = BTreeMap::new();
    let mut dyads: BTreeMap<(String, String), DyadRow> = BTreeMap::new();
    for e in &timeline {
        if let Some(code) = &e.actor_code {
            let a = actors.entry(code.clone()).or_insert_with(|| ActorRow {
                code: code.clone(),
                name: e.actor_name.clone(),
                as_actor: 0,
                as_recipient: 0,
            });
            a.as_actor += 1;
        }
        if let Some(code) = &e.recipient_code {
            let a = actors.entry(code.clone()).or_insert_with(|| ActorRow {
                code: code.clone(),
                name: e.recipient_name.clone(),
                as_actor: 0,
                as_recipient: 0,
            });
            a.as_recipient += 1;
        }
        if let (Some(a), Some(r)) = (&e.actor_code, &e.recipient_code) {
            let d = dyads.entry((a.clone(), r.clone())).or_insert_with(|| DyadRow {
                actor: a.clone(),
                recipient: r.clone(),
                cooperation: 0,
                conflict: 0,
            });
            let cooperative = match e.quad_class {
                1 | 2 => true,
                3 | 4 => false,
                _ => e.goldstein >= 0.0,
            };
            if cooperative {
                d.cooperation += 1;
            } else {
                d.conflict += 1;
            }
        }
    }
    let mut actors: Vec<ActorRow> = actors.into_values().collect();
    actors.sort_by(|a, b| {
        (b.as_actor + b.as_recipient).cmp(&(a.as_actor + a.as_recipient)).then(a.code.cmp(&b.code))
    });
    let mut dyads: Vec<DyadRow> = dyads.into_values().collect();
    dyads.sort_by_key(|d| std::cmp::Reverse(d.cooperation + d.conflict));

    // Quotes by speaker, speakers in order of first quote.
    let mut quotes: Vec<SpeakerQuotes> = Vec::new();
    for q in self::quotes(db, None, Some(id), None)? {
        let speaker = q.speaker_code.clone().unwrap_or_else(|| "?".to_string());
        match quotes.iter_mut().find(|s| s.speaker == speaker) {
            Some(s) => s.quotes.push(q),
            None => quotes.push(SpeakerQuotes {
                speaker,
                name: q.speaker_name.clone(),
                quotes: vec![q],
            }),
        }
    }

    // Outlets and what each reported.
    let mut outlets: BTreeMap<String, OutletRow> = BTreeMap::new();
    for r in db.query(
        "SELECT COALESCE(d.source, '?'), d.id, r.event_id FROM story_documents sd JOIN documents d ON d.id = sd.document_id \
         LEFT JOIN reports r ON r.document_id = d.id WHERE sd.story_id = ? ORDER BY d.id, r.event_id",
        &[Val::Int(id)],
    )? {
        let source = r.str(0);
        let o = outlets.entry(source.clone()).or_insert_with(|| OutletRow { source, documents: vec![], events: vec![] });
        let doc = r.i64(1);
        if !o.documents.contains(&doc) {
            o.documents.push(doc);
        }
        if let Some(e) = r.opt_i64(2) {
            if !o.events.contains(&e) {
                o.events.push(e);
            }
        }
    }
    let mut outlets: Vec<OutletRow> = outlets.into_values().collect();
    outlets.sort_by(|a, b| b.events.len().cmp(&a.events.len()).then(a.source.cmp(&b.source)));
    Ok(Some(StoryDetail { story, timeline, actors, dyads, quotes, outlets, documents }))
}

pub(crate) fn quotes(
    db: &mut Backend,
    speaker: Option<&str>,
    story: Option<i64>,
    page: Option<Page>,
) -> Result<Vec<QuoteRow>, StoreError> {
    let mut sql = String::from(
        "SELECT q.id, q.document_id, r.event_id, q.speaker_code, q.speaker_name, q.speaker_text, q.quote, d.date, d.source, d.title \
         FROM quotes q JOIN documents d ON d.id = q.document_id LEFT JOIN reports r ON r.id = q.report_id WHERE 1 = 1",
    );
    let mut params = Vec::new();
    if let Some(s) = speaker.map(str::trim).filter(|s| !s.is_empty()) {
        let pattern = format!("%{}%", like_escape(&s.to_lowercase()));
        if s.chars().count() <= 3 && s.chars().all(|c| c.is_ascii_alphabetic()) {
            sql.push_str(" AND (q.speaker_code LIKE ? OR LOWER(q.speaker_name) LIKE ? ESCAPE '\\' OR LOWER(q.speaker_text) LIKE ? ESCAPE '\\')");
            params.push(Val::from(format!("{}%", s.to_ascii_uppercase())));
        } else {
            sql.push_str(" AND (q.speaker_code = ? OR LOWER(q.speaker_name) LIKE ? ESCAPE '\\' OR LOWER(q.speaker_text) LIKE ? ESCAPE '\\')");
            params.push(Val::from(s.to_ascii_uppercase()));
        }
        params.push(Val::from(pattern.clone()));
        params.push(Val::from(pattern));
    }
    if let Some(story) = story {
        sql.push_str(
            " AND q.document_id IN (SELECT document_id FROM story_documents WHERE story_id = ?)",
        );
        params.push(Val::Int(story));
    }
    sql.push_str(" ORDER BY COALESCE(d.date, ''), q.document_id, q.start_byte, q.id");
    push_page(&mut sql, &mut params, page);
    Ok(db
        .query(&sql, &params)?
        .iter()
        .map(|r| QuoteRow {
            id: r.i64(0),
            document_id: r.i64(1),
            event_id: r.opt_i64(2),
            speaker_code: r.opt_str(3),
            speaker_name: r.opt_str(4),
            speaker_text: r.opt_str(5),
            quote: r.str(6),
            date: r.opt_str(7),
            source: r.opt_str(8),
            title: r.opt_str(9),
        })
        .collect())
}

/// `text` as a LIKE pattern that matches it literally (with `ESCAPE '\'`):
/// a speaker filter of `%` or `_` must not match every speaker.
fn like_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// An FTS5 query matching all the words, each quoted (so user text cannot
/// be read as FTS5 syntax).
fn fts5_query(query: &str) -> String {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn search(
    db: &mut Backend,
    query: &str,
    page: Page,
) -> Result<Vec<SearchHit>, StoreError> {
    let limit = Val::from(page.limit.clamp(1, MAX_LIMIT));
    let offset = Val::from(page.offset);
    let rows = match db.dialect() {
        Dialect::Sqlite => {
            let q = fts5_query(query);
            if q.is_empty() {
                return Ok(Vec::new());
            }
            // The page is chosen first, from the full-text index alone
            // (rank and rowid); the sentence, its document and the snippet
            // are read for the page's hits only. In one flat query SQLite
            // built the snippet and read the sentence of every match
            // before sorting: a common word cost hundreds of milliseconds.
            db.query(
                "SELECT s.id, s.document_id, s.idx, s.text, snippet(sentences_fts, 0, '[', ']', '…', 24), d.title, d.source, d.date \
                 FROM (SELECT rowid AS hit, rank AS score FROM sentences_fts WHERE sentences_fts MATCH ?1 \
                       ORDER BY rank, rowid LIMIT ?2 OFFSET ?3) p \
                 CROSS JOIN sentences_fts CROSS JOIN sentences s CROSS JOIN documents d \
                 WHERE sentences_fts MATCH ?1 AND sentences_fts.rowid = p.hit AND s.id = p.hit AND d.id = s.document_id \
                 ORDER BY p.score, p.hit",
                &[Val::from(q), limit, offset],
            )?
        }
        Dialect::Postgres => {
            if query.trim().is_empty() {
                return Ok(Vec::new());
            }
            db.query(
                "SELECT s.id, s.document_id, s.idx, s.text, \
                        ts_headline('english', s.text, q, 'StartSel=[, StopSel=], HighlightAll=true'), d.title, d.source, d.date \
                 FROM sentences s JOIN documents d ON d.id = s.document_id CROSS JOIN plainto_tsquery('english', ?) q \
                 WHERE s.tsv @@ q ORDER BY ts_rank(s.tsv, q) DESC, s.id LIMIT ? OFFSET ?",
                &[Val::from(query), limit, offset],
            )?
        }
    };
    Ok(rows
        .iter()
        .map(|r| SearchHit {
            sentence_id: r.i64(0),
            document_id: r.i64(1),
            sentence_index: r.i64(2),
            text: r.str(3),
            snippet: r.str(4),
            title: r.opt_str(5),
            source: r.opt_str(6),
            date: r.opt_str(7),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_are_literal() {
        assert_eq!(like_escape("al_sisi 100%"), "al\\_sisi 100\\%");
        assert_eq!(like_escape("a\\b"), "a\\\\b");
        assert_eq!(like_escape("peskov"), "peskov");
    }

    #[test]
    fn cursors_round_trip_and_reject_junk() {
        let c = encode_cursor("2024-07-01", 42);
        assert_eq!(decode_cursor(&c).expect("ours"), ("2024-07-01".to_string(), 42));
        assert_eq!(decode_cursor(&encode_cursor("", 7)).expect("undated"), (String::new(), 7));
        assert!(decode_cursor("junk").is_err());
        assert!(decode_cursor("1.2024-99-01").is_err());
        // Trailing junk after a good cursor, and signs or spaces in the id.
        for junk in [
            "42.2024-07-01junk",
            "42.2024-07-01.7",
            "+42.2024-07-01",
            " 42.",
            "42. ",
            ".2024-07-01",
        ] {
            assert!(decode_cursor(junk).is_err(), "{junk}");
        }
    }

    /// Every filter mix reads one index range in date order: no scan of the
    /// table, no sort of the matches. A regression: a rare
    /// actor+recipient+type mix scanned thousands of rows for one page.
    /// Checked with statistics (`generate_synthetic` runs ANALYZE) and
    /// without (a store nobody analysed).
    #[test]
    fn filtered_event_queries_read_one_index_in_order() {
        let mut store = crate::Store::open(":memory:").expect("open");
        crate::generate_synthetic(&mut store, 3_000).expect("generate");
        let s = |v: &str| Some(v.to_string());
        let filter = |actor, recipient, event_type, since, until| EventFilter {
            actor,
            recipient,
            event_type,
            since,
            until,
            ..EventFilter::default()
        };
        let cases: Vec<(EventFilter, &[&str])> = vec![
            (filter(s("RUS"), None, None, None, None), &["events_actor_root"]),
            (filter(s("RUSGOV"), None, None, None, None), &["events_actor_code"]),
            (filter(s("RUS"), s("UKR"), None, None, None), &["events_dyad"]),
            (filter(None, None, s("REJECT"), s("2022-01-01"), None), &["events_type_modality"]),
            (
                filter(s("RUS"), None, s("REJECT"), s("2022-01-01"), s("2022-01-28")),
                &["events_actor_type"],
            ),
            (filter(None, s("UKR"), s("ASSAULT"), None, None), &["events_recipient_type"]),
            (filter(s("RUSGOV"), s("UKR"), s("REJECT"), None, None), &["events_dyad_type"]),
            (
                filter(s("RUS"), s("UKRGOV"), s("REJECT"), s("2022-01-01"), None),
                &["events_dyad_type"],
            ),
            (filter(None, s("UKR"), None, s("2022-01-01"), None), &["events_recipient_root"]),
            // A type alone, asserted only: not the modality index, which
            // scanned every asserted event for a type that has none.
            (filter(None, None, s("REQUEST"), None, None), &["events_type_modality"]),
            (filter(s("UKR"), None, None, None, None), &["events_actor_root"]),
            (filter(None, s("UKR"), None, None, None), &["events_recipient_root"]),
            (filter(s("RUS"), s("UKR"), None, None, None), &["events_dyad"]),
            (
                filter(s("RUSMIL"), s("UKRMIL"), None, s("2022-01-01"), s("2023-12-31")),
                &["events_dyad", "events_actor_code", "events_recipient_code"],
            ),
            // Asserted only (the default): the modality index, in date order.
            (filter(None, None, None, s("2022-01-01"), None), &["events_modality"]),
            (
                EventFilter {
                    modality: s("any"),
                    ..filter(None, None, None, s("2022-01-01"), None)
                },
                &["events_date"],
            ),
            (EventFilter { story: Some(3), ..EventFilter::default() }, &["events_story"]),
            (
                EventFilter {
                    cursor: s("17.2022-03-01"),
                    ..filter(s("RUS"), None, None, None, None)
                },
                &["events_actor_root"],
            ),
        ];
        for analysed in [true, false] {
            store
                .with_db(|db| {
                    if !analysed {
                        // Forget the statistics: the planner falls back on its rules.
                        db.batch("DELETE FROM sqlite_stat1; ANALYZE sqlite_schema")?;
                    }
                    for (f, indexes) in &cases {
                        let (sql, params) = events_sql(f, 50)?;
                        let plan = db.query(&format!("EXPLAIN QUERY PLAN {sql}"), &params)?;
                        let plan: Vec<String> = plan.iter().map(|r| r.str(3)).collect();
                        let plan = plan.join("; ");
                        assert!(
                            indexes.iter().any(|i| plan.contains(&format!("USING INDEX {i} ("))),
                            "analysed={analysed} {f:?}: {plan}"
                        );
                        assert!(!plan.contains("TEMP B-TREE"), "analysed={analysed} {f:?}: {plan}");
                    }
                    Ok(())
                })
                .expect("plans");
        }
    }

    /// A stored document of `sentences` (no events), dated `date`.
    fn sentences_doc(id: &str, date: &str, sentences: &[String]) -> parley_doc::Document {
        use parley_doc::{BlockKind, DocMeta, Document, Sentence, Span, TokenIdx};
        let meta = DocMeta { id: id.into(), date: Some(date.into()), ..DocMeta::default() };
        let mut doc = Document::new(meta, sentences.join(" "));
        let mut at = 0;
        for s in sentences {
            doc.sentences.push(Sentence {
                span: Span::new(&doc.text, at, at + s.len()).expect("sentence"),
                first_token: TokenIdx(0),
                end_token: TokenIdx(0),
                kind: BlockKind::Paragraph,
            });
            at += s.len() + 1;
        }
        doc
    }

    /// The search as one flat query: the answers the two-step query must
    /// give, page for page (same hits, order, snippets).
    const FLAT_SEARCH: &str = "SELECT s.id, snippet(sentences_fts, 0, '[', ']', '…', 24) \
        FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid JOIN documents d ON d.id = s.document_id \
        WHERE sentences_fts MATCH ? ORDER BY rank, s.id LIMIT ? OFFSET ?";

    #[test]
    fn search_pages_match_the_flat_query() {
        let mut store = crate::Store::open(":memory:").expect("open");
        for i in 0..40 {
            // Ties (the first sentence ranks alike in every document) and
            // ranks that differ (talks repeated), over several documents.
            let sentences = [
                format!("Talks on the summit resumed in round {i}."),
                format!("The minister said {}talks would continue.", "talks and ".repeat(i % 4)),
                "Nothing to find here.".to_string(),
            ];
            let date = format!("2024-07-{:02}", 1 + i % 28);
            store.ingest(&sentences_doc(&format!("d{i}"), &date, &sentences)).expect("ingest");
        }
        for q in ["talks", "summit talks", "minister", "nowhere"] {
            for (limit, offset) in [(5, 0), (7, 3), (200, 0), (10, 75)] {
                let page = Page { limit, offset };
                let hits: Vec<(i64, String)> = store
                    .search_page(q, page)
                    .expect("search")
                    .into_iter()
                    .map(|h| (h.sentence_id, h.snippet))
                    .collect();
                let flat: Vec<(i64, String)> = store
                    .with_db(|db| {
                        let params =
                            [Val::from(fts5_query(q)), Val::from(limit), Val::from(offset)];
                        db.query(FLAT_SEARCH, &params)
                    })
                    .expect("flat search")
                    .iter()
                    .map(|r| (r.i64(0), r.str(1)))
                    .collect();
                assert_eq!(hits, flat, "{q} {page:?}");
            }
        }
        assert_eq!(store.search("talks", 200).expect("search").len(), 80);
    }

    /// Pages of the kept actor list are the pages SQL would cut.
    #[test]
    fn actor_pages_match_sql_pages() {
        let mut store = crate::Store::open(":memory:").expect("open");
        crate::generate_synthetic(&mut store, 2_000).expect("generate");
        let all = store.actors().expect("actors");
        assert!(all.len() > 20, "{}", all.len());
        for (limit, offset) in [(1, 0), (10, 5), (1000, 0), (10, all.len() - 3), (5, all.len() + 1)]
        {
            let page = Page { limit, offset };
            let sql = store.with_db(|db| actors(db, None, Some(page))).expect("sql page");
            assert_eq!(store.actors_page(page).expect("kept page"), sql, "{page:?}");
        }
    }

    /// The document and story lists are read in order from an index: no
    /// sort of the whole table for one page.
    #[test]
    fn lists_read_an_index_in_order() {
        let mut store = crate::Store::open(":memory:").expect("open");
        for i in 0..30 {
            let date = format!("2024-07-{:02}", 1 + i % 28);
            let sentences = [format!("Talks resumed in round {i}.")];
            store.ingest(&sentences_doc(&format!("d{i}"), &date, &sentences)).expect("ingest");
        }
        let stories = format!("{} LIMIT ? OFFSET ?", stories_sql());
        for (sql, index) in [(documents_sql(), "documents_listing"), (stories, "stories_size")] {
            let plan = store
                .with_db(|db| {
                    db.query(&format!("EXPLAIN QUERY PLAN {sql}"), &[Val::Int(10), Val::Int(0)])
                })
                .expect("plan");
            let plan: Vec<String> = plan.iter().map(|r| r.str(3)).collect();
            let plan = plan.join("; ");
            assert!(plan.contains(&format!("INDEX {index}")), "{plan}");
            assert!(!plan.contains("TEMP B-TREE"), "{plan}");
        }
    }

    #[test]
    fn fts_query_quotes_words() {
        assert_eq!(fts5_query("peace summit"), "\"peace\" \"summit\"");
        assert_eq!(fts5_query("NOT \"x\" OR y*"), "\"NOT\" \"x\" \"OR\" \"y\"");
        assert_eq!(fts5_query("  "), "");
    }
}
