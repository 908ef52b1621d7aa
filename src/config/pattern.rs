//! compare-locales path patterns: `{variable}`, `*` (within one folder) and
//! `**` (any depth, including none), matched against absolute paths.
//! Wildcards are numbered in order, so a reference path maps to its l10n
//! path by carrying the text each wildcard matched (`Matcher.sub`).

use std::collections::HashMap;
use std::path::Path;

use regex::Regex;

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Literal(String),
    Star,
    /// `**`, and whether a `/` followed it (the slash belongs to the match).
    StarStar {
        slash: bool,
    },
    Variable(String),
}

/// A pattern with every variable expanded, rooted at an absolute folder.
#[derive(Debug, Clone)]
pub struct Pattern {
    nodes: Vec<Node>,
    regex: Regex,
}

/// Variables a pattern may name, as raw (unparsed) pattern text.
pub type Env = HashMap<String, String>;

fn parse(text: &str) -> Vec<Node> {
    let mut nodes = Vec::new();
    let mut literal = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let after_sep = literal.is_empty()
            && matches!(nodes.last(), None | Some(Node::Variable(_)))
            || literal.ends_with('/');
        if rest.starts_with("**")
            && after_sep
            && (rest[2..].is_empty() || rest[2..].starts_with('/'))
        {
            flush(&mut literal, &mut nodes);
            let slash = rest[2..].starts_with('/');
            nodes.push(Node::StarStar { slash });
            rest = &rest[2 + usize::from(slash)..];
        } else if c == '*' {
            flush(&mut literal, &mut nodes);
            nodes.push(Node::Star);
            rest = &rest[1..];
        } else if let Some(name) = variable(rest) {
            flush(&mut literal, &mut nodes);
            nodes.push(Node::Variable(name.trim().to_string()));
            rest = &rest[rest.find('}').unwrap_or(0) + 1..];
        } else {
            literal.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    flush(&mut literal, &mut nodes);
    nodes
}

/// `{ name }` at the start of `text`: a word between braces.
fn variable(text: &str) -> Option<&str> {
    let inner = &text[..text.find('}')?][..];
    let name = inner.strip_prefix('{')?.trim();
    let word = !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_');
    word.then_some(name)
}

fn flush(literal: &mut String, nodes: &mut Vec<Node>) {
    if !literal.is_empty() {
        nodes.push(Node::Literal(std::mem::take(literal)));
    }
}

/// Replaces variables by their values, which are patterns themselves; a
/// variable is not expanded inside its own value, so cycles end.
fn expand(nodes: Vec<Node>, env: &Env, seen: &mut Vec<String>) -> Result<Vec<Node>, String> {
    let mut out = Vec::new();
    for node in nodes {
        let Node::Variable(name) = node else {
            out.push(node);
            continue;
        };
        let value = env
            .get(&name)
            .filter(|_| !seen.contains(&name))
            .ok_or_else(|| {
                format!("the variable `{{{name}}}` is not defined; define it in [env]")
            })?;
        seen.push(name);
        out.extend(expand(parse(value), env, seen)?);
        seen.pop();
    }
    Ok(out)
}

impl Pattern {
    /// `text` with `env` expanded, relative to `root` unless it is absolute.
    pub fn new(text: &str, env: &Env, root: &Path) -> Result<Pattern, String> {
        let mut nodes = expand(parse(text), env, &mut Vec::new())?;
        let absolute = matches!(nodes.first(), Some(Node::Literal(l)) if l.starts_with('/'));
        if !absolute {
            let root = format!("{}/", root.display());
            nodes.insert(0, Node::Literal(root));
        }
        let body: String = nodes.iter().map(regex_of).collect();
        let regex = compiled(format!("^{body}$"))?;
        Ok(Pattern { nodes, regex })
    }

    /// The text before the first wildcard: a file, or the folder to walk.
    pub fn prefix(&self) -> String {
        self.nodes
            .iter()
            .map_while(|n| match n {
                Node::Literal(l) => Some(l.as_str()),
                _ => None,
            })
            .collect()
    }

    pub fn matches(&self, path: &str) -> bool {
        self.regex.is_match(path)
    }

    /// `path` (which this pattern matches) mapped onto `other`: each wildcard
    /// of `other` takes what the wildcard of the same number matched here.
    pub fn sub(&self, other: &Pattern, path: &str) -> Option<String> {
        let caps = self.regex.captures(path)?;
        let mut number = 0;
        let mut out = String::new();
        for node in &other.nodes {
            match node {
                Node::Literal(l) => out.push_str(l),
                _ => {
                    number += 1;
                    out.push_str(caps.get(number).map_or("", |m| m.as_str()));
                }
            }
        }
        Some(out)
    }
}

/// Each config's patterns are built once per locale, and most (reference
/// paths, filters without `{locale}`) come out the same for every locale:
/// compiling each only once kept a 70-locale project from spending a sixth
/// of its run in the regex compiler.
fn compiled(source: String) -> Result<Regex, String> {
    thread_local! {
        static COMPILED: std::cell::RefCell<HashMap<String, Regex>> = Default::default();
    }
    COMPILED.with_borrow_mut(|cache| {
        if let Some(regex) = cache.get(&source) {
            return Ok(regex.clone());
        }
        let regex = Regex::new(&source).map_err(|e| e.to_string())?;
        cache.insert(source, regex.clone());
        Ok(regex)
    })
}

fn regex_of(node: &Node) -> String {
    match node {
        Node::Literal(l) => regex::escape(l),
        Node::Star => "([^/]*)".to_string(),
        Node::StarStar { slash: true } => "(.+/)?".to_string(),
        Node::StarStar { slash: false } => "(.+)?".to_string(),
        Node::Variable(_) => unreachable!("variables are expanded before"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(text: &str, env: &[(&str, &str)]) -> Pattern {
        let env = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Pattern::new(text, &env, Path::new("/base")).unwrap()
    }

    #[test]
    fn star_stays_in_one_folder_and_starstar_spans_any_depth() {
        let star = pattern("en/*.ftl", &[]);
        assert!(star.matches("/base/en/a.ftl"));
        assert!(!star.matches("/base/en/sub/a.ftl"));
        let deep = pattern("en/**/*.ftl", &[]);
        assert!(deep.matches("/base/en/a.ftl"));
        assert!(deep.matches("/base/en/x/y/a.ftl"));
        let all = pattern("en/**", &[]);
        assert!(all.matches("/base/en/x/a.properties"));
        assert_eq!(all.prefix(), "/base/en/");
    }

    #[test]
    fn variables_expand_recursively_and_absolute_paths_keep_their_root() {
        let env = [
            ("l", "{l10n_base}/{locale}/"),
            ("l10n_base", "/l10n"),
            ("locale", "de"),
        ];
        let p = pattern("{l}**", &env);
        assert!(p.matches("/l10n/de/browser/a.ftl"));
        assert_eq!(p.prefix(), "/l10n/de/");
        let missing = Pattern::new("{nope}/x", &Env::new(), Path::new("/"));
        assert!(missing.unwrap_err().contains("`{nope}` is not defined"));
    }

    #[test]
    fn sub_carries_wildcards_to_the_other_pattern() {
        let reference = pattern("templates/**/*.ftl", &[]);
        let l10n = pattern("{locale}/**/*.ftl", &[("locale", "ja-JP-mac")]);
        let path = "/base/templates/a/b.ftl";
        assert_eq!(
            reference.sub(&l10n, path).unwrap(),
            "/base/ja-JP-mac/a/b.ftl"
        );
        let top = "/base/templates/c.ftl";
        assert_eq!(reference.sub(&l10n, top).unwrap(), "/base/ja-JP-mac/c.ftl");
    }
}
