//! Number parity: every number of a unit's source must come back in its translation with the
//! same value, in whatever form the target language writes it.
//!
//! The source side is read from the protected text (tokens cut out) plus each token's value:
//! a date token expects its year, month and day, a quantity its exact value, a time its hour
//! on either clock. Free-text numbers are read as written, ASCII or full-width, with `,`
//! groups and a `.` fraction (１，０００ is 1000); three or more groups joined by dashes
//! (7-4-15, 1-2-2) are one number that must come back whole. A number followed by 月 (or
//! by a range ending in 月, as 7〜9月) is a month. Numbers written in kanji (五, 十二) are
//! not read: 一 in 一般 or 統一 is no number, and MT's rendering of a kanji numeral is not
//! something we could check without reading Japanese for real.
//!
//! The target side knows the forms correct translations use: digits with any grouping,
//! English number words and ordinals (five, second, twice), month names (July), `N million`,
//! Chinese numerals before a counter or after 第 (五场, 第二), 万/亿 groups (3亿), Korean
//! native numerals (다섯 번, 두 번째) and 만/억 groups. A month name only stands for a month:
//! "May" does not answer a 5 that counts sessions. Extra numbers in the translation are
//! allowed (a translation may say "2026" where the Japanese says 翌年1月).

use crate::i18n::Lang;
use crate::placeholder::{self, Piece};
use crate::protect::{JaDate, Protected, Style, TokenValue};

use super::forms::{self, Form, Found};

/// A number the translation must contain.
#[derive(Debug, Clone)]
struct Expect {
    /// Any of these values will do (14 or 2 for 午後2時).
    values: Vec<String>,
    month: bool,
    /// Three or more dash-joined groups: must come back as one number.
    compound: bool,
    text: String,
}

/// A number of the source that the translation lacks, and what stands in its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub expected: String,
    pub found: Option<String>,
}

/// Checks that every number of `protected` (its free text and its tokens' values) is in
/// `translation` (placeholder form, tokens rendered) as written for `to`. Where a token's
/// rendering stands in the translation as we render it (a machine translation, its tokens
/// restored), the token's values are checked in that rendering and the rendering is cut
/// out of the rest, so that no number of the free text is answered by one inside it: Easy
/// Japanese writes 2025年（令和7年）, and that 7 must not stand for a month 7 the rewrite
/// lost. A translator's or a bundled text, which writes tokens its own way, is searched
/// whole.
pub fn check(protected: &Protected, translation: &str, to: Lang) -> Result<(), Mismatch> {
    let mut free = plain_pieces(translation);
    let mut expected = source_numbers(&plain_pieces(&protected.text));
    for token in &protected.tokens {
        let values = token_numbers(&token.value, &token.source);
        let rendered: Vec<char> = crate::protect::render(token, to).chars().collect();
        let at = (!rendered.is_empty())
            .then(|| {
                (0..free.len()).find(|&i| free.get(i..i + rendered.len()) == Some(&rendered[..]))
            })
            .flatten();
        match at {
            Some(at) => {
                if !values.is_empty() {
                    match_numbers(&values, &target_numbers(&rendered, to))?;
                }
                // A tag-like break, so numbers on either side do not join.
                free.splice(at..at + rendered.len(), ['\u{1}']);
            }
            None => expected.extend(values),
        }
    }
    if expected.is_empty() {
        return Ok(());
    }
    let found = target_numbers(&free, to);
    match_numbers(&expected, &found)
}

/// The text pieces of placeholder-form text, unescaped; each tag breaks the text so that
/// numbers never run across it.
fn plain_pieces(text: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(text.len());
    match placeholder::pieces(text) {
        Ok(pieces) => {
            for piece in pieces {
                match piece {
                    Piece::Text(t) => out.extend(placeholder::unescape_text(t).chars()),
                    _ => out.push('\u{1}'),
                }
            }
        }
        Err(_) => out.extend(placeholder::unescape_text(text).chars()),
    }
    out
}

/// A decimal digit: ASCII, full-width, or the native digits of the targets that have their
/// own (Thai ๐–๙, Myanmar ၀–၉, Devanagari ०–९), which providers may write for Thai,
/// Burmese and Nepali.
pub(super) fn digit(c: char) -> Option<u32> {
    let from = |zero: char| Some(u32::from(c) - u32::from(zero));
    match c {
        '0'..='9' => from('0'),
        '０'..='９' => from('０'),
        '\u{0E50}'..='\u{0E59}' => from('\u{0E50}'),
        '\u{1040}'..='\u{1049}' => from('\u{1040}'),
        '\u{0966}'..='\u{096F}' => from('\u{0966}'),
        _ => None,
    }
}

fn separator(c: char) -> Option<char> {
    Some(match c {
        // The narrow no-break space groups digits in the ISO renderings (10 000).
        ',' | '，' | '\u{202F}' => ',',
        '.' | '．' => '.',
        '-' | '‐' | '‑' | '‒' | '–' | '—' | '−' | '－' | 'ー' => '-',
        '/' | '／' => '/',
        ':' | '：' => ':',
        _ => return None,
    })
}

/// An integer or decimal written with ASCII digits, without grouping or leading zeros.
fn canonical(int: &str, fraction: &str) -> String {
    let int = int.trim_start_matches('0');
    let fraction = fraction.trim_end_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    if fraction.is_empty() {
        int.to_owned()
    } else {
        format!("{int}.{fraction}")
    }
}

/// `value` (canonical) times `factor`, canonical again; exact or not at all.
pub(super) fn scaled(value: &str, factor: u128) -> Option<String> {
    let (int, fraction) = value.split_once('.').unwrap_or((value, ""));
    let digits: u128 = format!("{int}{fraction}").parse().ok()?;
    let divisor = 10u128.checked_pow(u32::try_from(fraction.len()).ok()?)?;
    let total = digits.checked_mul(factor)?;
    (total % divisor == 0).then(|| (total / divisor).to_string())
}

/// One run of digits and separators as read: its groups and separators.
pub(super) struct Raw {
    pub(super) groups: Vec<String>,
    pub(super) separators: Vec<char>,
    pub(super) text: String,
    pub(super) end: usize,
}

pub(super) fn read_raw(chars: &[char], start: usize) -> Raw {
    let mut i = start;
    let mut groups = Vec::new();
    let mut separators = Vec::new();
    loop {
        let mut group = String::new();
        while let Some(d) = chars.get(i).copied().and_then(digit) {
            group.push(char::from_digit(d, 10).unwrap_or('0'));
            i += 1;
        }
        groups.push(group);
        let sep = chars.get(i).copied().and_then(separator);
        let next_is_digit = chars.get(i + 1).copied().and_then(digit).is_some();
        match sep {
            Some(s) if next_is_digit => {
                separators.push(s);
                i += 1;
            }
            _ => break,
        }
    }
    Raw {
        groups,
        separators,
        text: chars.get(start..i).unwrap_or_default().iter().collect(),
        end: i,
    }
}

/// What a run of digits stands for: one value (1,000; 1.5), one compound (7-4-15), or one
/// value per group (7/1, 14:00, 1-2).
pub(super) enum Reading {
    One(String),
    Compound(Vec<String>),
    Each(Vec<String>),
}

pub(super) fn reading(raw: &Raw) -> Reading {
    let seps = &raw.separators;
    let groups = &raw.groups;
    let (first, rest) = match groups.split_first() {
        Some(split) => split,
        None => return Reading::Each(Vec::new()),
    };
    if seps.is_empty() {
        return Reading::One(canonical(first, ""));
    }
    let commas = seps.iter().take_while(|&&s| s == ',').count();
    let grouped = first.len() <= 3 && rest.iter().take(commas).all(|g| g.len() == 3);
    if grouped && commas == seps.len() {
        return Reading::One(canonical(&groups.concat(), ""));
    }
    if grouped && commas + 1 == seps.len() && seps.last() == Some(&'.') {
        let int: String = groups.iter().take(commas + 1).map(String::as_str).collect();
        let fraction = groups.last().map_or("", String::as_str);
        return Reading::One(canonical(&int, fraction));
    }
    if seps.len() >= 2 && seps.iter().all(|&s| s == '-') {
        return Reading::Compound(groups.iter().map(|g| canonical(g, "")).collect());
    }
    Reading::Each(groups.iter().map(|g| canonical(g, "")).collect())
}

fn is_range_mark(c: char) -> bool {
    matches!(c, '〜' | '～' | '~' | '-' | '－' | '–' | '—' | '‐' | '−')
}

/// Whether the number ending at `end` counts months: 7月, or 7 in 7〜9月.
fn is_month(chars: &[char], end: usize) -> bool {
    let mut i = end;
    let skip_spaces = |i: &mut usize| {
        while chars.get(*i).is_some_and(|&c| c == ' ' || c == '\u{3000}') {
            *i += 1;
        }
    };
    skip_spaces(&mut i);
    match chars.get(i) {
        Some('月') => true,
        Some(&c) if is_range_mark(c) => {
            i += 1;
            skip_spaces(&mut i);
            if chars.get(i).copied().and_then(digit).is_none() {
                return false;
            }
            while chars.get(i).copied().and_then(digit).is_some() {
                i += 1;
            }
            skip_spaces(&mut i);
            chars.get(i) == Some(&'月')
        }
        _ => false,
    }
}

fn in_month_range(value: &str) -> bool {
    value.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
}

/// The numbers of Japanese free text.
fn source_numbers(chars: &[char]) -> Vec<Expect> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars.get(i).copied().and_then(digit).is_none() {
            i += 1;
            continue;
        }
        let raw = read_raw(chars, i);
        let month = is_month(chars, raw.end);
        match reading(&raw) {
            Reading::One(value) => out.push(Expect {
                month: month && in_month_range(&value),
                values: vec![value],
                compound: false,
                text: raw.text.clone(),
            }),
            Reading::Compound(parts) => out.push(Expect {
                values: vec![parts.join("-")],
                month: false,
                compound: true,
                text: raw.text.clone(),
            }),
            Reading::Each(values) => {
                // 7-9月 and 7/1: the last group is a month only after a dash.
                let dashed = raw.separators.iter().all(|&s| s == '-');
                for (value, text) in values.into_iter().zip(&raw.groups) {
                    out.push(Expect {
                        month: month && dashed && in_month_range(&value),
                        values: vec![value],
                        compound: false,
                        text: text.clone(),
                    });
                }
            }
        }
        i = raw.end;
    }
    out
}

fn atom(value: impl Into<String>, month: bool, text: impl Into<String>) -> Expect {
    Expect {
        values: vec![value.into()],
        month,
        compound: false,
        text: text.into(),
    }
}

/// What a token's value makes the translation say.
fn token_numbers(value: &TokenValue, source: &str) -> Vec<Expect> {
    let date = |date: &JaDate| -> Vec<Expect> {
        match *date {
            JaDate::Full {
                year, month, day, ..
            } => vec![
                atom(year.to_string(), false, year.to_string()),
                atom(month.to_string(), true, format!("{month}月")),
                atom(day.to_string(), false, format!("{day}日")),
            ],
            JaDate::YearMonth { year, month } => vec![
                atom(year.to_string(), false, year.to_string()),
                atom(month.to_string(), true, format!("{month}月")),
            ],
            JaDate::MonthDay { month, day, .. } => vec![
                atom(month.to_string(), true, format!("{month}月")),
                atom(day.to_string(), false, format!("{day}日")),
            ],
        }
    };
    let time = |t: &crate::protect::ClockTime| -> Vec<Expect> {
        let (twelve, _) = t.twelve();
        let mut out = vec![Expect {
            values: vec![t.hour.to_string(), twelve.to_string()],
            month: false,
            compound: false,
            text: t.to_string(),
        }];
        // 14:00 may be "2 p.m.": a zero minute need not be written.
        if t.minute != 0 {
            out.push(atom(t.minute.to_string(), false, t.to_string()));
        }
        out
    };
    match value {
        TokenValue::Verbatim => source_numbers(&plain_pieces(source)),
        TokenValue::Phone { number } => source_numbers(&number.chars().collect::<Vec<_>>()),
        TokenValue::Extension { number, .. } => vec![atom(canonical(number, ""), false, number)],
        TokenValue::Date(d) => date(d),
        TokenValue::FiscalYear { year } | TokenValue::EraYear { year } => {
            vec![atom(year.to_string(), false, year.to_string())]
        }
        TokenValue::Time(t) => time(t),
        TokenValue::TimeRange { start, end } => {
            let mut out = time(start);
            out.extend(time(end));
            out
        }
        TokenValue::Quantity(q) => vec![atom(q.value.to_string(), false, source)],
        TokenValue::Yen { value } => vec![atom(value.to_string(), false, source)],
        TokenValue::Percent { number } => {
            let (int, fraction) = number.split_once('.').unwrap_or((number, ""));
            vec![atom(canonical(int, fraction), false, source)]
        }
        TokenValue::Glossary { .. } => Vec::new(),
    }
}

/// The numbers of a translation in `lang`, in every form it may write them.
fn target_numbers(chars: &[char], lang: Lang) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars.get(i).copied().and_then(digit).is_none() {
            i += 1;
            continue;
        }
        let raw = read_raw(chars, i);
        let mut end = raw.end;
        match reading(&raw) {
            Reading::One(value) => {
                let (value, after) = forms::with_scale(chars, raw.end, &value, lang);
                end = after;
                out.push(Found {
                    value,
                    form: Form::Digits,
                    parts: None,
                    text: chars.get(i..end).unwrap_or_default().iter().collect(),
                });
            }
            Reading::Compound(parts) => out.push(Found {
                value: parts.join("-"),
                form: Form::Digits,
                parts: Some(parts),
                text: raw.text.clone(),
            }),
            Reading::Each(values) => {
                for (value, text) in values.into_iter().zip(&raw.groups) {
                    out.push(Found {
                        value,
                        form: Form::Digits,
                        parts: None,
                        text: text.clone(),
                    });
                }
            }
        }
        i = end.max(i + 1);
    }
    match Style::of(lang) {
        Style::En => out.extend(forms::english_words(chars)),
        Style::ZhHans | Style::ZhHant => out.extend(forms::chinese_numerals(chars)),
        Style::Ko => out.extend(forms::korean_numerals(chars)),
        _ => out.extend(forms::month_words(chars, lang)),
    }
    out
}

/// Pairs every expected number with a found one (each found number used once).
fn match_numbers(expected: &[Expect], found: &[Found]) -> Result<(), Mismatch> {
    // Compounds first, whole.
    let mut used_compound = vec![false; found.len()];
    let mut missing: Option<&Expect> = None;
    for e in expected.iter().filter(|e| e.compound) {
        let hit = found.iter().enumerate().position(|(k, f)| {
            !used_compound[k] && f.parts.is_some() && e.values.contains(&f.value)
        });
        match hit {
            Some(k) => used_compound[k] = true,
            None => {
                missing.get_or_insert(e);
            }
        }
    }
    if let Some(e) = missing {
        let found = found
            .iter()
            .enumerate()
            .find(|(k, f)| f.parts.is_some() && !used_compound[*k])
            .map(|(_, f)| f.text.clone());
        return Err(Mismatch {
            expected: e.text.clone(),
            found,
        });
    }
    // Then single numbers, each against the found numbers and the groups of unused compounds.
    let mut pool: Vec<Found> = Vec::new();
    for (k, f) in found.iter().enumerate() {
        match &f.parts {
            Some(parts) if !used_compound[k] => {
                pool.extend(parts.iter().map(|p| Found {
                    value: p.clone(),
                    form: Form::Digits,
                    parts: None,
                    text: p.clone(),
                }));
            }
            Some(_) => {}
            None => pool.push(f.clone()),
        }
    }
    let singles: Vec<&Expect> = expected.iter().filter(|e| !e.compound).collect();
    let fits =
        |e: &Expect, f: &Found| e.values.contains(&f.value) && (f.form != Form::Month || e.month);
    // Kuhn's augmenting paths: the lists are short (a sentence's numbers).
    let mut owner: Vec<Option<usize>> = vec![None; pool.len()];
    fn augment(
        e: usize,
        singles: &[&Expect],
        pool: &[Found],
        owner: &mut Vec<Option<usize>>,
        seen: &mut Vec<bool>,
        fits: &dyn Fn(&Expect, &Found) -> bool,
    ) -> bool {
        for k in 0..pool.len() {
            if seen[k] || !fits(singles[e], &pool[k]) {
                continue;
            }
            seen[k] = true;
            let free = match owner[k] {
                None => true,
                Some(other) => augment(other, singles, pool, owner, seen, fits),
            };
            if free {
                owner[k] = Some(e);
                return true;
            }
        }
        false
    }
    let mut unmatched = None;
    for e in 0..singles.len() {
        let mut seen = vec![false; pool.len()];
        if !augment(e, &singles, &pool, &mut owner, &mut seen, &fits) {
            unmatched.get_or_insert(e);
        }
    }
    if let Some(e) = unmatched {
        // What stands in its place: a number nobody else claims, a zero last (the
        // minutes of 17:00 are rarely what changed).
        let unclaimed = || {
            pool.iter()
                .zip(&owner)
                .filter(|(f, o)| o.is_none() && f.form == Form::Digits)
                .map(|(f, _)| f)
        };
        let found = unclaimed()
            .find(|f| f.value != "0")
            .or_else(|| unclaimed().next())
            .map(|f| f.text.clone());
        return Err(Mismatch {
            expected: singles[e].text.clone(),
            found,
        });
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::protect::protect;
    #[allow(non_upper_case_globals)]
    const En: Lang = Lang::En;
    #[allow(non_upper_case_globals)]
    const Ko: Lang = Lang::Ko;
    #[allow(non_upper_case_globals)]
    const ZhHans: Lang = Lang::ZhHans;
    #[allow(non_upper_case_globals)]
    const ZhHant: Lang = Lang::ZhHant;

    fn ok(source: &str, translation: &str, lang: Lang) {
        let p = protect(source);
        assert_eq!(
            check(&p, translation, lang),
            Ok(()),
            "{source:?} → {translation:?} ({lang:?})"
        );
    }

    fn refused(source: &str, translation: &str, lang: Lang, expected: &str, found: Option<&str>) {
        let p = protect(source);
        assert_eq!(
            check(&p, translation, lang),
            Err(Mismatch {
                expected: expected.to_owned(),
                found: found.map(str::to_owned),
            }),
            "{source:?} → {translation:?} ({lang:?})"
        );
    }

    #[test]
    fn digits_keep_their_value_whatever_their_form() {
        ok("参加費は１，０００人分", "Fees for 1,000 people", En);
        ok("参加費は1,000人分", "1000 people", En);
        ok("１．５倍", "1.5 times", En);
        ok("識別番号 7-4-15", "ID 7‐4‐15", En);
        ok("東京都千代田区霞が関1-2-2", "1-2-2 Kasumigaseki", En);
        ok("第07号", "No. 7", En);
        ok("7〜9人", "7–9 people", En);
        refused("識別番号 7-4-15", "ID 8-5-26", En, "7-4-15", Some("8-5-26"));
        refused("識別番号 7-4-15", "ID 7, 4 and 15", En, "7-4-15", None);
        refused("全5回", "six sessions in 6 weeks", En, "5", Some("6"));
        refused("1,000人", "1,001 people", En, "1,000", Some("1,001"));
        refused("7と7", "7 and 8", En, "7", Some("8"));
    }

    #[test]
    fn english_words_months_and_ordinals() {
        ok(
            "オンラインセミナー(全5回)",
            "online seminars (five sessions)",
            En,
        );
        ok("7月〜1月にかけて", "from July to January", En);
        ok(
            "9月〜1月にかけて4回",
            "four times from September to January",
            En,
        );
        ok("第2回", "the second session", En);
        ok("第2回", "the 2nd session", En);
        ok("7〜9月", "July to September", En);
        ok("2回", "twice", En);
        ok("第21回", "the twenty-first", En);
        ok("12月", "Dec.", En);
        ok("20代の方", "people in their twenties", En);
        // A month name answers only a month.
        refused("5回", "in May", En, "5", None);
        refused("7月", "in June", En, "7", None);
        ok("5月", "in May", En);
    }

    #[test]
    fn chinese_and_korean_forms() {
        ok("全5回", "共五场", ZhHans);
        ok("第2回", "第二场", ZhHant);
        ok("7月〜1月", "七月至一月", ZhHans);
        ok("全5回", "총 다섯 번", Ko);
        ok("第2回", "두 번째", Ko);
        ok("全5回", "총 5회", Ko);
        // 一 in 一起 counts nothing.
        refused("1回", "一起", ZhHans, "1", None);
        // 한 in 한국 neither.
        refused("1回", "한국", Ko, "1", None);
    }

    #[test]
    fn tokens_are_checked_through_their_values() {
        ok("令和7年7月23日(水)", "Wednesday, July 23, 2025", En);
        ok("令和7年7月23日(水)", "2025年7月23日（星期三）", ZhHans);
        ok("令和7年7月23日(水)", "2025년 7월 23일(수)", Ko);
        ok("令和7年度", "FY2025", En);
        ok("14時00分〜16時00分", "2 p.m. to 4 p.m.", En);
        ok("午後2時30分", "2:30 p.m.", En);
        ok("1万人", "10,000 people", En);
        ok("3億円", "300 million yen", En);
        ok("3億円", "3亿日元", ZhHans);
        ok("1億2千万円", "1억 2천만 엔", Ko);
        ok("1億2千万円", "1亿2千万日元", ZhHans);
        ok("3万5千円", "35,000 yen", En);
        ok("1,000円", "¥1,000", En);
        ok("50%", "50%", Ko);
        ok("03-5253-1111(内線5520)", "03-5253-1111 (ext. 5520)", En);
        ok("〒100-8916", "100-8916", En);
        ok("[PDF形式:1.2MB]", "[PDF: 1.2 MB]", En);
        refused(
            "令和7年7月23日(水)",
            "Wednesday, July 24, 2025",
            En,
            "23日",
            Some("24"),
        );
        refused("3億円", "30 million yen", En, "3億円", Some("30 million"));
        refused("3億円", "3万日元", ZhHans, "3億円", Some("3万"));
        refused("14時00分〜16時00分", "14:00–17:00", En, "16:00", Some("17"));
    }

    #[test]
    fn every_rendering_of_every_token_passes() {
        let units = [
            "令和7年7月23日(水)14時00分〜16時00分",
            "2019/02/22",
            "R7.7.23",
            "午前10時から午後2時まで",
            "午後2時〜4時半",
            "1万人",
            "3億円",
            "5千円",
            "1億2千万円",
            "1万5000円",
            "1.5億円",
            "1,000円",
            "3.5%",
            "令和7年度",
            "令和元年",
            "7月23日(水)",
            "2025年5月",
            "03-5253-1111(内線5520)",
            "〒100-8916",
            "https://example.jp/a1/b2",
            "14時",
        ];
        let mut langs = vec![En, ZhHans, ZhHant, Ko, Lang::JaEasy];
        for tag in ["vi", "fil", "pt-BR", "ne", "id", "my", "th", "es", "de"] {
            langs.push(Lang::parse(tag).unwrap());
        }
        for unit in units {
            let p = protect(unit);
            for &lang in &langs {
                let rendered = crate::protect::restore(&p.text, &p.tokens, lang).unwrap();
                assert_eq!(check(&p, &rendered, lang), Ok(()), "{unit} → {rendered}");
            }
        }
    }

    #[test]
    fn the_new_languages_are_read_in_digits_native_digits_and_month_names() {
        let lang = |tag: &str| Lang::parse(tag).unwrap();
        ok("全5回", "5 sesiones", lang("es"));
        ok("7月〜1月", "de julio a enero", lang("es"));
        ok("7月〜1月", "de Julho a Janeiro", lang("pt-BR"));
        ok("7月〜1月", "Juli hingga Januari", lang("id"));
        ok("7月〜1月", "Hulyo hanggang Enero", lang("fil"));
        ok("7月〜1月", "tháng 7 đến tháng 1", lang("vi"));
        ok("全5回", "๕ ครั้ง", lang("th"));
        ok("全5回", "၅ ကြိမ်", lang("my"));
        ok("参加者は1,000人", "सहभागी १००० जना", lang("ne"));
        refused("全5回", "6 sesiones", lang("es"), "5", Some("6"));
        // A month name answers only a month, and only its own language's names count.
        refused("全5回", "sesiones de mayo", lang("es"), "5", None);
        refused("7月", "July", lang("es"), "7", None);
        // English number words are English.
        refused("全5回", "five sessions", lang("de"), "5", None);
    }

    #[test]
    fn numbers_never_run_across_tags() {
        ok("<b1>7</b1>-4", "<b1>7</b1>-4", En);
        refused("<b1>1</b1>2", "<b1>12</b1>", En, "1", Some("12"));
    }
}
