//! Markup in translatable text: the tags a string carries, and its prose
//! without them.

use std::borrow::Cow;

/// `text` with every markup tag (`<a href="…" { $attrs }>`, `</a>`) replaced
/// by a space, so a tag name is never read as a word of the sentence. Most
/// text has no `<`: it is borrowed, not copied.
pub(crate) fn without_markup(text: &str) -> Cow<'_, str> {
    if !text.contains('<') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        let after = &rest[i + 1..];
        let name = after.trim_start_matches('/');
        let end = after.find('>');
        match end {
            Some(end) if name.starts_with(|c: char| c.is_ascii_alphabetic()) => {
                out.push_str(&rest[..i]);
                out.push(' ');
                rest = &after[end + 1..];
            }
            _ => {
                out.push_str(&rest[..=i]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Markup tags in order of appearance, e.g. `["b", "/b"]`.
pub(crate) fn markup_tags(text: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect();
        let closes = rest[name.len()..].find('>').is_some();
        if closes && is_html_element(name.trim_start_matches('/')) {
            tags.push(name.to_lowercase());
        }
    }
    tags
}

/// HTML elements that UI strings carry. Other `<words>` are text a
/// translator translates (Anki's `<ignored>`), not markup.
fn is_html_element(name: &str) -> bool {
    const ELEMENTS: &[&str] = &[
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "big",
        "blockquote",
        "br",
        "button",
        "code",
        "dd",
        "del",
        "div",
        "dl",
        "dt",
        "em",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "input",
        "ins",
        "kbd",
        "label",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "table",
        "td",
        "th",
        "tr",
        "u",
        "ul",
        "var",
    ];
    ELEMENTS.contains(&name.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::lint::doubled_words;

    fn doubled_word(text: &str) -> Option<String> {
        doubled_words(text).into_iter().next().map(|d| d.words)
    }

    #[test]
    fn markup_with_placeables_inside_its_tag_is_not_text() {
        let hu = "keresse fel a <a href=\"\u{fffc}\" \u{fffc}>Támogatást</a>.";
        assert_eq!(doubled_word(&without_markup(hu)), None);
        assert_eq!(without_markup("1 < 2 and <b>x</b>"), "1 < 2 and  x ");
        assert_eq!(
            doubled_word(&without_markup("a <b>a</b>")).as_deref(),
            Some("a a")
        );
    }

    #[test]
    fn markup_tags_are_listed_in_order() {
        assert_eq!(markup_tags("a <b>bold</b> and 1 < 2"), ["b", "/b"]);
        assert_eq!(markup_tags("Skipped <ignored> notes"), Vec::<String>::new());
    }
}
