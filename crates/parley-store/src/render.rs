//! A story as text for the terminal.

use std::fmt::Write;

use crate::model::{EventRow, StoryDetail};

fn party(code: &Option<String>, name: &Option<String>) -> String {
    match (code, name) {
        (Some(c), Some(n)) => format!("{n} ({c})"),
        (Some(c), None) => c.clone(),
        (None, _) => "?".to_string(),
    }
}

fn clip(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        s
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

fn event_line(e: &EventRow) -> String {
    let date = if e.date.is_empty() { "????-??-??".to_string() } else { e.date.clone() };
    let approx = match e.date_precision.as_deref() {
        Some("day") | None => " ",
        _ => "~",
    };
    let mut line =
        format!("{date}{approx} {:<10} {}", e.event_type, party(&e.actor_code, &e.actor_name));
    if e.recipient_code.is_some() {
        let _ = write!(line, " -> {}", party(&e.recipient_code, &e.recipient_name));
    }
    if e.modality != "asserted" {
        let _ = write!(line, " [{}]", e.modality);
    }
    let _ = write!(
        line,
        "  ({} report{}, {} outlet{})",
        e.num_reports,
        if e.num_reports == 1 { "" } else { "s" },
        e.num_sources,
        if e.num_sources == 1 { "" } else { "s" }
    );
    line
}

/// Renders a story as a readable terminal timeline: header, events by
/// date (with the first report's sentence), actors, dyads, quotes by
/// speaker, and outlets. Plain text, no colour; lines up to ~100 columns.
pub fn render_story_text(detail: &StoryDetail) -> String {
    let s = &detail.story;
    let mut out = String::new();
    let _ = writeln!(out, "Story {}: {}", s.id, clip(&s.title, 90));
    let span = match (&s.first_date, &s.last_date) {
        (Some(a), Some(b)) if a != b => format!("{a} to {b}"),
        (Some(a), _) => a.clone(),
        _ => "undated".to_string(),
    };
    let _ = writeln!(
        out,
        "{span} · {} document{} · {} outlet{} · {} event{}",
        s.num_documents,
        if s.num_documents == 1 { "" } else { "s" },
        s.num_sources,
        if s.num_sources == 1 { "" } else { "s" },
        s.num_events,
        if s.num_events == 1 { "" } else { "s" },
    );

    let _ = writeln!(out, "\nTimeline");
    if detail.timeline.is_empty() {
        let _ = writeln!(out, "  (no events)");
    }
    for e in &detail.timeline {
        let _ = writeln!(out, "  {}", event_line(e));
        let _ = writeln!(out, "      \"{}\"", clip(&e.sentence, 88));
    }

    if !detail.actors.is_empty() {
        let _ = writeln!(out, "\nActors");
        for a in &detail.actors {
            let _ = writeln!(
                out,
                "  {:<40} acts {:>3}  acted on {:>3}",
                party(&Some(a.code.clone()), &a.name),
                a.as_actor,
                a.as_recipient
            );
        }
    }
    if !detail.dyads.is_empty() {
        let _ = writeln!(out, "\nWho did what to whom");
        for d in &detail.dyads {
            let _ = writeln!(
                out,
                "  {:<24} cooperation {:>3}  conflict {:>3}",
                format!("{} -> {}", d.actor, d.recipient),
                d.cooperation,
                d.conflict
            );
        }
    }
    if !detail.quotes.is_empty() {
        let _ = writeln!(out, "\nWho said what");
        for sq in &detail.quotes {
            let who = match &sq.name {
                Some(n) if sq.speaker != "?" => format!("{n} ({})", sq.speaker),
                _ => sq
                    .quotes
                    .first()
                    .and_then(|q| q.speaker_text.clone())
                    .unwrap_or_else(|| sq.speaker.clone()),
            };
            let _ = writeln!(out, "  {who}");
            for q in &sq.quotes {
                let when = q.date.as_deref().unwrap_or("undated");
                let outlet = q.source.as_deref().unwrap_or("?");
                let _ = writeln!(out, "    {when} {outlet}: \"{}\"", clip(&q.quote, 80));
            }
        }
    }
    if !detail.outlets.is_empty() {
        let _ = writeln!(out, "\nOutlets");
        for o in &detail.outlets {
            let events: Vec<String> = o.events.iter().map(|e| format!("#{e}")).collect();
            let _ = writeln!(
                out,
                "  {:<24} {} document{}, events {}",
                clip(&o.source, 24),
                o.documents.len(),
                if o.documents.len() == 1 { "" } else { "s" },
                if events.is_empty() { "none".to_string() } else { events.join(" ") }
            );
        }
    }
    out
}
