//! The translation memory and translators' overrides as TMX 1.4b.
//!
//! Other tools match a memory by source text and language, so what honyaku
//! exports is what it would serve: one `<tu>` per Japanese source and target
//! language, holding the Japanese and one translation (a `<tu>` never holds
//! two targets, which CAT tools offer across languages). Per source the
//! translator's override wins; else the memory entry made with the current
//! glossary and segmenter, else the newest one. Entries a glossary change
//! superseded are left out. [`memory_tmx`] exports one target language (one
//! file per language is what CAT tools want) or, when asked, all of them.
//!
//! honyaku's bookkeeping goes in `x-honyaku-*` props. Placeholders become
//! `<bpt>`/`<ept>` (or `<it>` when unpaired) and `<ph>`, each holding the
//! placeholder itself as its native code, so importing tools match them
//! across languages. TMX has no `<cp>`, so characters XML cannot carry
//! become U+FFFD there.

use std::collections::HashMap;
use std::sync::Arc;

use super::{Forbidden, XmlOut, split};
use crate::clock::utc_day;
use crate::glossary::Glossary;
use crate::i18n::Lang;
use crate::model::{Override, OverrideState, TmEntry};
use crate::placeholder::{Piece, unescape_text};
use crate::segment::SEGMENTER_VERSION;
use crate::store::{Store, StoreError};
use crate::translate::Pipeline;

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

/// The memory of `target` (every target when `None`) and the translators'
/// overrides as TMX 1.4b, the current version of each source only (see the
/// module docs).
///
/// # Errors
///
/// When the store cannot be read.
pub async fn memory_tmx(
    pipeline: &Pipeline,
    store: &Arc<dyn Store>,
    sources: &HashMap<String, String>,
    target: Option<Lang>,
) -> Result<String, StoreError> {
    let entries = store.tm_all(target).await?;
    let overrides = store.override_all(target).await?;
    let mut langs: Vec<Lang> = entries.iter().map(|e| e.target_lang).collect();
    langs.sort_unstable();
    langs.dedup();
    let mut glossaries: HashMap<Lang, Arc<Glossary>> = HashMap::new();
    for lang in langs {
        glossaries.insert(lang, pipeline.glossary(lang).await);
    }
    let current = |entry: &TmEntry| {
        entry.segmenter_version == i64::from(SEGMENTER_VERSION)
            && glossaries.get(&entry.target_lang).is_some_and(|g| {
                g.unit_version(&g.find(&entry.source_text)) == entry.glossary_version
            })
    };
    Ok(tmx_export(&entries, &overrides, sources, &current))
}

/// The source an override was written for: `Override::source_text` (its
/// previous source when flagged), else `sources` (unit key → source text).
fn override_source<'a>(o: &'a Override, sources: &'a HashMap<String, String>) -> Option<&'a str> {
    if let Some(previous) = &o.previous_source {
        // A flagged override was written for the Japanese before the edit:
        // paired with the new Japanese it would be a wrong exact match.
        Some(previous)
    } else if o.source_text.is_empty() {
        sources.get(&o.unit_key).map(String::as_str)
    } else {
        Some(&o.source_text)
    }
}

/// Memory entries and translators' overrides as one TMX 1.4b document, one
/// `<tu>` per source and target language (see the module docs);
/// `is_current` tells an entry made with the current glossary and segmenter.
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
    is_current: &dyn Fn(&TmEntry) -> bool,
) -> String {
    // Who speaks for each (source, target): an override (approved before
    // flagged, then the newest), else the best memory entry.
    let mut by_override: HashMap<(&str, Lang), usize> = HashMap::new();
    for (i, o) in overrides.iter().enumerate() {
        let Some(source) = override_source(o, sources) else {
            continue;
        };
        let rank = |o: &Override| (o.state == OverrideState::Approved, o.updated_at);
        by_override
            .entry((source, o.target_lang))
            .and_modify(|best| {
                if overrides.get(*best).is_none_or(|b| rank(o) > rank(b)) {
                    *best = i;
                }
            })
            .or_insert(i);
    }
    let mut by_entry: HashMap<(&str, Lang), usize> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        let key = (e.source_text.as_str(), e.target_lang);
        if by_override.contains_key(&key) {
            continue;
        }
        let rank = |e: &TmEntry| (is_current(e), e.created_at);
        by_entry
            .entry(key)
            .and_modify(|best| {
                if entries.get(*best).is_none_or(|b| rank(e) > rank(b)) {
                    *best = i;
                }
            })
            .or_insert(i);
    }

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
    for (i, entry) in entries.iter().enumerate() {
        if by_entry.get(&(entry.source_text.as_str(), entry.target_lang)) != Some(&i) {
            continue;
        }
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
    for (i, o) in overrides.iter().enumerate() {
        let Some(source) = override_source(o, sources) else {
            continue;
        };
        if by_override.get(&(source, o.target_lang)) != Some(&i) {
            continue;
        }
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
                target_lang: Lang::ZhHant,
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
        let tmx = tmx_export(&entries, &overrides, &sources, &|_| true);

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
        assert_eq!(
            langs,
            ["ja", "en", "ja", "zh-Hans", "ja", "zh-Hant", "ja", "ko"]
        );
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

    /// The `(language, text)` of every `<tuv>`, grouped by `<tu>`.
    fn units_of(tmx: &str) -> Vec<Vec<(String, String)>> {
        let mut reader = quick_xml::Reader::from_str(tmx);
        let mut units: Vec<Vec<(String, String)>> = Vec::new();
        let mut in_seg = false;
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) if e.name().as_ref() == b"tu" => units.push(Vec::new()),
                Event::Start(e) if e.name().as_ref() == b"tuv" => {
                    let lang = e.try_get_attribute("xml:lang").unwrap().unwrap();
                    let lang = String::from_utf8(lang.value.into_owned()).unwrap();
                    units.last_mut().unwrap().push((lang, String::new()));
                }
                Event::Start(e) if e.name().as_ref() == b"seg" => in_seg = true,
                Event::End(e) if e.name().as_ref() == b"seg" => in_seg = false,
                Event::Text(t) if in_seg => {
                    let tuv = units.last_mut().unwrap().last_mut().unwrap();
                    tuv.1.push_str(&t.xml10_content().unwrap());
                }
                Event::Eof => break,
                _ => {}
            }
        }
        units
    }

    #[test]
    fn one_tu_per_source_and_language_the_current_version_only() {
        let source = "<b1>厚労省</b1>の発表&amp;<x2/>";
        let entry = |target, glossary_version, created_at, text: &str| TmEntry {
            glossary_version,
            created_at,
            ..tm_entry(KEY_A, target, "deepl", "", text)
        };
        let entries = vec![
            // Before and after a glossary change: only the current one.
            entry(Lang::En, 1, 10, "old wording"),
            entry(Lang::En, 2, 5, "current wording"),
            // Neither is current (the glossary changed again since): the newest.
            entry(Lang::Ko, 1, 10, "최신"),
            entry(Lang::Ko, 2, 5, "이전"),
            // Overridden: the translator's text, not the machine's.
            entry(Lang::ZhHans, 2, 10, "机器"),
        ];
        let overrides = vec![Override {
            unit_key: KEY_A.into(),
            target_lang: Lang::ZhHans,
            text: "译者".into(),
            version: 2,
            state: OverrideState::Approved,
            author: "li".into(),
            source_text: source.into(),
            previous_source: None,
            updated_at: 0,
        }];
        let current = |e: &TmEntry| e.target_lang == Lang::En && e.glossary_version == 2;
        let tmx = tmx_export(&entries, &overrides, &HashMap::new(), &current);
        let units = units_of(&tmx);
        let pairs: Vec<(String, String)> = units
            .iter()
            .map(|tu| {
                // Always the Japanese and exactly one translation.
                let [(ja, _), (lang, text)] = tu.as_slice() else {
                    panic!("{tu:?}");
                };
                assert_eq!(ja, "ja");
                (lang.clone(), text.clone())
            })
            .collect();
        assert_eq!(
            pairs,
            [
                ("en".to_owned(), "current wording".to_owned()),
                ("ko".to_owned(), "최신".to_owned()),
                ("zh-Hans".to_owned(), "译者".to_owned()),
            ]
        );
    }
}
