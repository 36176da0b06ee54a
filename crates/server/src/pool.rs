//! Store connections shared by request handlers: several readers (SQLite in
//! WAL mode reads concurrently with one writer) and one writer.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use dyad_store::Store;
use tokio::sync::Semaphore;

use crate::problem::Problem;

/// A pool of reading connections and one writing connection to a store.
pub struct StorePool {
    path: PathBuf,
    readers: Mutex<Vec<Store>>,
    permits: Arc<Semaphore>,
    writer: Arc<Mutex<Store>>,
}

impl std::fmt::Debug for StorePool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StorePool").field("path", &self.path).finish()
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl StorePool {
    /// Opens (creating and migrating when needed) the store at `path`, with
    /// `readers` reading connections.
    ///
    /// # Errors
    ///
    /// The store's error when it cannot be opened.
    pub fn open(path: &Path, readers: usize) -> Result<StorePool, dyad_store::StoreError> {
        let writer = Store::open(path)?;
        let readers = readers.max(1);
        let mut conns = Vec::with_capacity(readers);
        for _ in 0..readers {
            conns.push(Store::open_existing(path)?);
        }
        Ok(StorePool {
            path: path.to_path_buf(),
            readers: Mutex::new(conns),
            permits: Arc::new(Semaphore::new(readers)),
            writer: Arc::new(Mutex::new(writer)),
        })
    }

    /// The store file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` with a reading connection on the blocking thread pool.
    ///
    /// # Errors
    ///
    /// `f`'s problem, or a 500 problem when `f` panicked.
    pub async fn read<T, F>(self: &Arc<Self>, f: F) -> Result<T, Problem>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, Problem> + Send + 'static,
    {
        let permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(|e| Problem::internal(format!("store pool closed: {e}")))?;
        let pool = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let Some(store) = lock(&pool.readers).pop() else {
                return Err(Problem::internal("no reading connection free although a permit was held"));
            };
            let out = catch_unwind(AssertUnwindSafe(|| f(&store)))
                .unwrap_or_else(|_| Err(Problem::internal("panic while reading the store")));
            lock(&pool.readers).push(store);
            out
        })
        .await
        .map_err(|e| Problem::internal(format!("store task failed: {e}")))?
    }

    /// Runs `f` with the writing connection on the blocking thread pool;
    /// writers take turns.
    ///
    /// # Errors
    ///
    /// `f`'s problem, or a 500 problem when `f` panicked.
    pub async fn write<T, F>(self: &Arc<Self>, f: F) -> Result<T, Problem>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, Problem> + Send + 'static,
    {
        let writer = Arc::clone(&self.writer);
        tokio::task::spawn_blocking(move || {
            let mut store = lock(&writer);
            catch_unwind(AssertUnwindSafe(|| f(&mut store)))
                .unwrap_or_else(|_| Err(Problem::internal("panic while writing the store")))
        })
        .await
        .map_err(|e| Problem::internal(format!("store task failed: {e}")))?
    }
}
