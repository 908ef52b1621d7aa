//! A pair page for the terminal, as Markdown, or as JSON.

use crate::db::query::{Difference, PairPage, Side};

/// Marks text that is shown in the reference language.
const FALLBACK: &str = "[untranslated] ";

/// The page as plain text; paragraphs are wrapped to `width` columns, keeping
/// their indentation, when it is given (a terminal), and never otherwise.
pub(crate) fn text(page: &PairPage, width: Option<usize>) -> String {
    let indent = |text: &str| fill(text, "    ", width);
    let title = format!("{}{}", top_marker(page, "headings"), page.title);
    let underline = "=".repeat(title.chars().count());
    let summary = format!("{}{}", top_marker(page, "headings"), page.summary);
    let summary = fill(&summary, "", width);
    let mut out = format!("{title}\n{underline}\n\n{summary}\n");
    for (key, side) in [("a", &page.a), ("b", &page.b)] {
        let f = |field: &str| marker(page, key, field);
        out.push_str(&format!("\n{}\n", heading(side, f("name"))));
        let summary = format!("{}{}", f("summary"), side.text.summary);
        out.push_str(&format!("{}\n", fill(&summary, "", width)));
        for (heading, field, text) in sections(page, side) {
            out.push_str(&format!(
                "\n  {heading}\n{}\n",
                indent(&format!("{}{text}", f(field)))
            ));
        }
    }
    out.push_str(&format!("\n{}\n", page.headings.key_differences));
    for d in &page.differences {
        out.push_str(&format!(
            "  {}\n    {}: {}\n    {}: {}\n",
            d.label, page.a.label, d.value_a, page.b.label, d.value_b
        ));
    }
    if let Some(note) = note(page) {
        out.push_str(&format!("\n{}\n", indent(&note)));
    }
    if let Some(shared) = shared(page) {
        out.push_str(&format!(
            "  {}{}\n",
            top_marker(page, "headings"),
            page.shared_text
        ));
        for d in shared {
            out.push_str(&format!("    {}: {}\n", d.label, d.value_a));
        }
    }
    out.push_str(&format!("\n{}\n", page.headings.use_when));
    for (key, side) in [("a", &page.a), ("b", &page.b)] {
        let text = format!(
            "{}: {}{}",
            side.label,
            marker(page, key, "use_when"),
            side.text.use_when
        );
        out.push_str(&format!("{}\n", indent(&text)));
    }
    out
}

pub(crate) fn markdown(page: &PairPage) -> String {
    let ui = top_marker(page, "headings");
    let mut out = format!("# {ui}{}\n\n{ui}{}\n", page.title, page.summary);
    for (key, side) in [("a", &page.a), ("b", &page.b)] {
        let f = |field: &str| marker(page, key, field);
        let title = heading(side, f("name"));
        out.push_str(&format!(
            "\n## {title}\n\n{}{}\n",
            f("summary"),
            side.text.summary
        ));
        for (heading, field, text) in sections(page, side) {
            out.push_str(&format!("\n### {heading}\n\n{}{text}\n", f(field)));
        }
    }
    out.push_str(&format!("\n## {}\n", page.headings.key_differences));
    if !page.differences.is_empty() {
        out.push_str(&format!(
            "\n| | {} | {} |\n|---|---|---|\n",
            page.a.label, page.b.label
        ));
        for d in &page.differences {
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                d.label, d.value_a, d.value_b
            ));
        }
    }
    if let Some(note) = note(page) {
        out.push_str(&format!("\n{note}\n"));
    }
    if let Some(shared) = shared(page) {
        let ui = top_marker(page, "headings");
        out.push_str(&format!("\n{ui}{}\n\n", page.shared_text));
        for d in shared {
            out.push_str(&format!("- **{}**: {}\n", d.label, d.value_a));
        }
    }
    out.push_str(&format!("\n## {}\n\n", page.headings.use_when));
    for (key, side) in [("a", &page.a), ("b", &page.b)] {
        out.push_str(&format!(
            "- **{}**: {}{}\n",
            side.label,
            marker(page, key, "use_when"),
            side.text.use_when
        ));
    }
    out
}

/// The JSON output; its schema is documented in the README.
pub(crate) fn json(page: &PairPage) -> String {
    #[derive(serde::Serialize)]
    struct Json<'a> {
        /// Bumped on any incompatible change.
        schema_version: u32,
        #[serde(flatten)]
        page: &'a PairPage,
    }
    let doc = Json {
        schema_version: 1,
        page,
    };
    serde_json::to_string_pretty(&doc).expect("a page serializes") + "\n"
}

/// The curated note, if the pair has one.
fn note(page: &PairPage) -> Option<String> {
    (!page.note.is_empty()).then(|| format!("{}{}", top_marker(page, "note"), page.note))
}

/// The aspects both codes share, shown only when nothing else would fill
/// "Key differences": no aspect differs and no note explains the pair.
/// The summaries are never repeated there; they are already on the page.
fn shared(page: &PairPage) -> Option<&[Difference]> {
    (page.differences.is_empty() && page.note.is_empty()).then_some(page.shared.as_slice())
}

/// `403 Forbidden — Доступ запрещён`, or just the label where the name is the reason phrase.
fn heading(side: &Side, marker: &str) -> String {
    if side.label.ends_with(&side.name) {
        side.label.clone()
    } else {
        format!("{} — {marker}{}", side.label, side.name)
    }
}

fn sections<'a>(page: &'a PairPage, side: &'a Side) -> [(&'a str, &'static str, &'a str); 3] {
    [
        (
            &page.headings.description,
            "description",
            &side.text.description,
        ),
        (&page.headings.seen_when, "seen_when", &side.text.seen_when),
        (
            &page.headings.how_to_fix,
            "how_to_fix",
            &side.text.how_to_fix,
        ),
    ]
}

fn marker(page: &PairPage, side: &str, field: &str) -> &'static str {
    top_marker(page, &format!("{side}.{field}"))
}

fn top_marker(page: &PairPage, field: &str) -> &'static str {
    if page.fallback_fields.iter().any(|f| f == field) {
        FALLBACK
    } else {
        ""
    }
}

/// Each line of `text` behind `indent`, wrapped to `width` when given.
fn fill(text: &str, indent: &str, width: Option<usize>) -> String {
    let lines = text.lines().map(|line| match width {
        Some(width) => {
            let options = textwrap::Options::new(width)
                .initial_indent(indent)
                .subsequent_indent(indent);
            textwrap::fill(line, options)
        }
        None => format!("{indent}{line}"),
    });
    lines.collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod wrap_tests {
    use super::fill;

    #[test]
    fn paragraphs_wrap_to_the_width_and_keep_their_indent() {
        let text =
            "Сервер понял запрос, но отказывается его выполнять, и повторная отправка не поможет.";
        let wrapped = fill(text, "    ", Some(40));
        assert!(wrapped.lines().count() > 2, "{wrapped}");
        for line in wrapped.lines() {
            assert!(
                line.starts_with("    ") && line.chars().count() <= 40,
                "{line}"
            );
        }
        assert_eq!(fill(text, "    ", None), format!("    {text}"));
    }
}
