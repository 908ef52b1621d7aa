//! One description of every table, view and column, for the `metadata`
//! table and Datasette's metadata.json alike.

/// A table or view and its columns. A column name ending in `_*` stands for
/// the `_a` and `_b` columns of a pair view; `{side}` in its text becomes
/// `A` or `B`.
pub struct Relation {
    pub name: &'static str,
    pub is_view: bool,
    pub description: &'static str,
    pub columns: &'static [(&'static str, &'static str)],
}

pub const LOCALE: &str = "BCP 47 tag of the locale, e.g. 'en', 'ru'";

/// The columns of `pair_aspects`, `differs` last.
const PAIR_ASPECTS: [(&str, &str); 9] = [
    ("locale", LOCALE),
    ("code_a", "the first code"),
    ("code_b", "the second code"),
    ("position", "display order"),
    (
        "aspect",
        "class, registry-status, vendor, delivery, cacheable, typical-headers or action-by",
    ),
    ("label", "the aspect's label in the locale"),
    ("value_a", "the value for code A, in the locale"),
    ("value_b", "the value for code B, in the locale"),
    ("differs", "1 where the two values differ"),
];

pub const RELATIONS: &[Relation] = &[
    Relation {
        name: "metadata",
        is_view: false,
        description: "What this file was built from, each locale's completeness, and a description of every table, view and column",
        columns: &[
            ("kind", "'database', 'locale', 'table', 'view' or 'column'"),
            (
                "name",
                "the key: 'source_hash', a locale tag, a table or view, 'table.column'",
            ),
            (
                "value",
                "the value, the locale's percent complete, or the description",
            ),
        ],
    },
    Relation {
        name: "locales",
        is_view: false,
        description: "Every published locale; one is the reference the others fall back to",
        columns: &[
            ("tag", LOCALE),
            ("name", "English name of the language"),
            ("native_name", "name of the language in itself"),
            ("is_reference", "1 for the reference locale (en), else 0"),
        ],
    },
    Relation {
        name: "status_codes",
        is_view: false,
        description: "The facts of every HTTP status code, one row per code",
        columns: &[
            ("code", "the status code, 100 to 599"),
            ("class", "'1xx' to '5xx'"),
            (
                "reason_phrase",
                "the registered reason phrase; '' when the vendor gives none",
            ),
            ("label", "code and reason phrase, e.g. '404 Not Found'"),
            (
                "registry_status",
                "standard, provisional, unused, deprecated, obsoleted, or unofficial (not in the IANA registry)",
            ),
            (
                "vendor",
                "who sends an unofficial code; '' for registered codes",
            ),
            (
                "reference",
                "the defining document, e.g. 'RFC 9110 §15.5.5'",
            ),
            (
                "cacheable",
                "1 when the response is heuristically cacheable by default",
            ),
            (
                "typical_headers",
                "headers that usually come with it, e.g. 'Location, Retry-After'",
            ),
            ("action_by", "who has to act: client, server or none"),
            (
                "delivery",
                "sent; logged (only written to a log, never sent); internal (used inside a server that sends the client another status); reserved (an unused number)",
            ),
        ],
    },
    Relation {
        name: "status_code_aliases",
        is_view: false,
        description: "Former and popular names of codes ('Payload Too Large'), found by search",
        columns: &[
            ("code", "the status code"),
            ("alias", "another name for it"),
        ],
    },
    Relation {
        name: "ui_text",
        is_view: false,
        description: "Interface strings of each locale: headings, labels, templates",
        columns: &[
            ("locale", LOCALE),
            ("key", "the Fluent message id, e.g. 'heading-how-to-fix'"),
            ("value", "the text; templates keep their {a}-style markers"),
            ("is_fallback", "1 when the text is the reference locale's"),
        ],
    },
    Relation {
        name: "code_text",
        is_view: false,
        description: "The text of each code in each locale",
        columns: &[
            ("locale", LOCALE),
            ("code", "the status code"),
            ("name", "the code's name in the locale"),
            ("summary", "one sentence on what the code means"),
            ("description", "what the code means, in a paragraph"),
            ("seen_when", "when a client sees it"),
            ("how_to_fix", "what to do about it"),
            ("use_when", "when a server should send it"),
            (
                "fallback_fields",
                "fields shown in the reference language, comma-separated; '' when complete",
            ),
            ("missing_fields", "fields no locale has text for"),
        ],
    },
    Relation {
        name: "pair_notes",
        is_view: false,
        description: "Curated notes on the pairs of codes people confuse",
        columns: &[
            ("locale", LOCALE),
            ("code_low", "the lower code of the pair"),
            ("code_high", "the higher code of the pair"),
            ("note", "what tells the two apart"),
            ("is_fallback", "1 when the note is the reference locale's"),
        ],
    },
    Relation {
        name: "translation_status",
        is_view: false,
        description: "How complete each locale is",
        columns: &[
            ("locale", LOCALE),
            (
                "total",
                "strings in the reference locale (message values and attributes)",
            ),
            ("translated", "strings the locale has"),
            ("missing", "strings the locale lacks"),
            ("percent", "translated / total, in percent"),
        ],
    },
    Relation {
        name: "code_search",
        is_view: false,
        description: "Full-text index (FTS5) of each code's text per locale; е, ё and э are folded to е",
        columns: &[
            ("locale", LOCALE),
            ("code", "the status code"),
            ("label", "the code's label, e.g. '413 Content Too Large'"),
            (
                "name",
                "the name in the locale, folded for search (show code_text.name instead)",
            ),
            ("aliases", "former and popular names, separated by ' | '"),
            (
                "body",
                "summary, description, seen_when, how_to_fix and use_when, folded for search",
            ),
        ],
    },
    Relation {
        name: "pair_comparison",
        is_view: true,
        description: "The page comparing two codes, per locale and ordered pair: 'HTTP 202 Accepted vs 403 Forbidden'",
        columns: &[
            ("locale", LOCALE),
            ("code_a", "the first code"),
            ("code_b", "the second code"),
            ("title", "the page title"),
            ("summary", "one paragraph comparing the two"),
            ("label_*", "label of code {side}"),
            ("name_*", "name of code {side} in the locale"),
            ("class_*", "class of code {side}, e.g. '4xx'"),
            ("summary_*", "summary of code {side}"),
            ("description_*", "description of code {side}"),
            ("seen_when_*", "when a client sees code {side}"),
            ("how_to_fix_*", "what to do about code {side}"),
            ("use_when_*", "when a server should send code {side}"),
            ("heading_description", "heading of the description section"),
            (
                "heading_seen_when",
                "heading of the 'when you see it' section",
            ),
            (
                "heading_how_to_fix",
                "heading of the 'how to fix it' section",
            ),
            (
                "heading_key_differences",
                "heading of the key differences section",
            ),
            (
                "heading_use_when",
                "heading of the 'when to use it' section",
            ),
            (
                "note",
                "the curated note on the pair; '' when there is none",
            ),
            (
                "same_aspects_text",
                "the sentence that introduces the shared aspects when none differs",
            ),
            (
                "fallback_fields",
                "what is shown in the reference language: 'a.description', 'note', 'headings', ...",
            ),
        ],
    },
    Relation {
        name: "pair_aspects",
        is_view: true,
        description: "One row per aspect of two codes, whether or not they differ, labelled in the locale",
        columns: &PAIR_ASPECTS,
    },
    Relation {
        name: "pair_differences",
        is_view: true,
        description: "One row per aspect on which two codes differ, labelled in the locale",
        // The columns of `pair_aspects` but `differs`: it is that view filtered.
        columns: PAIR_ASPECTS.split_at(PAIR_ASPECTS.len() - 1).0,
    },
];

impl Relation {
    /// Every column with its description, pair columns expanded.
    pub fn columns(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (name, text) in self.columns {
            match name.strip_suffix("_*") {
                None => out.push((name.to_string(), text.to_string())),
                Some(stem) => {
                    for side in ["a", "b"] {
                        let upper = side.to_uppercase();
                        out.push((format!("{stem}_{side}"), text.replace("{side}", &upper)));
                    }
                }
            }
        }
        out
    }
}

/// Datasette's `metadata.json` for a database file named `db_name` (its
/// stem): title, licence, source and a description of every table and column.
pub(crate) fn datasette_metadata(db_name: &str, source_hash: &str) -> Vec<u8> {
    let tables: serde_json::Map<String, serde_json::Value> = RELATIONS
        .iter()
        .map(|r| {
            let columns: serde_json::Map<String, serde_json::Value> = r
                .columns()
                .into_iter()
                .map(|(name, text)| (name, text.into()))
                .collect();
            let table = serde_json::json!({ "description": r.description, "columns": columns });
            (r.name.to_string(), table)
        })
        .collect();
    let version = env!("CARGO_PKG_VERSION");
    let doc = serde_json::json!({
        "title": "statusdb: HTTP status codes in every language",
        "description": "Facts and translated explanations of every HTTP status code, and pages comparing any two of them (pair_comparison).",
        "license": env!("CARGO_PKG_LICENSE"),
        "source": format!("statusdb {version}, sources {source_hash}"),
        "databases": { db_name: { "tables": tables } },
    });
    let mut bytes = serde_json::to_vec_pretty(&doc).expect("plain data serializes");
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    /// A table or column added without a description fails here.
    #[test]
    fn every_table_view_and_column_is_described() {
        let mut conn = Connection::open_in_memory().unwrap();
        super::super::migrations::migrate(&mut conn, std::path::Path::new(":memory:")).unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT name, type = 'view' FROM sqlite_schema WHERE type IN ('table', 'view')
                 AND name NOT LIKE 'code_search_%' ORDER BY name",
            )
            .unwrap();
        let schema: Vec<(String, bool)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut described: Vec<(String, bool)> = RELATIONS
            .iter()
            .map(|r| (r.name.to_string(), r.is_view))
            .collect();
        described.sort();
        assert_eq!(schema, described);
        for relation in RELATIONS {
            let mut stmt = conn
                .prepare("SELECT name FROM pragma_table_info(?1)")
                .unwrap();
            let columns: Vec<String> = stmt
                .query_map([relation.name], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            let names: Vec<String> = relation.columns().into_iter().map(|(n, _)| n).collect();
            assert_eq!(columns, names, "columns of {}", relation.name);
        }
    }

    #[test]
    fn datasette_gets_every_table_and_column_under_the_database_name() {
        let json: serde_json::Value =
            serde_json::from_slice(&datasette_metadata("site", "sha256:00")).unwrap();
        let tables = &json["databases"]["site"]["tables"];
        assert_eq!(tables.as_object().unwrap().len(), RELATIONS.len());
        assert_eq!(
            tables["pair_comparison"]["columns"]["label_b"],
            "label of code B"
        );
        assert_eq!(json["license"], "MIT OR Apache-2.0");
    }
}
