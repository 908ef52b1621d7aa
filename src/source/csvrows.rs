//! Typed rows from the CSV files in `data/`, with errors that name file and line.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

/// A deserialized row and its 1-based line in the file.
pub(crate) struct Row<T> {
    pub(crate) line: u64,
    pub(crate) value: T,
}

/// Parses every row of the CSV `bytes` (read from `path`) as `T`, using the
/// header row to match columns.
pub(crate) fn parse<T: DeserializeOwned>(path: &Path, bytes: &[u8]) -> Result<Vec<Row<T>>> {
    // Spreadsheets often save a byte-order mark; it is not part of the header.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| csv_error(path, bytes, &e))?
        .clone();
    let mut rows = Vec::new();
    let mut lines = RecordLines::new(bytes);
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(path, bytes, &e))?;
        let line = lines.line(record.position());
        let value = record
            .deserialize(Some(&headers))
            .map_err(|e| csv_error(path, bytes, &e))?;
        rows.push(Row { line, value });
    }
    Ok(rows)
}

/// A data error at `line` of `path`.
pub(crate) fn data_error(path: &Path, line: u64, message: impl Into<String>) -> Error {
    Error::Data {
        path: path.to_path_buf(),
        line,
        message: message.into(),
    }
}

/// The 1-based line where a record starts. In a CRLF file the csv crate
/// places a record at the `\n` that ends the previous line (and counts its
/// lines one short), so line endings before the record are skipped first.
pub(crate) fn line_at(bytes: &[u8], position: Option<&csv::Position>) -> u64 {
    position.map_or(1, |p| super::lines::line_of(bytes, record_start(bytes, p)))
}

/// The byte offset of a record's first cell (see [`line_at`]).
fn record_start(bytes: &[u8], position: &csv::Position) -> usize {
    let start = usize::try_from(position.byte()).unwrap_or(usize::MAX);
    let skipped = bytes.get(start..).map_or(0, |rest| {
        rest.iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count()
    });
    start.saturating_add(skipped)
}

/// [`line_at`] for records read in order: each call counts only the line
/// endings since the previous record, where counting from the start of the
/// file for every record made reading a CSV quadratic in its rows.
pub(crate) struct RecordLines<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> RecordLines<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        RecordLines {
            bytes,
            offset: 0,
            line: 1,
        }
    }

    pub(crate) fn line(&mut self, position: Option<&csv::Position>) -> u64 {
        let Some(position) = position else {
            return 1;
        };
        let start = record_start(self.bytes, position).min(self.bytes.len());
        if start < self.offset {
            (self.offset, self.line) = (0, 1);
        }
        self.line += super::lines::line_of(&self.bytes[self.offset..start], usize::MAX) - 1;
        self.offset = start;
        self.line
    }
}

/// A CSV reading error in `bytes` as a data error at its line.
pub(crate) fn csv_error(path: &Path, bytes: &[u8], err: &csv::Error) -> Error {
    let line = line_at(bytes, err.position());
    let message = match err.kind() {
        csv::ErrorKind::Utf8 { .. } => "invalid UTF-8; save the file as UTF-8".to_string(),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!(
            "the row has {len} fields but the header has {expected_len}; check for a stray comma or an unterminated quote"
        ),
        csv::ErrorKind::Deserialize { err, .. } => match err.field() {
            Some(field) => format!("column {}: {}", field + 1, err.kind()),
            None => err.kind().to_string(),
        },
        _ => err.to_string(),
    };
    data_error(path, line, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_lines_count_as_line_at_does() {
        for text in [
            "a,b\n1,2\n\"x\ny\",3\n4,5\n",
            "a,b\r\n1,2\r\n\"x\r\ny\",3\r\n\r\n4,5\r\n",
        ] {
            let bytes = text.as_bytes();
            let mut reader = csv::ReaderBuilder::new().from_reader(bytes);
            let mut lines = RecordLines::new(bytes);
            let mut seen = Vec::new();
            for record in reader.records() {
                let position = record.unwrap().position().cloned();
                let line = lines.line(position.as_ref());
                assert_eq!(line, line_at(bytes, position.as_ref()));
                seen.push(line);
            }
            assert_eq!(seen, [2, 3, 5 + u64::from(text.contains('\r'))]);
        }
    }
}
