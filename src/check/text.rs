//! Lints on the text of each string: glitches, leftovers of another language,
//! and markup that differs from the reference.

use super::diagnostic::Diagnostic;
use super::lint::{self, Allowlist};
use super::rule::Rule;
use crate::source::Locale;
use crate::source::catalog::Catalog;
use crate::source::walk;

/// What this check finds.
pub(crate) const RULES: &[Rule] = &[
    Rule::DoubledWord,
    Rule::LatinScript,
    Rule::Identical,
    Rule::Markup,
];

/// Lints every string of `catalog`; `reference` is `None` for the reference locale itself.
pub(crate) fn check(
    locale: &Locale,
    catalog: &Catalog,
    reference: Option<&Catalog>,
    allow: &Allowlist,
) -> Vec<Diagnostic> {
    let tag = locale.tag.as_str();
    let non_latin = reference.is_some() && lint::expects_non_latin(locale.tag.langid());
    let mut found = Vec::new();
    for entry in catalog.entries.values() {
        let ref_entry = reference.and_then(|r| r.get(&entry.key));
        for unit in entry.units() {
            let Some(pattern) = entry.pattern(unit) else {
                continue;
            };
            let texts = walk::texts(pattern);
            let mut warn = |rule, message: String, help: &str| {
                found.push(
                    Diagnostic::new(rule, message)
                        .locale(tag)
                        .at(entry.file, entry.unit_offset(unit), entry.unit_len(unit))
                        .help(help),
                );
            };
            let name = || entry.unit_name(unit);
            if let Some(words) = texts.iter().find_map(|t| lint::doubled_word(t)) {
                warn(
                    Rule::DoubledWord,
                    format!("{} repeats a word: \"{words}\"", name()),
                    "delete one of them",
                );
            }
            if non_latin && let Some(run) = texts.iter().find_map(|t| lint::latin_run(t, allow)) {
                warn(
                    Rule::LatinScript,
                    format!("{} has Latin-script text: \"{run}\"", name()),
                    "translate it; names that stay in Latin belong in the allowlist (see README)",
                );
            }
            let Some(ref_pattern) = ref_entry.and_then(|r| r.pattern(unit)) else {
                continue;
            };
            if pattern == ref_pattern && !allow.covers(&texts[0]) && !entry.is_term() {
                warn(
                    Rule::Identical,
                    format!("{} is identical to the reference", name()),
                    "translate it, or confirm it stays the same in this language",
                );
            }
            let ref_tags = lint::markup_tags(&walk::texts(ref_pattern)[0]);
            let tags = lint::markup_tags(&texts[0]);
            if tags != ref_tags {
                warn(
                    Rule::Markup,
                    format!(
                        "{} has markup {tags:?}, the reference has {ref_tags:?}",
                        name()
                    ),
                    "keep the same tags as the reference, in an order the language needs",
                );
            }
        }
    }
    found
}
