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
//! of it; "insisted that <fact>" is a rebuttal, not a demand. The words
//! are data (`data/events/verdicts.txt`); this file holds the mechanism.

use std::path::Path;

use parley_doc::{Event, EventTrigger, EventType, SentenceIdx, TokenIdx, Upos};

use crate::attribution;
use crate::dates::DateExpr;
use crate::error::EventError;
use crate::lexicon::TriggerPos;
use crate::modality;
use crate::sent::{lemma_candidates, looks_past, Sent};

use super::clauses::subject_of;
use super::event_places::place_for;
use super::mentions::{nominal_mentions, noun_owner, party_of};
use super::parties::country_key;
use super::{Cand, DocCtx, EventCoder, Hit};

const VERDICTS: &str = include_str!("../../../../data/events/verdicts.txt");

/// The word lists of `verdicts.txt`: entries are words or phrases (each a
/// list of lowercase words).
#[derive(Debug, Clone, Default)]
pub struct Verdicts {
    judge: Vec<Vec<String>>,
    reject: Vec<Vec<String>>,
    accuse: Vec<Vec<String>>,
    approve: Vec<Vec<String>>,
    threaten: Vec<Vec<String>>,
    proposal: Vec<String>,
    naming: Vec<String>,
    hope: Vec<String>,
    want: Vec<String>,
    setting: Vec<String>,
}

impl Verdicts {
    /// The shipped lists.
    pub fn embedded() -> Result<Verdicts, EventError> {
        Verdicts::parse(VERDICTS, "embedded:verdicts.txt")
    }

    /// Reads a file in the format of `data/events/verdicts.txt`.
    pub fn load_path(path: &Path) -> Result<Verdicts, EventError> {
        let text = std::fs::read_to_string(path)
            .map_err(|error| EventError::Io { path: path.to_path_buf(), error })?;
        Verdicts::parse(&text, &path.display().to_string())
    }

    /// Parses `[section]` headers and one entry a line; `#` starts a comment.
    pub fn parse(text: &str, source: &str) -> Result<Verdicts, EventError> {
        let mut v = Verdicts::default();
        let mut section: Option<String> = None;
        for (n, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim().to_lowercase();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Some(name.to_string());
                continue;
            }
            let words: Vec<String> = line.split_whitespace().map(str::to_string).collect();
            let one = |words: Vec<String>| words.join(" ");
            match section.as_deref() {
                Some("judge") => v.judge.push(words),
                Some("reject") => v.reject.push(words),
                Some("accuse") => v.accuse.push(words),
                Some("approve") => v.approve.push(words),
                Some("threaten") => v.threaten.push(words),
                Some("proposal") => v.proposal.push(one(words)),
                Some("naming") => v.naming.push(one(words)),
                Some("hope") => v.hope.push(one(words)),
                Some("want") => v.want.push(one(words)),
                Some("setting") => v.setting.push(one(words)),
                Some(other) => {
                    return Err(EventError::bad_data(
                        source,
                        n + 1,
                        format!("unknown section [{other}]"),
                    ))
                }
                None => return Err(EventError::bad_data(source, n + 1, "entry before a section")),
            }
        }
        Ok(v)
    }
}

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

/// Where a speaker's words are: the tokens reported, and who says them.
struct Region {
    speech: Option<usize>,
    toks: Vec<bool>,
    speaker: Hit,
}

/// Whether token `i` is the word `w` (form, lemma or a candidate lemma).
fn word_is(s: &Sent<'_>, i: usize, w: &str) -> bool {
    let form = &s.lower[i];
    // Candidate lemmas only for an inflected form of the word: it is longer
    // and starts alike (the lists are scanned for every word of a clause).
    form == w
        || s.lemma[i] == w
        || (form.len() > w.len()
            && form.as_bytes().first() == w.as_bytes().first()
            && lemma_candidates(form).iter().any(|c| c == w))
}

fn is_quote_mark(s: &Sent<'_>, i: usize) -> bool {
    matches!(s.lower[i].as_str(), "\"" | "“" | "”" | "'" | "‘" | "’" | "``" | "''")
}

const NEG: &[&str] = &["not", "n't", "never", "no"];

/// The tokens of phrase `words` from `i` (quote marks between words are
/// skipped), all inside `region`.
fn phrase_at(s: &Sent<'_>, i: usize, words: &[String], region: &[bool]) -> Option<Vec<usize>> {
    let mut out = Vec::new();
    let mut j = i;
    for (k, w) in words.iter().enumerate() {
        while k > 0 && j < s.n && is_quote_mark(s, j) {
            j += 1;
        }
        if j >= s.n || !region[j] || !word_is(s, j, w) {
            return None;
        }
        out.push(j);
        j += 1;
    }
    Some(out)
}

fn has_cop(s: &Sent<'_>, i: usize) -> bool {
    s.children[i].iter().any(|&c| s.base(c) == "cop")
}

/// The predicate whose clause token `i` is in: the nearest verb or
/// copular predicate at or above it.
fn clause_head(s: &Sent<'_>, i: usize) -> usize {
    let mut cur = i;
    for _ in 0..8 {
        if s.upos(cur) == Some(Upos::VERB) || has_cop(s, cur) {
            return cur;
        }
        match s.head[cur] {
            Some(h) => cur = h,
            None => return cur,
        }
    }
    cur
}

fn negated(s: &Sent<'_>, p: usize) -> bool {
    s.children[p].iter().any(|&c| {
        matches!(s.base(c), "advmod" | "neg" | "det") && NEG.contains(&s.lower[c].as_str())
    })
}

/// Marks `c` and everything it dominates.
fn mark_subtree(s: &Sent<'_>, c: usize, toks: &mut [bool]) {
    for (i, t) in toks.iter_mut().enumerate() {
        let mut cur = i;
        for _ in 0..=s.n {
            if cur == c {
                *t = true;
                break;
            }
            match s.head[cur] {
                Some(h) => cur = h,
                None => break,
            }
        }
    }
}

/// Whether a complement phrase (its head and the words it carries) holds
/// a pejorative word or phrase.
fn pejorative(v: &Verdicts, s: &Sent<'_>, c: usize) -> bool {
    let mut toks = vec![false; s.n];
    mark_subtree(s, c, &mut toks);
    let single = |i: usize| v.judge.iter().any(|w| w.len() == 1 && word_is(s, i, &w[0]));
    let mut near = vec![c];
    for &d in &s.children[c] {
        if matches!(s.base(d), "amod" | "compound" | "nmod") {
            near.push(d);
            near.extend(s.children[d].iter().copied().filter(|&e| s.base(e) == "amod"));
        }
    }
    near.into_iter().any(single)
        || v.judge.iter().chain(&v.reject).chain(&v.accuse).any(|w| {
            w.len() > 1 && (0..s.n).any(|i| toks[i] && phrase_at(s, i, w, &toks).is_some())
        })
}

impl EventCoder {
    /// Regions of attributed speech in a sentence: what each speech verb
    /// reports, then quoted words no verb of the sentence reports.
    fn speech_regions(&self, s: &Sent<'_>, ctx: &DocCtx<'_>, si: usize) -> Vec<Region> {
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

    /// A nominal trigger with no light verb that only modifies another noun
    /// ("the Russian war effort", "summit preparations") or names the
    /// setting of something else ("on the sidelines of the G7 summit", "on
    /// the eve of the invasion") refers to a known event: it is no new one.
    fn background_nominals(&self, s: &Sent<'_>, cands: &mut [Cand]) {
        for c in cands.iter_mut() {
            let entry = &self.lexicon.entries()[c.entry];
            if c.suppressed_by.is_some() || c.light.is_some() || entry.pos != TriggerPos::Noun {
                continue;
            }
            let modifier = s.base(c.tok) == "compound"
                && s.head[c.tok].is_some_and(|h| s.upos(h) == Some(Upos::NOUN));
            let setting = s.base(c.tok) == "nmod"
                && s.head[c.tok]
                    .is_some_and(|h| self.verdicts.setting.iter().any(|w| word_is(s, h, w)));
            if modifier || setting {
                let head = s.head[c.tok].map(|h| s.text(h)).unwrap_or_default();
                c.suppressed_by = Some(format!("background: names the setting of `{head}`"));
            }
        }
    }

    fn proposal_like(&self, s: &Sent<'_>, i: usize) -> bool {
        let v = &self.verdicts;
        let classes = self.lexicon.classes();
        v.proposal.iter().any(|w| word_is(s, i, w))
            || ["proposal", "talks", "agreement"]
                .iter()
                .any(|c| classes.get(c).is_some_and(|set| set.contains(&s.lemma[i])))
    }

    fn region_verdicts(
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
        let sections = [
            (Kind::Reject, &v.reject),
            (Kind::Accuse, &v.accuse),
            (Kind::Approve, &v.approve),
            (Kind::Threaten, &v.threaten),
            (Kind::Judge, &v.judge),
        ];
        for (kind, list) in sections {
            for w in list.iter().filter(|w| w.len() > 1) {
                for i in (0..s.n).filter(|&i| r.toks[i]) {
                    let Some(toks) = phrase_at(s, i, w, &r.toks) else { continue };
                    let h = clause_head(s, toks[0]);
                    let says_no = w.iter().any(|x| NEG.contains(&x.as_str()));
                    if heads.contains(&h) || coded(h) || (!says_no && negated(s, h)) {
                        continue;
                    }
                    heads.push(h);
                    let judged = subject_of(s, h);
                    let last = toks.last().copied().unwrap_or(i);
                    let rule = match kind {
                        Kind::Reject => "verdict:reject",
                        Kind::Accuse => "verdict:bad-faith",
                        Kind::Approve => "verdict:approve",
                        Kind::Threaten => "verdict:threaten",
                        _ => "verdict:pejorative",
                    };
                    out.push(self.said(s, r, kind, rule, (i, last), judged, h, mention_at));
                }
            }
        }
        // Single pejorative words, as the predicate of a copula or a word
        // that modifies it ("ultimatum messages", "a proposal of more
        // aggression").
        for i in (0..s.n).filter(|&i| r.toks[i]) {
            if !v.judge.iter().any(|w| w.len() == 1 && word_is(s, i, &w[0])) {
                continue;
            }
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
    fn said(
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
        Said {
            kind,
            rule,
            speech: r.speech,
            first: words.0,
            last: words.1,
            actor: Hit { mention: r.speaker.mention, rule: "speaker".into(), parse: false },
            target,
            proposal,
            judged,
        }
    }

    /// "called the communique a collection of anti-Russian slogans",
    /// "described the meeting as a waste of time": a naming verb whose
    /// complement is pejorative; a describe-as whose complement is not
    /// ("described the conditions as a concrete peace proposal") says no
    /// verdict and its lexicon candidate is dropped.
    fn naming_verdicts(
        &self,
        s: &Sent<'_>,
        ctx: &DocCtx<'_>,
        si: usize,
        cands: &mut [Cand],
        mention_at: &dyn Fn(usize) -> Option<usize>,
        out: &mut Vec<Said>,
    ) {
        let v = &self.verdicts;
        for n in 0..s.n {
            if s.upos(n) != Some(Upos::VERB) || !v.naming.iter().any(|w| s.lemma[n] == *w) {
                continue;
            }
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
            let first = n.min(comp);
            let last = n.max(comp);
            out.push(self.said(
                s,
                &r,
                Kind::Judge,
                "verdict:naming",
                (first, last),
                judged,
                comp,
                mention_at,
            ));
        }
    }

    /// "X hoped Y would play a constructive role", "X wants Y at the
    /// summit", "we need China to help": a request of Y (CAMEO 020) by X,
    /// when Y is a party of another country.
    fn hopes_and_wants(
        &self,
        s: &Sent<'_>,
        ctx: &DocCtx<'_>,
        si: usize,
        mention_at: &dyn Fn(usize) -> Option<usize>,
        out: &mut Vec<Said>,
    ) {
        let v = &self.verdicts;
        for h in 0..s.n {
            if s.upos(h) != Some(Upos::VERB) {
                continue;
            }
            let hope = v.hope.iter().any(|w| word_is(s, h, w));
            let want = v.want.iter().any(|w| s.lemma[h] == *w);
            if !(hope || want) || negated(s, h) {
                continue;
            }
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
                    out.push(Said {
                        kind: Kind::Meet,
                        rule: "intent:hope-meeting",
                        speech: Some(h),
                        first: h,
                        last: m.max(h),
                        actor: Hit { mention: actor.mention, rule: "subject".into(), parse: true },
                        target: Vec::new(),
                        proposal: false,
                        judged: None,
                    });
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
            out.push(Said {
                kind: Kind::Request,
                rule,
                speech: Some(h),
                first: h,
                last: y.max(h),
                actor: Hit { mention: actor.mention, rule: "subject".into(), parse: true },
                target,
                proposal: false,
                judged: None,
            });
        }
    }

    /// "insisted the trip was a bilateral peace mission": insisting on a
    /// fact rebuts (REJECT 120); only insisting on what must be done
    /// ("insisted that Russia withdraw", "insisted on talks") demands.
    fn rebuttals(
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
            out.push(Said {
                kind: Kind::Reject,
                rule: "rebuttal:insist",
                speech: Some(c.tok),
                first: c.tok,
                last: c.tok,
                actor,
                target: Vec::new(),
                proposal: false,
                judged: None,
            });
        }
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

#[cfg(test)]
mod tests {
    use parley_doc::Modality;

    use super::Verdicts;
    use crate::testutil::{check, coder, parsed, summary};

    const A: Modality = Modality::Asserted;

    /// Codes `spec` and checks that one asserted event is `want` (type,
    /// actor, recipient) and that it comes from this file's rules; other
    /// words of the sentence may be coded too.
    fn has(spec: &str, want: (&str, &str, &str)) {
        let doc = parsed(spec, "2024-07-18");
        let events = coder().code(&doc);
        let got = summary(&doc, &events);
        let found = got.iter().zip(&events).any(|((t, a, r, m), e)| {
            (t.as_str(), a.as_str(), r.as_str()) == want
                && *m == A
                && ["verdict:", "request:", "intent:", "rebuttal:"]
                    .iter()
                    .any(|p| e.rule.starts_with(p))
        });
        assert!(found, "{want:?} not in {got:?}");
    }

    #[test]
    fn the_shipped_lists_parse_and_an_unknown_section_does_not() {
        let v = Verdicts::embedded().expect("embedded verdicts parse");
        assert!(v.judge.iter().any(|w| w == &["sham".to_string()]));
        assert!(Verdicts::parse("[judge]\nsham\n[nonsense]\nx\n", "t").is_err());
        assert!(Verdicts::parse("sham\n", "t").is_err());
    }

    #[test]
    fn a_pejorative_predicate_in_reported_speech_judges_the_owner() {
        // A proposal judged is rejected; its owner is the recipient.
        check(
            "Scholz/PROPN/Scholz/2/nsubj said/VERB/say/0/root the/DET/the/5/det Russian/ADJ/Russian/5/amod plan/NOUN/plan/8/nsubj was/AUX/be/8/cop a/DET/a/8/det sham/NOUN/sham/2/ccomp",
            &[("REJECT", "DEUGOV", "RUS", A)],
        );
        // Conduct judged is accused.
        check(
            "Kyiv/PROPN/Kyiv/2/nsubj said/VERB/say/0/root the/DET/the/5/det Russian/ADJ/Russian/5/amod strikes/NOUN/strike/7/nsubj were/AUX/be/7/cop barbaric/ADJ/barbaric/2/ccomp",
            &[("ACCUSE", "UKRGOV", "RUS", A)],
        );
    }

    #[test]
    fn the_same_copula_outside_attributed_speech_or_negated_is_no_event() {
        check(
            "The/DET/the/3/det Russian/ADJ/Russian/3/amod plan/NOUN/plan/6/nsubj was/AUX/be/6/cop a/DET/a/6/det sham/NOUN/sham/0/root",
            &[],
        );
        check(
            "Scholz/PROPN/Scholz/2/nsubj said/VERB/say/0/root the/DET/the/5/det Russian/ADJ/Russian/5/amod plan/NOUN/plan/9/nsubj was/AUX/be/9/cop not/PART/not/9/advmod a/DET/a/9/det sham/NOUN/sham/2/ccomp",
            &[],
        );
        // Nothing a party owns, no proposal: no one is judged.
        check(
            "Scholz/PROPN/Scholz/2/nsubj said/VERB/say/0/root the/DET/the/4/det weather/NOUN/weather/6/nsubj was/AUX/be/6/cop absurd/ADJ/absurd/2/ccomp",
            &[],
        );
    }

    #[test]
    fn a_bad_consequence_or_bad_faith_said_of_the_other_side() {
        // "would only reward aggression": a refusal said as a consequence.
        check(
            "A/DET/a/3/det new/ADJ/new/3/amod truce/NOUN/truce/0/root ,/PUNCT/,/3/punct Kyiv/PROPN/Kyiv/6/nsubj said/VERB/say/3/parataxis ,/PUNCT/,/6/punct would/AUX/would/10/aux only/ADV/only/10/advmod reward/VERB/reward/6/ccomp aggression/NOUN/aggression/10/obj",
            &[("REJECT", "UKRGOV", "-", A)],
        );
        check(
            "Scholz/PROPN/Scholz/2/nsubj said/VERB/say/0/root Moscow/PROPN/Moscow/6/nsubj was/AUX/be/6/aux not/PART/not/6/advmod acting/VERB/act/2/ccomp in/ADP/in/9/case good/ADJ/good/9/amod faith/NOUN/faith/6/obl",
            &[("ACCUSE", "DEUGOV", "RUSGOV", A)],
        );
        // Acting in good faith, said, is no allegation.
        check(
            "Scholz/PROPN/Scholz/2/nsubj said/VERB/say/0/root Moscow/PROPN/Moscow/5/nsubj was/AUX/be/5/aux acting/VERB/act/2/ccomp in/ADP/in/8/case good/ADJ/good/8/amod faith/NOUN/faith/5/obl",
            &[],
        );
    }

    #[test]
    fn approval_is_support() {
        check(
            "Moscow/PROPN/Moscow/2/nsubj said/VERB/say/0/root the/DET/the/5/det French/ADJ/French/5/amod remarks/NOUN/remark/8/nsubj were/AUX/be/8/cop in/ADP/in/8/case tune/NOUN/tune/2/ccomp with/ADP/with/11/case its/PRON/its/11/nmod:poss position/NOUN/position/8/nmod",
            &[("SUPPORT", "RUSGOV", "FRA", A)],
        );
    }

    #[test]
    fn naming_with_a_pejorative_complement_is_a_verdict_a_neutral_one_none() {
        has(
            "Moscow/PROPN/Moscow/2/nsubj called/VERB/call/0/root the/DET/the/5/det French/ADJ/French/5/amod proposal/NOUN/proposal/2/obj a/DET/a/7/det farce/NOUN/farce/2/xcomp",
            ("REJECT", "RUSGOV", "FRA"),
        );
        // The talks judged are no new meeting.
        check(
            "Scholz/PROPN/Scholz/2/nsubj described/VERB/describe/0/root the/DET/the/5/det Russian/ADJ/Russian/5/amod talks/NOUN/talk/2/obj as/ADP/as/8/case a/DET/a/8/det waste/NOUN/waste/2/obl of/ADP/of/10/case time/NOUN/time/8/nmod",
            &[("REJECT", "DEUGOV", "RUS", A)],
        );
        check(
            "Scholz/PROPN/Scholz/2/nsubj described/VERB/describe/0/root the/DET/the/5/det Russian/ADJ/Russian/5/amod terms/NOUN/term/2/obj as/ADP/as/9/case a/DET/a/9/det serious/ADJ/serious/9/amod offer/NOUN/offer/2/obl",
            &[],
        );
    }

    #[test]
    fn a_hope_or_a_want_aimed_at_another_party_is_a_request() {
        has(
            "Kyiv/PROPN/Kyiv/2/nsubj hoped/VERB/hop/0/root China/PROPN/China/5/nsubj would/AUX/would/5/aux mediate/VERB/mediate/2/ccomp",
            ("REQUEST", "UKRGOV", "CHN"),
        );
        has(
            "Kyiv/PROPN/Kyiv/2/nsubj wants/VERB/want/0/root China/PROPN/China/2/obj at/ADP/at/6/case the/DET/the/6/det summit/NOUN/summit/2/obl",
            ("REQUEST", "UKRGOV", "CHN"),
        );
        // One's own side, or no party: no request.
        check(
            "Kyiv/PROPN/Kyiv/2/nsubj hoped/VERB/hop/0/root Ukraine/PROPN/Ukraine/5/nsubj would/AUX/would/5/aux win/VERB/win/2/ccomp",
            &[],
        );
    }

    #[test]
    fn insisting_on_a_fact_rebuts_insisting_on_an_act_demands() {
        check(
            "Scholz/PROPN/Scholz/2/nsubj insisted/VERB/insist/0/root the/DET/the/4/det visit/NOUN/visit/7/nsubj was/AUX/be/7/cop a/DET/a/7/det success/NOUN/success/2/ccomp",
            &[("REJECT", "DEUGOV", "-", A)],
        );
        check(
            "Scholz/PROPN/Scholz/2/nsubj insisted/VERB/insist/0/root Russia/PROPN/Russia/4/nsubj withdraw/VERB/withdraw/2/ccomp/VB",
            &[("REQUEST", "DEUGOV", "RUS", A)],
        );
    }

    #[test]
    fn an_unnamed_retaliation_said_is_a_threat_to_the_subjects_owner() {
        check(
            "Moscow/PROPN/Moscow/2/nsubj said/VERB/say/0/root the/DET/the/5/det German/ADJ/German/5/amod decision/NOUN/decision/8/nsubj would/AUX/would/8/aux not/PART/not/8/advmod go/VERB/go/2/ccomp unanswered/ADJ/unanswered/8/xcomp",
            &[("THREATEN", "RUSGOV", "DEU", A)],
        );
        // Consequences denied are no threat.
        check(
            "Moscow/PROPN/Moscow/2/nsubj said/VERB/say/0/root the/DET/the/5/det German/ADJ/German/5/amod decision/NOUN/decision/8/nsubj would/AUX/would/8/aux not/PART/not/8/advmod have/VERB/have/2/ccomp consequences/NOUN/consequence/8/obj",
            &[],
        );
    }

    #[test]
    fn hoping_for_a_meeting_states_intent_to_meet() {
        has(
            "Kyiv/PROPN/Kyiv/2/nsubj hoped/VERB/hop/0/root a/DET/a/4/det summit/NOUN/summit/7/nsubj:pass could/AUX/could/7/aux be/AUX/be/7/aux:pass held/VERB/hold/2/ccomp",
            ("AGREE", "UKRGOV", "-"),
        );
    }

    #[test]
    fn a_nominal_event_in_a_setting_or_a_modifier_is_background() {
        // "met on the sidelines of the French summit": the meeting is coded,
        // the summit is its setting.
        let doc = parsed(
            "Scholz/PROPN/Scholz/2/nsubj met/VERB/meet/0/root Zelenskyy/PROPN/Zelenskyy/2/obj on/ADP/on/6/case the/DET/the/6/det sidelines/NOUN/sideline/2/obl of/ADP/of/10/case the/DET/the/10/det French/ADJ/French/10/amod summit/NOUN/summit/6/nmod",
            "2024-07-18",
        );
        let events = coder().code(&doc);
        assert!(events.iter().all(|e| e.rule != "summit"), "{:?}", summary(&doc, &events));
        assert!(events.iter().any(|e| e.rule == "meet"));
        // The same summit as the object of a light verb is an event.
        let doc = parsed(
            "France/PROPN/France/2/nsubj held/VERB/hold/0/root a/DET/a/4/det summit/NOUN/summit/2/obj",
            "2024-07-18",
        );
        assert!(!coder().code(&doc).is_empty());
        // "the Russian war effort": a modifier, no war coded.
        check(
            "Scholz/PROPN/Scholz/2/nsubj criticised/VERB/criticise/0/root the/DET/the/6/det Russian/ADJ/Russian/6/amod war/NOUN/war/6/compound effort/NOUN/effort/2/obj",
            &[("ACCUSE", "DEUGOV", "RUS", A)],
        );
    }
}
