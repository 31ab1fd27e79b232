use std::collections::BTreeSet;
use std::sync::mpsc;
use std::thread;

use parley_doc::{Annotator, DocError, Document, Layer};
use thiserror::Error;

/// Layers every reader fills: the text and its blocks.
pub const READER_LAYERS: &[Layer] = &[Layer::Text, Layer::Blocks];

/// Errors of building or running a pipeline.
#[derive(Debug, Error)]
pub enum PipelineError {
    /// A stage needs a layer that no earlier stage writes.
    #[error("stage {stage} needs layer {layer}, which no reader or earlier stage writes")]
    MissingLayer {
        /// The stage that cannot run.
        stage: &'static str,
        /// The layer it lacks.
        layer: Layer,
    },
    /// A stage failed on a document.
    #[error(transparent)]
    Stage(#[from] DocError),
}

/// Builds a [`Pipeline`], checking stage order as stages are added.
#[derive(Default)]
pub struct PipelineBuilder {
    stages: Vec<Box<dyn Annotator>>,
}

impl PipelineBuilder {
    /// Appends a stage.
    #[must_use]
    pub fn stage(mut self, stage: impl Annotator + 'static) -> PipelineBuilder {
        self.stages.push(Box::new(stage));
        self
    }

    /// Appends a boxed stage.
    #[must_use]
    pub fn boxed_stage(mut self, stage: Box<dyn Annotator>) -> PipelineBuilder {
        self.stages.push(stage);
        self
    }

    /// Checks that each stage's requirements are met by the readers and the
    /// stages before it, and returns the pipeline.
    pub fn build(self) -> Result<Pipeline, PipelineError> {
        let mut present: BTreeSet<Layer> = READER_LAYERS.iter().copied().collect();
        for stage in &self.stages {
            if let Some(&layer) = stage.requires().iter().find(|layer| !present.contains(layer)) {
                return Err(PipelineError::MissingLayer { stage: stage.name(), layer });
            }
            present.extend(stage.assigns().iter().copied());
        }
        Ok(Pipeline { stages: self.stages })
    }
}

/// Stages in order; runs documents through them.
pub struct Pipeline {
    stages: Vec<Box<dyn Annotator>>,
}

impl Pipeline {
    /// A builder with no stages.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Names of the stages, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|stage| stage.name()).collect()
    }

    /// Runs every stage on one document.
    pub fn run(&self, doc: &mut Document) -> Result<(), PipelineError> {
        for stage in &self.stages {
            stage.annotate(doc)?;
        }
        Ok(())
    }

    /// Runs many documents on `threads` worker threads and calls `sink`
    /// with each result in input order. Inputs that failed to read are
    /// passed through as they are; the error type only needs to absorb
    /// pipeline errors.
    ///
    /// Workers pull documents as they free up, so one huge document does
    /// not hold the others back; results wait in a small reorder buffer.
    pub fn run_many<I, E, S>(&self, inputs: I, threads: usize, mut sink: S)
    where
        I: IntoIterator<Item = Result<Document, E>>,
        I::IntoIter: Send,
        E: From<PipelineError> + Send,
        S: FnMut(Result<Document, E>),
    {
        let threads = threads.max(1);
        if threads == 1 {
            for input in inputs {
                sink(input.and_then(|mut doc| self.run(&mut doc).map(|()| doc).map_err(E::from)));
            }
            return;
        }
        let inputs = std::sync::Mutex::new(inputs.into_iter().enumerate());
        let (done_tx, done_rx) = mpsc::channel::<(usize, Result<Document, E>)>();
        thread::scope(|scope| {
            for _ in 0..threads {
                let done_tx = done_tx.clone();
                let inputs = &inputs;
                scope.spawn(move || loop {
                    // Reading happens under the lock so input order is kept.
                    let next = match inputs.lock() {
                        Ok(mut iter) => iter.next(),
                        Err(_) => None,
                    };
                    let Some((index, input)) = next else { break };
                    let result =
                        input.and_then(|mut doc| self.run(&mut doc).map(|()| doc).map_err(E::from));
                    if done_tx.send((index, result)).is_err() {
                        break;
                    }
                });
            }
            drop(done_tx);
            let mut pending = std::collections::BTreeMap::new();
            let mut next_index = 0;
            for (index, result) in done_rx {
                pending.insert(index, result);
                while let Some(result) = pending.remove(&next_index) {
                    sink(result);
                    next_index += 1;
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parley_doc::DocMeta;

    struct Stage {
        name: &'static str,
        requires: &'static [Layer],
        assigns: &'static [Layer],
        fail_on: Option<&'static str>,
    }

    impl Annotator for Stage {
        fn name(&self) -> &'static str {
            self.name
        }
        fn requires(&self) -> &'static [Layer] {
            self.requires
        }
        fn assigns(&self) -> &'static [Layer] {
            self.assigns
        }
        fn annotate(&self, doc: &mut Document) -> Result<(), DocError> {
            if self.fail_on == Some(doc.meta.id.as_str()) {
                return Err(DocError::Stage {
                    stage: self.name,
                    doc_id: doc.meta.id.clone(),
                    message: "refused".into(),
                });
            }
            doc.meta.title = Some(format!("{}+{}", doc.meta.title.take().unwrap_or_default(), self.name));
            Ok(())
        }
    }

    fn stage(name: &'static str, requires: &'static [Layer], assigns: &'static [Layer]) -> Stage {
        Stage { name, requires, assigns, fail_on: None }
    }

    #[test]
    fn builder_rejects_a_stage_before_its_inputs() {
        let result = Pipeline::builder()
            .stage(stage("parse", &[Layer::Sentences], &[Layer::Dependencies]))
            .stage(stage("split", &[Layer::Blocks], &[Layer::Sentences]))
            .build();
        match result {
            Err(PipelineError::MissingLayer { stage, layer }) => {
                assert_eq!(stage, "parse");
                assert_eq!(layer, Layer::Sentences);
            }
            _ => panic!("expected a missing layer"),
        }
        let ordered = Pipeline::builder()
            .stage(stage("split", &[Layer::Blocks], &[Layer::Sentences]))
            .stage(stage("parse", &[Layer::Sentences], &[Layer::Dependencies]))
            .build()
            .expect("ordered");
        assert_eq!(ordered.stage_names(), ["split", "parse"]);
    }

    #[derive(Debug)]
    struct TestError(String);
    impl From<PipelineError> for TestError {
        fn from(err: PipelineError) -> Self {
            TestError(err.to_string())
        }
    }

    fn docs(n: usize) -> Vec<Result<Document, TestError>> {
        (0..n)
            .map(|i| {
                if i == 3 {
                    Err(TestError("unreadable".into()))
                } else {
                    let meta = DocMeta { id: format!("d{i}"), ..DocMeta::default() };
                    Ok(Document::new(meta, "text".into()))
                }
            })
            .collect()
    }

    #[test]
    fn run_many_keeps_order_and_goes_on_after_failures() {
        for threads in [1, 4] {
            let pipeline = Pipeline::builder()
                .stage(Stage { fail_on: Some("d5"), ..stage("a", &[Layer::Text], &[]) })
                .stage(stage("b", &[Layer::Text], &[]))
                .build()
                .expect("ordered");
            let mut seen = Vec::new();
            pipeline.run_many(docs(20), threads, |result| {
                seen.push(match result {
                    Ok(doc) => format!("{}{}", doc.meta.id, doc.meta.title.unwrap_or_default()),
                    Err(TestError(msg)) => msg,
                })
            });
            assert_eq!(seen.len(), 20);
            assert_eq!(seen[0], "d0+a+b");
            assert_eq!(seen[3], "unreadable");
            assert!(seen[5].contains("refused"), "{}", seen[5]);
            assert_eq!(seen[19], "d19+a+b");
        }
    }
}
