//! The command line: one argument struct per command.

use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

/// Where statusdb's own locale tree is, unless `--locales` says otherwise.
pub(crate) const LOCALES_DIR: &str = "locales";
/// Where statusdb's facts are, unless `--data` says otherwise.
pub(crate) const DATA_DIR: &str = "data";
/// The locale others are compared with, unless `--reference` or data/ say otherwise.
pub(crate) const REFERENCE: &str = "en";

const EXIT_CODES: &str = "\
Examples:
  statusdb build                          compile locales/ and data/ to SQLite
  statusdb compare 202 403 --locale ru    the page comparing two codes
  statusdb search \"payload too large\"     find a code by the words you remember
  statusdb validate --strict              check every translation (as CI does)
  statusdb export-json                    the content as JSON for static sites
  statusdb export --locale ru --out ru.csv
  statusdb validate --color always | less -R   keep the colours in a pager

Colour: diagnostics are coloured on a terminal; --color always|never
overrides that, and NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured.

Exit codes:
  0  success: nothing to report
  1  the inputs have problems: errors in the sources (or warnings with
     --strict), a malformed data row or CSV, refused import rows, a search
     with no match
  2  the command could not run: bad usage, unreadable or unwritable files,
     a database statusdb cannot use";

/// Compile HTTP status-code facts and Fluent translations into one SQLite
/// database, and keep the translations honest.
#[derive(Debug, Parser)]
#[command(name = "statusdb", version, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
    /// `--color auto|always|never`, accepted by every command.
    #[command(flatten)]
    pub(crate) color: colorchoice_clap::Color,
}

/// Parses the command line. Help is wrapped to the terminal's width on a
/// terminal and never in a pipe, so examples copied from `--help | less` or
/// a file paste as written.
pub fn parse() -> Cli {
    use std::io::IsTerminal;
    let mut command = Cli::command();
    if !std::io::stdout().is_terminal() {
        command = command.term_width(0);
    }
    let matches = command.get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    Build(BuildArgs),
    Compare(CompareArgs),
    Search(SearchArgs),
    Validate(ValidateArgs),
    Export(ExportArgs),
    ExportJson(ExportJsonArgs),
    Import(ImportArgs),
}

/// Where statusdb's own sources are.
#[derive(Debug, Args)]
pub(crate) struct SourceArgs {
    /// Folder of locale folders: DIR/<tag>/**/*.ftl [default: ./locales if
    /// it exists, else the content built into statusdb]
    #[arg(long, value_name = "DIR")]
    pub(crate) locales: Option<PathBuf>,
    /// Folder holding status-codes.csv, aliases.csv and locales.csv
    /// [default: ./data if it exists, else the content built into statusdb]
    #[arg(long, value_name = "DIR")]
    pub(crate) data: Option<PathBuf>,
}

impl SourceArgs {
    /// Where the sources come from: the flags, then the current folder,
    /// then the built-in content.
    pub(crate) fn origins(&self) -> crate::source::Origins {
        crate::source::Origins::resolve(self.locales.as_deref(), self.data.as_deref())
    }
}

/// Compile data/ and locales/ into one SQLite database.
///
/// Checks the sources first: any error stops the build and the previous
/// database stays untouched. The file is written to a temporary file and
/// renamed into place, so readers never see a half-written database.
#[derive(Debug, Args)]
#[command(after_help = concat!("Examples:
  statusdb build
  statusdb build --out dist/statusdb.sqlite
  statusdb build --datasette-metadata metadata.json
  datasette statusdb.sqlite -m metadata.json
  sqlite3 statusdb.sqlite \\
    \"SELECT title FROM pair_comparison
     WHERE locale='ru' AND code_a=202 AND code_b=403\"

", "Exit codes: 0 built, 1 the sources have errors, 2 could not run"))]
pub(crate) struct BuildArgs {
    #[command(flatten)]
    pub(crate) sources: SourceArgs,
    /// The database to write
    #[arg(long, value_name = "FILE", default_value = "statusdb.sqlite")]
    pub(crate) out: PathBuf,
    /// Also write Datasette's metadata.json for it (descriptions of every
    /// table and column): `datasette statusdb.sqlite -m FILE`
    #[arg(long, value_name = "FILE")]
    pub(crate) datasette_metadata: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum PageFormat {
    Text,
    Markdown,
    Json,
}

/// Show the page comparing two status codes, in any locale.
///
/// Reads the database given by --db; when that file does not exist, builds
/// one in memory from the sources.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  statusdb compare 202 403
  statusdb compare 202 403 --locale ru
  statusdb compare 301 308 --locale en --format markdown
  statusdb compare 401 403 --format json

Exit codes: 0 shown, 2 unknown code, malformed locale tag, unreadable database")]
pub(crate) struct CompareArgs {
    /// First status code, e.g. 202
    pub(crate) code_a: u16,
    /// Second status code, e.g. 403
    pub(crate) code_b: u16,
    /// Language of the page (BCP 47 tag). Negotiated as browsers' tags are:
    /// ru-RU gets ru, an unknown language the reference (said on stderr)
    #[arg(long, default_value = "en")]
    pub(crate) locale: String,
    /// Built database to read
    #[arg(long, value_name = "FILE", default_value = "statusdb.sqlite")]
    pub(crate) db: PathBuf,
    /// Output format (the JSON schema is documented in the README)
    #[arg(long, value_enum, default_value = "text")]
    pub(crate) format: PageFormat,
    #[command(flatten)]
    pub(crate) sources: SourceArgs,
}

/// Find status codes by the words you remember, in your language.
///
/// Matches names, reason phrases, former names (aliases) and the text of each
/// code. Case, е/ё/э and word endings do not matter; codes matching every word
/// come first, and when none does, codes matching any word are listed.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  statusdb search \"payload too large\"
  statusdb search запрещено --locale ru
  statusdb search \"rate limit\" --limit 3 --format json

Exit codes: 0 found, 1 nothing matched, 2 could not run")]
pub(crate) struct SearchArgs {
    /// Words to look for
    #[arg(required = true, num_args = 1..)]
    pub(crate) query: Vec<String>,
    /// Language to search in (BCP 47 tag) [default: every locale written in
    /// the query's script]
    #[arg(long)]
    pub(crate) locale: Option<String>,
    /// Most results to show (1 or more)
    #[arg(long, default_value_t = 10, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub(crate) limit: usize,
    /// Built database to read
    #[arg(long, value_name = "FILE", default_value = "statusdb.sqlite")]
    pub(crate) db: PathBuf,
    /// Output format (the JSON schema is documented in the README)
    #[arg(long, value_enum, default_value = "text")]
    pub(crate) format: ReportFormat,
    #[command(flatten)]
    pub(crate) sources: SourceArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ReportFormat {
    Text,
    Json,
}

/// Check a Fluent locale tree: what is missing, obsolete, broken or suspicious.
///
/// Works on any tree laid out as DIR/<locale>/**/*.ftl; files are matched by
/// their path relative to the locale folder. Without --locales it checks
/// statusdb's own locales/ against data/, including every rendered pair page.
/// With --config it reads a compare-locales project configuration (or a
/// cargo-i18n i18n.toml) instead: the positionals are then
/// [L10N_BASE] [LOCALE...], as for compare-locales.
#[derive(Debug, Args)]
#[command(after_help = concat!("Examples:
  statusdb validate
  statusdb validate --locales path/to/l10n --reference en-US de fr
  statusdb validate --config l10n.toml
  statusdb validate --config l10n.toml path/to/l10n-base de fr
  statusdb validate --config i18n.toml
  statusdb validate --format json > report.json
  statusdb validate --strict
  statusdb validate --config l10n.toml --missing warning --min-percent 80
  statusdb validate --config l10n.toml --format github
  statusdb validate --config l10n.toml --format sarif > statusdb.sarif
  statusdb validate --config l10n.toml --baseline base.txt --update-baseline

", "Exit codes: 0 clean, 1 errors found (or warnings with --strict, or a locale
below --min-percent), 2 could not run"))]
pub(crate) struct ValidateArgs {
    /// Locales to check (default: every folder in the tree, or the config's
    /// locales); with --config, an l10n base folder may come first
    #[arg(value_name = "LOCALE")]
    pub(crate) only: Vec<String>,
    /// compare-locales project configuration (l10n.toml), or cargo-i18n's
    /// i18n.toml, that says which files each locale translates and how its
    /// gaps count
    #[arg(long, value_name = "FILE", conflicts_with_all = ["locales", "data", "reference"])]
    pub(crate) config: Option<PathBuf>,
    /// Folder of locale folders: DIR/<tag>/**/*.ftl
    #[arg(long, value_name = "DIR")]
    pub(crate) locales: Option<PathBuf>,
    /// statusdb data folder: turns on the checks that tie text to status codes
    #[arg(long, value_name = "DIR")]
    pub(crate) data: Option<PathBuf>,
    /// The locale the others are compared with [default: the reference of
    /// data/locales.csv when checking statusdb's own content, else en]
    #[arg(long, value_name = "TAG")]
    pub(crate) reference: Option<String>,
    /// Fail on warnings too (what CI should run)
    #[arg(long)]
    pub(crate) strict: bool,
    /// Output format: text, json (schema in the README), github
    /// (workflow annotations for GitHub Actions), or sarif (SARIF 2.1.0, for
    /// code scanning)
    #[arg(long, value_enum, default_value = "text")]
    pub(crate) format: ValidateFormat,
    /// How missing strings and files count: error (default), warning, or
    /// ignore (for projects that ship partial translations by design)
    #[arg(long, value_enum, value_name = "ACTION")]
    pub(crate) missing: Option<crate::check::Action>,
    /// Report only findings this file does not record (today's findings,
    /// written by --update-baseline), so CI fails only on new ones
    #[arg(long, value_name = "FILE")]
    pub(crate) baseline: Option<PathBuf>,
    /// Write every current finding to the --baseline file, then report none
    #[arg(long, requires = "baseline")]
    pub(crate) update_baseline: bool,
    /// Fail when a locale has translated less than N percent of its strings
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub(crate) min_percent: Option<u8>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ValidateFormat {
    Text,
    Json,
    Github,
    Sarif,
}

/// Write the content as JSON for static sites and JavaScript apps.
///
/// One file per locale (DIR/<tag>.json: every code's facts and text, the
/// curated pair notes, the UI strings and the completeness figures) and
/// DIR/index.json listing the locales. The same sources always give the same
/// bytes. The schema is documented in the README (schema_version 1).
#[derive(Debug, Args)]
#[command(after_help = concat!("Examples:
  statusdb export-json
  statusdb export-json --out site/data/statusdb
  jq '.codes[] | select(.code == 403) | .name' statusdb-json/ru.json

", "Exit codes: 0 written, 1 the sources have errors, 2 could not run"))]
pub(crate) struct ExportJsonArgs {
    #[command(flatten)]
    pub(crate) sources: SourceArgs,
    /// The folder to write into (created when missing)
    #[arg(long, value_name = "DIR", default_value = "statusdb-json")]
    pub(crate) out: PathBuf,
}

/// Which tree and which locales a transfer works on.
#[derive(Debug, Args)]
pub(crate) struct TransferArgs {
    /// The locale to export or import (BCP 47 tag)
    #[arg(long, value_name = "TAG")]
    pub(crate) locale: String,
    /// Folder of locale folders: DIR/<tag>/**/*.ftl
    #[arg(long, value_name = "DIR", default_value = LOCALES_DIR)]
    pub(crate) locales: PathBuf,
    /// The locale translators translate from
    #[arg(long, value_name = "TAG", default_value = REFERENCE)]
    pub(crate) reference: String,
}

/// Write a file for translators: one unit per message value or attribute.
///
/// Formats: csv (default; columns key, file, reference, translation, status,
/// comment, variables, fingerprint, translation_fingerprint; cells a
/// spreadsheet would run as a formula get a leading quote, which import
/// removes), po (gettext, for
/// Poedit, Weblate and Crowdin: msgctxt is the key, number selects become
/// msgid_plural with the locale's CLDR plural forms), xliff (XLIFF 1.2, what
/// most CAT tools import) and xliff2 (XLIFF 2.1). In XLIFF placeables are
/// protected inline codes and a select is a group of variant units.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  statusdb export --locale ru --out ru.csv
  statusdb export --locale ru --only missing --out todo.csv
  statusdb export --locale ru --excel --out ru-excel.csv
  statusdb export --locale ru --format po --out ru.po
  statusdb export --locale ru --format xliff --out ru.xlf

Exit codes: 0 written, 2 could not run")]
pub(crate) struct ExportArgs {
    #[command(flatten)]
    pub(crate) transfer: TransferArgs,
    /// Only rows with these statuses (comma-separated)
    #[arg(long, value_enum, value_delimiter = ',')]
    pub(crate) only: Vec<crate::transfer::Status>,
    /// The file format
    #[arg(long, value_enum, default_value = "csv")]
    pub(crate) format: crate::transfer::format::Format,
    /// Start the CSV with a UTF-8 byte order mark
    #[arg(long, conflicts_with = "excel")]
    pub(crate) bom: bool,
    /// Write the CSV as Excel opens it in any locale: tab-separated UTF-16
    /// with a byte order mark ("Unicode text")
    #[arg(long)]
    pub(crate) excel: bool,
    /// The file to write (default: standard output)
    #[arg(long, value_name = "FILE")]
    pub(crate) out: Option<PathBuf>,
}

/// Apply a translator's CSV, PO or XLIFF file to the locale's .ftl files.
///
/// The format is read from the file: XLIFF (1.2 or 2.x) starts with `<`, a
/// PO file with a comment or msgid, a CSV with its header row. Changes only the bytes of each changed
/// message or attribute; comments, blank lines, order and line endings stay
/// as they are. Units are refused when the reference changed since export
/// (fingerprint), when the tree's translation changed since export (unless
/// --overwrite), when the text is not valid Fluent or uses unknown
/// variables, or when the key is unknown. By default one refused unit means
/// nothing is written.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  statusdb import ru.csv --locale ru --dry-run
  statusdb import ru.csv --locale ru
  statusdb import ru.po --locale ru --partial
  statusdb import ru.xlf --locale ru --overwrite

Exit codes: 0 applied, 1 rows refused or the CSV is malformed, 2 could not run")]
pub(crate) struct ImportArgs {
    /// The CSV, PO or XLIFF file to read
    pub(crate) file: PathBuf,
    #[command(flatten)]
    pub(crate) transfer: TransferArgs,
    /// Show what would change; write nothing
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// Apply the valid rows even when others are refused
    #[arg(long)]
    pub(crate) partial: bool,
    /// Replace translations that changed in the tree since the export
    #[arg(long)]
    pub(crate) overwrite: bool,
}
