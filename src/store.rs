//! Storage: the translation memory, translators' overrides with their
//! history, and the ledger of characters sent to each provider.
//!
//! One [`Store`] trait, two backends: SQLite (the default, one file, see
//! [`sqlite`]) and PostgreSQL (several instances sharing one database, see
//! [`postgres`]). [`open`] picks the backend from the configured URL, creates
//! what is missing and runs the migrations in `migrations/<backend>/`, which
//! are compiled into the binary. Both backends pass one conformance suite
//! (`tests/it/store.rs`), so callers never need to know which one they have.
//!
//! The store keeps what it is given and decides nothing about it: which
//! overrides follow an edited sentence is the review domain's call
//! ([`crate::review`]), whether a glossary entry is acceptable the
//! glossary's ([`crate::glossary`]). It refuses what no row may hold, alike
//! on both backends (a NUL character, an empty key, term or author, a
//! malformed day, the source language as a target), and the limits every
//! writer must keep whoever calls it (a report's length, a translator's
//! name).
//!
//! Every method is implemented once (`shared.rs`, with the statements in
//! `statements.rs`, the row conversions and checks in `rows.rs` and the
//! transaction every write runs in in `write.rs`), in SQL both databases
//! run; a backend provides only what really differs (`sql.rs`:
//! transactions, key lists, collation, error classification, locks).
//!
//! Conventions shared by both backends:
//! - timestamps are `i64` Unix milliseconds ([`crate::clock::now_ms`]);
//! - days are `YYYY-MM-DD` strings in UTC ([`crate::clock::utc_day`]), so
//!   they sort;
//! - languages are stored as their BCP 47 code ([`Lang::code`]);
//! - every write is one transaction and is durable when the call returns.

pub mod circuit;
mod health;
pub mod postgres;
mod rows;
mod shared;
mod sql;
pub mod sqlite;
mod statements;
mod write;

use std::collections::HashMap;
use std::sync::Arc;

use async_trait::async_trait;

use crate::config::{StoreConfig, StoreLocation};
use crate::i18n::Lang;
use crate::model::{
    Budget, CarriedOverride, Carry, GlossaryEntry, Override, OverrideRevision, OverrideState,
    PageUnit, Rekeyed, Report, ReportStatus, Reservation, Role, Session, TmEntry,
    TranslatorAccount, UsageRow,
};

/// At most this many reports per [`Store::reports`] call, newest first: a
/// queue longer than that is read by narrowing it (language, status, page).
pub const REPORTS_LISTED_MAX: i64 = 500;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The store URL cannot be used; the message says what to fix.
    #[error("store.url {0}")]
    Config(String),
    #[error("cannot create the directory for the SQLite database {path}: {source}")]
    CreateDir {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    /// The database cannot be reached (PostgreSQL down, file unreadable).
    #[error("the {backend} database is unavailable: {message}")]
    Unavailable {
        backend: &'static str,
        message: String,
    },
    /// The database stayed locked by another writer longer than the busy
    /// timeout (or every pooled connection was waiting for one). Nothing was
    /// written; the caller may answer 503 and try again later.
    #[error("the {backend} database is busy; nothing was written, try again")]
    Busy { backend: &'static str },
    #[error("cannot migrate the {backend} database: {message}")]
    Migrate {
        backend: &'static str,
        message: String,
    },
    /// An optimistic concurrency check failed: the override is at `current`
    /// (`None`: there is none) and not at the version the caller saw.
    #[error("version conflict: the override is now at {}", match current { Some(v) => format!("version {v}"), None => "no version (it does not exist)".to_owned() })]
    VersionConflict { current: Option<i64> },
    /// The override to change does not exist.
    #[error("no such override")]
    NotFound,
    /// A conditional write found the stored value changed since the caller
    /// read it (another instance got there first); nothing was written.
    #[error("the stored value changed since it was read; read it again")]
    Changed,
    /// A unique name is taken (a translator account that exists).
    #[error("{0} already exists")]
    AlreadyExists(String),
    /// A value the store refuses before writing (the same on both backends).
    #[error("invalid value: {0}")]
    Invalid(String),
    /// A stored row that this version cannot read (unknown language code…).
    #[error("unreadable row in the {backend} database: {message}")]
    Corrupt {
        backend: &'static str,
        message: String,
    },
    #[error("{backend} database error: {message}")]
    Database {
        backend: &'static str,
        message: String,
    },
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// What the rest of honyaku needs from storage. Every method is one
/// transaction; a write is durable when it returns `Ok`.
#[async_trait]
pub trait Store: Send + Sync + std::fmt::Debug {
    /// `"sqlite"` or `"postgres"`.
    fn backend(&self) -> &'static str;

    /// A round trip to the database.
    async fn ping(&self) -> Result<()>;

    /// Whether writes work now, for `/readyz`: the outcome of the latest
    /// write, or, when that is older than [`WRITE_CHECK_EVERY`], of a small
    /// write made to find out (at most [`WRITE_PROBE_TIMEOUT`] long). A
    /// write that fails (a full disk, an I/O error, a read-only file, a lock
    /// held elsewhere) makes this an error until a write succeeds again.
    async fn writable(&self) -> Result<()>;

    /// For each key, the newest entry (by `created_at`) of any provider and
    /// model for this target, glossary version and segmenter version; keys
    /// without one are absent from the map. The unit key is a hash of the
    /// source, so it already stands for the source language. Does not touch
    /// `used_at` (see [`Store::tm_touch`]).
    async fn tm_get(
        &self,
        unit_keys: &[String],
        target: Lang,
        glossary_version: i64,
        segmenter_version: i64,
    ) -> Result<HashMap<String, TmEntry>>;

    /// Inserts or replaces all entries in one transaction: all or nothing.
    /// When the same identity appears twice in `entries`, the later wins.
    async fn tm_put(&self, entries: &[TmEntry]) -> Result<()>;

    /// Sets `used_at` to `at` (unless it is already later) on every entry of
    /// these keys for `target`, in one statement: call it batched, not per read.
    async fn tm_touch(&self, unit_keys: &[String], target: Lang, at: i64) -> Result<()>;

    async fn tm_count(&self) -> Result<u64>;

    /// The source text of a unit the memory has any translation of: what a
    /// translator's override of that unit is checked against.
    async fn tm_source(&self, unit_key: &str) -> Result<Option<String>>;

    /// Every entry, or every entry for one target, in a stable order (unit
    /// key, target, provider, model, glossary and segmenter version): for
    /// export and tests.
    async fn tm_all(&self, target: Option<Lang>) -> Result<Vec<TmEntry>>;

    async fn override_get(
        &self,
        unit_keys: &[String],
        target: Lang,
    ) -> Result<HashMap<String, Override>>;

    /// Every live override, or those for one target, ordered by unit key and
    /// target: for export and the translators' lists.
    async fn override_all(&self, target: Option<Lang>) -> Result<Vec<Override>>;

    /// Creates or replaces the override of (`unit_key`, `target`), state
    /// [`OverrideState::Approved`], and appends a history row.
    ///
    /// `if_version` must be the current version, or `None` when the caller
    /// believes there is no override yet; otherwise nothing is written and
    /// the answer is [`StoreError::VersionConflict`] with the current
    /// version. Of concurrent writers that saw the same version exactly one
    /// wins. Bumps [`Store::generation`].
    async fn override_put(
        &self,
        unit_key: &str,
        target: Lang,
        text: &str,
        source_text: &str,
        author: &str,
        if_version: Option<i64>,
    ) -> Result<Override>;

    /// Removes the override, so the machine translation is served again, and
    /// appends a history row with no text. `if_version`: `Some(v)` must be
    /// the current version ([`StoreError::VersionConflict`] otherwise);
    /// `None` reverts whatever version is there (for system actions). No
    /// override: [`StoreError::NotFound`] (or a conflict when a version was
    /// given). Bumps [`Store::generation`].
    async fn override_revert(
        &self,
        unit_key: &str,
        target: Lang,
        author: &str,
        if_version: Option<i64>,
    ) -> Result<()>;

    /// Changes the state (approve, flag for review) as a new version with a
    /// history row; `if_version` as for [`Store::override_revert`]. Bumps
    /// [`Store::generation`].
    async fn override_set_state(
        &self,
        unit_key: &str,
        target: Lang,
        state: OverrideState,
        author: &str,
        if_version: Option<i64>,
    ) -> Result<Override>;

    /// Every change of (`unit_key`, `target`), oldest first (by version),
    /// including those before a revert.
    async fn override_history(&self, unit_key: &str, target: Lang)
    -> Result<Vec<OverrideRevision>>;

    /// Adds to the provider's counters for `day` (`YYYY-MM-DD`, UTC),
    /// creating the row when missing; concurrent calls add up.
    async fn usage_add(
        &self,
        provider: &str,
        day: &str,
        characters: i64,
        requests: i64,
    ) -> Result<()>;

    /// Sets `characters` aside for `provider` before they are sent: adds
    /// them to the characters of `day`, provided that keeps `day` within
    /// `budget.daily` and the month of `day` within `budget.monthly`
    /// (reservations not yet settled count as spent). Concurrent
    /// reservations, from any number of instances sharing the database, are
    /// checked one after the other, so together they never exceed a budget.
    /// `None`: they would not fit; nothing was written.
    async fn usage_reserve(
        &self,
        provider: &str,
        day: &str,
        characters: i64,
        budget: Budget,
    ) -> Result<Option<Reservation>>;

    /// Settles a reservation once the provider has answered: of its
    /// characters `used` were sent and answered (what the provider bills),
    /// the rest are given back; `requests` are added to the day's requests.
    async fn usage_settle(&self, reservation: &Reservation, used: i64, requests: i64)
    -> Result<()>;

    /// Rows for `from_day..=to_day`, of one provider or all, ordered by day
    /// then provider.
    async fn usage(
        &self,
        provider: Option<&str>,
        from_day: &str,
        to_day: &str,
    ) -> Result<Vec<UsageRow>>;

    /// Creates a translator account, or gives a revoked one of the same
    /// name a new token, role and languages. An active account of that name:
    /// [`StoreError::AlreadyExists`].
    async fn translator_add(
        &self,
        name: &str,
        token_sha256: &str,
        role: Role,
        languages: &[Lang],
    ) -> Result<TranslatorAccount>;

    /// Revokes the account (its token stops working) and ends its sessions.
    /// Unknown or already revoked: [`StoreError::NotFound`].
    async fn translator_revoke(&self, name: &str) -> Result<()>;

    /// Every account, revoked ones included, by name.
    async fn translators(&self) -> Result<Vec<TranslatorAccount>>;

    /// The active account whose token hashes to `token_sha256`.
    async fn translator_by_token(&self, token_sha256: &str) -> Result<Option<TranslatorAccount>>;

    async fn session_create(
        &self,
        id_sha256: &str,
        translator: &str,
        csrf_token: &str,
        expires_at: i64,
    ) -> Result<()>;

    /// The session, if it has not expired by `now` and its account is
    /// active. (Expired sessions are deleted by `session_create` and
    /// `session_delete`.)
    async fn session_get(&self, id_sha256: &str, now: i64) -> Result<Option<Session>>;

    async fn session_delete(&self, id_sha256: &str) -> Result<()>;

    /// The layout of `page` as last recorded by
    /// [`Store::page_units_replace`], in order; empty when there is none.
    async fn page_units(&self, page: &str) -> Result<Vec<PageUnit>>;

    /// Records `units` as the layout of `page`, provided the recorded one
    /// is still `expected` (what the caller read and decided on); otherwise
    /// nothing is written and the answer is [`StoreError::Changed`]. In the
    /// same transaction each [`Carry`] copies every override of its
    /// `from_key` to `to.unit_key`, in each language where `to.unit_key`
    /// has none: same text, state [`OverrideState::NeedsReview`], by
    /// `author`, written against `to.source_text`, with the source the
    /// original was written for as `previous_source`, and a history row.
    /// The generation is bumped when anything was carried.
    async fn page_units_replace(
        &self,
        page: &str,
        expected: &[PageUnit],
        units: &[PageUnit],
        carry: &[Carry],
        author: &str,
    ) -> Result<Vec<CarriedOverride>>;

    /// Every glossary entry, or those of one target, ordered by target then
    /// term (byte order, the same on both backends).
    async fn glossary_all(&self, target: Option<Lang>) -> Result<Vec<GlossaryEntry>>;

    /// Inserts the entry or replaces the one with its (target, term);
    /// `updated_at` is set to now. Whether the entry is a good one is the
    /// glossary's question ([`crate::glossary::put`]); the store refuses
    /// only an empty term, translation or author, a NUL and the source
    /// language, with [`StoreError::Invalid`]. Bumps [`Store::generation`].
    async fn glossary_put(&self, entry: &GlossaryEntry) -> Result<GlossaryEntry>;

    /// Removes the entry; [`StoreError::NotFound`] when there is none. Bumps
    /// [`Store::generation`].
    async fn glossary_delete(&self, target: Lang, term: &str) -> Result<()>;

    /// Puts every entry (all of `target`; a term twice: the later wins) in
    /// one transaction, all or nothing; with `replace_all`, the entries of
    /// `target` not among them are removed. Returns how many were put.
    /// Bumps [`Store::generation`].
    async fn glossary_import(
        &self,
        target: Lang,
        entries: &[GlossaryEntry],
        replace_all: bool,
    ) -> Result<usize>;

    /// Stores a reader's report on `unit_key` of `page` in `target`, status
    /// [`ReportStatus::Open`]. Only these four things are stored, never
    /// anything that identifies the reader. Refuses ([`StoreError::Invalid`])
    /// an empty or whitespace-only message, one longer than
    /// [`crate::model::REPORT_MESSAGE_MAX_CHARS`], and the source language as target.
    /// Does not touch [`Store::generation`]: a report changes no page.
    async fn report_add(
        &self,
        page: &str,
        unit_key: &str,
        target: Lang,
        message: &str,
    ) -> Result<Report>;

    /// Reports matching every filter given, newest first (by `created_at`,
    /// then `id`), at most [`REPORTS_LISTED_MAX`].
    async fn reports(
        &self,
        target: Option<Lang>,
        status: Option<ReportStatus>,
        page: Option<&str>,
    ) -> Result<Vec<Report>>;

    /// One report, for checking who may resolve it.
    async fn report_get(&self, id: i64) -> Result<Option<Report>>;

    /// Marks the report resolved by `by`, now. Resolving a resolved report
    /// changes nothing and returns it as it is (the first resolver stays).
    /// Unknown id: [`StoreError::NotFound`].
    async fn report_resolve(&self, id: i64, by: &str) -> Result<Report>;

    /// A counter bumped in the same transaction as every override and
    /// glossary change (by any process sharing the database) and by nothing
    /// else: caches keyed by it never serve a stale translation for long.
    async fn generation(&self) -> Result<i64>;

    /// The segmenter version the stored unit keys were made under.
    async fn keyed_under(&self) -> Result<i64>;

    /// Gives every stored unit its key under segmenter version `to`, when
    /// the keys were made under `from`; otherwise (another instance did it
    /// first) does nothing. One transaction: memory entries of version
    /// `from` move to `to`, and overrides, their history, reports and page
    /// layouts follow their unit; the generation is bumped so caches see
    /// it. `new_key(old_key, source_text)` is the unit's key under `to`, or
    /// `None` to leave the unit where it is: the store does not know how
    /// keys are made.
    async fn rekey(&self, from: i64, to: i64, new_key: &NewKey) -> Result<Rekeyed>;
}

/// What [`Store::rekey`] asks of its caller: a unit's key under the new
/// segmenter version, from its key and source text under the old one.
pub type NewKey = dyn Fn(&str, &str) -> Option<String> + Send + Sync;

/// How old the outcome of the latest write may be before
/// [`Store::writable`] writes to find out again.
pub const WRITE_CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// How long [`Store::writable`] waits for its write: a lock held elsewhere
/// longer than this is reported as "not writable now" rather than waited out.
pub const WRITE_PROBE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

/// How stale a [`GenerationWatch`] may be: overrides and glossary changes
/// made by another instance show up within this long.
pub const GENERATION_POLL: std::time::Duration = std::time::Duration::from_millis(500);

/// How long a request waits for a due re-read of the generation before it
/// is served with the value it has (see [`GenerationWatch::current`]).
pub const GENERATION_WAIT: std::time::Duration = std::time::Duration::from_millis(50);

/// The store's generation as last seen, re-read at most every
/// [`GENERATION_POLL`]: caches keyed by it (pages, glossaries) notice changes
/// made by any instance within a second, without a query on every request.
/// One per process, shared by the [`crate::App`] and the translator.
#[derive(Debug)]
pub struct GenerationWatch {
    store: Arc<dyn Store>,
    value: std::sync::atomic::AtomicI64,
    /// When the store was last read; `None`: never.
    checked: std::sync::Mutex<Option<std::time::Instant>>,
    /// A background read is under way.
    reading: std::sync::atomic::AtomicBool,
}

impl GenerationWatch {
    pub fn new(store: Arc<dyn Store>) -> Self {
        Self {
            store,
            value: std::sync::atomic::AtomicI64::new(0),
            checked: std::sync::Mutex::new(None),
            reading: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// A watch that has read the generation once: an unreadable store is
    /// an error here, at start-up, rather than a warning later.
    pub async fn start(store: Arc<dyn Store>) -> Result<Self> {
        let value = store.generation().await?;
        Ok(Self {
            store,
            value: std::sync::atomic::AtomicI64::new(value),
            checked: std::sync::Mutex::new(Some(std::time::Instant::now())),
            reading: std::sync::atomic::AtomicBool::new(false),
        })
    }

    /// The generation: when the last reading is older than
    /// [`GENERATION_POLL`] the store is read again, in a task of its own (one
    /// read at a time), waited for at most [`GENERATION_WAIT`], so a store
    /// that does not answer costs a request no more than that and only
    /// delays what others changed. A failed read keeps the last value.
    pub async fn current(self: &Arc<Self>) -> i64 {
        let due = {
            let mut checked = self.checked.lock().unwrap_or_else(|e| e.into_inner());
            if checked.is_none_or(|at| at.elapsed() >= GENERATION_POLL) {
                *checked = Some(std::time::Instant::now());
                true
            } else {
                false
            }
        };
        if due && !self.reading.swap(true, std::sync::atomic::Ordering::AcqRel) {
            let watch = self.clone();
            let read = tokio::spawn(async move {
                watch.read().await;
                watch
                    .reading
                    .store(false, std::sync::atomic::Ordering::Release);
            });
            // A store that answers at once is read before this request is
            // served; one that does not finishes in the background.
            let _ = tokio::time::timeout(GENERATION_WAIT, read).await;
        }
        self.value.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Reads the store now: after a change made by this process, so the
    /// very next request sees it.
    pub async fn refresh(&self) -> i64 {
        *self.checked.lock().unwrap_or_else(|e| e.into_inner()) = Some(std::time::Instant::now());
        self.read().await;
        self.value.load(std::sync::atomic::Ordering::Relaxed)
    }

    async fn read(&self) {
        match self.store.generation().await {
            Ok(value) => self
                .value
                .store(value, std::sync::atomic::Ordering::Relaxed),
            Err(error) => tracing::warn!(%error, "cannot read the store generation"),
        }
    }
}

/// Opens the configured store: a SQLite file (its directory is created when
/// missing) or a PostgreSQL database, migrated before this returns.
pub async fn open(config: &StoreConfig) -> Result<Arc<dyn Store>> {
    match config.url.location().map_err(StoreError::Config)? {
        StoreLocation::Sqlite(path) => Ok(Arc::new(
            sqlite::SqliteStore::open(&path, sqlite::SqliteOptions::default()).await?,
        )),
        StoreLocation::Postgres(url) => Ok(Arc::new(
            postgres::PostgresStore::open(&url, postgres::PostgresOptions::default()).await?,
        )),
    }
}
