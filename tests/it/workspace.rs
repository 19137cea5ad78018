//! Pages of the whole workspace: Bestandsaufnahme, and that every page issues a fixed number
//! of statements whatever the amount of data.

use kinderchancen::policy::Role;

use crate::networks::{DETMOLD, HAMM};
use crate::support::{TestApp, queries};

/// Fills a network with `n` measures, goals with milestones, and indicators with values.
/// Milestones fall due 30 days after the portal's today: the database's `current_date` is
/// UTC (sqlx sets the session time zone), a day behind Germany for an hour or two each night.
async fn fill(app: &TestApp, network: i64, n: i64) {
    let in_30_days = kinderchancen::clock::today() + time::Duration::days(30);
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "INSERT INTO sozialraeume (network_id, name) SELECT {network}, 'Bezirk ' || i FROM generate_series(1, 5) i;
         INSERT INTO partners (network_id, name, kind, ressort, network_role)
           SELECT {network}, 'Partner ' || i, 'verein', 'jugend', 'partner' FROM generate_series(1, {n}) i;
         INSERT INTO measures (network_id, title, handlungsfelder, lebensphasen, zielgruppen, status, partner_id, sozialraum_id)
           SELECT {network}, 'Maßnahme ' || i, ARRAY['gesundheit', 'wohnen'], ARRAY['drei_bis_sechs'], ARRAY['alleinerziehende'],
                  'laufend', (SELECT id FROM partners WHERE network_id = {network} AND name = 'Partner ' || i),
                  (SELECT min(id) FROM sozialraeume WHERE network_id = {network})
           FROM generate_series(1, {n}) i;
         INSERT INTO goals (network_id, level, title, status)
           SELECT {network}, 'kernziel', 'Kernziel ' || i, 'offen' FROM generate_series(1, {n}) i;
         INSERT INTO milestones (goal_id, title, due_on)
           SELECT g.id, 'Meilenstein', DATE '{in_30_days}' FROM goals g WHERE g.network_id = {network};
         INSERT INTO measure_goals (network_id, measure_id, goal_id)
           SELECT {network}, m.id, g.id FROM measures m JOIN goals g ON g.network_id = m.network_id
           WHERE m.network_id = {network} AND substr(m.title, 10) = substr(g.title, 9);
         INSERT INTO indicators (network_id, name, unit) SELECT {network}, 'Kennzahl ' || i, 'prozent' FROM generate_series(1, {n}) i;
         INSERT INTO indicator_values (indicator_id, period_date, value)
           SELECT k.id, make_date(2020 + y, 12, 31), y * 10 FROM indicators k, generate_series(1, 4) y WHERE k.network_id = {network};"
    )))
    .execute(&app.pool)
    .await
    .unwrap();
}

#[tokio::test]
async fn the_bestandsaufnahme_shows_counts_gaps_and_overlaps() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Netzwerk Hamm").await;
    fill(&app, network, 3).await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let page = app
        .get(&hamm, &format!("/netzwerke/{network}/bestandsaufnahme"))
        .await;
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap();
    // 7 × 6 cells, two of them (Gesundheit and Wohnen for 3–6) covered by 3 measures each.
    assert!(body.contains("– 40 Lücken"), "gaps counted");
    assert_eq!(body.matches("aria-label=\"3 Maßnahmen:").count(), 2);
    assert!(body.contains("handlungsfeld=gesundheit&#38;lebensphase=drei_bis_sechs"));
    // Three measures of three partners in the same place: three possible double structures.
    assert_eq!(
        body.matches("gemeinsam: Gesundheit, Wohnen · 3 bis 6 Jahre · Alleinerziehende")
            .count(),
        3
    );

    // Filters: another target group empties the matrix; garbage is ignored.
    let for_disabled = || async {
        app.get(
            &hamm,
            &format!("/netzwerke/{network}/bestandsaufnahme?zielgruppe=behinderung"),
        )
        .await
        .text()
        .await
        .unwrap()
    };
    let body = for_disabled().await;
    assert!(
        body.contains("Noch keine laufenden Maßnahmen in dieser Auswahl")
            && body.contains("Keine möglichen Doppelstrukturen"),
        "an empty matrix is no list of 42 gaps"
    );
    // A measure for all families counts for every target group, and its cell lists it.
    sqlx::query(
        "INSERT INTO measures (network_id, title, handlungsfelder, lebensphasen, zielgruppen, status)
         VALUES ($1, 'Familienbüro', ARRAY['schulische_bildung'], ARRAY['null_bis_drei'], ARRAY['alle_familien'], 'laufend')",
    )
    .bind(network)
    .execute(&app.pool)
    .await
    .unwrap();
    let body = for_disabled().await;
    assert!(body.contains("– 41 Lücken"), "{body}");
    assert!(body.contains("zielgruppe=behinderung&#38;zielgruppe=alle_familien"));
    let listed = app
        .get(
            &hamm,
            &format!(
                "/netzwerke/{network}/massnahmen?status=laufend&handlungsfeld=schulische_bildung&lebensphase=null_bis_drei&zielgruppe=behinderung&zielgruppe=alle_familien"
            ),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        listed.contains("Familienbüro"),
        "the cell's link lists the measure"
    );
    let response = app
        .get(
            &hamm,
            &format!(
                "/netzwerke/{network}/bestandsaufnahme?sozialraum=abc&zielgruppe=%3Cscript%3E"
            ),
        )
        .await;
    assert_eq!(response.status(), 200);

    let detmold = app
        .signed_in("k@detmold.de", Role::Kommune, Some(DETMOLD), None)
        .await;
    assert_eq!(
        app.get(&detmold, &format!("/netzwerke/{network}/bestandsaufnahme"))
            .await
            .status(),
        403
    );
}

#[tokio::test]
async fn every_workspace_page_issues_a_fixed_number_of_statements() {
    let app = TestApp::spawn().await;
    let small = app.create_network(HAMM, "Klein").await;
    let large = app.create_network(HAMM, "Groß").await;
    fill(&app, small, 2).await;
    fill(&app, large, 150).await;
    let client = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let pages = [
        "",
        "/bestandsaufnahme",
        "/bericht",
        "/partner",
        "/massnahmen",
        "/ziele",
        "/kennzahlen",
    ];
    for page in pages {
        let mut counts = Vec::new();
        for network in [small, large] {
            let path = format!("/netzwerke/{network}{page}");
            let (statements, response) = queries::count(app.get(&client, &path)).await;
            assert_eq!(response.status(), 200, "{path}");
            counts.push(statements);
        }
        assert_eq!(
            counts[0], counts[1],
            "statements for {page:?} grow with the data: {counts:?}"
        );
        // The session lookup plus at least one statement of the page itself: the counter works.
        assert!(
            (2..=10).contains(&counts[0]),
            "{page:?} issues {} statements",
            counts[0]
        );
    }
    let (statements, _) = queries::count(app.get(&client, "/netzwerke")).await;
    assert!((2..=3).contains(&statements), "network list: {statements}");
}

#[tokio::test]
async fn only_public_networks_have_a_public_profile() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Präventionskette Hamm").await;
    fill(&app, network, 3).await;
    sqlx::query("UPDATE networks SET description = 'Kein Kind zurücklassen.', contact_email = 'geheim@hamm.invalid' WHERE id = $1")
        .bind(network)
        .execute(&app.pool)
        .await
        .unwrap();
    let path = format!("/oeffentlich/netzwerke/{network}");
    assert_eq!(
        app.get(&app.client, &path).await.status(),
        404,
        "not switched public"
    );
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    assert_eq!(
        app.get(&hamm, &path).await.status(),
        404,
        "not even for its own coordinator"
    );

    sqlx::query("UPDATE networks SET is_public = true WHERE id = $1")
        .bind(network)
        .execute(&app.pool)
        .await
        .unwrap();
    let response = app.get(&app.client, &path).await;
    assert_eq!(response.status(), 200);
    let body = response.text().await.unwrap();
    for shown in [
        "Präventionskette Hamm",
        "Hamm, Stadt",
        "Kein Kind zurücklassen.",
        "Partner 1",
        "Kernziel 1",
        "Maßnahme 2",
        "0 %",
    ] {
        assert!(body.contains(shown), "shows {shown}");
    }
    assert!(!body.contains("geheim@hamm.invalid"), "no contact data");
    assert!(!body.contains("Meilenstein"), "no milestones");
    assert_eq!(
        app.get(&app.client, "/oeffentlich/netzwerke/999999")
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn the_overview_and_the_printable_report_show_the_state_of_the_network() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Netzwerk Hamm").await;
    fill(&app, network, 3).await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let detmold = app
        .signed_in("k@detmold.de", Role::Kommune, Some(DETMOLD), None)
        .await;

    let overview = app
        .get(&hamm, &format!("/netzwerke/{network}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(overview.contains("Kernziel: Kernziel 1"), "goal tree");
    assert!(overview.contains("in 30 Tagen"), "milestones due soon");
    assert!(
        overview.contains("Kennzahl 1") && overview.contains("<svg"),
        "small multiples"
    );
    assert!(overview.contains("3 Maßnahmen insgesamt"));

    for client in [&hamm, &nrw] {
        let report = app
            .get(client, &format!("/netzwerke/{network}/bericht"))
            .await;
        assert_eq!(report.status(), 200);
        let body = report.text().await.unwrap();
        assert!(
            body.contains("– 40 Lücken")
                && body.contains("Maßnahme 1")
                && body.contains("Partner 1")
        );
    }
    assert_eq!(
        app.get(&detmold, &format!("/netzwerke/{network}/bericht"))
            .await
            .status(),
        403
    );
}

#[tokio::test]
async fn the_demo_networks_show_what_the_sources_describe() {
    let app = TestApp::spawn_demo().await;
    let hamm: i64 = sqlx::query_scalar("SELECT id FROM networks WHERE kommune_ags = '05915'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let client = app.new_client();
    app.login(&client, "kommune.hamm@demo.invalid", "kinderchancen-demo")
        .await;
    let overview = app
        .get(&client, &format!("/netzwerke/{hamm}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(overview.contains("Familienrathaus"));
    let indicators = app
        .get(&client, &format!("/netzwerke/{hamm}/kennzahlen"))
        .await
        .text()
        .await
        .unwrap();
    assert!(indicators.contains("93"), "YouCard coverage");
    let inventory = app
        .get(&client, &format!("/netzwerke/{hamm}/bestandsaufnahme"))
        .await
        .text()
        .await
        .unwrap();
    assert!(inventory.contains("Lücke"), "deliberate gaps");
    assert!(
        !inventory.contains("Keine möglichen Doppelstrukturen"),
        "deliberate double structures"
    );
    // The four from the sources, and 45 "… (Demo)" for the national overview.
    let networks: i64 = sqlx::query_scalar("SELECT count(*) FROM networks")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(networks, 4 + 45);
    kinderchancen::demo::seed(&app.pool).await.unwrap();
    let again: i64 = sqlx::query_scalar("SELECT count(*) FROM networks")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(again, 4 + 45, "a second start duplicates nothing");
}
