//! Transfer: CSV for translators out of a locale tree, and their CSV back in
//! as byte patches that leave everything else untouched.

pub mod csvfile;
pub mod export;
pub mod import;
pub mod units;
