//! The translation memory and translators' overrides as TMX 1.4b.
//!
//! [`tmx_export`] writes one `<tu>` per translation-memory entry (unit,
//! target, provider, model, glossary and segmenter version) and one per
//! translator override, each holding the Japanese and one translation, with
//! honyaku's bookkeeping in `x-honyaku-*` props. Placeholders become
//! `<bpt>`/`<ept>` (or `<it>` when unpaired) and `<ph>`, each holding the
//! placeholder itself as its native code, so importing tools match them
//! across languages. TMX has no `<cp>`, so characters XML cannot carry
//! become U+FFFD there.

use std::collections::HashMap;

use super::{Forbidden, XmlOut, split};
use crate::i18n::Lang;
use crate::segment::{Piece, unescape_text};
use crate::store::{Override, OverrideState, TmEntry, utc_day};

/// A Unix-millisecond timestamp as a TMX date, `YYYYMMDDThhmmssZ` (UTC).
fn tmx_date(unix_ms: i64) -> String {
    let day = utc_day(unix_ms).replace('-', "");
    let seconds = unix_ms.div_euclid(1000).rem_euclid(86_400);
    format!(
        "{day}T{:02}{:02}{:02}Z",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

fn write_prop(out: &mut XmlOut, kind: &str, value: &str) {
    out.layout("      ");
    out.element("prop", &[("type", kind)], value);
    out.layout("\n");
}

fn write_tuv(out: &mut XmlOut, lang: Lang, text: &str) {
    out.layout("      ");
    out.start("tuv", &[("xml:lang", lang.code())]);
    out.start("seg", &[]);
    write_content(out, text);
    out.end("seg");
    out.end("tuv");
    out.layout("\n");
}

/// Writes placeholder-form text as `<seg>` content: paired placeholders as
/// `<bpt>`/`<ept>` (`<it>` when unpaired), the others as `<ph>`, each with
/// the placeholder as its native code.
fn write_content(out: &mut XmlOut, text: &str) {
    let Some((pieces, nested)) = split(text) else {
        out.text(&unescape_text(text), Forbidden::Replace);
        return;
    };
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.text(&unescape_text(t), Forbidden::Replace),
            Piece::Open(n) if nested => {
                let n = n.to_string();
                out.element("bpt", &[("i", &n), ("x", &n)], &format!("<b{n}>"));
            }
            Piece::Close(n) if nested => {
                out.element("ept", &[("i", &n.to_string())], &format!("</b{n}>"));
            }
            Piece::Open(n) => out.element(
                "it",
                &[("pos", "begin"), ("x", &n.to_string())],
                &format!("<b{n}>"),
            ),
            Piece::Close(n) => out.element(
                "it",
                &[("pos", "end"), ("x", &n.to_string())],
                &format!("</b{n}>"),
            ),
            Piece::Void(n) => out.element("ph", &[("x", &n.to_string())], &format!("<x{n}/>")),
            Piece::Protected(n) => {
                out.element("ph", &[("x", &n.to_string())], &format!("<p{n}/>"));
            }
        }
    }
}

/// The translation memory and the translators' overrides as one TMX 1.4b
/// document, for reuse in other tools.
///
/// Each override is paired with the source it was written against
/// (`Override::source_text`), since that is what the translator translated;
/// `sources` (unit key → source text) is used when that is empty, and an
/// override with neither is left out. Overrides carry `changeid` (the
/// author) and, when flagged, an `x-honyaku-state` prop of `needs-review`.
#[must_use]
pub fn tmx_export(
    entries: &[TmEntry],
    overrides: &[Override],
    sources: &HashMap<String, String>,
) -> String {
    let mut out = XmlOut::with_capacity(256 + (entries.len() + overrides.len()) * 640);
    out.declaration();
    out.start("tmx", &[("version", "1.4")]);
    out.layout("\n  ");
    out.empty(
        "header",
        &[
            ("creationtool", "honyaku"),
            ("creationtoolversion", env!("CARGO_PKG_VERSION")),
            ("segtype", "sentence"),
            ("o-tmf", "honyaku"),
            ("adminlang", "en"),
            ("srclang", Lang::SOURCE.code()),
            ("datatype", "html"),
        ],
    );
    out.layout("\n  ");
    out.start("body", &[]);
    out.layout("\n");
    for entry in entries {
        out.layout("    ");
        out.start(
            "tu",
            &[
                ("creationdate", &tmx_date(entry.created_at)),
                ("lastusagedate", &tmx_date(entry.used_at)),
            ],
        );
        out.layout("\n");
        write_prop(&mut out, "x-honyaku-origin", entry.origin.as_str());
        write_prop(&mut out, "x-honyaku-provider", &entry.provider);
        if !entry.model.is_empty() {
            write_prop(&mut out, "x-honyaku-model", &entry.model);
        }
        write_prop(&mut out, "x-honyaku-unit", &entry.unit_key);
        write_prop(
            &mut out,
            "x-honyaku-glossary-version",
            &entry.glossary_version.to_string(),
        );
        write_prop(
            &mut out,
            "x-honyaku-segmenter-version",
            &entry.segmenter_version.to_string(),
        );
        write_tuv(&mut out, entry.source_lang, &entry.source_text);
        write_tuv(&mut out, entry.target_lang, &entry.text);
        out.layout("    ");
        out.end("tu");
        out.layout("\n");
    }
    for o in overrides {
        // A flagged override was written for the Japanese before the edit:
        // paired with the new Japanese it would be a wrong exact match.
        let source = if let Some(previous) = &o.previous_source {
            previous.as_str()
        } else if o.source_text.is_empty() {
            match sources.get(&o.unit_key) {
                Some(s) => s.as_str(),
                None => continue,
            }
        } else {
            o.source_text.as_str()
        };
        let date = tmx_date(o.updated_at);
        out.layout("    ");
        out.start(
            "tu",
            &[
                ("creationdate", &date),
                ("changedate", &date),
                ("changeid", &o.author),
            ],
        );
        out.layout("\n");
        write_prop(&mut out, "x-honyaku-origin", "translator");
        write_prop(&mut out, "x-honyaku-provider", "translator");
        write_prop(&mut out, "x-honyaku-unit", &o.unit_key);
        write_prop(&mut out, "x-honyaku-version", &o.version.to_string());
        if o.state == OverrideState::NeedsReview {
            write_prop(&mut out, "x-honyaku-state", o.state.as_str());
        }
        write_tuv(&mut out, Lang::SOURCE, source);
        write_tuv(&mut out, o.target_lang, &o.text);
        out.layout("    ");
        out.end("tu");
        out.layout("\n");
    }
    out.layout("  ");
    out.end("body");
    out.layout("\n");
    out.end("tmx");
    out.layout("\n");
    out.finish()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use quick_xml::events::Event;

    use super::super::fixtures::*;
    use super::super::predefined_entity;
    use super::*;

    #[test]
    fn tmx_dates() {
        assert_eq!(tmx_date(0), "19700101T000000Z");
        assert_eq!(tmx_date(1_700_000_000_123), "20231114T221320Z");
        assert_eq!(tmx_date(1_735_689_599_999), "20241231T235959Z");
        assert_eq!(tmx_date(-1), "19691231T235959Z");
    }

    #[test]
    fn tmx_is_well_formed_with_languages_codes_and_props() {
        let entries = vec![
            tm_entry(
                KEY_A,
                Lang::En,
                "deepl",
                "",
                "<b1>MHLW</b1> announcement &amp;<x2/>",
            ),
            tm_entry(
                KEY_A,
                Lang::ZhHans,
                "google",
                "nmt",
                "<b1>厚生劳动省</b1>公告&amp;<x2/>",
            ),
        ];
        let overrides = vec![
            Override {
                unit_key: KEY_A.into(),
                target_lang: Lang::En,
                text: "<b1>The ministry</b1>'s notice &amp;<x2/>".into(),
                version: 4,
                state: OverrideState::NeedsReview,
                author: "aiko \"A\"".into(),
                source_text: String::new(),
                previous_source: None,
                updated_at: 0,
            },
            Override {
                unit_key: KEY_B.into(),
                target_lang: Lang::Ko,
                text: "공지".into(),
                version: 1,
                state: OverrideState::Approved,
                author: "min".into(),
                source_text: "お知らせ".into(),
                previous_source: None,
                updated_at: 1_735_689_599_999,
            },
            // No source anywhere: left out.
            Override {
                unit_key: KEY_C.into(),
                target_lang: Lang::Ko,
                text: "x".into(),
                version: 1,
                state: OverrideState::Approved,
                author: "min".into(),
                source_text: String::new(),
                previous_source: None,
                updated_at: 0,
            },
        ];
        let sources = HashMap::from([(
            KEY_A.to_owned(),
            "<b1>厚労省</b1>の発表&amp;<x2/>".to_owned(),
        )]);
        let tmx = tmx_export(&entries, &overrides, &sources);

        let mut reader = quick_xml::Reader::from_str(&tmx);
        let (mut tu, mut tuv, mut langs, mut segs) = (0, 0, Vec::new(), Vec::new());
        let mut in_seg = false;
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) if e.name().as_ref() == b"tu" => tu += 1,
                Event::Start(e) if e.name().as_ref() == b"tuv" => {
                    tuv += 1;
                    let lang = e.try_get_attribute("xml:lang").unwrap().unwrap();
                    langs.push(String::from_utf8(lang.value.into_owned()).unwrap());
                }
                Event::Start(e) if e.name().as_ref() == b"seg" => {
                    in_seg = true;
                    segs.push(String::new());
                }
                Event::End(e) if e.name().as_ref() == b"seg" => in_seg = false,
                Event::Text(t) if in_seg => {
                    segs.last_mut()
                        .unwrap()
                        .push_str(&t.xml10_content().unwrap());
                }
                Event::GeneralRef(r) if in_seg => {
                    let name = r.decode().unwrap();
                    segs.last_mut()
                        .unwrap()
                        .push(predefined_entity(&name).unwrap());
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(tu, 4);
        assert_eq!(tuv, 8);
        assert_eq!(langs, ["ja", "en", "ja", "zh-Hans", "ja", "en", "ja", "ko"]);
        // Text of the segments, with the native codes of the placeholders.
        assert_eq!(segs[0], "<b1>厚労省</b1>の発表&<x2/>");
        assert_eq!(segs[1], "<b1>MHLW</b1> announcement &<x2/>");

        assert!(tmx.contains(&format!(
            "<header creationtool=\"honyaku\" creationtoolversion=\"{}\" segtype=\"sentence\" \
             o-tmf=\"honyaku\" adminlang=\"en\" srclang=\"ja\" datatype=\"html\"/>",
            env!("CARGO_PKG_VERSION")
        )));
        assert!(tmx.contains(
            "<seg><bpt i=\"1\" x=\"1\">&lt;b1&gt;</bpt>MHLW<ept i=\"1\">&lt;/b1&gt;</ept> \
             announcement &amp;<ph x=\"2\">&lt;x2/&gt;</ph></seg>"
        ));
        assert!(
            tmx.contains(
                "<tu creationdate=\"20231114T221320Z\" lastusagedate=\"20231115T221320Z\">"
            )
        );
        assert!(tmx.contains("<prop type=\"x-honyaku-origin\">machine</prop>"));
        assert!(tmx.contains("<prop type=\"x-honyaku-provider\">google</prop>"));
        assert!(tmx.contains("<prop type=\"x-honyaku-model\">nmt</prop>"));
        assert!(tmx.contains(
            "<tu creationdate=\"19700101T000000Z\" changedate=\"19700101T000000Z\" \
             changeid=\"aiko &quot;A&quot;\">"
        ));
        assert!(tmx.contains("<prop type=\"x-honyaku-origin\">translator</prop>"));
        assert_eq!(
            tmx.matches("<prop type=\"x-honyaku-state\">needs-review</prop>")
                .count(),
            1
        );
        assert!(tmx.contains("<tuv xml:lang=\"ja\"><seg>お知らせ</seg></tuv>"));
        assert!(!tmx.contains(KEY_C));
    }
}
