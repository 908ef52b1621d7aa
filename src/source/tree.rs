//! A Fluent locale tree laid out as `ROOT/<locale>/**/*.ftl`.

use std::fs;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use std::path::{Path, PathBuf};
use walkdir::WalkDir;

use super::ftl::FtlFile;
use super::glossary::{self, GLOSSARY_FILE, Glossary};
use super::raw::{RawFile, RawLocale};
use super::tag::LocaleTag;
use crate::error::{Error, Result};

/// One locale folder and its files, sorted by relative path.
pub struct Locale {
    pub tag: LocaleTag,
    /// The locale's folder.
    pub dir: PathBuf,
    pub files: Vec<FtlFile>,
    /// Files that could not be read as Fluent text (or a glossary that could
    /// not be read); the checks report them.
    pub broken: Vec<BrokenFile>,
    /// Preferred terms and wordings to avoid, from `glossary.csv`.
    pub glossary: Option<Arc<Glossary>>,
}

/// A file that is not readable UTF-8 text, or nests too deeply to parse.
#[derive(Debug, Clone)]
pub struct BrokenFile {
    pub(crate) path: PathBuf,
    pub(crate) rel: String,
    /// 1-based; 0 when the whole file could not be read.
    pub(crate) line: u64,
    pub(crate) message: String,
}

/// Every file of a locale in one Fluent bundle, to format its strings.
pub(crate) type Bundle<'a> = fluent_bundle::FluentBundle<&'a fluent_bundle::FluentResource>;

impl Locale {
    /// A bundle holding every file, and the files of `others` it lacks
    /// (of other parts of the locale, when it is a part). Ids defined twice
    /// are reported by the checks; here the first definition wins.
    pub(crate) fn bundle<'a>(&'a self, others: &'a [FtlFile]) -> Bundle<'a> {
        let mut bundle = fluent_bundle::FluentBundle::new(vec![self.tag.langid().clone()]);
        // Isolation marks would end up in the database and in every page.
        bundle.set_use_isolating(false);
        let own: rustc_hash::FxHashSet<&str> = match others.is_empty() {
            true => Default::default(),
            false => self.files.iter().map(|f| f.rel.as_str()).collect(),
        };
        let others = others.iter().filter(|o| !own.contains(o.rel.as_str()));
        for file in self.files.iter().chain(others) {
            let _ = bundle.add_resource(file.resource());
        }
        bundle
    }

    /// Bytes of Fluent source it holds: what checking it costs, roughly.
    pub(crate) fn source_len(&self) -> u64 {
        self.files.iter().map(|f| f.source().len() as u64).sum()
    }

    pub(crate) fn file(&self, rel: &str) -> Option<&FtlFile> {
        self.files.iter().find(|f| f.rel == rel)
    }
}

/// Every locale of a tree, sorted by tag.
pub struct LocaleTree {
    pub root: PathBuf,
    /// The locales loaded (all, or those asked for).
    pub locales: Vec<Locale>,
    /// Every locale folder of the tree, loaded or not.
    pub folders: Vec<LocaleTag>,
}

impl LocaleTree {
    pub fn locale(&self, tag: &str) -> Option<&Locale> {
        self.locales.iter().find(|l| l.tag.as_str() == tag)
    }

    /// Comma-separated tags, for error messages that list what is available.
    pub(crate) fn tags(&self) -> String {
        let tags: Vec<&str> = self.locales.iter().map(|l| l.tag.as_str()).collect();
        tags.join(", ")
    }
}

/// Loads the locales under `root`: all of them, or only those in `only`.
pub fn load(root: &Path, only: &[LocaleTag]) -> Result<LocaleTree> {
    load_with_progress(root, only, &|_, _| {})
}

/// Like [`load`], calling `progress(files_parsed, files_total)` as files are
/// parsed. Files are read and parsed in parallel, on every core.
pub(crate) fn load_with_progress(
    root: &Path,
    only: &[LocaleTag],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<LocaleTree> {
    let plan = TreePlan::new(root, only)?;
    let locales = (0..plan.len())
        .map(|at| plan.load(at, true, progress))
        .collect();
    Ok(LocaleTree::sorted(root, locales, plan.folders))
}

/// A tree's locale folders and their files, found but not read yet: a
/// command that checks one locale at a time reads each when its turn comes.
pub(crate) struct TreePlan {
    /// Every locale folder of the tree, loaded or not.
    pub(crate) folders: Vec<LocaleTag>,
    /// The locales to load, in tag order, with their `.ftl` files.
    locales: Vec<(LocaleTag, PathBuf, Vec<PathBuf>)>,
    total: usize,
    done: AtomicUsize,
}

impl TreePlan {
    /// The locales under `root`: all of them, or only those in `only`.
    pub(crate) fn new(root: &Path, only: &[LocaleTag]) -> Result<Self> {
        let dirs = locale_dirs(root, only.is_empty())?;
        let folders: Vec<LocaleTag> = dirs.iter().map(|(tag, _)| tag.clone()).collect();
        ensure_present(root, &folders, only)?;
        let mut locales = Vec::new();
        for (tag, dir) in dirs
            .into_iter()
            .filter(|(tag, _)| only.is_empty() || only.contains(tag))
        {
            let paths = collect_ftl(&dir)?;
            locales.push((tag, dir, paths));
        }
        locales.sort_by(|a, b| a.0.cmp(&b.0));
        let total = locales.iter().map(|(_, _, paths)| paths.len()).sum();
        Ok(TreePlan {
            folders,
            locales,
            total,
            done: AtomicUsize::new(0),
        })
    }

    pub(crate) fn len(&self) -> usize {
        self.locales.len()
    }

    pub(crate) fn tags(&self) -> impl Iterator<Item = &LocaleTag> {
        self.locales.iter().map(|(tag, _, _)| tag)
    }

    /// The locale at `at` (in tag order), its glossary read, its files not yet.
    pub(crate) fn listed(&self, at: usize) -> RawLocale {
        let (tag, dir, paths) = &self.locales[at];
        let file = |path: &PathBuf| RawFile::new(path, relative(dir, path), read_named);
        let (glossary, broken) = match glossary::load(dir) {
            Ok(glossary) => (glossary.map(Arc::new), Vec::new()),
            Err(err) => (None, vec![broken_file(dir, &dir.join(GLOSSARY_FILE), err)]),
        };
        RawLocale {
            tag: tag.clone(),
            dir: dir.clone(),
            files: paths.iter().map(file).collect(),
            glossary,
            broken,
        }
    }

    /// Reads and parses the locale at `at` (in tag order), its files on
    /// every core when `parallel`, calling `progress(files_parsed, total)`
    /// over the whole plan.
    pub(crate) fn load(
        &self,
        at: usize,
        parallel: bool,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Locale {
        let parsed = || progress(self.done.fetch_add(1, Ordering::Relaxed) + 1, self.total);
        self.listed(at).parse(parallel, &parsed)
    }
}

/// One locale from files named one by one, each with the key it pairs up
/// by (e.g. a project configuration's plan); parsed on every core when
/// `parallel`.
pub fn load_files(
    tag: LocaleTag,
    dir: PathBuf,
    files: &[(PathBuf, String)],
    parallel: bool,
) -> Locale {
    list_files(tag, dir, files).parse(parallel, &|| {})
}

/// Like [`load_files`], without reading the files yet.
pub(crate) fn list_files(tag: LocaleTag, dir: PathBuf, files: &[(PathBuf, String)]) -> RawLocale {
    let file =
        |(path, rel): &(PathBuf, String)| RawFile::new(path, rel.clone(), |_, p| read_source(p));
    // A project configuration names files, not locale folders: no glossary.
    RawLocale {
        tag,
        dir,
        files: files.iter().map(file).collect(),
        glossary: None,
        broken: Vec::new(),
    }
}

/// A locale's files held in memory: `(relative path, bytes)`, its `.ftl`
/// files and its glossary.
pub type MemoryLocale = (LocaleTag, Vec<(String, Vec<u8>)>);

/// Builds a tree from files held in memory,
/// loading all locales or only those in `only`. `root` names the tree in messages.
pub fn from_memory(root: &Path, all: Vec<MemoryLocale>, only: &[LocaleTag]) -> Result<LocaleTree> {
    let folders: Vec<LocaleTag> = all.iter().map(|(tag, _)| tag.clone()).collect();
    ensure_present(root, &folders, only)?;
    let mut locales = Vec::new();
    for (tag, sources) in all {
        if !only.is_empty() && !only.contains(&tag) {
            continue;
        }
        let dir = root.join(tag.as_str());
        let (mut files, mut broken, mut glossary) = (Vec::new(), Vec::new(), None);
        for (rel, bytes) in sources {
            let path = dir.join(&rel);
            let parsed = match rel == GLOSSARY_FILE {
                true => glossary::parse(&path, &bytes).map(|g| glossary = Some(Arc::new(g))),
                false => FtlFile::parse(&path, rel, bytes).map(|file| files.push(file)),
            };
            if let Err(err) = parsed {
                broken.push(broken_file(&dir, &path, err));
            }
        }
        locales.push(Locale {
            tag,
            dir,
            files,
            broken,
            glossary,
        });
    }
    Ok(LocaleTree::sorted(root, locales, folders))
}

impl LocaleTree {
    /// The tree with its locales in tag order, however they were loaded.
    fn sorted(root: &Path, mut locales: Vec<Locale>, folders: Vec<LocaleTag>) -> Self {
        locales.sort_by(|a, b| a.tag.cmp(&b.tag));
        LocaleTree {
            root: root.to_path_buf(),
            locales,
            folders,
        }
    }
}

/// Fails when a locale asked for has no folder in the tree.
fn ensure_present(root: &Path, folders: &[LocaleTag], only: &[LocaleTag]) -> Result<()> {
    match only.iter().find(|t| !folders.contains(t)) {
        None => Ok(()),
        Some(missing) => {
            let available: Vec<&str> = folders.iter().map(|tag| tag.as_str()).collect();
            Err(Error::Usage(format!(
                "no locale `{missing}` in {}; available: {}",
                root.display(),
                available.join(", ")
            )))
        }
    }
}

/// Locale folders under `root`. Hidden folders are skipped; any other folder
/// must be named by a BCP 47 tag when `strict` (all locales were asked for).
fn locale_dirs(root: &Path, strict: bool) -> Result<Vec<(LocaleTag, PathBuf)>> {
    if !root.is_dir() {
        return Err(Error::Usage(format!(
            "the locale folder '{}' does not exist; give the folder that holds one folder per locale",
            root.display()
        )));
    }
    let mut dirs = Vec::new();
    for entry in sorted_entries(root, "read the locale folder")? {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !entry.path().is_dir() {
            continue;
        }
        // As for files: a link could lead anywhere, and its files would be
        // read and quoted in diagnostics.
        if entry.file_type().is_ok_and(|t| t.is_symlink()) {
            return Err(Error::Usage(format!(
                "{} is a symbolic link; statusdb does not follow links, so nothing outside the tree is ever read; put the folder itself in the tree",
                entry.path().display()
            )));
        }
        match name.parse::<LocaleTag>() {
            Ok(tag) => dirs.push((tag, entry.path())),
            Err(why) if strict => {
                return Err(Error::Usage(format!(
                    "{}: folder {why}; name each locale folder by its tag, or pass the locales to use",
                    entry.path().display()
                )));
            }
            Err(_) => {}
        }
    }
    Ok(dirs)
}

/// One unusable file must not hide the findings of all the others.
pub(crate) fn broken_file(dir: &Path, path: &Path, err: Error) -> BrokenFile {
    let (line, message) = match err {
        Error::Data { line, message, .. } => (line, message),
        other => (0, other.to_string()),
    };
    BrokenFile {
        path: path.to_path_buf(),
        rel: relative(dir, path),
        line,
        message,
    }
}

/// The bytes of a file of a locale folder, whose name must be UTF-8.
fn read_named(dir: &Path, path: &Path) -> Result<Vec<u8>> {
    let unnamed = path
        .strip_prefix(dir)
        .map_or(true, |rel| rel.to_str().is_none());
    if unnamed {
        return Err(Error::Data {
            path: path.to_path_buf(),
            line: 0,
            message: "the file name is not valid UTF-8, so it cannot be matched with the reference's files; rename it".into(),
        });
    }
    read_source(path)
}

/// The bytes of a Fluent file, which must be a regular file, not a link.
fn read_source(path: &Path) -> Result<Vec<u8>> {
    if is_link(path) {
        return Err(Error::Data {
            path: path.to_path_buf(),
            line: 0,
            message: "the file is a symbolic link; statusdb does not follow links to files, so nothing outside the tree is ever read".into(),
        });
    }
    super::input::read(path)
}

/// Whether `path` is a symbolic link: a Fluent file that is one is never
/// read, wherever it points.
pub(crate) fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Every `*.ftl` below `dir`, depth first, sorted by name within each
/// folder. Symbolic links to folders are not followed, so a link loop
/// cannot hang the walk; links to files are listed, for [`read_file`] to
/// report.
pub(crate) fn collect_ftl(dir: &Path) -> Result<Vec<PathBuf>> {
    let walk = WalkDir::new(dir)
        .min_depth(1)
        .follow_links(false)
        .sort_by_file_name();
    let mut out = Vec::new();
    for entry in walk {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            Error::io("read the folder", path, e.into())
        })?;
        let kind = entry.file_type();
        let path = entry.into_path();
        if path.extension().is_some_and(|e| e == "ftl") && (kind.is_symlink() || kind.is_file()) {
            out.push(path);
        }
    }
    Ok(out)
}

fn sorted_entries(dir: &Path, action: &'static str) -> Result<Vec<fs::DirEntry>> {
    let entries = fs::read_dir(dir).map_err(|e| Error::io(action, dir, e))?;
    let mut entries = entries
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Error::io(action, dir, e))?;
    entries.sort_by_key(|e| e.file_name());
    Ok(entries)
}

pub(crate) fn relative(dir: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(dir).unwrap_or(path);
    let parts: Vec<_> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}
