//! Doubled words ("when when"), and the repetitions grammar makes.

use super::tokens::{is_word_char, tokens};

/// A word written twice in a row (`when when`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doubled {
    /// The two words as written.
    pub words: String,
    /// A line break parts them: the slip of rewrapping a line, which no
    /// grammar makes.
    pub wrapped: bool,
}

/// Every word written twice in a row, case-insensitively. A word written
/// three times or more ("Punkt Punkt Punkt" for "…") is meant, not a slip.
/// Punctuation between the two ("when, when", "XML (*.xml)") parts them.
/// One pass, no vector of words: it reads every string of every locale.
pub fn doubled_words(text: &str) -> Vec<Doubled> {
    let mut found = Vec::new();
    let mut prev: Option<&str> = None;
    // How many times in a row the previous word repeated the one before it.
    let mut repeats = 0;
    for token in tokens(text) {
        // Only a token ending in a letter or digit, then one starting with
        // one, can be a pair: the punctuation is trimmed only then.
        let pair = prev
            .filter(|p| p.chars().next_back().is_some_and(is_word_char))
            .filter(|_| token.chars().next().is_some_and(is_word_char))
            .map(|p| {
                (
                    p.trim_start_matches(|c| !is_word_char(c)),
                    token.trim_end_matches(|c| !is_word_char(c)),
                )
            })
            .filter(|(a, b)| same_word(a, b));
        match pair {
            Some((a, b)) => {
                repeats += 1;
                match repeats {
                    1 => found.push(Doubled {
                        words: format!("{a} {b}"),
                        wrapped: between(text, a, b).contains('\n'),
                    }),
                    2 => drop(found.pop()), // a third time: meant
                    _ => {}
                }
            }
            None => repeats = 0,
        }
        prev = Some(token);
    }
    found
}

/// The text between the end of `a` and the start of `b`, both slices of it.
fn between<'a>(text: &'a str, a: &str, b: &str) -> &'a str {
    let offset = |s: &str| s.as_ptr() as usize - text.as_ptr() as usize;
    &text[offset(a) + a.len()..offset(b)]
}

/// Case-insensitive equality of two words with a letter, without allocating.
fn same_word(a: &str, b: &str) -> bool {
    fn lower(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars().flat_map(char::to_lowercase)
    }
    match a.is_ascii() && b.is_ascii() {
        true => {
            a.len() == b.len()
                && a.eq_ignore_ascii_case(b)
                && a.bytes().any(|c| c.is_ascii_alphabetic())
        }
        // Most neighbours differ in their first letter: compare lazily.
        false => {
            lower(a).eq(lower(b))
                && a.chars().count() == b.chars().count()
                && b.chars().any(char::is_alphabetic)
        }
    }
}

/// Word pairs a language writes twice by its grammar ("Schakel dit in in",
/// "können Sie sie", "vous vous"), and languages whose reduplication is
/// productive (Turkish "ayrı ayrı") or that write each syllable apart
/// (Vietnamese "toàn bộ bộ sưu tập"): not doubled-word findings, unless a
/// line break parts the two, which only a slip does.
pub(crate) fn grammatical_double(
    langid: &unic_langid::LanguageIdentifier,
    double: &Doubled,
) -> bool {
    const PAIRS: &[(&str, &[&str])] = &[
        ("de", &["sie sie", "die die", "das das", "der der"]),
        ("fr", &["vous vous", "nous nous"]),
        ("fy", &["jo jo", "yn yn"]),
        ("nl", &["in in"]),
        ("pt", &["se se"]),
    ];
    const REDUPLICATING: &[&str] = &[
        "tr", "az", "hi", "ur", "pa", "skr", "bn", "id", "ms", "tl", "jbo", "vi",
    ];
    let language = langid.language.as_str();
    let lower = double.words.to_lowercase();
    (REDUPLICATING.contains(&language) && !double.wrapped)
        || PAIRS
            .iter()
            .any(|(lang, pairs)| *lang == language && pairs.contains(&lower.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    fn first_double(text: &str) -> Option<String> {
        doubled_words(text).into_iter().next().map(|d| d.words)
    }
    #[test]
    fn doubled_words_from_the_seed_page_are_caught() {
        let seed = "You encounter 403 when when trying to access a resource.";
        assert_eq!(first_double(seed).as_deref(), Some("when when"));
        assert_eq!(first_double("Это это ошибка").as_deref(), Some("Это это"));
        assert_eq!(first_double("when, when it fails"), None);
        assert_eq!(first_double("200 200 OK"), None);
        assert_eq!(first_double("SuperMemo XML (*.xml)"), None);
    }
    #[test]
    fn a_word_written_three_times_is_meant() {
        // Anki's de and hu "blank": an ellipsis spelled out.
        assert_eq!(first_double("Punkt Punkt Punkt"), None);
        assert_eq!(first_double("pont pont pont, a a"), Some("a a".into()));
    }
    #[test]
    fn a_double_across_a_line_break_is_marked_wrapped() {
        let found = doubled_words("trước khi nó được\nđược đánh dấu, luôn luôn");
        let wrapped: Vec<_> = found
            .iter()
            .map(|d| (d.words.as_str(), d.wrapped))
            .collect();
        assert_eq!(wrapped, [("được được", true), ("luôn luôn", false)]);
    }
    #[test]
    fn grammar_that_repeats_a_word_is_not_a_doubled_word() {
        let lang = |t: &str| t.parse::<unic_langid::LanguageIdentifier>().unwrap();
        let grammatical = |tag: &str, text: &str| {
            let double = doubled_words(text).pop().unwrap();
            grammatical_double(&lang(tag), &double)
        };
        assert!(grammatical("de", "Sie sie"));
        assert!(grammatical("nl", "in in"));
        assert!(grammatical("tr", "ayrı ayrı"));
        assert!(!grammatical("fi", "tai tai"));
        assert!(!grammatical("en", "in in"));
        // Vietnamese writes each syllable apart: "toàn bộ bộ sưu tập" is
        // "entire" + "collection"; "luôn luôn" is "always".
        assert!(grammatical("vi", "toàn bộ bộ sưu tập"));
        assert!(grammatical("vi", "Luôn luôn"));
        // Rewrapping a line is a slip in any language.
        assert!(!grammatical("vi", "nó được\nđược đánh dấu"));
    }
}
