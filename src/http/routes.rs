//! One file per surface.

pub mod assets;
pub mod editor;
pub mod health;
pub mod pages;
pub mod proxy;
pub mod translate_api;
pub mod translators_api;
