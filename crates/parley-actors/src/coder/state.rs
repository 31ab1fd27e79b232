//! What the coder keeps while it codes one document: the drafts of
//! mentions so far, and indexes over them (by name, by person, by role, by
//! sector, the countries of this and the last sentence) so that every
//! lookup back into the document costs the same however long it is.

use std::collections::HashMap;

use parley_doc::{Actor, Document, Mention, MentionSource, SentenceIdx, Span, TokenIdx};

use super::domestic::DocCountry;
use super::labels::Labels;
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
    /// The bytes that gave the actor its country, when they lie outside
    /// the mention (a dateline, a region, the sentence's place).
    pub(super) country_from: Option<(usize, usize)>,
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

/// The drafts with a country in one sentence: the one that starts last,
/// and whether they all name the same country.
#[derive(Debug, Default, Clone)]
pub(super) struct CountryRun {
    /// The sentence the run is about.
    pub(super) sentence: usize,
    /// The draft with a country that starts last.
    pub(super) last: Option<usize>,
    /// Two drafts of the run name different countries.
    pub(super) mixed: bool,
}

/// Everything one document has taught the coder so far. Drafts are pushed
/// sentence by sentence, so those of the current sentence are
/// `drafts[sentence_first..]`.
#[derive(Debug, Default)]
pub(super) struct DocState {
    pub(super) orphans: Vec<Orphan>,
    pub(super) drafts: Vec<Draft>,
    /// Normalised full names and surnames learned so far -> draft.
    pub(super) known: HashMap<String, usize>,
    /// Person entries already mentioned -> their latest draft.
    pub(super) seen: HashMap<u32, usize>,
    /// The sentence being coded, and the first of its drafts.
    pub(super) sentence: usize,
    pub(super) sentence_first: usize,
    /// Words of the current sentence already inside a draft.
    taken: Vec<bool>,
    /// The latest draft of a named person.
    pub(super) last_person: Option<usize>,
    /// The latest draft of a named person that is a clause subject.
    pub(super) last_subject_person: Option<usize>,
    /// The latest non-person subject draft (a state or body speaking), and
    /// the latest one before the current sentence.
    last_body: Option<usize>,
    pub(super) body_before: Option<usize>,
    /// The latest draft with a country, by sector ("MIL", "COP").
    pub(super) last_of_sector: HashMap<String, usize>,
    /// Countries of the current sentence's drafts, and of the sentence before.
    pub(super) here: CountryRun,
    pub(super) before: CountryRun,
    /// Latest named person draft by role, and by (country, role).
    pub(super) by_role: HashMap<String, usize>,
    pub(super) by_country_role: HashMap<(String, String), usize>,
    /// The document's own country: its dateline, the countries it names.
    pub(super) home: DocCountry,
    /// Where the current sentence happens: the one country named after a
    /// place preposition, with the bytes that name it.
    pub(super) place: Option<(String, (usize, usize))>,
}

impl DocState {
    /// Starts sentence `si` of `words` words.
    pub(super) fn begin_sentence(&mut self, si: usize, words: usize) {
        self.sentence = si;
        self.sentence_first = self.drafts.len();
        self.taken.clear();
        self.taken.resize(words, false);
        self.body_before = self.last_body;
        let here = std::mem::take(&mut self.here);
        self.before = if here.sentence + 1 == si { here } else { CountryRun::default() };
        self.here = CountryRun { sentence: si, ..CountryRun::default() };
    }

    /// The drafts of the current sentence.
    pub(super) fn this_sentence(&self) -> &[Draft] {
        &self.drafts[self.sentence_first..]
    }

    /// The document's country for an actor whose phrase names none, with
    /// the rule that chose it and the bytes that say it: the dateline's;
    /// else the country named most, if one is named more than any other
    /// (its first naming).
    pub(super) fn home_country(&self) -> Option<(String, &'static str, (usize, usize))> {
        if let Some((c, span)) = &self.home.dateline {
            return Some((c.clone(), "domestic-dateline", *span));
        }
        let most = self.home.named.values().map(|&(n, _)| n).max()?;
        let mut top = self.home.named.iter().filter(|(_, &(n, _))| n == most);
        match (top.next(), top.next()) {
            (Some((c, &(_, span))), None) => Some((c.clone(), "domestic-most-named", span)),
            _ => None,
        }
    }

    /// Adds a draft to every index.
    fn index(&mut self, k: usize) {
        let d = &self.drafts[k];
        if d.person && d.actor.name.is_some() {
            self.last_person = Some(k);
            if d.subject {
                self.last_subject_person = Some(k);
            }
            if let Some(role) = &d.actor.role {
                self.by_role.insert(role.clone(), k);
                if let Some(c) = &d.actor.country {
                    self.by_country_role.insert((c.clone(), role.clone()), k);
                }
            }
        }
        if !d.person && d.subject {
            self.last_body = Some(k);
        }
        if let Some(country) = &d.actor.country {
            if let Some(sector) = &d.actor.sector {
                self.last_of_sector.insert(sector.clone(), k);
            }
            match self.here.last {
                None => self.here.last = Some(k),
                Some(last) => {
                    let before = &self.drafts[last];
                    if before.actor.country.as_ref() != Some(country) {
                        self.here.mixed = true;
                    }
                    if d.start > before.start {
                        self.here.last = Some(k);
                    }
                }
            }
        }
    }
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

/// Adds a draft over words `[s, e)` of the current sentence unless it
/// overlaps one already there; returns its index.
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
    if s >= e || e > words.len() || e > state.taken.len() {
        return None;
    }
    // Drafts of other sentences cannot overlap: sentences do not.
    if state.taken[s..e].iter().any(|&t| t) {
        return None;
    }
    state.taken[s..e].fill(true);
    let (start, end) = (words[s].start, words[e - 1].end);
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
        country_from: None,
    });
    let k = state.drafts.len() - 1;
    state.index(k);
    Some(k)
}

/// Sorts drafts by span and turns them into mentions, remapping antecedents.
/// Every mention gets a readable name: the person's or organisation's,
/// else one made from its code ("Russia: government").
pub(super) fn finish(drafts: Vec<Draft>, doc: &Document, labels: &Labels) -> Vec<Mention> {
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
            actor: Actor { name: Some(labels.name_of(&d.actor)), ..d.actor.clone() },
            via,
            country_from: d.country_from.and_then(|(s, e)| Span::new(&doc.text, s, e).ok()),
        });
    }
    out
}
