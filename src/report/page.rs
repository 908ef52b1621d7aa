//! A pair page for the terminal, as Markdown, or as JSON.

use crate::db::query::{Difference, PairPage, Side};

/// Marks text that is shown in the reference language.
const FALLBACK: &str = "[untranslated] ";

pub(crate) fn text(page: &PairPage) -> String {
    let title = format!("{}{}", top_marker(page, "headings"), page.title);
    let underline = "=".repeat(title.chars().count());
    let summary = format!("{}{}", top_marker(page, "headings"), page.summary);
    let mut out = format!("{title}\n{underline}\n\n{summary}\n");
    for (key, side) in [("a", &page.a), ("b", &page.b)] {
        let f = |field: &str| marker(page, key, field);
        out.push_str(&format!("\n{}\n", heading(side, f("name"))));
        out.push_str(&format!("{}{}\n", f("summary"), side.text.summary));
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

pub(crate) fn json(page: &PairPage) -> String {
    serde_json::to_string_pretty(page).expect("a page serializes") + "\n"
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

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
