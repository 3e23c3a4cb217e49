//! The environment layer of the configuration (`HONYAKU__SECTION__KEY`), and
//! the words a load error is reported in. figment's own `Env` reads the real
//! process environment; reading an explicit list keeps tests hermetic, and
//! the error wording is ours so that a secret's value is never echoed.

use super::{ConfigError, ENV_PREFIX};

pub(super) fn env_provider(vars: Vec<(String, String)>) -> impl figment::Provider {
    // figment's Env reads the real process environment; an explicit list keeps
    // tests hermetic, so the variables are turned into a TOML-valued dict here
    // with the same rules Env would apply (section__key, lower-cased).
    let mut dict = figment::value::Dict::new();
    for (key, value) in vars {
        let Some(rest) = key.strip_prefix(ENV_PREFIX) else {
            continue;
        };
        let path: Vec<String> = rest.split("__").map(str::to_ascii_lowercase).collect();
        insert_path(&mut dict, &path, parse_env_value(&value));
    }
    EnvVars(dict)
}

struct EnvVars(figment::value::Dict);

impl figment::Provider for EnvVars {
    fn metadata(&self) -> figment::Metadata {
        figment::Metadata::named("environment variables")
    }

    fn data(
        &self,
    ) -> Result<figment::value::Map<figment::Profile, figment::value::Dict>, figment::Error> {
        Ok(figment::Profile::Default.collect(self.0.clone()))
    }
}

fn parse_env_value(raw: &str) -> figment::value::Value {
    // Same idea as figment's Env: "8080" is a number, "true" a bool, anything
    // else a string. Strings that look like TOML values are still accepted by
    // the typed fields because figment coerces between scalars.
    use figment::value::Value;
    raw.parse::<Value>()
        .unwrap_or_else(|_| Value::from(raw.to_owned()))
}

fn insert_path(dict: &mut figment::value::Dict, path: &[String], value: figment::value::Value) {
    use figment::value::Value;
    match path {
        [] => {}
        [last] => {
            dict.insert(last.clone(), value);
        }
        [first, rest @ ..] => {
            let entry = dict
                .entry(first.clone())
                .or_insert_with(|| Value::from(figment::value::Dict::new()));
            if let Value::Dict(_, inner) = entry {
                insert_path(inner, rest, value);
            }
        }
    }
}

/// Keys whose values must never be echoed, even in an error.
pub(super) fn is_secret_key(key: &str) -> bool {
    key == "store.url"
        || key
            .rsplit('.')
            .next()
            .is_some_and(|last| matches!(last, "auth_key" | "api_key" | "key" | "password"))
}

pub(super) fn describe_figment_error(error: figment::Error) -> ConfigError {
    let mut lines = Vec::new();
    for e in error {
        let key = e.path.join(".");
        let what = match &e.kind {
            figment::error::Kind::UnknownField(_, expected) => format!(
                "config key `{key}` is not a known setting (known here: {})",
                expected.join(", ")
            ),
            figment::error::Kind::MissingField(field) => {
                let full = if key.is_empty() {
                    field.to_string()
                } else {
                    format!("{key}.{field}")
                };
                format!("config key `{full}` is missing")
            }
            _ if is_secret_key(&key) => {
                format!(
                    "config key `{key}` has a value of the wrong type (not shown: it is a secret)"
                )
            }
            kind => format!("config key `{key}`: {kind}"),
        };
        let origin = match e.metadata.as_ref() {
            Some(m) if m.name == "environment variables" => format!(
                "set by environment variable {ENV_PREFIX}{}",
                key.replace('.', "__").to_ascii_uppercase()
            ),
            Some(m) => match &m.source {
                Some(figment::Source::File(path)) => format!("set in {}", path.display()),
                _ => format!("set in {}", m.name),
            },
            None => String::new(),
        };
        lines.push(if origin.is_empty() {
            what
        } else {
            format!("{what}; {origin}")
        });
    }
    ConfigError::Load(lines.join("\n"))
}
