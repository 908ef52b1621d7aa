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
    let Ok(report) = check::check(&tree, &Options { reference: "en", facts: Some(facts), lint: false, scope: None }) else { return };
    if !pipeline::blocking(&report).is_empty() {
        return;
    }
    let rendered = render::render(&tree, facts, &report.summaries);
    let conn = db::in_memory(facts, &rendered, "").expect("a checked tree always builds");
    // A tree the checks pass never publishes a NUL.
    let nuls: i64 = conn
        .query_row("SELECT count(*) FROM code_text WHERE instr(name || summary || description || seen_when || how_to_fix || use_when, char(0)) > 0", [], |r| r.get(0))
        .expect("code_text reads");
    assert_eq!(nuls, 0, "a NUL reached the database");
    db::query::joined_texts(&conn, Path::new(":memory:")).expect("every pair page reads");
});
