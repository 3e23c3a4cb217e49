//! The translator behind a request, as an extractor: a token in
//! `Authorization: Bearer hny_…` or the web editor's session cookie, checked
//! by [`crate::auth`]. Handlers that take a [`Principal`] are answered 401
//! without one, 429 after too many unknown tokens from the address, and,
//! for a change made with a session cookie, 403 unless the `X-CSRF-Token`
//! header matches the session.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{Method, header};

use crate::app::App;
use crate::auth::{self, AuthError};
use crate::http::HttpError;
use crate::http::client_addr::client_ip;
use crate::http::cookie;
use crate::i18n::Lang;
use crate::model::TranslatorAccount;

/// The web editor's session cookie.
pub const SESSION_COOKIE: &str = "honyaku_session";

/// The header that carries a session's CSRF token on API calls made with the
/// session cookie (forms carry it as a field instead).
pub const CSRF_HEADER: &str = "x-csrf-token";

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

/// A translator proven by a token or a session.
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

impl From<AuthError> for HttpError {
    fn from(error: AuthError) -> Self {
        match error {
            AuthError::UnknownToken => HttpError::NotLoggedIn,
            AuthError::TooManyFailures { retry_after_secs } => {
                HttpError::RateLimited { retry_after_secs }
            }
            AuthError::Store(e) => HttpError::from_store(e),
            AuthError::Random(_) => HttpError::Internal(error.to_string()),
        }
    }
}

/// Resolves the request's token or session without enforcing CSRF: for the
/// editor's form handlers, which check the form's own CSRF field.
pub async fn authenticate(parts: &Parts, app: &Arc<App>) -> Result<Principal, HttpError> {
    let bearer = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if let Some(token) = bearer {
        let ip = client_ip(parts, &app.config.server.trusted_proxies);
        let account = auth::check_token(app.store.as_ref(), &app.login_failures, ip, token).await?;
        return Ok(Principal {
            account,
            credential: Credential::Token,
        });
    }
    if let Some(id) = cookie::only(&parts.headers, SESSION_COOKIE) {
        if let Some(session) = auth::session(app.store.as_ref(), id).await? {
            return Ok(Principal {
                account: session.translator,
                credential: Credential::Session {
                    id_sha256: auth::sha256_hex(id),
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
            if !safe && !auth::same_secret(sent, csrf_token) {
                return Err(HttpError::CsrfFailed);
            }
        }
        Ok(translator)
    }
}
