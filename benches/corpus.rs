//! A deterministic generator of synthetic Fluent trees with defects at known
//! rates, shared by `cargo run --example gen_corpus` and the benchmarks.

use std::fmt::Write as _;
use std::path::Path;

/// What to generate.
pub struct Spec {
    pub messages: usize,
    pub locales: Vec<String>,
    pub seed: u64,
    /// Off for a clean tree that builds (the build benchmarks).
    pub defects: bool,
}

/// Defect rates per translated message.
pub const MISSING: f64 = 0.05;
pub const SYNTAX: f64 = 0.01;
pub const DROPPED_VARIABLE: f64 = 0.02;
pub const OBSOLETE: f64 = 0.03;
const PER_FILE: usize = 500;

/// What was written for one locale: the counts a checker should report.
#[derive(Debug, Default)]
pub struct Written {
    pub locale: String,
    pub missing: usize,
    pub syntax_errors: usize,
    pub dropped_variables: usize,
    pub obsolete: usize,
    pub bytes: usize,
}

/// SplitMix64: a few lines, fully deterministic, good enough for sampling.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// statusdb's own facts, so that `statusdb build` runs on a generated tree.
const CODES: &str = include_str!("../data/status-codes.csv");
const UI: &str = include_str!("../locales/en/ui.ftl");

/// Writes `root/locales/<tag>/file-N.ftl` with the generated messages, plus
/// `ui.ftl` and `codes.ftl` (complete, for every code) in each locale and a
/// matching `root/data/`, for `en` and every locale of `spec`.
pub fn generate(root: &Path, spec: &Spec) -> std::io::Result<Vec<Written>> {
    let locales = root.join("locales");
    let files = spec.messages.div_ceil(PER_FILE).max(1);
    let mut written = vec![write_locale(&locales, "en", spec, files, None)?];
    for (n, tag) in spec.locales.iter().enumerate() {
        let mut rng = Rng(spec.seed ^ (n as u64 + 1).wrapping_mul(0xA24B_AED4_963E_E407));
        written.push(write_locale(&locales, tag, spec, files, Some(&mut rng))?);
    }
    write_data(root, spec)?;
    Ok(written)
}

fn write_data(root: &Path, spec: &Spec) -> std::io::Result<()> {
    let data = root.join("data");
    std::fs::create_dir_all(&data)?;
    std::fs::write(data.join("status-codes.csv"), CODES)?;
    std::fs::write(data.join("aliases.csv"), "code,alias\n")?;
    let mut locales = String::from("tag,name,native_name,is_reference\nen,English,English,yes\n");
    for tag in &spec.locales {
        let _ = writeln!(locales, "{tag},{tag},{tag},no");
    }
    std::fs::write(data.join("locales.csv"), locales)
}

/// `ui.ftl` (the reference's, in every locale) and a complete `codes.ftl`.
fn write_content(dir: &Path, tag: &str) -> std::io::Result<usize> {
    let mut codes = String::new();
    for code in CODES.lines().skip(1).filter_map(|l| l.split(',').next()) {
        let _ = writeln!(codes, "code-{code} = {}", words(tag, 0));
        for attr in [
            "summary",
            "description",
            "seen-when",
            "how-to-fix",
            "use-when",
        ] {
            let _ = writeln!(codes, "    .{attr} = {}", words(tag, code.len()));
        }
        codes.push('\n');
    }
    std::fs::write(dir.join("ui.ftl"), UI)?;
    std::fs::write(dir.join("codes.ftl"), &codes)?;
    Ok(UI.len() + codes.len())
}

fn write_locale(
    root: &Path,
    tag: &str,
    spec: &Spec,
    files: usize,
    mut rng: Option<&mut Rng>,
) -> std::io::Result<Written> {
    let dir = root.join(tag);
    std::fs::create_dir_all(&dir)?;
    let mut w = Written {
        locale: tag.to_string(),
        ..Default::default()
    };
    w.bytes += write_content(&dir, tag)?;
    for file in 0..files {
        let mut out = format!("# Generated file {file} for {tag}.\n\n");
        if file == 0 {
            out.push_str(&term(tag));
        }
        for i in (file * PER_FILE)..((file + 1) * PER_FILE).min(spec.messages) {
            match rng.as_deref_mut() {
                None => out.push_str(&message(i, tag)),
                Some(rng) if spec.defects => translated(i, tag, rng, &mut out, &mut w),
                Some(_) => out.push_str(&message(i, tag)),
            }
        }
        w.bytes += out.len();
        std::fs::write(dir.join(format!("file-{file}.ftl")), out)?;
    }
    Ok(w)
}

fn translated(i: usize, tag: &str, rng: &mut Rng, out: &mut String, w: &mut Written) {
    let roll = rng.next();
    if roll < MISSING {
        w.missing += 1;
    } else if roll < MISSING + SYNTAX {
        w.syntax_errors += 1;
        let _ = writeln!(out, "m-{i} = {{ $\n");
    } else if roll < MISSING + SYNTAX + DROPPED_VARIABLE && i % 10 == 6 {
        w.dropped_variables += 1;
        let _ = writeln!(out, "m-{i} = {}\n", words(tag, i));
    } else {
        out.push_str(&message(i, tag));
    }
    if rng.next() < OBSOLETE {
        w.obsolete += 1;
        let _ = writeln!(out, "obsolete-{i} = {}\n", words(tag, i));
    }
}

fn term(tag: &str) -> String {
    let name = if tag == "ru" { "Бренд" } else { "Brand" };
    format!("-brand = {name}\n\n")
}

/// Localized-looking filler: Cyrillic for ru, Latin otherwise.
fn words(tag: &str, i: usize) -> String {
    match tag {
        "ru" => format!("Текст номер {i} для пользователя."),
        "en" => format!("Text number {i} for the user."),
        _ => format!("{tag} text {i} für den Nutzer."),
    }
}

/// Message `m-i`, of one of several shapes chosen by `i`.
fn message(i: usize, tag: &str) -> String {
    let text = words(tag, i);
    let comment = if i.is_multiple_of(7) {
        format!("# Context for message {i}.\n")
    } else {
        String::new()
    };
    let body = match i % 10 {
        6 => format!("m-{i} = {text} {{ $name }}\n"),
        7 => format!("m-{i} = {text}\n    .title = {text}\n    .tooltip = {text}\n"),
        8 => format!("m-{i} =\n    {{ $count ->\n{}    }}\n", variants(tag)),
        9 => format!("m-{i} = {text} {{ -brand }}\n"),
        _ => format!("m-{i} = {text}\n"),
    };
    format!("{comment}{body}\n")
}

fn variants(tag: &str) -> String {
    let categories: &[&str] = if tag == "ru" {
        &["one", "few", "many"]
    } else {
        &["one"]
    };
    let mut out = String::new();
    for c in categories {
        let _ = writeln!(out, "        [{c}] {{ $count }} item");
    }
    out.push_str("       *[other] { $count } items\n");
    out
}
