//! The translators' API: accounts and languages, overrides with If-Match,
//! QA on save, escaping, history, needs-review after a source edit, and an
//! override surviving a killed process.

use std::path::Path;

use honyaku::i18n::Lang;
use honyaku::model::Role;
use serde_json::{Value, json};

use crate::support::{SLUG, TestServer, api_error, header, repo_path, translator};

pub(crate) async fn units(
    server: &TestServer,
    token: &str,
    lang: &str,
    state: Option<&str>,
) -> Vec<Value> {
    let mut url = server.url(&format!("/api/v1/units/{lang}?page={SLUG}"));
    if let Some(state) = state {
        url.push_str(&format!("&state={state}"));
    }
    let response = server
        .client
        .get(url)
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    body["units"].as_array().unwrap().clone()
}

pub(crate) async fn save(
    server: &TestServer,
    token: &str,
    lang: &str,
    id: &str,
    if_match: Option<&str>,
    text: &str,
) -> reqwest::Response {
    let mut request = server
        .client
        .put(server.url(&format!("/api/v1/units/{lang}/{id}")))
        .bearer_auth(token)
        .json(&json!({ "text": text }));
    if let Some(version) = if_match {
        request = request.header("if-match", version);
    }
    request.send().await.unwrap()
}

/// A unit whose source has no placeholders and no protected tokens, so any
/// text passes QA.
pub(crate) fn plain_unit(units: &[Value]) -> Value {
    units
        .iter()
        .find(|u| {
            u["part"] == "body"
                && !u["source"].as_str().unwrap().contains('<')
                && u["required"].as_array().unwrap().is_empty()
                && u["source"].as_str().unwrap().chars().count() > 10
        })
        .expect("a plain body unit")
        .clone()
}

pub(crate) fn unit_with_placeholder(units: &[Value]) -> Value {
    units
        .iter()
        .find(|u| u["source"].as_str().unwrap().contains("<b1>"))
        .expect("a unit with a <b1> placeholder")
        .clone()
}

#[tokio::test]
async fn every_translator_endpoint_needs_a_token() {
    let server = TestServer::start().await;
    let anonymous = server.get(&format!("/api/v1/units/en?page={SLUG}")).await;
    assert_eq!(anonymous.status(), 401);
    assert!(header(&anonymous, "www-authenticate").starts_with("Bearer"));
    let (_, code, _) = api_error(anonymous).await;
    assert_eq!(code, "unauthorized");

    let forged = server
        .client
        .get(server.url("/api/v1/pages"))
        .bearer_auth(format!("hny_{}", "0".repeat(64)))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 401);

    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let pages: Value = server
        .client
        .get(server.url("/api/v1/pages"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(pages["translator"], "sato");
    assert_eq!(pages["languages"], json!(["en"]));
    assert_eq!(pages["pages"][0]["page"], SLUG);

    // Revoked: the same token stops working at once.
    server.app.store.translator_revoke("sato").await.unwrap();
    let revoked = server
        .client
        .get(server.url("/api/v1/pages"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), 401);
}

#[tokio::test]
async fn failed_logins_are_rate_limited_per_address() {
    let server = TestServer::start().await;
    let attempt = |token: &'static str| {
        server
            .client
            .get(server.url("/api/v1/pages"))
            .bearer_auth(token)
            .send()
    };
    let mut last = 0;
    for _ in 0..=server.app.config.translators.login_failures {
        last = attempt("hny_wrong").await.unwrap().status().as_u16();
    }
    assert_eq!(last, 429, "past the limit the address is refused");
    let refused = attempt("hny_wrong").await.unwrap();
    assert!(header(&refused, "retry-after").parse::<u64>().unwrap() > 0);
    // A valid token from the same (shared) address still gets in: one user
    // of an office's address cannot lock the others out.
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let response = server
        .client
        .get(server.url("/api/v1/pages"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}

/// Behind a trusted reverse proxy the limit counts each reader's address
/// from X-Forwarded-For, not the proxy's.
#[tokio::test]
async fn behind_a_trusted_proxy_failures_count_per_forwarded_address() {
    let server =
        TestServer::start_with_env(&[("HONYAKU__SERVER__TRUSTED_PROXIES", "[\"127.0.0.1\"]")])
            .await;
    let attempt = |forwarded: &'static str| {
        server
            .client
            .get(server.url("/api/v1/pages"))
            .bearer_auth("hny_wrong")
            .header("x-forwarded-for", forwarded)
            .send()
    };
    let limit = server.app.config.translators.login_failures;
    for _ in 0..limit {
        assert_eq!(attempt("203.0.113.7").await.unwrap().status(), 401);
    }
    assert_eq!(attempt("203.0.113.7").await.unwrap().status(), 429);
    // Another reader behind the same proxy is not affected, and a made-up
    // address the client puts first does not help the first one.
    assert_eq!(attempt("203.0.113.8").await.unwrap().status(), 401);
    assert_eq!(
        attempt("198.51.100.1, 203.0.113.7").await.unwrap().status(),
        429
    );
}

#[tokio::test]
async fn translators_change_only_their_languages() {
    let server = TestServer::start().await;
    let ko = translator(&server, "kim", Role::Translator, &[Lang::Ko]).await;
    let admin = translator(&server, "root", Role::Admin, &[]).await;
    let unit = plain_unit(&units(&server, &ko, "en", None).await);
    let id = unit["id"].as_str().unwrap();

    // Reading another language is allowed; changing it is not.
    let response = save(
        &server,
        &ko,
        "en",
        id,
        Some("\"0\""),
        "Edited by a Korean translator",
    )
    .await;
    let (status, code, message) = api_error(response).await;
    assert_eq!((status, code.as_str()), (403, "forbidden"));
    assert!(message.contains("en"), "{message}");
    let revert = server
        .client
        .delete(server.url(&format!("/api/v1/units/en/{id}")))
        .bearer_auth(&ko)
        .header("if-match", "\"1\"")
        .send()
        .await
        .unwrap();
    assert_eq!(revert.status(), 403);

    assert_eq!(
        save(&server, &ko, "ko", id, Some("\"0\""), "한국어 번역")
            .await
            .status(),
        200
    );
    assert_eq!(
        save(
            &server,
            &admin,
            "zh-Hans",
            id,
            Some("\"0\""),
            "管理员的译文"
        )
        .await
        .status(),
        200
    );
    // Japanese is the source: nobody overrides it.
    let (status, code, _) = api_error(save(&server, &admin, "ja", id, Some("0"), "x").await).await;
    assert_eq!((status, code.as_str()), (400, "unsupported_language"));
}

#[tokio::test]
async fn saves_need_the_current_version() {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let unit = plain_unit(&units(&server, &token, "en", None).await);
    let id = unit["id"].as_str().unwrap();
    assert_eq!(unit["state"], "machine");
    assert_eq!(unit["version"], 0);

    let missing = save(&server, &token, "en", id, None, "No If-Match").await;
    let (status, code, _) = api_error(missing).await;
    assert_eq!((status, code.as_str()), (428, "precondition_required"));

    let first = save(&server, &token, "en", id, Some("\"0\""), "First edit").await;
    assert_eq!(first.status(), 200);
    assert_eq!(header(&first, "etag"), "\"1\"");
    let body: Value = first.json().await.unwrap();
    assert_eq!(body["state"], "approved");
    assert_eq!(body["served"], "First edit");
    assert_eq!(body["served_origin"], "translator");

    // Someone who loaded the unit before that edit cannot overwrite it.
    let stale = save(&server, &token, "en", id, Some("\"0\""), "Lost update").await;
    assert_eq!(stale.status(), 412);
    assert_eq!(header(&stale, "etag"), "\"1\"");
    let (_, code, message) = api_error(stale).await;
    assert_eq!(code, "version_conflict");
    assert!(message.contains('1'), "{message}");

    let second = save(&server, &token, "en", id, Some("W/\"1\""), "Second edit").await;
    assert_eq!(header(&second, "etag"), "\"2\"");
    let current: Value = server
        .client
        .get(server.url(&format!("/api/v1/units/en/{id}")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(current["override"]["text"], "Second edit");

    // Revert with a stale version is refused too; with the current one the
    // machine (here: bundled) translation is served again.
    let revert = |version: &'static str| {
        server
            .client
            .delete(server.url(&format!("/api/v1/units/en/{id}")))
            .bearer_auth(&token)
            .header("if-match", version)
            .send()
    };
    assert_eq!(revert("\"1\"").await.unwrap().status(), 412);
    // A client that saw no override at all is told that one exists now.
    let unaware = revert("\"0\"").await.unwrap();
    assert_eq!(unaware.status(), 412);
    assert_eq!(header(&unaware, "etag"), "\"2\"");
    let reverted: Value = revert("\"2\"").await.unwrap().json().await.unwrap();
    assert_eq!(reverted["state"], "machine");
    assert_eq!(reverted["served"], unit["served"]);
}

#[tokio::test]
async fn qa_refuses_a_missing_placeholder_and_names_it() {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let unit = unit_with_placeholder(&units(&server, &token, "en", None).await);
    let id = unit["id"].as_str().unwrap();
    let response = save(
        &server,
        &token,
        "en",
        id,
        Some("\"0\""),
        "All the markup is gone",
    )
    .await;
    let (status, code, message) = api_error(response).await;
    assert_eq!((status, code.as_str()), (422, "qa_failed"));
    assert!(
        message.contains("<b1>"),
        "the message names the placeholder: {message}"
    );
    // Said in the translator's language.
    let japanese = server
        .client
        .put(server.url(&format!("/api/v1/units/en/{id}")))
        .bearer_auth(&token)
        .header("if-match", "0")
        .header("accept-language", "ja")
        .json(&json!({ "text": "All the markup is gone" }))
        .send()
        .await
        .unwrap();
    let (_, _, message) = api_error(japanese).await;
    assert!(
        message.contains("<b1>") && message.contains("がありません"),
        "{message}"
    );
    // Nothing was written.
    let after = units(&server, &token, "en", None).await;
    let same = after.iter().find(|u| u["id"] == unit["id"]).unwrap();
    assert_eq!(same["version"], 0);

    // Keeping the placeholders passes.
    let served = unit["served"].as_str().unwrap();
    let edited = format!("{served} (checked)");
    assert_eq!(
        save(&server, &token, "en", id, Some("\"0\""), &edited)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn qa_refuses_a_dropped_protected_token() {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let all = units(&server, &token, "en", None).await;
    let unit = all
        .iter()
        .find(|u| {
            !u["required"].as_array().unwrap().is_empty()
                && !u["source"].as_str().unwrap().contains('<')
        })
        .expect("a unit with a protected token and no placeholders");
    let required = unit["required"][0].as_str().unwrap();
    let response = save(
        &server,
        &token,
        "en",
        unit["id"].as_str().unwrap(),
        Some("0"),
        "Details to follow",
    )
    .await;
    let (status, code, message) = api_error(response).await;
    assert_eq!((status, code.as_str()), (422, "qa_failed"));
    assert!(message.contains(required), "names {required:?}: {message}");
}

#[tokio::test]
async fn markup_typed_into_an_override_is_escaped_and_served_at_once() {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let page = format!("/en/{SLUG}");
    // Warm the page cache first: the save must still show on the very next request.
    let before = server.text(&page).await;
    let unit = plain_unit(&units(&server, &token, "en", None).await);
    let typed = "Workers <script>alert(1)</script> & <b>co-ops</b>";
    assert_eq!(
        save(
            &server,
            &token,
            "en",
            unit["id"].as_str().unwrap(),
            Some("\"0\""),
            typed
        )
        .await
        .status(),
        200
    );
    let after = server.text(&page).await;
    assert_ne!(before, after);
    assert!(
        after.contains(
            "Workers &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;co-ops&lt;/b&gt;"
        ),
        "the override is shown as text"
    );
    assert!(!after.contains("<script>alert(1)"));
    let document = scraper::Html::parse_document(&after);
    let marked = scraper::Selector::parse("[data-origin=translator]").unwrap();
    assert_eq!(
        document.select(&marked).count(),
        1,
        "provenance says translator"
    );
}

#[tokio::test]
async fn history_lists_three_edits_by_two_translators() {
    let server = TestServer::start().await;
    let sato = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let lee = translator(&server, "lee", Role::Translator, &[Lang::En, Lang::ZhHant]).await;
    let unit = plain_unit(&units(&server, &sato, "en", None).await);
    let id = unit["id"].as_str().unwrap();
    for (token, version, text) in [
        (&sato, "0", "One"),
        (&lee, "1", "Two"),
        (&sato, "2", "Three"),
    ] {
        assert_eq!(
            save(&server, token, "en", id, Some(version), text)
                .await
                .status(),
            200
        );
    }
    let history: Value = server
        .client
        .get(server.url(&format!("/api/v1/units/en/{id}/history")))
        .bearer_auth(&lee)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let entries = history["history"].as_array().unwrap();
    let summary: Vec<(String, Option<String>, String)> = entries
        .iter()
        .map(|e| {
            (
                e["author"].as_str().unwrap().to_owned(),
                e["before"].as_str().map(str::to_owned),
                e["after"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("sato".to_owned(), None, "One".to_owned()),
            ("lee".to_owned(), Some("One".to_owned()), "Two".to_owned()),
            (
                "sato".to_owned(),
                Some("Two".to_owned()),
                "Three".to_owned()
            ),
        ]
    );
    let times: Vec<i64> = entries.iter().map(|e| e["at"].as_i64().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]));
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[tokio::test]
async fn an_edited_source_sentence_flags_its_override_for_review() {
    let content = tempfile::tempdir().unwrap();
    copy_dir(&repo_path("content"), content.path());
    let data = tempfile::tempdir().unwrap();
    let db = data.path().join("honyaku.sqlite3");
    let env = [
        ("HONYAKU__CONTENT__DIR", content.path().to_str().unwrap()),
        ("HONYAKU__STORE__URL", db.to_str().unwrap()),
    ];

    let server = TestServer::start_with_env(&env).await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let unit = plain_unit(&units(&server, &token, "en", None).await);
    let old_source = unit["source"].as_str().unwrap().to_owned();
    assert_eq!(
        save(
            &server,
            &token,
            "en",
            unit["id"].as_str().unwrap(),
            Some("0"),
            "Reviewed wording"
        )
        .await
        .status(),
        200
    );
    server.stop().await;

    // The ministry edits that sentence.
    let body = content
        .path()
        .join("announcements/roukyou-online-seminar-2025/body.ja.html");
    let html = std::fs::read_to_string(&body).unwrap();
    assert!(
        html.contains(&old_source),
        "the unit's text is in the file as is"
    );
    let new_source = format!("{old_source}（内容を更新しました）");
    std::fs::write(&body, html.replacen(&old_source, &new_source, 1)).unwrap();

    let server = TestServer::start_with_env(&env).await;
    let flagged = units(&server, &token, "en", Some("needs-review")).await;
    assert_eq!(flagged.len(), 1, "{flagged:#?}");
    let unit = &flagged[0];
    assert_eq!(unit["source"], new_source.as_str());
    assert_eq!(
        unit["override"]["text"], "Reviewed wording",
        "the override is kept"
    );
    assert_eq!(unit["override"]["previous_source"], old_source.as_str());
    assert_ne!(unit["served"], "Reviewed wording", "but not served");
    let page = server.text(&format!("/en/{SLUG}")).await;
    assert!(!page.contains("Reviewed wording"));

    // The translator reviews it and approves the kept text.
    let id = unit["id"].as_str().unwrap();
    let approved = server
        .client
        .post(server.url(&format!("/api/v1/units/en/{id}/approve")))
        .bearer_auth(&token)
        .header("if-match", unit["version"].to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(approved.status(), 200);
    let approved: Value = approved.json().await.unwrap();
    assert_eq!(approved["state"], "approved");
    assert!(
        server
            .text(&format!("/en/{SLUG}"))
            .await
            .contains("Reviewed wording")
    );
    let history: Value = server
        .client
        .get(server.url(&format!("/api/v1/units/en/{id}/history")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let actions: Vec<&str> = history["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["flagged", "approved"]);
    assert!(
        units(&server, &token, "en", Some("needs-review"))
            .await
            .is_empty()
    );
}
