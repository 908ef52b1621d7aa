//! A locale's verdict: its findings and counts, added up over the parts
//! it was checked in, then sorted and summed up for the report.

use rayon::prelude::*;

use super::diagnostic::{Diagnostic, Severity, sort};
use super::{LocaleSummary, Report, completeness};

/// One locale's findings and counts, final.
pub(crate) struct Verdict {
    pub(super) tag: String,
    pub(super) is_reference: bool,
    pub(super) counts: completeness::Counts,
    pub(super) found: Vec<Diagnostic>,
}

impl Verdict {
    /// Adds what another part of the same locale found.
    pub(crate) fn add(&mut self, part: Verdict) {
        self.counts.add(part.counts);
        self.found.extend(part.found);
    }
}

/// The report of every locale's verdict, each one's findings sorted and counted.
pub(crate) fn report(verdicts: Vec<Verdict>) -> Report {
    let done: Vec<_> = verdicts
        .into_par_iter()
        .map(|mut v| {
            // In report order already: the final sort then merges sorted
            // runs instead of ordering every finding on one core.
            sort(&mut v.found);
            (summary(&v.tag, v.is_reference, v.counts, &v.found), v.found)
        })
        .collect();
    let mut report = Report::default();
    for (summary, found) in done {
        report.summaries.push(summary);
        report.diagnostics.extend(found);
    }
    report
}

fn summary(
    tag: &str,
    is_reference: bool,
    counts: completeness::Counts,
    found: &[Diagnostic],
) -> LocaleSummary {
    let errors = found
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let percent = match counts.total {
        0 => 100.0,
        total => (counts.translated as f64 * 1000.0 / total as f64).round() / 10.0,
    };
    LocaleSummary {
        locale: tag.to_string(),
        is_reference,
        total: counts.total,
        translated: counts.translated,
        missing: counts.total - counts.translated,
        missing_entries: counts.missing_entries,
        obsolete: counts.obsolete,
        errors,
        warnings: found.len() - errors,
        percent,
    }
}
