//! The forms in which translations write numbers, per target language: number words,
//! ordinals and month names in English, `N million`; Chinese numerals before a counter or
//! after 第 and 万/亿 groups; Korean native numerals and 만/억 groups; the month names of
//! the other languages whose dates are rendered with them (Spanish, Portuguese,
//! Indonesian, Filipino: the names `protect` writes). Every other language is read in
//! digits only. Digits themselves are read by [`super::numbers`], which asks here what
//! follows them.

use crate::i18n::Lang;
use crate::protect::Style;

use super::numbers::{Reading, digit, read_raw, reading, scaled};

/// How a number is written in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    Digits,
    /// A number word (five, 第二, 다섯).
    Word,
    /// A month name (July): answers only a month.
    Month,
}

/// A number found in a translation.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) value: String,
    pub(super) form: Form,
    /// Three or more dash-joined groups, with the value of each.
    pub(super) parts: Option<Vec<String>>,
    pub(super) text: String,
}

/// A number followed by a scale word or sign: 300 million, 3亿, 1万5000, 1억 2천만.
pub(super) fn with_scale(chars: &[char], end: usize, value: &str, lang: Lang) -> (String, usize) {
    match Style::of(lang) {
        Style::En => {
            let mut i = end;
            if chars.get(i) == Some(&' ') {
                i += 1;
            }
            let word: String = chars
                .iter()
                .skip(i)
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            let factor = match word.to_ascii_lowercase().as_str() {
                "thousand" => 1_000,
                "million" => 1_000_000,
                "billion" => 1_000_000_000,
                _ => return (value.to_owned(), end),
            };
            match scaled(value, factor) {
                Some(v) => (v, i + word.chars().count()),
                None => (value.to_owned(), end),
            }
        }
        // Easy Japanese keeps the Japanese 万 and 億 (3億円).
        Style::ZhHans | Style::ZhHant | Style::Ko | Style::EasyJa => {
            myriads(chars, end, value, lang)
        }
        _ => (value.to_owned(), end),
    }
}

fn scale_of(c: char) -> Option<u128> {
    Some(match c {
        '千' | '천' => 1_000,
        '万' | '萬' | '만' => 10_000,
        '亿' | '億' | '억' => 100_000_000,
        _ => return None,
    })
}

/// 3亿, 1万5000, 1亿2千万, 3만 5천, 1억 2천만: groups with falling units, summed.
fn myriads(chars: &[char], end: usize, first: &str, lang: Lang) -> (String, usize) {
    let unit_at = |i: usize| -> Option<(u128, usize)> {
        let mut factor = scale_of(*chars.get(i)?)?;
        let mut len = 1;
        if factor == 1_000 {
            if let Some(big) = chars.get(i + 1).copied().and_then(scale_of) {
                if big > 1_000 {
                    factor *= big;
                    len = 2;
                }
            }
        }
        Some((factor, len))
    };
    let Some((factor, len)) = unit_at(end) else {
        return (first.to_owned(), end);
    };
    let Some(mut total) = scaled(first, factor).and_then(|v| v.parse::<u128>().ok()) else {
        return (first.to_owned(), end);
    };
    let mut below = factor;
    let mut i = end + len;
    loop {
        let mut j = i;
        if Style::of(lang) == Style::Ko && chars.get(j) == Some(&' ') {
            j += 1;
        }
        if chars.get(j).copied().and_then(digit).is_none() {
            break;
        }
        let raw = read_raw(chars, j);
        let Reading::One(value) = reading(&raw) else {
            break;
        };
        let Ok(n) = value.parse::<u128>() else {
            break;
        };
        match unit_at(raw.end) {
            Some((f, l)) if f < below => {
                total += n * f;
                below = f;
                i = raw.end + l;
            }
            None if n < below && n < 10_000 => {
                total += n;
                i = raw.end;
                break;
            }
            _ => break,
        }
    }
    (total.to_string(), i)
}

fn found_word(value: u32, form: Form, text: &str) -> Found {
    Found {
        value: value.to_string(),
        form,
        parts: None,
        text: text.to_owned(),
    }
}

const EN_UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_ORDINALS: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const EN_TENS: [(&str, &str, u32); 8] = [
    ("twenty", "twentieth", 20),
    ("thirty", "thirtieth", 30),
    ("forty", "fortieth", 40),
    ("fifty", "fiftieth", 50),
    ("sixty", "sixtieth", 60),
    ("seventy", "seventieth", 70),
    ("eighty", "eightieth", 80),
    ("ninety", "ninetieth", 90),
];
const EN_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month name or its abbreviation (July, Jul, Sept), lower-cased.
fn english_month(word: &str) -> Option<u32> {
    let index = EN_MONTHS.iter().position(|&m| m == word).or_else(|| {
        let short = [
            "jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ];
        short
            .iter()
            .position(|&m| !m.is_empty() && m == word)
            .or_else(|| (word == "sept").then_some(8))
    })?;
    u32::try_from(index + 1).ok()
}

/// one to ninety-nine, first to ninety-ninth, once, twice; `None` for other words.
fn english_number(word: &str) -> Option<u32> {
    let unit = |w: &str| -> Option<u32> {
        EN_UNITS
            .iter()
            .chain(&EN_ORDINALS)
            .position(|&u| u == w)
            .and_then(|p| u32::try_from(p % 20).ok())
    };
    if let Some(n) = unit(word) {
        return Some(n);
    }
    match word {
        "once" => return Some(1),
        "twice" => return Some(2),
        "dozen" => return Some(12),
        "hundred" | "hundredth" => return Some(100),
        // 10代, 20代: people in their teens, twenties.
        "teens" => return Some(10),
        _ => {}
    }
    if let Some(stem) = word.strip_suffix("ies") {
        let decade = format!("{stem}y");
        if let Some(&(_, _, n)) = EN_TENS.iter().find(|t| t.0 == decade) {
            return Some(n);
        }
    }
    let (tens, rest) = word.split_once('-').unwrap_or((word, ""));
    let base = EN_TENS
        .iter()
        .find(|(cardinal, ordinal, _)| *cardinal == tens || (rest.is_empty() && *ordinal == tens))
        .map(|t| t.2)?;
    if rest.is_empty() {
        return Some(base);
    }
    let n = unit(rest).filter(|&n| (1..10).contains(&n))?;
    Some(base + n)
}

/// Number words, ordinals and month names in English text.
pub(super) fn english_words(chars: &[char]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars.get(i).is_some_and(|c| c.is_ascii_alphabetic())
            && !i
                .checked_sub(1)
                .and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_ascii_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        while chars.get(j).is_some_and(|&c| {
            c.is_ascii_alphabetic()
                || (c == '-' && chars.get(j + 1).is_some_and(|n| n.is_ascii_alphabetic()))
        }) {
            j += 1;
        }
        let text: String = chars.get(i..j).unwrap_or_default().iter().collect();
        let lower = text.to_ascii_lowercase();
        if let Some(n) = english_number(&lower) {
            out.push(found_word(n, Form::Word, &text));
        } else if text.starts_with(|c: char| c.is_ascii_uppercase()) {
            if let Some(m) = english_month(&lower) {
                out.push(found_word(m, Form::Month, &text));
            }
        }
        i = j;
    }
    out
}

/// Month names of `lang` (whichever case a sentence gives them), as `protect` renders
/// them: a month name answers only a month.
pub(super) fn month_words(chars: &[char], lang: Lang) -> Vec<Found> {
    let names = crate::protect::month_names(lang);
    if names.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars.get(i).is_some_and(|c| c.is_alphabetic())
            && !i
                .checked_sub(1)
                .and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        while chars.get(j).is_some_and(|c| c.is_alphabetic()) {
            j += 1;
        }
        let text: String = chars.get(i..j).unwrap_or_default().iter().collect();
        let lower = text.to_lowercase();
        if let Some((m, _)) = names.iter().find(|(_, name)| name.to_lowercase() == lower) {
            out.push(found_word(*m, Form::Month, &text));
        }
        i = j;
    }
    out
}

/// The value of a run of Chinese numerals: 五, 十二, 二十五, 一百, 两, 二〇二五.
fn chinese_value(run: &[char]) -> Option<u32> {
    let digit_of = |c: char| -> Option<u32> {
        Some(match c {
            '〇' | '零' => 0,
            '一' => 1,
            '二' | '两' | '兩' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    if !run.iter().any(|&c| c == '十' || c == '百') {
        // Digit by digit: 二〇二五.
        return run
            .iter()
            .try_fold(0u32, |n, &c| Some(n.checked_mul(10)? + digit_of(c)?));
    }
    let mut total = 0;
    let mut current: Option<u32> = None;
    for &c in run {
        match c {
            '百' => {
                total += current.unwrap_or(1) * 100;
                current = None;
            }
            '十' => {
                total += current.unwrap_or(1) * 10;
                current = None;
            }
            _ => current = Some(digit_of(c)?),
        }
    }
    Some(total + current.unwrap_or(0))
}

fn is_chinese_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '两'
            | '兩'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
    )
}

/// What may follow a Chinese numeral that counts something (场, 次, 个, 月…).
fn is_chinese_counter(c: char) -> bool {
    matches!(
        c,
        '个' | '個'
            | '位'
            | '名'
            | '人'
            | '次'
            | '场'
            | '場'
            | '回'
            | '届'
            | '屆'
            | '期'
            | '天'
            | '日'
            | '年'
            | '月'
            | '周'
            | '週'
            | '号'
            | '號'
            | '项'
            | '項'
            | '条'
            | '條'
            | '种'
            | '種'
            | '点'
            | '點'
            | '家'
            | '所'
            | '件'
            | '本'
            | '页'
            | '頁'
            | '章'
            | '节'
            | '節'
            | '部'
            | '份'
            | '倍'
            | '层'
            | '層'
            | '轮'
            | '輪'
            | '小'
            | '岁'
            | '歲'
    )
}

/// Chinese numerals that count: after 第 or before a counter (第二, 五场, 七月).
pub(super) fn chinese_numerals(chars: &[char]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars.get(i).copied().is_some_and(is_chinese_numeral) {
            i += 1;
            continue;
        }
        let mut j = i;
        while chars.get(j).copied().is_some_and(is_chinese_numeral) {
            j += 1;
        }
        let run = chars.get(i..j).unwrap_or_default();
        let after_di = i.checked_sub(1).and_then(|k| chars.get(k)) == Some(&'第');
        let before_counter = chars.get(j).copied().is_some_and(is_chinese_counter);
        if after_di || before_counter {
            if let Some(n) = chinese_value(run) {
                let text: String = run.iter().collect();
                out.push(found_word(n, Form::Word, &text));
            }
        }
        i = j;
    }
    out
}

const KO_NATIVE: [(&str, u32); 16] = [
    ("하나", 1),
    ("한", 1),
    ("첫", 1),
    ("둘", 2),
    ("두", 2),
    ("셋", 3),
    ("세", 3),
    ("넷", 4),
    ("네", 4),
    ("다섯", 5),
    ("여섯", 6),
    ("일곱", 7),
    ("여덟", 8),
    ("아홉", 9),
    ("열", 10),
    ("스무", 20),
];

/// What a Korean numeral may carry attached (두번째, 다섯째, 세가지).
const KO_COUNTERS: [&str; 14] = [
    "번째", "번", "째", "가지", "개", "명", "회", "차례", "시간", "곳", "권", "달", "해", "사람",
];

/// Korean native numerals as words of their own or with a counter attached (다섯 번, 두 번째).
pub(super) fn korean_numerals(chars: &[char]) -> Vec<Found> {
    let text: String = chars.iter().collect();
    let mut out = Vec::new();
    for word in text.split(|c: char| !(('가'..='힣').contains(&c))) {
        if word.is_empty() {
            continue;
        }
        for (numeral, value) in KO_NATIVE {
            if let Some(rest) = word.strip_prefix(numeral) {
                if rest.is_empty() || KO_COUNTERS.contains(&rest) {
                    out.push(found_word(value, Form::Word, word));
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn values(found: Vec<Found>) -> Vec<(String, Form)> {
        found.into_iter().map(|f| (f.value, f.form)).collect()
    }

    #[test]
    fn english_number_words_ordinals_and_months() {
        for (word, n) in [
            ("five", 5),
            ("second", 2),
            ("twelfth", 12),
            ("twenty-five", 25),
            ("twenty-first", 21),
            ("ninetieth", 90),
            ("once", 1),
            ("twice", 2),
            ("twenties", 20),
            ("sixties", 60),
        ] {
            assert_eq!(english_number(word), Some(n), "{word}");
        }
        assert_eq!(english_number("someone"), None);
        let chars: Vec<char> = "In May, the First session; may one Sept. tenfold"
            .chars()
            .collect();
        let got = values(english_words(&chars));
        assert_eq!(
            got,
            [
                ("5".to_owned(), Form::Month),
                ("1".to_owned(), Form::Word),
                ("1".to_owned(), Form::Word),
                ("9".to_owned(), Form::Month),
            ]
        );
    }

    #[test]
    fn chinese_numerals_count_only_before_a_counter_or_after_di() {
        assert_eq!(chinese_value(&['二', '十', '五']), Some(25));
        assert_eq!(chinese_value(&['十', '二']), Some(12));
        assert_eq!(chinese_value(&['二', '〇', '二', '五']), Some(2025));
        let chars: Vec<char> = "共五场，第二场，一起，统一，七月".chars().collect();
        let got: Vec<String> = chinese_numerals(&chars)
            .into_iter()
            .map(|f| f.value)
            .collect();
        assert_eq!(got, ["5", "2", "7"]);
    }

    #[test]
    fn korean_native_numerals_stand_alone_or_with_a_counter() {
        let chars: Vec<char> = "총 다섯 번, 두번째 회, 한국, 세가지".chars().collect();
        let got: Vec<String> = korean_numerals(&chars)
            .into_iter()
            .map(|f| f.value)
            .collect();
        assert_eq!(got, ["5", "2", "3"]);
    }

    #[test]
    fn scale_words_and_myriad_groups() {
        let en: Vec<char> = "300 million".chars().collect();
        assert_eq!(
            with_scale(&en, 3, "300", Lang::En),
            ("300000000".into(), 11)
        );
        let zh: Vec<char> = "1亿2千万日元".chars().collect();
        assert_eq!(with_scale(&zh, 1, "1", Lang::ZhHans).0, "120000000");
        let ko: Vec<char> = "3만 5천 엔".chars().collect();
        assert_eq!(with_scale(&ko, 1, "3", Lang::Ko).0, "35000");
        let plain: Vec<char> = "5 people".chars().collect();
        assert_eq!(with_scale(&plain, 1, "5", Lang::En), ("5".into(), 1));
    }
}
