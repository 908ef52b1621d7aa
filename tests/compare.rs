//! `statusdb compare`: the pair page in every format, and its errors.

mod common;

use common::{fixture, repo_db, statusdb, temp};

fn compare(db: &std::path::Path, args: &[&str]) -> snapbox::cmd::OutputAssert {
    statusdb()
        .arg("compare")
        .args(args)
        .arg("--db")
        .arg(db)
        .assert()
}

#[test]
fn the_seed_page_in_english_and_russian() {
    let db = repo_db();
    compare(db, &["202", "403"])
        .success()
        .stdout_eq(snapbox::file!["expected/compare-202-403.en.txt"]);
    compare(db, &["202", "403", "--locale", "ru"])
        .success()
        .stdout_eq(snapbox::file!["expected/compare-202-403.ru.txt"]);
}

#[test]
fn markdown_and_json() {
    let db = repo_db();
    compare(db, &["301", "308", "--format", "markdown"])
        .success()
        .stdout_eq(snapbox::file!["expected/compare-301-308.en.md"]);
    compare(db, &["401", "403", "--format", "json"])
        .success()
        .stdout_eq(snapbox::file!["expected/compare-401-403.en.json"]);
}

#[test]
fn without_a_database_it_builds_one_in_memory() {
    let dir = temp();
    let missing = dir.path().join("none.sqlite");
    let from_file = compare(repo_db(), &["500", "503", "--locale", "ru"]).success();
    compare(&missing, &["500", "503", "--locale", "ru"])
        .success()
        .stdout_eq(String::from_utf8(from_file.get_output().stdout.clone()).unwrap())
        .stderr_eq(snapbox::str![[r#"
note: [..]none.sqlite does not exist; building the database in memory from locales and data

"#]]);
    assert!(!missing.exists());
}

#[test]
fn untranslated_text_is_marked() {
    let root = fixture("mini");
    common::build_fixture(root.path()).success();
    statusdb()
        .args(["compare", "503", "404", "--locale", "ru", "--db"])
        .arg(root.path().join("out.sqlite"))
        .assert()
        .success()
        .stdout_eq(snapbox::str![[r#"
...
404 Not Found — Не найдено
По этому адресу на сервере ничего нет.

  Описание
    [untranslated] Nothing matches the target URI, or the server will not say that it exists.
...
"#]]);
}

#[test]
fn unknown_codes_and_locales_list_what_exists() {
    let db = repo_db();
    compare(db, &["202", "999"])
        .code(2)
        .stderr_eq(snapbox::str![[r#"
error: unknown status code 999; available: 100-[..], [..]-599

"#]]);
    compare(db, &["202", "403", "--locale", "de"])
        .code(2)
        .stderr_eq(snapbox::str![[r#"
error: unknown locale `de`; available: en, ru

"#]]);
    compare(db, &["202", "403", "--locale", "../../x"])
        .code(2)
        .stderr_eq(snapbox::str![[r#"
error: --locale: `../../x` is not a BCP 47 language tag (examples: en, ru, pt-BR)

"#]]);
    compare(db, &["403", "403"])
        .code(2)
        .stderr_eq(snapbox::str![[r#"
error: compare needs two different codes, got 403 twice

"#]]);
}
