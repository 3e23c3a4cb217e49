//! The HTML tree-construction rules that decide where units end.
//!
//! The planner does not build a tree, but it must know when the HTML parser
//! closes an element without an end tag (a `<p>` closed by a `<div>`, an
//! `<li>` by the next `<li>`, a cell by the next cell), which end tags close
//! what (scopes), and how each element takes part in units. Those rules are
//! here, with the model of the stack of open elements they are asked of;
//! the planner applies them.
//!
//! The parser answers its scope questions by walking the stack of open
//! elements, which costs the depth of the stack for every block start tag:
//! seconds for a page of 80,000 nested `<div>`. [`OpenElements`] answers each
//! in constant time instead, from the innermost open element of each name and
//! the innermost boundary of each scope, both kept as elements are pushed and
//! popped.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::lex::{KNOWN_TAGS, TagName};

/// How an element takes part in units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// Phrasing content: a `<bN>` pair (or `<xN/>` when void) inside a unit.
    /// Unknown elements (`<olang>`) are inline too.
    Inline,
    /// `br`, `wbr`: `<xN/>`, left outside the unit at its edges.
    Break,
    /// Phrasing content that is not translated: `<xN/>` with its whole content.
    /// `special` ones stop the search for a matching inline end tag;
    /// `invisible` ones are left outside the unit at its edges.
    OpaqueInline { special: bool, invisible: bool },
    /// A block whose content is not translated (`pre`).
    OpaqueBlock,
    /// `<title>`: its text is a [`super::UnitKind::Title`] unit.
    Title,
    /// Elements whose own text is not a unit: tables and their sections and
    /// rows (such text is moved out of the table by the parser), `head`,
    /// `html`, `select`.
    NoText,
    /// Every other known element: ends the current unit.
    Block,
}

impl Class {
    pub(super) fn of(name: &str) -> Self {
        match name {
            "a" | "abbr" | "acronym" | "area" | "b" | "bdi" | "bdo" | "big" | "blink"
            | "button" | "cite" | "data" | "del" | "dfn" | "em" | "embed" | "font" | "i"
            | "image" | "img" | "input" | "ins" | "keygen" | "label" | "map" | "mark" | "meter"
            | "nobr" | "output" | "picture" | "progress" | "q" | "rb" | "rp" | "rt" | "rtc"
            | "ruby" | "s" | "slot" | "small" | "source" | "span" | "strike" | "strong" | "sub"
            | "sup" | "time" | "track" | "tt" | "u" => Self::Inline,
            "br" | "wbr" => Self::Break,
            "code" | "kbd" | "samp" | "var" => Self::OpaqueInline {
                special: false,
                invisible: false,
            },
            "svg" | "math" | "textarea" | "iframe" | "object" | "applet" => Self::OpaqueInline {
                special: true,
                invisible: false,
            },
            "script" | "style" | "template" | "noscript" => Self::OpaqueInline {
                special: true,
                invisible: true,
            },
            "pre" | "listing" | "xmp" | "plaintext" | "noembed" | "noframes" => Self::OpaqueBlock,
            "title" => Self::Title,
            "html" | "head" | "table" | "tbody" | "thead" | "tfoot" | "tr" | "colgroup"
            | "select" | "optgroup" | "datalist" | "frameset" => Self::NoText,
            "address" | "article" | "aside" | "audio" | "base" | "basefont" | "bgsound"
            | "blockquote" | "body" | "canvas" | "caption" | "center" | "col" | "dd"
            | "details" | "dialog" | "dir" | "div" | "dl" | "dt" | "fieldset" | "figcaption"
            | "figure" | "footer" | "form" | "frame" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
            | "header" | "hgroup" | "hr" | "isindex" | "legend" | "li" | "link" | "main"
            | "marquee" | "menu" | "menuitem" | "meta" | "nav" | "ol" | "option" | "p"
            | "param" | "search" | "section" | "summary" | "td" | "th" | "ul" | "video" => {
                Self::Block
            }
            _ => Self::Inline,
        }
    }

    /// Stops the search for the start tag of an inline end tag (the HTML
    /// "special" category, roughly).
    pub(super) fn is_special(self) -> bool {
        match self {
            Self::Inline | Self::Break => false,
            Self::OpaqueInline { special, .. } => special,
            Self::OpaqueBlock | Self::Title | Self::NoText | Self::Block => true,
        }
    }
}

/// Elements whose start tag closes an open `<p>`.
pub(super) fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "listing"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "plaintext"
            | "pre"
            | "search"
            | "section"
            | "summary"
            | "table"
            | "ul"
            | "xmp"
            | "li"
            | "dd"
            | "dt"
    )
}

/// Start tags that end SVG/MathML content (the HTML parser's list, less
/// `font`, which does so only with some attributes).
pub(super) fn breaks_out_of_foreign_content(name: &str) -> bool {
    matches!(
        name,
        "b" | "big"
            | "blockquote"
            | "body"
            | "br"
            | "center"
            | "code"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "em"
            | "embed"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "hr"
            | "i"
            | "img"
            | "li"
            | "listing"
            | "menu"
            | "meta"
            | "nobr"
            | "ol"
            | "p"
            | "pre"
            | "ruby"
            | "s"
            | "small"
            | "span"
            | "strong"
            | "strike"
            | "sub"
            | "sup"
            | "table"
            | "tt"
            | "u"
            | "ul"
            | "var"
    )
}

pub(super) fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Boundaries of the HTML "default scope".
pub(super) fn default_scope_boundary(name: &str) -> bool {
    matches!(
        name,
        "applet"
            | "caption"
            | "html"
            | "table"
            | "td"
            | "th"
            | "marquee"
            | "object"
            | "template"
            | "svg"
            | "math"
    )
}

pub(super) fn table_scope_boundary(name: &str) -> bool {
    matches!(name, "html" | "table" | "template")
}

/// The scopes the rules need: where the search for an open element stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    /// The HTML "default scope" ([`default_scope_boundary`]).
    Default,
    /// "Button scope": the default scope and `button` (for `p`).
    Button,
    /// "List item scope": the default scope, `ol` and `ul` (for `li`).
    ListItem,
    /// "Table scope" ([`table_scope_boundary`]).
    Table,
    /// Any special element ([`Class::is_special`]): the search for the start
    /// tag of an inline end tag stops there.
    Special,
    /// A special element other than `address`, `div` and `p`: where a new
    /// `li`, `dd` or `dt` stops looking for an open one to close.
    ListItemStart,
}

const SCOPES: usize = 6;

impl Scope {
    fn bounded_by(self, name: &str, class: Class) -> bool {
        match self {
            Self::Default => default_scope_boundary(name),
            Self::Button => name == "button" || default_scope_boundary(name),
            Self::ListItem => matches!(name, "ol" | "ul") || default_scope_boundary(name),
            Self::Table => table_scope_boundary(name),
            Self::Special => class.is_special(),
            Self::ListItemStart => class.is_special() && !matches!(name, "address" | "div" | "p"),
        }
    }

    const ALL: [Self; SCOPES] = [
        Self::Default,
        Self::Button,
        Self::ListItem,
        Self::Table,
        Self::Special,
        Self::ListItemStart,
    ];
}

/// For each name of [`KNOWN_TAGS`], its [`Class`] and the scopes it bounds
/// (bit `k` for `Scope::ALL[k]`); other names are inline and bound none.
/// Worked out once, so pushing an element costs no string comparison.
static KNOWN_CLASSES: LazyLock<Vec<(Class, u8)>> = LazyLock::new(|| {
    KNOWN_TAGS
        .iter()
        .map(|name| {
            let class = Class::of(name);
            let bounds = Scope::ALL
                .iter()
                .enumerate()
                .filter(|(_, scope)| scope.bounded_by(name, class))
                .fold(0u8, |bits, (k, _)| bits | (1 << k));
            (class, bounds)
        })
        .collect()
});

/// An element on the modelled stack of open elements, with what the planner
/// keeps about it.
#[derive(Debug)]
pub(super) struct Open<T> {
    pub(super) name: TagName,
    pub(super) class: Class,
    pub(super) data: T,
    /// For each scope, 1 + the index of the innermost boundary at or below
    /// this element (0: none).
    boundary: [u32; SCOPES],
}

/// The modelled stack of open elements.
#[derive(Debug)]
pub(super) struct OpenElements<T> {
    elements: Vec<Open<T>>,
    /// Stack indices of the open elements of each name of [`KNOWN_TAGS`],
    /// innermost last.
    known: Vec<Vec<u32>>,
    /// The same for other names, by lower-case name.
    other: HashMap<Box<[u8]>, Vec<u32>>,
    /// Reused for lower-casing other names.
    key: Vec<u8>,
}

impl<T> OpenElements<T> {
    pub(super) fn new() -> Self {
        Self {
            elements: Vec::with_capacity(64),
            known: (0..KNOWN_TAGS.len()).map(|_| Vec::new()).collect(),
            other: HashMap::new(),
            key: Vec::new(),
        }
    }

    pub(super) fn len(&self) -> usize {
        self.elements.len()
    }

    pub(super) fn get(&self, index: usize) -> Option<&Open<T>> {
        self.elements.get(index)
    }

    pub(super) fn last(&self) -> Option<&Open<T>> {
        self.elements.last()
    }

    /// Pushes an element; `html` is the input its name range points into.
    pub(super) fn push(&mut self, name: TagName, data: T, html: &[u8]) {
        let index = self.elements.len();
        let Ok(at) = u32::try_from(index) else {
            return; // four billion open elements: never, the depth is limited
        };
        let (class, bounds) = name
            .id
            .and_then(|id| KNOWN_CLASSES.get(usize::from(id)))
            .copied()
            .unwrap_or((Class::Inline, 0));
        let mut boundary = self.elements.last().map_or([0; SCOPES], |top| top.boundary);
        for (k, slot) in boundary.iter_mut().enumerate() {
            if bounds & (1 << k) != 0 {
                *slot = at + 1;
            }
        }
        self.same_name(&name, html, |indices| indices.push(at));
        self.elements.push(Open {
            name,
            class,
            data,
            boundary,
        });
    }

    /// Pops the current node.
    pub(super) fn pop(&mut self, html: &[u8]) -> Option<Open<T>> {
        let open = self.elements.pop()?;
        self.same_name(&open.name, html, |indices| {
            indices.pop();
        });
        Some(open)
    }

    /// Calls `f` with the index list of the elements named `name`.
    fn same_name(&mut self, name: &TagName, html: &[u8], f: impl FnOnce(&mut Vec<u32>)) {
        if let Some(id) = name.id {
            if let Some(indices) = self.known.get_mut(usize::from(id)) {
                f(indices);
            }
            return;
        }
        self.key.clear();
        let raw = html.get(name.raw.clone()).unwrap_or_default();
        self.key.extend(raw.iter().map(u8::to_ascii_lowercase));
        match self.other.get_mut(self.key.as_slice()) {
            Some(indices) => f(indices),
            None => {
                let mut indices = Vec::new();
                f(&mut indices);
                self.other.insert(self.key.as_slice().into(), indices);
            }
        }
    }

    /// The innermost open element of this name.
    fn innermost(&self, name: &TagName, html: &[u8]) -> Option<usize> {
        let indices = match name.id {
            Some(id) => self.known.get(usize::from(id)),
            None => {
                let raw = html.get(name.raw.clone()).unwrap_or_default();
                if raw.iter().any(u8::is_ascii_uppercase) {
                    let lower = raw.to_ascii_lowercase();
                    self.other.get(lower.as_slice())
                } else {
                    self.other.get(raw)
                }
            }
        };
        indices
            .and_then(|indices| indices.last())
            .map(|&i| i as usize)
    }

    /// The innermost open element of a name of [`KNOWN_TAGS`].
    fn innermost_known(&self, name: &str) -> Option<usize> {
        let id = KNOWN_TAGS.binary_search(&name).ok()?;
        self.known.get(id)?.last().map(|&i| i as usize)
    }

    /// The innermost boundary of `scope`.
    fn boundary(&self, scope: Scope) -> Option<usize> {
        let top = self.elements.last()?;
        let slot = Scope::ALL.iter().position(|&s| s == scope)?;
        let at = top.boundary.get(slot).copied().unwrap_or(0);
        at.checked_sub(1).map(|i| i as usize)
    }

    /// Whether an element at `index` is in `scope`: no boundary above it.
    fn reaches(&self, index: usize, scope: Scope) -> bool {
        self.boundary(scope).is_none_or(|b| b <= index)
    }

    /// Whether an element named `name` (of [`KNOWN_TAGS`]) is open.
    pub(super) fn has_open(&self, name: &str) -> bool {
        self.innermost_known(name).is_some()
    }

    /// The innermost element named `name` (of [`KNOWN_TAGS`]) if it is in
    /// `scope`.
    pub(super) fn in_scope(&self, name: &str, scope: Scope) -> Option<usize> {
        self.innermost_known(name)
            .filter(|&i| self.reaches(i, scope))
    }

    /// The open `li` (for `name` = `li`) or `dd`/`dt` that a new `name`
    /// closes.
    pub(super) fn list_item_to_close(&self, name: &str) -> Option<usize> {
        let open = if name == "li" {
            self.innermost_known("li")
        } else {
            self.innermost_known("dd").max(self.innermost_known("dt"))
        };
        open.filter(|&i| self.reaches(i, Scope::ListItemStart))
    }

    /// The table part named in `names` to close up to, within the innermost
    /// table: the innermost one, or the outermost one with `outermost`.
    pub(super) fn table_part(&self, names: &[&str], outermost: bool) -> Option<usize> {
        let floor = self.boundary(Scope::Table);
        let above = |i: usize| floor.is_none_or(|b| i > b);
        let parts = names.iter().filter_map(|name| {
            let indices = self.known.get(KNOWN_TAGS.binary_search(name).ok()?)?;
            if outermost {
                let first = floor.map_or(0, |b| indices.partition_point(|&i| i as usize <= b));
                indices.get(first).map(|&i| i as usize)
            } else {
                indices.last().map(|&i| i as usize).filter(|&i| above(i))
            }
        });
        if outermost { parts.min() } else { parts.max() }
    }

    /// The open element that the end tag `name` closes, if any.
    pub(super) fn end_tag_target(&self, name: &TagName, html: &[u8]) -> Option<usize> {
        let known = name.known;
        let scope = if Class::of(known).is_special() {
            match known {
                "p" => Scope::Button,
                "li" => Scope::ListItem,
                "tr" | "td" | "th" | "tbody" | "thead" | "tfoot" | "table" | "caption"
                | "colgroup" => Scope::Table,
                _ => Scope::Default,
            }
        } else {
            // "Any other end tag": the nearest element of that name, unless a
            // special element comes first.
            Scope::Special
        };
        self.innermost(name, html)
            .filter(|&i| self.reaches(i, scope))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::segment::lex::tag_name;
    use crate::segment::test_support::*;

    /// The parser's own way: walk the stack from the current node until the
    /// target or a boundary.
    fn walk<T>(
        stack: &OpenElements<T>,
        target: impl Fn(&Open<T>) -> bool,
        boundary: impl Fn(&Open<T>) -> bool,
    ) -> Option<usize> {
        for i in (0..stack.len()).rev() {
            let open = stack.get(i)?;
            if target(open) {
                return Some(i);
            }
            if boundary(open) {
                return None;
            }
        }
        None
    }

    #[test]
    fn scope_answers_are_those_of_walking_the_stack() {
        let names = [
            "p", "li", "dd", "dt", "div", "address", "ul", "ol", "a", "b", "button", "table",
            "tbody", "tr", "td", "th", "caption", "html", "template", "svg", "object", "span",
            "olang", "OLang", "x-y", "P", "Td", "section",
        ];
        let html = names.join(" ");
        let bytes = html.as_bytes();
        let mut starts = Vec::new();
        let mut at = 0;
        for name in names {
            starts.push(tag_name(bytes, at, bytes.len()).0);
            at += name.len() + 1;
        }
        let table_names: &[&str] = &["tbody", "thead", "tfoot", "tr", "td", "th", "caption"];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |bound: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % bound as u64).unwrap()
        };
        let mut stack: OpenElements<()> = OpenElements::new();
        for _ in 0..20_000 {
            if next(3) == 0 {
                // As many pops as pushes on average: the depth wanders.
                for _ in 0..=next(3) {
                    stack.pop(bytes);
                }
            } else {
                stack.push(starts[next(starts.len())].clone(), (), bytes);
            }
            let known = |open: &Open<()>, n: &str| open.name.known == n;
            assert_eq!(
                stack.in_scope("p", Scope::Button),
                walk(
                    &stack,
                    |o| known(o, "p"),
                    |o| { known(o, "button") || default_scope_boundary(o.name.known) }
                )
            );
            assert_eq!(
                stack.in_scope("a", Scope::Default),
                walk(
                    &stack,
                    |o| known(o, "a"),
                    |o| default_scope_boundary(o.name.known)
                )
            );
            for item in ["li", "dd"] {
                let items: &[&str] = if item == "li" { &["li"] } else { &["dd", "dt"] };
                assert_eq!(
                    stack.list_item_to_close(item),
                    walk(
                        &stack,
                        |o| items.contains(&o.name.known),
                        |o| {
                            o.class.is_special() && !matches!(o.name.known, "address" | "div" | "p")
                        }
                    )
                );
            }
            for outermost in [false, true] {
                let mut found = None;
                for i in (0..stack.len()).rev() {
                    let open = stack.get(i).unwrap();
                    if table_scope_boundary(open.name.known) {
                        break;
                    }
                    if table_names.contains(&open.name.known) {
                        found = Some(i);
                        if !outermost {
                            break;
                        }
                    }
                }
                assert_eq!(stack.table_part(table_names, outermost), found);
            }
            for name in &starts {
                let expected = if Class::of(name.known).is_special() {
                    let scope = match name.known {
                        "p" => Scope::Button,
                        "li" => Scope::ListItem,
                        "tbody" | "tr" | "td" | "th" | "table" | "caption" => Scope::Table,
                        _ => Scope::Default,
                    };
                    walk(
                        &stack,
                        |o| o.name.known == name.known,
                        |o| scope.bounded_by(o.name.known, o.class),
                    )
                } else {
                    walk(
                        &stack,
                        |o| o.name.same(name, bytes),
                        |o| o.class.is_special(),
                    )
                };
                assert_eq!(
                    stack.end_tag_target(name, bytes),
                    expected,
                    "{}",
                    name.known
                );
            }
            for name in ["p", "table", "html"] {
                assert_eq!(
                    stack.has_open(name),
                    walk(&stack, |o| known(o, name), |_| false).is_some()
                );
            }
        }
    }

    #[test]
    fn blocks_end_units_and_nested_blocks_are_their_own_units() {
        assert_eq!(
            texts("<div>前文<p>段落</p>後文</div>"),
            ["前文", "段落", "後文"]
        );
        assert_eq!(texts("<p>一つ目<p>二つ目"), ["一つ目", "二つ目"]);
        assert_eq!(texts("<ul><li>項目一<li>項目二</ul>"), ["項目一", "項目二"]);
        assert_eq!(texts("<table><tr><td>左<td>右</table>"), ["左", "右"]);
        assert_eq!(texts("<h1>見出し</h1>本文"), ["見出し", "本文"]);
        assert_eq!(texts("本文だけの断片"), ["本文だけの断片"]);
    }

    #[test]
    fn skipped_elements_yield_no_units() {
        for html in [
            "<script>document.write('日本語');</script>",
            "<style>p::before { content: '注意'; }</style>",
            "<code>日本語のコード</code>",
            "<pre>整形済みの日本語</pre>",
            "<pre><b>太字</b>も含む</pre>",
            "<kbd>入力</kbd>",
            "<samp>出力例</samp>",
            "<var>変数</var>",
            "<svg><text>図の文字</text><title>図</title></svg>",
            "<math><mtext>数式の文字</mtext></math>",
            "<template><p>テンプレート</p></template>",
            "<textarea placeholder=\"\">初期値の文字</textarea>",
            "<noscript><p>スクリプトを有効に</p></noscript>",
            "<div translate=\"no\"><p title=\"題\">翻訳しない<img alt=\"画像\"></p></div>",
            "<p class=\"lead notranslate\">翻訳しない段落</p>",
            "<span translate=no>翻訳しない</span>",
            "<p>   </p>",
            "<p>2025.07.23</p>",
            "<p>〒100-8916 03-5253-1111</p>",
            "<p><a href=\"/\">◆</a> ・ <img src=\"x.png\" alt=\"\"></p>",
            "<p>（１）・・・</p>",
            "",
        ] {
            assert_eq!(segment(html).unwrap(), vec![], "{html}");
        }
        // The own attributes of an element skipped by name are still translated.
        assert_eq!(
            texts("<textarea placeholder=\"ご記入ください\">本文</textarea>"),
            ["ご記入ください"]
        );
    }
}
