//! Strings that most locales of a tree keep as the reference writes them
//! ("Ctrl", "Shift", "LaTeX"): key names, product names and notation that
//! the translators agree stay the same, so one locale keeping them is not
//! text left untranslated.

use rustc_hash::{FxHashMap, FxHashSet};
use unic_langid::subtags::Language;

use crate::source::Locale;
use crate::source::catalog::Catalog;

/// Fewer locales than this keeping a string are no agreement.
const MIN_KEEPING: usize = 3;

/// A unit: the entry's key and the attribute, borrowed from the reference.
type Unit<'a> = (&'a str, Option<&'a str>);

/// The units the tree's translators keep verbatim.
#[derive(Debug, Default)]
pub(crate) struct Verbatim<'r>(FxHashSet<Unit<'r>>);

impl<'r> Verbatim<'r> {
    /// Units that at least half of the locales that translate them, and at
    /// least three, write exactly as the reference does. Locales of the
    /// reference's own language (en-GB for en) keep its text anyway and
    /// are not counted.
    pub(crate) fn new<'a>(
        reference: &'r Catalog,
        language: Option<Language>,
        locales: impl IntoIterator<Item = (&'a Locale, &'a Catalog<'a>)>,
    ) -> Self {
        // unit → (locales keeping it, locales translating it)
        let mut counts: FxHashMap<Unit<'r>, (usize, usize)> = FxHashMap::default();
        let others = locales
            .into_iter()
            .filter(|(l, _)| Some(l.tag.langid().language) != language);
        for (_, catalog) in others {
            for entry in reference.entries.values() {
                let Some(theirs) = catalog.get(&entry.key) else {
                    continue;
                };
                for unit in entry.units() {
                    let (Some(ours), Some(pattern)) = (entry.pattern(unit), theirs.pattern(unit))
                    else {
                        continue;
                    };
                    let count = counts.entry((&entry.key, unit)).or_default();
                    count.0 += usize::from(ours == pattern);
                    count.1 += 1;
                }
            }
        }
        let agreed = counts
            .into_iter()
            .filter(|(_, (keeping, all))| *keeping >= MIN_KEEPING && 2 * keeping >= *all);
        Verbatim(agreed.map(|(unit, _)| unit).collect())
    }

    /// Whether the tree keeps this unit as the reference writes it.
    pub(crate) fn contains(&self, key: &str, unit: Option<&str>) -> bool {
        self.0.contains(&(key, unit))
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
