//! Import of any format: any bytes as a translator's CSV, PO or XLIFF,
//! planned against a fixed tree.
#![no_main]

#[allow(dead_code)] // the facts are for the other targets
#[path = "common.rs"]
mod common;

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use statusdb::transfer::{format, import};

const RU_CODES: &[u8] = include_bytes!("../../tests/fixtures/mini/locales/ru/codes.ftl");

fuzz_target!(|data: &[u8]| {
    let Some(tree) = common::tree(RU_CODES) else { return };
    let Ok((units, _)) = format::parse(Path::new("fuzz"), data, &tree.locales[1]) else { return };
    let plan = import::plan(&tree.locales[0], &tree.locales[1], units, false);
    for write in plan.writes {
        assert!(String::from_utf8(write.contents).is_ok());
    }
});
