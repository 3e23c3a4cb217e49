//! Protected tokens: the parts of a translation unit that machine translation must not touch.
//!
//! MT engines are good at sentences and bad at numbers. Given 令和7年7月23日(水) they guess
//! at the era year or drop it, translate (水) as "(water)", regroup or "correct" the digits of
//! 03-5253-1111, and cut URLs at full-width punctuation. Such an error is worse than an
//! untranslated word: a reader who dials the wrong number or comes on the wrong day has been
//! misled by a page that looked authoritative. So before a unit goes to MT every such token
//! is cut out and replaced by a void placeholder `<pN/>`, which providers carry through like
//! the inline-markup placeholders, and after MT each placeholder is filled in again.
//!
//! Dates and times are *rendered*, not guessed: the era year is converted from the era's
//! start year, the date is validated, and the weekday is computed from the date instead of
//! being copied from the source (the source can be wrong, and copying it would only hand it
//! to MT again). Tokens that read the same in every language — URLs, e-mail addresses,
//! postcodes, file sizes — come back as written.
//!
//! Whatever cannot be read with certainty (令和7年2月30日, a bare 14時, a month range such as
//! 7月〜1月) is left in the text for MT: a wrong rendering carries our authority, a clumsy MT
//! phrase does not.
//!
//! Units arrive with their text XML-escaped (`&lt;` `&gt;` `&amp;`) and inline markup already
//! replaced by placeholders such as `<b1>…</b1>` and `<x2/>`; only the text between those tags
//! is scanned, and a token never spans a tag. The placeholder name `p` is reserved for this
//! module.
//!
//! [`restore`] is strict — every placeholder exactly once — because it feeds the QA gate: a
//! unit whose tokens did not come back one for one is not served.

use std::fmt;

use crate::i18n::Lang;
use crate::placeholder::{self, PlaceholderKind, escape_text, unescape_text};

/// What a protected token is; kept beside the parsed value so QA and metrics can name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Url,
    Email,
    Phone,
    /// A phone extension, 内線5520 or (内線5520): its own token because it is translated.
    Extension,
    Postcode,
    FileSize,
    /// A full date, a year and month, or a month and day.
    Date,
    FiscalYear,
    /// An era year standing alone, such as 令和元年.
    EraYear,
    TimeRange,
    Time,
    /// A glossary term: rendered as the translation the glossary requires
    /// (see `crate::glossary::substitute`), never found by the scanners.
    Glossary,
}

impl TokenKind {
    /// A stable lower-case name, for QA messages and metric labels.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Phone => "phone",
            TokenKind::Extension => "extension",
            TokenKind::Postcode => "postcode",
            TokenKind::FileSize => "file_size",
            TokenKind::Date => "date",
            TokenKind::FiscalYear => "fiscal_year",
            TokenKind::EraYear => "era_year",
            TokenKind::TimeRange => "time_range",
            TokenKind::Time => "time",
            TokenKind::Glossary => "glossary",
        }
    }
}

impl fmt::Display for TokenKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

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
    fn from_sunday_index(index: i32) -> Weekday {
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
    fn from_ja(c: char) -> Option<Weekday> {
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

    fn en(self) -> &'static str {
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
    fn zh(self) -> &'static str {
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

    fn ko(self) -> &'static str {
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

/// A time of day on the 24-hour clock (24:00 allowed as the end of a day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockTime {
    pub hour: u32,
    pub minute: u32,
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{:02}", self.hour, self.minute)
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

/// The parsed content of a token, from which it is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenValue {
    /// Rendered as written (URL, e-mail, postcode, file size).
    Verbatim,
    /// The number with ASCII digits, hyphens and parentheses.
    Phone {
        number: String,
    },
    Extension {
        number: String,
        parenthesized: bool,
    },
    Date(JaDate),
    /// The Gregorian year in which the fiscal year starts (April to March).
    FiscalYear {
        year: i32,
    },
    EraYear {
        year: i32,
    },
    Time(ClockTime),
    TimeRange {
        start: ClockTime,
        end: ClockTime,
    },
    /// The translation a glossary requires for the term.
    Glossary {
        translation: String,
    },
}

/// One protected token of a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    /// Exactly as it appeared in the unit, still XML-escaped.
    pub source: String,
    pub value: TokenValue,
}

/// A unit with its tokens replaced by `<p1/>`, `<p2/>`, …; `tokens[n - 1]` belongs to `<pn/>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Protected {
    pub text: String,
    pub tokens: Vec<Token>,
}

/// Why a translated unit's placeholders could not be filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreError {
    /// The translation holds a placeholder the unit never had (MT invented or renumbered it).
    Unknown { placeholder: usize },
    /// The translation holds a placeholder twice, so a number or date would be shown twice.
    Duplicated { placeholder: usize },
    /// The translation dropped a placeholder, so a number or date would be lost.
    Missing { placeholder: usize },
}

impl fmt::Display for RestoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RestoreError::Unknown { placeholder } => {
                write!(
                    f,
                    "unknown protected placeholder <p{placeholder}/> in the translation"
                )
            }
            RestoreError::Duplicated { placeholder } => write!(
                f,
                "protected placeholder <p{placeholder}/> appears more than once in the translation"
            ),
            RestoreError::Missing { placeholder } => write!(
                f,
                "protected placeholder <p{placeholder}/> is missing from the translation"
            ),
        }
    }
}

impl std::error::Error for RestoreError {}

/// The placeholder that stands for the `n`th token (1-based) of a unit.
pub fn placeholder(n: usize) -> String {
    format!("<p{n}/>")
}

/// Replaces the protected tokens in the text parts of `unit` by numbered void placeholders.
pub fn protect(unit: &str) -> Protected {
    let chars: Vec<char> = unit.chars().collect();
    let mut text = String::with_capacity(unit.len());
    let mut tokens = Vec::new();
    let mut rest: &[char] = &chars;
    while let Some(&first) = rest.first() {
        if first == '<' {
            // Text is escaped, so a literal '<' can only open a placeholder tag: copied whole.
            let end = rest
                .iter()
                .position(|&c| c == '>')
                .map_or(rest.len(), |p| p + 1);
            let (tag, after) = rest.split_at(end);
            text.extend(tag);
            rest = after;
        } else {
            let end = rest.iter().position(|&c| c == '<').unwrap_or(rest.len());
            let (run, after) = rest.split_at(end);
            protect_run(run, &mut text, &mut tokens);
            rest = after;
        }
    }
    Protected { text, tokens }
}

/// Replaces every `<pN/>` in `translated` by `tokens[N - 1]` rendered for `lang` and escaped.
///
/// Fails unless every token's placeholder appears exactly once and no other appears.
pub fn restore(translated: &str, tokens: &[Token], lang: Lang) -> Result<String, RestoreError> {
    let mut out = String::with_capacity(translated.len() + 16 * tokens.len());
    let mut seen = vec![false; tokens.len()];
    // MT keeps adjacent placeholders adjacent (a date followed by its time); in English and
    // Korean the rendered tokens then need a space between them, in Chinese and Japanese not.
    let spaced = matches!(lang, Lang::En | Lang::Ko);
    let mut last_token_end = None;
    let mut rest = translated;
    while let Some(at) = rest.find("<p") {
        let Some((before, from)) = rest.split_at_checked(at) else {
            break;
        };
        out.push_str(before);
        // MT sometimes adds a space (`<pN />`) or a leading zero; `<p0/>` is
        // no token's.
        let protected = placeholder::tag_at(from, 0)
            .filter(|tag| {
                tag.kind == PlaceholderKind::Protected && !tag.closing && tag.self_closing
            })
            .map(|tag| (tag.number(), tag.len));
        match protected {
            Some((n, len)) => {
                let index = n.checked_sub(1);
                let token = index
                    .and_then(|i| tokens.get(i))
                    .ok_or(RestoreError::Unknown { placeholder: n })?;
                if let Some(done) = index.and_then(|i| seen.get_mut(i)) {
                    if *done {
                        return Err(RestoreError::Duplicated { placeholder: n });
                    }
                    *done = true;
                }
                if spaced && last_token_end == Some(out.len()) {
                    out.push(' ');
                }
                out.push_str(&escape_text(&render(token, lang)));
                last_token_end = Some(out.len());
                rest = from.get(len..).unwrap_or("");
            }
            None => {
                out.push_str("<p");
                rest = from.get(2..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    if let Some(i) = seen.iter().position(|done| !done) {
        return Err(RestoreError::Missing { placeholder: i + 1 });
    }
    Ok(out)
}

/// The display text of `token` in `lang`, not escaped.
pub fn render(token: &Token, lang: Lang) -> String {
    if lang == Lang::Ja {
        return unescape_text(&token.source);
    }
    match &token.value {
        TokenValue::Verbatim => unescape_text(&token.source),
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
        TokenValue::Time(time) => time.to_string(),
        TokenValue::TimeRange { start, end } => format!("{start}–{end}"),
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

fn month_en(month: u32) -> &'static str {
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

fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

// ---------------------------------------------------------------------------------------------
// Scanning

/// What a scanner found at a position: a token, or a span that looks like a token but is not
/// valid (令和7年2月30日) and must be skipped whole, so that no part of it (2月30日…) is
/// matched on its own.
struct Scan {
    end: usize,
    found: Option<(TokenKind, TokenValue)>,
}

fn token(end: usize, kind: TokenKind, value: TokenValue) -> Option<Scan> {
    Some(Scan {
        end,
        found: Some((kind, value)),
    })
}

fn plain(end: usize) -> Option<Scan> {
    Some(Scan { end, found: None })
}

type Scanner = fn(Cur<'_>) -> Option<Scan>;

/// Tried in order at each position; the first that matches wins, so the scanners that consume
/// the most characters come first (a URL may contain digits, a phone number a date's digits).
const SCANNERS: [Scanner; 8] = [
    scan_url,
    scan_email,
    scan_postcode,
    scan_extension,
    scan_phone,
    scan_file_size,
    scan_date,
    scan_time,
];

fn protect_run(run: &[char], text: &mut String, tokens: &mut Vec<Token>) {
    let mut i = 0;
    while let Some(&c) = run.get(i) {
        let cur = Cur { s: run, i };
        let scan = SCANNERS
            .iter()
            .find_map(|scan| scan(cur))
            .filter(|scan| scan.end > i);
        let Some(scan) = scan else {
            text.push(c);
            i += 1;
            continue;
        };
        let span = run.get(i..scan.end).unwrap_or_default();
        match scan.found {
            Some((kind, value)) => {
                tokens.push(Token {
                    kind,
                    source: span.iter().collect(),
                    value,
                });
                text.push_str(&placeholder(tokens.len()));
            }
            None => text.extend(span),
        }
        i = scan.end;
    }
}

/// A position in a run of text. It is `Copy`, so a scanner backtracks by keeping a copy.
#[derive(Clone, Copy)]
struct Cur<'a> {
    s: &'a [char],
    i: usize,
}

impl Cur<'_> {
    fn peek(self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    fn peek_at(self, k: usize) -> Option<char> {
        self.s.get(self.i + k).copied()
    }

    fn prev(self) -> Option<char> {
        self.i.checked_sub(1).and_then(|j| self.s.get(j).copied())
    }

    fn eat(&mut self, accept: impl Fn(char) -> bool) -> Option<char> {
        let c = self.peek().filter(|&c| accept(c))?;
        self.i += 1;
        Some(c)
    }

    fn eat_char(&mut self, want: char) -> bool {
        self.eat(|c| c == want).is_some()
    }

    fn eat_str(&mut self, lit: &str) -> bool {
        let mut n = 0;
        for want in lit.chars() {
            if self.peek_at(n) != Some(want) {
                return false;
            }
            n += 1;
        }
        self.i += n;
        true
    }

    fn eat_str_ignore_ascii_case(&mut self, lit: &str) -> bool {
        let mut n = 0;
        for want in lit.chars() {
            if !self
                .peek_at(n)
                .is_some_and(|c| c.eq_ignore_ascii_case(&want))
            {
                return false;
            }
            n += 1;
        }
        self.i += n;
        true
    }

    fn skip_spaces(&mut self) {
        while self.eat(is_space).is_some() {}
    }

    fn digit_run(self) -> usize {
        self.s
            .iter()
            .skip(self.i)
            .take_while(|&&c| digit_value(c).is_some())
            .count()
    }

    /// A whole run of digits of either width, taken only if its length is within `min..=max`.
    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let len = self.digit_run();
        if len < min || len > max {
            return None;
        }
        let value = self
            .s
            .iter()
            .skip(self.i)
            .take(len)
            .filter_map(|&c| digit_value(c))
            .fold(0u32, |n, d| n.saturating_mul(10).saturating_add(d));
        self.i += len;
        Some(value)
    }

    /// Like [`Cur::number`], keeping leading zeros, as ASCII.
    fn digits(&mut self, min: usize, max: usize) -> Option<String> {
        let len = self.digit_run();
        if len < min || len > max {
            return None;
        }
        let digits = self
            .s
            .iter()
            .skip(self.i)
            .take(len)
            .filter_map(|&c| digit_value(c))
            .filter_map(|d| char::from_digit(d, 10))
            .collect();
        self.i += len;
        Some(digits)
    }

    /// Whether a number may start here: not in the middle of another number, word or code
    /// (the 2025 of A-2025, the 03 of 1.03).
    fn at_number_start(self) -> bool {
        self.prev().is_none_or(|p| !continues_number(p))
    }
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(u32::from(c) - u32::from('0')),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => None,
    }
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// Full-width ASCII letters folded to ASCII, so that ＭＢ reads as MB.
fn ascii_letter(c: char) -> Option<char> {
    match c {
        'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(u32::from(c) - 0xFEE0).filter(char::is_ascii_alphabetic)
        }
        _ if c.is_ascii_alphabetic() => Some(c),
        _ => None,
    }
}

/// Every dash Japanese pages use between the groups of a phone number or postcode, the
/// katakana long-vowel mark included (it is typed for a hyphen more often than one would hope).
fn is_hyphen(c: char) -> bool {
    matches!(
        c,
        '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '－' | 'ー' | 'ｰ'
    )
}

fn is_range_separator(c: char) -> bool {
    matches!(c, '〜' | '～' | '~' | '-' | '－' | '‐' | '–' | '—' | '−')
}

fn is_open_paren(c: char) -> bool {
    c == '(' || c == '（'
}

fn is_close_paren(c: char) -> bool {
    c == ')' || c == '）'
}

fn is_colon(c: char) -> bool {
    c == ':' || c == '：'
}

/// Characters that make a following number part of something longer (A-2025, 1.03, No.5).
/// Prose dashes and the long-vowel mark are not among them: コールセンター0120-123-456.
fn continues_number(c: char) -> bool {
    digit_value(c).is_some()
        || is_letter(c)
        || matches!(
            c,
            '-' | '‐'
                | '‑'
                | '−'
                | '－'
                | '.'
                | ','
                | '．'
                | '，'
                | '/'
                | '／'
                | '_'
                | '+'
                | '＋'
                | '#'
                | '＃'
                | '@'
                | '＠'
        )
}

fn scan_url(start: Cur<'_>) -> Option<Scan> {
    if !matches!(start.peek(), Some('h' | 'H'))
        || start.prev().is_some_and(|p| p.is_ascii_alphanumeric())
    {
        return None;
    }
    let mut c = start;
    if !(c.eat_str_ignore_ascii_case("https://") || c.eat_str_ignore_ascii_case("http://")) {
        return None;
    }
    let body = c.i;
    // `&amp;` is the one entity a URL can hold (it is the URL's '&'); any other ends the URL,
    // as in &lt;https://example.jp/&gt;. Trailing punctuation may not cut into it.
    let mut keep = body;
    loop {
        if c.peek() == Some('&') {
            if !c.eat_str("&amp;") {
                break;
            }
            keep = c.i;
        } else if c.eat(is_url_char).is_none() {
            break;
        }
    }
    let mut end = c.i;
    while end > keep {
        let Some(&last) = c.s.get(end - 1) else {
            break;
        };
        let url = c.s.get(body..end).unwrap_or_default();
        let count = |ch: char| url.iter().filter(|&&u| u == ch).count();
        let trailing = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' => true,
            ')' => count('(') < count(')'),
            ']' => count('[') < count(']'),
            _ => false,
        };
        if !trailing {
            break;
        }
        end -= 1;
    }
    let has_host = c.s.get(body).is_some_and(|h| h.is_ascii_alphanumeric());
    if !has_host {
        return None;
    }
    token(end, TokenKind::Url, TokenValue::Verbatim)
}

fn is_url_char(c: char) -> bool {
    c.is_ascii_graphic()
        && !matches!(
            c,
            '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`' | '&'
        )
}

fn is_email_local(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '.' || c == '-'
}

fn scan_email(start: Cur<'_>) -> Option<Scan> {
    if !start.peek().is_some_and(|c| c.is_ascii_alphanumeric())
        || start.prev().is_some_and(is_email_local)
    {
        return None;
    }
    let mut c = start;
    while c.eat(is_email_local).is_some() {}
    // Pages write ＠ to keep harvesters off; the address is still an address.
    c.eat(|ch| ch == '@' || ch == '＠')?;
    let domain_start = c.i;
    while c.eat(is_domain_char).is_some() {}
    let mut end = c.i;
    while end > domain_start && matches!(c.s.get(end - 1), Some('.' | '-')) {
        end -= 1;
    }
    let domain: String =
        c.s.get(domain_start..end)
            .unwrap_or_default()
            .iter()
            .collect();
    let labels: Vec<&str> = domain.split('.').collect();
    let tld_ok = labels
        .last()
        .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|ch| ch.is_ascii_alphabetic()));
    if labels.len() < 2 || labels.iter().any(|l| l.is_empty()) || !tld_ok {
        return None;
    }
    token(end, TokenKind::Email, TokenValue::Verbatim)
}

fn scan_postcode(start: Cur<'_>) -> Option<Scan> {
    let mut c = start;
    if !c.eat_char('〒') {
        return None;
    }
    c.skip_spaces();
    if c.digits(7, 7).is_none() {
        c.digits(3, 3)?;
        c.eat(is_hyphen)?;
        c.digits(4, 4)?;
    }
    token(c.i, TokenKind::Postcode, TokenValue::Verbatim)
}

fn scan_extension(start: Cur<'_>) -> Option<Scan> {
    let mut c = start;
    let parenthesized = c.eat(is_open_paren).is_some();
    if !c.eat_str("内線") {
        return None;
    }
    c.eat(is_colon);
    c.skip_spaces();
    let number = c.digits(1, 6)?;
    if parenthesized {
        c.skip_spaces();
        // Without its closing parenthesis the extension is matched again from 内線.
        c.eat(is_close_paren)?;
    }
    token(
        c.i,
        TokenKind::Extension,
        TokenValue::Extension {
            number,
            parenthesized,
        },
    )
}

/// 03-5253-1111, 0120-123-456, 090-1234-5678, 03(5253)1111, (03)5253-1111: three groups, the
/// first starting with 0, ten or eleven digits in all — the shape of every Japanese number.
fn scan_phone(start: Cur<'_>) -> Option<Scan> {
    let first = start.peek()?;
    if !(digit_value(first) == Some(0) || is_open_paren(first)) || !start.at_number_start() {
        return None;
    }
    let mut c = start;
    let (number, groups) = if c.eat(is_open_paren).is_some() {
        let area = c.digits(2, 5)?;
        c.eat(is_close_paren)?;
        let local = c.digits(1, 4)?;
        c.eat(is_hyphen)?;
        let line = c.digits(3, 4)?;
        let number = format!("({area}){local}-{line}");
        (number, [area, local, line])
    } else {
        let area = c.digits(2, 5)?;
        if c.eat(is_hyphen).is_some() {
            let local = c.digits(1, 4)?;
            c.eat(is_hyphen)?;
            let line = c.digits(3, 4)?;
            (format!("{area}-{local}-{line}"), [area, local, line])
        } else {
            c.eat(is_open_paren)?;
            let local = c.digits(1, 4)?;
            c.eat(is_close_paren)?;
            let line = c.digits(3, 4)?;
            (format!("{area}({local}){line}"), [area, local, line])
        }
    };
    let [area, local, line] = &groups;
    let total = area.len() + local.len() + line.len();
    if !area.starts_with('0') || !(10..=11).contains(&total) {
        return None;
    }
    // 03-5253-1111-2 is some other kind of code.
    if c.peek().is_some_and(is_hyphen) && c.peek_at(1).and_then(digit_value).is_some() {
        return None;
    }
    token(c.i, TokenKind::Phone, TokenValue::Phone { number })
}

fn is_open_bracket(c: char) -> bool {
    matches!(c, '(' | '（' | '[' | '［' | '【')
}

fn is_close_bracket(c: char) -> bool {
    matches!(c, ')' | '）' | ']' | '］' | '】')
}

/// (PDF:1.2MB), （PDF形式：345KB）, 1,234KB: the bracket is part of the token when it holds
/// nothing but the format and size, so that MT does not reword "PDF:".
fn scan_file_size(start: Cur<'_>) -> Option<Scan> {
    let mut c = start;
    if c.eat(is_open_bracket).is_some() {
        let mut label = 0;
        while c.eat(is_letter).is_some() {
            label += 1;
        }
        if label > 0 {
            c.eat_str("形式");
        }
        c.eat(|ch| matches!(ch, ':' | '：' | ',' | '，' | '、' | '/' | '／' | '・'));
        c.skip_spaces();
        if !size(&mut c) {
            return None;
        }
        c.skip_spaces();
        c.eat(is_close_bracket)?;
        return token(c.i, TokenKind::FileSize, TokenValue::Verbatim);
    }
    if start.peek().and_then(digit_value).is_none() || !start.at_number_start() || !size(&mut c) {
        return None;
    }
    token(c.i, TokenKind::FileSize, TokenValue::Verbatim)
}

/// 1.2MB, 1,234 KB, １．２ＭＢ.
fn size(c: &mut Cur<'_>) -> bool {
    let save = *c;
    if c.number(1, 12).is_none() {
        return false;
    }
    loop {
        let mut group = *c;
        if group.eat(|ch| ch == ',' || ch == '，').is_some() && group.number(3, 3).is_some() {
            *c = group;
        } else {
            break;
        }
    }
    let mut fraction = *c;
    if fraction.eat(|ch| ch == '.' || ch == '．').is_some() && fraction.number(1, 6).is_some() {
        *c = fraction;
    }
    c.eat(|ch| ch == ' ');
    let prefix = c
        .peek()
        .and_then(ascii_letter)
        .map(|l| l.to_ascii_uppercase());
    let unit = c
        .peek_at(1)
        .and_then(ascii_letter)
        .map(|l| l.to_ascii_uppercase());
    let after = c.peek_at(2);
    let ok = matches!(prefix, Some('K' | 'M' | 'G' | 'T'))
        && unit == Some('B')
        && !after.is_some_and(is_letter);
    if ok {
        c.i += 2;
    } else {
        *c = save;
    }
    ok
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

fn scan_date(start: Cur<'_>) -> Option<Scan> {
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

/// 14時00分〜16時00分, 14時〜16時, 14:00～16:00, 午後2時〜4時半; a single time only with its
/// minutes (14時30分, 14:30), since a bare 14時 is as often a duration's part or an
/// approximation (14時頃) as a time.
fn scan_time(start: Cur<'_>) -> Option<Scan> {
    let (from, explicit, after_from) = clock(start, true)?;
    let mut c = after_from;
    c.skip_spaces();
    if c.eat(is_range_separator).is_some() {
        c.skip_spaces();
        if let Some((to, _, after_to)) = clock(c, false) {
            return token(
                after_to.i,
                TokenKind::TimeRange,
                TokenValue::TimeRange {
                    start: from,
                    end: to,
                },
            );
        }
    }
    if !explicit {
        return None;
    }
    token(after_from.i, TokenKind::Time, TokenValue::Time(from))
}

/// One time of day; the flag says whether its minutes were written.
fn clock(start: Cur<'_>, check_start: bool) -> Option<(ClockTime, bool, Cur<'_>)> {
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
    let (minute, explicit) = if c.eat(is_colon).is_some() {
        let minute = c.number(2, 2)?;
        // 12:30:45 has seconds, and 1:2:3 is a ratio.
        if c.peek().is_some_and(is_colon) && c.peek_at(1).and_then(digit_value).is_some() {
            return None;
        }
        (minute, true)
    } else if c.eat_char('時') {
        // 24時間 is a duration.
        if c.peek() == Some('間') {
            return None;
        }
        let mut m = c;
        if m.eat_char('半') {
            c = m;
            (30, true)
        } else if let Some(minute) = m.number(1, 2).filter(|_| m.eat_char('分')) {
            if m.peek() == Some('間') {
                return None;
            }
            c = m;
            (minute, true)
        } else {
            (0, false)
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
    Some((ClockTime { hour, minute }, explicit, c))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use Lang::{En, Ja, Ko, ZhHans, ZhHant};

    const TARGETS: [Lang; 4] = [En, ZhHans, ZhHant, Ko];

    /// The unit must be exactly one token; returns it.
    fn one(unit: &str) -> Token {
        let p = protect(unit);
        assert_eq!(p.text, "<p1/>", "{unit:?} should be one whole token");
        assert_eq!(p.tokens.len(), 1, "{unit:?}");
        p.tokens.into_iter().next().unwrap()
    }

    /// Each row: a unit that is one token, its kind, and its rendering in en, zh-Hans,
    /// zh-Hant and ko. Also checks that ja gives the source back.
    fn check_renders(rows: &[(&str, TokenKind, [&str; 4])]) {
        for (unit, kind, expected) in rows {
            let token = one(unit);
            assert_eq!(token.kind, *kind, "{unit:?}");
            assert_eq!(token.source, *unit);
            for (lang, want) in TARGETS.iter().zip(expected) {
                assert_eq!(render(&token, *lang), *want, "{unit:?} in {lang:?}");
            }
            assert_eq!(escape_text(&render(&token, Ja)), *unit);
        }
    }

    /// Each row: a unit, the protected text, and the sources of its tokens in order.
    fn check_protects(rows: &[(&str, &str, &[&str])]) {
        for (unit, text, sources) in rows {
            let p = protect(unit);
            assert_eq!(p.text, *text, "{unit:?}");
            let got: Vec<&str> = p.tokens.iter().map(|t| t.source.as_str()).collect();
            assert_eq!(got, *sources, "{unit:?}");
            assert_eq!(
                restore(&p.text, &p.tokens, Ja).unwrap(),
                *unit,
                "round trip"
            );
        }
    }

    /// Units that must come out of `protect` unchanged, with no tokens.
    fn check_untouched(units: &[&str]) {
        for unit in units {
            let p = protect(unit);
            assert_eq!(p.text, *unit, "{unit:?} should be left alone");
            assert!(p.tokens.is_empty(), "{unit:?}: {:?}", p.tokens);
        }
    }

    fn same(s: &str) -> [&str; 4] {
        [s, s, s, s]
    }

    #[test]
    fn urls() {
        use TokenKind::Url;
        check_renders(&[
            (
                "https://www.roukyouhou.mhlw.go.jp/forum/onlineseminar_202501",
                Url,
                same("https://www.roukyouhou.mhlw.go.jp/forum/onlineseminar_202501"),
            ),
            (
                "http://www.mhlw.go.jp/",
                Url,
                same("http://www.mhlw.go.jp/"),
            ),
            (
                "HTTPS://WWW.MHLW.GO.JP/",
                Url,
                same("HTTPS://WWW.MHLW.GO.JP/"),
            ),
            (
                "https://example.jp/wiki/A_(B)",
                Url,
                same("https://example.jp/wiki/A_(B)"),
            ),
            (
                "https://example.jp/search?q=1&amp;lang=ja#top",
                Url,
                same("https://example.jp/search?q=1&lang=ja#top"),
            ),
            (
                "https://example.jp/a%E3%81%82/b.pdf",
                Url,
                same("https://example.jp/a%E3%81%82/b.pdf"),
            ),
        ]);
        check_protects(&[
            (
                "詳細はhttps://www.mhlw.go.jp/index.htmlをご覧ください。",
                "詳細は<p1/>をご覧ください。",
                &["https://www.mhlw.go.jp/index.html"],
            ),
            (
                "（https://www.mhlw.go.jp/）",
                "（<p1/>）",
                &["https://www.mhlw.go.jp/"],
            ),
            (
                "(see https://www.mhlw.go.jp/stf/index.html).",
                "(see <p1/>).",
                &["https://www.mhlw.go.jp/stf/index.html"],
            ),
            (
                "「https://www.mhlw.go.jp/」を参照",
                "「<p1/>」を参照",
                &["https://www.mhlw.go.jp/"],
            ),
            (
                "&lt;https://example.jp/&gt;",
                "&lt;<p1/>&gt;",
                &["https://example.jp/"],
            ),
            (
                "See http://example.jp/a, https://example.jp/b; or 'https://example.jp/c'.",
                "See <p1/>, <p2/>; or '<p3/>'.",
                &[
                    "http://example.jp/a",
                    "https://example.jp/b",
                    "https://example.jp/c",
                ],
            ),
            (
                "https://example.jp/page　次の行",
                "<p1/>　次の行",
                &["https://example.jp/page"],
            ),
            (
                "https://example.jp/?a=1&amp;b=2&amp;",
                "<p1/>",
                &["https://example.jp/?a=1&amp;b=2&amp;"],
            ),
        ]);
        check_untouched(&[
            "https://",
            "https://。",
            "xhttps://example.jp/",
            "httpx://a.jp",
        ]);
    }

    #[test]
    fn url_with_amp_is_escaped_again_on_restore() {
        let p = protect("参照：https://example.jp/?a=1&amp;b=2");
        assert_eq!(p.text, "参照：<p1/>");
        assert_eq!(render(&p.tokens[0], En), "https://example.jp/?a=1&b=2");
        assert_eq!(
            restore("See: <p1/>", &p.tokens, En).unwrap(),
            "See: https://example.jp/?a=1&amp;b=2"
        );
    }

    #[test]
    fn emails() {
        use TokenKind::Email;
        check_renders(&[
            ("info@mhlw.go.jp", Email, same("info@mhlw.go.jp")),
            (
                "roudou-kumiai.2025+seminar@example.co.jp",
                Email,
                same("roudou-kumiai.2025+seminar@example.co.jp"),
            ),
            ("info＠mhlw.go.jp", Email, same("info＠mhlw.go.jp")),
            ("A_B@Example.JP", Email, same("A_B@Example.JP")),
        ]);
        check_protects(&[
            (
                "お問い合わせ：info@mhlw.go.jpまで",
                "お問い合わせ：<p1/>まで",
                &["info@mhlw.go.jp"],
            ),
            (
                "メール（seminar@example.jp）。",
                "メール（<p1/>）。",
                &["seminar@example.jp"],
            ),
            (
                "write to info@mhlw.go.jp.",
                "write to <p1/>.",
                &["info@mhlw.go.jp"],
            ),
        ]);
        check_untouched(&[
            "@mhlw.go.jp",
            "info@localhost",
            "a@b",
            "info@mhlw.",
            "x@1.2",
        ]);
    }

    #[test]
    fn phones() {
        use TokenKind::Phone;
        check_renders(&[
            ("03-5253-1111", Phone, same("03-5253-1111")),
            ("03-3595-3189", Phone, same("03-3595-3189")),
            ("0120-123-456", Phone, same("0120-123-456")),
            ("090-1234-5678", Phone, same("090-1234-5678")),
            ("0570-064-556", Phone, same("0570-064-556")),
            ("0996-76-0000", Phone, same("0996-76-0000")),
            ("03－5253－1111", Phone, same("03-5253-1111")),
            ("０３－５２５３－１１１１", Phone, same("03-5253-1111")),
            ("03ー5253ー1111", Phone, same("03-5253-1111")),
            ("03‐5253‐1111", Phone, same("03-5253-1111")),
            ("03(5253)1111", Phone, same("03(5253)1111")),
            ("０３（５２５３）１１１１", Phone, same("03(5253)1111")),
            ("(03)5253-1111", Phone, same("(03)5253-1111")),
        ]);
        check_protects(&[
            (
                "(代表電話)03-5253-1111",
                "(代表電話)<p1/>",
                &["03-5253-1111"],
            ),
            (
                "TEL:03-5253-1111、FAX：03-3595-3189",
                "TEL:<p1/>、FAX：<p2/>",
                &["03-5253-1111", "03-3595-3189"],
            ),
            (
                "コールセンター0120-123-456（平日9時〜17時）",
                "コールセンター<p1/>（平日<p2/>）",
                &["0120-123-456", "9時〜17時"],
            ),
            (
                "電話 03-5253-1111(内線5520)",
                "電話 <p1/><p2/>",
                &["03-5253-1111", "(内線5520)"],
            ),
        ]);
        check_untouched(&[
            "123-4567",
            "03-5253-11111",
            "03-5253-1111-2",
            "103-5253-1111",
            "1.03-5253-1111",
            "2025-07-23",
            "1-2-3",
            "03-52-53",
            "A03-5253-1111",
        ]);
    }

    #[test]
    fn extensions() {
        use TokenKind::Extension;
        check_renders(&[
            (
                "(内線5520)",
                Extension,
                ["(ext. 5520)", "（分机5520）", "（分機5520）", "(내선 5520)"],
            ),
            (
                "（内線5520）",
                Extension,
                ["(ext. 5520)", "（分机5520）", "（分機5520）", "(내선 5520)"],
            ),
            (
                "（内線：５５２０）",
                Extension,
                ["(ext. 5520)", "（分机5520）", "（分機5520）", "(내선 5520)"],
            ),
            (
                "内線5520",
                Extension,
                ["ext. 5520", "分机5520", "分機5520", "내선 5520"],
            ),
            (
                "内線 123",
                Extension,
                ["ext. 123", "分机123", "分機123", "내선 123"],
            ),
        ]);
        check_protects(&[("(内線5520、5521)", "(<p1/>、5521)", &["内線5520"])]);
        check_untouched(&["内線", "内線番号", "(内線)"]);
    }

    #[test]
    fn phone_and_extension_read_apart_in_english_and_korean() {
        let p = protect("03-5253-1111(内線5520)");
        assert_eq!(p.text, "<p1/><p2/>");
        let expected = [
            (En, "03-5253-1111 (ext. 5520)"),
            (ZhHans, "03-5253-1111（分机5520）"),
            (ZhHant, "03-5253-1111（分機5520）"),
            (Ko, "03-5253-1111 (내선 5520)"),
            (Ja, "03-5253-1111(内線5520)"),
        ];
        for (lang, want) in expected {
            assert_eq!(restore(&p.text, &p.tokens, lang).unwrap(), want);
        }
    }

    #[test]
    fn postcodes() {
        use TokenKind::Postcode;
        check_renders(&[
            ("〒100-8916", Postcode, same("〒100-8916")),
            ("〒１００－８９１６", Postcode, same("〒１００－８９１６")),
            ("〒 100-8916", Postcode, same("〒 100-8916")),
            ("〒1008916", Postcode, same("〒1008916")),
        ]);
        check_protects(&[(
            "〒100-8916 東京都千代田区霞が関1-2-2",
            "<p1/> 東京都千代田区霞が関1-2-2",
            &["〒100-8916"],
        )]);
        check_untouched(&["100-8916", "〒100-891", "〒10-8916", "〒"]);
    }

    #[test]
    fn file_sizes() {
        use TokenKind::FileSize;
        check_renders(&[
            ("(PDF:1.2MB)", FileSize, same("(PDF:1.2MB)")),
            ("（PDF：1.2MB）", FileSize, same("（PDF：1.2MB）")),
            ("(PDF形式：345KB)", FileSize, same("(PDF形式：345KB)")),
            (
                "［PDF形式：1,234KB］",
                FileSize,
                same("［PDF形式：1,234KB］"),
            ),
            ("【Excel 2.5MB】", FileSize, same("【Excel 2.5MB】")),
            ("(1.2MB)", FileSize, same("(1.2MB)")),
            (
                "（ＰＤＦ：１．２ＭＢ）",
                FileSize,
                same("（ＰＤＦ：１．２ＭＢ）"),
            ),
            ("1,234KB", FileSize, same("1,234KB")),
            ("12.5 MB", FileSize, same("12.5 MB")),
            ("3GB", FileSize, same("3GB")),
            ("850kB", FileSize, same("850kB")),
        ]);
        check_protects(&[
            (
                "リーフレット（PDF：1.2MB）",
                "リーフレット<p1/>",
                &["（PDF：1.2MB）"],
            ),
            (
                "資料(PDF:1.2MB、10ページ)",
                "資料(PDF:<p1/>、10ページ)",
                &["1.2MB"],
            ),
        ]);
        check_untouched(&["10Mbps", "MBA", "1.2M", "5B", "(PDF)", "A12MB"]);
    }

    #[test]
    fn full_dates() {
        use TokenKind::Date;
        check_renders(&[
            (
                "令和7年7月23日(水)",
                Date,
                [
                    "Wednesday, July 23, 2025",
                    "2025年7月23日（星期三）",
                    "2025年7月23日（星期三）",
                    "2025년 7월 23일(수)",
                ],
            ),
            (
                "令和7年7月23日（水）",
                Date,
                [
                    "Wednesday, July 23, 2025",
                    "2025年7月23日（星期三）",
                    "2025年7月23日（星期三）",
                    "2025년 7월 23일(수)",
                ],
            ),
            // The source's weekday is wrong; the computed one is shown.
            (
                "令和7年7月23日(月)",
                Date,
                [
                    "Wednesday, July 23, 2025",
                    "2025年7月23日（星期三）",
                    "2025年7月23日（星期三）",
                    "2025년 7월 23일(수)",
                ],
            ),
            (
                "令和7年7月23日",
                Date,
                [
                    "July 23, 2025",
                    "2025年7月23日",
                    "2025年7月23日",
                    "2025년 7월 23일",
                ],
            ),
            (
                "令和７年７月２３日（水）",
                Date,
                [
                    "Wednesday, July 23, 2025",
                    "2025年7月23日（星期三）",
                    "2025年7月23日（星期三）",
                    "2025년 7월 23일(수)",
                ],
            ),
            (
                "令和7年7月23日 (水曜日)",
                Date,
                [
                    "Wednesday, July 23, 2025",
                    "2025年7月23日（星期三）",
                    "2025年7月23日（星期三）",
                    "2025년 7월 23일(수)",
                ],
            ),
            (
                "令和 7 年 7 月 23 日",
                Date,
                [
                    "July 23, 2025",
                    "2025年7月23日",
                    "2025年7月23日",
                    "2025년 7월 23일",
                ],
            ),
            (
                "㋿7年7月23日",
                Date,
                [
                    "July 23, 2025",
                    "2025年7月23日",
                    "2025年7月23日",
                    "2025년 7월 23일",
                ],
            ),
            (
                "2025年7月23日",
                Date,
                [
                    "July 23, 2025",
                    "2025年7月23日",
                    "2025年7月23日",
                    "2025년 7월 23일",
                ],
            ),
            (
                "２０２５年７月２３日(水)",
                Date,
                [
                    "Wednesday, July 23, 2025",
                    "2025年7月23日（星期三）",
                    "2025年7月23日（星期三）",
                    "2025년 7월 23일(수)",
                ],
            ),
            (
                "2025年（令和7年）7月23日",
                Date,
                [
                    "July 23, 2025",
                    "2025年7月23日",
                    "2025年7月23日",
                    "2025년 7월 23일",
                ],
            ),
            (
                "令和7年(2025年)7月23日(水)",
                Date,
                [
                    "Wednesday, July 23, 2025",
                    "2025年7月23日（星期三）",
                    "2025年7月23日（星期三）",
                    "2025년 7월 23일(수)",
                ],
            ),
            (
                "令和8年1月21日(水)",
                Date,
                [
                    "Wednesday, January 21, 2026",
                    "2026年1月21日（星期三）",
                    "2026年1月21日（星期三）",
                    "2026년 1월 21일(수)",
                ],
            ),
            (
                "令和6年2月29日(木)",
                Date,
                [
                    "Thursday, February 29, 2024",
                    "2024年2月29日（星期四）",
                    "2024年2月29日（星期四）",
                    "2024년 2월 29일(목)",
                ],
            ),
            (
                "2000年2月29日(火)",
                Date,
                [
                    "Tuesday, February 29, 2000",
                    "2000年2月29日（星期二）",
                    "2000年2月29日（星期二）",
                    "2000년 2월 29일(화)",
                ],
            ),
            (
                "令和7年12月31日(日)",
                Date,
                [
                    "Wednesday, December 31, 2025",
                    "2025年12月31日（星期三）",
                    "2025年12月31日（星期三）",
                    "2025년 12월 31일(수)",
                ],
            ),
        ]);
    }

    #[test]
    fn era_boundaries_in_full_dates() {
        use TokenKind::Date;
        let row = |unit, en, zh: &'static str, ko| (unit, Date, [en, zh, zh, ko]);
        check_renders(&[
            row(
                "明治6年1月1日",
                "January 1, 1873",
                "1873年1月1日",
                "1873년 1월 1일",
            ),
            row(
                "明治45年7月29日(月)",
                "Monday, July 29, 1912",
                "1912年7月29日（星期一）",
                "1912년 7월 29일(월)",
            ),
            row(
                "大正元年7月30日(火)",
                "Tuesday, July 30, 1912",
                "1912年7月30日（星期二）",
                "1912년 7월 30일(화)",
            ),
            row(
                "大正15年12月24日",
                "December 24, 1926",
                "1926年12月24日",
                "1926년 12월 24일",
            ),
            row(
                "昭和元年12月25日(土)",
                "Saturday, December 25, 1926",
                "1926年12月25日（星期六）",
                "1926년 12월 25일(토)",
            ),
            row(
                "昭和64年1月7日",
                "January 7, 1989",
                "1989年1月7日",
                "1989년 1월 7일",
            ),
            row(
                "平成元年1月8日(日)",
                "Sunday, January 8, 1989",
                "1989年1月8日（星期日）",
                "1989년 1월 8일(일)",
            ),
            row(
                "平成31年4月30日",
                "April 30, 2019",
                "2019年4月30日",
                "2019년 4월 30일",
            ),
            // Written before the era change was known; the Gregorian date is still certain.
            row(
                "平成31年5月1日",
                "May 1, 2019",
                "2019年5月1日",
                "2019년 5월 1일",
            ),
            row(
                "令和元年5月1日(水)",
                "Wednesday, May 1, 2019",
                "2019年5月1日（星期三）",
                "2019년 5월 1일(수)",
            ),
            row(
                "㍻元年1月8日",
                "January 8, 1989",
                "1989年1月8日",
                "1989년 1월 8일",
            ),
        ]);
    }

    #[test]
    fn invalid_dates_are_left_alone() {
        check_untouched(&[
            "令和7年2月30日",
            "令和7年2月29日",
            "2100年2月29日",
            "2025年2月29日(土)",
            "令和7年13月1日",
            "令和7年7月32日",
            "令和7年7月0日",
            "令和7年0月1日",
            "令和元年4月30日",
            "令和元年4月",
            "平成元年1月7日",
            "大正元年7月29日",
            "昭和元年12月24日",
            "明治5年12月2日",
            "明治元年9月8日",
            "令和0年",
            "令和0年度",
            "7月32日",
            "13月1日",
            "2月30日",
            "平成100年7月23日",
        ]);
        check_protects(&[(
            "期限は令和7年2月30日(日)です",
            "期限は令和7年2月30日(日)です",
            &[],
        )]);
    }

    #[test]
    fn year_months_and_month_days() {
        use TokenKind::Date;
        check_renders(&[
            (
                "令和7年7月",
                Date,
                ["July 2025", "2025年7月", "2025年7月", "2025년 7월"],
            ),
            (
                "2025年5月",
                Date,
                ["May 2025", "2025年5月", "2025年5月", "2025년 5월"],
            ),
            (
                "令和4年10月",
                Date,
                ["October 2022", "2022年10月", "2022年10月", "2022년 10월"],
            ),
            (
                "令和元年5月",
                Date,
                ["May 2019", "2019年5月", "2019年5月", "2019년 5월"],
            ),
            (
                "平成元年1月",
                Date,
                ["January 1989", "1989年1月", "1989年1月", "1989년 1월"],
            ),
            (
                "令和８年１月",
                Date,
                ["January 2026", "2026年1月", "2026年1月", "2026년 1월"],
            ),
            (
                "7月23日",
                Date,
                ["July 23", "7月23日", "7月23日", "7월 23일"],
            ),
            (
                "7月23日(水)",
                Date,
                [
                    "Wednesday, July 23",
                    "7月23日（星期三）",
                    "7月23日（星期三）",
                    "7월 23일(수)",
                ],
            ),
            (
                "１２月１日（月）",
                Date,
                [
                    "Monday, December 1",
                    "12月1日（星期一）",
                    "12月1日（星期一）",
                    "12월 1일(월)",
                ],
            ),
            (
                "2月29日",
                Date,
                ["February 29", "2月29日", "2月29日", "2월 29일"],
            ),
        ]);
        check_protects(&[
            (
                "令和4年10月からこの法人制度がスタートし",
                "<p1/>からこの法人制度がスタートし",
                &["令和4年10月"],
            ),
            ("7月1日〜7月31日", "<p1/>〜<p2/>", &["7月1日", "7月31日"]),
            ("7月23日(水・祝)", "<p1/>(水・祝)", &["7月23日"]),
            ("毎年7月23日", "毎年<p1/>", &["7月23日"]),
        ]);
        check_untouched(&[
            "7月〜1月",
            "9月〜1月にかけて4回開催する",
            "7月開催回",
            "毎月1日",
            "2025年",
            "1か月",
            "第3月曜日",
        ]);
    }

    #[test]
    fn fiscal_years() {
        use TokenKind::FiscalYear;
        let row = |unit, y: &'static str, zh: &'static str, ko| (unit, FiscalYear, [y, zh, zh, ko]);
        check_renders(&[
            row("令和7年度", "FY2025", "2025年度", "2025년도"),
            row("令和７年度", "FY2025", "2025年度", "2025년도"),
            row("令和元年度", "FY2019", "2019年度", "2019년도"),
            row("平成31年度", "FY2019", "2019年度", "2019년도"),
            row("平成32年度", "FY2020", "2020年度", "2020년도"),
            row("昭和63年度", "FY1988", "1988年度", "1988년도"),
            row("2025年度", "FY2025", "2025年度", "2025년도"),
        ]);
        check_protects(&[(
            "厚生労働省は、令和7年度の7月〜1月にかけて",
            "厚生労働省は、<p1/>の7月〜1月にかけて",
            &["令和7年度"],
        )]);
    }

    #[test]
    fn era_years() {
        use TokenKind::EraYear;
        let row = |unit, y: &'static str, zh: &'static str, ko| (unit, EraYear, [y, zh, zh, ko]);
        check_renders(&[
            row("明治元年", "1868", "1868年", "1868년"),
            row("明治45年", "1912", "1912年", "1912년"),
            row("大正元年", "1912", "1912年", "1912년"),
            row("大正15年", "1926", "1926年", "1926년"),
            row("昭和元年", "1926", "1926年", "1926년"),
            row("昭和64年", "1989", "1989年", "1989년"),
            row("平成元年", "1989", "1989年", "1989년"),
            row("平成31年", "2019", "2019年", "2019년"),
            row("令和元年", "2019", "2019年", "2019년"),
            row("令和7年", "2025", "2025年", "2025년"),
            row("令和７年", "2025", "2025年", "2025년"),
            row("㋿元年", "2019", "2019年", "2019년"),
            row("2025年（令和7年）", "2025", "2025年", "2025년"),
        ]);
        check_protects(&[
            ("令和元年に施行", "<p1/>に施行", &["令和元年"]),
            // A mismatched alternative year is not absorbed.
            ("令和7年（2024年）", "<p1/>（2024年）", &["令和7年"]),
        ]);
    }

    #[test]
    fn time_ranges() {
        use TokenKind::TimeRange;
        let row = |unit, s| (unit, TimeRange, same(s));
        check_renders(&[
            row("14時00分〜16時00分", "14:00–16:00"),
            row("14時〜16時", "14:00–16:00"),
            row("14:00～16:00", "14:00–16:00"),
            row("14：00〜16：00", "14:00–16:00"),
            row("１４時００分～１６時００分", "14:00–16:00"),
            row("9時30分～12時", "9:30–12:00"),
            row("9:00-17:00", "9:00–17:00"),
            row("09:00～17:15", "9:00–17:15"),
            row("14時 〜 16時", "14:00–16:00"),
            row("10時半〜11時", "10:30–11:00"),
            row("午後2時〜午後4時", "14:00–16:00"),
            row("午前9時〜午後5時30分", "9:00–17:30"),
            row("22時〜24時", "22:00–24:00"),
        ]);
    }

    #[test]
    fn single_times() {
        use TokenKind::Time;
        let row = |unit, s| (unit, Time, same(s));
        check_renders(&[
            row("14時30分", "14:30"),
            row("9時05分", "9:05"),
            row("14:30", "14:30"),
            row("１４：３０", "14:30"),
            row("午後2時30分", "14:30"),
            row("10時半", "10:30"),
            row("14時00分", "14:00"),
        ]);
        check_protects(&[
            ("14時00分〜開始", "<p1/>〜開始", &["14時00分"]),
            ("17時15分まで", "<p1/>まで", &["17時15分"]),
        ]);
        check_untouched(&[
            "14時",
            "14時頃",
            "24時間",
            "1時間30分",
            "30分間",
            "12:30:45",
            "1:2",
            "25時",
            "14時60分",
            "24:30",
            "午前12時30分",
            "午後2時",
        ]);
    }

    #[test]
    fn date_followed_by_time_is_two_tokens_and_reads_naturally() {
        let p = protect("(1)令和7年7月23日(水)14時00分〜16時00分");
        assert_eq!(p.text, "(1)<p1/><p2/>");
        assert_eq!(p.tokens[0].kind, TokenKind::Date);
        assert_eq!(p.tokens[1].kind, TokenKind::TimeRange);
        let expected = [
            (En, "(1) Wednesday, July 23, 2025 14:00–16:00"),
            (ZhHans, "(1)2025年7月23日（星期三）14:00–16:00"),
            (ZhHant, "(1)2025年7月23日（星期三）14:00–16:00"),
            (Ko, "(1) 2025년 7월 23일(수) 14:00–16:00"),
        ];
        for (lang, want) in expected {
            let translated = match lang {
                En | Ko => "(1) <p1/><p2/>",
                _ => "(1)<p1/><p2/>",
            };
            assert_eq!(restore(translated, &p.tokens, lang).unwrap(), want);
        }
    }

    #[test]
    fn placeholder_tags_are_never_scanned() {
        check_protects(&[
            ("<b1>03-5253-1111</b1>", "<b1><p1/></b1>", &["03-5253-1111"]),
            ("<x2/>令和7年度", "<x2/><p1/>", &["令和7年度"]),
            ("<x10/>2025年5月<x11/>", "<x10/><p1/><x11/>", &["2025年5月"]),
            (
                "<b1>詳細</b1><x2/>14時00分〜16時00分",
                "<b1>詳細</b1><x2/><p1/>",
                &["14時00分〜16時00分"],
            ),
        ]);
        // A token split by markup is not a token.
        check_untouched(&[
            "03-5253-<b1>1111</b1>",
            "<b12>",
            "<x2/><x3/>",
            "14時<b1>00分</b1>",
            "https<b1>://example.jp/</b1>",
        ]);
    }

    #[test]
    fn several_tokens_are_numbered_in_order() {
        let unit = "令和7年度のセミナーは令和7年7月23日(水)14時00分〜16時00分に開催。\
                    問い合わせ：〒100-8916 03-5253-1111（内線5520）、info@mhlw.go.jp、\
                    https://www.mhlw.go.jp/（PDF：1.2MB）";
        let p = protect(unit);
        assert_eq!(
            p.text,
            "<p1/>のセミナーは<p2/><p3/>に開催。問い合わせ：<p4/> <p5/><p6/>、<p7/>、<p8/><p9/>"
        );
        let kinds: Vec<TokenKind> = p.tokens.iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(
            kinds,
            [
                FiscalYear, Date, TimeRange, Postcode, Phone, Extension, Email, Url, FileSize
            ]
        );
        assert_eq!(restore(&p.text, &p.tokens, Ja).unwrap(), unit);
    }

    #[test]
    fn escaped_text_is_kept_escaped() {
        check_protects(&[
            (
                "研究&amp;開発 03-5253-1111",
                "研究&amp;開発 <p1/>",
                &["03-5253-1111"],
            ),
            (
                "A&amp;B社 &lt;令和7年度&gt;",
                "A&amp;B社 &lt;<p1/>&gt;",
                &["令和7年度"],
            ),
            ("&amp;03-5253-1111", "&amp;<p1/>", &["03-5253-1111"]),
        ]);
        let p = protect("Q&amp;A 令和7年7月23日");
        assert_eq!(
            restore("Q&amp;A <p1/>", &p.tokens, En).unwrap(),
            "Q&amp;A July 23, 2025"
        );
    }

    #[test]
    fn round_trip_in_japanese_is_identity() {
        let units = [
            "",
            "労働者協同組合に係るオンラインセミナー(全5回)を開催します",
            "(1)令和7年7月23日(水)14時00分〜16時00分",
            "令和７年７月２３日（水）１４時００分～１６時００分",
            "〒100-8916 東京都千代田区霞が関1-2-2 03-5253-1111（内線5520）",
            "https://example.jp/?a=1&amp;b=2 &lt;info@mhlw.go.jp&gt;",
            "<b1>令和元年</b1>5月1日<x2/>（PDF：1.2MB）",
            "期限は令和7年2月30日(日)です",
            "7月〜1月、24時間、14時頃",
            "<p1/> is not ours but passes through",
        ];
        for unit in units {
            let p = protect(unit);
            if p.tokens.is_empty() {
                assert_eq!(p.text, unit);
            }
            if unit.contains("<p1/>") {
                continue;
            }
            assert_eq!(restore(&p.text, &p.tokens, Ja).unwrap(), unit, "{unit:?}");
        }
    }

    /// Generated units made of the pieces tokens are built from: protect must not panic,
    /// must give every token its placeholder, and must round-trip exactly.
    #[test]
    fn generated_units_round_trip() {
        const ATOMS: [&str; 40] = [
            "令和", "平成", "明治", "元", "年", "月", "日", "度", "時", "分", "半", "間", "(", ")",
            "（", "）", "水", "〜", "～", "-", "－", ":", "：", "0", "1", "2", "3", "７", "０",
            "〒", "内線", "MB", ",", ".", "https://", "a", "@", "&amp;", "<b1>", "<x2/>",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = next() % 24;
            let unit: String = (0..len)
                .map(|_| ATOMS[(next() % ATOMS.len() as u64) as usize])
                .collect();
            let p = protect(&unit);
            for n in 1..=p.tokens.len() {
                assert_eq!(p.text.matches(&placeholder(n)).count(), 1, "{unit:?}");
            }
            assert_eq!(restore(&p.text, &p.tokens, Ja).unwrap(), unit);
            for lang in TARGETS {
                restore(&p.text, &p.tokens, lang).unwrap();
            }
        }
    }

    #[test]
    fn restore_errors_name_the_placeholder() {
        let p = protect("03-5253-1111 令和7年度 14時30分");
        assert_eq!(p.text, "<p1/> <p2/> <p3/>");
        let cases = [
            (
                "<p1/> <p3/>",
                RestoreError::Missing { placeholder: 2 },
                "<p2/>",
            ),
            (
                "<p1/> <p2/> <p3/> <p9/>",
                RestoreError::Unknown { placeholder: 9 },
                "<p9/>",
            ),
            (
                "<p1/> <p2/> <p0/> <p3/>",
                RestoreError::Unknown { placeholder: 0 },
                "<p0/>",
            ),
            (
                "<p1/> <p1/> <p2/> <p3/>",
                RestoreError::Duplicated { placeholder: 1 },
                "<p1/>",
            ),
            ("", RestoreError::Missing { placeholder: 1 }, "<p1/>"),
        ];
        for (translated, error, name) in cases {
            let got = restore(translated, &p.tokens, En).unwrap_err();
            assert_eq!(got, error, "{translated:?}");
            assert!(got.to_string().contains(name), "{got}");
        }
        assert_eq!(
            restore("<p9/>", &[], En),
            Err(RestoreError::Unknown { placeholder: 9 })
        );
    }

    #[test]
    fn restore_tolerates_what_mt_does_to_placeholders() {
        let p = protect("03-5253-1111 令和7年度");
        assert_eq!(
            restore("Call <p1 /> in <p2/>.", &p.tokens, En).unwrap(),
            "Call 03-5253-1111 in FY2025."
        );
        assert_eq!(
            restore("<p2/>：<p1/> <pre>", &p.tokens, ZhHant).unwrap(),
            "2025年度：03-5253-1111 <pre>"
        );
        assert_eq!(
            restore("<b1><p2/></b1> <p1/>", &p.tokens, Ko).unwrap(),
            "<b1>2025년도</b1> 03-5253-1111"
        );
    }

    #[test]
    fn weekday_matches_the_calendar() {
        use Weekday::*;
        let rows = [
            (1868, 1, 25, Saturday),
            (1912, 7, 30, Tuesday),
            (1926, 12, 25, Saturday),
            (1989, 1, 8, Sunday),
            (2019, 5, 1, Wednesday),
            (1970, 1, 1, Thursday),
            (2000, 2, 29, Tuesday),
            (2024, 2, 29, Thursday),
            (2025, 7, 23, Wednesday),
            (2026, 1, 21, Wednesday),
            (1900, 3, 1, Thursday),
            (2100, 12, 31, Friday),
        ];
        for (y, m, d, w) in rows {
            assert_eq!(weekday(y, m, d), w, "{y}-{m}-{d}");
        }
    }

    /// Lines of the seed announcement (shared/seed/000_b77fba0cfff899c0.txt), each as a unit.
    #[test]
    fn seed_announcement_lines() {
        check_protects(&[
            ("2025年5月", "<p1/>", &["2025年5月"]),
            (
                "(代表電話)03-5253-1111",
                "(代表電話)<p1/>",
                &["03-5253-1111"],
            ),
            ("(内線5520)", "<p1/>", &["(内線5520)"]),
            (
                "(直通電話)03-3595-3189",
                "(直通電話)<p1/>",
                &["03-3595-3189"],
            ),
            (
                "厚生労働省は、令和7年度の7月〜1月にかけて、労働者協同組合に係るオンラインセミナー(全5回)を開催します。",
                "厚生労働省は、<p1/>の7月〜1月にかけて、労働者協同組合に係るオンラインセミナー(全5回)を開催します。",
                &["令和7年度"],
            ),
            (
                "令和4年10月からこの法人制度がスタートし、荒廃山林を整備したキャンプ場の経営、葬祭業、成年後見支援、メディア制作体験、給食づくり、高齢者介護など様々な事業が行われており、あらゆる事業分野で多様な働き方を実現しています。",
                "<p1/>からこの法人制度がスタートし、荒廃山林を整備したキャンプ場の経営、葬祭業、成年後見支援、メディア制作体験、給食づくり、高齢者介護など様々な事業が行われており、あらゆる事業分野で多様な働き方を実現しています。",
                &["令和4年10月"],
            ),
            (
                "令和7年度初回となる7月開催回では、日々、地域課題の解決や地域づくりに向き合っている市町村職員の皆さまに向けて",
                "<p1/>初回となる7月開催回では、日々、地域課題の解決や地域づくりに向き合っている市町村職員の皆さまに向けて",
                &["令和7年度"],
            ),
            (
                "(1)令和7年7月23日(水)14時00分〜16時00分",
                "(1)<p1/><p2/>",
                &["令和7年7月23日(水)", "14時00分〜16時00分"],
            ),
            (
                "(2)令和7年9月27日(土)14時00分〜16時00分",
                "(2)<p1/><p2/>",
                &["令和7年9月27日(土)", "14時00分〜16時00分"],
            ),
            (
                "(3)令和7年10月29日(水)14時00分〜16時00分",
                "(3)<p1/><p2/>",
                &["令和7年10月29日(水)", "14時00分〜16時00分"],
            ),
            (
                "(4)令和7年12月13日(土)14時00分〜16時00分",
                "(4)<p1/><p2/>",
                &["令和7年12月13日(土)", "14時00分〜16時00分"],
            ),
            (
                "(5)令和8年1月21日(水)14時00分〜16時00分",
                "(5)<p1/><p2/>",
                &["令和8年1月21日(水)", "14時00分〜16時00分"],
            ),
            (
                "https://www.roukyouhou.mhlw.go.jp/forum/onlineseminar_202501",
                "<p1/>",
                &["https://www.roukyouhou.mhlw.go.jp/forum/onlineseminar_202501"],
            ),
        ]);
        check_untouched(&[
            "労働者協同組合に係るオンラインセミナー(全5回)を開催します",
            "課長:小林 淳",
            "1.日時・テーマ",
            "3.参加費",
            "無料(事前の参加申し込みが必要です)",
            "7月開催回は主に市町村職員の方向けの内容となっておりますが、広く一般の方々にもご参加いただけます。",
            "また、9月〜1月にかけて4回開催するオンラインセミナーでは、各回テーマを変えて",
            "〜労働者協同組合を活用した地域づくり〜",
            "  • 1.",
        ]);

        let en: Vec<String> = [
            "令和7年7月23日(水)",
            "令和7年9月27日(土)",
            "令和7年10月29日(水)",
            "令和7年12月13日(土)",
            "令和8年1月21日(水)",
        ]
        .iter()
        .map(|unit| render(&one(unit), En))
        .collect();
        assert_eq!(
            en,
            [
                "Wednesday, July 23, 2025",
                "Saturday, September 27, 2025",
                "Wednesday, October 29, 2025",
                "Saturday, December 13, 2025",
                "Wednesday, January 21, 2026",
            ]
        );
    }
}
