//! `statusdb build`: the database contract, determinism, atomicity, bad input.

mod common;

use common::{build_fixture, build_repo, fixture, leftover_temp_files, repo_db, statusdb, temp};
use rusqlite::Connection;

#[test]
fn builds_every_code_and_locale_with_all_views() {
    let db = Connection::open(repo_db()).unwrap();
    let count = |sql: &str| db.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    let codes = count("SELECT count(*) FROM status_codes");
    assert_eq!(codes as usize, common::data_codes());
    assert_eq!(count("SELECT count(*) FROM locales"), 2);
    assert_eq!(count("SELECT count(*) FROM code_text"), 2 * codes);
    // Every label names its code: '460 Client Closed Connection', never a bare '460'.
    assert_eq!(
        count("SELECT count(*) FROM status_codes WHERE label = CAST(code AS TEXT)"),
        0
    );
    assert_eq!(
        count("SELECT count(*) FROM pair_comparison"),
        2 * codes * (codes - 1)
    );
    assert_eq!(count("PRAGMA user_version"), 5);
    let title: String = db
        .query_row(
            "SELECT title FROM pair_comparison WHERE locale = 'ru' AND code_a = 202 AND code_b = 403",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(title, "HTTP 202 Accepted и 403 Forbidden: в чём разница");
    let aspects: Vec<String> = db
        .prepare("SELECT aspect FROM pair_differences WHERE locale = 'en' AND code_a = 202 AND code_b = 403 ORDER BY position")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(aspects, ["class", "typical-headers"]);
    let status: (i64, i64, f64) = db
        .query_row(
            "SELECT translated, missing, percent FROM translation_status WHERE locale = 'ru'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((status.1, status.2), (0, 100.0));
}

#[test]
fn prints_a_summary() {
    let dir = temp();
    statusdb()
        .args(["build", "--out"])
        .arg(dir.path().join("s.sqlite"))
        .assert()
        .success()
        .stdout_eq(format!(
            "Built [..]s.sqlite ([..] KiB): {} status codes, 2 locales, [..] curated pair notes
  en     100.0% complete  [..]/[..] strings
  ru     100.0% complete  [..]/[..] strings
",
            common::data_codes()
        ));
}

#[test]
fn identical_inputs_give_identical_bytes() {
    let (one, two) = (temp(), temp());
    let a = std::fs::read(build_repo(one.path())).unwrap();
    let b = std::fs::read(build_repo(two.path())).unwrap();
    assert!(a == b, "two builds of the same sources differ");
}

#[test]
fn one_pair_is_found_through_indexes_not_scans() {
    let db = Connection::open(repo_db()).unwrap();
    for view in ["pair_comparison", "pair_differences", "pair_aspects"] {
        let sql = format!(
            "EXPLAIN QUERY PLAN SELECT * FROM {view} WHERE locale = 'ru' AND code_a = 202 AND code_b = 403"
        );
        let plan: Vec<String> = db
            .prepare(&sql)
            .unwrap()
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        // Scanning the view's own few result rows is fine; scanning a table is not.
        let tables = [
            "code_text",
            "status_codes",
            "ui_text",
            "pair_notes",
            "locales",
        ];
        let scans: Vec<&String> = plan
            .iter()
            .filter(|step| {
                tables.iter().any(|t| {
                    step.starts_with(&format!("SCAN {t}")) || step.contains(&format!("SCAN {t} "))
                })
            })
            .collect();
        assert!(scans.is_empty(), "{view} scans: {plan:#?}");
    }
}

#[test]
fn nothing_is_stored_per_pair() {
    let db = Connection::open(repo_db()).unwrap();
    let tables: Vec<String> = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    // FTS5 keeps its index in shadow tables named after `code_search`.
    let tables: Vec<&String> = tables
        .iter()
        .filter(|t| !t.starts_with("code_search_"))
        .collect();
    let expected = [
        "code_search",
        "code_text",
        "locales",
        "metadata",
        "pair_notes",
        "status_code_aliases",
        "status_codes",
        "translation_status",
        "ui_text",
    ];
    assert_eq!(tables, expected);
    let views: i64 = db
        .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'view' AND name IN ('pair_comparison', 'pair_differences')", [], |r| r.get(0))
        .unwrap();
    assert_eq!(views, 2);
}

#[test]
fn missing_translations_fall_back_and_say_so() {
    let root = fixture("mini");
    build_fixture(root.path())
        .success()
        .stdout_eq(snapbox::str![[r#"
Built [..]out.sqlite ([..] KiB): 3 status codes, 2 locales, 1 curated pair notes
  en     100.0% complete     73/73 strings
  ru      98.6% complete     72/73 strings  (reference-language text in 1 of 3 codes)
1 translation finding(s); `statusdb validate` lists them

"#]]);
    let db = Connection::open(root.path().join("out.sqlite")).unwrap();
    let row: (String, String) = db
        .query_row(
            "SELECT description, fallback_fields FROM code_text WHERE locale = 'ru' AND code = 404",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(row.1, "description");
    assert!(row.0.starts_with("Nothing matches"), "{}", row.0);
    let pair: String = db
        .query_row("SELECT fallback_fields FROM pair_comparison WHERE locale = 'ru' AND code_a = 404 AND code_b = 503", [], |r| r.get(0))
        .unwrap();
    assert_eq!(pair, "a.description");
}

#[test]
fn a_failed_build_leaves_the_previous_database_untouched() {
    let root = fixture("mini");
    build_fixture(root.path()).success();
    let before = std::fs::read(root.path().join("out.sqlite")).unwrap();
    let codes = root.path().join("locales/en/codes.ftl");
    let broken = std::fs::read_to_string(&codes)
        .unwrap()
        .replace("code-503 = Service", "code-503 = { Service");
    std::fs::write(&codes, broken).unwrap();
    build_fixture(root.path()).code(1);
    assert_eq!(
        std::fs::read(root.path().join("out.sqlite")).unwrap(),
        before
    );
    assert_eq!(leftover_temp_files(root.path()), Vec::<String>::new());
}

#[test]
fn a_syntax_error_stops_the_build_with_its_place() {
    let root = fixture("mini");
    let codes = root.path().join("locales/ru/codes.ftl");
    let text = std::fs::read_to_string(&codes)
        .unwrap()
        .replace("code-503 = Сервис", "code-503 = { Сервис");
    std::fs::write(&codes, text).unwrap();
    build_fixture(root.path()).code(1).stderr_eq(snapbox::str![[r#"
── ru ──
error[syntax]: Fluent syntax error: Expected an inline expression
  --> [..]locales/ru/codes.ftl:16:14
   |
16 | code-503 = { Сервис недоступен
   |              ^
   |
   = help: the whole entry is skipped until this is fixed

error: build stopped, no database was written: 1 error(s) in the sources, listed above; fix them and run again

"#]]);
    assert!(!root.path().join("out.sqlite").exists());
}

#[test]
fn text_for_an_unknown_code_stops_the_build() {
    let root = fixture("mini");
    let codes = root.path().join("locales/ru/codes.ftl");
    let mut text = std::fs::read_to_string(&codes).unwrap();
    text.push_str("\ncode-299 = Неизвестный\n");
    std::fs::write(&codes, text).unwrap();
    build_fixture(root.path()).code(1).stderr_eq(snapbox::str![[r#"
── ru ──
error[unknown-code]: `code-299` is text for code 299, which data/status-codes.csv does not have
  --> [..]locales/ru/codes.ftl:23:1
...
error: build stopped, no database was written: 1 error(s) in the sources, listed above; fix them and run again

"#]]);
}

#[test]
fn a_malformed_data_row_stops_the_build_with_its_line() {
    let root = fixture("mini");
    let data = root.path().join("data/status-codes.csv");
    let text = std::fs::read_to_string(&data)
        .unwrap()
        .replace("404,Not Found,standard", "404,Not Found,official");
    std::fs::write(&data, text).unwrap();
    build_fixture(root.path()).code(1).stderr_eq(snapbox::str![[r#"
error: [..]status-codes.csv:3: unknown variant `official`, expected one of `standard`, `provisional`, `unused`, `deprecated`, `obsoleted`, `unofficial`

"#]]);
    assert!(!root.path().join("out.sqlite").exists());
}

#[test]
fn an_output_path_that_is_a_folder_is_refused() {
    let root = fixture("mini");
    std::fs::create_dir(root.path().join("out.sqlite")).unwrap();
    build_fixture(root.path())
        .code(2)
        .stderr_eq(snapbox::str![[r#"
error: '[..]out.sqlite' is a folder; give a file path

"#]]);
}

/// Every SQL example in the README runs as written against a built database.
#[test]
fn the_readme_queries_run() {
    let db = Connection::open(repo_db()).unwrap();
    let readme = std::fs::read_to_string(common::repo().join("README.md")).unwrap();
    let sql: String = readme
        .lines()
        .filter_map(|l| l.strip_prefix("    "))
        .filter(|l| {
            l.starts_with("SELECT")
                || l.starts_with("FROM")
                || l.starts_with("WHERE")
                || l.starts_with("ORDER")
        })
        .map(|l| format!("{l}\n"))
        .collect();
    let statements: Vec<&str> = sql
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    assert!(
        statements.len() >= 8,
        "found only {} queries",
        statements.len()
    );
    for statement in statements {
        // Some examples rightly return nothing here (ru has no fallback).
        let mut stmt = db
            .prepare(statement)
            .unwrap_or_else(|e| panic!("{statement}: {e}"));
        let mut rows = stmt.query([]).unwrap();
        while rows
            .next()
            .unwrap_or_else(|e| panic!("{statement}: {e}"))
            .is_some()
        {}
    }
}

/// The README's "adding a locale" steps: an empty folder and a data row
/// build at once, with every string marked as the reference's.
#[test]
fn a_new_empty_locale_builds_and_is_marked_untranslated() {
    let root = fixture("mini");
    let locales = root.path().join("data/locales.csv");
    let mut rows = std::fs::read_to_string(&locales).unwrap();
    rows.push_str("de,German,Deutsch,no\n");
    std::fs::write(&locales, rows).unwrap();
    std::fs::create_dir(root.path().join("locales/de")).unwrap();
    build_fixture(root.path())
        .success()
        .stdout_eq(snapbox::str![[r#"
Built [..]out.sqlite ([..] KiB): 3 status codes, 3 locales, 1 curated pair notes
  de       0.0% complete      0/73 strings  (reference-language text in 3 of 3 codes)
  en     100.0% complete     73/73 strings
  ru      98.6% complete     72/73 strings  (reference-language text in 1 of 3 codes)
...
"#]]);
    statusdb()
        .args(["compare", "404", "503", "--locale", "de", "--db"])
        .arg(root.path().join("out.sqlite"))
        .assert()
        .success()
        .stdout_eq(snapbox::str![[r#"
[untranslated] HTTP 404 Not Found vs 503 Service Unavailable
============================================================

[untranslated] 404 Not Found is a 4xx Client Error response, while 503 Service Unavailable is a 5xx Server Error response.
...
"#]]);
}
