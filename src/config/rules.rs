//! `[[statusdb.filters]]`: statusdb's own rules silenced or re-graded for
//! some files or keys, in compare-locales' filter syntax plus `rule`:
//!
//! ```toml
//! [[statusdb.filters]]
//! rule = "latin-script"          # one rule name or a list
//! path = "{l}main.ftl"           # optional: one pattern or a list
//! key = ["brand", "re:^promo-"]  # optional: the message or term ids
//! action = "ignore"              # or "warning", "error"
//! ```
//!
//! They live in `[statusdb]`, not in `[[filters]]`: compare-locales would
//! apply a `[[filters]]` entry to its own checks of those keys too.

use std::cell::OnceCell;
use std::path::PathBuf;

use regex::Regex;

use super::Project;
use super::pattern::Pattern;
use super::project::{RuleFilterSpec, key_regex};
use crate::check::{Action, Diagnostic, Rule};
use crate::error::{Error, Result};

struct RuleFilter {
    rules: Vec<Rule>,
    /// Per locale, the paths with `{locale}` set; empty: every file.
    paths: Vec<(String, Vec<Pattern>)>,
    any_path: bool,
    /// Empty: every finding, with or without a key.
    keys: Vec<Regex>,
    action: Action,
}

impl RuleFilter {
    /// Whether it applies to `d`, whose file `file()` gives as an absolute path.
    fn matches<'a>(&self, d: &Diagnostic, file: impl Fn() -> Option<&'a str>) -> bool {
        if !self.rules.contains(&d.rule) {
            return false;
        }
        let path_ok = self.any_path
            || self.paths.iter().any(|(locale, patterns)| {
                d.locale.as_deref() == Some(locale.as_str())
                    && file().is_some_and(|f| patterns.iter().any(|p| p.matches(f)))
            });
        let key_ok = self.keys.is_empty()
            || d.key
                .as_deref()
                .is_some_and(|k| self.keys.iter().any(|re| re.is_match(k)));
        path_ok && key_ok
    }
}

/// The project's `[[statusdb.filters]]`, compiled for its locales.
pub struct RuleFilters {
    filters: Vec<RuleFilter>,
    /// Where relative paths of findings start (reports name files from the
    /// current folder; patterns match absolute paths).
    here: PathBuf,
}

impl RuleFilters {
    pub fn new(project: &Project) -> Result<RuleFilters> {
        let config = &project.config;
        let bad = |why: String| {
            Error::Usage(format!(
                "{}: [[statusdb.filters]]: {why}",
                config.path.display()
            ))
        };
        let mut locales: Vec<&str> = project.locales.iter().map(|l| l.locale.as_str()).collect();
        locales.push(project.reference.as_str());
        let compile = |spec: &RuleFilterSpec| -> Result<RuleFilter> {
            let rules = spec.rule.clone().into_vec();
            let rules = rules
                .iter()
                .map(|r| r.parse::<Rule>().map_err(&bad))
                .collect::<Result<Vec<_>>>()?;
            let texts = spec.path.clone().map(|p| p.into_vec()).unwrap_or_default();
            let paths = locales
                .iter()
                .map(|locale| {
                    let patterns = texts
                        .iter()
                        .map(|t| config.pattern(t, locale))
                        .collect::<Result<Vec<_>>>()?;
                    Ok((locale.to_string(), patterns))
                })
                .collect::<Result<Vec<_>>>()?;
            let keys = spec.key.clone().map(|k| k.into_vec()).unwrap_or_default();
            let keys = keys
                .iter()
                .map(|k| key_regex(k).map_err(&bad))
                .collect::<Result<Vec<_>>>()?;
            Ok(RuleFilter {
                rules,
                paths,
                any_path: texts.is_empty(),
                keys,
                action: spec.action,
            })
        };
        let filters = config.settings.filters.iter().map(compile);
        Ok(RuleFilters {
            filters: filters.collect::<Result<_>>()?,
            here: std::env::current_dir().unwrap_or_default(),
        })
    }

    /// What the last filter that matches `d` does to it, if one does.
    pub(crate) fn action(&self, d: &Diagnostic) -> Option<Action> {
        // The absolute path is made once, and only for a filter that names
        // paths and the finding's rule: most findings meet none.
        let file = OnceCell::new();
        let path = || {
            file.get_or_init(|| {
                let path = d.file.as_ref().map(|f| self.here.join(f));
                path.map(|p| p.to_string_lossy().into_owned())
            })
            .as_deref()
        };
        let matches = |f: &&RuleFilter| f.matches(d, path);
        self.filters.iter().rev().find(matches).map(|f| f.action)
    }
}
