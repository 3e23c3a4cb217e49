//! Times of day: 14時30分, 14:30, 10時半, 午後2時, a bare 14時, and ranges of them with 〜 or
//! から…まで (14時00分〜16時00分, 午前10時から午後2時まで). A time written with 午前/午後 is
//! rendered on the 12-hour clock the reader's language uses for it (2:00 p.m., 下午2点,
//! 오후 2시); one written on the 24-hour clock stays on it (14:00).
//!
//! What is a duration rather than a time is left alone: 24時間, 1時間30分, 30分間, 3時限.

use std::fmt;

use super::scan::{Cur, Scan, digit_value, is_colon, is_range_separator, plain, token};
use super::{TokenKind, TokenValue};

/// A time of day on the 24-hour clock (24:00 allowed as the end of a day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockTime {
    pub hour: u32,
    pub minute: u32,
    /// Written with 午前/午後 (in a range: either end was), so rendered on the 12-hour clock.
    pub twelve_hour: bool,
}

impl ClockTime {
    /// The hour on the 12-hour clock (12 for noon and midnight) and whether it is after noon.
    pub fn twelve(self) -> (u32, bool) {
        let pm = (12..24).contains(&self.hour);
        let hour = match self.hour % 12 {
            0 => 12,
            h => h,
        };
        (hour, pm)
    }
}

impl fmt::Display for ClockTime {
    /// The 24-hour form, 14:00.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{:02}", self.hour, self.minute)
    }
}

/// 14時00分〜16時00分, 14時〜16時, 14:00～16:00, 午後2時〜4時半, 午前10時から午後2時まで, and a
/// time standing alone: 14時30分, 14:30, 午後2時, 14時 (in 14時頃 the 頃 stays for MT).
pub(super) fn scan_time(start: Cur<'_>) -> Option<Scan> {
    let (from, from_half, after_from) = clock(start, true)?;
    let mut c = after_from;
    c.skip_spaces();
    let until = if c.eat(is_range_separator).is_some() {
        Some(false)
    } else if c.eat_str("から") {
        Some(true)
    } else {
        None
    };
    if let Some(kara) = until {
        c.skip_spaces();
        if let Some((to, to_half, mut after_to)) = clock(c, false) {
            let Some(to) = end_time(from, from_half, to, to_half) else {
                // 午前10時〜3時: neither end is rendered, so neither reads as certain.
                return plain(after_to.i);
            };
            if kara {
                let mut m = after_to;
                m.skip_spaces();
                if m.eat_str("まで") {
                    after_to = m;
                }
            }
            let twelve_hour = from_half.is_some() || to.twelve_hour;
            return token(
                after_to.i,
                TokenKind::TimeRange,
                TokenValue::TimeRange {
                    start: ClockTime {
                        twelve_hour,
                        ..from
                    },
                    end: ClockTime { twelve_hour, ..to },
                },
            );
        }
    }
    token(after_from.i, TokenKind::Time, TokenValue::Time(from))
}

/// The end of a range as the reader means it: after 午後2時, a bare 4時 is 16:00. After
/// 午前10時 a bare 3時 could be either, so such a range is not read at all.
fn end_time(
    from: ClockTime,
    from_half: Option<bool>,
    to: ClockTime,
    to_half: Option<bool>,
) -> Option<ClockTime> {
    if to_half.is_some() {
        return Some(to);
    }
    match from_half {
        Some(true) if to.hour < 12 => Some(ClockTime {
            hour: to.hour + 12,
            ..to
        }),
        Some(true) => None,
        Some(false) if to.hour < from.hour => None,
        _ => Some(to),
    }
}

/// One time of day and whether it was written with 午前 (`Some(false)`) or 午後 (`Some(true)`).
fn clock(start: Cur<'_>, check_start: bool) -> Option<(ClockTime, Option<bool>, Cur<'_>)> {
    let mut c = start;
    let afternoon = if c.eat_str("午前") {
        Some(false)
    } else if c.eat_str("午後") {
        Some(true)
    } else {
        None
    };
    c.peek().and_then(digit_value)?;
    if afternoon.is_none() && check_start {
        // After 午前/午後 the hour belongs to them; when they rejected it (午前12時), it is
        // not to be read as a 24-hour time.
        let half_day =
            c.i.checked_sub(2)
                .and_then(|j| c.s.get(j..c.i))
                .is_some_and(|p| p == ['午', '前'] || p == ['午', '後']);
        if half_day || !c.at_number_start() || c.prev().is_some_and(is_colon) {
            return None;
        }
    }
    let hour = c.number(1, 2)?;
    let minute = if c.eat(is_colon).is_some() {
        let minute = c.number(2, 2)?;
        // 12:30:45 has seconds, and 1:2:3 is a ratio.
        if c.peek().is_some_and(is_colon) && c.peek_at(1).and_then(digit_value).is_some() {
            return None;
        }
        minute
    } else if c.eat_char('時') {
        // 24時間 is a duration, 3時限 a school period.
        if matches!(c.peek(), Some('間' | '限')) {
            return None;
        }
        let mut m = c;
        if m.eat_char('半') {
            c = m;
            30
        } else if let Some(minute) = m.number(1, 2).filter(|_| m.eat_char('分')) {
            if m.peek() == Some('間') {
                return None;
            }
            c = m;
            minute
        } else if c.peek().is_none() && c.open_end {
            // 14時<b1>30分</b1>: the minutes may be in the tag.
            return None;
        } else {
            0
        }
    } else {
        return None;
    };
    if minute > 59 {
        return None;
    }
    let hour = match afternoon {
        // 午前12時 and 午後12時 are read both ways in Japan; leave them to the reader.
        Some(_) if hour > 11 => return None,
        Some(true) => hour + 12,
        Some(false) => hour,
        None if hour > 24 || (hour == 24 && minute > 0) => return None,
        None => hour,
    };
    let time = ClockTime {
        hour,
        minute,
        twelve_hour: afternoon.is_some(),
    };
    Some((time, afternoon, c))
}
