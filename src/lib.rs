//! honyaku (翻訳): serves Japanese government announcements in Japanese and
//! translated into English, Simplified Chinese, Traditional Chinese and
//! Korean, with an accuracy disclaimer in the reader's language.
//!
//! # The dependency rule
//!
//! Modules depend one way, top to bottom; none imports a layer above it:
//!
//! - [`http`]: the only HTTP layer (routes, extractors, `CachePolicy`,
//!   `HttpError`). Routes parse, call one domain function and map its error.
//!   No module outside `src/http/` (and `main.rs`, which uses the library)
//!   names `crate::http`.
//! - [`app`]: the one application state, built from the parts below.
//! - the domain: [`pages`], [`proxy`], [`document`], [`review`],
//!   [`feedback`], [`exchange`], [`glossary`], [`auth`], and [`render`]
//!   (their HTML).
//! - the core: [`translate`], [`store`], [`fetch`], [`segment`], [`protect`].
//! - leaves: [`i18n`], [`config`], [`content`], [`limit`], [`metrics`],
//!   [`telemetry`].
//!
//! The top-level modules' `crate::…` imports form no cycle. Both rules are
//! checked on the sources by `tests/it/architecture.rs`, which also lists
//! the few cycle edges that work in progress is still removing.

pub mod app;
pub mod auth;
pub mod clock;
pub mod config;
pub mod content;
pub mod document;
mod embedded;
pub mod exchange;
pub mod feedback;
pub mod fetch;
pub mod glossary;
pub mod http;
pub mod i18n;
pub mod limit;
pub mod metrics;
pub mod model;
pub mod pages;
pub mod placeholder;
pub mod protect;
pub mod proxy;
pub mod render;
pub mod review;
pub mod segment;
pub mod store;
pub mod telemetry;
pub mod translate;

pub use app::App;
pub use config::Config;
pub use http::{router, serve, shutdown_signal};
