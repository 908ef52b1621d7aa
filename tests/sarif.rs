//! `statusdb validate --format sarif`: SARIF 2.1.0 for code scanning. The
//! structure is asserted here; `.ci/sarif.sh` validates the same output
//! against the official OASIS schema.

mod common;

use common::{repo, statusdb};
use serde_json::Value;
use snapbox::IntoData;

fn sarif(dir: &str, args: &[&str]) -> (Value, i32) {
    let out = statusdb()
        .current_dir(repo().join(dir))
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
