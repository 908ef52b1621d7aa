//! The `data/` and `locales/` statusdb was compiled with, embedded in the
//! binary so that it works in any folder.

use std::path::{Path, PathBuf};

use include_dir::{Dir, DirEntry, include_dir};

use super::facts::{self, ALIASES_FILE, CODES_FILE, Facts, LOCALES_FILE};
use super::glossary::GLOSSARY_FILE;
use super::tag::LocaleTag;
use super::tree::{self, LocaleTree};
use crate::error::Result;

static LOCALES: Dir = include_dir!("$CARGO_MANIFEST_DIR/locales");
static DATA: Dir = include_dir!("$CARGO_MANIFEST_DIR/data");

/// How messages name the built-in folders.
const ROOT: &str = "(built-in)";

pub fn locales_root() -> PathBuf {
    Path::new(ROOT).join("locales")
}

pub fn data_root() -> PathBuf {
    Path::new(ROOT).join("data")
}

/// The built-in facts.
pub fn facts() -> Result<Facts> {
    let file = |name| DATA.get_file(name).map_or(&[][..], |f| f.contents());
    facts::parse(
        &data_root(),
        file(CODES_FILE),
        file(ALIASES_FILE),
        file(LOCALES_FILE),
    )
}

/// The built-in locale tree: all locales, or only those in `only`.
pub fn tree(only: &[LocaleTag]) -> Result<LocaleTree> {
    let mut all = Vec::new();
    for dir in LOCALES.dirs() {
        let name = dir.path().to_string_lossy();
        let Ok(tag) = name.parse::<LocaleTag>() else {
            continue;
        };
        let mut files = Vec::new();
        collect_ftl(dir, &mut files);
        let rel = |p: &Path| p.strip_prefix(dir.path()).unwrap_or(p).to_owned();
        let files = files
            .into_iter()
            .map(|(path, bytes)| (path_text(&rel(&path)), bytes.to_vec()))
            .collect();
        all.push((tag, files));
    }
    all.sort_by(|a, b| a.0.cmp(&b.0));
    tree::from_memory(&locales_root(), all, only)
}

/// Every built-in source file as `(path relative to the repository, bytes)`:
/// `data/<file>.csv` and `locales/<tag>/…/<file>.ftl`.
pub fn files() -> Vec<(String, &'static [u8])> {
    let mut out: Vec<(String, &'static [u8])> = [CODES_FILE, ALIASES_FILE, LOCALES_FILE]
        .into_iter()
        .filter_map(|name| DATA.get_file(name))
        .map(|f| (format!("data/{}", path_text(f.path())), f.contents()))
        .collect();
    let mut ftl = Vec::new();
    collect_ftl(&LOCALES, &mut ftl);
    out.extend(
        ftl.into_iter()
            .map(|(path, bytes)| (format!("locales/{}", path_text(&path)), bytes)),
    );
    out
}

/// Every `.ftl` file below `dir`, and each locale's glossary, with its path
/// relative to the embedded root.
fn collect_ftl(dir: &'static Dir<'static>, out: &mut Vec<(PathBuf, &'static [u8])>) {
    for entry in dir.entries() {
        match entry {
            DirEntry::Dir(sub) => collect_ftl(sub, out),
            DirEntry::File(f) if is_source(f.path()) => {
                out.push((f.path().to_owned(), f.contents()));
            }
            DirEntry::File(_) => {}
        }
    }
}

/// `<tag>/**/*.ftl` or `<tag>/glossary.csv`, relative to the locales root.
fn is_source(path: &Path) -> bool {
    let glossary = path.file_name().is_some_and(|n| n == GLOSSARY_FILE);
    path.extension().is_some_and(|e| e == "ftl") || (glossary && path.components().count() == 2)
}

/// A relative path with `/` separators, as the sources name files.
fn path_text(path: &Path) -> String {
    let parts: Vec<_> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}
