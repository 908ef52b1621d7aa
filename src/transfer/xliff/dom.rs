//! A small element tree read with quick-xml, each element with its line,
//! so refusals and errors can name where a unit is. No DTDs and no
//! external entities: a translator's file is untrusted.

use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::error::Result;
use crate::source::csvrows::data_error as data;

/// Deeper nesting than any XLIFF needs is refused, not recursed into.
const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Element(Element),
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Element {
    /// The local name, without a namespace prefix.
    pub name: String,
    /// `(local name, value)`; `xml:space` keeps its prefix.
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Node>,
    /// 1-based line of the start tag.
    pub line: u64,
}

impl Element {
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// All text inside, codes included as their text.
    pub fn text(&self) -> String {
        self.children
            .iter()
            .map(|n| match n {
                Node::Text(t) => t.clone(),
                Node::Element(e) => e.text(),
            })
            .collect()
    }
}

/// The root element of an XML document.
pub fn parse(path: &Path, text: &str) -> Result<Element> {
    let mut reader = Reader::from_str(text);
    let line = |offset: u64| {
        let end = (offset as usize).min(text.len());
        // Bytes, not a str slice: an error offset may fall inside a character.
        text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64
            + 1
    };
    let mut stack: Vec<Element> = vec![Element::default()];
    loop {
        let at = reader.buffer_position();
        let event = reader.read_event().map_err(|e| {
            data(
                path,
                line(reader.error_position()),
                format!("the XML is malformed: {e}; save the file as well-formed XML"),
            )
        })?;
        match event {
            Event::Start(start) => {
                if stack.len() > MAX_DEPTH {
                    return Err(data(
                        path,
                        line(at),
                        format!("elements nest deeper than {MAX_DEPTH} levels"),
                    ));
                }
                stack.push(element(path, line(at), &start)?);
            }
            Event::Empty(start) => {
                let e = element(path, line(at), &start)?;
                push(&mut stack, Node::Element(e));
            }
            Event::End(_) if stack.len() < 2 => {
                return Err(data(path, line(at), "an end tag closes nothing"));
            }
            Event::End(_) => {
                let done = stack.pop().expect("checked: an element is open");
                push(&mut stack, Node::Element(done));
            }
            Event::Text(t) => push(&mut stack, Node::Text(t.xml10_content().into_owned())),
            Event::CData(c) => {
                push(&mut stack, Node::Text(c.into_inner().into_owned()));
            }
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => match quick_xml::escape::resolve_predefined_entity(&r) {
                        Some(s) => s.to_string(),
                        None => {
                            return Err(data(
                                path,
                                line(at),
                                format!(
                                    "`&{};` is not an XML entity statusdb reads; use the character itself",
                                    &*r
                                ),
                            ));
                        }
                    },
                };
                push(&mut stack, Node::Text(text));
            }
            Event::DocType(_) => {
                return Err(data(
                    path,
                    line(at),
                    "the file has a DOCTYPE; XLIFF needs none, and statusdb reads no DTD",
                ));
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    let mut document = stack.pop().unwrap_or_default();
    if !stack.is_empty() {
        return Err(data(
            path,
            line(text.len() as u64),
            "the XML ends before its elements are closed",
        ));
    }
    match document
        .children
        .iter()
        .position(|n| matches!(n, Node::Element(_)))
    {
        Some(i) => match document.children.swap_remove(i) {
            Node::Element(root) => Ok(root),
            Node::Text(_) => unreachable!("position found an element"),
        },
        None => Err(data(
            path,
            1,
            "the file has no XML element; export a fresh XLIFF",
        )),
    }
}

/// Adjacent text merges, so an entity splits no text.
fn push(stack: &mut [Element], node: Node) {
    let top = stack.last_mut().expect("the document stays at the bottom");
    if let (Node::Text(more), Some(Node::Text(text))) = (&node, top.children.last_mut()) {
        text.push_str(more);
        return;
    }
    top.children.push(node);
}

fn element(path: &Path, line: u64, start: &BytesStart) -> Result<Element> {
    let name = start.local_name().as_ref().to_string();
    let mut attributes = Vec::new();
    for attribute in start.attributes() {
        let attribute =
            attribute.map_err(|e| data(path, line, format!("a malformed attribute: {e}")))?;
        let key = attribute.key;
        let local = key.local_name().as_ref().to_string();
        let name = match key.prefix().map(|p| p.as_ref().to_string()) {
            Some(p) if p == "xml" => format!("xml:{local}"),
            _ => local,
        };
        // Character references (`&#10;`) survive normalization.
        let value = attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| data(path, line, format!("a malformed attribute value: {e}")))?;
        attributes.push((name, value.into_owned()));
    }
    Ok(Element {
        name,
        attributes,
        children: Vec::new(),
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_text_entities_and_lines() {
        let root = parse(
            Path::new("t.xlf"),
            "<?xml version=\"1.0\"?>\n<x:a xmlns:x=\"u\" xml:space=\"preserve\">\n<b id=\"1\">A &amp; &#x42;<c/></b></x:a>",
        )
        .unwrap();
        assert_eq!(root.name, "a");
        assert_eq!(root.attribute("xml:space"), Some("preserve"));
        let b = root.child("b").unwrap();
        assert_eq!((b.line, b.text()), (3, "A & B".to_string()));
    }

    #[test]
    fn malformed_and_hostile_documents_fail_with_a_line() {
        for text in [
            "<a><b></a>",
            "<a>",
            "</a>",
            "<a>\u{e9}\u{e9}<b></c></a>",
            "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
            "<a>&e;</a>",
            "",
            &"<a>".repeat(100),
        ] {
            assert!(parse(Path::new("t.xlf"), text).is_err(), "{text}");
        }
    }
}
