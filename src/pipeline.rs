//! The stages in order: load the sources, check them, render them, and lint
//! the rendered pages. Commands compose these; each stage takes what the
//! previous one produced.

use std::path::Path;

use crate::check::{self, Diagnostic, Options, PageText, Report, lint};
use crate::db;
use crate::error::{Error, Result};
use crate::render::{self, Rendered};
use crate::source::{Catalog, Facts, LocaleTree, Origin, Origins};

/// statusdb's own sources, loaded once.
pub struct Sources {
    pub facts: Facts,
    /// What rendering needs of the locale tree (all of it, or of each
    /// locale the files that hold what the database publishes).
    pub(crate) tree: LocaleTree,
    /// `sha256:…` of the source files, recorded in the database.
    pub fingerprint: String,
}

/// Loads `data/` and the locale tree from where `origins` says and checks
/// them as a build needs them checked (with the checks that tie the text to
/// `data/`; the warning-only lints are `validate`'s job), reporting
/// `(files parsed, total)`. A tree in a folder is checked part by part, and
/// only what rendering needs stays in memory; the built-in tree is small
/// and loaded whole.
pub fn load(
    origins: &Origins,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<(Sources, Report)> {
    let facts = origins.facts()?;
    let (report, tree) = {
        let options = Options {
            reference: facts.reference().tag.as_str(),
            facts: Some(&facts),
            lint: false,
            scope: None,
        };
        match &origins.locales {
            Origin::Folder(root) => check::parts::check_own(root, &options, progress)?,
            Origin::BuiltIn => {
                let tree = origins.tree(&[], progress)?;
                (check::check(&tree, &options)?, tree)
            }
        }
    };
    let fingerprint = origins.fingerprint()?;
    let sources = Sources {
        facts,
        tree,
        fingerprint,
    };
    Ok((sources, report))
}

impl Sources {
    /// Renders the content; refuses when the report has errors that would
    /// publish broken text (gaps in a translation only fall back).
    pub fn render(&self, report: &Report, what: &'static str) -> Result<Rendered> {
        let errors = blocking(report).len();
        if errors > 0 {
            return Err(Error::Findings { what, errors });
        }
        Ok(render::render(&self.tree, &self.facts, &report.summaries))
    }
}

/// The errors that stop a build.
pub fn blocking(report: &Report) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.blocks_build())
        .cloned()
        .collect();
    crate::check::sort(&mut found);
    found
}

/// Renders every pair page of a checked tree and lints the joined text:
/// glitches that only show once a template joins two codes' texts.
pub(crate) fn lint_pages(
    tree: &LocaleTree,
    facts: &Facts,
    report: &Report,
) -> Result<Vec<Diagnostic>> {
    let rendered = render::render(tree, facts, &report.summaries);
    let conn = db::in_memory(facts, &rendered, "")?;
    let pages = db::query::joined_texts(&conn, Path::new(db::IN_MEMORY))?;
    let non_latin: Vec<(&str, bool)> = tree
        .locales
        .iter()
        .map(|l| (l.tag.as_str(), lint::expects_non_latin(l.tag.langid())))
        .collect();
    let pages = pages.into_iter().map(|p| PageText {
        non_latin: non_latin.iter().any(|&(tag, n)| n && tag == p.locale),
        locale: p.locale,
        code_a: p.code_a,
        code_b: p.code_b,
        parts: vec![("title", p.title), ("summary", p.summary)],
    });
    let catalogs: Vec<(&str, Catalog)> = tree
        .locales
        .iter()
        .map(|l| (l.tag.as_str(), Catalog::new(l)))
        .collect();
    let reference = facts.reference().tag.as_str();
    // The template a part was rendered from, in the locale or in the
    // reference it falls back to: of `pair-summary-same`, `-different`…,
    // the one whose own words the page shows.
    let template = |locale: &str, part: &str, text: &str| {
        let key = format!("pair-{part}");
        let find = |tag: &str| {
            let (_, catalog) = catalogs.iter().find(|(t, _)| *t == tag)?;
            let family = catalog.entries().filter(|e| {
                e.key == key || e.key.strip_prefix(&key).is_some_and(|r| r.starts_with('-'))
            });
            let family: Vec<_> = family.collect();
            let entry = family
                .iter()
                .find(|e| e.value.is_some_and(|v| shows_words_of(text, v)))
                .or(family.first())?;
            Some((entry.file, entry.offset, entry.key.len()))
        };
        find(locale).or_else(|| find(reference))
    };
    let allow = check::allowlist(Some(facts));
    Ok(check::lint_pages(pages, &allow, template))
}

/// Whether `text` holds the literal parts of `template`, in order.
fn shows_words_of(text: &str, template: &fluent_syntax::ast::Pattern<&str>) -> bool {
    let mut rest = text;
    template.elements.iter().all(|element| match element {
        fluent_syntax::ast::PatternElement::TextElement { value } => match rest.find(value) {
            Some(at) => {
                rest = &rest[at + value.len()..];
                true
            }
            None => false,
        },
        fluent_syntax::ast::PatternElement::Placeable { .. } => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast;

    /// statusdb's own tree with a file that publishes nothing but holds a
    /// term a published text uses, and a file nothing uses.
    fn tree_in_parts(root: &Path) {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        for entry in walkdir::WalkDir::new(repo.join("locales"))
            .into_iter()
            .chain(walkdir::WalkDir::new(repo.join("data")))
        {
            let entry = entry.unwrap();
            let to = root.join(entry.path().strip_prefix(repo).unwrap());
            match entry.file_type().is_dir() {
                true => std::fs::create_dir_all(&to).unwrap(),
                false => _ = std::fs::copy(entry.path(), &to).unwrap(),
            }
        }
        for tag in ["en", "ru"] {
            let dir = root.join("locales").join(tag);
            std::fs::write(dir.join("terms.ftl"), "-extra-term = Extra\n").unwrap();
            std::fs::write(dir.join("unused.ftl"), "unused-message = Not published\n").unwrap();
            let pairs = std::fs::read_to_string(dir.join("pairs.ftl")).unwrap();
            let pairs = pairs.replacen("pair-200-201 = ", "pair-200-201 = { -extra-term } ", 1);
            std::fs::write(dir.join("pairs.ftl"), pairs).unwrap();
        }
    }

    /// Checked part by part, a tree in a folder gives the findings and the
    /// database of the whole tree, rendered from less of it.
    #[test]
    fn a_tree_checked_by_parts_builds_what_the_whole_tree_builds() {
        let root = std::env::temp_dir().join(format!("statusdb-pipeline-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        tree_in_parts(&root);
        let origins = Origins::resolve(Some(&root.join("locales")), Some(&root.join("data")));
        let (sources, by_parts) = load(&origins, &|_, _| {}).unwrap();
        let tree = origins.tree(&[], &|_, _| {}).unwrap();
        let options = Options {
            reference: "en",
            facts: Some(&sources.facts),
            lint: false,
            scope: None,
        };
        let whole = check::check(&tree, &options).unwrap();
        let json = |r: &Report| serde_json::to_string(r).unwrap();
        assert_eq!(json(&by_parts), json(&whole));
        let en = |t: &LocaleTree| {
            t.locale("en")
                .unwrap()
                .files
                .iter()
                .map(|f| f.rel.clone())
                .collect::<Vec<_>>()
        };
        assert!(
            en(&tree).contains(&"unused.ftl".into())
                && !en(&sources.tree).contains(&"unused.ftl".into())
        );
        assert!(en(&sources.tree).contains(&"terms.ftl".into()));
        let database = |tree: &LocaleTree, name: &str| {
            let rendered = render::render(tree, &sources.facts, &whole.summaries);
            let path = root.join(name);
            db::write_file(&path, &sources.facts, &rendered, "test").unwrap();
            std::fs::read(path).unwrap()
        };
        assert!(database(&sources.tree, "parts.sqlite") == database(&tree, "whole.sqlite"));
        std::fs::remove_dir_all(&root).unwrap();
    }

    /// `pair-summary-same` and `-different` both join two codes; a page
    /// shows the words of the one it was rendered from.
    #[test]
    fn a_page_shows_the_words_of_its_template() {
        let ftl = "same = { $a } and { $b } are both { $class }.\ndifferent = { $a } is { $a-class }, { $b } is { $b-class }.\n";
        let resource = fluent_syntax::parser::parse(ftl).unwrap();
        let value = |i: usize| match &resource.body[i] {
            ast::Entry::Message(m) => m.value.clone().unwrap(),
            _ => unreachable!(),
        };
        let page = "202 Accepted is a success, 403 Forbidden is a client error.";
        assert!(!shows_words_of(page, &value(0)));
        assert!(shows_words_of(page, &value(1)));
        assert!(!shows_words_of("is is", &value(1)), "in order, each once");
    }
}
