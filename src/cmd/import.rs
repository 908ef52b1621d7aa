//! `statusdb import`: a translator's CSV or PO back into the locale's files.

use crate::cli::ImportArgs;
use crate::error::{EXIT_FINDINGS, EXIT_OK, Result};
use crate::transfer::import::Plan;
use crate::transfer::{format, import};

pub(crate) fn run(args: &ImportArgs) -> Result<u8> {
    // Held until the files are written, so concurrent imports take turns
    // and each one reads what the previous one wrote.
    // (A missing folder is reported by the loader, with what to do.)
    let locales = &args.transfer.locales;
    let _lock = match !args.dry_run && locales.is_dir() {
        true => Some(crate::atomic::lock_tree(locales)?),
        false => None,
    };
    let tree = super::transfer_tree(&args.transfer)?;
    let (reference, locale) = super::transfer_locales(&tree, &args.transfer)?;
    let (rows, note) = format::read(&args.file, locale)?;
    if let Some(note) = note {
        super::eprint(&format!("note: {}: {note}\n", args.file.display()));
    }
    let plan = import::plan(reference, locale, rows, args.overwrite);
    let csv = args.file.display();
    let mut report: String = plan
        .refused
        .iter()
        .map(|r| format!("{csv}:{}: refused `{}`: {}\n", r.line, r.key, r.reason))
        .collect();
    let blocked = !plan.refused.is_empty() && !args.partial;
    if args.dry_run || blocked {
        report.push_str(&changes(&plan));
    } else {
        crate::atomic::remove_stale_under(&locale.dir);
        import::write(&plan)?;
    }
    report.push_str(&summary(&plan, args.dry_run, blocked));
    super::eprint(&report);
    Ok(if plan.refused.is_empty() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    })
}

fn changes(plan: &Plan) -> String {
    let mut out = String::new();
    for write in &plan.writes {
        let verb = if write.created() {
            "would create"
        } else {
            "would change"
        };
        out.push_str(&format!("{verb} {}:\n", write.path.display()));
        for change in &write.changes {
            out.push_str(&format!("  {change}\n"));
        }
    }
    out
}

fn summary(plan: &Plan, dry_run: bool, blocked: bool) -> String {
    let c = plan.counts;
    let counts = format!(
        "updated {}, added {}, unchanged {}, refused {}",
        c.updated,
        c.added,
        c.unchanged,
        plan.refused.len()
    );
    match (dry_run, blocked) {
        (true, _) => format!("Dry run, nothing written: {counts}\n"),
        (false, true) => format!(
            "Nothing written because rows were refused (use --partial to apply the others): {counts}\n"
        ),
        (false, false) => format!("Imported: {counts}\n"),
    }
}
