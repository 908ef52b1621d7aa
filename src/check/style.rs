//! `.style` attributes that hold CSS sizes (`width: 20em; height: 5em`):
//! Firefox-style UIs let each locale widen a dialog, so the translation
//! must stay CSS, and should set the same properties in the same units.
//!
//! Ported from compare-locales' CSSCheckMixin and the behaviour its tests
//! document (tests/fluent and tests/dtd test_checks.py): only a message's
//! attribute named `style` whose translation is plain text is checked, on
//! messages both sides have; a value that is not such CSS is an error (also
//! where the reference's is not CSS or not plain text); differences in
//! properties or units are one warning, worded as compare-locales words it.

use std::sync::LazyLock;

use fluent_syntax::ast::{Attribute, Pattern, PatternElement};
use regex::Regex;

use super::diagnostic::Diagnostic;
use super::rule::Rule;
use crate::source::catalog::{Catalog, Entry};

/// A size property with a length and unit, or the end of the text.
static SPEC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?P<prop>(?:min-|max-)?(?:width|height))[ \t\r\n]*:[ \t\r\n]*(?:[0-9]+|[0-9]*\.[0-9]+)(?P<unit>ch|em|ex|rem|px|cm|mm|in|pc|pt))|\z",
    )
    .expect("a valid regex")
});
/// What may stand between two declarations.
static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\A[ \t\r\n]*(?P<semi>;)?[ \t\r\n]*\z").expect("a valid regex"));

/// What a `.style` value says, as compare-locales reads it.
#[derive(Debug, PartialEq)]
enum Css<'a> {
    /// No size declaration at all.
    None,
    /// Size properties (at least one) and their units, in order; `bad` when other text
    /// stands between them or a `;` is missing.
    Sizes {
        props: Vec<(&'a str, &'a str)>,
        bad: bool,
    },
}

fn parse(value: &str) -> Css<'_> {
    let mut props: Vec<(&str, &str)> = Vec::new();
    let mut bad = false;
    let mut end = 0;
    for m in SPEC.captures_iter(value) {
        let Some(whole) = m.get(0) else { continue };
        if end == 0 && whole.is_empty() {
            return Css::None;
        }
        if whole.start() > end {
            match SEPARATOR.captures(&value[end..whole.start()]) {
                None => bad = true,
                Some(sep) if end > 0 && sep.name("semi").is_none() => bad = true,
                Some(_) => {}
            }
        }
        if let (Some(prop), Some(unit)) = (m.name("prop"), m.name("unit")) {
            match props.iter_mut().find(|(p, _)| *p == prop.as_str()) {
                Some(known) => known.1 = unit.as_str(),
                None => props.push((prop.as_str(), unit.as_str())),
            }
        }
        end = whole.end();
    }
    Css::Sizes { props, bad }
}

/// compare-locales' list of differences, e.g. `width only in reference,
/// max-width only in l10n`; empty when they agree.
fn differences(reference: &[(&str, &str)], l10n: &[(&str, &str)]) -> String {
    let mut notes: Vec<String> = Vec::new();
    let mut remaining: Vec<(&str, &str)> = reference.to_vec();
    for &(prop, unit) in l10n {
        match remaining.iter().position(|(p, _)| *p == prop) {
            None => notes.insert(0, format!("{prop} only in l10n")),
            Some(at) => {
                let (_, ref_unit) = remaining.remove(at);
                if unit != ref_unit {
                    notes.push(format!(
                        "units for {prop} don't match ({unit} != {ref_unit})"
                    ));
                }
            }
        }
    }
    for (prop, _) in remaining {
        notes.insert(0, format!("{prop} only in reference"));
    }
    notes.join(", ")
}

/// The text of a pattern that is nothing but text.
fn plain(pattern: &Pattern<&str>) -> Option<String> {
    pattern
        .elements
        .iter()
        .map(|e| match e {
            PatternElement::TextElement { value } => Some(*value),
            PatternElement::Placeable { .. } => None,
        })
        .collect()
}

pub(crate) fn check(tag: &str, catalog: &Catalog, reference: &Catalog) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for entry in catalog.entries().filter(|e| !e.is_term()) {
        let Some(ref_entry) = reference.counterpart(entry) else {
            continue;
        };
        let ref_text = ref_entry.attribute("style").and_then(|a| plain(&a.value));
        // Not CSS, or not plain text: the translation is still checked (as
        // compare-locales does), against no sizes.
        let ref_props = match ref_text.as_deref().map(parse) {
            Some(Css::Sizes { props, .. }) => props,
            _ => Vec::new(),
        };
        for attr in entry.attributes.iter().filter(|a| a.id.name == "style") {
            found.extend(check_one(tag, entry, attr, &ref_props));
        }
    }
    found
}

fn check_one(
    tag: &str,
    entry: &Entry,
    attr: &Attribute<&str>,
    reference: &[(&str, &str)],
) -> Option<Diagnostic> {
    let text = plain(&attr.value)?;
    let at = |d: Diagnostic| {
        d.locale(tag).at(
            entry.file,
            entry.file.offset_of(attr.id.name),
            attr.id.name.len(),
        )
    };
    let props = match parse(&text) {
        Css::Sizes { props, bad: false } => props,
        _ => {
            return Some(at(Diagnostic::new(
                Rule::StyleNotCss,
                format!("`{}.style` is not CSS sizes such as `width: 20em;`", entry.key),
            )
            .help("write `width`, `height`, `min-…` or `max-…` with a length in ch, em, ex, rem, px, cm, mm, in, pc or pt, separated by `;`")));
        }
    };
    let differences = differences(reference, &props);
    (!differences.is_empty()).then(|| {
        at(Diagnostic::new(
            Rule::StyleMismatch,
            format!("`{}.style` sets other sizes than the reference: {differences}", entry.key),
        )
        .help("set the properties the reference sets, in its units; the numbers are the locale's to choose"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes(value: &str) -> Vec<(&str, &str)> {
        match parse(value) {
            Css::Sizes { props, bad: false } => props,
            other => panic!("{value:?}: {other:?}"),
        }
    }

    /// compare-locales' DTD cases of the same parser.
    #[test]
    fn sizes_parse_as_compare_locales_parses_them() {
        assert_eq!(
            sizes("width: 20ch; height: 280px;"),
            [("width", "ch"), ("height", "px")]
        );
        assert_eq!(sizes("min-height: 50em;"), [("min-height", "em")]);
        assert_eq!(sizes("width:.5rem"), [("width", "rem")]);
        for not_css in ["15ch", "junk", "28em", ""] {
            assert_eq!(parse(not_css), Css::None, "{not_css}");
        }
        for bad in ["stuff width:1px", "width:1px height:2px", "width:1px; junk"] {
            assert!(matches!(parse(bad), Css::Sizes { bad: true, .. }), "{bad}");
        }
    }

    #[test]
    fn differences_are_worded_as_compare_locales_words_them() {
        let reference = sizes("width: 20ch; height: 280px;");
        assert_eq!(
            differences(&reference, &sizes("width:15ch")),
            "height only in reference"
        );
        assert_eq!(
            differences(&reference, &sizes("width:15em;height:200px;")),
            "units for width don't match (em != ch)"
        );
        assert_eq!(
            differences(&reference, &sizes("width:12ch;height:200px;")),
            ""
        );
        assert_eq!(
            differences(&sizes("width:1px"), &sizes("max-width:2px")),
            "width only in reference, max-width only in l10n"
        );
        assert_eq!(
            differences(&[], &sizes("width: 27em")),
            "width only in l10n"
        );
    }
}
