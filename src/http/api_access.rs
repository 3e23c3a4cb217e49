//! The translation API's side of its clients ([`crate::auth::ApiClients`])
//! as HTTP sees them: the key in `Authorization` or `X-Api-Key`, the CORS
//! answer for a browser origin, 429 past the per-minute limit, and when the
//! daily character budget comes back.

use axum::http::{HeaderMap, HeaderValue, header};

use crate::auth::{self, ApiClients};
use crate::config::ApiClient;
use crate::http::HttpError;

/// The client a request's key belongs to (`Authorization: Bearer KEY` or
/// `X-Api-Key: KEY`); `None` when the API is open.
pub fn authenticate<'a>(
    clients: &'a ApiClients,
    headers: &HeaderMap,
) -> Result<Option<&'a ApiClient>, HttpError> {
    if clients.is_open() {
        return Ok(None);
    }
    let key = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .or_else(|| headers.get("x-api-key").and_then(|v| v.to_str().ok()))
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .ok_or(HttpError::Unauthorized)?;
    clients.by_key(key).map(Some).ok_or(HttpError::Unauthorized)
}

/// The `Access-Control-Allow-Origin` value for a request, refusing an
/// origin the client was not given. Requests without `Origin` (servers)
/// need none.
pub fn allow_origin(
    client: Option<&ApiClient>,
    headers: &HeaderMap,
) -> Result<Option<HeaderValue>, HttpError> {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return Ok(None);
    };
    match client {
        None => Ok(Some(HeaderValue::from_static("*"))),
        Some(client) => {
            let text = origin.to_str().map_err(|_| HttpError::OriginNotAllowed)?;
            if auth::allows(client, text) {
                Ok(Some(origin.clone()))
            } else {
                Err(HttpError::OriginNotAllowed)
            }
        }
    }
}

/// Whether any client may be called from the request's origin (for
/// preflight, which carries no key).
pub fn preflight_origin(clients: &ApiClients, headers: &HeaderMap) -> Option<HeaderValue> {
    let origin = headers.get(header::ORIGIN)?;
    if clients.is_open() {
        return Some(HeaderValue::from_static("*"));
    }
    let text = origin.to_str().ok()?;
    clients.any_allows(text).then(|| origin.clone())
}

/// Takes one request from the client's per-minute allowance; 429 with the
/// wait past it.
pub fn take_request(clients: &ApiClients, client: &ApiClient) -> Result<(), HttpError> {
    clients
        .take_request(client)
        .map_err(|retry_after_secs| HttpError::RateLimited { retry_after_secs })
}

/// Seconds until the next UTC midnight, when daily budgets reset.
pub fn seconds_until_utc_midnight(now_ms: i64) -> u64 {
    let day_ms = 86_400_000;
    let left = day_ms - now_ms.rem_euclid(day_ms);
    u64::try_from(left / 1000).unwrap_or(0).max(1)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::config::ApiConfig;

    fn clients(rpm: u32) -> ApiClients {
        ApiClients::new(&ApiConfig {
            clients: vec![ApiClient {
                name: "site".into(),
                key_sha256: auth::sha256_hex("k"),
                origins: vec!["https://www.example.go.jp".into()],
                requests_per_minute: rpm,
                daily_characters: 0,
            }],
        })
    }

    #[test]
    fn past_the_allowance_is_429_with_the_wait() {
        let clients = clients(3);
        let mut h = HeaderMap::new();
        h.insert("x-api-key", HeaderValue::from_static("k"));
        let c = authenticate(&clients, &h).unwrap().unwrap();
        for _ in 0..3 {
            take_request(&clients, c).unwrap();
        }
        match take_request(&clients, c) {
            Err(HttpError::RateLimited { retry_after_secs }) => {
                assert!((59..=60).contains(&retry_after_secs))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn keys_are_checked_by_hash() {
        let access = clients(0);
        let mut h = HeaderMap::new();
        assert!(matches!(
            authenticate(&access, &h),
            Err(HttpError::Unauthorized)
        ));
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer nope"),
        );
        assert!(matches!(
            authenticate(&access, &h),
            Err(HttpError::Unauthorized)
        ));
        h.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer k"));
        assert_eq!(authenticate(&access, &h).unwrap().unwrap().name, "site");
        let mut h = HeaderMap::new();
        h.insert("x-api-key", HeaderValue::from_static("k"));
        assert!(authenticate(&access, &h).unwrap().is_some());
    }

    #[test]
    fn origins_are_those_the_key_was_given() {
        let access = clients(0);
        let client = access.by_key("k");
        let mut h = HeaderMap::new();
        assert!(allow_origin(client, &h).unwrap().is_none());
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.example"),
        );
        assert!(matches!(
            allow_origin(client, &h),
            Err(HttpError::OriginNotAllowed)
        ));
        assert!(preflight_origin(&access, &h).is_none());
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://www.example.go.jp"),
        );
        assert!(allow_origin(client, &h).unwrap().is_some());
        assert!(preflight_origin(&access, &h).is_some());
    }

    #[test]
    fn midnight_countdown() {
        assert_eq!(seconds_until_utc_midnight(0), 86_400);
        assert_eq!(seconds_until_utc_midnight(86_400_000 - 1_500), 1);
    }
}
