//! A compare-locales project configuration (`l10n.toml`) as compare-locales
//! reads it: `basepath` relative to the file, `[env]` variables, `paths`,
//! `filters`, `includes`, `excludes` and `locales`; or a cargo-i18n
//! `i18n.toml`, read as the equivalent project (see [`cargo_i18n`]).

use std::path::{Component, Path, PathBuf};

use regex::Regex;
use serde::Deserialize;

use super::cargo_i18n;
use super::pattern::{Env, Pattern};
use crate::check::Action;
use crate::error::{Error, Result};

/// Tables compare-locales does not read (e.g. `[fluent]`) are ignored, as there.
#[derive(Deserialize)]
struct RawConfig {
    basepath: Option<String>,
    locales: Option<Vec<String>>,
    #[serde(default)]
    env: std::collections::HashMap<String, String>,
    #[serde(default)]
    paths: Vec<RawPaths>,
    #[serde(default)]
    filters: Vec<RawFilter>,
    #[serde(default)]
    includes: Vec<RawChild>,
    #[serde(default)]
    excludes: Vec<RawChild>,
    /// statusdb's own settings; compare-locales ignores the table.
    #[serde(default)]
    statusdb: Settings,
    /// cargo-i18n's `i18n.toml`: these three and no `paths`.
    fallback_language: Option<String>,
    fluent: Option<super::cargo_i18n::Fluent>,
    #[serde(default)]
    subcrates: Vec<PathBuf>,
}

/// `[statusdb]` in a project configuration: how findings count.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// `missing = "warning"`: what a missing file, entry or string is.
    pub missing: Option<Action>,
    /// `rules = { identical = "ignore" }`: a severity per rule name.
    #[serde(default)]
    pub rules: std::collections::BTreeMap<String, Action>,
    /// `[[statusdb.filters]]`: a severity for some rules in some files or keys.
    #[serde(default)]
    pub filters: Vec<RuleFilterSpec>,
}

/// One `[[statusdb.filters]]` table, as written; see `super::rules`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFilterSpec {
    pub(super) rule: OneOrMany,
    pub(super) path: Option<OneOrMany>,
    pub(super) key: Option<OneOrMany>,
    pub(super) action: Action,
}

#[derive(Deserialize)]
struct RawPaths {
    reference: Option<String>,
    l10n: String,
    locales: Option<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(super) enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub(super) fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

#[derive(Deserialize)]
struct RawFilter {
    path: OneOrMany,
    key: Option<OneOrMany>,
    action: Action,
}

#[derive(Deserialize)]
struct RawChild {
    path: String,
}

/// One `[[paths]]` entry; patterns keep `{locale}` to expand per locale.
#[derive(Debug, Clone)]
pub struct Paths {
    pub reference: Option<String>,
    pub l10n: String,
    pub locales: Option<Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct Filter {
    pub path: String,
    /// `None` for a rule on whole files.
    pub key: Option<Regex>,
    pub action: Action,
}

/// One configuration file and the ones it includes.
#[derive(Debug, Clone)]
pub struct Config {
    pub path: PathBuf,
    pub root: PathBuf,
    pub env: Env,
    pub paths: Vec<Paths>,
    pub filters: Vec<Filter>,
    pub locales: Option<Vec<String>>,
    pub children: Vec<Config>,
    pub excludes: Vec<Config>,
    pub settings: Settings,
}

impl Config {
    /// Reads `path` and what it includes; `given` (e.g. `l10n_base`) wins
    /// over the file's own `[env]`, as in compare-locales, and reaches the
    /// includes.
    pub fn load(path: &Path, given: &Env) -> Result<Config> {
        Config::load_below(path, given, &[])
    }

    /// [`Config::load`] for a config that `chain` (outermost first)
    /// includes: one that includes itself, directly or not, is refused.
    fn load_below(path: &Path, given: &Env, chain: &[PathBuf]) -> Result<Config> {
        let path = normalize(&std::env::current_dir().unwrap_or_default().join(path));
        if let Some(start) = chain.iter().position(|p| *p == path) {
            let mut cycle: Vec<String> = chain[start..]
                .iter()
                .map(|p| p.display().to_string())
                .collect();
            cycle.push(path.display().to_string());
            return Err(Error::Usage(format!(
                "{} includes itself: {}; remove the include that closes the loop",
                chain[start].display(),
                cycle.join(" -> ")
            )));
        }
        let chain = &[chain, std::slice::from_ref(&path)].concat();
        let text = crate::source::input::read_text(&path)?;
        let mut raw: RawConfig = toml::from_str(&text).map_err(|e| toml_error(&path, &text, &e))?;
        let dir = path.parent().unwrap_or(Path::new("/"));
        let mut root = normalize(&dir.join(raw.basepath.as_deref().unwrap_or(".")));
        let (cargo_i18n, subcrates) = match &raw.fallback_language {
            Some(fallback) if raw.paths.is_empty() => {
                let layout = cargo_i18n::layout(&path, dir, fallback, raw.fluent.as_ref())?;
                root = layout.root;
                raw.locales.get_or_insert(layout.locales);
                // Each subcrate has its own assets folder: the l10n base
                // found here is not theirs.
                let subcrates = raw
                    .subcrates
                    .iter()
                    .map(|name| Config::load_below(&cargo_i18n::subcrate(dir, name), given, chain))
                    .collect::<Result<Vec<_>>>()?;
                (Some(layout.paths), subcrates)
            }
            _ => (None, Vec::new()),
        };
        // Without an l10n base, `{l10n_base}` is the folder `basepath` names.
        let mut env = given.clone();
        env.entry("l10n_base".into())
            .or_insert_with(|| root.display().to_string());
        let env = &env;
        let mut full_env = raw.env.clone();
        full_env.extend(env.clone());
        let bad = |why: String| Error::Usage(format!("{}: {why}", path.display()));
        let filters = raw
            .filters
            .into_iter()
            .map(|f| compile_filter(f).map_err(&bad))
            .collect::<Result<Vec<_>>>()?
            .into_iter()
            .flatten()
            .collect();
        let child = |c: &RawChild| -> Result<Config> {
            let p = Pattern::new(&c.path, &full_env, &root).map_err(&bad)?;
            Config::load_below(Path::new(&p.prefix()), env, chain)
        };
        let mut children = raw.includes.iter().map(child).collect::<Result<Vec<_>>>()?;
        children.extend(subcrates);
        let excludes = raw.excludes.iter().map(child).collect::<Result<Vec<_>>>()?;
        let paths = raw
            .paths
            .into_iter()
            .map(|p| Paths {
                reference: p.reference,
                l10n: p.l10n,
                locales: p.locales,
            })
            .chain(cargo_i18n)
            .collect();
        Ok(Config {
            path,
            root,
            env: full_env,
            paths,
            filters,
            locales: raw.locales,
            children,
            excludes,
            settings: raw.statusdb,
        })
    }

    /// This configuration and every one it includes, depth first.
    pub fn configs(&self) -> Vec<&Config> {
        let mut out = vec![self];
        for child in &self.children {
            out.extend(child.configs());
        }
        out
    }

    /// Every locale the project names, in its configs or its paths.
    pub fn all_locales(&self) -> Vec<String> {
        let mut all: Vec<String> = self
            .configs()
            .iter()
            .flat_map(|c| {
                let own = c.locales.iter().flatten();
                own.chain(c.paths.iter().filter_map(|p| p.locales.as_ref()).flatten())
            })
            .cloned()
            .collect();
        all.sort();
        all.dedup();
        all
    }

    /// A pattern of this config with `locale` set.
    pub fn pattern(&self, text: &str, locale: &str) -> Result<Pattern> {
        let mut env = self.env.clone();
        env.insert("locale".into(), locale.into());
        Pattern::new(text, &env, &self.root)
            .map_err(|why| Error::Usage(format!("{}: `{text}`: {why}", self.path.display())))
    }
}

/// A filter per path and key, as compare-locales compiles them: a plain key
/// matches exactly, a `re:` key is a regular expression matched at the start.
fn compile_filter(raw: RawFilter) -> std::result::Result<Vec<Filter>, String> {
    let keys = match raw.key {
        None => vec![None],
        Some(keys) => keys.into_vec().into_iter().map(Some).collect(),
    };
    let mut out = Vec::new();
    for path in raw.path.into_vec() {
        for key in &keys {
            let key = key.as_deref().map(key_regex).transpose()?;
            out.push(Filter {
                path: path.clone(),
                key,
                action: raw.action,
            });
        }
    }
    Ok(out)
}

/// A filter key: plain keys match exactly, `re:` starts a regular
/// expression matched at the start of the key (compare-locales' `re:`).
pub(super) fn key_regex(key: &str) -> std::result::Result<Regex, String> {
    let source = match key.strip_prefix("re:") {
        Some(re) => format!("^(?:{re})"),
        None => format!("^{}$", regex::escape(key)),
    };
    Regex::new(&source).map_err(|e| format!("filter key `{key}`: {e}"))
}

fn toml_error(path: &Path, text: &str, err: &toml::de::Error) -> Error {
    let (line, col) = err.span().map_or((0, 0), |span| {
        let before = &text[..span.start.min(text.len())];
        let line = before.matches('\n').count() + 1;
        (
            line,
            before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1,
        )
    });
    Error::Usage(format!(
        "{}:{line}:{col}: not a compare-locales configuration: {}; fix the file (compare-locales' documentation describes the format)",
        path.display(),
        err.message()
    ))
}

/// `path` without `.` and `..` parts, without touching the file system.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
