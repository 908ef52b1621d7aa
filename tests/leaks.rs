//! Nothing outside the tree is read or printed, and a CSV cell changes only
//! the unit its key names.

mod common;

use std::path::Path;

use common::{fixture, statusdb};

fn validate(root: &Path) -> (Option<i32>, String) {
    let output = statusdb()
        .args(["validate", "--locales"])
        .arg(root.join("locales"))
        .arg("--data")
        .arg(root.join("data"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout) + String::from_utf8_lossy(&output.stderr);
    (output.status.code(), text.into_owned())
}

#[test]
fn a_symlinked_ftl_file_is_reported_not_followed() {
    let root = fixture("mini");
    std::fs::write(root.path().join("secret.env"), "API_KEY = hunter2-secret\n").unwrap();
    let notes = root.path().join("locales/ru/notes.ftl");
    std::os::unix::fs::symlink("../../secret.env", &notes).unwrap();
    let (code, text) = validate(root.path());
    assert_eq!(code, Some(1), "{text}");
    assert!(!text.contains("hunter2"), "the secret was printed:\n{text}");
    assert!(
        text.contains("error[unreadable-file]: the file is a symbolic link; statusdb does not follow links to files"),
        "{text}"
    );
    let out = root.path().join("out.sqlite");
    let output = statusdb()
        .args(common::build_args(root.path(), &out))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&output.stderr).contains("hunter2"));
}

#[test]
fn a_symlink_inside_the_tree_is_refused_too() {
    let root = fixture("mini");
    std::os::unix::fs::symlink("../en/pairs.ftl", root.path().join("locales/ru/extra.ftl"))
        .unwrap();
    let (code, text) = validate(root.path());
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("extra.ftl"), "{text}");
    assert!(text.contains("symbolic link"), "{text}");
}

/// Imports a CSV with one row for `key` of the mini fixture's `codes.ftl`.
pub fn import_row(
    root: &Path,
    key: &str,
    reference: &str,
    translation: &str,
) -> std::process::Output {
    let csv = root.join("in.csv");
    common::one_row_csv(&csv, key, reference, translation);
    statusdb()
        .arg("import")
        .arg(&csv)
        .args(["--locale", "ru", "--locales"])
        .arg(root.join("locales"))
        .output()
        .unwrap()
}

#[test]
fn a_cell_cannot_write_other_units() {
    for translation in [
        "Позже\n.title = X\n.tooltip = Y",
        "Позже\n.summary = Дубль",
        "{ $n ->\n   *[other] Позже\n}\n.title = X",
    ] {
        let root = fixture("mini");
        let codes = root.path().join("locales/ru/codes.ftl");
        let before = std::fs::read(&codes).unwrap();
        let output = import_row(root.path(), "code-503", "Service Unavailable", translation);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{translation:?}: {stderr}");
        assert!(
            stderr.contains("refused `code-503`: the translation would define"),
            "{translation:?}: {stderr}"
        );
        assert_eq!(std::fs::read(&codes).unwrap(), before);
    }
}

#[test]
fn import_never_replaces_a_symlinked_file() {
    let root = fixture("mini");
    let codes = root.path().join("locales/ru/codes.ftl");
    let target = root.path().join("elsewhere.ftl");
    std::fs::rename(&codes, &target).unwrap();
    std::os::unix::fs::symlink(&target, &codes).unwrap();
    let output = import_row(
        root.path(),
        "code-503.summary",
        "The server cannot handle the request right now.",
        "Позже.",
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("the locale's `codes.ftl` cannot be read (the file is a symbolic link"),
        "{stderr}"
    );
    assert!(
        std::fs::symlink_metadata(&codes)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_symlinked_locale_folder_is_refused_not_followed() {
    let root = fixture("mini");
    let outside = root.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("codes.ftl"), "API_KEY = hunter2-secret {\n").unwrap();
    std::os::unix::fs::symlink("../outside", root.path().join("locales/de")).unwrap();
    let (code, text) = validate(root.path());
    assert_eq!(code, Some(2), "{text}");
    assert!(!text.contains("hunter2"), "the secret was printed:\n{text}");
    assert!(
        text.contains("locales/de is a symbolic link; statusdb does not follow links"),
        "{text}"
    );
}
