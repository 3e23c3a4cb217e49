//! HTML ⇄ translation units.
//!
//! A page is cut into *units*: the text of one block-level element together with
//! its inline markup, the value of a translatable attribute, or the document
//! `<title>`. Each unit is sent to machine translation (or found in the
//! translation memory) as one string, and [`reassemble`] puts the translations
//! back into the page, leaving every other byte as it was.
//!
//! # Unit text
//!
//! Unit text is in the placeholder form of [`crate::placeholder`], the
//! contract with `protect`, the providers and the QA gate. It is XML-escaped
//! plain text: the page's own character references are
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
//!   (`code`, `kbd`, `<span translate="no">`… with all of its content), or a
//!   tag that is not balanced inside the unit (malformed HTML).
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
//! The work is split by concern: `stream` completes lol_html's reports into a
//! token stream with the tags that `lex` reads, `tree` holds the tree-construction rules, `plan` follows
//! the stream and cuts the units, `entities` decodes character references
//! and `render` writes the page back.
//!
//! # Safety of the output
//!
//! Translated text is never injected as HTML. Its text parts are unescaped from
//! the placeholder form and escaped again as HTML text, so `<script>` or
//! `&lt;script&gt;` from a provider becomes visible text; placeholders are
//! replaced by the page's own tags. A fill that fails [`check_placeholders`]
//! is not used: the unit keeps its source and is reported in
//! [`Reassembled::rejected`].

use std::fmt;

use sha2::{Digest, Sha256};

use crate::placeholder::{PlaceholderError, check_placeholders};

mod entities;
mod lex;
mod plan;
mod render;
mod stream;
#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod test_support;
mod tree;

use plan::Plan;
use render::Renderer;

/// Version of the unit boundaries, the placeholder syntax and the decoding
/// of character references.
///
/// It goes into translation-memory keys ([`Unit::key`]), so bump it whenever
/// a change here can give a different unit text for the same page. A unit
/// whose text changed gets a new key anyway (the key hashes the text); the
/// version also says which segmenter the memory's keys were made by.
///
/// - 1: the first segmenter, with a hand-written table of 259 named references.
/// - 2: the full HTML5 set of named references (htmlize), legacy forms
///   without `;` included. Only units whose Japanese used a name outside the
///   old table read differently.
///
/// When the memory was keyed under an older version listed in
/// [`CARRIED_VERSIONS`], its entries are re-keyed at start-up
/// ([`crate::translate::rekey`]), so nothing paid for or corrected is lost.
pub const SEGMENTER_VERSION: u32 = 2;

/// Older versions whose unit texts mean what the same texts mean under
/// [`SEGMENTER_VERSION`] (the same placeholder syntax and numbering), so a
/// translation stored for a text under one of them is right for that text
/// now. Leave a version out when a change makes the same text mean
/// something else: its entries then stay behind, unread, and are paid for
/// again.
pub const CARRIED_VERSIONS: &[u32] = &[1];

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
    unit_key_under(SEGMENTER_VERSION, text)
}

/// The key `text` had, or has, under segmenter `version`: what re-keying a
/// memory made by an older segmenter needs.
#[must_use]
pub fn unit_key_under(version: u32, text: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(version.to_be_bytes());
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

/// Bounds on the work one page may cause, checked as it is read: a page
/// past one is refused with its own [`SegmentError`] as soon as it is
/// reached, instead of being worked through.
///
/// Segmenting takes time and memory linear in the size of the page whatever
/// its shape, so these bound what a hostile or broken page can ask for more
/// than they save time. The defaults are far above what a real page needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most elements open at once, as the planner models them. 512 by
    /// default: Chromium's parser stops nesting there too, so a deeper page
    /// would not read the same in a browser anyway, and government pages
    /// stay under 100.
    pub max_depth: usize,
    /// Most units a page may have, text, attribute and title units together.
    /// 20,000 by default: a long announcement has a few hundred, the longest
    /// pages a few thousand, and each unit is a lookup and maybe a request to
    /// a provider.
    pub max_units: usize,
    /// The memory lol_html may use for input it has to buffer (a token cut by
    /// the end of the input), in bytes. 8 MiB by default, above the 5 MiB
    /// the fetcher accepts by default.
    pub max_tokenizer_memory: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_depth: 512,
            max_units: 20_000,
            max_tokenizer_memory: 8 << 20,
        }
    }
}

/// Errors of [`segment`] and [`reassemble`]. Malformed HTML is not an error.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SegmentError {
    /// The HTML tokenizer gave up (it does not on malformed HTML; this is for
    /// internal failures).
    #[error("HTML tokenizer failed: {0}")]
    Tokenizer(String),
    /// More elements open at once than [`Limits::max_depth`].
    #[error("the page nests elements deeper than {limit}")]
    TooDeep {
        /// The limit that was reached.
        limit: usize,
    },
    /// More units than [`Limits::max_units`].
    #[error("the page has more than {limit} translation units")]
    TooManyUnits {
        /// The limit that was reached.
        limit: usize,
    },
    /// The tokenizer needed more than [`Limits::max_tokenizer_memory`].
    #[error("reading the page needs more than {limit} bytes of tokenizer memory")]
    TooMuchMemory {
        /// The limit that was reached.
        limit: usize,
    },
    /// A [`Fill::wrapper_attrs`] name that is not a plain attribute name;
    /// a caller bug, so the page is not produced.
    #[error("invalid wrapper attribute name {0:?}")]
    InvalidWrapperAttribute(String),
}

/// Cuts `html` (a whole document or a fragment, UTF-8) into translation units,
/// in document order, within the default [`Limits`].
///
/// To translate a page, prefer [`Segmented`]: it reads the HTML once for both
/// steps.
///
/// # Errors
///
/// [`SegmentError::TooDeep`], [`SegmentError::TooManyUnits`] or
/// [`SegmentError::TooMuchMemory`] for a page past a limit, and
/// [`SegmentError::Tokenizer`] on an internal tokenizer failure; malformed
/// HTML is segmented as well as it can be, never refused.
pub fn segment(html: &str) -> Result<Vec<Unit>, SegmentError> {
    Ok(Plan::build(html, &Limits::default())?.units)
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
    /// Segments `html` within the default [`Limits`] (see [`segment`]).
    ///
    /// # Errors
    ///
    /// As [`segment`].
    pub fn new(html: &'a str) -> Result<Self, SegmentError> {
        Self::with_limits(html, &Limits::default())
    }

    /// Segments `html` within `limits`.
    ///
    /// # Errors
    ///
    /// As [`segment`], for these limits.
    pub fn with_limits(html: &'a str, limits: &Limits) -> Result<Self, SegmentError> {
        Ok(Self {
            html,
            plan: Plan::build(html, limits)?,
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

    /// What each placeholder of unit `index` stands for, as written in the
    /// HTML: `(start tag, Some(end tag))` for `<bN>…</bN>`, `(markup, None)`
    /// for `<xN/>`; entry `n - 1` is placeholder `n`. Empty for units without
    /// placeholders (attributes, titles). For exchange files, which show
    /// translators what a code is.
    #[must_use]
    pub fn placeholder_markup(&self, index: usize) -> Vec<(&'a str, Option<&'a str>)> {
        let html = self.html;
        let text = |range: &std::ops::Range<usize>| html.get(range.clone()).unwrap_or_default();
        match self.plan.sites.get(index) {
            Some(plan::Site::Text { placeholders, .. }) => placeholders
                .iter()
                .map(|slot| match slot {
                    plan::Slot::Paired { open, close } => (text(open), Some(text(close))),
                    plan::Slot::Void(range) => (text(range), None),
                })
                .collect(),
            _ => Vec::new(),
        }
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

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::segment::test_support::*;

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
    fn unit_keys_depend_on_text_and_version_only() {
        let units = segment("<p>同じ文です。</p><div>同じ文です。</div><img alt=\"同じ文です。\"><p>違う文です。</p>").unwrap();
        assert_eq!(units.len(), 4);
        assert_eq!(units[0].key(), units[1].key());
        assert_eq!(units[0].key(), units[2].key());
        assert_ne!(units[0].key(), units[3].key());
        assert_eq!(units[0].key().len(), 64);
        let mut h = Sha256::new();
        h.update(2u32.to_be_bytes());
        h.update("同じ文です。".as_bytes());
        assert_eq!(units[0].key(), hex::encode(h.finalize()));
        assert_ne!(units[0].key(), unit_key_under(1, "同じ文です。"));
        assert_eq!(
            SEGMENTER_VERSION, 2,
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

    /// The shapes that once cost time quadratic in their size (a walk over
    /// the open elements per tag, a search per placeholder), at sizes a
    /// test can afford: each must segment and come back right.
    #[test]
    fn deep_and_wide_pages_segment_and_reassemble() {
        let n = 400;
        let check = |html: &str| {
            assert_eq!(reassemble(html, |_| Fill::keep()).unwrap().html, html);
            let out = identity(html);
            assert!(out.rejected.is_empty(), "{:?}", out.rejected);
            assert_same_dom("shape", html, &out.html, true);
            segment(html).unwrap()
        };
        let deep_div = "<div>".repeat(n) + "日本語" + &"</div>".repeat(n);
        assert_eq!(texts(&deep_div), ["日本語"]);
        check(&deep_div);

        // Each <a> closes the one before: the last one keeps its end tag.
        let nested_a = "<a href=x>".repeat(n) + "リンク" + &"</a>".repeat(n);
        let units = check(&nested_a);
        assert_eq!(units.len(), 1);
        assert!(units[0].text.contains(&format!("<b{n}>リンク</b{n}>")));

        let many_p = "<p>段落".repeat(n);
        assert_eq!(check(&many_p).len(), n);

        let items = "<ul>".to_owned() + &"<div><li>項目</li>".repeat(n);
        assert_eq!(check(&items).len(), n);

        let cells = "<table><tr><td>".to_owned() + &"<div>セル</div><td>".repeat(n);
        assert_eq!(check(&cells).len(), n);

        let wide = "<p>".to_owned() + &"<b>字</b>".repeat(n) + "</p>";
        let units = check(&wide);
        assert_eq!(units.len(), 1);
        // The pairs reversed: still the same placeholders.
        let reversed: String = (1..=n).rev().map(|i| format!("<b{i}>字</b{i}>")).collect();
        let out = reassemble(&wide, |_| Fill::text(reversed.clone())).unwrap();
        assert!(out.rejected.is_empty());
        assert_eq!(out.html, wide);
    }

    #[test]
    fn malformed_html_never_panics_and_round_trips() {
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

    #[test]
    fn limits_refuse_a_page_as_soon_as_it_is_past_one() {
        let deep = "<b>".repeat(20_000) + "深い" + &"</b>".repeat(5);
        assert!(matches!(
            segment(&deep),
            Err(SegmentError::TooDeep { limit: 512 })
        ));
        // Under a higher limit the same page segments and round-trips.
        let limits = Limits {
            max_depth: 20_001,
            ..Limits::default()
        };
        let page = Segmented::with_limits(&deep, &limits).unwrap();
        assert_eq!(page.units().len(), 1);
        assert_eq!(page.reassemble(|_| Fill::keep()).unwrap().html, deep);
        let out = page.reassemble(|u| Fill::text(u.text.clone())).unwrap();
        assert!(out.rejected.is_empty());
        assert_eq!(out.html, deep);
        // 512 open elements are fine, 513 are not.
        let at_limit = "<div>".repeat(511) + "<p>本文";
        assert_eq!(texts(&at_limit), ["本文"]);
        let past = "<div>".repeat(512) + "<p>本文";
        assert!(matches!(
            Segmented::new(&past),
            Err(SegmentError::TooDeep { limit: 512 })
        ));
        // Skipped content counts too: it is still nesting.
        let hidden = "<script></script>".to_owned() + &"<template>".repeat(600);
        assert!(matches!(
            segment(&hidden),
            Err(SegmentError::TooDeep { limit: 512 })
        ));

        let units = Limits {
            max_units: 3,
            ..Limits::default()
        };
        let three = "<p>一</p><p>二</p><img alt=\"三\">";
        assert_eq!(
            Segmented::with_limits(three, &units).unwrap().units().len(),
            3
        );
        for four in [
            "<p>一</p><p>二</p><img alt=\"三\"><p>四</p>",
            "<title>題</title><p>一</p><p>二</p><img alt=\"三\">",
            "<p>一</p><p>二</p><p>三<img alt=\"四\"></p>",
        ] {
            assert!(
                matches!(
                    Segmented::with_limits(four, &units),
                    Err(SegmentError::TooManyUnits { limit: 3 })
                ),
                "{four}"
            );
        }
        let many_p = "<p>段落".repeat(20_001);
        assert!(matches!(
            segment(&many_p),
            Err(SegmentError::TooManyUnits { limit: 20_000 })
        ));

        // A comment cut by the end of the input is buffered by lol_html.
        let memory = Limits {
            max_tokenizer_memory: 64 << 10,
            ..Limits::default()
        };
        let cut = "<p>前</p><!--".to_owned() + &"長い注釈".repeat(20_000);
        assert!(matches!(
            Segmented::with_limits(&cut, &memory),
            Err(SegmentError::TooMuchMemory { limit: 65_536 })
        ));
        assert!(Segmented::new(&cut).is_ok());
        assert_eq!(
            segment(&deep).unwrap_err().to_string(),
            "the page nests elements deeper than 512"
        );
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
}
