//! `statusdb export`: a CSV of every translatable unit of one locale.

use crate::cli::ExportArgs;
use crate::error::{EXIT_OK, Result};
use crate::transfer::{csvfile, export};

pub(crate) fn run(args: &ExportArgs) -> Result<u8> {
    let tree = super::transfer_tree(&args.transfer)?;
    let (reference, locale) = super::transfer_locales(&tree, &args.transfer)?;
    let rows: Vec<_> = export::units(reference, locale)
        .into_iter()
        .filter(|u| args.only.is_empty() || u.status.is_some_and(|s| args.only.contains(&s)))
        .collect();
    let bytes = csvfile::write(&rows, args.bom);
    match &args.out {
        Some(path) => {
            crate::atomic::write(path, &bytes)?;
            super::eprint(&format!(
                "Wrote {} rows to {}\n",
                rows.len(),
                path.display()
            ));
        }
        None => super::print(&String::from_utf8_lossy(&bytes))?,
    }
    Ok(EXIT_OK)
}
