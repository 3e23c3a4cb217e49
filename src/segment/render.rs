//! The renderer: the page written back with the fills applied.
//!
//! Everything outside units is copied byte for byte. A unit's region is
//! replaced by its translation, whose text is escaped as HTML text (or as an
//! attribute value) and whose placeholders become the page's own tags again,
//! so a translation can carry words but never markup.

use std::ops::Range;

use super::Decision;
use super::lex::Quote;
use super::plan::{Plan, Site, Slot};
use crate::placeholder::{Piece, Pieces, for_each_unescaped};

/// Writes plain text as HTML text content.
pub(super) fn push_html_text(out: &mut String, s: &str) {
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
pub(super) fn push_attribute_text(out: &mut String, s: &str, quote: Quote) {
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

pub(super) struct Renderer<'a> {
    pub(super) html: &'a str,
    pub(super) plan: &'a Plan,
    pub(super) decisions: &'a [Decision],
    /// Attribute values to replace: (value range, quote, unit index), sorted.
    pub(super) attribute_edits: Vec<(Range<usize>, Quote, usize)>,
    pub(super) out: String,
}

impl<'a> Renderer<'a> {
    pub(super) fn new(html: &'a str, plan: &'a Plan, decisions: &'a [Decision]) -> Self {
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

    pub(super) fn render(mut self) -> String {
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
    /// (cannot happen after [`crate::placeholder::check_placeholders`]).
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

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::segment::test_support::*;

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
}
