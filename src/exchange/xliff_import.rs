//! Reading back an XLIFF 2.0 file that a CAT tool saved, within reason.
//!
//! [`xliff_import`] accepts:
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
//!   source); the first segment's state is the unit's;
//! * what tools drop or add on re-save: a `<file>` without `original`
//!   ([`XliffFile::page_for`] takes the page the caller names), no Metadata
//!   module (no version, no hash, no state), no `originalData`, `disp`
//!   values with a raw `<` or `&`, and `xml:space` on `<segment>`, which
//!   translate-toolkit writes although the schema allows it only on
//!   `<file>`, `<group>`, `<unit>`, `<source>` and `<target>`: accepted, and
//!   whitespace is read as it stands.
//!
//! [`judge`] then decides, unit by unit and by text, what the import does:
//! it renders protected codes again from the unit's source, drops layout a
//! tool put around inline codes, and tells an untouched unit from an edit.
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
//! The caller must still run the QA checks on each target it saves, and
//! save it only if the override is still at the version [`judge`] names.

use std::collections::HashSet;
use std::fmt::Write as _;

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use super::xliff_export::mark_tokens;
use super::{
    ExchangeError, ImportedUnit, MDA_NS, META_CATEGORY, NEEDS_REVIEW_SUBSTATE, TARGET_SHA256_META,
    UNIT_ID_PREFIX, XLIFF_NS, XliffFile, predefined_entity, target_sha256,
};
use crate::i18n::Lang;
use crate::placeholder::{Piece, Placeholder, PlaceholderKind, escape_text};
use crate::protect;
use crate::review::UnitState;

/// Reads an XLIFF 2.0 file written by [`super::xliff_export()`] and edited by a
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

/// A language honyaku knows by its code, ignoring ASCII case (`zh-hans`). Whether this
/// server translates into it is the caller's question: the file's language must be the
/// one the import was asked for.
fn lang_from_code(code: &str) -> Option<Lang> {
    Lang::find(code)
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
        let (mut source, mut target) = (None, None);
        if self.problem.is_none() {
            match self.texts() {
                Ok(texts) => (source, target) = texts,
                Err(message) => self.problem(message),
            }
        }
        ImportedUnit {
            problem: self.problem.map(|p| format!("unit {}: {p}", self.id)),
            id: key,
            version,
            state,
            target,
            source,
            exported_target_sha256: self
                .meta_target_sha256
                .map(|h| h.trim().to_ascii_lowercase())
                .filter(|h| !h.is_empty()),
        }
    }

    /// The source and the target in placeholder form, the target `None`
    /// when there is none.
    fn texts(&self) -> Result<(Option<String>, Option<String>), String> {
        let parsed = placeholder_form(&self.source, None);
        if self.segments_with_target == 0 {
            // Nothing to import: an odd source is no problem then.
            return Ok((parsed.ok().map(|(source, _)| source), None));
        }
        let (source, codes) = parsed.map_err(|message| format!("in the source: {message}"))?;
        if let Some(n) = self.missing.first() {
            return Err(format!(
                "segment {n} of {} has no target while others have one",
                self.segments
            ));
        }
        let (text, _) = placeholder_form(&self.target, Some(&codes))?;
        Ok((Some(source), Some(text).filter(|t| !t.is_empty())))
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
        (None, Some(n), Some(codes)) => {
            // Paired numbers are unique, but a protected `pN` has its own
            // numbering: prefer a code of the right kind, refuse a guess.
            let same_kind = |p: &&Placeholder| (p.kind == PlaceholderKind::Paired) == paired;
            let numbered: Vec<Placeholder> = codes.iter().copied().filter(|p| p.id == n).collect();
            let fitting: Vec<Placeholder> = numbered.iter().filter(same_kind).copied().collect();
            match (fitting.as_slice(), numbered.first()) {
                ([one], _) => *one,
                ([], Some(other)) => *other,
                ([], None) => {
                    return Err(format!("inline code {id:?} matches no code of the source"));
                }
                (_, _) => {
                    return Err(format!(
                        "inline code {id:?} could be any of several codes of the source"
                    ));
                }
            }
        }
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
                    expected: "a target language honyaku serves",
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
            page: self.page,
            source_lang,
            target_lang,
            units: self.units,
        })
    }
}

// ---------------------------------------------------------------------------
// Judging an imported unit against what honyaku has
// ---------------------------------------------------------------------------

/// What honyaku holds for a unit now, to judge an imported target against.
#[derive(Debug, Clone, Copy)]
pub struct Current<'a> {
    /// The unit's Japanese, placeholder form.
    pub source: &'a str,
    /// What an export would carry as its target now (the override, else the
    /// machine or bundled translation), placeholder form.
    pub text: Option<&'a str>,
    /// The override's version (0: none).
    pub version: i64,
    pub state: UnitState,
}

/// What an import should do with one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The file has no target for it.
    Skipped,
    /// The file's target is what was exported (or what readers get now).
    Unchanged,
    /// The file approves, unchanged, a flagged override at `version`.
    Approve { version: i64 },
    /// Save `text` as the override, if it is still at `version`.
    Save {
        text: String,
        version: i64,
        /// Said in the report beside the outcome.
        note: Option<String>,
    },
}

/// Decides what importing `unit` means, given what honyaku has for it now
/// in `lang`. Compares by text, never by position in the file:
///
/// * protected tokens (`<ph id="pN">`) become their rendering in `lang`
///   again, whatever the file's `disp` says;
/// * layout a tool added (a line break and indentation next to an inline
///   code or at either end of the target) is dropped, unless the unit's own
///   text has such line breaks and the file's source shows the tool left
///   whitespace alone;
/// * with the metadata's hash of the exported target, a target that still
///   hashes to it is unchanged; without it (a tool dropped the Metadata
///   module), a target equal to what readers get now is;
/// * an edit is saved against the version the file was exported at, or,
///   when the file has none, against the current one (last writer wins, and
///   the report says so).
///
/// The caller still runs the QA checks on the text it saves.
#[must_use]
pub fn judge(unit: &ImportedUnit, current: &Current<'_>, lang: Lang) -> Verdict {
    let Some(marked) = &unit.target else {
        return Verdict::Skipped;
    };
    // Layout is judged with the tokens still codes, as the file has them.
    let (marked_source, tokens) = source_tokens(current.source);
    let own_layout = strip_layout(&marked_source) != marked_source;
    let reindented = unit
        .source
        .as_deref()
        .is_some_and(|s| s != marked_source && strip_layout(s) == strip_layout(&marked_source));
    let raw = restore_tokens(marked, &tokens, lang);
    let marked_settled = if !own_layout || reindented {
        strip_layout(marked)
    } else {
        marked.clone()
    };
    let settled = restore_tokens(&marked_settled, &tokens, lang);
    let untouched = match &unit.exported_target_sha256 {
        Some(hash) => *hash == target_sha256(&raw) || *hash == target_sha256(&settled),
        // Some tools also drop a whitespace-only run between two codes: no
        // edit of the translator's either.
        None => current.text.is_some_and(|now| {
            now == raw
                || now == settled
                || loose(&mark_tokens(now, &tokens, lang)) == loose(&marked_settled)
        }),
    };
    if untouched {
        // The same text marked final on a flagged override is its review.
        if current.state == UnitState::NeedsReview && unit.state == Some(UnitState::Approved) {
            return Verdict::Approve {
                version: unit.version.unwrap_or(current.version),
            };
        }
        return Verdict::Unchanged;
    }
    match unit.version {
        Some(version) => Verdict::Save {
            text: settled,
            version,
            note: None,
        },
        None => Verdict::Save {
            text: settled,
            version: current.version,
            note: (current.version > 0).then(|| {
                format!(
                    "the file carries no version (its tool dropped honyaku's metadata): \
                     saved over version {}",
                    current.version
                )
            }),
        },
    }
}

/// The source as the export writes it, with its protected tokens as
/// `<pN/>`, and the tokens; a source that has `<pN/>` of its own is left as
/// it is, without tokens (see [`xliff_export`](mod@super::xliff_export)).
pub(super) fn source_tokens(source: &str) -> (String, Vec<protect::Token>) {
    let own = crate::placeholder::pieces(source)
        .is_ok_and(|pieces| pieces.iter().any(|p| matches!(p, Piece::Protected(_))));
    if own {
        return (source.to_owned(), Vec::new());
    }
    let protected = protect::protect(source);
    (protected.text, protected.tokens)
}

impl ImportedUnit {
    /// [`ImportedUnit::target`] with its protected tokens (`<pN/>`) in
    /// their rendering for `lang`, from `source` (the unit's Japanese now):
    /// the text this file gives the unit, before [`judge`] drops layout.
    #[must_use]
    pub fn target_in(&self, source: &str, lang: Lang) -> Option<String> {
        let target = self.target.as_deref()?;
        let (_, tokens) = source_tokens(source);
        Some(restore_tokens(target, &tokens, lang))
    }
}

/// `text` with each `<pN/>` that stands for one of `tokens` replaced by the
/// token rendered for `lang`. Others stay, for the checks to report.
fn restore_tokens(text: &str, tokens: &[protect::Token], lang: Lang) -> String {
    if tokens.is_empty() {
        return text.to_owned();
    }
    let Ok(pieces) = crate::placeholder::pieces(text) else {
        return text.to_owned();
    };
    let mut out = String::with_capacity(text.len());
    for piece in pieces {
        match piece {
            Piece::Protected(n) => {
                let token = usize::try_from(n)
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .and_then(|i| tokens.get(i));
                match token {
                    Some(token) => out.push_str(&escape_text(&protect::render(token, lang))),
                    None => {
                        let _ = write!(out, "<p{n}/>");
                    }
                }
            }
            Piece::Text(t) => out.push_str(t),
            Piece::Open(n) => {
                let _ = write!(out, "<b{n}>");
            }
            Piece::Close(n) => {
                let _ = write!(out, "</b{n}>");
            }
            Piece::Void(n) => {
                let _ = write!(out, "<x{n}/>");
            }
        }
    }
    out
}

/// `text` for comparing what a tool may have re-laid out: without layout,
/// and without whitespace-only runs between codes.
fn loose(text: &str) -> String {
    let stripped = strip_layout(text);
    let Ok(pieces) = crate::placeholder::pieces(&stripped) else {
        return stripped;
    };
    let mut out = String::with_capacity(stripped.len());
    for piece in pieces {
        match piece {
            Piece::Text(t) if t.trim().is_empty() => {}
            Piece::Text(t) => out.push_str(t),
            Piece::Open(n) => {
                let _ = write!(out, "<b{n}>");
            }
            Piece::Close(n) => {
                let _ = write!(out, "</b{n}>");
            }
            Piece::Void(n) => {
                let _ = write!(out, "<x{n}/>");
            }
            Piece::Protected(n) => {
                let _ = write!(out, "<p{n}/>");
            }
        }
    }
    out
}

/// Placeholder-form `text` without layout: line breaks (each with the spaces
/// and tabs after it) that stand next to an inline code or at either end.
/// Pretty-printers put them there; a space typed before them stays.
fn strip_layout(text: &str) -> String {
    let Ok(pieces) = crate::placeholder::pieces(text) else {
        return text.to_owned();
    };
    let is_layout = |c: char| matches!(c, '\n' | '\r' | ' ' | '\t');
    let mut out = String::with_capacity(text.len());
    for piece in pieces {
        match piece {
            Piece::Text(t) => {
                let mut t = t;
                // A code (or the start) before: drop leading line breaks.
                let leading = t.len() - t.trim_start_matches(is_layout).len();
                if t.get(..leading)
                    .is_some_and(|w| w.starts_with(['\n', '\r']))
                {
                    t = t.get(leading..).unwrap_or_default();
                }
                // A code (or the end) after: drop trailing layout from the
                // first line break on.
                let body = t.trim_end_matches(is_layout);
                if let Some(tail) = t.get(body.len()..) {
                    if let Some(at) = tail.find(['\n', '\r']) {
                        t = t.get(..body.len() + at).unwrap_or(t);
                    }
                }
                out.push_str(t);
            }
            Piece::Open(n) => {
                let _ = write!(out, "<b{n}>");
            }
            Piece::Close(n) => {
                let _ = write!(out, "</b{n}>");
            }
            Piece::Void(n) => {
                let _ = write!(out, "<x{n}/>");
            }
            Piece::Protected(n) => {
                let _ = write!(out, "<p{n}/>");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::super::fixtures::*;
    use super::*;

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
        // A tag no language of honyaku has (private use, never interned).
        let fr = doc("").replace("trgLang=\"en\"", "trgLang=\"qtz\"");
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
        // A tool that dropped the page: the caller names it, or it is refused.
        let no_page = import(&doc("").replace(" original=\"page\"", ""));
        assert_eq!(no_page.page, None);
        assert_eq!(no_page.page_for(None), Err(ExchangeError::MissingPage));
        assert_eq!(no_page.page_for(Some("page")).as_deref(), Ok("page"));
        let with_page = import(&doc(""));
        assert_eq!(with_page.page_for(None).as_deref(), Ok("page"));
        assert_eq!(with_page.page_for(Some("page")).as_deref(), Ok("page"));
        assert!(matches!(
            with_page.page_for(Some("other")),
            Err(ExchangeError::OtherPage { .. })
        ));
    }

    fn current<'a>(source: &'a str, text: Option<&'a str>, version: i64) -> Current<'a> {
        Current {
            source,
            text,
            version,
            state: if version > 0 {
                UnitState::Approved
            } else {
                UnitState::Machine
            },
        }
    }

    #[test]
    fn a_tools_indentation_around_codes_is_layout() {
        let source = "申込みは<b1>こちら</b1>から。<x2/>";
        let now = "Apply <b1>here</b1>.<x2/>";
        // What the npm xliff package writes back: a line break and
        // indentation before every code and before </target>, no metadata.
        let saved = "<unit id=\"u-k\"><segment><source>申込みは\n          <pc id=\"b1\">こちら</pc>から。\n          <ph id=\"x2\"/>\n        </source>\
             <target>Apply \n          <pc id=\"b1\">here</pc>.\n          <ph id=\"x2\"/>\n        </target></segment></unit>";
        let unit = one(saved);
        assert_eq!(unit.problem, None);
        assert_eq!(unit.version, None);
        assert_eq!(
            judge(&unit, &current(source, Some(now), 0), Lang::En),
            Verdict::Unchanged
        );
        // Edited there: the text saved is the translator's, not the layout.
        let edited = one(&saved.replace(">here<", ">right here<"));
        assert_eq!(
            judge(&edited, &current(source, Some(now), 0), Lang::En),
            Verdict::Save {
                text: "Apply <b1>right here</b1>.<x2/>".into(),
                version: 0,
                note: None,
            }
        );
        // A target-only re-indent, the source untouched: still layout.
        let target_only = one(
            "<unit id=\"u-k\"><segment><source>申込みは<pc id=\"b1\">こちら</pc>から。<ph id=\"x2\"/></source>\
             <target>\n  Apply <pc id=\"b1\">now</pc>.\n  <ph id=\"x2\"/>\n</target></segment></unit>",
        );
        assert!(matches!(
            judge(&target_only, &current(source, Some(now), 0), Lang::En),
            Verdict::Save { text, .. } if text == "Apply <b1>now</b1>.<x2/>"
        ));
    }

    #[test]
    fn a_units_own_line_breaks_stay_when_the_tool_left_whitespace_alone() {
        // Japanese HTML often breaks lines before a link or after a <br>.
        let source = "詳細は\n  <b1>こちら</b1><x2/>\n次の行";
        let file = "<unit id=\"u-k\"><segment><source>詳細は\n  <pc id=\"b1\">こちら</pc><ph id=\"x2\"/>\n次の行</source>\
             <target>Details\n  <pc id=\"b1\">here</pc><ph id=\"x2\"/>\nnext line!</target></segment></unit>";
        assert!(matches!(
            judge(&one(file), &current(source, Some("Details\n  <b1>here</b1><x2/>\nnext line"), 0), Lang::En),
            Verdict::Save { text, .. } if text == "Details\n  <b1>here</b1><x2/>\nnext line!"
        ));
    }

    #[test]
    fn without_metadata_units_compare_by_text_and_save_over_the_current_version() {
        let source = "お知らせ";
        let file = |target: &str| {
            one(&format!(
                "<unit id=\"u-k\"><segment><source>お知らせ</source><target>{target}</target></segment></unit>"
            ))
        };
        // The override readers get is what the file has: nothing to do, not
        // a conflict.
        assert_eq!(
            judge(
                &file("Notice"),
                &current(source, Some("Notice"), 4),
                Lang::En
            ),
            Verdict::Unchanged
        );
        let Verdict::Save {
            text,
            version,
            note,
        } = judge(
            &file("A notice"),
            &current(source, Some("Notice"), 4),
            Lang::En,
        )
        else {
            panic!("an edit");
        };
        assert_eq!((text.as_str(), version), ("A notice", 4));
        assert!(note.unwrap().contains("version 4"));
        // No target: nothing to do either.
        let bare = one("<unit id=\"u-k\"><segment><source>お知らせ</source></segment></unit>");
        assert_eq!(
            judge(&bare, &current(source, Some("Notice"), 4), Lang::En),
            Verdict::Skipped
        );
    }

    #[test]
    fn with_metadata_the_exported_hash_and_version_decide() {
        let source = "お知らせ";
        let exported = "Notice";
        let file = |target: &str, state: &str| {
            one(&format!(
                "<unit id=\"u-k\"><mda:metadata xmlns:mda=\"urn:oasis:names:tc:xliff:metadata:2.0\">\
                 <mda:metaGroup category=\"honyaku\"><mda:meta type=\"version\">2</mda:meta>\
                 <mda:meta type=\"target-sha256\">{}</mda:meta></mda:metaGroup></mda:metadata>\
                 <segment state=\"{state}\"><source>お知らせ</source><target>{target}</target></segment></unit>",
                target_sha256(exported)
            ))
        };
        // Readers get something else by now; the file did not touch it.
        assert_eq!(
            judge(
                &file("Notice", "translated"),
                &current(source, Some("Moved on"), 3),
                Lang::En
            ),
            Verdict::Unchanged
        );
        assert_eq!(
            judge(
                &file("Notices", "translated"),
                &current(source, Some("Moved on"), 3),
                Lang::En
            ),
            Verdict::Save {
                text: "Notices".into(),
                version: 2,
                note: None
            }
        );
        // Marked final unchanged on a flagged override: its review.
        let flagged = Current {
            state: UnitState::NeedsReview,
            ..current(source, Some("Notice"), 2)
        };
        assert_eq!(
            judge(&file("Notice", "final"), &flagged, Lang::En),
            Verdict::Approve { version: 2 }
        );
    }

    #[test]
    fn protected_codes_become_the_rendering_of_the_target_language() {
        let source = "電話：03-5253-1111、令和7年7月23日(水)";
        // A tool that copied the codes, with whatever disp it liked.
        let unit = one(
            "<unit id=\"u-k\"><segment><source>電話：<ph id=\"p1\"/>、<ph id=\"p2\"/></source>\
             <target>Call <ph id=\"p1\" disp=\"000\"/> on <ph id=\"p2\"/></target></segment></unit>",
        );
        assert_eq!(unit.target.as_deref(), Some("Call <p1/> on <p2/>"));
        assert_eq!(
            unit.target_in(source, Lang::En).as_deref(),
            Some("Call 03-5253-1111 on Wednesday, July 23, 2025")
        );
        assert_eq!(
            unit.target_in(source, Lang::ZhHans).as_deref(),
            Some("Call 03-5253-1111 on 2025年7月23日（星期三）")
        );
        // A deleted code is just missing: the QA checks name it.
        let unit = one(
            "<unit id=\"u-k\"><segment><source>電話：<ph id=\"p1\"/>、<ph id=\"p2\"/></source>\
             <target>Call us</target></segment></unit>",
        );
        assert_eq!(unit.target_in(source, Lang::En).as_deref(), Some("Call us"));
    }

    #[test]
    fn what_other_tools_write_is_read() {
        // xml:space on <segment> (translate-toolkit writes it; the schema
        // does not allow it there), markup in disp written without escaping
        // `<` (the npm xliff package), originalData dropped.
        let unit = one(
            "<unit id=\"u-k\"><segment xml:space=\"preserve\"><source>a<ph id=\"x1\" dataRef=\"d1\" disp=\"<br>\"/></source>\
             <target>A<ph id=\"x1\" dataRef=\"d1\" disp=\"<br>\"/></target></segment></unit>",
        );
        assert_eq!(unit.problem, None);
        assert_eq!(unit.target.as_deref(), Some("A<x1/>"));
        // Bare ids that could mean two codes are refused, not guessed.
        let unit = one(
            "<unit id=\"u-k\"><segment><source><ph id=\"x1\"/><ph id=\"p1\"/></source>\
             <target><ph id=\"1\"/></target></segment></unit>",
        );
        assert!(unit.problem.unwrap().contains("several"));
    }
}
