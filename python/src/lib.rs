//! Python bindings for parley: the `parley._native` extension module that
//! the `parley` Python package wraps.
//!
//! Nothing here codes text: records handed in from Python are read by
//! parley-text's JSON Lines reader and run through parley-pipeline's
//! standard pipeline, built from the model and dictionaries embedded in
//! the crates exactly as the `parley` binary builds it, and each result is
//! the JSON object the CLI prints, turned into Python objects. Coding
//! releases the GIL and runs on the pipeline's own worker threads, so a
//! list of documents codes in parallel while other Python threads go on.
//! The store is parley-store's, opened from a path or a `postgres://` URL.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::PyList;

mod convert;
mod run;
mod store;

create_exception!(
    _native,
    ParleyError,
    PyException,
    "A record could not be read or coded, a store could not be opened or read, or a model failed to load."
);

/// `(record index, message)` for each record that failed.
pub(crate) type Failures = Vec<(usize, String)>;

/// Worker threads to use: the number asked for, or one per core.
pub(crate) fn threads(asked: Option<usize>) -> usize {
    asked
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// Runs a task over JSON Lines records.
///
/// Returns `(outputs, indices, failures)`: the output records of every
/// document in input order, the index of the input record each came from,
/// and `(index, message)` for each record that failed.
#[pyfunction]
#[pyo3(signature = (lines, task, all = false, threads = None))]
fn run_records(
    py: Python<'_>,
    lines: Vec<String>,
    task: &str,
    all: bool,
    threads: Option<usize>,
) -> PyResult<(PyObject, PyObject, Failures)> {
    let task = match task {
        "sentences" => run::Task::Sentences,
        "parse" => run::Task::Parse,
        "actors" => run::Task::Actors,
        "events" => run::Task::Events { all },
        other => return Err(ParleyError::new_err(format!("unknown task {other:?}"))),
    };
    let threads = self::threads(threads);
    let outcome = py
        .allow_threads(|| run::run(&lines, task, threads, |_, _| Ok(())))
        .map_err(ParleyError::new_err)?;
    let outputs = PyList::empty(py);
    let indices = PyList::empty(py);
    for (index, records) in &outcome.done {
        for record in records {
            outputs.append(convert::to_py(py, record)?)?;
            indices.append(index)?;
        }
    }
    Ok((outputs.into_any().unbind(), indices.into_any().unbind(), outcome.failed))
}

/// Builds the pipeline for a task now (it is otherwise built on first use),
/// so that loading the model is not timed as coding, and a broken model
/// fails early.
#[pyfunction]
fn load(py: Python<'_>, task: &str) -> PyResult<()> {
    let stages = match task {
        "sentences" => parley_pipeline::Stages::Sentences,
        "parse" => parley_pipeline::Stages::Syntax,
        "actors" => parley_pipeline::Stages::Actors,
        _ => parley_pipeline::Stages::Events,
    };
    py.allow_threads(|| run::pipeline(stages).map(|_| ())).map_err(ParleyError::new_err)
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("ParleyError", m.py().get_type::<ParleyError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(run_records, m)?)?;
    m.add_function(wrap_pyfunction!(load, m)?)?;
    m.add_class::<store::NativeStore>()?;
    Ok(())
}
