//! Escapes in string literals: `\u0000` would put a NUL into the database
//! and `\uD800` (half of a surrogate pair) is silently replaced with U+FFFD.

use super::diagnostic::Diagnostic;
use super::rule::Rule;
use crate::source::catalog::Catalog;
use crate::source::walk;

/// Every escape that does not give a character other than NUL.
pub fn check(tag: &str, catalog: &Catalog) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for entry in catalog.entries() {
        for unit in entry.units() {
            let Some(pattern) = entry.pattern(unit) else {
                continue;
            };
            for literal in walk::uses(pattern).literals {
                let Some(escape) = bad_escape(literal) else {
                    continue;
                };
                found.push(
                    Diagnostic::new(
                        Rule::InvalidEscape,
                        format!(
                            "{} has the escape `{escape}`, which is not a character Fluent can show",
                            entry.unit_name(unit)
                        ),
                    )
                    .locale(tag)
                    .at(entry.file, entry.file.offset_of(literal), literal.len())
                    .help("NUL and surrogate halves are not text; write the character itself, or a \\U escape for characters beyond U+FFFF"),
                );
            }
        }
    }
    found
}

/// The first `\uXXXX` or `\UXXXXXX` in a raw literal that decodes to NUL, a
/// surrogate or nothing at all.
fn bad_escape(literal: &str) -> Option<&str> {
    let mut rest = literal;
    while let Some(at) = rest.find('\\') {
        let after = &rest[at + 1..];
        let digits = match after.chars().next() {
            Some('u') => 4,
            Some('U') => 6,
            Some(_) => {
                rest = &after[after.chars().next().map_or(0, char::len_utf8)..];
                continue;
            }
            None => return None,
        };
        let hex = after.get(1..1 + digits)?;
        let valid = u32::from_str_radix(hex, 16)
            .ok()
            .and_then(char::from_u32)
            .is_some_and(|c| c != '\0');
        if !valid {
            return rest.get(at..at + 2 + digits);
        }
        rest = &after[1 + digits..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::bad_escape;

    #[test]
    fn finds_nul_surrogates_and_out_of_range_escapes() {
        assert_eq!(bad_escape(r"a\u0000b"), Some(r"\u0000"));
        assert_eq!(bad_escape(r"\uD800"), Some(r"\uD800"));
        assert_eq!(bad_escape(r"\U110000"), Some(r"\U110000"));
        assert_eq!(bad_escape(r"\\u0000 \u0041 \U01F600 \u00e9"), None);
        assert_eq!(bad_escape(r#"\" \\"#), None);
    }
}
