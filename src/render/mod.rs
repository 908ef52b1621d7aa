//! Render: format every string the database publishes, per locale, with
//! Fluent, falling back to the reference locale where a string is missing.

mod bundle;

use fluent_bundle::FluentArgs;

use crate::check::LocaleSummary;
use crate::model;
use crate::source::catalog::file_entries;
use crate::source::{Facts, LocaleTree};
use bundle::{Bundle, format_with_fallback};

/// A locale as the database lists it.
pub(crate) struct LocaleRow {
    pub(crate) tag: String,
    pub(crate) name: String,
    pub(crate) native_name: String,
    pub(crate) is_reference: bool,
}

/// A UI string; templates keep their `{a}`-style markers.
pub(crate) struct UiRow {
    pub(crate) locale: String,
    pub(crate) key: String,
    pub(crate) value: String,
    pub(crate) is_fallback: bool,
}

/// The text of one code in one locale.
pub(crate) struct CodeRow {
    pub(crate) locale: String,
    pub(crate) code: u16,
    pub(crate) name: String,
    pub(crate) text: model::CodeText,
    /// Fields taken from the reference locale, comma-separated.
    pub(crate) fallback_fields: String,
    /// Fields no locale has text for, comma-separated.
    pub(crate) missing_fields: String,
}

/// A curated note on a pair of codes, lower code first.
pub(crate) struct NoteRow {
    pub(crate) locale: String,
    pub(crate) code_low: u16,
    pub(crate) code_high: u16,
    pub(crate) note: String,
    pub(crate) is_fallback: bool,
}

/// Completeness of one locale.
pub(crate) struct StatusRow {
    pub(crate) locale: String,
    pub(crate) total: usize,
    pub(crate) translated: usize,
    pub(crate) missing: usize,
    pub(crate) percent: f64,
}

/// Everything the database holds besides the facts, sorted for stable output.
pub struct Rendered {
    pub(crate) locales: Vec<LocaleRow>,
    pub(crate) ui: Vec<UiRow>,
    pub(crate) codes: Vec<CodeRow>,
    pub(crate) notes: Vec<NoteRow>,
    pub(crate) status: Vec<StatusRow>,
}

/// Renders the published locales of `tree` (those listed in `facts`).
pub fn render(tree: &LocaleTree, facts: &Facts, summaries: &[LocaleSummary]) -> Rendered {
    let reference_tag = facts.reference().tag.as_str();
    let reference = tree.locale(reference_tag).map(|l| l.bundle(&[]));
    let mut out = Rendered {
        locales: Vec::new(),
        ui: Vec::new(),
        codes: Vec::new(),
        notes: Vec::new(),
        status: Vec::new(),
    };
    let pairs = pair_ids(tree, reference_tag);
    for info in &facts.locales {
        let Some(locale) = tree.locale(info.tag.as_str()) else {
            continue;
        };
        let own = locale.bundle(&[]);
        let reference = reference.as_ref().unwrap_or(&own);
        let tag = info.tag.as_str();
        out.locales.push(LocaleRow {
            tag: tag.to_string(),
            name: info.name.clone(),
            native_name: info.native_name.clone(),
            is_reference: info.is_reference,
        });
        out.ui.extend(ui_rows(tag, &own, reference));
        out.codes.extend(
            facts
                .codes
                .iter()
                .map(|c| code_row(tag, c, &own, reference)),
        );
        out.notes.extend(
            pairs
                .iter()
                .filter_map(|&(a, b)| note_row(tag, a, b, &own, reference)),
        );
        if let Some(s) = summaries.iter().find(|s| s.locale == tag) {
            out.status.push(StatusRow {
                locale: tag.to_string(),
                total: s.total,
                translated: s.translated,
                missing: s.missing,
                percent: s.percent,
            });
        }
    }
    out
}

/// Template markers: rendering a template with these as arguments leaves
/// them in place for the SQL views to fill in.
const MARKERS: [&str; 5] = ["a", "b", "a-class", "b-class", "class"];

fn ui_rows(tag: &str, own: &Bundle, reference: &Bundle) -> Vec<UiRow> {
    let mut args = FluentArgs::new();
    for marker in MARKERS {
        args.set(marker, format!("{{{marker}}}"));
    }
    let mut rows: Vec<UiRow> = model::ui_keys()
        .into_iter()
        .filter_map(|key| {
            let text = format_with_fallback(own, reference, &key, None, Some(&args))?;
            Some(UiRow {
                locale: tag.to_string(),
                key,
                value: text.text,
                is_fallback: text.is_fallback,
            })
        })
        .collect();
    rows.sort_by(|a, b| a.key.cmp(&b.key));
    rows
}

fn code_row(
    tag: &str,
    code: &crate::source::StatusCode,
    own: &Bundle,
    reference: &Bundle,
) -> CodeRow {
    let id = model::code_id(code.code);
    let mut fallback = Vec::new();
    let mut missing = Vec::new();
    let mut take = |attr: Option<&str>, column: &'static str| match format_with_fallback(
        own, reference, &id, attr, None,
    ) {
        Some(text) => {
            if text.is_fallback {
                fallback.push(column);
            }
            text.text
        }
        None => {
            missing.push(column);
            String::new()
        }
    };
    let name = take(None, "name");
    let text = model::CodeText::from_fn(|attr, column| take(Some(attr), column));
    let name = if name.is_empty() { code.label() } else { name };
    CodeRow {
        locale: tag.to_string(),
        code: code.code,
        name,
        text,
        fallback_fields: fallback.join(","),
        missing_fields: missing.join(","),
    }
}

fn note_row(tag: &str, low: u16, high: u16, own: &Bundle, reference: &Bundle) -> Option<NoteRow> {
    let text = format_with_fallback(own, reference, &model::pair_id(low, high), None, None)?;
    Some(NoteRow {
        locale: tag.to_string(),
        code_low: low,
        code_high: high,
        note: text.text,
        is_fallback: text.is_fallback,
    })
}

/// Pairs with a curated note in the reference, sorted.
fn pair_ids(tree: &LocaleTree, reference: &str) -> Vec<(u16, u16)> {
    let Some(locale) = tree.locale(reference) else {
        return Vec::new();
    };
    let mut pairs: Vec<(u16, u16)> = locale
        .files
        .iter()
        .flat_map(|f| {
            file_entries(f)
                .into_iter()
                .filter_map(|e| model::parse_pair_id(&e.key))
        })
        .filter(|(a, b)| a < b)
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}
