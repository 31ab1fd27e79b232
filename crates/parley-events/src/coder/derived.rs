//! Events no lexicon verb names: "X said Y must ..." is a demand on Y,
//! "X said its act was a response to Y's ..." blames Y.

use parley_doc::{Event, EventTrigger, EventType, SentenceIdx, TokenIdx};

use crate::dates::DateExpr;
use crate::sent::Sent;
use crate::{attribution, modality};

use super::clauses::subject_of;
use super::event_places::place_for;
use super::mentions::{nominal_mentions, noun_owner, party_of};
use super::{Cand, DocCtx, EventCoder, Hit};

impl EventCoder {
    /// "X said Y must withdraw": a demand by X on Y (CAMEO 100); the
    /// embedded event is not coded on its own.
    pub(super) fn derived_demands(
        &self,
        s: &Sent<'_>,
        cands: &mut [Cand],
        mention_at: &dyn Fn(usize) -> Option<usize>,
    ) -> Vec<Derived> {
        let mut out = Vec::new();
        if !s.parsed {
            return out;
        }
        for v in 0..s.n {
            if !attribution::is_speech(&s.lemma[v]) || cands.iter().any(|c| c.tok == v) {
                continue;
            }
            for c in s.kids(v, "ccomp").collect::<Vec<_>>() {
                let must = s.children[c].iter().any(|&a| {
                    s.base(a) == "aux" && matches!(s.lemma[a].as_str(), "must" | "should" | "ought")
                }) || s.kids(c, "xcomp").next().is_some()
                    && matches!(s.lemma[c].as_str(), "have" | "need");
                if !must {
                    continue;
                }
                let target = subject_of(s, c)
                    .map(|h| nominal_mentions(s, h, mention_at))
                    .unwrap_or_default();
                if target.is_empty() {
                    continue;
                }
                for cand in cands.iter_mut() {
                    if cand.tok == c || s.dominates(c, cand.tok) {
                        cand.suppressed_by = Some(format!("inside the demand at `{}`", s.text(c)));
                    }
                }
                out.push(Derived { speech: v, pred: c, target, kind: DerivedKind::Demand });
            }
            // "Moscow says its invasion was a natural response to NATO's
            // expansion": the speaker blames the owner of what it responds to.
            for c in s.kids(v, "ccomp").collect::<Vec<_>>() {
                if !RESPONSE_NOUNS.contains(&s.lemma[c].as_str())
                    || !s.children[c].iter().any(|&d| s.base(d) == "cop")
                {
                    continue;
                }
                let target: Vec<Hit> = s.children[c]
                    .iter()
                    .filter(|&&d| matches!(s.base(d), "nmod" | "obl") && s.prep_of(d) == Some("to"))
                    .flat_map(|&d| noun_owner(s, d, mention_at))
                    .collect();
                if !target.is_empty() {
                    out.push(Derived { speech: v, pred: c, target, kind: DerivedKind::Blame });
                }
            }
        }
        out
    }

    pub(super) fn build_derived(
        &self,
        s: &Sent<'_>,
        ctx: &DocCtx<'_>,
        si: usize,
        d: Derived,
        date_exprs: &[DateExpr],
        places: &[(usize, usize, usize)],
    ) -> Option<Event> {
        let speaker = self.speaker_of(ctx, si, d.speech);
        let (event_type, cameo, rule) = match d.kind {
            DerivedKind::Demand => (EventType::Request, "100", "demand:say-must"),
            DerivedKind::Blame => (EventType::Accuse, "112", "blame:response-to"),
        };
        let fact = self.lexicon.cameo(cameo);
        let reading = modality::read(s, d.speech, false);
        let country = |h: &Hit| s.doc.mentions[h.mention].actor.country.clone();
        // One does not blame oneself: the speaker's own side is no target.
        let recipient = d
            .target
            .iter()
            .find(|h| {
                d.kind == DerivedKind::Demand
                    || speaker
                        .as_ref()
                        .is_none_or(|sp| country(sp).is_none() || country(sp) != country(h))
            })
            .map(|h| {
                let mut party = party_of(s.doc, h);
                party.rule =
                    if d.kind == DerivedKind::Demand { "clause-subject" } else { "owner" }.into();
                party
            });
        if recipient.is_none() && d.kind == DerivedKind::Blame {
            return None;
        }
        let actor = speaker.as_ref().map(|h| {
            let mut party = party_of(s.doc, h);
            party.rule = "speaker".into();
            party
        });
        Some(Event {
            sentence: SentenceIdx(si as u32),
            event_type,
            mode: fact.and_then(|f| f.mode.clone()),
            context: fact.map(|f| f.context.clone()).unwrap_or_default(),
            cameo: cameo.into(),
            goldstein: fact.map(|f| f.goldstein).unwrap_or(-5.0),
            quad_class: fact.map(|f| f.quad_class).unwrap_or(3),
            plover_score: self.lexicon.plover_score(event_type, None),
            actor,
            recipient,
            trigger: EventTrigger {
                span: s.span(d.speech).cover(s.span(d.pred)),
                token: TokenIdx((s.first + d.pred) as u32),
            },
            date: self.date_for(s, ctx, d.speech, &reading, date_exprs),
            location: place_for(s, d.pred, places, subject_of(s, d.speech), &self.lexicon),
            speaker: None,
            quote: None,
            modality: reading.modality,
            modality_rule: reading.cue,
            confidence: 0.6,
            rule: rule.into(),
        })
    }
}

pub(super) struct Derived {
    speech: usize,
    pred: usize,
    target: Vec<Hit>,
    kind: DerivedKind,
}

/// What a speaker's statement amounts to when no lexicon verb says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DerivedKind {
    /// "X said Y must ...": a demand on Y (CAMEO 100).
    Demand,
    /// "X said its act was a response to Y's ...": blaming Y (CAMEO 112).
    Blame,
}

/// Nouns that, as the predicate of "A was a ... to B's act", justify A by B.
pub(super) const RESPONSE_NOUNS: &[&str] =
    &["response", "reaction", "retaliation", "answer", "reply"];

#[cfg(test)]
mod tests {
    use parley_doc::Modality;

    use crate::testutil::check;

    #[test]
    fn speaker_blames_what_its_act_responds_to() {
        let events = check(
            "Moscow/PROPN/Moscow/2/nsubj says/VERB/say/0/root its/PRON/its/4/nmod:poss invasion/NOUN/invasion/8/nsubj was/AUX/be/8/cop a/DET/a/8/det natural/ADJ/natural/8/amod response/NOUN/response/2/ccomp to/ADP/to/11/case NATO/PROPN/NATO/11/nmod:poss expansion/NOUN/expansion/8/nmod",
            &[("ACCUSE", "RUSGOV", "IGOWSTNAT", Modality::Asserted)],
        );
        assert_eq!(events[0].rule, "blame:response-to");
        // Its own side's act is no one to blame.
        check(
            "Moscow/PROPN/Moscow/2/nsubj says/VERB/say/0/root the/DET/the/4/det strike/NOUN/strike/6/nsubj was/AUX/be/6/cop response/NOUN/response/2/ccomp to/ADP/to/9/case Russian/ADJ/Russian/9/amod losses/NOUN/loss/6/nmod",
            &[],
        );
    }
}
