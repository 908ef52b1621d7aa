//! statusdb compiles HTTP status-code facts and their Fluent translations into
//! one SQLite database, and checks the translations on the way.
//!
//! Data flows one way: [`source`] loads, [`check`] finds problems, [`render`]
//! formats the text with Fluent, [`db`] writes the database. [`cmd`] composes
//! those stages into the commands of the binary; [`report`] prints results.

pub(crate) mod atomic;
pub mod check;
pub mod cli;
pub mod cmd;
pub(crate) mod config;
pub mod db;
pub mod error;
pub(crate) mod export_json;
pub mod model;
pub mod pipeline;
pub mod render;
pub(crate) mod report;
pub mod source;
pub mod transfer;

pub use error::{Error, Result};
