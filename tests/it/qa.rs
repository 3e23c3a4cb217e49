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

// ---------------------------------------------------------------------------------------------
// Honest and hostile providers on every fixture

use std::sync::Arc;

use futures::future::BoxFuture;
use honyaku::config::{Config, Overrides};
use honyaku::store::Store;
use honyaku::translate::provider::{Limits, ProviderError, TranslationProvider};
use honyaku::translate::{Bundled, Chain, Pipeline};
use proptest::prelude::*;

use crate::store::TestDb;
use crate::support::pseudo;

/// What the provider does to the one unit it attacks (all others get an honest
/// pseudo-translation).
#[derive(Debug, Clone)]
enum Attack {
    /// Changes the `nth` digit of what it was sent (placeholders' digits included) by `by`.
    Digit { nth: usize, by: u32 },
    /// Drops the `nth` bracketed phrase (its brackets too unless `keep_brackets`) and
    /// appends text of its own.
    Bracket { nth: usize, keep_brackets: bool },
    /// Sends the text back as it came.
    Echo,
    /// One word for every text of the batch.
    OneWord,
}

struct Hostile {
    /// The protected text of the unit attacked.
    victim: String,
    attack: Attack,
}

/// `text` with its `nth` digit (counting from 0, wrapping) changed by `by` (1–9).
fn change_digit(text: &str, nth: usize, by: u32) -> String {
    let count = text.chars().filter(char::is_ascii_digit).count();
    let target = nth % count.max(1);
    let mut seen = 0;
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => {
                let hit = seen == target;
                seen += 1;
                if hit {
                    char::from_digit((d + by) % 10, 10).unwrap()
                } else {
                    c
                }
            }
            _ => c,
        })
        .collect()
}

const OPEN: [char; 11] = [
    '(', '（', '[', '［', '【', '「', '『', '〈', '《', '〔', '〖',
];
const CLOSE: [char; 11] = [
    ')', '）', ']', '］', '】', '」', '』', '〉', '》', '〕', '〗',
];

/// The bracketed phrases of `text` with Japanese inside, as char ranges (brackets included).
fn japanese_brackets(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        let Some(k) = OPEN.iter().position(|o| o == c) else {
            continue;
        };
        let Some(len) = chars[i + 1..].iter().position(|&x| x == CLOSE[k]) else {
            continue;
        };
        let inside = &chars[i + 1..i + 1 + len];
        if inside.iter().any(|&c| qa::script::is_japanese_letter(c)) {
            out.push((i, i + len + 2));
        }
    }
    out
}

/// `honest` (a pseudo-translation of `sent`, which keeps every character's place) without
/// the `nth` bracketed phrase of `sent`.
fn drop_bracket(honest: &str, sent: &str, nth: usize, keep_brackets: bool) -> String {
    let groups = japanese_brackets(sent);
    let text = honest;
    let (start, end) = groups[nth % groups.len()];
    let chars: Vec<char> = text.chars().collect();
    let mut out: String = chars[..start].iter().collect();
    if keep_brackets {
        out.push(chars[start]);
        out.push(chars[end - 1]);
    }
    out.extend(&chars[end..]);
    out
}

impl TranslationProvider for Hostile {
    fn name(&self) -> &'static str {
        "hostile"
    }
    fn limits(&self) -> Limits {
        Limits::UNLIMITED
    }
    fn supports(&self, target: Lang) -> bool {
        !target.is_source()
    }
    fn translate_batch<'a>(
        &'a self,
        texts: &'a [String],
        _from: Lang,
        to: Lang,
    ) -> BoxFuture<'a, Result<Vec<String>, ProviderError>> {
        Box::pin(async move {
            Ok(texts
                .iter()
                .map(|t| {
                    let honest = pseudo(t, to.code());
                    match (&self.attack, *t == self.victim) {
                        (Attack::OneWord, _) => "string".to_owned(),
                        (_, false) => honest,
                        (Attack::Digit { nth, by }, true) => change_digit(&honest, *nth, *by),
                        (Attack::Bracket { nth, keep_brackets }, true) => {
                            format!(
                                "{} See the notes.",
                                drop_bracket(&honest, t, *nth, *keep_brackets)
                            )
                        }
                        (Attack::Echo, true) => t.clone(),
                    }
                })
                .collect())
        })
    }
}

/// Every unit of every HTML fixture and of the announcement, by page.
fn fixture_pages() -> Vec<(String, Vec<String>)> {
    let mut pages = Vec::new();
    let dir = repo_path("tests/fixtures/html");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    paths.sort();
    let announcement = repo_path("content/announcements/roukyou-online-seminar-2025");
    paths.push(announcement.join("body.ja.html"));
    paths.push(announcement.join("contact.ja.html"));
    for path in paths {
        let html = std::fs::read_to_string(&path).unwrap();
        let mut units: Vec<String> = honyaku::segment::segment(&html)
            .unwrap()
            .into_iter()
            .map(|u| u.text)
            .collect();
        units.dedup();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        pages.push((name, units));
    }
    pages
}

fn pipeline(provider: Hostile, store: Arc<dyn Store>) -> Pipeline {
    let mut config = Config::load_with_env(None, Vec::new(), &Overrides::default())
        .unwrap()
        .providers;
    config.order = vec!["hostile".into()];
    let chain = Chain::new(
        vec![Arc::new(provider) as Arc<dyn TranslationProvider>],
        &config,
    );
    Pipeline::with_store(chain, Bundled::new(), Some(store), 1 << 20)
}

/// Translates `units` into `lang` with `attack` on `victim` against a fresh store; returns
/// which units were served and what the store keeps, by unit key.
fn run(units: &[String], lang: Lang, victim: &str, attack: Attack) -> (Vec<bool>, Vec<String>) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let db = TestDb::sqlite();
        let store = db.open().await;
        let provider = Hostile {
            victim: protect::protect(victim).text,
            attack,
        };
        let pipeline = pipeline(provider, store.clone());
        let out = pipeline.translate_detailed(units, lang).await;
        let served = out.units.iter().map(Option::is_some).collect();
        let stored = store
            .tm_all(Some(lang))
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.unit_key)
            .collect();
        (served, stored)
    })
}

/// Honest pseudo-translations of every fixture into every target: the false refusals.
#[test]
fn honest_pseudo_translations_of_every_fixture_pass() {
    let mut units = 0;
    let mut refused = Vec::new();
    for (name, page) in fixture_pages() {
        for lang in TARGETS {
            let (served, stored) = run(&page, lang, "", Attack::Echo);
            units += served.len();
            for (unit, ok) in page.iter().zip(&served) {
                if !ok {
                    refused.push(format!("{name} {lang:?}: {unit}"));
                } else {
                    assert!(stored.contains(&honyaku::segment::unit_key(unit)));
                }
            }
        }
    }
    eprintln!(
        "honest pseudo-translations: {} of {units} units refused",
        refused.len()
    );
    assert!(units > 400, "{units}");
    assert!(
        refused.is_empty(),
        "false refusals:\n{}",
        refused.join("\n")
    );
}

fn lang_strategy() -> impl Strategy<Value = Lang> {
    prop::sample::select(TARGETS.to_vec())
}

/// (page, victim) pairs where `eligible` holds for the victim's protected text.
fn victims(eligible: impl Fn(&str, &str) -> bool) -> Vec<(Vec<String>, String)> {
    let mut out = Vec::new();
    for (_, page) in fixture_pages() {
        for unit in &page {
            if eligible(unit, &protect::protect(unit).text) {
                out.push((page.clone(), unit.clone()));
            }
        }
    }
    out
}

fn assert_refused(units: &[String], victim: &str, served: &[bool], stored: &[String]) {
    for (unit, ok) in units.iter().zip(served) {
        if unit == victim {
            assert!(!ok, "served: {unit}");
        }
    }
    assert!(
        !stored.contains(&honyaku::segment::unit_key(victim)),
        "stored: {victim}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_changed_digit_is_never_served_or_stored(
        pick in any::<prop::sample::Index>(),
        nth in 0usize..64,
        by in 1u32..10,
        lang in lang_strategy(),
    ) {
        let all = victims(|_, sent| sent.chars().any(|c| c.is_ascii_digit()));
        prop_assume!(!all.is_empty());
        let (page, victim) = pick.get(&all);
        let (served, stored) = run(page, lang, victim, Attack::Digit { nth, by });
        assert_refused(page, victim, &served, &stored);
    }

    #[test]
    fn a_dropped_bracketed_phrase_is_never_served_or_stored(
        pick in any::<prop::sample::Index>(),
        nth in 0usize..8,
        keep_brackets in any::<bool>(),
        lang in lang_strategy(),
    ) {
        let all = victims(|_, sent| !japanese_brackets(sent).is_empty());
        prop_assume!(!all.is_empty());
        let (page, victim) = pick.get(&all);
        let (served, stored) = run(page, lang, victim, Attack::Bracket { nth, keep_brackets });
        assert_refused(page, victim, &served, &stored);
    }

    #[test]
    fn an_echo_is_never_served_or_stored(
        pick in any::<prop::sample::Index>(),
        lang in lang_strategy(),
    ) {
        // What the provider is sent: a unit that is all tokens (<p1/>) comes back as sent
        // from an honest provider too.
        let all = victims(|_, sent| {
            qa::plain(sent).chars().any(|c| qa::script::foreign_to(c, lang))
        });
        prop_assume!(!all.is_empty());
        let (page, victim) = pick.get(&all);
        let (served, stored) = run(page, lang, victim, Attack::Echo);
        assert_refused(page, victim, &served, &stored);
    }

    #[test]
    fn one_word_for_a_whole_batch_is_never_served_or_stored(
        page in prop::sample::select(fixture_pages()),
        lang in lang_strategy(),
    ) {
        let (_, units) = page;
        let (served, stored) = run(&units, lang, "", Attack::OneWord);
        prop_assert!(served.iter().all(|s| !s), "served: {served:?}");
        prop_assert!(stored.is_empty(), "stored: {stored:?}");
    }
}

/// Every attack on every eligible unit of every fixture, in every target (each digit of each
/// unit in turn): all refused. Prints the refusals by reason, for the record.
#[test]
fn every_attack_on_every_fixture_is_refused_and_counted_by_reason() {
    use std::collections::BTreeMap;

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let pages = fixture_pages();
    let mut tally: BTreeMap<(&'static str, &'static str), usize> = BTreeMap::new();
    let mut cases = 0;
    let mut attack = |units: &[String], lang: Lang, victim: &str, kind: &'static str, a: Attack| {
        let mut config = Config::load_with_env(None, Vec::new(), &Overrides::default())
            .unwrap()
            .providers;
        config.order = vec!["hostile".into()];
        let provider = Hostile {
            victim: protect::protect(victim).text,
            attack: a,
        };
        let chain = Chain::new(
            vec![Arc::new(provider) as Arc<dyn TranslationProvider>],
            &config,
        );
        let pipeline = Pipeline::new(chain, Bundled::new(), 1 << 20);
        let out = runtime.block_on(pipeline.translate_detailed(units, lang));
        let at = units.iter().position(|u| u == victim).unwrap();
        let reason = out
            .refusals
            .get(&at)
            .unwrap_or_else(|| panic!("{kind} {lang:?} served: {victim}"))
            .code();
        *tally.entry((kind, reason)).or_default() += 1;
        cases += 1;
    };
    for (_, units) in &pages {
        for victim in units {
            let sent = protect::protect(victim).text;
            for lang in TARGETS {
                let digits = sent.chars().filter(char::is_ascii_digit).count();
                for nth in 0..digits {
                    attack(units, lang, victim, "digit", Attack::Digit { nth, by: 1 });
                }
                for nth in 0..japanese_brackets(&sent).len() {
                    for keep_brackets in [false, true] {
                        let a = Attack::Bracket { nth, keep_brackets };
                        attack(units, lang, victim, "bracket", a);
                    }
                }
                if qa::plain(&sent)
                    .chars()
                    .any(|c| qa::script::foreign_to(c, lang))
                {
                    attack(units, lang, victim, "echo", Attack::Echo);
                }
            }
        }
    }
    for (name, units) in &pages {
        for lang in TARGETS {
            for victim in units {
                attack(units, lang, victim, "one word", Attack::OneWord);
            }
            let _ = name;
        }
    }
    let mut lines: Vec<String> = tally
        .iter()
        .map(|((kind, reason), n)| format!("{kind:>9} → {reason:<7} {n}"))
        .collect();
    lines.insert(0, format!("{cases} attacks, all refused:"));
    eprintln!("{}", lines.join("\n"));
    assert!(cases > 1000, "{cases}");
}
