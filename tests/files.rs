//! Files others can read: new files follow the umask, replaced files keep
//! their mode, symbolic links are refused, parents are created, and no
//! message names a temporary file.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::{build_args, fixture};
use snapbox::cmd::{Command, cargo_bin};

/// statusdb run under `umask`, as a shell would start it.
fn with_umask(umask: &str) -> Command {
    Command::new("sh")
        .args(["-c", &format!("umask {umask} && exec \"$0\" \"$@\"")])
        .arg(cargo_bin!("statusdb"))
        .env("NO_COLOR", "1")
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn import_ru(root: &Path, csv: &str, umask: &str) {
    std::fs::write(root.join("in.csv"), csv).unwrap();
    with_umask(umask)
        .arg("import")
        .arg(root.join("in.csv"))
        .args(["--locale", "ru", "--locales"])
        .arg(root)
        .assert()
        .success();
}

/// An export of `ru` with `key` translated as `text`.
fn csv_with(root: &Path, key: &str, text: &str) -> String {
    csv_with_all(root, &[(key, text)])
}

/// An export of `ru` with each key translated as its text.
fn csv_with_all(root: &Path, changes: &[(&str, &str)]) -> String {
    let out = with_umask("022")
        .args(["export", "--locale", "ru", "--locales"])
        .arg(root)
        .output()
        .unwrap();
    let mut rows = statusdb::transfer::csvfile::parse(Path::new("ru.csv"), &out.stdout).unwrap();
    for (key, text) in changes {
        rows.iter_mut()
            .find(|r| r.key == *key)
            .unwrap_or_else(|| panic!("no row {key}"))
            .translation = (*text).into();
    }
    String::from_utf8(statusdb::transfer::csvfile::write(&rows, false)).unwrap()
}

#[test]
fn new_files_follow_the_umask() {
    let root = fixture("mini");
    for (umask, expected) in [("022", 0o644), ("027", 0o640), ("077", 0o600)] {
        let out = root.path().join(format!("db-{umask}.sqlite"));
        with_umask(umask)
            .args(build_args(root.path(), &out))
            .assert()
            .success();
        assert_eq!(mode(&out), expected, "database under umask {umask}");
        let csv = root.path().join(format!("ru-{umask}.csv"));
        with_umask(umask)
            .args(["export", "--locale", "ru", "--locales"])
            .arg(root.path().join("locales"))
            .arg("--out")
            .arg(&csv)
            .assert()
            .success();
        assert_eq!(mode(&csv), expected, "CSV under umask {umask}");
    }
}

#[test]
fn a_rebuilt_database_keeps_its_mode() {
    let root = fixture("mini");
    let out = root.path().join("statusdb.sqlite");
    let build = || {
        with_umask("077")
            .args(build_args(root.path(), &out))
            .assert()
            .success()
    };
    build();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).unwrap();
    build();
    assert_eq!(mode(&out), 0o644);
}

#[test]
fn import_keeps_modes_and_creates_files_by_the_umask() {
    let root = fixture("transfer");
    let app = root.path().join("ru/app.ftl");
    std::fs::set_permissions(&app, std::fs::Permissions::from_mode(0o664)).unwrap();
    // One import that replaces app.ftl and creates new.ftl: both files go
    // through the all-or-nothing multi-file write.
    let csv = csv_with_all(
        root.path(),
        &[("-brand", "Акмэ"), ("brand-new", "Совсем новое")],
    );
    import_ru(root.path(), &csv, "077");
    assert!(std::fs::read_to_string(&app).unwrap().contains("Акмэ"));
    let created = root.path().join("ru/new.ftl");
    assert!(
        std::fs::read_to_string(&created)
            .unwrap()
            .contains("Совсем новое")
    );
    assert_eq!(mode(&created), 0o600, "new file under umask 077");
    assert_eq!(mode(&app), 0o664, "a replaced file keeps its mode");

    let csv = csv_with(root.path(), "second", "Второе");
    import_ru(root.path(), &csv, "022");
    assert_eq!(mode(&created), 0o600, "a replaced file keeps its mode");
    assert_eq!(mode(&app), 0o664, "untouched");
}

#[test]
fn a_symlinked_ftl_file_is_refused_and_left_alone() {
    let root = fixture("transfer");
    let shared = root.path().join("shared-app.ftl");
    let app = root.path().join("ru/app.ftl");
    let csv = csv_with(root.path(), "-brand", "Акмэ");
    std::fs::rename(&app, &shared).unwrap();
    std::os::unix::fs::symlink("../shared-app.ftl", &app).unwrap();
    let before = std::fs::read(&shared).unwrap();
    std::fs::write(root.path().join("in.csv"), csv).unwrap();
    let out = with_umask("022")
        .arg("import")
        .arg(root.path().join("in.csv"))
        .args(["--locale", "ru", "--locales"])
        .arg(root.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("the locale's `app.ftl` cannot be read (the file is a symbolic link"),
        "{stderr}"
    );
    let link = std::fs::symlink_metadata(&app).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays a link");
    assert_eq!(
        std::fs::read(&shared).unwrap(),
        before,
        "the target is untouched"
    );
}

#[test]
fn build_creates_missing_parent_folders() {
    let root = fixture("mini");
    let out = root.path().join("dist/site/statusdb.sqlite");
    with_umask("022")
        .args(build_args(root.path(), &out))
        .assert()
        .success();
    assert!(out.is_file());
}

#[test]
fn no_message_names_a_temporary_file() {
    let root = fixture("mini");
    let out = with_umask("022")
        .args(build_args(root.path(), Path::new("/proc/statusdb.sqlite")))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("/proc"), "{stderr}");
    assert!(
        !stderr.contains(".statusdb-") && !stderr.contains(".tmp"),
        "{stderr}"
    );
}
