//! Storing one coded document: one transaction, idempotent by content hash.

use parley_doc::{Document, Event, EventParty, MentionSource, Span};
use sha2::{Digest, Sha256};

use crate::db::{Backend, Dialect, Val};
use crate::{IngestOutcome, StoreError};

/// The content hash of a document: SHA-256 over its metadata (id, date,
/// outlet, url, title) and text, each field length-prefixed so fields
/// cannot run into each other; hex, 64 characters. Not hashed: the origin
/// (the same folder ingested by another path is the same documents) and
/// the annotations (re-coding with a newer coder needs a fresh store).
pub fn content_hash(doc: &Document) -> String {
    let mut h = Sha256::new();
    let meta = &doc.meta;
    let fields: [Option<&str>; 6] = [
        Some(meta.id.as_str()),
        meta.date.as_deref(),
        meta.source.as_deref(),
        meta.url.as_deref(),
        meta.title.as_deref(),
        Some(doc.text.as_str()),
    ];
    for field in fields {
        match field {
            Some(s) => {
                h.update((s.len() as u64).to_le_bytes());
                h.update(s.as_bytes());
            }
            None => h.update(u64::MAX.to_le_bytes()),
        }
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The hash of a document's body as read, not as published: SHA-256
/// (hex) over its lower-cased words joined by single spaces, so a reprint
/// under another id, outlet, headline or date, or with other spacing,
/// punctuation or case, hashes the same.
pub fn body_hash(text: &str) -> String {
    let mut h = Sha256::new();
    for (i, word) in crate::story::words(text).iter().enumerate() {
        if i > 0 {
            h.update(b" ");
        }
        h.update(word.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Now, UTC, as `YYYYMMDDHHMMSS` (GDELT's DATEADDED form).
pub(crate) fn utc_now_stamp() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let day: String = crate::merge::iso_from_days(secs.div_euclid(86_400)).replace('-', "");
    let s = secs.rem_euclid(86_400);
    format!("{day}{:02}{:02}{:02}", s / 3600, s % 3600 / 60, s % 60)
}

/// The text under a span, or an error naming the field (a span that does
/// not fit the text fails the document instead of panicking).
fn slice<'a>(doc: &'a Document, span: Span, what: &str) -> Result<&'a str, StoreError> {
    doc.text.get(span.range()).ok_or_else(|| {
        StoreError::Invalid(format!(
            "{what} span {span} does not fit a text of {} bytes",
            doc.text.len()
        ))
    })
}

fn via(source: &MentionSource) -> String {
    match source {
        MentionSource::Dictionary { entry } => format!("dictionary:{entry}"),
        MentionSource::RolePattern { rule } => format!("role:{rule}"),
        MentionSource::Coreference { antecedent } => format!("coref:{antecedent}"),
    }
}

fn party_vals(
    doc: &Document,
    party: Option<&EventParty>,
    what: &str,
) -> Result<[Val; 5], StoreError> {
    Ok(match party {
        None => [Val::Null, Val::Null, Val::Null, Val::Null, Val::Null],
        Some(p) => {
            slice(doc, p.span, what)?;
            [
                Val::from(p.actor.code.as_str()),
                Val::from(p.actor.name.clone()),
                Val::from(p.actor.country.clone()),
                Val::from(p.span.start),
                Val::from(p.span.end),
            ]
        }
    })
}

/// Deletes a document and everything hanging off it.
pub(crate) fn delete_document(db: &mut Backend, id: i64) -> Result<(), StoreError> {
    let placed = crate::place::placed(db, id)?;
    if db.dialect() == Dialect::Sqlite {
        // External-content FTS5 needs the old text to forget a row.
        let rows =
            db.query("SELECT id, text FROM sentences WHERE document_id = ?", &[Val::Int(id)])?;
        for row in rows {
            db.exec(
                "INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', ?, ?)",
                &[Val::Int(row.i64(0)), Val::from(row.str(1))],
            )?;
        }
    }
    for table in ["quotes", "reports", "mentions", "sentences", "story_documents"] {
        db.exec(&format!("DELETE FROM {table} WHERE document_id = ?"), &[Val::Int(id)])?;
    }
    db.exec("DELETE FROM documents WHERE id = ?", &[Val::Int(id)])?;
    crate::place::unplace(db, id, placed)
}

/// Stores one document in the current transaction.
pub(crate) fn ingest(db: &mut Backend, doc: &Document) -> Result<IngestOutcome, StoreError> {
    let hash = content_hash(doc);
    if let Some(row) = db
        .query_opt("SELECT id FROM documents WHERE content_hash = ?", &[Val::from(hash.as_str())])?
    {
        return Ok(IngestOutcome::Unchanged { document_id: row.i64(0) });
    }
    let meta = &doc.meta;
    let older = db.query(
        "SELECT id FROM documents WHERE doc_key = ? AND origin = ?",
        &[Val::from(meta.id.as_str()), Val::from(meta.origin.as_str())],
    )?;
    let replaced = !older.is_empty();
    for row in older {
        delete_document(db, row.i64(0))?;
    }

    let body = body_hash(&doc.text);
    let reprint_of = db
        .query_opt(
            "SELECT MIN(id) FROM documents WHERE body_hash = ?",
            &[Val::from(body.as_str())],
        )?
        .and_then(|row| row.opt_i64(0));
    let document_id = db.insert_id(
        "INSERT INTO documents (doc_key, origin, content_hash, date, source, url, title, text, num_sentences, num_reports, body_hash, added_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        &[
            Val::from(meta.id.as_str()),
            Val::from(meta.origin.as_str()),
            Val::from(hash),
            Val::from(meta.date.clone()),
            Val::from(meta.source.clone()),
            Val::from(meta.url.clone()),
            Val::from(meta.title.clone()),
            Val::from(doc.text.as_str()),
            Val::from(doc.sentences.len()),
            Val::from(doc.events.len()),
            Val::from(body),
            Val::from(utc_now_stamp()),
        ],
    )?;
    let mut sentence_rows = Vec::with_capacity(doc.sentences.len());
    for (idx, sentence) in doc.sentences.iter().enumerate() {
        let text = slice(doc, sentence.span, "sentence")?;
        sentence_rows.push([
            Val::Int(document_id),
            Val::from(idx),
            Val::from(sentence.span.start),
            Val::from(sentence.span.end),
            Val::from(text),
        ]);
    }
    insert_rows(
        db,
        "INSERT INTO sentences (document_id, idx, start_byte, end_byte, text) VALUES ",
        sentence_rows,
    )?;
    if db.dialect() == Dialect::Sqlite {
        db.exec(
            "INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE document_id = ?",
            &[Val::Int(document_id)],
        )?;
    }
    let mut mention_rows = Vec::with_capacity(doc.mentions.len());
    for mention in &doc.mentions {
        let text = slice(doc, mention.span, "mention")?;
        mention_rows.push([
            Val::Int(document_id),
            Val::from(mention.sentence.get()),
            Val::from(mention.span.start),
            Val::from(mention.span.end),
            Val::from(text),
            Val::from(mention.actor.code.as_str()),
            Val::from(mention.actor.country.clone()),
            Val::from(mention.actor.sector.clone()),
            Val::from(mention.actor.name.clone()),
            Val::from(mention.actor.role.clone()),
            Val::from(via(&mention.via)),
        ]);
    }
    insert_rows(
        db,
        "INSERT INTO mentions (document_id, sentence_idx, start_byte, end_byte, text, code, country, sector, name, role, via) VALUES ",
        mention_rows,
    )?;
    let mut report_rows = Vec::with_capacity(doc.events.len());
    for event in &doc.events {
        report_rows.push(report_vals(doc, document_id, event)?);
    }
    insert_rows(db, REPORT_INSERT, report_rows)?;
    // Ids in insertion order: both databases number the rows of one
    // multi-row INSERT upwards (SQLite's rowid is the largest plus one,
    // PostgreSQL's sequence is drawn row by row in VALUES order).
    let report_ids: Vec<i64> = db
        .query(
            "SELECT id FROM reports WHERE document_id = ? ORDER BY id",
            &[Val::Int(document_id)],
        )?
        .iter()
        .map(|row| row.i64(0))
        .collect();
    if report_ids.len() != doc.events.len() {
        return Err(StoreError::Internal(format!(
            "stored {} reports for {} events",
            report_ids.len(),
            doc.events.len()
        )));
    }
    let mut quote_spans: Vec<Span> = Vec::new();
    let mut quote_rows = Vec::new();
    for (event, report_id) in doc.events.iter().zip(report_ids) {
        if let Some(span) = event.quote {
            if quote_spans.contains(&span) {
                continue;
            }
            quote_spans.push(span);
            let quote = slice(doc, span, "quote")?;
            let speaker = event.speaker.as_ref();
            let speaker_text = match speaker {
                Some(p) => Some(slice(doc, p.span, "speaker")?.to_string()),
                None => None,
            };
            quote_rows.push([
                Val::Int(document_id),
                Val::Int(report_id),
                Val::from(event.sentence.get()),
                Val::from(span.start),
                Val::from(span.end),
                Val::from(quote),
                Val::from(speaker.map(|p| p.actor.code.clone())),
                Val::from(speaker.and_then(|p| p.actor.name.clone())),
                Val::from(speaker_text),
            ]);
        }
    }
    let quotes = quote_rows.len();
    insert_rows(
        db,
        "INSERT INTO quotes (document_id, report_id, sentence_idx, start_byte, end_byte, quote, speaker_code, speaker_name, speaker_text) VALUES ",
        quote_rows,
    )?;
    Ok(IngestOutcome::Inserted {
        document_id,
        sentences: doc.sentences.len(),
        events: doc.events.len(),
        mentions: doc.mentions.len(),
        quotes,
        replaced,
        reprint_of,
    })
}

/// Rows per multi-row `INSERT`, largest first: a document's rows go in
/// chunks of these sizes (27 sentences: 16 + 8 + 2 + 1), so a document
/// costs a handful of statements per table, and the prepared-statement
/// cache holds at most five shapes per table.
const CHUNKS: [usize; 5] = [16, 8, 4, 2, 1];

/// Inserts rows with multi-row `INSERT ... VALUES (..), (..)` statements:
/// far fewer statements per document than one per row.
fn insert_rows<const N: usize>(
    db: &mut Backend,
    head: &str,
    rows: Vec<[Val; N]>,
) -> Result<(), StoreError> {
    let one = format!("({})", vec!["?"; N].join(", "));
    let mut rows = rows.into_iter();
    let mut left = rows.len();
    let mut buf: Vec<Val> = Vec::with_capacity(N * CHUNKS[0]);
    for size in CHUNKS {
        if left < size {
            continue;
        }
        let sql = format!("{head}{}", vec![one.as_str(); size].join(", "));
        while left >= size {
            buf.clear();
            for row in rows.by_ref().take(size) {
                buf.extend(row);
            }
            db.exec(&sql, &buf)?;
            left -= size;
        }
    }
    Ok(())
}

const REPORT_INSERT: &str = "INSERT INTO reports (document_id, sentence_idx, event_type, mode, context, cameo, goldstein, quad_class, plover_score, \
     actor_code, actor_name, actor_country, actor_start, actor_end, \
     recipient_code, recipient_name, recipient_country, recipient_start, recipient_end, \
     trigger_start, trigger_end, date, date_precision, date_start, date_end, \
     location_name, location_country, location_start, location_end, \
     speaker_code, speaker_name, speaker_start, speaker_end, quote_start, quote_end, \
     modality, modality_rule, confidence, rule, actor_sector, recipient_sector) VALUES ";

/// The values of one event's `reports` row, in [`REPORT_INSERT`]'s order;
/// fails if a span does not fit the text.
fn report_vals(doc: &Document, document_id: i64, event: &Event) -> Result<[Val; 41], StoreError> {
    if event.sentence.get() >= doc.sentences.len() {
        return Err(StoreError::Invalid(format!(
            "event points at sentence {} of {}",
            event.sentence.get(),
            doc.sentences.len()
        )));
    }
    slice(doc, event.trigger.span, "trigger")?;
    let [a_code, a_name, a_country, a_start, a_end] =
        party_vals(doc, event.actor.as_ref(), "actor")?;
    let [r_code, r_name, r_country, r_start, r_end] =
        party_vals(doc, event.recipient.as_ref(), "recipient")?;
    let [s_code, s_name, _s_country, s_start, s_end] =
        party_vals(doc, event.speaker.as_ref(), "speaker")?;
    let date = event.date.as_ref();
    let date_span = date.and_then(|d| d.span);
    if let Some(span) = date_span {
        slice(doc, span, "date")?;
    }
    let place = event.location.as_ref();
    let context = serde_json::to_string(&event.context)
        .map_err(|e| StoreError::Internal(format!("context as JSON: {e}")))?;
    Ok([
        Val::Int(document_id),
        Val::from(event.sentence.get()),
        Val::from(event.event_type.as_str()),
        Val::from(event.mode.clone()),
        Val::from(context),
        Val::from(event.cameo.as_str()),
        Val::from(event.goldstein),
        Val::from(event.quad_class),
        Val::from(event.plover_score),
        a_code,
        a_name,
        a_country,
        a_start,
        a_end,
        r_code,
        r_name,
        r_country,
        r_start,
        r_end,
        Val::from(event.trigger.span.start),
        Val::from(event.trigger.span.end),
        Val::from(date.map(|d| d.value.clone())),
        Val::from(date.map(|d| d.precision.as_str())),
        Val::from(date_span.map(|s| s.start)),
        Val::from(date_span.map(|s| s.end)),
        Val::from(place.map(|p| p.name.clone())),
        Val::from(place.and_then(|p| p.country.clone())),
        Val::from(place.map(|p| p.span.start)),
        Val::from(place.map(|p| p.span.end)),
        s_code,
        s_name,
        s_start,
        s_end,
        Val::from(event.quote.map(|s| s.start)),
        Val::from(event.quote.map(|s| s.end)),
        Val::from(event.modality.as_str()),
        Val::from(event.modality_rule.clone()),
        Val::from(event.confidence),
        Val::from(event.rule.as_str()),
        Val::from(event.actor.as_ref().and_then(|p| p.actor.sector.clone())),
        Val::from(event.recipient.as_ref().and_then(|p| p.actor.sector.clone())),
    ])
}
