use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, TryLockError};
use std::time::{Duration, Instant};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

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
        AppState { stores: Arc::new(StorePool::new(stores)), coder: None, token: None, read_only }
    }

    /// Opens `target` (a SQLite path or a `postgres://` URL) with
    /// `connections` connections (at least one; `:memory:` always gets one,
    /// since each connection would be a database of its own).
    ///
    /// Each connection's page cache is held to [`CONNECTION_CACHE_KIB`]:
    /// the operating system keeps the file's pages anyway, and memory the
    /// caches took in a burst of reads stayed with the process (glibc keeps
    /// freed pages): api_soak's resident memory grew by 166 MB on the
    /// store's default (64 MiB a connection), 40 MB with 16 MiB and 7 MB
    /// with 4 MiB, at the same latency.
    pub fn open(target: &str, connections: usize) -> Result<AppState, WebError> {
        let n = if target == ":memory:" { 1 } else { connections.max(1) };
        let failed = |source| WebError::Store { target: target.to_string(), source };
        let stores =
            (0..n).map(|_| Store::open(target)).collect::<Result<Vec<_>, _>>().map_err(failed)?;
        for store in &stores {
            store.set_cache_kib(CONNECTION_CACHE_KIB).map_err(failed)?;
        }
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
    ///
    /// The request first waits (as a future, in arrival order) until a
    /// connection is free, and only then takes a blocking thread: a
    /// request never queues behind one slow query on a connection while
    /// another connection is idle, and at most one blocking thread per
    /// connection is busy with reads.
    pub(crate) async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, parley_store::StoreError> + Send + 'static,
    {
        let stores = self.stores.clone();
        let lease = stores.lease().await?;
        tokio::task::spawn_blocking(move || {
            let store = stores.get();
            let result = f(&store).map_err(ApiError::from);
            // The connection is unlocked before the permit goes back.
            drop(store);
            drop(lease);
            result
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
        let lease = stores.lease().await?;
        tokio::task::spawn_blocking(move || {
            // Writers share the first connection: posts take turns rather
            // than wait on each other's write lock.
            let mut store = stores.first();
            let result = f(&mut store);
            drop(store);
            drop(lease);
            result
        })
        .await
        .map_err(ApiError::internal)?
    }
}

/// The page cache each connection of [`AppState::open`] may hold, in KiB.
pub const CONNECTION_CACHE_KIB: u32 = 4 * 1024;

/// How long the store must sit unused before its connections give back
/// their page caches (see [`StorePool::release_when_idle`]).
pub const IDLE_RELEASE: Duration = Duration::from_secs(5);

/// Connections to one store, each behind its own lock (a `Store` is `Send`
/// but not `Sync`), and as many permits as connections: whoever holds a
/// permit finds a connection free (or, beside a writer waiting for the
/// first connection, waits for one).
pub(crate) struct StorePool {
    stores: Vec<Mutex<Store>>,
    free: Arc<Semaphore>,
    next: AtomicUsize,
    /// When the pool was made: the clock of `last_used`.
    epoch: Instant,
    /// When a connection was last given back, in milliseconds after `epoch`.
    last_used: AtomicU64,
    /// A connection was used since the caches were last given back.
    used: AtomicBool,
}

/// A permit to use one connection; records the use when dropped.
pub(crate) struct Lease {
    _permit: OwnedSemaphorePermit,
    pool: Arc<StorePool>,
}

impl Drop for Lease {
    fn drop(&mut self) {
        let now = self.pool.epoch.elapsed().as_millis();
        self.pool.last_used.store(u64::try_from(now).unwrap_or(u64::MAX), Ordering::Relaxed);
        self.pool.used.store(true, Ordering::Release);
    }
}

impl StorePool {
    fn new(stores: Vec<Store>) -> StorePool {
        StorePool {
            free: Arc::new(Semaphore::new(stores.len())),
            stores: stores.into_iter().map(Mutex::new).collect(),
            next: AtomicUsize::new(0),
            epoch: Instant::now(),
            last_used: AtomicU64::new(0),
            used: AtomicBool::new(false),
        }
    }

    fn len(&self) -> usize {
        self.stores.len()
    }

    /// Waits, without holding a thread, until a connection is free.
    async fn lease(self: &Arc<Self>) -> Result<Lease, ApiError> {
        // The semaphore is never closed; an error would be a bug.
        let permit = self.free.clone().acquire_owned().await.map_err(ApiError::internal)?;
        Ok(Lease { _permit: permit, pool: self.clone() })
    }

    /// Whether no connection is in use and none was for [`IDLE_RELEASE`].
    fn idle(&self) -> bool {
        let last = Duration::from_millis(self.last_used.load(Ordering::Relaxed));
        self.free.available_permits() == self.len()
            && self.epoch.elapsed().saturating_sub(last) >= IDLE_RELEASE
    }

    /// Gives back the connections' page caches once the store has sat
    /// unused for [`IDLE_RELEASE`], and again after each later burst of
    /// use: a server's memory returns near its start between bursts, and
    /// only the first reads after a pause go to the file (the operating
    /// system's cache). Runs until dropped (aborted).
    pub(crate) async fn release_when_idle(self: Arc<Self>) {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if !self.used.load(Ordering::Acquire) || !self.idle() {
                continue;
            }
            self.used.store(false, Ordering::Release);
            let pool = self.clone();
            if let Err(err) = tokio::task::spawn_blocking(move || pool.release_memory()).await {
                tracing::warn!(error = %err, "giving back idle memory failed");
            }
        }
    }

    /// Gives back every idle connection's page cache (one in use is
    /// skipped: it is not idle any more).
    fn release_memory(&self) {
        for store in &self.stores {
            if let Ok(store) = store.try_lock() {
                if let Err(err) = store.release_memory() {
                    tracing::warn!(error = %err, "giving back a connection's page cache failed");
                }
            }
        }
        tracing::debug!("gave back the idle connections' page caches");
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

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(connections: usize) -> Arc<StorePool> {
        let stores = (0..connections).map(|_| Store::open(":memory:").expect("open")).collect();
        let pool = StorePool::new(stores);
        // Made long enough ago that an unused pool is idle at once.
        let epoch = Instant::now().checked_sub(IDLE_RELEASE * 2).expect("a clock that far back");
        Arc::new(StorePool { epoch, ..pool })
    }

    /// Idle means every connection free and none used for IDLE_RELEASE:
    /// a lease held, or one just given back, is not idle.
    #[tokio::test]
    async fn idle_needs_every_connection_free_for_a_while() {
        let pool = pool(2);
        assert!(pool.idle());
        assert!(!pool.used.load(Ordering::Acquire));
        let lease = pool.lease().await.expect("lease");
        assert!(!pool.idle(), "a connection in use");
        drop(lease);
        assert!(pool.used.load(Ordering::Acquire), "the use is recorded");
        assert!(!pool.idle(), "used a moment ago");
    }
}
