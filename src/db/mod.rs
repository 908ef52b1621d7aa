//! Write and read the SQLite database: schema from `migrations/`, rows from
//! the rendered content, and the queries the commands share with apps.

pub mod describe;
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

/// `PRAGMA application_id` of every statusdb database: 'STDB' in ASCII.
pub const APPLICATION_ID: i32 = 0x5354_4442;

/// The `database` rows of `metadata`: what the file was built from.
pub(crate) fn about(source_hash: &str) -> Vec<(&'static str, String)> {
    let version = env!("CARGO_PKG_VERSION");
    let short = source_hash.strip_prefix("sha256:").unwrap_or(source_hash);
    vec![
        ("schema_version", migrations::MIGRATIONS.len().to_string()),
        (
            "content_version",
            format!("{version}+{}", &short[..short.len().min(12)]),
        ),
        ("source_hash", source_hash.to_string()),
        ("tool_version", format!("statusdb {version}")),
        ("licence", env!("CARGO_PKG_LICENSE").to_string()),
    ]
}

/// A database built in memory, for commands run without a built file.
pub fn in_memory(facts: &Facts, rendered: &Rendered, source_hash: &str) -> Result<Connection> {
    let path = Path::new(IN_MEMORY);
    let mut conn = Connection::open_in_memory().map_err(|e| Error::db(path, e))?;
    write::fill(&mut conn, path, facts, rendered, source_hash)?;
    Ok(conn)
}

/// Opens a built database read-only and checks its schema version.
pub(crate) fn open(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| Error::db(path, e))?;
    migrations::ensure_current(&conn, path)?;
    Ok(conn)
}
