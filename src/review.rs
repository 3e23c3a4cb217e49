//! The translators' side of hosted pages: which units a page has, what
//! readers are served for each, and the checked ways to change that (save,
//! approve, revert), shared by the JSON API, XLIFF import and the web editor.
//!
//! Translators see and type *editable* text: plain text in which the unit's
//! inline markup appears as placeholders (`<b1>…</b1>`, `<x2/>`). Anything
//! else that looks like markup (`<script>`, `<b>`) is text and is escaped
//! when stored, so an override can never inject HTML into a page.
//!
//! An override is keyed by its unit's Japanese sentence, so it is served
//! wherever that sentence appears. When a page's Japanese is edited, the
//! overrides of edited sentences are carried to their new version in
//! state `needs-review` ([`sync_layouts`]): kept and shown to translators,
//! but not served, because a translation of the old sentence can be wrong
//! for the new one (a changed date, a new condition). Readers get the
//! machine (or bundled) translation of the new sentence until a translator
//! approves or rewrites the override.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use crate::content::{Announcement, Content};
use crate::i18n::Lang;
use crate::model::{
    CarriedOverride, Carry, Override, OverrideRevision, OverrideState, PageUnit, SYSTEM_AUTHOR,
    TranslatorAccount,
};
use crate::placeholder::{self, Piece};
use crate::protect;
use crate::segment;
use crate::store::{Store, StoreError};
use crate::translate::{Pipeline, QaError, Translation};

/// The part of a hosted page a unit comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    Title,
    Summary,
    Bureau,
    Body,
    Contact,
    /// An attribute (`alt`, `title`…) of a proxied page.
    Attribute,
    /// Known from the translation memory only: a unit of a proxied page or
    /// of the translation API, outside any hosted page.
    Memory,
}

/// One unit of a hosted page, in page order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceUnit {
    pub position: usize,
    pub part: Part,
    /// Placeholder form.
    pub text: String,
    pub key: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("cannot cut the page into units: {0}")]
    Segment(#[from] segment::SegmentError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// No hosted page has this unit and the memory does not know it.
    #[error("no such unit")]
    UnitNotFound,
    #[error("{translator} may not change {lang} translations")]
    Forbidden { translator: String, lang: Lang },
    /// The translator's text failed the QA checks.
    #[error("QA failed: {0}")]
    Qa(QaProblem),
    /// The version the change was made from is no longer current.
    #[error("version conflict: now at {current}")]
    VersionConflict { current: i64 },
    #[error("there is no override to revert")]
    NothingToRevert,
    #[error("this override is already approved")]
    AlreadyApproved,
}

/// The units of `page` in the order the page shows them: title, summary,
/// bureau, then the body's and the contact box's text units.
pub fn page_units(page: &Announcement) -> Result<Vec<SourceUnit>, segment::SegmentError> {
    let mut texts: Vec<(Part, String)> = vec![
        (Part::Title, placeholder::escape_text(page.title.source())),
        (
            Part::Summary,
            placeholder::escape_text(page.summary.source()),
        ),
        (Part::Bureau, placeholder::escape_text(page.bureau.source())),
    ];
    for unit in segment::segment(page.body.source())? {
        texts.push((Part::Body, unit.text));
    }
    for unit in segment::segment(page.contact.source())? {
        texts.push((Part::Contact, unit.text));
    }
    Ok(texts
        .into_iter()
        .enumerate()
        .map(|(position, (part, text))| SourceUnit {
            position,
            part,
            key: segment::unit_key(&text),
            text,
        })
        .collect())
}

/// Every unit key of every hosted page with its source text.
pub fn unit_sources(content: &Content) -> Result<HashMap<String, String>, segment::SegmentError> {
    let mut index = HashMap::new();
    for page in content.announcements() {
        for unit in page_units(page)? {
            index.entry(unit.key).or_insert(unit.text);
        }
    }
    Ok(index)
}

/// Records each hosted page's layout in the store and carries the
/// overrides of sentences edited since the last start (see the module docs
/// and [`sync_page`]). Returns how many overrides now need review.
pub async fn sync_layouts(store: &Arc<dyn Store>, content: &Content) -> Result<usize, ReviewError> {
    let mut flagged = 0;
    for page in content.announcements() {
        let units: Vec<PageUnit> = page_units(page)?
            .into_iter()
            .map(|u| PageUnit {
                unit_key: u.key,
                source_text: u.text,
            })
            .collect();
        let carried = sync_page(store.as_ref(), &page.slug, &units).await?;
        for c in &carried {
            tracing::info!(
                page = %page.slug,
                target = %c.target,
                unit = %c.to_key,
                "the Japanese of an overridden sentence changed; its override now needs review"
            );
        }
        flagged += carried.len();
    }
    Ok(flagged)
}

/// Records `units` as the layout of `page`. Where a unit's sentence was
/// edited since the layout last recorded ([`carried_units`]), every
/// override of the old sentence that the new one lacks is carried to the
/// new one in state [`OverrideState::NeedsReview`], by
/// [`crate::model::SYSTEM_AUTHOR`]: kept and shown to translators, not
/// served. Instances starting together each read the old layout; the one
/// whose write finds it changed reads it again.
pub async fn sync_page(
    store: &dyn Store,
    page: &str,
    units: &[PageUnit],
) -> Result<Vec<CarriedOverride>, StoreError> {
    let mut attempt = 0;
    loop {
        let old = store.page_units(page).await?;
        if old == units {
            return Ok(Vec::new());
        }
        let carry: Vec<Carry> = carried_units(&old, units)
            .into_iter()
            .filter_map(|(from, to)| {
                Some(Carry {
                    from_key: old.get(from)?.unit_key.clone(),
                    to: units.get(to)?.clone(),
                })
            })
            .collect();
        match store
            .page_units_replace(page, &old, units, &carry, SYSTEM_AUTHOR)
            .await
        {
            Err(StoreError::Changed) if attempt < 5 => attempt += 1,
            other => return other,
        }
    }
}

/// Which units of a page's old layout became which of its new one: pairs
/// (old index, new index) of units whose sentence was edited.
///
/// Unchanged sentences are matched by a longest common subsequence of unit
/// keys, so inserting or deleting a paragraph shifts nothing; between two
/// matched units, the old and new units left over are paired in order (the
/// first edited paragraph with the first new one, and so on), and any
/// surplus on either side was deleted or added, not edited.
pub fn carried_units(old: &[PageUnit], new: &[PageUnit]) -> Vec<(usize, usize)> {
    let (n, m) = (old.len(), new.len());
    // lcs[i][j]: length of the LCS of old[i..] and new[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if old[i].unit_key == new[j].unit_key {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    let (mut gap_old, mut gap_new) = (Vec::new(), Vec::new());
    let mut flush = |gap_old: &mut Vec<usize>, gap_new: &mut Vec<usize>| {
        pairs.extend(gap_old.iter().copied().zip(gap_new.iter().copied()));
        gap_old.clear();
        gap_new.clear();
    };
    while i < n && j < m {
        if old[i].unit_key == new[j].unit_key {
            flush(&mut gap_old, &mut gap_new);
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            gap_old.push(i);
            i += 1;
        } else {
            gap_new.push(j);
            j += 1;
        }
    }
    gap_old.extend(i..n);
    gap_new.extend(j..m);
    flush(&mut gap_old, &mut gap_new);
    pairs
}

/// Placeholder form → what a translator reads and types.
pub fn to_editable(text: &str) -> String {
    match placeholder::pieces(text) {
        Ok(pieces) => pieces
            .into_iter()
            .map(|piece| match piece {
                Piece::Text(t) => placeholder::unescape_text(t),
                Piece::Open(n) => format!("<b{n}>"),
                Piece::Close(n) => format!("</b{n}>"),
                Piece::Void(n) => format!("<x{n}/>"),
                Piece::Protected(n) => format!("<p{n}/>"),
            })
            .collect(),
        Err(_) => placeholder::unescape_text(text),
    }
}

/// What a translator typed → placeholder form. Only placeholder tags
/// (`<b1>`, `</b1>`, `<x2/>`, `<x2 />`: [`placeholder::tag_at`]) stay markup,
/// written canonically; every other `<`, `>` and `&` is text.
pub fn from_editable(typed: &str) -> String {
    let mut out = String::with_capacity(typed.len() + 16);
    let mut rest = typed;
    while let Some(lt) = rest.find('<') {
        let (before, from_lt) = rest.split_at(lt);
        out.push_str(&placeholder::escape_text(before));
        // Protected tokens are typed out, never as `<pN/>`.
        let tag = placeholder::tag_at(from_lt, 0)
            .and_then(|tag| Some((tag.piece()?, tag.len)))
            .filter(|(piece, _)| !matches!(piece, Piece::Protected(_)));
        match tag {
            Some((piece, len)) => {
                out.push_str(&piece.to_string());
                rest = from_lt.get(len..).unwrap_or_default();
            }
            None => {
                out.push_str("&lt;");
                rest = from_lt.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(&placeholder::escape_text(rest));
    out
}

/// What an override of `source` into `lang` must contain: its placeholders
/// (checked structurally) and each protected token as rendered for `lang`
/// (dates, phone numbers, URLs…), as often as the source has it.
pub fn required_tokens(source: &str, lang: Lang) -> Vec<String> {
    protect::protect(source)
        .tokens
        .iter()
        .map(|token| protect::render(token, lang))
        .collect()
}

/// Why a translator's text was refused. Displayed in English for logs and
/// reports; [`QaProblem::localized`] says it in the translator's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QaProblem {
    #[error("the translation is empty; revert to the machine translation instead")]
    Empty,
    /// A placeholder of the source is not in the text.
    #[error(
        "placeholder {placeholder} is missing: keep every placeholder of the source ({expected})"
    )]
    MissingPlaceholder {
        placeholder: String,
        expected: String,
    },
    /// Placeholders present but wrong: extra, doubled, misnested.
    #[error("the placeholders do not match the source: {0}")]
    Placeholder(String),
    /// Protected text (rendered dates, phone numbers, URLs…) not kept.
    #[error("protected text is missing: {} (keep it exactly as shown)", .0.join(", "))]
    MissingProtected(Vec<String>),
}

impl QaProblem {
    /// The problem in `lang`, for the API's error message and the editor.
    pub fn localized(&self, locales: &crate::i18n::Locales, lang: Lang) -> String {
        let mut args = fluent_bundle::FluentArgs::new();
        let id = match self {
            QaProblem::Empty => "qa-empty",
            QaProblem::MissingPlaceholder {
                placeholder,
                expected,
            } => {
                args.set("placeholder", placeholder.clone());
                args.set("detail", expected.clone());
                "qa-missing-placeholder"
            }
            QaProblem::Placeholder(detail) => {
                args.set("detail", detail.clone());
                "qa-placeholder"
            }
            QaProblem::MissingProtected(tokens) => {
                args.set("detail", tokens.join(", "));
                "qa-missing-protected"
            }
        };
        locales.t_args(lang, id, &args)
    }
}

/// The QA checks on a translator's text (placeholder form): not empty, the
/// source's placeholders exactly, and every protected token kept. The error
/// names what is missing, in the translator's terms.
pub fn check_override(source: &str, text: &str, lang: Lang) -> Result<(), QaProblem> {
    if placeholder::unescape_text(text).trim().is_empty() {
        return Err(QaProblem::Empty);
    }
    placeholder::check_placeholders(source, text).map_err(|e| match e {
        placeholder::PlaceholderError::Missing(p) => QaProblem::MissingPlaceholder {
            placeholder: match p.kind {
                placeholder::PlaceholderKind::Paired => format!("<{p}>…</{p}>"),
                _ => format!("<{p}/>"),
            },
            expected: placeholder_list(source),
        },
        other => QaProblem::Placeholder(other.to_string()),
    })?;
    let plain = to_editable(text);
    let mut needed: HashMap<String, usize> = HashMap::new();
    for token in required_tokens(source, lang) {
        *needed.entry(token).or_default() += 1;
    }
    let mut missing: Vec<String> = needed
        .into_iter()
        .filter(|(token, count)| plain.matches(token.as_str()).count() < *count)
        .map(|(token, _)| format!("\u{201c}{token}\u{201d}"))
        .collect();
    missing.sort();
    if !missing.is_empty() {
        return Err(QaProblem::MissingProtected(missing));
    }
    Ok(())
}

fn placeholder_list(source: &str) -> String {
    let Ok(pieces) = placeholder::pieces(source) else {
        return String::new();
    };
    pieces
        .into_iter()
        .filter_map(|p| match p {
            Piece::Open(n) => Some(format!("<b{n}>…</b{n}>")),
            Piece::Void(n) => Some(format!("<x{n}/>")),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where a unit's translation stands, as the translators' API, the editor
/// and the exchange files say it. Review owns the states; the exchange
/// formats map them onto their own vocabularies.
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
}

impl From<OverrideState> for UnitState {
    fn from(state: OverrideState) -> Self {
        match state {
            OverrideState::Approved => UnitState::Approved,
            OverrideState::NeedsReview => UnitState::NeedsReview,
        }
    }
}

/// The state of a unit with this override (or none).
pub fn state_of(o: Option<&Override>) -> UnitState {
    o.map_or(UnitState::Machine, |o| UnitState::from(o.state))
}

/// The translation readers would get without an override.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MachineView {
    /// Editable form.
    pub text: String,
    /// `machine` or `bundled` (a reviewed translation shipped with the page).
    pub origin: &'static str,
    /// Provider and model, for machine translations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OverrideView {
    /// Editable form.
    pub text: String,
    pub author: String,
    /// Unix milliseconds.
    pub updated_at: i64,
    /// For `needs-review`: the Japanese the override was written against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_source: Option<String>,
}

/// Why the QA gate refused the unit's machine translation (readers get the
/// Japanese until the hold ends or a translator writes an override).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RefusalView {
    /// `number`, `echo`, `script`, `lost`, `length`, `batch`, `token`,
    /// `markup` or `empty`.
    pub code: &'static str,
    /// The reason in words, in English: "number 7 became 8".
    pub message: String,
    #[serde(skip)]
    pub error: QaError,
}

/// One unit as translators see it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UnitView {
    /// Stable id of the unit: the hash of its Japanese sentence.
    pub id: String,
    pub page: String,
    pub position: usize,
    pub part: Part,
    /// The Japanese, editable form.
    pub source: String,
    pub machine: Option<MachineView>,
    #[serde(rename = "override")]
    pub override_: Option<OverrideView>,
    pub state: UnitState,
    /// The override's version (0: none): send it back in `If-Match`.
    pub version: i64,
    /// What readers are served now (editable form); `None`: the Japanese.
    pub served: Option<String>,
    /// `machine`, `bundled`, `translator`, or `source` (untranslated).
    pub served_origin: &'static str,
    /// Text every translation must keep: rendered dates, numbers, URLs…
    pub required: Vec<String>,
    /// Set when the QA gate refused the machine translation of the unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refused: Option<RefusalView>,
}

/// The units of `page` in `lang` for translators, optionally only those in
/// `state`. Units without a translation yet are translated as a reader's
/// visit would (memory first, providers last).
pub async fn unit_views(
    translator: &Pipeline,
    store: &Arc<dyn Store>,
    page: &Announcement,
    lang: Lang,
    state: Option<UnitState>,
) -> Result<Vec<UnitView>, ReviewError> {
    views_of(
        translator,
        store,
        &page.slug,
        page_units(page)?,
        lang,
        state,
    )
    .await
}

/// Like [`unit_views`] for any units: those of a proxied page, or one unit
/// known from the translation memory. `page` labels them (slug or URL).
pub async fn views_of(
    translator: &Pipeline,
    store: &Arc<dyn Store>,
    page: &str,
    units: Vec<SourceUnit>,
    lang: Lang,
    state: Option<UnitState>,
) -> Result<Vec<UnitView>, ReviewError> {
    let sources: Vec<String> = units.iter().map(|u| u.text.clone()).collect();
    let keys: Vec<String> = units.iter().map(|u| u.key.clone()).collect();
    let machine = translator.translate_without_overrides(&sources, lang).await;
    let overrides = store.override_get(&keys, lang).await?;
    let refusals = machine.refusals;
    Ok(units
        .into_iter()
        .zip(machine.units)
        .enumerate()
        .map(|(i, (unit, machine))| {
            let current = overrides.get(&unit.key).cloned();
            let mut view = view(page, unit, machine, current, lang);
            view.refused = refusals.get(&i).map(|error| RefusalView {
                code: error.code(),
                message: error.to_string(),
                error: error.clone(),
            });
            view
        })
        .filter(|v| state.is_none_or(|s| v.state == s))
        .collect())
}

/// The units of any HTML document (a proxied page), in document order.
pub fn html_units(html: &str) -> Result<Vec<SourceUnit>, segment::SegmentError> {
    Ok(segment::segment(html)?
        .into_iter()
        .enumerate()
        .map(|(position, unit)| SourceUnit {
            position,
            part: match unit.kind {
                segment::UnitKind::Text => Part::Body,
                segment::UnitKind::Title => Part::Title,
                segment::UnitKind::Attribute(_) => Part::Attribute,
            },
            key: unit.key(),
            text: unit.text,
        })
        .collect())
}

fn view(
    page: &str,
    unit: SourceUnit,
    machine: Option<Arc<Translation>>,
    current: Option<Override>,
    lang: Lang,
) -> UnitView {
    let state = state_of(current.as_ref());
    let machine_view = machine.as_ref().map(|t| MachineView {
        text: to_editable(&t.text),
        origin: t.origin.as_str(),
        model: t.model.clone().filter(|m| !m.is_empty()),
    });
    let (served, served_origin) = match (&current, &machine) {
        (Some(o), _) if o.state == OverrideState::Approved => {
            (Some(to_editable(&o.text)), "translator")
        }
        (_, Some(t)) => (Some(to_editable(&t.text)), t.origin.as_str()),
        (_, None) => (None, "source"),
    };
    UnitView {
        id: unit.key,
        page: page.to_owned(),
        position: unit.position,
        part: unit.part,
        required: required_tokens(&unit.text, lang),
        source: to_editable(&unit.text),
        machine: machine_view,
        state,
        version: current.as_ref().map_or(0, |o| o.version),
        override_: current.map(|o| OverrideView {
            text: to_editable(&o.text),
            author: o.author,
            updated_at: o.updated_at,
            previous_source: o.previous_source.map(|s| to_editable(&s)),
        }),
        served,
        served_origin,
        refused: None,
    }
}

impl UnitView {
    /// The unit's text as translators last left it, in placeholder form:
    /// the override (flagged or not), else the machine or bundled
    /// translation. What an exchange file carries as the target.
    pub fn current_text(&self) -> Option<String> {
        self.override_
            .as_ref()
            .map(|o| &o.text)
            .or_else(|| self.machine.as_ref().map(|m| &m.text))
            .map(|t| from_editable(t))
    }
}

/// One history entry as translators see it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct HistoryEntry {
    pub version: i64,
    pub author: String,
    /// Unix milliseconds.
    pub at: i64,
    /// `saved`, `approved`, `flagged` (source changed) or `reverted`.
    pub action: &'static str,
    pub state: UnitState,
    /// The override before this change (`None`: the machine translation).
    pub before: Option<String>,
    /// The override after it (`None`: reverted to the machine translation).
    pub after: Option<String>,
}

/// Turns the store's revisions (oldest first) into before/after entries.
pub fn history_entries(revisions: Vec<OverrideRevision>) -> Vec<HistoryEntry> {
    let mut before: Option<String> = None;
    let mut entries = Vec::with_capacity(revisions.len());
    for r in revisions {
        let after = r.text.as_deref().map(to_editable);
        let action = match (&r.text, r.state) {
            (None, _) => "reverted",
            (Some(_), OverrideState::NeedsReview) => "flagged",
            (Some(t), OverrideState::Approved)
                if before.as_deref() == Some(to_editable(t).as_str()) =>
            {
                "approved"
            }
            (Some(_), OverrideState::Approved) => "saved",
        };
        entries.push(HistoryEntry {
            version: r.version,
            author: r.author,
            at: r.created_at,
            action,
            state: match (&r.text, r.state) {
                (None, _) => UnitState::Machine,
                (Some(_), OverrideState::Approved) => UnitState::Approved,
                (Some(_), OverrideState::NeedsReview) => UnitState::NeedsReview,
            },
            before: before.clone(),
            after: after.clone(),
        });
        before = after;
    }
    entries
}

// ---------------------------------------------------------------------------------------------
// The checked changes: shared by the JSON API, XLIFF import and the web editor.

/// What the review operations read and change: the hosted pages and their
/// units, the pipeline (for what readers get without an override), the
/// store, and the process's generation watch, which every change moves so
/// the next page served shows it.
#[derive(Clone, Copy)]
pub struct Review<'a> {
    pub content: &'a Content,
    /// The Japanese of every unit of every hosted page, by unit key.
    pub unit_sources: &'a HashMap<String, String>,
    pub pipeline: &'a Pipeline,
    pub store: &'a Arc<dyn Store>,
    pub generation: &'a crate::store::GenerationWatch,
}

impl Review<'_> {
    /// The first hosted page holding unit `id`, and the unit; a unit of no
    /// hosted page that the translation memory knows (a proxied page, the
    /// translation API) comes without a page.
    pub async fn find_unit(
        &self,
        id: &str,
    ) -> Result<(Option<Arc<Announcement>>, SourceUnit), ReviewError> {
        if self.unit_sources.contains_key(id) {
            for page in self.content.announcements() {
                if let Some(unit) = page_units(page)?.into_iter().find(|u| u.key == id) {
                    return Ok((Some(page.clone()), unit));
                }
            }
        }
        let source = self
            .store
            .tm_source(id)
            .await?
            .ok_or(ReviewError::UnitNotFound)?;
        // The id is the hash of the source: a row under another key is not this unit.
        if segment::unit_key(&source) != id {
            return Err(ReviewError::UnitNotFound);
        }
        Ok((
            None,
            SourceUnit {
                position: 0,
                part: Part::Memory,
                key: id.to_owned(),
                text: source,
            },
        ))
    }

    /// The unit as translators see it now.
    pub async fn unit_view(
        &self,
        page: Option<&Announcement>,
        unit: &SourceUnit,
        lang: Lang,
    ) -> Result<UnitView, ReviewError> {
        let views = match page {
            Some(page) => unit_views(self.pipeline, self.store, page, lang, None).await,
            None => {
                views_of(
                    self.pipeline,
                    self.store,
                    "",
                    vec![unit.clone()],
                    lang,
                    None,
                )
                .await
            }
        };
        views?
            .into_iter()
            .find(|v| v.id == unit.key)
            .ok_or(ReviewError::UnitNotFound)
    }

    /// Checks and saves a translator's text (editable form) for `unit`.
    /// `version` is the one the translator started from (0: no override).
    pub async fn save_override(
        &self,
        translator: &TranslatorAccount,
        unit: &SourceUnit,
        lang: Lang,
        typed: &str,
        version: i64,
    ) -> Result<Override, ReviewError> {
        self.save_text(
            translator,
            unit,
            lang,
            &from_editable(typed.trim()),
            version,
        )
        .await
    }

    /// Like [`save_override`](Self::save_override), with the text already in
    /// placeholder form (XLIFF).
    pub async fn save_text(
        &self,
        translator: &TranslatorAccount,
        unit: &SourceUnit,
        lang: Lang,
        text: &str,
        version: i64,
    ) -> Result<Override, ReviewError> {
        may_edit(translator, lang)?;
        let text = text.trim();
        check_override(&unit.text, text, lang).map_err(ReviewError::Qa)?;
        let saved = self
            .store
            .override_put(
                &unit.key,
                lang,
                text,
                &unit.text,
                &translator.name,
                (version > 0).then_some(version),
            )
            .await?;
        self.generation.refresh().await;
        tracing::info!(translator = %translator.name, target = %lang, unit = %unit.key, version = saved.version, "override saved");
        Ok(saved)
    }

    /// Reverts to the machine (or bundled) translation.
    pub async fn revert_override(
        &self,
        translator: &TranslatorAccount,
        unit: &SourceUnit,
        lang: Lang,
        version: i64,
    ) -> Result<(), ReviewError> {
        may_edit(translator, lang)?;
        if version == 0 {
            // Nothing to revert as far as the client knows: a conflict if
            // someone has saved one since, so it can refresh; otherwise
            // there is nothing to do.
            return Err(match self.current(unit, lang).await? {
                Some(o) => ReviewError::VersionConflict { current: o.version },
                None => ReviewError::NothingToRevert,
            });
        }
        self.store
            .override_revert(&unit.key, lang, &translator.name, Some(version))
            .await?;
        self.generation.refresh().await;
        tracing::info!(translator = %translator.name, target = %lang, unit = %unit.key, "override reverted");
        Ok(())
    }

    /// Approves an override flagged `needs-review` as it stands, after the
    /// QA checks against the new source.
    pub async fn approve_override(
        &self,
        translator: &TranslatorAccount,
        unit: &SourceUnit,
        lang: Lang,
        version: i64,
    ) -> Result<(), ReviewError> {
        may_edit(translator, lang)?;
        let current = match self.current(unit, lang).await? {
            Some(o) if o.version == version => o,
            other => {
                return Err(ReviewError::VersionConflict {
                    current: other.map_or(0, |o| o.version),
                });
            }
        };
        if current.state == OverrideState::Approved {
            return Err(ReviewError::AlreadyApproved);
        }
        check_override(&unit.text, &current.text, lang).map_err(ReviewError::Qa)?;
        self.store
            .override_set_state(
                &unit.key,
                lang,
                OverrideState::Approved,
                &translator.name,
                Some(version),
            )
            .await?;
        self.generation.refresh().await;
        Ok(())
    }

    /// Whether approving `unit` with `typed` in the editor's box means
    /// saving it: the text was changed, and the translator's edit must never
    /// be dropped for the old one.
    pub async fn approve_saves(
        &self,
        unit: &SourceUnit,
        lang: Lang,
        typed: &str,
    ) -> Result<bool, ReviewError> {
        let typed_text = from_editable(typed.trim());
        Ok(match self.current(unit, lang).await? {
            Some(o) => o.text != typed_text && !typed.trim().is_empty(),
            None => false,
        })
    }

    /// Every change of unit `key`'s override in `lang`, oldest first.
    pub async fn history(&self, key: &str, lang: Lang) -> Result<Vec<HistoryEntry>, ReviewError> {
        Ok(history_entries(
            self.store.override_history(key, lang).await?,
        ))
    }

    async fn current(&self, unit: &SourceUnit, lang: Lang) -> Result<Option<Override>, StoreError> {
        Ok(self
            .store
            .override_get(std::slice::from_ref(&unit.key), lang)
            .await?
            .remove(&unit.key))
    }
}

/// Refused unless `translator` may change `lang`.
fn may_edit(translator: &TranslatorAccount, lang: Lang) -> Result<(), ReviewError> {
    if translator.may_edit(lang) {
        Ok(())
    } else {
        Err(ReviewError::Forbidden {
            translator: translator.name.clone(),
            lang,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn typed_markup_is_text_and_placeholders_stay() {
        assert_eq!(
            from_editable("<b1>Apply</b1> by <script>alert(1)</script> & <x2/>"),
            "<b1>Apply</b1> by &lt;script&gt;alert(1)&lt;/script&gt; &amp; <x2/>"
        );
        assert_eq!(from_editable("a <x3 /> b"), "a <x3/> b");
        assert_eq!(
            from_editable("<b>bold</b> <b01> <x1> </x1>"),
            "&lt;b&gt;bold&lt;/b&gt; &lt;b01&gt; &lt;x1&gt; &lt;/x1&gt;"
        );
        assert_eq!(from_editable("1 < 2 > 0"), "1 &lt; 2 &gt; 0");
    }

    #[test]
    fn editable_form_round_trips() {
        for text in [
            "<b1>申込み</b1>は&lt;こちら&gt; &amp; <x2/>",
            "plain",
            "a &lt;script&gt; b",
        ] {
            assert_eq!(from_editable(&to_editable(text)), text);
        }
        assert_eq!(to_editable("a &lt;b&gt; <b1>c</b1>"), "a <b> <b1>c</b1>");
    }

    #[test]
    fn qa_names_the_missing_placeholder() {
        let source = "<b1>申込み</b1>はこちら";
        let err = check_override(source, "Apply here", Lang::En)
            .unwrap_err()
            .to_string();
        assert!(err.contains("<b1>"), "{err}");
        assert!(check_override(source, "<b1>Apply</b1> here", Lang::En).is_ok());
        assert!(check_override(source, "   ", Lang::En).is_err());
    }

    #[test]
    fn qa_names_missing_protected_tokens() {
        let source = "電話：03-5253-1111";
        let required = required_tokens(source, Lang::En);
        assert_eq!(required, ["03-5253-1111"]);
        let err = check_override(source, "Phone: (call us)", Lang::En)
            .unwrap_err()
            .to_string();
        assert!(err.contains("03-5253-1111"), "{err}");
        assert!(check_override(source, "Phone: 03-5253-1111", Lang::En).is_ok());
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
    fn history_shows_before_and_after() {
        let rev = |version, text: Option<&str>, author: &str, state| OverrideRevision {
            version,
            text: text.map(str::to_owned),
            author: author.into(),
            created_at: version,
            state,
        };
        let entries = history_entries(vec![
            rev(1, Some("a"), "sato", OverrideState::Approved),
            rev(2, Some("b"), "kim", OverrideState::Approved),
            rev(3, Some("b"), "honyaku", OverrideState::NeedsReview),
            rev(4, Some("b"), "sato", OverrideState::Approved),
            rev(5, None, "kim", OverrideState::Approved),
        ]);
        let actions: Vec<_> = entries.iter().map(|e| e.action).collect();
        assert_eq!(
            actions,
            ["saved", "saved", "flagged", "approved", "reverted"]
        );
        assert_eq!(entries[1].before.as_deref(), Some("a"));
        assert_eq!(entries[1].after.as_deref(), Some("b"));
        assert_eq!(entries[4].after, None);
        assert_eq!(entries[4].state, UnitState::Machine);
    }

    fn layout(keys: &[&str]) -> Vec<PageUnit> {
        keys.iter()
            .map(|k| PageUnit {
                unit_key: (*k).to_owned(),
                source_text: format!("source of {k}"),
            })
            .collect()
    }

    #[test]
    fn an_edited_sentence_is_paired_with_its_new_version() {
        let old = layout(&["a", "b", "c", "d"]);
        let new = layout(&["a", "B", "c", "d"]);
        assert_eq!(carried_units(&old, &new), vec![(1, 1)]);
    }

    #[test]
    fn inserted_and_deleted_paragraphs_shift_nothing() {
        let old = layout(&["a", "b", "c"]);
        assert!(carried_units(&old, &layout(&["new", "a", "b", "c"])).is_empty());
        assert!(carried_units(&old, &layout(&["a", "c"])).is_empty());
        // An edit after an insertion is still found.
        assert_eq!(
            carried_units(&old, &layout(&["new", "a", "B", "c"])),
            vec![(1, 2)]
        );
    }

    #[test]
    fn edits_between_unchanged_units_pair_in_order() {
        let old = layout(&["a", "b1", "b2", "c"]);
        let new = layout(&["a", "B1", "B2", "B3", "c"]);
        assert_eq!(carried_units(&old, &new), vec![(1, 1), (2, 2)]);
        assert_eq!(
            carried_units(&layout(&["x"]), &layout(&["y"])),
            vec![(0, 0)]
        );
        assert!(carried_units(&[], &layout(&["y"])).is_empty());
    }
}
