//! Units out of an XLIFF 1.2 or 2.x file: placeables back from their codes
//! (by id, from the unit's own source), selects back from their groups.

use std::collections::BTreeMap;
use std::path::Path;

use super::VARIANT;
use super::dom::{self, Element, Node};
use crate::error::Result;
use crate::source::csvrows::data_error as data;
use crate::transfer::select;
use crate::transfer::unit::{TranslationUnit, note_field};

/// Reads a translator's XLIFF; `current` gives the tree's translation of a
/// key, so a select left as exported comes back byte for byte.
pub fn parse(
    path: &Path,
    text: &str,
    current: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<TranslationUnit>> {
    let root = dom::parse(path, text)?;
    let version = root.attribute("version").unwrap_or_default();
    if root.name != "xliff" || !matches!(version, "1.2" | "2.0" | "2.1" | "2.2") {
        let why = format!(
            "this is not XLIFF 1.2 or 2.x (root `{}`, version `{version}`); export a fresh XLIFF",
            root.name
        );
        return Err(data(path, root.line, why));
    }
    let reader = Reader {
        path,
        v2: version.starts_with('2'),
        current,
    };
    let mut units = Vec::new();
    for file in root.elements().filter(|e| e.name == "file") {
        let Some(original) = file.attribute("original") else {
            return Err(data(
                path,
                file.line,
                "this <file> has no `original` attribute naming its Fluent file; export a fresh XLIFF",
            ));
        };
        let body = match reader.v2 {
            true => Some(file),
            false => file.child("body"),
        };
        if let Some(body) = body {
            reader.walk(body, original, &mut units)?;
        }
    }
    Ok(units)
}

struct Reader<'a> {
    path: &'a Path,
    v2: bool,
    current: &'a dyn Fn(&str) -> Option<String>,
}

impl Reader<'_> {
    fn walk(
        &self,
        container: &Element,
        file: &str,
        units: &mut Vec<TranslationUnit>,
    ) -> Result<()> {
        for element in container.elements() {
            match element.name.as_str() {
                "trans-unit" | "unit" => units.push(self.unit(element, file)?),
                "group" => match self
                    .note(element)
                    .filter(|n| note_field(n, "select").is_some())
                {
                    Some(note) => units.push(self.select(element, file, &note)?),
                    None => self.walk(element, file, units)?,
                },
                _ => {}
            }
        }
        Ok(())
    }

    /// The `statusdb` note of a unit or group.
    fn note(&self, element: &Element) -> Option<String> {
        let (notes, attribute) = match self.v2 {
            true => (element.child("notes")?, "category"),
            false => (element, "from"),
        };
        notes
            .elements()
            .find(|n| n.name == "note" && n.attribute(attribute) == Some("statusdb"))
            .map(Element::text)
    }

    fn skeleton(&self, element: &Element, file: &str, note: &str) -> TranslationUnit {
        let key = note_field(note, "key")
            .or_else(|| element.attribute("id").map(String::from))
            .unwrap_or_default();
        TranslationUnit::from_note(key, file.to_string(), note, element.line)
    }

    fn unit(&self, element: &Element, file: &str) -> Result<TranslationUnit> {
        let note = self.note(element).unwrap_or_default();
        let mut unit = self.skeleton(element, file, &note);
        let (reference, translation) = self.texts(element)?;
        unit.reference = reference;
        unit.translation = translation;
        Ok(unit)
    }

    /// A select's group: one unit per variant, ids `key:variant`.
    fn select(&self, group: &Element, file: &str, note: &str) -> Result<TranslationUnit> {
        let mut unit = self.skeleton(group, file, note);
        let selector = note_field(note, "select").unwrap_or_default();
        let selector = selector.strip_prefix('$').unwrap_or(&selector).to_string();
        let default = note_field(note, "default").unwrap_or_default();
        let mut variants = Vec::new();
        for element in group
            .elements()
            .filter(|e| matches!(e.name.as_str(), "trans-unit" | "unit"))
        {
            let id = element.attribute("id").unwrap_or_default();
            let Some((_, key)) = id.rsplit_once(VARIANT) else {
                return Err(data(
                    self.path,
                    element.line,
                    format!(
                        "unit `{id}` of select `{}` has no `{VARIANT}variant` in its id; export a fresh XLIFF",
                        unit.key
                    ),
                ));
            };
            let (_, text) = self.texts(element)?;
            variants.push((key.to_string(), text, element.line));
        }
        if variants.iter().all(|v| v.1.is_empty()) {
            return Ok(unit);
        }
        if let Some(empty) = variants.iter().find(|v| v.1.is_empty()) {
            let why = format!(
                "variant `{}` of `{}` has no target; translate every variant or none",
                empty.0, unit.key
            );
            return Err(data(self.path, empty.2, why));
        }
        if !variants.iter().any(|v| v.0 == default) {
            let why = format!(
                "the select `{}` lost its default variant `{default}`; export a fresh XLIFF",
                unit.key
            );
            return Err(data(self.path, group.line, why));
        }
        let variants: Vec<(String, String)> =
            variants.into_iter().map(|(k, t, _)| (k, t)).collect();
        let current = (self.current)(&unit.key);
        let same = current
            .as_deref()
            .and_then(select::split_any)
            .is_some_and(|c| {
                c.selector == selector
                    && c.default == default
                    && same_variants(&c.variants, &variants)
            });
        unit.translation = match same {
            true => current.unwrap_or_default(),
            false => select::join(&selector, &variants, &default),
        };
        Ok(unit)
    }

    /// The reference and the translation of a unit, codes restored. XLIFF
    /// 2 may split a unit into several segments; their texts join.
    fn texts(&self, unit: &Element) -> Result<(String, String)> {
        let segments: Vec<&Element> = match self.v2 {
            true => unit
                .elements()
                .filter(|e| matches!(e.name.as_str(), "segment" | "ignorable"))
                .collect(),
            false => vec![unit],
        };
        let mut codes = BTreeMap::new();
        for segment in &segments {
            if let Some(source) = segment.child("source") {
                self.codes(source, &mut codes);
            }
        }
        let (mut reference, mut translation) = (String::new(), String::new());
        for segment in segments {
            if let Some(source) = segment.child("source") {
                reference.push_str(&self.inline(source, &codes)?);
            }
            if let Some(target) = segment.child("target") {
                translation.push_str(&self.inline(target, &codes)?);
            }
        }
        Ok((reference, translation.trim().to_string()))
    }

    /// Each code's Fluent source by id, from a source.
    fn codes(&self, element: &Element, codes: &mut BTreeMap<String, String>) {
        for e in element.elements() {
            let id = e.attribute("id").unwrap_or_default().to_string();
            match (e.name.as_str(), self.v2) {
                ("ph", false) => {
                    codes.insert(id, e.text());
                }
                ("x", false) | ("ph", true) => {
                    let equiv = e.attribute("equiv-text").or(e.attribute("equiv"));
                    codes.insert(id, equiv.unwrap_or_default().to_string());
                }
                _ => self.codes(e, codes),
            }
        }
    }

    /// The Fluent source a code carries itself: a placeable only the
    /// translation has.
    fn own_code(&self, e: &Element) -> Option<String> {
        let code = match (e.name.as_str(), self.v2) {
            ("ph", false) => e.text(),
            _ => e
                .attribute("equiv-text")
                .or(e.attribute("equiv"))?
                .to_string(),
        };
        (!code.is_empty()).then_some(code)
    }

    fn inline(&self, element: &Element, codes: &BTreeMap<String, String>) -> Result<String> {
        let mut out = String::new();
        for node in &element.children {
            match node {
                Node::Text(text) => out.push_str(text),
                Node::Element(e) => match e.name.as_str() {
                    "ph" | "x" => {
                        let id = e.attribute("id").unwrap_or_default();
                        let Some(code) = codes.get(id).cloned().or_else(|| self.own_code(e)) else {
                            let why = format!(
                                "inline code `{id}` is not in the source of this unit and carries no Fluent source; keep the codes (placeables) as exported"
                            );
                            return Err(data(self.path, e.line, why));
                        };
                        out.push_str(&code);
                    }
                    "mrk" | "g" | "pc" => out.push_str(&self.inline(e, codes)?),
                    other => {
                        let why = format!(
                            "<{other}> inside a text is not something statusdb exports; remove it, keeping the text"
                        );
                        return Err(data(self.path, e.line, why));
                    }
                },
            }
        }
        Ok(out)
    }
}

fn same_variants(a: &[(String, String)], b: &[(String, String)]) -> bool {
    a.len() == b.len() && b.iter().all(|v| a.contains(v))
}
