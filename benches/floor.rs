//! The floor for `statusdb build`: parse the same files and insert the same
//! rows in one transaction, with none of the checks.
//!
//!     cargo run --release --example floor -- LOCALES_DIR DATA_DIR OUT.sqlite

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [locales, data, out] = args.as_slice() else {
        eprintln!("usage: floor LOCALES_DIR DATA_DIR OUT.sqlite");
        return ExitCode::from(2);
    };
    let run = || -> statusdb::Result<()> {
        let tree = statusdb::source::tree::load(Path::new(locales), &[])?;
        let facts = statusdb::source::facts::load(Path::new(data))?;
        let rendered = statusdb::render::render(&tree, &facts, &[]);
        statusdb::db::write_file(Path::new(out), &facts, &rendered, "")
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}
