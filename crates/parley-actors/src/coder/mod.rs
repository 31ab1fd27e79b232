//! The actor stage: dictionary matching over words, role patterns,
//! within-document coreference, and the mentions they make.
//!
//! One module a job: [`matching`] finds words and dictionary pieces,
//! [`roles`] reads a phrase into an actor, [`context`] supplies what the
//! phrase leaves out from the sentence or document, and [`coreference`]
//! keeps what the document has named so far; [`places`] reads the places
//! inside phrases (a state before an office title, a capital after a
//! place preposition, the sentence's place, a country that is a first name).

mod context;
mod coreference;
mod disambiguation;
mod domestic;
mod groups;
mod labels;
mod matching;
mod places;
mod roles;
mod state;

use std::sync::Arc;

use parley_doc::{Annotator, DocError, Document, Layer, Mention};

use crate::dictionary::{parse_date, ActorDictionary};
use coreference::{
    agent_it, latest_speaking_body, pronoun_antecedent, pronoun_is_subject, reports,
};
pub use domestic::DomesticRules;
use labels::Labels;
use matching::{find_pieces, name_end, sentence_words, Word};
pub use places::PlaceRules;
use state::{finish, push, DocState, Via};

/// Codes actor mentions in documents: implements [`Annotator`].
///
/// Stateless across documents: what a document teaches (a person named
/// through a role pattern, a surname) is kept only while it is coded.
#[derive(Debug, Clone)]
pub struct ActorCoder {
    pub(super) dict: Arc<ActorDictionary>,
    pub(super) domestic: Arc<DomesticRules>,
    pub(super) places: Arc<PlaceRules>,
    labels: Arc<Labels>,
}

impl ActorCoder {
    /// A coder over a dictionary.
    pub fn new(dict: Arc<ActorDictionary>) -> ActorCoder {
        ActorCoder::with_domestic(dict, DomesticRules::embedded())
    }

    /// A coder over a dictionary, with its own rules for which actors are
    /// the document's country's.
    pub fn with_domestic(dict: Arc<ActorDictionary>, domestic: DomesticRules) -> ActorCoder {
        let labels = Arc::new(Labels::new(&dict));
        let places = Arc::new(PlaceRules::embedded());
        ActorCoder { dict, domestic: Arc::new(domestic), places, labels }
    }

    /// The same coder with its own places rules (sub-national units,
    /// office titles, place prepositions, given names).
    pub fn with_places(mut self, places: PlaceRules) -> ActorCoder {
        self.places = Arc::new(places);
        self
    }

    /// The dictionary it codes with.
    pub fn dictionary(&self) -> &ActorDictionary {
        &self.dict
    }

    /// Finds and codes every actor mention of a document, sorted by span;
    /// writes nothing.
    pub fn code(&self, doc: &Document) -> Vec<Mention> {
        let date = doc.meta.date.as_deref().and_then(|d| parse_date(d, false));
        let mut state = DocState::default();
        state.home = self.doc_country(doc);
        for (si, sentence) in doc.sentences.iter().enumerate() {
            if doc.is_furniture(sentence.span) {
                continue;
            }
            let words = sentence_words(doc, sentence.token_range());
            if words.is_empty() {
                continue;
            }
            state.begin_sentence(si, words.len());
            self.code_sentence(si, &words, date, &mut state);
        }
        finish(state.drafts, doc, &self.labels)
    }

    fn code_sentence(&self, si: usize, words: &[Word], date: Option<u32>, state: &mut DocState) {
        let mut pieces = find_pieces(&self.dict, words);
        let mut piece_at: Vec<Option<usize>> = vec![None; words.len()];
        for (k, p) in pieces.iter().enumerate() {
            piece_at[p.start] = Some(k);
        }
        self.resolve_surnames(words, &mut pieces, &mut piece_at, state, date);
        state.place = self.sentence_place(words, &pieces, &piece_at);
        let mut i = 0;
        while i < words.len() {
            if let Some(len) = self.definite_agent(si, words, i, state) {
                i += len;
                continue;
            }
            if let Some(end) = self.regional(si, words, &pieces, &piece_at, i, date, state) {
                i = end.max(i + 1);
                continue;
            }
            // "the allies", "leaders" (at a summit): the bloc named nearby
            // (before the dictionary, which knows "leaders" only as a role).
            if let Some((end, window)) = groups::group_at(words, i) {
                if let Some(ante) = groups::latest_bloc(state, si, window) {
                    let actor = state.drafts[ante].actor.clone();
                    if push(state, si, words, i, end, actor, Via::Coref(ante), false).is_some() {
                        i = end;
                        continue;
                    }
                }
            }
            if let Some(k) = piece_at[i] {
                if let Some(end) = self
                    .place_as_first_name(words, &pieces, &piece_at, k)
                    .or_else(|| self.given_name(words, &pieces, &piece_at, k))
                {
                    i = end;
                    continue;
                }
                let end = self.chain(si, words, &pieces, &piece_at, k, date, state, None);
                i = end.max(i + 1);
                continue;
            }
            let w = &words[i];
            if (w.norm == "he" || w.norm == "she") && pronoun_is_subject(words, i) {
                if let Some(ante) = pronoun_antecedent(state, si) {
                    let actor = state.drafts[ante].actor.clone();
                    push(state, si, words, i, i + 1, actor, Via::Coref(ante), true);
                }
                i += 1;
                continue;
            }
            // "..., it said": a statement by the organisation or state last
            // the subject of a sentence before this one.
            if w.norm == "it" && (reports(words, i) || agent_it(words, i)) {
                if let Some(ante) = latest_speaking_body(state, si) {
                    let actor = state.drafts[ante].actor.clone();
                    push(state, si, words, i, i + 1, actor, Via::Coref(ante), false);
                }
                i += 1;
                continue;
            }
            if let Some(end) = name_end(words, i, &piece_at) {
                i = self.name(si, words, &pieces, &piece_at, i, end, date, state);
                continue;
            }
            i += 1;
        }
        self.adopt_orphans(si, words, state);
    }
}

impl Annotator for ActorCoder {
    fn name(&self) -> &'static str {
        "actors"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Mentions]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), DocError> {
        let mentions = self.code(doc);
        tracing::debug!(doc_id = %doc.meta.id, mentions = mentions.len(), "coded actors");
        doc.mentions = mentions;
        Ok(())
    }
}
