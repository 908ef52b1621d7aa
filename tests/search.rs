//! `statusdb search` and the `code_search` full-text index behind it.

mod common;

use common::{repo_db, statusdb};

fn search(db: &std::path::Path, args: &[&str]) -> snapbox::cmd::OutputAssert {
    statusdb()
        .arg("search")
        .args(args)
        .arg("--db")
        .arg(db)
        .assert()
}

#[test]
fn finds_codes_by_current_and_former_names() {
    let db = repo_db();
    search(db, &["payload", "too", "large", "--limit", "1"])
        .success()
        .stdout_eq(snapbox::str![[r#"
413 Content Too Large
...
"#]]);
    search(db, &["Unprocessable", "Entity", "--limit", "1"])
        .success()
        .stdout_eq(snapbox::str![[r#"
422 Unprocessable Content
...
"#]]);
    search(db, &["I'm a teapot", "--limit", "1"])
        .success()
        .stdout_eq(snapbox::str![[r#"
418 (Unused)
...
"#]]);
}

#[test]
fn finds_russian_words_whatever_their_ending() {
    let db = repo_db();
    search(db, &["запрещено", "--locale", "ru", "--limit", "1"])
        .success()
        .stdout_eq(snapbox::str![[r#"
403 Forbidden — Доступ запрещён
...
"#]]);
    search(
        db,
        &[
            "слишком",
            "много",
            "запросов",
            "--locale",
            "ru",
            "--limit",
            "1",
            "--format",
            "json",
        ],
    )
    .success()
    .stdout_eq(snapbox::str![[r#"
{
  "schema_version": 1,
  "query": "слишком много запросов",
  "hits": [
    {
      "code": 429,
      "locale": "ru",
...
"#]]);
}

#[test]
fn without_a_locale_the_query_s_script_picks_the_locales() {
    let db = repo_db();
    search(db, &["запрещено", "--limit", "1"])
        .success()
        .stdout_eq(snapbox::str![[r#"
403 Forbidden — Доступ запрещён
...
"#]]);
    search(db, &["forbidden", "--limit", "1"])
        .success()
        .stdout_eq(snapbox::str![[r#"
403 Forbidden
...
"#]]);
}

#[test]
fn e_yo_and_e_are_one_letter_to_search_and_display_keeps_the_spelling() {
    let db = repo_db();
    let first = |word: &str| {
        let out = search(db, &[word, "--limit", "3"]).success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    assert_eq!(first("кэш"), first("кеш"));
    assert_eq!(first("запрещен"), first("запрещён"));
    assert!(first("запрещен").contains("Доступ запрещён"));
    let conn = rusqlite::Connection::open(db).unwrap();
    // The README's query for apps shows the unfolded name.
    let name: String = conn
        .query_row(
            "SELECT t.name FROM code_search s JOIN code_text t USING (locale, code)
             WHERE code_search MATCH ?1 AND s.locale = ?2
             ORDER BY bm25(code_search, 0, 0, 10, 10, 8, 1) LIMIT 1",
            ["\"запрещ\"*", "ru"],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(name, "Доступ запрещён");
}

#[test]
fn nothing_found_exits_1_and_an_empty_query_is_refused() {
    let db = repo_db();
    search(db, &["zzzqqq"]).code(1).stdout_eq(snapbox::str![[r#"
No status code matches `zzzqqq`.

"#]]);
    search(db, &["?!"]).code(2).stderr_eq(snapbox::str![[r#"
error: search needs at least one word or code, got `?!`

"#]]);
}

#[test]
fn apps_get_the_same_search_with_one_query() {
    let conn = rusqlite::Connection::open(repo_db()).unwrap();
    // The query the README documents for apps.
    let code: u16 = conn
        .query_row(
            "SELECT code FROM code_search WHERE code_search MATCH ?1 AND locale = ?2
             ORDER BY bm25(code_search, 0, 0, 10, 10, 8, 1) LIMIT 1",
            ["\"запрещ\"*", "ru"],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(code, 403);
}

#[test]
fn registered_codes_outrank_vendor_codes_that_match_as_well() {
    let db = repo_db();
    search(db, &["rate", "limit", "--limit", "2"])
        .success()
        .stdout_eq(snapbox::str![[r#"
429 Too Many Requests
...
420 Enhance Your Calm
...
"#]]);
}

/// The codes `statusdb search` lists for `words`, best first.
fn ranked(db: &std::path::Path, words: &str) -> Vec<u16> {
    let out = statusdb()
        .args(["search", words, "--format", "json", "--limit", "5", "--db"])
        .arg(db)
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["code"].as_u64().unwrap() as u16)
        .collect()
}

/// Aliases the content review corrected: vendor phrases find their code
/// first, and a vendor's reuse of a number does not crowd out the registry.
#[test]
fn aliases_rank_as_reviewed() {
    let db = repo_db();
    for (words, code) in [
        ("Request-URI Too Large", 414),
        ("Request URI Too Long", 414),
        ("Not Allowed", 405),
        ("Service Temporarily Unavailable", 503),
    ] {
        assert_eq!(ranked(db, words).first(), Some(&code), "{words}");
    }
    let redirect = ranked(db, "redirect");
    assert!(
        !redirect.contains(&451),
        "451 ranks for `redirect`: {redirect:?}"
    );
    assert_eq!(redirect[..2], [308, 307]);
}
