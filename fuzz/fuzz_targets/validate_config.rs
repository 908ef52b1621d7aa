//! `validate --config`: any bytes as the project configuration (l10n.toml
//! or i18n.toml), over a fixed tree: patterns, `re:` keys, includes (of
//! itself too) and cargo-i18n subcrates must end in a report or an error,
//! never a panic or a hang.
#![no_main]

#[allow(dead_code)] // the in-memory trees are for the other targets
#[path = "common.rs"]
mod common;

use std::path::PathBuf;
use std::sync::OnceLock;

use clap::Parser;
use libfuzzer_sys::fuzz_target;
use statusdb::cli::Cli;

/// A project folder with the mini fixture's en and ru, made once.
fn project() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("statusdb-fuzz-config-{}", std::process::id()));
        for (tag, name, text) in [
            ("en", "codes.ftl", common::EN_CODES),
            ("en", "ui.ftl", common::EN_UI),
            ("ru", "ui.ftl", common::RU_UI),
        ] {
            std::fs::create_dir_all(dir.join(tag)).unwrap();
            std::fs::write(dir.join(tag).join(name), text).unwrap();
        }
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let dir = project();
    let config = dir.join("l10n.toml");
    std::fs::write(&config, data).unwrap();
    let args = ["statusdb", "validate", "--format", "json", "--config"];
    let Ok(cli) = Cli::try_parse_from(args.iter().map(|a| a.into()).chain([config.into_os_string()])) else {
        return;
    };
    let _ = statusdb::cmd::run(cli);
});
