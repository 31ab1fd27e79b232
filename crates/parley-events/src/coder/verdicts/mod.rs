//! Verdicts: events a speaker makes by judging, with no event verb. In
//! attributed speech (the clause a speech verb reports, or a quote with
//! its speaker) a pejorative predicate ("these are ultimatum messages",
//! "the results were close to zero"), a bad consequence ("would only
//! reward aggression") or an allegation of bad faith ("was not acting in
//! good faith") is a REJECT of a proposal or an ACCUSE of its owner, and
//! approval ("in tune with our position") a SUPPORT, as the PLOVER manual
//! codes statements by what they do. A naming verb with a pejorative
//! complement ("called the communique a collection of slogans",
//! "described the meeting as a waste of time") is the same verdict by its
//! subject. Hopes and wants aimed at another party ("hoped China would
//! play a constructive role", "wants Russia at the summit") are requests
//! of it; "insisted that <fact>" is a rebuttal, not a demand; "repeated
//! his terms" restates a demand. The words
//! are data (`data/events/verdicts.txt`, read by `data`); the mechanism
//! is one scanner (`scan`: where a section's words occur, and the tree
//! tests every family asks) and one file per family: `judge` (phrases and
//! pejorative words in attributed speech, whose regions `regions` finds),
//! `naming`, `wants` (hopes and wants), `rebuttal`, `restated` and `background`
//! (nominal events that only name a setting). This file turns what they
//! find into events.

mod background;
mod data;
mod judge;
mod naming;
mod rebuttal;
mod regions;
mod restated;
mod scan;
#[cfg(test)]
mod tests;
mod wants;

pub use self::data::Verdicts;

use parley_doc::{Event, EventTrigger, EventType, SentenceIdx, TokenIdx};

use crate::dates::DateExpr;
use crate::lexicon::TriggerPos;
use crate::modality;
use crate::sent::Sent;

use super::event_places::place_for;
use super::mentions::party_of;
use super::parties::country_key;
use super::{Cand, DocCtx, EventCoder, Hit};

/// What a verdict amounts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// By what is judged: a proposal is rejected, anything else accused.
    Judge,
    Reject,
    Accuse,
    Approve,
    Threaten,
    Request,
    /// A demand (CAMEO 100): a demand restated.
    Demand,
    /// Intent to meet (CAMEO 036): a hope that a meeting takes place.
    Meet,
}

/// A statement found in a sentence, built into an event after the
/// lexicon's candidates.
pub(super) struct Said {
    kind: Kind,
    rule: &'static str,
    /// The speech verb whose reading (negation, modality) the event takes.
    speech: Option<usize>,
    /// The words that say it (first and last local token).
    first: usize,
    last: usize,
    actor: Hit,
    /// Parties the statement is about, nearest first.
    target: Vec<Hit>,
    /// What is judged names a proposal, demand or meeting.
    proposal: bool,
    /// The head of what is judged.
    judged: Option<usize>,
}

impl Said {
    /// A statement about no party in particular; the families that judge
    /// something fill in `target`, `proposal` and `judged`.
    fn new(
        kind: Kind,
        rule: &'static str,
        speech: Option<usize>,
        (first, last): (usize, usize),
        actor: Hit,
    ) -> Said {
        Said {
            kind,
            rule,
            speech,
            first,
            last,
            actor,
            target: Vec::new(),
            proposal: false,
            judged: None,
        }
    }
}

impl EventCoder {
    /// The verdicts, hopes, wants and rebuttals of a sentence. Drops the
    /// candidates they replace: a describe-as with a neutral complement
    /// ("described the conditions as a concrete proposal") and an
    /// insistence on a fact.
    pub(super) fn said_events(
        &self,
        s: &Sent<'_>,
        ctx: &DocCtx<'_>,
        si: usize,
        cands: &mut [Cand],
        mention_at: &dyn Fn(usize) -> Option<usize>,
        log: Option<&mut Vec<String>>,
    ) -> Vec<Said> {
        let mut out = Vec::new();
        // "A frozen conflict, he said, would only reward aggression" is
        // parsed rooted at the noun, which the coder reads as no parse; the
        // speech verb and what it reports still hang together in the tree.
        if !s.head.iter().any(Option::is_some) {
            return out;
        }
        if s.parsed {
            self.background_nominals(s, cands);
        }
        let regions = self.speech_regions(s, ctx, si);
        for r in &regions {
            self.region_verdicts(s, r, cands, mention_at, &mut out);
        }
        if s.parsed {
            self.naming_verdicts(s, ctx, si, cands, mention_at, &mut out);
            self.hopes_and_wants(s, ctx, si, mention_at, &mut out);
            self.rebuttals(s, ctx, si, cands, &mut out);
            self.restated_demands(s, ctx, si, cands, &mut out);
        }
        // What a verdict judges ("described the Swiss meeting as a waste of
        // time") is a known event, not a new one.
        for d in &out {
            let Some(j) = d.judged else { continue };
            for c in cands.iter_mut() {
                let noun = self.lexicon.entries()[c.entry].pos == TriggerPos::Noun;
                if c.tok == j && noun && c.light.is_none() && c.suppressed_by.is_none() {
                    c.suppressed_by = Some(format!("judged by `{}`", d.rule));
                }
            }
        }
        if let Some(l) = log {
            for r in &regions {
                let words: Vec<&str> = (0..s.n).filter(|&i| r.toks[i]).map(|i| s.text(i)).collect();
                let by = r.speech.map(|v| s.text(v)).unwrap_or("a quote");
                l.push(format!("speech region of `{by}`: {}", words.join(" ")));
            }
            for d in &out {
                l.push(format!("{} `{}`", d.rule, s.text(d.first)));
            }
        }
        out
    }

    /// One statement to its event: actor the speaker, recipient the first
    /// party it is about that is not the speaker's own side.
    pub(super) fn build_said(
        &self,
        s: &Sent<'_>,
        ctx: &DocCtx<'_>,
        si: usize,
        d: Said,
        date_exprs: &[DateExpr],
        places: &[(usize, usize, usize)],
    ) -> Option<Event> {
        let (event_type, cameo) = match d.kind {
            Kind::Reject => (EventType::Reject, "120"),
            Kind::Accuse => (EventType::Accuse, "111"),
            Kind::Approve => (EventType::Support, "051"),
            Kind::Threaten => (EventType::Threaten, "130"),
            Kind::Meet => (EventType::Agree, "036"),
            Kind::Request => (EventType::Request, "020"),
            Kind::Demand => (EventType::Request, "100"),
            Kind::Judge if d.proposal => (EventType::Reject, "120"),
            Kind::Judge => (EventType::Accuse, "111"),
        };
        let fact = self.lexicon.cameo(cameo);
        let anchor = d.speech.unwrap_or(d.first);
        let reading = match d.speech {
            Some(v) => modality::read(s, v, false),
            None => modality::Reading {
                modality: parley_doc::Modality::Asserted,
                cue: None,
                negated: false,
                future: false,
            },
        };
        let key = country_key(s, d.actor.mention);
        let recipient = d.target.iter().find(|h| country_key(s, h.mention) != key).map(|h| {
            let mut party = party_of(s.doc, h);
            party.rule = "judged".into();
            party
        });
        let mut actor = party_of(s.doc, &d.actor);
        actor.rule = d.actor.rule.clone();
        if actor.actor.code.is_empty() {
            return None;
        }
        Some(Event {
            sentence: SentenceIdx(si as u32),
            event_type,
            mode: fact.and_then(|f| f.mode.clone()),
            context: fact.map(|f| f.context.clone()).unwrap_or_default(),
            cameo: cameo.into(),
            goldstein: fact.map(|f| f.goldstein).unwrap_or(0.0),
            quad_class: fact.map(|f| f.quad_class).unwrap_or(3),
            plover_score: self.lexicon.plover_score(event_type, None),
            actor: Some(actor),
            recipient,
            trigger: EventTrigger {
                span: s.span(d.first).cover(s.span(d.last)),
                token: TokenIdx((s.first + d.first) as u32),
            },
            date: self.date_for(s, ctx, anchor, &reading, date_exprs),
            location: place_for(s, d.first, places, None, &self.lexicon),
            speaker: None,
            quote: None,
            modality: reading.modality,
            modality_rule: reading.cue,
            confidence: 0.55,
            rule: d.rule.into(),
        })
    }
}
