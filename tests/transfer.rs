//! `statusdb export` / `statusdb import`: round trips that lose nothing, and
//! every refusal with its exact message.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{export_ru, fixture, import_ru, snapshot, statusdb};
use statusdb::transfer::TranslationUnit as Row;
use statusdb::transfer::csvfile;

fn export(root: &Path, extra: &[&str]) -> Vec<Row> {
    csvfile::read(&export_ru(root, "out.csv", extra)).unwrap()
}

fn import(root: &Path, rows: &[Row], extra: &[&str]) -> snapbox::cmd::OutputAssert {
    import_ru(root, "in.csv", csvfile::write(rows, false), extra)
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
key,file,reference,translation,status,comment,variables,fingerprint,translation_fingerprint
old,app.ftl,,Устаревшее,obsolete,,,,0b6ca2181745ee6c

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
  updated greeting: `Привет, { $user }!` -> `Здравствуйте, { $user }!`
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
    translate(&mut rows, "last", "Самое последнее");
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
[..]in.csv:20: refused `multi`: the translation is not valid Fluent: Expected a token starting with "}"
[..]in.csv:24: refused `last`: the reference text changed since this file was exported, so the translation may be stale; export again and check this unit
[..]in.csv:25: refused `yes`: `yes` belongs to `bom.ftl`, not `app.ftl`
[..]in.csv:26: refused `no`: the translation uses $who, which the reference does not provide
[..]in.csv:34: refused `nope`: unknown key `nope`: the reference has no such message or attribute
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
error: [..]raw.csv:1: the file is empty; it needs the header row key,file,reference,translation,status,comment,variables,fingerprint,translation_fingerprint

"#]]);
    import_raw(root.path(), b"id,text\nx,y\n").code(1).stderr_eq(snapbox::str![[r#"
error: [..]raw.csv:1: the header is `id,text`; it must be the columns key, file, reference, translation, status, comment, variables, fingerprint, translation_fingerprint, separated by commas, semicolons or tabs (export a fresh CSV to get it)

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
}

/// The rows of a fresh export with `later` translated, as CSV text with
/// `separator`.
fn excel_rows(root: &Path, separator: &str) -> String {
    let mut rows = export(root, &[]);
    translate(&mut rows, "later", "Позже");
    let comma = csvfile::write(&rows, false);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(comma.as_slice());
    let mut writer = csv::WriterBuilder::new()
        .delimiter(separator.as_bytes()[0])
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for record in reader.records() {
        writer.write_record(&record.unwrap()).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

#[test]
fn csv_as_excel_and_libreoffice_save_it_imports() {
    // A Russian Excel: semicolons, cp1251, said in a note.
    let root = fixture("transfer");
    let text = excel_rows(root.path(), ";");
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(&text);
    import_raw(root.path(), &cp1251).success().stderr_eq(snapbox::str![[r#"
note: [..]raw.csv: the file is not UTF-8, so it was read as windows-1251, what Excel saves for this locale; save it as UTF-8 (or export with --excel) to avoid the guess
Imported: updated 0, added 1, unchanged 9, refused 0

"#]]);
    let app = std::fs::read_to_string(root.path().join("ru/app.ftl")).unwrap();
    assert!(app.contains("later = Позже\n"), "{app}");
    // "Unicode text": tabs, UTF-16LE with a BOM; and LibreOffice's UTF-8 with tabs.
    for bytes in [
        |t: &str| {
            t.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>()
        },
        |t: &str| t.as_bytes().to_vec(),
    ] {
        let root = fixture("transfer");
        let text = excel_rows(root.path(), "\t");
        let mut raw = if bytes("a").len() == 2 {
            vec![0xff, 0xfe]
        } else {
            Vec::new()
        };
        raw.extend(bytes(&text));
        import_raw(root.path(), &raw)
            .success()
            .stderr_eq("Imported: updated 0, added 1, unchanged 9, refused 0\n");
    }
}

#[test]
fn export_excel_writes_unicode_text_that_imports_back() {
    let root = fixture("transfer");
    let before = snapshot(root.path());
    let out = root.path().join("excel.csv");
    statusdb()
        .args(["export", "--locale", "ru", "--excel", "--locales"])
        .arg(root.path())
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(&bytes[..6], b"\xff\xfek\0e\0");
    // Standard output carries the same bytes: UTF-16 survives no text conversion.
    let stdout = statusdb()
        .args(["export", "--locale", "ru", "--excel", "--locales"])
        .arg(root.path())
        .output()
        .unwrap()
        .stdout;
    assert!(stdout == bytes, "stdout differs from --out");
    let header: Vec<u8> = "key\tfile\t"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(&bytes[2..2 + header.len()], header.as_slice());
    import_raw(root.path(), &bytes)
        .success()
        .stderr_eq("Imported: updated 0, added 0, unchanged 9, refused 0\n");
    std::fs::remove_file(root.path().join("raw.csv")).unwrap();
    std::fs::remove_file(&out).unwrap();
    assert_eq!(snapshot(root.path()), before);
}

#[test]
fn a_translation_changed_in_the_tree_since_export_is_not_reverted() {
    let root = fixture("transfer");
    let mut rows = export(root.path(), &[]);
    translate(&mut rows, "last", "Последний");
    let ru = root.path().join("ru/app.ftl");
    let newer = std::fs::read_to_string(&ru)
        .unwrap()
        .replace("last = Последнее", "last = Самое последнее");
    std::fs::write(&ru, &newer).unwrap();
    import(root.path(), &rows, &[]).code(1).stderr_eq(snapbox::str![[r#"
[..]in.csv:[..]: refused `last`: the translation in `app.ftl` changed since this file was exported (it is now `Самое последнее`); export again, or pass --overwrite to replace it
Nothing written because rows were refused (use --partial to apply the others): updated 0, added 0, unchanged 8, refused 1

"#]]);
    import(root.path(), &rows, &["--overwrite"])
        .success()
        .stderr_eq("Imported: updated 1, added 0, unchanged 8, refused 0\n");
    // A CSV from before the translation_fingerprint column still imports.
    let new = csvfile::write(&rows, false);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(new.as_slice());
    let mut old = csv::Writer::from_writer(Vec::new());
    for record in reader.records() {
        let record = record.unwrap();
        old.write_record(record.iter().take(8)).unwrap();
    }
    import_raw(root.path(), &old.into_inner().unwrap())
        .success()
        .stderr_eq("Imported: updated 0, added 0, unchanged 9, refused 0\n");
}
