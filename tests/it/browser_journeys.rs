//! Each role's main pages as a journey at desktop (1280 px) and phone (390 px) width: no page
//! scrolls sideways and axe-core finds nothing; and the network report on paper.

use crate::support::TestApp;
use crate::support::browser::Browser;

const DEMO_PASSWORD: &str = "kinderchancen-demo";

/// Visits `pages` signed in as `email` (or anonymously) at both widths.
async fn journey(app: &TestApp, email: Option<&str>, name: &str, pages: &[String]) {
    let browser = Browser::open(&app.url).await;
    if let Some(email) = email {
        browser.login(email, DEMO_PASSWORD).await;
        assert_eq!(browser.path().await, "/", "{email} signed in");
    }
    for width in [1280, 390] {
        browser.resize(width).await;
        for path in pages {
            browser.goto(path).await;
            browser
                .screenshot(&format!(
                    "reise_{name}_{width}{}",
                    path.replace(['/', '?', '=', '&'], "_")
                ))
                .await;
            browser.assert_accessible().await;
            browser.assert_no_sideways_scroll().await;
        }
    }
    browser.close().await;
}

async fn id(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .fetch_one(&app.pool)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn hamm(app: &TestApp) -> i64 {
    id(app, "SELECT id FROM networks WHERE kommune_ags = '05915'").await
}

#[tokio::test]
async fn the_public_journey_fits_desktop_and_phone() {
    let app = TestApp::spawn_demo().await;
    let hamm = hamm(&app).await;
    let pages = [
        "/".to_owned(),
        "/anmelden".into(),
        "/wissen".into(),
        "/wissen?q=Armut&art=good_practice".into(),
        "/wissen/eintrag/familienrathaus-hamm".into(),
        format!("/oeffentlich/netzwerke/{hamm}"),
        "/verzeichnis".into(),
        "/verzeichnis/05".into(),
        "/impressum".into(),
        "/datenschutz".into(),
        "/barrierefreiheit".into(),
        "/leichte-sprache".into(),
        "/gebaerdensprache".into(),
    ];
    journey(&app, None, "anonym", &pages).await;
}

#[tokio::test]
async fn the_coordinators_journey_fits_desktop_and_phone() {
    let app = TestApp::spawn_demo().await;
    let hamm = hamm(&app).await;
    let measure = id(
        &app,
        &format!("SELECT min(id) FROM measures WHERE network_id = {hamm}"),
    )
    .await;
    let indicator = id(
        &app,
        &format!("SELECT min(id) FROM indicators WHERE network_id = {hamm}"),
    )
    .await;
    let funding = id(
        &app,
        &format!("SELECT min(id) FROM fundings WHERE network_id = {hamm}"),
    )
    .await;
    // Enough measures for a second page of the list, with its paging links.
    sqlx::query(
        "INSERT INTO measures (network_id, title, handlungsfelder, lebensphasen, status)
         SELECT $1, 'Zusätzliches Angebot ' || g, ARRAY['gesundheit'], ARRAY['drei_bis_sechs'],
                'laufend'
         FROM generate_series(1, 60) g",
    )
    .bind(hamm)
    .execute(&app.pool)
    .await
    .unwrap();
    let base = format!("/netzwerke/{hamm}");
    let pages = [
        "/".to_owned(),
        "/netzwerke".into(),
        base.clone(),
        format!("{base}/bestandsaufnahme"),
        format!("{base}/bestandsaufnahme?zielgruppe=alleinerziehende"),
        format!("{base}/bericht"),
        format!("{base}/partner"),
        format!("{base}/massnahmen"),
        format!("{base}/massnahmen?seite=2"),
        format!("{base}/massnahmen/{measure}"),
        format!("{base}/ziele"),
        format!("{base}/kennzahlen"),
        format!("{base}/kennzahlen/{indicator}"),
        format!("/foerderungen/{funding}"),
        "/berichte".into(),
        "/wissen/meine".into(),
    ];
    journey(&app, Some("kommune.hamm@demo.invalid"), "kommune", &pages).await;
}

#[tokio::test]
async fn the_land_officers_journey_fits_desktop_and_phone() {
    let app = TestApp::spawn_demo().await;
    let hamm = hamm(&app).await;
    let report = id(&app, "SELECT min(id) FROM reports").await;
    let program = id(
        &app,
        "SELECT min(id) FROM funding_programs WHERE land_code = '05'",
    )
    .await;
    let pages = [
        "/".to_owned(),
        "/netzwerke".into(),
        "/land/uebersicht".into(),
        "/berichte".into(),
        format!("/berichte/{report}"),
        "/foerderprogramme".into(),
        format!("/foerderprogramme/{program}"),
        format!("/netzwerke/{hamm}"),
        format!("/netzwerke/{hamm}/bestandsaufnahme"),
    ];
    journey(&app, Some("land.nrw@demo.invalid"), "land", &pages).await;
}

#[tokio::test]
async fn the_bund_journey_fits_desktop_and_phone() {
    let app = TestApp::spawn_demo().await;
    let pages = [
        "/".to_owned(),
        "/netzwerke".into(),
        "/land/uebersicht".into(),
        // Schleswig-Holstein has no network: an empty state, not 42 gaps.
        "/land/uebersicht?land=01".into(),
        "/wissen/meine".into(),
        "/wissen/neu".into(),
    ];
    journey(&app, Some("bund@demo.invalid"), "bund", &pages).await;
}

#[tokio::test]
async fn the_admins_journey_fits_desktop_and_phone() {
    let app = TestApp::spawn_demo().await;
    let user = id(
        &app,
        "SELECT id FROM users WHERE email = 'kommune.hamm@demo.invalid'",
    )
    .await;
    let pages = [
        "/".to_owned(),
        "/verwaltung/benutzer".into(),
        "/verwaltung/benutzer?q=hamm&rolle=kommune&land=05".into(),
        "/verwaltung/benutzer/neu".into(),
        format!("/verwaltung/benutzer/{user}"),
        "/verzeichnis/gemeinden/neu".into(),
    ];
    journey(&app, Some("admin@demo.invalid"), "admin", &pages).await;
}

/// The report a coordinator hands to the council, printed by Chromium to an A4 PDF: the
/// coverage matrix keeps all six Lebensphasen, with a value in every cell.
#[tokio::test]
async fn the_printed_network_report_shows_every_column_of_the_matrix() {
    let app = TestApp::spawn_demo().await;
    let hamm = hamm(&app).await;
    let browser = Browser::open(&app.url).await;
    browser
        .login("kommune.hamm@demo.invalid", DEMO_PASSWORD)
        .await;
    browser.goto(&format!("/netzwerke/{hamm}/bericht")).await;
    let text = browser.printed_text("bericht_hamm").await;
    let matrix = &text[text
        .find("Bestandsaufnahme")
        .unwrap_or_else(|| panic!("no matrix in\n{text}"))..];
    for header in [
        "Schwanger",
        "0–3 Jahre",
        "3–6 Jahre",
        "6–10 Jahre",
        "10–16 Jahre",
        "16–18 Jahre",
    ] {
        assert!(
            matrix.contains(header),
            "{header} fehlt im Druck:\n{matrix}"
        );
    }
    // Every Handlungsfeld row holds six values: a number or "Lücke" for each Lebensphase.
    for field in ["Gesundheit", "Wohnen"] {
        let row = matrix
            .lines()
            .find(|l| l.trim_start().starts_with(field))
            .unwrap_or_else(|| panic!("no row {field} in\n{matrix}"));
        let cells = row
            .split_whitespace()
            .filter(|w| *w == "Lücke" || w.parse::<i64>().is_ok())
            .count();
        assert_eq!(cells, 6, "row {field} printed as: {row}");
    }
    // Navigation and buttons stay off the paper.
    assert!(!text.contains("Zurück zum Netzwerk"), "{text}");
    assert!(!text.contains("Abmelden"), "{text}");
    browser.close().await;
}
