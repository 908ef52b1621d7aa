//! A baseline: today's findings, recorded so that CI fails only on new ones.
//! A finding is known by its rule, locale and message (which names the id),
//! not by its line, so edits elsewhere in a file do not make it new.

use std::collections::BTreeSet;
use std::path::Path;

use crate::check::Diagnostic;
use crate::error::Result;

/// A finding's identity; SARIF's fingerprints hash it too.
pub(super) fn fingerprint(d: &Diagnostic) -> String {
    format!(
        "{}\t{}\t{}",
        d.rule,
        escaped(d.locale.as_deref().unwrap_or("")),
        escaped(&d.message)
    )
}

/// One finding, one line: a message may quote a translation's tabs and
/// line breaks, which would otherwise split its record and never match.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// The baseline file's text: one fingerprint a line, sorted.
pub(crate) fn render(diagnostics: &[Diagnostic]) -> String {
    let lines: BTreeSet<String> = diagnostics.iter().map(fingerprint).collect();
    lines.into_iter().map(|l| l + "\n").collect()
}

/// Reads `path`; `known(d)` then says whether a finding was recorded.
pub(crate) fn load(path: &Path) -> Result<impl Fn(&Diagnostic) -> bool> {
    let text = crate::source::input::read_text(path)?;
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

    #[test]
    fn a_message_with_line_breaks_and_tabs_stays_one_record() {
        let d = Diagnostic::new(Rule::Identical, "text `a\tb\r\nc\\n` is identical").locale("de");
        let text = render(std::slice::from_ref(&d));
        assert_eq!(
            text,
            "identical\tde\ttext `a\\tb\\r\\nc\\\\n` is identical\n"
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.txt");
        std::fs::write(&path, text).unwrap();
        assert!(load(&path).unwrap()(&d));
        let plain = Diagnostic::new(Rule::Identical, "text `a\\tb` is identical").locale("de");
        assert!(!load(&path).unwrap()(&plain));
    }
}
