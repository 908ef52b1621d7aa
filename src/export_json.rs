//! Write: the rendered content as JSON files for static sites and
//! JavaScript apps, one per locale plus an index. The same input always
//! gives the same bytes: maps are sorted, rows come sorted from render.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::error::Result;
use crate::model::CodeText;
use crate::render::Rendered;
use crate::source::Facts;

/// Bumped on any incompatible change to the files' shape.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Index<'a> {
    schema_version: u32,
    tool_version: String,
    source_hash: &'a str,
    reference_locale: &'a str,
    locales: Vec<IndexLocale<'a>>,
}

#[derive(Serialize)]
struct IndexLocale<'a> {
    tag: &'a str,
    name: &'a str,
    native_name: &'a str,
    is_reference: bool,
    percent: f64,
    file: String,
}

#[derive(Serialize)]
struct LocaleFile<'a> {
    schema_version: u32,
    locale: &'a str,
    reference_locale: &'a str,
    source_hash: &'a str,
    completeness: Completeness,
    ui: BTreeMap<&'a str, Text<'a>>,
    codes: Vec<Code<'a>>,
    notes: Vec<Note<'a>>,
}

#[derive(Serialize)]
struct Completeness {
    total: usize,
    translated: usize,
    missing: usize,
    percent: f64,
}

#[derive(Serialize)]
struct Text<'a> {
    value: &'a str,
    is_fallback: bool,
}

#[derive(Serialize)]
struct Code<'a> {
    code: u16,
    class: String,
    label: String,
    reason_phrase: &'a str,
    registry_status: &'static str,
    vendor: &'a str,
    reference: &'a str,
    cacheable: bool,
    typical_headers: &'a [String],
    action_by: &'static str,
    aliases: Vec<&'a str>,
    name: &'a str,
    /// summary, description, seen_when, how_to_fix, use_when.
    #[serde(flatten)]
    text: &'a CodeText,
    fallback_fields: Vec<&'a str>,
}

#[derive(Serialize)]
struct Note<'a> {
    code_low: u16,
    code_high: u16,
    note: &'a str,
    is_fallback: bool,
}

/// Every file to write into the output folder, as `(file name, bytes)`.
pub(crate) fn files(facts: &Facts, r: &Rendered, source_hash: &str) -> Vec<(String, Vec<u8>)> {
    let reference = facts.reference().tag.as_str();
    let percent = |tag: &str| {
        r.status
            .iter()
            .find(|s| s.locale == tag)
            .map_or(0.0, |s| s.percent)
    };
    let index = Index {
        schema_version: SCHEMA_VERSION,
        tool_version: format!("statusdb {}", env!("CARGO_PKG_VERSION")),
        source_hash,
        reference_locale: reference,
        locales: r
            .locales
            .iter()
            .map(|l| IndexLocale {
                tag: &l.tag,
                name: &l.name,
                native_name: &l.native_name,
                is_reference: l.is_reference,
                percent: percent(&l.tag),
                file: file_name(&l.tag),
            })
            .collect(),
    };
    let mut out = vec![("index.json".to_string(), to_bytes(&index))];
    for locale in &r.locales {
        let file = locale_file(facts, r, &locale.tag, reference, source_hash);
        out.push((file_name(&locale.tag), to_bytes(&file)));
    }
    out
}

/// Writes [`files`] into `dir`, each atomically.
pub(crate) fn write(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<()> {
    for (name, bytes) in files {
        crate::atomic::write(&dir.join(name), bytes)?;
    }
    Ok(())
}

fn file_name(tag: &str) -> String {
    format!("{tag}.json")
}

fn to_bytes(value: &impl Serialize) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).expect("plain data serializes");
    bytes.push(b'\n');
    bytes
}

fn locale_file<'a>(
    facts: &'a Facts,
    r: &'a Rendered,
    tag: &'a str,
    reference: &'a str,
    source_hash: &'a str,
) -> LocaleFile<'a> {
    let status = r.status.iter().find(|s| s.locale == tag);
    let completeness = Completeness {
        total: status.map_or(0, |s| s.total),
        translated: status.map_or(0, |s| s.translated),
        missing: status.map_or(0, |s| s.missing),
        percent: status.map_or(0.0, |s| s.percent),
    };
    let ui =
        r.ui.iter()
            .filter(|u| u.locale == tag)
            .map(|u| {
                let text = Text {
                    value: &u.value,
                    is_fallback: u.is_fallback,
                };
                (u.key.as_str(), text)
            })
            .collect();
    let codes = r
        .codes
        .iter()
        .filter(|c| c.locale == tag)
        .filter_map(|c| Some((c, facts.code(c.code)?)))
        .map(|(c, f)| Code {
            code: f.code,
            class: f.class(),
            label: f.label(),
            reason_phrase: &f.reason_phrase,
            registry_status: f.registry_status.as_str(),
            vendor: &f.vendor,
            reference: &f.reference,
            cacheable: f.cacheable,
            typical_headers: &f.typical_headers,
            action_by: f.action_by.as_str(),
            aliases: facts
                .aliases
                .iter()
                .filter(|a| a.code == f.code)
                .map(|a| a.alias.as_str())
                .collect(),
            name: &c.name,
            text: &c.text,
            fallback_fields: split_list(&c.fallback_fields),
        })
        .collect();
    let notes = r
        .notes
        .iter()
        .filter(|n| n.locale == tag)
        .map(|n| Note {
            code_low: n.code_low,
            code_high: n.code_high,
            note: &n.note,
            is_fallback: n.is_fallback,
        })
        .collect();
    LocaleFile {
        schema_version: SCHEMA_VERSION,
        locale: tag,
        reference_locale: reference,
        source_hash,
        completeness,
        ui,
        codes,
        notes,
    }
}

fn split_list(list: &str) -> Vec<&str> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}
