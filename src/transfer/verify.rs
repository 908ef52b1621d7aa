//! The last check of an import: the locale as it would be after the writes
//! may not have an error that `validate` does not report today. Gaps are
//! not counted: translating one attribute of a missing message leaves the
//! message incomplete, which is progress, not breakage. The row
//! checks catch most problems with a precise reason; this catches the rest
//! (a reference to nothing, a cycle, text that would make a file unreadable).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use super::import::FileWrite;
use crate::check::{self, Diagnostic, Options};
use crate::source::{FtlFile, Locale};

/// Weighs planned writes against the locale as loaded; an import plans
/// again after refusing rows, and the state before its writes is checked
/// once for all rounds.
pub(crate) struct Verifier<'a> {
    reference: &'a Locale,
    locale: &'a Locale,
    /// How many times each error (without its place) occurs today.
    before: OnceLock<BTreeMap<(String, String), usize>>,
}

impl<'a> Verifier<'a> {
    pub(crate) fn new(reference: &'a Locale, locale: &'a Locale) -> Self {
        Verifier {
            reference,
            locale,
            before: OnceLock::new(),
        }
    }

    /// Errors that would stop a build, which the locale would have after
    /// `writes` and does not have now.
    pub(crate) fn new_errors(&self, writes: &[FileWrite]) -> Vec<Diagnostic> {
        // The state before needs no copy; the state after parses the locale
        // with its writes. The first round checks both at once, one per core.
        let (before, after) = rayon::join(
            || {
                self.before.get_or_init(|| {
                    let mut seen = BTreeMap::new();
                    for d in errors(self.reference, self.locale) {
                        *seen.entry(identity(&d)).or_default() += 1;
                    }
                    seen
                })
            },
            || match copy(self.locale, writes) {
                Some(changed) => errors(self.reference, &changed),
                None => Vec::new(),
            },
        );
        let mut seen = before.clone();
        after
            .into_iter()
            .filter(|d| match seen.get_mut(&identity(d)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            })
            .collect()
    }
}

/// A finding without its place, which edits above it shift.
fn identity(d: &Diagnostic) -> (String, String) {
    (d.rule.name().to_string(), d.message.clone())
}

/// The errors that stop a build which `locale` has against `reference`.
fn errors(reference: &Locale, locale: &Locale) -> Vec<Diagnostic> {
    let options = Options {
        reference: reference.tag.as_str(),
        facts: None,
        lint: false,
        scope: None,
    };
    check::check_locales(reference, &[reference, locale], &options)
        .diagnostics
        .into_iter()
        .filter(|d| d.blocks_build() && d.locale.as_deref() == Some(locale.tag.as_str()))
        .collect()
}

/// `locale` parsed again from its bytes, with `writes` in place of (or
/// beside) its files (`None` if a write is outside its folder); a write that would leave an unreadable file becomes
/// one of its broken files, so the checks report it.
fn copy(locale: &Locale, writes: &[FileWrite]) -> Option<Locale> {
    let mut sources: BTreeMap<String, (std::path::PathBuf, Vec<u8>)> = locale
        .files
        .iter()
        .map(|f| (f.rel.clone(), (f.path.clone(), f.bytes())))
        .collect();
    for write in writes {
        let rel = relative(&locale.dir, &write.path)?;
        sources.insert(rel, (write.path.clone(), write.contents.clone()));
    }
    let mut files = Vec::new();
    let mut broken = locale.broken.clone();
    for (rel, (path, bytes)) in sources {
        match FtlFile::parse(&path, rel.clone(), bytes) {
            Ok(file) => files.push(file),
            Err(err) => broken.push(crate::source::BrokenFile {
                path,
                rel,
                line: 0,
                message: err.to_string(),
            }),
        }
    }
    Some(Locale {
        tag: locale.tag.clone(),
        dir: locale.dir.clone(),
        files,
        broken,
        glossary: locale.glossary.clone(),
    })
}

fn relative(dir: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(dir).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}
