//! `[languages]`: which languages pages are translated into, and what
//! honyaku needs to know about each. These are the typed settings only;
//! `crate::i18n::Languages` checks them (tags, prefixes, aliases, chains)
//! and is what the rest of the service asks.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguagesConfig {
    /// The target languages, in the language switcher's order (Japanese,
    /// the source, comes first). Each needs an entry in `known`.
    pub targets: Vec<String>,
    /// What honyaku knows about each language it can serve, by BCP 47 tag.
    #[serde(default)]
    pub known: BTreeMap<String, LanguageConfig>,
}

/// One language. Everything but the endonym has a default.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageConfig {
    /// The language's name in itself, as the switcher shows it.
    #[serde(default)]
    pub endonym: Option<String>,
    /// Its name in English, for logs and the model prompt.
    #[serde(default)]
    pub name: Option<String>,
    /// The URL prefix (`/{prefix}/…`); the tag by default.
    #[serde(default)]
    pub prefix: Option<String>,
    /// `ltr` or `rtl`; by default what the language's script writes.
    #[serde(default)]
    pub dir: Option<TextDirection>,
    /// Whether its machine-translated pages may be indexed: `false` adds
    /// `noindex` and leaves the language out of hreflang.
    #[serde(default)]
    pub index: Option<bool>,
    /// Other tags a reader or a link may use that mean this language
    /// (`pt` for `pt-BR`, `tl` for `fil`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The providers tried for this language, in order; `providers.order`
    /// by default.
    #[serde(default)]
    pub chain: Option<Vec<String>>,
    /// What each provider calls this language, where the default derived
    /// from the tag and the provider's table is not right.
    #[serde(default)]
    pub codes: ProviderCodes,
}

/// Per-provider codes: DeepL `target_lang`, Google and Azure `to`/`target`,
/// LibreTranslate `target`, and for the OpenAI-compatible adapter the name
/// the prompt gives the language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderCodes {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deepl: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub google: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub azure: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub libretranslate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openai: Option<String>,
}

impl ProviderCodes {
    /// The configured code for the provider named `provider`.
    pub fn get(&self, provider: &str) -> Option<&str> {
        match provider {
            "deepl" => self.deepl.as_deref(),
            "google" => self.google.as_deref(),
            "azure" => self.azure.as_deref(),
            "libretranslate" => self.libretranslate.as_deref(),
            "openai" => self.openai.as_deref(),
            _ => None,
        }
        .map(str::trim)
        .filter(|c| !c.is_empty())
    }

    /// `other`'s codes where it has one, ours elsewhere.
    pub fn overlaid(&self, other: &ProviderCodes) -> ProviderCodes {
        let pick = |a: &Option<String>, b: &Option<String>| b.clone().or_else(|| a.clone());
        ProviderCodes {
            deepl: pick(&self.deepl, &other.deepl),
            google: pick(&self.google, &other.google),
            azure: pick(&self.azure, &other.azure),
            libretranslate: pick(&self.libretranslate, &other.libretranslate),
            openai: pick(&self.openai, &other.openai),
        }
    }
}

impl LanguageConfig {
    /// `other`'s settings where it has them, ours elsewhere: two entries
    /// for one tag (the environment writes keys lower-case, so
    /// `HONYAKU__LANGUAGES__KNOWN__PT-BR__…` arrives as `pt-br` beside the
    /// default file's `pt-BR`) are read as one.
    pub fn overlaid(&self, other: &LanguageConfig) -> LanguageConfig {
        LanguageConfig {
            endonym: other.endonym.clone().or_else(|| self.endonym.clone()),
            name: other.name.clone().or_else(|| self.name.clone()),
            prefix: other.prefix.clone().or_else(|| self.prefix.clone()),
            dir: other.dir.or(self.dir),
            index: other.index.or(self.index),
            aliases: if other.aliases.is_empty() {
                self.aliases.clone()
            } else {
                other.aliases.clone()
            },
            chain: other.chain.clone().or_else(|| self.chain.clone()),
            codes: self.codes.overlaid(&other.codes),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextDirection {
    Ltr,
    Rtl,
}

impl TextDirection {
    pub fn as_str(self) -> &'static str {
        match self {
            TextDirection::Ltr => "ltr",
            TextDirection::Rtl => "rtl",
        }
    }
}
