//! `statusdb search WORDS`: codes by the words people remember.

use crate::cli::{ReportFormat, SearchArgs};
use crate::db::search::{self, Hit};
use crate::error::{EXIT_FINDINGS, EXIT_OK, Result};

pub(crate) fn run(args: &SearchArgs) -> Result<u8> {
    let locale = super::locale_arg(&args.locale)?;
    let conn = super::open_database(&args.db, &args.sources)?;
    let query = args.query.join(" ");
    let hits = search::search(&conn, &args.db, locale.as_str(), &query, args.limit)?;
    super::print(&match args.format {
        ReportFormat::Text => text(&hits, &query),
        ReportFormat::Json => serde_json::to_string_pretty(&hits).expect("hits serialize") + "\n",
    })?;
    Ok(if hits.is_empty() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

fn text(hits: &[Hit], query: &str) -> String {
    if hits.is_empty() {
        return format!("No status code matches `{query}`.\n");
    }
    let mut out = String::new();
    for hit in hits {
        let name = match hit.label.ends_with(&hit.name) {
            true => hit.label.clone(),
            false => format!("{} — {}", hit.label, hit.name),
        };
        out.push_str(&format!("{name}\n    {}\n", hit.summary));
    }
    out
}
