//! Write and read the SQLite database: schema from `migrations/`, rows from
//! the rendered content, and the queries the commands share with apps.

pub mod migrations;
pub mod query;
pub(crate) mod search;
mod write;

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};
use crate::render::Rendered;
use crate::source::Facts;

pub use write::write_file;

/// The name errors give a database built in memory.
pub(crate) const IN_MEMORY: &str = ":memory:";

/// A database built in memory, for commands run without a built file.
pub fn in_memory(facts: &Facts, rendered: &Rendered) -> Result<Connection> {
    let path = Path::new(IN_MEMORY);
    let mut conn = Connection::open_in_memory().map_err(|e| Error::db(path, e))?;
    write::fill(&mut conn, path, facts, rendered)?;
    Ok(conn)
}

/// Opens a built database read-only and checks its schema version.
pub(crate) fn open(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| Error::db(path, e))?;
    migrations::ensure_current(&conn, path)?;
    Ok(conn)
}
