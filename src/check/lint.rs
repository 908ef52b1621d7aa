//! Lints on plain text, shared by the source checks and the rendered-page checks.

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

/// The first word written twice in a row (`when when`), case-insensitively.
pub fn doubled_word(text: &str) -> Option<String> {
    let mut previous: Option<&str> = None;
    for token in text.split_whitespace() {
        let word = token.trim_start_matches(|c: char| !c.is_alphanumeric());
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        // Punctuation before a word ends the run too: "XML (*.xml)".
        if let Some(prev) = previous
            && word.len() == token.len()
            && same_word(prev, bare)
        {
            return Some(format!("{prev} {bare}"));
        }
        // Punctuation after a word ends the run: "when, when" is fine.
        previous = (bare.len() == word.len() && !bare.is_empty()).then_some(bare);
    }
    None
}

/// Case-insensitive equality of two words with a letter, without allocating.
fn same_word(a: &str, b: &str) -> bool {
    let lower = |s: &str| s.chars().flat_map(char::to_lowercase).collect::<Vec<_>>();
    match a.len() == b.len() && a.is_ascii() && b.is_ascii() {
        true => a.eq_ignore_ascii_case(b) && a.bytes().any(|c| c.is_ascii_alphabetic()),
        false => {
            a.chars().count() == b.chars().count()
                && b.chars().any(char::is_alphabetic)
                && lower(a) == lower(b)
        }
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

/// The first run of three or more Latin-script words that the allowlist does
/// not cover; digits and punctuation inside the run are kept for display.
pub fn latin_run(text: &str, allow: &Allowlist) -> Option<String> {
    // Most text has fewer than three Latin words at all: no need to mask it.
    let latin_words = text
        .split_whitespace()
        .filter(|t| t.bytes().any(|b| b.is_ascii_alphabetic()));
    if latin_words.take(3).count() < 3 {
        return None;
    }
    let masked = allow.mask(text);
    let (mut run, mut latin) = (Vec::new(), 0);
    for token in masked.split_whitespace() {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        match classify(word) {
            Script::Latin => {
                run.push(token);
                latin += 1;
            }
            Script::Neutral if !token.contains(PLACEHOLDER) && latin > 0 => run.push(token),
            Script::Neutral if !token.contains(PLACEHOLDER) => {}
            _ => (run, latin) = (Vec::new(), 0),
        }
        if latin >= 3 {
            let shown = run.join(" ");
            return Some(
                shown
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_string(),
            );
        }
    }
    None
}

enum Script {
    Latin,
    Other,
    Neutral,
}

fn classify(word: &str) -> Script {
    let mut latin = false;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if c.is_ascii_alphabetic() {
            latin = true;
        } else {
            return Script::Other;
        }
    }
    if latin {
        Script::Latin
    } else {
        Script::Neutral
    }
}

/// Word pairs a language writes twice by its grammar ("Schakel dit in in",
/// "können Sie sie", "vous vous"), and languages whose reduplication is
/// productive (Turkish "ayrı ayrı"): not doubled-word findings.
pub(crate) fn grammatical_double(langid: &unic_langid::LanguageIdentifier, words: &str) -> bool {
    const PAIRS: &[(&str, &[&str])] = &[
        ("de", &["sie sie", "die die", "das das", "der der"]),
        ("fr", &["vous vous", "nous nous"]),
        ("fy", &["jo jo", "yn yn"]),
        ("nl", &["in in"]),
        ("pt", &["se se"]),
    ];
    const REDUPLICATING: &[&str] = &[
        "tr", "az", "hi", "ur", "pa", "skr", "bn", "id", "ms", "tl", "jbo",
    ];
    let language = langid.language.as_str();
    let lower = words.to_lowercase();
    REDUPLICATING.contains(&language)
        || PAIRS
            .iter()
            .any(|(lang, pairs)| *lang == language && pairs.contains(&lower.as_str()))
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
    fn doubled_words_from_the_seed_page_are_caught() {
        let seed = "You encounter 403 when when trying to access a resource.";
        assert_eq!(doubled_word(seed).as_deref(), Some("when when"));
        assert_eq!(doubled_word("Это это ошибка").as_deref(), Some("Это это"));
        assert_eq!(doubled_word("when, when it fails"), None);
        assert_eq!(doubled_word("200 200 OK"), None);
        assert_eq!(doubled_word("SuperMemo XML (*.xml)"), None);
    }

    #[test]
    fn leftover_placeables_are_caught() {
        assert_eq!(
            leftover_placeable("Hello {$name}!").as_deref(),
            Some("{$name}")
        );
        assert_eq!(leftover_placeable("Hello!"), None);
    }

    #[test]
    fn english_left_in_russian_is_caught_but_reason_phrases_pass() {
        let allow = Allowlist::new(["Forbidden".to_string(), "Not Found".to_string()]);
        let fallback = "The server understood the request but refuses it.";
        assert_eq!(
            latin_run(fallback, &allow).as_deref(),
            Some("The server understood")
        );
        let ru = "В отличие от 404 Not Found, код 403 Forbidden сообщает о запрете по HTTP.";
        assert_eq!(latin_run(ru, &allow), None);
        assert!(allow.covers("403 Forbidden"));
        assert!(!allow.covers("Запрещено"));
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

    #[test]
    fn grammar_that_repeats_a_word_is_not_a_doubled_word() {
        let lang = |t: &str| t.parse::<unic_langid::LanguageIdentifier>().unwrap();
        assert!(grammatical_double(&lang("de"), "Sie sie"));
        assert!(grammatical_double(&lang("nl"), "in in"));
        assert!(grammatical_double(&lang("tr"), "ayrı ayrı"));
        assert!(!grammatical_double(&lang("fi"), "tai tai"));
        assert!(!grammatical_double(&lang("en"), "in in"));
    }
}
