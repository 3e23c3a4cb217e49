//! Languages, Fluent bundles and language negotiation.
//!
//! [`Lang`] names a language (a canonical BCP 47 tag); [`Languages`] is
//! what one server serves, from its configuration, and answers every
//! question about it: URL prefixes, endonyms, aliases, negotiation,
//! hreflang. [`Locales`] holds every UI string of every language that has a
//! locale directory; a served language without one gets English chrome.

mod lang;
mod languages;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

pub use lang::{Lang, Script, TagError, canonical_tag, is_han, is_kana};
pub use languages::{Language, Languages, LanguagesError};

#[derive(Debug, thiserror::Error)]
pub enum LocaleError {
    #[error("locale file {file} does not parse: {errors}")]
    Parse { file: String, errors: String },
    #[error("locale {lang}: {message}")]
    Bundle { lang: Lang, message: String },
    #[error("locale {0} has no .ftl files")]
    Missing(Lang),
}

/// Every UI string in every language that has a locale directory. A
/// language without one speaks English chrome ([`Locales::chrome`]).
/// Lookups that fail are counted, logged and answered from English (from
/// Japanese for Japanese), so a missing translation degrades the page
/// instead of breaking it, and tests can assert that it never happens.
pub struct Locales {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
    /// The file names each locale has (`editor.ftl` makes an editor language).
    files: HashMap<Lang, HashSet<String>>,
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

/// The .ftl files compiled into the binary, as (language, file name, text):
/// one directory per language, named by its tag.
pub fn embedded_ftl() -> Vec<(Lang, &'static str, &'static str)> {
    let mut files = Vec::new();
    for dir in crate::embedded::LOCALES.dirs() {
        let Some(lang) = dir
            .path()
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|name| Lang::parse(name).ok())
        else {
            continue;
        };
        for file in dir.files() {
            let name = file.path().file_name().and_then(|n| n.to_str());
            if let (Some(name), Some(text)) = (name, file.contents_utf8()) {
                if name.ends_with(".ftl") {
                    files.push((lang, name, text));
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
        let mut files: HashMap<Lang, HashSet<String>> = HashMap::new();
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
                // Bidi isolation marks would only show up as stray
                // characters in titles and attributes.
                bundle.set_use_isolating(false);
                bundle
            });
            bundle
                .add_resource(resource)
                .map_err(|errors| LocaleError::Bundle {
                    lang,
                    message: format!("{errors:?}"),
                })?;
            files.entry(lang).or_default().insert(name);
        }
        // Japanese is every page's original and English every other
        // language's fallback chrome.
        for lang in [Lang::Ja, Lang::En] {
            if !bundles.contains_key(&lang) {
                return Err(LocaleError::Missing(lang));
            }
        }
        Ok(Self {
            bundles,
            files,
            fallbacks: AtomicU64::new(0),
        })
    }

    /// Whether `lang` has a locale of its own.
    pub fn has_locale(&self, lang: Lang) -> bool {
        self.bundles.contains_key(&lang)
    }

    /// Whether `lang`'s locale has the translators' editor strings.
    pub fn has_editor(&self, lang: Lang) -> bool {
        self.files
            .get(&lang)
            .is_some_and(|files| files.contains("editor.ftl"))
    }

    /// Whether `lang`'s own locale has the message `id` (no chrome
    /// substitution, no fallback, nothing counted).
    pub fn has_message(&self, lang: Lang, id: &str) -> bool {
        self.bundles
            .get(&lang)
            .is_some_and(|bundle| bundle.has_message(id))
    }

    /// The language `lang`'s page chrome is written in: its own, or English
    /// for a language configured without a locale.
    pub fn chrome(&self, lang: Lang) -> Lang {
        if self.has_locale(lang) {
            lang
        } else {
            Lang::En
        }
    }

    /// A message without arguments, in `lang`'s chrome language.
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
        let lang = self.chrome(lang);
        match self.try_format(lang, id, args) {
            Ok(text) => text,
            Err(problem) => {
                self.fallbacks.fetch_add(1, Ordering::Relaxed);
                tracing::warn!(lang = %lang, message_id = id, %problem, "UI string fell back");
                let fallback = if matches!(lang, Lang::Ja | Lang::JaEasy) {
                    Lang::Ja
                } else {
                    Lang::En
                };
                for other in [fallback, Lang::Ja] {
                    if other != lang {
                        if let Ok(text) = self.try_format(other, id, args) {
                            return text;
                        }
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
    fn embedded_locales_load_and_count_fallbacks() {
        let locales = Locales::embedded().unwrap();
        assert_eq!(locales.t(Lang::Ja, "contact-heading"), "照会先");
        assert_eq!(locales.fallbacks(), 0);
        assert_eq!(locales.t(Lang::En, "no-such-message"), "no-such-message");
        assert_eq!(locales.fallbacks(), 1);
    }

    #[test]
    fn a_language_without_a_locale_speaks_english_chrome() {
        let locales = Locales::embedded().unwrap();
        let de = Lang::parse("de").unwrap();
        assert!(!locales.has_locale(de));
        assert_eq!(locales.chrome(de), Lang::En);
        assert_eq!(
            locales.t(de, "contact-heading"),
            locales.t(Lang::En, "contact-heading")
        );
        assert_eq!(locales.fallbacks(), 0);
        assert!(locales.has_editor(Lang::Ko));
        assert!(!locales.has_message(de, "contact-heading"));
    }
}
