//! The planner: where the units are.
//!
//! It follows the token stream with a model of the stack of open elements
//! and cuts units as the tokens go by: a block's text and inline markup, a
//! translatable attribute value, the `<title>`. It records each unit's text
//! in placeholder form and where it sits in the input (a [`Site`]), which is
//! all [`super::render`] needs to write the page back.

use std::fmt::Write as _;
use std::ops::Range;

use super::entities::push_decoded;
use super::lex::{AttrName, Quote, StartTok, TagName, TextKind, Tok, is_html_space};
use super::stream::read;
use super::tree::{Class, OpenElements, Scope, closes_p, is_heading};
use super::{Limits, SegmentError, Unit, UnitKind};

/// The units of a page and where each one sits in the input.
pub(super) struct Plan {
    /// In document order; `unit.index` is the position in this vector.
    pub(super) units: Vec<Unit>,
    /// Where each unit sits, by index.
    pub(super) sites: Vec<Site>,
}

pub(super) struct Planned {
    pub(super) unit: Unit,
    pub(super) site: Site,
}

/// Where a unit's text comes from and goes back to.
pub(super) enum Site {
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
pub(super) enum Slot {
    Paired {
        open: Range<usize>,
        close: Range<usize>,
    },
    Void(Range<usize>),
}

/// What the planner keeps about an open element.
#[derive(Debug)]
pub(super) struct Held {
    /// `(unit generation, index of its Open part)` when its start tag is part
    /// of a unit.
    pub(super) unit_part: Option<(u32, usize)>,
    /// Start of an opaque inline element kept whole inside a unit.
    pub(super) opaque_start: Option<usize>,
}

/// A piece of a unit under construction.
#[derive(Debug)]
pub(super) enum Part {
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

pub(super) struct UnitBuilder {
    pub(super) generation: u32,
    /// Stack depth of the unit's container: popping below it ends the unit.
    pub(super) depth: usize,
    pub(super) parts: Vec<Part>,
}

pub(super) struct Planner<'a> {
    pub(super) html: &'a str,
    pub(super) stack: OpenElements<Held>,
    /// Stack index of the outermost element whose content is not translated.
    pub(super) skip_root: Option<usize>,
    pub(super) unit: Option<UnitBuilder>,
    pub(super) generation: u32,
    /// Text ranges of the open `<title>` (when it is the skip root).
    pub(super) title: Option<Vec<Range<usize>>>,
    pub(super) units: Vec<Planned>,
    /// Number of open `<svg>`/`<math>` elements.
    pub(super) foreign_open: usize,
    /// Buffers kept between units to save allocations.
    pub(super) spare_parts: Vec<Part>,
    pub(super) scratch_ids: Vec<u32>,
    pub(super) limits: Limits,
    /// Set when a limit is reached: the rest of the page is not read.
    pub(super) error: Option<SegmentError>,
}

impl Plan {
    pub(super) fn build(html: &str, limits: &Limits) -> Result<Self, SegmentError> {
        let planner = Planner {
            html,
            stack: OpenElements::new(),
            skip_root: None,
            unit: None,
            generation: 0,
            title: None,
            units: Vec::new(),
            foreign_open: 0,
            spare_parts: Vec::new(),
            scratch_ids: Vec::new(),
            limits: *limits,
            error: None,
        };
        let mut planner = read(html, limits, planner)?;
        planner.pop_to(0, html.len(), None);
        planner.flush_unit();
        if let Some(error) = planner.error {
            return Err(error);
        }
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
    pub(super) fn token(&mut self, tok: &Tok) {
        if self.error.is_some() {
            return;
        }
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
    pub(super) fn in_foreign_content(&self) -> bool {
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
        unit_part: Option<(u32, usize)>,
        opaque_start: Option<usize>,
    ) {
        if self.stack.len() >= self.limits.max_depth {
            self.fail(SegmentError::TooDeep {
                limit: self.limits.max_depth,
            });
            return;
        }
        if matches!(name.known, "svg" | "math") {
            self.foreign_open += 1;
        }
        let held = Held {
            unit_part,
            opaque_start,
        };
        self.stack.push(name.clone(), held, self.html.as_bytes());
    }

    fn start_tag(&mut self, tag: &StartTok) {
        let name = &tag.name;
        let class = Class::of(name.known);
        self.implied_closes(name.known, tag.range.start);
        if self.skipping() {
            if !tag.void {
                self.push_open(name, None, None);
            }
            return;
        }
        if matches!(name.known, "html" | "head" | "body") && self.stack.has_open(name.known) {
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
                    self.push_open(name, None, Some(tag.range.start));
                }
            } else {
                self.flush_unit();
                if !tag.void {
                    self.skip_root = Some(self.stack.len());
                    self.push_open(name, None, None);
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
                    self.push_open(name, Some(part), None);
                }
            }
            Class::Title => {
                self.flush_unit();
                if !tag.void {
                    self.skip_root = Some(self.stack.len());
                    self.title = Some(Vec::new());
                    self.push_open(name, None, None);
                }
            }
            _ => {
                self.flush_unit();
                if !tag.void {
                    self.push_open(name, None, None);
                }
            }
        }
    }

    /// Closes what the HTML parser closes implicitly when `name` starts.
    /// Each question is answered by [`OpenElements`] in constant time.
    fn implied_closes(&mut self, name: &str, at: usize) {
        if let Some(root) = self.skip_root.and_then(|i| self.stack.get(i)) {
            if matches!(root.name.known, "svg" | "math") {
                return; // foreign content has its own rules; it is skipped anyway
            }
        }
        match name {
            "li" | "dd" | "dt" => {
                if let Some(i) = self.stack.list_item_to_close(name) {
                    self.pop_to(i, at, None);
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
                if let Some(i) = self.stack.in_scope(name, Scope::Default) {
                    self.pop_to(i, at, None);
                }
            }
            _ => {}
        }
    }

    fn close_p(&mut self, at: usize) {
        if let Some(i) = self.stack.in_scope("p", Scope::Button) {
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
        if let Some(i) = self.stack.table_part(names, outermost) {
            self.pop_to(i, at, None);
        }
    }

    fn end_tag(&mut self, name: &TagName, range: Range<usize>) {
        if matches!(name.known, "body" | "html") {
            // Content after </body> still goes into the body.
            if !self.skipping() {
                self.flush_unit();
            }
            return;
        }
        match self.stack.end_tag_target(name, self.html.as_bytes()) {
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

    /// Pops the stack down to (and including) index `target`, because of the
    /// token starting at `at`; `explicit` is the end tag of `stack[target]`
    /// when there is one.
    fn pop_to(&mut self, target: usize, at: usize, explicit: Option<Range<usize>>) {
        while self.stack.len() > target {
            let Some(open) = self.stack.pop(self.html.as_bytes()) else {
                break;
            };
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
                if let Some(start) = open.data.opaque_start.filter(|&start| start < at) {
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
                (open.data.unit_part, end_tag, self.unit.as_mut())
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

    /// Keeps a unit, within [`Limits::max_units`].
    fn record(&mut self, planned: Planned) {
        if self.units.len() >= self.limits.max_units {
            self.fail(SegmentError::TooManyUnits {
                limit: self.limits.max_units,
            });
            return;
        }
        self.units.push(planned);
    }

    /// Stops at the first limit reached.
    fn fail(&mut self, error: SegmentError) {
        self.error.get_or_insert(error);
    }

    /// Ends the current unit, recording it if it has something to translate.
    fn flush_unit(&mut self) {
        let Some(unit) = self.unit.take() else { return };
        if let Some(planned) = text_unit(self.html, &unit.parts, &mut self.scratch_ids) {
            self.record(planned);
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
        if push_decoded(&mut text, raw, false) {
            self.record(Planned {
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
            if push_decoded(&mut text, raw, true) {
                self.record(Planned {
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
pub(super) fn trim_range(html: &str, range: Range<usize>) -> Range<usize> {
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

/// Builds a text unit from its parts: trims the edges, numbers placeholders and
/// writes the placeholder-form text. `None` when nothing is left to translate.
pub(super) fn text_unit(html: &str, parts: &[Part], ids: &mut Vec<u32>) -> Option<Planned> {
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
                let raw = html.get(range).unwrap_or_default();
                letters |= push_decoded(&mut text, raw, false);
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

pub(super) fn push_placeholder(text: &mut String, letter: char, id: u32, slash: &str) {
    // Writing to a String cannot fail.
    let _ = write!(text, "<{letter}{id}{slash}>");
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::segment::test_support::*;

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
    fn non_translatable_inline_content_is_one_void_placeholder() {
        let html = "<p>URLは<code>https://example.go.jp/?a=1&amp;b=2</code>、担当は<span class=\"notranslate\">勤労者<b>生活課</b></span>です。</p>";
        assert_eq!(texts(html), ["URLは<x1/>、担当は<x2/>です。"]);
        let out = reassemble(html, |_| Fill::text("Contact <x2/>; URL <x1/>.")).unwrap();
        assert_eq!(
            out.html,
            "<p>Contact <span class=\"notranslate\">勤労者<b>生活課</b></span>; URL <code>https://example.go.jp/?a=1&amp;b=2</code>.</p>"
        );
    }
}
