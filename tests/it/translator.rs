//! The translator without HTTP: bundled ▸ memory ▸ provider chain, the QA
//! gate, fallthrough between providers, and what is (not) remembered.

use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use futures::future::BoxFuture;
use honyaku::config::{Config, Overrides, ProvidersConfig};
use honyaku::i18n::Lang;
use honyaku::model::Origin;
use honyaku::translate::provider::{Limits, ProviderError, TranslationProvider};
use honyaku::translate::{Bundled, Chain, Pipeline};

use crate::support::pseudo;

/// What a scripted provider does with a batch.
#[derive(Clone, Copy)]
enum Behaviour {
    /// Pseudo-translates and upper-cases the text outside tags, keeping
    /// every placeholder.
    Shout,
    /// The same, after a pause, so concurrent calls overlap.
    SlowShout,
    /// Drops every placeholder tag (a typical MT failure).
    DropTags,
    /// Returns HTML that must never become markup.
    Script,
    Fail503,
    Quota,
}

struct Scripted {
    name: &'static str,
    behaviour: Behaviour,
    max_items: usize,
    calls: AtomicUsize,
    seen: Mutex<Vec<Vec<String>>>,
}

impl Scripted {
    fn new(name: &'static str, behaviour: Behaviour) -> Arc<Self> {
        Arc::new(Self {
            name,
            behaviour,
            max_items: 50,
            calls: AtomicUsize::new(0),
            seen: Mutex::new(Vec::new()),
        })
    }
}

fn shout(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ => {}
        }
        if in_tag || c == '>' {
            out.push(c);
        } else {
            out.extend(c.to_uppercase());
        }
    }
    format!("EN:{out}")
}

impl TranslationProvider for Scripted {
    fn name(&self) -> &'static str {
        self.name
    }
    fn limits(&self) -> Limits {
        Limits {
            max_items: self.max_items,
            ..Limits::UNLIMITED
        }
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
            self.calls.fetch_add(1, Ordering::SeqCst);
            self.seen.lock().unwrap().push(texts.to_vec());
            match self.behaviour {
                Behaviour::Shout => {
                    Ok(texts.iter().map(|t| shout(&pseudo(t, to.code()))).collect())
                }
                Behaviour::SlowShout => {
                    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
                    Ok(texts.iter().map(|t| shout(&pseudo(t, to.code()))).collect())
                }
                Behaviour::DropTags => Ok(texts
                    .iter()
                    .map(|t| {
                        let mut out = String::new();
                        let mut in_tag = false;
                        for c in pseudo(t, to.code()).chars() {
                            match c {
                                '<' => in_tag = true,
                                '>' => in_tag = false,
                                c if !in_tag => out.push(c),
                                _ => {}
                            }
                        }
                        out
                    })
                    .collect()),
                Behaviour::Script => Ok(texts
                    .iter()
                    .map(|_| "&lt;script&gt;alert(1)&lt;/script&gt; hi".to_owned())
                    .collect()),
                Behaviour::Fail503 => Err(ProviderError::Retryable {
                    provider: self.name,
                    retry_after: None,
                    detail: "HTTP 503".into(),
                }),
                Behaviour::Quota => Err(ProviderError::QuotaExhausted {
                    provider: self.name,
                    detail: "HTTP 456".into(),
                }),
            }
        })
    }
}

fn providers_config() -> ProvidersConfig {
    let mut config = Config::load_with_env(None, Vec::new(), &Overrides::default())
        .unwrap()
        .providers;
    config.retry_base_delay_ms = 1;
    config.retry_max_delay_ms = 2;
    config.max_retries = 2;
    config.order = vec!["first".into(), "second".into()];
    config
}

fn translator(providers: Vec<Arc<Scripted>>, bundled: Bundled) -> Pipeline {
    let mut config = providers_config();
    config.order = providers.iter().map(|p| p.name.to_owned()).collect();
    let providers: Vec<Arc<dyn TranslationProvider>> = providers
        .into_iter()
        .map(|p| p as Arc<dyn TranslationProvider>)
        .collect();
    Pipeline::in_memory(
        Chain::new(providers, &config, &honyaku::i18n::Languages::defaults()),
        bundled,
        1 << 20,
    )
}

fn units(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| (*t).to_owned()).collect()
}

#[tokio::test]
async fn machine_translations_pass_the_gate_and_are_remembered() {
    let provider = Scripted::new("first", Behaviour::Shout);
    let t = translator(vec![provider.clone()], Bundled::new());
    let sources = units(&[
        "厚生労働省は<b1>セミナー</b1>を開催します。<x2/>",
        "参加費は無料です。",
        "厚生労働省は<b1>セミナー</b1>を開催します。<x2/>",
    ]);
    let out = t.translate_units(&sources, Lang::En).await;
    assert!(out.iter().all(Option::is_some));
    let first = out[0].as_ref().unwrap();
    assert_eq!(first.origin, Origin::Machine);
    assert!(
        first.text.contains("<b1>") && first.text.contains("</b1>") && first.text.contains("<x2/>")
    );
    // The duplicate was sent once.
    assert_eq!(provider.seen.lock().unwrap()[0].len(), 2);
    assert_eq!(provider.calls.load(Ordering::SeqCst), 1);
    // Asked again: served from memory, the provider is not called.
    let again = t.translate_units(&sources, Lang::En).await;
    assert_eq!(again[1], out[1]);
    assert_eq!(provider.calls.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn protected_tokens_are_hidden_from_the_provider_and_rendered() {
    let provider = Scripted::new("first", Behaviour::Shout);
    let t = translator(vec![provider.clone()], Bundled::new());
    let sources = units(&["令和7年7月23日(水)14時00分〜16時00分に開催。電話03-5253-1111"]);
    let out = t.translate_units(&sources, Lang::En).await;
    let sent = &provider.seen.lock().unwrap()[0][0];
    assert!(!sent.contains("令和") && !sent.contains("5253"), "{sent}");
    assert!(sent.contains("<p1/>"), "{sent}");
    let text = &out[0].as_ref().unwrap().text;
    assert!(text.contains("Wednesday, July 23, 2025"), "{text}");
    assert!(text.contains("14:00–16:00"), "{text}");
    assert!(text.contains("03-5253-1111"), "{text}");
}

#[tokio::test]
async fn qa_gate_rejects_lost_placeholders_and_does_not_pay_for_them_again() {
    let provider = Scripted::new("first", Behaviour::DropTags);
    let t = translator(vec![provider.clone()], Bundled::new());
    let sources = units(&["<b1>リンク</b1>をご覧ください。", "タグのない文です。"]);
    let out = t.translate_units(&sources, Lang::Ko).await;
    assert!(out[0].is_none(), "lost placeholder must be rejected");
    assert!(out[1].is_some(), "a unit without placeholders passes");
    assert_eq!(t.stats.qa_rejections.load(Ordering::Relaxed), 1);
    // Next time the refused unit is neither served nor sent again (for a
    // while): a provider that keeps mangling it is not paid on every view.
    let detailed = t.translate_detailed(&sources, Lang::Ko).await;
    assert!(detailed.units[0].is_none());
    assert_eq!(detailed.rejected, vec![0]);
    assert_eq!(detailed.billed, 0);
    assert_eq!(provider.seen.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn script_from_a_provider_stays_text() {
    let provider = Scripted::new("first", Behaviour::Script);
    let t = translator(vec![provider], Bundled::new());
    let out = t.translate_units(&units(&["お知らせ"]), Lang::En).await;
    let text = &out[0].as_ref().unwrap().text;
    assert_eq!(text, "&lt;script&gt;alert(1)&lt;/script&gt; hi");
}

#[tokio::test]
async fn quota_opens_the_circuit_and_falls_through_to_the_next_provider() {
    let spent = Scripted::new("first", Behaviour::Quota);
    let backup = Scripted::new("second", Behaviour::Shout);
    let t = translator(vec![spent.clone(), backup.clone()], Bundled::new());
    let out = t
        .translate_units(&units(&["一つ目", "二つ目"]), Lang::ZhHans)
        .await;
    assert!(out.iter().all(Option::is_some));
    assert_eq!(out[0].as_ref().unwrap().model.as_deref(), Some("second"));
    assert_eq!(
        spent.calls.load(Ordering::SeqCst),
        1,
        "quota is not retried"
    );
    // The circuit is open: the spent provider is not called again.
    t.translate_units(&units(&["三つ目"]), Lang::ZhHans).await;
    assert_eq!(spent.calls.load(Ordering::SeqCst), 1);
    assert_eq!(backup.calls.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn failing_provider_is_retried_then_units_stay_japanese() {
    let down = Scripted::new("first", Behaviour::Fail503);
    let t = translator(vec![down.clone()], Bundled::new());
    let out = t.translate_units(&units(&["一つ目"]), Lang::En).await;
    assert!(out[0].is_none());
    assert_eq!(
        down.calls.load(Ordering::SeqCst),
        3,
        "first attempt and two retries"
    );
    assert_eq!(t.stats.untranslated.load(Ordering::Relaxed), 1);
}

#[tokio::test]
async fn bundled_translations_need_no_provider_and_batches_follow_limits() {
    let mut bundled = Bundled::new();
    bundled.insert(
        (Lang::En, honyaku::segment::unit_key("一つ目")),
        "First".into(),
    );
    let provider = Arc::new(Scripted {
        max_items: 2,
        ..Arc::try_unwrap(Scripted::new("first", Behaviour::Shout))
            .ok()
            .unwrap()
    });
    let t = translator(vec![provider.clone()], bundled);
    let sources = units(&["一つ目", "二", "三", "四", "五", "六"]);
    let out = t.translate_units(&sources, Lang::En).await;
    assert_eq!(out[0].as_ref().unwrap().origin, Origin::Bundled);
    assert_eq!(out[0].as_ref().unwrap().text, "First");
    let sizes: Vec<usize> = provider.seen.lock().unwrap().iter().map(Vec::len).collect();
    let mut sorted = sizes.clone();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        vec![1, 2, 2],
        "five units in batches of at most two: {sizes:?}"
    );
    // Japanese is never sent anywhere.
    let ja = t.translate_units(&sources, Lang::Ja).await;
    assert!(ja.iter().all(Option::is_none));
}

#[tokio::test]
async fn concurrent_calls_share_units_being_translated() {
    let provider = Scripted::new("first", Behaviour::SlowShout);
    let t = Arc::new(translator(vec![provider.clone()], Bundled::new()));
    let page_a = units(&["共通の見出し", "Aだけの文"]);
    let page_b = units(&["共通の見出し", "Bだけの文"]);
    let (a, b) = tokio::join!(
        t.translate_units(&page_a, Lang::En),
        t.translate_units(&page_b, Lang::En)
    );
    assert!(a.iter().chain(&b).all(Option::is_some));
    assert_eq!(a[0], b[0], "the shared unit is one translation");
    let sent: Vec<String> = provider
        .seen
        .lock()
        .unwrap()
        .iter()
        .flatten()
        .cloned()
        .collect();
    assert_eq!(
        sent.iter().filter(|t| t.as_str() == "共通の見出し").count(),
        1,
        "paid once: {sent:?}"
    );
    assert_eq!(sent.len(), 3);
}
