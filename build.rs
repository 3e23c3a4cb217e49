//! `sqlx::migrate!` embeds `migrations/` in the binary at compile time, but a
//! procedural macro cannot ask cargo (on stable Rust) to watch a directory:
//! this does, so a new or changed migration always rebuilds the crate.
//! `include_dir!` has the same blind spot for `locales/`: without this, a
//! change to an .ftl file alone would not be compiled in.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=locales");
}
