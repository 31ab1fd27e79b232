//! Naming verbs: "called the communique a collection of anti-Russian
//! slogans", "described the meeting as a waste of time".

use crate::sent::Sent;

use super::super::{Cand, DocCtx, EventCoder};
use super::judge::pejorative;
use super::regions::Region;
use super::scan::verb_hits;
use super::{Kind, Said};

impl EventCoder {
    /// A naming verb whose complement is pejorative is a verdict by its
    /// subject; a describe-as whose complement is not ("described the
    /// conditions as a concrete peace proposal") says no verdict and its
    /// lexicon candidate is dropped.
    pub(super) fn naming_verdicts(
        &self,
        s: &Sent<'_>,
        ctx: &DocCtx<'_>,
        si: usize,
        cands: &mut [Cand],
        mention_at: &dyn Fn(usize) -> Option<usize>,
        out: &mut Vec<Said>,
    ) {
        let v = &self.verdicts;
        for n in verb_hits(s, &v.naming) {
            // "called for", "called on": appeals, not names.
            if s.children[n].iter().any(|&c| {
                matches!(s.lower[c].as_str(), "for" | "on" | "upon" | "off" | "up")
                    && matches!(s.base(c), "compound" | "case" | "advmod")
            }) {
                continue;
            }
            let obj = s.kid(n, "obj");
            let as_phrase = |h: usize| {
                s.children[h].iter().copied().find(|&c| {
                    matches!(s.base(c), "obl" | "nmod" | "advcl" | "xcomp")
                        && s.kids(c, "case").chain(s.kids(c, "mark")).any(|m| s.lower[m] == "as")
                })
            };
            let xcomp = s.kid(n, "xcomp");
            let unmarked = xcomp.and_then(|x| {
                s.children[x]
                    .iter()
                    .copied()
                    .find(|&c| matches!(s.rel[c].as_str(), "nmod:unmarked" | "appos"))
            });
            let complement = as_phrase(n)
                .or_else(|| obj.and_then(as_phrase))
                .or(unmarked)
                .or(xcomp.filter(|_| obj.is_some()));
            let Some(comp) = complement else { continue };
            let judged = obj.or(xcomp.filter(|&x| Some(x) != complement));
            let bad = pejorative(v, s, comp);
            let cand = cands.iter_mut().find(|c| c.tok == n && c.suppressed_by.is_none());
            match cand {
                Some(c) if !bad && s.lemma[n] == "describe" => {
                    c.suppressed_by =
                        Some(format!("describes with a neutral complement `{}`", s.text(comp)));
                    continue;
                }
                // The verdict says it with the type what is judged gives.
                Some(c) if bad => {
                    c.suppressed_by = Some(format!("a verdict on `{}`", s.text(comp)));
                }
                Some(_) => continue,
                None if !bad => continue,
                None => {}
            }
            let Some(speaker) = self.speaker_of(ctx, si, n) else { continue };
            let r = Region { speech: None, toks: Vec::new(), speaker };
            let words = (n.min(comp), n.max(comp));
            let rule = "verdict:naming";
            out.push(self.said(s, &r, Kind::Judge, rule, words, judged, comp, mention_at));
        }
    }
}
