//! The seam between the one implementation of [`super::Store`] (in
//! `shared.rs`) and the two databases.
//!
//! honyaku's SQL is written once, in what SQLite and PostgreSQL agree on:
//! `$1` parameters (SQLite reads `$N` as parameter N), `CAST(… AS …)`
//! rather than `::`, `INSERT … ON CONFLICT … DO UPDATE`, `RETURNING`, and
//! multi-row `VALUES`. What really differs sits behind [`Backend`]: how a
//! write transaction begins and ends (SQLite: `BEGIN IMMEDIATE` on a
//! pooled connection; PostgreSQL: a transaction whose connection the driver
//! resets), how a list of keys is matched, the collation that sorts by
//! bytes, how driver errors are classified, and PostgreSQL's `NOTIFY`.
//!
//! Statements take their parameters as [`Param`]s and return rows as
//! tuples ([`Rows`]), so the shared code never names a driver type.

use async_trait::async_trait;
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;

use super::circuit::Circuit;
use super::health::WriteHealth;
use super::{Result, StoreError};

/// One statement parameter.
#[derive(Debug, Clone, Copy)]
pub enum Param<'a> {
    Text(&'a str),
    OptText(Option<&'a str>),
    Int(i64),
    /// Where a statement wants a 32-bit integer (PostgreSQL's `INTEGER`).
    Int32(i32),
    OptInt(Option<i64>),
    /// A list of keys, matched by the fragment of [`Backend::in_keys`].
    Keys(&'a [String]),
}

/// A row both drivers can decode: a tuple of `String`, `i64` and their
/// `Option`s, in the order of the statement's columns.
pub trait Rows:
    for<'r> sqlx::FromRow<'r, SqliteRow> + for<'r> sqlx::FromRow<'r, PgRow> + Send + Unpin
{
}

impl<T> Rows for T where
    T: for<'r> sqlx::FromRow<'r, SqliteRow> + for<'r> sqlx::FromRow<'r, PgRow> + Send + Unpin
{
}

/// Runs statements: on the pool (reads) or in a write transaction.
#[async_trait]
pub trait Exec: Send {
    /// Rows changed.
    async fn execute(&mut self, sql: &str, params: &[Param<'_>]) -> Result<u64>;

    async fn fetch_all<R: Rows>(&mut self, sql: &str, params: &[Param<'_>]) -> Result<Vec<R>>;

    async fn fetch_optional<R: Rows>(
        &mut self,
        sql: &str,
        params: &[Param<'_>],
    ) -> Result<Option<R>>;

    /// `"sqlite"` or `"postgres"`, for errors.
    fn backend(&self) -> &'static str;

    /// A statement that always returns a row (`COUNT`, `RETURNING` of an
    /// insert): no row means the database is not what this version expects.
    async fn fetch_one<R: Rows>(&mut self, sql: &str, params: &[Param<'_>]) -> Result<R> {
        let backend = self.backend();
        self.fetch_optional(sql, params)
            .await?
            .ok_or_else(|| StoreError::Corrupt {
                backend,
                message: format!("no row from {sql:?}"),
            })
    }
}

/// What a database must provide for the shared [`super::Store`]
/// implementation, which every `Backend` gets.
#[async_trait]
pub trait Backend: Send + Sync + std::fmt::Debug + 'static {
    /// `"sqlite"` or `"postgres"`.
    const NAME: &'static str;

    /// Appended to a text column in `ORDER BY` to sort it by bytes, so both
    /// backends list in the same order whatever the server's locale.
    const BYTE_ORDER: &'static str;

    /// A write transaction. Dropped without [`Backend::commit`] or
    /// [`Backend::rollback`] (a cancelled request), it is rolled back.
    type Tx: Exec;

    /// Runs statements on the pool, outside any transaction.
    type Reader: Exec;

    fn reader(&self) -> Self::Reader;

    /// Starts a write transaction that holds the database's write lock (or
    /// the locks it takes) until it ends.
    async fn begin(&self) -> Result<Self::Tx>;

    /// A write transaction on a connection opened for it, for one more try
    /// of a write that failed for a reason of the database's files; `None`
    /// where a new connection would change nothing.
    async fn fresh(&self) -> Option<Result<Self::Tx>> {
        None
    }

    /// Commits. On failure the transaction is rolled back or its connection
    /// discarded: the next write starts afresh.
    async fn commit(&self, tx: Self::Tx) -> Result<()>;

    /// Rolls back; a connection that cannot be rolled back is discarded.
    async fn rollback(&self, tx: Self::Tx);

    /// The outcome of this store's latest write.
    fn health(&self) -> &WriteHealth;

    /// The store's timeouts and circuit breaker (see [`super::circuit`]).
    fn circuit(&self) -> &Circuit;

    /// The condition "`column` is one of the keys bound as `param`".
    fn in_keys(column: &str, param: &str) -> String;

    /// Called first in a transaction that reserves characters of
    /// `provider`: makes concurrent reservations of one provider (from any
    /// instance) take turns, so each sees what the one before it reserved.
    /// SQLite's `BEGIN IMMEDIATE` already does.
    async fn lock_ledger(&self, _tx: &mut Self::Tx, _provider: &str) -> Result<()> {
        Ok(())
    }

    /// Called in the transaction that moved the generation to `generation`,
    /// before it commits: PostgreSQL tells the other instances.
    async fn announce(&self, _tx: &mut Self::Tx, _generation: i64) -> Result<()> {
        Ok(())
    }
}

/// `head VALUES ($1, …, $columns), ($columns+1, …), … tail` for `rows` rows:
/// one statement for a batch, on both backends.
pub(crate) fn insert_values(head: &str, columns: usize, rows: usize, tail: &str) -> String {
    let mut sql = String::with_capacity(head.len() + tail.len() + rows * columns * 5);
    sql.push_str(head);
    sql.push_str(" VALUES ");
    for row in 0..rows {
        if row > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for column in 0..columns {
            if column > 0 {
                sql.push_str(", ");
            }
            sql.push('$');
            sql.push_str(&(row * columns + column + 1).to_string());
        }
        sql.push(')');
    }
    if !tail.is_empty() {
        sql.push(' ');
        sql.push_str(tail);
    }
    sql
}

/// Rows per multi-row statement: far below either database's limit on
/// parameters (SQLite 32766, PostgreSQL 65535) for every table here.
pub(crate) const ROWS_PER_STATEMENT: usize = 200;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_number_their_parameters_row_by_row() {
        assert_eq!(
            insert_values("INSERT INTO t (a, b)", 2, 2, "ON CONFLICT DO NOTHING"),
            "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4) ON CONFLICT DO NOTHING"
        );
        assert_eq!(
            insert_values("INSERT INTO t (a)", 1, 1, ""),
            "INSERT INTO t (a) VALUES ($1)"
        );
    }
}
