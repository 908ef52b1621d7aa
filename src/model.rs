//! The names that tie the Fluent content to the database: message ids,
//! attribute names and the UI keys every locale provides.

/// Per-code text fields: Fluent attribute name and database column.
pub const CODE_FIELDS: [(&str, &str); 5] = [
    ("summary", "summary"),
    ("description", "description"),
    ("seen-when", "seen_when"),
    ("how-to-fix", "how_to_fix"),
    ("use-when", "use_when"),
];

/// The status classes, as used in UI keys and `status_codes.class`.
pub const CLASSES: [&str; 5] = ["1xx", "2xx", "3xx", "4xx", "5xx"];

/// Headings of a pair page, in page order.
pub const HEADINGS: [&str; 5] = [
    "heading-description",
    "heading-seen-when",
    "heading-how-to-fix",
    "heading-key-differences",
    "heading-use-when",
];

/// Aspects on which two codes can differ, in display order.
pub const ASPECTS: [&str; 5] = [
    "class",
    "registry-status",
    "cacheable",
    "typical-headers",
    "action-by",
];

const VALUE_KEYS: [&str; 12] = [
    "registry-status-standard",
    "registry-status-provisional",
    "registry-status-unused",
    "registry-status-deprecated",
    "registry-status-obsoleted",
    "registry-status-unofficial",
    "cacheable-yes",
    "cacheable-no",
    "headers-none",
    "action-by-client",
    "action-by-server",
    "action-by-none",
];

/// Templates whose `{a}`, `{b}`, `{a-class}`, `{b-class}` and `{class}`
/// markers the pair views fill in.
pub const TEMPLATES: [&str; 3] = ["pair-title", "pair-summary-different", "pair-summary-same"];

/// Every UI message the database needs from each locale.
pub fn ui_keys() -> Vec<String> {
    let mut keys: Vec<String> = HEADINGS.iter().map(|k| k.to_string()).collect();
    keys.extend(ASPECTS.iter().map(|a| format!("aspect-{a}")));
    keys.extend(VALUE_KEYS.iter().map(|k| k.to_string()));
    for class in CLASSES {
        keys.extend([
            format!("class-{class}"),
            format!("class-{class}-one"),
            format!("class-{class}-both"),
        ]);
    }
    keys.extend(TEMPLATES.iter().map(|k| k.to_string()));
    keys
}

/// `code-404`.
pub fn code_id(code: u16) -> String {
    format!("code-{code}")
}

/// The code of a `code-NNN` message id.
pub fn parse_code_id(id: &str) -> Option<u16> {
    id.strip_prefix("code-")?.parse().ok()
}

/// `pair-401-403`, lower code first.
pub fn pair_id(a: u16, b: u16) -> String {
    format!("pair-{}-{}", a.min(b), a.max(b))
}

/// The two codes of a `pair-LOW-HIGH` message id.
pub fn parse_pair_id(id: &str) -> Option<(u16, u16)> {
    let (a, b) = id.strip_prefix("pair-")?.split_once('-')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        assert_eq!(parse_code_id(&code_id(418)), Some(418));
        assert_eq!(parse_pair_id(&pair_id(403, 401)), Some((401, 403)));
        assert_eq!(parse_code_id("code-x"), None);
    }

    #[test]
    fn ui_keys_are_unique() {
        let keys = ui_keys();
        let unique: std::collections::BTreeSet<_> = keys.iter().collect();
        assert_eq!(keys.len(), unique.len());
    }
}
