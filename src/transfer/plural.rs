//! gettext plural forms generated from CLDR cardinal rules.
//!
//! gettext counts whole numbers only (`n` is an unsigned integer), while
//! CLDR also has categories for fractions. A category no whole number
//! reaches (Russian `other`: 1.5) gets no `msgstr[n]`; the gettext forms are
//! the categories whole numbers reach, in CLDR order (zero, one, two, few,
//! many, other), and the last of them is the expression's fallback.

/// CLDR cardinal rules (plurals.xml, samples left out) by language;
/// `other` is what no rule matches. A test holds each one to
/// `intl_pluralrules`, the CLDR data Fluent itself uses.
const RULES: &[(Languages, Rules)] = &[
    (&["ja", "ko", "zh", "th", "vi", "id", "ms"], &[]),
    (
        &["en", "de", "nl", "sv", "fi", "et", "it", "ca", "ur", "sw"],
        &[("one", "i = 1 and v = 0")],
    ),
    (
        &["es", "tr", "hu", "el", "bg", "nb", "az", "ka"],
        &[("one", "n = 1")],
    ),
    (&["fr"], &[("one", "i = 0,1")]),
    (&["pt"], &[("one", "i = 0..1")]),
    (
        &["ru", "uk"],
        &[
            ("one", "v = 0 and i % 10 = 1 and i % 100 != 11"),
            ("few", "v = 0 and i % 10 = 2..4 and i % 100 != 12..14"),
            (
                "many",
                "v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14",
            ),
        ],
    ),
    (
        &["pl"],
        &[
            ("one", "i = 1 and v = 0"),
            ("few", "v = 0 and i % 10 = 2..4 and i % 100 != 12..14"),
            (
                "many",
                "v = 0 and i != 1 and i % 10 = 0..1 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 12..14",
            ),
        ],
    ),
    (
        &["cs", "sk"],
        &[
            ("one", "i = 1 and v = 0"),
            ("few", "i = 2..4 and v = 0"),
            ("many", "v != 0"),
        ],
    ),
];

type Languages = &'static [&'static str];
/// `(category, CLDR condition)`.
type Rules = &'static [(&'static str, &'static str)];

const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// One relation of a CLDR condition, e.g. `i % 100 != 12..14`.
#[derive(Debug)]
struct Relation {
    /// `n` or `i` (the number); `v`, `w`, `f`, `t`, `e` are 0 for integers.
    whole: bool,
    modulus: Option<u64>,
    negated: bool,
    ranges: Vec<(u64, u64)>,
}

/// `or` of `and`s.
type Condition = Vec<Vec<Relation>>;

/// A locale's gettext plural forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluralForms {
    /// The CLDR category of each `msgstr[n]`, in order.
    pub categories: Vec<&'static str>,
    /// The `Plural-Forms` header value.
    pub header: String,
}

/// Every CLDR cardinal category of a locale, fractions' included (Russian
/// `other`), in CLDR order; `None` when CLDR has no rules for it.
pub fn cldr_categories(langid: &unic_langid::LanguageIdentifier) -> Option<Vec<&'static str>> {
    use intl_pluralrules::{PluralRuleType, PluralRules};
    let rules = PluralRules::create(langid.clone(), PluralRuleType::CARDINAL).ok()?;
    let integers = (0..=1000u32).map(f64::from);
    let fractions = (0..=30u32).map(|n| f64::from(n) + 0.5);
    let found: Vec<&str> = integers
        .chain(fractions)
        .filter_map(|n| rules.select(n).ok())
        .map(crate::check::plurals::name)
        .collect();
    Some(
        CATEGORIES
            .into_iter()
            .filter(|c| found.contains(c))
            .collect(),
    )
}

/// The plural forms of `language` (`ru` of `ru-RU`), or `None` when no
/// rules are known for it.
pub fn forms(language: &str) -> Option<PluralForms> {
    let rules = rules(language)?;
    let reached: Vec<(&'static str, Option<&Condition>)> = CATEGORIES
        .iter()
        .filter(|c| samples().any(|n| category(&rules, n) == **c))
        .map(|c| (*c, rules.iter().find(|r| r.0 == *c).map(|r| &r.1)))
        .collect();
    let mut expression = String::new();
    let last = reached.len() - 1;
    for (index, (_, condition)) in reached[..last].iter().enumerate() {
        let condition = condition.expect("only `other` lacks a rule, and it comes last");
        expression.push_str(&format!("{} ? {index} : ", c_condition(condition)));
    }
    expression.push_str(&last.to_string());
    Some(PluralForms {
        categories: reached.iter().map(|r| r.0).collect(),
        header: format!("nplurals={}; plural=({expression});", reached.len()),
    })
}

/// Whole numbers that reach every category CLDR's integer rules have
/// (the rules look at `n % 100` at most, and at millions).
fn samples() -> impl Iterator<Item = u64> {
    (0..=1000).chain([1_000_000])
}

fn rules(language: &str) -> Option<Vec<(&'static str, Condition)>> {
    let (_, rules) = RULES.iter().find(|(langs, _)| langs.contains(&language))?;
    Some(rules.iter().map(|(c, text)| (*c, parse(text))).collect())
}

/// The category of the whole number `n`.
fn category(rules: &[(&'static str, Condition)], n: u64) -> &'static str {
    rules
        .iter()
        .find(|(_, condition)| holds(condition, n))
        .map_or("other", |r| r.0)
}

fn holds(condition: &Condition, n: u64) -> bool {
    condition
        .iter()
        .any(|all| all.iter().all(|r| r.holds(if r.whole { n } else { 0 })))
}

impl Relation {
    fn holds(&self, operand: u64) -> bool {
        let value = self.modulus.map_or(operand, |m| operand % m);
        self.ranges.iter().any(|&(a, b)| (a..=b).contains(&value)) != self.negated
    }
}

/// Parses a CLDR condition; the rules are our own constants.
fn parse(text: &str) -> Condition {
    text.split(" or ")
        .map(|all| all.split(" and ").map(relation).collect())
        .collect()
}

fn relation(text: &str) -> Relation {
    let (lhs, negated, rhs) = match text.split_once("!=") {
        Some((lhs, rhs)) => (lhs, true, rhs),
        None => {
            let (lhs, rhs) = text.split_once('=').expect("a CLDR relation has `=`");
            (lhs, false, rhs)
        }
    };
    let (operand, modulus) = match lhs.split_once('%') {
        Some((operand, m)) => (operand.trim(), Some(number(m))),
        None => (lhs.trim(), None),
    };
    let ranges = rhs
        .split(',')
        .map(|r| match r.split_once("..") {
            Some((a, b)) => (number(a), number(b)),
            None => (number(r), number(r)),
        })
        .collect();
    Relation {
        whole: matches!(operand, "n" | "i"),
        modulus,
        negated,
        ranges,
    }
}

fn number(text: &str) -> u64 {
    text.trim().parse().expect("CLDR rules hold whole numbers")
}

/// The condition as a C expression over `n`, with the relations on
/// fraction operands (always 0 for gettext) folded away.
fn c_condition(condition: &Condition) -> String {
    let alternatives: Vec<String> = condition
        .iter()
        .filter(|all| all.iter().all(|r| r.whole || r.holds(0)))
        .map(|all| {
            let parts: Vec<String> = all.iter().filter(|r| r.whole).map(c_relation).collect();
            parts.join(" && ")
        })
        .collect();
    match alternatives.len() {
        1 => alternatives[0].clone(),
        _ => alternatives
            .iter()
            .map(|a| format!("({a})"))
            .collect::<Vec<_>>()
            .join(" || "),
    }
}

fn c_relation(r: &Relation) -> String {
    let lhs = r.modulus.map_or("n".to_string(), |m| format!("n%{m}"));
    let parts: Vec<String> = r
        .ranges
        .iter()
        .map(|&(a, b)| match (a == b, r.negated) {
            (true, false) => format!("{lhs}=={a}"),
            (true, true) => format!("{lhs}!={a}"),
            (false, false) => format!("({lhs}>={a} && {lhs}<={b})"),
            (false, true) => format!("({lhs}<{a} || {lhs}>{b})"),
        })
        .collect();
    match (parts.len(), r.negated) {
        (1, _) => parts[0].clone(),
        (_, false) => format!("({})", parts.join(" || ")),
        (_, true) => parts.join(" && "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use intl_pluralrules::{PluralRuleType, PluralRules};

    #[test]
    fn every_rule_agrees_with_cldr_on_whole_numbers() {
        for (languages, _) in RULES {
            for language in *languages {
                let rules = rules(language).unwrap();
                let cldr = PluralRules::create(
                    language.parse::<unic_langid::LanguageIdentifier>().unwrap(),
                    PluralRuleType::CARDINAL,
                )
                .unwrap();
                for n in (0..=1200).chain([1_000_000, 2_000_000, 1_000_001]) {
                    let expected = crate::check::plurals::name(cldr.select(n as f64).unwrap());
                    assert_eq!(category(&rules, n), expected, "{language} {n}");
                }
            }
        }
    }

    #[test]
    fn russian_has_three_gettext_forms_and_fractions_fall_outside() {
        let ru = forms("ru").unwrap();
        assert_eq!(ru.categories, ["one", "few", "many"]);
        assert_eq!(
            ru.header,
            "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : (n%10>=2 && n%10<=4) && (n%100<12 || n%100>14) ? 1 : 2);"
        );
    }

    #[test]
    fn other_languages() {
        assert_eq!(
            forms("en").unwrap().header,
            "nplurals=2; plural=(n==1 ? 0 : 1);"
        );
        assert_eq!(forms("ja").unwrap().header, "nplurals=1; plural=(0);");
        assert_eq!(forms("cs").unwrap().categories, ["one", "few", "other"]);
        assert_eq!(forms("tlh"), None);
    }
}
