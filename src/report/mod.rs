//! Report: turn results into text for people and JSON for machines. The
//! library never prints; the commands write what these functions return.

mod diagnostics;
pub mod page;
mod progress;
mod summary;

pub use diagnostics::{render as diagnostics, sort};
pub use progress::Progress;
pub use summary::{json, table};

use std::io::IsTerminal;

/// Colour only when `stream` is a terminal, and never when `NO_COLOR` is set.
pub fn use_color(stream: &impl IsTerminal) -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && stream.is_terminal()
}
