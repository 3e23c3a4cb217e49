//! Announcement pages in the target languages: the Japanese content cut into
//! units, each unit translated (bundled ▸ remembered ▸ machine), and put back
//! with its provenance and its original.

use crate::content::{Announcement, Content, ContentError};
use crate::i18n::{Lang, Languages};
use crate::model::Origin;
use crate::placeholder::{self, Piece};
use crate::segment::{self, Fill, Unit, UnitKind};
use crate::translate::{Bundled, Pipeline, Translation};

/// How an announcement page relates to the Japanese original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presentation {
    /// The Japanese original itself.
    Original,
    /// A translation; `partial` when some units are still Japanese,
    /// `pending` when some of those are still being translated (see
    /// [`translated_view`]).
    Translated { partial: bool, pending: bool },
    /// Nothing could be translated yet: the original under the reader's
    /// chrome; `pending` when its translation is on its way.
    Untranslated { pending: bool },
}

impl Presentation {
    /// Whether the page still waits for translations being made now: it
    /// must not be kept, and the page's script fetches it again.
    pub fn pending(self) -> bool {
        matches!(
            self,
            Presentation::Translated { pending: true, .. }
                | Presentation::Untranslated { pending: true }
        )
    }
}

/// The parts of an announcement as they will be shown. Texts are plain
/// (escaped by `render`); the two HTML fragments come from our content, translated
/// through the segmenter, which escapes every translated text.
#[derive(Debug, Clone)]
pub struct ArticleView {
    pub title: String,
    pub summary: String,
    pub bureau: String,
    pub body_html: String,
    pub contact_html: String,
    pub presentation: Presentation,
    /// Where the passages came from (translated pages only).
    pub provenance: Provenance,
}

/// The plain text of a unit, placeholders dropped, for showing the original.
pub fn plain_text(unit_text: &str) -> String {
    match placeholder::pieces(unit_text) {
        Ok(pieces) => pieces
            .into_iter()
            .filter_map(|piece| match piece {
                Piece::Text(text) => Some(placeholder::unescape_text(text)),
                _ => None,
            })
            .collect(),
        Err(_) => placeholder::unescape_text(unit_text),
    }
}

/// Units of the plain-text metadata (title, summary, bureau), which are not
/// HTML, in the same placeholder form as the body's units.
fn meta_units(page: &Announcement, lang: Lang) -> Option<[String; 3]> {
    Some([
        placeholder::escape_text(page.title.get(lang)?),
        placeholder::escape_text(page.summary.get(lang)?),
        placeholder::escape_text(page.bureau.get(lang)?),
    ])
}

/// Aligns every bundled translation into a served language with the
/// Japanese unit by unit. A bundled file must keep the Japanese element
/// tree, so unit i of one is unit i of the other; anything else is a content
/// error at start-up, not a garbled page.
pub fn bundled_translations(
    content: &Content,
    languages: &Languages,
) -> Result<Bundled, ContentError> {
    let mut bundled = Bundled::new();
    for page in content.announcements() {
        for lang in languages.target_langs() {
            if let (Some(source), Some(target)) =
                (meta_units(page, Lang::SOURCE), meta_units(page, lang))
            {
                for (s, t) in source.into_iter().zip(target) {
                    bundled.entry((lang, segment::unit_key(&s))).or_insert(t);
                }
            }
            for (part, localized) in [("body", &page.body), ("contact", &page.contact)] {
                let Some(target) = localized.get(lang) else {
                    continue;
                };
                let file = format!("{}: {part}.{}.html", page.slug, lang.code());
                let invalid = |problem: String| ContentError::Invalid {
                    file: file.clone(),
                    problem,
                };
                let source_units =
                    segment::segment(localized.source()).map_err(|e| invalid(e.to_string()))?;
                let target_units = segment::segment(target).map_err(|e| invalid(e.to_string()))?;
                if source_units.len() != target_units.len() {
                    return Err(invalid(format!(
                        "has {} translation units but the Japanese has {}: a bundled translation must keep the Japanese element tree",
                        target_units.len(),
                        source_units.len()
                    )));
                }
                for (s, t) in source_units.iter().zip(&target_units) {
                    if s.kind != t.kind {
                        return Err(invalid(format!(
                            "unit {} is a {:?} in Japanese but a {:?} here",
                            s.index, s.kind, t.kind
                        )));
                    }
                    placeholder::check_placeholders(&s.text, &t.text).map_err(|e| {
                        invalid(format!("unit {} ({:?}): {e}", s.index, plain_text(&t.text)))
                    })?;
                    bundled
                        .entry((lang, s.key()))
                        .or_insert_with(|| t.text.clone());
                }
            }
        }
    }
    Ok(bundled)
}

/// What the assembly of a translated page found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    pub units: usize,
    pub translated: usize,
    /// Units still being translated when the page was due.
    pub pending: usize,
}

/// Where a translated page's passages came from, for its disclaimer: how
/// many passages it has, how many people translated or reviewed (bundled
/// and translators' translations), and which providers did the rest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provenance {
    pub passages: usize,
    pub reviewed: usize,
    pub machine: usize,
    /// The providers of the machine-translated passages, by their stable
    /// names (`deepl`, `openai:MODEL`…), each once, in order of first use.
    pub providers: Vec<String>,
    /// When the newest machine translation among them was made (Unix ms).
    pub translated_at: Option<i64>,
}

impl Provenance {
    fn of(results: &[Option<std::sync::Arc<Translation>>]) -> Self {
        let mut provenance = Provenance {
            passages: results.len(),
            ..Provenance::default()
        };
        for translation in results.iter().flatten() {
            match translation.origin {
                Origin::Bundled | Origin::Translator => provenance.reviewed += 1,
                Origin::Machine => {
                    provenance.machine += 1;
                    provenance.translated_at = provenance.translated_at.max(translation.at);
                    let model = translation.model.clone().unwrap_or_default();
                    if !provenance.providers.contains(&model) {
                        provenance.providers.push(model);
                    }
                }
            }
        }
        provenance
    }

    /// Whether people translated every passage.
    pub fn all_reviewed(&self) -> bool {
        self.passages > 0 && self.reviewed == self.passages
    }
}

/// Translates one announcement into `lang` and returns what to render.
///
/// With a `budget` the page is due by then whatever the providers do
/// ([`Pipeline::translate_within`]): passages not translated by then stay
/// Japanese, marked pending (`data-origin="pending"`, with their anchor, so
/// the page's script can take them in when they are ready), and go on being
/// translated in the background. Without one it waits for the chain.
pub async fn translated_view(
    pipeline: &std::sync::Arc<Pipeline>,
    page: &Announcement,
    lang: Lang,
    budget: Option<std::time::Duration>,
) -> Result<(ArticleView, Coverage), segment::SegmentError> {
    let body_source = page.body.source();
    let contact_source = page.contact.source();
    // One tokenizing pass per fragment serves both the units and the
    // reassembly.
    let body = segment::Segmented::new(body_source)?;
    let contact = segment::Segmented::new(contact_source)?;
    let body_units = body.units();
    let contact_units = contact.units();
    let meta = meta_units(page, Lang::SOURCE).unwrap_or_default();
    let mut sources: Vec<String> = meta.to_vec();
    sources.extend(body_units.iter().map(|u| u.text.clone()));
    sources.extend(contact_units.iter().map(|u| u.text.clone()));

    let translated = match budget {
        Some(budget) => pipeline.translate_within(&sources, lang, budget).await,
        None => pipeline.translate_detailed(&sources, lang).await,
    };
    let results = translated.units;
    let mut pending = vec![false; results.len()];
    for &i in &translated.pending {
        if let Some(p) = pending.get_mut(i) {
            *p = true;
        }
    }
    let coverage = Coverage {
        units: results.len(),
        translated: results.iter().filter(|r| r.is_some()).count(),
        pending: translated.pending.len(),
    };
    if coverage.translated == 0 && coverage.pending == 0 {
        let view = ArticleView {
            title: page.title.source().to_owned(),
            summary: page.summary.source().to_owned(),
            bureau: page.bureau.source().to_owned(),
            body_html: body_source.to_owned(),
            contact_html: contact_source.to_owned(),
            presentation: Presentation::Untranslated { pending: false },
            provenance: Provenance::default(),
        };
        return Ok((view, coverage));
    }
    let meta_text = |i: usize, fallback: &str| match results.get(i).and_then(Option::as_ref) {
        Some(t) => plain_text(&t.text),
        None => fallback.to_owned(),
    };
    let body_range = 3..3 + body_units.len();
    let contact_range = 3 + body_units.len()..results.len();
    let mut anchored = std::collections::HashMap::new();
    let body_html = fill_fragment(
        &body,
        results.get(body_range.clone()).unwrap_or_default(),
        pending.get(body_range).unwrap_or_default(),
        &mut anchored,
    )?;
    let contact_html = fill_fragment(
        &contact,
        results.get(contact_range.clone()).unwrap_or_default(),
        pending.get(contact_range).unwrap_or_default(),
        &mut anchored,
    )?;
    let presentation = if coverage.translated == 0 {
        Presentation::Untranslated { pending: true }
    } else {
        Presentation::Translated {
            partial: coverage.translated < coverage.units,
            pending: coverage.pending > 0,
        }
    };
    let view = ArticleView {
        title: meta_text(0, page.title.source()),
        summary: meta_text(1, page.summary.source()),
        bureau: meta_text(2, page.bureau.source()),
        body_html,
        contact_html,
        presentation,
        provenance: Provenance::of(&results),
    };
    Ok((view, coverage))
}

/// How many hex digits of a unit key name a unit on its page: in the
/// anchor ids of translated passages and in their report links. 64 bits
/// tell a page's units apart (a collision is refused, not guessed at; see
/// [`text_unit`]) at a quarter of the bytes of the whole key, which every
/// translated passage of every page carries twice.
pub const UNIT_REF_LEN: usize = 16;

/// The short reference to a unit on its page (see [`UNIT_REF_LEN`]).
pub fn unit_ref(unit_key: &str) -> &str {
    unit_key.get(..UNIT_REF_LEN).unwrap_or(unit_key)
}

/// The `id` of a translated text unit's wrapper: where the report form's
/// "back to the passage" link lands, and what the report link after the
/// unit is built from (see `render::announcement_page`).
pub fn unit_anchor(unit_key: &str) -> String {
    format!("{UNIT_ANCHOR_PREFIX}{}", unit_ref(unit_key))
}

pub const UNIT_ANCHOR_PREFIX: &str = "u-";

/// Whether `reference` can name a unit: [`UNIT_REF_LEN`] to 64 lowercase
/// hex digits (a short reference or a whole key). Checked before any work is
/// done for a reference that came from a URL.
pub fn is_unit_ref(reference: &str) -> bool {
    (UNIT_REF_LEN..=64).contains(&reference.len())
        && reference
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The text unit of `page` (body or contact) that `reference` (a whole unit
/// key or its short form) names: the units a translated page wraps with
/// provenance, which readers may report. `None` when no unit matches, or
/// when two different ones do.
pub fn text_unit(
    page: &Announcement,
    reference: &str,
) -> Result<Option<Unit>, segment::SegmentError> {
    if !is_unit_ref(reference) {
        return Ok(None);
    }
    let mut found: Option<(String, Unit)> = None;
    for fragment in [page.body.source(), page.contact.source()] {
        for unit in segment::segment(fragment)? {
            if unit.kind != UnitKind::Text {
                continue;
            }
            let key = unit.key();
            if !key.starts_with(reference) {
                continue;
            }
            match &found {
                Some((seen, _)) if *seen != key => return Ok(None),
                Some(_) => {}
                None => found = Some((key, unit)),
            }
        }
    }
    Ok(found.map(|(_, unit)| unit))
}

/// Puts translations into a fragment. A translated text unit is wrapped with
/// its provenance and its Japanese original; an untranslated one is marked
/// `lang="ja"` so readers and screen readers know it is not translated.
/// A translated text unit also gets an `id`: its [`unit_anchor`], or, for the
/// same sentence again on this page, the anchor with `-2`, `-3`… (ids must be
/// unique; `anchored` counts them across the page's fragments).
fn fill_fragment(
    segmented: &segment::Segmented<'_>,
    results: &[Option<std::sync::Arc<Translation>>],
    pending: &[bool],
    anchored: &mut std::collections::HashMap<String, usize>,
) -> Result<String, segment::SegmentError> {
    let mut anchor_of = |unit: &Unit| {
        let anchor = unit_anchor(&unit.key());
        let seen = anchored.entry(anchor.clone()).or_insert(0);
        *seen += 1;
        match *seen {
            1 => anchor,
            n => format!("{anchor}-{n}"),
        }
    };
    let reassembled = segmented.reassemble(|unit: &Unit| {
        match results.get(unit.index).and_then(Option::as_ref) {
            Some(translation) => {
                let fill = Fill::text(translation.text.clone());
                if unit.kind == UnitKind::Text {
                    fill.with_wrapper_attr("id", anchor_of(unit))
                        .with_wrapper_attr("data-origin", translation.origin.as_str())
                        .with_wrapper_attr("data-ja", plain_text(&unit.text))
                } else {
                    fill
                }
            }
            // Being translated right now: anchored like a translation, so
            // the page's script finds it when the translation is ready.
            None if unit.kind == UnitKind::Text && pending.get(unit.index) == Some(&true) => {
                Fill::keep()
                    .with_wrapper_attr("id", anchor_of(unit))
                    .with_wrapper_attr("lang", Lang::SOURCE.code())
                    .with_wrapper_attr("data-origin", "pending")
            }
            None => Fill::keep()
                .with_wrapper_attr("lang", Lang::SOURCE.code())
                .with_wrapper_attr("data-origin", "source"),
        }
    })?;
    if !reassembled.rejected.is_empty() {
        // The translator's QA gate runs the same check first, so this is a
        // bug, not bad provider output; the page still shows the original.
        tracing::error!(
            rejected = reassembled.rejected.len(),
            "reassembly refused translations that passed the QA gate"
        );
    }
    Ok(reassembled.html)
}
