//! Exports of merged events: PLOVER JSON Lines, GDELT 2.0 event table,
//! CSV and Parquet.
//!
//! Every format writes one row per merged event, in event-date order, of
//! the events an [`EventFilter`] selects: by default the *asserted* ones
//! only (negated, hypothetical, conditional and questioned events are left
//! out unless the filter's `modality` says `any` or names one); every
//! format carries the modality.
//! - `plover`: one JSON object per line with PLOVER's fields (event type,
//!   mode, context, actor, recipient, date) plus the CAMEO code, counts,
//!   the first report's sentence and every report (`mentions`: document,
//!   outlet, url, sentence).
//! - `gdelt`: GDELT 2.0's 61-column event table ([`GDELT_COLUMNS`]),
//!   tab-separated, no header, as GDELT ships `export.CSV`. `IsRootEvent`
//!   is 1 when a report lies in an article's lead, `NumSources` counts
//!   outlets (at least 1), `DATEADDED` is when the first report was stored
//!   (UTC). Fields parley does not know (ethnic and religious codes, tone,
//!   FIPS geography, coordinates: the gazetteer keeps none) are empty.
//! - `csv`: [`CSV_COLUMNS`] with a header; text fields always quoted,
//!   numbers never; codes stay text only if the reader is told (`cameo`
//!   is `"020"`: pass `dtype={"cameo": str}` to pandas), see the README.
//!   `parley events --format csv` writes the same columns.
//! - `parquet`: the same columns, typed (int64, float64, bool, utf8),
//!   Snappy compressed; pandas, R (arrow) and DuckDB read it as is.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use arrow_array::{ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray};
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

/// The type of a CSV and Parquet column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// Text (Parquet utf8; quoted in CSV).
    Text,
    /// Whole number (Parquet int64).
    Int,
    /// Decimal (Parquet float64), rounded.
    Float,
    /// `true` or `false` (Parquet bool).
    Bool,
}

/// CSV and Parquet columns, in order, with their types.
pub const CSV_SCHEMA: [(&str, ColumnType); 30] = {
    use ColumnType::{Bool, Float, Int, Text};
    [
        ("id", Int),
        ("date", Text),
        ("date_precision", Text),
        ("event_type", Text),
        ("mode", Text),
        ("context", Text),
        ("cameo", Text),
        ("goldstein", Float),
        ("quad_class", Int),
        ("plover_score", Float),
        ("actor_code", Text),
        ("actor_name", Text),
        ("actor_country", Text),
        ("actor_sector", Text),
        ("recipient_code", Text),
        ("recipient_name", Text),
        ("recipient_country", Text),
        ("recipient_sector", Text),
        ("location", Text),
        ("location_country", Text),
        ("modality", Text),
        ("confidence", Float),
        ("is_root", Bool),
        ("num_reports", Int),
        ("num_documents", Int),
        ("num_sources", Int),
        ("date_added", Text),
        ("sentence", Text),
        ("source_url", Text),
        ("story_id", Int),
    ]
};

/// CSV and Parquet column names, in order.
pub const CSV_COLUMNS: [&str; 30] = {
    let mut names = [""; 30];
    let mut i = 0;
    while i < 30 {
        names[i] = CSV_SCHEMA[i].0;
        i += 1;
    }
    names
};

/// Codes whose first three letters are not a country (CAMEO's
/// transnational and group roots).
const NON_COUNTRY_ROOTS: &[&str] =
    &["IGO", "NGO", "NGM", "MNC", "INT", "UIS", "REB", "SPY", "IMG", "SEP", "CVL"];

const PAGE: usize = 10_000;

/// Calls `f` for every merged event `filter` selects (its cursor and
/// limit aside), in date order, a page at a time.
fn for_each_event(
    store: &Store,
    filter: &EventFilter,
    mut f: impl FnMut(Vec<EventRow>) -> Result<(), StoreError>,
) -> Result<usize, StoreError> {
    let mut filter = EventFilter { limit: Some(PAGE), cursor: None, ..filter.clone() };
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

/// Writes every merged event `filter` selects (by default: every asserted
/// event) to `out`; returns the number of events. Parquet is built in
/// memory, then copied to `out` (use [`write_path`] to write a file directly).
pub fn write(
    store: &Store,
    format: ExportFormat,
    filter: &EventFilter,
    out: &mut dyn Write,
) -> Result<usize, StoreError> {
    match format {
        ExportFormat::Plover => write_plover(store, filter, out),
        ExportFormat::Gdelt => write_gdelt(store, filter, out),
        ExportFormat::Csv => write_csv(store, filter, out),
        ExportFormat::Parquet => {
            let mut buf = Vec::new();
            let n = write_parquet(store, filter, &mut buf)?;
            out.write_all(&buf)?;
            Ok(n)
        }
    }
}

/// Writes the events `filter` selects to a file at `path`; returns the number of events.
pub fn write_path(
    store: &Store,
    format: ExportFormat,
    filter: &EventFilter,
    path: &Path,
) -> Result<usize, StoreError> {
    let file = std::fs::File::create(path)?;
    match format {
        ExportFormat::Parquet => write_parquet(store, filter, file),
        _ => {
            let mut w = std::io::BufWriter::new(file);
            let n = write(store, format, filter, &mut w)?;
            w.flush()?;
            Ok(n)
        }
    }
}

fn write_plover(
    store: &Store,
    filter: &EventFilter,
    out: &mut dyn Write,
) -> Result<usize, StoreError> {
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
    for_each_event(store, filter, |events| {
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
                "actor_country": e.actor_country,
                "actor_sector": e.actor_sector,
                "recipient": e.recipient_code,
                "recipient_name": e.recipient_name,
                "recipient_country": e.recipient_country,
                "recipient_sector": e.recipient_sector,
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
                "is_root": e.is_root,
                "date_added": e.date_added.as_deref().map(iso_timestamp),
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
        if e.is_root { "1" } else { "0" }.to_string(),
        cameo,
        base,
        root,
        e.quad_class.to_string(),
        format!("{}", (e.goldstein * 10.0).round() / 10.0),
        e.num_reports.to_string(),
        e.num_sources.max(1).to_string(),
        e.num_documents.to_string(),
        String::new(),
    ]);
    // Actor1 and Actor2 geography: unknown.
    row.extend(std::iter::repeat_n(String::new(), 16));
    // Action geography: the place name only (no FIPS codes; no coordinates,
    // as the gazetteer keeps none rather than invent a centroid).
    row.push(if e.location.is_some() { "4".to_string() } else { String::new() });
    row.push(e.location.clone().unwrap_or_default());
    row.extend(std::iter::repeat_n(String::new(), 6));
    row.push(e.date_added.clone().unwrap_or_default());
    row.push(e.source_url.clone().unwrap_or_default());
    debug_assert_eq!(row.len(), GDELT_COLUMNS.len());
    row
}

fn clean_tsv(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn write_gdelt(
    store: &Store,
    filter: &EventFilter,
    out: &mut dyn Write,
) -> Result<usize, StoreError> {
    for_each_event(store, filter, |events| {
        for e in &events {
            let row: Vec<String> = gdelt_row(e).iter().map(|f| clean_tsv(f)).collect();
            out.write_all(row.join("\t").as_bytes())?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })
}

/// `YYYYMMDDHHMMSS` as ISO 8601 (`2024-07-02T09:30:00Z`): readers parse
/// it as a time, where the bare digits read as a number.
fn iso_timestamp(stamp: &str) -> String {
    match (
        stamp.get(0..4),
        stamp.get(4..6),
        stamp.get(6..8),
        stamp.get(8..10),
        stamp.get(10..12),
        stamp.get(12..14),
    ) {
        (Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(s)) if stamp.len() == 14 => {
            format!("{y}-{mo}-{d}T{h}:{mi}:{s}Z")
        }
        _ => stamp.to_string(),
    }
}

/// One CSV cell: `None` is empty (a missing value to every reader).
fn csv_cells(e: &EventRow) -> [Option<String>; 30] {
    let num = |x: f64| Some(x.to_string());
    [
        Some(e.id.to_string()),
        Some(e.date.clone()).filter(|d| !d.is_empty()),
        e.date_precision.clone(),
        Some(e.event_type.clone()),
        e.mode.clone(),
        Some(e.context.join(";")).filter(|c| !c.is_empty()),
        Some(e.cameo.clone()),
        num(e.goldstein),
        Some(e.quad_class.to_string()),
        e.plover_score.and_then(num),
        e.actor_code.clone(),
        e.actor_name.clone(),
        e.actor_country.clone(),
        e.actor_sector.clone(),
        e.recipient_code.clone(),
        e.recipient_name.clone(),
        e.recipient_country.clone(),
        e.recipient_sector.clone(),
        e.location.clone(),
        e.location_country.clone(),
        Some(e.modality.clone()),
        num(e.confidence),
        Some(e.is_root.to_string()),
        Some(e.num_reports.to_string()),
        Some(e.num_documents.to_string()),
        Some(e.num_sources.to_string()),
        e.date_added.as_deref().map(iso_timestamp),
        Some(e.sentence.clone()),
        e.source_url.clone(),
        e.story_id.map(|s| s.to_string()),
    ]
}

/// Writes the CSV header line ([`CSV_COLUMNS`]).
pub fn write_csv_header(out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}", CSV_COLUMNS.join(","))
}

/// Writes events as CSV rows under [`write_csv_header`]: text fields
/// quoted (`"020"`), numbers and booleans bare, missing values empty.
pub fn write_csv_rows(events: &[EventRow], out: &mut dyn Write) -> std::io::Result<()> {
    let mut line = String::new();
    for e in events {
        line.clear();
        for (i, (cell, (_, ty))) in csv_cells(e).iter().zip(CSV_SCHEMA).enumerate() {
            if i > 0 {
                line.push(',');
            }
            match (cell, ty) {
                (None, _) => {}
                (Some(text), ColumnType::Text) => {
                    line.push('"');
                    line.push_str(&text.replace('"', "\"\""));
                    line.push('"');
                }
                (Some(value), _) => line.push_str(value),
            }
        }
        line.push('\n');
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

fn write_csv(
    store: &Store,
    filter: &EventFilter,
    out: &mut dyn Write,
) -> Result<usize, StoreError> {
    write_csv_header(out)?;
    let n = for_each_event(store, filter, |events| Ok(write_csv_rows(&events, out)?))?;
    out.flush()?;
    Ok(n)
}

/// The Arrow schema of the Parquet export: [`CSV_SCHEMA`]'s columns.
pub fn parquet_schema() -> Schema {
    let required = [
        "id",
        "event_type",
        "cameo",
        "goldstein",
        "quad_class",
        "modality",
        "confidence",
        "is_root",
        "num_reports",
        "num_documents",
        "num_sources",
        "sentence",
    ];
    Schema::new(
        CSV_SCHEMA
            .iter()
            .map(|(name, ty)| {
                let ty = match ty {
                    ColumnType::Text => DataType::Utf8,
                    ColumnType::Int => DataType::Int64,
                    ColumnType::Float => DataType::Float64,
                    ColumnType::Bool => DataType::Boolean,
                };
                Field::new(*name, ty, !required.contains(name))
            })
            .collect::<Vec<_>>(),
    )
}

fn batch(schema: &Arc<Schema>, events: &[EventRow]) -> Result<RecordBatch, StoreError> {
    // One array per column, from the CSV cells, typed by the schema.
    let rows: Vec<[Option<String>; 30]> = events.iter().map(csv_cells).collect();
    let columns: Vec<ArrayRef> = CSV_SCHEMA
        .iter()
        .enumerate()
        .map(|(i, (_, ty))| -> ArrayRef {
            let cells = rows.iter().map(|r| r[i].as_deref());
            match ty {
                ColumnType::Text => Arc::new(cells.collect::<StringArray>()),
                ColumnType::Int => {
                    Arc::new(cells.map(|c| c.and_then(|v| v.parse().ok())).collect::<Int64Array>())
                }
                ColumnType::Float => Arc::new(
                    cells.map(|c| c.and_then(|v| v.parse().ok())).collect::<Float64Array>(),
                ),
                ColumnType::Bool => {
                    Arc::new(cells.map(|c| c.map(|v| v == "true")).collect::<BooleanArray>())
                }
            }
        })
        .collect();
    RecordBatch::try_new(schema.clone(), columns)
        .map_err(|e| err(ExportFormat::Parquet)(e.to_string()))
}

fn write_parquet<W: Write + Send>(
    store: &Store,
    filter: &EventFilter,
    out: W,
) -> Result<usize, StoreError> {
    use parquet::arrow::ArrowWriter;
    use parquet::basic::Compression;
    use parquet::file::properties::WriterProperties;
    let e = err(ExportFormat::Parquet);
    let schema = Arc::new(parquet_schema());
    let props = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
    let mut writer =
        ArrowWriter::try_new(out, schema.clone(), Some(props)).map_err(|x| e(x.to_string()))?;
    let n = for_each_event(store, filter, |events| {
        let b = batch(&schema, &events)?;
        writer.write(&b).map_err(|x| e(x.to_string()))
    })?;
    writer.close().map_err(|x| e(x.to_string()))?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event() -> EventRow {
        EventRow {
            id: 7,
            date: "2024-07-02".into(),
            date_precision: Some("day".into()),
            event_type: "REQUEST".into(),
            mode: None,
            context: vec![],
            cameo: "020".into(),
            goldstein: crate::query::round(f64::from(-7.2_f32), 1),
            quad_class: 1,
            plover_score: None,
            actor_code: Some("USAGOV".into()),
            actor_name: Some("State Department, \"Foggy Bottom\"".into()),
            actor_country: Some("USA".into()),
            actor_sector: Some("GOV".into()),
            recipient_code: None,
            recipient_name: None,
            recipient_country: None,
            recipient_sector: None,
            location: None,
            location_country: None,
            modality: "asserted".into(),
            confidence: crate::query::round(f64::from(0.85_f32), 3),
            is_root: true,
            num_reports: 2,
            num_documents: 2,
            num_sources: 1,
            date_added: Some("20261207051122".into()),
            sentence: "It urged calm.".into(),
            source_url: None,
            story_id: Some(3),
        }
    }

    /// Codes are quoted text, floats carry no `f32` noise, missing values
    /// are empty, booleans and times are in forms readers parse.
    #[test]
    fn csv_rows_quote_text_and_round_numbers() {
        let mut out = Vec::new();
        write_csv_rows(&[event()], &mut out).expect("write");
        let line = String::from_utf8(out).expect("utf8");
        assert_eq!(
            line,
            "7,\"2024-07-02\",\"day\",\"REQUEST\",,,\"020\",-7.2,1,,\"USAGOV\",\
             \"State Department, \"\"Foggy Bottom\"\"\",\"USA\",\"GOV\",,,,,,,\"asserted\",0.85,true,\
             2,2,1,\"2026-12-07T05:11:22Z\",\"It urged calm.\",,3\n"
        );
    }

    #[test]
    fn gdelt_fields_come_from_the_event() {
        let row = gdelt_row(&event());
        let field = |name: &str| {
            let i = GDELT_COLUMNS.iter().position(|c| *c == name).expect("column");
            row[i].as_str()
        };
        assert_eq!(field("IsRootEvent"), "1");
        assert_eq!(field("EventCode"), "020");
        assert_eq!(field("EventRootCode"), "02");
        assert_eq!(field("GoldsteinScale"), "-7.2");
        assert_eq!(field("NumSources"), "1");
        assert_eq!(field("NumArticles"), "2");
        assert_eq!(field("DATEADDED"), "20261207051122");
        assert_eq!(field("Actor1CountryCode"), "USA");
    }
}
