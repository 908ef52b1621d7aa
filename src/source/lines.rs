//! Byte offsets to 1-based line:column, because the Fluent AST has no positions.

/// Start offsets of every line in one source text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// 1-based line and column (in characters) of `offset` within `text`.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let col = text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line + 1, col)
    }

    /// Byte range of 1-based `line`, without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(text.len(), |&next| next - 1);
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
}
