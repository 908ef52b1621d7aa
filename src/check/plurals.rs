//! Numeric selectors must cover the locale's CLDR plural categories.

use std::collections::BTreeSet;

use fluent_syntax::ast::{InlineExpression, Variant, VariantKey};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

use super::diagnostic::Diagnostic;
use super::rule::Rule;
use crate::source::catalog::Catalog;
use crate::source::walk;

/// What this check finds.
pub(crate) const RULES: &[Rule] = &[Rule::PluralCategories];

const CATEGORY_NAMES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The cardinal categories whole numbers fall in, e.g. `one few many` for
/// ru; `None` when CLDR has no rules for the locale. UI strings count whole
/// things, so categories only fractions reach (cs, sk, lt `many`; ru
/// `other`) are not asked for, as compare-locales does not ask for them.
pub(crate) fn categories(langid: &LanguageIdentifier) -> Option<BTreeSet<&'static str>> {
    let rules = PluralRules::create(langid.clone(), PluralRuleType::CARDINAL).ok()?;
    let retired = RETIRED
        .iter()
        .filter(|(language, _)| *language == langid.language.as_str())
        .map(|(_, category)| *category);
    // Integers, not floats: intl_pluralrules formats a float to text to
    // find its operands, which cost a tenth of a run on a tree of 70 locales.
    let mut found: BTreeSet<&str> = (0..=1000u32)
        .filter_map(|n| rules.select(n).ok())
        .map(name)
        .collect();
    for category in retired {
        found.remove(category);
    }
    Some(found)
}

/// Categories that intl_pluralrules (CLDR 36) still has and CLDR has since
/// dropped: Hebrew `many` (20, 30, …) went in CLDR 42 (CLDR-14634); those
/// numbers take `other`, which Fluent falls back to anyway.
const RETIRED: &[(&str, &str)] = &[("he", "many")];

pub(crate) fn name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

pub(crate) fn check(tag: &str, langid: &LanguageIdentifier, catalog: &Catalog) -> Vec<Diagnostic> {
    // Made at the first select: most files of a tree checked by parts
    // have none, and the categories take a thousand rule lookups.
    let plural = std::cell::OnceCell::new();
    let plural = || {
        plural
            .get_or_init(|| {
                let rules = PluralRules::create(langid.clone(), PluralRuleType::CARDINAL);
                Some((categories(langid)?, rules.ok()?))
            })
            .as_ref()
    };
    let mut found = Vec::new();
    for entry in catalog.entries() {
        for unit in entry.units() {
            let Some(pattern) = entry.pattern(unit) else {
                continue;
            };
            for (selector, variants) in walk::selects(pattern) {
                let Some((needed, rules)) = plural() else {
                    return found;
                };
                let Some(missing) = missing_categories(selector, variants, needed, rules) else {
                    continue;
                };
                found.push(
                    Diagnostic::new(
                        Rule::PluralCategories,
                        format!(
                            "{} selects on a number but has no variant for: {}",
                            entry.unit_name(unit),
                            missing.join(", ")
                        ),
                    )
                    .locale(tag)
                    .at(entry.file, entry.unit_offset(unit), entry.unit_len(unit))
                    .help(format!(
                        "{tag} uses the plural categories {}",
                        needed.iter().copied().collect::<Vec<_>>().join(", ")
                    )),
                );
            }
        }
    }
    found
}

/// Missing categories of a numeric select; `None` when the select is not
/// numeric or covers them all. As in compare-locales, `other` is never asked
/// for (the default variant takes what no key names); as in Fluent, a
/// numeric key (`[1]`) covers the category its number falls in.
fn missing_categories(
    selector: &InlineExpression<&str>,
    variants: &[Variant<&str>],
    needed: &BTreeSet<&'static str>,
    rules: &PluralRules,
) -> Option<Vec<&'static str>> {
    let numeric_selector = match selector {
        InlineExpression::VariableReference { .. } => true,
        InlineExpression::FunctionReference { id, .. } => id.name == "NUMBER",
        _ => false,
    };
    let mut keys: BTreeSet<&str> = BTreeSet::new();
    for variant in variants {
        match &variant.key {
            VariantKey::Identifier { name } => {
                keys.insert(name);
            }
            VariantKey::NumberLiteral { value } => {
                let category = value.parse::<f64>().ok().and_then(|n| rules.select(n).ok());
                keys.extend(category.map(name));
            }
        }
    }
    let named = variants.iter().filter_map(|v| match &v.key {
        VariantKey::Identifier { name } => Some(*name),
        VariantKey::NumberLiteral { .. } => None,
    });
    let named: Vec<&str> = named.collect();
    let plural_keys = named
        .iter()
        .any(|k| *k != "other" && CATEGORY_NAMES.contains(k));
    if !numeric_selector || !plural_keys || named.iter().any(|k| !CATEGORY_NAMES.contains(k)) {
        return None;
    }
    let missing: Vec<&str> = needed
        .iter()
        .copied()
        .filter(|c| *c != "other" && !keys.contains(c))
        .collect();
    (!missing.is_empty()).then_some(missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_and_english_categories() {
        let ru: LanguageIdentifier = "ru".parse().unwrap();
        let en: LanguageIdentifier = "en".parse().unwrap();
        assert_eq!(
            categories(&ru).unwrap().into_iter().collect::<Vec<_>>(),
            ["few", "many", "one"]
        );
        assert_eq!(
            categories(&en).unwrap().into_iter().collect::<Vec<_>>(),
            ["one", "other"]
        );
    }

    #[test]
    fn hebrew_has_no_many_since_cldr_42() {
        let he: LanguageIdentifier = "he".parse().unwrap();
        assert_eq!(
            categories(&he).unwrap().into_iter().collect::<Vec<_>>(),
            ["one", "other", "two"]
        );
        let anki = "m = { $n ->\n    [one] אחת\n    [two] שתיים\n   *[other] { $n }\n}\n";
        assert_eq!(missing("he", anki), None);
    }

    fn missing(tag: &str, ftl: &str) -> Option<Vec<&'static str>> {
        use fluent_syntax::ast::{Entry, Expression, PatternElement};
        let resource = fluent_syntax::parser::parse(ftl).unwrap();
        let Entry::Message(message) = &resource.body[0] else {
            panic!("not a message")
        };
        let element = &message.value.as_ref().unwrap().elements[0];
        let PatternElement::Placeable {
            expression: Expression::Select { selector, variants },
        } = element
        else {
            panic!("not a select")
        };
        let langid: LanguageIdentifier = tag.parse().unwrap();
        let rules = PluralRules::create(langid.clone(), PluralRuleType::CARDINAL).unwrap();
        missing_categories(selector, variants, &categories(&langid).unwrap(), &rules)
    }

    #[test]
    fn other_is_never_asked_for_and_numeric_keys_cover_their_category() {
        let sk = "m = { $n ->\n    [one] jedna\n    [few] dve\n   *[other] veľa\n}\n";
        assert_eq!(missing("sk", sk), None, "sk `many` is for fractions only");
        let uk = "m = { $n ->\n    [1] одна\n    [few] кілька\n   *[many] багато\n}\n";
        assert_eq!(missing("uk", uk), None);
        let ru = "m = { $n ->\n    [one] одна\n   *[other] много\n}\n";
        assert_eq!(missing("ru", ru), Some(vec!["few", "many"]));
        // compare-locales: only `other` and numbers is not a plural select.
        assert_eq!(
            missing("ru", "m = { $n ->\n    [0] нет\n   *[other] есть\n}\n"),
            None
        );
    }
}
