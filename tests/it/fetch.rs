//! The hardened fetcher against local servers: conditional GET, the body
//! cap, timeouts and pages in the encodings Japanese government sites use.
//! The servers run on 127.0.0.1, so each test lists its server's origin in
//! both `fetch.allowed_origins` and the test-only `fetch.allow_private_for`,
//! set through the same environment layering an operator would use.

use std::io::Write;
use std::time::{Duration, Instant};

use honyaku::config::{Config, FetchConfig, Overrides};
use honyaku::fetch::{FetchError, Fetched, Fetcher, Page, Validators, decode_html};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use url::Url;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TEXT: &str = "厚生労働省 お知らせ：労働者協同組合に係るオンラインセミナー(全5回)を開催します";

/// The `[fetch]` configuration for a test server at `origin`, with extra
/// `HONYAKU__FETCH__…` settings.
fn fetch_config(origin: &str, extra: &[(&str, &str)]) -> FetchConfig {
    let list = format!("[\"{origin}\"]");
    let mut env = vec![
        ("HONYAKU__FETCH__ALLOWED_ORIGINS".to_owned(), list.clone()),
        ("HONYAKU__FETCH__ALLOW_PRIVATE_FOR".to_owned(), list),
    ];
    env.extend(
        extra
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
    );
    Config::load_with_env(None, env, &Overrides::default())
        .unwrap()
        .fetch
}

fn fetcher(origin: &str, extra: &[(&str, &str)]) -> Fetcher {
    Fetcher::new(&fetch_config(origin, extra)).unwrap()
}

fn url(base: &str, path: &str) -> Url {
    Url::parse(&format!("{base}{path}")).unwrap()
}

fn page(fetched: Fetched) -> Page {
    match fetched {
        Fetched::Page(page) => page,
        Fetched::NotModified => panic!("expected a page, got NotModified"),
    }
}

fn encode(text: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

fn html(meta: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"ja\"><head>{meta}<title>報道発表資料</title></head>\
         <body><h1>{body}</h1></body></html>"
    )
}

// ---- conditional GET ----------------------------------------------------

#[tokio::test]
async fn fetch_refetch_with_etag_is_not_modified() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/page.html"))
        .and(header("if-none-match", "\"v1\""))
        .respond_with(ResponseTemplate::new(304).insert_header("etag", "\"v1\""))
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/page.html"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("etag", "\"v1\"")
                .set_body_raw(html("", TEXT), "text/html; charset=utf-8"),
        )
        .with_priority(2)
        .expect(1)
        .mount(&server)
        .await;
    let fetcher = fetcher(&server.uri(), &[]);
    let target = url(&server.uri(), "/page.html");

    let first = page(fetcher.fetch(&target, None).await.unwrap());
    assert_eq!(first.status, 200);
    assert_eq!(first.etag.as_deref(), Some("\"v1\""));
    let validators = first.validators();

    let second = fetcher.fetch(&target, Some(&validators)).await.unwrap();
    assert!(matches!(second, Fetched::NotModified), "{second:?}");
}

#[tokio::test]
async fn fetch_refetch_with_last_modified_is_not_modified() {
    const DATE: &str = "Wed, 21 May 2025 01:00:00 GMT";
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        // wiremock's `header` matcher splits values at commas, which HTTP
        // dates contain; compare the whole value.
        .and(|request: &wiremock::Request| {
            request
                .headers
                .get("if-modified-since")
                .is_some_and(|v| v == DATE)
        })
        .respond_with(ResponseTemplate::new(304))
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("last-modified", DATE)
                .set_body_raw(html("", TEXT), "text/html"),
        )
        .with_priority(2)
        .expect(1)
        .mount(&server)
        .await;
    let fetcher = fetcher(&server.uri(), &[]);
    let target = url(&server.uri(), "/");

    let first = page(fetcher.fetch(&target, None).await.unwrap());
    assert_eq!(first.last_modified.as_deref(), Some(DATE));
    assert_eq!(first.etag, None);
    let again = fetcher
        .fetch(&target, Some(&first.validators()))
        .await
        .unwrap();
    assert!(matches!(again, Fetched::NotModified), "{again:?}");
}

#[tokio::test]
async fn fetch_changed_page_is_fetched_again_in_full() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("etag", "\"v2\"")
                .set_body_raw("<p>new</p>", "text/html"),
        )
        .mount(&server)
        .await;
    let fetcher = fetcher(&server.uri(), &[]);
    let old = Validators {
        etag: Some("\"v1\"".into()),
        last_modified: None,
    };
    let fresh = page(
        fetcher
            .fetch(&url(&server.uri(), "/"), Some(&old))
            .await
            .unwrap(),
    );
    assert_eq!(fresh.etag.as_deref(), Some("\"v2\""));
    assert_eq!(&fresh.body[..], b"<p>new</p>");
    let sent = &server.received_requests().await.unwrap()[0];
    assert_eq!(sent.headers["if-none-match"], "\"v1\"");
}

#[tokio::test]
async fn fetch_error_statuses_are_pages_with_their_status() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(404).set_body_raw("<p>見つかりません</p>", "text/html"))
        .mount(&server)
        .await;
    let fetched = page(
        fetcher(&server.uri(), &[])
            .fetch(&url(&server.uri(), "/gone"), None)
            .await
            .unwrap(),
    );
    assert_eq!(fetched.status, 404);
    assert!(fetched.is_html);
}

#[tokio::test]
async fn fetch_sends_the_configured_user_agent_and_no_credentials() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    fetcher(
        &server.uri(),
        &[("HONYAKU__FETCH__USER_AGENT", "honyaku-proxy/test")],
    )
    .fetch(&url(&server.uri(), "/"), None)
    .await
    .unwrap();
    let sent = &server.received_requests().await.unwrap()[0];
    assert_eq!(sent.headers["user-agent"], "honyaku-proxy/test");
    assert!(!sent.headers.contains_key("authorization"));
    assert!(!sent.headers.contains_key("cookie"));
}

// ---- body cap -------------------------------------------------------------

#[tokio::test]
async fn fetch_body_over_the_cap_by_content_length_is_refused() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/big"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(vec![b'a'; 1025], "text/html"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/exact"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(vec![b'a'; 1024], "text/html"))
        .mount(&server)
        .await;
    let fetcher = fetcher(&server.uri(), &[("HONYAKU__FETCH__MAX_BODY_BYTES", "1024")]);
    let result = fetcher.fetch(&url(&server.uri(), "/big"), None).await;
    assert!(
        matches!(result, Err(FetchError::TooLarge { limit: 1024 })),
        "{result:?}"
    );
    let exact = page(
        fetcher
            .fetch(&url(&server.uri(), "/exact"), None)
            .await
            .unwrap(),
    );
    assert_eq!(exact.body.len(), 1024);
}

/// A raw HTTP/1.1 server: answers every connection with `head`, then calls
/// `body` to write the rest. Returns its origin.
async fn raw_server<F, Fut>(head: &'static str, body: F) -> String
where
    F: Fn(tokio::net::TcpStream) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    let body = std::sync::Arc::new(body);
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let body = body.clone();
            tokio::spawn(async move {
                let mut request = Vec::new();
                let mut buf = [0u8; 1024];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => request.extend_from_slice(&buf[..n]),
                    }
                }
                if stream.write_all(head.as_bytes()).await.is_ok() {
                    body(stream).await;
                }
            });
        }
    });
    origin
}

#[tokio::test]
async fn fetch_chunked_body_over_the_cap_is_cut_off() {
    // An endless chunked body: the fetcher must stop at the cap, not at
    // the end (there is none) or the timeout.
    let origin = raw_server(
        "HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ntransfer-encoding: chunked\r\n\r\n",
        |mut stream| async move {
            let chunk = format!("{:x}\r\n{}\r\n", 4096, "a".repeat(4096));
            while stream.write_all(chunk.as_bytes()).await.is_ok() {}
        },
    )
    .await;
    let fetcher = fetcher(&origin, &[("HONYAKU__FETCH__MAX_BODY_BYTES", "65536")]);
    let started = Instant::now();
    let result = fetcher.fetch(&url(&origin, "/stream"), None).await;
    assert!(
        matches!(result, Err(FetchError::TooLarge { limit: 65536 })),
        "{result:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn fetch_cap_applies_after_decompression() {
    // 1 MiB of zeros gzips to about a kilobyte: the cap is on what the
    // page becomes, so a compression bomb is refused.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&vec![0u8; 1 << 20]).unwrap();
    let compressed = gz.finish().unwrap();
    assert!(compressed.len() < 10_000);
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-encoding", "gzip")
                .set_body_raw(compressed, "text/html"),
        )
        .mount(&server)
        .await;
    let fetcher = fetcher(
        &server.uri(),
        &[("HONYAKU__FETCH__MAX_BODY_BYTES", "65536")],
    );
    let result = fetcher.fetch(&url(&server.uri(), "/"), None).await;
    assert!(
        matches!(result, Err(FetchError::TooLarge { .. })),
        "{result:?}"
    );
}

// ---- timeouts -------------------------------------------------------------

#[tokio::test]
async fn fetch_slow_server_times_out() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(10)))
        .mount(&server)
        .await;
    let fetcher = fetcher(&server.uri(), &[("HONYAKU__FETCH__TIMEOUT_SECS", "1")]);
    let started = Instant::now();
    let result = fetcher.fetch(&url(&server.uri(), "/"), None).await;
    assert!(matches!(result, Err(FetchError::Timeout)), "{result:?}");
    assert!(started.elapsed() < Duration::from_secs(4));
}

#[tokio::test]
async fn fetch_trickling_body_times_out() {
    // Headers at once, then a byte every 200 ms: each read is quick, the
    // whole is not. The timeout covers the body too.
    let origin = raw_server(
        "HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 100000\r\n\r\n",
        |mut stream| async move {
            loop {
                if stream.write_all(b"a").await.is_err() {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        },
    )
    .await;
    let fetcher = fetcher(&origin, &[("HONYAKU__FETCH__TIMEOUT_SECS", "1")]);
    let started = Instant::now();
    let result = fetcher.fetch(&url(&origin, "/"), None).await;
    assert!(matches!(result, Err(FetchError::Timeout)), "{result:?}");
    assert!(started.elapsed() < Duration::from_secs(4));
}

#[tokio::test]
async fn fetch_refused_connection_is_a_connect_error() {
    // Bind, note the port, close: nothing listens there any more.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let result = fetcher(&origin, &[]).fetch(&url(&origin, "/"), None).await;
    assert!(matches!(result, Err(FetchError::Connect)), "{result:?}");
}

// ---- charsets -------------------------------------------------------------

async fn serve_bytes(bytes: Vec<u8>, content_type: &str) -> (MockServer, Page) {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(bytes, content_type))
        .mount(&server)
        .await;
    let fetched = page(
        fetcher(&server.uri(), &[])
            .fetch(&url(&server.uri(), "/houdou.html"), None)
            .await
            .unwrap(),
    );
    (server, fetched)
}

#[tokio::test]
async fn fetch_shift_jis_page_whose_meta_says_utf8() {
    let bytes = encode(
        &html(r#"<meta charset="UTF-8">"#, TEXT),
        encoding_rs::SHIFT_JIS,
    );
    let (_server, page) = serve_bytes(bytes, "text/html").await;
    let (text, encoding) = page.decode();
    assert_eq!(encoding, encoding_rs::SHIFT_JIS);
    assert!(text.contains(TEXT), "{text}");
}

#[tokio::test]
async fn fetch_cp932_page_with_circled_numbers_and_kabu() {
    let cp932 = "①申込期限 ②会場 ㈱厚労商事 №12 髙﨑";
    let bytes = encode(
        &html(
            r#"<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">"#,
            cp932,
        ),
        encoding_rs::SHIFT_JIS,
    );
    let (_server, page) = serve_bytes(bytes, "text/html; charset=Windows-31J").await;
    let (text, encoding) = page.decode();
    assert_eq!(encoding, encoding_rs::SHIFT_JIS);
    assert!(text.contains(cp932), "{text}");
}

#[tokio::test]
async fn fetch_euc_jp_page_with_correct_meta() {
    let bytes = encode(
        &html(
            r#"<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">"#,
            TEXT,
        ),
        encoding_rs::EUC_JP,
    );
    let (_server, page) = serve_bytes(bytes, "text/html").await;
    let (text, encoding) = page.decode();
    assert_eq!(encoding, encoding_rs::EUC_JP);
    assert!(text.contains(TEXT), "{text}");
}

#[tokio::test]
async fn fetch_utf8_page_whose_meta_says_shift_jis() {
    let bytes = html(r#"<meta charset="Shift_JIS">"#, TEXT).into_bytes();
    let (_server, page) = serve_bytes(bytes, "text/html").await;
    let (text, encoding) = page.decode();
    assert_eq!(encoding, encoding_rs::UTF_8);
    assert!(text.contains(TEXT), "{text}");
}

#[tokio::test]
async fn fetch_page_with_bom_ignores_header_and_meta() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(html(r#"<meta charset="EUC-JP">"#, TEXT).as_bytes());
    let (_server, page) = serve_bytes(bytes, "text/html; charset=Shift_JIS").await;
    let (text, encoding) = page.decode();
    assert_eq!(encoding, encoding_rs::UTF_8);
    assert!(text.starts_with("<!DOCTYPE html>"));
    assert!(text.contains(TEXT));
}

#[test]
fn fetch_decode_html_is_usable_without_fetching() {
    let bytes = encode(&html("", TEXT), encoding_rs::EUC_JP);
    let (text, encoding) = decode_html(&bytes, Some("text/html; charset=utf-8"));
    assert_eq!(encoding, encoding_rs::EUC_JP);
    assert!(text.contains(TEXT));
}
