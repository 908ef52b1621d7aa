//! Import never loses an update or leaves a tree half written: writers of a
//! tree take turns, a file changed since it was read is not overwritten, a
//! multi-file import is all or nothing, and one key twice is refused.

mod common;

use std::path::Path;

use common::{fixture, statusdb, translated_csv};

const SUMMARY_503: &str = "The server cannot handle the request right now.";
const SUMMARY_200: &str = "The request succeeded.";

fn import_args(root: &Path, csv: &Path) -> Vec<std::ffi::OsString> {
    vec![
        "import".into(),
        csv.into(),
        "--locale".into(),
        "ru".into(),
        "--locales".into(),
        root.join("locales").into(),
    ]
}

/// Imports the row `first` and a note for `pairs.ftl` into the `ru` locale
/// of `root`, where a folder stands at `pairs.ftl` so that the second write
/// cannot happen; checks that the import fails having written nothing and
/// returns its standard error.
fn import_blocked_by_a_folder(root: &Path, first: (&str, &str, &str, &str)) -> String {
    let pairs = root.join("locales/ru/pairs.ftl");
    std::fs::remove_file(&pairs).unwrap();
    std::fs::create_dir(&pairs).unwrap();
    let note =
        "A missing page is not an outage: 404 says the URL is wrong, 503 says the server is down.";
    let csv = root.join("in.csv");
    let rows = [first, ("pair-404-503", "pairs.ftl", note, "Заметка.")];
    std::fs::write(&csv, translated_csv(&rows)).unwrap();
    let output = statusdb().args(import_args(root, &csv)).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    stderr
}

#[test]
fn concurrent_imports_into_one_locale_lose_no_update() {
    for round in 0..8 {
        let root = fixture("mini");
        let a = root.path().join("a.csv");
        let b = root.path().join("b.csv");
        common::one_row_csv(
            &a,
            "code-503.summary",
            SUMMARY_503,
            &format!("Первый {round}."),
        );
        common::one_row_csv(
            &b,
            "code-200.summary",
            SUMMARY_200,
            &format!("Второй {round}."),
        );
        let run = |csv: &Path| {
            std::process::Command::new(env!("CARGO_BIN_EXE_statusdb"))
                .args(import_args(root.path(), csv))
                .spawn()
                .unwrap()
        };
        let (mut first, mut second) = (run(&a), run(&b));
        assert!(first.wait().unwrap().success());
        assert!(second.wait().unwrap().success());
        let text = std::fs::read_to_string(root.path().join("locales/ru/codes.ftl")).unwrap();
        assert!(
            text.contains(&format!("Первый {round}."))
                && text.contains(&format!("Второй {round}.")),
            "round {round}: an update was lost:\n{text}"
        );
    }
}

#[test]
fn a_file_changed_since_it_was_read_is_not_overwritten() {
    let root = fixture("mini");
    let locales = root.path().join("locales");
    let tags = ["en".parse().unwrap(), "ru".parse().unwrap()];
    let tree = statusdb::source::tree::load(&locales, &tags).unwrap();
    let csv = root.path().join("in.csv");
    common::one_row_csv(&csv, "code-503.summary", SUMMARY_503, "Позже.");
    let units = statusdb::transfer::csvfile::read(&csv).unwrap();
    let plan = statusdb::transfer::import::plan(&tree.locales[0], &tree.locales[1], units, false);
    let codes = locales.join("ru/codes.ftl");
    let edited = std::fs::read_to_string(&codes).unwrap() + "\nedited-meanwhile = Да\n";
    std::fs::write(&codes, &edited).unwrap();
    let err = statusdb::transfer::import::write(&plan)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("codes.ftl changed on disk since import read it"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&codes).unwrap(), edited);
}

#[test]
fn a_failure_on_the_second_file_leaves_the_first_untouched() {
    let root = fixture("mini");
    let ru = root.path().join("locales/ru");
    let before = std::fs::read(ru.join("codes.ftl")).unwrap();
    let first = ("code-503.summary", "codes.ftl", SUMMARY_503, "Позже.");
    let stderr = import_blocked_by_a_folder(root.path(), first);
    assert!(stderr.contains("pairs.ftl' is a folder"), "{stderr}");
    assert_eq!(std::fs::read(ru.join("codes.ftl")).unwrap(), before);
}

#[test]
fn a_failed_import_leaves_no_folder_it_created() {
    let root = fixture("mini");
    let locales = root.path().join("locales");
    let extra = "An extra sentence.";
    std::fs::create_dir(locales.join("en/aaa")).unwrap();
    std::fs::write(
        locales.join("en/aaa/extra.ftl"),
        format!("extra = {extra}\n"),
    )
    .unwrap();
    let first = ("extra", "aaa/extra.ftl", extra, "Лишняя фраза.");
    let stderr = import_blocked_by_a_folder(root.path(), first);
    assert!(!locales.join("ru/aaa").exists(), "{stderr}");
}

#[test]
fn the_same_key_twice_is_refused_with_both_lines() {
    let root = fixture("mini");
    let codes = root.path().join("locales/ru/codes.ftl");
    let before = std::fs::read(&codes).unwrap();
    let csv = root.path().join("in.csv");
    std::fs::write(
        &csv,
        translated_csv(&[
            ("code-503.summary", "codes.ftl", SUMMARY_503, "Позже."),
            ("code-200.summary", "codes.ftl", SUMMARY_200, "Готово."),
            ("code-503.summary", "codes.ftl", SUMMARY_503, "Потом."),
        ]),
    )
    .unwrap();
    let output = statusdb()
        .args(import_args(root.path(), &csv))
        .arg("--partial")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "in.csv:4: refused `code-503.summary`: the key is also on line 2; keep one row per key"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("in.csv:2: refused `code-503.summary`: the key is also on line 4"),
        "{stderr}"
    );
    let text = std::fs::read_to_string(&codes).unwrap();
    assert!(text.contains("Готово."), "the other row was not applied");
    assert!(!text.contains("Позже") && !text.contains("Потом"), "{text}");
    assert_ne!(std::fs::read(&codes).unwrap(), before);
}

/// A process id no process has: where a killed run's temporary files say
/// their owner was.
fn dead_pid() -> u32 {
    (400_000..)
        .find(|pid| !Path::new("/proc").join(pid.to_string()).exists())
        .unwrap()
}

#[test]
fn temporary_files_of_a_killed_import_are_removed_from_every_folder() {
    let root = fixture("mini");
    let ru = root.path().join("locales/ru");
    std::fs::create_dir(ru.join("sub")).unwrap();
    let stale = format!(".statusdb-{}-abcdef.tmp", dead_pid());
    std::fs::write(ru.join("sub").join(&stale), "half").unwrap();
    std::fs::write(ru.join(&stale), "half").unwrap();
    let csv = root.path().join("in.csv");
    common::one_row_csv(&csv, "code-503.summary", SUMMARY_503, "Позже.");
    statusdb()
        .args(import_args(root.path(), &csv))
        .assert()
        .success();
    assert_eq!(common::leftover_temp_files(&ru), Vec::<String>::new());
    assert_eq!(
        common::leftover_temp_files(&ru.join("sub")),
        Vec::<String>::new()
    );
}

#[test]
fn rows_that_would_give_validate_a_new_error_are_refused() {
    let cases = [
        ("Поз\0же.", "the translation contains a NUL character"),
        (
            "Позже { nosuch }.",
            "validate would then report: `code-503.summary` refers to `nosuch`, which this locale does not define",
        ),
        (
            "Позже { -nosuch }.",
            "validate would then report: `code-503.summary` refers to `-nosuch`, which this locale does not define",
        ),
        (
            "Позже { code-503.summary }.",
            "validate would then report: `code-503.summary` cannot be formatted: it refers to itself",
        ),
    ];
    for (translation, reason) in cases {
        let root = fixture("mini");
        let codes = root.path().join("locales/ru/codes.ftl");
        let before = std::fs::read(&codes).unwrap();
        let csv = root.path().join("in.csv");
        common::one_row_csv(&csv, "code-503.summary", SUMMARY_503, translation);
        let output = statusdb()
            .args(import_args(root.path(), &csv))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{translation:?}: {stderr}");
        let expected = format!("in.csv:2: refused `code-503.summary`: {reason}");
        assert!(stderr.contains(&expected), "{translation:?}: {stderr}");
        assert_eq!(std::fs::read(&codes).unwrap(), before);
    }
    // A reference the locale does define is fine.
    let root = fixture("mini");
    let csv = root.path().join("in.csv");
    common::one_row_csv(&csv, "code-503.summary", SUMMARY_503, "Как { code-200 }.");
    statusdb()
        .args(import_args(root.path(), &csv))
        .assert()
        .success();
}
