//! The API behind the story, actor and document pages: a story's events
//! filtered (actor, recipient, party, type, modality, dates, outlet) with
//! their total, timeline bins and outlet summary, so a page's header counts
//! and its tables come from one answer; an actor's summary and events; a
//! document's coded spans in document offsets.

use std::collections::{BTreeMap, BTreeSet};

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use parley_doc::EventType;
use parley_store::merge::{days_from_iso, iso_from_days};
use parley_store::pages::{ActorRole, DocumentMark, SentenceSpan};
use parley_store::{EventRow, Page, StoryDetail, MODALITIES};
use serde::{Deserialize, Serialize};

use crate::api::{ApiQuery, Id};
use crate::error::ApiError;
use crate::state::AppState;

/// Default rows of a page's table.
pub const DEFAULT_TABLE_PAGE: usize = 50;
/// Most rows one request for a page's table may ask for.
pub const MAX_TABLE_PAGE: usize = 1000;

/// Query of `GET /api/stories/{id}/events`.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryEventsQuery {
    /// Actor code (three letters or fewer: its root).
    pub actor: Option<String>,
    /// Recipient code, matched as `actor` is.
    pub recipient: Option<String>,
    /// A code in either role.
    pub party: Option<String>,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub event_type: Option<String>,
    /// `any` (the default) or one modality.
    pub modality: Option<String>,
    /// Earliest date, inclusive.
    pub since: Option<String>,
    /// Latest date, inclusive.
    pub until: Option<String>,
    /// An outlet that reported the event (`?` for the unnamed one).
    pub outlet: Option<String>,
    /// `day`, `week`, `month` or `auto` (the default: by the span).
    pub bin: Option<String>,
    /// Rows to skip.
    pub offset: Option<usize>,
    /// Rows of the page.
    pub limit: Option<usize>,
}

/// One bar of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bin {
    /// First day, `YYYY-MM-DD`.
    pub start: String,
    /// Last day, inclusive.
    pub end: String,
    /// Cooperative events in it.
    pub cooperation: usize,
    /// Conflictual events in it.
    pub conflict: usize,
}

/// An outlet and what it reported of the matching events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutletSummary {
    /// Outlet (`?` when unnamed).
    pub source: String,
    /// Its articles in the story.
    pub documents: usize,
    /// Matching events it reported.
    pub events: usize,
    /// Of those, cooperative.
    pub cooperation: usize,
    /// Of those, conflictual.
    pub conflict: usize,
}

/// The answer of `GET /api/stories/{id}/events`.
#[derive(Debug, Serialize)]
pub struct StoryEvents {
    /// Story id.
    pub story: i64,
    /// Events matching the filter: the table's rows in all.
    pub total: usize,
    /// Of those, cooperative (quad class 1, 2).
    pub cooperation: usize,
    /// Of those, conflictual (quad class 3, 4).
    pub conflict: usize,
    /// Of those, without a date (not in the timeline).
    pub undated: usize,
    /// Distinct actor codes among them (either role).
    pub actors: usize,
    /// Distinct outlets that reported them.
    pub outlets: usize,
    /// Unit of `bins`: `day`, `week` or `month`.
    pub unit: &'static str,
    /// The timeline: every period from the first to the last date.
    pub bins: Vec<Bin>,
    /// Outlets, most matching events first.
    pub outlet_summary: Vec<OutletSummary>,
    /// The asked page of the matching events, by date then id.
    pub events: Vec<EventRow>,
    /// Rows skipped.
    pub offset: usize,
    /// Page size.
    pub limit: usize,
}

fn clean(value: &Option<String>) -> Option<String> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string)
}

fn check_date(name: &str, value: &Option<String>) -> Result<(), ApiError> {
    match value {
        Some(v) if v.len() != 10 || days_from_iso(v).is_none() => {
            Err(ApiError::bad_request(format!("{name} must be a date as YYYY-MM-DD, not {v:?}")))
        }
        _ => Ok(()),
    }
}

/// A code filter: three letters or fewer match the code's root.
fn code_matches(filter: &Option<String>, code: Option<&str>) -> bool {
    match filter {
        None => true,
        Some(f) => code.is_some_and(|c| {
            if f.chars().count() <= 3 {
                c.get(..f.len()).is_some_and(|root| root == f.as_str()) && c.len() >= f.len()
            } else {
                c == f
            }
        }),
    }
}

/// Whether an event counts as cooperation (the store's rule for dyads).
pub fn cooperative(e: &EventRow) -> bool {
    match e.quad_class {
        1 | 2 => true,
        3 | 4 => false,
        _ => e.goldstein >= 0.0,
    }
}

/// The checked filter of a story's events.
#[derive(Debug, Default, Clone)]
struct StoryFilter {
    actor: Option<String>,
    recipient: Option<String>,
    party: Option<String>,
    event_type: Option<String>,
    modality: Option<String>,
    since: Option<String>,
    until: Option<String>,
    outlet: Option<String>,
}

fn story_filter(q: &StoryEventsQuery) -> Result<StoryFilter, ApiError> {
    let code = |v: &Option<String>| clean(v).map(|c| c.to_ascii_uppercase());
    let event_type = match clean(&q.event_type) {
        None => None,
        Some(name) => Some(
            EventType::parse(&name)
                .ok_or_else(|| ApiError::bad_request(format!("unknown event type {name:?}")))?
                .as_str()
                .to_string(),
        ),
    };
    let modality = clean(&q.modality).map(|m| m.to_ascii_lowercase()).filter(|m| m != "any");
    if let Some(m) = modality.as_deref() {
        if !MODALITIES.contains(&m) {
            return Err(ApiError::bad_request(format!(
                "unknown modality {m:?}: use any or one of {}",
                MODALITIES.join(", ")
            )));
        }
    }
    check_date("since", &clean(&q.since))?;
    check_date("until", &clean(&q.until))?;
    Ok(StoryFilter {
        actor: code(&q.actor),
        recipient: code(&q.recipient),
        party: code(&q.party),
        event_type,
        modality,
        since: clean(&q.since),
        until: clean(&q.until),
        outlet: clean(&q.outlet),
    })
}

/// Filters a story's timeline and sums up what matches.
fn story_events(
    detail: StoryDetail,
    f: &StoryFilter,
    unit: Option<&str>,
    page: Page,
) -> Result<StoryEvents, ApiError> {
    // Which outlets reported each event, and each outlet's documents.
    let mut outlets_of: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for (i, o) in detail.outlets.iter().enumerate() {
        for e in &o.events {
            outlets_of.entry(*e).or_default().push(i);
        }
    }
    let outlet_index = match &f.outlet {
        Some(name) => match detail.outlets.iter().position(|o| &o.source == name) {
            Some(i) => Some(i),
            // An outlet the story does not have matches nothing.
            None => Some(usize::MAX),
        },
        None => None,
    };
    let matching: Vec<EventRow> = detail
        .timeline
        .into_iter()
        .filter(|e| {
            code_matches(&f.actor, e.actor_code.as_deref())
                && code_matches(&f.recipient, e.recipient_code.as_deref())
                && (f.party.is_none()
                    || code_matches(&f.party, e.actor_code.as_deref())
                    || code_matches(&f.party, e.recipient_code.as_deref()))
                && f.event_type.as_ref().is_none_or(|t| &e.event_type == t)
                && f.modality.as_ref().is_none_or(|m| &e.modality == m)
                && f.since
                    .as_ref()
                    .is_none_or(|s| !e.date.is_empty() && e.date.as_str() >= s.as_str())
                && f.until
                    .as_ref()
                    .is_none_or(|u| !e.date.is_empty() && e.date.as_str() <= u.as_str())
                && outlet_index
                    .is_none_or(|i| outlets_of.get(&e.id).is_some_and(|list| list.contains(&i)))
        })
        .collect();
    let cooperation = matching.iter().filter(|e| cooperative(e)).count();
    let actors = matching
        .iter()
        .flat_map(|e| [e.actor_code.as_deref(), e.recipient_code.as_deref()])
        .flatten()
        .collect::<BTreeSet<&str>>()
        .len();
    let mut summary: Vec<OutletSummary> = detail
        .outlets
        .iter()
        .map(|o| OutletSummary {
            source: o.source.clone(),
            documents: o.documents.len(),
            events: 0,
            cooperation: 0,
            conflict: 0,
        })
        .collect();
    for e in &matching {
        for i in outlets_of.get(&e.id).map(Vec::as_slice).unwrap_or(&[]) {
            let s = &mut summary[*i];
            s.events += 1;
            if cooperative(e) {
                s.cooperation += 1;
            } else {
                s.conflict += 1;
            }
        }
    }
    let outlets = summary.iter().filter(|s| s.events > 0).count();
    summary.sort_by(|a, b| {
        b.events.cmp(&a.events).then(b.documents.cmp(&a.documents)).then(a.source.cmp(&b.source))
    });
    let (unit, bins) = bins(&matching, unit)?;
    let undated = matching.iter().filter(|e| days_from_iso(&e.date).is_none()).count();
    let total = matching.len();
    let events = matching.into_iter().skip(page.offset).take(page.limit).collect();
    Ok(StoryEvents {
        story: detail.story.id,
        total,
        cooperation,
        conflict: total - cooperation,
        undated,
        actors,
        outlets,
        unit,
        bins,
        outlet_summary: summary,
        events,
        offset: page.offset,
        limit: page.limit,
    })
}

/// Most bars a timeline gets; past it, a longer unit is used.
const MAX_BINS: i64 = 160;

/// The timeline's bins: every period from the first to the last dated
/// event, empty ones too, so gaps show as gaps.
fn bins(events: &[EventRow], unit: Option<&str>) -> Result<(&'static str, Vec<Bin>), ApiError> {
    let days: Vec<(i64, bool)> =
        events.iter().filter_map(|e| Some((days_from_iso(&e.date)?, cooperative(e)))).collect();
    let (Some(lo), Some(hi)) = (days.iter().map(|d| d.0).min(), days.iter().map(|d| d.0).max())
    else {
        return Ok(("day", Vec::new()));
    };
    let span = hi - lo + 1;
    let wanted = unit.map(str::trim).filter(|u| !u.is_empty()).unwrap_or("auto");
    // An asked unit that would make thousands of bars gives way to a longer one.
    let unit = match wanted {
        "auto" if span <= 92 => "day",
        "auto" if span <= MAX_BINS * 7 => "week",
        "day" if span <= 4 * MAX_BINS => "day",
        "day" | "week" if span <= 4 * MAX_BINS * 7 => "week",
        "auto" | "day" | "week" | "month" => "month",
        other => {
            return Err(ApiError::bad_request(format!(
                "bin must be day, week, month or auto, not {other:?}"
            )))
        }
    };
    // The first day of the period holding `d`, and of the next one.
    let start_of = |d: i64| -> i64 {
        match unit {
            "day" => d,
            // 1970-01-01 was a Thursday: weeks start on Monday.
            "week" => d - (d + 3).rem_euclid(7),
            _ => days_from_iso(&format!("{}-01", &iso_from_days(d)[..7])).unwrap_or(d),
        }
    };
    let next_of = |start: i64| -> i64 {
        match unit {
            "day" => start + 1,
            "week" => start + 7,
            _ => start_of(start + 31),
        }
    };
    let mut bins = Vec::new();
    let mut index = BTreeMap::new();
    let mut at = start_of(lo);
    while at <= hi {
        let next = next_of(at);
        index.insert(at, bins.len());
        bins.push(Bin {
            start: iso_from_days(at),
            end: iso_from_days(next - 1),
            cooperation: 0,
            conflict: 0,
        });
        at = next;
    }
    for (d, coop) in days {
        if let Some(i) = index.get(&start_of(d)) {
            if coop {
                bins[*i].cooperation += 1;
            } else {
                bins[*i].conflict += 1;
            }
        }
    }
    Ok((unit, bins))
}

fn table_page(offset: Option<usize>, limit: Option<usize>) -> Result<Page, ApiError> {
    let limit = limit.unwrap_or(DEFAULT_TABLE_PAGE);
    if limit == 0 || limit > MAX_TABLE_PAGE {
        return Err(ApiError::bad_request(format!("limit must be 1 to {MAX_TABLE_PAGE}")));
    }
    Ok(Page { limit, offset: offset.unwrap_or(0) })
}

/// `GET /api/stories/{id}/events?actor=&recipient=&party=&type=&modality=&since=&until=&outlet=&bin=&offset=&limit=`
pub async fn story_events_handler(
    State(state): State<AppState>,
    Id(id): Id,
    ApiQuery(query): ApiQuery<StoryEventsQuery>,
) -> Result<Response, ApiError> {
    let filter = story_filter(&query)?;
    let page = table_page(query.offset, query.limit)?;
    let Some(detail) = state.read(move |store| store.story(id)).await? else {
        return Err(ApiError::not_found(format!("no story {id}")));
    };
    let answer = story_events(detail, &filter, query.bin.as_deref(), page)?;
    Ok(Json(answer).into_response())
}

/// An actor code from the path: letters and digits only.
pub(crate) fn actor_code(raw: &str) -> Option<String> {
    let code = raw.trim().to_ascii_uppercase();
    (!code.is_empty() && code.len() <= 40 && code.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then_some(code)
}

/// `GET /api/actors/{code}`
pub async fn actor(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> Result<Response, ApiError> {
    let Some(code) = actor_code(&raw) else {
        return Err(ApiError::not_found(format!("no actor {raw:?}")));
    };
    let lookup = code.clone();
    match state.read(move |store| store.actor_detail(&lookup)).await? {
        Some(detail) => Ok(Json(detail).into_response()),
        None => Err(ApiError::not_found(format!("no actor {code}"))),
    }
}

/// Query of `GET /api/actors/{code}/events`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorEventsQuery {
    /// `actor`, `recipient` or `either` (the default).
    role: Option<String>,
    offset: Option<usize>,
    limit: Option<usize>,
}

#[derive(Serialize)]
struct ActorEvents {
    code: String,
    role: ActorRole,
    total: i64,
    events: Vec<EventRow>,
    offset: usize,
    limit: usize,
}

/// `GET /api/actors/{code}/events?role=&offset=&limit=`: exact code, every modality.
pub async fn actor_events(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    ApiQuery(query): ApiQuery<ActorEventsQuery>,
) -> Result<Response, ApiError> {
    let Some(code) = actor_code(&raw) else {
        return Err(ApiError::not_found(format!("no actor {raw:?}")));
    };
    let role = match query.role.as_deref().map(str::trim).unwrap_or("") {
        "" | "either" => ActorRole::Either,
        "actor" => ActorRole::Actor,
        "recipient" => ActorRole::Recipient,
        other => {
            return Err(ApiError::bad_request(format!(
                "role must be actor, recipient or either, not {other:?}"
            )))
        }
    };
    let page = table_page(query.offset, query.limit)?;
    let lookup = code.clone();
    let counted = state.read(move |store| store.actor_events(&lookup, role, page)).await?;
    Ok(Json(ActorEvents {
        code,
        role,
        total: counted.total,
        events: counted.events,
        offset: page.offset,
        limit: page.limit,
    })
    .into_response())
}

#[derive(Serialize)]
struct Marks {
    sentences: Vec<SentenceSpan>,
    marks: Vec<DocumentMark>,
}

/// `GET /api/documents/{id}/marks`: sentence spans and coded spans in document byte offsets.
pub async fn document_marks(
    State(state): State<AppState>,
    Id(id): Id,
) -> Result<Response, ApiError> {
    let answer = state
        .read(move |store| {
            let sentences = store.sentence_spans(id)?;
            if sentences.is_empty() && store.document(id)?.is_none() {
                return Ok(None);
            }
            Ok(Some(Marks { sentences, marks: store.document_marks(id)? }))
        })
        .await?;
    match answer {
        Some(marks) => Ok(Json(marks).into_response()),
        None => Err(ApiError::not_found(format!("no document {id}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: i64, date: &str, quad: i64, actor: &str, recipient: &str) -> EventRow {
        EventRow {
            id,
            date: date.into(),
            date_precision: Some("day".into()),
            event_type: "REJECT".into(),
            mode: None,
            context: vec![],
            cameo: "120".into(),
            goldstein: -4.0,
            quad_class: quad,
            plover_score: None,
            actor_code: Some(actor.into()),
            actor_name: None,
            actor_country: None,
            actor_sector: None,
            recipient_code: Some(recipient.into()),
            recipient_name: None,
            recipient_country: None,
            recipient_sector: None,
            location: None,
            location_country: None,
            modality: "asserted".into(),
            confidence: 0.9,
            is_root: false,
            num_reports: 1,
            num_documents: 1,
            num_sources: 1,
            date_added: None,
            sentence: String::new(),
            source_url: None,
            story_id: Some(1),
        }
    }

    #[test]
    fn weekly_bins_cover_the_span_and_count_every_dated_event() {
        // 2024-06-03 is a Monday.
        let events = vec![
            event(1, "2024-06-04", 1, "RUS", "UKR"),
            event(2, "2024-06-09", 3, "UKR", "RUS"),
            event(3, "2024-06-24", 4, "RUS", "UKR"),
            event(4, "", 3, "RUS", "UKR"),
        ];
        let (unit, bins) = bins(&events, Some("week")).expect("bins");
        assert_eq!(unit, "week");
        let starts: Vec<&str> = bins.iter().map(|b| b.start.as_str()).collect();
        assert_eq!(starts, ["2024-06-03", "2024-06-10", "2024-06-17", "2024-06-24"]);
        assert_eq!(bins[0].end, "2024-06-09");
        assert_eq!((bins[0].cooperation, bins[0].conflict), (1, 1));
        assert_eq!(bins.iter().map(|b| b.cooperation + b.conflict).sum::<usize>(), 3);
        let (unit, bins) = bins_auto(&events);
        assert_eq!((unit, bins), ("day", 21));
        assert!(super::bins(&events, Some("fortnight")).is_err());
    }

    fn bins_auto(events: &[EventRow]) -> (&'static str, usize) {
        let (unit, bins) = bins(events, None).expect("bins");
        (unit, bins.len())
    }

    #[test]
    fn codes_match_by_root_up_to_three_letters() {
        let f = |s: &str| Some(s.to_string());
        assert!(code_matches(&f("RUS"), Some("RUSGOV")));
        assert!(!code_matches(&f("RUSGOV"), Some("RUSMIL")));
        assert!(code_matches(&f("RUSGOV"), Some("RUSGOV")));
        assert!(!code_matches(&f("RUS"), None));
        assert!(code_matches(&None, None));
        assert_eq!(actor_code(" rusgov "), Some("RUSGOV".into()));
        assert_eq!(actor_code("RUS;DROP"), None);
    }
}
