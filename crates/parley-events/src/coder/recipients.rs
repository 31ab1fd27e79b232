//! Recipients: the entry's frame, its fallbacks (the object's modifiers,
//! the nearest mention on the right, the one other party named), and the
//! step of `build` that settles them once the type is known.

use parley_doc::{EventParty, EventType, Upos};

use crate::lexicon::{LexEntry, Role, TriggerPos};
use crate::sent::Sent;

use super::build::{Draft, Site};
use super::clauses::{in_speech_phrase, in_time_phrase, subject_of};
use super::mentions::{nominal_mentions, noun_owner, relabel, role_name, role_prep};
use super::parties::{country_key, names_a_feature};
use super::{Cand, EventCoder, Hit};

impl EventCoder {
    /// `asked_unnamed`: [`addressee_unnamed`] for this trigger and entry.
    pub(super) fn recipients(
        &self,
        s: &Sent<'_>,
        c: &Cand,
        entry: &LexEntry,
        asked_unnamed: bool,
        mention_at: &dyn Fn(usize) -> Option<usize>,
    ) -> Vec<Hit> {
        let t = c.tok;
        if entry.recipient.is_empty() {
            return Vec::new();
        }
        if s.parsed {
            for role in &entry.recipient {
                let hits = match role {
                    Role::Obj => {
                        let obj =
                            if s.is_passive(t) { s.passive_subject(t) } else { s.kid(t, "obj") };
                        match (obj, entry.pos) {
                            (Some(o), _) => nominal_mentions(s, o, mention_at),
                            (None, TriggerPos::Noun) => role_prep(s, t, "of", mention_at),
                            _ => Vec::new(),
                        }
                    }
                    Role::Iobj => s
                        .kid(t, "iobj")
                        .map(|h| nominal_mentions(s, h, mention_at))
                        .unwrap_or_default(),
                    Role::Poss => noun_owner(s, t, mention_at),
                    Role::Prep(p) => {
                        let mut hits = role_prep(s, t, p, mention_at);
                        if hits.is_empty() {
                            if let Some(o) = s.kid(t, "obj") {
                                hits = role_prep(s, o, p, mention_at);
                            }
                        }
                        // "announced their withdrawal from ECOWAS": the
                        // phrase may hang off the light verb.
                        if let (true, Some(l)) = (hits.is_empty(), c.light) {
                            hits = role_prep(s, l, p, mention_at);
                        }
                        hits
                    }
                    Role::Subj => subject_of(s, t)
                        .map(|h| nominal_mentions(s, h, mention_at))
                        .unwrap_or_default(),
                };
                if !hits.is_empty() {
                    return relabel(hits, &role_name(role));
                }
            }
            // The object's own modifiers ("Putin's ceasefire proposal", "aid to Kyiv").
            if let Some(o) = s.kid(t, "obj") {
                let hits = nominal_mentions(s, o, mention_at);
                if !hits.is_empty() {
                    return relabel(hits, "obj-modifier");
                }
                // "condemned the visit by a U.S. delegation": an active verb
                // has no "by" phrase of its own, so the parser hung the
                // object's agent on the verb.
                // (Not for physical acts: "struck the city during a visit
                // by X" names no one the strike was aimed at.)
                let physical = matches!(entry.event, EventType::Assault | EventType::Coerce);
                if !s.is_passive(t) && !physical {
                    let hits = role_prep(s, t, "by", mention_at);
                    if !hits.is_empty() {
                        return relabel(hits, "obj-agent");
                    }
                }
            }
            if entry.pos == TriggerPos::Noun {
                return Vec::new();
            }
        }
        // Surface: the first mention on the right, within the clause; with
        // a parse, only when it found no object of its own (else the object
        // is the recipient, and it names no actor).
        if s.parsed && s.kid(t, "obj").is_some() {
            return Vec::new();
        }
        let anchor = c.consumed.iter().copied().max().unwrap_or(t);
        let mut hits = Vec::new();
        for i in anchor + 1..s.n {
            if asked_unnamed && s.dominates(t, i) && !s.in_phrase_of(t, i) {
                continue;
            }
            if right_break(s, i) {
                break;
            }
            if let Some(m) = mention_at(i) {
                // "agreed to restore relations after talks mediated by Turkey".
                if !(s.parsed && in_time_phrase(s, i, t)) {
                    hits.push(Hit { mention: m, rule: "right-nearest".into(), parse: false });
                }
                break;
            }
        }
        hits
    }
}

/// Whether mention `m` is the subject of a clause that verb `t` reports
/// ("warned that Russia would ...").
fn reported_subject(site: &Site<'_>, t: usize, m: usize) -> bool {
    let s = site.s;
    let Some((a, b)) = site.ctx.local_range(site.si, m) else { return false };
    s.parsed
        && (a..b).any(|i| {
            s.base(i) == "nsubj"
                && s.head[i].is_some_and(|h| s.base(h) == "ccomp" && s.head[h] == Some(t))
        })
}

/// Whether word `i` ends the stretch on the right in which a recipient is
/// looked for: a clause break or a verb that reports another clause.
fn right_break(s: &Sent<'_>, i: usize) -> bool {
    matches!(s.lower[i].as_str(), ";" | ":" | "said" | "says" | "but" | "while" | "which" | "who")
        || (s.parsed && s.lower[i] == ",")
}

/// The first mention from word `from` on, before a clause break.
fn right_party(
    s: &Sent<'_>,
    from: usize,
    mention_at: &dyn Fn(usize) -> Option<usize>,
) -> Option<usize> {
    (from..s.n).take_while(|&i| !right_break(s, i)).find_map(mention_at)
}

/// "called on the international community to pressure the military": the
/// frame's addressee (a preposition or indirect object it names) is there,
/// a noun no dictionary knows. The recipient is that unknown party, not
/// one found elsewhere in the sentence (inside the act asked of it, or
/// the actor's country named again).
pub(super) fn addressee_unnamed(s: &Sent<'_>, t: usize, entry: &LexEntry) -> bool {
    // A physical act's phrase names where it struck, not whom it
    // addressed ("fired shells at targets in Jericho").
    let physical = matches!(entry.event, EventType::Assault | EventType::Coerce);
    s.parsed
        && !physical
        && entry.recipient.iter().any(|r| match r {
            Role::Prep(p) => s.children[t].iter().any(|&o| {
                s.base(o) == "obl"
                    && s.prep_of(o) == Some(p.as_str())
                    && s.upos(o) == Some(Upos::NOUN)
            }),
            Role::Iobj => s.kid(t, "iobj").is_some_and(|o| s.upos(o) == Some(Upos::NOUN)),
            _ => false,
        })
}

impl EventCoder {
    /// Settles the recipients once the type is known: a meeting's place at
    /// home is dropped, partners in a "with" act meet each other, an
    /// attacked place no party names stands for its country (returned),
    /// else the one other party the sentence names.
    pub(super) fn settle_recipients(&self, site: &Site<'_>, dr: &mut Draft) -> Option<EventParty> {
        let (s, entry, t) = (site.s, site.entry, site.t);
        let (event, actors) = (dr.event, &dr.actors);
        dr.recipients.retain(|r| !home_venue(site, event, actors, r.mention));
        // "Peskov warned that Russia would take measures to counter the
        // alliance": the nearest party on the right that is the actor's
        // own country and the subject of the clause it reports is its own
        // side in what it says, not whom it addresses; the next party on
        // the right, of another country, is. (Not another sector of its
        // own country: "the opposition demanded that President X resign"
        // is a domestic demand.)
        let own: Vec<String> = actors.iter().map(|a| country_key(s, a.mention)).collect();
        let own_side = |m: usize| {
            let r = &s.doc.mentions[m].actor;
            let bare = r.country.as_deref() == Some(r.code.as_str());
            actors.iter().any(|a| {
                let a = &s.doc.mentions[a.mention].actor;
                a.code == r.code || (bare && a.country == r.country)
            })
        };
        if let [r] = dr.recipients.as_slice() {
            if r.rule == "right-nearest"
                && own_side(r.mention)
                && reported_subject(site, t, r.mention)
            {
                let from = site.ctx.local_range(site.si, r.mention).map(|(_, b)| b);
                let next = from.and_then(|b| {
                    right_party(s, b, site.mention_at)
                        .filter(|&m| !own.contains(&country_key(s, m)))
                });
                dr.recipients = next
                    .map(|m| {
                        vec![Hit { mention: m, rule: "right-nearest-other".into(), parse: false }]
                    })
                    .unwrap_or_default();
            }
        }
        // "Japan and the Philippines signed a pact": an act that takes a
        // "with" partner, done by coordinated parties and naming no other
        // partner, is done with each other (what the object mentions is
        // the topic: "France and Germany discussed the war in Ukraine").
        // Nor is the place where they met ("met in Amman").
        let venue = |r: &Hit| r.rule == "right-nearest" && placed_in(site, event, r.mention);
        let symmetric = entry.recipient.iter().any(|r| matches!(r, Role::Prep(p) if p == "with"));
        if symmetric
            && actors.len() >= 2
            && actors.iter().all(|a| a.parse)
            && dr.recipients.iter().all(|r| r.rule == "obj-modifier" || venue(r))
        {
            dr.recipients = relabel(actors.clone(), "mutual");
        }
        // "struck the port city of Odesa": an attacked place that no party
        // names is its country's (PLOVER codes "shelled Kabul" as AFG).
        let place_recipient = (dr.recipients.is_empty() && event == EventType::Assault)
            .then(|| self.place_in_object(s, t))
            .flatten()
            .filter(|p| {
                // A place of the actor's own country says nothing of whom
                // it fought there.
                !actors.iter().any(|a| s.doc.mentions[a.mention].actor.country == p.actor.country)
            });
        // An event said to take place with no party of its own ("sporadic
        // clashes were continuing") befalls no one the sentence names
        // elsewhere; a protest is still its place's people's.
        let partyless_occurrence =
            site.c.occurs.is_some() && dr.actors.is_empty() && event != EventType::Protest;
        if dr.recipients.is_empty()
            && !entry.recipient.is_empty()
            && place_recipient.is_none()
            && !site.addressed_unnamed
            && !partyless_occurrence
        {
            dr.recipients = sole_other_party(site, dr);
        }
        place_recipient
    }
}

/// A recipient left unnamed by the frame: the one other party the
/// sentence names ("sought refuge in Germany", read without a parse).
/// The object of a physical act is the party it befalls: a party
/// deep inside it only describes it ("arrested three men suspected
/// of attacks on Chinese engineers"). (The object of a statement may
/// carry its addressee: "rejected a call for troops in East Timor".)
fn sole_other_party(site: &Site<'_>, dr: &Draft) -> Vec<Hit> {
    let (s, ctx, si, t, pred, mention_at) =
        (site.s, site.ctx, site.si, site.t, site.pred, site.mention_at);
    let key = |m: usize| country_key(s, m);
    let used: Vec<usize> = dr.actors.iter().chain(dr.speaker.as_ref()).map(|h| h.mention).collect();
    let own: Vec<String> = dr.actors.iter().map(|h| key(h.mention)).collect();
    let physical = matches!(dr.event, EventType::Coerce | EventType::Assault);
    let object = if s.parsed && physical { s.kid(t, "obj") } else { None };
    // An act whose own subject names no party ("after gangs
    // attacked a station") befalls a party it names itself, not
    // one from the clause around it.
    let unknown_subject = s.parsed
        && dr.actors.is_empty()
        && subject_of(s, pred).is_some_and(|h| {
            matches!(s.upos(h), Some(Upos::NOUN | Upos::PROPN))
                && s.rel[h] != "nsubj:pass"
                && nominal_mentions(s, h, mention_at).is_empty()
        });
    let others: Vec<usize> = ctx.mentions[si]
        .iter()
        .filter(|&&(m, a, b)| {
            !used.contains(&m)
                && !own.contains(&key(m))
                && !home_venue(site, dr.event, &dr.actors, m)
                && object.is_none_or(|o| !s.dominates(o, a))
                && (!unknown_subject || s.dominates(pred, a))
                && !names_a_feature(s, a, b)
                && site.speech.is_none_or(|v| !in_speech_phrase(s, v, t, a, &ctx.quotes))
        })
        .map(|m| m.0)
        .collect();
    // The one other party is still not the recipient when it is
    // named only to say when the act happened.
    let timed = |m: usize| {
        s.parsed && ctx.local_range(si, m).is_some_and(|(a, _)| in_time_phrase(s, a, pred))
    };
    if let Some(&first) = others.first() {
        if others.iter().all(|&m| key(m) == key(first)) && !timed(first) {
            return vec![Hit { mention: first, rule: "sole-other-party".into(), parse: false }];
        }
    }
    Vec::new()
}

/// Whether mention `m` follows "in" or "at" in a meeting: where they met.
pub(super) fn placed_in(site: &Site<'_>, event: EventType, m: usize) -> bool {
    let s = site.s;
    event == EventType::Consult
        && site
            .ctx
            .local_range(site.si, m)
            .is_some_and(|(lo, _)| lo > 0 && matches!(s.lower[lo - 1].as_str(), "in" | "at"))
}

/// Whether mention `m` is a meeting's place in the actors' own country,
/// wherever the parse hung it ("hosted delegations from both sides in
/// Cairo"): no party to the meeting.
pub(super) fn home_venue(site: &Site<'_>, event: EventType, actors: &[Hit], m: usize) -> bool {
    let country_of = |m: usize| site.s.doc.mentions[m].actor.country.as_deref();
    placed_in(site, event, m)
        && country_of(m).is_some()
        && actors.iter().any(|a| country_of(a.mention) == country_of(m))
}

#[cfg(test)]
mod tests {
    use parley_doc::{EventType, Modality};

    use crate::testutil::{check, coder, parsed, summary};

    #[test]
    fn the_actors_own_country_on_the_right_is_not_whom_it_warns() {
        // "Moscow warned that Russia would act against NATO".
        let doc = parsed(
            "Moscow/PROPN/Moscow/2/nsubj warned/VERB/warn/0/root that/SCONJ/that/6/mark Russia/PROPN/Russia/6/nsubj would/AUX/would/6/aux act/VERB/act/2/ccomp against/ADP/against/8/case NATO/PROPN/NATO/6/obl",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(
            got.iter().any(|(t, a, r, _)| t == "THREATEN" && a == "RUSGOV" && r == "IGOWSTNAT"),
            "{got:?}"
        );
        assert!(!got.iter().any(|(t, _, r, _)| t == "THREATEN" && r.starts_with("RUS")), "{got:?}");
    }

    #[test]
    fn coordinated_partners_meet_each_other() {
        check(
            "Kyiv/PROPN/Kyiv/4/nsubj and/CCONJ/and/3/cc Moscow/PROPN/Moscow/1/conj met/VERB/meet/0/root",
            &[
                ("CONSULT", "UKRGOV", "RUSGOV", Modality::Asserted),
                ("CONSULT", "RUSGOV", "UKRGOV", Modality::Asserted),
            ],
        );
    }

    #[test]
    fn partners_in_one_act_are_not_each_others_recipients() {
        check(
            "The/DET/the/2/det ceasefire/NOUN/ceasefire/4/nsubj:pass was/AUX/be/4/aux:pass brokered/VERB/broker/0/root by/ADP/by/6/case Germany/PROPN/Germany/4/obl:agent and/CCONJ/and/8/cc France/PROPN/France/6/conj",
            // Brokering is mediation done (CAMEO 045).
            &[("CONSULT", "DEU", "-", Modality::Asserted), ("CONSULT", "FRA", "-", Modality::Asserted)],
        );
    }

    #[test]
    fn the_actors_own_possessor_does_not_make_an_act_domestic() {
        check(
            "Putin/PROPN/Putin/3/nmod:poss 's/PART/'s/1/case spokesman/NOUN/spokesman/5/nsubj Peskov/PROPN/Peskov/3/flat dismissed/VERB/dismiss/0/root the/DET/the/7/det report/NOUN/report/5/obj",
            &[("REJECT", "RUSGOV", "-", Modality::Asserted)],
        );
    }

    #[test]
    fn possessor_of_the_object_is_the_recipient() {
        let events = check(
            "Kyiv/PROPN/Kyiv/2/nsubj rejected/VERB/reject/0/root Putin/PROPN/Putin/6/nmod:poss 's/PART/'s/3/case ceasefire/NOUN/ceasefire/6/compound proposal/NOUN/proposal/2/obj ./PUNCT/./2/punct",
            &[("REJECT", "UKRGOV", "RUSGOV", Modality::Asserted)],
        );
        assert_eq!(events[0].rule, "reject-proposal");
        assert_eq!(events[0].cameo, "125");
        assert_eq!(events[0].date.as_ref().map(|d| d.rule.as_str()), Some("document-date"));
    }

    #[test]
    fn coordinated_partners_meet_each_other_not_their_topic() {
        check(
            "France/PROPN/France/4/nsubj and/CCONJ/and/3/cc Germany/PROPN/Germany/1/conj discussed/VERB/discuss/0/root the/DET/the/6/det war/NOUN/war/4/obj in/ADP/in/8/case Ukraine/PROPN/Ukraine/6/nmod",
            &[
                ("CONSULT", "FRA", "DEU", Modality::Asserted),
                ("CONSULT", "DEU", "FRA", Modality::Asserted),
            ],
        );
        // The coordination may sit inside one mention's "of" phrase.
        check(
            "The/DET/the/2/det leaders/NOUN/leader/7/nsubj of/ADP/of/4/case France/PROPN/France/2/nmod and/CCONJ/and/6/cc Germany/PROPN/Germany/4/conj met/VERB/meet/0/root",
            &[
                ("CONSULT", "FRAGOV", "DEU", Modality::Asserted),
                ("CONSULT", "DEU", "FRAGOV", Modality::Asserted),
            ],
        );
    }

    #[test]
    fn a_party_deep_inside_a_physical_acts_object_is_not_its_recipient() {
        check(
            "Pakistan/PROPN/Pakistan/2/nsubj arrested/VERB/arrest/0/root three/NUM/three/4/nummod men/NOUN/man/2/obj suspected/VERB/suspect/4/acl of/SCONJ/of/7/mark planning/VERB/plan/5/advcl attacks/NOUN/attack/7/obj on/ADP/on/11/case Chinese/ADJ/Chinese/11/amod engineers/NOUN/engineer/8/nmod",
            &[("COERCE", "PAK", "PAK", Modality::Asserted)],
        );
    }

    #[test]
    fn a_party_named_in_a_time_phrase_is_not_the_recipient() {
        // "Russia freed prisoners following a visit by a French envoy".
        check(
            "Russia/PROPN/Russia/2/nsubj freed/VERB/free/0/root prisoners/NOUN/prisoner/2/obj following/VERB/follow/6/case a/DET/a/6/det visit/NOUN/visit/2/obl by/ADP/by/9/case French/ADJ/French/9/amod envoy/NOUN/envoy/6/nmod",
            &[("RETREAT", "RUS", "RUS", Modality::Asserted)],
        );
    }

    #[test]
    fn a_party_named_in_a_time_phrase_on_the_right_is_not_the_recipient() {
        // "Russia agreed to restore relations after talks mediated by France".
        check(
            "Russia/PROPN/Russia/2/nsubj agreed/VERB/agree/0/root to/PART/to/4/mark restore/VERB/restore/2/xcomp relations/NOUN/relation/4/obj after/ADP/after/7/case talks/NOUN/talk/4/obl mediated/VERB/mediate/7/acl by/ADP/by/10/case France/PROPN/France/8/obl:agent",
            &[("AGREE", "RUS", "-", Modality::Asserted)],
        );
    }

    #[test]
    fn a_party_named_around_the_speech_verb_is_not_the_acts() {
        check(
            "Kyiv/PROPN/Kyiv/2/nsubj told/VERB/tell/0/root reporters/NOUN/reporter/2/obj in/ADP/in/5/case Moscow/PROPN/Moscow/3/nmod that/SCONJ/that/9/mark it/PRON/it/9/nsubj would/AUX/would/9/aux protest/VERB/protest/2/ccomp",
            &[("THREATEN", "UKRGOV", "-", Modality::Asserted)],
        );
    }

    #[test]
    fn a_party_modifying_a_modifier_still_owns_the_object() {
        check(
            "Israel/PROPN/Israel/2/nsubj struck/VERB/strike/0/root Pyongyang/PROPN/Pyongyang/4/compound weapons/NOUN/weapon/5/compound depots/NOUN/depot/2/obj in/ADP/in/7/case Ukraine/PROPN/Ukraine/5/nmod",
            &[("ASSAULT", "ISR", "PRK", Modality::Asserted)],
        );
    }

    #[test]
    fn seizing_territory_is_not_domestic_and_the_speakers_city_is_not_the_place() {
        let events = check(
            "Russian/ADJ/Russian/2/amod forces/NOUN/force/3/nsubj captured/VERB/capture/0/root the/DET/the/5/det village/NOUN/village/3/obj ,/PUNCT/,/11/punct the/DET/the/8/det ministry/NOUN/ministry/11/nsubj in/ADP/in/10/case Moscow/PROPN/Moscow/8/nmod said/VERB/say/3/parataxis",
            &[("COERCE", "RUS", "-", Modality::Asserted)],
        );
        assert!(events[0].location.is_none(), "{:?}", events[0].location);
    }

    #[test]
    fn a_place_phrase_adds_no_party_when_a_modifier_names_one() {
        check(
            "Germany/PROPN/Germany/2/nsubj struck/VERB/strike/0/root Russian/ADJ/Russian/4/amod targets/NOUN/target/2/obj in/ADP/in/6/case Ukraine/PROPN/Ukraine/4/nmod",
            &[("ASSAULT", "DEU", "RUS", Modality::Asserted)],
        );
    }

    #[test]
    fn an_attacked_place_no_party_names_is_its_countrys() {
        let doc = parsed(
            "Russian/ADJ/Russian/2/amod missiles/NOUN/missile/3/nsubj struck/VERB/strike/0/root the/DET/the/5/det city/NOUN/city/3/obj of/ADP/of/7/case Odesa/PROPN/Odesa/5/nmod during/ADP/during/10/case a/DET/a/10/det visit/NOUN/visit/3/obl by/ADP/by/12/case Scholz/PROPN/Scholz/3/obl",
            "2024-07-18",
        );
        let events = coder().code(&doc);
        let got = summary(&doc, &events);
        assert!(
            got.contains(&("ASSAULT".into(), "RUS".into(), "UKR".into(), Modality::Asserted)),
            "{got:?}"
        );
        let e = events.iter().find(|e| e.event_type == EventType::Assault).expect("assault");
        let r = e.recipient.as_ref().expect("recipient");
        assert_eq!((&doc.text[r.span], r.rule.as_str()), ("Odesa", "attacked-place"));
    }

    #[test]
    fn an_attacked_place_inside_a_clause_about_the_object_is_not_the_target() {
        // "executed a man convicted of spying for Ukraine": the man, not Ukraine.
        let doc = parsed(
            "Russian/ADJ/Russian/2/amod authorities/NOUN/authority/3/nsubj executed/VERB/execute/0/root a/DET/a/5/det man/NOUN/man/3/obj convicted/VERB/convict/5/acl of/ADP/of/8/mark spying/VERB/spy/6/advcl for/ADP/for/10/case Ukraine/PROPN/Ukraine/8/obl",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(got.iter().any(|(t, a, _, _)| t == "ASSAULT" && a == "RUS"), "{got:?}");
        assert!(!got.iter().any(|(_, _, r, _)| r == "UKR"), "{got:?}");
    }

    #[test]
    fn a_domestic_recipient_points_at_the_words_that_name_the_country_again() {
        let doc = parsed(
            "Kremlin/PROPN/Kremlin/2/nsubj dismissed/VERB/dismiss/0/root reports/NOUN/report/2/obj that/SCONJ/that/7/mark Putin/PROPN/Putin/7/nsubj was/AUX/be/7/cop ready/ADJ/ready/3/acl",
            "2024-07-18",
        );
        let events = coder().code(&doc);
        let e = events.iter().find(|e| e.event_type == EventType::Reject).expect("a rejection");
        let r = e.recipient.as_ref().expect("a domestic recipient");
        assert_eq!((r.actor.code.as_str(), r.rule.as_str()), ("RUS", "domestic"));
        assert_eq!(&doc.text[r.span], "Putin");
    }

    #[test]
    fn a_party_inside_the_act_asked_for_is_not_the_one_asked() {
        check(
            "Putin/PROPN/Putin/2/nsubj called/VERB/call/0/root on/ADP/on/5/case the/DET/the/5/det community/NOUN/community/2/obl to/PART/to/7/mark pressure/VERB/pressure/2/advcl Ukraine/PROPN/Ukraine/7/obj",
            &[("REQUEST", "RUSGOV", "-", Modality::Asserted)],
        );
        // Named by a party, the one asked is the recipient.
        check(
            "Putin/PROPN/Putin/2/nsubj called/VERB/call/0/root on/ADP/on/4/case Germany/PROPN/Germany/2/obl to/PART/to/6/mark pressure/VERB/pressure/2/advcl Ukraine/PROPN/Ukraine/6/obj",
            &[("REQUEST", "RUSGOV", "DEU", Modality::Asserted)],
        );
    }

    #[test]
    fn a_domestic_act_points_at_whom_it_befell() {
        let doc = parsed(
            "Russia/PROPN/Russia/2/nsubj arrested/VERB/arrest/0/root dozens/NOUN/dozen/2/obj of/ADP/of/5/case protesters/NOUN/protester/3/nmod demanding/VERB/demand/3/acl the/DET/the/8/det resignation/NOUN/resignation/6/obj of/ADP/of/10/case Putin/PROPN/Putin/8/nmod",
            "2024-07-18",
        );
        let events = coder().code(&doc);
        let e = events.iter().find(|e| e.event_type == EventType::Coerce).expect("an arrest");
        let r = e.recipient.as_ref().expect("a domestic recipient");
        assert_eq!((r.actor.code.as_str(), r.rule.as_str()), ("RUS", "domestic"));
        assert_eq!(&doc.text[r.span], "dozens of protesters");
        // A party made from a country code alone is named from the gazetteer.
        assert_eq!(r.actor.name.as_deref(), Some("Russia"));
    }

    #[test]
    fn partners_who_meet_in_a_city_meet_each_other() {
        let doc = parsed(
            "Germany/PROPN/Germany/4/nsubj and/CCONJ/and/3/cc France/PROPN/France/1/conj met/VERB/meet/0/root in/ADP/in/6/case Kyiv/PROPN/Kyiv/4/obl",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(
            got.iter().any(|(t, a, r, _)| t == "CONSULT" && a == "DEU" && r == "FRA"),
            "{got:?}"
        );
        assert!(!got.iter().any(|(_, _, r, _)| r == "UKRGOV"), "{got:?}");
    }

    #[test]
    fn shutting_a_border_restricts_crossing_to_the_neighbour() {
        let doc = parsed("Poland/PROPN/Poland/2/nsubj shut/VERB/shut/0/root its/PRON/its/4/nmod:poss border/NOUN/border/2/obj with/ADP/with/6/case Russia/PROPN/Russia/4/nmod", "2024-07-18");
        let events = coder().code(&doc);
        let got = summary(&doc, &events);
        assert!(
            got.iter().any(|(t, a, r, _)| t == "COERCE" && a == "POL" && r == "RUS"),
            "{got:?}"
        );
        assert_eq!(events[0].cameo, "172");
    }

    #[test]
    fn a_phrase_that_only_says_where_names_no_target() {
        let doc = parsed(
            "Russia/PROPN/Russia/2/nsubj attacked/VERB/attack/0/root militants/NOUN/militant/2/obj near/ADP/near/6/case the/DET/the/6/det border/NOUN/border/3/nmod with/ADP/with/8/case Poland/PROPN/Poland/6/nmod",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(got.iter().any(|(t, a, _, _)| t == "ASSAULT" && a == "RUS"), "{got:?}");
        assert!(!got.iter().any(|(_, _, r, _)| r == "POL"), "{got:?}");
    }

    #[test]
    fn a_meeting_place_at_the_actors_home_is_no_party() {
        // The parse hangs the city inside the object phrase.
        let doc = parsed(
            "Ukraine/PROPN/Ukraine/2/nsubj hosted/VERB/host/0/root delegations/NOUN/delegation/2/obj from/ADP/from/6/case both/DET/both/6/det sides/NOUN/side/3/nmod in/ADP/in/8/case Kyiv/PROPN/Kyiv/6/nmod",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(got.iter().any(|(t, a, _, _)| t == "CONSULT" && a == "UKR"), "{got:?}");
        assert!(!got.iter().any(|(_, _, r, _)| r.starts_with("UKR")), "{got:?}");
    }
}
