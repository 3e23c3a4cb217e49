//! [`Languages`]: the languages one server serves, built from its
//! `[languages]` configuration and checked at start-up.
//!
//! Every place that once listed "all languages" asks this registry: the
//! switcher, hreflang, the pre-rendered pages, bundled translations,
//! negotiation, the API's language list, the editor, the J-SERVER alias,
//! `warm`. The App owns it, so two servers in one process may serve
//! different languages; [`super::Lang`] only names a language.
//!
//! Negotiation is RFC 4647 lookup over the served tags and their aliases:
//! a requested tag is tried whole, then with its last subtag cut off, until
//! it matches (`fil-PH` → `fil`, `my-MM` → `my`, `zh-Hant-TW` → `zh-Hant`,
//! `pt-PT` → `pt`, an alias of `pt-BR`).

use std::collections::HashMap;

use crate::config::{Config, LanguageConfig, PROVIDER_NAMES, ProviderCodes, TextDirection};

use super::lang::{Lang, Script, TagError, canonical_tag};

/// URL first segments that belong to the service, not to a language.
const RESERVED_PREFIXES: [&str; 10] = [
    "api",
    "assets",
    "favicon.ico",
    "feedback",
    "healthz",
    "metrics",
    "proxy",
    "readyz",
    "set-language",
    "translators",
];

/// At most this many Accept-Language entries are considered: a header of
/// thousands of tags is either a mistake or an attack, and the first few carry
/// the reader's preference.
const MAX_ACCEPT_LANGUAGE_ENTRIES: usize = 32;

/// One served language.
#[derive(Debug, Clone)]
pub struct Language {
    pub lang: Lang,
    /// The first path segment of its pages.
    pub prefix: String,
    /// Its name in itself.
    pub endonym: String,
    /// Its name in English.
    pub name: String,
    pub dir: TextDirection,
    /// False: its pages say `noindex` and it is not in hreflang.
    pub index: bool,
    /// The `lang` attribute of its pages: the tag, but `ja` for Easy
    /// Japanese, which no browser or screen reader knows by its own tag.
    pub html_lang: &'static str,
    /// Canonical tags that mean this language.
    pub aliases: Vec<String>,
    /// The providers tried for it, in order, where it has its own order;
    /// `providers.order` otherwise.
    pub chain: Option<Vec<String>>,
    /// Provider codes as configured (the adapters derive the rest).
    pub codes: ProviderCodes,
}

impl Language {
    /// Easy Japanese is Japanese for browsers and screen readers, so it
    /// cannot be told apart in hreflang.
    pub fn in_hreflang(&self) -> bool {
        self.index && self.lang != Lang::JaEasy
    }
}

/// A configuration mistake in `[languages]`, naming the key to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("config key `{key}` {problem}")]
pub struct LanguagesError {
    pub key: String,
    pub problem: String,
}

fn problem(key: impl Into<String>, problem: impl Into<String>) -> LanguagesError {
    LanguagesError {
        key: key.into(),
        problem: problem.into(),
    }
}

/// The served languages: Japanese first, then the targets in the
/// switcher's order.
#[derive(Debug, Clone)]
pub struct Languages {
    all: Vec<Language>,
    by_lang: HashMap<Lang, usize>,
    by_prefix: HashMap<String, usize>,
    /// Canonical tags (served tags and aliases) to what they mean.
    by_tag: HashMap<String, Lang>,
}

impl Languages {
    /// Builds and checks the registry from a loaded configuration.
    pub fn from_config(config: &Config) -> Result<Self, LanguagesError> {
        let languages = &config.languages;
        let mut known: HashMap<String, LanguageConfig> = HashMap::new();
        for (key, entry) in &languages.known {
            let tag = canonical_tag(key).map_err(|e| {
                problem(
                    format!("languages.known.{key}"),
                    format!("is not a language: {e}"),
                )
            })?;
            let merged = match known.get(&tag) {
                Some(previous) => previous.overlaid(entry),
                None => entry.clone(),
            };
            known.insert(tag, merged);
        }
        let mut all = vec![Language {
            lang: Lang::SOURCE,
            prefix: Lang::SOURCE.code().to_owned(),
            endonym: "日本語".to_owned(),
            name: "Japanese".to_owned(),
            dir: TextDirection::Ltr,
            index: true,
            html_lang: Lang::SOURCE.code(),
            aliases: Vec::new(),
            chain: None,
            codes: ProviderCodes::default(),
        }];
        for raw in &languages.targets {
            let lang = Lang::parse(raw).map_err(|e| tag_problem("languages.targets", &e))?;
            let tag = lang.code();
            if lang.is_source() {
                return Err(problem(
                    "languages.targets",
                    "lists ja, the original: only target languages belong there",
                ));
            }
            if all.iter().any(|l| l.lang == lang) {
                return Err(problem("languages.targets", format!("lists {tag} twice")));
            }
            let key = format!("languages.known.{tag}");
            let Some(entry) = known.get(tag) else {
                return Err(problem(
                    "languages.targets",
                    format!(
                        "lists {tag}, which has no entry: add [languages.known] {} = {{ endonym = \"…\" }}",
                        toml_key(tag)
                    ),
                ));
            };
            let endonym = entry
                .endonym
                .as_deref()
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .ok_or_else(|| {
                    problem(
                        format!("{key}.endonym"),
                        "is missing: the switcher shows it",
                    )
                })?
                .to_owned();
            let chain = entry.chain.clone();
            for name in chain.iter().flatten() {
                if !PROVIDER_NAMES.contains(&name.as_str()) {
                    return Err(problem(
                        format!("{key}.chain"),
                        format!(
                            "{name:?} is not a provider; use {}",
                            PROVIDER_NAMES.join(", ")
                        ),
                    ));
                }
            }
            let chain = match chain {
                // Only a language model writes Easy Japanese.
                None if lang == Lang::JaEasy => Some(vec!["openai".to_owned()]),
                other => other,
            };
            if lang == Lang::JaEasy && chain.iter().flatten().any(|n| n != "openai") {
                return Err(problem(
                    format!("{key}.chain"),
                    "may only name openai: no translation service writes やさしい日本語",
                ));
            }
            for provider in ["deepl", "google", "azure", "libretranslate"] {
                if lang == Lang::JaEasy && entry.codes.get(provider).is_some() {
                    return Err(problem(
                        format!("{key}.codes.{provider}"),
                        "cannot be set: only openai writes やさしい日本語",
                    ));
                }
            }
            let dir = entry.dir.unwrap_or(match lang.script() {
                Some(Script::Arabic | Script::Hebrew) => TextDirection::Rtl,
                _ => TextDirection::Ltr,
            });
            let mut aliases = Vec::new();
            for alias in &entry.aliases {
                let canonical =
                    canonical_tag(alias).map_err(|e| tag_problem(&format!("{key}.aliases"), &e))?;
                aliases.push(canonical);
            }
            all.push(Language {
                lang,
                prefix: entry.prefix.clone().unwrap_or_else(|| tag.to_owned()),
                endonym,
                name: entry
                    .name
                    .clone()
                    .filter(|n| !n.trim().is_empty())
                    .unwrap_or_else(|| tag.to_owned()),
                dir,
                index: entry.index.unwrap_or(true),
                html_lang: if lang == Lang::JaEasy {
                    Lang::SOURCE.code()
                } else {
                    tag
                },
                aliases,
                chain,
                codes: entry.codes.clone(),
            });
        }
        Self::index(all, &config.fetch.jserver_prefix)
    }

    /// The registry of the built-in defaults (`config/default.toml`), for
    /// tests and examples.
    pub fn defaults() -> Self {
        let config = Config::load_with_env(None, Vec::new(), &Default::default());
        match config
            .map_err(|e| e.to_string())
            .and_then(|c| Self::from_config(&c).map_err(|e| e.to_string()))
        {
            Ok(languages) => languages,
            // The defaults are checked by the unit tests; a broken default
            // file still leaves Japanese.
            Err(error) => {
                tracing::error!(%error, "the default languages do not load");
                Self::index(Vec::new(), "").unwrap_or_else(|_| Self {
                    all: Vec::new(),
                    by_lang: HashMap::new(),
                    by_prefix: HashMap::new(),
                    by_tag: HashMap::new(),
                })
            }
        }
    }

    fn index(all: Vec<Language>, jserver_prefix: &str) -> Result<Self, LanguagesError> {
        let mut by_lang = HashMap::new();
        let mut by_prefix: HashMap<String, usize> = HashMap::new();
        let mut by_tag: HashMap<String, Lang> = HashMap::new();
        for (i, language) in all.iter().enumerate() {
            let key = format!("languages.known.{}.prefix", language.lang);
            let prefix = &language.prefix;
            let valid = !prefix.is_empty()
                && prefix
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !valid {
                return Err(problem(
                    key,
                    format!("{prefix:?} must be one path segment of letters, digits, '-' or '_'"),
                ));
            }
            if RESERVED_PREFIXES.contains(&prefix.as_str()) || prefix == jserver_prefix {
                return Err(problem(
                    key,
                    format!(
                        "{prefix:?} is a path of the service itself (or fetch.jserver_prefix); choose another"
                    ),
                ));
            }
            if let Some(&other) = by_prefix.get(prefix) {
                return Err(problem(
                    key,
                    format!(
                        "{prefix:?} is also the prefix of {}: every language needs its own",
                        all[other].lang
                    ),
                ));
            }
            by_prefix.insert(prefix.clone(), i);
            by_lang.insert(language.lang, i);
            by_tag.insert(language.lang.code().to_owned(), language.lang);
        }
        for language in &all {
            for alias in &language.aliases {
                let key = format!("languages.known.{}.aliases", language.lang);
                match by_tag.get(alias) {
                    Some(&other) if other == language.lang => {}
                    Some(&other) if other.code() == alias => {
                        return Err(problem(
                            key,
                            format!("names {alias}, which is a served language of its own"),
                        ));
                    }
                    Some(&other) => {
                        return Err(problem(
                            key,
                            format!("names {alias}, which is already an alias of {other}"),
                        ));
                    }
                    None => {
                        by_tag.insert(alias.clone(), language.lang);
                    }
                }
            }
        }
        Ok(Self {
            all,
            by_lang,
            by_prefix,
            by_tag,
        })
    }

    /// Japanese, then the targets, in the switcher's order.
    pub fn all(&self) -> &[Language] {
        &self.all
    }

    pub fn targets(&self) -> impl Iterator<Item = &Language> {
        self.all.iter().filter(|l| !l.lang.is_source())
    }

    pub fn target_langs(&self) -> Vec<Lang> {
        self.targets().map(|l| l.lang).collect()
    }

    pub fn langs(&self) -> Vec<Lang> {
        self.all.iter().map(|l| l.lang).collect()
    }

    pub fn get(&self, lang: Lang) -> Option<&Language> {
        self.by_lang.get(&lang).and_then(|&i| self.all.get(i))
    }

    pub fn is_served(&self, lang: Lang) -> bool {
        self.by_lang.contains_key(&lang)
    }

    pub fn is_target(&self, lang: Lang) -> bool {
        !lang.is_source() && self.is_served(lang)
    }

    /// The URL prefix of `lang` (its tag when it is not served).
    pub fn prefix(&self, lang: Lang) -> &str {
        self.get(lang).map_or(lang.code(), |l| l.prefix.as_str())
    }

    /// The language's name in itself (its tag when it is not served).
    pub fn endonym(&self, lang: Lang) -> &str {
        self.get(lang).map_or(lang.code(), |l| l.endonym.as_str())
    }

    /// The `lang` attribute for text in `lang`.
    pub fn html_lang(&self, lang: Lang) -> &'static str {
        self.get(lang).map_or(lang.code(), |l| l.html_lang)
    }

    /// The language whose URL prefix is exactly `prefix` (case-sensitive, as
    /// URLs are).
    pub fn by_prefix(&self, prefix: &str) -> Option<Lang> {
        self.by_prefix
            .get(prefix)
            .and_then(|&i| self.all.get(i))
            .map(|l| l.lang)
    }

    /// The language whose canonical tag is exactly `tag` (a cookie's value).
    pub fn by_code(&self, tag: &str) -> Option<Lang> {
        self.all
            .iter()
            .find(|l| l.lang.code() == tag)
            .map(|l| l.lang)
    }

    /// Any tag a reader or a link might use, mapped to the served language
    /// for it by RFC 4647 lookup over the served tags and their aliases.
    ///
    /// ```
    /// use honyaku::i18n::{Lang, Languages};
    /// let languages = Languages::defaults();
    /// assert_eq!(languages.resolve("zh-TW"), Some(Lang::ZhHant));
    /// assert_eq!(languages.resolve("zh-CN"), Some(Lang::ZhHans));
    /// assert_eq!(languages.resolve("en-GB"), Some(Lang::En));
    /// assert_eq!(languages.resolve("fr"), None);
    /// ```
    pub fn resolve(&self, tag: &str) -> Option<Lang> {
        let canonical = canonical_tag(tag).ok()?;
        self.lookup(&canonical, |_| true)
    }

    /// [`Languages::resolve`] for target languages only.
    pub fn resolve_target(&self, tag: &str) -> Option<Lang> {
        let canonical = canonical_tag(tag).ok()?;
        self.lookup(&canonical, |l| !l.is_source())
    }

    /// `canonical`, then each shorter prefix of it, against the served tags
    /// and aliases, keeping only languages `accept` takes.
    fn lookup(&self, canonical: &str, accept: impl Fn(Lang) -> bool) -> Option<Lang> {
        let mut candidate = canonical;
        loop {
            if let Some(&lang) = self.by_tag.get(candidate) {
                if accept(lang) {
                    return Some(lang);
                }
            }
            // A private-use part goes whole, as RFC 4647 §3.4 says of
            // single-letter subtags.
            let cut = candidate.rfind('-')?;
            candidate = candidate.get(..cut)?;
            if candidate.ends_with("-x") {
                candidate = candidate.get(..candidate.len() - 2)?;
            }
        }
    }

    /// Picks the reader's language from an Accept-Language header: entries
    /// sorted by q-value (stable, so equal weights keep their order), each
    /// looked up as in [`Languages::resolve`]. Anything unusable yields
    /// Japanese, the original.
    ///
    /// ```
    /// use honyaku::i18n::{Lang, Languages};
    /// let languages = Languages::defaults();
    /// assert_eq!(languages.negotiate("fr-FR, ko;q=0.8, en;q=0.5"), Lang::Ko);
    /// assert_eq!(languages.negotiate("zh-HK"), Lang::ZhHant);
    /// assert_eq!(languages.negotiate("*"), Lang::Ja);
    /// ```
    pub fn negotiate(&self, header: &str) -> Lang {
        let served = self.langs();
        self.negotiate_among(header, &served, Lang::SOURCE)
    }

    /// [`Languages::negotiate`] for a surface that speaks only some of the
    /// languages (the translators' editor), with its own default.
    ///
    /// ```
    /// use honyaku::i18n::{Lang, Languages};
    /// let languages = Languages::defaults();
    /// let ui = [Lang::Ja, Lang::En];
    /// assert_eq!(languages.negotiate_among("ko, ja;q=0.5", &ui, Lang::En), Lang::Ja);
    /// assert_eq!(languages.negotiate_among("ko", &ui, Lang::En), Lang::En);
    /// ```
    pub fn negotiate_among(&self, header: &str, available: &[Lang], default: Lang) -> Lang {
        let mut weighted: Vec<(String, u16)> = Vec::new();
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
            let Ok(canonical) = canonical_tag(tag) else {
                continue;
            };
            weighted.push((canonical, quality));
        }
        weighted.sort_by_key(|entry| std::cmp::Reverse(entry.1));
        weighted
            .iter()
            .find_map(|(tag, _)| self.lookup(tag, |l| available.contains(&l)))
            .unwrap_or(default)
    }
}

fn tag_problem(key: &str, error: &TagError) -> LanguagesError {
    problem(key, error.to_string())
}

/// A tag as a TOML key: quoted when it has a hyphen.
fn toml_key(tag: &str) -> String {
    if tag.contains('-') {
        format!("\"{tag}\"")
    } else {
        tag.to_owned()
    }
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::config::Overrides;

    fn load(toml: &str, env: &[(&str, &str)]) -> Result<Languages, String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, toml).unwrap();
        let env = env
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect::<Vec<_>>();
        let config = Config::load_with_env(Some(&path), env, &Overrides::default())
            .map_err(|e| e.to_string())?;
        Languages::from_config(&config).map_err(|e| e.to_string())
    }

    const ALL_SHIPPED: &str = "[languages]\ntargets = [\"en\", \"zh-Hans\", \"zh-Hant\", \"ko\", \"vi\", \"fil\", \"pt-BR\", \"ne\", \"id\", \"my\", \"th\", \"es\", \"ja-x-easy\"]\n";

    #[test]
    fn the_defaults_are_the_five_languages() {
        let languages = Languages::defaults();
        let codes: Vec<&str> = languages.all().iter().map(|l| l.lang.code()).collect();
        assert_eq!(codes, ["ja", "en", "zh-Hans", "zh-Hant", "ko"]);
        for language in languages.all() {
            assert_eq!(language.prefix, language.lang.code());
            assert_eq!(languages.by_prefix(&language.prefix), Some(language.lang));
            assert_eq!(languages.resolve(language.lang.code()), Some(language.lang));
            assert!(language.in_hreflang());
        }
        assert_eq!(languages.endonym(Lang::ZhHant), "繁體中文");
        assert_eq!(
            languages.target_langs(),
            [Lang::En, Lang::ZhHans, Lang::ZhHant, Lang::Ko]
        );
    }

    #[test]
    fn chinese_aliases() {
        let languages = Languages::defaults();
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
            assert_eq!(languages.resolve(tag), Some(want), "{tag}");
        }
        assert_eq!(languages.resolve("fr"), None);
        assert_eq!(languages.resolve("../etc"), None);
    }

    #[test]
    fn accept_language_negotiation() {
        let languages = Languages::defaults();
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
            assert_eq!(languages.negotiate(header), want, "{header:?}");
        }
        // Only the first entries count; none of them is served.
        let header = "xx-YY;q=0.5,".repeat(2000) + "ko";
        assert_eq!(languages.negotiate(&header), Lang::Ja);
    }

    #[test]
    fn the_new_languages_negotiate_by_their_aliases_and_subtags() {
        let languages = load(ALL_SHIPPED, &[]).unwrap();
        let pt_br = Lang::find("pt-BR").unwrap();
        let fil = Lang::find("fil").unwrap();
        let es = Lang::find("es").unwrap();
        let my = Lang::find("my").unwrap();
        for (header, want) in [
            ("pt", pt_br),
            ("pt-PT", pt_br),
            ("pt-BR,pt;q=0.9", pt_br),
            ("tl", fil),
            ("fil-PH", fil),
            ("es-419", es),
            ("es-MX,es;q=0.8", es),
            ("my-MM", my),
            ("vi-VN", Lang::find("vi").unwrap()),
            ("th-TH", Lang::find("th").unwrap()),
            ("ne-NP", Lang::find("ne").unwrap()),
            ("id-ID", Lang::find("id").unwrap()),
            ("ja-x-easy", Lang::JaEasy),
            ("ja", Lang::Ja),
            ("de-DE, fr;q=0.9, sw;q=0.5", Lang::Ja),
            ("xx, yy-ZZ;q=0.5", Lang::Ja),
        ] {
            assert_eq!(languages.negotiate(header), want, "{header:?}");
        }
    }

    #[test]
    fn a_configured_language_needs_only_an_endonym() {
        let languages = load(
            "[languages]\ntargets = [\"en\", \"de\"]\n[languages.known]\nde = { endonym = \"Deutsch\" }\n",
            &[],
        )
        .unwrap();
        let de = Lang::find("de").unwrap();
        let entry = languages.get(de).unwrap();
        assert_eq!(entry.prefix, "de");
        assert_eq!(entry.endonym, "Deutsch");
        assert_eq!(entry.dir, TextDirection::Ltr);
        assert!(entry.index);
        assert_eq!(entry.chain, None, "providers.order");
        assert_eq!(languages.target_langs(), [Lang::En, de]);
        // Removed from targets, a language is not served anywhere.
        assert!(!languages.is_served(Lang::Ko));
        assert_eq!(languages.resolve("ko"), None);
        assert_eq!(languages.by_prefix("ko"), None);
        assert_eq!(languages.resolve("zh-TW"), None);
    }

    #[test]
    fn easy_japanese_has_its_own_prefix_and_is_japanese_for_browsers() {
        let languages = load(ALL_SHIPPED, &[]).unwrap();
        let easy = languages.get(Lang::JaEasy).unwrap();
        assert_eq!(easy.prefix, "easy");
        assert_eq!(easy.html_lang, "ja");
        assert_eq!(easy.chain.as_deref(), Some(&["openai".to_owned()][..]));
        assert!(!easy.in_hreflang());
        assert_eq!(languages.by_prefix("easy"), Some(Lang::JaEasy));
    }

    #[test]
    fn mistakes_are_named_by_key() {
        for (toml, key, words) in [
            (
                "[languages]\ntargets = [\"en\", \"português\"]\n",
                "languages.targets",
                "not a BCP 47",
            ),
            (
                "[languages]\ntargets = [\"en\", \"de\"]\n",
                "languages.targets",
                "no entry",
            ),
            (
                "[languages]\ntargets = [\"en\", \"en\"]\n",
                "languages.targets",
                "twice",
            ),
            (
                "[languages]\ntargets = [\"ja\"]\n",
                "languages.targets",
                "original",
            ),
            (
                "[languages]\ntargets = [\"en\", \"de\"]\n[languages.known]\nde = { name = \"German\" }\n",
                "languages.known.de.endonym",
                "missing",
            ),
            (
                "[languages]\ntargets = [\"en\", \"de\"]\n[languages.known]\nde = { endonym = \"Deutsch\", prefix = \"en\" }\n",
                "languages.known.de.prefix",
                "also the prefix of en",
            ),
            (
                "[languages]\ntargets = [\"en\", \"de\"]\n[languages.known]\nde = { endonym = \"Deutsch\", prefix = \"proxy\" }\n",
                "languages.known.de.prefix",
                "service itself",
            ),
            (
                "[languages]\ntargets = [\"en\", \"de\"]\n[languages.known]\nde = { endonym = \"Deutsch\", prefix = \"d/e\" }\n",
                "languages.known.de.prefix",
                "one path segment",
            ),
            (
                "[languages]\ntargets = [\"en\", \"de\"]\n[languages.known]\nde = { endonym = \"Deutsch\", aliases = [\"en-DE\", \"de AT\"] }\n",
                "languages.known.de.aliases",
                "not a BCP 47",
            ),
            (
                "[languages]\ntargets = [\"en\", \"de\"]\n[languages.known]\nde = { endonym = \"Deutsch\", aliases = [\"en\"] }\n",
                "languages.known.de.aliases",
                "served language of its own",
            ),
            (
                "[languages]\ntargets = [\"zh-Hans\", \"de\"]\n[languages.known]\nde = { endonym = \"Deutsch\", aliases = [\"zh-CN\"] }\n",
                "languages.known.de.aliases",
                "already an alias of zh-Hans",
            ),
            (
                "[languages]\ntargets = [\"en\", \"de\"]\n[languages.known]\nde = { endonym = \"Deutsch\", chain = [\"bing\"] }\n",
                "languages.known.de.chain",
                "not a provider",
            ),
            (
                "[languages]\ntargets = [\"ja-x-easy\"]\n[languages.known]\n\"ja-x-easy\" = { chain = [\"deepl\", \"openai\"] }\n",
                "languages.known.ja-x-easy.chain",
                "only name openai",
            ),
            (
                "[languages.known]\n\"not a tag\" = { endonym = \"x\" }\n",
                "languages.known.not a tag",
                "not a language",
            ),
        ] {
            let err = load(toml, &[]).unwrap_err();
            assert!(err.contains(key) && err.contains(words), "{toml}: {err}");
        }
        let err = load(
            "[languages]\ntargets = [\"en\", \"de\"]\n[languages.known]\nde = { endonym = \"Deutsch\" }\n[fetch]\njserver_prefix = \"de\"\n",
            &[],
        )
        .unwrap_err();
        assert!(err.contains("service itself"), "{err}");
    }

    #[test]
    fn environment_keys_in_lower_case_overlay_the_file() {
        let languages = load(
            ALL_SHIPPED,
            &[("HONYAKU__LANGUAGES__KNOWN__PT-BR__INDEX", "false")],
        )
        .unwrap();
        let pt = languages.get(Lang::find("pt-BR").unwrap()).unwrap();
        assert!(!pt.index);
        assert_eq!(pt.endonym, "Português (Brasil)");
        assert_eq!(pt.aliases, ["pt"]);
    }
}
