//! A locale's files, listed but not read yet. Every load goes through
//! here: a whole locale is read and parsed at once, while a check by parts
//! (`check::parts`) reads each file to plan, then again when its part's
//! turn comes, so that memory never holds the whole tree.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::ftl::FtlFile;
use super::glossary::Glossary;
use super::tag::LocaleTag;
use super::tree::{BrokenFile, Locale, broken_file};
use crate::error::Result;

/// How a file is read: given its locale's folder and its path.
pub(crate) type Reader = fn(&Path, &Path) -> Result<Vec<u8>>;

/// A Fluent file to read.
#[derive(Clone)]
pub(crate) struct RawFile {
    pub(crate) path: PathBuf,
    /// The key it pairs up by (see [`FtlFile::rel`]).
    pub(crate) rel: String,
    read: Reader,
}

impl RawFile {
    pub(crate) fn new(path: &Path, rel: String, read: Reader) -> Self {
        RawFile {
            path: path.to_path_buf(),
            rel,
            read,
        }
    }

    /// Its bytes (`dir` is its locale's folder).
    pub(crate) fn read(&self, dir: &Path) -> Result<Vec<u8>> {
        (self.read)(dir, &self.path)
    }

    /// The file read and parsed, or what is wrong with it.
    fn parse(self, dir: &Path) -> std::result::Result<FtlFile, BrokenFile> {
        let parsed = self
            .read(dir)
            .and_then(|bytes| FtlFile::parse(&self.path, self.rel.clone(), bytes));
        parsed.map_err(|err| BrokenFile {
            rel: self.rel,
            ..broken_file(dir, &self.path, err)
        })
    }
}

/// A locale's files, in load order.
pub(crate) struct RawLocale {
    pub(crate) tag: LocaleTag,
    pub(crate) dir: PathBuf,
    pub(crate) files: Vec<RawFile>,
    pub(crate) glossary: Option<Arc<Glossary>>,
    /// What could not be read besides the files (its glossary).
    pub(crate) broken: Vec<BrokenFile>,
}

impl RawLocale {
    /// Reads and parses every file (on every core when `parallel`), calling
    /// `parsed` after each.
    pub(crate) fn parse(self, parallel: bool, parsed: &(dyn Fn() + Sync)) -> Locale {
        let parse = |file: RawFile| {
            let result = file.parse(&self.dir);
            parsed();
            result
        };
        let results: Vec<_> = match parallel {
            true => self.files.into_par_iter().map(parse).collect(),
            false => self.files.into_iter().map(parse).collect(),
        };
        let (mut files, mut broken) = (Vec::new(), Vec::new());
        for result in results {
            match result {
                Ok(file) => files.push(file),
                Err(b) => broken.push(b),
            }
        }
        broken.extend(self.broken);
        Locale {
            tag: self.tag,
            dir: self.dir,
            files,
            broken,
            glossary: self.glossary,
        }
    }

    /// This locale split in `count` parts, `part(rel)` saying which part
    /// each file goes to; what is broken besides files goes to the first.
    pub(crate) fn split(self, count: usize, part: impl Fn(&str) -> usize) -> Vec<RawLocale> {
        let mut parts: Vec<RawLocale> = (0..count)
            .map(|_| RawLocale {
                tag: self.tag.clone(),
                dir: self.dir.clone(),
                files: Vec::new(),
                glossary: self.glossary.clone(),
                broken: Vec::new(),
            })
            .collect();
        if let Some(first) = parts.first_mut() {
            first.broken = self.broken;
        }
        for file in self.files {
            parts[part(&file.rel)].files.push(file);
        }
        parts
    }

    /// The files `keep` accepts, parsed, whatever else is broken.
    pub(crate) fn copy_of(&self, keep: impl Fn(&str) -> bool) -> Locale {
        let files = self.files.iter().filter(|f| keep(&f.rel));
        let copy = RawLocale {
            tag: self.tag.clone(),
            dir: self.dir.clone(),
            files: files.cloned().collect(),
            glossary: None,
            broken: Vec::new(),
        };
        copy.parse(false, &|| {})
    }
}
