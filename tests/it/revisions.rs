//! Pages that sum up a Land or the country keep their figures until the data changes
//! (`computed`, migration 0018): every write those pages read moves the revision of the Land
//! it touched, and a change shows at once, on every node.

use std::collections::BTreeMap;

use kinderchancen::config::Config;
use kinderchancen::policy::Role;

use crate::funding::{funding, program};
use crate::networks::{DETMOLD, HAMM, TUEBINGEN};
use crate::support::{TestApp, queries};

/// The keys whose revision moved while `write` ran; `revisions` reads (key, revision) rows.
async fn moved_in<K>(app: &TestApp, revisions: &'static str, write: &str) -> Vec<K>
where
    K: Ord + Send + Unpin + for<'r> sqlx::Decode<'r, sqlx::Postgres> + sqlx::Type<sqlx::Postgres>,
{
    let read = || async {
        sqlx::query_as::<_, (K, i64)>(revisions)
            .fetch_all(&app.pool)
            .await
            .unwrap()
            .into_iter()
            .collect::<BTreeMap<K, i64>>()
    };
    let before = read().await;
    sqlx::raw_sql(sqlx::AssertSqlSafe(write.to_owned()))
        .execute(&app.pool)
        .await
        .unwrap_or_else(|e| panic!("{write}: {e}"));
    read()
        .await
        .into_iter()
        .filter(|(key, revision)| before.get(key) != Some(revision))
        .map(|(key, _)| key)
        .collect()
}

/// The Länder whose revision moved while `write` ran.
async fn moved(app: &TestApp, write: &str) -> Vec<String> {
    moved_in(
        app,
        "SELECT land_code::text, revision FROM land_revisions",
        write,
    )
    .await
}

/// The networks whose revision moved while `write` ran (0: the data networks share).
async fn networks_moved(app: &TestApp, write: &str) -> Vec<i64> {
    moved_in(
        app,
        "SELECT network_id, revision FROM network_revisions",
        write,
    )
    .await
}

#[tokio::test]
async fn every_write_the_summaries_read_moves_the_revision_of_its_land() {
    let app = TestApp::spawn().await;
    let nrw = ["05".to_owned()];
    let hamm = app.create_network(HAMM, "Netzwerk Hamm").await;
    let tuebingen = app.create_network(TUEBINGEN, "Netzwerk Tübingen").await;
    let (program, aufbau, _) = program(&app, "05", "Kinderchancen NRW").await;
    let funded = funding(&app, hamm, program, aufbau, "2025-01-01").await;
    let writes = [
        format!("UPDATE networks SET is_public = true WHERE id = {hamm}"),
        format!(
            "INSERT INTO measures (network_id, title, handlungsfelder, lebensphasen, status)
             VALUES ({hamm}, 'Elterncafé', ARRAY['gesundheit'], ARRAY['drei_bis_sechs'], 'laufend')"
        ),
        format!("UPDATE measures SET status = 'beendet' WHERE network_id = {hamm}"),
        // The network list counts partners and goals.
        format!(
            "INSERT INTO partners (network_id, name, kind, ressort, network_role)
             VALUES ({hamm}, 'Jugendamt', 'jugendamt', 'jugend', 'steuerung')"
        ),
        format!("DELETE FROM partners WHERE network_id = {hamm}"),
        format!(
            "INSERT INTO goals (network_id, level, title, status)
             VALUES ({hamm}, 'kernziel', 'Gut aufwachsen', 'offen')"
        ),
        format!("UPDATE goals SET title = 'Gut leben' WHERE network_id = {hamm}"),
        format!("DELETE FROM measures WHERE network_id = {hamm}"),
        format!(
            "INSERT INTO indicators (network_id, name, unit) VALUES ({hamm}, 'Quote', 'prozent')"
        ),
        format!(
            "INSERT INTO indicator_values (indicator_id, period_date, value)
             SELECT id, DATE '2025-12-31', 12.5 FROM indicators WHERE network_id = {hamm}"
        ),
        format!("UPDATE funding_programs SET report_due_days = 60 WHERE id = {program}"),
        format!("UPDATE funding_phases SET name = 'Aufbauphase' WHERE id = {aufbau}"),
        format!("UPDATE phase_deliverables SET title = title || '.' WHERE phase_id = {aufbau}"),
        format!("UPDATE fundings SET status = 'bewilligt' WHERE id = {funded}"),
        format!(
            "INSERT INTO funding_deliverables (funding_id, phase_id, deliverable_id, evidence_text)
             SELECT {funded}, phase_id, id, 'Ratsbeschluss' FROM phase_deliverables
             WHERE phase_id = {aufbau}"
        ),
        format!(
            "INSERT INTO reports (funding_id, seq, kind, period_start, period_end, due_on, status, snapshot)
             VALUES ({funded}, 1, 'zwischenbericht', DATE '2025-01-01', DATE '2025-12-31',
                     DATE '2026-03-31', 'eingereicht', '{{}}')"
        ),
        format!("UPDATE reports SET status = 'angenommen' WHERE funding_id = {funded}"),
        format!("UPDATE kommunen SET name = name WHERE ags = '{HAMM}'"),
    ];
    for write in &writes {
        assert_eq!(moved(&app, write).await, nrw, "{write}");
    }
    assert_eq!(
        moved(
            &app,
            &format!("DELETE FROM networks WHERE id = {tuebingen}")
        )
        .await,
        ["08"],
        "a network's own Land only"
    );
    assert_eq!(
        moved(&app, "UPDATE networks SET name = name WHERE false").await,
        Vec::<String>::new(),
        "nothing written, nothing moved"
    );
    let everywhere = moved(
        &app,
        "UPDATE catalog_indicators SET name = name || ' ' WHERE id = (SELECT min(id) FROM catalog_indicators)",
    )
    .await;
    assert_eq!(everywhere.len(), 16, "the catalog is the whole country's");
    // The maps offer the most adopted published practices: writing a published entry moves
    // every Land; a draft moves none.
    let published = moved(
        &app,
        "UPDATE knowledge_entries SET title = title || ' '
         WHERE id = (SELECT min(id) FROM knowledge_entries WHERE status = 'veroeffentlicht')",
    )
    .await;
    assert_eq!(
        published.len(),
        16,
        "a published entry is the whole country's"
    );
    let withdrawn = moved(
        &app,
        "UPDATE knowledge_entries SET status = 'entwurf'
         WHERE id = (SELECT min(id) FROM knowledge_entries WHERE status = 'veroeffentlicht')",
    )
    .await;
    assert_eq!(
        withdrawn.len(),
        16,
        "a withdrawn entry leaves the maps' choices"
    );
    assert_eq!(
        moved(
            &app,
            "UPDATE knowledge_entries SET title = title || ' ' WHERE status = 'entwurf'"
        )
        .await,
        Vec::<String>::new(),
        "drafts are nobody's figures"
    );
}

#[tokio::test]
async fn a_change_shows_at_once_on_every_node() {
    let a = TestApp::spawn().await;
    let b = TestApp::serving(a.pool.clone(), Config::for_tests()).await;
    a.create_network(HAMM, "Netzwerk Hamm").await;
    let nrw = a.signed_in("l@nrw.de", Role::Land, None, Some("05")).await;
    let bund = a.signed_in("b@bund.de", Role::Bund, None, None).await;
    let shows = |app: &TestApp, client: &reqwest::Client, path: &'static str| {
        let (app, client) = (app.url.clone(), client.clone());
        async move {
            let response = client.get(format!("{app}{path}")).send().await.unwrap();
            assert_eq!(response.status(), 200, "{path}");
            response.text().await.unwrap()
        }
    };
    for node in [&a, &b] {
        let land = shows(node, &nrw, "/land/uebersicht").await;
        assert!(land.contains("1 von 1 Netzwerk<"), "{land}");
        let national = shows(node, &bund, "/bund/uebersicht").await;
        assert!(national.contains(">1 Netzwerke in 1 von 401"), "{national}");
    }
    // Kept: the second visit reads the session and the revision only (once, for the page's
    // figures and the map's choices).
    let (kept, _) = queries::count(a.get(&nrw, "/land/uebersicht")).await;
    assert_eq!(kept, 2);
    let (kept, _) = queries::count(a.get(&bund, "/bund/uebersicht")).await;
    assert_eq!(kept, 2);

    a.create_network(DETMOLD, "Netzwerk Detmold").await;
    for node in [&a, &b] {
        let land = shows(node, &nrw, "/land/uebersicht").await;
        assert!(land.contains("2 von 2 Netzwerken"), "{land}");
        let national = shows(node, &bund, "/bund/uebersicht").await;
        assert!(national.contains(">2 Netzwerke in 2 von 401"), "{national}");
    }
    // A network elsewhere changes the country's figures, not NRW's: NRW's stay kept.
    a.create_network(TUEBINGEN, "Netzwerk Tübingen").await;
    let (kept, _) = queries::count(a.get(&nrw, "/land/uebersicht")).await;
    assert_eq!(kept, 2);
    let national = shows(&b, &bund, "/bund/uebersicht").await;
    assert!(national.contains(">3 Netzwerke in 3 von 401"), "{national}");
}

#[tokio::test]
async fn every_write_a_networks_pages_show_moves_its_revision() {
    let app = TestApp::spawn().await;
    let hamm = app.create_network(HAMM, "Netzwerk Hamm").await;
    let detmold = app.create_network(DETMOLD, "Netzwerk Detmold").await;
    let (program, aufbau, _) = program(&app, "05", "Kinderchancen NRW").await;
    let funded = funding(&app, hamm, program, aufbau, "2025-01-01").await;
    let writes = [
        format!("UPDATE networks SET description = 'Neu' WHERE id = {hamm}"),
        format!("INSERT INTO sozialraeume (network_id, name) VALUES ({hamm}, 'Hamm-Mitte')"),
        format!(
            "INSERT INTO partners (network_id, name, kind, ressort, network_role)
             VALUES ({hamm}, 'Jugendamt', 'jugendamt', 'jugend', 'steuerung')"
        ),
        format!(
            "INSERT INTO measures (network_id, title, handlungsfelder, lebensphasen, status)
             VALUES ({hamm}, 'Elterncafé', ARRAY['gesundheit'], ARRAY['drei_bis_sechs'], 'laufend')"
        ),
        format!(
            "INSERT INTO goals (network_id, level, title, status)
             VALUES ({hamm}, 'kernziel', 'Gut aufwachsen', 'offen')"
        ),
        format!(
            "INSERT INTO measure_goals (network_id, measure_id, goal_id)
             SELECT {hamm}, m.id, g.id FROM measures m, goals g
             WHERE m.network_id = {hamm} AND g.network_id = {hamm}"
        ),
        format!(
            "INSERT INTO milestones (goal_id, title, due_on)
             SELECT id, 'Ratsbeschluss', DATE '2027-01-31' FROM goals WHERE network_id = {hamm}"
        ),
        format!(
            "INSERT INTO indicators (network_id, name, unit) VALUES ({hamm}, 'Quote', 'prozent')"
        ),
        format!(
            "INSERT INTO indicator_values (indicator_id, period_date, value)
             SELECT id, DATE '2025-12-31', 12.5 FROM indicators WHERE network_id = {hamm}"
        ),
        format!("UPDATE fundings SET status = 'bewilligt' WHERE id = {funded}"),
        format!(
            "INSERT INTO funding_deliverables (funding_id, phase_id, deliverable_id, evidence_text)
             SELECT {funded}, phase_id, id, 'Ratsbeschluss' FROM phase_deliverables
             WHERE phase_id = {aufbau}"
        ),
        format!(
            "INSERT INTO reports (funding_id, seq, kind, period_start, period_end, due_on, status, snapshot)
             VALUES ({funded}, 1, 'zwischenbericht', DATE '2025-01-01', DATE '2025-12-31',
                     DATE '2026-03-31', 'eingereicht', '{{}}')"
        ),
        format!(
            "INSERT INTO report_events (report_id, kind, actor_label)
             SELECT id, 'kommentar', 'Land' FROM reports WHERE funding_id = {funded}"
        ),
        format!("DELETE FROM milestones WHERE goal_id IN (SELECT id FROM goals WHERE network_id = {hamm})"),
        format!("DELETE FROM measures WHERE network_id = {hamm}"),
    ];
    for write in &writes {
        assert_eq!(networks_moved(&app, write).await, [hamm], "{write}");
    }
    let shared = [
        format!("UPDATE kommunen SET name = name WHERE ags = '{HAMM}'"),
        format!("UPDATE funding_programs SET report_due_days = 60 WHERE id = {program}"),
        format!("UPDATE funding_phases SET name = 'Aufbauphase' WHERE id = {aufbau}"),
        format!("UPDATE phase_deliverables SET title = title || '.' WHERE phase_id = {aufbau}"),
        "UPDATE users SET display_name = display_name || ' '".to_owned(),
        "UPDATE catalog_indicators SET name = name || ' ' WHERE id = (SELECT min(id) FROM catalog_indicators)".to_owned(),
    ];
    for write in &shared {
        assert_eq!(networks_moved(&app, write).await, [0], "{write}");
    }
    assert_eq!(
        networks_moved(
            &app,
            "UPDATE knowledge_entries SET title = title || ' '
             WHERE id = (SELECT min(id) FROM knowledge_entries WHERE status = 'veroeffentlicht')"
        )
        .await,
        [0],
        "a measure names the published practice it was taken over from"
    );
    assert_eq!(
        networks_moved(
            &app,
            "UPDATE knowledge_entries SET status = 'entwurf'
             WHERE id = (SELECT min(id) FROM knowledge_entries WHERE status = 'veroeffentlicht')"
        )
        .await,
        [0],
        "withdrawn"
    );
    assert_eq!(
        networks_moved(
            &app,
            "UPDATE knowledge_entries SET title = title || ' ' WHERE status = 'entwurf'"
        )
        .await,
        Vec::<i64>::new(),
        "drafts are nobody's"
    );
    assert_eq!(
        networks_moved(
            &app,
            &format!("UPDATE networks SET name = 'Detmold' WHERE id IN ({hamm}, {detmold})")
        )
        .await,
        [hamm, detmold],
        "one statement, both networks"
    );
    assert_eq!(
        networks_moved(&app, "UPDATE goals SET title = title WHERE false").await,
        Vec::<i64>::new(),
        "nothing written, nothing moved"
    );
}

#[tokio::test]
async fn a_kept_network_overview_shows_a_change_at_once() {
    let app = TestApp::spawn().await;
    let hamm = app.create_network(HAMM, "Netzwerk Hamm").await;
    let detmold = app.create_network(DETMOLD, "Netzwerk Detmold").await;
    let coordinator = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let path = format!("/netzwerke/{hamm}");
    let page = app.get(&coordinator, &path).await.text().await.unwrap();
    assert!(page.contains("Noch keine Ziele"), "{page}");
    // Kept: the session and the network's context with its revision.
    let (kept, _) = queries::count(app.get(&coordinator, &path)).await;
    assert_eq!(kept, 2);

    sqlx::query(
        "INSERT INTO goals (network_id, level, title, status) VALUES ($1, 'kernziel', 'Gut aufwachsen', 'offen')",
    )
    .bind(hamm)
    .execute(&app.pool)
    .await
    .unwrap();
    let page = app.get(&coordinator, &path).await.text().await.unwrap();
    assert!(page.contains("Gut aufwachsen"), "{page}");

    // Another network's change leaves this one kept.
    sqlx::query("UPDATE networks SET description = 'Neu' WHERE id = $1")
        .bind(detmold)
        .execute(&app.pool)
        .await
        .unwrap();
    let (kept, _) = queries::count(app.get(&coordinator, &path)).await;
    assert_eq!(kept, 2);
    // A change networks share (a Kommune's name) shows as well.
    sqlx::query("UPDATE kommunen SET name = 'Hamm (Westf.)' WHERE ags = $1")
        .bind(HAMM)
        .execute(&app.pool)
        .await
        .unwrap();
    let page = app.get(&coordinator, &path).await.text().await.unwrap();
    assert!(page.contains("Hamm (Westf.)"), "{page}");
}

#[tokio::test]
async fn a_networks_detail_pages_are_kept_until_its_data_changes() {
    let app = TestApp::spawn().await;
    let hamm = app.create_network(HAMM, "Netzwerk Hamm").await;
    let (measure, indicator): (i64, i64) = sqlx::query_as(
        "WITH m AS (INSERT INTO measures (network_id, title, handlungsfelder, lebensphasen, status)
                    VALUES ($1, 'Elterncafé', ARRAY['gesundheit'], ARRAY['drei_bis_sechs'], 'laufend')
                    RETURNING id),
              i AS (INSERT INTO indicators (network_id, name, unit) VALUES ($1, 'Quote', 'prozent')
                    RETURNING id)
         SELECT m.id, i.id FROM m, i",
    )
    .bind(hamm)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let coordinator = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let pages = [
        (format!("/netzwerke/{hamm}"), "1 Maßnahmen"),
        (format!("/netzwerke/{hamm}/ziele"), "Gut aufwachsen"),
        (
            format!("/netzwerke/{hamm}/massnahmen/{measure}"),
            "Elternfrühstück",
        ),
        (
            format!("/netzwerke/{hamm}/kennzahlen/{indicator}"),
            "Förderquote",
        ),
        (format!("/netzwerke/{hamm}/massnahmen"), "Elternfrühstück"),
        (
            format!("/netzwerke/{hamm}/massnahmen?status=beendet"),
            "Elternfrühstück",
        ),
        (
            format!("/netzwerke/{hamm}/bestandsaufnahme"),
            "Noch keine laufenden Maßnahmen",
        ),
    ];
    for (path, _) in &pages {
        app.get(&coordinator, path).await;
        let (kept, response) = queries::count(app.get(&coordinator, path)).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            kept, 2,
            "{path}: the session and the network's context only"
        );
    }
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "UPDATE measures SET title = 'Elternfrühstück', status = 'beendet' WHERE id = {measure};
         UPDATE indicators SET name = 'Förderquote' WHERE id = {indicator};
         INSERT INTO goals (network_id, level, title, status)
         VALUES ({hamm}, 'kernziel', 'Gut aufwachsen', 'offen');"
    )))
    .execute(&app.pool)
    .await
    .unwrap();
    for (path, changed) in &pages[1..] {
        let page = app.get(&coordinator, path).await.text().await.unwrap();
        assert!(page.contains(changed), "{path} shows the change: {page}");
    }
    // The public profile: one statement for a visitor once kept.
    let public = format!("/oeffentlich/netzwerke/{hamm}");
    sqlx::query("UPDATE networks SET is_public = true WHERE id = $1")
        .bind(hamm)
        .execute(&app.pool)
        .await
        .unwrap();
    app.get(&app.client, &public).await;
    let (kept, response) = queries::count(app.get(&app.client, &public)).await;
    assert_eq!(response.status(), 200, "{public}");
    assert_eq!(kept, 1, "{public}");
    sqlx::query(
        "INSERT INTO partners (network_id, name, kind, ressort, network_role)
         VALUES ($1, 'Familienbüro Hamm', 'jugendamt', 'jugend', 'steuerung')",
    )
    .bind(hamm)
    .execute(&app.pool)
    .await
    .unwrap();
    let page = app.get(&app.client, &public).await.text().await.unwrap();
    assert!(page.contains("Familienbüro Hamm"), "{page}");
    // A funding's page reads its network's context through the funding (for the policy);
    // the funding, its evidence, reports and the program's phases are kept.
    let (program, aufbau, _) = program(&app, "05", "Kinderchancen NRW").await;
    let funded = funding(&app, hamm, program, aufbau, "2025-01-01").await;
    let path = format!("/foerderungen/{funded}");
    app.get(&coordinator, &path).await;
    let (kept, response) = queries::count(app.get(&coordinator, &path)).await;
    assert_eq!(response.status(), 200, "{path}");
    assert_eq!(kept, 2, "{path}");
    sqlx::query("UPDATE fundings SET file_reference = 'AZ 42-17' WHERE id = $1")
        .bind(funded)
        .execute(&app.pool)
        .await
        .unwrap();
    let page = app.get(&coordinator, &path).await.text().await.unwrap();
    assert!(page.contains("AZ 42-17"), "{page}");
    let missing = format!("/foerderungen/{}", funded + 1000);
    assert_eq!(app.get(&coordinator, &missing).await.status(), 404);
    // Kept pages stay the reader's business: Detmold's coordinator is refused as before.
    let detmold = app
        .signed_in("k@detmold.de", Role::Kommune, Some(DETMOLD), None)
        .await;
    for path in pages.iter().map(|(path, _)| path).chain([&path]) {
        assert_eq!(app.get(&detmold, path).await.status(), 403, "{path}");
    }
}

#[tokio::test]
async fn a_kept_report_is_read_after_its_access_check_and_shows_a_change_at_once() {
    let app = TestApp::spawn().await;
    let hamm = app.create_network(HAMM, "Netzwerk Hamm").await;
    let (program, aufbau, _) = program(&app, "05", "Kinderchancen NRW").await;
    let funded = funding(&app, hamm, program, aufbau, "2025-01-01").await;
    let rid: i64 = sqlx::query_scalar(
        "INSERT INTO reports (funding_id, seq, kind, period_start, period_end, due_on, status, snapshot)
         VALUES ($1, 1, 'zwischenbericht', DATE '2025-01-01', DATE '2025-12-31',
                 DATE '2026-03-31', 'eingereicht', '{\"network\": \"Netzwerk Hamm\"}')
         RETURNING id",
    )
    .bind(funded)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let coordinator = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let nrw2 = app
        .signed_in("l2@nrw.de", Role::Land, None, Some("05"))
        .await;
    let path = format!("/berichte/{rid}");
    for reader in [&coordinator, &nrw] {
        app.get(reader, &path).await;
        let (kept, response) = queries::count(app.get(reader, &path)).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            kept, 2,
            "{path}: the session and the report's access with its revision"
        );
    }
    // What one reader wrote stays theirs although the page is kept: the officer who saved in
    // the report may not accept it, the other one may.
    sqlx::query(
        "INSERT INTO report_events (report_id, kind, user_id, actor_label, body)
         SELECT $1, 'gespeichert', id, email, 'Nachgetragen vom Land' FROM users WHERE email = 'l@nrw.de'",
    )
    .bind(rid)
    .execute(&app.pool)
    .await
    .unwrap();
    let page = app.get(&nrw, &path).await.text().await.unwrap();
    assert!(page.contains("Nachgetragen vom Land"), "{page}");
    assert!(page.contains("Vier-Augen-Prinzip") && !page.contains("Bericht annehmen"));
    let page = app.get(&nrw2, &path).await.text().await.unwrap();
    assert!(page.contains("Bericht annehmen") && !page.contains("Vier-Augen-Prinzip"));
    // A change of the network the report names shows at once; another network's does not
    // count against it.
    sqlx::query("UPDATE reports SET what_worked = 'Familienbüro eröffnet.' WHERE id = $1")
        .bind(rid)
        .execute(&app.pool)
        .await
        .unwrap();
    let page = app.get(&coordinator, &path).await.text().await.unwrap();
    assert!(page.contains("Familienbüro eröffnet."), "{page}");
    app.create_network(TUEBINGEN, "Netzwerk Tübingen").await;
    let (kept, _) = queries::count(app.get(&coordinator, &path)).await;
    assert_eq!(kept, 2);
    // Kept reports stay the reader's business: another Kommune and another Land are refused
    // before anything of the report is read, and no report is no page.
    let detmold = app
        .signed_in("k@detmold.de", Role::Kommune, Some(DETMOLD), None)
        .await;
    let bw = app.signed_in("l@bw.de", Role::Land, None, Some("08")).await;
    for stranger in [&detmold, &bw] {
        let (statements, response) = queries::count(app.get(stranger, &path)).await;
        assert_eq!(response.status(), 403);
        assert_eq!(statements, 2, "the session and the access check only");
    }
    let missing = format!("/berichte/{}", rid + 1000);
    assert_eq!(app.get(&nrw, &missing).await.status(), 404);
}

#[tokio::test]
async fn the_kept_goal_tree_shows_edit_links_only_to_those_who_may_edit() {
    let app = TestApp::spawn().await;
    let hamm = app.create_network(HAMM, "Netzwerk Hamm").await;
    let goal: i64 = sqlx::query_scalar(
        "WITH g AS (INSERT INTO goals (network_id, level, title, status)
                    VALUES ($1, 'kernziel', 'Gut aufwachsen', 'offen') RETURNING id),
              m AS (INSERT INTO milestones (goal_id, title, due_on)
                    SELECT id, 'Ratsbeschluss', DATE '2027-01-31' FROM g)
         SELECT id FROM g",
    )
    .bind(hamm)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let coordinator = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let path = format!("/netzwerke/{hamm}/ziele");
    let edit = format!("/netzwerke/{hamm}/ziele/{goal}/bearbeiten");
    // Each kept folded tree once, then again from what was kept.
    for _ in 0..2 {
        let page = app.get(&coordinator, &path).await.text().await.unwrap();
        assert!(page.contains(&edit) && !page.contains(" open>"), "{page}");
        assert!(page.contains(r#"name="offen" value="""#), "{page}");
        let page = app.get(&nrw, &path).await.text().await.unwrap();
        assert!(
            page.contains("Gut aufwachsen") && !page.contains(&edit),
            "{page}"
        );
    }
    // An unfolded view is the request's own.
    let page = app
        .get(&coordinator, &format!("{path}?offen={goal}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(&format!("id=\"ziel-{goal}\" open>")),
        "{page}"
    );
    assert!(
        page.contains(&format!(r#"name="offen" value="{goal}""#)),
        "{page}"
    );
}
