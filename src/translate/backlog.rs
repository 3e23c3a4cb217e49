//! Translations paid for that the store could not take: kept here, served
//! from here, and written to the translation memory as soon as the store
//! takes writes again, so an outage of the store costs no second payment
//! for what was translated during it.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::i18n::Lang;
use crate::model::TmEntry;
use crate::store::Store;

/// How long after a failed write the backlog waits before trying again.
pub const RETRY_AFTER: Duration = Duration::from_secs(1);

/// At most this many entries wait; more are served from the process's
/// memory while it holds them, but not kept for the store.
pub const MAX_ENTRIES: usize = 50_000;

/// What an entry is found by: target, unit key, glossary version (as the
/// pipeline remembers machine translations).
type Key = (Lang, String, i64);

#[derive(Debug, Default)]
pub struct Backlog {
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    entries: HashMap<Key, TmEntry>,
    next_try: Option<Instant>,
}

impl Backlog {
    /// Keeps entries the store refused, to write them later.
    pub fn keep(&self, entries: Vec<TmEntry>) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let mut dropped = 0;
        for entry in entries {
            let key = (
                entry.target_lang,
                entry.unit_key.clone(),
                entry.glossary_version,
            );
            if state.entries.len() >= MAX_ENTRIES && !state.entries.contains_key(&key) {
                dropped += 1;
                continue;
            }
            state.entries.insert(key, entry);
        }
        state.next_try = Some(Instant::now() + RETRY_AFTER);
        if dropped > 0 {
            tracing::error!(
                dropped,
                kept = state.entries.len(),
                "the backlog of translations for the store is full"
            );
        }
    }

    /// A kept translation of this unit.
    pub fn get(&self, target: Lang, unit_key: &str, glossary_version: i64) -> Option<TmEntry> {
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if state.entries.is_empty() {
            return None;
        }
        state
            .entries
            .get(&(target, unit_key.to_owned(), glossary_version))
            .cloned()
    }

    pub fn len(&self) -> usize {
        self.state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entries
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes what is kept to `store` when it is time to try again; what
    /// the store takes is no longer kept. Returns how many were written.
    pub async fn flush(&self, store: &dyn Store) -> usize {
        let entries: Vec<TmEntry> = {
            let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
            if state.entries.is_empty() || state.next_try.is_some_and(|at| Instant::now() < at) {
                return 0;
            }
            state.next_try = Some(Instant::now() + RETRY_AFTER);
            state.entries.values().cloned().collect()
        };
        match store.tm_put(&entries).await {
            Ok(()) => {
                let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
                for entry in &entries {
                    let key = (
                        entry.target_lang,
                        entry.unit_key.clone(),
                        entry.glossary_version,
                    );
                    // Unless a newer one was kept meanwhile.
                    if state.entries.get(&key) == Some(entry) {
                        state.entries.remove(&key);
                    }
                }
                tracing::info!(
                    units = entries.len(),
                    "translations kept while the store refused writes are in the translation memory now"
                );
                entries.len()
            }
            Err(error) => {
                tracing::warn!(%error, units = entries.len(), "the store still refuses the kept translations");
                0
            }
        }
    }
}
