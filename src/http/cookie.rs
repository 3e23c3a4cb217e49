//! The one reader of the `Cookie` header. Malformed pairs are skipped,
//! never an error: a broken cookie must not break the page.

use axum::http::{HeaderMap, header};

/// Every `name=value` pair the request carries, in order, across all its
/// `Cookie` headers.
pub fn pairs(headers: &HeaderMap) -> impl Iterator<Item = (&str, &str)> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
}

/// The first value of cookie `name`, unquoted: for preferences such as the
/// language, where any copy will do.
pub fn first(headers: &HeaderMap, name: &str) -> Option<String> {
    pairs(headers)
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim().trim_matches('"').to_owned())
}

/// The value of cookie `name`, when the request carries it exactly once.
/// Two of them mean someone else set one too (a sibling subdomain can, with
/// a narrower path that browsers send first): then neither is trusted, so
/// nobody can be made to work inside another person's session.
pub fn only<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    let mut values = pairs(headers).filter(|(k, _)| *k == name).map(|(_, v)| v);
    let first = values.next()?;
    values.next().is_none().then_some(first)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(values: &[&'static str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append(header::COOKIE, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn pairs_across_headers_and_malformed_ones_skipped() {
        let h = headers(&["a=1; broken; b = 2", "c=\"3\""]);
        assert_eq!(first(&h, "a").as_deref(), Some("1"));
        assert_eq!(first(&h, "c").as_deref(), Some("3"));
        assert_eq!(first(&h, "broken"), None);
        assert_eq!(pairs(&h).count(), 3);
    }

    #[test]
    fn a_doubled_cookie_is_no_cookie_for_only() {
        let h = headers(&["s=one", "s=two"]);
        assert_eq!(first(&h, "s").as_deref(), Some("one"));
        assert_eq!(only(&h, "s"), None);
        assert_eq!(only(&headers(&["s=one; t=x"]), "s"), Some("one"));
    }
}
