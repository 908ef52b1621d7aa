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

/// A link to a named pipe, a device or a file outside the tree, named like
/// a Fluent file: the tree reports it unreadable and the build stops; the
/// sources' fingerprint, taken before the checks, read through the link
/// (outside the tree) and hung on the pipe.
#[test]
fn a_locale_file_linked_to_a_fifo_or_a_device_stops_the_build_without_hanging() {
    for target in ["pipe", "/dev/zero"] {
        let root = fixture("mini");
        let pipe = root.path().join("pipe");
        mkfifo(&pipe);
        let link = root.path().join("locales/ru/zz.ftl");
        std::os::unix::fs::symlink(root.path().join(target), &link).unwrap();
        let out = root.path().join("out.sqlite");
        let output = run_bounded(&common::build_args(root.path(), &out));
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        assert!(
            stderr(&output).contains("error[unreadable-file]: the file is a symbolic link"),
            "{}",
            stderr(&output)
        );
        assert!(!out.exists());
    }
}

/// A project configuration and a baseline are inputs like any other: a
/// named pipe given for either hung the run.
#[test]
fn a_config_or_a_baseline_that_is_a_fifo_is_refused() {
    let root = fixture("mini");
    let pipe = root.path().join("pipe");
    mkfifo(&pipe);
    let locales = root.path().join("locales").into_os_string();
    let cases: [Vec<std::ffi::OsString>; 2] = [
        vec!["validate".into(), "--config".into(), pipe.clone().into()],
        vec![
            "validate".into(),
            "--locales".into(),
            locales,
            "--baseline".into(),
            pipe.clone().into(),
        ],
    ];
    for args in cases {
        let output = run_bounded(&args);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        assert!(
            stderr(&output).contains("pipe is not a regular file (a named pipe)"),
            "{}",
            stderr(&output)
        );
    }
}

/// A file a configuration names one by one is read as a tree's files are:
/// a link is not followed, so nothing outside the project is quoted.
#[test]
fn a_configured_file_that_is_a_link_is_not_followed() {
    let root = fixture("project");
    let secret = root.path().join("outside.ftl");
    std::fs::write(&secret, "main-title = SECRET TEXT\n").unwrap();
    let config = root.path().join("one.toml");
    let toml = "basepath = \".\"\nlocales = [\"de\"]\n[[paths]]\n    reference = \"en/main.ftl\"\n    l10n = \"{locale}/main.ftl\"\n";
    std::fs::write(&config, toml).unwrap();
    let main = root.path().join("de/main.ftl");
    std::fs::remove_file(&main).unwrap();
    std::os::unix::fs::symlink(&secret, &main).unwrap();
    let output = run_bounded(&["validate".into(), "--config".into(), config.into()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("the file is a symbolic link"), "{stdout}");
    assert!(!stdout.contains("SECRET"), "{stdout}");
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
