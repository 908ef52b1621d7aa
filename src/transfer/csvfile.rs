//! The translator's CSV: translation units as rows, spreadsheet-safe
//! cells, strict reading. The columns are documented in the README.

use std::path::Path;

use serde::Deserialize;

use super::unit::{Status, TranslationUnit};
use crate::error::Result;
use crate::source::csvrows::{csv_error, data_error as data, line_at};

/// A row as read, before its status is interpreted.
#[derive(Deserialize)]
struct Row {
    key: String,
    file: String,
    reference: String,
    translation: String,
    status: String,
    comment: String,
    variables: String,
    fingerprint: String,
}

impl Row {
    fn into_unit(self, line: u64) -> TranslationUnit {
        TranslationUnit {
            status: Status::parse(&self.status),
            key: self.key,
            file: self.file,
            reference: self.reference,
            translation: self.translation,
            comment: self.comment,
            variables: self.variables,
            fingerprint: self.fingerprint,
            line,
        }
    }
}

pub(crate) const HEADER: [&str; 8] = [
    "key",
    "file",
    "reference",
    "translation",
    "status",
    "comment",
    "variables",
    "fingerprint",
];

/// Characters that make a spreadsheet run a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Prefixes a quote to cells a spreadsheet would run; a cell that already
/// starts with a quote gets one too, so [`restore`] is exact.
fn neutralize(cell: &str) -> String {
    match cell.starts_with(FORMULA_START) || cell.starts_with('\'') {
        true => format!("'{cell}"),
        false => cell.to_string(),
    }
}

/// Removes the quote [`neutralize`] added, and only that one: a cell a
/// translator starts with a quote (`'s-Hertogenbosch`) keeps it.
fn restore(cell: String) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) || rest.starts_with('\'') => rest.to_string(),
        _ => cell,
    }
}

/// The CSV bytes for `units`, optionally with a UTF-8 BOM for Excel.
pub fn write(units: &[TranslationUnit], bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(HEADER).expect("writing to memory");
    for unit in units {
        let cells = [
            unit.key.as_str(),
            &unit.file,
            &unit.reference,
            &unit.translation,
            unit.status.map_or("", Status::name),
            &unit.comment,
            &unit.variables,
            &unit.fingerprint,
        ];
        writer
            .write_record(cells.map(neutralize))
            .expect("writing to memory");
    }
    writer.into_inner().expect("writing to memory")
}

/// Reads a translator's CSV; any malformed part fails with its line.
pub fn read(path: &Path) -> Result<Vec<TranslationUnit>> {
    let bytes = crate::source::input::read(path)?;
    parse(path, &bytes)
}

/// Parses CSV bytes; `path` only names the file in errors.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Vec<TranslationUnit>> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        let why = format!(
            "the file is empty; it needs the header row {}",
            HEADER.join(",")
        );
        return Err(data(path, 1, why));
    }
    let mut reader = csv::ReaderBuilder::new().from_reader(bytes);
    let header = reader
        .headers()
        .map_err(|e| csv_error(path, bytes, &e))?
        .clone();
    if header.iter().ne(HEADER) {
        let found: Vec<&str> = header.iter().collect();
        return Err(data(
            path,
            1,
            format!(
                "the header is `{}`; it must be `{}` (export a fresh CSV to get it)",
                found.join(","),
                HEADER.join(",")
            ),
        ));
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(path, bytes, &e))?;
        let line = line_at(bytes, record.position());
        let restored: csv::StringRecord = record.iter().map(|c| restore(c.to_string())).collect();
        let row: Row = restored
            .deserialize(Some(&header))
            .map_err(|e| csv_error(path, bytes, &e))?;
        rows.push(row.into_unit(line));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralized_and_restored_exactly() {
        for cell in [
            "=SUM(A1)", "+1", "-brand", "@x", "\tx", "\rx", "'quoted", "''", "plain", "",
        ] {
            assert_eq!(restore(neutralize(cell)), cell);
            assert!(!neutralize(cell).starts_with(FORMULA_START));
        }
        // A quote a translator typed is text, not export's mark.
        assert_eq!(restore("'s-Hertogenbosch".into()), "'s-Hertogenbosch");
    }
}
