//! CSV import: any bytes as a translator's CSV, planned against a fixed tree.
#![no_main]

#[allow(dead_code)] // the facts are for the other targets
#[path = "common.rs"]
mod common;

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use statusdb::transfer::{csvfile, import};

const RU_CODES: &[u8] = include_bytes!("../../tests/fixtures/mini/locales/ru/codes.ftl");

fuzz_target!(|data: &[u8]| {
    let Ok(units) = csvfile::parse(Path::new("fuzz.csv"), data) else { return };
    let Some(tree) = common::tree(RU_CODES) else { return };
    let plan = import::plan(&tree.locales[0], &tree.locales[1], units);
    // Whatever was accepted must leave a file that still parses as UTF-8 Fluent.
    for write in plan.writes {
        assert!(String::from_utf8(write.contents).is_ok());
    }
});
