//! compare-locales' checks on Fluent files, with the cases its own test
//! suite documents (compare_locales/tests/fluent/test_checks.py): what it
//! reports, statusdb reports under a rule of its own, at the same places.

mod common;

use common::statusdb;

fn places(expected: &[(&str, &[(u64, u64)])]) -> Vec<(String, u64, u64)> {
    expected
        .iter()
        .flat_map(|(rule, places)| places.iter().map(|&(l, c)| (rule.to_string(), l, c)))
        .collect()
}

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
    assert_eq!(
        found,
        places(&[
            ("duplicate-attribute", &[(2, 6), (3, 6), (4, 6)]),
            ("duplicate-variant", &[(6, 6), (7, 6)]),
            ("duplicate-attribute", &[(14, 6), (15, 6), (16, 6)]),
            (
                "duplicate-variant",
                &[(19, 6), (20, 6), (25, 10), (26, 10), (27, 10)]
            ),
        ])
    );
}

/// compare-locales' CSS cases, one message each (the fixture's reference
/// says which): on this tree compare-locales 9 reports 7 errors and 8 CSS
/// warnings at the same messages, each a finding here at its `.style`. A value that is not plain text (`{"width:3px"}`)
/// is not checked; a reference that is not CSS (`28em`) or not plain text
/// (a select, a reference) still has its translation checked.
#[test]
fn style_attributes_stay_css_with_the_references_sizes() {
    let found = findings("style", &["style-not-css", "style-mismatch"]);
    assert_eq!(
        found,
        places(&[
            ("style-mismatch", &[(4, 6)]),
            ("style-not-css", &[(6, 6)]),
            ("style-mismatch", &[(10, 6), (12, 6)]),
            ("style-not-css", &[(14, 6)]),
            ("style-mismatch", &[(18, 6), (20, 6)]),
            ("style-not-css", &[(22, 6), (26, 6)]),
            ("style-mismatch", &[(28, 6)]),
            ("style-not-css", &[(30, 6), (32, 6)]),
            ("style-mismatch", &[(34, 6), (36, 6)]),
            ("style-not-css", &[(40, 6)]),
        ])
    );
    let out = statusdb()
        .args([
            "validate",
            "--reference",
            "en",
            "--locales",
            "tests/fixtures/style",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for said in [
        "`simple2.style` sets other sizes than the reference: width only in reference, max-width only in l10n",
        "`dialog4.style` sets other sizes than the reference: units for width don't match (em != ch)",
        "`simple3.style` is not CSS sizes such as `width: 20em;`",
    ] {
        assert!(text.contains(said), "{said}\n{text}");
    }
}
