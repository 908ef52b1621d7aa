//! `statusdb export-json`: load → check → render → JSON files for apps.

use crate::cli::ExportJsonArgs;
use crate::error::{EXIT_OK, Result};
use crate::export_json;

pub(crate) fn run(args: &ExportJsonArgs) -> Result<u8> {
    let origins = super::announced_origins(&args.sources);
    let compiled = super::compile(&origins, "export stopped, no file was written", None)?;
    let sources = &compiled.sources;
    let files = export_json::files(&sources.facts, &compiled.rendered, &sources.fingerprint);
    export_json::write(&args.out, &files)?;
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    super::eprint(&format!(
        "Wrote {} to {}\n",
        names.join(", "),
        args.out.display()
    ));
    Ok(EXIT_OK)
}
