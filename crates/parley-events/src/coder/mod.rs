//! The event coder: lexicon triggers over the parse, argument frames for
//! actor and recipient, then modality, attribution, date and place.
//!
//! [`EventCoder`] is the core: it builds each document's context, finds
//! the trigger candidates of a sentence and hands each to `build`. The
//! jobs live beside it: `triggers` (lexicon matching and suppression),
//! `derived` (demands and blame no lexicon verb says), `verdicts`
//! (judgements, hopes and rebuttals said with no event verb), `governed` (an
//! order coded as what it orders), `build` (one
//! candidate to its events, in steps), `types` (type resolution),
//! `parties` (actor and speaker), `recipients`, `mentions` (the mentions
//! a phrase names), `occurrence` (event nouns whose verb says they
//! took place), `clauses` (subjects, agents and clause structure),
//! `event_dates` and `event_places`.

mod build;
mod clauses;
mod derived;
mod event_dates;
mod event_places;
mod governed;
mod mentions;
mod occurrence;
mod parties;
mod recipients;
mod triggers;
mod types;
mod verdicts;

pub use self::verdicts::Verdicts;

use std::fmt::Write as _;
use std::sync::Arc;

use chrono::NaiveDate;
use parley_doc::{Annotator, DocError, Document, Event, EventType, Layer, Span};

use crate::lexicon::EventLexicon;
use crate::sent::Sent;
use crate::{attribution, dates};

use self::triggers::suppress;

/// The event stage: codes PLOVER/CAMEO events into `Document::events`.
///
/// Every event is kept with its [`Modality`](parley_doc::Modality);
/// writers show only asserted ones unless asked for all.
#[derive(Debug, Clone)]
pub struct EventCoder {
    lexicon: Arc<EventLexicon>,
    verdicts: Arc<Verdicts>,
}

#[derive(Debug, Clone)]
struct Cand {
    tok: usize,
    entry: usize,
    consumed: Vec<usize>,
    xcomp: Option<usize>,
    light: Option<usize>,
    /// For a noun: the verb that says it took place ("protests
    /// erupted"), which stands where a light verb would.
    occurs: Option<usize>,
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
    /// A coder over a lexicon, with the shipped verdict lists.
    ///
    /// # Panics
    /// If the embedded `verdicts.txt` does not parse (a build defect, which
    /// a unit test rules out).
    pub fn new(lexicon: Arc<EventLexicon>) -> EventCoder {
        let verdicts = Verdicts::embedded().expect("embedded verdicts.txt parses");
        EventCoder { lexicon, verdicts: Arc::new(verdicts) }
    }

    /// The same coder with other verdict lists (see [`Verdicts::load_path`]).
    pub fn with_verdicts(mut self, verdicts: Verdicts) -> EventCoder {
        self.verdicts = Arc::new(verdicts);
        self
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
        let reports: Vec<bool> =
            cands.iter().map(|c| self.lexicon.entries()[c.entry].reports).collect();
        suppress(s, &mut cands, &verbal, &reports, &mention_at);
        let derived = self.derived_demands(s, &mut cands, &mention_at);
        let said = self.said_events(s, ctx, si, &mut cands, &mention_at, log.as_deref_mut());
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
        for d in said {
            out.extend(self.build_said(s, ctx, si, d, &date_exprs, &places));
        }
        out.sort_by_key(|e| (e.trigger.span.start, e.actor.as_ref().map(|a| a.span.start)));
        for event in &mut out {
            self.name_countries(event);
        }
        out
    }

    /// A party the coder made from a country code alone (the actor's own
    /// country, an attacked place's country) carries no mention and so no
    /// name: it takes the country's name from the gazetteer, so that no
    /// event shows a bare code.
    fn name_countries(&self, event: &mut Event) {
        let parties = [&mut event.actor, &mut event.recipient, &mut event.speaker];
        for party in parties.into_iter().flatten() {
            let actor = &mut party.actor;
            if actor.name.is_none() && actor.sector.is_none() {
                let name = self.lexicon.gazetteer().country_name(&actor.code);
                actor.name = name.map(str::to_string);
            }
        }
    }
}

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

#[cfg(test)]
mod tests {
    use parley_doc::{Annotator, Layer, Modality};

    use crate::testutil::{check, coder, parsed};

    #[test]
    fn verbless_parse_falls_back_on_word_order() {
        // "Serb forces killed ..." parsed as one noun phrase rooted at "forces".
        check(
            "Russian/ADJ/Russian/2/amod forces/NOUN/force/0/root killed/VERB/kill/5/amod three/NUM/three/5/nummod Ukraine/PROPN/Ukraine/2/nmod ./PUNCT/./2/punct",
            &[("ASSAULT", "RUS", "UKR", Modality::Asserted)],
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
