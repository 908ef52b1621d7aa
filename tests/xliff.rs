//! `statusdb export --format xliff|xliff2` / `statusdb import` of XLIFF:
//! protected placeables, selects as groups, byte-exact round trips.

mod common;

use std::path::Path;

use common::{export_ru, fixture, import_ru, snapshot};

fn export(root: &Path, format: &str) -> String {
    std::fs::read_to_string(export_ru(root, "out.xlf", &["--format", format])).unwrap()
}

fn import(root: &Path, xliff: &str, extra: &[&str]) -> snapbox::cmd::OutputAssert {
    import_ru(root, "in.xlf", xliff, extra)
}

#[test]
fn placeables_are_protected_codes_and_selects_are_groups() {
    let root = fixture("transfer");
    let v12 = export(root.path(), "xliff");
    assert!(
        v12.contains("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">")
    );
    assert!(v12.contains("<source>Hello, <ph id=\"1\">{ $user }</ph>!</source>\n        <target state=\"translated\">Привет, <ph id=\"1\">{ $user }</ph>!</target>"), "{v12}");
    assert!(v12.contains("<group id=\"files\" resname=\"files\" restype=\"x-statusdb-select\" xml:space=\"preserve\">"));
    assert!(v12.contains("<trans-unit id=\"files:many\" resname=\"many\" approved=\"yes\" xml:space=\"preserve\">\n          <source><ph id=\"1\">{ $count }</ph> files</source>\n          <target state=\"translated\"><ph id=\"1\">{ $count }</ph> файлов</target>"), "{v12}");
    assert!(v12.contains("<target state=\"needs-translation\"></target>"));
    let v21 = export(root.path(), "xliff2");
    assert!(v21.contains("version=\"2.1\" srcLang=\"en\" trgLang=\"ru\""));
    assert!(
        v21.contains(
            "<source>Hello, <ph id=\"1\" equiv=\"{ $user }\" disp=\"{ $user }\"/>!</source>"
        ),
        "{v21}"
    );
    assert!(v21.contains("<note category=\"location\">app.ftl:8</note>"));
}

#[test]
fn round_trips_without_edits_change_no_byte() {
    for format in ["xliff", "xliff2"] {
        let root = fixture("transfer");
        let before = snapshot(root.path());
        let xliff = export(root.path(), format);
        import(root.path(), &xliff, &[])
            .success()
            .stderr_eq("Imported: updated 0, added 0, unchanged 8, refused 0\n");
        assert_eq!(snapshot(root.path()), before, "{format}");
    }
}

#[test]
fn edits_come_back_exactly_in_both_versions() {
    for (format, code) in [
        ("xliff", "<ph id=\"1\">{ $count }</ph>"),
        (
            "xliff2",
            "<ph id=\"1\" equiv=\"{ $count }\" disp=\"{ $count }\"/>",
        ),
    ] {
        let root = fixture("transfer");
        let xliff = export(root.path(), format)
            .replace(&format!("{code} файлов<"), &format!("{code} файлов!<"))
            .replacen("<source>Greeting</source>\n        <target state=\"needs-translation\"></target>", "<source>Greeting</source>\n        <target state=\"translated\">Приветствие &amp; &lt;дом&gt;</target>", 1)
            .replacen("<source>Greeting</source>\n      </segment>", "<source>Greeting</source>\n        <target>Приветствие &amp; &lt;дом&gt;</target>\n      </segment>", 1);
        import(root.path(), &xliff, &[])
            .success()
            .stderr_eq("Imported: updated 1, added 1, unchanged 7, refused 0\n");
        let app = std::fs::read_to_string(root.path().join("ru/app.ftl")).unwrap();
        assert!(
            app.contains("greeting = Привет, { $user }!\n    .title = Приветствие & <дом>\n"),
            "{format}: {app}"
        );
        assert!(app.contains("        [one] { $count } файл\n        [few] { $count } файла\n        [many] { $count } файлов!\n       *[other] { $count } файла\n    }\n"), "{format}: {app}");
    }
}

#[test]
fn broken_codes_and_stale_units_are_refused_with_their_line() {
    let root = fixture("transfer");
    let xliff = export(root.path(), "xliff").replace(
        "<target state=\"translated\">Привет, <ph id=\"1\">{ $user }</ph>!</target>",
        "<target state=\"translated\">Привет, <x id=\"7\"/>!</target>",
    );
    let line = xliff
        .lines()
        .position(|l| l.contains("<x id=\"7\"/>"))
        .unwrap()
        + 1;
    import(root.path(), &xliff, &[]).code(1).stderr_eq(format!(
        "error: {}:{line}: inline code `7` is not in the source of this unit and carries no Fluent source; keep the codes (placeables) as exported\n",
        root.path().join("in.xlf").display()
    ));
    let en = root.path().join("en/app.ftl");
    let text = std::fs::read_to_string(&en)
        .unwrap()
        .replace("later = Later", "later = Later on");
    let xliff = export(root.path(), "xliff2").replacen(
        "<source>Later</source>\n      </segment>",
        "<source>Later</source>\n        <target>Позже</target>\n      </segment>",
        1,
    );
    std::fs::write(&en, text).unwrap();
    let before = snapshot(root.path());
    let line = xliff
        .lines()
        .position(|l| l.contains("<unit id=\"later\""))
        .unwrap()
        + 1;
    import(root.path(), &xliff, &[]).code(1).stderr_eq(format!(
        "{}:{line}: refused `later`: the reference text changed since this file was exported, so the translation may be stale; export again and check this unit\nNothing written because rows were refused (use --partial to apply the others): updated 0, added 0, unchanged 8, refused 1\n",
        root.path().join("in.xlf").display()
    ));
    assert_eq!(snapshot(root.path()), before);
}
