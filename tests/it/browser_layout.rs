//! Every page on a phone and for everyone, in headless Chromium: no
//! sideways scrolling at 320, 375 and 414 CSS px, no violation axe-core
//! finds (the npm package's own rules, injected into the page), and no more
//! keyboard stops on the announcement than it has passages of running text.
//! Skipped without `chromedriver` or axe-core, except under `CI`.

use std::path::PathBuf;

use fantoccini::Locator::Css;
use honyaku::i18n::Lang;
use honyaku::model::Role;
use serde_json::{Value, json};

use crate::chromedriver::{Browser, browser_or_skip};
use crate::overrides::{plain_unit, save, units};
use crate::support::{SLUG, TestServer, translator};

/// The widths a page must fit: small, common and large phones.
const WIDTHS: [u32; 3] = [320, 375, 414];

/// axe-core's browser build: `HONYAKU_AXE_JS`, else the global npm
/// package. `None` (said on stderr) when missing; under CI that fails.
fn axe_source() -> Option<String> {
    let path = std::env::var_os("HONYAKU_AXE_JS")
        .map(PathBuf::from)
        .or_else(|| {
            let root = std::process::Command::new("npm")
                .args(["root", "-g"])
                .output()
                .ok()?;
            let root = String::from_utf8(root.stdout).ok()?;
            Some(PathBuf::from(root.trim()).join("axe-core/axe.min.js"))
        })
        .filter(|p| p.is_file());
    match path {
        Some(path) => Some(std::fs::read_to_string(path).unwrap()),
        None => {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must provide axe-core (.ci/run installs it with npm)"
            );
            eprintln!(
                "skipping: axe-core not found (npm install -g axe-core, or set HONYAKU_AXE_JS)"
            );
            None
        }
    }
}

/// The page's width against the viewport's, at each of [`WIDTHS`].
async fn assert_fits(browser: &Browser, what: &str) {
    for width in WIDTHS {
        browser.set_window_size(width, 900).await.unwrap();
        let sizes = browser
            .execute(
                "return [document.documentElement.scrollWidth, window.innerWidth];",
                vec![],
            )
            .await
            .unwrap();
        let (scroll, inner) = (sizes[0].as_u64().unwrap(), sizes[1].as_u64().unwrap());
        assert!(
            scroll <= inner,
            "{what} at {width} px: the page is {scroll} px wide, the viewport {inner} px"
        );
    }
}

/// Runs axe-core on the page at a phone's width and at a desktop's; every
/// violation fails, with its rule, impact and where.
async fn assert_accessible(browser: &Browser, axe: &str, what: &str) {
    for width in [375, 1280] {
        browser.set_window_size(width, 900).await.unwrap();
        // WebDriver scripts run past the page's CSP, which allows no
        // inline script.
        browser.execute(axe, vec![]).await.unwrap();
        let violations = browser
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document).then(r => done(r.violations.map(v => ({
                     id: v.id, impact: v.impact,
                     nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))));",
                vec![],
            )
            .await
            .unwrap();
        let violations = violations.as_array().cloned().unwrap_or_default();
        assert!(
            violations.is_empty(),
            "{what} at {width} px: {}",
            serde_json::to_string_pretty(&violations).unwrap()
        );
    }
}

async fn open(browser: &Browser, url: &str) {
    browser.goto(url).await.unwrap();
    browser
        .wait()
        .for_element(Css("main"))
        .await
        .unwrap_or_else(|e| panic!("{url}: {e}"));
}

/// Every reader's page in every language: home, announcement, the report
/// form, its thank-you page and a 404.
#[tokio::test]
async fn readers_pages_fit_phones_and_pass_axe_in_every_language() {
    let server = TestServer::start().await;
    let Some(axe) = axe_source() else { return };
    let Some(browser) = browser_or_skip().await else {
        return;
    };
    for lang in server.app.languages.langs() {
        let code = server.app.languages.prefix(lang).to_owned();
        for path in [
            format!("/{code}/"),
            format!("/{code}/{SLUG}"),
            format!("/{code}/no-such/page"),
        ] {
            open(&browser, &server.url(&path)).await;
            assert_fits(&browser, &path).await;
            assert_accessible(&browser, &axe, &path).await;
        }
        if lang.is_source() {
            continue;
        }
        // The report form of the first passage, then the thank-you page
        // its button leads to.
        open(&browser, &server.url(&format!("/{code}/{SLUG}"))).await;
        let form = browser
            .find(Css(
                "button.passage-tools + .passage-panel a.report-link, a.passage-tools",
            ))
            .await
            .unwrap()
            .attr("href")
            .await
            .unwrap()
            .unwrap();
        open(&browser, &server.url(&form)).await;
        assert_fits(&browser, &form).await;
        assert_accessible(&browser, &axe, &form).await;
        browser
            .find(Css("#report-message"))
            .await
            .unwrap()
            .send_keys("The date in this passage reads oddly.")
            .await
            .unwrap();
        browser
            .find(Css("form.report-form button[type=submit]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        browser
            .wait()
            .for_element(Css("blockquote.report-message"))
            .await
            .unwrap();
        assert_fits(&browser, "the thank-you page").await;
        assert_accessible(&browser, &axe, "the thank-you page").await;
    }
    server.stop().await;
}

/// The translators' editor, logged in, in each of its languages: home,
/// a page's units, a unit's history with changes in it, and the page
/// refusing a language the account may not edit.
#[tokio::test]
async fn editor_pages_fit_phones_and_pass_axe_in_every_language() {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let unit = plain_unit(&units(&server, &token, "en", None).await);
    let id = unit["id"].as_str().unwrap().to_owned();
    for (version, text) in [
        ("0", "First correction"),
        ("1", "A second, longer correction of the same passage"),
    ] {
        let response = save(&server, &token, "en", &id, Some(version), text).await;
        assert_eq!(response.status(), 200);
    }
    let Some(axe) = axe_source() else { return };
    let Some(browser) = browser_or_skip().await else {
        return;
    };
    open(&browser, &server.url("/translators/login")).await;
    assert_fits(&browser, "the login page").await;
    assert_accessible(&browser, &axe, "the login page").await;
    browser
        .find(Css("#token"))
        .await
        .unwrap()
        .send_keys(&token)
        .await
        .unwrap();
    browser
        .find(Css("form[action='/translators/login'] button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser
        .wait()
        .for_element(Css("form.logout"))
        .await
        .unwrap();
    let slug: String = url::form_urlencoded::byte_serialize(SLUG.as_bytes()).collect();
    for lang in server.app.languages.langs() {
        // The editor's own language switch (the site's cookie), which
        // brings the translator back to the editor's home.
        open(&browser, &server.url("/translators/")).await;
        browser
            .find(Css(&format!(
                "header nav.switcher a[hreflang='{}']",
                lang.code()
            )))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        browser
            .wait()
            .for_element(Css(&format!("html[lang='{}'] form.logout", lang.code())))
            .await
            .unwrap();
        for path in [
            "/translators/".to_owned(),
            format!("/translators/edit?page={slug}&lang=en"),
            format!("/translators/history/en/{id}"),
            format!("/translators/edit?page={slug}&lang=ko"),
        ] {
            open(&browser, &server.url(&path)).await;
            let html_lang = browser
                .find(Css("html"))
                .await
                .unwrap()
                .attr("lang")
                .await
                .unwrap();
            assert_eq!(html_lang.as_deref(), Some(lang.code()), "{path}");
            assert_fits(&browser, &format!("{path} ({lang})")).await;
            assert_accessible(&browser, &axe, &format!("{path} ({lang})")).await;
        }
    }
    server.stop().await;
}

/// A keyboard user tabs through the English announcement from the top:
/// every stop, in order, until focus comes round again. The passage
/// controls among them are one per passage of running text, no more.
#[tokio::test]
async fn the_announcement_adds_no_more_tab_stops_than_passages() {
    let server = TestServer::start().await;
    let Some(browser) = browser_or_skip().await else {
        return;
    };
    open(&browser, &server.url(&format!("/en/{SLUG}"))).await;
    browser
        .wait()
        .for_element(Css("button.passage-tools"))
        .await
        .unwrap();
    let running = browser
        .find_all(Css("button.passage-tools"))
        .await
        .unwrap()
        .len();
    let tab = char::from(fantoccini::key::Key::Tab).to_string();
    let mut stops: Vec<Value> = Vec::new();
    for _ in 0..400 {
        // The key goes where focus is, as a keyboard's would.
        let focused = browser.active_element().await.unwrap();
        focused.send_keys(&tab).await.unwrap();
        let stop = browser
            .execute(
                "const e = document.activeElement;
                 if (!e || e === document.body) return null;
                 if (!e.dataset.stop) e.dataset.stop = String(Math.random());
                 return { stop: e.dataset.stop, tag: e.tagName, cls: e.className };",
                vec![],
            )
            .await
            .unwrap();
        if stop.is_null() || stops.iter().any(|s| s["stop"] == stop["stop"]) {
            break;
        }
        stops.push(stop);
    }
    let controls = stops
        .iter()
        .filter(|s| {
            s["cls"]
                .as_str()
                .is_some_and(|c| c.contains("passage-tools"))
        })
        .count();
    eprintln!(
        "Tab stops on /en/{SLUG}: {} in all, {controls} passage controls for {running} passages of running text",
        stops.len()
    );
    assert_eq!(controls, running, "one stop per passage control");
    assert!(running <= 12, "{running} passages of running text");
    // Everything else is the page's own: skip link, switcher, breadcrumb,
    // disclaimer link, the links in the text.
    assert!(stops.len() < 40, "{}: {:?}", stops.len(), json!(stops));
    server.stop().await;
}

/// The eight languages shipped beyond the first five and やさしい日本語,
/// translated by a local LibreTranslate playing an honest pseudo-translator:
/// Thai and Burmese come back as long runs of their letters with no word
/// spaces, the hardest case for line breaking. Home and announcement fit
/// every phone width (Noto fonts for Thai, Burmese and Devanagari, which
/// `.ci/run` installs) and pass axe-core, and so do the Thai and Burmese
/// report forms.
#[tokio::test]
async fn the_new_languages_fit_phones_and_pass_axe() {
    let content = crate::support::japanese_only_content();
    let mt = crate::support::LibreTranslate::pseudo();
    let provider = mt.start().await;
    let server = TestServer::start_with_file(
        crate::languages::ALL_SHIPPED,
        &[
            ("HONYAKU__CONTENT__DIR", content.path().to_str().unwrap()),
            (
                "HONYAKU__PROVIDERS__LIBRETRANSLATE__BASE_URL",
                &provider.uri(),
            ),
        ],
    )
    .await;
    let Some(axe) = axe_source() else { return };
    let Some(browser) = browser_or_skip().await else {
        return;
    };
    for prefix in ["vi", "fil", "pt-BR", "ne", "id", "my", "th", "es", "easy"] {
        for path in [format!("/{prefix}/"), format!("/{prefix}/{SLUG}")] {
            open(&browser, &server.url(&path)).await;
            assert_fits(&browser, &path).await;
            assert_accessible(&browser, &axe, &path).await;
        }
    }
    // The Thai and Burmese announcements were translated (not Japanese
    // left over), so it is their script that had to wrap.
    for (prefix, first) in [("th", '\u{0E01}'), ("my", '\u{1000}')] {
        open(&browser, &server.url(&format!("/{prefix}/{SLUG}"))).await;
        let text = browser
            .find(Css("article [data-origin='machine']"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            text.chars()
                .any(|c| (first..=char::from_u32(u32::from(first) + 0x7F).unwrap()).contains(&c)),
            "{prefix}: {text}"
        );
        browser.set_window_size(375, 900).await.unwrap();
        let sizes = browser
            .execute(
                "const a = document.querySelector('article');
                 return [a.scrollWidth, a.clientWidth, document.documentElement.scrollWidth, window.innerWidth];",
                vec![],
            )
            .await
            .unwrap();
        let n = |i: usize| sizes[i].as_u64().unwrap();
        assert!(n(0) <= n(1) && n(2) <= n(3), "{prefix} at 375 px: {sizes}");
        // The report form of the first passage, in the reader's language.
        let form = browser
            .find(Css(
                "button.passage-tools + .passage-panel a.report-link, a.passage-tools",
            ))
            .await
            .unwrap()
            .attr("href")
            .await
            .unwrap()
            .unwrap();
        open(&browser, &server.url(&form)).await;
        let html_lang = browser
            .find(Css("html"))
            .await
            .unwrap()
            .attr("lang")
            .await
            .unwrap();
        assert_eq!(html_lang.as_deref(), Some(prefix), "{form}");
        assert_fits(&browser, &form).await;
        assert_accessible(&browser, &axe, &form).await;
    }
    server.stop().await;
}

/// A right-to-left language only configuration defines (Arabic, no
/// locale): the page is `dir="rtl"`, its English chrome and the Japanese
/// left untranslated run left to right, and it fits phones.
#[tokio::test]
async fn a_right_to_left_language_keeps_english_chrome_left_to_right() {
    let server = TestServer::start_with_file(
        "[languages]\ntargets = [\"en\", \"ar\"]\n[languages.known.ar]\nendonym = \"العربية\"\nname = \"Arabic\"\n",
        &[],
    )
    .await;
    let Some(browser) = browser_or_skip().await else {
        return;
    };
    let path = format!("/ar/{SLUG}");
    open(&browser, &server.url(&path)).await;
    assert_fits(&browser, &path).await;
    let dirs = browser
        .execute(
            "const d = s => getComputedStyle(document.querySelector(s)).direction;
             return [document.documentElement.getAttribute('dir'), d('html'),
                     d('.site-header .brand'), d('footer.site-footer'),
                     d(\"main [lang|='ja']\")];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(dirs, json!(["rtl", "rtl", "ltr", "ltr", "ltr"]));
    server.stop().await;
}
