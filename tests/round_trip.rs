//! An unchanged export imported back always succeeds and changes nothing,
//! and a translator's own leading quote survives.

mod common;

use std::path::Path;

use common::{fixture, snapshot, statusdb};

fn export(root: &Path, csv: &Path) {
    statusdb()
        .args(["export", "--locale", "ru", "--locales"])
        .arg(root.join("locales"))
        .arg("--out")
        .arg(csv)
        .assert()
        .success();
}

/// Imports `csv` into the `ru` locale, checks that it succeeded, and
/// returns its standard error.
fn import(root: &Path, csv: &Path) -> String {
    let output = statusdb()
        .arg("import")
        .arg(csv)
        .args(["--locale", "ru", "--locales"])
        .arg(root.join("locales"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    stderr
}

fn append(root: &Path, rel: &str, text: &str) {
    let path = root.join("locales").join(rel);
    let old = std::fs::read_to_string(&path).unwrap();
    std::fs::write(path, old + text).unwrap();
}

#[test]
fn an_unchanged_export_imports_back_unchanged() {
    let root = fixture("mini");
    // A multi-line value whose first line starts with `[`.
    let beta = "\nbeta = [beta] Новая функция\n    ещё строка\n";
    append(
        root.path(),
        "en/ui.ftl",
        "\nbeta = [beta] New feature\n    one more line\n",
    );
    append(root.path(), "ru/ui.ftl", beta);
    // A message the reference moved from codes.ftl to ui.ftl.
    append(root.path(), "en/ui.ftl", "\nmoved = Moved\n");
    append(root.path(), "ru/codes.ftl", "\nmoved = Перенесено\n");
    let before = snapshot(&root.path().join("locales"));
    let csv = root.path().join("ru.csv");
    export(root.path(), &csv);
    let stderr = import(root.path(), &csv);
    assert!(!stderr.contains("check"), "{stderr}");
    assert_eq!(snapshot(&root.path().join("locales")), before);
}

#[test]
fn a_moved_message_is_translated_where_the_locale_has_it() {
    let root = fixture("mini");
    append(root.path(), "en/ui.ftl", "\nmoved = Moved\n");
    append(root.path(), "ru/codes.ftl", "\nmoved = Перенесено\n");
    let csv = root.path().join("ru.csv");
    export(root.path(), &csv);
    let text = std::fs::read_to_string(&csv).unwrap();
    std::fs::write(&csv, text.replace("Перенесено", "Теперь в другом месте")).unwrap();
    import(root.path(), &csv);
    let codes = std::fs::read_to_string(root.path().join("locales/ru/codes.ftl")).unwrap();
    let ui = std::fs::read_to_string(root.path().join("locales/ru/ui.ftl")).unwrap();
    assert!(codes.contains("moved = Теперь в другом месте"), "{codes}");
    assert!(!ui.contains("moved ="), "a second copy was created:\n{ui}");
}

#[test]
fn a_leading_apostrophe_typed_by_a_translator_is_kept() {
    let root = fixture("mini");
    let csv = root.path().join("in.csv");
    let reference = "The server cannot handle the request right now.";
    common::one_row_csv(
        &csv,
        "code-503.summary",
        reference,
        "'s-Hertogenbosch не отвечает.",
    );
    // As the translator typed it: export's writer quoted the quote, a
    // spreadsheet user does not.
    let typed = std::fs::read_to_string(&csv)
        .unwrap()
        .replace("''s-Hertogenbosch", "'s-Hertogenbosch");
    std::fs::write(&csv, typed).unwrap();
    import(root.path(), &csv);
    let codes = std::fs::read_to_string(root.path().join("locales/ru/codes.ftl")).unwrap();
    assert!(
        codes.contains(".summary = 's-Hertogenbosch не отвечает."),
        "{codes}"
    );
}
