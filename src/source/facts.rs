//! The facts of every status code, loaded from `data/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer};

use super::csvrows::{self, data_error};
use super::tag::LocaleTag;
use crate::error::Result;

/// Where a code stands in the IANA registry, or `Unofficial` when it is not there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum RegistryStatus {
    Standard,
    Provisional,
    Unused,
    Deprecated,
    Obsoleted,
    Unofficial,
}

/// Who has to do something when the code is received.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum ActionBy {
    Client,
    Server,
    None,
}

/// Whether the code reaches the client (see migration 0004).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Delivery {
    /// A server sends it.
    Sent,
    /// Only written to a log; the client gets no response with it.
    Logged,
    /// Used inside a server, which sends the client another status.
    Internal,
    /// A number the registry keeps unused.
    Reserved,
}

impl Delivery {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Sent => "sent",
            Self::Logged => "logged",
            Self::Internal => "internal",
            Self::Reserved => "reserved",
        }
    }
}

impl RegistryStatus {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Standard => "standard",
            Self::Provisional => "provisional",
            Self::Unused => "unused",
            Self::Deprecated => "deprecated",
            Self::Obsoleted => "obsoleted",
            Self::Unofficial => "unofficial",
        }
    }
}

impl ActionBy {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Client => "client",
            Self::Server => "server",
            Self::None => "none",
        }
    }
}

/// One row of `data/status-codes.csv`.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct StatusCode {
    pub(crate) code: u16,
    pub(crate) reason_phrase: String,
    pub(crate) registry_status: RegistryStatus,
    pub(crate) vendor: String,
    pub(crate) reference: String,
    #[serde(deserialize_with = "yes_no")]
    pub(crate) cacheable: bool,
    #[serde(deserialize_with = "header_list")]
    pub(crate) typical_headers: Vec<String>,
    pub(crate) action_by: ActionBy,
    pub(crate) delivery: Delivery,
    /// Its line in the file, for findings that ask for its text.
    #[serde(skip)]
    pub(crate) line: u64,
}

impl StatusCode {
    /// `4xx` for 404.
    pub(crate) fn class(&self) -> String {
        format!("{}xx", self.code / 100)
    }

    /// `404 Not Found`, or `460` where the code has no reason phrase.
    pub(crate) fn label(&self) -> String {
        match self.reason_phrase.as_str() {
            "" => self.code.to_string(),
            reason => format!("{} {reason}", self.code),
        }
    }
}

/// Another name a code is known by (`data/aliases.csv`).
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Alias {
    pub(crate) code: u16,
    pub(crate) alias: String,
}

/// A locale the database publishes (`data/locales.csv`).
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct LocaleInfo {
    #[serde(deserialize_with = "locale_tag")]
    pub(crate) tag: LocaleTag,
    pub(crate) name: String,
    pub(crate) native_name: String,
    #[serde(deserialize_with = "yes_no")]
    pub(crate) is_reference: bool,
    /// Its line in the file, for findings about the row.
    #[serde(skip)]
    pub(crate) line: u64,
}

/// Everything in `data/`, validated.
#[derive(Debug, Clone)]
pub struct Facts {
    /// Sorted by code.
    pub(crate) codes: Vec<StatusCode>,
    pub(crate) aliases: Vec<Alias>,
    pub(crate) locales: Vec<LocaleInfo>,
    /// The folder the files were read from, as messages name it.
    dir: PathBuf,
}

impl Facts {
    /// The path of one of the data files, as findings show it.
    pub(crate) fn path(&self, file: &str) -> String {
        self.dir.join(file).display().to_string()
    }

    pub(crate) fn code(&self, code: u16) -> Option<&StatusCode> {
        self.codes
            .binary_search_by_key(&code, |c| c.code)
            .ok()
            .map(|i| &self.codes[i])
    }

    pub(crate) fn reference(&self) -> &LocaleInfo {
        self.locales
            .iter()
            .find(|l| l.is_reference)
            .unwrap_or(&self.locales[0])
    }

    pub(crate) fn locale(&self, tag: &str) -> Option<&LocaleInfo> {
        self.locales.iter().find(|l| l.tag.as_str() == tag)
    }
}

pub(crate) const CODES_FILE: &str = "status-codes.csv";
pub(crate) const ALIASES_FILE: &str = "aliases.csv";
pub(crate) const LOCALES_FILE: &str = "locales.csv";

/// Loads and validates `status-codes.csv`, `aliases.csv` and `locales.csv` in `dir`.
pub fn load(dir: &Path) -> Result<Facts> {
    if !dir.is_dir() {
        return Err(crate::Error::Usage(format!(
            "the data folder '{}' does not exist; give the folder that holds {CODES_FILE}, {ALIASES_FILE} and {LOCALES_FILE}",
            dir.display()
        )));
    }
    let read = |name: &str| super::input::read(&dir.join(name));
    parse(
        dir,
        &read(CODES_FILE)?,
        &read(ALIASES_FILE)?,
        &read(LOCALES_FILE)?,
    )
}

/// Validates the three files of a data folder held in memory; `dir` names
/// the folder in messages.
pub fn parse(dir: &Path, codes: &[u8], aliases: &[u8], locales: &[u8]) -> Result<Facts> {
    let codes = load_codes(&dir.join(CODES_FILE), codes)?;
    let aliases = load_aliases(&dir.join(ALIASES_FILE), aliases, &codes)?;
    let locales = load_locales(&dir.join(LOCALES_FILE), locales)?;
    Ok(Facts {
        codes,
        aliases,
        locales,
        dir: dir.to_path_buf(),
    })
}

fn load_codes(path: &Path, bytes: &[u8]) -> Result<Vec<StatusCode>> {
    let mut seen: BTreeMap<u16, (u64, StatusCode)> = BTreeMap::new();
    for row in csvrows::parse::<StatusCode>(path, bytes)? {
        let code = row.value.code;
        if !(100..=599).contains(&code) {
            return Err(data_error(
                path,
                row.line,
                format!("code {code} is outside 100-599"),
            ));
        }
        if row.value.reason_phrase.contains(['{', '}']) {
            return Err(data_error(
                path,
                row.line,
                "a reason phrase cannot contain `{` or `}`",
            ));
        }
        if !row.value.vendor.is_empty() && row.value.registry_status != RegistryStatus::Unofficial {
            return Err(data_error(
                path,
                row.line,
                format!("code {code} is in the IANA registry, so its vendor must be empty"),
            ));
        }
        let reserved = row.value.registry_status == RegistryStatus::Unused;
        if reserved != (row.value.delivery == Delivery::Reserved) {
            return Err(data_error(
                path,
                row.line,
                format!(
                    "code {code}: delivery is `reserved` exactly when the registry status is `unused`"
                ),
            ));
        }
        if let Some((first, _)) = seen.get(&code) {
            return Err(data_error(
                path,
                row.line,
                format!(
                    "code {code} is already defined on line {first}; keep one row per code and name other uses in its notes"
                ),
            ));
        }
        let line = row.line;
        seen.insert(code, (line, StatusCode { line, ..row.value }));
    }
    Ok(seen.into_values().map(|(_, code)| code).collect())
}

fn load_aliases(path: &Path, bytes: &[u8], codes: &[StatusCode]) -> Result<Vec<Alias>> {
    let mut aliases = Vec::new();
    for row in csvrows::parse::<Alias>(path, bytes)? {
        if codes
            .binary_search_by_key(&row.value.code, |c| c.code)
            .is_err()
        {
            let msg = format!(
                "alias for code {} which is not in {CODES_FILE}",
                row.value.code
            );
            return Err(data_error(path, row.line, msg));
        }
        aliases.push(row.value);
    }
    aliases.sort_by(|a, b| (a.code, &a.alias).cmp(&(b.code, &b.alias)));
    aliases.dedup_by(|a, b| a.code == b.code && a.alias == b.alias);
    Ok(aliases)
}

fn load_locales(path: &Path, bytes: &[u8]) -> Result<Vec<LocaleInfo>> {
    let rows = csvrows::parse::<LocaleInfo>(path, bytes)?;
    let mut seen = std::collections::BTreeMap::new();
    for row in &rows {
        if let Some(first) = seen.insert(row.value.tag.clone(), row.line) {
            let msg = format!(
                "locale `{}` is already listed on line {first}; keep one row per locale",
                row.value.tag
            );
            return Err(data_error(path, row.line, msg));
        }
    }
    let references = rows.iter().filter(|r| r.value.is_reference).count();
    if references != 1 {
        let line = rows.last().map_or(1, |r| r.line);
        let msg = format!("{references} locales are marked as reference; mark exactly one `yes`");
        return Err(data_error(path, line, msg));
    }
    let rows = rows.into_iter();
    let mut locales: Vec<LocaleInfo> = rows
        .map(|r| LocaleInfo {
            line: r.line,
            ..r.value
        })
        .collect();
    locales.sort_by(|a, b| a.tag.cmp(&b.tag));
    Ok(locales)
}

fn yes_no<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    match String::deserialize(d)?.as_str() {
        "yes" => Ok(true),
        "no" => Ok(false),
        other => Err(serde::de::Error::custom(format!(
            "expected `yes` or `no`, found `{other}`"
        ))),
    }
}

fn header_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let text = String::deserialize(d)?;
    Ok(text
        .split(';')
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .map(String::from)
        .collect())
}

fn locale_tag<'de, D: Deserializer<'de>>(d: D) -> Result<LocaleTag, D::Error> {
    String::deserialize(d)?
        .parse()
        .map_err(serde::de::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repo_data_loads() {
        let facts = load(Path::new(env!("CARGO_MANIFEST_DIR")).join("data").as_path()).unwrap();
        assert_eq!(
            facts.code(451).unwrap().label(),
            "451 Unavailable For Legal Reasons"
        );
        assert!(
            facts.code(451).unwrap().cacheable,
            "RFC 7725: cacheable by default"
        );
        assert_eq!(
            facts.code(460).unwrap().label(),
            "460 Client Closed Connection"
        );
        assert_eq!(facts.reference().tag.as_str(), "en");
    }

    /// Facts the content review corrected.
    #[test]
    fn reviewed_facts_hold() {
        let facts = load(Path::new(env!("CARGO_MANIFEST_DIR")).join("data").as_path()).unwrap();
        let code = |c| facts.code(c).unwrap();
        assert_eq!(code(511).action_by, ActionBy::Client, "the user signs in");
        assert_eq!(
            code(202).action_by,
            ActionBy::Client,
            "the client follows up"
        );
        for folklore in [218, 598, 599] {
            assert_eq!(code(folklore).vendor, "", "{folklore} has no vendor");
        }
        assert_eq!(code(102).registry_status, RegistryStatus::Standard);
        for logged in [444, 460, 499] {
            assert_eq!(
                code(logged).delivery,
                Delivery::Logged,
                "{logged} is never sent"
            );
        }
        for internal in 494..=497 {
            assert_eq!(
                code(internal).delivery,
                Delivery::Internal,
                "{internal} goes out as 400"
            );
        }
    }
}
