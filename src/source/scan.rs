//! A lexical look at a Fluent file before it is parsed: the names it may
//! define and the names its placeables may refer to. A check by parts (see
//! `check::parts`) plans with these which files must be read together, so
//! the answer must hold every name the parser would find, on any input:
//! it may name more (junk, comments, attribute names, variant keys; that
//! only joins more files), never fewer.
//!
//! Names are given without a term's leading `-` and without an attribute:
//! `-brand.gender` and `brand` are both `brand`, since a term and a message
//! of one name also meet in one check (fluent-rs keeps both under it).

/// What a file may define and refer to, as slices of its bytes.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Names<'a> {
    pub(crate) defined: Vec<&'a [u8]>,
    pub(crate) referenced: Vec<&'a [u8]>,
}

/// Reads `source` (the bytes of a file, undecoded) once.
///
/// How it keeps up with the parser: an entry starts only at a line that
/// begins with `id =` or `-id =` (spaces only before `=`), and such a line
/// can never continue a pattern or a placeable, so the count of open
/// placeables restarts there. Within an entry every `{` and `}` outside a
/// string literal opens or closes one, as for the parser; a brace in the
/// text that the parser refuses makes the entry junk, which refers to
/// nothing. Inside a placeable, every identifier-like word is taken as a
/// reference unless it names a variable (`$x`).
pub(crate) fn names(source: &[u8]) -> Names<'_> {
    let source = source.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(source);
    let mut names = Names::default();
    let (mut depth, mut at) = (0usize, 0);
    while at < source.len() {
        let line_start = at == 0 || source[at - 1] == b'\n';
        if line_start && let Some(name) = definition(&source[at..]) {
            names.defined.push(name);
            depth = 0;
        }
        if depth == 0 {
            // In text only an opening brace or a new line matters.
            let Some(next) = memchr::memchr2(b'{', b'\n', &source[at..]) else {
                break;
            };
            at += next;
            depth = usize::from(source[at] == b'{');
            at += 1;
            continue;
        }
        match source[at] {
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            b'"' => at = string_end(source, at + 1),
            b if is_word(b) => {
                let end = word_end(source, at);
                let after_dollar = at > 0 && source[at - 1] == b'$';
                if !after_dollar && let Some(name) = identifier(&source[at..end]) {
                    names.referenced.push(name);
                }
                at = end;
                continue;
            }
            _ => {}
        }
        at += 1;
    }
    names
}

/// The name a line defines, when it starts with `id =` or `-id =`.
fn definition(line: &[u8]) -> Option<&[u8]> {
    let end = word_end(line, 0);
    let name = identifier(&line[..end])?;
    let rest = &line[end..];
    let spaces = rest.iter().take_while(|&&b| b == b' ').count();
    (rest.get(spaces) == Some(&b'=')).then_some(name)
}

/// `word` without its leading dashes, if it then starts as an identifier.
fn identifier(word: &[u8]) -> Option<&[u8]> {
    let dashes = word.iter().take_while(|&&b| b == b'-').count();
    let name = &word[dashes..];
    name.first()
        .is_some_and(u8::is_ascii_alphabetic)
        .then_some(name)
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

fn word_end(source: &[u8], from: usize) -> usize {
    let len = source[from..].iter().take_while(|&&b| is_word(b)).count();
    from + len
}

/// Where the string literal whose text starts at `from` ends: at its
/// closing quote, or at the end of the line, which the parser refuses.
/// The caller steps past the returned position.
fn string_end(source: &[u8], mut from: usize) -> usize {
    while let Some(&b) = source.get(from) {
        match b {
            b'\\' if source.get(from + 1).is_some_and(|&n| n != b'\n') => from += 2,
            b'"' => return from,
            b'\n' => return from - 1,
            _ => from += 1,
        }
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(source: &str) -> (Vec<&str>, Vec<&str>) {
        let names = names(source.as_bytes());
        (text(names.defined), text(names.referenced))
    }

    fn text(names: Vec<&[u8]>) -> Vec<&str> {
        let utf8 = |n| std::str::from_utf8(n).unwrap();
        names.into_iter().map(utf8).collect()
    }

    #[test]
    fn definitions_are_names_at_line_start_before_an_equals_sign() {
        let ftl =
            "\u{feff}a = x\n-brand = Firefox\n  b = indented text\nc=x\nd\t= tab\n# e = comment\n";
        assert_eq!(scan(ftl).0, ["a", "brand", "c"]);
    }

    #[test]
    fn references_are_words_inside_placeables_except_variables() {
        let ftl = "a = { -brand.gender } and { msg } { $count } { NUMBER($n, style: \"{\") }\n";
        assert_eq!(scan(ftl).1, ["brand", "gender", "msg", "NUMBER", "style"]);
    }

    /// A reference may stand at the start of a line inside a placeable
    /// that spans lines; a string literal's quote or brace changes nothing.
    #[test]
    fn multiline_placeables_and_string_literals() {
        let ftl = "a = {\n-brand\n}\nb = { FUNC(\"}\", -term) }\nc = { \"\\\"\" } { other }\n";
        let (defined, referenced) = scan(ftl);
        assert_eq!(defined, ["a", "b", "c"]);
        assert_eq!(referenced, ["brand", "FUNC", "term", "other"]);
    }

    /// An unclosed placeable in junk must not hide the next entry's
    /// references, nor an unclosed string literal those on the next line.
    #[test]
    fn an_entry_start_restarts_the_count() {
        let ftl = "a = { \"open\nb = { x }\nc = }}} { y }\n";
        assert_eq!(scan(ftl).1, ["x", "y"]);
    }
}

/// The property the plan relies on, against the parser itself: on every
/// Fluent file of the repository and of the shared corpora (when present),
/// and on generated near-Fluent text.
#[cfg(test)]
mod superset {
    use std::collections::HashSet;

    use fluent_syntax::ast;

    use super::names;
    use crate::source::{depth, walk};

    /// Panics with the file and name when the parser finds a name the scan does not.
    fn holds(label: &str, bytes: &[u8]) {
        let Ok(text) = std::str::from_utf8(bytes) else {
            return;
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if depth::too_deep(text).is_some() {
            return; // refused before parsing
        }
        let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(r, _)| r);
        let scanned = names(bytes);
        let defined: HashSet<&[u8]> = scanned.defined.into_iter().collect();
        let referenced: HashSet<&[u8]> = scanned.referenced.into_iter().collect();
        for entry in &resource.body {
            let (id, patterns): (&str, Vec<&ast::Pattern<&str>>) = match entry {
                ast::Entry::Message(m) => (m.id.name, m.value.iter().collect()),
                ast::Entry::Term(t) => (t.id.name, vec![&t.value]),
                _ => continue,
            };
            let attributes = match entry {
                ast::Entry::Message(m) => &m.attributes[..],
                ast::Entry::Term(t) => &t.attributes[..],
                _ => &[],
            };
            assert!(defined.contains(id.as_bytes()), "{label}: `{id}` defined");
            let all = patterns
                .into_iter()
                .chain(attributes.iter().map(|a| &a.value));
            for name in all.flat_map(|p| walk::uses(p).references) {
                let name = name.trim_start_matches('-');
                let name = name.split('.').next().unwrap_or(name);
                assert!(
                    referenced.contains(name.as_bytes()),
                    "{label}: `{name}` referenced in `{id}`"
                );
            }
        }
    }

    #[test]
    fn every_fluent_file_at_hand() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let shared = root.join("../shared/corpora");
        if !shared.is_dir() {
            eprintln!(
                "skipping the shared corpora: {} is absent",
                shared.display()
            );
        }
        let dirs = ["locales", "tests", "fuzz/corpus"].map(|d| root.join(d));
        let mut files = 0;
        for dir in dirs.iter().chain([&shared]) {
            for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
                let path = entry.path();
                let ftl = path.extension().is_some_and(|e| e == "ftl")
                    || path.starts_with(root.join("fuzz"));
                if entry.file_type().is_file() && ftl {
                    let bytes = std::fs::read(path).unwrap();
                    holds(&path.display().to_string(), &bytes);
                    files += 1;
                }
            }
        }
        assert!(files > 50, "only {files} files found");
    }

    /// Random text from the characters that matter to either reader.
    #[test]
    fn generated_text() {
        const PIECES: &[&str] = &[
            "a", "b", "-", "-t", " ", "  ", "\n", "=", " = ", "{", "}", "{ ", " }", "\"", "\\",
            "$", ".", "x.y", "[", "]", "*", "->", "#", ",", "(", ")", ":", "1", "\r\n", "\t",
            "\"}\"", "\"{\"", "F(", ", -t", "\nk = ", "\nk = {", "\n-t = ", "\n  ", " \\\"",
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let tricky = [
            "a = { F(\"}\", -t) }\n",
            "a = { F(\"\\\"}\", msg) }\n",
            "a = {\n-t\n}\n",
            "a = { $n ->\n *[x] { \"}\" } { -t }\n}\n",
        ];
        for text in tricky {
            holds(text, text.as_bytes());
        }
        for _ in 0..50_000 {
            let len = (next() % 40) as usize;
            let pieces = (0..len).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]);
            let text: String = std::iter::once("k = ").chain(pieces).collect();
            holds(&format!("{text:?}"), text.as_bytes());
        }
    }
}
