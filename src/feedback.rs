//! Readers' reports of translation problems: what a report message may
//! contain, and how many reports the public form accepts.
//!
//! The form needs no account, so two limits keep it from being used to fill
//! the database: a few reports per client address in a sliding window, and a
//! cap on all reports together. The addresses are held in memory only, for
//! as long as the window lasts; nothing about a reader is ever stored (see
//! [`crate::model::Report`]).

use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::limit::{SlidingWindow, address_key};
use crate::model::REPORT_MESSAGE_MAX_CHARS;

/// Why a report message is refused; each has a localized message on the form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MessageError {
    #[error("the message is empty")]
    Empty,
    #[error("the message has {chars} characters; at most {max} are accepted")]
    TooLong { chars: usize, max: usize },
    /// A control character other than a line break, or a bidirectional
    /// override, which could make the text read differently in the queue.
    #[error("the message contains the control character U+{0:04X}")]
    ControlCharacter(u32),
}

/// The message as it will be stored: line breaks as `\n` (browsers send a
/// textarea's as CRLF) and no blank lines or spaces around it; refused when
/// empty, too long, or carrying control characters.
pub fn clean_message(raw: &str) -> Result<String, MessageError> {
    let normalized = raw.replace("\r\n", "\n").replace('\r', "\n");
    let message = normalized.trim();
    if message.is_empty() {
        return Err(MessageError::Empty);
    }
    if let Some(c) = message.chars().find(|c| is_refused(*c)) {
        return Err(MessageError::ControlCharacter(u32::from(c)));
    }
    let chars = message.chars().count();
    if chars > REPORT_MESSAGE_MAX_CHARS {
        return Err(MessageError::TooLong {
            chars,
            max: REPORT_MESSAGE_MAX_CHARS,
        });
    }
    Ok(message.to_owned())
}

fn is_refused(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The sliding-window limits of the report form. [`ReportLimiter::try_take`]
/// checks both limits and counts the report in one step, so concurrent
/// submissions cannot slip past together.
#[derive(Debug)]
pub struct ReportLimiter {
    per_address: SlidingWindow<IpAddr>,
    all: SlidingWindow<()>,
    /// Held across both checks and both counts.
    one_at_a_time: Mutex<()>,
}

/// Addresses tracked at most; past it, those whose window has passed are
/// forgotten. Only accepted reports are tracked and the global cap bounds
/// them, so the addresses are rarely more than the cap.
const PRUNE_AT: usize = 1024;

impl ReportLimiter {
    pub fn new(
        per_address: usize,
        address_window: Duration,
        global: usize,
        global_window: Duration,
    ) -> Self {
        Self {
            per_address: SlidingWindow::new(per_address, address_window).with_max_keys(PRUNE_AT),
            all: SlidingWindow::new(global, global_window),
            one_at_a_time: Mutex::new(()),
        }
    }

    /// Counts one report from `ip`, or says in how many seconds one would be
    /// accepted.
    pub fn try_take(&self, ip: IpAddr) -> Result<(), u64> {
        self.try_take_at(ip, Instant::now())
    }

    fn try_take_at(&self, ip: IpAddr, now: Instant) -> Result<(), u64> {
        let key = address_key(ip);
        let _one = self.one_at_a_time.lock().unwrap_or_else(|e| e.into_inner());
        self.per_address.check_at(&key, now)?;
        self.all.check_at(&(), now)?;
        self.per_address.record_at(key, now);
        self.all.record_at((), now);
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_normalized_and_checked() {
        assert_eq!(
            clean_message("  line one\r\nline two\r\n\r\n").unwrap(),
            "line one\nline two"
        );
        assert_eq!(clean_message("a\rb").unwrap(), "a\nb");
        assert_eq!(clean_message(" \r\n\t "), Err(MessageError::Empty));
        assert_eq!(
            clean_message("tab\there"),
            Err(MessageError::ControlCharacter(9))
        );
        assert_eq!(
            clean_message("bell\u{7}"),
            Err(MessageError::ControlCharacter(7))
        );
        assert_eq!(
            clean_message("evil\u{202E}txt"),
            Err(MessageError::ControlCharacter(0x202E))
        );
        let longest = "訳".repeat(REPORT_MESSAGE_MAX_CHARS);
        assert_eq!(clean_message(&longest).unwrap(), longest);
        assert_eq!(
            clean_message(&format!("{longest}訳")),
            Err(MessageError::TooLong {
                chars: REPORT_MESSAGE_MAX_CHARS + 1,
                max: REPORT_MESSAGE_MAX_CHARS
            })
        );
        // Markup is just text here; it is escaped wherever it is shown.
        assert_eq!(
            clean_message("<script>x</script>").unwrap(),
            "<script>x</script>"
        );
    }

    #[test]
    fn each_address_gets_its_share_in_a_sliding_window() {
        let limiter =
            ReportLimiter::new(2, Duration::from_secs(600), 100, Duration::from_secs(3600));
        let a = IpAddr::from([192, 0, 2, 1]);
        let b = IpAddr::from([192, 0, 2, 2]);
        let start = Instant::now();
        assert!(limiter.try_take_at(a, start).is_ok());
        assert!(
            limiter
                .try_take_at(a, start + Duration::from_secs(60))
                .is_ok()
        );
        let wait = limiter
            .try_take_at(a, start + Duration::from_secs(120))
            .unwrap_err();
        assert_eq!(wait, 480, "until the first report leaves the window");
        assert!(
            limiter
                .try_take_at(b, start + Duration::from_secs(120))
                .is_ok()
        );
        assert!(
            limiter
                .try_take_at(a, start + Duration::from_secs(600))
                .is_ok()
        );
    }

    #[test]
    fn the_global_cap_holds_whatever_the_addresses() {
        let limiter = ReportLimiter::new(5, Duration::from_secs(600), 3, Duration::from_secs(3600));
        let start = Instant::now();
        for i in 0..3u8 {
            assert!(
                limiter
                    .try_take_at(IpAddr::from([198, 51, 100, i]), start)
                    .is_ok()
            );
        }
        let wait = limiter
            .try_take_at(
                IpAddr::from([198, 51, 100, 9]),
                start + Duration::from_secs(100),
            )
            .unwrap_err();
        assert_eq!(wait, 3500);
        assert!(
            limiter
                .try_take_at(
                    IpAddr::from([198, 51, 100, 9]),
                    start + Duration::from_secs(3600)
                )
                .is_ok()
        );
    }

    #[test]
    fn ipv6_addresses_of_one_subscriber_share_a_limit() {
        let limiter =
            ReportLimiter::new(1, Duration::from_secs(600), 100, Duration::from_secs(3600));
        let now = Instant::now();
        let one: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let same_64: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        let other_64: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert!(limiter.try_take_at(one, now).is_ok());
        assert!(limiter.try_take_at(same_64, now).is_err());
        assert!(limiter.try_take_at(other_64, now).is_ok());
        // An IPv4-mapped address counts as the IPv4 address.
        let v4 = IpAddr::from([192, 0, 2, 7]);
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert!(limiter.try_take_at(v4, now).is_ok());
        assert!(limiter.try_take_at(mapped, now).is_err());
    }

    #[test]
    fn memory_stays_bounded() {
        let limiter = ReportLimiter::new(1, Duration::from_secs(1), 10_000, Duration::from_secs(1));
        let start = Instant::now();
        for i in 0..5_000u32 {
            let at = start + Duration::from_millis(u64::from(i));
            let _ = limiter.try_take_at(IpAddr::from(i.to_be_bytes()), at);
        }
        let tracked = limiter.per_address.tracked_keys();
        assert!(tracked <= PRUNE_AT + 1_000, "{tracked}");
    }
}
