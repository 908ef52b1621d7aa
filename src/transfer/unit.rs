//! The translation unit: what export produces and import consumes, whatever
//! the file format. A format (CSV today) is a reader and a writer of these.

use clap::ValueEnum;
use serde::{Deserialize, Serialize};

/// Where a unit stands in the target locale; also what `export --only` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Missing,
    Translated,
    Unchanged,
    Obsolete,
}

impl Status {
    /// The word export writes and `--only` takes.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Status::Missing => "missing",
            Status::Translated => "translated",
            Status::Unchanged => "unchanged",
            Status::Obsolete => "obsolete",
        }
    }

    /// The status a file names, if it is one export writes.
    pub(crate) fn parse(name: &str) -> Option<Status> {
        Status::value_variants()
            .iter()
            .copied()
            .find(|s| s.name() == name)
    }
}

/// One message value or attribute, with the context a translator needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationUnit {
    /// `id`, `id.attr`, `-term` or `-term.attr`.
    pub key: String,
    /// The file it lives in, relative to the locale folder.
    pub file: String,
    /// The reference text, as Fluent source.
    pub reference: String,
    /// The translation, as Fluent source; empty when missing.
    pub translation: String,
    /// `None` when a translator's file names a status export never writes
    /// (import does not read it).
    pub status: Option<Status>,
    /// The reference's comment on the entry.
    pub comment: String,
    /// The variables and references the text uses, described.
    pub variables: String,
    /// [`fingerprint`] of the reference text at export time.
    pub fingerprint: String,
    /// [`fingerprint`] of the translation at export time, so import can
    /// tell a translation changed in the tree since; empty when the file
    /// does not carry one.
    pub translation_fingerprint: String,
    /// The translation's variables differ from the reference's: a sign the
    /// reference changed after it was translated.
    pub needs_review: bool,
    /// 1-based line of the unit in the reference file; 0 when unknown.
    pub source_line: usize,
    /// 1-based line of the translator's file it was read from; 0 for a unit
    /// exported from the tree.
    pub line: u64,
}

impl TranslationUnit {
    /// What PO and XLIFF carry in a note, having no field for it:
    /// `key=… status=… reference=… translation=…`.
    pub(crate) fn note(&self) -> String {
        format!(
            "key={} status={} reference={} translation={}",
            self.key,
            self.status.map_or("", Status::name),
            self.fingerprint,
            self.translation_fingerprint
        )
    }

    /// A unit as a [`note`](Self::note) describes it, its texts still empty.
    pub(crate) fn from_note(key: String, file: String, note: &str, line: u64) -> Self {
        let field = |name: &str| note_field(note, name).unwrap_or_default();
        TranslationUnit {
            key,
            file,
            reference: String::new(),
            translation: String::new(),
            status: Status::parse(&field("status")),
            comment: String::new(),
            variables: String::new(),
            fingerprint: field("reference"),
            translation_fingerprint: field("translation"),
            needs_review: false,
            source_line: 0,
            line,
        }
    }
}

/// `name=value` from a [`TranslationUnit::note`] (or a format's additions).
pub(crate) fn note_field(note: &str, name: &str) -> Option<String> {
    note.split_whitespace()
        .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
        .map(String::from)
}

/// FNV-1a, 64 bits: a stable fingerprint of a reference text. Translators'
/// files carry it, so it must never change.
pub fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Translators' files carry fingerprints: a change here would refuse
    /// every row of every CSV exported before it.
    #[test]
    fn the_fingerprint_is_fnv1a_64_and_never_changes() {
        assert_eq!(fingerprint(""), "cbf29ce484222325");
        assert_eq!(fingerprint("a"), "af63dc4c8601ec8c");
        assert_eq!(fingerprint("foobar"), "85944171f73967e8");
        assert_eq!(fingerprint("Привет, { $user }!"), "ca46d21a98de1183");
        assert_ne!(fingerprint("Hi"), fingerprint("Hi!"));
    }

    #[test]
    fn statuses_round_trip_by_name() {
        for &status in Status::value_variants() {
            assert_eq!(Status::parse(status.name()), Some(status));
        }
        assert_eq!(Status::parse("done"), None);
    }
}
