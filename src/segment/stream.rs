//! The token stream: what lol_html reports, completed with the tags between.
//!
//! lol_html reads the page and reports text (with its kind), comments and
//! doctypes by byte range; [`Stream`] joins the chunks of one text node, reads
//! the tags in the gaps with [`super::lex`], checks that lol_html and a
//! browser agree on how the text after each raw-text start tag is read, and
//! gives every token to the planner in document order. It also stops
//! lol_html as soon as the planner reaches a [`Limits`] bound.

use std::cell::RefCell;
use std::ops::Range;

use lol_html::errors::RewritingError;
use lol_html::html_content::TextType;
use lol_html::{HtmlRewriter, MemorySettings, Settings, doc_comments, doc_text, doctype};

use super::lex::{TagName, TextKind, Tok, gap_tokens};
use super::plan::Planner;
use super::tree::breaks_out_of_foreign_content;
use super::{Limits, SegmentError};

/// Runs lol_html over `html` and gives the completed token stream to
/// `planner`; returns it when the whole page has been read.
pub(super) fn read<'a>(
    html: &'a str,
    limits: &Limits,
    planner: Planner<'a>,
) -> Result<Planner<'a>, SegmentError> {
    let stream = RefCell::new(Stream {
        planner,
        pos: 0,
        pending: None,
        expect: None,
        stopped: false,
    });
    let mut ambiguous = false;
    {
        let report = |tok: Tok| -> lol_html::HandlerResult {
            let mut stream = stream.try_borrow_mut().map_err(|e| e.to_string())?;
            stream.report(tok);
            match &stream.planner.error {
                // Stops lol_html; the error itself is taken below.
                Some(error) => Err(error.to_string().into()),
                None => Ok(()),
            }
        };
        let settings = Settings {
            document_content_handlers: vec![
                doc_text!(|chunk| {
                    let kind = match chunk.text_type() {
                        TextType::Data => TextKind::Data,
                        TextType::RCData => TextKind::RcData,
                        _ => TextKind::Raw,
                    };
                    let range = chunk.source_location().bytes();
                    if range.is_empty() {
                        return Ok(());
                    }
                    report(Tok::Text { range, kind })
                }),
                doc_comments!(|comment| report(Tok::Comment(comment.source_location().bytes()))),
                doctype!(|doctype| report(Tok::Doctype(doctype.source_location().bytes()))),
            ],
            // Stop where the tokenization would be a guess (see
            // `Tok::Unknowable`) instead of guessing.
            strict: true,
            // The input is already a Rust string: a `<meta charset>` must
            // not switch the decoder.
            adjust_charset_on_meta_tag: false,
            memory_settings: MemorySettings {
                max_allowed_memory_usage: limits.max_tokenizer_memory,
                ..MemorySettings::new()
            },
            ..Settings::new()
        };
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        match rewriter
            .write(html.as_bytes())
            .and_then(|()| rewriter.end())
        {
            Ok(()) => {}
            Err(RewritingError::ParsingAmbiguity(_)) => ambiguous = true,
            Err(RewritingError::MemoryLimitExceeded(_)) => {
                return Err(SegmentError::TooMuchMemory {
                    limit: limits.max_tokenizer_memory,
                });
            }
            Err(e) => {
                if let Some(error) = stream.borrow_mut().planner.error.take() {
                    return Err(error);
                }
                return Err(SegmentError::Tokenizer(e.to_string()));
            }
        }
    }
    Ok(stream.into_inner().finish(ambiguous))
}

/// Turns what lol_html reports (text, comments, doctype) into a complete token
/// stream for the [`Planner`], as it comes: joins the chunks of one text
/// node and reads the tags in the gaps between reports ([`gap_tokens`]).
pub(super) struct Stream<'a> {
    pub(super) planner: Planner<'a>,
    /// End of the last token given to the planner.
    pub(super) pos: usize,
    /// Text not yet given to the planner: the next chunk may continue it.
    pub(super) pending: Option<(Range<usize>, TextKind)>,
    /// A start tag after which the HTML parser reads raw text or RCDATA,
    /// with the text kind lol_html must report next (see [`Stream::check`]).
    pub(super) expect: Option<(Range<usize>, TagName, TextKind)>,
    /// Set once the rest of the document is left untouched.
    pub(super) stopped: bool,
}

impl<'a> Stream<'a> {
    pub(super) fn report(&mut self, tok: Tok) {
        if let Tok::Text { range, kind } = &tok {
            if let Some((pending, pending_kind)) = &mut self.pending {
                if pending_kind == kind && pending.end == range.start {
                    pending.end = range.end;
                    return;
                }
            }
            self.flush_pending();
            self.pending = Some((range.clone(), *kind));
            return;
        }
        self.flush_pending();
        self.emit(&tok);
    }

    fn flush_pending(&mut self) {
        if let Some((range, kind)) = self.pending.take() {
            self.emit(&Tok::Text { range, kind });
        }
    }

    fn emit(&mut self, tok: &Tok) {
        let range = tok.range();
        if range.start < self.pos {
            return; // never seen; keeping ranges disjoint matters more
        }
        if range.start > self.pos {
            let html = self.planner.html;
            gap_tokens(html.as_bytes(), self.pos..range.start, |gap_tok| {
                self.check(&gap_tok);
            });
        }
        self.pos = range.end;
        self.check(tok);
    }

    /// Gives `tok` to the planner, unless lol_html may be reading the
    /// document differently from a browser from here on, in which case the
    /// rest of the document is left untouched ([`Tok::Unknowable`]).
    ///
    /// lol_html simulates only part of the tree builder's handling of SVG and
    /// MathML: after a self-closed `<svg/>` it believes it is still in SVG,
    /// where `<script>`, `<style>`, `<textarea>`, `<title>`… do not switch to
    /// raw text, and it leaves SVG one level at a time where a browser leaves
    /// it at once. So (1) after each such start tag in HTML content, the next
    /// token must be text of the right kind or the element's end tag, and
    /// (2) an HTML-only tag inside `<svg>`/`<math>` (`<p>`, `<div>`, `<b>`…,
    /// which ends foreign content in a browser) stops the translation.
    fn check(&mut self, tok: &Tok) {
        if self.stopped {
            return;
        }
        let html = self.planner.html;
        if let Some((start, name, kind)) = self.expect.take() {
            let consistent = match tok {
                Tok::Text { kind: got, .. } => *got == kind,
                Tok::End { name: end, .. } => end.same(&name, html.as_bytes()),
                _ => false,
            };
            if !consistent {
                self.stop(start.start);
                return;
            }
        }
        let breakout = || match tok {
            Tok::Start(start) => breaks_out_of_foreign_content(start.name.known),
            Tok::End { name, .. } => matches!(name.known, "p" | "br"),
            _ => false,
        };
        if self.planner.in_foreign_content() && breakout() {
            self.stop(tok.range().start);
            return;
        }
        self.planner.token(tok);
        if let Tok::Start(start) = tok {
            let kind = match start.name.known {
                "title" | "textarea" => Some(TextKind::RcData),
                "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript"
                | "plaintext" => Some(TextKind::Raw),
                _ => None,
            };
            if let Some(kind) = kind.filter(|_| !start.void && !self.planner.in_foreign_content()) {
                self.expect = Some((start.range.clone(), start.name.clone(), kind));
            }
        }
    }

    /// Leaves everything from `at` on untouched.
    fn stop(&mut self, at: usize) {
        self.stopped = true;
        let end = self.planner.html.len();
        self.planner.token(&Tok::Unknowable(at..end));
    }

    /// Ends the stream; `ambiguous` when lol_html stopped at markup it cannot
    /// tokenize without a tree builder (see [`Tok::Unknowable`]).
    pub(super) fn finish(mut self, ambiguous: bool) -> Planner<'a> {
        let html = self.planner.html;
        if ambiguous {
            // Text not followed by a tag may have been cut short by the stop:
            // leave it to the untouched tail.
            if let Some((range, _)) = &self.pending {
                if html.as_bytes().get(range.end) != Some(&b'<') {
                    self.pending = None;
                }
            }
        }
        self.flush_pending();
        if ambiguous {
            if !self.stopped {
                self.stop(self.pos);
            }
        } else if self.pos < html.len() {
            gap_tokens(html.as_bytes(), self.pos..html.len(), |gap_tok| {
                self.check(&gap_tok);
            });
        }
        self.planner
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::segment::test_support::*;

    #[test]
    fn raw_text_after_a_self_closed_svg_is_left_untouched() {
        // lol_html still believes it is in SVG after `<svg/>`, where <iframe>
        // and <script> hold markup; a browser reads raw text.
        for (html, before) in [
            (
                "<div>前<svg/>の段落<iframe>AT&T <b>x</b></iframe></div><p>後の段落</p>",
                "前<x1/>の段落",
            ),
            (
                "<p>前の段落</p><svg/><script>if (a < b) { x = \"</p><p>\"; }</script><p>後の段落</p>",
                "前の段落",
            ),
            (
                "<p>前の段落</p><math/><title>題名 &amp; <b>x</b></title><p>後の段落</p>",
                "前の段落",
            ),
        ] {
            assert_eq!(texts(html), [before], "{html}");
            assert_same_dom(html, html, &identity(html).html, true);
        }
        // After a breakout tag lol_html is back in HTML: nothing is lost.
        let html = "<p>前<svg/>の段落</p><div><script>var a = '<b>';</script>後の段落</div>";
        assert_eq!(texts(html), ["前<x1/>の段落", "後の段落"]);
    }

    #[test]
    fn markup_a_tokenizer_cannot_read_alone_is_left_untouched() {
        // In a <select>, a browser ignores <title>; lol_html cannot know that.
        let html = "<p>前の段落</p><select><title><b>後</b></title></select><p>後の段落</p>";
        assert_eq!(texts(html), ["前の段落"]);
        let out = reassemble(html, |_| Fill::text("Before")).unwrap();
        assert_eq!(
            out.html,
            "<p>Before</p><select><title><b>後</b></title></select><p>後の段落</p>"
        );
    }
}
