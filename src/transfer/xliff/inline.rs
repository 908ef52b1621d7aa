//! A Fluent text as runs of translatable text and protected codes: every
//! top-level placeable (`{ $var }`, `{ -term }`, `{ message }`, `{ "{" }`)
//! is one code, so a CAT tool can move it but not break it.

/// A piece of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    Text(String),
    /// A placeable's Fluent source; `id` is its 1-based place in the text.
    Code {
        id: String,
        source: String,
    },
}

/// The runs of a Fluent text. Braces inside string literals do not count;
/// an unbalanced text (never valid Fluent) ends in one last code.
pub fn runs(text: &str) -> Vec<Run> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut code = String::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if depth == 0 && c != '{' {
            plain.push(c);
            continue;
        }
        code.push(c);
        match (in_string, escaped, c) {
            (true, true, _) => escaped = false,
            (true, false, '\\') => escaped = true,
            (true, false, '"') => in_string = false,
            (true, false, _) => {}
            (false, _, '"') => in_string = true,
            (false, _, '{') => depth += 1,
            (false, _, '}') => depth -= 1,
            _ => {}
        }
        if depth == 0 {
            if !plain.is_empty() {
                out.push(Run::Text(std::mem::take(&mut plain)));
            }
            let id = (out.iter().filter(|r| matches!(r, Run::Code { .. })).count() + 1).to_string();
            out.push(Run::Code {
                id,
                source: std::mem::take(&mut code),
            });
        }
    }
    if !code.is_empty() {
        plain.push_str(&code);
    }
    if !plain.is_empty() {
        out.push(Run::Text(plain));
    }
    out
}

/// The runs of a translation: a placeable the source has keeps the
/// source's code id; one only the translation has (a term of the target
/// language) gets an id after the source's.
pub fn target_runs(source: &[Run], text: &str) -> Vec<Run> {
    let mut next = source
        .iter()
        .filter(|r| matches!(r, Run::Code { .. }))
        .count()
        + 1;
    runs(text)
        .into_iter()
        .map(|run| match run {
            Run::Code { source: code, .. } => {
                let known = source.iter().find_map(|r| match r {
                    Run::Code { id, source } if *source == code => Some(id.clone()),
                    _ => None,
                });
                let id = known.unwrap_or_else(|| {
                    next += 1;
                    (next - 1).to_string()
                });
                Run::Code { id, source: code }
            }
            text => text,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Fluent text of runs.
    fn join(runs: &[Run]) -> String {
        runs.iter()
            .map(|r| match r {
                Run::Text(text) => text.as_str(),
                Run::Code { source, .. } => source.as_str(),
            })
            .collect()
    }

    fn code(id: &str, source: &str) -> Run {
        Run::Code {
            id: id.into(),
            source: source.into(),
        }
    }

    #[test]
    fn placeables_become_codes_and_come_back() {
        let text = "Hello, { $user }! { -brand } { \"}\" }{ msg.attr }";
        let found = runs(text);
        assert_eq!(
            found,
            [
                Run::Text("Hello, ".into()),
                code("1", "{ $user }"),
                Run::Text("! ".into()),
                code("2", "{ -brand }"),
                Run::Text(" ".into()),
                code("3", "{ \"}\" }"),
                code("4", "{ msg.attr }"),
            ]
        );
        assert_eq!(join(&found), text);
        let target = target_runs(&found, "{ -бренд }: { $user }");
        assert_eq!(target[0], code("5", "{ -бренд }"));
        assert_eq!(target[2], code("1", "{ $user }"));
        for odd in ["{ unclosed", "a } b", "", "{ \"\\\"{\" }"] {
            assert_eq!(join(&runs(odd)), odd);
        }
    }
}
