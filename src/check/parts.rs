//! Checking a tree part by part, so that memory holds the syntax trees of
//! a part per core instead of whole locales (a Fluent AST takes about ten
//! times its source).
//!
//! A part is a set of files, by the path they pair up by, in every locale
//! at once. Every check but two reads one entry and the reference's entry
//! of the same id, or one file: it gives the same findings part by part,
//! when every file that defines a name some other file defines, in any
//! locale, is in the same part (an id defined twice, a term and a message
//! of one name, an entry a translation moved to another file). The two
//! others follow references: they reach the parts that references lead
//! into, which are parsed once more and kept for the whole run (usually a
//! file of terms), and looked up there ([`Catalog::find`]).
//!
//! The plan comes from a lexical scan of each file ([`scan`]), which finds
//! every name the parser does, and maybe more: more only joins parts.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{Checked, Context, Options, Report, Verdict, largest_first, report};
use crate::source::raw::RawLocale;
use crate::source::{Catalog, Locale, scan};

/// Checks `locales` (the reference at `reference`) part by part, calling
/// `progress(files_parsed, total)`. The report is the one a check of the
/// whole locales gives.
pub(crate) fn check(
    locales: Vec<RawLocale>,
    reference: usize,
    options: &Options,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Report {
    let plan = Plan::new(&locales);
    let pinned: Vec<Locale> = locales
        .iter()
        .map(|l| l.copy_of(|rel| plan.is_pinned(rel)))
        .collect();
    let pinned: Vec<Option<Catalog>> = pinned
        .iter()
        .map(|l| (!l.files.is_empty()).then(|| Catalog::new(l)))
        .collect();
    let (total, done) = (
        locales.iter().map(|l| l.files.len()).sum(),
        AtomicUsize::new(0),
    );
    let parsed = || progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
    let mut parts: Vec<Vec<RawLocale>> = (0..plan.count).map(|_| Vec::new()).collect();
    for locale in locales {
        for (at, part) in locale
            .split(plan.count, |rel| plan.part(rel))
            .into_iter()
            .enumerate()
        {
            parts[at].push(part);
        }
    }
    let sizes: Vec<u64> = parts
        .iter()
        .map(|p| p.iter().map(RawLocale::len).sum())
        .collect();
    let parts: Vec<Mutex<Vec<RawLocale>>> = parts.into_iter().map(Mutex::new).collect();
    let checked = largest_first(&sizes, |at| {
        let part = std::mem::take(&mut *parts[at].lock().unwrap_or_else(|e| e.into_inner()));
        check_part(part, reference, &pinned, options, &parsed)
    });
    let mut checked = checked.into_iter();
    let mut whole = checked.next().unwrap_or_default();
    for part in checked {
        for (locale, found) in whole.iter_mut().zip(part) {
            locale.add(found);
        }
    }
    report(whole)
}

/// One part of every locale, checked: the verdicts in the order of `part`.
fn check_part(
    mut part: Vec<RawLocale>,
    reference: usize,
    pinned: &[Option<Catalog>],
    options: &Options,
    parsed: &(dyn Fn() + Sync),
) -> Vec<Verdict> {
    let ref_locale = part.remove(reference).parse(false, parsed);
    let context = Context::new(&ref_locale, pinned[reference].as_ref(), options);
    let mut checked: Vec<Checked> = part
        .into_par_iter()
        .enumerate()
        .map(|(i, raw)| {
            let at = if i < reference { i } else { i + 1 };
            context.check(&raw.parse(false, parsed), pinned[at].as_ref())
        })
        .collect();
    checked.insert(reference, context.check(&ref_locale, None));
    context.verdicts(checked)
}

/// Which part each file goes to, and which parts are pinned.
struct Plan {
    part_of: HashMap<String, usize>,
    pinned: Vec<bool>,
    /// At least one, so that a tree without files still has each locale checked.
    count: usize,
}

impl Plan {
    fn new(locales: &[RawLocale]) -> Self {
        let mut ids: HashMap<&str, usize> = HashMap::default();
        let files: Vec<(usize, &[u8])> = locales
            .iter()
            .flat_map(|l| &l.files)
            .map(|f| {
                let next = ids.len();
                (
                    *ids.entry(f.rel.as_str()).or_insert(next),
                    f.bytes().unwrap_or_default(),
                )
            })
            .collect();
        let scanned: Vec<(usize, scan::Names)> = files
            .into_par_iter()
            .map(|(rel, bytes)| (rel, scan::names(bytes)))
            .collect();
        let mut sets = Sets::new(ids.len());
        let mut defined_in: HashMap<&[u8], usize> = HashMap::default();
        for (rel, names) in &scanned {
            for &name in &names.defined {
                match defined_in.get(name) {
                    Some(&other) => sets.join(other, *rel),
                    None => _ = defined_in.insert(name, *rel),
                }
            }
        }
        let mut pinned_roots = HashSet::default();
        for (rel, names) in &scanned {
            let own = sets.root(*rel);
            let reached = names.referenced.iter().filter_map(|n| defined_in.get(n));
            pinned_roots.extend(reached.map(|&at| sets.root(at)).filter(|&r| r != own));
        }
        let mut numbers: HashMap<usize, usize> = HashMap::default();
        let mut pinned = Vec::new();
        let mut part_of = HashMap::default();
        for (rel, id) in ids {
            let root = sets.root(id);
            let next = numbers.len();
            let part = *numbers.entry(root).or_insert_with(|| {
                pinned.push(pinned_roots.contains(&root));
                next
            });
            part_of.insert(rel.to_string(), part);
        }
        Plan {
            part_of,
            count: pinned.len().max(1),
            pinned,
        }
    }

    fn part(&self, rel: &str) -> usize {
        self.part_of.get(rel).copied().unwrap_or_default()
    }

    fn is_pinned(&self, rel: &str) -> bool {
        self.pinned.get(self.part(rel)).copied().unwrap_or_default()
    }
}

/// Disjoint sets of files (union-find, with path halving).
struct Sets(Vec<usize>);

impl Sets {
    fn new(count: usize) -> Self {
        Sets((0..count).collect())
    }

    fn root(&mut self, mut at: usize) -> usize {
        while self.0[at] != at {
            self.0[at] = self.0[self.0[at]];
            at = self.0[at];
        }
        at
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        self.0[a.max(b)] = a.min(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::raw::RawFile;
    use crate::source::tree::{MemoryLocale, from_memory};

    /// Files that reach into each other every way the checks can see:
    /// terms used everywhere, a message used from another file, a cycle
    /// across two files, an id defined in two files, an entry a locale
    /// moved, a term sharing a message's name, an obsolete file, text the
    /// tree keeps verbatim, a file that is not UTF-8.
    const TREE: &[(&str, &[(&str, &str)])] = &[
        (
            "en",
            &[
                ("terms.ftl", "-brand = Firefox\n-brand-alias = { -brand }\n"),
                (
                    "a.ftl",
                    "a1 = Open { -brand }\na2 = See { b1 }\ncycle-a = { cycle-b }\nctrl = Ctrl\n",
                ),
                (
                    "b.ftl",
                    "b1 = Bee\ncycle-b = { cycle-a }\nmoved = Moved { $n }\nnear = { -brand-alias } near\n",
                ),
                ("c.ftl", "dup = One\nlone = Lone\n"),
                ("d.ftl", "dup = Two\nx = X\n"),
            ],
        ),
        (
            "de",
            &[
                ("terms.ftl", "-brand = Firefox\n"),
                (
                    "a.ftl",
                    "a1 = { -marke } öffnen\na2 = Siehe { b1 }\ncycle-a = { cycle-b }\nctrl = Ctrl\n",
                ),
                (
                    "b.ftl",
                    "cycle-b = { cycle-a }\nnear = { -brand-alias } nah\n",
                ),
                (
                    "c.ftl",
                    "dup = Eins\nmoved = Verschoben\nlone = Allein { $x }\n",
                ),
                ("d.ftl", "dup = Zwei\n-x = Ix\nx = X\n"),
                ("e.ftl", "old = Alt\n"),
            ],
        ),
        (
            "fr",
            &[
                ("a.ftl", "a1 = Ouvrir { -brand }\nctrl = Ctrl\n"),
                ("b.ftl", "b1 = Abeille\nmoved = Déplacé { $n }\n"),
                ("c.ftl", "dup = Un\ndup = Deux\n"),
            ],
        ),
        (
            "ko",
            &[
                ("a.ftl", "ctrl = Ctrl\na2 = { b1 }\n"),
                ("b.ftl", "b1 = \u{FFFF}\n"),
                ("d.ftl", "x = { x }\n"),
            ],
        ),
    ];

    fn memory() -> Vec<MemoryLocale> {
        let files = |f: &[(&str, &str)]| {
            f.iter()
                .map(|(rel, ftl)| (rel.to_string(), ftl.as_bytes().to_vec()))
                .collect()
        };
        let mut all: Vec<MemoryLocale> = TREE
            .iter()
            .map(|(tag, f)| (tag.parse().unwrap(), files(f)))
            .collect();
        all[3].1.push(("broken.ftl".into(), vec![0xff, 0xfe]));
        all.sort_by(|a, b| a.0.cmp(&b.0)); // as a tree orders them: en second
        all
    }

    fn raw(root: &std::path::Path) -> Vec<RawLocale> {
        let locale = |(tag, files): MemoryLocale| {
            let dir = root.join(tag.as_str());
            let read = |(rel, bytes): (String, Vec<u8>)| {
                RawFile::read(&dir.join(&rel), rel, |_| Ok(bytes))
            };
            RawLocale {
                files: files.into_iter().map(read).collect(),
                dir: dir.clone(),
                tag,
                glossary: None,
                broken: Vec::new(),
            }
        };
        memory().into_iter().map(locale).collect()
    }

    #[test]
    fn parts_find_what_whole_locales_find() {
        let root = std::path::Path::new("tree");
        let options = Options {
            reference: "en",
            facts: None,
            lint: true,
            scope: None,
        };
        let plan = Plan::new(&raw(root));
        assert!(plan.count >= 3, "{} parts", plan.count);
        assert!(plan.is_pinned("terms.ftl") && plan.is_pinned("b.ftl") && !plan.is_pinned("e.ftl"));
        assert_eq!(plan.part("c.ftl"), plan.part("d.ftl"), "dup");
        assert_eq!(plan.part("b.ftl"), plan.part("c.ftl"), "moved");

        let tree = from_memory(root, memory(), &[]).unwrap();
        let whole =
            serde_json::to_string_pretty(&crate::check::check(&tree, &options).unwrap()).unwrap();
        let parts =
            serde_json::to_string_pretty(&check(raw(root), 1, &options, &|_, _| {})).unwrap();
        assert_eq!(parts, whole);
        for rule in [
            "unresolvable",
            "unknown-reference",
            "duplicate-id",
            "term-message-clash",
            "obsolete-file",
            "unreadable-file",
            "added-reference",
            "unknown-variable",
        ] {
            assert!(
                whole.contains(&format!("\"{rule}\"")),
                "no {rule} finding: the test lost its point"
            );
        }
    }
}
