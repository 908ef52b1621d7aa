//! Write: the facts and the rendered text into a fresh database, atomically.

use std::path::Path;

use rusqlite::types::ToSqlOutput;
use rusqlite::{Connection, Transaction, params_from_iter};

use super::{describe, migrations};
use crate::atomic;
use crate::error::{Error, Result};
use crate::render::Rendered;
use crate::source::Facts;

/// Builds the database at `out`: written to a temporary file in the same
/// folder, then renamed over `out`, so readers and an interrupted build only
/// ever see the complete old file or the complete new one.
pub fn write_file(out: &Path, facts: &Facts, rendered: &Rendered, source_hash: &str) -> Result<()> {
    let temp = atomic::temp_beside(out)?;
    {
        let mut conn = Connection::open(temp.path()).map_err(|e| Error::db(out, e))?;
        // The temporary file is thrown away on failure, so a journal buys nothing.
        conn.pragma_update(None, "journal_mode", "OFF")
            .map_err(|e| Error::db(out, e))?;
        conn.pragma_update(None, "synchronous", "OFF")
            .map_err(|e| Error::db(out, e))?;
        fill(&mut conn, out, facts, rendered, source_hash)?;
        conn.close().map_err(|(_, e)| Error::db(out, e))?;
    }
    atomic::persist(temp, out)?;
    // Left in place, SQLite would apply the old file's journal or WAL to the
    // new one. Removed only now: until the rename they may be the old
    // file's recovery data.
    remove_sidecars(out)
}

/// Removes the `-journal`, `-wal` and `-shm` files of the database at
/// `out`. They belong to the file being replaced; an app that holds that
/// file open keeps its own handles and goes on reading the old version.
fn remove_sidecars(out: &Path) -> Result<()> {
    for suffix in ["-journal", "-wal", "-shm"] {
        let mut name = out.as_os_str().to_owned();
        name.push(suffix);
        match std::fs::remove_file(&name) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(Error::io(
                    "remove the stale",
                    std::path::PathBuf::from(name),
                    e,
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Applies the schema and inserts every row in one transaction;
/// `source_hash` says what the rows were built from (see `metadata`).
pub(crate) fn fill(
    conn: &mut Connection,
    path: &Path,
    facts: &Facts,
    rendered: &Rendered,
    source_hash: &str,
) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(|e| Error::db(path, e))?;
    migrations::migrate(conn, path)?;
    let tx = conn.transaction().map_err(|e| Error::db(path, e))?;
    insert_all(&tx, facts, rendered).map_err(|e| Error::db(path, e))?;
    insert_metadata(&tx, rendered, source_hash).map_err(|e| Error::db(path, e))?;
    tx.commit().map_err(|e| Error::db(path, e))
}

/// One search document per locale and code, folded as the queries are.
fn fill_search_sql() -> String {
    let name = super::search::fold_sql("t.name");
    let body = super::search::fold_sql(
        "t.summary || ' ' || t.description || ' ' || t.seen_when || ' ' || t.how_to_fix || ' ' || t.use_when",
    );
    format!(
        "INSERT INTO code_search (locale, code, label, name, aliases, body)
        SELECT t.locale, t.code, s.label, {name},
               coalesce((SELECT group_concat(alias, ' | ') FROM
                         (SELECT alias FROM status_code_aliases a WHERE a.code = t.code ORDER BY alias)), ''),
               {body}
        FROM code_text t JOIN status_codes s USING (code)
        ORDER BY t.locale, t.code;"
    )
}

/// A row to insert: (column, value) pairs, so a new column is one more pair.
type Columns<'a> = Vec<(&'static str, ToSqlOutput<'a>)>;

fn insert_all(tx: &Transaction, facts: &Facts, r: &Rendered) -> rusqlite::Result<()> {
    insert(tx, "locales", &r.locales, |l| {
        vec![
            ("tag", l.tag.as_str().into()),
            ("name", l.name.as_str().into()),
            ("native_name", l.native_name.as_str().into()),
            ("is_reference", l.is_reference.into()),
        ]
    })?;
    insert(tx, "status_codes", &facts.codes, |c| {
        vec![
            ("code", c.code.into()),
            ("class", c.class().into()),
            ("reason_phrase", c.reason_phrase.as_str().into()),
            ("label", c.label().into()),
            ("registry_status", c.registry_status.as_str().into()),
            ("vendor", c.vendor.as_str().into()),
            ("reference", c.reference.as_str().into()),
            ("cacheable", c.cacheable.into()),
            ("typical_headers", c.typical_headers.join(", ").into()),
            ("action_by", c.action_by.as_str().into()),
            ("delivery", c.delivery.as_str().into()),
        ]
    })?;
    insert(tx, "status_code_aliases", &facts.aliases, |a| {
        vec![("code", a.code.into()), ("alias", a.alias.as_str().into())]
    })?;
    insert(tx, "ui_text", &r.ui, |u| {
        vec![
            ("locale", u.locale.as_str().into()),
            ("key", u.key.as_str().into()),
            ("value", u.value.as_str().into()),
            ("is_fallback", u.is_fallback.into()),
        ]
    })?;
    insert(tx, "code_text", &r.codes, |c| {
        let mut columns: Columns = vec![
            ("locale", c.locale.as_str().into()),
            ("code", c.code.into()),
            ("name", c.name.as_str().into()),
        ];
        columns.extend(c.text.columns().into_iter().map(|(k, v)| (k, v.into())));
        columns.extend([
            ("fallback_fields", c.fallback_fields.as_str().into()),
            ("missing_fields", c.missing_fields.as_str().into()),
        ]);
        columns
    })?;
    insert(tx, "pair_notes", &r.notes, |n| {
        vec![
            ("locale", n.locale.as_str().into()),
            ("code_low", n.code_low.into()),
            ("code_high", n.code_high.into()),
            ("note", n.note.as_str().into()),
            ("is_fallback", n.is_fallback.into()),
        ]
    })?;
    tx.execute_batch(&fill_search_sql())?;
    insert(tx, "translation_status", &r.status, |s| {
        vec![
            ("locale", s.locale.as_str().into()),
            ("total", (s.total as i64).into()),
            ("translated", (s.translated as i64).into()),
            ("missing", (s.missing as i64).into()),
            ("percent", s.percent.into()),
        ]
    })
}

/// Inserts every row of `rows` into `table`, naming the columns that
/// `columns` gives for each row.
fn insert<T>(
    tx: &Transaction,
    table: &str,
    rows: &[T],
    columns: impl for<'r> Fn(&'r T) -> Columns<'r>,
) -> rusqlite::Result<()> {
    let Some(first) = rows.first() else {
        return Ok(());
    };
    let names: Vec<&str> = columns(first).iter().map(|(name, _)| *name).collect();
    let placeholders: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        names.join(", "),
        placeholders.join(", ")
    );
    let mut stmt = tx.prepare(&sql)?;
    for row in rows {
        stmt.execute(params_from_iter(columns(row).into_iter().map(|(_, v)| v)))?;
    }
    Ok(())
}

/// What the file was built from, each locale's completeness, and the
/// description of every table, view and column: `(kind, name, value)` rows.
fn insert_metadata(tx: &Transaction, r: &Rendered, source_hash: &str) -> rusqlite::Result<()> {
    let mut rows: Vec<(&str, String, String)> = Vec::new();
    for (name, value) in super::about(source_hash) {
        rows.push(("database", name.to_string(), value));
    }
    for s in &r.status {
        rows.push(("locale", s.locale.clone(), format!("{:.1}", s.percent)));
    }
    for relation in describe::RELATIONS {
        let kind = if relation.is_view { "view" } else { "table" };
        rows.push((kind, relation.name.into(), relation.description.into()));
        for (column, text) in relation.columns() {
            rows.push(("column", format!("{}.{column}", relation.name), text));
        }
    }
    insert(tx, "metadata", &rows, |(kind, name, value)| {
        vec![
            ("kind", (*kind).into()),
            ("name", name.as_str().into()),
            ("value", value.as_str().into()),
        ]
    })
}
