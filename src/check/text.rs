//! Lints on the text of each string: glitches, leftovers of another language,
//! and markup that differs from the reference.

use super::diagnostic::Diagnostic;
use super::lint::{self, Allowlist};
use super::markup;
use super::rule::Rule;
use super::verbatim::Marks;
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

/// What [`check`] found: findings, and `identical` ones with the
/// reference unit they are about, which stand only if the tree does not
/// keep that unit verbatim (known once every locale is checked).
#[derive(Default)]
pub(crate) struct Found {
    pub(crate) found: Vec<Diagnostic>,
    pub(crate) identical: Vec<(usize, Diagnostic)>,
}

/// Lints every string of `catalog`; `reference` is `None` for the reference
/// locale itself. `marks` records which reference units the locale keeps
/// as they are (for a locale of another language than the reference's).
pub(crate) fn check(
    locale: &Locale,
    catalog: &Catalog,
    reference: Option<&Catalog>,
    reference_language: Option<unic_langid::subtags::Language>,
    allow: &Allowlist,
    mut marks: Option<&mut Marks>,
) -> Found {
    let tag = locale.tag.as_str();
    let langid = locale.tag.langid();
    let non_latin = reference.is_some() && lint::expects_non_latin(langid);
    // en-GB is en: text it keeps from en is not untranslated.
    let same_language = reference.is_some() && reference_language == Some(langid.language);
    let mut out = Found::default();
    for entry in catalog.entries() {
        let ref_entry = reference.and_then(|r| r.counterpart(entry));
        // Text the reference says needs no translation (retired strings) may
        // stay as it is, or hold whatever the translator put there.
        let keep_as_is = ref_entry.is_some_and(|r| r.keep_as_is);
        for unit in entry.units() {
            let Some(pattern) = entry.pattern(unit) else {
                continue;
            };
            let ref_pattern = ref_entry.and_then(|r| r.pattern(unit));
            let same = ref_pattern.is_some_and(|r| r == pattern);
            let slot = ref_entry.and_then(|r| r.slot(unit));
            if let (Some(marks), Some(slot)) = (marks.as_deref_mut(), slot) {
                marks.record(slot, same);
            }
            if keep_as_is {
                continue;
            }
            let texts = walk::texts(pattern);
            let prose: Vec<_> = texts.iter().map(|t| markup::without_markup(t)).collect();
            // The reference's texts are read only when a finding needs them.
            let ref_texts = std::cell::OnceCell::new();
            let ref_texts =
                || ref_texts.get_or_init(|| ref_pattern.map(walk::texts).unwrap_or_default());
            let finding = |rule, message: String, help: &str| {
                Diagnostic::new(rule, message)
                    .locale(tag)
                    .at(entry.file, entry.unit_offset(unit), entry.unit_len(unit))
                    .help(help)
            };
            let mut warn = |rule, message, help| out.found.push(finding(rule, message, help));
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
                let written = || ref_texts().iter().any(|r| lint::has_words_of(r, &run.text));
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
            // A unit the reference lacks has no slot: nothing to compare with.
            let Some(slot) = slot else {
                continue;
            };
            if same
                && !same_language
                && (non_latin || !short(&prose[0]))
                && !technical(&prose[0])
                && !allow.covers(&texts[0])
                && !entry.is_term()
            {
                let identical = finding(
                    Rule::Identical,
                    format!("{} is identical to the reference", name()),
                    "translate it, or confirm it stays the same in this language",
                );
                out.identical.push((slot, identical));
            }
            let tags = markup::markup_tags(&texts[0]);
            // Text without a `<` has no tags: most of the reference's needs no reading.
            let ref_tags = match ref_pattern.is_some_and(|p| walk::shows_char(p, '<')) {
                true => markup::markup_tags(&ref_texts()[0]),
                false => Vec::new(),
            };
            if tags != ref_tags {
                out.found.push(finding(
                    Rule::Markup,
                    format!(
                        "{} has markup {tags:?}, the reference has {ref_tags:?}",
                        name()
                    ),
                    "keep the same tags as the reference, in an order the language needs",
                ));
            }
        }
    }
    out
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
