//! Writing files people care about: a temporary file in the same folder,
//! flushed, then renamed over the target, so the old file stays intact
//! until the new one is complete.

use std::io::Write;
use std::path::Path;

use tempfile::NamedTempFile;

use crate::error::{Error, Result};

const PREFIX: &str = ".statusdb-";
const SUFFIX: &str = ".tmp";

/// A temporary file beside `path`, removed on drop unless persisted. Its
/// name carries this process's id and it stays locked while the process
/// lives, so [`remove_stale`] can tell the leftovers of a killed run from
/// the work of a running one.
pub(crate) fn temp_beside(path: &Path) -> Result<NamedTempFile> {
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
    remove_stale(dir);
    let temp = tempfile::Builder::new()
        .prefix(&format!("{PREFIX}{}-", std::process::id()))
        .suffix(SUFFIX)
        .tempfile_in(dir)
        .map_err(|e| Error::io("create a temporary file in", dir, e))?;
    temp.as_file()
        .lock()
        .map_err(|e| Error::io("lock", temp.path(), e))?;
    Ok(temp)
}

/// Removes temporary files that no live statusdb holds: what a killed run
/// left behind. Best effort: a file that cannot be inspected stays.
fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(PREFIX) && name.ends_with(SUFFIX)) {
            continue;
        }
        let owner = name[PREFIX.len()..].split('-').next().unwrap_or("");
        // A live owner may not have taken its lock yet; leave its file alone.
        let owner_alive = Path::new("/proc").join(owner).exists() && !owner.is_empty();
        let unlocked = std::fs::File::open(entry.path()).is_ok_and(|f| f.try_lock().is_ok());
        if !owner_alive && unlocked {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Flushes `temp` to disk and renames it over `path`.
pub(crate) fn persist(temp: NamedTempFile, path: &Path) -> Result<()> {
    temp.as_file()
        .sync_all()
        .map_err(|e| Error::io("flush", temp.path(), e))?;
    temp.persist(path)
        .map_err(|e| Error::io("replace", path, e.error))?;
    Ok(())
}

/// Replaces (or creates) `path` with `bytes` atomically.
pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut temp = temp_beside(path)?;
    temp.write_all(bytes)
        .map_err(|e| Error::io("write", temp.path(), e))?;
    persist(temp, path)
}
