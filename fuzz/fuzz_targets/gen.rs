//! A structure-aware generator: fuzz bytes become Fluent text that is mostly
//! well-formed, so the fuzzer reaches the checks, the resolver and import
//! instead of stopping at the parser. It produces deep nesting of every kind,
//! references among a small pool of ids (hence cycles), select expressions,
//! escapes, multi-line values and all three line endings.

use libfuzzer_sys::arbitrary::{self, Arbitrary};

/// Ids shared by every generated file, so references resolve, miss and loop.
const MESSAGES: [&str; 6] = ["code-200", "code-404", "code-503", "m0", "m1", "pair-200-404"];
const TERMS: [&str; 3] = ["-t0", "-t1", "-brand"];
const ATTRIBUTES: [&str; 4] = ["summary", "description", "seen-when", "title"];
const VARIABLES: [&str; 3] = ["n", "x", "code"];
const FUNCTIONS: [&str; 3] = ["NUMBER", "DATETIME", "NOSUCH"];
const WORDS: [&str; 12] = [
    "text", "Позже", "when when", "[one]", "*[other]", ".title = X", "\"quoted\"", "(paren",
    "'s-Hertogenbosch", "-", "=", "日本語",
];
const ESCAPES: [&str; 8] = ["\\u0000", "\\uD800", "\\U01F600", "\\\"", "\\\\", "}", "{", "\\u0041"];

#[derive(Arbitrary, Debug)]
pub enum Node {
    Text(u8),
    NewLine,
    Variable(u8),
    Message(u8, Option<u8>),
    Term(u8, Vec<Node>),
    Call(u8, Vec<Node>),
    Literal(Vec<u8>),
    Number(i16),
    Placeable(Box<Node>),
    Select(u8, Vec<(u8, Vec<Node>)>, bool),
    Deep(u16, u8),
}

#[derive(Arbitrary, Debug)]
pub struct Entry {
    id: u8,
    term: bool,
    value: Option<Vec<Node>>,
    attributes: Vec<(u8, Vec<Node>)>,
    comment: bool,
}

#[derive(Arbitrary, Debug)]
pub enum Eol {
    Lf,
    CrLf,
    Cr,
}

/// A generated .ftl file.
#[derive(Arbitrary, Debug)]
pub struct Doc {
    entries: Vec<Entry>,
    eol: Eol,
    bom: bool,
}

fn pick<'a>(pool: &[&'a str], i: u8) -> &'a str {
    pool[usize::from(i) % pool.len()]
}

/// The source of a pattern: what follows `=`.
pub fn pattern(nodes: &[Node]) -> String {
    let mut out = String::new();
    for node in nodes.iter().take(16) {
        element(node, &mut out, 0);
    }
    out
}

fn element(node: &Node, out: &mut String, depth: usize) {
    match node {
        Node::Text(i) => out.push_str(pick(&WORDS, *i)),
        Node::NewLine => out.push_str("\n    "),
        _ => {
            out.push_str("{ ");
            expression(node, out, depth + 1);
            out.push_str(" }");
        }
    }
}

fn expression(node: &Node, out: &mut String, depth: usize) {
    if depth > 8 {
        out.push_str("$n");
        return;
    }
    match node {
        Node::Text(i) => out.push_str(&format!("{:?}", pick(&WORDS, *i))),
        Node::NewLine => out.push_str("\n"),
        Node::Variable(i) => out.push_str(&format!("${}", pick(&VARIABLES, *i))),
        Node::Message(i, attr) => {
            out.push_str(pick(&MESSAGES, *i));
            if let Some(a) = attr {
                out.push('.');
                out.push_str(pick(&ATTRIBUTES, *a));
            }
        }
        Node::Term(i, args) => {
            out.push_str(pick(&TERMS, *i));
            arguments(args, out, depth);
        }
        Node::Call(i, args) => {
            out.push_str(pick(&FUNCTIONS, *i));
            if args.is_empty() {
                out.push_str("()");
            }
            arguments(args, out, depth);
        }
        Node::Literal(parts) => {
            out.push('"');
            for p in parts.iter().take(8) {
                out.push_str(pick(&ESCAPES, *p));
            }
            out.push('"');
        }
        Node::Number(n) => out.push_str(&n.to_string()),
        Node::Placeable(inner) => {
            out.push_str("{ ");
            expression(inner, out, depth + 1);
            out.push_str(" }");
        }
        Node::Select(var, variants, valid) => {
            out.push_str(&format!("${} ->", pick(&VARIABLES, *var)));
            let keys = ["one", "few", "many", "other", "0", "1"];
            for (k, (key, nodes)) in variants.iter().take(6).enumerate() {
                let default = if *valid { k + 1 == variants.len().min(6) } else { k == 0 };
                let star = if default { "*" } else { " " };
                out.push_str(&format!("\n   {star}[{}] ", keys[usize::from(*key) % keys.len()]));
                for n in nodes.iter().take(4) {
                    element(n, out, depth + 1);
                }
            }
            out.push('\n');
        }
        Node::Deep(n, kind) => out.push_str(&deep(usize::from(*n) % 4000, *kind)),
    }
}

fn arguments(args: &[Node], out: &mut String, depth: usize) {
    if args.is_empty() {
        return;
    }
    out.push('(');
    for (k, a) in args.iter().take(4).enumerate() {
        if k > 0 {
            out.push_str(", ");
        }
        expression(a, out, depth + 1);
    }
    out.push(')');
}

/// Nesting far past any bound, in the forms a brace count misses.
fn deep(n: usize, kind: u8) -> String {
    let (open, close) = match kind % 4 {
        0 => ("{ ", " }"),
        1 => ("NUMBER(", ")"),
        2 => ("NUMBER(\"}\", { ", " })"),
        _ => ("-t0(", ")"),
    };
    format!("{}1{}", open.repeat(n), close.repeat(n))
}

impl Doc {
    /// The file's bytes.
    pub fn render(&self) -> Vec<u8> {
        let mut text = String::new();
        for entry in self.entries.iter().take(12) {
            if entry.comment {
                text.push_str("# A comment { $n }\n");
            }
            let id = match entry.term {
                true => pick(&TERMS, entry.id).to_string(),
                false => pick(&MESSAGES, entry.id).to_string(),
            };
            text.push_str(&format!("{id} ="));
            if let Some(value) = &entry.value {
                text.push(' ');
                text.push_str(&pattern(value));
            }
            for (attr, nodes) in entry.attributes.iter().take(4) {
                text.push_str(&format!("\n    .{} = {}", pick(&ATTRIBUTES, *attr), pattern(nodes)));
            }
            text.push_str("\n\n");
        }
        let eol = match self.eol {
            Eol::Lf => "\n",
            Eol::CrLf => "\r\n",
            Eol::Cr => "\r",
        };
        let text = text.replace('\n', eol);
        match self.bom {
            true => format!("\u{feff}{text}").into_bytes(),
            false => text.into_bytes(),
        }
    }
}

/// Either raw bytes (anything at all) or a generated file.
#[derive(Arbitrary, Debug)]
pub enum FtlInput {
    Raw(Vec<u8>),
    Generated(Doc),
}

impl FtlInput {
    pub fn bytes(&self) -> Vec<u8> {
        match self {
            FtlInput::Raw(bytes) => bytes.clone(),
            FtlInput::Generated(doc) => doc.render(),
        }
    }
}
