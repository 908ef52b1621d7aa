//! CSV import: raw bytes or generated rows (multi-line cells, references,
//! deep nesting) as a translator's CSV, planned against a fixed tree. The
//! oracle: whatever import accepts adds no error that would stop a build.

#![no_main]

#[allow(dead_code)] // the facts are for the other targets
#[path = "common.rs"]
mod common;
#[allow(dead_code)] // whole files are for the other targets; this one uses patterns
#[path = "gen.rs"]
mod generator;

use std::path::Path;

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use statusdb::check::{self, Options};
use statusdb::pipeline;
use statusdb::transfer::{csvfile, import, unit, Status, TranslationUnit};

const RU_CODES: &[u8] = include_bytes!("../../tests/fixtures/mini/locales/ru/codes.ftl");
const KEYS: [&str; 6] = [
    "code-200", "code-404.description", "code-503.summary", "code-200.title", "-brand", "m0",
];

#[derive(Arbitrary, Debug)]
struct GenRow {
    key: u8,
    translation: Vec<generator::Node>,
    right_file: bool,
}

#[derive(Arbitrary, Debug)]
enum CsvInput {
    Raw(Vec<u8>),
    Rows(Vec<GenRow>),
}

/// Rows with the reference's real fingerprints, so most reach the checks.
fn csv(rows: &[GenRow]) -> Vec<u8> {
    let en = common::locale("en", &[("codes.ftl", common::EN_CODES.as_bytes())]).expect("en loads");
    let reference = statusdb::transfer::export::units(&en, &en);
    let units: Vec<TranslationUnit> = rows
        .iter()
        .take(8)
        .map(|r| {
            let key = KEYS[usize::from(r.key) % KEYS.len()];
            let text = reference.iter().find(|x| x.key == key).map_or("", |x| x.reference.as_str());
            TranslationUnit {
                key: key.into(),
                file: if r.right_file { "codes.ftl" } else { "ui.ftl" }.into(),
                reference: text.into(),
                translation: generator::pattern(&r.translation).replace("\n    ", "\n"),
                status: Some(Status::Translated),
                comment: String::new(),
                variables: String::new(),
                fingerprint: unit::fingerprint(text),
                translation_fingerprint: String::new(),
                needs_review: false,
                source_line: 0,
                line: 0,
            }
        })
        .collect();
    csvfile::write(&units, false)
}

fn errors(ru_codes: &[u8]) -> Option<usize> {
    let tree = common::tree(ru_codes)?;
    let report = check::check(&tree, &Options { reference: "en", facts: None, lint: false, scope: None }).ok()?;
    // The reference is fixed, so a change in the count is the Russian file's.
    Some(pipeline::blocking(&report).len())
}

fuzz_target!(|input: CsvInput| {
    let bytes = match &input {
        CsvInput::Raw(bytes) => bytes.clone(),
        CsvInput::Rows(rows) => csv(rows),
    };
    let Ok(rows) = csvfile::parse(Path::new("fuzz.csv"), &bytes) else { return };
    let Some(tree) = common::tree(RU_CODES) else { return };
    let before = errors(RU_CODES).expect("the fixture loads");
    let plan = import::plan(&tree.locales[0], &tree.locales[1], rows, false);
    for write in plan.writes {
        let after = errors(&write.contents).expect("an imported file still loads");
        assert!(after <= before, "import made validate report {after} errors, {before} before:\n{}", String::from_utf8_lossy(&write.contents));
    }
});
