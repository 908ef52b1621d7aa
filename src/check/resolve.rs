//! Formatting: every message value and attribute goes through the Fluent
//! resolver once, and what it refuses (a reference cycle, more placeables
//! than it expands) is an error, because the published text would show a
//! raw `{…}` instead.

use fluent_bundle::FluentError;
use fluent_bundle::resolver::ResolverError;

use super::diagnostic::Diagnostic;
use super::rule::Rule;
use crate::source::Locale;
use crate::source::catalog::Catalog;

/// Formats every unit of the locale's messages without arguments.
pub fn check(locale: &Locale, catalog: &Catalog) -> Vec<Diagnostic> {
    // Built when a unit first needs it: a bundle indexes every entry of
    // the locale, and a locale without references needs none.
    let mut bundle = None;
    let mut found = Vec::new();
    for entry in catalog.entries().filter(|e| !e.is_term()) {
        let mut in_bundle = None;
        for unit in entry.units() {
            // The bundle's message is this entry (the first definition wins
            // in both), so its patterns are the entry's: looking each
            // attribute up in the bundle by name was quadratic in them.
            let Some(pattern) = entry.pattern(unit) else {
                continue;
            };
            // Most units cannot fail to format: they need no formatting.
            if !crate::source::walk::may_fail_to_format(pattern) {
                continue;
            }
            let bundle = bundle.get_or_insert_with(|| locale.bundle(catalog.pinned_files()));
            // Asked only now: a lookup in a map of every message of the
            // locale is a cache miss, and most entries need none.
            if !*in_bundle.get_or_insert_with(|| bundle.has_message(&entry.key)) {
                break;
            }
            let mut errors = Vec::new();
            let _ = bundle.format_pattern(pattern, None, &mut errors);
            if let Some(why) = errors.iter().find_map(refusal) {
                found.push(
                    Diagnostic::new(
                        Rule::Unresolvable,
                        format!("{} cannot be formatted: {why}", entry.unit_name(unit)),
                    )
                    .locale(locale.tag.as_str())
                    .at(entry.file, entry.unit_offset(unit), entry.unit_len(unit))
                    .help("Fluent would show a raw `{…}` in its place; break the cycle or reduce the references"),
                );
            }
        }
    }
    found
}

/// The resolver errors that mean broken text. Variables come from the app
/// at run time, functions may be the app's own, and unknown messages and
/// terms are `unknown-reference` findings already.
fn refusal(error: &FluentError) -> Option<&'static str> {
    match error {
        FluentError::ResolverError(ResolverError::Cyclic) => {
            Some("it refers to itself, directly or through other messages or terms")
        }
        FluentError::ResolverError(ResolverError::TooManyPlaceables) => {
            Some("it expands to more placeables than Fluent resolves (100)")
        }
        FluentError::ResolverError(ResolverError::MissingDefault) => {
            Some("a select expression has no default variant")
        }
        _ => None,
    }
}
