//! Readers' reports: the link after every translated passage, the form
//! behind it, what is stored (and what is not), the limits, and the
//! translators' queue.

use honyaku::i18n::Lang;
use honyaku::model::{Report, ReportStatus};
use scraper::{Html, Selector};

use crate::support::{SLUG, TestServer, error_code, header, translator};

/// The passage control of every translated passage of running text on a
/// page, as (unit key of the passage's anchor, href of the control), in
/// document order. The control follows its passage.
fn passages_and_links(html: &str) -> (Vec<String>, Vec<String>) {
    let doc = Html::parse_document(html);
    let links = Selector::parse("a.passage-tools").unwrap();
    let keys = doc
        .select(&links)
        .map(|link| {
            let span = link
                .prev_siblings()
                .find_map(scraper::ElementRef::wrap)
                .expect("a control follows its passage");
            assert!(span.value().attr("data-ja").is_some());
            let id = span
                .value()
                .attr("id")
                .expect("every translated passage has an id");
            let reference = id.strip_prefix("u-").unwrap().split('-').next().unwrap();
            assert_eq!(reference.len(), 16, "{id}");
            reference.to_owned()
        })
        .collect();
    let hrefs = doc
        .select(&links)
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    (keys, hrefs)
}

/// The short reference (16 hex digits of the unit key) of the first
/// translated passage of the English page.
async fn first_unit(server: &TestServer) -> String {
    let html = server.text(&format!("/en/{SLUG}")).await;
    let (keys, _) = passages_and_links(&html);
    keys.into_iter()
        .next()
        .expect("the page has translated passages")
}

fn form_body(fields: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish()
}

async fn post_report(
    server: &TestServer,
    lang: &str,
    fields: &[(&str, &str)],
    headers: &[(&str, &str)],
) -> reqwest::Response {
    let mut request = server
        .client
        .post(server.url(&format!("/feedback/{lang}")))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form_body(fields));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.unwrap()
}

async fn all_reports(server: &TestServer) -> Vec<Report> {
    server.app.store.reports(None, None, None).await.unwrap()
}

#[tokio::test]
async fn every_passage_of_running_text_links_to_its_report_form() {
    let server = TestServer::start().await;
    for (lang, label) in [
        (
            Lang::En,
            "Japanese original and problem report for this passage",
        ),
        (Lang::Ko, "이 단락의 원문과 번역 문제 신고"),
        (Lang::ZhHans, "本段原文及翻译问题报告"),
        (Lang::ZhHant, "本段原文及翻譯問題回報"),
    ] {
        let code = lang.code();
        let html = server.text(&format!("/{code}/{SLUG}")).await;
        let (keys, hrefs) = passages_and_links(&html);
        // The announcement's paragraphs: not its headings, table cells,
        // contact labels and names, or links.
        assert_eq!(keys.len(), 12, "{code}: {} passages", keys.len());
        let doc = Html::parse_document(&html);
        for excluded in [
            "h1",
            "h2",
            "th",
            "td",
            "dt",
            "dd",
            "caption",
            "a",
            "aside.contact",
        ] {
            let inside = Selector::parse(&format!("{excluded} a.passage-tools")).unwrap();
            assert_eq!(
                doc.select(&inside).count(),
                0,
                "{code}: a control in {excluded}"
            );
        }
        for (key, href) in keys.iter().zip(&hrefs) {
            assert_eq!(
                href,
                &format!("/feedback/{code}?page={SLUG}&unit={key}"),
                "{code}: the link follows its passage"
            );
        }
        let link = Selector::parse("a.passage-tools").unwrap();
        assert!(
            doc.select(&link)
                .all(|a| a.value().attr("aria-label") == Some(label)),
            "{code}: controls are named {label:?}"
        );
        // Every link leads to a form about that passage.
        for href in hrefs.iter().take(3).chain(hrefs.last()) {
            let response = server.get(href).await;
            assert_eq!(response.status(), 200, "{href}");
            assert_eq!(header(&response, "cache-control"), "no-store");
            assert_eq!(header(&response, "x-robots-tag"), "noindex");
            let form = response.text().await.unwrap();
            assert!(form.contains(r#"<form class="report-form" method="post""#));
            assert!(form.contains(r#"<textarea id="report-message" name="message""#));
            assert!(form.contains(r#"maxlength="1000""#));
        }
    }
    // The Japanese original has nothing to report.
    let original = server.text(&format!("/ja/{SLUG}")).await;
    assert!(!original.contains("passage-tools"));
    server.stop().await;
}

#[tokio::test]
async fn the_form_shows_the_original_and_the_current_translation() {
    let server = TestServer::start().await;
    let html = server.text(&format!("/en/{SLUG}")).await;
    let doc = Html::parse_document(&html);
    let first = doc
        .select(&Selector::parse("span[data-ja]").unwrap())
        .next()
        .unwrap();
    let original = first.value().attr("data-ja").unwrap().to_owned();
    let translation = first.text().collect::<String>();
    let key = first.value().attr("id").unwrap().trim_start_matches("u-");
    let form = server
        .text(&format!("/feedback/en?page={SLUG}&unit={key}"))
        .await;
    let form = Html::parse_document(&form);
    let dd: Vec<(Option<String>, String)> = form
        .select(&Selector::parse(".report-passage dd").unwrap())
        .map(|dd| {
            (
                dd.value().attr("lang").map(str::to_owned),
                dd.text().collect(),
            )
        })
        .collect();
    assert_eq!(dd, [(Some("ja".to_owned()), original), (None, translation)]);
    let back = form
        .select(&Selector::parse("main p a").unwrap())
        .next_back()
        .unwrap();
    assert_eq!(
        back.value().attr("href"),
        Some(format!("/en/{SLUG}#u-{key}").as_str())
    );
    server.stop().await;
}

#[tokio::test]
async fn a_report_stores_the_page_unit_language_and_message_and_nothing_else() {
    let server = TestServer::start().await;
    let unit = first_unit(&server).await;
    let response = post_report(
        &server,
        "en",
        &[
            ("page", SLUG),
            ("unit", &unit),
            (
                "message",
                "\"Workers' cooperative\" is the usual term.\r\nSee the law.",
            ),
            ("website", ""),
        ],
        &[
            ("user-agent", "tracking-test/1.0"),
            ("cookie", "honyaku_lang=en"),
        ],
    )
    .await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "cache-control"), "no-store");
    let thanks = response.text().await.unwrap();
    assert!(thanks.contains("Thank you for your report"), "{thanks}");
    assert!(
        thanks.contains(&format!(r#"href="/en/{SLUG}#u-{unit}""#)),
        "links back to the passage"
    );

    // The form names the passage by its whole unit key.
    let form = server
        .text(&format!("/feedback/en?page={SLUG}&unit={unit}"))
        .await;
    let form = Html::parse_document(&form);
    let key = form
        .select(&Selector::parse(r#"input[name="unit"]"#).unwrap())
        .next()
        .unwrap()
        .value()
        .attr("value")
        .unwrap()
        .to_owned();
    assert_eq!(key.len(), 64);
    assert!(key.starts_with(&unit));
    let by_whole_key = server
        .get(&format!("/feedback/en?page={SLUG}&unit={key}"))
        .await;
    assert_eq!(by_whole_key.status(), 200, "the whole key names it too");

    let reports = all_reports(&server).await;
    assert_eq!(reports.len(), 1);
    let report = &reports[0];
    assert_eq!(
        (
            report.page.as_str(),
            report.unit_key.as_str(),
            report.target_lang,
            report.message.as_str(),
            report.status,
            report.resolved_by.as_deref(),
            report.resolved_at,
        ),
        (
            SLUG,
            key.as_str(),
            Lang::En,
            "\"Workers' cooperative\" is the usual term.\nSee the law.",
            ReportStatus::Open,
            None,
            None
        )
    );

    // The table has no column that could hold anything about the reader.
    let honyaku::config::StoreLocation::Sqlite(path) =
        server.app.config.store.url.location().unwrap()
    else {
        panic!("the test server uses SQLite");
    };
    use sqlx::Connection;
    let mut db = sqlx::SqliteConnection::connect_with(
        &sqlx::sqlite::SqliteConnectOptions::new().filename(&path),
    )
    .await
    .unwrap();
    let columns: Vec<(String,)> = sqlx::query_as("SELECT name FROM pragma_table_info('reports')")
        .fetch_all(&mut db)
        .await
        .unwrap();
    let columns: Vec<&str> = columns.iter().map(|(c,)| c.as_str()).collect();
    assert_eq!(
        columns,
        [
            "id",
            "page",
            "unit_key",
            "target_lang",
            "message",
            "created_at",
            "status",
            "resolved_by",
            "resolved_at"
        ]
    );
    let row: (String, String, String, String) =
        sqlx::query_as("SELECT page, unit_key, target_lang, message FROM reports")
            .fetch_one(&mut db)
            .await
            .unwrap();
    assert!(!format!("{row:?}").contains("tracking-test"));
    assert!(!format!("{row:?}").contains("127.0.0.1"));
    server.stop().await;
}

#[tokio::test]
async fn bad_reports_are_refused_and_nothing_is_stored() {
    let server = TestServer::start().await;
    let unit = first_unit(&server).await;
    let too_long = "x".repeat(1001);
    for (message, status, says) in [
        ("", 400, "Please describe the problem"),
        ("  \r\n  ", 400, "Please describe the problem"),
        (too_long.as_str(), 400, "1001 characters"),
        ("bell\u{7}", 400, "control characters"),
        ("tab\tinside", 400, "control characters"),
    ] {
        let response = post_report(
            &server,
            "en",
            &[("page", SLUG), ("unit", &unit), ("message", message)],
            &[],
        )
        .await;
        assert_eq!(response.status(), status, "{message:?}");
        let html = response.text().await.unwrap();
        assert!(html.contains(says), "{message:?}: {html}");
        assert!(
            html.contains(r#"role="alert""#),
            "the form comes back with the reason"
        );
    }
    // The reason is in the reader's language, and what was typed is kept.
    let response = post_report(
        &server,
        "ko",
        &[("page", SLUG), ("unit", &unit), ("message", "탭\t문자")],
        &[],
    )
    .await;
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    assert!(html.contains("제어 문자"), "{html}");
    assert!(html.contains("탭\t문자</textarea>"));

    // No such passage, page or target language: 404, for the form and the post.
    let no_such_unit = "0".repeat(64);
    for (lang, page, unit) in [
        ("en", SLUG, no_such_unit.as_str()),
        ("en", SLUG, "0000000000000000"),
        ("en", SLUG, "not-a-key"),
        ("en", SLUG, unit.get(..15).unwrap()),
        ("en", "houdou/2025/05/missing", unit.as_str()),
        ("ja", SLUG, unit.as_str()),
        ("fr", SLUG, unit.as_str()),
    ] {
        let response = post_report(
            &server,
            lang,
            &[("page", page), ("unit", unit), ("message", "wrong")],
            &[],
        )
        .await;
        assert_eq!(response.status(), 404, "POST {lang} {page} {unit}");
        let response = server
            .get(&format!("/feedback/{lang}?page={page}&unit={unit}"))
            .await;
        assert_eq!(response.status(), 404, "GET {lang} {page} {unit}");
    }
    // A localized 404 for an unknown language.
    let response = server
        .get_with(
            &format!("/feedback/fr?page={SLUG}&unit={unit}"),
            &[("accept-language", "ko")],
        )
        .await;
    assert_eq!(response.status(), 404);
    assert_eq!(header(&response, "content-language"), "ko");
    // A form without its fields.
    let response = post_report(&server, "en", &[("page", SLUG)], &[]).await;
    assert_eq!(response.status(), 400);

    // Another site's page posting the form is refused.
    let response = post_report(
        &server,
        "en",
        &[("page", SLUG), ("unit", &unit), ("message", "spam")],
        &[("sec-fetch-site", "cross-site")],
    )
    .await;
    assert_eq!(response.status(), 403);
    // So is one from a browser that says so only in Origin or Referer.
    for (name, value) in [
        ("origin", "https://evil.example"),
        ("referer", "https://evil.example/spam.html"),
    ] {
        let response = post_report(
            &server,
            "en",
            &[("page", SLUG), ("unit", &unit), ("message", "spam")],
            &[(name, value)],
        )
        .await;
        assert_eq!(response.status(), 403, "{name}");
    }
    // A bot that fills the hidden field is thanked, and nothing is kept.
    let response = post_report(
        &server,
        "en",
        &[
            ("page", SLUG),
            ("unit", &unit),
            ("message", "cheap pills"),
            ("website", "http://spam.invalid"),
        ],
        &[],
    )
    .await;
    assert_eq!(response.status(), 200);
    assert!(all_reports(&server).await.is_empty());

    // The longest message accepted is exactly the limit, in characters.
    let longest = "訳".repeat(1000);
    let response = post_report(
        &server,
        "zh-Hans",
        &[("page", SLUG), ("unit", &unit), ("message", &longest)],
        &[],
    )
    .await;
    assert_eq!(response.status(), 200);
    assert_eq!(all_reports(&server).await.len(), 1);
    server.stop().await;
}

#[tokio::test]
async fn too_many_reports_from_one_address_are_refused_for_a_while() {
    let server = TestServer::start().await;
    let unit = first_unit(&server).await;
    for i in 0..server.app.config.feedback.reports_per_address {
        let response = post_report(
            &server,
            "en",
            &[
                ("page", SLUG),
                ("unit", &unit),
                ("message", &format!("report {i}")),
            ],
            &[],
        )
        .await;
        assert_eq!(response.status(), 200, "report {i}");
    }
    let response = post_report(
        &server,
        "en",
        &[("page", SLUG), ("unit", &unit), ("message", "one more")],
        &[],
    )
    .await;
    assert_eq!(response.status(), 429);
    let retry_after: u64 = header(&response, "retry-after").parse().unwrap();
    assert!((1..=600).contains(&retry_after), "{retry_after}");
    assert_eq!(header(&response, "content-language"), "en");
    let html = response.text().await.unwrap();
    assert!(html.contains("Please try again in 10 minutes"), "{html}");
    // Korean readers are told in Korean.
    let response = post_report(
        &server,
        "ko",
        &[("page", SLUG), ("unit", &unit), ("message", "하나 더")],
        &[],
    )
    .await;
    assert_eq!(response.status(), 429);
    assert!(response.text().await.unwrap().contains("분 후에 다시"));
    assert_eq!(
        all_reports(&server).await.len(),
        server.app.config.feedback.reports_per_address as usize
    );
    server.stop().await;
}

#[tokio::test]
async fn markup_in_a_report_is_text_everywhere() {
    let server = TestServer::start().await;
    let unit = first_unit(&server).await;
    let message = "<script>alert('x')</script> & <b>bold</b>";
    let response = post_report(
        &server,
        "en",
        &[("page", SLUG), ("unit", &unit), ("message", message)],
        &[],
    )
    .await;
    assert_eq!(response.status(), 200);
    let thanks = response.text().await.unwrap();
    assert!(
        thanks.contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"),
        "{thanks}"
    );
    assert!(!thanks.contains("<script>alert"));
    assert!(!thanks.contains("<b>bold"));
    // Stored as the reader wrote it: text, not markup.
    assert_eq!(all_reports(&server).await[0].message, message);
    // A refused message comes back escaped in the form too.
    let long = format!("<script>alert(1)</script>{}", "x".repeat(1000));
    let response = post_report(
        &server,
        "en",
        &[("page", SLUG), ("unit", &unit), ("message", &long)],
        &[],
    )
    .await;
    assert_eq!(response.status(), 400);
    let form = response.text().await.unwrap();
    assert!(form.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!form.contains("<script>alert"));
    server.stop().await;
}

async fn api_get(server: &TestServer, path: &str, token: Option<&str>) -> reqwest::Response {
    let mut request = server.client.get(server.url(path));
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    request.send().await.unwrap()
}

async fn api_resolve(server: &TestServer, id: i64, token: Option<&str>) -> reqwest::Response {
    let mut request = server
        .client
        .post(server.url(&format!("/api/v1/reports/{id}/resolve")));
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    request.send().await.unwrap()
}

fn ids(body: &serde_json::Value) -> Vec<i64> {
    body["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn translators_see_and_resolve_the_reports_of_their_languages() {
    use honyaku::model::Role;
    let server = TestServer::start().await;
    let unit = first_unit(&server).await;
    let message = "<script>alert('x')</script> is not English";
    for (lang, text) in [("en", message), ("ko", "날짜가 틀립니다")] {
        let response = post_report(
            &server,
            lang,
            &[("page", SLUG), ("unit", &unit), ("message", text)],
            &[],
        )
        .await;
        assert_eq!(response.status(), 200);
    }
    let reports = all_reports(&server).await;
    let en = reports
        .iter()
        .find(|r| r.target_lang == Lang::En)
        .unwrap()
        .clone();
    let ko = reports
        .iter()
        .find(|r| r.target_lang == Lang::Ko)
        .unwrap()
        .clone();
    let sato = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let kim = translator(&server, "kim", Role::Translator, &[Lang::Ko]).await;
    let root = translator(&server, "root", Role::Admin, &[]).await;

    // No token, or a wrong one: 401, with nothing listed or changed.
    for token in [None, Some("hny_not-a-token")] {
        let response = api_get(&server, "/api/v1/reports", token).await;
        assert_eq!(response.status(), 401);
        assert_eq!(error_code(response).await, "unauthorized");
        assert_eq!(api_resolve(&server, en.id, token).await.status(), 401);
    }

    // A translator sees their languages only; asking for another is 403.
    let response = api_get(&server, "/api/v1/reports", Some(&sato)).await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-type"), "application/json");
    assert_eq!(header(&response, "cache-control"), "private, no-store");
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(ids(&body), [en.id]);
    let item = &body["reports"][0];
    assert_eq!(item["page"], SLUG);
    assert_eq!(item["unit"], en.unit_key.as_str());
    assert_eq!(item["lang"], "en");
    assert_eq!(item["status"], "open");
    assert_eq!(item["resolved_by"], serde_json::Value::Null);
    assert_eq!(
        item["url"],
        format!("/en/{SLUG}#u-{}", en.unit_key.get(..16).unwrap())
    );
    // The message is data: exactly what was written, in JSON, never HTML.
    assert_eq!(item["message"], message);
    let body: serde_json::Value = api_get(
        &server,
        &format!("/api/v1/reports?lang=en&status=open&page={SLUG}"),
        Some(&sato),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(ids(&body), [en.id]);
    let response = api_get(&server, "/api/v1/reports?lang=ko", Some(&sato)).await;
    assert_eq!(response.status(), 403);
    assert_eq!(error_code(response).await, "forbidden");
    for bad in ["lang=fr", "lang=ja", "status=closed"] {
        let response = api_get(&server, &format!("/api/v1/reports?{bad}"), Some(&sato)).await;
        assert_eq!(response.status(), 400, "{bad}");
    }
    let body: serde_json::Value = api_get(&server, "/api/v1/reports", Some(&kim))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(ids(&body), [ko.id]);
    let body: serde_json::Value = api_get(&server, "/api/v1/reports", Some(&root))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        ids(&body),
        [ko.id, en.id],
        "admins see everything, newest first"
    );

    // Only a translator of the report's language may resolve it.
    let response = api_resolve(&server, en.id, Some(&kim)).await;
    assert_eq!(response.status(), 403);
    assert_eq!(
        server
            .app
            .store
            .report_get(en.id)
            .await
            .unwrap()
            .unwrap()
            .status,
        ReportStatus::Open
    );
    let response = api_resolve(&server, en.id, Some(&sato)).await;
    assert_eq!(response.status(), 200);
    let resolved: serde_json::Value = response.json().await.unwrap();
    assert_eq!(resolved["status"], "resolved");
    assert_eq!(resolved["resolved_by"], "sato");
    assert!(resolved["resolved_at"].as_i64().unwrap() >= en.created_at);
    // Resolving again changes nothing.
    let again: serde_json::Value = api_resolve(&server, en.id, Some(&root))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["resolved_by"], "sato");
    assert_eq!(
        api_resolve(&server, en.id + 100, Some(&root))
            .await
            .status(),
        404
    );
    assert_eq!(
        server
            .client
            .post(server.url("/api/v1/reports/x/resolve"))
            .header("authorization", format!("Bearer {root}"))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    let body: serde_json::Value = api_get(&server, "/api/v1/reports?status=open", Some(&sato))
        .await
        .json()
        .await
        .unwrap();
    assert!(ids(&body).is_empty());
    let body: serde_json::Value = api_get(&server, "/api/v1/reports?status=resolved", Some(&sato))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(ids(&body), [en.id]);
    server.stop().await;
}

/// The queue's answers match its OpenAPI description.
#[tokio::test]
async fn the_queue_is_described_in_the_openapi_document() {
    let server = TestServer::start().await;
    let unit = first_unit(&server).await;
    post_report(
        &server,
        "en",
        &[("page", SLUG), ("unit", &unit), ("message", "wrong date")],
        &[],
    )
    .await;
    let token = translator(
        &server,
        "sato",
        honyaku::model::Role::Translator,
        &[Lang::En],
    )
    .await;
    let doc = server.json("/api/openapi.json").await;
    let list = &doc["paths"]["/api/v1/reports"]["get"];
    let resolve = &doc["paths"]["/api/v1/reports/{id}/resolve"]["post"];
    for (operation, statuses) in [
        (list, &["200", "400", "401", "403"][..]),
        (resolve, &["200", "401", "403", "404"][..]),
    ] {
        for status in statuses {
            assert!(operation["responses"][*status].is_object(), "{status}");
        }
    }
    assert!(doc["components"]["securitySchemes"]["translator_token"].is_object());
    let schema = |operation: &serde_json::Value| {
        operation["responses"]["200"]["content"]["application/json"]["schema"].clone()
    };
    let listed: serde_json::Value = api_get(&server, "/api/v1/reports", Some(&token))
        .await
        .json()
        .await
        .unwrap();
    crate::openapi::conforms(&doc, &schema(list), &listed, "list");
    let id = listed["reports"][0]["id"].as_i64().unwrap();
    let resolved: serde_json::Value = api_resolve(&server, id, Some(&token))
        .await
        .json()
        .await
        .unwrap();
    crate::openapi::conforms(&doc, &schema(resolve), &resolved, "resolve");
    server.stop().await;
}
