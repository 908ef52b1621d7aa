//! Check: everything that can be wrong with a locale tree, as diagnostics.
//!
//! Each family of checks lives in its own module and returns findings; this
//! module runs them per locale and counts what each locale has.

mod completeness;
mod content;
mod diagnostic;
mod escapes;
mod ids;
pub mod lint;
pub(crate) mod markup;
mod pages;
pub(crate) mod parts;
pub(crate) mod plurals;
mod references;
mod repeats;
mod resolve;
mod rule;
mod scope;
mod style;
mod terminology;
mod text;
mod verbatim;
mod verdict;

use std::sync::atomic::Ordering;

use rayon::prelude::*;
use serde::Serialize;

pub use diagnostic::Diagnostic;
pub(crate) use diagnostic::{Severity, sort};
pub use lint::Allowlist;
pub(crate) use pages::{PageText, lint_pages};
pub(crate) use rule::Rule;
pub use scope::{Action, Scope};
pub(crate) use verdict::{Verdict, report};

use crate::error::{Error, Result};
use crate::source::{Catalog, Facts, Locale, LocaleTree};

/// What to check against.
pub struct Options<'a> {
    /// The locale every other one is compared with.
    pub reference: &'a str,
    /// statusdb's own facts, for the checks that tie content to `data/`.
    pub facts: Option<&'a Facts>,
    /// Run the rules that are [`Rule::lint_only`] (obsolete entries stay
    /// counted either way). A build skips them: they never block it.
    pub lint: bool,
    /// A project configuration's say on which files each locale translates
    /// and how gaps count; without one, every file and every gap counts.
    pub scope: Option<&'a dyn Scope>,
}

impl Options<'_> {
    /// Whether a check that finds `rules` has anything to run.
    fn runs(&self, rules: &[Rule]) -> bool {
        rules.iter().any(|r| self.lint || !r.lint_only())
    }
}

/// One line of the summary table.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LocaleSummary {
    pub(crate) locale: String,
    pub(crate) is_reference: bool,
    /// Strings (message values and attributes) in the reference.
    pub(crate) total: usize,
    pub(crate) translated: usize,
    pub(crate) missing: usize,
    /// Messages and terms missing entirely (the count compare-locales reports).
    pub(crate) missing_entries: usize,
    /// Messages and terms the reference does not have.
    pub(crate) obsolete: usize,
    pub(crate) errors: usize,
    pub(crate) warnings: usize,
    /// `translated / total`, rounded to one decimal.
    pub(crate) percent: f64,
}

/// Everything a run of the checks found.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub summaries: Vec<LocaleSummary>,
    /// Files a project configuration names that are not Fluent, left unchecked.
    pub skipped_files: usize,
}

impl Report {
    /// Gives every finding of `rule` the severity `action` says (an ignored
    /// finding is dropped), and counts each locale's findings again.
    pub(crate) fn set_action(&mut self, rule: impl Fn(Rule) -> bool, action: Action) {
        self.judge(|d| rule(d.rule).then_some(action));
    }

    /// Gives each finding the action `judge` returns for it, if any (an
    /// ignored finding is dropped), and counts each locale's findings again.
    pub(crate) fn judge(&mut self, judge: impl Fn(&Diagnostic) -> Option<Action>) {
        self.diagnostics
            .retain_mut(|d| match judge(d).map(Action::severity) {
                None => true,
                Some(None) => false,
                Some(Some(severity)) => {
                    d.severity = severity;
                    true
                }
            });
        self.recount();
    }

    /// Keeps only the findings `keep` accepts, and counts again.
    pub(crate) fn retain(&mut self, keep: impl Fn(&Diagnostic) -> bool) {
        self.diagnostics.retain(keep);
        self.recount();
    }

    /// Each locale's errors and warnings, from the findings.
    fn recount(&mut self) {
        let mut counts: rustc_hash::FxHashMap<&str, (usize, usize)> = Default::default();
        for d in &self.diagnostics {
            let entry = counts
                .entry(d.locale.as_deref().unwrap_or_default())
                .or_default();
            match d.severity {
                Severity::Error => entry.0 += 1,
                Severity::Warning => entry.1 += 1,
            }
        }
        for s in &mut self.summaries {
            (s.errors, s.warnings) = counts.get(s.locale.as_str()).copied().unwrap_or_default();
        }
    }

    pub(crate) fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// Adds findings made after the per-locale pass, keeping the counts right.
    pub(crate) fn extend(&mut self, found: Vec<Diagnostic>) {
        for d in &found {
            let summary = self
                .summaries
                .iter_mut()
                .find(|s| Some(&s.locale) == d.locale.as_ref());
            if let Some(s) = summary {
                match d.severity {
                    Severity::Error => s.errors += 1,
                    Severity::Warning => s.warnings += 1,
                }
            }
        }
        self.diagnostics.extend(found);
    }
}

/// Runs every check on `tree`.
pub fn check(tree: &LocaleTree, options: &Options) -> Result<Report> {
    let reference = tree
        .locale(options.reference)
        .ok_or_else(|| no_reference(options.reference, &tree.root, &tree.tags()))?;
    let mut report = Report::default();
    if let Some(facts) = options.facts {
        let loaded: Vec<_> = tree.locales.iter().map(|l| l.tag.clone()).collect();
        let found = content::locales(&tree.root, &loaded, &tree.folders, facts);
        report.diagnostics.extend(found);
    }
    let locales: Vec<&Locale> = tree.locales.iter().collect();
    let checked = check_locales(reference, &locales, options);
    report.summaries = checked.summaries;
    report.diagnostics.extend(checked.diagnostics);
    Ok(report)
}

/// Runs the per-locale checks on `locales` (the reference among them),
/// without the checks that need a whole tree: for callers that hold
/// locales of their own, such as an import weighing its writes.
pub(crate) fn check_locales(reference: &Locale, locales: &[&Locale], options: &Options) -> Report {
    let allow = allowlist(options.facts);
    let context = Context::new(reference, None, (options, &allow));
    let sizes: Vec<u64> = locales.iter().map(|l| l.source_len()).collect();
    let checked = largest_first(&sizes, |i| context.check(locales[i], None));
    report(context.verdicts(checked))
}

/// `job(i)` for every `i` of `sizes`, on every core, in the order of the
/// sizes, largest first, each core taking the next job when it is free:
/// the last to start are small, so no core idles while another runs a big
/// one alone (splitting the list in halves did: 15% of a run at 4
/// locales). The results come in the order of `sizes`.
pub(crate) fn largest_first<T: Send>(sizes: &[u64], job: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(sizes[i]));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let cores = rayon::current_num_threads().min(sizes.len());
    let mut done: Vec<(usize, T)> = (0..cores)
        .into_par_iter()
        .flat_map_iter(|_| {
            let mut mine = Vec::new();
            while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                mine.push((i, job(i)));
            }
            mine
        })
        .collect();
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, t)| t).collect()
}

/// The reference locale asked for is not among the locales `available`.
pub(crate) fn no_reference(reference: &str, root: &std::path::Path, available: &str) -> Error {
    Error::Usage(format!(
        "the reference locale `{reference}` is not in {}; available: {available}",
        root.display()
    ))
}

/// The allowlist of Latin phrases: technical tokens, plus names from the facts.
pub fn allowlist(facts: Option<&Facts>) -> Allowlist {
    let Some(facts) = facts else {
        return Allowlist::new([]);
    };
    let codes = facts.codes.iter().flat_map(|c| {
        let headers = c.typical_headers.iter().cloned();
        [c.reason_phrase.clone(), c.vendor.clone()]
            .into_iter()
            .chain(headers)
    });
    Allowlist::new(codes.chain(facts.aliases.iter().map(|a| a.alias.clone())))
}

/// What the checks of every locale share, built once per run from the
/// reference. A locale needs nothing from another: each can be checked,
/// then dropped, before the next is read.
pub(crate) struct Context<'r> {
    reference: &'r Locale,
    catalog: Catalog<'r>,
    language: unic_langid::subtags::Language,
    /// Made once per run, by the caller: it sorts every phrase.
    allow: &'r Allowlist,
    options: &'r Options<'r>,
    /// The reference (a part of it, when checked by parts) holds what a
    /// build publishes, so the checks that all of it is there can run.
    publishing: bool,
}

/// One locale's findings and counts, before the tree-wide verdicts.
pub(crate) struct Checked {
    tag: String,
    is_reference: bool,
    counts: completeness::Counts,
    found: Vec<Diagnostic>,
    /// `identical` findings by reference unit: see [`text::Found`].
    identical: Vec<(usize, Diagnostic)>,
    /// Which reference units it translates and keeps as they are.
    marks: Option<verbatim::Marks>,
}

impl<'r> Context<'r> {
    /// `pinned`: when `reference` is a part of the reference locale, the
    /// entries of other parts its references reach.
    pub(crate) fn new(
        reference: &'r Locale,
        pinned: Option<&'r Catalog<'r>>,
        (options, allow): (&'r Options<'r>, &'r Allowlist),
    ) -> Self {
        Context {
            reference,
            catalog: Catalog::new(reference).with_pinned(pinned),
            language: language_of(reference),
            allow,
            options,
            publishing: true,
        }
    }

    /// Every check of one locale (the reference's own included); `pinned`
    /// as for [`Context::new`], of this locale.
    pub(crate) fn check(&self, locale: &Locale, pinned: Option<&Catalog>) -> Checked {
        if locale.tag == self.reference.tag {
            return check_locale(locale, &self.catalog, None, self);
        }
        let catalog = Catalog::paired(locale, &self.catalog).with_pinned(pinned);
        check_locale(locale, &catalog, Some(&self.catalog), self)
    }

    /// Each locale's findings with the `identical` ones the tree does not
    /// keep verbatim: `checked` holds every locale, checked in this context.
    pub(crate) fn verdicts(&self, checked: Vec<Checked>) -> Vec<Verdict> {
        let marks = checked.iter().filter_map(|c| c.marks.as_ref());
        let verbatim = verbatim::Verbatim::new(self.catalog.slots, marks);
        let verdict = |c: Checked| {
            let identical = c.identical.into_iter();
            let kept = identical.filter(|(slot, _)| !verbatim.contains(*slot));
            let mut found = c.found;
            found.extend(kept.map(|(_, d)| d));
            Verdict {
                tag: c.tag,
                is_reference: c.is_reference,
                counts: c.counts,
                found,
            }
        };
        checked.into_iter().map(verdict).collect()
    }
}

/// A reference folder that names no language (`templates`) is taken as English.
fn language_of(reference: &Locale) -> unic_langid::subtags::Language {
    match reference.tag.langid().language {
        und if und.is_empty() => unic_langid::subtags::Language::from_bytes(b"en").unwrap_or(und),
        language => language,
    }
}

/// Every check of one locale; `reference` is `None` for the reference itself.
fn check_locale(
    locale: &Locale,
    catalog: &Catalog,
    reference: Option<&Catalog>,
    context: &Context,
) -> Checked {
    let (allow, options) = (context.allow, context.options);
    let tag = locale.tag.as_str();
    let one_bundle = options.facts.is_some();
    let mut found = ids::check(locale, catalog, reference, one_bundle);
    found.extend(syntax_errors(locale));
    found.extend(references::unknown_references(tag, catalog, reference));
    found.extend(resolve::check(locale, catalog));
    found.extend(escapes::check(tag, catalog));
    if options.runs(plurals::RULES) {
        found.extend(plurals::check(tag, locale.tag.langid(), catalog));
    }
    let mut identical = Vec::new();
    // Only locales of another language tell what the tree keeps verbatim.
    let counts_verbatim = reference.is_some() && locale.tag.langid().language != context.language;
    let mut marks = (options.runs(text::RULES) && counts_verbatim)
        .then(|| verbatim::Marks::new(context.catalog.slots));
    if options.runs(text::RULES) {
        let reference_language = reference.map(|_| context.language);
        let text = text::check(
            locale,
            catalog,
            reference,
            reference_language,
            allow,
            marks.as_mut(),
        );
        found.extend(text.found);
        identical = text.identical;
    }
    if options.runs(terminology::RULES) {
        found.extend(terminology::check(locale, catalog, allow));
    }
    if let Some(facts) = options.facts {
        let publishing = reference.is_none() && context.publishing;
        found.extend(content::check(locale, catalog, facts, publishing));
    }
    let counts = match reference {
        Some(ref_catalog) => {
            let (counts, gaps) = completeness::check(
                (context.reference, ref_catalog),
                (locale, catalog),
                options.scope,
            );
            found.extend(gaps);
            found.extend(references::variables(tag, ref_catalog, catalog));
            found.extend(repeats::check(tag, catalog, ref_catalog));
            found.extend(style::check(tag, catalog, ref_catalog));
            counts
        }
        None => completeness::Counts {
            total: catalog.unit_count(),
            translated: catalog.unit_count(),
            ..Default::default()
        },
    };
    Checked {
        tag: tag.to_string(),
        is_reference: reference.is_none(),
        counts,
        found,
        identical,
        marks,
    }
}

fn syntax_errors(locale: &Locale) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = locale
        .broken
        .iter()
        .map(|b| unreadable(locale, b))
        .collect();
    for file in &locale.files {
        for err in file.parse_errors() {
            let len = err.pos.end.saturating_sub(err.pos.start);
            found.push(
                Diagnostic::new(Rule::Syntax, format!("Fluent syntax error: {}", err.kind))
                    .locale(locale.tag.as_str())
                    .at(file, err.pos.start.min(file.source().len()), len)
                    .help("the whole entry is skipped until this is fixed"),
            );
        }
    }
    found
}

fn unreadable(locale: &Locale, broken: &crate::source::BrokenFile) -> Diagnostic {
    let mut d = Diagnostic::new(Rule::UnreadableFile, broken.message.clone())
        .locale(locale.tag.as_str())
        .file(broken.path.display().to_string())
        .help("the file is skipped; fix or replace it, then run again");
    d.line = broken.line as usize;
    d.column = usize::from(broken.line > 0);
    d
}
