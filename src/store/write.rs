//! How every write runs, on either backend: in one transaction that is
//! committed when the method's statements succeeded and rolled back when
//! anything failed, retried once on a fresh connection after a failure of
//! the database's files, with its outcome recorded for readiness.

use super::sql::{Backend, Exec, Param};
use super::{Result, StoreError, WRITE_PROBE_TIMEOUT};
use crate::clock::now_ms;

/// Runs `body` in a write transaction of `store`: committed when it returns
/// `Ok`, rolled back when it returns an error. A write that failed for a
/// reason of the database's files is tried once more on a fresh connection
/// where the backend has one (see [`Backend::fresh`]); its outcome is what
/// [`super::Store::writable`] reports next.
pub(crate) async fn write<B: Backend, T>(
    store: &B,
    body: impl AsyncFnOnce(&mut B::Tx) -> Result<T> + Clone,
) -> Result<T> {
    let mut outcome = attempt(store, store.begin().await, body.clone()).await;
    if let Err(StoreError::Unavailable { .. } | StoreError::Database { .. }) = &outcome {
        if let Some(tx) = store.fresh().await {
            outcome = attempt(store, tx, body).await;
        }
    }
    store.health().record(&outcome);
    outcome
}

async fn attempt<B: Backend, T>(
    store: &B,
    tx: Result<B::Tx>,
    body: impl AsyncFnOnce(&mut B::Tx) -> Result<T>,
) -> Result<T> {
    let mut tx = tx?;
    match body(&mut tx).await {
        Ok(value) => store.commit(tx).await.map(|()| value),
        Err(error) => {
            store.rollback(tx).await;
            Err(error)
        }
    }
}

/// The small write [`super::Store::writable`] makes when it has no recent outcome.
pub(crate) async fn probe<B: Backend>(store: &B) -> Result<()> {
    let write = write(store, async |tx| {
        tx.execute(
            "UPDATE write_probe SET at = $1 WHERE id = 1",
            &[Param::Int(now_ms())],
        )
        .await?;
        Ok(())
    });
    match tokio::time::timeout(WRITE_PROBE_TIMEOUT, write).await {
        Ok(outcome) => outcome,
        Err(_) => {
            let outcome = Err(StoreError::Busy { backend: B::NAME });
            store.health().record(&outcome);
            outcome
        }
    }
}
