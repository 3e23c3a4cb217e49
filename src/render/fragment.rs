//! Finishing an announcement fragment for display: stacked tables for
//! phones, the passage controls of a translated page, and the marks on links
//! to documents honyaku does not translate. Done once per rendering of a
//! page that is then cached, so everything it adds is plain HTML.

use maud::html;

use super::report_href;
use crate::document::is_untranslated_document;

/// How links to untranslated documents are marked: the note (the locale's
/// "(Japanese)") and, when the chrome is not in the page's language, the
/// chrome's `lang`.
#[derive(Debug, Clone)]
pub(super) struct JapaneseOnly {
    pub label: String,
    pub lang: Option<&'static str>,
}

/// Elements a link must not be put inside (HTML forbids interactive content
/// in them).
const INTERACTIVE: &str = "a, button, label, select, textarea, summary";

/// Blocks whose text is running text: a passage there gets the passage
/// control.
const RUNNING_TEXT: &str = "p, li, blockquote, figcaption";

/// Elements whose text is a heading, a label, a name or a table cell: they
/// get no passage control, wherever they are.
const NOT_RUNNING_TEXT: &str = "h1, h2, h3, h4, h5, h6, th, td, caption, dt, dd, legend";

/// A passage shorter than this many characters, with no sentence end, is a
/// label or a name ("報道関係者各位") rather than running text.
const RUNNING_TEXT_MIN_CHARS: usize = 16;

/// Whether the Japanese of a passage reads as running text: a sentence, or
/// long enough to be one.
fn is_running_text(japanese: &str) -> bool {
    japanese.contains(['。', '．', '！', '？', '!', '?'])
        || japanese.chars().filter(|c| !c.is_whitespace()).count() >= RUNNING_TEXT_MIN_CHARS
}

/// What the passage controls of a translated page say.
#[derive(Debug, Clone)]
pub struct PassageLabels {
    /// The URL prefix of the page's language.
    pub prefix: String,
    pub slug: String,
    /// The control's accessible name (its visible face is an ellipsis).
    pub control: String,
}

/// Finishes an announcement fragment for display, once per rendering of a
/// page that is then cached, so what it adds is plain HTML that works
/// without JavaScript:
///
/// - every table gets the class `stacked` and each body cell the text of
///   its column's header as `data-label`, so on a phone each row becomes a
///   labelled block (see the stylesheet); `colspan` and `rowspan` are
///   followed;
/// - with `passages`, every translated passage of running text (a sentence
///   in a paragraph or list item, not a heading, a table cell, a label or a
///   name, and not a link) is followed by one small control: a link to the
///   passage's report form, which shows its Japanese original too, and
///   which `original.js` turns into a button opening both in place;
/// - with `japanese_only`, every link to a document honyaku does not
///   translate ([`is_untranslated_document`]) says so at its end, in the
///   reader's language, and gets `hreflang="ja"`.
///
/// Should rewriting fail, the fragment is kept as it was: readers lose the
/// additions, not the page.
pub(super) fn finish_fragment(
    html: &str,
    passages: Option<&PassageLabels>,
    japanese_only: Option<&JapaneseOnly>,
) -> String {
    use lol_html::html_content::{ContentType, Element, TextChunk};
    use lol_html::{RewriteStrSettings, element, end_tag, rewrite_str, text};
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    /// A counter of open elements of one class, kept by their end tags.
    fn count_open(el: &mut Element, counter: &Rc<Cell<usize>>) -> lol_html::HandlerResult {
        if el.can_have_content() {
            counter.set(counter.get() + 1);
            let counter = counter.clone();
            el.on_end_tag(end_tag!(move |_end| {
                counter.set(counter.get().saturating_sub(1));
                Ok(())
            }))?;
        }
        Ok(())
    }

    let tables: Rc<RefCell<Vec<TableLabels>>> = Rc::default();
    let in_thead = Rc::new(Cell::new(0usize));
    let interactive = Rc::new(Cell::new(0usize));
    let running = Rc::new(Cell::new(0usize));
    let not_running = Rc::new(Cell::new(0usize));
    // The passage being read: its report reference, and whether a link
    // was found inside it.
    let candidate: Rc<RefCell<Option<(String, bool)>>> = Rc::default();

    let mut handlers = vec![
        element!("table", {
            let tables = tables.clone();
            move |el: &mut Element| {
                let class = match el.get_attribute("class") {
                    Some(class) if !class.trim().is_empty() => format!("{} stacked", class.trim()),
                    _ => "stacked".to_owned(),
                };
                el.set_attribute("class", &class)?;
                tables.borrow_mut().push(TableLabels::default());
                let tables = tables.clone();
                el.on_end_tag(end_tag!(move |_end| {
                    tables.borrow_mut().pop();
                    Ok(())
                }))?;
                Ok(())
            }
        }),
        element!("thead", {
            let in_thead = in_thead.clone();
            move |el: &mut Element| count_open(el, &in_thead)
        }),
        element!("tr", {
            let tables = tables.clone();
            move |_el: &mut Element| {
                if let Some(table) = tables.borrow_mut().last_mut() {
                    table.start_row();
                }
                Ok(())
            }
        }),
        element!("th, td", {
            let tables = tables.clone();
            let in_thead = in_thead.clone();
            move |el: &mut Element| {
                let span = |name: &str| {
                    el.get_attribute(name)
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .filter(|n| (1..=1000).contains(n))
                        .unwrap_or(1)
                };
                let (colspan, rowspan) = (span("colspan"), span("rowspan"));
                let mut tables = tables.borrow_mut();
                let Some(table) = tables.last_mut() else {
                    return Ok(());
                };
                if in_thead.get() > 0 {
                    table.headers.push(String::new());
                    for _ in 1..colspan {
                        table.headers.push(String::new());
                    }
                    return Ok(());
                }
                if let Some(label) = table.place_cell(colspan, rowspan) {
                    // lol_html escapes the quote only; the label is text.
                    let label = label
                        .replace('&', "&amp;")
                        .replace('<', "&lt;")
                        .replace('>', "&gt;");
                    el.set_attribute("data-label", &label)?;
                }
                Ok(())
            }
        }),
        text!("thead th", {
            let tables = tables.clone();
            move |chunk: &mut TextChunk| {
                if let Some(header) = tables
                    .borrow_mut()
                    .last_mut()
                    .and_then(|t| t.headers.last_mut())
                {
                    header.push_str(&crate::placeholder::unescape_text(chunk.as_str()));
                }
                Ok(())
            }
        }),
    ];
    if let Some(note) = japanese_only {
        handlers.push(element!("a[href]", move |el: &mut Element| {
            let href = el.get_attribute("href").unwrap_or_default();
            let media_type = el.get_attribute("type");
            let says_japanese = el
                .get_attribute("hreflang")
                .is_some_and(|l| l.trim().eq_ignore_ascii_case("ja"));
            if !says_japanese && !is_untranslated_document(&href, media_type.as_deref()) {
                return Ok(());
            }
            if !says_japanese {
                el.set_attribute("hreflang", "ja")?;
            }
            let mark = html! {
                " "
                span.japanese-only lang=[note.lang] { (note.label) }
            };
            el.append(&mark.into_string(), ContentType::Html);
            Ok(())
        }));
    }
    if let Some(labels) = passages {
        handlers.push(element!(INTERACTIVE, {
            let interactive = interactive.clone();
            let candidate = candidate.clone();
            move |el: &mut Element| {
                if let Some((_, has_link)) = candidate.borrow_mut().as_mut() {
                    *has_link = true;
                }
                count_open(el, &interactive)
            }
        }));
        handlers.push(element!(RUNNING_TEXT, {
            let running = running.clone();
            move |el: &mut Element| count_open(el, &running)
        }));
        handlers.push(element!(NOT_RUNNING_TEXT, {
            let not_running = not_running.clone();
            move |el: &mut Element| count_open(el, &not_running)
        }));
        handlers.push(element!("span[data-ja][id]", {
            let candidate = candidate.clone();
            let labels = labels.clone();
            move |el: &mut Element| {
                if interactive.get() > 0 || running.get() == 0 || not_running.get() > 0 {
                    return Ok(());
                }
                if !el.get_attribute("data-ja").is_some_and(|ja| is_running_text(&ja)) {
                    return Ok(());
                }
                // `u-REF`, or `u-REF-2` for a sentence seen before.
                let Some(reference) = el.get_attribute("id").and_then(|id| {
                    id.strip_prefix(crate::pages::UNIT_ANCHOR_PREFIX)
                        .and_then(|rest| rest.split('-').next())
                        .filter(|reference| crate::pages::is_unit_ref(reference))
                        .map(str::to_owned)
                }) else {
                    return Ok(());
                };
                *candidate.borrow_mut() = Some((reference, false));
                let candidate = candidate.clone();
                let labels = labels.clone();
                el.on_end_tag(end_tag!(move |end| {
                    if let Some((reference, false)) = candidate.borrow_mut().take() {
                        let control = html! {
                            " "
                            a.passage-tools href=(report_href(&labels.prefix, &labels.slug, &reference))
                                aria-label=(labels.control) {
                                span aria-hidden="true" { "⋯" }
                            }
                        };
                        end.after(&control.into_string(), ContentType::Html);
                    }
                    Ok(())
                }))?;
                Ok(())
            }
        }));
    }
    let result = rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: handlers,
            ..RewriteStrSettings::new()
        },
    );
    match result {
        Ok(rewritten) => rewritten,
        Err(error) => {
            tracing::error!(%error, "cannot finish a fragment; serving it as it was");
            html.to_owned()
        }
    }
}

/// The column headers of one table and where the cells of the current row
/// fall, for [`finish_fragment`]'s labels.
#[derive(Debug, Default)]
struct TableLabels {
    /// The header text of each column (from the `thead` cells).
    headers: Vec<String>,
    /// For each column, how many more rows a cell above still spans.
    spanned: Vec<usize>,
    /// Columns taken in this row by cells of rows above.
    taken: Vec<bool>,
    /// The next free column of this row.
    column: usize,
}

impl TableLabels {
    fn start_row(&mut self) {
        self.taken = self.spanned.iter().map(|&rows| rows > 0).collect();
        for rows in &mut self.spanned {
            *rows = rows.saturating_sub(1);
        }
        self.column = 0;
    }

    /// Places a body cell and returns its column's header, if it has one.
    fn place_cell(&mut self, colspan: usize, rowspan: usize) -> Option<String> {
        while self.taken.get(self.column).copied().unwrap_or(false) {
            self.column += 1;
        }
        let first = self.column;
        let end = first + colspan;
        if self.spanned.len() < end {
            self.spanned.resize(end, 0);
        }
        for rows in self.spanned.get_mut(first..end).into_iter().flatten() {
            *rows = rowspan - 1;
        }
        self.column = end;
        let label = self.headers.get(first)?;
        let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
        (!label.is_empty()).then_some(label)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn labels() -> PassageLabels {
        PassageLabels {
            prefix: "ko".to_owned(),
            slug: "houdou/x".to_owned(),
            control: "원문 <&>".to_owned(),
        }
    }

    #[test]
    fn passages_of_running_text_get_one_control_and_nothing_else_does() {
        let sentence = "これは文です。";
        let long = "無料(事前の参加申し込みが必要です)";
        let html = format!(
            concat!(
                r#"<p><span id="u-0123456789abcdef" data-origin="machine" data-ja="{s}">One</span></p>"#,
                r#"<a href="/x"><p><span id="u-1111111111111111" data-ja="{s}">Two</span></p></a>"#,
                r#"<p><span id="u-0123456789abcdef-2" data-ja="{s}">One</span></p>"#,
                r#"<p><span data-ja="{s}">no id</span><span lang="ja" data-origin="source">四</span></p>"#,
                r#"<p><span id="u-&quot;&gt;" data-ja="{s}">bad id</span></p>"#,
                r#"<h2><span id="u-2222222222222222" data-ja="{s}">Heading</span></h2>"#,
                r#"<p class="audience"><span id="u-3333333333333333" data-ja="報道関係者各位">To the press</span></p>"#,
                r#"<ul><li><span id="u-4444444444444444" data-ja="{l}">Free</span></li>"#,
                r#"<li><span id="u-5555555555555555" data-ja="{l}"><a href="/y">A site</a></span></li></ul>"#,
                r#"<dl><dt><span id="u-6666666666666666" data-ja="{s}">Label</span></dt></dl>"#,
            ),
            s = sentence,
            l = long
        );
        let out = finish_fragment(&html, Some(&labels()), None);
        let control = |reference: &str| {
            format!(
                r#" <a class="passage-tools" href="/feedback/ko?page=houdou/x&amp;unit={reference}" aria-label="원문 &lt;&amp;&gt;"><span aria-hidden="true">⋯</span></a>"#
            )
        };
        let expected = format!(
            concat!(
                r#"<p><span id="u-0123456789abcdef" data-origin="machine" data-ja="{s}">One</span>{c0}</p>"#,
                r#"<a href="/x"><p><span id="u-1111111111111111" data-ja="{s}">Two</span></p></a>"#,
                r#"<p><span id="u-0123456789abcdef-2" data-ja="{s}">One</span>{c0}</p>"#,
                r#"<p><span data-ja="{s}">no id</span><span lang="ja" data-origin="source">四</span></p>"#,
                r#"<p><span id="u-&quot;&gt;" data-ja="{s}">bad id</span></p>"#,
                r#"<h2><span id="u-2222222222222222" data-ja="{s}">Heading</span></h2>"#,
                r#"<p class="audience"><span id="u-3333333333333333" data-ja="報道関係者各位">To the press</span></p>"#,
                r#"<ul><li><span id="u-4444444444444444" data-ja="{l}">Free</span>{c4}</li>"#,
                r#"<li><span id="u-5555555555555555" data-ja="{l}"><a href="/y">A site</a></span></li></ul>"#,
                r#"<dl><dt><span id="u-6666666666666666" data-ja="{s}">Label</span></dt></dl>"#,
            ),
            s = sentence,
            l = long,
            c0 = control("0123456789abcdef"),
            c4 = control("4444444444444444"),
        );
        assert_eq!(out, expected);
        // Without labels (the Japanese page, the contact block) nothing is added.
        assert_eq!(finish_fragment(&html, None, None), html);
    }

    #[test]
    fn table_cells_carry_their_column_header_following_spans() {
        let html = concat!(
            "<table class=\"seminars\"><caption>Dates</caption>",
            "<thead><tr><th>No.</th><th>Date &amp; time</th><th><span data-ja=\"テーマ\">Theme</span></th></tr></thead>",
            "<tbody><tr><th scope=\"row\" rowspan=\"2\">(1)</th><td colspan=\"2\">both</td></tr>",
            "<tr><td>date</td><td>theme</td></tr>",
            "<tr><td>x</td><td>y</td><td>z</td><td>beyond</td></tr></tbody></table>",
        );
        let out = finish_fragment(html, None, None);
        let expected = concat!(
            "<table class=\"seminars stacked\"><caption>Dates</caption>",
            "<thead><tr><th>No.</th><th>Date &amp; time</th><th><span data-ja=\"テーマ\">Theme</span></th></tr></thead>",
            "<tbody><tr><th scope=\"row\" rowspan=\"2\" data-label=\"No.\">(1)</th><td colspan=\"2\" data-label=\"Date &amp; time\">both</td></tr>",
            "<tr><td data-label=\"Date &amp; time\">date</td><td data-label=\"Theme\">theme</td></tr>",
            "<tr><td data-label=\"No.\">x</td><td data-label=\"Date &amp; time\">y</td><td data-label=\"Theme\">z</td><td>beyond</td></tr></tbody></table>",
        );
        assert_eq!(out, expected);
    }

    #[test]
    fn links_to_untranslated_documents_say_they_are_japanese() {
        let note = JapaneseOnly {
            label: "(Japanese)".to_owned(),
            lang: Some("en"),
        };
        let html = concat!(
            r#"<li><a href="/a.pdf">Leaflet</a></li>"#,
            r#"<li><a href="https://x.jp/" hreflang="ja">Special site</a></li>"#,
            r#"<li><a href="https://x.jp/page">Page</a></li>"#,
        );
        assert_eq!(
            finish_fragment(html, None, Some(&note)),
            concat!(
                r#"<li><a href="/a.pdf" hreflang="ja">Leaflet <span class="japanese-only" lang="en">(Japanese)</span></a></li>"#,
                r#"<li><a href="https://x.jp/" hreflang="ja">Special site <span class="japanese-only" lang="en">(Japanese)</span></a></li>"#,
                r#"<li><a href="https://x.jp/page">Page</a></li>"#,
            )
        );
        assert_eq!(finish_fragment(html, None, None), html);
    }
}
