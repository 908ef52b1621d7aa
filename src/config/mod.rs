//! Load: a compare-locales project configuration (`l10n.toml`), resolved to
//! the files each locale compares, and the filters that judge its gaps.

mod cargo_i18n;
mod pattern;
mod plan;
mod project;
mod rules;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use plan::LocalePlan;
pub use project::Config;
pub use rules::RuleFilters;

use crate::check::{Action, Scope};
use crate::error::{Error, Result};
use crate::source::LocaleTag;

/// A project as one run of `validate` sees it.
pub struct Project {
    pub config: Config,
    /// The reference folder's name (e.g. `en`, `templates`), for reports.
    pub reference: LocaleTag,
    pub locales: Vec<LocalePlan>,
    /// `locales` by name: the checks ask once per finding.
    by_name: rustc_hash::FxHashMap<String, usize>,
}

impl Project {
    /// Reads `path`. `l10n_base` is `{l10n_base}` (default: the config's
    /// basepath); `only` are locales named on the command line, which are
    /// checked whether or not the config lists them (compare-locales `--full`).
    pub fn load(path: &Path, l10n_base: Option<&Path>, only: &[String]) -> Result<Project> {
        let mut env = pattern::Env::new();
        if let Some(base) = l10n_base {
            let base = project::normalize(&std::env::current_dir().unwrap_or_default().join(base));
            env.insert("l10n_base".into(), base.display().to_string());
        }
        let mut config = Config::load(path, &env)?;
        if !only.is_empty() {
            set_locales(&mut config, only);
        }
        let names = config.all_locales();
        if names.is_empty() {
            return Err(Error::Usage(format!(
                "{} names no locales; list them after the l10n base folder, e.g. `statusdb validate --config {} BASE de fr`",
                config.path.display(),
                path.display()
            )));
        }
        let reference = reference_name(&config)?;
        // Each locale's plan walks its own folders: on every core, but the
        // first failure in the config's order is the one reported.
        let locales: Vec<Result<LocalePlan>> = names
            .par_iter()
            .filter(|name| **name != reference.as_str())
            .map(|name| {
                LocaleTag::folder(name)
                    .map_err(|why| Error::Usage(format!("{}: {why}", config.path.display())))?;
                LocalePlan::new(&config, name)
            })
            .collect();
        let locales = locales.into_iter().collect::<Result<Vec<_>>>()?;
        // The first plan of a name wins, should a config list it twice.
        let by_name = locales
            .iter()
            .enumerate()
            .rev()
            .map(|(i, p)| (p.locale.clone(), i))
            .collect();
        Ok(Project {
            config,
            reference,
            locales,
            by_name,
        })
    }

    /// Every reference file any locale compares, by its key.
    pub fn reference_files(&self) -> Vec<(PathBuf, String)> {
        let mut files: Vec<(PathBuf, String)> = self
            .locales
            .iter()
            .flat_map(|l| &l.files)
            .filter_map(|f| Some((shown(f.reference.as_deref()?), f.rel.clone())))
            .collect();
        files.sort_by(|a, b| a.1.cmp(&b.1));
        files.dedup_by(|a, b| a.1 == b.1);
        files
    }

    /// Files outside statusdb's scope, summed over the locales.
    pub fn skipped(&self) -> usize {
        self.locales.iter().map(|l| l.skipped).sum()
    }

    fn plan(&self, locale: &str) -> Option<&LocalePlan> {
        self.by_name.get(locale).map(|&i| &self.locales[i])
    }
}

impl Scope for Project {
    fn translates(&self, locale: &str, rel: &str) -> bool {
        self.plan(locale).is_some_and(|p| p.file(rel).is_some())
    }

    fn action(&self, locale: &str, rel: &str, key: Option<&str>) -> Action {
        self.plan(locale)
            .map_or(Action::Ignore, |p| p.action(rel, key))
    }

    fn l10n_path(&self, locale: &str, rel: &str) -> Option<PathBuf> {
        Some(shown(&self.plan(locale)?.file(rel)?.l10n))
    }
}

/// `path` as reports name it: from the current folder where it is below it,
/// as the user would type it (plans hold absolute paths, for matching).
pub fn shown(path: &Path) -> PathBuf {
    let here = std::env::current_dir().unwrap_or_default();
    path.strip_prefix(&here).unwrap_or(path).to_path_buf()
}

fn set_locales(config: &mut Config, locales: &[String]) {
    config.locales = Some(locales.to_vec());
    for child in &mut config.children {
        set_locales(child, locales);
    }
}

/// The reference folder: the first folder of the first reference pattern.
fn reference_name(config: &Config) -> Result<LocaleTag> {
    let first = config
        .configs()
        .into_iter()
        .flat_map(|c| c.paths.iter().filter_map(|p| p.reference.as_deref()))
        .next()
        .unwrap_or("en");
    let folder = first
        .trim_start_matches("./")
        .split('/')
        .find(|part| !part.is_empty() && !part.starts_with('{'))
        .unwrap_or("reference");
    Ok(LocaleTag::folder(folder)
        .unwrap_or_else(|_| LocaleTag::folder("reference").expect("a safe name")))
}
