use std::collections::{BTreeMap, BTreeSet};
use std::sync::{mpsc, Mutex};
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
    /// An input could not be read.
    #[error("{0}")]
    Input(String),
    /// A stage was asked for without the model it needs.
    #[error("the {what} stage needs a model and none was given")]
    MissingModel {
        /// Which model.
        what: &'static str,
    },
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
    /// The calling thread reads the inputs (so a reader need not be `Send`)
    /// and feeds a small bounded queue; workers take documents as they free
    /// up, so one huge document does not hold the others back, and results
    /// wait in a reorder buffer until their turn.
    pub fn run_many<I, E, S>(&self, inputs: I, threads: usize, mut sink: S)
    where
        I: IntoIterator<Item = Result<Document, E>>,
        E: From<PipelineError> + Send,
        S: FnMut(Result<Document, E>),
    {
        let threads = threads.max(1);
        if threads == 1 {
            for input in inputs {
                sink(self.run_one(input));
            }
            return;
        }
        let (work_tx, work_rx) = mpsc::sync_channel::<(usize, Result<Document, E>)>(threads * 2);
        let work_rx = Mutex::new(work_rx);
        let (done_tx, done_rx) = mpsc::channel::<(usize, Result<Document, E>)>();
        thread::scope(|scope| {
            for _ in 0..threads {
                let done_tx = done_tx.clone();
                let work_rx = &work_rx;
                scope.spawn(move || loop {
                    let next = match work_rx.lock() {
                        Ok(queue) => queue.recv(),
                        Err(_) => break,
                    };
                    let Ok((index, input)) = next else { break };
                    if done_tx.send((index, self.run_one(input))).is_err() {
                        break;
                    }
                });
            }
            drop(done_tx);
            let mut reorder = Reorder::new();
            for item in inputs.into_iter().enumerate() {
                if work_tx.send(item).is_err() {
                    break;
                }
                while let Ok((index, result)) = done_rx.try_recv() {
                    reorder.push(index, result, &mut sink);
                }
            }
            drop(work_tx);
            for (index, result) in done_rx {
                reorder.push(index, result, &mut sink);
            }
        });
    }

    /// Runs every stage on one document, adding each stage's time to
    /// `times[i]` (one slot per stage, in order).
    pub fn run_timed(
        &self,
        doc: &mut Document,
        times: &mut [(&'static str, std::time::Duration)],
    ) -> Result<(), PipelineError> {
        for (stage, slot) in self.stages.iter().zip(times.iter_mut()) {
            let started = std::time::Instant::now();
            stage.annotate(doc)?;
            slot.1 += started.elapsed();
        }
        Ok(())
    }

    fn run_one<E: From<PipelineError>>(&self, input: Result<Document, E>) -> Result<Document, E> {
        let mut doc = input?;
        self.run(&mut doc)?;
        Ok(doc)
    }
}

/// Holds results that finished early until those before them are out.
struct Reorder<T> {
    pending: BTreeMap<usize, T>,
    next: usize,
}

impl<T> Reorder<T> {
    fn new() -> Reorder<T> {
        Reorder { pending: BTreeMap::new(), next: 0 }
    }

    fn push(&mut self, index: usize, item: T, sink: &mut impl FnMut(T)) {
        self.pending.insert(index, item);
        while let Some(item) = self.pending.remove(&self.next) {
            sink(item);
            self.next += 1;
        }
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
            doc.meta.title =
                Some(format!("{}+{}", doc.meta.title.take().unwrap_or_default(), self.name));
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
