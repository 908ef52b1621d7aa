//! The `statusdb` binary: parse arguments, run the command, map errors to exit codes.

use std::process::ExitCode;

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
