//! Partners of a network: create, list, edit with version check, delete with confirmation,
//! and access only within scope.

use kinderchancen::policy::Role;

use crate::networks::{DETMOLD, HAMM};
use crate::support::TestApp;

pub(crate) fn partner_form<'a>(name: &'a str, version: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("kind", "jobcenter"),
        ("ressort", "arbeit"),
        ("network_role", "steuerung"),
        ("contact", "jobcenter@hamm.de"),
        ("version", version),
    ]
}

async fn partner_id(app: &TestApp, name: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM partners WHERE name = $1")
        .bind(name)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_coordinator_manages_the_partners() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Netzwerk Hamm").await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let base = format!("/netzwerke/{network}/partner");

    // Rejected: messages at the fields, input kept and escaped.
    let response = app
        .post(
            &hamm,
            &format!("{base}/neu"),
            &[
                ("name", "<script>alert(1)</script>"),
                ("kind", "amt"),
                ("ressort", ""),
                ("network_role", "partner"),
                ("contact", "kein postfach@"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Bitte korrigieren Sie Ihre Angaben"));
    assert!(body.contains("Bitte die Art der Organisation auswählen."));
    assert!(body.contains("Bitte ein Ressort auswählen."));
    assert!(body.contains("Bitte eine gültige E-Mail-Adresse angeben"));
    assert!(body.contains("&#60;script&#62;alert(1)&#60;/script&#62;"));
    assert!(!body.contains("<script>alert(1)"));

    let response = app
        .post(
            &hamm,
            &format!("{base}/neu"),
            &partner_form("Jobcenter Hamm", ""),
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers()["location"],
        format!("{base}?hinweis=angelegt").as_str()
    );
    let id = partner_id(&app, "Jobcenter Hamm").await;

    // The same name again (any case) is refused with a message at the name.
    let response = app
        .post(
            &hamm,
            &format!("{base}/neu"),
            &partner_form("jobcenter hamm", ""),
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Einen Partner mit diesem Namen gibt es in diesem Netzwerk schon.")
    );

    let list = app.get(&hamm, &format!("{base}?hinweis=angelegt")).await;
    assert_eq!(list.status(), 200);
    let list = list.text().await.unwrap();
    assert!(list.contains("Der Partner wurde angelegt."));
    assert!(list.contains("Jobcenter Hamm") && list.contains("Mitglied der Steuerungsgruppe"));
    assert!(list.contains("Arbeit") && list.contains("jobcenter@hamm.de"));
    for order in ["art", "ressort", "rolle", "unsinn"] {
        assert_eq!(
            app.get(&hamm, &format!("{base}?sortierung={order}"))
                .await
                .status(),
            200
        );
    }

    // Edit, then a stale edit is refused and shows the stored values.
    let edit = format!("{base}/{id}/bearbeiten");
    let response = app
        .post(
            &hamm,
            &edit,
            &partner_form("Kommunales Jobcenter Hamm", "1"),
        )
        .await;
    assert_eq!(response.status(), 303);
    let response = app
        .post(&hamm, &edit, &partner_form("Überschreiben?", "1"))
        .await;
    assert_eq!(response.status(), 409);
    let body = response.text().await.unwrap();
    assert!(body.contains("wurde inzwischen von jemand anderem geändert"));
    assert!(
        body.contains("Kommunales Jobcenter Hamm"),
        "stored value shown"
    );
    assert!(body.contains(r#"value="Überschreiben?""#), "input kept");
    assert!(
        body.contains(r#"name="version" value="2""#),
        "stored version"
    );
    let name: String = sqlx::query_scalar("SELECT name FROM partners WHERE id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(name, "Kommunales Jobcenter Hamm");

    let page = app.get(&hamm, &edit).await.text().await.unwrap();
    assert!(page.contains("Verlauf") && page.contains("Geändert"));
    assert!(page.contains("Name: „Jobcenter Hamm“ → „Kommunales Jobcenter Hamm“"));

    // Deleting explains what happens to the partner's measures, and they stay.
    sqlx::query(
        "INSERT INTO measures (network_id, title, status, partner_id)
         VALUES ($1, 'Lotsendienst', 'laufend', $2), ($1, 'Sprechstunde', 'laufend', $2)",
    )
    .bind(network)
    .bind(id)
    .execute(&app.pool)
    .await
    .unwrap();
    let confirm = app
        .get(&hamm, &format!("{base}/{id}/loeschen"))
        .await
        .text()
        .await
        .unwrap();
    assert!(confirm.contains("Wirklich löschen?"));
    assert!(confirm.contains("für 2 Maßnahmen verantwortlich. Sie bleiben bestehen"));
    let response = app
        .post(&hamm, &format!("{base}/{id}/loeschen"), &[("version", "1")])
        .await;
    assert_eq!(response.status(), 409, "stale delete refused");
    let response = app
        .post(&hamm, &format!("{base}/{id}/loeschen"), &[("version", "2")])
        .await;
    assert_eq!(response.status(), 303);
    let (partners, orphans): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM partners), (SELECT count(*) FROM measures WHERE partner_id IS NULL)",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((partners, orphans), (0, 2));
    let actions: Vec<(String, String)> =
        sqlx::query_as("SELECT action, entity FROM audit_log WHERE entity = 'partner' ORDER BY id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    let actions: Vec<&str> = actions.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(actions, ["angelegt", "geaendert", "geloescht"]);
}

#[tokio::test]
async fn partners_are_read_and_changed_only_within_scope() {
    let app = TestApp::spawn().await;
    let hamm_network = app.create_network(HAMM, "Netzwerk Hamm").await;
    let detmold_network = app.create_network(DETMOLD, "Netzwerk Detmold").await;
    sqlx::query(
        "INSERT INTO partners (network_id, name, kind, ressort, network_role)
         VALUES ($1, 'Jugendamt Hamm', 'jugendamt', 'jugend', 'steuerung'),
                ($2, 'Jugendamt Lippe', 'jugendamt', 'jugend', 'steuerung')",
    )
    .bind(hamm_network)
    .bind(detmold_network)
    .execute(&app.pool)
    .await
    .unwrap();
    let hamm_partner = partner_id(&app, "Jugendamt Hamm").await;
    let detmold_partner = partner_id(&app, "Jugendamt Lippe").await;

    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let bw = app.signed_in("l@bw.de", Role::Land, None, Some("08")).await;

    // Hamm on Detmold's network: refused on every route.
    let d = format!("/netzwerke/{detmold_network}/partner");
    for path in [
        d.clone(),
        format!("{d}/neu"),
        format!("{d}/{detmold_partner}/bearbeiten"),
        format!("{d}/{detmold_partner}/loeschen"),
    ] {
        assert_eq!(app.get(&hamm, &path).await.status(), 403, "GET {path}");
    }
    for path in [
        format!("{d}/neu"),
        format!("{d}/{detmold_partner}/bearbeiten"),
    ] {
        let status = app
            .post(&hamm, &path, &partner_form("Übernommen", "1"))
            .await
            .status();
        assert_eq!(status, 403, "POST {path}");
    }
    let status = app
        .post(
            &hamm,
            &format!("{d}/{detmold_partner}/loeschen"),
            &[("version", "1")],
        )
        .await
        .status();
    assert_eq!(status, 403);

    // Detmold's partner through Hamm's own network: not found.
    let h = format!("/netzwerke/{hamm_network}/partner");
    for path in [
        format!("{h}/{detmold_partner}/bearbeiten"),
        format!("{h}/{detmold_partner}/loeschen"),
    ] {
        assert_eq!(app.get(&hamm, &path).await.status(), 404, "GET {path}");
    }
    let status = app
        .post(
            &hamm,
            &format!("{h}/{detmold_partner}/bearbeiten"),
            &partner_form("Übernommen", "1"),
        )
        .await
        .status();
    assert_eq!(status, 404);
    let status = app
        .post(
            &hamm,
            &format!("{h}/{detmold_partner}/loeschen"),
            &[("version", "1")],
        )
        .await
        .status();
    assert_eq!(status, 404);

    // The Land of NRW reads but does not write; Baden-Württemberg does not read.
    let list = app.get(&nrw, &h).await;
    assert_eq!(list.status(), 200);
    let list = list.text().await.unwrap();
    assert!(list.contains("Jugendamt Hamm"));
    assert!(!list.contains("Partner hinzufügen") && !list.contains("/bearbeiten"));
    for path in [
        format!("{h}/neu"),
        format!("{h}/{hamm_partner}/bearbeiten"),
        format!("{h}/{hamm_partner}/loeschen"),
    ] {
        assert_eq!(app.get(&nrw, &path).await.status(), 403, "GET {path}");
    }
    let status = app
        .post(
            &nrw,
            &format!("{h}/{hamm_partner}/bearbeiten"),
            &partner_form("Übernommen", "1"),
        )
        .await
        .status();
    assert_eq!(status, 403);
    let status = app
        .post(&nrw, &format!("{h}/neu"), &partner_form("Neu", ""))
        .await
        .status();
    assert_eq!(status, 403);
    assert_eq!(app.get(&bw, &h).await.status(), 403);

    let names: Vec<String> = sqlx::query_scalar("SELECT name FROM partners ORDER BY id")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        names,
        ["Jugendamt Hamm", "Jugendamt Lippe"],
        "nothing changed"
    );
    assert_eq!(
        app.get(&hamm, &format!("{h}/abc/bearbeiten"))
            .await
            .status(),
        400
    );
}
