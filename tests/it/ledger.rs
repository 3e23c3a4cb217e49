//! Money: characters are reserved in the store's ledger before a provider
//! is called and settled after, so budgets hold across instances and
//! concurrent requests, nothing is sent that is not recorded, and what the
//! store could not take is kept and written when it is back.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures::future::BoxFuture;
use honyaku::clock::{Clock, ManualClock, utc_day};
use honyaku::config::{BudgetsConfig, Config, Overrides};
use honyaku::i18n::Lang;
use honyaku::store::Store;
use honyaku::store::sqlite::{SqliteOptions, SqliteStore};
use honyaku::translate::provider::{Limits, ProviderError, TranslationProvider};
use honyaku::translate::{Bundled, Chain, Pipeline, backlog};
use serde_json::{Value, json};
use sqlx::Connection;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::support::TestServer;

/// A translation in letters only, different for every source: passes the
/// QA gate like an honest one (no number changed, the script of the
/// target, a different answer for each sentence).
fn english(source: &str) -> String {
    let mut hasher = DefaultHasher::new();
    source.hash(&mut hasher);
    let mut h = hasher.finish();
    let mut word = String::new();
    for _ in 0..8 {
        word.push(char::from(b'a' + u8::try_from(h % 26).unwrap()));
        h /= 26;
    }
    format!("Notice {word}")
}

/// A Japanese sentence of its own for each `n` below 512, without digits
/// (a number the translation drops would be refused by the QA gate).
fn sentence(n: usize) -> String {
    const PLACES: [&str; 8] = [
        "東京",
        "大阪",
        "名古屋",
        "札幌",
        "福岡",
        "仙台",
        "広島",
        "那覇",
    ];
    const TOPICS: [&str; 8] = [
        "説明会",
        "講習会",
        "相談会",
        "見学会",
        "研修",
        "検診",
        "面談",
        "受付",
    ];
    const STATES: [&str; 8] = [
        "開催します",
        "中止です",
        "延期します",
        "満員です",
        "受付中です",
        "終了しました",
        "再開します",
        "変更しました",
    ];
    format!(
        "{}会場の{}は{}。",
        PLACES[n % 8],
        TOPICS[n / 8 % 8],
        STATES[n / 64 % 8]
    )
}

/// A LibreTranslate stand-in that counts what it was sent.
#[derive(Clone, Default)]
struct StandIn {
    characters: Arc<AtomicUsize>,
    requests: Arc<AtomicUsize>,
}

impl Respond for StandIn {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        let q: Vec<String> = body["q"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap().to_owned())
            .collect();
        self.requests.fetch_add(1, Ordering::SeqCst);
        self.characters
            .fetch_add(q.iter().map(|t| t.chars().count()).sum(), Ordering::SeqCst);
        let out: Vec<String> = q.iter().map(|t| english(t)).collect();
        ResponseTemplate::new(200).set_body_json(json!({ "translatedText": out }))
    }
}

async fn stand_in() -> (MockServer, StandIn) {
    let counts = StandIn::default();
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(counts.clone())
        .mount(&server)
        .await;
    (server, counts)
}

async fn translate(server: &TestServer, texts: &[String]) -> Value {
    let response = server
        .client
        .post(server.url("/api/v1/translate"))
        .json(&json!({ "target": "en", "texts": texts }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// Characters the ledger holds for `provider` today.
async fn ledger(store: &dyn Store, provider: &str) -> (i64, i64) {
    let today = utc_day(honyaku::clock::now_ms());
    let rows = store.usage(Some(provider), &today, &today).await.unwrap();
    (
        rows.iter().map(|r| r.characters).sum(),
        rows.iter().map(|r| r.requests).sum(),
    )
}

/// Another process holds SQLite's write lock (the 25 s of `BEGIN
/// EXCLUSIVE`): no reservation can be written, so the provider is not
/// called and the text stays Japanese. Once the lock is gone, what is sent
/// is exactly what the ledger records.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unwritable_ledger_means_no_provider_call() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("honyaku.sqlite3");
    let (mt, sent) = stand_in().await;
    let server = TestServer::start_with_env(&[
        ("HONYAKU__STORE__URL", path.to_str().unwrap()),
        ("HONYAKU__PROVIDERS__LIBRETRANSLATE__BASE_URL", &mt.uri()),
    ])
    .await;
    let texts = vec![
        "本日の説明会は中止です。".to_owned(),
        "参加費は無料です。".to_owned(),
    ];

    let connect = sqlx::sqlite::SqliteConnectOptions::new().filename(&path);
    let mut holder = sqlx::SqliteConnection::connect_with(&connect)
        .await
        .unwrap();
    sqlx::query("BEGIN EXCLUSIVE")
        .execute(&mut holder)
        .await
        .unwrap();
    let body = translate(&server, &texts).await;
    for (unit, source) in body["translations"].as_array().unwrap().iter().zip(&texts) {
        assert_eq!(unit["text"], source.as_str(), "stays Japanese: {body}");
        assert_eq!(unit["units"][0]["origin"], "source");
    }
    assert_eq!(sent.requests.load(Ordering::SeqCst), 0, "not called");
    let slot = &server.app.pipeline.chain().slots()[0];
    assert!(slot.ledger_failures.load(Ordering::Relaxed) >= 1);
    sqlx::query("ROLLBACK").execute(&mut holder).await.unwrap();

    let body = translate(&server, &texts).await;
    assert_eq!(body["translations"][0]["text"], english(&texts[0]));
    let characters = sent.characters.load(Ordering::SeqCst);
    assert_eq!(
        characters,
        texts.iter().map(|t| t.chars().count()).sum::<usize>()
    );
    assert_eq!(
        ledger(server.app.store.as_ref(), "libretranslate").await,
        (
            i64::try_from(characters).unwrap(),
            i64::try_from(sent.requests.load(Ordering::SeqCst)).unwrap()
        ),
        "everything sent is recorded, nothing else"
    );
    server.stop().await;
}

/// Two instances on one PostgreSQL database, 16 clients at once, every
/// request new text: what the provider is sent never exceeds the daily
/// budget, the ledger holds exactly what it was sent, and the budget is
/// used up to the last request that fits.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn budgets_hold_across_two_instances_and_16_clients() {
    let Some(db) = crate::store::TestDb::postgres().await else {
        return; // the skip is printed by TestDb
    };
    const BUDGET: usize = 5000;
    let (mt, sent) = stand_in().await;
    let budget = BUDGET.to_string();
    let env = [
        ("HONYAKU__STORE__URL", db.url.as_str()),
        ("HONYAKU__PROVIDERS__LIBRETRANSLATE__BASE_URL", &mt.uri()),
        ("HONYAKU__BUDGETS__DAILY__LIBRETRANSLATE", &budget),
    ];
    let servers = Arc::new([
        TestServer::start_with_env(&env).await,
        TestServer::start_with_env(&env).await,
    ]);
    // 16 clients × 8 requests × 3 sentences of 14 to 22 characters: about
    // 7,000 characters wanted, 1.4 times the budget.
    let largest = Arc::new(AtomicUsize::new(0));
    let clients: Vec<_> = (0..16)
        .map(|client| {
            let servers = servers.clone();
            let largest = largest.clone();
            tokio::spawn(async move {
                for request in 0..8 {
                    let texts: Vec<String> = (0..3)
                        .map(|n| sentence((client * 8 + request) * 3 + n))
                        .collect();
                    let size: usize = texts.iter().map(|t| t.chars().count()).sum();
                    largest.fetch_max(size, Ordering::SeqCst);
                    translate(&servers[(client + request) % 2], &texts).await;
                }
            })
        })
        .collect();
    for client in clients {
        client.await.unwrap();
    }
    let characters = sent.characters.load(Ordering::SeqCst);
    assert!(characters <= BUDGET, "{characters} characters sent");
    let largest = largest.load(Ordering::SeqCst);
    assert!(
        characters > BUDGET - largest,
        "only {characters} sent: a request that fit was refused"
    );
    let store = db.open().await;
    assert_eq!(
        ledger(store.as_ref(), "libretranslate").await,
        (
            i64::try_from(characters).unwrap(),
            i64::try_from(sent.requests.load(Ordering::SeqCst)).unwrap()
        ),
        "the ledger holds what was sent"
    );
    let refused: u64 = servers
        .iter()
        .map(|s| {
            s.app.pipeline.chain().slots()[0]
                .budget_refusals
                .load(Ordering::Relaxed)
        })
        .sum();
    assert!(refused > 0);
    for server in Arc::try_unwrap(servers).ok().unwrap() {
        server.stop().await;
    }
}

/// A provider without HTTP that counts what it is sent.
struct Echo {
    characters: AtomicUsize,
}

impl TranslationProvider for Echo {
    fn name(&self) -> &'static str {
        "echo"
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
        _to: Lang,
    ) -> BoxFuture<'a, Result<Vec<String>, ProviderError>> {
        Box::pin(async move {
            self.characters.fetch_add(
                texts.iter().map(|t| t.chars().count()).sum(),
                Ordering::SeqCst,
            );
            Ok(texts.iter().map(|t| english(t)).collect())
        })
    }
}

fn chain(echo: &Arc<Echo>) -> Chain {
    let mut config = Config::load_with_env(None, Vec::new(), &Overrides::default())
        .unwrap()
        .providers;
    config.order = vec!["echo".into()];
    let provider: Arc<dyn TranslationProvider> = echo.clone();
    Chain::new(
        vec![provider],
        &config,
        &honyaku::i18n::Languages::defaults(),
    )
}

fn budgets(daily: u64) -> BudgetsConfig {
    let mut budgets = BudgetsConfig::default();
    budgets.daily.insert("echo".into(), daily);
    budgets
}

async fn sqlite(dir: &std::path::Path, name: &str, busy: Duration) -> Arc<dyn Store> {
    let options = SqliteOptions {
        busy_timeout: busy,
        ..SqliteOptions::default()
    };
    Arc::new(SqliteStore::open(&dir.join(name), options).await.unwrap())
}

/// The translation memory refuses writes (its file locked elsewhere) after
/// the provider was paid: the translations are served, kept, not paid for
/// again, and written to the memory once the store takes writes again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn translations_the_store_refused_are_written_when_it_is_back() {
    let dir = tempfile::tempdir().unwrap();
    let ledger_store = sqlite(dir.path(), "ledger.sqlite3", Duration::from_secs(5)).await;
    let tm_path = dir.path().join("tm.sqlite3");
    let tm = sqlite(dir.path(), "tm.sqlite3", Duration::from_millis(200)).await;
    let echo = Arc::new(Echo {
        characters: AtomicUsize::new(0),
    });
    let pipeline = Pipeline::with_store(
        chain(&echo).with_ledger(ledger_store.clone(), BudgetsConfig::default()),
        Bundled::default(),
        tm.clone(),
        1 << 20,
    );
    let sources = vec!["本日は晴天です。".to_owned(), "明日は雨です。".to_owned()];

    let connect = sqlx::sqlite::SqliteConnectOptions::new().filename(&tm_path);
    let mut holder = sqlx::SqliteConnection::connect_with(&connect)
        .await
        .unwrap();
    sqlx::query("BEGIN EXCLUSIVE")
        .execute(&mut holder)
        .await
        .unwrap();
    let first = pipeline.translate_units(&sources, Lang::En).await;
    assert!(first.iter().all(Option::is_some), "served: {first:?}");
    assert_eq!(tm.tm_count().await.unwrap(), 0, "the store refused them");
    assert_eq!(pipeline.backlog.len(), 2);
    let paid = echo.characters.load(Ordering::SeqCst);
    // Asked again: served from what is kept, not paid for twice.
    let again = pipeline.translate_units(&sources, Lang::En).await;
    assert_eq!(again, first);
    assert_eq!(echo.characters.load(Ordering::SeqCst), paid);

    sqlx::query("ROLLBACK").execute(&mut holder).await.unwrap();
    tokio::time::sleep(backlog::RETRY_AFTER + Duration::from_millis(50)).await;
    pipeline
        .translate_units(&["別の文です。".to_owned()], Lang::En)
        .await;
    assert!(pipeline.backlog.is_empty());
    assert_eq!(
        tm.tm_count().await.unwrap(),
        3,
        "kept ones written, and the new one"
    );
    let entries = tm.tm_all(Some(Lang::En)).await.unwrap();
    assert!(entries.iter().any(|e| e.text == english(&sources[0])));
    // The ledger recorded what the provider was sent.
    assert_eq!(
        ledger(ledger_store.as_ref(), "echo").await.0,
        i64::try_from(echo.characters.load(Ordering::SeqCst)).unwrap()
    );
}

/// The day a reservation is charged to comes from the chain's clock: a
/// daily budget spent today is there again tomorrow.
#[tokio::test]
async fn a_new_utc_day_brings_a_new_daily_budget() {
    let dir = tempfile::tempdir().unwrap();
    let store = sqlite(dir.path(), "ledger.sqlite3", Duration::from_secs(5)).await;
    let echo = Arc::new(Echo {
        characters: AtomicUsize::new(0),
    });
    // 2025-05-30T23:59:59Z.
    let clock = Arc::new(ManualClock::new(1_748_649_599_000));
    let chain = chain(&echo)
        .with_ledger(store.clone(), budgets(15))
        .with_clock(clock.clone());
    let texts = |s: &str| vec![s.to_owned()];
    assert!(chain.translate(&texts("本日は晴天です。"), Lang::En).await[0].is_some());
    assert!(
        chain
            .translate(&texts("明日は雨が降ります。"), Lang::En)
            .await[0]
            .is_none(),
        "8 + 10 characters would pass 15"
    );
    assert_eq!(echo.characters.load(Ordering::SeqCst), 8);
    clock.advance(Duration::from_secs(1));
    assert_eq!(clock.today(), "2025-05-31");
    assert!(
        chain
            .translate(&texts("明日は雨が降ります。"), Lang::En)
            .await[0]
            .is_some()
    );
    let rows = store
        .usage(Some("echo"), "2025-05-30", "2025-05-31")
        .await
        .unwrap();
    let days: Vec<(&str, i64)> = rows
        .iter()
        .map(|r| (r.day.as_str(), r.characters))
        .collect();
    assert_eq!(days, [("2025-05-30", 8), ("2025-05-31", 10)]);
}
