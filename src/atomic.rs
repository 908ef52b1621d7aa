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
    refuse_non_regular(path)?;
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

/// Only a regular file (or nothing yet) may be replaced: renaming over a
/// device, a FIFO or a link would replace the node itself.
fn refuse_non_regular(path: &Path) -> Result<()> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    if meta.is_dir() {
        return Err(Error::Usage(format!(
            "{} is a folder; give a file path",
            path.display()
        )));
    }
    if !meta.is_file() {
        return Err(Error::Usage(format!(
            "{} is {}, not a regular file; statusdb only ever replaces regular files: give another path",
            path.display(),
            crate::source::input::kind(&meta)
        )));
    }
    Ok(())
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

/// [`remove_stale`] in `root` and every folder below it (links to folders
/// are not followed): a killed run may have been writing anywhere in a tree.
pub(crate) fn remove_stale_under(root: &Path) {
    remove_stale(root);
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            remove_stale_under(&entry.path());
        }
    }
}

/// Holds an exclusive advisory lock on the folder `root` until dropped, so
/// writers of one tree take turns instead of overwriting each other's work.
/// Waits (saying so) while another statusdb holds it.
pub(crate) fn lock_tree(root: &Path) -> Result<std::fs::File> {
    let folder = std::fs::File::open(root).map_err(|e| Error::io("open", root, e))?;
    if folder.try_lock().is_err() {
        eprintln!(
            "note: waiting for another statusdb that is writing to {}",
            root.display()
        );
        folder.lock().map_err(|e| Error::io("lock", root, e))?;
    }
    Ok(folder)
}

/// One file of a multi-file write.
pub(crate) struct Replacement<'a> {
    pub path: &'a Path,
    pub contents: &'a [u8],
    /// The bytes the file had when it was read; `None` when it did not exist.
    pub read: Option<&'a [u8]>,
}

/// Replaces every file or none: each new version is written and flushed
/// to a temporary file first, every target is checked to be as it was when
/// read, and only then is each renamed into place.
pub(crate) fn replace_all(files: &[Replacement]) -> Result<()> {
    let nothing = |e: Error| Error::Usage(format!("{e}; nothing was written"));
    let mut temps = Vec::with_capacity(files.len());
    for file in files {
        let mut temp = temp_beside(file.path).map_err(nothing)?;
        temp.write_all(file.contents)
            .and_then(|()| temp.as_file().sync_all())
            .map_err(|e| nothing(Error::io("write", temp.path(), e)))?;
        temps.push(temp);
    }
    for file in files {
        unchanged_since_read(file).map_err(nothing)?;
    }
    for (done, (temp, file)) in temps.into_iter().zip(files).enumerate() {
        temp.persist(file.path).map_err(|e| {
            let written: Vec<String> = files[..done]
                .iter()
                .map(|f| f.path.display().to_string())
                .collect();
            Error::Usage(format!(
                "cannot replace {}: {}; already written: {}",
                file.path.display(),
                e.error,
                if written.is_empty() {
                    "nothing".to_string()
                } else {
                    written.join(", ")
                }
            ))
        })?;
    }
    Ok(())
}

fn unchanged_since_read(file: &Replacement) -> Result<()> {
    let now = match std::fs::read(file.path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Error::io("read", file.path, e)),
    };
    match now.as_deref() == file.read {
        true => Ok(()),
        false => Err(Error::Usage(format!(
            "{} changed on disk since import read it; run the import again to apply it to the new version",
            file.path.display()
        ))),
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
