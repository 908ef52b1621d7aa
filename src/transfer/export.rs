//! Export: one translation unit per message value or attribute, with the
//! context a translator needs, whatever format carries it.

use std::collections::BTreeMap;

use fluent_syntax::ast::{self, InlineExpression, Pattern};

use super::spans::{self, Unit};
use super::unit::{Status, TranslationUnit, fingerprint};
use crate::source::catalog::{Catalog, Entry};
use crate::source::{FtlFile, Locale, walk};

/// Every unit of the reference, with the locale's translation and status,
/// then the locale's obsolete units; in file and entry order.
pub fn units(reference: &Locale, locale: &Locale) -> Vec<TranslationUnit> {
    let catalog = Catalog::new(reference);
    // By key across all files: a message the reference moved to another
    // file is still translated where the locale has it.
    let translated = all_units(locale);
    let mut rows = Vec::new();
    for ref_file in &reference.files {
        let comments = comments(ref_file);
        for unit in units_of(ref_file) {
            let translation = translated
                .get(&unit.key)
                .map(|u| u.text.clone())
                .unwrap_or_default();
            let status = match translation.as_str() {
                "" => Status::Missing,
                t if t == unit.text => Status::Unchanged,
                _ => Status::Translated,
            };
            let mut row = translation_unit(
                &ref_file.rel,
                &unit,
                translation,
                status,
                catalog.get(entry_key(&unit.key)),
            );
            row.comment = comments
                .get(entry_key(&unit.key))
                .cloned()
                .unwrap_or_default();
            rows.push(row);
        }
    }
    let known = all_units(reference);
    for file in &locale.files {
        for unit in units_of(file)
            .into_iter()
            .filter(|u| !known.contains_key(&u.key) && !u.key.starts_with('-'))
        {
            let text = unit.text.clone();
            rows.push(TranslationUnit {
                reference: String::new(),
                fingerprint: String::new(),
                ..translation_unit(&file.rel, &unit, text, Status::Obsolete, None)
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
    entry: Option<&Entry>,
) -> TranslationUnit {
    TranslationUnit {
        key: unit.key.clone(),
        file: file.to_string(),
        reference: unit.text.clone(),
        translation,
        status: Some(status),
        comment: String::new(),
        variables: entry
            .and_then(|e| e.pattern(attribute(&unit.key)))
            .map(describe_variables)
            .unwrap_or_default(),
        fingerprint: fingerprint(&unit.text),
        line: 0,
    }
}

/// Each entry's comment. The runtime parse behind the checks drops
/// comments, so the reference is parsed once more here, in full.
fn comments(file: &FtlFile) -> BTreeMap<String, String> {
    let resource = match fluent_syntax::parser::parse(file.source()) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    let mut found = BTreeMap::new();
    for entry in &resource.body {
        let (key, comment) = match entry {
            ast::Entry::Message(m) => (m.id.name.to_string(), &m.comment),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), &t.comment),
            _ => continue,
        };
        if let Some(comment) = comment {
            found.insert(key, comment.content.join("\n"));
        }
    }
    found
}

/// The units of a file in order.
pub(crate) fn units_of(file: &FtlFile) -> Vec<Unit> {
    spans::entries(file)
        .into_iter()
        .flat_map(|e| e.units)
        .collect()
}

/// Every unit of a locale by key; the first wins where an id is defined
/// twice (a finding of its own).
fn all_units(locale: &Locale) -> BTreeMap<String, Unit> {
    let mut map = BTreeMap::new();
    for unit in locale.files.iter().flat_map(units_of) {
        map.entry(unit.key.clone()).or_insert(unit);
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

/// `$count (a number: picks the variant), $user; uses -brand`.
fn describe_variables(pattern: &Pattern<&str>) -> String {
    let uses = walk::uses(pattern);
    let selectors: Vec<&str> = walk::selects(pattern)
        .into_iter()
        .filter_map(|(selector, _)| match selector {
            InlineExpression::VariableReference { id } => Some(id.name),
            _ => None,
        })
        .collect();
    let mut parts: Vec<String> = uses
        .variables
        .iter()
        .map(|v| match selectors.contains(v) {
            true => format!("${v} (a number or keyword: picks the variant)"),
            false => format!("${v} (inserted as is)"),
        })
        .collect();
    if !uses.references.is_empty() {
        let refs: Vec<&str> = uses.references.iter().map(String::as_str).collect();
        parts.push(format!("uses {}", refs.join(", ")));
    }
    parts.join("; ")
}
