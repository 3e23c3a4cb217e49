//! Whether a state-changing request a browser makes comes from one of our
//! own pages. The editor's session cookie is `SameSite=Strict`, so another
//! site's form cannot use a session; but it could log a translator's
//! browser into the attacker's account (login CSRF), or spend the readers'
//! allowance of the report form. Browsers say where a request comes from:
//! `Sec-Fetch-Site` in current ones, `Origin` (or at least `Referer`) in
//! older ones, which are checked against where readers reach us.

use axum::http::{HeaderMap, header};
use url::Url;

use crate::app::App;

/// True when the browser says the request comes from another site (or
/// from an opaque `null` origin). A request that carries none of the three
/// headers is not from a browser's cross-site form, and is let through.
pub fn from_elsewhere(app: &App, headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return !matches!(site.to_str(), Ok("same-origin" | "none"));
    }
    let Some(claimed) = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
    else {
        return false;
    };
    let Some(from) = claimed.to_str().ok().and_then(|v| Url::parse(v).ok()) else {
        return true;
    };
    !is_ours(&app.base_url, headers, &from)
}

/// `from` is on our public base URL's origin, or names the host the
/// request was sent to (behind a proxy that keeps `Host`, the scheme may
/// differ from what we see).
fn is_ours(base_url: &str, headers: &HeaderMap, from: &Url) -> bool {
    if !matches!(from.scheme(), "http" | "https") {
        return false;
    }
    if Url::parse(base_url).is_ok_and(|base| base.origin() == from.origin()) {
        return true;
    }
    let Some(host) = from.host_str() else {
        return false;
    };
    let authority = match from.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    };
    headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|h| h.eq_ignore_ascii_case(&authority))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    fn ours(base: &str, pairs: &[(&'static str, &'static str)], from: &str) -> bool {
        is_ours(base, &headers(pairs), &Url::parse(from).unwrap())
    }

    #[test]
    fn our_origin_is_the_public_base_or_the_requested_host() {
        let base = "https://honyaku.example.go.jp";
        assert!(ours(base, &[], "https://honyaku.example.go.jp"));
        assert!(ours(
            base,
            &[],
            "https://honyaku.example.go.jp/translators/login"
        ));
        assert!(!ours(base, &[], "http://honyaku.example.go.jp"));
        assert!(!ours(base, &[], "https://evil.example"));
        assert!(!ours(
            base,
            &[],
            "https://honyaku.example.go.jp.evil.example"
        ));
        let host = [("host", "127.0.0.1:8080")];
        assert!(ours(base, &host, "http://127.0.0.1:8080"));
        assert!(!ours(base, &host, "http://127.0.0.1:8081"));
        assert!(!ours(base, &[("host", "evil.example")], "data:text/html,x"));
    }
}
