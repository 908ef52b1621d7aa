//! The names that tie the Fluent content to the database: message ids,
//! attribute names and the UI keys every locale provides.

use serde::Serialize;

/// Declares [`CodeText`]: each field is named as its database column and
/// bound to the Fluent attribute of a `code-NNN` message that holds it.
macro_rules! code_text {
    ($($column:ident = $attribute:literal,)*) => {
        /// The text fields of one code in one locale, in page order. A new
        /// field is a migration plus one line here: rendering, writing,
        /// reading and the checks all go through [`CodeText::FIELDS`].
        #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
        pub(crate) struct CodeText {
            $(pub(crate) $column: String,)*
        }

        impl CodeText {
            /// (Fluent attribute, database column) of every field, in order.
            pub(crate) const FIELDS: &[(&str, &str)] = &[$(($attribute, stringify!($column)),)*];

            /// Fills each field, in order, from `text(attribute, column)`.
            pub(crate) fn try_from_fn<E>(
                mut text: impl FnMut(&'static str, &'static str) -> Result<String, E>,
            ) -> Result<Self, E> {
                Ok(CodeText {
                    $($column: text($attribute, stringify!($column))?,)*
                })
            }

            /// Fills each field, in order, from `text(attribute, column)`.
            pub(crate) fn from_fn(mut text: impl FnMut(&'static str, &'static str) -> String) -> Self {
                let Ok(filled) = Self::try_from_fn(|attribute, column| {
                    Ok::<_, std::convert::Infallible>(text(attribute, column))
                });
                filled
            }

            /// (database column, text) of every field, in order.
            pub(crate) fn columns(&self) -> Vec<(&'static str, &str)> {
                vec![$((stringify!($column), self.$column.as_str()),)*]
            }
        }
    };
}

code_text! {
    summary = "summary",
    description = "description",
    seen_when = "seen-when",
    how_to_fix = "how-to-fix",
    use_when = "use-when",
}

/// The status classes, as used in UI keys and `status_codes.class`.
pub(crate) const CLASSES: [&str; 5] = ["1xx", "2xx", "3xx", "4xx", "5xx"];

/// Headings of a pair page, in page order.
pub(crate) const HEADINGS: [&str; 5] = [
    "heading-description",
    "heading-seen-when",
    "heading-how-to-fix",
    "heading-key-differences",
    "heading-use-when",
];

/// Aspects on which two codes can differ, in display order.
pub(crate) const ASPECTS: [&str; 7] = [
    "class",
    "registry-status",
    "vendor",
    "delivery",
    "cacheable",
    "typical-headers",
    "action-by",
];

const VALUE_KEYS: [&str; 17] = [
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
    "vendor-none",
    "delivery-sent",
    "delivery-logged",
    "delivery-internal",
    "delivery-reserved",
];

/// How a pair summary names a code that is never sent, instead of its class.
const DELIVERY_PHRASES: [&str; 3] = [
    "delivery-logged-one",
    "delivery-internal-one",
    "delivery-reserved-one",
];

/// Templates whose `{a}`, `{b}`, `{a-class}`, `{b-class}` and `{class}`
/// markers the pair views fill in.
pub(crate) const TEMPLATES: [&str; 6] = [
    "pair-title",
    "pair-summary-different",
    "pair-summary-same",
    "pair-summary-same-logged",
    "pair-summary-same-internal",
    "pair-summary-same-reserved",
];

/// Introduces the aspects two codes share when none differs.
const PAGE_TEXTS: [&str; 1] = ["pair-same-aspects"];

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
    keys.extend(DELIVERY_PHRASES.iter().map(|k| k.to_string()));
    keys.extend(TEMPLATES.iter().map(|k| k.to_string()));
    keys.extend(PAGE_TEXTS.iter().map(|k| k.to_string()));
    keys
}

/// Whether `key` is one of [`ui_keys`]; asked for every unit an export
/// writes, so the keys are made once.
pub(crate) fn is_ui_key(key: &str) -> bool {
    static KEYS: std::sync::LazyLock<std::collections::HashSet<String>> =
        std::sync::LazyLock::new(|| ui_keys().into_iter().collect());
    KEYS.contains(key)
}

/// Whether a Fluent id may be one the database publishes (a UI string, a
/// code's text, a pair's note): a build keeps the files that define such
/// ids for rendering (`check::parts`). Any `code-` or `pair-` id counts.
pub(crate) fn may_be_published(id: &[u8]) -> bool {
    id.starts_with(b"code-")
        || id.starts_with(b"pair-")
        || std::str::from_utf8(id).is_ok_and(is_ui_key)
}

/// `code-404`.
pub(crate) fn code_id(code: u16) -> String {
    format!("code-{code}")
}

/// The code of a `code-NNN` message id.
pub(crate) fn parse_code_id(id: &str) -> Option<u16> {
    id.strip_prefix("code-")?.parse().ok()
}

/// `pair-401-403`, lower code first.
pub(crate) fn pair_id(a: u16, b: u16) -> String {
    format!("pair-{}-{}", a.min(b), a.max(b))
}

/// The two codes of a `pair-LOW-HIGH` message id.
pub(crate) fn parse_pair_id(id: &str) -> Option<(u16, u16)> {
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
    fn code_text_fields_follow_their_columns_in_order() {
        let columns: Vec<&str> = CodeText::FIELDS.iter().map(|(_, c)| *c).collect();
        assert_eq!(
            columns,
            [
                "summary",
                "description",
                "seen_when",
                "how_to_fix",
                "use_when"
            ]
        );
        let text = CodeText::try_from_fn(|attr, _| Ok::<_, ()>(attr.to_uppercase())).unwrap();
        assert_eq!(text.seen_when, "SEEN-WHEN");
        assert_eq!(text.columns()[4], ("use_when", "USE-WHEN"));
    }

    #[test]
    fn ui_keys_are_unique() {
        let keys = ui_keys();
        let unique: std::collections::BTreeSet<_> = keys.iter().collect();
        assert_eq!(keys.len(), unique.len());
    }
}
