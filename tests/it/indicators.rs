//! Indicators with measured values: forms, chart, table, duplicates, scope, hostile input, CSV.

use kinderchancen::policy::Role;

use crate::goals::create_goal;
use crate::networks::{DETMOLD, HAMM};
use crate::support::{TestApp, queries};

const NBSP: char = '\u{a0}';

fn indicator_form<'a>(name: &'a str, goal: &'a str, version: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        (
            "definition",
            "Anteil der Kinder unter drei Jahren in Kita oder Tagespflege",
        ),
        ("unit", "prozent"),
        ("direction", "hoeher"),
        ("data_source", "Kita-Bedarfsplanung"),
        ("baseline_value", "31,2"),
        ("baseline_date", "01.03.2020"),
        ("target_value", "45"),
        ("target_date", "31.12.2027"),
        ("goal_id", goal),
        ("version", version),
    ]
}

/// The indicator id a create redirects to (`…/kennzahlen/7`).
fn indicator_id(response: &reqwest::Response) -> i64 {
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap();
    let path = location.split('?').next().unwrap();
    assert!(location.ends_with("?hinweis=angelegt"), "{location}");
    path.rsplit('/').next().unwrap().parse().unwrap()
}

async fn add_value(
    app: &TestApp,
    client: &reqwest::Client,
    network: i64,
    indicator: i64,
    date: &str,
    value: &str,
    note: &str,
) -> reqwest::Response {
    app.post(
        client,
        &format!("/netzwerke/{network}/kennzahlen/{indicator}/werte"),
        &[("period_date", date), ("value", value), ("note", note)],
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
async fn an_indicator_with_values_chart_and_table() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Netzwerk Hamm").await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let goal = create_goal(&app, &hamm, network, None, "Alle Kinder in die Kita").await;
    let goal_text = goal.to_string();

    let new = format!("/netzwerke/{network}/kennzahlen/neu");
    let form_page = app.get(&hamm, &new).await.text().await.unwrap();
    assert!(form_page.contains(&format!(
        r#"<option value="{goal}">Kernziel: Alle Kinder in die Kita</option>"#
    )));
    let response = app
        .post(
            &hamm,
            &new,
            &indicator_form("Betreuungsquote U3", &goal_text, ""),
        )
        .await;
    let indicator = indicator_id(&response);
    let detail = format!("/netzwerke/{network}/kennzahlen/{indicator}");

    // No values yet: a placeholder, not a broken chart.
    let page = app.get(&hamm, &detail).await.text().await.unwrap();
    assert!(page.contains("Noch keine Messwerte") && !page.contains("<polyline"));

    for (date, value, note) in [
        ("31.12.2021", "35,5", ""),
        ("2022-12-31", "38", "Zensus-Korrektur"),
        ("31.12.2023", "41,25", "vorläufig"),
    ] {
        let response = add_value(&app, &hamm, network, indicator, date, value, note).await;
        assert_eq!(response.status(), 303, "{date}");
        assert!(
            response.headers()["location"]
                .to_str()
                .unwrap()
                .ends_with("?hinweis=wert-erfasst#messwerte")
        );
    }
    let page = app
        .get(
            &hamm,
            &format!("/netzwerke/{network}/kennzahlen/{indicator}?hinweis=wert-erfasst"),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Der Messwert wurde erfasst."));
    // One value per period date.
    let response = add_value(&app, &hamm, network, indicator, "31.12.2022", "99", "").await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains(&format!(
        "Für den Stichtag 31.12.2022 gibt es schon einen Messwert (38{NBSP}%)."
    )));
    assert!(body.contains(r#"value="99""#), "input kept");
    // Bad numbers and dates: German messages, input kept.
    let response = add_value(&app, &hamm, network, indicator, "", "viel", "").await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Bitte den Stichtag des Werts angeben."));
    assert!(
        body.contains("Bitte eine Zahl angeben, mit Komma vor den Nachkommastellen, z. B. 93,5.")
    );
    assert!(body.contains(r#"value="viel""#) && body.contains("<title>Fehler: "));
    let stored: Vec<f64> =
        sqlx::query_scalar("SELECT value FROM indicator_values ORDER BY period_date")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(stored, [35.5, 38.0, 41.25]);

    let (statements, response) = queries::count(app.get(&hamm, &detail)).await;
    assert!(statements <= 6, "{statements} statements");
    let page = response.text().await.unwrap();
    // Definition, unit, direction, source, baseline, target, goal.
    for text in [
        "Anteil der Kinder unter drei Jahren",
        "Prozent",
        "Höher ist besser",
        "Kita-Bedarfsplanung",
        &format!("31,2{NBSP}% (Stand 01.03.2020)"),
        &format!("45{NBSP}% bis 31.12.2027"),
        "Alle Kinder in die Kita",
    ] {
        assert!(page.contains(text), "{text}");
    }
    // The chart: an image with a title and the trend in words.
    assert!(page.contains(r#"role="img" aria-labelledby="kennzahl-"#));
    assert!(page.contains(&format!(
        r#"<title id="kennzahl-{indicator}-diagramm-titel">Verlauf: Betreuungsquote U3</title>"#
    )));
    assert!(page.contains(&format!(
        "<desc id=\"kennzahl-{indicator}-diagramm-beschreibung\">3 Messwerte vom 31.12.2021 bis zum 31.12.2023. \
         Der Wert ist von 35,5{NBSP}% auf 41,25{NBSP}% gestiegen (um 5,75 Prozentpunkte) – eine Verbesserung."
    )));
    assert!(page.contains("Bis zum Ziel fehlen noch 3,75 Prozentpunkte."));
    assert!(page.contains("Ziel: 45") && page.contains("Ausgangswert: 31,2"));
    assert_eq!(page.matches("<circle").count(), 3);
    // The data as a table, with who entered each value.
    assert!(page.contains("<caption class=\"kern-title\" id=\"messwerte-tabelle\">3 Messwerte, nach Stichtag</caption>"));
    assert!(page.contains("<th scope=\"row\" class=\"kern-table__header\">31.12.2023</th>"));
    assert!(page.contains(&format!("kern-table__cell--numeric\">41,25{NBSP}%</td>")));
    assert!(page.contains("vorläufig") && page.contains("Test k@hamm.de") && page.contains(" Uhr"));

    // The list: small multiples with latest value against the target.
    let (list_statements, response) =
        queries::count(app.get(&hamm, &format!("/netzwerke/{network}/kennzahlen"))).await;
    assert!(list_statements <= 5, "{list_statements} statements");
    let list = response.text().await.unwrap();
    assert!(list.contains("class=\"app-sparkline\""));
    assert!(list.contains(&format!("41,25{NBSP}% (31.12.2023)")));
    assert!(list.contains("Ziel noch nicht erreicht"));
    assert!(list.contains("Zum Ziel: Alle Kinder in die Kita"));

    // Deleting a value asks first.
    let value: i64 = scalar(&app, "SELECT id FROM indicator_values WHERE value = 38").await;
    let confirm = format!("{detail}/werte/{value}/loeschen");
    let page = app.get(&hamm, &confirm).await.text().await.unwrap();
    assert!(page.contains(&format!(
        "den Messwert 38{NBSP}% vom 31.12.2022 der Kennzahl „Betreuungsquote U3“"
    )));
    assert!(page.contains("Eingetragen von Test k@hamm.de"));
    assert_eq!(
        app.post(&hamm, &confirm, &[("version", "1")])
            .await
            .status(),
        303
    );
    assert_eq!(
        scalar(&app, "SELECT count(*) FROM indicator_values").await,
        2
    );
    // The period date is free again.
    let response = add_value(&app, &hamm, network, indicator, "31.12.2022", "38,5", "").await;
    assert_eq!(response.status(), 303);

    // Reaching the target shows.
    add_value(&app, &hamm, network, indicator, "31.12.2024", "45,5", "").await;
    let list = app
        .get(&hamm, &format!("/netzwerke/{network}/kennzahlen"))
        .await
        .text()
        .await
        .unwrap();
    assert!(list.contains("Ziel erreicht"));

    // Stale edit: refused, stored values shown, input kept.
    let edit = format!("{detail}/bearbeiten");
    let page = app.get(&hamm, &edit).await.text().await.unwrap();
    assert!(page.contains(r#"value="31,2""#), "numbers shown German");
    assert_eq!(
        app.post(
            &hamm,
            &edit,
            &indicator_form("Betreuungsquote unter 3", &goal_text, "1")
        )
        .await
        .status(),
        303
    );
    let response = app
        .post(&hamm, &edit, &indicator_form("Überschrieben", "", "1"))
        .await;
    assert_eq!(response.status(), 409);
    let body = response.text().await.unwrap();
    assert!(
        body.contains(
            "Nicht gespeichert: die Kennzahl wurde inzwischen von jemand anderem geändert"
        )
    );
    assert!(body.contains("Betreuungsquote unter 3") && body.contains(r#"value="Überschrieben""#));
    assert!(body.contains(r#"name="version" value="2""#));
    let name: String = sqlx::query_scalar("SELECT name FROM indicators")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(name, "Betreuungsquote unter 3");
    let page = app.get(&hamm, &edit).await.text().await.unwrap();
    assert!(page.contains("Name: „Betreuungsquote U3“ → „Betreuungsquote unter 3“"));

    // Deleting the indicator names its values.
    let confirm = format!("{detail}/loeschen");
    let page = app.get(&hamm, &confirm).await.text().await.unwrap();
    assert!(page.contains("4 Messwerte werden mitgelöscht."));
    assert!(page.contains("Das verknüpfte Ziel „Alle Kinder in die Kita“ bleibt bestehen"));
    assert_eq!(
        app.post(&hamm, &confirm, &[("version", "1")])
            .await
            .status(),
        409
    );
    assert_eq!(
        app.post(&hamm, &confirm, &[("version", "2")])
            .await
            .status(),
        303
    );
    assert_eq!(
        scalar(&app, "SELECT count(*) FROM indicator_values").await,
        0
    );
    assert_eq!(scalar(&app, "SELECT count(*) FROM goals").await, 1);
    let actions = app.audit_actions().await;
    for action in ["angelegt", "geaendert", "geloescht"] {
        assert!(actions.contains(&action.to_owned()), "{action}");
    }
    let entities: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT entity FROM audit_log ORDER BY 1")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert!(entities.contains(&"indicator".into()) && entities.contains(&"indicator_value".into()));
}

#[tokio::test]
async fn indicator_forms_check_every_field() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Netzwerk Hamm").await;
    let detmold_network = app.create_network(DETMOLD, "Netzwerk Detmold").await;
    let detmold_goal: i64 = sqlx::query_scalar(
        "INSERT INTO goals (network_id, level, title, status) VALUES ($1, 'kernziel', 'Detmolder Ziel', 'offen') RETURNING id",
    )
    .bind(detmold_network)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let new = format!("/netzwerke/{network}/kennzahlen/neu");
    let long = "x".repeat(10_000);
    let detmold_goal = detmold_goal.to_string();
    for (field, value, message) in [
        ("name", "", "Bitte einen Namen für die Kennzahl angeben."),
        (
            "name",
            long.as_str(),
            "Bitte höchstens 200 Zeichen eingeben.",
        ),
        ("name", "Quote\u{0}", "Bitte keine Steuerzeichen eingeben."),
        ("unit", "liter", "Bitte eine Einheit auswählen."),
        (
            "unit",
            "sonstige",
            "Bitte die Einheit angeben, z. B. „Kinder“ oder „Plätze“.",
        ),
        (
            "direction",
            "",
            "Bitte „Höher ist besser“ oder „Niedriger ist besser“ auswählen.",
        ),
        ("baseline_value", "1e400", "Bitte eine Zahl angeben"),
        ("target_value", "NaN", "Bitte eine Zahl angeben"),
        (
            "target_value",
            "9.999.999.999.999",
            "Bitte einen Wert unter einer Billion angeben.",
        ),
        ("baseline_date", "32.01.2020", "Bitte ein gültiges Datum"),
        (
            "goal_id",
            detmold_goal.as_str(),
            "Bitte ein Ziel aus der Liste auswählen.",
        ),
        ("goal_id", "abc", "Bitte ein Ziel aus der Liste auswählen."),
        (
            "definition",
            &"d".repeat(6000),
            "Bitte höchstens 5000 Zeichen eingeben.",
        ),
    ] {
        let mut form = indicator_form("Gültig", "", "");
        form.retain(|(k, _)| *k != field);
        form.push((field, value));
        let response = app.post(&hamm, &new, &form).await;
        assert_eq!(response.status(), 422, "{field}={value:.20}");
        let body = response.text().await.unwrap();
        assert!(body.contains(message), "{field}: {message}");
        assert!(body.contains("Bitte korrigieren Sie Ihre Angaben"));
    }
    assert_eq!(scalar(&app, "SELECT count(*) FROM indicators").await, 0);

    // "Andere Einheit" with its own label; lower is better.
    let mut form = indicator_form("Kinder ohne Schwimmabzeichen", "", "");
    form.retain(|(k, _)| !["unit", "direction"].contains(k));
    form.extend([
        ("unit", "sonstige"),
        ("unit_label", "Kinder"),
        ("direction", "niedriger"),
    ]);
    let indicator = indicator_id(&app.post(&hamm, &new, &form).await);
    add_value(&app, &hamm, network, indicator, "31.12.2023", "1.234", "").await;
    add_value(&app, &hamm, network, indicator, "31.12.2024", "1.100,5", "").await;
    let page = app
        .get(
            &hamm,
            &format!("/netzwerke/{network}/kennzahlen/{indicator}"),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(&format!("1.100,5{NBSP}Kinder")) && page.contains("Niedriger ist besser")
    );
    assert!(page.contains("gesunken") && page.contains("eine Verbesserung"));
}

#[tokio::test]
async fn indicator_pages_are_read_and_changed_only_within_scope() {
    let app = TestApp::spawn().await;
    let hamm_network = app.create_network(HAMM, "Netzwerk Hamm").await;
    let detmold_network = app.create_network(DETMOLD, "Netzwerk Detmold").await;
    let ids: (i64, i64) = sqlx::query_as(
        "WITH k AS (INSERT INTO indicators (network_id, name, unit) VALUES ($1, 'Detmolder Quote', 'prozent') RETURNING id)
         INSERT INTO indicator_values (indicator_id, period_date, value) SELECT id, '2024-12-31', 12.5 FROM k
         RETURNING indicator_id, id",
    )
    .bind(detmold_network)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let (detmold_indicator, detmold_value) = ids;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let bw = app.signed_in("l@bw.de", Role::Land, None, Some("08")).await;
    let hamm_indicator = indicator_id(
        &app.post(
            &hamm,
            &format!("/netzwerke/{hamm_network}/kennzahlen/neu"),
            &indicator_form("Hammer Quote", "", ""),
        )
        .await,
    );

    let base = format!("/netzwerke/{detmold_network}/kennzahlen");
    let reads = [
        base.clone(),
        format!("/netzwerke/{detmold_network}/kennzahlen.csv"),
        format!("{base}/{detmold_indicator}"),
    ];
    let forms = [
        format!("{base}/neu"),
        format!("{base}/{detmold_indicator}/bearbeiten"),
        format!("{base}/{detmold_indicator}/loeschen"),
        format!("{base}/{detmold_indicator}/werte/{detmold_value}/loeschen"),
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
    let value_form = [
        ("period_date", "31.12.2025"),
        ("value", "1"),
        ("version", "1"),
    ];
    let posts = [
        (format!("{base}/neu"), indicator_form("Übernommen", "", "1")),
        (
            format!("{base}/{detmold_indicator}/bearbeiten"),
            indicator_form("Übernommen", "", "1"),
        ),
        (
            format!("{base}/{detmold_indicator}/loeschen"),
            value_form.to_vec(),
        ),
        (
            format!("{base}/{detmold_indicator}/werte"),
            value_form.to_vec(),
        ),
        (
            format!("{base}/{detmold_indicator}/werte/{detmold_value}/loeschen"),
            value_form.to_vec(),
        ),
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
    // Land users see values and chart, but no forms.
    let page = app
        .get(&nrw, &format!("{base}/{detmold_indicator}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(&format!("12,5{NBSP}%")) && !page.contains("Messwert speichern"));

    // Detmold's ids through Hamm's own network: not found, nothing written.
    let own = format!("/netzwerke/{hamm_network}/kennzahlen");
    for path in [
        format!("{own}/{detmold_indicator}"),
        format!("{own}/{detmold_indicator}/bearbeiten"),
        format!("{own}/{detmold_indicator}/loeschen"),
        format!("{own}/{detmold_indicator}/werte/{detmold_value}/loeschen"),
        format!("{own}/{hamm_indicator}/werte/{detmold_value}/loeschen"),
    ] {
        assert_eq!(app.get(&hamm, &path).await.status(), 404, "GET {path}");
    }
    for (path, form) in [
        (
            format!("{own}/{detmold_indicator}/werte"),
            value_form.to_vec(),
        ),
        (
            format!("{own}/{detmold_indicator}/bearbeiten"),
            indicator_form("Übernommen", "", "1"),
        ),
        (
            format!("{own}/{detmold_indicator}/loeschen"),
            value_form.to_vec(),
        ),
        (
            format!("{own}/{detmold_indicator}/werte/{detmold_value}/loeschen"),
            value_form.to_vec(),
        ),
        (
            format!("{own}/{hamm_indicator}/werte/{detmold_value}/loeschen"),
            value_form.to_vec(),
        ),
    ] {
        assert_eq!(
            app.post(&hamm, &path, &form).await.status(),
            404,
            "POST {path}"
        );
    }
    assert_eq!(
        scalar(
            &app,
            &format!(
                "SELECT count(*) FROM indicator_values WHERE indicator_id = {detmold_indicator}"
            )
        )
        .await,
        1
    );
    assert_eq!(
        scalar(&app, "SELECT count(*) FROM indicator_values").await,
        1
    );
    let name: String = sqlx::query_scalar("SELECT name FROM indicators WHERE id = $1")
        .bind(detmold_indicator)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(name, "Detmolder Quote");
    for path in [
        format!("{own}/abc"),
        format!("{own}/{hamm_indicator}/werte/x/loeschen"),
    ] {
        let status = app.get(&hamm, &path).await.status();
        assert!(status.is_client_error(), "{path}: {status}");
    }
}

#[tokio::test]
async fn hostile_names_are_escaped_in_the_page_and_in_the_svg() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Netzwerk Hamm").await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let mut form = indicator_form("<img src=x onerror=alert(1)> & \"Quote\"", "", "");
    form.retain(|(k, _)| *k != "unit");
    form.extend([("unit", "sonstige"), ("unit_label", "<b>Kinder</b>")]);
    let indicator = indicator_id(
        &app.post(
            &hamm,
            &format!("/netzwerke/{network}/kennzahlen/neu"),
            &form,
        )
        .await,
    );
    for (date, value) in [("31.12.2023", "-3,5"), ("31.12.2024", "2")] {
        let response = add_value(
            &app,
            &hamm,
            network,
            indicator,
            date,
            value,
            "<script>x</script>",
        )
        .await;
        assert_eq!(response.status(), 303);
    }
    for path in [
        format!("/netzwerke/{network}/kennzahlen/{indicator}"),
        format!("/netzwerke/{network}/kennzahlen"),
    ] {
        let page = app.get(&hamm, &path).await.text().await.unwrap();
        assert!(
            !page.contains("<img src=x")
                && !page.contains("<b>Kinder")
                && !page.contains("<script>x"),
            "{path}"
        );
        // In the SVG (escaped by the chart code) …
        assert!(page.contains("<title id=\"kennzahl-"));
        assert!(
            page.contains(
                "Verlauf: &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Quote&quot;</title>"
            ),
            "{path}"
        );
        // … and in the HTML (escaped by the template).
        assert!(
            page.contains("&#60;img src=x onerror=alert(1)&#62;"),
            "{path}"
        );
    }
    let page = app
        .get(
            &hamm,
            &format!("/netzwerke/{network}/kennzahlen/{indicator}"),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(&format!("-3,5{NBSP}&lt;b&gt;Kinder&lt;/b&gt;")),
        "negative value with escaped unit in the SVG"
    );
    let long = "n".repeat(10_000);
    for (date, value, note) in [
        ("31.12.2025", "1", long.as_str()),
        ("31.12.2025", "1", "\u{7}"),
        ("31.12.2025", "1,2,3", ""),
        ("1.1.1", "1", ""),
        ("31.12.2025", "\u{0}", ""),
    ] {
        let response = add_value(&app, &hamm, network, indicator, date, value, note).await;
        assert_eq!(response.status(), 422, "{date} {value} {note:.10}");
    }
    assert_eq!(
        scalar(&app, "SELECT count(*) FROM indicator_values").await,
        2
    );
}

#[tokio::test]
async fn indicator_values_export_as_csv() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Netzwerk Hamm").await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let indicator = indicator_id(
        &app.post(
            &hamm,
            &format!("/netzwerke/{network}/kennzahlen/neu"),
            &indicator_form("Betreuungsquote U3", "", ""),
        )
        .await,
    );
    add_value(
        &app,
        &hamm,
        network,
        indicator,
        "31.12.2023",
        "1.041,25",
        "vorläufig; geschätzt",
    )
    .await;
    add_value(&app, &hamm, network, indicator, "31.12.2022", "-38", "").await;
    let mut empty = indicator_form("Ohne Werte", "", "");
    empty.retain(|(k, _)| !k.starts_with("baseline") && !k.starts_with("target"));
    app.post(
        &hamm,
        &format!("/netzwerke/{network}/kennzahlen/neu"),
        &empty,
    )
    .await;
    let response = app
        .get(&hamm, &format!("/netzwerke/{network}/kennzahlen.csv"))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let body = response.text().await.unwrap();
    let lines: Vec<&str> = body.split("\r\n").collect();
    assert_eq!(
        lines,
        [
            "\u{feff}Kennzahl;Einheit;Stichtag;Wert;Bemerkung;Erfasst von;Ausgangswert;Ausgangswert vom;Zielwert;Zielwert bis",
            "Betreuungsquote U3;Prozent;31.12.2022;-38;;Test k@hamm.de;31,2;01.03.2020;45;31.12.2027",
            "Betreuungsquote U3;Prozent;31.12.2023;1041,25;\"vorläufig; geschätzt\";Test k@hamm.de;31,2;01.03.2020;45;31.12.2027",
            "Ohne Werte;Prozent;;;;;;;;",
            "",
        ]
    );
}
