//! Latin-script text in locales written in another script.

use super::Allowlist;
use super::tokens::{is_word_char, tokens};
use crate::source::walk::PLACEHOLDER;

/// A run of three or more Latin-script words in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LatinRun {
    /// Its first three Latin words and what lies between, for messages.
    pub shown: String,
    /// The whole run, up to the next word in another script or a placeable.
    pub text: String,
}

/// Every run of three or more Latin-script words that the allowlist does
/// not cover; digits and punctuation inside a run are part of it.
pub fn latin_runs(text: &str, allow: &Allowlist) -> Vec<LatinRun> {
    // Most text has fewer than three Latin words at all: no need to mask it.
    let latin_words = tokens(text).filter(|t| t.bytes().any(|b| b.is_ascii_alphabetic()));
    if latin_words.take(3).count() < 3 {
        return Vec::new();
    }
    let masked = allow.mask(text);
    let mut runs = Vec::new();
    // The run's tokens, and where its third Latin word ends and its last one.
    let (mut run, mut latin, mut third, mut last) = (Vec::new(), 0, 0, 0);
    for token in tokens(&masked).chain([PLACEHOLDER_STR]) {
        let word = token.trim_matches(|c: char| !is_word_char(c));
        let script = match file_pattern(token) {
            true => Script::Neutral,
            false => classify(word),
        };
        match script {
            Script::Latin => {
                run.push(token);
                latin += 1;
                third = if latin == 3 { run.len() } else { third };
                last = run.len();
            }
            Script::Neutral if !token.contains(PLACEHOLDER) && latin > 0 => run.push(token),
            Script::Neutral if !token.contains(PLACEHOLDER) => {}
            _ => {
                if latin >= 3 {
                    let join = |tokens: &[&str]| {
                        let joined = tokens.join(" ");
                        joined
                            .trim_matches(|c: char| !c.is_alphanumeric())
                            .to_string()
                    };
                    let (shown, text) = (join(&run[..third]), join(&run[..last]));
                    runs.push(LatinRun { shown, text });
                }
                (run, latin) = (Vec::new(), 0);
            }
        }
    }
    runs
}

/// The placeholder as a token: ends the last run of a text.
const PLACEHOLDER_STR: &str = "\u{FFFC}";

/// Whether the words of `run` (letters and digits, punctuation and spacing
/// aside) appear in this order, one after another, in `text`: a name or a
/// key combination the reference writes ("Ctrl+Shift+T", "FSRS (Free
/// Spaced Repetition…)") kept inside a translated sentence.
pub(crate) fn has_words_of(text: &str, run: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (text, run) = (words(text), words(run));
    !run.is_empty() && text.windows(run.len()).any(|w| w == run)
}

/// Whether every word of `run` starts with a capital or a digit: names
/// ("Anki, SuperMemo 2 (SM2)", "Ctrl + Shift + T"), where prose left
/// untranslated has lowercase words ("Bury if new").
pub(crate) fn is_names(run: &str) -> bool {
    run.split_whitespace()
        .map(|t| t.trim_start_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
}

/// A file pattern or extension (`*.apkg`, `(*.pau.gz)`, `.zip`) is the same
/// in every language: not a word.
fn file_pattern(token: &str) -> bool {
    let token = token.trim_matches(|c: char| "()[],;".contains(c));
    let ext = token.strip_prefix("*.").or_else(|| token.strip_prefix('.'));
    ext.is_some_and(|e| {
        e.starts_with(|c: char| c.is_alphanumeric())
            && e.chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '*')
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn english_left_in_russian_is_caught_but_reason_phrases_pass() {
        let allow = Allowlist::new(["Forbidden".to_string(), "Not Found".to_string()]);
        let fallback = "The server understood the request but refuses it.";
        let runs = latin_runs(fallback, &allow);
        assert_eq!(runs[0].shown, "The server understood");
        assert_eq!(runs[0].text, fallback.trim_end_matches('.'));
        let ru = "В отличие от 404 Not Found, код 403 Forbidden сообщает о запрете по HTTP.";
        assert_eq!(latin_runs(ru, &allow), []);
        assert!(allow.covers("403 Forbidden"));
        assert!(!allow.covers("Запрещено"));
    }
    #[test]
    fn every_run_of_a_text_is_found() {
        let allow = Allowlist::new([]);
        let text = "Ctrl + Shift + T でタグへ、 Bury if new を選ぶ";
        let shown: Vec<_> = latin_runs(text, &allow)
            .into_iter()
            .map(|r| r.shown)
            .collect();
        assert_eq!(shown, ["Ctrl + Shift + T", "Bury if new"]);
    }
    #[test]
    fn words_the_reference_writes_are_found_whatever_the_spacing() {
        let reference = "Jump to tags with Ctrl+Shift+T";
        assert!(has_words_of(reference, "Ctrl + Shift + T"));
        let protocols = "AppleTalk,afp://\nFile Transfer Protocol,ftp:// or ftps://";
        assert!(has_words_of(protocols, "AppleTalk,afp:// File Transfer"));
        assert!(has_words_of(
            "FSRS (Free Spaced Repetition)",
            "FSRS（Free Spaced"
        ));
        assert!(!has_words_of(reference, "Tags with Ctrl"));
        assert!(!has_words_of(reference, "with Jump"));
    }
    #[test]
    fn file_patterns_are_not_words() {
        let allow = Allowlist::new([]);
        let be = "Спакаваная калода Anki (*.apkg *.colpkg *.zip)";
        assert_eq!(latin_runs(be, &allow), []);
        let ml = "പാക്കേജുചെയ്‌ത Anki ഡെക്ക് (* .apkg * .colpkg * .zip)";
        assert_eq!(latin_runs(ml, &allow), []);
        assert!(file_pattern("(*.pau.gz)"));
        assert!(!file_pattern("...and"));
        assert!(!file_pattern("e.g."));
    }
    #[test]
    fn capitalised_runs_are_names() {
        assert!(is_names("Anki, SuperMemo 2 (SM2"));
        assert!(is_names("Ctrl + Shift + T"));
        assert!(!is_names("Bury if new"));
        assert!(!is_names("File Transfer Protocol,ftp:// or ftps://"));
    }
}
