//! `/` picks the reader's language: cookie, then Accept-Language, then ja.

use crate::support::{TestServer, header};

#[tokio::test]
async fn root_redirects_by_accept_language() {
    let server = TestServer::start().await;
    for (accept, want) in [
        ("ko", "/ko/"),
        ("ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", "/ko/"),
        ("zh-TW", "/zh-Hant/"),
        ("zh-HK,en;q=0.5", "/zh-Hant/"),
        ("zh-Hant-TW", "/zh-Hant/"),
        ("zh-CN,zh;q=0.9", "/zh-Hans/"),
        ("zh", "/zh-Hans/"),
        ("zh-SG", "/zh-Hans/"),
        ("en-US,en;q=0.9", "/en/"),
        ("fr-FR,fr;q=0.9,en;q=0.8", "/en/"),
        ("en;q=0.2, ko;q=0.8", "/ko/"),
        ("ko;q=0, en;q=0.1", "/en/"),
        ("*", "/ja/"),
        ("de, fr", "/ja/"),
        ("", "/ja/"),
        ("!!garbage;;q=x,,", "/ja/"),
        ("ja", "/ja/"),
    ] {
        let response = server.get_with("/", &[("accept-language", accept)]).await;
        assert_eq!(response.status(), 302, "{accept:?}");
        assert_eq!(header(&response, "location"), want, "{accept:?}");
        assert!(header(&response, "vary").contains("Accept-Language"));
        assert!(header(&response, "vary").contains("Cookie"));
    }
    let response = server.get("/").await;
    assert_eq!(header(&response, "location"), "/ja/", "no header at all");
    server.stop().await;
}

#[tokio::test]
async fn cookie_wins_and_a_bad_cookie_is_ignored() {
    let server = TestServer::start().await;
    for (cookie, accept, want) in [
        ("honyaku_lang=zh-Hant", "ko", "/zh-Hant/"),
        ("other=1; honyaku_lang=en", "ko", "/en/"),
        ("honyaku_lang=xx", "ko", "/ko/"),
        ("honyaku_lang=", "ko", "/ko/"),
        ("honyaku_lang=../../etc", "", "/ja/"),
        (";;;=;honyaku_lang;==;", "en", "/en/"),
    ] {
        let response = server
            .get_with("/", &[("cookie", cookie), ("accept-language", accept)])
            .await;
        assert_eq!(response.status(), 302, "{cookie:?}");
        assert_eq!(header(&response, "location"), want, "{cookie:?}");
    }
    server.stop().await;
}
