//! Output to stdout: a failed write is an error with a message (exit 2), a
//! reader that closes the pipe early ends the output quietly.

mod common;

use std::io::Read;
use std::process::{Command, Stdio};

fn export(stdout: Stdio) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_statusdb"))
        .current_dir(common::repo())
        .args(["export", "--locale", "ru"])
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn a_full_disk_on_stdout_is_an_error() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = export(full.into()).wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("error: cannot write to standard output: No space left on device"),
        "{stderr}"
    );
}

#[test]
fn a_closed_pipe_is_quiet() {
    let mut child = export(Stdio::piped());
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.is_empty(), "{stderr}");
    assert!(output.status.success() || output.status.code().is_none());
}
