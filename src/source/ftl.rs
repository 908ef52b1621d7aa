//! One parsed .ftl file: its text, its AST, its parse errors and a line index.

use std::ops::Range;
use std::path::{Path, PathBuf};

use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use fluent_syntax::parser::ParserError;

use super::depth::{MAX_NESTING, too_deep};
use super::lines::{self, LineIndex};
use crate::error::{Error, Result};

/// A Fluent file, parsed once; checks read its AST, rendering adds it to a bundle.
pub struct FtlFile {
    /// Path as the user can open it.
    pub(crate) path: PathBuf,
    /// `path` as findings print it, made once: a tree of many gaps names
    /// the same file in thousands of findings.
    pub(crate) shown: String,
    /// Path relative to the locale folder, with `/` separators: how files are matched.
    pub(crate) rel: String,
    pub(crate) has_bom: bool,
    resource: FluentResource,
    errors: Vec<ParserError>,
    /// Built on first use: most files never need a position reported.
    lines: std::sync::OnceLock<LineIndex>,
    /// Where each entry starts and where its key ends (where it starts,
    /// for junk: no key), as offsets in `u32` (input is far smaller than
    /// 4 GiB); built on first use, when a finding asks which entry it is in.
    starts: std::sync::OnceLock<Vec<(u32, u32)>>,
}

impl FtlFile {
    /// Decodes and parses `bytes`; only invalid UTF-8 is an error here,
    /// Fluent syntax errors are kept for the checks.
    pub fn parse(path: &Path, rel: String, bytes: Vec<u8>) -> Result<Self> {
        let mut text = String::from_utf8(bytes).map_err(|e| invalid_utf8(path, &e))?;
        if let Some(offset) = text.find('\0') {
            return Err(refusal(
                path,
                &text,
                offset,
                "contains a NUL byte, so it is not a text file; remove the byte or restore the file",
            ));
        }
        if let Some(offset) = text.find('\r').filter(|_| !text.contains('\n')) {
            return Err(refusal(
                path,
                &text,
                offset,
                "uses carriage returns (CR) alone as line endings, so Fluent would read the whole file as one line; save it with LF or CRLF line endings",
            ));
        }
        if let Some(offset) = too_deep(&text) {
            let why = format!(
                "placeables are nested more than {MAX_NESTING} levels deep; statusdb refuses such files rather than risk running out of stack"
            );
            return Err(refusal(path, &text, offset, &why));
        }
        let has_bom = text.starts_with('\u{feff}');
        if has_bom {
            text.drain(..3);
        }
        let (resource, errors) = match FluentResource::try_new(text) {
            Ok(resource) => (resource, Vec::new()),
            Err((resource, errors)) => (resource, errors),
        };
        Ok(FtlFile {
            path: path.to_path_buf(),
            shown: path.display().to_string(),
            rel,
            has_bom,
            resource,
            errors,
            lines: std::sync::OnceLock::new(),
            starts: std::sync::OnceLock::new(),
        })
    }

    /// The file's bytes as read (the source, with its byte-order mark).
    pub(crate) fn bytes(&self) -> Vec<u8> {
        let bom = if self.has_bom { "\u{feff}" } else { "" };
        [bom.as_bytes(), self.source().as_bytes()].concat()
    }

    pub(crate) fn source(&self) -> &str {
        self.resource.source()
    }

    pub(crate) fn resource(&self) -> &FluentResource {
        &self.resource
    }

    pub(crate) fn entries(&self) -> impl Iterator<Item = &ast::Entry<&str>> {
        self.resource.entries()
    }

    pub(crate) fn parse_errors(&self) -> &[ParserError] {
        &self.errors
    }

    fn line_index(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(self.source()))
    }

    /// Byte offset of a slice of this file's source (the AST borrows from it).
    pub(crate) fn offset_of(&self, slice: &str) -> usize {
        let base = self.source().as_ptr() as usize;
        (slice.as_ptr() as usize)
            .saturating_sub(base)
            .min(self.source().len())
    }

    /// The key (`id`, or `-id` for a term) of the message or term that the
    /// byte `offset` lies in; `None` before the first entry and in junk.
    pub(crate) fn entry_key_at(&self, offset: usize) -> Option<&str> {
        let starts = self.starts.get_or_init(|| self.entry_starts());
        let after = starts.partition_point(|&(start, _)| start as usize <= offset);
        let (start, end) = starts.get(after.checked_sub(1)?)?;
        (end > start).then(|| self.source().get(*start as usize..*end as usize))?
    }

    fn entry_starts(&self) -> Vec<(u32, u32)> {
        self.entries()
            .filter_map(|entry| match entry {
                ast::Entry::Junk { content } => {
                    let at = self.offset_of(content);
                    Some(at..at)
                }
                _ => self.key_span(entry),
            })
            .map(|span| (span.start as u32, span.end as u32))
            .collect()
    }

    /// Where the key of a message or term lies in the source: `id`, or
    /// `-id` for a term, whose place starts at its `-`; `None` for other
    /// entries.
    pub(crate) fn key_span(&self, entry: &ast::Entry<&str>) -> Option<Range<usize>> {
        let (id, dash) = match entry {
            ast::Entry::Message(m) => (m.id.name, 0),
            ast::Entry::Term(t) => (t.id.name, 1),
            _ => return None,
        };
        let at = self.offset_of(id);
        Some(at.saturating_sub(dash)..at + id.len())
    }

    /// 1-based line:column of a byte offset.
    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        self.line_index().position(self.source(), offset)
    }

    /// The text of 1-based `line` and its byte offset in the source.
    pub(crate) fn line(&self, line: usize) -> (&str, usize) {
        let range = self.line_index().line_range(self.source(), line);
        let start = range.start;
        (&self.source()[range], start)
    }
}

fn refusal(path: &Path, text: &str, offset: usize, why: &str) -> Error {
    Error::Data {
        path: path.to_path_buf(),
        line: lines::line_of(text.as_bytes(), offset),
        message: why.to_string(),
    }
}

fn invalid_utf8(path: &Path, err: &std::string::FromUtf8Error) -> Error {
    let valid = err.utf8_error().valid_up_to();
    Error::Data {
        path: path.to_path_buf(),
        line: lines::line_of(err.as_bytes(), valid),
        message: format!(
            "invalid UTF-8 at byte {valid}; Fluent files must be UTF-8: re-save the file as UTF-8"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_ast_slices_to_positions() {
        let src = "# comment\n\nhello = Hi\n    .title = T\n";
        let file = FtlFile::parse(Path::new("x.ftl"), "x.ftl".into(), src.into()).unwrap();
        let msg = file
            .entries()
            .find_map(|e| match e {
                ast::Entry::Message(m) => Some(m),
                _ => None,
            })
            .unwrap();
        assert_eq!(file.position(file.offset_of(msg.id.name)), (3, 1));
        assert_eq!(
            file.position(file.offset_of(msg.attributes[0].id.name)),
            (4, 6)
        );
    }

    #[test]
    fn an_offset_knows_its_entry() {
        let src = "# c\na = A\n    .t = T\n-term = X\nbroken\nb = B\n";
        let file = FtlFile::parse(Path::new("x.ftl"), "x.ftl".into(), src.into()).unwrap();
        let at = |text: &str| file.entry_key_at(src.find(text).unwrap());
        assert_eq!(at("# c"), None);
        assert_eq!(
            (at("A"), at("T"), at("-term"), at("X")),
            (Some("a"), Some("a"), Some("-term"), Some("-term"))
        );
        assert_eq!(at("broken"), None);
        assert_eq!(at("B"), Some("b"));
    }

    #[test]
    fn strips_a_bom_and_reports_bad_utf8_with_a_line() {
        let file = FtlFile::parse(
            Path::new("b.ftl"),
            "b.ftl".into(),
            b"\xEF\xBB\xBFa = b\n".to_vec(),
        );
        assert!(file.unwrap().has_bom);
        let err = FtlFile::parse(
            Path::new("c.ftl"),
            "c.ftl".into(),
            b"a = b\nc = \xff\n".to_vec(),
        );
        let msg = err.err().unwrap().to_string();
        assert!(
            msg.starts_with("c.ftl:2: invalid UTF-8 at byte 10"),
            "{msg}"
        );
    }
}
