//! Full-text search over `code_search`: the words people remember, best first.

use std::path::Path;

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::error::{Error, Result};

/// One matching code.
#[derive(Debug, Serialize)]
pub(crate) struct Hit {
    pub(crate) code: u16,
    pub(crate) label: String,
    pub(crate) name: String,
    pub(crate) summary: String,
}

/// Column weights for bm25: label, name and aliases count far more than body
/// text; a registered code outranks a vendor's code that matches as well
/// (bm25 is negative, so a factor below 1 ranks lower).
const SQL: &str = "SELECT t.code, st.label, t.name, t.summary
    FROM code_search s
    JOIN code_text t ON t.locale = s.locale AND t.code = s.code
    JOIN status_codes st ON st.code = t.code
    WHERE code_search MATCH ?1 AND s.locale = ?2
    ORDER BY bm25(code_search, 0.0, 0.0, 10.0, 10.0, 8.0, 1.0)
        * CASE st.registry_status WHEN 'unofficial' THEN 0.7 ELSE 1.0 END, t.code
    LIMIT ?3";

/// Codes matching every word of `query`; when none does, codes matching any word.
pub(crate) fn search(
    conn: &Connection,
    path: &Path,
    locale: &str,
    query: &str,
    limit: usize,
) -> Result<Vec<Hit>> {
    let terms = terms(query);
    if terms.is_empty() {
        return Err(Error::Usage(format!(
            "search needs at least one word or code, got `{query}`"
        )));
    }
    super::query::ensure_locale(conn, path, locale)?;
    let all = run(conn, &terms.join(" AND "), locale, limit).map_err(|e| Error::db(path, e))?;
    if !all.is_empty() || terms.len() == 1 {
        return Ok(all);
    }
    run(conn, &terms.join(" OR "), locale, limit).map_err(|e| Error::db(path, e))
}

fn run(
    conn: &Connection,
    fts_query: &str,
    locale: &str,
    limit: usize,
) -> rusqlite::Result<Vec<Hit>> {
    let mut stmt = conn.prepare_cached(SQL)?;
    let rows = stmt.query_map(params![fts_query, locale, limit as i64], |r| {
        Ok(Hit {
            code: r.get("code")?,
            label: r.get("label")?,
            name: r.get("name")?,
            summary: r.get("summary")?,
        })
    })?;
    rows.collect()
}

/// FTS5 prefix terms, one per word: case and `ё`/`е` are folded, and long
/// words are cut to a stem so that word endings do not matter
/// (`запрещено` finds `запрещён`, `timeout` finds `timed out`).
pub(crate) fn terms(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|word| {
            let folded: Vec<char> = word.to_lowercase().replace('ё', "е").chars().collect();
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
    }
}
