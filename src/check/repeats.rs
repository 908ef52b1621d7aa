//! An attribute defined twice in one message or term, and a variant key
//! written twice in one select. Fluent's parser accepts both, and fluent-rs
//! silently shows the first, so the translator's later text is never seen.
//!
//! As compare-locales reports them ("Attribute/Variant key … is
//! duplicated"): warnings, on the translation's entries that the reference
//! also has, each occurrence reported (the first and every repeat).

use std::hash::Hash;

use fluent_syntax::ast::{Pattern, Variant, VariantKey};
use rustc_hash::FxHashMap;

use super::diagnostic::Diagnostic;
use super::rule::Rule;
use crate::source::catalog::{Catalog, Entry};
use crate::source::walk;

pub(crate) fn check(tag: &str, catalog: &Catalog, reference: &Catalog) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for entry in catalog.entries() {
        if reference.counterpart(entry).is_none() {
            continue;
        }
        let names: Vec<&str> = entry.attributes.iter().map(|a| a.id.name).collect();
        for at in repeated(&names) {
            let name = names[at];
            found.push(
                Diagnostic::new(
                    Rule::DuplicateAttribute,
                    format!(
                        "attribute `.{name}` of `{}` is defined more than once",
                        entry.key
                    ),
                )
                .locale(tag)
                .at(entry.file, entry.file.offset_of(name), name.len())
                .help(format!("Fluent shows only the first; keep one `.{name}`")),
            );
        }
        let patterns = entry
            .value
            .into_iter()
            .chain(entry.attributes.iter().map(|a| &a.value));
        for pattern in patterns {
            found.extend(variant_keys(tag, entry, pattern));
        }
    }
    found
}

fn variant_keys(tag: &str, entry: &Entry, pattern: &Pattern<&str>) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (_, variants) in walk::selects(pattern) {
        // `[1]` and `[one]` are different keys, even if written alike.
        let keys: Vec<(bool, &str)> = variants
            .iter()
            .map(|v: &Variant<&str>| match v.key {
                VariantKey::Identifier { name } => (false, name),
                VariantKey::NumberLiteral { value } => (true, value),
            })
            .collect();
        for at in repeated(&keys) {
            let (_, key) = keys[at];
            found.push(
                Diagnostic::new(
                    Rule::DuplicateVariant,
                    format!(
                        "variant `[{key}]` appears more than once in a select of `{}`",
                        entry.key
                    ),
                )
                .locale(tag)
                .at(entry.file, entry.file.offset_of(key), key.len())
                .help(format!(
                    "Fluent picks the first `[{key}]`; merge the variants into one"
                )),
            );
        }
    }
    found
}

/// Below this many items a scan is cheaper than counting in a map.
const COUNTED_FROM: usize = 16;

/// The positions of every item equal to another one, in order: the first
/// occurrence of a repeated item and each repeat. Counted in a map for
/// many items: comparing every pair made a message with 50k attributes
/// take seconds.
fn repeated<T: Eq + Hash>(items: &[T]) -> Vec<usize> {
    if items.len() < COUNTED_FROM {
        let again = |i: usize| (0..items.len()).any(|j| j != i && items[j] == items[i]);
        return (0..items.len()).filter(|&i| again(i)).collect();
    }
    let mut counts: FxHashMap<&T, usize> = FxHashMap::default();
    for item in items {
        *counts.entry(item).or_default() += 1;
    }
    (0..items.len())
        .filter(|&i| counts[&items[i]] > 1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::ftl::FtlFile;

    #[test]
    fn every_occurrence_of_a_repeat_is_named_once() {
        assert_eq!(repeated(&["a", "b", "a", "c", "a", "b"]), [0, 1, 2, 4, 5]);
        assert!(repeated(&["a", "b"]).is_empty());
        // Past the scan, counted: the same answer.
        let mut many: Vec<String> = (0..COUNTED_FROM * 2).map(|i| i.to_string()).collect();
        many.extend(["3".to_string(), "7".to_string(), "3".to_string()]);
        let n = COUNTED_FROM * 2;
        assert_eq!(repeated(&many), [3, 7, n, n + 1, n + 2]);
    }

    /// The parser keeps both duplicates (it reports no error), so the check
    /// has something to find; and `[1]` is not the key `[one]`.
    #[test]
    fn fluent_syntax_keeps_repeated_attributes_and_keys() {
        let source = "m = { $n ->\n    [one] a\n    [one] b\n    [1] c\n   *[other] d\n}\n    .t = a\n    .t = b\n";
        let path = std::path::Path::new("x.ftl");
        let file = FtlFile::parse(path, "x.ftl".into(), source.into()).unwrap();
        assert!(file.parse_errors().is_empty());
        let fluent_syntax::ast::Entry::Message(m) = file.entries().next().unwrap() else {
            panic!("a message")
        };
        assert_eq!(m.attributes.len(), 2);
        let (_, variants) = walk::selects(m.value.as_ref().unwrap())[0];
        let keys: Vec<_> = variants.iter().map(|v| format!("{:?}", v.key)).collect();
        assert_eq!(repeated(&keys), [0, 1]);
    }
}
