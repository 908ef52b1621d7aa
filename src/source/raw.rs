//! A locale's files read but not parsed yet. Every load goes through here:
//! a whole locale is parsed at once, while a check by parts
//! (`check::parts`) plans from the bytes and parses one part at a time.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::ftl::FtlFile;
use super::glossary::Glossary;
use super::tag::LocaleTag;
use super::tree::{BrokenFile, Locale, broken_file};
use crate::error::Error;

/// A Fluent file's bytes, or why they could not be read.
pub(crate) struct RawFile {
    pub(crate) path: PathBuf,
    /// The key it pairs up by (see [`FtlFile::rel`]).
    pub(crate) rel: String,
    bytes: Result<Vec<u8>, Error>,
}

impl RawFile {
    /// Reads `path` with `read`; a failure is kept, to be reported.
    pub(crate) fn read(
        path: &Path,
        rel: String,
        read: impl FnOnce(&Path) -> crate::error::Result<Vec<u8>>,
    ) -> Self {
        RawFile {
            path: path.to_path_buf(),
            rel,
            bytes: read(path),
        }
    }

    /// The bytes, when they could be read.
    pub(crate) fn bytes(&self) -> Option<&[u8]> {
        self.bytes.as_deref().ok()
    }

    pub(crate) fn len(&self) -> u64 {
        self.bytes().map_or(0, |b| b.len() as u64)
    }

    /// The file parsed, or what is wrong with it (`dir` is its locale's folder).
    fn parse(self, dir: &Path) -> Result<FtlFile, BrokenFile> {
        let parsed = self
            .bytes
            .and_then(|bytes| FtlFile::parse(&self.path, self.rel.clone(), bytes));
        parsed.map_err(|err| BrokenFile {
            rel: self.rel,
            ..broken_file(dir, &self.path, err)
        })
    }

    /// A copy, for a file parsed twice.
    fn copy(&self) -> Option<Self> {
        Some(RawFile {
            path: self.path.clone(),
            rel: self.rel.clone(),
            bytes: Ok(self.bytes()?.to_vec()),
        })
    }
}

/// A locale whose files are read into memory, in load order.
pub(crate) struct RawLocale {
    pub(crate) tag: LocaleTag,
    pub(crate) dir: PathBuf,
    pub(crate) files: Vec<RawFile>,
    pub(crate) glossary: Option<Arc<Glossary>>,
    /// What could not be read besides the files (its glossary).
    pub(crate) broken: Vec<BrokenFile>,
}

impl RawLocale {
    /// Bytes of Fluent source it holds.
    pub(crate) fn len(&self) -> u64 {
        self.files.iter().map(RawFile::len).sum()
    }

    /// Parses every file (on every core when `parallel`), calling `parsed`
    /// after each.
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

    /// A parsed copy of the files `keep` accepts, whatever else is broken.
    pub(crate) fn copy_of(&self, keep: impl Fn(&str) -> bool) -> Locale {
        let files = self.files.iter().filter(|f| keep(&f.rel));
        let copy = RawLocale {
            tag: self.tag.clone(),
            dir: self.dir.clone(),
            files: files.filter_map(RawFile::copy).collect(),
            glossary: None,
            broken: Vec::new(),
        };
        copy.parse(false, &|| {})
    }
}
