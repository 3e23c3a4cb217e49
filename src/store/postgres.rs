//! The PostgreSQL backend, for several instances sharing one database.
//!
//! Migrations run at [`PostgresStore::open`] under sqlx's migration lock (a
//! session advisory lock), so instances starting together apply each
//! migration once. Commits use the server's `synchronous_commit` (on by
//! default): a write is durable when it returns.
//!
//! Every override change starts by bumping the generation row, which takes
//! that row's lock: override changes from all instances are serialized, so a
//! version check followed by a write cannot interleave with another one (no
//! lost update under READ COMMITTED), and the generation moves in the same
//! transaction. The commit also sends `NOTIFY honyaku_generation` with the
//! new value, for instances that listen instead of polling.
//!
//! Error messages from the driver are scrubbed of the URL's password before
//! they leave this module.

use std::collections::HashMap;
use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::{Connection, Postgres, Transaction};

use super::{
    CarriedOverride, GLOSSARY_COLUMNS, GlossaryEntry, GlossaryRow, OVERRIDE_COLUMNS, Override,
    OverrideRevision, OverrideRow, OverrideState, PageUnit, REPORT_COLUMNS, REPORTS_LISTED_MAX,
    Report, ReportRow, ReportStatus, Result, RevisionRow, Role, Session, SessionRow, Store,
    StoreError, TM_COLUMNS, TRANSLATOR_COLUMNS, TmEntry, TmRow, TranslatorAccount, TranslatorRow,
    UsageRow, UsageTuple,
};
use crate::i18n::Lang;

const BACKEND: &str = "postgres";

/// The channel that override changes are announced on; the payload is the
/// new generation.
pub const NOTIFY_CHANNEL: &str = "honyaku_generation";

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

#[derive(Debug, Clone)]
pub struct PostgresOptions {
    pub max_connections: u32,
    /// How long a query waits for a pooled connection (or for the server to
    /// accept a new one) before the store is reported unavailable.
    pub acquire_timeout: Duration,
}

impl Default for PostgresOptions {
    fn default() -> Self {
        Self {
            max_connections: 10,
            acquire_timeout: Duration::from_secs(5),
        }
    }
}

pub struct PostgresStore {
    pool: PgPool,
    /// The password in the URL (as written and percent-decoded), removed
    /// from every error message.
    secrets: Vec<String>,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore").finish_non_exhaustive()
    }
}

/// The password of a `postgres://` URL, in every spelling a driver message
/// might repeat.
fn secrets_of(url: &str) -> Vec<String> {
    let Ok(parsed) = url::Url::parse(url) else {
        return Vec::new();
    };
    let mut secrets = Vec::new();
    if let Some(password) = parsed.password() {
        let decoded = percent_decode(password);
        secrets.push(password.to_owned());
        if !secrets.contains(&decoded) {
            secrets.push(decoded);
        }
    }
    // `?password=` is honoured by the driver too.
    for (key, value) in parsed.query_pairs() {
        if key.eq_ignore_ascii_case("password")
            && !value.is_empty()
            && !secrets.contains(&value.to_string())
        {
            secrets.push(value.into_owned());
        }
    }
    secrets
}

/// `%XX` escapes decoded (URL userinfo has no `+`-for-space rule).
fn percent_decode(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |at: usize| bytes.get(at).and_then(|c| (*c as char).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push(u8::try_from(hi * 16 + lo).unwrap_or(b'?'));
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl PostgresStore {
    /// Connects and migrates. `url` is a `postgres://` URL; its password
    /// never appears in an error.
    pub async fn open(url: &str, options: PostgresOptions) -> Result<Self> {
        let secrets = secrets_of(url);
        let connect = PgConnectOptions::from_str(url)
            .map_err(|e| {
                StoreError::Config(format!(
                    "is not a usable PostgreSQL URL: {}",
                    super::scrub(e.to_string(), &secrets)
                ))
            })?
            .application_name("honyaku");
        // One direct connection first: when the server is down or refuses
        // us, start-up says why at once (refused, bad password, no such
        // database) instead of the pool's "timed out" after retrying.
        sqlx::PgConnection::connect_with(&connect)
            .await
            .map_err(|e| error_with(e, &secrets))?
            .close()
            .await
            .map_err(|e| error_with(e, &secrets))?;
        let pool = PgPoolOptions::new()
            .max_connections(options.max_connections.max(1))
            .acquire_timeout(options.acquire_timeout)
            .connect_with(connect)
            .await
            .map_err(|e| error_with(e, &secrets))?;
        MIGRATOR.run(&pool).await.map_err(|e| StoreError::Migrate {
            backend: BACKEND,
            message: super::scrub(e.to_string(), &secrets),
        })?;
        Ok(Self { pool, secrets })
    }

    /// Closes every pooled connection; the store is unusable afterwards.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    fn error(&self, e: sqlx::Error) -> StoreError {
        error_with(e, &self.secrets)
    }
}

/// SQLSTATEs that mean "wait for another transaction and try again":
/// lock_not_available, serialization_failure, deadlock_detected.
fn is_busy_state(code: &str) -> bool {
    matches!(code, "55P03" | "40001" | "40P01")
}

/// SQLSTATEs that mean the server is going away or not accepting yet.
fn is_unavailable_state(code: &str) -> bool {
    matches!(code, "57P01" | "57P02" | "57P03" | "53300")
}

fn error_with(e: sqlx::Error, secrets: &[String]) -> StoreError {
    let message = || super::scrub(e.to_string(), secrets);
    match &e {
        sqlx::Error::Database(db) => {
            let code = db.code().map(|c| c.into_owned()).unwrap_or_default();
            if is_busy_state(&code) {
                return StoreError::Busy { backend: BACKEND };
            }
            if is_unavailable_state(&code) {
                return StoreError::Unavailable {
                    backend: BACKEND,
                    message: message(),
                };
            }
        }
        sqlx::Error::PoolTimedOut => {
            return StoreError::Unavailable {
                backend: BACKEND,
                message: "no database connection became available in time".into(),
            };
        }
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::Protocol(_)
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => {
            return StoreError::Unavailable {
                backend: BACKEND,
                message: message(),
            };
        }
        _ => {}
    }
    StoreError::Database {
        backend: BACKEND,
        message: message(),
    }
}

/// Starts an override change: bumps the generation, which takes the lock
/// that serializes override changes, and returns the new generation.
async fn begin_override_change(
    store: &PostgresStore,
) -> Result<(Transaction<'static, Postgres>, i64)> {
    let mut tx = store.pool.begin().await.map_err(|e| store.error(e))?;
    let (generation,): (i64,) =
        sqlx::query_as("UPDATE generation SET value = value + 1 WHERE id = 1 RETURNING value")
            .fetch_one(&mut *tx)
            .await
            .map_err(|e| store.error(e))?;
    Ok((tx, generation))
}

async fn finish_override_change(
    store: &PostgresStore,
    mut tx: Transaction<'static, Postgres>,
    generation: i64,
) -> Result<()> {
    sqlx::query("SELECT pg_notify($1, $2)")
        .bind(NOTIFY_CHANNEL)
        .bind(generation.to_string())
        .execute(&mut *tx)
        .await
        .map_err(|e| store.error(e))?;
    tx.commit().await.map_err(|e| store.error(e))
}

async fn current_override(
    store: &PostgresStore,
    tx: &mut Transaction<'static, Postgres>,
    unit_key: &str,
    target: Lang,
) -> Result<Option<Override>> {
    let sql = format!(
        "SELECT {OVERRIDE_COLUMNS} FROM overrides WHERE unit_key = $1 AND target_lang = $2"
    );
    let row: Option<OverrideRow> = sqlx::query_as(&sql)
        .bind(unit_key)
        .bind(target.code())
        .fetch_optional(&mut **tx)
        .await
        .map_err(|e| store.error(e))?;
    row.map(|r| super::override_from_row(BACKEND, r))
        .transpose()
}

async fn append_history(
    store: &PostgresStore,
    tx: &mut Transaction<'static, Postgres>,
    unit_key: &str,
    target: Lang,
    revision: &OverrideRevision,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO override_history (unit_key, target_lang, version, text, state, author, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
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
    .map_err(|e| store.error(e))?;
    Ok(())
}

async fn write_override(
    store: &PostgresStore,
    tx: &mut Transaction<'static, Postgres>,
    o: &Override,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO overrides (unit_key, target_lang, text, version, state, author, \
         source_text, updated_at, previous_source) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (unit_key, target_lang) DO UPDATE SET text = EXCLUDED.text, \
         version = EXCLUDED.version, state = EXCLUDED.state, author = EXCLUDED.author, \
         source_text = EXCLUDED.source_text, updated_at = EXCLUDED.updated_at, \
         previous_source = EXCLUDED.previous_source",
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
    .map_err(|e| store.error(e))?;
    Ok(())
}

/// Upserts glossary entries in one statement (columns as arrays).
async fn write_glossary(
    store: &PostgresStore,
    tx: &mut Transaction<'static, Postgres>,
    entries: &[GlossaryEntry],
) -> Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    let strings = |f: fn(&GlossaryEntry) -> String| entries.iter().map(f).collect::<Vec<_>>();
    sqlx::query(
        "INSERT INTO glossary (target_lang, term, translation, note, author, updated_at) \
         SELECT * FROM UNNEST($1::TEXT[], $2::TEXT[], $3::TEXT[], $4::TEXT[], $5::TEXT[], \
         $6::BIGINT[]) ON CONFLICT (target_lang, term) DO UPDATE SET \
         translation = EXCLUDED.translation, note = EXCLUDED.note, \
         author = EXCLUDED.author, updated_at = EXCLUDED.updated_at",
    )
    .bind(strings(|e| e.target_lang.code().to_owned()))
    .bind(strings(|e| e.term.clone()))
    .bind(strings(|e| e.translation.clone()))
    .bind(strings(|e| e.note.clone()))
    .bind(strings(|e| e.author.clone()))
    .bind(entries.iter().map(|e| e.updated_at).collect::<Vec<_>>())
    .execute(&mut **tx)
    .await
    .map_err(|e| store.error(e))?;
    Ok(())
}

async fn next_version(
    store: &PostgresStore,
    tx: &mut Transaction<'static, Postgres>,
    unit_key: &str,
    target: Lang,
) -> Result<i64> {
    let (max,): (i64,) = sqlx::query_as(
        "SELECT COALESCE(MAX(version), 0)::BIGINT FROM override_history \
         WHERE unit_key = $1 AND target_lang = $2",
    )
    .bind(unit_key)
    .bind(target.code())
    .fetch_one(&mut **tx)
    .await
    .map_err(|e| store.error(e))?;
    Ok(max + 1)
}

#[async_trait]
impl Store for PostgresStore {
    fn backend(&self) -> &'static str {
        BACKEND
    }

    async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map_err(|e| self.error(e))?;
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
            "SELECT {TM_COLUMNS} FROM tm WHERE target_lang = $1 AND glossary_version = $2 \
             AND segmenter_version = $3 AND unit_key = ANY($4)"
        );
        let rows: Vec<TmRow> = sqlx::query_as(&sql)
            .bind(target.code())
            .bind(glossary_version)
            .bind(segmenter_version)
            .bind(unit_keys)
            .fetch_all(&self.pool)
            .await
            .map_err(|e| self.error(e))?;
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
        let entries = super::dedup_entries(entries);
        // One statement for the whole batch: the columns as arrays, UNNEST
        // turns them back into rows.
        let strings = |f: fn(&TmEntry) -> String| entries.iter().map(|e| f(e)).collect::<Vec<_>>();
        let numbers = |f: fn(&TmEntry) -> i64| entries.iter().map(|e| f(e)).collect::<Vec<_>>();
        let mut tx = self.pool.begin().await.map_err(|e| self.error(e))?;
        sqlx::query(
            "INSERT INTO tm (unit_key, source_lang, target_lang, provider, model, \
             glossary_version, segmenter_version, source_text, text, origin, \
             characters_billed, created_at, used_at) \
             SELECT * FROM UNNEST($1::TEXT[], $2::TEXT[], $3::TEXT[], $4::TEXT[], $5::TEXT[], \
             $6::BIGINT[], $7::BIGINT[], $8::TEXT[], $9::TEXT[], $10::TEXT[], $11::BIGINT[], \
             $12::BIGINT[], $13::BIGINT[]) \
             ON CONFLICT (unit_key, source_lang, target_lang, provider, model, \
             glossary_version, segmenter_version) DO UPDATE SET \
             source_text = EXCLUDED.source_text, text = EXCLUDED.text, \
             origin = EXCLUDED.origin, characters_billed = EXCLUDED.characters_billed, \
             created_at = EXCLUDED.created_at, used_at = EXCLUDED.used_at",
        )
        .bind(strings(|e| e.unit_key.clone()))
        .bind(strings(|e| e.source_lang.code().to_owned()))
        .bind(strings(|e| e.target_lang.code().to_owned()))
        .bind(strings(|e| e.provider.clone()))
        .bind(strings(|e| e.model.clone()))
        .bind(numbers(|e| e.glossary_version))
        .bind(numbers(|e| e.segmenter_version))
        .bind(strings(|e| e.source_text.clone()))
        .bind(strings(|e| e.text.clone()))
        .bind(strings(|e| e.origin.as_str().to_owned()))
        .bind(numbers(|e| e.characters_billed))
        .bind(numbers(|e| e.created_at))
        .bind(numbers(|e| e.used_at))
        .execute(&mut *tx)
        .await
        .map_err(|e| self.error(e))?;
        tx.commit().await.map_err(|e| self.error(e))
    }

    async fn tm_touch(&self, unit_keys: &[String], target: Lang, at: i64) -> Result<()> {
        if unit_keys.is_empty() {
            return Ok(());
        }
        sqlx::query(
            "UPDATE tm SET used_at = $1 WHERE target_lang = $2 AND used_at < $1 \
             AND unit_key = ANY($3)",
        )
        .bind(at)
        .bind(target.code())
        .bind(unit_keys)
        .execute(&self.pool)
        .await
        .map_err(|e| self.error(e))?;
        Ok(())
    }

    async fn tm_count(&self) -> Result<u64> {
        let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM tm")
            .fetch_one(&self.pool)
            .await
            .map_err(|e| self.error(e))?;
        Ok(u64::try_from(count).unwrap_or_default())
    }

    async fn tm_source(&self, unit_key: &str) -> Result<Option<String>> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT source_text FROM tm WHERE unit_key = $1 LIMIT 1")
                .bind(unit_key)
                .fetch_optional(&self.pool)
                .await
                .map_err(|e| self.error(e))?;
        Ok(row.map(|(source,)| source))
    }

    async fn tm_all(&self, target: Option<Lang>) -> Result<Vec<TmEntry>> {
        let sql = format!(
            "SELECT {TM_COLUMNS} FROM tm WHERE ($1::TEXT IS NULL OR target_lang = $1) \
             ORDER BY unit_key COLLATE \"C\", target_lang COLLATE \"C\", \
             source_lang COLLATE \"C\", provider COLLATE \"C\", model COLLATE \"C\", \
             glossary_version, segmenter_version"
        );
        let rows: Vec<TmRow> = sqlx::query_as(&sql)
            .bind(target.map(Lang::code))
            .fetch_all(&self.pool)
            .await
            .map_err(|e| self.error(e))?;
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
            "SELECT {OVERRIDE_COLUMNS} FROM overrides WHERE target_lang = $1 \
             AND unit_key = ANY($2)"
        );
        let rows: Vec<OverrideRow> = sqlx::query_as(&sql)
            .bind(target.code())
            .bind(unit_keys)
            .fetch_all(&self.pool)
            .await
            .map_err(|e| self.error(e))?;
        rows.into_iter()
            .map(|r| super::override_from_row(BACKEND, r).map(|o| (o.unit_key.clone(), o)))
            .collect()
    }

    async fn override_all(&self, target: Option<Lang>) -> Result<Vec<Override>> {
        let sql = format!(
            "SELECT {OVERRIDE_COLUMNS} FROM overrides WHERE ($1::TEXT IS NULL OR target_lang = $1) \
             ORDER BY unit_key COLLATE \"C\", target_lang COLLATE \"C\""
        );
        let rows: Vec<OverrideRow> = sqlx::query_as(&sql)
            .bind(target.map(Lang::code))
            .fetch_all(&self.pool)
            .await
            .map_err(|e| self.error(e))?;
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
        let (mut tx, generation) = begin_override_change(self).await?;
        let current = current_override(self, &mut tx, unit_key, target).await?;
        let current_version = current.as_ref().map(|o| o.version);
        if current_version != if_version {
            return Err(StoreError::VersionConflict {
                current: current_version,
            });
        }
        let version = match current_version {
            Some(v) => v + 1,
            None => next_version(self, &mut tx, unit_key, target).await?,
        };
        let new = Override {
            unit_key: unit_key.to_owned(),
            target_lang: target,
            text: text.to_owned(),
            version,
            state: OverrideState::Approved,
            author: author.to_owned(),
            source_text: source_text.to_owned(),
            previous_source: None,
            updated_at: super::now_ms(),
        };
        write_override(self, &mut tx, &new).await?;
        append_history(self, &mut tx, unit_key, target, &super::revision_of(&new)).await?;
        finish_override_change(self, tx, generation).await?;
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
        let (mut tx, generation) = begin_override_change(self).await?;
        let current = current_override(self, &mut tx, unit_key, target).await?;
        let current = super::check_existing(current, if_version)?;
        sqlx::query("DELETE FROM overrides WHERE unit_key = $1 AND target_lang = $2")
            .bind(unit_key)
            .bind(target.code())
            .execute(&mut *tx)
            .await
            .map_err(|e| self.error(e))?;
        let revision = OverrideRevision {
            version: current.version + 1,
            text: None,
            author: author.to_owned(),
            created_at: super::now_ms(),
            state: current.state,
        };
        append_history(self, &mut tx, unit_key, target, &revision).await?;
        finish_override_change(self, tx, generation).await
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
        let (mut tx, generation) = begin_override_change(self).await?;
        let current = current_override(self, &mut tx, unit_key, target).await?;
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
        write_override(self, &mut tx, &new).await?;
        append_history(self, &mut tx, unit_key, target, &super::revision_of(&new)).await?;
        finish_override_change(self, tx, generation).await?;
        Ok(new)
    }

    async fn override_history(
        &self,
        unit_key: &str,
        target: Lang,
    ) -> Result<Vec<OverrideRevision>> {
        let rows: Vec<RevisionRow> = sqlx::query_as(
            "SELECT version, text, author, created_at, state FROM override_history \
             WHERE unit_key = $1 AND target_lang = $2 ORDER BY version",
        )
        .bind(unit_key)
        .bind(target.code())
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.error(e))?;
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
        sqlx::query(
            "INSERT INTO usage (provider, day, characters, requests) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (provider, day) DO UPDATE SET \
             characters = usage.characters + EXCLUDED.characters, \
             requests = usage.requests + EXCLUDED.requests",
        )
        .bind(provider)
        .bind(day)
        .bind(characters)
        .bind(requests)
        .execute(&self.pool)
        .await
        .map_err(|e| self.error(e))?;
        Ok(())
    }

    async fn usage(
        &self,
        provider: Option<&str>,
        from_day: &str,
        to_day: &str,
    ) -> Result<Vec<UsageRow>> {
        let rows: Vec<UsageTuple> = sqlx::query_as(
            "SELECT provider, day, characters, requests FROM usage \
             WHERE ($1::TEXT IS NULL OR provider = $1) AND day >= $2 AND day <= $3 \
             ORDER BY day, provider COLLATE \"C\"",
        )
        .bind(provider)
        .bind(from_day)
        .bind(to_day)
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.error(e))?;
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
        let account = TranslatorAccount {
            name: name.to_owned(),
            role,
            languages: languages.to_vec(),
            created_at: super::now_ms(),
            revoked_at: None,
        };
        // One statement: inserts, or revives a revoked account; an active
        // one of the same name is left alone and reported.
        let done = sqlx::query(
            "INSERT INTO translators (name, token_sha256, role, languages, created_at, revoked_at) \
             VALUES ($1, $2, $3, $4, $5, NULL) ON CONFLICT (name) DO UPDATE SET \
             token_sha256 = EXCLUDED.token_sha256, role = EXCLUDED.role, \
             languages = EXCLUDED.languages, created_at = EXCLUDED.created_at, revoked_at = NULL \
             WHERE translators.revoked_at IS NOT NULL",
        )
        .bind(name)
        .bind(token_sha256)
        .bind(role.as_str())
        .bind(super::languages_column(languages))
        .bind(account.created_at)
        .execute(&self.pool)
        .await
        .map_err(|e| self.error(e))?;
        if done.rows_affected() == 0 {
            return Err(StoreError::AlreadyExists(format!("translator {name:?}")));
        }
        Ok(account)
    }

    async fn translator_revoke(&self, name: &str) -> Result<()> {
        let mut tx = self.pool.begin().await.map_err(|e| self.error(e))?;
        let done = sqlx::query(
            "UPDATE translators SET revoked_at = $1 WHERE name = $2 AND revoked_at IS NULL",
        )
        .bind(super::now_ms())
        .bind(name)
        .execute(&mut *tx)
        .await
        .map_err(|e| self.error(e))?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query("DELETE FROM sessions WHERE translator = $1")
            .bind(name)
            .execute(&mut *tx)
            .await
            .map_err(|e| self.error(e))?;
        tx.commit().await.map_err(|e| self.error(e))
    }

    async fn translators(&self) -> Result<Vec<TranslatorAccount>> {
        let sql = format!("SELECT {TRANSLATOR_COLUMNS} FROM translators ORDER BY name");
        let rows: Vec<TranslatorRow> = sqlx::query_as(&sql)
            .fetch_all(&self.pool)
            .await
            .map_err(|e| self.error(e))?;
        rows.into_iter()
            .map(|r| super::translator_from_row(BACKEND, r))
            .collect()
    }

    async fn translator_by_token(&self, token_sha256: &str) -> Result<Option<TranslatorAccount>> {
        let sql = format!(
            "SELECT {TRANSLATOR_COLUMNS} FROM translators \
             WHERE token_sha256 = $1 AND revoked_at IS NULL"
        );
        let row: Option<TranslatorRow> = sqlx::query_as(&sql)
            .bind(token_sha256)
            .fetch_optional(&self.pool)
            .await
            .map_err(|e| self.error(e))?;
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
        // Expired sessions go when new ones come, so the table stays small.
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(super::now_ms())
            .execute(&self.pool)
            .await
            .map_err(|e| self.error(e))?;
        sqlx::query(
            "INSERT INTO sessions (id_sha256, translator, csrf_token, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id_sha256)
        .bind(translator)
        .bind(csrf_token)
        .bind(super::now_ms())
        .bind(expires_at)
        .execute(&self.pool)
        .await
        .map_err(|e| self.error(e))?;
        Ok(())
    }

    async fn session_get(&self, id_sha256: &str, now: i64) -> Result<Option<Session>> {
        let sql = format!(
            "SELECT s.csrf_token, s.expires_at, {} FROM sessions s \
             JOIN translators t ON t.name = s.translator \
             WHERE s.id_sha256 = $1 AND s.expires_at > $2 AND t.revoked_at IS NULL",
            super::prefixed_translator_columns("t")
        );
        let row: Option<SessionRow> = sqlx::query_as(&sql)
            .bind(id_sha256)
            .bind(now)
            .fetch_optional(&self.pool)
            .await
            .map_err(|e| self.error(e))?;
        match row {
            Some(row) => super::session_from_row(BACKEND, row).map(Some),
            None => Ok(None),
        }
    }

    async fn session_delete(&self, id_sha256: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE id_sha256 = $1 OR expires_at <= $2")
            .bind(id_sha256)
            .bind(super::now_ms())
            .execute(&self.pool)
            .await
            .map_err(|e| self.error(e))?;
        Ok(())
    }

    async fn page_units_sync(
        &self,
        page: &str,
        units: &[PageUnit],
    ) -> Result<Vec<CarriedOverride>> {
        let mut tx = self.pool.begin().await.map_err(|e| self.error(e))?;
        // The generation row is the lock every override change takes first:
        // instances starting together sync one after the other.
        sqlx::query("SELECT value FROM generation WHERE id = 1 FOR UPDATE")
            .execute(&mut *tx)
            .await
            .map_err(|e| self.error(e))?;
        let old: Vec<(String, String)> = sqlx::query_as(
            "SELECT unit_key, source_text FROM page_units WHERE page = $1 ORDER BY position",
        )
        .bind(page)
        .fetch_all(&mut *tx)
        .await
        .map_err(|e| self.error(e))?;
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
            let sql = format!("SELECT {OVERRIDE_COLUMNS} FROM overrides WHERE unit_key = $1");
            let rows: Vec<OverrideRow> = sqlx::query_as(&sql)
                .bind(&from.unit_key)
                .fetch_all(&mut *tx)
                .await
                .map_err(|e| self.error(e))?;
            for row in rows {
                let previous = super::override_from_row(BACKEND, row)?;
                let target = previous.target_lang;
                if current_override(self, &mut tx, &to.unit_key, target)
                    .await?
                    .is_some()
                {
                    continue;
                }
                let version = next_version(self, &mut tx, &to.unit_key, target).await?;
                let flagged = super::carried_override(previous, to, version);
                write_override(self, &mut tx, &flagged).await?;
                append_history(
                    self,
                    &mut tx,
                    &to.unit_key,
                    target,
                    &super::revision_of(&flagged),
                )
                .await?;
                carried.push(CarriedOverride {
                    from_key: from.unit_key.clone(),
                    to_key: to.unit_key.clone(),
                    target,
                    version: flagged.version,
                });
            }
        }
        sqlx::query("DELETE FROM page_units WHERE page = $1")
            .bind(page)
            .execute(&mut *tx)
            .await
            .map_err(|e| self.error(e))?;
        let positions: Vec<i64> = (0..units.len())
            .map(|p| i64::try_from(p).unwrap_or(i64::MAX))
            .collect();
        let keys: Vec<&str> = units.iter().map(|u| u.unit_key.as_str()).collect();
        let sources: Vec<&str> = units.iter().map(|u| u.source_text.as_str()).collect();
        sqlx::query(
            "INSERT INTO page_units (page, position, unit_key, source_text) \
             SELECT $1, * FROM UNNEST($2::BIGINT[], $3::TEXT[], $4::TEXT[])",
        )
        .bind(page)
        .bind(&positions)
        .bind(&keys)
        .bind(&sources)
        .execute(&mut *tx)
        .await
        .map_err(|e| self.error(e))?;
        if carried.is_empty() {
            tx.commit().await.map_err(|e| self.error(e))?;
        } else {
            let (generation,): (i64,) = sqlx::query_as(
                "UPDATE generation SET value = value + 1 WHERE id = 1 RETURNING value",
            )
            .fetch_one(&mut *tx)
            .await
            .map_err(|e| self.error(e))?;
            finish_override_change(self, tx, generation).await?;
        }
        Ok(carried)
    }

    async fn glossary_all(&self, target: Option<Lang>) -> Result<Vec<GlossaryEntry>> {
        let sql = format!(
            "SELECT {GLOSSARY_COLUMNS} FROM glossary WHERE ($1::TEXT IS NULL OR target_lang = $1) \
             ORDER BY target_lang COLLATE \"C\", term COLLATE \"C\""
        );
        let rows: Vec<GlossaryRow> = sqlx::query_as(&sql)
            .bind(target.map(Lang::code))
            .fetch_all(&self.pool)
            .await
            .map_err(|e| self.error(e))?;
        rows.into_iter()
            .map(|r| super::glossary_from_row(BACKEND, r))
            .collect()
    }

    async fn glossary_put(&self, entry: &GlossaryEntry) -> Result<GlossaryEntry> {
        let checked = super::checked_glossary(entry.target_lang, std::slice::from_ref(entry))?;
        // Like an override change: the generation moves in the same
        // transaction and is announced on commit.
        let (mut tx, generation) = begin_override_change(self).await?;
        write_glossary(self, &mut tx, &checked).await?;
        finish_override_change(self, tx, generation).await?;
        checked.into_iter().next().ok_or(StoreError::NotFound)
    }

    async fn glossary_delete(&self, target: Lang, term: &str) -> Result<()> {
        let (mut tx, generation) = begin_override_change(self).await?;
        let done = sqlx::query("DELETE FROM glossary WHERE target_lang = $1 AND term = $2")
            .bind(target.code())
            .bind(term)
            .execute(&mut *tx)
            .await
            .map_err(|e| self.error(e))?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        finish_override_change(self, tx, generation).await
    }

    async fn glossary_import(
        &self,
        target: Lang,
        entries: &[GlossaryEntry],
        replace_all: bool,
    ) -> Result<usize> {
        let checked = super::checked_glossary(target, entries)?;
        let (mut tx, generation) = begin_override_change(self).await?;
        if replace_all {
            sqlx::query("DELETE FROM glossary WHERE target_lang = $1")
                .bind(target.code())
                .execute(&mut *tx)
                .await
                .map_err(|e| self.error(e))?;
        }
        write_glossary(self, &mut tx, &checked).await?;
        finish_override_change(self, tx, generation).await?;
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
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO reports (page, unit_key, target_lang, message, created_at, status) \
             VALUES ($1, $2, $3, $4, $5, 'open') RETURNING id",
        )
        .bind(page)
        .bind(unit_key)
        .bind(target.code())
        .bind(message)
        .bind(created_at)
        .fetch_one(&self.pool)
        .await
        .map_err(|e| self.error(e))?;
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
            "SELECT {REPORT_COLUMNS} FROM reports WHERE ($1::TEXT IS NULL OR target_lang = $1) \
             AND ($2::TEXT IS NULL OR status = $2) AND ($3::TEXT IS NULL OR page = $3) \
             ORDER BY created_at DESC, id DESC LIMIT $4"
        );
        let rows: Vec<ReportRow> = sqlx::query_as(&sql)
            .bind(target.map(Lang::code))
            .bind(status.map(ReportStatus::as_str))
            .bind(page)
            .bind(REPORTS_LISTED_MAX)
            .fetch_all(&self.pool)
            .await
            .map_err(|e| self.error(e))?;
        rows.into_iter()
            .map(|r| super::report_from_row(BACKEND, r))
            .collect()
    }

    async fn report_get(&self, id: i64) -> Result<Option<Report>> {
        let sql = format!("SELECT {REPORT_COLUMNS} FROM reports WHERE id = $1");
        let row: Option<ReportRow> = sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .map_err(|e| self.error(e))?;
        row.map(|r| super::report_from_row(BACKEND, r)).transpose()
    }

    async fn report_resolve(&self, id: i64, by: &str) -> Result<Report> {
        super::check_author(by)?;
        // One statement changes an open report; of two concurrent resolvers
        // the second finds it resolved and changes nothing.
        let sql = format!(
            "UPDATE reports SET status = 'resolved', resolved_by = $1, resolved_at = $2 \
             WHERE id = $3 AND status = 'open' RETURNING {REPORT_COLUMNS}"
        );
        let row: Option<ReportRow> = sqlx::query_as(&sql)
            .bind(by)
            .bind(super::now_ms())
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .map_err(|e| self.error(e))?;
        match row {
            Some(row) => super::report_from_row(BACKEND, row),
            None => self.report_get(id).await?.ok_or(StoreError::NotFound),
        }
    }

    async fn generation(&self) -> Result<i64> {
        let (value,): (i64,) = sqlx::query_as("SELECT value FROM generation WHERE id = 1")
            .fetch_one(&self.pool)
            .await
            .map_err(|e| self.error(e))?;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_is_found_in_both_spellings() {
        assert_eq!(
            secrets_of("postgres://honyaku:hunter2@db/honyaku"),
            ["hunter2"]
        );
        assert_eq!(
            secrets_of("postgres://honyaku:p%40ss%2Fword@db/honyaku"),
            ["p%40ss%2Fword", "p@ss/word"]
        );
        assert!(secrets_of("postgres://honyaku@db/honyaku").is_empty());
        assert_eq!(percent_decode("a+b%2"), "a+b%2");
    }

    #[test]
    fn lock_states_are_busy() {
        assert!(is_busy_state("40P01"));
        assert!(is_busy_state("55P03"));
        assert!(!is_busy_state("23505"));
        assert!(is_unavailable_state("57P01"));
    }
}
