//! `EventCoder::build`: one trigger candidate to its events, in steps.
//! The type comes from the entry (and the act an intent embeds), the
//! parties from the frame, the speaker from attribution; readings that
//! change the type run in a fixed order, each seeing what the earlier
//! ones made of the event; recipients are then settled and one event
//! written per actor and recipient.

use parley_doc::{
    Event, EventParty, EventPlace, EventTrigger, EventType, Modality, SentenceIdx, Span, TokenIdx,
};

use super::clauses::{in_time_phrase, phrase_span, subject_of};
use super::event_places::place_for;
use super::mentions::party_of;
use super::occurrence::occurrence_failed;
use super::parties::{country_actor, country_key, names_a_feature, CROWD};
use super::recipients::{addressee_unnamed, home_venue};
use super::{Cand, DocCtx, EventCoder, Hit};
use crate::attribution;
use crate::dates::DateExpr;
use crate::lexicon::LexEntry;
use crate::modality::{self, Reading};
use crate::sent::Sent;

/// One trigger candidate in its sentence: what every step of `build` reads.
pub(super) struct Site<'a> {
    pub(super) s: &'a Sent<'a>,
    pub(super) ctx: &'a DocCtx<'a>,
    /// The sentence's index in the document.
    pub(super) si: usize,
    pub(super) c: &'a Cand,
    pub(super) entry: &'a LexEntry,
    /// Every candidate of the sentence, `c` among them.
    pub(super) cands: &'a [Cand],
    pub(super) mention_at: &'a dyn Fn(usize) -> Option<usize>,
    /// The trigger token.
    pub(super) t: usize,
    /// The predicate whose clause the trigger is: its light verb or itself.
    pub(super) pred: usize,
    /// The quote the trigger lies in.
    pub(super) quote: Option<Span>,
    /// The speech verb that reports the trigger's clause.
    pub(super) speech: Option<usize>,
    /// The frame's addressee named by an unknown noun (see
    /// `addressee_unnamed`), for the recipient search and its fallbacks.
    pub(super) addressed_unnamed: bool,
}

/// The event as `build`'s steps resolve it.
#[derive(Clone)]
pub(super) struct Draft {
    pub(super) event: EventType,
    pub(super) cameo: String,
    pub(super) mode: Option<String>,
    /// The rule chain: each step that changes the type prefixes its name.
    pub(super) rule: String,
    pub(super) actors: Vec<Hit>,
    pub(super) recipients: Vec<Hit>,
    pub(super) speaker: Option<Hit>,
    pub(super) reading: Reading,
    /// The type is a governed act's (see `governed`): its frame, not the
    /// governing verb's, names the recipient.
    pub(super) governed: bool,
}

impl EventCoder {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn build(
        &self,
        s: &Sent<'_>,
        ctx: &DocCtx<'_>,
        si: usize,
        c: &Cand,
        entry: &LexEntry,
        cands: &[Cand],
        mention_at: &dyn Fn(usize) -> Option<usize>,
        date_exprs: &[DateExpr],
        places: &[(usize, usize, usize)],
        mut log: Option<&mut Vec<String>>,
    ) -> Vec<Event> {
        let t = c.tok;
        let pred = c.light.or(c.occurs).unwrap_or(t);
        let quote = attribution::quote_at(&ctx.quotes, s.span(t));
        let speech = attribution::speech_verb_for(s, pred, &ctx.quotes);
        let reported = quote.is_some() || speech.is_some();
        let site = Site {
            s,
            ctx,
            si,
            c,
            entry,
            cands,
            mention_at,
            t,
            pred,
            quote,
            speech,
            addressed_unnamed: addressee_unnamed(s, t, entry),
        };
        let mut dr = Draft {
            event: entry.event,
            cameo: entry.cameo.clone(),
            mode: entry.mode.clone(),
            rule: entry.id.clone(),
            actors: Vec::new(),
            recipients: Vec::new(),
            speaker: None,
            reading: modality::read(s, pred, reported),
            governed: false,
        };
        // "the ceasefire collapsed", "talks stalled": the event did not
        // stand; "there would be no relief": there was none.
        if let Some(v) = c.occurs.filter(|_| dr.reading.modality == Modality::Asserted) {
            let none = s.children[t].iter().any(|&d| s.lower[d] == "no");
            if none || occurrence_failed(s, v, self.lexicon.classes()) {
                dr.reading.modality = Modality::Negated;
                dr.reading.negated = true;
                dr.reading.cue = Some(if none {
                    "neg:no".to_string()
                } else {
                    format!("occur-fail:{}", s.lemma[v])
                });
            }
        }
        let embedded_recipient =
            self.intent_type(&site, &mut dr).or_else(|| self.governed_type(&site, &mut dr));
        self.frame_parties(&site, &mut dr, embedded_recipient);
        dr.speaker = self.speaker(&site);
        let Some(dismissed) = self.dismissal(&site, &mut dr, log.as_deref_mut()) else {
            return Vec::new();
        };
        self.speaker_as_actor(&site, &mut dr);
        self.characterize(&site, &mut dr);
        // The dismissal is what the speaker did: the negation that made it
        // one does not make it any less asserted.
        if dismissed && dr.reading.modality == Modality::Negated {
            dr.reading.modality = Modality::Asserted;
        }
        // Whether the type is cooperative is read once, before the steps
        // below may turn it into a rejection.
        let cooperative = is_cooperative(dr.event);
        let refusal = self.refusal(&site, &dr, cooperative);
        self.negated_intent(&site, &mut dr, cooperative);
        self.failed_agreement(&mut dr);
        self.conditional_intent(&site, &mut dr);
        self.stated_intent(&site, &mut dr, cooperative);
        // `stated` entries say only what an actor will do ("will take all
        // necessary measures"); told as done they are no event.
        let stated = dr.reading.modality == Modality::Asserted
            && (dr.reading.future || dr.rule.starts_with("unless-threat:"));
        if entry.stated && !stated {
            if let Some(l) = log {
                l.push(format!("{}: not a stated intent: not coded", entry.id));
            }
            return Vec::new();
        }
        self.condition_target(&site, &mut dr);
        self.state_protest(&site, &mut dr);
        self.joint_operation(&site, &mut dr);
        let place_recipient = self.settle_recipients(&site, &mut dr);
        let mut out = self.write_events(&site, &dr, place_recipient, date_exprs, places);
        // The refusal a negated act of cooperation is ("did not sign the
        // text"): its parties are the act's, settled on their own.
        if let Some(mut r) = refusal {
            let place = self.settle_recipients(&site, &mut r);
            out.extend(self.write_events(&site, &r, place, date_exprs, places));
        }
        out
    }

    /// The events of a resolved draft: one per actor and recipient (four
    /// of each at most), with date, place, confidence and evidence.
    fn write_events(
        &self,
        site: &Site<'_>,
        dr: &Draft,
        place_recipient: Option<EventParty>,
        date_exprs: &[DateExpr],
        places: &[(usize, usize, usize)],
    ) -> Vec<Event> {
        let (s, c, entry, t, pred) = (site.s, site.c, site.entry, site.t, site.pred);
        let date = self.date_for(s, site.ctx, pred, &dr.reading, date_exprs);
        // Where the speaker is ("the defence ministry in Moscow said") is
        // not where the act took place.
        let speaker_phrase = site.speech.filter(|_| s.parsed).and_then(|v| subject_of(s, v));
        let location = place_for(s, t, places, speaker_phrase, &self.lexicon);
        let fact = self.lexicon.cameo(&dr.cameo);
        let context = fact.map(|f| f.context.clone()).unwrap_or_default();
        let confidence = confidence(site, dr);
        let trigger_span = s.span(t);
        let trigger_span = c
            .consumed
            .iter()
            .map(|&i| s.span(i))
            .filter(|sp| sp.start.abs_diff(trigger_span.start) < 40)
            .fold(trigger_span, |a, b| a.cover(b));
        let protest_home = protest_home(site, dr, location.as_ref());
        if dr.actors.is_empty()
            && dr.recipients.is_empty()
            && protest_home.is_none()
            && place_recipient.is_none()
        {
            // PLOVER codes who did what to whom: with no party at all the
            // event says nothing ("delegations attended the event").
            return Vec::new();
        }
        let speaker_party = dr.speaker.as_ref().map(|h| party_of(s.doc, h));
        let mut out = Vec::new();
        let actor_list: Vec<Option<&Hit>> = if dr.actors.is_empty() {
            vec![None]
        } else {
            dr.actors.iter().take(4).map(Some).collect()
        };
        for a in actor_list {
            let recips = recipients_of(site, dr, a);
            let home = a
                .filter(|_| {
                    !entry.recipient.is_empty()
                        && recips.iter().all(Option::is_none)
                        && !site.addressed_unnamed
                })
                .and_then(|a| self.domestic_party(site, dr, a));
            for r in recips {
                out.push(Event {
                    sentence: SentenceIdx(site.si as u32),
                    event_type: dr.event,
                    mode: dr.mode.clone(),
                    context: context.clone(),
                    cameo: dr.cameo.clone(),
                    goldstein: fact.map(|f| f.goldstein).unwrap_or(0.0),
                    quad_class: fact.map(|f| f.quad_class).unwrap_or(0),
                    plover_score: self.lexicon.plover_score(dr.event, dr.mode.as_deref()),
                    actor: a
                        .map(|h| self.people_of_place(site, dr.event, h, true))
                        .or_else(|| protest_home.clone()),
                    recipient: r
                        .map(|h| self.people_of_place(site, dr.event, h, false))
                        .or_else(|| place_recipient.clone())
                        .or_else(|| home.clone()),
                    trigger: EventTrigger {
                        span: trigger_span,
                        token: TokenIdx((s.first + t) as u32),
                    },
                    date: date.clone(),
                    location: location.clone(),
                    speaker: speaker_party.clone(),
                    quote: site.quote,
                    modality: dr.reading.modality,
                    modality_rule: dr.reading.cue.clone(),
                    confidence: confidence.clamp(0.05, 0.99),
                    rule: dr.rule.clone(),
                });
            }
        }
        out
    }

    /// A city that stands for its government elsewhere ("Nairobi said")
    /// names only where people are from when they protest or are named
    /// as a crowd ("protesters in Nairobi", "residents of Kyiv"), and
    /// only the country when it is attacked or coerced ("bombed Beirut").
    fn people_of_place(
        &self,
        site: &Site<'_>,
        event: EventType,
        h: &Hit,
        as_actor: bool,
    ) -> EventParty {
        let s = site.s;
        let mut p = party_of(s.doc, h);
        let span = s.doc.mentions[h.mention].span;
        let place = site.ctx.mentions[site.si]
            .iter()
            .find(|&&(m, _, _)| {
                m == h.mention
                    && self
                        .lexicon
                        .gazetteer()
                        .match_at(&s.doc.text, span.start, &[span.end])
                        .is_some()
            })
            .map(|&(_, a, b)| (a, b));
        let crowd = place.is_some_and(|(a, b)| {
            (a..b).any(|i| {
                s.base(i) == "nmod"
                    && s.head[i].is_some_and(|hd| {
                        !(a..b).contains(&hd) && CROWD.contains(&s.lemma[hd].as_str())
                    })
            })
        });
        let wanted = if as_actor {
            event == EventType::Protest || crowd
        } else {
            // Coercion too befalls a place's people or land, not its
            // government ("arrested protesters in Seoul", "seized Kabul").
            matches!(event, EventType::Assault | EventType::Coerce)
        };
        if let (Some(_), true, Some(country)) = (place, wanted, p.actor.country.clone()) {
            p.actor = country_actor(country);
            p.rule = format!("{}:people-of-place", p.rule);
        }
        p
    }

    /// The recipient of actor `a`'s act when the frame names none: its own
    /// country, where the act is domestic or the sentence names that
    /// country again.
    fn domestic_party(&self, site: &Site<'_>, dr: &Draft, a: &Hit) -> Option<EventParty> {
        let (s, ctx, si, t, pred) = (site.s, site.ctx, site.si, site.t, site.pred);
        let domestic = is_domestic(site, dr);
        // Other types default only when the sentence itself names the
        // actor's own country again ("Turkey will allow Turkish Kurd
        // refugees to return", "demanded control of the Nigerian
        // Interior Ministry").
        // The actor's own phrase does not count ("Putin's spokesman").
        let actor_head = |a: &Hit| {
            let (lo, hi) = ctx.local_range(si, a.mention)?;
            (lo..hi).find(|&i| s.head[i].is_none_or(|h| h < lo || h >= hi))
        };
        // The other mention that names the actor's country again: the
        // words behind a domestic recipient.
        let names_home = |a: &Hit| {
            let head = actor_head(a).filter(|_| s.parsed);
            ctx.mentions[si].iter().find(|&&(m, lo, hi)| {
                m != a.mention
                    && !dr.actors.iter().chain(dr.speaker.as_ref()).any(|h| h.mention == m)
                    && country_key(s, m) == country_key(s, a.mention)
                    && !home_venue(site, dr.event, &dr.actors, m)
                    && head.is_none_or(|h| !s.dominates(h, lo))
                    && !names_a_feature(s, lo, hi)
                    && !(s.parsed && in_time_phrase(s, lo, pred))
            })
        };
        let m = &s.doc.mentions[a.mention];
        // The evidence: for an act done at home, whom it befell
        // ("arrested dozens of protesters"); else the words that
        // name the country again; else the actor's own.
        // (Not an object the trigger itself is made of: "used
        // water cannon".)
        let object =
            s.kid(t, "obj").filter(|o| domestic && s.parsed && !site.c.consumed.contains(o));
        let span = match (object, names_home(a)) {
            (Some(o), _) => phrase_span(s, o),
            (None, Some(&(other, _, _))) => s.doc.mentions[other].span,
            (None, None) if domestic => m.span,
            (None, None) => return None,
        };
        let country = m.actor.country.clone()?;
        Some(EventParty {
            span,
            mention: None,
            actor: country_actor(country),
            rule: "domestic".into(),
        })
    }
}

/// The recipients actor `a` is written with (`None`: no recipient).
fn recipients_of<'d>(site: &Site<'_>, dr: &'d Draft, a: Option<&Hit>) -> Vec<Option<&'d Hit>> {
    let s = site.s;
    let r: Vec<&Hit> = dr
        .recipients
        .iter()
        .filter(|r| {
            a.is_none_or(|a| {
                a.mention != r.mention
                    && s.doc.mentions[a.mention].actor.code != s.doc.mentions[r.mention].actor.code
            })
            // "brokered by Qatar and Egypt": partners in one
            // act are not each other's recipients unless the
            // act is done with each other.
            && (r.rule == "mutual" || !dr.actors.iter().any(|x| x.mention == r.mention))
        })
        .take(4)
        .collect();
    if r.is_empty() {
        vec![None]
    } else {
        r.into_iter().map(Some).collect()
    }
}

/// Still no recipient: a state's act with no other party named is aimed
/// at its own country (a protest at its government, a curfew on its
/// people), as PLOVER codes domestic events. Dyadic cooperation
/// (meetings, praise, aid) never defaults.
/// Seizing territory (CAMEO 192) is done to another country, whose
/// name the sentence may leave out ("captured the village of ...").
fn is_domestic(site: &Site<'_>, dr: &Draft) -> bool {
    let s = site.s;
    !site.entry.recipient.is_empty()
        && matches!(
            dr.event,
            EventType::Protest | EventType::Coerce | EventType::Concede | EventType::Retreat
        )
        && dr.cameo != "192"
        // "a ship seized by Iran": the patient is the noun the
        // participle describes, a party or not.
        && !(s.parsed && s.reduced_passive(site.t))
}

/// How sure the coder is: a parse, parties found over it, a verb trigger
/// and an asserted reading each raise it.
fn confidence(site: &Site<'_>, dr: &Draft) -> f32 {
    let mut confidence: f32 = 0.45;
    if site.s.parsed {
        confidence += 0.1;
    }
    if dr.actors.iter().any(|a| a.parse) {
        confidence += 0.25;
    } else if !dr.actors.is_empty() {
        confidence += 0.1;
    }
    if dr.recipients.iter().any(|r| r.parse) || site.entry.recipient.is_empty() {
        confidence += 0.15;
    } else if !dr.recipients.is_empty() {
        confidence += 0.05;
    }
    if site.entry.pos == crate::lexicon::TriggerPos::Noun {
        confidence -= 0.1;
    }
    if dr.reading.modality != Modality::Asserted {
        confidence -= 0.1;
    }
    confidence
}

/// Protesters named by no actor dictionary are the people of the
/// country they protest in ("protesters gathered in Tbilisi",
/// "rallied outside the French base in Niamey"); with no place
/// named, those who protest against a state's authorities are that
/// state's people ("fundamentalists continued their hunger strike
/// to demand the resignation of the Algerian president").
fn protest_home(site: &Site<'_>, dr: &Draft, location: Option<&EventPlace>) -> Option<EventParty> {
    if !(dr.actors.is_empty() && dr.event == EventType::Protest) {
        return None;
    }
    let s = site.s;
    let home =
        location.and_then(|l| Some((l.span, l.country.clone()?, "protest-place"))).or_else(|| {
            let m = &s.doc.mentions[dr.recipients.first()?.mention];
            Some((m.span, m.actor.country.clone()?, "domestic-protester"))
        });
    let (span, country, why) = home?;
    Some(EventParty { span, mention: None, actor: country_actor(country), rule: why.into() })
}

/// Types of cooperation, whose negated intent is a rejection and whose
/// stated intent an offer.
fn is_cooperative(event: EventType) -> bool {
    matches!(
        event,
        EventType::Agree
            | EventType::Consult
            | EventType::Support
            | EventType::Cooperate
            | EventType::Aid
            | EventType::Concede
            | EventType::Retreat
    )
}
