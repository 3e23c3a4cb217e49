//! Files for translators' tools: XLIFF 2.0 out and in, per page and target
//! language, and TMX 1.4b out for the translation memory.
//!
//! Translators work in CAT tools, not in a web form: they want a page's units
//! as a file they can open, translate offline and send back, and the memory as
//! a file their own tools can reuse. This module only converts; it reads no
//! store and serves no HTTP, so the caller decides what an import changes.
//!
//! * [`xliff_export()`] writes a page's units for one target language (see
//!   [`xliff_export()`](mod@xliff_export) for the file's shape and the mapping
//!   of placeholders and states);
//! * [`xliff_import()`] reads such a file back, as CAT tools save it, unit by
//!   unit (see [`xliff_import()`](mod@xliff_import) for what it tolerates and
//!   what it refuses);
//! * [`memory_tmx`] writes the translation memory and the overrides as
//!   TMX 1.4b, one language pair per `<tu>` and only the current version of
//!   each source (see [`tmx`](mod@tmx)).
//!
//! All XML is written through quick-xml's [`Writer`] and its escaping; the
//! only thing added here is what XML itself cannot say: characters XML 1.0
//! cannot carry, which XLIFF writes as `<cp hex="…"/>` and TMX as U+FFFD,
//! and carriage returns, written as `&#13;` so a parser does not turn them
//! into newlines.
//!
//! Round trip: for text in the canonical placeholder form (as
//! [`escape_text`](crate::placeholder::escape_text) writes it)
//! `xliff_import(xliff_export(…))` gives back the same targets byte for byte.

use std::borrow::Cow;

use quick_xml::Writer;
use quick_xml::escape::partial_escape;
use quick_xml::events::{BytesDecl, BytesEnd, BytesRef, BytesStart, BytesText, Event};

use std::collections::HashMap;

use crate::content::Announcement;
use crate::i18n::Lang;
use crate::placeholder::{Piece, pieces};
use crate::review::UnitState;
use crate::segment::Segmented;

pub mod tmx;
pub mod xliff_export;
pub mod xliff_import;

pub use tmx::{memory_tmx, tmx_export};
pub use xliff_export::xliff_export;
pub use xliff_import::{Current, Verdict, judge, xliff_import};

/// XLIFF 2.0 core namespace (XLIFF 2.1 keeps it).
const XLIFF_NS: &str = "urn:oasis:names:tc:xliff:document:2.0";
/// XLIFF 2.0 Metadata module namespace.
const MDA_NS: &str = "urn:oasis:names:tc:xliff:metadata:2.0";
/// Prefix of unit ids in XLIFF files; see [`xliff_export()`](mod@xliff_export).
const UNIT_ID_PREFIX: &str = "u-";
/// `category` of the metadata group honyaku writes and reads.
const META_CATEGORY: &str = "honyaku";
/// `subState` of a unit whose override needs review.
const NEEDS_REVIEW_SUBSTATE: &str = "honyaku:needs-review";
/// The metadata entry holding [`target_sha256`] of the exported target.
const TARGET_SHA256_META: &str = "target-sha256";

/// Hex SHA-256 of a target in placeholder form, as written on export.
pub fn target_sha256(target: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(target.as_bytes()))
}

/// One unit of a page as [`xliff_export()`] writes it.
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
    /// What each placeholder of the source stands for (entry `n - 1` for
    /// placeholder `n`), from [`page_markup`]; shown to translators and kept
    /// as the codes' original data. Empty when not known.
    pub markup: Vec<Markup>,
}

/// The HTML a placeholder stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markup {
    /// The start tag of `<bN>`, or the whole of `<xN/>` (a `<br>`, a comment,
    /// an element kept whole).
    pub open: String,
    /// The end tag of `<bN>`; `None` for `<xN/>`.
    pub close: Option<String>,
}

/// The markup behind every placeholder of every unit of `page`, by unit key
/// (units without placeholders are absent).
///
/// # Errors
///
/// When the page cannot be cut into units (see [`crate::segment::segment`]).
pub fn page_markup(
    page: &Announcement,
) -> Result<HashMap<String, Vec<Markup>>, crate::segment::SegmentError> {
    let mut markup = HashMap::new();
    for html in [page.body.source(), page.contact.source()] {
        let segmented = Segmented::new(html)?;
        for unit in segmented.units() {
            let codes: Vec<Markup> = segmented
                .placeholder_markup(unit.index)
                .into_iter()
                .map(|(open, close)| Markup {
                    open: open.to_owned(),
                    close: close.map(str::to_owned),
                })
                .collect();
            if !codes.is_empty() {
                markup.entry(unit.key()).or_insert(codes);
            }
        }
    }
    Ok(markup)
}

/// What [`xliff_import()`] read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XliffFile {
    /// The `original` of the `<file>`: the page it was exported for; `None`
    /// when the tool that saved the file dropped it (see [`XliffFile::page_for`]).
    pub page: Option<String>,
    /// Always Japanese ([`xliff_import()`] refuses anything else).
    pub source_lang: Lang,
    pub target_lang: Lang,
    /// In document order.
    pub units: Vec<ImportedUnit>,
}

impl XliffFile {
    /// The page this file is for: its `original`, else `asked` (the page the
    /// caller names, `?page=`). Both given and different is an error: the
    /// file would change another page than the one asked for.
    ///
    /// # Errors
    ///
    /// [`ExchangeError::MissingPage`] with neither, [`ExchangeError::OtherPage`]
    /// when they differ.
    pub fn page_for(&self, asked: Option<&str>) -> Result<String, ExchangeError> {
        match (self.page.as_deref(), asked) {
            (Some(file), Some(asked)) if file != asked => Err(ExchangeError::OtherPage {
                file: file.to_owned(),
                asked: asked.to_owned(),
            }),
            (Some(page), _) | (None, Some(page)) => Ok(page.to_owned()),
            (None, None) => Err(ExchangeError::MissingPage),
        }
    }
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
    /// The target in placeholder form, as the file has it: protected tokens
    /// still `<pN/>` and any layout a tool added still there ([`judge`]
    /// settles both against the unit's source); `None` when missing or empty
    /// (no change), and whenever [`ImportedUnit::problem`] is set.
    pub target: Option<String>,
    /// The source in placeholder form, as the file has it: evidence of what
    /// the tool did to whitespace.
    pub source: Option<String>,
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
    /// The `<file>` does not say which page it is, and the caller did not.
    #[error("the <file> element has no original attribute (the page); name the page with ?page=")]
    MissingPage,
    /// The file is for another page than the caller named.
    #[error("the file is for page {file:?} (its original), not {asked:?}")]
    OtherPage { file: String, asked: String },
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

/// What to write for a character XML cannot carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Forbidden {
    /// XLIFF's `<cp hex="…"/>`.
    Cp,
    /// U+FFFD (TMX has no `<cp>`).
    Replace,
}

/// A document being written: quick-xml's [`Writer`] over a buffer, with the
/// few things XML escaping alone does not cover (see the module docs).
/// Writing to a `Vec` cannot fail, so the writer's `io::Result`s are dropped.
struct XmlOut {
    writer: Writer<Vec<u8>>,
}

impl XmlOut {
    fn with_capacity(capacity: usize) -> Self {
        Self {
            writer: Writer::new(Vec::with_capacity(capacity)),
        }
    }

    fn event(&mut self, event: Event<'_>) {
        let _ = self.writer.write_event(event);
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>` and a newline.
    fn declaration(&mut self) {
        self.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        self.layout("\n");
    }

    /// Whitespace between elements, for people reading the file.
    fn layout(&mut self, whitespace: &'static str) {
        self.event(Event::Text(BytesText::from_escaped(whitespace)));
    }

    fn tag<'a>(name: &'a str, attributes: &[(&str, &str)]) -> BytesStart<'a> {
        let mut tag = BytesStart::new(name);
        for &(key, value) in attributes {
            tag.push_attribute((key, attribute_value(value).as_ref()));
        }
        tag
    }

    fn start(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.event(Event::Start(Self::tag(name, attributes)));
    }

    fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.event(Event::Empty(Self::tag(name, attributes)));
    }

    fn end(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    /// `<name attributes>text</name>`.
    fn element(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.start(name, attributes);
        self.text(text, Forbidden::Replace);
        self.end(name);
    }

    /// Character data, escaped by quick-xml; carriage returns as `&#13;`
    /// and characters XML cannot carry as `forbidden` says.
    fn text(&mut self, text: &str, forbidden: Forbidden) {
        let mut rest = text;
        while let Some(at) = rest.find(|c: char| c == '\r' || xml_forbidden(c)) {
            let (run, tail) = rest.split_at(at);
            self.escaped(run);
            let mut chars = tail.chars();
            match chars.next() {
                Some('\r') => self.event(Event::GeneralRef(BytesRef::new("#13"))),
                Some(c) if forbidden == Forbidden::Cp => {
                    let hex = format!("{:04X}", u32::from(c));
                    self.empty("cp", &[("hex", &hex)]);
                }
                Some(_) => self.escaped("\u{FFFD}"),
                None => {}
            }
            rest = chars.as_str();
        }
        self.escaped(rest);
    }

    fn escaped(&mut self, run: &str) {
        if !run.is_empty() {
            self.event(Event::Text(BytesText::from_escaped(partial_escape(run))));
        }
    }

    fn finish(self) -> String {
        let bytes = self.writer.into_inner();
        // Everything written came from `&str`s: always UTF-8.
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

/// An attribute value with the characters XML cannot carry replaced by
/// U+FFFD; quick-xml escapes the rest.
fn attribute_value(value: &str) -> Cow<'_, str> {
    if value.chars().any(xml_forbidden) {
        Cow::Owned(
            value
                .chars()
                .map(|c| if xml_forbidden(c) { '\u{FFFD}' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(value)
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

/// The character of one of XML's five predefined entities.
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

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod fixtures {
    //! Units and documents the tests of this module and its parts share.

    use super::*;
    use crate::model::Origin;
    use crate::model::TmEntry;
    use crate::placeholder::escape_text;

    pub(super) const KEY_A: &str =
        "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";

    pub(super) const KEY_B: &str =
        "1111111111111111111111111111111111111111111111111111111111111111";

    pub(super) const KEY_C: &str =
        "2222222222222222222222222222222222222222222222222222222222222222";

    pub(super) const KEY_D: &str =
        "3333333333333333333333333333333333333333333333333333333333333333";

    pub(super) const KEY_E: &str =
        "4444444444444444444444444444444444444444444444444444444444444444";

    pub(super) fn units() -> Vec<ExchangeUnit> {
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
                markup: vec![
                    Markup {
                        open: "<span class=\"date\">".into(),
                        close: Some("</span>".into()),
                    },
                    Markup {
                        open: "<a href=\"/x?a=1&b=2\">".into(),
                        close: Some("</a>".into()),
                    },
                    Markup {
                        open: "<br>".into(),
                        close: None,
                    },
                ],
            },
            ExchangeUnit {
                id: KEY_B.into(),
                source: "<b1>外<b2>内</b2></b1>と&amp;と&lt;タグ&gt;と\"引用\"".into(),
                target: Some("<b1>outer <b2>inner</b2></b1> &amp; &lt;tag&gt; \"quoted\" 'x'".into()),
                state: UnitState::Machine,
                version: 0,
                notes: vec![],
                markup: vec![],
            },
            ExchangeUnit {
                id: KEY_C.into(),
                source: "注意".into(),
                target: Some(escape_text("<script>alert(1)</script>")),
                state: UnitState::NeedsReview,
                version: 7,
                notes: vec!["previous source: 注意せよ".into()],
                markup: vec![],
            },
            ExchangeUnit {
                id: KEY_D.into(),
                source: "未翻訳の文".into(),
                target: None,
                state: UnitState::Machine,
                version: 0,
                notes: vec![],
                markup: vec![],
            },
            ExchangeUnit {
                id: KEY_E.into(),
                source: "電話<p1/>まで\r\n\tタブ\u{7}".into(),
                target: Some("Call <p1/>\r\n\ttab\u{7}".into()),
                state: UnitState::Machine,
                version: 0,
                notes: vec![],
                markup: vec![],
            },
        ]
    }

    pub(super) fn import(xml: &str) -> XliffFile {
        xliff_import(xml).unwrap_or_else(|e| panic!("{e}\n{xml}"))
    }

    /// A hand-written file around one unit's segment content.
    pub(super) fn doc(unit: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" \
             version=\"2.0\" srcLang=\"ja\" trgLang=\"en\"><file id=\"f\" original=\"page\">\
             {unit}</file></xliff>"
        )
    }

    pub(super) fn one(unit: &str) -> ImportedUnit {
        let mut file = import(&doc(unit));
        assert_eq!(file.units.len(), 1);
        file.units.remove(0)
    }

    pub(super) fn tm_entry(
        key: &str,
        target: Lang,
        provider: &str,
        model: &str,
        text: &str,
    ) -> TmEntry {
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
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::collections::HashMap;

    use super::fixtures::*;
    use super::*;
    use crate::placeholder::check_placeholders;

    #[test]
    fn round_trip_keeps_ids_versions_states_and_targets() {
        let units = units();
        let xml = xliff_export("mhlw/press/2025-07-23", Lang::En, &units);
        let file = import(&xml);
        assert_eq!(file.page.as_deref(), Some("mhlw/press/2025-07-23"));
        assert_eq!(file.source_lang, Lang::Ja);
        assert_eq!(file.target_lang, Lang::En);
        assert_eq!(file.units.len(), units.len());
        for (exported, imported) in units.iter().zip(&file.units) {
            assert_eq!(imported.id, exported.id);
            assert_eq!(imported.version, Some(exported.version));
            assert_eq!(
                imported.target_in(&exported.source, Lang::En),
                exported.target,
                "{}",
                exported.id
            );
            assert_eq!(imported.problem, None);
            if exported.target.is_some() {
                assert_eq!(imported.state, Some(exported.state));
                let target = imported.target_in(&exported.source, Lang::En).unwrap();
                check_placeholders(&exported.source, &target).unwrap();
            } else {
                assert_eq!(imported.state, None, "initial");
            }
        }
    }

    /// The first `<name …>…</name>` (or `<name …/>`) in `xml` whose start
    /// tag begins with `open`; inline elements here do not nest in their own
    /// kind.
    fn element<'a>(xml: &'a str, open: &str, name: &str) -> &'a str {
        let start = xml.find(open).unwrap();
        let rest = xml.get(start..).unwrap();
        let tag_end = rest.find('>').unwrap();
        let end = if rest.get(..tag_end).unwrap().ends_with('/') {
            tag_end + 1
        } else {
            let close = format!("</{name}>");
            rest.find(&close).unwrap() + close.len()
        };
        rest.get(..end).unwrap()
    }

    #[test]
    fn editing_one_target_changes_only_that_unit() {
        let units = units();
        let xml = xliff_export("p", Lang::En, &units);
        let old = element(&xml, "<target>The ministry", "target");
        assert_eq!(xml.matches(old).count(), 1);
        // As a CAT tool writes it: the codes moved, text retyped around them.
        let b1 = element(old, "<pc id=\"b1\"", "pc");
        let b2 = element(old, "<pc id=\"b2\"", "pc");
        let x3 = element(old, "<ph id=\"x3\"", "ph");
        let edited = xml.replace(
            old,
            &format!("<target>In {b1} the ministry holds a {b2}.{x3}Details below.</target>"),
        );
        assert_ne!(edited, xml);
        let file = import(&edited);
        for (exported, imported) in units.iter().zip(&file.units) {
            let target = imported.target_in(&exported.source, Lang::En);
            if exported.id == KEY_A {
                assert_eq!(
                    imported.target.as_deref(),
                    Some(
                        "In <b1><p1/></b1> the ministry holds a <b2>seminar</b2>.<x3/>Details below."
                    )
                );
                assert_eq!(
                    target.as_deref(),
                    Some(
                        "In <b1>FY2025</b1> the ministry holds a <b2>seminar</b2>.<x3/>Details below."
                    )
                );
                check_placeholders(&exported.source, target.as_deref().unwrap()).unwrap();
            } else {
                assert_eq!(target, exported.target);
            }
        }
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
                markup: vec![],
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
    fn unpaired_placeholders_stay_well_formed() {
        let unit = ExchangeUnit {
            id: "k".into(),
            source: "<b1>a".into(),
            target: Some("b</b1>".into()),
            state: UnitState::Machine,
            version: 0,
            notes: vec![],
            markup: vec![],
        };
        let xml = xliff_export("p", Lang::En, &[unit]);
        let hints = "canCopy=\"no\" canDelete=\"no\" canReorder=\"yes\"";
        assert!(
            xml.contains(&format!("<source><sc id=\"b1\" {hints}/>a</source>")),
            "{xml}"
        );
        assert!(
            xml.contains(&format!("<target>b<ec startRef=\"b1\" {hints}/></target>")),
            "{xml}"
        );
        let file = import(&xml);
        assert_eq!(file.units[0].target.as_deref(), Some("b</b1>"));

        let tmx = tmx_export(
            &[tm_entry("k", Lang::En, "deepl", "", "b</b1> <x>")],
            &[],
            &HashMap::new(),
            &|_| true,
        );
        assert!(
            tmx.contains("<it pos=\"end\" x=\"1\">&lt;/b1&gt;</it>"),
            "{tmx}"
        );
        assert!(tmx.contains(" &lt;x&gt;</seg>"), "{tmx}");
    }
}
