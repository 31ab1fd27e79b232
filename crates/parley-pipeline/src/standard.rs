//! The standard parley pipeline: which stages run, in which order.

use std::sync::Arc;

use parley_actors::{ActorCoder, ActorDictionary, DomesticRules, PlaceRules};
use parley_events::{EventCoder, EventLexicon};
use parley_syntax::{SyntaxAnnotator, SyntaxModel};
use parley_text::{FurnitureLexicon, FurnitureRemover, SentenceSplitter};

use crate::{Pipeline, PipelineError};

/// How far to run the standard pipeline; each step includes those before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stages {
    /// Read and mark page furniture.
    Furniture,
    /// Also split sentences and tokens.
    Sentences,
    /// Also tag, lemmatise and parse.
    Syntax,
    /// Also find and code actor mentions.
    Actors,
    /// Also code events.
    Events,
}

impl Stages {
    /// The whole pipeline.
    pub const LAST: Stages = Stages::Events;
}

/// Models and options the standard stages are built from.
#[derive(Default, Clone)]
pub struct StandardConfig {
    /// The syntax model; required from [`Stages::Syntax`] on.
    pub syntax_model: Option<Arc<SyntaxModel>>,
    /// The actor dictionary; required from [`Stages::Actors`] on.
    pub actors: Option<Arc<ActorDictionary>>,
    /// The event lexicon; required from [`Stages::Events`] on.
    pub events: Option<Arc<EventLexicon>>,
    /// The page-furniture vocabulary; the embedded one when `None`.
    pub furniture: Option<Arc<FurnitureLexicon>>,
    /// Which actors are the document's own country's
    /// (data/actors/domestic.rules); the embedded rules when `None`.
    pub domestic: Option<Arc<DomesticRules>>,
    /// Places inside actor phrases (data/actors/places.rules: regions,
    /// office titles, place prepositions); the embedded rules when `None`.
    pub places: Option<Arc<PlaceRules>>,
}

/// Builds the standard pipeline.
pub struct StandardPipeline;

impl StandardPipeline {
    /// The stages up to and including `until`, in order.
    pub fn build(config: &StandardConfig, until: Stages) -> Result<Pipeline, PipelineError> {
        let remover = match &config.furniture {
            Some(lexicon) => FurnitureRemover::with_lexicon(lexicon.as_ref().clone()),
            None => FurnitureRemover::new(),
        };
        let mut builder = Pipeline::builder().stage(remover);
        if until >= Stages::Sentences {
            builder = builder.stage(SentenceSplitter::new());
        }
        if until >= Stages::Syntax {
            let model = config
                .syntax_model
                .clone()
                .ok_or(PipelineError::MissingModel { what: "syntax" })?;
            builder = builder.stage(SyntaxAnnotator::new(model));
        }
        if until >= Stages::Actors {
            let actors =
                config.actors.clone().ok_or(PipelineError::MissingModel { what: "actors" })?;
            let mut coder = match &config.domestic {
                Some(rules) => ActorCoder::with_domestic(actors, rules.as_ref().clone()),
                None => ActorCoder::new(actors),
            };
            if let Some(places) = &config.places {
                coder = coder.with_places(places.as_ref().clone());
            }
            builder = builder.stage(coder);
        }
        if until >= Stages::Events {
            let lexicon =
                config.events.clone().ok_or(PipelineError::MissingModel { what: "events" })?;
            builder = builder.stage(EventCoder::new(lexicon));
        }
        builder.build()
    }
}
