//! The translation memory in the pipeline: each sentence paid for once,
//! across restarts, instances and provider outages.

use std::sync::Arc;

use std::time::{Duration, Instant};

use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{
    LibreTranslate, SLUG, TestServer, japanese_only_content, translation_requests,
};

async fn down_provider() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    server
}

async fn start(
    content: &std::path::Path,
    db: &std::path::Path,
    provider: &MockServer,
) -> TestServer {
    TestServer::start_with_env(&[
        ("HONYAKU__CONTENT__DIR", content.to_str().unwrap()),
        ("HONYAKU__STORE__URL", db.to_str().unwrap()),
        (
            "HONYAKU__PROVIDERS__LIBRETRANSLATE__BASE_URL",
            &provider.uri(),
        ),
        ("HONYAKU__PROVIDERS__RETRY_BASE_DELAY_MS", "1"),
        ("HONYAKU__PROVIDERS__RETRY_MAX_DELAY_MS", "5"),
    ])
    .await
}

fn fully_machine_translated(html: &str) -> bool {
    html.contains("data-origin=\"machine\"")
        && !html.contains("data-origin=\"source\"")
        && !html.contains("class=\"notice\"")
}

#[tokio::test]
async fn restart_costs_no_provider_call_and_an_outage_serves_the_memory() {
    let content = japanese_only_content();
    let data = tempfile::tempdir().unwrap();
    let db = data.path().join("tm.sqlite3");
    let recorder = LibreTranslate::prefixing("[MT] ");
    let mt = recorder.start().await;

    let first = start(content.path(), &db, &mt).await;
    for lang in ["en", "ko"] {
        assert!(fully_machine_translated(
            &first.text(&format!("/{lang}/{SLUG}")).await
        ));
    }
    let paid = recorder.calls();
    assert_eq!(paid, 2, "one request per language");
    first.stop().await;

    // Restart on the same database: nothing is paid for twice.
    tokio::time::sleep(Duration::from_millis(5)).await;
    let second = start(content.path(), &db, &mt).await;
    for lang in ["en", "ko"] {
        assert!(fully_machine_translated(
            &second.text(&format!("/{lang}/{SLUG}")).await
        ));
    }
    assert_eq!(recorder.calls(), paid);
    // What was read from the memory is marked as used.
    let entries = second
        .app
        .store
        .tm_all(Some(honyaku::i18n::Lang::En))
        .await
        .unwrap();
    assert!(!entries.is_empty());
    assert!(
        entries.iter().all(|e| e.used_at > e.created_at),
        "used_at not moved"
    );
    second.stop().await;

    // The provider answers 503 forever: pages translated before still are.
    let down = down_provider().await;
    let third = start(content.path(), &db, &down).await;
    let html = third.text(&format!("/en/{SLUG}")).await;
    assert!(
        fully_machine_translated(&html),
        "served from the translation memory"
    );
    assert!(html.contains("[MT] "));
    assert!(translation_requests(&down).await.is_empty());
    // A language never translated before falls back to Japanese, not an error.
    let html = third.text(&format!("/zh-Hans/{SLUG}")).await;
    assert!(html.contains("class=\"notice\""));
    third.stop().await;
}

#[tokio::test]
async fn editing_one_paragraph_retranslates_only_that_paragraph() {
    let content = japanese_only_content();
    let data = tempfile::tempdir().unwrap();
    let db = data.path().join("tm.sqlite3");
    let recorder = LibreTranslate::prefixing("[MT] ");
    let mt = recorder.start().await;

    let first = start(content.path(), &db, &mt).await;
    first.text(&format!("/en/{SLUG}")).await;
    first.stop().await;
    let before = recorder.texts().len();
    assert!(before > 30);

    let body = content.path().join("announcements/seminar/body.ja.html");
    let html = std::fs::read_to_string(&body).unwrap();
    let edited = html.replacen("オンラインにて実施。", "オンライン(Zoom)にて実施。", 1);
    assert_ne!(html, edited);
    std::fs::write(&body, edited).unwrap();

    let second = start(content.path(), &db, &mt).await;
    let page = second.text(&format!("/en/{SLUG}")).await;
    assert!(fully_machine_translated(&page));
    let sent = recorder.texts();
    let new: Vec<&String> = sent.iter().skip(before).collect();
    assert_eq!(new.len(), 1, "only the edited paragraph: {new:?}");
    assert!(new[0].contains("オンライン(Zoom)にて実施。"), "{new:?}");
    second.stop().await;
}

#[tokio::test]
async fn a_spent_budget_stops_machine_translation() {
    let content = japanese_only_content();
    let recorder = LibreTranslate::prefixing("[MT] ");
    let mt = recorder.start().await;
    let server = TestServer::start_with_env(&[
        ("HONYAKU__CONTENT__DIR", content.path().to_str().unwrap()),
        ("HONYAKU__PROVIDERS__LIBRETRANSLATE__BASE_URL", &mt.uri()),
        ("HONYAKU__BUDGETS__DAILY__LIBRETRANSLATE", "100000"),
        ("HONYAKU__BUDGETS__MONTHLY__LIBRETRANSLATE", "3000"),
    ])
    .await;
    // The first page fits the monthly budget and is recorded in the ledger.
    assert!(fully_machine_translated(
        &server.text(&format!("/en/{SLUG}")).await
    ));
    let today = honyaku::clock::utc_day(honyaku::clock::now_ms());
    let usage = server
        .app
        .store
        .usage(Some("libretranslate"), &today, &today)
        .await
        .unwrap();
    assert_eq!(usage.len(), 1);
    assert!(usage[0].characters > 1000, "{usage:?}");
    assert_eq!(usage[0].requests, 1);
    // The second would exceed it: not sent, the page falls back.
    let html = server.text(&format!("/ko/{SLUG}")).await;
    assert!(html.contains("class=\"notice\""));
    assert_eq!(recorder.calls(), 1);
    server.stop().await;
}

#[tokio::test]
async fn an_override_is_served_on_the_next_request() {
    let server = TestServer::start().await;
    let page = format!("/en/{SLUG}");
    assert!(server.text(&page).await.contains("To members of the press"));
    let key = honyaku::segment::unit_key("報道関係者各位");
    server
        .app
        .store
        .override_put(
            &key,
            honyaku::i18n::Lang::En,
            "Dear members of the press",
            "報道関係者各位",
            "tester",
            None,
        )
        .await
        .unwrap();
    // Within the generation poll interval the change is visible.
    tokio::time::sleep(honyaku::app::GENERATION_POLL + Duration::from_millis(50)).await;
    let html = server.text(&page).await;
    assert!(
        html.contains("data-origin=\"translator\""),
        "override provenance"
    );
    assert!(html.contains("Dear members of the press"));
    server.stop().await;
}

/// Two real processes on one PostgreSQL database: a page translated by one
/// costs the other nothing, and an override reaches both within a second.
#[tokio::test]
async fn two_instances_share_translations_and_overrides() {
    let Some(db) = crate::store::TestDb::postgres().await else {
        return; // the skip is printed by TestDb
    };
    let content = japanese_only_content();
    let recorder = LibreTranslate::prefixing("[MT] ");
    let mt = recorder.start().await;
    let env = [
        (
            "HONYAKU__CONTENT__DIR",
            content.path().to_str().unwrap().to_owned(),
        ),
        ("HONYAKU__STORE__URL", db.url.clone()),
        ("HONYAKU__PROVIDERS__LIBRETRANSLATE__BASE_URL", mt.uri()),
    ];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (mut a, url_a, _) = crate::cli::spawn_server(&env);
    let (mut b, url_b, _) = crate::cli::spawn_server(&env);
    let page = format!("/en/{SLUG}");
    let get =
        |url: String| tokio::task::spawn_blocking(move || crate::cli::http_get_body(&url).unwrap());

    let (status, html) = get(format!("{url_a}{page}")).await.unwrap();
    assert_eq!(status, 200);
    assert!(fully_machine_translated(&html));
    let (_, html) = get(format!("{url_b}{page}")).await.unwrap();
    assert!(fully_machine_translated(&html));
    assert_eq!(recorder.calls(), 1, "B used A's translations");

    let store = db.open().await;
    let key = honyaku::segment::unit_key("報道関係者各位");
    store
        .override_put(
            &key,
            honyaku::i18n::Lang::En,
            "Dear members of the press",
            "報道関係者各位",
            "tester",
            None,
        )
        .await
        .unwrap();
    let written = Instant::now();
    for url in [&url_a, &url_b] {
        loop {
            let (_, html) = get(format!("{url}{page}")).await.unwrap();
            if html.contains("Dear members of the press") {
                break;
            }
            assert!(
                written.elapsed() < Duration::from_secs(1),
                "{url} did not see the override within a second"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    for child in [&mut a, &mut b] {
        let _ = child.kill();
        let _ = child.wait();
    }
}

/// SIGKILL while translations are being written: every page that was
/// answered before the kill is served from the memory after a restart, even
/// with the provider gone, and the database opens cleanly.
#[tokio::test]
async fn translations_acknowledged_before_a_kill_survive_it() {
    let content = japanese_only_content();
    let data = tempfile::tempdir().unwrap();
    let db = data.path().join("tm.sqlite3");
    let db_str = db.to_str().unwrap().to_owned();
    let recorder = LibreTranslate::prefixing("[MT] ");
    let mt = recorder.start().await;
    let env = [
        (
            "HONYAKU__CONTENT__DIR",
            content.path().to_str().unwrap().to_owned(),
        ),
        ("HONYAKU__STORE__URL", db_str.clone()),
        ("HONYAKU__PROVIDERS__LIBRETRANSLATE__BASE_URL", mt.uri()),
    ];
    let env_refs: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (mut child, url, _) = crate::cli::spawn_server(&env_refs);

    // Keep the server writing: one request per language, in parallel, and
    // kill it as soon as the first answers arrive.
    let acknowledged = Arc::new(std::sync::Mutex::new(Vec::new()));
    let mut tasks = Vec::new();
    for lang in ["en", "zh-Hans", "zh-Hant", "ko"] {
        let url = format!("{url}/{lang}/{SLUG}");
        let acknowledged = acknowledged.clone();
        tasks.push(tokio::task::spawn_blocking(move || {
            if let Some((200, html)) = crate::cli::http_get_body(&url) {
                if fully_machine_translated(&html) {
                    acknowledged.lock().unwrap().push(lang);
                }
            }
        }));
    }
    let started = Instant::now();
    while acknowledged.lock().unwrap().is_empty() && started.elapsed() < Duration::from_secs(20) {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    for task in tasks {
        let _ = task.await;
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(!acknowledged.is_empty());

    // Restart with the provider gone.
    let down = down_provider().await;
    let server = start(content.path(), &db, &down).await;
    for lang in &acknowledged {
        let html = server.text(&format!("/{lang}/{SLUG}")).await;
        assert!(fully_machine_translated(&html), "{lang} lost after SIGKILL");
    }
    assert!(translation_requests(&down).await.is_empty());
    server.stop().await;
    use sqlx::Connection;
    let mut connection = sqlx::SqliteConnection::connect(&format!("sqlite://{db_str}"))
        .await
        .unwrap();
    let (integrity,): (String,) = sqlx::query_as("PRAGMA integrity_check")
        .fetch_one(&mut connection)
        .await
        .unwrap();
    assert_eq!(integrity, "ok");
}
