//! `cargo bench`: parse, validate, build and export on generated trees of
//! 1k, 10k and 100k messages in each of 4 locales (en, ru, de, fr).
//! Trees are generated once into the system's temporary folder and reused.

#[allow(dead_code)] // the generator's counts are for gen_corpus and the tests
#[path = "corpus.rs"]
mod corpus;

use std::path::{Path, PathBuf};

use divan::Bencher;
use statusdb::check::{self, Options};
use statusdb::source::tree;
use statusdb::transfer::{csvfile, export};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn main() {
    divan::main();
}

/// The tree for `messages`, generated on first use.
fn corpus(messages: usize, defects: bool) -> PathBuf {
    let kind = if defects { "defects" } else { "clean" };
    let root = std::env::temp_dir().join(format!("statusdb-bench-{messages}-{kind}"));
    if !root.join("data").exists() {
        let spec = corpus::Spec {
            messages,
            locales: vec!["ru".into(), "de".into(), "fr".into()],
            seed: 1,
            defects,
        };
        corpus::generate(&root, &spec).expect("the corpus is written");
    }
    root
}

fn load(root: &Path) -> tree::LocaleTree {
    tree::load(&root.join("locales"), &[]).expect("the corpus loads")
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn parse(bencher: Bencher, messages: usize) {
    let root = corpus(messages, true);
    bencher.bench(|| load(&root));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn validate(bencher: Bencher, messages: usize) {
    let tree = load(&corpus(messages, true));
    bencher.bench(|| {
        check::check(
            &tree,
            &Options {
                reference: "en",
                facts: None,
            },
        )
        .expect("the reference exists")
    });
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn build(bencher: Bencher, messages: usize) {
    let root = corpus(messages, false);
    let out = std::env::temp_dir().join(format!("statusdb-bench-{messages}.sqlite"));
    bencher.bench(|| {
        let sources =
            statusdb::pipeline::load(&root.join("locales"), &root.join("data"), &|_, _| {})
                .expect("loads");
        let report = sources.check().expect("checks");
        let rendered = sources.render(&report, "bench").expect("renders");
        statusdb::db::write_file(&out, &sources.facts, &rendered).expect("writes");
    });
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn export_csv(bencher: Bencher, messages: usize) {
    let tree = load(&corpus(messages, true));
    let (en, ru) = (
        tree.locale("en").expect("en"),
        tree.locale("ru").expect("ru"),
    );
    bencher.bench(|| csvfile::write(&export::rows(en, ru), false));
}
