//! Dates: Japanese era and Gregorian dates (令和7年7月23日(水), 2025年7月), fiscal and era
//! years, Western dates written with `/`, `.` or `-` (2019/02/22, 2025.7.23, 2025-07-23) and
//! short era dates (R7.7.23, 令和7.7.23). Every date is validated against the calendar and the
//! era's first day before it becomes a token; the weekday is computed, never copied.

use super::scan::{Cur, Scan, digit_value, is_close_paren, is_open_paren, plain, token};
use super::{TokenKind, TokenValue};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weekday {
    Sunday,
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
}

impl Weekday {
    pub(super) fn from_sunday_index(index: i32) -> Weekday {
        match index.rem_euclid(7) {
            0 => Weekday::Sunday,
            1 => Weekday::Monday,
            2 => Weekday::Tuesday,
            3 => Weekday::Wednesday,
            4 => Weekday::Thursday,
            5 => Weekday::Friday,
            _ => Weekday::Saturday,
        }
    }

    /// The weekday as Japanese writes it inside （）.
    pub(super) fn from_ja(c: char) -> Option<Weekday> {
        Some(match c {
            '日' => Weekday::Sunday,
            '月' => Weekday::Monday,
            '火' => Weekday::Tuesday,
            '水' => Weekday::Wednesday,
            '木' => Weekday::Thursday,
            '金' => Weekday::Friday,
            '土' => Weekday::Saturday,
            _ => return None,
        })
    }

    pub(super) fn en(self) -> &'static str {
        match self {
            Weekday::Sunday => "Sunday",
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
            Weekday::Saturday => "Saturday",
        }
    }

    /// 星期 names are the same in simplified and traditional script.
    pub(super) fn zh(self) -> &'static str {
        match self {
            Weekday::Sunday => "星期日",
            Weekday::Monday => "星期一",
            Weekday::Tuesday => "星期二",
            Weekday::Wednesday => "星期三",
            Weekday::Thursday => "星期四",
            Weekday::Friday => "星期五",
            Weekday::Saturday => "星期六",
        }
    }

    pub(super) fn ko(self) -> &'static str {
        match self {
            Weekday::Sunday => "일",
            Weekday::Monday => "월",
            Weekday::Tuesday => "화",
            Weekday::Wednesday => "수",
            Weekday::Thursday => "목",
            Weekday::Friday => "금",
            Weekday::Saturday => "토",
        }
    }
}

/// A calendar date as far as the source states it; years are Gregorian.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JaDate {
    /// `weekday` records only whether the source showed one; its value is computed.
    Full {
        year: i32,
        month: u32,
        day: u32,
        weekday: bool,
    },
    YearMonth {
        year: i32,
        month: u32,
    },
    /// Without a year the weekday cannot be computed, so the source's is the only one there is.
    MonthDay {
        month: u32,
        day: u32,
        weekday: Option<Weekday>,
    },
}

/// The weekday of a Gregorian date (Sakamoto's method).
pub fn weekday(year: i32, month: u32, day: u32) -> Weekday {
    let offset = match month {
        1 => 0,
        2 => 3,
        3 => 2,
        4 => 5,
        5 => 0,
        6 => 3,
        7 => 5,
        8 => 1,
        9 => 4,
        10 => 6,
        11 => 2,
        _ => 4,
    };
    let y = if month < 3 { year - 1 } else { year };
    let day = i32::try_from(day).unwrap_or(0);
    Weekday::from_sunday_index(
        y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400) + offset + day,
    )
}

pub(super) fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

pub(super) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

struct Era {
    name: &'static str,
    /// The one-character form (㋿), which some pages and input methods produce.
    glyph: char,
    start: (i32, u32, u32),
    /// Japan kept the lunisolar calendar until the end of Meiji 5: a month or day before
    /// Meiji 6 is not a Gregorian one, and converting it as if it were would be wrong.
    first_gregorian_year: u32,
}

const ERAS: [Era; 5] = [
    Era {
        name: "明治",
        glyph: '㍾',
        start: (1868, 1, 25),
        first_gregorian_year: 6,
    },
    Era {
        name: "大正",
        glyph: '㍽',
        start: (1912, 7, 30),
        first_gregorian_year: 1,
    },
    Era {
        name: "昭和",
        glyph: '㍼',
        start: (1926, 12, 25),
        first_gregorian_year: 1,
    },
    Era {
        name: "平成",
        glyph: '㍻',
        start: (1989, 1, 8),
        first_gregorian_year: 1,
    },
    Era {
        name: "令和",
        glyph: '㋿',
        start: (2019, 5, 1),
        first_gregorian_year: 1,
    },
];

fn eat_era(c: &mut Cur<'_>) -> Option<&'static Era> {
    ERAS.iter()
        .find(|era| c.eat_char(era.glyph) || c.eat_str(era.name))
}

#[derive(Clone, Copy)]
struct Year {
    year: i32,
    era: Option<&'static Era>,
    era_year: u32,
}

/// 令和7年, 令和元年, 2025年, and either followed by the other in brackets: 2025年（令和7年）.
fn parse_year(start: Cur<'_>, allow_alternative: bool) -> Option<(Year, Cur<'_>)> {
    let mut c = start;
    let mut year = if let Some(era) = eat_era(&mut c) {
        c.skip_spaces();
        let n = if c.eat_char('元') {
            1
        } else {
            c.number(1, 2)?
        };
        c.skip_spaces();
        if n == 0 || !c.eat_char('年') {
            return None;
        }
        let offset = i32::try_from(n).ok()?;
        Year {
            year: era.start.0 + offset - 1,
            era: Some(era),
            era_year: n,
        }
    } else {
        if !start.at_number_start() || digit_value(c.peek()?) == Some(0) {
            return None;
        }
        let n = c.number(4, 4)?;
        c.skip_spaces();
        if !c.eat_char('年') {
            return None;
        }
        Year {
            year: i32::try_from(n).ok()?,
            era: None,
            era_year: 0,
        }
    };
    if allow_alternative {
        let mut alt = c;
        if alt.eat(is_open_paren).is_some() {
            if let Some((other, mut after)) = parse_year(alt, false) {
                let same = other.year == year.year && other.era.is_some() != year.era.is_some();
                if same && after.eat(is_close_paren).is_some() {
                    if year.era.is_none() {
                        year.era = other.era;
                        year.era_year = other.era_year;
                    }
                    c = after;
                }
            }
        }
    }
    Some((year, c))
}

pub(super) fn scan_date(start: Cur<'_>) -> Option<Scan> {
    match parse_year(start, true) {
        Some((year, c)) => after_year(year, c),
        None => month_day(start),
    }
}

fn after_year(year: Year, mut c: Cur<'_>) -> Option<Scan> {
    if c.eat_char('度') {
        return token(
            c.i,
            TokenKind::FiscalYear,
            TokenValue::FiscalYear { year: year.year },
        );
    }
    let year_only = || {
        // A Gregorian year alone (2025年) is left to MT, which does not get it wrong.
        year.era?;
        token(
            c.i,
            TokenKind::EraYear,
            TokenValue::EraYear { year: year.year },
        )
    };
    let mut m = c;
    m.skip_spaces();
    let Some(month) = m.number(1, 2) else {
        return year_only();
    };
    m.skip_spaces();
    if !m.eat_char('月') {
        return year_only();
    }
    let lunisolar = year
        .era
        .is_some_and(|era| year.era_year < era.first_gregorian_year);
    if !(1..=12).contains(&month) || lunisolar {
        return plain(m.i);
    }
    let before_era = |month: u32, day: u32| {
        year.era
            .is_some_and(|era| (year.year, month, day) < era.start)
    };
    let mut d = m;
    d.skip_spaces();
    let day = d.number(1, 2);
    d.skip_spaces();
    let Some(day) = day.filter(|_| d.eat_char('日')) else {
        if before_era(month, days_in_month(year.year, month)) {
            return plain(m.i);
        }
        return token(
            m.i,
            TokenKind::Date,
            TokenValue::Date(JaDate::YearMonth {
                year: year.year,
                month,
            }),
        );
    };
    if day == 0 || day > days_in_month(year.year, month) || before_era(month, day) {
        return plain(d.i);
    }
    let (shown, end) = weekday_suffix(d);
    token(
        end.i,
        TokenKind::Date,
        TokenValue::Date(JaDate::Full {
            year: year.year,
            month,
            day,
            weekday: shown.is_some(),
        }),
    )
}

/// 7月23日 and 7月23日(水); a month alone (7月〜1月) is left to MT.
fn month_day(start: Cur<'_>) -> Option<Scan> {
    if start.peek().and_then(digit_value).is_none() || !start.at_number_start() {
        return None;
    }
    // After a year this scanner could not read (平成100年7月23日) the month and day would be
    // shown without it; better to leave the whole to MT.
    let mut back = start;
    back.i = back.i.saturating_sub(1);
    if start.prev() == Some('年')
        && back
            .prev()
            .is_some_and(|p| digit_value(p).is_some() || p == '元')
    {
        return None;
    }
    let mut c = start;
    let month = c.number(1, 2)?;
    c.skip_spaces();
    if !c.eat_char('月') {
        return None;
    }
    c.skip_spaces();
    let day = c.number(1, 2)?;
    c.skip_spaces();
    if !c.eat_char('日') {
        return None;
    }
    // Any year: 2月29日 exists in leap years.
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(2000, month) {
        return plain(c.i);
    }
    let (weekday, end) = weekday_suffix(c);
    token(
        end.i,
        TokenKind::Date,
        TokenValue::Date(JaDate::MonthDay {
            month,
            day,
            weekday,
        }),
    )
}

/// (水), （水）, (水曜日): the weekday after a date, and the position after it.
fn weekday_suffix(c: Cur<'_>) -> (Option<Weekday>, Cur<'_>) {
    let mut w = c;
    w.skip_spaces();
    if w.eat(is_open_paren).is_none() {
        return (None, c);
    }
    let Some(weekday) = w.peek().and_then(Weekday::from_ja) else {
        return (None, c);
    };
    w.i += 1;
    if w.eat_char('曜') {
        w.eat_char('日');
    }
    if w.eat(is_close_paren).is_none() {
        return (None, c);
    }
    (Some(weekday), w)
}

/// The Latin letter pages use for an era in short dates (R7.7.23, H31.4.30).
fn era_by_letter(c: char) -> Option<&'static Era> {
    let index = match c.to_ascii_uppercase() {
        'M' | 'Ｍ' | 'ｍ' => 0,
        'T' | 'Ｔ' | 'ｔ' => 1,
        'S' | 'Ｓ' | 'ｓ' => 2,
        'H' | 'Ｈ' | 'ｈ' => 3,
        'R' | 'Ｒ' | 'ｒ' => 4,
        _ => return None,
    };
    ERAS.get(index)
}

fn is_date_separator(c: char) -> bool {
    matches!(c, '/' | '／' | '.' | '．' | '-' | '－')
}

/// The month and day of a short or Western date after its year: the separator the year was
/// followed by must separate month and day too (2025.7.23, not 2025.7/23). Returns the
/// separator-free date parts and the cursor after them.
fn month_and_day(mut c: Cur<'_>) -> Option<(u32, u32, Cur<'_>)> {
    let separator = c.eat(is_date_separator)?;
    let month = c.number(1, 2)?;
    c.eat_char(separator).then_some(())?;
    let day = c.number(1, 2)?;
    // 2025.7.23.1 or 2025/7/23/ is a version or a path, not a date.
    let more = c.peek().is_some_and(|n| {
        digit_value(n).is_some()
            || is_date_separator(n) && c.peek_at(1).and_then(digit_value).is_some()
    });
    if more {
        return None;
    }
    Some((month, day, c))
}

/// A validated full date from its parts, with the weekday suffix after it when there is one.
fn full_date(year: i32, month: u32, day: u32, era: Option<&Era>, end: Cur<'_>) -> Option<Scan> {
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return plain(end.i);
    }
    if era.is_some_and(|era| (year, month, day) < era.start) {
        return plain(end.i);
    }
    let (shown, after) = weekday_suffix(end);
    token(
        after.i,
        TokenKind::Date,
        TokenValue::Date(JaDate::Full {
            year,
            month,
            day,
            weekday: shown.is_some(),
        }),
    )
}

/// 2019/02/22, 2025.7.23, 2025-07-23 (digits of either width, optionally with the weekday):
/// a four-digit year first, so that 7/23 or 23.7.2025 (orders other countries use) is never
/// guessed at.
pub(super) fn scan_western_date(start: Cur<'_>) -> Option<Scan> {
    if start.peek().and_then(digit_value).is_none() || !start.at_number_start() {
        return None;
    }
    let mut c = start;
    let year = c.number(4, 4)?;
    if !(1873..=2999).contains(&year) {
        return None;
    }
    let (month, day, end) = month_and_day(c)?;
    full_date(i32::try_from(year).ok()?, month, day, None, end)
}

/// R7.7.23, H31/4/30, 令和7.7.23, ㋿7.7.23: an era year by letter, name or glyph, then month
/// and day. Before Meiji 6 the months are lunisolar, so such a date is left alone.
pub(super) fn scan_short_era_date(start: Cur<'_>) -> Option<Scan> {
    let mut c = start;
    let era = match c.peek().and_then(era_by_letter) {
        Some(era) if !start.prev().is_some_and(|p| p.is_alphanumeric()) => {
            c.i += 1;
            era
        }
        _ => eat_era(&mut c)?,
    };
    let era_year = c.number(1, 2)?;
    if era_year == 0 {
        return None;
    }
    let (month, day, end) = month_and_day(c)?;
    if era_year < era.first_gregorian_year {
        return plain(end.i);
    }
    let year = era.start.0 + i32::try_from(era_year).ok()? - 1;
    full_date(year, month, day, Some(era), end)
}

pub(super) fn month_en(month: u32) -> &'static str {
    match month {
        1 => "January",
        2 => "February",
        3 => "March",
        4 => "April",
        5 => "May",
        6 => "June",
        7 => "July",
        8 => "August",
        9 => "September",
        10 => "October",
        11 => "November",
        _ => "December",
    }
}
