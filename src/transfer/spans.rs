//! Translatable units and their exact byte spans in a file, so import can
//! replace one value and leave every other byte alone.
//!
//! Fluent entries start at column 0 and their continuation lines are
//! indented (a closing `}` may sit at column 0); attributes are indented
//! lines starting with `.name =`. The AST decides which entries exist, so a
//! junk entry never yields units.

use std::collections::BTreeSet;
use std::ops::Range;

use crate::source::FtlFile;

/// One message or term value, or one attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unit {
    /// `id`, `id.attr`, `-term` or `-term.attr`.
    pub(crate) key: String,
    /// From just after `=` to the end of the unit's last line.
    pub(crate) span: Range<usize>,
    /// The value as Fluent source, dedented: what a CSV cell holds.
    pub(crate) text: String,
}

/// A message or term: its span and its units in file order.
#[derive(Debug, Clone)]
pub(crate) struct EntrySpan {
    pub(crate) key: String,
    /// From the id to the end of the entry's last non-blank line.
    pub(crate) span: Range<usize>,
    pub(crate) units: Vec<Unit>,
}

/// Every message and term of `file` with spans.
pub(crate) fn entries(file: &FtlFile) -> Vec<EntrySpan> {
    let known: BTreeSet<usize> = file
        .entries()
        .filter_map(|e| file.key_span(e))
        .map(|span| span.start)
        .collect();
    let source = file.source();
    let lines = crate::source::lines::ranges(source);
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let start = lines[i].start;
        let mut end = i + 1;
        while end < lines.len() && !is_top_level(&source[lines[end].clone()]) {
            end += 1;
        }
        if known.contains(&start) {
            out.push(entry(source, &lines[i..end]));
        }
        i = end;
    }
    out
}

fn is_top_level(line: &str) -> bool {
    !line.trim().is_empty() && !line.starts_with([' ', '}'])
}

fn entry(source: &str, lines: &[Range<usize>]) -> EntrySpan {
    let first = &source[lines[0].clone()];
    let eq = first.find('=').unwrap_or(first.len());
    let key = first[..eq].trim().to_string();
    let last = lines
        .iter()
        .rposition(|l| !source[l.clone()].trim().is_empty())
        .unwrap_or(0);
    let lines = &lines[..=last];
    // Units start at the `=` of the first line and of every attribute line.
    let mut starts: Vec<(Option<String>, usize, usize)> = vec![(None, 0, lines[0].start + eq + 1)];
    for (n, line) in lines.iter().enumerate().skip(1) {
        if let Some((name, after_eq)) = attribute(&source[line.clone()]) {
            starts.push((Some(name), n, line.start + after_eq));
        }
    }
    let mut units = Vec::new();
    for (k, (attr, n, from)) in starts.iter().enumerate() {
        let next_line = starts.get(k + 1).map_or(lines.len(), |s| s.1);
        let last_line = (*n..next_line)
            .rev()
            .find(|&l| !source[lines[l].clone()].trim().is_empty())
            .unwrap_or(*n);
        let span = *from..lines[last_line].end.max(*from);
        let unit_key = match attr {
            Some(name) => format!("{key}.{name}"),
            None => key.clone(),
        };
        let text = cell_text(&source[span.clone()]);
        if attr.is_some() || !text.is_empty() {
            units.push(Unit {
                key: unit_key,
                span,
                text,
            });
        }
    }
    EntrySpan {
        key,
        span: lines[0].start..lines[last].end,
        units,
    }
}

/// `    .title = x` gives `("title", offset just after "=")`.
fn attribute(line: &str) -> Option<(String, usize)> {
    let trimmed = line.trim_start();
    let indent = line.len() - trimmed.len();
    let rest = trimmed.strip_prefix('.')?;
    let name_len = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))?;
    let after = rest[name_len..].trim_start();
    if indent == 0 || name_len == 0 || !after.starts_with('=') {
        return None;
    }
    let eq = line.len() - after.len();
    Some((rest[..name_len].to_string(), eq + 1))
}

/// A value's source as a cell: the first line without its leading spaces,
/// continuation lines dedented by their common indentation, `\r` dropped.
pub(crate) fn cell_text(raw: &str) -> String {
    let raw = raw.replace("\r\n", "\n");
    let mut parts = raw.split('\n');
    let first = parts.next().unwrap_or("").trim_start().to_string();
    let rest: Vec<&str> = parts.collect();
    let indent = rest
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut lines: Vec<String> = rest
        .iter()
        .map(|l| l.get(indent..).unwrap_or("").to_string())
        .collect();
    if !first.is_empty() {
        lines.insert(0, first);
    }
    lines.join("\n").trim_end().to_string()
}

/// The source that puts `text` after `=`: on the same line when it is one
/// line, else indented on the following lines, with the file's line ending.
pub(crate) fn value_source(text: &str, eol: &str) -> String {
    let Some((first, rest)) = text.split_once('\n') else {
        return format!(" {text}");
    };
    // An indented line starting with `[`, `*` or `.` would read as a
    // variant or an attribute: such a first line stays beside the `=`.
    if first.starts_with(['[', '*', '.']) {
        return format!(" {first}{eol}{}", indented(rest, eol));
    }
    format!("{eol}{}", indented(text, eol))
}

/// Every non-empty line indented by four spaces, joined by `eol`.
fn indented(text: &str, eol: &str) -> String {
    let lines: Vec<String> = text
        .split('\n')
        .map(|l| match l.is_empty() {
            true => String::new(),
            false => format!("    {l}"),
        })
        .collect();
    lines.join(eol)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn parse(src: &str) -> FtlFile {
        FtlFile::parse(Path::new("t.ftl"), "t.ftl".into(), src.as_bytes().to_vec()).unwrap()
    }

    #[test]
    fn spans_cover_values_and_attributes_exactly() {
        let src = "# c\nhello = Hi\n    .title = T\n\nfiles =\n    { $n ->\n        [one] one\n       *[other] many\n    }\n-term = X\r\n";
        let file = parse(src);
        let entries = entries(&file);
        let keys: Vec<&str> = entries
            .iter()
            .flat_map(|e| e.units.iter().map(|u| u.key.as_str()))
            .collect();
        assert_eq!(keys, ["hello", "hello.title", "files", "-term"]);
        let units: Vec<&Unit> = entries.iter().flat_map(|e| &e.units).collect();
        assert_eq!(&src[units[0].span.clone()], " Hi");
        assert_eq!(&src[units[1].span.clone()], " T");
        assert_eq!(units[2].text, "{ $n ->\n    [one] one\n   *[other] many\n}");
        assert_eq!(units[3].text, "X");
    }

    #[test]
    fn junk_yields_no_units() {
        let file = parse("broken = { $\nok = fine\n");
        let keys: Vec<String> = entries(&file).into_iter().map(|e| e.key).collect();
        assert_eq!(keys, ["ok"]);
    }

    #[test]
    fn values_render_back_to_source() {
        assert_eq!(value_source("Hi", "\n"), " Hi");
        assert_eq!(
            value_source("{ $n ->\n   *[other] x\n}", "\r\n"),
            "\r\n    { $n ->\r\n       *[other] x\r\n    }"
        );
        assert_eq!(value_source("[beta] a\nb", "\n"), " [beta] a\n    b");
    }
}
