//! Typed configuration, layered: the compiled-in `config/default.toml`, then an
//! optional `--config FILE`, then `HONYAKU__SECTION__KEY` environment variables,
//! then command-line flags. Every struct denies unknown fields so a misspelt key
//! is an error at start-up instead of a silently ignored setting.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

mod languages;

pub use languages::{LanguageConfig, LanguagesConfig, ProviderCodes, TextDirection};

use figment::Figment;
use figment::providers::{Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

/// The defaults, kept in one commented file that operators can read.
pub const DEFAULT_TOML: &str = include_str!("../../config/default.toml");

/// Prefix of the environment variables that override the configuration.
pub const ENV_PREFIX: &str = "HONYAKU__";

mod env;
mod secret;

use env::{describe_figment_error, env_provider};
pub use secret::{DatabaseUrl, Secret, StoreLocation};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub server: ServerConfig,
    pub log: LogConfig,
    pub content: ContentConfig,
    pub i18n: I18nConfig,
    pub languages: LanguagesConfig,
    pub http_cache: HttpCacheConfig,
    pub pages: PagesConfig,
    pub store: StoreConfig,
    pub providers: ProvidersConfig,
    pub cache: CacheConfig,
    pub budgets: BudgetsConfig,
    pub fetch: FetchConfig,
    pub api: ApiConfig,
    pub translators: TranslatorsConfig,
    pub feedback: FeedbackConfig,
    pub qa: QaConfig,
}

/// The QA gate of machine translations.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QaConfig {
    /// How long a unit the QA gate refused stays Japanese before a provider
    /// is asked for it again.
    pub refused_hold_secs: u64,
}

/// Translators' logins and editor sessions.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslatorsConfig {
    /// Failed logins (unknown tokens, on the API or the editor's form) one
    /// client address may make in `login_failure_window_secs`.
    pub login_failures: u32,
    pub login_failure_window_secs: u64,
    /// How long an editor session lasts after logging in.
    pub session_hours: u64,
}

/// Readers' reports of translation problems (the public form).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedbackConfig {
    /// Reports one client address may send in `address_window_secs`.
    pub reports_per_address: u32,
    pub address_window_secs: u64,
    /// Reports accepted from everyone together per hour.
    pub reports_per_hour: u32,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiConfig {
    #[serde(default)]
    pub clients: Vec<ApiClient>,
}

/// One site allowed to call the translation API.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiClient {
    pub name: String,
    /// Hex SHA-256 of the client's key.
    pub key_sha256: String,
    /// Browser origins allowed to call the API with this key (CORS).
    #[serde(default)]
    pub origins: Vec<String>,
    /// Requests per minute; 0 means no limit.
    #[serde(default)]
    pub requests_per_minute: u32,
    /// Characters of source text per UTC day; 0 means no limit.
    #[serde(default)]
    pub daily_characters: u64,
}

/// Outbound fetching of pages for the URL proxy (see `crate::fetch`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FetchConfig {
    /// Origins (scheme, host, optional port) that may be fetched; nothing
    /// else can be.
    #[serde(default)]
    pub allowed_origins: Vec<String>,
    /// Origins whose host may resolve to (or be) a private, loopback or
    /// otherwise non-public address. For tests against local servers only.
    #[serde(default)]
    pub allow_private_for: Vec<String>,
    pub connect_timeout_secs: u64,
    pub timeout_secs: u64,
    pub max_body_bytes: u64,
    pub max_redirects: u32,
    pub user_agent: String,
    /// First path segment of the J-SERVER links the ministry publishes today
    /// (`/{prefix}/ns/tl.cgi/{url}?SLANG=ja&TLANG=en`), answered as an alias
    /// of `/proxy/{lang}/{url}` so those links keep working unchanged.
    #[serde(default = "default_jserver_prefix")]
    pub jserver_prefix: String,
}

fn default_jserver_prefix() -> String {
    "LUCMHLW".into()
}

impl FetchConfig {
    fn validate(&self) -> Result<(), ConfigError> {
        let invalid =
            |key: &'static str, problem: String| Err(ConfigError::Invalid { key, problem });
        for (key, list) in [
            ("fetch.allowed_origins", &self.allowed_origins),
            ("fetch.allow_private_for", &self.allow_private_for),
        ] {
            for raw in list {
                if let Err(problem) = parse_origin(raw) {
                    return invalid(key, format!("entry {raw:?} {problem}"));
                }
            }
        }
        for raw in &self.allow_private_for {
            let origin = parse_origin(raw).map_err(|problem| ConfigError::Invalid {
                key: "fetch.allow_private_for",
                problem,
            })?;
            let listed = self
                .allowed_origins
                .iter()
                .any(|a| parse_origin(a).is_ok_and(|a| a == origin));
            if !listed {
                return invalid(
                    "fetch.allow_private_for",
                    format!(
                        "entry {raw:?} is not in fetch.allowed_origins; list it there too \
                         (allow_private_for only relaxes the address check)"
                    ),
                );
            }
        }
        if !(1..=300).contains(&self.connect_timeout_secs) {
            return invalid(
                "fetch.connect_timeout_secs",
                "must be between 1 and 300 seconds".into(),
            );
        }
        if !(1..=600).contains(&self.timeout_secs) {
            return invalid(
                "fetch.timeout_secs",
                "must be between 1 and 600 seconds".into(),
            );
        }
        if self.max_body_bytes == 0 {
            return invalid("fetch.max_body_bytes", "must be greater than 0".into());
        }
        // That it is no language's prefix is checked with the languages
        // (`crate::i18n::Languages`).
        if self.jserver_prefix.is_empty()
            || !self
                .jserver_prefix
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return invalid(
                "fetch.jserver_prefix",
                "must be one path segment of letters, digits, '-' or '_', and not a language code"
                    .into(),
            );
        }
        if self.max_redirects > 20 {
            return invalid("fetch.max_redirects", "must be at most 20".into());
        }
        if self.user_agent.trim().is_empty()
            || reqwest::header::HeaderValue::from_str(&self.user_agent).is_err()
        {
            return invalid(
                "fetch.user_agent",
                "must be a non-empty header value (visible ASCII)".into(),
            );
        }
        Ok(())
    }
}

/// Parses an origin as written in `[fetch]`: `http` or `https`, a host, an
/// optional port and nothing else (a trailing `/` is tolerated). The
/// returned origin has its host lower-cased and its default port made
/// explicit, so two spellings of one origin compare equal.
pub fn parse_origin(raw: &str) -> Result<url::Origin, String> {
    let parsed = url::Url::parse(raw.trim())
        .map_err(|e| format!("is not a URL ({e}); write it like \"https://www.mhlw.go.jp\""))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err("must use http or https".into());
    }
    if parsed.host().is_none() {
        return Err("has no host".into());
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err("must not contain a user name or password".into());
    }
    if parsed.path() != "/" || parsed.query().is_some() || parsed.fragment().is_some() {
        return Err("must be an origin only (scheme, host and port), without a path".into());
    }
    Ok(parsed.origin())
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetsConfig {
    #[serde(default)]
    pub daily: std::collections::BTreeMap<String, u64>,
    #[serde(default)]
    pub monthly: std::collections::BTreeMap<String, u64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CacheConfig {
    pub page_bytes: u64,
    pub unit_bytes: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerConfig {
    pub addr: SocketAddr,
    pub public_url: String,
    pub max_body_bytes: usize,
    pub request_timeout_secs: u64,
    pub shutdown_grace_secs: u64,
    /// Reverse proxies (exact addresses) whose `X-Forwarded-For` names the
    /// client; requests from anywhere else are taken at their socket address.
    #[serde(default)]
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogConfig {
    pub format: LogFormat,
    pub filter: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContentConfig {
    pub dir: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct I18nConfig {
    pub cookie_name: String,
    pub cookie_max_age_days: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpCacheConfig {
    pub page_max_age_secs: u32,
}

/// How translated pages (hosted and proxied) are answered while machine
/// translation is under way.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PagesConfig {
    /// A page is answered within this many milliseconds whatever the
    /// providers do; what is not translated by then is shown in Japanese,
    /// marked as on its way, and translated in the background.
    pub first_byte_budget_ms: u64,
    /// Translations that may go on in the background at once.
    pub background_translations: u32,
}

impl PagesConfig {
    pub fn first_byte_budget(&self) -> std::time::Duration {
        std::time::Duration::from_millis(self.first_byte_budget_ms)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoreConfig {
    pub url: DatabaseUrl,
}

/// Names of the providers honyaku has adapters for.
pub const PROVIDER_NAMES: [&str; 5] = ["deepl", "google", "azure", "libretranslate", "openai"];

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvidersConfig {
    pub order: Vec<String>,
    pub timeout_secs: u64,
    pub connect_timeout_secs: u64,
    pub max_retries: u32,
    pub retry_base_delay_ms: u64,
    pub retry_max_delay_ms: u64,
    pub circuit_open_secs: u64,
    pub max_concurrent_batches: usize,
    pub page_deadline_secs: u64,
    pub deepl: DeeplConfig,
    pub google: GoogleConfig,
    pub azure: AzureConfig,
    pub libretranslate: LibreTranslateConfig,
    pub openai: OpenAiConfig,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeeplConfig {
    pub auth_key: Secret,
    pub base_url: String,
    pub model_type: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoogleConfig {
    pub api_key: Secret,
    pub base_url: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AzureConfig {
    pub key: Secret,
    pub region: String,
    pub base_url: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LibreTranslateConfig {
    pub base_url: String,
    pub api_key: Secret,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenAiConfig {
    pub base_url: String,
    pub api_key: Secret,
    pub model: String,
    pub max_completion_tokens: u32,
}

impl ProvidersConfig {
    /// Whether the named provider has what it needs to be used.
    pub fn is_enabled(&self, name: &str) -> bool {
        match name {
            "deepl" => !self.deepl.auth_key.is_empty(),
            "google" => !self.google.api_key.is_empty(),
            "azure" => !self.azure.key.is_empty(),
            "libretranslate" => !self.libretranslate.base_url.is_empty(),
            "openai" => !self.openai.base_url.is_empty(),
            _ => false,
        }
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let invalid =
            |key: &'static str, problem: String| Err(ConfigError::Invalid { key, problem });
        let known = PROVIDER_NAMES.join(", ");
        for name in &self.order {
            if !PROVIDER_NAMES.contains(&name.as_str()) {
                return invalid(
                    "providers.order",
                    format!("{name:?} is not a provider; use {known}"),
                );
            }
        }
        // Per-language chains are `languages.known.<tag>.chain`, checked
        // with the languages.
        if self.timeout_secs == 0 || self.connect_timeout_secs == 0 {
            return invalid(
                "providers.timeout_secs",
                "timeouts must be at least 1 second".into(),
            );
        }
        if self.max_concurrent_batches == 0 {
            return invalid(
                "providers.max_concurrent_batches",
                "must be at least 1".into(),
            );
        }
        if self.retry_base_delay_ms > self.retry_max_delay_ms {
            return invalid(
                "providers.retry_base_delay_ms",
                "must not exceed providers.retry_max_delay_ms".into(),
            );
        }
        for (key, url) in [
            ("providers.deepl.base_url", &self.deepl.base_url),
            ("providers.google.base_url", &self.google.base_url),
            ("providers.azure.base_url", &self.azure.base_url),
            (
                "providers.libretranslate.base_url",
                &self.libretranslate.base_url,
            ),
            ("providers.openai.base_url", &self.openai.base_url),
        ] {
            if !url.is_empty() && !is_http_url(url) {
                return invalid(key, format!("must be an http(s) URL, got {url:?}"));
            }
        }
        if ![
            "",
            "latency_optimized",
            "quality_optimized",
            "prefer_quality_optimized",
        ]
        .contains(&self.deepl.model_type.as_str())
        {
            return invalid(
                "providers.deepl.model_type",
                "must be \"\", latency_optimized, quality_optimized or prefer_quality_optimized"
                    .into(),
            );
        }
        if self.is_enabled("openai") && self.openai.model.trim().is_empty() {
            return invalid(
                "providers.openai.model",
                "must name a model when providers.openai.base_url is set".into(),
            );
        }
        Ok(())
    }
}

fn is_http_url(raw: &str) -> bool {
    url::Url::parse(raw)
        .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    ReadFile {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Load(String),
    #[error("config key `{key}` {problem}")]
    Invalid { key: &'static str, problem: String },
}

/// What the command line may override on top of files and environment.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Overrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server: Option<ServerOverrides>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ServerOverrides {
    pub addr: SocketAddr,
}

impl Config {
    /// Loads defaults ▸ `file` ▸ the process environment ▸ `overrides`.
    pub fn load(file: Option<&Path>, overrides: &Overrides) -> Result<Self, ConfigError> {
        Self::load_with_env(file, std::env::vars(), overrides)
    }

    /// Like [`Config::load`] with an explicit environment, so tests do not have
    /// to mutate the process environment.
    pub fn load_with_env(
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
        overrides: &Overrides,
    ) -> Result<Self, ConfigError> {
        let mut figment = Figment::new().merge(Toml::string(DEFAULT_TOML));
        if let Some(path) = file {
            // figment ignores a missing file; a file named on the command line
            // that cannot be read is an operator error worth stopping for.
            std::fs::metadata(path).map_err(|source| ConfigError::ReadFile {
                path: path.to_owned(),
                source,
            })?;
            figment = figment.merge(Toml::file_exact(path));
        }
        let env: Vec<(String, String)> = env
            .into_iter()
            .filter(|(k, _)| k.starts_with(ENV_PREFIX))
            .collect();
        figment = figment.merge(env_provider(env));
        if overrides.server.is_some() {
            figment = figment.merge(Serialized::defaults(overrides));
        }
        let config: Config = figment.extract().map_err(describe_figment_error)?;
        config.validate()?;
        Ok(config)
    }

    /// Checks that go beyond types. Each message names the key and what to do.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let invalid =
            |key: &'static str, problem: String| Err(ConfigError::Invalid { key, problem });
        if !self.server.public_url.is_empty() {
            match url::Url::parse(&self.server.public_url) {
                Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() => {
                    if u.query().is_some() || u.fragment().is_some() {
                        return invalid(
                            "server.public_url",
                            "must not have a query or fragment".into(),
                        );
                    }
                }
                _ => {
                    return invalid(
                        "server.public_url",
                        format!(
                            "must be an absolute http(s) URL such as https://honyaku.example.go.jp, got {:?}",
                            self.server.public_url
                        ),
                    );
                }
            }
        }
        if self.server.max_body_bytes == 0 {
            return invalid("server.max_body_bytes", "must be greater than 0".into());
        }
        if !(1..=3600).contains(&self.server.request_timeout_secs) {
            return invalid(
                "server.request_timeout_secs",
                "must be between 1 and 3600 seconds".into(),
            );
        }
        if self.server.shutdown_grace_secs > 600 {
            return invalid(
                "server.shutdown_grace_secs",
                "must be at most 600 seconds".into(),
            );
        }
        let cookie = &self.i18n.cookie_name;
        if cookie.is_empty()
            || !cookie
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            return invalid(
                "i18n.cookie_name",
                format!(
                    "must be non-empty and use only A-Z, a-z, 0-9, '_' and '-', got {cookie:?}"
                ),
            );
        }
        if self.i18n.cookie_max_age_days == 0 {
            return invalid("i18n.cookie_max_age_days", "must be at least 1".into());
        }
        if let Err(problem) = self.store.url.location() {
            return invalid("store.url", problem);
        }
        self.providers.validate()?;
        let mut names = std::collections::HashSet::new();
        for client in &self.api.clients {
            if client.name.is_empty() || !names.insert(client.name.as_str()) {
                return invalid(
                    "api.clients",
                    format!(
                        "every client needs a unique, non-empty name (got {:?})",
                        client.name
                    ),
                );
            }
            if client.key_sha256.len() != 64
                || !client.key_sha256.bytes().all(|b| b.is_ascii_hexdigit())
            {
                return invalid(
                    "api.clients",
                    format!(
                        "client {:?}: key_sha256 must be 64 hex digits (the SHA-256 of the key, e.g. from `printf %s KEY | sha256sum`)",
                        client.name
                    ),
                );
            }
            for origin in &client.origins {
                let ok = url::Url::parse(origin).is_ok_and(|u| {
                    matches!(u.scheme(), "http" | "https")
                        && u.path() == "/"
                        && u.query().is_none()
                        && !origin.ends_with('/')
                });
                if !ok {
                    return invalid(
                        "api.clients",
                        format!(
                            "client {:?}: origin {origin:?} must look like https://www.example.go.jp (scheme, host, optional port)",
                            client.name
                        ),
                    );
                }
            }
        }
        let deadline_ms = self.providers.page_deadline_secs.saturating_mul(1000);
        if !(50..=60_000).contains(&self.pages.first_byte_budget_ms)
            || self.pages.first_byte_budget_ms >= deadline_ms
        {
            return invalid(
                "pages.first_byte_budget_ms",
                format!(
                    "must be between 50 and 60000 and below providers.page_deadline_secs ({} s): readers are answered within it, translation goes on until the deadline",
                    self.providers.page_deadline_secs
                ),
            );
        }
        if !(1..=1024).contains(&self.pages.background_translations) {
            return invalid(
                "pages.background_translations",
                "must be between 1 and 1024".to_owned(),
            );
        }
        // A hung provider call must end early enough for one more attempt
        // (after the first backoff) within the deadline; otherwise a
        // timeout is never retried and the page stays Japanese.
        let attempt_ms = self.providers.timeout_secs.saturating_mul(1000);
        if attempt_ms
            .saturating_mul(2)
            .saturating_add(self.providers.retry_base_delay_ms)
            > deadline_ms
        {
            return invalid(
                "providers.timeout_secs",
                format!(
                    "{} s leaves no room for a retry within providers.page_deadline_secs ({} s): two attempts and the first backoff ({} ms) must fit; lower the timeout or raise the deadline",
                    self.providers.timeout_secs,
                    self.providers.page_deadline_secs,
                    self.providers.retry_base_delay_ms
                ),
            );
        }
        if self.providers.connect_timeout_secs > self.providers.timeout_secs {
            return invalid(
                "providers.connect_timeout_secs",
                format!(
                    "must not exceed providers.timeout_secs ({} s), which bounds the whole attempt",
                    self.providers.timeout_secs
                ),
            );
        }
        if self.providers.page_deadline_secs == 0
            || self.providers.page_deadline_secs >= self.server.request_timeout_secs
        {
            return invalid(
                "providers.page_deadline_secs",
                format!(
                    "must be at least 1 and below server.request_timeout_secs ({}), so a slow provider ends in a Japanese fallback, not an error",
                    self.server.request_timeout_secs
                ),
            );
        }
        self.fetch.validate()?;
        for (key, value) in [
            (
                "translators.login_failures",
                u64::from(self.translators.login_failures),
            ),
            (
                "translators.login_failure_window_secs",
                self.translators.login_failure_window_secs,
            ),
            ("translators.session_hours", self.translators.session_hours),
            (
                "feedback.reports_per_address",
                u64::from(self.feedback.reports_per_address),
            ),
            (
                "feedback.address_window_secs",
                self.feedback.address_window_secs,
            ),
            (
                "feedback.reports_per_hour",
                u64::from(self.feedback.reports_per_hour),
            ),
        ] {
            if value == 0 {
                return invalid(key, "must be greater than 0".into());
            }
        }
        if !(1..=7 * 24 * 3600).contains(&self.qa.refused_hold_secs) {
            return invalid(
                "qa.refused_hold_secs",
                format!(
                    "must be between 1 second and 7 days (604800), got {}; a refused unit must be held or every view pays for it again",
                    self.qa.refused_hold_secs
                ),
            );
        }
        if self.translators.session_hours > 24 * 30 {
            return invalid(
                "translators.session_hours",
                format!(
                    "is {}; at most 720 (30 days): a stolen session cookie should not last longer",
                    self.translators.session_hours
                ),
            );
        }
        for (key, budgets) in [
            ("budgets.daily", &self.budgets.daily),
            ("budgets.monthly", &self.budgets.monthly),
        ] {
            if let Some(name) = budgets
                .keys()
                .find(|n| !PROVIDER_NAMES.contains(&n.as_str()))
            {
                return invalid(
                    key,
                    format!(
                        "{name:?} is not a provider; use {}",
                        PROVIDER_NAMES.join(", ")
                    ),
                );
            }
        }
        if let Err(problem) = tracing_subscriber::EnvFilter::try_new(&self.log.filter) {
            return invalid(
                "log.filter",
                format!("is not a valid filter ({problem}); example: \"info,honyaku=debug\""),
            );
        }
        Ok(())
    }

    /// The effective configuration as TOML, secrets redacted.
    pub fn to_redacted_toml(&self) -> Result<String, ConfigError> {
        toml::to_string_pretty(self).map_err(|e| ConfigError::Load(e.to_string()))
    }

    /// Base URL used for absolute links: the configured one, or the address
    /// the server actually listens on.
    pub fn public_base(&self, listening: SocketAddr) -> String {
        if self.server.public_url.is_empty() {
            format!("http://{listening}")
        } else {
            self.server.public_url.trim_end_matches('/').to_owned()
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn load(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        Config::load_with_env(None, env(pairs), &Overrides::default())
    }

    #[test]
    fn timeouts_that_contradict_each_other_are_refused() {
        // The defaults agree: two attempts and a backoff fit in the deadline,
        // the first-byte budget is well inside it.
        let config = load(&[]).unwrap();
        assert_eq!(config.pages.first_byte_budget_ms, 1500);
        assert!(config.providers.timeout_secs * 2 < config.providers.page_deadline_secs);
        for (pairs, key) in [
            // The old defaults: a hung call outlived the page's deadline,
            // so it was never retried.
            (
                &[
                    ("HONYAKU__PROVIDERS__TIMEOUT_SECS", "20"),
                    ("HONYAKU__PROVIDERS__PAGE_DEADLINE_SECS", "10"),
                ][..],
                "providers.timeout_secs",
            ),
            (
                &[("HONYAKU__PROVIDERS__CONNECT_TIMEOUT_SECS", "9")][..],
                "providers.connect_timeout_secs",
            ),
            (
                &[("HONYAKU__PAGES__FIRST_BYTE_BUDGET_MS", "20000")][..],
                "pages.first_byte_budget_ms",
            ),
            (
                &[("HONYAKU__PAGES__FIRST_BYTE_BUDGET_MS", "0")][..],
                "pages.first_byte_budget_ms",
            ),
            (
                &[("HONYAKU__PAGES__BACKGROUND_TRANSLATIONS", "0")][..],
                "pages.background_translations",
            ),
        ] {
            let err = load(pairs).unwrap_err().to_string();
            assert!(err.contains(key), "{pairs:?}: {err}");
        }
    }

    #[test]
    fn defaults_load_and_validate() {
        let config = load(&[]).unwrap();
        assert_eq!(config.server.addr.port(), 8080);
        assert_eq!(
            config.store.url.location().unwrap(),
            StoreLocation::Sqlite(PathBuf::from("data/honyaku.sqlite3"))
        );
    }

    #[test]
    fn translator_and_feedback_limits_must_be_positive_and_sane() {
        let config = load(&[("HONYAKU__TRANSLATORS__LOGIN_FAILURES", "3")]).unwrap();
        assert_eq!(config.translators.login_failures, 3);
        for (var, key) in [
            (
                "HONYAKU__TRANSLATORS__LOGIN_FAILURES",
                "translators.login_failures",
            ),
            (
                "HONYAKU__FEEDBACK__REPORTS_PER_HOUR",
                "feedback.reports_per_hour",
            ),
            (
                "HONYAKU__TRANSLATORS__SESSION_HOURS",
                "translators.session_hours",
            ),
        ] {
            let err = load(&[(var, "0")]).unwrap_err().to_string();
            assert!(err.contains(key), "{err}");
        }
        let err = load(&[("HONYAKU__TRANSLATORS__SESSION_HOURS", "10000")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("at most 720"), "{err}");
    }

    #[test]
    fn the_qa_hold_is_a_validated_setting() {
        assert_eq!(load(&[]).unwrap().qa.refused_hold_secs, 600);
        let config = load(&[("HONYAKU__QA__REFUSED_HOLD_SECS", "3600")]).unwrap();
        assert_eq!(config.qa.refused_hold_secs, 3600);
        for bad in ["0", "604801"] {
            let err = load(&[("HONYAKU__QA__REFUSED_HOLD_SECS", bad)])
                .unwrap_err()
                .to_string();
            assert!(err.contains("qa.refused_hold_secs"), "{err}");
            assert!(err.contains("604800"), "{err}");
        }
    }

    #[test]
    fn environment_overrides_defaults() {
        let config = load(&[
            ("HONYAKU__SERVER__ADDR", "0.0.0.0:9000"),
            ("HONYAKU__STORE__URL", "postgres://u:pw@db.internal/honyaku"),
            ("OTHER", "ignored"),
        ])
        .unwrap();
        assert_eq!(config.server.addr.to_string(), "0.0.0.0:9000");
        assert!(matches!(
            config.store.url.location().unwrap(),
            StoreLocation::Postgres(_)
        ));
    }

    #[test]
    fn bad_value_names_the_key_and_the_variable() {
        let err = load(&[("HONYAKU__SERVER__ADDR", "not-an-address")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("server.addr"), "{err}");
        assert!(err.contains("HONYAKU__SERVER__ADDR"), "{err}");
    }

    #[test]
    fn unknown_key_is_rejected_by_name() {
        let err = load(&[("HONYAKU__SERVER__ADRR", "1")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("server.adrr"), "{err}");
        assert!(err.contains("not a known setting"), "{err}");
    }

    #[test]
    fn semantic_validation_names_the_key() {
        let err = load(&[("HONYAKU__SERVER__PUBLIC_URL", "ftp://x")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("server.public_url"), "{err}");
        let err = load(&[("HONYAKU__STORE__URL", "mysql://x/y")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("store.url"), "{err}");
        let err = load(&[("HONYAKU__LOG__FORMAT", "yaml")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("log.format"), "{err}");
    }

    #[test]
    fn file_layer_sits_between_defaults_and_environment() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("honyaku.toml");
        std::fs::write(
            &path,
            "[server]\naddr = \"127.0.0.1:7000\"\nmax_body_bytes = 10\n",
        )
        .unwrap();
        let config = Config::load_with_env(
            Some(&path),
            env(&[("HONYAKU__SERVER__ADDR", "127.0.0.1:7001")]),
            &Overrides::default(),
        )
        .unwrap();
        assert_eq!(config.server.addr.port(), 7001);
        assert_eq!(config.server.max_body_bytes, 10);
    }

    #[test]
    fn secrets_never_print() {
        let secret = Secret::new("sk-very-secret");
        assert!(!format!("{secret:?}").contains("very-secret"));
        let url = DatabaseUrl::new("postgres://honyaku:hunter2@db/honyaku");
        assert!(!format!("{url:?}").contains("hunter2"));
        let config = load(&[(
            "HONYAKU__STORE__URL",
            "postgres://honyaku:hunter2@db/honyaku",
        )])
        .unwrap();
        let printed = config.to_redacted_toml().unwrap();
        assert!(!printed.contains("hunter2"), "{printed}");
        assert!(printed.contains(":redacted@"), "{printed}");
    }

    #[test]
    fn provider_keys_are_secret_and_enable_providers() {
        let config = load(&[
            ("HONYAKU__PROVIDERS__DEEPL__AUTH_KEY", "abc-123:fx"),
            (
                "HONYAKU__PROVIDERS__DEEPL__BASE_URL",
                "http://127.0.0.1:3000",
            ),
        ])
        .unwrap();
        assert!(config.providers.is_enabled("deepl"));
        assert!(!config.providers.is_enabled("google"));
        assert_eq!(config.providers.deepl.auth_key.expose(), "abc-123:fx");
        let printed = config.to_redacted_toml().unwrap();
        assert!(!printed.contains("abc-123"), "{printed}");
        assert!(!format!("{config:?}").contains("abc-123"));
    }

    #[test]
    fn provider_settings_are_validated() {
        let err = load(&[(
            "HONYAKU__PROVIDERS__OPENAI__BASE_URL",
            "http://127.0.0.1:1/v1",
        )])
        .unwrap_err()
        .to_string();
        assert!(err.contains("providers.openai.model"), "{err}");
        let err = load(&[("HONYAKU__PROVIDERS__GOOGLE__BASE_URL", "translation")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("providers.google.base_url"), "{err}");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, "[providers]\norder = [\"bing\"]\n").unwrap();
        let err = Config::load_with_env(Some(&path), Vec::new(), &Overrides::default())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("providers.order") && err.contains("bing"),
            "{err}"
        );
        // The per-language chains moved to the languages.
        std::fs::write(&path, "[providers.chain]\nfr = [\"deepl\"]\n").unwrap();
        let err = Config::load_with_env(Some(&path), Vec::new(), &Overrides::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("providers.chain"), "{err}");
    }

    #[test]
    fn fetch_defaults_allow_nothing() {
        let config = load(&[]).unwrap();
        assert!(config.fetch.allowed_origins.is_empty());
        assert!(config.fetch.allow_private_for.is_empty());
        assert_eq!(config.fetch.max_body_bytes, 5_242_880);
        assert_eq!(config.fetch.max_redirects, 5);
    }

    #[test]
    fn fetch_origins_come_from_a_file_or_the_environment() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("honyaku.toml");
        std::fs::write(
            &path,
            "[fetch]\nallowed_origins = [\"https://www.mhlw.go.jp\", \"http://127.0.0.1:9\"]\n\
             allow_private_for = [\"http://127.0.0.1:9/\"]\n",
        )
        .unwrap();
        let config = Config::load_with_env(
            Some(&path),
            env(&[("HONYAKU__FETCH__MAX_REDIRECTS", "2")]),
            &Overrides::default(),
        )
        .unwrap();
        assert_eq!(config.fetch.allowed_origins.len(), 2);
        assert_eq!(config.fetch.max_redirects, 2);
        let config = load(&[(
            "HONYAKU__FETCH__ALLOWED_ORIGINS",
            "[\"https://www.mhlw.go.jp\"]",
        )])
        .unwrap();
        assert_eq!(config.fetch.allowed_origins, ["https://www.mhlw.go.jp"]);
    }

    #[test]
    fn fetch_settings_are_validated_by_key() {
        for (var, value, key) in [
            (
                "HONYAKU__FETCH__ALLOWED_ORIGINS",
                "[\"ftp://www.mhlw.go.jp\"]",
                "fetch.allowed_origins",
            ),
            (
                "HONYAKU__FETCH__ALLOWED_ORIGINS",
                "[\"https://www.mhlw.go.jp/stf/\"]",
                "fetch.allowed_origins",
            ),
            (
                "HONYAKU__FETCH__ALLOWED_ORIGINS",
                "[\"https://user@www.mhlw.go.jp\"]",
                "fetch.allowed_origins",
            ),
            (
                "HONYAKU__FETCH__ALLOW_PRIVATE_FOR",
                "[\"http://127.0.0.1:9\"]",
                "fetch.allow_private_for",
            ),
            ("HONYAKU__FETCH__TIMEOUT_SECS", "0", "fetch.timeout_secs"),
            (
                "HONYAKU__FETCH__CONNECT_TIMEOUT_SECS",
                "0",
                "fetch.connect_timeout_secs",
            ),
            (
                "HONYAKU__FETCH__MAX_BODY_BYTES",
                "0",
                "fetch.max_body_bytes",
            ),
            ("HONYAKU__FETCH__MAX_REDIRECTS", "99", "fetch.max_redirects"),
            ("HONYAKU__FETCH__USER_AGENT", "\"\"", "fetch.user_agent"),
        ] {
            let err = load(&[(var, value)]).unwrap_err().to_string();
            assert!(err.contains(key), "{var}={value}: {err}");
        }
    }

    #[test]
    fn origins_compare_case_and_default_port_insensitively() {
        assert_eq!(
            parse_origin("HTTPS://WWW.MHLW.GO.JP:443").unwrap(),
            parse_origin("https://www.mhlw.go.jp/").unwrap()
        );
        assert_ne!(
            parse_origin("http://www.mhlw.go.jp").unwrap(),
            parse_origin("https://www.mhlw.go.jp").unwrap()
        );
    }

    #[test]
    fn numeric_secrets_load_and_query_passwords_are_redacted() {
        let config = load(&[("HONYAKU__PROVIDERS__DEEPL__AUTH_KEY", "1234567890")]).unwrap();
        assert_eq!(config.providers.deepl.auth_key.expose(), "1234567890");
        let url = DatabaseUrl::new("postgres://u@db/x?sslmode=disable&password=hunter2");
        assert!(!url.redacted().contains("hunter2"), "{}", url.redacted());
        assert!(url.redacted().contains("sslmode=disable"));
        // A secret of a type that cannot be a string is not echoed.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(
            &path,
            "[providers.google]\napi_key = [\"s3cr3t-in-a-list\"]\n",
        )
        .unwrap();
        let err = Config::load_with_env(Some(&path), Vec::new(), &Overrides::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("providers.google.api_key"), "{err}");
        assert!(!err.contains("s3cr3t"), "{err}");
    }

    #[test]
    fn every_default_key_is_commented() {
        // Each `key = value` line in default.toml is preceded by a comment line.
        let mut previous = "";
        for line in DEFAULT_TOML.lines() {
            let trimmed = line.trim();
            if !trimmed.is_empty() && !trimmed.starts_with('#') && !trimmed.starts_with('[') {
                assert!(
                    previous.starts_with('#'),
                    "key without a comment in config/default.toml: {trimmed}"
                );
            }
            if !trimmed.is_empty() {
                previous = trimmed;
            }
        }
    }
}
