//! Strings that most locales of a tree keep as the reference writes them
//! ("Ctrl", "Shift", "LaTeX"): key names, product names and notation that
//! the translators agree stay the same, so one locale keeping them is not
//! text left untranslated.

use std::sync::{Mutex, PoisonError};

use rustc_hash::FxHashMap;
use unic_langid::subtags::Language;

use crate::source::Locale;
use crate::source::catalog::Catalog;

/// Fewer locales than this keeping a string are no agreement.
const MIN_KEEPING: usize = 3;

/// A unit: the entry's key and the attribute, borrowed from the reference.
type Unit<'a> = (&'a str, Option<&'a str>);

/// The units the tree's translators keep verbatim, decided when a check
/// first asks: only units a locale leaves identical are ever asked about,
/// and counting every unit of every locale up front cost a tenth of a run.
#[derive(Default)]
pub(crate) struct Verbatim<'r> {
    reference: Option<&'r Catalog<'r>>,
    others: Vec<&'r Catalog<'r>>,
    decided: Mutex<FxHashMap<Unit<'r>, bool>>,
}

impl<'r> Verbatim<'r> {
    /// Over `locales`, leaving out those of the reference's own language
    /// (en-GB for en): they keep its text anyway and are not counted.
    pub(crate) fn new(
        reference: &'r Catalog<'r>,
        language: Option<Language>,
        locales: impl IntoIterator<Item = (&'r Locale, &'r Catalog<'r>)>,
    ) -> Self {
        let others = locales
            .into_iter()
            .filter(|(l, _)| Some(l.tag.langid().language) != language)
            .map(|(_, catalog)| catalog)
            .collect();
        Verbatim {
            reference: Some(reference),
            others,
            decided: Mutex::default(),
        }
    }

    /// Whether the tree keeps this unit as the reference writes it: at
    /// least half of the locales that translate it, and at least three,
    /// write it exactly as the reference does.
    pub(crate) fn contains(&self, key: &str, unit: Option<&str>) -> bool {
        let Some(entry) = self.reference.and_then(|r| r.get(key)) else {
            return false;
        };
        let attribute = match unit {
            Some(name) => match entry.attribute(name) {
                Some(a) => Some(a.id.name),
                None => return false,
            },
            None => None,
        };
        let Some(ours) = entry.pattern(attribute) else {
            return false;
        };
        let mut decided = self.decided.lock().unwrap_or_else(PoisonError::into_inner);
        *decided.entry((&entry.key, attribute)).or_insert_with(|| {
            let theirs = self
                .others
                .iter()
                .filter_map(|c| c.get(key)?.pattern(attribute));
            let (keeping, all) =
                theirs.fold((0, 0), |(k, a), p| (k + usize::from(p == ours), a + 1));
            keeping >= MIN_KEEPING && 2 * keeping >= all
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FtlFile;

    fn locale(tag: &str, ftl: &str) -> Locale {
        let file = FtlFile::parse("main.ftl".as_ref(), "main.ftl".into(), ftl.into()).unwrap();
        Locale {
            tag: tag.parse().unwrap(),
            dir: tag.into(),
            files: vec![file],
            broken: Vec::new(),
            glossary: None,
        }
    }

    /// Anki: 41 of 45 locales keep `keyboard-ctrl = Ctrl`; "Save" is kept by one.
    #[test]
    fn what_most_translators_keep_is_verbatim() {
        let en = locale("en", "ctrl = Ctrl\nsave = Save\n");
        let translations = [
            ("de", "ctrl = Strg\nsave = Speichern\n"),
            ("fr", "ctrl = Ctrl\nsave = Enregistrer\n"),
            ("ru", "ctrl = Ctrl\nsave = Сохранить\n"),
            ("uk", "ctrl = Ctrl\nsave = Зберегти\n"),
            ("ko", "ctrl = Ctrl\nsave = Save\n"),
            ("en-GB", "ctrl = Ctrl\nsave = Save\n"),
        ];
        let locales: Vec<Locale> = translations.iter().map(|(t, f)| locale(t, f)).collect();
        let catalogs: Vec<Catalog> = locales.iter().map(Catalog::new).collect();
        let english = Some(en.tag.langid().language);
        let reference = Catalog::new(&en);
        let verbatim = Verbatim::new(&reference, english, locales.iter().zip(&catalogs));
        assert!(verbatim.contains("ctrl", None));
        assert!(!verbatim.contains("save", None));
        // Two locales are no agreement, and en-GB does not count.
        let few = Verbatim::new(&reference, english, locales[4..].iter().zip(&catalogs[4..]));
        assert!(!few.contains("ctrl", None));
    }
}
