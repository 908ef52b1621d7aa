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
note: [..]none.sqlite does not exist; building the database in memory from 'locales' and 'data'

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
        .success()
        .stderr_eq(snapbox::str![[r#"
note: no locale de; using en

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

/// The section "Key differences" of a text page.
fn key_differences(page: &str, heading: &str, next: &str) -> String {
    let start = page.find(&format!("\n{heading}\n")).expect("the section");
    let end = page[start..]
        .find(&format!("\n{next}\n"))
        .expect("the next section");
    page[start + heading.len() + 2..start + end].to_string()
}

/// "Key differences" never repeats what the page already says (the two
/// summaries) and is never empty; where no aspect differs, it shows the
/// curated note or, without one, what the codes share.
#[test]
fn key_differences_add_to_the_page() {
    let db = repo_db();
    let sections = [
        ("en", "Key differences", "When to use which"),
        ("ru", "Ключевые различия", "Когда что использовать"),
    ];
    for (locale, heading, next) in sections {
        for (a, b) in [
            (202, 403),
            (418, 421),
            (501, 510),
            (444, 499),
            (460, 499),
            (520, 521),
        ] {
            let (a, b) = (a.to_string(), b.to_string());
            let out = compare(db, &[&a, &b, "--locale", locale, "--format", "json"]).success();
            let page: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
            let out = compare(db, &[&a, &b, "--locale", locale]).success();
            let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
            let section = key_differences(&text, heading, next);
            assert!(!section.trim().is_empty(), "{locale} {a}/{b}: empty");
            for side in ["a", "b"] {
                let summary = page[side]["summary"].as_str().unwrap();
                assert!(
                    !section.contains(summary),
                    "{locale} {a}/{b} repeats {summary}"
                );
            }
        }
    }
    // Without a curated note, the aspects the two codes share.
    let out = compare(db, &["520", "521"]).success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let section = key_differences(&text, "Key differences", "When to use which");
    assert!(section.contains("Vendor: Cloudflare"), "{section}");
    assert!(section.contains("Reaches the client: Yes"), "{section}");
    // 444 and 499 share every aspect; their note says who closed the connection.
    let out = compare(db, &["444", "499"]).success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let section = key_differences(&text, "Key differences", "When to use which");
    assert!(
        section.contains("nginx drops the connection on purpose"),
        "{section}"
    );
    assert!(section.contains("the client gave up"), "{section}");
}

#[test]
fn markdown_has_no_double_blank_lines() {
    let db = repo_db();
    for (a, b) in [("500", "502"), ("444", "499"), ("202", "403")] {
        let out = compare(db, &[a, b, "--format", "markdown"]).success();
        let md = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        assert!(!md.contains("\n\n\n"), "{a}/{b}:\n{md}");
    }
}

#[test]
fn locales_are_negotiated_as_browsers_send_them() {
    let db = repo_db();
    let ru = compare(db, &["202", "403", "--locale", "ru"]).success();
    compare(db, &["202", "403", "--locale", "ru-RU"])
        .success()
        .stdout_eq(String::from_utf8(ru.get_output().stdout.clone()).unwrap())
        .stderr_eq(snapbox::str![[r#"
note: no locale ru-RU; using ru

"#]]);
}
