//! One event, many reports: the merge rule.
//!
//! Every coded event in a sentence is stored as a *report*. Reports of the
//! same real-world event (one article's lead and its fifth paragraph, or
//! three outlets covering one summit) are merged into one *event*, so
//! counts are of events, not of articles.
//!
//! First, **reprints** ([`crate::copies`]): a report in a copy of an
//! article joins the report of the original with the same sentence words,
//! type, modality and trigger, whatever either's actor or date.
//!
//! The other reports are of the same event when all of these hold:
//!
//! 1. **Same actor**: both have an actor, and their codes agree
//!    ([`codes_compatible`]): the first six letters (country or group plus
//!    sector) are equal, or one is the general form of the other (`ARM`
//!    and `ARMGOV`; `RUSGOV` and `RUSGOVFOR` agree, `RUSGOV` and `RUSMIL`
//!    do not). A report **without an actor** joins the one event of its
//!    type, recipient, modality and date that it fits; when none or
//!    several fit (or it has no recipient either), it stands alone.
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
//! Reports are clustered per key (actor root, type, recipient root,
//! modality) in date order; a report joins the most recent cluster whose
//! every member it is compatible with, else starts a new one, so clusters
//! never chain across a long run of days. An event takes its id from its
//! smallest report id (stable across rebuilds), its date from its most
//! precise (then earliest) report, its codes and CAMEO code from the most
//! frequent among its reports, and counts its reports, documents and
//! outlets (see `rebuild`).

use std::collections::{BTreeMap, HashMap};

use crate::code_root;

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
pub(crate) type Period = (i64, i64, bool);

/// The first six letters of two codes agree, or one is the general form
/// of the other (`ARM` and `ARMGOV`: one outlet named the country, another
/// its government). `ARMGOV` and `ARMMIL` do not agree.
pub fn codes_compatible(a: &str, b: &str) -> bool {
    let (a, b) = (merge_code(a), merge_code(b));
    !a.is_empty() && !b.is_empty() && (a.starts_with(&b) || b.starts_with(&a))
}

/// A cluster of reports, summarised so that "compatible with every
/// member" is a few comparisons, not one per member. Stored with its
/// event (`events.merge_state`, without the ids), so a new report is
/// tested against an event without reading its reports.
#[derive(Default, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct Cluster {
    #[serde(skip)]
    ids: Vec<i64>,
    /// Earliest and latest day of its day-precision members.
    days: Option<(i64, i64)>,
    /// Latest start and earliest end of its coarser members' periods.
    periods: Option<(i64, i64)>,
    /// Distinct six-letter actor and recipient codes of its members.
    actors: Vec<String>,
    recipients: Vec<String>,
}

impl Cluster {
    /// Whether `p` is compatible (by [`dates_compatible`]) with every member.
    pub(crate) fn fits(&self, p: Period) -> bool {
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

    /// Whether a report with these codes agrees with every member's.
    pub(crate) fn agrees(&self, actor: Option<&str>, recipient: Option<&str>) -> bool {
        let all = |codes: &[String], code: Option<&str>| {
            code.is_none_or(|code| codes.iter().all(|c| codes_compatible(c, code)))
        };
        all(&self.actors, actor) && all(&self.recipients, recipient)
    }

    pub(crate) fn add(&mut self, p: Period, r: &MergeKeyed) {
        self.ids.push(r.id);
        if p.2 {
            self.days = Some(self.days.map_or((p.0, p.0), |(a, b)| (a.min(p.0), b.max(p.0))));
        } else {
            self.periods = Some(self.periods.map_or((p.0, p.1), |(a, b)| (a.max(p.0), b.min(p.1))));
        }
        for (codes, code) in [(&mut self.actors, &r.actor), (&mut self.recipients, &r.recipient)] {
            if let Some(code) = code.as_deref().map(merge_code) {
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
        }
    }
}

pub(crate) fn period_of(r: &MergeKeyed) -> Option<Period> {
    period(r.date.as_deref()?, r.precision.as_deref().unwrap_or("day"))
}

/// How many of the most recent clusters of a key a report is tested
/// against, and how many of those that agree on codes.
pub(crate) const RECENT_CLUSTERS: usize = 64;
const AGREEING_CLUSTERS: usize = 8;

/// Which of `recent` (the clusters of the report's key, most recent
/// first) a report with period `p` joins: among the first
/// [`RECENT_CLUSTERS`], the first of the eight that agree on codes which
/// it fits. Its position in `recent`, or `None` (a new cluster).
pub(crate) fn pick<'a>(
    recent: impl Iterator<Item = &'a Cluster>,
    p: Period,
    r: &MergeKeyed,
) -> Option<usize> {
    recent
        .take(RECENT_CLUSTERS)
        .enumerate()
        .filter(|(_, c)| c.agrees(r.actor.as_deref(), r.recipient.as_deref()))
        .take(AGREEING_CLUSTERS)
        .find(|(_, c)| c.fits(p))
        .map(|(k, _)| k)
}

/// Clusters reports by the merge rule; each cluster lists report ids in
/// ascending order, and clusters are sorted by their smallest id.
pub fn cluster_reports(reports: &[MergeKeyed]) -> Vec<Vec<i64>> {
    // (actor root, type, recipient root, modality): codes within a group
    // are then checked pairwise by `codes_compatible`.
    type Key = (String, String, Option<String>, String);
    let mut groups: BTreeMap<Key, Vec<(Period, &MergeKeyed)>> = BTreeMap::new();
    let mut actorless: Vec<(Period, &MergeKeyed)> = Vec::new();
    let mut out: Vec<Vec<i64>> = Vec::new();
    for r in reports {
        match (&r.actor, period_of(r)) {
            (Some(actor), Some(p)) => {
                let key = (
                    code_root(actor),
                    r.event_type.clone(),
                    r.recipient.as_deref().map(code_root),
                    r.modality.clone(),
                );
                groups.entry(key).or_default().push((p, r));
            }
            (None, Some(p)) if r.recipient.is_some() => actorless.push((p, r)),
            _ => out.push(vec![r.id]),
        }
    }
    // Clusters by (type, recipient root, modality), for the actorless.
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_target: HashMap<(String, Option<String>, String), Vec<usize>> = HashMap::new();
    for ((_, ty, recipient, modality), mut members) in groups {
        members.sort_by_key(|(p, r)| (p.0, r.id));
        let first = clusters.len();
        for (p, r) in members {
            // The most recent clusters only (members are in date order):
            // eight that agree on codes, among the last 64 of the root,
            // whose sectors' clusters interleave.
            let chosen = pick(clusters[first..].iter().rev(), p, r);
            match chosen {
                Some(k) => {
                    let last = clusters.len() - 1;
                    clusters[last - k].add(p, r);
                }
                None => {
                    let mut c = Cluster::default();
                    c.add(p, r);
                    clusters.push(c);
                }
            }
        }
        by_target.entry((ty, recipient, modality)).or_default().extend(first..clusters.len());
    }
    // A report without an actor ("the embassy was attacked") joins the one
    // event it fits of the same type, recipient and date; when none or
    // several fit, it stands alone rather than guess who acted.
    for (p, r) in actorless {
        let key = (r.event_type.clone(), r.recipient.as_deref().map(code_root), r.modality.clone());
        let fitting: Vec<usize> = by_target
            .get(&key)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&i| clusters[i].fits(p) && clusters[i].agrees(None, r.recipient.as_deref()))
            .collect();
        match fitting.as_slice() {
            [one] => clusters[*one].add(p, r),
            _ => out.push(vec![r.id]),
        }
    }
    out.extend(clusters.into_iter().map(|c| c.ids));
    for c in &mut out {
        c.sort_unstable();
    }
    out.sort_by_key(|c| c[0]);
    out
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
            r(2, "RUSGOVFOR", "REJECT", Some("UKRGOV"), "2024-07-04", "day"), // same 6-letter actor; UKR is UKRGOV's general form
            r(3, "RUSGOV", "REJECT", Some("UKR"), "2024-07-05", "day"),       // within 3 days of 1
            r(4, "RUSGOV", "REJECT", Some("UKR"), "2024-07-20", "day"),       // too late
            r(5, "RUSMIL", "REJECT", Some("UKR"), "2024-07-03", "day"),       // other sector
            r(6, "RUSGOV", "ACCUSE", Some("UKR"), "2024-07-03", "day"),       // other type
            r(7, "RUSGOV", "REJECT", None, "2024-07-03", "day"),              // no recipient
            r(8, "RUSGOV", "REJECT", None, "2024-07-01", "month"),            // month fits 7
            r(9, "", "REJECT", Some("UKR"), "2024-07-03", "day"), // no actor: RUSGOV and RUSMIL fit
            r(10, "", "ACCUSE", Some("UKR"), "2024-07-03", "day"), // no actor: only 6 fits
            r(11, "RUSGOV", "REJECT", Some("UKR"), "", "day"),    // no date: alone
        ];
        let mut negated = r(12, "RUSGOV", "REJECT", Some("UKR"), "2024-07-03", "day");
        negated.modality = "negated".to_string();
        let mut all = reports;
        all.push(negated);
        let clusters = cluster_reports(&all);
        let expect: Vec<Vec<i64>> = vec![
            vec![1, 2, 3],
            vec![4],
            vec![5],
            vec![6, 10],
            vec![7, 8],
            vec![9],
            vec![11],
            vec![12],
        ];
        assert_eq!(clusters, expect);
    }

    /// One outlet names the country, another its government: one event.
    /// A general code joins one specific form (the most recent cluster it
    /// fits), never a cluster holding two conflicting ones.
    #[test]
    fn general_and_specific_codes_merge() {
        let reports = vec![
            r(1, "ARMGOV", "ACCUSE", Some("AZE"), "2024-07-03", "day"),
            r(2, "ARM", "ACCUSE", Some("AZEMIL"), "2024-07-03", "day"),
            r(3, "ARMMIL", "ACCUSE", Some("AZE"), "2024-07-03", "day"),
            r(4, "ARM", "ACCUSE", Some("AZE"), "2024-07-04", "day"),
        ];
        assert_eq!(cluster_reports(&reports), vec![vec![1, 2], vec![3, 4]]);
        assert!(codes_compatible("ARM", "ARMGOV"));
        assert!(codes_compatible("RUSGOVFOR", "RUSGOV"));
        assert!(!codes_compatible("ARMGOV", "ARMMIL"));
        assert!(!codes_compatible("ARM", "AZE"));
        assert!(!codes_compatible("", "ARM"));
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
