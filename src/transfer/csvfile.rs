//! The translator's CSV: translation units as rows, spreadsheet-safe
//! cells, strict reading. The columns are documented in the README.

use std::path::Path;

use super::unit::{Status, TranslationUnit};
use crate::error::Result;
use crate::source::csvrows::{RecordLines, csv_error, data_error as data};

/// A row's cells by position: the header is checked to be [`HEADER`] (or
/// [`OLD_HEADER`], without the last column) before any row is read, and the
/// reader refuses rows of another length. By position, not by serde and
/// the header's names: that cost more than the rest of reading a row.
fn unit(record: &csv::StringRecord, line: u64) -> TranslationUnit {
    let cell = |i: usize| restore(record.get(i).unwrap_or_default());
    TranslationUnit {
        key: cell(0),
        file: cell(1),
        reference: cell(2),
        translation: cell(3),
        status: Status::parse(&cell(4)),
        comment: cell(5),
        variables: cell(6),
        fingerprint: cell(7),
        translation_fingerprint: cell(8),
        needs_review: false,
        source_line: 0,
        line,
    }
}

pub(crate) const HEADER: [&str; 9] = [
    "key",
    "file",
    "reference",
    "translation",
    "status",
    "comment",
    "variables",
    "fingerprint",
    "translation_fingerprint",
];

/// The header of CSVs exported before `translation_fingerprint`: still read.
const OLD_HEADER: [&str; 8] = [
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
fn restore(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) || rest.starts_with('\'') => rest.to_string(),
        _ => cell.to_string(),
    }
}

/// The CSV bytes for `units`, optionally with a UTF-8 BOM.
pub fn write(units: &[TranslationUnit], bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    out.extend(delimited(units, b','));
    out
}

/// What Excel opens cleanly in any locale: tab-separated UTF-16LE with a
/// BOM ("Unicode text"). A comma CSV opens as one column where the list
/// separator is `;` (Russian, German), and UTF-8 without a BOM as mojibake.
pub fn write_excel(units: &[TranslationUnit]) -> Vec<u8> {
    let text = String::from_utf8(delimited(units, b'\t')).expect("the CSV writer writes UTF-8");
    super::encoding::utf16le(&text)
}

fn delimited(units: &[TranslationUnit], delimiter: u8) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
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
            &unit.translation_fingerprint,
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

/// Parses CSV bytes; `path` only names the file in errors. Bytes that are
/// not UTF-8 are read as cp1252.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Vec<TranslationUnit>> {
    parse_as(path, bytes, encoding_rs::WINDOWS_1252).map(|(units, _)| units)
}

/// Parses CSV bytes in any encoding and with any separator a spreadsheet
/// saves (see [`super::encoding`]); `legacy` is the code page to read
/// bytes that are not UTF-8 with, and the note says when it was used.
pub fn parse_as(
    path: &Path,
    bytes: &[u8],
    legacy: &'static encoding_rs::Encoding,
) -> Result<(Vec<TranslationUnit>, Option<String>)> {
    let (text, note) = super::encoding::decode(bytes, legacy);
    let units = parse_text(path, text.as_bytes())?;
    Ok((units, note))
}

/// The separator the header row uses: comma, semicolon or tab.
fn delimiter(bytes: &[u8]) -> u8 {
    let header = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let fits = |d: u8| {
        let n = header.split(|&b| b == d).count();
        n == HEADER.len() || n == OLD_HEADER.len()
    };
    [b',', b';', b'\t']
        .into_iter()
        .find(|&d| fits(d))
        .unwrap_or(b',')
}

fn parse_text(path: &Path, bytes: &[u8]) -> Result<Vec<TranslationUnit>> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        let why = format!(
            "the file is empty; it needs the header row {}",
            HEADER.join(",")
        );
        return Err(data(path, 1, why));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(bytes))
        .from_reader(bytes);
    let header = reader
        .headers()
        .map_err(|e| csv_error(path, bytes, &e))?
        .clone();
    if header.iter().ne(HEADER) && header.iter().ne(OLD_HEADER) {
        let found: Vec<&str> = header.iter().collect();
        return Err(data(
            path,
            1,
            format!(
                "the header is `{}`; it must be the columns {}, separated by commas, semicolons or tabs (export a fresh CSV to get it)",
                found.join(","),
                HEADER.join(", ")
            ),
        ));
    }
    let mut rows = Vec::new();
    let mut lines = RecordLines::new(bytes);
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(path, bytes, &e))?;
        rows.push(unit(&record, lines.line(record.position())));
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
            assert_eq!(restore(&neutralize(cell)), cell);
            assert!(!neutralize(cell).starts_with(FORMULA_START));
        }
        // A quote a translator typed is text, not export's mark.
        assert_eq!(restore("'s-Hertogenbosch"), "'s-Hertogenbosch");
    }
}
