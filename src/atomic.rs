//! Writing files people care about: a temporary file in the same folder,
//! flushed, then renamed over the target, so the old file stays intact
//! until the new one is complete.

use std::io::Write;
use std::path::Path;

use tempfile::NamedTempFile;

use crate::error::{Error, Result};

/// A temporary file beside `path`, removed on drop unless persisted.
pub fn temp_beside(path: &Path) -> Result<NamedTempFile> {
    if path.is_dir() {
        return Err(Error::Usage(format!(
            "{} is a folder; give a file path",
            path.display()
        )));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    tempfile::Builder::new()
        .prefix(".statusdb-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io("create a temporary file in", dir, e))
}

/// Flushes `temp` to disk and renames it over `path`.
pub fn persist(temp: NamedTempFile, path: &Path) -> Result<()> {
    temp.as_file()
        .sync_all()
        .map_err(|e| Error::io("flush", temp.path(), e))?;
    temp.persist(path)
        .map_err(|e| Error::io("replace", path, e.error))?;
    Ok(())
}

/// Replaces (or creates) `path` with `bytes` atomically.
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut temp = temp_beside(path)?;
    temp.write_all(bytes)
        .map_err(|e| Error::io("write", temp.path(), e))?;
    persist(temp, path)
}
