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
//! The statements are shared with SQLite (see `shared.rs`); this module
//! connects and migrates, binds parameters (a list of keys as one array),
//! classifies the server's errors and sends the NOTIFY. Error messages from
//! the driver are scrubbed of the URL's password before they leave it.

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use sqlx::postgres::{PgArguments, PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::{Arguments, Connection, Postgres, Transaction};

use super::circuit::Circuit;
use super::health::WriteHealth;
use super::sql::{Backend, Exec, Param, Rows};
use super::{Result, StoreError};

const BACKEND: &str = "postgres";

/// The channel that override changes are announced on; the payload is the
/// new generation.
pub const NOTIFY_CHANNEL: &str = "honyaku_generation";

/// The first key of the ledger's advisory locks ("hnyk" in ASCII), so they
/// cannot collide with advisory locks others take on a shared server.
const LEDGER_LOCK_SPACE: i32 = 0x686e_796b;

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
    secrets: Arc<[String]>,
    health: WriteHealth,
    circuit: Arc<Circuit>,
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
                    super::rows::scrub(e.to_string(), &secrets)
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
            message: super::rows::scrub(e.to_string(), &secrets),
        })?;
        Ok(Self {
            pool,
            secrets: secrets.into(),
            health: WriteHealth::default(),
            circuit: Arc::default(),
        })
    }

    /// Closes every pooled connection; the store is unusable afterwards.
    pub async fn close(&self) {
        self.pool.close().await;
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
    let message = || super::rows::scrub(e.to_string(), secrets);
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

fn arguments(params: &[Param<'_>]) -> Result<PgArguments> {
    let mut args = PgArguments::default();
    for param in params {
        let added = match *param {
            Param::Text(v) => args.add(v),
            Param::OptText(v) => args.add(v),
            Param::Int(v) => args.add(v),
            Param::Int32(v) => args.add(v),
            Param::OptInt(v) => args.add(v),
            Param::Keys(keys) => args.add(keys),
        };
        added.map_err(|e| StoreError::Invalid(format!("cannot bind a parameter: {e}")))?;
    }
    Ok(args)
}

/// Reads on the pool.
/// Reads on the pool, each bounded and counted by the store's circuit.
pub struct PgReader {
    pool: PgPool,
    secrets: Arc<[String]>,
    circuit: Arc<Circuit>,
}

#[async_trait]
impl Exec for PgReader {
    async fn execute(&mut self, sql: &str, params: &[Param<'_>]) -> Result<u64> {
        let args = arguments(params)?;
        let query = sqlx::query_with(sql, args).execute(&self.pool);
        let secrets = &self.secrets;
        let done = self
            .circuit
            .read(BACKEND, async {
                query.await.map_err(|e| error_with(e, secrets))
            })
            .await?;
        Ok(done.rows_affected())
    }

    async fn fetch_all<R: Rows>(&mut self, sql: &str, params: &[Param<'_>]) -> Result<Vec<R>> {
        let args = arguments(params)?;
        let query = sqlx::query_as_with(sql, args).fetch_all(&self.pool);
        let secrets = &self.secrets;
        self.circuit
            .read(BACKEND, async {
                query.await.map_err(|e| error_with(e, secrets))
            })
            .await
    }

    async fn fetch_optional<R: Rows>(
        &mut self,
        sql: &str,
        params: &[Param<'_>],
    ) -> Result<Option<R>> {
        let args = arguments(params)?;
        let query = sqlx::query_as_with(sql, args).fetch_optional(&self.pool);
        let secrets = &self.secrets;
        self.circuit
            .read(BACKEND, async {
                query.await.map_err(|e| error_with(e, secrets))
            })
            .await
    }

    fn backend(&self) -> &'static str {
        BACKEND
    }
}

/// A write transaction. The driver rolls back one that is dropped or whose
/// commit failed (the server has ended it either way), so its connection
/// goes back to the pool clean.
pub struct PgTx {
    tx: Transaction<'static, Postgres>,
    secrets: Arc<[String]>,
}

#[async_trait]
impl Exec for PgTx {
    async fn execute(&mut self, sql: &str, params: &[Param<'_>]) -> Result<u64> {
        let done = sqlx::query_with(sql, arguments(params)?)
            .execute(&mut *self.tx)
            .await
            .map_err(|e| error_with(e, &self.secrets))?;
        Ok(done.rows_affected())
    }

    async fn fetch_all<R: Rows>(&mut self, sql: &str, params: &[Param<'_>]) -> Result<Vec<R>> {
        sqlx::query_as_with(sql, arguments(params)?)
            .fetch_all(&mut *self.tx)
            .await
            .map_err(|e| error_with(e, &self.secrets))
    }

    async fn fetch_optional<R: Rows>(
        &mut self,
        sql: &str,
        params: &[Param<'_>],
    ) -> Result<Option<R>> {
        sqlx::query_as_with(sql, arguments(params)?)
            .fetch_optional(&mut *self.tx)
            .await
            .map_err(|e| error_with(e, &self.secrets))
    }

    fn backend(&self) -> &'static str {
        BACKEND
    }
}

#[async_trait]
impl Backend for PostgresStore {
    const NAME: &'static str = BACKEND;
    const BYTE_ORDER: &'static str = "COLLATE \"C\"";
    type Tx = PgTx;
    type Reader = PgReader;

    fn reader(&self) -> PgReader {
        PgReader {
            pool: self.pool.clone(),
            secrets: self.secrets.clone(),
            circuit: self.circuit.clone(),
        }
    }

    async fn begin(&self) -> Result<PgTx> {
        self.circuit.check(BACKEND)?;
        let started = tokio::time::Instant::now();
        let tx = self
            .pool
            .begin()
            .await
            .map_err(|e| error_with(e, &self.secrets));
        self.circuit.record(&tx, started.elapsed());
        Ok(PgTx {
            tx: tx?,
            secrets: self.secrets.clone(),
        })
    }

    async fn commit(&self, tx: PgTx) -> Result<()> {
        tx.tx
            .commit()
            .await
            .map_err(|e| error_with(e, &self.secrets))
    }

    async fn rollback(&self, tx: PgTx) {
        if let Err(error) = tx.tx.rollback().await {
            tracing::warn!(error = %error_with(error, &self.secrets), "rollback failed");
        }
    }

    fn health(&self) -> &WriteHealth {
        &self.health
    }

    fn circuit(&self) -> &Circuit {
        &self.circuit
    }

    fn in_keys(column: &str, param: &str) -> String {
        format!("{column} = ANY({param})")
    }

    /// A transaction-level advisory lock per provider (in a key space of
    /// its own): reservations of one provider take turns across instances
    /// and are released at commit; other providers' do not wait.
    async fn lock_ledger(&self, tx: &mut PgTx, provider: &str) -> Result<()> {
        tx.execute(
            "SELECT pg_advisory_xact_lock($1, hashtext($2))",
            &[Param::Int32(LEDGER_LOCK_SPACE), Param::Text(provider)],
        )
        .await?;
        Ok(())
    }

    /// `NOTIFY honyaku_generation`, delivered when the transaction commits.
    async fn announce(&self, tx: &mut PgTx, generation: i64) -> Result<()> {
        tx.execute(
            "SELECT pg_notify($1, $2)",
            &[
                Param::Text(NOTIFY_CHANNEL),
                Param::Text(&generation.to_string()),
            ],
        )
        .await?;
        Ok(())
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
