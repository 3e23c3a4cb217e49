//! The SQLite backend: one file (by default `data/honyaku.sqlite3`), in WAL
//! mode with `synchronous=FULL`, so a transaction that has committed survives
//! a killed process and a power cut, and readers never wait for the writer.
//!
//! Every write is a `BEGIN IMMEDIATE` transaction: it takes SQLite's single
//! write lock before it reads anything, so a read-check-write (an override's
//! version check) cannot interleave with another writer, and waiting for the
//! lock goes through the busy timeout instead of failing at once with a stale
//! snapshot. A lock held by someone else for longer than the busy timeout is
//! [`StoreError::Busy`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use async_trait::async_trait;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Sqlite, Transaction};

use super::{
    CarriedOverride, GLOSSARY_COLUMNS, GlossaryEntry, GlossaryRow, OVERRIDE_COLUMNS, Override,
    OverrideRevision, OverrideRow, OverrideState, PageUnit, REPORT_COLUMNS, REPORTS_LISTED_MAX,
    Report, ReportRow, ReportStatus, Result, RevisionRow, Role, Session, SessionRow, Store,
    StoreError, TM_COLUMNS, TRANSLATOR_COLUMNS, TmEntry, TmRow, TranslatorAccount, TranslatorRow,
    UsageRow, UsageTuple,
};
use crate::i18n::Lang;

const BACKEND: &str = "sqlite";

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");

/// Tuning that tests need to change; [`Default`] is what `open` uses.
#[derive(Debug, Clone)]
pub struct SqliteOptions {
    /// How long a write waits for another process's write lock before it
    /// gives up with [`StoreError::Busy`].
    pub busy_timeout: Duration,
    /// Pooled connections: readers run in parallel in WAL mode, writers take
    /// turns.
    pub max_connections: u32,
}

impl Default for SqliteOptions {
    fn default() -> Self {
        Self {
            busy_timeout: Duration::from_secs(5),
            max_connections: 4,
        }
    }
}

pub struct SqliteStore {
    pool: SqlitePool,
    path: PathBuf,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl SqliteStore {
    /// Opens (creating the file and its directory when missing) and migrates.
    pub async fn open(path: &Path, options: SqliteOptions) -> Result<Self> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::CreateDir {
                path: parent.to_owned(),
                source,
            })?;
        }
        let connect = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(options.busy_timeout)
            .foreign_keys(true);
        let pool_options = SqlitePoolOptions::new()
            .max_connections(options.max_connections.max(1))
            // Long enough for every pooled connection to wait out one busy
            // timeout; after that the pool itself is the bottleneck: busy.
            .acquire_timeout(options.busy_timeout.saturating_mul(2) + Duration::from_secs(1));
        // Switching a new file into WAL mode needs an exclusive lock that the
        // busy timeout does not wait for: of two processes creating the file
        // at once, one is told "busy" straight away. It is over in moments.
        let mut attempt = 0;
        let pool = loop {
            match pool_options.clone().connect_with(connect.clone()).await {
                Ok(pool) => break pool,
                Err(e) => match error(e) {
                    StoreError::Busy { .. } if attempt < 20 => {
                        attempt += 1;
                        tokio::time::sleep(Duration::from_millis(25 * attempt)).await;
                    }
                    other => return Err(other),
                },
            }
        };
        migrate(&pool).await?;
        Ok(Self {
            pool,
            path: path.to_owned(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Closes every pooled connection (checkpointing the WAL); the store is
    /// unusable afterwards. Dropping the store without it is also safe.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    async fn write(&self) -> Result<Transaction<'static, Sqlite>> {
        self.pool.begin_with("BEGIN IMMEDIATE").await.map_err(error)
    }
}

/// Runs the embedded migrations. Two processes opening a new file at the
/// same moment can both decide that a migration is pending; the loser's
/// transaction fails, and on the retry it finds the migration applied.
async fn migrate(pool: &SqlitePool) -> Result<()> {
    let mut attempt = 0;
    loop {
        match MIGRATOR.run(pool).await {
            Ok(()) => return Ok(()),
            Err(_) if attempt < 3 => {
                attempt += 1;
                tokio::time::sleep(Duration::from_millis(100 * attempt)).await;
            }
            Err(e) => {
                return Err(StoreError::Migrate {
                    backend: BACKEND,
                    message: e.to_string(),
                });
            }
        }
    }
}

/// SQLite result codes that mean "someone else holds the lock":
/// SQLITE_BUSY (5) and SQLITE_LOCKED (6), with any extended code.
fn is_busy_code(code: &str) -> bool {
    code.parse::<i32>().is_ok_and(|c| matches!(c & 0xff, 5 | 6))
}

fn error(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(db) => {
            let code = db.code().map(|c| c.into_owned()).unwrap_or_default();
            if is_busy_code(&code) {
                return StoreError::Busy { backend: BACKEND };
            }
            // SQLITE_CANTOPEN (14) and SQLITE_IOERR (10): the file itself.
            if code
                .parse::<i32>()
                .is_ok_and(|c| matches!(c & 0xff, 10 | 14))
            {
                return StoreError::Unavailable {
                    backend: BACKEND,
                    message: e.to_string(),
                };
            }
        }
        sqlx::Error::PoolTimedOut => return StoreError::Busy { backend: BACKEND },
        sqlx::Error::Io(_) | sqlx::Error::PoolClosed => {
            return StoreError::Unavailable {
                backend: BACKEND,
                message: e.to_string(),
            };
        }
        _ => {}
    }
    StoreError::Database {
        backend: BACKEND,
        message: e.to_string(),
    }
}

/// A list of keys as one JSON array parameter, expanded by `json_each`, so a
/// lookup is one statement however many keys it has.
fn json_list(keys: &[String]) -> Result<String> {
    serde_json::to_string(keys).map_err(|e| StoreError::Invalid(e.to_string()))
}

const TM_UPSERT: &str = "INSERT INTO tm (unit_key, source_lang, target_lang, provider, model, \
     glossary_version, segmenter_version, source_text, text, origin, characters_billed, \
     created_at, used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
     ON CONFLICT (unit_key, source_lang, target_lang, provider, model, glossary_version, \
     segmenter_version) DO UPDATE SET source_text = excluded.source_text, \
     text = excluded.text, origin = excluded.origin, \
     characters_billed = excluded.characters_billed, created_at = excluded.created_at, \
     used_at = excluded.used_at";

/// Bumps the generation inside an override transaction.
async fn bump_generation(tx: &mut Transaction<'static, Sqlite>) -> Result<()> {
    sqlx::query("UPDATE generation SET value = value + 1 WHERE id = 1")
        .execute(&mut **tx)
        .await
        .map_err(error)?;
    Ok(())
}

async fn current_override(
    tx: &mut Transaction<'static, Sqlite>,
    unit_key: &str,
    target: Lang,
) -> Result<Option<Override>> {
    let sql =
        format!("SELECT {OVERRIDE_COLUMNS} FROM overrides WHERE unit_key = ? AND target_lang = ?");
    let row: Option<OverrideRow> = sqlx::query_as(&sql)
        .bind(unit_key)
        .bind(target.code())
        .fetch_optional(&mut **tx)
        .await
        .map_err(error)?;
    row.map(|r| super::override_from_row(BACKEND, r))
        .transpose()
}

async fn append_history(
    tx: &mut Transaction<'static, Sqlite>,
    unit_key: &str,
    target: Lang,
    revision: &OverrideRevision,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO override_history (unit_key, target_lang, version, text, state, author, \
         created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(unit_key)
    .bind(target.code())
    .bind(revision.version)
    .bind(revision.text.as_deref())
    .bind(revision.state.as_str())
    .bind(&revision.author)
    .bind(revision.created_at)
    .execute(&mut **tx)
    .await
    .map_err(error)?;
    Ok(())
}

async fn write_override(tx: &mut Transaction<'static, Sqlite>, o: &Override) -> Result<()> {
    sqlx::query(
        "INSERT INTO overrides (unit_key, target_lang, text, version, state, author, \
         source_text, updated_at, previous_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (unit_key, target_lang) DO UPDATE SET text = excluded.text, \
         version = excluded.version, state = excluded.state, author = excluded.author, \
         source_text = excluded.source_text, updated_at = excluded.updated_at, \
         previous_source = excluded.previous_source",
    )
    .bind(&o.unit_key)
    .bind(o.target_lang.code())
    .bind(&o.text)
    .bind(o.version)
    .bind(o.state.as_str())
    .bind(&o.author)
    .bind(&o.source_text)
    .bind(o.updated_at)
    .bind(o.previous_source.as_deref())
    .execute(&mut **tx)
    .await
    .map_err(error)?;
    Ok(())
}

async fn write_glossary(tx: &mut Transaction<'static, Sqlite>, e: &GlossaryEntry) -> Result<()> {
    sqlx::query(
        "INSERT INTO glossary (target_lang, term, translation, note, author, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (target_lang, term) DO UPDATE SET \
         translation = excluded.translation, note = excluded.note, \
         author = excluded.author, updated_at = excluded.updated_at",
    )
    .bind(e.target_lang.code())
    .bind(&e.term)
    .bind(&e.translation)
    .bind(&e.note)
    .bind(&e.author)
    .bind(e.updated_at)
    .execute(&mut **tx)
    .await
    .map_err(error)?;
    Ok(())
}

/// The version the next change of (unit_key, target) gets: one past the
/// highest in its history, so versions are never reused after a revert.
async fn next_version(
    tx: &mut Transaction<'static, Sqlite>,
    unit_key: &str,
    target: Lang,
) -> Result<i64> {
    let (max,): (i64,) = sqlx::query_as(
        "SELECT COALESCE(MAX(version), 0) FROM override_history \
         WHERE unit_key = ? AND target_lang = ?",
    )
    .bind(unit_key)
    .bind(target.code())
    .fetch_one(&mut **tx)
    .await
    .map_err(error)?;
    Ok(max + 1)
}

#[async_trait]
impl Store for SqliteStore {
    fn backend(&self) -> &'static str {
        BACKEND
    }

    async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map_err(error)?;
        Ok(())
    }

    async fn tm_get(
        &self,
        unit_keys: &[String],
        target: Lang,
        glossary_version: i64,
        segmenter_version: i64,
    ) -> Result<HashMap<String, TmEntry>> {
        if unit_keys.is_empty() {
            return Ok(HashMap::new());
        }
        let sql = format!(
            "SELECT {TM_COLUMNS} FROM tm WHERE target_lang = ? AND glossary_version = ? \
             AND segmenter_version = ? AND unit_key IN (SELECT value FROM json_each(?))"
        );
        let rows: Vec<TmRow> = sqlx::query_as(&sql)
            .bind(target.code())
            .bind(glossary_version)
            .bind(segmenter_version)
            .bind(json_list(unit_keys)?)
            .fetch_all(&self.pool)
            .await
            .map_err(error)?;
        let entries = rows
            .into_iter()
            .map(|r| super::tm_from_row(BACKEND, r))
            .collect::<Result<Vec<_>>>()?;
        Ok(super::newest_per_key(entries))
    }

    async fn tm_put(&self, entries: &[TmEntry]) -> Result<()> {
        if entries.is_empty() {
            return Ok(());
        }
        for entry in entries {
            super::check_entry(entry)?;
        }
        let mut tx = self.write().await?;
        for e in super::dedup_entries(entries) {
            sqlx::query(TM_UPSERT)
                .bind(&e.unit_key)
                .bind(e.source_lang.code())
                .bind(e.target_lang.code())
                .bind(&e.provider)
                .bind(&e.model)
                .bind(e.glossary_version)
                .bind(e.segmenter_version)
                .bind(&e.source_text)
                .bind(&e.text)
                .bind(e.origin.as_str())
                .bind(e.characters_billed)
                .bind(e.created_at)
                .bind(e.used_at)
                .execute(&mut *tx)
                .await
                .map_err(error)?;
        }
        tx.commit().await.map_err(error)
    }

    async fn tm_touch(&self, unit_keys: &[String], target: Lang, at: i64) -> Result<()> {
        if unit_keys.is_empty() {
            return Ok(());
        }
        let mut tx = self.write().await?;
        sqlx::query(
            "UPDATE tm SET used_at = ? WHERE target_lang = ? AND used_at < ? \
             AND unit_key IN (SELECT value FROM json_each(?))",
        )
        .bind(at)
        .bind(target.code())
        .bind(at)
        .bind(json_list(unit_keys)?)
        .execute(&mut *tx)
        .await
        .map_err(error)?;
        tx.commit().await.map_err(error)
    }

    async fn tm_count(&self) -> Result<u64> {
        let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM tm")
            .fetch_one(&self.pool)
            .await
            .map_err(error)?;
        Ok(u64::try_from(count).unwrap_or_default())
    }

    async fn tm_source(&self, unit_key: &str) -> Result<Option<String>> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT source_text FROM tm WHERE unit_key = ? LIMIT 1")
                .bind(unit_key)
                .fetch_optional(&self.pool)
                .await
                .map_err(error)?;
        Ok(row.map(|(source,)| source))
    }

    async fn tm_all(&self, target: Option<Lang>) -> Result<Vec<TmEntry>> {
        let sql = format!(
            "SELECT {TM_COLUMNS} FROM tm WHERE (?1 IS NULL OR target_lang = ?1) \
             ORDER BY unit_key, target_lang, source_lang, provider, model, \
             glossary_version, segmenter_version"
        );
        let rows: Vec<TmRow> = sqlx::query_as(&sql)
            .bind(target.map(Lang::code))
            .fetch_all(&self.pool)
            .await
            .map_err(error)?;
        rows.into_iter()
            .map(|r| super::tm_from_row(BACKEND, r))
            .collect()
    }

    async fn override_get(
        &self,
        unit_keys: &[String],
        target: Lang,
    ) -> Result<HashMap<String, Override>> {
        if unit_keys.is_empty() {
            return Ok(HashMap::new());
        }
        let sql = format!(
            "SELECT {OVERRIDE_COLUMNS} FROM overrides WHERE target_lang = ? \
             AND unit_key IN (SELECT value FROM json_each(?))"
        );
        let rows: Vec<OverrideRow> = sqlx::query_as(&sql)
            .bind(target.code())
            .bind(json_list(unit_keys)?)
            .fetch_all(&self.pool)
            .await
            .map_err(error)?;
        rows.into_iter()
            .map(|r| super::override_from_row(BACKEND, r).map(|o| (o.unit_key.clone(), o)))
            .collect()
    }

    async fn override_all(&self, target: Option<Lang>) -> Result<Vec<Override>> {
        let sql = format!(
            "SELECT {OVERRIDE_COLUMNS} FROM overrides WHERE (?1 IS NULL OR target_lang = ?1) \
             ORDER BY unit_key, target_lang"
        );
        let rows: Vec<OverrideRow> = sqlx::query_as(&sql)
            .bind(target.map(Lang::code))
            .fetch_all(&self.pool)
            .await
            .map_err(error)?;
        rows.into_iter()
            .map(|r| super::override_from_row(BACKEND, r))
            .collect()
    }

    async fn override_put(
        &self,
        unit_key: &str,
        target: Lang,
        text: &str,
        source_text: &str,
        author: &str,
        if_version: Option<i64>,
    ) -> Result<Override> {
        super::check_override(unit_key, text, source_text, author)?;
        let mut tx = self.write().await?;
        let current = current_override(&mut tx, unit_key, target).await?;
        let current_version = current.as_ref().map(|o| o.version);
        if current_version != if_version {
            return Err(StoreError::VersionConflict {
                current: current_version,
            });
        }
        let version = match current_version {
            Some(v) => v + 1,
            None => next_version(&mut tx, unit_key, target).await?,
        };
        let now = super::now_ms();
        let new = Override {
            unit_key: unit_key.to_owned(),
            target_lang: target,
            text: text.to_owned(),
            version,
            state: OverrideState::Approved,
            author: author.to_owned(),
            source_text: source_text.to_owned(),
            previous_source: None,
            updated_at: now,
        };
        write_override(&mut tx, &new).await?;
        append_history(&mut tx, unit_key, target, &super::revision_of(&new)).await?;
        bump_generation(&mut tx).await?;
        tx.commit().await.map_err(error)?;
        Ok(new)
    }

    async fn override_revert(
        &self,
        unit_key: &str,
        target: Lang,
        author: &str,
        if_version: Option<i64>,
    ) -> Result<()> {
        super::check_author(author)?;
        let mut tx = self.write().await?;
        let current = current_override(&mut tx, unit_key, target).await?;
        let current = super::check_existing(current, if_version)?;
        sqlx::query("DELETE FROM overrides WHERE unit_key = ? AND target_lang = ?")
            .bind(unit_key)
            .bind(target.code())
            .execute(&mut *tx)
            .await
            .map_err(error)?;
        let revision = OverrideRevision {
            version: current.version + 1,
            text: None,
            author: author.to_owned(),
            created_at: super::now_ms(),
            state: current.state,
        };
        append_history(&mut tx, unit_key, target, &revision).await?;
        bump_generation(&mut tx).await?;
        tx.commit().await.map_err(error)
    }

    async fn override_set_state(
        &self,
        unit_key: &str,
        target: Lang,
        state: OverrideState,
        author: &str,
        if_version: Option<i64>,
    ) -> Result<Override> {
        super::check_author(author)?;
        let mut tx = self.write().await?;
        let current = current_override(&mut tx, unit_key, target).await?;
        let current = super::check_existing(current, if_version)?;
        let new = Override {
            version: current.version + 1,
            state,
            author: author.to_owned(),
            updated_at: super::now_ms(),
            // Approving is the review: what changed no longer needs showing.
            previous_source: match state {
                OverrideState::Approved => None,
                OverrideState::NeedsReview => current.previous_source.clone(),
            },
            ..current
        };
        write_override(&mut tx, &new).await?;
        append_history(&mut tx, unit_key, target, &super::revision_of(&new)).await?;
        bump_generation(&mut tx).await?;
        tx.commit().await.map_err(error)?;
        Ok(new)
    }

    async fn override_history(
        &self,
        unit_key: &str,
        target: Lang,
    ) -> Result<Vec<OverrideRevision>> {
        let rows: Vec<RevisionRow> = sqlx::query_as(
            "SELECT version, text, author, created_at, state FROM override_history \
             WHERE unit_key = ? AND target_lang = ? ORDER BY version",
        )
        .bind(unit_key)
        .bind(target.code())
        .fetch_all(&self.pool)
        .await
        .map_err(error)?;
        rows.into_iter()
            .map(|r| super::revision_from_row(BACKEND, r))
            .collect()
    }

    async fn usage_add(
        &self,
        provider: &str,
        day: &str,
        characters: i64,
        requests: i64,
    ) -> Result<()> {
        super::check_usage(provider, day, characters, requests)?;
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO usage (provider, day, characters, requests) VALUES (?, ?, ?, ?) \
             ON CONFLICT (provider, day) DO UPDATE SET \
             characters = usage.characters + excluded.characters, \
             requests = usage.requests + excluded.requests",
        )
        .bind(provider)
        .bind(day)
        .bind(characters)
        .bind(requests)
        .execute(&mut *tx)
        .await
        .map_err(error)?;
        tx.commit().await.map_err(error)
    }

    async fn usage(
        &self,
        provider: Option<&str>,
        from_day: &str,
        to_day: &str,
    ) -> Result<Vec<UsageRow>> {
        let rows: Vec<UsageTuple> = sqlx::query_as(
            "SELECT provider, day, characters, requests FROM usage \
             WHERE (?1 IS NULL OR provider = ?1) AND day >= ?2 AND day <= ?3 \
             ORDER BY day, provider",
        )
        .bind(provider)
        .bind(from_day)
        .bind(to_day)
        .fetch_all(&self.pool)
        .await
        .map_err(error)?;
        Ok(rows.into_iter().map(super::usage_from_row).collect())
    }

    async fn translator_add(
        &self,
        name: &str,
        token_sha256: &str,
        role: Role,
        languages: &[Lang],
    ) -> Result<TranslatorAccount> {
        super::check_translator(name, token_sha256)?;
        let mut tx = self.write().await?;
        let existing: Option<(Option<i64>,)> =
            sqlx::query_as("SELECT revoked_at FROM translators WHERE name = ?")
                .bind(name)
                .fetch_optional(&mut *tx)
                .await
                .map_err(error)?;
        if let Some((None,)) = existing {
            return Err(StoreError::AlreadyExists(format!("translator {name:?}")));
        }
        let account = TranslatorAccount {
            name: name.to_owned(),
            role,
            languages: languages.to_vec(),
            created_at: super::now_ms(),
            revoked_at: None,
        };
        sqlx::query(
            "INSERT INTO translators (name, token_sha256, role, languages, created_at, revoked_at) \
             VALUES (?, ?, ?, ?, ?, NULL) ON CONFLICT (name) DO UPDATE SET \
             token_sha256 = excluded.token_sha256, role = excluded.role, \
             languages = excluded.languages, created_at = excluded.created_at, revoked_at = NULL",
        )
        .bind(name)
        .bind(token_sha256)
        .bind(role.as_str())
        .bind(super::languages_column(languages))
        .bind(account.created_at)
        .execute(&mut *tx)
        .await
        .map_err(error)?;
        tx.commit().await.map_err(error)?;
        Ok(account)
    }

    async fn translator_revoke(&self, name: &str) -> Result<()> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "UPDATE translators SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
        )
        .bind(super::now_ms())
        .bind(name)
        .execute(&mut *tx)
        .await
        .map_err(error)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query("DELETE FROM sessions WHERE translator = ?")
            .bind(name)
            .execute(&mut *tx)
            .await
            .map_err(error)?;
        tx.commit().await.map_err(error)
    }

    async fn translators(&self) -> Result<Vec<TranslatorAccount>> {
        let sql = format!("SELECT {TRANSLATOR_COLUMNS} FROM translators ORDER BY name");
        let rows: Vec<TranslatorRow> = sqlx::query_as(&sql)
            .fetch_all(&self.pool)
            .await
            .map_err(error)?;
        rows.into_iter()
            .map(|r| super::translator_from_row(BACKEND, r))
            .collect()
    }

    async fn translator_by_token(&self, token_sha256: &str) -> Result<Option<TranslatorAccount>> {
        let sql = format!(
            "SELECT {TRANSLATOR_COLUMNS} FROM translators \
             WHERE token_sha256 = ? AND revoked_at IS NULL"
        );
        let row: Option<TranslatorRow> = sqlx::query_as(&sql)
            .bind(token_sha256)
            .fetch_optional(&self.pool)
            .await
            .map_err(error)?;
        row.map(|r| super::translator_from_row(BACKEND, r))
            .transpose()
    }

    async fn session_create(
        &self,
        id_sha256: &str,
        translator: &str,
        csrf_token: &str,
        expires_at: i64,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        // Expired sessions go when new ones come, so the table stays small.
        sqlx::query("DELETE FROM sessions WHERE expires_at <= ?")
            .bind(super::now_ms())
            .execute(&mut *tx)
            .await
            .map_err(error)?;
        sqlx::query(
            "INSERT INTO sessions (id_sha256, translator, csrf_token, created_at, expires_at) \
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(id_sha256)
        .bind(translator)
        .bind(csrf_token)
        .bind(super::now_ms())
        .bind(expires_at)
        .execute(&mut *tx)
        .await
        .map_err(error)?;
        tx.commit().await.map_err(error)
    }

    async fn session_get(&self, id_sha256: &str, now: i64) -> Result<Option<Session>> {
        let sql = format!(
            "SELECT s.csrf_token, s.expires_at, {} FROM sessions s \
             JOIN translators t ON t.name = s.translator \
             WHERE s.id_sha256 = ? AND s.expires_at > ? AND t.revoked_at IS NULL",
            super::prefixed_translator_columns("t")
        );
        let row: Option<SessionRow> = sqlx::query_as(&sql)
            .bind(id_sha256)
            .bind(now)
            .fetch_optional(&self.pool)
            .await
            .map_err(error)?;
        match row {
            Some(row) => super::session_from_row(BACKEND, row).map(Some),
            None => Ok(None),
        }
    }

    async fn session_delete(&self, id_sha256: &str) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query("DELETE FROM sessions WHERE id_sha256 = ? OR expires_at <= ?")
            .bind(id_sha256)
            .bind(super::now_ms())
            .execute(&mut *tx)
            .await
            .map_err(error)?;
        tx.commit().await.map_err(error)
    }

    async fn page_units_sync(
        &self,
        page: &str,
        units: &[PageUnit],
    ) -> Result<Vec<CarriedOverride>> {
        let mut tx = self.write().await?;
        let old: Vec<(String, String)> = sqlx::query_as(
            "SELECT unit_key, source_text FROM page_units WHERE page = ? ORDER BY position",
        )
        .bind(page)
        .fetch_all(&mut *tx)
        .await
        .map_err(error)?;
        let old: Vec<PageUnit> = old
            .into_iter()
            .map(|(unit_key, source_text)| PageUnit {
                unit_key,
                source_text,
            })
            .collect();
        if old == units {
            return Ok(Vec::new());
        }
        let mut carried = Vec::new();
        for (from, to) in super::carried_units(&old, units) {
            let (Some(from), Some(to)) = (old.get(from), units.get(to)) else {
                continue;
            };
            let sql = format!("SELECT {OVERRIDE_COLUMNS} FROM overrides WHERE unit_key = ?");
            let rows: Vec<OverrideRow> = sqlx::query_as(&sql)
                .bind(&from.unit_key)
                .fetch_all(&mut *tx)
                .await
                .map_err(error)?;
            for row in rows {
                let previous = super::override_from_row(BACKEND, row)?;
                let target = previous.target_lang;
                if current_override(&mut tx, &to.unit_key, target)
                    .await?
                    .is_some()
                {
                    continue;
                }
                let flagged = super::carried_override(
                    previous,
                    to,
                    next_version(&mut tx, &to.unit_key, target).await?,
                );
                write_override(&mut tx, &flagged).await?;
                append_history(&mut tx, &to.unit_key, target, &super::revision_of(&flagged))
                    .await?;
                carried.push(CarriedOverride {
                    from_key: from.unit_key.clone(),
                    to_key: to.unit_key.clone(),
                    target,
                    version: flagged.version,
                });
            }
        }
        sqlx::query("DELETE FROM page_units WHERE page = ?")
            .bind(page)
            .execute(&mut *tx)
            .await
            .map_err(error)?;
        for (position, unit) in units.iter().enumerate() {
            sqlx::query(
                "INSERT INTO page_units (page, position, unit_key, source_text) \
                 VALUES (?, ?, ?, ?)",
            )
            .bind(page)
            .bind(i64::try_from(position).unwrap_or(i64::MAX))
            .bind(&unit.unit_key)
            .bind(&unit.source_text)
            .execute(&mut *tx)
            .await
            .map_err(error)?;
        }
        if !carried.is_empty() {
            bump_generation(&mut tx).await?;
        }
        tx.commit().await.map_err(error)?;
        Ok(carried)
    }

    async fn glossary_all(&self, target: Option<Lang>) -> Result<Vec<GlossaryEntry>> {
        let sql = format!(
            "SELECT {GLOSSARY_COLUMNS} FROM glossary WHERE (?1 IS NULL OR target_lang = ?1) \
             ORDER BY target_lang, term"
        );
        let rows: Vec<GlossaryRow> = sqlx::query_as(&sql)
            .bind(target.map(Lang::code))
            .fetch_all(&self.pool)
            .await
            .map_err(error)?;
        rows.into_iter()
            .map(|r| super::glossary_from_row(BACKEND, r))
            .collect()
    }

    async fn glossary_put(&self, entry: &GlossaryEntry) -> Result<GlossaryEntry> {
        let checked = super::checked_glossary(entry.target_lang, std::slice::from_ref(entry))?;
        let mut tx = self.write().await?;
        for e in &checked {
            write_glossary(&mut tx, e).await?;
        }
        bump_generation(&mut tx).await?;
        tx.commit().await.map_err(error)?;
        checked.into_iter().next().ok_or(StoreError::NotFound)
    }

    async fn glossary_delete(&self, target: Lang, term: &str) -> Result<()> {
        let mut tx = self.write().await?;
        let done = sqlx::query("DELETE FROM glossary WHERE target_lang = ? AND term = ?")
            .bind(target.code())
            .bind(term)
            .execute(&mut *tx)
            .await
            .map_err(error)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        bump_generation(&mut tx).await?;
        tx.commit().await.map_err(error)
    }

    async fn glossary_import(
        &self,
        target: Lang,
        entries: &[GlossaryEntry],
        replace_all: bool,
    ) -> Result<usize> {
        let checked = super::checked_glossary(target, entries)?;
        let mut tx = self.write().await?;
        if replace_all {
            sqlx::query("DELETE FROM glossary WHERE target_lang = ?")
                .bind(target.code())
                .execute(&mut *tx)
                .await
                .map_err(error)?;
        }
        for e in &checked {
            write_glossary(&mut tx, e).await?;
        }
        bump_generation(&mut tx).await?;
        tx.commit().await.map_err(error)?;
        Ok(checked.len())
    }

    async fn report_add(
        &self,
        page: &str,
        unit_key: &str,
        target: Lang,
        message: &str,
    ) -> Result<Report> {
        super::check_report(page, unit_key, target, message)?;
        let created_at = super::now_ms();
        let mut tx = self.write().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO reports (page, unit_key, target_lang, message, created_at, status) \
             VALUES (?, ?, ?, ?, ?, 'open') RETURNING id",
        )
        .bind(page)
        .bind(unit_key)
        .bind(target.code())
        .bind(message)
        .bind(created_at)
        .fetch_one(&mut *tx)
        .await
        .map_err(error)?;
        tx.commit().await.map_err(error)?;
        Ok(Report {
            id,
            page: page.to_owned(),
            unit_key: unit_key.to_owned(),
            target_lang: target,
            message: message.to_owned(),
            created_at,
            status: ReportStatus::Open,
            resolved_by: None,
            resolved_at: None,
        })
    }

    async fn reports(
        &self,
        target: Option<Lang>,
        status: Option<ReportStatus>,
        page: Option<&str>,
    ) -> Result<Vec<Report>> {
        let sql = format!(
            "SELECT {REPORT_COLUMNS} FROM reports WHERE (?1 IS NULL OR target_lang = ?1) \
             AND (?2 IS NULL OR status = ?2) AND (?3 IS NULL OR page = ?3) \
             ORDER BY created_at DESC, id DESC LIMIT ?4"
        );
        let rows: Vec<ReportRow> = sqlx::query_as(&sql)
            .bind(target.map(Lang::code))
            .bind(status.map(ReportStatus::as_str))
            .bind(page)
            .bind(REPORTS_LISTED_MAX)
            .fetch_all(&self.pool)
            .await
            .map_err(error)?;
        rows.into_iter()
            .map(|r| super::report_from_row(BACKEND, r))
            .collect()
    }

    async fn report_get(&self, id: i64) -> Result<Option<Report>> {
        let sql = format!("SELECT {REPORT_COLUMNS} FROM reports WHERE id = ?");
        let row: Option<ReportRow> = sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .map_err(error)?;
        row.map(|r| super::report_from_row(BACKEND, r)).transpose()
    }

    async fn report_resolve(&self, id: i64, by: &str) -> Result<Report> {
        super::check_author(by)?;
        let mut tx = self.write().await?;
        sqlx::query(
            "UPDATE reports SET status = 'resolved', resolved_by = ?, resolved_at = ? \
             WHERE id = ? AND status = 'open'",
        )
        .bind(by)
        .bind(super::now_ms())
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(error)?;
        let sql = format!("SELECT {REPORT_COLUMNS} FROM reports WHERE id = ?");
        let row: Option<ReportRow> = sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(error)?;
        let report = super::report_from_row(BACKEND, row.ok_or(StoreError::NotFound)?)?;
        tx.commit().await.map_err(error)?;
        Ok(report)
    }

    async fn generation(&self) -> Result<i64> {
        let (value,): (i64,) = sqlx::query_as("SELECT value FROM generation WHERE id = 1")
            .fetch_one(&self.pool)
            .await
            .map_err(error)?;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_and_locked_codes_are_busy() {
        for code in ["5", "261", "517", "773", "6", "262"] {
            assert!(is_busy_code(code), "{code}");
        }
        for code in ["1", "19", "2067", "", "busy"] {
            assert!(!is_busy_code(code), "{code}");
        }
    }
}
