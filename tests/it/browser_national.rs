//! The national overview, the Landesübersicht with its map and public discovery in headless
//! Chromium: axe-core without violations (with the map's table open, too) and nothing wider
//! than the window, at 1280 and at 390 pixels.

use fantoccini::Locator;

use crate::support::TestApp;
use crate::support::browser::Browser;

const DEMO_PASSWORD: &str = "kinderchancen-demo";

/// Fails when the page scrolls sideways.
async fn assert_no_horizontal_overflow(browser: &Browser, what: &str) {
    let widths = browser
        .client
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth, \
             [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().width > window.innerWidth) \
             .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))];",
            vec![],
        )
        .await
        .unwrap();
    let scroll = widths[0].as_i64().unwrap();
    let inner = widths[1].as_i64().unwrap();
    assert!(
        scroll <= inner,
        "{what}: the page is {scroll} px wide in a window of {inner} px: {}",
        widths[2]
    );
}

async fn check(browser: &Browser, name: &str, paths: &[&str]) {
    for (width, height) in [(1280, 1600), (390, 1600)] {
        browser.client.set_window_size(width, height).await.unwrap();
        for path in paths {
            browser.goto(path).await;
            let what = format!("{path} at {width} px");
            browser.assert_accessible().await;
            assert_no_horizontal_overflow(browser, &what).await;
            let shot = format!("{name}{}_{width}", path.replace(['/', '?', '&', '='], "_"));
            browser.screenshot(&shot).await;
            browser
                .client
                .execute(
                    "document.getElementById('karte-titel').scrollIntoView({ behavior: 'instant' });",
                    vec![],
                )
                .await
                .unwrap();
            browser.screenshot(&format!("{shot}_karte")).await;
            // The table beside the map, opened: still accessible, still no sideways scrolling.
            browser
                .client
                .execute(
                    "document.querySelectorAll('details').forEach(d => d.open = true);",
                    vec![],
                )
                .await
                .unwrap();
            browser.assert_accessible().await;
            assert_no_horizontal_overflow(browser, &format!("{what}, table open")).await;
        }
    }
    browser.client.set_window_size(1280, 1000).await.unwrap();
}

#[tokio::test]
async fn the_national_pages_are_accessible_and_fit_narrow_screens() {
    let app = TestApp::spawn_demo().await;
    let bund = Browser::open(&app.url).await;
    bund.login("bund@demo.invalid", DEMO_PASSWORD).await;
    assert_eq!(bund.text("h1").await, "Bundesweiter Überblick");
    assert!(bund.text("main").await.contains("Die Länder im Vergleich"));
    check(
        &bund,
        "bund",
        &[
            "/bund/uebersicht",
            "/bund/uebersicht?karte=massnahmen",
            "/bund/uebersicht?karte=kennzahl:teilnahme-u9",
            "/land/uebersicht?land=05",
            "/land/uebersicht?land=11&karte=netzwerke",
            "/land/uebersicht?land=05&karte=kennzahl:betreuungsquote-unter-3",
        ],
    )
    .await;
    // The most adopted practices, each with a link to where it spread on the map.
    bund.goto("/bund/uebersicht").await;
    assert!(
        bund.text("#praxis-titel")
            .await
            .contains("übernommene gute Praxis")
    );
    let spread = bund
        .client
        .find(Locator::LinkText("auf der Karte zeigen"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .expect("a link to the map");
    check(&bund, "bund_praxis", &[&spread]).await;
    let legend = bund.text("#legende-titel").await;
    assert!(legend.starts_with("Legende: Übernahmen von „"), "{legend}");
    // A catalog indicator, chosen without JavaScript.
    bund.select(
        "Kreise einfärben nach",
        "Teilnahme an der Früherkennungsuntersuchung U9",
    )
    .await;
    bund.click_button("Karte anzeigen").await;
    assert!(bund.text("main").await.contains("Median je Kreis"));
    // The map's figure is chosen without JavaScript: a select and a button.
    bund.goto("/bund/uebersicht").await;
    bund.select("Kreise einfärben nach", "Zahl der Netzwerke")
        .await;
    bund.click_button("Karte anzeigen").await;
    assert!(bund.text("main").await.contains("Legende: Netzwerke"));
    // At least 40 networks in at least 10 Länder in the demo.
    let caption = bund.text("#laender-tabelle-titel").await;
    let networks: i64 = caption.split(' ').next().unwrap().parse().unwrap();
    assert!(networks >= 40, "{caption}");
    bund.close().await;

    let land = Browser::open(&app.url).await;
    land.login("land.nrw@demo.invalid", DEMO_PASSWORD).await;
    check(&land, "land", &["/land/uebersicht"]).await;
    land.close().await;

    let visitor = Browser::open(&app.url).await;
    check(
        &visitor,
        "anonym",
        &[
            "/oeffentlich",
            "/oeffentlich?land=05&karte=massnahmen",
            "/oeffentlich?karte=kennzahl:teilnahme-u9",
        ],
    )
    .await;
    visitor.close().await;
}
