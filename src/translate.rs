//! Machine translation: the provider seam and, around it, the pipeline that
//! turns a Japanese page into a translated one.

pub mod provider;
pub mod providers;
