//! Integration tests: the real server on port 0, driven over HTTP, and the
//! provider adapters against local HTTP servers.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bad_input;
mod browser;
mod cli;
mod editor;
mod exchange;
mod feedback;
mod fetch;
mod glossary;
mod ledger;
mod locales;
mod memory;
mod negotiation;
mod openapi;
mod overrides;
mod pages;
mod provider_support;
mod provider_support_b;
mod providers_azure;
mod providers_deepl;
mod providers_google;
mod providers_libretranslate;
mod providers_openai;
mod proxy;
mod store;
mod store_faults;
mod support;
mod translate_api;
mod translated_pages;
mod translator;
mod webdriver;
