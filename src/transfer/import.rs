//! Import: which of a translator's units are accepted, and the plan of
//! byte patches ([`super::patch`]) that applies them, written all at once.

use std::collections::BTreeMap;
use std::path::PathBuf;

use rustc_hash::FxHashSet;

use super::export::{all_units, attribute, entry_key, units_of};
use super::patch;
use super::spans::Unit;
use super::spans::{self, value_source};
use super::unit::{TranslationUnit, fingerprint};
use crate::source::catalog::Catalog;
use crate::source::{Locale, walk};

/// A row that cannot be applied, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub(crate) line: u64,
    pub(crate) key: String,
    pub(crate) reason: String,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Counts {
    pub(crate) updated: usize,
    pub(crate) added: usize,
    pub(crate) unchanged: usize,
}

/// New contents for one file.
#[derive(Debug)]
pub struct FileWrite {
    pub(crate) path: PathBuf,
    pub contents: Vec<u8>,
    /// The file's bytes as read; `None` when the import creates it.
    pub(crate) read: Option<Vec<u8>>,
    /// `updated key` / `added key`, for `--dry-run`.
    pub(crate) changes: Vec<String>,
}

impl FileWrite {
    pub(crate) fn created(&self) -> bool {
        self.read.is_none()
    }
}

/// What an import would do.
#[derive(Debug, Default)]
pub struct Plan {
    pub writes: Vec<FileWrite>,
    pub(crate) refused: Vec<Refusal>,
    pub(crate) counts: Counts,
}

/// An accepted row: a unit's new text, in reference order.
#[derive(Clone)]
pub(super) struct Edit {
    pub(super) order: usize,
    line: u64,
    pub(super) key: String,
    pub(super) text: String,
}

/// Checks every unit, then computes the new contents of each file touched.
/// `overwrite` replaces translations that changed in the tree since export.
pub fn plan(
    reference: &Locale,
    locale: &Locale,
    units: Vec<TranslationUnit>,
    overwrite: bool,
) -> Plan {
    let index = ReferenceIndex::new(reference);
    let mut plan = Plan::default();
    let mut edits: BTreeMap<String, Vec<Edit>> = BTreeMap::new();
    let units: Vec<TranslationUnit> = units
        .into_iter()
        .filter(|u| !u.translation.is_empty())
        .collect();
    let lines = lines_by_key(&units);
    let homes = entry_homes(locale);
    let located = units_by_file(locale);
    // Built once: the tree-changed check looks every row up in it.
    let translated = all_units(locale);
    let mut untouched_units = 0;
    for unit in units {
        if untouched(&unit) {
            // As exported: the tree's text stands, even if it changed since.
            untouched_units += 1;
            continue;
        }
        let accepted = match lines.get(unit.key.as_str()) {
            Some(lines) if lines.len() > 1 => Err(duplicate(unit.line, lines)),
            _ => index
                .accept(locale, &located, &unit)
                .and_then(|order| match overwrite {
                    true => Ok(order),
                    false => unchanged_in_tree(&translated, &unit).map(|_| order),
                }),
        };
        match accepted {
            Ok(order) => {
                // Where the locale already has the entry, even if the
                // reference moved it: another copy would define it twice.
                let home = homes.get(entry_key(&unit.key)).cloned();
                edits
                    .entry(home.unwrap_or(unit.file))
                    .or_default()
                    .push(Edit {
                        order,
                        line: unit.line,
                        key: unit.key,
                        text: unit.translation,
                    })
            }
            Err(reason) => plan.refused.push(Refusal {
                line: unit.line,
                key: unit.key,
                reason,
            }),
        }
    }
    for file_edits in edits.values_mut() {
        file_edits.sort_by_key(|e| e.order);
    }
    // Rows the locale as a whole would not survive are refused, and the
    // rest planned again, until what remains adds no error.
    let verifier = super::verify::Verifier::new(reference, locale);
    loop {
        let (writes, counts) = patch_all(locale, &index, &edits);
        let found = verifier.new_errors(&writes);
        if found.is_empty() {
            plan.writes = writes;
            plan.counts = counts;
            plan.counts.unchanged += untouched_units;
            return plan;
        }
        plan.refused.extend(culprits(&mut edits, &found));
    }
}

fn patch_all(
    locale: &Locale,
    index: &ReferenceIndex,
    edits: &BTreeMap<String, Vec<Edit>>,
) -> (Vec<FileWrite>, Counts) {
    let mut counts = Counts::default();
    let writes = edits
        .iter()
        .filter_map(|(rel, file_edits)| patch::file(locale, rel, index, file_edits, &mut counts))
        .collect();
    (writes, counts)
}

/// Takes out of `edits` the rows a new error names (every row when none
/// is named) and refuses them with that error.
fn culprits(
    edits: &mut BTreeMap<String, Vec<Edit>>,
    found: &[crate::check::Diagnostic],
) -> Vec<Refusal> {
    let named = |e: &Edit| {
        found
            .iter()
            .find(|d| d.message.contains(&format!("`{}`", e.key)))
    };
    let any_named = edits.values().flatten().any(|e| named(e).is_some());
    let mut refused = Vec::new();
    for file_edits in edits.values_mut() {
        file_edits.retain(|e| {
            let Some(d) = named(e).or(found.first().filter(|_| !any_named)) else {
                return true;
            };
            refused.push(Refusal {
                line: e.line,
                key: e.key.clone(),
                reason: format!("validate would then report: {}", d.message),
            });
            false
        });
    }
    refused
}

/// The file each entry of the locale is in (the first, if defined twice).
fn entry_homes(locale: &Locale) -> BTreeMap<String, String> {
    let mut homes = BTreeMap::new();
    for file in &locale.files {
        for entry in spans::entries(file) {
            homes.entry(entry.key).or_insert_with(|| file.rel.clone());
        }
    }
    homes
}

/// The CSV lines of each key, to refuse a key given twice (the rows would
/// be merged into one corrupt text).
fn lines_by_key(units: &[TranslationUnit]) -> BTreeMap<String, Vec<u64>> {
    let mut lines: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    for unit in units {
        lines.entry(unit.key.clone()).or_default().push(unit.line);
    }
    lines
}

fn duplicate(line: u64, lines: &[u64]) -> String {
    let others: Vec<String> = lines
        .iter()
        .filter(|&&l| l != line)
        .map(u64::to_string)
        .collect();
    let noun = if others.len() == 1 { "line" } else { "lines" };
    format!(
        "the key is also on {noun} {}; keep one row per key",
        others.join(", ")
    )
}

/// Writes every file of `plan`, or none: see [`crate::atomic::replace_all`].
pub fn write(plan: &Plan) -> crate::Result<()> {
    let files: Vec<crate::atomic::Replacement> = plan
        .writes
        .iter()
        .map(|w| crate::atomic::Replacement {
            path: &w.path,
            contents: &w.contents,
            read: w.read.as_deref(),
        })
        .collect();
    crate::atomic::replace_all(&files)
}

/// A unit of the reference: where it lives and what it says.
struct ReferenceUnit {
    file: String,
    text: String,
    /// 1-based place among all the reference's units, in file order.
    order: usize,
}

/// The reference's units by key, with the variables each one provides.
pub(super) struct ReferenceIndex<'a> {
    reference: &'a Locale,
    /// Its entries, for the variables each unit provides; built once.
    catalog: Catalog<'a>,
    units: BTreeMap<String, ReferenceUnit>,
}

impl<'a> ReferenceIndex<'a> {
    fn new(reference: &'a Locale) -> Self {
        let mut units = BTreeMap::new();
        let mut order = 0;
        for file in &reference.files {
            for unit in units_of(file) {
                order += 1;
                let file = file.rel.clone();
                let text = unit.text;
                units.insert(unit.key, ReferenceUnit { file, text, order });
            }
        }
        let catalog = Catalog::new(reference);
        ReferenceIndex {
            reference,
            catalog,
            units,
        }
    }

    /// The variables the reference's unit `key` uses.
    fn variables(&self, key: &str) -> Vec<String> {
        let entry = self.catalog.get(entry_key(key));
        let pattern = entry.and_then(|e| e.pattern(attribute(key)));
        let uses = pattern.map(|p| walk::uses(p).variables).unwrap_or_default();
        uses.into_iter().map(String::from).collect()
    }

    /// A unit's place in reference order; units the reference lacks go last.
    pub(super) fn rank(&self, key: &str) -> usize {
        self.units.get(key).map_or(usize::MAX, |u| u.order)
    }

    /// Entry keys of a reference file, in order.
    pub(super) fn entry_order(&self, rel: &str) -> Vec<String> {
        self.reference
            .file(rel)
            .map(|f| spans::entries(f).into_iter().map(|e| e.key).collect())
            .unwrap_or_default()
    }

    /// The unit's place in reference order, or why it is refused.
    fn accept(
        &self,
        locale: &Locale,
        located: &Located,
        row: &TranslationUnit,
    ) -> Result<usize, String> {
        if let Some(broken) = locale.broken.iter().find(|b| b.rel == row.file) {
            return Err(format!(
                "the locale's `{}` cannot be read ({}); fix it, then import again",
                row.file, broken.message
            ));
        }
        let Some(known) = self.units.get(&row.key) else {
            return obsolete_unit(located, row).map(|_| usize::MAX);
        };
        if known.file != row.file {
            return Err(format!(
                "`{}` belongs to `{}`, not `{}`",
                row.key, known.file, row.file
            ));
        }
        if fingerprint(&known.text) != row.fingerprint {
            return Err("the reference text changed since this file was exported, so the translation may be stale; export again and check this unit".into());
        }
        let variables = self.variables(&row.key);
        check_translation(&row.translation, &variables)?;
        Ok(known.order)
    }
}

/// The file's translation is the one it was exported with.
fn untouched(row: &TranslationUnit) -> bool {
    !row.translation_fingerprint.is_empty()
        && fingerprint(&row.translation) == row.translation_fingerprint
}

/// A unit whose translation changed in the tree since the file was exported
/// is refused, so an old file never reverts newer work.
/// `translated` is the locale's [`all_units`]: by key across all files, as
/// export finds it, since the locale may keep a message in another file.
fn unchanged_in_tree(
    translated: &BTreeMap<String, (&str, Unit)>,
    row: &TranslationUnit,
) -> Result<(), String> {
    if row.translation_fingerprint.is_empty() {
        return Ok(());
    }
    let (file, now) = translated
        .get(&row.key)
        .map_or((row.file.as_str(), ""), |(rel, unit)| {
            (*rel, unit.text.as_str())
        });
    if fingerprint(now) == row.translation_fingerprint || now == row.translation {
        return Ok(());
    }
    Err(format!(
        "the translation in `{file}` changed since this file was exported (it is now `{}`); export again, or pass --overwrite to replace it",
        now.replace('\n', "\\n")
    ))
}

/// Each file of a locale with the keys of its units.
type Located<'a> = FxHashSet<(&'a str, String)>;

/// Built once per import: reading the row's file again for each obsolete
/// or unknown row made an import quadratic in them.
fn units_by_file(locale: &Locale) -> Located<'_> {
    let mut located = FxHashSet::default();
    for file in &locale.files {
        for unit in units_of(file) {
            located.insert((file.rel.as_str(), unit.key));
        }
    }
    located
}

/// Obsolete units may be updated where they already are, never created.
fn obsolete_unit(located: &Located, row: &TranslationUnit) -> Result<(), String> {
    match located.contains(&(row.file.as_str(), row.key.clone())) {
        true => Ok(()),
        false => Err(format!(
            "unknown key `{}`: the reference has no such message or attribute",
            row.key
        )),
    }
}

/// A translation must parse as a Fluent value and use only known variables.
fn check_translation(text: &str, variables: &[String]) -> Result<(), String> {
    if text.contains('\0') {
        return Err(
            "the translation contains a NUL character, which no text file may hold; remove it"
                .into(),
        );
    }
    if crate::source::depth::too_deep(text).is_some() {
        let max = crate::source::depth::MAX_NESTING;
        return Err(format!(
            "the translation nests placeables more than {max} levels deep"
        ));
    }
    let source = format!("translation ={}\n", value_source(text, "\n"));
    let resource = match fluent_syntax::parser::parse(source.as_str()) {
        Ok(resource) => resource,
        Err((_, errors)) => {
            return Err(format!(
                "the translation is not valid Fluent: {}",
                errors[0].kind
            ));
        }
    };
    let [fluent_syntax::ast::Entry::Message(message)] = &resource.body[..] else {
        return Err(
            "the translation is not valid Fluent: it must be one value, not several entries".into(),
        );
    };
    let Some(pattern) = &message.value else {
        return Err("the translation is not valid Fluent: it has no value".into());
    };
    if let Some(attr) = message.attributes.first() {
        return Err(format!(
            "the translation would define the attribute `.{}` too; a cell holds one value: translate each attribute in its own row (key `id.attribute`)",
            attr.id.name
        ));
    }
    let unknown: Vec<String> = walk::uses(pattern)
        .variables
        .into_iter()
        .filter(|v| !variables.iter().any(|k| k == v))
        .map(|v| format!("${v}"))
        .collect();
    match unknown.is_empty() {
        true => Ok(()),
        false => Err(format!(
            "the translation uses {}, which the reference does not provide",
            unknown.join(", ")
        )),
    }
}
