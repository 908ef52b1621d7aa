//! Deep nesting is a finding, never a crash: function calls, term arguments
//! and braces inside string literals all count towards the depth bound,
//! in every command that parses Fluent text.

mod common;

use std::path::Path;

use common::{fixture, statusdb};

/// `x = { NUMBER(NUMBER(… 1 …)) }`: no braces at all past the first.
fn nested_calls(depth: usize) -> String {
    format!(
        "x = {{ {}1{} }}\n",
        "NUMBER(".repeat(depth),
        ")".repeat(depth)
    )
}

/// Placeables in call arguments, each level with a string literal holding
/// a `}` so that counting braces in the text sees no nesting.
fn braces_in_literals(depth: usize) -> String {
    format!(
        "x = {}1{}\n",
        "{ NUMBER(\"}\", ".repeat(depth),
        ") }".repeat(depth)
    )
}

/// Term arguments nest too: `{ -t(a: -t(a: …)) }` is not valid Fluent
/// (named arguments take literals), but positional ones parse recursively.
fn nested_terms(depth: usize) -> String {
    format!("x = {{ {}1{} }}\n", "-t(".repeat(depth), ")".repeat(depth))
}

fn assert_refused(output: &std::process::Output, what: &str) {
    let text = String::from_utf8_lossy(&output.stdout) + String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{what}: {text}");
    assert!(
        text.contains("error[unreadable-file]: placeables are nested more than 100 levels deep"),
        "{what}: {text}"
    );
}

fn validate(root: &Path) -> std::process::Output {
    statusdb()
        .args(["validate", "--locales"])
        .arg(root.join("locales"))
        .arg("--data")
        .arg(root.join("data"))
        .output()
        .unwrap()
}

#[test]
fn validate_and_build_report_deep_nesting_of_any_kind() {
    for (what, text) in [
        ("nested calls", nested_calls(5000)),
        ("braces in string literals", braces_in_literals(3000)),
        ("nested term arguments", nested_terms(5000)),
    ] {
        let root = fixture("mini");
        std::fs::write(root.path().join("locales/ru/deep.ftl"), &text).unwrap();
        assert_refused(&validate(root.path()), what);
        let out = root.path().join("out.sqlite");
        let output = statusdb()
            .args(common::build_args(root.path(), &out))
            .output()
            .unwrap();
        assert_refused(&output, what);
        assert!(!out.exists(), "{what}: a database was written");
    }
}

#[test]
fn nesting_within_the_bound_is_fine() {
    let root = fixture("mini");
    let text = nested_calls(40) + &braces_in_literals(40).replacen("x =", "y =", 1);
    std::fs::write(root.path().join("locales/en/deep.ftl"), &text).unwrap();
    std::fs::write(root.path().join("locales/ru/deep.ftl"), &text).unwrap();
    let output = validate(root.path());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(!text.contains("unreadable-file"), "{text}");
}

#[test]
fn export_skips_a_deep_file_instead_of_crashing() {
    let root = fixture("mini");
    std::fs::write(root.path().join("locales/en/deep.ftl"), nested_calls(5000)).unwrap();
    let output = statusdb()
        .args(["export", "--locale", "ru", "--locales"])
        .arg(root.path().join("locales"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.code().is_some(),
        "killed by a signal: {stderr}"
    );
    assert!(!stderr.contains("overflow"), "{stderr}");
}

#[test]
fn import_refuses_a_deep_row_and_writes_nothing() {
    let root = fixture("mini");
    let codes = root.path().join("locales/ru/codes.ftl");
    let before = std::fs::read(&codes).unwrap();
    for deep in [
        nested_calls(3000),
        braces_in_literals(3000),
        nested_terms(3000),
    ] {
        let value = deep.trim_start_matches("x =").trim().to_string();
        let csv = root.path().join("in.csv");
        let reference = "The server cannot handle the request right now.";
        common::one_row_csv(&csv, "code-503.summary", reference, &value);
        let output = statusdb()
            .arg("import")
            .arg(&csv)
            .args(["--locale", "ru", "--partial", "--locales"])
            .arg(root.path().join("locales"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("refused `code-503.summary`: the translation nests placeables more than 100 levels deep"),
            "{stderr}"
        );
        assert_eq!(std::fs::read(&codes).unwrap(), before);
    }
}
