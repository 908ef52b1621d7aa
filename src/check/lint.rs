//! Lints on plain text, shared by the source checks and the rendered-page checks.

mod doubled;
mod latin;
mod tokens;

pub(crate) use doubled::grammatical_double;
pub use doubled::{Doubled, doubled_words};
pub use latin::{LatinRun, latin_runs};
pub(crate) use latin::{has_words_of, is_names};

use crate::source::walk::PLACEHOLDER;

/// Latin phrases allowed inside text of a non-Latin locale: reason phrases,
/// header names, vendor names and technical acronyms.
#[derive(Debug, Clone, Default)]
pub struct Allowlist {
    /// Longest first, so `Not Found` goes before `Not`.
    phrases: Vec<String>,
}

/// Acronyms and names that stay in Latin script in every language.
const TECH_TOKENS: &[&str] = &[
    "HTTP",
    "HTTPS",
    "HTTP/1.0",
    "HTTP/1.1",
    "HTTP/2",
    "HTTP/3",
    "URL",
    "URI",
    "API",
    "JSON",
    "XML",
    "HTML",
    "TLS",
    "SSL",
    "DNS",
    "TCP",
    "IP",
    "CDN",
    "WebDAV",
    "WebSocket",
    "OAuth",
    "CORS",
    "CSRF",
    "REST",
    "GET",
    "HEAD",
    "POST",
    "PUT",
    "PATCH",
    "DELETE",
    "OPTIONS",
    "CONNECT",
    "TRACE",
    "IANA",
    "RFC",
    "gRPC",
    "nginx",
    "Cloudflare",
    "AWS",
    "ALB",
    "IIS",
    "Exchange",
    "ActiveSync",
    "Microsoft",
    "Windows",
    "Apache",
    "cPanel",
    "Laravel",
    "Twitter",
    "Spring",
    "Esri",
    "ArcGIS",
    "Railgun",
    "Pantheon",
    "Cloud Foundry",
    "gorouter",
    "IdP",
    "Outlook",
    "Web Access",
    "OWA",
    "Content-Type",
    "multipart/byteranges",
    "application/json",
];

impl Allowlist {
    pub(crate) fn new(phrases: impl IntoIterator<Item = String>) -> Self {
        let mut phrases: Vec<String> = phrases
            .into_iter()
            .chain(TECH_TOKENS.iter().map(|t| t.to_string()))
            .filter(|p| !p.trim().is_empty())
            .collect();
        phrases.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        phrases.dedup();
        Allowlist { phrases }
    }

    /// `text` with every allowlisted phrase replaced by one placeholder, so a
    /// phrase never counts as words.
    fn mask(&self, text: &str) -> String {
        self.replace_phrases(text, |_| PLACEHOLDER.to_string())
    }

    /// `text` with every allowlisted phrase turned into spaces of the same
    /// length, so byte offsets still point into the original.
    pub(crate) fn blank(&self, text: &str) -> String {
        self.replace_phrases(text, |phrase| " ".repeat(phrase.len()))
    }

    /// Longest phrases first (the order `new` sorts them in), so a phrase
    /// inside a longer one is never replaced on its own.
    fn replace_phrases(&self, text: &str, with: impl Fn(&str) -> String) -> String {
        let mut replaced = text.to_string();
        for phrase in &self.phrases {
            if replaced.contains(phrase.as_str()) {
                replaced = replaced.replace(phrase.as_str(), &with(phrase));
            }
        }
        replaced
    }

    /// True when `text` says nothing beyond allowlisted phrases, digits and punctuation.
    pub(crate) fn covers(&self, text: &str) -> bool {
        !self.mask(text).chars().any(char::is_alphabetic)
    }
}

/// A placeable that Fluent could not resolve shows up as `{...}` in the output.
pub fn leftover_placeable(text: &str) -> Option<String> {
    let start = text.find(['{', '}'])?;
    let end = text[start..]
        .find('}')
        .map_or(text.len(), |i| start + i + 1);
    Some(text[start..end].to_string())
}

/// Whether text in this locale should be in a non-Latin script: its own
/// script subtag, else the likely one from CLDR (`ru` → Cyrl, `sr-Latn` →
/// Latn). A language CLDR does not know is taken as Latin: no warnings.
pub(crate) fn expects_non_latin(langid: &unic_langid::LanguageIdentifier) -> bool {
    let mut likely = langid.clone();
    likely.maximize();
    likely.script.is_some_and(|s| s.as_str() != "Latn")
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn leftover_placeables_are_caught() {
        assert_eq!(
            leftover_placeable("Hello {$name}!").as_deref(),
            Some("{$name}")
        );
        assert_eq!(leftover_placeable("Hello!"), None);
    }
    #[test]
    fn scripts_come_from_the_tag_or_cldr() {
        let non_latin = |tag: &str| expects_non_latin(&tag.parse().unwrap());
        // Every language the hand-kept list had, and a script subtag.
        let old_list = [
            "ar", "be", "bg", "el", "fa", "he", "hi", "hy", "ja", "ka", "kk", "ko", "ky", "mk",
            "mn", "ru", "sr", "tg", "th", "uk", "zh",
        ];
        for tag in old_list.into_iter().chain(["zh-Hant-TW", "en-Cyrl"]) {
            assert!(non_latin(tag), "{tag}");
        }
        for tag in ["en", "de", "pt-BR", "sr-Latn", "tr", "vi", "az"] {
            assert!(!non_latin(tag), "{tag}");
        }
    }
}
