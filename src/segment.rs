//! HTML ⇄ translation units.
//!
//! A page is cut into *units*: the text of one block-level element together with
//! its inline markup, the value of a translatable attribute, or the document
//! `<title>`. Each unit is sent to machine translation (or found in the
//! translation memory) as one string, and [`reassemble`] puts the translations
//! back into the page, leaving every other byte as it was.
//!
//! # Placeholder syntax (a contract with `protect` and `translate`)
//!
//! Unit text is XML-escaped plain text: the page's own character references are
//! decoded first (`&#x52B4;` becomes 労, `&nbsp;` becomes U+00A0), then only `&`,
//! `<` and `>` are escaped as `&amp;`, `&lt;` and `&gt;`. Markup inside the unit
//! becomes numbered placeholders, numbered per unit in document order from 1,
//! one counter shared by all kinds:
//!
//! * `<b1>…</b1>`: a paired inline element (`a`, `span`, `strong`, `font`,
//!   `ruby`, unknown elements such as `<olang>`…). Its start and end tags come
//!   back byte for byte, attributes included.
//! * `<x2/>`: something kept verbatim: a void element (`br`, `img`, `wbr`,
//!   `input`), a comment, an inline element that must not be translated
//!   (`code`, `kbd`, `<span translate="no">`… with all of its content), a
//!   character reference this module does not know, or a tag that is not
//!   balanced inside the unit (malformed HTML).
//! * `<p3/>` is reserved for the `protect` module (URLs, phone numbers, dates).
//!   This module never emits it, and [`reassemble`] rejects a fill that still
//!   contains one: the caller resolves protected tokens before filling.
//!
//! Sentence `<p>厚生労働省は、<span class="date">令和7年度</span>に<a href="/x">セミナー</a>を開催します。<br>詳細は下記。</p>`
//! is the single unit
//! `厚生労働省は、<b1>令和7年度</b1>に<b2>セミナー</b2>を開催します。<x3/>詳細は下記。`.
//!
//! Leading and trailing whitespace, comments, `<br>`/`<wbr>` and invisible
//! elements (`script`, `style`…) are left outside the unit, so the same sentence
//! gets the same [`Unit::key`] whatever its indentation. A unit with no letter
//! in it (only placeholders, digits, punctuation or symbols such as
//! `〒100-8916`, `2025.07.23`) is not a unit: it stays as it is.
//!
//! # What is never translated
//!
//! `script`, `style`, `code`, `pre`, `kbd`, `samp`, `var`, `svg`, `math`,
//! `template`, `textarea`, `noscript`, `iframe`, `object`, `xmp`, `listing`,
//! `plaintext`, `noembed`, `noframes` (their content), and any element with
//! `translate="no"` or class `notranslate` (its content *and* its attributes).
//! A `noscript` body is raw text to a browser with scripting on, so re-escaping
//! it could change it; it is left alone.
//!
//! Translated attributes are units of kind [`UnitKind::Attribute`]: `title`
//! (except on `link` and `style`, where it names a style sheet set), `alt`,
//! `placeholder` and `aria-label` on any element, and `content` of
//! `<meta name="description">`, `<meta property="og:title">`,
//! `<meta property="og:description">` and their `twitter:` twins. The
//! `<title>` element's text is a unit of kind [`UnitKind::Title`].
//!
//! # Why lol_html
//!
//! The page must come back intact: comments before the DOCTYPE, CDATA in
//! scripts, `on*` handlers, `href` values with a newline inside, upper-case
//! legacy markup and unknown elements. `lol_html` is a streaming tokenizer
//! with just enough tree-builder simulation to know when text is script data,
//! raw text or RCDATA (the hard, security-relevant part of reading HTML), and
//! it reports the exact source byte range of every text chunk and comment.
//! This module uses it as a lexer: tags are read from the bytes between the
//! reported tokens, a small stack machine that follows the HTML
//! tree-construction rules that matter for unit boundaries (implied `</p>`,
//! `</li>`, `</td>`…, scopes) decides where units are as the tokens stream
//! by, and the output is the input copied byte for byte except inside units
//! and translated attribute values. Untouched parts keep their exact bytes,
//! which `html5ever` (a tree builder followed by a re-serialisation) cannot
//! give, and lexing without building a DOM is what makes it fast: about
//! 65 MB/s for [`Segmented::new`] + [`Segmented::reassemble`] on one core
//! (the free functions [`segment`] + [`reassemble`] read the page twice).
//!
//! The model only decides *where* units are: every region that is rewritten
//! is made of whole tokens that are written back unchanged (tags, comments)
//! or as the same characters (text), so a page filled with its own text
//! parses to the same DOM even where the model is wrong about malformed
//! markup. Where lol_html's own simulation may read the rest of a document
//! differently from a browser (`<select><title>`, a self-closed `<svg/>`
//! before a `<script>`, HTML tags inside `<svg>`), the rest of the document
//! is left untouched rather than guessed at.
//!
//! # Safety of the output
//!
//! Translated text is never injected as HTML. Its text parts are unescaped from
//! the placeholder form and escaped again as HTML text, so `<script>` or
//! `&lt;script&gt;` from a provider becomes visible text; placeholders are
//! replaced by the page's own tags. A fill that fails [`check_placeholders`]
//! is not used: the unit keeps its source and is reported in
//! [`Reassembled::rejected`].

use std::cell::RefCell;
use std::fmt::{self, Write as _};
use std::ops::Range;

use lol_html::errors::RewritingError;
use lol_html::html_content::TextType;
use lol_html::{HtmlRewriter, Settings, doc_comments, doc_text, doctype};
use sha2::{Digest, Sha256};

use crate::placeholder::{Piece, Pieces, PlaceholderError, check_placeholders, for_each_unescaped};

/// Version of the unit boundaries and placeholder syntax.
///
/// It goes into translation-memory keys ([`Unit::key`]): bump it whenever a
/// change here can give a different unit text for the same page, so stale
/// translations are not served for text that is now cut differently.
pub const SEGMENTER_VERSION: u32 = 1;

/// What a unit is made of.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum UnitKind {
    /// The text of a block-level element, with inline markup as placeholders.
    Text,
    /// The value of the named attribute (`title`, `alt`, `placeholder`,
    /// `aria-label`, or `content` of a description/Open Graph `<meta>`).
    /// Never contains placeholders.
    Attribute(String),
    /// The text of the document's `<title>` element. Never contains placeholders.
    Title,
}

/// One translation unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Position among the page's units, in document order from 0. The same
    /// HTML always gives the same indices, in [`segment`] and [`reassemble`].
    pub index: usize,
    /// Text, attribute value or title.
    pub kind: UnitKind,
    /// The text in placeholder form (see the module documentation).
    pub text: String,
}

impl Unit {
    /// Translation-memory key of this unit's text: see [`unit_key`].
    #[must_use]
    pub fn key(&self) -> String {
        unit_key(&self.text)
    }
}

/// Hex SHA-256 of [`SEGMENTER_VERSION`] (4 bytes, big endian) followed by the
/// UTF-8 text.
///
/// The kind and position of a unit are not part of the key: the same sentence
/// in a header repeated on every page, or an `alt` text equal to a body text,
/// is translated once.
#[must_use]
pub fn unit_key(text: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(SEGMENTER_VERSION.to_be_bytes());
    hasher.update(text.as_bytes());
    hex::encode(hasher.finalize())
}

/// What to put in place of one unit, returned by the `fill` callback of
/// [`reassemble`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fill {
    /// Translated text in placeholder form; `None` keeps the source.
    pub text: Option<String>,
    /// When non-empty, the content of a text unit (translated or source) is
    /// wrapped in `<span name="value"…>…</span>`, for example to mark an
    /// untranslated unit `lang="ja"`. Values are escaped here; names must be
    /// plain attribute names (ASCII letters, digits, `-`, `_`, `:`, `.`).
    /// Ignored for attribute and title units, and for a rejected fill.
    pub wrapper_attrs: Vec<(String, String)>,
}

impl Fill {
    /// Keep the source text of the unit, unwrapped.
    #[must_use]
    pub fn keep() -> Self {
        Self::default()
    }

    /// Replace the unit with `text` (placeholder form).
    #[must_use]
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            text: Some(text.into()),
            wrapper_attrs: Vec::new(),
        }
    }

    /// Add a wrapper attribute (see [`Fill::wrapper_attrs`]).
    #[must_use]
    pub fn with_wrapper_attr(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.wrapper_attrs.push((name.into(), value.into()));
        self
    }
}

/// The result of [`reassemble`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reassembled {
    /// The page with the fills applied.
    pub html: String,
    /// Units whose fill failed [`check_placeholders`]: they show their source
    /// text (without wrapper) instead. Sorted by unit index.
    pub rejected: Vec<Rejection>,
}

/// A fill that [`reassemble`] did not use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// [`Unit::index`] of the unit.
    pub index: usize,
    /// Why the fill was refused.
    pub error: PlaceholderError,
}

/// Errors of [`segment`] and [`reassemble`]. Malformed HTML is not an error.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SegmentError {
    /// The HTML tokenizer gave up (it does not on malformed HTML; this is for
    /// internal failures such as memory limits).
    #[error("HTML tokenizer failed: {0}")]
    Tokenizer(String),
    /// A [`Fill::wrapper_attrs`] name that is not a plain attribute name;
    /// a caller bug, so the page is not produced.
    #[error("invalid wrapper attribute name {0:?}")]
    InvalidWrapperAttribute(String),
}

/// Cuts `html` (a whole document or a fragment, UTF-8) into translation units,
/// in document order.
///
/// To translate a page, prefer [`Segmented`]: it reads the HTML once for both
/// steps.
///
/// # Errors
///
/// [`SegmentError::Tokenizer`] only on an internal tokenizer failure; malformed
/// HTML is segmented as well as it can be, never refused.
pub fn segment(html: &str) -> Result<Vec<Unit>, SegmentError> {
    Ok(Plan::build(html)?.units)
}

/// Puts translations back into `html`: [`Segmented::reassemble`] for a page
/// that has not been segmented yet.
///
/// # Errors
///
/// As [`Segmented::new`] and [`Segmented::reassemble`].
pub fn reassemble(
    html: &str,
    fill: impl FnMut(&Unit) -> Fill,
) -> Result<Reassembled, SegmentError> {
    Segmented::new(html)?.reassemble(fill)
}

/// A page cut into units, kept so that the translations can be put back
/// without reading the HTML again.
///
/// `Segmented::new(&html)?` reads the page; [`Segmented::units`] gives the
/// units to look up (by [`Unit::key`]) and translate; [`Segmented::reassemble`]
/// writes the page with the translations. [`segment`] followed by
/// [`reassemble`] reads the HTML twice, which costs about twice as much.
pub struct Segmented<'a> {
    html: &'a str,
    plan: Plan,
}

impl<'a> Segmented<'a> {
    /// Segments `html` (see [`segment`]).
    ///
    /// # Errors
    ///
    /// [`SegmentError::Tokenizer`] only on an internal tokenizer failure.
    pub fn new(html: &'a str) -> Result<Self, SegmentError> {
        Ok(Self {
            html,
            plan: Plan::build(html)?,
        })
    }

    /// The units, in document order (`units()[i].index == i`).
    #[must_use]
    pub fn units(&self) -> &[Unit] {
        &self.plan.units
    }

    /// The HTML this was made from.
    #[must_use]
    pub fn html(&self) -> &'a str {
        self.html
    }

    /// Puts translations back.
    ///
    /// `fill` is called once per unit, in index order. Its text is checked
    /// with [`check_placeholders`]; a failing fill keeps the source for that
    /// unit and is listed in [`Reassembled::rejected`]. Everything outside
    /// units is copied byte for byte, so with [`Fill::keep`] everywhere the
    /// output is the input.
    ///
    /// # Errors
    ///
    /// [`SegmentError::InvalidWrapperAttribute`] for a bad wrapper attribute
    /// name.
    pub fn reassemble(
        &self,
        mut fill: impl FnMut(&Unit) -> Fill,
    ) -> Result<Reassembled, SegmentError> {
        let mut decisions = Vec::with_capacity(self.plan.units.len());
        let mut rejected = Vec::new();
        for unit in &self.plan.units {
            let Fill {
                text,
                wrapper_attrs,
            } = fill(unit);
            if let Some((name, _)) = wrapper_attrs.iter().find(|(name, _)| !is_attr_name(name)) {
                return Err(SegmentError::InvalidWrapperAttribute(name.clone()));
            }
            let text = match text {
                Some(text) => match check_placeholders(&unit.text, &text) {
                    Ok(()) => Some(text),
                    Err(error) => {
                        rejected.push(Rejection {
                            index: unit.index,
                            error,
                        });
                        decisions.push(Decision::default());
                        continue;
                    }
                },
                None => None,
            };
            decisions.push(Decision {
                text,
                wrapper_attrs,
            });
        }
        let html = Renderer::new(self.html, &self.plan, &decisions).render();
        Ok(Reassembled { html, rejected })
    }
}

impl fmt::Debug for Segmented<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Segmented")
            .field("html_len", &self.html.len())
            .field("units", &self.plan.units)
            .finish()
    }
}

/// What [`reassemble`] does with one unit after QA.
#[derive(Default)]
struct Decision {
    text: Option<String>,
    wrapper_attrs: Vec<(String, String)>,
}

fn is_attr_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
}

// ---------------------------------------------------------------------------
// Tokens: what lol_html reports, plus the tags read from the gaps.
// ---------------------------------------------------------------------------

/// A lexical token with its byte range in the input.
#[derive(Debug)]
enum Tok {
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
enum TextKind {
    /// Ordinary text: character references are decoded.
    Data,
    /// `<title>`/`<textarea>` text: references decoded, no tags.
    RcData,
    /// Script, style, raw text, CDATA: never translated.
    Raw,
}

#[derive(Debug)]
struct StartTok {
    range: Range<usize>,
    name: TagName,
    /// A void element (or a self-closed `<svg/>`/`<math/>`): no end tag follows.
    void: bool,
    /// `translate="no"` or class `notranslate`.
    no_translate: bool,
    /// The attributes this module may translate or needs to read.
    attrs: Vec<AttrTok>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AttrName {
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

    fn as_str(self) -> &'static str {
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
enum Quote {
    Double,
    Single,
    None,
}

#[derive(Debug, Clone)]
struct AttrTok {
    name: AttrName,
    /// The raw value, without quotes.
    value: Range<usize>,
    quote: Quote,
}

/// Turns what lol_html reports (text, comments, doctype) into a complete token
/// stream for the [`Planner`], as it comes: joins the chunks of one text
/// node and reads the tags in the gaps between reports ([`gap_tokens`]).
struct Stream<'a> {
    planner: Planner<'a>,
    /// End of the last token given to the planner.
    pos: usize,
    /// Text not yet given to the planner: the next chunk may continue it.
    pending: Option<(Range<usize>, TextKind)>,
    /// A start tag after which the HTML parser reads raw text or RCDATA,
    /// with the text kind lol_html must report next (see [`Stream::check`]).
    expect: Option<(Range<usize>, TagName, TextKind)>,
    /// Set once the rest of the document is left untouched.
    stopped: bool,
}

impl<'a> Stream<'a> {
    fn report(&mut self, tok: Tok) {
        if let Tok::Text { range, kind } = &tok {
            if let Some((pending, pending_kind)) = &mut self.pending {
                if pending_kind == kind && pending.end == range.start {
                    pending.end = range.end;
                    return;
                }
            }
            self.flush_pending();
            self.pending = Some((range.clone(), *kind));
            return;
        }
        self.flush_pending();
        self.emit(&tok);
    }

    fn flush_pending(&mut self) {
        if let Some((range, kind)) = self.pending.take() {
            self.emit(&Tok::Text { range, kind });
        }
    }

    fn emit(&mut self, tok: &Tok) {
        let range = tok.range();
        if range.start < self.pos {
            return; // never seen; keeping ranges disjoint matters more
        }
        if range.start > self.pos {
            let html = self.planner.html;
            gap_tokens(html.as_bytes(), self.pos..range.start, |gap_tok| {
                self.check(&gap_tok);
            });
        }
        self.pos = range.end;
        self.check(tok);
    }

    /// Gives `tok` to the planner, unless lol_html may be reading the
    /// document differently from a browser from here on, in which case the
    /// rest of the document is left untouched ([`Tok::Unknowable`]).
    ///
    /// lol_html simulates only part of the tree builder's handling of SVG and
    /// MathML: after a self-closed `<svg/>` it believes it is still in SVG,
    /// where `<script>`, `<style>`, `<textarea>`, `<title>`… do not switch to
    /// raw text, and it leaves SVG one level at a time where a browser leaves
    /// it at once. So (1) after each such start tag in HTML content, the next
    /// token must be text of the right kind or the element's end tag, and
    /// (2) an HTML-only tag inside `<svg>`/`<math>` (`<p>`, `<div>`, `<b>`…,
    /// which ends foreign content in a browser) stops the translation.
    fn check(&mut self, tok: &Tok) {
        if self.stopped {
            return;
        }
        let html = self.planner.html;
        if let Some((start, name, kind)) = self.expect.take() {
            let consistent = match tok {
                Tok::Text { kind: got, .. } => *got == kind,
                Tok::End { name: end, .. } => end.same(&name, html.as_bytes()),
                _ => false,
            };
            if !consistent {
                self.stop(start.start);
                return;
            }
        }
        let breakout = || match tok {
            Tok::Start(start) => breaks_out_of_foreign_content(start.name.known),
            Tok::End { name, .. } => matches!(name.known, "p" | "br"),
            _ => false,
        };
        if self.planner.in_foreign_content() && breakout() {
            self.stop(tok.range().start);
            return;
        }
        self.planner.token(tok);
        if let Tok::Start(start) = tok {
            let kind = match start.name.known {
                "title" | "textarea" => Some(TextKind::RcData),
                "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript"
                | "plaintext" => Some(TextKind::Raw),
                _ => None,
            };
            if let Some(kind) = kind.filter(|_| !start.void && !self.planner.in_foreign_content()) {
                self.expect = Some((start.range.clone(), start.name.clone(), kind));
            }
        }
    }

    /// Leaves everything from `at` on untouched.
    fn stop(&mut self, at: usize) {
        self.stopped = true;
        let end = self.planner.html.len();
        self.planner.token(&Tok::Unknowable(at..end));
    }

    /// Ends the stream; `ambiguous` when lol_html stopped at markup it cannot
    /// tokenize without a tree builder (see [`Tok::Unknowable`]).
    fn finish(mut self, ambiguous: bool) -> Planner<'a> {
        let html = self.planner.html;
        if ambiguous {
            // Text not followed by a tag may have been cut short by the stop:
            // leave it to the untouched tail.
            if let Some((range, _)) = &self.pending {
                if html.as_bytes().get(range.end) != Some(&b'<') {
                    self.pending = None;
                }
            }
        }
        self.flush_pending();
        if ambiguous {
            if !self.stopped {
                self.stop(self.pos);
            }
        } else if self.pos < html.len() {
            gap_tokens(html.as_bytes(), self.pos..html.len(), |gap_tok| {
                self.check(&gap_tok);
            });
        }
        self.planner
    }
}

impl Tok {
    fn range(&self) -> Range<usize> {
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
fn gap_tokens(bytes: &[u8], gap: Range<usize>, mut out: impl FnMut(Tok)) {
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

fn is_html_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// A tag name: `known` is the lower-case name when it is one of
/// [`KNOWN_TAGS`] (the names any rule here mentions), `""` otherwise
/// (`olang`, custom elements), in which case only `raw` tells names apart.
#[derive(Debug, Clone)]
struct TagName {
    known: &'static str,
    raw: Range<usize>,
}

impl TagName {
    fn same(&self, other: &Self, bytes: &[u8]) -> bool {
        if self.known.is_empty() && other.known.is_empty() {
            let (a, b) = (bytes.get(self.raw.clone()), bytes.get(other.raw.clone()));
            a.zip(b).is_some_and(|(a, b)| a.eq_ignore_ascii_case(b))
        } else {
            self.known == other.known
        }
    }
}

/// Every tag name a rule of this module mentions, sorted.
const KNOWN_TAGS: &[&str] = &[
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
const fn tag_key(name: &[u8]) -> u128 {
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
static KNOWN_TAG_KEYS: [u128; KNOWN_TAGS.len()] = {
    let mut keys = [0; KNOWN_TAGS.len()];
    let mut i = 0;
    while i < KNOWN_TAGS.len() {
        keys[i] = tag_key(KNOWN_TAGS[i].as_bytes());
        i += 1;
    }
    keys
};

const TAG_SLOTS: usize = 512;

/// Open-addressing hash table over [`KNOWN_TAG_KEYS`]: 1 + index, 0 = empty.
static TAG_TABLE: [u16; TAG_SLOTS] = {
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

const fn tag_slot(key: u128) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - 9)) as usize
}

/// The entry of [`KNOWN_TAGS`] with this key.
fn known_tag(key: u128) -> Option<&'static str> {
    let mut slot = tag_slot(key);
    loop {
        let entry = usize::from(*TAG_TABLE.get(slot)?);
        let index = entry.checked_sub(1)?;
        if KNOWN_TAG_KEYS.get(index) == Some(&key) {
            return KNOWN_TAGS.get(index).copied();
        }
        slot = (slot + 1) % TAG_SLOTS;
    }
}

/// Reads a tag name at `start`.
fn tag_name(bytes: &[u8], start: usize, limit: usize) -> (TagName, usize) {
    let rest = bytes.get(start..limit).unwrap_or_default();
    let len = rest
        .iter()
        .position(|&b| is_html_space(b) || b == b'/' || b == b'>')
        .unwrap_or(rest.len());
    let raw = rest.get(..len).unwrap_or_default();
    let known = if len <= 16 && !raw.contains(&0) {
        // Same as `tag_key`, without its padding loop.
        let key = raw.iter().fold(0u128, |key, &b| {
            (key << 8) | u128::from(b.to_ascii_lowercase())
        });
        let pad = u32::try_from(8 * (16 - len)).unwrap_or(128);
        key.checked_shl(pad).and_then(known_tag).unwrap_or("")
    } else {
        ""
    };
    (
        TagName {
            known,
            raw: start..start + len,
        },
        start + len,
    )
}

/// Reads the end tag at `lt` (`</name …>`); `None` when it does not end
/// before `limit`.
fn end_tag(bytes: &[u8], lt: usize, limit: usize) -> Option<Tok> {
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
fn start_tag(bytes: &[u8], lt: usize, limit: usize) -> Option<Tok> {
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
fn read_attributes(
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
fn is_void(name: &str) -> bool {
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
enum AttrKind {
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

// ---------------------------------------------------------------------------
// Element classes
// ---------------------------------------------------------------------------

/// How an element takes part in units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
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
    /// `<title>`: its text is a [`UnitKind::Title`] unit.
    Title,
    /// Elements whose own text is not a unit: tables and their sections and
    /// rows (such text is moved out of the table by the parser), `head`,
    /// `html`, `select`.
    NoText,
    /// Every other known element: ends the current unit.
    Block,
}

impl Class {
    fn of(name: &str) -> Self {
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
    fn is_special(self) -> bool {
        match self {
            Self::Inline | Self::Break => false,
            Self::OpaqueInline { special, .. } => special,
            Self::OpaqueBlock | Self::Title | Self::NoText | Self::Block => true,
        }
    }
}

/// Elements whose start tag closes an open `<p>`.
fn closes_p(name: &str) -> bool {
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
fn breaks_out_of_foreign_content(name: &str) -> bool {
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

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Boundaries of the HTML "default scope".
fn default_scope_boundary(name: &str) -> bool {
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

fn table_scope_boundary(name: &str) -> bool {
    matches!(name, "html" | "table" | "template")
}

// ---------------------------------------------------------------------------
// Planning: where the units are.
// ---------------------------------------------------------------------------

/// The units of a page and where each one sits in the input.
struct Plan {
    /// In document order; `unit.index` is the position in this vector.
    units: Vec<Unit>,
    /// Where each unit sits, by index.
    sites: Vec<Site>,
}

struct Planned {
    unit: Unit,
    site: Site,
}

/// Where a unit's text comes from and goes back to.
enum Site {
    /// `region` of the input is replaced; `placeholders[n - 1]` is what
    /// placeholder `n` stands for.
    Text {
        region: Range<usize>,
        placeholders: Vec<Slot>,
    },
    /// An attribute value (without its quotes).
    Attribute { value: Range<usize>, quote: Quote },
    /// The text inside `<title>`.
    Title { region: Range<usize> },
}

impl Site {
    fn start(&self) -> usize {
        match self {
            Self::Text { region, .. } | Self::Title { region } => region.start,
            Self::Attribute { value, .. } => value.start,
        }
    }
}

/// What one placeholder stands for: input ranges written back verbatim.
#[derive(Debug, Clone)]
enum Slot {
    Paired {
        open: Range<usize>,
        close: Range<usize>,
    },
    Void(Range<usize>),
}

/// An element on the modelled stack of open elements.
#[derive(Debug)]
struct OpenElement {
    name: TagName,
    class: Class,
    /// `(unit generation, index of its Open part)` when its start tag is part
    /// of a unit.
    unit_part: Option<(u32, usize)>,
    /// Start of an opaque inline element kept whole inside a unit.
    opaque_start: Option<usize>,
}

/// A piece of a unit under construction.
#[derive(Debug)]
enum Part {
    Text(Range<usize>),
    /// A start tag; `close` is the index of its `Close` once its end tag is
    /// seen inside the unit (otherwise it becomes a void placeholder).
    Open {
        tag: Range<usize>,
        close: Option<usize>,
    },
    /// The end tag of an `Open` of the same unit.
    Close {
        tag: Range<usize>,
    },
    /// Kept verbatim; `edge` ones are left out of the unit at its start/end.
    Verbatim {
        range: Range<usize>,
        edge: bool,
    },
}

struct UnitBuilder {
    generation: u32,
    /// Stack depth of the unit's container: popping below it ends the unit.
    depth: usize,
    parts: Vec<Part>,
}

struct Planner<'a> {
    html: &'a str,
    stack: Vec<OpenElement>,
    /// Stack index of the outermost element whose content is not translated.
    skip_root: Option<usize>,
    unit: Option<UnitBuilder>,
    generation: u32,
    /// Text ranges of the open `<title>` (when it is the skip root).
    title: Option<Vec<Range<usize>>>,
    units: Vec<Planned>,
    /// Number of open `<svg>`/`<math>` elements.
    foreign_open: usize,
    /// Buffers kept between units to save allocations.
    spare_parts: Vec<Part>,
    scratch_ids: Vec<u32>,
}

impl Plan {
    fn build(html: &str) -> Result<Self, SegmentError> {
        let planner = Planner {
            html,
            stack: Vec::with_capacity(64),
            skip_root: None,
            unit: None,
            generation: 0,
            title: None,
            units: Vec::new(),
            foreign_open: 0,
            spare_parts: Vec::new(),
            scratch_ids: Vec::new(),
        };
        let stream = RefCell::new(Stream {
            planner,
            pos: 0,
            pending: None,
            expect: None,
            stopped: false,
        });
        let mut ambiguous = false;
        {
            let report = |tok: Tok| -> lol_html::HandlerResult {
                stream
                    .try_borrow_mut()
                    .map_err(|e| e.to_string())?
                    .report(tok);
                Ok(())
            };
            let settings = Settings {
                document_content_handlers: vec![
                    doc_text!(|chunk| {
                        let kind = match chunk.text_type() {
                            TextType::Data => TextKind::Data,
                            TextType::RCData => TextKind::RcData,
                            _ => TextKind::Raw,
                        };
                        let range = chunk.source_location().bytes();
                        if range.is_empty() {
                            return Ok(());
                        }
                        report(Tok::Text { range, kind })
                    }),
                    doc_comments!(|comment| report(Tok::Comment(
                        comment.source_location().bytes()
                    ))),
                    doctype!(|doctype| report(Tok::Doctype(doctype.source_location().bytes()))),
                ],
                // Stop where the tokenization would be a guess (see
                // `Tok::Unknowable`) instead of guessing.
                strict: true,
                // The input is already a Rust string: a `<meta charset>` must
                // not switch the decoder.
                adjust_charset_on_meta_tag: false,
                ..Settings::new()
            };
            let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
            match rewriter
                .write(html.as_bytes())
                .and_then(|()| rewriter.end())
            {
                Ok(()) => {}
                Err(RewritingError::ParsingAmbiguity(_)) => ambiguous = true,
                Err(e) => return Err(SegmentError::Tokenizer(e.to_string())),
            }
        }
        let mut planner = stream.into_inner().finish(ambiguous);
        planner.pop_to(0, html.len(), None);
        planner.flush_unit();
        let mut planned = planner.units;
        planned.sort_by_key(|planned| planned.site.start());
        let mut units = Vec::with_capacity(planned.len());
        let mut sites = Vec::with_capacity(planned.len());
        for (index, Planned { mut unit, site }) in planned.into_iter().enumerate() {
            unit.index = index;
            units.push(unit);
            sites.push(site);
        }
        Ok(Self { units, sites })
    }
}

impl Planner<'_> {
    fn token(&mut self, tok: &Tok) {
        match tok {
            Tok::Start(start) => self.start_tag(start),
            Tok::End { range, name } => self.end_tag(name, range.clone()),
            Tok::Text { range, kind } => self.text(range.clone(), *kind),
            Tok::Comment(range) | Tok::Other(range) => {
                if self.skip_root.is_none() {
                    self.push_part(Part::Verbatim {
                        range: range.clone(),
                        edge: true,
                    });
                }
            }
            Tok::Doctype(_) => {
                if !self.skipping() {
                    self.flush_unit();
                }
            }
            Tok::Unknowable(range) => {
                self.pop_to(0, range.start, None);
                self.flush_unit();
            }
        }
    }

    fn skipping(&self) -> bool {
        self.skip_root.is_some()
    }

    /// Whether an `<svg>` or `<math>` element is open.
    fn in_foreign_content(&self) -> bool {
        self.foreign_open > 0
    }

    /// Whether text here may start a unit.
    fn units_allowed(&self) -> bool {
        self.skip_root.is_none()
            && self
                .stack
                .last()
                .is_none_or(|open| open.class != Class::NoText)
    }

    fn push_part(&mut self, part: Part) {
        if let Some(unit) = &mut self.unit {
            unit.parts.push(part);
        }
    }

    fn ensure_unit(&mut self) {
        if self.unit.is_none() {
            self.generation = self.generation.wrapping_add(1);
            self.unit = Some(UnitBuilder {
                generation: self.generation,
                depth: self.stack.len(),
                parts: std::mem::take(&mut self.spare_parts),
            });
        }
    }

    fn text(&mut self, range: Range<usize>, kind: TextKind) {
        if let Some(title) = &mut self.title {
            if kind == TextKind::RcData {
                title.push(range);
            }
            return;
        }
        if self.skipping() {
            return;
        }
        if kind != TextKind::Data {
            // Raw text where the model expected none: leave it alone.
            self.flush_unit();
            return;
        }
        if self.unit.is_none() {
            let blank = trim_range(self.html, range.clone()).is_empty();
            if blank || !self.units_allowed() {
                return;
            }
            self.ensure_unit();
        }
        self.push_part(Part::Text(range));
    }

    fn push_open(
        &mut self,
        name: &TagName,
        class: Class,
        unit_part: Option<(u32, usize)>,
        opaque_start: Option<usize>,
    ) {
        if matches!(name.known, "svg" | "math") {
            self.foreign_open += 1;
        }
        self.stack.push(OpenElement {
            name: name.clone(),
            class,
            unit_part,
            opaque_start,
        });
    }

    fn start_tag(&mut self, tag: &StartTok) {
        let name = &tag.name;
        let class = Class::of(name.known);
        self.implied_closes(name.known, tag.range.start);
        if self.skipping() {
            if !tag.void {
                self.push_open(name, class, None, None);
            }
            return;
        }
        if matches!(name.known, "html" | "head" | "body")
            && self.stack.iter().any(|open| open.name.known == name.known)
        {
            // A second <body> only merges attributes into the first.
            if !tag.no_translate {
                self.attribute_units(tag);
            }
            return;
        }
        if !tag.no_translate {
            self.attribute_units(tag);
        }
        let opaque =
            tag.no_translate || matches!(class, Class::OpaqueInline { .. } | Class::OpaqueBlock);
        if opaque {
            let inline = matches!(
                class,
                Class::Inline | Class::Break | Class::OpaqueInline { .. }
            );
            if inline && (self.unit.is_some() || self.units_allowed()) {
                self.ensure_unit();
                if tag.void {
                    // Like any void element: left outside at the edges.
                    self.push_part(Part::Verbatim {
                        range: tag.range.clone(),
                        edge: true,
                    });
                } else {
                    self.skip_root = Some(self.stack.len());
                    self.push_open(name, class, None, Some(tag.range.start));
                }
            } else {
                self.flush_unit();
                if !tag.void {
                    self.skip_root = Some(self.stack.len());
                    self.push_open(name, class, None, None);
                }
            }
            return;
        }
        match class {
            Class::Inline | Class::Break if self.unit.is_some() || self.units_allowed() => {
                self.ensure_unit();
                if tag.void {
                    // `<br>`, `<img>`, `<input>`: left outside at the edges.
                    self.push_part(Part::Verbatim {
                        range: tag.range.clone(),
                        edge: true,
                    });
                } else if let Some(unit) = &mut self.unit {
                    let part = (unit.generation, unit.parts.len());
                    unit.parts.push(Part::Open {
                        tag: tag.range.clone(),
                        close: None,
                    });
                    self.push_open(name, class, Some(part), None);
                }
            }
            Class::Title => {
                self.flush_unit();
                if !tag.void {
                    self.skip_root = Some(self.stack.len());
                    self.title = Some(Vec::new());
                    self.push_open(name, class, None, None);
                }
            }
            _ => {
                self.flush_unit();
                if !tag.void {
                    self.push_open(name, class, None, None);
                }
            }
        }
    }

    /// Closes what the HTML parser closes implicitly when `name` starts.
    fn implied_closes(&mut self, name: &str, at: usize) {
        if let Some(root) = self.skip_root.and_then(|i| self.stack.get(i)) {
            if matches!(root.name.known, "svg" | "math") {
                return; // foreign content has its own rules; it is skipped anyway
            }
        }
        match name {
            "li" | "dd" | "dt" => {
                let items: &[&str] = if name == "li" { &["li"] } else { &["dd", "dt"] };
                for i in (0..self.stack.len()).rev() {
                    let Some(open) = self.stack.get(i) else { break };
                    if items.contains(&open.name.known) {
                        self.pop_to(i, at, None);
                        break;
                    }
                    if open.class.is_special()
                        && !matches!(open.name.known, "address" | "div" | "p")
                    {
                        break;
                    }
                }
                self.close_p(at);
            }
            _ if is_heading(name) => {
                self.close_p(at);
                if self
                    .stack
                    .last()
                    .is_some_and(|open| is_heading(open.name.known))
                {
                    self.pop_to(self.stack.len() - 1, at, None);
                }
            }
            _ if closes_p(name) => self.close_p(at),
            "option" => self.pop_current_if(&["option"], at),
            "optgroup" => {
                self.pop_current_if(&["option"], at);
                self.pop_current_if(&["optgroup"], at);
            }
            "tr" => self.close_in_table(&["tr", "td", "th"], false, at),
            "td" | "th" => self.close_in_table(&["td", "th"], false, at),
            "tbody" | "thead" | "tfoot" | "caption" | "colgroup" => self.close_in_table(
                &[
                    "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup",
                ],
                true,
                at,
            ),
            "rb" | "rtc" => self.pop_current_while(&["rb", "rt", "rp", "rtc"], at),
            "rt" | "rp" => self.pop_current_while(&["rb", "rt", "rp"], at),
            "a" | "button" | "nobr" => {
                if let Some(i) = self.find_in_scope(
                    |open| open.name.known == name,
                    |open| default_scope_boundary(open.name.known),
                ) {
                    self.pop_to(i, at, None);
                }
            }
            _ => {}
        }
    }

    fn close_p(&mut self, at: usize) {
        if let Some(i) = self.find_in_scope(
            |open| open.name.known == "p",
            |open| open.name.known == "button" || default_scope_boundary(open.name.known),
        ) {
            self.pop_to(i, at, None);
        }
    }

    fn pop_current_if(&mut self, names: &[&str], at: usize) {
        if self
            .stack
            .last()
            .is_some_and(|open| names.contains(&open.name.known))
        {
            self.pop_to(self.stack.len() - 1, at, None);
        }
    }

    fn pop_current_while(&mut self, names: &[&str], at: usize) {
        while self
            .stack
            .last()
            .is_some_and(|open| names.contains(&open.name.known))
        {
            self.pop_to(self.stack.len() - 1, at, None);
        }
    }

    /// Pops table parts named in `names` up to the nearest table boundary:
    /// the innermost one, or the outermost one with `outermost`.
    fn close_in_table(&mut self, names: &[&str], outermost: bool, at: usize) {
        let mut found = None;
        for i in (0..self.stack.len()).rev() {
            let Some(open) = self.stack.get(i) else { break };
            if table_scope_boundary(open.name.known) {
                break;
            }
            if names.contains(&open.name.known) {
                found = Some(i);
                if !outermost {
                    break;
                }
            }
        }
        if let Some(i) = found {
            self.pop_to(i, at, None);
        }
    }

    /// Index of the innermost open element matching `target`, unless an
    /// element matching `boundary` comes first.
    fn find_in_scope(
        &self,
        target: impl Fn(&OpenElement) -> bool,
        boundary: impl Fn(&OpenElement) -> bool,
    ) -> Option<usize> {
        for (i, open) in self.stack.iter().enumerate().rev() {
            if target(open) {
                return Some(i);
            }
            if boundary(open) {
                return None;
            }
        }
        None
    }

    fn end_tag(&mut self, name: &TagName, range: Range<usize>) {
        if matches!(name.known, "body" | "html") {
            // Content after </body> still goes into the body.
            if !self.skipping() {
                self.flush_unit();
            }
            return;
        }
        match self.find_start_of_end_tag(name) {
            Some(i) => self.pop_to(i, range.start, Some(range)),
            None => {
                // A stray end tag (ignored, or `</p>`/`</br>` that create
                // elements): verbatim.
                if !self.skipping() {
                    self.push_part(Part::Verbatim { range, edge: false });
                }
            }
        }
    }

    fn find_start_of_end_tag(&self, name: &TagName) -> Option<usize> {
        let bytes = self.html.as_bytes();
        let known = name.known;
        if Class::of(known).is_special() {
            let boundary: fn(&str) -> bool = match known {
                "p" => |n| n == "button" || default_scope_boundary(n),
                "li" => |n| matches!(n, "ol" | "ul") || default_scope_boundary(n),
                "tr" | "td" | "th" | "tbody" | "thead" | "tfoot" | "table" | "caption"
                | "colgroup" => table_scope_boundary,
                _ => default_scope_boundary,
            };
            self.find_in_scope(
                |open| open.name.known == known,
                |open| open.name.known != known && boundary(open.name.known),
            )
        } else {
            // "Any other end tag": the nearest element of that name, unless a
            // special element comes first.
            self.find_in_scope(
                |open| open.name.same(name, bytes),
                |open| open.class.is_special(),
            )
        }
    }

    /// Pops the stack down to (and including) index `target`, because of the
    /// token starting at `at`; `explicit` is the end tag of `stack[target]`
    /// when there is one.
    fn pop_to(&mut self, target: usize, at: usize, explicit: Option<Range<usize>>) {
        while self.stack.len() > target {
            let Some(open) = self.stack.pop() else { break };
            if matches!(open.name.known, "svg" | "math") {
                self.foreign_open = self.foreign_open.saturating_sub(1);
            }
            let index = self.stack.len();
            let end_tag = explicit.clone().filter(|_| index == target);
            if self.skip_root == Some(index) {
                self.skip_root = None;
                if let Some(ranges) = self.title.take() {
                    self.title_unit(&ranges);
                }
                if let Some(start) = open.opaque_start.filter(|&start| start < at) {
                    let end = end_tag.as_ref().map_or(at, |tag| tag.end);
                    let edge = matches!(
                        open.class,
                        Class::OpaqueInline {
                            invisible: true,
                            ..
                        }
                    );
                    self.push_part(Part::Verbatim {
                        range: start..end,
                        edge,
                    });
                }
            } else if let (Some((generation, open_part)), Some(tag), Some(unit)) =
                (open.unit_part, end_tag, self.unit.as_mut())
            {
                if unit.generation == generation {
                    let close_part = unit.parts.len();
                    unit.parts.push(Part::Close { tag });
                    if let Some(Part::Open { close, .. }) = unit.parts.get_mut(open_part) {
                        *close = Some(close_part);
                    }
                }
            }
            if self
                .unit
                .as_ref()
                .is_some_and(|unit| self.stack.len() < unit.depth)
            {
                self.flush_unit();
            }
        }
    }

    /// Ends the current unit, recording it if it has something to translate.
    fn flush_unit(&mut self) {
        let Some(unit) = self.unit.take() else { return };
        if let Some(planned) = text_unit(self.html, &unit.parts, &mut self.scratch_ids) {
            self.units.push(planned);
        }
        self.spare_parts = unit.parts;
        self.spare_parts.clear();
    }

    fn title_unit(&mut self, ranges: &[Range<usize>]) {
        let (Some(first), Some(last)) = (ranges.first(), ranges.last()) else {
            return;
        };
        let region = trim_range(self.html, first.start..last.end);
        let Some(raw) = self.html.get(region.clone()) else {
            return;
        };
        let mut text = String::with_capacity(raw.len());
        let mut letters = false;
        let known = decode_references(raw, false, |piece| match piece {
            Decoded::Str(s) => {
                letters = letters || has_letter(s);
                push_escaped(&mut text, s, true);
            }
            Decoded::Char(c) => {
                letters = letters || c.is_alphabetic();
                push_escaped_char(&mut text, c);
            }
            Decoded::Unknown(_) => {}
        });
        if known && letters {
            self.units.push(Planned {
                unit: Unit {
                    index: 0,
                    kind: UnitKind::Title,
                    text,
                },
                site: Site::Title { region },
            });
        }
    }

    fn attribute_units(&mut self, tag: &StartTok) {
        let name = tag.name.known;
        let meta_content = name == "meta"
            && tag.attrs.iter().any(|attr| {
                matches!(attr.name, AttrName::Name | AttrName::Property)
                    && self.html.get(attr.value.clone()).is_some_and(|v| {
                        let v = v.trim_ascii();
                        [
                            "description",
                            "og:title",
                            "og:description",
                            "twitter:title",
                            "twitter:description",
                        ]
                        .iter()
                        .any(|m| v.eq_ignore_ascii_case(m))
                    })
            });
        for attr in &tag.attrs {
            let translated = match attr.name {
                AttrName::Title => !matches!(name, "link" | "style"),
                AttrName::Alt | AttrName::Placeholder | AttrName::AriaLabel => true,
                AttrName::Content => meta_content,
                AttrName::Name | AttrName::Property => false,
            };
            if !translated {
                continue;
            }
            let value = trim_range(self.html, attr.value.clone());
            let Some(raw) = self.html.get(value.clone()) else {
                continue;
            };
            let mut text = String::with_capacity(raw.len());
            let mut letters = false;
            let known = decode_references(raw, true, |piece| match piece {
                Decoded::Str(s) => {
                    letters = letters || has_letter(s);
                    push_escaped(&mut text, s, true);
                }
                Decoded::Char(c) => {
                    letters = letters || c.is_alphabetic();
                    push_escaped_char(&mut text, c);
                }
                Decoded::Unknown(_) => {}
            });
            // A reference this module does not know cannot be carried through
            // an attribute unit: leave such a value alone.
            if known && letters {
                self.units.push(Planned {
                    unit: Unit {
                        index: 0,
                        kind: UnitKind::Attribute(attr.name.as_str().to_owned()),
                        text,
                    },
                    site: Site::Attribute {
                        value,
                        quote: attr.quote,
                    },
                });
            }
        }
    }
}

/// `range` without leading and trailing HTML whitespace and ideographic
/// spaces (U+3000, used to indent Japanese paragraphs).
fn trim_range(html: &str, range: Range<usize>) -> Range<usize> {
    const IDEOGRAPHIC_SPACE: &[u8] = "\u{3000}".as_bytes();
    let bytes = html.as_bytes();
    let (mut start, mut end) = (range.start, range.end);
    while start < end {
        match bytes.get(start..end) {
            Some([b, ..]) if is_html_space(*b) => start += 1,
            Some(rest) if rest.starts_with(IDEOGRAPHIC_SPACE) => start += IDEOGRAPHIC_SPACE.len(),
            _ => break,
        }
    }
    while end > start {
        match bytes.get(start..end) {
            Some([.., b]) if is_html_space(*b) => end -= 1,
            Some(rest) if rest.ends_with(IDEOGRAPHIC_SPACE) => end -= IDEOGRAPHIC_SPACE.len(),
            _ => break,
        }
    }
    start..end
}

fn has_letter(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

/// Builds a text unit from its parts: trims the edges, numbers placeholders and
/// writes the placeholder-form text. `None` when nothing is left to translate.
fn text_unit(html: &str, parts: &[Part], ids: &mut Vec<u32>) -> Option<Planned> {
    let blank_text = |range: &Range<usize>| trim_range(html, range.clone()).is_empty();
    let is_edge = |part: &Part| match part {
        Part::Text(range) => blank_text(range),
        Part::Verbatim { edge, .. } => *edge,
        Part::Open { .. } | Part::Close { .. } => false,
    };
    let first = parts.iter().position(|p| !is_edge(p))?;
    let last = parts.iter().rposition(|p| !is_edge(p))?;
    let kept = parts.get(first..=last)?;

    let part_range = |part: &Part| match part {
        Part::Text(range) | Part::Open { tag: range, .. } | Part::Close { tag: range, .. } => {
            range.clone()
        }
        Part::Verbatim { range, .. } => range.clone(),
    };
    let mut region = part_range(kept.first()?).start..part_range(kept.last()?).end;
    if let Some(Part::Text(range)) = kept.first() {
        region.start = trim_range(html, range.clone()).start;
    }
    if let Some(Part::Text(range)) = kept.last() {
        region.end = trim_range(html, range.clone()).end;
    }

    let mut text = String::with_capacity(region.len() + 16);
    let mut placeholders: Vec<Slot> = Vec::new();
    // Placeholder number given to each part's Open, for its Close.
    ids.clear();
    ids.resize(kept.len(), 0);
    let mut letters = false;
    let next_id = |placeholders: &mut Vec<Slot>, slot: Slot| {
        placeholders.push(slot);
        u32::try_from(placeholders.len()).unwrap_or(u32::MAX)
    };
    for (k, part) in kept.iter().enumerate() {
        match part {
            Part::Text(range) => {
                let range = range.start.max(region.start)..range.end.min(region.end);
                let raw = html.get(range.clone()).unwrap_or_default();
                let base = range.start;
                decode_references(raw, false, |piece| match piece {
                    Decoded::Str(s) => {
                        letters = letters || has_letter(s);
                        push_escaped(&mut text, s, true);
                    }
                    Decoded::Char(c) => {
                        letters = letters || c.is_alphabetic();
                        push_escaped_char(&mut text, c);
                    }
                    Decoded::Unknown(r) => {
                        let id =
                            next_id(&mut placeholders, Slot::Void(base + r.start..base + r.end));
                        push_placeholder(&mut text, 'x', id, "/");
                    }
                });
            }
            Part::Open { tag, close } => {
                let close_tag = close
                    .and_then(|c| c.checked_sub(first))
                    .and_then(|c| kept.get(c))
                    .and_then(|p| match p {
                        Part::Close { tag, .. } => Some(tag.clone()),
                        _ => None,
                    });
                match close_tag {
                    Some(close_tag) => {
                        let id = next_id(
                            &mut placeholders,
                            Slot::Paired {
                                open: tag.clone(),
                                close: close_tag,
                            },
                        );
                        if let Some(c) = close
                            .and_then(|c| c.checked_sub(first))
                            .and_then(|c| ids.get_mut(c))
                        {
                            *c = id;
                        }
                        push_placeholder(&mut text, 'b', id, "");
                    }
                    None => {
                        let id = next_id(&mut placeholders, Slot::Void(tag.clone()));
                        push_placeholder(&mut text, 'x', id, "/");
                    }
                }
            }
            Part::Close { tag } => match ids.get(k).copied().filter(|&id| id != 0) {
                Some(id) => {
                    let _ = write!(text, "</b{id}>");
                }
                None => {
                    let id = next_id(&mut placeholders, Slot::Void(tag.clone()));
                    push_placeholder(&mut text, 'x', id, "/");
                }
            },
            Part::Verbatim { range, .. } => {
                let id = next_id(&mut placeholders, Slot::Void(range.clone()));
                push_placeholder(&mut text, 'x', id, "/");
            }
        }
    }
    if !letters {
        return None;
    }
    Some(Planned {
        unit: Unit {
            index: 0,
            kind: UnitKind::Text,
            text,
        },
        site: Site::Text {
            region,
            placeholders,
        },
    })
}

fn push_placeholder(text: &mut String, letter: char, id: u32, slash: &str) {
    // Writing to a String cannot fail.
    let _ = write!(text, "<{letter}{id}{slash}>");
}

// ---------------------------------------------------------------------------
// Character references and escaping
// ---------------------------------------------------------------------------

/// A piece of decoded HTML text.
enum Decoded<'a> {
    /// Literal text (raw line breaks still to normalise).
    Str(&'a str),
    /// A decoded character reference.
    Char(char),
    /// A named reference (`&name;`) this module does not know, as a byte range
    /// of the decoded string: kept verbatim.
    Unknown(Range<usize>),
}

/// Decodes HTML character references in `raw` as the HTML tokenizer does in
/// text (`in_attribute = false`) or in an attribute value. Returns `false` if
/// an unknown named reference was met.
///
/// Named references are those of HTML 4 (`&nbsp;`, `&copy;`, `&hellip;`,
/// `&rarr;`, Greek letters…) plus `&apos;`, which covers what Japanese
/// government pages use; a semicolon-terminated name outside that table is
/// reported as [`Decoded::Unknown`] (HTML 5 knows 2,000 more) and kept as it
/// is, which is always correct. The legacy rules are followed: `&copy2025`
/// decodes in text, not in an attribute, and numeric references map 0x80–0x9F
/// through windows-1252 and invalid values to U+FFFD.
fn decode_references<'a>(
    raw: &'a str,
    in_attribute: bool,
    mut emit: impl FnMut(Decoded<'a>),
) -> bool {
    let bytes = raw.as_bytes();
    let mut known = true;
    let mut literal_start = 0;
    let mut i = 0;
    while let Some(off) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == b'&'))
    {
        let amp = i + off;
        let (piece, end) = reference_at(bytes, amp, in_attribute);
        match piece {
            None => i = amp + 1,
            Some(piece) => {
                if amp > literal_start {
                    emit(Decoded::Str(
                        raw.get(literal_start..amp).unwrap_or_default(),
                    ));
                }
                match piece {
                    Ok(c) => emit(Decoded::Char(c)),
                    Err(()) => {
                        known = false;
                        emit(Decoded::Unknown(amp..end));
                    }
                }
                literal_start = end;
                i = end;
            }
        }
    }
    if literal_start < raw.len() {
        emit(Decoded::Str(raw.get(literal_start..).unwrap_or_default()));
    }
    known
}

/// The character reference at `amp` (which holds `&`): `None` if it is a
/// literal ampersand, `Some(Err(()))` for an unknown `&name;`, with its end.
fn reference_at(bytes: &[u8], amp: usize, in_attribute: bool) -> (Option<Result<char, ()>>, usize) {
    let at = |k: usize| bytes.get(k).copied();
    match at(amp + 1) {
        Some(b'#') => {
            let hex = matches!(at(amp + 2), Some(b'x' | b'X'));
            let digits_start = if hex { amp + 3 } else { amp + 2 };
            let mut j = digits_start;
            let mut value: u32 = 0;
            while let Some(d) =
                at(j).and_then(|b| char::from(b).to_digit(if hex { 16 } else { 10 }))
            {
                value = value
                    .saturating_mul(if hex { 16 } else { 10 })
                    .saturating_add(d);
                j += 1;
            }
            if j == digits_start {
                return (None, amp + 1);
            }
            if at(j) == Some(b';') {
                j += 1;
            }
            (Some(Ok(numeric_reference(value))), j)
        }
        Some(b) if b.is_ascii_alphanumeric() => {
            let name_start = amp + 1;
            let mut j = name_start;
            while at(j).is_some_and(|b| b.is_ascii_alphanumeric()) {
                j += 1;
            }
            let name = bytes.get(name_start..j).unwrap_or_default();
            if at(j) == Some(b';') {
                return match lookup_entity(name) {
                    Some((c, _)) => (Some(Ok(c)), j + 1),
                    None => (Some(Err(())), j + 1),
                };
            }
            // Without `;` only the legacy names count, by longest prefix.
            let legacy = (2..=name.len().min(6)).rev().find_map(|len| {
                let prefix = name.get(..len)?;
                lookup_entity(prefix)
                    .filter(|(_, legacy)| *legacy)
                    .map(|(c, _)| (c, len))
            });
            match legacy {
                Some((c, len)) => {
                    let end = name_start + len;
                    let next = at(end);
                    if in_attribute && next.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'=')
                    {
                        (None, amp + 1)
                    } else {
                        (Some(Ok(c)), end)
                    }
                }
                None => (None, amp + 1),
            }
        }
        _ => (None, amp + 1),
    }
}

fn numeric_reference(value: u32) -> char {
    const WINDOWS_1252: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let value = match value {
        0 => 0xFFFD,
        0x80..=0x9F => WINDOWS_1252
            .get(usize::try_from(value - 0x80).unwrap_or(0))
            .map_or(0xFFFD, |&v| u32::from(v)),
        v => v,
    };
    char::from_u32(value).unwrap_or('\u{FFFD}')
}

/// `(character, usable without ';')` for a named reference (without `&`/`;`).
fn lookup_entity(name: &[u8]) -> Option<(char, bool)> {
    ENTITIES
        .binary_search_by(|(n, _, _)| n.as_bytes().cmp(name))
        .ok()
        .and_then(|i| ENTITIES.get(i))
        .map(|&(_, c, legacy)| (c, legacy))
}

/// XML-escapes `s` into `out` (`&`, `<`, `>`); with `raw_newlines`, raw CR LF
/// and lone CR become LF as the HTML parser's input stream does.
fn push_escaped(out: &mut String, s: &str, raw_newlines: bool) {
    let mut rest = s;
    while let Some(pos) = rest.find(['&', '<', '>', '\r']) {
        out.push_str(rest.get(..pos).unwrap_or_default());
        let tail = rest.get(pos..).unwrap_or_default();
        let mut used = 1;
        match tail.as_bytes().first() {
            Some(b'&') => out.push_str("&amp;"),
            Some(b'<') => out.push_str("&lt;"),
            Some(b'>') => out.push_str("&gt;"),
            _ if raw_newlines => {
                out.push('\n');
                if tail.as_bytes().get(1) == Some(&b'\n') {
                    used = 2;
                }
            }
            _ => out.push('\r'),
        }
        rest = tail.get(used..).unwrap_or_default();
    }
    out.push_str(rest);
}

fn push_escaped_char(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        c => out.push(c),
    }
}

/// Writes plain text as HTML text content.
fn push_html_text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\u{A0}' => out.push_str("&nbsp;"),
            c => out.push(c),
        }
    }
}

/// Writes plain text as an attribute value quoted with `quote`.
fn push_attribute_text(out: &mut String, s: &str, quote: Quote) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quote != Quote::Single => out.push_str("&quot;"),
            '\'' if quote == Quote::Single => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

struct Renderer<'a> {
    html: &'a str,
    plan: &'a Plan,
    decisions: &'a [Decision],
    /// Attribute values to replace: (value range, quote, unit index), sorted.
    attribute_edits: Vec<(Range<usize>, Quote, usize)>,
    out: String,
}

impl<'a> Renderer<'a> {
    fn new(html: &'a str, plan: &'a Plan, decisions: &'a [Decision]) -> Self {
        let attribute_edits = plan
            .sites
            .iter()
            .zip(decisions)
            .enumerate()
            .filter_map(|(index, (site, decision))| match site {
                Site::Attribute { value, quote } if decision.text.is_some() => {
                    Some((value.clone(), *quote, index))
                }
                _ => None,
            })
            .collect();
        Self {
            html,
            plan,
            decisions,
            attribute_edits,
            out: String::with_capacity(html.len() + html.len() / 4),
        }
    }

    fn render(mut self) -> String {
        let (plan, decisions) = (self.plan, self.decisions);
        let mut cursor = 0;
        for (site, decision) in plan.sites.iter().zip(decisions) {
            match site {
                Site::Text {
                    region,
                    placeholders,
                } => {
                    if decision.text.is_none() && decision.wrapper_attrs.is_empty() {
                        continue;
                    }
                    self.copy(cursor..region.start);
                    self.text_unit(region, placeholders, decision);
                    cursor = region.end;
                }
                Site::Title { region } => {
                    let Some(text) = &decision.text else { continue };
                    self.copy(cursor..region.start);
                    for_each_unescaped(text, |s| push_html_text(&mut self.out, s));
                    cursor = region.end;
                }
                Site::Attribute { .. } => {}
            }
        }
        self.copy(cursor..self.html.len());
        self.out
    }

    fn text_unit(&mut self, region: &Range<usize>, placeholders: &[Slot], decision: &Decision) {
        if !decision.wrapper_attrs.is_empty() {
            self.out.push_str("<span");
            for (name, value) in &decision.wrapper_attrs {
                self.out.push(' ');
                self.out.push_str(name);
                self.out.push_str("=\"");
                push_attribute_text(&mut self.out, value, Quote::Double);
                self.out.push('"');
            }
            self.out.push('>');
        }
        let rendered = decision.text.as_deref().is_some_and(|text| {
            let mark = self.out.len();
            let ok = self.translated(text, placeholders);
            if !ok {
                self.out.truncate(mark);
            }
            ok
        });
        if !rendered {
            self.copy(region.clone());
        }
        if !decision.wrapper_attrs.is_empty() {
            self.out.push_str("</span>");
        }
    }

    /// Writes a checked translation; `false` if it does not fit the slots
    /// (cannot happen after [`check_placeholders`]).
    fn translated(&mut self, text: &str, placeholders: &[Slot]) -> bool {
        let slot = |id: u32| placeholders.get(usize::try_from(id).ok()?.checked_sub(1)?);
        for piece in Pieces::new(text) {
            let Ok(piece) = piece else { return false };
            match piece {
                Piece::Text(escaped) => {
                    for_each_unescaped(escaped, |s| push_html_text(&mut self.out, s));
                }
                Piece::Open(id) => match slot(id) {
                    Some(Slot::Paired { open, .. }) => self.copy(open.clone()),
                    _ => return false,
                },
                Piece::Close(id) => match slot(id) {
                    Some(Slot::Paired { close, .. }) => self.copy(close.clone()),
                    _ => return false,
                },
                Piece::Void(id) => match slot(id) {
                    Some(Slot::Void(range)) => self.copy(range.clone()),
                    _ => return false,
                },
                Piece::Protected(_) => return false,
            }
        }
        true
    }

    /// Copies `range` of the input, replacing the attribute values inside it
    /// that have a translation.
    fn copy(&mut self, range: Range<usize>) {
        let mut from = range.start;
        let first = self
            .attribute_edits
            .partition_point(|(value, _, _)| value.start < range.start);
        for (value, quote, unit) in self.attribute_edits.get(first..).unwrap_or_default() {
            if value.end > range.end {
                break;
            }
            let Some(text) = self.decisions.get(*unit).and_then(|d| d.text.as_deref()) else {
                continue;
            };
            self.out
                .push_str(self.html.get(from..value.start).unwrap_or_default());
            if *quote == Quote::None {
                self.out.push('"');
            }
            for_each_unescaped(text, |s| push_attribute_text(&mut self.out, s, *quote));
            if *quote == Quote::None {
                self.out.push('"');
            }
            from = value.end;
        }
        self.out
            .push_str(self.html.get(from..range.end).unwrap_or_default());
    }
}

/// Named character references: HTML 4 plus `apos`, sorted by name for binary
/// search; the flag marks the legacy names that also work without `;`.
static ENTITIES: &[(&str, char, bool)] = &[
    ("AElig", '\u{C6}', true),
    ("AMP", '\u{26}', true),
    ("Aacute", '\u{C1}', true),
    ("Acirc", '\u{C2}', true),
    ("Agrave", '\u{C0}', true),
    ("Alpha", '\u{391}', false),
    ("Aring", '\u{C5}', true),
    ("Atilde", '\u{C3}', true),
    ("Auml", '\u{C4}', true),
    ("Beta", '\u{392}', false),
    ("COPY", '\u{A9}', true),
    ("Ccedil", '\u{C7}', true),
    ("Chi", '\u{3A7}', false),
    ("Dagger", '\u{2021}', false),
    ("Delta", '\u{394}', false),
    ("ETH", '\u{D0}', true),
    ("Eacute", '\u{C9}', true),
    ("Ecirc", '\u{CA}', true),
    ("Egrave", '\u{C8}', true),
    ("Epsilon", '\u{395}', false),
    ("Eta", '\u{397}', false),
    ("Euml", '\u{CB}', true),
    ("GT", '\u{3E}', true),
    ("Gamma", '\u{393}', false),
    ("Iacute", '\u{CD}', true),
    ("Icirc", '\u{CE}', true),
    ("Igrave", '\u{CC}', true),
    ("Iota", '\u{399}', false),
    ("Iuml", '\u{CF}', true),
    ("Kappa", '\u{39A}', false),
    ("LT", '\u{3C}', true),
    ("Lambda", '\u{39B}', false),
    ("Mu", '\u{39C}', false),
    ("Ntilde", '\u{D1}', true),
    ("Nu", '\u{39D}', false),
    ("OElig", '\u{152}', false),
    ("Oacute", '\u{D3}', true),
    ("Ocirc", '\u{D4}', true),
    ("Ograve", '\u{D2}', true),
    ("Omega", '\u{3A9}', false),
    ("Omicron", '\u{39F}', false),
    ("Oslash", '\u{D8}', true),
    ("Otilde", '\u{D5}', true),
    ("Ouml", '\u{D6}', true),
    ("Phi", '\u{3A6}', false),
    ("Pi", '\u{3A0}', false),
    ("Prime", '\u{2033}', false),
    ("Psi", '\u{3A8}', false),
    ("QUOT", '\u{22}', true),
    ("REG", '\u{AE}', true),
    ("Rho", '\u{3A1}', false),
    ("Scaron", '\u{160}', false),
    ("Sigma", '\u{3A3}', false),
    ("THORN", '\u{DE}', true),
    ("Tau", '\u{3A4}', false),
    ("Theta", '\u{398}', false),
    ("Uacute", '\u{DA}', true),
    ("Ucirc", '\u{DB}', true),
    ("Ugrave", '\u{D9}', true),
    ("Upsilon", '\u{3A5}', false),
    ("Uuml", '\u{DC}', true),
    ("Xi", '\u{39E}', false),
    ("Yacute", '\u{DD}', true),
    ("Yuml", '\u{178}', false),
    ("Zeta", '\u{396}', false),
    ("aacute", '\u{E1}', true),
    ("acirc", '\u{E2}', true),
    ("acute", '\u{B4}', true),
    ("aelig", '\u{E6}', true),
    ("agrave", '\u{E0}', true),
    ("alefsym", '\u{2135}', false),
    ("alpha", '\u{3B1}', false),
    ("amp", '\u{26}', true),
    ("and", '\u{2227}', false),
    ("ang", '\u{2220}', false),
    ("apos", '\u{27}', false),
    ("aring", '\u{E5}', true),
    ("asymp", '\u{2248}', false),
    ("atilde", '\u{E3}', true),
    ("auml", '\u{E4}', true),
    ("bdquo", '\u{201E}', false),
    ("beta", '\u{3B2}', false),
    ("brvbar", '\u{A6}', true),
    ("bull", '\u{2022}', false),
    ("cap", '\u{2229}', false),
    ("ccedil", '\u{E7}', true),
    ("cedil", '\u{B8}', true),
    ("cent", '\u{A2}', true),
    ("chi", '\u{3C7}', false),
    ("circ", '\u{2C6}', false),
    ("clubs", '\u{2663}', false),
    ("cong", '\u{2245}', false),
    ("copy", '\u{A9}', true),
    ("crarr", '\u{21B5}', false),
    ("cup", '\u{222A}', false),
    ("curren", '\u{A4}', true),
    ("dArr", '\u{21D3}', false),
    ("dagger", '\u{2020}', false),
    ("darr", '\u{2193}', false),
    ("deg", '\u{B0}', true),
    ("delta", '\u{3B4}', false),
    ("diams", '\u{2666}', false),
    ("divide", '\u{F7}', true),
    ("eacute", '\u{E9}', true),
    ("ecirc", '\u{EA}', true),
    ("egrave", '\u{E8}', true),
    ("empty", '\u{2205}', false),
    ("emsp", '\u{2003}', false),
    ("ensp", '\u{2002}', false),
    ("epsilon", '\u{3B5}', false),
    ("equiv", '\u{2261}', false),
    ("eta", '\u{3B7}', false),
    ("eth", '\u{F0}', true),
    ("euml", '\u{EB}', true),
    ("euro", '\u{20AC}', false),
    ("exist", '\u{2203}', false),
    ("fnof", '\u{192}', false),
    ("forall", '\u{2200}', false),
    ("frac12", '\u{BD}', true),
    ("frac14", '\u{BC}', true),
    ("frac34", '\u{BE}', true),
    ("frasl", '\u{2044}', false),
    ("gamma", '\u{3B3}', false),
    ("ge", '\u{2265}', false),
    ("gt", '\u{3E}', true),
    ("hArr", '\u{21D4}', false),
    ("harr", '\u{2194}', false),
    ("hearts", '\u{2665}', false),
    ("hellip", '\u{2026}', false),
    ("iacute", '\u{ED}', true),
    ("icirc", '\u{EE}', true),
    ("iexcl", '\u{A1}', true),
    ("igrave", '\u{EC}', true),
    ("image", '\u{2111}', false),
    ("infin", '\u{221E}', false),
    ("int", '\u{222B}', false),
    ("iota", '\u{3B9}', false),
    ("iquest", '\u{BF}', true),
    ("isin", '\u{2208}', false),
    ("iuml", '\u{EF}', true),
    ("kappa", '\u{3BA}', false),
    ("lArr", '\u{21D0}', false),
    ("lambda", '\u{3BB}', false),
    ("lang", '\u{27E8}', false),
    ("laquo", '\u{AB}', true),
    ("larr", '\u{2190}', false),
    ("lceil", '\u{2308}', false),
    ("ldquo", '\u{201C}', false),
    ("le", '\u{2264}', false),
    ("lfloor", '\u{230A}', false),
    ("lowast", '\u{2217}', false),
    ("loz", '\u{25CA}', false),
    ("lrm", '\u{200E}', false),
    ("lsaquo", '\u{2039}', false),
    ("lsquo", '\u{2018}', false),
    ("lt", '\u{3C}', true),
    ("macr", '\u{AF}', true),
    ("mdash", '\u{2014}', false),
    ("micro", '\u{B5}', true),
    ("middot", '\u{B7}', true),
    ("minus", '\u{2212}', false),
    ("mu", '\u{3BC}', false),
    ("nabla", '\u{2207}', false),
    ("nbsp", '\u{A0}', true),
    ("ndash", '\u{2013}', false),
    ("ne", '\u{2260}', false),
    ("ni", '\u{220B}', false),
    ("not", '\u{AC}', true),
    ("notin", '\u{2209}', false),
    ("nsub", '\u{2284}', false),
    ("ntilde", '\u{F1}', true),
    ("nu", '\u{3BD}', false),
    ("oacute", '\u{F3}', true),
    ("ocirc", '\u{F4}', true),
    ("oelig", '\u{153}', false),
    ("ograve", '\u{F2}', true),
    ("oline", '\u{203E}', false),
    ("omega", '\u{3C9}', false),
    ("omicron", '\u{3BF}', false),
    ("oplus", '\u{2295}', false),
    ("or", '\u{2228}', false),
    ("ordf", '\u{AA}', true),
    ("ordm", '\u{BA}', true),
    ("oslash", '\u{F8}', true),
    ("otilde", '\u{F5}', true),
    ("otimes", '\u{2297}', false),
    ("ouml", '\u{F6}', true),
    ("para", '\u{B6}', true),
    ("part", '\u{2202}', false),
    ("permil", '\u{2030}', false),
    ("perp", '\u{22A5}', false),
    ("phi", '\u{3C6}', false),
    ("pi", '\u{3C0}', false),
    ("piv", '\u{3D6}', false),
    ("plusmn", '\u{B1}', true),
    ("pound", '\u{A3}', true),
    ("prime", '\u{2032}', false),
    ("prod", '\u{220F}', false),
    ("prop", '\u{221D}', false),
    ("psi", '\u{3C8}', false),
    ("quot", '\u{22}', true),
    ("rArr", '\u{21D2}', false),
    ("radic", '\u{221A}', false),
    ("rang", '\u{27E9}', false),
    ("raquo", '\u{BB}', true),
    ("rarr", '\u{2192}', false),
    ("rceil", '\u{2309}', false),
    ("rdquo", '\u{201D}', false),
    ("real", '\u{211C}', false),
    ("reg", '\u{AE}', true),
    ("rfloor", '\u{230B}', false),
    ("rho", '\u{3C1}', false),
    ("rlm", '\u{200F}', false),
    ("rsaquo", '\u{203A}', false),
    ("rsquo", '\u{2019}', false),
    ("sbquo", '\u{201A}', false),
    ("scaron", '\u{161}', false),
    ("sdot", '\u{22C5}', false),
    ("sect", '\u{A7}', true),
    ("shy", '\u{AD}', true),
    ("sigma", '\u{3C3}', false),
    ("sigmaf", '\u{3C2}', false),
    ("sim", '\u{223C}', false),
    ("spades", '\u{2660}', false),
    ("sub", '\u{2282}', false),
    ("sube", '\u{2286}', false),
    ("sum", '\u{2211}', false),
    ("sup", '\u{2283}', false),
    ("sup1", '\u{B9}', true),
    ("sup2", '\u{B2}', true),
    ("sup3", '\u{B3}', true),
    ("supe", '\u{2287}', false),
    ("szlig", '\u{DF}', true),
    ("tau", '\u{3C4}', false),
    ("there4", '\u{2234}', false),
    ("theta", '\u{3B8}', false),
    ("thetasym", '\u{3D1}', false),
    ("thinsp", '\u{2009}', false),
    ("thorn", '\u{FE}', true),
    ("tilde", '\u{2DC}', false),
    ("times", '\u{D7}', true),
    ("trade", '\u{2122}', false),
    ("uArr", '\u{21D1}', false),
    ("uacute", '\u{FA}', true),
    ("uarr", '\u{2191}', false),
    ("ucirc", '\u{FB}', true),
    ("ugrave", '\u{F9}', true),
    ("uml", '\u{A8}', true),
    ("upsih", '\u{3D2}', false),
    ("upsilon", '\u{3C5}', false),
    ("uuml", '\u{FC}', true),
    ("weierp", '\u{2118}', false),
    ("xi", '\u{3BE}', false),
    ("yacute", '\u{FD}', true),
    ("yen", '\u{A5}', true),
    ("yuml", '\u{FF}', true),
    ("zeta", '\u{3B6}', false),
    ("zwj", '\u{200D}', false),
    ("zwnj", '\u{200C}', false),
];

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::placeholder::{Placeholder, escape_text, pieces, unescape_text};
    use scraper::{Html, Node, Selector};

    const FIXTURE_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/html");

    /// The fixtures written for this module; [`fixtures`] also picks up any
    /// other page added to the directory.
    const OWN_FIXTURES: &[&str] = &[
        "press_release.html",
        "form_page.html",
        "code_and_notranslate.html",
        "nested_lists.html",
        "malformed.html",
        "legacy_layout.html",
        "fragment_inline.html",
    ];

    /// Every `.html` file of tests/fixtures/html, as (name, content), sorted.
    fn fixtures() -> Vec<(String, String)> {
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

    const PRESS_RELEASE: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/html/press_release.html"
    ));

    /// A normalised dump of the DOM html5ever builds: one node per line,
    /// indented by depth; text contents replaced by `#text` unless `with_text`.
    fn dom(html: &str, with_text: bool) -> String {
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

    fn assert_same_dom(name: &str, before: &str, after: &str, with_text: bool) {
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

    fn texts(html: &str) -> Vec<String> {
        segment(html).unwrap().into_iter().map(|u| u.text).collect()
    }

    fn identity(html: &str) -> Reassembled {
        reassemble(html, |u| Fill::text(u.text.clone())).unwrap()
    }

    /// Applies `f` to the text parts of a placeholder-form text, keeping the
    /// placeholders where they are.
    fn map_text_parts(text: &str, f: impl Fn(&str) -> String) -> String {
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
    fn shout(s: &str) -> String {
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

    #[test]
    fn the_fixtures_are_there() {
        let names: Vec<String> = fixtures().into_iter().map(|(name, _)| name).collect();
        for own in OWN_FIXTURES {
            assert!(names.iter().any(|n| n == own), "missing fixture {own}");
        }
    }

    #[test]
    fn keeping_every_unit_returns_the_input_byte_for_byte() {
        for (name, html) in &fixtures() {
            let out = reassemble(html, |_| Fill::keep()).unwrap();
            assert_eq!(&out.html, html, "{name}");
            assert!(out.rejected.is_empty());
        }
    }

    #[test]
    fn identity_fill_gives_the_same_dom_on_every_fixture() {
        for (name, html) in &fixtures() {
            let out = identity(html);
            assert!(out.rejected.is_empty(), "{name}: {:?}", out.rejected);
            assert_same_dom(name, html, &out.html, true);
        }
    }

    #[test]
    fn identity_fill_output_segments_into_the_same_units() {
        for (name, html) in &fixtures() {
            let out = identity(html);
            assert_eq!(texts(html), texts(&out.html), "{name}");
        }
    }

    #[test]
    fn changing_text_parts_keeps_elements_and_attributes_on_every_fixture() {
        for (name, html) in &fixtures() {
            let out = reassemble(html, |u| match u.kind {
                UnitKind::Text => Fill::text(map_text_parts(&u.text, shout)),
                _ => Fill::keep(),
            })
            .unwrap();
            assert!(out.rejected.is_empty(), "{name}: {:?}", out.rejected);
            assert_ne!(&out.html, html, "{name}: nothing was translated");
            assert_same_dom(name, html, &out.html, false);
        }
    }

    #[test]
    fn every_fixture_unit_text_is_valid_placeholder_text() {
        for (name, html) in &fixtures() {
            for unit in segment(html).unwrap() {
                check_placeholders(&unit.text, &unit.text)
                    .unwrap_or_else(|e| panic!("{name}: {e}: {}", unit.text));
                let edge = |c: char| c.is_ascii_whitespace() || c == '\u{3000}';
                assert!(!unit.text.is_empty());
                assert_eq!(
                    unit.text.trim_matches(edge),
                    unit.text,
                    "{name}: untrimmed unit"
                );
            }
        }
    }

    #[test]
    fn translating_the_press_release_changes_only_what_it_should() {
        let html = PRESS_RELEASE;
        let out = reassemble(html, |u| {
            Fill::text(map_text_parts(&u.text, |s| format!("[{s}]")))
        })
        .unwrap();
        assert!(out.rejected.is_empty());
        let page = out.html;
        // Untranslated parts, byte for byte.
        for kept in [
            "<!-- saved from the press release template (project fixture, not a real page) -->\n<!DOCTYPE html>",
            "//<![CDATA[\n  var pageLang = \"ja\";",
            "onclick=\"return openHelp('helpBox');\"",
            "href=\"https://example.go.jp/stf/seisakunitsuite/bunya/koyou_roudou/roudoukijun/rouseikyo/index.html\n\"",
            "<font color=\"#cc0000\" size=\"+1\">",
            "<td colspan=\"2\" rowspan=\"3\">",
            "<span class=\"url notranslate\">https://example.go.jp/forum/onlineseminar_202501</span>",
            "<a href=\"/index.html\" lang=\"ja\">日本語</a>",
            "<p>このページではJavaScriptを使用しています。JavaScriptを有効にしてください。</p>",
            "<meta name=\"keywords\" content=\"労働者協同組合,セミナー,厚生労働省\">",
            "<link rel=\"stylesheet\" href=\"/common/css/base.css\" title=\"標準\">",
        ] {
            assert!(page.contains(kept), "lost: {kept}");
        }
        // Translated parts.
        for translated in [
            "<title>[労働者協同組合に係るオンラインセミナー(全5回)を開催します ｜報道発表資料｜厚生労働省]</title>",
            "<meta name=\"description\" content=\"[厚生労働省は、",
            "<meta property=\"og:title\" content=\"[労働者",
            "<p class=\"lang-title\"><olang>[言語切替]</olang></p>",
            "<img src=\"/common/img/logo.png\" alt=\"[厚生労働省]\" width=\"240\" height=\"40\">",
            "<p>[この法律は「労働者協同組合法」と呼ばれ、]<ruby>[協同労働]<rp>[(]</rp><rt>[きょうどうろうどう]</rt><rp>[)]</rp></ruby>[の考え方を基本としています。]</p>",
            "<a href=\"#top\" onclick=\"window.scrollTo(0,0);return false;\"><img src=\"/common/img/pagetop.png\" alt=\"[ページの先頭へ戻る]\"></a>",
        ] {
            assert!(
                page.contains(translated),
                "not translated: {translated}\n{page}"
            );
        }
    }

    #[test]
    fn a_sentence_split_by_inline_markup_is_one_unit() {
        let html = "<p>厚生労働省は、<span class=\"date\">令和7年度</span>に<a href=\"/x\" onclick=\"go()\">セミナー</a>を<strong>開催</strong>します。<br>詳細は下記。</p>";
        let units = segment(html).unwrap();
        assert_eq!(
            units,
            vec![Unit {
                index: 0,
                kind: UnitKind::Text,
                text: "厚生労働省は、<b1>令和7年度</b1>に<b2>セミナー</b2>を<b3>開催</b3>します。<x4/>詳細は下記。".into(),
            }]
        );
        // Reordered translation: tags come back with their attributes.
        let out = reassemble(html, |_| {
            Fill::text("The MHLW will <b3>hold</b3> a <b2>seminar</b2> in <b1>FY2025</b1>.<x4/>Details below.")
        })
        .unwrap();
        assert_eq!(
            out.html,
            "<p>The MHLW will <strong>hold</strong> a <a href=\"/x\" onclick=\"go()\">seminar</a> in <span class=\"date\">FY2025</span>.<br>Details below.</p>"
        );
    }

    #[test]
    fn placeholders_are_numbered_in_document_order_across_kinds() {
        assert_eq!(
            texts("<p>a<b>b</b><br>c<i>d<wbr>e</i><!-- note -->f<code>x()</code></p>"),
            ["a<b1>b</b1><x2/>c<b3>d<x4/>e</b3><x5/>f<x6/>"]
        );
        assert_eq!(texts("<p>一<olang>二</olang>三</p>"), ["一<b1>二</b1>三"]);
        assert_eq!(
            texts("<p><ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>です</p>"),
            ["<b1>漢字<b2>(</b2><b3>かんじ</b3><b4>)</b4></b1>です"]
        );
        assert_eq!(
            texts("<p>ここは<font color=red><b>重要</b></font>です</p>"),
            ["ここは<b1><b2>重要</b2></b1>です"]
        );
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
    fn edges_are_left_outside_the_unit() {
        let html = "<p>\n  <!-- c --><br>  本文です。 <br>\n<script>var x = 1;</script>\n</p>";
        let units = segment(html).unwrap();
        assert_eq!(units.len(), 1);
        assert_eq!(units[0].text, "本文です。");
        let out = reassemble(html, |_| Fill::text("Body text.")).unwrap();
        assert_eq!(
            out.html,
            "<p>\n  <!-- c --><br>  Body text. <br>\n<script>var x = 1;</script>\n</p>"
        );
    }

    #[test]
    fn ideographic_space_indentation_stays_outside_the_unit() {
        let html = "<p>\u{3000}令和4年10月から制度が始まりました。\u{3000}</p>";
        assert_eq!(texts(html), ["令和4年10月から制度が始まりました。"]);
        let out = reassemble(html, |_| Fill::text("The system started in October 2022.")).unwrap();
        assert_eq!(
            out.html,
            "<p>\u{3000}The system started in October 2022.\u{3000}</p>"
        );
    }

    #[test]
    fn segmented_reads_the_page_once_for_both_steps() {
        let html = PRESS_RELEASE;
        let page = Segmented::new(html).unwrap();
        assert_eq!(page.units(), segment(html).unwrap().as_slice());
        assert_eq!(page.html(), html);
        let fill = |u: &Unit| Fill::text(map_text_parts(&u.text, shout));
        assert_eq!(
            page.reassemble(fill).unwrap(),
            reassemble(html, fill).unwrap()
        );
        // The same Segmented can be filled again, e.g. for another language.
        assert_eq!(page.reassemble(|_| Fill::keep()).unwrap().html, html);
    }

    #[test]
    fn attribute_units_and_the_title() {
        let html = concat!(
            "<html><head><title> お知らせ &amp; 更新 </title>",
            "<meta name=\"description\" content=\"説明文です\">",
            "<meta property=\"og:title\" content=\"OGタイトル\">",
            "<meta property=\"og:description\" content='OG説明'>",
            "<meta property=\"og:url\" content=\"https://example.go.jp/\">",
            "<meta name=\"keywords\" content=\"キーワード\">",
            "</head><body>",
            "<img src=\"a.png\" alt=\"地図\" title=\"会場の地図\">",
            "<input placeholder=検索 aria-label=\"サイト内検索\">",
            "<a href=\"/\" title=\"\">トップ</a>",
            "</body></html>"
        );
        let units: Vec<(UnitKind, String)> = segment(html)
            .unwrap()
            .into_iter()
            .map(|u| (u.kind, u.text))
            .collect();
        let attr = |n: &str, t: &str| (UnitKind::Attribute(n.into()), t.to_owned());
        assert_eq!(
            units,
            vec![
                (UnitKind::Title, "お知らせ &amp; 更新".to_owned()),
                attr("content", "説明文です"),
                attr("content", "OGタイトル"),
                attr("content", "OG説明"),
                attr("alt", "地図"),
                attr("title", "会場の地図"),
                attr("placeholder", "検索"),
                attr("aria-label", "サイト内検索"),
                (UnitKind::Text, "<b1>トップ</b1>".to_owned()),
            ]
        );
        let out = reassemble(html, |u| Fill::text(format!("T:{}", u.text))).unwrap();
        assert!(
            out.html.contains("<title> T:お知らせ &amp; 更新 </title>"),
            "{}",
            out.html
        );
        assert!(out.html.contains("content='T:OG説明'"));
        assert!(
            out.html
                .contains("<input placeholder=\"T:検索\" aria-label=\"T:サイト内検索\">")
        );
        assert!(out.html.contains("content=\"https://example.go.jp/\""));
        assert!(out.html.contains("content=\"キーワード\""));
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

    #[test]
    fn non_translatable_inline_content_is_one_void_placeholder() {
        let html = "<p>URLは<code>https://example.go.jp/?a=1&amp;b=2</code>、担当は<span class=\"notranslate\">勤労者<b>生活課</b></span>です。</p>";
        assert_eq!(texts(html), ["URLは<x1/>、担当は<x2/>です。"]);
        let out = reassemble(html, |_| Fill::text("Contact <x2/>; URL <x1/>.")).unwrap();
        assert_eq!(
            out.html,
            "<p>Contact <span class=\"notranslate\">勤労者<b>生活課</b></span>; URL <code>https://example.go.jp/?a=1&amp;b=2</code>.</p>"
        );
    }

    #[test]
    fn character_references_are_decoded_then_xml_escaped() {
        assert_eq!(
            texts(
                "<p>&#x52B4;&#20685;者 &amp; &lt;組合&gt; &quot;&nbsp;&copy2025 &notit a < b</p>"
            ),
            ["労働者 &amp; &lt;組合&gt; \"\u{a0}©2025 ¬it a &lt; b"]
        );
        // An unknown named reference is kept verbatim as a void placeholder.
        assert_eq!(texts("<p>記号&hearts;と&zzz;</p>"), ["記号♥と<x1/>"]);
        // `&notit;` is `¬it;` to a browser, but a name outside the table could
        // be an HTML 5 reference: kept verbatim too.
        assert_eq!(texts("<p>記号&notit;</p>"), ["記号<x1/>"]);
        // In attributes, the legacy rule does not decode before `=` or letters.
        assert_eq!(
            texts("<img alt=\"地図&copy=x&copy;\">"),
            ["地図&amp;copy=x©"]
        );
        // An attribute with an unknown reference is left alone.
        assert_eq!(texts("<img alt=\"地図&zzz;\">"), Vec::<String>::new());
        // Raw CR LF become LF, as the HTML parser reads them.
        assert_eq!(
            texts("<p>一行目\r\n二行目\r三行目</p>"),
            ["一行目\n二行目\n三行目"]
        );
    }

    #[test]
    fn reference_decoding_matches_html5ever() {
        let samples = [
            "&amp;",
            "&amp",
            "&AMP;",
            "&lt",
            "&gt;",
            "&quot",
            "&apos;",
            "&nbsp;",
            "&nbsp",
            "&copy2025",
            "&copy=1",
            "&notit;",
            "&notin;",
            "&notin",
            "&Aring;",
            "&euro;",
            "&hellip;",
            "&rarr;",
            "&lang;",
            "&#0;",
            "&#x80;",
            "&#x81;",
            "&#150;",
            "&#xD800;",
            "&#x110000;",
            "&#99999999999;",
            "&#x41",
            "&#65",
            "&#;",
            "&#x;",
            "&#xZ;",
            "& ",
            "&",
            "&&amp;",
            "&yen;",
            "&times;",
            "&szlig;",
            "&Omega;",
            "&#12354;",
            "&#x3042;",
            "a&b=c",
        ];
        for sample in samples {
            let text_html = format!("<p>字[{sample}]</p>");
            let doc = Html::parse_document(&text_html);
            let expected: String = doc
                .select(&Selector::parse("p").unwrap())
                .next()
                .unwrap()
                .text()
                .collect();
            let unit = &segment(&text_html).unwrap()[0];
            if unit.text.contains("<x") {
                // Kept verbatim (unknown name): the page must still read the same.
                assert_same_dom(sample, &text_html, &identity(&text_html).html, true);
            } else {
                assert_eq!(unescape_text(&unit.text), expected, "text {sample:?}");
            }

            let attr_html = format!("<img alt=\"字[{sample}]\">");
            let doc = Html::parse_document(&attr_html);
            let expected = doc
                .select(&Selector::parse("img").unwrap())
                .next()
                .unwrap()
                .attr("alt")
                .unwrap()
                .to_owned();
            let out = reassemble(&attr_html, |u| Fill::text(u.text.clone())).unwrap();
            let doc = Html::parse_document(&out.html);
            let round_trip = doc
                .select(&Selector::parse("img").unwrap())
                .next()
                .unwrap()
                .attr("alt")
                .unwrap()
                .to_owned();
            assert_eq!(round_trip, expected, "attribute {sample:?}");
        }
    }

    #[test]
    fn translations_are_text_never_markup() {
        let html = "<p title=\"題名\">本文</p>";
        for evil in [
            "<script>alert(1)</script>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "<img src=x onerror=alert(1)>",
        ] {
            let out = reassemble(html, |_| Fill::text(evil)).unwrap();
            assert!(out.rejected.is_empty());
            let doc = Html::parse_document(&out.html);
            let p = doc.select(&Selector::parse("p").unwrap()).next().unwrap();
            assert_eq!(p.children().count(), 1, "{}", out.html);
            assert!(
                doc.select(&Selector::parse("script, img").unwrap())
                    .next()
                    .is_none(),
                "{}",
                out.html
            );
            assert_eq!(p.text().collect::<String>(), unescape_text(evil));
            assert_eq!(p.attr("title"), Some(unescape_text(evil).as_str()));
        }
        let out = reassemble("<img alt=題名>", |_| Fill::text("\"><script>x</script>")).unwrap();
        assert_eq!(
            out.html,
            "<img alt=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">"
        );
        let out = reassemble("<img alt='題名'>", |_| Fill::text("it's \"ok\"")).unwrap();
        assert_eq!(out.html, "<img alt='it&#39;s \"ok\"'>");
        let out = reassemble("<title>題名</title>", |_| {
            Fill::text("</title><script>x</script>")
        })
        .unwrap();
        assert_eq!(
            out.html,
            "<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>"
        );
    }

    #[test]
    fn a_fill_with_wrong_placeholders_keeps_the_source_and_is_reported() {
        let html = "<p>前<a href=\"/x\">リンク</a>後</p><p>二つ目</p><p>三つ目</p>";
        let out = reassemble(html, |u| match u.index {
            0 => Fill::text("Before link after").with_wrapper_attr("lang", "en"),
            1 => Fill::text("Second <p1/>"),
            _ => Fill::text("Third"),
        })
        .unwrap();
        assert_eq!(
            out.html,
            "<p>前<a href=\"/x\">リンク</a>後</p><p>二つ目</p><p>Third</p>"
        );
        assert_eq!(
            out.rejected,
            vec![
                Rejection {
                    index: 0,
                    error: PlaceholderError::Missing(Placeholder::paired(1))
                },
                Rejection {
                    index: 1,
                    error: PlaceholderError::Extra(Placeholder::protected(1))
                },
            ]
        );
    }

    #[test]
    fn wrapper_attributes_wrap_text_units_only() {
        let html = "<p>本文<br>二行目</p><img alt=\"画像\">";
        let out = reassemble(html, |u| {
            Fill::keep()
                .with_wrapper_attr("lang", "ja")
                .with_wrapper_attr("data-unit", format!("{}\"&", u.index))
        })
        .unwrap();
        assert_eq!(
            out.html,
            "<p><span lang=\"ja\" data-unit=\"0&quot;&amp;\">本文<br>二行目</span></p><img alt=\"画像\">"
        );
        let err =
            reassemble(html, |_| Fill::keep().with_wrapper_attr("onclick=\"x", "y")).unwrap_err();
        assert!(matches!(err, SegmentError::InvalidWrapperAttribute(_)));
    }

    #[test]
    fn unit_keys_depend_on_text_and_version_only() {
        let units = segment("<p>同じ文です。</p><div>同じ文です。</div><img alt=\"同じ文です。\"><p>違う文です。</p>").unwrap();
        assert_eq!(units.len(), 4);
        assert_eq!(units[0].key(), units[1].key());
        assert_eq!(units[0].key(), units[2].key());
        assert_ne!(units[0].key(), units[3].key());
        assert_eq!(units[0].key().len(), 64);
        let mut h = Sha256::new();
        h.update(1u32.to_be_bytes());
        h.update("同じ文です。".as_bytes());
        assert_eq!(units[0].key(), hex::encode(h.finalize()));
        assert_eq!(
            SEGMENTER_VERSION, 1,
            "update the expected key above when bumping"
        );
    }

    #[test]
    fn reassemble_sees_the_units_segment_returns() {
        for (name, html) in &fixtures() {
            let mut seen = Vec::new();
            reassemble(html, |u| {
                seen.push(u.clone());
                Fill::keep()
            })
            .unwrap();
            assert_eq!(seen, segment(html).unwrap(), "{name}");
            assert!(seen.iter().enumerate().all(|(i, u)| u.index == i));
        }
    }

    #[test]
    fn malformed_html_never_panics_and_round_trips() {
        let deep = "<b>".repeat(20_000) + "深い" + &"</b>".repeat(5);
        let many_p = "<p>段落".repeat(5_000);
        let cases = [
            "",
            "<",
            ">",
            "&",
            "&#",
            "<!--",
            "<!-- 閉じない",
            "</p>",
            "</p>テキスト",
            "<p",
            "<p title=\"閉じない",
            "<title>",
            "<title>題名",
            "<script>",
            "<script>var a = '</scr",
            "<svg><p>テキスト",
            "<math><mi>x",
            "<table><tr>テキスト<td>セル",
            "<table><b>太字</b><tr><td>セル</table>",
            "<select><textarea>テキスト",
            "<p><b>太<i>斜</b>体</i>です</p>",
            "<a href=x><div>ブロック</div></a>",
            "</br>テキスト",
            "<!DOCTYPE html><!DOCTYPE html>テキスト",
            "<plaintext><p>テキスト",
            "<xmp><b>テキスト</b></xmp>",
            "<body><body>テキスト</body></body>後",
            "</body>後ろのテキスト",
            "<p>テキスト</div>続き",
            "<ruby>漢<rt>かん<rt>じ</ruby>",
            "<li>項目<li>項目<dd>定義",
            "<p>文<![CDATA[x]]>文</p>",
            "<frameset><frame src=a></frameset>",
            "<image src=x>テキスト",
            "<p>文\u{0}字</p>",
            &deep,
            &many_p,
        ];
        for html in cases {
            let units = segment(html).unwrap();
            let keep = reassemble(html, |_| Fill::keep()).unwrap();
            assert_eq!(keep.html, html);
            let out = identity(html);
            assert!(out.rejected.is_empty());
            if html.len() < 1000 {
                assert_same_dom(html, html, &out.html, true);
            }
            for unit in units {
                check_placeholders(&unit.text, &unit.text).unwrap();
            }
        }
    }

    /// Markup pieces for [`markup_soup`]: tags that change tokenizer state,
    /// implied end tags, skipped elements, references, malformed bits.
    const SOUP: &[&str] = &[
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<span class=\"x\">",
        "</span>",
        "<a href=\"/x\ny\" title=\"題名\">",
        "</a>",
        "<br>",
        "<br/>",
        "<img alt=\"画像\" src=x.png>",
        "<li>",
        "</li>",
        "<ul>",
        "</ul>",
        "<ol>",
        "<table>",
        "<tr>",
        "</tr>",
        "<td rowspan=2>",
        "</td>",
        "<th>",
        "</table>",
        "<caption>",
        "<colgroup>",
        "<col>",
        "<tbody>",
        "<code>",
        "</code>",
        "<pre>",
        "</pre>",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<title>",
        "</title>",
        "<svg>",
        "</svg>",
        "<foreignObject>",
        "<textarea>",
        "</textarea>",
        "<olang>",
        "</olang>",
        "<ruby>",
        "<rb>",
        "<rt>",
        "</rt>",
        "<rp>",
        "<rtc>",
        "</ruby>",
        "<font color=red>",
        "</font>",
        "<span translate=\"no\">",
        "<p translate=no>",
        "<div class=\"notranslate\">",
        "<select>",
        "</select>",
        "<option>",
        "</option>",
        "<optgroup>",
        "<h1>",
        "</h1>",
        "<h2>",
        "<hr>",
        "<!-- c -->",
        "<!--",
        "-->",
        "<!DOCTYPE html>",
        "</>",
        "<![CDATA[x]]>",
        "<math>",
        "</math>",
        "<mi>",
        "<noscript>",
        "</noscript>",
        "<template>",
        "</template>",
        "<xmp>",
        "</xmp>",
        "<iframe>",
        "</iframe>",
        "<plaintext>",
        "<listing>",
        "<object>",
        "</object>",
        "<p title=\"a&amp;b\">",
        "<meta name=description content=\"説明\">",
        "<input placeholder=\"入力\">",
        "<button>",
        "</button>",
        "<nobr>",
        "<form>",
        "</form>",
        "<body>",
        "</body>",
        "</html>",
        "<html>",
        "<head>",
        "</head>",
        "<dl>",
        "<dt>",
        "<dd>",
        "</dl>",
        "<em>",
        "</em>",
        "<strong onclick=\"f()\">",
        "</strong>",
        "<P CLASS=up>",
        "</P >",
        "<image src=x>",
        "<a title=\"a>b\" href=x>",
        "<img alt=a/b>",
        "<img ALT=\"大文字\" alt=\"二つ目\">",
        "<p translate=NO>",
        "<a href='x'title=\"題\">",
        "<div class=\"a notranslate b\">",
        "<img alt=>",
        "<p =x>",
        "<p/x>",
        "<svg/>",
        "<math/>",
        "<br/ >",
        "<img alt=\"&copy;&zzz;\">",
        "<span title='it&#39;s'>",
        "<input aria-label=検索 placeholder='入力'>",
        "<title>題名</title>",
        "<meta property=og:title content=題名>",
        "</a title=\">\">",
        "<b\n>",
        "</p foo\"a>",
        "</b x='>'>",
        "<span\ttitle=\"タブ区切り\"/>",
        "<frameset>",
        "<label>",
        "日本語の文",
        "テキスト",
        "説明です",
        " ",
        "\n",
        "&amp;",
        "&#x52B4;",
        "&#20685;",
        "&nbsp;",
        "&copy2025",
        "&unknown;",
        "&notit;",
        "a < b",
        "x > y",
        "&",
        "&#",
        "&#x;",
        "&notin",
        "\r\n",
        "123",
        "。",
        "\u{3000}",
        "AT&T",
        "<",
        "</",
        "=\"",
    ];

    /// Checks every round-trip property on `rounds` pseudo-random documents.
    fn markup_soup(rounds: usize, max_len: usize, mut state: u64) {
        let mut next = |bound: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % bound as u64).unwrap()
        };
        for round in 0..rounds {
            let len = next(max_len);
            let html: String = (0..len).map(|_| SOUP[next(SOUP.len())]).collect();
            let units = segment(&html).unwrap();
            assert_eq!(
                reassemble(&html, |_| Fill::keep()).unwrap().html,
                html,
                "round {round}"
            );
            let out = identity(&html);
            assert!(out.rejected.is_empty(), "round {round}");
            assert_same_dom(&format!("round {round}: {html:?}"), &html, &out.html, true);
            let changed = reassemble(&html, |u| match u.kind {
                UnitKind::Text => Fill::text(map_text_parts(&u.text, shout)),
                _ => Fill::keep(),
            })
            .unwrap();
            assert!(changed.rejected.is_empty());
            assert_same_dom(
                &format!("round {round} (changed): {html:?}"),
                &html,
                &changed.html,
                false,
            );
            for unit in units {
                check_placeholders(&unit.text, &unit.text).unwrap();
            }
        }
    }

    #[test]
    fn generated_markup_round_trips() {
        markup_soup(1500, 40, 0x9E37_79B9_7F4A_7C15);
    }

    #[test]
    fn raw_text_after_a_self_closed_svg_is_left_untouched() {
        // lol_html still believes it is in SVG after `<svg/>`, where <iframe>
        // and <script> hold markup; a browser reads raw text.
        for (html, before) in [
            (
                "<div>前<svg/>の段落<iframe>AT&T <b>x</b></iframe></div><p>後の段落</p>",
                "前<x1/>の段落",
            ),
            (
                "<p>前の段落</p><svg/><script>if (a < b) { x = \"</p><p>\"; }</script><p>後の段落</p>",
                "前の段落",
            ),
            (
                "<p>前の段落</p><math/><title>題名 &amp; <b>x</b></title><p>後の段落</p>",
                "前の段落",
            ),
        ] {
            assert_eq!(texts(html), [before], "{html}");
            assert_same_dom(html, html, &identity(html).html, true);
        }
        // After a breakout tag lol_html is back in HTML: nothing is lost.
        let html = "<p>前<svg/>の段落</p><div><script>var a = '<b>';</script>後の段落</div>";
        assert_eq!(texts(html), ["前<x1/>の段落", "後の段落"]);
    }

    #[test]
    fn markup_a_tokenizer_cannot_read_alone_is_left_untouched() {
        // In a <select>, a browser ignores <title>; lol_html cannot know that.
        let html = "<p>前の段落</p><select><title><b>後</b></title></select><p>後の段落</p>";
        assert_eq!(texts(html), ["前の段落"]);
        let out = reassemble(html, |_| Fill::text("Before")).unwrap();
        assert_eq!(
            out.html,
            "<p>Before</p><select><title><b>後</b></title></select><p>後の段落</p>"
        );
    }
}
