//! Load: read the facts in `data/` and a Fluent locale tree into memory,
//! once, and the model of that tree the later stages read: entries by id
//! ([`catalog`]) and what their patterns use ([`walk`]).

pub mod catalog;
pub(crate) mod csvrows;
pub mod facts;
pub mod ftl;
pub(crate) mod lines;
pub mod tag;
pub mod tree;
pub mod walk;

pub use catalog::{Catalog, Entry};
pub use facts::{Facts, StatusCode};
pub use ftl::FtlFile;
pub use tag::LocaleTag;
pub use tree::{BrokenFile, Locale, LocaleTree};
