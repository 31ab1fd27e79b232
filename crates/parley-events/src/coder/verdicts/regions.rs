//! Where a speaker's words are: what each speech verb reports, and quoted
//! words no verb of the sentence reports.

use crate::attribution;
use crate::sent::Sent;

use super::super::{DocCtx, EventCoder, Hit};
use super::scan::mark_subtree;

/// The tokens a speaker says, and who says them.
pub(super) struct Region {
    /// The speech verb, when a verb of the sentence reports the words.
    pub(super) speech: Option<usize>,
    pub(super) toks: Vec<bool>,
    pub(super) speaker: Hit,
}

impl EventCoder {
    /// Regions of attributed speech in a sentence: what each speech verb
    /// reports, then quoted words no verb of the sentence reports.
    pub(super) fn speech_regions(&self, s: &Sent<'_>, ctx: &DocCtx<'_>, si: usize) -> Vec<Region> {
        let mut out: Vec<Region> = Vec::new();
        for v in (0..s.n).filter(|&v| attribution::is_speech(&s.lemma[v])) {
            let mut toks = vec![false; s.n];
            for &c in &s.children[v] {
                if matches!(s.base(c), "ccomp" | "parataxis") {
                    mark_subtree(s, c, &mut toks);
                }
            }
            // "“These are ultimatum messages,” he told ...": the verb hangs
            // off what it reports.
            if s.base(v) == "parataxis" {
                if let Some(h) = s.head[v] {
                    let (mut own, mut outer) = (vec![false; s.n], vec![false; s.n]);
                    mark_subtree(s, v, &mut own);
                    mark_subtree(s, h, &mut outer);
                    for ((t, o), w) in toks.iter_mut().zip(outer).zip(own) {
                        *t |= o && !w;
                    }
                }
            }
            if !toks.iter().any(|&t| t) {
                continue;
            }
            if let Some(speaker) = self.speaker_of(ctx, si, v) {
                out.push(Region { speech: Some(v), toks, speaker });
            }
        }
        let (start, end) = (s.span(0).start, s.span(s.n.saturating_sub(1)).end);
        for &q in ctx.quotes.iter().filter(|q| q.start < end && start < q.end) {
            let toks: Vec<bool> = (0..s.n)
                .map(|i| {
                    let sp = s.span(i);
                    q.start <= sp.start && sp.end <= q.end && !out.iter().any(|r| r.toks[i])
                })
                .collect();
            if !toks.iter().any(|&t| t) {
                continue;
            }
            let Some((qs, verb)) = attribution::quote_speaker(s.doc, &ctx.sents, q, &ctx.quotes)
            else {
                continue;
            };
            if let Some(speaker) = self.speaker_of(ctx, qs, verb) {
                out.push(Region { speech: None, toks, speaker });
            }
        }
        out
    }
}
