//! Where a command takes statusdb's own sources from: a folder named on the
//! command line, else the folder of that name in the current directory,
//! else the content built into the binary.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::builtin;
use super::facts::{ALIASES_FILE, CODES_FILE, Facts, LOCALES_FILE};
use super::glossary::GLOSSARY_FILE;
use super::tag::LocaleTag;
use super::tree::{self, LocaleTree};
use crate::cli::{DATA_DIR, LOCALES_DIR};
use crate::error::{Error, Result};

/// One of the two source folders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Folder(PathBuf),
    BuiltIn,
}

/// Where the locale tree and the data come from.
#[derive(Debug, Clone)]
pub struct Origins {
    pub locales: Origin,
    pub data: Origin,
}

impl Origins {
    /// Resolves each folder: the flag's value, else `./locales` or `./data`
    /// when it exists, else the built-in content.
    pub fn resolve(locales: Option<&Path>, data: Option<&Path>) -> Origins {
        let pick = |flag: Option<&Path>, name: &str| match flag {
            Some(path) => Origin::Folder(path.to_path_buf()),
            None if Path::new(name).is_dir() => Origin::Folder(PathBuf::from(name)),
            // No folder here: the content compiled into the binary.
            None => Origin::BuiltIn,
        };
        Origins {
            locales: pick(locales, LOCALES_DIR),
            data: pick(data, DATA_DIR),
        }
    }

    /// The stderr note a command prints when it uses the built-in content,
    /// which a user in an empty folder may not expect.
    pub fn note(&self) -> Option<String> {
        let missing: Vec<&str> = [("locales/", &self.locales), ("data/", &self.data)]
            .into_iter()
            .filter(|(_, o)| **o == Origin::BuiltIn)
            .map(|(name, _)| name)
            .collect();
        (!missing.is_empty()).then(|| {
            format!(
                "note: no {} here; using the content built into statusdb {}\n",
                missing.join(" or "),
                env!("CARGO_PKG_VERSION")
            )
        })
    }

    pub fn facts(&self) -> Result<Facts> {
        match &self.data {
            Origin::Folder(dir) => super::facts::load(dir),
            Origin::BuiltIn => builtin::facts(),
        }
    }

    /// The locale tree, reporting `(files parsed, total)` as it loads.
    pub fn tree(
        &self,
        only: &[LocaleTag],
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<LocaleTree> {
        match &self.locales {
            Origin::Folder(dir) => tree::load_with_progress(dir, only, progress),
            Origin::BuiltIn => builtin::tree(only),
        }
    }

    /// `sha256:<hex>` of every source file and its path (`data/*.csv`,
    /// `locales/**/*.ftl`), so a database can tell which sources built it.
    pub fn fingerprint(&self) -> Result<String> {
        let mut files: Vec<(String, Source)> = Vec::new();
        // The embedded list is only walked when some origin is built in.
        let from_builtin = |prefix: &str| {
            builtin::files()
                .into_iter()
                .filter(|(path, _)| path.starts_with(prefix))
                .map(|(path, bytes)| (path, Source::BuiltIn(bytes)))
                .collect::<Vec<_>>()
        };
        match &self.data {
            Origin::BuiltIn => files.extend(from_builtin("data/")),
            Origin::Folder(dir) => {
                for name in [CODES_FILE, ALIASES_FILE, LOCALES_FILE] {
                    files.push((format!("data/{name}"), Source::File(dir.join(name))));
                }
            }
        }
        match &self.locales {
            Origin::BuiltIn => files.extend(from_builtin("locales/")),
            Origin::Folder(root) => {
                let glossaries = std::fs::read_dir(root)
                    .map_err(|e| Error::io("read the locale folder", root, e))?
                    .flatten()
                    .map(|entry| entry.path().join(GLOSSARY_FILE))
                    .filter(|path| path.is_file());
                // A linked .ftl is never read: the tree reports it
                // unreadable, which stops a build, and the link may lead
                // outside the tree or to a pipe that never ends.
                let ftl = tree::collect_ftl(root)?
                    .into_iter()
                    .filter(|path| !tree::is_link(path));
                for path in ftl.chain(glossaries) {
                    let rel = tree::relative(root, &path);
                    files.push((format!("locales/{rel}"), Source::File(path)));
                }
            }
        }
        digest(files)
    }
}

/// A source file to hash: built in, or read when its turn comes, so that
/// memory holds one file at a time, not the tree.
enum Source {
    BuiltIn(&'static [u8]),
    File(PathBuf),
}

/// Order-independent of how the files were found: sorted by path (each
/// path is listed once), each path and length framed so that no two file
/// sets hash alike by accident. Files are read as every input is: only a
/// regular file, and bounded.
fn digest(mut files: Vec<(String, Source)>) -> Result<String> {
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut hash = Sha256::new();
    for (path, source) in &files {
        let bytes = match source {
            Source::BuiltIn(bytes) => Cow::Borrowed(*bytes),
            Source::File(file) => Cow::Owned(super::input::read(file)?),
        };
        hash.update(path.as_bytes());
        hash.update([0]);
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(&bytes);
    }
    let hex: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!("sha256:{hex}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo(name: &str) -> Origin {
        Origin::Folder(Path::new(env!("CARGO_MANIFEST_DIR")).join(name))
    }

    #[test]
    fn the_built_in_content_is_the_repository_s() {
        let builtin = Origins {
            locales: Origin::BuiltIn,
            data: Origin::BuiltIn,
        };
        let folders = Origins {
            locales: repo("locales"),
            data: repo("data"),
        };
        assert_eq!(
            builtin.fingerprint().unwrap(),
            folders.fingerprint().unwrap()
        );
        let tree = builtin.tree(&[], &|_, _| {}).unwrap();
        assert!(tree.locale("en").is_some() && tree.locale("ru").is_some());
        assert!(builtin.facts().unwrap().code(403).is_some());
    }

    #[test]
    fn the_fingerprint_changes_with_any_byte() {
        let a = digest(vec![("data/x.csv".into(), Source::BuiltIn(b"ab"))]).unwrap();
        let b = digest(vec![("data/x.csv".into(), Source::BuiltIn(b"ac"))]).unwrap();
        assert_ne!(a, b);
        assert!(a.starts_with("sha256:") && a.len() == 7 + 64);
    }
}
