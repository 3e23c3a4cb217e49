//! What the tests of the segment modules share: the fixture pages, a DOM
//! dump to compare pages as a browser would read them, and fills that change
//! text but keep placeholders.

pub(crate) use super::{Fill, Reassembled, Rejection, SegmentError, reassemble, segment};
pub(crate) use crate::placeholder::{
    Piece, Placeholder, PlaceholderError, escape_text, pieces, unescape_text,
};
pub(crate) use scraper::{Html, Node, Selector};

pub(crate) const FIXTURE_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/html");

/// The fixtures written for this module; [`fixtures`] also picks up any
/// other page added to the directory.
pub(crate) const OWN_FIXTURES: &[&str] = &[
    "press_release.html",
    "form_page.html",
    "code_and_notranslate.html",
    "nested_lists.html",
    "malformed.html",
    "legacy_layout.html",
    "fragment_inline.html",
];

/// Every `.html` file of tests/fixtures/html, as (name, content), sorted.
pub(crate) fn fixtures() -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = std::fs::read_dir(FIXTURE_DIR)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "html"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    all.sort();
    all
}

pub(crate) const PRESS_RELEASE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/html/press_release.html"
));

/// A normalised dump of the DOM html5ever builds: one node per line,
/// indented by depth; text contents replaced by `#text` unless `with_text`.
pub(crate) fn dom(html: &str, with_text: bool) -> String {
    let doc = Html::parse_document(html);
    let mut out = String::new();
    for node in doc.tree.root().descendants() {
        let depth = node.ancestors().count();
        out.push_str(&"  ".repeat(depth));
        match node.value() {
            Node::Document => out.push_str("#document"),
            Node::Fragment => out.push_str("#fragment"),
            Node::Doctype(d) => {
                out.push_str(&format!(
                    "<!DOCTYPE {:?} {:?} {:?}>",
                    d.name(),
                    d.public_id(),
                    d.system_id()
                ));
            }
            Node::Comment(c) => out.push_str(&format!("<!--{:?}-->", &**c)),
            Node::Text(t) if with_text => out.push_str(&format!("{:?}", &**t)),
            Node::Text(_) => out.push_str("#text"),
            Node::Element(e) => {
                out.push('<');
                out.push_str(e.name());
                for (name, value) in e.attrs() {
                    out.push_str(&format!(" {name}={value:?}"));
                }
                out.push('>');
            }
            Node::ProcessingInstruction(p) => out.push_str(&format!("<?{:?}>", &**p)),
        }
        out.push('\n');
    }
    out
}

pub(crate) fn assert_same_dom(name: &str, before: &str, after: &str, with_text: bool) {
    let (a, b) = (dom(before, with_text), dom(after, with_text));
    if a != b {
        let line = a
            .lines()
            .zip(b.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(0);
        panic!(
            "{name}: DOM differs at line {line}:\n  before: {:?}\n  after:  {:?}\n--- output ---\n{after}",
            a.lines().nth(line),
            b.lines().nth(line)
        );
    }
}

pub(crate) fn texts(html: &str) -> Vec<String> {
    segment(html).unwrap().into_iter().map(|u| u.text).collect()
}

pub(crate) fn identity(html: &str) -> Reassembled {
    reassemble(html, |u| Fill::text(u.text.clone())).unwrap()
}

/// Applies `f` to the text parts of a placeholder-form text, keeping the
/// placeholders where they are.
pub(crate) fn map_text_parts(text: &str, f: impl Fn(&str) -> String) -> String {
    let mut out = String::new();
    for piece in pieces(text).unwrap() {
        match piece {
            Piece::Text(t) => out.push_str(&escape_text(&f(&unescape_text(t)))),
            Piece::Open(id) => out.push_str(&format!("<b{id}>")),
            Piece::Close(id) => out.push_str(&format!("</b{id}>")),
            Piece::Void(id) => out.push_str(&format!("<x{id}/>")),
            Piece::Protected(id) => out.push_str(&format!("<p{id}/>")),
        }
    }
    out
}

/// Reverses and upper-cases a text, leaving its leading and trailing
/// whitespace in place (where the parser may treat it specially).
pub(crate) fn shout(s: &str) -> String {
    let core = s.trim_matches(|c: char| c.is_ascii_whitespace());
    let lead = s.len()
        - s.trim_start_matches(|c: char| c.is_ascii_whitespace())
            .len();
    let (head, tail) = (s.get(..lead).unwrap(), s.get(lead + core.len()..).unwrap());
    format!(
        "{head}{}{tail}",
        core.chars().rev().collect::<String>().to_uppercase()
    )
}
