//! What responses tell caches, in one place: every response that sets
//! `Cache-Control` says it with a [`CachePolicy`], so the policies the
//! service uses can be read here and nowhere else.

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponseParts, ResponseParts};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CachePolicy {
    /// Kept by nobody: errors, forms, API answers, pages with a session's
    /// CSRF token, partial translations that must be asked for again.
    NoStore,
    /// For one client only and never kept: translators' JSON.
    PrivateNoStore,
    /// For one reader, revalidated every time: an answer that depends on
    /// the reader's own headers (the negotiated redirect of `/`).
    PrivateNoCache,
    /// Shared caches may keep it for `max_age` seconds.
    Public { max_age: u64 },
    /// Never changes at this URL (assets whose URL carries their version):
    /// kept for a year and never revalidated.
    Immutable,
}

impl CachePolicy {
    /// The `Cache-Control` value.
    pub fn header_value(self) -> HeaderValue {
        match self {
            CachePolicy::NoStore => HeaderValue::from_static("no-store"),
            CachePolicy::PrivateNoStore => HeaderValue::from_static("private, no-store"),
            CachePolicy::PrivateNoCache => HeaderValue::from_static("private, no-cache"),
            CachePolicy::Public { max_age } => {
                HeaderValue::from_str(&format!("public, max-age={max_age}"))
                    .unwrap_or(HeaderValue::from_static("no-store"))
            }
            CachePolicy::Immutable => {
                HeaderValue::from_static("public, max-age=31536000, immutable")
            }
        }
    }

    /// Sets `Cache-Control` on `headers`, replacing any earlier value.
    pub fn apply(self, headers: &mut HeaderMap) {
        headers.insert(header::CACHE_CONTROL, self.header_value());
    }
}

/// So a policy can stand in a response tuple: `(CachePolicy::NoStore, body)`.
impl IntoResponseParts for CachePolicy {
    type Error = std::convert::Infallible;

    fn into_response_parts(self, mut res: ResponseParts) -> Result<ResponseParts, Self::Error> {
        self.apply(res.headers_mut());
        Ok(res)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_values() {
        let value = |p: CachePolicy| p.header_value().to_str().unwrap_or_default().to_owned();
        assert_eq!(value(CachePolicy::NoStore), "no-store");
        assert_eq!(value(CachePolicy::PrivateNoStore), "private, no-store");
        assert_eq!(value(CachePolicy::PrivateNoCache), "private, no-cache");
        assert_eq!(
            value(CachePolicy::Public { max_age: 300 }),
            "public, max-age=300"
        );
        assert_eq!(
            value(CachePolicy::Immutable),
            "public, max-age=31536000, immutable"
        );
    }
}
