//! honyaku (翻訳): serves Japanese government announcements in Japanese and
//! translated into English, Simplified Chinese, Traditional Chinese and
//! Korean, with an accuracy disclaimer in the reader's language.

pub mod app;
pub mod auth;
pub mod config;
pub mod content;
mod embedded;
pub mod exchange;
pub mod feedback;
pub mod fetch;
pub mod glossary;
pub mod http;
pub mod i18n;
pub mod metrics;
pub mod pages;
pub mod placeholder;
pub mod protect;
pub mod render;
pub mod review;
pub mod segment;
pub mod store;
pub mod telemetry;
pub mod translate;

pub use app::App;
pub use config::Config;
pub use http::{router, serve, shutdown_signal};
