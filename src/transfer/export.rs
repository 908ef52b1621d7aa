//! Export: one translation unit per message value or attribute, with the
//! context a translator needs, whatever format carries it.

use std::collections::{BTreeMap, HashSet};

use super::context;
use super::spans::{self, Unit};
use super::unit::{Status, TranslationUnit, fingerprint};
use crate::source::catalog::Catalog;
use crate::source::lines::LineIndex;
use crate::source::{FtlFile, Locale, walk};

/// Every unit of the reference, with the locale's translation and status,
/// then the locale's obsolete units; in file and entry order.
pub fn units(reference: &Locale, locale: &Locale) -> Vec<TranslationUnit> {
    let catalog = Catalog::new(reference);
    // By key across all files: a message the reference moved to another
    // file is still translated where the locale has it.
    let translated = all_units(locale);
    let translated_catalog = Catalog::new(locale);
    // Read once: the terms, the rows and the obsolete units all need them.
    let ref_units: Vec<Vec<Unit>> = reference.files.iter().map(units_of).collect();
    let terms = context::terms(ref_units.iter().flatten());
    let mut rows = Vec::new();
    for (ref_file, units) in reference.files.iter().zip(&ref_units) {
        let comments = context::comments(ref_file);
        // Counting lines from the start for every unit was quadratic.
        let lines = LineIndex::new(ref_file.source());
        for unit in units {
            let translation = translated
                .get(&unit.key)
                .map(|(_, u)| u.text.clone())
                .unwrap_or_default();
            let status = match translation.as_str() {
                "" => Status::Missing,
                t if t == unit.text => Status::Unchanged,
                _ => Status::Translated,
            };
            let mut row = translation_unit(&ref_file.rel, unit, translation, status);
            row.comment = context::comment(&unit.key, comments.get(entry_key(&unit.key)));
            row.variables = catalog
                .get(entry_key(&unit.key))
                .and_then(|e| e.pattern(attribute(&unit.key)))
                .map(|p| context::describe_variables(p, &terms))
                .unwrap_or_default();
            row.source_line = lines.position(ref_file.source(), unit.span.start).0;
            row.needs_review = status == Status::Translated
                && variables(&catalog, &unit.key) != variables(&translated_catalog, &unit.key);
            rows.push(row);
        }
    }
    let known: HashSet<&str> = ref_units.iter().flatten().map(|u| u.key.as_str()).collect();
    for file in &locale.files {
        for unit in units_of(file)
            .into_iter()
            .filter(|u| !known.contains(u.key.as_str()) && !u.key.starts_with('-'))
        {
            let text = unit.text.clone();
            rows.push(TranslationUnit {
                reference: String::new(),
                fingerprint: String::new(),
                ..translation_unit(&file.rel, &unit, text, Status::Obsolete)
            });
        }
    }
    rows
}

fn translation_unit(
    file: &str,
    unit: &Unit,
    translation: String,
    status: Status,
) -> TranslationUnit {
    TranslationUnit {
        translation_fingerprint: fingerprint(&translation),
        key: unit.key.clone(),
        file: file.to_string(),
        reference: unit.text.clone(),
        translation,
        status: Some(status),
        comment: String::new(),
        variables: String::new(),
        fingerprint: fingerprint(&unit.text),
        needs_review: false,
        source_line: 0,
        line: 0,
    }
}

/// The variables unit `key` of a catalog uses.
fn variables<'a>(catalog: &'a Catalog, key: &str) -> Vec<&'a str> {
    let entry = catalog.get(entry_key(key));
    let pattern = entry.and_then(|e| e.pattern(attribute(key)));
    pattern.map_or_else(Vec::new, |p| walk::uses(p).variables.into_iter().collect())
}

/// The units of a file in order.
pub(crate) fn units_of(file: &FtlFile) -> Vec<Unit> {
    spans::entries(file)
        .into_iter()
        .flat_map(|e| e.units)
        .collect()
}

/// Every unit of a locale by key, with the file it is in; the first wins
/// where an id is defined twice (a finding of its own).
pub(super) fn all_units(locale: &Locale) -> BTreeMap<String, (&str, Unit)> {
    let mut map = BTreeMap::new();
    for file in &locale.files {
        for unit in units_of(file) {
            map.entry(unit.key.clone())
                .or_insert((file.rel.as_str(), unit));
        }
    }
    map
}

/// `greeting` of `greeting.title`.
pub(crate) fn entry_key(key: &str) -> &str {
    key.split_once('.').map_or(key, |(entry, _)| entry)
}

/// `title` of `greeting.title`.
pub(crate) fn attribute(key: &str) -> Option<&str> {
    key.split_once('.').map(|(_, attr)| attr)
}
