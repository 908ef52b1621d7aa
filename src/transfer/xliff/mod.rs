//! XLIFF 1.2 and 2.1 for CAT tools: a unit per message value or attribute
//! (id = key) in a `<file>` per Fluent file, placeables as protected inline
//! codes, notes from the comments, state from the status. A select on a
//! variable is a `<group>` (id = key) whose units are its variants, so the
//! structure stays out of the translator's way and each variant's text is
//! translated on its own.
//!
//! Each unit or group carries a `statusdb` note with the key, the status and
//! the fingerprints of the reference and of the translation at export.

mod dom;
mod inline;
mod read;
mod write;

pub use read::parse;
pub use write::{Languages, write};

/// The XLIFF version export writes; import reads 1.2 and 2.x.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V12,
    V21,
}

/// The separator between a select's key and a variant's key in unit ids:
/// `files:one` (ids are NMTOKENs in XLIFF 2, and keys never hold a colon).
const VARIANT: char = ':';
