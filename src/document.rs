//! Documents that are not ours, translated on the pipeline of the hosted
//! pages: an API client's plain texts and HTML, and the pages the URL proxy
//! fetches. Both need the same thing (every unit of every document in one
//! call to the pipeline, so they share batches and the memory; each document
//! rebuilt with the Japanese kept, marked `lang="ja"`, where no translation
//! came back; what each unit came from), so both call this module.
//!
//! The hosted announcements are not documents in this sense: they have
//! bundled translations, anchors and a report link per passage, and are
//! assembled by [`crate::pages`].

use std::sync::Arc;
use std::time::Duration;

use crate::i18n::Lang;
use crate::pages::plain_text;
use crate::placeholder;
use crate::segment::{self, Fill, Segmented, UnitKind};
use crate::translate::{Pipeline, QaError, Translated};

#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("cannot cut the document into units: {0}")]
    Segment(#[from] segment::SegmentError),
}

/// One input to translate: plain text (one unit) or HTML (segmented).
pub enum Document<'a> {
    Text(&'a str),
    Html(Segmented<'a>),
}

impl<'a> Document<'a> {
    /// An HTML fragment or whole document, cut into units once.
    pub fn html(html: &'a str) -> Result<Self, DocumentError> {
        Ok(Document::Html(Segmented::new(html)?))
    }

    /// Characters of text to translate: what a client's budget counts,
    /// whether or not the memory already holds the translations.
    pub fn source_characters(&self) -> u64 {
        match self {
            Document::Text(text) => text.chars().count() as u64,
            Document::Html(segmented) => segmented
                .units()
                .iter()
                .map(|u| plain_text(&u.text).chars().count() as u64)
                .sum(),
        }
    }
}

/// What became of one unit's machine translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qa {
    /// Translated, and the QA gate let it through.
    Passed,
    /// The QA gate refused the machine translation; the Japanese stays.
    Rejected,
    /// No provider could translate it; the Japanese stays.
    NotTranslated,
}

impl Qa {
    pub fn as_str(self) -> &'static str {
        match self {
            Qa::Passed => "passed",
            Qa::Rejected => "rejected",
            Qa::NotTranslated => "not_translated",
        }
    }
}

/// One unit of a translated document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitOutcome {
    /// The unit's position in its document.
    pub index: usize,
    /// `machine`, `translator`, `bundled`, or `source` (left in Japanese).
    pub origin: &'static str,
    pub qa: Qa,
    /// For [`Qa::Rejected`]: why the QA gate refused it.
    pub refusal: Option<QaError>,
}

/// One translated document: `text` for a [`Document::Text`], `html` for a
/// [`Document::Html`].
#[derive(Debug, Clone, Default)]
pub struct TranslatedDocument {
    pub text: Option<String>,
    pub html: Option<String>,
    pub units: Vec<UnitOutcome>,
}

impl TranslatedDocument {
    /// Whether every unit was translated (an incomplete page must not be
    /// cached).
    pub fn complete(&self) -> bool {
        self.units.iter().all(|u| u.origin != "source")
    }
}

/// Translates every unit of every document in one call to the pipeline
/// (so they share batches), then rebuilds each document. Also returns the
/// characters providers billed. With a `budget` the answer is due by then
/// whatever the providers do: what is not translated by then stays
/// Japanese and is translated in the background
/// ([`Pipeline::translate_within`]); without one it waits for the chain.
pub async fn translate(
    pipeline: &Arc<Pipeline>,
    documents: &[Document<'_>],
    target: Lang,
    budget: Option<Duration>,
) -> Result<(Vec<TranslatedDocument>, u64), DocumentError> {
    let mut sources: Vec<String> = Vec::new();
    let mut offsets = Vec::with_capacity(documents.len());
    for document in documents {
        offsets.push(sources.len());
        match document {
            Document::Text(text) => sources.push(placeholder::escape_text(text)),
            Document::Html(segmented) => {
                sources.extend(segmented.units().iter().map(|u| u.text.clone()));
            }
        }
    }
    let translated = match budget {
        Some(budget) => pipeline.translate_within(&sources, target, budget).await,
        None => pipeline.translate_detailed(&sources, target).await,
    };
    let mut out = Vec::with_capacity(documents.len());
    for (document, offset) in documents.iter().zip(offsets) {
        match document {
            Document::Text(text) => {
                let outcome = outcome(&translated, offset, 0);
                let text = match translated.units.get(offset).and_then(Option::as_ref) {
                    Some(t) => plain_text(&t.text),
                    None => (*text).to_owned(),
                };
                out.push(TranslatedDocument {
                    text: Some(text),
                    html: None,
                    units: vec![outcome],
                });
            }
            Document::Html(segmented) => {
                let units: Vec<UnitOutcome> = (0..segmented.units().len())
                    .map(|i| outcome(&translated, offset, i))
                    .collect();
                let reassembled = segmented.reassemble(|unit| {
                    match translated
                        .units
                        .get(offset + unit.index)
                        .and_then(Option::as_ref)
                    {
                        Some(t) => Fill::text(t.text.clone()),
                        None if unit.kind == UnitKind::Text => {
                            Fill::keep().with_wrapper_attr("lang", Lang::SOURCE.code())
                        }
                        None => Fill::keep(),
                    }
                })?;
                out.push(TranslatedDocument {
                    text: None,
                    html: Some(reassembled.html),
                    units,
                });
            }
        }
    }
    Ok((out, translated.billed))
}

/// Translates one whole HTML document (or fragment) into `target`: the
/// translated HTML, and whether every unit was translated (see
/// [`translate`] for `budget`).
pub async fn translate_html(
    pipeline: &Arc<Pipeline>,
    html: &str,
    target: Lang,
    budget: Option<Duration>,
) -> Result<(String, bool), DocumentError> {
    let documents = [Document::html(html)?];
    let (mut outputs, _) = translate(pipeline, &documents, target, budget).await?;
    let output = outputs.pop().unwrap_or_default();
    let complete = output.complete();
    Ok((output.html.unwrap_or_default(), complete))
}

fn outcome(translated: &Translated, offset: usize, index: usize) -> UnitOutcome {
    let position = offset + index;
    match translated.units.get(position).and_then(Option::as_ref) {
        Some(t) => UnitOutcome {
            index,
            origin: t.origin.as_str(),
            qa: Qa::Passed,
            refusal: None,
        },
        None => {
            let refusal = translated.refusals.get(&position).cloned();
            UnitOutcome {
                index,
                origin: "source",
                qa: if refusal.is_some() || translated.rejected.binary_search(&position).is_ok() {
                    Qa::Rejected
                } else {
                    Qa::NotTranslated
                },
                refusal,
            }
        }
    }
}

/// File types honyaku never translates: documents, spreadsheets, slides,
/// archives and images (the ministry's leaflets are PDFs or images).
const DOCUMENT_EXTENSIONS: [&str; 20] = [
    "pdf", "doc", "docx", "xls", "xlsx", "xlsm", "ppt", "pptx", "odt", "ods", "odp", "rtf", "csv",
    "zip", "jpg", "jpeg", "png", "gif", "svg", "webp",
];

/// Whether a link leads to something honyaku does not translate: a file of
/// one of the [`DOCUMENT_EXTENSIONS`] (by its path, ignoring query and
/// fragment), or whatever its `type` says is not HTML. A link the content
/// marks `hreflang="ja"` is one too, for the pages that mark such links.
pub fn is_untranslated_document(href: &str, media_type: Option<&str>) -> bool {
    if let Some(media_type) = media_type.map(str::trim).filter(|t| !t.is_empty()) {
        let essence = media_type
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        if essence != "text/html" && essence != "application/xhtml+xml" {
            return true;
        }
    }
    let path = href
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .trim_end_matches('/');
    let file = path.rsplit('/').next().unwrap_or_default();
    file.rsplit_once('.').is_some_and(|(stem, extension)| {
        !stem.is_empty()
            && DOCUMENT_EXTENSIONS
                .iter()
                .any(|e| e.eq_ignore_ascii_case(extension))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_known_by_their_file_or_their_type() {
        for (href, media_type, yes) in [
            ("https://www.mhlw.go.jp/content/001.pdf", None, true),
            ("/content/leaflet.PDF?v=2#page=1", None, true),
            ("https://example.jp/a.xlsx", None, true),
            ("https://example.jp/a.docx", None, true),
            ("https://example.jp/flyer.jpg", None, true),
            ("https://example.jp/forum/onlineseminar_202501", None, false),
            ("https://example.jp/index.html", None, false),
            ("https://example.jp/pdf/", None, false),
            ("https://example.jp/.pdf", None, false),
            ("https://example.jp/x", Some("application/pdf"), true),
            (
                "https://example.jp/x",
                Some("text/html; charset=utf-8"),
                false,
            ),
        ] {
            assert_eq!(is_untranslated_document(href, media_type), yes, "{href}");
        }
    }
}
