//! The one error type every stage returns, and the exit codes it maps to.

use std::path::PathBuf;

/// Exit status: the run was clean.
pub(crate) const EXIT_OK: u8 = 0;
/// Exit status: the inputs have problems (diagnostics, refused rows, bad data).
pub(crate) const EXIT_FINDINGS: u8 = 1;
/// Exit status: the command could not run (usage, I/O, database).
pub(crate) const EXIT_ERROR: u8 = 2;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("cannot {action} '{}': {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A data or CSV file has a malformed row; `line` is 1-based.
    #[error("{}:{line}: {message}", path.display())]
    Data {
        path: PathBuf,
        line: u64,
        message: String,
    },
    /// The Fluent sources have errors; the diagnostics were reported already.
    #[error("{what}: {errors} error(s) in the sources, listed above; fix them and run again")]
    Findings { what: &'static str, errors: usize },
    /// The user asked for something that does not exist or does not fit.
    #[error("{0}")]
    Usage(String),
    /// SQLite refused an operation.
    #[error("database '{}': {source}", path.display())]
    Database {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    /// The database was written by a newer statusdb.
    #[error(
        "database {} has schema version {found}, newer than the {known} this statusdb knows; \
         upgrade statusdb or rebuild the database",
        path.display()
    )]
    SchemaTooNew {
        path: PathBuf,
        found: i64,
        known: usize,
    },
}

impl Error {
    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
        source: std::io::Error,
    ) -> Self {
        Error::Io {
            action,
            path: path.into(),
            source,
        }
    }

    pub(crate) fn db(path: impl Into<PathBuf>, source: rusqlite::Error) -> Self {
        Error::Database {
            path: path.into(),
            source,
        }
    }

    /// The process exit status for this error (see `--help`).
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Data { .. } | Error::Findings { .. } => EXIT_FINDINGS,
            _ => EXIT_ERROR,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
