//! The schema, only from `migrations/`, applied in order; the version lives
//! in `PRAGMA user_version`.

use std::path::Path;

use rusqlite::Connection;

use crate::error::{Error, Result};

/// Every migration, in order; the file name says what it adds.
pub(crate) const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_schema.sql",
        include_str!("../../migrations/0001_schema.sql"),
    ),
    (
        "0002_pair_views.sql",
        include_str!("../../migrations/0002_pair_views.sql"),
    ),
    (
        "0003_search.sql",
        include_str!("../../migrations/0003_search.sql"),
    ),
    (
        "0004_delivery_and_aspects.sql",
        include_str!("../../migrations/0004_delivery_and_aspects.sql"),
    ),
    (
        "0005_metadata.sql",
        include_str!("../../migrations/0005_metadata.sql"),
    ),
];

/// Applies the pending migrations in one transaction. Refuses a database
/// written by a newer statusdb rather than guessing at its schema.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let db = |e| Error::db(path, e);
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(db)?;
    if version > MIGRATIONS.len() as i64 {
        return Err(Error::SchemaTooNew {
            path: path.to_path_buf(),
            found: version,
            known: MIGRATIONS.len(),
        });
    }
    let tx = conn.transaction().map_err(db)?;
    for (_, sql) in &MIGRATIONS[version as usize..] {
        tx.execute_batch(sql).map_err(db)?;
    }
    tx.pragma_update(None, "user_version", MIGRATIONS.len() as i64)
        .map_err(db)?;
    tx.commit().map_err(db)
}

/// Fails unless the database has exactly the schema this binary writes.
pub(crate) fn ensure_current(conn: &Connection, path: &Path) -> Result<()> {
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| Error::db(path, e))?;
    match version {
        v if v == MIGRATIONS.len() as i64 => Ok(()),
        v if v > MIGRATIONS.len() as i64 => Err(Error::SchemaTooNew {
            path: path.to_path_buf(),
            found: v,
            known: MIGRATIONS.len(),
        }),
        v => Err(Error::Usage(format!(
            "{} has schema version {v}, older than {}; rebuild it with `statusdb build --out {}`",
            path.display(),
            MIGRATIONS.len(),
            path.display()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_in_migrations_is_embedded_in_order() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let embedded: Vec<&str> = MIGRATIONS.iter().map(|(name, _)| *name).collect();
        assert_eq!(files, embedded);
        for (i, name) in embedded.iter().enumerate() {
            assert!(
                name.starts_with(&format!("{:04}_", i + 1)),
                "{name} is out of sequence"
            );
        }
    }

    #[test]
    fn migrations_apply_once_and_set_the_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, Path::new(":memory:")).unwrap();
        migrate(&mut conn, Path::new(":memory:")).unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, MIGRATIONS.len() as i64);
        ensure_current(&conn, Path::new(":memory:")).unwrap();
    }

    #[test]
    fn a_newer_database_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        let err = migrate(&mut conn, Path::new("x.sqlite")).unwrap_err();
        assert!(matches!(err, Error::SchemaTooNew { found: 99, .. }));
    }
}
