//! Stories in the database: a document's story features stored and
//! indexed, the document placed in a story by the rule of
//! [`crate::story`], and a story's row written from its members.

use std::collections::BTreeMap;

use crate::db::{Backend, Val};
use crate::story::{
    band_keys, sig_from_hex, sig_to_hex, similarity, Features, Profile, MAX_DAYS_APART,
    MAX_STORY_DAYS, MIN_WORD_JACCARD, RECENT_MEMBERS,
};
use crate::StoreError;

/// The story features of a stored document, from its text and codes.
pub(crate) fn features_of(db: &mut Backend, document_id: i64) -> Result<Features, StoreError> {
    let id = Val::Int(document_id);
    let doc = db
        .query_opt("SELECT date, text FROM documents WHERE id = ?", std::slice::from_ref(&id))?
        .ok_or_else(|| StoreError::Internal(format!("document {document_id} is not stored")))?;
    let mentions: Vec<String> = db
        .query("SELECT code FROM mentions WHERE document_id = ?", std::slice::from_ref(&id))?
        .iter()
        .map(|r| r.str(0))
        .collect();
    let parties: Vec<(Option<String>, Option<String>)> = db
        .query(
            "SELECT actor_code, recipient_code FROM reports WHERE document_id = ? ORDER BY id",
            std::slice::from_ref(&id),
        )?
        .iter()
        .map(|r| (r.opt_str(0), r.opt_str(1)))
        .collect();
    Ok(Features::new(document_id, doc.opt_str(0).as_deref(), &doc.str(1), mentions, parties))
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Internal(format!("as JSON: {e}")))
}

/// Stores a document's features, its parties by day (story candidates)
/// and, when `bands`, its LSH bands (near-copy candidates).
pub(crate) fn store_features(
    db: &mut Backend,
    f: &Features,
    bands: bool,
) -> Result<(), StoreError> {
    db.exec(
        "INSERT INTO document_features (document_id, day, principal, actors, words, shingles) \
         VALUES (?, ?, ?, ?, ?, ?)",
        &[
            Val::Int(f.id),
            Val::from(f.day),
            Val::from(json(&f.principal)?),
            Val::from(json(&f.actors)?),
            Val::from(sig_to_hex(&f.words)),
            Val::from(sig_to_hex(&f.shingles)),
        ],
    )?;
    if bands {
        for key in band_keys(&f.shingles) {
            db.exec(
                "INSERT INTO document_bands (band_key, document_id) VALUES (?, ?)",
                &[Val::Int(key), Val::Int(f.id)],
            )?;
        }
    }
    if let Some(day) = f.day {
        for party in &f.actors {
            db.exec(
                "INSERT INTO document_parties (party, day, document_id) VALUES (?, ?, ?)",
                &[Val::from(party.as_str()), Val::Int(day), Val::Int(f.id)],
            )?;
        }
    }
    Ok(())
}

fn story_of(db: &mut Backend, document_id: i64) -> Result<Option<i64>, StoreError> {
    Ok(db
        .query_opt(
            "SELECT story_id FROM story_documents WHERE document_id = ?",
            &[Val::Int(document_id)],
        )?
        .map(|r| r.i64(0)))
}

/// Places a document (features stored, events merged) in a story: its
/// original's when it is a copy, else the best story whose profile it
/// fits, else a story of its own. Returns the story's id.
pub(crate) fn place_in_story(
    db: &mut Backend,
    f: &Features,
    copy_of: Option<i64>,
) -> Result<i64, StoreError> {
    let story = match copy_of {
        Some(original) => story_of(db, original)?,
        None => None,
    };
    let story = match story {
        Some(story) => story,
        None => best_fitting(db, f)?.unwrap_or(f.id),
    };
    db.exec(
        "INSERT INTO story_documents (story_id, document_id) VALUES (?, ?)",
        &[Val::Int(story), Val::Int(f.id)],
    )?;
    let story = refresh_story(db, story)?.unwrap_or(story);
    db.exec(
        "UPDATE events SET story_id = ? WHERE first_document_id = ?",
        &[Val::Int(story), Val::Int(f.id)],
    )?;
    Ok(story)
}

/// The story a document fits best (see [`crate::story`]): candidates are
/// the stories of documents naming one of its principal parties within
/// the days a fitting story can span.
fn best_fitting(db: &mut Backend, f: &Features) -> Result<Option<i64>, StoreError> {
    let (Some(day), Some(party)) = (f.day, f.principal.first()) else { return Ok(None) };
    if f.principal.len() < 2 {
        return Ok(None);
    }
    // Stories in time only (first to last day within reach), with their profiles.
    let stories: Vec<(i64, Option<String>)> = db
        .query(
            "SELECT DISTINCT s.id, s.profile FROM document_parties p \
             JOIN story_documents sd ON sd.document_id = p.document_id \
             JOIN stories s ON s.id = sd.story_id \
             WHERE p.party = ? AND p.day >= ? AND p.day <= ? AND s.last_day >= ? AND s.first_day <= ? \
             ORDER BY s.id",
            &[
                Val::from(party.as_str()),
                Val::Int(day - MAX_STORY_DAYS - MAX_DAYS_APART),
                Val::Int(day + MAX_DAYS_APART),
                Val::Int(day - MAX_DAYS_APART),
                Val::Int(day + MAX_DAYS_APART),
            ],
        )?
        .iter()
        .map(|r| (r.i64(0), r.opt_str(1)))
        .collect();
    let mut best: Option<(f64, i64)> = None;
    for (story, profile) in stories {
        let profile = profile.and_then(|p| serde_json::from_str::<Profile>(&p).ok());
        if !profile.is_some_and(|p| p.admits(f)) {
            continue;
        }
        let words = db.query(
            &format!(
                "SELECT f.words FROM story_documents sd JOIN document_features f ON f.document_id = sd.document_id \
                 WHERE sd.story_id = ? ORDER BY f.day DESC, f.document_id DESC LIMIT {RECENT_MEMBERS}"
            ),
            &[Val::Int(story)],
        )?;
        let sim = words
            .iter()
            .filter_map(|r| sig_from_hex(&r.str(0)))
            .map(|w| similarity(&w, &f.words))
            .fold(0.0, f64::max);
        // Stories come by id: a later one must be strictly more similar.
        if sim >= MIN_WORD_JACCARD && best.is_none_or(|(s, _)| sim > s) {
            best = Some((sim, story));
        }
    }
    Ok(best.map(|(_, story)| story))
}

/// Rewrites story `id`'s row from its members (title, dates, counts,
/// top actors, profile); renumbers it when its smallest member is gone
/// and deletes it when none is left. Returns its id now.
pub(crate) fn refresh_story(db: &mut Backend, id: i64) -> Result<Option<i64>, StoreError> {
    let members = db.query(
        "SELECT d.id, d.date, d.title, d.source, f.day, f.principal, f.actors \
         FROM story_documents sd JOIN documents d ON d.id = sd.document_id \
         LEFT JOIN document_features f ON f.document_id = d.id WHERE sd.story_id = ? ORDER BY d.id",
        &[Val::Int(id)],
    )?;
    db.exec("DELETE FROM stories WHERE id = ?", &[Val::Int(id)])?;
    let Some(first) = members.first() else { return Ok(None) };
    let story = first.i64(0);
    if story != id {
        for sql in [
            "UPDATE story_documents SET story_id = ? WHERE story_id = ?",
            "UPDATE events SET story_id = ? WHERE story_id = ?",
        ] {
            db.exec(sql, &[Val::Int(story), Val::Int(id)])?;
        }
        db.exec("DELETE FROM stories WHERE id = ?", &[Val::Int(story)])?;
    }
    let mut profile = Profile::default();
    for m in &members {
        let list = |i: usize| -> Vec<String> {
            m.opt_str(i).and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default()
        };
        let f = Features {
            id: m.i64(0),
            day: m.opt_i64(4),
            principal: list(5),
            actors: list(6).into_iter().collect(),
            words: [0; crate::story::SIGNATURE_LEN],
            shingles: [0; crate::story::SIGNATURE_LEN],
        };
        profile.add(&f);
    }
    let mut dates: Vec<String> = members.iter().filter_map(|m| m.opt_str(1)).collect();
    dates.sort_unstable();
    let earliest = members
        .iter()
        .min_by_key(|m| (m.opt_str(1).unwrap_or_else(|| "9999".into()), m.i64(0)))
        .unwrap_or(first);
    let title = match earliest.opt_str(2).filter(|t| !t.trim().is_empty()) {
        Some(title) => title,
        None => {
            let text = db
                .query_opt("SELECT text FROM documents WHERE id = ?", &[Val::Int(earliest.i64(0))])?
                .map(|r| r.str(0))
                .unwrap_or_default();
            let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            first_line.chars().take(100).collect()
        }
    };
    // Documents without an outlet count as one unnamed outlet, as they do
    // for an event's outlets and on the story page.
    let mut sources: Vec<String> =
        members.iter().map(|m| m.opt_str(3).unwrap_or_else(|| "?".into())).collect();
    sources.sort_unstable();
    sources.dedup();
    // Event counts and top actors, from the reports of its documents.
    let events = db.query(
        "SELECT e.id, e.actor_code, e.recipient_code FROM story_documents sd \
         JOIN reports r ON r.document_id = sd.document_id JOIN events e ON e.id = r.event_id \
         WHERE sd.story_id = ? GROUP BY e.id, e.actor_code, e.recipient_code",
        &[Val::Int(story)],
    )?;
    let mut actors: BTreeMap<String, usize> = BTreeMap::new();
    for row in &events {
        for code in [row.opt_str(1), row.opt_str(2)].into_iter().flatten() {
            *actors.entry(code).or_default() += 1;
        }
    }
    let mut ranked: Vec<(String, usize)> = actors.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let top: Vec<String> = ranked.into_iter().take(5).map(|(c, _)| c).collect();
    db.exec(
        "INSERT INTO stories (id, title, first_date, last_date, num_documents, num_events, num_sources, \
         actors, first_day, last_day, profile) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        &[
            Val::Int(story),
            Val::from(title),
            Val::from(dates.first().cloned()),
            Val::from(dates.last().cloned()),
            Val::from(members.len()),
            Val::from(events.len()),
            Val::from(sources.len()),
            Val::from(json(&top)?),
            Val::from(profile.first_day),
            Val::from(profile.last_day),
            Val::from(json(&profile)?),
        ],
    )?;
    Ok(Some(story))
}
