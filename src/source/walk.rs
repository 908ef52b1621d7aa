//! Reading patterns: which variables and references they use, and their plain text.

use std::collections::BTreeSet;

use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement, Variant};

/// Stands in for a placeable in plain text, so lints never join words across it.
pub(crate) const PLACEHOLDER: char = '\u{FFFC}';

/// What a pattern refers to.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Uses<'a> {
    pub(crate) variables: BTreeSet<&'a str>,
    /// Message references as `id` or `id.attr`; term references as `-id`.
    pub(crate) references: BTreeSet<String>,
}

pub(crate) fn uses<'a>(pattern: &'a Pattern<&'a str>) -> Uses<'a> {
    let mut uses = Uses::default();
    visit_pattern(pattern, &mut |inline| match inline {
        InlineExpression::VariableReference { id } => {
            uses.variables.insert(id.name);
        }
        InlineExpression::MessageReference { id, attribute } => {
            let name = match attribute {
                Some(attr) => format!("{}.{}", id.name, attr.name),
                None => id.name.to_string(),
            };
            uses.references.insert(name);
        }
        InlineExpression::TermReference { id, .. } => {
            uses.references.insert(format!("-{}", id.name));
        }
        _ => {}
    });
    uses
}

/// Every select expression in a pattern, nested ones included.
pub(crate) fn selects<'a>(
    pattern: &'a Pattern<&'a str>,
) -> Vec<(&'a InlineExpression<&'a str>, &'a [Variant<&'a str>])> {
    let mut found = Vec::new();
    collect_selects(pattern, &mut found);
    found
}

/// The texts a pattern can show: the default path first, then every variant
/// on its own. Placeables become [`PLACEHOLDER`]; string literals stay text.
pub(crate) fn texts(pattern: &Pattern<&str>) -> Vec<String> {
    let mut extra = Vec::new();
    let main = flatten(pattern, &mut extra);
    std::iter::once(main).chain(extra).collect()
}

fn flatten(pattern: &Pattern<&str>, extra: &mut Vec<String>) -> String {
    let mut out = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.push_str(value),
            PatternElement::Placeable { expression } => {
                flatten_expression(expression, &mut out, extra)
            }
        }
    }
    out
}

fn flatten_expression(expression: &Expression<&str>, out: &mut String, extra: &mut Vec<String>) {
    match expression {
        Expression::Select { variants, .. } => {
            for variant in variants {
                let text = flatten(&variant.value, extra);
                if variant.default {
                    out.push_str(&text);
                }
                extra.push(text);
            }
        }
        Expression::Inline(InlineExpression::StringLiteral { value }) => out.push_str(value),
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            flatten_expression(expression, out, extra);
        }
        Expression::Inline(_) => out.push(PLACEHOLDER),
    }
}

fn collect_selects<'a>(
    pattern: &'a Pattern<&'a str>,
    found: &mut Vec<(&'a InlineExpression<&'a str>, &'a [Variant<&'a str>])>,
) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            collect_selects_in(expression, found);
        }
    }
}

fn collect_selects_in<'a>(
    expression: &'a Expression<&'a str>,
    found: &mut Vec<(&'a InlineExpression<&'a str>, &'a [Variant<&'a str>])>,
) {
    match expression {
        Expression::Select { selector, variants } => {
            found.push((selector, variants));
            for variant in variants {
                collect_selects(&variant.value, found);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            collect_selects_in(expression, found);
        }
        Expression::Inline(_) => {}
    }
}

fn visit_pattern<'a>(
    pattern: &'a Pattern<&'a str>,
    f: &mut impl FnMut(&'a InlineExpression<&'a str>),
) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            visit_expression(expression, f);
        }
    }
}

fn visit_expression<'a>(
    expression: &'a Expression<&'a str>,
    f: &mut impl FnMut(&'a InlineExpression<&'a str>),
) {
    match expression {
        Expression::Select { selector, variants } => {
            visit_inline(selector, f);
            for variant in variants {
                visit_pattern(&variant.value, f);
            }
        }
        Expression::Inline(inline) => visit_inline(inline, f),
    }
}

fn visit_inline<'a>(
    inline: &'a InlineExpression<&'a str>,
    f: &mut impl FnMut(&'a InlineExpression<&'a str>),
) {
    f(inline);
    match inline {
        InlineExpression::FunctionReference { arguments, .. } => {
            arguments.positional.iter().for_each(|a| visit_inline(a, f));
            arguments
                .named
                .iter()
                .for_each(|a| visit_inline(&a.value, f));
        }
        InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            arguments.positional.iter().for_each(|a| visit_inline(a, f));
            arguments
                .named
                .iter()
                .for_each(|a| visit_inline(&a.value, f));
        }
        InlineExpression::Placeable { expression } => visit_expression(expression, f),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast::Entry;

    fn with_pattern<R>(src: &str, f: impl FnOnce(&Pattern<&str>) -> R) -> R {
        let resource = fluent_syntax::parser::parse(src).unwrap();
        let Entry::Message(msg) = &resource.body[0] else {
            panic!()
        };
        f(msg.value.as_ref().unwrap())
    }

    #[test]
    fn finds_variables_and_references_everywhere() {
        let src = "m = { $n ->\n    [one] { -term(case: \"gen\") }\n   *[other] { other.attr } { $x }\n}\n";
        with_pattern(src, |p| {
            let uses = uses(p);
            assert_eq!(uses.variables.into_iter().collect::<Vec<_>>(), ["n", "x"]);
            assert_eq!(
                uses.references.into_iter().collect::<Vec<_>>(),
                ["-term", "other.attr"]
            );
        });
    }

    #[test]
    fn texts_follow_the_default_variant_and_list_each_variant() {
        let src = "m = You have { $n ->\n    [one] one file\n   *[other] { $n } files\n} now.\n";
        with_pattern(src, |p| {
            let texts = texts(p);
            assert_eq!(texts[0], format!("You have {PLACEHOLDER} files now."));
            assert_eq!(
                texts[1..],
                ["one file".to_string(), format!("{PLACEHOLDER} files")]
            );
        });
    }
}
