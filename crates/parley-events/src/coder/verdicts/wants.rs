//! Hopes and wants aimed at another party: "X hoped Y would play a
//! constructive role", "X wants Y at the summit", "we need China to help"
//! are requests of Y (CAMEO 020); "hoped a second summit could be held"
//! states intent to meet (036).

use parley_doc::Upos;

use crate::sent::Sent;

use super::super::clauses::subject_of;
use super::super::mentions::nominal_mentions;
use super::super::parties::country_key;
use super::super::{DocCtx, EventCoder, Hit};
use super::scan::negated;
use super::{Kind, Said};

impl EventCoder {
    /// A request of Y by X, when Y is a party of another country.
    pub(super) fn hopes_and_wants(
        &self,
        s: &Sent<'_>,
        ctx: &DocCtx<'_>,
        si: usize,
        mention_at: &dyn Fn(usize) -> Option<usize>,
        out: &mut Vec<Said>,
    ) {
        let v = &self.verdicts;
        for h in (0..s.n).filter(|&h| s.upos(h) == Some(Upos::VERB)) {
            let hope = v.hope.word_at(s, h);
            let want = v.want.lemma_at(s, h);
            if !(hope || want) || negated(s, h) {
                continue;
            }
            let subject =
                |actor: Hit| Hit { mention: actor.mention, rule: "subject".into(), parse: true };
            let mut about = None;
            if hope {
                about = s.kids(h, "ccomp").find(|&c| {
                    s.children[c].iter().any(|&a| {
                        s.base(a) == "aux"
                            && matches!(s.lemma[a].as_str(), "would" | "will" | "could" | "can")
                    })
                });
                let subj = about.and_then(|c| subject_of(s, c));
                // "hoped a second summit could be held": intent to meet.
                let meeting = subj.filter(|&j| {
                    self.lexicon.classes().get("talks").is_some_and(|set| set.contains(&s.lemma[j]))
                });
                if let (Some(m), Some(actor)) = (meeting, self.speaker_of(ctx, si, h)) {
                    let words = (h, m.max(h));
                    out.push(Said::new(
                        Kind::Meet,
                        "intent:hope-meeting",
                        Some(h),
                        words,
                        subject(actor),
                    ));
                    continue;
                }
                about = subj;
            } else if let Some(o) = s.kid(h, "obj") {
                let asks = s.kid(h, "xcomp").is_some()
                    || s.children[h].iter().chain(&s.children[o]).any(|&d| {
                        matches!(s.base(d), "obl" | "nmod")
                            && s.kids(d, "case").any(|m| matches!(s.lower[m].as_str(), "at" | "in"))
                            && self.proposal_like(s, d)
                    });
                about = asks.then_some(o);
            }
            let Some(y) = about else { continue };
            let Some(actor) = self.speaker_of(ctx, si, h) else { continue };
            let key = country_key(s, actor.mention);
            let target: Vec<Hit> = nominal_mentions(s, y, mention_at)
                .into_iter()
                .filter(|t| country_key(s, t.mention) != key)
                .collect();
            if target.is_empty() {
                continue;
            }
            let rule = if hope { "request:hope" } else { "request:want" };
            let words = (h, y.max(h));
            out.push(Said {
                target,
                ..Said::new(Kind::Request, rule, Some(h), words, subject(actor))
            });
        }
    }
}
