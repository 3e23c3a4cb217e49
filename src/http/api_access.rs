//! Who may call the translation API, from which browser origins, how often
//! and how much: keys (kept only as SHA-256), CORS, a per-minute request
//! limit and a daily character budget per client.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::http::{HeaderMap, HeaderValue, header};
use sha2::{Digest, Sha256};

use crate::config::{ApiClient, ApiConfig};
use crate::http::HttpError;

/// A token bucket refilled at `requests_per_minute`.
#[derive(Debug)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

#[derive(Debug)]
pub struct ApiAccess {
    clients: Vec<ApiClient>,
    buckets: Mutex<HashMap<String, Bucket>>,
}

impl ApiAccess {
    pub fn new(config: &ApiConfig) -> Self {
        Self {
            clients: config.clients.clone(),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// No client configured: the API is open (a first run on one machine).
    pub fn is_open(&self) -> bool {
        self.clients.is_empty()
    }

    /// The client a request's key belongs to (`Authorization: Bearer KEY`
    /// or `X-Api-Key: KEY`); `None` when the API is open.
    pub fn authenticate(&self, headers: &HeaderMap) -> Result<Option<&ApiClient>, HttpError> {
        if self.is_open() {
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
        let digest = hex::encode(Sha256::digest(key.as_bytes()));
        self.clients
            .iter()
            .find(|c| {
                constant_time_eq(
                    c.key_sha256.to_ascii_lowercase().as_bytes(),
                    digest.as_bytes(),
                )
            })
            .map(Some)
            .ok_or(HttpError::Unauthorized)
    }

    /// The `Access-Control-Allow-Origin` value for a request, refusing an
    /// origin the client was not given. Requests without `Origin` (servers)
    /// need none.
    pub fn allow_origin(
        &self,
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
                if client.origins.iter().any(|o| o.eq_ignore_ascii_case(text)) {
                    Ok(Some(origin.clone()))
                } else {
                    Err(HttpError::OriginNotAllowed)
                }
            }
        }
    }

    /// Whether any client may be called from `origin` (for preflight, which
    /// carries no key).
    pub fn preflight_origin(&self, headers: &HeaderMap) -> Option<HeaderValue> {
        let origin = headers.get(header::ORIGIN)?;
        if self.is_open() {
            return Some(HeaderValue::from_static("*"));
        }
        let text = origin.to_str().ok()?;
        self.clients
            .iter()
            .any(|c| c.origins.iter().any(|o| o.eq_ignore_ascii_case(text)))
            .then(|| origin.clone())
    }

    /// Takes one request from the client's per-minute allowance.
    pub fn take_request(&self, client: &ApiClient) -> Result<(), HttpError> {
        if client.requests_per_minute == 0 {
            return Ok(());
        }
        let rate = f64::from(client.requests_per_minute) / 60.0;
        let capacity = f64::from(client.requests_per_minute);
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let bucket = buckets.entry(client.name.clone()).or_insert(Bucket {
            tokens: capacity,
            updated: now,
        });
        let elapsed = now.duration_since(bucket.updated).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * rate).min(capacity);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            let wait = Duration::from_secs_f64((1.0 - bucket.tokens) / rate);
            Err(HttpError::RateLimited {
                retry_after_secs: wait.as_secs().max(1),
            })
        }
    }
}

/// Comparison whose time does not depend on where the inputs differ.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
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

    fn client(rpm: u32) -> ApiClient {
        ApiClient {
            name: "site".into(),
            key_sha256: hex::encode(Sha256::digest(b"k")),
            origins: vec!["https://www.example.go.jp".into()],
            requests_per_minute: rpm,
            daily_characters: 0,
        }
    }

    #[test]
    fn bucket_allows_a_burst_then_refuses_with_a_wait() {
        let access = ApiAccess::new(&ApiConfig {
            clients: vec![client(3)],
        });
        let c = &access.clients[0];
        for _ in 0..3 {
            access.take_request(c).unwrap();
        }
        match access.take_request(c) {
            Err(HttpError::RateLimited { retry_after_secs }) => {
                assert!((1..=20).contains(&retry_after_secs))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn keys_are_checked_by_hash() {
        let access = ApiAccess::new(&ApiConfig {
            clients: vec![client(0)],
        });
        let mut h = HeaderMap::new();
        assert!(matches!(
            access.authenticate(&h),
            Err(HttpError::Unauthorized)
        ));
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer nope"),
        );
        assert!(matches!(
            access.authenticate(&h),
            Err(HttpError::Unauthorized)
        ));
        h.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer k"));
        assert_eq!(access.authenticate(&h).unwrap().unwrap().name, "site");
        let mut h = HeaderMap::new();
        h.insert("x-api-key", HeaderValue::from_static("k"));
        assert!(access.authenticate(&h).unwrap().is_some());
    }

    #[test]
    fn midnight_countdown() {
        assert_eq!(seconds_until_utc_midnight(0), 86_400);
        assert_eq!(seconds_until_utc_midnight(86_400_000 - 1_500), 1);
    }
}
