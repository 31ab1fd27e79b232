//! Placing one stored document: whose copy it is, which events its
//! reports join, which story it joins, in the transaction that stores it.
//!
//! Only what the document changes is read and written: candidate copies
//! come from LSH bands of its shingle signature (`document_bands`) and its
//! body hash, candidate events from the event indexes (merge key and a
//! date window, the merge state kept on each event), candidate stories
//! from its parties' index by day (`document_parties`). A full rebuild
//! ([`rebuild_all`]) clears the derived tables and places every document
//! again in id order, so it gives exactly what storing the same documents
//! one by one in that order gave.

use std::collections::HashMap;

use crate::copies::NEAR_COPY;
use crate::db::{Backend, Val};
use crate::merge::{self, Cluster, DAY_SLACK};
use crate::rebuild::{self, load_reports, Loaded};
use crate::story::{self, similarity, words, Features};
use crate::{code_root, StoreError};

/// Places a stored document (its reports in `reports`, without events):
/// copies, events, story. Inside the caller's transaction.
pub(crate) fn place_document(db: &mut Backend, document_id: i64) -> Result<(), StoreError> {
    let features = story::features_of(db, document_id)?;
    let copy_of = original_of(db, document_id, &features)?;
    if let Some(original) = copy_of {
        db.exec(
            "UPDATE documents SET copy_of = ? WHERE id = ?",
            &[Val::Int(original), Val::Int(document_id)],
        )?;
    }
    // Copies are found through their originals' bands: only originals index theirs.
    story::store_features(db, &features, copy_of.is_none())?;
    merge_document(db, document_id, copy_of)?;
    story::place_in_story(db, &features, copy_of)?;
    Ok(())
}

/// The original of a document that is a copy of a stored one
/// ([`crate::copies`]'s rule: the same body hash, or an estimated 5-shingle
/// Jaccard similarity of at least [`NEAR_COPY`]): the smallest original of
/// the documents it copies. `None` when it copies none.
fn original_of(
    db: &mut Backend,
    document_id: i64,
    features: &Features,
) -> Result<Option<i64>, StoreError> {
    let same_body = db.query_opt(
        "SELECT COALESCE(o.copy_of, o.id) FROM documents d JOIN documents o ON o.body_hash = d.body_hash \
         WHERE d.id = ? AND o.id < d.id ORDER BY o.id LIMIT 1",
        &[Val::Int(document_id)],
    )?;
    if let Some(original) = same_body.and_then(|row| row.opt_i64(0)) {
        return Ok(Some(original));
    }
    let keys = story::band_keys(&features.shingles);
    let placeholders = vec!["?"; keys.len()].join(", ");
    let sql = format!(
        "SELECT DISTINCT f.document_id, f.shingles FROM document_bands b \
         JOIN document_features f ON f.document_id = b.document_id \
         WHERE b.band_key IN ({placeholders}) AND b.document_id < ? ORDER BY f.document_id"
    );
    let mut params: Vec<Val> = keys.iter().map(|k| Val::Int(*k)).collect();
    params.push(Val::Int(document_id));
    let near: Vec<i64> = db
        .query(&sql, &params)?
        .iter()
        .filter(|row| {
            story::sig_from_hex(&row.str(1))
                .is_some_and(|sig| similarity(&sig, &features.shingles) >= NEAR_COPY)
        })
        .map(|row| row.i64(0))
        .collect();
    // Only originals index their bands, so the first is the smallest original.
    Ok(near.first().copied())
}

/// Merges the reports of one document into events: a copy's reports join
/// their twins' events, the others follow the merge rule of
/// [`crate::merge`] against the candidate events of their key.
fn merge_document(
    db: &mut Backend,
    document_id: i64,
    copy_of: Option<i64>,
) -> Result<(), StoreError> {
    let reports = load_reports(db, "r.document_id = ?", document_id)?;
    let twins = match copy_of {
        Some(original) => twin_events(db, &reports, original)?,
        None => HashMap::new(),
    };
    let mut touched: Vec<i64> = Vec::new();
    for r in &reports {
        let event = match twins.get(&r.keyed.id) {
            Some(&event) => event,
            None => merge_report(db, r)?,
        };
        db.exec(
            "UPDATE reports SET event_id = ? WHERE id = ?",
            &[Val::Int(event), Val::Int(r.keyed.id)],
        )?;
        if !touched.contains(&event) {
            touched.push(event);
        }
    }
    for event in touched {
        rebuild::refresh_event(db, event)?;
    }
    Ok(())
}

/// Maps each report of a copy to the event of the matching report of its
/// original: same sentence words, type, modality and trigger, the n-th
/// such in both.
fn twin_events(
    db: &mut Backend,
    copy: &[Loaded],
    original: i64,
) -> Result<HashMap<i64, i64>, StoreError> {
    type Print = (String, String, String, String, usize);
    fn prints(reports: &[Loaded]) -> Vec<Print> {
        let mut seen: HashMap<(String, String, String, String), usize> = HashMap::new();
        reports
            .iter()
            .map(|r| {
                let key = (
                    words(&r.sentence).join(" "),
                    r.keyed.event_type.clone(),
                    r.keyed.modality.clone(),
                    r.trigger.clone(),
                );
                let n = seen.entry(key.clone()).or_default();
                *n += 1;
                (key.0, key.1, key.2, key.3, *n)
            })
            .collect()
    }
    let originals = load_reports(db, "r.document_id = ?", original)?;
    let events: HashMap<Print, i64> = prints(&originals)
        .into_iter()
        .zip(&originals)
        .filter_map(|(p, r)| Some((p, r.event_id?)))
        .collect();
    Ok(prints(copy)
        .into_iter()
        .zip(copy)
        .filter_map(|(p, r)| Some((r.keyed.id, *events.get(&p)?)))
        .collect())
}

/// The event a report joins by the merge rule, creating one (numbered by
/// the report) when it joins none.
fn merge_report(db: &mut Backend, r: &Loaded) -> Result<i64, StoreError> {
    let Some(p) = merge::period_of(&r.keyed) else {
        return new_event(db, r, None);
    };
    // The dates an event's date can have and still fit: a day within the
    // slack, or the start of a period (up to a year) overlapping this one.
    let window = [
        Val::from(merge::iso_from_days(p.0 - 367)),
        Val::from(merge::iso_from_days(p.1 + DAY_SLACK + 1)),
    ];
    let ty = Val::from(r.keyed.event_type.as_str());
    let modality = Val::from(r.keyed.modality.as_str());
    let recipient_root = r.keyed.recipient.as_deref().map(code_root);
    let candidates = match (&r.keyed.actor, &recipient_root) {
        (Some(actor), recipient) => {
            let recipient_test = match recipient {
                Some(_) => "recipient_root = ?",
                None => "recipient_root IS NULL",
            };
            let sql = format!(
                "SELECT id, merge_state FROM events WHERE actor_root = ? AND {recipient_test} \
                 AND event_type = ? AND modality = ? AND date >= ? AND date <= ? \
                 ORDER BY date DESC, id DESC LIMIT {}",
                merge::RECENT_CLUSTERS
            );
            let mut params = vec![Val::from(code_root(actor))];
            params.extend(recipient.clone().map(Val::from));
            params.extend([ty, modality]);
            params.extend(window);
            db.query(&sql, &params)?
        }
        // A report without an actor joins the one event of its type,
        // recipient and date it fits; when none or several fit, it stands alone.
        (None, Some(recipient)) => db.query(
            &format!(
                "SELECT id, merge_state FROM events WHERE recipient_root = ? AND event_type = ? \
                 AND modality = ? AND date >= ? AND date <= ? AND actor_root IS NOT NULL \
                 ORDER BY date DESC, id DESC LIMIT {}",
                merge::RECENT_CLUSTERS
            ),
            &[Val::from(recipient.as_str()), ty, modality, window[0].clone(), window[1].clone()],
        )?,
        (None, None) => Vec::new(),
    };
    let clusters: Vec<(i64, Cluster)> = candidates
        .iter()
        .filter_map(|row| {
            let state = serde_json::from_str(&row.opt_str(1)?).ok()?;
            Some((row.i64(0), state))
        })
        .collect();
    let chosen = if r.keyed.actor.is_some() {
        merge::pick(clusters.iter().map(|(_, c)| c), p, &r.keyed)
    } else {
        let fitting: Vec<usize> = (0..clusters.len())
            .filter(|&k| {
                clusters[k].1.fits(p) && clusters[k].1.agrees(None, r.keyed.recipient.as_deref())
            })
            .collect();
        match fitting.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    };
    match chosen {
        Some(k) => {
            let (id, mut cluster) = clusters[k].clone();
            cluster.add(p, &r.keyed);
            db.exec(
                "UPDATE events SET merge_state = ? WHERE id = ?",
                &[Val::from(state_json(&cluster)?), Val::Int(id)],
            )?;
            Ok(id)
        }
        // An actorless report that fits no one event stands alone: no
        // state, so nothing joins it later.
        None if r.keyed.actor.is_none() => new_event(db, r, None),
        None => {
            let mut cluster = Cluster::default();
            cluster.add(p, &r.keyed);
            new_event(db, r, Some(state_json(&cluster)?))
        }
    }
}

fn state_json(cluster: &Cluster) -> Result<String, StoreError> {
    serde_json::to_string(cluster).map_err(|e| StoreError::Internal(format!("merge state: {e}")))
}

/// A new event of one report, numbered by it.
fn new_event(db: &mut Backend, r: &Loaded, state: Option<String>) -> Result<i64, StoreError> {
    rebuild::insert_event(db, &[r], state.as_deref(), None)?;
    Ok(r.keyed.id)
}

/// Clears everything derived from the stored documents (events, stories,
/// copies, features) and places every document again, in id order, in
/// the caller's transaction. Returns the number of stories.
pub(crate) fn rebuild_all(db: &mut Backend) -> Result<usize, StoreError> {
    rebuild::fill_body_hashes(db)?;
    db.exec("UPDATE reports SET event_id = NULL", &[])?;
    for table in [
        "events",
        "story_documents",
        "stories",
        "document_features",
        "document_bands",
        "document_parties",
    ] {
        db.exec(&format!("DELETE FROM {table}"), &[])?;
    }
    db.exec("UPDATE documents SET copy_of = NULL", &[])?;
    let ids: Vec<i64> =
        db.query("SELECT id FROM documents ORDER BY id", &[])?.iter().map(|r| r.i64(0)).collect();
    for id in &ids {
        place_document(db, *id)?;
    }
    let stories = db.scalar("SELECT COUNT(*) FROM stories", &[])?;
    tracing::info!(documents = ids.len(), stories, "placed every document again");
    Ok(usize::try_from(stories).unwrap_or(0))
}

/// What deleting a document (a replaced one) must fix afterwards.
pub(crate) struct Placed {
    events: Vec<i64>,
    story: Option<i64>,
}

/// Reads where a document sits, before it is deleted.
pub(crate) fn placed(db: &mut Backend, document_id: i64) -> Result<Placed, StoreError> {
    let events = db
        .query(
            "SELECT DISTINCT event_id FROM reports WHERE document_id = ? AND event_id IS NOT NULL",
            &[Val::Int(document_id)],
        )?
        .iter()
        .map(|r| r.i64(0))
        .collect();
    let story = db
        .query_opt(
            "SELECT story_id FROM story_documents WHERE document_id = ?",
            &[Val::Int(document_id)],
        )?
        .map(|r| r.i64(0));
    Ok(Placed { events, story })
}

/// After a document's rows are deleted: its events and story are
/// rewritten from what is left, its features and index rows dropped.
pub(crate) fn unplace(
    db: &mut Backend,
    document_id: i64,
    placed: Placed,
) -> Result<(), StoreError> {
    for table in ["document_features", "document_bands", "document_parties"] {
        db.exec(&format!("DELETE FROM {table} WHERE document_id = ?"), &[Val::Int(document_id)])?;
    }
    db.exec("UPDATE documents SET copy_of = NULL WHERE copy_of = ?", &[Val::Int(document_id)])?;
    for event in placed.events {
        rebuild::refresh_event(db, event)?;
    }
    if let Some(story) = placed.story {
        story::refresh_story(db, story)?;
    }
    Ok(())
}
