//! A fixed pool of threads that code articles.
//!
//! Coding is CPU-bound, so more coding threads than cores add no throughput.
//! Handing each article to `tokio::task::spawn_blocking` instead let the
//! blocking pool grow to one thread per request in flight (dozens under load,
//! and more as threads idled out and were replaced); with glibc's malloc each
//! of them allocates from its own arena (up to eight per core), and the
//! server's resident memory kept creeping up by about 18 bytes per request.
//! This pool starts a fixed number of threads once and keeps them for the
//! life of the server, so the set of threads (and of malloc arenas) is bounded
//! and memory plateaus after warm-up.
//!
//! Jobs wait in an unbounded queue: the server's concurrency limit already
//! bounds how many requests can be waiting. A job whose requester has gone
//! (timed out or disconnected) is dropped without running.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

use tokio::sync::oneshot;

type Job = Box<dyn FnOnce() + Send + 'static>;

/// Why a job gave no result.
#[derive(Debug, thiserror::Error)]
pub enum CodingError {
    /// The job panicked; the thread that ran it keeps serving.
    #[error("the coding job panicked")]
    Panicked,
    /// The pool has shut down (or could not start a thread).
    #[error("the coding threads have stopped")]
    Stopped,
}

/// A fixed set of threads that run coding jobs.
pub struct CodingPool {
    sender: Mutex<Option<Sender<Job>>>,
    threads: Vec<JoinHandle<()>>,
}

impl std::fmt::Debug for CodingPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CodingPool").field("threads", &self.threads.len()).finish()
    }
}

/// The number of threads a pool asked for `0` threads gets: one per CPU.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get)
}

impl CodingPool {
    /// Starts `threads` coding threads (`0`: one per CPU, see [`default_threads`]).
    ///
    /// # Errors
    ///
    /// The operating system's error when no thread could be started.
    pub fn new(threads: usize) -> std::io::Result<CodingPool> {
        let n = if threads == 0 { default_threads() } else { threads };
        let (sender, receiver) = channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        let mut handles = Vec::with_capacity(n);
        for i in 0..n {
            let rx = Arc::clone(&receiver);
            match std::thread::Builder::new().name(format!("dyad-coder-{i}")).spawn(move || work(&rx)) {
                Ok(h) => handles.push(h),
                // Some threads are enough; none is an error.
                Err(e) if handles.is_empty() => return Err(e),
                Err(_) => break,
            }
        }
        Ok(CodingPool { sender: Mutex::new(Some(sender)), threads: handles })
    }

    /// The number of coding threads.
    pub fn threads(&self) -> usize {
        self.threads.len()
    }

    /// Runs `job` on one of the pool's threads and waits for its result
    /// without blocking the async runtime.
    ///
    /// # Errors
    ///
    /// [`CodingError::Panicked`] when `job` panicked, [`CodingError::Stopped`]
    /// when the pool is shut down.
    pub async fn run<T, F>(&self, job: F) -> Result<T, CodingError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let (tx, rx) = oneshot::channel();
        let boxed: Job = Box::new(move || {
            // The requester has gone (timeout, disconnect): skip the work.
            if tx.is_closed() {
                return;
            }
            let _ = tx.send(catch_unwind(AssertUnwindSafe(job)).map_err(|_| CodingError::Panicked));
        });
        {
            let guard = self.sender.lock().unwrap_or_else(PoisonError::into_inner);
            let sender = guard.as_ref().ok_or(CodingError::Stopped)?;
            sender.send(boxed).map_err(|_| CodingError::Stopped)?;
        }
        rx.await.map_err(|_| CodingError::Stopped)?
    }
}

fn work(rx: &Mutex<Receiver<Job>>) {
    loop {
        // Hold the lock only to take one job, not while running it.
        let job = rx.lock().unwrap_or_else(PoisonError::into_inner).recv();
        match job {
            Ok(job) => job(),
            Err(_) => return, // the pool was dropped
        }
    }
}

impl Drop for CodingPool {
    fn drop(&mut self) {
        // Closing the channel ends every thread once the queue is empty.
        self.sender.lock().unwrap_or_else(PoisonError::into_inner).take();
        for h in self.threads.drain(..) {
            // The last handle of the state may be dropped on a coding thread
            // itself (a job holding it); never join oneself.
            if h.thread().id() != std::thread::current().id() {
                let _ = h.join();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn runs_jobs_on_a_fixed_set_of_threads() {
        let pool = CodingPool::new(2).expect("pool");
        assert_eq!(pool.threads(), 2);
        let mut names = std::collections::BTreeSet::new();
        for i in 0..50u32 {
            let (name, twice) = pool
                .run(move || (std::thread::current().name().unwrap_or("").to_string(), i * 2))
                .await
                .expect("job");
            assert_eq!(twice, i * 2);
            names.insert(name);
        }
        assert!(!names.is_empty() && names.len() <= 2, "{names:?}");
        assert!(names.iter().all(|n| n.starts_with("dyad-coder-")), "{names:?}");
    }

    #[tokio::test]
    async fn a_panicking_job_is_an_error_and_the_pool_keeps_working() {
        let pool = CodingPool::new(1).expect("pool");
        let r = pool.run(|| -> u8 { panic!("boom") }).await;
        assert!(matches!(r, Err(CodingError::Panicked)), "{r:?}");
        assert_eq!(pool.run(|| 7u8).await.expect("after a panic"), 7);
    }

    #[test]
    fn zero_threads_means_one_per_cpu() {
        let pool = CodingPool::new(0).expect("pool");
        assert_eq!(pool.threads(), default_threads());
    }
}
