//! Transfer: translation units for translators out of a locale tree, and
//! their translations back in as byte patches that leave everything else
//! untouched.
//!
//! [`unit`] is the format-neutral [`TranslationUnit`]; [`export`] produces
//! units and [`import`] consumes them; [`spans`] finds each unit's bytes in
//! a file. A file format is a reader and a writer of units beside them
//! ([`csvfile`]), so another format is one more module of that kind.

pub(crate) mod context;
pub mod csvfile;
pub(crate) mod encoding;
pub mod export;
pub mod format;
pub mod import;
mod patch;
pub(crate) mod plural;
pub(crate) mod po;
pub(crate) mod select;
pub(crate) mod spans;
pub mod unit;
mod verify;
pub(crate) mod xliff;

pub use unit::{Status, TranslationUnit};
