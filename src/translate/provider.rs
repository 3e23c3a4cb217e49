//! The seam between honyaku and machine-translation services.
//!
//! Every adapter (DeepL, Google, Azure, LibreTranslate, OpenAI-compatible)
//! implements [`TranslationProvider`]: one batch of units in, the same number
//! of translations out, in order. Units are in placeholder form (text
//! XML-escaped, inline markup as `<b1>…</b1>` / `<x2/>`, protected tokens as
//! `<p3/>`); adapters send them in the form their service keeps tags intact
//! and return them in the same form. What an adapter returns is untrusted:
//! the QA gate checks it before anything is served.
//!
//! Around the adapters sit the pieces every provider shares: error
//! classification, retries with backoff, a circuit that opens on quota
//! exhaustion, and batching by each provider's limits.

use std::fmt;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use futures::future::BoxFuture;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;

use crate::i18n::Lang;
use crate::placeholder;

/// How much one request to a provider may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most texts in one request.
    pub max_items: usize,
    /// Most bytes of text (UTF-8, after the adapter's escaping estimate) in
    /// one request; the adapter's envelope is accounted for by `overhead`.
    pub max_bytes: usize,
    /// Most characters (Unicode scalar values) in one request.
    pub max_chars: usize,
    /// Bytes each item adds to the request besides its text (JSON quoting,
    /// field names), so byte limits hold for the whole body.
    pub per_item_overhead: usize,
}

impl Limits {
    pub const UNLIMITED: Limits = Limits {
        max_items: usize::MAX,
        max_bytes: usize::MAX,
        max_chars: usize::MAX,
        per_item_overhead: 0,
    };
}

/// Why a provider call failed, classified by what the caller should do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProviderError {
    /// Try again later: 429, 5xx, timeouts, dropped connections.
    #[error("{provider}: temporary failure ({detail})")]
    Retryable {
        provider: &'static str,
        retry_after: Option<Duration>,
        detail: String,
    },
    /// The account's quota or budget is spent: stop using this provider for
    /// a while and move on to the next one in the chain.
    #[error("{provider}: quota exhausted ({detail})")]
    QuotaExhausted {
        provider: &'static str,
        detail: String,
    },
    /// The request itself is wrong (bad key, bad parameters): retrying the
    /// same request cannot help.
    #[error("{provider}: request rejected ({detail})")]
    Rejected {
        provider: &'static str,
        detail: String,
    },
    /// The provider answered 200 with something unusable: not JSON, the
    /// wrong number of translations, a truncated completion.
    #[error("{provider}: unusable response ({detail})")]
    Malformed {
        provider: &'static str,
        detail: String,
    },
    /// The provider's circuit is open after a quota error.
    #[error("{provider}: unavailable until its quota resets")]
    CircuitOpen { provider: &'static str },
    /// The provider does not translate into this language.
    #[error("{provider}: does not support {lang}")]
    Unsupported { provider: &'static str, lang: Lang },
}

impl ProviderError {
    pub fn provider(&self) -> &'static str {
        match self {
            ProviderError::Retryable { provider, .. }
            | ProviderError::QuotaExhausted { provider, .. }
            | ProviderError::Rejected { provider, .. }
            | ProviderError::Malformed { provider, .. }
            | ProviderError::CircuitOpen { provider }
            | ProviderError::Unsupported { provider, .. } => provider,
        }
    }

    /// Short label for metrics and logs.
    pub fn kind(&self) -> &'static str {
        match self {
            ProviderError::Retryable { .. } => "retryable",
            ProviderError::QuotaExhausted { .. } => "quota",
            ProviderError::Rejected { .. } => "rejected",
            ProviderError::Malformed { .. } => "malformed",
            ProviderError::CircuitOpen { .. } => "circuit_open",
            ProviderError::Unsupported { .. } => "unsupported",
        }
    }
}

/// One machine-translation service.
pub trait TranslationProvider: Send + Sync {
    /// Stable name, as in config: `deepl`, `google`, `azure`,
    /// `libretranslate`, `openai`.
    fn name(&self) -> &'static str;

    /// What produced a translation, for the translation memory: the name
    /// plus the model or variant where the service has several.
    fn model(&self) -> String {
        self.name().to_owned()
    }

    fn limits(&self) -> Limits;

    /// Whether this provider translates into `target` (see
    /// [`crate::translate::providers::ProviderTargets`]).
    fn supports(&self, target: Lang) -> bool;

    /// Whether units with markup (placeholder tags) may be sent for
    /// `target`. A service that keeps tags only for some languages (DeepL)
    /// says no for the others, and the chain offers it only plain units.
    fn accepts_markup(&self, _target: Lang) -> bool {
        true
    }

    /// Learns from the service which languages it serves, where that is
    /// not documented data (LibreTranslate's `/languages`). Called once at
    /// start-up; a failure leaves the provider tried for every language it
    /// was configured for.
    fn discover(&self) -> BoxFuture<'_, Result<(), ProviderError>> {
        Box::pin(async { Ok(()) })
    }

    /// Translates `texts` (placeholder form) from `from` into `to`. Returns
    /// exactly one translation per text, in order, or an error; never a
    /// partial result.
    fn translate_batch<'a>(
        &'a self,
        texts: &'a [String],
        from: Lang,
        to: Lang,
    ) -> BoxFuture<'a, Result<Vec<String>, ProviderError>>;

    /// Whether this provider applies a glossary itself for `to` (DeepL's
    /// glossaries). Providers that do not get glossary terms already
    /// substituted by protected placeholders, which enforces them with any
    /// provider; one that does gets the text as written, which reads better,
    /// and its output is checked for the required translations.
    fn applies_glossary(&self, _to: Lang) -> bool {
        false
    }

    /// Like [`TranslationProvider::translate_batch`], with `glossary`
    /// applied by the provider. Called only when
    /// [`TranslationProvider::applies_glossary`] says so for `to`.
    fn translate_batch_with_glossary<'a>(
        &'a self,
        texts: &'a [String],
        from: Lang,
        to: Lang,
        _glossary: &'a crate::glossary::Glossary,
    ) -> BoxFuture<'a, Result<Vec<String>, ProviderError>> {
        self.translate_batch(texts, from, to)
    }
}

impl fmt::Debug for dyn TranslationProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TranslationProvider({})", self.name())
    }
}

/// Splits `texts` into consecutive batches that respect `limits`. A single
/// text larger than a limit still gets a batch of its own: the provider is
/// the judge of whether it can take it.
pub fn split_batches(texts: &[String], limits: Limits) -> Vec<std::ops::Range<usize>> {
    let mut batches = Vec::new();
    let mut start = 0;
    let mut bytes = 0usize;
    let mut chars = 0usize;
    for (i, text) in texts.iter().enumerate() {
        let item_bytes = json_escaped_len(text).saturating_add(limits.per_item_overhead);
        let item_chars = text.chars().count();
        let count = i - start;
        let full = count >= limits.max_items
            || bytes.saturating_add(item_bytes) > limits.max_bytes
            || chars.saturating_add(item_chars) > limits.max_chars;
        if count > 0 && full {
            batches.push(start..i);
            start = i;
            bytes = 0;
            chars = 0;
        }
        bytes = bytes.saturating_add(item_bytes);
        chars = chars.saturating_add(item_chars);
    }
    if start < texts.len() {
        batches.push(start..texts.len());
    }
    batches
}

/// Bytes a string takes inside a JSON string literal, quotes included.
pub fn json_escaped_len(text: &str) -> usize {
    2 + text
        .chars()
        .map(|c| match c {
            '"' | '\\' | '\n' | '\r' | '\t' => 2,
            c if (c as u32) < 0x20 => 6,
            c => c.len_utf8(),
        })
        .sum::<usize>()
}

/// Retry schedule for retryable errors: exponential backoff with jitter,
/// `Retry-After` honoured when the provider sends it (capped by `max_delay`).
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Attempts after the first one.
    pub max_retries: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
}

impl RetryPolicy {
    /// The wait before retry number `retry` (0-based).
    pub fn delay(&self, retry: u32, retry_after: Option<Duration>) -> Duration {
        if let Some(wait) = retry_after {
            return wait.min(self.max_delay);
        }
        let exp = self
            .base_delay
            .saturating_mul(2u32.saturating_pow(retry.min(16)));
        // ±25 % jitter, so many instances retrying at once do not stay in step.
        let jitter = 0.75 + fastrand::f64() * 0.5;
        exp.mul_f64(jitter).min(self.max_delay)
    }
}

/// Calls `attempt` until it succeeds, fails for a reason retrying cannot fix,
/// or the retries are spent.
pub async fn with_retries<T, F, Fut>(
    policy: RetryPolicy,
    mut attempt: F,
) -> Result<T, ProviderError>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, ProviderError>>,
{
    let mut retry = 0;
    loop {
        match attempt().await {
            Err(ProviderError::Retryable {
                provider,
                retry_after,
                detail,
            }) if retry < policy.max_retries => {
                let wait = policy.delay(retry, retry_after);
                tracing::info!(provider, %detail, retry = retry + 1, wait_ms = wait.as_millis() as u64, "retrying provider call");
                tokio::time::sleep(wait).await;
                retry += 1;
            }
            other => return other,
        }
    }
}

/// Opens when a provider reports its quota spent; while open, calls are
/// refused without touching the network.
#[derive(Debug, Default)]
pub struct Circuit {
    open_until: Mutex<Option<Instant>>,
}

impl Circuit {
    pub fn is_open(&self) -> bool {
        let mut guard = self.open_until.lock().unwrap_or_else(|e| e.into_inner());
        match *guard {
            Some(until) if Instant::now() < until => true,
            Some(_) => {
                *guard = None;
                false
            }
            None => false,
        }
    }

    pub fn open_for(&self, duration: Duration) {
        let mut guard = self.open_until.lock().unwrap_or_else(|e| e.into_inner());
        *guard = Some(Instant::now() + duration);
    }
}

/// Reads `Retry-After` as seconds (the HTTP-date form is rare from APIs and
/// is treated as absent) or OpenAI's `retry-after-ms`.
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    if let Some(ms) = headers
        .get("retry-after-ms")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<f64>().ok())
    {
        if ms.is_finite() && ms >= 0.0 {
            return Some(Duration::from_secs_f64(ms / 1000.0));
        }
    }
    headers
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map(Duration::from_secs_f64)
}

/// A provider's HTTP answer, read in full.
#[derive(Debug)]
pub struct HttpReply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: bytes::Bytes,
}

/// Largest response body an adapter reads; a provider that sends more is
/// misbehaving.
pub const MAX_RESPONSE_BYTES: usize = 8 * 1024 * 1024;

/// Sends a request and reads the reply, turning transport failures into
/// [`ProviderError`]s. The request's URL, which may carry a key (Google), is
/// never part of the error.
pub async fn send(
    provider: &'static str,
    request: reqwest::RequestBuilder,
) -> Result<HttpReply, ProviderError> {
    let response = request
        .send()
        .await
        .map_err(|e| transport_error(provider, &e))?;
    let status = response.status();
    let headers = response.headers().clone();
    if response
        .content_length()
        .is_some_and(|len| len > MAX_RESPONSE_BYTES as u64)
    {
        return Err(ProviderError::Malformed {
            provider,
            detail: "response body too large".into(),
        });
    }
    let body = response
        .bytes()
        .await
        .map_err(|e| transport_error(provider, &e))?;
    if body.len() > MAX_RESPONSE_BYTES {
        return Err(ProviderError::Malformed {
            provider,
            detail: "response body too large".into(),
        });
    }
    Ok(HttpReply {
        status,
        headers,
        body,
    })
}

fn transport_error(provider: &'static str, error: &reqwest::Error) -> ProviderError {
    // reqwest's Display includes the URL; keep only the kind of failure.
    let detail = if error.is_timeout() {
        "timed out"
    } else if error.is_connect() {
        "connection failed"
    } else if error.is_body() || error.is_decode() {
        "connection dropped while reading the response"
    } else {
        "request failed"
    };
    ProviderError::Retryable {
        provider,
        retry_after: None,
        detail: detail.into(),
    }
}

/// The classification most providers share: 429 and 5xx are temporary,
/// other 4xx are the request's fault. Adapters check their own quota
/// signals first.
pub fn classify_status(provider: &'static str, reply: &HttpReply) -> ProviderError {
    classify_status_with(provider, reply, status_detail(reply))
}

/// [`classify_status`] with the adapter's own detail: the service's message
/// read out of its error body, say, with the key scrubbed from it.
pub fn classify_status_with(
    provider: &'static str,
    reply: &HttpReply,
    detail: String,
) -> ProviderError {
    if reply.status == StatusCode::TOO_MANY_REQUESTS || reply.status.is_server_error() {
        retry_later(provider, reply, detail)
    } else {
        ProviderError::Rejected { provider, detail }
    }
}

/// A temporary failure, to be retried after the service's `Retry-After`
/// when it sent one.
pub fn retry_later(provider: &'static str, reply: &HttpReply, detail: String) -> ProviderError {
    ProviderError::Retryable {
        provider,
        retry_after: retry_after(&reply.headers),
        detail,
    }
}

/// The detail of an error answer: its status and the start of its body.
pub fn status_detail(reply: &HttpReply) -> String {
    format!("HTTP {} {}", reply.status.as_u16(), snippet(&reply.body))
}

/// The start of an error body, for logs: bounded, on a char boundary, one line.
pub fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut out: String = text.chars().take(200).collect();
    if text.chars().count() > 200 {
        out.push('…');
    }
    out.replace(['\n', '\r'], " ")
}

/// Checks the count of translations against the request.
pub fn expect_count(
    provider: &'static str,
    sent: usize,
    got: Vec<String>,
) -> Result<Vec<String>, ProviderError> {
    if got.len() == sent {
        Ok(got)
    } else {
        Err(ProviderError::Malformed {
            provider,
            detail: format!("sent {sent} texts, got {} translations", got.len()),
        })
    }
}

/// What every adapter makes of a service's translations: exactly one per
/// text sent ([`expect_count`]), each in placeholder form
/// ([`normalize_markup`]).
pub fn placeholder_form(
    provider: &'static str,
    sent: usize,
    got: Vec<String>,
) -> Result<Vec<String>, ProviderError> {
    Ok(expect_count(provider, sent, got)?
        .iter()
        .map(|t| normalize_markup(t))
        .collect())
}

/// Brings a provider's output back to placeholder form. Providers that take
/// HTML (Google, Azure) return entities such as `&#39;`, and LibreTranslate
/// returns text entity-decoded, so a literal `<script>` can appear: only our
/// own placeholder tags (`<b1>`, `</b1>`, `<x2/>`, `<p3/>`) are kept as tags;
/// everything else is text, entity-decoded once and escaped again, so it
/// can only ever be shown, never run.
pub fn normalize_markup(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while !rest.is_empty() {
        // Kept in canonical spelling (`<x3 />` becomes `<x3/>`).
        if let Some((piece, len)) =
            placeholder::tag_at(rest, 0).and_then(|tag| Some((tag.piece()?, tag.len)))
        {
            out.push_str(&piece.to_string());
            rest = rest.get(len..).unwrap_or_default();
            continue;
        }
        let mut chars = rest.char_indices();
        let Some((_, c)) = chars.next() else { break };
        let (decoded, consumed) = if c == '&' {
            decode_entity(rest).unwrap_or(('&', 1))
        } else {
            (c, c.len_utf8())
        };
        match decoded {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            other => out.push(other),
        }
        rest = rest.get(consumed..).unwrap_or_default();
    }
    out
}

/// An HTML character reference at the start of `s` (which starts with '&').
fn decode_entity(s: &str) -> Option<(char, usize)> {
    let end = s
        .char_indices()
        .take(12)
        .find(|(_, c)| *c == ';')
        .map(|(i, _)| i)?;
    let name = s.get(1..end)?;
    let c = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        char::from_u32(u32::from_str_radix(num, 16).ok()?)?
    } else if let Some(num) = name.strip_prefix('#') {
        char::from_u32(num.parse().ok()?)?
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            _ => return None,
        }
    };
    if c == '\0' {
        return None;
    }
    Some((c, end + 1))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn texts(lens: &[usize]) -> Vec<String> {
        lens.iter().map(|n| "a".repeat(*n)).collect()
    }

    #[test]
    fn batches_split_by_items() {
        let limits = Limits {
            max_items: 2,
            ..Limits::UNLIMITED
        };
        assert_eq!(
            split_batches(&texts(&[1, 1, 1, 1, 1]), limits),
            vec![0..2, 2..4, 4..5]
        );
        assert!(split_batches(&[], limits).is_empty());
    }

    #[test]
    fn batches_split_by_bytes_including_overhead() {
        let limits = Limits {
            max_bytes: 20,
            per_item_overhead: 1,
            ..Limits::UNLIMITED
        };
        // Each "aaaa" costs 4 + 2 quotes + 1 overhead = 7 bytes.
        assert_eq!(
            split_batches(&texts(&[4, 4, 4, 4]), limits),
            vec![0..2, 2..4]
        );
        // An oversized single text still goes, alone.
        assert_eq!(split_batches(&texts(&[50, 1]), limits), vec![0..1, 1..2]);
    }

    #[test]
    fn batches_split_by_characters_not_bytes() {
        let limits = Limits {
            max_chars: 4,
            ..Limits::UNLIMITED
        };
        let japanese = vec!["日本".to_owned(), "日本".to_owned(), "日".to_owned()];
        assert_eq!(split_batches(&japanese, limits), vec![0..2, 2..3]);
    }

    #[test]
    fn retry_delays_grow_and_honour_retry_after() {
        let policy = RetryPolicy {
            max_retries: 5,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(2),
        };
        for retry in 0..4 {
            let d = policy.delay(retry, None);
            let nominal = 100.0 * 2f64.powi(retry as i32);
            assert!(
                d.as_millis() as f64 >= nominal * 0.74 && d.as_millis() as f64 <= nominal * 1.26,
                "{retry}: {d:?}"
            );
        }
        assert_eq!(policy.delay(30, None), Duration::from_secs(2));
        assert_eq!(
            policy.delay(0, Some(Duration::from_secs(1))),
            Duration::from_secs(1)
        );
        assert_eq!(
            policy.delay(0, Some(Duration::from_secs(60))),
            Duration::from_secs(2)
        );
    }

    #[test]
    fn retry_after_forms() {
        let mut h = HeaderMap::new();
        h.insert("retry-after", "3".parse().unwrap());
        assert_eq!(retry_after(&h), Some(Duration::from_secs(3)));
        h.insert("retry-after-ms", "250".parse().unwrap());
        assert_eq!(retry_after(&h), Some(Duration::from_millis(250)));
        let mut h = HeaderMap::new();
        h.insert(
            "retry-after",
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&h), None);
    }

    #[tokio::test]
    async fn retries_stop_at_the_limit_and_on_permanent_errors() {
        let policy = RetryPolicy {
            max_retries: 2,
            base_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(2),
        };
        let calls = std::sync::atomic::AtomicU32::new(0);
        let result: Result<(), _> = with_retries(policy, || async {
            calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Err(ProviderError::Retryable {
                provider: "t",
                retry_after: None,
                detail: "503".into(),
            })
        })
        .await;
        assert!(matches!(result, Err(ProviderError::Retryable { .. })));
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 3);

        calls.store(0, std::sync::atomic::Ordering::SeqCst);
        let result: Result<(), _> = with_retries(policy, || async {
            calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Err(ProviderError::Rejected {
                provider: "t",
                detail: "401".into(),
            })
        })
        .await;
        assert!(matches!(result, Err(ProviderError::Rejected { .. })));
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 1);
    }

    #[test]
    fn circuit_opens_and_closes() {
        let circuit = Circuit::default();
        assert!(!circuit.is_open());
        circuit.open_for(Duration::from_secs(60));
        assert!(circuit.is_open());
        circuit.open_for(Duration::ZERO);
        assert!(!circuit.is_open());
    }

    #[test]
    fn markup_is_normalized_to_placeholder_form() {
        assert_eq!(
            normalize_markup("It&#39;s <b1>here</b1><x2/>"),
            "It's <b1>here</b1><x2/>"
        );
        assert_eq!(normalize_markup("<x2 /> and <p1/>"), "<x2/> and <p1/>");
        assert_eq!(
            normalize_markup("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(normalize_markup("&lt;script&gt;"), "&lt;script&gt;");
        assert_eq!(normalize_markup("a & b &amp; c"), "a &amp; b &amp; c");
        assert_eq!(normalize_markup("&#x52B4;&#20685;"), "労働");
        assert_eq!(
            normalize_markup("<b1 onclick=x>no</b1>"),
            "&lt;b1 onclick=x&gt;no</b1>"
        );
        assert_eq!(normalize_markup("<x1>"), "&lt;x1&gt;");
        assert_eq!(normalize_markup("&bogus; &#0;"), "&amp;bogus; &amp;#0;");
    }

    #[test]
    fn snippets_are_bounded_and_single_line() {
        let long = "あ".repeat(500) + "\nline";
        let s = snippet(long.as_bytes());
        assert_eq!(s.chars().count(), 201);
        assert!(!s.contains('\n'));
    }
}
