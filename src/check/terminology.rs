//! Terminology: wordings the locale's glossary avoids, with the term to
//! write instead (rule `terminology`).

use std::ops::Range;

use fluent_syntax::ast::{Expression, Pattern, PatternElement};

use super::diagnostic::Diagnostic;
use super::lint::Allowlist;
use super::rule::Rule;
use crate::source::Locale;
use crate::source::catalog::Catalog;
use crate::source::glossary::{GLOSSARY_FILE, Glossary, Term, fold, is_word_char};

/// What this check finds.
pub(crate) const RULES: &[Rule] = &[Rule::Terminology];

/// Every wording of `locale`'s glossary found in its strings. Names the
/// allowlist knows (reason phrases, aliases, headers) are not prose and are
/// skipped: `Request Time-out` may stay in a text that avoids "time-out".
pub(crate) fn check(locale: &Locale, catalog: &Catalog, allow: &Allowlist) -> Vec<Diagnostic> {
    let Some(glossary) = locale.glossary.as_ref().filter(|g| !g.terms.is_empty()) else {
        return Vec::new();
    };
    let glossary_path = locale.dir.join(GLOSSARY_FILE);
    let mut found = Vec::new();
    for entry in catalog.entries() {
        for unit in entry.units() {
            let Some(pattern) = entry.pattern(unit) else {
                continue;
            };
            for slice in text_slices(pattern) {
                let offset = entry.file.offset_of(slice);
                for (term, span) in find(glossary, &allow.blank(slice)) {
                    let written = &slice[span.clone()];
                    found.push(
                        Diagnostic::new(
                            Rule::Terminology,
                            format!(
                                "{} writes \"{written}\", which the glossary avoids",
                                entry.unit_name(unit)
                            ),
                        )
                        .locale(locale.tag.as_str())
                        .at(entry.file, offset + span.start, span.len())
                        .help(format!(
                            "write \"{}\" instead ({}:{} avoids \"{}\")",
                            term.preferred,
                            glossary_path.display(),
                            term.line,
                            term.avoid_text
                        )),
                    );
                }
            }
        }
    }
    found
}

/// Each wording to avoid found in `text`, with its byte range, in text order.
fn find<'g>(glossary: &'g Glossary, text: &str) -> Vec<(&'g Term, Range<usize>)> {
    let words = words(text);
    let mut found = Vec::new();
    for start in 0..words.len() {
        for term in &glossary.terms {
            if let Some(end) = matches_at(term, text, &words, start) {
                found.push((term, words[start].0.start..words[end].0.end));
            }
        }
    }
    found
}

/// The index of the last word when `term` matches the words from `start`
/// on, each separated from the next by white space only.
fn matches_at(
    term: &Term,
    text: &str,
    words: &[(Range<usize>, String)],
    start: usize,
) -> Option<usize> {
    let end = start + term.avoid.len() - 1;
    let run = words.get(start..=end)?;
    let fits = term.avoid.iter().zip(run).all(|(pattern, (_, word))| {
        if pattern.prefix {
            word.starts_with(&pattern.word)
        } else {
            *word == pattern.word
        }
    });
    let spaced = run
        .windows(2)
        .all(|pair| text[pair[0].0.end..pair[1].0.start].trim().is_empty());
    (fits && spaced).then_some(end)
}

/// The words of `text` (letters, digits, inner hyphens), folded, with their byte ranges.
fn words(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, is_word_char(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word = text[s..i].trim_matches('-');
                if !word.is_empty() {
                    let from = s + text[s..i].find(word).unwrap_or(0);
                    out.push((from..from + word.len(), fold(word)));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The literal text of a pattern, variants included, as slices of the source.
fn text_slices<'a>(pattern: &Pattern<&'a str>) -> Vec<&'a str> {
    let mut out = Vec::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.push(*value),
            PatternElement::Placeable {
                expression: Expression::Select { variants, .. },
            } => {
                for variant in variants {
                    out.extend(text_slices(&variant.value));
                }
            }
            PatternElement::Placeable { .. } => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::glossary::WordPattern;

    fn glossary(rows: &[(&str, &str)]) -> Glossary {
        let terms = rows
            .iter()
            .enumerate()
            .map(|(i, (preferred, avoid))| Term {
                line: i as u64 + 2,
                preferred: preferred.to_string(),
                avoid: avoid
                    .split_whitespace()
                    .map(|w| WordPattern {
                        word: fold(w.trim_end_matches('*')),
                        prefix: w.ends_with('*'),
                    })
                    .collect(),
                avoid_text: avoid.to_string(),
            })
            .collect();
        Glossary { terms }
    }

    fn hits(g: &Glossary, text: &str) -> Vec<String> {
        find(g, text)
            .into_iter()
            .map(|(_, span)| text[span].to_string())
            .collect()
    }

    #[test]
    fn every_case_of_a_wording_is_found() {
        let g = glossary(&[("строка состояния", "строк* статуса"), ("сессия", "сеанс*")]);
        assert_eq!(
            hits(
                &g,
                "Без строки статуса; Строку  статуса и сеансовый cookie."
            ),
            ["строки статуса", "Строку  статуса", "сеансовый"]
        );
    }

    #[test]
    fn near_misses_are_not_found() {
        let g = glossary(&[("код состояния", "код* статуса"), ("выбирайте", "берите")]);
        assert!(hits(&g, "код ответа, код, статуса, разберите").is_empty());
        assert_eq!(hits(&g, "Берите 307"), ["Берите"]);
    }

    #[test]
    fn hyphenated_words_and_yo_fold() {
        let g = glossary(&[("тайм-аут", "таймаут*"), ("ещё", "еще")]);
        assert_eq!(
            hits(&g, "таймаута, ещё -таймаут-"),
            ["таймаута", "ещё", "таймаут"]
        );
    }
}
