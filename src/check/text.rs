//! Lints on the text of each string: glitches, leftovers of another language,
//! and markup that differs from the reference.

use super::diagnostic::Diagnostic;
use super::lint::{self, Allowlist};
use super::markup;
use super::rule::Rule;
use super::verbatim::Verbatim;
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
    reference_language: Option<unic_langid::subtags::Language>,
    allow: &Allowlist,
    verbatim: &Verbatim<'_>,
) -> Vec<Diagnostic> {
    let tag = locale.tag.as_str();
    let langid = locale.tag.langid();
    let non_latin = reference.is_some() && lint::expects_non_latin(langid);
    // en-GB is en: text it keeps from en is not untranslated.
    let same_language = reference.is_some() && reference_language == Some(langid.language);
    let mut found = Vec::new();
    for entry in catalog.entries.values() {
        let ref_entry = reference.and_then(|r| r.get(&entry.key));
        // Text the reference says needs no translation (retired strings) may
        // stay as it is, or hold whatever the translator put there.
        if ref_entry.is_some_and(|r| r.keep_as_is) {
            continue;
        }
        for unit in entry.units() {
            let Some(pattern) = entry.pattern(unit) else {
                continue;
            };
            let texts = walk::texts(pattern);
            let prose: Vec<_> = texts.iter().map(|t| markup::without_markup(t)).collect();
            let ref_pattern = ref_entry.and_then(|r| r.pattern(unit));
            let ref_texts = ref_pattern.map(walk::texts).unwrap_or_default();
            let mut warn = |rule, message: String, help: &str| {
                found.push(
                    Diagnostic::new(rule, message)
                        .locale(tag)
                        .at(entry.file, entry.unit_offset(unit), entry.unit_len(unit))
                        .help(help),
                );
            };
            let name = || entry.unit_name(unit);
            let mut doubled = prose.iter().flat_map(|t| lint::doubled_words(t));
            if let Some(double) = doubled.find(|d| !lint::grammatical_double(langid, d)) {
                warn(
                    Rule::DoubledWord,
                    format!("{} repeats a word: \"{}\"", name(), double.words),
                    "delete one of them",
                );
            }
            // Names ("SuperMemo 2 (SM2)") and what the reference keeps in Latin
            // ("Firefox Relay", "Ctrl+Shift+T") may stay so in a translated
            // sentence; an untranslated sentence may not.
            let translated = prose[0].chars().any(|c| c.is_alphabetic() && !c.is_ascii());
            let kept = |run: &lint::LatinRun| {
                let written = || ref_texts.iter().any(|r| lint::has_words_of(r, &run.text));
                translated && (lint::is_names(&run.text) || written())
            };
            let mut latin = prose.iter().flat_map(|t| lint::latin_runs(t, allow));
            // A term the reference's way is a name (`-brand = Firefox Relay`).
            let name_term = entry.is_term() && ref_pattern.is_some_and(|r| r == pattern);
            if non_latin
                && !name_term
                && let Some(run) = latin.find(|r| !kept(r))
            {
                warn(
                    Rule::LatinScript,
                    format!("{} has Latin-script text: \"{}\"", name(), run.shown),
                    "translate it; for a name that stays in Latin, see the latin-script allowlist in the README",
                );
            }
            let Some(ref_pattern) = ref_pattern else {
                continue;
            };
            if pattern == ref_pattern
                && !same_language
                && (non_latin || !short(&prose[0]))
                && !technical(&prose[0])
                && !allow.covers(&texts[0])
                && !entry.is_term()
                && !verbatim.contains(&entry.key, unit)
            {
                warn(
                    Rule::Identical,
                    format!("{} is identical to the reference", name()),
                    "translate it, or confirm it stays the same in this language",
                );
            }
            let ref_tags = markup::markup_tags(&ref_texts[0]);
            let tags = markup::markup_tags(&texts[0]);
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

/// Text of one or two words ("OK", "Email", "GitHub") is often the same in
/// languages written in Latin script: not worth an `identical` warning there.
fn short(text: &str) -> bool {
    let words = text.split_whitespace();
    words.filter(|w| w.chars().any(char::is_alphabetic)).count() < 3
}

/// Text with no lowercase letter ("A-Z", "PDF", "OK") is a symbol or an
/// abbreviation, and one token with `@`, `.`, `/` or `:` an address or a
/// unit ("name@example.com", "{ $price }/mo."): the same in any script.
fn technical(text: &str) -> bool {
    let token = !text.trim().contains(char::is_whitespace);
    !text.chars().any(char::is_lowercase) || (token && text.contains(['@', '.', '/', ':']))
}
