use kinderchancen::policy::Role;

use crate::support::{PASSWORD, TestApp, post_chunked, session_cookie};

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let app = TestApp::spawn().await;
    let client = app
        .signed_in("a@example.org", Role::Admin, None, None)
        .await;
    let host = app.url.trim_start_matches("http://").to_owned();

    let forged = [
        ("sec-fetch-site", "cross-site".to_owned()),
        ("sec-fetch-site", "same-site".to_owned()),
        ("origin", "http://evil.example".to_owned()),
        ("origin", "null".to_owned()),
    ];
    for (name, value) in forged {
        let response = client
            .post(app.at("/verwaltung/benutzer/neu"))
            .header(name, &value)
            .form(&[
                ("email", "x@example.org"),
                ("display_name", "X"),
                ("role", "bund"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 403, "{name}: {value}");
        assert!(response.text().await.unwrap().contains("Kein Zugriff"));
    }
    let created: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users WHERE email = 'x@example.org'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(created, 0);

    // The same form from our own pages goes through.
    let response = client
        .post(app.at("/verwaltung/benutzer/neu"))
        .header("sec-fetch-site", "same-origin")
        .header("origin", format!("http://{host}"))
        .form(&[
            ("email", "x@example.org"),
            ("display_name", "X"),
            ("role", "bund"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let response = client
        .post(app.at("/abmelden"))
        .header("origin", format!("http://{host}"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
}

#[tokio::test]
async fn security_headers_on_every_response() {
    let app = TestApp::spawn().await;
    for path in [
        "/",
        "/anmelden",
        "/gibt-es-nicht",
        "/favicon.ico",
        "/healthz",
    ] {
        let response = app.get(&app.client, path).await;
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}"
        );
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "same-origin", "{path}");
        assert!(headers.contains_key("x-request-id"), "{path}");
        assert!(
            !headers.contains_key("strict-transport-security"),
            "no HSTS over plain HTTP"
        );
    }
}

#[tokio::test]
async fn https_mode_adds_hsts_and_a_host_prefixed_secure_cookie() {
    let app = TestApp::spawn_with(|c| c.https = true).await;
    app.create_user("b@example.org", Role::Bund, None, None)
        .await;
    let response = app.login(&app.client, "b@example.org", PASSWORD).await;
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .next()
        .unwrap();
    assert!(
        cookie.starts_with("__Host-kinderchancen_sitzung="),
        "{cookie}"
    );
    assert!(
        cookie.contains("; Secure") && cookie.contains("Path=/"),
        "{cookie}"
    );
    assert!(!cookie.contains("Domain"), "{cookie}");
    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
}

#[tokio::test]
async fn error_pages_are_german_with_a_request_id() {
    let app = TestApp::spawn().await;

    let response = app.get(&app.client, "/gibt-es-nicht").await;
    assert_eq!(response.status(), 404);
    let request_id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let body = response.text().await.unwrap();
    assert!(body.contains("Seite nicht gefunden"));
    assert!(body.contains(&request_id), "request id quoted on the page");

    let response = app.get(&app.client, "/abmelden").await;
    assert_eq!(response.status(), 405);
    assert!(response.headers().contains_key("allow"));
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Aktion nicht erlaubt")
    );

    let huge = "x".repeat(3 * 1024 * 1024);
    let response = app
        .post(
            &app.client,
            "/anmelden",
            &[("email", &huge), ("password", "x")],
        )
        .await;
    assert_eq!(response.status(), 413);
    assert!(response.text().await.unwrap().contains("Daten zu groß"));

    let admin = app
        .signed_in("a@example.org", Role::Admin, None, None)
        .await;
    let response = app.get(&admin, "/verwaltung/benutzer/keine-zahl").await;
    assert_eq!(response.status(), 400);
    assert!(response.text().await.unwrap().contains("Ungültige Anfrage"));
    let response = app.get(&admin, "/verwaltung/benutzer/999999").await;
    assert_eq!(response.status(), 404);

    // A form body that is not a form is refused with a page, not a crash.
    let response = admin
        .post(app.at("/verwaltung/benutzer/neu"))
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 415);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Daten nicht verarbeitbar")
    );
}

#[tokio::test]
async fn hostile_input_is_shown_escaped() {
    let app = TestApp::spawn().await;
    let hostile = "<script>alert(1)</script>' OR 1=1 --\u{7}";
    let response = app.login(&app.client, hostile, "x").await;
    assert_eq!(
        response.status(),
        422,
        "a control character is refused at the field"
    );
    let body = response.text().await.unwrap();
    assert!(!body.contains("<script>alert(1)"));
    assert!(body.contains("&#60;script&#62;alert(1)&#60;/script&#62;"));
}

#[tokio::test]
async fn health_and_readiness() {
    let app = TestApp::spawn().await;
    assert_eq!(app.get(&app.client, "/healthz").await.status(), 200);
    let ready = app.get(&app.client, "/readyz").await;
    assert_eq!(ready.status(), 200);
    assert_eq!(ready.text().await.unwrap(), "bereit");
    app.pool.close().await;
    assert_eq!(app.get(&app.client, "/readyz").await.status(), 503);
    assert_eq!(
        app.get(&app.client, "/healthz").await.status(),
        200,
        "alive without database"
    );
}

#[tokio::test]
async fn no_session_cookie_for_anonymous_visitors() {
    let app = TestApp::spawn().await;
    let response = app.get(&app.client, "/").await;
    assert!(session_cookie(&response).is_none());
    // Not `no-store`: the page is the same for every visitor.
    assert_eq!(response.headers()["cache-control"], "public, max-age=60");
}

#[tokio::test]
async fn the_return_path_after_login_stays_on_this_site() {
    let app = TestApp::spawn().await;
    let client = app.signed_in("b@example.org", Role::Bund, None, None).await;
    for weiter in [
        "%2F%09%2Fevil.example",
        "%2F%0A",
        "%2F%0D%0A",
        "%2F%00",
        "%2F%0B",
        "%2F%7F",
        "%2F%20%2Fevil.example",
        "%2F%2Fevil.example",
        "%2F%5Cevil.example",
        "https%3A%2F%2Fevil.example",
        "%2Fwissen%C2%A0",
    ] {
        let response = app
            .get(&client, &format!("/anmelden?weiter={weiter}"))
            .await;
        assert_eq!(response.status(), 303, "{weiter}");
        assert_eq!(response.headers()["location"], "/", "{weiter}");
    }
    let response = app
        .get(&client, "/anmelden?weiter=%2Fwissen%3Fq%3DArmut")
        .await;
    assert_eq!(response.headers()["location"], "/wissen?q=Armut");

    // The same rule after the login form.
    let response = app
        .new_client()
        .post(app.at("/anmelden"))
        .form(&[
            ("email", "b@example.org"),
            ("password", PASSWORD),
            ("weiter", "/\t/evil.example"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/");
}

#[tokio::test]
async fn control_characters_are_refused_never_an_error() {
    let app = TestApp::spawn().await;
    // In a path: there is no such page.
    for path in [
        "/verzeichnis/%00",
        "/wissen/eintrag/a%00b",
        "/verzeichnis/05/kreise%01",
    ] {
        let response = app.get(&app.client, path).await;
        assert_eq!(response.status(), 404, "{path}");
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Seite nicht gefunden")
        );
    }

    // In a form field: a message at the field, the input kept.
    let response = app.login(&app.client, "a\0b@x.de", "x").await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(
        body.contains("Bitte keine Steuerzeichen eingeben."),
        "{body}"
    );
    assert!(body.contains("b@x.de"));

    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some("05915"), None)
        .await;
    let response = app
        .post(
            &hamm,
            "/netzwerke/neu",
            &[
                ("name", "Präventionskette Hamm"),
                ("anchoring", "jugendhilfeplanung"),
                ("sozialraeume", "Mitte\0"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Bitte keine Steuerzeichen eingeben."));
    assert!(body.contains("Präventionskette Hamm"));

    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let response = app
        .post(
            &bund,
            "/wissen/neu",
            &[
                ("title", "Sprachcafé"),
                ("kind", "good_practice"),
                ("level", "kommune"),
                ("themes", "bildung_teilhabe"),
                ("kommune_ags", "05915\0"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Bitte keine Steuerzeichen eingeben."));
    assert!(body.contains("Sprachcafé"));

    let admin = app
        .signed_in("a@example.org", Role::Admin, None, None)
        .await;
    let response = app
        .post(
            &admin,
            "/verwaltung/benutzer/neu",
            &[
                ("email", "neu@hamm.de"),
                ("display_name", "Neue Koordination"),
                ("role", "kommune"),
                ("kommune_ags", "05915\0"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Bitte keine Steuerzeichen eingeben."));
    assert!(body.contains("Neue Koordination"));

    // Whatever else PostgreSQL refuses as data (SQLSTATE class 22), here NUL in a contact
    // line, which no check before the query looks at, is a bad request.
    let response = app
        .post(
            &bund,
            "/wissen/neu",
            &[
                ("title", "Sprachcafé"),
                ("kind", "good_practice"),
                ("level", "kommune"),
                ("themes", "bildung_teilhabe"),
                ("contacts", "Familienbüro\0"),
            ],
        )
        .await;
    assert_eq!(response.status(), 400);
    assert!(response.text().await.unwrap().contains("Ungültige Anfrage"));
}

#[tokio::test]
async fn without_database_signed_in_visitors_get_the_german_page_too() {
    let app = TestApp::spawn().await;
    let client = app.signed_in("b@example.org", Role::Bund, None, None).await;
    app.pool.close().await;
    for client in [&app.client, &client] {
        let response = app.get(client, "/wissen").await;
        assert_eq!(response.status(), 503);
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        let body = response.text().await.unwrap();
        assert!(
            body.contains("Dienst vorübergehend nicht verfügbar"),
            "{body}"
        );
    }
}

#[tokio::test]
async fn a_chunked_form_over_the_body_limit_is_too_large() {
    let app = TestApp::spawn().await;
    let response = post_chunked(&app, "/anmelden", None, 3).await;
    assert!(response.starts_with("HTTP/1.1 413"), "{response}");
    assert!(response.contains("Daten zu groß"));
}
