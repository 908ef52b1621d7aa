//! A database that explains itself: application id, the `metadata` table,
//! and a warning when the sources at hand differ from those it was built from.

mod common;

use common::{fixture, statusdb_in};
use rusqlite::Connection;
use snapbox::str;
use statusdb::db::{APPLICATION_ID, describe::RELATIONS};

fn value(conn: &Connection, kind: &str, name: &str) -> String {
    conn.query_row(
        "SELECT value FROM metadata WHERE kind = ?1 AND name = ?2",
        [kind, name],
        |r| r.get(0),
    )
    .unwrap_or_else(|e| panic!("metadata {kind}/{name}: {e}"))
}

#[test]
fn the_database_says_what_it_is_and_what_built_it() {
    let root = fixture("mini");
    statusdb_in(root.path()).arg("build").assert().success();
    let conn = Connection::open(root.path().join("statusdb.sqlite")).unwrap();
    let id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(id, APPLICATION_ID);
    assert_eq!(id, 0x53544442);
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(value(&conn, "database", "schema_version"), "5");
    assert_eq!(
        value(&conn, "database", "tool_version"),
        format!("statusdb {version}")
    );
    assert_eq!(value(&conn, "database", "licence"), "MIT OR Apache-2.0");
    let hash = value(&conn, "database", "source_hash");
    assert!(hash.starts_with("sha256:") && hash.len() == 71, "{hash}");
    assert_eq!(
        value(&conn, "database", "content_version"),
        format!("{version}+{}", &hash[7..19])
    );
    assert_eq!(value(&conn, "locale", "en"), "100.0");
    assert!(value(&conn, "locale", "ru").parse::<f64>().unwrap() < 100.0);
    assert_eq!(
        value(&conn, "view", "pair_comparison"),
        RELATIONS
            .iter()
            .find(|r| r.name == "pair_comparison")
            .unwrap()
            .description
    );
    assert_eq!(
        value(&conn, "column", "pair_comparison.label_b"),
        "label of code B"
    );
}

#[test]
fn a_stale_database_is_read_with_a_warning() {
    let root = fixture("mini");
    statusdb_in(root.path()).arg("build").assert().success();
    let compare = || statusdb_in(root.path()).args(["compare", "200", "404", "--locale", "ru"]);
    compare().assert().success().stderr_eq(str![""]);
    let ui = root.path().join("locales/ru/ui.ftl");
    let text = std::fs::read_to_string(&ui).unwrap();
    std::fs::write(&ui, text.replace("= Описание", "= Что это значит")).unwrap();
    compare()
        .assert()
        .success()
        .stdout_eq(str![[r#"
...
  Описание
...
"#]])
        .stderr_eq(str![[r#"
warning: statusdb.sqlite was built from other sources than 'locales' and 'data'; run `statusdb build --out statusdb.sqlite` to update it

"#]]);
    statusdb_in(root.path()).arg("build").assert().success();
    compare().assert().success().stderr_eq(str![""]);
}

#[test]
fn build_writes_datasette_metadata_named_after_the_database() {
    let root = fixture("mini");
    statusdb_in(root.path())
        .args([
            "build",
            "--out",
            "dist/site.sqlite",
            "--datasette-metadata",
            "dist/metadata.json",
        ])
        .assert()
        .success();
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root.path().join("dist/metadata.json")).unwrap())
            .unwrap();
    let tables = &json["databases"]["site"]["tables"];
    assert_eq!(tables.as_object().unwrap().len(), RELATIONS.len());
    assert_eq!(
        tables["code_text"]["columns"]["how_to_fix"],
        "what to do about it"
    );
    assert!(json["source"].as_str().unwrap().contains("sha256:"));
}

#[test]
fn a_metadata_file_that_cannot_be_written_leaves_no_database() {
    let root = fixture("mini");
    std::fs::write(root.path().join("taken"), "a file, not a folder").unwrap();
    statusdb_in(root.path())
        .args([
            "build",
            "--out",
            "site.sqlite",
            "--datasette-metadata",
            "taken/metadata.json",
        ])
        .assert()
        .code(2);
    assert!(!root.path().join("site.sqlite").exists());
}
