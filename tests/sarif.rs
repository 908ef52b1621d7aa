//! `statusdb validate --format sarif`: SARIF 2.1.0 for code scanning. The
//! structure is asserted here; `.ci/sarif.sh` validates the same output
//! against the official OASIS schema.

mod common;

use common::{repo, statusdb};
use serde_json::Value;
use snapbox::IntoData;

fn sarif(dir: &str, args: &[&str]) -> (Value, i32) {
    sarif_in(&repo().join(dir), args)
}

/// The SARIF log of `validate` run in `dir`, and its exit code.
fn sarif_in(dir: &std::path::Path, args: &[&str]) -> (Value, i32) {
    let out = statusdb()
        .current_dir(dir)
        .args(["validate", "--format", "sarif"])
        .args(args)
        .output()
        .unwrap();
    let log = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    (log, out.status.code().unwrap_or(-1))
}

#[test]
fn the_driver_names_statusdb_and_lists_every_rule_of_the_readme() {
    let (log, code) = sarif("tests/fixtures/project", &["--config", "l10n.toml"]);
    assert_eq!(code, 1);
    assert_eq!(log["version"], "2.1.0");
    let driver = &log["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "statusdb");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let table: Vec<String> = readme
        .lines()
        .skip_while(|l| *l != "| rule | severity | build | finding |")
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|row| {
            let cells: Vec<&str> = row.split(" | ").collect();
            format!("{} {}", cells[0].trim_matches(['|', ' ', '`']), cells[1])
        })
        .collect();
    let rules: Vec<String> = driver["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            assert!(
                r["shortDescription"]["text"]
                    .as_str()
                    .is_some_and(|t| !t.is_empty())
            );
            format!(
                "{} {}",
                r["id"].as_str().unwrap(),
                r["defaultConfiguration"]["level"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(rules, table);
}

#[test]
fn results_point_at_files_relative_to_the_working_folder() {
    let (log, code) = sarif(
        "tests/fixtures/project",
        &[
            "--config",
            "l10n.toml",
            "--missing",
            "ignore",
            "--min-percent",
            "50",
            ".",
            "de",
        ],
    );
    assert_eq!(code, 1);
    let run = &log["runs"][0];
    let shown = serde_json::to_string_pretty(&serde_json::json!({
        "invocations": run["invocations"],
        "results": run["results"],
    }))
    .unwrap();
    // Raw: snapbox would otherwise read the `\n` in a message as a path.
    snapbox::assert_data_eq!(
        shown,
        snapbox::str![[r#"
{
  "invocations": [
    {
      "executionSuccessful": false,
      "toolExecutionNotifications": [
        {
          "level": "error",
          "message": {
            "text": "de is 33.3% translated, below --min-percent 50"
          }
        }
      ]
    }
  ],
  "results": [
    {
      "level": "warning",
      "locations": [
        {
          "physicalLocation": {
            "artifactLocation": {
              "uri": "de/main.ftl"
            },
            "region": {
              "startColumn": 1,
              "startLine": 2
            }
          }
        }
      ],
      "message": {
        "text": "`stale` is not in the reference\ndelete it, or add it to the reference first"
      },
      "partialFingerprints": {
        "statusdbFinding/v1": "7fdcaa57234c92319400e0522accefe4f716a788aac5e6ec87b266ef42a20199"
      },
      "properties": {
        "locale": "de"
      },
      "ruleId": "obsolete-entry",
      "ruleIndex": 20
    }
  ]
}
"#]]
        .raw()
    );
}

#[test]
fn every_result_names_its_rule_by_id_and_index() {
    let (log, code) = sarif(".", &["--locales", "tests/fixtures/defects"]);
    assert_eq!(code, 1);
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert!(results.len() > 10, "the defects fixture has many findings");
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"], "{r}");
        assert!(["error", "warning"].contains(&r["level"].as_str().unwrap()));
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str();
        assert!(
            uri.is_some_and(|u| u.starts_with("tests/fixtures/defects/")),
            "{r}"
        );
    }
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
}

/// Code scanning rejects a log with a result that has no location: the
/// findings on statusdb's own content point at the file to fix too, the
/// facts row or the reference entry where there is one.
#[test]
fn own_content_findings_point_at_the_file_to_fix() {
    let root = common::fixture("mini");
    let path = |rel: &str| root.path().join(rel);
    let append = |rel: &str, text: &str| {
        let old = std::fs::read_to_string(path(rel)).unwrap();
        std::fs::write(path(rel), old + text).unwrap();
    };
    let edit = |rel: &str, from: &str, to: &str| {
        let old = std::fs::read_to_string(path(rel)).unwrap();
        assert!(old.contains(from), "{rel}: {from}");
        std::fs::write(path(rel), old.replacen(from, to, 1)).unwrap();
    };
    append("data/locales.csv", "de,German,Deutsch,no\n");
    std::fs::create_dir(path("locales/fr")).unwrap();
    edit(
        "locales/en/ui.ftl",
        "heading-description = Description\n",
        "",
    );
    edit("locales/en/codes.ftl", "code-200 = OK\n", "code-299 = OK\n");
    edit(
        "locales/en/codes.ftl",
        "    .use-when = Send it when nothing lives at the URL.\n",
        "",
    );
    let (log, _) = sarif_in(root.path(), &["--locales", "locales", "--data", "data"]);
    let mut located = Vec::new();
    for result in log["runs"][0]["results"].as_array().unwrap() {
        let at = &result["locations"][0]["physicalLocation"];
        let uri = at["artifactLocation"]["uri"].as_str();
        let line = at["region"]["startLine"].as_u64();
        assert!(uri.is_some() && line.is_some_and(|l| l >= 1), "{result:#}");
        located.push(format!(
            "{} {}:{}",
            result["ruleId"].as_str().unwrap(),
            uri.unwrap(),
            line.unwrap()
        ));
    }
    located.sort();
    located.dedup();
    let own = [
        "missing-code-text",
        "missing-ui-text",
        "unknown-locale",
        "missing-locale",
    ];
    located.retain(|l| own.iter().any(|rule| l.starts_with(&format!("{rule} "))));
    assert_eq!(
        located,
        [
            "missing-code-text data/status-codes.csv:2",
            "missing-code-text locales/en/codes.ftl:10",
            "missing-locale data/locales.csv:4",
            "missing-ui-text locales/en/ui.ftl:1",
            "unknown-locale data/locales.csv:1",
        ]
    );
}

/// A glitch that only shows on rendered pages points at the template that
/// joins the texts.
#[test]
fn page_findings_point_at_their_template() {
    // statusdb's own tree has no errors, so its pages are rendered and linted.
    let root = common::temp();
    for dir in ["locales", "data"] {
        common::copy_tree(&common::repo().join(dir), &root.path().join(dir));
    }
    let ui = root.path().join("locales/en/ui.ftl");
    let text = std::fs::read_to_string(&ui).unwrap();
    let title = text
        .lines()
        .position(|l| l.starts_with("pair-title ="))
        .unwrap();
    let old = text.lines().nth(title).unwrap();
    std::fs::write(
        &ui,
        text.replacen(old, "pair-title = HTTP { $a } Found { $b }", 1),
    )
    .unwrap();
    let (log, _) = sarif_in(root.path(), &["--locales", "locales", "--data", "data"]);
    let pages: Vec<String> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| {
            r["message"]["text"]
                .as_str()
                .unwrap()
                .contains(" page reads ")
        })
        .map(|r| {
            let at = &r["locations"][0]["physicalLocation"];
            format!(
                "{} {}",
                at["artifactLocation"]["uri"], at["region"]["startLine"]
            )
        })
        .collect();
    assert!(!pages.is_empty(), "{log:#}");
    let expected = format!("\"locales/en/ui.ftl\" {}", title + 1);
    assert!(pages.iter().all(|p| *p == expected), "{pages:?}");
}
