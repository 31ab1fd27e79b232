//! "insisted the trip was a bilateral peace mission": insisting on a fact
//! rebuts (REJECT 120); only insisting on what must be done ("insisted
//! that Russia withdraw", "insisted on talks") demands.

use crate::sent::{looks_past, Sent};

use super::super::{Cand, DocCtx, EventCoder};
use super::{Kind, Said};

impl EventCoder {
    pub(super) fn rebuttals(
        &self,
        s: &Sent<'_>,
        ctx: &DocCtx<'_>,
        si: usize,
        cands: &mut [Cand],
        out: &mut Vec<Said>,
    ) {
        for c in cands.iter_mut() {
            if c.suppressed_by.is_some() || self.lexicon.entries()[c.entry].id != "insist" {
                continue;
            }
            let Some(clause) = s.kid(c.tok, "ccomp") else { continue };
            let modal = s.children[clause].iter().any(|&a| {
                s.base(a) == "aux"
                    && matches!(s.lemma[a].as_str(), "must" | "should" | "ought" | "shall")
            });
            // A plural present looks like a subjunctive ("insisted that
            // allies spend 5%"): only forms that cannot be one are facts.
            let finite =
                s.children[clause].iter().any(|&a| s.base(a) == "cop" && s.lower[a] != "be")
                    || matches!(s.xpos(clause), Some("VBD" | "VBZ"))
                    || looks_past(&s.lower[clause])
                    || s.children[clause].iter().any(|&a| {
                        s.base(a) == "aux"
                            && matches!(
                                s.lower[a].as_str(),
                                "was" | "were" | "is" | "are" | "has" | "had" | "did" | "does"
                            )
                    });
            if modal || !finite {
                continue;
            }
            c.suppressed_by = Some(format!("insists on a fact `{}`: a rebuttal", s.text(clause)));
            let Some(actor) = self.speaker_of(ctx, si, c.tok) else { continue };
            let words = (c.tok, c.tok);
            out.push(Said::new(Kind::Reject, "rebuttal:insist", Some(c.tok), words, actor));
        }
    }
}
