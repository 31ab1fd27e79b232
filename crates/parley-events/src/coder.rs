//! The event coder: lexicon triggers over the parse, argument frames for
//! actor and recipient, then modality, attribution, date and place.

use std::fmt::Write as _;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use parley_doc::{
    Actor, Annotator, DatePrecision, DocError, Document, Event, EventDate, EventParty, EventPlace,
    EventTrigger, EventType, Layer, Modality, SentenceIdx, Span, TokenIdx, Upos,
};

use crate::attribution;
use crate::dates::{self, DateExpr};
use crate::lexicon::{EventLexicon, LexEntry, Requirement, Role, TriggerPos};
use crate::modality::{self, Reading};
use crate::sent::{lemma_candidates, looks_past, Sent};

/// Verbs whose object noun carries the event ("made a proposal", "held talks").
const LIGHT: &[&str] = &[
    "make",
    "hold",
    "launch",
    "issue",
    "extend",
    "lay",
    "offer",
    "give",
    "announce",
    "conduct",
    "stage",
    "mount",
    "carry",
    "begin",
    "start",
    "continue",
    "resume",
    "express",
    "voice",
    "reiterate",
    "renew",
    "file",
    "lodge",
    "impose",
    "declare",
    "wage",
    "intensify",
    "step",
    "deliver",
    "submit",
    "present",
    "put",
    "unveil",
    "table",
    "float",
    "escalate",
    "order",
    "approve",
    "authorize",
    "plan",
    "repeat",
    "have",
    "pursue",
    "seek",
    "step",
    "call",
    "send",
    "open",
    "engage",
    "speed",
    "accelerate",
    "complete",
    "finish",
    "reimpose",
    "undertake",
    "initiate",
    "commence",
    "remain",
];
/// Heads that carry their compound's event ("mediation effort", "aid
/// programme") or quantify over it ("part of the aid").
const CARRIER: &[&str] = &[
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
];
/// A party known only by its country (the people, a place, a domestic target).
fn country_actor(country: String) -> Actor {
    Actor { code: country.clone(), country: Some(country), sector: None, name: None, role: None }
}

/// Nouns for people as a crowd, not as officials ("protesters in Nairobi").
const CROWD: &[&str] = &[
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
/// Words that may introduce a location.
const LOC_PREP: &[&str] =
    &["in", "at", "near", "outside", "inside", "across", "throughout", "off", "around", "within"];
const RELATIVE: &[&str] = &["which", "who", "that", "whom"];
/// Natural features and currencies a demonym may name without naming a
/// party: "the Korean peninsula", "the Chinese coast", "Japanese waters",
/// "30 billion Canadian dollars".
const GEO_FEATURE: &[&str] = &[
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
const FIRST_PERSON: &[&str] = &["we", "i", "us", "me", "our"];

/// The event stage: codes PLOVER/CAMEO events into `Document::events`.
///
/// Every event is kept with its [`Modality`]; writers show only asserted
/// ones unless asked for all.
#[derive(Debug, Clone)]
pub struct EventCoder {
    lexicon: Arc<EventLexicon>,
}

#[derive(Debug, Clone)]
struct Cand {
    tok: usize,
    entry: usize,
    consumed: Vec<usize>,
    xcomp: Option<usize>,
    light: Option<usize>,
    suppressed_by: Option<String>,
}

#[derive(Debug, Clone)]
struct Hit {
    mention: usize,
    rule: String,
    parse: bool,
}

/// Per-document context shared by the sentences.
struct DocCtx<'a> {
    /// Every sentence's view, built once: rules look at neighbours too.
    sents: Vec<Sent<'a>>,
    quotes: Vec<Span>,
    doc_date: Option<NaiveDate>,
    /// Mentions of each sentence: (mention index, first local token, end local token).
    mentions: Vec<Vec<(usize, usize, usize)>>,
}

impl DocCtx<'_> {
    /// Where mention `m` lies in sentence `si`: its first and end local tokens.
    fn local_range(&self, si: usize, m: usize) -> Option<(usize, usize)> {
        self.mentions.get(si)?.iter().find(|&&(x, _, _)| x == m).map(|&(_, lo, hi)| (lo, hi))
    }
}

impl EventCoder {
    /// A coder over a lexicon.
    pub fn new(lexicon: Arc<EventLexicon>) -> EventCoder {
        EventCoder { lexicon }
    }

    /// The lexicon it codes with.
    pub fn lexicon(&self) -> &EventLexicon {
        &self.lexicon
    }

    /// Codes a document's events (every modality), in sentence and trigger order.
    pub fn code(&self, doc: &Document) -> Vec<Event> {
        let ctx = self.doc_ctx(doc);
        let mut out = Vec::new();
        for si in 0..doc.sentences.len() {
            out.extend(self.code_sentence(doc, &ctx, si, None));
        }
        out
    }

    /// How the coder reads one sentence: the parse, every lexicon match and
    /// why it was kept or dropped, and each event's evidence.
    pub fn explain(&self, doc: &Document, sentence: usize) -> String {
        let ctx = self.doc_ctx(doc);
        let mut log = Vec::new();
        let events = self.code_sentence(doc, &ctx, sentence, Some(&mut log));
        let mut out = crate::output::parse_table(doc, sentence);
        out.push_str("matches:\n");
        for l in &log {
            let _ = writeln!(out, "  {l}");
        }
        out.push_str("events:\n");
        for e in &events {
            out.push_str(&crate::output::describe_event(doc, e));
        }
        if events.is_empty() {
            out.push_str("  (none)\n");
        }
        out
    }

    fn doc_ctx<'a>(&self, doc: &'a Document) -> DocCtx<'a> {
        let sents: Vec<Sent<'a>> = doc.sentences.iter().map(|s| Sent::new(doc, s)).collect();
        let mut mentions = vec![Vec::new(); doc.sentences.len()];
        for (mi, m) in doc.mentions.iter().enumerate() {
            let si = m.sentence.get();
            if let Some(sentence) = doc.sentences.get(si) {
                let first = sentence.first_token.get();
                let (a, b) = (m.first_token.get(), m.end_token.get());
                if a >= first
                    && b <= sentence.end_token.get()
                    && a < b
                    && !self.inside_feature_name(&sents[si], a - first, b - first)
                {
                    mentions[si].push((mi, a - first, b - first));
                }
            }
        }
        DocCtx {
            sents,
            quotes: attribution::quote_regions(&doc.text),
            doc_date: doc.meta.date.as_deref().and_then(dates::parse_doc_date),
            mentions,
        }
    }

    /// Whether local tokens `a..b` lie inside the longer name of a sea or of
    /// a region no one country holds ("the Gulf of Oman", "the South China
    /// Sea"): a part of a place's name, not a party.
    fn inside_feature_name(&self, s: &Sent<'_>, a: usize, b: usize) -> bool {
        let gazetteer = self.lexicon.gazetteer();
        let (start, end) = (s.span(a).start, s.span(b - 1).end);
        (a.saturating_sub(3)..=a).any(|k| {
            gazetteer.match_at(&s.doc.text, s.span(k).start, s.token_ends()).is_some_and(|pm| {
                let place = &gazetteer.places()[pm.place];
                let feature =
                    place.kind == "sea" || (place.kind == "region" && place.country.is_none());
                feature && pm.start <= start && end <= pm.end && pm.end - pm.start > end - start
            })
        })
    }

    fn code_sentence(
        &self,
        doc: &Document,
        ctx: &DocCtx<'_>,
        si: usize,
        mut log: Option<&mut Vec<String>>,
    ) -> Vec<Event> {
        let Some(sentence) = doc.sentences.get(si) else { return Vec::new() };
        if doc.is_furniture(sentence.span) || sentence.is_empty() {
            if let Some(l) = log.as_deref_mut() {
                l.push("sentence is page furniture or empty: no events".into());
            }
            return Vec::new();
        }
        let Some(s) = ctx.sents.get(si) else { return Vec::new() };
        let ms = &ctx.mentions[si];
        let mention_at =
            |i: usize| ms.iter().find(|(_, a, b)| *a <= i && i < *b).map(|(m, _, _)| *m);
        let mut cands = self.match_triggers(s, &mention_at);
        let verbal: Vec<bool> = cands
            .iter()
            .map(|c| {
                let t = self.lexicon.entries()[c.entry].event;
                !matches!(t, EventType::Assault | EventType::Coerce)
            })
            .collect();
        suppress(s, &mut cands, &verbal, &mention_at);
        let derived = self.derived_demands(s, &mut cands, &mention_at);
        let date_exprs = dates::find_dates(&s.lower, ctx.doc_date);
        let places = self.find_places(s);
        let mut out = Vec::new();
        for c in &cands {
            let entry = &self.lexicon.entries()[c.entry];
            if let Some(l) = log.as_deref_mut() {
                let words: Vec<&str> = c.consumed.iter().map(|&i| s.text(i)).collect();
                l.push(format!(
                    "{} `{}` -> {} ({} {}){}",
                    entry.id,
                    words.join(" "),
                    entry.event,
                    entry.cameo,
                    entry.mode.as_deref().unwrap_or("-"),
                    c.suppressed_by.as_ref().map(|w| format!(": dropped, {w}")).unwrap_or_default()
                ));
            }
            if c.suppressed_by.is_some() {
                continue;
            }
            let events = self.build(
                s,
                ctx,
                si,
                c,
                entry,
                &cands,
                &mention_at,
                &date_exprs,
                &places,
                log.as_deref_mut(),
            );
            out.extend(events);
        }
        for d in derived {
            out.extend(self.build_derived(s, ctx, si, d, &date_exprs, &places));
        }
        out.sort_by_key(|e| (e.trigger.span.start, e.actor.as_ref().map(|a| a.span.start)));
        out
    }

    /// Lexicon entries that match at each token, most specific first.
    fn match_triggers(
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
                    if let Some((consumed, xcomp)) = requirements_met(s, i, entry) {
                        let spec = entry.specificity() + 1;
                        if spec > best_spec {
                            best_spec = spec;
                            best = Some(Cand {
                                tok: i,
                                entry: idx,
                                consumed,
                                xcomp,
                                light: None,
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
                if self.lexicon.entries()[c.entry].pos == TriggerPos::Noun {
                    c.light = light_head(s, i);
                }
                out.push(c);
            }
        }
        out
    }

    /// "X said Y must withdraw": a demand by X on Y (CAMEO 100); the
    /// embedded event is not coded on its own.
    fn derived_demands(
        &self,
        s: &Sent<'_>,
        cands: &mut [Cand],
        mention_at: &dyn Fn(usize) -> Option<usize>,
    ) -> Vec<Derived> {
        let mut out = Vec::new();
        if !s.parsed {
            return out;
        }
        for v in 0..s.n {
            if !attribution::is_speech(&s.lemma[v]) || cands.iter().any(|c| c.tok == v) {
                continue;
            }
            for c in s.kids(v, "ccomp").collect::<Vec<_>>() {
                let must = s.children[c].iter().any(|&a| {
                    s.base(a) == "aux" && matches!(s.lemma[a].as_str(), "must" | "should" | "ought")
                }) || s.kids(c, "xcomp").next().is_some()
                    && matches!(s.lemma[c].as_str(), "have" | "need");
                if !must {
                    continue;
                }
                let target = subject_of(s, c)
                    .map(|h| nominal_mentions(s, h, mention_at))
                    .unwrap_or_default();
                if target.is_empty() {
                    continue;
                }
                for cand in cands.iter_mut() {
                    if cand.tok == c || s.dominates(c, cand.tok) {
                        cand.suppressed_by = Some(format!("inside the demand at `{}`", s.text(c)));
                    }
                }
                out.push(Derived { speech: v, pred: c, target, kind: DerivedKind::Demand });
            }
            // "Moscow says its invasion was a natural response to NATO's
            // expansion": the speaker blames the owner of what it responds to.
            for c in s.kids(v, "ccomp").collect::<Vec<_>>() {
                if !RESPONSE_NOUNS.contains(&s.lemma[c].as_str())
                    || !s.children[c].iter().any(|&d| s.base(d) == "cop")
                {
                    continue;
                }
                let target: Vec<Hit> = s.children[c]
                    .iter()
                    .filter(|&&d| matches!(s.base(d), "nmod" | "obl") && s.prep_of(d) == Some("to"))
                    .flat_map(|&d| noun_owner(s, d, mention_at))
                    .collect();
                if !target.is_empty() {
                    out.push(Derived { speech: v, pred: c, target, kind: DerivedKind::Blame });
                }
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn build(
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
        log: Option<&mut Vec<String>>,
    ) -> Vec<Event> {
        let t = c.tok;
        let pred = c.light.unwrap_or(t);
        let trigger_span = s.span(t);
        let quote = attribution::quote_at(&ctx.quotes, trigger_span);
        let speech = attribution::speech_verb_for(s, pred, &ctx.quotes);
        let reported = quote.is_some() || speech.is_some();
        let reading: Reading = modality::read(s, pred, reported);

        // Type: intent entries follow the embedded event.
        let mut event = entry.event;
        let mut cameo = entry.cameo.clone();
        let mut mode = entry.mode.clone();
        let mut rule = entry.id.clone();
        let mut embedded_recipient: Option<usize> = None;
        if entry.intent {
            let inner = cands.iter().find(|o| {
                o.tok != t
                    && (c.xcomp.is_some_and(|x| o.tok == x || s.dominates(x, o.tok))
                        || (!s.parsed && o.tok > t && o.tok <= t + 6))
            });
            if let Some(o) = inner {
                let inner_entry = &self.lexicon.entries()[o.entry];
                let conflict =
                    self.lexicon.cameo(&inner_entry.cameo).is_some_and(|f| f.quad_class >= 3);
                if conflict && entry.event == EventType::Mobilize {
                    // "prepared to resume shelling": the preparation is the
                    // mobilization; the attack has not happened yet.
                    mode = entry.mode.clone();
                } else if conflict {
                    event = EventType::Threaten;
                    cameo = if inner_entry.event == EventType::Assault {
                        "138".into()
                    } else {
                        "130".into()
                    };
                    mode = if inner_entry.event == EventType::Assault {
                        Some("violence".into())
                    } else {
                        None
                    };
                } else {
                    event = EventType::Agree;
                    cameo = if inner_entry.event == EventType::Consult {
                        "036".into()
                    } else {
                        "030".into()
                    };
                    mode = None;
                }
                rule = format!("{}>{}", entry.id, inner_entry.id);
                embedded_recipient = Some(o.tok);
            }
        }

        // Parties.
        let (mut actors, actor_parse) = self.actors(s, c, entry, mention_at);
        // "Talks between Armenia and Azerbaijan resumed", "talks between
        // Pakistan and India were held": a meeting said to take place
        // between named parties is theirs (each other's recipients, below).
        if actors.is_empty() && c.light.is_none() && event == EventType::Consult && s.parsed {
            let meeting = match entry.pos {
                TriggerPos::Noun => Some(t).filter(|&t| meeting_happens(s, t)),
                _ if s.is_passive(t) => s.passive_subject(t),
                _ => None,
            };
            if let Some(m) = meeting {
                actors = between_parties(s, m, mention_at);
            }
        }
        // The frame's addressee named by an unknown noun (see
        // `addressee_unnamed`), for the recipient search and its fallbacks.
        let addressed_unnamed = addressee_unnamed(s, t, entry);
        let mut recipients = self.recipients(s, c, entry, addressed_unnamed, mention_at);
        if recipients.is_empty() {
            if let Some(o) = embedded_recipient {
                let inner = &self.lexicon.entries()
                    [cands.iter().find(|x| x.tok == o).map(|x| x.entry).unwrap_or(c.entry)];
                let inner_cand = Cand {
                    tok: o,
                    entry: 0,
                    consumed: vec![o],
                    xcomp: None,
                    light: None,
                    suppressed_by: None,
                };
                let asked_unnamed = addressee_unnamed(s, o, inner);
                recipients = self.recipients(s, &inner_cand, inner, asked_unnamed, mention_at);
            }
        }
        let _ = actor_parse;

        let key = |m: usize| {
            let a = &s.doc.mentions[m].actor;
            a.country.clone().unwrap_or_else(|| a.code.chars().take(3).collect())
        };
        // Speaker and quotes.
        let mut speaker: Option<Hit> = None;
        if let Some(q) = quote {
            if let Some((qs, verb)) = attribution::quote_speaker(s.doc, &ctx.sents, q, &ctx.quotes)
            {
                speaker = self.speaker_of(ctx, qs, verb).map(|mut h| {
                    h.rule = "quote".into();
                    h
                });
            }
        } else if let Some(v) = speech {
            speaker = self.speaker_of(ctx, si, v).map(|mut h| {
                h.rule = if s.lemma[v] == "according" {
                    "according-to".into()
                } else {
                    "reported-speech".into()
                };
                h
            });
        }
        // A speaker who says a proposal or initiative is not serious or
        // cannot work ("This proposal wasn't meant seriously", "no peace
        // initiatives can be based on ...") rejects it (CAMEO 125).
        let proposal_noun = entry.pos == TriggerPos::Noun
            && c.light.is_none()
            && matches!(event, EventType::Agree | EventType::Consult)
            && matches!(s.base(t), "nsubj")
            && (s.children[t].iter().any(|&d| s.lemma[d] == "no")
                || s.head[t].is_some_and(|h| {
                    s.children[h].iter().any(|&d| {
                        s.base(d) == "advmod"
                            && matches!(s.lower[d].as_str(), "not" | "n't" | "'t" | "never")
                    })
                }));
        // The dismissal is what the speaker did: the negation that made it
        // one does not make it any less asserted.
        let mut dismissed = false;
        if let Some(sp) = speaker.as_ref().filter(|_| proposal_noun) {
            let owners: Vec<Hit> =
                actors.iter().filter(|a| key(a.mention) != key(sp.mention)).cloned().collect();
            recipients = relabel(owners, "owner");
            actors = vec![Hit { mention: sp.mention, rule: "speaker".into(), parse: false }];
            event = EventType::Reject;
            cameo = "125".into();
            mode = self.lexicon.cameo(&cameo).and_then(|f| f.mode.clone());
            rule = format!("dismiss-proposal:{rule}");
            dismissed = true;
        } else if entry.pos == TriggerPos::Noun
            && c.light.is_none()
            && !actors.iter().any(|h| h.parse)
        {
            if let Some(l) = log {
                l.push(format!(
                    "{}: nominal trigger without a light verb or an own actor: not coded",
                    entry.id
                ));
            }
            return Vec::new();
        }
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
        let hidden_author = (s.parsed && own_circumstance(s, pred))
            || irregular_author
            || (s.is_passive(pred)
                && self.lexicon.cameo(&cameo).is_some_and(|f| f.quad_class >= 3));
        // "Ukraine has stepped up strikes, saying they fund Moscow's war":
        // a pronoun that disagrees in number with the speaker is someone else.
        let disagrees =
            |sp: &Hit| subject_of(s, pred).is_some_and(|h| pronoun_disagrees(s, h, sp.mention));
        if let Some(sp) = speaker.as_ref().filter(|sp| !hidden_author && !disagrees(sp)) {
            if actors.is_empty() || (subj_first_person && !actors.iter().any(|a| a.parse)) {
                actors = vec![Hit { mention: sp.mention, rule: "speaker".into(), parse: false }];
            }
        }

        // A speaker who names another state's act as aggression ("a
        // ceasefire would benefit Russian aggression") or singles out its
        // author in a cleft ("It is the Kremlin that started this war")
        // accuses it: the statement is the event (CAMEO 112).
        if let Some(sp) =
            speaker.as_ref().filter(|sp| s.doc.mentions[sp.mention].actor.country.is_some())
        {
            let conflict = matches!(
                event,
                EventType::Assault | EventType::Coerce | EventType::Threaten | EventType::Sanction
            );
            // "A Russian drone attack killed two people, officials said":
            // a noun that does a physical act of its own is a reported
            // fact, not a label.
            let acts = cands.iter().any(|o| {
                o.tok != t
                    && (s.head[t] == Some(o.tok) || s.dominates(t, o.tok))
                    && matches!(
                        self.lexicon.entries()[o.entry].event,
                        EventType::Assault | EventType::Coerce
                    )
            });
            let nominal = entry.pos == TriggerPos::Noun && c.light.is_none() && !acts;
            let cleft = is_cleft(s, t);
            let owners: Vec<Hit> = actors
                .iter()
                .filter(|a| a.parse && key(a.mention) != key(sp.mention))
                .cloned()
                .collect();
            if conflict && (nominal || cleft) && !owners.is_empty() && !reading.negated {
                recipients = relabel(owners, if cleft { "cleft-focus" } else { "owner" });
                actors = vec![Hit { mention: sp.mention, rule: "speaker".into(), parse: false }];
                rule = format!("{}:{rule}", if cleft { "cleft-accuse" } else { "characterize" });
                event = EventType::Accuse;
                cameo = "112".into();
                mode = self.lexicon.cameo(&cameo).and_then(|f| f.mode.clone());
            }
        }

        // Negated intent: "would not attend", "will not succumb" -> REJECT.
        let mut reading = reading;
        if dismissed && reading.modality == Modality::Negated {
            reading.modality = Modality::Asserted;
        }
        let cooperative = matches!(
            event,
            EventType::Agree
                | EventType::Consult
                | EventType::Support
                | EventType::Cooperate
                | EventType::Aid
                | EventType::Concede
                | EventType::Retreat
        );
        let present = s.xpos(pred).is_some_and(|x| x == "VBP" || x == "VBZ")
            || s.children[pred].iter().any(|&a| matches!(s.lower[a].as_str(), "do" | "does"));
        if cooperative
            && reading.negated
            && reading.modality == Modality::Negated
            && (reading.future || present)
            && !s.is_passive(pred)
            && !actors.is_empty()
        {
            cameo = match event {
                EventType::Consult | EventType::Agree => "125".into(),
                EventType::Concede | EventType::Retreat => "124".into(),
                EventType::Aid | EventType::Cooperate => "121".into(),
                _ => "120".into(),
            };
            rule = format!("negated-intent:{rule}");
            event = EventType::Reject;
            mode = self.lexicon.cameo(&cameo).and_then(|f| f.mode.clone());
            reading.modality = Modality::Asserted;
        }

        // "failed to reach agreement": a failed cooperative outcome is a
        // rejection by the parties (CAMEO 12).
        if matches!(event, EventType::Agree | EventType::Consult)
            && reading.cue.as_deref() == Some("ctrl:fail")
            && !actors.is_empty()
        {
            cameo = "125".into();
            rule = format!("failed-agreement:{rule}");
            event = EventType::Reject;
            mode = self.lexicon.cameo(&cameo).and_then(|f| f.mode.clone());
            reading.modality = Modality::Asserted;
        }

        // A conditional act stated by its actor is an offer or a threat
        // ("would meet the mediator if ...", "may halt mediation if ..."):
        // the statement happened even though the act has not.
        let if_bound = s
            .kids(pred, "advcl")
            .any(|a| s.children[a].iter().any(|&m| s.base(m) == "mark" && s.lemma[m] == "if"));
        // "would attend only if ...": a restrictive condition, not an offer.
        let only_if = s.kids(pred, "advcl").any(|a| {
            s.children[a].iter().any(|&m| matches!(s.lemma[m].as_str(), "only" | "unless"))
        });
        // The condition itself ("If Russia attacks a NATO member, ...") is
        // nobody's statement of intent.
        let in_condition = matches!(reading.cue.as_deref(), Some("in-if-clause" | "if-opener"));
        if !actors.is_empty()
            && !reading.negated
            && !only_if
            && !in_condition
            && (reading.modality == Modality::Conditional
                || (reading.modality == Modality::Hypothetical && if_bound))
            && !matches!(event, EventType::Request | EventType::Accuse)
        {
            rule = format!("conditional-intent:{rule}");
            reading.modality = Modality::Asserted;
            reading.future = true;
        }

        // Stated intent (CAMEO 03 and 13): "will release" is an offer,
        // "would blockade" or anything "unless ..." a threat.
        let unless =
            s.kids(pred, "advcl").any(|a| s.children[a].iter().any(|&m| s.lemma[m] == "unless"))
                || (!s.parsed && s.lower[pred..].iter().any(|w| w == "unless"));
        if reading.modality == Modality::Asserted
            && (reading.future || unless)
            && !rule.starts_with("negated-intent")
        {
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
                rule = format!("{}:{rule}", if unless { "unless-threat" } else { "stated-intent" });
                event = t2;
                cameo = code.to_string();
                mode = self.lexicon.cameo(&cameo).and_then(|f| f.mode.clone());
            }
        }
        // "Kyiv protested the blockade": a state or its government protests
        // through its diplomats, an official complaint (ACCUSE 114), not a
        // demonstration. (Its people do demonstrate: "Ukrainians protested".)
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
        if cameo == "141" && !actors.is_empty() && actors.iter().all(state_voice) {
            cameo = "114".into();
            rule = format!("state-protest:{rule}");
            event = EventType::Accuse;
            mode = self.lexicon.cameo(&cameo).and_then(|f| f.mode.clone());
        }

        // "Japan and the Philippines signed a pact": an act that takes a
        // "with" partner, done by coordinated parties and naming no other
        // partner, is done with each other (what the object mentions is
        // the topic: "France and Germany discussed the war in Ukraine").
        // Nor is the place where they met ("met in Amman").
        let placed_in = |m: usize| {
            event == EventType::Consult
                && ctx.local_range(si, m).is_some_and(|(lo, _)| {
                    lo > 0 && matches!(s.lower[lo - 1].as_str(), "in" | "at")
                })
        };
        let venue = |r: &Hit| r.rule == "right-nearest" && placed_in(r.mention);
        // Nor is a meeting's place in the actor's own country, wherever the
        // parse hung it ("hosted delegations from both sides in Cairo").
        let country_of = |m: usize| s.doc.mentions[m].actor.country.as_deref();
        let home_venue = |m: usize| {
            placed_in(m)
                && country_of(m).is_some()
                && actors.iter().any(|a| country_of(a.mention) == country_of(m))
        };
        recipients.retain(|r| !home_venue(r.mention));
        let symmetric = entry.recipient.iter().any(|r| matches!(r, Role::Prep(p) if p == "with"));
        if symmetric
            && actors.len() >= 2
            && actors.iter().all(|a| a.parse)
            && recipients.iter().all(|r| r.rule == "obj-modifier" || venue(r))
        {
            recipients = relabel(actors.clone(), "mutual");
        }
        // "struck the port city of Odesa": an attacked place that no party
        // names is its country's (PLOVER codes "shelled Kabul" as AFG).
        let place_recipient = (recipients.is_empty() && event == EventType::Assault)
            .then(|| self.place_in_object(s, t))
            .flatten()
            .filter(|p| {
                // A place of the actor's own country says nothing of whom
                // it fought there.
                !actors.iter().any(|a| s.doc.mentions[a.mention].actor.country == p.actor.country)
            });
        // A recipient left unnamed by the frame: the one other party the
        // sentence names ("sought refuge in Germany", read without a parse).
        // The object of a physical act is the party it befalls: a party
        // deep inside it only describes it ("arrested three men suspected
        // of attacks on Chinese engineers"). (The object of a statement may
        // carry its addressee: "rejected a call for troops in East Timor".)
        if recipients.is_empty()
            && !entry.recipient.is_empty()
            && place_recipient.is_none()
            && !addressed_unnamed
        {
            let used: Vec<usize> =
                actors.iter().chain(speaker.as_ref()).map(|h| h.mention).collect();
            let own: Vec<String> = actors.iter().map(|h| key(h.mention)).collect();
            let physical = matches!(event, EventType::Coerce | EventType::Assault);
            let object = if s.parsed && physical { s.kid(t, "obj") } else { None };
            // An act whose own subject names no party ("after gangs
            // attacked a station") befalls a party it names itself, not
            // one from the clause around it.
            let unknown_subject = s.parsed
                && actors.is_empty()
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
                        && !home_venue(m)
                        && object.is_none_or(|o| !s.dominates(o, a))
                        && (!unknown_subject || s.dominates(pred, a))
                        && !names_a_feature(s, a, b)
                        && speech.is_none_or(|v| !in_speech_phrase(s, v, t, a, &ctx.quotes))
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
                    recipients =
                        vec![Hit { mention: first, rule: "sole-other-party".into(), parse: false }];
                }
            }
        }
        // Still none: a state's act with no other party named is aimed at
        // its own country (a protest at its government, a curfew on its
        // people), as PLOVER codes domestic events. Dyadic cooperation
        // (meetings, praise, aid) never defaults.
        // Seizing territory (CAMEO 192) is done to another country, whose
        // name the sentence may leave out ("captured the village of ...").
        let domestic = !entry.recipient.is_empty()
            && matches!(
                event,
                EventType::Protest | EventType::Coerce | EventType::Concede | EventType::Retreat
            )
            && cameo != "192"
            // "a ship seized by Iran": the patient is the noun the
            // participle describes, a party or not.
            && !(s.parsed && s.reduced_passive(t));
        let date = self.date_for(s, ctx, pred, &reading, date_exprs);
        // Where the speaker is ("the defence ministry in Moscow said") is
        // not where the act took place.
        let speaker_phrase = speech.filter(|_| s.parsed).and_then(|v| subject_of(s, v));
        let location = place_for(s, t, places, speaker_phrase, &self.lexicon);
        let fact = self.lexicon.cameo(&cameo);
        let context = fact.map(|f| f.context.clone()).unwrap_or_default();
        let mut confidence: f32 = 0.45;
        if s.parsed {
            confidence += 0.1;
        }
        if actors.iter().any(|a| a.parse) {
            confidence += 0.25;
        } else if !actors.is_empty() {
            confidence += 0.1;
        }
        if recipients.iter().any(|r| r.parse) || entry.recipient.is_empty() {
            confidence += 0.15;
        } else if !recipients.is_empty() {
            confidence += 0.05;
        }
        if entry.pos == TriggerPos::Noun {
            confidence -= 0.1;
        }
        if reading.modality != Modality::Asserted {
            confidence -= 0.1;
        }
        let trigger_span = c
            .consumed
            .iter()
            .map(|&i| s.span(i))
            .filter(|sp| sp.start.abs_diff(trigger_span.start) < 40)
            .fold(trigger_span, |a, b| a.cover(b));
        // Protesters named by no actor dictionary are the people of the
        // country they protest in ("protesters gathered in Tbilisi",
        // "rallied outside the French base in Niamey"); with no place
        // named, those who protest against a state's authorities are that
        // state's people ("fundamentalists continued their hunger strike
        // to demand the resignation of the Algerian president").
        let mut protest_home: Option<EventParty> = None;
        if actors.is_empty() && event == EventType::Protest {
            let home = location
                .as_ref()
                .and_then(|l| Some((l.span, l.country.clone()?, "protest-place")))
                .or_else(|| {
                    let m = &s.doc.mentions[recipients.first()?.mention];
                    Some((m.span, m.actor.country.clone()?, "domestic-protester"))
                });
            if let Some((span, country, why)) = home {
                protest_home = Some(EventParty {
                    span,
                    mention: None,
                    actor: country_actor(country),
                    rule: why.into(),
                });
            }
        }
        if actors.is_empty()
            && recipients.is_empty()
            && protest_home.is_none()
            && place_recipient.is_none()
        {
            // PLOVER codes who did what to whom: with no party at all the
            // event says nothing ("delegations attended the event").
            return Vec::new();
        }
        let party = |h: &Hit| party_of(s.doc, h);
        // A city that stands for its government elsewhere ("Nairobi said")
        // names only where people are from when they protest or are named
        // as a crowd ("protesters in Nairobi", "residents of Kyiv"), and
        // only the country when it is attacked or coerced ("bombed Beirut").
        let people_of_place = |h: &Hit, as_actor: bool| {
            let mut p = party(h);
            let span = s.doc.mentions[h.mention].span;
            let place = ctx.mentions[si]
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
        };
        let speaker_party = speaker.as_ref().map(party);
        let mut out = Vec::new();
        let actor_list: Vec<Option<&Hit>> =
            if actors.is_empty() { vec![None] } else { actors.iter().take(4).map(Some).collect() };
        for a in actor_list {
            let recips: Vec<Option<&Hit>> = {
                let r: Vec<&Hit> = recipients
                    .iter()
                    .filter(|r| {
                        a.is_none_or(|a| {
                            a.mention != r.mention
                                && s.doc.mentions[a.mention].actor.code
                                    != s.doc.mentions[r.mention].actor.code
                        })
                        // "brokered by Qatar and Egypt": partners in one
                        // act are not each other's recipients unless the
                        // act is done with each other.
                        && (r.rule == "mutual" || !actors.iter().any(|x| x.mention == r.mention))
                    })
                    .take(4)
                    .collect();
                if r.is_empty() {
                    vec![None]
                } else {
                    r.into_iter().map(Some).collect()
                }
            };
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
                        && !actors.iter().chain(speaker.as_ref()).any(|h| h.mention == m)
                        && key(m) == key(a.mention)
                        && !home_venue(m)
                        && head.is_none_or(|h| !s.dominates(h, lo))
                        && !names_a_feature(s, lo, hi)
                        && !(s.parsed && in_time_phrase(s, lo, pred))
                })
            };
            let home = a
                .filter(|_| {
                    !entry.recipient.is_empty()
                        && recips.iter().all(Option::is_none)
                        && !addressed_unnamed
                })
                .and_then(|a| {
                    let m = &s.doc.mentions[a.mention];
                    // The evidence: for an act done at home, whom it befell
                    // ("arrested dozens of protesters"); else the words that
                    // name the country again; else the actor's own.
                    // (Not an object the trigger itself is made of: "used
                    // water cannon".)
                    let object =
                        s.kid(t, "obj").filter(|o| domestic && s.parsed && !c.consumed.contains(o));
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
                });
            for r in recips {
                out.push(Event {
                    sentence: SentenceIdx(si as u32),
                    event_type: event,
                    mode: mode.clone(),
                    context: context.clone(),
                    cameo: cameo.clone(),
                    goldstein: fact.map(|f| f.goldstein).unwrap_or(0.0),
                    quad_class: fact.map(|f| f.quad_class).unwrap_or(0),
                    plover_score: self.lexicon.plover_score(event, mode.as_deref()),
                    actor: a.map(|h| people_of_place(h, true)).or_else(|| protest_home.clone()),
                    recipient: r
                        .map(|h| people_of_place(h, false))
                        .or_else(|| place_recipient.clone())
                        .or_else(|| home.clone()),
                    trigger: EventTrigger {
                        span: trigger_span,
                        token: TokenIdx((s.first + t) as u32),
                    },
                    date: date.clone(),
                    location: location.clone(),
                    speaker: speaker_party.clone(),
                    quote,
                    modality: reading.modality,
                    modality_rule: reading.cue.clone(),
                    confidence: confidence.clamp(0.05, 0.99),
                    rule: rule.clone(),
                });
            }
        }
        out
    }

    fn build_derived(
        &self,
        s: &Sent<'_>,
        ctx: &DocCtx<'_>,
        si: usize,
        d: Derived,
        date_exprs: &[DateExpr],
        places: &[(usize, usize, usize)],
    ) -> Option<Event> {
        let speaker = self.speaker_of(ctx, si, d.speech);
        let (event_type, cameo, rule) = match d.kind {
            DerivedKind::Demand => (EventType::Request, "100", "demand:say-must"),
            DerivedKind::Blame => (EventType::Accuse, "112", "blame:response-to"),
        };
        let fact = self.lexicon.cameo(cameo);
        let reading = modality::read(s, d.speech, false);
        let country = |h: &Hit| s.doc.mentions[h.mention].actor.country.clone();
        // One does not blame oneself: the speaker's own side is no target.
        let recipient = d
            .target
            .iter()
            .find(|h| {
                d.kind == DerivedKind::Demand
                    || speaker
                        .as_ref()
                        .is_none_or(|sp| country(sp).is_none() || country(sp) != country(h))
            })
            .map(|h| {
                let mut party = party_of(s.doc, h);
                party.rule =
                    if d.kind == DerivedKind::Demand { "clause-subject" } else { "owner" }.into();
                party
            });
        if recipient.is_none() && d.kind == DerivedKind::Blame {
            return None;
        }
        let actor = speaker.as_ref().map(|h| {
            let mut party = party_of(s.doc, h);
            party.rule = "speaker".into();
            party
        });
        Some(Event {
            sentence: SentenceIdx(si as u32),
            event_type,
            mode: fact.and_then(|f| f.mode.clone()),
            context: fact.map(|f| f.context.clone()).unwrap_or_default(),
            cameo: cameo.into(),
            goldstein: fact.map(|f| f.goldstein).unwrap_or(-5.0),
            quad_class: fact.map(|f| f.quad_class).unwrap_or(3),
            plover_score: self.lexicon.plover_score(event_type, None),
            actor,
            recipient,
            trigger: EventTrigger {
                span: s.span(d.speech).cover(s.span(d.pred)),
                token: TokenIdx((s.first + d.pred) as u32),
            },
            date: self.date_for(s, ctx, d.speech, &reading, date_exprs),
            location: place_for(s, d.pred, places, subject_of(s, d.speech), &self.lexicon),
            speaker: None,
            quote: None,
            modality: reading.modality,
            modality_rule: reading.cue,
            confidence: 0.6,
            rule: rule.into(),
        })
    }

    fn speaker_of(&self, ctx: &DocCtx<'_>, si: usize, verb: usize) -> Option<Hit> {
        let s = ctx.sents.get(si)?;
        let ms = &ctx.mentions[si];
        let mention_at =
            |i: usize| ms.iter().find(|(_, a, b)| *a <= i && i < *b).map(|(m, _, _)| *m);
        if s.lemma[verb] == "according" {
            let m = ms.iter().filter(|(_, a, _)| *a > verb).min_by_key(|(_, a, _)| *a)?;
            return Some(Hit { mention: m.0, rule: "according-to".into(), parse: false });
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

    fn actors(
        &self,
        s: &Sent<'_>,
        c: &Cand,
        entry: &LexEntry,
        mention_at: &dyn Fn(usize) -> Option<usize>,
    ) -> (Vec<Hit>, bool) {
        let t = c.tok;
        if s.parsed {
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
            let m =
                mention_at(i).filter(|&m| pronoun.is_none_or(|p| !pronoun_disagrees(s, p, m)))?;
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

    /// `asked_unnamed`: [`addressee_unnamed`] for this trigger and entry.
    fn recipients(
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
            if matches!(
                s.lower[i].as_str(),
                ";" | ":" | "said" | "says" | "but" | "while" | "which" | "who"
            ) || (s.parsed && s.lower[i] == ",")
            {
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

    fn date_for(
        &self,
        s: &Sent<'_>,
        ctx: &DocCtx<'_>,
        pred: usize,
        reading: &Reading,
        exprs: &[DateExpr],
    ) -> Option<EventDate> {
        let span_of = |e: &DateExpr| s.span(e.first).cover(s.span(e.end - 1));
        let distance = |e: &&DateExpr| {
            if e.first > pred {
                e.first - pred
            } else {
                pred.saturating_sub(e.end)
            }
        };
        // "after last year's coup": a date that is a noun's possessor dates
        // that noun, not the act.
        // "since 2019", "until June" bound a state that lasts, not an act.
        // A date after the document's does not date an act told in the
        // past: "invited Zelensky to visit next month" was invited already.
        let past = !reading.future && matches!(s.xpos(pred), Some("VBD" | "VBN"));
        let usable = |e: &&DateExpr| {
            !(e.first..e.end).any(|i| s.rel[i] == "nmod:poss")
                && !matches!(s.lower[e.first].as_str(), "since" | "until")
                && (!past || ctx.doc_date.is_none_or(|d| e.value <= d))
        };
        let attached =
            exprs.iter().filter(usable).find(|e| (e.first..e.end).any(|i| s.head[i] == Some(pred)));
        // With a parse, a date from a clause that reports an act of its own
        // ("..., and ECOWAS lifted its sanctions in February") is that
        // clause's; a date of the speech verb ("..., X said on Monday")
        // still dates what was said.
        let clause_verb = |i: usize| {
            let mut cur = i;
            for _ in 0..s.n {
                let h = s.head[cur]?;
                if h == pred || matches!(s.upos(h), Some(Upos::VERB)) {
                    return Some(h);
                }
                cur = h;
            }
            None
        };
        let nearest = exprs
            .iter()
            .filter(usable)
            .filter(|e| {
                let Some(v) = clause_verb(e.first).filter(|&v| v != pred && s.parsed) else {
                    return true;
                };
                let own_subject = s.children[v].iter().any(|&c| s.base(c) == "nsubj");
                // "The junta, which seized power in July, accused France":
                // a relative clause dates what it tells of its noun (a
                // speech verb parsed as one, ", officials said on
                // Monday.", still dates what was said).
                // A clause set beside the trigger with a subject of its
                // own ("..., the second city they have taken this year")
                // has its own date.
                !(own_circumstance(s, v)
                    || (s.base(v) == "conj" && own_subject)
                    || (s.rel[v] == "acl:relcl" && !attribution::is_speech(&s.lemma[v]))
                    || (s.base(v) == "parataxis"
                        && own_subject
                        && !attribution::is_speech(&s.lemma[v])))
            })
            .min_by_key(distance);
        if let Some(e) = attached.or(nearest) {
            // Bare months and weekdays are read in the past of the document
            // date; an act still to come ("will complete the withdrawal by
            // September", "will meet on Thursday") means the next one. (A
            // date of the speech verb, "said on Tuesday that it will ...",
            // stays in the past.)
            let mut value = e.value;
            let own_clause = !s.parsed || clause_verb(e.first) == Some(pred);
            if let Some(doc) = ctx.doc_date.filter(|d| reading.future && own_clause && value < *d) {
                value = match e.rule {
                    "month" | "month-day" | "early-month" | "mid-month" | "late-month" => {
                        value.with_year(value.year() + 1).unwrap_or(value)
                    }
                    "weekday-past" => value + chrono::Duration::days(7),
                    _ => value,
                };
                if value < doc {
                    value = e.value;
                }
            }
            return Some(EventDate {
                value: value.format("%Y-%m-%d").to_string(),
                precision: e.precision,
                span: Some(span_of(e)),
                rule: e.rule.to_string(),
            });
        }
        let doc_date = ctx.doc_date?;
        if reading.future {
            return None;
        }
        let tag_ok = match s.xpos(pred) {
            Some(x) => {
                matches!(x, "VBD" | "VBN" | "VBZ" | "VBP" | "VBG" | "NN" | "NNS" | "JJ" | "VB")
            }
            None => true,
        };
        tag_ok.then(|| EventDate {
            value: doc_date.format("%Y-%m-%d").to_string(),
            precision: DatePrecision::Day,
            span: None,
            rule: "document-date".into(),
        })
    }

    /// The first gazetteer place with a country inside a verb's object, as
    /// that country's party.
    fn place_in_object(&self, s: &Sent<'_>, t: usize) -> Option<EventParty> {
        let o = s.kid(t, "obj").filter(|_| s.parsed)?;
        let g = self.lexicon.gazetteer();
        let ends = s.token_ends();
        (0..s.n).filter(|&j| s.in_phrase_of(o, j) && !spatial_within(s, o, j)).find_map(|j| {
            let m = g.match_at(&s.doc.text, s.span(j).start, ends)?;
            let country = g.places().get(m.place)?.country.clone()?;
            Some(EventParty {
                span: Span::new_unchecked(s.span(j).start, m.end),
                mention: None,
                actor: country_actor(country),
                rule: "attacked-place".into(),
            })
        })
    }

    /// Place names after a locative preposition: (first, end, place index).
    fn find_places(&self, s: &Sent<'_>) -> Vec<(usize, usize, usize)> {
        let g = self.lexicon.gazetteer();
        let ends = s.token_ends();
        let mut out = Vec::new();
        for i in 0..s.n {
            if !LOC_PREP.contains(&s.lower[i].as_str()) {
                continue;
            }
            let mut j = i + 1;
            while j < s.n
                && j <= i + 3
                && matches!(
                    s.lower[j].as_str(),
                    "the"
                        | "central"
                        | "eastern"
                        | "western"
                        | "northern"
                        | "southern"
                        | "north"
                        | "south"
                        | "east"
                        | "west"
                        | "northeastern"
                        | "southeastern"
                        | "northwestern"
                        | "southwestern"
                        | "occupied"
                )
            {
                j += 1;
            }
            // A skipped word may open the name itself: "in the South China
            // Sea", "in South Sudan".
            let found = (i + 1..=j.min(s.n - 1))
                .find_map(|k| g.match_at(&s.doc.text, s.span(k).start, ends).map(|m| (k, m)));
            if let Some((k, m)) = found {
                let end = ends.iter().position(|&e| e == m.end).map(|e| e + 1).unwrap_or(k + 1);
                out.push((k, end, m.place));
            }
        }
        out
    }
}

struct Derived {
    speech: usize,
    pred: usize,
    target: Vec<Hit>,
    kind: DerivedKind,
}

/// What a speaker's statement amounts to when no lexicon verb says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DerivedKind {
    /// "X said Y must ...": a demand on Y (CAMEO 100).
    Demand,
    /// "X said its act was a response to Y's ...": blaming Y (CAMEO 112).
    Blame,
}

/// Nouns that, as the predicate of "A was a ... to B's act", justify A by B.
/// Whether local token `a` belongs to the words that report speech verb
/// `v` rather than to what `v` reports (the trigger `t`): "..., the
/// minister told reporters in Brussels" names no party of the act.
fn in_speech_phrase(s: &Sent<'_>, v: usize, t: usize, a: usize, quotes: &[Span]) -> bool {
    if let Some((cv, first)) = attribution::closing_attribution(s, quotes) {
        if cv == v {
            return a >= first;
        }
    }
    if !s.parsed || s.dominates(a, t) {
        return false;
    }
    // The speaker and the addressee, with what modifies them.
    s.children[v]
        .iter()
        .any(|&c| matches!(s.base(c), "nsubj" | "obj" | "iobj") && (c == a || s.dominates(c, a)))
}

/// Whether token `i` sits in a phrase that only says when `pred`'s act
/// happened ("freed prisoners following a visit by a US envoy", "agreed
/// after talks mediated by Turkey"): who is named there is not its party.
fn in_time_phrase(s: &Sent<'_>, i: usize, pred: usize) -> bool {
    let mut cur = i;
    for _ in 0..s.n {
        if cur == pred {
            return false;
        }
        // "following a visit by ...", parsed as a participle.
        let following = s.lower[cur] == "following" && matches!(s.base(cur), "acl" | "advcl");
        let timed = following
            || matches!(s.base(cur), "obl" | "nmod" | "advcl")
                && s.children[cur].iter().any(|&c| {
                    matches!(s.base(c), "case" | "mark")
                        && matches!(
                            s.lower[c].as_str(),
                            "after" | "before" | "following" | "during" | "amid"
                        )
                });
        if timed {
            return true;
        }
        let Some(h) = s.head[cur] else { return false };
        cur = h;
    }
    false
}

/// Whether the mention over local tokens `a..b` only modifies a natural
/// feature or a currency ("into the sea east of the Korean peninsula").
fn names_a_feature(s: &Sent<'_>, a: usize, b: usize) -> bool {
    if !s.parsed {
        return (b..s.n).next().is_some_and(|i| GEO_FEATURE.contains(&s.lemma[i].as_str()));
    }
    let Some(top) = (a..b).find(|&i| s.head[i].is_none_or(|h| h < a || h >= b)) else {
        return false;
    };
    matches!(s.base(top), "amod" | "compound")
        && s.head[top].is_some_and(|h| GEO_FEATURE.contains(&s.lemma[h].as_str()))
}

const RESPONSE_NOUNS: &[&str] = &["response", "reaction", "retaliation", "answer", "reply"];

impl Annotator for EventCoder {
    fn name(&self) -> &'static str {
        "events"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tags, Layer::Lemmas, Layer::Dependencies, Layer::Mentions]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Events]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), DocError> {
        if let Some(bad) = doc.sentences.iter().find(|s| s.end_token.get() > doc.tokens.len()) {
            return Err(DocError::Stage {
                stage: "events",
                doc_id: doc.meta.id.clone(),
                message: format!("sentence {} runs past the {} tokens", bad.span, doc.tokens.len()),
            });
        }
        let events = self.code(doc);
        tracing::debug!(doc = %doc.meta.id, events = events.len(), "coded events");
        doc.events = events;
        Ok(())
    }
}

fn pos_ok(s: &Sent<'_>, i: usize, pos: TriggerPos) -> bool {
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

/// Checks an entry's requirements at token `i`: the tokens it consumed and
/// the infinitive it governs.
fn requirements_met(
    s: &Sent<'_>,
    i: usize,
    entry: &LexEntry,
) -> Option<(Vec<usize>, Option<usize>)> {
    let mut consumed = vec![i];
    let mut xcomp = None;
    let lemma_in = |j: usize, ws: &crate::WordSet| {
        ws.contains(&s.lemma[j])
            || ws.contains(&s.lower[j])
            || lemma_candidates(&s.lower[j]).iter().any(|c| ws.contains(c))
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
                consumed.push(kid.or(near)?);
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
    Some((consumed, xcomp))
}

/// The words of a noun phrase, up to any clause that modifies it
/// ("dozens of protesters" in "dozens of protesters demanding ...").
fn phrase_span(s: &Sent<'_>, head: usize) -> Span {
    let words: Vec<usize> = (0..s.n).filter(|&j| s.in_phrase_of(head, j)).collect();
    let first = words.iter().copied().min().unwrap_or(head);
    let last = words.iter().copied().max().unwrap_or(head);
    Span::new_unchecked(s.span(first).start, s.span(last).end)
}

/// "called on the international community to pressure the military": the
/// frame's addressee (a preposition or indirect object it names) is there,
/// a noun no dictionary knows. The recipient is that unknown party, not
/// one found elsewhere in the sentence (inside the act asked of it, or
/// the actor's country named again).
fn addressee_unnamed(s: &Sent<'_>, t: usize, entry: &LexEntry) -> bool {
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

/// An argument head and what it carries: the compound or "of" phrase of
/// an effort or a quantity ("suspended part of a military aid programme"
/// reaches "aid"), two steps at most.
fn carried(s: &Sent<'_>, c: usize) -> Vec<usize> {
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
fn suppress(
    s: &Sent<'_>,
    cands: &mut [Cand],
    verbal: &[bool],
    mention_at: &dyn Fn(usize) -> Option<usize>,
) {
    let snapshot: Vec<(usize, Vec<usize>, Option<usize>, String)> = cands
        .iter()
        .map(|c| (c.tok, c.consumed.clone(), c.xcomp, s.text(c.tok).to_string()))
        .collect();
    for (k, c) in cands.iter_mut().enumerate() {
        for (tok, consumed, xcomp, text) in &snapshot {
            if *tok == c.tok {
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

/// Whether the trigger sits in the relative clause of an "it is X that"
/// cleft: "It is the Kremlin that started this war".
fn is_cleft(s: &Sent<'_>, t: usize) -> bool {
    let Some(k) = (0..t.min(s.n)).find(|&k| s.lower[k] == "it") else { return false };
    if !s.lower.get(k + 1).is_some_and(|w| matches!(w.as_str(), "is" | "was" | "'s")) {
        return false;
    }
    (k + 3..t.min(k + 8)).any(|j| matches!(s.lower[j].as_str(), "that" | "who"))
}

/// Whether `inner` lies in an argument of `outer` (not in a coordinated or
/// relative clause of its own).
fn embedded_in(s: &Sent<'_>, outer: usize, inner: usize) -> bool {
    let mut cur = inner;
    for _ in 0..s.n {
        let Some(h) = s.head[cur] else { return false };
        let rel = s.rel[cur].as_str();
        // A clause coordinated with the trigger itself stands apart; one
        // coordinated inside its argument ("forces Ukraine to demilitarize
        // and accept") shares it.
        if matches!(rel, "parataxis" | "list" | "acl:relcl" | "appos" | "root")
            || (rel == "conj" && (h == outer || s.base(h) != "xcomp"))
            || own_circumstance(s, cur)
        {
            return false;
        }
        if h == outer {
            return true;
        }
        cur = h;
    }
    false
}

/// "dismissed the criticism, accusing Brussels of interference": a
/// present participle set off by a comma after the trigger, with no
/// subject or marker of its own, is a second act of the same subject when
/// it names a party as its object. ("rejected the invitations, decrying
/// them as ultimatums" and "..., insisting that ..." only say more of the
/// first act.)
fn participle_adjunct(
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

/// Nouns for armed groups and crowds acting outside any state's forces
/// (lemma or plural form, lowercase): a speaker who reports their act is
/// not its author.
const IRREGULAR_FORCES: &[&str] = &[
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

/// Whether a clause is an adverbial one with its own subject and a
/// marker of time or cause ("..., as he met Zelenskiy"): it reports an act
/// of its own, not part of what the main clause's trigger says or asks.
fn own_circumstance(s: &Sent<'_>, clause: usize) -> bool {
    s.base(clause) == "advcl"
        && s.children[clause].iter().any(|&c| {
            // "when" and "while" are often parsed as adverbs ("were killed
            // when Russian drones hit their position").
            (s.base(c) == "mark" || (s.base(c) == "advmod" && c < clause))
                && matches!(
                    s.lower[c].as_str(),
                    "as" | "while"
                        | "when"
                        | "after"
                        | "before"
                        | "since"
                        | "because"
                        | "although"
                        | "though"
                        | "whereas"
                )
        })
        && s.children[clause].iter().any(|&c| {
            matches!(s.rel[c].as_str(), "nsubj" | "nsubj:pass")
                && !RELATIVE.contains(&s.lower[c].as_str())
        })
}

fn light_head(s: &Sent<'_>, noun: usize) -> Option<usize> {
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
    // "launched a mediation effort", "reimposed part of the blockade".
    if matches!(rel, "compound" | "nmod") && CARRIER.contains(&s.lemma[h].as_str()) {
        return light_head(s, h);
    }
    // "called the sanctions illegal": calling a thing something judges
    // it; only a bare object is called ("called a strike").
    let judged = s.lemma[h] == "call"
        && (s.kids(h, "xcomp").next().is_some()
            || s.children[noun].iter().any(|&c| c > noun && s.upos(c) == Some(Upos::ADJ)));
    (matches!(rel, "obj" | "nsubj" | "obl")
        && LIGHT.contains(&s.lemma[h].as_str())
        && s.rel[noun] != "nsubj"
        && !judged)
        .then_some(h)
}

/// The subject head of a verb: its own, or (control, coordination,
/// participles) the one it shares with its head.
fn subject_of(s: &Sent<'_>, v: usize) -> Option<usize> {
    let mut cur = v;
    for _ in 0..4 {
        if let Some(subj) = s.children[cur].iter().copied().find(|&c| {
            matches!(s.rel[c].as_str(), "nsubj" | "nsubj:pass" | "csubj" | "nsubj:outer")
        }) {
            if RELATIVE.contains(&s.lower[subj].as_str()) && s.rel[cur] == "acl:relcl" {
                return s.head[cur];
            }
            return Some(subj);
        }
        let h = s.head[cur]?;
        match s.rel[cur].as_str() {
            "xcomp" | "conj" | "advcl" => cur = h,
            "acl" => return Some(h),
            _ => return None,
        }
    }
    None
}

/// Whether token `pronoun` is "they" and mention `m` singular, or "it" and
/// `m` plural, as its last word's PTB tag says ("Ukraine has stepped up
/// strikes, saying they fund Moscow's war": "they" is not Ukraine).
fn pronoun_disagrees(s: &Sent<'_>, pronoun: usize, m: usize) -> bool {
    let Some(m) = s.doc.mentions.get(m) else { return false };
    let last = (0..s.n).rev().find(|&i| m.span.contains(s.span(i)));
    let plural = last.and_then(|i| s.xpos(i)).is_some_and(|x| x.ends_with('S'));
    match s.lower[pronoun].as_str() {
        "they" | "them" => !plural,
        "it" => plural,
        _ => false,
    }
}

/// The subject a verb states itself or shares with the verb it is
/// coordinated with, controlled by or adverbial to ("..., calling for
/// sanctions"); not the noun a participle modifies ("a declaration
/// demanding ...").
///
/// Returns the verb that has the subject, and the subject's head.
fn named_subject(s: &Sent<'_>, v: usize) -> Option<(usize, usize)> {
    clause_subject(s, v, &["xcomp", "conj", "advcl"])
        .filter(|&(_, subj)| !RELATIVE.contains(&s.lower[subj].as_str()))
}

/// The subject of `v`'s clause, its own or one it shares through the
/// relations in `through` (at most four steps up), with the clause head
/// that has it: `(clause, subject)`.
fn clause_subject(s: &Sent<'_>, v: usize, through: &[&str]) -> Option<(usize, usize)> {
    let mut cur = v;
    for _ in 0..4 {
        if let Some(subj) = s.children[cur]
            .iter()
            .copied()
            .find(|&c| matches!(s.rel[c].as_str(), "nsubj" | "nsubj:outer"))
        {
            return Some((cur, subj));
        }
        if !through.contains(&s.rel[cur].as_str()) {
            return None;
        }
        cur = s.head[cur]?;
    }
    None
}

/// The noun a relative clause modifies, when the clause's subject (its
/// own or one it shares, as in [`named_subject`]) is the relative pronoun.
fn relative_antecedent(s: &Sent<'_>, v: usize) -> Option<usize> {
    let (clause, subj) = clause_subject(s, v, &["xcomp", "conj"])?;
    (RELATIVE.contains(&s.lower[subj].as_str()) && s.rel[clause] == "acl:relcl")
        .then(|| s.head[clause])
        .flatten()
}

/// The agent of a verb: the active subject, or the passive "by" phrase.
fn agent_of(s: &Sent<'_>, v: usize) -> Option<usize> {
    if s.is_passive(v) {
        return s.children[v].iter().copied().find(|&c| {
            s.rel[c] == "obl:agent" || (s.base(c) == "obl" && s.prep_of(c) == Some("by"))
        });
    }
    let subj = subject_of(s, v)?;
    // A passive head's subject is its patient, not its agent.
    (s.rel[subj] != "nsubj:pass" || s.head[subj] != Some(v)).then_some(subj)
}

/// Prepositional dependents of `t` with preposition `p`, as mentions.
fn role_prep(
    s: &Sent<'_>,
    t: usize,
    p: &str,
    mention_at: &dyn Fn(usize) -> Option<usize>,
) -> Vec<Hit> {
    let mut out = Vec::new();
    for c in s.children[t].clone() {
        if matches!(s.base(c), "obl" | "nmod" | "advcl" | "acl") && s.prep_of(c) == Some(p) {
            out.extend(nominal_mentions(s, c, mention_at));
        }
    }
    out
}

/// Prepositions of place alone (not "in", which also says whose: "officials
/// in Switzerland").
const SPATIAL: &[&str] = &["near", "along", "across", "around", "outside", "beyond", "off"];

/// Whether word `j` of the phrase headed by `o` lies in a phrase of place
/// alone ("jihadists near the border with Niger").
fn spatial_within(s: &Sent<'_>, o: usize, j: usize) -> bool {
    let mut x = j;
    while x != o {
        if s.base(x) == "nmod" && s.prep_of(x).is_some_and(|p| SPATIAL.contains(&p)) {
            return true;
        }
        match s.head[x] {
            Some(h) => x = h,
            None => return false,
        }
    }
    false
}

/// Verbs that say a meeting took place: "talks resumed", "were held".
const MEETING_HAPPENS: &[&str] = &[
    "resume", "begin", "start", "open", "continue", "take", "hold", "restart", "reopen", "convene",
];

/// Whether meeting noun `t` is the subject of a verb saying it took
/// place, not negated ("talks resumed", not "talks did not resume").
fn meeting_happens(s: &Sent<'_>, t: usize) -> bool {
    let Some(h) = s.head[t] else { return false };
    s.base(t) == "nsubj"
        && MEETING_HAPPENS.contains(&s.lemma[h].as_str())
        && (s.lemma[h] != "take" || s.kids(h, "obj").any(|o| s.lemma[o] == "place"))
        && !s.children[h].iter().any(|&d| matches!(s.lower[d].as_str(), "not" | "n't" | "never"))
}

/// The parties a meeting noun names in its "between" phrase, when they
/// are of two countries or more ("talks between Armenia and Azerbaijan").
fn between_parties(
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

/// Owner of a nominal trigger: possessor, adjectival or compound mention,
/// or a "by" phrase ("Putin's proposal", "Russian invasion").
fn noun_owner(s: &Sent<'_>, t: usize, mention_at: &dyn Fn(usize) -> Option<usize>) -> Vec<Hit> {
    let mut out = Vec::new();
    for &c in &s.children[t] {
        if matches!(s.rel[c].as_str(), "nmod:poss" | "amod" | "compound" | "det:poss") {
            out.extend(nominal_mentions(s, c, mention_at));
        }
    }
    dedupe(out)
}

/// Mentions inside the nominal phrase headed by `h`: the head's own
/// mention and coordinated ones, or modifiers when the head is a common noun
/// ("Senior Hungarian and Romanian officials", "officials in Switzerland").
fn nominal_mentions(
    s: &Sent<'_>,
    h: usize,
    mention_at: &dyn Fn(usize) -> Option<usize>,
) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::new();
    let mut stack = vec![(h, 0usize, false)];
    let mut seen = vec![false; s.n];
    let code_of = |m: usize| s.doc.mentions.get(m).map(|m| m.actor.code.as_str());
    let mut renamed_mentions: Vec<usize> = Vec::new();
    while let Some((x, depth, apposed)) = stack.pop() {
        if x >= s.n || seen[x] || depth > 4 {
            continue;
        }
        seen[x] = true;
        let own = mention_at(x);
        if let Some(m) = own {
            // An apposition renames the same party ("the International
            // Labour Office (ILO)"): it is not a second one.
            let renamed = renamed_mentions.contains(&m)
                || (apposed && out.iter().any(|o| code_of(o.mention) == code_of(m)));
            if renamed {
                renamed_mentions.push(m);
            } else {
                out.push(Hit { mention: m, rule: String::new(), parse: true });
            }
        }
        // "Houthi targets in Yemen": the targets are the Houthis'; the
        // place only says where they are ("officials in Switzerland" have
        // no other party named, so the place names theirs).
        // ("Hezbollah weapons depots in Lebanon": the party may modify a
        // modifier.)
        let names_party = |c: usize| {
            matches!(s.rel[c].as_str(), "amod" | "compound" | "nmod:poss")
                && (mention_at(c).is_some()
                    || s.children[c].iter().any(|&g| {
                        matches!(s.rel[g].as_str(), "amod" | "compound") && mention_at(g).is_some()
                    }))
        };
        let modifier_names_party = own.is_none() && s.children[x].iter().any(|&c| names_party(c));
        for &c in s.children[x].iter().rev() {
            let rel = s.rel[c].as_str();
            let base = s.base(c);
            if modifier_names_party && base == "nmod" && rel != "nmod:poss" {
                continue;
            }
            // "according to the UN" names a source, not a party.
            if s.children[c].iter().any(|&k| s.lower[k] == "according") {
                continue;
            }
            // "fought jihadists near the border with Niger": a phrase that
            // only says where names no party.
            if base == "nmod" && s.prep_of(c).is_some_and(|p| SPATIAL.contains(&p)) {
                continue;
            }
            // "Chinese and Russian warships": the mention covers "Russian
            // warships"; the adjective coordinated with it names a second
            // party.
            let coordinated_modifier = own.is_some()
                && matches!(base, "amod" | "compound")
                && mention_at(c).is_some_and(|m| Some(m) != own)
                && s.kids(c, "conj").any(|d| mention_at(d) == own);
            let follow = match base {
                "conj" | "appos" => true,
                _ if coordinated_modifier => true,
                // "leaders of France and Germany": the mention covers
                // "leaders of France"; its "of" phrase leads to Germany.
                // An apposition describes the party it follows: one that
                // modifies it ("Pakistan, a key U.S. ally") is no second
                // party.
                "amod" | "compound" | "flat" | "det" | "nmod" => {
                    (own.is_none()
                        && !apposed
                        && (base != "nmod" || rel == "nmod:poss" || depth <= 1))
                        || (base == "nmod" && own.is_some() && mention_at(c) == own)
                }
                _ => false,
            };
            if follow {
                stack.push((c, depth + 1, base == "appos"));
            }
        }
    }
    // Text order, head's own first.
    dedupe(out)
}

fn dedupe(hits: Vec<Hit>) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::new();
    for h in hits {
        if !out.iter().any(|o| o.mention == h.mention) {
            out.push(h);
        }
    }
    out
}

fn relabel(hits: Vec<Hit>, rule: &str) -> Vec<Hit> {
    hits.into_iter()
        .map(|mut h| {
            h.rule = rule.to_string();
            h
        })
        .collect()
}

fn role_name(role: &Role) -> String {
    match role {
        Role::Subj => "subj".into(),
        Role::Obj => "obj".into(),
        Role::Iobj => "iobj".into(),
        Role::Poss => "poss".into(),
        Role::Prep(p) => format!("prep:{p}"),
    }
}

fn party_of(doc: &Document, h: &Hit) -> EventParty {
    let m = &doc.mentions[h.mention];
    EventParty {
        span: m.span,
        mention: Some(h.mention),
        actor: m.actor.clone(),
        rule: h.rule.clone(),
    }
}

fn place_for(
    s: &Sent<'_>,
    t: usize,
    places: &[(usize, usize, usize)],
    not_under: Option<usize>,
    lex: &EventLexicon,
) -> Option<EventPlace> {
    let (first, end, idx) = places
        .iter()
        .filter(|(a, _, _)| not_under.is_none_or(|x| *a != x && !s.dominates(x, *a)))
        .min_by_key(|(a, _, _)| if *a > t { (a - t) * 2 } else { (t - a) * 3 })?;
    let place = lex.gazetteer().places().get(*idx)?;
    Some(EventPlace {
        span: s.span(*first).cover(s.span(end - 1)),
        name: place.name.clone(),
        country: place.country.clone(),
        rule: format!("prep-{}", s.lower[first.saturating_sub(1)]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::parsed;

    fn coder() -> EventCoder {
        EventCoder::new(Arc::new(EventLexicon::embedded().expect("embedded lexicon")))
    }

    /// (event type, actor code, recipient code, modality) of every event.
    fn summary(doc: &Document, events: &[Event]) -> Vec<(String, String, String, Modality)> {
        let code = |p: &Option<EventParty>| {
            p.as_ref().map(|p| p.actor.code.clone()).unwrap_or_else(|| "-".into())
        };
        let _ = doc;
        events
            .iter()
            .map(|e| (e.event_type.to_string(), code(&e.actor), code(&e.recipient), e.modality))
            .collect()
    }

    fn check(spec: &str, want: &[(&str, &str, &str, Modality)]) -> Vec<Event> {
        let doc = parsed(spec, "2024-07-18");
        let events = coder().code(&doc);
        let got = summary(&doc, &events);
        let want: Vec<(String, String, String, Modality)> = want
            .iter()
            .map(|(t, a, r, m)| (t.to_string(), a.to_string(), r.to_string(), *m))
            .collect();
        assert_eq!(got, want, "{spec}");
        for e in &events {
            // Spans are in bounds and on char boundaries.
            assert!(doc.text.get(e.trigger.span.range()).is_some());
        }
        events
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
    fn speaker_blames_what_its_act_responds_to() {
        let events = check(
            "Moscow/PROPN/Moscow/2/nsubj says/VERB/say/0/root its/PRON/its/4/nmod:poss invasion/NOUN/invasion/8/nsubj was/AUX/be/8/cop a/DET/a/8/det natural/ADJ/natural/8/amod response/NOUN/response/2/ccomp to/ADP/to/11/case NATO/PROPN/NATO/11/nmod:poss expansion/NOUN/expansion/8/nmod",
            &[("ACCUSE", "RUSGOV", "IGOWSTNAT", Modality::Asserted)],
        );
        assert_eq!(events[0].rule, "blame:response-to");
        // Its own side's act is no one to blame.
        check(
            "Moscow/PROPN/Moscow/2/nsubj says/VERB/say/0/root the/DET/the/4/det strike/NOUN/strike/6/nsubj was/AUX/be/6/cop response/NOUN/response/2/ccomp to/ADP/to/9/case Russian/ADJ/Russian/9/amod losses/NOUN/loss/6/nmod",
            &[],
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
    fn an_active_verbs_by_phrase_is_its_objects_agent() {
        // "Germany condemned the visit by Russia", with "by Russia" hung on the verb.
        check(
            "Germany/PROPN/Germany/2/nsubj condemned/VERB/condemn/0/root the/DET/the/4/det visit/NOUN/visit/2/obj by/ADP/by/6/case Russia/PROPN/Russia/2/obl",
            &[("ACCUSE", "DEU", "RUS", Modality::Asserted)],
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
    fn apposition_names_one_party_and_a_day_is_no_object() {
        // "The ILO reiterated its demand Friday that the United States ...": one
        // event, not one per name, and "Friday" does not hide the recipient.
        check(
            "Labour/PROPN/Labour/3/nsubj ILO/PROPN/ILO/1/appos demanded/VERB/demand/0/root Friday/PROPN/Friday/3/obj that/SCONJ/that/7/mark States/PROPN/States/7/nsubj act/VERB/act/3/ccomp",
            &[("REQUEST", "IGOUNOLAB", "USA", Modality::Asserted)],
        );
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
    fn verbless_parse_falls_back_on_word_order() {
        // "Serb forces killed ..." parsed as one noun phrase rooted at "forces".
        check(
            "Russian/ADJ/Russian/2/amod forces/NOUN/force/0/root killed/VERB/kill/5/amod three/NUM/three/5/nummod Ukraine/PROPN/Ukraine/2/nmod ./PUNCT/./2/punct",
            &[("ASSAULT", "RUS", "UKR", Modality::Asserted)],
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
    fn ordering_an_envoy_to_leave_is_an_expulsion() {
        check(
            "Russia/PROPN/Russia/2/nsubj ordered/VERB/order/0/root the/DET/the/5/det French/ADJ/French/5/amod ambassador/NOUN/ambassador/2/obj to/PART/to/7/mark leave/VERB/leave/2/xcomp",
            &[("SANCTION", "RUS", "FRA", Modality::Asserted)],
        );
    }

    #[test]
    fn partners_in_one_act_are_not_each_others_recipients() {
        check(
            "The/DET/the/2/det ceasefire/NOUN/ceasefire/4/nsubj:pass was/AUX/be/4/aux:pass brokered/VERB/broker/0/root by/ADP/by/6/case Germany/PROPN/Germany/4/obl:agent and/CCONJ/and/8/cc France/PROPN/France/6/conj",
            &[("AGREE", "DEU", "-", Modality::Asserted), ("AGREE", "FRA", "-", Modality::Asserted)],
        );
    }

    #[test]
    fn a_currency_does_not_name_the_actors_home() {
        // "Germany condemned the deal worth millions of German euros".
        check(
            "Germany/PROPN/Germany/2/nsubj condemned/VERB/condemn/0/root the/DET/the/4/det deal/NOUN/deal/2/obj worth/ADJ/worth/4/amod German/ADJ/German/7/amod euros/NOUN/euro/5/obj",
            &[("ACCUSE", "DEU", "-", Modality::Asserted)],
        );
        // A state named again by its people or firms is the recipient, as
        // PLOVER codes domestic acts.
        check(
            "Germany/PROPN/Germany/2/nsubj condemned/VERB/condemn/0/root the/DET/the/4/det deal/NOUN/deal/2/obj of/ADP/of/7/case German/ADJ/German/7/amod firms/NOUN/firm/4/nmod",
            &[("ACCUSE", "DEU", "DEU", Modality::Asserted)],
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
    fn a_relative_clause_dates_only_itself() {
        let events = check(
            "Russia/PROPN/Russia/9/nsubj ,/PUNCT/,/4/punct which/PRON/which/4/nsubj invaded/VERB/invade/1/acl:relcl Ukraine/PROPN/Ukraine/4/obj in/ADP/in/7/case 2022/NUM/2022/4/obl ,/PUNCT/,/4/punct accused/VERB/accuse/0/root Germany/PROPN/Germany/9/obj",
            &[("ASSAULT", "RUS", "UKR", Modality::Asserted), ("ACCUSE", "RUS", "DEU", Modality::Asserted)],
        );
        let rule = |i: usize| events[i].date.as_ref().map(|d| d.rule.as_str());
        assert_eq!((rule(0), rule(1)), (Some("year"), Some("document-date")));
    }

    #[test]
    fn a_later_date_and_a_clause_beside_the_trigger_do_not_date_a_past_act() {
        // "Scholz invited Zelenskyy to visit Berlin next month": invited already.
        let events = check(
            "Scholz/PROPN/Scholz/2/nsubj invited/VERB/invite/0/root/VBD Zelenskyy/PROPN/Zelenskyy/2/obj to/PART/to/5/mark visit/VERB/visit/2/xcomp Berlin/PROPN/Berlin/5/obj next/ADJ/next/8/amod month/NOUN/month/5/obl:tmod",
            &[("CONSULT", "DEUGOV", "UKRGOV", Modality::Asserted)],
        );
        assert_eq!(events[0].date.as_ref().map(|d| d.rule.as_str()), Some("document-date"));
        // "Russia seized the city, the second one they have taken this year".
        let events = check(
            "Russia/PROPN/Russia/2/nsubj seized/VERB/seize/0/root the/DET/the/5/det Ukrainian/ADJ/Ukrainian/5/amod city/NOUN/city/2/obj ,/PUNCT/,/11/punct the/DET/the/9/det second/ADJ/second/9/amod one/NOUN/one/11/obl they/PRON/they/11/nsubj taken/VERB/take/2/parataxis this/DET/this/13/det year/NOUN/year/11/obl:tmod",
            &[("COERCE", "RUS", "UKR", Modality::Asserted)],
        );
        assert_eq!(events[0].date.as_ref().map(|d| d.rule.as_str()), Some("document-date"));
    }

    #[test]
    fn a_bound_of_a_lasting_state_does_not_date_the_act() {
        let events = check(
            "Russia/PROPN/Russia/2/nsubj agreed/VERB/agree/0/root to/PART/to/4/mark resume/VERB/resume/2/xcomp talks/NOUN/talk/4/obj ,/PUNCT/,/7/punct suspended/VERB/suspend/5/acl since/ADP/since/9/case 2019/NUM/2019/7/obl with/ADP/with/11/case Ukraine/PROPN/Ukraine/4/obl",
            &[("AGREE", "RUS", "UKR", Modality::Asserted)],
        );
        assert_eq!(events[0].date.as_ref().map(|d| d.rule.as_str()), Some("document-date"));
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
    fn control_verb_codes_the_refusal_not_the_meeting() {
        check(
            "Russia/PROPN/Russia/2/nsubj refused/VERB/refuse/0/root to/PART/to/4/mark attend/VERB/attend/2/xcomp the/DET/the/6/det summit/NOUN/summit/4/obj",
            &[("REJECT", "RUS", "-", Modality::Asserted)],
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
    fn conditional_attendance_is_no_concession() {
        check(
            "Moscow/PROPN/Moscow/3/nsubj would/AUX/would/3/aux attend/VERB/attend/0/root only/ADV/only/7/advmod if/SCONJ/if/7/mark troops/NOUN/troop/7/nsubj left/VERB/leave/3/advcl",
            &[("CONSULT", "RUSGOV", "-", Modality::Conditional)],
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
    fn a_when_clause_parsed_with_an_adverb_is_an_act_of_its_own() {
        // "Ukrainian soldiers were killed when Russian drones hit their position".
        let events = check(
            "Ukrainian/ADJ/Ukrainian/2/amod soldiers/NOUN/soldier/4/nsubj:pass were/AUX/be/4/aux:pass killed/VERB/kill/0/root when/ADV/when/8/advmod Russian/ADJ/Russian/7/amod drones/NOUN/drone/8/nsubj hit/VERB/hit/4/advcl their/PRON/their/10/nmod:poss position/NOUN/position/8/obj",
            &[("ASSAULT", "-", "UKR", Modality::Asserted), ("ASSAULT", "RUS", "UKR", Modality::Asserted)],
        );
        assert_eq!(events.len(), 2);
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
    fn a_party_modifying_a_modifier_still_owns_the_object() {
        check(
            "Israel/PROPN/Israel/2/nsubj struck/VERB/strike/0/root Pyongyang/PROPN/Pyongyang/4/compound weapons/NOUN/weapon/5/compound depots/NOUN/depot/2/obj in/ADP/in/7/case Ukraine/PROPN/Ukraine/5/nmod",
            &[("ASSAULT", "ISR", "PRK", Modality::Asserted)],
        );
    }

    #[test]
    fn a_demonym_naming_a_natural_feature_is_no_party() {
        check(
            "Pyongyang/PROPN/Pyongyang/2/nsubj test-fired/VERB/test-fire/0/root missiles/NOUN/missile/2/obj into/ADP/into/6/case the/DET/the/6/det sea/NOUN/sea/2/obl east/ADV/east/6/advmod of/ADP/of/11/case the/DET/the/11/det Russian/ADJ/Russian/11/amod peninsula/NOUN/peninsula/7/obl",
            &[("MOBILIZE", "PRKGOV", "-", Modality::Asserted)],
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
            "Germany/PROPN/Germany/4/nsubj will/AUX/will/4/aux not/PART/not/4/advmod send/VERB/send/0/root troops/NOUN/troop/4/obj to/ADP/to/7/case Ukraine/PROPN/Ukraine/4/obl ,/PUNCT/,/11/punct the/DET/the/10/det minister/NOUN/minister/11/nsubj said/VERB/say/4/ccomp",
            &[("REJECT", "DEU", "UKR", Modality::Asserted)],
        );
        assert!(events[0].speaker.is_none(), "{:?}", events[0].speaker);
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
    fn a_place_phrase_adds_no_party_when_a_modifier_names_one() {
        check(
            "Germany/PROPN/Germany/2/nsubj struck/VERB/strike/0/root Russian/ADJ/Russian/4/amod targets/NOUN/target/2/obj in/ADP/in/6/case Ukraine/PROPN/Ukraine/4/nmod",
            &[("ASSAULT", "DEU", "RUS", Modality::Asserted)],
        );
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
    fn a_date_belongs_to_its_own_clause_and_not_to_a_possessed_noun() {
        let doc = parsed(
            "Germany/PROPN/Germany/2/nsubj suspended/VERB/suspend/0/root aid/NOUN/aid/2/obj after/ADP/after/8/case last/ADJ/last/6/amod year/NOUN/year/8/nmod:poss 's/PART/'s/6/case coup/NOUN/coup/2/obl and/CCONJ/and/11/cc Russia/PROPN/Russia/11/nsubj lifted/VERB/lift/2/conj sanctions/NOUN/sanction/11/obj in/ADP/in/14/case February/PROPN/February/11/obl",
            "2024-07-18",
        );
        let events = coder().code(&doc);
        let date_of = |verb: &str| {
            let e = events
                .iter()
                .find(|e| doc.text[e.trigger.span].starts_with(verb))
                .unwrap_or_else(|| panic!("no event at {verb}: {events:?}"));
            let d = e.date.as_ref().expect("date");
            (d.value.clone(), d.rule.clone())
        };
        assert_eq!(date_of("suspended"), ("2024-07-18".to_string(), "document-date".to_string()));
        assert_eq!(date_of("lifted").0, "2024-02-01");
    }

    #[test]
    fn an_act_to_come_takes_the_next_weekday_or_month() {
        let date = |spec: &str| {
            let doc = parsed(spec, "2024-07-19");
            let events = coder().code(&doc);
            events[0].date.as_ref().map(|d| d.value.clone())
        };
        assert_eq!(
            date("Germany/PROPN/Germany/3/nsubj will/AUX/will/3/aux meet/VERB/meet/0/root Russia/PROPN/Russia/3/obj on/ADP/on/6/case Thursday/PROPN/Thursday/3/obl").as_deref(),
            Some("2024-07-25")
        );
        assert_eq!(
            date("Germany/PROPN/Germany/2/nsubj met/VERB/meet/0/root Russia/PROPN/Russia/2/obj on/ADP/on/5/case Thursday/PROPN/Thursday/2/obl").as_deref(),
            Some("2024-07-18")
        );
        assert_eq!(
            date("Germany/PROPN/Germany/3/nsubj will/AUX/will/3/aux meet/VERB/meet/0/root Russia/PROPN/Russia/3/obj in/ADP/in/6/case June/PROPN/June/3/obl").as_deref(),
            Some("2025-06-01")
        );
        // The day it was said stays in the past.
        assert_eq!(
            date("Germany/PROPN/Germany/2/nsubj said/VERB/say/0/root on/ADP/on/4/case Thursday/PROPN/Thursday/2/obl it/PRON/it/7/nsubj will/AUX/will/7/aux meet/VERB/meet/2/ccomp Russia/PROPN/Russia/7/obj").as_deref(),
            Some("2024-07-18")
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
    fn a_place_name_may_open_with_a_direction() {
        let doc = parsed(
            "Russia/PROPN/Russia/2/nsubj attacked/VERB/attack/0/root Ukraine/PROPN/Ukraine/2/obj in/ADP/in/7/case the/DET/the/7/det South/PROPN/South/7/compound China/PROPN/China/7/compound Sea/PROPN/Sea/2/obl",
            "2024-01-15",
        );
        let events = coder().code(&doc);
        let l = events[0].location.as_ref().expect("place");
        assert_eq!((&doc.text[l.span], l.country.as_deref()), ("South China Sea", None));
    }

    #[test]
    fn dates_and_places_keep_their_spans() {
        let doc = parsed(
            "Ukrainian/ADJ/ukrainian/2/amod leadership/NOUN/leadership/4/nsubj is/AUX/be/4/aux meeting/VERB/meet/0/root with/ADP/with/6/case officials/NOUN/official/4/obl in/ADP/in/8/case Switzerland/PROPN/Switzerland/6/nmod today/NOUN/today/4/obl:tmod",
            "2024-01-15",
        );
        let events = coder().code(&doc);
        assert_eq!(events.len(), 1);
        let e = &events[0];
        assert_eq!(e.event_type, EventType::Consult);
        assert_eq!(e.actor.as_ref().map(|a| a.actor.code.as_str()), Some("UKR"));
        assert_eq!(e.recipient.as_ref().map(|a| a.actor.code.as_str()), Some("CHE"));
        let d = e.date.as_ref().expect("date");
        assert_eq!((d.value.as_str(), d.precision), ("2024-01-15", DatePrecision::Day));
        assert_eq!(d.span.map(|s| &doc.text[s]), Some("today"));
        let l = e.location.as_ref().expect("place");
        assert_eq!((&doc.text[l.span], l.country.as_deref()), ("Switzerland", Some("CHE")));
        let json = crate::event_json(&doc, e);
        assert_eq!(json["event"], "CONSULT");
        assert_eq!(json["date_text"], "today");
        assert_eq!(json["location"]["country"], "CHE");
        assert_eq!(json["sentence_index"], 0);
        let explained = coder().explain(&doc, 0);
        assert!(explained.contains("meet-with"), "{explained}");
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
    fn an_adjective_coordinated_with_a_mention_names_a_second_party() {
        let doc = parsed(
            "Chinese/ADJ/Chinese/4/amod and/CCONJ/and/3/cc Russian/ADJ/Russian/1/conj army/NOUN/army/5/nsubj held/VERB/hold/0/root joint/ADJ/joint/7/amod exercises/NOUN/exercise/5/obj",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(
            got.iter().any(|(t, a, r, _)| t == "COOPERATE" && a == "CHN" && r == "RUSMIL"),
            "{got:?}"
        );
        assert!(
            got.iter().any(|(t, a, r, _)| t == "COOPERATE" && a == "RUSMIL" && r == "CHN"),
            "{got:?}"
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
    fn a_country_inside_a_seas_name_is_no_party() {
        let doc = parsed(
            "Russia/PROPN/Russia/2/nsubj seized/VERB/seize/0/root a/DET/a/4/det tanker/NOUN/tanker/2/obj in/ADP/in/9/case the/DET/the/9/det South/PROPN/South/9/compound China/PROPN/China/9/compound Sea/PROPN/Sea/4/nmod",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(got.iter().any(|(t, a, _, _)| t == "COERCE" && a == "RUS"), "{got:?}");
        assert!(!got.iter().any(|(_, _, r, _)| r == "CHN"), "{got:?}");
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
        // Talks that did not resume took no place.
        let doc = parsed(
            &spec
                .replace(
                    "resumed/VERB/resume/0/root",
                    "did/AUX/do/8/aux not/PART/not/8/advmod resume/VERB/resume/0/root",
                )
                .replace("/6/nsubj", "/8/nsubj"),
            "2024-07-18",
        );
        assert!(coder().code(&doc).is_empty());
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

    #[test]
    fn a_party_modifying_an_apposition_is_no_second_actor() {
        let doc = parsed(
            "Poland/PROPN/Poland/7/nsubj ,/PUNCT/,/5/punct a/DET/a/5/det Ukrainian/ADJ/Ukrainian/5/amod ally/NOUN/ally/1/appos ,/PUNCT/,/5/punct refused/VERB/refuse/0/root to/PART/to/9/mark attend/VERB/attend/7/xcomp",
            "2024-07-18",
        );
        let got = summary(&doc, &coder().code(&doc));
        assert!(got.iter().any(|(t, a, _, _)| t == "REJECT" && a == "POL"), "{got:?}");
        assert!(!got.iter().any(|(_, a, _, _)| a == "UKR"), "{got:?}");
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
    fn according_to_names_the_source_not_a_party() {
        // The tagger may give "according" the lemma "accord".
        let doc = parsed(
            "Russia/PROPN/Russia/2/nsubj violated/VERB/violate/0/root the/DET/the/4/det ceasefire/NOUN/ceasefire/2/obj ,/PUNCT/,/8/punct according/VERB/accord/8/case to/ADP/to/6/fixed NATO/PROPN/NATO/4/nmod",
            "2024-07-18",
        );
        let events = coder().code(&doc);
        let got = summary(&doc, &events);
        assert!(!got.iter().any(|(_, _, r, _)| r == "IGOWSTNAT"), "{got:?}");
        assert!(!events.is_empty(), "the violation is coded");
        assert!(
            events.iter().all(|e| e.speaker.as_ref().is_some_and(|s| s.actor.code == "IGOWSTNAT")),
            "{got:?}"
        );
    }

    #[test]
    fn word_order_fallback_without_a_parse() {
        // An attacked capital is its country (as PLOVER codes "blockade Paris").
        check("Russia struck Kyiv", &[("ASSAULT", "RUS", "UKR", Modality::Asserted)]);
        check("Russia did not attack Kyiv", &[("ASSAULT", "RUS", "UKR", Modality::Negated)]);
    }

    #[test]
    fn annotator_writes_only_events() {
        let mut doc = parsed(
            "Russia/PROPN/Russia/2/nsubj invaded/VERB/invade/0/root Ukraine/PROPN/Ukraine/2/obj",
            "2024-07-18",
        );
        let before = (doc.tokens.clone(), doc.mentions.clone());
        let c = coder();
        c.annotate(&mut doc).expect("annotates");
        assert_eq!((doc.tokens.clone(), doc.mentions.clone()), before);
        assert_eq!(doc.events.len(), 1);
        assert_eq!(c.name(), "events");
        assert_eq!(c.assigns(), &[Layer::Events]);
    }
}
