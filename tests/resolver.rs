//! What the Fluent resolver refuses is an error finding, and build stops
//! rather than publish a raw `{…}`.

mod common;

use common::{fixture, statusdb};

fn edit(root: &std::path::Path, from: &str, to: &str) {
    let path = root.join("locales/ru/codes.ftl");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from));
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Runs validate (with `validate_flags`) and build on `root`; both must fail
/// with exit 1 and build must publish nothing. Returns validate's stdout and
/// build's stderr.
fn both_refuse(root: &std::path::Path, validate_flags: &[&str], what: &str) -> (String, String) {
    let output = statusdb()
        .arg("validate")
        .args(validate_flags)
        .arg("--locales")
        .arg(root.join("locales"))
        .arg("--data")
        .arg(root.join("data"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert_eq!(output.status.code(), Some(1), "{what}: {stdout}");
    let out = root.join("out.sqlite");
    let output = statusdb()
        .args(common::build_args(root, &out))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{what}");
    assert!(!out.exists(), "{what}: a database was published");
    (stdout, String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn resolver_errors_fail_validate_and_stop_build() {
    let many = "{ \"x\" }".repeat(101);
    let cases = [
        (
            "a message that refers to itself",
            "code-404 = Не найдено",
            "code-404 = { code-404 }".to_string(),
            "`code-404` cannot be formatted: it refers to itself",
        ),
        (
            "a cycle of terms",
            "code-404 = Не найдено",
            "-a = { -b }\n-b = { -a }\ncode-404 = { -a }".to_string(),
            "`code-404` cannot be formatted: it refers to itself",
        ),
        (
            "too many placeables",
            "code-404 = Не найдено",
            format!("code-404 = {many}"),
            "`code-404` cannot be formatted: it expands to more placeables than Fluent resolves (100)",
        ),
    ];
    for (what, from, to, expected) in cases {
        let root = fixture("mini");
        edit(root.path(), from, &to);
        let (stdout, stderr) = both_refuse(root.path(), &["--strict"], what);
        let line = format!("error[unresolvable]: {expected}");
        assert!(stdout.contains(&line), "{what}: {stdout}");
        assert!(stderr.contains(&line), "{what}");
    }
}

#[test]
fn escapes_that_are_not_characters_are_errors() {
    for escape in [r"\u0000", r"\uD800", r"\UDFFF00"] {
        let root = fixture("mini");
        let to = format!("code-404 = Не {{ \"{escape}\" }} найдено");
        edit(root.path(), "code-404 = Не найдено", &to);
        let (stdout, _) = both_refuse(root.path(), &[], escape);
        let expected = format!("error[invalid-escape]: `code-404` has the escape `{escape}`");
        assert!(stdout.contains(&expected), "{escape}: {stdout}");
    }
}
