//! `statusdb compare A B`: one pair page from the database.

use crate::cli::{CompareArgs, PageFormat};
use crate::db::{self, query};
use crate::error::{EXIT_OK, Error, Result};
use crate::report::page;
use crate::source::LocaleTag;
use crate::{pipeline, report};

pub fn run(args: &CompareArgs) -> Result<u8> {
    let locale: LocaleTag = args
        .locale
        .parse()
        .map_err(|why| Error::Usage(format!("--locale: {why}")))?;
    let conn = if args.db.exists() {
        db::open(&args.db)?
    } else {
        super::eprint(&format!(
            "note: {} does not exist; building the database in memory from {} and {}\n",
            args.db.display(),
            args.sources.locales.display(),
            args.sources.data.display()
        ));
        in_memory(args)?
    };
    let page = query::pair_page(&conn, &args.db, locale.as_str(), args.code_a, args.code_b)?;
    super::print(&match args.format {
        PageFormat::Text => page::text(&page),
        PageFormat::Markdown => page::markdown(&page),
        PageFormat::Json => page::json(&page),
    });
    Ok(EXIT_OK)
}

fn in_memory(args: &CompareArgs) -> Result<rusqlite::Connection> {
    let sources = pipeline::load(&args.sources.locales, &args.sources.data)?;
    let mut checked = sources.check()?;
    let rendered = sources
        .render(&checked, "cannot build the database in memory")
        .inspect_err(|_| {
            report::sort(&mut checked.diagnostics);
            super::eprint(&report::diagnostics(
                &checked.diagnostics,
                report::use_color_on_stderr(),
            ));
        })?;
    db::in_memory(&sources.facts, &rendered)
}
