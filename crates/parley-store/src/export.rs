//! Exports of merged events: PLOVER JSON Lines, GDELT 2.0 event table,
//! CSV and Parquet.
//!
//! Every format writes one row per merged event, in event-date order.
//! - `plover`: one JSON object per line with PLOVER's fields (event type,
//!   mode, context, actor, recipient, date) plus the CAMEO code, counts,
//!   the first report's sentence and every report (`mentions`: document,
//!   outlet, url, sentence).
//! - `gdelt`: GDELT 2.0's 61-column event table ([`GDELT_COLUMNS`]),
//!   tab-separated, no header, as GDELT ships `export.CSV`. Fields parley
//!   does not know (ethnic and religious codes, tone, FIPS geography,
//!   coordinates) are left empty; `DATEADDED` is the event date at
//!   00:00:00 (parley keeps no ingestion time), so exports are repeatable.
//! - `csv`: the [`EventRow`] fields with a header ([`CSV_COLUMNS`]).
//! - `parquet`: the same columns, typed (int64, float64, utf8), Snappy
//!   compressed; pandas, R (arrow) and DuckDB read it as is.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use serde_json::json;

use crate::db::Val;
use crate::model::{EventFilter, EventRow};
use crate::{Store, StoreError};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// PLOVER JSON Lines.
    Plover,
    /// GDELT 2.0 event table (61 tab-separated columns).
    Gdelt,
    /// CSV with a header.
    Csv,
    /// Apache Parquet.
    Parquet,
}

impl ExportFormat {
    /// Parses `plover`, `gdelt`, `csv` or `parquet`.
    pub fn parse(name: &str) -> Result<ExportFormat, StoreError> {
        match name.trim().to_ascii_lowercase().as_str() {
            "plover" | "json" | "jsonl" => Ok(ExportFormat::Plover),
            "gdelt" => Ok(ExportFormat::Gdelt),
            "csv" => Ok(ExportFormat::Csv),
            "parquet" => Ok(ExportFormat::Parquet),
            other => Err(StoreError::Invalid(format!(
                "export format {other:?}: use plover, gdelt, csv or parquet"
            ))),
        }
    }

    /// The format's name.
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Plover => "plover",
            ExportFormat::Gdelt => "gdelt",
            ExportFormat::Csv => "csv",
            ExportFormat::Parquet => "parquet",
        }
    }
}

/// GDELT 2.0 event table columns, in order (GDELT Event Codebook V2.0).
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// CSV and Parquet columns, in order.
pub const CSV_COLUMNS: [&str; 24] = [
    "id",
    "date",
    "date_precision",
    "event_type",
    "mode",
    "context",
    "cameo",
    "goldstein",
    "quad_class",
    "plover_score",
    "actor_code",
    "actor_name",
    "recipient_code",
    "recipient_name",
    "location",
    "location_country",
    "modality",
    "confidence",
    "num_reports",
    "num_documents",
    "num_sources",
    "sentence",
    "source_url",
    "story_id",
];

/// Codes whose first three letters are not a country (CAMEO's
/// transnational and group roots).
const NON_COUNTRY_ROOTS: &[&str] =
    &["IGO", "NGO", "NGM", "MNC", "INT", "UIS", "REB", "SPY", "IMG", "SEP", "CVL"];

const PAGE: usize = 10_000;

/// Calls `f` for every merged event, in date order, a page at a time.
fn for_each_event(
    store: &Store,
    mut f: impl FnMut(Vec<EventRow>) -> Result<(), StoreError>,
) -> Result<usize, StoreError> {
    let mut filter = EventFilter { limit: Some(PAGE), ..EventFilter::default() };
    let mut n = 0;
    loop {
        let page = store.events(&filter)?;
        n += page.events.len();
        if !page.events.is_empty() {
            f(page.events)?;
        }
        match page.next {
            Some(next) => filter.cursor = Some(next),
            None => return Ok(n),
        }
    }
}

fn err(format: ExportFormat) -> impl Fn(String) -> StoreError {
    move |message| StoreError::Export { format: format.as_str(), message }
}

/// Writes every merged event to `out`; returns the number of events.
/// Parquet is built in memory, then copied to `out` (use [`write_path`]
/// to write a file directly).
pub fn write(
    store: &Store,
    format: ExportFormat,
    out: &mut dyn Write,
) -> Result<usize, StoreError> {
    match format {
        ExportFormat::Plover => write_plover(store, out),
        ExportFormat::Gdelt => write_gdelt(store, out),
        ExportFormat::Csv => write_csv(store, out),
        ExportFormat::Parquet => {
            let mut buf = Vec::new();
            let n = write_parquet(store, &mut buf)?;
            out.write_all(&buf)?;
            Ok(n)
        }
    }
}

/// Writes every merged event to a file at `path`; returns the number of events.
pub fn write_path(store: &Store, format: ExportFormat, path: &Path) -> Result<usize, StoreError> {
    let file = std::fs::File::create(path)?;
    match format {
        ExportFormat::Parquet => write_parquet(store, file),
        _ => {
            let mut w = std::io::BufWriter::new(file);
            let n = write(store, format, &mut w)?;
            w.flush()?;
            Ok(n)
        }
    }
}

fn write_plover(store: &Store, out: &mut dyn Write) -> Result<usize, StoreError> {
    // Every report, by event: the event's mentions.
    let mut mentions: HashMap<i64, Vec<serde_json::Value>> = HashMap::new();
    let rows = store.with_db(|db| {
        db.query(
            "SELECT r.event_id, d.doc_key, d.source, d.url, d.date, r.sentence_idx, s.text FROM reports r \
             JOIN documents d ON d.id = r.document_id \
             LEFT JOIN sentences s ON s.document_id = r.document_id AND s.idx = r.sentence_idx \
             WHERE r.event_id IS NOT NULL ORDER BY r.event_id, r.id",
            &[] as &[Val],
        )
    })?;
    for r in rows {
        mentions.entry(r.i64(0)).or_default().push(json!({
            "doc_id": r.str(1),
            "source": r.opt_str(2),
            "url": r.opt_str(3),
            "publication_date": r.opt_str(4),
            "sentence_index": r.i64(5),
            "text": r.str(6),
        }));
    }
    for_each_event(store, |events| {
        for e in events {
            let line = json!({
                "id": e.id,
                "date": e.date,
                "date_precision": e.date_precision,
                "event_type": e.event_type,
                "mode": e.mode,
                "context": e.context,
                "actor": e.actor_code,
                "actor_name": e.actor_name,
                "recipient": e.recipient_code,
                "recipient_name": e.recipient_name,
                "location": e.location,
                "country": e.location_country,
                "modality": e.modality,
                "confidence": e.confidence,
                "cameo": e.cameo,
                "goldstein": e.goldstein,
                "quad_class": e.quad_class,
                "plover_score": e.plover_score,
                "num_mentions": e.num_reports,
                "num_articles": e.num_documents,
                "num_sources": e.num_sources,
                "story_id": e.story_id,
                "text": e.sentence,
                "url": e.source_url,
                "mentions": mentions.remove(&e.id).unwrap_or_default(),
            });
            serde_json::to_writer(&mut *out, &line)
                .map_err(|e| err(ExportFormat::Plover)(e.to_string()))?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })
}

/// The GDELT fields of an actor code: code, name, country, known group, type 1.
fn gdelt_actor(code: &Option<String>, name: &Option<String>) -> [String; 10] {
    let code = code.clone().unwrap_or_default();
    let root: String = code.chars().take(3).collect();
    let rest: String = code.chars().skip(3).take(3).collect();
    let (country, group) = if root.is_empty() {
        (String::new(), String::new())
    } else if NON_COUNTRY_ROOTS.contains(&root.as_str()) {
        (String::new(), if root == "IGO" || root == "NGO" { rest.clone() } else { String::new() })
    } else {
        (root.clone(), String::new())
    };
    let type1 = if group.is_empty() { rest } else { String::new() };
    let name = name.clone().map(|n| n.to_uppercase()).unwrap_or_default();
    [
        code,
        name,
        country,
        group,
        String::new(),
        String::new(),
        String::new(),
        type1,
        String::new(),
        String::new(),
    ]
}

/// The 61 GDELT 2.0 fields of an event.
pub fn gdelt_row(e: &EventRow) -> Vec<String> {
    let digits: String = e.date.chars().filter(char::is_ascii_digit).collect();
    let (sqldate, month_year, year, fraction) = if digits.len() == 8 {
        let y: f64 = digits[..4].parse().unwrap_or(0.0);
        let m: f64 = digits[4..6].parse().unwrap_or(0.0);
        let d: f64 = digits[6..8].parse().unwrap_or(0.0);
        (
            digits.clone(),
            digits[..6].to_string(),
            digits[..4].to_string(),
            format!("{:.4}", y + (m * 30.0 + d) / 365.0),
        )
    } else {
        Default::default()
    };
    let mut row = Vec::with_capacity(61);
    row.extend([e.id.to_string(), sqldate.clone(), month_year, year, fraction]);
    row.extend(gdelt_actor(&e.actor_code, &e.actor_name));
    row.extend(gdelt_actor(&e.recipient_code, &e.recipient_name));
    let cameo = e.cameo.clone();
    let base: String = cameo.chars().take(3).collect();
    let root: String = cameo.chars().take(2).collect();
    row.extend([
        "0".to_string(),
        cameo,
        base,
        root,
        e.quad_class.to_string(),
        format!("{}", (e.goldstein * 10.0).round() / 10.0),
        e.num_reports.to_string(),
        e.num_sources.to_string(),
        e.num_documents.to_string(),
        String::new(),
    ]);
    // Actor1 and Actor2 geography: unknown.
    row.extend(std::iter::repeat_n(String::new(), 16));
    // Action geography: the place name only (no FIPS codes, no coordinates).
    row.push(if e.location.is_some() { "4".to_string() } else { String::new() });
    row.push(e.location.clone().unwrap_or_default());
    row.extend(std::iter::repeat_n(String::new(), 6));
    row.push(if sqldate.is_empty() { String::new() } else { format!("{sqldate}000000") });
    row.push(e.source_url.clone().unwrap_or_default());
    debug_assert_eq!(row.len(), GDELT_COLUMNS.len());
    row
}

fn clean_tsv(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn write_gdelt(store: &Store, out: &mut dyn Write) -> Result<usize, StoreError> {
    for_each_event(store, |events| {
        for e in &events {
            let row: Vec<String> = gdelt_row(e).iter().map(|f| clean_tsv(f)).collect();
            out.write_all(row.join("\t").as_bytes())?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })
}

fn csv_fields(e: &EventRow) -> [String; 24] {
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    [
        e.id.to_string(),
        e.date.clone(),
        opt(&e.date_precision),
        e.event_type.clone(),
        opt(&e.mode),
        e.context.join(";"),
        e.cameo.clone(),
        e.goldstein.to_string(),
        e.quad_class.to_string(),
        e.plover_score.map(|s| s.to_string()).unwrap_or_default(),
        opt(&e.actor_code),
        opt(&e.actor_name),
        opt(&e.recipient_code),
        opt(&e.recipient_name),
        opt(&e.location),
        opt(&e.location_country),
        e.modality.clone(),
        e.confidence.to_string(),
        e.num_reports.to_string(),
        e.num_documents.to_string(),
        e.num_sources.to_string(),
        e.sentence.clone(),
        opt(&e.source_url),
        e.story_id.map(|s| s.to_string()).unwrap_or_default(),
    ]
}

fn write_csv(store: &Store, out: &mut dyn Write) -> Result<usize, StoreError> {
    let e = err(ExportFormat::Csv);
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_COLUMNS).map_err(|x| e(x.to_string()))?;
    let n = for_each_event(store, |events| {
        for ev in &events {
            w.write_record(csv_fields(ev)).map_err(|x| e(x.to_string()))?;
        }
        Ok(())
    })?;
    w.flush()?;
    Ok(n)
}

/// The Arrow schema of the Parquet export.
pub fn parquet_schema() -> Schema {
    let ints = ["id", "quad_class", "num_reports", "num_documents", "num_sources", "story_id"];
    let floats = ["goldstein", "plover_score", "confidence"];
    let nullable = [
        "date_precision",
        "mode",
        "plover_score",
        "actor_code",
        "actor_name",
        "recipient_code",
        "recipient_name",
        "location",
        "location_country",
        "source_url",
        "story_id",
    ];
    Schema::new(
        CSV_COLUMNS
            .iter()
            .map(|name| {
                let ty = if ints.contains(name) {
                    DataType::Int64
                } else if floats.contains(name) {
                    DataType::Float64
                } else {
                    DataType::Utf8
                };
                Field::new(*name, ty, nullable.contains(name))
            })
            .collect::<Vec<_>>(),
    )
}

fn batch(schema: &Arc<Schema>, events: &[EventRow]) -> Result<RecordBatch, StoreError> {
    let s = |f: &dyn Fn(&EventRow) -> Option<String>| -> ArrayRef {
        Arc::new(events.iter().map(f).collect::<StringArray>())
    };
    let i = |f: &dyn Fn(&EventRow) -> Option<i64>| -> ArrayRef {
        Arc::new(events.iter().map(f).collect::<Int64Array>())
    };
    let x = |f: &dyn Fn(&EventRow) -> Option<f64>| -> ArrayRef {
        Arc::new(events.iter().map(f).collect::<Float64Array>())
    };
    let columns: Vec<ArrayRef> = vec![
        i(&|e| Some(e.id)),
        s(&|e| Some(e.date.clone())),
        s(&|e| e.date_precision.clone()),
        s(&|e| Some(e.event_type.clone())),
        s(&|e| e.mode.clone()),
        s(&|e| Some(e.context.join(";"))),
        s(&|e| Some(e.cameo.clone())),
        x(&|e| Some(e.goldstein)),
        i(&|e| Some(e.quad_class)),
        x(&|e| e.plover_score),
        s(&|e| e.actor_code.clone()),
        s(&|e| e.actor_name.clone()),
        s(&|e| e.recipient_code.clone()),
        s(&|e| e.recipient_name.clone()),
        s(&|e| e.location.clone()),
        s(&|e| e.location_country.clone()),
        s(&|e| Some(e.modality.clone())),
        x(&|e| Some(e.confidence)),
        i(&|e| Some(e.num_reports)),
        i(&|e| Some(e.num_documents)),
        i(&|e| Some(e.num_sources)),
        s(&|e| Some(e.sentence.clone())),
        s(&|e| e.source_url.clone()),
        i(&|e| e.story_id),
    ];
    RecordBatch::try_new(schema.clone(), columns)
        .map_err(|e| err(ExportFormat::Parquet)(e.to_string()))
}

fn write_parquet<W: Write + Send>(store: &Store, out: W) -> Result<usize, StoreError> {
    use parquet::arrow::ArrowWriter;
    use parquet::basic::Compression;
    use parquet::file::properties::WriterProperties;
    let e = err(ExportFormat::Parquet);
    let schema = Arc::new(parquet_schema());
    let props = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
    let mut writer =
        ArrowWriter::try_new(out, schema.clone(), Some(props)).map_err(|x| e(x.to_string()))?;
    let n = for_each_event(store, |events| {
        let b = batch(&schema, &events)?;
        writer.write(&b).map_err(|x| e(x.to_string()))
    })?;
    writer.close().map_err(|x| e(x.to_string()))?;
    Ok(n)
}
