//! The queries the commands run on a built database; the same SQL an app would write.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::CodeText;
use crate::source::LocaleTag;
use unic_langid::LanguageIdentifier;

/// One code's side of a pair page.
#[derive(Debug, Serialize)]
pub(crate) struct Side {
    pub(crate) code: u16,
    pub(crate) label: String,
    pub(crate) name: String,
    pub(crate) class: String,
    #[serde(flatten)]
    pub(crate) text: CodeText,
}

/// The five headings of a pair page, in the page's locale.
#[derive(Debug, Serialize)]
pub(crate) struct Headings {
    pub(crate) description: String,
    pub(crate) seen_when: String,
    pub(crate) how_to_fix: String,
    pub(crate) key_differences: String,
    pub(crate) use_when: String,
}

/// One aspect of the two codes, labelled in the page's locale.
#[derive(Debug, Serialize)]
pub(crate) struct Difference {
    pub(crate) aspect: String,
    pub(crate) label: String,
    pub(crate) value_a: String,
    pub(crate) value_b: String,
}

/// A row of `pair_comparison` with its `pair_aspects`.
#[derive(Debug, Serialize)]
pub(crate) struct PairPage {
    pub(crate) locale: String,
    pub(crate) title: String,
    pub(crate) summary: String,
    pub(crate) a: Side,
    pub(crate) b: Side,
    pub(crate) headings: Headings,
    pub(crate) note: String,
    /// The aspects on which the two codes differ, in display order.
    pub(crate) differences: Vec<Difference>,
    /// The aspects they share, and the sentence that introduces them when
    /// no aspect differs.
    pub(crate) shared: Vec<Difference>,
    pub(crate) shared_text: String,
    /// `a.description`, `b.how_to_fix`, `note`, `headings`: text shown in the reference language.
    pub(crate) fallback_fields: Vec<String>,
}

/// Every column of the view; rows are read by column name.
const PAGE_SQL: &str =
    "SELECT * FROM pair_comparison WHERE locale = ?1 AND code_a = ?2 AND code_b = ?3";

/// The page comparing `a` and `b` in `locale`, with errors that list what exists.
pub(crate) fn pair_page(
    conn: &Connection,
    path: &Path,
    locale: &str,
    a: u16,
    b: u16,
) -> Result<PairPage> {
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
    let (differences, shared) = aspects(conn, locale, a, b).map_err(db)?;
    (page.differences, page.shared) = (differences, shared);
    Ok(page)
}

fn page_from_row(locale: &str, r: &rusqlite::Row) -> rusqlite::Result<PairPage> {
    // The view names each side's columns `<column>_a` and `<column>_b`.
    let side = |s: &str| -> rusqlite::Result<Side> {
        let get = |column: &str| r.get::<_, String>(format!("{column}_{s}").as_str());
        Ok(Side {
            code: r.get(format!("code_{s}").as_str())?,
            label: get("label")?,
            name: get("name")?,
            class: get("class")?,
            text: CodeText::try_from_fn(|_, column| get(column))?,
        })
    };
    let fallback: String = r.get("fallback_fields")?;
    Ok(PairPage {
        locale: locale.to_string(),
        title: r.get("title")?,
        summary: r.get("summary")?,
        note: r.get("note")?,
        fallback_fields: fallback
            .split(',')
            .filter(|f| !f.is_empty())
            .map(String::from)
            .collect(),
        headings: Headings {
            description: r.get("heading_description")?,
            seen_when: r.get("heading_seen_when")?,
            how_to_fix: r.get("heading_how_to_fix")?,
            key_differences: r.get("heading_key_differences")?,
            use_when: r.get("heading_use_when")?,
        },
        a: side("a")?,
        b: side("b")?,
        differences: Vec::new(),
        shared: Vec::new(),
        shared_text: r.get("same_aspects_text")?,
    })
}

/// The aspects of a pair in display order: those that differ, and those shared.
fn aspects(
    conn: &Connection,
    locale: &str,
    a: u16,
    b: u16,
) -> rusqlite::Result<(Vec<Difference>, Vec<Difference>)> {
    let mut stmt = conn.prepare(
        "SELECT aspect, label, value_a, value_b, differs FROM pair_aspects
         WHERE locale = ?1 AND code_a = ?2 AND code_b = ?3 ORDER BY position",
    )?;
    let rows = stmt.query_map(params![locale, a, b], |r| {
        let aspect = Difference {
            aspect: r.get("aspect")?,
            label: r.get("label")?,
            value_a: r.get("value_a")?,
            value_b: r.get("value_b")?,
        };
        Ok((aspect, r.get::<_, bool>("differs")?))
    })?;
    let mut split = (Vec::new(), Vec::new());
    for row in rows {
        match row? {
            (aspect, true) => split.0.push(aspect),
            (aspect, false) => split.1.push(aspect),
        }
    }
    Ok(split)
}

/// The database's locale that best serves `requested`, as Fluent apps
/// negotiate: `ru-RU` gets `ru`, `pt` gets `pt-BR` when that is the only
/// Portuguese, anything else the reference locale.
pub(crate) fn negotiate_locale(
    conn: &Connection,
    path: &Path,
    requested: &LocaleTag,
) -> Result<String> {
    let tags: Vec<(String, bool)> = conn
        .prepare("SELECT tag, is_reference FROM locales ORDER BY tag")
        .and_then(|mut stmt| {
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect()
        })
        .map_err(|e| Error::db(path, e))?;
    let available: Vec<LanguageIdentifier> =
        tags.iter().filter_map(|(t, _)| t.parse().ok()).collect();
    let reference = tags
        .iter()
        .find(|(_, is_reference)| *is_reference)
        .and_then(|(t, _)| t.parse::<LanguageIdentifier>().ok());
    let chosen = fluent_langneg::negotiate_languages(
        std::slice::from_ref(requested.langid()),
        &available,
        reference.as_ref(),
        fluent_langneg::NegotiationStrategy::Lookup,
    );
    chosen
        .first()
        .map(|id| id.to_string())
        .ok_or_else(|| Error::Usage(format!("{} has no locales; rebuild it", path.display())))
}

/// Every locale of the database, sorted.
pub(crate) fn locale_tags(conn: &Connection, path: &Path) -> Result<Vec<String>> {
    column(conn, "SELECT tag FROM locales ORDER BY tag").map_err(|e| Error::db(path, e))
}

pub(crate) fn ensure_locale(conn: &Connection, path: &Path, locale: &str) -> Result<()> {
    let tags = locale_tags(conn, path)?;
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
    pub(crate) locale: String,
    pub(crate) code_a: u16,
    pub(crate) code_b: u16,
    pub(crate) title: String,
    pub(crate) summary: String,
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
                locale: r.get("locale")?,
                code_a: r.get("code_a")?,
                code_b: r.get("code_b")?,
                title: r.get("title")?,
                summary: r.get("summary")?,
            })
        })
        .and_then(Iterator::collect);
    rows.map_err(|e| Error::db(path, e))
}

/// One value of the `metadata` table, e.g. `("database", "source_hash")`.
pub fn metadata(conn: &Connection, path: &Path, kind: &str, name: &str) -> Result<Option<String>> {
    conn.query_row(
        "SELECT value FROM metadata WHERE kind = ?1 AND name = ?2",
        params![kind, name],
        |r| r.get(0),
    )
    .optional()
    .map_err(|e| Error::db(path, e))
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

    #[test]
    fn locales_negotiate_to_the_closest_then_the_reference() {
        let path = std::path::Path::new(":memory:");
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        crate::db::migrations::migrate(&mut conn, path).unwrap();
        conn.execute_batch(
            "INSERT INTO locales VALUES ('en', 'English', 'English', 1),
             ('pt-BR', 'Portuguese', 'Português', 0), ('ru', 'Russian', 'Русский', 0)",
        )
        .unwrap();
        for (asked, got) in [
            ("ru-RU", "ru"),
            ("pt", "pt-BR"),
            ("pt-PT", "pt-BR"),
            ("en-GB", "en"),
            ("de", "en"),
            ("ru", "ru"),
        ] {
            let tag = asked.parse().unwrap();
            assert_eq!(
                super::negotiate_locale(&conn, path, &tag).unwrap(),
                got,
                "{asked}"
            );
        }
    }
}
