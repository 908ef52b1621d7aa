//! GitHub Actions workflow commands: one annotation per finding, shown on
//! the pull request's diff (`::error file=…,line=…,col=…,title=…::message`).

use std::path::Path;

use crate::check::{Diagnostic, Severity};

/// Every finding as an annotation line, with paths relative to `base` (the
/// workspace, so that GitHub places them on the diff); `notes` (e.g.
/// thresholds missed) become error annotations without a place.
pub(crate) fn github(diagnostics: &[Diagnostic], notes: &[String], base: &Path) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = Vec::new();
        if let Some(file) = &d.file {
            props.push(format!("file={}", property(&super::relative(file, base))));
            if d.line > 0 {
                props.push(format!("line={},col={}", d.line, d.column.max(1)));
            }
        }
        let locale = d
            .locale
            .as_deref()
            .map(|l| format!(" ({l})"))
            .unwrap_or_default();
        props.push(format!(
            "title={}",
            property(&format!("{}{locale}", d.rule))
        ));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message = format!("{message}\n{help}");
        }
        out.push_str(&format!(
            "::{level} {}::{}\n",
            props.join(","),
            data(&message)
        ));
    }
    for note in notes {
        out.push_str(&format!("::error::{}\n", data(note)));
    }
    out
}

/// Escapes a message as the runner reads it.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value, where `:` and `,` also separate.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Rule;

    #[test]
    fn annotations_escape_what_the_runner_would_split_on() {
        let mut d = Diagnostic::new(Rule::MissingMessage, "50% of `a`\nis gone");
        d.file = Some("/ws/l10n/de,x:y.ftl".into());
        d.line = 3;
        d.column = 1;
        d.locale = Some("de".into());
        assert_eq!(
            github(&[d], &["de is 10% translated".into()], Path::new("/ws")),
            "::error file=l10n/de%2Cx%3Ay.ftl,line=3,col=1,title=missing-message (de)::50%25 of `a`%0Ais gone\n::error::de is 10%25 translated\n"
        );
    }
}
