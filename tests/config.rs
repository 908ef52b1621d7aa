//! `statusdb validate --config l10n.toml`: compare-locales project
//! configurations. The fixture `tests/fixtures/project` uses every feature
//! statusdb reads; its expected counts are compare-locales 9.0.5's on the
//! same tree, less the entries of the `.properties` file statusdb skips.

mod common;

use common::{repo, statusdb, temp};
use serde_json::Value;

/// Per locale: (missing entries, obsolete, errors, warnings).
fn counts(args: &[&str]) -> (Vec<(String, [u64; 4])>, Value) {
    let out = statusdb()
        .current_dir(repo().join("tests/fixtures"))
        .args(["validate", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = doc["summary"].as_array().unwrap().iter().map(|s| {
        let n = |k: &str| s[k].as_u64().unwrap();
        let row = [
            n("missing_entries"),
            n("obsolete"),
            n("errors"),
            n("warnings"),
        ];
        (s["locale"].as_str().unwrap().to_string(), row)
    });
    (rows.collect(), doc)
}

#[test]
fn paths_env_includes_per_path_locales_and_filters_count_as_compare_locales_does() {
    let (rows, doc) = counts(&["--config", "project/l10n.toml"]);
    let expected = [
        ("en", [0, 0, 0, 0]),
        // soon-later is a warning (re: key), optional is ignored, soon-error
        // is an error again (the last matching rule wins).
        ("de", [3, 1, 3, 2]),
        // fr is only named by a path of the main config, whose `locales` leave
        // it out; the included config's extra/ files apply to it.
        ("fr", [2, 0, 1, 0]),
        // A folder name that is not BCP 47 is fine where a config names it.
        ("ja-JP-mac", [2, 0, 1, 0]),
    ];
    let expected: Vec<_> = expected.iter().map(|(l, c)| (l.to_string(), *c)).collect();
    assert_eq!(rows, expected);
    // legacy.properties, for de and for ja-JP-mac.
    assert_eq!(doc["skipped_files"], 2);
}

#[test]
fn a_filter_warning_is_a_warning_and_an_ignored_gap_is_silent() {
    let (_, doc) = counts(&["--config", "project/l10n.toml", "project", "de"]);
    let found: Vec<(String, String, String)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or_default().to_string();
            (s("severity"), s("rule"), s("message"))
        })
        .collect();
    let has = |sev: &str, msg: &str| found.iter().any(|f| f.0 == sev && f.2.contains(msg));
    assert!(has("warning", "`soon-later` is missing"), "{found:?}");
    assert!(has("error", "`soon-error` is missing"), "{found:?}");
    assert!(!found.iter().any(|f| f.2.contains("optional")), "{found:?}");
}

#[test]
fn locales_on_the_command_line_are_checked_even_if_the_config_omits_them() {
    // compare-locales --full: fr now gets the main config's files too.
    let (rows, _) = counts(&["--config", "project/l10n.toml", "project", "fr"]);
    let fr = rows.iter().find(|r| r.0 == "fr").unwrap();
    // extra/more.ftl (2) and only-fr/page.ftl (1) are missing files; of
    // main.ftl's 5 entries one is ignored and one only a warning. compare-locales
    // says 7 missing: it also counts legacy.properties' entry.
    assert_eq!(fr.1, [2 + 1 + 3, 1, 2 + 3, 2]);
}

/// Runs `validate --config l10n.toml` on a folder holding only `config`,
/// which it must refuse as a usage error (exit 2).
fn refused_config(config: &str) -> snapbox::cmd::OutputAssert {
    let dir = temp();
    std::fs::write(dir.path().join("l10n.toml"), config).unwrap();
    statusdb()
        .current_dir(dir.path())
        .args(["validate", "--config", "l10n.toml"])
        .assert()
        .code(2)
}

#[test]
fn a_config_without_locales_asks_for_them() {
    refused_config("[[paths]]\nreference = \"en/*.ftl\"\nl10n = \"{locale}/*.ftl\"\n")
        .stderr_eq(snapbox::str![[r#"
error: [..]l10n.toml names no locales; list them after the l10n base folder, e.g. `statusdb validate --config l10n.toml BASE de fr`

"#]]);
}

#[test]
fn a_locale_that_would_leave_the_tree_is_refused() {
    let config =
        "locales = [\"../up\"]\n[[paths]]\nreference = \"en/*.ftl\"\nl10n = \"{locale}/*.ftl\"\n";
    refused_config(config).stderr_eq(snapbox::str![[r#"
error: [..]l10n.toml: `../up` is not a locale folder name (letters, digits, `-` and `_` only)

"#]]);
}

#[test]
fn a_broken_config_says_where() {
    refused_config("basepath = \".\"\n[[paths]\n").stderr_eq(snapbox::str![[r#"
error: [..]l10n.toml:2:[..]: not a compare-locales configuration: [..]

"#]]);
}

#[test]
fn a_config_that_includes_itself_is_refused_with_the_cycle() {
    let config = "locales = [\"de\"]\n[[paths]]\nreference = \"en/*.ftl\"\nl10n = \"{locale}/*.ftl\"\n[[includes]]\npath = \"l10n.toml\"\n";
    refused_config(config).stderr_eq(snapbox::str![[r#"
error: [..]l10n.toml includes itself: [..]l10n.toml -> [..]l10n.toml; remove the include that closes the loop

"#]]);
    // A subcrate of a cargo-i18n project that is the project itself.
    let dir = temp();
    let i18n = "fallback_language = \"en\"\nsubcrates = [\".\"]\n[fluent]\nassets_dir = \".\"\n";
    std::fs::write(dir.path().join("i18n.toml"), i18n).unwrap();
    statusdb()
        .current_dir(dir.path())
        .args(["validate", "--config", "i18n.toml"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::str![[r#"
error: [..]i18n.toml includes itself: [..]i18n.toml -> [..]i18n.toml; remove the include that closes the loop

"#]]);
}

#[test]
fn missing_strings_can_be_warnings_or_ignored_by_flag_or_config() {
    let (rows, _) = counts(&["--config", "project/l10n.toml", "--missing", "warning"]);
    assert_eq!(rows[1], ("de".to_string(), [3, 1, 0, 5]));
    let (rows, _) = counts(&["--config", "project/l10n.toml", "--missing", "ignore"]);
    assert_eq!(rows[1], ("de".to_string(), [3, 1, 0, 1]));
    // The same from the config's [statusdb] table, with a rule's severity.
    let dir = temp();
    let project = repo().join("tests/fixtures/project");
    let config = format!(
        "basepath = {:?}\nlocales = [\"de\"]\n[[paths]]\nreference = \"en/*.ftl\"\nl10n = \"{{locale}}/*.ftl\"\n[statusdb]\nmissing = \"ignore\"\nrules = {{ obsolete-entry = \"error\" }}\n",
        project
    );
    std::fs::write(dir.path().join("l10n.toml"), config).unwrap();
    let path = dir.path().join("l10n.toml");
    let (rows, _) = counts(&["--config", path.to_str().unwrap()]);
    assert_eq!(rows[1], ("de".to_string(), [4, 1, 1, 0]));
}

#[test]
fn min_percent_fails_a_locale_below_it_and_github_annotates() {
    statusdb()
        .current_dir(repo().join("tests/fixtures/project"))
        .args(["validate", "--config", "l10n.toml", "--missing", "ignore"])
        .args(["--min-percent", "50", "--format", "github", ".", "de"])
        .assert()
        .code(1)
        .stdout_eq(snapbox::str![[r#"
::warning file=de/main.ftl,line=2,col=1,title=obsolete-entry (de)::`stale` is not in the reference%0Adelete it, or add it to the reference first
::error::de is 33.3%25 translated, below --min-percent 50

"#]]);
}

#[test]
fn a_baseline_hides_todays_findings_and_shows_new_ones() {
    let tree = common::fixture("project");
    let root = tree.path();
    let run = |extra: &[&str]| {
        statusdb()
            .current_dir(root)
            .args([
                "validate",
                "--config",
                "l10n.toml",
                "--baseline",
                "base.txt",
            ])
            .args(extra)
            .assert()
    };
    run(&["--update-baseline"]).success();
    run(&[]).success();
    std::fs::write(root.join("de/main.ftl"), "hello = Hallo\n").unwrap();
    // `stale` went away (fine); nothing new yet.
    run(&[]).success();
    std::fs::write(root.join("de/main.ftl"), "hello = Hallo\nnew-one = Neu\n").unwrap();
    run(&["--format", "github"]).success().stdout_eq(snapbox::str![[r#"
::warning file=de/main.ftl,line=2,col=1,title=obsolete-entry (de)::`new-one` is not in the reference%0Adelete it, or add it to the reference first

"#]]);
}

#[test]
fn a_cargo_i18n_config_is_read_as_its_project() {
    // The fallback language is the reference, every other folder of
    // assets_dir a locale, and a subcrate's i18n.toml adds its own files
    // for its own languages (fr has none of the widgets).
    let (rows, doc) = counts(&["--config", "cargo-i18n/i18n.toml"]);
    let expected = [
        ("en", [0, 0, 0, 0]),
        ("de", [1, 0, 1, 0]),
        ("fr", [2, 0, 2, 0]),
    ];
    let expected: Vec<_> = expected.iter().map(|(l, c)| (l.to_string(), *c)).collect();
    assert_eq!(rows, expected);
    let totals: Vec<u64> = doc["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["total"].as_u64().unwrap())
        .collect();
    assert_eq!(totals, [5, 5, 3]);
    // Paths as the user would type them, from the folder validate ran in.
    let first = &doc["diagnostics"][0];
    assert_eq!(first["file"], "cargo-i18n/i18n/de/app.ftl");
    assert_eq!(
        first["help"],
        "the reference defines it at cargo-i18n/i18n/en/app.ftl:3:1"
    );
}

#[test]
fn a_cargo_i18n_config_without_fluent_says_so() {
    let dir = temp();
    std::fs::write(dir.path().join("i18n.toml"), "fallback_language = \"en\"\n").unwrap();
    statusdb()
        .current_dir(dir.path())
        .args(["validate", "--config", "i18n.toml"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::str![[r#"
error: [..]/i18n.toml: a cargo-i18n configuration without `[fluent] assets_dir` has no Fluent files to check (statusdb reads Fluent, not gettext); add the table or pass --locales DIR

"#]]);
}

/// `[[statusdb.filters]]` silence or re-grade statusdb's own rules by name
/// for some paths and keys (plain or `re:`), the last matching one winning;
/// compare-locales ignores the `[statusdb]` table of the same file.
#[test]
fn statusdb_rules_can_be_filtered_per_path_and_key() {
    let (rows, doc) = counts(&["--config", "rule-filters/l10n.toml"]);
    let found: Vec<String> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = d["file"].as_str().unwrap();
            let name = &file[file.rfind('/').map_or(0, |i| i + 1)..];
            format!("{} {} {name}:{}", d["severity"], d["rule"], d["line"])
        })
        .collect();
    assert_eq!(
        found,
        [
            r#""warning" "doubled-word" main.ftl:2"#,
            r#""warning" "doubled-word" main.ftl:3"#,
            r#""error" "doubled-word" other.ftl:1"#,
        ]
    );
    assert_eq!(rows[1], ("ru".to_string(), [0, 0, 1, 2]));
}

#[test]
fn a_filter_naming_no_rule_says_which_and_where() {
    refused_config("locales = [\"de\"]\n[[paths]]\nreference = \"en/*.ftl\"\nl10n = \"{locale}/*.ftl\"\n[[statusdb.filters]]\nrule = \"doubled-words\"\naction = \"ignore\"\n")
        .stderr_eq(snapbox::str![[r#"
error: [..]l10n.toml: [[statusdb.filters]]: `doubled-words` is not a rule; the README lists every rule

"#]]);
}
