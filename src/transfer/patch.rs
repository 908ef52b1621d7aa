//! Import's byte patches: each accepted edit changes only the bytes of its
//! own value or attribute; new entries go where the reference has them.

use rustc_hash::FxHashMap as HashMap;

use super::export::{attribute, entry_key};
use super::import::{Counts, Edit, FileWrite, ReferenceIndex};
use super::spans::{self, EntrySpan, Unit, value_source};
use crate::source::{FtlFile, Locale};

/// New contents for one file, or `None` when every edit is already there.
pub(super) fn file(
    locale: &Locale,
    rel: &str,
    index: &ReferenceIndex,
    edits: &[Edit],
    counts: &mut Counts,
) -> Option<FileWrite> {
    let existing = locale.file(rel);
    let order = index.entry_order(rel);
    let rank = |key: &str| index.rank(key);
    let source = existing.map_or("", |f| f.source());
    let eol = if source.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let entries = existing.map(spans::entries).unwrap_or_default();
    let found = Found::new(&entries);
    let mut patches: Vec<(usize, usize, String)> = Vec::new();
    let mut changes = Vec::new();
    // New entries in reference order, so entries inserted at one place keep it.
    let mut new_entries: Vec<(String, Vec<Edit>)> = Vec::new();
    let mut new_at: HashMap<&str, usize> = HashMap::default();
    for edit in edits {
        match (found.entry(entry_key(&edit.key)), found.unit(&edit.key)) {
            (_, Some(unit)) if unit.text == edit.text => counts.unchanged += 1,
            (_, Some(unit)) => {
                patches.push((
                    unit.span.start,
                    unit.span.end,
                    value_source(&edit.text, eol),
                ));
                changes.push(format!(
                    "updated {}: {} -> {}",
                    edit.key,
                    shown(&unit.text),
                    shown(&edit.text)
                ));
                counts.updated += 1;
            }
            (Some(entry), None) => {
                patches.push(insert_unit(source, entry, edit, &rank, eol));
                changes.push(format!("added {}", edit.key));
                counts.added += 1;
            }
            (None, _) => match new_at.get(entry_key(&edit.key)) {
                Some(&i) => new_entries[i].1.push(edit.clone()),
                None => {
                    new_at.insert(entry_key(&edit.key), new_entries.len());
                    new_entries.push((entry_key(&edit.key).to_string(), vec![edit.clone()]));
                }
            },
        }
    }
    let neighbours = Neighbours::new(&order, &found);
    for (key, unit_edits) in &new_entries {
        patches.push(insert_entry(source, &neighbours, key, unit_edits, eol));
        changes.extend(unit_edits.iter().map(|e| format!("added {}", e.key)));
        counts.added += unit_edits.len();
    }
    if patches.is_empty() {
        return None;
    }
    let mut contents = if existing.is_some_and(|f| f.has_bom) {
        "\u{feff}".to_string()
    } else {
        String::new()
    };
    contents.push_str(&apply(source, patches));
    if existing.is_none() {
        contents = format!("{}{eol}", contents.trim_end());
    }
    Some(FileWrite {
        path: locale.dir.join(rel),
        contents: contents.into_bytes(),
        read: existing.map(FtlFile::bytes),
        changes,
    })
}

/// The file's entries and units by key, the first where one is defined
/// twice; looking each edit up by a scan of the file was quadratic.
struct Found<'e> {
    entries: HashMap<&'e str, &'e EntrySpan>,
    units: HashMap<&'e str, &'e Unit>,
}

impl<'e> Found<'e> {
    fn new(entries: &'e [EntrySpan]) -> Self {
        let mut found = Found {
            entries: HashMap::default(),
            units: HashMap::default(),
        };
        for entry in entries {
            if found.entries.contains_key(entry.key.as_str()) {
                continue;
            }
            found.entries.insert(&entry.key, entry);
            for unit in &entry.units {
                found.units.entry(&unit.key).or_insert(unit);
            }
        }
        found
    }

    fn entry(&self, key: &str) -> Option<&'e EntrySpan> {
        self.entries.get(key).copied()
    }

    fn unit(&self, key: &str) -> Option<&'e Unit> {
        self.units.get(key).copied()
    }
}

/// For each place in the reference's entry order, the nearest entry the
/// file has before it and at or after it: where a new entry goes.
struct Neighbours<'e> {
    position: HashMap<&'e str, usize>,
    before: Vec<Option<&'e EntrySpan>>,
    after: Vec<Option<&'e EntrySpan>>,
}

impl<'e> Neighbours<'e> {
    fn new(order: &'e [String], found: &Found<'e>) -> Self {
        let mut position = HashMap::default();
        for (i, key) in order.iter().enumerate() {
            position.entry(key.as_str()).or_insert(i);
        }
        let present: Vec<Option<&EntrySpan>> = order.iter().map(|k| found.entry(k)).collect();
        let mut before = vec![None; order.len() + 1];
        for i in 0..order.len() {
            before[i + 1] = present[i].or(before[i]);
        }
        let mut after = vec![None; order.len() + 1];
        for i in (0..order.len()).rev() {
            after[i] = present[i].or(after[i + 1]);
        }
        Neighbours {
            position,
            before,
            after,
        }
    }
}

/// A value goes right after the entry's `=`; an attribute after the unit
/// that precedes it in the reference (else first), so the order matches.
fn insert_unit(
    source: &str,
    entry: &EntrySpan,
    edit: &Edit,
    rank: &dyn Fn(&str) -> usize,
    eol: &str,
) -> (usize, usize, String) {
    let after_eq = entry.span.start + source[entry.span.clone()].find('=').map_or(0, |i| i + 1);
    match attribute(&edit.key) {
        None => (after_eq, after_eq, value_source(&edit.text, eol)),
        Some(attr) => {
            let before = entry
                .units
                .iter()
                .filter(|u| rank(&u.key) < edit.order)
                .max_by_key(|u| rank(&u.key));
            let at = before.map_or(after_eq, |u| u.span.end);
            (
                at,
                at,
                format!("{eol}    .{attr} ={}", value_source(&edit.text, eol)),
            )
        }
    }
}

/// A new entry goes after the nearest earlier reference entry the file has,
/// else before the nearest later one, else at the end.
fn insert_entry(
    source: &str,
    neighbours: &Neighbours,
    key: &str,
    edits: &[Edit],
    eol: &str,
) -> (usize, usize, String) {
    let mut text = key.to_string();
    for edit in edits {
        match attribute(&edit.key) {
            None => text.push_str(&format!(" ={}", value_source(&edit.text, eol))),
            Some(attr) => {
                if !text.contains('=') {
                    text.push_str(" =");
                }
                text.push_str(&format!(
                    "{eol}    .{attr} ={}",
                    value_source(&edit.text, eol)
                ));
            }
        }
    }
    let position = neighbours
        .position
        .get(key)
        .copied()
        .unwrap_or(neighbours.before.len() - 1);
    if let Some(before) = neighbours.before[position] {
        return (
            before.span.end,
            before.span.end,
            format!("{eol}{eol}{text}"),
        );
    }
    if let Some(after) = neighbours.after[position] {
        return (
            after.span.start,
            after.span.start,
            format!("{text}{eol}{eol}"),
        );
    }
    let at = source.len();
    match source.is_empty() {
        true => (at, at, format!("{text}{eol}{eol}")),
        false if source.ends_with('\n') => (at, at, format!("{eol}{text}{eol}")),
        false => (at, at, format!("{eol}{eol}{text}{eol}")),
    }
}

/// Applies non-overlapping patches; insertions at one place keep their order.
fn apply(source: &str, mut patches: Vec<(usize, usize, String)>) -> String {
    patches.sort_by_key(|p| p.0);
    let mut out = String::with_capacity(source.len() + 256);
    let mut cursor = 0;
    for (start, end, text) in patches {
        out.push_str(&source[cursor..start.max(cursor)]);
        out.push_str(&text);
        cursor = end.max(cursor);
    }
    out.push_str(&source[cursor..]);
    out
}

/// A text on one line, for `--dry-run`.
fn shown(text: &str) -> String {
    format!("`{}`", text.replace('\n', "\\n"))
}
