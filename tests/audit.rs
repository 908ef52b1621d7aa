//! The findings audit (`docs/validate-audit.md`) as a test: `validate` on
//! each real tree of `../shared/corpora`, with its project's configuration,
//! must make exactly the findings the audit classified, rule by rule.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{repo, statusdb, temp};

/// (tree, rule, severity) → count, from the rows of the audit's findings
/// table (the ones with a severity; the precision table has none).
fn audited() -> BTreeMap<(String, String, String), u64> {
    let doc = std::fs::read_to_string(repo().join("docs/validate-audit.md")).unwrap();
    doc.lines()
        .filter(|l| l.starts_with("| "))
        .map(|l| l.split('|').map(str::trim).collect::<Vec<&str>>())
        .filter(|cells| cells.len() > 4 && ["error", "warning"].contains(&cells[3]))
        .map(|cells| {
            let key = (cells[1].into(), cells[2].into(), cells[3].into());
            (key, cells[4].parse().unwrap())
        })
        .collect()
}

fn findings(tree: &str, args: &[&std::ffi::OsStr]) -> BTreeMap<(String, String, String), u64> {
    let out = statusdb()
        .args(["validate", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code().unwrap_or(2) < 2,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut counts = BTreeMap::new();
    for d in doc["diagnostics"].as_array().unwrap() {
        let s = |k: &str| d[k].as_str().unwrap().to_string();
        *counts
            .entry((tree.to_string(), s("rule"), s("severity")))
            .or_default() += 1;
    }
    counts
}

fn folders(dir: &Path, except: &str) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() && p.file_name().unwrap() != except)
        .map(|p| p.file_name().unwrap().into())
        .collect();
    names.sort();
    names
}

#[test]
fn real_trees_make_exactly_the_audited_findings() {
    let corpora = repo().join("../shared/corpora");
    if !corpora.is_dir() {
        eprintln!("skipped: {} is absent", corpora.display());
        return;
    }
    let mut found = BTreeMap::new();
    let relay = corpora.join("fx-private-relay-l10n");
    found.extend(findings(
        "fx-private-relay-l10n",
        &["--config".as_ref(), relay.join("l10n.toml").as_os_str()],
    ));
    let anki = corpora.join("anki-core-i18n");
    let config = anki.join("l10n.toml");
    let mut args = vec!["--config".as_ref(), config.as_os_str(), anki.as_os_str()];
    let locales = folders(&anki.join("core"), "templates");
    args.extend(locales.iter().map(|l| l.as_os_str()));
    found.extend(findings("anki-core-i18n", &args));
    // cosmic-files has no compare-locales config: the minimal equivalent.
    let cosmic = corpora.join("cosmic-files/i18n");
    let dir = temp();
    let config = dir.path().join("l10n.toml");
    let text = format!(
        "basepath = {:?}\n[[paths]]\nreference = \"en/**\"\nl10n = \"{{locale}}/**\"\n",
        cosmic.canonicalize().unwrap()
    );
    std::fs::write(&config, text).unwrap();
    let locales = folders(&cosmic, "en");
    let mut args = vec!["--config".as_ref(), config.as_os_str()];
    args.extend(locales.iter().map(|l| l.as_os_str()));
    found.extend(findings("cosmic-files", &args));
    assert_eq!(
        found,
        audited(),
        "findings differ from docs/validate-audit.md"
    );
}
