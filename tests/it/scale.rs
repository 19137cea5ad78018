//! National scale (issue 11): pages that list or count networks issue the same statements with
//! 5 and with 5,000 networks in the country, and lists show a page at a time.

use kinderchancen::policy::Role;

use crate::support::{TestApp, queries};

/// Adds `n` networks spread over every Kreis and kreisfreie Stadt of Germany, each with a
/// partner, a running measure and a goal, so the list's sizes have something to count.
async fn add_networks(app: &TestApp, n: i64) {
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "WITH kreise AS (SELECT ags, row_number() OVER (ORDER BY ags) - 1 AS i,
                                count(*) OVER () AS total
                         FROM kommunen WHERE kind <> 'gemeinde'),
              added AS (
                INSERT INTO networks (kommune_ags, name, anchoring)
                SELECT k.ags, 'Skalennetzwerk ' || g, 'jugendhilfeplanung'
                FROM generate_series(1, {n}) g JOIN kreise k ON k.i = g % k.total
                RETURNING id),
              partners AS (INSERT INTO partners (network_id, name, kind, ressort, network_role)
                           SELECT id, 'Jugendamt', 'jugendamt', 'jugend', 'steuerung' FROM added),
              goals AS (INSERT INTO goals (network_id, level, title, status)
                        SELECT id, 'kernziel', 'Gut aufwachsen', 'offen' FROM added)
         INSERT INTO measures (network_id, title, handlungsfelder, lebensphasen, status)
         SELECT id, 'Elterncafé', ARRAY['gesundheit'], ARRAY['drei_bis_sechs'], 'laufend' FROM added"
    )))
    .execute(&app.pool)
    .await
    .unwrap();
}

#[tokio::test]
async fn lists_and_start_pages_issue_the_same_statements_for_5_and_5000_networks() {
    let app = TestApp::spawn().await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some("05915"), None)
        .await;
    let admin = app.signed_in("a@portal.de", Role::Admin, None, None).await;
    let pages = [
        (&bund, "/"),
        (&bund, "/netzwerke"),
        (&bund, "/netzwerke?land=05&seite=2"),
        (&bund, "/netzwerke?q=skalen"),
        (&nrw, "/"),
        (&nrw, "/netzwerke"),
        (&hamm, "/"),
        (&hamm, "/netzwerke"),
        (&admin, "/netzwerke"),
    ];

    add_networks(&app, 5).await;
    let mut small = Vec::new();
    for (client, url) in pages {
        // The first visit of a start page also keeps the task count in the session.
        app.get(client, url).await;
        let (statements, response) = queries::count(app.get(client, url)).await;
        assert_eq!(response.status(), 200, "{url}");
        small.push(statements);
    }

    add_networks(&app, 4995).await;
    for ((client, url), expected) in pages.into_iter().zip(small) {
        // The national overview computes its figures once after the change, as it did
        // before the first measurement.
        app.get(client, url).await;
        let (statements, response) = queries::count(app.get(client, url)).await;
        assert_eq!(response.status(), 200, "{url}");
        assert_eq!(
            statements, expected,
            "{url}: statements grow with the networks"
        );
        // The Bund start page carries the national overview and its map's choices.
        assert!(statements <= 10, "{url}: {statements} statements");
    }

    let list = app.get(&bund, "/netzwerke").await.text().await.unwrap();
    assert!(list.contains("5.000 Netzwerke, Seite 1 von 100"), "{list}");
    assert_eq!(list.matches("href=\"/netzwerke/").count(), 50);
    assert!(list.contains("href=\"/netzwerke?seite=2\""));
    let bavaria = app
        .get(&bund, "/netzwerke?land=09&q=netz")
        .await
        .text()
        .await
        .unwrap();
    assert!(bavaria.contains("href=\"/netzwerke?q=netz&#38;land=09&#38;seite=2\""));
    let start = app.get(&bund, "/").await.text().await.unwrap();
    assert!(
        start.contains("Alle Präventionsnetzwerke (5.000)"),
        "{start}"
    );
}

#[tokio::test]
async fn the_network_list_pages_and_searches_within_the_readers_scope() {
    let app = TestApp::spawn().await;
    add_networks(&app, 600).await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let in_nrw: i64 =
        sqlx::query_scalar("SELECT count(*) FROM networks WHERE kommune_ags LIKE '05%'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let pages = (in_nrw + 49) / 50;
    assert!(pages >= 2, "{in_nrw} networks in NRW");

    // A Land officer sees the Land's networks, whatever Land the URL names.
    for url in ["/netzwerke", "/netzwerke?land=08"] {
        let page = app.get(&nrw, url).await.text().await.unwrap();
        assert!(
            page.contains(&format!("{in_nrw} Netzwerke, Seite 1 von {pages}")),
            "{url}: {page}"
        );
        assert!(!page.contains("Baden-Württemberg"), "{url}");
        assert!(!page.contains("id=\"land\""), "no Land choice for a Land");
    }
    let last = app
        .get(&nrw, &format!("/netzwerke?seite={pages}"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        last.matches("<tr class=\"kern-table__row\">").count() - 1,
        (in_nrw - 50 * (pages - 1)) as usize,
        "the rest on the last page"
    );
    assert!(last.contains("rel=\"prev\""));
    assert!(!last.contains("rel=\"next\""));

    // The Bund narrows to a Land and searches names; nonsense in the URL is no error.
    let bavaria = app
        .get(&bund, "/netzwerke?land=09")
        .await
        .text()
        .await
        .unwrap();
    assert!(bavaria.contains("<option value=\"09\" selected>Bayern</option>"));
    assert!(!bavaria.contains("Nordrhein-Westfalen</td>"));
    let hamm = app
        .get(&bund, "/netzwerke?q=Hamm")
        .await
        .text()
        .await
        .unwrap();
    assert!(hamm.contains("Hamm, Stadt (05915)"), "{hamm}");
    assert!(!hamm.contains("Bielefeld"));
    for url in [
        "/netzwerke?seite=abc",
        "/netzwerke?seite=99999",
        "/netzwerke?land=%00",
        "/netzwerke?q=%25_%5C",
        "/netzwerke?q=a&q=b",
    ] {
        assert_eq!(app.get(&bund, url).await.status(), 200, "{url}");
    }
    let none = app
        .get(&bund, "/netzwerke?q=%25_%5C")
        .await
        .text()
        .await
        .unwrap();
    assert!(none.contains("Kein Netzwerk passt zu dieser Suche."));
}

/// The networks a list page links to, in the order shown.
fn listed_ids(page: &str) -> Vec<i64> {
    page.split("href=\"/netzwerke/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse().ok())
        .collect()
}

#[tokio::test]
async fn a_lands_network_list_shows_each_change_of_its_order_at_once() {
    let app = TestApp::spawn().await;
    add_networks(&app, 600).await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let in_order = || async {
        sqlx::query_scalar::<_, i64>(
            "SELECT n.id FROM networks n JOIN kommunen k ON k.ags = n.kommune_ags
             WHERE k.land_code = '05' ORDER BY k.name, n.kommune_ags, n.name, n.id",
        )
        .fetch_all(&app.pool)
        .await
        .unwrap()
    };
    let shown = || async {
        let mut ids = Vec::new();
        for page in 1.. {
            let html = app
                .get(&nrw, &format!("/netzwerke?seite={page}"))
                .await
                .text()
                .await
                .unwrap();
            ids.extend(listed_ids(&html));
            if !html.contains("rel=\"next\"") {
                return ids;
            }
        }
        unreachable!()
    };
    assert_eq!(shown().await, in_order().await);

    // The Land's last network moves to its first municipality under a name sorting first.
    let last = *in_order().await.last().unwrap();
    sqlx::query(
        "UPDATE networks SET name = 'Aaa-Netzwerk',
             kommune_ags = (SELECT ags FROM kommunen WHERE land_code = '05' ORDER BY name, ags LIMIT 1)
         WHERE id = $1",
    )
    .bind(last)
    .execute(&app.pool)
    .await
    .unwrap();
    let first_page = app.get(&nrw, "/netzwerke").await.text().await.unwrap();
    assert_eq!(listed_ids(&first_page).first(), Some(&last));
    assert_eq!(shown().await, in_order().await);

    // A network leaving the Land leaves its list and the Bund's choice of that Land.
    sqlx::query("DELETE FROM networks WHERE id = $1")
        .bind(last)
        .execute(&app.pool)
        .await
        .unwrap();
    let expected = in_order().await;
    assert_eq!(shown().await, expected);
    let chosen = app
        .get(&bund, "/netzwerke?land=05")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(listed_ids(&chosen), expected[..50]);
    assert!(
        chosen.contains(&format!("{} Netzwerke, Seite 1", expected.len())),
        "{chosen}"
    );
}

#[tokio::test]
async fn a_municipalitys_network_list_shows_each_change_at_once() {
    let app = TestApp::spawn().await;
    add_networks(&app, 600).await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some("05915"), None)
        .await;
    let in_hamm = || async {
        sqlx::query_scalar::<_, i64>(
            "SELECT id FROM networks WHERE kommune_ags = '05915' ORDER BY name, id",
        )
        .fetch_all(&app.pool)
        .await
        .unwrap()
    };
    let listed = || async { listed_ids(&app.get(&hamm, "/netzwerke").await.text().await.unwrap()) };
    let before = in_hamm().await;
    assert!(!before.is_empty());
    assert_eq!(listed().await, before);
    let added = app.create_network("05915", "Aaa-Netzwerk Hamm").await;
    assert_eq!(listed().await.first(), Some(&added));
    // A partner more shows in the list's count of partners.
    sqlx::query(
        "INSERT INTO partners (network_id, name, kind, ressort, network_role)
         VALUES ($1, 'Jugendamt', 'jugendamt', 'jugend', 'steuerung')",
    )
    .bind(added)
    .execute(&app.pool)
    .await
    .unwrap();
    let (statements, response) = queries::count(app.get(&hamm, "/netzwerke")).await;
    let page = response.text().await.unwrap();
    let row = page
        .split("href=\"/netzwerke/")
        .find(|row| row.starts_with(&format!("{added}\"")))
        .unwrap();
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains(">1</td>"), "{row}");
    assert_eq!(statements, 3, "session, revision, the list read again");
    let (statements, _) = queries::count(app.get(&hamm, "/netzwerke")).await;
    assert_eq!(statements, 2, "session and revision once kept");
}

#[tokio::test]
async fn a_lands_start_page_counts_its_municipalities_as_of_each_change() {
    let app = TestApp::spawn().await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let in_nrw = || async {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM kommunen WHERE land_code = '05'")
            .fetch_one(&app.pool)
            .await
            .unwrap()
    };
    let before = in_nrw().await;
    let start = app.get(&nrw, "/").await.text().await.unwrap();
    assert!(start.contains(&format!(">{before}</dd>")), "{start}");
    sqlx::query(
        "INSERT INTO kommunen (ags, kind, name, kreis_ags, land_code)
         VALUES ('05915999', 'gemeinde', 'Testgemeinde', '05915', '05')",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    assert_eq!(in_nrw().await, before + 1);
    let start = app.get(&nrw, "/").await.text().await.unwrap();
    assert!(start.contains(&format!(">{}</dd>", before + 1)), "{start}");
}

/// Gives every synthetic network without one the catalog indicator U9 (its 20 yearly values)
/// and lets its first measure take the first good-practice entry over, so that the national
/// pages have catalog values and adoptions to count.
async fn adopt_catalog_and_practice(app: &TestApp, slug: &str) {
    sqlx::query(
        "UPDATE indicators i SET catalog_id = (SELECT id FROM catalog_indicators WHERE key = 'teilnahme-u9')
         WHERE i.name = 'Kennzahl 1'
           AND NOT EXISTS (SELECT 1 FROM indicators x WHERE x.network_id = i.network_id AND x.catalog_id IS NOT NULL)",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    sqlx::query(
        "UPDATE measures SET knowledge_entry_id = (SELECT id FROM knowledge_entries WHERE slug = $1)
         WHERE title = 'Maßnahme 1' AND knowledge_entry_id IS NULL",
    )
    .bind(slug)
    .execute(&app.pool)
    .await
    .unwrap();
}

/// The national pages (issue 12) with 5 and with 5,000 synthetic networks (everything a network
/// records, 2 million indicator values), each with catalog values and an adopted practice: the
/// same statements, whatever the map shows. One database for all pages, as filling it to 5,000
/// takes the longest.
#[tokio::test]
async fn the_national_pages_issue_the_same_statements_for_5_and_5000_networks() {
    let app = TestApp::spawn().await;
    let slug: String = sqlx::query_scalar(
        "SELECT slug FROM knowledge_entries
         WHERE kind = 'good_practice' AND status = 'veroeffentlicht' ORDER BY slug LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let anonymous = app.new_client();
    let u9 = "karte=kennzahl:teilnahme-u9";
    let practice = format!("karte=praxis:{slug}");
    let pages: Vec<(&_, String)> = vec![
        (&bund, "/bund/uebersicht".into()),
        (&bund, format!("/bund/uebersicht?{u9}")),
        (&bund, format!("/bund/uebersicht?{practice}")),
        (&bund, "/".into()),
        (&bund, format!("/?{u9}")),
        (&bund, "/land/uebersicht?land=05".into()),
        (&nrw, format!("/land/uebersicht?{u9}")),
        (&nrw, format!("/land/uebersicht?{practice}")),
        (&bund, "/katalog/teilnahme-u9".into()),
        (&anonymous, "/katalog/teilnahme-u9".into()),
        (&bund, "/bund/nap-bericht".into()),
        (&anonymous, "/oeffentlich".into()),
        (&anonymous, format!("/oeffentlich?{u9}")),
    ];

    kinderchancen::demo::synthetic_workspace(&app.pool, 5)
        .await
        .unwrap();
    adopt_catalog_and_practice(&app, &slug).await;
    let mut small = Vec::new();
    for (client, url) in &pages {
        // The first visit of a start page also keeps the task count in the session.
        app.get(client, url).await;
        let (statements, response) = queries::count(app.get(client, url)).await;
        assert_eq!(response.status(), 200, "{url}");
        small.push(statements);
    }

    kinderchancen::demo::synthetic_workspace(&app.pool, 4995)
        .await
        .unwrap();
    adopt_catalog_and_practice(&app, &slug).await;
    for ((client, url), expected) in pages.iter().zip(small) {
        app.get(client, url).await;
        let started = std::time::Instant::now();
        let (statements, response) = queries::count(app.get(client, url)).await;
        let elapsed = started.elapsed();
        assert_eq!(response.status(), 200, "{url}");
        assert_eq!(
            statements, expected,
            "{url}: statements grow with the networks"
        );
        println!(
            "{url} mit 5.000 Netzwerken: {statements} Statements, {} ms (Debug-Build)",
            elapsed.as_millis()
        );
    }
    // The map shows what was counted: values of U9 and the adoptions, across the country.
    let page = app
        .get(&bund, &format!("/bund/uebersicht?{practice}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(">5.000 Netzwerken</td>"), "{page}");
    let page = app
        .get(&bund, &format!("/bund/uebersicht?{u9}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("(Median je Kreis)"));
    assert!(!page.contains("ohne Angabe: 401 Kreise"));
}
