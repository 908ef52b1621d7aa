//! The bundled content: complete in every locale, and every pair page of
//! every locale free of glitches.

mod common;

use rusqlite::Connection;
use statusdb::check::Allowlist;
use statusdb::check::lint::{doubled_words, latin_runs, leftover_placeable};

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
            doubled_words(text).into_iter().next().map(|d| d.words),
            leftover_placeable(text),
            (locale == "ru")
                .then(|| latin_runs(text, &allow).into_iter().next())
                .flatten()
                .map(|r| r.shown),
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

/// Every code's label, registry status, vendor, delivery and who acts, as the
/// pair pages show them: one line per code, pinned as the review left them
/// (102, 103, 208, 506 and 508 registered, not "standard"; 218, 598 and 599
/// unofficial without a vendor; 202 and 511 the client's to act on).
#[test]
fn every_code_is_labelled_as_reviewed() {
    let db = database();
    let mut stmt = db
        .prepare(
            "SELECT s.label, reg.value, CASE s.vendor WHEN '' THEN '-' ELSE s.vendor END,
                    del.value, act.value
             FROM status_codes s
             JOIN ui_text reg ON reg.locale = 'en' AND reg.key = 'registry-status-' || s.registry_status
             JOIN ui_text del ON del.locale = 'en' AND del.key = 'delivery-' || s.delivery
             JOIN ui_text act ON act.locale = 'en' AND act.key = 'action-by-' || s.action_by
             ORDER BY s.code",
        )
        .unwrap();
    let lines: Vec<String> = stmt
        .query_map([], |r| {
            let cols: Vec<String> = (0..5).map(|i| r.get(i)).collect::<Result<_, _>>()?;
            Ok(cols.join(" | "))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    snapbox::assert_data_eq!(
        lines.join("\n") + "\n",
        snapbox::file!["expected/code-labels.en.txt"]
    );
}

/// A pair summary never calls a code that is not sent a response.
#[test]
fn summaries_name_unsent_codes_for_what_they_are() {
    let db = database();
    let summary = |locale: &str, a: u16, b: u16| -> String {
        db.query_row(
            "SELECT summary FROM pair_comparison WHERE locale = ?1 AND code_a = ?2 AND code_b = ?3",
            rusqlite::params![locale, a, b],
            |r| r.get(0),
        )
        .unwrap()
    };
    let expected = [
        (
            "en",
            418,
            421,
            "418 (Unused) is a reserved number that no server should send, while 421 Misdirected Request is a 4xx Client Error response.",
        ),
        (
            "en",
            444,
            499,
            "444 No Response and 499 Client Closed Request never reach the client: each is only written to a log.",
        ),
        (
            "en",
            306,
            307,
            "306 (Unused) is a reserved number that no server should send, while 307 Temporary Redirect is a 3xx Redirection response.",
        ),
        (
            "ru",
            200,
            201,
            "200 OK и 201 Created относятся к одному классу — успешные ответы (2xx).",
        ),
        (
            "ru",
            460,
            499,
            "460 Client Closed Connection и 499 Client Closed Request до клиента не доходят: оба кода только записываются в журнал.",
        ),
    ];
    for (locale, a, b, text) in expected {
        assert_eq!(summary(locale, a, b), text);
    }
}

/// Texts that repeat a fact the review corrected say it as corrected.
#[test]
fn texts_repeat_the_corrected_facts() {
    let db = database();
    let text = |locale: &str, code: u16| -> String {
        db.query_row(
            "SELECT summary || ' ' || description || ' ' || seen_when || ' ' || how_to_fix || ' ' || use_when
             FROM code_text WHERE locale = ?1 AND code = ?2",
            rusqlite::params![locale, code],
            |r| r.get(0),
        )
        .unwrap()
    };
    // (locale, code, what the text must say, what it must no longer say or "")
    let facts = [
        (
            "en",
            501,
            "older than 1.3.9",
            "nginx labels the code Method Not Implemented",
        ),
        ("ru", 501, "старше 1.3.9", "nginx называет"),
        ("en", 511, "not that page itself", "link or form"),
        ("ru", 511, "но не саму эту страницу", "ссылку или форму"),
        ("en", 218, "no Apache release", "associated with Apache"),
        (
            "ru",
            218,
            "ни одна версия Apache",
            "связанное с веб-сервером Apache",
        ),
        ("en", 103, "might refrain", "advises sending 103 only"),
        ("ru", 103, "может воздержаться", "почти наверняка"),
        (
            "en",
            102,
            "registered but no current specification",
            "deprecated",
        ),
        ("ru", 102, "код зарегистрирован", "устарел"),
        ("en", 464, "AWS documents three causes", "Examples are"),
        ("ru", 510, "упразднённый (OBSOLETED)", "как устаревший"),
        (
            "ru",
            413,
            "Request Entity Too Large",
            "код назывался иначе, и",
        ),
        ("ru", 414, "Request-URI Too Large", "чуть иначе"),
        (
            "ru",
            416,
            "Requested Range Not Satisfiable",
            "немного длиннее",
        ),
        ("ru", 417, "-H 'Expect:'", "через ключ -H,"),
        ("ru", 503, "Service Temporarily Unavailable", ""),
    ];
    for (locale, code, says, not) in facts {
        let text = text(locale, code);
        assert!(text.contains(says), "{locale} {code} lacks {says:?}");
        assert!(
            not.is_empty() || !text.contains(not),
            "{locale} {code} still says {not:?}"
        );
    }
}
