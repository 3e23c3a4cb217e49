//! The glossary: kept by translators over `/api/v1/glossary/…`, exchanged
//! as CSV, and enforced in every machine translation, by substitution with
//! providers that have no glossary feature and by DeepL's own glossaries.

use std::sync::{Arc, Mutex};

use honyaku::i18n::Lang;
use honyaku::model::Role;
use serde_json::{Value, json};
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::support::{LibreTranslate, TestServer, error_code, pseudo, translator};

const COOP: &str = "労働者協同組合";
const COOP_EN: &str = "workers' cooperative";
const MHLW: &str = "厚生労働省";
const MHLW_EN: &str = "Ministry of Health, Labour and Welfare";

/// Percent-encodes a path segment (everything but unreserved ASCII).
fn encode(segment: &str) -> String {
    segment
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

async fn put_term(
    server: &TestServer,
    token: &str,
    lang: &str,
    term: &str,
    translation: &str,
) -> reqwest::Response {
    server
        .client
        .put(server.url(&format!("/api/v1/glossary/{lang}/{}", encode(term))))
        .bearer_auth(token)
        .json(&json!({"translation": translation, "note": "official"}))
        .send()
        .await
        .unwrap()
}

async fn list(server: &TestServer, token: &str, lang: &str) -> reqwest::Response {
    server
        .client
        .get(server.url(&format!("/api/v1/glossary/{lang}")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn glossary_crud_for_the_translators_of_a_language() {
    let server = TestServer::start().await;
    let en = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let admin = translator(&server, "chief", Role::Admin, &[]).await;

    let response = put_term(&server, &en, "en", MHLW, MHLW_EN).await;
    assert_eq!(response.status(), 200);
    let stored: Value = response.json().await.unwrap();
    assert_eq!(stored["term"], MHLW);
    assert_eq!(stored["translation"], MHLW_EN);
    assert_eq!(stored["author"], "sato");
    assert_eq!(stored["target_lang"], "en");
    // Replacing by an admin.
    let response = put_term(&server, &admin, "en", COOP, "workers' co-op").await;
    assert_eq!(response.status(), 200);
    let response = put_term(&server, &admin, "en", COOP, COOP_EN).await;
    assert_eq!(response.status(), 200);

    let listed: Value = list(&server, &en, "en").await.json().await.unwrap();
    assert_eq!(listed["lang"], "en");
    let entries: Vec<(&str, &str)> = listed["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["term"].as_str().unwrap(),
                e["translation"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(entries, [(COOP, COOP_EN), (MHLW, MHLW_EN)]);

    // Invalid entries: 400 with the stable code.
    let response = put_term(&server, &en, "en", MHLW, " padded").await;
    assert_eq!(response.status(), 400);
    assert_eq!(error_code(response).await, "invalid_request");

    // Another language: 403; no token: 401; Japanese or unknown: 400.
    let response = put_term(&server, &en, "ko", MHLW, "후생노동성").await;
    assert_eq!(response.status(), 403);
    assert_eq!(error_code(response).await, "forbidden");
    assert_eq!(list(&server, &en, "ko").await.status(), 403);
    let response = server
        .client
        .get(server.url("/api/v1/glossary/en"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    let response = server
        .client
        .delete(server.url(&format!("/api/v1/glossary/en/{}", encode(MHLW))))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    assert_eq!(list(&server, &admin, "ja").await.status(), 400);

    // Delete, then delete again: 404.
    let delete = || async {
        server
            .client
            .delete(server.url(&format!("/api/v1/glossary/en/{}", encode(MHLW))))
            .bearer_auth(&en)
            .send()
            .await
            .unwrap()
    };
    assert_eq!(delete().await.status(), 204);
    assert_eq!(delete().await.status(), 404);
    let listed: Value = list(&server, &en, "en").await.json().await.unwrap();
    assert_eq!(listed["entries"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn glossary_csv_round_trip_with_commas_quotes_and_row_errors() {
    let server = TestServer::start().await;
    let en = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let csv = "term,translation,note\r\n\
               厚生労働省,\"Ministry of Health, Labour and Welfare\",\"the \"\"MHLW\"\"\"\r\n\
               労働者協同組合,workers' cooperative,\"two\nlines\"\r\n";
    let import = |body: &'static str, query: &'static str| {
        let server = &server;
        let en = en.clone();
        async move {
            server
                .client
                .post(server.url(&format!("/api/v1/glossary/en/import{query}")))
                .bearer_auth(en)
                .header("content-type", "text/csv; charset=utf-8")
                .body(body)
                .send()
                .await
                .unwrap()
        }
    };
    let response = import(csv, "").await;
    assert_eq!(response.status(), 200);
    let report: Value = response.json().await.unwrap();
    assert_eq!(report["imported"], 2);

    let response = server
        .client
        .get(server.url("/api/v1/glossary/en/export.csv"))
        .bearer_auth(&en)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let exported = response.text().await.unwrap();
    // Sorted by term (byte order): 労 before 厚. Quoted exactly where needed.
    assert_eq!(
        exported,
        "term,translation,note\r\n\
         労働者協同組合,workers' cooperative,\"two\nlines\"\r\n\
         厚生労働省,\"Ministry of Health, Labour and Welfare\",\"the \"\"MHLW\"\"\"\r\n"
    );

    // Bad rows: 422 naming each row, nothing written.
    let response = import(
        "term,translation\n新語,new\n,no term\n労働者協同組合, padded\n",
        "?replace=true",
    )
    .await;
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "qa_failed");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("row 3") && message.contains("row 4"),
        "{message}"
    );
    assert!(!message.contains("row 2"), "{message}");
    let listed: Value = list(&server, &en, "en").await.json().await.unwrap();
    assert_eq!(listed["entries"].as_array().unwrap().len(), 2);

    // Replace: exactly the file's entries remain.
    let response = import("新語,new\n", "?replace=true").await;
    assert_eq!(response.status(), 200);
    let listed: Value = list(&server, &en, "en").await.json().await.unwrap();
    let entries = listed["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["term"], "新語");

    // Not CSV: 415.
    let response = server
        .client
        .post(server.url("/api/v1/glossary/en/import"))
        .bearer_auth(&en)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 415);
}

async fn translate(server: &TestServer, texts: &[&str]) -> Vec<String> {
    let response = server
        .client
        .post(server.url("/api/v1/translate"))
        .json(&json!({"target": "en", "texts": texts}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    body["translations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["text"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn glossary_terms_are_enforced_and_a_change_retranslates_only_their_units() {
    // "Translates" by prefixing, so a term it is sent comes back in
    // Japanese: only substitution can put the required translation there.
    let libre = LibreTranslate::prefixing("[MT] ");
    let provider = libre.start().await;
    let uri = provider.uri();
    let server =
        TestServer::start_with_env(&[("HONYAKU__PROVIDERS__LIBRETRANSLATE__BASE_URL", &uri)]).await;
    let en = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    assert_eq!(
        put_term(&server, &en, "en", COOP, COOP_EN).await.status(),
        200
    );
    assert_eq!(
        put_term(&server, &en, "en", MHLW, MHLW_EN).await.status(),
        200
    );

    let texts = [
        "労働者協同組合に係るオンラインセミナーを開催します。",
        "厚生労働省の担当者が説明します。",
        "参加費は無料です。",
    ];
    let out = translate(&server, &texts).await;
    assert_eq!(
        out[0],
        format!(
            "[MT] workers' cooperative{}",
            pseudo("に係るオンラインセミナーを開催します。", "en")
        )
    );
    assert_eq!(
        out[1],
        format!(
            "[MT] Ministry of Health, Labour and Welfare{}",
            pseudo("の担当者が説明します。", "en")
        )
    );
    assert_eq!(
        out[2],
        format!("[MT] {}", pseudo("参加費は無料です。", "en"))
    );
    // The provider never saw the terms, only protected placeholders.
    {
        let sent = libre.texts();
        assert_eq!(sent.len(), 3);
        assert!(
            sent.iter().all(|t| !t.contains(COOP) && !t.contains(MHLW)),
            "{sent:?}"
        );
    }

    // Unchanged glossary: nothing is sent again.
    translate(&server, &texts).await;
    assert_eq!(libre.texts().len(), 3);

    // Changing one term re-translates the one unit that contains it.
    assert_eq!(
        put_term(&server, &en, "en", COOP, "worker cooperative")
            .await
            .status(),
        200
    );
    let out = translate(&server, &texts).await;
    assert_eq!(
        out[0],
        format!(
            "[MT] worker cooperative{}",
            pseudo("に係るオンラインセミナーを開催します。", "en")
        )
    );
    assert_eq!(
        out[1],
        format!(
            "[MT] Ministry of Health, Labour and Welfare{}",
            pseudo("の担当者が説明します。", "en")
        )
    );
    assert_eq!(
        libre.texts().len(),
        4,
        "only the unit with the changed term"
    );

    // A term added that occurs nowhere re-translates nothing.
    assert_eq!(
        put_term(&server, &en, "en", "令和", "Reiwa").await.status(),
        200
    );
    translate(&server, &texts).await;
    assert_eq!(libre.texts().len(), 4);
}

/// A DeepL stand-in: creates glossaries and, when a translation names one,
/// applies it, except that it "forgets" 厚生労働省, as a real engine might
/// when the sentence gets in the way.
struct FakeDeepl {
    translate_bodies: Arc<Mutex<Vec<Value>>>,
}

impl Respond for FakeDeepl {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        self.translate_bodies.lock().unwrap().push(body.clone());
        let with_glossary = body.get("glossary_id").is_some();
        let out: Vec<Value> = body["text"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                let mut text = t.as_str().unwrap().to_owned();
                if with_glossary {
                    text = text.replace(COOP, COOP_EN);
                }
                let text = format!(
                    "[DeepL] {}",
                    pseudo(&text, body["target_lang"].as_str().unwrap())
                );
                json!({"detected_source_language": "JA", "text": text})
            })
            .collect();
        ResponseTemplate::new(200).set_body_json(json!({ "translations": out }))
    }
}

#[tokio::test]
async fn glossary_deepl_gets_its_own_glossary_and_missed_terms_are_substituted() {
    let deepl = MockServer::start().await;
    let created = json!({
        "glossary_id": "def3a26b-3e84-45b3-84ae-0c0aaf3525f7",
        "name": "honyaku en",
        "dictionaries": [{"source_lang": "ja", "target_lang": "en", "entry_count": 2}],
        "creation_time": "2025-07-01T00:00:00.000Z"
    });
    Mock::given(method("POST"))
        .and(path("/v3/glossaries"))
        .respond_with(ResponseTemplate::new(201).set_body_json(created))
        .mount(&deepl)
        .await;
    let bodies = Arc::new(Mutex::new(Vec::new()));
    Mock::given(method("POST"))
        .and(path("/v2/translate"))
        .respond_with(FakeDeepl {
            translate_bodies: bodies.clone(),
        })
        .mount(&deepl)
        .await;
    let uri = deepl.uri();
    let server = TestServer::start_with_env(&[
        ("HONYAKU__PROVIDERS__DEEPL__AUTH_KEY", "test-key:fx"),
        ("HONYAKU__PROVIDERS__DEEPL__BASE_URL", &uri),
    ])
    .await;
    let en = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    put_term(&server, &en, "en", COOP, COOP_EN).await;
    put_term(&server, &en, "en", MHLW, MHLW_EN).await;

    let out = translate(
        &server,
        &[
            "労働者協同組合のセミナーです。",
            "厚生労働省が主催します。",
            "参加費は無料です。",
        ],
    )
    .await;
    assert_eq!(
        out[0],
        format!(
            "[DeepL] workers' cooperative{}",
            pseudo("のセミナーです。", "en")
        )
    );
    assert_eq!(
        out[1],
        format!(
            "[DeepL] Ministry of Health, Labour and Welfare{}",
            pseudo("が主催します。", "en")
        ),
        "DeepL left the term out: the unit was sent again with it substituted"
    );
    assert_eq!(
        out[2],
        format!("[DeepL] {}", pseudo("参加費は無料です。", "en"))
    );

    // The glossary, created once with the spec's wire format.
    let requests = deepl.received_requests().await.unwrap();
    let creations: Vec<&Request> = requests
        .iter()
        .filter(|r| r.url.path() == "/v3/glossaries" && r.method.as_str() == "POST")
        .collect();
    assert_eq!(creations.len(), 1);
    let create: Value = serde_json::from_slice(&creations[0].body).unwrap();
    assert_eq!(
        creations[0].headers["authorization"],
        "DeepL-Auth-Key test-key:fx"
    );
    assert!(create["name"].as_str().unwrap().starts_with("honyaku en "));
    assert_eq!(
        create["dictionaries"],
        json!([{
            "source_lang": "ja",
            "target_lang": "en",
            "entries": "労働者協同組合\tworkers' cooperative\n厚生労働省\tMinistry of Health, Labour and Welfare\n",
            "entries_format": "tsv"
        }])
    );

    // First the text as written with the glossary (and source_lang, which
    // a glossary requires), then the one missed unit substituted, without.
    let bodies = bodies.lock().unwrap();
    assert_eq!(bodies.len(), 2, "{bodies:?}");
    assert_eq!(
        bodies[0]["glossary_id"],
        "def3a26b-3e84-45b3-84ae-0c0aaf3525f7"
    );
    assert_eq!(bodies[0]["source_lang"], "JA");
    assert_eq!(bodies[0]["target_lang"], "EN-US");
    assert_eq!(bodies[0]["text"][0], "労働者協同組合のセミナーです。");
    assert!(bodies[1].get("glossary_id").is_none());
    assert_eq!(bodies[1]["text"].as_array().unwrap().len(), 1);
    let resent = bodies[1]["text"][0].as_str().unwrap();
    assert!(
        resent.starts_with("<p1/>") && !resent.contains(MHLW),
        "{resent}"
    );
}

#[tokio::test]
async fn glossary_deepl_glossary_is_recreated_when_entries_change() {
    let deepl = MockServer::start().await;
    let ids = Arc::new(Mutex::new(0u32));
    struct Create(Arc<Mutex<u32>>);
    impl Respond for Create {
        fn respond(&self, _: &Request) -> ResponseTemplate {
            let mut n = self.0.lock().unwrap();
            *n += 1;
            ResponseTemplate::new(201).set_body_json(json!({"glossary_id": format!("g{n}")}))
        }
    }
    Mock::given(method("POST"))
        .and(path("/v3/glossaries"))
        .respond_with(Create(ids.clone()))
        .mount(&deepl)
        .await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&deepl)
        .await;
    let bodies = Arc::new(Mutex::new(Vec::new()));
    Mock::given(method("POST"))
        .and(path("/v2/translate"))
        .respond_with(FakeDeepl {
            translate_bodies: bodies.clone(),
        })
        .mount(&deepl)
        .await;
    let uri = deepl.uri();
    let server = TestServer::start_with_env(&[
        ("HONYAKU__PROVIDERS__DEEPL__AUTH_KEY", "test-key:fx"),
        ("HONYAKU__PROVIDERS__DEEPL__BASE_URL", &uri),
    ])
    .await;
    let en = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    put_term(&server, &en, "en", COOP, COOP_EN).await;
    translate(&server, &["労働者協同組合です。"]).await;
    put_term(&server, &en, "en", "協同組合", "cooperative").await;
    // The unit's own term did not change: served from memory, no request.
    translate(&server, &["労働者協同組合です。"]).await;
    assert_eq!(*ids.lock().unwrap(), 1);
    translate(&server, &["協同組合です。"]).await;
    assert_eq!(*ids.lock().unwrap(), 2, "new entries, new glossary");
    let requests = deepl.received_requests().await.unwrap();
    let deleted: Vec<&str> = requests
        .iter()
        .filter(|r| r.method.as_str() == "DELETE")
        .map(|r| r.url.path())
        .collect();
    assert_eq!(deleted, ["/v3/glossaries/g1"]);
    // (The stand-in knows only 労働者協同組合, so the last unit was then
    // also sent substituted; the glossary request came first.)
    let bodies = bodies.lock().unwrap();
    let glossary_ids: Vec<&Value> = bodies.iter().map(|b| &b["glossary_id"]).collect();
    assert_eq!(glossary_ids, [&json!("g1"), &json!("g2"), &Value::Null]);
}

/// DeepL's glossaries as a stand-in account keeps them: created by POST,
/// listed by GET, removed by DELETE.
#[derive(Clone, Default)]
struct GlossaryAccount(Arc<Mutex<Vec<(String, String)>>>);

impl Respond for GlossaryAccount {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let mut glossaries = self.0.lock().unwrap();
        match request.method.as_str() {
            "POST" => {
                let body: Value = serde_json::from_slice(&request.body).unwrap();
                let id = format!("created-{}", glossaries.len() + 1);
                glossaries.push((id.clone(), body["name"].as_str().unwrap().to_owned()));
                ResponseTemplate::new(201).set_body_json(json!({"glossary_id": id}))
            }
            "DELETE" => {
                let id = request.url.path().rsplit('/').next().unwrap().to_owned();
                glossaries.retain(|(g, _)| *g != id);
                ResponseTemplate::new(204)
            }
            _ => {
                let listed: Vec<Value> = glossaries
                    .iter()
                    .map(|(id, name)| json!({"glossary_id": id, "name": name, "dictionaries": []}))
                    .collect();
                ResponseTemplate::new(200).set_body_json(json!({ "glossaries": listed }))
            }
        }
    }
}

#[tokio::test]
async fn glossary_deepl_glossary_made_before_a_restart_is_reused_and_stale_ones_removed() {
    let deepl = MockServer::start().await;
    let account = GlossaryAccount::default();
    // Left by an earlier version of the glossary, and someone else's.
    account.0.lock().unwrap().extend([
        ("stale".to_owned(), "honyaku en 0000000000000001".to_owned()),
        ("theirs".to_owned(), "Marketing terms".to_owned()),
    ]);
    Mock::given(path_regex("^/v3/glossaries"))
        .respond_with(account.clone())
        .mount(&deepl)
        .await;
    let bodies = Arc::new(Mutex::new(Vec::new()));
    Mock::given(method("POST"))
        .and(path("/v2/translate"))
        .respond_with(FakeDeepl {
            translate_bodies: bodies.clone(),
        })
        .mount(&deepl)
        .await;
    let uri = deepl.uri();
    let data = tempfile::tempdir().unwrap();
    let db = data.path().join("honyaku.sqlite3");
    let env = [
        ("HONYAKU__PROVIDERS__DEEPL__AUTH_KEY", "test-key:fx"),
        ("HONYAKU__PROVIDERS__DEEPL__BASE_URL", uri.as_str()),
        ("HONYAKU__STORE__URL", db.to_str().unwrap()),
    ];
    let server = TestServer::start_with_env(&env).await;
    let en = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    put_term(&server, &en, "en", COOP, COOP_EN).await;
    translate(&server, &["労働者協同組合です。"]).await;
    server.stop().await;
    let after_first = account.0.lock().unwrap().clone();
    assert_eq!(after_first.len(), 2, "{after_first:?}");
    assert_eq!(
        after_first[0].0, "theirs",
        "someone else's glossary is kept"
    );
    let (made, name) = after_first[1].clone();
    assert!(name.starts_with("honyaku en ") && name != "honyaku en 0000000000000001");

    // A restart: the glossary is found by name, not made again.
    let server = TestServer::start_with_env(&env).await;
    translate(&server, &["労働者協同組合の説明会です。"]).await;
    let posts = deepl
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.method.as_str() == "POST" && r.url.path() == "/v3/glossaries")
        .count();
    assert_eq!(posts, 1);
    let bodies = bodies.lock().unwrap();
    assert_eq!(bodies.last().unwrap()["glossary_id"], made.as_str());
}

/// DeepL's translate endpoint that refuses a glossary id the stand-in
/// account no longer has, as DeepL answers 404 for a deleted glossary.
struct CheckingDeepl {
    account: GlossaryAccount,
    inner: FakeDeepl,
}

impl Respond for CheckingDeepl {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        if let Some(id) = body.get("glossary_id").and_then(Value::as_str) {
            let known = self.account.0.lock().unwrap().iter().any(|(g, _)| g == id);
            if !known {
                return ResponseTemplate::new(404).set_body_json(json!({"message": "Not found"}));
            }
        }
        self.inner.respond(request)
    }
}

#[tokio::test]
async fn glossary_deepl_glossary_deleted_elsewhere_is_made_again() {
    let deepl = MockServer::start().await;
    let account = GlossaryAccount::default();
    Mock::given(path_regex("^/v3/glossaries"))
        .respond_with(account.clone())
        .mount(&deepl)
        .await;
    let bodies = Arc::new(Mutex::new(Vec::new()));
    Mock::given(method("POST"))
        .and(path("/v2/translate"))
        .respond_with(CheckingDeepl {
            account: account.clone(),
            inner: FakeDeepl {
                translate_bodies: bodies.clone(),
            },
        })
        .mount(&deepl)
        .await;
    let uri = deepl.uri();
    let server = TestServer::start_with_env(&[
        ("HONYAKU__PROVIDERS__DEEPL__AUTH_KEY", "test-key:fx"),
        ("HONYAKU__PROVIDERS__DEEPL__BASE_URL", &uri),
    ])
    .await;
    let en = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    put_term(&server, &en, "en", COOP, COOP_EN).await;
    translate(&server, &["労働者協同組合です。"]).await;
    // Another instance (or someone at the DeepL console) deletes it.
    account.0.lock().unwrap().clear();
    let out = translate(&server, &["労働者協同組合の説明会です。"]).await;
    assert_eq!(
        out[0],
        format!(
            "[DeepL] workers' cooperative{}",
            pseudo("の説明会です。", "en")
        )
    );
    assert_eq!(account.0.lock().unwrap().len(), 1, "made again");
    let last = bodies.lock().unwrap().last().unwrap().clone();
    assert_eq!(last["glossary_id"], account.0.lock().unwrap()[0].0.as_str());
}
