//! The binary embeds `data/` and `locales/`: rebuild when a file is added
//! there too, not only when an embedded file changes.

fn main() {
    println!("cargo::rerun-if-changed=data");
    println!("cargo::rerun-if-changed=locales");
    println!("cargo::rerun-if-changed=build.rs");
}
