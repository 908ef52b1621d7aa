//! Load: read the facts in `data/` and a Fluent locale tree into memory, once.

pub(crate) mod csvrows;
pub mod facts;
pub mod ftl;
mod lines;
pub mod tag;
pub mod tree;

pub use facts::{Facts, StatusCode};
pub use ftl::FtlFile;
pub use tag::LocaleTag;
pub use tree::{BrokenFile, Locale, LocaleTree};
