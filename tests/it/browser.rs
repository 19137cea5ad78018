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
        check_pages(&browser, name, &["/", "/netzwerke?q=a", "/konto/passwort"]).await;
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
            &format!("{hamm}/deaktivieren"),
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
    // The Kommune is found in the directory and chosen from the hits, not typed as a key.
    browser.fill_labelled("Kommune suchen", "Halle").await;
    browser.click_button("Kommune suchen").await;
    assert!(browser.text("main").await.contains("Bitte auswählen"));
    browser.assert_accessible().await;
    browser.screenshot("admin_konto_kommune_suche").await;
    browser
        .choose("Halle (Saale), Stadt (15002) – Kreisfreie Stadt, Sachsen-Anhalt")
        .await;
    browser.click_button("Konto anlegen").await;
    assert_eq!(browser.text("h1").await, "Konto angelegt");
    assert_eq!(browser.text("#anfangspasswort").await.len(), 23);
    browser.assert_accessible().await;
    browser.screenshot("admin_konto_angelegt").await;
    browser.close().await;
}

/// A coordinator builds a goal tree with milestones and an indicator with values; every page
/// of goals and indicators (forms with errors, chart, confirmations) passes axe-core.
#[tokio::test]
async fn goals_and_indicators_are_accessible() {
    use kinderchancen::policy::Role;
    use serde_json::json;

    let app = TestApp::spawn().await;
    app.create_user("koordination@hamm.de", Role::Kommune, Some("05915"), None)
        .await;
    let network = app.create_network("05915", "Präventionskette Hamm").await;
    let browser = Browser::open(&app.url).await;
    browser
        .login("koordination@hamm.de", crate::support::PASSWORD)
        .await;
    let base = format!("/netzwerke/{network}");
    // Date inputs are filled the way the browser's date picker would (ISO value).
    let set = |id: &'static str, value: &'static str| {
        let client = browser.client.clone();
        async move {
            client
                .execute(
                    "document.getElementById(arguments[0]).value = arguments[1];",
                    vec![json!(id), json!(value)],
                )
                .await
                .unwrap();
        }
    };
    let latest_goal = || async {
        sqlx::query_scalar::<_, i64>("SELECT max(id) FROM goals")
            .fetch_one(&app.pool)
            .await
            .unwrap()
    };
    let check = |name: &'static str| {
        let browser = &browser;
        async move {
            browser.screenshot(name).await;
            browser.assert_accessible().await;
        }
    };
    // A second screenshot further down the page, for a human to look at.
    let scrolled = |css: String, name: &'static str| {
        let browser = &browser;
        async move {
            browser
                .client
                .execute(
                    "document.querySelector(arguments[0]).scrollIntoView({ behavior: 'instant', block: 'start' });",
                    vec![json!(css)],
                )
                .await
                .unwrap();
            browser.screenshot(name).await;
        }
    };

    browser.goto(&format!("{base}/ziele")).await;
    assert!(
        browser
            .text("main")
            .await
            .contains("Noch keine Ziele erfasst.")
    );
    check("ziele_leer").await;

    // A rejected form: summary, message at the field.
    browser.goto(&format!("{base}/ziele/neu")).await;
    check("ziel_neu").await;
    browser.click_button("Ziel anlegen").await;
    assert!(
        browser
            .text("main")
            .await
            .contains("Bitte einen Titel für das Ziel angeben.")
    );
    check("ziel_neu_fehler").await;
    browser
        .fill_labelled("Titel", "Alle Kinder in Hamm wachsen gesund auf")
        .await;
    browser.click_button("Ziel anlegen").await;
    assert_eq!(browser.path().await, format!("{base}/ziele"));
    let kern = latest_goal().await;

    browser
        .goto(&format!("{base}/ziele/neu?oberziel={kern}"))
        .await;
    browser
        .fill_labelled("Titel", "Familien finden früh Unterstützung")
        .await;
    browser.choose("In Arbeit").await;
    browser.click_button("Ziel anlegen").await;
    let mittel = latest_goal().await;
    browser
        .goto(&format!("{base}/ziele/neu?oberziel={mittel}"))
        .await;
    browser
        .fill_labelled("Titel", "Willkommensbesuche für alle Neugeborenen")
        .await;
    browser.click_button("Ziel anlegen").await;
    let handlung = latest_goal().await;

    // Milestones: one overdue, one done.
    browser
        .goto(&format!("{base}/ziele/{handlung}/meilensteine/neu"))
        .await;
    check("meilenstein_neu").await;
    browser
        .fill_labelled("Titel", "Konzept im Jugendhilfeausschuss")
        .await;
    set("due_on", "2020-02-01").await;
    browser.click_button("Meilenstein anlegen").await;
    browser
        .goto(&format!("{base}/ziele/{handlung}/meilensteine/neu"))
        .await;
    browser
        .fill_labelled("Titel", "Besuchsteam eingestellt")
        .await;
    set("due_on", "2020-03-01").await;
    set("done_on", "2020-02-20").await;
    browser.click_button("Meilenstein anlegen").await;

    // Folded, the tree shows one line per Kernziel with its progress and overdue count.
    browser.goto(&format!("{base}/ziele")).await;
    let main = browser.text("main").await;
    assert!(main.contains("1 Meilenstein ist überfällig."), "{main}");
    assert!(
        main.contains("50 % · Offen · 1 Meilenstein überfällig"),
        "{main}"
    );
    assert!(!main.contains("Konzept im Jugendhilfeausschuss"), "folded");
    check("ziele_baum").await;
    // The alert unfolds the overdue milestones; the summary opens a goal by keyboard.
    browser
        .client
        .find(fantoccini::Locator::LinkText(
            "Den überfälligen Meilenstein aufgeklappt zeigen",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let main = browser.text("main").await;
    assert!(
        main.contains("Überfällig") && main.contains("Konzept im Jugendhilfeausschuss"),
        "{main}"
    );
    check("ziele_baum_ueberfaellig").await;
    scrolled(format!("#ziel-{mittel}"), "ziele_baum_unten").await;
    // Ticked done in place: back on the unfolded tree at the milestone, with a message.
    browser
        .click_button("Als erledigt markieren: Meilenstein „Konzept im Jugendhilfeausschuss“")
        .await;
    let main = browser.text("main").await;
    assert!(
        main.contains("Der Meilenstein ist als erledigt eingetragen."),
        "{main}"
    );
    assert!(
        main.contains("Konzept im Jugendhilfeausschuss"),
        "still unfolded"
    );
    assert!(!main.contains("überfällig."), "{main}");
    check("ziele_meilenstein_erledigt").await;
    let milestone: i64 = sqlx::query_scalar("SELECT min(id) FROM milestones")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    for (path, name) in [
        (
            format!("{base}/ziele/{mittel}/bearbeiten"),
            "ziel_bearbeiten",
        ),
        (format!("{base}/ziele/{kern}/loeschen"), "ziel_loeschen"),
        (
            format!("{base}/meilensteine/{milestone}/bearbeiten"),
            "meilenstein_bearbeiten",
        ),
        (
            format!("{base}/meilensteine/{milestone}/loeschen"),
            "meilenstein_loeschen",
        ),
    ] {
        browser.goto(&path).await;
        check(name).await;
    }

    // An indicator with three values.
    browser.goto(&format!("{base}/kennzahlen")).await;
    check("kennzahlen_leer").await;
    browser.goto(&format!("{base}/kennzahlen/neu")).await;
    browser.click_button("Kennzahl anlegen").await;
    assert!(
        browser
            .text("main")
            .await
            .contains("Bitte eine Einheit auswählen.")
    );
    check("kennzahl_neu_fehler").await;
    browser
        .fill_labelled("Name", "Betreuungsquote unter Dreijähriger")
        .await;
    browser
        .client
        .find(fantoccini::Locator::Id("unit"))
        .await
        .unwrap()
        .select_by_value("prozent")
        .await
        .unwrap();
    browser.fill_labelled("Ausgangswert", "31,2").await;
    set("baseline_date", "2020-03-01").await;
    browser.fill_labelled("Zielwert", "45").await;
    set("target_date", "2027-12-31").await;
    browser
        .client
        .find(fantoccini::Locator::Id("goal_id"))
        .await
        .unwrap()
        .select_by_value(&kern.to_string())
        .await
        .unwrap();
    browser.click_button("Kennzahl anlegen").await;
    let detail = browser.path().await;
    assert!(
        detail.starts_with(&format!("{base}/kennzahlen/")),
        "{detail}"
    );
    check("kennzahl_ohne_werte").await;
    for (date, value) in [
        ("2021-12-31", "35,5"),
        ("2022-12-31", "38"),
        ("2023-12-31", "41,25"),
    ] {
        set("period_date", date).await;
        browser.fill_labelled("Wert", value).await;
        browser.click_button("Messwert speichern").await;
    }
    let main = browser.text("main").await;
    assert!(main.contains("3 Messwerte, nach Stichtag"), "{main}");
    check("kennzahl_diagramm").await;
    scrolled(".app-chart".into(), "kennzahl_diagramm_mitte").await;
    scrolled("#messwerte".into(), "kennzahl_diagramm_tabelle").await;
    // A duplicate period date is refused at the field.
    set("period_date", "2022-12-31").await;
    browser.fill_labelled("Wert", "40").await;
    browser.click_button("Messwert speichern").await;
    assert!(
        browser
            .text("main")
            .await
            .contains("Für den Stichtag 31.12.2022 gibt es schon einen Messwert")
    );
    check("kennzahl_wert_doppelt").await;

    browser.goto(&format!("{base}/kennzahlen")).await;
    check("kennzahlen_liste").await;
    scrolled(".app-indicator-grid".into(), "kennzahlen_liste_karten").await;
    let value: i64 = sqlx::query_scalar("SELECT min(id) FROM indicator_values")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    for (path, name) in [
        (format!("{detail}/bearbeiten"), "kennzahl_bearbeiten"),
        (format!("{detail}/loeschen"), "kennzahl_loeschen"),
        (
            format!("{detail}/werte/{value}/loeschen"),
            "messwert_loeschen",
        ),
    ] {
        browser.goto(&path).await;
        check(name).await;
    }
    browser.close().await;
}

#[tokio::test]
async fn a_coordinator_records_partners_and_measures() {
    use fantoccini::Locator;
    use kinderchancen::policy::Role;

    let app = TestApp::spawn().await;
    let network = app.create_network("05915", "Präventionskette Hamm").await;
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "INSERT INTO sozialraeume (network_id, name) VALUES ({network}, 'Hamm-Mitte'), ({network}, 'Herringen');
         INSERT INTO goals (network_id, level, title, status)
           VALUES ({network}, 'kernziel', 'Jedes Kind wächst gut auf', 'offen');"
    )))
    .execute(&app.pool)
    .await
    .unwrap();
    app.create_user("koordination@hamm.de", Role::Kommune, Some("05915"), None)
        .await;
    let browser = Browser::open(&app.url).await;
    browser
        .login("koordination@hamm.de", crate::support::PASSWORD)
        .await;
    let base = format!("/netzwerke/{network}");
    let select = |id: &'static str, value: String| {
        let client = browser.client.clone();
        async move {
            client
                .find(Locator::Id(id))
                .await
                .unwrap()
                .select_by_value(&value)
                .await
                .unwrap();
        }
    };
    let check = |name: &'static str| {
        let browser = &browser;
        async move {
            browser.screenshot(&format!("kommune_{name}")).await;
            browser.assert_accessible().await;
        }
    };

    // A partner: first without anything, then properly.
    browser.goto(&format!("{base}/partner/neu")).await;
    check("partner_neu").await;
    browser.click_button("Partner anlegen").await;
    assert!(
        browser
            .text("main")
            .await
            .contains("Bitte den Namen der Organisation angeben.")
    );
    check("partner_fehler").await;
    browser
        .fill_labelled("Name der Organisation", "Jobcenter Hamm")
        .await;
    select("kind", "jobcenter".into()).await;
    select("ressort", "arbeit".into()).await;
    browser.choose("Mitglied der Steuerungsgruppe").await;
    browser
        .fill_labelled("Kontakt (optional)", "jobcenter@hamm.de")
        .await;
    browser.click_button("Partner anlegen").await;
    assert_eq!(browser.path().await, format!("{base}/partner"));
    assert!(browser.text("main").await.contains("Jobcenter Hamm"));
    check("partner_liste").await;
    browser
        .client
        .execute("document.querySelector('table').scrollIntoView();", vec![])
        .await
        .unwrap();
    browser.screenshot("kommune_partner_tabelle").await;

    // A measure with several Handlungsfelder: first a rejected form.
    browser.goto(&format!("{base}/massnahmen/neu")).await;
    check("massnahme_neu").await;
    browser
        .fill_labelled("Reichweite pro Jahr (optional)", "viele")
        .await;
    browser.click_button("Maßnahme anlegen").await;
    let main = browser.text("main").await;
    assert!(main.contains("Bitte einen Titel angeben."));
    assert!(main.contains("Bitte mindestens ein Handlungsfeld auswählen."));
    check("massnahme_fehler").await;
    browser.fill_labelled("Titel", "Babybegrüßungsdienst").await;
    for choice in [
        "Frühkindliche Bildung und Betreuung",
        "Gesundheit",
        "Erwerbsintegration der Eltern",
        "Schwangerschaft und Geburt",
        "0 bis 3 Jahre",
        "Alle Familien",
        "Laufend",
        "Aufsuchend",
        "Niedrigschwelliges Angebot",
        "Kernziel: Jedes Kind wächst gut auf",
    ] {
        browser.choose(choice).await;
    }
    let partner: i64 = sqlx::query_scalar("SELECT id FROM partners")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    select("partner_id", partner.to_string()).await;
    browser
        .fill_labelled("Reichweite pro Jahr (optional)", "1.200")
        .await;
    browser
        .fill_labelled("Jährliche Kosten in Euro (optional)", "45.000")
        .await;
    browser.click_button("Maßnahme anlegen").await;
    let main = browser.text("main").await;
    assert!(main.contains(
        "Frühkindliche Bildung und Betreuung, Gesundheit, Erwerbsintegration der Eltern"
    ));
    assert!(main.contains("45.000 € pro Jahr") && main.contains("Jobcenter Hamm"));
    check("massnahme_detail").await;
    let detail = browser.path().await;
    browser.goto(&format!("{detail}/bearbeiten")).await;
    check("massnahme_bearbeiten").await;
    browser.goto(&format!("{detail}/loeschen")).await;
    check("massnahme_loeschen").await;

    // The list, filtered.
    browser.goto(&format!("{base}/massnahmen")).await;
    assert!(browser.text("main").await.contains("Babybegrüßungsdienst"));
    check("massnahmen_liste").await;
    browser.client.set_window_size(1280, 1800).await.unwrap();
    browser.screenshot("kommune_massnahmen_ganz").await;
    browser.client.set_window_size(1280, 1000).await.unwrap();
    browser
        .fill_labelled("Suche in Titel und Beschreibung", "begrüßung")
        .await;
    browser.choose("Nur niedrigschwellige Angebote").await;
    browser.click_button("Filter anwenden").await;
    let main = browser.text("main").await;
    assert!(main.contains("1 Maßnahme passt zu den Filtern"));
    check("massnahmen_gefiltert").await;

    // The CSV import: explanation, a preview with errors, then a correct one.
    browser.goto(&format!("{base}/massnahmen/import")).await;
    check("import").await;
    let paste = |text: &'static str| {
        let client = browser.client.clone();
        async move {
            let field = client.find(Locator::Id("csv_inhalt")).await.unwrap();
            field.clear().await.unwrap();
            field.send_keys(text).await.unwrap();
        }
    };
    paste(
        "Titel;Handlungsfelder;Lebensphasen;Zielgruppen;Status;Sozialraum\n\
         Lernpaten;Schulische Bildung;6 bis 10 Jahre;Alle Familien;Laufend;Hamm-Mitte\n\
         Sprachcafé;Mond;6 bis 10 Jahre;Alle Familien;läuft;Nirgendwo\n",
    )
    .await;
    browser.click_button("Vorschau anzeigen").await;
    assert!(
        browser
            .text("main")
            .await
            .contains("Unbekannter Wert „Mond“")
    );
    check("import_fehler").await;
    browser.goto(&format!("{base}/massnahmen/import")).await;
    paste(
        "Titel;Handlungsfelder;Lebensphasen;Zielgruppen;Status;Sozialraum\n\
         Lernpaten;Schulische Bildung;6 bis 10 Jahre;Alle Familien;Laufend;Hamm-Mitte\n",
    )
    .await;
    browser.click_button("Vorschau anzeigen").await;
    assert!(
        browser
            .text("main")
            .await
            .contains("Die Zeile ist in Ordnung.")
    );
    check("import_vorschau").await;
    browser.click_button("Import bestätigen").await;
    assert!(
        browser
            .text("main")
            .await
            .contains("1 Maßnahme wurde importiert.")
    );
    assert!(browser.text("main").await.contains("Lernpaten"));
    browser.close().await;
}

#[tokio::test]
async fn the_workspace_of_a_demo_network_is_accessible_for_coordinator_and_land() {
    let app = TestApp::spawn_demo().await;
    let hamm: i64 = sqlx::query_scalar("SELECT id FROM networks WHERE kommune_ags = '05915'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let (measure, indicator): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT min(id) FROM measures WHERE network_id = $1), (SELECT min(id) FROM indicators WHERE network_id = $1)",
    )
    .bind(hamm)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let base = format!("/netzwerke/{hamm}");
    let browser = Browser::open(&app.url).await;
    browser
        .login("kommune.hamm@demo.invalid", DEMO_PASSWORD)
        .await;
    let pages = [
        "/netzwerke".to_owned(),
        base.clone(),
        format!("{base}/bearbeiten"),
        format!("{base}/bestandsaufnahme"),
        format!("{base}/bericht"),
        format!("{base}/partner"),
        format!("{base}/massnahmen"),
        format!("{base}/massnahmen/{measure}"),
        format!("{base}/ziele"),
        format!("{base}/kennzahlen"),
        format!("{base}/kennzahlen/{indicator}"),
        format!("/oeffentlich/netzwerke/{hamm}"),
    ];
    let pages: Vec<&str> = pages.iter().map(String::as_str).collect();
    check_pages(&browser, "hamm-demo", &pages).await;
    browser.goto(&base).await;
    assert!(browser.text("main").await.contains("Ziele und Fortschritt"));

    // A new network from the keyboard: first rejected, then created.
    browser.goto("/netzwerke/neu").await;
    browser.click_button("Netzwerk anlegen").await;
    assert!(
        browser
            .text("main")
            .await
            .contains("Bitte einen Namen für das Netzwerk angeben.")
    );
    browser.assert_accessible().await;
    browser.screenshot("hamm-netzwerk-fehler").await;
    browser
        .fill_labelled("Name des Netzwerks", "Netzwerk Frühe Hilfen Hamm")
        .await;
    browser.choose("Jugendhilfeplanung").await;
    browser
        .fill_labelled("Sozialräume", "Hamm-Mitte\nHamm-Norden")
        .await;
    browser.click_button("Netzwerk anlegen").await;
    assert_eq!(browser.text("h1").await, "Netzwerk Frühe Hilfen Hamm");
    browser.close().await;

    // The Land officer reads the same pages, without edit buttons.
    let land = Browser::open(&app.url).await;
    land.login("land.nrw@demo.invalid", DEMO_PASSWORD).await;
    check_pages(
        &land,
        "nrw-demo",
        &[&base, &format!("{base}/bestandsaufnahme")],
    )
    .await;
    assert!(!land.text("main").await.contains("Netzwerk bearbeiten"));
    land.close().await;
}

#[tokio::test]
async fn the_knowledge_platform_from_search_to_publication() {
    let app = TestApp::spawn_demo().await;
    let visitor = Browser::open(&app.url).await;
    visitor.goto("/wissen").await;
    visitor.assert_accessible().await;
    visitor.fill_labelled("Suchbegriff", "Armut").await;
    visitor.click_button("Suchen").await;
    assert!(
        visitor
            .text("h2#treffer-titel")
            .await
            .contains("zu „Armut“")
    );
    visitor.tick("art-good_practice").await;
    visitor.click_button("Filter anwenden").await;
    // The filters sit in a disclosure (open on wide screens), which WebDriver's visible text
    // leaves out: the ticked box and the heading tell what was applied.
    let ticked = visitor
        .client
        .find(fantoccini::Locator::Id("art-good_practice"))
        .await
        .unwrap()
        .prop("checked")
        .await
        .unwrap();
    assert_eq!(ticked.as_deref(), Some("true"), "filter applied");
    assert!(
        visitor
            .text("h2#treffer-titel")
            .await
            .contains("zu „Armut“"),
        "filter keeps the search"
    );
    visitor.assert_accessible().await;
    visitor.screenshot("wissen-suche-facette").await;
    visitor.goto("/wissen/eintrag/familienrathaus-hamm").await;
    visitor.assert_accessible().await;
    visitor.screenshot("wissen-eintrag").await;

    // A coordinator drafts and submits an entry.
    let author = Browser::open(&app.url).await;
    author
        .login("kommune.detmold@demo.invalid", DEMO_PASSWORD)
        .await;
    author.goto("/wissen/neu").await;
    author.assert_accessible().await;
    author.click_button("Entwurf speichern").await;
    assert!(
        author
            .text("main")
            .await
            .contains("Bitte einen Titel angeben.")
    );
    author.assert_accessible().await;
    author
        .fill_labelled("Titel", "Familiencafé an der Grundschule Hakedahl")
        .await;
    author
        .fill_labelled(
            "Kurzfassung",
            "Eltern treffen sich in der Schule, Fachkräfte sind ansprechbar.",
        )
        .await;
    author.select("Art", "Gute Praxis").await;
    author.tick("themes-lotsendienste_zugaenge").await;
    author.click_button("Entwurf speichern").await;
    assert_eq!(
        author.text("h1").await,
        "Familiencafé an der Grundschule Hakedahl",
        "{}",
        author.text("main").await
    );
    author.assert_accessible().await;
    author.click_button("Zur Prüfung einreichen").await;
    assert!(
        author
            .text("main")
            .await
            .contains("zur Prüfung eingereicht")
    );
    author.goto("/wissen/meine").await;
    author.assert_accessible().await;
    author.close().await;

    // The Bund publishes it; visitors find it.
    let bund = Browser::open(&app.url).await;
    bund.login("bund@demo.invalid", DEMO_PASSWORD).await;
    bund.goto("/wissen/meine").await;
    assert!(
        bund.text("main")
            .await
            .contains("Familiencafé an der Grundschule Hakedahl")
    );
    bund.assert_accessible().await;
    // A corrected seed text of an entry the Bund has edited waits for its decision.
    sqlx::query(
        "UPDATE knowledge_entries SET title = 'Eigene Fassung der Geschäftsstelle',
                seed_digest = 'edition-1', seed_version = version, version = version + 1
         WHERE slug = 'nap-kinderarmut-ausgangslage-zahlen'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    check_pages(
        &bund,
        "bund",
        &[
            "/wissen/meine",
            "/wissen/eintrag/nap-kinderarmut-ausgangslage-zahlen/korrektur",
        ],
    )
    .await;
    assert!(bund.text("main").await.contains("Korrigierte Fassung"));
    bund.goto("/wissen/eintrag/familiencafe-an-der-grundschule-hakedahl")
        .await;
    bund.assert_accessible().await;
    bund.click_button("Veröffentlichen").await;
    assert!(
        bund.text("main")
            .await
            .contains("Der Eintrag ist veröffentlicht.")
    );
    bund.assert_accessible().await;
    bund.screenshot("wissen-veroeffentlicht").await;
    bund.close().await;

    visitor.goto("/wissen?q=Familiencafe+Hakedahl").await;
    assert!(
        visitor
            .text("main")
            .await
            .contains("Familiencafé an der Grundschule Hakedahl")
    );
    visitor.close().await;
}

/// The pages of the knowledge platform's third edition: references, the Lebensphasen facet,
/// "Meinten Sie …?", the help for a gap, the synonyms and the entry form with references.
#[tokio::test]
async fn the_knowledge_additions_are_accessible() {
    let app = TestApp::spawn_demo().await;
    let visitor = Browser::open(&app.url).await;
    check_pages(
        &visitor,
        "wissen3",
        &[
            "/wissen/eintrag/nap-quellen-und-rechtsgrundlagen",
            "/wissen/eintrag/familienrathaus-hamm",
            "/wissen?phase=sechzehn_bis_achtzehn",
            "/wissen?q=Pr%C3%A4ventionskete",
            "/wissen/luecke?feld=schulische_bildung&phase=sechzehn_bis_achtzehn",
            "/wissen/luecke?feld=wohnen&phase=schwangerschaft_geburt",
        ],
    )
    .await;
    visitor.close().await;

    let bund = Browser::open(&app.url).await;
    bund.login("bund@demo.invalid", DEMO_PASSWORD).await;
    check_pages(
        &bund,
        "wissen3-bund",
        &[
            "/wissen/synonyme",
            "/wissen/eintrag/nap-quellen-und-rechtsgrundlagen/bearbeiten",
        ],
    )
    .await;
    bund.goto("/wissen/synonyme").await;
    bund.fill_labelled("Begriff", "und").await;
    bund.fill_labelled("Synonym", "für").await;
    bund.click_button("Hinzufügen").await;
    assert!(
        bund.text("main")
            .await
            .contains("Dieses Paar gibt es schon")
    );
    bund.assert_accessible().await;
    bund.screenshot("wissen3-bund_synonym_fehler").await;
    bund.close().await;
}
