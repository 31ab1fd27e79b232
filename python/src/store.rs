//! parley-store from Python: open a store (SQLite path or `postgres://`
//! URL), read events with the CLI's filters, stories and quotes, and ingest
//! records coded by the standard pipeline.

use std::sync::{Mutex, MutexGuard};

use parley_store::{EventFilter, IngestOutcome, Store};
use pyo3::prelude::*;
use pyo3::types::PyList;
use serde::Serialize;

use crate::convert::to_py;
use crate::run::{self, describe, Task};
use crate::ParleyError;

fn is_url(target: &str) -> bool {
    target.starts_with("postgres://") || target.starts_with("postgresql://")
}

/// One open store. The connection is not shared between threads; calls
/// take turns on it (and release the GIL while they wait and work).
#[pyclass(module = "parley._native", frozen)]
pub struct NativeStore {
    inner: Mutex<Store>,
}

impl NativeStore {
    fn store(&self) -> PyResult<MutexGuard<'_, Store>> {
        self.inner
            .lock()
            .map_err(|_| ParleyError::new_err("the store was left broken by a failed call"))
    }
}

fn json<T: Serialize>(py: Python<'_>, value: &T) -> PyResult<PyObject> {
    let value = serde_json::to_value(value).map_err(|e| ParleyError::new_err(e.to_string()))?;
    to_py(py, &value)
}

fn list<T: Serialize>(py: Python<'_>, rows: &[T]) -> PyResult<PyObject> {
    let out = PyList::empty(py);
    for row in rows {
        out.append(json(py, row)?)?;
    }
    Ok(out.into_any().unbind())
}

fn store_err(what: &str) -> impl Fn(parley_store::StoreError) -> PyErr + '_ {
    move |err| ParleyError::new_err(format!("{what}: {}", describe(&err)))
}

#[pymethods]
impl NativeStore {
    /// Opens the store at `target`; a file that does not exist is an
    /// error unless `create`.
    #[new]
    #[pyo3(signature = (target, create = false))]
    fn new(py: Python<'_>, target: String, create: bool) -> PyResult<NativeStore> {
        if !create
            && !is_url(&target)
            && target != ":memory:"
            && !std::path::Path::new(&target).exists()
        {
            return Err(ParleyError::new_err(format!(
                "no store at {target}: run `parley ingest PATH... --db {target}` first, or pass create=True"
            )));
        }
        let store = py.allow_threads(|| Store::open(&target)).map_err(|e| {
            ParleyError::new_err(format!("opening store {target}: {}", describe(&e)))
        })?;
        Ok(NativeStore { inner: Mutex::new(store) })
    }

    /// Merged events matching the filter (the CLI's `parley events`
    /// options); returns `(events, next_cursor)`.
    #[pyo3(signature = (actor=None, recipient=None, event_type=None, since=None, until=None, story=None, modality=None, cursor=None, limit=100))]
    #[allow(clippy::too_many_arguments)]
    fn events(
        &self,
        py: Python<'_>,
        actor: Option<String>,
        recipient: Option<String>,
        event_type: Option<String>,
        since: Option<String>,
        until: Option<String>,
        story: Option<i64>,
        modality: Option<String>,
        cursor: Option<String>,
        limit: usize,
    ) -> PyResult<(PyObject, Option<String>)> {
        let filter = EventFilter {
            actor,
            recipient,
            event_type,
            since,
            until,
            story,
            modality,
            cursor,
            limit: Some(limit),
        };
        let page = py
            .allow_threads(|| self.store().map(|s| s.events(&filter)))?
            .map_err(store_err("querying events"))?;
        Ok((list(py, &page.events)?, page.next))
    }

    /// Every story.
    fn stories(&self, py: Python<'_>) -> PyResult<PyObject> {
        let rows = py
            .allow_threads(|| self.store().map(|s| s.stories()))?
            .map_err(store_err("reading stories"))?;
        list(py, &rows)
    }

    /// One story in full (timeline, actors, quotes, outlets), or `None`.
    fn story(&self, py: Python<'_>, id: i64) -> PyResult<PyObject> {
        let story = py
            .allow_threads(|| self.store().map(|s| s.story(id)))?
            .map_err(store_err("reading a story"))?;
        match story {
            Some(story) => json(py, &story),
            None => Ok(py.None()),
        }
    }

    /// Quotes, of one speaker (actor code or name) when given.
    #[pyo3(signature = (speaker=None))]
    fn quotes(&self, py: Python<'_>, speaker: Option<String>) -> PyResult<PyObject> {
        let rows = py
            .allow_threads(|| self.store().map(|s| s.quotes(speaker.as_deref())))?
            .map_err(store_err("reading quotes"))?;
        list(py, &rows)
    }

    /// How many documents, sentences, mentions, reports, events, stories and quotes.
    fn counts(&self, py: Python<'_>) -> PyResult<PyObject> {
        let counts = py
            .allow_threads(|| self.store().map(|s| s.counts()))?
            .map_err(store_err("counting"))?;
        json(py, &counts)
    }

    /// Codes JSON Lines records and stores each document (as `parley
    /// ingest` does: each merged into its events and placed in a story as
    /// it is stored). Returns `(outcomes, events, failures)`:
    /// each stored record's index and outcome, the events `parley code`
    /// prints for them with their record indices, and `(index, message)`
    /// for each record that failed.
    #[pyo3(signature = (lines, threads=None))]
    fn ingest(
        &self,
        py: Python<'_>,
        lines: Vec<String>,
        threads: Option<usize>,
    ) -> PyResult<(PyObject, PyObject, PyObject, crate::Failures)> {
        let threads = crate::threads(threads);
        let mut outcomes: Vec<(usize, IngestOutcome)> = Vec::new();
        let outcome = py.allow_threads(|| {
            let mut store = self.store().map_err(|e| e.to_string())?;
            run::run(&lines, Task::Events { all: false }, threads, |index, doc| {
                match store.ingest(doc) {
                    Ok(done) => {
                        outcomes.push((index, done));
                        Ok(())
                    }
                    Err(err) if err.is_user_error() => Err(describe(&err)),
                    // A broken store fails every later record too: say so on each.
                    Err(err) => Err(format!("store: {}", describe(&err))),
                }
            })
        });
        let outcome = outcome.map_err(ParleyError::new_err)?;
        let stored = PyList::empty(py);
        for (index, done) in &outcomes {
            stored.append((index, json(py, done)?))?;
        }
        let events = PyList::empty(py);
        let indices = PyList::empty(py);
        for (index, records) in &outcome.done {
            for record in records {
                events.append(to_py(py, record)?)?;
                indices.append(index)?;
            }
        }
        Ok((
            stored.into_any().unbind(),
            events.into_any().unbind(),
            indices.into_any().unbind(),
            outcome.failed,
        ))
    }

    /// Merges reports of one event and groups documents into stories;
    /// returns the number of stories.
    fn rebuild_stories(&self, py: Python<'_>) -> PyResult<usize> {
        py.allow_threads(|| self.store().map(|mut s| s.rebuild_stories()))?
            .map_err(store_err("rebuilding stories"))
    }
}
