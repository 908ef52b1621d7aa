//! gettext PO for translators: one entry per unit, `msgctxt` = key, the
//! Fluent comments and variables as `#.`, the reference's place as `#:`,
//! and number selects as real gettext plurals in the order of the
//! locale's `Plural-Forms`, which comes from CLDR ([`super::plural`]).
//!
//! Each entry carries `#. statusdb: status=… reference=… translation=…`:
//! the fingerprints of the reference and of the translation at export.

pub mod syntax;

use std::path::Path;

use super::plural::{self, PluralForms};
use super::select::{self, NumberSelect};
use super::unit::{TranslationUnit, note_field};
use crate::error::Result;
use crate::source::LocaleTag;
use crate::source::csvrows::data_error as data;
use syntax::Entry;

/// A locale's plurals as gettext sees them.
#[derive(Debug, Clone)]
pub struct Plurals {
    pub forms: PluralForms,
    /// CLDR categories no whole number reaches (Russian `other`, for 1.5):
    /// gettext has no `msgstr[n]` for them.
    pub fractions: Vec<&'static str>,
}

impl Plurals {
    /// `None` when statusdb knows no gettext rules for the language; its
    /// plurals then travel as Fluent source.
    pub fn of(tag: &LocaleTag) -> Option<Plurals> {
        let forms = plural::forms(tag.langid().language.as_str())?;
        let cldr = plural::cldr_categories(tag.langid()).unwrap_or_default();
        let fractions = cldr
            .into_iter()
            .filter(|c| !forms.categories.contains(c))
            .collect();
        Some(Plurals { forms, fractions })
    }

    /// The gettext form whose text a fraction-only category takes on
    /// import, unless the tree's text for it differs from that form's:
    /// `few` where there is one (in Russian and Ukrainian fractions take
    /// the form 2–4 take: 1,5 файла), else the last form.
    fn fraction_source(&self) -> &'static str {
        let categories = &self.forms.categories;
        match categories.contains(&"few") {
            true => "few",
            false => categories[categories.len() - 1],
        }
    }
}

/// The PO bytes for `units` of locale `tag`, revised at `revised` (seconds
/// since the Unix epoch; see [`revision_time`]).
pub fn write(
    units: &[TranslationUnit],
    tag: &str,
    plurals: Option<&Plurals>,
    revised: u64,
) -> Vec<u8> {
    let mut out = header(tag, plurals, revised);
    for unit in units {
        out.push('\n');
        out.push_str(&entry(unit, plurals));
    }
    out.into_bytes()
}

/// The time an export writes as `PO-Revision-Date`: now, or
/// `SOURCE_DATE_EPOCH` where set, so that a reproducible build or a test
/// gets the same bytes from the same tree.
pub fn revision_time() -> u64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        })
}

/// `secs` since the epoch as gettext writes dates: `2026-12-02 14:50+0000`.
fn po_date(secs: u64) -> String {
    // Howard Hinnant's civil_from_days, on days since 1970-01-01.
    let days = (secs / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let minutes = secs % 86_400 / 60;
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}+0000",
        minutes / 60,
        minutes % 60
    )
}

// msgfmt -c wants PO-Revision-Date, Last-Translator and Language-Team; the
// last two are left for the translator's tool (Poedit fills them on save).
fn header(tag: &str, plurals: Option<&Plurals>, revised: u64) -> String {
    let mut fields = format!(
        "Project-Id-Version: statusdb\nPO-Revision-Date: {}\nLast-Translator: \nLanguage-Team: \nLanguage: {}\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n",
        po_date(revised),
        tag.replace('-', "_")
    );
    if let Some(p) = plurals {
        fields.push_str(&format!("Plural-Forms: {}\n", p.forms.header));
    }
    fields.push_str("X-Generator: statusdb\n");
    format!(
        "# Translations into {tag}. Edit msgstr only, keep the `#. statusdb:` lines,\n# and import with: statusdb import FILE --locale {tag}\n{}{}",
        syntax::field("msgid", ""),
        syntax::field("msgstr", &fields)
    )
}

fn entry(unit: &TranslationUnit, plurals: Option<&Plurals>) -> String {
    let mut out = String::new();
    for line in unit.comment.lines() {
        out.push_str(&format!("#. {line}\n"));
    }
    if !unit.variables.is_empty() {
        out.push_str(&format!("#. Variables: {}\n", unit.variables));
    }
    let split = plural_split(unit, plurals);
    let mut meta = format!("#. statusdb: {}", unit.note());
    if let Some((reference, _, p)) = &split {
        meta.push_str(&format!(" select=${}", reference.selector));
        if !p.fractions.is_empty() {
            out.push_str(&format!(
                "#. Fractions ({}) take the `{}` text on import.\n",
                p.fractions.join(", "),
                p.fraction_source()
            ));
        }
    }
    out.push_str(&format!("{meta}\n#: {}:{}\n", unit.file, unit.source_line));
    if unit.needs_review {
        out.push_str("#, fuzzy\n");
    }
    out.push_str(&syntax::field("msgctxt", &unit.key));
    match split {
        Some((reference, translation, p)) => {
            let singular = reference.text("one").unwrap_or(&reference.variants[0].1);
            let plural = reference.text(&reference.default).unwrap_or_default();
            out.push_str(&syntax::field("msgid", singular));
            out.push_str(&syntax::field("msgid_plural", plural));
            for (n, category) in p.forms.categories.iter().enumerate() {
                let text = translation.as_ref().and_then(|t| t.text(category));
                out.push_str(&syntax::field(&format!("msgstr[{n}]"), text.unwrap_or("")));
            }
        }
        None => {
            out.push_str(&syntax::field("msgid", &unit.reference));
            out.push_str(&syntax::field("msgstr", &unit.translation));
        }
    }
    out
}

/// The unit as a gettext plural: its reference is a number select and its
/// translation is empty or one too.
fn plural_split<'p>(
    unit: &TranslationUnit,
    plurals: Option<&'p Plurals>,
) -> Option<(NumberSelect, Option<NumberSelect>, &'p Plurals)> {
    let plurals = plurals?;
    let reference = select::split(&unit.reference)?;
    match unit.translation.is_empty() {
        true => Some((reference, None, plurals)),
        false => {
            let translation = select::split(&unit.translation)?;
            Some((reference, Some(translation), plurals))
        }
    }
}

/// Reads a translator's PO; `current` gives the tree's translation of a
/// key, so a plural left as exported comes back byte for byte.
pub fn parse(
    path: &Path,
    text: &str,
    plurals: Option<&Plurals>,
    current: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<TranslationUnit>> {
    let entries = syntax::parse(path, text)?;
    let mut units = Vec::new();
    for entry in entries {
        if entry.msgctxt.is_none() && entry.msgid.is_empty() {
            continue; // the header
        }
        units.push(unit(path, entry, plurals, current)?);
    }
    Ok(units)
}

fn unit(
    path: &Path,
    entry: Entry,
    plurals: Option<&Plurals>,
    current: &dyn Fn(&str) -> Option<String>,
) -> Result<TranslationUnit> {
    let meta = |name: &str| metadata(&entry, name).unwrap_or_default();
    // Tools that drop msgctxt (translate-toolkit's po2xliff) keep `#.`.
    let Some(key) = entry.msgctxt.clone().or_else(|| metadata(&entry, "key")) else {
        return Err(data(
            path,
            entry.line,
            "this entry has neither msgctxt nor `key=` on a `#. statusdb:` line; statusdb needs the message key, so export a fresh PO",
        ));
    };
    let file = entry
        .references
        .first()
        .map(|r| {
            r.rsplit_once(':')
                .map_or(r.as_str(), |(f, _)| f)
                .to_string()
        })
        .unwrap_or_default();
    let mut unit = TranslationUnit {
        reference: entry.msgid.clone(),
        needs_review: entry.flags.iter().any(|f| f == "fuzzy"),
        ..TranslationUnit::from_note(key, file, statusdb_note(&entry), entry.line)
    };
    // A fuzzy entry is not a translation yet, as for msgfmt.
    if unit.needs_review {
        return Ok(unit);
    }
    unit.translation = match &entry.msgid_plural {
        None if entry.msgstr.len() == 1 => entry.msgstr[0].clone(),
        None => {
            return Err(data(
                path,
                entry.line,
                "this entry has msgstr[n] but no msgid_plural",
            ));
        }
        Some(_) => {
            let Some(plurals) = plurals else {
                return Err(data(
                    path,
                    entry.line,
                    "this entry is a plural, but statusdb knows no plural rules for the locale; export a fresh PO",
                ));
            };
            let selector = meta("select");
            let Some(selector) = selector.strip_prefix('$') else {
                return Err(data(
                    path,
                    entry.line,
                    "this plural entry lacks `select=$name` on its `#. statusdb:` line; export a fresh PO",
                ));
            };
            join_plural(path, &entry, plurals, selector, current(&unit.key))?
        }
    };
    Ok(unit)
}

/// The tree's own text for a fraction-only category, when it is not
/// just a copy of the form it follows (then it follows the new one).
fn fraction_text(existing: Option<&NumberSelect>, category: &str, source: &str) -> Option<String> {
    let existing = existing?;
    let own = existing.text(category)?;
    (existing.text(source) != Some(own)).then(|| own.to_string())
}

/// The entry's `#. statusdb:` note, also when a tool joined the `#.` lines
/// into one; empty when it has none.
fn statusdb_note(entry: &Entry) -> &str {
    entry
        .extracted
        .iter()
        .rev()
        .find_map(|l| l.rsplit_once("statusdb:").map(|(_, meta)| meta))
        .unwrap_or_default()
}

/// `name=value` from the entry's `#. statusdb:` note.
fn metadata(entry: &Entry, name: &str) -> Option<String> {
    note_field(statusdb_note(entry), name)
}

/// The Fluent select for a plural entry's `msgstr[n]`; empty when all are.
fn join_plural(
    path: &Path,
    entry: &Entry,
    plurals: &Plurals,
    selector: &str,
    current: Option<String>,
) -> Result<String> {
    let categories = &plurals.forms.categories;
    if entry.msgstr.len() != categories.len() {
        let why = format!(
            "this entry has {} plural forms, but the locale has {} ({}; Plural-Forms: {})",
            entry.msgstr.len(),
            categories.len(),
            categories.join(", "),
            plurals.forms.header
        );
        return Err(data(path, entry.line, why));
    }
    if entry.msgstr.iter().all(String::is_empty) {
        return Ok(String::new());
    }
    if let Some(empty) = entry.msgstr.iter().position(String::is_empty) {
        let why = format!(
            "msgstr[{empty}] ({}) is empty; translate every plural form or none",
            categories[empty]
        );
        return Err(data(path, entry.line, why));
    }
    let existing = current.as_deref().and_then(select::split);
    let text_of = |category: &str| {
        categories
            .iter()
            .position(|c| *c == category)
            .map(|i| entry.msgstr[i].clone())
    };
    if let Some(existing) = &existing {
        let same = categories
            .iter()
            .all(|c| existing.text(c) == text_of(c).as_deref());
        if same && existing.selector == selector {
            return Ok(current.unwrap_or_default());
        }
    }
    let mut variants: Vec<(String, String)> = Vec::new();
    for category in ["zero", "one", "two", "few", "many", "other"] {
        let text = match text_of(category) {
            Some(text) => text,
            None if plurals.fractions.contains(&category) => {
                fraction_text(existing.as_ref(), category, plurals.fraction_source())
                    .unwrap_or_else(|| text_of(plurals.fraction_source()).unwrap_or_default())
            }
            None => continue,
        };
        variants.push((category.to_string(), text));
    }
    Ok(select::join(selector, &variants, "other"))
}

#[cfg(test)]
mod tests {
    use super::po_date;

    #[test]
    fn dates_are_gettexts_utc_format() {
        assert_eq!(po_date(0), "1970-01-01 00:00+0000");
        assert_eq!(po_date(951_782_400), "2000-02-29 00:00+0000");
        assert_eq!(po_date(1_796_222_999), "2026-12-02 14:49+0000");
        assert_eq!(po_date(4_107_542_400), "2100-03-01 00:00+0000");
    }
}
