//! `statusdb compare A B`: one pair page from the database.

use crate::cli::{CompareArgs, PageFormat};
use crate::db::query;
use crate::error::{EXIT_OK, Result};
use crate::report::page;

pub(crate) fn run(args: &CompareArgs) -> Result<u8> {
    let locale = super::locale_arg(&args.locale)?;
    let conn = super::open_database(&args.db, &args.sources)?;
    let page = query::pair_page(&conn, &args.db, locale.as_str(), args.code_a, args.code_b)?;
    super::print(&match args.format {
        PageFormat::Text => page::text(&page),
        PageFormat::Markdown => page::markdown(&page),
        PageFormat::Json => page::json(&page),
    })?;
    Ok(EXIT_OK)
}
