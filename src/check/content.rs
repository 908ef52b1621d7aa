//! Checks that only make sense for statusdb's own content: the Fluent ids
//! must match the facts in `data/`.

use super::diagnostic::Diagnostic;
use super::rule::Rule;
use crate::model;
use crate::source::catalog::{Catalog, Entry};
use crate::source::facts::{CODES_FILE, LOCALES_FILE};
use crate::source::{Facts, Locale, LocaleTag};
use std::path::Path;

/// Locales in the tree and in `data/locales.csv` must be the same set.
/// `loaded`: the locales read from `root`; `folders`: all its locale folders.
pub(crate) fn locales(
    root: &Path,
    loaded: &[LocaleTag],
    folders: &[LocaleTag],
    facts: &Facts,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for tag in loaded {
        if facts.locale(tag.as_str()).is_none() {
            found.push(
                Diagnostic::new(
                    Rule::UnknownLocale,
                    format!("locale `{tag}` is not listed in data/locales.csv"),
                )
                .locale(tag.as_str())
                .file(facts.path(LOCALES_FILE))
                .help(format!(
                    "add a row such as `{tag},<English name>,<native name>,no`"
                )),
            );
        }
    }
    for info in facts.locales.iter().filter(|i| !folders.contains(&i.tag)) {
        found.push(
            Diagnostic::new(
                Rule::MissingLocale,
                format!(
                    "data/locales.csv lists `{}` but {} has no such folder",
                    info.tag,
                    root.display()
                ),
            )
            .file(facts.path(LOCALES_FILE))
            .line(info.line)
            .help("create the folder, or remove the row"),
        );
    }
    found
}

/// Ids that name codes must name codes in `data/`; the reference must
/// describe every code and provide every UI string.
pub(crate) fn check(
    locale: &Locale,
    catalog: &Catalog,
    facts: &Facts,
    is_reference: bool,
) -> Vec<Diagnostic> {
    let tag = locale.tag.as_str();
    let mut found = unknown_codes(tag, catalog, facts);
    if is_reference {
        found.extend(reference_gaps(tag, catalog, facts));
    }
    found
}

fn unknown_codes(tag: &str, catalog: &Catalog, facts: &Facts) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for entry in catalog.entries() {
        let codes = match (
            model::parse_code_id(&entry.key),
            model::parse_pair_id(&entry.key),
        ) {
            (Some(code), _) => vec![code],
            (None, Some((a, b))) if a < b => vec![a, b],
            (None, Some(_)) => {
                found.push(
                    Diagnostic::new(
                        Rule::PairOrder,
                        format!("`{}` must name the lower code first", entry.key),
                    )
                    .locale(tag)
                    .at(entry.file, entry.offset, entry.key.len()),
                );
                continue;
            }
            _ => continue,
        };
        if let Some(d) = non_canonical(tag, entry, &codes) {
            found.push(d);
            continue;
        }
        for code in codes.into_iter().filter(|&c| facts.code(c).is_none()) {
            found.push(
                Diagnostic::new(
                    Rule::UnknownCode,
                    format!(
                        "`{}` is text for code {code}, which data/status-codes.csv does not have",
                        entry.key
                    ),
                )
                .locale(tag)
                .at(entry.file, entry.offset, entry.key.len())
                .help("add the code's facts to data/status-codes.csv, or remove the message"),
            );
        }
    }
    found
}

/// `pair-0404-0503` parses, but the database looks up `pair-404-503`: the
/// text would silently never be published.
fn non_canonical(tag: &str, entry: &Entry, codes: &[u16]) -> Option<Diagnostic> {
    let canonical = match codes {
        [code] => model::code_id(*code),
        [a, b] => model::pair_id(*a, *b),
        _ => return None,
    };
    (entry.key != canonical).then(|| {
        Diagnostic::new(
            Rule::IdFormat,
            format!(
                "`{}` is not written the way statusdb looks it up",
                entry.key
            ),
        )
        .locale(tag)
        .at(entry.file, entry.offset, entry.key.len())
        .help(format!(
            "rename it `{canonical}`, or its text is never published"
        ))
    })
}

fn reference_gaps(tag: &str, catalog: &Catalog, facts: &Facts) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for code in &facts.codes {
        let id = model::code_id(code.code);
        let entry = catalog.get(&id);
        let missing: Vec<&str> = match entry {
            None => vec!["the message"],
            Some(entry) => model::CodeText::FIELDS
                .iter()
                .map(|(attr, _)| *attr)
                .filter(|attr| entry.attribute(attr).is_none())
                .chain(entry.value.is_none().then_some("the value (its name)"))
                .collect(),
        };
        if !missing.is_empty() {
            let d = Diagnostic::new(Rule::MissingCodeText, format!("code {} has no reference text: `{id}` lacks {}", code.code, missing.join(", ")))
                .locale(tag)
                .help(format!("write `{id}` with its name and the attributes .summary, .description, .seen-when, .how-to-fix, .use-when"));
            // The message to complete, or else the row that asks for it.
            found.push(match entry {
                Some(entry) => d.at(entry.file, entry.offset, entry.key.len()),
                None => d.file(facts.path(CODES_FILE)).line(code.line),
            });
        }
    }
    let keys = model::ui_keys();
    // A missing UI string goes where the others are.
    let ui_file = keys.iter().find_map(|k| catalog.get(k)).map(|e| e.file);
    for key in keys.iter().filter(|k| catalog.get(k).is_none()) {
        let d = Diagnostic::new(
            Rule::MissingUiText,
            format!("the UI message `{key}` is missing from the reference"),
        )
        .locale(tag)
        .help("the database needs it for pair pages; see locales/en/ui.ftl");
        found.push(match ui_file {
            Some(file) => d.file(file.shown.clone()),
            None => d,
        });
    }
    found
}
