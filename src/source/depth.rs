//! The nesting bound: the Fluent parser, the resolver and our own walks over
//! the AST are recursive, so text that nests deeper than any translation
//! needs is refused before it reaches them, instead of overflowing the stack.

/// Deeper nesting than any real translation needs.
pub(crate) const MAX_NESTING: usize = 100;

/// What an open nesting level is, which decides how its content is read.
#[derive(Clone, Copy, PartialEq)]
enum Level {
    /// Inside `{ … }`, before any `->`: an expression.
    Expression,
    /// The variants of a select expression: text with placeables.
    Variants,
    /// Call arguments `( … )`.
    Arguments,
}

/// Where the nesting of placeables and call arguments first exceeds
/// [`MAX_NESTING`], if it does. A small lexer follows the parser's view of
/// the text: string literals are skipped inside expressions (a `}` in one
/// closes nothing), while quotes in text are plain characters. Where the
/// text is malformed it may over-count, never under-count.
pub(crate) fn too_deep(text: &str) -> Option<usize> {
    scan(text, true)
}

/// [`too_deep`], jumping over bytes that cannot change the nesting when
/// `skip` (tests compare it with reading every byte).
fn scan(text: &str, skip: bool) -> Option<usize> {
    let mut stack: Vec<Level> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Outside placeables only a `{` matters, unless a comment between
        // entries holds it (comments are not Fluent text): skip to the next
        // one, as most of a file is text and this reads every file. A line
        // is a comment only if no placeable was open where it starts, so
        // only one that starts at or after `i`.
        if stack.is_empty() && bytes[i] != b'{' {
            let Some(brace) = memchr::memchr(b'{', &bytes[i..]).map(|n| i + n) else {
                break;
            };
            let line = memchr::memrchr(b'\n', &bytes[..brace]).map_or(0, |n| n + 1);
            i = match bytes[line] {
                b'#' if line >= i => {
                    memchr::memchr(b'\n', &bytes[brace..]).map_or(bytes.len(), |n| brace + n + 1)
                }
                _ => brace,
            };
            continue;
        }
        let top = stack.last().copied();
        // Variants are text: only a brace matters there.
        if skip && top == Some(Level::Variants) && !matches!(bytes[i], b'{' | b'}') {
            match memchr::memchr2(b'{', b'}', &bytes[i..]) {
                Some(n) => i += n,
                None => break,
            }
            continue;
        }
        // In an expression or arguments, only these bytes matter.
        if skip && !MATTERS_IN_EXPRESSION[usize::from(bytes[i])] {
            let rest = &bytes[i..];
            i += rest
                .iter()
                .position(|&b| MATTERS_IN_EXPRESSION[usize::from(b)])
                .unwrap_or(rest.len());
            continue;
        }
        let in_expression = matches!(top, Some(Level::Expression | Level::Arguments));
        match bytes[i] {
            b'{' => stack.push(Level::Expression),
            b'(' if in_expression => stack.push(Level::Arguments),
            b')' if top == Some(Level::Arguments) => {
                stack.pop();
            }
            b'}' if top != Some(Level::Arguments) => {
                stack.pop();
            }
            b'-' if top == Some(Level::Expression) && bytes.get(i + 1) == Some(&b'>') => {
                *stack.last_mut().expect("top exists") = Level::Variants;
            }
            b'"' if in_expression => i = string_end(bytes, i + 1),
            _ => {}
        }
        if stack.len() > MAX_NESTING {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The bytes that open, close or change a level inside an expression.
const MATTERS_IN_EXPRESSION: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b"{}()-\"";
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

/// The offset of the quote that ends a string literal starting at `from`,
/// or of the line end where the parser gives up on an unterminated one.
fn string_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'"' | b'\n' => return i,
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_ok(text: &str) -> bool {
        too_deep(text).is_none()
    }

    /// Skipping bytes never changes the answer: every short text over the
    /// bytes that matter, and deep ones built from them.
    #[test]
    fn skipping_reads_the_nesting_as_reading_every_byte_does() {
        let alphabet = [
            "{", "}", "(", ")", "->", "\"", "\\", "\n", "#", "[a]", "*", "x", " ",
        ];
        let mut texts: Vec<String> = vec![String::new()];
        for _ in 0..5 {
            let longer = texts
                .iter()
                .flat_map(|t| alphabet.map(|a| format!("{t}{a}")));
            texts = longer.collect();
        }
        for unit in ["{ ", "{ $n ->\n [a] ", "F(", "{ \"}\" ", "x\n#{"] {
            texts.push(unit.repeat(MAX_NESTING + 2));
        }
        for text in &texts {
            assert_eq!(scan(text, true), scan(text, false), "{text:?}");
        }
    }

    #[test]
    fn counts_braces_calls_and_term_arguments() {
        let deep = |open: &str, close: &str| {
            format!("x = {{ {}1{} }}", open.repeat(101), close.repeat(101))
        };
        assert!(!depth_ok(&deep("{ ", " }")));
        assert!(!depth_ok(&deep("NUMBER(", ")")));
        assert!(!depth_ok(&deep("-t(", ")")));
        assert!(depth_ok(&format!(
            "x = {{ {}1{} }}",
            "F(".repeat(98),
            ")".repeat(98)
        )));
    }

    #[test]
    fn a_brace_in_a_string_literal_closes_nothing() {
        let text = format!("x = {}1{}", "{ F(\"}\", ".repeat(60), ") }".repeat(60));
        assert!(!depth_ok(&text));
        // An escaped quote does not end the literal.
        let escaped = format!("x = {}1{}", "{ F(\"\\\"}\", ".repeat(60), ") }".repeat(60));
        assert!(!depth_ok(&escaped));
    }

    #[test]
    fn braces_in_comments_between_entries_are_not_counted() {
        let comment = format!("# {}\nm = {{ $x }}\n", "{".repeat(200));
        assert!(depth_ok(&comment));
        // Inside an open placeable a `#` line is no comment: still counted.
        let open = format!("m = {{\n# x\n{}\n", "{ ".repeat(101));
        assert!(!depth_ok(&open));
        // Nor is the rest of such a line once the placeable closes on it.
        let closed = format!("m = {{\n# x }} {}\n", "{ ".repeat(101));
        assert!(!depth_ok(&closed));
    }

    #[test]
    fn quotes_and_parentheses_in_text_are_plain() {
        let many = "m = \"quoted (text) { $x } \" and more\n".repeat(500);
        assert!(depth_ok(&many));
        let select = "m = { $n ->\n  [one] a \"(\n *[other] b (\n}\n".repeat(500);
        assert!(depth_ok(&select));
    }
}
