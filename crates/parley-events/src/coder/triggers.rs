//! Trigger matching: lexicon entries over lemmas and the parse (part of
//! speech, required words, objects, subjects and infinitives), light
//! verbs and carrier nouns, and the suppression of candidates that lie
//! inside another's argument.

use parley_doc::Upos;

use crate::classes::NounClasses;
use crate::lexicon::{LexEntry, Requirement, TriggerPos};
use crate::modality;
use crate::sent::{lemma_candidates, looks_past, Sent};

use super::clauses::{agent_of, embedded_in};
use super::mentions::nominal_mentions;
use super::occurrence::{occurrence_verb, verb_in};
use super::{Cand, EventCoder};

/// The verb class (`data/events/verb-classes.txt`) of verbs whose object
/// noun carries the event ("made a proposal", "held talks", "kept up
/// their attacks").
pub(super) const GOVERN: &str = "govern";
/// The noun class of units of money and time that measure the act in
/// their "in" or "of" phrase ("2.5 billion euros in aid", "three hours
/// of talks").
pub(super) const MEASURE: &str = "measure";
/// Nouns that make the act they are the "in" phrase of their own event
/// ("marched in protest").
pub(super) const IN_ACT: &[&str] = &["protest"];
/// Heads that carry their compound's event ("mediation effort", "aid
/// programme") or quantify over it ("part of the aid").
pub(super) const CARRIER: &[&str] = &[
    "effort",
    "bid",
    "campaign",
    "drive",
    "programme",
    "program",
    "process",
    "mission",
    "operation",
    "part",
    "portion",
    "some",
    "most",
    "all",
    "half",
    "rest",
    "much",
    "container",
    "shipment",
    "consignment",
    "batch",
    "cargo",
    "load",
    "supply",
    "stock",
    // Sets and quantities: "a new package of sanctions", "a round of
    // talks", "$4.2 billion of debt", "the last of their weapons", "its
    // last contingent of blue helmets".
    "package",
    "round",
    "wave",
    "tranche",
    "raft",
    "series",
    "last",
    "remainder",
    "bulk",
    "contingent",
    "billion",
    "million",
    "trillion",
    "tonne",
    "ton",
    // Quantities: "fired a barrage of missiles", "more than a dozen
    // ballistic missiles", "hundreds of drones".
    "dozen",
    "dozens",
    "score",
    "scores",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "number",
    "barrage",
    "salvo",
    "volley",
    "swarm",
    "couple",
    "pair",
];

impl EventCoder {
    /// Lexicon entries that match at each token, most specific first.
    pub(super) fn match_triggers(
        &self,
        s: &Sent<'_>,
        mention_at: &dyn Fn(usize) -> Option<usize>,
    ) -> Vec<Cand> {
        let mut out = Vec::new();
        for i in 0..s.n {
            if matches!(
                s.upos(i),
                Some(Upos::PUNCT | Upos::DET | Upos::ADP | Upos::PRON | Upos::CCONJ | Upos::NUM)
            ) {
                continue;
            }
            if mention_at(i).is_some() && s.upos(i) == Some(Upos::PROPN) {
                continue;
            }
            // "in March", "March 3": a month, never a march.
            if s.is_month(i) {
                continue;
            }
            let mut heads = vec![s.lemma[i].clone()];
            // "is opposed to", "are committed to": a participle after "be"
            // with no "by" agent reads as the adjective when the lexicon has one.
            let stative = s.parsed
                && s.xpos(i) == Some("VBN")
                && s.children[i].iter().any(|&c| matches!(s.rel[c].as_str(), "aux:pass" | "cop"))
                && agent_of(s, i).is_none()
                && self.lexicon.by_head_indexed(&s.lower[i]).any(|(_, e)| e.pos == TriggerPos::Adj);
            if stative {
                heads.insert(0, s.lower[i].clone());
            }
            if !self.lexicon.has_head(&s.lemma[i])
                && matches!(s.upos(i), None | Some(Upos::VERB | Upos::NOUN | Upos::ADJ | Upos::X))
            {
                heads.push(s.lower[i].clone());
                heads.extend(
                    lemma_candidates(&s.lower[i]).into_iter().filter(|c| self.lexicon.has_head(c)),
                );
            } else if s.lower[i] != s.lemma[i] && self.lexicon.has_head(&s.lower[i]) {
                // A plural noun entry ("sanctions/n") whose lemma heads
                // only other entries (the verb "sanction").
                heads.push(s.lower[i].clone());
            }
            let mut best: Option<Cand> = None;
            let mut best_spec = 0;
            for h in heads {
                for (idx, entry) in self.lexicon.by_head_indexed(&h) {
                    if !pos_ok(s, i, entry.pos) {
                        continue;
                    }
                    if let Some((consumed, xcomp, quality)) = requirements_met(s, i, entry) {
                        // Equally specific entries: the one whose object
                        // matched more closely wins (see `requirements_met`).
                        let spec = (entry.specificity() + 1) * 8 + quality;
                        if spec > best_spec {
                            best_spec = spec;
                            best = Some(Cand {
                                tok: i,
                                entry: idx,
                                consumed,
                                xcomp,
                                light: None,
                                occurs: None,
                                suppressed_by: None,
                            });
                        }
                    }
                }
                if best.is_some() {
                    break;
                }
            }
            // A bare participle heading a reduced clause ("Asked about the
            // summit, ...", "When asked ...") has no agent in the text.
            // A clause-initial past form is that participle too, whatever
            // its tag ("Asked about ..., a spokesperson told ...").
            let initial = i == 0
                || matches!(s.lower[i - 1].as_str(), "when" | "if" | "once" | "after" | "as");
            let reduced = s.parsed
                && (s.xpos(i) == Some("VBN") || (initial && s.xpos(i) == Some("VBD")))
                && matches!(s.base(i), "advcl" | "acl" | "root")
                && !s.children[i].iter().any(|&c| matches!(s.base(c), "aux" | "nsubj" | "cop"))
                && !s.reduced_passive(i);
            if reduced
                && best
                    .as_ref()
                    .is_some_and(|c| self.lexicon.entries()[c.entry].pos == TriggerPos::Verb)
            {
                continue;
            }
            if let Some(mut c) = best {
                let noun = self.lexicon.entries()[c.entry].pos == TriggerPos::Noun;
                if noun {
                    c.light = light_head(s, i, self.lexicon.classes());
                }
                // "Protests erupted", and a gerund: "Fighting could resume".
                if c.light.is_none() && (noun || s.base(i) == "csubj") {
                    c.occurs = occurrence_verb(s, i, self.lexicon.classes()).map(|(v, _)| v);
                }
                out.push(c);
            }
        }
        out
    }
}

pub(super) fn pos_ok(s: &Sent<'_>, i: usize, pos: TriggerPos) -> bool {
    let upos = s.upos(i);
    let participle = s.xpos(i).is_some_and(|x| matches!(x, "VBN" | "VBG" | "VBD"));
    match pos {
        TriggerPos::Verb => {
            // A participle before a noun modifies it ("his proposed summit"): no event.
            let attributive = (s.parsed && s.rel[i] == "amod")
                || (!s.parsed
                    && s.xpos(i) == Some("VBN")
                    && i > 0
                    && matches!(s.upos(i + 1), Some(Upos::NOUN | Upos::PROPN | Upos::ADJ))
                    && !matches!(s.lemma[i - 1].as_str(), "be" | "have" | "get" | "remain")
                    && matches!(s.upos(i - 1), Some(Upos::DET | Upos::ADJ | Upos::NUM)));
            // Without tags, a word after a determiner, possessive or
            // preposition is a noun or a modifier ("show of support").
            let nominal_use = upos.is_none()
                && i > 0
                && matches!(
                    s.lower[i - 1].as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "of"
                        | "his"
                        | "her"
                        | "its"
                        | "their"
                        | "our"
                        | "my"
                        | "your"
                        | "for"
                        | "this"
                        | "that"
                );
            !attributive
                && !nominal_use
                && match upos {
                    None | Some(Upos::VERB) => true,
                    // A verbless parse also mistags its verb ("sought" as a noun).
                    Some(Upos::ADJ | Upos::NOUN | Upos::X) => {
                        participle || (!s.parsed && looks_past(&s.lower[i]))
                    }
                    _ => false,
                }
        }
        TriggerPos::Noun => matches!(upos, None | Some(Upos::NOUN) | Some(Upos::PROPN)),
        TriggerPos::Adj => matches!(upos, None | Some(Upos::ADJ)) || s.xpos(i) == Some("VBN"),
    }
}

/// Checks an entry's requirements at token `i`: the tokens it consumed,
/// the infinitive it governs, and how closely its objects matched, which
/// breaks ties between equally specific entries: per object requirement,
/// a `head~modifier` phrase (3) over a lemma the pattern lists by name (2)
/// over a member of a class (1), each on the head's own dependent; a word
/// found only in the words after the head counts 0 ("returned its
/// ambassador to Cairo" is an ambassador returned, not territory).
pub(super) fn requirements_met(
    s: &Sent<'_>,
    i: usize,
    entry: &LexEntry,
) -> Option<(Vec<usize>, Option<usize>, usize)> {
    let mut consumed = vec![i];
    let mut xcomp = None;
    let mut quality = 0;
    let lemma_in = |j: usize, ws: &crate::WordSet| {
        ws.contains(&s.lemma[j])
            || ws.contains(&s.lower[j])
            || lemma_candidates(&s.lower[j]).iter().any(|c| ws.contains(c))
            || (!ws.phrases().is_empty()
                && ws.phrase_matches(&s.lemma[j], |m| has_modifier(s, j, m)))
    };
    for req in &entry.requires {
        match req {
            Requirement::Word(ws) => {
                // The infinitive marker before the head ("to protest") is
                // not the particle of "protest to".
                let kid = s.children[i]
                    .iter()
                    .copied()
                    .filter(|&c| !(c < i && s.base(c) == "mark"))
                    .find(|&c| lemma_in(c, ws));
                let near = (i + 1..s.n.min(i + 4)).find(|&j| ws.contains(&s.lower[j]));
                // "charged the former prime minister with money laundering":
                // the preposition of a phrase the head governs, however far.
                let case = || {
                    s.children[i]
                        .iter()
                        .copied()
                        .filter(|&c| c > i && matches!(s.base(c), "obl" | "nmod"))
                        .flat_map(|c| s.kids(c, "case"))
                        .find(|&m| lemma_in(m, ws))
                };
                consumed.push(kid.or(near).or_else(case)?);
            }
            Requirement::Object(ws) => {
                let found = if entry.pos == TriggerPos::Noun {
                    s.children[i]
                        .iter()
                        .copied()
                        .find(|&c| lemma_in(c, ws))
                        .or_else(|| (i.saturating_sub(3)..i).rev().find(|&j| lemma_in(j, ws)))
                } else {
                    s.children[i]
                        .iter()
                        .copied()
                        .filter(|&c| {
                            matches!(
                                s.rel[c].as_str(),
                                "obj" | "nsubj:pass" | "compound:prt" | "obl" | "xcomp"
                            )
                        })
                        .flat_map(|c| carried(s, c))
                        .find(|&c| lemma_in(c, ws))
                        .inspect(|&c| quality += closeness(s, c, ws))
                        .or_else(|| {
                            (i + 1..s.n.min(i + 5))
                                .take_while(|&j| {
                                    !matches!(s.lower[j].as_str(), "," | ";" | "." | "and" | "that")
                                })
                                .find(|&j| lemma_in(j, ws))
                        })
                        .or_else(|| {
                            // Passive: "calls ... were dismissed".
                            s.is_passive(i)
                                .then(|| (i.saturating_sub(6)..i).rev().find(|&j| lemma_in(j, ws)))
                                .flatten()
                        })
                };
                consumed.push(found?);
            }
            Requirement::Subject(ws) => {
                // "thousands of protesters", "a crowd of demonstrators":
                // the counted noun names who acts.
                let counted = |h: usize| {
                    s.children[h]
                        .iter()
                        .copied()
                        .filter(|&c| s.base(c) == "nmod" && s.prep_of(c) == Some("of"))
                        .collect::<Vec<_>>()
                };
                let found = if s.parsed {
                    s.kid(i, "nsubj").is_some_and(|h| {
                        lemma_in(h, ws) || counted(h).into_iter().any(|c| lemma_in(c, ws))
                    })
                } else {
                    (i.saturating_sub(4)..i).any(|j| lemma_in(j, ws))
                };
                if !found {
                    return None;
                }
            }
            Requirement::Infinitive => {
                let verbal =
                    |c: usize| matches!(s.upos(c), None | Some(Upos::VERB) | Some(Upos::AUX));
                // "ordered the ambassador to leave": with an object before
                // it, a to-infinitive the parser took for a purpose clause
                // is the object's controlled verb.
                let object_control = |c: usize| {
                    s.base(c) == "advcl"
                        && s.kids(c, "mark").any(|m| s.lower[m] == "to")
                        && s.kids(i, "obj").any(|o| i < o && o < c)
                };
                let kid = s.kids(i, "xcomp").find(|&c| verbal(c)).or_else(|| {
                    s.children[i].iter().copied().find(|&c| verbal(c) && object_control(c))
                });
                let near = (s.lower.get(i + 1).is_some_and(|w| w == "to")
                    && matches!(s.upos(i + 2), None | Some(Upos::VERB) | Some(Upos::AUX)))
                .then_some(i + 2)
                .filter(|&j| j < s.n);
                let x = if s.parsed { kid.or(near) } else { near };
                xcomp = Some(x?);
            }
        }
    }
    Some((consumed, xcomp, quality))
}

/// How closely the dependent at `c` matched a word set: 3 for a phrase,
/// 2 for a lemma listed by name, 1 for a class member.
fn closeness(s: &Sent<'_>, c: usize, ws: &crate::WordSet) -> usize {
    let named = |w: &str| ws.words().iter().any(|x| x == w);
    if ws.phrase_matches(&s.lemma[c], |m| has_modifier(s, c, m)) {
        3
    } else if named(&s.lemma[c]) || named(&s.lower[c]) {
        2
    } else {
        1
    }
}

/// Whether the noun at `j` has a modifier with lemma `m`: a dependent
/// ("martial law", "state of emergency"), or, without a parse, one of the
/// two words before it or the word after its "of".
fn has_modifier(s: &Sent<'_>, j: usize, m: &str) -> bool {
    let is = |k: usize| s.lemma[k] == m || s.lower[k] == m;
    if s.parsed {
        return s.children[j]
            .iter()
            .any(|&c| matches!(s.base(c), "compound" | "amod" | "nmod" | "flat") && is(c));
    }
    (j.saturating_sub(2)..j).any(is)
        || (s.lower.get(j + 1).is_some_and(|w| w == "of") && j + 2 < s.n && is(j + 2))
}

/// An argument head and what it carries: the compound or "of" phrase of
/// an effort or a quantity ("suspended part of a military aid programme"
/// reaches "aid"), two steps at most.
pub(super) fn carried(s: &Sent<'_>, c: usize) -> Vec<usize> {
    let mut out = vec![c];
    let mut k = 0;
    while k < out.len() && out.len() < 8 {
        let x = out[k];
        k += 1;
        if k > 3 || !CARRIER.contains(&s.lemma[x].as_str()) {
            continue;
        }
        for &d in &s.children[x] {
            if matches!(s.base(d), "compound" | "nmod") && !out.contains(&d) {
                out.push(d);
            }
        }
    }
    out
}

/// Marks candidates that lie inside another candidate's argument (the
/// statement is coded once) or whose head word another consumed.
/// `verbal[k]`: candidate k is a statement or a non-violent act, which a
/// participle after a comma reports as an act of its own.
///
/// `reports[k]`: candidate k's entry reports its clause (`reports`: "denied
/// that ..."), whose verbs are coded on their own with their own modality.
pub(super) fn suppress(
    s: &Sent<'_>,
    cands: &mut [Cand],
    verbal: &[bool],
    reports: &[bool],
    mention_at: &dyn Fn(usize) -> Option<usize>,
) {
    let snapshot: Vec<(usize, Vec<usize>, Option<usize>, String)> = cands
        .iter()
        .map(|c| (c.tok, c.consumed.clone(), c.xcomp, s.text(c.tok).to_string()))
        .collect();
    for (k, c) in cands.iter_mut().enumerate() {
        // "denied sending troops", "rejected claims that its forces
        // fired": the denied act is coded, negated, as a speech verb's
        // clause is (what another trigger inside it takes stays its own:
        // "denied threatening to seize a port" codes no seizure).
        let denied_verb = matches!(s.upos(c.tok), None | Some(Upos::VERB))
            && snapshot.iter().enumerate().any(|(j, (tok, consumed, xcomp, _))| {
                reports.get(j).copied().unwrap_or(false)
                    && *tok != c.tok
                    && !consumed.contains(&c.tok)
                    && (*xcomp == Some(c.tok) || (s.parsed && embedded_in(s, *tok, c.tok)))
            });
        // Part of a denial's match: the denial itself, or the claim noun
        // it consumed ("rejected accusations that ...").
        let in_denial = |j: usize| {
            reports.get(j).copied().unwrap_or(false)
                || snapshot.iter().enumerate().any(|(k, (_, consumed, _, _))| {
                    reports.get(k).copied().unwrap_or(false) && consumed.contains(&snapshot[j].0)
                })
        };
        for (j, (tok, consumed, xcomp, text)) in snapshot.iter().enumerate() {
            if *tok == c.tok || (denied_verb && in_denial(j)) {
                continue;
            }
            if consumed.contains(&c.tok) || *xcomp == Some(c.tok) {
                c.suppressed_by = Some(format!("part of the match at `{text}`"));
                break;
            }
            if s.parsed && verbal[k] && participle_adjunct(s, *tok, c.tok, mention_at) {
                continue;
            }
            // "A ship seized by Iran ... was released": a reduced passive
            // relative with its own agent, describing the subject, is an
            // act of its own.
            let describes_subject =
                s.head[c.tok].is_some_and(|h| s.base(h) == "nsubj" && s.head[h] == Some(*tok));
            if s.parsed && s.reduced_passive(c.tok) && describes_subject {
                continue;
            }
            // "refused to comment, while blaming Kyiv for ...": a participle
            // of time or contrast aimed at a party is an act of its own.
            if s.parsed
                && modality::circumstance_participle(s, c.tok)
                && s.kids(c.tok, "obj").any(|o| !nominal_mentions(s, o, mention_at).is_empty())
            {
                continue;
            }
            // "Russian missiles hit Odesa and Ukrainian drones attacked a
            // refinery", parsed as if "hit" governed "attacked": a violent
            // act governs no clause, so a finite verb with a subject of
            // its own under one is a clause of its own.
            let violent_outer = !verbal.get(j).copied().unwrap_or(true);
            if s.parsed && violent_outer && own_finite_clause(s, c.tok) {
                continue;
            }
            if s.parsed && embedded_in(s, *tok, c.tok) {
                c.suppressed_by = Some(format!("inside the argument of `{text}`"));
                break;
            }
            if c.light == Some(*tok) {
                c.suppressed_by = Some(format!("object of the trigger `{text}`"));
                break;
            }
        }
    }
    // A light verb that is itself a trigger leaves its object noun alone
    // only when the verb's pattern did not use it; otherwise the verb wins.
}

/// Whether the verb at `v` heads a finite clause with a subject of its own
/// (not a relative pronoun): "... and Ukrainian drones attacked a refinery".
fn own_finite_clause(s: &Sent<'_>, v: usize) -> bool {
    let finite = matches!(s.xpos(v), Some("VBD" | "VBZ" | "VBP"))
        || s.children[v].iter().any(|&c| s.base(c) == "aux");
    finite
        && s.upos(v) == Some(Upos::VERB)
        && s.children[v].iter().any(|&c| {
            s.rel[c] == "nsubj" && !super::clauses::RELATIVE.contains(&s.lower[c].as_str())
        })
}

/// "dismissed the criticism, accusing Brussels of interference": a
/// present participle set off by a comma after the trigger, with no
/// subject or marker of its own, is a second act of the same subject when
/// it names a party as its object. ("rejected the invitations, decrying
/// them as ultimatums" and "..., insisting that ..." only say more of the
/// first act.)
pub(super) fn participle_adjunct(
    s: &Sent<'_>,
    outer: usize,
    inner: usize,
    mention_at: &dyn Fn(usize) -> Option<usize>,
) -> bool {
    s.head[inner] == Some(outer)
        && outer < inner
        && s.base(inner) == "advcl"
        && s.xpos(inner) == Some("VBG")
        && inner > 0
        && s.lower[inner - 1] == ","
        && !s.children[inner].iter().any(|&c| matches!(s.base(c), "mark" | "nsubj" | "aux"))
        && s.kids(inner, "obj").any(|o| !nominal_mentions(s, o, mention_at).is_empty())
}

pub(super) fn light_head(s: &Sent<'_>, noun: usize, classes: &NounClasses) -> Option<usize> {
    let h = s.head[noun]?;
    let rel = s.base(noun);
    // "claimed responsibility for an attack": who claims it did it.
    if s.prep_of(noun) == Some("for") {
        let claim = if s.lemma[h] == "responsibility" {
            s.head[h]
        } else {
            s.kids(h, "obj").any(|o| s.lemma[o] == "responsibility").then_some(h)
        };
        if let Some(v) = claim.filter(|&v| matches!(s.lemma[v].as_str(), "claim" | "admit")) {
            return Some(v);
        }
    }
    // "burned their headscarves in protest", "downed tools in protest at
    // ...": what is done in protest is the protest, its doer the protester.
    if rel == "obl"
        && s.prep_of(noun) == Some("in")
        && IN_ACT.contains(&s.lemma[noun].as_str())
        && s.upos(h) == Some(Upos::VERB)
    {
        return Some(h);
    }
    // "launched a mediation effort", "reimposed part of the blockade".
    if matches!(rel, "compound" | "nmod") && CARRIER.contains(&s.lemma[h].as_str()) {
        return light_head(s, h, classes);
    }
    // "announced 2.5 billion euros in military aid", "held three hours of
    // talks": a unit of money or time measures the act in its phrase.
    if rel == "nmod"
        && matches!(s.prep_of(noun), Some("in" | "of"))
        && classes.get(MEASURE).is_some_and(|m| m.contains(&s.lemma[h]) || m.contains(&s.lower[h]))
    {
        return light_head(s, h, classes);
    }
    // "announced the decision after talks with Zelenskiy": a meeting
    // with a named partner in an adjunct of time is the clause subject's.
    if let Some(v) = after_meeting(s, noun, h) {
        return Some(v);
    }
    // "called the sanctions illegal": calling a thing something judges
    // it; only a bare object is called ("called a strike").
    let judged = s.lemma[h] == "call"
        && (s.kids(h, "xcomp").next().is_some()
            || s.children[noun].iter().any(|&c| c > noun && s.upos(c) == Some(Upos::ADJ)));
    (matches!(rel, "obj" | "nsubj" | "obl")
        && classes.get(GOVERN).is_some_and(|g| verb_in(s, h, g))
        && s.rel[noun] != "nsubj"
        && !judged)
        .then_some(h)
}

/// "announced the decision after talks with Zelenskiy", "Protesters
/// blocked roads following clashes with police": an act done with a
/// named partner, in an adjunct of time after or during the clause, was
/// done by the clause's subject. The verb `h` stands where a light verb
/// would; a passive clause names no one who did it.
fn after_meeting(s: &Sent<'_>, noun: usize, h: usize) -> Option<usize> {
    let adjunct = s.base(noun) == "obl"
        && matches!(s.prep_of(noun), Some("after" | "following" | "during"))
        && s.upos(h) == Some(Upos::VERB)
        && !s.is_passive(h);
    let partner = s.children[noun]
        .iter()
        .any(|&c| matches!(s.base(c), "nmod") && s.prep_of(c) == Some("with"));
    (adjunct && partner && s.children[h].iter().any(|&c| s.rel[c] == "nsubj")).then_some(h)
}

#[cfg(test)]
mod tests {
    use parley_doc::Modality;

    use crate::testutil::{check, coder, parsed, summary};

    /// Whether some event has this type, actor and modality.
    fn has(spec: &str, event: &str, actor: &str, modality: Modality) -> bool {
        let doc = parsed(spec, "2024-07-18");
        let got = summary(&doc, &coder().code(&doc));
        got.iter().any(|(t, a, _, m)| t == event && a == actor && *m == modality)
    }

    #[test]
    fn participles_of_time_aimed_at_a_party_are_kept() {
        // "Norway is brokering talks": brokering is mediation done (045).
        let brokering = "France/PROPN/France/3/nsubj is/AUX/be/3/aux brokering/VERB/broker/0/root/VBG talks/NOUN/talk/3/obj";
        assert!(has(brokering, "CONSULT", "FRA", Modality::Asserted));
        // "refused to comment, while blaming Kyiv": the participle of time
        // is an act of its own, not refused.
        let blaming = "Moscow/PROPN/Moscow/2/nsubj refused/VERB/refuse/0/root to/PART/to/4/mark comment/VERB/comment/2/xcomp ,/PUNCT/,/7/punct while/SCONJ/while/7/mark blaming/VERB/blame/4/advcl/VBG Kyiv/PROPN/Kyiv/7/obj";
        assert!(has(blaming, "ACCUSE", "RUSGOV", Modality::Asserted));
        // "without blaming Kyiv" says the act was not done.
        let without = blaming.replace("while/SCONJ/while", "without/SCONJ/without");
        assert!(!has(&without, "ACCUSE", "RUSGOV", Modality::Asserted));
        // "Russian missiles hit Odesa and drones attacked a refinery",
        // parsed with "attacked" under "hit": its own clause.
        let attacked = "Russian/ADJ/Russian/2/amod missiles/NOUN/missile/3/nsubj hit/VERB/hit/0/root Odesa/PROPN/Odesa/3/obj and/CCONJ/and/8/cc Ukrainian/ADJ/Ukrainian/7/amod drones/NOUN/drone/8/nsubj attacked/VERB/attack/3/ccomp/VBD a/DET/a/10/det refinery/NOUN/refinery/8/obj";
        assert!(has(attacked, "ASSAULT", "UKR", Modality::Asserted));
        // Under a statement, the clause is what is said: coded once.
        let said = "Kremlin/PROPN/Kremlin/2/nsubj accused/VERB/accuse/0/root Kyiv/PROPN/Kyiv/2/obj ,/PUNCT/,/2/punct saying/VERB/say/2/advcl Ukrainian/ADJ/Ukrainian/7/amod drones/NOUN/drone/8/nsubj attacked/VERB/attack/5/ccomp/VBD a/DET/a/10/det refinery/NOUN/refinery/8/obj";
        assert!(!has(said, "ASSAULT", "UKR", Modality::Asserted));
        // One aimed at no party ("while giving a speech") stays inside.
        let speech = "Moscow/PROPN/Moscow/2/nsubj refused/VERB/refuse/0/root to/PART/to/4/mark comment/VERB/comment/2/xcomp ,/PUNCT/,/7/punct while/SCONJ/while/7/mark blaming/VERB/blame/4/advcl/VBG rain/NOUN/rain/7/obj";
        assert!(!has(speech, "ACCUSE", "RUSGOV", Modality::Asserted));
    }

    #[test]
    fn a_governing_verb_of_the_class_codes_its_event_noun() {
        // "kept up its attacks on Kyiv": `keep_up` governs the attack.
        let kept = "Russia/PROPN/Russia/2/nsubj kept/VERB/keep/0/root up/ADP/up/2/compound:prt its/PRON/its/5/nmod:poss attacks/NOUN/attack/2/obj on/ADP/on/7/case Kyiv/PROPN/Kyiv/5/nmod";
        assert!(has(kept, "ASSAULT", "RUS", Modality::Asserted));
        // Without its particle, "kept" is no governing verb.
        let without = "Russia/PROPN/Russia/2/nsubj kept/VERB/keep/0/root attacks/NOUN/attack/2/obj on/ADP/on/5/case Kyiv/PROPN/Kyiv/3/nmod";
        assert!(!has(without, "ASSAULT", "RUS", Modality::Asserted));
        // "stepped up shelling of Kharkiv", "resumed talks with Iran".
        let resumed = "France/PROPN/France/2/nsubj resumed/VERB/resume/0/root talks/NOUN/talk/2/obj with/ADP/with/5/case Iran/PROPN/Iran/3/nmod";
        assert!(has(resumed, "CONSULT", "FRA", Modality::Asserted));
    }

    #[test]
    fn a_unit_of_money_or_time_measures_the_act_it_governs() {
        // "announced 2.5 billion euros in military aid to Ukraine".
        let euros = "Germany/PROPN/Germany/2/nsubj announced/VERB/announce/0/root 2.5/NUM/2.5/4/nummod billion/NUM/billion/5/nummod euros/NOUN/euro/2/obj in/ADP/in/8/case military/ADJ/military/8/amod aid/NOUN/aid/5/nmod to/ADP/to/10/case Ukraine/PROPN/Ukraine/8/nmod";
        assert!(has(euros, "AID", "DEU", Modality::Asserted));
        // "wrapped up two days of talks with China".
        let days = "Russia/PROPN/Russia/2/nsubj wrapped/VERB/wrap/0/root up/ADP/up/2/compound:prt two/NUM/two/5/nummod days/NOUN/day/2/obj of/ADP/of/7/case talks/NOUN/talk/5/nmod with/ADP/with/9/case China/PROPN/China/7/nmod";
        assert!(has(days, "CONSULT", "RUS", Modality::Asserted));
        // A noun that measures nothing: "wrapped up two houses of talks".
        let houses = days.replace("days/NOUN/day", "houses/NOUN/house");
        assert!(!has(&houses, "CONSULT", "RUS", Modality::Asserted));
    }

    #[test]
    fn talks_with_a_partner_after_the_clause_are_its_subjects() {
        // "France announced the decision after talks with Germany".
        let after = "France/PROPN/France/2/nsubj announced/VERB/announce/0/root the/DET/the/4/det decision/NOUN/decision/2/obj after/ADP/after/6/case talks/NOUN/talk/2/obl with/ADP/with/8/case Germany/PROPN/Germany/6/nmod";
        assert!(has(after, "CONSULT", "FRA", Modality::Asserted));
        // With no partner named, an attack after which the subject acted
        // is not the subject's: "Israel retaliated after attacks on Haifa".
        let retaliated = "Israel/PROPN/Israel/2/nsubj retaliated/VERB/retaliate/0/root after/ADP/after/4/case attacks/NOUN/attack/2/obl on/ADP/on/6/case Haifa/PROPN/Haifa/4/nmod";
        assert!(!has(retaliated, "ASSAULT", "ISR", Modality::Asserted));
    }

    #[test]
    fn carrier_nouns_pass_their_event_through() {
        // "containers of munitions from Pyongyang": the from-phrase on the
        // carried object is the giver.
        check(
            "Moscow/PROPN/Moscow/2/nsubj received/VERB/receive/0/root containers/NOUN/container/2/obj of/ADP/of/5/case munitions/NOUN/munition/3/nmod from/ADP/from/7/case Pyongyang/PROPN/Pyongyang/5/nmod",
            &[("AID", "PRKGOV", "RUSGOV", Modality::Asserted)],
        );
        // "launched a mediation effort": the light verb reaches the compound.
        check(
            "Germany/PROPN/Germany/2/nsubj launched/VERB/launch/0/root a/DET/a/5/det mediation/NOUN/mediation/5/compound effort/NOUN/effort/2/obj between/ADP/between/7/case Kyiv/PROPN/Kyiv/5/nmod",
            &[("CONSULT", "DEU", "UKRGOV", Modality::Asserted)],
        );
        // "forgave $4.2 billion of debt to Ukraine": a quantity carries what
        // it counts into the object list (forgiving debt is aid; without
        // the carrier it is the pardon sense of "forgive").
        check(
            "China/PROPN/China/2/nsubj forgave/VERB/forgive/0/root $4.2/NUM/$4.2/4/nummod billion/NUM/billion/2/obj of/ADP/of/6/case debt/NOUN/debt/4/nmod to/ADP/to/8/case Ukraine/PROPN/Ukraine/2/obl",
            &[("AID", "CHN", "UKR", Modality::Asserted)],
        );
    }

    #[test]
    fn joining_an_act_is_doing_it() {
        // "joined the boycott of Russia": `join` is a light verb.
        check(
            "Poland/PROPN/Poland/2/nsubj joined/VERB/join/0/root the/DET/the/4/det boycott/NOUN/boycott/2/obj of/ADP/of/6/case Russia/PROPN/Russia/4/nmod",
            &[("PROTEST", "POL", "RUS", Modality::Asserted)],
        );
    }

    #[test]
    fn clause_initial_participle_has_no_agent() {
        // "Asked about the Kremlin's response, Scholz told reporters ...":
        // Scholz was asked; he did not ask the Kremlin anything.
        check(
            "Asked/VERB/ask/0/root/VBD about/ADP/about/4/case Kremlin/PROPN/Kremlin/4/nmod:poss response/NOUN/response/1/obl Scholz/PROPN/Scholz/6/nsubj told/VERB/tell/1/parataxis/VBD reporters/NOUN/reporter/6/obj",
            &[],
        );
    }

    #[test]
    fn stative_participle_reads_as_the_adjective() {
        // "Israel is opposed to French mediation": Israel opposes, France is the target.
        check(
            "Israel/PROPN/Israel/3/nsubj:pass is/AUX/be/3/aux:pass opposed/VERB/oppose/0/root/VBN to/ADP/to/6/case French/ADJ/French/6/amod mediation/NOUN/mediation/3/obl",
            &[("REJECT", "ISR", "FRA", Modality::Asserted)],
        );
    }

    #[test]
    fn ordering_an_envoy_to_leave_is_an_expulsion() {
        check(
            "Russia/PROPN/Russia/2/nsubj ordered/VERB/order/0/root the/DET/the/5/det French/ADJ/French/5/amod ambassador/NOUN/ambassador/2/obj to/PART/to/7/mark leave/VERB/leave/2/xcomp",
            &[("SANCTION", "RUS", "FRA", Modality::Asserted)],
        );
    }

    #[test]
    fn control_verb_codes_the_refusal_not_the_meeting() {
        check(
            "Russia/PROPN/Russia/2/nsubj refused/VERB/refuse/0/root to/PART/to/4/mark attend/VERB/attend/2/xcomp the/DET/the/6/det summit/NOUN/summit/4/obj",
            &[("REJECT", "RUS", "-", Modality::Asserted)],
        );
    }

    #[test]
    fn who_gathers_decides_between_a_protest_and_a_meeting() {
        let events = check(
            "Thousands/NOUN/thousand/4/nsubj of/ADP/of/3/case protesters/NOUN/protester/1/nmod gathered/VERB/gather/0/root in/ADP/in/6/case Tbilisi/PROPN/Tbilisi/4/obl",
            &[("PROTEST", "GEO", "GEOGOV", Modality::Asserted)],
        );
        assert_eq!(events[0].rule, "gather-protest");
        let events = check(
            "Leaders/NOUN/leader/2/nsubj gathered/VERB/gather/0/root in/ADP/in/4/case Switzerland/PROPN/Switzerland/2/obl",
            &[("CONSULT", "-", "CHE", Modality::Asserted)],
        );
        assert_eq!(events[0].rule, "gather");
    }

    #[test]
    fn a_when_clause_parsed_with_an_adverb_is_an_act_of_its_own() {
        // "Ukrainian soldiers were killed when Russian drones hit their position".
        let events = check(
            "Ukrainian/ADJ/Ukrainian/2/amod soldiers/NOUN/soldier/4/nsubj:pass were/AUX/be/4/aux:pass killed/VERB/kill/0/root when/ADV/when/8/advmod Russian/ADJ/Russian/7/amod drones/NOUN/drone/8/nsubj hit/VERB/hit/4/advcl their/PRON/their/10/nmod:poss position/NOUN/position/8/obj",
            &[("ASSAULT", "-", "UKR", Modality::Asserted), ("ASSAULT", "RUS", "UKR", Modality::Asserted)],
        );
        assert_eq!(events.len(), 2);
    }

    #[test]
    fn a_nouns_phrase_may_hang_off_its_light_verb() {
        check(
            "Russia/PROPN/Russia/2/nsubj announced/VERB/announce/0/root its/PRON/its/4/nmod:poss withdrawal/NOUN/withdrawal/2/obj from/ADP/from/6/case NATO/PROPN/NATO/2/obl over/ADP/over/8/case Ukraine/PROPN/Ukraine/2/obl",
            &[("RETREAT", "RUS", "IGOWSTNAT", Modality::Asserted)],
        );
    }

    #[test]
    fn who_claims_responsibility_for_an_attack_did_it() {
        check(
            "Russia/PROPN/Russia/2/nsubj claimed/VERB/claim/0/root responsibility/NOUN/responsibility/2/obj for/ADP/for/6/case the/DET/the/6/det attack/NOUN/attack/3/nmod",
            &[("ASSAULT", "RUS", "-", Modality::Asserted)],
        );
    }

    #[test]
    fn a_circumstance_with_its_own_subject_is_an_act_of_its_own() {
        let doc = parsed(
            "Germany/PROPN/Germany/2/nsubj offered/VERB/offer/0/root to/PART/to/4/mark host/VERB/host/2/xcomp talks/NOUN/talk/4/obj as/SCONJ/as/8/mark Scholz/PROPN/Scholz/8/nsubj met/VERB/meet/4/advcl Zelenskyy/PROPN/Zelenskyy/8/obj",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(
            got.iter().any(|(t, a, r, _)| t == "CONSULT" && a == "DEUGOV" && r == "UKRGOV"),
            "{got:?}"
        );
        // ... and when its subject names no party, nobody else is its actor.
        let doc = parsed(
            "Germany/PROPN/Germany/2/nsubj declared/VERB/declare/0/root a/DET/a/4/det state/NOUN/state/2/obj of/ADP/of/6/case emergency/NOUN/emergency/4/nmod after/SCONJ/after/9/mark gangs/NOUN/gang/9/nsubj attacked/VERB/attack/2/advcl a/DET/a/11/det station/NOUN/station/9/obj",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(!got.iter().any(|(t, _, _, _)| t == "ASSAULT"), "{got:?}");
    }

    #[test]
    fn taking_part_needs_no_in_phrase() {
        check(
            "Russia/PROPN/Russia/4/nsubj would/AUX/would/4/aux not/PART/not/4/advmod take/VERB/take/0/root part/NOUN/part/4/obj",
            &[("REJECT", "RUS", "-", Modality::Asserted)],
        );
    }

    #[test]
    fn a_plural_noun_entry_matches_when_its_lemma_heads_a_verb_entry() {
        // "sanctions/n" is an entry; the lemma "sanction" heads the verb entry.
        check(
            "Germany/PROPN/Germany/2/nsubj announced/VERB/announce/0/root new/ADJ/new/4/amod sanctions/NOUN/sanction/2/obj against/ADP/against/6/case Russia/PROPN/Russia/4/nmod",
            &[("SANCTION", "DEU", "RUS", Modality::Asserted)],
        );
    }

    #[test]
    fn ordering_an_envoy_to_leave_is_an_expulsion_however_the_infinitive_attaches() {
        for rel in ["xcomp", "advcl"] {
            let spec = format!(
                "France/PROPN/France/2/nsubj ordered/VERB/order/0/root the/DET/the/5/det Russian/ADJ/Russian/5/amod ambassador/NOUN/ambassador/2/obj to/PART/to/7/mark leave/VERB/leave/2/{rel}"
            );
            let events = check(&spec, &[("SANCTION", "FRA", "RUS", Modality::Asserted)]);
            assert_eq!(events[0].cameo, "166", "{rel}");
        }
    }

    #[test]
    fn a_reduced_passive_relative_with_an_agent_is_an_act() {
        // "Ukrainian soldiers killed by Russian drones": the agent is named,
        // and the noun modified is the one it befell.
        let doc = parsed(
            "Ukrainian/ADJ/Ukrainian/2/amod soldiers/NOUN/soldier/8/nsubj:pass killed/VERB/kill/2/acl/VBN by/ADP/by/6/case Russian/ADJ/Russian/6/amod drones/NOUN/drone/3/obl:agent were/AUX/be/8/aux:pass buried/VERB/bury/0/root",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(
            got.iter().any(|(t, a, r, _)| t == "ASSAULT" && a == "RUS" && r == "UKR"),
            "{got:?}"
        );
        // Describing the subject of another act, it is still an act of its
        // own; its unnamed patient is no domestic target.
        let doc = parsed(
            "A/DET/a/2/det ship/NOUN/ship/7/nsubj:pass seized/VERB/seize/2/acl/VBN by/ADP/by/5/case Russia/PROPN/Russia/3/obl:agent was/AUX/be/7/aux:pass released/VERB/release/0/root",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(got.iter().any(|(t, a, r, _)| t == "COERCE" && a == "RUS" && r == "-"), "{got:?}");
    }

    #[test]
    fn a_denial_rejects_and_the_denied_act_is_no_fact() {
        // "Russia denied that Russian forces attacked Kyiv".
        let events = check(
            "Russia/PROPN/Russia/2/nsubj denied/VERB/deny/0/root that/SCONJ/that/6/mark Russian/ADJ/Russian/5/amod forces/NOUN/force/6/nsubj attacked/VERB/attack/2/ccomp Kyiv/PROPN/Kyiv/6/obj",
            &[
                ("REJECT", "RUS", "-", Modality::Asserted),
                ("ASSAULT", "RUS", "UKR", Modality::Negated),
            ],
        );
        assert_eq!(events[0].rule, "deny-that");
        // "Russia denied attacking Kyiv": the gerund too.
        check(
            "Russia/PROPN/Russia/2/nsubj denied/VERB/deny/0/root attacking/VERB/attack/2/xcomp/VBG Kyiv/PROPN/Kyiv/3/obj",
            &[
                ("REJECT", "RUS", "-", Modality::Asserted),
                ("ASSAULT", "RUS", "UKR", Modality::Negated),
            ],
        );
        // "Russia denied threatening to attack Kyiv": the threat is
        // denied; the attack is part of the threat, not an act of its own.
        check(
            "Russia/PROPN/Russia/2/nsubj denied/VERB/deny/0/root threatening/VERB/threaten/2/xcomp/VBG to/PART/to/5/mark attack/VERB/attack/3/xcomp Kyiv/PROPN/Kyiv/5/obj",
            &[
                ("REJECT", "RUS", "-", Modality::Asserted),
                ("THREATEN", "RUS", "UKRGOV", Modality::Negated),
            ],
        );
        // "Russia rejected Ukrainian accusations that Russian forces
        // attacked Kyiv": the accuser is the recipient.
        check(
            "Russia/PROPN/Russia/2/nsubj rejected/VERB/reject/0/root Ukrainian/ADJ/Ukrainian/4/amod accusations/NOUN/accusation/2/obj that/SCONJ/that/8/mark Russian/ADJ/Russian/7/amod forces/NOUN/force/8/nsubj attacked/VERB/attack/4/acl Kyiv/PROPN/Kyiv/8/obj",
            &[
                ("REJECT", "RUS", "UKR", Modality::Asserted),
                ("ASSAULT", "RUS", "UKR", Modality::Negated),
            ],
        );
    }

    #[test]
    fn a_month_is_never_a_trigger() {
        // "Ukrainian workers protested in March": one protest, no march.
        let events = check(
            "Ukrainian/ADJ/ukrainian/2/amod workers/NOUN/worker/3/nsubj protested/VERB/protest/0/root in/ADP/in/5/case March/PROPN/March/3/obl",
            &[("PROTEST", "UKR", "UKR", Modality::Asserted)],
        );
        assert_eq!(events[0].rule, "protest");
        // Without tags either.
        check("Kyiv accused Russia in March", &[("ACCUSE", "UKRGOV", "RUS", Modality::Asserted)]);
        // The verb still codes: "Ukrainian students march on Kyiv".
        check(
            "Ukrainian/ADJ/ukrainian/2/amod students/NOUN/student/3/nsubj march/VERB/march/0/root",
            &[("PROTEST", "UKR", "UKR", Modality::Asserted)],
        );
    }

    #[test]
    fn calling_sanctions_something_imposes_none() {
        let doc = parsed(
            "Russia/PROPN/Russia/2/nsubj called/VERB/call/0/root the/DET/the/4/det sanctions/NOUN/sanction/2/obj illegal/ADJ/illegal/4/acl",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(!got.iter().any(|(t, _, _, _)| t == "SANCTION"), "{got:?}");
    }

    #[test]
    fn a_phrase_needs_its_modifier() {
        // "Russia declared a state of emergency": martial law (1724).
        let doc = parsed(
            "Russia/PROPN/Russia/2/nsubj declared/VERB/declare/0/root a/DET/a/4/det state/NOUN/state/2/obj of/ADP/of/6/case emergency/NOUN/emergency/4/nmod",
            "2024-07-18",
        );
        let events = coder().code(&doc);
        assert!(events.iter().any(|e| e.cameo == "1724"), "{:?}", summary(&doc, &events));
        // "Russia declared the law unconstitutional": no state of siege.
        let doc = parsed(
            "Russia/PROPN/Russia/2/nsubj declared/VERB/declare/0/root the/DET/the/4/det law/NOUN/law/2/obj unconstitutional/ADJ/unconstitutional/2/xcomp",
            "2024-07-18",
        );
        let events = coder().code(&doc);
        assert!(!events.iter().any(|e| e.cameo.starts_with("172")), "{:?}", summary(&doc, &events));
    }

    #[test]
    fn a_listed_object_outranks_a_class_member_after_the_head() {
        // "Ukraine returned its ambassador to Moscow": the ambassador
        // (listed by return-ambassador) is what is returned, not the city
        // (territory, a class of return-prisoners) in the words after.
        let events = check(
            "Ukraine/PROPN/Ukraine/2/nsubj returned/VERB/return/0/root its/PRON/its/4/nmod:poss ambassador/NOUN/ambassador/2/obj to/ADP/to/6/case Moscow/PROPN/Moscow/2/obl",
            &[("SUPPORT", "UKR", "RUSGOV", Modality::Asserted)],
        );
        assert_eq!(events[0].rule, "return-ambassador");
    }

    #[test]
    fn a_preposition_may_head_a_phrase_far_from_the_verb() {
        // "Russia charged the former minister with fraud": charge-with.
        let events = coder().code(&parsed(
            "Russia/PROPN/Russia/2/nsubj charged/VERB/charge/0/root the/DET/the/5/det former/ADJ/former/5/amod minister/NOUN/minister/2/obj with/ADP/with/7/case fraud/NOUN/fraud/2/obl",
            "2024-07-18",
        ));
        assert_eq!(events.first().map(|e| e.rule.as_str()), Some("charge-with"));
    }

    #[test]
    fn a_quantity_carries_what_it_counts() {
        // "Russia fired a dozen ballistic missiles at Ukraine".
        let events = check(
            "Russia/PROPN/Russia/2/nsubj fired/VERB/fire/0/root a/DET/a/4/det dozen/NOUN/dozen/2/obj ballistic/ADJ/ballistic/6/amod missiles/NOUN/missile/4/nmod at/ADP/at/8/case Ukraine/PROPN/Ukraine/2/obl",
            &[("ASSAULT", "RUS", "UKR", Modality::Asserted)],
        );
        assert_eq!(events[0].rule, "fire-missile");
    }

    #[test]
    fn an_act_done_in_protest_is_a_protest_by_its_doer() {
        // "Ukrainian farmers shaved their heads in protest against Kyiv".
        let events = check(
            "Ukrainian/ADJ/Ukrainian/2/amod farmers/NOUN/farmer/3/nsubj shaved/VERB/shave/0/root their/PRON/their/5/nmod:poss heads/NOUN/head/3/obj in/ADP/in/7/case protest/NOUN/protest/3/obl against/ADP/against/9/case Kyiv/PROPN/Kyiv/7/nmod",
            &[("PROTEST", "UKR", "UKRGOV", Modality::Asserted)],
        );
        assert_eq!(events[0].rule, "protest-n");
        // Any other "in" phrase is no event: "shaved their heads in Kyiv".
        check(
            "Ukrainian/ADJ/Ukrainian/2/amod farmers/NOUN/farmer/3/nsubj shaved/VERB/shave/0/root their/PRON/their/5/nmod:poss heads/NOUN/head/3/obj in/ADP/in/7/case Kyiv/PROPN/Kyiv/3/obl",
            &[],
        );
    }

    #[test]
    fn a_closed_mission_cuts_ties_with_the_country_it_is_in() {
        // "Poland closed its embassy in Moscow": the embassy's country is
        // the recipient (SANCTION 161), not a restriction at home.
        let events = check(
            "Poland/PROPN/Poland/2/nsubj closed/VERB/close/0/root its/PRON/its/4/nmod:poss embassy/NOUN/embassy/2/obj in/ADP/in/6/case Moscow/PROPN/Moscow/4/nmod",
            &[("SANCTION", "POL", "RUSGOV", Modality::Asserted)],
        );
        assert_eq!(events[0].cameo, "161");
        // "Poland closed its border with Russia" stays a restriction.
        let events = check(
            "Poland/PROPN/Poland/2/nsubj closed/VERB/close/0/root its/PRON/its/4/nmod:poss border/NOUN/border/2/obj with/ADP/with/6/case Russia/PROPN/Russia/4/nmod",
            &[("COERCE", "POL", "RUS", Modality::Asserted)],
        );
        assert_eq!(events[0].cameo, "172");
        // "Russia suspended flights to Poland": commerce curtailed, not aid.
        let events = check(
            "Russia/PROPN/Russia/2/nsubj suspended/VERB/suspend/0/root flights/NOUN/flight/2/obj to/ADP/to/5/case Poland/PROPN/Poland/3/nmod",
            &[("SANCTION", "RUS", "POL", Modality::Asserted)],
        );
        assert_eq!(events[0].rule, "suspend-flights");
    }

    #[test]
    fn troops_sent_to_a_place_mobilize_and_sent_to_help_aid() {
        // "France sent troops to Ukraine": a move of forces.
        let events = check(
            "France/PROPN/France/2/nsubj sent/VERB/send/0/root troops/NOUN/troop/2/obj to/ADP/to/5/case Ukraine/PROPN/Ukraine/2/obl",
            &[("MOBILIZE", "FRA", "UKR", Modality::Asserted)],
        );
        assert_eq!(events[0].rule, "send-troops");
        // "France sent troops to help Ukraine": military assistance.
        let events = check(
            "France/PROPN/France/2/nsubj sent/VERB/send/0/root troops/NOUN/troop/2/obj to/PART/to/5/mark help/VERB/help/2/advcl Ukraine/PROPN/Ukraine/5/obj",
            &[("AID", "FRA", "UKR", Modality::Asserted)],
        );
        assert_eq!(events[0].rule, "send-troops-to");
        // Warships moved are a show of weapons (MOBILIZE 150).
        let events = check(
            "China/PROPN/China/2/nsubj sent/VERB/send/0/root warships/NOUN/warship/2/obj to/ADP/to/5/case Ukraine/PROPN/Ukraine/2/obl",
            &[("MOBILIZE", "CHN", "UKR", Modality::Asserted)],
        );
        assert_eq!(events[0].cameo, "150");
    }
}
