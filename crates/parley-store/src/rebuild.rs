//! The rows of the `events` table: reports loaded as merging reads them,
//! and one event's row written from its reports (see [`crate::place`]
//! for which reports are merged, one document at a time).

use crate::db::{Backend, Row, Val};
use crate::merge::MergeKeyed;
use crate::{code_root, StoreError};

/// Sentences of an article's lead: an event reported there is a root
/// event (GDELT's IsRootEvent, "from the first paragraph"). A news lead
/// is one to three sentences, a headline counted as one.
pub const LEAD_SENTENCES: i64 = 3;

/// Picks a (code, name) pair of a report.
type PickName = dyn Fn(&Loaded) -> (Option<&str>, Option<&str>);

/// A report as loaded for merging.
pub(crate) struct Loaded {
    pub(crate) keyed: MergeKeyed,
    pub(crate) document_id: i64,
    /// The event it is merged into, if any yet.
    pub(crate) event_id: Option<i64>,
    source: Option<String>,
    url: Option<String>,
    mode: Option<String>,
    context: String,
    cameo: String,
    goldstein: f64,
    quad_class: i64,
    plover_score: Option<f64>,
    actor_name: Option<String>,
    recipient_name: Option<String>,
    location_name: Option<String>,
    location_country: Option<String>,
    confidence: f64,
    pub(crate) sentence: String,
    sentence_idx: i64,
    /// The trigger's words, lower-cased.
    pub(crate) trigger: String,
    added_at: Option<String>,
    actor_country: Option<String>,
    actor_sector: Option<String>,
    recipient_country: Option<String>,
    recipient_sector: Option<String>,
}

/// A report's columns as merging reads them; `{WHERE}` selects reports.
const REPORT_QUERY: &str = "SELECT r.id, r.actor_code, r.recipient_code, r.event_type, r.modality, \
        COALESCE(r.date, d.date), CASE WHEN r.date IS NULL THEN 'day' ELSE r.date_precision END, \
        r.document_id, d.source, d.url, r.mode, r.context, r.cameo, r.goldstein, r.quad_class, r.plover_score, \
        r.actor_name, r.recipient_name, r.location_name, r.location_country, r.confidence, s.text, \
        r.sentence_idx, r.trigger_start - s.start_byte, r.trigger_end - s.start_byte, d.added_at, \
        r.actor_country, r.actor_sector, r.recipient_country, r.recipient_sector, r.event_id \
     FROM reports r JOIN documents d ON d.id = r.document_id \
     LEFT JOIN sentences s ON s.document_id = r.document_id AND s.idx = r.sentence_idx \
     WHERE {WHERE} ORDER BY r.id";

/// The reports of one document (`r.document_id = ?`) or one event
/// (`r.event_id = ?`), by id.
pub(crate) fn load_reports(
    db: &mut Backend,
    condition: &str,
    id: i64,
) -> Result<Vec<Loaded>, StoreError> {
    let sql = REPORT_QUERY.replace("{WHERE}", condition);
    Ok(db.query(&sql, &[Val::Int(id)])?.iter().map(loaded).collect())
}

fn loaded(r: &Row) -> Loaded {
    let sentence = r.str(21);
    let trigger = match (r.opt_i64(23), r.opt_i64(24)) {
        (Some(a), Some(b)) => usize::try_from(a)
            .ok()
            .zip(usize::try_from(b).ok())
            .and_then(|(a, b)| sentence.get(a..b))
            .unwrap_or("")
            .to_lowercase(),
        _ => String::new(),
    };
    Loaded {
        keyed: MergeKeyed {
            id: r.i64(0),
            actor: r.opt_str(1),
            recipient: r.opt_str(2),
            event_type: r.str(3),
            modality: r.str(4),
            date: r.opt_str(5),
            precision: r.opt_str(6),
        },
        document_id: r.i64(7),
        event_id: r.opt_i64(30),
        source: r.opt_str(8),
        url: r.opt_str(9),
        mode: r.opt_str(10),
        context: r.str(11),
        cameo: r.str(12),
        goldstein: r.f64(13),
        quad_class: r.i64(14),
        plover_score: r.opt_str(15).and_then(|s| s.parse().ok()),
        actor_name: r.opt_str(16),
        recipient_name: r.opt_str(17),
        location_name: r.opt_str(18),
        location_country: r.opt_str(19),
        confidence: r.f64(20),
        sentence,
        sentence_idx: r.i64(22),
        trigger,
        added_at: r.opt_str(25),
        actor_country: r.opt_str(26),
        actor_sector: r.opt_str(27),
        recipient_country: r.opt_str(28),
        recipient_sector: r.opt_str(29),
    }
}

fn most_frequent<'a>(values: impl Iterator<Item = Option<&'a str>>) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for v in values.flatten() {
        match counts.iter_mut().find(|(x, _)| *x == v) {
            Some(c) => c.1 += 1,
            None => counts.push((v, 1)),
        }
    }
    // First seen wins ties: the max_by_key keeps the last max, so reverse.
    counts.into_iter().rev().max_by_key(|(_, n)| *n).map(|(v, _)| v.to_string())
}

fn precision_rank(p: Option<&str>) -> u8 {
    match p {
        Some("day") | None => 0,
        Some("week") => 1,
        Some("month") => 2,
        _ => 3,
    }
}

/// Documents stored before migration 4 have no body hash: computed here.
pub(crate) fn fill_body_hashes(db: &mut Backend) -> Result<(), StoreError> {
    for row in db.query("SELECT id, text FROM documents WHERE body_hash IS NULL", &[])? {
        db.exec(
            "UPDATE documents SET body_hash = ? WHERE id = ?",
            &[Val::from(crate::body_hash(&row.str(1))), Val::Int(row.i64(0))],
        )?;
    }
    Ok(())
}

/// Rewrites the row of event `id` from its reports (its codes, date,
/// counts), keeping its merge state and story; deletes it when no report
/// is left, and renumbers it when its smallest report is gone.
pub(crate) fn refresh_event(db: &mut Backend, id: i64) -> Result<(), StoreError> {
    let members = load_reports(db, "r.event_id = ?", id)?;
    let kept =
        db.query_opt("SELECT merge_state, story_id FROM events WHERE id = ?", &[Val::Int(id)])?;
    let (state, story) = kept.map_or((None, None), |row| (row.opt_str(0), row.opt_i64(1)));
    db.exec("DELETE FROM events WHERE id = ?", &[Val::Int(id)])?;
    let Some(first) = members.first() else { return Ok(()) };
    if first.keyed.id != id {
        db.exec(
            "UPDATE reports SET event_id = ? WHERE event_id = ?",
            &[Val::Int(first.keyed.id), Val::Int(id)],
        )?;
    }
    let refs: Vec<&Loaded> = members.iter().collect();
    insert_event(db, &refs, state.as_deref(), story)
}

/// A party's sector: as coded, else, for a state's actor stored before
/// sectors were kept, the code's letters after its country (`RUSGOV` → `GOV`).
fn sector(code: Option<&str>, coded: Option<&str>, country: Option<&str>) -> Option<String> {
    coded.map(str::to_string).or_else(|| {
        country?;
        let rest: String = code?.chars().skip(3).take(3).collect();
        (rest.len() == 3).then_some(rest)
    })
}

/// Inserts the event of one cluster of reports (members by id), with its
/// merge state (JSON of [`crate::merge::Cluster`]) and story.
pub(crate) fn insert_event(
    db: &mut Backend,
    members: &[&Loaded],
    state: Option<&str>,
    story: Option<i64>,
) -> Result<(), StoreError> {
    let Some(first) = members.first() else { return Ok(()) };
    let dated = members.iter().filter(|m| m.keyed.date.is_some()).min_by_key(|m| {
        (precision_rank(m.keyed.precision.as_deref()), m.keyed.date.clone(), m.keyed.id)
    });
    let (date, precision) = match dated {
        Some(m) => (m.keyed.date.clone().unwrap_or_default(), m.keyed.precision.clone()),
        None => (String::new(), None),
    };
    let actor_code = most_frequent(members.iter().map(|m| m.keyed.actor.as_deref()));
    let recipient_code = most_frequent(members.iter().map(|m| m.keyed.recipient.as_deref()));
    let cameo = most_frequent(members.iter().map(|m| Some(m.cameo.as_str()))).unwrap_or_default();
    let with_cameo = members.iter().find(|m| m.cameo == cameo).unwrap_or(first);
    // The first report naming the chosen code gives its name, country and sector.
    let party = |code: &Option<String>, pick: &PickName| {
        members.iter().find(|m| pick(m).0 == code.as_deref()).copied()
    };
    let actor = party(&actor_code, &|m| (m.keyed.actor.as_deref(), m.actor_name.as_deref()));
    let recipient =
        party(&recipient_code, &|m| (m.keyed.recipient.as_deref(), m.recipient_name.as_deref()));
    let location = members.iter().find(|m| m.location_name.is_some());
    let mut docs: Vec<i64> = members.iter().map(|m| m.document_id).collect();
    docs.sort_unstable();
    docs.dedup();
    // Documents without an outlet count as one unnamed outlet.
    let mut sources: Vec<Option<&str>> = members.iter().map(|m| m.source.as_deref()).collect();
    sources.sort_unstable();
    sources.dedup();
    let confidence = members.iter().map(|m| m.confidence).fold(0.0, f64::max);
    let is_root = members.iter().any(|m| m.sentence_idx < LEAD_SENTENCES);
    let added = members.iter().filter_map(|m| m.added_at.as_deref()).min();
    db.exec(
        "INSERT INTO events (id, event_type, mode, context, cameo, goldstein, quad_class, plover_score, \
         actor_code, actor_root, actor_name, recipient_code, recipient_root, recipient_name, date, date_precision, \
         location_name, location_country, modality, confidence, num_reports, num_documents, num_sources, \
         first_document_id, sentence, source_url, story_id, actor_country, actor_sector, recipient_country, \
         recipient_sector, is_root, date_added, merge_state) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        &[
            Val::Int(first.keyed.id),
            Val::from(first.keyed.event_type.as_str()),
            Val::from(with_cameo.mode.clone()),
            Val::from(with_cameo.context.as_str()),
            Val::from(cameo.as_str()),
            Val::from(with_cameo.goldstein),
            Val::Int(with_cameo.quad_class),
            Val::from(with_cameo.plover_score),
            Val::from(actor_code.clone()),
            Val::from(actor_code.as_deref().map(code_root)),
            Val::from(actor.and_then(|m| m.actor_name.clone())),
            Val::from(recipient_code.clone()),
            Val::from(recipient_code.as_deref().map(code_root)),
            Val::from(recipient.and_then(|m| m.recipient_name.clone())),
            Val::from(date),
            Val::from(precision),
            Val::from(location.and_then(|m| m.location_name.clone())),
            Val::from(location.and_then(|m| m.location_country.clone())),
            Val::from(first.keyed.modality.as_str()),
            Val::from(confidence),
            Val::from(members.len()),
            Val::from(docs.len()),
            Val::from(sources.len()),
            Val::Int(first.document_id),
            Val::from(first.sentence.as_str()),
            Val::from(first.url.clone()),
            Val::from(story),
            Val::from(actor.and_then(|m| m.actor_country.clone())),
            Val::from(sector(
                actor_code.as_deref(),
                actor.and_then(|m| m.actor_sector.as_deref()),
                actor.and_then(|m| m.actor_country.as_deref()),
            )),
            Val::from(recipient.and_then(|m| m.recipient_country.clone())),
            Val::from(sector(
                recipient_code.as_deref(),
                recipient.and_then(|m| m.recipient_sector.as_deref()),
                recipient.and_then(|m| m.recipient_country.as_deref()),
            )),
            Val::Int(i64::from(is_root)),
            Val::from(added),
            Val::from(state),
        ],
    )?;
    Ok(())
}
