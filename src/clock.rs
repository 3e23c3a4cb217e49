//! Time as honyaku counts it: Unix milliseconds, and UTC days for the
//! ledger of characters sent to providers (budgets reset at UTC midnight
//! and monthly budgets on the first of a UTC month, whatever the server's
//! time zone).
//!
//! Code that needs "now" for a decision a test must be able to steer (which
//! day a budget is charged to) takes a [`Clock`]; [`SystemClock`] is the real
//! one and [`ManualClock`] the one tests set by hand. Timestamps that are
//! only recorded (`created_at`, `updated_at`) use [`now_ms`] directly.

use std::sync::atomic::{AtomicI64, Ordering};

/// Where "now" comes from.
pub trait Clock: Send + Sync + std::fmt::Debug {
    /// Now, as Unix milliseconds.
    fn now_ms(&self) -> i64;

    /// Today's UTC day, `YYYY-MM-DD`.
    fn today(&self) -> String {
        utc_day(self.now_ms())
    }
}

/// The system's clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> i64 {
        now_ms()
    }
}

/// A clock that stands still until it is moved: for tests of what happens
/// at midnight or at the turn of a month.
#[derive(Debug)]
pub struct ManualClock {
    now_ms: AtomicI64,
}

impl ManualClock {
    pub fn new(now_ms: i64) -> Self {
        Self {
            now_ms: AtomicI64::new(now_ms),
        }
    }

    pub fn set(&self, now_ms: i64) {
        self.now_ms.store(now_ms, Ordering::SeqCst);
    }

    pub fn advance(&self, by: std::time::Duration) {
        let by = i64::try_from(by.as_millis()).unwrap_or(i64::MAX);
        self.now_ms.fetch_add(by, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now_ms(&self) -> i64 {
        self.now_ms.load(Ordering::SeqCst)
    }
}

/// Now, as Unix milliseconds.
pub fn now_ms() -> i64 {
    let now = time::OffsetDateTime::now_utc();
    i64::try_from(now.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

/// The UTC day (`YYYY-MM-DD`) of a Unix-millisecond timestamp. Days sort as
/// strings, which the ledger relies on.
pub fn utc_day(unix_ms: i64) -> String {
    let date = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(unix_ms) * 1_000_000)
        .map(|t| t.date())
        .unwrap_or(if unix_ms < 0 {
            time::Date::MIN
        } else {
            time::Date::MAX
        });
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// The first day of the month of `day` (`YYYY-MM-DD`): where a monthly
/// budget starts counting.
pub fn month_start(day: &str) -> String {
    format!("{}-01", day.get(..7).unwrap_or(day))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn utc_days_are_civil_dates() {
        assert_eq!(utc_day(0), "1970-01-01");
        assert_eq!(utc_day(-1), "1969-12-31");
        // 2025-05-30T23:59:59.999Z and the next millisecond.
        assert_eq!(utc_day(1_748_649_599_999), "2025-05-30");
        assert_eq!(utc_day(1_748_649_600_000), "2025-05-31");
        // A leap day and the turn of a century that is a leap year.
        assert_eq!(utc_day(1_709_164_800_000), "2024-02-29");
        assert_eq!(utc_day(951_782_400_000), "2000-02-29");
        assert_eq!(utc_day(4_107_542_400_000), "2100-03-01");
    }

    #[test]
    fn months_start_on_the_first() {
        assert_eq!(month_start("2025-07-31"), "2025-07-01");
        assert_eq!(month_start(&utc_day(1_709_164_800_000)), "2024-02-01");
    }

    #[test]
    fn the_system_clock_is_now_and_a_manual_one_moves_when_told() {
        let before = now_ms();
        let read = SystemClock.now_ms();
        assert!(read >= before && read - before < 60_000, "{before} {read}");
        assert!(before > 1_700_000_000_000, "after 2023: {before}");

        let clock = ManualClock::new(1_748_649_599_999);
        assert_eq!(clock.today(), "2025-05-30");
        clock.advance(std::time::Duration::from_millis(1));
        assert_eq!(clock.today(), "2025-05-31");
        clock.set(0);
        assert_eq!(clock.now_ms(), 0);
    }
}
