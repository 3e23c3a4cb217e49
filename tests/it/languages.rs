//! Languages from configuration, end to end: a language only a config file
//! defines, a language removed from it, negotiation by tags and aliases, the
//! provider chain choosing per language what each provider serves, the
//! links to untranslated documents, and やさしい日本語.

use scraper::{Html, Selector};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use crate::support::{
    LibreTranslate, SLUG, TestServer, api_error, header, japanese_only_content, pseudo,
    translation_requests,
};

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

fn attr<'a>(doc: &'a Html, css: &str, name: &str) -> Vec<&'a str> {
    select(doc, css)
        .into_iter()
        .filter_map(|e| e.value().attr(name))
        .collect()
}

/// The `target` of every LibreTranslate translation request.
async fn libre_targets(server: &MockServer) -> Vec<String> {
    translation_requests(server)
        .await
        .iter()
        .map(|r| {
            let body: Value = serde_json::from_slice(&r.body).unwrap();
            body["target"].as_str().unwrap().to_owned()
        })
        .collect()
}

/// German, defined in a config file only: no locale, no bundled translation.
const GERMAN: &str = r#"
[languages]
targets = ["en", "zh-Hans", "zh-Hant", "ko", "de"]

[languages.known.de]
endonym = "Deutsch"
name = "German"
"#;

#[tokio::test]
async fn a_language_only_a_config_file_defines_is_served_with_english_chrome() {
    let content = japanese_only_content();
    let mt = LibreTranslate::prefixing("[MT] ");
    let provider = mt.start().await;
    let server = TestServer::start_with_file(
        GERMAN,
        &[
            ("HONYAKU__CONTENT__DIR", content.path().to_str().unwrap()),
            (
                "HONYAKU__PROVIDERS__LIBRETRANSLATE__BASE_URL",
                &provider.uri(),
            ),
        ],
    )
    .await;

    let response = server.get(&format!("/de/{SLUG}")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-language"), "de");
    let html = response.text().await.unwrap();
    let doc = Html::parse_document(&html);
    assert_eq!(attr(&doc, "html", "lang"), ["de"]);
    // Translated by the local provider, which was sent its code for German.
    assert_eq!(libre_targets(&provider).await, ["de"]);
    let units = select(&doc, "article [data-origin='machine']");
    assert!(units.len() > 20, "{}", units.len());
    assert!(units[0].text().collect::<String>().starts_with("[MT] "));
    // English chrome, marked so: header, breadcrumb, disclaimer, meta,
    // contact heading, footer. The translated content inherits German.
    for css in [
        "a.skip-link",
        ".site-header .brand",
        "#switcher-label",
        "nav.breadcrumb",
        "aside.disclaimer",
        "p.meta",
        "#contact-heading",
        "footer.site-footer",
    ] {
        assert_eq!(attr(&doc, css, "lang"), ["en"], "{css}");
    }
    let heading: String = select(&doc, "#disclaimer-heading")[0].text().collect();
    assert_eq!(heading, "About machine translation");
    assert!(select(&doc, "article")[0].value().attr("lang").is_none());
    // In the switcher, by its endonym, with no title the locales lack.
    let entry = select(&doc, "nav.switcher a[hreflang='de']");
    assert_eq!(entry.len(), 1);
    assert_eq!(entry[0].text().collect::<String>(), "Deutsch");
    assert_eq!(entry[0].value().attr("title"), None);
    assert_eq!(entry[0].value().attr("aria-current"), Some("true"));
    // In hreflang, on its own page and on the original.
    let ja = Html::parse_document(&server.text(&format!("/ja/{SLUG}")).await);
    for doc in [&doc, &ja] {
        let alternates = attr(doc, "link[rel='alternate']", "hreflang");
        assert_eq!(
            alternates,
            ["ja", "en", "zh-Hans", "zh-Hant", "ko", "de", "x-default"]
        );
    }
    assert_eq!(
        attr(&ja, "nav.switcher a[hreflang='de']", "href"),
        [format!("/set-language/de?next=/{SLUG}")]
    );
    // The start-up report: served by LibreTranslate, no locale.
    let status = server
        .app
        .language_statuses()
        .into_iter()
        .find(|s| s.lang.code() == "de")
        .unwrap();
    assert_eq!(status.providers, ["libretranslate"]);
    assert!(!status.has_locale);
    assert_eq!(server.app.locales.fallbacks(), 0);
    server.stop().await;
}

#[tokio::test]
async fn a_language_removed_from_the_config_is_gone_everywhere() {
    let server = TestServer::start_with_file(
        "[languages]\ntargets = [\"en\", \"zh-Hans\", \"zh-Hant\"]\n",
        &[],
    )
    .await;
    // No pages, no switcher entry, no hreflang.
    assert_eq!(server.get("/ko/").await.status(), 404);
    assert_eq!(server.get(&format!("/ko/{SLUG}")).await.status(), 404);
    let doc = Html::parse_document(&server.text(&format!("/ja/{SLUG}")).await);
    assert!(select(&doc, "nav.switcher a[hreflang='ko']").is_empty());
    assert_eq!(select(&doc, "nav.switcher a").len(), 4);
    assert!(!attr(&doc, "link[rel='alternate']", "hreflang").contains(&"ko"));
    // Negotiation and the cookie pass over it.
    let root = server
        .get_with("/", &[("accept-language", "ko-KR,ko;q=0.9")])
        .await;
    assert_eq!(header(&root, "location"), "/ja/");
    let root = server.get_with("/", &[("cookie", "honyaku_lang=ko")]).await;
    assert_eq!(header(&root, "location"), "/ja/");
    // The API's language enum, and the API itself.
    let openapi = server.json("/api/openapi.json").await;
    assert_eq!(
        openapi["components"]["schemas"]["TargetLanguage"]["enum"],
        json!(["en", "zh-Hans", "zh-Hant"])
    );
    assert_eq!(
        openapi["components"]["schemas"]["TranslateRequest"]["properties"]["target"]["enum"],
        json!(["en", "zh-Hans", "zh-Hant"])
    );
    let refused = server
        .client
        .post(server.url("/api/v1/translate"))
        .header("accept", "application/json")
        .json(&json!({"target": "ko", "texts": ["はい"]}))
        .send()
        .await
        .unwrap();
    let (status, code, message) = api_error(refused).await;
    assert_eq!((status, code.as_str()), (400, "unsupported_language"));
    assert!(message.contains("ja, en, zh-Hans, zh-Hant"), "{message}");
    // The proxy and its J-SERVER alias.
    assert_eq!(
        server
            .get("/proxy/ko/https://www.mhlw.go.jp/")
            .await
            .status(),
        404
    );
    assert_eq!(
        server
            .get("/LUCMHLW/ns/tl.cgi/https://www.mhlw.go.jp/?SLANG=ja&TLANG=ko")
            .await
            .status(),
        404
    );
    // The editor offers it neither as a language of its own nor to edit.
    let token = crate::support::translator(&server, "kim", honyaku::model::Role::Admin, &[]).await;
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
    assert_eq!(pages["languages"], json!(["en", "zh-Hans", "zh-Hant"]));
    let login = server
        .client
        .post(server.url("/translators/login"))
        .header("accept-language", "en")
        .form(&[("token", token.as_str())])
        .send()
        .await
        .unwrap();
    let session = header(&login, "set-cookie")
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let home = server
        .get_with(
            "/translators/",
            &[("cookie", session.as_str()), ("accept-language", "ko")],
        )
        .await;
    assert_eq!(home.status(), 200);
    let home = Html::parse_document(&home.text().await.unwrap());
    let offered: Vec<String> = select(&home, "select option")
        .iter()
        .filter_map(|o| o.value().attr("value").map(str::to_owned))
        .collect();
    assert!(!offered.is_empty());
    assert!(!offered.iter().any(|v| v == "ko"), "{offered:?}");
    assert!(select(&home, "nav.switcher a[hreflang='ko']").is_empty());
    server.stop().await;
}

/// Every shipped language and Easy Japanese.
pub(crate) const ALL_SHIPPED: &str = r#"
[languages]
targets = ["en", "zh-Hans", "zh-Hant", "ko", "vi", "fil", "pt-BR", "ne", "id", "my", "th", "es", "ja-x-easy"]
"#;

#[tokio::test]
async fn readers_reach_the_new_languages_by_tags_and_aliases() {
    let server = TestServer::start_with_file(ALL_SHIPPED, &[]).await;
    for (accept, want) in [
        ("pt", "/pt-BR/"),
        ("pt-PT,pt;q=0.9", "/pt-BR/"),
        ("pt-BR", "/pt-BR/"),
        ("tl", "/fil/"),
        ("fil-PH", "/fil/"),
        ("es-419,es;q=0.9", "/es/"),
        ("es-MX", "/es/"),
        ("my-MM", "/my/"),
        ("vi-VN,vi;q=0.9,en;q=0.5", "/vi/"),
        ("ne-NP", "/ne/"),
        ("id-ID", "/id/"),
        ("th-TH", "/th/"),
        ("de-DE, fr;q=0.8, sw;q=0.5", "/ja/"),
        ("xx-YY, qaa;q=0.5", "/ja/"),
        ("ja-JP", "/ja/"),
    ] {
        let response = server.get_with("/", &[("accept-language", accept)]).await;
        assert_eq!(response.status(), 302, "{accept}");
        assert_eq!(header(&response, "location"), want, "{accept}");
    }
    // Tags and aliases in the URL lead to the language's own prefix.
    for (from, to) in [
        ("/pt/", "/pt-BR/"),
        ("/tl/", "/fil/"),
        ("/PT-br/", "/pt-BR/"),
        ("/fil-PH/", "/fil/"),
        ("/ja-x-easy/", "/easy/"),
    ] {
        let response = server.get(from).await;
        assert_eq!(response.status(), 308, "{from}");
        assert_eq!(header(&response, "location"), to, "{from}");
    }
    // Every new language's pages speak their own chrome.
    for (prefix, lang, label) in [
        ("vi", "vi", "Ngôn ngữ"),
        ("fil", "fil", "Wika"),
        ("pt-BR", "pt-BR", "Idioma"),
        ("ne", "ne", "भाषा"),
        ("id", "id", "Bahasa"),
        ("my", "my", "ဘာသာစကား"),
        ("th", "th", "ภาษา"),
        ("es", "es", "Idioma"),
        ("easy", "ja", "ことば"),
    ] {
        let doc = Html::parse_document(&server.text(&format!("/{prefix}/")).await);
        assert_eq!(attr(&doc, "html", "lang"), [lang], "{prefix}");
        let switcher: String = select(&doc, "#switcher-label")[0].text().collect();
        assert_eq!(switcher, label, "{prefix}");
        assert!(
            select(&doc, "#switcher-label")[0]
                .value()
                .attr("lang")
                .is_none()
        );
        assert_eq!(select(&doc, "nav.switcher a").len(), 14, "{prefix}");
    }
    assert_eq!(server.app.locales.fallbacks(), 0);
    server.stop().await;
}

/// A DeepL stand-in answering with an honest pseudo-translation into its
/// `target_lang`, and recording what it was sent.
fn deepl_pseudo(request: &Request) -> ResponseTemplate {
    let body: Value = serde_json::from_slice(&request.body).unwrap();
    let target = body["target_lang"].as_str().unwrap();
    let texts: Vec<String> = serde_json::from_value(body["text"].clone()).unwrap();
    let translations: Vec<Value> = texts
        .iter()
        .map(|t| json!({"detected_source_language": "JA", "text": pseudo(t, target)}))
        .collect();
    ResponseTemplate::new(200).set_body_json(json!({ "translations": translations }))
}

/// DeepL first, LibreTranslate second. Thai: DeepL takes only the units
/// without markup (it has no tag handling for Thai), LibreTranslate the
/// others. Vietnamese: LibreTranslate has no Vietnamese model and is
/// skipped, so the units with markup stay Japanese.
#[tokio::test]
async fn the_chain_gives_each_provider_what_it_serves_for_the_language() {
    let content = japanese_only_content();
    let deepl = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v2/translate"))
        .respond_with(deepl_pseudo)
        .mount(&deepl)
        .await;
    let libre = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/languages"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([
            {"code": "ja", "name": "Japanese", "targets": ["en", "ja", "th", "tl"]}
        ])))
        .mount(&libre)
        .await;
    LibreTranslate::pseudo().mount(&libre).await;
    let server = TestServer::start_with_file(
        "[languages]\ntargets = [\"th\", \"vi\"]\n",
        &[
            ("HONYAKU__CONTENT__DIR", content.path().to_str().unwrap()),
            ("HONYAKU__PROVIDERS__DEEPL__AUTH_KEY", "test-key:fx"),
            ("HONYAKU__PROVIDERS__DEEPL__BASE_URL", &deepl.uri()),
            ("HONYAKU__PROVIDERS__LIBRETRANSLATE__BASE_URL", &libre.uri()),
            (
                "HONYAKU__PROVIDERS__ORDER",
                "[\"deepl\", \"libretranslate\"]",
            ),
        ],
    )
    .await;
    let statuses = server.app.language_statuses();
    assert_eq!(statuses[0].lang.code(), "th");
    assert_eq!(statuses[0].providers, ["deepl", "libretranslate"]);
    assert_eq!(statuses[1].lang.code(), "vi");
    assert_eq!(statuses[1].providers, ["deepl"], "LibreTranslate has no vi");

    let th = Html::parse_document(&server.text(&format!("/th/{SLUG}")).await);
    let left: Vec<String> = select(&th, "[data-origin='source']")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    let metrics = server.text("/metrics").await;
    let qa: Vec<&str> = metrics
        .lines()
        .filter(|l| l.starts_with("honyaku_qa_rejections_total{"))
        .collect();
    assert!(left.is_empty(), "all translated: {left:?} {qa:?}");
    let sent = translation_requests(&deepl).await;
    assert!(!sent.is_empty());
    for request in &sent {
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        assert_eq!(body["target_lang"], "TH");
        assert_eq!(body.get("tag_handling"), None);
        for text in body["text"].as_array().unwrap() {
            assert!(!text.as_str().unwrap().contains('<'), "{text}");
        }
    }
    assert_eq!(libre_targets(&libre).await, ["th"], "the units with markup");
    let provenance: String = select(&th, "aside.disclaimer p")[0].text().collect();
    assert!(provenance.contains("DeepL") && provenance.contains("LibreTranslate"));

    let vi = Html::parse_document(&server.text(&format!("/vi/{SLUG}")).await);
    assert_eq!(libre_targets(&libre).await, ["th"], "nothing asked in vi");
    let vi_requests: Vec<Value> = translation_requests(&deepl)
        .await
        .iter()
        .map(|r| serde_json::from_slice::<Value>(&r.body).unwrap())
        .filter(|b| b["target_lang"] == "VI")
        .collect();
    assert!(!vi_requests.is_empty());
    assert!(!select(&vi, "article [data-origin='machine']").is_empty());
    assert!(
        !select(&vi, "article [data-origin='source'][lang='ja']").is_empty(),
        "units with markup stay Japanese"
    );
    assert_eq!(select(&vi, "aside.disclaimer .partial").len(), 1);
    server.stop().await;
}

/// Links to documents honyaku does not translate say so in the reader's
/// language; the Japanese page and a reader's Japanese need no such mark.
#[tokio::test]
async fn links_to_untranslated_documents_are_marked_japanese() {
    let server = TestServer::start_with_file(ALL_SHIPPED, &[]).await;
    let en = Html::parse_document(&server.text(&format!("/en/{SLUG}")).await);
    let marks = select(&en, "article a[hreflang='ja'] .japanese-only");
    assert_eq!(marks.len(), 3, "the leaflet and the special site, twice");
    assert_eq!(marks[0].text().collect::<String>(), "(Japanese)");
    let ja = Html::parse_document(&server.text(&format!("/ja/{SLUG}")).await);
    assert!(select(&ja, ".japanese-only").is_empty());
    // Every new language says it in its own words, Easy Japanese that the
    // document is not in Easy Japanese.
    for (prefix, mark) in [
        ("vi", "(tiếng Nhật)"),
        ("th", "(ภาษาญี่ปุ่น)"),
        ("my", "(ဂျပန်ဘာသာ)"),
        ("easy", "（やさしい日本語（にほんご）では ありません）"),
    ] {
        let doc = Html::parse_document(&server.text(&format!("/{prefix}/{SLUG}")).await);
        let marks = select(&doc, "article a[hreflang='ja'] .japanese-only");
        assert_eq!(marks.len(), 3, "{prefix}");
        assert_eq!(marks[0].text().collect::<String>(), mark, "{prefix}");
    }
    server.stop().await;
}

/// A local OpenAI-compatible server that "rewrites" each unit by adding a
/// reading-like tail: short units pass the QA gate, a unit made of long
/// sentences does not (its sentences are not shorter), and is served in
/// the original Japanese.
fn easy_rewrite(request: &Request) -> ResponseTemplate {
    let body: Value = serde_json::from_slice(&request.body).unwrap();
    let units: Vec<String> =
        serde_json::from_str(body["messages"][1]["content"].as_str().unwrap()).unwrap();
    let out: Vec<String> = units.iter().map(|u| format!("{u}（やさしく）")).collect();
    ResponseTemplate::new(200).set_body_json(json!({
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": json!({"translations": out}).to_string()},
            "finish_reason": "stop"
        }]
    }))
}

#[tokio::test]
async fn easy_japanese_is_written_by_the_model_and_kept_out_of_hreflang() {
    let model = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/chat/completions"))
        .respond_with(easy_rewrite)
        .mount(&model)
        .await;
    let server = TestServer::start_with_file(
        "[languages]\ntargets = [\"en\", \"ja-x-easy\"]\n",
        &[
            (
                "HONYAKU__PROVIDERS__OPENAI__BASE_URL",
                &format!("{}/v1", model.uri()),
            ),
            ("HONYAKU__PROVIDERS__OPENAI__MODEL", "test-model"),
        ],
    )
    .await;
    let response = server.get(&format!("/easy/{SLUG}")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-language"), "ja");
    let html = response.text().await.unwrap();
    let doc = Html::parse_document(&html);
    assert_eq!(attr(&doc, "html", "lang"), ["ja"]);
    // Its own entry in the switcher, no hreflang of its own anywhere.
    let entry = select(&doc, "nav.switcher a[href^='/set-language/easy']");
    assert_eq!(entry.len(), 1);
    assert_eq!(entry[0].text().collect::<String>(), "やさしい日本語");
    assert!(attr(&doc, "link[rel='alternate']", "hreflang").is_empty());
    let ja = Html::parse_document(&server.text(&format!("/ja/{SLUG}")).await);
    assert_eq!(
        attr(&ja, "link[rel='alternate']", "hreflang"),
        ["ja", "en", "x-default"]
    );
    // The prompt sent follows the guidelines.
    let requests = translation_requests(&model).await;
    assert!(!requests.is_empty());
    let body: Value = serde_json::from_slice(&requests[0].body).unwrap();
    let prompt = body["messages"][0]["content"].as_str().unwrap();
    for rule in [
        "やさしい日本語",
        "ガイドライン",
        "No honorifics",
        "2025年（令和7年）",
    ] {
        assert!(prompt.contains(rule), "{rule}: {prompt}");
    }
    // Short units are rewritten; dates are rendered with the era in
    // brackets and times with 午前/午後 and から/まで.
    let rewritten = select(&doc, "article [data-origin='machine']");
    assert!(!rewritten.is_empty());
    assert!(html.contains("2025年（令和7年）7月23日（水曜日）午後2時から午後4時まで"));
    // A long paragraph whose sentences did not get shorter is refused by
    // the QA gate and served as the original Japanese.
    let long = "地域おこし協力隊が労働者協同組合の周知";
    let kept: Vec<_> = select(&doc, "article [data-origin='source']")
        .into_iter()
        .filter(|e| e.text().collect::<String>().contains(long))
        .collect();
    assert_eq!(kept.len(), 1, "the long paragraph is the Japanese");
    assert_eq!(kept[0].value().attr("lang"), Some("ja"));
    assert!(!html.contains(&format!("{long}の周知（やさしく）")));
    let metrics = server.text("/metrics").await;
    assert!(
        metrics.contains("reason=\"sentences\",lang=\"ja-x-easy\""),
        "{metrics}"
    );
    server.stop().await;
}

/// Mistakes in `[languages]` stop the service before it starts, and the
/// message names the key and what to do: a provider code outside the
/// provider's documented table, a prefix two languages share, a tag that
/// does not parse.
#[test]
fn mistakes_in_the_languages_stop_start_up_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("honyaku.toml");
    for (toml, key, words) in [
        (
            "[languages]\ntargets = [\"en\", \"de\"]\n[languages.known]\nde = { endonym = \"Deutsch\", codes = { deepl = \"GERMAN\" } }\n",
            "languages.known.de.codes.deepl",
            "not in DeepL's documented list",
        ),
        (
            "[languages]\ntargets = [\"fil\"]\n[languages.known]\nfil = { endonym = \"Filipino\", codes = { azure = \"tl\" } }\n",
            "languages.known.fil.codes.azure",
            "not in Azure's documented list",
        ),
        (
            "[languages]\ntargets = [\"en\", \"de\"]\n[languages.known]\nde = { endonym = \"Deutsch\", prefix = \"en\" }\n",
            "languages.known.de.prefix",
            "also the prefix of en",
        ),
        (
            "[languages]\ntargets = [\"en\", \"português\"]\n",
            "languages.targets",
            "not a BCP 47",
        ),
    ] {
        std::fs::write(&file, toml).unwrap();
        for command in ["check-config", "serve"] {
            let output = crate::cli::honyaku()
                .args([command, "--config"])
                .arg(&file)
                .env("HONYAKU__SERVER__ADDR", "127.0.0.1:0")
                .output()
                .unwrap();
            assert_eq!(output.status.code(), Some(2), "{command}: {toml}");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(
                stderr.contains(key) && stderr.contains(words),
                "{command}: {toml}: {stderr}"
            );
        }
    }
}

/// `index = false`: the language's pages ask not to be indexed and it
/// leaves the hreflang set, but readers still find it in the switcher.
#[tokio::test]
async fn a_language_not_to_be_indexed_says_noindex_and_leaves_hreflang() {
    let server = TestServer::start_with_file(
        ALL_SHIPPED,
        &[("HONYAKU__LANGUAGES__KNOWN__TH__INDEX", "false")],
    )
    .await;
    let th = Html::parse_document(&server.text(&format!("/th/{SLUG}")).await);
    assert_eq!(attr(&th, "meta[name='robots']", "content"), ["noindex"]);
    let vi = Html::parse_document(&server.text(&format!("/vi/{SLUG}")).await);
    assert!(select(&vi, "meta[name='robots']").is_empty());
    // The set on the others' pages has no Thai; the Thai page, outside
    // the set, lists none.
    let alternates = attr(&vi, "link[rel='alternate']", "hreflang");
    assert!(!alternates.contains(&"th"), "{alternates:?}");
    assert!(alternates.contains(&"vi") && alternates.contains(&"my"));
    assert!(attr(&th, "link[rel='alternate']", "hreflang").is_empty());
    for doc in [&th, &vi] {
        assert_eq!(select(doc, "nav.switcher a[hreflang='th']").len(), 1);
    }
    server.stop().await;
}

/// `honyaku warm` translates every configured language, the new ones too,
/// each by its provider code.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn warm_covers_the_configured_languages() {
    let provider = LibreTranslate::pseudo().start().await;
    let content = japanese_only_content();
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("honyaku.toml");
    std::fs::write(
        &file,
        "[languages]\ntargets = [\"th\", \"fil\", \"pt-BR\"]\n",
    )
    .unwrap();
    let env = vec![
        (
            "HONYAKU__CONTENT__DIR".to_owned(),
            content.path().to_str().unwrap().to_owned(),
        ),
        (
            "HONYAKU__STORE__URL".to_owned(),
            data.path().join("tm.sqlite3").to_str().unwrap().to_owned(),
        ),
        (
            "HONYAKU__PROVIDERS__LIBRETRANSLATE__BASE_URL".to_owned(),
            provider.uri(),
        ),
        ("HONYAKU__LOG__FILTER".to_owned(), "warn".to_owned()),
    ];
    let output = tokio::task::spawn_blocking(move || {
        crate::cli::honyaku()
            .arg("warm")
            .arg("--config")
            .arg(&file)
            .envs(env)
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    assert!(output.status.success(), "{output:?}");
    let out = String::from_utf8(output.stdout).unwrap();
    let line = |label: &str| -> u64 {
        out.lines()
            .find(|l| l.starts_with(label))
            .and_then(|l| l.split_whitespace().last())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no {label:?} in {out}"))
    };
    assert_eq!(line("pages:"), 3, "{out}");
    assert_eq!(line("not translated:"), 0, "{out}");
    let mut targets = libre_targets(&provider).await;
    targets.sort();
    assert_eq!(targets, ["pt-BR", "th", "tl"]);
}

/// The start-up log names, per language, the providers that will serve
/// it, and warns about a language none serves and one without a locale.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_start_up_log_says_who_serves_each_language() {
    let libre = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/languages"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([
            {"code": "ja", "name": "Japanese", "targets": ["en", "ja", "th"]}
        ])))
        .mount(&libre)
        .await;
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("honyaku.toml");
    std::fs::write(&file, GERMAN.replace("\"ko\", \"de\"", "\"th\", \"de\"")).unwrap();
    let store = data.path().join("tm.sqlite3");
    let base = libre.uri();
    let lines = tokio::task::spawn_blocking(move || {
        use std::io::BufRead;
        let mut child = crate::cli::honyaku()
            .args(["serve", "--addr", "127.0.0.1:0", "--config"])
            .arg(&file)
            .env("HONYAKU__STORE__URL", &store)
            .env("HONYAKU__PROVIDERS__LIBRETRANSLATE__BASE_URL", &base)
            .env("HONYAKU__LOG__FORMAT", "json")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = Vec::new();
        for line in std::io::BufReader::new(stdout).lines() {
            let line: Value = serde_json::from_str(&line.unwrap()).unwrap();
            let done = line["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("announcement:"));
            lines.push(line);
            if done {
                break;
            }
        }
        let _ = child.kill();
        let _ = child.wait();
        lines
    })
    .await
    .unwrap();
    let about = |lang: &str| -> Vec<(String, String, String)> {
        lines
            .iter()
            .filter(|l| l["target_lang"] == lang)
            .map(|l| {
                (
                    l["level"].as_str().unwrap().to_owned(),
                    l["message"].as_str().unwrap().to_owned(),
                    l["providers"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect()
    };
    let th = about("th");
    assert_eq!(th.len(), 1, "{lines:?}");
    assert_eq!(th[0].0, "INFO");
    assert!(th[0].2.contains("libretranslate"), "{th:?}");
    let de = about("de");
    assert_eq!(de.len(), 2, "{lines:?}");
    assert!(de.iter().all(|(level, ..)| level == "WARN"), "{de:?}");
    assert!(de.iter().any(|(_, m, _)| m.contains("no locale")), "{de:?}");
    assert!(
        de.iter()
            .any(|(_, m, _)| m.contains("no configured provider")),
        "{de:?}"
    );
    assert_eq!(about("en")[0].2, "[\"libretranslate\"]");
}
