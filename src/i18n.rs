//! Languages, Fluent bundles and language negotiation.
//!
//! [`Lang`] is the one place that maps a language to its URL prefix, BCP 47
//! tag, Fluent locale and `<html lang>`; everything else asks it.

use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

/// The languages honyaku serves. Japanese is the source; the others are
/// translation targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Ja,
    En,
    ZhHans,
    ZhHant,
    Ko,
}

impl Lang {
    pub const ALL: [Lang; 5] = [Lang::Ja, Lang::En, Lang::ZhHans, Lang::ZhHant, Lang::Ko];
    pub const SOURCE: Lang = Lang::Ja;

    /// BCP 47 tag; also the URL prefix, the Fluent locale directory and `<html lang>`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
            Lang::Ko => "ko",
        }
    }

    /// The language's name in itself, as the switcher shows it.
    pub const fn endonym(self) -> &'static str {
        match self {
            Lang::Ja => "日本語",
            Lang::En => "English",
            Lang::ZhHans => "简体中文",
            Lang::ZhHant => "繁體中文",
            Lang::Ko => "한국어",
        }
    }

    /// DeepL target code. `EN` and `ZH` alone are deprecated as targets, so
    /// the variant is always named; Japanese is only ever a source here.
    pub const fn deepl_target(self) -> Option<&'static str> {
        match self {
            Lang::En => Some("EN-US"),
            Lang::ZhHans => Some("ZH-HANS"),
            Lang::ZhHant => Some("ZH-HANT"),
            Lang::Ko => Some("KO"),
            Lang::Ja => None,
        }
    }

    /// DeepL source code: source codes have no variants.
    pub const fn deepl_source(self) -> &'static str {
        match self {
            Lang::Ja => "JA",
            Lang::En => "EN",
            Lang::ZhHans | Lang::ZhHant => "ZH",
            Lang::Ko => "KO",
        }
    }

    /// Google Cloud Translation code: region subtags, not scripts, for Chinese.
    pub const fn google_code(self) -> &'static str {
        match self {
            Lang::ZhHans => "zh-CN",
            Lang::ZhHant => "zh-TW",
            other => other.code(),
        }
    }

    /// Azure Translator code: script subtags for Chinese, like ours.
    pub const fn azure_code(self) -> &'static str {
        self.code()
    }

    /// LibreTranslate code: it names Chinese by script (`zh-Hans`, `zh-Hant`).
    pub const fn libretranslate_code(self) -> &'static str {
        self.code()
    }

    /// How a model prompt names the language: in English, which models follow
    /// best, and by tag, which leaves no doubt about the script. "Taiwan
    /// usage" because a model left to choose mixes Taiwan and Hong Kong
    /// vocabulary within one page.
    pub const fn prompt_name(self) -> &'static str {
        match self {
            Lang::Ja => "Japanese (ja)",
            Lang::En => "English (en)",
            Lang::ZhHans => "Simplified Chinese (zh-Hans)",
            Lang::ZhHant => "Traditional Chinese (zh-Hant, Taiwan usage)",
            Lang::Ko => "Korean (ko)",
        }
    }

    pub fn is_source(self) -> bool {
        self == Lang::SOURCE
    }

    /// Exactly one of our URL prefixes (case-sensitive, as URLs are).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Any BCP 47 tag a reader or a link might use, mapped to the language we
    /// serve for it: `zh-TW`, `zh-HK`, `zh-MO` and `zh-Hant-*` read
    /// Traditional Chinese; `zh`, `zh-CN`, `zh-SG` and `zh-Hans-*` Simplified.
    ///
    /// ```
    /// use honyaku::i18n::Lang;
    /// assert_eq!(Lang::from_tag("zh-TW"), Some(Lang::ZhHant));
    /// assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::ZhHans));
    /// assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
    /// assert_eq!(Lang::from_tag("fr"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let id: LanguageIdentifier = tag.trim().parse().ok()?;
        Self::from_langid(&id)
    }

    fn from_langid(id: &LanguageIdentifier) -> Option<Lang> {
        match id.language.as_str() {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            "ko" => Some(Lang::Ko),
            "zh" => {
                let script = id.script.as_ref().map(|s| s.as_str());
                let region = id.region.as_ref().map(|r| r.as_str());
                let traditional = match script {
                    Some(s) => s.eq_ignore_ascii_case("Hant"),
                    None => matches!(region, Some("TW" | "HK" | "MO")),
                };
                Some(if traditional {
                    Lang::ZhHant
                } else {
                    Lang::ZhHans
                })
            }
            _ => None,
        }
    }

    pub fn langid(self) -> LanguageIdentifier {
        // The codes above are valid BCP 47 tags; a failure here would be a
        // programming error caught by the unit tests, so fall back to und.
        self.code().parse().unwrap_or_default()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// At most this many Accept-Language entries are considered: a header of
/// thousands of tags is either a mistake or an attack, and the first few carry
/// the reader's preference.
const MAX_ACCEPT_LANGUAGE_ENTRIES: usize = 32;

/// Picks the reader's language from an Accept-Language header: entries sorted
/// by q-value (stable, so equal weights keep their order), aliases mapped to
/// the languages we serve, then RFC 4647 lookup through fluent-langneg.
/// Anything unusable yields Japanese, the original.
///
/// ```
/// use honyaku::i18n::{Lang, negotiate_accept_language};
/// assert_eq!(negotiate_accept_language("fr-FR, ko;q=0.8, en;q=0.5"), Lang::Ko);
/// assert_eq!(negotiate_accept_language("zh-HK"), Lang::ZhHant);
/// assert_eq!(negotiate_accept_language("*"), Lang::Ja);
/// ```
pub fn negotiate_accept_language(header: &str) -> Lang {
    negotiate_accept_language_among(header, &Lang::ALL, Lang::SOURCE)
}

/// [`negotiate_accept_language`] for a surface that speaks only some of our
/// languages (the translators' editor: Japanese and English), with its own
/// default for readers who ask for none of them.
///
/// ```
/// use honyaku::i18n::{Lang, negotiate_accept_language_among};
/// let ui = [Lang::Ja, Lang::En];
/// assert_eq!(negotiate_accept_language_among("ko, ja;q=0.5", &ui, Lang::En), Lang::Ja);
/// assert_eq!(negotiate_accept_language_among("ko", &ui, Lang::En), Lang::En);
/// ```
pub fn negotiate_accept_language_among(header: &str, available: &[Lang], default: Lang) -> Lang {
    let mut weighted: Vec<(LanguageIdentifier, u16)> = Vec::new();
    for entry in header.split(',').take(MAX_ACCEPT_LANGUAGE_ENTRIES) {
        let mut parts = entry.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        if tag.is_empty() || tag == "*" {
            continue;
        }
        let mut quality: u16 = 1000;
        for param in parts {
            if let Some(q) = param.trim().strip_prefix("q=") {
                quality = parse_quality(q).unwrap_or(0);
            }
        }
        if quality == 0 {
            continue;
        }
        let Ok(id) = tag.parse::<LanguageIdentifier>() else {
            continue;
        };
        // Map Chinese variants onto the script we serve before lookup, since
        // lookup alone cannot know that zh-TW readers want Traditional.
        let id = match Lang::from_langid(&id) {
            Some(lang @ (Lang::ZhHans | Lang::ZhHant)) => lang.langid(),
            _ => id,
        };
        weighted.push((id, quality));
    }
    weighted.sort_by_key(|entry| std::cmp::Reverse(entry.1));
    let requested: Vec<LanguageIdentifier> = weighted.into_iter().map(|(id, _)| id).collect();
    let available_ids: Vec<LanguageIdentifier> = available.iter().map(|l| l.langid()).collect();
    let default_id = default.langid();
    let chosen = negotiate_languages(
        &requested,
        &available_ids,
        Some(&default_id),
        NegotiationStrategy::Lookup,
    );
    chosen
        .first()
        .and_then(|id| Lang::from_langid(id))
        .filter(|lang| available.contains(lang))
        .unwrap_or(default)
}

/// q-values are 0 to 1 with at most three decimals (RFC 9110 §12.4.2).
fn parse_quality(raw: &str) -> Option<u16> {
    let raw = raw.trim();
    let (whole, frac) = raw.split_once('.').unwrap_or((raw, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let frac_value: u16 = format!("{frac:0<3}").parse().ok()?;
    match whole {
        "0" => Some(frac_value),
        "1" if frac_value == 0 => Some(1000),
        _ => None,
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LocaleError {
    #[error("locale file {file} does not parse: {errors}")]
    Parse { file: String, errors: String },
    #[error("locale {lang}: {message}")]
    Bundle { lang: Lang, message: String },
    #[error("locale {0} has no .ftl files")]
    Missing(Lang),
}

/// Every UI string in every language. Lookups that fail are counted, logged
/// and answered from Japanese, so a missing translation degrades the page
/// instead of breaking it, and tests can assert that it never happens.
pub struct Locales {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
    fallbacks: AtomicU64,
}

impl fmt::Debug for Locales {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Locales")
            .field("languages", &self.bundles.keys().collect::<Vec<_>>())
            .field("fallbacks", &self.fallbacks.load(Ordering::Relaxed))
            .finish()
    }
}

/// The .ftl files compiled into the binary, as (language, file name, text).
pub fn embedded_ftl() -> Vec<(Lang, &'static str, &'static str)> {
    let mut files = Vec::new();
    for lang in Lang::ALL {
        if let Some(dir) = crate::embedded::LOCALES.get_dir(lang.code()) {
            for file in dir.files() {
                let name = file.path().file_name().and_then(|n| n.to_str());
                if let (Some(name), Some(text)) = (name, file.contents_utf8()) {
                    if name.ends_with(".ftl") {
                        files.push((lang, name, text));
                    }
                }
            }
        }
    }
    files
}

impl Locales {
    pub fn embedded() -> Result<Self, LocaleError> {
        Self::from_sources(
            embedded_ftl()
                .into_iter()
                .map(|(lang, name, text)| (lang, name.to_owned(), text.to_owned())),
        )
    }

    pub fn from_sources(
        sources: impl IntoIterator<Item = (Lang, String, String)>,
    ) -> Result<Self, LocaleError> {
        let mut bundles: HashMap<Lang, FluentBundle<FluentResource>> = HashMap::new();
        for (lang, name, text) in sources {
            let resource =
                FluentResource::try_new(text).map_err(|(_, errors)| LocaleError::Parse {
                    file: format!("{}/{name}", lang.code()),
                    errors: errors
                        .iter()
                        .map(|e| format!("{e:?}"))
                        .collect::<Vec<_>>()
                        .join("; "),
                })?;
            let bundle = bundles.entry(lang).or_insert_with(|| {
                let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
                // Pages are left-to-right; bidi isolation marks would only
                // show up as stray characters in titles and attributes.
                bundle.set_use_isolating(false);
                bundle
            });
            bundle
                .add_resource(resource)
                .map_err(|errors| LocaleError::Bundle {
                    lang,
                    message: format!("{errors:?}"),
                })?;
        }
        for lang in Lang::ALL {
            if !bundles.contains_key(&lang) {
                return Err(LocaleError::Missing(lang));
            }
        }
        Ok(Self {
            bundles,
            fallbacks: AtomicU64::new(0),
        })
    }

    /// A message without arguments.
    pub fn t(&self, lang: Lang, id: &str) -> String {
        self.format(lang, id, None)
    }

    /// A message with arguments.
    pub fn t_args(&self, lang: Lang, id: &str, args: &FluentArgs<'_>) -> String {
        self.format(lang, id, Some(args))
    }

    /// How many lookups fell back since start-up.
    pub fn fallbacks(&self) -> u64 {
        self.fallbacks.load(Ordering::Relaxed)
    }

    fn format(&self, lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        match self.try_format(lang, id, args) {
            Ok(text) => text,
            Err(problem) => {
                self.fallbacks.fetch_add(1, Ordering::Relaxed);
                tracing::warn!(lang = %lang, message_id = id, %problem, "UI string fell back");
                if lang != Lang::SOURCE {
                    if let Ok(text) = self.try_format(Lang::SOURCE, id, args) {
                        return text;
                    }
                }
                id.to_owned()
            }
        }
    }

    /// Formats without any fallback; errors say what went wrong.
    pub fn try_format(
        &self,
        lang: Lang,
        id: &str,
        args: Option<&FluentArgs<'_>>,
    ) -> Result<String, String> {
        let bundle = self
            .bundles
            .get(&lang)
            .ok_or_else(|| format!("no bundle for {lang}"))?;
        let message = bundle
            .get_message(id)
            .ok_or_else(|| format!("no message {id}"))?;
        let pattern = message
            .value()
            .ok_or_else(|| format!("message {id} has no value"))?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if errors.is_empty() {
            Ok(text.into_owned())
        } else {
            Err(format!("{errors:?}"))
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_parse_as_bcp47() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert_eq!(lang.langid().to_string(), lang.code());
            assert_eq!(Lang::from_tag(lang.code()), Some(lang));
        }
    }

    #[test]
    fn chinese_aliases() {
        for (tag, want) in [
            ("zh-TW", Lang::ZhHant),
            ("zh-HK", Lang::ZhHant),
            ("zh-MO", Lang::ZhHant),
            ("zh-Hant-TW", Lang::ZhHant),
            ("zh-hant", Lang::ZhHant),
            ("zh", Lang::ZhHans),
            ("zh-CN", Lang::ZhHans),
            ("zh-SG", Lang::ZhHans),
            ("zh-Hans-CN", Lang::ZhHans),
        ] {
            assert_eq!(Lang::from_tag(tag), Some(want), "{tag}");
        }
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag("../etc"), None);
    }

    #[test]
    fn accept_language_negotiation() {
        for (header, want) in [
            ("ko", Lang::Ko),
            ("ko-KR,ko;q=0.9,en-US;q=0.8", Lang::Ko),
            ("zh-TW,zh;q=0.9", Lang::ZhHant),
            ("zh-CN", Lang::ZhHans),
            ("zh", Lang::ZhHans),
            ("fr-FR, en;q=0.5", Lang::En),
            ("en;q=0.1, ko;q=0.9", Lang::Ko),
            ("en;q=0, ko;q=0.2", Lang::Ko),
            ("*", Lang::Ja),
            ("fr, de", Lang::Ja),
            ("", Lang::Ja),
            ("@@@;q=zz,,,;;", Lang::Ja),
            ("en;q=1.5", Lang::Ja),
            ("en-GB", Lang::En),
            ("ja-JP", Lang::Ja),
        ] {
            assert_eq!(negotiate_accept_language(header), want, "{header:?}");
        }
    }

    #[test]
    fn huge_header_is_bounded() {
        let header = "xx-YY;q=0.5,".repeat(2000) + "ko";
        // Only the first entries count; none of them is served.
        assert_eq!(negotiate_accept_language(&header), Lang::Ja);
    }

    #[test]
    fn quality_parsing() {
        assert_eq!(parse_quality("1"), Some(1000));
        assert_eq!(parse_quality("1.000"), Some(1000));
        assert_eq!(parse_quality("0.5"), Some(500));
        assert_eq!(parse_quality("0.123"), Some(123));
        assert_eq!(parse_quality("0.1234"), None);
        assert_eq!(parse_quality("2"), None);
        assert_eq!(parse_quality("abc"), None);
    }

    #[test]
    fn embedded_locales_load_and_count_fallbacks() {
        let locales = Locales::embedded().unwrap();
        assert_eq!(locales.t(Lang::Ja, "contact-heading"), "照会先");
        assert_eq!(locales.fallbacks(), 0);
        assert_eq!(locales.t(Lang::En, "no-such-message"), "no-such-message");
        assert_eq!(locales.fallbacks(), 1);
    }
}
