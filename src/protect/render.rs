//! Rendering: each token as the reader's language writes it. Only values are rendered, never
//! the source's words, so what a reader sees is computed from what was read (the weekday from
//! the date, the 12-hour clock from the 24-hour one, 300 million from 3億).
//!
//! Each language gets a [`Style`]. English, Chinese and Korean have their own. Spanish,
//! Portuguese, Indonesian, Vietnamese and Filipino write dates with their month and weekday
//! names in CLDR's long date patterns (`d 'de' MMMM 'de' y`, `d MMMM y`, `d MMMM, y`,
//! `MMMM d, y`): spelt out, the day and the month cannot be taken for each other, as they
//! could in 23/07 or 07/23. Every other language, and Thai, Burmese and Nepali (whose
//! calendars and digits vary by reader), gets the ISO 8601 forms a reader of any script
//! can read without guessing: 2025-07-23, the 24-hour clock, numbers in ASCII digits grouped
//! by thin spaces (10 000, SI style, since a comma or a point groups digits in some languages
//! and separates decimals in others), and the yen sign. Easy Japanese (やさしい日本語) writes
//! Western years with the era in brackets, 午前/午後 and から/まで, as its guidelines ask.

use super::dates::month_en;
use super::numbers::Scale;
use super::{ClockTime, JaDate, Quantity, Token, TokenValue, Weekday, weekday};
use crate::i18n::{Lang, Script};
use crate::placeholder::unescape_text as unescape;

/// How a language writes dates, times and amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Ja,
    EasyJa,
    En,
    ZhHans,
    ZhHant,
    Ko,
    Es,
    Pt,
    Id,
    Vi,
    Fil,
    /// ISO 8601 dates, the 24-hour clock, ASCII digits.
    Iso,
}

impl Style {
    pub fn of(lang: Lang) -> Style {
        if lang == Lang::JaEasy {
            return Style::EasyJa;
        }
        match lang.language() {
            "ja" => Style::Ja,
            "en" => Style::En,
            "ko" => Style::Ko,
            "zh" => match lang.script() {
                Some(Script::TraditionalHan) => Style::ZhHant,
                _ => Style::ZhHans,
            },
            "es" => Style::Es,
            "pt" => Style::Pt,
            "id" => Style::Id,
            "vi" => Style::Vi,
            "fil" | "tl" => Style::Fil,
            _ => Style::Iso,
        }
    }

    /// Whether two tokens side by side need a space between them (a date and its time):
    /// not in Chinese and Japanese, which write none between words.
    pub fn spaced(self) -> bool {
        !matches!(
            self,
            Style::Ja | Style::EasyJa | Style::ZhHans | Style::ZhHant
        )
    }
}

/// The display text of `token` in `lang`, not escaped.
pub fn render(token: &Token, lang: Lang) -> String {
    let style = Style::of(lang);
    if style == Style::Ja {
        return unescape(&token.source);
    }
    match &token.value {
        TokenValue::Verbatim => unescape(&token.source),
        TokenValue::Phone { number } => number.clone(),
        TokenValue::Extension {
            number,
            parenthesized,
        } => render_extension(number, *parenthesized, style),
        TokenValue::Date(date) => render_date(date, style, &token.source),
        TokenValue::FiscalYear { year } => match style {
            Style::En | Style::Iso => format!("FY{year}"),
            Style::Ko => format!("{year}년도"),
            Style::EasyJa => format!("{year}年度（{}度）", era_year(*year, &token.source)),
            Style::Es => format!("año fiscal {year}"),
            Style::Pt => format!("ano fiscal {year}"),
            Style::Id => format!("tahun fiskal {year}"),
            Style::Vi => format!("năm tài chính {year}"),
            Style::Fil => format!("taon ng pananalapi {year}"),
            Style::Ja | Style::ZhHans | Style::ZhHant => format!("{year}年度"),
        },
        TokenValue::EraYear { year } => match style {
            Style::Ko => format!("{year}년"),
            Style::EasyJa => format!("{year}年（{}）", era_year(*year, &token.source)),
            Style::Ja | Style::ZhHans | Style::ZhHant => format!("{year}年"),
            _ => year.to_string(),
        },
        TokenValue::Time(time) => render_time(*time, style),
        TokenValue::TimeRange { start, end } => render_time_range(*start, *end, style),
        TokenValue::Quantity(quantity) => render_quantity(quantity, style, &token.source),
        TokenValue::Yen { value } => match style {
            Style::En => format!("¥{}", grouped(*value)),
            Style::ZhHans => format!("{}日元", grouped(*value)),
            Style::ZhHant => format!("{}日圓", grouped(*value)),
            Style::Ko => format!("{}엔", grouped(*value)),
            Style::Ja | Style::EasyJa => format!("{}円", grouped(*value)),
            _ => format!("¥{}", spaced_digits(*value)),
        },
        TokenValue::Percent { number } => format!("{number}%"),
        TokenValue::Glossary { translation } => translation.clone(),
    }
}

fn render_extension(number: &str, parenthesized: bool, style: Style) -> String {
    let (open, label, close) = match style {
        Style::ZhHans => ("（", "分机", "）"),
        Style::ZhHant => ("（", "分機", "）"),
        Style::Ko => ("(", "내선 ", ")"),
        Style::Ja | Style::EasyJa => ("（", "内線", "）"),
        Style::Pt => ("(", "ramal ", ")"),
        _ => ("(", "ext. ", ")"),
    };
    if parenthesized {
        format!("{open}{label}{number}{close}")
    } else {
        format!("{label}{number}")
    }
}

/// The month's name, where the style spells months out.
fn month_name(month: u32, style: Style) -> Option<&'static str> {
    const ES: [&str; 12] = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    const PT: [&str; 12] = [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ];
    const ID: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    const FIL: [&str; 12] = [
        "Enero",
        "Pebrero",
        "Marso",
        "Abril",
        "Mayo",
        "Hunyo",
        "Hulyo",
        "Agosto",
        "Setyembre",
        "Oktubre",
        "Nobyembre",
        "Disyembre",
    ];
    let index = usize::try_from(month).ok()?.checked_sub(1)?;
    match style {
        Style::En => Some(month_en(month)),
        Style::Es => ES.get(index).copied(),
        Style::Pt => PT.get(index).copied(),
        Style::Id => ID.get(index).copied(),
        Style::Fil => FIL.get(index).copied(),
        _ => None,
    }
}

/// All month names a style writes, for the QA gate's reading of translations.
pub fn month_names(lang: Lang) -> Vec<(u32, &'static str)> {
    let style = Style::of(lang);
    (1..=12)
        .filter_map(|m| month_name(m, style).map(|name| (m, name)))
        .collect()
}

fn weekday_name(w: Weekday, style: Style) -> &'static str {
    let index = w as usize;
    let pick = |names: [&'static str; 7]| names.get(index).copied().unwrap_or_default();
    match style {
        Style::Es => pick([
            "domingo",
            "lunes",
            "martes",
            "miércoles",
            "jueves",
            "viernes",
            "sábado",
        ]),
        Style::Pt => pick([
            "domingo",
            "segunda-feira",
            "terça-feira",
            "quarta-feira",
            "quinta-feira",
            "sexta-feira",
            "sábado",
        ]),
        Style::Id => pick([
            "Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu",
        ]),
        Style::Vi => pick([
            "Chủ Nhật",
            "Thứ Hai",
            "Thứ Ba",
            "Thứ Tư",
            "Thứ Năm",
            "Thứ Sáu",
            "Thứ Bảy",
        ]),
        Style::Fil => pick([
            "Linggo",
            "Lunes",
            "Martes",
            "Miyerkules",
            "Huwebes",
            "Biyernes",
            "Sabado",
        ]),
        Style::Ko => w.ko(),
        Style::En => w.en(),
        Style::EasyJa => pick([
            "日曜日",
            "月曜日",
            "火曜日",
            "水曜日",
            "木曜日",
            "金曜日",
            "土曜日",
        ]),
        _ => w.zh(),
    }
}

fn render_date(date: &JaDate, style: Style, source: &str) -> String {
    match *date {
        JaDate::Full {
            year,
            month,
            day,
            weekday: shown,
        } => {
            let w = shown.then(|| weekday(year, month, day));
            let name = |w: Weekday| weekday_name(w, style);
            let month_word = month_name(month, style).unwrap_or_default();
            match (style, w) {
                (Style::En, Some(w)) => format!("{}, {month_word} {day}, {year}", name(w)),
                (Style::En, None) => format!("{month_word} {day}, {year}"),
                (Style::Ko, Some(w)) => format!("{year}년 {month}월 {day}일({})", name(w)),
                (Style::Ko, None) => format!("{year}년 {month}월 {day}일"),
                (Style::Es | Style::Pt, Some(w)) => {
                    format!("{}, {day} de {month_word} de {year}", name(w))
                }
                (Style::Es | Style::Pt, None) => format!("{day} de {month_word} de {year}"),
                (Style::Id, Some(w)) => format!("{}, {day} {month_word} {year}", name(w)),
                (Style::Id, None) => format!("{day} {month_word} {year}"),
                (Style::Vi, Some(w)) => format!("{}, {day} tháng {month}, {year}", name(w)),
                (Style::Vi, None) => format!("{day} tháng {month}, {year}"),
                (Style::Fil, Some(w)) => format!("{}, {month_word} {day}, {year}", name(w)),
                (Style::Fil, None) => format!("{month_word} {day}, {year}"),
                (Style::Iso, _) => format!("{year}-{month:02}-{day:02}"),
                (Style::EasyJa, w) => {
                    let era = era_date(year, month, day, source);
                    let mut out = format!("{year}年（{era}）{month}月{day}日");
                    if let Some(w) = w {
                        out.push_str(&format!("（{}）", name(w)));
                    }
                    out
                }
                (_, Some(w)) => format!("{year}年{month}月{day}日（{}）", name(w)),
                (_, None) => format!("{year}年{month}月{day}日"),
            }
        }
        JaDate::YearMonth { year, month } => match style {
            Style::En | Style::Id | Style::Fil => {
                format!("{} {year}", month_name(month, style).unwrap_or_default())
            }
            Style::Es | Style::Pt => {
                format!("{} de {year}", month_name(month, style).unwrap_or_default())
            }
            Style::Vi => format!("tháng {month} năm {year}"),
            Style::Ko => format!("{year}년 {month}월"),
            Style::Iso => format!("{year}-{month:02}"),
            Style::EasyJa => format!("{year}年（{}）{month}月", era_date(year, month, 1, source)),
            _ => format!("{year}年{month}月"),
        },
        JaDate::MonthDay {
            month,
            day,
            weekday,
        } => {
            let month_word = month_name(month, style).unwrap_or_default();
            let with_weekday = |text: String, w: Option<Weekday>| match w {
                Some(w) => format!("{}, {text}", weekday_name(w, style)),
                None => text,
            };
            match style {
                Style::En | Style::Fil => with_weekday(format!("{month_word} {day}"), weekday),
                Style::Es | Style::Pt => with_weekday(format!("{day} de {month_word}"), weekday),
                Style::Id => with_weekday(format!("{day} {month_word}"), weekday),
                Style::Vi => with_weekday(format!("{day} tháng {month}"), weekday),
                Style::Ko => match weekday {
                    Some(w) => format!("{month}월 {day}일({})", w.ko()),
                    None => format!("{month}월 {day}일"),
                },
                Style::Iso => format!("--{month:02}-{day:02}"),
                _ => match weekday {
                    Some(w) => format!("{month}月{day}日（{}）", weekday_name(w, style)),
                    None => format!("{month}月{day}日"),
                },
            }
        }
    }
}

/// The Japanese era year of a date, as 令和7年: the source's own era when it named one
/// (令和7年7月23日 gives 令和7年), else computed from the date.
fn era_date(year: i32, month: u32, day: u32, source: &str) -> String {
    if let Some(era) = source_era(source) {
        return era;
    }
    // Each era's first day (Gregorian) and name.
    let eras = [
        ((2019, 5, 1), "令和"),
        ((1989, 1, 8), "平成"),
        ((1926, 12, 25), "昭和"),
        ((1912, 7, 30), "大正"),
        ((1868, 1, 25), "明治"),
    ];
    for ((y, m, d), name) in eras {
        if (year, month, day) >= (y, m, d) {
            let n = year - y + 1;
            return if n == 1 {
                format!("{name}元年")
            } else {
                format!("{name}{n}年")
            };
        }
    }
    format!("{year}年")
}

/// The era year of a year standing alone (a fiscal year, 令和元年): the source's when it
/// named one, else that of the year's last day.
fn era_year(year: i32, source: &str) -> String {
    source_era(source).unwrap_or_else(|| era_date(year, 12, 31, ""))
}

/// 令和7年 out of 令和7年7月23日(水) or 令和7年度: the era name, its year and 年.
fn source_era(source: &str) -> Option<String> {
    let source = source.trim();
    if !["令和", "平成", "昭和", "大正", "明治"]
        .iter()
        .any(|e| source.starts_with(e))
    {
        return None;
    }
    let end = source.find('年')?;
    source.get(..end + '年'.len_utf8()).map(str::to_owned)
}

/// A time standing alone: 14:00 on the 24-hour clock; 2:00 p.m., 下午2点, 오후 2시 on the
/// 12-hour one. Languages without a style of their own keep the 24-hour clock, which no
/// reader can misread; Easy Japanese always writes 午前 and 午後.
fn render_time(time: ClockTime, style: Style) -> String {
    if style == Style::EasyJa {
        let (hour, pm) = time.twelve();
        let half = if pm { "午後" } else { "午前" };
        return if time.minute == 0 {
            format!("{half}{hour}時")
        } else {
            format!("{half}{hour}時{}分", time.minute)
        };
    }
    if !time.twelve_hour {
        return time.to_string();
    }
    let (hour, pm) = time.twelve();
    let minute = time.minute;
    match style {
        Style::En => format!("{hour}:{minute:02} {}", if pm { "p.m." } else { "a.m." }),
        Style::ZhHans | Style::ZhHant => {
            let half = match (pm, hour) {
                (true, 12) => "中午",
                (true, _) => "下午",
                (false, _) => "上午",
            };
            let dot = if style == Style::ZhHans { '点' } else { '點' };
            if minute == 0 {
                format!("{half}{hour}{dot}")
            } else {
                format!("{half}{hour}{dot}{minute}分")
            }
        }
        Style::Ko => {
            let half = if pm { "오후" } else { "오전" };
            if minute == 0 {
                format!("{half} {hour}시")
            } else {
                format!("{half} {hour}시 {minute}분")
            }
        }
        _ => time.to_string(),
    }
}

/// 14:00–16:00; 10:00 a.m. – 2:00 p.m., 上午10点至下午2点, 오전 10시~오후 2시,
/// 午前10時から午後2時まで.
fn render_time_range(start: ClockTime, end: ClockTime, style: Style) -> String {
    if style == Style::EasyJa {
        return format!(
            "{}から{}まで",
            render_time(start, style),
            render_time(end, style)
        );
    }
    let twelve = start.twelve_hour || end.twelve_hour;
    if !twelve || !matches!(style, Style::En | Style::ZhHans | Style::ZhHant | Style::Ko) {
        return format!("{start}–{end}");
    }
    let (from, to) = (render_time(start, style), render_time(end, style));
    match style {
        Style::En => format!("{from} – {to}"),
        Style::ZhHans | Style::ZhHant => format!("{from}至{to}"),
        _ => format!("{from}~{to}"),
    }
}

/// 1234567 as 1,234,567.
pub(super) fn grouped(value: u64) -> String {
    group_with(value, ',')
}

/// 1234567 as 1 234 567 (narrow no-break spaces), four digits and fewer as they are: the
/// SI way of grouping, which no language reads as a decimal mark.
pub(super) fn spaced_digits(value: u64) -> String {
    if value < 10_000 {
        value.to_string()
    } else {
        group_with(value, '\u{202F}')
    }
}

fn group_with(value: u64, separator: char) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
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
/// 3亿日元, 3億日圓, 3억 엔; in the other styles the exact value in grouped digits
/// (300 000 000, ¥300 000 000).
fn render_quantity(quantity: &Quantity, style: Style, source: &str) -> String {
    let scale = |s: &Scale| -> &'static str {
        match (style, s) {
            (Style::Ko, Scale::Thousand) => "천",
            (Style::Ko, Scale::TenThousand) => "만",
            (Style::Ko, Scale::HundredMillion) => "억",
            (_, Scale::Thousand) => "千",
            (Style::ZhHans, Scale::TenThousand) => "万",
            (Style::ZhHans, Scale::HundredMillion) => "亿",
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
    match style {
        Style::En => {
            let value = english_value(quantity.value);
            if quantity.yen {
                format!("{value} yen")
            } else {
                value
            }
        }
        Style::ZhHans | Style::ZhHant => {
            let number = groups().concat();
            match (quantity.yen, style) {
                (false, _) => number,
                (true, Style::ZhHans) => format!("{number}日元"),
                (true, _) => format!("{number}日圓"),
            }
        }
        Style::Ko => {
            let number = groups().join(" ");
            if quantity.yen {
                format!("{number} 엔")
            } else {
                number
            }
        }
        Style::Ja | Style::EasyJa => unescape(source),
        _ => {
            let value = spaced_digits(quantity.value);
            if quantity.yen {
                format!("¥{value}")
            } else {
                value
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::protect::protect;

    fn lang(tag: &str) -> Lang {
        Lang::parse(tag).unwrap()
    }

    /// Every token of `unit`, rendered in `tag` and joined with `|`.
    fn rendered(unit: &str, tag: &str) -> String {
        protect(unit)
            .tokens
            .iter()
            .map(|t| render(t, lang(tag)))
            .collect::<Vec<_>>()
            .join("|")
    }

    #[test]
    fn styles_follow_the_language() {
        for (tag, style) in [
            ("ja", Style::Ja),
            ("ja-x-easy", Style::EasyJa),
            ("en", Style::En),
            ("en-GB", Style::En),
            ("zh-Hans", Style::ZhHans),
            ("zh-Hant", Style::ZhHant),
            ("zh-TW", Style::ZhHant),
            ("ko", Style::Ko),
            ("es", Style::Es),
            ("es-419", Style::Es),
            ("pt-BR", Style::Pt),
            ("id", Style::Id),
            ("vi", Style::Vi),
            ("fil", Style::Fil),
            ("th", Style::Iso),
            ("my", Style::Iso),
            ("ne", Style::Iso),
            ("de", Style::Iso),
        ] {
            assert_eq!(Style::of(lang(tag)), style, "{tag}");
        }
    }

    #[test]
    fn dates_in_the_new_languages() {
        let date = "令和7年7月23日(水)";
        for (tag, want) in [
            ("es", "miércoles, 23 de julio de 2025"),
            ("pt-BR", "quarta-feira, 23 de julho de 2025"),
            ("id", "Rabu, 23 Juli 2025"),
            ("vi", "Thứ Tư, 23 tháng 7, 2025"),
            ("fil", "Miyerkules, Hulyo 23, 2025"),
            ("th", "2025-07-23"),
            ("my", "2025-07-23"),
            ("ne", "2025-07-23"),
            ("de", "2025-07-23"),
            ("ja-x-easy", "2025年（令和7年）7月23日（水曜日）"),
        ] {
            assert_eq!(rendered(date, tag), want, "{tag}");
        }
        for (tag, want) in [
            ("es", "1 de enero de 2026"),
            ("pt-BR", "1 de janeiro de 2026"),
            ("id", "1 Januari 2026"),
            ("vi", "1 tháng 1, 2026"),
            ("fil", "Enero 1, 2026"),
            ("th", "2026-01-01"),
            ("ja-x-easy", "2026年（令和8年）1月1日"),
        ] {
            assert_eq!(rendered("令和8年1月1日", tag), want, "{tag}");
        }
        for (tag, want) in [
            ("es", "mayo de 2025"),
            ("pt-BR", "maio de 2025"),
            ("id", "Mei 2025"),
            ("vi", "tháng 5 năm 2025"),
            ("fil", "Mayo 2025"),
            ("my", "2025-05"),
            ("ja-x-easy", "2025年（令和7年）5月"),
        ] {
            assert_eq!(rendered("2025年5月", tag), want, "{tag}");
        }
    }

    #[test]
    fn easy_japanese_computes_the_era_of_a_western_date() {
        assert_eq!(
            rendered("2019年5月1日", "ja-x-easy"),
            "2019年（令和元年）5月1日"
        );
        assert_eq!(
            rendered("2019年4月30日", "ja-x-easy"),
            "2019年（平成31年）4月30日"
        );
    }

    #[test]
    fn times_keep_the_24_hour_clock_unless_the_style_says_otherwise() {
        let range = "14時00分〜16時00分";
        for (tag, want) in [
            ("es", "14:00–16:00"),
            ("th", "14:00–16:00"),
            ("vi", "14:00–16:00"),
            ("ja-x-easy", "午後2時から午後4時まで"),
            ("en", "14:00–16:00"),
        ] {
            assert_eq!(rendered(range, tag), want, "{tag}");
        }
        for (tag, want) in [
            ("my", "14:30"),
            ("pt-BR", "14:30"),
            ("en", "2:30 p.m."),
            ("ja-x-easy", "午後2時30分"),
        ] {
            assert_eq!(rendered("午後2時30分", tag), want, "{tag}");
        }
    }

    #[test]
    fn amounts_are_grouped_so_no_language_reads_a_decimal() {
        for (tag, want) in [
            ("es", "¥1000"),
            ("th", "¥1000"),
            ("en", "¥1,000"),
            ("ja-x-easy", "1,000円"),
        ] {
            assert_eq!(rendered("1,000円", tag), want, "{tag}");
        }
        assert_eq!(rendered("3億円", "id"), "¥300\u{202F}000\u{202F}000");
        assert_eq!(rendered("1万人", "ne"), "10\u{202F}000");
        assert_eq!(rendered("3億円", "ja-x-easy"), "3億円");
    }

    #[test]
    fn fiscal_years_and_extensions() {
        for (tag, want) in [
            ("es", "año fiscal 2025"),
            ("pt-BR", "ano fiscal 2025"),
            ("th", "FY2025"),
            ("ja-x-easy", "2025年度（令和7年度）"),
        ] {
            assert_eq!(rendered("令和7年度", tag), want, "{tag}");
        }
        assert_eq!(rendered("（内線5520）", "pt-BR"), "(ramal 5520)");
        assert_eq!(rendered("（内線5520）", "th"), "(ext. 5520)");
        assert_eq!(rendered("（内線5520）", "ja-x-easy"), "（内線5520）");
    }
}
