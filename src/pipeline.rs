//! The stages in order: load the sources, check them, render them. Commands
//! compose these; each stage takes what the previous one produced.

use std::path::Path;

use crate::check::{self, Diagnostic, Options, Report};
use crate::error::{Error, Result};
use crate::render::{self, Rendered};
use crate::source::{self, Facts, LocaleTree};

/// statusdb's own sources, loaded once.
pub struct Sources {
    pub facts: Facts,
    pub tree: LocaleTree,
}

/// Loads `data/` and the locale tree, reporting `(files parsed, total)`.
pub fn load(
    locales: &Path,
    data: &Path,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Sources> {
    let facts = source::facts::load(data)?;
    let tree = source::tree::load_with_progress(locales, &[], progress)?;
    Ok(Sources { facts, tree })
}

impl Sources {
    /// Runs the checks a build needs, including the ones tying the text to
    /// `data/`; the warning-only lints are `validate`'s job.
    pub fn check(&self) -> Result<Report> {
        check::check(
            &self.tree,
            &Options {
                reference: self.facts.reference().tag.as_str(),
                facts: Some(&self.facts),
                lint: false,
            },
        )
    }

    /// Renders the content; refuses when the report has errors that would
    /// publish broken text (gaps in a translation only fall back).
    pub fn render(&self, report: &Report, what: &'static str) -> Result<Rendered> {
        let errors = blocking(report).len();
        if errors > 0 {
            return Err(Error::Findings { what, errors });
        }
        Ok(render::render(&self.tree, &self.facts, &report.summaries))
    }
}

/// The errors that stop a build.
pub fn blocking(report: &Report) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.blocks_build())
        .cloned()
        .collect();
    crate::report::sort(&mut found);
    found
}
