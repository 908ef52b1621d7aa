//! Lines of a source text, counted in one place: byte offsets to 1-based
//! line:column (the Fluent AST has no positions), and line ranges.

use std::ops::Range;

/// 1-based line of byte `offset` in `bytes`, which need not be valid UTF-8.
pub(crate) fn line_of(bytes: &[u8], offset: usize) -> u64 {
    let before = &bytes[..offset.min(bytes.len())];
    before.iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

/// Byte ranges of every line without its `\n` or `\r\n`; a final line
/// ending does not start another line.
pub(crate) fn ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices('\n') {
        let end = if text[..i].ends_with('\r') { i - 1 } else { i };
        out.push(start..end);
        start = i + 1;
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Start offsets of every line in one source text.
#[derive(Debug, Clone)]
pub(crate) struct LineIndex {
    /// In `u32`: input is far smaller than 4 GiB, and a tree's files keep
    /// their index while it is checked.
    starts: Vec<u32>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i as u32 + 1))
            .collect();
        LineIndex { starts }
    }

    /// 1-based line and column (in characters) of `offset` within `text`.
    pub(crate) fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s as usize <= offset) - 1;
        let start = self.starts[line] as usize;
        let col = text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line + 1, col)
    }

    /// Byte range of 1-based `line`, without its line ending.
    pub(crate) fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.starts[line - 1] as usize;
        let end = self
            .starts
            .get(line)
            .map_or(text.len(), |&next| next as usize - 1);
        let end = if text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "a = 1\nключ = значение\r\nz";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), (1, 1));
        let z = text.find('z').unwrap();
        assert_eq!(index.position(text, z), (3, 1));
        let eq = text.find("ключ").unwrap() + "ключ".len();
        assert_eq!(index.position(text, eq), (2, 5));
        assert_eq!(&text[index.line_range(text, 2)], "ключ = значение");
    }

    #[test]
    fn ranges_drop_line_endings_and_the_empty_last_line() {
        let text = "a\r\nbc\n\nd";
        let lines: Vec<&str> = ranges(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(lines, ["a", "bc", "", "d"]);
        assert_eq!(ranges("a\n").len(), 1);
        assert!(ranges("").is_empty());
        assert_eq!(line_of(b"a\nb\xff", 3), 2);
    }
}
