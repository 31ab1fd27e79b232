//! The date of an event: a date expression of its own clause, else the
//! document date for an act told as done.

use chrono::Datelike;
use parley_doc::{DatePrecision, EventDate, Upos};

use crate::attribution;
use crate::dates::DateExpr;
use crate::modality::Reading;
use crate::sent::Sent;

use super::clauses::own_circumstance;
use super::{DocCtx, EventCoder};

impl EventCoder {
    pub(super) fn date_for(
        &self,
        s: &Sent<'_>,
        ctx: &DocCtx<'_>,
        pred: usize,
        reading: &Reading,
        exprs: &[DateExpr],
    ) -> Option<EventDate> {
        let span_of = |e: &DateExpr| s.span(e.first).cover(s.span(e.end - 1));
        let distance = |e: &&DateExpr| {
            if e.first > pred {
                e.first - pred
            } else {
                pred.saturating_sub(e.end)
            }
        };
        // "after last year's coup": a date that is a noun's possessor dates
        // that noun, not the act.
        // "since 2019", "until June" bound a state that lasts, not an act.
        // A date after the document's does not date an act told in the
        // past: "invited Zelensky to visit next month" was invited already.
        let past = !reading.future && matches!(s.xpos(pred), Some("VBD" | "VBN"));
        let usable = |e: &&DateExpr| {
            !(e.first..e.end).any(|i| s.rel[i] == "nmod:poss")
                && !matches!(s.lower[e.first].as_str(), "since" | "until")
                && (!past || ctx.doc_date.is_none_or(|d| e.value <= d))
        };
        // "pledged to sign an agreement by Nov. 1": a deadline bounds the
        // act still to come in its own clause, never a pledge, demand or
        // past act that governs it.
        let deadline_ok = |e: &&DateExpr| {
            s.lower[e.first] != "by"
                || (reading.future
                    && (!s.parsed || (e.first..e.end).any(|i| s.head[i] == Some(pred))))
        };
        let usable = |e: &&DateExpr| usable(e) && deadline_ok(e);
        let attached =
            exprs.iter().filter(usable).find(|e| (e.first..e.end).any(|i| s.head[i] == Some(pred)));
        // With a parse, a date from a clause that reports an act of its own
        // ("..., and ECOWAS lifted its sanctions in February") is that
        // clause's; a date of the speech verb ("..., X said on Monday")
        // still dates what was said.
        let clause_verb = |i: usize| {
            let mut cur = i;
            for _ in 0..s.n {
                let h = s.head[cur]?;
                if h == pred || matches!(s.upos(h), Some(Upos::VERB)) {
                    return Some(h);
                }
                cur = h;
            }
            None
        };
        let nearest = exprs
            .iter()
            .filter(usable)
            .filter(|e| {
                let Some(v) = clause_verb(e.first).filter(|&v| v != pred && s.parsed) else {
                    return true;
                };
                let own_subject = s.children[v].iter().any(|&c| s.base(c) == "nsubj");
                // "The junta, which seized power in July, accused France":
                // a relative clause dates what it tells of its noun (a
                // speech verb parsed as one, ", officials said on
                // Monday.", still dates what was said).
                // A clause set beside the trigger with a subject of its
                // own ("..., the second city they have taken this year")
                // has its own date.
                !(own_circumstance(s, v)
                    || (s.base(v) == "conj" && own_subject)
                    || (s.rel[v] == "acl:relcl" && !attribution::is_speech(&s.lemma[v]))
                    || (s.base(v) == "parataxis"
                        && own_subject
                        && !attribution::is_speech(&s.lemma[v])))
            })
            .min_by_key(distance);
        if let Some(e) = attached.or(nearest) {
            // Bare months and weekdays are read in the past of the document
            // date; an act still to come ("will complete the withdrawal by
            // September", "will meet on Thursday") means the next one. (A
            // date of the speech verb, "said on Tuesday that it will ...",
            // stays in the past.)
            let mut value = e.value;
            let own_clause = !s.parsed || clause_verb(e.first) == Some(pred);
            if let Some(doc) = ctx.doc_date.filter(|d| reading.future && own_clause && value < *d) {
                value = match e.rule {
                    "month" | "month-day" | "early-month" | "mid-month" | "late-month" => {
                        value.with_year(value.year() + 1).unwrap_or(value)
                    }
                    "weekday-past" => value + chrono::Duration::days(7),
                    _ => value,
                };
                if value < doc {
                    value = e.value;
                }
            }
            return Some(EventDate {
                value: value.format("%Y-%m-%d").to_string(),
                precision: e.precision,
                span: Some(span_of(e)),
                rule: e.rule.to_string(),
            });
        }
        let doc_date = ctx.doc_date?;
        if reading.future {
            return None;
        }
        let tag_ok = match s.xpos(pred) {
            Some(x) => {
                matches!(x, "VBD" | "VBN" | "VBZ" | "VBP" | "VBG" | "NN" | "NNS" | "JJ" | "VB")
            }
            None => true,
        };
        tag_ok.then(|| EventDate {
            value: doc_date.format("%Y-%m-%d").to_string(),
            precision: DatePrecision::Day,
            span: None,
            rule: "document-date".into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use parley_doc::{DatePrecision, EventType, Modality};

    use crate::testutil::{check, coder, parsed};

    #[test]
    fn a_relative_clause_dates_only_itself() {
        let events = check(
            "Russia/PROPN/Russia/9/nsubj ,/PUNCT/,/4/punct which/PRON/which/4/nsubj invaded/VERB/invade/1/acl:relcl Ukraine/PROPN/Ukraine/4/obj in/ADP/in/7/case 2022/NUM/2022/4/obl ,/PUNCT/,/4/punct accused/VERB/accuse/0/root Germany/PROPN/Germany/9/obj",
            &[("ASSAULT", "RUS", "UKR", Modality::Asserted), ("ACCUSE", "RUS", "DEU", Modality::Asserted)],
        );
        let rule = |i: usize| events[i].date.as_ref().map(|d| d.rule.as_str());
        assert_eq!((rule(0), rule(1)), (Some("year"), Some("document-date")));
    }

    #[test]
    fn a_later_date_and_a_clause_beside_the_trigger_do_not_date_a_past_act() {
        // "Scholz invited Zelenskyy to visit Berlin next month": invited already.
        let events = check(
            "Scholz/PROPN/Scholz/2/nsubj invited/VERB/invite/0/root/VBD Zelenskyy/PROPN/Zelenskyy/2/obj to/PART/to/5/mark visit/VERB/visit/2/xcomp Berlin/PROPN/Berlin/5/obj next/ADJ/next/8/amod month/NOUN/month/5/obl:tmod",
            &[("CONSULT", "DEUGOV", "UKRGOV", Modality::Asserted)],
        );
        assert_eq!(events[0].date.as_ref().map(|d| d.rule.as_str()), Some("document-date"));
        // "Russia seized the city, the second one they have taken this year".
        let events = check(
            "Russia/PROPN/Russia/2/nsubj seized/VERB/seize/0/root the/DET/the/5/det Ukrainian/ADJ/Ukrainian/5/amod city/NOUN/city/2/obj ,/PUNCT/,/11/punct the/DET/the/9/det second/ADJ/second/9/amod one/NOUN/one/11/obl they/PRON/they/11/nsubj taken/VERB/take/2/parataxis this/DET/this/13/det year/NOUN/year/11/obl:tmod",
            &[("COERCE", "RUS", "UKR", Modality::Asserted)],
        );
        assert_eq!(events[0].date.as_ref().map(|d| d.rule.as_str()), Some("document-date"));
    }

    #[test]
    fn a_bound_of_a_lasting_state_does_not_date_the_act() {
        let events = check(
            "Russia/PROPN/Russia/2/nsubj agreed/VERB/agree/0/root to/PART/to/4/mark resume/VERB/resume/2/xcomp talks/NOUN/talk/4/obj ,/PUNCT/,/7/punct suspended/VERB/suspend/5/acl since/ADP/since/9/case 2019/NUM/2019/7/obl with/ADP/with/11/case Ukraine/PROPN/Ukraine/4/obl",
            &[("AGREE", "RUS", "UKR", Modality::Asserted)],
        );
        assert_eq!(events[0].date.as_ref().map(|d| d.rule.as_str()), Some("document-date"));
    }

    #[test]
    fn a_deadline_dates_only_the_act_to_come_in_its_own_clause() {
        let date = |spec: &str| {
            let doc = parsed(spec, "2025-03-04");
            let events = coder().code(&doc);
            events[0].date.as_ref().map(|d| (d.value.clone(), d.rule.clone()))
        };
        // The pledge was made already; November is the signing's deadline.
        let pledged = date("Germany/PROPN/Germany/2/nsubj pledged/VERB/pledge/0/root to/PART/to/4/mark sign/VERB/sign/2/xcomp peace/NOUN/peace/6/compound agreement/NOUN/agreement/4/obj by/ADP/by/8/case November/PROPN/November/4/obl");
        assert_eq!(pledged.map(|d| d.1).as_deref(), Some("document-date"));
        // An act still to come takes its deadline, in the year ahead.
        let withdraw = date("Russia/PROPN/Russia/3/nsubj will/AUX/will/3/aux withdraw/VERB/withdraw/0/root troops/NOUN/troop/3/obj by/ADP/by/6/case November/PROPN/November/3/obl");
        assert_eq!(withdraw.map(|d| d.0).as_deref(), Some("2025-11-01"));
    }

    #[test]
    fn a_date_belongs_to_its_own_clause_and_not_to_a_possessed_noun() {
        let doc = parsed(
            "Germany/PROPN/Germany/2/nsubj suspended/VERB/suspend/0/root aid/NOUN/aid/2/obj after/ADP/after/8/case last/ADJ/last/6/amod year/NOUN/year/8/nmod:poss 's/PART/'s/6/case coup/NOUN/coup/2/obl and/CCONJ/and/11/cc Russia/PROPN/Russia/11/nsubj lifted/VERB/lift/2/conj sanctions/NOUN/sanction/11/obj in/ADP/in/14/case February/PROPN/February/11/obl",
            "2024-07-18",
        );
        let events = coder().code(&doc);
        let date_of = |verb: &str| {
            let e = events
                .iter()
                .find(|e| doc.text[e.trigger.span].starts_with(verb))
                .unwrap_or_else(|| panic!("no event at {verb}: {events:?}"));
            let d = e.date.as_ref().expect("date");
            (d.value.clone(), d.rule.clone())
        };
        assert_eq!(date_of("suspended"), ("2024-07-18".to_string(), "document-date".to_string()));
        assert_eq!(date_of("lifted").0, "2024-02-01");
    }

    #[test]
    fn an_act_to_come_takes_the_next_weekday_or_month() {
        let date = |spec: &str| {
            let doc = parsed(spec, "2024-07-19");
            let events = coder().code(&doc);
            events[0].date.as_ref().map(|d| d.value.clone())
        };
        assert_eq!(
            date("Germany/PROPN/Germany/3/nsubj will/AUX/will/3/aux meet/VERB/meet/0/root Russia/PROPN/Russia/3/obj on/ADP/on/6/case Thursday/PROPN/Thursday/3/obl").as_deref(),
            Some("2024-07-25")
        );
        assert_eq!(
            date("Germany/PROPN/Germany/2/nsubj met/VERB/meet/0/root Russia/PROPN/Russia/2/obj on/ADP/on/5/case Thursday/PROPN/Thursday/2/obl").as_deref(),
            Some("2024-07-18")
        );
        assert_eq!(
            date("Germany/PROPN/Germany/3/nsubj will/AUX/will/3/aux meet/VERB/meet/0/root Russia/PROPN/Russia/3/obj in/ADP/in/6/case June/PROPN/June/3/obl").as_deref(),
            Some("2025-06-01")
        );
        // The day it was said stays in the past.
        assert_eq!(
            date("Germany/PROPN/Germany/2/nsubj said/VERB/say/0/root on/ADP/on/4/case Thursday/PROPN/Thursday/2/obl it/PRON/it/7/nsubj will/AUX/will/7/aux meet/VERB/meet/2/ccomp Russia/PROPN/Russia/7/obj").as_deref(),
            Some("2024-07-18")
        );
    }

    #[test]
    fn dates_and_places_keep_their_spans() {
        let doc = parsed(
            "Ukrainian/ADJ/ukrainian/2/amod leadership/NOUN/leadership/4/nsubj is/AUX/be/4/aux meeting/VERB/meet/0/root with/ADP/with/6/case officials/NOUN/official/4/obl in/ADP/in/8/case Switzerland/PROPN/Switzerland/6/nmod today/NOUN/today/4/obl:tmod",
            "2024-01-15",
        );
        let events = coder().code(&doc);
        assert_eq!(events.len(), 1);
        let e = &events[0];
        assert_eq!(e.event_type, EventType::Consult);
        assert_eq!(e.actor.as_ref().map(|a| a.actor.code.as_str()), Some("UKR"));
        assert_eq!(e.recipient.as_ref().map(|a| a.actor.code.as_str()), Some("CHE"));
        let d = e.date.as_ref().expect("date");
        assert_eq!((d.value.as_str(), d.precision), ("2024-01-15", DatePrecision::Day));
        assert_eq!(d.span.map(|s| &doc.text[s]), Some("today"));
        let l = e.location.as_ref().expect("place");
        assert_eq!((&doc.text[l.span], l.country.as_deref()), ("Switzerland", Some("CHE")));
        let json = crate::event_json(&doc, e);
        assert_eq!(json["event"], "CONSULT");
        assert_eq!(json["date_text"], "today");
        assert_eq!(json["location"]["country"], "CHE");
        assert_eq!(json["sentence_index"], 0);
        let explained = coder().explain(&doc, 0);
        assert!(explained.contains("meet-with"), "{explained}");
    }
}
