//! Short timeouts and a circuit breaker on the store, so an outage costs
//! readers nothing: without them, every page that touches the store while
//! PostgreSQL is down waits for the driver's connect timeout (seconds), and
//! a cached page served to a thousand readers waits a thousand times.
//!
//! Every read statement gets [`READ_TIMEOUT`]. After [`FAILURES_TO_OPEN`]
//! slow failures in a row (a read that timed out, a connection that took
//! [`SLOW`] or more to fail) the circuit opens for [`OPEN_FOR`]: reads and
//! new write transactions fail at once with [`StoreError::Unavailable`],
//! which callers already treat as "serve from memory" (the pipeline, the
//! generation watch) or as 503 (translators' writes). The first call after
//! that is let through as a probe: success closes the circuit, failure
//! opens it again. Failures that come fast (a refused connection, a full
//! disk, a lock another process holds) cost readers nothing and do not
//! open it: a full disk must not stop reads, and the first write after the
//! fault must be tried at once.

use std::future::Future;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use tokio::time::Instant;

use super::{Result, StoreError};

/// How long one read statement may take, waiting for a connection included.
pub const READ_TIMEOUT: Duration = Duration::from_millis(1500);

/// Consecutive failures that open the circuit.
pub const FAILURES_TO_OPEN: u32 = 3;

/// How long an open circuit refuses calls before it lets one through.
pub const OPEN_FOR: Duration = Duration::from_secs(5);

/// A failure that took this long counts towards opening the circuit.
pub const SLOW: Duration = Duration::from_millis(250);

#[derive(Debug, Default)]
pub struct Circuit {
    failures: AtomicU32,
    open_until: Mutex<Option<Instant>>,
}

impl Circuit {
    /// Whether calls are refused right now.
    pub fn is_open(&self) -> bool {
        self.open_until
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_some_and(|until| Instant::now() < until)
    }

    /// Refuses at once while the circuit is open.
    pub fn check(&self, backend: &'static str) -> Result<()> {
        if self.is_open() {
            return Err(StoreError::Unavailable {
                backend,
                message: "the database failed repeatedly; calls are refused for a few seconds"
                    .to_owned(),
            });
        }
        Ok(())
    }

    /// Runs a read: refused while open, bounded by [`READ_TIMEOUT`], and
    /// its outcome counted.
    pub async fn read<T>(
        &self,
        backend: &'static str,
        call: impl Future<Output = Result<T>>,
    ) -> Result<T> {
        self.check(backend)?;
        let started = Instant::now();
        let outcome = match tokio::time::timeout(READ_TIMEOUT, call).await {
            Ok(outcome) => outcome,
            Err(_) => Err(StoreError::Unavailable {
                backend,
                message: format!("no answer within {} ms", READ_TIMEOUT.as_millis()),
            }),
        };
        self.record(&outcome, started.elapsed());
        outcome
    }

    /// Counts an outcome that took `took`: a slow failure of the database
    /// itself (unreachable) towards opening the circuit, a success as a
    /// sign of life; fast failures and other errors leave it as it is.
    pub fn record<T>(&self, outcome: &Result<T>, took: Duration) {
        match outcome {
            Err(StoreError::Unavailable { .. }) if took >= SLOW => {
                let failures = self.failures.fetch_add(1, Ordering::Relaxed) + 1;
                if failures >= FAILURES_TO_OPEN {
                    *self.open_until.lock().unwrap_or_else(|e| e.into_inner()) =
                        Some(Instant::now() + OPEN_FOR);
                    // The next call after OPEN_FOR is a probe: one failure
                    // opens the circuit again.
                    self.failures.store(FAILURES_TO_OPEN - 1, Ordering::Relaxed);
                }
            }
            Ok(_) => {
                self.failures.store(0, Ordering::Relaxed);
                *self.open_until.lock().unwrap_or_else(|e| e.into_inner()) = None;
            }
            Err(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn down() -> Result<()> {
        Err(StoreError::Unavailable {
            backend: "test",
            message: "down".into(),
        })
    }

    /// A call that fails after `SLOW`, as an unreachable server does.
    async fn slowly_down() -> Result<()> {
        tokio::time::sleep(SLOW).await;
        down()
    }

    #[tokio::test(start_paused = true)]
    async fn repeated_slow_failures_open_it_and_one_success_closes_it() {
        let circuit = Circuit::default();
        for _ in 0..FAILURES_TO_OPEN - 1 {
            assert!(circuit.read("test", slowly_down()).await.is_err());
            assert!(!circuit.is_open());
        }
        assert!(circuit.read("test", slowly_down()).await.is_err());
        assert!(circuit.is_open());
        // Refused without running the call.
        let ran = std::sync::atomic::AtomicBool::new(false);
        let refused = circuit
            .read("test", async {
                ran.store(true, Ordering::Relaxed);
                Ok(())
            })
            .await;
        assert!(matches!(refused, Err(StoreError::Unavailable { .. })));
        assert!(!ran.load(Ordering::Relaxed));
        // Other errors (a conflict, a bad value, a lock held elsewhere) are
        // answers, not outages, and fast failures (a full disk) slow no one.
        let circuit = Circuit::default();
        for _ in 0..FAILURES_TO_OPEN * 2 {
            circuit.record::<()>(&Err(StoreError::NotFound), SLOW * 4);
            circuit.record::<()>(&Err(StoreError::Busy { backend: "test" }), SLOW * 4);
            assert!(circuit.read("test", async { down() }).await.is_err());
        }
        assert!(!circuit.is_open());
    }

    #[tokio::test(start_paused = true)]
    async fn a_read_that_hangs_times_out_and_counts() {
        let circuit = Circuit::default();
        for _ in 0..FAILURES_TO_OPEN {
            let outcome = circuit
                .read("test", async {
                    tokio::time::sleep(Duration::from_secs(3600)).await;
                    Ok(())
                })
                .await;
            assert!(matches!(outcome, Err(StoreError::Unavailable { .. })));
        }
        assert!(circuit.is_open());
        // After OPEN_FOR one call is let through; its success closes it.
        tokio::time::advance(OPEN_FOR + Duration::from_millis(50)).await;
        assert!(!circuit.is_open());
        assert!(circuit.read("test", async { Ok(()) }).await.is_ok());
        assert!(!circuit.is_open());
        assert!(circuit.read("test", slowly_down()).await.is_err());
        assert!(!circuit.is_open(), "one failure after a success");
    }
}
