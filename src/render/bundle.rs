//! Fluent bundles per locale, and formatting one string with a fallback.

use std::borrow::Cow;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};

use crate::source::Locale;

pub(crate) type Bundle<'a> = FluentBundle<&'a FluentResource>;

/// A bundle holding every file of `locale`. Ids defined twice are reported by
/// the checks; here the first definition wins.
pub(crate) fn bundle(locale: &Locale) -> Bundle<'_> {
    let mut bundle = FluentBundle::new(vec![locale.tag.langid().clone()]);
    // Isolation marks would end up in the database and in every page.
    bundle.set_use_isolating(false);
    for file in &locale.files {
        let _ = bundle.add_resource(file.resource());
    }
    bundle
}

/// The formatted value (`attr` = `None`) or attribute of message `id`.
pub(crate) fn format(
    bundle: &Bundle,
    id: &str,
    attr: Option<&str>,
    args: Option<&FluentArgs>,
) -> Option<String> {
    let message = bundle.get_message(id)?;
    let pattern = match attr {
        Some(name) => message.get_attribute(name)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    let text: Cow<str> = bundle.format_pattern(pattern, args, &mut errors);
    Some(text.into_owned())
}

/// A string of the locale, or of the reference when the locale lacks it.
pub(crate) struct Localized {
    pub(crate) text: String,
    pub(crate) is_fallback: bool,
}

/// Formats from `primary`, falling back to `reference`; `None` if neither has it.
pub(crate) fn format_with_fallback(
    primary: &Bundle,
    reference: &Bundle,
    id: &str,
    attr: Option<&str>,
    args: Option<&FluentArgs>,
) -> Option<Localized> {
    if let Some(text) = format(primary, id, attr, args) {
        return Some(Localized {
            text,
            is_fallback: false,
        });
    }
    format(reference, id, attr, args).map(|text| Localized {
        text,
        is_fallback: true,
    })
}
