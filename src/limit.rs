//! The one rate limiter: at most so many events per key in a sliding
//! window. API clients' requests per minute, failed logins per address and
//! readers' reports (per address and in all) are each one [`SlidingWindow`].
//!
//! A sliding window remembers when each counted event happened, so "at most
//! N in any T" holds exactly, and the wait it answers is when the oldest
//! event leaves the window. Memory is bounded: past a number of keys those
//! whose window has passed are forgotten, and when every tracked key is
//! still live a new key goes uncounted rather than wiping limits already
//! earned. Everything lives in memory, per process.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Keys tracked at most, unless [`SlidingWindow::with_max_keys`] says
/// otherwise.
pub const DEFAULT_MAX_KEYS: usize = 10_000;

/// At most `max` events per key in any `window`.
#[derive(Debug)]
pub struct SlidingWindow<K> {
    max: usize,
    window: Duration,
    max_keys: usize,
    events: Mutex<HashMap<K, VecDeque<Instant>>>,
}

impl<K: Hash + Eq + Clone> SlidingWindow<K> {
    /// At most `max` (at least 1) events per key in any `window`.
    pub fn new(max: usize, window: Duration) -> Self {
        Self {
            max: max.max(1),
            window,
            max_keys: DEFAULT_MAX_KEYS,
            events: Mutex::new(HashMap::new()),
        }
    }

    /// Tracks at most `max_keys` keys (see the module docs).
    pub fn with_max_keys(mut self, max_keys: usize) -> Self {
        self.max_keys = max_keys.max(1);
        self
    }

    /// `Err(seconds)` while `key` has used up its events: how long until
    /// one more would be accepted (at least 1).
    pub fn check(&self, key: &K) -> Result<(), u64> {
        self.check_at(key, Instant::now())
    }

    /// Counts one event of `key`, whether or not it was over the limit.
    pub fn record(&self, key: K) {
        self.record_at(key, Instant::now());
    }

    /// [`check`](Self::check) and [`record`](Self::record) in one step, so
    /// concurrent callers cannot slip past together.
    pub fn take(&self, key: K) -> Result<(), u64> {
        self.take_at(key, Instant::now())
    }

    pub fn check_at(&self, key: &K, now: Instant) -> Result<(), u64> {
        let mut events = self.lock();
        self.check_locked(&mut events, key, now)
    }

    pub fn record_at(&self, key: K, now: Instant) {
        let mut events = self.lock();
        self.record_locked(&mut events, key, now);
    }

    pub fn take_at(&self, key: K, now: Instant) -> Result<(), u64> {
        let mut events = self.lock();
        self.check_locked(&mut events, &key, now)?;
        self.record_locked(&mut events, key, now);
        Ok(())
    }

    /// Keys tracked now, live or not yet forgotten.
    pub fn tracked_keys(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<K, VecDeque<Instant>>> {
        self.events.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn check_locked(
        &self,
        events: &mut HashMap<K, VecDeque<Instant>>,
        key: &K,
        now: Instant,
    ) -> Result<(), u64> {
        let Some(times) = events.get_mut(key) else {
            return Ok(());
        };
        drop_expired(times, now, self.window);
        if times.len() < self.max {
            return Ok(());
        }
        let since = times
            .front()
            .map_or(Duration::ZERO, |t| now.duration_since(*t));
        Err(self.window.saturating_sub(since).as_secs().max(1))
    }

    fn record_locked(&self, events: &mut HashMap<K, VecDeque<Instant>>, key: K, now: Instant) {
        if events.len() >= self.max_keys && !events.contains_key(&key) {
            let window = self.window;
            events.retain(|_, times| {
                drop_expired(times, now, window);
                !times.is_empty()
            });
            if events.len() >= self.max_keys {
                return;
            }
        }
        events.entry(key).or_default().push_back(now);
    }
}

fn drop_expired(times: &mut VecDeque<Instant>, now: Instant, window: Duration) {
    while times
        .front()
        .is_some_and(|t| now.duration_since(*t) >= window)
    {
        times.pop_front();
    }
}

/// The address a per-address limit applies to: an IPv4 address, or the
/// /64 of an IPv6 one (a single subscriber usually has a whole /64, so
/// counting its addresses one by one would limit nothing). An IPv4-mapped
/// IPv6 address counts as the IPv4 address.
pub fn address_key(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V6(v6) => {
            let prefix = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(prefix.into())
        }
        v4 => v4,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn at_most_max_in_any_window_then_the_wait_for_the_oldest() {
        let limit = SlidingWindow::new(2, Duration::from_secs(600));
        let start = Instant::now();
        assert!(limit.take_at("a", start).is_ok());
        assert!(limit.take_at("a", start + Duration::from_secs(60)).is_ok());
        assert_eq!(
            limit.take_at("a", start + Duration::from_secs(120)),
            Err(480)
        );
        assert!(limit.take_at("b", start + Duration::from_secs(120)).is_ok());
        assert!(limit.take_at("a", start + Duration::from_secs(600)).is_ok());
    }

    #[test]
    fn a_refused_take_is_not_counted_but_a_record_is() {
        let limit = SlidingWindow::new(1, Duration::from_secs(10));
        let start = Instant::now();
        limit.record_at("a", start);
        limit.record_at("a", start + Duration::from_secs(5));
        // Two recorded: the first leaves at 10 s, the second at 15 s.
        assert!(
            limit
                .check_at(&"a", start + Duration::from_secs(12))
                .is_err()
        );
        assert!(
            limit
                .check_at(&"a", start + Duration::from_secs(15))
                .is_ok()
        );
        assert!(limit.take_at("b", start).is_ok());
        assert!(limit.take_at("b", start).is_err());
        assert!(limit.take_at("b", start + Duration::from_secs(10)).is_ok());
    }

    #[test]
    fn keys_stay_bounded_and_live_limits_are_kept_when_full() {
        let limit = SlidingWindow::new(1, Duration::from_secs(60)).with_max_keys(3);
        let start = Instant::now();
        for key in 0..3 {
            limit.record_at(key, start);
        }
        // Full of live keys: the new one goes uncounted, the others keep
        // their lockouts.
        limit.record_at(3, start);
        assert_eq!(limit.tracked_keys(), 3);
        assert!(limit.check_at(&3, start).is_ok());
        assert!(limit.check_at(&0, start).is_err());
        // Once their window passed they make room.
        limit.record_at(3, start + Duration::from_secs(60));
        assert_eq!(limit.tracked_keys(), 1);
        assert!(limit.check_at(&3, start + Duration::from_secs(60)).is_err());
    }

    #[test]
    fn an_ipv6_64_is_one_address_and_mapped_ipv4_is_ipv4() {
        let a: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(address_key(a), address_key(b));
        assert_ne!(address_key(a), address_key(c));
        let v4 = IpAddr::from([192, 0, 2, 7]);
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(address_key(mapped), v4);
    }
}
