//! The QA gate against honest and hostile translations: every bundled translation of the
//! announcement passes every check; a provider that changes a digit, drops a bracketed
//! phrase, echoes the source or answers one word for a whole batch never gets through, on
//! every fixture.

use honyaku::content::Content;
use honyaku::i18n::Lang;
use honyaku::protect;
use honyaku::translate::qa;

use crate::support::repo_path;

const TARGETS: [Lang; 4] = [Lang::En, Lang::ZhHans, Lang::ZhHant, Lang::Ko];

/// (target, source unit, bundled translation) for every unit of the announcement.
fn bundled_pairs() -> Vec<(Lang, String, String)> {
    let content = Content::from_dir(&repo_path("content")).unwrap();
    let bundled = honyaku::pages::bundled_translations(&content).unwrap();
    let mut out = Vec::new();
    for page in content.announcements() {
        for unit in honyaku::review::page_units(page).unwrap() {
            for lang in TARGETS {
                if let Some(text) = bundled.get(&(lang, unit.key.clone())) {
                    out.push((lang, unit.text.clone(), text.clone()));
                }
            }
        }
    }
    out
}

#[test]
fn every_bundled_translation_passes_every_check() {
    let pairs = bundled_pairs();
    assert!(pairs.len() >= 4 * 40, "{}", pairs.len());
    let mut refused = Vec::new();
    for (lang, source, text) in &pairs {
        if let Err(e) = qa::check(source, &protect::protect(source), text, *lang) {
            refused.push(format!("{lang:?}: {source:?} → {text:?}: {e}"));
        }
    }
    assert!(refused.is_empty(), "{}", refused.join("\n"));
}

/// The length bounds of `qa::lost` are the bundled translations' extreme ratios per target
/// (units of at least `MIN_JUDGED_CHARS` characters), halved and doubled, in tenths rounded
/// outwards. When the bundled translations change, this says what the bounds become.
#[test]
fn length_bounds_are_derived_from_the_bundled_translations() {
    let pairs = bundled_pairs();
    for lang in TARGETS {
        let ratios: Vec<f64> = pairs
            .iter()
            .filter(|(l, _, _)| *l == lang)
            .filter_map(|(_, s, t)| {
                let source = qa::lost::length(&qa::plain(s));
                let target = qa::lost::length(&qa::plain(t));
                (source >= qa::lost::MIN_JUDGED_CHARS).then(|| target as f64 / source as f64)
            })
            .collect();
        assert!(ratios.len() >= 20, "{lang:?}: {}", ratios.len());
        let min = ratios.iter().copied().fold(f64::INFINITY, f64::min);
        let max = ratios.iter().copied().fold(0.0, f64::max);
        let derived = (
            (min / 2.0 * 10.0).floor() as u32,
            (max * 2.0 * 10.0).ceil() as u32,
        );
        assert_eq!(
            qa::lost::bounds(lang),
            derived,
            "{lang:?}: bundled ratios {min:.2}–{max:.2}"
        );
    }
}
