//! The lexer: the tags between what lol_html reports.
//!
//! lol_html reports text, comments and doctypes with their source byte
//! ranges, and which kind of text each chunk is (data, RCDATA, raw text):
//! the part of reading HTML that needs a state machine and is easy to get
//! wrong. Tags are not reported by its document handlers, so they are read
//! here from the bytes between reports, as the HTML tokenizer reads them,
//! with a small table of the tag names any rule of this module mentions;
//! `stream` puts the two together.
//!
//! lol_html 2 does report tags with their byte ranges (`StartTag` and
//! `EndTag::source_location`, `Attribute::value_source_location`), but only
//! to element handlers, which is not enough to retire this lexer. Element
//! handlers run its selector machine (`element!("*")`), whose own stack of
//! open elements finds the start tag of every end tag by a walk from the top
//! (the cost per tag this module was rid of) and knows no implied end tags.
//! End tags come only through a handler boxed per element and only for
//! elements it still has open: stray `</p>`, `</br>` and ignored end tags are
//! never reported, so the gaps between reports would still have to be read
//! here, and so would `</>`, CDATA markers and a tag cut by the end of the
//! input. What it would save is reading attributes, for a second tree model
//! and a handler call per element.

use std::ops::Range;

/// A lexical token with its byte range in the input.
#[derive(Debug)]
pub(super) enum Tok {
    Start(StartTok),
    End {
        range: Range<usize>,
        name: TagName,
    },
    Text {
        range: Range<usize>,
        kind: TextKind,
    },
    Comment(Range<usize>),
    Doctype(Range<usize>),
    /// Bytes between reported tokens that are not a tag (`</>`, the
    /// `<![CDATA[` markers of foreign content, a tag cut by the end of the
    /// input): kept verbatim.
    Other(Range<usize>),
    /// The rest of the document after markup whose parsing depends on tree
    /// state lol_html does not track (`<select><title>`, `<frameset><style>`,
    /// see also [`Stream::check`]): how a browser reads it is unknown, so it
    /// is left untouched.
    Unknowable(Range<usize>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TextKind {
    /// Ordinary text: character references are decoded.
    Data,
    /// `<title>`/`<textarea>` text: references decoded, no tags.
    RcData,
    /// Script, style, raw text, CDATA: never translated.
    Raw,
}

#[derive(Debug)]
pub(super) struct StartTok {
    pub(super) range: Range<usize>,
    pub(super) name: TagName,
    /// A void element (or a self-closed `<svg/>`/`<math/>`): no end tag follows.
    pub(super) void: bool,
    /// `translate="no"` or class `notranslate`.
    pub(super) no_translate: bool,
    /// The attributes this module may translate or needs to read.
    pub(super) attrs: Vec<AttrTok>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum AttrName {
    Title,
    Alt,
    Placeholder,
    AriaLabel,
    Content,
    Name,
    Property,
}

impl AttrName {
    fn parse(raw: &[u8]) -> Option<Self> {
        let is = |name: &str| raw.eq_ignore_ascii_case(name.as_bytes());
        match raw.len() {
            3 if is("alt") => Some(Self::Alt),
            4 if is("name") => Some(Self::Name),
            5 if is("title") => Some(Self::Title),
            7 if is("content") => Some(Self::Content),
            8 if is("property") => Some(Self::Property),
            10 if is("aria-label") => Some(Self::AriaLabel),
            11 if is("placeholder") => Some(Self::Placeholder),
            _ => None,
        }
    }

    pub(super) fn as_str(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Alt => "alt",
            Self::Placeholder => "placeholder",
            Self::AriaLabel => "aria-label",
            Self::Content => "content",
            Self::Name => "name",
            Self::Property => "property",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Quote {
    Double,
    Single,
    None,
}

#[derive(Debug, Clone)]
pub(super) struct AttrTok {
    pub(super) name: AttrName,
    /// The raw value, without quotes.
    pub(super) value: Range<usize>,
    pub(super) quote: Quote,
}

impl Tok {
    pub(super) fn range(&self) -> Range<usize> {
        match self {
            Self::Start(start) => start.range.clone(),
            Self::End { range, .. }
            | Self::Text { range, .. }
            | Self::Comment(range)
            | Self::Doctype(range)
            | Self::Other(range)
            | Self::Unknowable(range) => range.clone(),
        }
    }
}

/// Reads the bytes between reported tokens: start and end tags, and other
/// bytes (`</>`, CDATA markers in foreign content, a tag cut by the end of the
/// input) that are kept verbatim.
pub(super) fn gap_tokens(bytes: &[u8], gap: Range<usize>, mut out: impl FnMut(Tok)) {
    let at = |k: usize| bytes.get(k).copied();
    let mut i = gap.start;
    let mut other_start = i;
    while i < gap.end {
        let Some(off) = bytes
            .get(i..gap.end)
            .and_then(|rest| rest.iter().position(|&b| b == b'<'))
        else {
            break;
        };
        i += off;
        let tok = match (at(i + 1), at(i + 2)) {
            (Some(b'/'), Some(c)) if c.is_ascii_alphabetic() => end_tag(bytes, i, gap.end),
            (Some(c), _) if c.is_ascii_alphabetic() => start_tag(bytes, i, gap.end),
            _ => None,
        };
        match tok {
            Some(tok) => {
                let range = tok.range();
                if other_start < range.start {
                    out(Tok::Other(other_start..range.start));
                }
                i = range.end;
                other_start = i;
                out(tok);
            }
            None => i += 1,
        }
    }
    if other_start < gap.end {
        out(Tok::Other(other_start..gap.end));
    }
}

pub(super) fn is_html_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// A tag name: `known` is the lower-case name when it is one of
/// [`KNOWN_TAGS`] (the names any rule here mentions), `""` otherwise
/// (`olang`, custom elements), in which case only `raw` tells names apart.
#[derive(Debug, Clone)]
pub(super) struct TagName {
    pub(super) known: &'static str,
    /// Position of `known` in [`KNOWN_TAGS`].
    pub(super) id: Option<u16>,
    pub(super) raw: Range<usize>,
}

impl TagName {
    pub(super) fn same(&self, other: &Self, bytes: &[u8]) -> bool {
        if self.known.is_empty() && other.known.is_empty() {
            let (a, b) = (bytes.get(self.raw.clone()), bytes.get(other.raw.clone()));
            a.zip(b).is_some_and(|(a, b)| a.eq_ignore_ascii_case(b))
        } else {
            self.known == other.known
        }
    }
}

/// Every tag name a rule of this module mentions, sorted.
pub(super) const KNOWN_TAGS: &[&str] = &[
    "a",
    "abbr",
    "acronym",
    "address",
    "applet",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "basefont",
    "bdi",
    "bdo",
    "bgsound",
    "big",
    "blink",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "image",
    "img",
    "input",
    "ins",
    "isindex",
    "kbd",
    "keygen",
    "label",
    "legend",
    "li",
    "link",
    "listing",
    "main",
    "map",
    "mark",
    "marquee",
    "math",
    "menu",
    "menuitem",
    "meta",
    "meter",
    "nav",
    "nobr",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "plaintext",
    "pre",
    "progress",
    "q",
    "rb",
    "rp",
    "rt",
    "rtc",
    "ruby",
    "s",
    "samp",
    "script",
    "search",
    "section",
    "select",
    "slot",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
    "xmp",
];

/// A tag name of up to 16 bytes as a big-endian integer, zero-padded: the
/// order of keys is the order of names, and comparing them is cheap.
pub(super) const fn tag_key(name: &[u8]) -> u128 {
    let mut key: u128 = 0;
    let mut i = 0;
    while i < 16 {
        let byte = if i < name.len() { name[i] } else { 0 };
        key = (key << 8) | byte.to_ascii_lowercase() as u128;
        i += 1;
    }
    key
}

/// [`tag_key`] of each of [`KNOWN_TAGS`], in the same order.
pub(super) static KNOWN_TAG_KEYS: [u128; KNOWN_TAGS.len()] = {
    let mut keys = [0; KNOWN_TAGS.len()];
    let mut i = 0;
    while i < KNOWN_TAGS.len() {
        keys[i] = tag_key(KNOWN_TAGS[i].as_bytes());
        i += 1;
    }
    keys
};

pub(super) const TAG_SLOTS: usize = 512;

/// Open-addressing hash table over [`KNOWN_TAG_KEYS`]: 1 + index, 0 = empty.
pub(super) static TAG_TABLE: [u16; TAG_SLOTS] = {
    let mut table = [0u16; TAG_SLOTS];
    let mut i = 0;
    while i < KNOWN_TAGS.len() {
        let mut slot = tag_slot(KNOWN_TAG_KEYS[i]);
        while table[slot] != 0 {
            slot = (slot + 1) % TAG_SLOTS;
        }
        table[slot] = i as u16 + 1;
        i += 1;
    }
    table
};

pub(super) const fn tag_slot(key: u128) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - 9)) as usize
}

/// The position in [`KNOWN_TAGS`] of the name with this key.
pub(super) fn known_tag(key: u128) -> Option<usize> {
    let mut slot = tag_slot(key);
    loop {
        let entry = usize::from(*TAG_TABLE.get(slot)?);
        let index = entry.checked_sub(1)?;
        if KNOWN_TAG_KEYS.get(index) == Some(&key) {
            return Some(index);
        }
        slot = (slot + 1) % TAG_SLOTS;
    }
}

/// Reads a tag name at `start`.
pub(super) fn tag_name(bytes: &[u8], start: usize, limit: usize) -> (TagName, usize) {
    let rest = bytes.get(start..limit).unwrap_or_default();
    let len = rest
        .iter()
        .position(|&b| is_html_space(b) || b == b'/' || b == b'>')
        .unwrap_or(rest.len());
    let raw = rest.get(..len).unwrap_or_default();
    let index = if len <= 16 && !raw.contains(&0) {
        // Same as `tag_key`, without its padding loop.
        let key = raw.iter().fold(0u128, |key, &b| {
            (key << 8) | u128::from(b.to_ascii_lowercase())
        });
        let pad = u32::try_from(8 * (16 - len)).unwrap_or(128);
        key.checked_shl(pad).and_then(known_tag)
    } else {
        None
    };
    (
        TagName {
            known: index.and_then(|i| KNOWN_TAGS.get(i)).copied().unwrap_or(""),
            id: index.and_then(|i| u16::try_from(i).ok()),
            raw: start..start + len,
        },
        start + len,
    )
}

/// Reads the end tag at `lt` (`</name …>`); `None` when it does not end
/// before `limit`.
pub(super) fn end_tag(bytes: &[u8], lt: usize, limit: usize) -> Option<Tok> {
    let (name, j) = tag_name(bytes, lt + 2, limit);
    // Attributes on an end tag are ignored by browsers, but read like any
    // other (a quoted value may hold a `>`).
    let (gt, _) = read_attributes(bytes, j, limit, |_, _, _| {})?;
    Some(Tok::End {
        range: lt..gt + 1,
        name,
    })
}

/// Reads the start tag at `lt` as the HTML tokenizer does; `None` when it does
/// not end before `limit` (a browser drops such a tag).
pub(super) fn start_tag(bytes: &[u8], lt: usize, limit: usize) -> Option<Tok> {
    let (name, j) = tag_name(bytes, lt + 1, limit);
    let mut attrs: Vec<AttrTok> = Vec::new();
    let mut seen: u16 = 0;
    let mut no_translate = false;
    let (gt, self_closing) = read_attributes(bytes, j, limit, |attr_name, value, quote| {
        let Some(kind) = AttrKind::parse(attr_name) else {
            return;
        };
        // The HTML parser keeps the first of duplicate attributes.
        if seen & kind.bit() != 0 {
            return;
        }
        seen |= kind.bit();
        let raw_value = bytes.get(value.clone()).unwrap_or_default();
        match kind {
            AttrKind::Translate => {
                no_translate |= raw_value.trim_ascii().eq_ignore_ascii_case(b"no");
            }
            AttrKind::Class => {
                no_translate |= raw_value
                    .split(|&b| is_html_space(b))
                    .any(|class| class == b"notranslate");
            }
            AttrKind::Named(name) => attrs.push(AttrTok { name, value, quote }),
        }
    })?;
    let void = is_void(name.known) || (self_closing && matches!(name.known, "svg" | "math"));
    Some(Tok::Start(StartTok {
        range: lt..gt + 1,
        name,
        void,
        no_translate,
        attrs,
    }))
}

/// Reads the attributes of a tag from `j` (just after its name) as the HTML
/// tokenizer does, calling `visit(name, value range, quote)` for each.
/// Returns the position of the closing `>` and whether the tag ends with
/// `/>`; `None` when it does not end before `limit`.
pub(super) fn read_attributes(
    bytes: &[u8],
    mut j: usize,
    limit: usize,
    mut visit: impl FnMut(&[u8], Range<usize>, Quote),
) -> Option<(usize, bool)> {
    let at = |k: usize| bytes.get(k).copied().filter(|_| k < limit);
    let mut self_closing = false;
    loop {
        // Before attribute name.
        let b = at(j)?;
        if is_html_space(b) {
            j += 1;
            continue;
        }
        if b == b'/' {
            self_closing = at(j + 1) == Some(b'>');
            j += 1;
            continue;
        }
        if b == b'>' {
            return Some((j, self_closing));
        }
        self_closing = false;
        let name_start = j;
        j += 1; // a first `=` belongs to the name
        while at(j).is_some_and(|b| !is_html_space(b) && !matches!(b, b'/' | b'>' | b'=')) {
            j += 1;
        }
        let name = bytes.get(name_start..j).unwrap_or_default();
        while at(j).is_some_and(is_html_space) {
            j += 1;
        }
        if at(j) != Some(b'=') {
            visit(name, j..j, Quote::None);
            continue;
        }
        j += 1;
        while at(j).is_some_and(is_html_space) {
            j += 1;
        }
        match at(j) {
            Some(q @ (b'"' | b'\'')) => {
                let start = j + 1;
                let len = bytes.get(start..limit)?.iter().position(|&b| b == q)?;
                j = start + len + 1;
                let quote = if q == b'"' {
                    Quote::Double
                } else {
                    Quote::Single
                };
                visit(name, start..start + len, quote);
            }
            _ => {
                let start = j;
                while at(j).is_some_and(|b| !is_html_space(b) && b != b'>') {
                    j += 1;
                }
                visit(name, start..j, Quote::None);
            }
        }
    }
}

/// HTML void elements: no content, no end tag.
pub(super) fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "image"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// An attribute this module reads.
#[derive(Debug, Clone, Copy)]
pub(super) enum AttrKind {
    Translate,
    Class,
    Named(AttrName),
}

impl AttrKind {
    fn parse(raw: &[u8]) -> Option<Self> {
        if raw.eq_ignore_ascii_case(b"translate") {
            Some(Self::Translate)
        } else if raw.eq_ignore_ascii_case(b"class") {
            Some(Self::Class)
        } else {
            AttrName::parse(raw).map(Self::Named)
        }
    }

    fn bit(self) -> u16 {
        match self {
            Self::Translate => 1,
            Self::Class => 2,
            Self::Named(name) => 4 << (name as u16),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_as_the_tokenizer_reads_them() {
        let html = "<IMG ALT=\"a>b\" alt=second title='題' class=\"x notranslate\"/>\
                    <olang>字<svg/></P foo=\">\"><b";
        let mut toks = Vec::new();
        gap_tokens(html.as_bytes(), 0..html.len(), |tok| toks.push(tok));
        let [
            Tok::Start(img),
            Tok::Start(olang),
            Tok::Other(text),
            Tok::Start(svg),
            end,
            rest,
        ] = toks.as_slice()
        else {
            panic!("{toks:?}");
        };
        assert_eq!(
            (img.name.known, img.void, img.no_translate),
            ("img", true, true)
        );
        // The first of two `alt`s counts; a quoted `>` does not end the tag.
        let attrs: Vec<(AttrName, &str, Quote)> = img
            .attrs
            .iter()
            .map(|a| (a.name, html.get(a.value.clone()).unwrap(), a.quote))
            .collect();
        assert_eq!(
            attrs,
            [
                (AttrName::Alt, "a>b", Quote::Double),
                (AttrName::Title, "題", Quote::Single)
            ]
        );
        assert_eq!(olang.name.known, "");
        assert_eq!(html.get(olang.name.raw.clone()), Some("olang"));
        assert_eq!(html.get(text.clone()), Some("字"));
        assert!(svg.void, "a self-closed <svg/> has no content");
        let Tok::End { name, range } = end else {
            panic!("{end:?}")
        };
        assert_eq!(
            (name.known, html.get(range.clone())),
            ("p", Some("</P foo=\">\">"))
        );
        // A tag cut by the end of the input is not a tag.
        assert!(matches!(rest, Tok::Other(r) if html.get(r.clone()) == Some("<b")));
    }

    #[test]
    fn tag_names_are_sorted_and_unique() {
        assert!(KNOWN_TAGS.windows(2).all(|w| w[0] < w[1]));
        for (i, name) in KNOWN_TAGS.iter().enumerate() {
            let upper = name.to_ascii_uppercase();
            let (tag, _) = tag_name(upper.as_bytes(), 0, upper.len());
            assert_eq!((tag.known, tag.id), (*name, u16::try_from(i).ok()));
        }
    }
}
