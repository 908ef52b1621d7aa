//! The commands: thin compositions of the stages, one module each.

mod build;
mod compare;
mod export;
mod export_json;
mod import;
mod search;
mod validate;

use std::io::Write;

use std::path::Path;

use crate::cli::{Cli, Command, SourceArgs};
use crate::error::{Error, Result};
use crate::source::{LocaleTag, Origin, Origins};
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
        Command::ExportJson(args) => export_json::run(&args),
        Command::Import(args) => import::run(&args),
    }
}

/// Writes to stdout. A closed pipe (`statusdb ... | head`) ends the output
/// quietly; any other failure (a full disk) is an error, so output cut
/// short never passes for complete.
fn print(bytes: impl AsRef<[u8]>) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes.as_ref()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            // Not a path: `Error::io` would quote it like one.
            Err(Error::Usage(format!(
                "cannot write to standard output: {e}"
            )))
        }
        _ => Ok(()),
    }
}

/// The width of the terminal stdout writes to; `None` in pipes and files,
/// where text is never wrapped.
fn terminal_width() -> Option<usize> {
    use std::io::IsTerminal;
    let stdout = std::io::stdout();
    if !stdout.is_terminal() {
        return None;
    }
    terminal_size::terminal_size_of(&stdout).map(|(width, _)| usize::from(width.0))
}

/// Writes to stderr, for diagnostics and notes.
fn eprint(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// The database at `path`, or one built in memory from the sources when
/// that file does not exist.
fn open_database(path: &Path, sources: &SourceArgs) -> Result<rusqlite::Connection> {
    let origins = sources.origins();
    if let Ok(meta) = std::fs::metadata(path) {
        if !meta.is_file() {
            return Err(Error::Usage(format!(
                "--db {} is {}, not a database file; give the path of a file written by `statusdb build`",
                path.display(),
                crate::source::input::kind(&meta)
            )));
        }
        let conn = db::open(path)?;
        warn_if_stale(&conn, path, &origins)?;
        return Ok(conn);
    }
    eprint(&format!(
        "note: {} does not exist; building the database in memory from {}\n",
        path.display(),
        describe(&origins)
    ));
    let compiled = compile(&origins, "cannot build the database in memory", None)?;
    db::in_memory(
        &compiled.sources.facts,
        &compiled.rendered,
        &compiled.sources.fingerprint,
    )
}

/// The sources loaded, checked and rendered.
struct Compiled {
    sources: pipeline::Sources,
    checked: crate::check::Report,
    rendered: crate::render::Rendered,
}

/// Loads, checks and renders the sources `origins` names; the errors that
/// stop it are printed, and `what` says what stopped. `progress` names the
/// bar shown while loading, if any.
fn compile(
    origins: &Origins,
    what: &'static str,
    progress: Option<&'static str>,
) -> Result<Compiled> {
    let bar = progress.map(report::Progress::new);
    let (sources, checked) = pipeline::load(origins, &|done, total| {
        if let Some(bar) = &bar {
            bar.update(done, total)
        }
    })?;
    drop(bar);
    let rendered = sources.render(&checked, what).inspect_err(|_| {
        let blocking = pipeline::blocking(&checked);
        eprint(&report::diagnostics(
            &blocking,
            report::use_color(&std::io::stderr()),
        ));
    })?;
    Ok(Compiled {
        sources,
        checked,
        rendered,
    })
}

/// The sources a command that compiles them uses, announced on stderr when
/// they are the built-in ones.
fn announced_origins(args: &SourceArgs) -> Origins {
    let origins = args.origins();
    if let Some(note) = origins.note() {
        eprint(&note);
    }
    origins
}

/// A database built from other sources than the folders at hand is still
/// read (it is what apps see), but the user hears that it is out of date.
/// Built-in content is not compared: a database is free to hold other content.
fn warn_if_stale(conn: &rusqlite::Connection, path: &Path, origins: &Origins) -> Result<()> {
    let folders = matches!(
        (&origins.locales, &origins.data),
        (Origin::Folder(_), Origin::Folder(_))
    );
    if !folders {
        return Ok(());
    }
    let built_from = db::query::metadata(conn, path, "database", "source_hash")?;
    if built_from.as_deref() != Some(origins.fingerprint()?.as_str()) {
        eprint(&format!(
            "warning: {} was built from other sources than {}; \
             run `statusdb build --out {}` to update it\n",
            path.display(),
            describe(origins),
            path.display()
        ));
    }
    Ok(())
}

/// `locales and data`, or `the content built into statusdb 0.1.0`.
fn describe(origins: &Origins) -> String {
    let name = |origin: &Origin| match origin {
        Origin::Folder(dir) => format!("'{}'", dir.display()),
        Origin::BuiltIn => format!(
            "the content built into statusdb {}",
            env!("CARGO_PKG_VERSION")
        ),
    };
    match (&origins.locales, &origins.data) {
        (Origin::BuiltIn, Origin::BuiltIn) => name(&Origin::BuiltIn),
        (locales, data) => format!("{} and {}", name(locales), name(data)),
    }
}

/// The locale of the database that serves `--locale`; says on stderr when
/// it is not the one asked for.
fn negotiate(conn: &rusqlite::Connection, path: &Path, value: &str) -> Result<String> {
    let requested = locale_arg(value)?;
    let chosen = db::query::negotiate_locale(conn, path, &requested)?;
    if chosen != requested.as_str() {
        eprint(&format!("note: no locale {requested}; using {chosen}\n"));
    }
    Ok(chosen)
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
