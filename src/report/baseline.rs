//! A baseline: today's findings, recorded so that CI fails only on new ones.
//! A finding is known by its rule, locale and message (which names the id),
//! not by its line, so edits elsewhere in a file do not make it new.

use std::collections::BTreeSet;
use std::path::Path;

use crate::check::Diagnostic;
use crate::error::{Error, Result};

fn fingerprint(d: &Diagnostic) -> String {
    format!(
        "{}\t{}\t{}",
        d.rule,
        d.locale.as_deref().unwrap_or(""),
        d.message
    )
}

/// The baseline file's text: one fingerprint a line, sorted.
pub(crate) fn render(diagnostics: &[Diagnostic]) -> String {
    let lines: BTreeSet<String> = diagnostics.iter().map(fingerprint).collect();
    lines.into_iter().map(|l| l + "\n").collect()
}

/// Reads `path`; `known(d)` then says whether a finding was recorded.
pub(crate) fn load(path: &Path) -> Result<impl Fn(&Diagnostic) -> bool> {
    let text =
        std::fs::read_to_string(path).map_err(|e| Error::io("read the baseline", path, e))?;
    let known: BTreeSet<String> = text.lines().map(str::to_string).collect();
    Ok(move |d: &Diagnostic| known.contains(&fingerprint(d)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Rule;

    #[test]
    fn a_recorded_finding_is_known_wherever_its_line_moves() {
        let mut d = Diagnostic::new(Rule::MissingMessage, "message `a` is missing").locale("de");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.txt");
        std::fs::write(&path, render(std::slice::from_ref(&d))).unwrap();
        let known = load(&path).unwrap();
        d.line = 40;
        assert!(known(&d));
        assert!(!known(
            &Diagnostic::new(Rule::MissingMessage, "message `b` is missing").locale("de")
        ));
    }
}
