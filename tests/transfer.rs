//! `statusdb export` / `statusdb import`: round trips that lose nothing, and
//! every refusal with its exact message.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{fixture, statusdb};
use statusdb::transfer::TranslationUnit as Row;
use statusdb::transfer::csvfile;

fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    for locale in ["en", "ru"] {
        for entry in std::fs::read_dir(root.join(locale)).unwrap() {
            let path = entry.unwrap().path();
            files.insert(path.clone(), std::fs::read(&path).unwrap());
        }
    }
    files
}

fn export(root: &Path, extra: &[&str]) -> Vec<Row> {
    let csv = root.join("out.csv");
    statusdb()
        .args(["export", "--locale", "ru", "--locales"])
        .arg(root)
        .arg("--out")
        .arg(&csv)
        .args(extra)
        .assert()
        .success();
    csvfile::read(&csv).unwrap()
}

fn import(root: &Path, rows: &[Row], extra: &[&str]) -> snapbox::cmd::OutputAssert {
    let csv = root.join("in.csv");
    std::fs::write(&csv, csvfile::write(rows, false)).unwrap();
    statusdb()
        .args(["import"])
        .arg(&csv)
        .args(["--locale", "ru", "--locales"])
        .arg(root)
        .args(extra)
        .assert()
}

fn translate(rows: &mut [Row], key: &str, text: &str) {
    let row = rows
        .iter_mut()
        .find(|r| r.key == key)
        .unwrap_or_else(|| panic!("no row {key}"));
    row.translation = text.to_string();
}

#[test]
fn a_round_trip_without_edits_changes_no_byte() {
    let root = fixture("transfer");
    let before = snapshot(root.path());
    let rows = export(root.path(), &[]);
    import(root.path(), &rows, &[])
        .success()
        .stderr_eq(snapbox::str![[r#"
Imported: updated 0, added 0, unchanged 9, refused 0

"#]]);
    assert_eq!(snapshot(root.path()), before);
}

#[test]
fn edits_come_back_exactly_and_touch_only_their_bytes() {
    let root = fixture("transfer");
    let mut rows = export(root.path(), &[]);
    translate(&mut rows, "greeting", "Здравствуйте, { $user }!");
    translate(&mut rows, "greeting.title", "Приветствие");
    translate(&mut rows, "about.tooltip", "Подробнее");
    translate(&mut rows, "multi", "Первая строка\nвторая строка");
    translate(&mut rows, "later", "Позже");
    translate(&mut rows, "formula", "=СУММ(A1:A3) — это формула");
    translate(&mut rows, "open.title", "Открыть файл");
    translate(&mut rows, "no", "Нет");
    translate(&mut rows, "brand-new", "Совсем новое");
    translate(&mut rows, "brand-new.hint", "Подсказка");
    import(root.path(), &rows, &[])
        .success()
        .stderr_eq(snapbox::str![[r#"
Imported: updated 1, added 9, unchanged 8, refused 0

"#]]);
    let again = export(root.path(), &[]);
    let translations = |rows: &[Row]| -> BTreeMap<String, String> {
        rows.iter()
            .map(|r| (r.key.clone(), r.translation.clone()))
            .collect()
    };
    assert_eq!(translations(&again), translations(&rows));
    snapbox::assert_data_eq!(
        std::fs::read_to_string(root.path().join("ru/app.ftl")).unwrap(),
        snapbox::file!["expected/import-app.ftl"]
    );
    let crlf = std::fs::read(root.path().join("ru/crlf.ftl")).unwrap();
    assert_eq!(
        String::from_utf8(crlf).unwrap(),
        "# Окончания строк Windows.\r\n\r\nsave = Сохранить\r\n\r\nopen =\r\n    .title = Открыть файл\r\n"
    );
    let bom = std::fs::read(root.path().join("ru/bom.ftl")).unwrap();
    assert_eq!(
        String::from_utf8(bom).unwrap(),
        "\u{feff}yes = Да\n\nno = Нет\n"
    );
    let new = std::fs::read_to_string(root.path().join("ru/new.ftl")).unwrap();
    assert_eq!(new, "brand-new = Совсем новое\n    .hint = Подсказка\n");
    statusdb()
        .args(["validate", "--locales"])
        .arg(root.path())
        .assert()
        .code(1);
}

#[test]
fn formula_cells_are_neutralized_on_export_and_restored_on_import() {
    let root = fixture("transfer");
    export(root.path(), &[]);
    let text = std::fs::read_to_string(root.path().join("out.csv")).unwrap();
    assert!(text.contains("\r\n'-brand,app.ftl,"), "{text}");
    assert!(text.contains(",'=SUM(A1:A3) is a formula,"), "{text}");
    let mut rows = export(root.path(), &[]);
    translate(&mut rows, "formula", "=1+1");
    import(root.path(), &rows, &[]).success();
    let app = std::fs::read_to_string(root.path().join("ru/app.ftl")).unwrap();
    assert!(app.contains("\nformula = =1+1\n"), "{app}");
}

#[test]
fn only_bom_and_stdout() {
    let root = fixture("transfer");
    let missing = export(root.path(), &["--only", "missing"]);
    assert!(
        missing
            .iter()
            .all(|r| r.status == Some(statusdb::transfer::Status::Missing))
            && missing.len() == 11,
        "{missing:#?}"
    );
    let both = export(root.path(), &["--only", "missing,obsolete"]);
    assert_eq!(both.len(), 12);
    export(root.path(), &["--bom"]);
    assert!(
        std::fs::read(root.path().join("out.csv"))
            .unwrap()
            .starts_with("\u{feff}key,file,".as_bytes())
    );
    statusdb()
        .args(["export", "--locale", "ru", "--only", "done", "--locales"])
        .arg(root.path())
        .assert()
        .code(2);
    statusdb()
        .args([
            "export",
            "--locale",
            "ru",
            "--only",
            "obsolete",
            "--locales",
        ])
        .arg(root.path())
        .assert()
        .success()
        .stdout_eq(snapbox::str![[r#"
key,file,reference,translation,status,comment,variables,fingerprint
old,app.ftl,,Устаревшее,obsolete,,,

"#]]);
}

#[test]
fn dry_run_writes_nothing_and_shows_the_plan() {
    let root = fixture("transfer");
    let before = snapshot(root.path());
    let mut rows = export(root.path(), &[]);
    translate(&mut rows, "greeting", "Здравствуйте, { $user }!");
    translate(&mut rows, "second", "Второе");
    import(root.path(), &rows, &["--dry-run"])
        .success()
        .stderr_eq(snapbox::str![[r#"
would change [..]ru/app.ftl:
  updated greeting
would create [..]ru/new.ftl:
  added second
Dry run, nothing written: updated 1, added 1, unchanged 8, refused 0

"#]]);
    assert_eq!(snapshot(root.path()), before);
}

#[test]
fn every_refusal_names_its_line_and_reason() {
    let root = fixture("transfer");
    let before = snapshot(root.path());
    let mut rows = export(root.path(), &[]);
    translate(&mut rows, "later", "Позже");
    rows.iter_mut()
        .find(|r| r.key == "last")
        .unwrap()
        .fingerprint = "0000000000000000".into();
    translate(&mut rows, "multi", "{ $broken");
    translate(&mut rows, "no", "Нет, { $who }");
    rows.push(Row {
        key: "nope".into(),
        file: "app.ftl".into(),
        translation: "Что?".into(),
        ..rows[0].clone()
    });
    let yes = rows.iter_mut().find(|r| r.key == "yes").unwrap();
    yes.file = "app.ftl".into();
    yes.translation = "Ага".into();
    import(root.path(), &rows, &[]).code(1).stderr_eq(snapbox::str![[r#"
[..]in.csv:17: refused `multi`: the translation is not valid Fluent: Expected a token starting with "}"
[..]in.csv:21: refused `last`: the reference text changed since this CSV was exported, so the translation may be stale; export again and check this row
[..]in.csv:22: refused `yes`: `yes` belongs to `bom.ftl`, not `app.ftl`
[..]in.csv:23: refused `no`: the translation uses $who, which the reference does not provide
[..]in.csv:31: refused `nope`: unknown key `nope`: the reference has no such message or attribute
would change [..]ru/app.ftl:
  added later
Nothing written because rows were refused (use --partial to apply the others): updated 0, added 1, unchanged 7, refused 5

"#]]);
    assert_eq!(snapshot(root.path()), before);
    import(root.path(), &rows, &["--partial"]).code(1);
    let app = std::fs::read_to_string(root.path().join("ru/app.ftl")).unwrap();
    assert!(app.contains("later = Позже"), "{app}");
}

fn import_raw(root: &Path, bytes: &[u8]) -> snapbox::cmd::OutputAssert {
    let csv = root.join("raw.csv");
    std::fs::write(&csv, bytes).unwrap();
    statusdb()
        .arg("import")
        .arg(&csv)
        .args(["--locale", "ru", "--locales"])
        .arg(root)
        .assert()
}

#[test]
fn malformed_csv_files_are_refused_whole() {
    let root = fixture("transfer");
    let header = "key,file,reference,translation,status,comment,variables,fingerprint\n";
    import_raw(root.path(), b"").code(1).stderr_eq(snapbox::str![[r#"
error: [..]raw.csv:1: the file is empty; it needs the header row key,file,reference,translation,status,comment,variables,fingerprint

"#]]);
    import_raw(root.path(), b"id,text\nx,y\n").code(1).stderr_eq(snapbox::str![[r#"
error: [..]raw.csv:1: the header is `id,text`; it must be `key,file,reference,translation,status,comment,variables,fingerprint` (export a fresh CSV to get it)

"#]]);
    import_raw(root.path(), format!("{header}a,b,c\n").as_bytes()).code(1).stderr_eq(snapbox::str![[r#"
error: [..]raw.csv:2: the row has 3 fields but the header has 8; check for a stray comma or an unterminated quote

"#]]);
    import_raw(
        root.path(),
        format!("{header}a,b,c,d,e,f,g,h,i\n").as_bytes(),
    )
    .code(1);
    import_raw(root.path(), format!("{header}a,app.ftl,\"unterminated,d,e,f,g,h\n").as_bytes()).code(1).stderr_eq(snapbox::str![[r#"
error: [..]raw.csv:2: the row has 3 fields but the header has 8; check for a stray comma or an unterminated quote

"#]]);
    let mut bad = header.as_bytes().to_vec();
    bad.extend_from_slice(b"later,app.ftl,Later,\xff\xfe,missing,,,x\n");
    import_raw(root.path(), &bad)
        .code(1)
        .stderr_eq(snapbox::str![[r#"
error: [..]raw.csv:2: invalid UTF-8; save the file as UTF-8

"#]]);
}
