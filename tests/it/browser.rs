//! The pages in a real browser (headless Chromium over WebDriver, driven
//! with fantoccini): what a
//! reader clicks and what scripts do. Skipped without `chromedriver`, except
//! under `CI`. One browser per test: starting Chromium is the slow part.

use std::time::{Duration, Instant};

use honyaku::i18n::Lang;
use honyaku::model::Role;

use fantoccini::Locator::Css;

use crate::chromedriver::browser_or_skip;
use crate::overrides::{plain_unit, units};
use crate::support::{SLUG, TestServer, translator};

const WAIT: Duration = Duration::from_secs(5);

/// A Japanese reader switches to English with the 言語切替 links, the choice
/// sticks, and on the translated page each passage's toggle shows its
/// Japanese original. The English is the bundled reviewed translation, so no
/// provider is involved.
#[tokio::test]
async fn language_switch_persists_and_originals_toggle() {
    let server = TestServer::start().await;
    let Some(browser) = browser_or_skip().await else {
        return;
    };

    // No cookie yet: the browser's Accept-Language (ja) decides.
    browser.goto(&server.url("/")).await.unwrap();
    assert_eq!(
        browser.current_url().await.unwrap().as_str(),
        server.url("/ja/")
    );

    browser
        .goto(&server.url(&format!("/ja/{SLUG}")))
        .await
        .unwrap();
    browser.find(Css("html[lang='ja']")).await.unwrap();
    let label = browser
        .find(Css("nav.switcher #switcher-label"))
        .await
        .unwrap();
    assert_eq!(label.text().await.unwrap(), "言語切替");
    let entries = browser.find_all(Css("nav.switcher a")).await.unwrap();
    assert_eq!(entries.len(), 5);
    let current = browser
        .find(Css("nav.switcher a[aria-current='true']"))
        .await
        .unwrap();
    assert_eq!(
        current.attr("hreflang").await.unwrap().as_deref(),
        Some("ja")
    );

    let english = browser
        .find(Css("nav.switcher a[hreflang='en']"))
        .await
        .unwrap();
    assert_eq!(english.text().await.unwrap(), "English");
    let href = english.attr("href").await.unwrap().unwrap_or_default();
    assert_eq!(href, format!("/set-language/en?next=/{SLUG}"));
    english.click().await.unwrap();

    browser
        .wait()
        .at_most(WAIT)
        .for_element(Css("html[lang='en']"))
        .await
        .unwrap();
    assert_eq!(
        browser.current_url().await.unwrap().as_str(),
        server.url(&format!("/en/{SLUG}"))
    );
    let disclaimer = browser.find(Css("aside.disclaimer")).await.unwrap();
    assert!(disclaimer.is_displayed().await.unwrap());
    let heading = browser.find(Css("#disclaimer-heading")).await.unwrap();
    assert_eq!(heading.text().await.unwrap(), "About this translation");

    // The cookie now outranks Accept-Language.
    browser.goto(&server.url("/")).await.unwrap();
    assert_eq!(
        browser.current_url().await.unwrap().as_str(),
        server.url("/en/")
    );

    // original.js turns each passage control into a button that opens the
    // passage's panel: its Japanese original, where the translation came
    // from and the report link.
    browser
        .goto(&server.url(&format!("/en/{SLUG}")))
        .await
        .unwrap();
    let toggle = browser
        .wait()
        .at_most(WAIT)
        .for_element(Css("button.passage-tools"))
        .await
        .unwrap();
    let toggles = browser.find_all(Css("button.passage-tools")).await.unwrap();
    assert_eq!(toggles.len(), 12, "one per passage of running text");
    assert!(
        browser
            .find_all(Css("a.passage-tools"))
            .await
            .unwrap()
            .is_empty()
    );

    let controls = toggle.attr("aria-controls").await.unwrap().unwrap();
    let panel = browser.find(Css(&format!("#{controls}"))).await.unwrap();
    assert!(!panel.is_displayed().await.unwrap());
    assert_eq!(
        toggle.attr("aria-expanded").await.unwrap().as_deref(),
        Some("false")
    );
    toggle.click().await.unwrap();
    assert!(panel.is_displayed().await.unwrap());
    assert_eq!(
        toggle.attr("aria-expanded").await.unwrap().as_deref(),
        Some("true")
    );
    let original = browser
        .find(Css(&format!("#{controls} [lang='ja']")))
        .await
        .unwrap();
    let japanese = original.text().await.unwrap();
    assert!(
        japanese
            .chars()
            .any(|c| ('\u{3040}'..='\u{9fff}').contains(&c)),
        "{japanese}"
    );
    let panel_text = panel.text().await.unwrap();
    assert!(panel_text.contains("Reviewed translation"), "{panel_text}");
    let report = browser
        .find(Css(&format!("#{controls} a.report-link")))
        .await
        .unwrap();
    assert_eq!(report.text().await.unwrap(), "Report a translation problem");
    assert!(
        report
            .attr("href")
            .await
            .unwrap()
            .unwrap()
            .starts_with("/feedback/en?page=")
    );
    toggle.click().await.unwrap();
    assert!(!panel.is_displayed().await.unwrap());
}

/// The client's form and script commands, which the pages above do not need
/// yet, on a page of its own: typing, clearing, scripts with elements.
#[tokio::test]
async fn client_types_clears_and_runs_scripts() {
    let Some(browser) = browser_or_skip().await else {
        return;
    };
    let page = "<form><textarea name=unit>原文</textarea><button type=button \
                onclick=\"this.textContent=document.forms[0].unit.value\">Save</button></form>";
    browser
        .goto(&format!("data:text/html;charset=utf-8,{page}"))
        .await
        .unwrap();
    let area = browser.find(Css("textarea")).await.unwrap();
    area.clear().await.unwrap();
    area.send_keys("Edited translation, 編集済み")
        .await
        .unwrap();
    let value = browser
        .execute(
            "return arguments[0].value;",
            vec![serde_json::to_value(&area).unwrap()],
        )
        .await
        .unwrap();
    assert_eq!(value, "Edited translation, 編集済み");
    let button = browser.find(Css("button")).await.unwrap();
    button.click().await.unwrap();
    assert_eq!(button.text().await.unwrap(), "Edited translation, 編集済み");
    assert!(browser.source().await.unwrap().contains("<textarea"));

    let missing = browser.find(Css("#nothing-here")).await.unwrap_err();
    assert!(missing.is_no_such_element(), "{missing}");
}

/// A translator logs in to the web editor with a token, opens the English
/// page from the picker, rewrites one unit and saves: the editor comes back
/// to that unit with a status message, and readers get the new text on the
/// public page at once. The browser asks for Japanese, so the editor speaks
/// Japanese.
#[tokio::test]
async fn translator_edits_a_unit_and_sees_it_on_the_public_page() {
    let started = Instant::now();
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En]).await;
    let unit = plain_unit(&units(&server, &token, "en", None).await);
    let id = unit["id"].as_str().unwrap();
    let Some(browser) = browser_or_skip().await else {
        return;
    };

    // Not logged in yet: the editor sends the browser to its login form.
    browser.goto(&server.url("/translators/")).await.unwrap();
    let field = browser
        .wait()
        .at_most(WAIT)
        .for_element(Css("html[lang='ja'] input#token[type=password]"))
        .await
        .unwrap();
    assert_eq!(
        browser.current_url().await.unwrap().as_str(),
        server.url("/translators/login")
    );
    field.send_keys(&token).await.unwrap();
    browser
        .find(Css("form[action='/translators/login'] button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser
        .wait()
        .at_most(WAIT)
        .for_element(Css("form.logout"))
        .await
        .unwrap();
    assert_eq!(
        browser.current_url().await.unwrap().as_str(),
        server.url("/translators/")
    );

    // The picker's defaults are the one page and the one language.
    browser
        .find(Css("form.picker button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let area = browser
        .wait()
        .at_most(WAIT)
        .for_element(Css(&format!("#unit-{id}-text[lang='en']")))
        .await
        .unwrap();
    let edited = "Edited in the browser: worker co-operatives, explained plainly";
    area.clear().await.unwrap();
    area.send_keys(edited).await.unwrap();
    browser
        .find(Css(&format!("#unit-{id} button[value=save]")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();

    let status = browser
        .wait()
        .at_most(WAIT)
        .for_element(Css(&format!("#unit-{id} [role=status]")))
        .await
        .unwrap();
    assert!(status.is_displayed().await.unwrap());
    assert_eq!(
        status.text().await.unwrap(),
        "保存しました。閲覧者にはあなたの翻訳が表示されます。"
    );
    let url = browser.current_url().await.unwrap();
    assert!(url.as_str().ends_with(&format!("#unit-{id}")), "{url}");
    let area = browser
        .find(Css(&format!("#unit-{id}-text")))
        .await
        .unwrap();
    let value = browser
        .execute(
            "return arguments[0].value;",
            vec![serde_json::to_value(&area).unwrap()],
        )
        .await
        .unwrap();
    assert_eq!(value, edited);

    browser
        .goto(&server.url(&format!("/en/{SLUG}")))
        .await
        .unwrap();
    let served = browser
        .wait()
        .at_most(WAIT)
        .for_element(Css("main [data-origin='translator']"))
        .await
        .unwrap();
    assert_eq!(served.text().await.unwrap(), edited);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
}
