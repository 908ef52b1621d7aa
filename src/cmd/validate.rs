//! `statusdb validate`: every check on a locale tree, as a report.

use std::path::{Path, PathBuf};

use crate::check::{self, Options, PageText, Report, Severity, lint};
use crate::cli::{ReportFormat, ValidateArgs};
use crate::error::{EXIT_FINDINGS, EXIT_OK, Error, Result};
use crate::source::{self, Facts, LocaleTag, LocaleTree};
use crate::{db, render, report};

pub fn run(args: &ValidateArgs) -> Result<u8> {
    // Our own tree is checked against data/ unless another tree is named.
    let (root, data) = match &args.locales {
        None => (
            PathBuf::from("locales"),
            Some(args.data.clone().unwrap_or_else(|| "data".into())),
        ),
        Some(root) => (root.clone(), args.data.clone()),
    };
    let facts = data.as_deref().map(source::facts::load).transpose()?;
    let reference = match (&args.reference, &facts) {
        (Some(tag), _) => tag.clone(),
        (None, Some(facts)) => facts.reference().tag.to_string(),
        (None, None) => "en".to_string(),
    };
    let tree = load_tree(&root, &args.only, &reference)?;
    let options = Options {
        reference: &reference,
        facts: facts.as_ref(),
        lint: true,
    };
    let mut checked = check::check(&tree, &options)?;
    if let Some(facts) = &facts
        && checked.count(Severity::Error) == 0
    {
        checked.extend(lint_pages(
            &tree,
            facts,
            &checked,
            &data.unwrap_or_default(),
        )?);
    }
    report::sort(&mut checked.diagnostics);
    super::print(&match args.format {
        ReportFormat::Json => report::json(&checked),
        ReportFormat::Text => text(&checked),
    });
    // The process ends here; freeing every parsed file would only cost time.
    std::mem::forget(tree);
    Ok(exit_code(&checked, args.strict))
}

fn load_tree(root: &Path, only: &[String], reference: &str) -> Result<LocaleTree> {
    let mut tags = only
        .iter()
        .map(|t| t.parse::<LocaleTag>().map_err(Error::Usage))
        .collect::<Result<Vec<_>>>()?;
    if !tags.is_empty() {
        tags.push(
            reference
                .parse()
                .map_err(|why| Error::Usage(format!("--reference: {why}")))?,
        );
    }
    let progress = report::Progress::new("Parsing");
    source::tree::load_with_progress(root, &tags, &|done, total| progress.update(done, total))
}

/// Renders every pair page and lints the joined text.
fn lint_pages(
    tree: &LocaleTree,
    facts: &Facts,
    checked: &Report,
    data: &Path,
) -> Result<Vec<check::Diagnostic>> {
    let rendered = render::render(tree, facts, &checked.summaries);
    let conn = db::in_memory(facts, &rendered)?;
    let pages = db::query::joined_texts(&conn, data)?;
    let allow = check::allowlist(Some(facts));
    let non_latin = |tag: &str| {
        tag.parse::<LocaleTag>()
            .is_ok_and(|t| lint::expects_non_latin(t.langid()))
    };
    let pages = pages.into_iter().map(|p| PageText {
        non_latin: non_latin(&p.locale),
        locale: p.locale,
        code_a: p.code_a,
        code_b: p.code_b,
        parts: vec![("title", p.title), ("summary", p.summary)],
    });
    Ok(check::lint_pages(pages, &allow))
}

fn text(checked: &Report) -> String {
    let color = report::use_color(&std::io::stdout());
    let mut out = report::diagnostics(&checked.diagnostics, color);
    out.push_str(&report::table(&checked.summaries));
    let (errors, warnings) = (
        checked.count(Severity::Error),
        checked.count(Severity::Warning),
    );
    out.push_str(&format!("\n{errors} error(s), {warnings} warning(s)\n"));
    out
}

fn exit_code(checked: &Report, strict: bool) -> u8 {
    let failing =
        checked.count(Severity::Error) > 0 || (strict && checked.count(Severity::Warning) > 0);
    if failing { EXIT_FINDINGS } else { EXIT_OK }
}
