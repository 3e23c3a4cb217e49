//! The dependency rule of `src/lib.rs`, checked on the sources: nothing
//! outside `src/http/` (and `main.rs`) names `crate::http`, the top-level
//! modules' `crate::…` imports form no cycle, and every `/api/` route comes
//! from the one list that also makes the OpenAPI document.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::support::repo_path;

/// Edges of cycles that other work in progress removes (their types move
/// to leaf modules): allowed here, with the reason, until then. An entry
/// that no longer closes a cycle fails the test, so the list only shrinks.
const KNOWN_CYCLE_EDGES: &[(&str, &str, &str)] = &[];

/// One source file: its path under `src/` and its text.
struct Source {
    path: String,
    text: String,
}

fn sources() -> Vec<Source> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<Source>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(Source {
                    path: path
                        .strip_prefix(root)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                    text: std::fs::read_to_string(&path).unwrap(),
                });
            }
        }
    }
    let root = repo_path("src");
    let mut out = Vec::new();
    walk(&root, &root, &mut out);
    assert!(out.len() > 20, "found only {} files under src/", out.len());
    out
}

/// The top-level module a file belongs to: `http` for `http.rs` and
/// everything under `http/`.
fn module_of(path: &str) -> &str {
    let first = path.split('/').next().unwrap_or(path);
    first.strip_suffix(".rs").unwrap_or(first)
}

/// The code of a Rust file without comments, and with every string and
/// character literal emptied, so that neither a doc comment nor a string
/// that mentions a path counts as an import.
fn code_of(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let at = |i: usize, s: &str| {
        s.chars()
            .enumerate()
            .all(|(k, c)| chars.get(i + k) == Some(&c))
    };
    while i < chars.len() {
        let c = chars[i];
        if at(i, "//") {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if at(i, "/*") {
            let mut depth = 0;
            while i < chars.len() {
                if at(i, "/*") {
                    depth += 1;
                    i += 2;
                } else if at(i, "*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            continue;
        }
        let ident_before = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        // Raw strings: r"…", r#"…"#, br#"…"#.
        if !ident_before && (c == 'r' || (c == 'b' && chars.get(i + 1) == Some(&'r'))) {
            let start = if c == 'b' { i + 2 } else { i + 1 };
            let hashes = chars[start..].iter().take_while(|&&h| h == '#').count();
            if chars.get(start + hashes) == Some(&'"') {
                let close: String = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                i = start + hashes + 1;
                while i < chars.len() && !at(i, &close) {
                    i += 1;
                }
                i += close.chars().count();
                out.push_str("\"\"");
                continue;
            }
        }
        if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
            continue;
        }
        if c == '\'' {
            // A character literal ('x', '\n', '\u{202E}'), not a lifetime.
            if chars.get(i + 1) == Some(&'\\') {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
                continue;
            }
            if chars.get(i + 2) == Some(&'\'') {
                i += 3;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The modules `code` names as `crate::x…` or inside `crate::{x, y::…}`.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    let mut rest = code;
    while let Some(found) = rest.find("crate::") {
        let before = rest.get(..found).and_then(|b| b.chars().next_back());
        rest = rest.get(found + "crate::".len()..).unwrap_or_default();
        if before.is_some_and(is_ident) {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            // The first name of each item of the group, at its top level.
            let mut depth = 1;
            let mut expect = true;
            let mut chars = group.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                match c {
                    '{' => {
                        depth += 1;
                        expect = false;
                    }
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => expect = true,
                    c if expect && depth == 1 && is_ident(c) => {
                        let tail = group.get(i..).unwrap_or_default();
                        let end = tail
                            .find(|c: char| !is_ident(c))
                            .map_or(group.len(), |e| i + e);
                        named.insert(group.get(i..end).unwrap_or_default().to_owned());
                        while chars.peek().is_some_and(|(j, _)| *j < end) {
                            chars.next();
                        }
                        expect = false;
                    }
                    _ => {}
                }
            }
        } else {
            let end = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
            named.insert(rest.get(..end).unwrap_or_default().to_owned());
        }
    }
    named
}

/// The top-level modules and what each imports from the others (`lib.rs`,
/// the crate root, and `main.rs`, which uses the library from outside, are
/// not modules).
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let sources = sources();
    let modules: BTreeSet<&str> = sources
        .iter()
        .map(|s| module_of(&s.path))
        .filter(|m| !matches!(*m, "lib" | "main"))
        .collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for source in &sources {
        let from = module_of(&source.path);
        if matches!(from, "lib" | "main") {
            continue;
        }
        let edges = graph.entry(from.to_owned()).or_default();
        for to in crate_paths(&code_of(&source.text)) {
            if to != from && modules.contains(to.as_str()) {
                edges.insert(to);
            }
        }
    }
    graph
}

/// A path from `from` to `to` in `graph`, if there is one.
fn path_between(
    graph: &BTreeMap<String, BTreeSet<String>>,
    from: &str,
    to: &str,
) -> Option<Vec<String>> {
    let mut previous: BTreeMap<String, String> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([from.to_owned()]);
    let mut seen = BTreeSet::from([from.to_owned()]);
    while let Some(at) = queue.pop_front() {
        if at == to {
            let mut path = vec![at.clone()];
            let mut cursor = at;
            while let Some(p) = previous.get(&cursor) {
                path.push(p.clone());
                cursor = p.clone();
            }
            path.reverse();
            return Some(path);
        }
        for next in graph.get(&at).into_iter().flatten() {
            if seen.insert(next.clone()) {
                previous.insert(next.clone(), at.clone());
                queue.push_back(next.clone());
            }
        }
    }
    None
}

#[test]
fn the_reader_of_sources_sees_code_not_comments_or_strings() {
    let code = code_of(
        "use crate::a; // crate::b\n/// [`crate::c`]\nlet s = \"crate::d\"; let r = r#\"crate::e \"q\"\"#;\n\
         let c = '\"'; fn f<'x>(v: &'x str) { crate::f::g(); }\n/* crate::h /* nested */ crate::i */",
    );
    let named: Vec<String> = crate_paths(&code).into_iter().collect();
    assert_eq!(named, ["a", "f"]);
    let grouped: Vec<String> = crate_paths("use crate::{app::App, http::{self, HttpError}, i18n};")
        .into_iter()
        .collect();
    assert_eq!(grouped, ["app", "http", "i18n"]);
    assert_eq!(module_of("http/routes/proxy.rs"), "http");
    assert_eq!(module_of("http.rs"), "http");
    assert_eq!(module_of("proxy/mod.rs"), "proxy");
}

/// Nothing outside `src/http/` and `main.rs` names `crate::http`, in code
/// or in its docs.
#[test]
fn only_the_http_layer_names_the_http_layer() {
    let offenders: Vec<String> = sources()
        .iter()
        .filter(|s| !matches!(module_of(&s.path), "http" | "main" | "lib"))
        .filter(|s| {
            s.text.match_indices("crate::http").any(|(i, m)| {
                !s.text
                    .get(i + m.len()..)
                    .is_some_and(|after| after.starts_with(is_ident))
            })
        })
        .map(|s| format!("src/{}", s.path))
        .collect();
    assert!(
        offenders.is_empty(),
        "these name crate::http, which only src/http/ may: {offenders:?}"
    );
    let graph = module_graph();
    let importers: Vec<&String> = graph
        .iter()
        .filter(|(from, to)| *from != "http" && to.contains("http"))
        .map(|(from, _)| from)
        .collect();
    assert!(importers.is_empty(), "import the HTTP layer: {importers:?}");
}

/// The top-level modules' imports form no cycle, apart from the known edges
/// above; each of those must still close one, or it is to be removed.
#[test]
fn the_top_level_modules_have_no_import_cycle() {
    let mut graph = module_graph();
    for (from, to, why) in KNOWN_CYCLE_EDGES {
        let edges = graph.get_mut(*from).unwrap();
        assert!(
            edges.remove(*to),
            "{from} no longer imports {to} ({why}): remove it from KNOWN_CYCLE_EDGES"
        );
    }
    for (from, to, why) in KNOWN_CYCLE_EDGES {
        assert!(
            path_between(&graph, to, from).is_some(),
            "{from} -> {to} closes no cycle any more ({why}): remove it from KNOWN_CYCLE_EDGES"
        );
    }
    let mut cycles = Vec::new();
    for (from, edges) in &graph {
        for to in edges {
            if let Some(back) = path_between(&graph, to, from) {
                cycles.push(format!("{from} -> {}", back.join(" -> ")));
            }
        }
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

/// Every `/api/` route is registered in `src/http/openapi.rs`, whose list
/// makes the router and the document both: none is added beside it.
#[test]
fn api_routes_come_only_from_the_documented_list() {
    let offenders: Vec<String> = sources()
        .iter()
        .filter(|s| s.path != "http/openapi.rs")
        .filter(|s| {
            let text = s.text.replace([' ', '\n'], "");
            text.contains(".route(\"/api") || text.contains(".nest(\"/api")
        })
        .map(|s| format!("src/{}", s.path))
        .collect();
    assert!(
        offenders.is_empty(),
        "/api/ routes outside http/openapi.rs: {offenders:?}"
    );
}
