//! In-memory locale trees for the fuzz targets: no disk I/O per input.

use std::path::{Path, PathBuf};

use statusdb::source::{FtlFile, Locale, LocaleTree};

/// The mini fixture's English files: a complete reference.
pub const EN_CODES: &str = include_str!("../../tests/fixtures/mini/locales/en/codes.ftl");
pub const EN_UI: &str = include_str!("../../tests/fixtures/mini/locales/en/ui.ftl");
pub const RU_UI: &str = include_str!("../../tests/fixtures/mini/locales/ru/ui.ftl");

/// A locale from (relative path, bytes) pairs; `None` when a file is not
/// even UTF-8 text, which the real loader reports as an error too.
pub fn locale(tag: &str, files: &[(&str, &[u8])]) -> Option<Locale> {
    let files = files
        .iter()
        .map(|(rel, bytes)| FtlFile::parse(Path::new(rel), rel.to_string(), bytes.to_vec()).ok())
        .collect::<Option<Vec<_>>>()?;
    Some(Locale { tag: tag.parse().ok()?, dir: PathBuf::from(tag), files, broken: Vec::new(), glossary: None })
}

/// en (fixed) and ru (the fuzz input as `codes.ftl`).
pub fn tree(ru_codes: &[u8]) -> Option<LocaleTree> {
    let en = locale("en", &[("codes.ftl", EN_CODES.as_bytes()), ("ui.ftl", EN_UI.as_bytes())])?;
    let ru = locale("ru", &[("codes.ftl", ru_codes), ("ui.ftl", RU_UI.as_bytes())])?;
    let folders = vec![en.tag.clone(), ru.tag.clone()];
    Some(LocaleTree { root: PathBuf::from("fuzz"), locales: vec![en, ru], folders })
}

/// The mini fixture's facts, loaded once.
pub fn facts() -> &'static statusdb::source::Facts {
    static FACTS: std::sync::OnceLock<statusdb::source::Facts> = std::sync::OnceLock::new();
    FACTS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/mini/data");
        statusdb::source::facts::load(&dir).expect("the mini fixture's data loads")
    })
}
