//! The per-locale summary table and the JSON report.

use serde::Serialize;

use crate::check::{Diagnostic, LocaleSummary, Report, Severity};

/// The summary as an aligned table, one locale per row.
pub(crate) fn table(summaries: &[LocaleSummary]) -> String {
    let header = [
        "locale",
        "total",
        "translated",
        "missing",
        "obsolete",
        "errors",
        "warnings",
        "complete",
    ];
    let rows: Vec<Vec<String>> = summaries
        .iter()
        .map(|s| {
            vec![
                s.locale.clone(),
                s.total.to_string(),
                s.translated.to_string(),
                s.missing.to_string(),
                s.obsolete.to_string(),
                s.errors.to_string(),
                s.warnings.to_string(),
                format!("{:.1}%", s.percent),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([header[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: Vec<String>, note: &str| {
        let cells: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| match i {
                0 => format!("{c:<w$}", w = widths[i]),
                _ => format!("{c:>w$}", w = widths[i]),
            })
            .collect();
        format!("{}{note}\n", cells.join("  "))
            .trim_end()
            .to_string()
            + "\n"
    };
    let mut out = line(header.iter().map(|h| h.to_string()).collect(), "");
    for (s, row) in summaries.iter().zip(rows) {
        out.push_str(&line(
            row,
            if s.is_reference { "  (reference)" } else { "" },
        ));
    }
    out
}

/// The JSON report; its shape is documented in the README and versioned.
#[derive(Serialize)]
struct JsonReport<'a> {
    schema_version: u32,
    errors: usize,
    warnings: usize,
    summary: &'a [LocaleSummary],
    diagnostics: &'a [Diagnostic],
    /// Only with `--config`: files that are not Fluent, left unchecked.
    #[serde(skip_serializing_if = "is_zero")]
    skipped_files: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

pub(crate) fn json(report: &Report) -> String {
    let doc = JsonReport {
        schema_version: 1,
        errors: report.count(Severity::Error),
        warnings: report.count(Severity::Warning),
        summary: &report.summaries,
        diagnostics: &report.diagnostics,
        skipped_files: report.skipped_files,
    };
    serde_json::to_string_pretty(&doc).expect("the report serializes") + "\n"
}
