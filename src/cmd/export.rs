//! `statusdb export`: every translatable unit of one locale, as CSV, PO or
//! XLIFF.

use crate::cli::ExportArgs;
use crate::error::{EXIT_OK, Result};
use crate::transfer::{export, format};

pub(crate) fn run(args: &ExportArgs) -> Result<u8> {
    if (args.bom || args.excel) && args.format != format::Format::Csv {
        return Err(crate::Error::Usage(
            "--bom and --excel shape a CSV; drop them, or use --format csv".into(),
        ));
    }
    let tree = super::transfer_tree(&args.transfer)?;
    let (reference, locale) = super::transfer_locales(&tree, &args.transfer)?;
    let rows: Vec<_> = export::units(reference, locale)
        .into_iter()
        .filter(|u| args.only.is_empty() || u.status.is_some_and(|s| args.only.contains(&s)))
        .filter(|u| args.format.carries(u))
        .collect();
    let bytes = format::write(args.format, &rows, reference, locale, args.bom, args.excel);
    match &args.out {
        Some(path) => {
            crate::atomic::write(path, &bytes)?;
            super::eprint(&format!(
                "Wrote {} units to {}\n",
                rows.len(),
                path.display()
            ));
        }
        // As written: `--excel` is UTF-16, which no text conversion may touch.
        None => super::print(&bytes)?,
    }
    Ok(EXIT_OK)
}
