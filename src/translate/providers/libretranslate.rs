//! LibreTranslate (self-hosted or libretranslate.com), `POST {base}/translate`.
//!
//! Units go out as one JSON array in `q` with `format: "html"`, so the
//! server's HTML path (BeautifulSoup `html.parser` plus Argos tag
//! injection) carries our placeholder tags through translation. Two quirks of
//! that path shape what comes back, and both are undone here before the text
//! reaches the QA gate:
//!
//! - the whole result goes through Python's `html.unescape()`, so a text node
//!   that was `&lt;b&gt;` arrives as a literal `<b>`: every translation is run
//!   through [`normalize_markup`], which keeps only our placeholder tags;
//! - `html.parser` does not know our empty placeholders, so `<x2/>` is
//!   re-serialized as `<x2></x2>`: that exact empty pair is folded back.
//!
//! Which languages a server translates into depends on the Argos models
//! its operator installed (no Vietnamese, Nepali or Burmese model exists at
//! all), so at start-up the adapter reads `GET {base}/languages`
//! (`[{"code", "name", "targets"}]`) and serves the configured languages
//! whose code is among the targets of Japanese. A server that cannot be
//! asked is tried for every configured language, as before.

use std::collections::HashSet;

use futures::future::BoxFuture;
use serde::{Deserialize, Serialize};

use crate::config::{LibreTranslateConfig, Secret};
use crate::i18n::Lang;
use crate::translate::provider::{
    HttpReply, Limits, ProviderError, TranslationProvider, classify_status_with, placeholder_form,
    send, snippet,
};
use crate::translate::providers::{Targets, check_pair, scrub};

const NAME: &str = "libretranslate";

/// Request limits. A LibreTranslate server's own `batch_limit` and
/// `char_limit` are unlimited unless its operator sets them, so the server
/// gives no number to follow; these are chosen for how it behaves instead:
///
/// - Argos translates the items of a batch one after another on the
///   server's CPU, so a large batch mostly risks running past
///   `providers.timeout_secs`, and a timed-out batch is retried whole.
///   64 items and 20,000 characters (about ten pages of Japanese prose) keep
///   one request to a few seconds on a modest machine while still letting a
///   typical announcement page go in one or two requests.
/// - A batch costs `len(q)` units of the server's per-minute rate limit, so
///   smaller batches also spread a page's cost over time on public instances.
/// - A server that does set lower limits answers 400 ("exceeds text limit"),
///   which is not retried: its operator should be asked to allow at least
///   these values.
///
/// Bytes are bounded only through characters (at most 4 bytes each).
pub const LIMITS: Limits = Limits {
    max_items: 64,
    max_bytes: usize::MAX,
    max_chars: 20_000,
    per_item_overhead: 1,
};

/// A LibreTranslate server. The API key, when the server wants one, is read
/// only while the request body is built.
#[derive(Debug)]
pub struct LibreTranslate {
    client: reqwest::Client,
    endpoint: String,
    languages_endpoint: String,
    api_key: Secret,
    /// The codes asked for, per configured language.
    targets: Targets,
    /// The lower-cased codes the server translates Japanese into, once read.
    served: std::sync::RwLock<Option<HashSet<String>>>,
}

impl LibreTranslate {
    /// `client` carries the timeouts and connection pool shared by all
    /// providers.
    pub fn new(config: &LibreTranslateConfig, targets: Targets, client: reqwest::Client) -> Self {
        let base = config.base_url.trim_end_matches('/');
        Self {
            client,
            endpoint: format!("{base}/translate"),
            languages_endpoint: format!("{base}/languages"),
            api_key: config.api_key.clone(),
            targets,
            served: std::sync::RwLock::new(None),
        }
    }

    /// Reads the server's languages: the targets of its Japanese entry.
    async fn read_languages(&self) -> Result<(), ProviderError> {
        let reply = send(NAME, self.client.get(&self.languages_endpoint)).await?;
        if !reply.status.is_success() {
            return Err(self.status_error(&reply));
        }
        let listed: Vec<ServerLanguage> =
            serde_json::from_slice(&reply.body).map_err(|e| ProviderError::Malformed {
                provider: NAME,
                detail: format!("/languages is not the expected JSON ({e})"),
            })?;
        let targets: HashSet<String> = listed
            .into_iter()
            .find(|l| l.code.eq_ignore_ascii_case("ja"))
            .map(|l| l.targets.iter().map(|t| t.to_ascii_lowercase()).collect())
            .unwrap_or_default();
        *self.served.write().unwrap_or_else(|e| e.into_inner()) = Some(targets);
        Ok(())
    }

    /// Whether the server is known to translate Japanese into `code`;
    /// `None` while its languages have not been read.
    fn serves(&self, code: &str) -> Option<bool> {
        self.served
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
            .map(|set| set.contains(&code.to_ascii_lowercase()))
    }

    async fn translate(
        &self,
        texts: &[String],
        from: Lang,
        to: Lang,
    ) -> Result<Vec<String>, ProviderError> {
        check_pair(NAME, self.supports(to), from, to)?;
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        let body = TranslateRequest {
            q: texts,
            source: SOURCE_CODE,
            target: self.targets.code(to).unwrap_or_default(),
            format: "html",
            api_key: (!self.api_key.is_empty()).then(|| self.api_key.expose()),
        };
        let reply = send(NAME, self.client.post(&self.endpoint).json(&body)).await?;
        if !reply.status.is_success() {
            return Err(self.status_error(&reply));
        }
        let parsed: TranslateResponse =
            serde_json::from_slice(&reply.body).map_err(|e| ProviderError::Malformed {
                provider: NAME,
                detail: scrub(
                    &format!("response is not the expected JSON ({e})"),
                    &self.api_key,
                ),
            })?;
        let translations = match parsed.translated_text {
            TranslatedText::Many(list) => list,
            // Only a server that ignores the array form answers with one
            // string; for a single text that is still an answer.
            TranslatedText::One(text) if texts.len() == 1 => vec![text],
            TranslatedText::One(_) => {
                return Err(ProviderError::Malformed {
                    provider: NAME,
                    detail: format!("sent {} texts, got a single string back", texts.len()),
                });
            }
        };
        let folded = translations
            .iter()
            .map(|t| fold_empty_placeholders(t))
            .collect();
        placeholder_form(NAME, texts.len(), folded)
    }

    /// LibreTranslate's statuses map onto the shared classes as they are:
    /// 429 "Slowdown" and 5xx are temporary; 400 (bad request, over a server
    /// limit, key missing) and 403 (invalid key, banned address) are not.
    /// The detail quotes the server's message, minus the key should a server
    /// or proxy echo the request.
    fn status_error(&self, reply: &HttpReply) -> ProviderError {
        let message = match serde_json::from_slice::<ErrorBody>(&reply.body) {
            Ok(ErrorBody { error: Some(text) }) => text,
            _ => String::from_utf8_lossy(&reply.body).into_owned(),
        };
        let detail = format!(
            "HTTP {} {}",
            reply.status.as_u16(),
            snippet(scrub(&message, &self.api_key).as_bytes())
        );
        classify_status_with(NAME, reply, detail)
    }
}

impl TranslationProvider for LibreTranslate {
    fn name(&self) -> &'static str {
        NAME
    }

    fn limits(&self) -> Limits {
        LIMITS
    }

    /// A configured language the server lists among Japanese's targets
    /// (or any configured language, while the list is unknown).
    fn supports(&self, target: Lang) -> bool {
        self.targets
            .code(target)
            .is_some_and(|code| self.serves(code) != Some(false))
    }

    fn discover(&self) -> BoxFuture<'_, Result<(), ProviderError>> {
        Box::pin(self.read_languages())
    }

    fn translate_batch<'a>(
        &'a self,
        texts: &'a [String],
        from: Lang,
        to: Lang,
    ) -> BoxFuture<'a, Result<Vec<String>, ProviderError>> {
        Box::pin(self.translate(texts, from, to))
    }
}

/// LibreTranslate's code for Japanese, the source.
const SOURCE_CODE: &str = "ja";

/// One entry of `GET /languages`.
#[derive(Deserialize)]
struct ServerLanguage {
    code: String,
    #[serde(default)]
    targets: Vec<String>,
}

#[derive(Serialize)]
struct TranslateRequest<'a> {
    q: &'a [String],
    source: &'a str,
    target: &'a str,
    format: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    api_key: Option<&'a str>,
}

#[derive(Deserialize)]
struct TranslateResponse {
    #[serde(rename = "translatedText")]
    translated_text: TranslatedText,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum TranslatedText {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
struct ErrorBody {
    error: Option<String>,
}

/// Turns `<x2></x2>` and `<p3></p3>` back into `<x2/>` and `<p3/>`.
/// BeautifulSoup writes every element it does not know as void with an end
/// tag, so this is how our empty placeholders come back. Only the exact,
/// empty pair is folded: anything put between the two tags is left for
/// [`normalize_markup`] to escape and the QA gate to reject.
fn fold_empty_placeholders(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some((before, from_lt)) = rest.split_once('<') {
        out.push_str(before);
        match empty_pair_at(from_lt) {
            Some((name, consumed)) => {
                out.push('<');
                out.push_str(name);
                out.push_str("/>");
                rest = from_lt.get(consumed..).unwrap_or_default();
            }
            None => {
                out.push('<');
                rest = from_lt;
            }
        }
    }
    out.push_str(rest);
    out
}

/// After a `<`: `x12></x12>` or `p3></p3>`; the element name and the bytes
/// the pair takes.
fn empty_pair_at(s: &str) -> Option<(&str, usize)> {
    let bytes = s.as_bytes();
    if !matches!(bytes.first(), Some(b'x' | b'p')) {
        return None;
    }
    let digits = bytes
        .iter()
        .skip(1)
        .take_while(|b| b.is_ascii_digit())
        .count();
    if digits == 0 || digits > 6 {
        return None;
    }
    let name = s.get(..1 + digits)?;
    let tail = s.get(name.len()..)?.strip_prefix("></")?;
    tail.strip_prefix(name)?.strip_prefix('>')?;
    Some((name, 2 * name.len() + 4))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn empty_placeholder_pairs_fold_back() {
        assert_eq!(
            fold_empty_placeholders("Hello<x2></x2> <b1>world</b1><p13></p13>"),
            "Hello<x2/> <b1>world</b1><p13/>"
        );
        // Not empty, not matching, or not ours: left alone.
        assert_eq!(fold_empty_placeholders("<x2>a</x2>"), "<x2>a</x2>");
        assert_eq!(fold_empty_placeholders("<x2></x3>"), "<x2></x3>");
        assert_eq!(fold_empty_placeholders("<b1></b1>"), "<b1></b1>");
        assert_eq!(fold_empty_placeholders("a < b <x"), "a < b <x");
        assert_eq!(fold_empty_placeholders("<x1></x1"), "<x1></x1");
        assert_eq!(fold_empty_placeholders("労働<x1></x1>者"), "労働<x1/>者");
    }

    #[test]
    fn supports_what_the_server_lists_once_it_is_read() {
        let mut targets = Targets::default();
        targets.insert(Lang::ZhHant, "zh-Hant");
        targets.insert(Lang::Ko, "ko");
        let config = LibreTranslateConfig {
            base_url: "http://127.0.0.1:1".into(),
            api_key: Secret::default(),
        };
        let libre = LibreTranslate::new(&config, targets, reqwest::Client::new());
        assert!(libre.supports(Lang::ZhHant) && libre.supports(Lang::Ko));
        assert!(!libre.supports(Lang::En), "not configured");
        *libre.served.write().unwrap() = Some(HashSet::from(["zh-hant".to_owned()]));
        assert!(libre.supports(Lang::ZhHant));
        assert!(!libre.supports(Lang::Ko));
    }
}
