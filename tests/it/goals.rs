//! Goals (Kernziel → Mittelziel → Handlungsziel) with milestones: tree, progress, version
//! checks, deletion, scope, hostile input, CSV.

use kinderchancen::policy::Role;

use crate::networks::{DETMOLD, HAMM};
use crate::support::{TestApp, queries};

/// The goal id a successful create/edit redirects to (`…/ziele#ziel-7`).
pub fn goal_id(response: &reqwest::Response) -> i64 {
    assert_eq!(response.status(), 303, "expected a redirect");
    let location = response.headers()["location"].to_str().unwrap();
    location
        .rsplit("#ziel-")
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no goal id in {location}"))
}

pub async fn create_goal(
    app: &TestApp,
    client: &reqwest::Client,
    network: i64,
    parent: Option<i64>,
    title: &str,
) -> i64 {
    let parent = parent.map(|p| p.to_string()).unwrap_or_default();
    let response = app
        .post(
            client,
            &format!("/netzwerke/{network}/ziele/neu"),
            &[
                ("oberziel", parent.as_str()),
                ("title", title),
                ("description", "Beschreibung"),
                ("handlungsfeld", "gesundheit"),
                ("target_date", "31.12.2030"),
                ("status", "in_arbeit"),
            ],
        )
        .await;
    goal_id(&response)
}

async fn add_milestone(
    app: &TestApp,
    client: &reqwest::Client,
    network: i64,
    goal: i64,
    title: &str,
    due: &str,
    done: &str,
) -> reqwest::Response {
    app.post(
        client,
        &format!("/netzwerke/{network}/ziele/{goal}/meilensteine/neu"),
        &[("title", title), ("due_on", due), ("done_on", done)],
    )
    .await
}

async fn scalar(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_goal_tree_over_three_levels_with_rolled_up_progress() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Netzwerk Hamm").await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let list = format!("/netzwerke/{network}/ziele");
    let empty = app.get(&hamm, &list).await.text().await.unwrap();
    assert!(empty.contains("Noch keine Ziele erfasst."));

    let kern = create_goal(&app, &hamm, network, None, "Alle Kinder wachsen gesund auf").await;
    let mittel = create_goal(
        &app,
        &hamm,
        network,
        Some(kern),
        "Frühe Hilfen erreichen alle",
    )
    .await;
    let handlung = create_goal(&app, &hamm, network, Some(mittel), "Willkommensbesuche").await;
    let levels: Vec<String> =
        sqlx::query_scalar("SELECT level FROM goals WHERE network_id = $1 ORDER BY id")
            .bind(network)
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(levels, ["kernziel", "mittelziel", "handlungsziel"]);

    // A Handlungsziel has no children: refused with a German message, nothing written.
    let new_child = format!("/netzwerke/{network}/ziele/neu");
    let response = app
        .post(
            &hamm,
            &new_child,
            &[
                ("oberziel", &handlung.to_string()),
                ("title", "Zu tief"),
                ("status", "offen"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(
        body.contains("Ein Handlungsziel ist die unterste Ebene und kann keine Unterziele haben.")
    );
    assert!(body.contains(r#"value="Zu tief""#), "input kept");
    let response = app
        .get(&hamm, &format!("{new_child}?oberziel={handlung}"))
        .await;
    assert_eq!(response.status(), 422);
    assert_eq!(scalar(&app, "SELECT count(*) FROM goals").await, 3);
    // The form for a child preselects the parent.
    let body = app
        .get(&hamm, &format!("{new_child}?oberziel={kern}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(body.contains(&format!(
        r#"<option value="{kern}" selected>Kernziel: Alle Kinder wachsen gesund auf</option>"#
    )));

    // Milestones: one done, one overdue → 50 % for the Handlungsziel and, rolled up, its parents.
    let response = add_milestone(
        &app,
        &hamm,
        network,
        handlung,
        "Konzept beschlossen",
        "01.02.2020",
        "15.01.2020",
    )
    .await;
    assert_eq!(goal_id(&response), handlung);
    let response = add_milestone(
        &app,
        &hamm,
        network,
        handlung,
        "Erste Besuche",
        "2020-03-01",
        "",
    )
    .await;
    assert_eq!(response.status(), 303);
    let response = add_milestone(&app, &hamm, network, handlung, "", "30.02.2020", "gestern").await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Bitte einen Titel für den Meilenstein angeben."));
    assert!(body.contains("Bitte ein gültiges Datum im Format TT.MM.JJJJ angeben"));

    // The first page after the new milestones counts the user's tasks again, once (see
    // tests/it/tasks.rs); measured is every page view after it.
    app.get(&hamm, &list).await;
    let (statements, response) = queries::count(app.get(&hamm, &list)).await;
    let page = response.text().await.unwrap();
    assert_eq!(page.matches(r#"max="100" value="50""#).count(), 3, "{page}");
    assert_eq!(page.matches("50 %</span>").count(), 3);
    assert!(page.contains("Überfällig") && page.contains("app-milestone--overdue"));
    assert!(page.contains("Meilensteine (1 von 2 erledigt, 1 überfällig)"));
    assert!(page.contains("1 Meilenstein ist überfällig."));
    assert!(page.contains("fällig am 01.02.2020, erledigt am 15.01.2020"));
    assert!(page.contains("Handlungsfeld: Gesundheit") && page.contains("Zieldatum: 31.12.2030"));
    // Nested: the Handlungsziel's heading is an h4 inside the Mittelziel's list.
    assert!(page.contains(&format!(
        r#"<h4 class="kern-heading-small" id="ziel-{handlung}-titel">Willkommensbesuche</h4>"#
    )));
    let (k, m, h) = (
        page.find(&format!("id=\"ziel-{kern}\"")).unwrap(),
        page.find(&format!("id=\"ziel-{mittel}\"")).unwrap(),
        page.find(&format!("id=\"ziel-{handlung}\"")).unwrap(),
    );
    assert!(k < m && m < h);
    // No "add sub-goal" link for a Handlungsziel.
    assert!(!page.contains(&format!("oberziel={handlung}\"")));
    assert!(page.contains(&format!("oberziel={mittel}\"")));

    // More data, same number of statements.
    for i in 0..5 {
        let extra = create_goal(&app, &hamm, network, Some(kern), &format!("Mittelziel {i}")).await;
        add_milestone(&app, &hamm, network, extra, "M", "01.01.2031", "").await;
    }
    app.get(&hamm, &list).await;
    let (more, _) = queries::count(app.get(&hamm, &list)).await;
    assert_eq!(statements, more, "statements grow with the data");
    assert!(statements <= 6, "{statements} statements");

    // Marking the Mittelziel as reached makes it 100 %.
    let response = app
        .post(
            &hamm,
            &format!("/netzwerke/{network}/ziele/{mittel}/bearbeiten"),
            &[
                ("title", "Frühe Hilfen erreichen alle"),
                ("status", "erreicht"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(goal_id(&response), mittel);
    let page = app.get(&hamm, &list).await.text().await.unwrap();
    assert!(page.contains(r#"aria-label="Fortschritt: Frühe Hilfen erreichen alle">100 %"#));
    assert!(page.contains("Status: Erreicht"));
    let actions = app.audit_actions().await;
    assert!(actions.iter().filter(|a| *a == "angelegt").count() >= 5);
    assert!(actions.contains(&"geaendert".to_owned()));
}

#[tokio::test]
async fn stale_edits_are_refused_and_nothing_is_overwritten() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Netzwerk Hamm").await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let goal = create_goal(&app, &hamm, network, None, "Erster Titel").await;
    let edit = format!("/netzwerke/{network}/ziele/{goal}/bearbeiten");
    let form = |title: &'static str| {
        vec![
            ("title", title),
            ("status", "offen"),
            ("handlungsfeld", "wohnen"),
            ("version", "1"),
        ]
    };
    assert_eq!(
        app.post(&hamm, &edit, &form("Zweiter Titel"))
            .await
            .status(),
        303
    );
    let response = app.post(&hamm, &edit, &form("Dritter Titel")).await;
    assert_eq!(response.status(), 409);
    let body = response.text().await.unwrap();
    assert!(
        body.contains("Nicht gespeichert: das Ziel wurde inzwischen von jemand anderem geändert")
    );
    assert!(body.contains("Zweiter Titel"), "stored value shown");
    assert!(body.contains(r#"value="Dritter Titel""#), "input kept");
    assert!(
        body.contains(r#"name="version" value="2""#),
        "stored version"
    );
    let title: String = sqlx::query_scalar("SELECT title FROM goals WHERE id = $1")
        .bind(goal)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(title, "Zweiter Titel");
    let page = app.get(&hamm, &edit).await.text().await.unwrap();
    assert!(page.contains("Titel: „Erster Titel“ → „Zweiter Titel“"));
    assert!(page.contains("Handlungsfeld: „Gesundheit“ → „Wohnen“"));

    // Milestones too.
    let response = add_milestone(&app, &hamm, network, goal, "Beschluss", "01.06.2030", "").await;
    assert_eq!(response.status(), 303);
    let milestone: i64 = scalar(&app, "SELECT max(id) FROM milestones").await;
    let edit = format!("/netzwerke/{network}/meilensteine/{milestone}/bearbeiten");
    let form = |title: &'static str| {
        vec![
            ("title", title),
            ("due_on", "01.06.2030"),
            ("done_on", "02.06.2030"),
            ("version", "1"),
        ]
    };
    assert_eq!(
        app.post(&hamm, &edit, &form("Beschluss gefasst"))
            .await
            .status(),
        303
    );
    let response = app.post(&hamm, &edit, &form("Überholt")).await;
    assert_eq!(response.status(), 409);
    let body = response.text().await.unwrap();
    assert!(
        body.contains("der Meilenstein wurde inzwischen") && body.contains("Beschluss gefasst")
    );
    assert!(body.contains(r#"value="Überholt""#));
    let page = app.get(&hamm, &edit).await.text().await.unwrap();
    assert!(page.contains("Erledigt am: „“ → „02.06.2030“"), "{page}");
    // A stale delete is refused as well.
    let response = app
        .post(
            &hamm,
            &format!("/netzwerke/{network}/meilensteine/{milestone}/loeschen"),
            &[("version", "1")],
        )
        .await;
    assert_eq!(response.status(), 409);
    assert_eq!(scalar(&app, "SELECT count(*) FROM milestones").await, 1);
}

#[tokio::test]
async fn deleting_a_goal_explains_what_goes_and_what_stays() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Netzwerk Hamm").await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let kern = create_goal(&app, &hamm, network, None, "Kernziel A").await;
    let mittel = create_goal(&app, &hamm, network, Some(kern), "Mittelziel B").await;
    let handlung = create_goal(&app, &hamm, network, Some(mittel), "Handlungsziel C").await;
    let other = create_goal(&app, &hamm, network, None, "Anderes Kernziel").await;
    for goal in [mittel, handlung, other] {
        add_milestone(&app, &hamm, network, goal, "Schritt", "01.01.2030", "").await;
    }
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "INSERT INTO measures (network_id, title, status) VALUES ({network}, 'Lotsendienst', 'laufend');
         INSERT INTO measure_goals (network_id, measure_id, goal_id)
           SELECT {network}, id, {mittel} FROM measures UNION ALL SELECT {network}, id, {handlung} FROM measures;
         INSERT INTO indicators (network_id, goal_id, name, unit) VALUES ({network}, {handlung}, 'Quote', 'prozent');"
    )))
    .execute(&app.pool)
    .await
    .unwrap();

    let confirm = format!("/netzwerke/{network}/ziele/{kern}/loeschen");
    let page = app.get(&hamm, &confirm).await.text().await.unwrap();
    assert!(page.contains("Sie löschen das Kernziel „Kernziel A“."));
    assert!(page.contains("2 Unterziele werden mitgelöscht: „Mittelziel B“, „Handlungsziel C“."));
    assert!(page.contains("2 Meilensteine des Ziels und seiner Unterziele werden mitgelöscht."));
    assert!(page.contains(
        "1 verknüpfte Maßnahme bleibt erhalten, verliert aber die Verknüpfung mit diesen Zielen."
    ));
    assert!(page.contains(
        "1 verknüpfte Kennzahl bleibt bestehen, ist dann aber keinem Ziel mehr zugeordnet."
    ));
    let page = app
        .get(
            &hamm,
            &format!("/netzwerke/{network}/ziele/{other}/loeschen"),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Das Ziel hat keine Unterziele.")
            && page.contains("1 Meilenstein des Ziels wird mitgelöscht.")
    );
    assert!(page.contains("Mit diesem Ziel sind keine Maßnahmen verknüpft."));

    // Stale version: nothing deleted.
    sqlx::query("UPDATE goals SET version = 2 WHERE id = $1")
        .bind(kern)
        .execute(&app.pool)
        .await
        .unwrap();
    let response = app.post(&hamm, &confirm, &[("version", "1")]).await;
    assert_eq!(response.status(), 409);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Das Ziel wurde inzwischen geändert.")
    );
    assert_eq!(scalar(&app, "SELECT count(*) FROM goals").await, 4);
    let response = app.post(&hamm, &confirm, &[("version", "2")]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(scalar(&app, "SELECT count(*) FROM goals").await, 1);
    assert_eq!(scalar(&app, "SELECT count(*) FROM milestones").await, 1);
    assert_eq!(
        scalar(&app, "SELECT count(*) FROM measures").await,
        1,
        "measure stays"
    );
    assert_eq!(
        scalar(&app, "SELECT count(*) FROM measure_goals").await,
        0,
        "link gone"
    );
    assert_eq!(
        scalar(
            &app,
            "SELECT count(*) FROM indicators WHERE goal_id IS NULL"
        )
        .await,
        1,
        "indicator stays, without goal"
    );
    let old: serde_json::Value = sqlx::query_scalar(
        "SELECT old_values FROM audit_log WHERE action = 'geloescht' AND entity = 'goal'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(old["Titel"], "Kernziel A");
    assert_eq!(
        old["Mitgelöschte Unterziele"],
        serde_json::json!(["Mittelziel B", "Handlungsziel C"])
    );

    // Deleting a milestone asks first, too.
    let milestone: i64 = scalar(&app, "SELECT id FROM milestones").await;
    let confirm = format!("/netzwerke/{network}/meilensteine/{milestone}/loeschen");
    let page = app.get(&hamm, &confirm).await.text().await.unwrap();
    assert!(
        page.contains("Wirklich löschen?")
            && page.contains("Der Fortschritt des Ziels „Anderes Kernziel“")
    );
    assert_eq!(
        app.post(&hamm, &confirm, &[("version", "1")])
            .await
            .status(),
        303
    );
    assert_eq!(scalar(&app, "SELECT count(*) FROM milestones").await, 0);
}

#[tokio::test]
async fn goal_pages_are_read_and_changed_only_within_scope() {
    let app = TestApp::spawn().await;
    let hamm_network = app.create_network(HAMM, "Netzwerk Hamm").await;
    let detmold_network = app.create_network(DETMOLD, "Netzwerk Detmold").await;
    let detmold_goal: i64 = sqlx::query_scalar(
        "INSERT INTO goals (network_id, level, title, status) VALUES ($1, 'kernziel', 'Detmolder Ziel', 'offen') RETURNING id",
    )
    .bind(detmold_network)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let detmold_milestone: i64 = sqlx::query_scalar(
        "INSERT INTO milestones (goal_id, title, due_on) VALUES ($1, 'Detmolder Meilenstein', '2030-01-01') RETURNING id",
    )
    .bind(detmold_goal)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let bw = app.signed_in("l@bw.de", Role::Land, None, Some("08")).await;
    let hamm_goal = create_goal(&app, &hamm, hamm_network, None, "Hammer Ziel").await;

    let base = format!("/netzwerke/{detmold_network}");
    let reads = [format!("{base}/ziele"), format!("{base}/ziele.csv")];
    let forms = [
        format!("{base}/ziele/neu"),
        format!("{base}/ziele/neu?oberziel={detmold_goal}"),
        format!("{base}/ziele/{detmold_goal}/bearbeiten"),
        format!("{base}/ziele/{detmold_goal}/loeschen"),
        format!("{base}/ziele/{detmold_goal}/meilensteine/neu"),
        format!("{base}/meilensteine/{detmold_milestone}/bearbeiten"),
        format!("{base}/meilensteine/{detmold_milestone}/loeschen"),
    ];
    for path in reads.iter().chain(&forms) {
        assert_eq!(app.get(&hamm, path).await.status(), 403, "Hamm GET {path}");
        assert_eq!(app.get(&bw, path).await.status(), 403, "BW GET {path}");
    }
    for path in &reads {
        assert_eq!(app.get(&nrw, path).await.status(), 200, "NRW GET {path}");
    }
    for path in &forms {
        assert_eq!(app.get(&nrw, path).await.status(), 403, "NRW GET {path}");
    }
    let posts: [(String, Vec<(&str, &str)>); 8] = [
        (
            format!("{base}/ziele/neu"),
            vec![("title", "Übernommen"), ("status", "offen")],
        ),
        (
            format!("{base}/ziele/{detmold_goal}/bearbeiten"),
            vec![
                ("title", "Übernommen"),
                ("status", "offen"),
                ("version", "1"),
            ],
        ),
        (
            format!("{base}/ziele/{detmold_goal}/loeschen"),
            vec![("version", "1")],
        ),
        (
            format!("{base}/ziele/{detmold_goal}/meilensteine/neu"),
            vec![("title", "X"), ("due_on", "01.01.2030")],
        ),
        (
            format!("{base}/meilensteine/{detmold_milestone}/bearbeiten"),
            vec![("title", "X"), ("due_on", "01.01.2030"), ("version", "1")],
        ),
        (
            format!("{base}/meilensteine/{detmold_milestone}/loeschen"),
            vec![("version", "1")],
        ),
        (
            format!("{base}/meilensteine/{detmold_milestone}/erledigt"),
            vec![("version", "1")],
        ),
        (format!("{base}/ziele/{detmold_goal}/bearbeiten"), vec![]),
    ];
    for (path, form) in &posts {
        assert_eq!(
            app.post(&hamm, path, form).await.status(),
            403,
            "Hamm POST {path}"
        );
        assert_eq!(
            app.post(&nrw, path, form).await.status(),
            403,
            "NRW POST {path}"
        );
    }

    // Detmold's ids through Hamm's own network: not found, nothing written.
    let own = format!("/netzwerke/{hamm_network}");
    let response = app
        .post(
            &hamm,
            &format!("{own}/ziele/neu"),
            &[
                ("oberziel", &detmold_goal.to_string()),
                ("title", "Untergeschoben"),
                ("status", "offen"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Bitte ein Oberziel aus der Liste auswählen.")
    );
    for path in [
        format!("{own}/ziele/neu?oberziel={detmold_goal}"),
        format!("{own}/ziele/{detmold_goal}/bearbeiten"),
        format!("{own}/ziele/{detmold_goal}/loeschen"),
        format!("{own}/ziele/{detmold_goal}/meilensteine/neu"),
        format!("{own}/meilensteine/{detmold_milestone}/bearbeiten"),
        format!("{own}/meilensteine/{detmold_milestone}/loeschen"),
    ] {
        assert_eq!(app.get(&hamm, &path).await.status(), 404, "GET {path}");
    }
    let form = [
        ("title", "Übernommen"),
        ("status", "offen"),
        ("due_on", "01.01.2030"),
        ("version", "1"),
    ];
    for path in [
        format!("{own}/ziele/{detmold_goal}/bearbeiten"),
        format!("{own}/ziele/{detmold_goal}/loeschen"),
        format!("{own}/ziele/{detmold_goal}/meilensteine/neu"),
        format!("{own}/meilensteine/{detmold_milestone}/bearbeiten"),
        format!("{own}/meilensteine/{detmold_milestone}/loeschen"),
    ] {
        assert_eq!(
            app.post(&hamm, &path, &form).await.status(),
            404,
            "POST {path}"
        );
    }
    let detmold_titles: Vec<String> = sqlx::query_scalar(
        "SELECT title FROM goals WHERE network_id = $1 UNION ALL SELECT m.title FROM milestones m",
    )
    .bind(detmold_network)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(detmold_titles, ["Detmolder Ziel", "Detmolder Meilenstein"]);
    assert_eq!(
        scalar(
            &app,
            &format!("SELECT count(*) FROM goals WHERE network_id = {hamm_network}")
        )
        .await,
        1
    );

    // Garbage in URLs is a client error, never a 500.
    for path in [
        format!("{own}/ziele/abc/bearbeiten"),
        format!("{own}/ziele/neu?oberziel=abc"),
        format!("{own}/ziele/neu?oberziel=99999999999999999999999"),
        format!("{own}/meilensteine/-1/bearbeiten"),
        "/netzwerke/abc/ziele".into(),
    ] {
        let status = app.get(&hamm, &path).await.status();
        assert!(status.is_client_error(), "GET {path}: {status}");
    }
    assert_eq!(
        app.get(&hamm, &format!("{own}/ziele/{hamm_goal}/bearbeiten"))
            .await
            .status(),
        200
    );
    let anonymous = app.get(&app.client, &format!("{own}/ziele")).await;
    assert_eq!(anonymous.status(), 303);
    // Land users see the tree without edit links.
    let page = app
        .get(&nrw, &format!("{base}/ziele"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Detmolder Meilenstein") && !page.contains("/bearbeiten"));
}

#[tokio::test]
async fn hostile_input_is_escaped_or_refused() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Netzwerk Hamm").await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let hostile = "<script>alert('x')</script> & \"Zitat\"";
    let goal = create_goal(&app, &hamm, network, None, hostile).await;
    add_milestone(
        &app,
        &hamm,
        network,
        goal,
        "<img src=x onerror=alert(1)>",
        "01.01.2020",
        "",
    )
    .await;
    let page = app
        .get(&hamm, &format!("/netzwerke/{network}/ziele"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!page.contains("<script>alert") && !page.contains("<img src=x"));
    assert!(
        page.contains("&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62; &#38; &#34;Zitat&#34;")
    );

    let new = format!("/netzwerke/{network}/ziele/neu");
    let long = "x".repeat(10_000);
    for (field, value, message) in [
        (
            "title",
            long.as_str(),
            "Bitte höchstens 200 Zeichen eingeben.",
        ),
        (
            "title",
            "zwei\nZeilen",
            "Bitte den Titel in einer Zeile eingeben.",
        ),
        (
            "title",
            "Null\u{0}Byte",
            "Bitte keine Steuerzeichen eingeben.",
        ),
        (
            "description",
            "Escape \u{1b}[31m",
            "Bitte keine Steuerzeichen eingeben.",
        ),
        (
            "description",
            &"y".repeat(10_000),
            "Bitte höchstens 5000 Zeichen eingeben.",
        ),
        (
            "handlungsfeld",
            "'; DROP TABLE goals; --",
            "Bitte ein Handlungsfeld aus der Liste auswählen.",
        ),
        ("status", "<b>", "Bitte einen Status auswählen."),
        ("target_date", "99.99.9999", "Bitte ein gültiges Datum"),
        (
            "oberziel",
            "99999999999999999999999",
            "Bitte ein Oberziel aus der Liste auswählen.",
        ),
    ] {
        let mut form = vec![("title", "Gültig"), ("status", "offen")];
        form.retain(|(k, _)| *k != field);
        form.push((field, value));
        let response = app.post(&hamm, &new, &form).await;
        assert_eq!(response.status(), 422, "{field}");
        let body = response.text().await.unwrap();
        assert!(body.contains(message), "{field}: {message}");
    }
    let response = app
        .post(
            &hamm,
            &format!("/netzwerke/{network}/ziele/{goal}/meilensteine/neu"),
            &[("title", &long), ("due_on", "1.1.1"), ("done_on", "\u{0}")],
        )
        .await;
    assert_eq!(response.status(), 422);
    // A garbled version never matches: a conflict, not an error.
    let response = app
        .post(
            &hamm,
            &format!("/netzwerke/{network}/ziele/{goal}/bearbeiten"),
            &[("title", "Neu"), ("status", "offen"), ("version", "<x>")],
        )
        .await;
    assert_eq!(response.status(), 409);
    assert_eq!(scalar(&app, "SELECT count(*) FROM goals").await, 1);
}

#[tokio::test]
async fn the_goal_tree_exports_as_csv() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Netzwerk Hamm").await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let kern = create_goal(&app, &hamm, network, None, "Gesund aufwachsen").await;
    let mittel = create_goal(&app, &hamm, network, Some(kern), "=Frühe Hilfen; überall").await;
    add_milestone(
        &app,
        &hamm,
        network,
        mittel,
        "Konzept",
        "01.02.2020",
        "15.01.2020",
    )
    .await;
    add_milestone(&app, &hamm, network, mittel, "Start", "01.03.2031", "").await;
    let response = app
        .get(&hamm, &format!("/netzwerke/{network}/ziele.csv"))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains(&format!("ziele-netzwerk-{network}.csv"))
    );
    let body = response.text().await.unwrap();
    let lines: Vec<&str> = body.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{feff}Ebene;Titel;Oberziel;Handlungsfeld;Status;Zieldatum;Fortschritt (%);Meilensteine"
    );
    assert_eq!(
        lines[1],
        "Kernziel;Gesund aufwachsen;;Gesundheit;In Arbeit;31.12.2030;50;"
    );
    assert_eq!(
        lines[2],
        "Mittelziel;\"'=Frühe Hilfen; überall\";Gesund aufwachsen;Gesundheit;In Arbeit;31.12.2030;50;\
         \"Konzept (fällig 01.02.2020, erledigt 15.01.2020); Start (fällig 01.03.2031)\""
    );
    assert_eq!(lines.len(), 4, "{body}");
}

/// The tree is folded unless asked: `?offen=ueberfaellig` unfolds the goals with overdue
/// milestones (and those above them), `?offen=<id>` one goal. A milestone is ticked done in
/// place with its version; a stale tick changes nothing; only the own network's editors tick.
#[tokio::test]
async fn the_folded_tree_and_ticking_a_milestone_done_in_place() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Netzwerk Hamm").await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let detmold = app
        .signed_in("k@detmold.de", Role::Kommune, Some(DETMOLD), None)
        .await;
    let kern = create_goal(&app, &hamm, network, None, "Gesund aufwachsen").await;
    let mittel = create_goal(&app, &hamm, network, Some(kern), "Frühe Hilfen").await;
    let other = create_goal(&app, &hamm, network, None, "Bildung von Anfang an").await;
    let response = add_milestone(&app, &hamm, network, mittel, "Konzept", "01.02.2020", "").await;
    assert_eq!(response.status(), 303);
    assert!(
        response.headers()["location"]
            .to_str()
            .unwrap()
            .ends_with(&format!(
                "?offen={mittel}&hinweis=meilenstein-angelegt#ziel-{mittel}"
            ))
    );
    let milestone = scalar(&app, "SELECT max(id) FROM milestones").await;
    let list = format!("/netzwerke/{network}/ziele");

    let folded = app.get(&hamm, &list).await.text().await.unwrap();
    assert_eq!(folded.matches("<details").count(), 3);
    assert!(!folded.contains(" open>"), "nothing unfolded");
    assert!(folded.contains("1 Meilenstein ist überfällig."));
    assert!(folded.contains(&format!(r#"href="{list}?offen=ueberfaellig#zielbaum""#)));
    assert!(
        folded.contains("1 Meilenstein überfällig</span>"),
        "counted at the Kernziel"
    );

    let unfolded = app
        .get(&hamm, &format!("{list}?offen=ueberfaellig"))
        .await
        .text()
        .await
        .unwrap();
    for goal in [kern, mittel] {
        assert!(
            unfolded.contains(&format!(r#"id="ziel-{goal}" open>"#)),
            "{goal}"
        );
    }
    assert!(!unfolded.contains(&format!(r#"id="ziel-{other}" open>"#)));
    let one = app
        .get(&hamm, &format!("{list}?offen={other}"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(one.matches(" open>").count(), 1);
    // Unknown values fold everything, without an error.
    assert_eq!(
        app.get(&hamm, &format!("{list}?offen=%3Cx%3E"))
            .await
            .status(),
        200
    );

    let tick = format!("/netzwerke/{network}/meilensteine/{milestone}/erledigt");
    assert_eq!(
        app.post(&detmold, &tick, &[("version", "1")])
            .await
            .status(),
        403
    );
    // The milestone through another network's path: not found.
    let detmold_network = app.create_network(DETMOLD, "Netzwerk Detmold").await;
    assert_eq!(
        app.post(
            &detmold,
            &format!("/netzwerke/{detmold_network}/meilensteine/{milestone}/erledigt"),
            &[("version", "1")]
        )
        .await
        .status(),
        404
    );
    let response = app
        .post(&hamm, &tick, &[("version", "1"), ("offen", "ueberfaellig")])
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers()["location"].to_str().unwrap(),
        format!("{list}?offen=ueberfaellig&ziel={mittel}&hinweis=erledigt#meilenstein-{milestone}")
    );
    let done: Option<time::Date> =
        sqlx::query_scalar("SELECT done_on FROM milestones WHERE id = $1")
            .bind(milestone)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(done, Some(kinderchancen::clock::today()));
    let page = app
        .get(
            &hamm,
            &format!("{list}?offen=ueberfaellig&ziel={mittel}&hinweis=erledigt"),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Der Meilenstein ist als erledigt eingetragen."));
    assert!(
        page.contains(&format!(r#"id="ziel-{mittel}" open>"#)),
        "its goal stays open"
    );
    assert!(!page.contains("überfällig."));
    assert!(
        !page.contains("Als erledigt markieren"),
        "no button on a done milestone"
    );
    // A stale tick: 409, nothing changed.
    let response = app.post(&hamm, &tick, &[("version", "1")]).await;
    assert_eq!(response.status(), 409);
    assert_eq!(
        scalar(
            &app,
            &format!("SELECT version::bigint FROM milestones WHERE id = {milestone}")
        )
        .await,
        2
    );
    assert_eq!(
        scalar(
            &app,
            "SELECT count(*) FROM audit_log WHERE entity = 'milestone' AND new_values->>'Erledigt am' <> ''"
        )
        .await,
        1,
        "the tick is in the history"
    );
}
