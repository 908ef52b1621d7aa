//! The last check of an import: the locale as it would be after the writes
//! may not have an error that `validate` does not report today. Gaps are
//! not counted: translating one attribute of a missing message leaves the
//! message incomplete, which is progress, not breakage. The row
//! checks catch most problems with a precise reason; this catches the rest
//! (a reference to nothing, a cycle, text that would make a file unreadable).

use std::collections::BTreeMap;
use std::path::Path;

use super::import::FileWrite;
use crate::check::{self, Diagnostic, Options};
use crate::source::{FtlFile, Locale};

/// Errors that would stop a build, which the locale would have after
/// `writes` and does not have now.
pub(crate) fn new_errors(
    reference: &Locale,
    locale: &Locale,
    writes: &[FileWrite],
) -> Vec<Diagnostic> {
    // The locale as it is needs no copy; as it would be, only with its
    // writes parsed in. Both are checked at once, one on each core.
    let (before, after) = rayon::join(
        || errors(reference, locale),
        || copy(locale, writes).map_or_else(Vec::new, |changed| errors(reference, &changed)),
    );
    let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
    for d in &before {
        *seen.entry(identity(d)).or_default() += 1;
    }
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
