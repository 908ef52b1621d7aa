//! `statusdb build`: load → check → render → write the database.

use std::path::Path;

use crate::atomic;
use crate::cli::BuildArgs;
use crate::db;
use crate::error::{EXIT_OK, Error, Result};
use crate::render::Rendered;

pub(crate) fn run(args: &BuildArgs) -> Result<u8> {
    let origins = super::announced_origins(&args.sources);
    let compiled = super::compile(
        &origins,
        "build stopped, no database was written",
        Some("Loading"),
    )?;
    let (sources, rendered) = (&compiled.sources, &compiled.rendered);
    // Staged first: a metadata file that cannot be written stops the build
    // before the database is replaced.
    let metadata = match &args.datasette_metadata {
        Some(path) => {
            // Datasette names a database after its file's stem.
            let name = args.out.file_stem().unwrap_or_default().to_string_lossy();
            let json = db::describe::datasette_metadata(&name, &sources.fingerprint);
            Some((path, atomic::staged(path, &json)?))
        }
        None => None,
    };
    db::write_file(&args.out, &sources.facts, rendered, &sources.fingerprint)?;
    if let Some((path, temp)) = metadata {
        atomic::persist(temp, path)?;
    }
    let findings = compiled.checked.diagnostics.len();
    super::print(&summary(
        &args.out,
        rendered,
        sources.facts.codes.len(),
        findings,
    )?)?;
    Ok(EXIT_OK)
}

fn summary(out: &Path, rendered: &Rendered, codes: usize, findings: usize) -> Result<String> {
    let size = std::fs::metadata(out)
        .map_err(|e| Error::io("inspect", out, e))?
        .len();
    let locales = rendered.locales.len();
    let reference = rendered
        .locales
        .iter()
        .find(|l| l.is_reference)
        .map(|l| l.tag.as_str());
    let notes = rendered
        .notes
        .iter()
        .filter(|n| Some(n.locale.as_str()) == reference)
        .count();
    let mut text = format!(
        "Built {} ({} KiB): {codes} status codes, {locales} locales, {notes} curated pair notes\n",
        out.display(),
        size.div_ceil(1024),
    );
    for s in &rendered.status {
        text.push_str(&format!(
            "  {:<6} {:>5.1}% complete  {:>5}/{} strings",
            s.locale, s.percent, s.translated, s.total
        ));
        let partial = rendered
            .codes
            .iter()
            .filter(|c| c.locale == s.locale && !c.fallback_fields.is_empty())
            .count();
        if partial > 0 {
            text.push_str(&format!(
                "  (reference-language text in {partial} of {codes} codes)"
            ));
        }
        text.push('\n');
    }
    if findings > 0 {
        text.push_str(&format!(
            "{findings} translation finding(s); `statusdb validate` lists them\n"
        ));
    }
    Ok(text)
}
