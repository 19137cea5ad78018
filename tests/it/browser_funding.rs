//! The report cycle in headless Chromium, as the coordinator and the Land officer do it:
//! submit → return with a reason → resubmit → accept → locked; axe-core on every funding page.

use fantoccini::Locator;
use kinderchancen::policy::Role;

use crate::funding::{funding, program};
use crate::networks::HAMM;
use crate::support::browser::Browser;
use crate::support::{PASSWORD, TestApp};

/// Types into the textarea whose `<label>` reads `label`.
async fn fill_text_area(browser: &Browser, label: &str, value: &str) {
    let xpath = format!("//textarea[@id=//label[normalize-space(.)='{label}']/@for]");
    let area = browser
        .client
        .find(Locator::XPath(&xpath))
        .await
        .unwrap_or_else(|e| panic!("no textarea labelled {label}: {e}"));
    area.clear().await.unwrap();
    area.send_keys(value).await.unwrap();
}

async fn check(browser: &Browser, name: &str) {
    browser.screenshot(&format!("foerderung_{name}")).await;
    browser.assert_accessible().await;
}

#[tokio::test]
async fn the_report_cycle_in_the_browser() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Präventionskette Hamm").await;
    let (program, aufbau, verstetigung) =
        program(&app, "05", "kinderstark – NRW schafft Chancen").await;
    let fid = funding(&app, network, program, aufbau, "2024-01-01").await;
    app.create_user("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    app.create_user("l@nrw.de", Role::Land, None, Some("05"))
        .await;

    let coordinator = Browser::open(&app.url).await;
    coordinator.login("k@hamm.de", PASSWORD).await;
    assert!(
        coordinator
            .text("main")
            .await
            .contains("fällig am 31.03.2025, seit")
    );
    check(&coordinator, "kommune_start").await;
    for (path, name) in [
        (
            format!("/netzwerke/{network}/foerderungen"),
            "kommune_netzwerk",
        ),
        ("/foerderprogramme".to_owned(), "kommune_programme"),
        ("/berichte".to_owned(), "kommune_berichte"),
    ] {
        coordinator.goto(&path).await;
        check(&coordinator, name).await;
    }
    let deliverable: i64 = sqlx::query_scalar(
        "SELECT id FROM phase_deliverables WHERE phase_id = $1 AND position = 1",
    )
    .bind(aufbau)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    coordinator
        .goto(&format!("/foerderungen/{fid}/nachweise/{deliverable}"))
        .await;
    check(&coordinator, "nachweis").await;
    fill_text_area(
        &coordinator,
        "Beleg",
        "Koordinierungsstelle seit 01.03.2024 besetzt",
    )
    .await;
    coordinator.click_button("Nachweis speichern").await;
    assert!(
        coordinator
            .text("main")
            .await
            .contains("Der Nachweis wurde gespeichert.")
    );
    check(&coordinator, "kommune_foerderung").await;

    // Opens the first report and submits it with an answer missing, then complete.
    coordinator.click_button("Bericht beginnen").await;
    assert!(coordinator.path().await.ends_with("/bearbeiten"));
    check(&coordinator, "bericht_formular").await;
    let report_edit = coordinator.path().await;
    let report = report_edit.trim_end_matches("/bearbeiten").to_owned();
    fill_text_area(
        &coordinator,
        "Was ist gut gelungen?",
        "Das Familienbüro ist eröffnet.",
    )
    .await;
    coordinator.click_button("Bericht einreichen").await;
    let main = coordinator.text("main").await;
    assert!(main.contains("Bitte korrigieren Sie Ihre Angaben"));
    assert!(main.contains("Bitte eine Antwort auf „Was ist nicht gelungen?“ angeben."));
    check(&coordinator, "bericht_formular_fehler").await;
    fill_text_area(
        &coordinator,
        "Was ist nicht gelungen?",
        "Zwei Schulen fehlen noch.",
    )
    .await;
    fill_text_area(
        &coordinator,
        "Wie waren Kinder, Jugendliche und Familien beteiligt?",
        "Kinderkonferenz mit 40 Kindern.",
    )
    .await;
    fill_text_area(
        &coordinator,
        "Was ist für den nächsten Zeitraum geplant?",
        "Elterncafés an Grundschulen.",
    )
    .await;
    coordinator.click_button("Bericht einreichen").await;
    assert_eq!(coordinator.path().await, report);
    assert!(
        coordinator
            .text("main")
            .await
            .contains("Der Bericht wurde eingereicht.")
    );
    check(&coordinator, "bericht_eingereicht").await;

    // The Land officer finds it on the start page and returns it with a reason.
    let officer = Browser::open(&app.url).await;
    officer.login("l@nrw.de", PASSWORD).await;
    assert!(officer.text("main").await.contains("Bericht prüfen"));
    check(&officer, "land_start").await;
    for (path, name) in [
        ("/land/uebersicht".to_owned(), "land_uebersicht"),
        (
            "/land/uebersicht?markierung=warnung&sortierung=faellig".to_owned(),
            "land_uebersicht_filter",
        ),
        ("/berichte?stand=pruefung".to_owned(), "land_berichte"),
        ("/foerderprogramme".to_owned(), "land_programme"),
        (
            format!("/foerderprogramme/{program}?hinweis=phase-gespeichert"),
            "land_programm",
        ),
        ("/foerderprogramme/neu".to_owned(), "land_programm_neu"),
        (
            format!("/foerderprogramme/{program}/bearbeiten"),
            "land_programm_bearbeiten",
        ),
        (
            format!("/foerderprogramme/{program}/phasen/neu"),
            "land_phase_neu",
        ),
        (
            format!("/foerderprogramme/{program}/phasen/{verstetigung}/bearbeiten"),
            "land_phase_bearbeiten",
        ),
        (
            format!("/netzwerke/{network}/foerderungen/neu"),
            "land_foerderung_neu",
        ),
        (
            format!("/netzwerke/{network}/foerderungen/neu?anschluss={fid}"),
            "land_naechste_phase",
        ),
        (format!("/foerderungen/{fid}"), "land_foerderung"),
        (
            format!("/foerderungen/{fid}/bearbeiten"),
            "land_foerderung_bearbeiten",
        ),
    ] {
        officer.goto(&path).await;
        check(&officer, name).await;
    }
    // The message after a save fits a phone.
    officer.resize(390).await;
    officer
        .goto(&format!(
            "/foerderprogramme/{program}?hinweis=phase-gespeichert"
        ))
        .await;
    assert!(
        officer
            .text("main")
            .await
            .contains("Die Änderungen an der Phase wurden gespeichert.")
    );
    officer.assert_no_sideways_scroll().await;
    officer.resize(1280).await;
    officer.goto(&report).await;
    check(&officer, "land_bericht").await;
    officer.click_button("Bericht zurückgeben").await;
    assert!(
        officer
            .text("main")
            .await
            .contains("Bitte eine Begründung für die Rückgabe angeben.")
    );
    check(&officer, "land_bericht_fehler").await;
    fill_text_area(
        &officer,
        "Begründung für die Rückgabe",
        "Bitte die Beteiligung der Eltern ergänzen.",
    )
    .await;
    officer.click_button("Bericht zurückgeben").await;
    assert!(
        officer
            .text("main")
            .await
            .contains("mit Ihrer Begründung zurückgegeben")
    );

    // The coordinator sees the reason, revises and resubmits.
    coordinator.goto("/").await;
    assert!(
        coordinator
            .text("main")
            .await
            .contains("Zurückgegebenen Bericht überarbeiten")
    );
    coordinator.goto(&report).await;
    assert!(
        coordinator
            .text("main")
            .await
            .contains("Bitte die Beteiligung der Eltern ergänzen.")
    );
    fill_text_area(&coordinator, "Kommentar", "Wir ergänzen das Elterncafé.").await;
    coordinator.click_button("Kommentar senden").await;
    coordinator.goto(&report_edit).await;
    fill_text_area(
        &coordinator,
        "Wie waren Kinder, Jugendliche und Familien beteiligt?",
        "Kinderkonferenz mit 40 Kindern; Elterncafé mit 25 Eltern.",
    )
    .await;
    coordinator.click_button("Bericht einreichen").await;
    assert!(
        coordinator
            .text("main")
            .await
            .contains("Der Bericht wurde eingereicht.")
    );

    // The officer accepts; the report is locked, for both.
    officer.goto(&report).await;
    officer.click_button("Prüfung beginnen").await;
    // Without the confirmation the report stays open, with a message at the checkbox.
    officer.click_button("Bericht annehmen").await;
    assert!(
        officer
            .text("main")
            .await
            .contains("Bitte bestätigen Sie, dass Sie den Bericht geprüft haben und annehmen.")
    );
    officer.assert_accessible().await;
    officer.tick("confirmed").await;
    officer.click_button("Bericht annehmen").await;
    let main = officer.text("main").await;
    assert!(main.contains("angenommen und abgeschlossen"));
    assert!(main.contains("Wir ergänzen das Elterncafé."));
    check(&officer, "land_bericht_angenommen").await;
    coordinator.goto(&report).await;
    let main = coordinator.text("main").await;
    assert!(main.contains("Elterncafé mit 25 Eltern") && !main.contains("Bericht bearbeiten"));
    assert!(
        coordinator
            .client
            .find(Locator::Css("form[action$='/kommentare']"))
            .await
            .is_err(),
        "no comments on a locked report"
    );
    check(&coordinator, "bericht_angenommen").await;
    coordinator.goto(&report_edit).await;
    assert!(coordinator.text("main").await.contains("Fehlercode 403"));
    coordinator.close().await;
    officer.close().await;
}
