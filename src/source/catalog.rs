//! A locale's entries by id, read from the AST of all its files: the model
//! the checks, the renderer and the transfer formats all read.

use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};
// Ids are not attacker-chosen keys worth SipHash; FxHash is several times faster.
use rustc_hash::FxHashMap as HashMap;

use fluent_syntax::ast::{self, Attribute, Pattern};

use super::ftl::FtlFile;
use super::tree::Locale;

/// A message or a term, where it was defined.
pub(crate) struct Entry<'a> {
    /// `id` for a message, `-id` for a term: how references name them.
    pub(crate) key: Cow<'a, str>,
    pub(crate) file: &'a FtlFile,
    pub(crate) value: Option<&'a Pattern<&'a str>>,
    pub(crate) attributes: &'a [Attribute<&'a str>],
    /// Byte offset of the id in the file.
    pub(crate) offset: usize,
    /// Attribute positions by name, for entries with more than
    /// [`INDEXED_FROM`] attributes: every check looks each unit's attribute
    /// up, so a scan made a message with 50k attributes quadratic.
    by_name: Option<Box<ByName<'a>>>,
    /// Its comment, or the group comment over it, tells translators to
    /// leave the text as it is ("## NO NEED TO TRANSLATE. This text is no
    /// longer used"): what a translation holds there is no text finding.
    pub(crate) keep_as_is: bool,
    /// Where its units start in the catalog's dense numbering of units
    /// (value, then each attribute by position); first definitions only.
    slot: usize,
    /// Where the reference catalog has this key, when this entry's catalog
    /// was [`Catalog::paired`] with it: looked up once, not by every check.
    counterpart: Option<usize>,
}

/// Below this many attributes a scan is cheaper than a map.
const INDEXED_FROM: usize = 16;

/// Positions of an entry's attributes by name (the first of a name).
struct ByName<'a> {
    positions: HashMap<&'a str, usize>,
    /// No name is used twice, so a name found at a position is the first.
    unique: bool,
    /// Where the last lookup found its name. Checks walk attributes in
    /// order, in the translation and its reference alike, so the next
    /// lookup is there or one past it: no hashing, and no cache miss in a
    /// map of 100k names, for each lookup of every check.
    hint: AtomicUsize,
}

impl ByName<'_> {
    fn position(&self, attributes: &[Attribute<&str>], name: &str) -> Option<usize> {
        let hint = self.hint.load(Ordering::Relaxed);
        let hinted = [hint, hint + 1].into_iter().filter(|_| self.unique);
        let found = hinted
            .into_iter()
            .find(|&at| attributes.get(at).is_some_and(|a| a.id.name == name))
            .or_else(|| self.positions.get(name).copied())?;
        self.hint.store(found, Ordering::Relaxed);
        Some(found)
    }
}

impl Entry<'_> {
    pub(crate) fn is_term(&self) -> bool {
        self.key.starts_with('-')
    }

    pub(crate) fn attribute(&self, name: &str) -> Option<&Attribute<&str>> {
        self.attribute_index(name).map(|i| &self.attributes[i])
    }

    /// Position of the first attribute named `name`.
    fn attribute_index(&self, name: &str) -> Option<usize> {
        match &self.by_name {
            Some(by_name) => by_name.position(self.attributes, name),
            None => self.attributes.iter().position(|a| a.id.name == name),
        }
    }

    /// The number of a unit this entry has among its catalog's units
    /// ([`Catalog::slots`]), so that per-unit tallies need no keys.
    pub(crate) fn slot(&self, unit: Option<&str>) -> Option<usize> {
        let at = match unit {
            None => self.value.map(|_| 0)?,
            Some(name) => 1 + self.attribute_index(name)?,
        };
        Some(self.slot + at)
    }

    /// The pattern of the value (`None`) or of an attribute.
    pub(crate) fn pattern(&self, attribute: Option<&str>) -> Option<&Pattern<&str>> {
        match attribute {
            None => self.value,
            Some(name) => self.attribute(name).map(|a| &a.value),
        }
    }

    /// Translatable units: the value, if any, then each attribute.
    pub(crate) fn units(&self) -> impl Iterator<Item = Option<&str>> {
        let value = self.value.map(|_| None);
        value
            .into_iter()
            .chain(self.attributes.iter().map(|a| Some(a.id.name)))
    }

    /// `` `message` `` or `` `message.attr` ``, as a translator would search for it.
    pub(crate) fn unit_name(&self, unit: Option<&str>) -> String {
        match unit {
            Some(attr) => format!("`{}.{attr}`", self.key),
            None => format!("`{}`", self.key),
        }
    }

    /// Where a unit's id starts in its file.
    pub(crate) fn unit_offset(&self, unit: Option<&str>) -> usize {
        match unit.and_then(|name| self.attribute(name)) {
            Some(attr) => self.file.offset_of(attr.id.name),
            None => self.offset,
        }
    }

    /// Length of a unit's id: the attribute name, or the entry's key.
    pub(crate) fn unit_len(&self, unit: Option<&str>) -> usize {
        unit.map_or(self.key.len(), str::len)
    }
}

/// Every entry of one locale by `Entry::key`; the first definition wins.
pub(crate) struct Catalog<'a> {
    /// First definitions in file order, the order their ASTs lie in
    /// memory: the checks walk them all, and hash order made each entry a
    /// cache miss (a tenth of a run at a million messages).
    entries: Vec<Entry<'a>>,
    index: HashMap<Cow<'a, str>, usize>,
    /// Later definitions of ids already in `entries`, in file order.
    pub(crate) duplicates: Vec<Entry<'a>>,
    /// Where each of the locale's files starts in `entries` and in
    /// `duplicates`, and where the last one ends.
    runs: Vec<(usize, usize)>,
    /// How many unit numbers [`Entry::slot`] hands out.
    pub(crate) slots: usize,
    /// The locale it reads.
    pub(crate) locale: &'a Locale,
    /// When the locale is checked by parts, the entries of other parts
    /// that this part's may refer to: see [`Catalog::find`].
    pinned: Option<&'a Catalog<'a>>,
}

impl<'a> Catalog<'a> {
    pub(crate) fn new(locale: &'a Locale) -> Self {
        // Sized once: grown by doubling, a catalog of 100k entries left
        // a third of its memory unused while the locale was checked.
        let count = locale.files.iter().map(|f| f.entries().count()).sum();
        let mut index: HashMap<Cow<'a, str>, usize> = HashMap::default();
        index.reserve(count);
        let (mut entries, mut duplicates) = (Vec::with_capacity(count), Vec::new());
        let mut runs = Vec::with_capacity(locale.files.len() + 1);
        let mut slots = 0;
        for file in &locale.files {
            runs.push((entries.len(), duplicates.len()));
            for mut entry in file_entries(file) {
                if index.contains_key(&entry.key) {
                    duplicates.push(entry);
                } else {
                    entry.slot = slots;
                    slots += 1 + entry.attributes.len();
                    index.insert(entry.key.clone(), entries.len());
                    entries.push(entry);
                }
            }
        }
        runs.push((entries.len(), duplicates.len()));
        Catalog {
            entries,
            index,
            duplicates,
            runs,
            slots,
            locale,
            pinned: None,
        }
    }

    /// This part of a locale's catalog, with `pinned` (of the same locale)
    /// to look up what its entries refer to outside the part.
    pub(crate) fn with_pinned(mut self, pinned: Option<&'a Catalog<'a>>) -> Self {
        self.pinned = pinned;
        self
    }

    /// The entry a reference to `key` reaches: as [`Catalog::get`], or,
    /// for a part of a locale, in the parts it refers to. Such an entry is
    /// in the part or pinned whole: its id is defined in no other file.
    pub(crate) fn find(&self, key: &str) -> Option<&Entry<'a>> {
        self.get(key).or_else(|| self.pinned?.get(key))
    }

    /// The files of the other parts that this part's references reach.
    pub(crate) fn pinned_files(&self) -> &'a [FtlFile] {
        self.pinned.map_or(&[], |p| &p.locale.files)
    }

    /// Every definition in the locale's `at`-th file, first ones and
    /// later ones alike, in file order.
    pub(crate) fn in_file(&self, at: usize) -> Vec<&Entry<'a>> {
        let ((first, again), (first_end, again_end)) = (self.runs[at], self.runs[at + 1]);
        let (mut first, mut again) = (
            self.entries[first..first_end].iter().peekable(),
            self.duplicates[again..again_end].iter().peekable(),
        );
        let mut out = Vec::with_capacity(first.len() + again.len());
        loop {
            let next = match (first.peek(), again.peek()) {
                (Some(f), Some(a)) if a.offset < f.offset => again.next(),
                (Some(_), _) => first.next(),
                (None, _) => again.next(),
            };
            let Some(entry) = next else { return out };
            out.push(entry);
        }
    }

    /// A locale's catalog whose entries know where `reference` has their key.
    pub(crate) fn paired(locale: &'a Locale, reference: &Catalog) -> Self {
        let mut catalog = Catalog::new(locale);
        for entry in &mut catalog.entries {
            entry.counterpart = reference.index.get(&entry.key).copied();
        }
        catalog
    }

    pub(crate) fn get(&self, key: &str) -> Option<&Entry<'a>> {
        self.index.get(key).map(|&at| &self.entries[at])
    }

    /// This catalog's entry with the key of `entry`, which comes from a
    /// catalog [`paired`](Catalog::paired) with this one.
    pub(crate) fn counterpart(&self, entry: &Entry) -> Option<&Entry<'a>> {
        let found = entry.counterpart.map(|at| &self.entries[at]);
        debug_assert!(found.is_none_or(|f| f.key == entry.key), "not paired");
        found
    }

    /// First definitions, in file order.
    pub(crate) fn entries(&self) -> std::slice::Iter<'_, Entry<'a>> {
        self.entries.iter()
    }

    /// Number of translatable units (values and attributes) of messages and terms.
    pub(crate) fn unit_count(&self) -> usize {
        self.entries.iter().map(|e| e.units().count()).sum()
    }
}

/// The messages and terms of one file, in file order.
pub(crate) fn file_entries(file: &FtlFile) -> Vec<Entry<'_>> {
    let kept = kept_regions(file.source());
    let mut found: Vec<Entry> = file.entries().filter_map(|e| entry(file, e)).collect();
    for e in &mut found {
        e.keep_as_is = kept.iter().any(|r| r.contains(&e.offset));
    }
    found
}

/// Where the source's comments tell translators to leave the text as it is:
/// from such a group comment (`##`) to the next one, and from such a
/// comment (`#`) to the end of the entry's first line. The runtime parser
/// drops comments, so they are read from the source lines.
fn kept_regions(source: &str) -> Vec<std::ops::Range<usize>> {
    let mut regions = Vec::new();
    if !source.contains("ranslate") && !source.contains("RANSLATE") {
        return regions;
    }
    let (mut group, mut comment): (Option<usize>, Option<(usize, String)>) = (None, None);
    let mut at = 0;
    for line in source.split_inclusive('\n') {
        let (start, text) = (at, line.trim_end());
        at += line.len();
        if let Some(rest) = text.strip_prefix("##") {
            regions.extend(group.take().map(|g| g..start));
            group = (!rest.starts_with('#') && says_keep_as_is(rest)).then_some(start);
            comment = None;
        } else if let Some(rest) = text.strip_prefix('#') {
            let (from, mut joined) = comment.take().unwrap_or((start, String::new()));
            joined.push_str(rest);
            joined.push(' ');
            comment = Some((from, joined));
        } else if let Some((from, joined)) = comment.take()
            && says_keep_as_is(&joined)
        {
            regions.push(from..at);
        }
    }
    regions.extend(group.map(|g| g..source.len()));
    regions
}

/// A comment that starts by telling translators not to translate, as a
/// whole sentence ("NO NEED TO TRANSLATE.", "Do not translate"), not one
/// word of the text ("Do not translate 'Firefox'").
fn says_keep_as_is(comment: &str) -> bool {
    const PHRASES: &[&str] = &[
        "no need to translate",
        "do not translate",
        "don't translate",
    ];
    let text = comment.trim().to_lowercase();
    PHRASES.iter().any(|p| {
        let rest = text.strip_prefix(p).map(str::trim_start);
        rest.is_some_and(|r| r.is_empty() || r.starts_with(['.', '!', ';']))
    })
}

fn entry<'a>(file: &'a FtlFile, entry: &'a ast::Entry<&'a str>) -> Option<Entry<'a>> {
    let (id, value, attributes) = match entry {
        ast::Entry::Message(m) => (m.id.name, m.value.as_ref(), &m.attributes[..]),
        ast::Entry::Term(t) => (t.id.name, Some(&t.value), &t.attributes[..]),
        _ => return None,
    };
    let span = file.key_span(entry)?;
    let offset = span.start;
    let key = file.source().get(span).map_or_else(
        || match entry {
            ast::Entry::Term(_) => Cow::Owned(format!("-{id}")),
            _ => Cow::Borrowed(id),
        },
        Cow::Borrowed,
    );
    let by_name = (attributes.len() > INDEXED_FROM).then(|| {
        let mut positions = HashMap::default();
        for (i, attribute) in attributes.iter().enumerate() {
            positions.entry(attribute.id.name).or_insert(i);
        }
        Box::new(ByName {
            unique: positions.len() == attributes.len(),
            positions,
            hint: AtomicUsize::new(0),
        })
    });
    Some(Entry {
        key,
        file,
        value,
        attributes,
        offset,
        by_name,
        keep_as_is: false,
        slot: 0,
        counterpart: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_lookup_finds_the_first_of_a_name_with_or_without_an_index() {
        for count in [2, INDEXED_FROM + 5] {
            let mut src = "big = v\n".to_string();
            for i in 0..count {
                src.push_str(&format!("    .a{i} = {i}\n"));
            }
            src.push_str("    .a1 = again\n");
            let path = std::path::Path::new("t.ftl");
            let file = FtlFile::parse(path, "t.ftl".into(), src.into_bytes()).unwrap();
            let entries = file_entries(&file);
            let entry = &entries[0];
            assert_eq!(entry.by_name.is_some(), count > INDEXED_FROM);
            let text = |name| match &entry.pattern(Some(name)).unwrap().elements[0] {
                ast::PatternElement::TextElement { value } => value.to_string(),
                _ => String::new(),
            };
            assert_eq!(text("a1"), "1");
            assert_eq!(text(&format!("a{}", count - 1)), (count - 1).to_string());
            assert!(entry.attribute("absent").is_none());
        }
    }

    /// With unique names the index also remembers where it last found one;
    /// lookups in any order still find each name.
    #[test]
    fn attribute_lookup_by_hint_and_by_map_agree() {
        let count = INDEXED_FROM * 3;
        let mut src = "big = v\n".to_string();
        for i in 0..count {
            src.push_str(&format!("    .a{i} = {i}\n"));
        }
        let path = std::path::Path::new("t.ftl");
        let file = FtlFile::parse(path, "t.ftl".into(), src.into_bytes()).unwrap();
        let entries = file_entries(&file);
        let entry = &entries[0];
        let order = (0..count).chain((0..count).rev()).chain([7, 3, 40, 41, 0]);
        for i in order {
            assert_eq!(entry.attribute_index(&format!("a{i}")), Some(i));
        }
        assert_eq!(entry.attribute_index("a"), None);
    }

    fn kept(ftl: &str) -> Vec<(String, bool)> {
        let file = FtlFile::parse("a.ftl".as_ref(), "a.ftl".into(), ftl.into()).unwrap();
        let entries = file_entries(&file);
        entries
            .iter()
            .map(|e| (e.key.to_string(), e.keep_as_is))
            .collect()
    }

    /// Each file's definitions, first ones and later ones (in the same file
    /// or after another file's) alike, in the order the file has them.
    #[test]
    fn in_file_lists_every_definition_of_a_file_in_its_order() {
        let file = |rel: &str, src: &str| {
            FtlFile::parse(rel.as_ref(), rel.into(), src.as_bytes().to_vec()).unwrap()
        };
        let locale = Locale {
            tag: "en".parse().unwrap(),
            dir: "en".into(),
            files: vec![
                file("a.ftl", "x = 1\ny = 2\nx = again\n"),
                file("b.ftl", "z = 3\ny = from b\n-t = T\nw = 4\n"),
                file("c.ftl", ""),
            ],
            broken: Vec::new(),
            glossary: None,
        };
        let catalog = Catalog::new(&locale);
        let keys = |at| -> Vec<String> {
            let entries = catalog.in_file(at);
            entries
                .iter()
                .map(|e| format!("{}@{}", e.key, e.offset))
                .collect()
        };
        assert_eq!(keys(0), ["x@0", "y@6", "x@12"]);
        assert_eq!(keys(1), ["z@0", "y@6", "-t@17", "w@24"]);
        assert!(keys(2).is_empty());
    }

    /// Anki's reference groups strings it no longer uses under such a comment.
    #[test]
    fn comments_that_say_no_translation_is_needed_are_kept() {
        let ftl = "a = A\n\n## NO NEED TO TRANSLATE. This text is no longer used by Anki.\n\nb = B\n# Do not translate.\nc = C\n\n## Other strings\n\n# Do not translate 'Firefox'.\nd = Firefox D\n";
        let expected = [("a", false), ("b", true), ("c", true), ("d", false)];
        let expected: Vec<(String, bool)> =
            expected.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        assert_eq!(kept(ftl), expected);
    }
}
