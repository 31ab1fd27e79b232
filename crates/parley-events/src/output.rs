//! The JSON line of `parley code` and the text of `parley code --explain`.

use std::fmt::Write as _;

use parley_doc::{Document, Event, EventParty, MentionSource, Span};
use serde_json::{json, Value};

fn span_json(span: Span) -> Value {
    json!([span.start, span.end])
}

fn party_json(doc: &Document, p: &EventParty) -> Value {
    json!({
        "text": doc.text.get(p.span.range()).unwrap_or(""),
        "span": span_json(p.span),
        "code": p.actor.code,
        "country": p.actor.country,
        "sector": p.actor.sector,
        "name": p.actor.name,
    })
}

/// One event as the JSON object `parley code` writes (one per line).
///
/// Keys follow the output contract (`doc_id`, `sentence_index`, `sentence`,
/// `sentence_span`, `event`, `mode`, `context`, `cameo`, `goldstein`,
/// `quad_class`, `plover_score`, `actor`, `recipient`, `trigger`, `date`,
/// `date_precision`, `date_text`, `location`, `speaker`, `quote`,
/// `modality`, `confidence`, `rule`), plus `evidence`: the rule behind each
/// field.
pub fn event_json(doc: &Document, event: &Event) -> Value {
    let sentence = doc.sentences.get(event.sentence.get());
    let text = |span: Span| doc.text.get(span.range()).unwrap_or("");
    let round = |x: f32| (f64::from(x) * 100.0).round() / 100.0;
    json!({
        "doc_id": doc.meta.id,
        "sentence_index": event.sentence.get(),
        "sentence": sentence.map(|s| text(s.span)).unwrap_or(""),
        "sentence_span": sentence.map(|s| span_json(s.span)).unwrap_or(Value::Null),
        "event": event.event_type.as_str(),
        "mode": event.mode,
        "context": event.context,
        "cameo": event.cameo,
        "goldstein": round(event.goldstein),
        "quad_class": event.quad_class,
        "plover_score": event.plover_score.map(round),
        "actor": event.actor.as_ref().map(|p| party_json(doc, p)),
        "recipient": event.recipient.as_ref().map(|p| party_json(doc, p)),
        "trigger": {"text": text(event.trigger.span), "span": span_json(event.trigger.span)},
        "date": event.date.as_ref().map(|d| d.value.clone()),
        "date_precision": event.date.as_ref().map(|d| d.precision.as_str()),
        "date_text": event.date.as_ref().and_then(|d| d.span).map(text),
        "location": event.location.as_ref().map(|l| json!({
            "text": text(l.span),
            "span": span_json(l.span),
            "country": l.country,
            "name": l.name,
        })),
        "speaker": event.speaker.as_ref().map(|p| party_json(doc, p)),
        "quote": event.quote.map(text),
        "modality": event.modality.as_str(),
        "confidence": round(event.confidence),
        "rule": event.rule,
        "evidence": {
            "actor": event.actor.as_ref().map(|p| p.rule.clone()),
            "recipient": event.recipient.as_ref().map(|p| p.rule.clone()),
            "speaker": event.speaker.as_ref().map(|p| p.rule.clone()),
            "date": event.date.as_ref().map(|d| d.rule.clone()),
            "date_span": event.date.as_ref().and_then(|d| d.span).map(span_json),
            "location": event.location.as_ref().map(|l| l.rule.clone()),
            "modality": event.modality_rule,
            "quote_span": event.quote.map(span_json),
        },
    })
}

/// The parse of a sentence as a table: index, form, UPOS, lemma, head, relation, mention.
pub(crate) fn parse_table(doc: &Document, si: usize) -> String {
    let mut out = String::new();
    let Some(sentence) = doc.sentences.get(si) else {
        return format!("no sentence {si} (the document has {})\n", doc.sentences.len());
    };
    let _ = writeln!(
        out,
        "sentence {si} [{}..{}]: {}",
        sentence.span.start, sentence.span.end, &doc.text[sentence.span]
    );
    let first = sentence.first_token.get();
    for (i, tok) in doc.sentence_tokens(sentence).iter().enumerate() {
        let g = first + i;
        let mention = doc
            .mentions
            .iter()
            .position(|m| m.first_token.get() <= g && g < m.end_token.get())
            .map(|m| format!("m{m}={}", doc.mentions[m].actor.code))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {:>3} {:<16} {:<6} {:<14} {:>3} {:<12} {}",
            i + 1,
            doc.token_form(tok),
            tok.upos.map(|u| u.as_str()).unwrap_or("_"),
            tok.lemma.as_deref().unwrap_or("_"),
            tok.head.map(|h| (h.get() + 1 - first).to_string()).unwrap_or_else(|| "0".into()),
            tok.deprel.as_deref().unwrap_or("_"),
            mention
        );
    }
    // Each mention with how it was coded: the dictionary entry, the rule
    // (which clue won: "nationality-over-name", "domestic-dateline"), or
    // the mention it refers back to.
    for (k, m) in doc.mentions.iter().enumerate().filter(|(_, m)| m.sentence.get() == si) {
        let via = match &m.via {
            MentionSource::Dictionary { entry } => format!("dictionary {entry}"),
            MentionSource::RolePattern { rule } => format!("rule {rule}"),
            MentionSource::Coreference { antecedent } => format!("coreference to m{antecedent}"),
        };
        let name = m.actor.name.as_deref().unwrap_or("");
        // Where the country came from, when not from the mention's words.
        let from = m
            .country_from
            .map(|s| format!(", country from {:?} [{}..{}]", doc.slice(s), s.start, s.end))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  m{k} {:?} = {} ({name}) via {via}{from}",
            doc.slice(m.span),
            m.actor.code
        );
    }
    out
}

/// One event's evidence, a few indented lines.
pub(crate) fn describe_event(doc: &Document, e: &Event) -> String {
    let text = |span: Span| doc.text.get(span.range()).unwrap_or("");
    let party = |p: &Option<EventParty>| match p {
        Some(p) => format!("{} `{}` via {}", p.actor.code, text(p.span), p.rule),
        None => "-".into(),
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "  {} {} (cameo {}, goldstein {}, quad {}) trigger `{}` rule {} modality {}{} confidence {:.2}",
        e.event_type,
        e.mode.as_deref().unwrap_or("-"),
        e.cameo,
        e.goldstein,
        e.quad_class,
        text(e.trigger.span),
        e.rule,
        e.modality.as_str(),
        e.modality_rule.as_ref().map(|c| format!(" ({c})")).unwrap_or_default(),
        e.confidence
    );
    let _ = writeln!(out, "    actor: {}", party(&e.actor));
    let _ = writeln!(out, "    recipient: {}", party(&e.recipient));
    if e.speaker.is_some() {
        let _ = writeln!(out, "    speaker: {}", party(&e.speaker));
    }
    if let Some(d) = &e.date {
        let _ = writeln!(
            out,
            "    date: {} ({}) from {} `{}`",
            d.value,
            d.precision.as_str(),
            d.rule,
            d.span.map(text).unwrap_or("")
        );
    }
    if let Some(l) = &e.location {
        let _ = writeln!(
            out,
            "    location: {} ({}) via {}",
            l.name,
            l.country.as_deref().unwrap_or("-"),
            l.rule
        );
    }
    out
}

/// For `parley code --explain`: the sentence's parse and mentions, and
/// each event already coded in it with the evidence for every field. For
/// the dropped matches too, use [`crate::EventCoder::explain`].
pub fn explain_sentence(doc: &Document, sentence_index: usize) -> String {
    let mut out = parse_table(doc, sentence_index);
    out.push_str("events:\n");
    let mut any = false;
    for e in doc.events.iter().filter(|e| e.sentence.get() == sentence_index) {
        any = true;
        out.push_str(&describe_event(doc, e));
    }
    if !any {
        out.push_str("  (none)\n");
    }
    out
}
