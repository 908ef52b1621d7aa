//! Fluent selects on a variable as one text per variant key, for formats
//! that carry variants their own way (gettext's `msgstr[n]`, XLIFF groups).

use fluent_syntax::ast::{
    Entry, Expression, Identifier, InlineExpression, Message, Pattern, PatternElement, Resource,
    VariantKey,
};

use super::spans::{cell_text, value_source};

const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// A value that is one select on a variable: `{ $count -> [one] … *[other] … }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberSelect {
    /// The variable's name, without `$`.
    pub selector: String,
    /// `(key, text as Fluent source)`: in CLDR order when every key is a
    /// CLDR category, else in source order.
    pub variants: Vec<(String, String)>,
    /// The default variant's key.
    pub default: String,
    /// Every key is a CLDR plural category.
    pub plural: bool,
}

impl NumberSelect {
    pub fn text(&self, category: &str) -> Option<&str> {
        self.variants
            .iter()
            .find(|(c, _)| c == category)
            .map(|(_, t)| t.as_str())
    }
}

/// The number select `text` is, if it is exactly one.
pub fn split(text: &str) -> Option<NumberSelect> {
    split_any(text).filter(|s| s.plural)
}

/// The select on a variable `text` is, if it is exactly one.
pub fn split_any(text: &str) -> Option<NumberSelect> {
    let source = format!("x ={}\n", value_source(text, "\n"));
    let resource = fluent_syntax::parser::parse(source.as_str()).ok()?;
    let [Entry::Message(message)] = &resource.body[..] else {
        return None;
    };
    let [PatternElement::Placeable { expression }] = &message.value.as_ref()?.elements[..] else {
        return None;
    };
    let Expression::Select { selector, variants } = expression else {
        return None;
    };
    let InlineExpression::VariableReference { id } = selector else {
        return None;
    };
    let mut found = Vec::new();
    let mut default = None;
    for variant in variants {
        let name = match variant.key {
            VariantKey::Identifier { name } | VariantKey::NumberLiteral { value: name } => name,
        };
        if found.iter().any(|(c, _)| c == name) {
            return None;
        }
        if variant.default {
            default = Some(name.to_string());
        }
        found.push((name.to_string(), pattern_text(&variant.value)));
    }
    let plural = found.iter().all(|(c, _)| CATEGORIES.contains(&c.as_str()));
    if plural {
        found.sort_by_key(|(c, _)| CATEGORIES.iter().position(|k| k == c));
    }
    Some(NumberSelect {
        selector: id.name.to_string(),
        variants: found,
        default: default?,
        plural,
    })
}

/// A pattern as the Fluent source a unit's text holds.
fn pattern_text(pattern: &Pattern<&str>) -> String {
    let resource = Resource {
        body: vec![Entry::Message(Message {
            id: Identifier { name: "x" },
            value: Some(pattern.clone()),
            attributes: Vec::new(),
            comment: None,
        })],
    };
    let source = fluent_syntax::serializer::serialize(&resource);
    cell_text(source.strip_prefix("x =").unwrap_or(&source))
}

/// The Fluent source of a select on `$selector`.
pub fn join(selector: &str, variants: &[(String, String)], default: &str) -> String {
    let mut out = format!("{{ ${selector} ->\n");
    for (category, text) in variants {
        let star = if category == default { "   *" } else { "    " };
        let text = text.replace('\n', "\n        ");
        out.push_str(&format!("{star}[{category}] {text}\n"));
    }
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_select_splits_and_joins_back() {
        let text =
            "{ $n ->\n    [one] { $n } file\n    [few] { $n } файла\n   *[other] { $n } files\n}";
        let select = split(text).unwrap();
        assert_eq!(select.selector, "n");
        assert_eq!(select.default, "other");
        assert_eq!(select.text("few"), Some("{ $n } файла"));
        assert_eq!(join(&select.selector, &select.variants, "other"), text);
    }

    #[test]
    fn other_values_are_not_number_selects() {
        let case = "{ $n ->\n   *[nominative] a\n    [accusative] b\n}";
        assert_eq!(split_any(case).unwrap().variants[1].0, "accusative");
        for text in [
            "plain",
            case,
            "x { $n ->\n   *[other] a\n}",
            "{ -term ->\n   *[other] a\n}",
            "{ $n ->\n    [one] a\n   *[other] b\n    [one] c\n}",
        ] {
            assert_eq!(split(text), None, "{text}");
        }
    }
}
