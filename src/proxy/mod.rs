//! The URL proxy: an allowlisted page of the ministry's site, fetched (see
//! [`crate::fetch`]), its charset decoded whatever the `<meta>` claims,
//! translated on the same pipeline as the API ([`crate::document`]),
//! rewritten ([`rewrite`]) and kept ([`cache`]) so that the next reader's
//! request is a conditional fetch.
//!
//! The HTTP side (the two URL forms readers arrive with, the response and
//! its headers) is `http::routes::proxy`; everything here works on a URL
//! and a language.

pub mod cache;
pub mod rewrite;

use std::sync::Arc;

use bytes::Bytes;
use url::Url;

use crate::document::{self, DocumentError};
use crate::fetch::{FetchError, Fetched, Fetcher};
use crate::i18n::{Lang, Languages, Locales};
use crate::translate::Pipeline;

pub use cache::{Proxied, ProxyCache};
pub use rewrite::proxy_href;

/// Why a page cannot be served through the proxy.
#[derive(Debug, thiserror::Error)]
pub enum ProxyError {
    /// Not a URL the proxy may fetch (not on an allowlisted origin, or a
    /// forbidden address). Refused before any request leaves.
    #[error("the proxy may not fetch this URL: {0}")]
    NotAllowed(FetchError),
    #[error("the origin did not answer in time")]
    Timeout,
    /// The origin could not be reached or sent something we cannot read.
    #[error(transparent)]
    Fetch(FetchError),
    /// The origin has no such page (404 or 410).
    #[error("the origin has no such page (status {0})")]
    NotFound(u16),
    /// The origin answered with another error status.
    #[error("the origin answered with status {0}")]
    OriginStatus(u16),
    /// Not HTML, where only HTML will do (a page's units for translators).
    #[error("the origin's answer is not HTML")]
    NotHtml,
    /// A 304 to a request we made without validators.
    #[error("the origin answered 304 to an unconditional request")]
    UnexpectedNotModified,
    #[error(transparent)]
    Document(#[from] DocumentError),
    #[error("cannot rewrite the page: {0}")]
    Rewrite(String),
}

impl From<FetchError> for ProxyError {
    /// A failure once the request has left: a redirect to a refused place
    /// is still a refusal, a timeout is the origin's.
    fn from(error: FetchError) -> Self {
        match error {
            FetchError::NotAllowed { .. } | FetchError::ForbiddenAddress { .. } => {
                ProxyError::NotAllowed(error)
            }
            FetchError::Timeout => ProxyError::Timeout,
            other => ProxyError::Fetch(other),
        }
    }
}

/// What a proxied URL is answered with.
#[derive(Debug)]
pub enum Answer {
    /// The translated page; `complete` is false when some units are still
    /// Japanese (such a page must not be kept by anyone).
    Page { html: Bytes, complete: bool },
    /// Non-HTML (PDF, images…) is not translated: the reader is sent to the
    /// original, which is cheaper than streaming it through us and keeps us
    /// from serving arbitrary bytes from our own origin.
    Original(Url),
}

/// The proxy: the one outbound client (allowlist, address guard, timeouts
/// and size cap built in) and the pages rendered so far.
pub struct Proxy {
    fetcher: Fetcher,
    cache: ProxyCache,
    base_url: String,
    /// The languages served: prefixes, the switcher, hreflang.
    languages: Arc<Languages>,
}

impl std::fmt::Debug for Proxy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Proxy")
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

/// What translating a proxied page needs from the rest of the service.
pub struct Translating<'a> {
    pub pipeline: &'a std::sync::Arc<Pipeline>,
    /// Readers are answered within this (see `pages.first_byte_budget_ms`).
    pub budget: std::time::Duration,
    pub locales: &'a Locales,
    /// The store generation now (see [`Proxied::generation`]).
    pub generation: i64,
}

impl Proxy {
    /// A proxy fetching with `fetcher`, keeping up to `cache_bytes` of
    /// rendered pages, linking to itself under `base_url`, in `languages`.
    pub fn new(
        fetcher: Fetcher,
        cache_bytes: u64,
        base_url: String,
        languages: Arc<Languages>,
    ) -> Self {
        Self {
            fetcher,
            cache: cache::cache(cache_bytes),
            base_url,
            languages,
        }
    }

    /// `{base}/proxy/{prefix}/{target}`: the canonical address of `target`
    /// translated into `lang`.
    pub fn href(&self, lang: Lang, target: &str) -> String {
        proxy_href(&self.base_url, self.languages.prefix(lang), target)
    }

    /// The URL `raw` names, when the proxy may fetch it. A bad URL is the
    /// reader's mistake, not the origin's, and an address we may not reach
    /// must never see a packet: both are refused here.
    pub fn check(&self, raw: &str) -> Result<Url, ProxyError> {
        self.fetcher.parse_and_check(raw).map_err(|e| match e {
            FetchError::InvalidUrl { .. } => ProxyError::NotAllowed(e),
            other => {
                log(&other);
                ProxyError::from(other)
            }
        })
    }

    /// Fetches the HTML page at `raw` now, as the proxy would, without
    /// translating it: its final URL and its text.
    pub async fn fetch_html(&self, raw: &str) -> Result<(Url, String), ProxyError> {
        let url = self.check(raw)?;
        let Fetched::Page(page) = self.fetcher.fetch(&url, None).await.inspect_err(log)? else {
            return Err(ProxyError::UnexpectedNotModified);
        };
        if !page.status.is_success() {
            return Err(ProxyError::OriginStatus(page.status.as_u16()));
        }
        if !page.is_html {
            return Err(ProxyError::NotHtml);
        }
        let (html, _) = page.decode();
        Ok((url, html))
    }

    /// `raw` in `lang`: fetched (conditionally when we have a rendering of
    /// it), translated, rewritten, and kept for the next reader when it is
    /// complete and the origin gave validators.
    pub async fn answer(
        &self,
        with: &Translating<'_>,
        lang: Lang,
        raw: &str,
    ) -> Result<Answer, ProxyError> {
        let url = self.check(raw)?;
        let key = (lang, url.as_str().to_owned());
        let cached = self
            .cache
            .get(&key)
            .await
            .filter(|c| c.generation == with.generation);
        let fetched = self
            .fetcher
            .fetch(&url, cached.as_ref().map(|c| &c.validators))
            .await
            .inspect_err(log)?;
        let page = match (fetched, cached) {
            (Fetched::NotModified, Some(cached)) => {
                return Ok(Answer::Page {
                    html: cached.html.clone(),
                    complete: true,
                });
            }
            (Fetched::NotModified, None) => return Err(ProxyError::UnexpectedNotModified),
            (Fetched::Page(page), _) => page,
        };
        let status = page.status.as_u16();
        if status == 404 || status == 410 {
            return Err(ProxyError::NotFound(status));
        }
        if !page.status.is_success() {
            tracing::warn!(
                status,
                origin = %url.origin().ascii_serialization(),
                "proxy: the origin answered with an error"
            );
            return Err(ProxyError::OriginStatus(status));
        }
        if !page.is_html {
            return Ok(Answer::Original(page.final_url));
        }
        let (source, _) = page.decode();
        let (translated, complete) =
            document::translate_html(with.pipeline, &source, lang, Some(with.budget)).await?;
        let rewriter = rewrite::Rewriter {
            fetcher: &self.fetcher,
            locales: with.locales,
            languages: &self.languages,
            base_url: &self.base_url,
            lang,
        };
        let html = rewrite::rewrite(&rewriter, &page.final_url, &translated)
            .map_err(|e| ProxyError::Rewrite(e.to_string()))?;
        let html = Bytes::from(html);
        let validators = page.validators();
        if complete && !validators.is_empty() {
            self.cache
                .insert(
                    key,
                    Arc::new(Proxied {
                        validators,
                        html: html.clone(),
                        generation: with.generation,
                    }),
                )
                .await;
        } else {
            // A stale or partial rendering must not answer a later 304.
            self.cache.invalidate(&key).await;
        }
        Ok(Answer::Page { html, complete })
    }
}

/// A fetch that failed for a reason of the origin's or the network's is
/// logged here, once, with its stable code.
fn log(error: &FetchError) {
    if !matches!(
        error,
        FetchError::NotAllowed { .. } | FetchError::ForbiddenAddress { .. } | FetchError::Timeout
    ) {
        tracing::warn!(code = error.code(), %error, "proxy: fetch failed");
    }
}
