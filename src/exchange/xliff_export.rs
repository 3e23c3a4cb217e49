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
//! is `<pc id="bN">…</pc>`, `<xN/>` is `<ph id="xN"/>` and `<pN/>` is
//! `<ph id="pN"/>`. A text whose pairs do not nest (never true of a valid
//! unit) is written with `<sc id="bN"/>`/`<ec startRef="bN"/>`, so the file
//! stays well-formed. Characters XML 1.0 cannot carry (C0 controls other than
//! tab, newline and carriage return) are written as `<cp hex="…"/>`.

use super::{
    ExchangeUnit, Forbidden, MDA_NS, META_CATEGORY, NEEDS_REVIEW_SUBSTATE, TARGET_SHA256_META,
    UNIT_ID_PREFIX, XLIFF_NS, XmlOut, split, target_sha256,
};
use crate::i18n::Lang;
use crate::review::UnitState;
use crate::segment::{Piece, unescape_text};

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
        write_unit(&mut out, unit);
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

fn write_unit(out: &mut XmlOut, unit: &ExchangeUnit) {
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
    write_content(out, &unit.source);
    out.end("source");
    if let Some(target) = &unit.target {
        out.layout("\n        ");
        out.start("target", &[]);
        write_content(out, target);
        out.end("target");
    }
    out.layout("\n      ");
    out.end("segment");
    out.layout("\n    ");
    out.end("unit");
    out.layout("\n");
}

/// Writes placeholder-form text as `<source>`/`<target>` content.
fn write_content(out: &mut XmlOut, text: &str) {
    let Some((pieces, nested)) = split(text) else {
        // Not placeholder text: keep what it says, as text.
        out.text(&unescape_text(text), Forbidden::Cp);
        return;
    };
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.text(&unescape_text(t), Forbidden::Cp),
            Piece::Open(n) if nested => out.start("pc", &[("id", &format!("b{n}"))]),
            Piece::Close(_) if nested => out.end("pc"),
            Piece::Open(n) => out.empty("sc", &[("id", &format!("b{n}"))]),
            Piece::Close(n) => out.empty("ec", &[("startRef", &format!("b{n}"))]),
            Piece::Void(n) => out.empty("ph", &[("id", &format!("x{n}"))]),
            Piece::Protected(n) => out.empty("ph", &[("id", &format!("p{n}"))]),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use quick_xml::events::Event;

    use super::super::fixtures::*;
    use super::*;

    #[test]
    fn export_escapes_and_uses_inline_codes() {
        let xml = xliff_export("a&b\"c", Lang::ZhHant, &units());
        assert!(xml.contains("original=\"a&amp;b&quot;c\""), "{xml}");
        assert!(xml.contains("trgLang=\"zh-Hant\""));
        assert!(xml.contains(
            "<source>厚生労働省は、<pc id=\"b1\">令和7年度</pc>に<pc id=\"b2\">セミナー</pc>を開催します。<ph id=\"x3\"/>詳細は下記。</source>"
        ));
        assert!(xml.contains("<target>&lt;script&gt;alert(1)&lt;/script&gt;</target>"));
        assert!(xml.contains("<note>reviewed by &lt;Aiko&gt; &amp; co</note>"));
        assert!(xml.contains("<ph id=\"p1\"/>"));
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
