//! `statusdb compare A B`: one pair page from the database.

use crate::cli::{CompareArgs, PageFormat};
use crate::db::query;
use crate::error::{EXIT_OK, Result};
use crate::report::page;

pub(crate) fn run(args: &CompareArgs) -> Result<u8> {
    super::locale_arg(&args.locale)?; // a malformed tag is refused before any work
    let conn = super::open_database(&args.db, &args.sources)?;
    let locale = super::negotiate(&conn, &args.db, &args.locale)?;
    let page = query::pair_page(&conn, &args.db, &locale, args.code_a, args.code_b)?;
    super::print(&match args.format {
        PageFormat::Text => page::text(&page, super::terminal_width()),
        PageFormat::Markdown => page::markdown(&page),
        PageFormat::Json => page::json(&page),
    })?;
    Ok(EXIT_OK)
}
