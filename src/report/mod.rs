//! Report: turn results into text for people and JSON for machines. The
//! library never prints; the commands write what these functions return.

pub(crate) mod baseline;
mod diagnostics;
mod github;
pub(crate) mod page;
mod progress;
mod summary;

pub(crate) use diagnostics::{render as diagnostics, sort};
pub(crate) use github::github;
pub(crate) use progress::Progress;
pub(crate) use summary::{json, table};

use anstream::{AutoStream, ColorChoice, stream::RawStream};

/// Whether to colour what goes to `stream`: `--color`, else `NO_COLOR`,
/// `CLICOLOR_FORCE` and `CLICOLOR`, else whether it is a colour terminal.
pub(crate) fn use_color(stream: &impl RawStream) -> bool {
    AutoStream::choice(stream) != ColorChoice::Never
}
