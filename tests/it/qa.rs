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
    let bundled =
        honyaku::pages::bundled_translations(&content, &honyaku::i18n::Languages::defaults())
            .unwrap();
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
        &honyaku::i18n::Languages::defaults(),
    );
    Pipeline::with_store(chain, Bundled::new(), store, 1 << 20)
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
            &honyaku::i18n::Languages::defaults(),
        );
        let pipeline = Pipeline::in_memory(chain, Bundled::new(), 1 << 20);
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

// ---------------------------------------------------------------------------------------------
// End to end: a provider that changes a number, against the hosted page, the API and the
// translators' views

use wiremock::matchers::method;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::support::{SLUG, TestServer, japanese_only_content};

/// LibreTranslate-shaped: an honest pseudo-translation, except that 全5回 becomes 全6回.
struct ChangesFive {
    calls: Arc<std::sync::atomic::AtomicUsize>,
}

impl Respond for ChangesFive {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        self.calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
        let target = body["target"].as_str().unwrap();
        let out: Vec<String> = body["q"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| pseudo(&t.as_str().unwrap().replace("全5回", "全6回"), target))
            .collect();
        ResponseTemplate::new(200).set_body_json(serde_json::json!({ "translatedText": out }))
    }
}

async fn server_with_changes_five(
    content: &tempfile::TempDir,
    extra: &[(&str, &str)],
) -> (TestServer, MockServer, Arc<std::sync::atomic::AtomicUsize>) {
    let provider = MockServer::start().await;
    let calls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    Mock::given(method("POST"))
        .respond_with(ChangesFive {
            calls: calls.clone(),
        })
        .mount(&provider)
        .await;
    let uri = provider.uri();
    let mut env = vec![
        ("HONYAKU__CONTENT__DIR", content.path().to_str().unwrap()),
        ("HONYAKU__PROVIDERS__LIBRETRANSLATE__BASE_URL", uri.as_str()),
    ];
    env.extend_from_slice(extra);
    let server = TestServer::start_with_env(&env).await;
    (server, provider, calls)
}

#[tokio::test]
async fn a_changed_number_is_served_in_japanese_not_stored_and_shown_to_translators() {
    use scraper::{Html, Selector};
    use std::sync::atomic::Ordering;

    let content = japanese_only_content();
    let (server, _provider, calls) = server_with_changes_five(&content, &[]).await;

    // The hosted page: the units holding 全5回 stay Japanese, marked lang="ja".
    let changed = pseudo("全6回", "en");
    let html = server.text(&format!("/en/{SLUG}")).await;
    assert!(!html.contains(&changed), "a changed number was served");
    let doc = Html::parse_document(&html);
    let japanese: Vec<_> = doc
        .select(&Selector::parse("main [data-origin=source]").unwrap())
        .collect();
    let with_five: Vec<_> = japanese
        .iter()
        .filter(|e| e.text().collect::<String>().contains("全5回"))
        .collect();
    assert!(with_five.len() >= 2, "{html}");
    for unit in with_five {
        assert_eq!(unit.value().attr("lang"), Some("ja"));
    }
    assert!(
        doc.select(&Selector::parse("main [data-origin=machine]").unwrap())
            .count()
            > 30
    );

    // Nothing of it was stored.
    let stored = server.app.store.tm_all(Some(Lang::En)).await.unwrap();
    assert!(stored.len() > 30);
    assert!(stored.iter().all(|e| !e.source_text.contains("全5回")));
    assert!(stored.iter().all(|e| !e.text.contains(&changed)));

    // Counted by reason and language.
    let metrics = server.text("/metrics").await;
    assert!(
        metrics.contains("honyaku_qa_rejections_total{reason=\"number\",lang=\"en\"}"),
        "{metrics}"
    );

    // Not paid for again on the next view: the refusal is held.
    let before = calls.load(Ordering::SeqCst);
    server.text(&format!("/en/{SLUG}")).await;
    assert_eq!(calls.load(Ordering::SeqCst), before);

    // The translators' API names the reason.
    let token = crate::support::translator(
        &server,
        "sato",
        honyaku::model::Role::Translator,
        &[Lang::En],
    )
    .await;
    let units = crate::overrides::units(&server, &token, "en", None).await;
    let refused: Vec<_> = units.iter().filter(|u| !u["refused"].is_null()).collect();
    assert!(refused.len() >= 2, "{units:?}");
    for unit in &refused {
        assert!(unit["source"].as_str().unwrap().contains("全5回"), "{unit}");
        assert_eq!(unit["served_origin"], "source");
        assert_eq!(unit["refused"]["code"], "number");
        assert_eq!(unit["refused"]["message"], "number 5 became 6");
    }
    assert!(
        units
            .iter()
            .filter(|u| u["served_origin"] == "machine")
            .all(|u| u["refused"].is_null())
    );

    // And the editor says it, in the editor's language.
    let login = server
        .client
        .post(server.url("/translators/login"))
        .header("accept-language", "en")
        .form(&[("token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 303);
    let cookie = crate::support::header(&login, "set-cookie")
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let edit = server
        .client
        .get(server.url(&honyaku::render::editor::edit_href(SLUG, Lang::En, None)))
        .header("cookie", &cookie)
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(edit.status(), 200);
    let page = edit.text().await.unwrap();
    assert!(
        page.contains("Refused: number 5 became 6. Readers get the Japanese."),
        "{page}"
    );
    server.stop().await;
}

#[tokio::test]
async fn the_api_reports_the_reason_per_unit_and_serves_the_japanese() {
    let content = japanese_only_content();
    let (server, _provider, _) = server_with_changes_five(&content, &[]).await;
    let post = |body: serde_json::Value| {
        server
            .client
            .post(server.url("/api/v1/translate"))
            .json(&body)
            .send()
    };
    let body: serde_json::Value = post(serde_json::json!({
        "target": "ko",
        "texts": ["オンラインセミナー(全5回)を開催します", "参加費は無料です。"]
    }))
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let first = &body["translations"][0];
    assert_eq!(first["text"], "オンラインセミナー(全5回)を開催します");
    assert_eq!(first["units"][0]["origin"], "source");
    assert_eq!(first["units"][0]["qa"], "rejected");
    assert_eq!(first["units"][0]["qa_reason"], "number");
    assert_eq!(first["units"][0]["qa_detail"], "number 5 became 6");
    assert_eq!(body["translations"][1]["units"][0]["qa"], "passed");
    // HTML: the refused unit is marked Japanese.
    let body: serde_json::Value = post(serde_json::json!({
        "target": "ko",
        "html": "<p>研修は全5回です。</p>"
    }))
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    assert_eq!(
        body["translations"][0]["html"],
        "<p><span lang=\"ja\">研修は全5回です。</span></p>"
    );
    assert_eq!(body["translations"][0]["units"][0]["qa_reason"], "number");
    let stored = server.app.store.tm_all(Some(Lang::Ko)).await.unwrap();
    assert!(stored.iter().all(|e| !e.source_text.contains("全5回")));
    server.stop().await;
}

#[tokio::test]
async fn the_hold_is_a_setting_and_ends() {
    use std::sync::atomic::Ordering;

    let content = japanese_only_content();
    let (server, _provider, calls) =
        server_with_changes_five(&content, &[("HONYAKU__QA__REFUSED_HOLD_SECS", "1")]).await;
    let ask = || async {
        let body: serde_json::Value = server
            .client
            .post(server.url("/api/v1/translate"))
            .json(&serde_json::json!({"target": "en", "texts": ["全5回の研修"]}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        body["translations"][0]["units"][0]["qa_reason"].clone()
    };
    assert_eq!(ask().await, "number");
    assert_eq!(ask().await, "number");
    assert_eq!(calls.load(Ordering::SeqCst), 1, "held: not asked again");
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(ask().await, "number");
    assert_eq!(
        calls.load(Ordering::SeqCst),
        2,
        "the hold ended: asked again"
    );
    server.stop().await;
}
