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
//! The plan comes from a lexical scan of each file
//! ([`crate::source::scan`]), which finds every name the parser does, and
//! maybe more: more only joins parts. For a build, the files that define
//! what the database publishes form one part, kept with the parts it
//! refers to for the renderer ([`check_own`]).

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::{Allowlist, Checked, Context, Options, Report, Verdict, largest_first, report};
use crate::error::Result;
use crate::model;
use crate::source::raw::RawLocale;
use crate::source::tree::TreePlan;
use crate::source::{Catalog, Locale, LocaleTag, LocaleTree};
use plan::Plan;

mod plan;

/// Checks `locales` (the reference at `reference`) part by part, calling
/// `progress(files_parsed, total)`. The report is the one a check of the
/// whole locales gives.
pub(crate) fn check(
    locales: Vec<RawLocale>,
    reference: usize,
    options: &Options,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Report {
    let plan = Plan::new(&locales, None);
    run(&plan, locales, reference, options, progress)
}

/// statusdb's own tree under `root`, checked part by part against
/// `options.facts` as [`super::check`] checks it whole; with the tree a
/// build renders from: of each locale, the files that define what the
/// database publishes and the files they refer to.
pub(crate) fn check_own(
    root: &Path,
    options: &Options,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<(Report, LocaleTree)> {
    let tree = TreePlan::new(root, &[])?;
    let tags: Vec<LocaleTag> = tree.tags().cloned().collect();
    let Some(reference) = tags.iter().position(|t| t.as_str() == options.reference) else {
        let available: Vec<&str> = tags.iter().map(LocaleTag::as_str).collect();
        return Err(super::no_reference(
            options.reference,
            root,
            &available.join(", "),
        ));
    };
    let locales: Vec<RawLocale> = (0..tree.len()).map(|at| tree.listed(at)).collect();
    let plan = Plan::new(&locales, Some(model::may_be_published));
    let published = |rel: &str| plan.part(rel) == plan.published || plan.is_pinned(rel);
    let rendered = locales.iter().map(|l| l.copy_of(published)).collect();
    let mut report = run(&plan, locales, reference, options, progress);
    if let Some(facts) = options.facts {
        let found = super::content::locales(root, &tags, &tree.folders, facts);
        report.diagnostics.splice(0..0, found);
    }
    let rendered = LocaleTree {
        root: root.to_path_buf(),
        locales: rendered,
        folders: tree.folders,
    };
    Ok((report, rendered))
}

/// Checks the parts of `plan`, largest first, and adds up each locale's verdicts.
fn run(
    plan: &Plan,
    locales: Vec<RawLocale>,
    reference: usize,
    options: &Options,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Report {
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
    let allow = super::allowlist(options.facts);
    let parts = split(plan, locales);
    let sizes = &plan.sizes;
    let parts: Vec<Mutex<Vec<RawLocale>>> = parts.into_iter().map(Mutex::new).collect();
    // A part larger than a core's share of the work has its locales
    // checked on every core too; spreading small parts across cores only
    // kept idle workers spinning (a third more CPU for 100k files).
    let share = sizes.iter().sum::<u64>() / rayon::current_num_threads() as u64;
    let checked = largest_first(sizes, |at| {
        let part = std::mem::take(&mut *parts[at].lock().unwrap_or_else(|e| e.into_inner()));
        let how = Part {
            reference,
            publishing: at == plan.published,
            parallel: sizes[at] > share,
        };
        check_part(part, how, &pinned, (options, &allow), &parsed)
    });
    report(add_up(checked))
}

/// Each part of `plan`, of every locale in the order of `locales`.
fn split(plan: &Plan, locales: Vec<RawLocale>) -> Vec<Vec<RawLocale>> {
    let mut parts: Vec<Vec<RawLocale>> = (0..plan.count).map(|_| Vec::new()).collect();
    for locale in locales {
        let split = locale.split(plan.count, |rel| plan.part(rel));
        for (part, locale_part) in parts.iter_mut().zip(split) {
            part.push(locale_part);
        }
    }
    parts
}

/// Each locale's verdict on the whole, from its verdict on each part.
fn add_up(parts: Vec<Vec<Verdict>>) -> Vec<Verdict> {
    let mut parts = parts.into_iter();
    let mut whole = parts.next().unwrap_or_default();
    for part in parts {
        for (locale, found) in whole.iter_mut().zip(part) {
            locale.add(found);
        }
    }
    whole
}

/// How to check a part.
struct Part {
    /// Where the reference is among the locales.
    reference: usize,
    /// The part holds what a build publishes.
    publishing: bool,
    /// Its locales are checked on every core.
    parallel: bool,
}

/// One part of every locale, checked: the verdicts in the order of `part`.
fn check_part(
    mut part: Vec<RawLocale>,
    how: Part,
    pinned: &[Option<Catalog>],
    shared: (&Options, &Allowlist),
    parsed: &(dyn Fn() + Sync),
) -> Vec<Verdict> {
    let reference = how.reference;
    let ref_locale = part.remove(reference).parse(false, parsed);
    let mut context = Context::new(&ref_locale, pinned[reference].as_ref(), shared);
    context.publishing = how.publishing;
    let check = |(i, raw): (usize, RawLocale)| {
        let at = if i < reference { i } else { i + 1 };
        context.check(&raw.parse(false, parsed), pinned[at].as_ref())
    };
    let mut checked: Vec<Checked> = match how.parallel {
        true => part.into_par_iter().enumerate().map(check).collect(),
        false => part.into_iter().enumerate().map(check).collect(),
    };
    checked.insert(reference, context.check(&ref_locale, None));
    context.verdicts(checked)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// The tree written to a fresh folder, with a file that is not UTF-8.
    fn write_tree() -> std::path::PathBuf {
        let root = std::env::temp_dir().join(format!("statusdb-parts-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for (tag, files) in TREE {
            std::fs::create_dir_all(root.join(tag)).unwrap();
            for (rel, ftl) in *files {
                std::fs::write(root.join(tag).join(rel), ftl).unwrap();
            }
        }
        std::fs::write(root.join("ko/broken.ftl"), [0xff, 0xfe]).unwrap();
        root
    }

    #[test]
    fn parts_find_what_whole_locales_find() {
        let root = write_tree();
        let options = Options {
            reference: "en",
            facts: None,
            lint: true,
            scope: None,
        };
        let listed = || {
            let plan = TreePlan::new(&root, &[]).unwrap();
            (0..plan.len()).map(|i| plan.listed(i)).collect::<Vec<_>>()
        };
        let plan = Plan::new(&listed(), None);
        assert!(plan.count >= 3, "{} parts", plan.count);
        assert!(plan.is_pinned("terms.ftl") && plan.is_pinned("b.ftl") && !plan.is_pinned("e.ftl"));
        assert_eq!(plan.part("c.ftl"), plan.part("d.ftl"), "dup");
        assert_eq!(plan.part("b.ftl"), plan.part("c.ftl"), "moved");

        let tree = crate::source::tree::load(&root, &[]).unwrap();
        let whole = crate::check::check(&tree, &options).unwrap();
        let whole = serde_json::to_string_pretty(&whole).unwrap();
        // en is second, after de, as in a tree
        let parts =
            serde_json::to_string_pretty(&check(listed(), 1, &options, &|_, _| {})).unwrap();
        std::fs::remove_dir_all(&root).unwrap();
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
