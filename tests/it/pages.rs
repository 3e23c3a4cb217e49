//! The hosted announcement: content, links, caching headers, languages.

use std::collections::BTreeSet;

use scraper::{Html, Selector};

use crate::support::{SLUG, TestServer, error_code, header};

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap();
    doc.select(&selector).collect()
}

fn text_of(element: &scraper::ElementRef<'_>) -> String {
    element.text().collect::<String>()
}

#[tokio::test]
async fn japanese_page_has_every_part_of_the_release() {
    let server = TestServer::start().await;
    let html = server.text(&format!("/ja/{SLUG}")).await;
    let doc = Html::parse_document(&html);

    assert_eq!(select(&doc, "html")[0].value().attr("lang"), Some("ja"));
    let h1 = text_of(&select(&doc, "main h1")[0]);
    assert_eq!(
        h1,
        "労働者協同組合に係るオンラインセミナー(全5回)を開催します"
    );
    let article = text_of(&select(&doc, "article")[0]);
    for needle in [
        "報道関係者各位",
        "こんな課題ありませんか?",
        "厚生労働省は、令和7年度の7月〜1月にかけて",
        "「労働者協同組合」とは",
        "令和4年10月からこの法人制度がスタート",
        "鹿児島県大崎町",
        "広島県広島市",
        "広く一般の方々にもご参加いただけます",
        "9月〜1月にかけて4回開催する",
        "参加者の募集を開始しております",
        "実施方法",
        "オンラインにて実施",
        "参加費",
        "無料(事前の参加申し込みが必要です)",
        "その他",
        "セミナーリーフレット",
        "知りたい!労働者協同組合法",
        "関連情報",
        "発表：2025年5月",
        "雇用環境・均等局 勤労者生活課 労働者協同組合業務室",
    ] {
        assert!(article.contains(needle), "article lacks {needle:?}");
    }
    // The five seminars, each with date, time, theme and sub-theme.
    let rows = select(&doc, "#schedule tbody tr");
    assert_eq!(rows.len(), 5);
    let expected = [
        (
            "2025-07-23",
            "令和7年7月23日(水)",
            "地域課題を解決する新たな選択肢",
            "労働者協同組合を活用した地域づくり",
        ),
        (
            "2025-09-27",
            "令和7年9月27日(土)",
            "多様な人材が活躍できる働き方",
            "ダイバーシティ",
        ),
        (
            "2025-10-29",
            "令和7年10月29日(水)",
            "副業・兼業・フリーランスの協働を実現する働き方",
            "広がる可能性",
        ),
        (
            "2025-12-13",
            "令和7年12月13日(土)",
            "ミドル・シニアの働きがい向上・雇用の創出",
            "活躍の舞台",
        ),
        (
            "2026-01-21",
            "令和8年1月21日(水)",
            "地域の魅力、新しい産業の創造",
            "地域を活性化",
        ),
    ];
    for (row, (iso, date, theme, sub)) in rows.iter().zip(expected) {
        let time = row
            .select(&Selector::parse("time").unwrap())
            .next()
            .unwrap();
        assert!(time.value().attr("datetime").unwrap().starts_with(iso));
        let text = text_of(row);
        assert!(text.contains(date), "{text}");
        assert!(text.contains("14時00分〜16時00分"), "{text}");
        assert!(text.contains(theme), "{text}");
        assert!(text.contains(sub), "{text}");
    }
    let links: Vec<&str> = select(&doc, "article a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(links.contains(&"https://www.roukyouhou.mhlw.go.jp/forum/onlineseminar_202501"));
    // The contact block.
    let contact = text_of(&select(&doc, "aside.contact")[0]);
    for needle in [
        "照会先",
        "労働者協同組合業務室",
        "小林 淳",
        "米岡 良晃",
        "03-5253-1111",
        "内線5520",
        "03-3595-3189",
    ] {
        assert!(contact.contains(needle), "contact lacks {needle:?}");
    }
    // Breadcrumb and switcher.
    let crumbs: Vec<String> = select(&doc, "nav.breadcrumb li")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(
        crumbs,
        [
            "ホーム",
            "報道・広報",
            "報道発表資料",
            "2025年5月",
            h1.as_str()
        ]
    );
    let switcher: Vec<String> = select(&doc, "nav.switcher a").iter().map(text_of).collect();
    assert_eq!(
        switcher,
        ["日本語", "English", "简体中文", "繁體中文", "한국어"]
    );
    assert_eq!(text_of(&select(&doc, "nav.switcher h2")[0]), "言語切替");
    // Capture artefacts stay out.
    assert!(!html.contains("JavaScript"));
    assert!(!html.contains("AltStyle"));
    // The Japanese original carries no disclaimer.
    assert!(select(&doc, ".disclaimer").is_empty());
    server.stop().await;
}

#[tokio::test]
async fn hreflang_set_is_complete_and_reciprocal() {
    let server = TestServer::start().await;
    let all: BTreeSet<&str> = ["ja", "en", "zh-Hans", "zh-Hant", "ko", "x-default"].into();
    let mut reference: Option<Vec<(String, String)>> = None;
    for lang in ["ja", "en", "zh-Hans", "zh-Hant", "ko"] {
        let url = server.url(&format!("/{lang}/{SLUG}"));
        let html = server.text(&format!("/{lang}/{SLUG}")).await;
        let doc = Html::parse_document(&html);
        let canonical = select(&doc, "link[rel=canonical]")[0]
            .value()
            .attr("href")
            .unwrap()
            .to_owned();
        assert_eq!(canonical, url);
        let mut alternates: Vec<(String, String)> = select(&doc, "link[rel=alternate]")
            .iter()
            .map(|l| {
                (
                    l.value().attr("hreflang").unwrap().to_owned(),
                    l.value().attr("href").unwrap().to_owned(),
                )
            })
            .collect();
        alternates.sort();
        let langs: BTreeSet<&str> = alternates.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(langs, all);
        // The page lists itself under its own language.
        assert!(alternates.contains(&(lang.to_owned(), url.clone())));
        // Every page lists exactly the same set: reciprocal.
        match &reference {
            None => reference = Some(alternates),
            Some(first) => assert_eq!(first, &alternates),
        }
    }
    // Every alternate resolves.
    for (_, href) in reference.unwrap() {
        let response = server.client.get(&href).send().await.unwrap();
        assert_eq!(response.status(), 200, "{href}");
    }
    server.stop().await;
}

#[tokio::test]
async fn etag_revalidation_and_caching_headers() {
    let server = TestServer::start().await;
    let path = format!("/ja/{SLUG}");
    let first = server.get(&path).await;
    assert_eq!(first.status(), 200);
    let etag = header(&first, "etag").to_owned();
    assert!(
        etag.starts_with('"') && etag.ends_with('"'),
        "strong ETag: {etag}"
    );
    assert_eq!(header(&first, "content-language"), "ja");
    assert_eq!(header(&first, "content-type"), "text/html; charset=utf-8");
    assert!(header(&first, "cache-control").contains("max-age="));
    assert!(header(&first, "vary").contains("Accept-Encoding"));

    let again = server.get_with(&path, &[("if-none-match", &etag)]).await;
    assert_eq!(again.status(), 304);
    assert_eq!(header(&again, "etag"), etag);
    assert!(again.bytes().await.unwrap().is_empty());

    let stale = server
        .get_with(&path, &[("if-none-match", "\"not-it\"")])
        .await;
    assert_eq!(stale.status(), 200);

    // The gzip variant is a different representation with its own tag.
    let gz = server.get_with(&path, &[("accept-encoding", "gzip")]).await;
    assert_eq!(header(&gz, "content-encoding"), "gzip");
    let gz_etag = header(&gz, "etag").to_owned();
    assert_ne!(gz_etag, etag);
    let gz_again = server
        .get_with(
            &path,
            &[("accept-encoding", "gzip"), ("if-none-match", &gz_etag)],
        )
        .await;
    assert_eq!(gz_again.status(), 304);

    // Each language is its own resource.
    let en = server.get(&format!("/en/{SLUG}")).await;
    assert_ne!(header(&en, "etag"), etag);
    assert_eq!(header(&en, "content-language"), "en");
    server.stop().await;
}

#[tokio::test]
async fn translated_page_has_disclaimer_in_the_reader_language() {
    let server = TestServer::start().await;
    // Every passage of the announcement has a reviewed (bundled)
    // translation: the disclaimer says people translated it, in each
    // language, and never that it was machine-translated.
    for (lang, heading, intro, original_link) in [
        (
            "en",
            "About this translation",
            "This page was translated from the Japanese original by people: translators have reviewed every passage.",
            "View the Japanese original",
        ),
        (
            "ko",
            "번역 안내",
            "이 페이지는 일본어 원문을 사람이 번역한 것입니다. 모든 단락을 번역자가 검수했습니다.",
            "일본어 원문 보기",
        ),
        (
            "zh-Hans",
            "关于本页翻译",
            "本页面由人工根据日语原文翻译，所有段落均经译者审校。",
            "查看日语原文",
        ),
        (
            "zh-Hant",
            "關於本頁翻譯",
            "本網頁由人工根據日語原文翻譯，所有段落均經譯者審校。",
            "檢視日語原文",
        ),
    ] {
        let html = server.text(&format!("/{lang}/{SLUG}")).await;
        let doc = Html::parse_document(&html);
        assert_eq!(select(&doc, "html")[0].value().attr("lang"), Some(lang));
        let disclaimer = select(&doc, "aside.disclaimer");
        assert_eq!(disclaimer.len(), 1, "{lang}");
        assert_eq!(text_of(&select(&doc, "#disclaimer-heading")[0]), heading);
        assert_eq!(text_of(&select(&doc, "aside.disclaimer p")[0]), intro);
        // Only the point that holds for any translation: images are not
        // translated. Nothing about machine translation.
        let items = select(&doc, "aside.disclaimer li");
        assert_eq!(items.len(), 1, "{lang}");
        assert!(select(&doc, "aside.disclaimer .provenance").is_empty());
        let link = select(&doc, "aside.disclaimer a")[0];
        assert_eq!(
            link.value().attr("href"),
            Some(format!("/ja/{SLUG}").as_str())
        );
        assert_eq!(text_of(&link), original_link);
        assert!(!select(&doc, "aside.disclaimer strong").is_empty());
        // The disclaimer is not in Japanese on a translated page.
        let disclaimer_text = text_of(&disclaimer[0]);
        assert!(
            !disclaimer_text.contains("翻訳対象"),
            "{lang}: {disclaimer_text}"
        );
        // Every passage says where its translation came from and carries
        // its Japanese original; none is left in Japanese.
        let units = select(&doc, "[data-origin]");
        assert!(units.len() > 30, "{lang}: {} units", units.len());
        for unit in &units {
            assert_eq!(unit.value().attr("data-origin"), Some("bundled"), "{lang}");
            assert!(!unit.value().attr("data-ja").unwrap_or_default().is_empty());
        }
        assert!(
            select(&doc, "main [lang=ja]").is_empty(),
            "{lang}: untranslated parts"
        );
        assert_eq!(select(&doc, "script[src^='/assets/original.js']").len(), 1);
        // The title is translated, not the Japanese original.
        assert!(!text_of(&select(&doc, "main h1")[0]).contains("を開催します"));
    }
    server.stop().await;
}

#[tokio::test]
async fn untranslated_page_shows_japanese_under_a_localized_notice() {
    // Content with no bundled translations and no provider configured.
    let dir = crate::support::japanese_only_content();
    let server =
        TestServer::start_with_env(&[("HONYAKU__CONTENT__DIR", dir.path().to_str().unwrap())])
            .await;
    let response = server.get(&format!("/en/{SLUG}")).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    let doc = Html::parse_document(&html);
    assert_eq!(select(&doc, "html")[0].value().attr("lang"), Some("en"));
    let notice = text_of(&select(&doc, "aside.notice")[0]);
    assert!(
        notice.contains("has not been translated into English yet"),
        "{notice}"
    );
    let article = select(&doc, "article")[0];
    assert_eq!(article.value().attr("lang"), Some("ja"));
    assert!(text_of(&article).contains("報道関係者各位"));
    // Chrome is still in English.
    assert_eq!(text_of(&select(&doc, "nav.switcher h2")[0]), "Language");
    for lang in ["ko", "zh-Hans", "zh-Hant"] {
        let html = server.text(&format!("/{lang}/{SLUG}")).await;
        assert!(html.contains("class=\"notice\""), "{lang}");
    }
    server.stop().await;
}

#[tokio::test]
async fn switcher_keeps_the_page_and_remembers_the_choice() {
    let server = TestServer::start().await;
    let html = server.text(&format!("/ja/{SLUG}")).await;
    let doc = Html::parse_document(&html);
    let korean = select(&doc, "nav.switcher a[hreflang=ko]")[0]
        .value()
        .attr("href")
        .unwrap()
        .to_owned();
    let response = server.get(&korean).await;
    assert_eq!(response.status(), 303);
    assert_eq!(header(&response, "location"), format!("/ko/{SLUG}"));
    let cookie = header(&response, "set-cookie").to_owned();
    assert!(cookie.starts_with("honyaku_lang=ko;"), "{cookie}");
    assert!(
        cookie.contains("SameSite=Lax") && cookie.contains("Path=/"),
        "{cookie}"
    );

    // Back at the root, the cookie wins over Accept-Language.
    let root = server
        .get_with(
            "/",
            &[("cookie", "honyaku_lang=ko"), ("accept-language", "en")],
        )
        .await;
    assert_eq!(header(&root, "location"), "/ko/");

    // The switch never leaves the site.
    for next in [
        "//evil.example/",
        "https://evil.example/",
        "/../../etc/passwd",
        "/a\\b",
        "/%0d%0aSet-Cookie:x",
    ] {
        let response = server
            .client
            .get(server.url("/set-language/en"))
            .query(&[("next", next)])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303, "{next}");
        assert_eq!(header(&response, "location"), "/en/", "{next}");
    }
    let unknown = server.get("/set-language/xx?next=/").await;
    assert_eq!(unknown.status(), 404);
    server.stop().await;
}

/// Where the switcher of a page leads for `lang`, followed through
/// `/set-language/`: the Location it answers with.
async fn switched(server: &TestServer, html: &str, lang: &str) -> String {
    let doc = Html::parse_document(html);
    let href = select(&doc, &format!("nav.switcher a[hreflang={lang}]"))[0]
        .value()
        .attr("href")
        .unwrap()
        .to_owned();
    let response = server.get(&href).await;
    assert_eq!(response.status(), 303, "{href}");
    header(&response, "location").to_owned()
}

#[tokio::test]
async fn the_switcher_keeps_the_reader_on_forms_404s_and_editor_pages() {
    let server = TestServer::start().await;
    // The report form of a passage: the same form in the other language.
    let page = server.text(&format!("/en/{SLUG}")).await;
    let doc = Html::parse_document(&page);
    let form = select(&doc, "a.passage-tools")[0]
        .value()
        .attr("href")
        .unwrap()
        .to_owned();
    let unit = form.rsplit("unit=").next().unwrap().to_owned();
    let html = server.text(&form).await;
    assert_eq!(
        switched(&server, &html, "ko").await,
        format!("/feedback/ko?page={SLUG}&unit={unit}")
    );
    assert_eq!(
        switched(&server, &html, "ja").await,
        format!("/feedback/ja?page={SLUG}&unit={unit}")
    );
    // A page that is not there: the same 404 in the other language.
    let missing = server.get("/en/houdou/2025/05/no-such-page").await;
    assert_eq!(missing.status(), 404);
    let html = missing.text().await.unwrap();
    assert_eq!(
        switched(&server, &html, "zh-Hant").await,
        "/zh-Hant/houdou/2025/05/no-such-page"
    );
    // A report form's `next` that is not one of ours leads home.
    for next in [
        "/feedback?page=../x&unit=0123456789abcdef",
        "/feedback?page=x&unit=zz",
        "/feedback?page=x&unit=0123456789abcdef&then=https://evil.example/",
        "/translators/../../etc/passwd",
        "/translators//evil.example/",
    ] {
        let response = server
            .client
            .get(server.url("/set-language/ko"))
            .query(&[("next", next)])
            .send()
            .await
            .unwrap();
        assert_eq!(header(&response, "location"), "/ko/", "{next}");
    }
    // The editor's language switch comes back to the editor page.
    let login = server.text("/translators/login").await;
    assert_eq!(switched(&server, &login, "ko").await, "/translators/login");
    server.stop().await;
}

#[tokio::test]
async fn the_site_has_its_own_favicon() {
    let server = TestServer::start().await;
    let response = server.get("/favicon.ico").await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-type"), "image/x-icon");
    let bytes = response.bytes().await.unwrap();
    // An ICO header with one image, and a PNG inside it.
    assert_eq!(&bytes[..6], &[0, 0, 1, 0, 1, 0]);
    assert!(bytes.windows(4).any(|w| w == b"\x89PNG"));
    let page = server.text(&format!("/en/{SLUG}")).await;
    assert!(page.contains(r#"<link rel="icon" href="/favicon.ico""#));
    server.stop().await;
}

#[tokio::test]
async fn language_aliases_redirect_to_the_canonical_prefix() {
    let server = TestServer::start().await;
    for (from, to) in [
        (format!("/zh-TW/{SLUG}"), format!("/zh-Hant/{SLUG}")),
        (format!("/zh-CN/{SLUG}"), format!("/zh-Hans/{SLUG}")),
        ("/zh-HK/".to_owned(), "/zh-Hant/".to_owned()),
        ("/EN/".to_owned(), "/en/".to_owned()),
        ("/ko".to_owned(), "/ko/".to_owned()),
        (format!("/ja/{SLUG}/"), format!("/ja/{SLUG}")),
    ] {
        let response = server.get(&from).await;
        assert_eq!(response.status(), 308, "{from}");
        assert_eq!(header(&response, "location"), to, "{from}");
    }
    server.stop().await;
}

#[tokio::test]
async fn home_pages_list_the_announcement() {
    let server = TestServer::start().await;
    for lang in ["ja", "en", "zh-Hans", "zh-Hant", "ko"] {
        let html = server.text(&format!("/{lang}/")).await;
        let doc = Html::parse_document(&html);
        let links: Vec<&str> = select(&doc, "ul.announcements a")
            .iter()
            .filter_map(|a| a.value().attr("href"))
            .collect();
        assert_eq!(links, [format!("/{lang}/{SLUG}").as_str()]);
    }
    server.stop().await;
}

#[tokio::test]
async fn unknown_language_and_page_get_a_localized_404() {
    let server = TestServer::start().await;
    let response = server.get_with("/xx/", &[("accept-language", "en")]).await;
    assert_eq!(response.status(), 404);
    assert_eq!(header(&response, "content-language"), "en");
    let html = response.text().await.unwrap();
    // maud escapes the quotes around the echoed code.
    assert!(
        html.contains("&quot;xx&quot; is not a supported language"),
        "{html}"
    );
    assert!(html.contains("<h1>Page not found</h1>"), "{html}");
    let doc = Html::parse_document(&html);
    assert_eq!(select(&doc, "html")[0].value().attr("lang"), Some("en"));

    let response = server.get_with("/xx/", &[("accept-language", "ko")]).await;
    assert_eq!(response.status(), 404);
    assert_eq!(header(&response, "content-language"), "ko");

    let response = server.get("/ja/no/such/page").await;
    assert_eq!(response.status(), 404);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("ページが見つかりません")
    );

    // Under a valid prefix the page's language wins over the header.
    let response = server
        .get_with("/ko/no-such-page", &[("accept-language", "en")])
        .await;
    assert_eq!(header(&response, "content-language"), "ko");

    // API-style clients get JSON with a stable code.
    let response = server
        .get_with("/xx/", &[("accept", "application/json")])
        .await;
    assert_eq!(response.status(), 404);
    assert_eq!(error_code(response).await, "unsupported_language");
    server.stop().await;
}

#[tokio::test]
async fn operations_endpoints_and_stylesheet() {
    let server = TestServer::start().await;
    assert_eq!(server.text("/healthz").await.trim(), "ok");
    let ready = server.json("/readyz").await;
    assert_eq!(ready["status"], "ready");
    assert_eq!(ready["content_version"], server.app.content.version);

    let html = server.text("/ja/").await;
    let doc = Html::parse_document(&html);
    let css = select(&doc, "link[rel=stylesheet]")[0]
        .value()
        .attr("href")
        .unwrap()
        .to_owned();
    let response = server.get(&css).await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-type"), "text/css; charset=utf-8");
    assert!(header(&response, "cache-control").contains("immutable"));
    // Nothing external: every stylesheet, script and image is ours.
    assert!(!html.contains("src=\"http"));
    assert!(!html.contains("stylesheet\" href=\"http"));
    server.stop().await;
}
