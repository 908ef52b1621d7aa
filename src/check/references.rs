//! Variables and references: a translation may only use what exists.

use super::diagnostic::Diagnostic;
use super::rule::Rule;
use crate::source::catalog::Catalog;
use crate::source::walk;
use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};
use std::collections::BTreeSet;

/// References to messages or terms the locale does not define. A reference
/// that the reference locale cannot resolve either is reported there once,
/// not again in every locale that copied it.
pub(crate) fn unknown_references(
    tag: &str,
    catalog: &Catalog,
    reference: Option<&Catalog>,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for entry in catalog.entries() {
        for unit in entry.units() {
            let Some(pattern) = entry.pattern(unit) else {
                continue;
            };
            for name in walk::uses(pattern).references {
                // Most references resolve: the reference locale is asked second.
                let copied = || reference.is_some_and(|r| dangles_in(r, &entry.key, unit, &name));
                if !resolves(catalog, &name) && !copied() {
                    found.push(
                        Diagnostic::new(
                            Rule::UnknownReference,
                            format!(
                                "{} refers to `{name}`, which this locale does not define",
                                entry.unit_name(unit)
                            ),
                        )
                        .locale(tag)
                        .at(entry.file, entry.unit_offset(unit), entry.unit_len(unit))
                        .help("define it in any file of this locale, or fix the name"),
                    );
                }
            }
        }
    }
    found
}

/// Whether the reference's own entry `key` uses `name` and cannot resolve it.
fn dangles_in(reference: &Catalog, key: &str, unit: Option<&str>, name: &str) -> bool {
    let pattern = reference.get(key).and_then(|e| e.pattern(unit));
    let uses = pattern.is_some_and(|p| walk::uses(p).references.iter().any(|r| r == name));
    uses && !resolves(reference, name)
}

fn resolves(catalog: &Catalog, name: &str) -> bool {
    let (id, attr) = match name.split_once('.') {
        Some((id, attr)) => (id, Some(attr)),
        None => (name, None),
    };
    catalog.find(id).is_some_and(|e| match attr {
        Some(attr) => e.attribute(attr).is_some(),
        None => e.value.is_some(),
    })
}

/// Variables the translation adds (errors) or drops (warnings), per unit.
pub(crate) fn variables(tag: &str, reference: &Catalog, catalog: &Catalog) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for entry in catalog.entries().filter(|e| !e.is_term()) {
        // A string the reference says needs no translation is never shown.
        let Some(ref_entry) = reference.counterpart(entry).filter(|r| !r.keep_as_is) else {
            continue;
        };
        for unit in entry.units() {
            let (Some(pattern), Some(ref_pattern)) = (entry.pattern(unit), ref_entry.pattern(unit))
            else {
                continue;
            };
            if !has_placeables(pattern) && !has_placeables(ref_pattern) {
                continue;
            }
            let (ours, theirs) = (walk::uses(pattern), walk::uses(ref_pattern));
            let place = |d: Diagnostic| {
                d.locale(tag)
                    .at(entry.file, entry.unit_offset(unit), entry.unit_len(unit))
            };
            let name = entry.unit_name(unit);
            let own_term = |r: &str| r.starts_with('-') && reference.find(r).is_none();
            let changed =
                changed_references(&name, &ours.references, &theirs.references, &own_term);
            found.extend(changed.map(place));
            let (ours, theirs) = (ours.variables, theirs.variables);
            for var in ours.difference(&theirs) {
                found.push(place(Diagnostic::new(
                    Rule::UnknownVariable,
                    format!("{} uses `${var}`, which the reference does not provide", entry.unit_name(unit)),
                ))
                .help("the app never passes this variable; remove it or ask for it to be added to the reference"));
            }
            // A select on a distinction the language does not make may go,
            // together with its selector: only variables shown must stay.
            let shown = shown_variables(ref_pattern);
            for var in shown.iter().filter(|v| !ours.contains(**v)) {
                found.push(place(Diagnostic::new(
                    Rule::DroppedVariable,
                    format!("{} does not use `${var}`, which the reference uses", entry.unit_name(unit)),
                ))
                .help("readers lose that information; use the variable unless the language needs no such word"));
            }
        }
    }
    found
}

/// Message and term references the translation drops or adds, as
/// compare-locales compares them (a term's attributes are not counted);
/// unlike it, a reference to a term of the locale's own (`own_term`, a
/// grammar helper the reference has no need for) is not an addition.
fn changed_references(
    name: &str,
    ours: &BTreeSet<String>,
    theirs: &BTreeSet<String>,
    own_term: &dyn Fn(&str) -> bool,
) -> impl Iterator<Item = Diagnostic> {
    let dropped: Vec<Diagnostic> = theirs
        .difference(ours)
        .map(|r| {
            Diagnostic::new(
                Rule::DroppedReference,
                format!("{name} leaves out `{{ {r} }}`, which the reference uses"),
            )
            .help("keep the reference, or the text it stands for is lost")
        })
        .collect();
    let added: Vec<Diagnostic> = ours
        .difference(theirs)
        .filter(|r| !own_term(r))
        .map(|r| {
            Diagnostic::new(
                Rule::AddedReference,
                format!("{name} uses `{{ {r} }}`, which the reference does not"),
            )
            .help("the reference may have dropped it; check the translation is current")
        })
        .collect();
    dropped.into_iter().chain(added)
}

/// Variables a pattern shows: every one except those only used to select.
fn shown_variables<'a>(pattern: &'a Pattern<&'a str>) -> BTreeSet<&'a str> {
    let mut out = BTreeSet::new();
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            shown_in_expression(expression, &mut out);
        }
    }
    out
}

fn shown_in_expression<'a>(expression: &'a Expression<&'a str>, out: &mut BTreeSet<&'a str>) {
    match expression {
        Expression::Select { variants, .. } => {
            for variant in variants {
                out.extend(shown_variables(&variant.value));
            }
        }
        Expression::Inline(inline) => shown_in_inline(inline, out),
    }
}

fn shown_in_inline<'a>(inline: &'a InlineExpression<&'a str>, out: &mut BTreeSet<&'a str>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name);
        }
        InlineExpression::FunctionReference { arguments, .. }
        | InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for arg in &arguments.positional {
                shown_in_inline(arg, out);
            }
            for arg in &arguments.named {
                shown_in_inline(&arg.value, out);
            }
        }
        InlineExpression::Placeable { expression } => shown_in_expression(expression, out),
        _ => {}
    }
}

/// Plain text uses no variables: most strings need no walk at all.
pub(super) fn has_placeables(pattern: &fluent_syntax::ast::Pattern<&str>) -> bool {
    use fluent_syntax::ast::PatternElement;
    pattern
        .elements
        .iter()
        .any(|e| matches!(e, PatternElement::Placeable { .. }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast::Entry;

    fn value(source: &str) -> Pattern<&str> {
        let resource = fluent_syntax::parser::parse(source).unwrap();
        match resource.body.into_iter().next() {
            Some(Entry::Message(m)) => m.value.unwrap(),
            _ => panic!("not a message"),
        }
    }

    /// compare-locales' test_fluent: "Missing message reference", "Obsolete
    /// term reference"; a term of the locale's own is not an addition.
    #[test]
    fn dropped_and_added_references_as_compare_locales_reports_them() {
        let reference = value("m = Empty { trash } with { -brand }\n");
        let ours = value("m = Vyprázdnit koš s { -brand } { -other } { -own }\n");
        let own = |r: &str| r == "-own";
        let (ours, reference) = (walk::uses(&ours), walk::uses(&reference));
        let found: Vec<(Rule, String)> =
            changed_references("`m`", &ours.references, &reference.references, &own)
                .map(|d| (d.rule, d.message))
                .collect();
        assert_eq!(
            found,
            [
                (
                    Rule::DroppedReference,
                    "`m` leaves out `{ trash }`, which the reference uses".into()
                ),
                (
                    Rule::AddedReference,
                    "`m` uses `{ -other }`, which the reference does not".into()
                ),
            ]
        );
    }
}
