//! Units as XLIFF 1.2 or 2.1, written with quick-xml's writer.

use quick_xml::Writer;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;

use super::inline::{self, Run};
use super::{VARIANT, Version};
use crate::transfer::select::{self, NumberSelect};
use crate::transfer::unit::{Status, TranslationUnit};

/// The languages of a file: `source-language`/`srcLang` and the target's.
pub struct Languages<'a> {
    pub source: &'a str,
    pub target: &'a str,
    /// The target's CLDR plural categories, in CLDR order, when known: a
    /// plural gets one variant unit per category.
    pub categories: Option<Vec<&'static str>>,
}

/// The XLIFF bytes for `units`, a `<file>` per Fluent file in order.
pub fn write(units: &[TranslationUnit], version: Version, languages: &Languages) -> Vec<u8> {
    let mut x = Xml::new(version);
    x.decl();
    let (ns, v) = match version {
        Version::V12 => ("urn:oasis:names:tc:xliff:document:1.2", "1.2"),
        Version::V21 => ("urn:oasis:names:tc:xliff:document:2.0", "2.1"),
    };
    let mut root = vec![("xmlns", ns), ("version", v)];
    if version == Version::V21 {
        root.extend([("srcLang", languages.source), ("trgLang", languages.target)]);
    }
    x.start("xliff", &root);
    // Units come file by file: scanning them all for each file was
    // quadratic (a tenth of an export of 200 files).
    for (n, file_units) in units.chunk_by(|a, b| a.file == b.file).enumerate() {
        x.open_file(n, &file_units[0].file, languages);
        for unit in file_units {
            match group_of(unit, languages) {
                Some((reference, variants, default)) => {
                    x.group(unit, &reference, &variants, &default);
                }
                None => x.unit(unit),
            }
        }
        x.close_file();
    }
    x.nl(0);
    x.end("xliff");
    x.nl(0);
    x.w.into_inner()
}

/// A unit whose reference is a select on a variable, as variant texts:
/// the translation's keys when it is a select on the same variable, else
/// the target's CLDR categories for a plural, else the reference's keys.
type Group = (NumberSelect, Vec<(String, String)>, String);

fn group_of(unit: &TranslationUnit, languages: &Languages) -> Option<Group> {
    let reference = select::split_any(&unit.reference)?;
    if !unit.translation.is_empty() {
        let translation = select::split_any(&unit.translation)?;
        if translation.selector != reference.selector {
            return None;
        }
        return Some((reference, translation.variants, translation.default));
    }
    let empty = |keys: Vec<String>| keys.into_iter().map(|k| (k, String::new())).collect();
    match (&languages.categories, reference.plural) {
        (Some(categories), true) => {
            let keys = categories.iter().map(|c| c.to_string()).collect();
            Some((reference, empty(keys), "other".into()))
        }
        _ => {
            let keys = reference.variants.iter().map(|v| v.0.clone()).collect();
            let default = reference.default.clone();
            Some((reference, empty(keys), default))
        }
    }
}

struct Xml {
    w: Writer<Vec<u8>>,
    version: Version,
}

impl Xml {
    fn new(version: Version) -> Self {
        Xml {
            w: Writer::new(Vec::new()),
            version,
        }
    }

    fn event(&mut self, event: Event) {
        self.w.write_event(event).expect("writing to memory");
    }

    fn decl(&mut self) {
        self.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        self.nl(0);
    }

    fn start(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.event(Event::Start(tag(name, attributes)));
    }

    fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.event(Event::Empty(tag(name, attributes)));
    }

    fn end(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    fn text(&mut self, text: &str) {
        self.event(Event::Text(BytesText::new(text)));
    }

    /// A line break and indentation between structural elements.
    fn nl(&mut self, depth: usize) {
        let indent = format!("\n{}", "  ".repeat(depth));
        self.text(&indent);
    }

    fn element(&mut self, depth: usize, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.nl(depth);
        self.start(name, attributes);
        self.text(text);
        self.end(name);
    }

    fn open_file(&mut self, n: usize, file: &str, languages: &Languages) {
        self.nl(1);
        match self.version {
            Version::V12 => {
                self.start(
                    "file",
                    &[
                        ("original", file),
                        ("source-language", languages.source),
                        ("target-language", languages.target),
                        ("datatype", "plaintext"),
                    ],
                );
                self.nl(2);
                self.start("body", &[]);
            }
            Version::V21 => {
                let id = format!("f{}", n + 1);
                self.start("file", &[("id", &id), ("original", file)]);
            }
        }
    }

    fn close_file(&mut self) {
        if self.version == Version::V12 {
            self.nl(2);
            self.end("body");
        }
        self.nl(1);
        self.end("file");
    }

    /// The depth of units directly in a file.
    fn depth(&self) -> usize {
        match self.version {
            Version::V12 => 3,
            Version::V21 => 2,
        }
    }

    fn unit(&mut self, unit: &TranslationUnit) {
        let depth = self.depth();
        let meta = meta(unit, None);
        let state = state(unit, self.version);
        self.open_unit(depth, &unit.key, &unit.key, state);
        match self.version {
            Version::V12 => {
                self.segment(depth + 1, &unit.reference, &unit.translation, state);
                self.notes(depth + 1, unit, &meta);
            }
            Version::V21 => {
                self.notes(depth + 1, unit, &meta);
                self.segment(depth + 1, &unit.reference, &unit.translation, state);
            }
        }
        self.close_unit(depth);
    }

    fn group(
        &mut self,
        unit: &TranslationUnit,
        reference: &NumberSelect,
        variants: &[(String, String)],
        default: &str,
    ) {
        let depth = self.depth();
        let meta = meta(unit, Some((&reference.selector, default)));
        self.nl(depth);
        let mut attributes = vec![("id", unit.key.as_str()), ("name", unit.key.as_str())];
        if self.version == Version::V12 {
            attributes = vec![
                ("id", &unit.key),
                ("resname", &unit.key),
                ("restype", "x-statusdb-select"),
                ("xml:space", "preserve"),
            ];
        }
        self.start("group", &attributes);
        self.notes(depth + 1, unit, &meta);
        let state = state(unit, self.version);
        for (key, text) in variants {
            let source = reference
                .text(key)
                .or_else(|| reference.text(&reference.default))
                .unwrap_or_default();
            let id = format!("{}{VARIANT}{key}", unit.key);
            self.open_unit(depth + 1, &id, key, state);
            self.segment(depth + 2, source, text, state);
            self.close_unit(depth + 1);
        }
        self.nl(depth);
        self.end("group");
    }

    /// A translated unit is `approved` in XLIFF 1.2: it is in the product,
    /// and tools (translate-toolkit) take an unapproved one as fuzzy.
    fn open_unit(&mut self, depth: usize, id: &str, name: &str, state: &str) {
        self.nl(depth);
        let approved = if state == "translated" { "yes" } else { "no" };
        match self.version {
            Version::V12 => self.start(
                "trans-unit",
                &[
                    ("id", id),
                    ("resname", name),
                    ("approved", approved),
                    ("xml:space", "preserve"),
                ],
            ),
            Version::V21 => self.start("unit", &[("id", id), ("name", name)]),
        }
    }

    fn close_unit(&mut self, depth: usize) {
        self.nl(depth);
        match self.version {
            Version::V12 => self.end("trans-unit"),
            Version::V21 => self.end("unit"),
        }
    }

    /// Source and target; in XLIFF 2 inside a `<segment>`.
    fn segment(&mut self, depth: usize, source: &str, target: &str, state: &str) {
        let source_runs = inline::runs(source);
        let target = inline::target_runs(&source_runs, target);
        let source = source_runs;
        match self.version {
            Version::V12 => {
                self.nl(depth);
                self.inline("source", &[], source);
                self.nl(depth);
                self.inline("target", &[("state", state)], target);
            }
            Version::V21 => {
                self.nl(depth);
                self.start("segment", &[("state", state)]);
                self.nl(depth + 1);
                self.inline("source", &[], source);
                if !target.is_empty() {
                    self.nl(depth + 1);
                    self.inline("target", &[], target);
                }
                self.nl(depth);
                self.end("segment");
            }
        }
    }

    /// A `<source>` or `<target>` with placeables as protected codes.
    fn inline(&mut self, name: &str, attributes: &[(&str, &str)], runs: Vec<Run>) {
        self.start(name, attributes);
        for run in runs {
            match run {
                Run::Text(text) => self.text(&text),
                Run::Code { id, source } => match self.version {
                    Version::V12 => {
                        self.start("ph", &[("id", &id)]);
                        self.text(&source);
                        self.end("ph");
                    }
                    Version::V21 => {
                        self.empty("ph", &[("id", &id), ("equiv", &source), ("disp", &source)]);
                    }
                },
            }
        }
        self.end(name);
    }

    /// The developer's comment, the variables, the location and statusdb's
    /// own note.
    fn notes(&mut self, depth: usize, unit: &TranslationUnit, meta: &str) {
        let location = format!("{}:{}", unit.file, unit.source_line);
        let mut notes: Vec<(&str, String)> = Vec::new();
        if !unit.comment.is_empty() {
            notes.push(("developer", unit.comment.clone()));
        }
        if !unit.variables.is_empty() {
            notes.push(("developer", format!("Variables: {}", unit.variables)));
        }
        match self.version {
            Version::V12 => {
                self.nl(depth);
                self.start("context-group", &[("purpose", "location")]);
                self.element(
                    depth + 1,
                    "context",
                    &[("context-type", "sourcefile")],
                    &unit.file,
                );
                let line = unit.source_line.to_string();
                self.element(
                    depth + 1,
                    "context",
                    &[("context-type", "linenumber")],
                    &line,
                );
                self.nl(depth);
                self.end("context-group");
                notes.push(("statusdb", meta.to_string()));
                for (from, text) in notes {
                    self.element(depth, "note", &[("from", from)], &text);
                }
            }
            Version::V21 => {
                notes.push(("location", location));
                notes.push(("statusdb", meta.to_string()));
                self.nl(depth);
                self.start("notes", &[]);
                for (category, text) in notes {
                    self.element(depth + 1, "note", &[("category", category)], &text);
                }
                self.nl(depth);
                self.end("notes");
            }
        }
    }
}

/// A start tag. Line breaks and tabs in values are written as character
/// references, which XML's attribute normalization keeps.
fn tag<'a>(name: &'a str, attributes: &[(&'a str, &'a str)]) -> BytesStart<'a> {
    let mut start = BytesStart::new(name);
    for &(key, value) in attributes {
        let escaped = quick_xml::escape::escape(value)
            .replace('\n', "&#10;")
            .replace('\t', "&#9;");
        start.push_attribute(Attribute {
            key: QName(key),
            value: escaped.into(),
        });
    }
    start
}

/// `key=… status=… reference=… translation=…`, with `select=$x default=k`
/// for a select.
fn meta(unit: &TranslationUnit, select: Option<(&str, &str)>) -> String {
    let mut meta = unit.note();
    if let Some((selector, default)) = select {
        meta.push_str(&format!(" select=${selector} default={default}"));
    }
    meta
}

fn state(unit: &TranslationUnit, version: Version) -> &'static str {
    let done = unit.status == Some(Status::Translated) && !unit.needs_review;
    match (version, done, unit.status) {
        (Version::V12, true, _) => "translated",
        (Version::V12, false, Some(Status::Missing)) => "needs-translation",
        (Version::V12, false, _) => "needs-review-translation",
        (Version::V21, true, _) => "translated",
        (Version::V21, false, _) => "initial",
    }
}
