//! Land funding: programs with phases, fundings with the deliverables checklist, the report
//! cycle with its frozen snapshot, the start page's tasks, and the Land overview — each with
//! who may do what, proven by URL and by form.

use kinderchancen::policy::Role;

use crate::networks::{DETMOLD, HAMM, TUEBINGEN};
use crate::support::{TestApp, queries};

/// A program of `land` with two phases (Aufbau 24 months with yearly and final reports and
/// two deliverables; Verstetigung 12, repeatable, final report only). Returns the program and
/// the phases' ids.
pub async fn program(app: &TestApp, land: &str, name: &str) -> (i64, i64, i64) {
    let program: i64 = sqlx::query_scalar(
        "INSERT INTO funding_programs (land_code, name, own_share_percent, report_due_days)
         VALUES ($1, $2, 10, 90) RETURNING id",
    )
    .bind(land)
    .bind(name)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let phase = |pos: i32,
                 name: &'static str,
                 months: i32,
                 repeatable: bool,
                 interval: Option<i32>| {
        let pool = app.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO funding_phases (program_id, position, name, duration_months, repeatable,
                                             report_interval_months, final_report)
                 VALUES ($1, $2, $3, $4, $5, $6, true) RETURNING id",
            )
            .bind(program)
            .bind(pos)
            .bind(name)
            .bind(months)
            .bind(repeatable)
            .bind(interval)
            .fetch_one(&pool)
            .await
            .unwrap()
        }
    };
    let aufbau = phase(1, "Aufbau", 24, false, Some(12)).await;
    let verstetigung = phase(2, "Verstetigung", 12, true, None).await;
    sqlx::query(
        "INSERT INTO phase_deliverables (phase_id, position, title)
         VALUES ($1, 1, 'Netzwerkkoordination benannt'), ($1, 2, 'Bestandsaufnahme'),
                ($2, 1, 'Ratsbeschluss zur Verstetigung')",
    )
    .bind(aufbau)
    .bind(verstetigung)
    .execute(&app.pool)
    .await
    .unwrap();
    (program, aufbau, verstetigung)
}

/// A granted funding of `network` in `phase` from `start` (ISO) for 24 months.
pub async fn funding(app: &TestApp, network: i64, program: i64, phase: i64, start: &str) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO fundings (network_id, program_id, phase_id, start_date, end_date,
                               granted_amount_euro, own_share_euro, status)
         VALUES ($1, $2, $3, $4::date, ($4::date + interval '24 months' - interval '1 day')::date,
                 180000, 20000, 'laufend') RETURNING id",
    )
    .bind(network)
    .bind(program)
    .bind(phase)
    .bind(start)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn land_officers_manage_their_programs_and_phases() {
    let app = TestApp::spawn().await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let bw = app.signed_in("l@bw.de", Role::Land, None, Some("08")).await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let tuebingen = app
        .signed_in("k@tue.de", Role::Kommune, Some(TUEBINGEN), None)
        .await;

    // Rejected: messages at the fields, input kept.
    let response = app
        .post(
            &nrw,
            "/foerderprogramme/neu",
            &[
                ("name", ""),
                ("own_share_percent", "120"),
                ("report_due_days", "viele"),
                ("legal_basis", "Förderrichtlinie <kinderstark>"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Bitte einen Namen für das Programm angeben."));
    assert!(body.contains("Bitte einen Eigenanteil zwischen 0 und 100 % angeben."));
    assert!(
        body.contains("Bitte die Berichtsfrist in Tagen als ganze Zahl von 0 bis 365 angeben.")
    );
    assert!(body.contains("Förderrichtlinie &#60;kinderstark&#62;"));

    let program_form = |version: &'static str| {
        [
            ("name", "kinderstark – NRW schafft Chancen"),
            ("legal_basis", "Förderrichtlinie kinderstark"),
            ("own_share_percent", "10"),
            ("integrated_planning_required", "ja"),
            ("report_due_days", "90"),
            ("version", version),
        ]
    };
    let response = app
        .post(&nrw, "/foerderprogramme/neu", &program_form(""))
        .await;
    let program = location(&response).replace("?hinweis=angelegt", "");
    assert!(
        app.followed(&nrw, response)
            .await
            .contains("Das Förderprogramm wurde angelegt.")
    );
    let id: i64 = program.rsplit('/').next().unwrap().parse().unwrap();
    let response = app
        .post(&nrw, &format!("{program}/bearbeiten"), &program_form("1"))
        .await;
    let page = app.followed(&nrw, response).await;
    assert!(page.contains("Die Änderungen am Förderprogramm wurden gespeichert."));
    assert!(!page.contains("Das Förderprogramm wurde angelegt."));

    // A phase with its deliverables and rhythm.
    let phase_form = |name: &'static str, version: &'static str| {
        vec![
            ("position", "1"),
            ("name", name),
            ("duration_months", "24"),
            ("report_interval", "12"),
            ("final_report", "ja"),
            (
                "deliverables",
                "Netzwerkkoordination benannt\nNetzwerkgruppe gebildet\nBestandsaufnahme\nBedarfsanalyse",
            ),
            ("version", version),
        ]
    };
    let response = app
        .post(
            &nrw,
            &format!("{program}/phasen/neu"),
            &phase_form("Aufbau", ""),
        )
        .await;
    let page = app.followed(&nrw, response).await;
    assert!(page.contains("Die Phase wurde angelegt."));
    assert!(page.contains("1. Aufbau") && page.contains("24 Monate"));
    assert!(page.contains("Jährlich, Abschlussbericht zum Phasenende"));
    assert!(page.contains("Bedarfsanalyse"));
    let phase: i64 = sqlx::query_scalar("SELECT id FROM funding_phases WHERE program_id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();

    // Another Land's officer and municipalities cannot change it, by URL or by form.
    for client in [&bw, &hamm] {
        assert_eq!(
            app.get(client, &format!("{program}/bearbeiten"))
                .await
                .status(),
            403
        );
        let response = app
            .post(
                client,
                &format!("{program}/phasen/{phase}/bearbeiten"),
                &phase_form("Übernommen", "1"),
            )
            .await;
        assert_eq!(response.status(), 403);
        assert_eq!(
            app.post(
                client,
                &format!("{program}/phasen/neu"),
                &phase_form("Neu", "")
            )
            .await
            .status(),
            403
        );
    }
    assert_eq!(
        app.post(
            &hamm,
            "/foerderprogramme/neu",
            &[("name", "Eigenes Programm")]
        )
        .await
        .status(),
        403
    );
    // The Land's municipalities read their Land's programs; others do not.
    assert_eq!(app.get(&hamm, &program).await.status(), 200);
    assert_eq!(app.get(&tuebingen, &program).await.status(), 403);
    assert_eq!(app.get(&bw, &program).await.status(), 403);
    let list = app
        .get(&bw, "/foerderprogramme")
        .await
        .text()
        .await
        .unwrap();
    assert!(!list.contains("kinderstark"));

    // Edit at version 1, then a stale edit: 409, stored values shown, nothing overwritten.
    let edit = format!("{program}/phasen/{phase}/bearbeiten");
    let response = app.post(&nrw, &edit, &phase_form("Aufbauphase", "1")).await;
    assert!(
        app.followed(&nrw, response)
            .await
            .contains("Die Änderungen an der Phase wurden gespeichert.")
    );
    let response = app
        .post(&nrw, &edit, &phase_form("Überschrieben", "1"))
        .await;
    assert_eq!(response.status(), 409);
    let body = response.text().await.unwrap();
    assert!(body.contains("wurde inzwischen von jemand anderem geändert"));
    assert!(body.contains("Aufbauphase") && body.contains(r#"value="Überschrieben""#));
    let history = app.get(&nrw, &edit).await.text().await.unwrap();
    assert!(history.contains("Name: „Aufbau“ → „Aufbauphase“"));
    let actions = app.audit_actions().await;
    assert!(actions.iter().filter(|a| *a == "angelegt").count() >= 2);
}

#[tokio::test]
async fn fundings_checklists_and_the_next_phase() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Präventionskette Hamm").await;
    let (program, aufbau, verstetigung) = program(&app, "05", "kinderstark").await;
    let (_, bw_phase, _) = program_bw(&app).await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let bw = app.signed_in("l@bw.de", Role::Land, None, Some("08")).await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let detmold = app
        .signed_in("k@detmold.de", Role::Kommune, Some(DETMOLD), None)
        .await;
    let new = format!("/netzwerke/{network}/foerderungen/neu");
    let aufbau_id = aufbau.to_string();
    let form = |phase: &str, own: &str| {
        vec![
            ("phase_id", phase.to_owned()),
            ("start_date", "01.01.2024".to_owned()),
            ("end_date", "".to_owned()),
            ("granted_amount_euro", "180.000".to_owned()),
            ("own_share_euro", own.to_owned()),
            ("status", "laufend".to_owned()),
            ("version", "".to_owned()),
        ]
    };
    let send = |client: &reqwest::Client, form: Vec<(&'static str, String)>| {
        let client = client.clone();
        let url = app.at(&new);
        async move { client.post(url).form(&form).send().await.unwrap() }
    };

    // Neither the municipality nor another Land records fundings: by URL and by form.
    for client in [&hamm, &bw] {
        assert_eq!(app.get(client, &new).await.status(), 403);
        assert_eq!(send(client, form(&aufbau_id, "20.000")).await.status(), 403);
    }
    // The own share is checked against the program; another Land's phase is refused.
    let response = send(&nrw, form(&aufbau_id, "5.000")).await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("mindestens 10 % der Gesamtkosten"));
    assert!(body.contains("mindestens 20.000 €"));
    let response = send(&nrw, form(&bw_phase.to_string(), "20.000")).await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Bitte eine Phase eines Förderprogramms Ihres Landes auswählen.")
    );
    let response = send(&nrw, form(&aufbau_id, "20.000")).await;
    let funding = location(&response).replace("?hinweis=angelegt", "");
    assert!(
        app.followed(&nrw, response)
            .await
            .contains("Die Förderung wurde angelegt.")
    );
    let fid: i64 = funding.rsplit('/').next().unwrap().parse().unwrap();
    let end: time::Date = sqlx::query_scalar("SELECT end_date FROM fundings WHERE id = $1")
        .bind(fid)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        end.to_string(),
        "2025-12-31",
        "end from the phase's 24 months"
    );
    // Aufbau cannot be repeated.
    let response = send(&nrw, form(&aufbau_id, "20.000")).await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("kann nicht wiederholt werden")
    );

    // The page: checklist and report schedule (yearly + final).
    let page = app.get(&hamm, &funding).await.text().await.unwrap();
    assert!(
        page.contains(r#"aria-current="page">Förderungen</a>"#),
        "the network's section stays marked"
    );
    assert!(page.contains("2 von 2 Nachweisen sind noch nicht bestätigt"));
    assert!(page.contains("Zwischenbericht 01.01.2024 bis 31.12.2024"));
    assert!(page.contains("Abschlussbericht 01.01.2025 bis 31.12.2025"));
    assert!(page.contains("31.03.2025"), "due 90 days after the period");
    // The network page shows its funding history.
    let overview = app
        .get(&hamm, &format!("/netzwerke/{network}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(overview.contains("kinderstark – Aufbau") && overview.contains("180.000"));
    // Another municipality sees nothing of it.
    assert_eq!(app.get(&detmold, &funding).await.status(), 403);
    assert_eq!(
        app.get(&detmold, &format!("/netzwerke/{network}/foerderungen"))
            .await
            .status(),
        403
    );

    // The municipality gives evidence; the Land may not (by URL and by form).
    let deliverable: i64 = sqlx::query_scalar(
        "SELECT id FROM phase_deliverables WHERE phase_id = $1 AND position = 1",
    )
    .bind(aufbau)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let evidence = format!("{funding}/nachweise/{deliverable}");
    assert_eq!(app.get(&nrw, &evidence).await.status(), 403);
    assert_eq!(
        app.post(
            &nrw,
            &evidence,
            &[("evidence_text", "vom Land eingetragen"), ("version", "0")]
        )
        .await
        .status(),
        403
    );
    assert_eq!(app.get(&detmold, &evidence).await.status(), 403);
    let response = app
        .post(
            &hamm,
            &evidence,
            &[
                ("evidence_text", ""),
                ("evidence_link", "ftp://x"),
                ("version", "0"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Bitte kurz den Beleg für den Nachweis angeben."));
    assert!(body.contains("vollständige Internetadresse"));
    let response = app
        .post(
            &hamm,
            &evidence,
            &[
                (
                    "evidence_text",
                    "Stelle Präventionsmanagement seit 01.03.2024 besetzt",
                ),
                ("evidence_link", "https://www.hamm.invalid/praevention"),
                ("evidence_date", "01.03.2024"),
                ("version", "0"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    // A second "first" evidence with version 0 is a conflict, nothing overwritten.
    let response = app
        .post(
            &hamm,
            &evidence,
            &[("evidence_text", "Überschrieben"), ("version", "0")],
        )
        .await;
    assert_eq!(response.status(), 409);

    // The Land's task, then the confirmation; the municipality cannot confirm.
    let start = app.get(&nrw, "/").await.text().await.unwrap();
    assert!(start.contains("1 Nachweis bestätigen: Präventionskette Hamm"));
    assert!(
        start.contains("eingereicht am") && start.contains("(heute)"),
        "{start}"
    );
    let confirm = format!("{evidence}/bestaetigen");
    assert_eq!(
        app.post(&hamm, &confirm, &[("version", "1")])
            .await
            .status(),
        403
    );
    assert_eq!(
        app.post(&nrw, &confirm, &[("version", "1")]).await.status(),
        303
    );
    assert_eq!(
        app.post(&nrw, &confirm, &[("version", "1")]).await.status(),
        409,
        "already confirmed"
    );
    let page = app.get(&nrw, &funding).await.text().await.unwrap();
    assert!(page.contains("Bestätigt") && page.contains("1 von 2 Nachweisen"));
    assert!(
        !app.get(&nrw, "/")
            .await
            .text()
            .await
            .unwrap()
            .contains("Nachweis bestätigen")
    );

    // The next phase: the form names what the current phase still lacks.
    let next = app
        .get(&nrw, &format!("{new}?anschluss={fid}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(next.contains("fehlen noch 1 bestätigte Nachweise"));
    assert!(next.contains("Bestandsaufnahme – Fehlt"));
    assert!(next.contains(&format!(r#"<option value="{verstetigung}" selected>"#)));
    assert!(
        next.contains(r#"value="2026-01-01""#),
        "starts after the last phase"
    );
    // The Land edits the funding (status), with a version; the municipality cannot.
    let edit = format!("{funding}/bearbeiten");
    let edit_form = [
        ("start_date", "01.01.2024"),
        ("end_date", "31.12.2025"),
        ("granted_amount_euro", "180000"),
        ("own_share_euro", "20000"),
        ("status", "abgeschlossen"),
        ("version", "1"),
    ];
    assert_eq!(app.post(&hamm, &edit, &edit_form).await.status(), 403);
    let response = app.post(&nrw, &edit, &edit_form).await;
    assert!(
        app.followed(&nrw, response)
            .await
            .contains("Die Änderungen wurden gespeichert.")
    );
    assert_eq!(app.post(&nrw, &edit, &edit_form).await.status(), 409);
    let _ = program;
}

/// A BW program (to try crossing Länder).
async fn program_bw(app: &TestApp) -> (i64, i64, i64) {
    program(app, "08", "Präventionsnetzwerke gegen Kinderarmut").await
}

#[tokio::test]
async fn the_report_cycle_with_a_frozen_snapshot() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Präventionskette Hamm").await;
    sqlx::raw_sql(sqlx::AssertSqlSafe(
        "INSERT INTO goals (network_id, level, title, status) VALUES ($1, 'kernziel', 'Jedes Kind gut begleitet', 'in_arbeit');
         INSERT INTO measures (network_id, title, handlungsfelder, lebensphasen, status, reach_per_year)
           VALUES ($1, 'Familienbüro Innenstadt', ARRAY['gesundheit'], ARRAY['null_bis_drei'], 'laufend', 420);
         INSERT INTO indicators (network_id, name, unit) VALUES ($1, 'Kita-Besuchsquote', 'prozent');
         INSERT INTO indicator_values (indicator_id, period_date, value)
           SELECT id, DATE '2024-12-31', 93.5 FROM indicators WHERE network_id = $1;
         INSERT INTO indicator_values (indicator_id, period_date, value)
           SELECT id, DATE '2021-12-31', 80 FROM indicators WHERE network_id = $1;"
            .replace("$1", &network.to_string()),
    ))
    .execute(&app.pool)
    .await
    .unwrap();
    let (program, aufbau, _) = program(&app, "05", "kinderstark").await;
    let fid = funding(&app, network, program, aufbau, "2024-01-01").await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let nrw2 = app
        .signed_in("l2@nrw.de", Role::Land, None, Some("05"))
        .await;
    let bw = app.signed_in("l@bw.de", Role::Land, None, Some("08")).await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let detmold = app
        .signed_in("k@detmold.de", Role::Kommune, Some(DETMOLD), None)
        .await;
    let admin = app.signed_in("a@admin.de", Role::Admin, None, None).await;

    // Both reports' periods are over and past due: tasks for the coordinator.
    let start = app.get(&hamm, "/").await.text().await.unwrap();
    assert!(start.contains("fällig am 31.03.2025, seit"), "{start}");
    // Only the municipality opens a report.
    let open = format!("/foerderungen/{fid}/berichte");
    assert_eq!(app.post(&nrw, &open, &[("seq", "1")]).await.status(), 403);
    assert_eq!(
        app.post(&detmold, &open, &[("seq", "1")]).await.status(),
        403
    );
    assert_eq!(app.post(&hamm, &open, &[("seq", "9")]).await.status(), 400);
    let response = app.post(&hamm, &open, &[("seq", "1")]).await;
    assert_eq!(response.status(), 303);
    let rid: i64 = sqlx::query_scalar("SELECT id FROM reports WHERE funding_id = $1")
        .bind(fid)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let report = format!("/berichte/{rid}");
    assert_eq!(location(&response), format!("{report}/bearbeiten"));
    // Opening again leads to the same report.
    let again = app.post(&hamm, &open, &[("seq", "1")]).await;
    assert_eq!(location(&again), report);

    // The snapshot: goals, values of the period only, running measures, deliverables.
    let page = app.get(&hamm, &report).await.text().await.unwrap();
    assert!(page.contains("Kernziel: Jedes Kind gut begleitet – In Arbeit, 0 %"));
    assert!(page.contains("93,5") && !page.contains("80\u{a0}%"));
    assert!(page.contains("Familienbüro Innenstadt") && page.contains("420 pro Jahr"));
    assert!(page.contains("Netzwerkkoordination benannt: Fehlt"));
    // The network changes afterwards; the report does not.
    sqlx::query("UPDATE goals SET title = 'Umbenannt', status = 'erreicht' WHERE network_id = $1")
        .bind(network)
        .execute(&app.pool)
        .await
        .unwrap();
    let page = app.get(&hamm, &report).await.text().await.unwrap();
    assert!(page.contains("Jedes Kind gut begleitet") && !page.contains("Umbenannt"));

    // The Land does not write in it, by URL or by form; Detmold and BW do not even see it.
    let edit = format!("{report}/bearbeiten");
    assert_eq!(app.get(&nrw, &edit).await.status(), 403);
    assert_eq!(
        app.post(
            &nrw,
            &edit,
            &[
                ("what_worked", "vom Land"),
                ("version", "1"),
                ("aktion", "speichern")
            ]
        )
        .await
        .status(),
        403
    );
    assert_eq!(app.get(&detmold, &report).await.status(), 403);
    assert_eq!(app.get(&bw, &report).await.status(), 403);

    // A draft, then a submission that misses answers, then a complete one.
    let answers = |version: &'static str, aktion: &'static str| {
        vec![
            (
                "what_worked",
                "Familienbüro eröffnet, 420 Familien erreicht.",
            ),
            ("what_did_not", "Die Schulen sind noch nicht alle dabei."),
            ("participation", "Kinderkonferenz im Mai mit 40 Kindern."),
            ("plans", "Netzwerkgruppe um Jobcenter erweitern."),
            ("version", version),
            ("aktion", aktion),
        ]
    };
    let response = app
        .post(
            &hamm,
            &edit,
            &[
                ("what_worked", "Erste Notizen"),
                ("version", "1"),
                ("aktion", "speichern"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let response = app
        .post(
            &hamm,
            &edit,
            &[
                ("what_worked", "Erste Notizen"),
                ("version", "2"),
                ("aktion", "einreichen"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Bitte eine Antwort auf „Was ist nicht gelungen?“ angeben."));
    assert!(body.contains("Erste Notizen"));
    // A stale save: 409 with the stored text, nothing overwritten.
    let response = app.post(&hamm, &edit, &answers("1", "speichern")).await;
    assert_eq!(response.status(), 409);
    assert!(response.text().await.unwrap().contains("Erste Notizen"));
    assert_eq!(
        app.post(&hamm, &edit, &answers("2", "einreichen"))
            .await
            .status(),
        303
    );
    // Submitted: locked for the municipality, waiting for the Land.
    assert_eq!(app.get(&hamm, &edit).await.status(), 403);
    assert!(
        app.get(&nrw, "/")
            .await
            .text()
            .await
            .unwrap()
            .contains("Bericht prüfen")
    );

    // Returning needs a reason; the municipality cannot review.
    let give_back = format!("{report}/zurueckgeben");
    assert_eq!(
        app.post(&hamm, &give_back, &[("reason", "selbst"), ("version", "3")])
            .await
            .status(),
        403
    );
    let response = app
        .post(&nrw, &give_back, &[("reason", " "), ("version", "3")])
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Bitte eine Begründung für die Rückgabe angeben.")
    );
    let reason = "Bitte die Beteiligung der Eltern genauer beschreiben.";
    assert_eq!(
        app.post(&nrw, &give_back, &[("reason", reason), ("version", "3")])
            .await
            .status(),
        303
    );
    let start = app.get(&hamm, "/").await.text().await.unwrap();
    assert!(start.contains("Zurückgegebenen Bericht überarbeiten"));
    let page = app.get(&hamm, &report).await.text().await.unwrap();
    assert!(page.contains(reason) && page.contains("Zurückgegeben"));
    // The reason also heads the form the coordinator revises in.
    let form = app.get(&hamm, &edit).await.text().await.unwrap();
    assert!(form.contains("Das Land hat den Bericht zurückgegeben") && form.contains(reason));

    // A comment each way, then the coordinator revises and resubmits.
    let comments = format!("{report}/kommentare");
    assert_eq!(
        app.post(
            &hamm,
            &comments,
            &[("comment", "Wir ergänzen das Elterncafé.")]
        )
        .await
        .status(),
        303
    );
    assert_eq!(
        app.post(&nrw, &comments, &[("comment", "")]).await.status(),
        422
    );
    assert_eq!(
        app.post(&detmold, &comments, &[("comment", "Hallo")])
            .await
            .status(),
        403
    );
    assert_eq!(
        app.post(&hamm, &edit, &answers("4", "einreichen"))
            .await
            .status(),
        303
    );

    // Four eyes: an admin who wrote in the report may not accept it.
    let accept = format!("{report}/annehmen");
    sqlx::query("INSERT INTO report_events (report_id, kind, user_id, actor_label) SELECT $1, 'gespeichert', id, email FROM users WHERE email = 'a@admin.de'")
        .bind(rid)
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        app.post(&admin, &accept, &[("version", "5")])
            .await
            .status(),
        403
    );
    // Begin review (another officer), stale accept → 409, then accept.
    assert_eq!(
        app.post(&nrw2, &format!("{report}/pruefung"), &[("version", "5")])
            .await
            .status(),
        303
    );
    // Accepting needs its confirmation ticked; the note is optional and goes to the thread.
    let response = app.post(&nrw, &accept, &[("version", "6")]).await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Bitte bestätigen Sie, dass Sie den Bericht geprüft haben und annehmen.")
    );
    assert_eq!(
        app.post(&nrw, &accept, &[("version", "5"), ("confirmed", "ja")])
            .await
            .status(),
        409
    );
    assert_eq!(
        app.post(
            &nrw,
            &accept,
            &[
                ("version", "6"),
                ("confirmed", "ja"),
                ("note", "Gut nachvollziehbar.")
            ]
        )
        .await
        .status(),
        303
    );

    // Locked: nobody edits, reviews or comments; still readable; the database refuses too.
    assert_eq!(app.get(&hamm, &edit).await.status(), 403);
    assert_eq!(
        app.post(&hamm, &edit, &answers("7", "speichern"))
            .await
            .status(),
        403
    );
    assert_eq!(
        app.post(
            &nrw,
            &give_back,
            &[("reason", "doch nicht"), ("version", "7")]
        )
        .await
        .status(),
        403
    );
    assert_eq!(
        app.post(&hamm, &comments, &[("comment", "Danke")])
            .await
            .status(),
        403
    );
    let page = app.get(&hamm, &report).await.text().await.unwrap();
    assert!(page.contains("angenommen und abgeschlossen"));
    for step in [
        "Bericht angelegt",
        "Entwurf gespeichert",
        "Eingereicht",
        "Zurückgegeben",
        "Prüfung begonnen",
        "Angenommen",
        "Wir ergänzen das Elterncafé.",
        "Gut nachvollziehbar.",
    ] {
        assert!(page.contains(step), "{step}");
    }
    let refused = sqlx::query("UPDATE reports SET plans = 'nachträglich' WHERE id = $1")
        .bind(rid)
        .execute(&app.pool)
        .await;
    assert!(
        refused.is_err(),
        "accepted reports are locked in the database"
    );
    let refused = sqlx::query("UPDATE reports SET snapshot = '{}' WHERE funding_id = $1")
        .bind(fid)
        .execute(&app.pool)
        .await;
    assert!(refused.is_err(), "snapshots never change");
    let actions = app.audit_actions().await;
    for action in [
        "eingereicht",
        "zurueckgegeben",
        "kommentiert",
        "pruefung_begonnen",
        "angenommen",
    ] {
        assert!(actions.iter().any(|a| a == action), "{action}");
    }
    // The report list of the Land shows it as accepted.
    let list = app
        .get(&nrw, "/berichte?stand=angenommen")
        .await
        .text()
        .await
        .unwrap();
    assert!(list.contains("Zwischenbericht 01.01.2024 bis 31.12.2024"));
}

#[tokio::test]
async fn the_land_overview_flags_filters_and_exports() {
    let app = TestApp::spawn().await;
    let hamm_net = app.create_network(HAMM, "Präventionskette Hamm").await;
    let detmold_net = app
        .create_network(DETMOLD, "Präventionsnetzwerk Detmold")
        .await;
    let _tue_net = app
        .create_network(TUEBINGEN, "Kinderchancen Tübingen")
        .await;
    let (program, aufbau, _) = program(&app, "05", "kinderstark").await;
    funding(&app, hamm_net, program, aufbau, "2023-01-01").await;
    sqlx::query(
        "INSERT INTO measures (network_id, title, handlungsfelder, lebensphasen, status)
         VALUES ($1, 'Familienbüro', ARRAY['gesundheit'], ARRAY['null_bis_drei'], 'laufend'),
                ($2, 'Lotsendienst', ARRAY['gesundheit'], ARRAY['null_bis_drei'], 'laufend')",
    )
    .bind(hamm_net)
    .bind(detmold_net)
    .execute(&app.pool)
    .await
    .unwrap();
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;

    let page = app
        .get(&nrw, "/land/uebersicht")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("2 von 2 Netzwerken"), "only NRW's networks");
    assert!(!page.contains("Tübingen"));
    assert!(page.contains("kinderstark – Aufbau"));
    assert!(page.contains("Überfällig") && page.contains("2 Nachweise fehlen"));
    assert!(page.contains("ohne Förderung"));
    // Land-wide matrix: 2 measures in 2 networks in one cell; per Kreis: Hamm, Lippe.
    assert!(page.contains("2 <span class=\"kern-body--small\">(2)</span>"));
    assert!(page.contains("Hamm") && page.contains("Lippe"));
    // Filters and sorting.
    let flagged = app
        .get(&nrw, "/land/uebersicht?markierung=ueberfaellig")
        .await
        .text()
        .await
        .unwrap();
    assert!(flagged.contains("1 von 2 Netzwerken") && flagged.contains("Präventionskette Hamm"));
    let unfunded = app
        .get(
            &nrw,
            "/land/uebersicht?markierung=ohne_foerderung&sortierung=faellig",
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        unfunded.contains("Präventionsnetzwerk Detmold")
            && !unfunded.contains(">Präventionskette Hamm<")
    );
    let garbage = app
        .get(
            &nrw,
            "/land/uebersicht?programm=x&kreis=%3Cb%3E&sortierung=';--&land=08",
        )
        .await;
    assert_eq!(garbage.status(), 200);
    assert!(
        garbage
            .text()
            .await
            .unwrap()
            .contains("Nordrhein-Westfalen"),
        "own Land only"
    );
    // CSV.
    let csv = app.get(&nrw, "/land/uebersicht.csv").await;
    assert_eq!(csv.status(), 200);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = csv.text().await.unwrap();
    assert!(text.starts_with("\u{feff}Netzwerk;Kommune;Kreis;Programm;Phase;"));
    assert!(text.contains("Präventionskette Hamm;Hamm"));
    assert!(text.contains(";ja;nein;2\r\n"));
    assert_eq!(text.lines().count(), 3);
    // Municipalities have no Land overview; the Bund chooses the Land.
    assert_eq!(app.get(&hamm, "/land/uebersicht").await.status(), 403);
    assert_eq!(app.get(&hamm, "/land/uebersicht.csv").await.status(), 403);
    let bw = app
        .get(&bund, "/land/uebersicht?land=08")
        .await
        .text()
        .await
        .unwrap();
    assert!(bw.contains("Kinderchancen Tübingen") && !bw.contains("Präventionskette Hamm"));
}

/// Names the Land officers type themselves reach the spreadsheet as text, never as formulas.
#[tokio::test]
async fn the_land_overview_csv_guards_formulas_in_program_and_phase_names() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Präventionskette Hamm").await;
    let (program, aufbau, _) = program(&app, "05", "=2+2 Programm").await;
    sqlx::query("UPDATE funding_phases SET name = '=2+2 Phase' WHERE id = $1")
        .bind(aufbau)
        .execute(&app.pool)
        .await
        .unwrap();
    funding(&app, network, program, aufbau, "2023-01-01").await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;

    let text = app
        .get(&nrw, "/land/uebersicht.csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        text.contains(";'=2+2 Programm;'=2+2 Phase;Laufend;"),
        "{text}"
    );
    assert!(!text.contains(";=2+2"), "{text}");
}

/// 500 networks in NRW, 300 of them funded with reports in every state: the overview issues
/// the same few statements as with 5 networks, and the figure is printed.
#[tokio::test]
async fn the_land_overview_of_500_networks_issues_a_fixed_number_of_statements() {
    let app = TestApp::spawn().await;
    let (program, aufbau, _) = program(&app, "05", "kinderstark").await;
    let fill = |n: i64| {
        format!(
            "INSERT INTO networks (kommune_ags, name, anchoring)
               SELECT k.ags, 'Netzwerk ' || i, 'jugendhilfeplanung'
               FROM generate_series(1, {n}) i
               JOIN LATERAL (SELECT ags FROM kommunen WHERE land_code = '05' AND kind <> 'gemeinde'
                             ORDER BY ags OFFSET (i % 50) LIMIT 1) k ON true;
             INSERT INTO fundings (network_id, program_id, phase_id, start_date, end_date, granted_amount_euro, status)
               SELECT n.id, {program}, {aufbau}, DATE '2023-01-01', DATE '2024-12-31', 150000, 'laufend'
               FROM networks n WHERE n.id % 5 <> 0 AND NOT EXISTS (SELECT 1 FROM fundings f WHERE f.network_id = n.id);
             INSERT INTO reports (funding_id, seq, kind, period_start, period_end, due_on, status, snapshot)
               SELECT f.id, 1, 'zwischenbericht', DATE '2023-01-01', DATE '2023-12-31', DATE '2024-03-30',
                      (ARRAY['entwurf', 'eingereicht', 'in_pruefung', 'zurueckgegeben', 'angenommen'])[1 + f.id % 5], '{{}}'
               FROM fundings f WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.funding_id = f.id);
             INSERT INTO measures (network_id, title, handlungsfelder, lebensphasen, status)
               SELECT n.id, 'Maßnahme', ARRAY['gesundheit', 'wohnen'], ARRAY['drei_bis_sechs'], 'laufend'
               FROM networks n WHERE NOT EXISTS (SELECT 1 FROM measures m WHERE m.network_id = n.id);"
        )
    };
    sqlx::raw_sql(sqlx::AssertSqlSafe(fill(5)))
        .execute(&app.pool)
        .await
        .unwrap();
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let (small, response) = queries::count(app.get(&nrw, "/land/uebersicht")).await;
    assert_eq!(response.status(), 200);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("5 von 5 Netzwerken")
    );
    sqlx::raw_sql(sqlx::AssertSqlSafe(fill(495)))
        .execute(&app.pool)
        .await
        .unwrap();
    // The new reports are the officer's tasks: the next page counts them once, for the
    // navigation.
    app.get(&nrw, "/netzwerke").await;
    let started = std::time::Instant::now();
    let (large, response) = queries::count(app.get(&nrw, "/land/uebersicht")).await;
    let elapsed = started.elapsed();
    assert_eq!(response.status(), 200);
    let body = response.text().await.unwrap();
    assert!(body.contains("500 von 500 Netzwerken, Seite 1 von 10"));
    assert_eq!(body.matches("href=\"/netzwerke/").count(), 50);
    assert_eq!(small, large, "statements grow with the networks");
    // Its own, and the map's choices once after a change.
    assert!(large <= 10, "{large} statements");
    // Until the Land's data changes, the overview reads only the session and the revision
    // (for its figures and for the map's choices).
    let (kept, response) = queries::count(app.get(&nrw, "/land/uebersicht?seite=3")).await;
    let body = response.text().await.unwrap();
    assert!(body.contains("500 von 500 Netzwerken, Seite 3 von 10"));
    assert_eq!(body.matches("href=\"/netzwerke/").count(), 50);
    assert!(kept <= 2, "{kept} statements with the figures kept");
    let (csv, response) = queries::count(app.get(&nrw, "/land/uebersicht.csv")).await;
    assert_eq!(response.status(), 200);
    assert!(csv <= 6, "{csv} statements for the CSV");
    println!(
        "Landesübersicht mit 500 Netzwerken: {large} Statements, {} ms (Debug-Build)",
        elapsed.as_millis()
    );
    // The first visit also keeps the count of tasks in the session, for the navigation.
    let (tasks, _) = queries::count(app.get(&nrw, "/")).await;
    assert!(tasks <= 7, "{tasks} statements for the start page");
    let (tasks, _) = queries::count(app.get(&nrw, "/")).await;
    assert!(tasks <= 6, "{tasks} statements for the start page");
    let (list, _) = queries::count(app.get(&nrw, "/berichte")).await;
    assert!(list <= 4, "{list} statements for the report list");
}

/// The demo: NRW's kinderstark with Hamm (one report accepted, one returned with a reason) and
/// Detmold (one submitted, one due); Baden-Württemberg's three phases with Tübingen in its third
/// Verstetigung. Seeding again adds nothing.
#[tokio::test]
async fn the_demo_data_tells_the_story() {
    let app = TestApp::spawn_demo().await;
    kinderchancen::demo::seed(&app.pool).await.unwrap();
    // The story's programs, fundings and reports, without those of the networks "… (Demo)"
    // for the national overview.
    let counts: (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM funding_programs WHERE name NOT LIKE '% (Demo)'),
                (SELECT count(*) FROM fundings f JOIN networks n ON n.id = f.network_id
                 WHERE n.name NOT LIKE '% (Demo)'),
                (SELECT count(*) FROM reports r JOIN fundings f ON f.id = r.funding_id
                 JOIN networks n ON n.id = f.network_id WHERE n.name NOT LIKE '% (Demo)')",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(counts, (2, 8, 9), "seeded once");
    let national: (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT count(*), count(DISTINCT left(n.kommune_ags, 2)), count(*) FILTER (WHERE n.is_public),
                count(DISTINCT f.network_id)
         FROM networks n LEFT JOIN fundings f ON f.network_id = n.id WHERE n.name LIKE '% (Demo)'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        national,
        (45, 16, 23, 15),
        "networks, Länder, public, funded"
    );
    let nrw = app.new_client();
    app.login(&nrw, "land.nrw@demo.invalid", "kinderchancen-demo")
        .await;
    let overview = app
        .get(&nrw, "/land/uebersicht")
        .await
        .text()
        .await
        .unwrap();
    assert!(overview.contains("kinderstark – NRW schafft Chancen – Weiterführung"));
    assert!(overview.contains("Zurückgegeben") && overview.contains("Nachweise fehlen"));
    assert!(!overview.contains("Tübingen"));
    let start = app.get(&nrw, "/").await.text().await.unwrap();
    assert!(start.contains("Bericht prüfen") && start.contains("Nachweis bestätigen"));
    let hamm = app.new_client();
    app.login(&hamm, "kommune.hamm@demo.invalid", "kinderchancen-demo")
        .await;
    let start = app.get(&hamm, "/").await.text().await.unwrap();
    assert!(start.contains("Zurückgegebenen Bericht überarbeiten"));
    let detmold = app.new_client();
    app.login(
        &detmold,
        "kommune.detmold@demo.invalid",
        "kinderchancen-demo",
    )
    .await;
    // Behind her overdue milestones: all her tasks are on /aufgaben.
    let tasks = app.get(&detmold, "/aufgaben").await.text().await.unwrap();
    assert!(tasks.contains("Bericht einreichen"), "{tasks}");
    let bw = app.new_client();
    app.login(&bw, "land.bw@demo.invalid", "kinderchancen-demo")
        .await;
    let overview = app.get(&bw, "/land/uebersicht").await.text().await.unwrap();
    assert!(overview.contains("Verstetigung (3. Durchgang)"));
    let program: i64 = sqlx::query_scalar("SELECT id FROM funding_programs WHERE land_code = '08'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let page = app
        .get(&bw, &format!("/foerderprogramme/{program}"))
        .await
        .text()
        .await
        .unwrap();
    for phase in [
        "1. Aufbau",
        "2. Weiterentwicklung",
        "3. Verstetigung",
        "12 Monate, wiederholbar",
    ] {
        assert!(page.contains(phase), "{phase}");
    }
    // The returned report shows its reason; an accepted one its frozen snapshot.
    let returned: i64 =
        sqlx::query_scalar("SELECT id FROM reports WHERE status = 'zurueckgegeben'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let page = app
        .get(&hamm, &format!("/berichte/{returned}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Bitte ergänzen Sie, wie Kinder und Jugendliche selbst beteiligt waren"));
    assert!(page.contains("Kernziel:"));
}

/// A funded network cannot be deleted: its fundings and reports are the Land's records.
#[tokio::test]
async fn a_funded_network_is_not_deleted() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Präventionskette Hamm").await;
    let (program, aufbau, _) = program(&app, "05", "kinderstark").await;
    funding(&app, network, program, aufbau, "2024-01-01").await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let response = app
        .post(
            &hamm,
            &format!("/netzwerke/{network}/loeschen"),
            &[("version", "1")],
        )
        .await;
    assert_eq!(response.status(), 400);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("kann das Netzwerk nicht gelöscht werden")
    );
}

/// Who starts networks and programs, works with the report list and opens the
/// Landesübersicht is the policy's answer, by URL and in the navigation.
#[tokio::test]
async fn creation_report_list_and_land_overview_follow_the_policy() {
    let app = TestApp::spawn().await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let admin = app.signed_in("a@admin.de", Role::Admin, None, None).await;
    let status = |client, path: &'static str| {
        let request = app.get(client, path);
        async move { request.await.status().as_u16() }
    };
    //                               kommune land bund admin
    // Without a Land, the nationwide roles get "Alle Länder": the national overview.
    let expected: [(&str, [u16; 4]); 6] = [
        ("/netzwerke/neu", [200, 403, 403, 200]),
        ("/foerderprogramme/neu", [403, 200, 403, 200]),
        ("/berichte", [200, 200, 403, 200]),
        ("/land/uebersicht", [403, 200, 303, 303]),
        ("/land/uebersicht?land=08", [403, 200, 200, 200]),
        ("/bund/uebersicht", [403, 403, 200, 200]),
    ];
    for (path, codes) in expected {
        for (client, code) in [&hamm, &nrw, &bund, &admin].into_iter().zip(codes) {
            assert_eq!(status(client, path).await, code, "{path}");
        }
    }
    let nav_of = |client| {
        let request = app.get(client, "/konto/passwort");
        async move { request.await.text().await.unwrap() }
    };
    let hamm_nav = nav_of(&hamm).await;
    assert!(hamm_nav.contains(r#"href="/berichte""#));
    assert!(!hamm_nav.contains(r#"href="/land/uebersicht""#));
    let bund_nav = nav_of(&bund).await;
    assert!(!bund_nav.contains(r#"href="/berichte""#));
    assert!(bund_nav.contains(r#"href="/bund/uebersicht""#));
    assert!(
        nav_of(&admin)
            .await
            .contains(r#"href="/verwaltung/benutzer""#)
    );
}

/// A Land without networks gets an explanation instead of a matrix of 42 gaps.
#[tokio::test]
async fn a_land_without_networks_shows_no_gaps() {
    let app = TestApp::spawn().await;
    let sh = app.signed_in("l@sh.de", Role::Land, None, Some("01")).await;
    let body = app.get(&sh, "/land/uebersicht").await.text().await.unwrap();
    assert!(body.contains("In Schleswig-Holstein hat noch keine Kommune ein Netzwerk"));
    assert!(!body.contains("Lücke"), "{body}");
}
