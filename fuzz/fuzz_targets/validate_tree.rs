//! Loading and validating a locale tree: raw bytes or a generated file as
//! the Russian file, checked against the English reference, with and
//! without the facts.

#![no_main]

#[path = "common.rs"]
mod common;
#[path = "gen.rs"]
mod generator;

use libfuzzer_sys::fuzz_target;
use statusdb::check::{self, Options};

fuzz_target!(|input: generator::FtlInput| {
    let Some(tree) = common::tree(&input.bytes()) else { return };
    let _ = check::check(&tree, &Options { reference: "en", facts: None, lint: true, scope: None });
    let _ = check::check(&tree, &Options { reference: "en", facts: Some(common::facts()), lint: true, scope: None });
});
