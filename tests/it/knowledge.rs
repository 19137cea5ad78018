use kinderchancen::config::Config;
use kinderchancen::policy::Role;
use kinderchancen::web::with_query;

use crate::networks::{DETMOLD, HAMM};
use crate::support::{TestApp, queries};

/// Slugs of the result list, in order.
async fn search(app: &TestApp, query: &str) -> Vec<String> {
    let url = with_query("/wissen", &[("q", query)]);
    let response = app.get(&app.client, &url).await;
    assert_eq!(response.status(), 200, "{query}");
    slugs(&response.text().await.unwrap())
}

/// Every hit of a query, over all pages.
async fn search_all(app: &TestApp, query: &str) -> Vec<String> {
    let mut all = Vec::new();
    for page in 1..=5 {
        let url = with_query("/wissen", &[("q", query), ("seite", &page.to_string())]);
        let found = slugs(&app.get(&app.client, &url).await.text().await.unwrap());
        if found.is_empty() {
            break;
        }
        all.extend(found);
    }
    all
}

fn slugs(body: &str) -> Vec<String> {
    body.split(r#"<h3 class="kern-heading-small"><a class="kern-link" href="/wissen/eintrag/"#)
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().to_owned())
        .collect()
}

/// What people type, and the entry that must come first.
const RELEVANCE: [(&str, &str); 29] = [
    ("Familienrathaus", "familienrathaus-hamm"),
    ("YouCard", "youcard-hamm-bildung-und-teilhabe"),
    ("Jugendberufsagentur", "jugendberufsagentur-hamm"),
    (
        "Kommunalaufsicht",
        "kommunalaufsicht-nrw-praeventionsketten",
    ),
    (
        "fachbezogene Pauschale",
        "fachbezogene-pauschale-foerderprogramme",
    ),
    ("Neumünster", "neumuenster-gelingensbedingungen"),
    ("Neumuenster", "neumuenster-gelingensbedingungen"),
    ("UWE Befragung", "uwe-befragung-wirkungsmessung"),
    ("Tübingen Modellkommune", "tuebingen-modellkommune"),
    (
        "Halle Jugendhilfeplanung",
        "halle-saale-jugendhilfeplanung-koordination",
    ),
    (
        "Qualitätsstandards Jugendhilfeplanung",
        "qualitaetsstandards-jugendhilfeplanung",
    ),
    (
        "bundesweite Datenerhebung",
        "bundesweite-datenerhebung-armutspraevention",
    ),
    (
        "Geschäftsstelle Kinderchancen",
        "nap-geschaeftsstelle-kinderchancen",
    ),
    ("Servicestelle des Landes", "nap-landes-servicestelle"),
    ("Kommune 360", "kommune-360-austausch-fehlerkultur"),
    ("kinderstark", "nrw-kinderstark-landesprogramm"),
    (
        "digitaler Zwilling",
        "familienrathaus-hamm-digitaler-zwilling",
    ),
    (
        "Präventionsdilemma",
        "nap-kindorientierte-infrastruktur-praeventionsdilemma",
    ),
    (
        "Detmold Präventionsmanagement",
        "detmold-kommunales-praeventionsmanagement",
    ),
    ("Jobcenter Gemeinwesen", "kommunales-jobcenter-hamm"),
    ("Deligöz", "fachkonferenz-armutspraevention-vor-ort-2023"),
    ("Meysen", "nap-quellen-und-rechtsgrundlagen"),
    ("Wohlergehen", "nap-fazit-nationale-aufgabe"),
    // Words no entry has, found through the synonyms (migration 0013).
    ("Bürgergeld Jobcenter", "kommunales-jobcenter-hamm"),
    ("Bildungspaket", "youcard-hamm-bildung-und-teilhabe"),
    ("JBA", "jugendberufsagentur-hamm"),
    ("Kindertagesstätte", "nap-bildungsuebergaenge-ganztag"),
    // A law the references name, and a Latin plural ("Familienzentren" only).
    ("KKG", "nap-quellen-und-rechtsgrundlagen"),
    ("Familienzentrum", "nrw-kinderstark-landesprogramm"),
];

#[tokio::test]
async fn each_query_finds_its_entry_first() {
    let app = TestApp::spawn().await;
    let mut wrong = Vec::new();
    for (query, expected) in RELEVANCE {
        let found = search(&app, query).await;
        if found.first().map(String::as_str) != Some(expected) {
            wrong.push(format!(
                "{query:?}: expected {expected}, got {:?}",
                found.iter().take(3).collect::<Vec<_>>()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[tokio::test]
async fn parts_of_compound_words_and_umlaut_spellings_match() {
    let app = TestApp::spawn().await;
    // "Armut" alone: entries that only speak of Kinderarmut or Armutsprävention count too.
    let armut = search(&app, "Armut").await;
    assert_eq!(armut.len(), 20, "a full first page");
    let body = app
        .get(&app.client, "/wissen?q=Armut")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        body.contains("Kinder<mark>armut</mark>") || body.contains("Kinder<mark>Armut</mark>"),
        "hit marked inside the word"
    );
    assert!(
        body.contains("<mark>Armut</mark>s"),
        "hit marked at the start of a compound"
    );
    let praevention = search_all(&app, "Prävention").await;
    assert!(
        praevention.contains(&"nap-praeventionsketten-landesgesetze-foerderlinien".to_owned()),
        "Präventionsketten"
    );
    assert_eq!(
        search(&app, "Uebergang Schule Beruf").await,
        search(&app, "Übergang Schule Beruf").await
    );
    assert_eq!(
        search(&app, "PRAEVENTIONSDILEMMA").await,
        search(&app, "präventionsdilemma").await
    );
    assert!(!search(&app, "Uebergang").await.is_empty());
}

#[tokio::test]
async fn empty_nonsense_and_hostile_queries_give_a_helpful_page() {
    let app = TestApp::spawn().await;
    let all = app.get(&app.client, "/wissen").await.text().await.unwrap();
    assert!(all.contains("53 Einträge") || all.contains(" Einträge</h2>"));
    assert_eq!(slugs(&all).len(), 20);

    let body = app
        .get(&app.client, "/wissen?q=xqzvwk")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        body.contains("Keine Einträge gefunden.") && body.contains("Prüfen Sie die Schreibweise")
    );

    let body = app
        .get(&app.client, "/wissen?q=%21%21%21+%3F")
        .await
        .text()
        .await
        .unwrap();
    assert!(body.contains("keine Wörter, nach denen gesucht werden kann"));

    let long = "Armut".repeat(2000);
    for query in [
        "' OR 1=1; DROP TABLE knowledge_entries; --",
        "<script>alert(1)</script>",
        &long,
        "a\u{0}b\u{7}c",
        "%%%",
        "\\",
        "a & b | !c :*",
    ] {
        let url = with_query("/wissen", &[("q", query)]);
        let response = app.get(&app.client, &url).await;
        assert_eq!(response.status(), 200, "{query:?}");
        let body = response.text().await.unwrap();
        assert!(!body.contains("<script>alert"), "escaped");
    }
    // Unknown filters and pages are ignored.
    for url in [
        "/wissen?art=quatsch&land=xx&jahr=abc&seite=-5",
        "/wissen?seite=99999&sortierung=egal",
    ] {
        assert_eq!(app.get(&app.client, url).await.status(), 200, "{url}");
    }
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM knowledge_entries")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(count >= 25);
}

#[tokio::test]
async fn facets_count_filter_and_keep_the_search() {
    let app = TestApp::spawn().await;
    let body = app
        .get(&app.client, "/wissen?q=Hamm")
        .await
        .text()
        .await
        .unwrap();
    assert!(body.contains(r#"id="art-good_practice""#), "kind facet");
    assert!(body.contains("Gute Praxis ("), "with a count");
    let body = app
        .get(&app.client, "/wissen?q=Armut&land=05")
        .await
        .text()
        .await
        .unwrap();
    assert!(body.contains("<mark>"), "hits are marked");
    assert!(!body.contains("## "), "snippets show text, not Markdown");
    assert!(
        body.contains(r#"id="land-05""#) && body.contains("Nordrhein-Westfalen ("),
        "Land facet"
    );

    let body = app
        .get(&app.client, "/wissen?q=Hamm&art=good_practice&land=05")
        .await
        .text()
        .await
        .unwrap();
    let found = slugs(&body);
    assert!(!found.is_empty());
    for slug in &found {
        let kind: String = sqlx::query_scalar("SELECT kind FROM knowledge_entries WHERE slug = $1")
            .bind(slug)
            .fetch_one(&app.pool)
            .await
            .unwrap();
        assert_eq!(kind, "good_practice", "{slug}");
    }
    assert!(body.contains(r#"value="Hamm""#), "the search text stays");
    assert!(
        body.contains(r#"value="good_practice" checked"#),
        "the ticked facet stays"
    );

    // Paging: 53 entries, 20 a page; the links carry the filters.
    let body = app
        .get(&app.client, "/wissen?thema=finanzierung&sortierung=datum")
        .await
        .text()
        .await
        .unwrap();
    let first = slugs(&body);
    let all: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM knowledge_entries WHERE 'finanzierung' = ANY(themes)",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(first.len() as i64, all.min(20));
    let body = app
        .get(&app.client, "/wissen?sortierung=datum")
        .await
        .text()
        .await
        .unwrap();
    assert!(body.contains("Seite 1 von 3"));
    assert!(body.contains("seite=2"));
    let second = slugs(
        &app.get(&app.client, "/wissen?sortierung=datum&seite=2")
            .await
            .text()
            .await
            .unwrap(),
    );
    assert_eq!(second.len(), 20);
    let third = slugs(
        &app.get(&app.client, "/wissen?sortierung=datum&seite=3")
            .await
            .text()
            .await
            .unwrap(),
    );
    assert_eq!(third.len(), 13);
}

#[tokio::test]
async fn an_entry_page_shows_body_source_place_and_related_entries() {
    let app = TestApp::spawn().await;
    let response = app
        .get(
            &app.client,
            "/wissen/eintrag/youcard-hamm-bildung-und-teilhabe",
        )
        .await;
    assert_eq!(response.status(), 200);
    let body = response.text().await.unwrap();
    assert!(body.contains("<h2>"), "Markdown rendered");
    assert!(
        body.contains("Workshop 1: Kommunale Gesamtstrategien"),
        "source section"
    );
    assert!(body.contains("Gemeindeschlüssel 05915"), "place with AGS");
    assert!(body.contains("Verwandte Einträge"));
    assert!(
        body.contains("/wissen?thema=bildung_teilhabe"),
        "tags lead to the search"
    );
    assert_eq!(
        app.get(&app.client, "/wissen/eintrag/gibt-es-nicht")
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn a_municipal_draft_is_reviewed_and_published_by_the_bund() {
    let app = TestApp::spawn().await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let detmold = app
        .signed_in("k@detmold.de", Role::Kommune, Some(DETMOLD), None)
        .await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;

    let form = app.get(&hamm, "/wissen/neu").await.text().await.unwrap();
    assert!(form.contains(r#"value="05915""#), "own municipality preset");
    let response = app
        .post(
            &hamm,
            "/wissen/neu",
            &[("title", ""), ("kind", "x"), ("year", "1800")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    for message in [
        "Bitte einen Titel angeben.",
        "Bitte die Art des Eintrags auswählen.",
        "zwischen 1990 und 2100",
        "mindestens ein Thema",
    ] {
        assert!(body.contains(message), "{message}");
    }
    let entry = [
        ("title", "Sprachcafé im Familienzentrum Hamm-Nord"),
        ("kind", "good_practice"),
        ("level", "kommune"),
        (
            "summary",
            "Eltern lernen Deutsch, während ihre Kinder betreut werden.",
        ),
        (
            "body",
            "## Idee\n\nEin niedrigschwelliges **Sprachcafé**.\n\n<script>alert(1)</script>",
        ),
        ("kommune_ags", HAMM),
        ("land_code", "05"),
        ("year", "2026"),
        ("themes", "lotsendienste_zugaenge"),
        ("handlungsfelder", "fruehkindliche_bildung"),
        ("handlungsfelder", "erwerbsintegration"),
        ("version", ""),
    ];
    let response = app.post(&hamm, "/wissen/neu", &entry).await;
    assert_eq!(response.status(), 303);
    let url = "/wissen/eintrag/sprachcafe-im-familienzentrum-hamm-nord";
    let page = app.followed(&hamm, response).await;
    assert!(page.contains("Der Entwurf wurde angelegt."));
    // The message belongs to the step, not to the entry.
    assert!(
        !app.get(&hamm, url)
            .await
            .text()
            .await
            .unwrap()
            .contains("Der Entwurf wurde angelegt.")
    );
    let page = app.get(&hamm, url).await.text().await.unwrap();
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.contains("<script>alert"),
        "no raw HTML"
    );
    let felder: Vec<String> = sqlx::query_scalar("SELECT handlungsfelder FROM knowledge_entries WHERE slug = 'sprachcafe-im-familienzentrum-hamm-nord'").fetch_one(&app.pool).await.unwrap();
    assert_eq!(felder, ["fruehkindliche_bildung", "erwerbsintegration"]);

    // Not public, not for other municipalities; nobody but Bund/admin publishes.
    assert_eq!(app.get(&app.client, url).await.status(), 404);
    assert_eq!(app.get(&detmold, url).await.status(), 404);
    assert_eq!(
        app.get(&detmold, &format!("{url}/bearbeiten"))
            .await
            .status(),
        404
    );
    assert_eq!(
        app.post(&detmold, &format!("{url}/bearbeiten"), &entry)
            .await
            .status(),
        404
    );
    assert_eq!(
        app.get(&nrw, url).await.status(),
        404,
        "a Land does not see municipal drafts"
    );
    assert!(
        !app.get(&app.client, "/wissen?q=Sprachcafe")
            .await
            .text()
            .await
            .unwrap()
            .contains("Sprachcafé im")
    );
    let status = |action: &'static str, version: &'static str| {
        [("aktion", action), ("version", version), ("kommentar", "")]
    };
    assert_eq!(
        app.post(
            &hamm,
            &format!("{url}/status"),
            &status("veroeffentlichen", "1")
        )
        .await
        .status(),
        403
    );
    assert_eq!(
        app.post(
            &detmold,
            &format!("{url}/status"),
            &status("einreichen", "1")
        )
        .await
        .status(),
        404
    );

    // Submit; the Bund returns it (a reason is required), the author revises and resubmits.
    // Each step leads back to the entry with a message of what was done.
    let response = app
        .post(&hamm, &format!("{url}/status"), &status("einreichen", "1"))
        .await;
    assert!(
        app.followed(&hamm, response)
            .await
            .contains("Der Eintrag wurde zur Prüfung eingereicht.")
    );
    assert_eq!(
        app.get(&hamm, &format!("{url}/bearbeiten")).await.status(),
        403,
        "no edits while in review"
    );
    let mine = app.get(&bund, "/wissen/meine").await.text().await.unwrap();
    assert!(
        mine.contains("Sprachcafé im Familienzentrum Hamm-Nord"),
        "in the review queue"
    );
    let response = app
        .post(
            &bund,
            &format!("{url}/status"),
            &status("zurueckgeben", "2"),
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Bitte begründen Sie")
    );
    let return_at = |version| {
        [
            ("aktion", "zurueckgeben"),
            ("version", version),
            ("kommentar", "Bitte Quelle ergänzen."),
        ]
    };
    let response = app
        .post(&bund, &format!("{url}/status"), &return_at("1"))
        .await;
    assert_eq!(response.status(), 409, "stale status change");
    let response = app
        .post(&bund, &format!("{url}/status"), &return_at("2"))
        .await;
    assert!(
        app.followed(&bund, response)
            .await
            .contains("Der Eintrag wurde mit Ihrer Rückmeldung zurückgegeben.")
    );
    assert!(
        app.get(&hamm, url)
            .await
            .text()
            .await
            .unwrap()
            .contains("Bitte Quelle ergänzen.")
    );
    let mut revised = entry.to_vec();
    revised.retain(|(k, _)| *k != "version");
    revised.push(("version", "3"));
    revised.push(("source_document", "Eigene Dokumentation 2026"));
    let response = app
        .post(&hamm, &format!("{url}/bearbeiten"), &revised)
        .await;
    assert!(
        app.followed(&hamm, response)
            .await
            .contains("Die Änderungen wurden gespeichert.")
    );
    assert_eq!(
        app.post(&hamm, &format!("{url}/bearbeiten"), &revised)
            .await
            .status(),
        409,
        "stale edit"
    );
    assert_eq!(
        app.post(&hamm, &format!("{url}/status"), &status("einreichen", "4"))
            .await
            .status(),
        303
    );
    let response = app
        .post(
            &bund,
            &format!("{url}/status"),
            &status("veroeffentlichen", "5"),
        )
        .await;
    assert!(
        app.followed(&bund, response)
            .await
            .contains("Der Eintrag ist veröffentlicht.")
    );

    // Public now, found by the search, with every version visible to the Bund.
    assert_eq!(app.get(&app.client, url).await.status(), 200);
    assert!(
        search(&app, "Sprachcafe")
            .await
            .contains(&"sprachcafe-im-familienzentrum-hamm-nord".to_owned())
    );
    let page = app.get(&bund, url).await.text().await.unwrap();
    for step in [
        "Angelegt",
        "Zur Prüfung eingereicht",
        "Mit Rückmeldung zurückgegeben",
        "Geändert",
        "Veröffentlicht",
        "Quelle: „“ → „Eigene Dokumentation 2026“",
    ] {
        assert!(page.contains(step), "history shows {step}");
    }
    assert!(
        !app.get(&app.client, url)
            .await
            .text()
            .await
            .unwrap()
            .contains("Verlauf"),
        "history only for reviewers"
    );

    // Unpublishing takes it off the public platform.
    let response = app
        .post(
            &bund,
            &format!("{url}/status"),
            &status("zurueckziehen", "6"),
        )
        .await;
    assert!(
        app.followed(&bund, response)
            .await
            .contains("Der Eintrag ist nicht mehr öffentlich.")
    );
    assert_eq!(app.get(&app.client, url).await.status(), 404);
}

#[tokio::test]
async fn hostile_entry_fields_are_refused_or_escaped() {
    let app = TestApp::spawn().await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let long = "x".repeat(10_000);
    let response = app
        .post(
            &bund,
            "/wissen/neu",
            &[
                ("title", long.as_str()),
                ("kind", "studie"),
                ("level", "bund"),
                ("themes", "recht"),
                ("summary", "a\u{7}b"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Bitte höchstens 200 Zeichen eingeben."));
    assert!(body.contains("Bitte keine Steuerzeichen eingeben."));
    let response = app
        .post(
            &bund,
            "/wissen/neu",
            &[
                ("title", "<img src=x onerror=alert(1)>"),
                ("kind", "studie"),
                ("level", "bund"),
                ("themes", "recht"),
                ("themes", "'; DROP TABLE users; --"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422, "unknown theme code");
    let response = app
        .post(
            &bund,
            "/wissen/neu",
            &[
                ("title", "<img src=x onerror=alert(1)>"),
                ("kind", "studie"),
                ("level", "bund"),
                ("themes", "recht"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let url = response.headers()["location"].to_str().unwrap().to_owned();
    let body = app.get(&bund, &url).await.text().await.unwrap();
    assert!(!body.contains("<img src=x"));
}

#[tokio::test]
async fn a_search_issues_the_same_statements_for_a_small_and_a_large_corpus() {
    let app = TestApp::spawn().await;
    // The revision of what the search reads, then the hits (page and facet keys), with words
    // their expansion first; a search asked again is kept: the revision only.
    let urls = [
        ("/wissen", 2),
        ("/wissen?q=Armut&art=good_practice", 3),
        ("/wissen?q=Kinder+Armut&sortierung=datum&seite=2", 3),
    ];
    let statements = || async {
        let mut counted = Vec::new();
        for (url, _) in urls {
            let (statements, response) = queries::count(app.get(&app.client, url)).await;
            assert_eq!(response.status(), 200);
            let (kept, _) = queries::count(app.get(&app.client, url)).await;
            assert_eq!(kept, 1, "{url}: kept");
            counted.push(statements);
        }
        counted
    };
    let small = statements().await;
    kinderchancen::knowledge::synthetic::generate(&app.pool, 300)
        .await
        .unwrap();
    let large = statements().await;
    assert_eq!(large, small);
    assert_eq!(large, urls.map(|(_, fixed)| fixed));
}

/// What `query` finds on `app`: the heading with the number of entries, and their slugs.
async fn found_on(app: &TestApp, query: &str) -> (String, Vec<String>) {
    let url = with_query("/wissen", &[("q", query)]);
    let body = app.get(&app.client, &url).await.text().await.unwrap();
    let heading = body
        .split(r#"id="treffer-titel" aria-live="polite">"#)
        .nth(1)
        .and_then(|rest| rest.split(" zu ").next())
        .unwrap()
        .to_owned();
    (heading, slugs(&body))
}

/// Searches are kept per revision of the entries, the synonyms and the Länder (migration
/// 0023): every write of them shows at the next search, on every node.
#[tokio::test]
async fn a_kept_search_shows_a_change_at_once_on_every_node() {
    let a = TestApp::spawn().await;
    let b = TestApp::serving(a.pool.clone(), Config::for_tests()).await;
    let slug: String = sqlx::query_scalar(
        "SELECT slug FROM knowledge_entries WHERE status = 'veroeffentlicht' ORDER BY id LIMIT 1",
    )
    .fetch_one(&a.pool)
    .await
    .unwrap();
    let write = |sql: String| {
        let pool = a.pool.clone();
        async move {
            sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                .execute(&pool)
                .await
                .unwrap();
        }
    };
    for node in [&a, &b] {
        assert_eq!(found_on(node, "Zauberbrunnen").await.0, "0 Einträge");
        assert_eq!(found_on(node, "Wunschquelle").await.0, "0 Einträge");
        let (kept, _) = queries::count(node.get(&node.client, "/wissen?q=Zauberbrunnen")).await;
        assert_eq!(kept, 1, "kept");
    }
    write(format!(
        "UPDATE knowledge_entries SET title = title || ' am Zauberbrunnen' WHERE slug = '{slug}'"
    ))
    .await;
    for node in [&a, &b] {
        let (heading, slugs) = found_on(node, "Zauberbrunnen").await;
        assert_eq!((heading.as_str(), slugs), ("1 Eintrag", vec![slug.clone()]));
    }
    write(
        "INSERT INTO knowledge_synonyms (term, synonym) VALUES ('Wunschquelle', 'Zauberbrunnen')"
            .into(),
    )
    .await;
    for node in [&a, &b] {
        assert_eq!(found_on(node, "Wunschquelle").await.0, "1 Eintrag");
    }
    write("DELETE FROM knowledge_synonyms WHERE term = 'Wunschquelle'".into()).await;
    assert_eq!(found_on(&b, "Wunschquelle").await.0, "0 Einträge");
    write(format!(
        "UPDATE knowledge_entries SET status = 'entwurf' WHERE slug = '{slug}'"
    ))
    .await;
    assert_eq!(found_on(&a, "Zauberbrunnen").await.0, "0 Einträge");

    let land_facet = || async {
        let body = b.get(&b.client, "/wissen").await.text().await.unwrap();
        body.contains("Nordrhein-Westfalen und Lippe (")
    };
    assert!(!land_facet().await);
    write("UPDATE laender SET name = 'Nordrhein-Westfalen und Lippe' WHERE code = '05'".into())
        .await;
    assert!(land_facet().await, "the Land facet shows the new name");
}

/// The facet counts come from keys packed in the database and unpacked in the application;
/// both must agree with counting the columns directly, for every facet.
#[tokio::test]
async fn facet_counts_agree_with_counting_the_columns() {
    use kinderchancen::knowledge::{db, facets};
    let app = TestApp::spawn().await;
    let vocabulary: Vec<String> = sqlx::query_scalar("SELECT unnest(kc_facet_vocabulary())")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(vocabulary, facets::vocabulary().collect::<Vec<_>>());

    kinderchancen::knowledge::synthetic::generate(&app.pool, 200)
        .await
        .unwrap();
    let search_pool = kinderchancen::state::search_pool(&app.pool);
    for request in [
        db::SearchRequest::default(),
        db::SearchRequest {
            terms: vec!["armut".into()],
            themen: vec!["finanzierung".into()],
            ..Default::default()
        },
    ] {
        let result = db::search(&app.pool, &search_pool, &request).await.unwrap();
        let mut counted: Vec<(String, String, i64)> = result
            .facets
            .iter()
            .map(|c| (c.facet.to_owned(), c.value.clone(), c.count))
            .collect();
        counted.sort();
        let hits: Vec<i64> = if request.terms.is_empty() {
            sqlx::query_scalar("SELECT id FROM knowledge_entries WHERE status = 'veroeffentlicht'")
                .fetch_all(&app.pool)
                .await
                .unwrap()
        } else {
            let mut all = Vec::new();
            for page in 0.. {
                let page_request = db::SearchRequest {
                    page,
                    ..request.clone()
                };
                let slugs: Vec<String> = db::search(&app.pool, &search_pool, &page_request)
                    .await
                    .unwrap()
                    .hits
                    .into_iter()
                    .map(|hit| hit.slug)
                    .collect();
                if slugs.is_empty() {
                    break;
                }
                all.extend(slugs);
            }
            sqlx::query_scalar("SELECT id FROM knowledge_entries WHERE slug = ANY($1)")
                .bind(&all)
                .fetch_all(&app.pool)
                .await
                .unwrap()
        };
        assert_eq!(result.total, hits.len() as i64);
        assert!(result.total > 0);
        let mut expected: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT facet, value, count(*) FROM knowledge_entries e,
                    LATERAL (SELECT 'art', e.kind UNION ALL SELECT 'ebene', e.level
                             UNION ALL SELECT 'feld', unnest(e.handlungsfelder)
                             UNION ALL SELECT 'thema', unnest(e.themes)
                             UNION ALL SELECT 'phase', unnest(e.lebensphasen)
                             UNION ALL SELECT 'land', e.land_code WHERE e.land_code IS NOT NULL
                             UNION ALL SELECT 'jahr', e.year::text WHERE e.year IS NOT NULL) v(facet, value)
             WHERE e.id = ANY($1)
             GROUP BY facet, value",
        )
        .bind(&hits)
        .fetch_all(&app.pool)
        .await
        .unwrap();
        expected.sort();
        assert_eq!(counted, expected, "{request:?}");
    }
}

/// PostgreSQL switches a prepared statement to a cached generic plan after a few executions;
/// for the search that plan scans the whole table whenever words follow searches without
/// (250 ms instead of 10 on 10 000 entries). A search with words must plan every execution.
#[tokio::test]
async fn a_search_with_words_is_planned_for_every_execution() {
    use kinderchancen::knowledge::db;
    let app = TestApp::spawn().await;
    let one_connection = sqlx::postgres::PgPoolOptions::new()
        .max_connections(1)
        .connect_with((*app.pool.connect_options()).clone())
        .await
        .unwrap();
    let search_pool = kinderchancen::state::search_pool(&one_connection);
    let with_words = db::SearchRequest {
        terms: vec!["armut".into()],
        ..Default::default()
    };
    // The page and the facet keys: one statement that reads kc_knowledge_hits, prepared on
    // the connection of either pool.
    let plans = || async {
        let mut plans = (0, 0);
        for pool in [&one_connection, &search_pool] {
            let (generic, custom) = sqlx::query_as::<_, (i64, i64)>(
                r"SELECT coalesce(sum(generic_plans), 0)::bigint, coalesce(sum(custom_plans), 0)::bigint
                  FROM pg_prepared_statements
                  WHERE statement LIKE '%FROM kc\_knowledge\_hits(%'",
            )
            .fetch_one(pool)
            .await
            .unwrap();
            plans = (plans.0 + generic, plans.1 + custom);
        }
        plans
    };
    for _ in 0..8 {
        db::search(&one_connection, &search_pool, &db::SearchRequest::default())
            .await
            .unwrap();
    }
    // Without words PostgreSQL chooses (the whole corpus is read anyway).
    let (generic, custom) = plans().await;
    assert_eq!(generic + custom, 8);
    for _ in 0..8 {
        db::search(&one_connection, &search_pool, &with_words)
            .await
            .unwrap();
    }
    assert_eq!(plans().await, (generic, custom + 8));
}

/// The page of an entry as a visitor sees it.
async fn entry_page(app: &TestApp, slug: &str) -> String {
    let response = app
        .get(&app.client, &format!("/wissen/eintrag/{slug}"))
        .await;
    assert_eq!(response.status(), 200, "{slug}");
    response.text().await.unwrap()
}

/// The text of the page's only `<h1>`.
fn heading(page: &str) -> &str {
    page.split("<h1")
        .nth(1)
        .and_then(|rest| rest.split_once('>'))
        .and_then(|(_, rest)| rest.split_once("</h1>"))
        .map(|(text, _)| text)
        .unwrap()
}

/// The two serious findings of the fact-check, as readers see the entries.
#[tokio::test]
async fn the_serious_corrections_of_the_fact_check_are_on_the_pages() {
    let app = TestApp::spawn().await;
    // 23,9 % are "von Armut oder sozialer Ausgrenzung bedroht" (AROPE), not "armutsgefährdet".
    let page = entry_page(&app, "nap-kinderarmut-ausgangslage-zahlen").await;
    let title = heading(&page);
    assert!(
        title.contains("fast jedes vierte Kind von Armut oder sozialer Ausgrenzung bedroht"),
        "{title}"
    );
    assert!(!title.contains("armutsgefährdet"), "{title}");
    assert!(
        !page.contains("(ServiKiD)"),
        "ServiKiD is the author, not the report"
    );
    assert!(page.contains("von ServiKiD verfassten"));

    // Decentral structures are what Workshop 1 asked for, not something Hamm is said to have.
    let page = entry_page(&app, "nap-lotsendienste-aufsuchende-arbeit-traeger").await;
    assert!(!page.contains("Hamm setzt auf"));
    assert!(page.contains(
        "daneben braucht es nach Referierenden und Teilnehmenden von Workshop 1 auch dezentrale Strukturen"
    ));
}

/// Every entry says what its source is: workshop statements are the participants', and the
/// NAP-Ausschuss paper is descriptive, no recommendation — its entries' kind says so too.
#[tokio::test]
async fn every_entry_states_the_standing_of_its_source() {
    let app = TestApp::spawn().await;
    let workshop = entry_page(&app, "basisfinanzierung-pflichtaufgabe-verstetigung").await;
    assert!(workshop.contains("Hinweis zur Quelle"));
    assert!(workshop.contains(
        "ausschließlich Aussagen der Workshop-Teilnehmenden wieder, nicht die Auffassung der Bundesregierung"
    ));
    let paper = entry_page(&app, "nap-handlungsoptionen-bund").await;
    assert!(paper.contains("kein offizielles Empfehlungspapier"));
    assert!(paper.contains(r#"<p class="kern-preline">Beschreibendes Papier · "#));
    assert!(!paper.contains("Handlungsempfehlung"));

    // Every published entry of either source carries its caveat.
    let slugs: Vec<(String, String)> = sqlx::query_as(
        "SELECT slug, source_document FROM knowledge_entries WHERE status = 'veroeffentlicht'",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert!(slugs.len() >= 53);
    for (slug, source) in &slugs {
        let page = entry_page(&app, slug).await;
        let caveat = match source.as_str() {
            "workshop-doku-2023" => "nicht die Auffassung der Bundesregierung",
            "nap-papier-2025" => "kein offizielles Empfehlungspapier",
            other => panic!("{slug}: unknown source {other}"),
        };
        assert!(page.contains(caveat), "{slug}");
    }
    let recommendations: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM knowledge_entries WHERE seeded AND kind = 'handlungsempfehlung'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(recommendations, 0, "no seeded entry claims to recommend");

    // /wissen explains the kinds.
    let search = app.get(&app.client, "/wissen").await.text().await.unwrap();
    assert!(search.contains("Arten von Einträgen"));
    assert!(search.contains("Beschreibendes Papier</dt>"));
    assert!(search.contains("kein offizielles Empfehlungspapier ist und nichts festlegt"));
}

/// Makes the seeded entry `slug` look as an older edition of the seed left it: another title
/// and fingerprint, and with `edited` a later version than the seed wrote (the Geschäftsstelle
/// has changed it since).
async fn as_older_edition(app: &TestApp, slug: &str, title: &str, edited: bool) {
    let updated = sqlx::query(
        "UPDATE knowledge_entries SET title = $2, seed_digest = 'edition-1',
                version = version + $3::int, seed_version = version
         WHERE slug = $1 AND seeded",
    )
    .bind(slug)
    .bind(title)
    .bind(i32::from(edited))
    .execute(&app.pool)
    .await
    .unwrap();
    assert_eq!(updated.rows_affected(), 1, "{slug}");
}

async fn audit_actions(app: &TestApp, slug: &str) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT a.action FROM audit_log a JOIN knowledge_entries e ON a.entity_id = e.id::text
         WHERE a.entity = 'knowledge' AND e.slug = $1 ORDER BY a.id",
    )
    .bind(slug)
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

async fn title_of(app: &TestApp, slug: &str) -> String {
    sqlx::query_scalar("SELECT title FROM knowledge_entries WHERE slug = $1")
        .bind(slug)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// A corrected seed reaches a running database: an entry nobody has changed takes the new
/// text, with a history line; one that has the text already gets no line.
#[tokio::test]
async fn a_corrected_seed_text_replaces_an_unedited_entry() {
    use kinderchancen::knowledge::seed;
    let app = TestApp::spawn().await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let slug = "nap-kinderarmut-ausgangslage-zahlen";
    let corrected = title_of(&app, slug).await;
    as_older_edition(
        &app,
        slug,
        "Kinderarmut in Deutschland: fast jedes vierte Kind armutsgefährdet",
        false,
    )
    .await;
    // Seeded before versioned seeds: no fingerprint yet, the same text.
    sqlx::query(
        "UPDATE knowledge_entries SET seed_digest = NULL WHERE slug = 'familienrathaus-hamm'",
    )
    .execute(&app.pool)
    .await
    .unwrap();

    seed::load(&app.pool).await.unwrap();
    assert_eq!(title_of(&app, slug).await, corrected);
    assert_eq!(audit_actions(&app, slug).await, ["redaktionell_korrigiert"]);
    let page = app
        .get(&bund, &format!("/wissen/eintrag/{slug}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Redaktionell korrigiert"));
    assert!(page.contains("fast jedes vierte Kind armutsgefährdet“ → „"));
    assert!(audit_actions(&app, "familienrathaus-hamm").await.is_empty());

    // Once is enough: the next start finds both current.
    seed::load(&app.pool).await.unwrap();
    assert_eq!(audit_actions(&app, slug).await.len(), 1);
    let unknown: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM knowledge_entries WHERE seeded AND seed_digest IS NULL",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(unknown, 0);
}

/// An entry the Geschäftsstelle has edited keeps its text; the correction waits in the Bund's
/// review tasks, which take it or keep their own.
#[tokio::test]
async fn a_corrected_seed_text_of_an_edited_entry_waits_for_the_bund() {
    use kinderchancen::knowledge::seed;
    let app = TestApp::spawn().await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let taken = "nap-lotsendienste-aufsuchende-arbeit-traeger";
    let kept = "nap-geschaeftsstelle-kinderchancen";
    let corrected = title_of(&app, taken).await;
    as_older_edition(
        &app,
        taken,
        "Lotsendienste: Fassung der Geschäftsstelle",
        true,
    )
    .await;
    as_older_edition(&app, kept, "Geschäftsstelle: eigene Fassung", true).await;

    seed::load(&app.pool).await.unwrap();
    assert_eq!(
        title_of(&app, taken).await,
        "Lotsendienste: Fassung der Geschäftsstelle"
    );
    assert!(audit_actions(&app, taken).await.is_empty());

    let tasks = app.get(&bund, "/wissen/meine").await.text().await.unwrap();
    assert!(tasks.contains("Redaktionelle Korrekturen zur Prüfung"));
    let address = format!("/wissen/eintrag/{taken}/korrektur");
    assert!(
        tasks.contains(&address) && tasks.contains(&format!("/wissen/eintrag/{kept}/korrektur"))
    );
    assert_eq!(app.get(&hamm, &address).await.status(), 403);
    assert_ne!(app.get(&app.client, &address).await.status(), 200);

    let page = app.get(&bund, &address).await.text().await.unwrap();
    assert!(
        page.contains("Lotsendienste: Fassung der Geschäftsstelle"),
        "now"
    );
    assert!(page.contains(&corrected), "proposed");
    let version: i32 = sqlx::query_scalar("SELECT version FROM knowledge_entries WHERE slug = $1")
        .bind(taken)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let (stale, current) = ((version - 1).to_string(), version.to_string());
    let response = app
        .post(
            &bund,
            &address,
            &[("aktion", "uebernehmen"), ("version", &stale)],
        )
        .await;
    assert_eq!(response.status(), 409, "stale decision");
    let response = app
        .post(
            &bund,
            &address,
            &[("aktion", "uebernehmen"), ("version", &current)],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(title_of(&app, taken).await, corrected);
    assert_eq!(audit_actions(&app, taken).await, ["korrektur_uebernommen"]);
    assert_eq!(app.get(&bund, &address).await.status(), 404, "decided");

    let address = format!("/wissen/eintrag/{kept}/korrektur");
    let version: i32 = sqlx::query_scalar("SELECT version FROM knowledge_entries WHERE slug = $1")
        .bind(kept)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let current = version.to_string();
    let response = app
        .post(
            &bund,
            &address,
            &[("aktion", "behalten"), ("version", &current)],
        )
        .await;
    assert_eq!(response.status(), 303);
    seed::load(&app.pool).await.unwrap();
    assert_eq!(
        title_of(&app, kept).await,
        "Geschäftsstelle: eigene Fassung"
    );
    assert_eq!(audit_actions(&app, kept).await, ["korrektur_verworfen"]);
    let tasks = app.get(&bund, "/wissen/meine").await.text().await.unwrap();
    assert!(tasks.contains("Keine Korrekturen offen."));
    let page = app
        .get(&bund, &format!("/wissen/eintrag/{kept}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Redaktionelle Korrektur nicht übernommen"));
}

/// The topics of the sources that had no entry (review, last section) are entries now.
#[tokio::test]
async fn the_sources_topics_without_an_entry_have_one() {
    let app = TestApp::spawn().await;
    for (slug, facts) in [
        (
            "fachkonferenz-armutspraevention-vor-ort-2023",
            &[
                "Ekin Deligöz",
                "Nationale Kinderchancen-Koordinatorin",
                "rund 100 Teilnehmende",
                "Bericht zur Umsetzung der europäischen Kindergarantie",
            ][..],
        ),
        (
            "nap-fazit-nationale-aufgabe",
            &[
                "Schwerpunktthema des ersten Fortschrittsberichts an die EU",
                "„vertikale Kooperation“",
                "Aufwachsen in Wohlergehen",
            ],
        ),
        (
            "nap-fachkraefte-und-traeger-einbinden",
            &["Einbindung der Fachkräfteperspektive und der Träger essenziell"],
        ),
        (
            "nap-quellen-und-rechtsgrundlagen",
            &[
                "Empfehlung (EU) 2021/1004 des Rates vom 14. Juni 2021",
                "Artikel 4a",
                "Drucksache 20/14800",
                "Meysen, Thomas / Lohse, Katharina / Tölch, Julia",
                "Fischer, Jörg",
                "§ 78 SGB VIII",
            ],
        ),
        (
            "nap-papier-autor-und-adressaten",
            &[
                "politisch-gestalterisch Handelnde in Bund, Ländern und auf kommunaler Ebene",
                "Autor des Papiers ist somit der NAP-Ausschuss",
            ],
        ),
    ] {
        let page = entry_page(&app, slug).await;
        for fact in facts {
            assert!(page.contains(fact), "{slug}: {fact}");
        }
    }
}
