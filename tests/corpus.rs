//! validate on a generated tree: its counts equal the defects the generator
//! wrote (benches/parity.sh checks the same tree against compare-locales).

mod common;

#[allow(dead_code)] // the generator's command-line fields are not used here
#[path = "../benches/corpus.rs"]
mod corpus;

#[test]
fn counts_match_the_defects_written() {
    let dir = common::temp();
    let spec = corpus::Spec {
        messages: 2000,
        locales: vec!["ru".into(), "de".into()],
        seed: 7,
        defects: true,
    };
    let written = corpus::generate(dir.path(), &spec).unwrap();
    let output = common::statusdb()
        .args(["validate", "--format", "json", "--locales"])
        .arg(dir.path().join("locales"))
        .assert()
        .code(1);
    let report: serde_json::Value = serde_json::from_slice(&output.get_output().stdout).unwrap();
    for w in written.iter().filter(|w| w.locale != "en") {
        let summary = report["summary"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["locale"] == w.locale.as_str())
            .unwrap();
        assert_eq!(
            summary["missing_entries"],
            w.missing + w.syntax_errors,
            "{}",
            w.locale
        );
        assert_eq!(summary["obsolete"], w.obsolete, "{}", w.locale);
        let rule = |name: &str| {
            report["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["locale"] == w.locale.as_str() && d["rule"] == name)
                .count()
        };
        assert_eq!(rule("syntax"), w.syntax_errors, "{}", w.locale);
        assert_eq!(
            rule("dropped-variable"),
            w.dropped_variables,
            "{}",
            w.locale
        );
        assert!(
            w.missing > 0 && w.syntax_errors > 0 && w.obsolete > 0,
            "the generator wrote every defect"
        );
    }
}

#[test]
fn a_generated_tree_builds() {
    let dir = common::temp();
    let spec = corpus::Spec {
        messages: 500,
        locales: vec!["ru".into()],
        seed: 3,
        defects: false,
    };
    corpus::generate(dir.path(), &spec).unwrap();
    common::build_fixture(dir.path()).success();
}
