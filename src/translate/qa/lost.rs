//! Lost text: a translation that dropped part of its source while keeping the rest in shape.
//! Two signs are checked: a bracketed or quoted phrase of the source with no counterpart in
//! the translation (`[Android端末の場合]` dropped, `「…」` gone), and a length out of all
//! proportion to the source's (a provider answering `"string"` for a long sentence).
//!
//! Length bounds are per target language, in characters of text (markup and spaces not
//! counted), and apply to sources of at least [`MIN_JUDGED_CHARS`] characters: shorter
//! units vary too much (回 is "No.", テーマ is "Theme"). They were derived from the bundled,
//! reviewed translations of the announcement: for each target, the lowest and highest ratio
//! of any unit long enough to judge, halved and doubled, rounded outwards to a tenth (the
//! test `length_bounds_are_derived_from_the_bundled_translations` in tests/it/qa.rs derives
//! them again and fails when they no longer match). Observed ranges, 29 units each:
//! en 1.10–3.96, zh-Hans 0.60–1.04, zh-Hant 0.53–1.04, ko 0.76–1.22.
//!
//! The other targets have no reviewed translations to derive bounds from, so they get wide
//! ones by script, meant only to catch the absurd: alphabetic scripts from English's bound
//! with room for longer languages (Spanish, Vietnamese, Filipino run longer than English),
//! Burmese wider still (its vowels and tones are separate marks), and Easy Japanese from
//! half to four times the Japanese (readings in brackets lengthen it).

use std::fmt;

use crate::i18n::{Lang, Script};

use super::script::is_japanese_letter;

/// Sources shorter than this (characters of text) are not judged by length.
pub const MIN_JUDGED_CHARS: usize = 20;

/// The least and greatest length of a translation into `lang`, in tenths of the source's.
pub fn bounds(lang: Lang) -> (u32, u32) {
    match lang {
        Lang::En => (5, 80),
        Lang::ZhHans => (3, 21),
        Lang::ZhHant => (2, 21),
        Lang::Ko => (3, 25),
        Lang::Ja => (0, u32::MAX),
        Lang::JaEasy => (5, 40),
        _ => match lang.script() {
            Some(Script::SimplifiedHan) => (3, 21),
            Some(Script::TraditionalHan) => (2, 21),
            Some(Script::Hangul) => (3, 25),
            Some(Script::Japanese) => (5, 40),
            Some(Script::Myanmar) => (5, 150),
            Some(_) => (5, 100),
            None => (3, 150),
        },
    }
}

/// Characters that count towards length: everything but whitespace.
pub fn length(plain: &str) -> usize {
    plain.chars().filter(|c| !c.is_whitespace()).count()
}

/// The ratio of a translation's length to its source's, in tenths rounded down, when the
/// source is long enough to judge.
pub fn ratio(source_plain: &str, translation_plain: &str) -> Option<u32> {
    let source = length(source_plain);
    if source < MIN_JUDGED_CHARS {
        return None;
    }
    let ratio = length(translation_plain) * 10 / source;
    Some(u32::try_from(ratio).unwrap_or(u32::MAX))
}

/// What is lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lost {
    /// A bracketed phrase of the source (as written) has nothing in the translation.
    Phrase(String),
    /// The translation is this many tenths of the source's length, outside `bounds`.
    Length { tenths: u32, min: u32, max: u32 },
}

impl fmt::Display for Lost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Lost::Phrase(phrase) => write!(
                f,
                "the bracketed text {phrase} is missing from the translation"
            ),
            Lost::Length { tenths, min, max } => {
                let direction = if tenths < min { "short" } else { "long" };
                write!(
                    f,
                    "the translation is too {direction} ({}.{} times the length of the Japanese; expected {}.{} to {}.{})",
                    tenths / 10,
                    tenths % 10,
                    min / 10,
                    min % 10,
                    max / 10,
                    max % 10
                )
            }
        }
    }
}

const BRACKETS: [(char, char); 11] = [
    ('(', ')'),
    ('（', '）'),
    ('[', ']'),
    ('［', '］'),
    ('【', '】'),
    ('「', '」'),
    ('『', '』'),
    ('〈', '〉'),
    ('《', '》'),
    ('〔', '〕'),
    ('〖', '〗'),
];

/// Quotes a translation may turn brackets into.
const QUOTES: [(char, char); 5] = [('“', '”'), ('‘', '’'), ('«', '»'), ('"', '"'), ('\'', '\'')];

/// The bracketed phrases of `text` (free text), each with its content.
fn groups(text: &[char], pairs: &[(char, char)]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let Some(&(open, close)) = text.get(i).and_then(|c| pairs.iter().find(|p| p.0 == *c))
        else {
            i += 1;
            continue;
        };
        let Some(len) = text.iter().skip(i + 1).position(|&c| c == close) else {
            i += 1;
            continue;
        };
        let content: String = text.iter().skip(i + 1).take(len).collect();
        out.push((format!("{open}{content}{close}"), content));
        // Nested groups are counted too: step inside rather than over.
        i += 1;
        if open == close {
            i += len + 1;
        }
    }
    out
}

fn has_text(content: &str) -> bool {
    content.chars().any(char::is_alphanumeric)
}

/// Every bracketed phrase of the source with Japanese in it must have a bracketed or quoted
/// phrase with text in the translation: as many of them at least. `source_free` is the
/// source's free text (tokens cut out), so a token's own brackets, such as a date's (水), do
/// not count.
pub fn check_phrases(source_free: &str, translation: &str) -> Result<(), Lost> {
    let source: Vec<char> = source_free.chars().collect();
    let wanted: Vec<String> = groups(&source, &BRACKETS)
        .into_iter()
        .filter(|(_, content)| content.chars().any(is_japanese_letter))
        .map(|(phrase, _)| phrase)
        .collect();
    if wanted.is_empty() {
        return Ok(());
    }
    let target: Vec<char> = translation.chars().collect();
    let mut pairs: Vec<(char, char)> = BRACKETS.to_vec();
    pairs.extend(QUOTES);
    let kept = groups(&target, &pairs)
        .into_iter()
        .filter(|(_, content)| has_text(content))
        .count();
    if kept >= wanted.len() {
        return Ok(());
    }
    // Name the phrase that went: the first one whose content the translation lacks by far
    // is not knowable without reading it, so the last of the source's is named, as MT drops
    // trailing asides most.
    let missing = wanted
        .get(kept)
        .or(wanted.last())
        .cloned()
        .unwrap_or_default();
    Err(Lost::Phrase(missing))
}

/// The length check on plain texts.
pub fn check_length(source_plain: &str, translation_plain: &str, lang: Lang) -> Result<(), Lost> {
    let Some(tenths) = ratio(source_plain, translation_plain) else {
        return Ok(());
    };
    let (min, max) = bounds(lang);
    let (source, translation) = (length(source_plain), length(translation_plain));
    let tenfold = u64::try_from(translation)
        .unwrap_or(u64::MAX)
        .saturating_mul(10);
    let times = |bound: u32| u64::from(bound).saturating_mul(u64::try_from(source).unwrap_or(0));
    if tenfold < times(min) || tenfold > times(max) {
        return Err(Lost::Length { tenths, min, max });
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn dropped_brackets_are_lost_text() {
        check_phrases("[Android端末の場合]", "[For Android devices]").unwrap();
        check_phrases("[Android端末の場合]", "(Android)").unwrap();
        assert_eq!(
            check_phrases("[Android端末の場合]", "[] Please read"),
            Err(Lost::Phrase("[Android端末の場合]".into()))
        );
        assert_eq!(
            check_phrases("[Android端末の場合]", "Please read this first"),
            Err(Lost::Phrase("[Android端末の場合]".into()))
        );
        // Brackets may become quotes.
        check_phrases(
            "厚生労働省特設サイト「知りたい!労働者協同組合法」",
            "the special website \"Get to Know the Act!\"",
        )
        .unwrap();
        check_phrases("「労働者協同組合」とは", "A “workers’ cooperative” is").unwrap();
        // Brackets around numbers only are for the number check.
        check_phrases("(1)", "1.").unwrap();
        let err = check_phrases("無料(事前の参加申し込みが必要です)", "Free").unwrap_err();
        assert!(
            err.to_string().contains("(事前の参加申し込みが必要です)"),
            "{err}"
        );
    }

    #[test]
    fn length_out_of_bounds_is_lost_text() {
        let source =
            "地域課題の解決や地域づくりにご関心のある方々にもお役に立てる情報となっております";
        let err = check_length(source, "string", Lang::En).unwrap_err();
        assert!(
            matches!(
                err,
                Lost::Length {
                    tenths: 1,
                    min: 5,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.to_string().contains("too short"), "{err}");
        check_length(
            source,
            "The information will also be useful to anyone interested in solving local challenges.",
            Lang::En,
        )
        .unwrap();
        // Short sources are not judged.
        check_length("テーマ", "T", Lang::En).unwrap();
        let long = "x".repeat(source.chars().count() * 9);
        check_length(source, &long, Lang::En).unwrap_err();
    }
}
