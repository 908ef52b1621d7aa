//! Lints on rendered pair pages: glitches that only appear once two codes'
//! texts are joined by a template.

use super::diagnostic::Diagnostic;
use super::lint::{self, Allowlist};
use super::rule::Rule;
use crate::source::FtlFile;

/// The joined parts of one pair page.
pub(crate) struct PageText {
    pub(crate) locale: String,
    pub(crate) code_a: u16,
    pub(crate) code_b: u16,
    pub(crate) non_latin: bool,
    pub(crate) parts: Vec<(&'static str, String)>,
}

/// Where a part's template is written, found by `template(locale, part, text)`.
pub(crate) type Template<'a> = (&'a FtlFile, usize, usize);

/// Lints every page; one finding per locale, part and problem, so a broken
/// template is reported once rather than for thousands of pairs. Each
/// finding points at the part's template, as `template` finds it.
pub(crate) fn lint_pages<'a>(
    pages: impl IntoIterator<Item = PageText>,
    allow: &Allowlist,
    template: impl Fn(&str, &str, &str) -> Option<Template<'a>>,
) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for page in pages {
        for (part, text) in &page.parts {
            let problems = [
                (
                    Rule::DoubledWord,
                    lint::doubled_words(text)
                        .into_iter()
                        .next()
                        .map(|d| d.words),
                ),
                (Rule::LeftoverPlaceable, lint::leftover_placeable(text)),
                (
                    Rule::LatinScript,
                    page.non_latin
                        .then(|| lint::latin_runs(text, allow).into_iter().next())
                        .flatten()
                        .map(|r| r.shown),
                ),
            ];
            for (rule, hit) in problems {
                let Some(hit) = hit else { continue };
                if seen.insert((page.locale.clone(), *part, rule)) {
                    let d = page_finding(&page, part, rule, &hit, text);
                    found.push(match template(&page.locale, part, text) {
                        Some((file, offset, len)) => d.at(file, offset, len),
                        None => d,
                    });
                }
            }
        }
    }
    found
}

fn page_finding(page: &PageText, part: &str, rule: Rule, hit: &str, text: &str) -> Diagnostic {
    Diagnostic::new(rule, format!(
        "the {part} of the {} vs {} page reads \"{text}\" ({rule}: \"{hit}\")",
        page.code_a, page.code_b
    ))
    .locale(&page.locale)
    .help("fix the template (pair-title, pair-summary-*) or the text it joins; other pairs may show it too")
}
