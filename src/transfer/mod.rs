//! Transfer: translation units for translators out of a locale tree, and
//! their translations back in as byte patches that leave everything else
//! untouched.
//!
//! [`unit`] is the format-neutral [`TranslationUnit`]; [`export`] produces
//! units and [`import`] consumes them; [`spans`] finds each unit's bytes in
//! a file. A file format is a reader and a writer of units beside them
//! ([`csvfile`]), so another format is one more module of that kind.

pub mod csvfile;
pub mod export;
pub mod import;
mod patch;
pub(crate) mod spans;
pub mod unit;
mod verify;

pub use unit::{Status, TranslationUnit};
