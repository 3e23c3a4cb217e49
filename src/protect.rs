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
//! Dates, times and amounts are *rendered*, not guessed: the era year is converted from the
//! era's start year, the date is validated, the weekday is computed from the date instead of
//! being copied from the source (the source can be wrong, and copying it would only hand it
//! to MT again), 午後2時 is put on the reader's 12-hour clock and 3億円 is converted exactly.
//! Tokens that read the same in every language — URLs, e-mail addresses, postcodes, file
//! sizes — come back as written. A token's numbers are thereby out of MT's reach, and the QA
//! gate checks them through the token's value rather than its text.
//!
//! Whatever cannot be read with certainty (令和7年2月30日, 午前10時〜3時, a month range such
//! as 7月〜1月, numbers written in kanji) is left in the text for MT: a wrong rendering
//! carries our authority, a clumsy MT phrase does not, and the QA gate checks what MT made of
//! its numbers.
//!
//! The scanners live in submodules by kind (`scan`: the cursor and the verbatim tokens,
//! `dates`, `times`, `numbers`), the renderings in `render`.
//!
//! Units arrive with their text XML-escaped (`&lt;` `&gt;` `&amp;`) and inline markup already
//! replaced by placeholders such as `<b1>…</b1>` and `<x2/>`; only the text between those tags
//! is scanned, and a token never spans a tag. The placeholder name `p` is reserved for this
//! module.
//!
//! [`restore`] is strict — every placeholder exactly once — because it feeds the QA gate: a
//! unit whose tokens did not come back one for one is not served.

mod dates;
mod numbers;
mod render;
mod scan;
mod times;

use std::fmt;

use crate::i18n::Lang;
use crate::placeholder::{self, PlaceholderKind, escape_text};

pub use dates::{JaDate, Weekday, weekday};
pub use numbers::{Quantity, Scale};
pub use render::{Style, month_names, render};
use scan::protect_run;
pub use times::ClockTime;

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
    /// A number with 万, 億 or 千: 1万, 3億円.
    Quantity,
    /// A yen amount: 1,000円.
    Yen,
    Percent,
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
            TokenKind::Quantity => "quantity",
            TokenKind::Yen => "yen",
            TokenKind::Percent => "percent",
            TokenKind::Glossary => "glossary",
        }
    }
}

impl fmt::Display for TokenKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
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
    /// 1万, 3億円: rendered from the value in English, group by group in Chinese and Korean.
    Quantity(Quantity),
    /// 1,000円.
    Yen {
        value: u64,
    },
    /// The number before the sign, with ASCII digits.
    Percent {
        number: String,
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
            protect_run(run, !after.is_empty(), &mut text, &mut tokens);
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
    // MT keeps adjacent placeholders adjacent (a date followed by its time); in English or
    // Korean the rendered tokens then need a space between them, in Chinese and Japanese not.
    let spaced = Style::of(lang).spaced();
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

#[cfg(test)]
mod tests;
