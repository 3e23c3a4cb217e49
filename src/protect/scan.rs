//! Scanning: the cursor every scanner reads with, the character classes they share, and the
//! scanners for tokens that are rendered as written (URLs, e-mail addresses, postcodes, file
//! sizes) or nearly so (phone numbers and extensions). Dates, times and amounts have modules of
//! their own; [`SCANNERS`] puts them all in the order they are tried.

use super::{Token, TokenKind, TokenValue, dates, numbers, placeholder, times};

/// What a scanner found at a position: a token, or a span that looks like a token but is not
/// valid (令和7年2月30日) and must be skipped whole, so that no part of it (2月30日…) is
/// matched on its own.
pub(super) struct Scan {
    pub(super) end: usize,
    pub(super) found: Option<(TokenKind, TokenValue)>,
}

pub(super) fn token(end: usize, kind: TokenKind, value: TokenValue) -> Option<Scan> {
    Some(Scan {
        end,
        found: Some((kind, value)),
    })
}

pub(super) fn plain(end: usize) -> Option<Scan> {
    Some(Scan { end, found: None })
}

pub(super) type Scanner = fn(Cur<'_>) -> Option<Scan>;

/// Tried in order at each position; the first that matches wins, so the scanners that consume
/// the most characters come first (a URL may contain digits, a phone number a date's digits).
const SCANNERS: [Scanner; 12] = [
    scan_url,
    scan_email,
    scan_postcode,
    scan_extension,
    scan_phone,
    scan_file_size,
    dates::scan_short_era_date,
    dates::scan_western_date,
    dates::scan_date,
    times::scan_time,
    numbers::scan_amount,
    numbers::scan_percent,
];

/// Protects one run of text between placeholder tags; `open_end` says a tag follows it, so
/// a token there may go on inside the tag (14時<b1>30分</b1>).
pub(super) fn protect_run(
    run: &[char],
    open_end: bool,
    text: &mut String,
    tokens: &mut Vec<Token>,
) {
    let mut i = 0;
    while let Some(&c) = run.get(i) {
        let cur = Cur {
            s: run,
            i,
            open_end,
        };
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
pub(super) struct Cur<'a> {
    pub(super) s: &'a [char],
    pub(super) i: usize,
    /// The run ends at a placeholder tag rather than at the end of the unit.
    pub(super) open_end: bool,
}

impl Cur<'_> {
    pub(super) fn peek(self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    pub(super) fn peek_at(self, k: usize) -> Option<char> {
        self.s.get(self.i + k).copied()
    }

    pub(super) fn prev(self) -> Option<char> {
        self.i.checked_sub(1).and_then(|j| self.s.get(j).copied())
    }

    pub(super) fn eat(&mut self, accept: impl Fn(char) -> bool) -> Option<char> {
        let c = self.peek().filter(|&c| accept(c))?;
        self.i += 1;
        Some(c)
    }

    pub(super) fn eat_char(&mut self, want: char) -> bool {
        self.eat(|c| c == want).is_some()
    }

    pub(super) fn eat_str(&mut self, lit: &str) -> bool {
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

    pub(super) fn eat_str_ignore_ascii_case(&mut self, lit: &str) -> bool {
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

    pub(super) fn skip_spaces(&mut self) {
        while self.eat(is_space).is_some() {}
    }

    pub(super) fn digit_run(self) -> usize {
        self.s
            .iter()
            .skip(self.i)
            .take_while(|&&c| digit_value(c).is_some())
            .count()
    }

    /// A whole run of digits of either width, taken only if its length is within `min..=max`.
    pub(super) fn number(&mut self, min: usize, max: usize) -> Option<u32> {
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
    pub(super) fn digits(&mut self, min: usize, max: usize) -> Option<String> {
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
    pub(super) fn at_number_start(self) -> bool {
        self.prev().is_none_or(|p| !continues_number(p))
    }
}

pub(super) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(u32::from(c) - u32::from('0')),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => None,
    }
}

pub(super) fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

pub(super) fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// Full-width ASCII letters folded to ASCII, so that ＭＢ reads as MB.
pub(super) fn ascii_letter(c: char) -> Option<char> {
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
pub(super) fn is_hyphen(c: char) -> bool {
    matches!(
        c,
        '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '－' | 'ー' | 'ｰ'
    )
}

pub(super) fn is_range_separator(c: char) -> bool {
    matches!(c, '〜' | '～' | '~' | '-' | '－' | '‐' | '–' | '—' | '−')
}

pub(super) fn is_open_paren(c: char) -> bool {
    c == '(' || c == '（'
}

pub(super) fn is_close_paren(c: char) -> bool {
    c == ')' || c == '）'
}

pub(super) fn is_colon(c: char) -> bool {
    c == ':' || c == '：'
}

/// Characters that make a following number part of something longer (A-2025, 1.03, No.5).
/// Prose dashes and the long-vowel mark are not among them: コールセンター0120-123-456.
pub(super) fn continues_number(c: char) -> bool {
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
