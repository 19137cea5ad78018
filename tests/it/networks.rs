use kinderchancen::policy::Role;

use crate::support::TestApp;

pub const HAMM: &str = "05915";
pub const DETMOLD: &str = "05766020";
pub const TUEBINGEN: &str = "08416041";

fn network_form<'a>(name: &'a str, version: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("anchoring", "jugendhilfeplanung"),
        ("description", "Alle Kinder sollen gut aufwachsen."),
        ("mandate_date", "12.03.2019"),
        ("sozialraeume", "Hamm-Mitte\nHamm-Herringen"),
        ("contact_email", "praevention@hamm.de"),
        ("version", version),
    ]
}

#[tokio::test]
async fn a_coordinator_creates_and_edits_the_network() {
    let app = TestApp::spawn().await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;

    // Rejected: messages at the fields, input kept.
    let response = app
        .post(
            &hamm,
            "/netzwerke/neu",
            &[
                ("name", ""),
                ("anchoring", "rathaus"),
                ("mandate_date", "31.02.2019"),
                ("description", "<b>fett</b>"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Bitte einen Namen für das Netzwerk angeben."));
    assert!(body.contains("Bitte die Verankerung der Koordination auswählen."));
    assert!(body.contains("Bitte ein gültiges Datum im Format TT.MM.JJJJ angeben"));
    assert!(body.contains("31.02.2019") && body.contains("&#60;b&#62;fett&#60;/b&#62;"));

    // A coordinator cannot create a network for another municipality by naming it.
    let mut form = network_form("Präventionskette Hamm", "");
    form.push(("kommune_ags", DETMOLD));
    let response = app.post(&hamm, "/netzwerke/neu", &form).await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let (path, notice) = location.split_once('?').unwrap();
    assert_eq!(notice, "hinweis=angelegt");
    let id: i64 = path.rsplit('/').next().unwrap().parse().unwrap();
    let ags: String = sqlx::query_scalar("SELECT kommune_ags FROM networks WHERE id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(ags, HAMM);

    let overview = app.get(&hamm, &location).await.text().await.unwrap();
    assert!(overview.contains("Präventionskette Hamm") && overview.contains("12.03.2019"));
    assert!(overview.contains("Das Netzwerk wurde angelegt."));
    assert!(overview.contains("Hamm-Herringen, Hamm-Mitte"));
    let start = app.get(&hamm, "/").await.text().await.unwrap();
    assert!(start.contains("Präventionskette Hamm"));

    // Edit at version 1, then a second edit still at version 1 is refused.
    let edit = format!("/netzwerke/{id}/bearbeiten");
    let response = app
        .post(
            &hamm,
            &edit,
            &network_form("Präventionskette Hamm 2.0", "1"),
        )
        .await;
    assert_eq!(response.status(), 303);
    let response = app
        .post(&hamm, &edit, &network_form("Überschreiben?", "1"))
        .await;
    assert_eq!(response.status(), 409);
    let body = response.text().await.unwrap();
    assert!(body.contains("wurde inzwischen von jemand anderem geändert"));
    assert!(
        body.contains("Präventionskette Hamm 2.0"),
        "stored value shown"
    );
    assert!(body.contains(r#"value="Überschreiben?""#), "input kept");
    let name: String = sqlx::query_scalar("SELECT name FROM networks WHERE id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(name, "Präventionskette Hamm 2.0");

    let history = app.get(&hamm, &edit).await.text().await.unwrap();
    assert!(history.contains("Netzwerk geändert"));
    assert!(history.contains("Name: „Präventionskette Hamm“ → „Präventionskette Hamm 2.0“"));
}

#[tokio::test]
async fn networks_are_read_and_changed_only_within_scope() {
    let app = TestApp::spawn().await;
    let hamm_network = app.create_network(HAMM, "Netzwerk Hamm").await;
    let detmold_network = app.create_network(DETMOLD, "Netzwerk Detmold").await;
    let tuebingen_network = app.create_network(TUEBINGEN, "Netzwerk Tübingen").await;

    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let admin = app.signed_in("a@admin.de", Role::Admin, None, None).await;

    let start = app.get(&bund, "/").await.text().await.unwrap();
    assert!(
        start.contains("Alle Präventionsnetzwerke (3)"),
        "the Bund's start page counts every network"
    );

    // (client, network, may read, may edit)
    let cases = [
        (&hamm, hamm_network, true, true),
        (&hamm, detmold_network, false, false),
        (&hamm, tuebingen_network, false, false),
        (&nrw, hamm_network, true, false),
        (&nrw, detmold_network, true, false),
        (&nrw, tuebingen_network, false, false),
        (&bund, tuebingen_network, true, false),
        (&admin, detmold_network, true, true),
    ];
    for (client, id, may_read, may_edit) in cases {
        let read = app.get(client, &format!("/netzwerke/{id}")).await.status();
        assert_eq!(read == 200, may_read, "read {id}: {read}");
        if !may_read {
            assert_eq!(read, 403);
        }
        for path in [
            format!("/netzwerke/{id}/bearbeiten"),
            format!("/netzwerke/{id}/loeschen"),
        ] {
            let status = app.get(client, &path).await.status();
            assert_eq!(status == 200, may_edit, "GET {path}: {status}");
        }
        let status = app
            .post(
                client,
                &format!("/netzwerke/{id}/bearbeiten"),
                &network_form("Übernommen", "1"),
            )
            .await
            .status();
        assert_eq!(status == 303, may_edit, "POST edit {id}: {status}");
        if !may_edit {
            assert_eq!(status, 403);
        }
    }
    let names: Vec<String> = sqlx::query_scalar("SELECT name FROM networks ORDER BY id")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        names,
        ["Übernommen", "Übernommen", "Netzwerk Tübingen"],
        "only Hamm (own) and admin (Detmold) changed"
    );

    // Deleting someone else's network by form is refused.
    let status = app
        .post(
            &hamm,
            &format!("/netzwerke/{tuebingen_network}/loeschen"),
            &[("version", "1")],
        )
        .await
        .status();
    assert_eq!(status, 403);
    assert_eq!(app.get(&hamm, "/netzwerke/999999").await.status(), 404);

    // Lists show what one may read.
    let list = app.get(&nrw, "/netzwerke").await.text().await.unwrap();
    assert!(
        list.contains(&format!("/netzwerke/{hamm_network}\""))
            && list.contains(&format!("/netzwerke/{detmold_network}\""))
    );
    assert!(!list.contains("Netzwerk Tübingen"));
    let list = app.get(&hamm, "/netzwerke").await.text().await.unwrap();
    assert!(!list.contains(&format!("/netzwerke/{detmold_network}\"")));
    assert_eq!(app.get(&nrw, "/netzwerke/neu").await.status(), 403);
    assert_eq!(
        app.get(&app.client, &format!("/netzwerke/{hamm_network}"))
            .await
            .status(),
        303,
        "anonymous: login"
    );
}

#[tokio::test]
async fn deleting_a_network_asks_first_and_checks_the_version() {
    let app = TestApp::spawn().await;
    let id = app.create_network(HAMM, "Netzwerk Hamm").await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let page = app
        .get(&hamm, &format!("/netzwerke/{id}/loeschen"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Wirklich löschen?") && page.contains("werden mitgelöscht"));
    sqlx::query("UPDATE networks SET version = 2 WHERE id = $1")
        .bind(id)
        .execute(&app.pool)
        .await
        .unwrap();
    let response = app
        .post(
            &hamm,
            &format!("/netzwerke/{id}/loeschen"),
            &[("version", "1")],
        )
        .await;
    assert_eq!(response.status(), 409, "stale delete refused");
    let response = app
        .post(
            &hamm,
            &format!("/netzwerke/{id}/loeschen"),
            &[("version", "2")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM networks")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(left, 0);
    assert!(
        app.audit_actions()
            .await
            .contains(&"netzwerk_geloescht".to_owned())
    );
}

#[tokio::test]
async fn admins_create_networks_for_any_municipality() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("a@admin.de", Role::Admin, None, None).await;
    let mut form = network_form("Netzwerk Halle", "");
    form.push(("kommune_ags", "99999"));
    let response = app.post(&admin, "/netzwerke/neu", &form).await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("keine Kommune im Verzeichnis")
    );
    form.pop();
    form.push(("kommune_ags", "15002"));
    assert_eq!(
        app.post(&admin, "/netzwerke/neu", &form).await.status(),
        303
    );
    let ags: String = sqlx::query_scalar("SELECT kommune_ags FROM networks")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(ags, "15002");
}
