//! The gettext PO grammar: entries with their comments, flags and strings,
//! read strictly (every malformed line is an error with its line number)
//! and written the way `msgfmt` and translation tools expect.
//!
//! Not a crate: the PO crates at hand do not report the line an entry
//! comes from, which every refusal must name.

use std::path::Path;

use crate::error::Result;
use crate::source::csvrows::data_error as data;

/// One PO entry; obsolete (`#~`) entries are never returned.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Entry {
    /// 1-based line of its `msgctxt` (else `msgid`).
    pub line: u64,
    /// `#.` lines.
    pub extracted: Vec<String>,
    /// `#:` lines.
    pub references: Vec<String>,
    /// `#,` flags, e.g. `fuzzy`.
    pub flags: Vec<String>,
    pub msgctxt: Option<String>,
    pub msgid: String,
    pub msgid_plural: Option<String>,
    /// `msgstr`, or `msgstr[0]`, `msgstr[1]`… in order.
    pub msgstr: Vec<String>,
}

#[derive(Clone, Copy)]
enum Field {
    Ctxt,
    Id,
    IdPlural,
    Str(usize),
}

/// The most plural forms any language has (CLDR has six categories).
const MAX_FORMS: usize = 6;

/// Parses PO text; `path` only names the file in errors.
pub fn parse(path: &Path, text: &str) -> Result<Vec<Entry>> {
    let mut entries = Vec::new();
    let mut current = Entry::default();
    let mut field: Option<Field> = None;
    let mut started = false;
    let mut obsolete = false;
    for (index, raw) in text.split('\n').enumerate() {
        let n = index as u64 + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw).trim_start();
        let keyword = line.split([' ', '\t']).next().unwrap_or("");
        let starts_entry = matches!(keyword, "msgctxt" | "msgid") || line.starts_with('#');
        let ends_entry = line.is_empty() || (starts_entry && field.is_some_and(is_str));
        if ends_entry {
            finish(path, &mut entries, &mut current, started && !obsolete)?;
            (field, started, obsolete) = (None, false, false);
        }
        if line.is_empty() {
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            obsolete |= comment.starts_with('~');
            comment_line(&mut current, comment);
            continue;
        }
        if line.starts_with('"') {
            let Some(f) = field else {
                return Err(data(
                    path,
                    n,
                    "a quoted string continues nothing; it must follow msgctxt, msgid or msgstr",
                ));
            };
            let text = unquote(path, n, line)?;
            slot(&mut current, f).push_str(&text);
            continue;
        }
        if !started && obsolete {
            // The comments so far belonged to an obsolete entry.
            (current, obsolete) = (Entry::default(), false);
        }
        let f = keyword_field(path, n, keyword)?;
        let rest = line[keyword.len()..].trim_start();
        let text = unquote(path, n, rest)?;
        if !started {
            current.line = n;
            started = true;
        }
        order(path, n, &current, f)?;
        if let Field::Str(i) = f {
            current.msgstr.resize(i + 1, String::new());
        }
        *slot(&mut current, f) = text;
        field = Some(f);
    }
    finish(path, &mut entries, &mut current, started && !obsolete)?;
    Ok(entries)
}

fn is_str(field: Field) -> bool {
    matches!(field, Field::Str(_))
}

fn comment_line(entry: &mut Entry, comment: &str) {
    let text = |c: &str| c.strip_prefix(' ').unwrap_or(c).to_string();
    if let Some(c) = comment.strip_prefix('.') {
        entry.extracted.push(text(c));
    } else if let Some(c) = comment.strip_prefix(':') {
        entry.references.push(text(c));
    } else if let Some(c) = comment.strip_prefix(',') {
        entry
            .flags
            .extend(c.split(',').map(|f| f.trim().to_string()));
    }
}

fn keyword_field(path: &Path, n: u64, keyword: &str) -> Result<Field> {
    let field = match keyword {
        "msgctxt" => Field::Ctxt,
        "msgid" => Field::Id,
        "msgid_plural" => Field::IdPlural,
        "msgstr" => Field::Str(0),
        _ => {
            let index = keyword
                .strip_prefix("msgstr[")
                .and_then(|k| k.strip_suffix(']'))
                .and_then(|k| k.parse::<usize>().ok())
                .filter(|&i| i < MAX_FORMS);
            match index {
                Some(i) => Field::Str(i),
                None => {
                    let shown: String = keyword.chars().take(40).collect();
                    return Err(data(
                        path,
                        n,
                        format!(
                            "`{shown}` is not PO syntax; a line must be a comment, msgctxt, msgid, msgid_plural, msgstr, msgstr[N] or a quoted string"
                        ),
                    ));
                }
            }
        }
    };
    Ok(field)
}

/// Fields must come in PO order: msgctxt, msgid, msgid_plural, msgstr.
fn order(path: &Path, n: u64, entry: &Entry, field: Field) -> Result<()> {
    let next_str = entry.msgstr.len();
    let fine = match field {
        Field::Ctxt => entry.msgctxt.is_none(),
        Field::Id => true,
        Field::IdPlural => entry.msgid_plural.is_none() && next_str == 0,
        Field::Str(i) => i == next_str,
    };
    match fine {
        true => Ok(()),
        false => Err(data(
            path,
            n,
            "this line is out of place in its entry; an entry is msgctxt, msgid, msgid_plural, then msgstr or msgstr[0], msgstr[1]… in order",
        )),
    }
}

fn slot(entry: &mut Entry, field: Field) -> &mut String {
    match field {
        Field::Ctxt => entry.msgctxt.get_or_insert_default(),
        Field::Id => &mut entry.msgid,
        Field::IdPlural => entry.msgid_plural.get_or_insert_default(),
        Field::Str(i) => &mut entry.msgstr[i],
    }
}

fn finish(path: &Path, entries: &mut Vec<Entry>, entry: &mut Entry, keep: bool) -> Result<()> {
    let done = std::mem::take(entry);
    if !keep {
        return Ok(());
    }
    if done.msgstr.is_empty() {
        return Err(data(path, done.line, "this entry has no msgstr"));
    }
    entries.push(done);
    Ok(())
}

/// The text of a C-style quoted PO string.
fn unquote(path: &Path, n: u64, quoted: &str) -> Result<String> {
    let bad = |why: &str| {
        data(
            path,
            n,
            format!("{why}; PO strings are one \"…\" per line, with \\\" for a quote"),
        )
    };
    let inner = quoted
        .trim_end()
        .strip_prefix('"')
        .and_then(|q| q.strip_suffix('"'))
        .filter(|_| quoted.trim_end().len() >= 2)
        .ok_or_else(|| bad("the string is not in double quotes"))?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Err(bad("an unescaped quote ends the string early")),
            '\\' => out.push(match chars.next() {
                Some('n') => '\n',
                Some('t') => '\t',
                Some('r') => '\r',
                Some('\\') => '\\',
                Some('"') => '"',
                Some('a') => '\u{7}',
                Some('b') => '\u{8}',
                Some('f') => '\u{c}',
                Some('v') => '\u{b}',
                other => {
                    let shown = other.map_or(String::new(), String::from);
                    return Err(bad(&format!(
                        "`\\{shown}` is not an escape statusdb reads (use \\n, \\t, \\\\ or \\\")"
                    )));
                }
            }),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// A keyword and its string, split after each `\n` as PO tools write it.
pub fn field(keyword: &str, text: &str) -> String {
    let escaped = |s: &str| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '"' => out.push_str("\\\""),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                c => out.push(c),
            }
        }
        out
    };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    if lines.len() <= 1 {
        return format!("{keyword} \"{}\"\n", escaped(text));
    }
    let mut out = format!("{keyword} \"\"\n");
    for line in lines {
        out.push_str(&format!("\"{}\"\n", escaped(line)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Vec<Entry> {
        parse(Path::new("t.po"), text).unwrap()
    }

    fn parse_err(text: &str) -> String {
        parse(Path::new("t.po"), text).unwrap_err().to_string()
    }

    #[test]
    fn fields_round_trip_through_the_writer() {
        for text in [
            "",
            "plain",
            "a \"q\" \\ b",
            "two\nlines",
            "end\n",
            "\ttab\r\n",
        ] {
            let written = field("msgid", text);
            let parsed = parse_ok(&format!("{written}msgstr \"\"\n"));
            assert_eq!(parsed[0].msgid, text, "{written}");
        }
    }

    #[test]
    fn entries_with_comments_plurals_and_obsolete_ones() {
        let text = "#. note\n#: a.ftl:3\n#, fuzzy, c-format\nmsgctxt \"k\"\nmsgid \"one\"\nmsgid_plural \"many\"\nmsgstr[0] \"a\"\nmsgstr[1] \"b\"\n\"c\"\n\n#~ msgctxt \"old\"\n#~ msgid \"x\"\n#~ msgstr \"y\"\nmsgctxt \"k2\"\nmsgid \"x\"\nmsgstr \"y\"\n";
        let entries = parse_ok(text);
        assert_eq!(entries.len(), 2);
        let e = &entries[0];
        assert_eq!((e.line, e.msgctxt.as_deref()), (4, Some("k")));
        assert_eq!(e.extracted, ["note"]);
        assert_eq!(e.references, ["a.ftl:3"]);
        assert_eq!(e.flags, ["fuzzy", "c-format"]);
        assert_eq!(e.msgstr, ["a", "bc"]);
        assert_eq!(entries[1].line, 14);
    }

    #[test]
    fn malformed_lines_name_their_line() {
        assert!(parse_err("msgid \"a\"\nmsgstr \"b\nx\"\n").contains(":2"));
        assert!(parse_err("msgid \"a\"\nmsgstr[1] \"b\"\n").contains(":2"));
        assert!(parse_err("msgid \"a\"\nmsgstr[99999999999999999999] \"b\"\n").contains(":2"));
        assert!(parse_err("msgid \"a\"\n\n").contains(":1"));
        assert!(parse_err("\"x\"\n").contains(":1"));
        assert!(parse_err("msgid \"\\q\"\nmsgstr \"\"\n").contains(":1"));
        assert!(parse_err("hello\n").contains(":1"));
        assert!(parse_err("msgid \"a\" \"b\"\nmsgstr \"\"\n").contains(":1"));
    }
}
