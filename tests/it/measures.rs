//! Measures: form with validation and version check, list with filters, sorting and paging,
//! detail, CSV export and import, access only within scope, hostile input.

use base64::Engine;
use kinderchancen::measures::db::CHOSEN_REFERENCES;
use kinderchancen::policy::Role;
use kinderchancen::web::form::OnConstraint;

use crate::networks::{DETMOLD, HAMM};
use crate::support::{PASSWORD, TestApp, post_chunked, queries, session_cookie};

/// Ids of what a network's measures can point at.
struct Setup {
    network: i64,
    mitte: i64,
    jobcenter: i64,
    kernziel: i64,
    mittelziel: i64,
}

/// A network with two Sozialräume, two partners and two goals.
async fn network_with_choices(app: &TestApp, ags: &str, name: &str) -> Setup {
    let network = app.create_network(ags, name).await;
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "INSERT INTO sozialraeume (network_id, name) VALUES ({network}, 'Mitte'), ({network}, 'Herringen');
         INSERT INTO partners (network_id, name, kind, ressort, network_role)
           VALUES ({network}, 'Jobcenter', 'jobcenter', 'arbeit', 'steuerung'),
                  ({network}, 'AWO Familienzentrum', 'familienzentrum', 'jugend', 'partner');
         INSERT INTO goals (network_id, level, title, status)
           VALUES ({network}, 'kernziel', 'Gutes Aufwachsen, gute Bildung', 'offen');
         INSERT INTO goals (network_id, parent_id, level, title, status)
           SELECT {network}, id, 'mittelziel', 'Frühe Hilfen stärken', 'in_arbeit'
           FROM goals WHERE network_id = {network};"
    )))
    .execute(&app.pool)
    .await
    .unwrap();
    let id = |sql: &'static str| {
        let pool = app.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .bind(network)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    Setup {
        network,
        mitte: id("SELECT id FROM sozialraeume WHERE network_id = $1 AND name = 'Mitte'").await,
        jobcenter: id("SELECT id FROM partners WHERE network_id = $1 AND name = 'Jobcenter'").await,
        kernziel: id("SELECT id FROM goals WHERE network_id = $1 AND level = 'kernziel'").await,
        mittelziel: id("SELECT id FROM goals WHERE network_id = $1 AND level = 'mittelziel'").await,
    }
}

/// A complete, valid measure form.
fn measure_form(s: &Setup, title: &str, version: &str) -> Vec<(&'static str, String)> {
    vec![
        ("title", title.into()),
        (
            "description",
            "Hausbesuche nach der Geburt.\r\nMit Willkommenspaket.".into(),
        ),
        ("handlungsfelder", "gesundheit".into()),
        ("handlungsfelder", "freizeit_kultur_sport".into()),
        ("handlungsfelder", "fruehkindliche_bildung".into()),
        ("lebensphasen", "schwangerschaft_geburt".into()),
        ("lebensphasen", "null_bis_drei".into()),
        ("zielgruppen", "alle_familien".into()),
        ("sozialraum_id", s.mitte.to_string()),
        ("zugaenge", "aufsuchend".into()),
        ("niedrigschwellig", "ja".into()),
        ("partner_id", s.jobcenter.to_string()),
        ("finanzierung", "kommunal".into()),
        ("finanzierung", "land".into()),
        ("start_date", "2024-02-01".into()),
        ("end_date", "31.12.2026".into()),
        ("status", "laufend".into()),
        ("reach_per_year", "1.200".into()),
        ("annual_cost_euro", "12.500".into()),
        ("participation", "Elternbeirat; Kinderkonferenz".into()),
        ("impact_input", "2 Fachkräfte".into()),
        ("impact_output", "600 Hausbesuche".into()),
        ("impact_outcome", "Familien kennen die Angebote".into()),
        ("goal_ids", s.kernziel.to_string()),
        ("goal_ids", s.mittelziel.to_string()),
        ("version", version.into()),
    ]
}

fn with(
    form: &[(&'static str, String)],
    key: &'static str,
    value: &str,
) -> Vec<(&'static str, String)> {
    let mut form: Vec<_> = form.iter().filter(|(k, _)| *k != key).cloned().collect();
    form.push((key, value.into()));
    form
}

async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    form: &[(&'static str, String)],
) -> reqwest::Response {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.post(client, path, &pairs).await
}

async fn measure_id(app: &TestApp, title: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM measures WHERE title = $1")
        .bind(title)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_coordinator_creates_edits_and_deletes_a_measure() {
    let app = TestApp::spawn().await;
    let s = network_with_choices(&app, HAMM, "Netzwerk Hamm").await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let base = format!("/netzwerke/{}/massnahmen", s.network);
    let form = app.get(&hamm, &format!("{base}/neu")).await;
    assert_eq!(form.status(), 200);
    let form = form.text().await.unwrap();
    assert!(form.contains("Gesamte Kommune") && form.contains("Herringen"));
    assert!(form.contains("Kernziel: Gutes Aufwachsen, gute Bildung"));

    // Rejected: every message at its field, the input kept.
    let mut bad = measure_form(&s, "", "");
    bad.retain(|(k, _)| *k != "handlungsfelder");
    let bad = with(&bad, "end_date", "2024-01-01");
    let bad = with(&bad, "reach_per_year", "-1");
    let bad = with(&bad, "annual_cost_euro", "12,50");
    let bad = with(&bad, "description", "Bleibt stehen");
    let response = post(&app, &hamm, &format!("{base}/neu"), &bad).await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    for message in [
        "Bitte einen Titel angeben.",
        "Bitte mindestens ein Handlungsfeld auswählen.",
        "Das Ende darf nicht vor dem Beginn liegen.",
        "Bitte eine ganze Zahl ab 0 angeben",
        "Bitte korrigieren Sie Ihre Angaben",
    ] {
        assert!(body.contains(message), "{message}");
    }
    assert!(body.contains(">Bleibt stehen</textarea>"));
    assert!(body.contains(r#"value="12,50""#));
    assert!(body.contains(r#"value="null_bis_drei" id="lebensphasen-null_bis_drei" checked"#));
    assert_eq!(count(&app, "SELECT count(*) FROM measures").await, 0);

    // Created with several Handlungsfelder and both goals.
    let response = post(
        &app,
        &hamm,
        &format!("{base}/neu"),
        &measure_form(&s, "Babybegrüßung", ""),
    )
    .await;
    assert_eq!(response.status(), 303);
    let id = measure_id(&app, "Babybegrüßung").await;
    let detail = format!("{base}/{id}");
    assert_eq!(
        response.headers()["location"],
        format!("{detail}?hinweis=angelegt").as_str()
    );
    let (fields, goals): (Vec<String>, i64) = sqlx::query_as(
        "SELECT handlungsfelder, (SELECT count(*) FROM measure_goals WHERE measure_id = m.id)
         FROM measures m WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        fields,
        [
            "fruehkindliche_bildung",
            "gesundheit",
            "freizeit_kultur_sport"
        ]
    );
    assert_eq!(goals, 2);

    let page = app.get(&hamm, &detail).await.text().await.unwrap();
    for text in [
        "Frühkindliche Bildung und Betreuung, Gesundheit, Freizeit, Kultur und Sport",
        "01.02.2024 bis 31.12.2026",
        "1.200 pro Jahr",
        "12.500 € pro Jahr",
        "Jobcenter",
        "Mitte",
        "Kernziel: Gutes Aufwachsen, gute Bildung",
        "Mittelziel: Frühe Hilfen stärken",
        "Hausbesuche nach der Geburt.<br>Mit Willkommenspaket.",
        "Angelegt",
    ] {
        assert!(page.contains(text), "{text}");
    }

    // Edit at version 1, then a stale edit is refused with the stored values shown.
    let edit = format!("{detail}/bearbeiten");
    let page = app.get(&hamm, &edit).await.text().await.unwrap();
    assert!(page.contains(r#"value="Babybegrüßung""#) && page.contains(r#"value="2024-02-01""#));
    let changed = with(
        &measure_form(&s, "Babybegrüßung Plus", "1"),
        "goal_ids",
        &s.kernziel.to_string(),
    );
    let response = post(&app, &hamm, &edit, &changed).await;
    assert_eq!(response.status(), 303);
    let response = post(&app, &hamm, &edit, &measure_form(&s, "Überschreiben?", "1")).await;
    assert_eq!(response.status(), 409);
    let body = response.text().await.unwrap();
    assert!(body.contains("wurde inzwischen von jemand anderem geändert"));
    assert!(body.contains("Babybegrüßung Plus"), "stored value shown");
    assert!(body.contains(r#"value="Überschreiben?""#), "input kept");
    assert!(body.contains(r#"name="version" value="2""#));
    let (title, goals): (String, i64) = sqlx::query_as(
        "SELECT title, (SELECT count(*) FROM measure_goals WHERE measure_id = m.id)
         FROM measures m WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((title.as_str(), goals), ("Babybegrüßung Plus", 1));
    let page = app.get(&hamm, &edit).await.text().await.unwrap();
    assert!(page.contains("Titel: „Babybegrüßung“ → „Babybegrüßung Plus“"));
    assert!(page.contains(
        "Verknüpfte Ziele: „Gutes Aufwachsen, gute Bildung, Frühe Hilfen stärken“ → „Gutes Aufwachsen, gute Bildung“"
    ));

    // Delete: confirmation, stale version refused, then gone.
    let confirm = app
        .get(&hamm, &format!("{detail}/loeschen"))
        .await
        .text()
        .await
        .unwrap();
    assert!(confirm.contains("die Maßnahme „Babybegrüßung Plus“"));
    assert!(confirm.contains("Verknüpfung mit 1 Ziel"));
    let response = app
        .post(&hamm, &format!("{detail}/loeschen"), &[("version", "1")])
        .await;
    assert_eq!(response.status(), 409);
    let response = app
        .post(&hamm, &format!("{detail}/loeschen"), &[("version", "2")])
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(count(&app, "SELECT count(*) FROM measures").await, 0);
    assert_eq!(count(&app, "SELECT count(*) FROM goals").await, 2);
    let actions: Vec<String> =
        sqlx::query_scalar("SELECT action FROM audit_log WHERE entity = 'measure' ORDER BY id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(actions, ["angelegt", "geaendert", "geloescht"]);
    assert_eq!(app.get(&hamm, &detail).await.status(), 404);
}

#[tokio::test]
async fn measures_are_read_and_changed_only_within_scope() {
    let app = TestApp::spawn().await;
    let h = network_with_choices(&app, HAMM, "Netzwerk Hamm").await;
    let d = network_with_choices(&app, DETMOLD, "Netzwerk Detmold").await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let detmold = app
        .signed_in("k@detmold.de", Role::Kommune, Some(DETMOLD), None)
        .await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let bw = app.signed_in("l@bw.de", Role::Land, None, Some("08")).await;
    for (client, s, title) in [
        (&hamm, &h, "Hamm-Maßnahme"),
        (&detmold, &d, "Detmold-Maßnahme"),
    ] {
        let response = post(
            &app,
            client,
            &format!("/netzwerke/{}/massnahmen/neu", s.network),
            &measure_form(s, title, ""),
        )
        .await;
        assert_eq!(response.status(), 303);
    }
    let hm = measure_id(&app, "Hamm-Maßnahme").await;
    let dm = measure_id(&app, "Detmold-Maßnahme").await;
    let hb = format!("/netzwerke/{}/massnahmen", h.network);
    let db = format!("/netzwerke/{}/massnahmen", d.network);

    // Hamm on Detmold's network: 403 on every route, by GET and POST.
    for path in [
        db.clone(),
        format!("/netzwerke/{}/massnahmen.csv", d.network),
        format!("{db}/neu"),
        format!("{db}/import"),
        format!("{db}/{dm}"),
        format!("{db}/{dm}/bearbeiten"),
        format!("{db}/{dm}/loeschen"),
    ] {
        assert_eq!(app.get(&hamm, &path).await.status(), 403, "GET {path}");
    }
    for path in [format!("{db}/neu"), format!("{db}/{dm}/bearbeiten")] {
        let status = post(&app, &hamm, &path, &measure_form(&d, "Übernommen", "1"))
            .await
            .status();
        assert_eq!(status, 403, "POST {path}");
    }
    for (path, key) in [
        (format!("{db}/{dm}/loeschen"), "version"),
        (format!("{db}/import"), "csv_inhalt"),
        (format!("{db}/import/bestaetigen"), "daten"),
    ] {
        let status = app.post(&hamm, &path, &[(key, "1")]).await.status();
        assert_eq!(status, 403, "POST {path}");
    }

    // Detmold's measure through Hamm's network: not found.
    for path in [
        format!("{hb}/{dm}"),
        format!("{hb}/{dm}/bearbeiten"),
        format!("{hb}/{dm}/loeschen"),
    ] {
        assert_eq!(app.get(&hamm, &path).await.status(), 404, "GET {path}");
    }
    let status = post(
        &app,
        &hamm,
        &format!("{hb}/{dm}/bearbeiten"),
        &measure_form(&h, "Übernommen", "1"),
    )
    .await
    .status();
    assert_eq!(status, 404);
    let status = app
        .post(&hamm, &format!("{hb}/{dm}/loeschen"), &[("version", "1")])
        .await
        .status();
    assert_eq!(status, 404);

    // Detmold's partner, Sozialraum or goal named in Hamm's form: refused at the field.
    let edit = format!("{hb}/{hm}/bearbeiten");
    for (key, value, message) in [
        (
            "partner_id",
            d.jobcenter,
            "Bitte einen Partner dieses Netzwerks auswählen",
        ),
        (
            "sozialraum_id",
            d.mitte,
            "einen Sozialraum dieses Netzwerks auswählen",
        ),
        (
            "goal_ids",
            d.kernziel,
            "Bitte nur Ziele dieses Netzwerks auswählen.",
        ),
    ] {
        let form = with(
            &measure_form(&h, "Übernommen", "1"),
            key,
            &value.to_string(),
        );
        let response = post(&app, &hamm, &edit, &form).await;
        assert_eq!(response.status(), 422, "{key}");
        assert!(response.text().await.unwrap().contains(message), "{key}");
        let response = post(&app, &hamm, &format!("{hb}/neu"), &form).await;
        assert_eq!(response.status(), 422, "{key} (new)");
    }

    // The Land of NRW reads everything but changes nothing; Baden-Württemberg reads nothing.
    for path in [
        hb.clone(),
        format!("{hb}/{hm}"),
        format!("/netzwerke/{}/massnahmen.csv", h.network),
        db.clone(),
    ] {
        assert_eq!(app.get(&nrw, &path).await.status(), 200, "NRW GET {path}");
    }
    let list = app.get(&nrw, &hb).await.text().await.unwrap();
    assert!(!list.contains("Maßnahme anlegen") && !list.contains("CSV importieren"));
    for path in [
        format!("{hb}/neu"),
        format!("{hb}/import"),
        format!("{hb}/{hm}/bearbeiten"),
        format!("{hb}/{hm}/loeschen"),
    ] {
        assert_eq!(app.get(&nrw, &path).await.status(), 403, "NRW GET {path}");
    }
    for path in [format!("{hb}/neu"), format!("{hb}/{hm}/bearbeiten")] {
        let status = post(&app, &nrw, &path, &measure_form(&h, "Land", "1"))
            .await
            .status();
        assert_eq!(status, 403, "NRW POST {path}");
    }
    for (path, key) in [
        (format!("{hb}/{hm}/loeschen"), "version"),
        (format!("{hb}/import"), "csv_inhalt"),
        (format!("{hb}/import/bestaetigen"), "daten"),
    ] {
        assert_eq!(app.post(&nrw, &path, &[(key, "1")]).await.status(), 403);
    }
    for path in [
        hb.clone(),
        format!("{hb}/{hm}"),
        format!("/netzwerke/{}/massnahmen.csv", h.network),
    ] {
        assert_eq!(app.get(&bw, &path).await.status(), 403, "BW GET {path}");
    }

    let titles: Vec<String> = sqlx::query_scalar("SELECT title FROM measures ORDER BY id")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        titles,
        ["Hamm-Maßnahme", "Detmold-Maßnahme"],
        "nothing written"
    );
    let links: i64 = count(
        &app,
        "SELECT count(*) FROM measure_goals mg JOIN measures m ON m.id = mg.measure_id
         WHERE mg.network_id <> m.network_id",
    )
    .await;
    assert_eq!(links, 0);
}

/// `n` measures straight into the database: every third planned, every fifth
/// niedrigschwellig, every fourth in Mitte, cost and reach rising with the number.
async fn many_measures(app: &TestApp, s: &Setup, n: i64) {
    sqlx::query(
        "INSERT INTO measures (network_id, title, description, handlungsfelder, lebensphasen,
                               zielgruppen, status, niedrigschwellig, sozialraum_id, partner_id,
                               start_date, reach_per_year, annual_cost_euro)
         SELECT $1, 'Maßnahme ' || lpad(i::text, 3, '0'),
                CASE WHEN i % 10 = 0 THEN 'mit Lotsen' ELSE '' END,
                CASE WHEN i % 2 = 0 THEN ARRAY['gesundheit'] ELSE ARRAY['wohnen', 'ernaehrung'] END,
                ARRAY['drei_bis_sechs'], ARRAY['alle_familien'],
                CASE WHEN i % 3 = 0 THEN 'geplant' ELSE 'laufend' END,
                i % 5 = 0,
                CASE WHEN i % 4 = 0 THEN $2::bigint END,
                CASE WHEN i % 2 = 0 THEN $3::bigint END,
                DATE '2020-01-01' + i, i * 10, i * 1000
         FROM generate_series(1, $4::int) i",
    )
    .bind(s.network)
    .bind(s.mitte)
    .bind(s.jobcenter)
    .bind(n as i32)
    .execute(&app.pool)
    .await
    .unwrap();
}

fn rows(body: &str, network: i64) -> usize {
    body.matches(&format!(
        r#"<th scope="row" class="kern-table__header"><a class="kern-link" href="/netzwerke/{network}/massnahmen/"#
    ))
    .count()
}

#[tokio::test]
async fn the_list_filters_sorts_and_pages() {
    let app = TestApp::spawn().await;
    let s = network_with_choices(&app, HAMM, "Netzwerk Hamm").await;
    many_measures(&app, &s, 120).await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let base = format!("/netzwerke/{}/massnahmen", s.network);
    let get = |query: String| {
        let app = &app;
        let nrw = &nrw;
        let path = format!("{base}{query}");
        async move {
            let response = app.get(nrw, &path).await;
            assert_eq!(response.status(), 200, "{path}");
            response.text().await.unwrap()
        }
    };

    let page = get(String::new()).await;
    assert_eq!(rows(&page, s.network), 50);
    assert!(page.contains("120 Maßnahmen, Nr. 1 bis 50"));
    assert!(page.contains("Seite 1 von 3"));
    assert!(page.contains("Maßnahme 001") && !page.contains("Maßnahme 051"));
    assert!(page.contains(&format!(r#"href="{base}?seite=2" rel="next""#)));
    let last = get("?seite=3".into()).await;
    assert_eq!(rows(&last, s.network), 20);
    assert!(last.contains("Seite 3 von 3") && last.contains("Nr. 101 bis 120"));
    assert!(!last.contains("Nächste Seite"));
    let beyond = get("?seite=99".into()).await;
    assert_eq!(rows(&beyond, s.network), 20);
    assert!(
        beyond.contains("Seite 3 von 3") && beyond.contains("Nr. 101 bis 120"),
        "clamped to the last page, with its measures"
    );

    // Filters combine (AND across facets, OR within one) and survive the paging links.
    let planned = get("?status=geplant".into()).await;
    assert!(planned.contains("40 Maßnahmen passen zu den Filtern"));
    let combined = get("?status=geplant&handlungsfeld=gesundheit".into()).await;
    assert!(combined.contains("20 Maßnahmen passen zu den Filtern"));
    assert!(combined.contains(r#"value="geplant" id="status" checked"#));
    let either = get("?handlungsfeld=gesundheit&handlungsfeld=ernaehrung".into()).await;
    assert!(either.contains("120 Maßnahmen passen zu den Filtern"));
    let laufend = get("?status=laufend&sortierung=-kosten".into()).await;
    assert!(laufend.contains("80 Maßnahmen passen zu den Filtern"));
    assert!(
        laufend.contains(&format!(
            r#"href="{base}?status=laufend&#38;sortierung=-kosten&#38;seite=2""#
        )),
        "filters and sort kept in the paging link"
    );
    let second = get("?status=laufend&sortierung=-kosten&seite=2".into()).await;
    assert_eq!(rows(&second, s.network), 30);
    assert!(second.contains("Seite 2 von 2"));
    let place = get(format!("?sozialraum={}&niedrigschwellig=ja", s.mitte)).await;
    assert!(
        place.contains("6 Maßnahmen passen zu den Filtern"),
        "every 20th: 20, 40 … 120"
    );
    let whole = get("?sozialraum=gesamt".into()).await;
    assert!(whole.contains("90 Maßnahmen passen zu den Filtern"));
    let without = get("?partner=ohne".into()).await;
    assert!(without.contains("60 Maßnahmen passen zu den Filtern"));
    let partner = get(format!("?partner={}", s.jobcenter)).await;
    assert!(partner.contains("60 Maßnahmen passen zu den Filtern"));
    assert_eq!(rows(&get("?q=%FF%FE".into()).await, s.network), 0);
    let text = get("?q=lotsen".into()).await;
    assert!(
        text.contains("12 Maßnahmen passen zu den Filtern"),
        "description searched"
    );
    let text = get("?q=Ma%C3%9Fnahme%2011".into()).await;
    assert!(
        text.contains("10 Maßnahmen passen zu den Filtern"),
        "110 to 119"
    );
    let none = get("?q=%25_%5C".into()).await;
    assert!(none.contains("Keine Maßnahme passt zu diesen Filtern."));

    // Sorting: cost descending puts the most expensive first, start ascending the earliest.
    let costly = get("?sortierung=-kosten".into()).await;
    let first = costly.find("Maßnahme 120").unwrap();
    assert!(first < costly.find("Maßnahme 119").unwrap());
    assert!(costly.contains("120.000&nbsp;€"));
    assert!(costly.contains(r#"aria-sort="descending""#));
    let by_title = get("?sortierung=-titel".into()).await;
    assert!(by_title.find("Maßnahme 120").unwrap() < by_title.find("Maßnahme 101").unwrap());
    let by_status = get("?sortierung=status".into()).await;
    assert!(by_status.find(">Maßnahme 003<").unwrap() < by_status.find(">Maßnahme 001<").unwrap());

    // Garbage in the address: ignored with a hint, never an error.
    for query in [
        "?seite=-1",
        "?seite=abc",
        "?sortierung=%00",
        "?status=xyz",
        "?sozialraum=999999",
        "?partner=-5",
        "?q=a&q=b",
        "?handlungsfeld=%3Cscript%3E",
    ] {
        let body = get(query.into()).await;
        assert!(
            body.contains("wurden nicht berücksichtigt"),
            "hint for {query}"
        );
        assert!(!body.contains("<script>"));
    }
}

#[tokio::test]
async fn the_pages_issue_a_fixed_number_of_statements() {
    let app = TestApp::spawn().await;
    let small = network_with_choices(&app, HAMM, "Klein").await;
    let large = network_with_choices(&app, HAMM, "Groß").await;
    many_measures(&app, &small, 5).await;
    many_measures(&app, &large, 120).await;
    sqlx::query(
        "INSERT INTO measure_goals (network_id, measure_id, goal_id)
         SELECT m.network_id, m.id, g.id FROM measures m JOIN goals g ON g.network_id = m.network_id",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let client = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    for page in [
        "/massnahmen",
        "/massnahmen?status=laufend&handlungsfeld=gesundheit&sortierung=-kosten&seite=2",
        "/massnahmen.csv",
        "/massnahmen/neu",
        "/massnahmen/import",
        "/partner",
    ] {
        let mut counts = Vec::new();
        for network in [small.network, large.network] {
            let path = format!("/netzwerke/{network}{page}");
            let (statements, response) = queries::count(app.get(&client, &path)).await;
            assert_eq!(response.status(), 200, "{path}");
            counts.push(statements);
        }
        assert_eq!(
            counts[0], counts[1],
            "{page} grows with the data: {counts:?}"
        );
        assert!(counts[0] <= 6, "{page} issues {} statements", counts[0]);
    }
    // The detail of a measure with two goals.
    let id: i64 = sqlx::query_scalar("SELECT min(id) FROM measures WHERE network_id = $1")
        .bind(large.network)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let (statements, response) = queries::count(app.get(
        &client,
        &format!("/netzwerke/{}/massnahmen/{id}", large.network),
    ))
    .await;
    assert_eq!(response.status(), 200);
    assert!(statements <= 5, "detail: {statements}");
}

/// The hidden confirmation data of an import preview.
fn confirmation_data(body: &str) -> String {
    let start = body.find(r#"name="daten" value=""#).expect("confirm form") + 20;
    let end = start + body[start..].find('"').unwrap();
    body[start..end]
        .replace("&#43;", "+")
        .replace("&#61;", "=")
        .replace("&#47;", "/")
}

/// Every hidden field of an import preview's confirmation form.
fn confirmation_form(body: &str) -> Vec<(String, String)> {
    let start = body.find(r#"name="daten""#).expect("confirm form");
    let form_start = body[..start].rfind("<form").unwrap();
    let form_end = start + body[start..].find("</form>").unwrap();
    body[form_start..form_end]
        .split("<input")
        .skip(1)
        .filter(|input| input.contains(r#"type="hidden""#))
        .map(|input| {
            let attr = |name: &str| {
                let at = input.find(&format!(r#"{name}=""#)).unwrap() + name.len() + 2;
                input[at..at + input[at..].find('"').unwrap()]
                    .replace("&#43;", "+")
                    .replace("&#61;", "=")
                    .replace("&#47;", "/")
            };
            (attr("name"), attr("value"))
        })
        .collect()
}

/// A multipart/form-data body as a browser sends the upload form.
fn upload(file: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----KinderchancenTestGrenze7";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"datei\"; filename=\"m.csv\"\r\n\
         Content-Type: text/csv\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(
        format!(
            "\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"csv_inhalt\"\r\n\r\n\r\n--{boundary}--\r\n"
        )
        .as_bytes(),
    );
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[tokio::test]
async fn csv_export_and_import_round_trip() {
    let app = TestApp::spawn().await;
    let a = network_with_choices(&app, HAMM, "Präventionskette Hamm").await;
    let b = network_with_choices(&app, HAMM, "Zweites Netzwerk").await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let new = format!("/netzwerke/{}/massnahmen/neu", a.network);
    post(
        &app,
        &hamm,
        &new,
        &measure_form(&a, "Babybegrüßung; mit „Paket“", ""),
    )
    .await;
    let mut minimal = vec![
        ("title", "=Formel?".to_owned()),
        ("handlungsfelder", "wohnen".to_owned()),
        ("lebensphasen", "zehn_bis_sechzehn".to_owned()),
        ("zielgruppen", "leistungsbezug".to_owned()),
        ("status", "geplant".to_owned()),
    ];
    assert_eq!(post(&app, &hamm, &new, &minimal).await.status(), 303);
    minimal[0].1 = "Ferienprogramm".into();
    minimal.push(("annual_cost_euro", "0".into()));
    assert_eq!(post(&app, &hamm, &new, &minimal).await.status(), 303);

    let response = app
        .get(&hamm, &format!("/netzwerke/{}/massnahmen.csv", a.network))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let disposition = response.headers()["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\"massnahmen-praeventionskette-hamm-"),
        "{disposition}"
    );
    let exported = response.bytes().await.unwrap().to_vec();
    assert!(exported.starts_with(b"\xef\xbb\xbf"), "byte order mark");
    let text = String::from_utf8(exported.clone()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert!(lines[0].starts_with("\u{feff}Titel;Beschreibung;Handlungsfelder;Lebensphasen;"));
    assert!(lines[0].ends_with(";Ziele"));
    assert!(text.contains(
        "\"Babybegrüßung; mit „Paket“\";\"Hausbesuche nach der Geburt.\nMit Willkommenspaket.\";"
    ));
    assert!(
        text.contains(
            ";Frühkindliche Bildung und Betreuung, Gesundheit, Freizeit, Kultur und Sport;"
        )
    );
    assert!(text.contains(
        ";Mitte;Aufsuchend;ja;Jobcenter;Kommunal, Land;01.02.2024;31.12.2026;Laufend;1200;12500;"
    ));
    assert!(text.contains(";Gutes Aufwachsen, gute Bildung, Frühe Hilfen stärken\r\n"));
    assert!(text.contains("'=Formel?;"), "formula guarded");
    assert!(text.contains(";Gesamte Kommune;;nein;;;;;Geplant;;0;"));

    // Import into the second network (same partners, Sozialräume and goals), uploaded as a file.
    let import = format!("/netzwerke/{}/massnahmen/import", b.network);
    let page = app.get(&hamm, &import).await.text().await.unwrap();
    assert!(page.contains("enctype=\"multipart/form-data\"") && page.contains("Vorschau anzeigen"));
    let (content_type, body) = upload(&exported);
    let response = hamm
        .post(app.at(&import))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let preview = response.text().await.unwrap();
    assert!(preview.contains("Alle 3 Zeilen sind in Ordnung."));
    assert!(preview.contains("Import bestätigen"));
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT count(*) FROM measures WHERE network_id = {}",
                b.network
            )
        )
        .await,
        0,
        "the preview writes nothing"
    );
    let response = hamm
        .post(app.at(&format!("{import}/bestaetigen")))
        .form(&confirmation_form(&preview))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.ends_with("/massnahmen?hinweis=importiert&anzahl=3"));
    let list = app.get(&hamm, &location).await.text().await.unwrap();
    assert!(list.contains("3 Maßnahmen wurden importiert."));

    let again = app
        .get(&hamm, &format!("/netzwerke/{}/massnahmen.csv", b.network))
        .await
        .bytes()
        .await
        .unwrap()
        .to_vec();
    assert_eq!(
        String::from_utf8(again).unwrap(),
        text,
        "lossless round trip"
    );
    let audited: i64 = count(
        &app,
        "SELECT count(*) FROM audit_log WHERE entity = 'measure' AND action = 'angelegt'",
    )
    .await;
    assert_eq!(audited, 6);
}

#[tokio::test]
async fn the_import_checks_every_row_and_writes_all_or_nothing() {
    let app = TestApp::spawn().await;
    let s = network_with_choices(&app, HAMM, "Netzwerk Hamm").await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let import = format!("/netzwerke/{}/massnahmen/import", s.network);
    let header = "Titel;Handlungsfelder;Lebensphasen;Zielgruppen;Status;Beginn;Ende;Verantwortlicher Partner;Sozialraum;Jährliche Kosten (Euro)";
    let good = "Lernpaten;Schulische Bildung;6 bis 10 Jahre;Alle Familien;Laufend;01.08.2024;;Jobcenter;Mitte;12.500";
    let bad = "Sprachcafé;Mond;6 bis 10 Jahre;Alle Familien;läuft;02.02.2025;01.01.2025;Unbekannt GmbH;Nirgendwo;viel";

    // Errors per row and column; no confirmation offered.
    let csv = format!("\u{feff}{header}\r\n{good}\r\n{bad}\r\n");
    let response = app.post(&hamm, &import, &[("csv_inhalt", &csv)]).await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("1 von 2 Zeilen enthält Fehler"), "{body}");
    for text in [
        "Zeile 3",
        "Unbekannter Wert „Mond“",
        "Unbekannter Status „läuft“",
        "Das Ende darf nicht vor dem Beginn liegen.",
        "Den Partner „Unbekannt GmbH“ gibt es in diesem Netzwerk nicht.",
        "Den Sozialraum „Nirgendwo“ gibt es in diesem Netzwerk nicht.",
        "Bitte eine ganze Zahl ab 0 angeben",
        "Jährliche Kosten (Euro)",
    ] {
        assert!(body.contains(text), "{text}");
    }
    assert!(!body.contains("Import bestätigen"));

    // A forged confirmation with the bad row is checked again: nothing is written.
    let forged = base64::engine::general_purpose::STANDARD.encode(&csv);
    let response = app
        .post(
            &hamm,
            &format!("{import}/bestaetigen"),
            &[("daten", &forged)],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert_eq!(count(&app, "SELECT count(*) FROM measures").await, 0);
    let response = app
        .post(
            &hamm,
            &format!("{import}/bestaetigen"),
            &[("daten", "%%kaputt")],
        )
        .await;
    assert_eq!(response.status(), 400);

    // The confirmation checks against the network as it is then: a partner deleted between
    // preview and confirmation shows the preview again, and nothing is written.
    let csv = format!("{header}\n{good}\nZweite;Wohnen;0 bis 3 Jahre;Alle Familien;Geplant;;;;;\n");
    let response = app.post(&hamm, &import, &[("csv_inhalt", &csv)]).await;
    assert_eq!(response.status(), 200);
    let data = confirmation_data(&response.text().await.unwrap());
    sqlx::query("DELETE FROM partners WHERE id = $1")
        .bind(s.jobcenter)
        .execute(&app.pool)
        .await
        .unwrap();
    let response = app
        .post(&hamm, &format!("{import}/bestaetigen"), &[("daten", &data)])
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Den Partner „Jobcenter“ gibt es")
    );
    assert_eq!(count(&app, "SELECT count(*) FROM measures").await, 0);

    // Problems with the file as a whole, each with a German message.
    for (content, message) in [
        ("", "Bitte eine CSV-Datei auswählen oder ihren Inhalt"),
        (
            "Titel,Status\nA,Laufend\n",
            "nicht mit Semikolon getrennt, sondern mit Komma",
        ),
        (header, "enthält nur die Kopfzeile"),
        ("Titel;Farbe\nA;Rot", "Unbekannte Spalte „Farbe“"),
    ] {
        let response = app.post(&hamm, &import, &[("csv_inhalt", content)]).await;
        assert_eq!(response.status(), 422, "{message}");
        assert!(
            response.text().await.unwrap().contains(message),
            "{message}"
        );
    }
    let mut big = format!("{header}\r\n");
    while big.len() <= 1024 * 1024 {
        big.push_str(good);
        big.push_str("\r\n");
    }
    let (content_type, body) = upload(big.as_bytes());
    let response = hamm
        .post(app.at(&import))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Die Datei ist größer als 1 MB")
    );
    let response = hamm
        .post(app.at(&import))
        .header("content-type", "multipart/form-data; boundary=xyz")
        .body("kein multipart")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    // Above the general body limit (2 MiB) too, the import page says what is wrong.
    let (content_type, body) = upload(&vec![b'x'; 5 * 1000 * 1000]);
    let response = hamm
        .post(app.at(&import))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Die Datei ist größer als 1 MB")
    );
    // UTF-16 without byte order mark cannot be told from other encodings by its bytes alone.
    let utf16: Vec<u8> = format!("{header}\r\n{good}\r\n")
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let (content_type, body) = upload(&utf16);
    let response = hamm
        .post(app.at(&import))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("UTF-16 ohne Byte-Order-Mark"), "{body}");
    assert!(!body.contains("Unbekannte Spalte"));
    assert_eq!(count(&app, "SELECT count(*) FROM measures").await, 0);
}

#[tokio::test]
async fn an_import_is_confirmed_once() {
    let app = TestApp::spawn().await;
    let s = network_with_choices(&app, HAMM, "Netzwerk Hamm").await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let import = format!("/netzwerke/{}/massnahmen/import", s.network);
    let csv = "Titel;Handlungsfelder;Lebensphasen;Zielgruppen;Status\n\
               Lernpaten;Schulische Bildung;6 bis 10 Jahre;Alle Familien;Laufend\n";
    let response = app.post(&hamm, &import, &[("csv_inhalt", csv)]).await;
    assert_eq!(response.status(), 200);
    let preview = response.text().await.unwrap();
    let data = confirmation_data(&preview);
    let form = confirmation_form(&preview);
    let confirm = format!("{import}/bestaetigen");
    let first = hamm
        .post(app.at(&confirm))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 303);
    // The same confirmation again (double click, back button, replay) imports nothing.
    let second = hamm
        .post(app.at(&confirm))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(second.status(), 409);
    assert!(
        second
            .text()
            .await
            .unwrap()
            .contains("Dieser Import wurde bereits übernommen")
    );
    // Nor does the data without the preview's token.
    let forged = app.post(&hamm, &confirm, &[("daten", &data)]).await;
    assert_eq!(forged.status(), 409);
    assert_eq!(count(&app, "SELECT count(*) FROM measures").await, 1);
}

#[tokio::test]
async fn hostile_input_is_refused_or_escaped_never_an_error() {
    let app = TestApp::spawn().await;
    let s = network_with_choices(&app, HAMM, "Netzwerk Hamm").await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let base = format!("/netzwerke/{}/massnahmen", s.network);
    let script = "<script>alert('x')</script>";
    let response = post(
        &app,
        &hamm,
        &format!("{base}/neu"),
        &measure_form(&s, script, ""),
    )
    .await;
    assert_eq!(response.status(), 303);
    let id = measure_id(&app, script).await;
    for path in [
        base.clone(),
        format!("{base}/{id}"),
        format!("{base}/{id}/bearbeiten"),
    ] {
        let body = app.get(&hamm, &path).await.text().await.unwrap();
        assert!(!body.contains(script), "{path}");
        assert!(body.contains("&#60;script&#62;"), "{path}");
    }

    let long = "x".repeat(10_000);
    for (key, message) in [
        ("title", "Bitte höchstens 200 Zeichen eingeben."),
        ("description", "Bitte höchstens 5000 Zeichen eingeben."),
        ("participation", "Bitte höchstens 2000 Zeichen eingeben."),
        ("impact_outcome", "Bitte höchstens 1000 Zeichen eingeben."),
        ("reach_per_year", "Bitte eine ganze Zahl ab 0 angeben"),
        ("start_date", "Bitte ein gültiges Datum"),
        ("status", "Bitte einen Status auswählen."),
        ("sozialraum_id", "einen Sozialraum dieses Netzwerks"),
        (
            "handlungsfelder",
            "Bitte nur Werte aus der Liste auswählen.",
        ),
    ] {
        let form = with(&measure_form(&s, "Lang", ""), key, &long);
        let response = post(&app, &hamm, &format!("{base}/neu"), &form).await;
        assert_eq!(response.status(), 422, "{key}");
        assert!(response.text().await.unwrap().contains(message), "{key}");
    }
    let form = with(
        &measure_form(&s, "Steuer", ""),
        "impact_input",
        "a\u{0}b\u{1b}c",
    );
    let response = post(&app, &hamm, &format!("{base}/neu"), &form).await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Bitte keine Steuerzeichen eingeben.")
    );
    let form = with(
        &measure_form(&s, "Zeilen\numbruch", ""),
        "reach_per_year",
        "99999999999",
    );
    let response = post(&app, &hamm, &format!("{base}/neu"), &form).await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Der Titel muss in eine Zeile passen."));
    assert!(body.contains("Bitte eine Zahl bis höchstens 2.147.483.647 angeben."));

    // Forms no browser sends: a client error, never a server error.
    let mut twice = measure_form(&s, "Doppelt", "");
    twice.push(("title", "Nochmal".into()));
    let status = post(&app, &hamm, &format!("{base}/neu"), &twice)
        .await
        .status();
    assert!(status.is_client_error(), "{status}");
    let status = hamm
        .post(app.at(&format!("{base}/neu")))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("title=%FF%FE&status=%")
        .send()
        .await
        .unwrap()
        .status();
    assert!(status.is_client_error(), "{status}");
    for path in [
        format!("{base}/abc"),
        format!("{base}/99999999999999999999"),
        format!("{base}/-1/bearbeiten"),
    ] {
        let status = app.get(&hamm, &path).await.status();
        assert!(status == 400 || status == 404, "{path}: {status}");
    }
    assert_eq!(count(&app, "SELECT count(*) FROM measures").await, 1);
}

/// A partner, Sozialraum or goal removed while the form was open becomes a message at its
/// field: the names in `CHOSEN_REFERENCES` are the ones PostgreSQL gave the foreign keys.
#[tokio::test]
async fn removed_choices_are_messages_at_their_fields() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Präventionskette Hamm").await;
    let field_of = |result: sqlx::Result<sqlx::postgres::PgQueryResult>| {
        let errors = result
            .on_constraint(CHOSEN_REFERENCES, "weg")
            .expect("a chosen reference")
            .expect_err("refused");
        errors.iter().map(|e| e.field).collect::<Vec<_>>()
    };
    let partner = sqlx::query(
        "INSERT INTO measures (network_id, title, status, partner_id)
         VALUES ($1, 'M', 'laufend', 999999)",
    )
    .bind(network)
    .execute(&app.pool)
    .await;
    assert_eq!(field_of(partner), ["partner_id"]);
    let sozialraum = sqlx::query(
        "INSERT INTO measures (network_id, title, status, sozialraum_id)
         VALUES ($1, 'M', 'laufend', 999999)",
    )
    .bind(network)
    .execute(&app.pool)
    .await;
    assert_eq!(field_of(sozialraum), ["sozialraum_id"]);
    let measure: i64 = sqlx::query_scalar(
        "INSERT INTO measures (network_id, title, status) VALUES ($1, 'M', 'laufend')
         RETURNING id",
    )
    .bind(network)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let goal = sqlx::query(
        "INSERT INTO measure_goals (network_id, measure_id, goal_id) VALUES ($1, $2, 999999)",
    )
    .bind(network)
    .bind(measure)
    .execute(&app.pool)
    .await;
    assert_eq!(field_of(goal), ["goal_ids"]);
    // Any other violation stays an error.
    let status = sqlx::query(
        "INSERT INTO measures (network_id, title, status) VALUES ($1, 'M', 'unbekannt')",
    )
    .bind(network)
    .execute(&app.pool)
    .await;
    assert!(status.on_constraint(CHOSEN_REFERENCES, "weg").is_err());
}

#[tokio::test]
async fn a_chunked_paste_over_the_body_limit_gets_the_size_message() {
    let app = TestApp::spawn().await;
    let s = network_with_choices(&app, HAMM, "Netzwerk Hamm").await;
    app.create_user("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let login = app.login(&app.client, "k@hamm.de", PASSWORD).await;
    let cookie = session_cookie(&login).unwrap();
    let cookie = cookie.split(';').next().unwrap();
    let import = format!("/netzwerke/{}/massnahmen/import", s.network);
    let response = post_chunked(&app, &import, Some(cookie), 3).await;
    assert!(response.starts_with("HTTP/1.1 413"), "{response}");
    assert!(response.contains("Die Datei ist größer als 1 MB"));
    assert_eq!(count(&app, "SELECT count(*) FROM measures").await, 0);
}
