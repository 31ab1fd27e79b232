//! Runs the standard pipeline over records handed in from Python.
//!
//! Each record arrives as one JSON Lines record (`{"id", "text" or "html",
//! "date", "source", "url", "title"}`) and is read by parley-text's JSON
//! Lines reader, so a record means exactly what the same line means to
//! `parley code`. The pipelines are built once per process from the
//! embedded model and dictionaries (as the binary does) and shared by
//! every call and thread.

use std::io::Cursor;
use std::sync::{Arc, OnceLock};

use parley_doc::Document;
use parley_pipeline::{output, Pipeline, PipelineError, Stages, StandardConfig, StandardPipeline};
use serde_json::Value;

/// What to produce for each document.
#[derive(Debug, Clone, Copy)]
pub enum Task {
    /// Sentences as `parley sentences --json` prints them.
    Sentences,
    /// CoNLL-U as `parley parse` prints it, one string per document.
    Parse,
    /// Actor mentions as `parley actors` prints them.
    Actors,
    /// Events as `parley code` prints them (`--all` when `all`).
    Events {
        /// Also negated, hypothetical, conditional and questioned events.
        all: bool,
    },
}

impl Task {
    /// How far the pipeline runs for this task.
    pub fn stages(self) -> Stages {
        match self {
            Task::Sentences => Stages::Sentences,
            Task::Parse => Stages::Syntax,
            Task::Actors => Stages::Actors,
            Task::Events { .. } => Stages::Events,
        }
    }

    /// The records of one coded document.
    fn records(self, doc: &Document) -> Vec<Value> {
        match self {
            Task::Sentences => {
                let mut out = Vec::new();
                // Writing to memory cannot fail.
                let _ = output::write_sentences_json(doc, &mut out);
                String::from_utf8_lossy(&out)
                    .lines()
                    .filter_map(|line| serde_json::from_str(line).ok())
                    .collect()
            }
            Task::Parse => {
                let mut text = String::new();
                parley_syntax::write_conllu(doc, &mut text);
                vec![Value::String(text)]
            }
            Task::Actors => {
                doc.mentions.iter().map(|m| parley_actors::mention_json(doc, m)).collect()
            }
            Task::Events { all } => doc
                .events
                .iter()
                .filter(|e| all || parley_events::is_default_output(e))
                .map(|e| parley_events::event_json(doc, e))
                .collect(),
        }
    }
}

/// A record that could not be read or coded.
#[derive(Debug)]
pub struct Failure(pub String);

impl From<PipelineError> for Failure {
    fn from(err: PipelineError) -> Failure {
        Failure(describe(&err))
    }
}

/// An error and its causes on one line, each cause once (as the CLI prints them).
pub fn describe(err: &(dyn std::error::Error + 'static)) -> String {
    let mut message = err.to_string();
    let mut cause = err.source();
    while let Some(next) = cause {
        let text = next.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        cause = next.source();
    }
    message
}

/// The standard pipeline up to `stages`, built on first use.
pub fn pipeline(stages: Stages) -> Result<&'static Pipeline, String> {
    static BUILT: [OnceLock<Result<Pipeline, String>>; 5] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = &BUILT[stages as usize];
    slot.get_or_init(|| build(stages)).as_ref().map_err(Clone::clone)
}

fn build(stages: Stages) -> Result<Pipeline, String> {
    let syntax_model = if stages >= Stages::Syntax {
        Some(
            parley_syntax::SyntaxModel::embedded()
                .map_err(|e| format!("loading the embedded syntax model: {}", describe(&e)))?,
        )
    } else {
        None
    };
    let actors = if stages >= Stages::Actors {
        Some(
            parley_actors::ActorDictionary::embedded()
                .map_err(|e| format!("loading the embedded actors: {}", describe(&e)))?,
        )
    } else {
        None
    };
    let events = if stages >= Stages::Events {
        Some(Arc::new(
            parley_events::EventLexicon::embedded()
                .map_err(|e| format!("loading the embedded event lexicon: {}", describe(&e)))?,
        ))
    } else {
        None
    };
    let config = StandardConfig {
        syntax_model,
        actors,
        events,
        furniture: None,
        domestic: None,
        places: None,
    };
    StandardPipeline::build(&config, stages).map_err(|e| describe(&e))
}

/// Reads record `index` (one JSON Lines record) into a document.
pub fn read_record(index: usize, line: &str) -> Result<Document, Failure> {
    let origin = format!("record {index}");
    match parley_text::read_jsonl(Cursor::new(line.as_bytes()), &origin).next() {
        Some(Ok(doc)) => Ok(doc),
        Some(Err(err)) => Err(Failure(describe(&err))),
        None => Err(Failure(format!("{origin}: empty record"))),
    }
}

/// What one call produced: for each record that worked, its index and
/// records; for each that failed, its index and why.
#[derive(Default)]
pub struct Outcome {
    /// `(record index, output records)` in input order.
    pub done: Vec<(usize, Vec<Value>)>,
    /// `(record index, message)` in input order.
    pub failed: Vec<(usize, String)>,
}

/// Runs `task` over the records on `threads` worker threads, calling
/// `each` with every coded document in input order (the store's ingest
/// hooks in here).
pub fn run(
    lines: &[String],
    task: Task,
    threads: usize,
    mut each: impl FnMut(usize, &Document) -> Result<(), String>,
) -> Result<Outcome, String> {
    let pipeline = pipeline(task.stages())?;
    let inputs = lines.iter().enumerate().map(|(index, line)| read_record(index, line));
    let mut outcome = Outcome::default();
    let mut index = 0usize;
    pipeline.run_many(inputs, threads, |result| {
        match result {
            Ok(doc) => match each(index, &doc) {
                Ok(()) => outcome.done.push((index, task.records(&doc))),
                Err(message) => outcome.failed.push((index, message)),
            },
            Err(Failure(message)) => outcome.failed.push((index, message)),
        }
        index += 1;
    });
    Ok(outcome)
}
