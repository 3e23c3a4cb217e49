//! The configuration values that must never be shown: provider keys and
//! passwords ([`Secret`]) and the store's URL, which can carry a password
//! ([`DatabaseUrl`]). They live apart so that what can read them is easy to
//! audit: only `expose`, and the store's connect code.

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize, Serializer};

/// A string that must never reach a log line, an error body or `check-config`
/// output. It has no `Display`, its `Debug` and serialized forms are redacted,
/// and the only way to read it is the explicit [`Secret::expose`].
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl<'de> Deserialize<'de> for Secret {
    /// Any scalar is taken as the secret's text: environment values are read
    /// like TOML, so an all-digit key arrives as a number, and refusing it
    /// would print it in the error.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = String;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
                Ok(v.to_owned())
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<String, E> {
                Ok(v.to_string())
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<String, E> {
                Ok(v.to_string())
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<String, E> {
                Ok(v.to_string())
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<String, E> {
                Ok(v.to_string())
            }
        }
        deserializer.deserialize_any(Text).map(Secret)
    }
}

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_empty() {
            "\"\""
        } else {
            "\"[redacted]\""
        })
    }
}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(if self.0.is_empty() { "" } else { "[redacted]" })
    }
}

/// Where the store lives: a SQLite file path or a `postgres://` URL. A
/// PostgreSQL URL may carry a password, so its printed forms hide it.
#[derive(Clone, Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct DatabaseUrl(Secret);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreLocation {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DatabaseUrl {
    pub fn new(value: impl Into<String>) -> Self {
        Self(Secret::new(value))
    }

    pub fn location(&self) -> Result<StoreLocation, String> {
        let raw = self.0.expose().trim();
        if raw.is_empty() {
            return Err("must not be empty: give a SQLite file path or a postgres:// URL".into());
        }
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            let parsed =
                url::Url::parse(raw).map_err(|e| format!("is not a valid PostgreSQL URL ({e})"))?;
            if parsed.host_str().is_none_or(str::is_empty) {
                return Err("PostgreSQL URL has no host".into());
            }
            return Ok(StoreLocation::Postgres(raw.to_owned()));
        }
        if let Some((scheme, _)) = raw.split_once("://") {
            return Err(format!(
                "scheme `{scheme}://` is not supported: give a SQLite file path or a postgres:// URL"
            ));
        }
        let path = raw.strip_prefix("sqlite:").unwrap_or(raw);
        Ok(StoreLocation::Sqlite(PathBuf::from(path)))
    }

    /// The URL with any password replaced, for logs and `check-config`:
    /// the one in the authority and a `password` query parameter, which
    /// PostgreSQL clients also accept.
    pub fn redacted(&self) -> String {
        let raw = self.0.expose();
        let Ok(mut parsed) = url::Url::parse(raw) else {
            return raw.to_owned();
        };
        if parsed.password().is_some() {
            // set_password only fails for URLs that cannot have one, which
            // a URL that already has one is not.
            let _ = parsed.set_password(Some("redacted"));
        }
        if parsed
            .query_pairs()
            .any(|(k, _)| k.eq_ignore_ascii_case("password"))
        {
            let pairs: Vec<(String, String)> = parsed
                .query_pairs()
                .map(|(k, v)| {
                    let v = if k.eq_ignore_ascii_case("password") {
                        "redacted".to_owned()
                    } else {
                        v.into_owned()
                    };
                    (k.into_owned(), v)
                })
                .collect();
            parsed.query_pairs_mut().clear().extend_pairs(pairs);
        }
        parsed.to_string()
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.redacted())
    }
}

impl Serialize for DatabaseUrl {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.redacted())
    }
}
