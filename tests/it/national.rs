//! The national layer: the Bund's overview with the map of all Kreise, the map on the
//! Landesübersicht, and public discovery of the networks' public profiles.

use kinderchancen::policy::Role;

use crate::catalog::{add_case_count, adopt_with_values, make_public};
use crate::networks::{DETMOLD, HAMM, TUEBINGEN};
use crate::support::{TestApp, queries};

/// `count` networks spread over the Kreise of every Land, every second one public, with two
/// running measures each and every third one funded in a Land program with a report waiting
/// for review (and one report slot overdue). Set-based, so 300 networks take a moment.
fn fill(count: i64) -> String {
    format!(
        "INSERT INTO funding_programs (land_code, name) SELECT code, 'Programm ' || code FROM laender
           ON CONFLICT DO NOTHING;
         INSERT INTO funding_phases (program_id, position, name, duration_months, report_interval_months)
           SELECT id, 1, 'Aufbau', 24, 12 FROM funding_programs ON CONFLICT DO NOTHING;
         INSERT INTO networks (kommune_ags, name, anchoring, is_public)
           SELECT k.ags, 'Netz ' || i, 'jugendhilfeplanung', i % 2 = 0
           FROM generate_series(1, {count}) i
           JOIN LATERAL (SELECT ags FROM kommunen WHERE kind <> 'gemeinde'
                         ORDER BY ags OFFSET (i * 7 % 401) LIMIT 1) k ON true;
         INSERT INTO measures (network_id, title, handlungsfelder, status)
           SELECT n.id, 'Maßnahme ' || m, ARRAY['gesundheit'], 'laufend'
           FROM networks n, generate_series(1, 2) m
           WHERE NOT EXISTS (SELECT 1 FROM measures x WHERE x.network_id = n.id);
         INSERT INTO fundings (network_id, program_id, phase_id, start_date, end_date, status)
           SELECT n.id, p.id, ph.id, DATE '2024-01-01', DATE '2025-12-31', 'laufend'
           FROM networks n
           JOIN funding_programs p ON p.land_code = left(n.kommune_ags, 2)
           JOIN funding_phases ph ON ph.program_id = p.id
           WHERE n.id % 3 = 0 AND NOT EXISTS (SELECT 1 FROM fundings f WHERE f.network_id = n.id);
         INSERT INTO reports (funding_id, seq, kind, period_start, period_end, due_on, status, snapshot)
           SELECT f.id, 1, 'zwischenbericht', DATE '2024-01-01', DATE '2024-12-31', DATE '2025-03-31',
                  'eingereicht', '{{}}'
           FROM fundings f WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.funding_id = f.id);"
    )
}

async fn fill_networks(app: &TestApp, count: i64) {
    sqlx::raw_sql(sqlx::AssertSqlSafe(fill(count)))
        .execute(&app.pool)
        .await
        .unwrap();
}

/// The `<svg …>…</svg>` of the map on `page`.
fn svg_of(page: &str) -> &str {
    let start = page.find("<svg class=\"app-map").expect("a map");
    let end = page[start..].find("</svg>").expect("the map's end") + start + "</svg>".len();
    &page[start..end]
}

/// "< 3" as the drawing ("&lt;") and askama ("&#60;") write it.
fn unescape(value: &str) -> String {
    value.replace("&lt;", "<").replace("&#60;", "<")
}

/// The value of Kreis `name` in `values`.
fn value_of<'a>(values: &'a [(String, String)], name: &str) -> &'a str {
    &values.iter().find(|(n, _)| n == name).expect(name).1
}

/// Each Kreis in the drawing: (name, value) from its `<title>`.
fn drawn_values(svg: &str) -> Vec<(String, String)> {
    svg.split("<title>")
        .skip(1)
        .map(|rest| {
            let title = &rest[..rest.find("</title>").unwrap()];
            let (name, value) = title.rsplit_once(": ").expect("name: value");
            (name.to_owned(), unescape(value))
        })
        .collect()
}

/// Each Kreis in the table beside the map: (name, value).
fn table_values(page: &str) -> Vec<(String, String)> {
    let start = page
        .find("id=\"karte-tabelle-titel\"")
        .expect("the map's table");
    let table = &page[start..page[start..].find("</table>").unwrap() + start];
    table
        .split("<tr class=\"kern-table__row\" id=\"kreis-")
        .skip(1)
        .map(|row| {
            let link = &row[row.find("<a ").unwrap()..];
            let name = &link[link.find('>').unwrap() + 1..link.find("</a>").unwrap()];
            let cell = &row[row.find("<td class=\"kern-table__cell\">").unwrap()
                + "<td class=\"kern-table__cell\">".len()..];
            let value = &cell[..cell.find("</td>").unwrap()];
            (name.to_owned(), unescape(value))
        })
        .collect()
}

#[tokio::test]
async fn only_the_bund_and_admins_see_the_national_overview() {
    let app = TestApp::spawn().await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some("05915"), None)
        .await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let admin = app.signed_in("a@admin.de", Role::Admin, None, None).await;
    for (client, expected) in [(&hamm, 403), (&nrw, 403), (&bund, 200), (&admin, 200)] {
        let response = app.get(client, "/bund/uebersicht").await;
        assert_eq!(response.status(), expected);
    }
    let anonymous = app.new_client();
    let response = app.get(&anonymous, "/bund/uebersicht").await;
    assert_eq!(response.status(), 303);
    assert!(
        response.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/anmelden")
    );
    // The public list is for everybody.
    for client in [&anonymous, &hamm, &nrw, &bund, &admin] {
        assert_eq!(app.get(client, "/oeffentlich").await.status(), 200);
    }
    // The Bund's start page is the overview; "Alle Länder" on the Landesübersicht leads there.
    let start = app.get(&bund, "/").await.text().await.unwrap();
    assert!(start.contains("Die Länder im Vergleich"));
    let all = app.get(&bund, "/land/uebersicht?karte=massnahmen").await;
    assert_eq!(all.status(), 303);
    assert_eq!(
        all.headers()["location"],
        "/bund/uebersicht?karte=massnahmen"
    );
}

#[tokio::test]
async fn the_overview_counts_per_land_and_the_map_matches_its_table() {
    let app = TestApp::spawn().await;
    fill_networks(&app, 30).await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let page = app
        .get(&bund, "/bund/uebersicht?karte=netzwerke")
        .await
        .text()
        .await
        .unwrap();
    // 30 networks in 30 different Kreise (steps of 7 through 401), 60 running measures, every
    // third funded with its first report waiting for review and its final one overdue.
    assert!(
        page.contains("30 Netzwerke in 30 von 401 Kreisen und kreisfreien Städten"),
        "{page}"
    );
    assert!(page.contains("60 laufende Maßnahmen"));
    let counts: (i64, i64) = sqlx::query_as(
        "SELECT count(*) FILTER (WHERE r.status = 'eingereicht'), count(DISTINCT f.id)
         FROM fundings f LEFT JOIN reports r ON r.funding_id = f.id",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(counts, (10, 10));
    let total_row = &page[page.find("<tfoot>").unwrap()..];
    let total_row = &total_row[..total_row.find("</tfoot>").unwrap()];
    // Funded 10 (all in "Aufbau"), 10 final reports overdue (due 31.03.2026), 10 waiting.
    assert!(total_row.contains("10<br><span class=\"kern-body--small\">Aufbau: 10</span>"));
    assert!(
        total_row.contains("<span class=\"kern-label\">10</span>"),
        "{total_row}"
    );
    assert_eq!(total_row.matches(">10</td>").count(), 1, "{total_row}");

    let svg = svg_of(&page);
    assert!(svg.len() < 150_000, "the map has {} bytes", svg.len());
    let drawn = drawn_values(svg);
    assert_eq!(drawn.len(), 401, "every Kreis drawn once with a title");
    assert_eq!(svg.matches("<a href=\"/land/uebersicht?land=").count(), 401);
    assert_eq!(drawn.iter().filter(|(_, v)| v == "1 Netzwerk").count(), 30);
    assert!(drawn.contains(&(
        "Flensburg (Kreisfreie Stadt)".to_owned(),
        "0 Netzwerke".to_owned()
    )));
    assert_eq!(
        table_values(&page),
        drawn,
        "the table says what the map shows"
    );
    // The legend in words, with the number of Kreise per step.
    assert!(page.contains("1: 30 Kreise"));
    assert!(page.contains("0: 371 Kreise"));
    assert!(page.contains("© GeoBasis-DE / BKG 2021 (Daten verändert)"));
    assert!(page.contains("href=\"https://www.bkg.bund.de\""));

    // The Landesübersicht draws the same map cut to its Land.
    let land = app
        .get(&bund, "/land/uebersicht?land=05&karte=massnahmen")
        .await
        .text()
        .await
        .unwrap();
    let nrw = drawn_values(svg_of(&land));
    assert_eq!(nrw.len(), 53);
    assert_eq!(table_values(&land), nrw);
    assert!(nrw.iter().any(|(_, v)| v == "2 laufende Maßnahmen"));
    assert!(nrw.iter().all(|(_, v)| v.ends_with("laufende Maßnahmen")));
}

#[tokio::test]
async fn public_discovery_lists_only_public_profiles() {
    let app = TestApp::spawn().await;
    let visible = app.create_network("05915", "Sichtbares Netz Hamm").await;
    let hidden = app
        .create_network("08416041", "Geheimes Netz Tübingen")
        .await;
    sqlx::query("UPDATE networks SET is_public = (id = $1)")
        .bind(visible)
        .execute(&app.pool)
        .await
        .unwrap();
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    for client in [app.new_client(), bund] {
        let page = app.get(&client, "/oeffentlich").await.text().await.unwrap();
        assert!(page.contains(&format!("/oeffentlich/netzwerke/{visible}")));
        assert!(page.contains("Sichtbares Netz Hamm"));
        assert!(!page.contains("Geheimes Netz"));
        assert!(!page.contains(&format!("/oeffentlich/netzwerke/{hidden}")));
        assert!(page.contains(">1 Netzwerk</h2>"));
        // On the map, Tübingen's Kreis has no (public) network; Hamm has one.
        let drawn = drawn_values(svg_of(&page));
        assert!(drawn.contains(&(
            "Tübingen (Landkreis)".to_owned(),
            "ohne Netzwerk".to_owned()
        )));
        assert!(drawn.contains(&(
            "Hamm (Kreisfreie Stadt)".to_owned(),
            "mit Netzwerk".to_owned()
        )));
        // Neither searching nor narrowing to its Kreis or Land finds it.
        for query in ["q=Geheim", "kreis=08416", "land=08", "q=T%C3%BCbingen"] {
            let page = app
                .get(&client, &format!("/oeffentlich?{query}"))
                .await
                .text()
                .await
                .unwrap();
            assert!(page.contains(">0 Netzwerke"), "{query}");
            assert!(!page.contains("Geheimes Netz"), "{query}");
        }
    }
    let anonymous = app.new_client();
    let found = app
        .get(&anonymous, "/oeffentlich?q=sichtbar&land=05")
        .await
        .text()
        .await
        .unwrap();
    assert!(found.contains(">1 Netzwerk</h2>"));
    // Wildcards are letters; nonsense in the query string is ignored.
    let none = app
        .get(
            &anonymous,
            "/oeffentlich?q=%25&land=xx&kreis=%3Cb%3E&seite=-3&karte=x",
        )
        .await;
    assert_eq!(none.status(), 200);
    assert!(none.text().await.unwrap().contains(">0 Netzwerke"));
    assert_eq!(
        app.get(&anonymous, &format!("/oeffentlich/netzwerke/{hidden}"))
            .await
            .status(),
        404
    );
    // A network is found by its name or by its place, the name of its Kommune.
    sqlx::query("UPDATE networks SET name = 'Sichtbares Netz' WHERE id = $1")
        .bind(visible)
        .execute(&app.pool)
        .await
        .unwrap();
    let bund = app.signed_in("b2@bund.de", Role::Bund, None, None).await;
    for (client, path) in [
        (&anonymous, "/oeffentlich?q=hamm"),
        (&anonymous, "/oeffentlich?q=sichtbares"),
        (&bund, "/netzwerke?q=hamm"),
        (&bund, "/netzwerke?q=sichtbares"),
    ] {
        let page = app.get(client, path).await.text().await.unwrap();
        assert!(page.contains("Sichtbares Netz<"), "{path}");
        assert!(!page.contains("Geheimes Netz"), "{path}");
    }
}

/// The public list counts what it finds from the map's figures, kept per revision, unless
/// words narrow it: the same totals as counted in the database, two statements without words
/// and three with. A profile made public shows at once in the list's count and on the map,
/// which is drawn again for the new revision.
#[tokio::test]
async fn the_public_list_counts_from_the_kept_figures_and_follows_a_change() {
    let app = TestApp::spawn().await;
    fill_networks(&app, 80).await;
    let anonymous = app.new_client();
    let kommune: String =
        sqlx::query_scalar("SELECT kommune_ags FROM networks WHERE is_public ORDER BY id LIMIT 1")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let kreis = kommune[..5].to_owned();
    let land = kreis[..2].to_owned();
    let public_in = |prefix: String, name: &'static str| {
        let pool = app.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "SELECT count(*) FROM networks
                 WHERE is_public AND kommune_ags LIKE $1 || '%' AND name LIKE $2",
            )
            .bind(prefix)
            .bind(name)
            .fetch_one(&pool)
            .await
            .unwrap()
        }
    };
    let searches = [
        (String::new(), public_in(String::new(), "%").await, 2),
        (
            format!("land={land}"),
            public_in(land.clone(), "%").await,
            2,
        ),
        (
            format!("kreis={kreis}"),
            public_in(kreis.clone(), "%").await,
            2,
        ),
        (
            format!("land={land}&karte=netzwerke"),
            public_in(land.clone(), "%").await,
            2,
        ),
        (
            "q=Netz+1".to_owned(),
            public_in(String::new(), "Netz 1%").await,
            3,
        ),
        (
            format!("q=Netz&land={land}"),
            public_in(land.clone(), "%").await,
            3,
        ),
    ];
    for (query, expected, statements) in &searches {
        let url = format!("/oeffentlich?{query}");
        app.get(&anonymous, &url).await;
        let (counted, response) = queries::count(app.get(&anonymous, &url)).await;
        let page = response.text().await.unwrap();
        assert!(*expected > 0, "{query}");
        assert!(
            page.contains(&format!(">{}", networks(*expected))),
            "{query}"
        );
        assert_eq!(counted, *statements, "{query}");
    }

    let map = |page: &str| drawn_values(svg_of(page));
    let url = format!("/oeffentlich?kreis={kreis}&karte=netzwerke");
    let before = app.get(&anonymous, &url).await.text().await.unwrap();
    let made_public = app.create_network(&kommune, "Netz neu").await;
    sqlx::query("UPDATE networks SET is_public = true WHERE id = $1")
        .bind(made_public)
        .execute(&app.pool)
        .await
        .unwrap();
    let after = app.get(&anonymous, &url).await.text().await.unwrap();
    let expected = public_in(kreis.clone(), "%").await;
    assert!(
        after.contains(&format!(">{expected} Netzwerke in ")),
        "{after}"
    );
    let changed: Vec<_> = map(&before)
        .into_iter()
        .zip(map(&after))
        .filter(|(b, a)| b != a)
        .map(|(_, a)| a)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!(changed[0].1, networks(expected));
}

/// "1 Netzwerk", "2 Netzwerke", as the list's heading and the map count them.
fn networks(count: i64) -> String {
    match count {
        1 => "1 Netzwerk".to_owned(),
        n => format!("{n} Netzwerke"),
    }
}

/// A few networks, then 300 more: the overview, the Landesübersicht and the public list issue
/// the same statements, and the figures are printed.
#[tokio::test]
async fn the_national_pages_issue_a_fixed_number_of_statements() {
    let app = TestApp::spawn().await;
    fill_networks(&app, 5).await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let anonymous = app.new_client();
    let pages = [
        (&bund, "/bund/uebersicht"),
        (&bund, "/"),
        (&bund, "/land/uebersicht?land=05&karte=netzwerke"),
        (&anonymous, "/oeffentlich"),
        (&anonymous, "/oeffentlich?q=Netz&land=05&seite=2"),
    ];
    let mut small = Vec::new();
    for (client, path) in pages {
        // The first visit of a start page also keeps the task count in the session.
        app.get(client, path).await;
        let (n, response) = queries::count(app.get(client, path)).await;
        assert_eq!(response.status(), 200, "{path}");
        small.push(n);
    }
    fill_networks(&app, 300).await;
    for ((client, path), small) in pages.into_iter().zip(small) {
        app.get(client, path).await;
        let started = std::time::Instant::now();
        let (large, response) = queries::count(app.get(client, path)).await;
        let elapsed = started.elapsed();
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(small, large, "statements grow with the networks: {path}");
        assert!(large <= 10, "{large} statements for {path}");
        println!(
            "{path} mit 305 Netzwerken: {large} Statements, {} ms (Debug-Build)",
            elapsed.as_millis()
        );
    }
}

const U9: &str = "teilnahme-u9";

/// Hamm: a public network (90 %) and one that is not (80 %); Lippe (Detmold): one that is not
/// (50 %, later 70 %); Tübingen: a public one (60 %). Returns (Hamm public, Hamm other,
/// Detmold, Tübingen).
async fn networks_with_u9(app: &TestApp) -> [i64; 4] {
    let hamm = app.create_network(HAMM, "Präventionskette Hamm").await;
    let other = app.create_network(HAMM, "Zweites Netz Hamm").await;
    let detmold = app.create_network(DETMOLD, "Netzwerk Detmold").await;
    let tuebingen = app.create_network(TUEBINGEN, "Netzwerk Tübingen").await;
    make_public(app, hamm).await;
    make_public(app, tuebingen).await;
    adopt_with_values(app, hamm, U9, &[("2025-12-31", 90.0)]).await;
    adopt_with_values(app, other, U9, &[("2025-12-31", 80.0)]).await;
    adopt_with_values(
        app,
        detmold,
        U9,
        &[("2023-12-31", 50.0), ("2025-12-31", 70.0)],
    )
    .await;
    adopt_with_values(app, tuebingen, U9, &[("2024-12-31", 60.0)]).await;
    [hamm, other, detmold, tuebingen]
}

#[tokio::test]
async fn the_map_shades_kreise_by_a_catalog_indicator_among_the_networks_the_viewer_may_see() {
    let app = TestApp::spawn().await;
    let [hamm, _, _, tuebingen] = networks_with_u9(&app).await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let choice = format!("karte=kennzahl:{U9}");
    let page = app
        .get(&bund, &format!("/bund/uebersicht?{choice}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(&format!(r#"<option value="kennzahl:{U9}" selected>"#)));
    let drawn = drawn_values(svg_of(&page));
    assert_eq!(drawn.len(), 401);
    // Per Kreis the median of the networks' latest values: Hamm (90, 80) 85 %.
    assert_eq!(value_of(&drawn, "Hamm (Kreisfreie Stadt)"), "85\u{a0}%");
    assert_eq!(value_of(&drawn, "Lippe (Kreis)"), "70\u{a0}%");
    assert_eq!(value_of(&drawn, "Tübingen (Landkreis)"), "60\u{a0}%");
    assert_eq!(
        value_of(&drawn, "Flensburg (Kreisfreie Stadt)"),
        "ohne Angabe"
    );
    assert_eq!(
        table_values(&page),
        drawn,
        "the table says what the map shows"
    );
    assert!(page.contains("Teilnahme an der Früherkennungsuntersuchung U9 (Median je Kreis)"));
    assert!(page.contains("der Median der letzten Werte aller Netzwerke im Kreis"));
    assert!(page.contains("ohne Angabe: 398 Kreise"));
    assert!(page.contains(&format!(r#"href="/katalog/{U9}""#)));
    assert!(
        !page.contains("zum Schutz Einzelner"),
        "shares are not counts"
    );

    // The Land's map: its Kreise, every network of the Land.
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let land = app
        .get(&nrw, &format!("/land/uebersicht?{choice}"))
        .await
        .text()
        .await
        .unwrap();
    let in_nrw = drawn_values(svg_of(&land));
    assert_eq!(in_nrw.len(), 53);
    assert_eq!(value_of(&in_nrw, "Hamm (Kreisfreie Stadt)"), "85\u{a0}%");
    assert_eq!(table_values(&land), in_nrw);
    // A Kreis keeps the choice when it narrows the list.
    assert!(land.contains(&format!("karte=kennzahl%3A{U9}")), "{land}");

    // The public map: public networks only.
    for client in [app.new_client(), bund] {
        let public = app
            .get(&client, &format!("/oeffentlich?{choice}"))
            .await
            .text()
            .await
            .unwrap();
        let drawn = drawn_values(svg_of(&public));
        assert_eq!(value_of(&drawn, "Hamm (Kreisfreie Stadt)"), "90\u{a0}%");
        assert_eq!(value_of(&drawn, "Lippe (Kreis)"), "ohne Angabe");
        assert_eq!(value_of(&drawn, "Tübingen (Landkreis)"), "60\u{a0}%");
        assert_eq!(table_values(&public), drawn);
        assert!(public.contains("aller Netzwerke mit öffentlichem Profil im Kreis"));
    }

    // A count of cases: below the threshold "< 3" everywhere, and no legend step tells 2.
    add_case_count(&app).await;
    adopt_with_values(&app, hamm, "inobhutnahmen", &[("2025-12-31", 2.0)]).await;
    adopt_with_values(&app, tuebingen, "inobhutnahmen", &[("2025-12-31", 14.0)]).await;
    for (client, path) in [
        (
            app.new_client(),
            "/oeffentlich?karte=kennzahl:inobhutnahmen",
        ),
        (
            app.signed_in("a@admin.de", Role::Admin, None, None).await,
            "/bund/uebersicht?karte=kennzahl:inobhutnahmen",
        ),
    ] {
        let page = app.get(&client, path).await.text().await.unwrap();
        let drawn = drawn_values(svg_of(&page));
        assert_eq!(value_of(&drawn, "Hamm (Kreisfreie Stadt)"), "< 3", "{path}");
        assert_eq!(value_of(&drawn, "Tübingen (Landkreis)"), "14", "{path}");
        assert_eq!(table_values(&page), drawn);
        assert!(page.contains("zum Schutz Einzelner"), "{path}");
        assert!(page.contains("unter 14: 1 Kreis"), "{path}");
        assert!(!page.contains("2 bis unter"), "{path}");
    }

    // A retired indicator is no longer offered; the map falls back to the first choice.
    sqlx::query("UPDATE catalog_indicators SET status = 'ausgemustert' WHERE key = $1")
        .bind(U9)
        .execute(&app.pool)
        .await
        .unwrap();
    let admin = app.signed_in("a2@admin.de", Role::Admin, None, None).await;
    let page = app
        .get(&admin, &format!("/bund/uebersicht?{choice}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!page.contains(&format!("kennzahl:{U9}")));
    assert!(page.contains("Legende: Präventionsnetzwerk vorhanden"));
}

#[tokio::test]
async fn the_overview_lists_the_most_adopted_practices_and_maps_where_one_spread() {
    let app = TestApp::spawn().await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let page = app
        .get(&bund, "/bund/uebersicht")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Noch hat kein Netzwerk einen Praxiseintrag übernommen."));

    let entries: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, slug, title FROM knowledge_entries
         WHERE kind = 'good_practice' AND status = 'veroeffentlicht' ORDER BY slug LIMIT 2",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let [(first, slug, title), (second, other_slug, _)] = <[_; 2]>::try_from(entries).unwrap();
    let hamm = app.create_network(HAMM, "Präventionskette Hamm").await;
    let detmold = app.create_network(DETMOLD, "Netzwerk Detmold").await;
    let tuebingen = app.create_network(TUEBINGEN, "Netzwerk Tübingen").await;
    make_public(&app, hamm).await;
    // Hamm and Detmold took the first entry over (Hamm twice), Tübingen the second.
    for (network, entry) in [
        (hamm, first),
        (hamm, first),
        (detmold, first),
        (tuebingen, second),
    ] {
        sqlx::query(
            "INSERT INTO measures (network_id, title, handlungsfelder, status, knowledge_entry_id)
             VALUES ($1, 'Übernommen', ARRAY['gesundheit'], 'geplant', $2)",
        )
        .bind(network)
        .bind(entry)
        .execute(&app.pool)
        .await
        .unwrap();
    }

    for (path, map) in [("/bund/uebersicht", "/bund/uebersicht"), ("/", "/")] {
        let page = app.get(&bund, path).await.text().await.unwrap();
        let list = &page[page.find("id=\"praxis-titel\"").unwrap()..];
        let list = &list[..list.find("</section>").unwrap()];
        let at_first = list
            .find(&format!("href=\"/wissen/eintrag/{slug}\""))
            .unwrap();
        let at_second = list
            .find(&format!("href=\"/wissen/eintrag/{other_slug}\""))
            .unwrap();
        assert!(at_first < at_second, "most adopted first: {list}");
        assert!(list.contains(">2 Netzwerken</td>"), "{list}");
        assert!(list.contains(">1 Netzwerk</td>"), "{list}");
        let href = format!("{map}?karte=praxis%3A{slug}#karte-titel");
        assert!(list.contains(&format!("href=\"{href}\"")), "{list}");
    }

    // The link shows where the entry spread: Kreise with a network that took it over.
    let page = app
        .get(&bund, &format!("/bund/uebersicht?karte=praxis%3A{slug}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(&format!(r#"<option value="praxis:{slug}" selected>"#)));
    assert!(page.contains(&format!("Legende: Übernahmen von „{title}“")));
    let drawn = drawn_values(svg_of(&page));
    assert_eq!(value_of(&drawn, "Hamm (Kreisfreie Stadt)"), "1 Netzwerk");
    assert_eq!(value_of(&drawn, "Lippe (Kreis)"), "1 Netzwerk");
    assert_eq!(value_of(&drawn, "Tübingen (Landkreis)"), "0 Netzwerke");
    assert_eq!(table_values(&page), drawn);
    assert!(page.contains("1: 2 Kreise"));
    // The public map counts only public networks.
    let public = app
        .get(
            &app.new_client(),
            &format!("/oeffentlich?karte=praxis:{slug}"),
        )
        .await
        .text()
        .await
        .unwrap();
    let drawn = drawn_values(svg_of(&public));
    assert_eq!(value_of(&drawn, "Hamm (Kreisfreie Stadt)"), "1 Netzwerk");
    assert_eq!(value_of(&drawn, "Lippe (Kreis)"), "0 Netzwerke");
    // The Land's map, cut to the Land.
    let land = app
        .get(
            &bund,
            &format!("/land/uebersicht?land=05&karte=praxis:{slug}"),
        )
        .await
        .text()
        .await
        .unwrap();
    let in_nrw = drawn_values(svg_of(&land));
    assert_eq!(in_nrw.len(), 53);
    assert_eq!(value_of(&in_nrw, "Lippe (Kreis)"), "1 Netzwerk");
}
