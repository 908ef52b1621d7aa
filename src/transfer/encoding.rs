//! A translator's file as text, whatever a spreadsheet saved it as: UTF-8
//! with or without a BOM, UTF-16 with a BOM (Excel's "Unicode text"), else
//! the locale's legacy Windows code page (a Russian Excel saves cp1251).

use std::borrow::Cow;

use encoding_rs::{Encoding, WINDOWS_1251, WINDOWS_1252};
use unic_langid::LanguageIdentifier;

/// The text, and a note when it had to be guessed from a legacy code page.
pub fn decode<'a>(bytes: &'a [u8], legacy: &'static Encoding) -> (Cow<'a, str>, Option<String>) {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (text, None);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (Cow::Borrowed(text), None);
    }
    let (text, _) = legacy.decode_without_bom_handling(bytes);
    let note = format!(
        "the file is not UTF-8, so it was read as {}, what Excel saves for this locale; save it as UTF-8 (or export with --excel) to avoid the guess",
        legacy.name()
    );
    (text, Some(note))
}

/// The code page Windows uses for a locale's script: cp1251 for Cyrillic,
/// else cp1252.
pub fn legacy_for(langid: &LanguageIdentifier) -> &'static Encoding {
    let mut likely = langid.clone();
    likely.maximize();
    match likely.script.is_some_and(|s| s.as_str() == "Cyrl") {
        true => WINDOWS_1251,
        false => WINDOWS_1252,
    }
}

/// UTF-16LE with a BOM: Excel's "Unicode text", which it opens in any
/// locale without asking for an encoding or a separator.
pub fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xff, 0xfe];
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_encoding_a_spreadsheet_saves() {
        let text = "ключ;Привет\r\n";
        let (cp1251, _, _) = WINDOWS_1251.encode(text);
        let utf16be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let bom8 = [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat();
        for (bytes, noted) in [
            (text.as_bytes().to_vec(), false),
            (bom8, false),
            (utf16le(text), false),
            (utf16be, false),
            (cp1251.into_owned(), true),
        ] {
            let (decoded, note) = decode(&bytes, WINDOWS_1251);
            assert_eq!((decoded.as_ref(), note.is_some()), (text, noted));
        }
        assert_eq!(legacy_for(&"ru".parse().unwrap()), WINDOWS_1251);
        assert_eq!(legacy_for(&"de".parse().unwrap()), WINDOWS_1252);
    }
}
