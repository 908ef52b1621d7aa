//! Every rule a finding can name, in one place: its stable name, default
//! severity, whether it stops a build, whether only `validate` runs it, and
//! the one line the README's rule table shows. A new rule is one entry here
//! plus the check that finds it.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

use super::diagnostic::Severity;

/// What a rule's findings do to `build`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Build {
    /// An error that would publish broken text: the build stops.
    Stops,
    /// A gap or a warning: the build goes on (gaps fall back to the reference).
    Continues,
    /// A warning-only lint: `build` does not run it, `validate` does.
    Skips,
}

macro_rules! rules {
    ($($variant:ident = $name:literal, $severity:ident, $build:ident, $description:literal;)*) => {
        /// A rule of the checks; see the module documentation.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub(crate) enum Rule {
            $(
                #[doc = $description]
                $variant,
            )*
        }

        impl Rule {
            /// Every rule, in the README's order.
            pub(crate) const ALL: &[Rule] = &[$(Rule::$variant),*];

            /// The stable name findings, reports and configuration use.
            pub(crate) fn name(self) -> &'static str {
                match self {
                    $(Rule::$variant => $name,)*
                }
            }

            /// What the README's rule table says of it (a test holds the two
            /// together); SARIF's rule descriptions too.
            pub(crate) fn description(self) -> &'static str {
                match self {
                    $(Rule::$variant => $description,)*
                }
            }

            pub(crate) fn default_severity(self) -> Severity {
                match self {
                    $(Rule::$variant => Severity::$severity,)*
                }
            }

            fn build(self) -> Build {
                match self {
                    $(Rule::$variant => Build::$build,)*
                }
            }
        }
    };
}

rules! {
    Syntax = "syntax", Error, Stops, "Fluent syntax error; the entry is skipped";
    UnreadableFile = "unreadable-file", Error, Stops, "a file that is not UTF-8 text (or has NUL bytes, or nests placeables and call arguments over 100 deep); it is skipped and the rest of the tree is still checked";
    MissingFile = "missing-file", Error, Continues, "the locale lacks a file the reference has";
    MissingMessage = "missing-message", Error, Continues, "the locale lacks a message the reference has";
    MissingTerm = "missing-term", Error, Continues, "the locale lacks a term the reference has";
    MissingAttribute = "missing-attribute", Error, Continues, "a message lacks an attribute the reference has";
    MissingValue = "missing-value", Error, Continues, "a message has no value where the reference has one";
    DuplicateId = "duplicate-id", Error, Stops, "an id defined twice in one locale (not where the reference defines it in the same two files: the project's layout)";
    TermMessageClash = "term-message-clash", Error, Stops, "a term and a message share a name (fluent-rs cannot keep both)";
    UnknownVariable = "unknown-variable", Error, Stops, "the translation uses a variable the reference does not have";
    UnknownReference = "unknown-reference", Error, Stops, "a reference to a message or term the locale does not define";
    Unresolvable = "unresolvable", Error, Stops, "Fluent cannot format the text: it refers to itself (directly or in a cycle) or expands to more than 100 placeables";
    InvalidEscape = "invalid-escape", Error, Stops, "a string literal escape that is not a character: `\\u0000` (NUL) or half of a surrogate pair such as `\\uD800`";
    UnknownCode = "unknown-code", Error, Stops, "text for a code that `data/status-codes.csv` does not have";
    IdFormat = "id-format", Error, Stops, "a `code-N` or `pair-A-B` id written another way (`pair-0404-0503`), which statusdb would never look up";
    PairOrder = "pair-order", Error, Stops, "a `pair-A-B` note that names the higher code first";
    MissingCodeText = "missing-code-text", Error, Continues, "the reference lacks a code's name or one of its five attributes";
    MissingUiText = "missing-ui-text", Error, Stops, "the reference lacks a UI string the database needs";
    UnknownLocale = "unknown-locale", Error, Stops, "a locale folder that `data/locales.csv` does not list";
    MissingLocale = "missing-locale", Error, Stops, "a locale `data/locales.csv` lists that has no folder";
    ObsoleteEntry = "obsolete-entry", Warning, Continues, "the locale keeps a message the reference dropped (terms of a locale's own are fine)";
    ObsoleteAttribute = "obsolete-attribute", Warning, Continues, "the locale keeps an attribute the reference dropped (a term's attributes are the locale's own)";
    ObsoleteFile = "obsolete-file", Warning, Continues, "the locale keeps a file the reference does not have";
    DroppedReference = "dropped-reference", Warning, Continues, "the translation leaves out a message or term reference the reference makes (compare-locales' \"Missing message/term reference\")";
    AddedReference = "added-reference", Warning, Continues, "the translation makes a message or term reference the reference does not (compare-locales' \"Obsolete message/term reference\")";
    DuplicateAttribute = "duplicate-attribute", Warning, Continues, "a message or term defines an attribute twice; Fluent shows only the first (compare-locales' \"Attribute … is duplicated\")";
    DuplicateVariant = "duplicate-variant", Warning, Continues, "a select has the same variant key twice (`[1]` and `[one]` differ); Fluent picks the first (compare-locales' \"Variant key … is duplicated\")";
    StyleNotCss = "style-not-css", Error, Continues, "a message's `.style` attribute is not CSS sizes such as `width: 20em;` (compare-locales' \"reference is a CSS spec\")";
    StyleMismatch = "style-mismatch", Warning, Continues, "a `.style` attribute sets other size properties or units than the reference's (`max-width` for `width`, `em` for `ch`)";
    DroppedVariable = "dropped-variable", Warning, Continues, "the translation leaves out a variable the reference shows (a select dropped with its selector, where the language makes no such distinction, is fine)";
    PluralCategories = "plural-categories", Warning, Skips, "a numeric selector lacks some of the locale's CLDR plural categories (ru: one, few, many); `other` is never asked for, and a numeric key such as `[1]` covers its category";
    Identical = "identical", Warning, Skips, "the translation is identical to the reference (allowed: text made only of reason phrases, header names and technical tokens; variants of the reference's language such as en-GB; one- or two-word text in Latin-script locales)";
    Markup = "markup", Warning, Skips, "markup tags differ from the reference";
    DoubledWord = "doubled-word", Warning, Skips, "a word written twice in a row (“when when”); markup tags are not words, and repetitions a language's grammar makes (“Sie sie”, Turkish reduplication) are allowed";
    LatinScript = "latin-script", Warning, Skips, "three or more Latin-script words in a row in a locale written in another script (reason phrases, aliases, header names, vendor names, technical tokens such as HTTP or TLS, and names the reference keeps in Latin inside a translated sentence are allowed)";
    LeftoverPlaceable = "leftover-placeable", Warning, Skips, "a rendered pair page shows an unresolved `{…}`";
    Terminology = "terminology", Warning, Skips, "a string uses a wording the locale's glossary avoids; the help names the preferred term and the glossary line (see [Glossary](#glossary))";
}

impl Rule {
    /// Whether an error of this rule stops a build. Translation gaps do not:
    /// the database shows the reference text and says so.
    pub(crate) fn blocks_build(self) -> bool {
        self.build() == Build::Stops
    }

    /// Whether it reports a translation gap: a missing file, entry or string,
    /// which `--missing` and the config's `missing` may soften.
    pub fn is_gap(self) -> bool {
        matches!(
            self,
            Rule::MissingFile
                | Rule::MissingMessage
                | Rule::MissingTerm
                | Rule::MissingAttribute
                | Rule::MissingValue
        )
    }

    /// Whether only `validate` runs it: a warning-only lint never blocks a
    /// build, so `build` saves the time.
    pub(crate) fn lint_only(self) -> bool {
        self.build() == Build::Skips
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Rule {
    type Err = String;

    /// A rule by its name, for configuration that names rules.
    fn from_str(s: &str) -> Result<Self, String> {
        Rule::ALL
            .iter()
            .copied()
            .find(|r| r.name() == s)
            .ok_or_else(|| format!("`{s}` is not a rule; the README lists every rule"))
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's table row of a rule.
    fn readme_row(rule: Rule) -> String {
        let build = match rule.build() {
            Build::Stops => "stops it",
            Build::Continues => "continues",
            Build::Skips => "not run",
        };
        let severity = match rule.default_severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        format!(
            "| `{}` | {severity} | {} | {} |",
            rule.name(),
            build,
            rule.description()
        )
    }

    #[test]
    fn the_readme_rule_table_lists_every_rule_as_defined() {
        let readme = include_str!("../../README.md");
        let header = "| rule | severity | build | finding |";
        let table: Vec<&str> = readme
            .lines()
            .skip_while(|l| *l != header)
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .collect();
        let expected: Vec<String> = Rule::ALL.iter().copied().map(readme_row).collect();
        assert_eq!(table, expected, "README.md's rule table and Rule disagree");
    }

    #[test]
    fn names_are_unique_and_parse_back() {
        for &rule in Rule::ALL {
            assert_eq!(rule.name().parse::<Rule>(), Ok(rule));
        }
        assert!("no-such-rule".parse::<Rule>().is_err());
    }

    #[test]
    fn lints_are_warnings_and_only_errors_stop_a_build() {
        for &rule in Rule::ALL {
            if rule.lint_only() || rule.blocks_build() {
                let expected = match rule.lint_only() {
                    true => Severity::Warning,
                    false => Severity::Error,
                };
                assert_eq!(rule.default_severity(), expected, "{rule}");
            }
        }
    }
}
