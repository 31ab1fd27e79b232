//! The whole pipeline on one plain-text document: readers, furniture,
//! sentences, tagging and parsing, actors and events, with the embedded
//! model and dictionaries (loaded once).
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use parley_doc::DocMeta;
use parley_pipeline::{Pipeline, StandardConfig, StandardPipeline, Stages};

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        let config = StandardConfig {
            syntax_model: Some(parley_syntax::SyntaxModel::embedded().expect("model")),
            actors: Some(parley_actors::ActorDictionary::embedded().expect("actors")),
            events: Some(std::sync::Arc::new(parley_events::EventLexicon::embedded().expect("lexicon"))),
            ..StandardConfig::default()
        };
        StandardPipeline::build(&config, Stages::LAST).expect("standard pipeline")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if parley_text::check_str(text, "fuzz").is_err() {
        return;
    }
    let meta = DocMeta { date: Some("2024-07-11".to_string()), ..DocMeta::default() };
    let mut doc = parley_text::document_from_text(text.to_string(), meta);
    let _ = pipeline().run(&mut doc);
    for event in &doc.events {
        assert!(doc.text.get(event.trigger.span.range()).is_some());
    }
});
