//! What the store knows about its own writes: the outcome of the latest one
//! and when it was, so readiness can say "writes fail" without a probe on
//! every request, and say "writes work again" as soon as one does.

use std::time::{Duration, Instant};

use super::{Result, StoreError};

/// The latest write's outcome, shared by every caller of one store.
#[derive(Debug, Default)]
pub struct WriteHealth {
    latest: std::sync::Mutex<Option<Latest>>,
}

#[derive(Debug, Clone)]
struct Latest {
    at: Instant,
    /// `None`: it succeeded; otherwise why it failed.
    failure: Option<String>,
}

impl WriteHealth {
    /// Records a write's outcome. Refusals that say nothing about whether
    /// the database takes writes (a version conflict, an invalid value, a
    /// name taken) leave the record as it was.
    pub(crate) fn record<T>(&self, outcome: &Result<T>) {
        let failure = match outcome {
            Ok(_) => None,
            Err(
                error @ (StoreError::Unavailable { .. }
                | StoreError::Busy { .. }
                | StoreError::Database { .. }),
            ) => Some(error.to_string()),
            Err(_) => return,
        };
        *self.latest.lock().unwrap_or_else(|e| e.into_inner()) = Some(Latest {
            at: Instant::now(),
            failure,
        });
    }

    /// The latest outcome if it is younger than `max_age`.
    pub(crate) fn fresh(&self, backend: &'static str, max_age: Duration) -> Option<Result<()>> {
        let latest = self
            .latest
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()?;
        if latest.at.elapsed() > max_age {
            return None;
        }
        Some(match latest.failure {
            None => Ok(()),
            Some(message) => Err(StoreError::Unavailable {
                backend,
                message: format!("writes fail: {message}"),
            }),
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_is_remembered_until_one_succeeds() {
        let health = WriteHealth::default();
        let long = Duration::from_secs(60);
        assert!(health.fresh("sqlite", long).is_none(), "nothing known yet");
        health.record::<()>(&Err(StoreError::Unavailable {
            backend: "sqlite",
            message: "database or disk is full".into(),
        }));
        let err = health.fresh("sqlite", long).unwrap().unwrap_err();
        assert!(err.to_string().contains("disk is full"), "{err}");
        // A conflict proves nothing either way.
        health.record::<()>(&Err(StoreError::VersionConflict { current: Some(2) }));
        assert!(health.fresh("sqlite", long).unwrap().is_err());
        health.record(&Ok(()));
        assert!(health.fresh("sqlite", long).unwrap().is_ok());
        assert!(health.fresh("sqlite", Duration::ZERO).is_none(), "too old");
    }
}
