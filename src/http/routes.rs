//! One file per surface.

pub mod assets;
pub mod feedback;
pub mod health;
pub mod pages;
pub mod proxy;
pub mod reports_api;
pub mod translate_api;
