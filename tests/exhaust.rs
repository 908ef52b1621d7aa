//! Inputs that used to hang a run or exhaust its memory, and outputs that
//! are not regular files.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::fixture;

/// Runs the binary with `args`, killing it if it has not finished in 20 s.
fn run_bounded(args: &[std::ffi::OsString]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_statusdb"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("statusdb {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_data_file_that_is_a_fifo_or_a_device_is_refused() {
    for make in [
        |p: &Path| mkfifo(p),
        |p: &Path| std::os::unix::fs::symlink("/dev/zero", p).unwrap(),
    ] {
        let root = fixture("mini");
        let aliases = root.path().join("data/aliases.csv");
        std::fs::remove_file(&aliases).unwrap();
        make(&aliases);
        let out = root.path().join("out.sqlite");
        for args in [common::build_args(root.path(), &out), {
            let mut v = common::build_args(root.path(), &out);
            v[0] = "validate".into();
            v.truncate(5);
            v
        }] {
            let output = run_bounded(&args);
            assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
            assert!(
                stderr(&output).contains("aliases.csv is not a regular file"),
                "{}",
                stderr(&output)
            );
        }
    }
}

#[test]
fn an_import_csv_that_is_a_fifo_is_refused() {
    let root = fixture("mini");
    let csv = root.path().join("in.csv");
    mkfifo(&csv);
    let args: Vec<std::ffi::OsString> = vec![
        "import".into(),
        csv.into(),
        "--locale".into(),
        "ru".into(),
        "--locales".into(),
        root.path().join("locales").into(),
    ];
    let output = run_bounded(&args);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("in.csv is not a regular file (a named pipe)"));
}

#[test]
fn an_output_that_is_not_a_regular_file_is_refused_and_kept() {
    let root = fixture("mini");
    let fifo = root.path().join("out.fifo");
    mkfifo(&fifo);
    let link = root.path().join("link.sqlite");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    for (out, kind) in [(&fifo, "a named pipe"), (&link, "a symbolic link")] {
        let output = run_bounded(&common::build_args(root.path(), out));
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        let expected =
            format!("is {kind}, not a regular file; statusdb only ever replaces regular files");
        assert!(stderr(&output).contains(&expected), "{}", stderr(&output));
        let mut export: Vec<std::ffi::OsString> =
            vec!["export".into(), "--locale".into(), "ru".into()];
        export.extend(["--locales".into(), root.path().join("locales").into()]);
        export.extend(["--out".into(), out.into()]);
        let output = run_bounded(&export);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    }
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}
