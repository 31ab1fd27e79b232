use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, TryLockError};

use parley_doc::{DocMeta, Document};
use parley_store::Store;

use crate::error::ApiError;
use crate::WebError;

/// Runs the whole pipeline on one posted document: metadata, the text (or
/// HTML page), and whether it is HTML. Returns the coded document, or a
/// message saying why it could not be coded (answered as 422).
pub type Coder = dyn Fn(DocMeta, String, bool) -> Result<Document, String> + Send + Sync;

/// What every handler shares: the store, the coder for posted documents,
/// and the bearer token that allows writes.
#[derive(Clone)]
pub struct AppState {
    pub(crate) stores: Arc<StorePool>,
    pub(crate) coder: Option<Arc<Coder>>,
    pub(crate) token: Option<Arc<str>>,
    /// The store was opened read-only: writes are refused before any work.
    pub(crate) read_only: bool,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("stores", &self.stores.len())
            .field("coder", &self.coder.is_some())
            .field("writes", &self.token.is_some())
            .field("read_only", &self.read_only)
            .finish()
    }
}

impl AppState {
    /// A state over one open store, with no coder and no token (read-only).
    pub fn new(store: Store) -> AppState {
        AppState::with_stores(vec![store])
    }

    /// A state over several connections to the same store; reads run on
    /// whichever is free, so slow queries do not queue behind each other.
    ///
    /// # Panics
    /// If `stores` is empty.
    pub fn with_stores(stores: Vec<Store>) -> AppState {
        assert!(!stores.is_empty(), "AppState needs at least one store");
        let read_only = stores.iter().any(Store::is_read_only);
        AppState {
            stores: Arc::new(StorePool {
                stores: stores.into_iter().map(Mutex::new).collect(),
                next: AtomicUsize::new(0),
            }),
            coder: None,
            token: None,
            read_only,
        }
    }

    /// Opens `target` (a SQLite path or a `postgres://` URL) with
    /// `connections` connections (at least one; `:memory:` always gets one,
    /// since each connection would be a database of its own).
    pub fn open(target: &str, connections: usize) -> Result<AppState, WebError> {
        let n = if target == ":memory:" { 1 } else { connections.max(1) };
        let stores = (0..n)
            .map(|_| Store::open(target))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|source| WebError::Store { target: target.to_string(), source })?;
        Ok(AppState::with_stores(stores))
    }

    /// Sets the coder that `POST /api/documents` runs.
    pub fn coder(mut self, coder: Arc<Coder>) -> AppState {
        self.coder = Some(coder);
        self
    }

    /// Sets the bearer token that allows writes; `None` (or empty) turns writes off.
    pub fn token(mut self, token: Option<String>) -> AppState {
        self.token = token.filter(|t| !t.is_empty()).map(Arc::from);
        self
    }

    /// Runs `f` on a free store connection, off the async threads.
    pub(crate) async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, parley_store::StoreError> + Send + 'static,
    {
        let stores = self.stores.clone();
        tokio::task::spawn_blocking(move || {
            let store = stores.get();
            f(&store).map_err(ApiError::from)
        })
        .await
        .map_err(ApiError::internal)?
    }

    /// Runs `f` on a store connection with write access, off the async threads.
    pub(crate) async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
    {
        let stores = self.stores.clone();
        tokio::task::spawn_blocking(move || {
            // Writers share the first connection: posts take turns rather
            // than wait on each other's write lock.
            let mut store = stores.first();
            f(&mut store)
        })
        .await
        .map_err(ApiError::internal)?
    }
}

/// Connections to one store, each behind its own lock (a `Store` is `Send`
/// but not `Sync`).
pub(crate) struct StorePool {
    stores: Vec<Mutex<Store>>,
    next: AtomicUsize,
}

impl StorePool {
    fn len(&self) -> usize {
        self.stores.len()
    }

    /// A free connection if there is one, else the next in turn (waiting).
    fn get(&self) -> MutexGuard<'_, Store> {
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        let n = self.stores.len();
        for i in 0..n {
            match self.stores[(start + i) % n].try_lock() {
                Ok(guard) => return guard,
                Err(TryLockError::Poisoned(poisoned)) => return poisoned.into_inner(),
                Err(TryLockError::WouldBlock) => {}
            }
        }
        lock(&self.stores[start % n])
    }

    fn first(&self) -> MutexGuard<'_, Store> {
        lock(&self.stores[0])
    }
}

/// A poisoned lock only means another request panicked while holding the
/// connection; the connection itself (its transaction rolled back) is fine.
fn lock(mutex: &Mutex<Store>) -> MutexGuard<'_, Store> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
