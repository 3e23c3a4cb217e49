//! The translators' web editor over plain HTTP, cookies handled by hand:
//! login and its cookie, the failure limit, CSRF on every change, a save
//! through the form reaching readers, refused changes keeping the typed
//! text, the editor's language, and logout.

use honyaku::i18n::Lang;
use honyaku::model::Role;
use honyaku::render::editor::edit_href;
use scraper::{Html, Selector};

use crate::overrides::{plain_unit, unit_with_placeholder, units};
use crate::support::{SLUG, TestServer, header, translator};

/// A logged-in editor: the `Cookie` header to send and the CSRF token of
/// its session (read from a page, as a browser's form would carry it).
struct Session {
    cookie: String,
    csrf: String,
}

async fn post_login(server: &TestServer, token: &str) -> reqwest::Response {
    server
        .client
        .post(server.url("/translators/login"))
        .header("accept-language", "en")
        .form(&[("token", token)])
        .send()
        .await
        .unwrap()
}

async fn get(server: &TestServer, path: &str, cookie: &str) -> reqwest::Response {
    server
        .client
        .get(server.url(path))
        .header("cookie", cookie)
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
}

async fn post(
    server: &TestServer,
    path: &str,
    cookie: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    server
        .client
        .post(server.url(path))
        .header("cookie", cookie)
        .header("accept-language", "en")
        .form(fields)
        .send()
        .await
        .unwrap()
}

async fn login(server: &TestServer, token: &str) -> Session {
    let response = post_login(server, token).await;
    assert_eq!(response.status(), 303);
    assert_eq!(header(&response, "location"), "/translators/");
    let set_cookie = header(&response, "set-cookie");
    let cookie = set_cookie.split(';').next().unwrap().trim().to_owned();
    let home = get(server, "/translators/", &cookie).await;
    assert_eq!(home.status(), 200);
    let csrf = input_value(&home.text().await.unwrap(), "form.logout input[name=csrf]");
    Session { cookie, csrf }
}

fn input_value(html: &str, css: &str) -> String {
    let document = Html::parse_document(html);
    let selector = Selector::parse(css).unwrap();
    document
        .select(&selector)
        .next()
        .unwrap_or_else(|| panic!("no {css}"))
        .value()
        .attr("value")
        .unwrap()
        .to_owned()
}

fn select_text(html: &str, css: &str) -> Option<String> {
    let document = Html::parse_document(html);
    let selector = Selector::parse(css).unwrap();
    document
        .select(&selector)
        .next()
        .map(|e| e.text().collect::<String>())
}

fn edit_path() -> String {
    edit_href(SLUG, Lang::En, None)
}

fn unit_path(lang: &str, id: &str) -> String {
    format!("/translators/units/{lang}/{id}")
}

#[tokio::test]
async fn login_sets_a_strict_http_only_cookie_for_the_editor_only() {
    let server = TestServer::start().await;
    let form = server.get("/translators/login").await;
    assert_eq!(form.status(), 200);
    assert_eq!(header(&form, "cache-control"), "no-store");
    let html = form.text().await.unwrap();
    let document = Html::parse_document(&html);
    let field = Selector::parse("form[action='/translators/login'] input#token").unwrap();
    let field = document.select(&field).next().expect("the token field");
    assert_eq!(field.value().attr("type"), Some("password"));
    assert_eq!(field.value().attr("autocomplete"), Some("off"));
    assert!(
        html.contains("<label for=\"token\">"),
        "the field is labelled"
    );

    let token = translator(&server, "sato", Role::Translator, &[Lang::En, Lang::Ko]).await;
    let response = post_login(&server, &token).await;
    assert_eq!(response.status(), 303);
    assert_eq!(header(&response, "location"), "/translators/");
    let set_cookie = header(&response, "set-cookie").to_owned();
    let attributes: Vec<&str> = set_cookie.split(';').map(str::trim).collect();
    let id = attributes[0]
        .strip_prefix("honyaku_session=")
        .expect("the session cookie");
    assert_eq!(id.len(), 64, "{set_cookie}");
    for wanted in ["HttpOnly", "SameSite=Strict", "Path=/translators"] {
        assert!(attributes.contains(&wanted), "{wanted} in {set_cookie}");
    }
    assert!(
        !attributes.contains(&"Secure"),
        "no Secure over plain http: {set_cookie}"
    );
    assert!(!set_cookie.contains(&token), "the token is not the session");
    // The store knows the session by the id's hash only.
    let now = honyaku::clock::now_ms();
    let store = &server.app.store;
    assert!(store.session_get(id, now).await.unwrap().is_none());
    let session = store
        .session_get(&honyaku::auth::sha256_hex(id), now)
        .await
        .unwrap()
        .expect("a session under the id's SHA-256");
    assert_eq!(session.translator.name, "sato");
    assert_eq!(session.csrf_token.len(), 64);

    let cookie = attributes[0];
    let home = get(&server, "/translators/", cookie).await;
    assert_eq!(home.status(), 200);
    assert_eq!(header(&home, "cache-control"), "no-store");
    let html = home.text().await.unwrap();
    assert!(html.contains("Logged in as sato"), "{html}");
    assert!(html.contains("You may edit: English, Korean."), "{html}");
    assert!(html.contains("class=\"skip-link\" href=\"#main\""));
    assert!(html.contains("<main id=\"main\""));
    assert!(html.contains(honyaku::render::stylesheet_path()));
    assert_eq!(
        input_value(&html, "form.logout input[name=csrf]"),
        session.csrf_token
    );
    let options: Vec<String> = {
        let document = Html::parse_document(&html);
        let selector = Selector::parse("select[name=lang] option").unwrap();
        document
            .select(&selector)
            .map(|o| o.value().attr("value").unwrap().to_owned())
            .collect()
    };
    assert_eq!(options, ["en", "ko"], "only the translator's languages");
}

#[tokio::test]
async fn a_bad_token_gets_the_form_again_and_repeated_failures_are_refused() {
    let server = TestServer::start().await;
    let bad = post_login(&server, "hny_not-a-token").await;
    assert_eq!(bad.status(), 401);
    assert!(header(&bad, "set-cookie").is_empty());
    let html = bad.text().await.unwrap();
    let alert = select_text(&html, "#login-error[role=alert]").expect("an error");
    assert!(alert.contains("not valid"), "{alert}");
    assert!(!html.contains("hny_not-a-token"), "the token is not echoed");
    assert!(html.contains("name=\"token\""), "the form is shown again");

    let mut last = None;
    for _ in 0..server.app.config.translators.login_failures {
        last = Some(post_login(&server, "hny_wrong").await);
    }
    let refused = last.unwrap();
    assert_eq!(refused.status(), 429);
    let wait: u64 = header(&refused, "retry-after").parse().unwrap();
    assert!(wait > 0);
    let html = refused.text().await.unwrap();
    let alert = select_text(&html, "#login-error").unwrap();
    assert!(alert.contains("Too many failed attempts"), "{alert}");
    // A good token from the same (perhaps shared) address still logs in.
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    assert_eq!(post_login(&server, &token).await.status(), 303);
}

#[tokio::test]
async fn editor_pages_without_a_session_send_to_the_login_form() {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let id = plain_unit(&units(&server, &token, "en", None).await)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let forged = format!("honyaku_session={}", "0".repeat(64));
    for cookie in ["", forged.as_str()] {
        for path in [
            "/translators/".to_owned(),
            edit_path(),
            format!("/translators/history/en/{id}"),
        ] {
            let response = get(&server, &path, cookie).await;
            assert_eq!(response.status(), 303, "{path}");
            // Back to where the translator was going after the login.
            let expected = if path == "/translators/" {
                "/translators/login".to_owned()
            } else {
                let next: String = url::form_urlencoded::byte_serialize(path.as_bytes()).collect();
                format!("/translators/login?next={next}")
            };
            assert_eq!(header(&response, "location"), expected);
            assert_eq!(header(&response, "cache-control"), "no-store");
        }
        // A save whose session has gone: nothing is written, and the typed
        // text is on the login form to copy, which leads back to the unit.
        let response = post(
            &server,
            &unit_path("en", &id),
            cookie,
            &[
                ("action", "save"),
                ("version", "0"),
                ("text", "My careful wording"),
            ],
        )
        .await;
        assert_eq!(response.status(), 401);
        let html = response.text().await.unwrap();
        assert_eq!(
            select_text(&html, "textarea#kept-text").as_deref(),
            Some("My careful wording")
        );
        assert_eq!(
            input_value(&html, "input[name=next]"),
            format!("{}#unit-{id}", edit_path())
        );
    }
    let bare = server.get("/translators").await;
    assert_eq!(bare.status(), 303);
    assert_eq!(header(&bare, "location"), "/translators/");
}

#[tokio::test]
async fn every_change_needs_the_sessions_csrf_token() {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let session = login(&server, &token).await;
    let id = plain_unit(&units(&server, &token, "en", None).await)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let wrong = "0".repeat(64);
    for csrf in [None, Some(""), Some(wrong.as_str())] {
        let mut fields = vec![
            ("action", "save"),
            ("version", "0"),
            ("text", "Sent from another site"),
        ];
        if let Some(csrf) = csrf {
            fields.push(("csrf", csrf));
        }
        let response = post(&server, &unit_path("en", &id), &session.cookie, &fields).await;
        assert_eq!(response.status(), 403, "csrf {csrf:?}");
        let html = response.text().await.unwrap();
        assert!(html.contains("did not come from the editor"), "{html}");
    }
    let logout = post(&server, "/translators/logout", &session.cookie, &[]).await;
    assert_eq!(logout.status(), 403);
    // Nothing changed, and the session still works.
    let unit = units(&server, &token, "en", None)
        .await
        .into_iter()
        .find(|u| u["id"] == id.as_str())
        .unwrap();
    assert_eq!(unit["version"], 0);
    assert_eq!(
        get(&server, "/translators/", &session.cookie)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn a_save_through_the_form_reaches_readers_and_shows_in_history() {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let session = login(&server, &token).await;
    let unit = plain_unit(&units(&server, &token, "en", None).await);
    let id = unit["id"].as_str().unwrap();

    let page = get(&server, &edit_path(), &session.cookie).await;
    assert_eq!(page.status(), 200);
    assert_eq!(header(&page, "cache-control"), "no-store");
    let html = page.text().await.unwrap();
    let form = format!("#unit-{id} form.unit-form");
    assert_eq!(
        input_value(&html, &format!("{form} input[name=csrf]")),
        session.csrf
    );
    assert_eq!(
        input_value(&html, &format!("{form} input[name=version]")),
        "0"
    );
    let prefilled = select_text(&html, &format!("{form} textarea[name=text]")).unwrap();
    assert_eq!(prefilled, unit["served"].as_str().unwrap());
    let document = Html::parse_document(&html);
    let source = Selector::parse(&format!("#unit-{id} .source p[lang=ja]")).unwrap();
    assert_eq!(
        document
            .select(&source)
            .next()
            .unwrap()
            .text()
            .collect::<String>(),
        unit["source"].as_str().unwrap()
    );
    let textarea = Selector::parse(&format!("#unit-{id} textarea[lang=en]")).unwrap();
    assert!(document.select(&textarea).next().is_some());

    let typed = "Worker co-operatives, edited in the web editor";
    let saved = post(
        &server,
        &unit_path("en", id),
        &session.cookie,
        &[
            ("csrf", session.csrf.as_str()),
            ("unit", id),
            ("version", "0"),
            ("action", "save"),
            ("text", typed),
        ],
    )
    .await;
    assert_eq!(saved.status(), 303);
    let location = header(&saved, "location").to_owned();
    assert!(
        location.starts_with("/translators/edit?")
            && location.contains(&format!("saved={id}"))
            && location.ends_with(&format!("#unit-{id}")),
        "{location}"
    );
    let back = get(&server, &location, &session.cookie).await;
    let html = back.text().await.unwrap();
    let status = select_text(&html, &format!("#unit-{id} [role=status]")).unwrap();
    assert!(status.contains("Saved"), "{status}");
    assert_eq!(
        select_text(&html, &format!("#unit-{id} textarea")).unwrap(),
        typed
    );
    assert_eq!(
        input_value(&html, &format!("#unit-{id} input[name=version]")),
        "1"
    );
    assert!(
        server.text(&format!("/en/{SLUG}")).await.contains(typed),
        "readers get the override"
    );

    let history = get(
        &server,
        &format!("/translators/history/en/{id}"),
        &session.cookie,
    )
    .await;
    assert_eq!(history.status(), 200);
    let html = history.text().await.unwrap();
    let row = select_text(&html, "table.history tbody tr").unwrap();
    assert!(
        row.contains("sato") && row.contains("Saved") && row.contains(typed),
        "{row}"
    );
    assert!(row.contains("UTC"), "{row}");

    // Reverting through the form serves the bundled translation again.
    let reverted = post(
        &server,
        &unit_path("en", id),
        &session.cookie,
        &[
            ("csrf", session.csrf.as_str()),
            ("version", "1"),
            ("action", "revert"),
            ("text", typed),
        ],
    )
    .await;
    assert_eq!(reverted.status(), 303);
    assert!(header(&reverted, "location").contains(&format!("reverted={id}")));
    assert!(!server.text(&format!("/en/{SLUG}")).await.contains(typed));
}

#[tokio::test]
async fn refused_changes_keep_the_typed_text_and_say_why() {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let session = login(&server, &token).await;
    let all = units(&server, &token, "en", None).await;

    // QA: a dropped placeholder.
    let unit = unit_with_placeholder(&all);
    let id = unit["id"].as_str().unwrap();
    let typed = "All the markup is gone & <script>alert(1)</script>";
    let refused = post(
        &server,
        &unit_path("en", id),
        &session.cookie,
        &[
            ("csrf", session.csrf.as_str()),
            ("version", "0"),
            ("action", "save"),
            ("text", typed),
        ],
    )
    .await;
    assert_eq!(refused.status(), 422);
    assert_eq!(header(&refused, "cache-control"), "no-store");
    let html = refused.text().await.unwrap();
    assert!(!html.contains("<script>alert(1)"), "typed text is escaped");
    assert_eq!(
        select_text(&html, &format!("#unit-{id} textarea")).unwrap(),
        typed
    );
    let error = select_text(&html, &format!("#unit-{id} .editor-error[role=alert]")).unwrap();
    assert!(
        error.contains("Not saved") && error.contains("<b1>"),
        "{error}"
    );
    let document = Html::parse_document(&html);
    let area = Selector::parse(&format!("#unit-{id} textarea[aria-invalid=true]")).unwrap();
    let area = document.select(&area).next().expect("marked invalid");
    assert!(
        area.value()
            .attr("aria-describedby")
            .unwrap()
            .contains(&format!("unit-{id}-error"))
    );

    // Stale: someone saved the unit after this translator loaded it.
    let other = translator(&server, "lee", Role::Translator, &[Lang::En]).await;
    let unit = plain_unit(&all);
    let id = unit["id"].as_str().unwrap();
    assert_eq!(
        crate::overrides::save(&server, &other, "en", id, Some("0"), "Lee's wording")
            .await
            .status(),
        200
    );
    let typed = "Sato's wording, typed before Lee saved";
    let stale = post(
        &server,
        &unit_path("en", id),
        &session.cookie,
        &[
            ("csrf", session.csrf.as_str()),
            ("version", "0"),
            ("action", "save"),
            ("text", typed),
            ("state", "machine"),
        ],
    )
    .await;
    assert_eq!(stale.status(), 412);
    let html = stale.text().await.unwrap();
    assert_eq!(
        select_text(&html, &format!("#unit-{id} textarea")).unwrap(),
        typed,
        "kept even though the machine filter would now hide the unit"
    );
    assert_eq!(
        input_value(&html, &format!("#unit-{id} input[name=version]")),
        "1"
    );
    let error = select_text(&html, &format!("#unit-{id} .editor-error")).unwrap();
    assert!(error.contains("someone else changed"), "{error}");
    assert!(
        select_text(&html, &format!("#unit-{id} .served"))
            .unwrap()
            .contains("Lee's wording")
    );
}

#[tokio::test]
async fn other_languages_are_not_editable() {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let session = login(&server, &token).await;
    let id = plain_unit(&units(&server, &token, "en", None).await)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let page = get(&server, &edit_href(SLUG, Lang::Ko, None), &session.cookie).await;
    assert_eq!(page.status(), 403);
    assert!(!page.text().await.unwrap().contains("unit-form"));
    let change = post(
        &server,
        &unit_path("ko", &id),
        &session.cookie,
        &[
            ("csrf", session.csrf.as_str()),
            ("version", "0"),
            ("action", "save"),
            ("text", "한국어"),
        ],
    )
    .await;
    assert_eq!(change.status(), 403);
    let unit = units(&server, &token, "ko", None)
        .await
        .into_iter()
        .find(|u| u["id"] == id.as_str())
        .unwrap();
    assert_eq!(unit["version"], 0);
}

#[tokio::test]
async fn the_editor_speaks_the_translators_language() {
    let server = TestServer::start().await;
    let mut seen = Vec::new();
    for (accept, lang) in [
        ("ja", "ja"),
        ("en-GB,en;q=0.9", "en"),
        ("ko", "ko"),
        ("zh-TW", "zh-Hant"),
        ("fr", "en"),
    ] {
        let response = server
            .get_with("/translators/login", &[("accept-language", accept)])
            .await;
        assert_eq!(header(&response, "content-language"), lang, "{accept}");
        let html = response.text().await.unwrap();
        assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{accept}");
        seen.push(select_text(&html, "h1").unwrap());
    }
    assert_eq!(seen, ["ログイン", "Log in", "로그인", "登入", "Log in"]);
    // The site's language cookie counts too.
    let response = server
        .get_with(
            "/translators/login",
            &[("accept-language", "en"), ("cookie", "honyaku_lang=ja")],
        )
        .await;
    assert_eq!(header(&response, "content-language"), "ja");

    // Every editor page in every language, with no message missing.
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let session = login(&server, &token).await;
    let id = plain_unit(&units(&server, &token, "en", None).await)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for (accept, heading) in [
        ("ja", "英語の翻訳"),
        ("en", "English translation"),
        ("ko", ""),
        ("zh-Hans", ""),
        ("zh-Hant", ""),
    ] {
        for path in [
            "/translators/".to_owned(),
            edit_path(),
            format!("/translators/history/en/{id}"),
        ] {
            let response = server
                .get_with(
                    &path,
                    &[("accept-language", accept), ("cookie", &session.cookie)],
                )
                .await;
            assert_eq!(response.status(), 200, "{path}");
            let html = response.text().await.unwrap();
            if path.starts_with("/translators/edit") && !heading.is_empty() {
                assert_eq!(select_text(&html, "h1").unwrap(), heading);
            }
        }
    }
    assert_eq!(server.app.locales.fallbacks(), 0);
}

#[tokio::test]
async fn logout_ends_the_session() {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let session = login(&server, &token).await;
    let response = post(
        &server,
        "/translators/logout",
        &session.cookie,
        &[("csrf", session.csrf.as_str())],
    )
    .await;
    assert_eq!(response.status(), 303);
    assert_eq!(header(&response, "location"), "/translators/login");
    let cleared = header(&response, "set-cookie");
    assert!(
        cleared.starts_with("honyaku_session=;")
            && cleared.contains("Max-Age=0")
            && cleared.contains("Path=/translators"),
        "{cleared}"
    );
    // The old cookie is worth nothing now, even if a copy was kept.
    let after = get(&server, "/translators/", &session.cookie).await;
    assert_eq!(after.status(), 303);
    assert_eq!(header(&after, "location"), "/translators/login");
}

#[tokio::test]
async fn reader_reports_show_in_the_editor_and_can_be_resolved() {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let unit = plain_unit(&units(&server, &token, "en", None).await);
    let key = unit["id"].as_str().unwrap();
    let report = server
        .app
        .store
        .report_add(SLUG, key, Lang::En, "Wrong term <script>alert(1)</script>")
        .await
        .unwrap();
    // A report in another language is not this editor page's business.
    server
        .app
        .store
        .report_add(SLUG, key, Lang::Ko, "Korean report")
        .await
        .unwrap();

    let session = login(&server, &token).await;
    let html = get(&server, &edit_path(), &session.cookie)
        .await
        .text()
        .await
        .unwrap();
    let section = select_text(&html, "section.reader-reports").expect("a reports section");
    assert!(section.contains("Reader reports (1 open)"), "{section}");
    assert!(
        section.contains("Wrong term <script>alert(1)</script>"),
        "shown as text"
    );
    assert!(!html.contains("<script>alert(1)"), "never as markup");
    assert!(!section.contains("Korean report"));
    let anchor = format!("href=\"#unit-{key}\"");
    assert!(html.contains(&anchor), "links to the passage");

    let path = format!("/translators/reports/{}/resolve", report.id);
    let forged = post(&server, &path, &session.cookie, &[("csrf", "wrong")]).await;
    assert_eq!(forged.status(), 403);
    let resolved = post(&server, &path, &session.cookie, &[("csrf", &session.csrf)]).await;
    assert_eq!(resolved.status(), 303);
    assert!(header(&resolved, "location").ends_with(&format!("#unit-{key}")));
    let stored = server
        .app
        .store
        .report_get(report.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.resolved_by.as_deref(), Some("sato"));
    let html = get(&server, &edit_path(), &session.cookie)
        .await
        .text()
        .await
        .unwrap();
    let section = select_text(&html, "section.reader-reports").unwrap();
    assert!(section.contains("No open reports"), "{section}");
}

#[tokio::test]
async fn login_returns_to_the_page_asked_for_and_only_inside_the_editor() {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let target = edit_path();
    let asked = get(&server, &target, "").await;
    let login_url = header(&asked, "location").to_owned();
    let form = get(&server, &login_url, "").await.text().await.unwrap();
    assert_eq!(input_value(&form, "input[name=next]"), target);
    let login = |next: String| {
        server
            .client
            .post(server.url("/translators/login"))
            .form(&[("token", token.as_str()), ("next", next.as_str())])
            .send()
    };
    let response = login(target.clone()).await.unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(header(&response, "location"), target);
    for elsewhere in [
        "https://evil.example/",
        "//evil.example/translators/",
        "/translators/login",
        "/en/",
        "/translators/\\evil",
    ] {
        let response = login(elsewhere.to_owned()).await.unwrap();
        assert_eq!(
            header(&response, "location"),
            "/translators/",
            "{elsewhere} is not followed"
        );
    }
}

#[tokio::test]
async fn approving_with_the_text_changed_approves_the_new_text() {
    use honyaku::model::OverrideState;

    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let unit = plain_unit(&units(&server, &token, "en", None).await);
    let id = unit["id"].as_str().unwrap();
    let source = honyaku::review::from_editable(unit["source"].as_str().unwrap());
    let store = &server.app.store;
    store
        .override_put(id, Lang::En, "Old wording", &source, "kim", None)
        .await
        .unwrap();
    let flagged = store
        .override_set_state(id, Lang::En, OverrideState::NeedsReview, "honyaku", None)
        .await
        .unwrap();
    let session = login(&server, &token).await;
    let version = flagged.version.to_string();
    let response = post(
        &server,
        &unit_path("en", id),
        &session.cookie,
        &[
            ("csrf", session.csrf.as_str()),
            ("action", "approve"),
            ("unit", id),
            ("page", SLUG),
            ("version", version.as_str()),
            ("text", "Reviewed and reworded"),
        ],
    )
    .await;
    assert_eq!(response.status(), 303);
    let now = store
        .override_get(&[id.to_owned()], Lang::En)
        .await
        .unwrap()
        .remove(id)
        .unwrap();
    assert_eq!(
        now.text, "Reviewed and reworded",
        "the edit was not dropped"
    );
    assert_eq!(now.state, OverrideState::Approved);
    assert_eq!(now.author, "sato");
}

#[tokio::test]
async fn two_session_cookies_are_no_session() {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let session = login(&server, &token).await;
    assert_eq!(
        get(&server, "/translators/", &session.cookie)
            .await
            .status(),
        200
    );
    // A second cookie of the same name, as a sibling subdomain could plant.
    let doubled = format!("honyaku_session={}; {}", "1".repeat(64), session.cookie);
    let response = get(&server, "/translators/", &doubled).await;
    assert_eq!(response.status(), 303);
    assert_eq!(header(&response, "location"), "/translators/login");
}

/// What a browser would post: every field of a unit's form once, as the
/// page renders it (a field twice makes the form unreadable).
#[tokio::test]
async fn a_unit_form_as_rendered_can_be_posted() {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let session = login(&server, &token).await;
    let html = get(&server, &edit_path(), &session.cookie)
        .await
        .text()
        .await
        .unwrap();
    let document = Html::parse_document(&html);
    let form = document
        .select(&Selector::parse("form.unit-form").unwrap())
        .next()
        .expect("a unit form");
    let action = form.value().attr("action").unwrap().to_owned();
    let mut fields: Vec<(String, String)> = form
        .select(&Selector::parse("input[name], textarea[name]").unwrap())
        .map(|e| {
            let name = e.value().attr("name").unwrap().to_owned();
            let value = match e.value().name() {
                "textarea" => e.text().collect::<String>(),
                _ => e.value().attr("value").unwrap_or_default().to_owned(),
            };
            (name, value)
        })
        .collect();
    let mut names: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(names.len(), before, "a field appears twice: {fields:?}");
    fields.push(("action".into(), "save".into()));
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let response = post(&server, &action, &session.cookie, &pairs).await;
    assert_eq!(response.status(), 303, "the rendered form posts as is");
}

/// Login CSRF: a browser without `Sec-Fetch-Site` still says where a form
/// comes from in `Origin` (or `Referer`), and another site's form cannot
/// log it into anyone's account, not even with a valid token.
#[tokio::test]
async fn another_sites_login_form_is_refused_by_its_origin() {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let attempt = |name: &'static str, value: String| {
        let server = &server;
        let token = token.clone();
        async move {
            server
                .client
                .post(server.url("/translators/login"))
                .header("accept-language", "en")
                .header(name, value)
                .form(&[("token", token.as_str())])
                .send()
                .await
                .unwrap()
        }
    };
    for (name, value) in [
        ("origin", "https://evil.example".to_owned()),
        ("origin", "null".to_owned()),
        ("referer", "https://evil.example/login.html".to_owned()),
        ("sec-fetch-site", "cross-site".to_owned()),
        ("sec-fetch-site", "same-site".to_owned()),
    ] {
        let response = attempt(name, value.clone()).await;
        assert_eq!(response.status(), 403, "{name}: {value}");
        assert!(
            response.headers().get("set-cookie").is_none(),
            "{name}: {value} got a session"
        );
    }
    // Our own form, by Origin or by Referer, logs in.
    let response = attempt("origin", server.base.clone()).await;
    assert_eq!(response.status(), 303);
    assert!(header(&response, "set-cookie").starts_with("honyaku_session="));
    let response = attempt("referer", server.url("/translators/login")).await;
    assert_eq!(response.status(), 303);
    server.stop().await;
}
