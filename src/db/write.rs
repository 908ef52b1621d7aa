//! Write: the facts and the rendered text into a fresh database, atomically.

use std::path::Path;

use rusqlite::{Connection, Transaction, params};

use super::migrations;
use crate::atomic;
use crate::error::{Error, Result};
use crate::render::Rendered;
use crate::source::Facts;

/// Builds the database at `out`: written to a temporary file in the same
/// folder, then renamed over `out`, so readers and an interrupted build only
/// ever see the complete old file or the complete new one.
pub fn write_file(out: &Path, facts: &Facts, rendered: &Rendered) -> Result<()> {
    let temp = atomic::temp_beside(out)?;
    {
        let mut conn = Connection::open(temp.path()).map_err(|e| Error::db(temp.path(), e))?;
        // The temporary file is thrown away on failure, so a journal buys nothing.
        conn.pragma_update(None, "journal_mode", "OFF")
            .map_err(|e| Error::db(out, e))?;
        conn.pragma_update(None, "synchronous", "OFF")
            .map_err(|e| Error::db(out, e))?;
        fill(&mut conn, out, facts, rendered)?;
        conn.close().map_err(|(_, e)| Error::db(out, e))?;
    }
    atomic::persist(temp, out)
}

/// Applies the schema and inserts every row in one transaction.
pub fn fill(conn: &mut Connection, path: &Path, facts: &Facts, rendered: &Rendered) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(|e| Error::db(path, e))?;
    migrations::migrate(conn, path)?;
    let tx = conn.transaction().map_err(|e| Error::db(path, e))?;
    insert_all(&tx, facts, rendered).map_err(|e| Error::db(path, e))?;
    tx.commit().map_err(|e| Error::db(path, e))
}

/// One search document per locale and code, `ё` folded to `е`.
const FILL_SEARCH: &str = "
INSERT INTO code_search (locale, code, label, name, aliases, body)
SELECT t.locale, t.code, s.label, replace(replace(t.name, 'ё', 'е'), 'Ё', 'Е'),
       coalesce((SELECT group_concat(alias, ' | ') FROM
                 (SELECT alias FROM status_code_aliases a WHERE a.code = t.code ORDER BY alias)), ''),
       replace(replace(t.summary || ' ' || t.description || ' ' || t.seen_when || ' '
               || t.how_to_fix || ' ' || t.use_when, 'ё', 'е'), 'Ё', 'Е')
FROM code_text t JOIN status_codes s USING (code)
ORDER BY t.locale, t.code;";

fn insert_all(tx: &Transaction, facts: &Facts, r: &Rendered) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare("INSERT INTO locales VALUES (?1, ?2, ?3, ?4)")?;
    for l in &r.locales {
        stmt.execute(params![l.tag, l.name, l.native_name, l.is_reference])?;
    }
    let mut stmt =
        tx.prepare("INSERT INTO status_codes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")?;
    for c in &facts.codes {
        stmt.execute(params![
            c.code,
            c.class(),
            c.reason_phrase,
            c.label(),
            c.registry_status.as_str(),
            c.vendor,
            c.reference,
            c.cacheable,
            c.typical_headers.join(", "),
            c.action_by.as_str(),
        ])?;
    }
    let mut stmt = tx.prepare("INSERT INTO status_code_aliases VALUES (?1, ?2)")?;
    for a in &facts.aliases {
        stmt.execute(params![a.code, a.alias])?;
    }
    let mut stmt = tx.prepare("INSERT INTO ui_text VALUES (?1, ?2, ?3, ?4)")?;
    for u in &r.ui {
        stmt.execute(params![u.locale, u.key, u.value, u.is_fallback])?;
    }
    let mut stmt =
        tx.prepare("INSERT INTO code_text VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")?;
    for c in &r.codes {
        let [summary, description, seen_when, how_to_fix, use_when] = &c.fields;
        stmt.execute(params![
            c.locale,
            c.code,
            c.name,
            summary,
            description,
            seen_when,
            how_to_fix,
            use_when,
            c.fallback_fields,
            c.missing_fields,
        ])?;
    }
    let mut stmt = tx.prepare("INSERT INTO pair_notes VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for n in &r.notes {
        stmt.execute(params![
            n.locale,
            n.code_low,
            n.code_high,
            n.note,
            n.is_fallback
        ])?;
    }
    tx.execute_batch(FILL_SEARCH)?;
    let mut stmt = tx.prepare("INSERT INTO translation_status VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for s in &r.status {
        stmt.execute(params![
            s.locale,
            s.total as i64,
            s.translated as i64,
            s.missing as i64,
            s.percent
        ])?;
    }
    Ok(())
}
