//! Which files a project compares for each locale, and what its filters do
//! to a file or an entry, resolved as compare-locales resolves them
//! (`ProjectFiles` and `ProjectConfig.filter`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use regex::Regex;
use rustc_hash::FxHashMap as HashMap;

use super::pattern::Pattern;
use super::project::Config;
use crate::check::Action;
use crate::error::Result;

/// One reference file and where a locale keeps its translation.
#[derive(Debug, Clone)]
pub struct PlannedFile {
    /// The reference path relative to the project root: how files pair up.
    pub rel: String,
    pub reference: Option<PathBuf>,
    pub l10n: PathBuf,
}

/// A config's filters with `{locale}` set, compiled once per locale.
struct LocaleFilter {
    locale_in_config: bool,
    l10n: Vec<Pattern>,
    rules: Vec<(Pattern, Option<Regex>, Action)>,
    children: Vec<LocaleFilter>,
    excludes: Vec<LocaleFilter>,
}

impl LocaleFilter {
    fn new(config: &Config, locale: &str) -> Result<LocaleFilter> {
        let mut l10n = Vec::new();
        for paths in applicable(config, locale) {
            l10n.push(config.pattern(&paths.l10n, locale)?);
        }
        let rules = config
            .filters
            .iter()
            .map(|f| Ok((config.pattern(&f.path, locale)?, f.key.clone(), f.action)))
            .collect::<Result<_>>()?;
        let each = |configs: &[Config]| {
            configs
                .iter()
                .map(|c| LocaleFilter::new(c, locale))
                .collect::<Result<Vec<_>>>()
        };
        Ok(LocaleFilter {
            locale_in_config: config.all_locales().iter().any(|l| l == locale),
            l10n,
            rules,
            children: each(&config.children)?,
            excludes: each(&config.excludes)?,
        })
    }

    /// `ProjectConfig.filter`: what happens to `path` (and `key` in it).
    fn filter(&self, path: &str, key: Option<&str>) -> Action {
        self.judge(&self.verdict(path), key)
    }

    /// What the path patterns say of `path`, for [`judge`](Self::judge):
    /// matching it once per file, not once per key, kept a tree of many
    /// missing strings from spending its time in the regex engine.
    fn verdict(&self, path: &str) -> Verdict {
        let matching = self.l10n.iter().any(|p| p.matches(path)).then(|| {
            let rules = self.rules.iter().enumerate().rev();
            rules
                .filter(|(_, r)| r.0.matches(path))
                .map(|(i, _)| i)
                .collect()
        });
        Verdict {
            excluded: self
                .excludes
                .iter()
                .any(|e| e.filter(path, None) == Action::Error),
            rules: matching,
            children: self.children.iter().map(|c| c.verdict(path)).collect(),
        }
    }

    fn judge(&self, verdict: &Verdict, key: Option<&str>) -> Action {
        match self.locale_in_config {
            true => self.inner(verdict, key).unwrap_or(Action::Ignore),
            false => Action::Ignore,
        }
    }

    /// Last matching rule wins within a config; the strictest across includes.
    fn inner(&self, verdict: &Verdict, key: Option<&str>) -> Option<Action> {
        if verdict.excluded {
            return None;
        }
        let children = self.children.iter().zip(&verdict.children);
        let mut actions: Vec<Action> = children.filter_map(|(c, v)| c.inner(v, key)).collect();
        if let Some(rules) = &verdict.rules {
            let rule = rules
                .iter()
                .map(|&i| &self.rules[i])
                .find(|(_, rule_key, _)| {
                    rule_key.is_some() == key.is_some()
                        && rule_key
                            .as_ref()
                            .is_none_or(|re| key.is_some_and(|k| re.is_match(k)))
                });
            actions.push(rule.map_or(Action::Error, |r| r.2));
        }
        actions.into_iter().max()
    }
}

/// A [`LocaleFilter`]'s path matching for one file, mirroring its includes.
struct Verdict {
    /// An excluded config's paths match it.
    excluded: bool,
    /// Whether the config's l10n paths match it: then the filter rules whose
    /// path matches, last first.
    rules: Option<Vec<usize>>,
    children: Vec<Verdict>,
}

/// The `[[paths]]` of `config` that `locale` translates.
fn applicable<'a>(
    config: &'a Config,
    locale: &'a str,
) -> impl Iterator<Item = &'a super::project::Paths> {
    config.paths.iter().filter(move |p| {
        p.locales
            .as_ref()
            .is_none_or(|l| l.iter().any(|x| x == locale))
    })
}

/// Everything one locale compares, and how its filters judge findings.
pub struct LocalePlan {
    pub locale: String,
    pub files: Vec<PlannedFile>,
    /// Files outside statusdb's scope (.properties, .dtd, .ini…).
    pub skipped: usize,
    filter: LocaleFilter,
    /// `files` by `rel`, and each file's verdict once a finding asks for it.
    index: HashMap<String, usize>,
    verdicts: Vec<OnceLock<Verdict>>,
}

impl LocalePlan {
    /// compare-locales' `ProjectFiles(locale).iter_locale()`.
    pub fn new(project: &Config, locale: &str) -> Result<LocalePlan> {
        let mut matchers = Vec::new();
        let mut seen_configs: Vec<&Path> = Vec::new();
        for config in project.configs() {
            if seen_configs.contains(&config.path.as_path())
                || config
                    .locales
                    .as_ref()
                    .is_some_and(|l| !l.iter().any(|x| x == locale))
            {
                continue;
            }
            seen_configs.push(&config.path);
            for paths in applicable(config, locale) {
                let l10n = config.pattern(&paths.l10n, locale)?;
                let reference = match &paths.reference {
                    Some(r) => Some(config.pattern(r, locale)?),
                    None => None,
                };
                matchers.push((l10n, reference));
            }
        }
        matchers.reverse(); // the last paths entry wins, as in compare-locales
        let excluded = exclude_patterns(project, locale)?;
        let is_excluded = |p: &str| excluded.iter().any(|e| e.matches(p));
        let mut known: BTreeMap<String, Option<String>> = BTreeMap::new();
        for (l10n, reference) in &matchers {
            for path in files(l10n).into_iter().filter(|p| !is_excluded(p)) {
                let mapped = reference.as_ref().and_then(|r| l10n.sub(r, &path));
                known.entry(path).or_insert(mapped);
            }
            let Some(reference) = reference else { continue };
            for path in files(reference) {
                if let Some(l10n_path) = reference.sub(l10n, &path) {
                    known.entry(l10n_path).or_insert(Some(path));
                }
            }
        }
        let root = format!("{}/", project.root.display());
        let (mut files, mut skipped) = (Vec::new(), 0);
        for (l10n, reference) in known {
            if !l10n.ends_with(".ftl") {
                skipped += 1;
                continue;
            }
            let key = reference.as_deref().unwrap_or(&l10n);
            files.push(PlannedFile {
                rel: key.strip_prefix(&root).unwrap_or(key).to_string(),
                reference: reference.map(PathBuf::from).filter(|p| p.is_file()),
                l10n: PathBuf::from(l10n),
            });
        }
        // The first file of a reference path wins, as the scan it replaces did.
        let mut index = HashMap::default();
        for (i, file) in files.iter().enumerate().rev() {
            index.insert(file.rel.clone(), i);
        }
        Ok(LocalePlan {
            locale: locale.to_string(),
            verdicts: files.iter().map(|_| OnceLock::new()).collect(),
            files,
            skipped,
            filter: LocaleFilter::new(project, locale)?,
            index,
        })
    }

    /// What the filters do to a whole file (`rel`), or to `key` within it.
    pub fn action(&self, rel: &str, key: Option<&str>) -> Action {
        let Some(&i) = self.index.get(rel) else {
            return Action::Ignore;
        };
        let path = || self.files[i].l10n.to_string_lossy().into_owned();
        let verdict = self.verdicts[i].get_or_init(|| self.filter.verdict(&path()));
        self.filter.judge(verdict, key)
    }

    pub fn file(&self, rel: &str) -> Option<&PlannedFile> {
        self.index.get(rel).map(|&i| &self.files[i])
    }
}

/// Patterns of the configs the project excludes, as `ProjectFiles.match` reads them.
fn exclude_patterns(project: &Config, locale: &str) -> Result<Vec<Pattern>> {
    let mut out = Vec::new();
    for config in project.excludes.iter().flat_map(|e| e.configs()) {
        for paths in applicable(config, locale) {
            out.push(config.pattern(&paths.l10n, locale)?);
            if let Some(r) = &paths.reference {
                out.push(config.pattern(r, locale)?);
            }
        }
    }
    Ok(out)
}

/// Files a pattern matches: its prefix if that is a file, else every file
/// below the prefix folder (symbolic links to folders are not followed).
fn files(pattern: &Pattern) -> Vec<String> {
    let prefix = pattern.prefix();
    let base = Path::new(&prefix);
    let mut out = Vec::new();
    if base.is_file() {
        out.push(prefix.clone());
    } else {
        walk(base, &mut out);
    }
    out.retain(|p| pattern.matches(p));
    out
}

fn walk(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&path, out),
            Ok(t) if t.is_file() => out.push(path.to_string_lossy().into_owned()),
            _ => {}
        }
    }
}
