//! Amounts: quantities written with 万/億/千 (1万人, 3億円, 5千円, 1万5000円), yen amounts
//! (1,000円) and percentages (3.5%).
//!
//! MT converts 万 and 億 for English readers and gets it wrong often enough to matter (3億 is
//! 300 million, not 3 billion or 30 million), and a converted number no longer reads like the
//! source's, so the QA gate could not check it. As tokens they are converted here, exactly:
//! English gets the value (10,000; 300 million yen), Chinese and Korean keep the myriad groups
//! their own languages count in (1万, 3亿日元; 1만, 3억 엔).

use super::scan::{Cur, Scan, digit_value, token};
use super::{TokenKind, TokenValue};

/// A Japanese counting unit after a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// 千, 1,000 (only directly before 万 or 億, or alone).
    Thousand,
    /// 万, 10,000.
    TenThousand,
    /// 億, 100,000,000.
    HundredMillion,
}

/// A quantity as the source wrote it, group by group, and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// Each group: its digits (ASCII, with `,` and `.` as written) and its units, largest
    /// first: 1億2千万 is [("1", [億]), ("2", [千, 万])]; a trailing plain group has none.
    pub groups: Vec<(String, Vec<Scale>)>,
    pub value: u64,
    /// Followed by 円.
    pub yen: bool,
}

impl Scale {
    fn factor(self) -> u128 {
        match self {
            Scale::Thousand => 1_000,
            Scale::TenThousand => 10_000,
            Scale::HundredMillion => 100_000_000,
        }
    }
}

/// A run of digits of either width with `,` groups and one `.` fraction, as ASCII, and its
/// value scaled by 10^decimals (the number of fraction digits).
fn decimal(c: &mut Cur<'_>, allow_fraction: bool) -> Option<(String, u128, u32)> {
    let save = *c;
    let mut text = String::new();
    let mut value: u128 = 0;
    let first = c.digit_run();
    if first == 0 {
        return None;
    }
    let push_digits = |c: &mut Cur<'_>, n: usize, text: &mut String, value: &mut u128| {
        for _ in 0..n {
            if let Some(d) = c.peek().and_then(digit_value) {
                text.push(char::from_digit(d, 10).unwrap_or('0'));
                *value = value.saturating_mul(10).saturating_add(u128::from(d));
                c.i += 1;
            }
        }
    };
    push_digits(c, first, &mut text, &mut value);
    // 1,000 and 10,000: groups of three after the first, which has at most three.
    if first <= 3 {
        loop {
            let mut g = *c;
            if g.eat(|ch| ch == ',' || ch == '，').is_some() && g.digit_run() == 3 {
                text.push(',');
                *c = g;
                push_digits(c, 3, &mut text, &mut value);
            } else {
                break;
            }
        }
    }
    let mut decimals = 0;
    if allow_fraction {
        let mut f = *c;
        if f.eat(|ch| ch == '.' || ch == '．').is_some() {
            let n = f.digit_run();
            if (1..=6).contains(&n) {
                text.push('.');
                *c = f;
                push_digits(c, n, &mut text, &mut value);
                decimals = u32::try_from(n).unwrap_or(6);
            }
        }
    }
    if c.i == save.i {
        return None;
    }
    Some((text, value, decimals))
}

fn eat_scale(c: &mut Cur<'_>) -> Option<Scale> {
    if c.eat_char('千') {
        Some(Scale::Thousand)
    } else if c.eat_char('万') || c.eat_char('萬') {
        Some(Scale::TenThousand)
    } else if c.eat_char('億') {
        Some(Scale::HundredMillion)
    } else {
        None
    }
}

/// 1万, 3億円, 5千円, 1.5億円, 1億2千万円, 3万5千円, 1万5000円 (quantities), and 1,000円,
/// 500円 (yen amounts).
pub(super) fn scan_amount(start: Cur<'_>) -> Option<Scan> {
    if start.peek().and_then(digit_value).is_none() || !start.at_number_start() {
        return None;
    }
    let mut c = start;
    let mut groups: Vec<(String, Vec<Scale>)> = Vec::new();
    let mut total: u128 = 0;
    // The largest unit a following group may still use (億, then 万, then none).
    let mut below: u128 = u128::MAX;
    loop {
        let mut g = c;
        let Some((text, mantissa, decimals)) = decimal(&mut g, groups.is_empty()) else {
            break;
        };
        let mut scales = Vec::new();
        if let Some(first) = eat_scale(&mut g) {
            scales.push(first);
            if first == Scale::Thousand {
                let mut h = g;
                if let Some(big) = eat_scale(&mut h).filter(|s| *s != Scale::Thousand) {
                    scales.push(big);
                    g = h;
                }
            }
        }
        let factor: u128 = scales.iter().map(|s| s.factor()).product();
        let unit = scales
            .iter()
            .map(|s| s.factor())
            .filter(|&f| f > 1_000)
            .max()
            .unwrap_or(1);
        if scales.is_empty() && groups.is_empty() {
            // No unit at all: a yen amount or nothing.
            if decimals > 0 || !g.eat_char('円') {
                return None;
            }
            let value = u64::try_from(mantissa).ok()?;
            return token(g.i, TokenKind::Yen, TokenValue::Yen { value });
        }
        if unit >= below || (scales.is_empty() && mantissa >= below) {
            break;
        }
        let scaled = mantissa.checked_mul(factor)?;
        let divisor = 10u128.pow(decimals);
        if scaled % divisor != 0 {
            return None;
        }
        total = total.checked_add(scaled / divisor)?;
        let last = scales.is_empty();
        groups.push((text, scales));
        below = unit;
        c = g;
        if last {
            break;
        }
    }
    if groups.is_empty() {
        return None;
    }
    let yen = c.eat_char('円');
    // 2万3 followed by more digits or a decimal point is something else.
    if c.peek().and_then(digit_value).is_some() {
        return None;
    }
    let value = u64::try_from(total).ok()?;
    token(
        c.i,
        TokenKind::Quantity,
        TokenValue::Quantity(Quantity { groups, value, yen }),
    )
}

/// 50%, 3.5％, １０％.
pub(super) fn scan_percent(start: Cur<'_>) -> Option<Scan> {
    if start.peek().and_then(digit_value).is_none() || !start.at_number_start() {
        return None;
    }
    let mut c = start;
    let (text, _, _) = decimal(&mut c, true)?;
    c.eat(|ch| ch == ' ');
    if !(c.eat_char('%') || c.eat_char('％')) {
        return None;
    }
    token(
        c.i,
        TokenKind::Percent,
        TokenValue::Percent { number: text },
    )
}
