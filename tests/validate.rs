//! `statusdb validate`: every defect's exact diagnostic, the summary, JSON, exit codes.

mod common;

use common::{repo, statusdb};

fn validate(args: &[&str]) -> snapbox::cmd::OutputAssert {
    statusdb().arg("validate").args(args).assert()
}

#[test]
fn our_own_locales_pass_strict() {
    validate(&["--strict"])
        .success()
        .stdout_eq(snapbox::str![[r#"
locale  total  translated  missing  obsolete  errors  warnings  complete
en [..]        0         0       0         0    100.0%  (reference)
ru [..]        0         0       0         0    100.0%

0 error(s), 0 warning(s)

"#]]);
}

#[test]
fn every_defect_has_its_diagnostic() {
    validate(&["--locales", "tests/fixtures/defects"])
        .code(1)
        .stdout_eq(snapbox::file!["expected/validate-defects.txt"]);
}

#[test]
fn the_json_report_has_the_same_content() {
    validate(&["--locales", "tests/fixtures/defects", "--format", "json"])
        .code(1)
        .stdout_eq(snapbox::file!["expected/validate-defects.json"]);
}

/// The page this project was born from: Russian headings over English text,
/// and a template that says "when when".
#[test]
fn the_seed_pages_two_failures_are_reported() {
    validate(&[
        "--locales",
        "tests/fixtures/seed/locales",
        "--data",
        "tests/fixtures/seed/data",
    ])
    .success()
    .stdout_eq(snapbox::file!["expected/validate-seed.txt"]);
    validate(&[
        "--locales",
        "tests/fixtures/seed/locales",
        "--data",
        "tests/fixtures/seed/data",
        "--strict",
    ])
    .code(1);
}

#[test]
fn only_the_named_locales_are_checked() {
    let tree = common::fixture("defects");
    std::fs::create_dir(tree.path().join("not a locale")).unwrap();
    let root = tree.path().to_str().unwrap();
    validate(&["--locales", root, "en", "--format", "json"]).success();
    validate(&["--locales", root]).code(2).stderr_eq(snapbox::str![[r#"
error: [..]not a locale: folder `not a locale` is not a BCP 47 language tag (examples: en, ru, pt-BR); name each locale folder by its tag, or pass the locales to use

"#]]);
    validate(&["--locales", root, "de"])
        .code(2)
        .stderr_eq(snapbox::str![[r#"
error: no locale `de` in [..]; available: en, ru

"#]]);
    validate(&["--locales", root, "../etc"])
        .code(2)
        .stderr_eq(snapbox::str![[r#"
error: `../etc` is not a BCP 47 language tag (examples: en, ru, pt-BR)

"#]]);
}

#[test]
fn a_missing_tree_is_an_io_error() {
    validate(&["--locales", "no/such/dir"])
        .code(2)
        .stderr_eq(snapbox::str![[r#"
error: the locale folder 'no/such/dir' does not exist; give the folder that holds one folder per locale

"#]]);
}

#[test]
fn a_tree_given_as_a_locale_gets_the_right_command() {
    validate(&["tests/fixtures/defects"])
        .code(2)
        .stderr_eq(snapbox::str![[r#"
error: `tests/fixtures/defects` is not a BCP 47 language tag (examples: en, ru, pt-BR); to check the locale folders in the folder `tests/fixtures/defects`, run `statusdb validate --locales tests/fixtures/defects`

"#]]);
}

#[test]
fn a_missing_reference_is_named() {
    validate(&["--locales", "tests/fixtures/defects", "--reference", "fr"])
        .code(2)
        .stderr_eq(snapbox::str![[r#"
error: the reference locale `fr` is not in tests/fixtures/defects; available: en, ru

"#]]);
    assert!(repo().join("tests/fixtures/defects/en").is_dir());
}

/// Checking one locale must not report the other locales' folders as missing.
#[test]
fn one_locale_of_several() {
    let root = common::fixture("mini");
    let locales = root.path().join("data/locales.csv");
    let rows = std::fs::read_to_string(&locales).unwrap() + "de,German,Deutsch,no\n";
    std::fs::write(&locales, rows).unwrap();
    std::fs::create_dir(root.path().join("locales/de")).unwrap();
    let (tree, data) = (root.path().join("locales"), root.path().join("data"));
    let output = statusdb()
        .arg("validate")
        .arg("ru")
        .arg("--locales")
        .arg(&tree)
        .arg("--data")
        .arg(&data)
        .assert()
        .code(1);
    let text = String::from_utf8_lossy(&output.get_output().stdout).into_owned();
    assert!(!text.contains("missing-locale"), "{text}");
    assert!(text.ends_with("1 error(s), 0 warning(s)\n"), "{text}");
}

/// Every command's --help teaches by example and names its exit codes. In a
/// pipe nothing is wrapped, and no example is wider than an 80-column
/// terminal, so none is broken mid-line where it is shown and each pastes as
/// written.
#[test]
fn every_command_has_help_with_examples() {
    let commands = [
        "build",
        "compare",
        "search",
        "validate",
        "export",
        "export-json",
        "import",
    ];
    for command in commands.map(Some).into_iter().chain([None]) {
        let output = statusdb().args(command).arg("--help").assert().success();
        let command = command.unwrap_or("statusdb");
        let help = String::from_utf8_lossy(&output.get_output().stdout).into_owned();
        assert!(
            help.contains("Examples:\n  statusdb ") && help.contains("Exit codes:"),
            "{command}:\n{help}"
        );
        let examples = &help[help.find("Examples:").unwrap()..];
        for line in examples.lines() {
            assert!(line.chars().count() < 80, "{command}: too wide: {line}");
        }
    }
    let build = statusdb().args(["build", "--help"]).assert().success();
    let help = String::from_utf8_lossy(&build.get_output().stdout).into_owned();
    assert!(
        help.contains(
            "  sqlite3 statusdb.sqlite \\\n    \"SELECT title FROM pair_comparison\n     WHERE locale='ru' AND code_a=202 AND code_b=403\"\n"
        ),
        "{help}"
    );
    // Long paragraphs stay one line in a pipe: clap does not wrap them.
    let validate = statusdb().args(["validate", "--help"]).assert().success();
    let help = String::from_utf8_lossy(&validate.get_output().stdout).into_owned();
    assert!(
        help.lines().any(|l| l.chars().count() > 100),
        "a pipe got wrapped help:\n{help}"
    );
    // Issue 16: the CI options are listed and shown in an example each.
    let examples = &help[help.find("Examples:").unwrap()..];
    for option in ["--config", "--missing", "--min-percent", "--baseline"] {
        assert!(
            help.contains(&format!("\n      {option} ")),
            "{option}:\n{help}"
        );
        assert!(
            examples.contains(&format!(" {option} ")),
            "{option}:\n{help}"
        );
    }
    assert!(help.contains("github (workflow annotations"), "{help}");
    assert!(examples.contains(" --format github\n"), "{help}");
    assert!(help.contains("sarif (SARIF 2.1.0"), "{help}");
    assert!(examples.contains(" --format sarif > "), "{help}");
}

/// `--color` overrides what the environment says; without it, a pipe gets no colour.
#[test]
fn color_follows_the_flag_over_the_environment() {
    let run = |args: &[&str], force: bool| {
        let mut cmd = statusdb()
            .arg("validate")
            .args(["--locales", "tests/fixtures/defects"]);
        if force {
            cmd = cmd.env_remove("NO_COLOR").env("CLICOLOR_FORCE", "1");
        }
        let output = cmd.args(args).assert().code(1);
        String::from_utf8_lossy(&output.get_output().stdout).contains('\u{1b}')
    };
    assert!(
        run(&["--color", "always"], false),
        "NO_COLOR beat --color always"
    );
    assert!(
        !run(&["--color", "never"], true),
        "CLICOLOR_FORCE beat --color never"
    );
    assert!(run(&[], true), "CLICOLOR_FORCE gave no colour");
    assert!(!run(&[], false), "a pipe got colour");
}

/// Patterns seen on real trees that once raised false findings: markup with
/// placeables inside its tag, names the reference keeps in Latin, en-GB
/// keeping en's text, a term's own attributes, numeric variant keys and an
/// implicit `other`, German "Sie sie", a select dropped with its selector
/// where the language makes no such distinction. A reference that the reference locale
/// itself leaves dangling is reported there once, not in every locale.
/// Anki's patterns: a word written three times ("Punkt Punkt Punkt"),
/// Vietnamese syllables ("toàn bộ bộ sưu tập"), names and key combinations
/// inside a translated sentence ("Ctrl + Shift + T", "SuperMemo 2 (SM2)"),
/// file patterns (`*.apkg`), a key name most locales keep (`Ctrl`), and
/// text under a reference comment saying it needs no translation.
#[test]
fn real_world_patterns_raise_no_false_findings() {
    validate(&["--locales", "tests/fixtures/real-world", "--reference", "en"])
        .code(1)
        .stdout_eq(snapbox::str![[r#"
── en ──
error[unknown-reference]: `forward` refers to `profile-label-forwarding`, which this locale does not define
  --> tests/fixtures/real-world/en/main.ftl:13:1
   |
13 | forward = Choose { profile-label-forwarding } to keep your mail flowing in.
   | ^^^^^^^
   |
   = help: define it in any file of this locale, or fix the name

locale  total  translated  missing  obsolete  errors  warnings  complete
de         15          15        0         0       0         0    100.0%
en         15          15        0         0       1         0    100.0%  (reference)
en-GB      15          15        0         0       0         0    100.0%
hu         15          15        0         0       0         0    100.0%
ja         15          15        0         0       0         0    100.0%
uk         15          15        0         0       0         0    100.0%
vi         15          15        0         0       0         0    100.0%

1 error(s), 0 warning(s)

"#]]);
}

/// Projects that load each page's files into a bundle of their own may
/// define an id in two files; a locale that follows the reference's layout
/// is not at fault, one that doubles an id the reference has once is. The
/// reference's own two definitions are an error only where statusdb knows
/// one bundle loads them (its own tree): elsewhere a warning.
#[test]
fn duplicate_ids_are_judged_against_the_references_layout() {
    let dir = common::temp();
    for (path, text) in [
        ("en/a.ftl", "title = A\n"),
        ("en/b.ftl", "title = B\nother = O\n"),
        ("de/a.ftl", "title = A\n"),
        ("de/b.ftl", "title = B\nother = O\nother = P\n"),
    ] {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let out = common::statusdb()
        .args(["validate", "--format", "json", "--locales"])
        .arg(dir.path())
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<(String, String, String)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "duplicate-id")
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap().to_string();
            (s("locale"), s("severity"), s("message"))
        })
        .collect();
    // The reference's own two files may be the layout too: only a warning.
    let expected = [
        (
            "de",
            "error",
            "`other` is defined more than once in this locale",
        ),
        (
            "en",
            "warning",
            "`title` is defined more than once in this locale",
        ),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(l, s, m)| (l.to_string(), s.to_string(), m.to_string()))
        .collect();
    assert_eq!(found, expected);
}

/// Naming statusdb's own tree explicitly checks it exactly as plain
/// `validate` does: against data/ and its allowlist, so no `latin-script`
/// warnings for reason phrases and vendor names.
#[test]
fn the_own_tree_named_explicitly_is_checked_like_plain_validate() {
    let output = statusdb()
        .args([
            "validate",
            "--locales",
            "locales",
            "--reference",
            "en",
            "ru",
        ])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&output.get_output().stdout).into_owned();
    assert!(!text.contains("latin-script"), "{text}");
    assert!(text.ends_with("0 error(s), 0 warning(s)\n"), "{text}");
}
