//! Words of a text as the lints read them, fast: every string of every
//! locale goes through here, and decoding each character to ask whether it
//! is a space or a letter was a fifth of a validate run.

/// `text.split_whitespace()`, reading bytes: a non-ASCII space can only
/// start with one of four lead bytes, so other characters are not decoded.
pub(crate) fn tokens(text: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(len) = space_len(text, at) {
            at += len;
        }
        if at >= text.len() {
            return None;
        }
        let start = at;
        // Stepping by bytes is safe: a space's lead byte never occurs
        // inside another character.
        loop {
            let rest = &text.as_bytes()[at..];
            match rest.iter().position(|&b| MAY_START_SPACE[usize::from(b)]) {
                None => at = text.len(),
                Some(n) if space_len(text, at + n).is_some() => at += n,
                Some(n) => {
                    at += n + 1;
                    continue;
                }
            }
            return Some(&text[start..at]);
        }
    })
}

/// The bytes a white space character can start with.
const MAY_START_SPACE: [bool; 256] = {
    let mut table = [false; 256];
    let starts = [
        b'\t', b'\n', 0x0B, 0x0C, b'\r', b' ', 0xC2, 0xE1, 0xE2, 0xE3,
    ];
    let mut i = 0;
    while i < starts.len() {
        table[starts[i] as usize] = true;
        i += 1;
    }
    table
};

/// The length of the white space character starting at byte `at`, if one does.
fn space_len(text: &str, at: usize) -> Option<usize> {
    match *text.as_bytes().get(at)? {
        b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => Some(1),
        // U+0085 and U+00A0; U+1680; U+2000..U+205F; U+3000.
        0xC2 | 0xE1 | 0xE2 | 0xE3 => {
            let c = text[at..].chars().next()?;
            c.is_whitespace().then(|| c.len_utf8())
        }
        _ => None,
    }
}

/// `c.is_alphanumeric()`, answered without a table for ASCII and the
/// Russian alphabet.
pub(crate) fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' | 'А'..='я' | 'Ё' | 'ё' => true,
        _ if c.is_ascii() => false,
        _ => c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every white space character Unicode has, and look-alikes that are not.
    const SPACES: &str = "\t\n\u{b}\u{c}\r \u{85}\u{a0}\u{1680}\u{2000}\u{2001}\u{2002}\u{2003}\u{2004}\u{2005}\u{2006}\u{2007}\u{2008}\u{2009}\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}";
    const OTHERS: &str = "a\u{1c}\u{200b}\u{2060}\u{feff}\u{e1}\u{2010}ёЯ\u{3001}\u{1681}x";

    #[test]
    fn tokens_split_as_split_whitespace_does() {
        let all: Vec<char> = SPACES.chars().chain(OTHERS.chars()).collect();
        // Every pair and triple of the characters, and some longer mixes.
        let mut texts = Vec::new();
        for a in &all {
            for b in &all {
                texts.push(format!("{a}{b}"));
                texts.push(format!("w{a}{b}w{b}{a}"));
            }
        }
        texts.extend(
            [
                "",
                " ",
                "  lead and trail  ",
                "когда когда",
                "a\u{3000}b\u{2028}c",
            ]
            .map(String::from),
        );
        for text in &texts {
            let ours: Vec<&str> = tokens(text).collect();
            let std: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    #[test]
    fn word_chars_are_the_alphanumeric_ones() {
        let sample = (0..0x3100u32)
            .chain(0x1F600..0x1F650)
            .filter_map(char::from_u32);
        for c in sample {
            assert_eq!(
                is_word_char(c),
                c.is_alphanumeric(),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
    }
}
