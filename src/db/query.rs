//! The queries the commands run on a built database; the same SQL an app would write.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::error::{Error, Result};

/// One code's side of a pair page.
#[derive(Debug, Serialize)]
pub struct Side {
    pub code: u16,
    pub label: String,
    pub name: String,
    pub class: String,
    pub summary: String,
    pub description: String,
    pub seen_when: String,
    pub how_to_fix: String,
    pub use_when: String,
}

/// The five headings of a pair page, in the page's locale.
#[derive(Debug, Serialize)]
pub struct Headings {
    pub description: String,
    pub seen_when: String,
    pub how_to_fix: String,
    pub key_differences: String,
    pub use_when: String,
}

/// One aspect on which the two codes differ.
#[derive(Debug, Serialize)]
pub struct Difference {
    pub aspect: String,
    pub label: String,
    pub value_a: String,
    pub value_b: String,
}

/// A row of `pair_comparison` with its `pair_differences`.
#[derive(Debug, Serialize)]
pub struct PairPage {
    pub locale: String,
    pub title: String,
    pub summary: String,
    pub a: Side,
    pub b: Side,
    pub headings: Headings,
    pub note: String,
    pub differences: Vec<Difference>,
    /// `a.description`, `b.how_to_fix`, `note`, `headings`: text shown in the reference language.
    pub fallback_fields: Vec<String>,
}

const PAGE_SQL: &str = "SELECT title, summary, note, fallback_fields,
    heading_description, heading_seen_when, heading_how_to_fix, heading_key_differences, heading_use_when,
    code_a, label_a, name_a, class_a, summary_a, description_a, seen_when_a, how_to_fix_a, use_when_a,
    code_b, label_b, name_b, class_b, summary_b, description_b, seen_when_b, how_to_fix_b, use_when_b
    FROM pair_comparison WHERE locale = ?1 AND code_a = ?2 AND code_b = ?3";

/// The page comparing `a` and `b` in `locale`, with errors that list what exists.
pub fn pair_page(conn: &Connection, path: &Path, locale: &str, a: u16, b: u16) -> Result<PairPage> {
    let db = |e| Error::db(path, e);
    if a == b {
        return Err(Error::Usage(format!(
            "compare needs two different codes, got {a} twice"
        )));
    }
    ensure_locale(conn, path, locale)?;
    for code in [a, b] {
        ensure_code(conn, path, code)?;
    }
    let page = conn
        .query_row(PAGE_SQL, params![locale, a, b], |r| {
            page_from_row(locale, r)
        })
        .optional()
        .map_err(db)?;
    let mut page =
        page.ok_or_else(|| Error::Usage(format!("no page for {a} and {b} in `{locale}`")))?;
    page.differences = differences(conn, locale, a, b).map_err(db)?;
    Ok(page)
}

fn page_from_row(locale: &str, r: &rusqlite::Row) -> rusqlite::Result<PairPage> {
    let side = |at: usize| -> rusqlite::Result<Side> {
        Ok(Side {
            code: r.get(at)?,
            label: r.get(at + 1)?,
            name: r.get(at + 2)?,
            class: r.get(at + 3)?,
            summary: r.get(at + 4)?,
            description: r.get(at + 5)?,
            seen_when: r.get(at + 6)?,
            how_to_fix: r.get(at + 7)?,
            use_when: r.get(at + 8)?,
        })
    };
    let fallback: String = r.get(3)?;
    Ok(PairPage {
        locale: locale.to_string(),
        title: r.get(0)?,
        summary: r.get(1)?,
        note: r.get(2)?,
        fallback_fields: fallback
            .split(',')
            .filter(|f| !f.is_empty())
            .map(String::from)
            .collect(),
        headings: Headings {
            description: r.get(4)?,
            seen_when: r.get(5)?,
            how_to_fix: r.get(6)?,
            key_differences: r.get(7)?,
            use_when: r.get(8)?,
        },
        a: side(9)?,
        b: side(18)?,
        differences: Vec::new(),
    })
}

fn differences(
    conn: &Connection,
    locale: &str,
    a: u16,
    b: u16,
) -> rusqlite::Result<Vec<Difference>> {
    let mut stmt = conn.prepare(
        "SELECT aspect, label, value_a, value_b FROM pair_differences
         WHERE locale = ?1 AND code_a = ?2 AND code_b = ?3 ORDER BY position",
    )?;
    let rows = stmt.query_map(params![locale, a, b], |r| {
        Ok(Difference {
            aspect: r.get(0)?,
            label: r.get(1)?,
            value_a: r.get(2)?,
            value_b: r.get(3)?,
        })
    })?;
    rows.collect()
}

pub fn ensure_locale(conn: &Connection, path: &Path, locale: &str) -> Result<()> {
    let tags: Vec<String> =
        column(conn, "SELECT tag FROM locales ORDER BY tag").map_err(|e| Error::db(path, e))?;
    if tags.iter().any(|t| t == locale) {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "unknown locale `{locale}`; available: {}",
        tags.join(", ")
    )))
}

fn ensure_code(conn: &Connection, path: &Path, code: u16) -> Result<()> {
    let codes: Vec<u16> = column(conn, "SELECT code FROM status_codes ORDER BY code")
        .map_err(|e| Error::db(path, e))?;
    if codes.contains(&code) {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "unknown status code {code}; available: {}",
        ranges(&codes)
    )))
}

fn column<T: rusqlite::types::FromSql>(conn: &Connection, sql: &str) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    rows.collect()
}

/// `100-104, 200-208, 226`: a compact list of sorted codes.
fn ranges(codes: &[u16]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < codes.len() {
        let start = codes[i];
        while i + 1 < codes.len() && codes[i + 1] == codes[i] + 1 {
            i += 1;
        }
        parts.push(match codes[i] {
            end if end == start => start.to_string(),
            end => format!("{start}-{end}"),
        });
        i += 1;
    }
    parts.join(", ")
}

/// The parts of a pair page that templates join, for the page lints.
pub struct JoinedText {
    pub locale: String,
    pub code_a: u16,
    pub code_b: u16,
    pub title: String,
    pub summary: String,
}

/// Title and summary of every pair page in every locale.
pub fn joined_texts(conn: &Connection, path: &Path) -> Result<Vec<JoinedText>> {
    let mut stmt = conn
        .prepare(
            "SELECT locale, code_a, code_b, title, summary FROM pair_comparison ORDER BY 1, 2, 3",
        )
        .map_err(|e| Error::db(path, e))?;
    let rows = stmt
        .query_map([], |r| {
            Ok(JoinedText {
                locale: r.get(0)?,
                code_a: r.get(1)?,
                code_b: r.get(2)?,
                title: r.get(3)?,
                summary: r.get(4)?,
            })
        })
        .and_then(Iterator::collect);
    rows.map_err(|e| Error::db(path, e))
}

#[cfg(test)]
mod tests {
    use super::ranges;

    #[test]
    fn codes_collapse_into_ranges() {
        assert_eq!(
            ranges(&[100, 101, 102, 200, 226, 300, 301]),
            "100-102, 200, 226, 300-301"
        );
        assert_eq!(ranges(&[]), "");
    }
}
