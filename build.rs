//! `sqlx::migrate!` embeds `migrations/` in the binary at compile time, but a
//! procedural macro cannot ask cargo (on stable Rust) to watch a directory:
//! this does, so a new or changed migration always rebuilds the crate.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
