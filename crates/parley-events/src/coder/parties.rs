//! Parties: the actor from the entry's frame (or word order without a
//! parse), the speaker of reported speech and quotes, and the steps of
//! `build` that find the frame's parties and let the speaker act.

use parley_doc::{Actor, EventType, Upos};

use crate::attribution;
use crate::lexicon::{LexEntry, Role, TriggerPos};
use crate::sent::Sent;

use super::build::{Draft, Site};
use super::clauses::{agent_of, named_subject, own_circumstance, relative_antecedent, subject_of};
use super::mentions::{dedupe, nominal_mentions, noun_owner, relabel, role_name, role_prep};
use super::recipients::addressee_unnamed;
use super::{Cand, DocCtx, EventCoder, Hit};

/// A party known only by its country (the people, a place, a domestic target).
pub(super) fn country_actor(country: String) -> Actor {
    Actor { code: country.clone(), country: Some(country), sector: None, name: None, role: None }
}

/// Nouns for people as a crowd, not as officials ("protesters in Nairobi").
pub(super) const CROWD: &[&str] = &[
    "protester",
    "demonstrator",
    "crowd",
    "activist",
    "resident",
    "people",
    "citizen",
    "student",
    "worker",
    "civilian",
    "mourner",
    "supporter",
    "opponent",
    "youth",
    "voter",
];

/// Natural features and currencies a demonym may name without naming a
/// party: "the Korean peninsula", "the Chinese coast", "Japanese waters",
/// "30 billion Canadian dollars".
pub(super) const GEO_FEATURE: &[&str] = &[
    "dollar",
    "euro",
    "pound",
    "yen",
    "yuan",
    "rouble",
    "ruble",
    "rupee",
    "peso",
    "franc",
    "lira",
    "won",
    "peninsula",
    "sea",
    "coast",
    "coastline",
    "waters",
    "gulf",
    "strait",
    "island",
    "islands",
    "mountain",
    "mountains",
    "river",
    "lake",
    "desert",
];
pub(super) const FIRST_PERSON: &[&str] = &["we", "i", "us", "me", "our"];

impl EventCoder {
    pub(super) fn speaker_of(&self, ctx: &DocCtx<'_>, si: usize, verb: usize) -> Option<Hit> {
        let s = ctx.sents.get(si)?;
        let ms = &ctx.mentions[si];
        let mention_at =
            |i: usize| ms.iter().find(|(_, a, b)| *a <= i && i < *b).map(|(m, _, _)| *m);
        if s.lemma[verb] == "according" {
            let m = ms.iter().filter(|(_, a, _)| *a > verb).min_by_key(|(_, a, _)| *a)?;
            return Some(Hit { mention: m.0, rule: "according-to".into(), parse: false });
        }
        // "“We think that X should attend,” Zelensky told a press
        // conference": "I" or "we" in a quote is whoever the quote is
        // attributed to (its speech verb lies outside the quote, so this
        // looks no further).
        if let Some(q) = attribution::quote_at(&ctx.quotes, s.span(verb)).filter(|_| {
            s.parsed
                && subject_of(s, verb).is_some_and(|h| FIRST_PERSON.contains(&s.lower[h].as_str()))
        }) {
            if let Some((qs, qv)) = attribution::quote_speaker(s.doc, &ctx.sents, q, &ctx.quotes) {
                if attribution::quote_at(&ctx.quotes, ctx.sents.get(qs)?.span(qv)).is_none() {
                    return self.speaker_of(ctx, qs, qv);
                }
            }
        }
        // ", the Palestinian health ministry said.": the words between the
        // comma and the verb are the speaker, whatever the parse says.
        if let Some((_, first)) =
            attribution::closing_attribution(s, &ctx.quotes).filter(|&(v, _)| v == verb)
        {
            // "..., witnesses said": a speaker no dictionary knows is no one
            // else named in the sentence.
            return ms
                .iter()
                .filter(|(_, a, b)| *a >= first && *b <= verb)
                .max_by_key(|(_, _, b)| *b)
                .map(|(m, _, _)| Hit {
                    mention: *m,
                    rule: "closing-attribution".into(),
                    parse: false,
                });
        }
        if s.parsed {
            if let Some(subj) = subject_of(s, verb) {
                if let Some(h) = nominal_mentions(s, subj, &mention_at).into_iter().next() {
                    return Some(h);
                }
            }
        }
        // Nearest mention, preferring the one just before the verb ("he
        // said"), but none from the words reported: in "Poland will send
        // tanks to Ukraine, Defence Minister X said" neither is the speaker.
        let reported = |i: usize| {
            s.parsed
                && (s.children[verb].iter().any(|&c| {
                    matches!(s.base(c), "ccomp" | "parataxis") && (c == i || s.dominates(c, i))
                }) || (matches!(s.base(verb), "parataxis" | "ccomp")
                    && s.head[verb]
                        .is_some_and(|h| (h == i || s.dominates(h, i)) && !s.dominates(verb, i))))
        };
        // Nor from a quote: "“... the people of Niger,” a spokesperson said".
        let quoted = |m: usize| {
            s.doc
                .mentions
                .get(m)
                .is_some_and(|m| attribution::quote_at(&ctx.quotes, m.span).is_some())
        };
        ms.iter()
            .filter(|(m, a, b)| (*b <= verb || *a > verb) && !reported(*a) && !quoted(*m))
            .min_by_key(|(_, a, b)| if *b <= verb { verb - b } else { (a - verb) * 2 + 1 })
            .map(|(m, _, _)| Hit { mention: *m, rule: "nearest".into(), parse: false })
    }

    pub(super) fn actors(
        &self,
        s: &Sent<'_>,
        c: &Cand,
        entry: &LexEntry,
        mention_at: &dyn Fn(usize) -> Option<usize>,
    ) -> (Vec<Hit>, bool) {
        let t = c.tok;
        if s.parsed {
            if let Some(hits) = second_speech_act(s, t, mention_at) {
                return (hits, true);
            }
            if let Some(l) = c.light {
                // "made a proposal": the light verb's subject; "were engaged
                // in": a stative passive keeps its subject as the agent.
                let agent = agent_of(s, l)
                    .or_else(|| (s.lemma[l] == "engage").then(|| subject_of(s, l)).flatten());
                if let Some(subj) = agent {
                    let hits = nominal_mentions(s, subj, mention_at);
                    if !hits.is_empty() {
                        return (relabel(hits, "light-subj"), true);
                    }
                }
            }
            for role in &entry.actor {
                let hits = match role {
                    // A predicative adjective's subject is its holder, even
                    // when it looks passive ("Israel is opposed to ...").
                    Role::Subj if entry.pos == TriggerPos::Adj => subject_of(s, t)
                        .map(|h| nominal_mentions(s, h, mention_at))
                        .unwrap_or_default(),
                    Role::Subj => agent_of(s, t)
                        .map(|h| nominal_mentions(s, h, mention_at))
                        .unwrap_or_default(),
                    Role::Poss => noun_owner(s, t, mention_at),
                    Role::Prep(p) => {
                        // "received containers of munitions from Pyongyang":
                        // the phrase may hang off the matched object.
                        let mut hits = role_prep(s, t, p, mention_at);
                        for &o in c.consumed.iter().skip(1) {
                            if hits.is_empty() {
                                hits = role_prep(s, o, p, mention_at);
                            }
                        }
                        hits
                    }
                    Role::Obj => s
                        .kid(t, "obj")
                        .map(|h| nominal_mentions(s, h, mention_at))
                        .unwrap_or_default(),
                    Role::Iobj => s
                        .kid(t, "iobj")
                        .map(|h| nominal_mentions(s, h, mention_at))
                        .unwrap_or_default(),
                };
                if !hits.is_empty() {
                    return (relabel(hits, &role_name(role)), true);
                }
            }
            if entry.pos == TriggerPos::Noun {
                return (Vec::new(), false);
            }
        }
        if entry.pos == TriggerPos::Noun && c.light.is_none() {
            // Surface: a possessive or adjectival mention right before the noun.
            let hits: Vec<Hit> = (t.saturating_sub(3)..t)
                .filter_map(mention_at)
                .map(|m| Hit { mention: m, rule: "pre-noun".into(), parse: true })
                .collect();
            return (dedupe(hits), false);
        }
        actor_off_frame(s, c, mention_at)
    }
}

/// "Biden told the allies that Russia was on a wartime footing and warned
/// that ...": a verb of saying joined by "and" right after another speech
/// verb's complement, with no subject of its own after the "and", is the
/// first speaker's second act, whatever subject the parse gave it from
/// inside the complement. Only verbs that report a clause of their own
/// (a complement, "that", a quote): "said Russia attacked X and seized Y"
/// keeps "seized" with Russia.
fn second_speech_act(
    s: &Sent<'_>,
    t: usize,
    mention_at: &dyn Fn(usize) -> Option<usize>,
) -> Option<Vec<Hit>> {
    if s.upos(t) != Some(Upos::VERB) {
        return None;
    }
    let and = (1..=2)
        .filter_map(|k| t.checked_sub(k))
        .find(|&i| s.lower[i] == "and")
        .filter(|&i| (i + 1..t).all(|j| s.upos(j) == Some(Upos::ADV)))?;
    let reports_clause = attribution::is_speech(&s.lemma[t])
        || s.kids(t, "ccomp").next().is_some()
        || s.lower.get(t + 1).is_some_and(|w| matches!(w.as_str(), "that" | "\"" | "“"));
    if !reports_clause {
        return None;
    }
    // The subject the parse gave it lies inside an earlier speech verb's
    // complement: between that verb and the "and".
    let subj = subject_of(s, t).filter(|&h| h < and)?;
    let first = (0..subj).rev().find(|&v| {
        s.upos(v) == Some(Upos::VERB)
            && attribution::is_speech(&s.lemma[v])
            && s.kid(v, "nsubj").is_some_and(|h| h < v)
    })?;
    let speaker = s.kid(first, "nsubj")?;
    let hits = nominal_mentions(s, speaker, mention_at);
    (!hits.is_empty()).then(|| relabel(hits, "second-speech-act"))
}

/// The actor where the frame names none over the parse: a "by" agent of
/// a passive, none for a subject no dictionary knows, else the nearest
/// mention on the left. Returns the hits and whether the parse gave them.
fn actor_off_frame(
    s: &Sent<'_>,
    c: &Cand,
    mention_at: &dyn Fn(usize) -> Option<usize>,
) -> (Vec<Hit>, bool) {
    let t = c.tok;
    let anchor = c.light.unwrap_or(t);
    if s.parsed && s.is_passive(anchor) {
        // "met with derision by Kyiv": a "by" phrase attached to the
        // matched object is still the agent; without one, no agent.
        for &o in c.consumed.iter().skip(1) {
            let hits = role_prep(s, o, "by", mention_at);
            if !hits.is_empty() {
                return (relabel(hits, "by-agent-low"), true);
            }
        }
        return (Vec::new(), false);
    }
    // A circumstance with a subject of its own that names no party
    // ("after gangs attacked a station") has no known actor.
    if s.parsed && own_circumstance(s, anchor) {
        return (Vec::new(), false);
    }
    // A subject named by a noun that no dictionary knows ("a claim the
    // opposition dismissed", "its coast guard had taken ... and urged")
    // is the actor, unknown: not whoever is named to the left.
    if s.parsed
        && named_subject(s, anchor).is_some_and(|(v, h)| {
            matches!(s.upos(h), Some(Upos::NOUN | Upos::PROPN))
                && !CROWD.contains(&s.lemma[h].as_str())
                // Two subjects ("organization Amnesty International
                // demanded"): one of them may name a party.
                && !s.children[v]
                    .iter()
                    .any(|&c| s.base(c) == "nsubj" && mention_at(c).is_some())
        })
    {
        return (Vec::new(), false);
    }
    // "militants who attacked a train": the relative pronoun stands for
    // the noun the clause modifies, and one no dictionary knows is the
    // actor, unknown.
    if s.parsed
        && relative_antecedent(s, anchor).is_some_and(|h| {
            matches!(s.upos(h), Some(Upos::NOUN | Upos::PROPN))
                && !CROWD.contains(&s.lemma[h].as_str())
                && nominal_mentions(s, h, mention_at).is_empty()
        })
    {
        return (Vec::new(), false);
    }
    // Surface: the passive "by" agent, else the nearest mention on the left.
    if let Some(by) = (anchor + 1..s.n.min(anchor + 5)).find(|&i| s.lower[i] == "by") {
        if s.lower[..anchor]
            .iter()
            .rev()
            .take(3)
            .any(|w| matches!(w.as_str(), "was" | "were" | "been" | "be" | "is" | "are"))
        {
            if let Some(m) = (by + 1..s.n.min(by + 5)).find_map(mention_at) {
                return (
                    vec![Hit { mention: m, rule: "by-agent-surface".into(), parse: false }],
                    false,
                );
            }
        }
    }
    let pronoun = named_subject(s, anchor).map(|(_, h)| h);
    let left = (0..anchor).rev().find_map(|i| {
        // A mention is read from its first word ("by the army's
        // decision" is in a "by" phrase).
        if i > 0 && mention_at(i - 1).is_some() && mention_at(i - 1) == mention_at(i) {
            return None;
        }
        let m = mention_at(i).filter(|&m| pronoun.is_none_or(|p| !pronoun_disagrees(s, p, m)))?;
        let prev = i.checked_sub(1).map(|p| s.lower[p].as_str()).unwrap_or("");
        (!matches!(
            prev,
            "in" | "to" | "with" | "against" | "from" | "of" | "on" | "by" | "for" | "at"
        ))
        .then_some(m)
    });
    (
        left.map(|m| vec![Hit { mention: m, rule: "left-nearest".into(), parse: false }])
            .unwrap_or_default(),
        false,
    )
}

/// Whether the mention over local tokens `a..b` only modifies a natural
/// feature or a currency ("into the sea east of the Korean peninsula").
pub(super) fn names_a_feature(s: &Sent<'_>, a: usize, b: usize) -> bool {
    if !s.parsed {
        return (b..s.n).next().is_some_and(|i| GEO_FEATURE.contains(&s.lemma[i].as_str()));
    }
    let Some(top) = (a..b).find(|&i| s.head[i].is_none_or(|h| h < a || h >= b)) else {
        return false;
    };
    matches!(s.base(top), "amod" | "compound")
        && s.head[top].is_some_and(|h| GEO_FEATURE.contains(&s.lemma[h].as_str()))
}

/// Nouns for armed groups and crowds acting outside any state's forces
/// (lemma or plural form, lowercase): a speaker who reports their act is
/// not its author.
pub(super) const IRREGULAR_FORCES: &[&str] = &[
    "gang",
    "gangs",
    "gunman",
    "gunmen",
    "militant",
    "militants",
    "insurgent",
    "insurgents",
    "rebel",
    "rebels",
    "attacker",
    "attackers",
    "assailant",
    "assailants",
    "bandit",
    "bandits",
    "jihadist",
    "jihadists",
    "terrorist",
    "terrorists",
    "pirate",
    "pirates",
    "rioter",
    "rioters",
    "mob",
    "protester",
    "protesters",
    "demonstrator",
    "demonstrators",
    "kidnapper",
    "kidnappers",
    "smuggler",
    "smugglers",
];

/// Whether token `pronoun` is "they" and mention `m` singular, or "it" and
/// `m` plural, as its last word's PTB tag says ("Ukraine has stepped up
/// strikes, saying they fund Moscow's war": "they" is not Ukraine).
pub(super) fn pronoun_disagrees(s: &Sent<'_>, pronoun: usize, m: usize) -> bool {
    let Some(m) = s.doc.mentions.get(m) else { return false };
    let last = (0..s.n).rev().find(|&i| m.span.contains(s.span(i)));
    let plural = last.and_then(|i| s.xpos(i)).is_some_and(|x| x.ends_with('S'));
    match s.lower[pronoun].as_str() {
        "they" | "them" => !plural,
        "it" => plural,
        _ => false,
    }
}

/// Verbs that say a meeting took place: "talks resumed", "were held".
pub(super) const MEETING_HAPPENS: &[&str] = &[
    "resume", "begin", "start", "open", "continue", "take", "hold", "restart", "reopen", "convene",
];

/// Whether meeting noun `t` is the subject of a verb saying it took
/// place, not negated ("talks resumed", not "talks did not resume").
pub(super) fn meeting_happens(s: &Sent<'_>, t: usize) -> bool {
    let Some(h) = s.head[t] else { return false };
    s.base(t) == "nsubj"
        && MEETING_HAPPENS.contains(&s.lemma[h].as_str())
        && (s.lemma[h] != "take" || s.kids(h, "obj").any(|o| s.lemma[o] == "place"))
        && !s.children[h].iter().any(|&d| matches!(s.lower[d].as_str(), "not" | "n't" | "never"))
}

/// The parties a meeting noun names in its "between" phrase, when they
/// are of two countries or more ("talks between Armenia and Azerbaijan").
pub(super) fn between_parties(
    s: &Sent<'_>,
    meeting: usize,
    mention_at: &dyn Fn(usize) -> Option<usize>,
) -> Vec<Hit> {
    let parties = dedupe(role_prep(s, meeting, "between", mention_at));
    let country = |m: usize| s.doc.mentions[m].actor.code.get(..3).map(str::to_string);
    let distinct = parties.iter().any(|p| country(p.mention) != country(parties[0].mention));
    if distinct {
        relabel(parties, "between")
    } else {
        Vec::new()
    }
}

impl EventCoder {
    /// Actors and recipients from the entry's frame. `embedded`: the act an
    /// intent embeds, whose frame names the recipient when the intent's
    /// own names none.
    pub(super) fn frame_parties(&self, site: &Site<'_>, dr: &mut Draft, embedded: Option<usize>) {
        let (s, c, entry, t, mention_at) = (site.s, site.c, site.entry, site.t, site.mention_at);
        let (actors, _parsed) = self.actors(s, c, entry, mention_at);
        dr.actors = actors;
        // "Talks between Armenia and Azerbaijan resumed", "talks between
        // Pakistan and India were held": a meeting said to take place
        // between named parties is theirs (each other's recipients, below).
        // So are clashes, fighting or a ceasefire said to take place
        // ("Clashes broke out between Armenian and Azerbaijani troops"),
        // the phrase on the noun or on its verb.
        let consult = dr.event == EventType::Consult;
        if dr.actors.is_empty() && c.light.is_none() && s.parsed {
            let meeting = match entry.pos {
                TriggerPos::Noun if c.occurs.is_some() || (consult && meeting_happens(s, t)) => {
                    Some(t)
                }
                TriggerPos::Noun => None,
                _ if c.occurs.is_some() => None,
                _ if consult && s.is_passive(t) => s.passive_subject(t),
                _ => None,
            };
            if let Some(m) = meeting {
                dr.actors = between_parties(s, m, mention_at);
            }
            if let (true, Some(v)) = (dr.actors.is_empty(), c.occurs) {
                dr.actors = between_parties(s, v, mention_at);
            }
        }
        dr.recipients = self.recipients(s, c, entry, site.addressed_unnamed, mention_at);
        // The parties of an event said to take place between them are
        // each other's recipients, whatever else the frame finds.
        if c.occurs.is_some()
            && dr.actors.len() >= 2
            && dr.actors.iter().all(|a| a.rule == "between")
        {
            dr.recipients = relabel(dr.actors.clone(), "mutual");
        }
        // "Air strikes hit Gaza", "a general strike paralysed Nigeria":
        // whom the event befell is its verb's object.
        if let (true, Some(v)) = (dr.recipients.is_empty() && !entry.recipient.is_empty(), c.occurs)
        {
            if let Some(o) = s.kid(v, "obj").filter(|o| !c.consumed.contains(o)) {
                dr.recipients = relabel(nominal_mentions(s, o, mention_at), "occur-obj");
            }
        }
        // A governed act's recipient is its own ("ordered Russian troops
        // to withdraw" is no act on Russia).
        if dr.recipients.is_empty() || (dr.governed && embedded.is_some()) {
            dr.recipients.clear();
            if let Some(o) = embedded {
                let inner = &self.lexicon.entries()
                    [site.cands.iter().find(|x| x.tok == o).map(|x| x.entry).unwrap_or(c.entry)];
                let inner_cand = Cand {
                    tok: o,
                    entry: 0,
                    consumed: vec![o],
                    xcomp: None,
                    light: None,
                    occurs: None,
                    suppressed_by: None,
                };
                let asked_unnamed = addressee_unnamed(s, o, inner);
                dr.recipients = self.recipients(s, &inner_cand, inner, asked_unnamed, mention_at);
            }
        }
    }

    /// The speaker of a quote the trigger is in, or of the speech verb
    /// that reports it.
    pub(super) fn speaker(&self, site: &Site<'_>) -> Option<Hit> {
        let (s, ctx) = (site.s, site.ctx);
        if let Some(q) = site.quote {
            let (qs, verb) = attribution::quote_speaker(s.doc, &ctx.sents, q, &ctx.quotes)?;
            return self.speaker_of(ctx, qs, verb).map(|mut h| {
                h.rule = "quote".into();
                h
            });
        }
        let v = site.speech?;
        self.speaker_of(ctx, site.si, v).map(|mut h| {
            h.rule = if s.lemma[v] == "according" {
                "according-to".into()
            } else {
                "reported-speech".into()
            };
            h
        })
    }

    /// The speaker is the actor of what it reports when the sentence names
    /// no other (or only "we"), unless the act's author is hidden or named
    /// as someone else.
    pub(super) fn speaker_as_actor(&self, site: &Site<'_>, dr: &mut Draft) {
        let (s, pred) = (site.s, site.pred);
        let subj_first_person =
            subject_of(s, pred).is_some_and(|h| FIRST_PERSON.contains(&s.lower[h].as_str()));
        // An agentless passive of a hostile act ("rockets were fired at
        // Israel", said by the Israeli army) hides its author: that the
        // speaker reports it does not make the speaker its actor.
        // Nor does a circumstance with a subject of its own ("declared a
        // state of emergency after gangs attacked a station").
        // Nor an author the sentence names as an armed group or a crowd
        // that no dictionary knows ("Gangs attacked a police station ...,
        // Haiti's national police said"): never the speaker's own side.
        let irregular_author = s.parsed
            && subject_of(s, pred).is_some_and(|h| {
                let lower = s.lemma[h].to_lowercase();
                IRREGULAR_FORCES.contains(&lower.as_str())
                    || IRREGULAR_FORCES.contains(&s.lower[h].as_str())
            });
        // Nor does an event said to take place ("media reports said
        // sporadic clashes were continuing"): the verb is no act of anyone's.
        let hidden_author = (s.parsed && own_circumstance(s, pred))
            || irregular_author
            || site.c.occurs.is_some()
            || (s.is_passive(pred)
                && self.lexicon.cameo(&dr.cameo).is_some_and(|f| f.quad_class >= 3));
        // "Ukraine has stepped up strikes, saying they fund Moscow's war":
        // a pronoun that disagrees in number with the speaker is someone else.
        let disagrees =
            |sp: &Hit| subject_of(s, pred).is_some_and(|h| pronoun_disagrees(s, h, sp.mention));
        if let Some(sp) = dr.speaker.as_ref().filter(|sp| !hidden_author && !disagrees(sp)) {
            if dr.actors.is_empty() || (subj_first_person && !dr.actors.iter().any(|a| a.parse)) {
                dr.actors = vec![Hit { mention: sp.mention, rule: "speaker".into(), parse: false }];
            }
        }
    }
}

/// The country a mention's party belongs to, or the first three letters
/// of its code: parties with one key are one side.
pub(super) fn country_key(s: &Sent<'_>, m: usize) -> String {
    let a = &s.doc.mentions[m].actor;
    a.country.clone().unwrap_or_else(|| a.code.chars().take(3).collect())
}

#[cfg(test)]
mod tests {
    use parley_doc::{EventType, Modality};

    use crate::testutil::{check, coder, parsed, summary};

    #[test]
    fn a_second_speech_verb_after_and_is_the_first_speakers() {
        // "Germany told reporters that Russia was aggressive and warned
        // that it would respond", parsed with "warned" inside the complement.
        let doc = parsed(
            "Germany/PROPN/Germany/2/nsubj told/VERB/tell/0/root reporters/NOUN/reporter/2/obj that/SCONJ/that/9/mark Russia/PROPN/Russia/9/nsubj was/AUX/be/7/cop aggressive/ADJ/aggressive/9/reparandum and/CCONJ/and/9/cc warned/VERB/warn/2/ccomp that/SCONJ/that/13/mark it/PRON/it/13/nsubj would/AUX/would/13/aux respond/VERB/respond/9/ccomp",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(got.iter().any(|(t, a, ..)| t == "THREATEN" && a == "DEU"), "{got:?}");
        assert!(!got.iter().any(|(t, a, ..)| t == "THREATEN" && a == "RUS"), "{got:?}");
        // A second act that reports nothing keeps its own subject.
        let doc = parsed(
            "Germany/PROPN/Germany/2/nsubj said/VERB/say/0/root Russia/PROPN/Russia/4/nsubj attacked/VERB/attack/2/ccomp Kyiv/PROPN/Kyiv/4/obj and/CCONJ/and/7/cc seized/VERB/seize/4/conj Kherson/PROPN/Kherson/7/obj",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(!got.iter().any(|(_, a, ..)| a == "DEU"), "{got:?}");
    }

    #[test]
    fn an_active_verbs_by_phrase_is_its_objects_agent() {
        // "Germany condemned the visit by Russia", with "by Russia" hung on the verb.
        check(
            "Germany/PROPN/Germany/2/nsubj condemned/VERB/condemn/0/root the/DET/the/4/det visit/NOUN/visit/2/obj by/ADP/by/6/case Russia/PROPN/Russia/2/obl",
            &[("ACCUSE", "DEU", "RUS", Modality::Asserted)],
        );
    }

    #[test]
    fn apposition_names_one_party_and_a_day_is_no_object() {
        // "The ILO reiterated its demand Friday that the United States ...": one
        // event, not one per name, and "Friday" does not hide the recipient.
        check(
            "Labour/PROPN/Labour/3/nsubj ILO/PROPN/ILO/1/appos demanded/VERB/demand/0/root Friday/PROPN/Friday/3/obj that/SCONJ/that/7/mark States/PROPN/States/7/nsubj act/VERB/act/3/ccomp",
            &[("REQUEST", "IGOUNOLAB", "USA", Modality::Asserted)],
        );
    }

    #[test]
    fn compound_actors_give_one_event_each() {
        check(
            "Kyiv/PROPN/Kyiv/4/nsubj and/CCONJ/and/3/cc Moscow/PROPN/Moscow/1/conj dismissed/VERB/dismiss/0/root calls/NOUN/call/4/obj for/ADP/for/7/case talks/NOUN/talk/5/nmod",
            &[("REJECT", "UKRGOV", "-", Modality::Asserted), ("REJECT", "RUSGOV", "-", Modality::Asserted)],
        );
    }

    #[test]
    fn a_pronoun_that_disagrees_with_the_speaker_is_not_the_speaker() {
        check(
            "Ukraine/PROPN/Ukraine/2/nsubj/NNP said/VERB/say/0/root they/PRON/they/4/nsubj/PRP funded/VERB/fund/2/ccomp/VBD Moscow/PROPN/Moscow/4/obj/NNP",
            &[("AID", "-", "RUSGOV", Modality::Asserted)],
        );
        check(
            "Ukraine/PROPN/Ukraine/2/nsubj/NNP said/VERB/say/0/root it/PRON/it/4/nsubj/PRP funded/VERB/fund/2/ccomp/VBD Moscow/PROPN/Moscow/4/obj/NNP",
            &[("AID", "UKR", "RUSGOV", Modality::Asserted)],
        );
    }

    #[test]
    fn protesters_in_a_capital_are_its_country_not_its_government() {
        check(
            "Protesters/NOUN/protester/4/nsubj in/ADP/in/3/case Nairobi/PROPN/Nairobi/1/nmod stormed/VERB/storm/0/root the/DET/the/6/det parliament/NOUN/parliament/4/obj",
            &[("PROTEST", "KEN", "KEN", Modality::Asserted)],
        );
    }

    #[test]
    fn protesters_are_of_the_place_they_protest_in_before_the_state_they_protest_against() {
        check(
            "Thousands/NOUN/thousand/2/nsubj rallied/VERB/rally/0/root outside/ADP/outside/6/case the/DET/the/6/det French/ADJ/French/6/amod base/NOUN/base/2/obl in/ADP/in/8/case Nairobi/PROPN/Nairobi/6/nmod",
            &[("PROTEST", "KEN", "FRA", Modality::Asserted)],
        );
    }

    #[test]
    fn people_coerced_in_a_capital_are_its_country_not_its_government() {
        check(
            "Pakistan/PROPN/Pakistan/2/nsubj arrested/VERB/arrest/0/root protesters/NOUN/protester/2/obj in/ADP/in/5/case Nairobi/PROPN/Nairobi/3/nmod",
            &[("COERCE", "PAK", "KEN", Modality::Asserted)],
        );
    }

    #[test]
    fn a_closing_attribution_names_the_speaker_whatever_the_parse() {
        // The parser made "attack" a second subject of "said".
        let events = check(
            "Russian/ADJ/Russian/2/amod attack/NOUN/attack/9/nsubj killed/VERB/kill/2/acl two/NUM/two/5/nummod people/NOUN/person/3/obj ,/PUNCT/,/8/punct Ukrainian/ADJ/Ukrainian/8/amod officials/NOUN/official/9/nsubj said/VERB/say/0/root",
            &[("ASSAULT", "RUS", "-", Modality::Asserted)],
        );
        let speaker = events[0].speaker.as_ref().map(|p| p.actor.code.as_str());
        assert_eq!(speaker, Some("UKR"));
    }

    #[test]
    fn a_clause_after_a_subordinator_is_not_reported_by_the_verb_above() {
        // "recall" can report speech ("he recalled that ..."), but not the
        // "after ..." clause of a recalled ambassador.
        let events = check(
            "France/PROPN/France/2/nsubj recalled/VERB/recall/0/root its/PRON/its/4/nmod:poss ambassador/NOUN/ambassador/2/obj after/SCONJ/after/7/mark Moscow/PROPN/Moscow/7/nsubj expelled/VERB/expel/2/advcl French/ADJ/French/9/amod officials/NOUN/official/7/obj",
            &[("SANCTION", "FRA", "-", Modality::Asserted), ("SANCTION", "RUSGOV", "FRA", Modality::Asserted)],
        );
        assert!(events.iter().all(|e| e.speaker.is_none()), "{events:?}");
    }

    #[test]
    fn a_relative_clause_about_an_unknown_noun_takes_no_actor_from_the_left() {
        // "Russia accused Ukraine of sponsoring militants who attacked a
        // train": the militants attacked, not Ukraine.
        check(
            "Russia/PROPN/Russia/2/nsubj accused/VERB/accuse/0/root Ukraine/PROPN/Ukraine/2/obj of/ADP/of/5/mark sponsoring/VERB/sponsor/3/acl militants/NOUN/militant/5/obj who/PRON/who/8/nsubj attacked/VERB/attack/6/acl:relcl a/DET/a/10/det train/NOUN/train/8/obj",
            &[("ACCUSE", "RUS", "UKR", Modality::Asserted)],
        );
    }

    #[test]
    fn a_subject_no_dictionary_knows_is_not_replaced_by_a_party_on_the_left() {
        // "..., a claim the opposition rejected": not Ukraine's rejection.
        check(
            "Russia/PROPN/Russia/2/nsubj accused/VERB/accuse/0/root Ukraine/PROPN/Ukraine/2/obj ,/PUNCT/,/5/punct claim/NOUN/claim/3/appos opposition/NOUN/opposition/7/nsubj rejected/VERB/reject/5/acl:relcl",
            &[("ACCUSE", "RUS", "UKR", Modality::Asserted)],
        );
        // "A Russian official today praised ...": a day is no subject.
        check(
            "Russian/ADJ/Russian/2/amod official/ADJ/official/0/root today/NOUN/today/4/nsubj praised/VERB/praise/2/acl:relcl Ukraine/PROPN/Ukraine/4/obj",
            &[("SUPPORT", "RUS", "UKR", Modality::Asserted)],
        );
    }

    #[test]
    fn a_speaker_is_never_taken_from_the_words_reported() {
        let events = check(
            "Poland/PROPN/Poland/3/nsubj will/AUX/will/3/aux send/VERB/send/10/ccomp tanks/NOUN/tank/3/obj to/ADP/to/6/case Ukraine/PROPN/Ukraine/3/obl ,/PUNCT/,/10/punct Minister/PROPN/Minister/10/nsubj Kowalski/PROPN/Kowalski/8/flat said/VERB/say/0/root",
            &[("AGREE", "POL", "UKR", Modality::Asserted)],
        );
        assert!(events[0].speaker.is_none(), "{:?}", events[0].speaker);
    }

    #[test]
    fn a_speech_verb_under_the_reported_clause_takes_no_speaker_from_it() {
        let events = check(
            "Germany/PROPN/Germany/4/nsubj will/AUX/will/4/aux not/PART/not/4/advmod send/VERB/send/0/root weapons/NOUN/weapon/4/obj to/ADP/to/7/case Ukraine/PROPN/Ukraine/4/obl ,/PUNCT/,/11/punct the/DET/the/10/det minister/NOUN/minister/11/nsubj said/VERB/say/4/ccomp",
            &[("REJECT", "DEU", "UKR", Modality::Asserted)],
        );
        assert!(events[0].speaker.is_none(), "{:?}", events[0].speaker);
    }

    #[test]
    fn a_capital_is_its_country_for_crowds_and_when_attacked() {
        let events = check(
            "Protesters/NOUN/protester/4/nsubj in/ADP/in/3/case Kyiv/PROPN/Kyiv/1/nmod demanded/VERB/demand/0/root talks/NOUN/talk/4/obj",
            &[("REQUEST", "UKR", "-", Modality::Asserted)],
        );
        assert_eq!(events[0].actor.as_ref().map(|a| a.actor.sector.clone()), Some(None));
        check(
            "Russia/PROPN/Russia/2/nsubj bombed/VERB/bomb/0/root Kyiv/PROPN/Kyiv/2/obj",
            &[("ASSAULT", "RUS", "UKR", Modality::Asserted)],
        );
        // Officials in a capital are still its government.
        check(
            "Officials/NOUN/official/4/nsubj in/ADP/in/3/case Kyiv/PROPN/Kyiv/1/nmod demanded/VERB/demand/0/root talks/NOUN/talk/4/obj",
            &[("REQUEST", "UKRGOV", "-", Modality::Asserted)],
        );
    }

    #[test]
    fn agentless_hostile_passive_has_no_actor_even_when_reported() {
        check(
            "The/DET/the/3/det Israeli/ADJ/Israeli/3/amod army/NOUN/army/4/nsubj said/VERB/say/0/root rockets/NOUN/rocket/7/nsubj:pass were/AUX/be/7/aux:pass fired/VERB/fire/4/ccomp at/ADP/at/9/case Israel/PROPN/Israel/7/obl",
            &[("ASSAULT", "-", "ISR", Modality::Asserted)],
        );
    }

    #[test]
    fn passive_by_agent_and_light_verb() {
        check(
            "Ukraine/PROPN/Ukraine/3/nsubj:pass was/AUX/be/3/aux:pass attacked/VERB/attack/0/root by/ADP/by/5/case Russia/PROPN/Russia/3/obl:agent",
            &[("ASSAULT", "RUS", "UKR", Modality::Asserted)],
        );
        let events = check(
            "Germany/PROPN/Germany/2/nsubj extended/VERB/extend/0/root an/DET/a/4/det invitation/NOUN/invitation/2/obj to/ADP/to/6/case Kyiv/PROPN/Kyiv/2/obl",
            &[("CONSULT", "DEU", "UKRGOV", Modality::Asserted)],
        );
        assert_eq!(events[0].rule, "extend-invitation");
    }

    #[test]
    fn quotes_are_attributed_across_sentences() {
        let doc = parsed(
            "“/PUNCT/“/3/punct We/PRON/we/3/nsubj reject/VERB/reject/0/root ultimatums/NOUN/ultimatum/3/obj ./PUNCT/./3/punct ”/PUNCT/”/3/punct || Zakharova/PROPN/Zakharova/2/nsubj said/VERB/say/0/root ./PUNCT/./2/punct",
            "2024-07-18",
        );
        let events = coder().code(&doc);
        assert_eq!(events.len(), 1);
        let e = &events[0];
        assert_eq!(e.event_type, EventType::Reject);
        assert_eq!(e.speaker.as_ref().map(|s| s.rule.as_str()), Some("quote"));
        assert_eq!(
            e.actor.as_ref().map(|a| (a.actor.code.as_str(), a.rule.as_str())),
            Some(("RUSGOV", "speaker"))
        );
        assert!(e.quote.is_some());
    }

    #[test]
    fn subjects_split_by_the_parser_are_partners() {
        let doc = parsed(
            "Russia/PROPN/Russia/4/nsubj and/CCONJ/and/4/cc Ukraine/PROPN/Ukraine/4/nsubj agreed/VERB/agree/0/root to/PART/to/6/mark meet/VERB/meet/4/xcomp",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        for actor in ["RUS", "UKR"] {
            assert!(got.iter().any(|(t, a, _, _)| t == "AGREE" && a == actor), "{got:?}");
        }
    }

    #[test]
    fn a_mention_on_the_left_is_read_from_its_first_word() {
        // "by Russian army decision": the mention opens a "by" phrase, so
        // it is not the nearest party on the left.
        let doc = parsed(
            "Germany/PROPN/Germany/2/nsubj said/VERB/say/0/root it/PRON/it/5/nsubj:pass was/AUX/be/5/aux:pass disappointed/VERB/disappoint/2/ccomp by/ADP/by/9/case Russian/ADJ/Russian/8/amod army/NOUN/army/9/compound decision/NOUN/decision/5/obl but/CCONJ/but/12/cc would/AUX/would/12/aux continue/VERB/continue/5/conj to/PART/to/14/mark push/VERB/push/12/xcomp for/ADP/for/16/case talks/NOUN/talk/14/obl",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(got.iter().any(|(t, a, _, _)| t == "REQUEST" && a == "DEU"), "{got:?}");
        assert!(!got.iter().any(|(_, a, _, _)| a == "RUS"), "{got:?}");
    }

    #[test]
    fn talks_between_two_parties_that_take_place_are_theirs() {
        let spec = "Talks/NOUN/talk/6/nsubj between/ADP/between/3/case Russia/PROPN/Russia/1/nmod and/CCONJ/and/5/cc Ukraine/PROPN/Ukraine/3/conj resumed/VERB/resume/0/root";
        let doc = parsed(spec, "2024-07-18");
        let got = summary(&doc, &coder().code(&doc));
        assert!(
            got.iter().any(|(t, a, r, _)| t == "CONSULT" && a == "RUS" && r == "UKR"),
            "{got:?}"
        );
        assert!(
            got.iter().any(|(t, a, r, _)| t == "CONSULT" && a == "UKR" && r == "RUS"),
            "{got:?}"
        );
        // Talks that did not resume took no place: coded negated, never
        // asserted.
        let doc = parsed(
            &spec
                .replace(
                    "resumed/VERB/resume/0/root",
                    "did/AUX/do/8/aux not/PART/not/8/advmod resume/VERB/resume/0/root",
                )
                .replace("/6/nsubj", "/8/nsubj"),
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(got.iter().all(|(_, _, _, m)| *m == Modality::Negated), "{got:?}");
    }

    #[test]
    fn a_speaker_is_not_the_author_of_an_armed_groups_act() {
        let doc = parsed(
            "Gunmen/NOUN/gunman/2/nsubj attacked/VERB/attack/0/root Kyiv/PROPN/Kyiv/2/obj ,/PUNCT/,/6/punct Russia/PROPN/Russia/6/nsubj said/VERB/say/2/parataxis",
            "2024-07-18",
        );
        let events = coder().code(&doc);
        assert!(!events.is_empty());
        assert!(events.iter().all(|e| e.actor.is_none()), "{:?}", summary(&doc, &events));
        assert!(events.iter().all(|e| e.speaker.is_some()));
    }

    #[test]
    fn a_host_of_talks_between_parties_hosts_them() {
        let doc = parsed(
            "Switzerland/PROPN/Switzerland/2/nsubj hosted/VERB/host/0/root talks/NOUN/talk/2/obj between/ADP/between/5/case Russia/PROPN/Russia/2/obl and/CCONJ/and/7/cc Ukraine/PROPN/Ukraine/5/conj",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        for party in ["RUS", "UKR"] {
            assert!(
                got.iter().any(|(t, a, r, _)| t == "CONSULT" && a == "CHE" && r == party),
                "{party}: {got:?}"
            );
        }
    }
}
