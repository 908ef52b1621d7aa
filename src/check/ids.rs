//! Ids a locale defines twice, and terms that share a name with a message.

use super::diagnostic::{Diagnostic, Severity};
use super::rule::Rule;
use crate::source::Locale;
use crate::source::catalog::{Catalog, Entry};

/// Every id of `catalog` defined more than once, and every term/message
/// clash. An id the reference itself defines in the same two files is the
/// project's layout (each page's files load into a bundle of their own).
/// The reference's own layout is judged by what loads it: statusdb's own
/// tree (`one_bundle`) loads a locale's files into one bundle, where the
/// second definition is lost; of another project's tree only a warning
/// can be sure, since its pages may each have a bundle.
pub(crate) fn check(
    locale: &Locale,
    catalog: &Catalog,
    reference: Option<&Catalog>,
    one_bundle: bool,
) -> Vec<Diagnostic> {
    let duplicates = catalog.duplicates.iter().filter_map(|again| {
        let first = catalog.get(&again.key)?;
        let layout = reference.is_some_and(|r| same_layout(r, first, again));
        let maybe_layout = reference.is_none() && !one_bundle && first.file.rel != again.file.rel;
        (!layout).then(|| duplicate(locale, first, again, maybe_layout))
    });
    duplicates.chain(clashes(locale, catalog)).collect()
}

/// Whether `reference` defines the id of `first` and `again` in their two files.
fn same_layout(reference: &Catalog, first: &Entry, again: &Entry) -> bool {
    let files = [first.file.rel.as_str(), again.file.rel.as_str()];
    if files[0] == files[1] {
        return false;
    }
    let defined_in = |rel: &str| {
        reference.get(&first.key).is_some_and(|e| e.file.rel == rel)
            || reference
                .duplicates
                .iter()
                .any(|d| d.key == first.key && d.file.rel == rel)
    };
    files.iter().all(|rel| defined_in(rel))
}

/// Fluent keeps terms apart from messages, but fluent-rs stores both under
/// one name, so `-x` and `x` cannot both be formatted.
fn clashes<'a>(locale: &'a Locale, catalog: &'a Catalog) -> impl Iterator<Item = Diagnostic> + 'a {
    let terms = catalog.entries().filter(|e| e.is_term());
    let clashing = terms.filter_map(|t| Some((t, catalog.get(&t.key[1..])?)));
    clashing.map(|(term, message)| {
        let (line, col) = message.file.position(message.offset);
        Diagnostic::new(Rule::TermMessageClash, format!("the term `{}` has the same name as the message `{}`", term.key, message.key))
            .locale(locale.tag.as_str())
            .at(term.file, term.offset, term.key.len())
            .help(format!(
                "the message is at {}:{line}:{col}; fluent-rs (statusdb's renderer) keeps only one of them, so rename the term",
                message.file.shown
            ))
    })
}

/// `maybe_layout`: the reference defines the id in two files of a tree
/// that may load them into bundles of their own; a warning, not an error.
fn duplicate(locale: &Locale, first: &Entry, again: &Entry, maybe_layout: bool) -> Diagnostic {
    let (line, col) = first.file.position(first.offset);
    let found = Diagnostic::new(
        Rule::DuplicateId,
        format!("`{}` is defined more than once in this locale", again.key),
    )
    .locale(locale.tag.as_str())
    .at(again.file, again.offset, again.key.len());
    let first_at = format!("first defined at {}:{line}:{col}", first.file.shown);
    match maybe_layout {
        false => found.help(format!("{first_at}; remove or rename one of them")),
        true => found.severity(Severity::Warning).help(format!(
            "{first_at}; if both files load into one bundle, the second is lost: remove or rename one; if each page loads its own files, this is the project's layout"
        )),
    }
}
