//! What the coder keeps while it codes one document: the drafts of
//! mentions so far and the names it has learned.

use std::collections::HashMap;

use parley_doc::{Actor, Document, Mention, MentionSource, SentenceIdx, Span, TokenIdx};

use super::matching::{name_key, Word};

/// How a draft was found.
#[derive(Debug, Clone)]
pub(super) enum Via {
    Dict(String),
    Rule(&'static str),
    Coref(usize),
}

/// A mention being coded, in bytes of the document text.
#[derive(Debug, Clone)]
pub(super) struct Draft {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) sentence: usize,
    pub(super) first_token: usize,
    pub(super) end_token: usize,
    pub(super) actor: Actor,
    pub(super) via: Via,
    /// Refers to one person (named or described).
    pub(super) person: bool,
    /// A word of the mention is a clause subject (always true unparsed).
    pub(super) subject: bool,
}

/// "President X" with no country in the phrase, waiting for the sentence's country.
#[derive(Debug, Clone)]
pub(super) struct Orphan {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) name: (usize, usize),
    pub(super) sector: Option<String>,
    pub(super) role: Option<String>,
}

#[derive(Debug, Default)]
pub(super) struct DocState {
    pub(super) orphans: Vec<Orphan>,
    pub(super) drafts: Vec<Draft>,
    /// Normalised full names and surnames learned so far -> draft.
    pub(super) known: HashMap<String, usize>,
    /// Person entries already mentioned -> their latest draft.
    pub(super) seen: HashMap<u32, usize>,
}

pub(super) fn learn(state: &mut DocState, words: &[Word], s: usize, e: usize, draft: usize) {
    state.known.insert(name_key(words, s, e), draft);
    if e - s >= 2 {
        let last = &words[e - 1].norm;
        if last.chars().count() > 2 {
            state.known.insert(last.clone(), draft);
        }
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn push(
    state: &mut DocState,
    si: usize,
    words: &[Word],
    s: usize,
    e: usize,
    actor: Actor,
    via: Via,
    person: bool,
) -> Option<usize> {
    if s >= e || e > words.len() {
        return None;
    }
    let (start, end) = (words[s].start, words[e - 1].end);
    if state.drafts.iter().any(|d| d.start < end && start < d.end) {
        return None;
    }
    state.drafts.push(Draft {
        start,
        end,
        sentence: si,
        first_token: words[s].token,
        end_token: words[e - 1].token + 1,
        actor,
        via,
        person,
        subject: words[s..e]
            .iter()
            .any(|w| w.deprel.as_deref().is_none_or(|r| r.starts_with("nsubj"))),
    });
    Some(state.drafts.len() - 1)
}

/// Sorts drafts by span and turns them into mentions, remapping antecedents.
pub(super) fn finish(drafts: Vec<Draft>, doc: &Document) -> Vec<Mention> {
    let mut order: Vec<usize> = (0..drafts.len()).collect();
    order.sort_by_key(|&k| (drafts[k].start, drafts[k].end));
    let mut new_index = vec![0usize; drafts.len()];
    for (n, &k) in order.iter().enumerate() {
        new_index[k] = n;
    }
    let mut out = Vec::with_capacity(drafts.len());
    for &k in &order {
        let d = &drafts[k];
        let Ok(span) = Span::new(&doc.text, d.start, d.end) else { continue };
        let via = match &d.via {
            Via::Dict(entry) => MentionSource::Dictionary { entry: entry.clone() },
            Via::Rule(rule) => MentionSource::RolePattern { rule: (*rule).to_string() },
            Via::Coref(a) => MentionSource::Coreference { antecedent: new_index[*a] },
        };
        out.push(Mention {
            span,
            sentence: SentenceIdx(d.sentence as u32),
            first_token: TokenIdx(d.first_token as u32),
            end_token: TokenIdx(d.end_token as u32),
            actor: d.actor.clone(),
            via,
        });
    }
    out
}
