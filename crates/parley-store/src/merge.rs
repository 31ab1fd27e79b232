//! One event, many reports: the merge rule.
//!
//! Every coded event in a sentence is stored as a *report*. Reports of the
//! same real-world event (one article's lead and its fifth paragraph, or
//! three outlets covering one summit) are merged into one *event*, so
//! counts are of events, not of articles. Two reports are of the same
//! event when all of these hold:
//!
//! 1. **Same actor**: both have an actor, and their codes agree on the
//!    first six letters (country or group plus sector: `RUSGOV` and
//!    `RUSGOVFOR` agree, `RUSGOV` and `RUSMIL` do not). Reports without an
//!    actor are never merged.
//! 2. **Same PLOVER type** and **same modality** (a denial is not the
//!    event it denies).
//! 3. **Same recipient**, compared as the actor is, or both without one.
//! 4. **Compatible dates** (a report without its own date takes its
//!    document's publication date, at day precision; one with no date at
//!    all is never merged):
//!    - both at day precision: at most [`DAY_SLACK`] days apart (outlets
//!      in other time zones, "yesterday" resolved against a later
//!      publication date);
//!    - otherwise the periods overlap (a week, a month, a year; a day
//!      widened by one day on each side): `2024-07-03` (day) fits
//!      `2024-07` (month), `2024-06` and `2024-07` (months) do not.
//!
//! Reports are clustered per key (actor, type, recipient, modality) in
//! date order; a report joins the most recent cluster whose every member
//! it is compatible with, else starts a new one, so clusters never chain
//! across a long run of days. An event takes its id from its smallest
//! report id (stable across rebuilds), its date from its most precise
//! (then earliest) report, its codes and CAMEO code from the most frequent
//! among its reports, and counts its reports, documents and outlets.

use std::collections::{BTreeMap, HashMap};

use crate::db::{Backend, Val};
use crate::{code_root, StoreError};

/// Days two day-precision reports may lie apart and still be one event.
pub const DAY_SLACK: i64 = 3;

/// What the merge rule reads of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeKeyed {
    /// Report id.
    pub id: i64,
    /// Actor code.
    pub actor: Option<String>,
    /// Recipient code.
    pub recipient: Option<String>,
    /// PLOVER type.
    pub event_type: String,
    /// Modality.
    pub modality: String,
    /// Event date `YYYY-MM-DD` (already defaulted to the document date).
    pub date: Option<String>,
    /// `day`, `week`, `month` or `year`.
    pub precision: Option<String>,
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (`None` if malformed).
pub fn days_from_iso(date: &str) -> Option<i64> {
    let mut parts = date.get(..10)?.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// Howard Hinnant's `days_from_civil`.
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `YYYY-MM-DD` of a day count (inverse of [`days_from_iso`]).
pub fn iso_from_days(z: i64) -> String {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn days_in_month(y: i64, m: i64) -> i64 {
    let next = if m == 12 { days_from_civil(y + 1, 1, 1) } else { days_from_civil(y, m + 1, 1) };
    next - days_from_civil(y, m, 1)
}

/// The period a dated report covers, in days (inclusive), and whether it is a single day.
pub fn period(date: &str, precision: &str) -> Option<(i64, i64, bool)> {
    let day = days_from_iso(date)?;
    let y: i64 = date.get(..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    Some(match precision {
        "week" => (day, day + 6, false),
        "month" => {
            let first = days_from_civil(y, m, 1);
            (first, first + days_in_month(y, m) - 1, false)
        }
        "year" => (days_from_civil(y, 1, 1), days_from_civil(y, 12, 31), false),
        _ => (day, day, true),
    })
}

/// Whether two dated reports may be of the same event (rule 4).
pub fn dates_compatible(a: (&str, &str), b: (&str, &str)) -> bool {
    let (Some(pa), Some(pb)) = (period(a.0, a.1), period(b.0, b.1)) else {
        return false;
    };
    if pa.2 && pb.2 {
        return (pa.0 - pb.0).abs() <= DAY_SLACK;
    }
    let widen = |p: (i64, i64, bool)| if p.2 { (p.0 - 1, p.1 + 1) } else { (p.0, p.1) };
    let (a0, a1) = widen(pa);
    let (b0, b1) = widen(pb);
    a0 <= b1 && b0 <= a1
}

/// The first six letters of a code (country or group, then sector).
pub fn merge_code(code: &str) -> String {
    code.chars().take(6).collect()
}

/// A period in days (first, last, whether a single day), as [`period`] gives.
type Period = (i64, i64, bool);

/// A cluster of reports, summarised so that "compatible with every
/// member" is four comparisons, not one per member.
#[derive(Default)]
struct Cluster {
    ids: Vec<i64>,
    /// Earliest and latest day of its day-precision members.
    days: Option<(i64, i64)>,
    /// Latest start and earliest end of its coarser members' periods.
    periods: Option<(i64, i64)>,
}

impl Cluster {
    /// Whether `p` is compatible (by [`dates_compatible`]) with every member.
    fn fits(&self, p: Period) -> bool {
        let (lo, hi, day) = p;
        let with_days = self.days.is_none_or(|(min, max)| {
            if day {
                lo - min <= DAY_SLACK && max - lo <= DAY_SLACK
            } else {
                max - 1 <= hi && lo <= min + 1
            }
        });
        let with_periods = self.periods.is_none_or(|(max_lo, min_hi)| {
            let (lo, hi) = if day { (lo - 1, hi + 1) } else { (lo, hi) };
            lo <= min_hi && max_lo <= hi
        });
        with_days && with_periods
    }

    fn add(&mut self, p: Period, id: i64) {
        self.ids.push(id);
        if p.2 {
            self.days = Some(self.days.map_or((p.0, p.0), |(a, b)| (a.min(p.0), b.max(p.0))));
        } else {
            self.periods = Some(self.periods.map_or((p.0, p.1), |(a, b)| (a.max(p.0), b.min(p.1))));
        }
    }
}

/// Clusters reports by the merge rule; each cluster lists report ids in
/// ascending order, and clusters are sorted by their smallest id.
pub fn cluster_reports(reports: &[MergeKeyed]) -> Vec<Vec<i64>> {
    type Key = (String, String, Option<String>, String);
    let mut groups: BTreeMap<Key, Vec<&MergeKeyed>> = BTreeMap::new();
    let mut out: Vec<Vec<i64>> = Vec::new();
    for r in reports {
        let dated =
            r.date.as_deref().and_then(|d| period(d, r.precision.as_deref().unwrap_or("day")));
        match (&r.actor, dated) {
            (Some(actor), Some(_)) => {
                let key = (
                    merge_code(actor),
                    r.event_type.clone(),
                    r.recipient.as_deref().map(merge_code),
                    r.modality.clone(),
                );
                groups.entry(key).or_default().push(r);
            }
            _ => out.push(vec![r.id]),
        }
    }
    for (_, members) in groups {
        let mut dated: Vec<(Period, i64)> = members
            .iter()
            .filter_map(|r| {
                let p = period(r.date.as_deref()?, r.precision.as_deref().unwrap_or("day"))?;
                Some((p, r.id))
            })
            .collect();
        dated.sort_by_key(|(p, id)| (p.0, *id));
        let mut clusters: Vec<Cluster> = Vec::new();
        for (p, id) in dated {
            // The most recent clusters only: members are in date order.
            match clusters.iter_mut().rev().take(8).find(|c| c.fits(p)) {
                Some(c) => c.add(p, id),
                None => {
                    let mut c = Cluster::default();
                    c.add(p, id);
                    clusters.push(c);
                }
            }
        }
        out.extend(clusters.into_iter().map(|c| c.ids));
    }
    for c in &mut out {
        c.sort_unstable();
    }
    out.sort_by_key(|c| c[0]);
    out
}

/// Picks a (code, name) pair of a report.
type PickName = dyn Fn(&Loaded) -> (Option<&str>, Option<&str>);

/// A report as loaded for merging.
struct Loaded {
    keyed: MergeKeyed,
    document_id: i64,
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
    sentence: String,
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

/// Rebuilds the `events` table from `reports` (inside the caller's transaction).
pub(crate) fn rebuild_events(db: &mut Backend) -> Result<usize, StoreError> {
    db.exec("UPDATE reports SET event_id = NULL", &[])?;
    db.exec("DELETE FROM events", &[])?;
    let rows = db.query(
        "SELECT r.id, r.actor_code, r.recipient_code, r.event_type, r.modality, \
                COALESCE(r.date, d.date), CASE WHEN r.date IS NULL THEN 'day' ELSE r.date_precision END, \
                r.document_id, d.source, d.url, r.mode, r.context, r.cameo, r.goldstein, r.quad_class, r.plover_score, \
                r.actor_name, r.recipient_name, r.location_name, r.location_country, r.confidence, s.text \
         FROM reports r JOIN documents d ON d.id = r.document_id \
         LEFT JOIN sentences s ON s.document_id = r.document_id AND s.idx = r.sentence_idx \
         ORDER BY r.id",
        &[],
    )?;
    let loaded: Vec<Loaded> = rows
        .into_iter()
        .map(|r| Loaded {
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
            sentence: r.str(21),
        })
        .collect();
    let keyed: Vec<MergeKeyed> = loaded.iter().map(|l| l.keyed.clone()).collect();
    let by_id: HashMap<i64, &Loaded> = loaded.iter().map(|l| (l.keyed.id, l)).collect();
    let clusters = cluster_reports(&keyed);
    for ids in &clusters {
        let members: Vec<&Loaded> = ids.iter().filter_map(|id| by_id.get(id).copied()).collect();
        let Some(first) = members.first() else { continue };
        let dated = members.iter().filter(|m| m.keyed.date.is_some()).min_by_key(|m| {
            (precision_rank(m.keyed.precision.as_deref()), m.keyed.date.clone(), m.keyed.id)
        });
        let (date, precision) = match dated {
            Some(m) => (m.keyed.date.clone().unwrap_or_default(), m.keyed.precision.clone()),
            None => (String::new(), None),
        };
        let actor_code = most_frequent(members.iter().map(|m| m.keyed.actor.as_deref()));
        let recipient_code = most_frequent(members.iter().map(|m| m.keyed.recipient.as_deref()));
        let cameo =
            most_frequent(members.iter().map(|m| Some(m.cameo.as_str()))).unwrap_or_default();
        let with_cameo = members.iter().find(|m| m.cameo == cameo).unwrap_or(first);
        let name_of = |code: &Option<String>, pick: &PickName| {
            members.iter().find_map(|m| {
                let (c, n) = pick(m);
                (c == code.as_deref()).then_some(n).flatten().map(str::to_string)
            })
        };
        let actor_name =
            name_of(&actor_code, &|m| (m.keyed.actor.as_deref(), m.actor_name.as_deref()));
        let recipient_name = name_of(&recipient_code, &|m| {
            (m.keyed.recipient.as_deref(), m.recipient_name.as_deref())
        });
        let location = members.iter().find(|m| m.location_name.is_some());
        let mut docs: Vec<i64> = members.iter().map(|m| m.document_id).collect();
        docs.sort_unstable();
        docs.dedup();
        let mut sources: Vec<&str> = members.iter().filter_map(|m| m.source.as_deref()).collect();
        sources.sort_unstable();
        sources.dedup();
        let confidence = members.iter().map(|m| m.confidence).fold(0.0, f64::max);
        db.exec(
            "INSERT INTO events (id, event_type, mode, context, cameo, goldstein, quad_class, plover_score, \
             actor_code, actor_root, actor_name, recipient_code, recipient_root, recipient_name, date, date_precision, \
             location_name, location_country, modality, confidence, num_reports, num_documents, num_sources, \
             first_document_id, sentence, source_url, story_id) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
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
                Val::from(actor_name),
                Val::from(recipient_code.clone()),
                Val::from(recipient_code.as_deref().map(code_root)),
                Val::from(recipient_name),
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
            ],
        )?;
        for id in ids {
            db.exec(
                "UPDATE reports SET event_id = ? WHERE id = ?",
                &[Val::Int(first.keyed.id), Val::Int(*id)],
            )?;
        }
    }
    tracing::info!(reports = loaded.len(), events = clusters.len(), "merged reports into events");
    Ok(clusters.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(
        id: i64,
        actor: &str,
        ty: &str,
        recipient: Option<&str>,
        date: &str,
        precision: &str,
    ) -> MergeKeyed {
        MergeKeyed {
            id,
            actor: (!actor.is_empty()).then(|| actor.to_string()),
            recipient: recipient.map(str::to_string),
            event_type: ty.to_string(),
            modality: "asserted".to_string(),
            date: (!date.is_empty()).then(|| date.to_string()),
            precision: Some(precision.to_string()),
        }
    }

    #[test]
    fn dates_round_trip() {
        for d in ["1970-01-01", "2024-02-29", "2024-07-03", "1999-12-31"] {
            assert_eq!(iso_from_days(days_from_iso(d).expect("valid")), d);
        }
        assert_eq!(days_from_iso("1970-01-02"), Some(1));
        assert_eq!(days_from_iso("2024-13-01"), None);
    }

    #[test]
    fn date_compatibility_table() {
        let cases = [
            (("2024-07-03", "day"), ("2024-07-03", "day"), true),
            (("2024-07-03", "day"), ("2024-07-06", "day"), true),
            (("2024-07-03", "day"), ("2024-07-07", "day"), false),
            (("2024-07-03", "day"), ("2024-07-01", "month"), true),
            (("2024-07-31", "day"), ("2024-07-01", "month"), true),
            (("2024-08-02", "day"), ("2024-07-01", "month"), false),
            (("2024-06-01", "month"), ("2024-07-01", "month"), false),
            (("2024-07-15", "month"), ("2024-07-01", "month"), true),
            (("2024-07-08", "week"), ("2024-07-14", "day"), true),
            (("2024-07-08", "week"), ("2024-07-16", "day"), false),
            (("2024-03-08", "year"), ("2024-11-16", "day"), true),
            (("2023-12-31", "day"), ("2024-01-01", "year"), true),
            (("", "day"), ("2024-01-01", "day"), false),
        ];
        for (a, b, want) in cases {
            assert_eq!(dates_compatible(a, b), want, "{a:?} vs {b:?}");
            assert_eq!(dates_compatible(b, a), want, "{b:?} vs {a:?} (symmetry)");
        }
    }

    #[test]
    fn merge_rule_table() {
        let reports = vec![
            r(1, "RUSGOV", "REJECT", Some("UKR"), "2024-07-03", "day"),
            r(2, "RUSGOVFOR", "REJECT", Some("UKRGOV"), "2024-07-04", "day"), // same 6-letter actor, same recipient root+sector? UKR vs UKRGOV differ
            r(3, "RUSGOV", "REJECT", Some("UKR"), "2024-07-05", "day"),       // within 3 days of 1
            r(4, "RUSGOV", "REJECT", Some("UKR"), "2024-07-20", "day"),       // too late
            r(5, "RUSMIL", "REJECT", Some("UKR"), "2024-07-03", "day"),       // other sector
            r(6, "RUSGOV", "ACCUSE", Some("UKR"), "2024-07-03", "day"),       // other type
            r(7, "RUSGOV", "REJECT", None, "2024-07-03", "day"),              // no recipient
            r(8, "RUSGOV", "REJECT", None, "2024-07-01", "month"),            // month fits 7
            r(9, "", "REJECT", Some("UKR"), "2024-07-03", "day"),             // no actor: alone
            r(10, "", "REJECT", Some("UKR"), "2024-07-03", "day"),            // no actor: alone
            r(11, "RUSGOV", "REJECT", Some("UKR"), "", "day"),                // no date: alone
        ];
        let mut negated = r(12, "RUSGOV", "REJECT", Some("UKR"), "2024-07-03", "day");
        negated.modality = "negated".to_string();
        let mut all = reports;
        all.push(negated);
        let clusters = cluster_reports(&all);
        let expect: Vec<Vec<i64>> = vec![
            vec![1, 3],
            vec![2],
            vec![4],
            vec![5],
            vec![6],
            vec![7, 8],
            vec![9],
            vec![10],
            vec![11],
            vec![12],
        ];
        assert_eq!(clusters, expect);
    }

    #[test]
    fn clusters_do_not_chain() {
        // 1, 4, 7, 10 July: each within 3 days of the next, but one event may not span 9 days.
        let reports: Vec<MergeKeyed> = [1, 4, 7, 10]
            .iter()
            .enumerate()
            .map(|(i, d)| {
                r(i as i64 + 1, "USAGOV", "CONSULT", Some("CHN"), &format!("2024-07-{d:02}"), "day")
            })
            .collect();
        assert_eq!(cluster_reports(&reports), vec![vec![1, 2], vec![3, 4]]);
    }
}
