//! Ids a locale defines twice, and terms that share a name with a message.

use super::diagnostic::Diagnostic;
use super::rule::Rule;
use crate::source::Locale;
use crate::source::catalog::{Catalog, Entry};

/// Every id of `catalog` defined more than once, and every term/message clash.
pub(crate) fn check(locale: &Locale, catalog: &Catalog) -> Vec<Diagnostic> {
    let duplicates = catalog
        .duplicates
        .iter()
        .filter_map(|again| Some(duplicate(locale, catalog.get(&again.key)?, again)));
    duplicates.chain(clashes(locale, catalog)).collect()
}

/// Fluent keeps terms apart from messages, but fluent-rs stores both under
/// one name, so `-x` and `x` cannot both be formatted.
fn clashes<'a>(locale: &'a Locale, catalog: &'a Catalog) -> impl Iterator<Item = Diagnostic> + 'a {
    let terms = catalog.entries.values().filter(|e| e.is_term());
    let clashing = terms.filter_map(|t| Some((t, catalog.get(&t.key[1..])?)));
    clashing.map(|(term, message)| {
        let (line, col) = message.file.position(message.offset);
        Diagnostic::new(Rule::TermMessageClash, format!("the term `{}` has the same name as the message `{}`", term.key, message.key))
            .locale(locale.tag.as_str())
            .at(term.file, term.offset, term.key.len())
            .help(format!(
                "the message is at {}:{line}:{col}; fluent-rs (statusdb's renderer) keeps only one of them, so rename the term",
                message.file.path.display()
            ))
    })
}

fn duplicate(locale: &Locale, first: &Entry, again: &Entry) -> Diagnostic {
    let (line, col) = first.file.position(first.offset);
    Diagnostic::new(
        Rule::DuplicateId,
        format!("`{}` is defined more than once in this locale", again.key),
    )
    .locale(locale.tag.as_str())
    .at(again.file, again.offset, again.key.len())
    .help(format!(
        "first defined at {}:{line}:{col}; remove or rename one of them",
        first.file.path.display()
    ))
}
