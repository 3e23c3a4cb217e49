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
//!
//! The statements themselves are shared with PostgreSQL (see `shared.rs`);
//! this module opens and migrates the file, binds parameters, classifies
//! SQLite's errors and runs the write transaction ([`SqliteTx`]).

use std::path::{Path, PathBuf};
use std::time::Duration;

use async_trait::async_trait;
use sqlx::pool::PoolConnection;
use sqlx::sqlite::{
    SqliteArguments, SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePool,
    SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Arguments, Connection, Sqlite};

use std::sync::Arc;

use super::circuit::Circuit;
use super::health::WriteHealth;
use super::sql::{Backend, Exec, Param, Rows};
use super::{Result, StoreError};

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
    /// How the pool connects, for a connection of its own (see
    /// [`Backend::fresh`]).
    connect: SqliteConnectOptions,
    path: PathBuf,
    health: WriteHealth,
    circuit: Arc<Circuit>,
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
            .foreign_keys(true)
            // The database file is read with read(2), never mapped: an I/O
            // error on a mapped page would be a SIGBUS, not an error.
            .pragma("mmap_size", "0");
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
                    StoreError::Unavailable { message, .. } => {
                        return Err(unwritable(path, &message));
                    }
                    other => return Err(other),
                },
            }
        };
        let store = Self {
            pool,
            connect,
            path: path.to_owned(),
            health: WriteHealth::default(),
            circuit: Arc::default(),
        };
        store.refuse_unwritable().await?;
        migrate(&store.pool).await?;
        Ok(store)
    }

    /// Commits one write at start-up (the header's `user_version`, set to
    /// what it is, so no table is needed yet): a file honyaku can read but
    /// not write (read-only, immutable, its `-wal` or `-shm` file immutable)
    /// would serve pages and then lose every translation it pays for, so it
    /// is refused here, saying what to fix. A lock held elsewhere is no
    /// reason to refuse.
    async fn refuse_unwritable(&self) -> Result<()> {
        let written = async {
            let mut tx = self.begin().await?;
            let (version,): (i64,) = match tx.fetch_one("PRAGMA user_version", &[]).await {
                Ok(row) => row,
                Err(e) => {
                    self.rollback(tx).await;
                    return Err(e);
                }
            };
            if let Err(e) = tx
                .execute(&format!("PRAGMA user_version = {version}"), &[])
                .await
            {
                self.rollback(tx).await;
                return Err(e);
            }
            self.commit(tx).await
        };
        match written.await {
            Ok(()) | Err(StoreError::Busy { .. }) => Ok(()),
            Err(StoreError::Unavailable { message, .. } | StoreError::Database { message, .. }) => {
                Err(unwritable(&self.path, &message))
            }
            Err(other) => Err(other),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Closes every pooled connection (checkpointing the WAL); the store is
    /// unusable afterwards. Dropping the store without it is also safe.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// The refusal of a database file honyaku cannot write, saying what to fix.
fn unwritable(path: &Path, message: &str) -> StoreError {
    StoreError::Unavailable {
        backend: BACKEND,
        message: format!(
            "{} cannot be written ({message}); check that the file, its -wal and -shm \
             files and their directory are writable and not immutable (ls -l, lsattr)",
            path.display()
        ),
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
            // The file itself: SQLITE_READONLY (8), SQLITE_IOERR (10),
            // SQLITE_FULL (13), SQLITE_CANTOPEN (14).
            if code
                .parse::<i32>()
                .is_ok_and(|c| matches!(c & 0xff, 8 | 10 | 13 | 14))
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

fn arguments<'q>(params: &[Param<'q>]) -> Result<SqliteArguments<'q>> {
    let mut args = SqliteArguments::default();
    for param in params {
        let added = match *param {
            Param::Text(v) => args.add(v),
            Param::OptText(v) => args.add(v),
            Param::Int(v) => args.add(v),
            Param::Int32(v) => args.add(v),
            Param::OptInt(v) => args.add(v),
            Param::Keys(keys) => args.add(json_list(keys)?),
        };
        added.map_err(|e| StoreError::Invalid(format!("cannot bind a parameter: {e}")))?;
    }
    Ok(args)
}

/// Reads on the pool: in WAL mode they run beside the writer.
/// Reads on the pool, each bounded and counted by the store's circuit.
pub struct SqliteReader {
    pool: SqlitePool,
    circuit: Arc<Circuit>,
}

#[async_trait]
impl Exec for SqliteReader {
    async fn execute(&mut self, sql: &str, params: &[Param<'_>]) -> Result<u64> {
        let args = arguments(params)?;
        let query = sqlx::query_with(sql, args).execute(&self.pool);
        let done = self
            .circuit
            .read(BACKEND, async { query.await.map_err(error) })
            .await?;
        Ok(done.rows_affected())
    }

    async fn fetch_all<R: Rows>(&mut self, sql: &str, params: &[Param<'_>]) -> Result<Vec<R>> {
        let args = arguments(params)?;
        let query = sqlx::query_as_with(sql, args).fetch_all(&self.pool);
        self.circuit
            .read(BACKEND, async { query.await.map_err(error) })
            .await
    }

    async fn fetch_optional<R: Rows>(
        &mut self,
        sql: &str,
        params: &[Param<'_>],
    ) -> Result<Option<R>> {
        let args = arguments(params)?;
        let query = sqlx::query_as_with(sql, args).fetch_optional(&self.pool);
        self.circuit
            .read(BACKEND, async { query.await.map_err(error) })
            .await
    }

    fn backend(&self) -> &'static str {
        BACKEND
    }
}

/// A write transaction: `BEGIN IMMEDIATE` … `COMMIT` sent as plain
/// statements on a pooled connection, not through the driver's transaction
/// bookkeeping (which, after a failed `COMMIT`, believed the connection was
/// still in a transaction and refused every later one on it).
///
/// The connection goes back to the pool only after a `COMMIT` or `ROLLBACK`
/// that succeeded and no statement failed for a reason of the file (a full
/// disk, an I/O error, a read-only file). After any other ending (a failed
/// commit or rollback, such a failure, a cancelled request) it is closed,
/// which ends whatever transaction it had, and the pool opens a fresh one
/// when it needs it.
pub struct SqliteTx {
    conn: Option<TxConnection>,
    /// A statement failed for a reason of the file: whatever state the
    /// connection kept about it is not to be reused.
    faulted: bool,
}

enum TxConnection {
    Pooled(PoolConnection<Sqlite>),
    /// Opened for this transaction alone (see [`Backend::fresh`]); closed
    /// when it ends.
    Fresh(SqliteConnection),
}

impl SqliteTx {
    fn new(conn: TxConnection) -> Self {
        Self {
            conn: Some(conn),
            faulted: false,
        }
    }

    fn conn(&mut self) -> Result<&mut SqliteConnection> {
        match self.conn.as_mut() {
            Some(TxConnection::Pooled(conn)) => Ok(&mut **conn),
            Some(TxConnection::Fresh(conn)) => Ok(conn),
            None => Err(StoreError::Database {
                backend: BACKEND,
                message: "the transaction has ended".into(),
            }),
        }
    }

    /// Notes a failure of the file, so the connection is not pooled again.
    fn checked<T>(&mut self, outcome: Result<T>) -> Result<T> {
        if let Err(StoreError::Unavailable { .. } | StoreError::Database { .. }) = &outcome {
            self.faulted = true;
        }
        outcome
    }

    /// No transaction is open: a pooled connection goes back to the pool
    /// (unless a statement failed for a reason of the file), a fresh one is
    /// closed.
    fn release(mut self) {
        if !self.faulted {
            drop(self.conn.take());
        }
    }
}

impl Drop for SqliteTx {
    fn drop(&mut self) {
        match self.conn.take() {
            Some(TxConnection::Pooled(mut conn)) => conn.close_on_drop(),
            // Dropping the connection closes it.
            Some(TxConnection::Fresh(_)) | None => {}
        }
    }
}

#[async_trait]
impl Exec for SqliteTx {
    async fn execute(&mut self, sql: &str, params: &[Param<'_>]) -> Result<u64> {
        let args = arguments(params)?;
        let done = sqlx::query_with(sql, args)
            .execute(self.conn()?)
            .await
            .map_err(error);
        self.checked(done).map(|d| d.rows_affected())
    }

    async fn fetch_all<R: Rows>(&mut self, sql: &str, params: &[Param<'_>]) -> Result<Vec<R>> {
        let args = arguments(params)?;
        let rows = sqlx::query_as_with(sql, args)
            .fetch_all(self.conn()?)
            .await
            .map_err(error);
        self.checked(rows)
    }

    async fn fetch_optional<R: Rows>(
        &mut self,
        sql: &str,
        params: &[Param<'_>],
    ) -> Result<Option<R>> {
        let args = arguments(params)?;
        let row = sqlx::query_as_with(sql, args)
            .fetch_optional(self.conn()?)
            .await
            .map_err(error);
        self.checked(row)
    }

    fn backend(&self) -> &'static str {
        BACKEND
    }
}

impl SqliteStore {
    /// `BEGIN IMMEDIATE` on `conn`, in the guard before it is sent: a
    /// transaction cancelled while it waits for the lock closes its
    /// connection rather than pooling it mid-transaction.
    async fn begin_on(&self, conn: TxConnection) -> Result<SqliteTx> {
        let mut tx = SqliteTx::new(conn);
        match tx.execute("BEGIN IMMEDIATE", &[]).await {
            Ok(_) => Ok(tx),
            Err(e @ StoreError::Busy { .. }) => {
                // Nothing was begun: the connection is as it was.
                tx.release();
                Err(e)
            }
            Err(e) => Err(e),
        }
    }
}

#[async_trait]
impl Backend for SqliteStore {
    const NAME: &'static str = BACKEND;
    const BYTE_ORDER: &'static str = "COLLATE BINARY";
    type Tx = SqliteTx;
    type Reader = SqliteReader;

    fn reader(&self) -> SqliteReader {
        SqliteReader {
            pool: self.pool.clone(),
            circuit: self.circuit.clone(),
        }
    }

    async fn begin(&self) -> Result<SqliteTx> {
        self.circuit.check(BACKEND)?;
        let started = tokio::time::Instant::now();
        let tx = async {
            let conn = self.pool.acquire().await.map_err(error)?;
            self.begin_on(TxConnection::Pooled(conn)).await
        }
        .await;
        self.circuit.record(&tx, started.elapsed());
        tx
    }

    /// A connection opened while the files did not take writes keeps, for
    /// as long as it lives, the read-only handle SQLite fell back to: a
    /// write that failed for a reason of the file is tried once more on a
    /// connection opened now, so the first write after the fault is gone
    /// succeeds even when every pooled connection dates from the fault.
    async fn fresh(&self) -> Option<Result<SqliteTx>> {
        let conn = match SqliteConnection::connect_with(&self.connect).await {
            Ok(conn) => conn,
            Err(e) => return Some(Err(error(e))),
        };
        Some(self.begin_on(TxConnection::Fresh(conn)).await)
    }

    async fn commit(&self, mut tx: SqliteTx) -> Result<()> {
        match tx.execute("COMMIT", &[]).await {
            Ok(_) => {
                tx.release();
                Ok(())
            }
            Err(e) => {
                // Some failures (a full disk, an I/O error) have already
                // rolled back; others leave the transaction open. Either
                // way: roll back if there is anything to, then close.
                let _ = tx.execute("ROLLBACK", &[]).await;
                tx.faulted = true;
                Err(e)
            }
        }
    }

    async fn rollback(&self, mut tx: SqliteTx) {
        if tx.execute("ROLLBACK", &[]).await.is_ok() {
            tx.release();
        }
    }

    fn health(&self) -> &WriteHealth {
        &self.health
    }

    fn circuit(&self) -> &Circuit {
        &self.circuit
    }

    fn in_keys(column: &str, param: &str) -> String {
        format!("{column} IN (SELECT value FROM json_each({param}))")
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
