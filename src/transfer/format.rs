//! The file formats a translator's units travel in: which one a file is,
//! and each one's reader and writer behind one call.

use std::collections::BTreeMap;
use std::path::Path;

use clap::ValueEnum;

use super::export::units_of;
use super::po::{self, Plurals};
use super::xliff;
use super::{TranslationUnit, csvfile};
use crate::error::Result;
use crate::source::Locale;

/// What `export --format` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// RFC 4180 CSV for spreadsheets
    Csv,
    /// gettext PO for Poedit, Weblate, Crowdin and CAT tools
    Po,
    /// XLIFF 1.2, what most CAT tools (Trados, memoQ, OmegaT) import
    Xliff,
    /// XLIFF 2.1
    Xliff2,
}

impl Format {
    /// Whether the format carries `unit`. PO leaves obsolete units out:
    /// there is nothing to translate, and translate-toolkit turns gettext's
    /// `#~` entries into live ones.
    pub fn carries(self, unit: &TranslationUnit) -> bool {
        // XLIFF likewise: an obsolete unit has no source to translate.
        self == Format::Csv || unit.status != Some(super::Status::Obsolete)
    }
}

/// A translator's file as units, and a note when its encoding had to be
/// guessed; the format is read from the content.
pub fn read(path: &Path, locale: &Locale) -> Result<(Vec<TranslationUnit>, Option<String>)> {
    let bytes = crate::source::input::read(path)?;
    parse(path, &bytes, locale)
}

/// [`read`] of bytes already read; `path` only names the file in errors.
pub fn parse(
    path: &Path,
    bytes: &[u8],
    locale: &Locale,
) -> Result<(Vec<TranslationUnit>, Option<String>)> {
    let format = detect(bytes);
    if format == Format::Csv {
        let legacy = super::encoding::legacy_for(locale.tag.langid());
        return csvfile::parse_as(path, bytes, legacy);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        let why = "invalid UTF-8; save the file as UTF-8";
        crate::source::csvrows::data_error(path, line as u64, why)
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let current: BTreeMap<String, String> = locale
        .files
        .iter()
        .flat_map(units_of)
        .map(|u| (u.key, u.text))
        .collect();
    let current = |key: &str| current.get(key).cloned();
    let units = match format {
        Format::Po => po::parse(path, text, Plurals::of(&locale.tag).as_ref(), &current),
        _ => xliff::parse(path, text, &current),
    }?;
    Ok((units, None))
}

/// XLIFF when the file starts with `<`, PO when its first non-blank line is
/// a comment or a PO keyword; a CSV starts with its header row (in UTF-16,
/// as Excel saves "Unicode text", it can only be a CSV).
pub fn detect(bytes: &[u8]) -> Format {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let first = bytes
        .split(|&b| b == b'\n')
        .map(|l| l.trim_ascii())
        .find(|l| !l.is_empty())
        .unwrap_or_default();
    let po =
        first.starts_with(b"#") || first.starts_with(b"msgid ") || first.starts_with(b"msgctxt ");
    match (first.starts_with(b"<"), po) {
        (true, _) => Format::Xliff,
        (false, true) => Format::Po,
        (false, false) => Format::Csv,
    }
}

/// The bytes of `units` of `locale` in `format`.
pub fn write(
    format: Format,
    units: &[TranslationUnit],
    reference: &Locale,
    locale: &Locale,
    bom: bool,
    excel: bool,
) -> Vec<u8> {
    let languages = || xliff::Languages {
        source: reference.tag.as_str(),
        target: locale.tag.as_str(),
        categories: super::plural::cldr_categories(locale.tag.langid()),
    };
    match format {
        Format::Csv if excel => csvfile::write_excel(units),
        Format::Csv => csvfile::write(units, bom),
        Format::Po => {
            let plurals = Plurals::of(&locale.tag);
            po::write(
                units,
                locale.tag.as_str(),
                plurals.as_ref(),
                po::revision_time(),
            )
        }
        Format::Xliff => xliff::write(units, xliff::Version::V12, &languages()),
        Format::Xliff2 => xliff::write(units, xliff::Version::V21, &languages()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_apart_by_their_first_line() {
        assert_eq!(detect(b"key,file,reference\r\n"), Format::Csv);
        assert_eq!(detect(b"\xef\xbb\xbf# c\nmsgid \"\"\n"), Format::Po);
        assert_eq!(detect(b"\n\nmsgid \"\"\nmsgstr \"\"\n"), Format::Po);
        assert_eq!(detect(b""), Format::Csv);
        assert_eq!(detect(b"<?xml version=\"1.0\"?>\n<xliff"), Format::Xliff);
        assert_eq!(detect(b"<?xml version=\"1.0\"?>\n<xliff"), Format::Xliff);
    }
}
