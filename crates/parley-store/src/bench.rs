//! Synthetic data and query-latency measurement for `parley bench`.

use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::db::{Backend, Dialect, Val};
use crate::merge::iso_from_days;
use crate::model::EventFilter;
use crate::{Store, StoreError};

const COUNTRIES: &[&str] = &[
    "RUS", "UKR", "USA", "CHN", "DEU", "FRA", "GBR", "TUR", "IRN", "ISR", "PSE", "SYR", "IND",
    "PAK", "JPN", "KOR", "PRK", "BRA", "MEX", "ZAF", "NGA", "EGY", "SAU", "ARE", "QAT", "KEN",
    "ETH", "SDN", "POL", "BLR", "GEO", "ARM", "AZE", "CHE", "ITA", "ESP", "VEN", "COL", "AFG",
    "IRQ",
];
const SECTORS: &[&str] = &["", "GOV", "MIL", "OPP", "CVL", "BUS", "MED", "JUD"];
const TYPES: &[&str] = &[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// A small deterministic generator (xorshift64*), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Skewed pick: the first items come up far more often, as in news.
    fn skewed(&mut self, n: usize) -> usize {
        let a = self.below(n);
        let b = self.below(n);
        a.min(b)
    }
}

/// Adds `n_events` synthetic merged events (no documents or reports) to the
/// store, for measuring queries: 40 countries (skewed, as news is), 8
/// sectors, 16 types, dates over 2020-2024, ids after the largest present.
/// `rebuild_stories` deletes them again (it rebuilds events from reports),
/// so use a store of its own. Returns the number added.
pub fn generate_synthetic(store: &mut Store, n_events: usize) -> Result<usize, StoreError> {
    store.with_db_mut(|db| generate(db, n_events))
}

fn generate(db: &mut Backend, n_events: usize) -> Result<usize, StoreError> {
    const COLS: usize = 20;
    const ROWS_PER_INSERT: usize = 200;
    let start = db.scalar("SELECT COALESCE(MAX(id), 0) FROM events", &[])? + 1;
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ start as u64);
    let first_day = crate::merge::days_from_civil(2020, 1, 1);
    let code = |rng: &mut Rng| {
        let c = COUNTRIES[rng.skewed(COUNTRIES.len())];
        format!("{c}{}", SECTORS[rng.below(SECTORS.len())])
    };
    let mut done = 0;
    while done < n_events {
        db.transaction(|tx| {
            let chunk_end = (done + 20_000).min(n_events);
            while done < chunk_end {
                let rows = ROWS_PER_INSERT.min(chunk_end - done);
                let mut sql = String::from(
                    "INSERT INTO events (id, event_type, context, cameo, goldstein, quad_class, actor_code, actor_root, \
                     recipient_code, recipient_root, date, date_precision, modality, confidence, num_reports, num_documents, \
                     num_sources, first_document_id, sentence, story_id) VALUES ",
                );
                let mut params = Vec::with_capacity(rows * COLS);
                for i in 0..rows {
                    if i > 0 {
                        sql.push_str(", ");
                    }
                    sql.push('(');
                    sql.push_str(&vec!["?"; COLS].join(", "));
                    sql.push(')');
                    let t = rng.below(TYPES.len());
                    let actor = code(&mut rng);
                    let recipient = code(&mut rng);
                    let date = iso_from_days(first_day + rng.below(5 * 365) as i64);
                    let quad = [1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4][t];
                    let reports = 1 + rng.skewed(6);
                    params.extend([
                        Val::Int(start + (done + i) as i64),
                        Val::from(TYPES[t]),
                        Val::from("[]"),
                        Val::from(format!("{:02}0", t + 1)),
                        Val::Real(if quad <= 2 { 3.0 } else { -5.0 }),
                        Val::Int(quad),
                        Val::from(actor.clone()),
                        Val::from(&actor[..3]),
                        Val::from(recipient.clone()),
                        Val::from(&recipient[..3]),
                        Val::from(date),
                        Val::from("day"),
                        Val::from("asserted"),
                        Val::Real(0.8),
                        Val::from(reports),
                        Val::from(reports),
                        Val::from(1 + rng.below(reports)),
                        Val::Null,
                        Val::from(format!("{actor} {} {recipient} (synthetic)", TYPES[t].to_lowercase())),
                        Val::Int(1 + rng.below(500) as i64),
                    ]);
                }
                tx.exec(&sql, &params)?;
                done += rows;
            }
            Ok(())
        })?;
    }
    let analyze = match db.dialect() {
        Dialect::Sqlite => "ANALYZE",
        Dialect::Postgres => "ANALYZE events",
    };
    db.batch(analyze)?;
    Ok(n_events)
}

/// Latency of filtered event queries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueryLatency {
    /// Queries run.
    pub queries: usize,
    /// Median, milliseconds.
    pub p50_ms: f64,
    /// 90th percentile, milliseconds.
    pub p90_ms: f64,
    /// 99th percentile, milliseconds.
    pub p99_ms: f64,
    /// Slowest, milliseconds.
    pub max_ms: f64,
    /// Mean events returned per query.
    pub mean_rows: f64,
}

/// Runs `n_queries` filtered event queries (first page of 50), a mix of
/// actor, recipient, dyad, type and date-range filters (roots and full
/// codes, up to actor+recipient+type+since) drawn as in
/// [`generate_synthetic`], and reports latency percentiles. Each query
/// is timed end to end through [`Store::events`], rows decoded.
pub fn bench_event_queries(store: &Store, n_queries: usize) -> Result<QueryLatency, StoreError> {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let first_day = crate::merge::days_from_civil(2020, 1, 1);
    let mut times = Vec::with_capacity(n_queries);
    let mut rows = 0usize;
    for q in 0..n_queries {
        let country = |rng: &mut Rng| COUNTRIES[rng.skewed(COUNTRIES.len())].to_string();
        let since_day = first_day + rng.below(4 * 365) as i64;
        let mut f = EventFilter { limit: Some(50), ..EventFilter::default() };
        match q % 7 {
            0 => f.actor = Some(country(&mut rng)),
            1 => {
                f.actor = Some(country(&mut rng));
                f.recipient = Some(country(&mut rng));
            }
            2 => {
                f.event_type = Some(TYPES[rng.below(TYPES.len())].to_string());
                f.since = Some(iso_from_days(since_day));
            }
            3 => {
                f.actor = Some(country(&mut rng));
                f.event_type = Some(TYPES[rng.below(TYPES.len())].to_string());
                f.since = Some(iso_from_days(since_day));
                f.until = Some(iso_from_days(since_day + 180));
            }
            4 => {
                f.actor = Some(format!("{}GOV", country(&mut rng)));
                f.recipient = Some(country(&mut rng));
                f.event_type = Some(TYPES[rng.below(TYPES.len())].to_string());
            }
            5 => {
                f.actor = Some(country(&mut rng));
                f.recipient = Some(format!("{}GOV", country(&mut rng)));
                f.event_type = Some(TYPES[rng.below(TYPES.len())].to_string());
                f.since = Some(iso_from_days(since_day));
            }
            _ => {
                f.recipient = Some(country(&mut rng));
                f.since = Some(iso_from_days(since_day));
            }
        }
        let t = Instant::now();
        let page = store.events(&f)?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        rows += page.events.len();
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| -> f64 {
        if times.is_empty() {
            return 0.0;
        }
        let idx = ((p * times.len() as f64).ceil() as usize).clamp(1, times.len()) - 1;
        times[idx]
    };
    Ok(QueryLatency {
        queries: n_queries,
        p50_ms: pct(0.50),
        p90_ms: pct(0.90),
        p99_ms: pct(0.99),
        max_ms: times.last().copied().unwrap_or(0.0),
        mean_rows: if n_queries == 0 { 0.0 } else { rows as f64 / n_queries as f64 },
    })
}
