//! Diagnostics as text: compiler-style, grouped by locale and file.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::check::{Diagnostic, Severity};

/// Renders sorted diagnostics, with a heading before each locale's group.
pub(crate) fn render(diagnostics: &[Diagnostic], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    let mut current: Option<&Option<String>> = None;
    for d in diagnostics {
        if current != Some(&d.locale) {
            current = Some(&d.locale);
            let name = d.locale.as_deref().unwrap_or("all locales");
            out.push_str(&format!("── {name} ──\n"));
        }
        out.push_str(&renderer.render(&[group(d)]));
        out.push_str("\n\n");
    }
    out
}

fn group(d: &Diagnostic) -> Group<'_> {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level.primary_title(d.message.as_str()).id(d.rule.name());
    let group = match (&d.snippet, &d.file) {
        (Some(snippet), Some(file)) => title.element(
            Snippet::source(snippet.text.as_str())
                .line_start(d.line)
                .path(file.as_str())
                .annotation(AnnotationKind::Primary.span(snippet.span.clone())),
        ),
        (None, Some(file)) if d.line > 0 => title.element(
            Origin::path(file.as_str())
                .line(d.line)
                .char_column(d.column),
        ),
        (None, Some(file)) => title.element(Origin::path(file.as_str())),
        _ => Group::with_title(title),
    };
    match &d.help {
        Some(help) => group.element(Level::HELP.message(help.as_str())),
        None => group,
    }
}
