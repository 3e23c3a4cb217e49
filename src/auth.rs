//! Who may do what: translators' API tokens, web-editor sessions and the
//! limit on failed logins; the translation API's site clients (keys,
//! origins, requests per minute).
//!
//! A token is `hny_` and 64 hex digits (256 random bits from the operating
//! system); the store keeps only its SHA-256, so neither a database copy nor a
//! log line can be used to log in. Tokens are too long to guess, so the
//! failure limit is not what keeps them safe; it keeps a misconfigured
//! client or a scanner from hammering the database.

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::config::{ApiClient, ApiConfig};
use crate::limit::{SlidingWindow, address_key};
use crate::model::{Session, TranslatorAccount};
use crate::store::{Store, StoreError};

/// What every token starts with, so one found in a file or a chat is
/// recognisable (and secret scanners can look for it).
pub const TOKEN_PREFIX: &str = "hny_";

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("the operating system's random number generator failed: {0}")]
    Random(String),
    /// No translator holds this token (never held, or revoked).
    #[error("unknown or revoked token")]
    UnknownToken,
    /// Too many unknown tokens from this address lately.
    #[error("too many failed logins; try again in {retry_after_secs} s")]
    TooManyFailures { retry_after_secs: u64 },
    #[error(transparent)]
    Store(#[from] StoreError),
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

/// Compares two secrets in time that does not depend on where they differ
/// (the one comparison of secrets in the service).
pub fn same_secret(a: impl AsRef<[u8]>, b: impl AsRef<[u8]>) -> bool {
    use subtle::ConstantTimeEq;
    a.as_ref().ct_eq(b.as_ref()).into()
}

/// Counts failed logins (bad tokens, on the API or the login form) per
/// client address (an IPv6 /64 counts as one) in a sliding window; past the
/// limit, further unknown tokens from that address are answered 429 until
/// the window moves on. A valid token or session always gets in: a shared
/// address (an office, a proxy) cannot be locked out by one of its users.
#[derive(Debug)]
pub struct FailureLimiter {
    failures: SlidingWindow<IpAddr>,
}

impl FailureLimiter {
    pub fn new(max_failures: u32, window: Duration) -> Self {
        Self {
            failures: SlidingWindow::new(
                usize::try_from(max_failures).unwrap_or(usize::MAX),
                window,
            ),
        }
    }

    /// `Err(seconds)` while `ip` has used up its failures.
    pub fn check(&self, ip: IpAddr) -> Result<(), u64> {
        self.failures.check(&address_key(ip))
    }

    pub fn record_failure(&self, ip: IpAddr) {
        self.failures.record(address_key(ip));
    }
}

/// The site clients of the translation API (`api.clients`): who holds which
/// key (kept only as SHA-256), from which browser origins, and how many
/// requests a minute each may make.
#[derive(Debug)]
pub struct ApiClients {
    clients: Vec<ApiClient>,
    per_minute: HashMap<String, SlidingWindow<()>>,
}

impl ApiClients {
    pub fn new(config: &ApiConfig) -> Self {
        let per_minute = config
            .clients
            .iter()
            .filter(|c| c.requests_per_minute > 0)
            .map(|c| {
                let max = usize::try_from(c.requests_per_minute).unwrap_or(usize::MAX);
                (
                    c.name.clone(),
                    SlidingWindow::new(max, Duration::from_secs(60)),
                )
            })
            .collect();
        Self {
            clients: config.clients.clone(),
            per_minute,
        }
    }

    /// No client configured: the API is open (a first run on one machine).
    pub fn is_open(&self) -> bool {
        self.clients.is_empty()
    }

    /// The client holding `key`.
    pub fn by_key(&self, key: &str) -> Option<&ApiClient> {
        let digest = sha256_hex(key);
        self.clients
            .iter()
            .find(|c| same_secret(c.key_sha256.to_ascii_lowercase(), &digest))
    }

    /// Whether some client may be called from the browser origin `origin`.
    pub fn any_allows(&self, origin: &str) -> bool {
        self.clients.iter().any(|c| allows(c, origin))
    }

    /// Takes one request from the client's per-minute allowance, or says in
    /// how many seconds one would be accepted.
    pub fn take_request(&self, client: &ApiClient) -> Result<(), u64> {
        match self.per_minute.get(&client.name) {
            Some(limit) => limit.take(()),
            None => Ok(()),
        }
    }
}

/// Whether `client` was given the browser origin `origin`.
pub fn allows(client: &ApiClient, origin: &str) -> bool {
    client
        .origins
        .iter()
        .any(|o| o.eq_ignore_ascii_case(origin))
}

/// A translator's token (`Authorization: Bearer hny_…` on the API) or the
/// token typed on the editor's login form, checked: the account it
/// belongs to. An unknown or revoked token counts as a failure of `ip`;
/// past the limit it is refused without a look at the store.
pub async fn check_token(
    store: &dyn Store,
    failures: &FailureLimiter,
    ip: IpAddr,
    token: &str,
) -> Result<TranslatorAccount, AuthError> {
    let token = token.trim();
    let account = if token.is_empty() {
        None
    } else {
        store.translator_by_token(&sha256_hex(token)).await?
    };
    match account {
        Some(account) => Ok(account),
        None => {
            // Only unknown tokens are limited: a valid one always gets in,
            // so one user of a shared address cannot lock the others out.
            failures
                .check(ip)
                .map_err(|retry_after_secs| AuthError::TooManyFailures { retry_after_secs })?;
            failures.record_failure(ip);
            tracing::info!(%ip, "refused an unknown or revoked translator token");
            Err(AuthError::UnknownToken)
        }
    }
}

/// A web-editor session just started: the id goes into the cookie (the
/// store keeps only its SHA-256), the CSRF token into every form.
#[derive(Debug)]
pub struct NewSession {
    pub id: String,
    pub account: TranslatorAccount,
}

/// Logs in with `token` (see [`check_token`]) and starts a session that
/// lasts `lifetime`.
pub async fn log_in(
    store: &dyn Store,
    failures: &FailureLimiter,
    ip: IpAddr,
    token: &str,
    lifetime: Duration,
) -> Result<NewSession, AuthError> {
    let account = check_token(store, failures, ip, token).await?;
    let id = random_hex()?;
    let csrf = random_hex()?;
    let lifetime_ms = i64::try_from(lifetime.as_millis()).unwrap_or(i64::MAX);
    store
        .session_create(
            &sha256_hex(&id),
            &account.name,
            &csrf,
            crate::clock::now_ms().saturating_add(lifetime_ms),
        )
        .await?;
    tracing::info!(translator = %account.name, "editor session started");
    Ok(NewSession { id, account })
}

/// The live session whose id is `id`, if any.
pub async fn session(store: &dyn Store, id: &str) -> Result<Option<Session>, AuthError> {
    Ok(store
        .session_get(&sha256_hex(id), crate::clock::now_ms())
        .await?)
}

/// Ends the session whose id has this SHA-256.
pub async fn log_out(store: &dyn Store, id_sha256: &str) -> Result<(), AuthError> {
    Ok(store.session_delete(id_sha256).await?)
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
        assert!(!same_secret("", "a"));
        assert!(same_secret("", ""));
    }

    fn client(rpm: u32) -> ApiClient {
        ApiClient {
            name: "site".into(),
            key_sha256: sha256_hex("k"),
            origins: vec!["https://www.example.go.jp".into()],
            requests_per_minute: rpm,
            daily_characters: 0,
        }
    }

    #[test]
    fn a_client_gets_its_requests_per_minute_then_waits_for_the_oldest() {
        let clients = ApiClients::new(&ApiConfig {
            clients: vec![client(3)],
        });
        let c = &clients.clients[0];
        for _ in 0..3 {
            clients.take_request(c).unwrap();
        }
        let wait = clients.take_request(c).unwrap_err();
        assert!((59..=60).contains(&wait), "{wait}");
        let unlimited = ApiClients::new(&ApiConfig {
            clients: vec![client(0)],
        });
        for _ in 0..100 {
            unlimited.take_request(&unlimited.clients[0]).unwrap();
        }
    }

    #[test]
    fn client_keys_and_origins() {
        let clients = ApiClients::new(&ApiConfig {
            clients: vec![client(0)],
        });
        assert_eq!(clients.by_key("k").unwrap().name, "site");
        assert!(clients.by_key("nope").is_none());
        assert!(clients.any_allows("https://WWW.example.go.jp"));
        assert!(!clients.any_allows("https://evil.example"));
        assert!(!clients.is_open());
        assert!(ApiClients::new(&ApiConfig { clients: vec![] }).is_open());
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
