//! The `statusdb` binary: parse arguments, run the command, map errors to exit codes.

use std::process::ExitCode;

// Checks allocate many small strings and vectors on every core; mimalloc
// serves them in about half the time of the system allocator (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    return_freed_memory_sooner();
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

/// A check by parts frees each part's syntax trees once it is done, on
/// whichever core; by default mimalloc keeps freed memory committed for
/// 10 ms (100 ms in its arenas, committed eagerly), which doubled the peak
/// resident size of `validate` at no gain in speed (BENCHMARKS.md, round 5).
fn return_freed_memory_sooner() {
    // Positions in mimalloc.h's `mi_option_e` (v2, which libmimalloc-sys
    // builds); the crate names only some of them.
    const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: setting an option only stores a value mimalloc reads when it
    // next commits or purges memory; any value is valid for these two.
    unsafe {
        libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0);
        libmimalloc_sys::mi_option_set(PURGE_DELAY, 3);
    }
}
