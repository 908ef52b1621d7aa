//! Load: read the facts in `data/` and a Fluent locale tree into memory,
//! once, and the model of that tree the later stages read: entries by id
//! ([`catalog`]) and what their patterns use ([`walk`]).

pub(crate) mod builtin;
pub(crate) mod catalog;
pub(crate) mod csvrows;
pub(crate) mod depth;
pub mod facts;
pub mod ftl;
pub mod glossary;
pub(crate) mod input;
pub(crate) mod lines;
pub mod origin;
pub(crate) mod raw;
pub(crate) mod scan;
pub mod tag;
pub mod tree;
pub(crate) mod walk;

pub(crate) use catalog::Catalog;
pub use facts::Facts;
pub(crate) use facts::StatusCode;
pub use ftl::FtlFile;
pub use origin::{Origin, Origins};
pub use tag::LocaleTag;
pub(crate) use tree::Bundle;
pub use tree::{BrokenFile, Locale, LocaleTree};
