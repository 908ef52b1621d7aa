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
    fn suggests_the_canonical_form() {
        let err = "pt-br".parse::<LocaleTag>().unwrap_err();
        assert_eq!(err, "`pt-br` is not in canonical form; write it as `pt-BR`");
    }
}
