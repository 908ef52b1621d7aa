//! The `statusdb` binary: parse arguments, run the command, map errors to exit codes.

use std::process::ExitCode;

// Checks allocate many small strings and vectors on every core; mimalloc
// serves them in about half the time of the system allocator (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = statusdb::cli::parse();
    match statusdb::cmd::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            // Every error's message already includes its cause.
            eprintln!("error: {err}");
            ExitCode::from(err.exit_code())
        }
    }
}
