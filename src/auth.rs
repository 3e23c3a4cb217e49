//! Who may change translations: translators' API tokens, web-editor
//! sessions, and the limit on failed logins.
//!
//! A token is `hny_` and 64 hex digits (256 random bits from the operating
//! system); the store keeps only its SHA-256, so neither a database copy nor a
//! log line can be used to log in. Tokens are too long to guess, so the
//! failure limit is not what keeps them safe; it keeps a misconfigured
//! client or a scanner from hammering the database.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{Method, header};
use sha2::{Digest, Sha256};

use crate::app::App;
use crate::http::HttpError;
use crate::i18n::Lang;
use crate::model::TranslatorAccount;

/// What every token starts with, so one found in a file or a chat is
/// recognisable (and secret scanners can look for it).
pub const TOKEN_PREFIX: &str = "hny_";

/// The web editor's session cookie.
pub const SESSION_COOKIE: &str = "honyaku_session";

/// The header that carries a session's CSRF token on API calls made with the
/// session cookie (forms carry it as a field instead).
pub const CSRF_HEADER: &str = "x-csrf-token";

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("the operating system's random number generator failed: {0}")]
    Random(String),
}

/// 32 random bytes as 64 hex digits.
pub fn random_hex() -> Result<String, AuthError> {
    let mut bytes = [0u8; 32];
    getrandom::getrandom(&mut bytes).map_err(|e| AuthError::Random(e.to_string()))?;
    Ok(hex::encode(bytes))
}

/// A new API token, to be shown once and stored only as [`sha256_hex`].
pub fn new_token() -> Result<String, AuthError> {
    Ok(format!("{TOKEN_PREFIX}{}", random_hex()?))
}

pub fn sha256_hex(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Counts failed logins (bad tokens, on the API or the login form) per
/// client address (an IPv6 /64 counts as one) in a sliding window; past the
/// limit, further unknown tokens from that address are answered 429 until
/// the window moves on. A valid token or session always gets in: a shared
/// address (an office, a proxy) cannot be locked out by one of its users.
#[derive(Debug)]
pub struct FailureLimiter {
    max_failures: u32,
    window: Duration,
    failures: std::sync::Mutex<HashMap<IpAddr, Vec<Instant>>>,
}

/// Addresses tracked at most; past it the oldest are forgotten first, so a
/// flood of addresses cannot grow memory without bound.
const TRACKED_ADDRESSES: usize = 10_000;

impl FailureLimiter {
    pub fn new(max_failures: u32, window: Duration) -> Self {
        Self {
            max_failures: max_failures.max(1),
            window,
            failures: std::sync::Mutex::new(HashMap::new()),
        }
    }

    /// `Err(seconds)` while `ip` has used up its failures.
    pub fn check(&self, ip: IpAddr) -> Result<(), u64> {
        let ip = crate::feedback::limit_key(ip);
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        let Some(times) = failures.get_mut(&ip) else {
            return Ok(());
        };
        let window = self.window;
        times.retain(|t| t.elapsed() < window);
        if times.len() < self.max_failures as usize {
            return Ok(());
        }
        let oldest = times.iter().min().copied().unwrap_or_else(Instant::now);
        Err(window.saturating_sub(oldest.elapsed()).as_secs().max(1))
    }

    pub fn record_failure(&self, ip: IpAddr) {
        let ip = crate::feedback::limit_key(ip);
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        if failures.len() >= TRACKED_ADDRESSES && !failures.contains_key(&ip) {
            let window = self.window;
            failures.retain(|_, times| times.iter().any(|t| t.elapsed() < window));
            if failures.len() >= TRACKED_ADDRESSES {
                // Full of live entries: a new address goes uncounted rather
                // than wiping the lockouts already earned (tokens are too
                // long to guess; the limit is about load, not secrecy).
                return;
            }
        }
        failures.entry(ip).or_default().push(Instant::now());
    }

    /// The answer to an unknown token from `ip`: counted, then 401, or 429
    /// once the address has used up its failures.
    pub fn refuse(&self, ip: IpAddr) -> HttpError {
        if let Err(retry_after_secs) = self.check(ip) {
            return HttpError::RateLimited { retry_after_secs };
        }
        self.record_failure(ip);
        HttpError::NotLoggedIn
    }
}

/// The client's address: the socket's peer (loopback when the router is
/// driven without a socket, as in unit tests), or, when the peer is one of
/// `trusted` proxies, the last address in `X-Forwarded-For` that is not one
/// of them (the ones before it could be made up by the client).
pub fn client_ip(parts: &Parts, trusted: &[IpAddr]) -> IpAddr {
    client_ip_of(&parts.extensions, &parts.headers, trusted)
}

/// [`client_ip`] from a request's extensions and headers, for handlers that
/// also read the body.
pub fn client_ip_of(
    extensions: &axum::http::Extensions,
    headers: &axum::http::HeaderMap,
    trusted: &[IpAddr],
) -> IpAddr {
    let peer = extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip())
        .unwrap_or(IpAddr::from([127, 0, 0, 1]));
    if !trusted.contains(&peer) {
        return peer;
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .collect();
    forwarded
        .into_iter()
        .rev()
        .find(|ip| !trusted.contains(ip))
        .unwrap_or(peer)
}

/// The value of cookie `name`, when the request carries it exactly once.
/// Two of them mean someone else set one too (a sibling subdomain can, with
/// a narrower path that browsers send first): then neither is trusted, so
/// nobody can be made to work inside another person's session.
pub fn cookie<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    let mut values = parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .filter(|(k, _)| *k == name)
        .map(|(_, v)| v);
    let first = values.next()?;
    values.next().is_none().then_some(first)
}

/// How a request proved who it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    /// `Authorization: Bearer hny_…`.
    Token,
    /// The editor's session cookie; `csrf_token` must come back with every
    /// change.
    Session {
        id_sha256: String,
        csrf_token: String,
    },
}

/// A translator proven by a token or a session. As an extractor it answers
/// 401 without one, 429 after too many failures from the address, and, for
/// a change made with a session cookie, 403 unless the `X-CSRF-Token` header
/// matches the session.
#[derive(Debug, Clone)]
pub struct Principal {
    pub account: TranslatorAccount,
    pub credential: Credential,
}

impl Principal {
    /// 403 unless this translator may change `lang`.
    pub fn require_lang(&self, lang: Lang) -> Result<(), HttpError> {
        if self.account.may_edit(lang) {
            Ok(())
        } else {
            Err(HttpError::Forbidden {
                detail: format!(
                    "{} may not change {} translations",
                    self.account.name,
                    lang.code()
                ),
            })
        }
    }

    pub fn name(&self) -> &str {
        &self.account.name
    }
}

/// Resolves the request's token or session without enforcing CSRF: for the
/// editor's form handlers, which check the form's own CSRF field.
pub async fn authenticate(parts: &Parts, app: &Arc<App>) -> Result<Principal, HttpError> {
    let bearer = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    if let Some(token) = bearer {
        return match app
            .store
            .translator_by_token(&sha256_hex(token))
            .await
            .map_err(HttpError::from_store)?
        {
            Some(account) => Ok(Principal {
                account,
                credential: Credential::Token,
            }),
            None => {
                let ip = client_ip(parts, &app.config.server.trusted_proxies);
                tracing::info!(%ip, "refused an unknown or revoked translator token");
                Err(app.login_failures.refuse(ip))
            }
        };
    }
    if let Some(id) = cookie(parts, SESSION_COOKIE) {
        let id_sha256 = sha256_hex(id);
        if let Some(session) = app
            .store
            .session_get(&id_sha256, crate::clock::now_ms())
            .await
            .map_err(HttpError::from_store)?
        {
            return Ok(Principal {
                account: session.translator,
                credential: Credential::Session {
                    id_sha256,
                    csrf_token: session.csrf_token,
                },
            });
        }
    }
    Err(HttpError::NotLoggedIn)
}

impl FromRequestParts<Arc<App>> for Principal {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, app: &Arc<App>) -> Result<Self, HttpError> {
        let translator = authenticate(parts, app).await?;
        if let Credential::Session { csrf_token, .. } = &translator.credential {
            let safe = matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            if !safe && !same_secret(sent, csrf_token) {
                return Err(HttpError::CsrfFailed);
            }
        }
        Ok(translator)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_prefixed() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert_ne!(a, b);
        assert!(a.starts_with(TOKEN_PREFIX));
        assert_eq!(a.len(), TOKEN_PREFIX.len() + 64);
        assert_eq!(sha256_hex(&a).len(), 64);
        assert_ne!(sha256_hex(&a), a);
    }

    #[test]
    fn secrets_compare_exactly() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
    }

    #[test]
    fn failures_past_the_limit_are_refused_per_address() {
        let limiter = FailureLimiter::new(3, Duration::from_secs(60));
        let a = IpAddr::from([10, 0, 0, 1]);
        let b = IpAddr::from([10, 0, 0, 2]);
        for _ in 0..3 {
            assert!(limiter.check(a).is_ok());
            limiter.record_failure(a);
        }
        let wait = limiter.check(a).unwrap_err();
        assert!((1..=60).contains(&wait));
        assert!(limiter.check(b).is_ok(), "other addresses are not affected");
    }

    #[test]
    fn the_client_is_the_peer_unless_a_trusted_proxy_forwards() {
        let peer = |ip: [u8; 4]| {
            let mut extensions = axum::http::Extensions::new();
            extensions.insert(ConnectInfo(SocketAddr::from((ip, 40000))));
            extensions
        };
        let mut headers = axum::http::HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            axum::http::HeaderValue::from_static("1.2.3.4, 203.0.113.9, 10.0.0.2"),
        );
        let proxy = IpAddr::from([10, 0, 0, 1]);
        let inner = IpAddr::from([10, 0, 0, 2]);
        // An untrusted peer's header is ignored.
        assert_eq!(
            client_ip_of(&peer([192, 0, 2, 1]), &headers, &[proxy]),
            IpAddr::from([192, 0, 2, 1])
        );
        // Trusted hops are skipped from the right; what the client wrote
        // before the first untrusted hop is not believed.
        assert_eq!(
            client_ip_of(&peer([10, 0, 0, 1]), &headers, &[proxy, inner]),
            IpAddr::from([203, 0, 113, 9])
        );
    }

    #[test]
    fn an_ipv6_64_is_one_address() {
        let limiter = FailureLimiter::new(1, Duration::from_secs(60));
        let a: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2::ffff".parse().unwrap();
        limiter.record_failure(a);
        assert!(limiter.check(b).is_err());
        assert!(limiter.check("2001:db8:1:3::1".parse().unwrap()).is_ok());
    }

    #[test]
    fn failures_expire_with_the_window() {
        let limiter = FailureLimiter::new(1, Duration::from_millis(20));
        let a = IpAddr::from([10, 0, 0, 1]);
        limiter.record_failure(a);
        assert!(limiter.check(a).is_err());
        std::thread::sleep(Duration::from_millis(30));
        assert!(limiter.check(a).is_ok());
    }
}
