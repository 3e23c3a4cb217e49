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
