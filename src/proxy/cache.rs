//! The proxied pages kept between requests: what we rendered for one
//! language from one version of an origin's page, with the validators the
//! origin gave for that version, so a refetch is conditional and an answer
//! of 304 costs no translation.

use std::sync::Arc;

use bytes::Bytes;

use crate::fetch::Validators;
use crate::i18n::Lang;

/// Idle proxied pages are forgotten after this long; the origin's
/// validators are only worth keeping while readers come back.
const IDLE: std::time::Duration = std::time::Duration::from_secs(3600);

/// One proxied page as rendered for one language, with what the origin
/// said about the version it was rendered from.
#[derive(Debug)]
pub struct Proxied {
    pub validators: Validators,
    pub html: Bytes,
    /// The store generation the page was translated under: after an
    /// override or glossary change the origin's 304 must not bring the old
    /// translation back, so the page is fetched and translated again.
    pub generation: i64,
}

/// Proxied pages by (target language, URL).
pub type ProxyCache = moka::future::Cache<(Lang, String), Arc<Proxied>>;

/// The cache of proxied pages, weighed by size, within `max_bytes`.
pub fn cache(max_bytes: u64) -> ProxyCache {
    moka::future::Cache::builder()
        .weigher(|key: &(Lang, String), page: &Arc<Proxied>| {
            u32::try_from(page.html.len() + key.1.len() + 256).unwrap_or(u32::MAX)
        })
        .max_capacity(max_bytes)
        .time_to_idle(IDLE)
        .build()
}
