//! The catalog, the comparison, the NAP report and good practice taken over, in headless
//! Chromium with axe-core, at 1280 and 390 px without sideways scrolling, as the demo roles
//! see them.

use crate::support::TestApp;
use crate::support::browser::Browser;

const DEMO_PASSWORD: &str = "kinderchancen-demo";

/// At both widths: accessible, no horizontal overflow, a screenshot to look at.
async fn check(browser: &Browser, name: &str, path: &str) {
    browser.goto(path).await;
    for (width, height) in [(1280, 1000), (390, 900)] {
        browser.client.set_window_size(width, height).await.unwrap();
        let overflow = browser
            .client
            .execute(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
                vec![],
            )
            .await
            .unwrap();
        assert!(
            overflow.as_i64().unwrap_or(1) <= 0,
            "{path} scrolls sideways by {overflow} px at {width} px"
        );
        browser.assert_accessible().await;
        browser.screenshot(&format!("{name}_{width}")).await;
    }
    browser.client.set_window_size(1280, 1000).await.unwrap();
}

async fn practice_slug(app: &TestApp) -> String {
    sqlx::query_scalar(
        "SELECT slug FROM knowledge_entries
         WHERE kind = 'good_practice' AND status = 'veroeffentlicht' ORDER BY slug LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn catalog_pages_for_visitors_coordinators_and_the_bund() {
    let app = TestApp::spawn_demo().await;
    let slug = practice_slug(&app).await;
    let compare = "/katalog/betreuungsquote-unter-3";

    let browser = Browser::open(&app.url).await;
    check(&browser, "anonym_katalog", "/katalog").await;
    check(&browser, "anonym_vergleich", compare).await;
    let main = browser.text("main").await;
    // Public demo networks by name, the demo values marked in the database as such.
    assert!(main.contains("Präventionskette Hamm"), "{main}");
    check(
        &browser,
        "anonym_praxisbeispiel",
        &format!("/wissen/eintrag/{slug}"),
    )
    .await;
    browser.close().await;

    let browser = Browser::open(&app.url).await;
    browser
        .login("kommune.hamm@demo.invalid", DEMO_PASSWORD)
        .await;
    check(&browser, "kommune_vergleich", compare).await;
    assert!(browser.text("main").await.contains("(Ihr Netzwerk)"));
    let hamm: i64 =
        sqlx::query_scalar("SELECT id FROM networks WHERE kommune_ags = '05915' LIMIT 1")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let detmold: i64 =
        sqlx::query_scalar("SELECT id FROM networks WHERE kommune_ags = '05766020' LIMIT 1")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    check(
        &browser,
        "kommune_vergleich_zeitreihe",
        &format!("{compare}?netzwerk={hamm}&netzwerk={detmold}"),
    )
    .await;
    check(
        &browser,
        "kommune_kennzahlen_katalog",
        &format!("/netzwerke/{hamm}/kennzahlen"),
    )
    .await;
    // Adopt a catalog indicator by keyboard-free form: choose, submit, land on it.
    browser
        .select(
            "Kennzahl aus dem Katalog",
            "Teilnahme an der Früherkennungsuntersuchung U8",
        )
        .await;
    browser.click_button("Übernehmen").await;
    assert!(
        browser
            .text("main")
            .await
            .contains("Teilnahme an der Früherkennungsuntersuchung U8")
    );
    check(&browser, "kommune_katalog_kennzahl", &browser.path().await).await;
    // Good practice into the own network: the prefilled form.
    browser.goto(&format!("/wissen/eintrag/{slug}")).await;
    let button = browser
        .client
        .find(fantoccini::Locator::LinkText("In mein Netzwerk übernehmen"))
        .await
        .unwrap();
    let href = button.attr("href").await.unwrap().unwrap();
    assert_eq!(href, format!("/wissen/eintrag/{slug}/uebernehmen"));
    browser.goto(&href).await;
    assert!(
        browser
            .text("main")
            .await
            .contains("Vorbelegt aus dem Praxisbeispiel")
    );
    let form = browser.client.current_url().await.unwrap();
    check(
        &browser,
        "kommune_praxis_uebernehmen",
        &format!("{}?{}", form.path(), form.query().unwrap_or_default()),
    )
    .await;
    browser.close().await;

    let browser = Browser::open(&app.url).await;
    browser.login("bund@demo.invalid", DEMO_PASSWORD).await;
    check(&browser, "bund_katalog", "/katalog").await;
    check(&browser, "bund_vergleich", compare).await;
    check(&browser, "bund_katalog_neu", "/katalog/neu").await;
    check(
        &browser,
        "bund_katalog_bearbeiten",
        &format!("{compare}/bearbeiten"),
    )
    .await;
    check(&browser, "bund_nap_bericht", "/bund/nap-bericht").await;
    browser.client.set_window_size(1280, 2400).await.unwrap();
    browser.screenshot("bund_nap_bericht_ganz").await;
    browser.close().await;
}
