//! Findings as values: the checks return them, the report prints them.

use std::ops::Range;

use serde::Serialize;

use super::rule::Rule;
use crate::source::FtlFile;

/// At least one character from `from`, widened to character boundaries and
/// cut at the end of the line (parser errors may point inside a character).
fn char_span(text: &str, from: usize, len: usize) -> Range<usize> {
    let mut start = from.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + len.max(1)).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Severity {
    Error,
    Warning,
}

/// The source line a diagnostic points at, for compiler-style underlining.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Snippet {
    pub(crate) text: String,
    /// Byte range to underline within `text`.
    pub(crate) span: Range<usize>,
}

/// One finding, located in a file where it has a place.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    pub(crate) severity: Severity,
    /// Serialized as its stable name, e.g. `missing-message`.
    pub(crate) rule: Rule,
    pub(crate) locale: Option<String>,
    pub(crate) file: Option<String>,
    /// 1-based; 0 when the finding has no place in a file.
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) help: Option<String>,
    #[serde(skip)]
    pub(crate) snippet: Option<Snippet>,
    /// The message or term it is about, for filters that name keys.
    #[serde(skip)]
    pub(crate) key: Option<String>,
}

impl Diagnostic {
    /// A finding of `rule`, at the rule's default severity.
    pub(crate) fn new(rule: Rule, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: rule.default_severity(),
            rule,
            locale: None,
            file: None,
            line: 0,
            column: 0,
            message: message.into(),
            help: None,
            snippet: None,
            key: None,
        }
    }

    pub(crate) fn locale(mut self, tag: &str) -> Self {
        self.locale = Some(tag.to_string());
        self
    }

    /// Points at `len` bytes from `offset` in `file` and keeps its line for display.
    pub(crate) fn at(mut self, file: &FtlFile, offset: usize, len: usize) -> Self {
        let (line, column) = file.position(offset);
        let (text, start) = file.line(line);
        self.file = Some(file.shown.clone());
        self.key = file.entry_key_at(offset).map(str::to_string);
        self.line = line;
        self.column = column;
        self.snippet = Some(Snippet {
            text: text.to_string(),
            span: char_span(text, offset.saturating_sub(start), len),
        });
        self
    }

    /// Names the entry a finding without a place is about (a missing message).
    pub(crate) fn entry(mut self, key: &str) -> Self {
        self.key = Some(key.to_string());
        self
    }

    /// Names a file without a place in it (e.g. a missing file).
    pub(crate) fn file(mut self, path: impl Into<String>) -> Self {
        self.file = Some(path.into());
        self
    }

    /// Places a finding with a [`file`](Self::file) on a line of it (a
    /// CSV row): the line, at its first column.
    pub(crate) fn line(mut self, line: u64) -> Self {
        self.line = usize::try_from(line).unwrap_or_default();
        self.column = usize::from(self.line > 0);
        self
    }

    /// The severity a configuration gives this finding.
    pub(crate) fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Whether a build must stop for it (see [`Rule::blocks_build`]).
    pub(crate) fn blocks_build(&self) -> bool {
        self.severity == Severity::Error && self.rule.blocks_build()
    }
}

/// Sorts diagnostics in report order, so each locale's and file's findings
/// stand together.
pub(crate) fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (
            &a.locale,
            &a.file,
            a.line,
            a.column,
            a.rule.name(),
            &a.message,
        )
            .cmp(&(
                &b.locale,
                &b.file,
                b.line,
                b.column,
                b.rule.name(),
                &b.message,
            ))
    });
}

#[cfg(test)]
mod tests {
    use super::char_span;

    #[test]
    fn spans_never_split_a_character() {
        let text = "code = { Сервис";
        let at = text.find('С').unwrap();
        assert_eq!(char_span(text, at + 1, 1), at..at + 2);
        assert_eq!(char_span(text, at, 1), at..at + 2);
        assert_eq!(char_span(text, 99, 5), text.len()..text.len());
    }
}
