//! The indicator catalog: maintenance by the Bund, adoption by networks, the comparison for every
//! role, small-number suppression, the NAP report, and good practice taken over as a measure.

use kinderchancen::policy::Role;

use crate::networks::{DETMOLD, HAMM, TUEBINGEN};
use crate::support::{TestApp, queries};

const U3: &str = "betreuungsquote-unter-3";

fn catalog_form<'a>(key: &'a str, name: &'a str, version: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("key", key),
        ("name", name),
        (
            "definition",
            "Anteil der Kinder, für die im vorgelegten Heft die U7 dokumentiert ist.",
        ),
        ("unit", "prozent"),
        ("direction", "hoeher_besser"),
        ("data_source", "Schuleingangsuntersuchung"),
        ("spatial_level", "kreis"),
        ("reporting_date", "Einschulungsjahr"),
        ("version", version),
    ]
}

async fn scalar(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// Adopts catalog indicator `key` for `network` and gives it `values` (date, value), straight
/// into the database.
pub async fn adopt_with_values(app: &TestApp, network: i64, key: &str, values: &[(&str, f64)]) {
    let indicator: i64 = sqlx::query_scalar(
        "INSERT INTO indicators (network_id, catalog_id, name, definition, unit, higher_is_better)
         SELECT $1, c.id, c.name, c.definition, c.unit, c.direction = 'hoeher_besser'
         FROM catalog_indicators c WHERE c.key = $2 RETURNING id",
    )
    .bind(network)
    .bind(key)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    for (date, value) in values {
        sqlx::query(
            "INSERT INTO indicator_values (indicator_id, period_date, value) VALUES ($1, $2::date, $3)",
        )
        .bind(indicator)
        .bind(date)
        .bind(value)
        .execute(&app.pool)
        .await
        .unwrap();
    }
}

/// Adds catalog indicator "inobhutnahmen", a count of cases (suppressed below the threshold).
pub async fn add_case_count(app: &TestApp) {
    sqlx::query(
        "INSERT INTO catalog_indicators (key, name, definition, unit, direction, data_source, spatial_level, reporting_date)
         VALUES ('inobhutnahmen', 'Inobhutnahmen von Kindern', 'Zahl der Inobhutnahmen.', 'anzahl',
                 'niedriger_besser', 'Kinder- und Jugendhilfestatistik', 'kreis', '31.12.')",
    )
    .execute(&app.pool)
    .await
    .unwrap();
}

pub async fn make_public(app: &TestApp, network: i64) {
    sqlx::query("UPDATE networks SET is_public = true WHERE id = $1")
        .bind(network)
        .execute(&app.pool)
        .await
        .unwrap();
}

#[tokio::test]
async fn the_bund_keeps_the_catalog_with_version_check_and_history() {
    let app = TestApp::spawn().await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let land = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;

    // The seed: at least twelve indicators, with everything a definition needs.
    let seeded = scalar(&app, "SELECT count(*) FROM catalog_indicators").await;
    assert!(seeded >= 12, "{seeded}");
    let list = app.get(&app.client, "/katalog").await.text().await.unwrap();
    assert!(list.contains("SGB-II-Quote der unter 15-Jährigen"));
    assert!(list.contains("Inanspruchnahme der Leistungen für Bildung und Teilhabe"));
    assert!(!list.contains("Kennzahl aufnehmen"));

    // Only bund and admin maintain it.
    for client in [&land, &hamm] {
        assert_eq!(app.get(client, "/katalog/neu").await.status(), 403);
        let response = app
            .post(client, "/katalog/neu", &catalog_form("u7", "U7", ""))
            .await;
        assert_eq!(response.status(), 403);
    }
    assert_eq!(app.get(&app.client, "/katalog/neu").await.status(), 303);

    // A rejected form keeps the input and says what is wrong, at the field.
    let mut bad = catalog_form("Teilnahme U7", "Teilnahme an der U7", "");
    bad.retain(|(field, _)| *field != "data_source");
    let response = app.post(&bund, "/katalog/neu", &bad).await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Bitte einen Schlüssel aus Kleinbuchstaben"));
    assert!(body.contains("Bitte die Datenquelle angeben."));
    assert!(body.contains(r#"value="Teilnahme an der U7""#));
    // A key that is taken.
    let response = app
        .post(&bund, "/katalog/neu", &catalog_form(U3, "Doppelt", ""))
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Diesen Schlüssel hat schon eine Kennzahl des Katalogs.")
    );

    let response = app
        .post(
            &bund,
            "/katalog/neu",
            &catalog_form("teilnahme-u7", "Teilnahme an der U7", ""),
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        scalar(&app, "SELECT count(*) FROM catalog_indicators").await,
        seeded + 1
    );

    // Edit with the version check: a stale version changes nothing and shows what is stored.
    let edit = "/katalog/teilnahme-u7/bearbeiten";
    let response = app
        .post(
            &bund,
            edit,
            &catalog_form("", "Teilnahme an der Früherkennungsuntersuchung U7", "1"),
        )
        .await;
    assert_eq!(response.status(), 303);
    let response = app
        .post(&bund, edit, &catalog_form("", "Überholt", "1"))
        .await;
    assert_eq!(response.status(), 409);
    let body = response.text().await.unwrap();
    assert!(body.contains("Nicht gespeichert"));
    assert!(body.contains("Teilnahme an der Früherkennungsuntersuchung U7"));
    assert_eq!(
        scalar(
            &app,
            "SELECT count(*) FROM catalog_indicators WHERE name = 'Überholt'"
        )
        .await,
        0
    );
    // History of every change.
    let page = app.get(&bund, edit).await.text().await.unwrap();
    assert!(
        page.contains("„Teilnahme an der U7“ → „Teilnahme an der Früherkennungsuntersuchung U7“")
    );

    // Retire: gone from the list for everybody but the maintainers, still comparable.
    let response = app
        .post(
            &bund,
            "/katalog/teilnahme-u7/status",
            &[("aktion", "ausmustern"), ("version", "1")],
        )
        .await;
    assert_eq!(response.status(), 409, "stale version");
    let response = app
        .post(
            &bund,
            "/katalog/teilnahme-u7/status",
            &[("aktion", "ausmustern"), ("version", "2")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let list = app.get(&hamm, "/katalog").await.text().await.unwrap();
    assert!(!list.contains("Früherkennungsuntersuchung U7"));
    let list = app.get(&bund, "/katalog").await.text().await.unwrap();
    assert!(list.contains("Früherkennungsuntersuchung U7"));
    assert!(list.contains("Nicht mehr geführt"));
    assert_eq!(
        app.get(&app.client, "/katalog/teilnahme-u7").await.status(),
        200
    );
    assert_eq!(
        app.get(&app.client, "/katalog/gibt-es-nicht")
            .await
            .status(),
        404
    );
    let page = app.get(&bund, edit).await.text().await.unwrap();
    assert!(page.contains("Nicht mehr im Katalog geführt"));
}

#[tokio::test]
async fn a_coordinator_adopts_a_catalog_indicator_and_the_catalog_defines_it() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Netzwerk Hamm").await;
    let other = app.create_network(DETMOLD, "Netzwerk Detmold").await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;

    let list = app
        .get(&hamm, &format!("/netzwerke/{network}/kennzahlen"))
        .await
        .text()
        .await
        .unwrap();
    assert!(list.contains("Aus dem Indikatorenkatalog übernehmen"));
    assert!(list.contains(&format!(r#"<option value="{U3}">"#)));

    let adopt = format!("/netzwerke/{network}/kennzahlen/aus-katalog");
    let response = app.post(&hamm, &adopt, &[("katalog", U3)]).await;
    assert_eq!(response.status(), 303);
    let detail = response.headers()["location"].to_str().unwrap().to_owned();
    let page = app.get(&hamm, &detail).await.text().await.unwrap();
    assert!(page.contains("Anteil der Kinder unter 3 Jahren in Kindertageseinrichtungen"));
    // Not twice, not for a foreign network, not an unknown key.
    assert_eq!(
        app.post(&hamm, &adopt, &[("katalog", U3)]).await.status(),
        400
    );
    let foreign = format!("/netzwerke/{other}/kennzahlen/aus-katalog");
    assert_eq!(
        app.post(&hamm, &foreign, &[("katalog", U3)]).await.status(),
        403
    );
    assert_eq!(
        app.post(&hamm, &adopt, &[("katalog", "erfunden")])
            .await
            .status(),
        400
    );
    let list = app
        .get(&hamm, &format!("/netzwerke/{network}/kennzahlen"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!list.contains(&format!(r#"<option value="{U3}">"#)));

    // Editing the adopted indicator keeps the catalog's definition and unit.
    let id: i64 = detail.rsplit('/').next().unwrap().parse().unwrap();
    let response = app
        .post(
            &hamm,
            &format!("{detail}/bearbeiten"),
            &[
                ("name", "Betreuungsquote U3 in Hamm"),
                ("definition", "Eigene Definition"),
                ("unit", "anzahl"),
                ("direction", "niedriger"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (name, definition, unit, higher): (String, String, String, bool) = sqlx::query_as(
        "SELECT name, definition, unit, higher_is_better FROM indicators WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(name, "Betreuungsquote U3 in Hamm");
    assert!(definition.starts_with("Anteil der Kinder unter 3 Jahren"));
    assert_eq!((unit.as_str(), higher), ("prozent", true));

    // A change of the catalog reaches the adopted indicator; the network's own ones stay.
    sqlx::query(
        "INSERT INTO indicators (network_id, name, definition, unit) VALUES ($1, 'Eigene', 'Eigene Def', 'anzahl')",
    )
    .bind(network)
    .execute(&app.pool)
    .await
    .unwrap();
    let mut form = catalog_form("", "Betreuungsquote der Kinder unter 3 Jahren", "1");
    form[2] = ("definition", "Neu gefasste Definition.");
    let response = app
        .post(&bund, &format!("/katalog/{U3}/bearbeiten"), &form)
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        scalar(
            &app,
            "SELECT count(*) FROM indicators WHERE definition = 'Neu gefasste Definition.'"
        )
        .await,
        1
    );
    assert_eq!(
        scalar(
            &app,
            "SELECT count(*) FROM indicators WHERE name = 'Eigene' AND definition = 'Eigene Def'"
        )
        .await,
        1
    );
}

/// Hamm (public), Detmold and two more NRW networks (not public), Tübingen (BW, not public),
/// Halle (Saale) (public): who sees which names, and the distribution a coordinator sees.
#[tokio::test]
async fn the_comparison_shows_each_role_what_the_policy_allows() {
    let app = TestApp::spawn().await;
    let hamm_net = app.create_network(HAMM, "Präventionskette Hamm").await;
    let detmold_net = app.create_network(DETMOLD, "Netzwerk Detmold").await;
    let bielefeld = app.create_network("05711", "Netzwerk Bielefeld").await;
    let guetersloh = app.create_network("05754", "Netzwerk Gütersloh").await;
    let tuebingen_net = app.create_network(TUEBINGEN, "Netzwerk Tübingen").await;
    let halle_net = app.create_network("15002", "Netzwerk Halle").await;
    make_public(&app, hamm_net).await;
    make_public(&app, halle_net).await;
    for (network, base) in [
        (hamm_net, 25.0),
        (detmold_net, 31.0),
        (bielefeld, 35.0),
        (guetersloh, 28.0),
        (tuebingen_net, 47.0),
        (halle_net, 58.0),
    ] {
        adopt_with_values(
            &app,
            network,
            U3,
            &[("2024-03-01", base - 1.0), ("2025-03-01", base)],
        )
        .await;
    }
    let path = format!("/katalog/{U3}");
    let names = [
        "Präventionskette Hamm",
        "Netzwerk Detmold",
        "Netzwerk Bielefeld",
        "Netzwerk Tübingen",
        "Netzwerk Halle",
    ];
    let seen = |body: &str| -> Vec<bool> { names.iter().map(|n| body.contains(n)).collect() };

    let anonymous = app.get(&app.client, &path).await.text().await.unwrap();
    assert_eq!(seen(&anonymous), [true, false, false, false, true]);
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let body = app.get(&hamm, &path).await.text().await.unwrap();
    assert_eq!(seen(&body), [true, false, false, false, true]);
    assert!(body.contains("Nordrhein-Westfalen (Ihr Land)"));
    assert!(body.contains("(Ihr Netzwerk)"));
    // The own network against the NRW distribution: 25, 28, 31, 35 → median 29,5.
    assert!(body.contains("29,5\u{a0}%"), "NRW median");
    let detmold = app
        .signed_in("k@detmold.de", Role::Kommune, Some(DETMOLD), None)
        .await;
    let body = app.get(&detmold, &path).await.text().await.unwrap();
    assert_eq!(seen(&body), [true, true, false, false, true]);
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let body = app.get(&nrw, &path).await.text().await.unwrap();
    assert_eq!(seen(&body), [true, true, true, false, true]);
    for (email, role) in [("b@bund.de", Role::Bund), ("a@admin.de", Role::Admin)] {
        let client = app.signed_in(email, role, None, None).await;
        let body = app.get(&client, &path).await.text().await.unwrap();
        assert_eq!(seen(&body), [true; 5], "{email}");
        assert!(body.contains("6 Netzwerke mit Werten"));
    }
    // Baden-Württemberg and Sachsen-Anhalt have one network each: no distribution shown.
    assert!(anonymous.contains("nicht ausgewiesen (weniger als 3 Netzwerke)"));

    // Sorting on the server: by value, descending.
    let bund = app.signed_in("b2@bund.de", Role::Bund, None, None).await;
    let body = app
        .get(&bund, &format!("{path}?sortierung=wert&richtung=ab"))
        .await
        .text()
        .await
        .unwrap();
    let table = &body[body.find(r#"id="netzwerke-tabelle""#).unwrap()..];
    let halle = table.find("Netzwerk Halle").unwrap();
    let tuebingen = table.find("Netzwerk Tübingen").unwrap();
    let hamm_at = table.find("Präventionskette Hamm").unwrap();
    assert!(halle < tuebingen && tuebingen < hamm_at);
    assert!(body.contains(r#"aria-sort="descending""#));

    // Time series of chosen networks: only the ones the viewer may see by name.
    let query = format!("{path}?netzwerk={tuebingen_net}&netzwerk={halle_net}");
    let body = app.get(&app.client, &query).await.text().await.unwrap();
    assert!(body.contains("Zeitreihe: Betreuungsquote"));
    assert!(body.contains("Netzwerk Halle (durchgezogene Linie"));
    assert!(!body.contains("Netzwerk Tübingen"));
    let body = app.get(&bund, &query).await.text().await.unwrap();
    assert!(body.contains("Netzwerk Tübingen (gestrichelte Linie"));
    // A coordinator sees the own network's series without choosing.
    let body = app.get(&hamm, &path).await.text().await.unwrap();
    assert!(body.contains("Präventionskette Hamm (durchgezogene Linie"));
    // Garbled query strings are ignored, not errors.
    let response = app
        .get(
            &app.client,
            &format!("{path}?seite=x&netzwerk=abc&sortierung=unsinn"),
        )
        .await;
    assert_eq!(response.status(), 200);

    // The table is kept until the country's data changes, and then shows the change at once:
    // a network made public, a renamed one, a new value.
    make_public(&app, detmold_net).await;
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "UPDATE networks SET name = 'Präventionskette Hamm-Mitte' WHERE id = {hamm_net};
         INSERT INTO indicator_values (indicator_id, period_date, value)
         SELECT id, '2026-03-01', 60 FROM indicators WHERE network_id = {halle_net};"
    )))
    .execute(&app.pool)
    .await
    .unwrap();
    let body = app.get(&app.client, &path).await.text().await.unwrap();
    assert!(body.contains("Netzwerk Detmold"), "{body}");
    assert!(body.contains("Präventionskette Hamm-Mitte"), "{body}");
    assert!(body.contains("01.03.2026"), "{body}");
}

/// Counts of people below the threshold show as "< 3" in the comparison, with the page saying
/// so; in the NAP report the small cells of a column and their partners are hidden.
#[tokio::test]
async fn small_numbers_are_suppressed_in_comparisons_and_the_nap_report() {
    let app = TestApp::spawn().await;
    add_case_count(&app).await;
    let hamm = app.create_network(HAMM, "Präventionskette Hamm").await;
    let detmold = app.create_network(DETMOLD, "Netzwerk Detmold").await;
    make_public(&app, hamm).await;
    make_public(&app, detmold).await;
    adopt_with_values(&app, hamm, "inobhutnahmen", &[("2025-12-31", 2.0)]).await;
    adopt_with_values(&app, detmold, "inobhutnahmen", &[("2025-12-31", 14.0)]).await;
    let body = app
        .get(&app.client, "/katalog/inobhutnahmen")
        .await
        .text()
        .await
        .unwrap();
    assert!(body.contains("Fallzahlen unter 3"));
    // askama writes "<" as "&#60;".
    assert!(body.contains(r#"kern-table__cell--numeric">&#60; 3</td>"#));
    assert!(body.contains(r#"kern-table__cell--numeric">14</td>"#));
    assert!(
        !body.contains("Präventionskette Hamm: 2"),
        "not in the chart"
    );

    // NAP: NRW has one running health measure, Baden-Württemberg five: the NRW cell is
    // small, and since the national total would reveal it, the BW cell is hidden as well.
    let tuebingen = app.create_network(TUEBINGEN, "Netzwerk Tübingen").await;
    sqlx::query(
        "INSERT INTO measures (network_id, title, handlungsfelder, status)
         SELECT $1, 'M', ARRAY['gesundheit'], 'laufend'
         UNION ALL SELECT $2, 'M' || i, ARRAY['gesundheit'], 'laufend' FROM generate_series(1, 5) i",
    )
    .bind(hamm)
    .bind(tuebingen)
    .execute(&app.pool)
    .await
    .unwrap();
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let csv = app
        .get(&bund, "/bund/nap-bericht.csv")
        .await
        .text()
        .await
        .unwrap();
    let cell = |area: &str| {
        let prefix = format!("Laufende Maßnahmen nach Handlungsfeld;{area};Gesundheit;;");
        csv.lines()
            .find_map(|l| l.strip_prefix(prefix.as_str()).map(str::to_owned))
            .unwrap_or_else(|| panic!("{prefix} in {csv}"))
    };
    assert_eq!(cell("Nordrhein-Westfalen"), "< 3");
    assert_eq!(
        cell("Baden-Württemberg"),
        "x",
        "hidden: 6 − 5 would reveal NRW"
    );
    assert_eq!(cell("Bundesweit"), "6");
    let page = app
        .get(&bund, "/bund/nap-bericht")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("stehen als „&lt; 3“"));
    assert!(page.contains("&#60; 3"));
}

#[tokio::test]
async fn the_nap_report_for_bund_and_admin_as_page_and_csv() {
    let app = TestApp::spawn().await;
    let hamm = app.create_network(HAMM, "Präventionskette Hamm").await;
    app.create_network(DETMOLD, "Netzwerk Detmold").await;
    app.create_network("05711", "Netzwerk Bielefeld").await;
    app.create_network(TUEBINGEN, "Netzwerk Tübingen").await;
    sqlx::query("UPDATE catalog_indicators SET name = '=2+2 Betreuung' WHERE key = $1")
        .bind(U3)
        .execute(&app.pool)
        .await
        .unwrap();
    adopt_with_values(&app, hamm, U3, &[("2025-03-01", 25.0)]).await;

    for (email, role, land, kommune, status) in [
        ("k@hamm.de", Role::Kommune, None, Some(HAMM), 403),
        ("l@nrw.de", Role::Land, Some("05"), None, 403),
        ("b@bund.de", Role::Bund, None, None, 200),
        ("a@admin.de", Role::Admin, None, None, 200),
    ] {
        let client = app.signed_in(email, role, kommune, land).await;
        assert_eq!(app.get(&client, "/bund/nap-bericht").await.status(), status);
        assert_eq!(
            app.get(&client, "/bund/nap-bericht.csv").await.status(),
            status
        );
    }
    assert_eq!(
        app.get(&app.client, "/bund/nap-bericht").await.status(),
        303
    );

    let bund = app.signed_in("b2@bund.de", Role::Bund, None, None).await;
    let page = app
        .get(&bund, "/bund/nap-bericht")
        .await
        .text()
        .await
        .unwrap();
    // NRW: three networks in three of 53 Kreise (Detmold counts for Kreis Lippe).
    let nrw = page
        .find("<th scope=\"row\" class=\"kern-table__header\">Nordrhein-Westfalen</th>")
        .unwrap();
    assert!(page[nrw..].starts_with("<th scope=\"row\" class=\"kern-table__header\">Nordrhein-Westfalen</th><td class=\"kern-table__cell kern-table__cell--numeric\">3</td><td class=\"kern-table__cell kern-table__cell--numeric\">53</td><td class=\"kern-table__cell kern-table__cell--numeric\">3</td>"), "{}", &page[nrw..nrw + 400]);
    // One network: its median is not shown.
    assert!(page.contains("nicht ausgewiesen"));

    let response = app.get(&bund, "/bund/nap-bericht.csv").await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = response.text().await.unwrap();
    assert!(csv.starts_with("\u{feff}Abschnitt;Gebiet;Merkmal;Jahr;Wert\r\n"));
    assert!(csv.contains("Netzwerke und Abdeckung;Bundesweit;Netzwerke;;4\r\n"));
    assert!(csv.contains(";'=2+2 Betreuung;"), "formula guarded");
    assert!(!csv.contains(";=2+2"));
}

/// The comparison and the NAP report issue the same few statements with 6 networks and with
/// 600 (every one with the catalog indicator and three years of values).
#[tokio::test]
async fn comparison_and_nap_report_issue_a_fixed_number_of_statements() {
    let app = TestApp::spawn().await;
    let fill = |n: i64| {
        format!(
            "INSERT INTO networks (kommune_ags, name, anchoring, is_public)
               SELECT k.ags, 'Netzwerk ' || i, 'jugendhilfeplanung', i % 3 = 0
               FROM generate_series(1, {n}) i
               JOIN LATERAL (SELECT ags FROM kommunen WHERE kind <> 'gemeinde'
                             ORDER BY ags OFFSET (i % 400) LIMIT 1) k ON true;
             INSERT INTO indicators (network_id, catalog_id, name, unit)
               SELECT n.id, c.id, c.name, c.unit FROM networks n, catalog_indicators c
               WHERE c.key = '{U3}' AND NOT EXISTS (SELECT 1 FROM indicators i WHERE i.network_id = n.id);
             INSERT INTO indicator_values (indicator_id, period_date, value)
               SELECT i.id, make_date(y, 3, 1), 20 + (i.id * 7 + y) % 40
               FROM indicators i CROSS JOIN generate_series(2023, 2025) y
               WHERE NOT EXISTS (SELECT 1 FROM indicator_values v WHERE v.indicator_id = i.id);
             INSERT INTO measures (network_id, title, handlungsfelder, lebensphasen, status)
               SELECT n.id, 'Maßnahme', ARRAY['gesundheit'], ARRAY['drei_bis_sechs'], 'laufend'
               FROM networks n WHERE NOT EXISTS (SELECT 1 FROM measures m WHERE m.network_id = n.id);"
        )
    };
    sqlx::raw_sql(sqlx::AssertSqlSafe(fill(6)))
        .execute(&app.pool)
        .await
        .unwrap();
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let path = format!("/katalog/{U3}");
    let chosen = format!("{path}?sortierung=wert&netzwerk=1&netzwerk=2");
    let pages = [
        (&bund, path.as_str()),
        (&bund, chosen.as_str()),
        (&hamm, path.as_str()),
        (&app.client, path.as_str()),
        (&bund, "/katalog"),
        (&bund, "/bund/nap-bericht"),
        (&bund, "/bund/nap-bericht.csv"),
    ];
    let mut small = Vec::new();
    for (client, page) in pages {
        let (count, response) = queries::count(app.get(client, page)).await;
        assert_eq!(response.status(), 200, "{page}");
        small.push(count);
    }
    sqlx::raw_sql(sqlx::AssertSqlSafe(fill(594)))
        .execute(&app.pool)
        .await
        .unwrap();
    for ((client, page), small) in pages.into_iter().zip(small) {
        // The first visit computes what the NAP report keeps until the data changes.
        let (first, _) = queries::count(app.get(client, page)).await;
        assert_eq!(small, first, "statements of {page} grow with the networks");
        let started = std::time::Instant::now();
        let (large, response) = queries::count(app.get(client, page)).await;
        assert_eq!(response.status(), 200, "{page}");
        assert!(large <= small, "{page}: {large} statements, first {small}");
        assert!(large <= 6, "{large} statements for {page}");
        println!(
            "{page} mit 600 Netzwerken: {large} Statements, {} ms (Debug-Build)",
            started.elapsed().as_millis()
        );
    }
    let body = app.get(&bund, &path).await.text().await.unwrap();
    assert!(body.contains("600 Netzwerke mit Werten"));
    assert!(body.contains("Seite 1 von 12"));
    // Kept until the data changes: a visitor's comparison reads the revision only.
    let (kept, _) = queries::count(app.get(&app.client, &path)).await;
    assert_eq!(kept, 1);
}

#[tokio::test]
async fn a_coordinator_takes_good_practice_over_as_a_planned_measure() {
    let app = TestApp::spawn().await;
    let (slug, title): (String, String) = sqlx::query_as(
        "SELECT slug, title FROM knowledge_entries
         WHERE kind = 'good_practice' AND status = 'veroeffentlicht' ORDER BY slug LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let network = app.create_network(HAMM, "Präventionskette Hamm").await;
    make_public(&app, network).await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let entry = format!("/wissen/eintrag/{slug}");
    let page = app.get(&hamm, &entry).await.text().await.unwrap();
    assert!(page.contains("In mein Netzwerk übernehmen"));
    assert!(page.contains("Noch kein Netzwerk hat dieses Praxisbeispiel"));
    // Visitors and other roles see the count, not the button.
    let public = app.get(&app.client, &entry).await.text().await.unwrap();
    assert!(!public.contains("In mein Netzwerk übernehmen"));
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    assert_eq!(
        app.get(&nrw, &format!("{entry}/uebernehmen"))
            .await
            .status(),
        403
    );

    // One network: straight to the prefilled form, which the user confirms.
    let response = app.get(&hamm, &format!("{entry}/uebernehmen")).await;
    assert_eq!(response.status(), 303);
    let form_path = response.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(
        form_path,
        format!("/netzwerke/{network}/massnahmen/neu?wissen={slug}")
    );
    let form = app.get(&hamm, &form_path).await.text().await.unwrap();
    assert!(form.contains("Vorbelegt aus dem Praxisbeispiel"));
    assert!(form.contains(&format!(r#"name="wissen" value="{slug}""#)));
    assert_eq!(
        scalar(&app, "SELECT count(*) FROM measures").await,
        0,
        "nothing stored before the user confirms"
    );
    assert_eq!(
        app.get(
            &hamm,
            &format!("/netzwerke/{network}/massnahmen/neu?wissen=gibt-es-nicht")
        )
        .await
        .status(),
        404
    );
    let response = app
        .post(
            &hamm,
            &format!("/netzwerke/{network}/massnahmen/neu"),
            &[
                ("title", "Unser Familienbüro"),
                ("handlungsfelder", "fruehkindliche_bildung"),
                ("lebensphasen", "null_bis_drei"),
                ("zielgruppen", "alle_familien"),
                ("status", "geplant"),
                ("wissen", &slug),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let measure = response.headers()["location"].to_str().unwrap().to_owned();
    let detail = app.get(&hamm, &measure).await.text().await.unwrap();
    assert!(detail.contains(&format!(r#"href="/wissen/eintrag/{slug}""#)));

    let public = app.get(&app.client, &entry).await.text().await.unwrap();
    assert!(public.contains("1 Netzwerk hat dieses Praxisbeispiel als Maßnahme übernommen."));
    assert!(public.contains("Präventionskette Hamm"));
    let adopted = kinderchancen::knowledge::db::most_adopted(&app.pool, 5)
        .await
        .unwrap();
    assert_eq!(adopted.len(), 1);
    assert_eq!(
        (adopted[0].title.as_str(), adopted[0].networks),
        (title.as_str(), 1)
    );
}

/// The demo: every demo network has catalog indicators with values, the invented ones marked;
/// a further network without any gets four deterministic ones at the next seeding, a synthetic
/// one none; seeding again changes nothing else.
#[tokio::test]
async fn the_demo_gives_every_demo_network_catalog_values() {
    let app = TestApp::spawn_demo().await;
    let per_network: Vec<(String, i64)> = sqlx::query_as(
        "SELECT n.kommune_ags, count(DISTINCT i.id) FROM networks n
         JOIN indicators i ON i.network_id = n.id AND i.catalog_id IS NOT NULL
         JOIN indicator_values v ON v.indicator_id = i.id
         GROUP BY n.kommune_ags ORDER BY n.kommune_ags",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let networks: i64 = sqlx::query_scalar("SELECT count(*) FROM networks")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(per_network.len() as i64, networks, "{per_network:?}");
    assert!(per_network.iter().all(|(_, n)| *n >= 3), "{per_network:?}");
    // Hamm's YouCard take-up is the catalog's BuT indicator, with its value from the source.
    assert_eq!(
        scalar(
            &app,
            "SELECT count(*) FROM indicators i JOIN catalog_indicators c ON c.id = i.catalog_id
             JOIN indicator_values v ON v.indicator_id = i.id
             WHERE c.key = 'but-inanspruchnahme' AND i.name = 'Inanspruchnahme BuT-Leistungen'
               AND v.value = 93.0"
        )
        .await,
        1
    );
    let values = scalar(&app, "SELECT count(*) FROM indicator_values").await;
    let further = app.create_network("05711", "Netzwerk Bielefeld").await;
    sqlx::query(
        "INSERT INTO networks (kommune_ags, name, anchoring, description)
         VALUES ('05754', 'Synthetisch', 'sonstige', 'Synthetisches Netzwerk für Lastmessungen')",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    kinderchancen::demo::seed(&app.pool).await.unwrap();
    assert_eq!(
        scalar(&app, "SELECT count(*) FROM indicator_values").await,
        values + 16,
        "four indicators with four years for Bielefeld, nothing for the synthetic one"
    );
    assert_eq!(
        scalar(
            &app,
            &format!(
                "SELECT count(*) FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id
                 WHERE i.network_id = {further} AND v.note LIKE 'Demowert%'"
            )
        )
        .await,
        16
    );
    kinderchancen::demo::seed(&app.pool).await.unwrap();
    assert_eq!(
        scalar(&app, "SELECT count(*) FROM indicator_values").await,
        values + 16
    );
}
