//! [`Lang`]: a language as a small copyable handle.
//!
//! Which languages a server translates into is configuration (see
//! [`super::Languages`]), and tests run several servers with different
//! configurations in one process, so nothing about *serving* a language can
//! live here. What can is identity: a canonical BCP 47 tag, interned once
//! per process in an append-only table so that [`Lang::code`] hands out a
//! `&'static str` and a `Lang` is a `u16` that is `Copy`, hashes cheaply and
//! works in `match` patterns. The table only grows by tags that came from
//! configuration, content files or the store, never from a request:
//! untrusted input is looked up with [`Lang::find`], which does not insert.
//!
//! The script a language is written in follows from the tag too (its script
//! subtag, or the usual script of the language), and the QA gate checks
//! translations against it.

use std::collections::HashMap;
use std::fmt;
use std::sync::{LazyLock, PoisonError, RwLock};

use unic_langid::LanguageIdentifier;

/// A language honyaku knows by its canonical BCP 47 tag. Japanese is the
/// source; the five languages honyaku was built with, and Easy Japanese,
/// are interned before anything else and named by the constants below.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(u16);

#[allow(non_upper_case_globals)]
impl Lang {
    pub const Ja: Lang = Lang(0);
    pub const En: Lang = Lang(1);
    pub const ZhHans: Lang = Lang(2);
    pub const ZhHant: Lang = Lang(3);
    pub const Ko: Lang = Lang(4);
    /// やさしい日本語 (Easy Japanese): Japanese rewritten for readers whose
    /// Japanese is basic, after the national guidelines. A private-use tag,
    /// since BCP 47 has no subtag for it; its pages say `lang="ja"`.
    pub const JaEasy: Lang = Lang(5);
    pub const SOURCE: Lang = Lang::Ja;
}

/// The tags of the constants above, in their order.
const PREINTERNED: [&str; 6] = ["ja", "en", "zh-Hans", "zh-Hant", "ko", "ja-x-easy"];

/// Why a string is not a language tag we can use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TagError {
    #[error("{0:?} is not a BCP 47 language tag (write it like \"vi\", \"pt-BR\" or \"zh-Hant\")")]
    Invalid(String),
    #[error("{0:?} names no language (\"und\")")]
    Undetermined(String),
    #[error("too many distinct language tags in one process")]
    Full,
}

struct Entry {
    tag: &'static str,
    script: Option<Script>,
}

#[derive(Default)]
struct Table {
    entries: Vec<Entry>,
    index: HashMap<&'static str, u16>,
}

impl Table {
    fn insert(&mut self, tag: String) -> Result<Lang, TagError> {
        if let Some(&i) = self.index.get(tag.as_str()) {
            return Ok(Lang(i));
        }
        let i = u16::try_from(self.entries.len()).map_err(|_| TagError::Full)?;
        let script = script_of(&tag);
        // Leaked once per distinct tag: the table lives as long as the
        // process and only grows by configured or stored tags.
        let tag: &'static str = Box::leak(tag.into_boxed_str());
        self.entries.push(Entry { tag, script });
        self.index.insert(tag, i);
        Ok(Lang(i))
    }
}

static TABLE: LazyLock<RwLock<Table>> = LazyLock::new(|| {
    let mut table = Table::default();
    for tag in PREINTERNED {
        // The constants' tags are canonical; inserting cannot fail.
        let _ = table.insert(tag.to_owned());
    }
    RwLock::new(table)
});

/// The canonical form of a tag: language lower-case, script title-case,
/// region upper-case (as unic-langid writes them), and a private-use part
/// (`-x-…`, which unic-langid does not read) lower-case.
pub fn canonical_tag(raw: &str) -> Result<String, TagError> {
    let trimmed = raw.trim();
    let invalid = || TagError::Invalid(raw.chars().take(40).collect());
    let lower = trimmed.to_ascii_lowercase();
    let (base, private) = match lower.find("-x-") {
        Some(at) => (
            trimmed.get(..at).unwrap_or_default(),
            lower.get(at + 3..).map(str::to_owned),
        ),
        None => (trimmed, None),
    };
    let id: LanguageIdentifier = base.parse().map_err(|_| invalid())?;
    if id.language.is_empty() {
        return Err(TagError::Undetermined(raw.chars().take(40).collect()));
    }
    let mut tag = id.to_string();
    if let Some(private) = private {
        let ok = !private.is_empty()
            && private.split('-').all(|part| {
                (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric())
            });
        if !ok {
            return Err(invalid());
        }
        tag.push_str("-x-");
        tag.push_str(&private);
    }
    Ok(tag)
}

impl Lang {
    /// The language of `tag`, interned if it is new. For tags from
    /// configuration, content files and the store; a request's tags go
    /// through [`Lang::find`].
    pub fn parse(tag: &str) -> Result<Lang, TagError> {
        let tag = canonical_tag(tag)?;
        if let Some(lang) = Self::lookup(&tag) {
            return Ok(lang);
        }
        TABLE
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(tag)
    }

    /// The language of `tag` if it was interned before; never grows the table.
    pub fn find(tag: &str) -> Option<Lang> {
        Self::lookup(&canonical_tag(tag).ok()?)
    }

    fn lookup(canonical: &str) -> Option<Lang> {
        TABLE
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .index
            .get(canonical)
            .map(|&i| Lang(i))
    }

    fn with_entry<T>(self, f: impl FnOnce(&Entry) -> T) -> Option<T> {
        let table = TABLE.read().unwrap_or_else(PoisonError::into_inner);
        table.entries.get(usize::from(self.0)).map(f)
    }

    /// The canonical BCP 47 tag: the Fluent locale directory, the store's
    /// language column, the cookie's value, the default URL prefix and
    /// `<html lang>` (where configuration does not say otherwise).
    pub fn code(self) -> &'static str {
        self.with_entry(|e| e.tag).unwrap_or("und")
    }

    /// The primary language subtag: `pt` for `pt-BR`, `ja` for Easy Japanese.
    pub fn language(self) -> &'static str {
        let code = self.code();
        code.split('-').next().unwrap_or(code)
    }

    /// The script the language is written in, where the tag tells it.
    pub fn script(self) -> Option<Script> {
        self.with_entry(|e| e.script).flatten()
    }

    pub fn is_source(self) -> bool {
        self == Lang::SOURCE
    }

    /// The tag as unic-langid reads it, for Fluent (plural rules) and
    /// negotiation; a private-use part is dropped (Easy Japanese is `ja`).
    pub fn langid(self) -> LanguageIdentifier {
        let code = self.code();
        let base = code.split("-x-").next().unwrap_or(code);
        base.parse().unwrap_or_default()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.code())
    }
}

/// Writing systems the QA gate can recognise in a translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    Latin,
    /// Kana and kanji: Japanese and Easy Japanese.
    Japanese,
    SimplifiedHan,
    TraditionalHan,
    Hangul,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Armenian,
    Georgian,
    Devanagari,
    Bengali,
    Gurmukhi,
    Gujarati,
    Oriya,
    Tamil,
    Telugu,
    Kannada,
    Malayalam,
    Sinhala,
    Thai,
    Lao,
    Tibetan,
    Myanmar,
    Khmer,
    Ethiopic,
}

impl Script {
    /// ISO 15924 codes, for a tag's script subtag.
    fn from_iso(code: &str) -> Option<Script> {
        Some(match code {
            "Latn" => Script::Latin,
            "Jpan" | "Hira" | "Kana" => Script::Japanese,
            "Hans" => Script::SimplifiedHan,
            "Hant" => Script::TraditionalHan,
            "Hang" | "Kore" => Script::Hangul,
            "Cyrl" => Script::Cyrillic,
            "Grek" => Script::Greek,
            "Arab" => Script::Arabic,
            "Hebr" => Script::Hebrew,
            "Armn" => Script::Armenian,
            "Geor" => Script::Georgian,
            "Deva" => Script::Devanagari,
            "Beng" => Script::Bengali,
            "Guru" => Script::Gurmukhi,
            "Gujr" => Script::Gujarati,
            "Orya" => Script::Oriya,
            "Taml" => Script::Tamil,
            "Telu" => Script::Telugu,
            "Knda" => Script::Kannada,
            "Mlym" => Script::Malayalam,
            "Sinh" => Script::Sinhala,
            "Thai" => Script::Thai,
            "Laoo" => Script::Lao,
            "Tibt" => Script::Tibetan,
            "Mymr" => Script::Myanmar,
            "Khmr" => Script::Khmer,
            "Ethi" => Script::Ethiopic,
            _ => return None,
        })
    }

    /// Whether `c` is a letter (or mark) of this script.
    pub fn contains(self, c: char) -> bool {
        let u = u32::from(c);
        let within = |ranges: &[(u32, u32)]| ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&u));
        match self {
            Script::Latin => {
                c.is_ascii_alphabetic()
                    || (matches!(u, 0xC0..=0x24F) && c != '×' && c != '÷')
                    || matches!(u, 0x1E00..=0x1EFF)
            }
            Script::Japanese => is_kana(c) || is_han(c),
            Script::SimplifiedHan | Script::TraditionalHan => is_han(c),
            Script::Hangul => within(&[(0xAC00, 0xD7A3), (0x1100, 0x11FF), (0x3131, 0x318E)]),
            Script::Cyrillic => within(&[(0x400, 0x4FF), (0x500, 0x52F)]),
            Script::Greek => within(&[(0x370, 0x3FF), (0x1F00, 0x1FFF)]),
            Script::Arabic => within(&[(0x600, 0x6FF), (0x750, 0x77F), (0xFB50, 0xFDFF)]),
            Script::Hebrew => within(&[(0x590, 0x5FF)]),
            Script::Armenian => within(&[(0x530, 0x58F)]),
            Script::Georgian => within(&[(0x10A0, 0x10FF)]),
            Script::Devanagari => within(&[(0x900, 0x97F), (0xA8E0, 0xA8FF)]),
            Script::Bengali => within(&[(0x980, 0x9FF)]),
            Script::Gurmukhi => within(&[(0xA00, 0xA7F)]),
            Script::Gujarati => within(&[(0xA80, 0xAFF)]),
            Script::Oriya => within(&[(0xB00, 0xB7F)]),
            Script::Tamil => within(&[(0xB80, 0xBFF)]),
            Script::Telugu => within(&[(0xC00, 0xC7F)]),
            Script::Kannada => within(&[(0xC80, 0xCFF)]),
            Script::Malayalam => within(&[(0xD00, 0xD7F)]),
            Script::Sinhala => within(&[(0xD80, 0xDFF)]),
            Script::Thai => within(&[(0xE00, 0xE7F)]),
            Script::Lao => within(&[(0xE80, 0xEFF)]),
            Script::Tibetan => within(&[(0xF00, 0xFFF)]),
            Script::Myanmar => within(&[(0x1000, 0x109F), (0xA9E0, 0xA9FF), (0xAA60, 0xAA7F)]),
            Script::Khmer => within(&[(0x1780, 0x17FF)]),
            Script::Ethiopic => within(&[(0x1200, 0x139F)]),
        }
    }

    /// How a message names the script.
    pub fn name(self) -> &'static str {
        match self {
            Script::Latin => "Latin letter",
            Script::Japanese => "Japanese letter",
            Script::SimplifiedHan | Script::TraditionalHan => "Chinese character",
            Script::Hangul => "Hangul",
            Script::Cyrillic => "Cyrillic letter",
            Script::Greek => "Greek letter",
            Script::Arabic => "Arabic letter",
            Script::Hebrew => "Hebrew letter",
            Script::Armenian => "Armenian letter",
            Script::Georgian => "Georgian letter",
            Script::Devanagari => "Devanagari letter",
            Script::Bengali => "Bengali letter",
            Script::Gurmukhi => "Gurmukhi letter",
            Script::Gujarati => "Gujarati letter",
            Script::Oriya => "Odia letter",
            Script::Tamil => "Tamil letter",
            Script::Telugu => "Telugu letter",
            Script::Kannada => "Kannada letter",
            Script::Malayalam => "Malayalam letter",
            Script::Sinhala => "Sinhala letter",
            Script::Thai => "Thai letter",
            Script::Lao => "Lao letter",
            Script::Tibetan => "Tibetan letter",
            Script::Myanmar => "Myanmar letter",
            Script::Khmer => "Khmer letter",
            Script::Ethiopic => "Ethiopic letter",
        }
    }
}

/// Hiragana, katakana (not the middle dot ・ or the long-vowel mark ー, which Chinese and
/// Korean texts borrow), half-width katakana, and the marks only Japanese uses (々, ヶ, 〆).
pub fn is_kana(c: char) -> bool {
    matches!(c,
        '\u{3041}'..='\u{3096}' | '\u{309D}'..='\u{309F}' | '\u{30A1}'..='\u{30FA}'
        | '\u{30FD}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF6F}'
        | '\u{FF71}'..='\u{FF9D}' | '々' | '〆')
}

pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// The script of a canonical tag: its script subtag, Chinese by region
/// when it has none, else the script the language is usually written in
/// (CLDR's likely subtags, for the languages machine translation serves).
fn script_of(tag: &str) -> Option<Script> {
    let base = tag.split("-x-").next().unwrap_or(tag);
    let mut parts = base.split('-');
    let language = parts.next()?;
    let rest: Vec<&str> = parts.collect();
    if let Some(script) = rest
        .iter()
        .find(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_alphabetic()))
    {
        return Script::from_iso(script);
    }
    if language == "zh" {
        let traditional = rest.iter().any(|r| matches!(*r, "TW" | "HK" | "MO"));
        return Some(if traditional {
            Script::TraditionalHan
        } else {
            Script::SimplifiedHan
        });
    }
    Some(match language {
        "ja" => Script::Japanese,
        "ko" => Script::Hangul,
        "ru" | "uk" | "bg" | "sr" | "mk" | "be" | "kk" | "ky" | "tg" | "mn" | "tt" | "ba"
        | "cv" => Script::Cyrillic,
        "el" => Script::Greek,
        "ar" | "fa" | "ur" | "ps" | "ug" | "sd" | "prs" | "ckb" => Script::Arabic,
        "he" | "iw" | "yi" => Script::Hebrew,
        "hy" => Script::Armenian,
        "ka" => Script::Georgian,
        "hi" | "ne" | "mr" | "mai" | "bho" | "sa" | "doi" | "gom" | "kok" => Script::Devanagari,
        "bn" | "as" => Script::Bengali,
        "pa" => Script::Gurmukhi,
        "gu" => Script::Gujarati,
        "or" => Script::Oriya,
        "ta" => Script::Tamil,
        "te" => Script::Telugu,
        "kn" => Script::Kannada,
        "ml" => Script::Malayalam,
        "si" => Script::Sinhala,
        "th" => Script::Thai,
        "lo" => Script::Lao,
        "bo" | "dz" => Script::Tibetan,
        "my" => Script::Myanmar,
        "km" => Script::Khmer,
        "am" | "ti" => Script::Ethiopic,
        "en" | "de" | "fr" | "es" | "pt" | "it" | "nl" | "sv" | "da" | "no" | "nb" | "nn"
        | "fi" | "is" | "et" | "lv" | "lt" | "pl" | "cs" | "sk" | "sl" | "hr" | "bs" | "ro"
        | "hu" | "tr" | "vi" | "id" | "ms" | "fil" | "tl" | "ca" | "eu" | "gl" | "ga" | "cy"
        | "sq" | "mt" | "af" | "sw" | "zu" | "xh" | "yo" | "ig" | "ha" | "so" | "uz" | "az"
        | "tk" | "ku" | "kmr" | "lb" | "eo" | "la" | "haw" | "sm" | "mi" | "to" | "fj" | "ty"
        | "ht" | "ceb" | "jv" | "su" | "mg" | "rw" | "ny" | "st" | "sn" | "tn" | "ts" | "fy"
        | "gd" | "br" | "oc" | "qu" | "ay" | "gn" | "ilo" | "hmn" | "mww" | "lg" | "ln" | "om"
        | "wo" => Script::Latin,
        _ => return None,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_constants_are_the_preinterned_tags() {
        for (lang, tag) in [
            (Lang::Ja, "ja"),
            (Lang::En, "en"),
            (Lang::ZhHans, "zh-Hans"),
            (Lang::ZhHant, "zh-Hant"),
            (Lang::Ko, "ko"),
            (Lang::JaEasy, "ja-x-easy"),
        ] {
            assert_eq!(lang.code(), tag);
            assert_eq!(Lang::parse(tag).unwrap(), lang);
            assert_eq!(Lang::find(tag), Some(lang));
        }
        assert!(Lang::SOURCE.is_source());
        assert!(!Lang::JaEasy.is_source());
        assert_eq!(Lang::JaEasy.language(), "ja");
        assert_eq!(Lang::JaEasy.langid().to_string(), "ja");
    }

    #[test]
    fn tags_are_canonical_whatever_their_case() {
        for (raw, canonical) in [
            ("pt-br", "pt-BR"),
            ("ZH-hant", "zh-Hant"),
            (" vi ", "vi"),
            ("es-419", "es-419"),
            ("JA-X-EASY", "ja-x-easy"),
            ("zh-hant-tw", "zh-Hant-TW"),
        ] {
            assert_eq!(canonical_tag(raw).unwrap(), canonical, "{raw}");
        }
        // unic-langid reads `_` as `-`, which is kind to a hand-written config.
        assert_eq!(canonical_tag("pt_br").unwrap(), "pt-BR");
        for bad in [
            "",
            "x",
            "pt BR",
            "../etc",
            "ja-x-",
            "ja-x-toolongprivate",
            "und",
        ] {
            assert!(canonical_tag(bad).is_err(), "{bad}");
        }
        let th = Lang::parse("TH").unwrap();
        assert_eq!(th.code(), "th");
        assert_eq!(Lang::parse("th").unwrap(), th);
    }

    #[test]
    fn find_never_interns() {
        assert_eq!(Lang::find("qaa-Zzzz-QM"), None);
        assert_eq!(Lang::find("qaa-Zzzz-QM"), None);
        let interned = Lang::parse("qab").unwrap();
        assert_eq!(Lang::find("QAB"), Some(interned));
    }

    #[test]
    fn scripts_follow_the_tag() {
        for (tag, script) in [
            ("ja", Some(Script::Japanese)),
            ("ja-x-easy", Some(Script::Japanese)),
            ("zh-Hans", Some(Script::SimplifiedHan)),
            ("zh-TW", Some(Script::TraditionalHan)),
            ("zh", Some(Script::SimplifiedHan)),
            ("vi", Some(Script::Latin)),
            ("fil", Some(Script::Latin)),
            ("pt-BR", Some(Script::Latin)),
            ("ne", Some(Script::Devanagari)),
            ("my", Some(Script::Myanmar)),
            ("th", Some(Script::Thai)),
            ("sr-Latn", Some(Script::Latin)),
            ("sr", Some(Script::Cyrillic)),
            ("qac", None),
        ] {
            assert_eq!(Lang::parse(tag).unwrap().script(), script, "{tag}");
        }
        assert!(Script::Thai.contains('ไ'));
        assert!(Script::Myanmar.contains('မ'));
        assert!(Script::Devanagari.contains('न'));
        assert!(Script::Latin.contains('ệ'));
        assert!(!Script::Latin.contains('×'));
    }
}
