//! `statusdb build`: load → check → render → write the database.

use std::path::Path;

use crate::check::Severity;
use crate::cli::BuildArgs;
use crate::error::{EXIT_OK, Error, Result};
use crate::render::Rendered;
use crate::{db, pipeline, report};

pub fn run(args: &BuildArgs) -> Result<u8> {
    let sources = pipeline::load(&args.sources.locales, &args.sources.data)?;
    let mut checked = sources.check()?;
    report::sort(&mut checked.diagnostics);
    if !checked.diagnostics.is_empty() {
        super::eprint(&report::diagnostics(
            &checked.diagnostics,
            report::use_color_on_stderr(),
        ));
    }
    let rendered = sources.render(&checked, "build stopped, no database was written")?;
    db::write_file(&args.out, &sources.facts, &rendered)?;
    let warnings = checked.count(Severity::Warning);
    super::print(&summary(
        &args.out,
        &rendered,
        sources.facts.codes.len(),
        warnings,
    )?);
    Ok(EXIT_OK)
}

fn summary(out: &Path, rendered: &Rendered, codes: usize, warnings: usize) -> Result<String> {
    let size = std::fs::metadata(out)
        .map_err(|e| Error::io("inspect", out, e))?
        .len();
    let mut text = format!(
        "Built {} ({} KiB): {codes} status codes, {} locales, {} curated pair notes\n",
        out.display(),
        size.div_ceil(1024),
        rendered.locales.len(),
        rendered.notes.iter().filter(|n| !n.is_fallback).count() / rendered.locales.len().max(1),
    );
    for s in &rendered.status {
        let fallback = rendered
            .codes
            .iter()
            .filter(|c| c.locale == s.locale && !c.fallback_fields.is_empty())
            .count();
        text.push_str(&format!(
            "  {:<6} {:>5.1}% complete  {:>5}/{} strings",
            s.locale, s.percent, s.translated, s.total
        ));
        if fallback > 0 {
            text.push_str(&format!(
                "  ({fallback} codes partly shown in the reference language)"
            ));
        }
        text.push('\n');
    }
    if warnings > 0 {
        text.push_str(&format!(
            "{warnings} warning(s) above; `statusdb validate` lists them again\n"
        ));
    }
    Ok(text)
}
