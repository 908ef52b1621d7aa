//! The binary works from any folder: it carries the content it was built
//! from, and says on stderr when it uses it. Precedence: explicit flags,
//! then `locales/` and `data/` in the current folder, then the built-in content.

mod common;

use common::{fixture, statusdb_in, temp};
use snapbox::str;

#[test]
fn an_empty_folder_uses_the_built_in_content() {
    let empty = temp();
    statusdb_in(empty.path())
        .args(["compare", "202", "403", "--locale", "ru", "--format", "json"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
{
  "schema_version": 1,
  "locale": "ru",
  "title": "HTTP 202 Accepted и 403 Forbidden: в чём разница",
...
"#]])
        .stderr_eq(str![[r#"
note: statusdb.sqlite does not exist; building the database in memory from the content built into statusdb [..]

"#]]);
    statusdb_in(empty.path())
        .args(["search", "payload", "too", "large", "--limit", "1"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
413 Content Too Large
...
"#]]);
    statusdb_in(empty.path())
        .args(["build", "--out", "dist/statusdb.sqlite"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
Built dist/statusdb.sqlite ([..] KiB): [..] status codes, 2 locales, [..] curated pair notes
...
"#]])
        .stderr_eq(str![[r#"
note: no locales/ or data/ here; using the content built into statusdb [..]

"#]]);
    assert!(empty.path().join("dist/statusdb.sqlite").is_file());
}

#[test]
fn folders_in_the_current_directory_come_before_the_built_in_content() {
    let root = fixture("mini");
    statusdb_in(root.path())
        .args(["build", "--out", "mini.sqlite"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
Built mini.sqlite ([..] KiB): 3 status codes, 2 locales, [..] curated pair notes
...
"#]])
        .stderr_eq(str![""]);
}

#[test]
fn explicit_flags_come_before_the_current_directory() {
    let root = fixture("mini");
    let elsewhere = temp();
    statusdb_in(elsewhere.path())
        .args(["build", "--out", "x.sqlite", "--locales"])
        .arg(root.path().join("locales"))
        .arg("--data")
        .arg(root.path().join("data"))
        .assert()
        .success()
        .stdout_eq(str![[r#"
Built x.sqlite ([..] KiB): 3 status codes, 2 locales, [..] curated pair notes
...
"#]]);
}

#[test]
fn a_missing_folder_given_by_a_flag_is_quoted_and_the_flag_not_repeated() {
    let empty = temp();
    statusdb_in(empty.path())
        .args(["validate", "--locales", "path/to/tree"])
        .assert()
        .code(2)
        .stderr_eq(str![[r#"
error: the locale folder 'path/to/tree' does not exist; give the folder that holds one folder per locale

"#]]);
    statusdb_in(empty.path())
        .args(["build", "--data", "data"])
        .assert()
        .code(2)
        .stderr_eq(str![[r#"
note: no locales/ here; using the content built into statusdb [..]
error: the data folder 'data' does not exist; give the folder that holds status-codes.csv, aliases.csv and locales.csv

"#]]);
}
