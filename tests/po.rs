//! `statusdb export --format po` / `statusdb import` of a PO file: gettext
//! plurals from CLDR, byte-exact round trips, and every refusal.

mod common;

use std::path::Path;

use common::{export_ru, fixture, import_ru, snapshot};

fn export(root: &Path) -> String {
    std::fs::read_to_string(export_ru(root, "out.po", &["--format", "po"])).unwrap()
}

fn import(root: &Path, po: &str, extra: &[&str]) -> snapbox::cmd::OutputAssert {
    import_ru(root, "in.po", po, extra)
}

/// The PO with the entry of `key` given new msgstr lines.
fn translate(po: &str, key: &str, msgstr: &str) -> String {
    let mut out = Vec::new();
    let mut inside = false;
    for line in po.lines() {
        if line == format!("msgctxt \"{key}\"") {
            inside = true;
        } else if inside && line.starts_with("msgstr") {
            continue;
        } else if inside && line.is_empty() {
            out.push(msgstr.to_string());
            inside = false;
        }
        out.push(line.to_string());
    }
    if inside {
        out.push(msgstr.to_string());
    }
    out.join("\n") + "\n"
}

#[test]
fn the_header_and_plurals_follow_cldr() {
    let root = fixture("transfer");
    let po = export(root.path());
    assert!(po.contains("\"Language: ru\\n\"\n"));
    // msgfmt -c wants these three; SOURCE_DATE_EPOCH fixes the date.
    assert!(po.contains(
        "\"PO-Revision-Date: 2026-12-02 14:49+0000\\n\"\n\"Last-Translator: \\n\"\n\"Language-Team: \\n\"\n"
    ));
    assert!(po.contains("\"Content-Type: text/plain; charset=UTF-8\\n\"\n"));
    assert!(po.contains("\"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : (n%10>=2 && n%10<=4) && (n%100<12 || n%100>14) ? 1 : 2);\\n\"\n"));
    let files = "#. Group: Greetings\n#. Variables: $count (a number: picks the variant, e.g. 1, 2, 5 or 21)\n#. Fractions (other) take the `few` text on import.\n#. statusdb: key=files status=translated reference=";
    assert!(po.contains(files), "{po}");
    assert!(po.contains("#: app.ftl:11\nmsgctxt \"files\"\nmsgid \"{ $count } file\"\nmsgid_plural \"{ $count } files\"\nmsgstr[0] \"{ $count } файл\"\nmsgstr[1] \"{ $count } файла\"\nmsgstr[2] \"{ $count } файлов\"\n"), "{po}");
    assert!(po.contains("#. Shown on the start page; $user is the account name.\n#. Group: Greetings\n#. Variables: $user (inserted as is)\n"));
    assert!(po.contains("#. A term: other messages insert it with { -brand }, so translate it once and use that form everywhere.\n"));
    assert!(
        po.contains("#. Variables: uses -brand (a term: \"Acme\")\n"),
        "{po}"
    );
    assert!(!po.contains("\"old\""), "obsolete units are left out");
}

#[test]
fn a_round_trip_without_edits_changes_no_byte() {
    let root = fixture("transfer");
    let before = snapshot(root.path());
    let po = export(root.path());
    import(root.path(), &po, &[])
        .success()
        .stderr_eq("Imported: updated 0, added 0, unchanged 8, refused 0\n");
    assert_eq!(snapshot(root.path()), before);
}

#[test]
fn edits_come_back_exactly_as_fluent() {
    let root = fixture("transfer");
    let mut po = export(root.path());
    po = translate(
        &po,
        "files",
        "msgstr[0] \"{ $count } файл!\"\nmsgstr[1] \"{ $count } файла!\"\nmsgstr[2] \"{ $count } файлов!\"",
    );
    po = translate(&po, "greeting.title", "msgstr \"Приветствие \\\"дома\\\"\"");
    po = translate(
        &po,
        "multi",
        "msgstr \"\"\n\"Первая строка\\n\"\n\"вторая\"",
    );
    po = translate(&po, "second", "msgstr \"Второе\"");
    import(root.path(), &po, &[])
        .success()
        .stderr_eq("Imported: updated 1, added 3, unchanged 7, refused 0\n");
    let app = std::fs::read_to_string(root.path().join("ru/app.ftl")).unwrap();
    assert!(
        app.contains("greeting = Привет, { $user }!\n    .title = Приветствие \"дома\"\n"),
        "{app}"
    );
    assert!(app.contains("files =\n    { $count ->\n        [one] { $count } файл!\n        [few] { $count } файла!\n        [many] { $count } файлов!\n       *[other] { $count } файла!\n    }\n"), "{app}");
    assert!(
        app.contains("multi =\n    Первая строка\n    вторая\n"),
        "{app}"
    );
    let new = std::fs::read_to_string(root.path().join("ru/new.ftl")).unwrap();
    assert_eq!(new, "second = Второе\n");
}

#[test]
fn a_stale_reference_is_refused_with_its_po_line() {
    let root = fixture("transfer");
    let po = translate(&export(root.path()), "later", "msgstr \"Позже\"");
    let en = root.path().join("en/app.ftl");
    let text = std::fs::read_to_string(&en)
        .unwrap()
        .replace("later = Later", "later = Later on");
    std::fs::write(&en, text).unwrap();
    let before = snapshot(root.path());
    let line = po.lines().position(|l| l == "msgctxt \"later\"").unwrap() + 1;
    let path = root.path().join("in.po");
    import(root.path(), &po, &[]).code(1).stderr_eq(format!(
        "{}:{line}: refused `later`: the reference text changed since this file was exported, so the translation may be stale; export again and check this unit\nNothing written because rows were refused (use --partial to apply the others): updated 0, added 0, unchanged 8, refused 1\n",
        path.display()
    ));
    assert_eq!(snapshot(root.path()), before);
}

#[test]
fn work_done_in_the_tree_since_export_is_protected() {
    let root = fixture("transfer");
    let po = translate(&export(root.path()), "last", "msgstr \"Последний\"");
    let ru = root.path().join("ru/app.ftl");
    let text = std::fs::read_to_string(&ru)
        .unwrap()
        .replace("last = Последнее", "last = Самое последнее");
    std::fs::write(&ru, text).unwrap();
    import(root.path(), &po, &["--dry-run"]).code(1).stderr_eq(format!(
        "{}:[..]: refused `last`: the translation in `app.ftl` changed since this file was exported (it is now `Самое последнее`); export again, or pass --overwrite to replace it\nDry run, nothing written: updated 0, added 0, unchanged 7, refused 1\n",
        root.path().join("in.po").display()
    ));
    import(root.path(), &po, &["--overwrite", "--dry-run"]).success().stderr_eq(format!(
        "would change {}:\n  updated last: `Самое последнее` -> `Последний`\nDry run, nothing written: updated 1, added 0, unchanged 7, refused 0\n",
        ru.display()
    ));
}

#[test]
fn malformed_po_files_are_refused_whole() {
    let root = fixture("transfer");
    let po = export(root.path()).replace("msgctxt \"later\"\n", "msgctxt \"later\" oops\n");
    let line = po
        .lines()
        .position(|l| l.starts_with("msgctxt \"later\""))
        .unwrap()
        + 1;
    import(root.path(), &po, &[]).code(1).stderr_eq(format!(
        "error: {}:{line}: the string is not in double quotes; PO strings are one \"…\" per line, with [..] for a quote\n",
        root.path().join("in.po").display()
    ));
    let partial = export(root.path()).replace("msgstr[2] \"{ $count } файлов\"", "msgstr[2] \"\"");
    import(root.path(), &partial, &[])
        .code(1)
        .stderr_eq(format!(
            "error: {}:[..]: msgstr[2] (many) is empty; translate every plural form or none\n",
            root.path().join("in.po").display()
        ));
}
