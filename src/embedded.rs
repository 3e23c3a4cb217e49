//! Files compiled into the binary, so `cargo run` needs nothing beside it.

use include_dir::{Dir, include_dir};

/// `locales/<lang>/*.ftl`.
pub static LOCALES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/locales");

/// `content/`: the announcements and their bundled translations.
pub static CONTENT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");
