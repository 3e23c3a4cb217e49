//! The adapters, one per service, and the factory that enables them from
//! configuration.

use std::sync::Arc;

use crate::config::ProvidersConfig;
use crate::translate::provider::TranslationProvider;

/// The enabled providers, in no particular order (the chain orders them).
pub fn build(
    config: &ProvidersConfig,
    client: &reqwest::Client,
) -> Vec<Arc<dyn TranslationProvider>> {
    let _ = (config, client);
    Vec::new()
}
