//! Loading and validating a locale tree: any bytes as the Russian file,
//! checked against the English reference, with and without the facts.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use statusdb::check::{self, Options};

fuzz_target!(|data: &[u8]| {
    let Some(tree) = common::tree(data) else { return };
    let _ = check::check(&tree, &Options { reference: "en", facts: None, lint: true });
    let _ = check::check(&tree, &Options { reference: "en", facts: Some(common::facts()), lint: true });
});
