//! The provider adapters against local stand-ins for their services: the
//! contract every adapter keeps, run once per adapter (`contract`), and
//! each service's own wire format in its adapter's file.

mod azure;
mod contract;
mod deepl;
mod google;
mod libretranslate;
mod openai;
mod support;
