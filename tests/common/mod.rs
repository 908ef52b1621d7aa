//! Helpers shared by the integration tests: run the real binary on fixtures.
#![allow(dead_code)] // each test crate uses its own subset

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use snapbox::cmd::{Command, cargo_bin};

/// The repository root, where `locales/` and `data/` live.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The statusdb binary, run from the repository root.
pub fn statusdb() -> Command {
    statusdb_in(&repo())
}

/// The statusdb binary run in `dir`, as an installed binary would be.
pub fn statusdb_in(dir: &Path) -> Command {
    Command::new(cargo_bin!("statusdb"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
}

/// A fresh temporary folder.
pub fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

/// A copy of `tests/fixtures/NAME` in a temporary folder, safe to modify.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = temp();
    copy_tree(&repo().join("tests/fixtures").join(name), dir.path());
    dir
}

/// Copies a folder tree.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The repository's own database, built once per test binary: every test of
/// the binary reads this one file, and none may change it. It lives in
/// Cargo's temporary folder for tests, named after the test binary, and is
/// rebuilt by each run (atomically, so parallel runs cannot see half a file).
pub fn repo_db() -> &'static Path {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let name = format!("{}-statusdb.sqlite", env!("CARGO_CRATE_NAME"));
        build_repo_to(Path::new(env!("CARGO_TARGET_TMPDIR")).join(name))
    })
}

/// The number of status codes in `data/`, so tests follow the data.
pub fn data_codes() -> usize {
    let mut reader = csv::Reader::from_path(repo().join("data/status-codes.csv")).unwrap();
    let records: Result<Vec<_>, _> = reader.records().collect();
    records.unwrap().len()
}

/// Builds the repository's own database into `dir` and returns its path.
pub fn build_repo(dir: &Path) -> PathBuf {
    build_repo_to(dir.join("statusdb.sqlite"))
}

fn build_repo_to(out: PathBuf) -> PathBuf {
    statusdb()
        .args(["build", "--out"])
        .arg(&out)
        .assert()
        .success();
    out
}

/// `build` arguments for a tree with `locales/` and `data/`, writing `out`.
pub fn build_args(root: &Path, out: &Path) -> Vec<std::ffi::OsString> {
    let mut args: Vec<std::ffi::OsString> = vec![
        "build".into(),
        "--locales".into(),
        root.join("locales").into(),
    ];
    args.extend([
        "--data".into(),
        root.join("data").into(),
        "--out".into(),
        out.into(),
    ]);
    args
}

/// Builds a fixture copy (with `data/` and `locales/`) into its own folder.
pub fn build_fixture(root: &Path) -> snapbox::cmd::OutputAssert {
    statusdb()
        .args(build_args(root, &root.join("out.sqlite")))
        .assert()
}

/// Files in `dir` whose names say they are statusdb temporary files.
pub fn leftover_temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".statusdb-"))
        .collect()
}

/// A translator's CSV of `(key, file, reference, translation)` rows, each
/// translated and with the right fingerprint of its reference.
pub fn translated_csv(rows: &[(&str, &str, &str, &str)]) -> Vec<u8> {
    let units: Vec<_> = rows
        .iter()
        .map(
            |(key, file, reference, translation)| statusdb::transfer::TranslationUnit {
                key: key.to_string(),
                file: file.to_string(),
                reference: reference.to_string(),
                translation: translation.to_string(),
                status: Some(statusdb::transfer::Status::Translated),
                comment: String::new(),
                variables: String::new(),
                fingerprint: statusdb::transfer::unit::fingerprint(reference),
                translation_fingerprint: String::new(),
                needs_review: false,
                source_line: 0,
                line: 0,
            },
        )
        .collect();
    statusdb::transfer::csvfile::write(&units, false)
}

/// Writes to `csv` a translator's CSV with one row: `translation` for `key`
/// of `codes.ftl`, whose reference text is `reference` (fingerprint right).
pub fn one_row_csv(csv: &Path, key: &str, reference: &str, translation: &str) {
    let rows = [(key, "codes.ftl", reference, translation)];
    std::fs::write(csv, translated_csv(&rows)).unwrap();
}

/// Every file of the `en` and `ru` locales under `root`, with its bytes, to
/// show that a command changed exactly what it should.
pub fn snapshot(root: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    for locale in ["en", "ru"] {
        for entry in std::fs::read_dir(root.join(locale)).unwrap() {
            let path = entry.unwrap().path();
            files.insert(path.clone(), std::fs::read(&path).unwrap());
        }
    }
    files
}

/// Writes `contents` to `root/name` and imports it into the `ru` locale of
/// the tree at `root`, with `extra` arguments.
pub fn import_ru(
    root: &Path,
    name: &str,
    contents: impl AsRef<[u8]>,
    extra: &[&str],
) -> snapbox::cmd::OutputAssert {
    let path = root.join(name);
    std::fs::write(&path, contents).unwrap();
    statusdb()
        .arg("import")
        .arg(&path)
        .args(["--locale", "ru", "--locales"])
        .arg(root)
        .args(extra)
        .assert()
}

/// Exports the `ru` locale of the tree at `root` to `root/name`, with
/// `extra` arguments (a format, a filter), and returns that path.
pub fn export_ru(root: &Path, name: &str, extra: &[&str]) -> PathBuf {
    let out = root.join(name);
    statusdb()
        .env("SOURCE_DATE_EPOCH", "1796222999")
        .args(["export", "--locale", "ru", "--locales"])
        .arg(root)
        .arg("--out")
        .arg(&out)
        .args(extra)
        .assert()
        .success();
    out
}
