//! Files for translators' tools: XLIFF 2.0 out and in, per page and target
//! language, and TMX 1.4b out for the whole translation memory.
//!
//! Translators work in CAT tools, not in a web form: they want a page's units
//! as a file they can open, translate offline and send back, and the memory as
//! a file their own tools can reuse. This module only converts; it reads no
//! store and serves no HTTP, so the caller decides what an import changes.
//!
//! # XLIFF 2.0
//!
//! [`xliff_export`] writes one `<file>` (its `original` is the page) with one
//! `<unit id="u-KEY">` per unit, where `KEY` is the unit key: the prefix keeps
//! the id an NMTOKEN that starts with a letter, and [`xliff_import`] strips it
//! (an id without it is taken as the key itself). Each unit carries, in the
//! Metadata module (`mda:`), a `metaGroup` of category `honyaku` with the
//! override `version` (the optimistic-concurrency token) and the honyaku
//! `state`, then the notes, then one `<segment>`:
//!
//! | honyaku state  | `state`      | `subState`             |
//! |----------------|--------------|------------------------|
//! | no target      | `initial`    |                        |
//! | `machine`      | `translated` |                        |
//! | `needs-review` | `translated` | `honyaku:needs-review` |
//! | `approved`     | `final`      |                        |
//!
//! Placeholders become XLIFF inline codes with the placeholder as id, so a
//! CAT tool shows them as tags and copies them into the target: `<bN>…</bN>`
//! is `<pc id="bN">…</pc>`, `<xN/>` is `<ph id="xN"/>` and `<pN/>` is
//! `<ph id="pN"/>`. A text whose pairs do not nest (never true of a valid
//! unit) is written with `<sc id="bN"/>`/`<ec startRef="bN"/>`, so the file
//! stays well-formed. Characters XML 1.0 cannot carry (C0 controls other than
//! tab, newline and carriage return) are written as `<cp hex="…"/>`.
//!
//! Round trip: for text in the canonical placeholder form (as
//! [`escape_text`] writes it) `xliff_import(xliff_export(…))` gives back the
//! same targets byte for byte.
//!
//! # Importing
//!
//! [`xliff_import`] reads what CAT tools write back, within reason:
//!
//! * paired codes as `<pc>` or as `<sc id>`…`<ec startRef>` (also an isolated
//!   `<ec id>`), standalone codes as `<ph>`, and `<cp>`;
//! * an id without its letter (`<pc id="1">`) when the unit's source has a
//!   code of that number and of the same kind (numbers are unique per unit);
//!   in the source itself, a bare paired id is `bN` and a bare `ph` is `xN`;
//! * annotations (`<mrk>`, elements of other namespaces) keep their text;
//!   `<sm/>`/`<em/>` markers are dropped;
//! * a unit split into several `<segment>`/`<ignorable>`: the targets are
//!   joined in document order (an ignorable without target counts as its
//!   source); the first segment's state is the unit's.
//!
//! Problems that concern one unit (an inline code that matches nothing in its
//! source, a target missing in one segment of several, a version that is not
//! a number) do not abort the file: that unit comes back with
//! [`ImportedUnit::problem`] set and no target, and the other units import.
//! Problems with the file itself are an [`ExchangeError`].
//!
//! Importing is safe on untrusted input: a DOCTYPE is refused outright (XLIFF
//! needs none, and entity declarations are how XML bombs and external-entity
//! reads work), and only the five predefined entities and character
//! references are decoded. The caller caps the input size. Text in a target
//! is text: a translator's `<script>` arrives as `&lt;script&gt;` in
//! placeholder form, which the page renders as visible text.
//!
//! The caller must still run [`crate::placeholder::check_placeholders`] on each
//! imported target against the unit's current source, and compare
//! [`ImportedUnit::version`] with the override's current version.
//!
//! # TMX 1.4b
//!
//! [`tmx_export`] writes one `<tu>` per translation-memory entry (unit,
//! target, provider, model, glossary and segmenter version) and one per
//! translator override, with honyaku's bookkeeping in `x-honyaku-*` props.
//! Placeholders become `<bpt>`/`<ept>` (or `<it>` when unpaired) and `<ph>`,
//! each holding the placeholder itself as its native code, so importing tools
//! match them across languages. TMX has no `<cp>`, so characters XML cannot
//! carry become U+FFFD there.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use crate::i18n::Lang;
use crate::placeholder::{Piece, Placeholder, PlaceholderKind, escape_text, pieces, unescape_text};
use crate::store::{Override, OverrideState, TmEntry, utc_day};

/// XLIFF 2.0 core namespace (XLIFF 2.1 keeps it).
const XLIFF_NS: &str = "urn:oasis:names:tc:xliff:document:2.0";
/// XLIFF 2.0 Metadata module namespace.
const MDA_NS: &str = "urn:oasis:names:tc:xliff:metadata:2.0";
/// Prefix of unit ids in XLIFF files; see the module documentation.
const UNIT_ID_PREFIX: &str = "u-";
/// `category` of the metadata group honyaku writes and reads.
const META_CATEGORY: &str = "honyaku";
/// `subState` of a unit whose override needs review.
const NEEDS_REVIEW_SUBSTATE: &str = "honyaku:needs-review";

/// Where a unit's translation stands, as the translators' API and files say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum UnitState {
    /// Served from machine translation (or not translated yet).
    Machine,
    /// A translator's override, served.
    Approved,
    /// A translator's override that is flagged and not served.
    NeedsReview,
}

impl UnitState {
    /// `machine`, `approved` or `needs-review`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            UnitState::Machine => "machine",
            UnitState::Approved => "approved",
            UnitState::NeedsReview => "needs-review",
        }
    }

    /// The reverse of [`UnitState::as_str`].
    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "machine" => Some(UnitState::Machine),
            "approved" => Some(UnitState::Approved),
            "needs-review" => Some(UnitState::NeedsReview),
            _ => None,
        }
    }

    /// The XLIFF segment `state` (see the table in the module documentation).
    const fn xliff_state(self) -> &'static str {
        match self {
            UnitState::Machine | UnitState::NeedsReview => "translated",
            UnitState::Approved => "final",
        }
    }
}

impl From<OverrideState> for UnitState {
    fn from(state: OverrideState) -> Self {
        match state {
            OverrideState::Approved => UnitState::Approved,
            OverrideState::NeedsReview => UnitState::NeedsReview,
        }
    }
}

/// One unit of a page as [`xliff_export`] writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExchangeUnit {
    /// The unit key (hex SHA-256): the stable id of the unit.
    pub id: String,
    /// Japanese unit text, placeholder form.
    pub source: String,
    /// The translation served now (override or machine), placeholder form;
    /// `None` when the unit is not translated.
    pub target: Option<String>,
    pub state: UnitState,
    /// Override version, 0 when there is no override: the If-Match token.
    pub version: i64,
    /// Free notes for the translator (`machine: deepl`, `previous source: …`).
    pub notes: Vec<String>,
}

/// What [`xliff_import`] read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XliffFile {
    /// The `original` of the `<file>`: the page it was exported for.
    pub page: String,
    /// Always Japanese ([`xliff_import`] refuses anything else).
    pub source_lang: Lang,
    pub target_lang: Lang,
    /// In document order.
    pub units: Vec<ImportedUnit>,
}

/// One unit read back from an XLIFF file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedUnit {
    /// The unit key (the `u-` prefix removed).
    pub id: String,
    /// The override version the file was exported at, from the metadata;
    /// `None` when the file has none (made by another tool).
    pub version: Option<i64>,
    /// From the segment `state`/`subState` (which CAT tools edit), else from
    /// the honyaku metadata; `None` for `initial` or when neither is there.
    pub state: Option<UnitState>,
    /// The target in placeholder form; `None` when missing or empty (no
    /// change), and whenever [`ImportedUnit::problem`] is set.
    pub target: Option<String>,
    /// Hex SHA-256 of the target as exported, from the metadata: a target
    /// that still hashes to it was not edited, whatever readers get now.
    pub exported_target_sha256: Option<String>,
    /// Why this unit cannot be imported, naming the unit; the rest of the file
    /// is still usable.
    pub problem: Option<String>,
}

/// Why an XLIFF file cannot be imported at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExchangeError {
    /// Not well-formed XML (or an entity other than the predefined five).
    #[error("XML syntax error on line {line}: {message}")]
    Syntax { line: usize, message: String },
    /// A `<!DOCTYPE …>`: refused so no entity can be declared.
    #[error(
        "line {line}: DOCTYPE declarations are refused (XLIFF needs none, and \
         entity declarations can expand without bound or read files)"
    )]
    Doctype { line: usize },
    /// The root is not an XLIFF 2.x `<xliff>` element.
    #[error("not an XLIFF 2.0 document: {0}")]
    NotXliff2(String),
    /// `<xliff>` without `srcLang` or `trgLang`.
    #[error("the <xliff> element has no {0} attribute")]
    MissingLanguage(&'static str),
    /// A language honyaku does not translate from or to.
    #[error("unsupported language {code:?} in {attribute} (expected {expected})")]
    UnsupportedLanguage {
        attribute: &'static str,
        code: String,
        expected: &'static str,
    },
    /// Exactly one `<file>` (one page) per import.
    #[error("expected exactly one <file> element, found {0}")]
    FileCount(usize),
    /// The `<file>` does not say which page it is.
    #[error("the <file> element has no original attribute (the page)")]
    MissingPage,
    /// A `<unit>` without `id`.
    #[error("line {line}: a <unit> without an id")]
    UnitWithoutId { line: usize },
    /// The same unit twice: which target wins would be a guess.
    #[error("line {line}: unit {id} appears more than once")]
    DuplicateUnit { id: String, line: usize },
}

// ---------------------------------------------------------------------------
// Writing XML
// ---------------------------------------------------------------------------

/// Characters XML 1.0 cannot carry at all, even as references.
fn xml_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Escapes `text` as XML character data. Carriage returns become `&#13;`
/// (a parser would turn a literal one into a newline); forbidden characters
/// become `<cp hex="…"/>` when `cp` (XLIFF content), else U+FFFD.
fn push_text(out: &mut String, text: &str, cp: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c if xml_forbidden(c) => {
                if cp {
                    let _ = write!(out, "<cp hex=\"{:04X}\"/>", u32::from(c));
                } else {
                    out.push('\u{FFFD}');
                }
            }
            c => out.push(c),
        }
    }
}

/// Escapes `value` for a double-quoted attribute; whitespace other than space
/// is written as references so attribute normalisation keeps it.
fn push_attr(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if xml_forbidden(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// The pieces of placeholder-form text and whether its pairs nest properly;
/// `None` when it is not valid placeholder text.
fn split(text: &str) -> Option<(Vec<Piece<'_>>, bool)> {
    let pieces = pieces(text).ok()?;
    let mut open = Vec::new();
    let mut nested = true;
    for piece in &pieces {
        match *piece {
            Piece::Open(n) => open.push(n),
            Piece::Close(n) => nested &= open.pop() == Some(n),
            _ => {}
        }
    }
    Some((pieces, nested && open.is_empty()))
}

/// Writes placeholder-form text as XLIFF `<source>`/`<target>` content.
fn push_xliff_content(out: &mut String, text: &str) {
    let Some((pieces, nested)) = split(text) else {
        // Not placeholder text: keep what it says, as text.
        push_text(out, &unescape_text(text), true);
        return;
    };
    for piece in pieces {
        match piece {
            Piece::Text(t) => push_text(out, &unescape_text(t), true),
            Piece::Open(n) if nested => {
                let _ = write!(out, "<pc id=\"b{n}\">");
            }
            Piece::Close(_) if nested => out.push_str("</pc>"),
            Piece::Open(n) => {
                let _ = write!(out, "<sc id=\"b{n}\"/>");
            }
            Piece::Close(n) => {
                let _ = write!(out, "<ec startRef=\"b{n}\"/>");
            }
            Piece::Void(n) => {
                let _ = write!(out, "<ph id=\"x{n}\"/>");
            }
            Piece::Protected(n) => {
                let _ = write!(out, "<ph id=\"p{n}\"/>");
            }
        }
    }
}

/// Writes placeholder-form text as TMX `<seg>` content: paired placeholders
/// as `<bpt>`/`<ept>` (`<it>` when unpaired), the others as `<ph>`, each with
/// the placeholder as its native code.
fn push_tmx_content(out: &mut String, text: &str) {
    let Some((pieces, nested)) = split(text) else {
        push_text(out, &unescape_text(text), false);
        return;
    };
    for piece in pieces {
        match piece {
            Piece::Text(t) => push_text(out, &unescape_text(t), false),
            Piece::Open(n) if nested => {
                let _ = write!(out, "<bpt i=\"{n}\" x=\"{n}\">&lt;b{n}&gt;</bpt>");
            }
            Piece::Close(n) if nested => {
                let _ = write!(out, "<ept i=\"{n}\">&lt;/b{n}&gt;</ept>");
            }
            Piece::Open(n) => {
                let _ = write!(out, "<it pos=\"begin\" x=\"{n}\">&lt;b{n}&gt;</it>");
            }
            Piece::Close(n) => {
                let _ = write!(out, "<it pos=\"end\" x=\"{n}\">&lt;/b{n}&gt;</it>");
            }
            Piece::Void(n) => {
                let _ = write!(out, "<ph x=\"{n}\">&lt;x{n}/&gt;</ph>");
            }
            Piece::Protected(n) => {
                let _ = write!(out, "<ph x=\"{n}\">&lt;p{n}/&gt;</ph>");
            }
        }
    }
}

// ---------------------------------------------------------------------------
// XLIFF export
// ---------------------------------------------------------------------------

/// The units of one page as an XLIFF 2.0 document for `target`.
///
/// Never fails: text that is not valid placeholder text is written as text.
#[must_use]
pub fn xliff_export(page: &str, target: Lang, units: &[ExchangeUnit]) -> String {
    let mut out = String::with_capacity(512 + units.len() * 640);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<xliff xmlns=\"{XLIFF_NS}\" xmlns:mda=\"{MDA_NS}\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">",
        Lang::SOURCE.code(),
        target.code()
    );
    // xml:space="preserve": a unit's inner line breaks and runs of spaces are
    // part of its text, and must survive tools that normalise whitespace.
    out.push_str("  <file id=\"f1\" original=\"");
    push_attr(&mut out, page);
    out.push_str("\" xml:space=\"preserve\">\n");
    for unit in units {
        push_xliff_unit(&mut out, unit);
    }
    out.push_str("  </file>\n</xliff>\n");
    out
}

/// The metadata entry holding [`target_sha256`] of the exported target.
const TARGET_SHA256_META: &str = "target-sha256";

/// Hex SHA-256 of a target in placeholder form, as written on export.
pub fn target_sha256(target: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(target.as_bytes()))
}

fn push_xliff_unit(out: &mut String, unit: &ExchangeUnit) {
    out.push_str("    <unit id=\"");
    push_attr(out, UNIT_ID_PREFIX);
    push_attr(out, &unit.id);
    out.push_str("\">\n");
    let _ = write!(
        out,
        "      <mda:metadata>\n        <mda:metaGroup category=\"{META_CATEGORY}\">\n          \
         <mda:meta type=\"version\">{}</mda:meta>\n          \
         <mda:meta type=\"state\">{}</mda:meta>\n",
        unit.version,
        unit.state.as_str()
    );
    if let Some(target) = &unit.target {
        let _ = writeln!(
            out,
            "          <mda:meta type=\"{TARGET_SHA256_META}\">{}</mda:meta>",
            target_sha256(target)
        );
    }
    out.push_str("        </mda:metaGroup>\n      </mda:metadata>\n");
    if !unit.notes.is_empty() {
        out.push_str("      <notes>\n");
        for note in &unit.notes {
            out.push_str("        <note>");
            push_text(out, note, false);
            out.push_str("</note>\n");
        }
        out.push_str("      </notes>\n");
    }
    match &unit.target {
        Some(_) if unit.state == UnitState::NeedsReview => {
            let _ = writeln!(
                out,
                "      <segment state=\"translated\" subState=\"{NEEDS_REVIEW_SUBSTATE}\">"
            );
        }
        Some(_) => {
            let _ = writeln!(
                out,
                "      <segment state=\"{}\">",
                unit.state.xliff_state()
            );
        }
        // XLIFF wants `initial` for a segment without a target.
        None => out.push_str("      <segment state=\"initial\">\n"),
    }
    out.push_str("        <source>");
    push_xliff_content(out, &unit.source);
    out.push_str("</source>\n");
    if let Some(target) = &unit.target {
        out.push_str("        <target>");
        push_xliff_content(out, target);
        out.push_str("</target>\n");
    }
    out.push_str("      </segment>\n    </unit>\n");
}

// ---------------------------------------------------------------------------
// XLIFF import
// ---------------------------------------------------------------------------

/// Reads an XLIFF 2.0 file written by [`xliff_export`] and edited by a
/// translator (or written by a CAT tool from one).
///
/// # Errors
///
/// An [`ExchangeError`] when the file as a whole cannot be used; problems of
/// single units are in [`ImportedUnit::problem`] instead.
pub fn xliff_import(xml: &str) -> Result<XliffFile, ExchangeError> {
    let mut reader = NsReader::from_str(xml);
    let mut importer = Importer::default();
    let mut utf8 = [0; 4];
    let mut lines = LineCounter::default();
    loop {
        let line = lines.line_at(xml, reader.buffer_position());
        let (ns, event) = match reader.read_resolved_event() {
            Ok((ns, event)) => (Ns::of(&ns), event),
            Err(err) => {
                return Err(ExchangeError::Syntax {
                    line: line_at(xml, reader.error_position()),
                    message: err.to_string(),
                });
            }
        };
        match event {
            Event::DocType(_) => return Err(ExchangeError::Doctype { line }),
            Event::Start(e) => importer.start(ns, &e, line)?,
            Event::Empty(e) => {
                importer.start(ns, &e, line)?;
                importer.end(line)?;
            }
            Event::End(_) => importer.end(line)?,
            Event::Text(t) => {
                let text = t.xml10_content().map_err(|err| syntax(line, &err))?;
                importer.text(&text);
            }
            Event::CData(t) => {
                let text = t.xml10_content().map_err(|err| syntax(line, &err))?;
                importer.text(&text);
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().map_err(|err| syntax(line, &err))? {
                    Some(c) => c,
                    None => {
                        let name = r.decode().map_err(|err| syntax(line, &err))?;
                        predefined_entity(&name).ok_or_else(|| ExchangeError::Syntax {
                            line,
                            message: format!("undefined entity &{name};"),
                        })?
                    }
                };
                importer.text(c.encode_utf8(&mut utf8));
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    importer.finish(line_at(xml, reader.buffer_position()))
}

fn syntax(line: usize, err: &dyn std::fmt::Display) -> ExchangeError {
    ExchangeError::Syntax {
        line,
        message: err.to_string(),
    }
}

/// 1-based line of a byte offset.
fn line_at(xml: &str, position: u64) -> usize {
    LineCounter::default().line_at(xml, position)
}

/// Line numbers of increasing byte offsets, counting each newline once, so
/// knowing the line of every event costs one pass over the input.
#[derive(Debug)]
struct LineCounter {
    offset: usize,
    line: usize,
}

impl Default for LineCounter {
    fn default() -> Self {
        Self { offset: 0, line: 1 }
    }
}

impl LineCounter {
    fn line_at(&mut self, xml: &str, position: u64) -> usize {
        let end = usize::try_from(position)
            .unwrap_or(usize::MAX)
            .min(xml.len());
        if end < self.offset {
            *self = Self::default();
        }
        let bytes = xml.as_bytes().get(self.offset..end).unwrap_or_default();
        self.line += bytes.iter().filter(|&&b| b == b'\n').count();
        self.offset = end;
        self.line
    }
}

fn predefined_entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// A language of ours by its code, ignoring ASCII case (`zh-hans`).
fn lang_from_code(code: &str) -> Option<Lang> {
    let code = code.trim();
    Lang::ALL
        .into_iter()
        .find(|l| l.code().eq_ignore_ascii_case(code))
}

/// The namespace of an element, as far as this module cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Core,
    Mda,
    Other,
}

impl Ns {
    fn of(resolved: &ResolveResult<'_>) -> Self {
        match resolved {
            ResolveResult::Bound(ns) if ns.as_ref() == XLIFF_NS.as_bytes() => Ns::Core,
            ResolveResult::Bound(ns) if ns.as_ref() == MDA_NS.as_bytes() => Ns::Mda,
            _ => Ns::Other,
        }
    }
}

/// The value of attribute `name` (unprefixed, or exactly as written).
fn attr(e: &BytesStart<'_>, name: &str, line: usize) -> Result<Option<String>, ExchangeError> {
    for a in e.attributes() {
        let a = a.map_err(|err| syntax(line, &err))?;
        if a.key.as_ref() == name.as_bytes() {
            let value = a
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|err| syntax(line, &err))?;
            return Ok(Some(value.into_owned()));
        }
    }
    Ok(None)
}

/// What an open element is, for the import state machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    Root,
    File,
    Group,
    Unit,
    Metadata,
    MetaGroup {
        ours: bool,
    },
    Meta,
    Segment,
    Ignorable,
    Source,
    Target,
    /// `<pc>`: closing it closes the paired code.
    Pc,
    /// Its text counts as content (`<mrk>`, other namespaces).
    Transparent,
    /// Ignored with everything inside.
    Skip,
}

/// Where text inside the current element goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sink {
    None,
    Source,
    Target,
    Version,
    State,
    TargetSha256,
}

#[derive(Debug)]
struct Open {
    frame: Frame,
    sink: Sink,
    /// For [`Frame::Pc`]: its id, to close.
    pc_id: String,
}

/// Inline content as read, before ids are resolved.
#[derive(Debug, Clone)]
enum Tok {
    Text(String),
    /// `<pc>` or `<sc>`, with the id as written.
    Open(String),
    /// `</pc>` or `<ec>`, with the id (or `startRef`) as written.
    Close(String),
    /// `<ph>`.
    Standalone(String),
}

#[derive(Debug, Default)]
struct UnitBuilder {
    /// As written in the file, for messages.
    id: String,
    line: usize,
    version: Option<String>,
    meta_state: Option<String>,
    meta_target_sha256: Option<String>,
    /// `state` and `subState` of the first segment.
    segment_state: Option<(Option<String>, Option<String>)>,
    source: Vec<Tok>,
    target: Vec<Tok>,
    segments: usize,
    segments_with_target: usize,
    /// 1-based numbers of segments without a target.
    missing: Vec<usize>,
    current_source: Vec<Tok>,
    current_target: Option<Vec<Tok>>,
    problem: Option<String>,
}

impl UnitBuilder {
    fn problem(&mut self, message: String) {
        self.problem.get_or_insert(message);
    }

    /// Moves the segment just read into the unit.
    fn end_segment(&mut self, ignorable: bool) {
        self.segments += 1;
        let source = std::mem::take(&mut self.current_source);
        match self.current_target.take() {
            Some(target) => {
                self.segments_with_target += 1;
                self.target.extend(target);
            }
            // An ignorable's target defaults to its source (whitespace, codes).
            None if ignorable => self.target.extend(source.iter().cloned()),
            None => self.missing.push(self.segments),
        }
        self.source.extend(source);
    }

    fn state(&self) -> Option<UnitState> {
        match &self.segment_state {
            Some((Some(state), sub)) => match state.as_str() {
                "final" | "reviewed" => Some(UnitState::Approved),
                "translated" if sub.as_deref() == Some(NEEDS_REVIEW_SUBSTATE) => {
                    Some(UnitState::NeedsReview)
                }
                "translated" => Some(UnitState::Machine),
                _ => None,
            },
            _ => self
                .meta_state
                .as_deref()
                .and_then(|s| UnitState::parse(s.trim())),
        }
    }

    fn finish(mut self) -> ImportedUnit {
        let key = self
            .id
            .strip_prefix(UNIT_ID_PREFIX)
            .unwrap_or(&self.id)
            .to_owned();
        let version = match self.version.as_deref().map(str::trim) {
            None => None,
            Some(v) => match v.parse::<i64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    self.problem(format!("the version {v:?} is not a number"));
                    None
                }
            },
        };
        let state = self.state();
        let mut target = None;
        if self.problem.is_none() {
            match self.target_text() {
                Ok(t) => target = t,
                Err(message) => self.problem(message),
            }
        }
        ImportedUnit {
            problem: self.problem.map(|p| format!("unit {}: {p}", self.id)),
            id: key,
            version,
            state,
            target,
            exported_target_sha256: self
                .meta_target_sha256
                .map(|h| h.trim().to_ascii_lowercase())
                .filter(|h| !h.is_empty()),
        }
    }

    /// The target in placeholder form, `None` when there is none.
    fn target_text(&self) -> Result<Option<String>, String> {
        if self.segments_with_target == 0 {
            return Ok(None);
        }
        if let Some(n) = self.missing.first() {
            return Err(format!(
                "segment {n} of {} has no target while others have one",
                self.segments
            ));
        }
        let (_, codes) = placeholder_form(&self.source, None)
            .map_err(|message| format!("in the source: {message}"))?;
        let (text, _) = placeholder_form(&self.target, Some(&codes))?;
        Ok(Some(text).filter(|t| !t.is_empty()))
    }
}

/// Parses `N` as placeholders number it: digits, no leading zero, not 0.
fn placeholder_number(s: &str) -> Option<u32> {
    if s.starts_with('0') || s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// The placeholder an inline code id stands for (see the module
/// documentation). `source` is the codes of the unit's source when resolving
/// a target, `None` when resolving the source itself.
fn resolve(id: &str, paired: bool, source: Option<&[Placeholder]>) -> Result<Placeholder, String> {
    if id.is_empty() {
        return Err("an inline code has no id".to_owned());
    }
    let mut chars = id.chars();
    let lettered = match (chars.next(), placeholder_number(chars.as_str())) {
        (Some('b'), Some(n)) => Some(Placeholder::paired(n)),
        (Some('x'), Some(n)) => Some(Placeholder::void(n)),
        (Some('p'), Some(n)) => Some(Placeholder::protected(n)),
        _ => None,
    };
    let placeholder = match (lettered, placeholder_number(id), source) {
        (Some(p), _, _) => p,
        (None, Some(n), None) if paired => Placeholder::paired(n),
        (None, Some(n), None) => Placeholder::void(n),
        (None, Some(n), Some(codes)) => codes
            .iter()
            .copied()
            .find(|p| p.id == n)
            .ok_or_else(|| format!("inline code {id:?} matches no code of the source"))?,
        (None, None, _) => {
            return Err(format!(
                "inline code id {id:?} is not one of honyaku's (b1, x2, p3…)"
            ));
        }
    };
    if (placeholder.kind == PlaceholderKind::Paired) != paired {
        let element = if paired { "a paired" } else { "a standalone" };
        return Err(format!(
            "inline code {id:?} is {element} code but {placeholder} is not"
        ));
    }
    if let Some(codes) = source {
        if !codes.contains(&placeholder) {
            return Err(format!("inline code {placeholder} is not in the source"));
        }
    }
    Ok(placeholder)
}

/// Tokens to placeholder-form text, and the placeholders met (each once).
fn placeholder_form(
    tokens: &[Tok],
    source: Option<&[Placeholder]>,
) -> Result<(String, Vec<Placeholder>), String> {
    let mut out = String::new();
    let mut codes = Vec::new();
    for tok in tokens {
        match tok {
            Tok::Text(t) => out.push_str(&escape_text(t)),
            Tok::Open(id) => {
                let p = resolve(id, true, source)?;
                let _ = write!(out, "<{p}>");
                codes.push(p);
            }
            Tok::Close(id) => {
                let p = resolve(id, true, source)?;
                let _ = write!(out, "</{p}>");
            }
            Tok::Standalone(id) => {
                let p = resolve(id, false, source)?;
                let _ = write!(out, "<{p}/>");
                codes.push(p);
            }
        }
    }
    Ok((out, codes))
}

/// The import state machine, fed one XML event at a time.
#[derive(Debug, Default)]
struct Importer {
    stack: Vec<Open>,
    root_done: bool,
    source_lang: Option<Lang>,
    target_lang: Option<Lang>,
    files: usize,
    page: Option<String>,
    unit: Option<UnitBuilder>,
    seen: HashSet<String>,
    units: Vec<ImportedUnit>,
}

impl Importer {
    fn start(&mut self, ns: Ns, e: &BytesStart<'_>, line: usize) -> Result<(), ExchangeError> {
        let name = e.local_name();
        let name = name.as_ref();
        let (parent, parent_sink) = match self.stack.last() {
            Some(open) => (Some(open.frame), open.sink),
            None => (None, Sink::None),
        };
        let mut pc_id = String::new();
        let frame = if matches!(parent_sink, Sink::Source | Sink::Target) {
            self.inline_start(ns, name, e, line, parent_sink, &mut pc_id)?
        } else {
            match (parent, ns, name) {
                (None, _, _) => self.root(ns, name, e, line)?,
                (Some(Frame::Root), Ns::Core, b"file") => {
                    self.files += 1;
                    if self.files == 1 {
                        self.page = attr(e, "original", line)?;
                    }
                    Frame::File
                }
                (Some(Frame::File | Frame::Group), Ns::Core, b"group") => Frame::Group,
                (Some(Frame::File | Frame::Group), Ns::Core, b"unit") => {
                    let id = attr(e, "id", line)?.filter(|id| !id.trim().is_empty());
                    let Some(id) = id else {
                        return Err(ExchangeError::UnitWithoutId { line });
                    };
                    self.unit = Some(UnitBuilder {
                        id: id.trim().to_owned(),
                        line,
                        ..UnitBuilder::default()
                    });
                    Frame::Unit
                }
                (Some(Frame::Unit), Ns::Mda, b"metadata") => Frame::Metadata,
                (Some(Frame::Metadata | Frame::MetaGroup { .. }), Ns::Mda, b"metaGroup") => {
                    let ours = attr(e, "category", line)?.as_deref() == Some(META_CATEGORY);
                    Frame::MetaGroup { ours }
                }
                (Some(Frame::MetaGroup { ours: true }), Ns::Mda, b"meta") => {
                    let sink = match attr(e, "type", line)?.as_deref() {
                        Some("version") => Sink::Version,
                        Some("state") => Sink::State,
                        Some(TARGET_SHA256_META) => Sink::TargetSha256,
                        _ => Sink::None,
                    };
                    self.stack.push(Open {
                        frame: Frame::Meta,
                        sink,
                        pc_id,
                    });
                    return Ok(());
                }
                (Some(Frame::Unit), Ns::Core, b"segment") => {
                    if let Some(unit) = &mut self.unit {
                        if unit.segment_state.is_none() {
                            unit.segment_state =
                                Some((attr(e, "state", line)?, attr(e, "subState", line)?));
                        }
                    }
                    Frame::Segment
                }
                (Some(Frame::Unit), Ns::Core, b"ignorable") => Frame::Ignorable,
                (Some(Frame::Segment | Frame::Ignorable), Ns::Core, b"source") => Frame::Source,
                (Some(Frame::Segment | Frame::Ignorable), Ns::Core, b"target") => {
                    if let Some(unit) = &mut self.unit {
                        if attr(e, "order", line)?.is_some() {
                            unit.problem("targets reordered with order= are not supported".into());
                        }
                        unit.current_target.get_or_insert_with(Vec::new);
                    }
                    Frame::Target
                }
                _ => Frame::Skip,
            }
        };
        let sink = match frame {
            Frame::Source => Sink::Source,
            Frame::Target => Sink::Target,
            Frame::Pc | Frame::Transparent => parent_sink,
            _ => Sink::None,
        };
        self.stack.push(Open { frame, sink, pc_id });
        Ok(())
    }

    /// Checks the root element and reads the languages.
    fn root(
        &mut self,
        ns: Ns,
        name: &[u8],
        e: &BytesStart<'_>,
        line: usize,
    ) -> Result<Frame, ExchangeError> {
        if self.root_done {
            return Err(ExchangeError::Syntax {
                line,
                message: "a second root element".to_owned(),
            });
        }
        if name != b"xliff" || ns != Ns::Core {
            return Err(ExchangeError::NotXliff2(format!(
                "the root element is <{}> in {}",
                String::from_utf8_lossy(e.name().as_ref()),
                if name == b"xliff" {
                    "another namespace (XLIFF 1.2?)"
                } else {
                    "a namespace other than XLIFF 2.0's"
                }
            )));
        }
        match attr(e, "version", line)?.as_deref() {
            // 2.1 is 2.0 core plus modules, in the same namespace.
            Some("2.0" | "2.1") => {}
            Some(v) => return Err(ExchangeError::NotXliff2(format!("version {v:?}"))),
            None => return Err(ExchangeError::NotXliff2("no version attribute".into())),
        }
        let src = attr(e, "srcLang", line)?.ok_or(ExchangeError::MissingLanguage("srcLang"))?;
        match lang_from_code(&src) {
            Some(Lang::Ja) => self.source_lang = Some(Lang::Ja),
            _ => {
                return Err(ExchangeError::UnsupportedLanguage {
                    attribute: "srcLang",
                    code: src,
                    expected: "ja",
                });
            }
        }
        let trg = attr(e, "trgLang", line)?.ok_or(ExchangeError::MissingLanguage("trgLang"))?;
        match lang_from_code(&trg) {
            Some(lang) if lang != Lang::SOURCE => self.target_lang = Some(lang),
            _ => {
                return Err(ExchangeError::UnsupportedLanguage {
                    attribute: "trgLang",
                    code: trg,
                    expected: "en, zh-Hans, zh-Hant or ko",
                });
            }
        }
        Ok(Frame::Root)
    }

    /// An element inside `<source>` or `<target>`.
    fn inline_start(
        &mut self,
        ns: Ns,
        name: &[u8],
        e: &BytesStart<'_>,
        line: usize,
        side: Sink,
        pc_id: &mut String,
    ) -> Result<Frame, ExchangeError> {
        if ns != Ns::Core {
            return Ok(Frame::Transparent);
        }
        let id = || attr(e, "id", line).map(Option::unwrap_or_default);
        let frame = match name {
            b"pc" => {
                *pc_id = id()?;
                self.push_tok(side, Tok::Open(pc_id.clone()));
                Frame::Pc
            }
            b"sc" => {
                self.push_tok(side, Tok::Open(id()?));
                Frame::Skip
            }
            b"ec" => {
                let start_ref = match attr(e, "startRef", line)? {
                    Some(r) => r,
                    None => id()?,
                };
                self.push_tok(side, Tok::Close(start_ref));
                Frame::Skip
            }
            b"ph" => {
                self.push_tok(side, Tok::Standalone(id()?));
                Frame::Skip
            }
            b"cp" => {
                let hex = attr(e, "hex", line)?.unwrap_or_default();
                match u32::from_str_radix(hex.trim(), 16)
                    .ok()
                    .and_then(char::from_u32)
                {
                    Some(c) => self.push_tok(side, Tok::Text(c.to_string())),
                    None => {
                        if let Some(unit) = &mut self.unit {
                            unit.problem(format!("<cp hex={hex:?}> is not a character"));
                        }
                    }
                }
                Frame::Skip
            }
            b"sm" | b"em" => Frame::Skip,
            _ => Frame::Transparent,
        };
        Ok(frame)
    }

    fn push_tok(&mut self, side: Sink, tok: Tok) {
        let Some(unit) = &mut self.unit else {
            return;
        };
        match side {
            Sink::Source => unit.current_source.push(tok),
            Sink::Target => unit.current_target.get_or_insert_with(Vec::new).push(tok),
            Sink::None | Sink::Version | Sink::State | Sink::TargetSha256 => {}
        }
    }

    fn text(&mut self, text: &str) {
        let sink = self.stack.last().map_or(Sink::None, |open| open.sink);
        match sink {
            Sink::Source | Sink::Target => {
                // Consecutive text (text, reference, text) makes one token.
                if let Some(unit) = &mut self.unit {
                    let tokens = match sink {
                        Sink::Source => &mut unit.current_source,
                        _ => unit.current_target.get_or_insert_with(Vec::new),
                    };
                    match tokens.last_mut() {
                        Some(Tok::Text(t)) => t.push_str(text),
                        _ => tokens.push(Tok::Text(text.to_owned())),
                    }
                }
            }
            Sink::Version | Sink::State | Sink::TargetSha256 => {
                if let Some(unit) = &mut self.unit {
                    let field = match sink {
                        Sink::Version => &mut unit.version,
                        Sink::State => &mut unit.meta_state,
                        _ => &mut unit.meta_target_sha256,
                    };
                    field.get_or_insert_with(String::new).push_str(text);
                }
            }
            Sink::None => {}
        }
    }

    fn end(&mut self, line: usize) -> Result<(), ExchangeError> {
        let Some(open) = self.stack.pop() else {
            return Err(ExchangeError::Syntax {
                line,
                message: "an end tag without a start tag".to_owned(),
            });
        };
        match open.frame {
            Frame::Root => self.root_done = true,
            Frame::Pc => self.push_tok(open.sink, Tok::Close(open.pc_id)),
            Frame::Segment | Frame::Ignorable => {
                if let Some(unit) = &mut self.unit {
                    unit.end_segment(open.frame == Frame::Ignorable);
                }
            }
            Frame::Unit => {
                if let Some(unit) = self.unit.take() {
                    let line = unit.line;
                    let imported = unit.finish();
                    if !self.seen.insert(imported.id.clone()) {
                        return Err(ExchangeError::DuplicateUnit {
                            id: imported.id,
                            line,
                        });
                    }
                    self.units.push(imported);
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn finish(self, line: usize) -> Result<XliffFile, ExchangeError> {
        if !self.stack.is_empty() || !self.root_done {
            return Err(ExchangeError::Syntax {
                line,
                message: "the document ends before the <xliff> element is closed".to_owned(),
            });
        }
        if self.files != 1 {
            return Err(ExchangeError::FileCount(self.files));
        }
        let (Some(source_lang), Some(target_lang)) = (self.source_lang, self.target_lang) else {
            return Err(ExchangeError::MissingLanguage("srcLang"));
        };
        Ok(XliffFile {
            page: self.page.ok_or(ExchangeError::MissingPage)?,
            source_lang,
            target_lang,
            units: self.units,
        })
    }
}

// ---------------------------------------------------------------------------
// TMX export
// ---------------------------------------------------------------------------

/// A Unix-millisecond timestamp as a TMX date, `YYYYMMDDThhmmssZ` (UTC).
fn tmx_date(unix_ms: i64) -> String {
    let day = utc_day(unix_ms).replace('-', "");
    let seconds = unix_ms.div_euclid(1000).rem_euclid(86_400);
    format!(
        "{day}T{:02}{:02}{:02}Z",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

fn push_prop(out: &mut String, kind: &str, value: &str) {
    out.push_str("      <prop type=\"");
    push_attr(out, kind);
    out.push_str("\">");
    push_text(out, value, false);
    out.push_str("</prop>\n");
}

fn push_tuv(out: &mut String, lang: Lang, text: &str) {
    let _ = write!(out, "      <tuv xml:lang=\"{}\"><seg>", lang.code());
    push_tmx_content(out, text);
    out.push_str("</seg></tuv>\n");
}

/// The translation memory and the translators' overrides as one TMX 1.4b
/// document, for reuse in other tools.
///
/// Each override is paired with the source it was written against
/// (`Override::source_text`), since that is what the translator translated;
/// `sources` (unit key → source text) is used when that is empty, and an
/// override with neither is left out. Overrides carry `changeid` (the
/// author) and, when flagged, an `x-honyaku-state` prop of `needs-review`.
#[must_use]
pub fn tmx_export(
    entries: &[TmEntry],
    overrides: &[Override],
    sources: &HashMap<String, String>,
) -> String {
    let mut out = String::with_capacity(256 + (entries.len() + overrides.len()) * 640);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n");
    let _ = writeln!(
        out,
        "  <header creationtool=\"honyaku\" creationtoolversion=\"{}\" segtype=\"sentence\" \
         o-tmf=\"honyaku\" adminlang=\"en\" srclang=\"{}\" datatype=\"html\"/>",
        env!("CARGO_PKG_VERSION"),
        Lang::SOURCE.code()
    );
    out.push_str("  <body>\n");
    for entry in entries {
        let _ = writeln!(
            out,
            "    <tu creationdate=\"{}\" lastusagedate=\"{}\">",
            tmx_date(entry.created_at),
            tmx_date(entry.used_at)
        );
        push_prop(&mut out, "x-honyaku-origin", entry.origin.as_str());
        push_prop(&mut out, "x-honyaku-provider", &entry.provider);
        if !entry.model.is_empty() {
            push_prop(&mut out, "x-honyaku-model", &entry.model);
        }
        push_prop(&mut out, "x-honyaku-unit", &entry.unit_key);
        push_prop(
            &mut out,
            "x-honyaku-glossary-version",
            &entry.glossary_version.to_string(),
        );
        push_prop(
            &mut out,
            "x-honyaku-segmenter-version",
            &entry.segmenter_version.to_string(),
        );
        push_tuv(&mut out, entry.source_lang, &entry.source_text);
        push_tuv(&mut out, entry.target_lang, &entry.text);
        out.push_str("    </tu>\n");
    }
    for o in overrides {
        // A flagged override was written for the Japanese before the edit:
        // paired with the new Japanese it would be a wrong exact match.
        let source = if let Some(previous) = &o.previous_source {
            previous.as_str()
        } else if o.source_text.is_empty() {
            match sources.get(&o.unit_key) {
                Some(s) => s.as_str(),
                None => continue,
            }
        } else {
            o.source_text.as_str()
        };
        let date = tmx_date(o.updated_at);
        let _ = write!(
            out,
            "    <tu creationdate=\"{date}\" changedate=\"{date}\" changeid=\""
        );
        push_attr(&mut out, &o.author);
        out.push_str("\">\n");
        push_prop(&mut out, "x-honyaku-origin", "translator");
        push_prop(&mut out, "x-honyaku-provider", "translator");
        push_prop(&mut out, "x-honyaku-unit", &o.unit_key);
        push_prop(&mut out, "x-honyaku-version", &o.version.to_string());
        if o.state == OverrideState::NeedsReview {
            push_prop(&mut out, "x-honyaku-state", o.state.as_str());
        }
        push_tuv(&mut out, Lang::SOURCE, source);
        push_tuv(&mut out, o.target_lang, &o.text);
        out.push_str("    </tu>\n");
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::placeholder::check_placeholders;
    use crate::translate::Origin;

    const KEY_A: &str = "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";
    const KEY_B: &str = "1111111111111111111111111111111111111111111111111111111111111111";
    const KEY_C: &str = "2222222222222222222222222222222222222222222222222222222222222222";
    const KEY_D: &str = "3333333333333333333333333333333333333333333333333333333333333333";
    const KEY_E: &str = "4444444444444444444444444444444444444444444444444444444444444444";

    fn units() -> Vec<ExchangeUnit> {
        vec![
            ExchangeUnit {
                id: KEY_A.into(),
                source: "厚生労働省は、<b1>令和7年度</b1>に<b2>セミナー</b2>を開催します。<x3/>詳細は下記。"
                    .into(),
                target: Some(
                    "The ministry will hold a <b2>seminar</b2> in <b1>FY2025</b1>.<x3/>Details below."
                        .into(),
                ),
                state: UnitState::Approved,
                version: 3,
                notes: vec!["machine: deepl".into(), "reviewed by <Aiko> & co".into()],
            },
            ExchangeUnit {
                id: KEY_B.into(),
                source: "<b1>外<b2>内</b2></b1>と&amp;と&lt;タグ&gt;と\"引用\"".into(),
                target: Some("<b1>outer <b2>inner</b2></b1> &amp; &lt;tag&gt; \"quoted\" 'x'".into()),
                state: UnitState::Machine,
                version: 0,
                notes: vec![],
            },
            ExchangeUnit {
                id: KEY_C.into(),
                source: "注意".into(),
                target: Some(escape_text("<script>alert(1)</script>")),
                state: UnitState::NeedsReview,
                version: 7,
                notes: vec!["previous source: 注意せよ".into()],
            },
            ExchangeUnit {
                id: KEY_D.into(),
                source: "未翻訳の文".into(),
                target: None,
                state: UnitState::Machine,
                version: 0,
                notes: vec![],
            },
            ExchangeUnit {
                id: KEY_E.into(),
                source: "電話<p1/>まで\r\n\tタブ\u{7}".into(),
                target: Some("Call <p1/>\r\n\ttab\u{7}".into()),
                state: UnitState::Machine,
                version: 0,
                notes: vec![],
            },
        ]
    }

    fn import(xml: &str) -> XliffFile {
        xliff_import(xml).unwrap_or_else(|e| panic!("{e}\n{xml}"))
    }

    #[test]
    fn round_trip_keeps_ids_versions_states_and_targets() {
        let units = units();
        let xml = xliff_export("mhlw/press/2025-07-23", Lang::En, &units);
        let file = import(&xml);
        assert_eq!(file.page, "mhlw/press/2025-07-23");
        assert_eq!(file.source_lang, Lang::Ja);
        assert_eq!(file.target_lang, Lang::En);
        assert_eq!(file.units.len(), units.len());
        for (exported, imported) in units.iter().zip(&file.units) {
            assert_eq!(imported.id, exported.id);
            assert_eq!(imported.version, Some(exported.version));
            assert_eq!(imported.target, exported.target, "{}", exported.id);
            assert_eq!(imported.problem, None);
            if exported.target.is_some() {
                assert_eq!(imported.state, Some(exported.state));
                let target = imported.target.as_deref().unwrap();
                check_placeholders(&exported.source, target).unwrap();
            } else {
                assert_eq!(imported.state, None, "initial");
            }
        }
    }

    #[test]
    fn export_escapes_and_uses_inline_codes() {
        let xml = xliff_export("a&b\"c", Lang::ZhHant, &units());
        assert!(xml.contains("original=\"a&amp;b&quot;c\""), "{xml}");
        assert!(xml.contains("trgLang=\"zh-Hant\""));
        assert!(xml.contains(
            "<source>厚生労働省は、<pc id=\"b1\">令和7年度</pc>に<pc id=\"b2\">セミナー</pc>を開催します。<ph id=\"x3\"/>詳細は下記。</source>"
        ));
        assert!(xml.contains("<target>&lt;script&gt;alert(1)&lt;/script&gt;</target>"));
        assert!(xml.contains("<note>reviewed by &lt;Aiko&gt; &amp; co</note>"));
        assert!(xml.contains("<ph id=\"p1\"/>"));
        assert!(xml.contains("&#13;\n\tタブ<cp hex=\"0007\"/>"));
        assert!(xml.contains("<segment state=\"final\">"));
        assert!(xml.contains("<segment state=\"translated\" subState=\"honyaku:needs-review\">"));
        assert!(xml.contains("<segment state=\"initial\">"));
        assert!(xml.contains(&format!("<unit id=\"u-{KEY_A}\">")));
        // Well-formed for a plain XML reader too.
        let mut reader = quick_xml::Reader::from_str(&xml);
        loop {
            if reader.read_event().unwrap() == Event::Eof {
                break;
            }
        }
    }

    #[test]
    fn declares_xliff_2_namespaces_and_languages() {
        let xml = xliff_export("p", Lang::Ko, &[]);
        let mut lines = xml.lines();
        assert_eq!(
            lines.next(),
            Some("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        );
        assert_eq!(
            lines.next(),
            Some(
                "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" \
                 xmlns:mda=\"urn:oasis:names:tc:xliff:metadata:2.0\" version=\"2.0\" \
                 srcLang=\"ja\" trgLang=\"ko\">"
            )
        );
        assert_eq!(
            lines.next(),
            Some("  <file id=\"f1\" original=\"p\" xml:space=\"preserve\">")
        );
        let file = import(&xml);
        assert_eq!(file.target_lang, Lang::Ko);
        assert!(file.units.is_empty());
    }

    #[test]
    fn editing_one_target_changes_only_that_unit() {
        let units = units();
        let xml = xliff_export("p", Lang::En, &units);
        let before = "<target>The ministry will hold a <pc id=\"b2\">seminar</pc>";
        let after =
            "<target>In <pc id=\"b1\">FY2025</pc> the ministry holds a <pc id=\"b2\">seminar</pc>";
        assert_eq!(xml.matches(before).count(), 1);
        let edited = xml.replace(
            "<target>The ministry will hold a <pc id=\"b2\">seminar</pc> in <pc id=\"b1\">FY2025</pc>.",
            &format!("{after}."),
        );
        assert_ne!(edited, xml);
        let file = import(&edited);
        for (exported, imported) in units.iter().zip(&file.units) {
            if exported.id == KEY_A {
                assert_eq!(
                    imported.target.as_deref(),
                    Some(
                        "In <b1>FY2025</b1> the ministry holds a <b2>seminar</b2>.<x3/>Details below."
                    )
                );
                check_placeholders(&exported.source, imported.target.as_deref().unwrap()).unwrap();
            } else {
                assert_eq!(imported.target, exported.target);
            }
        }
    }

    /// A hand-written file around one unit's segment content.
    fn doc(unit: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" \
             version=\"2.0\" srcLang=\"ja\" trgLang=\"en\"><file id=\"f\" original=\"page\">\
             {unit}</file></xliff>"
        )
    }

    fn one(unit: &str) -> ImportedUnit {
        let mut file = import(&doc(unit));
        assert_eq!(file.units.len(), 1);
        file.units.remove(0)
    }

    #[test]
    fn sc_ec_and_bare_ids_are_accepted() {
        let unit = one(
            "<unit id=\"u-k\"><segment><source><pc id=\"b1\">a</pc><ph id=\"x2\"/></source>\
             <target><sc id=\"b1\"/>A<ec startRef=\"b1\"/><ph id=\"2\"/></target></segment></unit>",
        );
        assert_eq!(unit.problem, None);
        assert_eq!(unit.target.as_deref(), Some("<b1>A</b1><x2/>"));
        assert_eq!(unit.version, None);
        assert_eq!(unit.state, None);

        // A tool that renumbered both sides without letters.
        let unit = one(
            "<unit id=\"k\"><segment state=\"reviewed\"><source><pc id=\"1\">a</pc><ph id=\"2\"/></source>\
             <target><pc id=\"1\">A</pc><ph id=\"2\"/></target></segment></unit>",
        );
        assert_eq!(unit.id, "k");
        assert_eq!(unit.target.as_deref(), Some("<b1>A</b1><x2/>"));
        assert_eq!(unit.state, Some(UnitState::Approved));
    }

    #[test]
    fn bare_id_of_the_wrong_kind_is_a_problem() {
        let unit = one(
            "<unit id=\"u-k\"><segment><source>a<ph id=\"x1\"/></source>\
             <target><pc id=\"1\">A</pc></target></segment></unit>",
        );
        assert_eq!(unit.target, None);
        let problem = unit.problem.unwrap();
        assert!(problem.contains("u-k"), "{problem}");
    }

    #[test]
    fn unknown_inline_ids_are_a_problem_of_that_unit_only() {
        let file = import(&doc("<unit id=\"u-bad\"><segment><source>a</source>\
             <target>A<ph id=\"x9\"/></target></segment></unit>\
             <unit id=\"u-odd\"><segment><source>a</source>\
             <target>A<ph id=\"image1\"/></target></segment></unit>\
             <unit id=\"u-good\"><segment><source>a</source><target>A</target></segment></unit>"));
        let [bad, odd, good] = file.units.as_slice() else {
            panic!("{:?}", file.units);
        };
        assert_eq!(bad.target, None);
        let problem = bad.problem.as_deref().unwrap();
        assert!(
            problem.contains("u-bad") && problem.contains("x9"),
            "{problem}"
        );
        assert_eq!(odd.target, None);
        let problem = odd.problem.as_deref().unwrap();
        assert!(
            problem.contains("u-odd") && problem.contains("image1"),
            "{problem}"
        );
        assert_eq!(good.target.as_deref(), Some("A"));
        assert_eq!(good.problem, None);
    }

    #[test]
    fn missing_or_empty_target_is_none() {
        let unit = one("<unit id=\"u-k\"><segment><source>a</source></segment></unit>");
        assert_eq!((unit.target, unit.problem), (None, None));
        let unit = one("<unit id=\"u-k\"><segment><source>a</source><target/></segment></unit>");
        assert_eq!((unit.target, unit.problem), (None, None));
        let unit =
            one("<unit id=\"u-k\"><segment><source>a</source><target></target></segment></unit>");
        assert_eq!((unit.target, unit.problem), (None, None));
    }

    #[test]
    fn annotations_keep_their_text_and_markup_in_text_stays_text() {
        let unit = one("<unit id=\"u-k\"><segment><source>a</source><target>\
             <mrk id=\"m1\" translate=\"no\">Tokyo</mrk> &lt;script&gt;x<sm id=\"s\"/>\
             <![CDATA[<b1>]]>&#x41;<em startRef=\"s\"/><other xmlns=\"urn:x\">!</other>\
             </target></segment></unit>");
        assert_eq!(unit.problem, None);
        assert_eq!(
            unit.target.as_deref(),
            Some("Tokyo &lt;script&gt;x&lt;b1&gt;A!")
        );
    }

    #[test]
    fn segments_of_a_unit_are_joined() {
        let unit = one(
            "<unit id=\"u-k\"><segment state=\"translated\" subState=\"honyaku:needs-review\">\
             <source>一。<sc id=\"b1\"/>二</source><target>One. <sc id=\"b1\"/>Two</target></segment>\
             <ignorable><source> </source></ignorable>\
             <segment><source>三<ec startRef=\"b1\"/></source><target>three<ec startRef=\"b1\"/></target></segment></unit>",
        );
        assert_eq!(unit.problem, None);
        assert_eq!(unit.target.as_deref(), Some("One. <b1>Two three</b1>"));
        assert_eq!(unit.state, Some(UnitState::NeedsReview));

        let unit = one(
            "<unit id=\"u-k\"><segment><source>一</source><target>One</target></segment>\
             <segment><source>二</source></segment></unit>",
        );
        assert_eq!(unit.target, None);
        assert!(unit.problem.unwrap().contains("segment 2"));
    }

    #[test]
    fn metadata_gives_version_and_fallback_state() {
        let unit = one(
            "<unit id=\"u-k\"><mda:metadata xmlns:mda=\"urn:oasis:names:tc:xliff:metadata:2.0\">\
             <mda:metaGroup category=\"other\"><mda:meta type=\"version\">99</mda:meta></mda:metaGroup>\
             <mda:metaGroup category=\"honyaku\"><mda:meta type=\"version\"> 12 </mda:meta>\
             <mda:meta type=\"state\">needs-review</mda:meta></mda:metaGroup></mda:metadata>\
             <segment><source>a</source><target>A</target></segment></unit>",
        );
        assert_eq!(unit.version, Some(12));
        assert_eq!(unit.state, Some(UnitState::NeedsReview));

        let unit = one(
            "<unit id=\"u-k\"><mda:metadata xmlns:mda=\"urn:oasis:names:tc:xliff:metadata:2.0\">\
             <mda:metaGroup category=\"honyaku\"><mda:meta type=\"version\">v3</mda:meta>\
             </mda:metaGroup></mda:metadata>\
             <segment><source>a</source><target>A</target></segment></unit>",
        );
        assert_eq!(unit.version, None);
        assert_eq!(unit.target, None);
        assert!(unit.problem.unwrap().contains("v3"));
    }

    #[test]
    fn doctype_is_refused() {
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n\
                   <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n\
                   <xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" \
                   srcLang=\"ja\" trgLang=\"en\"><file original=\"p\">&lol2;</file></xliff>";
        assert_eq!(xliff_import(xml), Err(ExchangeError::Doctype { line: 2 }));
        let xxe = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        assert!(matches!(
            xliff_import(xxe),
            Err(ExchangeError::Doctype { .. })
        ));
    }

    #[test]
    fn undefined_entities_are_syntax_errors() {
        let err = xliff_import(&doc(
            "<unit id=\"u-k\"><segment><source>a</source><target>&nbsp;</target></segment></unit>",
        ))
        .unwrap_err();
        assert!(matches!(err, ExchangeError::Syntax { .. }), "{err}");
        assert!(err.to_string().contains("nbsp"));
    }

    #[test]
    fn other_versions_and_documents_are_refused() {
        let v12 = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">\
                   <file original=\"p\" source-language=\"ja\"/></xliff>";
        assert!(matches!(
            xliff_import(v12),
            Err(ExchangeError::NotXliff2(_))
        ));
        let v3 = doc("").replace("version=\"2.0\" srcLang", "version=\"3.0\" srcLang");
        assert!(matches!(xliff_import(&v3), Err(ExchangeError::NotXliff2(m)) if m.contains("3.0")));
        assert!(matches!(
            xliff_import("<html><body/></html>"),
            Err(ExchangeError::NotXliff2(_))
        ));
    }

    #[test]
    fn languages_are_checked() {
        let no_trg = doc("").replace(" trgLang=\"en\"", "");
        assert_eq!(
            xliff_import(&no_trg),
            Err(ExchangeError::MissingLanguage("trgLang"))
        );
        let no_src = doc("").replace(" srcLang=\"ja\"", "");
        assert_eq!(
            xliff_import(&no_src),
            Err(ExchangeError::MissingLanguage("srcLang"))
        );
        let fr = doc("").replace("trgLang=\"en\"", "trgLang=\"fr\"");
        assert!(matches!(
            xliff_import(&fr),
            Err(ExchangeError::UnsupportedLanguage {
                attribute: "trgLang",
                ..
            })
        ));
        let en_src = doc("").replace("srcLang=\"ja\"", "srcLang=\"en\"");
        assert!(matches!(
            xliff_import(&en_src),
            Err(ExchangeError::UnsupportedLanguage {
                attribute: "srcLang",
                ..
            })
        ));
        let hans = doc("").replace("trgLang=\"en\"", "trgLang=\"zh-hans\"");
        assert_eq!(import(&hans).target_lang, Lang::ZhHans);
    }

    #[test]
    fn structural_errors() {
        assert_eq!(
            xliff_import(&doc("\n<unit><segment><source>a</source></segment></unit>")),
            Err(ExchangeError::UnitWithoutId { line: 3 })
        );
        let twice = "<unit id=\"u-k\"><segment><source>a</source></segment></unit>";
        assert!(matches!(
            xliff_import(&doc(&format!("{twice}{twice}"))),
            Err(ExchangeError::DuplicateUnit { id, .. }) if id == "k"
        ));
        let err = xliff_import(&doc("\n\n<unit id=\"u-k\"><segment></unit>")).unwrap_err();
        assert!(
            matches!(err, ExchangeError::Syntax { line: 4, .. }),
            "{err:?}"
        );
        let truncated = doc("").replace("</file></xliff>", "");
        assert!(matches!(
            xliff_import(&truncated),
            Err(ExchangeError::Syntax { .. })
        ));
        let two_files = doc("").replace("</file>", "</file><file id=\"g\" original=\"q\"/>");
        assert_eq!(xliff_import(&two_files), Err(ExchangeError::FileCount(2)));
        let no_page = doc("").replace(" original=\"page\"", "");
        assert_eq!(xliff_import(&no_page), Err(ExchangeError::MissingPage));
    }

    #[test]
    fn many_units_import_in_one_pass() {
        let units: Vec<ExchangeUnit> = (0..3000)
            .map(|i| ExchangeUnit {
                id: format!("{i:064x}"),
                source: format!("文{i}<b1>リンク</b1>\n次の行"),
                target: Some(format!("Sentence {i} <b1>link</b1>\nnext line")),
                state: UnitState::Machine,
                version: i,
                notes: vec![],
            })
            .collect();
        let xml = xliff_export("p", Lang::En, &units);
        let started = std::time::Instant::now();
        let file = import(&xml);
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        assert_eq!(file.units.len(), 3000);
        assert_eq!(file.units[2999].version, Some(2999));
        assert_eq!(file.units[2999].target, units[2999].target);
    }

    #[test]
    fn unit_state_strings() {
        for state in [
            UnitState::Machine,
            UnitState::Approved,
            UnitState::NeedsReview,
        ] {
            assert_eq!(UnitState::parse(state.as_str()), Some(state));
        }
        assert_eq!(UnitState::parse("final"), None);
        assert_eq!(
            UnitState::from(OverrideState::NeedsReview),
            UnitState::NeedsReview
        );
    }

    #[test]
    fn tmx_dates() {
        assert_eq!(tmx_date(0), "19700101T000000Z");
        assert_eq!(tmx_date(1_700_000_000_123), "20231114T221320Z");
        assert_eq!(tmx_date(1_735_689_599_999), "20241231T235959Z");
        assert_eq!(tmx_date(-1), "19691231T235959Z");
    }

    fn tm_entry(key: &str, target: Lang, provider: &str, model: &str, text: &str) -> TmEntry {
        TmEntry {
            unit_key: key.into(),
            source_lang: Lang::Ja,
            target_lang: target,
            provider: provider.into(),
            model: model.into(),
            glossary_version: 2,
            segmenter_version: 1,
            source_text: "<b1>厚労省</b1>の発表&amp;<x2/>".into(),
            text: text.into(),
            origin: Origin::Machine,
            characters_billed: 10,
            created_at: 1_700_000_000_123,
            used_at: 1_700_086_400_000,
        }
    }

    #[test]
    fn tmx_is_well_formed_with_languages_codes_and_props() {
        let entries = vec![
            tm_entry(
                KEY_A,
                Lang::En,
                "deepl",
                "",
                "<b1>MHLW</b1> announcement &amp;<x2/>",
            ),
            tm_entry(
                KEY_A,
                Lang::ZhHans,
                "google",
                "nmt",
                "<b1>厚生劳动省</b1>公告&amp;<x2/>",
            ),
        ];
        let overrides = vec![
            Override {
                unit_key: KEY_A.into(),
                target_lang: Lang::En,
                text: "<b1>The ministry</b1>'s notice &amp;<x2/>".into(),
                version: 4,
                state: OverrideState::NeedsReview,
                author: "aiko \"A\"".into(),
                source_text: String::new(),
                previous_source: None,
                updated_at: 0,
            },
            Override {
                unit_key: KEY_B.into(),
                target_lang: Lang::Ko,
                text: "공지".into(),
                version: 1,
                state: OverrideState::Approved,
                author: "min".into(),
                source_text: "お知らせ".into(),
                previous_source: None,
                updated_at: 1_735_689_599_999,
            },
            // No source anywhere: left out.
            Override {
                unit_key: KEY_C.into(),
                target_lang: Lang::Ko,
                text: "x".into(),
                version: 1,
                state: OverrideState::Approved,
                author: "min".into(),
                source_text: String::new(),
                previous_source: None,
                updated_at: 0,
            },
        ];
        let sources = HashMap::from([(
            KEY_A.to_owned(),
            "<b1>厚労省</b1>の発表&amp;<x2/>".to_owned(),
        )]);
        let tmx = tmx_export(&entries, &overrides, &sources);

        let mut reader = quick_xml::Reader::from_str(&tmx);
        let (mut tu, mut tuv, mut langs, mut segs) = (0, 0, Vec::new(), Vec::new());
        let mut in_seg = false;
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) if e.name().as_ref() == b"tu" => tu += 1,
                Event::Start(e) if e.name().as_ref() == b"tuv" => {
                    tuv += 1;
                    let lang = e.try_get_attribute("xml:lang").unwrap().unwrap();
                    langs.push(String::from_utf8(lang.value.into_owned()).unwrap());
                }
                Event::Start(e) if e.name().as_ref() == b"seg" => {
                    in_seg = true;
                    segs.push(String::new());
                }
                Event::End(e) if e.name().as_ref() == b"seg" => in_seg = false,
                Event::Text(t) if in_seg => {
                    segs.last_mut()
                        .unwrap()
                        .push_str(&t.xml10_content().unwrap());
                }
                Event::GeneralRef(r) if in_seg => {
                    let name = r.decode().unwrap();
                    segs.last_mut()
                        .unwrap()
                        .push(predefined_entity(&name).unwrap());
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(tu, 4);
        assert_eq!(tuv, 8);
        assert_eq!(langs, ["ja", "en", "ja", "zh-Hans", "ja", "en", "ja", "ko"]);
        // Text of the segments, with the native codes of the placeholders.
        assert_eq!(segs[0], "<b1>厚労省</b1>の発表&<x2/>");
        assert_eq!(segs[1], "<b1>MHLW</b1> announcement &<x2/>");

        assert!(tmx.contains(&format!(
            "<header creationtool=\"honyaku\" creationtoolversion=\"{}\" segtype=\"sentence\" \
             o-tmf=\"honyaku\" adminlang=\"en\" srclang=\"ja\" datatype=\"html\"/>",
            env!("CARGO_PKG_VERSION")
        )));
        assert!(tmx.contains(
            "<seg><bpt i=\"1\" x=\"1\">&lt;b1&gt;</bpt>MHLW<ept i=\"1\">&lt;/b1&gt;</ept> \
             announcement &amp;<ph x=\"2\">&lt;x2/&gt;</ph></seg>"
        ));
        assert!(
            tmx.contains(
                "<tu creationdate=\"20231114T221320Z\" lastusagedate=\"20231115T221320Z\">"
            )
        );
        assert!(tmx.contains("<prop type=\"x-honyaku-origin\">machine</prop>"));
        assert!(tmx.contains("<prop type=\"x-honyaku-provider\">google</prop>"));
        assert!(tmx.contains("<prop type=\"x-honyaku-model\">nmt</prop>"));
        assert!(tmx.contains(
            "<tu creationdate=\"19700101T000000Z\" changedate=\"19700101T000000Z\" \
             changeid=\"aiko &quot;A&quot;\">"
        ));
        assert!(tmx.contains("<prop type=\"x-honyaku-origin\">translator</prop>"));
        assert_eq!(
            tmx.matches("<prop type=\"x-honyaku-state\">needs-review</prop>")
                .count(),
            1
        );
        assert!(tmx.contains("<tuv xml:lang=\"ja\"><seg>お知らせ</seg></tuv>"));
        assert!(!tmx.contains(KEY_C));
    }

    #[test]
    fn unpaired_placeholders_stay_well_formed() {
        let unit = ExchangeUnit {
            id: "k".into(),
            source: "<b1>a".into(),
            target: Some("b</b1>".into()),
            state: UnitState::Machine,
            version: 0,
            notes: vec![],
        };
        let xml = xliff_export("p", Lang::En, &[unit]);
        assert!(xml.contains("<source><sc id=\"b1\"/>a</source>"), "{xml}");
        assert!(
            xml.contains("<target>b<ec startRef=\"b1\"/></target>"),
            "{xml}"
        );
        let file = import(&xml);
        assert_eq!(file.units[0].target.as_deref(), Some("b</b1>"));

        let tmx = tmx_export(
            &[tm_entry("k", Lang::En, "deepl", "", "b</b1> <x>")],
            &[],
            &HashMap::new(),
        );
        assert!(
            tmx.contains("<it pos=\"end\" x=\"1\">&lt;/b1&gt;</it>"),
            "{tmx}"
        );
        assert!(tmx.contains(" &lt;x&gt;</seg>"), "{tmx}");
    }
}
