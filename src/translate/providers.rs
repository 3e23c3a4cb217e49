//! One adapter per machine-translation service, each a thin reqwest client
//! written from the service's own spec (see `shared/specs/`). Adapters make
//! exactly one attempt per call: retries, the quota circuit and fallback to
//! the next provider belong to the caller, so they behave the same for every
//! service and tests can script each failure in isolation.

pub mod libretranslate;
pub mod openai;
