//! The commands: thin compositions of the stages, one module each.

mod build;
mod compare;
mod export;
mod import;
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
    cli.color.write_global();
    match cli.command {
        Command::Build(args) => build::run(&args),
        Command::Compare(args) => compare::run(&args),
        Command::Search(args) => search::run(&args),
        Command::Validate(args) => validate::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Import(args) => import::run(&args),
    }
}

/// Writes to stdout. A closed pipe (`statusdb ... | head`) ends the output
/// quietly; any other failure (a full disk) is an error, so output cut
/// short never passes for complete.
fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::io("write to", "standard output", e))
        }
        _ => Ok(()),
    }
}

/// Writes to stderr, for diagnostics and notes.
fn eprint(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// The database at `path`, or one built in memory from the sources when
/// that file does not exist.
fn open_database(path: &Path, sources: &SourceArgs) -> Result<rusqlite::Connection> {
    if let Ok(meta) = std::fs::metadata(path) {
        if !meta.is_file() {
            return Err(Error::Usage(format!(
                "--db {} is {}, not a database file; give the path of a file written by `statusdb build`",
                path.display(),
                crate::source::input::kind(&meta)
            )));
        }
        return db::open(path);
    }
    eprint(&format!(
        "note: {} does not exist; building the database in memory from {} and {}\n",
        path.display(),
        sources.locales.display(),
        sources.data.display()
    ));
    let loaded = pipeline::load(&sources.locales, &sources.data, &|_, _| {})?;
    let checked = loaded.check()?;
    let rendered = loaded
        .render(&checked, "cannot build the database in memory")
        .inspect_err(|_| {
            let blocking = pipeline::blocking(&checked);
            eprint(&report::diagnostics(
                &blocking,
                report::use_color(&std::io::stderr()),
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

/// The reference and target locales of a transfer, loaded once.
fn transfer_tree(args: &crate::cli::TransferArgs) -> Result<crate::source::LocaleTree> {
    let locale = locale_arg(&args.locale)?;
    let reference: LocaleTag = args
        .reference
        .parse()
        .map_err(|why| Error::Usage(format!("--reference: {why}")))?;
    if locale == reference {
        return Err(Error::Usage(format!(
            "--locale {locale} is the reference locale; name the locale to translate into"
        )));
    }
    crate::source::tree::load(&args.locales, &[reference, locale])
}

/// The reference and target locales out of a tree loaded by [`transfer_tree`].
fn transfer_locales<'a>(
    tree: &'a crate::source::LocaleTree,
    args: &crate::cli::TransferArgs,
) -> Result<(&'a crate::source::Locale, &'a crate::source::Locale)> {
    let get = |tag: &str| {
        tree.locale(tag)
            .ok_or_else(|| Error::Usage(format!("no locale `{tag}` in {}", tree.root.display())))
    };
    Ok((get(&args.reference)?, get(&args.locale)?))
}
