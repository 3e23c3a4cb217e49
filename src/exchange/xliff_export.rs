//! A page's units for one target language as an XLIFF 2.0 document.
//!
//! One `<file>` (its `original` is the page) holds one `<unit id="u-KEY">`
//! per unit, where `KEY` is the unit key: the prefix keeps the id an
//! NMTOKEN that starts with a letter, and the import strips it (an id
//! without it is taken as the key itself). Each unit carries, in the
//! Metadata module (`mda:`), a `metaGroup` of category `honyaku` with the
//! override `version` (the optimistic-concurrency token), the honyaku
//! `state` and the SHA-256 of the exported target, then the notes, then one
//! `<segment>`:
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
//! is `<pc id="bN">…</pc>` and `<xN/>` is `<ph id="xN"/>`. A text whose pairs
//! do not nest (never true of a valid unit) is written with
//! `<sc id="bN"/>`/`<ec startRef="bN"/>`, so the file stays well-formed.
//! Every code carries the editing hints `canCopy="no"`, `canDelete="no"` and
//! `canReorder="yes"`: honyaku's checks refuse a deleted or doubled code and
//! accept any order that keeps the nesting (which `<pc>` keeps by itself).
//! When the HTML behind a code is known ([`ExchangeUnit::markup`]) the code
//! shows it (`dispStart`/`dispEnd` on `<pc>`, `disp` on the others) and
//! refers to it in the unit's `<originalData>` (`d1`, `d1e` for an end tag).
//!
//! Protected tokens of the source (dates, times, phone numbers, URLs: see
//! [`crate::protect`]) are `<ph id="pN">` codes with `disp` and `equiv` set to
//! their rendering in that language and their Japanese as original data
//! (`dpN`); in the target, the first free occurrence of each rendering
//! becomes the same code. A source that has `<pN/>` placeholders of its own
//! is written as it is. Characters XML 1.0 cannot carry (C0 controls other
//! than tab, newline and carriage return) are written as `<cp hex="…"/>`.

use super::xliff_import::source_tokens;
use super::{
    ExchangeUnit, Forbidden, MDA_NS, META_CATEGORY, Markup, NEEDS_REVIEW_SUBSTATE,
    TARGET_SHA256_META, UNIT_ID_PREFIX, XLIFF_NS, XmlOut, split, target_sha256,
};
use crate::i18n::Lang;
use crate::placeholder::{Piece, escape_text, unescape_text};
use crate::protect::{self, Token};
use crate::review::UnitState;

/// The units of one page as an XLIFF 2.0 document for `target`.
///
/// Never fails: text that is not valid placeholder text is written as text.
#[must_use]
pub fn xliff_export(page: &str, target: Lang, units: &[ExchangeUnit]) -> String {
    let mut out = XmlOut::with_capacity(512 + units.len() * 640);
    out.declaration();
    out.start(
        "xliff",
        &[
            ("xmlns", XLIFF_NS),
            ("xmlns:mda", MDA_NS),
            ("version", "2.0"),
            ("srcLang", Lang::SOURCE.code()),
            ("trgLang", target.code()),
        ],
    );
    out.layout("\n  ");
    // xml:space="preserve": a unit's inner line breaks and runs of spaces are
    // part of its text, and must survive tools that normalise whitespace.
    out.start(
        "file",
        &[("id", "f1"), ("original", page), ("xml:space", "preserve")],
    );
    out.layout("\n");
    for unit in units {
        write_unit(&mut out, unit, target);
    }
    out.layout("  ");
    out.end("file");
    out.layout("\n");
    out.end("xliff");
    out.layout("\n");
    out.finish()
}

/// The XLIFF segment `state` of a unit with a target (see the module docs).
const fn segment_state(state: UnitState) -> &'static str {
    match state {
        UnitState::Machine | UnitState::NeedsReview => "translated",
        UnitState::Approved => "final",
    }
}

/// How one unit's codes are written: what each placeholder stands for, and
/// the protected tokens of its source.
struct Codes<'a> {
    markup: &'a [Markup],
    tokens: &'a [Token],
    target: Lang,
}

impl Codes<'_> {
    /// The `<data>` elements of `<originalData>`, in id order.
    fn original_data(&self) -> Vec<(String, String)> {
        let mut data = Vec::new();
        for (i, m) in self.markup.iter().enumerate() {
            let n = i + 1;
            data.push((format!("d{n}"), m.open.clone()));
            if let Some(close) = &m.close {
                data.push((format!("d{n}e"), close.clone()));
            }
        }
        for (i, token) in self.tokens.iter().enumerate() {
            data.push((format!("dp{}", i + 1), protect::render(token, Lang::SOURCE)));
        }
        data
    }

    fn markup(&self, n: u32) -> Option<&Markup> {
        self.markup.get(usize::try_from(n).ok()?.checked_sub(1)?)
    }

    fn token(&self, n: u32) -> Option<&Token> {
        self.tokens.get(usize::try_from(n).ok()?.checked_sub(1)?)
    }
}

/// Editing hints of every honyaku code: a translator may move it (honyaku's
/// checks accept any order that keeps the nesting, which `<pc>` keeps by
/// itself), never delete or duplicate it (the checks refuse that).
const HINTS: [(&str, &str); 3] = [
    ("canCopy", "no"),
    ("canDelete", "no"),
    ("canReorder", "yes"),
];

fn write_unit(out: &mut XmlOut, unit: &ExchangeUnit, target_lang: Lang) {
    // The source's protected tokens (dates, phone numbers, URLs…) become
    // codes too, unless the text already uses `<pN/>` itself.
    let (source, tokens) = source_tokens(&unit.source);
    let target = unit
        .target
        .as_deref()
        .map(|t| mark_tokens(t, &tokens, target_lang));
    let codes = Codes {
        markup: &unit.markup,
        tokens: &tokens,
        target: target_lang,
    };

    let id = format!("{UNIT_ID_PREFIX}{}", unit.id);
    out.layout("    ");
    out.start("unit", &[("id", &id)]);
    out.layout("\n      ");
    out.start("mda:metadata", &[]);
    out.layout("\n        ");
    out.start("mda:metaGroup", &[("category", META_CATEGORY)]);
    out.layout("\n          ");
    out.element(
        "mda:meta",
        &[("type", "version")],
        &unit.version.to_string(),
    );
    out.layout("\n          ");
    out.element("mda:meta", &[("type", "state")], unit.state.as_str());
    if let Some(target) = &unit.target {
        out.layout("\n          ");
        out.element(
            "mda:meta",
            &[("type", TARGET_SHA256_META)],
            &target_sha256(target),
        );
    }
    out.layout("\n        ");
    out.end("mda:metaGroup");
    out.layout("\n      ");
    out.end("mda:metadata");
    if !unit.notes.is_empty() {
        out.layout("\n      ");
        out.start("notes", &[]);
        for note in &unit.notes {
            out.layout("\n        ");
            out.element("note", &[], note);
        }
        out.layout("\n      ");
        out.end("notes");
    }
    let data = codes.original_data();
    if !data.is_empty() {
        out.layout("\n      ");
        out.start("originalData", &[]);
        for (id, value) in &data {
            out.layout("\n        ");
            out.element("data", &[("id", id)], value);
        }
        out.layout("\n      ");
        out.end("originalData");
    }
    out.layout("\n      ");
    match &unit.target {
        Some(_) if unit.state == UnitState::NeedsReview => out.start(
            "segment",
            &[("state", "translated"), ("subState", NEEDS_REVIEW_SUBSTATE)],
        ),
        Some(_) => out.start("segment", &[("state", segment_state(unit.state))]),
        // XLIFF wants `initial` for a segment without a target.
        None => out.start("segment", &[("state", "initial")]),
    }
    out.layout("\n        ");
    out.start("source", &[]);
    write_content(out, &source, &codes, Lang::SOURCE);
    out.end("source");
    if let Some(target) = &target {
        out.layout("\n        ");
        out.start("target", &[]);
        write_content(out, target, &codes, codes.target);
        out.end("target");
    }
    out.layout("\n      ");
    out.end("segment");
    out.layout("\n    ");
    out.end("unit");
    out.layout("\n");
}

/// `text` with the first free occurrence of each token's rendering in `lang`
/// replaced by the token's `<pN/>`, so the exported target shows the same
/// protected codes as its source. A rendering that is not there (the
/// translation lost it) stays as it is: honyaku's checks will say so.
pub(super) fn mark_tokens(text: &str, tokens: &[Token], lang: Lang) -> String {
    if tokens.is_empty() {
        return text.to_owned();
    }
    let Some((pieces, _)) = split(text) else {
        return text.to_owned();
    };
    // Longest rendering first, so "2025" does not take the year out of
    // "July 23, 2025".
    let mut order: Vec<(usize, String)> = tokens
        .iter()
        .enumerate()
        .map(|(i, token)| (i + 1, escape_text(&protect::render(token, lang))))
        .filter(|(_, rendered)| !rendered.is_empty())
        .collect();
    order.sort_by_key(|(n, rendered)| (std::cmp::Reverse(rendered.len()), *n));
    // Each text piece as runs that are either text or a marked token.
    let mut runs: Vec<Vec<(String, Option<usize>)>> = pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(t) => vec![((*t).to_owned(), None)],
            _ => Vec::new(),
        })
        .collect();
    for (n, rendered) in &order {
        'pieces: for piece_runs in &mut runs {
            for i in 0..piece_runs.len() {
                let Some((run, None)) = piece_runs.get(i) else {
                    continue;
                };
                let Some(at) = run.find(rendered.as_str()) else {
                    continue;
                };
                let (before, rest) = run.split_at(at);
                let after = rest.get(rendered.len()..).unwrap_or_default();
                let replacement = vec![
                    (before.to_owned(), None),
                    (String::new(), Some(*n)),
                    (after.to_owned(), None),
                ];
                piece_runs.splice(i..=i, replacement);
                break 'pieces;
            }
        }
    }
    let mut out = String::with_capacity(text.len());
    for (piece, piece_runs) in pieces.iter().zip(&runs) {
        match piece {
            Piece::Text(_) => {
                for (run, token) in piece_runs {
                    match token {
                        Some(n) => out.push_str(&format!("<p{n}/>")),
                        None => out.push_str(run),
                    }
                }
            }
            Piece::Open(n) => out.push_str(&format!("<b{n}>")),
            Piece::Close(n) => out.push_str(&format!("</b{n}>")),
            Piece::Void(n) => out.push_str(&format!("<x{n}/>")),
            Piece::Protected(n) => out.push_str(&format!("<p{n}/>")),
        }
    }
    out
}

/// Writes placeholder-form text as `<source>`/`<target>` content in `lang`.
fn write_content(out: &mut XmlOut, text: &str, codes: &Codes<'_>, lang: Lang) {
    let Some((pieces, nested)) = split(text) else {
        // Not placeholder text: keep what it says, as text.
        out.text(&unescape_text(text), Forbidden::Cp);
        return;
    };
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.text(&unescape_text(t), Forbidden::Cp),
            Piece::Open(n) => {
                let id = format!("b{n}");
                let (start, end) = (format!("d{n}"), format!("d{n}e"));
                let markup = codes.markup(n);
                let mut attributes = vec![("id", id.as_str())];
                attributes.extend(HINTS);
                let name = if nested { "pc" } else { "sc" };
                if let Some(m) = markup {
                    if nested {
                        attributes.push(("dataRefStart", &start));
                        attributes.push(("dataRefEnd", &end));
                        attributes.push(("dispStart", &m.open));
                        if let Some(close) = &m.close {
                            attributes.push(("dispEnd", close));
                        }
                    } else {
                        attributes.push(("dataRef", &start));
                        attributes.push(("disp", &m.open));
                    }
                }
                if nested {
                    out.start(name, &attributes);
                } else {
                    out.empty(name, &attributes);
                }
            }
            Piece::Close(_) if nested => out.end("pc"),
            Piece::Close(n) => {
                let start_ref = format!("b{n}");
                let end = format!("d{n}e");
                let mut attributes = vec![("startRef", start_ref.as_str())];
                attributes.extend(HINTS);
                if let Some(close) = codes.markup(n).and_then(|m| m.close.as_ref()) {
                    attributes.push(("dataRef", &end));
                    attributes.push(("disp", close));
                }
                out.empty("ec", &attributes);
            }
            Piece::Void(n) => {
                let (id, data) = (format!("x{n}"), format!("d{n}"));
                let mut attributes = vec![("id", id.as_str())];
                attributes.extend(HINTS);
                if let Some(m) = codes.markup(n) {
                    attributes.push(("dataRef", &data));
                    attributes.push(("disp", &m.open));
                }
                out.empty("ph", &attributes);
            }
            Piece::Protected(n) => {
                let (id, data) = (format!("p{n}"), format!("dp{n}"));
                let mut attributes = vec![("id", id.as_str())];
                attributes.extend(HINTS);
                let rendered = codes.token(n).map(|t| protect::render(t, lang));
                if let Some(rendered) = &rendered {
                    attributes.push(("dataRef", &data));
                    // What readers see there, in this language: a CAT tool
                    // shows it in place of a bare code, and counts it as text.
                    attributes.push(("disp", rendered));
                    attributes.push(("equiv", rendered));
                }
                out.empty("ph", &attributes);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use quick_xml::events::Event;

    use super::super::fixtures::*;
    use super::*;
    use crate::exchange::ExchangeUnit;

    #[test]
    fn export_escapes_and_uses_inline_codes() {
        let xml = xliff_export("a&b\"c", Lang::ZhHant, &units());
        assert!(xml.contains("original=\"a&amp;b&quot;c\""), "{xml}");
        assert!(xml.contains("trgLang=\"zh-Hant\""));
        let hints = "canCopy=\"no\" canDelete=\"no\" canReorder=\"yes\"";
        assert!(xml.contains(&format!(
            "<source>厚生労働省は、<pc id=\"b1\" {hints} dataRefStart=\"d1\" dataRefEnd=\"d1e\" \
             dispStart=\"&lt;span class=&quot;date&quot;&gt;\" dispEnd=\"&lt;/span&gt;\">\
             <ph id=\"p1\" {hints} dataRef=\"dp1\" disp=\"令和7年度\" equiv=\"令和7年度\"/></pc>に\
             <pc id=\"b2\" {hints} dataRefStart=\"d2\" dataRefEnd=\"d2e\" \
             dispStart=\"&lt;a href=&quot;/x?a=1&amp;b=2&quot;&gt;\" dispEnd=\"&lt;/a&gt;\">セミナー</pc>\
             を開催します。<ph id=\"x3\" {hints} dataRef=\"d3\" disp=\"&lt;br&gt;\"/>詳細は下記。</source>"
        )), "{xml}");
        assert!(xml.contains("<target>&lt;script&gt;alert(1)&lt;/script&gt;</target>"));
        assert!(xml.contains("<note>reviewed by &lt;Aiko&gt; &amp; co</note>"));
        // A placeholder the text has itself, with nothing known about it.
        assert!(xml.contains(&format!("<ph id=\"p1\" {hints}/>")));
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
    fn codes_keep_their_markup_and_tokens_their_rendering() {
        let xml = xliff_export("p", Lang::ZhHant, &units());
        // Original data of every code, in a unit's <originalData>.
        assert!(xml.contains(
            "<originalData>\n        <data id=\"d1\">&lt;span class=\"date\"&gt;</data>\n        \
             <data id=\"d1e\">&lt;/span&gt;</data>\n        \
             <data id=\"d2\">&lt;a href=\"/x?a=1&amp;b=2\"&gt;</data>\n        \
             <data id=\"d2e\">&lt;/a&gt;</data>\n        <data id=\"d3\">&lt;br&gt;</data>\n        \
             <data id=\"dp1\">令和7年度</data>\n      </originalData>\n      <segment"
        ), "{xml}");
        // The fiscal year is a code in the target too, shown as the target
        // language renders it; the same code as in the source.
        let mut en = units();
        en.truncate(1);
        let xml = xliff_export("p", Lang::En, &en);
        assert!(
            xml.contains(
                "<ph id=\"p1\" canCopy=\"no\" canDelete=\"no\" canReorder=\"yes\" \
                 dataRef=\"dp1\" disp=\"FY2025\" equiv=\"FY2025\"/></pc>."
            ),
            "{xml}"
        );
        assert!(!xml.contains(">FY2025<"), "{xml}");
        // A rendering the translation lost stays text, as does a phone
        // number the target writes differently.
        let unit = ExchangeUnit {
            id: "k".into(),
            source: "電話：03-5253-1111、令和7年7月23日(水)".into(),
            target: Some("Tel: 03-5253-1111 on July 23".into()),
            state: UnitState::Machine,
            version: 0,
            notes: vec![],
            markup: vec![],
        };
        let xml = xliff_export("p", Lang::En, &[unit]);
        assert!(
            xml.contains(
                "<target>Tel: <ph id=\"p1\" canCopy=\"no\" canDelete=\"no\" \
                 canReorder=\"yes\" dataRef=\"dp1\" disp=\"03-5253-1111\" equiv=\"03-5253-1111\"/> \
                 on July 23</target>"
            ),
            "{xml}"
        );
        assert!(xml.contains("disp=\"令和7年7月23日(水)\""), "{xml}");
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
}
