//! The commands: thin compositions of the stages, one module each.

mod build;
mod compare;
mod validate;

use std::io::Write;

use crate::cli::{Cli, Command};
use crate::error::Result;

/// Runs the parsed command line and returns the exit status.
pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Build(args) => build::run(&args),
        Command::Compare(args) => compare::run(&args),
        Command::Validate(args) => validate::run(&args),
    }
}

/// Writes to stdout; a closed pipe (`statusdb ... | head`) is not an error.
fn print(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// Writes to stderr, for diagnostics and notes.
fn eprint(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}
