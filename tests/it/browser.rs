//! Every page in headless Chromium, checked with axe-core, as each demo role sees it.

use crate::support::TestApp;
use crate::support::browser::Browser;

const DEMO_PASSWORD: &str = "kinderchancen-demo";

async fn check_pages(browser: &Browser, prefix: &str, paths: &[&str]) {
    for path in paths {
        browser.goto(path).await;
        browser
            .screenshot(&format!("{prefix}{}", path.replace('/', "_")))
            .await;
        browser.assert_accessible().await;
    }
}

#[tokio::test]
async fn public_pages_are_accessible() {
    let app = TestApp::spawn_demo().await;
    let browser = Browser::open(&app.url).await;
    check_pages(
        &browser,
        "anonym",
        &[
            "/",
            "/anmelden",
            "/impressum",
            "/datenschutz",
            "/barrierefreiheit",
            "/verzeichnis",
            "/verzeichnis/05",
            "/gibt-es-nicht",
        ],
    )
    .await;

    // A failed login shows the message and keeps the e-mail; still accessible.
    browser.login("kommune.hamm@demo.invalid", "falsch").await;
    assert!(
        browser
            .text("main")
            .await
            .contains("E-Mail-Adresse oder Passwort ist falsch.")
    );
    browser.assert_accessible().await;
    browser.screenshot("anonym_anmeldung_fehlgeschlagen").await;
    browser.close().await;
}

#[tokio::test]
async fn coordinators_and_land_officers_see_their_start_pages() {
    let app = TestApp::spawn_demo().await;
    let cases = [
        ("kommune.hamm@demo.invalid", "Hamm, Stadt"),
        ("kommune.detmold@demo.invalid", "Detmold"),
        ("kommune.tuebingen@demo.invalid", "Tübingen"),
        ("land.nrw@demo.invalid", "Nordrhein-Westfalen"),
        ("land.bw@demo.invalid", "Baden-Württemberg"),
        ("bund@demo.invalid", "Bundesweiter Überblick"),
    ];
    for (email, heading) in cases {
        let browser = Browser::open(&app.url).await;
        browser.login(email, DEMO_PASSWORD).await;
        assert_eq!(browser.path().await, "/", "{email} signed in");
        assert_eq!(browser.text("h1").await, heading, "{email}");
        let name = email.split('@').next().unwrap();
        check_pages(&browser, name, &["/", "/konto/passwort"]).await;
        // Keyboard: the first Tab stop is the skip link, and it leads to the content.
        browser.goto("/").await;
        browser
            .client
            .active_element()
            .await
            .unwrap()
            .send_keys("\u{E004}")
            .await
            .unwrap();
        let focused = browser.client.active_element().await.unwrap();
        assert_eq!(
            focused.attr("href").await.unwrap().as_deref(),
            Some("#inhalt")
        );
        // Logging out is a button in a form: no JavaScript needed.
        browser.click_button("Abmelden").await;
        assert_eq!(browser.path().await, "/anmelden");
        browser.close().await;
    }
}

#[tokio::test]
async fn admin_pages_are_accessible() {
    let app = TestApp::spawn_demo().await;
    let browser = Browser::open(&app.url).await;
    browser.login("admin@demo.invalid", DEMO_PASSWORD).await;
    assert_eq!(browser.text("h1").await, "Administration");
    let hamm_id: i64 =
        sqlx::query_scalar("SELECT id FROM users WHERE email = 'kommune.hamm@demo.invalid'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let hamm = format!("/verwaltung/benutzer/{hamm_id}");
    check_pages(
        &browser,
        "admin",
        &[
            "/",
            "/verwaltung/benutzer",
            "/verwaltung/benutzer/neu",
            &hamm,
            "/verzeichnis/gemeinden/neu",
        ],
    )
    .await;

    // A rejected form, as a user sees it: summary, messages at the fields, input kept.
    browser.goto("/verwaltung/benutzer/neu").await;
    browser.fill_labelled("E-Mail", "keine-adresse").await;
    browser.click_button("Konto anlegen").await;
    let main = browser.text("main").await;
    assert!(main.contains("Bitte korrigieren Sie Ihre Angaben"));
    assert!(main.contains("Bitte eine Rolle auswählen."));
    browser.assert_accessible().await;
    browser.screenshot("admin_konto_fehler").await;

    // Creating an account shows the initial password once.
    browser.goto("/verwaltung/benutzer/neu").await;
    browser
        .fill_labelled("E-Mail", "koordination@halle.de")
        .await;
    browser
        .fill_labelled("Name", "Jugendhilfeplanung Halle (Saale)")
        .await;
    browser.choose("Kommunale Koordination").await;
    browser
        .fill_labelled(
            "Kommune (Gemeindeschlüssel, AGS) – nur für kommunale Koordination",
            "15002",
        )
        .await;
    browser.click_button("Konto anlegen").await;
    assert_eq!(browser.text("h1").await, "Konto angelegt");
    assert_eq!(browser.text("#anfangspasswort").await.len(), 23);
    browser.assert_accessible().await;
    browser.screenshot("admin_konto_angelegt").await;
    browser.close().await;
}
