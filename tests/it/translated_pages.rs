//! Translated pages end to end: the real server, a provider configured by
//! environment, and a local HTTP server playing LibreTranslate.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use scraper::{Html, Selector};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use crate::support::{
    LibreTranslate, SLUG, TestServer, japanese_only_content, pseudo, translation_requests,
};

async fn start(content: &tempfile::TempDir, provider: &MockServer) -> TestServer {
    TestServer::start_with_env(&[
        ("HONYAKU__CONTENT__DIR", content.path().to_str().unwrap()),
        (
            "HONYAKU__PROVIDERS__LIBRETRANSLATE__BASE_URL",
            &provider.uri(),
        ),
        ("HONYAKU__PROVIDERS__RETRY_BASE_DELAY_MS", "1"),
        ("HONYAKU__PROVIDERS__RETRY_MAX_DELAY_MS", "5"),
    ])
    .await
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

#[tokio::test]
async fn machine_translated_page_has_provenance_originals_and_the_disclaimer() {
    let content = japanese_only_content();
    let mt = LibreTranslate::prefixing("[MT] ");
    let provider = mt.start().await;
    let server = start(&content, &provider).await;

    let html = server.text(&format!("/ko/{SLUG}")).await;
    let doc = Html::parse_document(&html);
    assert_eq!(select(&doc, "html")[0].value().attr("lang"), Some("ko"));
    assert_eq!(select(&doc, "aside.disclaimer").len(), 1);
    assert!(select(&doc, "aside.disclaimer .partial").is_empty());
    // The disclaimer says who translated it, and that no translator has
    // reviewed any of it yet.
    let text = |css: &str| select(&doc, css)[0].text().collect::<String>();
    assert_eq!(text("#disclaimer-heading"), "자동 번역 안내");
    assert!(
        text("aside.disclaimer p").contains("LibreTranslate(으)로 기계 번역한 것입니다"),
        "{}",
        text("aside.disclaimer p")
    );
    assert_eq!(
        text("aside.disclaimer .provenance"),
        "이 페이지의 단락은 아직 번역자가 검수하지 않았습니다."
    );
    assert_eq!(select(&doc, "aside.disclaimer li").len(), 3);
    let units = select(&doc, "main [data-origin]");
    assert!(units.len() > 30);
    for unit in &units {
        assert_eq!(unit.value().attr("data-origin"), Some("machine"));
        let text: String = unit.text().collect();
        assert!(text.starts_with("[MT] "), "{text}");
        assert!(!unit.value().attr("data-ja").unwrap().is_empty());
    }
    // Inline markup came back with its attributes.
    let link = select(
        &doc,
        "article a[href='https://www.roukyouhou.mhlw.go.jp/forum/onlineseminar_202501']",
    );
    assert_eq!(link.len(), 2);
    // Dates and times were rendered for Korean, not left to MT.
    assert!(html.contains("2025년 7월 23일(수)"), "Korean date");
    assert!(html.contains("14:00–16:00"));
    // The whole page went in one request (the units fit LibreTranslate's batch).
    assert_eq!(mt.calls(), 1);
    // Served again from memory: no new provider call.
    server.text(&format!("/ko/{SLUG}")).await;
    assert_eq!(mt.calls(), 1);
    let metrics = server.text("/metrics").await;
    assert!(
        metrics.contains("honyaku_provider_requests_total{provider=\"libretranslate\"} 1"),
        "{metrics}"
    );
    assert!(
        metrics.contains("honyaku_units_total{source=\"machine\"}"),
        "{metrics}"
    );
    assert!(
        metrics.contains("honyaku_page_cache_entries 1"),
        "{metrics}"
    );
    assert!(
        metrics
            .contains("honyaku_http_request_duration_seconds_count{route=\"/{lang}/{*path}\"} 2"),
        "{metrics}"
    );
    let sent: Vec<Request> = translation_requests(&provider).await;
    let body: serde_json::Value = serde_json::from_slice(&sent[0].body).unwrap();
    assert_eq!(body["target"], "ko");
    assert_eq!(body["source"], "ja");
    server.stop().await;
}

#[tokio::test]
async fn provider_down_still_serves_japanese_under_a_notice_and_caches_nothing() {
    let content = japanese_only_content();
    let provider = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&provider)
        .await;
    let server = start(&content, &provider).await;

    let response = server.get(&format!("/en/{SLUG}")).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    let doc = Html::parse_document(&html);
    let notice: String = select(&doc, "aside.notice")[0].text().collect();
    assert!(
        notice.contains("has not been translated into English yet"),
        "{notice}"
    );
    assert_eq!(select(&doc, "article")[0].value().attr("lang"), Some("ja"));
    assert!(html.contains("報道関係者各位"));
    let attempts = translation_requests(&provider).await.len();
    assert_eq!(attempts, 4, "first attempt and three retries");

    // The provider recovers: the next request translates, since nothing
    // from the failed calls was kept.
    provider.reset().await;
    let mt = LibreTranslate::prefixing("[MT] ");
    mt.mount(&provider).await;
    let html = server.text(&format!("/en/{SLUG}")).await;
    assert!(html.contains("[MT] "));
    assert!(!html.contains("class=\"notice\""));
    assert_eq!(mt.calls(), 1);
    server.stop().await;
}

#[tokio::test]
async fn units_failing_qa_stay_japanese_under_the_partial_notice() {
    let content = japanese_only_content();
    // Drops the placeholders of every unit that has some: the QA gate must
    // refuse those units, which stay Japanese under the partial notice.
    let provider = LibreTranslate::new(|t, target| {
        let t = pseudo(t, target);
        if t.contains("<b") || t.contains("<x") || t.contains("<p") {
            let mut kept = String::new();
            let mut in_tag = false;
            for c in t.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => kept.push(c),
                    _ => {}
                }
            }
            format!("lost the tags {kept}")
        } else {
            format!("OK {t}")
        }
    })
    .start()
    .await;
    let server = start(&content, &provider).await;
    let html = server.text(&format!("/zh-Hant/{SLUG}")).await;
    let doc = Html::parse_document(&html);
    assert_eq!(select(&doc, "aside.disclaimer .partial").len(), 1);
    let japanese = select(&doc, "main [data-origin=source]");
    assert!(!japanese.is_empty());
    for unit in japanese {
        assert_eq!(unit.value().attr("lang"), Some("ja"));
    }
    assert!(!select(&doc, "main [data-origin=machine]").is_empty());
    assert!(!html.contains("lost the tags"));
    assert!(
        server
            .app
            .pipeline
            .stats
            .qa_rejections
            .load(Ordering::Relaxed)
            > 0
    );
    server.stop().await;
}

#[tokio::test]
async fn script_from_the_provider_is_shown_as_text() {
    let content = japanese_only_content();
    // Answers with markup that must never run.
    let provider = LibreTranslate::new(|t, target| {
        format!(
            "<script>alert(1)</script><img src=x onerror=alert(2)>{}",
            pseudo(t, target)
        )
    })
    .start()
    .await;
    let server = start(&content, &provider).await;
    let html = server.text(&format!("/en/{SLUG}")).await;
    assert!(!html.contains("<script>alert"), "script injected");
    assert!(!html.contains("<img src=x"), "markup injected");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let doc = Html::parse_document(&html);
    // The only script is our own.
    let scripts: Vec<_> = select(&doc, "script");
    assert_eq!(scripts.len(), 1);
    assert!(
        scripts[0]
            .value()
            .attr("src")
            .unwrap()
            .starts_with("/assets/original.js")
    );
    server.stop().await;
}

#[tokio::test]
async fn concurrent_readers_of_a_cold_page_share_one_provider_call() {
    let content = japanese_only_content();
    let mt = LibreTranslate::prefixing("[MT] ");
    let provider = mt.start().await;
    let server = Arc::new(start(&content, &provider).await);
    let mut tasks = Vec::new();
    for _ in 0..200 {
        let server = server.clone();
        tasks.push(tokio::spawn(async move {
            let response = server.get(&format!("/en/{SLUG}")).await;
            assert_eq!(response.status(), 200);
            response.text().await.unwrap().contains("[MT] ")
        }));
    }
    for task in tasks {
        assert!(task.await.unwrap());
    }
    assert_eq!(mt.calls(), 1, "one batch, one call");
}

/// A first reader does not wait on a provider that hangs: the page is
/// answered within `pages.first_byte_budget_ms`, in Japanese under a notice
/// that the translation is on its way, never kept; the translation goes on
/// in the background and is stored, and the next reader gets it. The
/// provider is played in process and let through by the test.
#[tokio::test]
async fn a_provider_that_never_answers_gives_a_partial_page_and_the_translation_follows() {
    let content = japanese_only_content();
    let provider = crate::support::Gated::new();
    let server = TestServer::start_with(
        &[
            ("HONYAKU__CONTENT__DIR", content.path().to_str().unwrap()),
            ("HONYAKU__PAGES__FIRST_BYTE_BUDGET_MS", "200"),
        ],
        honyaku::app::Parts {
            providers: Some(vec![provider.clone()]),
            ..Default::default()
        },
    )
    .await;
    let response = server.get(&format!("/en/{SLUG}")).await;
    assert_eq!(response.status(), 200);
    // A partial page must not be kept by browsers or shared caches.
    assert_eq!(
        crate::support::header(&response, "cache-control"),
        "no-store"
    );
    let html = response.text().await.unwrap();
    let doc = Html::parse_document(&html);
    let notice = select(&doc, "aside.notice p.pending");
    assert_eq!(notice.len(), 1, "{html}");
    assert!(
        notice[0]
            .text()
            .collect::<String>()
            .contains("is being translated into English"),
        "{html}"
    );
    // The passages wait in Japanese, each marked pending with its anchor,
    // and the page asks its script to take them in.
    let pending = select(&doc, "main [data-origin=pending]");
    assert!(pending.len() > 10, "{} pending", pending.len());
    for unit in &pending {
        assert_eq!(unit.value().attr("lang"), Some("ja"));
        assert!(unit.value().attr("id").unwrap().starts_with("u-"));
    }
    assert_eq!(select(&doc, "body[data-pending=true]").len(), 1);
    assert_eq!(select(&doc, "script[src^='/assets/original.js']").len(), 1);
    assert!(html.contains("報道関係者各位"));
    assert_eq!(server.app.store.tm_count().await.unwrap(), 0);
    // A second reader meanwhile is answered the same way, and is not a
    // second provider call (single flight).
    let again = server.text(&format!("/en/{SLUG}")).await;
    assert!(again.contains("data-origin=\"pending\""));

    // The provider answers: the background translation stores what it
    // gets, with no reader waiting.
    provider.open();
    let mut stored = 0;
    for _ in 0..200 {
        stored = server.app.store.tm_count().await.unwrap();
        if stored > 10 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(
        stored > 10,
        "{stored} translations stored in the background"
    );
    assert_eq!(provider.answered(), 1, "one call for the page's one batch");
    // The next reader gets the translation, complete and cacheable.
    let response = server.get(&format!("/en/{SLUG}")).await;
    assert_eq!(
        crate::support::header(&response, "cache-control"),
        "public, max-age=300"
    );
    let html = response.text().await.unwrap();
    let doc = Html::parse_document(&html);
    assert!(select(&doc, "main [data-origin=pending]").is_empty());
    assert!(select(&doc, "body[data-pending]").is_empty());
    assert!(select(&doc, "main [data-origin=machine]").len() > 10);
    assert_eq!(select(&doc, "aside.disclaimer").len(), 1);
    assert_eq!(provider.answered(), 1);
    server.stop().await;
}

#[tokio::test]
async fn deepl_quota_falls_through_to_the_next_provider_and_stays_closed() {
    let content = japanese_only_content();
    let deepl = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(456).set_body_json(
            serde_json::json!({"message": "Quota for this billing period has been exceeded."}),
        ))
        .mount(&deepl)
        .await;
    let mt = LibreTranslate::prefixing("[LT] ");
    let libre = mt.start().await;
    let server = TestServer::start_with_env(&[
        ("HONYAKU__CONTENT__DIR", content.path().to_str().unwrap()),
        ("HONYAKU__PROVIDERS__DEEPL__AUTH_KEY", "test-key:fx"),
        ("HONYAKU__PROVIDERS__DEEPL__BASE_URL", &deepl.uri()),
        ("HONYAKU__PROVIDERS__LIBRETRANSLATE__BASE_URL", &libre.uri()),
    ])
    .await;
    let html = server.text(&format!("/en/{SLUG}")).await;
    assert!(html.contains("[LT] "));
    assert!(!html.contains("data-origin=\"source\""));
    assert_eq!(
        deepl.received_requests().await.unwrap().len(),
        1,
        "quota is not retried"
    );
    // The circuit is open: the next language goes straight to LibreTranslate.
    let html = server.text(&format!("/ko/{SLUG}")).await;
    assert!(html.contains("[LT] "));
    assert_eq!(deepl.received_requests().await.unwrap().len(), 1);
    assert_eq!(mt.calls(), 2);
    server.stop().await;
}

/// A database written by the previous segmenter (version 1 keys, with a
/// translator's override) is carried over at start-up: the next release
/// serves the page from it, override included, with no provider call.
#[tokio::test]
async fn memory_of_the_previous_segmenter_is_re_keyed_and_served() {
    use honyaku::segment::unit_key_under;
    use sqlx::{Connection, Row};

    let content = japanese_only_content();
    let data = tempfile::tempdir().unwrap();
    let db = data.path().join("honyaku.sqlite3");
    let env = [
        ("HONYAKU__CONTENT__DIR", content.path().to_str().unwrap()),
        ("HONYAKU__STORE__URL", db.to_str().unwrap()),
    ];
    let provider = crate::support::Gated::new();
    provider.open();
    let server = TestServer::start_with(
        &env,
        honyaku::app::Parts {
            providers: Some(vec![provider.clone()]),
            ..Default::default()
        },
    )
    .await;
    let first = server.text(&format!("/en/{SLUG}")).await;
    assert!(!first.contains("data-origin=\"pending\""), "{first}");
    let stored = server.app.store.tm_count().await.unwrap();
    assert!(stored > 10);
    let (key, source) = {
        let all = server.app.store.tm_all(None).await.unwrap();
        (all[0].unit_key.clone(), all[0].source_text.clone())
    };
    server
        .app
        .store
        .override_put(
            &key,
            honyaku::i18n::Lang::En,
            "Corrected by a translator.",
            &source,
            "alice",
            None,
        )
        .await
        .unwrap();
    server.stop().await;

    // Turn the database into what the previous release left: every key
    // made under segmenter 1.
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.display()))
        .await
        .unwrap();
    for table in ["tm", "overrides", "page_units"] {
        let rows = sqlx::query(&format!(
            "SELECT DISTINCT unit_key, source_text FROM {table}"
        ))
        .fetch_all(&mut conn)
        .await
        .unwrap();
        for row in rows {
            let (new, text): (String, String) = (row.get(0), row.get(1));
            let old = unit_key_under(1, &text);
            for sql in [
                format!("UPDATE {table} SET unit_key = ?1 WHERE unit_key = ?2"),
                "UPDATE override_history SET unit_key = ?1 WHERE unit_key = ?2".to_owned(),
            ] {
                sqlx::query(&sql)
                    .bind(&old)
                    .bind(&new)
                    .execute(&mut conn)
                    .await
                    .unwrap();
            }
        }
    }
    sqlx::query("UPDATE tm SET segmenter_version = 1")
        .execute(&mut conn)
        .await
        .unwrap();
    sqlx::query("UPDATE keyed_under SET segmenter_version = 1")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();

    // The new release, with a provider that would hang if it were asked.
    let idle = crate::support::Gated::new();
    let server = TestServer::start_with(
        &env,
        honyaku::app::Parts {
            providers: Some(vec![idle.clone()]),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(server.app.store.keyed_under().await.unwrap(), 2);
    assert_eq!(server.app.store.tm_count().await.unwrap(), stored);
    let html = server.text(&format!("/en/{SLUG}")).await;
    let doc = Html::parse_document(&html);
    assert!(
        select(&doc, "main [data-origin=pending]").is_empty(),
        "{html}"
    );
    assert!(html.contains("Corrected by a translator."), "{html}");
    assert_eq!(idle.answered(), 0, "nothing paid for again");
    server.stop().await;
}
