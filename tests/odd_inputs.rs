//! Odd inputs that used to be misread in silence: each is now a finding or
//! an error that says what is wrong, with its line.

mod common;

use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use common::{fixture, statusdb};

fn run(root: &Path, command: &str) -> (Option<i32>, String) {
    let output = statusdb()
        .args([command, "--locales"])
        .arg(root.join("locales"))
        .arg("--data")
        .arg(root.join("data"))
        .args(if command == "build" {
            vec!["--out".into(), root.join("out.sqlite").into_os_string()]
        } else {
            vec![]
        })
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout) + String::from_utf8_lossy(&output.stderr);
    (output.status.code(), text.into_owned())
}

#[test]
fn a_file_with_cr_only_line_endings_is_reported() {
    let root = fixture("mini");
    std::fs::write(root.path().join("locales/ru/cr.ftl"), "a = one\rb = two\r").unwrap();
    let (code, text) = run(root.path(), "validate");
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("error[unreadable-file]: uses carriage returns (CR) alone as line endings"),
        "{text}"
    );
}

#[test]
fn a_duplicate_locale_row_is_a_data_error_with_its_line() {
    let root = fixture("mini");
    let path = root.path().join("data/locales.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}ru,Russian,Русский,no\n")).unwrap();
    let (code, text) = run(root.path(), "build");
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains(
            "locales.csv:4: locale `ru` is already listed on line 3; keep one row per locale"
        ),
        "{text}"
    );
}

#[test]
fn a_note_id_with_leading_zeros_is_reported() {
    let root = fixture("mini");
    let pairs = root.path().join("locales/ru/pairs.ftl");
    let text = std::fs::read_to_string(&pairs).unwrap();
    std::fs::write(&pairs, text.replace("pair-404-503", "pair-0404-0503")).unwrap();
    let (code, text) = run(root.path(), "build");
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains(
            "error[id-format]: `pair-0404-0503` is not written the way statusdb looks it up"
        ),
        "{text}"
    );
}

#[test]
fn a_file_name_that_is_not_utf8_is_refused_and_never_copied() {
    let root = fixture("mini");
    let name = std::ffi::OsStr::from_bytes(b"bad\xff.ftl");
    std::fs::write(root.path().join("locales/en").join(name), "extra = Extra\n").unwrap();
    let (code, text) = run(root.path(), "validate");
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("error[unreadable-file]: the file name is not valid UTF-8"),
        "{text}"
    );
    let csv = root.path().join("in.csv");
    let unit = statusdb::transfer::TranslationUnit {
        key: "extra".into(),
        file: "bad\u{fffd}.ftl".into(),
        reference: "Extra".into(),
        translation: "Дополнительно".into(),
        status: Some(statusdb::transfer::Status::Missing),
        comment: String::new(),
        variables: String::new(),
        fingerprint: statusdb::transfer::unit::fingerprint("Extra"),
        translation_fingerprint: String::new(),
        needs_review: false,
        source_line: 0,
        line: 0,
    };
    std::fs::write(&csv, statusdb::transfer::csvfile::write(&[unit], false)).unwrap();
    let output = statusdb()
        .arg("import")
        .arg(&csv)
        .args(["--locale", "ru", "--locales"])
        .arg(root.path().join("locales"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let names: Vec<_> = std::fs::read_dir(root.path().join("locales/ru"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 3, "import created a file: {names:?}");
}

#[test]
fn search_limit_zero_and_a_folder_as_database_say_what_is_wrong() {
    let output = statusdb()
        .args(["search", "forbidden", "--limit", "0"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("invalid value '0' for '--limit <LIMIT>'"),
        "{stderr}"
    );
    let dir = common::temp();
    for db in [dir.path(), Path::new("/dev/null")] {
        let output = statusdb()
            .args(["compare", "200", "404", "--db"])
            .arg(db)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(
                "not a database file; give the path of a file written by `statusdb build`"
            ),
            "{stderr}"
        );
        assert!(!stderr.contains("--out /dev/null"), "{stderr}");
    }
}
