//! compare-locales' checks on Fluent files, with the cases its own test
//! suite documents (compare_locales/tests/fluent/test_checks.py): what it
//! reports, statusdb reports under a rule of its own, at the same places.

mod common;

use common::statusdb;

/// `(rule, line, column)` of every finding of `rules` in the `de` locale
/// of `tests/fixtures/NAME`, in report order.
fn findings(name: &str, rules: &[&str]) -> Vec<(String, u64, u64)> {
    let out = statusdb()
        .args([
            "validate",
            "--format",
            "json",
            "--reference",
            "en",
            "--locales",
        ])
        .arg(format!("tests/fixtures/{name}"))
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| rules.contains(&d["rule"].as_str().unwrap()))
        .map(|d| {
            assert_eq!(d["severity"], "warning", "{d}");
            assert_eq!(d["locale"], "de", "{d}");
            let at = |k: &str| d[k].as_u64().unwrap();
            (
                d["rule"].as_str().unwrap().to_string(),
                at("line"),
                at("column"),
            )
        })
        .collect()
}

/// Every occurrence of a repeated attribute or variant key is reported, in
/// messages and terms, values and attributes; `[1]` and `[one]` are not the
/// same key; an entry the reference lacks is only obsolete (compare-locales
/// checks the entries both sides have).
#[test]
fn repeated_attributes_and_variant_keys_are_warnings_at_each_occurrence() {
    let found = findings("repeats", &["duplicate-attribute", "duplicate-variant"]);
    let expected = [
        ("duplicate-attribute", [(2, 6), (3, 6), (4, 6)].as_slice()),
        ("duplicate-variant", &[(6, 6), (7, 6)]),
        ("duplicate-attribute", &[(14, 6), (15, 6), (16, 6)]),
        (
            "duplicate-variant",
            &[(19, 6), (20, 6), (25, 10), (26, 10), (27, 10)],
        ),
    ];
    let expected: Vec<(String, u64, u64)> = expected
        .iter()
        .flat_map(|(rule, places)| places.iter().map(|&(l, c)| (rule.to_string(), l, c)))
        .collect();
    assert_eq!(found, expected);
}
