//! `statusdb export-json`: the content as JSON files for static sites, one
//! per locale plus an index, deterministic, in the documented shape.

mod common;

use common::{fixture, statusdb_in, temp};
use serde_json::Value;
use snapbox::str;

fn read(path: &std::path::Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn an_empty_folder_gets_every_locale_of_the_built_in_content() {
    let empty = temp();
    statusdb_in(empty.path())
        .arg("export-json")
        .assert()
        .success()
        .stderr_eq(str![[r#"
note: no locales/ or data/ here; using the content built into statusdb [..]
Wrote index.json, en.json, ru.json to statusdb-json

"#]]);
    let dir = empty.path().join("statusdb-json");
    let index = read(&dir.join("index.json"));
    assert_eq!(index["schema_version"], 1);
    assert_eq!(index["reference_locale"], "en");
    assert_eq!(index["locales"][1]["tag"], "ru");
    assert_eq!(index["locales"][1]["file"], "ru.json");
    let ru = read(&dir.join("ru.json"));
    assert_eq!(ru["schema_version"], 1);
    assert_eq!(ru["locale"], "ru");
    assert_eq!(ru["completeness"]["percent"], 100.0);
    assert_eq!(ru["ui"]["heading-description"]["value"], "Описание");
    let codes = ru["codes"].as_array().unwrap();
    let forbidden = codes.iter().find(|c| c["code"] == 403).unwrap();
    assert_eq!(forbidden["name"], "Доступ запрещён");
    assert_eq!(forbidden["label"], "403 Forbidden");
    assert_eq!(forbidden["class"], "4xx");
    assert!(forbidden["how_to_fix"].as_str().unwrap().len() > 20);
    assert_eq!(forbidden["fallback_fields"], Value::Array(vec![]));
    let too_large = codes.iter().find(|c| c["code"] == 413).unwrap();
    assert!(
        too_large["aliases"]
            .as_array()
            .unwrap()
            .contains(&"Payload Too Large".into())
    );
    let notes = ru["notes"].as_array().unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n["code_low"] == 401 && n["code_high"] == 403)
    );
}

#[test]
fn the_same_sources_give_the_same_bytes_and_gaps_are_marked() {
    let root = fixture("mini");
    let run = |out: &str| {
        statusdb_in(root.path())
            .args(["export-json", "--out", out])
            .assert()
            .success()
            .stderr_eq(str![[r#"
Wrote index.json, en.json, ru.json to [..]

"#]]);
    };
    run("a");
    run("b/nested");
    for file in ["index.json", "en.json", "ru.json"] {
        let a = std::fs::read(root.path().join("a").join(file)).unwrap();
        let b = std::fs::read(root.path().join("b/nested").join(file)).unwrap();
        assert!(a == b, "{file} differs between runs");
    }
    let ru = read(&root.path().join("a/ru.json"));
    assert!(ru["completeness"]["missing"].as_u64().unwrap() > 0);
    let partial = ru["codes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| !c["fallback_fields"].as_array().unwrap().is_empty());
    assert!(partial, "the mini fixture's ru lacks some text");
}
