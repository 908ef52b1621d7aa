//! Full-text search over `code_search`: the words people remember, best first.

use std::path::Path;

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::error::{Error, Result};

/// One matching code, in the locale where it matched best.
#[derive(Debug, Serialize)]
pub(crate) struct Hit {
    pub(crate) code: u16,
    pub(crate) locale: String,
    pub(crate) label: String,
    pub(crate) name: String,
    pub(crate) summary: String,
}

/// Letters the index and the queries fold, so that either spelling finds
/// the other: `ё` and `э` are written `е` in many texts (`кэш`, `кеш`).
pub(crate) const FOLDS: &[(char, char)] = &[('ё', 'е'), ('Ё', 'Е'), ('э', 'е'), ('Э', 'Е')];

/// `expr` with [`FOLDS`] applied, as SQL.
pub(crate) fn fold_sql(expr: &str) -> String {
    FOLDS.iter().fold(expr.to_string(), |sql, (from, to)| {
        format!("replace({sql}, '{from}', '{to}')")
    })
}

/// Column weights for bm25: label, name and aliases count far more than body
/// text; a registered code outranks a vendor's code that matches as well
/// (bm25 is negative, so a factor below 1 ranks lower). A code matching in
/// several locales is shown in the one where it matched best.
const SQL: &str = "WITH matched AS MATERIALIZED (
        SELECT s.locale, s.code, bm25(code_search, 0.0, 0.0, 10.0, 10.0, 8.0, 1.0)
            * CASE st.registry_status WHEN 'unofficial' THEN 0.7 ELSE 1.0 END AS score
        FROM code_search s JOIN status_codes st ON st.code = s.code
        WHERE code_search MATCH ?1 AND s.locale IN (SELECT value FROM json_each(?2))
    ), best AS (
        SELECT code, locale, min(score) AS score FROM matched GROUP BY code
    )
    SELECT b.code, b.locale, st.label, t.name, t.summary
    FROM best b
    JOIN code_text t ON t.locale = b.locale AND t.code = b.code
    JOIN status_codes st ON st.code = b.code
    ORDER BY b.score, b.code
    LIMIT ?3";

/// Codes matching every word of `query` in any of `locales`; when none
/// does, codes matching any word.
pub(crate) fn search(
    conn: &Connection,
    path: &Path,
    locales: &[String],
    query: &str,
    limit: usize,
) -> Result<Vec<Hit>> {
    let terms = terms(query);
    if terms.is_empty() {
        return Err(Error::Usage(format!(
            "search needs at least one word or code, got `{query}`"
        )));
    }
    for locale in locales {
        super::query::ensure_locale(conn, path, locale)?;
    }
    let locales = serde_json::to_string(locales).expect("strings serialize");
    let all = run(conn, &terms.join(" AND "), &locales, limit).map_err(|e| Error::db(path, e))?;
    if !all.is_empty() || terms.len() == 1 {
        return Ok(all);
    }
    run(conn, &terms.join(" OR "), &locales, limit).map_err(|e| Error::db(path, e))
}

fn run(
    conn: &Connection,
    fts_query: &str,
    locales: &str,
    limit: usize,
) -> rusqlite::Result<Vec<Hit>> {
    let mut stmt = conn.prepare_cached(SQL)?;
    let rows = stmt.query_map(params![fts_query, locales, limit as i64], |r| {
        Ok(Hit {
            code: r.get("code")?,
            locale: r.get("locale")?,
            label: r.get("label")?,
            name: r.get("name")?,
            summary: r.get("summary")?,
        })
    })?;
    rows.collect()
}

/// FTS5 prefix terms, one per word: case and [`FOLDS`] are folded, and long
/// words are cut to a stem so that word endings do not matter
/// (`запрещено` finds `запрещён`, `timeout` finds `timed out`).
pub(crate) fn terms(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|word| {
            let folded: Vec<char> = word
                .to_lowercase()
                .chars()
                .map(|c| FOLDS.iter().find(|(from, _)| *from == c).map_or(c, |f| f.1))
                .collect();
            let keep = match folded.len() {
                n if n <= 4 => n,
                n => n - (n - 4).min(3),
            };
            format!("\"{}\"*", folded[..keep].iter().collect::<String>())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::terms;

    #[test]
    fn words_become_folded_prefix_terms() {
        assert_eq!(terms("Запрещено!"), ["\"запрещ\"*"]);
        assert_eq!(
            terms("payload too large"),
            ["\"payl\"*", "\"too\"*", "\"larg\"*"]
        );
        assert_eq!(
            terms("I'm a \"teapot\""),
            ["\"i\"*", "\"m\"*", "\"a\"*", "\"teap\"*"]
        );
        assert!(terms(" -- ").is_empty());
        assert_eq!(terms("кэш"), terms("кеш"));
        assert_eq!(terms("ещё"), terms("еще"));
    }
}
