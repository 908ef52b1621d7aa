//! Strings that most locales of a tree keep as the reference writes them
//! ("Ctrl", "Shift", "LaTeX"): key names, product names and notation that
//! the translators agree stay the same, so one locale keeping them is not
//! text left untranslated.
//!
//! Each locale marks, while its own checks run, which of the reference's
//! units it translates and which it keeps as they are; the marks are summed
//! once every locale is done. No locale needs another's text, so a locale
//! can be checked and dropped before the next is read.

/// Fewer locales than this keeping a string are no agreement.
const MIN_KEEPING: usize = 3;

const HAS: u8 = 1;
const SAME: u8 = 2;

/// One locale's marks over the reference's units ([`Entry::slot`]).
///
/// [`Entry::slot`]: crate::source::catalog::Entry::slot
pub(crate) struct Marks(Vec<u8>);

impl Marks {
    pub(crate) fn new(slots: usize) -> Self {
        Marks(vec![0; slots])
    }

    /// The locale has the reference's unit `slot`, written as the reference writes it or not.
    pub(crate) fn record(&mut self, slot: usize, same: bool) {
        if let Some(mark) = self.0.get_mut(slot) {
            *mark = HAS | if same { SAME } else { 0 };
        }
    }
}

/// Per reference unit, how many locales translate it and how many keep it.
#[derive(Default)]
pub(crate) struct Verbatim(Vec<(u32, u32)>);

impl Verbatim {
    /// Sums the marks of the locales that count: those not of the
    /// reference's own language (en-GB keeps en's text anyway).
    pub(crate) fn new<'m>(slots: usize, marks: impl IntoIterator<Item = &'m Marks>) -> Self {
        let mut counts = vec![(0, 0); slots];
        for Marks(marks) in marks {
            for (count, &mark) in counts.iter_mut().zip(marks) {
                count.0 += u32::from(mark & HAS != 0);
                count.1 += u32::from(mark & SAME != 0);
            }
        }
        Verbatim(counts)
    }

    /// Whether the tree keeps the unit as the reference writes it: at least
    /// half of the locales that translate it, and at least three, write it
    /// exactly as the reference does.
    pub(crate) fn contains(&self, slot: usize) -> bool {
        self.0
            .get(slot)
            .is_some_and(|&(all, keeping)| keeping as usize >= MIN_KEEPING && 2 * keeping >= all)
    }
}

#[cfg(test)]
mod tests {
    use crate::check::{Options, Rule, check_locales};
    use crate::source::{FtlFile, Locale};

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

    /// `identical` findings of `ko` when checked with `others`.
    fn identical_in_ko(others: &[(&str, &str)]) -> Vec<String> {
        let en = locale("en", "ctrl = Ctrl\nsave = Save\n");
        let mut locales = vec![locale("ko", "ctrl = Ctrl\nsave = Save\n")];
        locales.extend(others.iter().map(|(t, f)| locale(t, f)));
        let all: Vec<&Locale> = std::iter::once(&en).chain(&locales).collect();
        let options = Options {
            reference: "en",
            facts: None,
            lint: true,
            scope: None,
        };
        let report = check_locales(&en, &all, &options);
        let ko = report.diagnostics.iter();
        ko.filter(|d| d.rule == Rule::Identical && d.locale.as_deref() == Some("ko"))
            .map(|d| d.key.clone().unwrap_or_default())
            .collect()
    }

    /// Anki: 41 of 45 locales keep `keyboard-ctrl = Ctrl`; "Save" is kept by one.
    #[test]
    fn what_most_translators_keep_is_verbatim() {
        let others = [
            ("de", "ctrl = Strg\nsave = Speichern\n"),
            ("fr", "ctrl = Ctrl\nsave = Enregistrer\n"),
            ("ru", "ctrl = Ctrl\nsave = Сохранить\n"),
            ("uk", "ctrl = Ctrl\nsave = Зберегти\n"),
            ("en-GB", "ctrl = Ctrl\nsave = Save\n"),
        ];
        assert_eq!(identical_in_ko(&others), ["save"]);
        // Two locales are no agreement, and en-GB does not count.
        let few = [others[2], others[4]];
        assert_eq!(identical_in_ko(&few), ["ctrl", "save"]);
    }
}
