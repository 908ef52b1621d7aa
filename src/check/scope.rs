//! What a project's own configuration makes of a locale's files and
//! entries: compare-locales' filters, applied by the completeness checks.

use std::path::PathBuf;

use serde::Deserialize;

use super::diagnostic::Severity;

/// What a filter does to what it matches; stricter actions sort higher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Ignore,
    Warning,
    Error,
}

impl Action {
    /// The severity of a finding this action keeps, if it keeps it.
    pub(crate) fn severity(self) -> Option<Severity> {
        match self {
            Action::Ignore => None,
            Action::Warning => Some(Severity::Warning),
            Action::Error => Some(Severity::Error),
        }
    }
}

/// Which reference files a locale translates, where, and how its filters
/// judge a gap. Without one, every locale translates every reference file.
pub trait Scope: Sync {
    /// Whether `locale` translates the reference file `rel` at all.
    fn translates(&self, locale: &str, rel: &str) -> bool;
    /// What the filters do to the file `rel`, or to `key` in it.
    fn action(&self, locale: &str, rel: &str, key: Option<&str>) -> Action;
    /// Where `locale` keeps its translation of `rel`.
    fn l10n_path(&self, locale: &str, rel: &str) -> Option<PathBuf>;
}
