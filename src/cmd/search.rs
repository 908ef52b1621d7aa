//! `statusdb search WORDS`: codes by the words people remember.

use serde::Serialize;

use crate::check::lint;
use crate::cli::{ReportFormat, SearchArgs};
use crate::db::query;
use crate::db::search::{self, Hit};
use crate::error::{EXIT_FINDINGS, EXIT_OK, Result};
use crate::source::LocaleTag;

pub(crate) fn run(args: &SearchArgs) -> Result<u8> {
    if let Some(locale) = &args.locale {
        super::locale_arg(locale)?; // a malformed tag is refused before any work
    }
    let conn = super::open_database(&args.db, &args.sources)?;
    let query = args.query.join(" ");
    let locales = match &args.locale {
        Some(locale) => vec![super::negotiate(&conn, &args.db, locale)?],
        None => in_query_script(query::locale_tags(&conn, &args.db)?, &query),
    };
    let hits = search::search(&conn, &args.db, &locales, &query, args.limit)?;
    super::print(&match args.format {
        ReportFormat::Text => text(&hits, &query),
        ReportFormat::Json => json(&hits, &query),
    })?;
    Ok(if hits.is_empty() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

/// The locales written in the script of `query`: Latin letters search the
/// locales written in Latin, other letters (`запрещено`) those written in
/// another script, as the `latin-script` lint tells them apart; all of them
/// when the query mixes scripts, has no letters, or no locale fits.
fn in_query_script(all: Vec<String>, query: &str) -> Vec<String> {
    let mut letters = query.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return all;
    };
    let latin = is_latin(first);
    if letters.any(|c| is_latin(c) != latin) {
        return all;
    }
    let same: Vec<String> = all
        .iter()
        .filter(|tag| {
            tag.parse::<LocaleTag>()
                .is_ok_and(|t| lint::expects_non_latin(t.langid()) != latin)
        })
        .cloned()
        .collect();
    if same.is_empty() { all } else { same }
}

/// Basic Latin, Latin-1 and Latin Extended-A/B letters.
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c)
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

/// The JSON output; its schema is documented in the README.
#[derive(Serialize)]
struct Json<'a> {
    /// Bumped on any incompatible change.
    schema_version: u32,
    query: &'a str,
    hits: &'a [Hit],
}

fn json(hits: &[Hit], query: &str) -> String {
    let doc = Json {
        schema_version: 1,
        query,
        hits,
    };
    serde_json::to_string_pretty(&doc).expect("hits serialize") + "\n"
}

#[cfg(test)]
mod tests {
    use super::in_query_script;

    #[test]
    fn a_query_searches_the_locales_written_in_its_script() {
        let all = || vec!["en".to_string(), "pt-BR".to_string(), "ru".to_string()];
        assert_eq!(in_query_script(all(), "запрещено"), ["ru"]);
        assert_eq!(in_query_script(all(), "forbidden"), ["en", "pt-BR"]);
        assert_eq!(in_query_script(all(), "não encontrado"), ["en", "pt-BR"]);
        assert_eq!(in_query_script(all(), "403 запрещено forbidden"), all());
        assert_eq!(in_query_script(all(), "403"), all());
        assert_eq!(in_query_script(all(), "ещё"), ["ru"]);
    }
}
