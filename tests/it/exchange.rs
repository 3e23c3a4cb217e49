//! XLIFF out and back in through the API, TMX out, and an override that
//! survives a killed process.

use serde_json::Value;

use crate::overrides::{save, units};
use crate::support::{SLUG, TestServer, error_code, translator};
use honyaku::i18n::Lang;
use honyaku::model::Role;

pub(crate) async fn export(server: &TestServer, token: &str, lang: &str) -> String {
    let response = server
        .client
        .get(server.url(&format!("/api/v1/xliff/{lang}?page={SLUG}")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(crate::support::header(&response, "content-type").starts_with("application/xliff+xml"));
    response.text().await.unwrap()
}

pub(crate) async fn import(
    server: &TestServer,
    token: &str,
    lang: &str,
    xliff: String,
) -> reqwest::Response {
    server
        .client
        .put(server.url(&format!("/api/v1/xliff/{lang}")))
        .bearer_auth(token)
        .header("content-type", "application/xliff+xml")
        .body(xliff)
        .send()
        .await
        .unwrap()
}

/// Replaces the target of unit `id` in an exported file, as a CAT tool would.
pub(crate) fn edit_target(xliff: &str, id: &str, edit: impl Fn(&str) -> String) -> String {
    let start = xliff
        .find(&format!("<unit id=\"u-{id}\""))
        .expect("the unit is in the file");
    let (head, rest) = xliff.split_at(start);
    let open = rest.find("<target>").unwrap() + "<target>".len();
    let close = rest.find("</target>").unwrap();
    let (before, tail) = rest.split_at(open);
    let (target, after) = tail.split_at(close - open);
    format!("{head}{before}{}{after}", edit(target))
}

pub(crate) fn statuses(report: &Value) -> Vec<(String, String)> {
    report["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["status"] != "unchanged")
        .map(|u| {
            (
                u["id"].as_str().unwrap().to_owned(),
                u["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn xliff_round_trip_changes_exactly_the_edited_units() {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let before = units(&server, &token, "en", None).await;
    let xliff = export(&server, &token, "en").await;
    assert!(xliff.contains("urn:oasis:names:tc:xliff:document:2.0"));
    assert!(xliff.contains("trgLang=\"en\""));

    // Untouched, the file changes nothing.
    let report: Value = import(&server, &token, "en", xliff.clone())
        .await
        .json()
        .await
        .unwrap();
    assert!(statuses(&report).is_empty(), "{report:#}");

    let plain = before
        .iter()
        .find(|u| {
            u["part"] == "body"
                && !u["source"].as_str().unwrap().contains('<')
                && u["required"].as_array().unwrap().is_empty()
        })
        .unwrap();
    let with_code = before
        .iter()
        .find(|u| u["source"].as_str().unwrap().contains("<b1>") && u["id"] != plain["id"])
        .unwrap();
    let plain_id = plain["id"].as_str().unwrap();
    let code_id = with_code["id"].as_str().unwrap();
    let edited = edit_target(&xliff, plain_id, |t| format!("Checked in a CAT tool: {t}"));
    // Dropping the inline code of another unit fails its QA, not the file.
    let edited = edit_target(&edited, code_id, |_| "All markup lost".to_owned());

    let response = import(&server, &token, "en", edited).await;
    assert_eq!(response.status(), 200);
    let report: Value = response.json().await.unwrap();
    let mut changed = statuses(&report);
    changed.sort();
    let mut expected = vec![
        (plain_id.to_owned(), "updated".to_owned()),
        (code_id.to_owned(), "qa_failed".to_owned()),
    ];
    expected.sort();
    assert_eq!(changed, expected, "{report:#}");
    let failure = report["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == code_id)
        .unwrap();
    assert!(
        failure["message"].as_str().unwrap().contains("b1"),
        "{failure}"
    );
    // Said in the translator's language.
    let japanese: Value = server
        .client
        .put(server.url("/api/v1/xliff/en"))
        .bearer_auth(&token)
        .header("content-type", "application/xliff+xml")
        .header("accept-language", "ja")
        .body(edit_target(&xliff, code_id, |_| {
            "All markup lost".to_owned()
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let message = japanese["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == code_id)
        .unwrap()["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        message.contains("b1") && message.contains("がありません"),
        "{message}"
    );

    let after = units(&server, &token, "en", None).await;
    for (old, new) in before.iter().zip(&after) {
        if old["id"] == plain_id {
            assert_eq!(new["state"], "approved");
            assert_eq!(new["version"], 1);
            assert_eq!(
                new["served"].as_str().unwrap(),
                format!("Checked in a CAT tool: {}", old["served"].as_str().unwrap())
            );
        } else {
            assert_eq!(old["served"], new["served"], "unit {} changed", old["id"]);
            assert_eq!(new["version"], 0);
        }
    }

    // The same file again: the edited unit moved on since that export.
    let stale = edit_target(&xliff, plain_id, |_| "Another edit".to_owned());
    let report: Value = import(&server, &token, "en", stale)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        statuses(&report),
        [(plain_id.to_owned(), "conflict".to_owned())]
    );
}

#[tokio::test]
async fn xliff_import_is_checked_like_the_api() {
    let server = TestServer::start().await;
    let ko = translator(&server, "kim", Role::Translator, &[Lang::Ko]).await;
    let xliff = export(&server, &ko, "en").await;
    assert_eq!(
        import(&server, &ko, "en", xliff.clone()).await.status(),
        403
    );
    let admin = translator(&server, "root", Role::Admin, &[]).await;
    // A file for English sent as Korean.
    assert_eq!(import(&server, &admin, "ko", xliff).await.status(), 400);
    let hostile = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><xliff/>";
    let response = import(&server, &admin, "en", hostile.to_owned()).await;
    assert_eq!(response.status(), 400);
    assert_eq!(error_code(response).await, "invalid_request");
}

#[tokio::test]
async fn tmx_exports_the_memory_and_the_overrides() {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let all = units(&server, &token, "en", None).await;
    let unit = all
        .iter()
        .find(|u| {
            u["part"] == "body"
                && !u["source"].as_str().unwrap().contains('<')
                && u["required"].as_array().unwrap().is_empty()
        })
        .unwrap();
    save(
        &server,
        &token,
        "en",
        unit["id"].as_str().unwrap(),
        Some("0"),
        "A translator's line",
    )
    .await;
    let response = server
        .client
        .get(server.url("/api/v1/tmx"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let tmx = response.text().await.unwrap();
    assert!(tmx.contains("<tmx version=\"1.4\">"));
    assert!(tmx.contains("A translator&apos;s line") || tmx.contains("A translator's line"));
    assert!(tmx.contains(unit["source"].as_str().unwrap()));
    assert!(tmx.contains("xml:lang=\"en\""));
}

/// The acceptance test for durability: SIGKILL right after the 200 of a
/// save, then a restart on the same database: the override is there.
#[tokio::test]
async fn an_acknowledged_override_survives_sigkill() {
    use crate::cli::{honyaku, spawn_server};

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("honyaku.sqlite3");
    let db = db.to_str().unwrap();
    let added = honyaku()
        .env("HONYAKU__STORE__URL", db)
        .args(["translators", "add", "sato", "--lang", "en"])
        .output()
        .unwrap();
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let token = String::from_utf8(added.stdout).unwrap().trim().to_owned();
    assert!(token.starts_with("hny_"));

    let client = reqwest::Client::new();
    let (mut child, url, _) = spawn_server(&[("HONYAKU__STORE__URL", db)]);
    let list: Value = client
        .get(format!("{url}/api/v1/units/en?page={SLUG}"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let unit = list["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| {
            u["part"] == "body"
                && !u["source"].as_str().unwrap().contains('<')
                && u["required"].as_array().unwrap().is_empty()
        })
        .unwrap()
        .clone();
    let id = unit["id"].as_str().unwrap();
    let saved = client
        .put(format!("{url}/api/v1/units/en/{id}"))
        .bearer_auth(&token)
        .header("if-match", "0")
        .json(&serde_json::json!({ "text": "Saved just before the crash" }))
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), 200);
    child.kill().unwrap(); // SIGKILL: no shutdown, no flush
    child.wait().unwrap();

    let (mut child, url, _) = spawn_server(&[("HONYAKU__STORE__URL", db)]);
    let page = client
        .get(format!("{url}/en/{SLUG}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let unit: Value = client
        .get(format!("{url}/api/v1/units/en/{id}"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(unit["override"]["text"], "Saved just before the crash");
    assert_eq!(unit["version"], 1);
    assert!(page.contains("Saved just before the crash"));
}

/// A unit untouched in the file is left alone even when what readers get
/// has changed since the export (another translator's save, a glossary
/// change): the file's own hash of the exported target says so.
#[tokio::test]
async fn untouched_units_stay_untouched_when_the_site_moved_on() {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let before = units(&server, &token, "en", None).await;
    let xliff = export(&server, &token, "en").await;
    assert!(xliff.contains("<mda:meta type=\"target-sha256\">"));
    let plain: Vec<&Value> = before
        .iter()
        .filter(|u| {
            u["part"] == "body"
                && !u["source"].as_str().unwrap().contains('<')
                && u["required"].as_array().unwrap().is_empty()
        })
        .collect();
    let (moved, edited) = (
        plain[0]["id"].as_str().unwrap(),
        plain[1]["id"].as_str().unwrap(),
    );
    // After the export, someone else corrects `moved` through the API.
    assert_eq!(
        save(
            &server,
            &token,
            "en",
            moved,
            Some("0"),
            "Corrected meanwhile"
        )
        .await
        .status(),
        200
    );
    let file = edit_target(&xliff, edited, |t| format!("{t} (edited offline)"));
    let report: Value = import(&server, &token, "en", file)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        statuses(&report),
        [(edited.to_owned(), "updated".to_owned())],
        "{report:#}"
    );
    let after = units(&server, &token, "en", None).await;
    let moved_now = after.iter().find(|u| u["id"] == moved).unwrap();
    assert_eq!(
        moved_now["served"], "Corrected meanwhile",
        "not overwritten"
    );
}

/// One file per target language, the whole memory only on request, and a
/// language honyaku does not translate to is a bad request.
#[tokio::test]
async fn tmx_per_language_and_the_whole_memory_on_request() {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En, Lang::Ko]).await;
    let unit = units(&server, &token, "en", None).await[0].clone();
    let id = unit["id"].as_str().unwrap();
    for (lang, text) in [("en", "An English line"), ("ko", "한국어 문장")] {
        let saved = save(&server, &token, lang, id, Some("0"), text).await;
        assert_eq!(saved.status(), 200);
    }
    let tmx = |path: &'static str| {
        let server = &server;
        let token = &token;
        async move {
            let response = server
                .client
                .get(server.url(path))
                .bearer_auth(token)
                .send()
                .await
                .unwrap();
            (response.status().as_u16(), response.text().await.unwrap())
        }
    };
    let (status, ko) = tmx("/api/v1/tmx/ko").await;
    assert_eq!(status, 200);
    assert!(
        ko.contains("한국어 문장") && !ko.contains("An English line"),
        "{ko}"
    );
    assert!(!ko.contains("xml:lang=\"en\""), "{ko}");
    // The old query form answers the same.
    assert_eq!(tmx("/api/v1/tmx?lang=ko").await, (200, ko));
    let (status, all) = tmx("/api/v1/tmx").await;
    assert_eq!(status, 200);
    assert!(all.contains("한국어 문장") && all.contains("An English line"));
    // Every <tu>: the Japanese and one translation.
    for tu in all.split("<tu ").skip(1) {
        assert_eq!(tu.matches("<tuv ").count(), 2, "{tu}");
    }
    for path in [
        "/api/v1/tmx?lang=fr",
        "/api/v1/tmx/fr",
        "/api/v1/tmx/ja",
        "/api/v1/tmx?lang=",
    ] {
        assert_eq!(tmx(path).await.0, 400, "{path}");
    }
}

/// A file whose tool dropped the page: named with ?page=, which must agree
/// with the file when it has one.
#[tokio::test]
async fn xliff_import_takes_the_page_from_the_query_when_the_file_lost_it() {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let xliff = export(&server, &token, "en").await;
    let put = |query: &'static str, body: String| {
        let server = &server;
        let token = &token;
        async move {
            server
                .client
                .put(server.url(&format!("/api/v1/xliff/en{query}")))
                .bearer_auth(token)
                .header("content-type", "application/xliff+xml")
                .body(body)
                .send()
                .await
                .unwrap()
        }
    };
    let original = format!(" original=\"{SLUG}\"");
    assert!(xliff.contains(&original));
    let dropped = xliff.replace(&original, "");
    assert_eq!(put("", dropped.clone()).await.status(), 400);
    let response = put("?page=houdou/2025/05/roukyou-online-seminar", dropped).await;
    assert_eq!(response.status(), 200);
    let report: Value = response.json().await.unwrap();
    assert!(statuses(&report).is_empty(), "{report:#}");
    assert_eq!(put("?page=another/page", xliff).await.status(), 400);
}
