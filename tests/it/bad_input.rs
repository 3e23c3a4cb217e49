//! Hostile or broken requests get a clean answer, never a panic.

use crate::support::{SLUG, TestServer, header};

fn status_of(raw: &str) -> u16 {
    raw.split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

#[tokio::test]
async fn dot_dot_paths_are_not_found() {
    let server = TestServer::start().await;
    // Sent raw: HTTP clients normalise dot segments away.
    for path in [
        "/ja/../../etc/passwd",
        "/ja/houdou/../../../Cargo.toml",
        "/../ja/",
        "/ja/%2e%2e/%2e%2e/etc/passwd",
        "/ja/..%2f..%2fetc%2fpasswd",
        "/assets/../Cargo.toml",
    ] {
        let raw = server
            .raw(format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes())
            .await;
        let status = status_of(&raw);
        assert!(status == 404 || status == 400, "{path}: {raw}");
        assert!(!raw.contains("[package]"), "{path} leaked a file");
        assert!(
            raw.contains("text/html"),
            "{path}: an error page, not a bare status"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn huge_accept_language_is_handled() {
    let server = TestServer::start().await;
    let accept = "xx-YY;q=0.5, ".repeat(800) + "ko";
    assert!(accept.len() > 10_000);
    let response = server.get_with("/", &[("accept-language", &accept)]).await;
    assert_eq!(response.status(), 302);
    assert_eq!(header(&response, "location"), "/ja/");
    let response = server
        .get_with("/xx/", &[("accept-language", &accept)])
        .await;
    assert_eq!(response.status(), 404);
    server.stop().await;
}

#[tokio::test]
async fn malformed_cookies_and_encodings() {
    let server = TestServer::start().await;
    // Where the cookie is read: the root redirect and negotiated errors.
    for cookie in [
        "honyaku_lang",
        "=",
        "honyaku_lang=\"",
        "a=b=c; honyaku_lang=ko=ja",
        ";;;",
        "honyaku_lang=%FF%FE",
    ] {
        for path in ["/", "/xx/"] {
            let response = server
                .client
                .get(server.url(path))
                .header("cookie", cookie)
                .header("accept-language", "en")
                .send()
                .await
                .unwrap();
            if path == "/" {
                assert_eq!(response.status(), 302, "{cookie:?}");
                assert_eq!(header(&response, "location"), "/en/", "{cookie:?}");
            } else {
                assert_eq!(response.status(), 404, "{cookie:?}");
                assert_eq!(header(&response, "content-language"), "en", "{cookie:?}");
            }
        }
    }
    // A cookie header that is not even text.
    let raw = server
        .raw(b"GET / HTTP/1.1\r\nHost: x\r\nCookie: honyaku_lang=\xff\xfe\r\nAccept-Language: ko\r\nConnection: close\r\n\r\n")
        .await;
    assert!(raw.starts_with("HTTP/1.1 302"), "{raw}");
    assert!(raw.to_ascii_lowercase().contains("location: /ko/"), "{raw}");
    // Invalid UTF-8 in a percent-encoded path segment.
    let response = server.get("/ja/%FF%FE").await;
    assert_eq!(response.status(), 400);
    assert!(header(&response, "content-type").starts_with("text/html"));
    let response = server.get("/%FF/").await;
    assert!(response.status() == 400 || response.status() == 404);
    server.stop().await;
}

#[tokio::test]
async fn wrong_method_and_oversized_body() {
    let server = TestServer::start().await;
    let response = server
        .client
        .post(server.url(&format!("/en/{SLUG}")))
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(header(&response, "content-language"), "en");
    assert!(header(&response, "allow").contains("GET"));
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("This operation is not allowed")
    );

    let big = vec![b'a'; 2 * 1024 * 1024];
    let response = server
        .client
        .post(server.url("/ja/"))
        .body(big)
        .send()
        .await;
    // The server may answer before reading the whole body and close the
    // connection; either way it does not fall over.
    if let Ok(response) = response {
        assert!(
            matches!(response.status().as_u16(), 405 | 413),
            "{}",
            response.status()
        );
    }
    assert_eq!(server.get("/healthz").await.status(), 200);
    server.stop().await;
}

/// `server.max_body_bytes` is the one body limit: a body under it is read
/// whole whatever axum's own default, and one over it is refused with the
/// limit said in the client's language.
#[tokio::test]
async fn the_configured_body_limit_is_the_only_one_and_the_413_says_it() {
    let four_mib = (4 * 1024 * 1024).to_string();
    let server =
        TestServer::start_with_env(&[("HONYAKU__SERVER__MAX_BODY_BYTES", &four_mib)]).await;
    // 3 MiB of JSON, past axum's 2 MiB default: parsed to the end, so the
    // answer is about the target language, not the size.
    let text = "あ".repeat(1024 * 1024);
    let body = serde_json::json!({"target": "fr", "texts": [text]}).to_string();
    assert!(body.len() > 3 * 1024 * 1024);
    let response = server
        .client
        .post(server.url("/api/v1/translate"))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let error: serde_json::Value = response.json().await.unwrap();
    assert_eq!(error["error"]["code"], "unsupported_language");

    // Over the limit: 413, and the message names it, in Japanese here.
    let response = server
        .client
        .post(server.url("/api/v1/translate"))
        .header("content-type", "application/json")
        .header("accept-language", "ja")
        .body(vec![b' '; 5 * 1024 * 1024])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    let error: serde_json::Value = response.json().await.unwrap();
    assert_eq!(error["error"]["code"], "payload_too_large");
    let message = error["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("4 MiB") && message.contains("上限"),
        "{message}"
    );
    server.stop().await;
}
