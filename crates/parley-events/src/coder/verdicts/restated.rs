//! A demand restated: "Putin repeats his terms", "reiterated its
//! conditions", "restated his demands". Restating a demand makes it
//! again (PLOVER REQUEST, CAMEO 100 demand); the verb's subject demands.

use crate::sent::Sent;

use super::super::{Cand, DocCtx, EventCoder};
use super::scan::{negated, verb_hits};
use super::{Kind, Said};

impl EventCoder {
    pub(super) fn restated_demands(
        &self,
        s: &Sent<'_>,
        ctx: &DocCtx<'_>,
        si: usize,
        cands: &[Cand],
        out: &mut Vec<Said>,
    ) {
        let v = &self.verdicts;
        for h in verb_hits(s, &v.restate) {
            // A lexicon entry on the verb ("repeated calls for talks")
            // codes it already.
            if negated(s, h) || cands.iter().any(|c| c.tok == h && c.suppressed_by.is_none()) {
                continue;
            }
            let Some(o) = s.kid(h, "obj").filter(|&o| v.demand.word_at(s, o)) else { continue };
            let Some(actor) = self.speaker_of(ctx, si, h) else { continue };
            out.push(Said::new(Kind::Demand, "request:restate", Some(h), (h, o.max(h)), actor));
        }
    }
}
