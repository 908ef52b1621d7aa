//! The floor for `statusdb build`: the least any build of the same tree
//! must do. It reads and parses every file, one at a time, dropping each
//! file's AST before the next (the memory floor is one file's AST), and
//! inserts the same rows in one transaction, with none of the checks.
//!
//!     cargo run --release --example floor -- LOCALES_DIR DATA_DIR OUT.sqlite
//!
//! The rows come from statusdb's own content files (`ui.ftl` and
//! `codes.ftl` in each locale, which `gen_corpus` writes beside its
//! generated files); every other file is read and parsed only, as the
//! checks of a build must.

use std::path::Path;
use std::process::ExitCode;

use statusdb::source::ftl::FtlFile;
use statusdb::source::tree::MemoryLocale;

// The allocator of the statusdb binary (src/main.rs), so that the two
// compare on time and memory alike.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The files a build renders rows from.
const CONTENT: [&str; 2] = ["ui.ftl", "codes.ftl"];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [locales, data, out] = args.as_slice() else {
        eprintln!("usage: floor LOCALES_DIR DATA_DIR OUT.sqlite");
        return ExitCode::from(2);
    };
    let run = || -> Result<(), Box<dyn std::error::Error>> {
        let content = read_every_file(Path::new(locales))?;
        let tree = statusdb::source::tree::from_memory(Path::new(locales), content, &[])?;
        let facts = statusdb::source::facts::load(Path::new(data))?;
        let rendered = statusdb::render::render(&tree, &facts, &[]);
        statusdb::db::write_file(Path::new(out), &facts, &rendered, "")?;
        Ok(())
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}

/// Parses every `.ftl` file of every locale folder, one at a time, and
/// keeps the bytes of the content files.
fn read_every_file(root: &Path) -> Result<Vec<MemoryLocale>, Box<dyn std::error::Error>> {
    let mut locales = Vec::new();
    let mut dirs: Vec<_> = std::fs::read_dir(root)?.collect::<Result<_, _>>()?;
    dirs.sort_by_key(|d| d.file_name());
    for dir in dirs.iter().filter(|d| d.path().is_dir()) {
        let mut content = Vec::new();
        for entry in walkdir::WalkDir::new(dir.path()).sort_by_file_name() {
            let path = entry?.into_path();
            if path.extension().is_none_or(|e| e != "ftl") {
                continue;
            }
            let rel = path
                .strip_prefix(dir.path())?
                .to_string_lossy()
                .into_owned();
            let bytes = std::fs::read(&path)?;
            if CONTENT.contains(&rel.as_str()) {
                content.push((rel, bytes));
            } else {
                // Parsed and dropped: what reading the file costs a build.
                drop(FtlFile::parse(&path, rel, bytes)?);
            }
        }
        let tag = dir.file_name().to_string_lossy().parse()?;
        locales.push((tag, content));
    }
    Ok(locales)
}
