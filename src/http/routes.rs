//! One file per surface.

pub mod assets;
pub mod editor;
pub mod exchange_api;
pub mod feedback;
pub mod glossary;
pub mod health;
pub mod pages;
pub mod proxy;
pub mod reports_api;
pub mod translate_api;
pub mod translators_api;
