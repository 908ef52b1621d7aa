//! Fluent bundles per locale, and formatting one string with a fallback.

use std::borrow::Cow;

use fluent_bundle::FluentArgs;

pub(crate) use crate::source::Bundle;

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
