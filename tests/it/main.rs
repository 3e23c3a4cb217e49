//! Integration tests: the real server on port 0, driven over HTTP, and the
//! provider adapters against local HTTP servers.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod architecture;
mod bad_input;
mod browser;
mod browser_layout;
mod chromedriver;
mod cli;
mod editor;
mod exchange;
mod exchange_tools;
mod feedback;
mod fetch;
mod glossary;
mod languages;
mod ledger;
mod locales;
mod memory;
mod negotiation;
mod openapi;
mod overrides;
mod pages;
mod providers;
mod proxy;
mod qa;
mod store;
mod store_faults;
mod store_outage;
mod support;
mod translate_api;
mod translated_pages;
mod translator;
