//! Reading patterns: which variables and references they use, and their plain text.

use std::collections::BTreeSet;

use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement, Variant};

use crate::source::depth::MAX_NESTING;

/// Stands in for a placeable in plain text, so lints never join words across it.
pub(crate) const PLACEHOLDER: char = '\u{FFFC}';

/// What a pattern refers to.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Uses<'a> {
    pub(crate) variables: BTreeSet<&'a str>,
    /// Message references as `id` or `id.attr`; term references as `-id`.
    pub(crate) references: BTreeSet<String>,
    /// String literals as written, escapes not yet decoded.
    pub(crate) literals: Vec<&'a str>,
}

pub(crate) fn uses<'a>(pattern: &'a Pattern<&'a str>) -> Uses<'a> {
    let mut uses = Uses::default();
    let mut record = |inline: &'a InlineExpression<&'a str>| match inline {
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
        InlineExpression::StringLiteral { value } => uses.literals.push(value),
        _ => {}
    };
    visit_pattern(pattern, &mut record, 0);
    uses
}

/// Whether Fluent could refuse to format `pattern` for a reason other
/// than an unknown reference or variable: it refers to messages or terms
/// (a cycle may run through them), or it may hold more placeables than
/// Fluent expands. Each placeable holds an inline expression, so counting
/// those bounds the placeables. (A select without a default variant is a
/// syntax error, so it never reaches the resolver.)
pub(crate) fn may_fail_to_format(pattern: &Pattern<&str>) -> bool {
    /// fluent-bundle's `MAX_PLACEABLES`.
    const MAX_PLACEABLES: usize = 100;
    let (mut refers, mut inlines) = (false, 0);
    visit_pattern(
        pattern,
        &mut |inline| {
            inlines += 1;
            refers |= matches!(
                inline,
                InlineExpression::MessageReference { .. } | InlineExpression::TermReference { .. }
            );
        },
        0,
    );
    refers || inlines > MAX_PLACEABLES
}

/// Every select expression in a pattern, nested ones included.
pub(crate) fn selects<'a>(
    pattern: &'a Pattern<&'a str>,
) -> Vec<(&'a InlineExpression<&'a str>, &'a [Variant<&'a str>])> {
    let mut found = Vec::new();
    collect_selects(pattern, &mut found, 0);
    found
}

/// The texts a pattern can show: the default path first, then every variant
/// on its own. Placeables become [`PLACEHOLDER`]; string literals stay text.
pub(crate) fn texts(pattern: &Pattern<&str>) -> Vec<String> {
    let mut extra = Vec::new();
    let main = flatten(pattern, &mut extra, 0);
    std::iter::once(main).chain(extra).collect()
}

/// Whether `c` is in any text [`texts`] reads from `pattern`: its text,
/// every variant's, and its string literals; found without copying them.
pub(crate) fn shows_char(pattern: &Pattern<&str>, c: char) -> bool {
    fn in_expression(expression: &Expression<&str>, c: char, depth: usize) -> bool {
        match expression {
            _ if too_deep(depth) => false,
            Expression::Select { variants, .. } => {
                variants.iter().any(|v| in_pattern(&v.value, c, depth))
            }
            Expression::Inline(InlineExpression::StringLiteral { value }) => value.contains(c),
            Expression::Inline(InlineExpression::Placeable { expression }) => {
                in_expression(expression, c, depth + 1)
            }
            Expression::Inline(_) => false,
        }
    }
    fn in_pattern(pattern: &Pattern<&str>, c: char, depth: usize) -> bool {
        pattern.elements.iter().any(|element| match element {
            PatternElement::TextElement { value } => value.contains(c),
            PatternElement::Placeable { expression } => in_expression(expression, c, depth + 1),
        })
    }
    in_pattern(pattern, c, 0)
}

/// Every walk below stops at the nesting bound. Loading refuses deeper
/// text, so this only guards a pattern built some other way.
fn too_deep(depth: usize) -> bool {
    depth > MAX_NESTING
}

fn flatten(pattern: &Pattern<&str>, extra: &mut Vec<String>, depth: usize) -> String {
    let mut out = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.push_str(value),
            PatternElement::Placeable { expression } => {
                flatten_expression(expression, &mut out, extra, depth + 1)
            }
        }
    }
    out
}

fn flatten_expression(
    expression: &Expression<&str>,
    out: &mut String,
    extra: &mut Vec<String>,
    depth: usize,
) {
    if too_deep(depth) {
        out.push(PLACEHOLDER);
        return;
    }
    match expression {
        Expression::Select { variants, .. } => {
            for variant in variants {
                let text = flatten(&variant.value, extra, depth);
                if variant.default {
                    out.push_str(&text);
                }
                extra.push(text);
            }
        }
        Expression::Inline(InlineExpression::StringLiteral { value }) => out.push_str(value),
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            flatten_expression(expression, out, extra, depth + 1);
        }
        Expression::Inline(_) => out.push(PLACEHOLDER),
    }
}

type Selects<'a> = Vec<(&'a InlineExpression<&'a str>, &'a [Variant<&'a str>])>;

fn collect_selects<'a>(pattern: &'a Pattern<&'a str>, found: &mut Selects<'a>, depth: usize) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            collect_selects_in(expression, found, depth + 1);
        }
    }
}

fn collect_selects_in<'a>(
    expression: &'a Expression<&'a str>,
    found: &mut Selects<'a>,
    depth: usize,
) {
    if too_deep(depth) {
        return;
    }
    match expression {
        Expression::Select { selector, variants } => {
            found.push((selector, variants));
            for variant in variants {
                collect_selects(&variant.value, found, depth);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            collect_selects_in(expression, found, depth + 1);
        }
        Expression::Inline(_) => {}
    }
}

fn visit_pattern<'a>(
    pattern: &'a Pattern<&'a str>,
    f: &mut impl FnMut(&'a InlineExpression<&'a str>),
    depth: usize,
) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            visit_expression(expression, f, depth + 1);
        }
    }
}

fn visit_expression<'a>(
    expression: &'a Expression<&'a str>,
    f: &mut impl FnMut(&'a InlineExpression<&'a str>),
    depth: usize,
) {
    match expression {
        Expression::Select { selector, variants } => {
            visit_inline(selector, f, depth);
            for variant in variants {
                visit_pattern(&variant.value, f, depth);
            }
        }
        Expression::Inline(inline) => visit_inline(inline, f, depth),
    }
}

fn visit_inline<'a>(
    inline: &'a InlineExpression<&'a str>,
    f: &mut impl FnMut(&'a InlineExpression<&'a str>),
    depth: usize,
) {
    if too_deep(depth) {
        return;
    }
    f(inline);
    let arguments = match inline {
        InlineExpression::FunctionReference { arguments, .. } => arguments,
        InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => arguments,
        InlineExpression::Placeable { expression } => {
            return visit_expression(expression, f, depth + 1);
        }
        _ => return,
    };
    let named = arguments.named.iter().map(|a| &a.value);
    for argument in arguments.positional.iter().chain(named) {
        visit_inline(argument, f, depth + 1);
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

    /// It must say yes wherever fluent-bundle could refuse: at 101
    /// placeables, and for a reference hidden in a variant or an argument.
    #[test]
    fn may_fail_to_format_wherever_the_resolver_could_refuse() {
        let cases = [
            (format!("m = {}\n", "{ $x }".repeat(100)), false),
            (format!("m = {}\n", "{ $x }".repeat(101)), true),
            ("m = plain text { $x } { NUMBER($n) }\n".into(), false),
            (
                "m = { $n ->\n    [one] { other }\n   *[many] x\n}\n".into(),
                true,
            ),
            ("m = { NUMBER(-term) }\n".into(), true),
            ("m = { FN(other.attr) }\n".into(), true),
        ];
        for (src, expected) in cases {
            with_pattern(&src, |p| {
                assert_eq!(may_fail_to_format(p), expected, "{src}")
            });
        }
    }

    /// It agrees with `texts` on every text that `texts` reads.
    #[test]
    fn shows_char_finds_what_texts_shows() {
        let cases = [
            "m = a <b>bold</b>\n",
            "m = { $n ->\n    [one] <i>x</i>\n   *[other] y\n}\n",
            "m = { \"<br>\" } text\n",
            "m = { { \"<br>\" } }\n",
            "m = plain { $x } { -term } text\n",
            "m = { $n ->\n    [one] x\n   *[other] y\n}\n",
        ];
        for src in cases {
            with_pattern(src, |p| {
                let shown = texts(p).iter().any(|t| t.contains('<'));
                assert_eq!(shows_char(p, '<'), shown, "{src}");
            });
        }
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
    fn walks_stop_at_the_nesting_bound() {
        // Built from parts the loader would refuse as text: the walks must
        // still return rather than recurse without end.
        let mut expression = Expression::Inline(InlineExpression::VariableReference {
            id: fluent_syntax::ast::Identifier { name: "deep" },
        });
        for _ in 0..MAX_NESTING + 10 {
            expression = Expression::Inline(InlineExpression::Placeable {
                expression: Box::new(expression),
            });
        }
        let pattern = Pattern {
            elements: vec![PatternElement::Placeable { expression }],
        };
        assert!(uses(&pattern).variables.is_empty());
        assert_eq!(texts(&pattern), [PLACEHOLDER.to_string()]);
        assert!(selects(&pattern).is_empty());
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
