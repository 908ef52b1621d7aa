//! The plan of a check by parts: which files go together, which parts
//! references reach, and which part holds what a build publishes.

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::source::raw::{RawFile, RawLocale};
use crate::source::scan;

/// What a file may define and refer to, owned: the plan outlives the bytes.
struct Names {
    defined: Vec<Box<[u8]>>,
    referenced: HashSet<Box<[u8]>>,
}

fn names(bytes: &[u8]) -> Names {
    let found = scan::names(bytes);
    let referenced: HashSet<&[u8]> = found.referenced.into_iter().collect();
    Names {
        defined: found.defined.into_iter().map(Box::from).collect(),
        referenced: referenced.into_iter().map(Box::from).collect(),
    }
}

/// Which part each file goes to, and which parts are pinned.
pub(super) struct Plan {
    part_of: HashMap<String, usize>,
    pinned: Vec<bool>,
    /// At least one, so that a tree without files still has each locale checked.
    pub(super) count: usize,
    /// The part of every file that defines a name `published` accepts
    /// (see [`Plan::new`]); the first part if there is none.
    pub(super) published: usize,
    /// Bytes of each part, as read to plan: what checking it costs.
    pub(super) sizes: Vec<u64>,
}

impl Plan {
    /// Plans `locales`; files that define a name `published` accepts (the
    /// ids a build renders: `published` may accept more, never fewer) go
    /// into one part, so that the texts a database publishes and the
    /// checks that need all of them (every code has its text) see them
    /// together.
    pub(super) fn new(locales: &[RawLocale], published: Option<fn(&[u8]) -> bool>) -> Self {
        let mut ids: HashMap<&str, usize> = HashMap::default();
        let files: Vec<(usize, &RawLocale, &RawFile)> = locales
            .iter()
            .flat_map(|l| l.files.iter().map(move |f| (l, f)))
            .map(|(l, f)| {
                let next = ids.len();
                (*ids.entry(f.rel.as_str()).or_insert(next), l, f)
            })
            .collect();
        let mut joined = Joined::new(ids.len());
        // A batch at a time: only the names are kept, not the bytes.
        for batch in files.chunks(1024) {
            let scanned: Vec<(usize, u64, Names)> = batch
                .par_iter()
                .map(|&(rel, locale, file)| {
                    let bytes = file.read(&locale.dir).unwrap_or_default();
                    (rel, bytes.len() as u64, names(&bytes))
                })
                .collect();
            for (rel, len, names) in scanned {
                joined.bytes[rel] += len;
                joined.add(rel, names, published);
            }
        }
        joined.plan(ids)
    }

    pub(super) fn part(&self, rel: &str) -> usize {
        self.part_of.get(rel).copied().unwrap_or_default()
    }

    pub(super) fn is_pinned(&self, rel: &str) -> bool {
        self.pinned.get(self.part(rel)).copied().unwrap_or_default()
    }
}

/// Files (by the number of their path) joined as the plan reads them.
struct Joined {
    sets: Sets,
    /// The first file found to define each name.
    defined_in: HashMap<Box<[u8]>, usize>,
    /// The names each file refers to.
    references: Vec<HashSet<Box<[u8]>>>,
    /// The first file found to define a published name.
    publishing: Option<usize>,
    /// Bytes read of each path, in every locale.
    bytes: Vec<u64>,
}

impl Joined {
    fn new(files: usize) -> Self {
        Joined {
            sets: Sets::new(files),
            defined_in: HashMap::default(),
            references: vec![HashSet::default(); files],
            publishing: None,
            bytes: vec![0; files],
        }
    }

    fn add(&mut self, rel: usize, names: Names, published: Option<fn(&[u8]) -> bool>) {
        let publishes = |n: &[u8]| published.is_some_and(|p| p(n));
        if names.defined.iter().any(|n| publishes(n)) {
            let first = *self.publishing.get_or_insert(rel);
            self.sets.join(first, rel);
        }
        for name in names.defined {
            match self.defined_in.get(&name) {
                Some(&other) => self.sets.join(other, rel),
                None => _ = self.defined_in.insert(name, rel),
            }
        }
        self.references[rel].extend(names.referenced);
    }

    /// The roots of the sets that a file of another set refers into.
    fn reached(&mut self) -> HashSet<usize> {
        let mut reached = HashSet::default();
        for (rel, names) in self.references.iter().enumerate() {
            let own = self.sets.root(rel);
            for &at in names.iter().filter_map(|n| self.defined_in.get(n)) {
                let root = self.sets.root(at);
                if root != own {
                    reached.insert(root);
                }
            }
        }
        reached
    }

    /// The plan: a part per set, numbered as `ids` (paths and their numbers) lists them.
    fn plan(mut self, ids: HashMap<&str, usize>) -> Plan {
        let reached = self.reached();
        let mut numbers: HashMap<usize, usize> = HashMap::default();
        let mut pinned = Vec::new();
        let mut part_of = HashMap::default();
        let mut sizes: Vec<u64> = Vec::new();
        for (rel, id) in ids {
            let root = self.sets.root(id);
            let next = numbers.len();
            let part = *numbers.entry(root).or_insert_with(|| {
                pinned.push(reached.contains(&root));
                next
            });
            part_of.insert(rel.to_string(), part);
            sizes.resize(numbers.len(), 0);
            sizes[part] += self.bytes[id];
        }
        let published = self
            .publishing
            .and_then(|rel| numbers.get(&self.sets.root(rel)).copied());
        let count = pinned.len().max(1);
        sizes.resize(count, 0);
        Plan {
            part_of,
            count,
            pinned,
            published: published.unwrap_or_default(),
            sizes,
        }
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
