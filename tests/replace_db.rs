//! Replacing a database an app holds open: a stale `-wal` or `-journal` of
//! the old file must never be applied to the new one.

mod common;

use rusqlite::Connection;

fn integrity(path: &std::path::Path) -> String {
    let conn = Connection::open(path).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap_or_else(|e| e.to_string())
}

#[test]
fn an_uncheckpointed_wal_of_the_old_database_is_not_applied() {
    let root = common::fixture("mini");
    let out = root.path().join("out.sqlite");
    common::build_fixture(root.path()).success();
    // An app opens the old database in WAL mode and changes it; the change
    // sits in out.sqlite-wal, not checkpointed.
    let app = Connection::open(&out).unwrap();
    let mode: String = app
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    app.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    app.execute_batch(
        "DELETE FROM code_search; UPDATE code_text SET description = hex(randomblob(300));",
    )
    .unwrap();
    assert!(root.path().join("out.sqlite-wal").exists());
    // A translation changes, so the new database differs from the old one.
    let codes = root.path().join("locales/ru/codes.ftl");
    let text = std::fs::read_to_string(&codes).unwrap();
    std::fs::write(&codes, text.replace("Успешно", "Всё хорошо")).unwrap();
    common::build_fixture(root.path()).success();
    assert_eq!(integrity(&out), "ok");
    let fresh = Connection::open(&out).unwrap();
    let name: String = fresh
        .query_row(
            "SELECT name FROM code_text WHERE locale = 'ru' AND code = 200",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(name, "Всё хорошо");
    drop(app);
}

#[test]
fn a_stale_journal_beside_the_output_is_removed() {
    let root = common::fixture("mini");
    let out = root.path().join("out.sqlite");
    common::build_fixture(root.path()).success();
    std::fs::write(root.path().join("out.sqlite-journal"), vec![0xd9; 4096]).unwrap();
    common::build_fixture(root.path()).success();
    assert!(!root.path().join("out.sqlite-journal").exists());
    assert_eq!(integrity(&out), "ok");
}
