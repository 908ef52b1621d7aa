//! The bad-input matrix: every case gets its documented exit code and a
//! clear one-line error, never a panic; odd but valid input builds exactly
//! like clean input.

mod common;

use std::path::Path;

use common::{fixture, statusdb};

/// A case: how to spoil a copy of the `mini` fixture, the command line
/// (`{root}` is the copy), the exit code and the expected output (parts
/// separated by `[..]`, in stdout or stderr).
struct Case {
    name: &'static str,
    setup: fn(&Path),
    args: &'static [&'static str],
    code: i32,
    stderr: &'static str,
}

const BUILD: &[&str] = &[
    "build",
    "--locales",
    "{root}/locales",
    "--data",
    "{root}/data",
    "--out",
    "{root}/out.sqlite",
];
const VALIDATE: &[&str] = &[
    "validate",
    "--locales",
    "{root}/locales",
    "--data",
    "{root}/data",
];
const IMPORT: &[&str] = &[
    "import",
    "{root}/in.csv",
    "--locale",
    "ru",
    "--locales",
    "{root}/locales",
];

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} lacks {from:?}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// A CSV row for `code-503.summary` of the mini fixture with `translation`.
fn csv(root: &Path, fingerprint_ok: bool, key: &str, translation: &str) {
    let reference = "The server cannot handle the request right now.";
    let fingerprint = if fingerprint_ok {
        statusdb::transfer::unit::fingerprint(reference)
    } else {
        "0".repeat(16)
    };
    let row = statusdb::transfer::TranslationUnit {
        key: key.into(),
        file: "codes.ftl".into(),
        reference: reference.into(),
        translation: translation.into(),
        status: Some(statusdb::transfer::Status::Translated),
        comment: String::new(),
        variables: String::new(),
        fingerprint,
        translation_fingerprint: String::new(),
        needs_review: false,
        source_line: 0,
        line: 0,
    };
    write(
        root,
        "in.csv",
        &statusdb::transfer::csvfile::write(&[row], false),
    );
}

const CASES: &[Case] = &[
    // Invalid Fluent sources.
    Case {
        name: "invalid UTF-8",
        setup: |r| write(r, "locales/ru/bad.ftl", b"a = \xff\xfe\n"),
        args: BUILD,
        code: 1,
        stderr: "error[unreadable-file]: invalid UTF-8 at byte 4[..]ru/bad.ftl:1:1",
    },
    Case {
        name: "NUL byte",
        setup: |r| write(r, "locales/ru/bad.ftl", b"a = b\nc = \0\n"),
        args: BUILD,
        code: 1,
        stderr: "error[unreadable-file]: contains a NUL byte[..]ru/bad.ftl:2:1",
    },
    Case {
        name: "deeply nested placeables",
        setup: |r| {
            write(
                r,
                "locales/ru/deep.ftl",
                format!("a = {}x{}\n", "{ ".repeat(5000), " }".repeat(5000)).as_bytes(),
            )
        },
        args: VALIDATE,
        code: 1,
        stderr: "error[unreadable-file]: placeables are nested more than 100 levels deep[..]deep.ftl:1:1",
    },
    Case {
        name: "glossary: a wording that is not words",
        setup: |r| {
            write(
                r,
                "locales/ru/glossary.csv",
                "preferred,avoid\nсессия,(сеанс)\n".as_bytes(),
            )
        },
        args: VALIDATE,
        code: 1,
        stderr: "error[unreadable-file]: column `avoid`: `(сеанс)` is not a word[..]glossary.csv:2:1",
    },
    Case {
        name: "glossary: a malformed CSV",
        setup: |r| write(r, "locales/ru/glossary.csv", b"preferred,avoid\n\"x,y\n"),
        args: VALIDATE,
        code: 1,
        stderr: "error[unreadable-file]: [..]glossary.csv:[..]",
    },
    Case {
        name: "syntax error",
        setup: |r| {
            edit(
                r,
                "locales/ru/codes.ftl",
                "code-200 = Успешно",
                "code-200 = { Успешно",
            )
        },
        args: BUILD,
        code: 1,
        stderr: "error[syntax]",
    },
    Case {
        name: "duplicate id",
        setup: |r| write(r, "locales/ru/more.ftl", "code-200 = Ещё раз\n".as_bytes()),
        args: BUILD,
        code: 1,
        stderr: "error[duplicate-id]: `code-200` is defined more than once",
    },
    Case {
        name: "term clashes with message",
        setup: |r| {
            write(
                r,
                "locales/ru/more.ftl",
                "-heading-description = x\n".as_bytes(),
            )
        },
        args: BUILD,
        code: 1,
        stderr: "error[term-message-clash]",
    },
    Case {
        name: "text for an unknown code",
        setup: |r| write(r, "locales/ru/more.ftl", "code-299 = x\n".as_bytes()),
        args: BUILD,
        code: 1,
        stderr: "error[unknown-code]",
    },
    Case {
        name: "unknown message reference",
        setup: |r| {
            edit(
                r,
                "locales/ru/codes.ftl",
                "code-200 = Успешно",
                "code-200 = { nowhere }",
            )
        },
        args: BUILD,
        code: 1,
        stderr: "error[unknown-reference]",
    },
    Case {
        name: "locale folder that is not a tag",
        setup: |r| std::fs::create_dir(r.join("locales/Русский")).unwrap(),
        args: BUILD,
        code: 2,
        stderr: "folder `Русский` is not a BCP 47 language tag",
    },
    Case {
        name: "locale not in data/locales.csv",
        setup: |r| write(r, "locales/de/codes.ftl", b"code-200 = OK\n"),
        args: BUILD,
        code: 1,
        stderr: "error[unknown-locale]: locale `de` is not listed in data/locales.csv",
    },
    Case {
        name: "missing locale folder",
        setup: |r| std::fs::remove_dir_all(r.join("locales/ru")).unwrap(),
        args: BUILD,
        code: 1,
        stderr: "error[missing-locale]: data/locales.csv lists `ru`",
    },
    Case {
        name: "missing locales folder",
        setup: |r| std::fs::remove_dir_all(r.join("locales")).unwrap(),
        args: BUILD,
        code: 2,
        stderr: "the locale folder '[..]locales' does not exist; give the folder that holds one folder per locale",
    },
    // Invalid data/.
    Case {
        name: "data: duplicate code",
        setup: |r| edit(r, "data/status-codes.csv", "\n404,", "\n200,"),
        args: BUILD,
        code: 1,
        stderr: "status-codes.csv:3: code 200 is already defined on line 2",
    },
    Case {
        name: "data: code out of range",
        setup: |r| edit(r, "data/status-codes.csv", "\n404,", "\n600,"),
        args: BUILD,
        code: 1,
        stderr: "status-codes.csv:3: code 600 is outside 100-599",
    },
    Case {
        name: "data: code not a number",
        setup: |r| edit(r, "data/status-codes.csv", "\n404,", "\n4o4,"),
        args: BUILD,
        code: 1,
        stderr: "status-codes.csv:3: column 1: invalid digit",
    },
    Case {
        name: "data: too few columns",
        setup: |r| edit(r, "data/status-codes.csv", "\n404,Not Found,", "\n404,"),
        args: BUILD,
        code: 1,
        stderr: "status-codes.csv:3: the row has 9 fields but the header has 10",
    },
    Case {
        name: "data: bad yes/no",
        setup: |r| edit(r, "data/status-codes.csv", ",yes,", ",maybe,"),
        args: BUILD,
        code: 1,
        stderr: "expected `yes` or `no`, found `maybe`",
    },
    Case {
        name: "data: a vendor for a registered code",
        setup: |r| {
            edit(
                r,
                "data/status-codes.csv",
                "\n404,Not Found,standard,,",
                "\n404,Not Found,standard,nginx,",
            )
        },
        args: BUILD,
        code: 1,
        stderr: "status-codes.csv:3: code 404 is in the IANA registry, so its vendor must be empty",
    },
    Case {
        name: "data: a reserved number that is sent",
        setup: |r| edit(r, "data/status-codes.csv", ",none,sent,", ",none,reserved,"),
        args: BUILD,
        code: 1,
        stderr: "status-codes.csv:2: code 200: delivery is `reserved` exactly when the registry status is `unused`",
    },
    Case {
        name: "data: missing file",
        setup: |r| std::fs::remove_file(r.join("data/aliases.csv")).unwrap(),
        args: BUILD,
        code: 2,
        stderr: "cannot read [..]",
    },
    Case {
        name: "data: alias of an unknown code",
        setup: |r| write(r, "data/aliases.csv", b"code,alias\n999,Nope\n"),
        args: BUILD,
        code: 1,
        stderr: "aliases.csv:2: alias for code 999",
    },
    Case {
        name: "data: no reference locale",
        setup: |r| edit(r, "data/locales.csv", "yes", "no"),
        args: BUILD,
        code: 1,
        stderr: "0 locales are marked as reference",
    },
    Case {
        name: "data: invalid locale tag",
        setup: |r| edit(r, "data/locales.csv", "\nru,", "\n../ru,"),
        args: BUILD,
        code: 1,
        stderr: "`../ru` is not a BCP 47 language tag",
    },
    Case {
        name: "data: invalid UTF-8",
        setup: |r| write(r, "data/aliases.csv", b"code,alias\n404,\xff\n"),
        args: BUILD,
        code: 1,
        stderr: "aliases.csv:2: invalid UTF-8",
    },
    // Output paths.
    Case {
        name: "output is a folder",
        setup: |r| std::fs::create_dir(r.join("out.sqlite")).unwrap(),
        args: BUILD,
        code: 2,
        stderr: "out.sqlite' is a folder",
    },
    Case {
        name: "output folder is a file",
        setup: |r| write(r, "no", b"a file, not a folder"),
        args: &[
            "build",
            "--locales",
            "{root}/locales",
            "--data",
            "{root}/data",
            "--out",
            "{root}/no/such/out.sqlite",
        ],
        code: 2,
        stderr: "cannot create the folder '[..]/no/such': Not a directory",
    },
    // Arguments that must never become paths or SQL.
    Case {
        name: "--locale ../../x",
        setup: |_| {},
        args: &[
            "export",
            "--locale",
            "../../x",
            "--locales",
            "{root}/locales",
        ],
        code: 2,
        stderr: "--locale: `../../x` is not a BCP 47 language tag",
    },
    Case {
        name: "--locale SQL",
        setup: |_| {},
        args: &[
            "compare",
            "200",
            "404",
            "--locale",
            "en' OR '1'='1",
            "--db",
            "{root}/none.sqlite",
            "--locales",
            "{root}/locales",
            "--data",
            "{root}/data",
        ],
        code: 2,
        stderr: "is not a BCP 47 language tag",
    },
    Case {
        name: "not a database",
        setup: |r| write(r, "db.sqlite", b"this is not sqlite"),
        args: &["compare", "200", "404", "--db", "{root}/db.sqlite"],
        code: 2,
        stderr: "file is not a database",
    },
    Case {
        name: "database from the future",
        setup: |r| {
            rusqlite::Connection::open(r.join("db.sqlite"))
                .unwrap()
                .pragma_update(None, "user_version", 99)
                .unwrap();
        },
        args: &["compare", "200", "404", "--db", "{root}/db.sqlite"],
        code: 2,
        stderr: "has schema version 99, newer than the 5 this statusdb knows",
    },
    // Translator CSVs.
    Case {
        name: "CSV: empty",
        setup: |r| write(r, "in.csv", b""),
        args: IMPORT,
        code: 1,
        stderr: "in.csv:1: the file is empty",
    },
    Case {
        name: "CSV: wrong header",
        setup: |r| write(r, "in.csv", b"id,text\n"),
        args: IMPORT,
        code: 1,
        stderr: "in.csv:1: the header is `id,text`",
    },
    Case {
        name: "CSV: too few columns",
        setup: |r| {
            write(
                r,
                "in.csv",
                b"key,file,reference,translation,status,comment,variables,fingerprint\na,b\n",
            )
        },
        args: IMPORT,
        code: 1,
        stderr: "in.csv:2: the row has 2 fields but the header has 8",
    },
    Case {
        name: "CSV: too many columns",
        setup: |r| {
            write(r, "in.csv", b"key,file,reference,translation,status,comment,variables,fingerprint\na,b,c,d,e,f,g,h,i\n")
        },
        args: IMPORT,
        code: 1,
        stderr: "in.csv:2: the row has 9 fields but the header has 8",
    },
    Case {
        name: "CSV: unterminated quote",
        setup: |r| {
            write(
                r,
                "in.csv",
                b"key,file,reference,translation,status,comment,variables,fingerprint\na,\"b,c\n",
            )
        },
        args: IMPORT,
        code: 1,
        stderr: "in.csv:2: the row has 2 fields but the header has 8",
    },
    Case {
        name: "CSV: unknown key",
        setup: |r| csv(r, true, "code-999.summary", "x"),
        args: IMPORT,
        code: 1,
        stderr: "refused `code-999.summary`: unknown key",
    },
    Case {
        name: "CSV: stale fingerprint",
        setup: |r| csv(r, false, "code-503.summary", "Новый текст."),
        args: IMPORT,
        code: 1,
        stderr: "refused `code-503.summary`: the reference text changed since this file was exported",
    },
    Case {
        name: "CSV: invalid Fluent",
        setup: |r| csv(r, true, "code-503.summary", "{ oops"),
        args: IMPORT,
        code: 1,
        stderr: "the translation is not valid Fluent",
    },
    Case {
        name: "CSV: unknown variable",
        setup: |r| csv(r, true, "code-503.summary", "Ошибка { $x }."),
        args: IMPORT,
        code: 1,
        stderr: "the translation uses $x",
    },
    Case {
        name: "CSV: missing file",
        setup: |_| {},
        args: IMPORT,
        code: 2,
        stderr: "cannot read '[..]in.csv'",
    },
];

#[test]
fn every_bad_input_fails_clearly() {
    let mut failures = Vec::new();
    for case in CASES {
        let root = fixture("mini");
        (case.setup)(root.path());
        let args: Vec<String> = case
            .args
            .iter()
            .map(|a| a.replace("{root}", root.path().to_str().unwrap()))
            .collect();
        let output = statusdb().args(&args).output().unwrap();
        // validate reports on stdout, the other commands on stderr.
        let stderr =
            String::from_utf8_lossy(&output.stderr) + String::from_utf8_lossy(&output.stdout);
        let expected = case.stderr.split("[..]").all(|part| stderr.contains(part));
        let crashed = stderr.contains("panicked")
            || stderr.contains("backtrace")
            || stderr.contains("overflow");
        if output.status.code() != Some(case.code) || !expected || crashed {
            failures.push(format!(
                "{}: exit {:?}, expected {}; stderr:\n{stderr}",
                case.name,
                output.status.code(),
                case.code
            ));
        }
        if case.code != 0 && args[0] == "build" {
            assert!(
                !root.path().join("out.sqlite").is_file(),
                "{}: a database was written",
                case.name
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n---\n"));
    assert!(CASES.len() >= 30);
}

/// A BOM, CRLF line endings and a missing final newline change nothing.
#[test]
fn odd_but_valid_sources_build_exactly_like_clean_ones() {
    let clean = fixture("mini");
    common::build_fixture(clean.path()).success();
    let odd = fixture("mini");
    let codes = odd.path().join("locales/ru/codes.ftl");
    let text = std::fs::read_to_string(&codes).unwrap();
    let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    std::fs::write(&codes, crlf.trim_end()).unwrap();
    let data = odd.path().join("data/status-codes.csv");
    let csv = std::fs::read_to_string(&data).unwrap();
    std::fs::write(&data, format!("\u{feff}{}", csv.replace('\n', "\r\n"))).unwrap();
    common::build_fixture(odd.path()).success();
    // The recorded source hash differs (the bytes do); nothing else may.
    let forget_sources = |root: &std::path::Path| {
        let db = root.join("out.sqlite");
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute(
            "UPDATE metadata SET value = '' WHERE kind = 'database'
             AND name IN ('source_hash', 'content_version')",
            [],
        )
        .unwrap();
        conn.execute_batch("VACUUM").unwrap();
        drop(conn);
        std::fs::read(db).unwrap()
    };
    let (a, b) = (forget_sources(clean.path()), forget_sources(odd.path()));
    assert!(a == b, "odd input built a different database");
}

/// The loop is not walked: the database is the one the tree builds without it.
#[test]
fn a_symlink_loop_is_not_followed() {
    let clean = fixture("mini");
    common::build_fixture(clean.path()).success();
    let root = fixture("mini");
    std::os::unix::fs::symlink(
        root.path().join("locales/ru"),
        root.path().join("locales/ru/loop"),
    )
    .unwrap();
    common::build_fixture(root.path()).success();
    let a = std::fs::read(clean.path().join("out.sqlite")).unwrap();
    let b = std::fs::read(root.path().join("out.sqlite")).unwrap();
    assert!(a == b, "the link changed the database");
}

/// Every code's text comes from the reference, and each row says so.
#[test]
fn an_empty_translation_file_only_falls_back() {
    let root = fixture("mini");
    std::fs::write(root.path().join("locales/ru/codes.ftl"), "").unwrap();
    common::build_fixture(root.path()).success();
    let db = rusqlite::Connection::open(root.path().join("out.sqlite")).unwrap();
    let rows: Vec<(String, String, String)> = db
        .prepare(
            "SELECT ru.fallback_fields, ru.summary, en.summary FROM code_text ru
             JOIN code_text en ON en.code = ru.code AND en.locale = 'en'
             WHERE ru.locale = 'ru' ORDER BY ru.code",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 3);
    for (fallback, ru, en) in rows {
        assert_eq!(
            fallback,
            "name,summary,description,seen_when,how_to_fix,use_when"
        );
        assert_eq!(ru, en);
    }
}

#[test]
fn a_ten_megabyte_value_is_handled() {
    let root = fixture("mini");
    let long = "длинное слово ".repeat(10 * 1024 * 1024 / 26);
    edit(
        root.path(),
        "locales/ru/codes.ftl",
        "В ответе лежит результат запроса.",
        long.trim_end(),
    );
    common::build_fixture(root.path()).success();
    let db = rusqlite::Connection::open(root.path().join("out.sqlite")).unwrap();
    let len: i64 = db
        .query_row(
            "SELECT length(description) FROM code_text WHERE locale = 'ru' AND code = 200",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(len as usize, long.trim_end().chars().count());
}
