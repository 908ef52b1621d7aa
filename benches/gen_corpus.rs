//! Writes a synthetic Fluent tree with defects at known rates.
//!
//!     cargo run --release --example gen_corpus -- --messages 100000 --locales ru,de,fr --out /tmp/corpus
//!
//! `--clean` writes no defects, so that `statusdb build` accepts the tree.
//! Prints, per locale, how many messages it left missing, broke, stripped of
//! a variable or added as obsolete: the counts a checker should report.

#[path = "corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!(
                "error: {why}\nusage: gen_corpus [--messages N] [--locales ru,de,fr] [--seed N] [--clean] --out DIR"
            );
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut spec = corpus::Spec {
        messages: 1000,
        locales: vec!["ru".into(), "de".into(), "fr".into()],
        seed: 1,
        defects: true,
    };
    let mut out: Option<PathBuf> = None;
    let mut args = args.into_iter();
    while let Some(flag) = args.next() {
        if flag == "--clean" {
            spec.defects = false;
            continue;
        }
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--messages" => {
                spec.messages = value
                    .parse()
                    .map_err(|_| format!("--messages: `{value}` is not a number"))?
            }
            "--seed" => {
                spec.seed = value
                    .parse()
                    .map_err(|_| format!("--seed: `{value}` is not a number"))?
            }
            "--locales" => spec.locales = value.split(',').map(String::from).collect(),
            "--out" => out = Some(value.into()),
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    let out = out.ok_or("--out is required")?;
    let written = corpus::generate(&out, &spec)
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!("locale\tmissing\tsyntax\tdropped\tobsolete\tbytes");
    for w in written {
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}",
            w.locale, w.missing, w.syntax_errors, w.dropped_variables, w.obsolete, w.bytes
        );
    }
    Ok(())
}
