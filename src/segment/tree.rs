//! The HTML tree-construction rules that decide where units end.
//!
//! The planner does not build a tree, but it must know when the HTML parser
//! closes an element without an end tag (a `<p>` closed by a `<div>`, an
//! `<li>` by the next `<li>`, a cell by the next cell), which end tags close
//! what (scopes), and how each element takes part in units. Those rules are
//! here, as data, apart from the bookkeeping that applies them.

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

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::segment::test_support::*;

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
