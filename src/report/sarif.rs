//! SARIF 2.1.0: findings for code-scanning tools (GitHub code scanning shows
//! them as alerts and tracks each across commits by its fingerprint).
//!
//! Our own serde structs for the small subset we write, not `serde-sarif`:
//! that crate generates 100+ types from the schema in a build script
//! (schemafy, syn, prettyplease) and adds typed-builder and strum, for what
//! is ten structs here. CI validates this output against the official OASIS
//! schema (`.ci/sarif.sh`), so the subset cannot drift from it unseen.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::baseline;
use crate::check::{Diagnostic, Rule, Severity};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

#[derive(Serialize)]
struct Run {
    tool: Tool,
    invocations: [Invocation; 1],
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    information_uri: &'static str,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    short_description: Message,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

/// How the run went: notes such as a locale below `--min-percent` fail it
/// without being a finding in a file.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Message,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Properties>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
}

#[derive(Serialize)]
struct Properties {
    locale: String,
}

/// The SARIF log of a run: every rule, every finding with paths relative to
/// `base` (the checkout, where code scanning resolves them), and `notes`
/// (thresholds missed) as error notifications of a failed invocation.
pub(crate) fn sarif(diagnostics: &[Diagnostic], notes: &[String], base: &Path) -> String {
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: env!("CARGO_PKG_NAME"),
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: env!("CARGO_PKG_REPOSITORY"),
                    rules: Rule::ALL.iter().map(|&r| descriptor(r)).collect(),
                },
            },
            invocations: [Invocation {
                execution_successful: notes.is_empty(),
                tool_execution_notifications: notes
                    .iter()
                    .map(|n| Notification {
                        level: "error",
                        message: Message { text: n.clone() },
                    })
                    .collect(),
            }],
            results: diagnostics.iter().map(|d| result(d, base)).collect(),
        }],
    };
    // Plain structs of strings and numbers: serializing cannot fail.
    serde_json::to_string_pretty(&log).unwrap_or_default() + "\n"
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn descriptor(rule: Rule) -> RuleDescriptor {
    RuleDescriptor {
        id: rule.name(),
        short_description: Message {
            text: rule.description().to_string(),
        },
        default_configuration: Configuration {
            level: level(rule.default_severity()),
        },
    }
}

fn result(d: &Diagnostic, base: &Path) -> SarifResult {
    let text = match &d.help {
        Some(help) => format!("{}\n{help}", d.message),
        None => d.message.clone(),
    };
    let locations = d.file.iter().map(|file| Location {
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: uri(&super::relative(file, base)),
            },
            // A finding about a whole file (a missing one, a locale the
            // data lacks) is shown on its first line: code scanning
            // places every alert on a line.
            region: Region {
                start_line: d.line.max(1),
                start_column: d.column.max(1),
            },
        },
    });
    // The baseline's identity (rule, locale, message), not the line: an
    // alert stays the same alert when edits above it move it.
    let identity = Sha256::digest(baseline::fingerprint(d).as_bytes());
    let hex = identity.iter().map(|b| format!("{b:02x}")).collect();
    SarifResult {
        rule_id: d.rule.name(),
        // `Rule::ALL` lists the rules in declaration order.
        rule_index: d.rule as usize,
        level: level(d.severity),
        message: Message { text },
        locations: locations.collect(),
        partial_fingerprints: BTreeMap::from([("statusdbFinding/v1", hex)]),
        properties: d.locale.clone().map(|locale| Properties { locale }),
    }
}

/// A relative path as a URI reference: `/` separated, and every byte that
/// is not unreserved or a separator percent-encoded (a space, `#`, `%`…).
fn uri(path: &str) -> String {
    path.replace('\\', "/")
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("de/main.ftl"), "de/main.ftl");
        assert_eq!(uri("my l10n/#1/é.ftl"), "my%20l10n/%231/%C3%A9.ftl");
        assert_eq!(uri(r"de\main.ftl"), "de/main.ftl");
    }

    #[test]
    fn a_finding_keeps_its_fingerprint_when_its_line_moves() {
        let mut d =
            Diagnostic::new(Rule::ObsoleteEntry, "`a` is not in the reference").locale("de");
        d.file = Some("/ws/de/main.ftl".into());
        d.line = 2;
        let before = result(&d, Path::new("/ws")).partial_fingerprints;
        d.line = 40;
        assert_eq!(result(&d, Path::new("/ws")).partial_fingerprints, before);
    }
}
