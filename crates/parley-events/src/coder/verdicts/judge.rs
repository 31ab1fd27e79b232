//! Judgements in attributed speech: a phrase of a verdict section
//! ("would only reward aggression", "not acting in good faith", "in tune
//! with", "will not go unanswered") or a pejorative word as (or
//! modifying) a copular predicate ("these are ultimatum messages").

use parley_doc::Upos;

use crate::lexicon::TriggerPos;
use crate::sent::Sent;

use super::super::clauses::subject_of;
use super::super::mentions::{nominal_mentions, noun_owner};
use super::super::{Cand, EventCoder, Hit};
use super::data::{Verdicts, WordList};
use super::regions::Region;
use super::scan::{clause_head, has_cop, mark_subtree, negated, phrase_hits, word_hits, NEG};
use super::{Kind, Said};

/// The phrase sections a region is scanned for, in order (an earlier one
/// takes a clause first), with the rule each match gets.
fn phrase_sections(v: &Verdicts) -> [(Kind, &'static str, &WordList); 5] {
    [
        (Kind::Reject, "verdict:reject", &v.reject),
        (Kind::Accuse, "verdict:bad-faith", &v.accuse),
        (Kind::Approve, "verdict:approve", &v.approve),
        (Kind::Threaten, "verdict:threaten", &v.threaten),
        (Kind::Judge, "verdict:pejorative", &v.judge),
    ]
}

/// Whether a complement phrase (its head and the words it carries) holds
/// a pejorative word or phrase.
pub(super) fn pejorative(v: &Verdicts, s: &Sent<'_>, c: usize) -> bool {
    let mut toks = vec![false; s.n];
    mark_subtree(s, c, &mut toks);
    let mut near = vec![c];
    for &d in &s.children[c] {
        if matches!(s.base(d), "amod" | "compound" | "nmod") {
            near.push(d);
            near.extend(s.children[d].iter().copied().filter(|&e| s.base(e) == "amod"));
        }
    }
    near.into_iter().any(|i| v.judge.word_at(s, i))
        || [&v.judge, &v.reject, &v.accuse].iter().any(|list| list.phrase_in(s, &toks))
}

impl EventCoder {
    pub(super) fn proposal_like(&self, s: &Sent<'_>, i: usize) -> bool {
        let classes = self.lexicon.classes();
        self.verdicts.proposal.word_at(s, i)
            || ["proposal", "talks", "agreement"]
                .iter()
                .any(|c| classes.get(c).is_some_and(|set| set.contains(&s.lemma[i])))
    }

    pub(super) fn region_verdicts(
        &self,
        s: &Sent<'_>,
        r: &Region,
        cands: &[Cand],
        mention_at: &dyn Fn(usize) -> Option<usize>,
        out: &mut Vec<Said>,
    ) {
        let v = &self.verdicts;
        let mut heads: Vec<usize> = Vec::new();
        // An event the lexicon codes in the same clause says it already.
        // (A noun is coded only with a light verb or an actor of its own,
        // which a predicate noun has not.)
        let coded = |h: usize| {
            cands.iter().any(|c| {
                c.suppressed_by.is_none()
                    && c.tok == h
                    && self.lexicon.entries()[c.entry].pos != TriggerPos::Noun
            })
        };
        for (kind, rule, list) in phrase_sections(v) {
            for (w, toks) in phrase_hits(s, list, &r.toks) {
                let h = clause_head(s, toks[0]);
                let says_no = w.iter().any(|x| NEG.contains(&x.as_str()));
                if heads.contains(&h) || coded(h) || (!says_no && negated(s, h)) {
                    continue;
                }
                heads.push(h);
                let judged = subject_of(s, h);
                let words = (toks[0], toks.last().copied().unwrap_or(toks[0]));
                out.push(self.said(s, r, kind, rule, words, judged, h, mention_at));
            }
        }
        // Single pejorative words, as the predicate of a copula or a word
        // that modifies it ("ultimatum messages", "a proposal of more
        // aggression").
        for i in word_hits(s, &v.judge, &r.toks) {
            let mut p = i;
            for _ in 0..2 {
                if has_cop(s, p) {
                    break;
                }
                match s.head[p] {
                    Some(h) if matches!(s.base(p), "amod" | "compound" | "nmod" | "conj") => p = h,
                    _ => break,
                }
            }
            if !has_cop(s, p) || heads.contains(&p) || coded(p) || negated(s, p) {
                continue;
            }
            let judged = subject_of(s, p);
            let pronoun = judged.is_some_and(|j| {
                matches!(s.upos(j), Some(Upos::PRON) | Some(Upos::DET))
                    || matches!(s.lower[j].as_str(), "this" | "that" | "these" | "those" | "it")
            });
            let said =
                self.said(s, r, Kind::Judge, "verdict:pejorative", (i, i), judged, p, mention_at);
            // A judgement of something no party owns and that is no
            // proposal ("the situation is dangerous") judges no one.
            if said.proposal || pronoun || !said.target.is_empty() {
                heads.push(p);
                out.push(said);
            }
        }
    }

    /// A statement over `words` in region `r`, about the subject `judged`
    /// of predicate `p`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn said(
        &self,
        s: &Sent<'_>,
        r: &Region,
        kind: Kind,
        rule: &'static str,
        words: (usize, usize),
        judged: Option<usize>,
        p: usize,
        mention_at: &dyn Fn(usize) -> Option<usize>,
    ) -> Said {
        let mut target: Vec<Hit> = judged
            .map(|j| {
                let mut hits = nominal_mentions(s, j, mention_at);
                hits.extend(noun_owner(s, j, mention_at));
                hits
            })
            .unwrap_or_default();
        // "the day that NATO was hyping up ...": a clause misparsed as
        // relative still names its own subject.
        if target.is_empty() {
            for &c in &s.children[p] {
                if matches!(s.base(c), "nsubj")
                    && !matches!(s.lower[c].as_str(), "that" | "which" | "who")
                {
                    target.extend(nominal_mentions(s, c, mention_at));
                }
            }
        }
        let proposal = judged.is_some_and(|j| self.proposal_like(s, j)) || self.proposal_like(s, p);
        let speaker = Hit { mention: r.speaker.mention, rule: "speaker".into(), parse: false };
        Said { target, proposal, judged, ..Said::new(kind, rule, r.speech, words, speaker) }
    }
}
