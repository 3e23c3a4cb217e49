//! Hostile or broken requests get a clean answer, never a panic.

use crate::support::{SLUG, TestServer, header, repo_path};

fn status_of(raw: &str) -> u16 {
    raw.split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// Dot segments, raw and percent-encoded, are never resolved: not against
/// the routes (a path that would name the announcement once resolved is
/// not the announcement) and not against the content directory (a file
/// beside it stays unreachable). Sent over a raw socket, because HTTP
/// clients resolve dot segments before sending.
#[tokio::test]
async fn dot_dot_paths_are_not_found() {
    const SECRET: &str = "honyaku-test-secret-beside-the-content";
    let site = tempfile::tempdir().unwrap();
    let content = site.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    copy_dir(&repo_path("content"), &content);
    std::fs::write(site.path().join("secret.txt"), SECRET).unwrap();
    std::fs::write(content.join("secret.txt"), SECRET).unwrap();
    let server =
        TestServer::start_with_env(&[("HONYAKU__CONTENT__DIR", content.to_str().unwrap())]).await;
    let get = |path: String| {
        let server = &server;
        async move {
            server
                .raw(format!("GET {path} HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\nConnection: close\r\n\r\n").as_bytes())
                .await
        }
    };
    // Resolved, these would be the announcement; unresolved, they are not.
    let control = get(format!("/en/{SLUG}")).await;
    assert_eq!(status_of(&control), 200, "{control}");
    let (section, rest) = SLUG.split_once('/').unwrap();
    let mut paths = vec![
        format!("/en/{section}/../{SLUG}"),
        format!("/en/{section}/./{rest}"),
        format!("/en/x/%2e%2e/{SLUG}"),
        format!("/en/x/%2E%2E/{SLUG}"),
        format!("/en/x/..%2f{SLUG}"),
        format!("/ja/../en/{SLUG}"),
        format!("/ja/%2e%2e/en/{SLUG}"),
    ];
    // Resolved against the content directory, these would be a file.
    for prefix in ["/en", "/ja/announcements", "/assets"] {
        for dots in ["..", "%2e%2e", "%2E%2e", ".%2e"] {
            paths.push(format!("{prefix}/{dots}/secret.txt"));
            paths.push(format!("{prefix}/{dots}/{dots}/secret.txt"));
            paths.push(format!("{prefix}/{dots}%2fsecret.txt"));
        }
    }
    paths.push("/../secret.txt".into());
    paths.push("/%2e%2e/secret.txt".into());
    for path in paths {
        let raw = get(path.clone()).await;
        assert_eq!(status_of(&raw), 404, "{path}: {raw}");
        assert!(
            !raw.contains(SECRET),
            "{path} served the file beside the content"
        );
        // The not-found page, in the language of the path or else the reader's.
        let title = if path.starts_with("/ja/") {
            "ページが見つかりません"
        } else {
            "Page not found"
        };
        assert!(
            raw.contains("text/html") && raw.contains(title),
            "{path}: the not-found page: {raw}"
        );
    }
    server.stop().await;
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
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
async fn a_post_to_a_get_route_is_405_with_allow() {
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
    assert_eq!(server.get("/healthz").await.status(), 200);
    server.stop().await;
}

/// `server.max_body_bytes` (1 MiB by default) on routes that take a body:
/// a declared length over it is refused before anything is read, and a
/// chunked body (no length given) when it runs past the limit.
#[tokio::test]
async fn an_oversized_body_to_a_post_route_is_413() {
    let server = TestServer::start().await;
    // Only the head is sent: the length alone must be enough to refuse it.
    for (path, content_type) in [
        ("/api/v1/translate", "application/json"),
        ("/feedback/en", "application/x-www-form-urlencoded"),
    ] {
        let raw = server
            .raw(
                format!(
                    "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\n\
                     Content-Length: {}\r\nConnection: close\r\n\r\n{{",
                    1024 * 1024 + 1
                )
                .as_bytes(),
            )
            .await;
        assert_eq!(status_of(&raw), 413, "{path}: {raw}");
    }
    assert_eq!(server.get("/healthz").await.status(), 200);
    server.stop().await;

    // A small limit, so the whole body is sent before the answer comes.
    let server = TestServer::start_with_env(&[("HONYAKU__SERVER__MAX_BODY_BYTES", "4096")]).await;
    let padded = |len: usize| {
        let mut body = br#"{"target":"en","texts":[""#.to_vec();
        let close = br#""]}"#;
        body.resize(len - close.len(), b'a');
        body.extend_from_slice(close);
        body
    };
    for len in [4097, 4096] {
        let body = padded(len);
        let response = server
            .client
            .post(server.url("/api/v1/translate"))
            .header("content-type", "application/json")
            .body(body.clone())
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let error: serde_json::Value = response.json().await.unwrap();
        // Chunked, so only reading the body can find it too long.
        let mut chunked = b"POST /api/v1/translate HTTP/1.1\r\nHost: x\r\n\
            Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\
            Connection: close\r\n\r\n"
            .to_vec();
        for chunk in body.chunks(1000) {
            chunked.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
            chunked.extend_from_slice(chunk);
            chunked.extend_from_slice(b"\r\n");
        }
        chunked.extend_from_slice(b"0\r\n\r\n");
        let raw = server.raw(&chunked).await;
        if len > 4096 {
            assert_eq!(status, 413, "{len} bytes: {error}");
            assert_eq!(error["error"]["code"], "payload_too_large", "{error}");
            assert_eq!(status_of(&raw), 413, "{len} bytes, chunked: {raw}");
            assert!(raw.contains("payload_too_large"), "{raw}");
        } else {
            // Within the limit the request is read and answered on its merits.
            assert_ne!(status, 413, "{len} bytes: {error}");
            assert_ne!(status_of(&raw), 413, "{len} bytes, chunked: {raw}");
        }
    }
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
