//! What a locale lacks or keeps compared with the reference, file by file.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::diagnostic::{Diagnostic, Severity};
use super::rule::Rule;
use super::scope::{Action, Scope};
use crate::source::catalog::{Catalog, Entry};
use crate::source::{FtlFile, Locale};

/// Counts of one locale against the reference, in strings (values and attributes).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Counts {
    pub(crate) total: usize,
    pub(crate) translated: usize,
    /// Messages and terms missing entirely.
    pub(crate) missing_entries: usize,
    /// Messages and terms the reference no longer has.
    pub(crate) obsolete: usize,
}

impl Counts {
    /// Adds the counts of another part of the locale.
    pub(crate) fn add(&mut self, part: Counts) {
        self.total += part.total;
        self.translated += part.translated;
        self.missing_entries += part.missing_entries;
        self.obsolete += part.obsolete;
    }
}

/// Compares `locale` with `reference`; `scope` (a project configuration)
/// says which files the locale translates and what its filters make of a gap:
/// an ignored gap is not counted, a gap it makes a warning is reported but
/// not counted as missing (compare-locales' "report").
pub(crate) fn check(
    (reference, ref_catalog): (&Locale, &Catalog),
    (locale, catalog): (&Locale, &Catalog),
    scope: Option<&dyn Scope>,
) -> (Counts, Vec<Diagnostic>) {
    let mut counts = Counts::default();
    let mut found = Vec::new();
    let tag = locale.tag.as_str();
    let action =
        |rel: &str, key: Option<&str>| scope.map_or(Action::Error, |s| s.action(tag, rel, key));
    // By path, once: finding each reference file's translation by a scan
    // of the locale's files was quadratic in the number of files.
    let files: HashMap<&str, (usize, &FtlFile)> = locale
        .files
        .iter()
        .enumerate()
        .rev()
        .map(|(at, f)| (f.rel.as_str(), (at, f)))
        .collect();
    let broken: HashSet<&str> = locale.broken.iter().map(|b| b.rel.as_str()).collect();
    for (at, ref_file) in reference.files.iter().enumerate() {
        if scope.is_some_and(|s| !s.translates(tag, &ref_file.rel)) {
            continue;
        }
        let found_file = files.get(ref_file.rel.as_str()).copied();
        let ref_entries = ref_catalog.in_file(at);
        let severity = action(&ref_file.rel, None).severity();
        if found_file.is_none() && severity.is_none() {
            continue; // a file the filters let the locale leave out
        }
        counts.total += ref_entries.iter().map(|e| e.units().count()).sum::<usize>();
        if let (None, Some(severity)) = (found_file, severity) {
            counts.missing_entries += ref_entries.len();
            // An unreadable file is reported as such, not again as missing.
            if !broken.contains(ref_file.rel.as_str()) {
                let path = scope.and_then(|s| s.l10n_path(tag, &ref_file.rel));
                let path = path.unwrap_or_else(|| locale.dir.join(&ref_file.rel));
                found.push(missing_file(locale, ref_file, &path).severity(severity));
            }
        }
        let Some((file_at, file)) = found_file else {
            continue;
        };
        let entries = catalog.in_file(file_at);
        let by_key: HashMap<&str, &Entry> = entries.iter().map(|e| (e.key.as_ref(), *e)).collect();
        for &ref_entry in &ref_entries {
            match by_key.get(ref_entry.key.as_ref()) {
                Some(entry) => {
                    counts.translated += compare_entry(tag, ref_entry, entry, &mut found)
                }
                None => match action(&ref_file.rel, Some(&ref_entry.key)).severity() {
                    None => counts.total -= ref_entry.units().count(),
                    Some(severity) => {
                        counts.missing_entries += usize::from(severity == Severity::Error);
                        found.push(missing_entry(tag, file, ref_entry).severity(severity));
                    }
                },
            }
        }
        // Terms of the locale's own (grammar helpers) are not obsolete.
        let known: HashSet<&str> = ref_entries.iter().map(|e| e.key.as_ref()).collect();
        let obsolete = entries.iter().filter(|e| {
            !e.is_term()
                && !known.contains(e.key.as_ref())
                && action(&ref_file.rel, Some(&e.key)) != Action::Ignore
        });
        for entry in obsolete {
            counts.obsolete += 1;
            found.push(obsolete_entry(tag, entry));
        }
    }
    // compare-locales counts no entries of an obsolete file, only the file.
    let reference_files: HashSet<&str> = reference.files.iter().map(|f| f.rel.as_str()).collect();
    for file in locale
        .files
        .iter()
        .filter(|f| !reference_files.contains(f.rel.as_str()))
    {
        found.push(
            Diagnostic::new(
                Rule::ObsoleteFile,
                format!("`{}` is not in the reference locale", file.rel),
            )
            .locale(tag)
            .file(file.shown.clone())
            .help("delete the file, or move its messages to a file the reference has"),
        );
    }
    (counts, found)
}

/// Returns how many of the reference entry's units the translation has.
fn compare_entry(
    tag: &str,
    reference: &Entry,
    entry: &Entry,
    found: &mut Vec<Diagnostic>,
) -> usize {
    let mut present = 0;
    for unit in reference.units() {
        // A term's attributes are the locale's own (gender, case): only its
        // value must be there.
        let own = entry.is_term() && unit.is_some();
        if entry.pattern(unit).is_some() || own {
            present += 1;
            continue;
        }
        let (rule, what) = match unit {
            None => (
                Rule::MissingValue,
                "has no value, but the reference has one".to_string(),
            ),
            Some(attr) => (
                Rule::MissingAttribute,
                format!("lacks the attribute `.{attr}`"),
            ),
        };
        found.push(
            Diagnostic::new(rule, format!("`{}` {what}", entry.key))
                .locale(tag)
                .at(entry.file, entry.offset, entry.key.len())
                .help(reference_help(reference)),
        );
    }
    for attr in entry
        .attributes
        .iter()
        .filter(|a| !entry.is_term() && reference.attribute(a.id.name).is_none())
    {
        found.push(
            Diagnostic::new(
                Rule::ObsoleteAttribute,
                format!("`{}.{}` is not in the reference", entry.key, attr.id.name),
            )
            .locale(tag)
            .at(
                entry.file,
                entry.file.offset_of(attr.id.name),
                attr.id.name.len(),
            )
            .help("delete it, or add it to the reference first"),
        );
    }
    present
}

fn reference_help(reference: &Entry) -> String {
    let (line, col) = reference.file.position(reference.offset);
    format!(
        "the reference defines it at {}:{line}:{col}",
        reference.file.shown
    )
}

fn missing_file(locale: &Locale, ref_file: &FtlFile, path: &std::path::Path) -> Diagnostic {
    let name = path.strip_prefix(&locale.dir).unwrap_or(path);
    Diagnostic::new(
        Rule::MissingFile,
        format!("`{}` is missing", name.display()),
    )
    .locale(locale.tag.as_str())
    .file(path.display().to_string())
    .help(format!(
        "create it by copying {} and translating its messages",
        ref_file.shown
    ))
}

fn missing_entry(tag: &str, file: &FtlFile, reference: &Entry) -> Diagnostic {
    let kind = if reference.is_term() {
        "term"
    } else {
        "message"
    };
    Diagnostic::new(
        if reference.is_term() {
            Rule::MissingTerm
        } else {
            Rule::MissingMessage
        },
        format!("{kind} `{}` is missing", reference.key),
    )
    .locale(tag)
    .file(file.shown.clone())
    .entry(&reference.key)
    .help(reference_help(reference))
}

fn obsolete_entry(tag: &str, entry: &Entry) -> Diagnostic {
    Diagnostic::new(
        Rule::ObsoleteEntry,
        format!("`{}` is not in the reference", entry.key),
    )
    .locale(tag)
    .at(entry.file, entry.offset, entry.key.len())
    .help("delete it, or add it to the reference first")
}
