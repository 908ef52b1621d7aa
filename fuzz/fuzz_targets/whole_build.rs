//! The whole build: raw bytes or a generated file as the Russian file,
//! through check, render and an in-memory database, then every pair page
//! read back.

#![no_main]

#[path = "common.rs"]
mod common;
#[path = "gen.rs"]
mod generator;

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use statusdb::check::{self, Options};
use statusdb::{db, pipeline, render};

fuzz_target!(|input: generator::FtlInput| {
    let Some(tree) = common::tree(&input.bytes()) else { return };
    let facts = common::facts();
    let Ok(report) = check::check(&tree, &Options { reference: "en", facts: Some(facts), lint: false }) else { return };
    if !pipeline::blocking(&report).is_empty() {
        return;
    }
    let rendered = render::render(&tree, facts, &report.summaries);
    for code in &rendered.codes {
        // A tree the checks pass never publishes an unresolved reference or a NUL.
        for text in code.fields.iter().chain([&code.name]) {
            assert!(!text.contains('\0'), "a NUL reached the database: {text:?}");
        }
    }
    let conn = db::in_memory(facts, &rendered).expect("a checked tree always builds");
    db::query::joined_texts(&conn, Path::new(":memory:")).expect("every pair page reads");
});
