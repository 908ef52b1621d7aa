//! A cargo-i18n configuration (`i18n.toml`, which i18n-embed and the Rust
//! apps built on it read) as a compare-locales project: Fluent files live in
//! `assets_dir/<language>/`, the `fallback_language` folder is the
//! reference, every other folder there is a locale (as i18n-embed finds its
//! languages), and each of `subcrates` has an `i18n.toml` of its own.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::project::Paths;
use crate::error::{Error, Result};

/// The `[fluent]` table; `domain` only names the file in each folder, and
/// every `.ftl` file there is compared, so it is not read.
#[derive(Deserialize)]
pub(super) struct Fluent {
    assets_dir: Option<PathBuf>,
}

/// What an `i18n.toml` turns into: the folder its patterns start from, the
/// one path entry, and the locales found beside the reference.
pub(super) struct Layout {
    pub root: PathBuf,
    pub paths: Paths,
    pub locales: Vec<String>,
}

/// The layout of the `i18n.toml` at `path` (in folder `dir`).
pub(super) fn layout(
    path: &Path,
    dir: &Path,
    fallback: &str,
    fluent: Option<&Fluent>,
) -> Result<Layout> {
    let assets = fluent.and_then(|f| f.assets_dir.as_deref()).ok_or_else(|| {
        Error::Usage(format!(
            "{}: a cargo-i18n configuration without `[fluent] assets_dir` has no Fluent files to check (statusdb reads Fluent, not gettext); add the table or pass --locales DIR",
            path.display()
        ))
    })?;
    let root = super::project::normalize(&dir.join(assets));
    let entries =
        std::fs::read_dir(&root).map_err(|e| Error::io("read the assets folder", &root, e))?;
    let mut locales = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io("read the assets folder", &root, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let folder = entry.file_type().is_ok_and(|t| t.is_dir());
        if folder && !name.starts_with('.') && name != fallback {
            locales.push(name);
        }
    }
    locales.sort();
    Ok(Layout {
        root,
        paths: Paths {
            reference: Some(format!("{fallback}/**")),
            l10n: "{l10n_base}/{locale}/**".into(),
            locales: None,
        },
        locales,
    })
}

/// Where a subcrate's own configuration is.
pub(super) fn subcrate(dir: &Path, name: &Path) -> PathBuf {
    dir.join(name).join("i18n.toml")
}
