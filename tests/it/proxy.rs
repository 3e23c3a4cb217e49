//! The URL proxy end to end: the real server, a local origin (wiremock on
//! 127.0.0.1, allowlisted for the test) serving project-written fixtures,
//! and a LibreTranslate-shaped provider that answers with an honest
//! pseudo-translation of its input.

use std::collections::BTreeMap;

use scraper::{Html, Selector};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{
    LibreTranslate, TestServer, error_code, pseudo, repo_path, translation_requests,
};

const PAGE: &str = "/stf/houdou/x.html";

fn fixture() -> String {
    std::fs::read_to_string(repo_path("tests/fixtures/proxy/sjis_wrong_meta.html")).unwrap()
}

/// The fixture as Shift_JIS bytes; its meta still says UTF-8.
fn shift_jis(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

struct Setup {
    server: TestServer,
    origin: MockServer,
    provider: MockServer,
    identity: LibreTranslate,
}

async fn setup() -> Setup {
    setup_with(&[], Provider::Identity).await
}

/// What stands behind the LibreTranslate URL the server is given.
#[derive(Clone, Copy, PartialEq)]
enum Provider {
    /// Answers every text with itself.
    Identity,
    /// Answers every call with a 500.
    Failing,
    /// No provider is configured at all (the stand-in is started but the
    /// server is not told of it, so a call would show there).
    None,
}

async fn setup_with(extra: &[(&str, &str)], kind: Provider) -> Setup {
    let origin = MockServer::start().await;
    let provider = MockServer::start().await;
    let identity = LibreTranslate::pseudo();
    if kind == Provider::Failing {
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(500))
            .mount(&provider)
            .await;
    } else {
        identity.mount(&provider).await;
    }
    let list = format!("[\"{}\"]", origin.uri());
    let provider_uri = provider.uri();
    let mut env = vec![
        ("HONYAKU__FETCH__ALLOWED_ORIGINS", list.as_str()),
        ("HONYAKU__FETCH__ALLOW_PRIVATE_FOR", list.as_str()),
    ];
    if kind != Provider::None {
        env.push((
            "HONYAKU__PROVIDERS__LIBRETRANSLATE__BASE_URL",
            provider_uri.as_str(),
        ));
    }
    env.extend_from_slice(extra);
    let server = TestServer::start_with_env(&env).await;
    Setup {
        server,
        origin,
        provider,
        identity,
    }
}

async fn serve_fixture(origin: &MockServer) {
    Mock::given(method("GET"))
        .and(path(PAGE))
        .and(header("if-none-match", "\"v1\""))
        .respond_with(ResponseTemplate::new(304).insert_header("etag", "\"v1\""))
        .with_priority(1)
        .mount(origin)
        .await;
    Mock::given(method("GET"))
        .and(path(PAGE))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "text/html")
                .insert_header("etag", "\"v1\"")
                .set_body_bytes(shift_jis(&fixture())),
        )
        .mount(origin)
        .await;
}

fn tag_counts(doc: &Html, skip_injected: bool) -> BTreeMap<String, usize> {
    let all = Selector::parse("body *").unwrap();
    let injected = Selector::parse(".honyaku-disclaimer *, .honyaku-switcher *").unwrap();
    let inside: Vec<_> = doc.select(&injected).map(|e| e.id()).collect();
    let mut counts = BTreeMap::new();
    for el in doc.select(&all) {
        let name = el.value().name();
        if skip_injected
            && (inside.contains(&el.id())
                || el.value().classes().any(|c| c.starts_with("honyaku-")))
        {
            continue;
        }
        *counts.entry(name.to_owned()).or_insert(0) += 1;
    }
    counts
}

fn body_text(doc: &Html, skip_injected: bool) -> String {
    let body = doc
        .select(&Selector::parse("body").unwrap())
        .next()
        .unwrap();
    let mut out = String::new();
    for node in body.descendants() {
        if let Some(text) = node.value().as_text() {
            let injected = node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| e.classes().any(|c| c.starts_with("honyaku-")))
            });
            if !(skip_injected && injected) {
                out.push_str(text);
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn proxy_translates_a_shift_jis_page_with_a_lying_meta() {
    let s = setup().await;
    serve_fixture(&s.origin).await;
    let origin = s.origin.uri();
    let response = s.server.get(&format!("/proxy/en/{origin}{PAGE}")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        crate::support::header(&response, "content-type"),
        "text/html; charset=utf-8"
    );
    assert_eq!(crate::support::header(&response, "content-language"), "en");
    assert_eq!(
        crate::support::header(&response, "cache-control"),
        "public, max-age=60"
    );
    let bytes = response.bytes().await.unwrap();
    let out = String::from_utf8(bytes.to_vec()).expect("valid UTF-8");

    // Decoded correctly before translation.
    let seen = s.identity.texts().join("\n");
    assert!(seen.contains("新型インフルエンザ対策について"), "{seen}");
    assert!(seen.contains("新しい制度"), "numeric references: {seen}");
    assert!(
        seen.contains("①会場：㈱厚生会館"),
        "CP932 extensions: {seen}"
    );

    let doc = Html::parse_document(&out);
    let one = |css: &str| doc.select(&Selector::parse(css).unwrap()).count();
    let attr = |css: &str, name: &str| -> Vec<String> {
        doc.select(&Selector::parse(css).unwrap())
            .filter_map(|e| e.value().attr(name).map(str::to_owned))
            .collect()
    };
    assert_eq!(attr("html", "lang"), vec!["en"]);
    assert_eq!(attr("meta[charset]", "charset"), vec!["utf-8"]);
    assert_eq!(one("meta[http-equiv]"), 0);
    assert_eq!(one("link[rel=alternate][hreflang]"), 5);
    assert!(
        out.starts_with("<!--"),
        "the comment before the DOCTYPE stays"
    );
    assert!(out.contains("<![CDATA["));
    assert!(out.contains("onclick=\"alert('お問い合わせ')\""));
    assert_eq!(one("olang"), 1);

    let links = attr("a[href]", "href");
    assert!(
        links.contains(&format!("/proxy/en/{origin}/stf/houdou/next.html#sec2")),
        "{links:?}"
    );
    assert!(links.contains(&"https://www.example.org/other.html".to_owned()));
    assert!(links.contains(&"#top".to_owned()));
    assert!(
        links.contains(&format!("{origin}/stf/houdou/x.html")),
        "original link"
    );
    assert!(
        links.contains(&format!("/proxy/ko/{origin}{PAGE}")),
        "switcher"
    );
    assert_eq!(
        attr("form", "action"),
        vec![format!("/proxy/en/{origin}/stf/houdou/search.cgi")]
    );
    assert_eq!(
        attr("img", "src"),
        vec![format!("{origin}/stf/houdou/images/logo.png")]
    );
    assert_eq!(
        attr("link[rel=stylesheet]", "href"),
        vec![format!("{origin}/css/style.css")]
    );
    assert_eq!(one("body > aside.honyaku-disclaimer:first-child"), 1);
    assert_eq!(one("nav.honyaku-switcher"), 1);
    assert!(out.contains("About machine translation"));

    // Translation keeps the DOM: same elements, and the same text, translated
    // (every text of the fixture's body is translatable and holds no token).
    let original = Html::parse_document(&fixture());
    assert_eq!(tag_counts(&doc, true), tag_counts(&original, false));
    assert_eq!(
        body_text(&doc, true),
        pseudo(&body_text(&original, false), "en")
    );
}

#[tokio::test]
async fn refetch_is_conditional_and_a_304_reuses_the_translation() {
    let s = setup().await;
    serve_fixture(&s.origin).await;
    let url = format!("/proxy/en/{}{PAGE}", s.origin.uri());
    let first = s.server.text(&url).await;
    let calls = translation_requests(&s.provider).await.len();
    assert!(calls > 0);
    let second = s.server.text(&url).await;
    assert_eq!(first, second);
    assert_eq!(translation_requests(&s.provider).await.len(), calls);
    let requests = s.origin.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[1].headers.get("if-none-match").unwrap(),
        "\"v1\"",
        "the refetch is conditional"
    );
}

#[tokio::test]
async fn the_jserver_form_answers_like_the_proxy() {
    let s = setup().await;
    serve_fixture(&s.origin).await;
    let origin = s.origin.uri();
    for (tlang, lang) in [
        ("en", "en"),
        ("zh", "zh-Hans"),
        ("zh-TW", "zh-Hant"),
        ("zt", "zh-Hant"),
        ("ko", "ko"),
    ] {
        let response = s
            .server
            .get(&format!(
                "/LUCMHLW/ns/tl.cgi/{origin}{PAGE}?SLANG=ja&TLANG={tlang}&XMODE=0"
            ))
            .await;
        assert_eq!(response.status(), 200, "{tlang}");
        assert_eq!(crate::support::header(&response, "content-language"), lang);
        let body = response.text().await.unwrap();
        assert!(body.contains(&format!("<html lang=\"{lang}\"")), "{tlang}");
        assert!(body.contains(&format!("/proxy/{lang}/{origin}/stf/houdou/next.html")));
    }
    let requests = s.origin.received_requests().await.unwrap();
    assert!(
        requests.iter().all(|r| r.url.query().is_none()),
        "J-SERVER parameters are ours"
    );
    // The prefix route does not swallow ordinary pages, nor they it.
    assert_eq!(s.server.get("/en/").await.status(), 200);
    let bad = s
        .server
        .get(&format!(
            "/LUCMHLW/ns/tl.cgi/{origin}{PAGE}?SLANG=ja&TLANG=fr"
        ))
        .await;
    assert_eq!(bad.status(), 404);
}

#[tokio::test]
async fn refused_targets_are_403_without_a_fetch_or_a_translation() {
    let s = setup().await;
    serve_fixture(&s.origin).await;
    for target in [
        "https://www.example.org/page.html".to_owned(),
        "http://169.254.169.254/latest/meta-data/".to_owned(),
        "file:///etc/passwd".to_owned(),
        "not a url".to_owned(),
    ] {
        let response = s
            .server
            .get_with(
                &format!("/proxy/en/{target}"),
                &[("accept", "application/json")],
            )
            .await;
        assert_eq!(response.status(), 403, "{target}");
        assert_eq!(error_code(response).await, "proxy_not_allowed");
    }
    assert!(s.origin.received_requests().await.unwrap().is_empty());
    assert!(translation_requests(&s.provider).await.is_empty());
    let response = s
        .server
        .get(&format!("/proxy/fr/{}{PAGE}", s.origin.uri()))
        .await;
    assert_eq!(response.status(), 404);
    // Refusals speak the language the reader asked the page in.
    let response = s.server.get("/proxy/ko/https://www.example.org/").await;
    assert_eq!(response.status(), 403);
    assert_eq!(crate::support::header(&response, "content-language"), "ko");
    assert!(s.origin.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn origin_errors_map_to_our_errors_and_pdfs_redirect() {
    let s = setup().await;
    Mock::given(path("/missing.html"))
        .respond_with(ResponseTemplate::new(404).set_body_string("nope"))
        .mount(&s.origin)
        .await;
    Mock::given(path("/broken.html"))
        .respond_with(ResponseTemplate::new(500).set_body_string("oops"))
        .mount(&s.origin)
        .await;
    Mock::given(path("/report.pdf"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "application/pdf")
                .set_body_bytes(b"%PDF-1.4\n".to_vec()),
        )
        .mount(&s.origin)
        .await;
    let origin = s.origin.uri();
    let json = [("accept", "application/json")];
    for (page, status, code) in [
        ("/missing.html", 404, "not_found"),
        ("/broken.html", 502, "upstream_failed"),
    ] {
        let response = s
            .server
            .get_with(&format!("/proxy/en/{origin}{page}"), &json)
            .await;
        assert_eq!(response.status(), status, "{page}");
        assert_eq!(error_code(response).await, code);
    }
    let html = s
        .server
        .get(&format!("/proxy/ko/{origin}/broken.html"))
        .await;
    assert_eq!(html.status(), 502);
    assert!(crate::support::header(&html, "content-type").starts_with("text/html"));

    let pdf = s
        .server
        .get(&format!("/proxy/en/{origin}/report.pdf"))
        .await;
    assert_eq!(pdf.status(), 302);
    assert_eq!(
        crate::support::header(&pdf, "location"),
        format!("{origin}/report.pdf")
    );
    assert!(translation_requests(&s.provider).await.is_empty());
}

#[tokio::test]
async fn a_slow_origin_is_a_504() {
    let s = setup_with(&[("HONYAKU__FETCH__TIMEOUT_SECS", "1")], Provider::Identity).await;
    Mock::given(path("/slow.html"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "text/html")
                .set_body_string("<p>遅い</p>")
                .set_delay(std::time::Duration::from_secs(3)),
        )
        .mount(&s.origin)
        .await;
    let response = s
        .server
        .get_with(
            &format!("/proxy/en/{}/slow.html", s.origin.uri()),
            &[("accept", "application/json")],
        )
        .await;
    assert_eq!(response.status(), 504);
    assert_eq!(error_code(response).await, "upstream_timeout");
    assert!(translation_requests(&s.provider).await.is_empty());
}

/// The page as served when no unit could be translated: Japanese text
/// marked `lang=ja` inside an English page, not cached, and nothing of it
/// kept (the next request fetches the origin unconditionally).
async fn assert_served_japanese_and_uncached(s: &Setup) {
    let url = format!("/proxy/en/{}{PAGE}", s.origin.uri());
    let response = s.server.get(&url).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        crate::support::header(&response, "cache-control"),
        "no-store"
    );
    let out = response.text().await.unwrap();
    let doc = Html::parse_document(&out);
    let marked = doc
        .select(&Selector::parse("body [lang=ja]").unwrap())
        .map(|e| e.text().collect::<String>())
        .collect::<Vec<_>>()
        .join("|");
    assert!(
        marked.contains("新型インフルエンザ対策について"),
        "{marked}"
    );
    assert!(out.contains("<html lang=\"en\""));
    s.server.get(&url).await;
    let requests = s.origin.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2);
    assert!(requests[1].headers.get("if-none-match").is_none());
}

#[tokio::test]
async fn without_a_provider_the_page_stays_japanese_marked_and_uncached() {
    let s = setup_with(&[], Provider::None).await;
    assert!(
        s.server.app.config.providers.order.iter().all(|name| !s
            .server
            .app
            .config
            .providers
            .is_enabled(name))
    );
    serve_fixture(&s.origin).await;
    assert_served_japanese_and_uncached(&s).await;
    assert!(translation_requests(&s.provider).await.is_empty());
    assert_eq!(s.identity.calls(), 0);
}

/// The same when the one provider fails every call; no retries, so nothing
/// waits out a backoff.
#[tokio::test]
async fn with_a_failing_provider_the_page_stays_japanese_marked_and_uncached() {
    let s = setup_with(
        &[("HONYAKU__PROVIDERS__MAX_RETRIES", "0")],
        Provider::Failing,
    )
    .await;
    serve_fixture(&s.origin).await;
    assert_served_japanese_and_uncached(&s).await;
    assert!(!translation_requests(&s.provider).await.is_empty());
}

#[tokio::test]
async fn a_redirect_off_the_allowlist_is_refused() {
    let s = setup().await;
    Mock::given(path("/moved.html"))
        .respond_with(
            ResponseTemplate::new(302).insert_header("location", "http://169.254.169.254/latest/"),
        )
        .mount(&s.origin)
        .await;
    let response = s
        .server
        .get_with(
            &format!("/proxy/en/{}/moved.html", s.origin.uri()),
            &[("accept", "application/json")],
        )
        .await;
    assert_eq!(response.status(), 403);
    assert_eq!(error_code(response).await, "proxy_not_allowed");
    assert_eq!(s.origin.received_requests().await.unwrap().len(), 1);
    assert!(translation_requests(&s.provider).await.is_empty());
}

#[tokio::test]
async fn an_euc_jp_page_without_a_head_tag_still_gets_the_meta_and_alternates() {
    let s = setup().await;
    Mock::given(path("/bare.html"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "text/html; charset=EUC-JP")
                .set_body_bytes(
                    encoding_rs::EUC_JP
                        .encode("<title>題</title><body><p>本文です</p></body>")
                        .0
                        .into_owned(),
                ),
        )
        .mount(&s.origin)
        .await;
    let out = s
        .server
        .text(&format!("/proxy/zh-Hans/{}/bare.html", s.origin.uri()))
        .await;
    let doc = Html::parse_document(&out);
    let count = |css: &str| doc.select(&Selector::parse(css).unwrap()).count();
    assert_eq!(count("head > meta[charset=utf-8]"), 1, "{out}");
    assert_eq!(count("head > link[rel=alternate]"), 5, "{out}");
    assert_eq!(count("body > aside.honyaku-disclaimer"), 1, "{out}");
    // Decoded right, then translated.
    assert!(s.identity.texts().iter().any(|t| t == "本文です"));
    assert!(out.contains(&pseudo("本文です", "zh-Hans")), "{out}");
}

/// A translator lists a proxied page's units by URL and overrides one; the
/// proxy serves the override on the next request even though the origin
/// answers 304 and the old translation was cached.
#[tokio::test]
async fn a_translator_overrides_a_unit_of_a_proxied_page() {
    use honyaku::i18n::Lang;
    use honyaku::model::Role;

    let s = setup().await;
    serve_fixture(&s.origin).await;
    let page_url = format!("{}{PAGE}", s.origin.uri());
    let proxied = format!("/proxy/en/{page_url}");
    let before = s.server.text(&proxied).await;
    let token = crate::support::translator(&s.server, "sato", Role::Translator, &[Lang::En]).await;
    let listing: serde_json::Value = s
        .server
        .client
        .get(s.server.url("/api/v1/units/en"))
        .query(&[("url", page_url.as_str())])
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(listing["page"], page_url.as_str());
    let unit = listing["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| {
            u["part"] == "body"
                && u["served_origin"] == "machine"
                && !u["source"].as_str().unwrap().contains('<')
                && u["required"].as_array().unwrap().is_empty()
        })
        .expect("a machine-translated plain unit")
        .clone();
    let id = unit["id"].as_str().unwrap();
    let saved = crate::overrides::save(
        &s.server,
        &token,
        "en",
        id,
        Some("0"),
        "Corrected by a translator",
    )
    .await;
    assert_eq!(saved.status(), 200);
    let saved: serde_json::Value = saved.json().await.unwrap();
    assert_eq!(
        saved["part"], "memory",
        "known from the memory, not a hosted page"
    );

    let calls = translation_requests(&s.provider).await.len();
    let after = s.server.text(&proxied).await;
    assert_ne!(before, after);
    assert!(after.contains("Corrected by a translator"));
    assert_eq!(
        translation_requests(&s.provider).await.len(),
        calls,
        "re-rendering after the override paid for nothing: the rest came from memory"
    );
}

/// The J-SERVER alias takes the TLANG codes of every language the server
/// serves: BCP 47 tags and their aliases (tl, pt), and J-SERVER's own `tw`.
#[tokio::test]
async fn the_jserver_form_takes_the_codes_of_the_new_languages() {
    let targets = "[\"en\",\"zh-Hans\",\"zh-Hant\",\"ko\",\"vi\",\"fil\",\"pt-BR\",\"ne\",\"id\",\"my\",\"th\",\"es\"]";
    let s = setup_with(
        &[("HONYAKU__LANGUAGES__TARGETS", targets)],
        Provider::Identity,
    )
    .await;
    serve_fixture(&s.origin).await;
    let origin = s.origin.uri();
    for (tlang, lang) in [
        ("vi", "vi"),
        ("tl", "fil"),
        ("fil", "fil"),
        ("pt", "pt-BR"),
        ("pt-BR", "pt-BR"),
        ("ne", "ne"),
        ("id", "id"),
        ("my", "my"),
        ("th", "th"),
        ("es", "es"),
        ("tw", "zh-Hant"),
    ] {
        let response = s
            .server
            .get(&format!(
                "/LUCMHLW/ns/tl.cgi/{origin}{PAGE}?SLANG=ja&TLANG={tlang}"
            ))
            .await;
        assert_eq!(response.status(), 200, "{tlang}");
        assert_eq!(crate::support::header(&response, "content-language"), lang);
        let body = response.text().await.unwrap();
        assert!(body.contains(&format!("<html lang=\"{lang}\"")), "{tlang}");
    }
    let bad = s
        .server
        .get(&format!(
            "/LUCMHLW/ns/tl.cgi/{origin}{PAGE}?SLANG=ja&TLANG=de"
        ))
        .await;
    assert_eq!(bad.status(), 404);
}

/// A link to a document honyaku does not translate (a PDF) goes to the
/// original, not through the proxy, and says it is in Japanese.
#[tokio::test]
async fn links_to_documents_go_to_the_original_marked_japanese() {
    let s = setup().await;
    serve_fixture(&s.origin).await;
    let origin = s.origin.uri();
    let html = s.server.text(&format!("/proxy/en/{origin}{PAGE}")).await;
    let doc = Html::parse_document(&html);
    let pdf: Vec<_> = doc
        .select(&Selector::parse("a[href$='report.pdf']").unwrap())
        .collect();
    assert_eq!(pdf.len(), 1);
    assert_eq!(
        pdf[0].value().attr("href"),
        Some(format!("{origin}/stf/houdou/files/report.pdf").as_str())
    );
    assert_eq!(pdf[0].value().attr("hreflang"), Some("ja"));
    let mark: String = pdf[0]
        .select(&Selector::parse(".honyaku-japanese-only").unwrap())
        .flat_map(|e| e.text())
        .collect();
    assert_eq!(mark, "(Japanese)");
    // An HTML page of the site still stays in the proxy, unmarked.
    assert!(html.contains(&format!("/proxy/en/{origin}/stf/houdou/next.html")));
}
