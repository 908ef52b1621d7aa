//! Locale tags: validated BCP 47, never trusted as paths.

use std::fmt;
use std::str::FromStr;

use unic_langid::LanguageIdentifier;

/// A BCP 47 language tag in canonical form, e.g. `en`, `ru`, `pt-BR`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocaleTag {
    tag: String,
    langid: LanguageIdentifier,
}

impl LocaleTag {
    pub(crate) fn as_str(&self) -> &str {
        &self.tag
    }

    pub(crate) fn langid(&self) -> &LanguageIdentifier {
        &self.langid
    }

    /// A locale folder as a project names it: a canonical tag, or a name
    /// such as `ja-JP-mac` or `templates` that a configuration or the user
    /// names. Its plural rules come from its language part (`und` if none).
    /// Only letters, digits, `-` and `_`, so it still never names a path.
    pub fn folder(s: &str) -> Result<LocaleTag, String> {
        if let Ok(tag) = s.parse() {
            return Ok(tag);
        }
        let safe = !s.is_empty()
            && !s.starts_with('-')
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !safe {
            return Err(format!(
                "`{s}` is not a locale folder name (letters, digits, `-` and `_` only)"
            ));
        }
        let language = s.split(['-', '_']).next().unwrap_or_default();
        Ok(LocaleTag {
            tag: s.to_string(),
            langid: language.parse().unwrap_or_default(),
        })
    }
}

impl FromStr for LocaleTag {
    type Err = String;

    /// Accepts only canonical tags made of ASCII letters, digits and hyphens,
    /// so a tag can never name a path outside its folder.
    fn from_str(s: &str) -> Result<Self, String> {
        let safe = !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        let langid = safe
            .then(|| s.parse::<LanguageIdentifier>().ok())
            .flatten()
            .ok_or_else(|| {
                format!("`{s}` is not a BCP 47 language tag (examples: en, ru, pt-BR)")
            })?;
        let canonical = langid.to_string();
        if canonical != s {
            return Err(format!(
                "`{s}` is not in canonical form; write it as `{canonical}`"
            ));
        }
        Ok(LocaleTag {
            tag: canonical,
            langid,
        })
    }
}

impl fmt::Display for LocaleTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_canonical_tags() {
        for tag in ["en", "ru", "pt-BR", "zh-Hant-TW", "sr-Latn"] {
            assert_eq!(tag.parse::<LocaleTag>().unwrap().as_str(), tag);
        }
    }

    #[test]
    fn rejects_paths_and_garbage() {
        for bad in [
            "",
            "../x",
            "en/../../etc",
            "en_US",
            "e",
            "toolongsubtag1",
            ".git",
            "en US",
        ] {
            assert!(bad.parse::<LocaleTag>().is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn folders_that_are_not_tags_keep_their_name_and_language() {
        let mac = LocaleTag::folder("ja-JP-mac").unwrap();
        assert_eq!(
            (mac.as_str(), mac.langid().to_string().as_str()),
            ("ja-JP-mac", "ja")
        );
        let templates = LocaleTag::folder("templates").unwrap();
        assert_eq!(templates.langid().to_string(), "und");
        assert_eq!(
            LocaleTag::folder("pt-BR").unwrap(),
            "pt-BR".parse().unwrap()
        );
        for bad in ["", "../en", "en/x", "-x", ".git", "a b"] {
            assert!(LocaleTag::folder(bad).is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn suggests_the_canonical_form() {
        let err = "pt-br".parse::<LocaleTag>().unwrap_err();
        assert_eq!(err, "`pt-br` is not in canonical form; write it as `pt-BR`");
    }
}
