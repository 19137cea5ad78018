//! The knowledge platform's third edition: the entry page from what was computed when the
//! entry was written, references, Lebensphasen, synonyms, "Meinten Sie …?" and the way from a
//! gap of a Bestandsaufnahme to help.

use kinderchancen::policy::Role;
use kinderchancen::web::with_query;

use crate::networks::HAMM;
use crate::support::TestApp;
use crate::support::queries;

async fn page(app: &TestApp, client: &reqwest::Client, path: &str) -> String {
    let response = app.get(client, path).await;
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.unwrap()
}

fn first_hit(body: &str) -> Option<String> {
    body.split(r#"<h3 class="kern-heading-small"><a class="kern-link" href="/wissen/eintrag/"#)
        .nth(1)
        .map(|rest| rest.split('"').next().unwrap().to_owned())
}

#[tokio::test]
async fn the_entry_page_issues_the_same_few_statements_for_a_small_and_a_large_corpus() {
    let app = TestApp::spawn_demo().await;
    // The entry with its related entries and the country's revision (the key of the kept
    // networks doing something similar), for good practice also how many networks took it
    // over; the help page: its entries and the revision.
    let urls = [
        ("/wissen/eintrag/nap-quellen-und-rechtsgrundlagen", 1),
        ("/wissen/eintrag/jugendberufsagentur-hamm", 2),
        (
            "/wissen/luecke?feld=schulische_bildung&phase=sechzehn_bis_achtzehn",
            2,
        ),
    ];
    // Each page once first: the networks doing something similar are kept per revision of
    // the country's data (the synthetic corpus below moves it: they are computed again).
    let mut before = Vec::new();
    for (url, _) in urls {
        app.get(&app.client, url).await;
        let (statements, response) = queries::count(app.get(&app.client, url)).await;
        assert_eq!(response.status(), 200, "{url}");
        before.push(statements);
    }
    kinderchancen::knowledge::synthetic::generate(&app.pool, 300)
        .await
        .unwrap();
    for ((url, fixed), small) in urls.into_iter().zip(before) {
        app.get(&app.client, url).await;
        let (statements, _) = queries::count(app.get(&app.client, url)).await;
        assert_eq!(statements, small, "{url}");
        assert_eq!(statements, fixed, "{url}");
    }
}

#[tokio::test]
async fn a_changed_entry_shows_its_new_text_at_once() {
    let app = TestApp::spawn().await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let mut entry = vec![
        ("title", "Familiencafé Nord"),
        ("kind", "good_practice"),
        ("level", "kommune"),
        ("summary", "Ein Treffpunkt."),
        ("body", "## Erste Fassung\n\nAlter Text."),
        ("year", "2026"),
        ("themes", "vernetzung"),
        ("handlungsfelder", "fruehkindliche_bildung"),
        ("lebensphasen", "null_bis_drei"),
        ("quelle_art", "rechtsnorm"),
        ("quelle_titel", "§ 16 SGB VIII"),
        ("version", ""),
    ];
    let response = app.post(&bund, "/wissen/neu", &entry).await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let body = page(&app, &bund, &location).await;
    let url = location.replace("?hinweis=angelegt", "");
    assert!(body.contains("<h2>Erste Fassung</h2>"));
    assert!(body.contains("Quellen und Rechtsgrundlagen") && body.contains("§ 16 SGB VIII"));
    assert!(body.contains("Rechtsnorm:"), "the kind in German");
    assert!(body.contains("0 bis 3 Jahre"));

    entry[4] = ("body", "## Zweite Fassung\n\nNeuer Text.");
    entry[11] = ("version", "1");
    let response = app.post(&bund, &format!("{url}/bearbeiten"), &entry).await;
    assert_eq!(response.status(), 303);
    let body = page(&app, &bund, &url).await;
    assert!(body.contains("<h2>Zweite Fassung</h2>"), "new HTML at once");
    assert!(!body.contains("<h2>Erste Fassung</h2>"));

    // A body written without its HTML (by hand, by an older version) is never shown stale.
    sqlx::query(
        "UPDATE knowledge_entries SET body = '## Dritte Fassung' WHERE title = 'Familiencafé Nord'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let body = page(&app, &bund, &url).await;
    assert!(
        body.contains("<h2>Dritte Fassung</h2>"),
        "rendered from the body"
    );
}

#[tokio::test]
async fn references_are_validated_shown_and_searchable() {
    let app = TestApp::spawn().await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let response = app
        .post(
            &bund,
            "/wissen/neu",
            &[
                ("title", "Mit Quellen"),
                ("kind", "studie"),
                ("level", "bund"),
                ("themes", "recht"),
                ("quelle_art", "erfunden"),
                ("quelle_titel", "§ 1 XYZ"),
                ("quelle_art", "drucksache"),
                ("quelle_titel", ""),
                ("version", ""),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Quelle 1: Bitte die Art der Quelle auswählen."));
    assert!(body.contains("Quelle 2: Bitte angeben, wie die Quelle zitiert wird"));
    assert!(body.contains(r#"value="§ 1 XYZ""#), "the input comes back");

    let body = page(
        &app,
        &app.client,
        "/wissen/eintrag/nap-quellen-und-rechtsgrundlagen",
    )
    .await;
    for reference in [
        "§ 78 SGB VIII",
        "§ 81 SGB VIII",
        "§ 3 KKG",
        "Empfehlung (EU) 2021/1004",
        "Drucksache 20/14800",
        "Meysen, Thomas / Lohse, Katharina / Tölch, Julia",
    ] {
        assert!(body.contains(reference), "{reference}");
    }
    assert!(body.contains("EU-Rechtsakt:") && body.contains("Gutachten/Expertise:"));
    // The source is named once: below the text, not again as the body's last line.
    assert_eq!(body.matches("Quelle: NAP-Ausschuss").count(), 0);

    // The references are part of what the search finds: only entry 45 and 46 (and the list
    // of all references) name § 81 SGB VIII.
    let url = with_query("/wissen", &[("q", "Drucksache 20/14800")]);
    let found = page(&app, &app.client, &url).await;
    assert!(
        found.contains("nap-datengrundlage-monitoring"),
        "cited, not in the text"
    );
}

#[tokio::test]
async fn lebensphasen_are_a_facet() {
    let app = TestApp::spawn().await;
    let body = page(&app, &app.client, "/wissen").await;
    assert!(body.contains("<legend class=\"kern-label\">Lebensphase</legend>"));
    assert!(body.contains("16 bis 18 Jahre (Übergang Schule–Beruf) ("));
    let body = page(
        &app,
        &app.client,
        "/wissen?phase=sechzehn_bis_achtzehn&art=good_practice",
    )
    .await;
    assert!(body.contains("/wissen/eintrag/jugendberufsagentur-hamm"));
    assert!(!body.contains("/wissen/eintrag/youcard-hamm-bildung-und-teilhabe"));
    assert!(body.contains(r#"value="sechzehn_bis_achtzehn" checked"#));
    // An unknown value from a hand-made address is ignored.
    page(&app, &app.client, "/wissen?phase=achtzig").await;
}

#[tokio::test]
async fn the_search_forgives_typing_errors() {
    let app = TestApp::spawn().await;
    let body = page(
        &app,
        &app.client,
        &with_query("/wissen", &[("q", "Präventionskete")]),
    )
    .await;
    assert!(body.contains("Meinten Sie:"), "suggestion");
    assert!(
        body.contains(">Präventionskette</a>?"),
        "as written in the entries"
    );
    assert!(
        body.contains(&with_query("/wissen", &[("q", "Präventionskette")]).replace('&', "&amp;"))
    );
    // A word the entries have in another inflection is found, and not "corrected".
    let body = page(
        &app,
        &app.client,
        &with_query("/wissen", &[("q", "Familienzentrum")]),
    )
    .await;
    assert!(first_hit(&body).is_some());
    assert!(!body.contains("Meinten Sie:"));
    let body = page(&app, &app.client, &with_query("/wissen", &[("q", "Armut")])).await;
    assert!(!body.contains("Meinten Sie:"));
}

#[tokio::test]
async fn the_bund_keeps_the_synonyms_and_the_search_uses_them_at_once() {
    let app = TestApp::spawn().await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    assert_eq!(app.get(&hamm, "/wissen/synonyme").await.status(), 403);
    assert_eq!(
        app.post(
            &hamm,
            "/wissen/synonyme",
            &[("term", "a"), ("synonym", "b")]
        )
        .await
        .status(),
        403
    );
    let list = page(&app, &bund, "/wissen/synonyme").await;
    let seeded: usize = list
        .split("Synonympaare")
        .next()
        .and_then(|s| s.rsplit('>').next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!(seeded >= 40, "{seeded} pairs");

    let search = |q: &'static str| {
        let app = &app;
        async move { first_hit(&page(app, &app.client, &with_query("/wissen", &[("q", q)])).await) }
    };
    assert_eq!(search("Zauberkarte").await, None);
    let response = app
        .post(
            &bund,
            "/wissen/synonyme",
            &[("term", "Zauberkarte"), ("synonym", "YouCard")],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        search("Zauberkarte").await.as_deref(),
        Some("youcard-hamm-bildung-und-teilhabe")
    );
    // The same pair again, in the other order, or only function words: refused at the field.
    for (term, synonym) in [("youcard", "ZAUBERKARTE"), ("und", "für"), ("", "x")] {
        let response = app
            .post(
                &bund,
                "/wissen/synonyme",
                &[("term", term), ("synonym", synonym)],
            )
            .await;
        assert_eq!(response.status(), 422, "{term} {synonym}");
        let body = response.text().await.unwrap();
        assert!(body.contains("kern-form-input--error"), "{term} {synonym}");
    }
    let id: i64 =
        sqlx::query_scalar("SELECT id FROM knowledge_synonyms WHERE term = 'Zauberkarte'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let response = app
        .post(&bund, &format!("/wissen/synonyme/{id}/entfernen"), &[])
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(search("Zauberkarte").await, None);
    let actions: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE entity = 'knowledge_synonym' ORDER BY id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(actions, ["angelegt", "geloescht"]);
}

#[tokio::test]
async fn every_gap_leads_to_good_practice_and_to_networks_that_run_measures_there() {
    let app = TestApp::spawn_demo().await;
    let hamm = app.new_client();
    app.login(&hamm, "kommune.hamm@demo.invalid", "kinderchancen-demo")
        .await;
    let network: i64 = sqlx::query_scalar("SELECT id FROM networks WHERE kommune_ags = $1")
        .bind(HAMM)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let inventory = page(
        &app,
        &hamm,
        &format!("/netzwerke/{network}/bestandsaufnahme"),
    )
    .await;
    let gaps = inventory.matches(">Lücke</span>").count();
    assert!(gaps > 0);
    assert_eq!(
        inventory.matches(r#"href="/wissen/luecke?feld="#).count(),
        gaps,
        "every gap links"
    );

    let nrw = app.new_client();
    app.login(&nrw, "land.nrw@demo.invalid", "kinderchancen-demo")
        .await;
    let overview = page(&app, &nrw, "/land/uebersicht").await;
    assert_eq!(
        overview.matches(r#"href="/wissen/luecke?feld="#).count(),
        overview.matches(">Lücke</span>").count()
    );

    // A cell where a public network runs measures: it is listed, with its profile.
    let (feld, phase, id): (String, String, i64) = sqlx::query_as(
        "SELECT c.feld, c.phase, c.network_id FROM measure_coverage c JOIN networks n ON n.id = c.network_id
         WHERE n.is_public ORDER BY c.measures DESC LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let help = page(
        &app,
        &app.client,
        &with_query("/wissen/luecke", &[("feld", &feld), ("phase", &phase)]),
    )
    .await;
    assert!(help.contains(&format!("/oeffentlich/netzwerke/{id}")));
    // Good practice for the cell: the Jugendberufsagentur (Schule, 16 bis 18).
    let help = page(
        &app,
        &app.client,
        "/wissen/luecke?feld=schulische_bildung&phase=sechzehn_bis_achtzehn",
    )
    .await;
    assert!(help.contains("/wissen/eintrag/jugendberufsagentur-hamm"));
    assert!(!help.contains("/wissen/eintrag/youcard-hamm-bildung-und-teilhabe"));
    // A non-public network is never listed.
    sqlx::query("UPDATE networks SET is_public = false")
        .execute(&app.pool)
        .await
        .unwrap();
    let help = page(
        &app,
        &app.client,
        &with_query("/wissen/luecke", &[("feld", &feld), ("phase", &phase)]),
    )
    .await;
    assert!(!help.contains("/oeffentlich/netzwerke/"));
    assert_eq!(
        app.get(&app.client, "/wissen/luecke?feld=x&phase=y")
            .await
            .status(),
        400
    );

    // Measures change: the coverage follows (a running measure ends).
    sqlx::query("UPDATE networks SET is_public = true")
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE measures SET status = 'beendet' WHERE network_id = $1")
        .bind(id)
        .execute(&app.pool)
        .await
        .unwrap();
    let help = page(
        &app,
        &app.client,
        &with_query("/wissen/luecke", &[("feld", &feld), ("phase", &phase)]),
    )
    .await;
    assert!(!help.contains(&format!("/oeffentlich/netzwerke/{id}\"")));
}

#[tokio::test]
async fn an_entry_names_public_networks_doing_something_similar_and_links_its_place() {
    let app = TestApp::spawn_demo().await;
    let body = page(&app, &app.client, "/wissen/eintrag/familienrathaus-hamm").await;
    assert!(body.contains("Netzwerke, die Ähnliches tun"));
    let hamm: i64 =
        sqlx::query_scalar("SELECT id FROM networks WHERE kommune_ags = $1 AND is_public")
            .bind(HAMM)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(
        body.contains(&format!(
            r#"<a class="kern-link" href="/oeffentlich/netzwerke/{hamm}">Hamm</a>"#
        )),
        "the place links to its public profile"
    );
    assert!(body.contains("Gute Praxis"), "kind in German");
    assert!(!body.contains("Good Practice"));
}
