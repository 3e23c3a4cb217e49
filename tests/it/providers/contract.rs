//! The provider contract: every case is written once, against a [`Wire`]
//! description of one adapter's service (how it answers, fails and quotes
//! keys), and run for each of the five, as `providers::contract::<adapter>::
//! <case>`, so a failure names the adapter. What only one service does
//! (exact headers, body shape, language codes, its own limits) is tested
//! in that adapter's file.

use std::time::Duration;

use honyaku::i18n::Lang;
use honyaku::translate::provider::{
    ProviderError, TranslationProvider, split_batches, with_retries,
};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use super::support::*;

/// One answer of a service, with what the adapter must make of it.
pub struct Answer {
    /// Names the answer in assertion messages.
    pub label: &'static str,
    /// The HTTP status, which the error must name.
    pub status: u16,
    pub reply: ResponseTemplate,
    /// Text of the service's message that the error must quote ("" when
    /// there is none to quote).
    pub quotes: &'static str,
}

impl Answer {
    pub fn new(label: &'static str, status: u16, reply: ResponseTemplate) -> Self {
        Self {
            label,
            status,
            reply,
            quotes: "",
        }
    }

    /// A 200 whose body is `body`, as is.
    pub fn ok_with_body(label: &'static str, body: impl Into<String>) -> Self {
        Self::new(
            label,
            200,
            ResponseTemplate::new(200).set_body_string(body.into()),
        )
    }

    pub fn quoting(mut self, message: &'static str) -> Self {
        self.quotes = message;
        self
    }
}

/// An adapter and the wire format of its service, as far as the contract
/// needs it. Each adapter's file implements it from the service's spec.
pub trait Wire: Send + Sync + 'static {
    /// The adapter's name, as in config and in every error it returns.
    const NAME: &'static str;
    /// What `model()` says for the configuration `provider` builds.
    const MODEL: &'static str;
    /// The key `provider` configures; it must never show in an error.
    const KEY: &'static str;
    /// Where translations are posted.
    const PATH: &'static str;
    /// The service's documented (or our chosen) most texts per request.
    const MAX_ITEMS: usize;
    /// Whether `translate_batch` itself splits a batch over `limits()`
    /// (DeepL, Google, Azure). LibreTranslate and OpenAI send what they are
    /// given and rely on the caller batching by `limits()`, as the pipeline
    /// does.
    const SPLITS_ITSELF: bool;

    type Provider: TranslationProvider + std::fmt::Debug;

    /// The adapter configured with `KEY`, talking to `server`.
    fn provider(server: &MockServer, client: reqwest::Client) -> Self::Provider;

    /// The texts `request` carries, in order.
    fn sent(request: &Request) -> Vec<String>;

    /// A 200 answering `request` with `translations`.
    fn translated(request: &Request, translations: &[String]) -> ResponseTemplate;

    /// The service's "slow down" 429 with `Retry-After: retry_after`.
    fn rate_limited(retry_after: &str) -> ResponseTemplate;

    /// Answers that are worth retrying: rate limits and server errors.
    fn retryable() -> Vec<Answer>;

    /// Answers that say the quota or budget is spent. Empty for a service
    /// that has no such signal (LibreTranslate), which then does not run
    /// the quota case.
    fn quota() -> Vec<Answer>;

    /// Answers that no retry can help: bad keys, bad requests.
    fn rejected() -> Vec<Answer>;

    /// 200 answers that cannot be used.
    fn malformed() -> Vec<Answer>;

    /// (what the service sends back, what the adapter must return) in the
    /// service's way of writing markup and entities.
    fn markup() -> Vec<(&'static str, &'static str)>;

    /// An error answer with `status` whose message quotes the key from
    /// where `request` carried it, as a misconfigured proxy might.
    fn quoting_the_key(status: u16, request: &Request) -> ResponseTemplate;

    /// Whether the adapter withholds the whole message of an error with
    /// `status` (rather than redacting the key in it).
    fn withholds_message(_status: u16) -> bool {
        false
    }
}

/// Answers every request with `[i] text` for its `i`-th text.
fn echo<W: Wire>(request: &Request) -> ResponseTemplate {
    let out: Vec<String> = W::sent(request)
        .iter()
        .enumerate()
        .map(|(i, t)| format!("[{i}] {t}"))
        .collect();
    W::translated(request, &out)
}

fn echoed(texts: &[String]) -> Vec<String> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| format!("[{i}] {t}"))
        .collect()
}

async fn mount_echo<W: Wire>(server: &MockServer) {
    Mock::given(method("POST"))
        .and(path(W::PATH))
        .respond_with(echo::<W>)
        .mount(server)
        .await;
}

async fn mount_reply(server: &MockServer, reply: ResponseTemplate) {
    Mock::given(method("POST"))
        .respond_with(reply)
        .mount(server)
        .await;
}

async fn translate<W: Wire>(server: &MockServer) -> Result<Vec<String>, ProviderError> {
    W::provider(server, client())
        .translate_batch(&sample_units(), Lang::Ja, Lang::En)
        .await
}

/// `result` is an error of `kind` from this adapter, naming the status and
/// quoting the message of `answer`, without the key.
fn expect_error<W: Wire>(
    result: Result<Vec<String>, ProviderError>,
    kind: &str,
    answer: &Answer,
) -> ProviderError {
    let context = format!("{}: {} {}", W::NAME, answer.status, answer.label);
    let error = match result {
        Ok(out) => panic!("{context}: expected {kind}, got {out:?}"),
        Err(error) => error,
    };
    assert_eq!(error.kind(), kind, "{context}: {error:?}");
    assert_eq!(error.provider(), W::NAME, "{context}: {error:?}");
    let printed = error.to_string();
    if kind != "malformed" {
        let status = format!("HTTP {}", answer.status);
        assert!(printed.contains(&status), "{context}: {printed}");
    }
    assert!(printed.contains(answer.quotes), "{context}: {printed}");
    assert_key_hidden(&error, W::KEY);
    error
}

/// One translation per unit, in order, in one request, for every target.
pub async fn every_target_gets_one_translation_per_unit_in_order<W: Wire>() {
    for target in TARGETS {
        let server = mock_service().await;
        mount_echo::<W>(&server).await;
        let texts = sample_units();
        let out = W::provider(&server, client())
            .translate_batch(&texts, Lang::Ja, target)
            .await
            .unwrap_or_else(|e| panic!("{} into {target}: {e}", W::NAME));
        assert_eq!(out, echoed(&texts), "{} into {target}", W::NAME);
        let request = only_request(&server).await;
        assert_eq!(request.method.as_str(), "POST", "{}", W::NAME);
        assert_eq!(request.url.path(), W::PATH, "{}", W::NAME);
        assert_eq!(W::sent(&request), texts, "{} into {target}", W::NAME);
    }
}

/// The four targets and not Japanese; nothing is sent for Japanese or for
/// an empty batch; the adapter names itself and hides its key.
pub async fn supports_the_four_targets_and_sends_nothing_otherwise<W: Wire>() {
    let server = mock_service().await;
    let provider = W::provider(&server, client());
    assert_eq!(provider.name(), W::NAME);
    assert_eq!(provider.model(), W::MODEL, "{}", W::NAME);
    for target in TARGETS {
        assert!(provider.supports(target), "{}: {target}", W::NAME);
    }
    assert!(!provider.supports(Lang::Ja), "{}", W::NAME);
    let result = provider
        .translate_batch(&sample_units(), Lang::Ja, Lang::Ja)
        .await;
    assert!(
        matches!(&result, Err(ProviderError::Unsupported { provider, lang: Lang::Ja }) if *provider == W::NAME),
        "{}: {result:?}",
        W::NAME
    );
    let empty = provider.translate_batch(&[], Lang::Ja, Lang::En).await;
    assert_eq!(empty, Ok(Vec::new()), "{}", W::NAME);
    assert!(received(&server).await.is_empty(), "{}", W::NAME);
    let debug = format!("{provider:?}");
    assert!(!debug.contains(W::KEY), "{}: {debug}", W::NAME);
}

/// Batches by `limits()` hold at most the service's item limit, and their
/// translations join up in order; an adapter that splits itself does the
/// same with the whole batch.
pub async fn batches_split_at_the_item_limit<W: Wire>() {
    let server = mock_service().await;
    mount_echo::<W>(&server).await;
    let provider = W::provider(&server, client());
    let max = W::MAX_ITEMS;
    assert_eq!(provider.limits().max_items, max, "{}", W::NAME);
    let texts = numbered_units(2 * max + 1);
    let batches = split_batches(&texts, provider.limits());
    assert_eq!(
        batches,
        vec![0..max, max..2 * max, 2 * max..2 * max + 1],
        "{}",
        W::NAME
    );
    let mut out = Vec::new();
    for range in batches {
        let batch = &texts[range];
        let got = provider
            .translate_batch(batch, Lang::Ja, Lang::ZhHans)
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", W::NAME));
        assert_eq!(got, echoed(batch), "{}", W::NAME);
        out.extend(got);
    }
    assert_eq!(out.len(), texts.len(), "{}", W::NAME);
    if W::SPLITS_ITSELF {
        let whole = provider
            .translate_batch(&texts, Lang::Ja, Lang::ZhHans)
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", W::NAME));
        assert_eq!(whole, out, "{}: the whole batch at once", W::NAME);
    }
    let sizes: Vec<usize> = received(&server)
        .await
        .iter()
        .map(|r| W::sent(r).len())
        .collect();
    let mut expected = vec![max, max, 1];
    if W::SPLITS_ITSELF {
        expected.extend([max, max, 1]);
    }
    assert_eq!(sizes, expected, "{}", W::NAME);
}

/// A 429 is retryable and carries the service's Retry-After; the next call
/// goes through.
pub async fn a_429_is_retryable_with_its_retry_after_and_the_next_call_succeeds<W: Wire>() {
    let server = mock_service().await;
    Mock::given(method("POST"))
        .and(path(W::PATH))
        .respond_with(W::rate_limited("2"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    mount_echo::<W>(&server).await;
    match translate::<W>(&server).await {
        Err(ProviderError::Retryable {
            provider,
            retry_after,
            detail,
        }) => {
            assert_eq!(provider, W::NAME);
            assert_eq!(retry_after, Some(Duration::from_secs(2)), "{}", W::NAME);
            assert!(detail.contains("HTTP 429"), "{}: {detail}", W::NAME);
        }
        other => panic!("{}: expected retryable, got {other:?}", W::NAME),
    }
    assert_eq!(
        translate::<W>(&server).await,
        Ok(echoed(&sample_units())),
        "{}",
        W::NAME
    );
}

/// Under `with_retries`, `Retry-After: 0` is honoured instead of a 30 s
/// backoff, and the retry's answer is the result.
pub async fn a_429_then_200_succeeds_under_with_retries_honouring_retry_after<W: Wire>() {
    let server = mock_service().await;
    Mock::given(method("POST"))
        .and(path(W::PATH))
        .respond_with(W::rate_limited("0"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    mount_echo::<W>(&server).await;
    let provider = W::provider(&server, client());
    let texts = sample_units();
    let result = tokio::time::timeout(
        Duration::from_secs(10),
        with_retries(slow_backoff_policy(), || {
            provider.translate_batch(&texts, Lang::Ja, Lang::Ko)
        }),
    )
    .await
    .unwrap_or_else(|_| panic!("{}: Retry-After: 0 was not honoured", W::NAME));
    assert_eq!(result, Ok(echoed(&texts)), "{}", W::NAME);
    assert_eq!(received(&server).await.len(), 2, "{}", W::NAME);
}

pub async fn rate_limits_and_server_errors_are_retryable<W: Wire>() {
    let answers = W::retryable();
    assert!(!answers.is_empty());
    for answer in answers {
        let server = mock_service().await;
        mount_reply(&server, answer.reply.clone()).await;
        expect_error::<W>(translate::<W>(&server).await, "retryable", &answer);
    }
}

/// A spent quota is reported as such and not retried: the chain moves on
/// to the next provider instead.
pub async fn quota_errors_are_quota_exhausted_and_not_retried<W: Wire>() {
    let answers = W::quota();
    assert!(!answers.is_empty(), "{} has no quota answers", W::NAME);
    for answer in answers {
        let server = mock_service().await;
        mount_reply(&server, answer.reply.clone()).await;
        let provider = W::provider(&server, client());
        let texts = sample_units();
        let result = with_retries(quick_retries(), || {
            provider.translate_batch(&texts, Lang::Ja, Lang::En)
        })
        .await;
        expect_error::<W>(result, "quota", &answer);
        assert_eq!(
            received(&server).await.len(),
            1,
            "{}: {} was retried",
            W::NAME,
            answer.label
        );
    }
}

pub async fn client_errors_are_rejected<W: Wire>() {
    let answers = W::rejected();
    assert!(!answers.is_empty());
    for answer in answers {
        let server = mock_service().await;
        mount_reply(&server, answer.reply.clone()).await;
        expect_error::<W>(translate::<W>(&server).await, "rejected", &answer);
    }
}

/// A timeout is retryable, and its message names neither the URL (where
/// Google's key travels) nor the key.
pub async fn a_timeout_is_retryable_and_shows_no_url_or_key<W: Wire>() {
    let server = mock_service().await;
    Mock::given(method("POST"))
        .respond_with(move |request: &Request| {
            W::translated(request, &sample_units()).set_delay(Duration::from_secs(3))
        })
        .mount(&server)
        .await;
    let result = W::provider(&server, client_with_timeout(Duration::from_millis(200)))
        .translate_batch(&sample_units(), Lang::Ja, Lang::En)
        .await;
    match result {
        Err(error @ ProviderError::Retryable { .. }) => {
            assert!(
                matches!(&error, ProviderError::Retryable { detail, .. } if detail == "timed out"),
                "{}: {error:?}",
                W::NAME
            );
            assert_key_hidden(&error, W::KEY);
            let printed = format!("{error} {error:?}");
            assert!(!printed.contains("127.0.0.1"), "{}: {printed}", W::NAME);
        }
        other => panic!("{}: expected retryable, got {other:?}", W::NAME),
    }
}

pub async fn unusable_200_answers_are_malformed<W: Wire>() {
    let answers = W::malformed();
    assert!(!answers.is_empty());
    for answer in answers {
        let server = mock_service().await;
        mount_reply(&server, answer.reply.clone()).await;
        expect_error::<W>(translate::<W>(&server).await, "malformed", &answer);
    }
}

/// Too few or too many translations fail the whole batch: none of them can
/// be matched to its unit.
pub async fn the_wrong_number_of_translations_is_malformed<W: Wire>() {
    for n in [0, 2, 4] {
        let server = mock_service().await;
        let answer: Vec<String> = (0..n).map(|i| format!("translation {i}")).collect();
        Mock::given(method("POST"))
            .respond_with(move |request: &Request| W::translated(request, &answer))
            .mount(&server)
            .await;
        let result = translate::<W>(&server).await;
        let error = match result {
            Err(error @ ProviderError::Malformed { .. }) => error,
            other => panic!("{}: {n} for 3: expected malformed, got {other:?}", W::NAME),
        };
        let count = format!("sent 3 texts, got {n} translations");
        assert!(error.to_string().contains(&count), "{}: {error}", W::NAME);
    }
}

/// Whatever the service does to markup, what comes back is placeholder
/// form: our tags in canonical spelling, everything else text, escaped once,
/// so nothing the service sends can run.
pub async fn output_comes_back_in_placeholder_form<W: Wire>() {
    let mut cases = vec![
        (
            "Worker <b1>co-ops</b1><x2 /><script>alert(1)</script>",
            "Worker <b1>co-ops</b1><x2/>&lt;script&gt;alert(1)&lt;/script&gt;",
        ),
        ("&lt;kept&gt; <p3/>", "&lt;kept&gt; <p3/>"),
    ];
    cases.extend(W::markup());
    let (raw, expected): (Vec<String>, Vec<&str>) = cases
        .into_iter()
        .map(|(raw, expected)| (raw.to_owned(), expected))
        .unzip();
    let server = mock_service().await;
    Mock::given(method("POST"))
        .respond_with(move |request: &Request| W::translated(request, &raw))
        .mount(&server)
        .await;
    let out = W::provider(&server, client())
        .translate_batch(&units(expected.len()), Lang::Ja, Lang::En)
        .await
        .unwrap_or_else(|e| panic!("{}: {e}", W::NAME));
    assert_eq!(out, expected, "{}", W::NAME);
}

/// A service (or a proxy in front of it) that quotes the key back in its
/// error: the key is redacted, or the message withheld.
pub async fn the_key_never_appears_in_errors<W: Wire>() {
    for status in [400, 401, 403, 429, 500] {
        let server = mock_service().await;
        Mock::given(method("POST"))
            .respond_with(move |request: &Request| W::quoting_the_key(status, request))
            .mount(&server)
            .await;
        let error = translate::<W>(&server)
            .await
            .expect_err("an error answer is an error");
        assert_key_hidden(&error, W::KEY);
        if !W::withholds_message(status) {
            assert!(
                error.to_string().contains("[redacted]"),
                "{} {status}: {error}",
                W::NAME
            );
        }
    }
}

/// One test function per case and adapter, named
/// `providers::contract::<adapter>::<case>`.
macro_rules! contract {
    ($($adapter:ident: $wire:ty $(, +$extra:ident)*;)*) => {
        $(
            mod $adapter {
                contract!(@cases $wire;
                    every_target_gets_one_translation_per_unit_in_order,
                    supports_the_four_targets_and_sends_nothing_otherwise,
                    batches_split_at_the_item_limit,
                    a_429_is_retryable_with_its_retry_after_and_the_next_call_succeeds,
                    a_429_then_200_succeeds_under_with_retries_honouring_retry_after,
                    rate_limits_and_server_errors_are_retryable,
                    client_errors_are_rejected,
                    a_timeout_is_retryable_and_shows_no_url_or_key,
                    unusable_200_answers_are_malformed,
                    the_wrong_number_of_translations_is_malformed,
                    output_comes_back_in_placeholder_form,
                    the_key_never_appears_in_errors
                    $(, $extra)*
                );
            }
        )*
    };
    (@cases $wire:ty; $($case:ident),*) => {
        $(
            #[tokio::test]
            async fn $case() {
                super::$case::<$wire>().await;
            }
        )*
    };
}

contract! {
    deepl: crate::providers::deepl::DeeplWire, +quota_errors_are_quota_exhausted_and_not_retried;
    google: crate::providers::google::GoogleWire, +quota_errors_are_quota_exhausted_and_not_retried;
    azure: crate::providers::azure::AzureWire, +quota_errors_are_quota_exhausted_and_not_retried;
    libretranslate: crate::providers::libretranslate::LibreTranslateWire;
    openai: crate::providers::openai::OpenAiWire, +quota_errors_are_quota_exhausted_and_not_retried;
}
