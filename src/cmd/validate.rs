//! `statusdb validate`: load → check → (render → page lints) → report.

use std::path::{Path, PathBuf};

use crate::check::{self, Options, Report, Rule, Severity};
use crate::cli::{REFERENCE, ValidateArgs, ValidateFormat};
use crate::config::{self, Project, RuleFilters};
use crate::error::{EXIT_FINDINGS, EXIT_OK, Error, Result};
use crate::source::origin::Origin;
use crate::source::tree::TreePlan;
use crate::source::{self, LocaleTag, Origins};
use crate::{pipeline, report};

pub(crate) fn run(args: &ValidateArgs) -> Result<u8> {
    if let Some(config) = &args.config {
        return run_project(args, config);
    }
    let origins = Origins::resolve(args.locales.as_deref(), args.data.as_deref());
    // Our own tree is checked against data/ unless another tree is named.
    let own = args.locales.as_deref().is_none_or(is_own_locales) || args.data.is_some();
    if own && let Some(note) = origins.note() {
        super::eprint(&note);
    }
    let facts = own.then(|| origins.facts()).transpose()?;
    let reference = match (&args.reference, &facts) {
        (Some(tag), _) => tag.clone(),
        (None, Some(facts)) => facts.reference().tag.to_string(),
        (None, None) => REFERENCE.to_string(),
    };
    let tags = locale_tags(&args.only, &reference)?;
    let options = Options {
        reference: &reference,
        facts: facts.as_ref(),
        lint: true,
        scope: None,
    };
    let progress = report::Progress::new("Parsing");
    let progress = |done, total| progress.update(done, total);
    if let (None, Origin::Folder(root)) = (&facts, &origins.locales) {
        return finish(args, check_streamed(root, &tags, &options, &progress)?);
    }
    let tree = origins.tree(&tags, &progress)?;
    let mut checked = check::check(&tree, &options)?;
    // Pages are rendered only from sources without errors, as build would.
    if let Some(facts) = &facts
        && checked.count(Severity::Error) == 0
    {
        checked.extend(pipeline::lint_pages(&tree, facts, &checked)?);
    }
    finish(args, checked)
}

/// A tree checked without statusdb's facts (a stranger's), one locale at a
/// time: only the reference and a locale per core are in memory at once.
fn check_streamed(
    root: &Path,
    tags: &[LocaleTag],
    options: &Options,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Report> {
    let plan = TreePlan::new(root, tags)?;
    let at = plan.tags().position(|t| t.as_str() == options.reference);
    let Some(at) = at else {
        let tags: Vec<&str> = plan.tags().map(LocaleTag::as_str).collect();
        return Err(check::no_reference(
            options.reference,
            root,
            &tags.join(", "),
        ));
    };
    let locales = (0..plan.len()).map(|i| plan.listed(i)).collect();
    Ok(check::parts::check(locales, at, options, progress))
}

/// Prints the report and gives the exit code.
fn finish(args: &ValidateArgs, mut checked: Report) -> Result<u8> {
    if let Some(action) = args.missing {
        checked.set_action(Rule::is_gap, action);
    }
    if let Some(path) = &args.baseline {
        if args.update_baseline {
            crate::atomic::write(
                path,
                report::baseline::render(&checked.diagnostics).as_bytes(),
            )?;
            checked.retain(|_| false);
        } else {
            let known = report::baseline::load(path)?;
            checked.retain(|d| !known(d));
        }
    }
    check::sort(&mut checked.diagnostics);
    let below = below_threshold(&checked, args.min_percent);
    super::print(&match args.format {
        ValidateFormat::Json => report::json(&checked),
        ValidateFormat::Text => {
            text(&checked) + &below.iter().map(|b| b.clone() + "\n").collect::<String>()
        }
        ValidateFormat::Github => report::github(&checked.diagnostics, &below, &workspace()),
        ValidateFormat::Sarif => report::sarif(&checked.diagnostics, &below, &workspace()),
    })?;
    let code = exit_code(&checked, args.strict);
    Ok(if below.is_empty() {
        code
    } else {
        EXIT_FINDINGS
    })
}

/// Where CI formats make paths relative to: the working folder, which is
/// the checkout in a CI job.
fn workspace() -> PathBuf {
    std::env::current_dir().unwrap_or_default()
}

/// A line per locale translated less than `--min-percent`.
fn below_threshold(checked: &Report, min: Option<u8>) -> Vec<String> {
    let Some(min) = min else { return Vec::new() };
    checked
        .summaries
        .iter()
        .filter(|s| !s.is_reference && s.percent < f64::from(min))
        .map(|s| {
            format!(
                "{} is {:.1}% translated, below --min-percent {min}",
                s.locale, s.percent
            )
        })
        .collect()
}

/// `validate --config l10n.toml [L10N_BASE] [LOCALE...]`: the files and
/// filters a compare-locales configuration names.
fn run_project(args: &ValidateArgs, config: &Path) -> Result<u8> {
    let (base, only) = match args.only.split_first() {
        Some((first, rest)) if Path::new(first).is_dir() => (Some(Path::new(first)), rest),
        _ => (None, &args.only[..]),
    };
    let project = Project::load(config, base, only)?;
    // Before the checks: a mistake in the config should not wait for them.
    let filters = RuleFilters::new(&project)?;
    let root = project.config.root.clone();
    let locales = project
        .locales
        .iter()
        .map(|plan| Ok((LocaleTag::folder(&plan.locale).map_err(Error::Usage)?, plan)))
        .collect::<Result<Vec<_>>>()?;
    let options = Options {
        reference: project.reference.as_str(),
        facts: None,
        lint: true,
        scope: Some(&project),
    };
    // The reference first, then the locales in the config's order.
    let reference = source::tree::list_files(
        project.reference.clone(),
        root.clone(),
        &project.reference_files(),
    );
    let translated = locales.iter().map(|(tag, plan)| {
        let present = plan.files.iter().filter(|f| f.l10n.is_file());
        let files: Vec<_> = present
            .map(|f| (config::shown(&f.l10n), f.rel.clone()))
            .collect();
        source::tree::list_files(tag.clone(), root.clone(), &files)
    });
    let all = std::iter::once(reference).chain(translated).collect();
    let progress = report::Progress::new("Parsing");
    let progress = |done, total| progress.update(done, total);
    let mut checked = check::parts::check(all, 0, &options, &progress);
    checked.skipped_files = project.skipped();
    for (name, action) in &project.config.settings.rules {
        let rule: Rule = name.parse().map_err(|why| {
            Error::Usage(format!("{}: [statusdb] rules: {why}", config.display()))
        })?;
        checked.set_action(|r| r == rule, *action);
    }
    if let Some(action) = project.config.settings.missing {
        checked.set_action(Rule::is_gap, action);
    }
    checked.judge(|d| filters.action(d));
    finish(args, checked)
}

/// `--locales locales` in the repository is statusdb's own tree, checked
/// like plain `validate` (with data/ and its allowlist), not as a stranger's.
fn is_own_locales(dir: &Path) -> bool {
    let same = |a: &Path, b: &Path| matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b);
    same(dir, Path::new("locales")) && Path::new("data").is_dir()
}

/// The locales `--only` asks for, with the reference; none for all.
fn locale_tags(only: &[String], reference: &str) -> Result<Vec<LocaleTag>> {
    let mut tags = only
        .iter()
        .map(|t| t.parse::<LocaleTag>().map_err(|why| not_a_tag(t, why)))
        .collect::<Result<Vec<_>>>()?;
    if !tags.is_empty() {
        tags.push(
            reference
                .parse()
                .map_err(|why| Error::Usage(format!("--reference: {why}")))?,
        );
    }
    Ok(tags)
}

/// A folder given where a locale belongs is the likeliest slip of a new
/// user: say how to check the tree in it.
fn not_a_tag(arg: &str, why: String) -> Error {
    match std::path::Path::new(arg).is_dir() {
        true => Error::Usage(format!(
            "{why}; to check the locale folders in the folder `{arg}`, run `statusdb validate --locales {arg}`"
        )),
        false => Error::Usage(why),
    }
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
    if checked.skipped_files > 0 {
        out.push_str(&format!(
            "{} file(s) skipped: not Fluent (.properties, .dtd, .ini…), outside statusdb's scope\n",
            checked.skipped_files
        ));
    }
    out
}

fn exit_code(checked: &Report, strict: bool) -> u8 {
    let failing =
        checked.count(Severity::Error) > 0 || (strict && checked.count(Severity::Warning) > 0);
    if failing { EXIT_FINDINGS } else { EXIT_OK }
}
