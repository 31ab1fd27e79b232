//! Type resolution: the steps of `build` that make an event's type and
//! CAMEO code something other than its lexicon entry's. An intent
//! follows the act it embeds; a speaker's verdict on a proposal rejects
//! it and naming another state's act accuses it; negated, failed,
//! conditional and stated intent; a state's protest is a complaint.

use parley_doc::{EventType, Modality, Upos};

use crate::lexicon::{EventLexicon, TriggerPos};
use crate::sent::Sent;

use super::build::{Draft, Site};
use super::clauses::{is_cleft, subject_of};
use super::mentions::{nominal_mentions, relabel};
use super::occurrence::verb_in;
use super::parties::country_key;
use super::{Cand, EventCoder, Hit};

/// The verb class of acts of cooperation whose negation is a refusal
/// (`data/events/verb-classes.txt`).
pub(super) const REFUSE_IF_NEGATED: &str = "refuse-if-negated";

/// Whether candidate `o` is the act of the infinitive at `x`: the verb
/// itself, a noun it carries as light verb ("vowed to continue its
/// war"), or a verb coordinated or chained with it ("pledged to help and
/// rebuild"); not a noun deeper in its argument ("agreed to postpone the
/// protest" threatens no protest).
fn carries_act(s: &Sent<'_>, x: usize, o: &Cand) -> bool {
    let mut cur = o.light.unwrap_or(o.tok);
    for _ in 0..s.n {
        if cur == x {
            return true;
        }
        if !matches!(s.base(cur), "conj" | "xcomp") {
            return false;
        }
        match s.head[cur] {
            Some(h) => cur = h,
            None => return false,
        }
    }
    false
}

impl Draft {
    /// Recodes the event as `event` with CAMEO `cameo` (mode from the
    /// CAMEO table), naming the step in front of the rule.
    fn retype(&mut self, lexicon: &EventLexicon, event: EventType, cameo: &str, step: &str) {
        self.cameo = cameo.into();
        self.rule = format!("{step}:{}", self.rule);
        self.event = event;
        self.mode = lexicon.cameo(&self.cameo).and_then(|f| f.mode.clone());
    }
}

impl EventCoder {
    /// Intent entries follow the embedded event: a threat of a conflict
    /// act, an offer of anything else. Returns the embedded trigger, whose
    /// frame may name the recipient.
    pub(super) fn intent_type(&self, site: &Site<'_>, dr: &mut Draft) -> Option<usize> {
        let (s, c, entry, t) = (site.s, site.c, site.entry, site.t);
        if !entry.intent {
            return None;
        }
        let o = site.cands.iter().find(|o| {
            o.tok != t
                && (c.xcomp.is_some_and(|x| carries_act(s, x, o))
                    || (!s.parsed && o.tok > t && o.tok <= t + 6))
        })?;
        let inner_entry = &self.lexicon.entries()[o.entry];
        let conflict = self.lexicon.cameo(&inner_entry.cameo).is_some_and(|f| f.quad_class >= 3);
        if conflict && entry.event == EventType::Mobilize {
            // "prepared to resume shelling": the preparation is the
            // mobilization; the attack has not happened yet.
            dr.mode = entry.mode.clone();
        } else if conflict {
            dr.event = EventType::Threaten;
            dr.cameo =
                if inner_entry.event == EventType::Assault { "138".into() } else { "130".into() };
            dr.mode = if inner_entry.event == EventType::Assault {
                Some("violence".into())
            } else {
                None
            };
        } else {
            dr.event = EventType::Agree;
            dr.cameo =
                if inner_entry.event == EventType::Consult { "036".into() } else { "030".into() };
            dr.mode = None;
        }
        dr.rule = format!("{}>{}", entry.id, inner_entry.id);
        Some(o.tok)
    }

    /// A speaker who says a proposal or initiative is not serious or
    /// cannot work ("This proposal wasn't meant seriously", "no peace
    /// initiatives can be based on ...") rejects it (CAMEO 125).
    ///
    /// Returns whether it did; `None` when the trigger is a noun with
    /// neither a light verb, nor a verb saying it took place, nor an actor
    /// of its own, which is not coded.
    pub(super) fn dismissal(
        &self,
        site: &Site<'_>,
        dr: &mut Draft,
        log: Option<&mut Vec<String>>,
    ) -> Option<bool> {
        let (s, c, entry, t) = (site.s, site.c, site.entry, site.t);
        let proposal_noun = entry.pos == TriggerPos::Noun
            && c.light.is_none()
            && matches!(dr.event, EventType::Agree | EventType::Consult)
            && matches!(s.base(t), "nsubj")
            && (s.children[t].iter().any(|&d| s.lemma[d] == "no")
                || s.head[t].is_some_and(|h| {
                    s.children[h].iter().any(|&d| {
                        s.base(d) == "advmod"
                            && matches!(s.lower[d].as_str(), "not" | "n't" | "'t" | "never")
                    })
                }));
        if let Some(sp) = dr.speaker.as_ref().filter(|_| proposal_noun) {
            let owners: Vec<Hit> = dr
                .actors
                .iter()
                .filter(|a| country_key(s, a.mention) != country_key(s, sp.mention))
                .cloned()
                .collect();
            dr.recipients = relabel(owners, "owner");
            dr.actors = vec![Hit { mention: sp.mention, rule: "speaker".into(), parse: false }];
            dr.retype(&self.lexicon, EventType::Reject, "125", "dismiss-proposal");
            return Some(true);
        }
        if entry.pos == TriggerPos::Noun
            && c.light.is_none()
            && c.occurs.is_none()
            && !dr.actors.iter().any(|h| h.parse)
        {
            if let Some(l) = log {
                l.push(format!(
                    "{}: nominal trigger without a light verb or an own actor: not coded",
                    entry.id
                ));
            }
            return None;
        }
        Some(false)
    }

    /// A speaker who names another state's act as aggression ("a
    /// ceasefire would benefit Russian aggression") or singles out its
    /// author in a cleft ("It is the Kremlin that started this war")
    /// accuses it: the statement is the event (CAMEO 112).
    pub(super) fn characterize(&self, site: &Site<'_>, dr: &mut Draft) {
        let (s, c, entry, t) = (site.s, site.c, site.entry, site.t);
        let Some(sp) =
            dr.speaker.as_ref().filter(|sp| s.doc.mentions[sp.mention].actor.country.is_some())
        else {
            return;
        };
        let conflict = matches!(
            dr.event,
            EventType::Assault | EventType::Coerce | EventType::Threaten | EventType::Sanction
        );
        // "A Russian drone attack killed two people, officials said":
        // a noun that does a physical act of its own is a reported
        // fact, not a label.
        let acts = site.cands.iter().any(|o| {
            o.tok != t
                && (s.head[t] == Some(o.tok) || s.dominates(t, o.tok))
                && matches!(
                    self.lexicon.entries()[o.entry].event,
                    EventType::Assault | EventType::Coerce
                )
        });
        let nominal =
            entry.pos == TriggerPos::Noun && c.light.is_none() && c.occurs.is_none() && !acts;
        let cleft = is_cleft(s, t);
        let owners: Vec<Hit> = dr
            .actors
            .iter()
            .filter(|a| a.parse && country_key(s, a.mention) != country_key(s, sp.mention))
            .cloned()
            .collect();
        if conflict && (nominal || cleft) && !owners.is_empty() && !dr.reading.negated {
            let speaker = sp.mention;
            dr.recipients = relabel(owners, if cleft { "cleft-focus" } else { "owner" });
            dr.actors = vec![Hit { mention: speaker, rule: "speaker".into(), parse: false }];
            let step = if cleft { "cleft-accuse" } else { "characterize" };
            dr.retype(&self.lexicon, EventType::Accuse, "112", step);
        }
    }

    /// "U.S. and Philippine troops began their exercises": an exercise,
    /// drill or patrol (a MOBILIZE noun) held by forces of two countries
    /// or more is joint, COOPERATE 062, each the other's partner (the
    /// manual: "Joint military operations are coded as COOPERATE but
    /// single-country exercises should be coded as MOBILIZE").
    pub(super) fn joint_operation(&self, site: &Site<'_>, dr: &mut Draft) {
        let s = site.s;
        if dr.event != EventType::Mobilize || site.entry.pos != TriggerPos::Noun {
            return;
        }
        let countries: std::collections::HashSet<String> = dr
            .actors
            .iter()
            .filter_map(|a| s.doc.mentions[a.mention].actor.country.clone())
            .collect();
        if countries.len() >= 2 && dr.actors.iter().all(|a| a.parse) {
            dr.recipients = relabel(dr.actors.clone(), "mutual");
            dr.retype(&self.lexicon, EventType::Cooperate, "062", "joint");
        }
    }

    /// Negated intent: "would not attend", "will not succumb" -> REJECT.
    /// `cooperative`: the type before this step was one of cooperation.
    pub(super) fn negated_intent(&self, site: &Site<'_>, dr: &mut Draft, cooperative: bool) {
        let (s, pred) = (site.s, site.pred);
        let present = s.xpos(pred).is_some_and(|x| x == "VBP" || x == "VBZ")
            || s.children[pred].iter().any(|&a| matches!(s.lower[a].as_str(), "do" | "does"));
        if cooperative
            && dr.reading.negated
            && dr.reading.modality == Modality::Negated
            && (dr.reading.future || present)
            && !s.is_passive(pred)
            && !dr.actors.is_empty()
        {
            let cameo = match dr.event {
                EventType::Consult | EventType::Agree => "125",
                EventType::Concede | EventType::Retreat => "124",
                EventType::Aid | EventType::Cooperate => "121",
                _ => "120",
            };
            dr.retype(&self.lexicon, EventType::Reject, cameo, "negated-intent");
            dr.reading.modality = Modality::Asserted;
        }
    }

    /// "did not sign the communique", "has not endorsed the text", "did
    /// not attend the summit": a negated act of signing, endorsing,
    /// joining, attending, accepting or agreeing (the verb class
    /// `[refuse-if-negated]`) is a refusal, and PLOVER types all refusals
    /// REJECT. The refusal is asserted; the negated act stays as it is
    /// (PLOVER's negation mode), so both are written. Present and future
    /// negation ("does not accept", "will not attend") is already read as
    /// a rejection of intent (`negated_intent`).
    pub(super) fn refusal(&self, site: &Site<'_>, dr: &Draft, cooperative: bool) -> Option<Draft> {
        let (s, pred) = (site.s, site.pred);
        let class = self.lexicon.classes().get(REFUSE_IF_NEGATED)?;
        let by_verb =
            dr.reading.cue.as_deref().is_some_and(|c| c.starts_with("neg:") && c != "neg:no");
        if !(cooperative
            && dr.reading.negated
            && dr.reading.modality == Modality::Negated
            && by_verb
            && !dr.reading.future
            && !s.is_passive(pred)
            && !dr.actors.is_empty()
            && verb_in(s, pred, class))
        {
            return None;
        }
        let mut refusal = dr.clone();
        let cameo = match dr.event {
            EventType::Consult | EventType::Agree => "125",
            EventType::Concede | EventType::Retreat => "124",
            EventType::Aid | EventType::Cooperate => "121",
            _ => "120",
        };
        refusal.retype(&self.lexicon, EventType::Reject, cameo, "negated-cooperation");
        refusal.reading.modality = Modality::Asserted;
        Some(refusal)
    }

    /// "failed to reach agreement": a failed cooperative outcome is a
    /// rejection by the parties (CAMEO 12).
    pub(super) fn failed_agreement(&self, dr: &mut Draft) {
        if matches!(dr.event, EventType::Agree | EventType::Consult)
            && dr.reading.cue.as_deref() == Some("ctrl:fail")
            && !dr.actors.is_empty()
        {
            dr.retype(&self.lexicon, EventType::Reject, "125", "failed-agreement");
            dr.reading.modality = Modality::Asserted;
        }
    }

    /// A conditional act stated by its actor is an offer or a threat
    /// ("would meet the mediator if ...", "may halt mediation if ..."):
    /// the statement happened even though the act has not.
    pub(super) fn conditional_intent(&self, site: &Site<'_>, dr: &mut Draft) {
        let (s, pred) = (site.s, site.pred);
        let if_bound = s
            .kids(pred, "advcl")
            .any(|a| s.children[a].iter().any(|&m| s.base(m) == "mark" && s.lemma[m] == "if"))
            || dr.reading.cue.as_deref() == Some("if-clause");
        // "would attend only if ...": a restrictive condition, not an offer.
        let only_if = s.kids(pred, "advcl").any(|a| {
            s.children[a].iter().any(|&m| matches!(s.lemma[m].as_str(), "only" | "unless"))
        }) || (pred + 1..s.n.saturating_sub(1))
            .any(|k| s.lower[k] == "only" && s.lower[k + 1] == "if");
        // A third party's forecast ("ECOWAS would threaten sanctions if
        // ..., Nigerian officials said") is no statement of the actor's
        // intent: it stays hypothetical. The actor's own officials speak
        // for it ("Washington would supply ..., a U.S. official said").
        let forecast = dr.speaker.as_ref().is_some_and(|sp| {
            s.doc.mentions[sp.mention].actor.country.is_some()
                && !dr
                    .actors
                    .iter()
                    .any(|a| country_key(s, a.mention) == country_key(s, sp.mention))
        });
        // The condition itself ("If Russia attacks a NATO member, ...") is
        // nobody's statement of intent.
        let reading = &mut dr.reading;
        let in_condition = matches!(reading.cue.as_deref(), Some("in-if-clause" | "if-opener"))
            || reading.cue.as_deref().is_some_and(|c| c.starts_with(crate::modality::IN_CONDITION));
        if !dr.actors.is_empty()
            && !reading.negated
            && !only_if
            && !forecast
            && !in_condition
            && (reading.modality == Modality::Conditional
                || (reading.modality == Modality::Hypothetical && if_bound))
            && !matches!(dr.event, EventType::Request | EventType::Accuse)
        {
            dr.rule = format!("conditional-intent:{}", dr.rule);
            reading.modality = Modality::Asserted;
            reading.future = true;
        }
    }

    /// Stated intent (CAMEO 03 and 13): "will release" is an offer,
    /// "would blockade" or anything "unless ..." a threat.
    /// `cooperative`: the type before the negated-intent step was one of
    /// cooperation.
    pub(super) fn stated_intent(&self, site: &Site<'_>, dr: &mut Draft, cooperative: bool) {
        let (s, pred) = (site.s, site.pred);
        let unless =
            s.kids(pred, "advcl").any(|a| s.children[a].iter().any(|&m| s.lemma[m] == "unless"))
                || (!s.parsed && s.lower[pred..].iter().any(|w| w == "unless"));
        if !(dr.reading.modality == Modality::Asserted
            && (dr.reading.future || unless)
            && !dr.rule.starts_with("negated-intent"))
        {
            return;
        }
        let event = dr.event;
        let conflict = matches!(
            event,
            EventType::Sanction
                | EventType::Mobilize
                | EventType::Coerce
                | EventType::Assault
                | EventType::Protest
        );
        let new = if unless && event != EventType::Threaten && event != EventType::Request {
            Some((EventType::Threaten, "130"))
        } else if conflict {
            Some((
                EventType::Threaten,
                match event {
                    EventType::Assault => "138",
                    EventType::Coerce => "137",
                    EventType::Protest => "133",
                    _ => "131",
                },
            ))
        } else if cooperative && event != EventType::Agree {
            Some((
                EventType::Agree,
                match event {
                    EventType::Consult => "036",
                    EventType::Aid => "033",
                    EventType::Concede | EventType::Retreat => "035",
                    EventType::Cooperate => "031",
                    _ => "032",
                },
            ))
        } else {
            None
        };
        if let Some((t2, code)) = new {
            let step = if unless { "unless-threat" } else { "stated-intent" };
            dr.retype(&self.lexicon, t2, code, step);
        }
    }

    /// A threat bound to a condition ("warned of serious consequences if
    /// Washington went ahead", "would impose sanctions unless Moscow
    /// withdrew") is aimed at whoever the condition names as acting: its
    /// subject, when the frame's roles name no recipient and it is not
    /// the threatener's own side.
    pub(super) fn condition_target(&self, site: &Site<'_>, dr: &mut Draft) {
        let (s, t, pred) = (site.s, site.t, site.pred);
        // Only a recipient the parse gives outranks the condition's actor;
        // the nearest party on the right does not.
        if dr.event != EventType::Threaten || dr.recipients.iter().any(|r| r.parse) || !s.parsed {
            return;
        }
        let marked = |a: usize| {
            s.children[a]
                .iter()
                .any(|&m| s.base(m) == "mark" && matches!(s.lemma[m].as_str(), "if" | "unless"))
        };
        let Some(clause) = (0..s.n).find(|&a| {
            s.base(a) == "advcl"
                && marked(a)
                && s.head[a].is_some_and(|h| h == pred || h == t || s.dominates(t, h))
        }) else {
            return;
        };
        let own: Vec<String> = dr
            .actors
            .iter()
            .chain(dr.speaker.as_ref())
            .map(|h| country_key(s, h.mention))
            .collect();
        let target: Vec<Hit> = subject_of(s, clause)
            .map(|h| nominal_mentions(s, h, site.mention_at))
            .unwrap_or_default()
            .into_iter()
            .filter(|h| !own.contains(&country_key(s, h.mention)))
            .collect();
        if !target.is_empty() {
            dr.recipients = relabel(target, "condition");
        }
    }

    /// "Kyiv protested the blockade": a state or its government protests
    /// through its diplomats, an official complaint (ACCUSE 114), not a
    /// demonstration. (Its people do demonstrate: "Ukrainians protested".)
    pub(super) fn state_protest(&self, site: &Site<'_>, dr: &mut Draft) {
        let (s, ctx, si) = (site.s, site.ctx, site.si);
        let state_voice = |h: &Hit| {
            let m = &s.doc.mentions[h.mention];
            let named = ctx.local_range(si, h.mention).is_some_and(|(_, hi)| {
                s.upos(hi - 1) == Some(Upos::PROPN) && s.xpos(hi - 1).is_some_and(|x| x == "NNP")
            });
            m.actor.country.is_some()
                && match m.actor.sector.as_deref() {
                    Some(sector) => sector == "GOV",
                    None => named,
                }
        };
        // "Farmers in Germany rallied", "Germany's teachers marched": a
        // state that names where people are from is not the one protesting.
        let classes = self.lexicon.classes();
        let people_noun = |i: usize| {
            let lemma = s.lemma[i].as_str();
            ["person", "protester", "worker"]
                .iter()
                .any(|c| classes.get(c).is_some_and(|w| w.contains(lemma)))
                && !classes.get("official").is_some_and(|w| w.contains(lemma))
        };
        let of_people = |h: &Hit| {
            s.parsed
                && ctx.local_range(si, h.mention).is_some_and(|(lo, hi)| {
                    (lo..hi).any(|i| {
                        s.head[i].is_some_and(|hd| {
                            (hd < lo || hd >= hi)
                                && matches!(s.base(i), "nmod" | "compound" | "amod")
                                && s.upos(hd) == Some(Upos::NOUN)
                                && people_noun(hd)
                        })
                    })
                })
        };
        if dr.cameo == "141"
            && !dr.actors.is_empty()
            && dr.actors.iter().all(|h| state_voice(h) && !of_people(h))
        {
            dr.retype(&self.lexicon, EventType::Accuse, "114", "state-protest");
        }
    }
}

#[cfg(test)]
mod tests {
    use parley_doc::Modality;

    use crate::testutil::{check, coder, parsed, summary};

    #[test]
    fn a_negated_act_of_cooperation_is_also_a_refusal() {
        let events = |spec: &str| {
            let doc = parsed(spec, "2024-07-18");
            summary(&doc, &coder().code(&doc))
        };
        let has = |got: &[(String, String, String, Modality)], t: &str, m: Modality| {
            got.iter().any(|(et, a, _, gm)| et == t && a == "PAK" && *gm == m)
        };
        // "Pakistan did not sign the communique": the signing is negated and
        // the refusal asserted.
        let sign = "Pakistan/PROPN/Pakistan/4/nsubj did/AUX/do/4/aux not/PART/not/4/advmod sign/VERB/sign/0/root the/DET/the/6/det communique/NOUN/communique/4/obj";
        let got = events(sign);
        assert!(has(&got, "REJECT", Modality::Asserted), "{got:?}");
        assert!(has(&got, "SUPPORT", Modality::Negated), "{got:?}");
        // "Pakistan did not attend the summit".
        let attend = sign
            .replace("sign/VERB/sign", "attend/VERB/attend")
            .replace("communique/NOUN/communique", "summit/NOUN/summit");
        assert!(has(&events(&attend), "REJECT", Modality::Asserted));
        // A meeting not held refuses nothing: "Pakistan did not meet China".
        let meet = "Pakistan/PROPN/Pakistan/4/nsubj did/AUX/do/4/aux not/PART/not/4/advmod meet/VERB/meet/0/root China/PROPN/China/4/obj";
        assert!(!has(&events(meet), "REJECT", Modality::Asserted));
        // An act asserted is no refusal.
        let signed = "Pakistan/PROPN/Pakistan/2/nsubj signed/VERB/sign/0/root the/DET/the/4/det communique/NOUN/communique/2/obj";
        assert!(!has(&events(signed), "REJECT", Modality::Asserted));
    }

    #[test]
    fn an_exercise_of_two_countries_forces_is_joint() {
        // "Russian and Chinese forces began drills": COOPERATE, each the
        // other's partner; one country's drills stay a MOBILIZE.
        let events = check(
            "Russian/ADJ/Russian/4/amod and/CCONJ/and/3/cc Chinese/ADJ/Chinese/1/conj forces/NOUN/force/5/nsubj began/VERB/begin/0/root drills/NOUN/drills/5/obj",
            &[
                ("COOPERATE", "RUS", "CHN", Modality::Asserted),
                ("COOPERATE", "CHN", "RUS", Modality::Asserted),
            ],
        );
        assert!(events[0].rule.starts_with("joint:"), "{}", events[0].rule);
        check(
            "Russian/ADJ/Russian/2/amod forces/NOUN/force/3/nsubj began/VERB/begin/0/root drills/NOUN/drills/3/obj",
            &[("MOBILIZE", "RUS", "-", Modality::Asserted)],
        );
    }

    #[test]
    fn people_of_a_state_protest_where_the_state_complains() {
        // "Farmers in Germany rallied": the farmers demonstrate (PROTEST),
        // the people of the country named; "Germany rallied" would be an
        // official complaint.
        let events = check(
            "Farmers/NOUN/farmer/4/nsubj in/ADP/in/3/case Germany/PROPN/Germany/1/nmod/NNP rallied/VERB/rally/0/root",
            &[("PROTEST", "DEU", "DEU", Modality::Asserted)],
        );
        assert_eq!(events[0].rule, "rally");
        // Officials in Germany speak for it.
        let events = check(
            "Officials/NOUN/official/4/nsubj in/ADP/in/3/case Germany/PROPN/Germany/1/nmod/NNP protested/VERB/protest/0/root",
            &[("ACCUSE", "DEU", "-", Modality::Asserted)],
        );
        assert!(events[0].rule.starts_with("state-protest:"), "{}", events[0].rule);
    }

    #[test]
    fn cleft_in_a_quote_is_the_speakers_accusation() {
        let doc = parsed(
            "Scholz/PROPN/Scholz/2/nsubj said/VERB/say/0/root it/PRON/it/6/nsubj is/AUX/be/6/cop the/DET/the/6/det Kremlin/PROPN/Kremlin/2/ccomp that/PRON/that/8/nsubj started/VERB/start/6/acl:relcl this/DET/this/10/det war/NOUN/war/8/obj",
            "2024-07-18",
        );
        let events = coder().code(&doc);
        let got = summary(&doc, &events);
        assert!(
            got.iter().any(|(t, a, r, _)| t == "ACCUSE" && a == "DEUGOV" && r == "RUSGOV"),
            "{got:?}"
        );
    }

    #[test]
    fn reported_characterization_accuses_the_owner() {
        let events = check(
            "Zelenskyy/PROPN/Zelenskyy/2/nsubj said/VERB/say/0/root a/DET/a/4/det ceasefire/NOUN/ceasefire/6/nsubj would/AUX/would/6/aux benefit/VERB/benefit/2/ccomp Russian/ADJ/Russian/8/amod aggression/NOUN/aggression/6/obj",
            &[("ACCUSE", "UKRGOV", "RUS", Modality::Asserted)],
        );
        assert!(events[0].rule.starts_with("characterize:"));
    }

    #[test]
    fn negated_verdict_on_a_proposal_is_a_rejection() {
        let events = check(
            "Scholz/PROPN/Scholz/2/nsubj said/VERB/say/0/root the/DET/the/5/det Russian/ADJ/Russian/5/amod proposal/NOUN/proposal/8/nsubj:pass was/AUX/be/8/aux:pass n't/PART/not/8/advmod meant/VERB/mean/2/ccomp seriously/ADV/seriously/8/advmod",
            &[("REJECT", "DEUGOV", "RUS", Modality::Asserted)],
        );
        assert!(events[0].rule.starts_with("dismiss-proposal:"));
    }

    #[test]
    fn dismissed_proposal_is_asserted_though_its_words_are_negated() {
        // "Kuleba said that no peace initiatives can be based on Russia's narratives."
        let events = check(
            "Zelenskyy/PROPN/Zelenskyy/2/nsubj said/VERB/say/0/root that/SCONJ/that/9/mark no/DET/no/6/det peace/NOUN/peace/6/compound initiatives/NOUN/initiative/9/nsubj:pass can/AUX/can/9/aux be/AUX/be/9/aux:pass based/VERB/base/2/ccomp on/ADP/on/12/case Russia/PROPN/Russia/12/nmod:poss narratives/NOUN/narrative/9/obl",
            &[("REJECT", "UKRGOV", "RUS", Modality::Asserted)],
        );
        assert!(events[0].rule.starts_with("dismiss-proposal:"));
    }

    #[test]
    fn the_condition_itself_is_no_statement_of_intent() {
        // The parse lost the "if" (see modality's table); the opening
        // condition still codes nothing asserted.
        check(
            "If/SCONJ/if/0/root Russia/PROPN/Russia/3/compound attacks/NOUN/attack/1/conj NATO/PROPN/NATO/3/obj ,/PUNCT/,/7/punct alliance/NOUN/alliance/7/nsubj acts/VERB/act/3/acl:relcl",
            &[("ASSAULT", "RUS", "IGOWSTNAT", Modality::Conditional)],
        );
    }

    #[test]
    fn conditional_offer_and_domestic_target() {
        // "Kyiv would meet Putin if ...": the statement is an offer.
        let events = check(
            "Kyiv/PROPN/Kyiv/3/nsubj would/AUX/would/3/aux meet/VERB/meet/0/root Putin/PROPN/Putin/3/obj if/SCONJ/if/7/mark talks/NOUN/talk/7/nsubj resumed/VERB/resume/3/advcl",
            &[("AGREE", "UKRGOV", "RUSGOV", Modality::Asserted)],
        );
        assert!(events[0].rule.contains("conditional-intent:"));
        // A protest names no target: its own state's authorities.
        check(
            "Ukrainian/ADJ/ukrainian/2/amod workers/NOUN/worker/3/nsubj protested/VERB/protest/0/root",
            &[("PROTEST", "UKR", "UKR", Modality::Asserted)],
        );
    }

    #[test]
    fn negation_keeps_the_event_but_not_asserted() {
        check(
            "Russia/PROPN/Russia/4/nsubj has/AUX/have/4/aux not/PART/not/4/advmod rejected/VERB/reject/0/root the/DET/the/6/det talks/NOUN/talk/4/obj",
            &[("REJECT", "RUS", "-", Modality::Negated)],
        );
        check(
            "Russia/PROPN/Russia/5/nsubj:pass has/AUX/have/5/aux n't/PART/not/5/advmod been/AUX/be/5/aux:pass invited/VERB/invite/0/root",
            &[("CONSULT", "-", "RUS", Modality::Negated)],
        );
    }

    #[test]
    fn reported_refusal_to_attend_is_a_rejection_with_speaker() {
        let events = check(
            "Zakharova/PROPN/Zakharova/2/nsubj said/VERB/say/0/root Moscow/PROPN/Moscow/6/nsubj would/AUX/would/6/aux not/PART/not/6/advmod attend/VERB/attend/2/ccomp",
            &[("REJECT", "RUSGOV", "-", Modality::Asserted)],
        );
        let sp = events[0].speaker.as_ref().expect("speaker");
        assert_eq!(sp.rule, "reported-speech");
        assert!(events[0].rule.starts_with("negated-intent"));
        assert!(events[0].date.is_none(), "a future act takes no document date");
    }

    #[test]
    fn a_conditional_threat_is_aimed_at_the_conditions_actor() {
        // "Russia warned of consequences for Germany if Ukraine attacked".
        let events = check(
            "Russia/PROPN/Russia/2/nsubj warned/VERB/warn/0/root of/ADP/of/4/case consequences/NOUN/consequence/2/obl for/ADP/for/6/case Germany/PROPN/Germany/4/nmod if/SCONJ/if/9/mark Ukraine/PROPN/Ukraine/9/nsubj attacked/VERB/attack/2/advcl",
            &[("THREATEN", "RUS", "UKR", Modality::Asserted)],
        );
        assert_eq!(events[0].recipient.as_ref().map(|r| r.rule.as_str()), Some("condition"));
        // The condition's actor on the threatener's side is no target:
        // "Russia warned of consequences if Russian forces were attacked".
        let events = check(
            "Russia/PROPN/Russia/2/nsubj warned/VERB/warn/0/root of/ADP/of/4/case consequences/NOUN/consequence/2/obl if/SCONJ/if/9/mark Russian/ADJ/Russian/7/amod forces/NOUN/force/9/nsubj:pass were/AUX/be/9/aux:pass attacked/VERB/attack/2/advcl",
            &[("THREATEN", "RUS", "RUS", Modality::Asserted)],
        );
        let rule = events[0].recipient.as_ref().map(|r| r.rule.as_str());
        assert!(rule.is_some_and(|r| !r.contains("condition")), "{rule:?}");
    }

    #[test]
    fn agreeing_to_call_off_a_protest_threatens_nothing() {
        // "Ukrainian unions agreed to postpone the protest".
        let doc = parsed(
            "Ukrainian/ADJ/Ukrainian/2/amod unions/NOUN/union/3/nsubj agreed/VERB/agree/0/root to/PART/to/5/mark postpone/VERB/postpone/3/xcomp the/DET/the/7/det protest/NOUN/protest/5/obj",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(!got.iter().any(|(t, _, _, _)| t == "THREATEN"), "{got:?}");
        assert!(got.iter().any(|(t, a, _, _)| t == "AGREE" && a == "UKR"), "{got:?}");
    }

    #[test]
    fn conditional_attendance_is_no_concession() {
        check(
            "Moscow/PROPN/Moscow/3/nsubj would/AUX/would/3/aux attend/VERB/attend/0/root only/ADV/only/7/advmod if/SCONJ/if/7/mark troops/NOUN/troop/7/nsubj left/VERB/leave/3/advcl",
            &[("CONSULT", "RUSGOV", "-", Modality::Conditional)],
        );
    }

    #[test]
    fn a_government_protests_by_complaining_its_people_by_demonstrating() {
        let doc = parsed("Kyiv/PROPN/Kyiv/2/nsubj protested/VERB/protest/0/root the/DET/the/4/det blockade/NOUN/blockade/2/obj", "2024-07-18");
        let got = summary(&doc, &coder().code(&doc));
        assert!(got.iter().any(|(t, a, _, _)| t == "ACCUSE" && a == "UKRGOV"), "{got:?}");
        assert!(!got.iter().any(|(t, _, _, _)| t == "PROTEST"), "{got:?}");
        let doc = parsed("Russian/ADJ/Russian/2/amod students/NOUN/student/3/nsubj protested/VERB/protest/0/root", "2024-07-18");
        let got = summary(&doc, &coder().code(&doc));
        assert!(got.iter().any(|(t, a, _, _)| t == "PROTEST" && a == "RUS"), "{got:?}");
    }

    #[test]
    fn a_vow_follows_what_is_vowed() {
        // "Russia vowed to deepen ties": no act named, a promise.
        check(
            "Russia/PROPN/Russia/2/nsubj vowed/VERB/vow/0/root to/PART/to/4/mark deepen/VERB/deepen/2/xcomp ties/NOUN/tie/4/obj",
            &[("AGREE", "RUS", "-", Modality::Asserted)],
        );
        // "Russia vowed to attack Ukraine": a threat.
        let doc = parsed(
            "Russia/PROPN/Russia/2/nsubj vowed/VERB/vow/0/root to/PART/to/4/mark attack/VERB/attack/2/xcomp Ukraine/PROPN/Ukraine/4/obj",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(got.iter().any(|(t, a, _, _)| t == "THREATEN" && a == "RUS"), "{got:?}");
        assert!(!got.iter().any(|(t, _, _, _)| t == "AGREE"), "{got:?}");
    }

    #[test]
    fn a_stated_response_threatens_a_response_taken_is_no_event() {
        // "Russia will take measures if Ukraine attacks": a threat aimed at
        // the condition's actor, with no threat word.
        let doc = parsed(
            "Russia/PROPN/Russia/3/nsubj will/AUX/will/3/aux take/VERB/take/0/root measures/NOUN/measure/3/obj if/SCONJ/if/7/mark Ukraine/PROPN/Ukraine/7/nsubj attacks/VERB/attack/3/advcl",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(
            got.iter().any(|(t, a, r, m)| t == "THREATEN"
                && a == "RUS"
                && r == "UKR"
                && *m == Modality::Asserted),
            "{got:?}"
        );
        // "Russia took measures against Ukraine": nothing stated, nothing coded.
        let doc = parsed(
            "Russia/PROPN/Russia/2/nsubj took/VERB/take/0/root measures/NOUN/measure/2/obj against/ADP/against/5/case Ukraine/PROPN/Ukraine/2/obl",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_third_partys_forecast_is_no_statement_of_intent() {
        // "Scholz said Moscow would meet Kyiv if talks resumed": a German's
        // forecast of a Russian act stays conditional.
        check(
            "Scholz/PROPN/Scholz/2/nsubj said/VERB/say/0/root Moscow/PROPN/Moscow/5/nsubj would/AUX/would/5/aux meet/VERB/meet/2/ccomp Kyiv/PROPN/Kyiv/5/obj if/SCONJ/if/9/mark talks/NOUN/talk/9/nsubj resumed/VERB/resume/5/advcl",
            &[("CONSULT", "RUSGOV", "UKRGOV", Modality::Conditional)],
        );
        // Said by Moscow's own spokeswoman, it is an offer.
        let events = check(
            "Zakharova/PROPN/Zakharova/2/nsubj said/VERB/say/0/root Moscow/PROPN/Moscow/5/nsubj would/AUX/would/5/aux meet/VERB/meet/2/ccomp Kyiv/PROPN/Kyiv/5/obj if/SCONJ/if/9/mark talks/NOUN/talk/9/nsubj resumed/VERB/resume/5/advcl",
            &[("AGREE", "RUSGOV", "UKRGOV", Modality::Asserted)],
        );
        assert!(events[0].rule.contains("conditional-intent:"), "{}", events[0].rule);
    }
}
