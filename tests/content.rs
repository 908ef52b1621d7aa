//! The bundled content: complete in every locale, and every pair page of
//! every locale free of glitches.

mod common;

use rusqlite::Connection;
use statusdb::check::Allowlist;
use statusdb::check::lint::{doubled_word, latin_run, leftover_placeable};

fn database() -> Connection {
    Connection::open(common::repo_db()).unwrap()
}

#[test]
fn every_locale_is_complete_without_fallback() {
    let db = database();
    let incomplete: i64 = db
        .query_row(
            "SELECT count(*) FROM translation_status WHERE percent < 100 OR missing > 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(incomplete, 0);
    let fallback: i64 = db
        .query_row(
            "SELECT (SELECT count(*) FROM code_text WHERE fallback_fields <> '' OR missing_fields <> '')
                  + (SELECT count(*) FROM ui_text WHERE is_fallback)
                  + (SELECT count(*) FROM pair_notes WHERE is_fallback)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(fallback, 0);
}

/// Reads every text column of every pair page in every locale.
#[test]
fn every_pair_page_reads_without_glitches() {
    let db = database();
    let facts = statusdb::source::facts::load(&common::repo().join("data")).unwrap();
    let allow: Allowlist = statusdb::check::allowlist(Some(&facts));
    let columns = [
        "title",
        "summary",
        "name_a",
        "name_b",
        "summary_a",
        "summary_b",
        "description_a",
        "description_b",
        "seen_when_a",
        "seen_when_b",
        "how_to_fix_a",
        "how_to_fix_b",
        "use_when_a",
        "use_when_b",
        "note",
    ];
    let sql = format!(
        "SELECT locale, code_a, code_b, fallback_fields, {} FROM pair_comparison",
        columns.join(", ")
    );
    let mut stmt = db.prepare(&sql).unwrap();
    let mut rows = stmt.query([]).unwrap();
    // Per-code texts repeat on every page of the code: lint each distinct text once.
    let mut texts = std::collections::BTreeSet::new();
    let (mut pages, mut problems) = (0, Vec::new());
    while let Some(row) = rows.next().unwrap() {
        pages += 1;
        let locale: String = row.get(0).unwrap();
        let fallback: String = row.get(3).unwrap();
        if !fallback.is_empty() {
            let (a, b): (u16, u16) = (row.get(1).unwrap(), row.get(2).unwrap());
            problems.push(format!("{locale} {a}/{b}: fallback {fallback}"));
        }
        for (i, column) in columns.iter().enumerate() {
            texts.insert((
                locale.clone(),
                *column,
                row.get::<_, String>(4 + i).unwrap(),
            ));
        }
    }
    for (locale, column, text) in &texts {
        let found = [
            doubled_word(text),
            leftover_placeable(text),
            (locale == "ru").then(|| latin_run(text, &allow)).flatten(),
        ];
        for hit in found.into_iter().flatten() {
            problems.push(format!("{locale} {column}: {hit:?} in {text:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let codes = common::data_codes();
    assert_eq!(pages, 2 * codes * (codes - 1));
}

#[test]
fn a_curated_note_serves_both_orders() {
    let db = database();
    for locale in ["en", "ru"] {
        let note = |a: u16, b: u16| -> String {
            db.query_row(
                "SELECT note FROM pair_comparison WHERE locale = ?1 AND code_a = ?2 AND code_b = ?3",
                rusqlite::params![locale, a, b],
                |r| r.get(0),
            )
            .unwrap()
        };
        assert!(
            note(401, 403).contains("403 Forbidden"),
            "{locale}: {}",
            note(401, 403)
        );
        assert_eq!(note(401, 403), note(403, 401));
        assert_eq!(note(200, 503), "", "no note was written for 200/503");
    }
}
