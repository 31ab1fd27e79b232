//! Time per document grows linearly with its length, whatever its shape:
//! each shape is coded by the whole pipeline at two sizes eight times apart,
//! and the larger may take at most twice eight times as long (quadratic
//! work would take sixty-four times as long). A ratio, not a time limit, so
//! that a slow or busy machine does not fail it; the speed itself is
//! measured by `parley bench`.

use std::time::{Duration, Instant};

use parley_doc::DocMeta;
use parley_pipeline::{Pipeline, Stages, StandardConfig, StandardPipeline};

fn pipeline() -> Pipeline {
    let config = StandardConfig {
        syntax_model: Some(parley_syntax::SyntaxModel::embedded().expect("model")),
        actors: Some(parley_actors::ActorDictionary::embedded().expect("actors")),
        events: Some(std::sync::Arc::new(
            parley_events::EventLexicon::embedded().expect("lexicon"),
        )),
        ..StandardConfig::default()
    };
    StandardPipeline::build(&config, Stages::LAST).expect("standard pipeline")
}

/// Repeats `unit` up to `bytes`, cut at a character boundary.
fn filled(unit: &str, bytes: usize) -> String {
    let mut text = unit.repeat(bytes / unit.len() + 1);
    let mut end = bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

fn time_to_code(pipeline: &Pipeline, text: String) -> Duration {
    let meta = DocMeta { date: Some("2024-07-11".to_string()), ..DocMeta::default() };
    let mut doc = parley_text::document_from_text(text, meta);
    let started = Instant::now();
    pipeline.run(&mut doc).expect("codes");
    started.elapsed()
}

#[test]
fn every_shape_codes_in_time_linear_in_its_length() {
    let pipeline = pipeline();
    let shapes = [
        ("a comma list of countries", "Russia, Ukraine, France, Kenya, China, "),
        ("one word without spaces", "x"),
        ("short lines", "Kyiv\n"),
        ("one endless sentence", "the police in Kyiv said Russia rejected talks and "),
        (
            "repeated sentences",
            "Russia rejected Ukraine's invitation to talks, the ministry said. ",
        ),
        ("nested brackets", "(["),
        ("a list of names", "President Vladimir Putin, Mr Putin, Zelensky, "),
    ];
    let small = 128 * 1024;
    let mut slow = Vec::new();
    for (shape, unit) in shapes {
        // The floor keeps timer noise on tiny times from making a ratio.
        let floor = Duration::from_millis(20);
        let short = time_to_code(&pipeline, filled(unit, small)).max(floor);
        let long = time_to_code(&pipeline, filled(unit, small * 8));
        let ratio = long.as_secs_f64() / short.as_secs_f64();
        eprintln!("{shape}: {short:?} for 128 KB, {long:?} for 1 MB, ratio {ratio:.1}");
        if ratio > 16.0 {
            slow.push(format!("{shape}: x{ratio:.1}"));
        }
    }
    assert!(slow.is_empty(), "time grows faster than the length: {slow:?}");
}
