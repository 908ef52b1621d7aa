//! The context a translator needs with each unit: the entry's, group's
//! and file's comments, what a term is, where statusdb shows a message of
//! its own content, and each variable with what it does and an example.

use std::collections::BTreeMap;

use fluent_syntax::ast::{self, InlineExpression, Pattern, VariantKey};

use super::spans::Unit;
use crate::model::{self, CodeText};
use crate::source::{FtlFile, walk};

const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// Each entry's comment, then its group's (`##`) and the file's (`###`).
/// The runtime parse behind the checks drops comments, so the reference
/// is parsed once more here, in full.
pub fn comments(file: &FtlFile) -> BTreeMap<String, String> {
    let resource = match fluent_syntax::parser::parse(file.source()) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    let mut found = BTreeMap::new();
    let (mut group, mut resource_comment) = (String::new(), Vec::new());
    for entry in &resource.body {
        let (key, comment) = match entry {
            ast::Entry::Message(m) => (m.id.name.to_string(), &m.comment),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), &t.comment),
            ast::Entry::GroupComment(c) => {
                group = c.content.join(" ");
                continue;
            }
            ast::Entry::ResourceComment(c) => {
                resource_comment.push(c.content.join(" "));
                continue;
            }
            _ => continue,
        };
        let mut lines: Vec<String> = comment.iter().map(|c| c.content.join("\n")).collect();
        if !group.is_empty() {
            lines.push(format!("Group: {group}"));
        }
        if !resource_comment.is_empty() {
            lines.push(format!("File: {}", resource_comment.join(" ")));
        }
        found.insert(key, lines.join("\n"));
    }
    found
}

/// The reference text of every term, by `-id`, from the reference's units.
pub(crate) fn terms<'a>(units: impl Iterator<Item = &'a Unit>) -> BTreeMap<String, String> {
    units
        .filter(|u| u.key.starts_with('-') && !u.key.contains('.'))
        .map(|u| (u.key.clone(), u.text.clone()))
        .collect()
}

/// A unit's comment: the comments, what a term is, where it appears.
pub fn comment(key: &str, comments: Option<&String>) -> String {
    let mut lines: Vec<String> = comments
        .into_iter()
        .filter(|c| !c.is_empty())
        .cloned()
        .collect();
    if key.starts_with('-') && !key.contains('.') {
        lines.push(format!("A term: other messages insert it with {{ {key} }}, so translate it once and use that form everywhere."));
    }
    lines.extend(appears(key));
    lines.join("\n")
}

/// `$count (a number: picks the variant, e.g. 1, 2, 5 or 21); $user
/// (inserted as is); uses -brand (a term: "Acme")`.
pub fn describe_variables(pattern: &Pattern<&str>, terms: &BTreeMap<String, String>) -> String {
    let uses = walk::uses(pattern);
    let plural_selectors: Vec<(&str, bool)> = walk::selects(pattern)
        .into_iter()
        .filter_map(|(selector, variants)| match selector {
            InlineExpression::VariableReference { id } => {
                let plural = variants.iter().all(|v| match v.key {
                    VariantKey::Identifier { name } => CATEGORIES.contains(&name),
                    VariantKey::NumberLiteral { .. } => true,
                });
                Some((id.name, plural))
            }
            _ => None,
        })
        .collect();
    let mut parts: Vec<String> = uses
        .variables
        .iter()
        .map(|v| {
            let select = plural_selectors.iter().find(|s| s.0 == *v);
            let what = match select {
                Some((_, true)) => "a number: picks the variant",
                Some((_, false)) => "a keyword: picks the variant",
                None => "inserted as is",
            };
            match example(v, select.is_some_and(|s| s.1)) {
                Some(e) => format!("${v} ({what}, e.g. {e})"),
                None => format!("${v} ({what})"),
            }
        })
        .collect();
    if !uses.references.is_empty() {
        let refs: Vec<String> = uses
            .references
            .iter()
            .map(|r| match terms.get(r) {
                Some(text) if !text.contains('\n') => format!("{r} (a term: \"{text}\")"),
                _ => r.clone(),
            })
            .collect();
        parts.push(format!("uses {}", refs.join(", ")));
    }
    parts.join("; ")
}

/// Where statusdb shows the unit `key` of its own locales; `None` for a
/// key statusdb's content does not have (another project's tree).
pub fn appears(key: &str) -> Option<String> {
    let (entry, attribute) = match key.split_once('.') {
        Some((entry, attribute)) => (entry, Some(attribute)),
        None => (key, None),
    };
    if let Some(code) = model::parse_code_id(entry) {
        let column = match attribute {
            None => "name",
            Some(a) => CodeText::FIELDS.iter().find(|f| f.0 == a)?.1,
        };
        return Some(format!(
            "Appears: the {column} of {code} (column code_text.{column}), on its page and on every pair page with {code}."
        ));
    }
    if let Some((a, b)) = model::parse_pair_id(entry) {
        return Some(format!(
            "Appears: the curated note of the pair page {a} vs {b} (pair_notes), under the key differences."
        ));
    }
    model::is_ui_key(key).then(|| match model::TEMPLATES.contains(&key) {
        true => "Appears: a template of every pair page (ui_text and the pair views); the variables are filled in per pair.".to_string(),
        false => "Appears: an interface string of every pair page (table ui_text).".to_string(),
    })
}

/// An example value for variable `$name` of statusdb's pair templates, or
/// of a variable that picks a plural variant.
pub fn example(name: &str, selects: bool) -> Option<&'static str> {
    let known = match name {
        "a" => Some("202 Accepted"),
        "b" => Some("403 Forbidden"),
        "a-class" => Some("a 2xx Successful response"),
        "b-class" => Some("a 4xx Client Error response"),
        "class" => Some("4xx Client Error responses"),
        _ => None,
    };
    known.or(selects.then_some("1, 2, 5 or 21"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statusdb_keys_say_where_they_appear() {
        assert!(appears("code-404").unwrap().contains("name of 404"));
        assert!(
            appears("code-404.seen-when")
                .unwrap()
                .contains("code_text.seen_when")
        );
        assert!(appears("pair-401-403").unwrap().contains("401 vs 403"));
        assert!(appears("pair-title").unwrap().contains("template"));
        assert!(
            appears("heading-description")
                .unwrap()
                .contains("interface")
        );
        assert_eq!(appears("greeting"), None);
        assert_eq!(appears("code-404.nonsense"), None);
        assert_eq!(example("a", false), Some("202 Accepted"));
        assert_eq!(example("count", true), Some("1, 2, 5 or 21"));
        assert_eq!(example("user", false), None);
    }
}
