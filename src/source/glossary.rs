//! A locale's glossary (`<locale>/glossary.csv`): for each concept the term
//! to write, and the wordings to avoid.
//!
//! One row per wording to avoid, with a header row:
//!
//! ```csv
//! preferred,avoid,note
//! строка состояния,строк* статуса,RFC 9110: status line
//! ```
//!
//! `avoid` is a sequence of words matched case-insensitively, `ё` as `е`;
//! a `*` at the end of a word stands for any ending, so `строк*` covers
//! every case of «строка». Other columns (`note`) are for the people who
//! edit the glossary and are not read.

use std::path::Path;

use serde::Deserialize;

use super::csvrows::{self, data_error};
use crate::error::Result;

pub(crate) const GLOSSARY_FILE: &str = "glossary.csv";

/// The glossary of one locale, in file order.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    pub terms: Vec<Term>,
}

/// A wording to avoid and the term to write instead.
#[derive(Debug, Clone)]
pub struct Term {
    /// 1-based line in the glossary file.
    pub line: u64,
    pub preferred: String,
    pub avoid: Vec<WordPattern>,
    /// `avoid` as written in the file.
    pub avoid_text: String,
}

/// One word of an `avoid` sequence, folded; `prefix` when it ended in `*`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordPattern {
    pub word: String,
    pub prefix: bool,
}

#[derive(Deserialize)]
struct Row {
    preferred: String,
    avoid: String,
}

/// The glossary in the locale folder `dir`, or `None` when it has none.
pub(crate) fn load(dir: &Path) -> Result<Option<Glossary>> {
    let path = dir.join(GLOSSARY_FILE);
    if !path.is_file() {
        return Ok(None);
    }
    let bytes = super::input::read(&path)?;
    parse(&path, &bytes).map(Some)
}

/// The glossary in `bytes`, read from `path`.
pub(crate) fn parse(path: &Path, bytes: &[u8]) -> Result<Glossary> {
    let path = path.to_path_buf();
    let mut terms = Vec::new();
    for row in csvrows::parse::<Row>(&path, bytes)? {
        let avoid = parse_avoid(&row.value.avoid)
            .map_err(|why| data_error(&path, row.line, format!("column `avoid`: {why}")))?;
        if row.value.preferred.trim().is_empty() {
            let why = "column `preferred` is empty; name the term to write instead";
            return Err(data_error(&path, row.line, why));
        }
        terms.push(Term {
            line: row.line,
            preferred: row.value.preferred.trim().to_string(),
            avoid,
            avoid_text: row.value.avoid.trim().to_string(),
        });
    }
    Ok(Glossary { terms })
}

/// `строк* статуса` as word patterns.
fn parse_avoid(text: &str) -> std::result::Result<Vec<WordPattern>, String> {
    let mut words = Vec::new();
    for raw in text.split_whitespace() {
        let (stem, prefix) = match raw.strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (raw, false),
        };
        if stem.is_empty() || !stem.chars().all(is_word_char) {
            return Err(format!(
                "`{raw}` is not a word; use letters, digits and hyphens, with `*` only at the end"
            ));
        }
        words.push(WordPattern {
            word: fold(stem),
            prefix,
        });
    }
    if words.is_empty() {
        return Err("it is empty; write the wording to avoid".to_string());
    }
    Ok(words)
}

/// Letters, digits and the hyphen of words like «тайм-аут».
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// Lower case, `ё` as `е`: the form both text and patterns are compared in.
pub(crate) fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn avoid_wordings_become_word_patterns() {
        let words = parse_avoid("Строк*  статуса").unwrap();
        assert_eq!(
            words,
            [
                WordPattern {
                    word: "строк".into(),
                    prefix: true
                },
                WordPattern {
                    word: "статуса".into(),
                    prefix: false
                }
            ]
        );
        assert_eq!(fold("Ещё"), "еще");
    }

    #[test]
    fn malformed_wordings_are_refused() {
        assert!(parse_avoid("").is_err());
        assert!(parse_avoid("*").is_err());
        assert!(parse_avoid("ст*рока").is_err());
        assert!(parse_avoid("a, b").is_err());
    }
}
