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

// The allocator of the statusdb binary (src/main.rs), so that these figures
// are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
    if asked_for("check_over_parse") {
        check_over_parse();
    }
}

/// Whether `name` runs: no filter was given, or one matches it as divan's do.
fn asked_for(name: &str) -> bool {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()))
}

/// Every check together against reading and parsing the same files (issue
/// 15's target: at most 3x), medians of five runs of each, printed after
/// divan's table because divan reports times, not ratios.
fn check_over_parse() {
    println!("\ncheck_over_parse (checks / read and parse, median of 5; target at most 3x)");
    for messages in SIZES {
        let root = corpus(messages, true);
        let parse = median(|| drop(load(&root)));
        let tree = load(&root);
        let check = median(|| drop(validate_tree(&tree)));
        let ratio = check.as_secs_f64() / parse.as_secs_f64();
        println!("  {messages:>7} x 4: parse {parse:>10.2?}, checks {check:>10.2?}, {ratio:.1}x");
    }
}

fn median(mut run: impl FnMut()) -> std::time::Duration {
    let mut times: Vec<_> = (0..5)
        .map(|_| {
            let started = std::time::Instant::now();
            run();
            started.elapsed()
        })
        .collect();
    times.sort();
    times[2]
}

fn validate_tree(tree: &tree::LocaleTree) -> check::Report {
    let options = Options {
        reference: "en",
        facts: None,
        lint: true,
        scope: None,
    };
    check::check(tree, &options).expect("the reference exists")
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
    bencher.bench(|| validate_tree(&tree));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn build(bencher: Bencher, messages: usize) {
    let root = corpus(messages, false);
    let out = std::env::temp_dir().join(format!("statusdb-bench-{messages}.sqlite"));
    bencher.bench(|| {
        let (sources, report) = statusdb::pipeline::load(
            &statusdb::source::Origins::resolve(
                Some(&root.join("locales")),
                Some(&root.join("data")),
            ),
            &|_, _| {},
        )
        .expect("loads and checks");
        let rendered = sources.render(&report, "bench").expect("renders");
        statusdb::db::write_file(&out, &sources.facts, &rendered, &sources.fingerprint)
            .expect("writes");
    });
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn export_csv(bencher: Bencher, messages: usize) {
    let tree = load(&corpus(messages, true));
    let (en, ru) = (
        tree.locale("en").expect("en"),
        tree.locale("ru").expect("ru"),
    );
    bencher.bench(|| csvfile::write(&export::units(en, ru), false));
}

/// A database with every code the schema allows (100-599: 500 codes) in 10
/// locales, filled with synthetic rows; built afresh for each run, so that
/// it always has the current schema (a copy kept between runs outlived a
/// migration once).
fn lookup_db() -> (tempfile::TempDir, rusqlite::Connection) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("lookup.sqlite");
    let mut conn = rusqlite::Connection::open(&path).expect("opens");
    statusdb::db::migrations::migrate(&mut conn, &path).expect("migrates");
    fill_lookup_db(&mut conn);
    (dir, conn)
}

fn fill_lookup_db(conn: &mut rusqlite::Connection) {
    use rusqlite::params;
    let tx = conn.transaction().expect("begins");
    for code in 100..600 {
        let class = format!("{}xx", code / 100);
        let sql = "INSERT INTO status_codes (code, class, reason_phrase, label, registry_status, vendor, reference, cacheable, typical_headers, action_by) VALUES (?1, ?2, 'Reason', ?1 || ' Reason', 'standard', '', 'RFC', 0, '', 'client')";
        tx.execute(sql, params![code, class]).expect("inserts");
    }
    for n in 0..10 {
        let tag = format!("x{n}-X{n}");
        tx.execute(
            "INSERT INTO locales (tag, name, native_name, is_reference) VALUES (?1, ?1, ?1, ?2)",
            params![tag, n == 0],
        )
        .expect("inserts");
        for key in statusdb::model::ui_keys() {
            let sql =
                "INSERT INTO ui_text (locale, key, value, is_fallback) VALUES (?1, ?2, ?3, 0)";
            tx.execute(sql, params![tag, key, format!("{key} text")])
                .expect("inserts");
        }
        for code in 100..600 {
            let sql = "INSERT INTO code_text (locale, code, name, summary, description, seen_when, how_to_fix, use_when, fallback_fields, missing_fields) VALUES (?1, ?2, ?3, ?3, ?3, ?3, ?3, ?3, '', '')";
            tx.execute(sql, params![tag, code, format!("Text of {code} in {tag}.")])
                .expect("inserts");
        }
    }
    tx.commit().expect("commits");
}

/// One `pair_comparison` row and its `pair_differences`, as an app asks for them.
#[divan::bench(sample_count = 1000)]
fn pair_lookup(bencher: Bencher) {
    let (_dir, conn) = lookup_db();
    let mut pair = conn
        .prepare("SELECT * FROM pair_comparison WHERE locale = ?1 AND code_a = ?2 AND code_b = ?3")
        .expect("prepares");
    let mut n = 0u32;
    bencher.bench_local(|| {
        n = n.wrapping_add(7919);
        let (a, b) = (100 + n % 500, 100 + (n / 500 + 1 + n % 500) % 500);
        let b = if a == b { 100 + (b + 1 - 100) % 500 } else { b };
        let locale = format!("x{}-X{}", n % 10, n % 10);
        let found = pair
            .query_row(rusqlite::params![locale, a, b], |r| r.get::<_, String>(3))
            .expect("the pair exists");
        divan::black_box(found)
    });
}
