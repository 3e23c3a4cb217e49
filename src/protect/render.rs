//! Rendering: each token as the reader's language writes it. Only values are rendered, never
//! the source's words, so what a reader sees is computed from what was read (the weekday from
//! the date, the 12-hour clock from the 24-hour one, 300 million from 3億).

use super::dates::month_en;
use super::numbers::Scale;
use super::{ClockTime, JaDate, Quantity, Token, TokenValue, weekday};
use crate::i18n::Lang;

/// The display text of `token` in `lang`, not escaped.
pub fn render(token: &Token, lang: Lang) -> String {
    if lang == Lang::Ja {
        return crate::placeholder::unescape_text(&token.source);
    }
    match &token.value {
        TokenValue::Verbatim => crate::placeholder::unescape_text(&token.source),
        TokenValue::Phone { number } => number.clone(),
        TokenValue::Extension {
            number,
            parenthesized,
        } => render_extension(number, *parenthesized, lang),
        TokenValue::Date(date) => render_date(date, lang),
        TokenValue::FiscalYear { year } => match lang {
            Lang::En => format!("FY{year}"),
            Lang::Ko => format!("{year}년도"),
            _ => format!("{year}年度"),
        },
        TokenValue::EraYear { year } => match lang {
            Lang::En => year.to_string(),
            Lang::Ko => format!("{year}년"),
            _ => format!("{year}年"),
        },
        TokenValue::Time(time) => render_time(*time, lang),
        TokenValue::TimeRange { start, end } => render_time_range(*start, *end, lang),
        TokenValue::Quantity(quantity) => render_quantity(quantity, lang),
        TokenValue::Yen { value } => {
            let amount = grouped(*value);
            match lang {
                Lang::En => format!("¥{amount}"),
                Lang::ZhHans => format!("{amount}日元"),
                Lang::ZhHant => format!("{amount}日圓"),
                Lang::Ko => format!("{amount}엔"),
                Lang::Ja => format!("{amount}円"),
            }
        }
        TokenValue::Percent { number } => format!("{number}%"),
        TokenValue::Glossary { translation } => translation.clone(),
    }
}

fn render_extension(number: &str, parenthesized: bool, lang: Lang) -> String {
    let (open, label, close) = match lang {
        Lang::En => ("(", "ext. ", ")"),
        Lang::ZhHans => ("（", "分机", "）"),
        Lang::ZhHant => ("（", "分機", "）"),
        Lang::Ko => ("(", "내선 ", ")"),
        Lang::Ja => ("（", "内線", "）"),
    };
    if parenthesized {
        format!("{open}{label}{number}{close}")
    } else {
        format!("{label}{number}")
    }
}

fn render_date(date: &JaDate, lang: Lang) -> String {
    match *date {
        JaDate::Full {
            year,
            month,
            day,
            weekday: shown,
        } => {
            let weekday = shown.then(|| weekday(year, month, day));
            match lang {
                Lang::En => match weekday {
                    Some(w) => format!("{}, {} {day}, {year}", w.en(), month_en(month)),
                    None => format!("{} {day}, {year}", month_en(month)),
                },
                Lang::Ko => match weekday {
                    Some(w) => format!("{year}년 {month}월 {day}일({})", w.ko()),
                    None => format!("{year}년 {month}월 {day}일"),
                },
                _ => match weekday {
                    Some(w) => format!("{year}年{month}月{day}日（{}）", w.zh()),
                    None => format!("{year}年{month}月{day}日"),
                },
            }
        }
        JaDate::YearMonth { year, month } => match lang {
            Lang::En => format!("{} {year}", month_en(month)),
            Lang::Ko => format!("{year}년 {month}월"),
            _ => format!("{year}年{month}月"),
        },
        JaDate::MonthDay {
            month,
            day,
            weekday,
        } => match lang {
            Lang::En => match weekday {
                Some(w) => format!("{}, {} {day}", w.en(), month_en(month)),
                None => format!("{} {day}", month_en(month)),
            },
            Lang::Ko => match weekday {
                Some(w) => format!("{month}월 {day}일({})", w.ko()),
                None => format!("{month}월 {day}일"),
            },
            _ => match weekday {
                Some(w) => format!("{month}月{day}日（{}）", w.zh()),
                None => format!("{month}月{day}日"),
            },
        },
    }
}

/// A time standing alone: 14:00 on the 24-hour clock; 2:00 p.m., 下午2点, 오후 2시 on the
/// 12-hour one.
fn render_time(time: ClockTime, lang: Lang) -> String {
    if !time.twelve_hour {
        return time.to_string();
    }
    let (hour, pm) = time.twelve();
    let minute = time.minute;
    match lang {
        Lang::En => format!("{hour}:{minute:02} {}", if pm { "p.m." } else { "a.m." }),
        Lang::ZhHans | Lang::ZhHant => {
            let half = match (pm, hour) {
                (true, 12) => "中午",
                (true, _) => "下午",
                (false, _) => "上午",
            };
            let dot = if lang == Lang::ZhHans { '点' } else { '點' };
            if minute == 0 {
                format!("{half}{hour}{dot}")
            } else {
                format!("{half}{hour}{dot}{minute}分")
            }
        }
        Lang::Ko | Lang::Ja => {
            let half = if pm { "오후" } else { "오전" };
            if minute == 0 {
                format!("{half} {hour}시")
            } else {
                format!("{half} {hour}시 {minute}분")
            }
        }
    }
}

/// 14:00–16:00; 10:00 a.m. – 2:00 p.m., 上午10点至下午2点, 오전 10시~오후 2시.
fn render_time_range(start: ClockTime, end: ClockTime, lang: Lang) -> String {
    if !(start.twelve_hour || end.twelve_hour) {
        return format!("{start}–{end}");
    }
    let (from, to) = (render_time(start, lang), render_time(end, lang));
    match lang {
        Lang::En => format!("{from} – {to}"),
        Lang::ZhHans | Lang::ZhHant => format!("{from}至{to}"),
        Lang::Ko | Lang::Ja => format!("{from}~{to}"),
    }
}

/// 1234567 as 1,234,567.
pub(super) fn grouped(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// A value in English: 10,000, 1.5 million, 300 million, 2 billion; the digits in full when a
/// word would round them (1,234,567).
fn english_value(value: u64) -> String {
    for (unit, word) in [(1_000_000_000u64, "billion"), (1_000_000, "million")] {
        // Two decimals at most: 1.25 million, not 1.234567 million.
        if value >= unit && value % (unit / 100) == 0 {
            let whole = value / unit;
            let cents = (value % unit) / (unit / 100);
            let number = match cents {
                0 => whole.to_string(),
                c if c % 10 == 0 => format!("{whole}.{}", c / 10),
                c => format!("{whole}.{c:02}"),
            };
            return format!("{} {word}", grouped_number(&number));
        }
    }
    grouped(value)
}

/// Groups the whole part of a decimal written with ASCII digits: 1500.5 as 1,500.5.
fn grouped_number(number: &str) -> String {
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let grouped = whole
        .parse::<u64>()
        .map_or_else(|_| whole.to_owned(), grouped);
    if fraction.is_empty() {
        grouped
    } else {
        format!("{grouped}.{fraction}")
    }
}

/// 1万 as 10,000 (en), 1万 (zh-Hans), 1萬 (zh-Hant), 1만 (ko); 3億円 as 300 million yen,
/// 3亿日元, 3億日圓, 3억 엔.
fn render_quantity(quantity: &Quantity, lang: Lang) -> String {
    let scale = |s: &Scale| -> &'static str {
        match (lang, s) {
            (Lang::Ko, Scale::Thousand) => "천",
            (Lang::Ko, Scale::TenThousand) => "만",
            (Lang::Ko, Scale::HundredMillion) => "억",
            (_, Scale::Thousand) => "千",
            (Lang::ZhHans, Scale::TenThousand) => "万",
            (Lang::ZhHans, Scale::HundredMillion) => "亿",
            (_, Scale::TenThousand) => "萬",
            (_, Scale::HundredMillion) => "億",
        }
    };
    let groups = || {
        quantity
            .groups
            .iter()
            .map(|(digits, scales)| {
                let units: String = scales.iter().map(scale).collect();
                format!("{digits}{units}")
            })
            .collect::<Vec<_>>()
    };
    match lang {
        Lang::En => {
            let value = english_value(quantity.value);
            if quantity.yen {
                format!("{value} yen")
            } else {
                value
            }
        }
        Lang::ZhHans | Lang::ZhHant => {
            let number = groups().concat();
            match (quantity.yen, lang) {
                (false, _) => number,
                (true, Lang::ZhHans) => format!("{number}日元"),
                (true, _) => format!("{number}日圓"),
            }
        }
        Lang::Ko | Lang::Ja => {
            let number = groups().join(" ");
            if quantity.yen {
                format!("{number} 엔")
            } else {
                number
            }
        }
    }
}
