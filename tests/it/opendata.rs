//! Open data: the JSON and CSV interface, the Atom feed and the DCAT catalogue publish exactly
//! what the public may see, paged and filtered as the pages are, with the licence, behind a
//! brake per client address, with a fixed number of statements.

use kinderchancen::policy::Role;
use serde_json::Value;

use crate::support::{TestApp, queries};

const ATOM: &str = "http://www.w3.org/2005/Atom";

/// Entries nobody outside may see (draft, submitted, returned), a network without a public
/// profile, and a public one with contact details on record, which its profile does not show.
/// Returns the ids of the public and the hidden network.
async fn hidden_things(app: &TestApp) -> (i64, i64) {
    for (slug, status) in [
        ("geheimer-entwurf", "entwurf"),
        ("geheime-einreichung", "eingereicht"),
        ("geheime-rueckgabe", "zurueckgegeben"),
    ] {
        sqlx::query(
            "INSERT INTO knowledge_entries (slug, title, kind, level, summary, handlungsfelder, status)
             VALUES ($1, 'Geheimwort Familienzentrum ' || $1, 'good_practice', 'kommune',
                     'Geheimwort', ARRAY['gesundheit'], $2)",
        )
        .bind(slug)
        .bind(status)
        .execute(&app.pool)
        .await
        .unwrap();
    }
    let public = app.create_network("05915", "Offenes Netz Hamm").await;
    let hidden = app.create_network("08416041", "Verborgenes Netz").await;
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "UPDATE networks SET is_public = (id = {public}), description = 'Gemeinsam gegen Kinderarmut',
                contact_email = 'koordination@hamm.example', contact_address = 'Geheimgasse 1';
         INSERT INTO partners (network_id, name, kind, ressort, network_role, contact)
           VALUES ({public}, 'Jobcenter Hamm', 'jobcenter', 'arbeit', 'partner', 'Frau Muster, 02381 123456'),
                  ({hidden}, 'Geheimer Partner', 'verein', 'jugend', 'partner', '');
         INSERT INTO measures (network_id, title, description, handlungsfelder, status)
           VALUES ({public}, 'Familienlotsen', 'Aufsuchende Beratung', ARRAY['gesundheit'], 'laufend'),
                  ({public}, 'Geplante Sache', '', ARRAY['wohnen'], 'geplant'),
                  ({hidden}, 'Verborgene Maßnahme', '', ARRAY['wohnen'], 'laufend');"
    )))
    .execute(&app.pool)
    .await
    .unwrap();
    (public, hidden)
}

async fn json(app: &TestApp, client: &reqwest::Client, path: &str) -> Value {
    let response = app.get(client, path).await;
    assert_eq!(response.status(), 200, "{path}");
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json"),
        "{path}"
    );
    response.json().await.unwrap()
}

async fn text(app: &TestApp, client: &reqwest::Client, path: &str) -> String {
    app.get(client, path).await.text().await.unwrap()
}

async fn published_count(app: &TestApp, condition: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT count(*) FROM knowledge_entries e WHERE status = 'veroeffentlicht' AND {condition}"
    )))
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

fn slugs(body: &Value) -> Vec<String> {
    body["eintraege"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kennung"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_interface_publishes_only_what_the_public_may_see() {
    let app = TestApp::spawn().await;
    let (public, hidden) = hidden_things(&app).await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let published = published_count(&app, "true").await;
    assert!(published > 40);
    // Signed in or not: open data is the visitor's view.
    for client in [app.new_client(), bund] {
        let mut seen = Vec::new();
        for page in 1.. {
            let body = json(
                &app,
                &client,
                &format!("/api/v1/wissen?pro_seite=100&seite={page}"),
            )
            .await;
            assert_eq!(body["gesamt"], published);
            let found = slugs(&body);
            if found.is_empty() {
                break;
            }
            seen.extend(found);
        }
        assert_eq!(seen.len() as i64, published);
        assert!(!seen.iter().any(|s| s.starts_with("geheim")), "{seen:?}");
        let words = json(&app, &client, "/api/v1/wissen?q=Geheimwort").await;
        assert_eq!(words["gesamt"], 0);

        let feed = text(&app, &client, "/wissen/feed.atom").await;
        assert!(!feed.contains("Geheimwort"));

        let networks = json(&app, &client, "/api/v1/netzwerke").await;
        assert_eq!(networks["gesamt"], 1);
        let profile = &networks["netzwerke"][0];
        assert_eq!(profile["kennung"], public);
        assert_eq!(profile["name"], "Offenes Netz Hamm");
        assert_eq!(profile["gemeindeschluessel"], "05915");
        assert_eq!(profile["land"]["code"], "05");
        assert_eq!(profile["laufende_massnahmen"], 1);
        assert_eq!(profile["massnahmen"][0]["titel"], "Familienlotsen");
        assert_eq!(profile["massnahmen"].as_array().unwrap().len(), 1);
        assert_eq!(profile["partner"][0]["name"], "Jobcenter Hamm");
        assert_eq!(profile["partner"][0]["art"]["bezeichnung"], "Jobcenter");
        let listed = networks.to_string();
        for secret in [
            "koordination@hamm.example",
            "Geheimgasse",
            "02381",
            "Muster",
            "Verborgen",
            "Geheimer Partner",
            "Geplante Sache",
        ] {
            assert!(!listed.contains(secret), "{secret} in {listed}");
        }
        let csv = text(&app, &client, "/api/v1/netzwerke.csv").await;
        assert!(csv.contains("Offenes Netz Hamm"));
        for secret in ["koordination@hamm.example", "02381", "Verborgen"] {
            assert!(!csv.contains(secret), "{secret} in the CSV");
        }
        assert!(!listed.contains(&format!("/oeffentlich/netzwerke/{hidden}\"")));
        for query in ["land=08", "q=Verborgen", "kreis=08416"] {
            let body = json(&app, &client, &format!("/api/v1/netzwerke?{query}")).await;
            assert_eq!(body["gesamt"], 0, "{query}");
        }
    }
}

#[tokio::test]
async fn paging_and_filters_are_those_of_the_pages() {
    let app = TestApp::spawn().await;
    let anonymous = app.new_client();
    let first = json(&app, &anonymous, "/api/v1/wissen?pro_seite=5").await;
    let second = json(&app, &anonymous, "/api/v1/wissen?pro_seite=5&seite=2").await;
    assert_eq!(
        (first["seite"].clone(), first["pro_seite"].clone()),
        (1.into(), 5.into())
    );
    assert_eq!(slugs(&first).len(), 5);
    assert_eq!(slugs(&second).len(), 5);
    assert!(slugs(&first).iter().all(|s| !slugs(&second).contains(s)));
    assert_eq!(first["vorherige_seite"], Value::Null);
    let next = first["naechste_seite"].as_str().unwrap();
    assert!(
        next.ends_with("/api/v1/wissen?pro_seite=5&seite=2"),
        "{next}"
    );
    // The default page is the page's twenty; more than a hundred are not given.
    assert_eq!(
        slugs(&json(&app, &anonymous, "/api/v1/wissen").await).len(),
        20
    );
    let all = json(&app, &anonymous, "/api/v1/wissen?pro_seite=100000").await;
    assert_eq!(all["pro_seite"], 100);

    // Facets narrow as on /wissen (several values of one facet widen), and the words search
    // as there.
    let query = "feld=schulische_bildung&art=good_practice&art=beschreibung";
    let filtered = json(
        &app,
        &anonymous,
        &format!("/api/v1/wissen?{query}&pro_seite=100"),
    )
    .await;
    let expected = published_count(
        &app,
        "'schulische_bildung' = ANY (handlungsfelder) AND kind IN ('good_practice', 'beschreibung')",
    )
    .await;
    assert!(expected > 1);
    assert_eq!(filtered["gesamt"], expected);
    for entry in filtered["eintraege"].as_array().unwrap() {
        assert!(
            ["good_practice", "beschreibung"].contains(&entry["art"]["code"].as_str().unwrap())
        );
        assert!(
            entry["handlungsfelder"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["code"] == "schulische_bildung")
        );
        assert!(
            entry["adresse"]
                .as_str()
                .unwrap()
                .contains("/wissen/eintrag/")
        );
    }
    let page = text(&app, &anonymous, &format!("/wissen?{query}")).await;
    assert!(page.contains(&format!(">{expected} Einträge</h2>")));
    let search = json(&app, &anonymous, "/api/v1/wissen?q=Familienzentrum").await;
    assert!(search["gesamt"].as_i64().unwrap() > 0);
    let next = search["naechste_seite"]
        .as_str()
        .unwrap_or("?q=Familienzentrum");
    assert!(next.contains("q=Familienzentrum"), "{next}");
    // Nonsense is ignored, as on the pages.
    let nonsense = json(
        &app,
        &anonymous,
        "/api/v1/wissen?feld=%3Cb%3E&land=xyz&jahr=abc&seite=-4&pro_seite=nix",
    )
    .await;
    assert_eq!(nonsense["gesamt"], published_count(&app, "true").await);

    // An entry carries what its page shows, the source's standing included.
    let entry = all["eintraege"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["quelle"]["hinweis"].is_string())
        .expect("an entry with a note on its source");
    for field in [
        "titel",
        "kurzfassung",
        "text_markdown",
        "ebene",
        "themen",
        "lebensphasen",
        "quellen_und_rechtsgrundlagen",
        "kontakte",
        "veroeffentlicht_am",
        "geaendert_am",
    ] {
        assert!(entry.get(field).is_some(), "{field}");
    }

    let (public, _) = hidden_things(&app).await;
    let second_public = app.create_network("05766020", "Netzwerk Detmold").await;
    sqlx::query("UPDATE networks SET is_public = true WHERE id = $1")
        .bind(second_public)
        .execute(&app.pool)
        .await
        .unwrap();
    let both = json(&app, &anonymous, "/api/v1/netzwerke").await;
    assert_eq!(both["gesamt"], 2);
    let by_name = json(&app, &anonymous, "/api/v1/netzwerke?q=detmold").await;
    assert_eq!(by_name["gesamt"], 1);
    assert_eq!(by_name["netzwerke"][0]["kennung"], second_public);
    let paged = json(
        &app,
        &anonymous,
        "/api/v1/netzwerke?pro_seite=1&seite=2&land=05",
    )
    .await;
    assert_eq!(paged["seiten"], 2);
    assert_eq!(paged["netzwerke"].as_array().unwrap().len(), 1);
    assert_eq!(paged["netzwerke"][0]["kennung"], public);
    assert!(
        paged["vorherige_seite"]
            .as_str()
            .unwrap()
            .ends_with("/api/v1/netzwerke?land=05&pro_seite=1&seite=1")
    );
}

#[tokio::test]
async fn csv_downloads_open_in_german_spreadsheets() {
    let app = TestApp::spawn().await;
    hidden_things(&app).await;
    let anonymous = app.new_client();
    let response = app
        .get(&anonymous, "/api/v1/wissen.csv?feld=gesundheit&pro_seite=3")
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    assert_eq!(
        response.headers()["content-disposition"],
        "attachment; filename=\"wissen-seite-1.csv\""
    );
    assert_eq!(
        response.headers()["link"],
        "<http://dcat-ap.de/def/licenses/dl-by-de/2.0>; rel=\"license\""
    );
    let text = response.text().await.unwrap();
    assert!(text.starts_with("\u{feff}Titel;Art;Ebene;Kurzfassung;Handlungsfelder;"));
    let rows: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(rows.len(), 4, "{text}");
    for row in &rows[1..] {
        assert!(row.contains("Gesundheit"), "{row}");
        assert!(row.contains("Datenlizenz Deutschland – Namensnennung – Version 2.0"));
        assert!(row.contains("/wissen/eintrag/"));
    }
    let networks = app.get(&anonymous, "/api/v1/netzwerke.csv").await;
    assert_eq!(
        networks.headers()["content-disposition"],
        "attachment; filename=\"netzwerke-seite-1.csv\""
    );
    let text = networks.text().await.unwrap();
    assert!(text.starts_with("\u{feff}Name;Gemeinde;Gemeindeschlüssel;Land;"));
    assert!(
        text.contains(";05915;Nordrhein-Westfalen;Gemeinsam gegen Kinderarmut;1;Familienlotsen;"),
        "{text}"
    );
    assert!(text.contains("Jobcenter Hamm (Jobcenter)"));
}

/// The children of `node` in the Atom namespace named `name`.
fn atom<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    node.children()
        .filter(|c| c.has_tag_name((ATOM, name)))
        .collect()
}

fn text_of(node: roxmltree::Node<'_, '_>, name: &str) -> String {
    let found = atom(node, name);
    assert_eq!(found.len(), 1, "one <{name}>");
    found[0].text().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn the_feed_is_atom_with_the_latest_changes_per_facet() {
    let app = TestApp::spawn().await;
    hidden_things(&app).await;
    // A corrected entry with a title only XML escaping keeps whole.
    sqlx::query(
        "UPDATE knowledge_entries SET title = 'Kita & Schule <gemeinsam> \"stark\"', updated_at = now() + interval '1 hour'
         WHERE slug = (SELECT slug FROM knowledge_entries WHERE status = 'veroeffentlicht'
                       AND kind = 'good_practice' AND 'gesundheit' = ANY (handlungsfelder) ORDER BY id LIMIT 1)",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let anonymous = app.new_client();
    let response = app.get(&anonymous, "/wissen/feed.atom").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "application/atom+xml; charset=utf-8"
    );
    let xml = response.text().await.unwrap();
    let document = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let feed = document.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")));
    assert!(text_of(feed, "id").ends_with("/wissen/feed.atom"));
    assert!(text_of(feed, "title").starts_with("Wissensplattform"));
    let updated = text_of(feed, "updated");
    assert!(
        time::OffsetDateTime::parse(&updated, &time::format_description::well_known::Rfc3339)
            .is_ok(),
        "{updated}"
    );
    assert!(text_of(feed, "rights").contains("Datenlizenz Deutschland"));
    let entries = atom(feed, "entry");
    assert_eq!(entries.len(), 50);
    for entry in &entries {
        for required in ["id", "title", "updated"] {
            assert!(!text_of(*entry, required).is_empty(), "{required}");
        }
        assert!(text_of(*entry, "id").contains("/wissen/eintrag/"));
    }
    assert_eq!(
        text_of(entries[0], "title"),
        "Kita & Schule <gemeinsam> \"stark\""
    );
    assert_eq!(updated, text_of(entries[0], "updated"));
    let changed: Vec<String> = entries.iter().map(|e| text_of(*e, "updated")).collect();
    assert!(changed.windows(2).all(|w| w[0] >= w[1]), "newest first");
    // The note on a source's standing travels with the text.
    assert!(xml.contains("Hinweis zur Quelle"));

    // Per facet, with the facets of /wissen.
    for (query, term, title, condition) in [
        (
            "feld=gesundheit",
            "feld:gesundheit",
            "Gesundheit",
            "'gesundheit' = ANY (handlungsfelder)",
        ),
        (
            "art=good_practice",
            "art:good_practice",
            "Gute Praxis",
            "kind = 'good_practice'",
        ),
    ] {
        let xml = text(&app, &anonymous, &format!("/wissen/feed.atom?{query}")).await;
        let document = roxmltree::Document::parse(&xml).unwrap();
        let feed = document.root_element();
        assert!(text_of(feed, "title").ends_with(&format!("Einträge – {title}")));
        assert!(text_of(feed, "id").ends_with(&format!("/wissen/feed.atom?{query}")));
        let entries = atom(feed, "entry");
        assert_eq!(
            entries.len() as i64,
            published_count(&app, condition).await.min(50),
            "{query}"
        );
        for entry in entries {
            let terms: Vec<&str> = atom(entry, "category")
                .iter()
                .filter_map(|c| c.attribute("term"))
                .collect();
            assert!(terms.contains(&term), "{terms:?}");
        }
    }

    // /wissen names the feed of its facets in its head.
    let page = text(&app, &anonymous, "/wissen?feld=gesundheit").await;
    let head = &page[..page.find("</head>").unwrap()];
    assert!(
        head.contains(
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Wissensplattform: neue und geänderte Einträge\" href=\"/wissen/feed.atom?feld=gesundheit\">"
        ),
        "{head}"
    );
}

#[tokio::test]
async fn the_catalogue_describes_both_data_sets_under_the_licence() {
    let app = TestApp::spawn_with(|c| {
        c.public_url = Some("https://kinderchancen.example".into());
    })
    .await;
    let response = app.get(&app.new_client(), "/dcat.jsonld").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/ld+json");
    let catalog: Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    assert_eq!(catalog["@type"], "dcat:Catalog");
    assert_eq!(catalog["@context"]["dcat"], "http://www.w3.org/ns/dcat#");
    assert_eq!(
        catalog["dct:publisher"]["foaf:name"],
        "Geschäftsstelle Kinderchancen (Beispiel)"
    );
    assert!(catalog["dct:modified"]["@value"].is_string());
    let datasets = catalog["dcat:dataset"].as_array().unwrap();
    assert_eq!(datasets.len(), 2);
    let mut formats = Vec::new();
    for dataset in datasets {
        assert_eq!(dataset["@type"], "dcat:Dataset");
        assert_eq!(
            dataset["dct:license"]["@id"],
            "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
        );
        for distribution in dataset["dcat:distribution"].as_array().unwrap() {
            assert_eq!(
                distribution["dct:license"]["@id"],
                "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
            );
            let url = distribution["dcat:accessURL"]["@id"].as_str().unwrap();
            assert!(url.starts_with("https://kinderchancen.example/"), "{url}");
            formats.push(
                distribution["dct:format"]["@id"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_owned(),
            );
        }
    }
    assert_eq!(formats, ["JSON", "CSV", "ATOM", "JSON", "CSV"]);
}

#[tokio::test]
async fn the_licence_is_configurable_and_stated_on_entry_pages_and_answers() {
    let app = TestApp::spawn_with(|c| {
        c.content_license = kinderchancen::config::ContentLicense {
            uri: "http://dcat-ap.de/def/licenses/cc-by/4.0".into(),
            name: "Creative Commons Namensnennung 4.0 International".into(),
        };
    })
    .await;
    let anonymous = app.new_client();
    let page = text(
        &app,
        &anonymous,
        "/wissen/eintrag/nap-kinderarmut-ausgangslage-zahlen",
    )
    .await;
    assert!(page.contains(
        "<a class=\"kern-link\" href=\"http://dcat-ap.de/def/licenses/cc-by/4.0\">Creative Commons Namensnennung 4.0 International</a>; Namensnennung: Geschäftsstelle Kinderchancen (Beispiel), Kinderchancen-Portal"
    ));
    let body = json(&app, &anonymous, "/api/v1/wissen").await;
    assert_eq!(
        body["lizenz"]["url"],
        "http://dcat-ap.de/def/licenses/cc-by/4.0"
    );
    assert_eq!(
        body["herausgeber"],
        "Geschäftsstelle Kinderchancen (Beispiel)"
    );
    let networks = json(&app, &anonymous, "/api/v1/netzwerke").await;
    assert_eq!(
        networks["lizenz"]["name"],
        "Creative Commons Namensnennung 4.0 International"
    );
    let feed = text(&app, &anonymous, "/wissen/feed.atom").await;
    assert!(
        feed.contains("<link rel=\"license\" href=\"http://dcat-ap.de/def/licenses/cc-by/4.0\"/>")
    );

    // The default is the Datenlizenz Deutschland, also on the entry page.
    let app = TestApp::spawn().await;
    let page = text(
        &app,
        &anonymous,
        "/wissen/eintrag/nap-kinderarmut-ausgangslage-zahlen",
    )
    .await;
    assert!(page.contains(">Datenlizenz Deutschland – Namensnennung – Version 2.0</a>"));
}

#[tokio::test]
async fn too_many_requests_from_one_address_get_a_german_429() {
    let app = TestApp::spawn_with(|c| c.api_requests_per_minute = 3).await;
    let client = app.new_client();
    for path in ["/api/v1/wissen", "/api/v1/netzwerke", "/wissen/feed.atom"] {
        assert_eq!(app.get(&client, path).await.status(), 200, "{path}");
    }
    // The quota is shared by every open-data route.
    for path in ["/api/v1/wissen", "/dcat.jsonld", "/api/v1/netzwerke.csv"] {
        let refused = app.get(&client, path).await;
        assert_eq!(refused.status(), 429, "{path}");
        let wait: u64 = refused.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=20).contains(&wait), "{wait}");
        let body: Value = refused.json().await.unwrap();
        let message = body["fehler"].as_str().unwrap();
        assert!(message.starts_with("Zu viele Anfragen"), "{message}");
        assert!(
            message.contains("höchstens 3 Anfragen je Minute"),
            "{message}"
        );
        assert_eq!(body["erneut_in_sekunden"], wait);
    }
    // The pages are not braked.
    assert_eq!(app.get(&client, "/wissen").await.status(), 200);
}

/// A few entries and networks, then 300 more networks and 200 more entries: every open-data
/// answer issues the same statements.
#[tokio::test]
async fn open_data_answers_issue_a_fixed_number_of_statements() {
    let app = TestApp::spawn().await;
    hidden_things(&app).await;
    let anonymous = app.new_client();
    let paths = [
        "/api/v1/wissen?pro_seite=100",
        "/api/v1/wissen?q=Familienzentrum&feld=gesundheit",
        "/api/v1/wissen.csv?pro_seite=100",
        "/api/v1/netzwerke?pro_seite=100",
        "/api/v1/netzwerke.csv?land=05",
        "/wissen/feed.atom",
        "/wissen/feed.atom?art=good_practice",
        "/dcat.jsonld",
    ];
    let mut small = Vec::new();
    for path in paths {
        let (n, response) = queries::count(app.get(&anonymous, path)).await;
        assert_eq!(response.status(), 200, "{path}");
        small.push(n);
    }
    kinderchancen::knowledge::synthetic::generate(&app.pool, 200)
        .await
        .unwrap();
    sqlx::raw_sql(
        "INSERT INTO networks (kommune_ags, name, anchoring, is_public)
           SELECT k.ags, 'Netz ' || i, 'jugendhilfeplanung', true
           FROM generate_series(1, 300) i
           JOIN LATERAL (SELECT ags FROM kommunen WHERE kind <> 'gemeinde'
                         ORDER BY ags OFFSET (i * 7 % 401) LIMIT 1) k ON true;
         INSERT INTO measures (network_id, title, handlungsfelder, status)
           SELECT n.id, 'Maßnahme ' || m, ARRAY['gesundheit'], 'laufend'
           FROM networks n, generate_series(1, 3) m;
         INSERT INTO partners (network_id, name, kind, ressort, network_role)
           SELECT n.id, 'Partner ' || p, 'verein', 'jugend', 'partner'
           FROM networks n, generate_series(1, 3) p;",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    for (path, small) in paths.into_iter().zip(small) {
        let started = std::time::Instant::now();
        let (large, response) = queries::count(app.get(&anonymous, path)).await;
        let elapsed = started.elapsed();
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(small, large, "statements grow with the data: {path}");
        assert!(large <= 10, "{large} statements for {path}");
        println!(
            "{path}: {large} Statements, {} ms (Debug-Build)",
            elapsed.as_millis()
        );
    }
}
