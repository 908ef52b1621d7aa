//! Writing files people care about: a temporary file in the same folder,
//! flushed, then renamed over the target, so the old file stays intact
//! until the new one is complete.
//!
//! A new file gets the mode the umask allows (as `touch` would); a replaced
//! file keeps its mode, and its owner and group where the process may set
//! them. Only a regular file is ever replaced: a symbolic link, a FIFO or a
//! device is refused, since renaming over it would replace the node itself.
//! Missing parent folders are created, as build tools do.
//! Messages name the target, never the temporary file.

use std::fs::{self, Permissions};
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

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
    fs::create_dir_all(dir).map_err(|e| Error::io("create the folder", dir, e))?;
    remove_stale(dir);
    let existing = fs::metadata(path).ok().filter(|m| m.is_file());
    let file = tempfile::Builder::new()
        .prefix(&format!("{PREFIX}{}-", std::process::id()))
        .suffix(SUFFIX)
        // The kernel applies the umask to this mode, as for any new file.
        .permissions(Permissions::from_mode(0o666))
        .tempfile_in(dir)
        .map_err(|e| Error::io("create a temporary file in", dir, without_path(e)))?;
    if let Some(old) = existing {
        keep_owner_and_mode(file.as_file(), &old);
    }
    file.as_file()
        .lock()
        .map_err(|e| Error::io("lock a temporary file for", path, e))?;
    Ok(file)
}

/// Best effort: an unprivileged process may not give a file away, and then
/// the new file belongs to whoever runs statusdb, as any editor would do.
fn keep_owner_and_mode(file: &fs::File, old: &fs::Metadata) {
    let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    let _ = file.set_permissions(Permissions::from_mode(old.mode() & 0o7777));
}

/// The OS error alone: tempfile adds the temporary file's name, which means
/// nothing to the user.
fn without_path(e: std::io::Error) -> std::io::Error {
    match e.raw_os_error() {
        Some(code) => std::io::Error::from_raw_os_error(code),
        None => std::io::Error::from(e.kind()),
    }
}

/// Only a regular file (or nothing yet) may be replaced: renaming over a
/// device, a FIFO or a link would replace the node itself.
fn refuse_non_regular(path: &Path) -> Result<()> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    if meta.is_dir() {
        return Err(Error::Usage(format!(
            "'{}' is a folder; give a file path",
            path.display()
        )));
    }
    if !meta.is_file() {
        return Err(Error::Usage(format!(
            "'{}' is {}, not a regular file; statusdb only ever replaces regular files: give another path",
            path.display(),
            crate::source::input::kind(&meta)
        )));
    }
    Ok(())
}

/// Removes temporary files that no live statusdb holds: what a killed run
/// left behind. Best effort: a file that cannot be inspected stays.
fn remove_stale(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
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
        let unlocked = fs::File::open(entry.path()).is_ok_and(|f| f.try_lock().is_ok());
        if !owner_alive && unlocked {
            let _ = fs::remove_file(entry.path());
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
    let created = missing_folders(files);
    let temps = match prepare_all(files) {
        Ok(temps) => temps,
        Err(e) => {
            // "Nothing was written" includes the folders made for new files;
            // the temporary files in them are gone once `prepare_all` returns.
            for dir in &created {
                let _ = fs::remove_dir(dir);
            }
            return Err(Error::Usage(format!("{e}; nothing was written")));
        }
    };
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

/// Writes and syncs a temporary file beside each target, then checks that no
/// target changed since it was read.
fn prepare_all(files: &[Replacement]) -> Result<Vec<NamedTempFile>> {
    let mut temps = Vec::with_capacity(files.len());
    for file in files {
        let mut temp = temp_beside(file.path)?;
        temp.write_all(file.contents)
            .and_then(|()| temp.as_file().sync_all())
            .map_err(|e| Error::io("write", file.path, e))?;
        temps.push(temp);
    }
    for file in files {
        unchanged_since_read(file)?;
    }
    Ok(temps)
}

/// The folders that writing `files` will create, deepest first, so that
/// removing them in order undoes the creation.
fn missing_folders(files: &[Replacement]) -> Vec<PathBuf> {
    let mut missing = Vec::new();
    for file in files {
        let mut dir = file.path.parent();
        while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
            if !missing.iter().any(|m: &PathBuf| m == d) {
                missing.push(d.to_path_buf());
            }
            dir = d.parent();
        }
    }
    missing.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    missing
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
        .map_err(|e| Error::io("flush", path, e))?;
    temp.persist(path)
        .map_err(|e| Error::io("replace", path, e.error))?;
    Ok(())
}

/// Replaces (or creates) `path` with `bytes` atomically.
pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    persist(staged(path, bytes)?, path)
}

/// `bytes` written to a temporary file beside `path`, for [`persist`] once
/// everything else a command writes has been written too.
pub(crate) fn staged(path: &Path, bytes: &[u8]) -> Result<NamedTempFile> {
    let mut temp = temp_beside(path)?;
    temp.write_all(bytes)
        .map_err(|e| Error::io("write", path, e))?;
    Ok(temp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replaced_file_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.ftl");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, Permissions::from_mode(0o664)).unwrap();
        write(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(fs::metadata(&path).unwrap().mode() & 0o777, 0o664);
    }

    #[test]
    fn a_replaced_file_keeps_its_owner_where_the_process_may_set_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.ftl");
        fs::write(&path, "old").unwrap();
        // Only a privileged process may give a file away.
        if std::os::unix::fs::chown(&path, Some(65534), Some(65534)).is_err() {
            eprintln!("skipped: this process may not change a file's owner");
            return;
        }
        write(&path, b"new").unwrap();
        let meta = fs::metadata(&path).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
    }

    #[test]
    fn a_symbolic_link_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.ftl");
        let link = dir.path().join("link.ftl");
        fs::write(&target, "old").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let err = write(&link, b"new").unwrap_err().to_string();
        assert!(
            err.contains("link.ftl' is a symbolic link, not a regular file"),
            "{err}"
        );
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&target).unwrap(), b"old");
    }

    #[test]
    fn missing_parents_are_created() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dist/deep/x.csv");
        write(&path, b"a").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"a");
    }
}
