//! Report: turn results into text for people and JSON for machines. The
//! library never prints; the commands write what these functions return.

pub(crate) mod baseline;
mod diagnostics;
mod github;
pub(crate) mod page;
mod progress;
mod sarif;
mod summary;

pub(crate) use diagnostics::render as diagnostics;
pub(crate) use github::github;
pub(crate) use progress::Progress;
pub(crate) use sarif::sarif;
pub(crate) use summary::{json, table};

use std::path::Path;

use anstream::{AutoStream, ColorChoice, stream::RawStream};

/// Whether to colour what goes to `stream`: `--color`, else `NO_COLOR`,
/// `CLICOLOR_FORCE` and `CLICOLOR`, else whether it is a colour terminal.
pub(crate) fn use_color(stream: &impl RawStream) -> bool {
    AutoStream::choice(stream) != ColorChoice::Never
}

/// A finding's file relative to `base` (the workspace, where CI tools place
/// it), or as it is when it lies elsewhere.
fn relative(file: &str, base: &Path) -> String {
    Path::new(file)
        .strip_prefix(base)
        .unwrap_or(Path::new(file))
        .to_string_lossy()
        .into_owned()
}
