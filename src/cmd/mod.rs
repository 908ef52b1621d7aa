//! The commands: thin compositions of the stages, one module each.

mod build;
mod compare;
mod search;
mod validate;

use std::io::Write;

use std::path::Path;

use crate::cli::{Cli, Command, SourceArgs};
use crate::error::{Error, Result};
use crate::source::LocaleTag;
use crate::{db, pipeline, report};

/// Runs the parsed command line and returns the exit status.
pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Build(args) => build::run(&args),
        Command::Compare(args) => compare::run(&args),
        Command::Search(args) => search::run(&args),
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

/// The database at `path`, or one built in memory from the sources when
/// that file does not exist.
fn open_database(path: &Path, sources: &SourceArgs) -> Result<rusqlite::Connection> {
    if path.exists() {
        return db::open(path);
    }
    eprint(&format!(
        "note: {} does not exist; building the database in memory from {} and {}\n",
        path.display(),
        sources.locales.display(),
        sources.data.display()
    ));
    let loaded = pipeline::load(&sources.locales, &sources.data)?;
    let checked = loaded.check()?;
    let rendered = loaded
        .render(&checked, "cannot build the database in memory")
        .inspect_err(|_| {
            let blocking = pipeline::blocking(&checked);
            eprint(&report::diagnostics(
                &blocking,
                report::use_color_on_stderr(),
            ));
        })?;
    db::in_memory(&loaded.facts, &rendered)
}

/// A `--locale` value, validated before it reaches the database.
fn locale_arg(value: &str) -> Result<LocaleTag> {
    value
        .parse()
        .map_err(|why| Error::Usage(format!("--locale: {why}")))
}
