use kinderchancen::policy::Role;

use crate::support::{PASSWORD, TestApp};

/// Every admin route, as (method, path) with `{id}` for an existing user.
const ADMIN_ROUTES: [(&str, &str); 9] = [
    ("GET", "/verwaltung/benutzer"),
    ("GET", "/verwaltung/benutzer/neu"),
    ("POST", "/verwaltung/benutzer/neu"),
    ("GET", "/verwaltung/benutzer/{id}"),
    ("POST", "/verwaltung/benutzer/{id}"),
    ("POST", "/verwaltung/benutzer/{id}/deaktivieren"),
    ("POST", "/verwaltung/benutzer/{id}/reaktivieren"),
    ("POST", "/verwaltung/benutzer/{id}/passwort"),
    ("POST", "/verzeichnis/gemeinden/neu"),
];

#[tokio::test]
async fn only_admins_reach_the_admin_pages() {
    let app = TestApp::spawn().await;
    let victim = app
        .create_user("opfer@example.org", Role::Kommune, Some("05766020"), None)
        .await;
    let users = [
        app.signed_in("k@example.org", Role::Kommune, Some("05915"), None)
            .await,
        app.signed_in("l@example.org", Role::Land, None, Some("05"))
            .await,
        app.signed_in("b@example.org", Role::Bund, None, None).await,
    ];
    let form = [
        ("email", "neu@example.org"),
        ("display_name", "Neu"),
        ("role", "admin"),
        ("version", "1"),
        ("ags", "05766999"),
        ("name", "Neu"),
    ];
    for client in &users {
        for (method, path) in ADMIN_ROUTES {
            let path = path.replace("{id}", &victim.to_string());
            let response = match method {
                "GET" => app.get(client, &path).await,
                _ => app.post(client, &path, &form).await,
            };
            assert_eq!(response.status(), 403, "{method} {path}");
        }
    }
    for (method, path) in ADMIN_ROUTES {
        let path = path.replace("{id}", &victim.to_string());
        let response = match method {
            "GET" => app.get(&app.client, &path).await,
            _ => app.post(&app.client, &path, &form).await,
        };
        assert_eq!(response.status(), 303, "anonymous {method} {path}");
        assert!(
            response.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/anmelden?weiter=")
        );
    }
    // Nothing changed.
    let row: (String, bool, bool) =
        sqlx::query_as("SELECT role, active, must_change_password FROM users WHERE id = $1")
            .bind(victim)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(row, ("kommune".to_owned(), true, false));
    let others: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users WHERE email = 'neu@example.org'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(others, 0);
    let gemeinden: i64 = sqlx::query_scalar("SELECT count(*) FROM kommunen WHERE ags = '05766999'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(gemeinden, 0);
}

fn initial_password(body: &str) -> String {
    let start = body
        .find(r#"<code id="anfangspasswort">"#)
        .expect("password shown")
        + 27;
    body[start..start + 23].to_owned()
}

#[tokio::test]
async fn admin_creates_a_user_who_must_change_the_initial_password() {
    let app = TestApp::spawn().await;
    let admin = app
        .signed_in("a@example.org", Role::Admin, None, None)
        .await;

    let response = app
        .post(
            &admin,
            "/verwaltung/benutzer/neu",
            &[
                ("email", "koordination@hamm.de"),
                ("display_name", "Koordinierungsstelle Hamm"),
                ("role", "kommune"),
                ("kommune_ags", "05915"),
                ("land_code", ""),
            ],
        )
        .await;
    assert_eq!(response.status(), 200);
    let password = initial_password(&response.text().await.unwrap());

    let user = app.new_client();
    assert_eq!(
        app.login(&user, "koordination@hamm.de", &password)
            .await
            .status(),
        303
    );
    let response = app.get(&user, "/verzeichnis").await;
    assert_eq!(response.status(), 200, "public pages stay public");
    let response = app.get(&user, "/").await;
    assert_eq!(response.status(), 200);
    let response = app.get(&user, "/verwaltung/benutzer").await;
    assert_eq!(
        response.headers()["location"],
        "/konto/passwort",
        "forced to change first"
    );
    let body = app
        .get(&user, "/konto/passwort")
        .await
        .text()
        .await
        .unwrap();
    assert!(body.contains("Bitte legen Sie jetzt Ihr eigenes Passwort fest."));

    let new = "Familienrathaus Präventionskette 2026";
    let response = app
        .post(
            &user,
            "/konto/passwort",
            &[("current", &password), ("new", new), ("repeat", new)],
        )
        .await;
    assert_eq!(response.status(), 303);
    let forced: bool = sqlx::query_scalar(
        "SELECT must_change_password FROM users WHERE email = 'koordination@hamm.de'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(!forced);

    let actions = app.audit_actions().await;
    assert!(actions.contains(&"benutzer_angelegt".to_owned()));
    assert!(actions.contains(&"passwort_geaendert".to_owned()));
}

#[tokio::test]
async fn the_user_form_keeps_input_and_explains_each_error() {
    let app = TestApp::spawn().await;
    let admin = app
        .signed_in("a@example.org", Role::Admin, None, None)
        .await;
    let response = app
        .post(
            &admin,
            "/verwaltung/benutzer/neu",
            &[
                ("email", "keine-adresse"),
                ("display_name", "Jugendamt <Lippe>"),
                ("role", "kommune"),
                ("kommune_ags", "99999"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Bitte eine gültige E-Mail-Adresse angeben"));
    assert!(body.contains("Zu diesem Gemeindeschlüssel gibt es keine Kommune"));
    assert!(body.contains(r#"value="keine-adresse""#));
    assert!(body.contains(r#"value="Jugendamt &#60;Lippe&#62;""#));
    assert!(body.contains(r#"value="99999""#));
    assert!(
        body.contains(r#"value="kommune" id="role" checked"#),
        "role kept"
    );

    let response = app
        .post(
            &admin,
            "/verwaltung/benutzer/neu",
            &[
                ("email", "x@example.org"),
                ("display_name", "X"),
                ("role", "land"),
            ],
        )
        .await;
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("bitte ein Land auswählen")
    );
    let response = app
        .post(
            &admin,
            "/verwaltung/benutzer/neu",
            &[("email", "x@example.org"), ("display_name", "X")],
        )
        .await;
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Bitte eine Rolle auswählen.")
    );
    let response = app
        .post(
            &admin,
            "/verwaltung/benutzer/neu",
            &[
                ("email", "a@example.org"),
                ("display_name", "X"),
                ("role", "bund"),
            ],
        )
        .await;
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Mit dieser E-Mail-Adresse gibt es bereits ein Konto.")
    );
}

#[tokio::test]
async fn a_stale_edit_is_refused_and_nothing_is_overwritten() {
    let app = TestApp::spawn().await;
    let admin = app
        .signed_in("a@example.org", Role::Admin, None, None)
        .await;
    let id = app
        .create_user("l@example.org", Role::Land, None, Some("05"))
        .await;

    // Two admins open the form at version 1; the first saves.
    let first = app
        .post(
            &admin,
            &format!("/verwaltung/benutzer/{id}"),
            &[
                ("display_name", "Landesstelle Baden-Württemberg"),
                ("role", "land"),
                ("land_code", "08"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(first.status(), 200);
    assert!(
        first
            .text()
            .await
            .unwrap()
            .contains("Die Änderungen wurden gespeichert.")
    );

    let second = app
        .post(
            &admin,
            &format!("/verwaltung/benutzer/{id}"),
            &[
                ("display_name", "Landesstelle Bayern"),
                ("role", "land"),
                ("land_code", "09"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(second.status(), 409);
    let body = second.text().await.unwrap();
    assert!(body.contains("jemand anderes hat dieses Konto inzwischen geändert"));
    assert!(
        body.contains("Landesstelle Baden-Württemberg"),
        "the stored values are shown"
    );
    assert!(
        body.contains(r#"value="Landesstelle Bayern""#),
        "the user's input is kept"
    );

    let stored: (String, String) =
        sqlx::query_as("SELECT display_name, land_code::text FROM users WHERE id = $1")
            .bind(id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        stored,
        ("Landesstelle Baden-Württemberg".to_owned(), "08".to_owned())
    );
    let history = app
        .get(&admin, &format!("/verwaltung/benutzer/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(history.contains("Konto geändert"));
}

#[tokio::test]
async fn deactivation_ends_all_sessions_at_once() {
    let app = TestApp::spawn().await;
    let admin = app
        .signed_in("a@example.org", Role::Admin, None, None)
        .await;
    let phone = app
        .signed_in("k@example.org", Role::Kommune, Some("05915"), None)
        .await;
    let laptop = app.new_client();
    app.login(&laptop, "k@example.org", PASSWORD).await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = 'k@example.org'")
        .fetch_one(&app.pool)
        .await
        .unwrap();

    // The account page asks first: a confirmation step, then the POST.
    let account = app
        .get(&admin, &format!("/verwaltung/benutzer/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(account.contains(&format!(r#"href="/verwaltung/benutzer/{id}/deaktivieren""#)));
    let confirm = app
        .get(&admin, &format!("/verwaltung/benutzer/{id}/deaktivieren"))
        .await
        .text()
        .await
        .unwrap();
    assert!(confirm.contains("Konto wirklich deaktivieren?") && confirm.contains("k@example.org"));
    assert!(confirm.contains(&format!(
        r#"<form method="post" action="/verwaltung/benutzer/{id}/deaktivieren""#
    )));
    let response = app
        .post(
            &admin,
            &format!("/verwaltung/benutzer/{id}/deaktivieren"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(
        location,
        format!("/verwaltung/benutzer/{id}?hinweis=deaktiviert")
    );
    let account = app.get(&admin, &location).await.text().await.unwrap();
    assert!(account.contains("Das Konto wurde deaktiviert; seine Sitzungen sind beendet."));
    // The history speaks German.
    assert!(
        account.contains("Beendete Sitzungen") && account.contains("Zugang"),
        "{account}"
    );
    assert!(!account.contains("beendete_sitzungen") && !account.contains("„true“"));
    for client in [&phone, &laptop] {
        assert_eq!(app.get(client, "/konto/passwort").await.status(), 303);
    }
    let sessions: i64 = sqlx::query_scalar("SELECT count(*) FROM sessions WHERE user_id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(sessions, 0);
    let response = app
        .login(&app.new_client(), "k@example.org", PASSWORD)
        .await;
    assert_eq!(response.status(), 401, "deactivated accounts cannot log in");

    app.post(
        &admin,
        &format!("/verwaltung/benutzer/{id}/reaktivieren"),
        &[],
    )
    .await;
    assert_eq!(
        app.login(&app.new_client(), "k@example.org", PASSWORD)
            .await
            .status(),
        303
    );

    let own: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = 'a@example.org'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let response = app
        .post(
            &admin,
            &format!("/verwaltung/benutzer/{own}/deaktivieren"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 400);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("eigenes Konto nicht deaktivieren")
    );
}

#[tokio::test]
async fn a_password_reset_shows_a_new_initial_password_once() {
    let app = TestApp::spawn().await;
    let admin = app
        .signed_in("a@example.org", Role::Admin, None, None)
        .await;
    let user = app.signed_in("b@example.org", Role::Bund, None, None).await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = 'b@example.org'")
        .fetch_one(&app.pool)
        .await
        .unwrap();

    let response = app
        .post(&admin, &format!("/verwaltung/benutzer/{id}/passwort"), &[])
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let password = initial_password(&response.text().await.unwrap());
    assert_eq!(
        app.get(&user, "/konto/passwort").await.status(),
        303,
        "old sessions ended"
    );
    assert_eq!(
        app.login(&app.new_client(), "b@example.org", PASSWORD)
            .await
            .status(),
        401
    );
    let fresh = app.new_client();
    assert_eq!(
        app.login(&fresh, "b@example.org", &password).await.status(),
        303
    );
    let response = app.get(&fresh, "/verwaltung/benutzer").await;
    assert_eq!(
        response.headers()["location"],
        "/konto/passwort",
        "change forced first"
    );
}

#[tokio::test]
async fn admins_add_gemeinden_with_a_checked_ags() {
    let app = TestApp::spawn().await;
    let admin = app
        .signed_in("a@example.org", Role::Admin, None, None)
        .await;
    let cases = [
        ("0576602", "genau acht Ziffern"),
        ("0576602x", "genau acht Ziffern"),
        ("17766020", "kein Land"),
        ("05799020", "keinen Kreis"),
        ("05766020", "gibt es bereits"),
    ];
    for (ags, message) in cases {
        let response = app
            .post(
                &admin,
                "/verzeichnis/gemeinden/neu",
                &[("ags", ags), ("name", "Testgemeinde")],
            )
            .await;
        assert_eq!(response.status(), 422, "{ags}");
        let body = response.text().await.unwrap();
        assert!(body.contains(message), "{ags}: {message}");
        assert!(body.contains(&format!(r#"value="{ags}""#)), "input kept");
    }
    let response = app
        .post(
            &admin,
            "/verzeichnis/gemeinden/neu",
            &[("ags", "05766008"), ("name", "")],
        )
        .await;
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Bitte den Namen der Gemeinde angeben.")
    );

    let response = app
        .post(
            &admin,
            "/verzeichnis/gemeinden/neu",
            &[("ags", "05766008"), ("name", "Blomberg")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let body = app
        .get(&app.client, "/verzeichnis/05")
        .await
        .text()
        .await
        .unwrap();
    assert!(body.contains("Blomberg"));
    assert!(
        body.contains("Statistisches Bundesamt (Destatis)"),
        "attribution shown"
    );
}

#[tokio::test]
async fn the_directory_lists_all_laender_and_kreise() {
    let app = TestApp::spawn().await;
    let body = app
        .get(&app.client, "/verzeichnis")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        body.matches(r#"<a class="kern-link" href="/verzeichnis/"#)
            .count(),
        16
    );
    assert!(body.contains("Statistisches Bundesamt (Destatis)"));
    let kreise: i64 = sqlx::query_scalar("SELECT count(*) FROM kommunen WHERE kind <> 'gemeinde'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(kreise, 401);
    assert_eq!(app.get(&app.client, "/verzeichnis/17").await.status(), 404);
}

/// The user list: searched by name or e-mail, role and Land, 50 to a page, with the last
/// sign-in; a fixed number of statements however many accounts there are.
#[tokio::test]
async fn the_user_list_is_searched_paged_and_shows_the_last_login() {
    use crate::support::queries;

    let app = TestApp::spawn().await;
    let admin = app
        .signed_in("a@example.org", Role::Admin, None, None)
        .await;
    for i in 1..=60 {
        app.create_user(&format!("k{i}@hamm.de"), Role::Kommune, Some("05915"), None)
            .await;
    }
    app.create_user("l@bw.de", Role::Land, None, Some("08"))
        .await;
    app.create_user("t@tuebingen.de", Role::Kommune, Some("08416041"), None)
        .await;
    assert_eq!(
        app.login(&app.new_client(), "k7@hamm.de", PASSWORD)
            .await
            .status(),
        303
    );
    let page = |path: &'static str| {
        let admin = admin.clone();
        let app = &app;
        async move {
            let response = app.get(&admin, path).await;
            assert_eq!(response.status(), 200, "{path}");
            response.text().await.unwrap()
        }
    };

    let first = page("/verwaltung/benutzer").await;
    assert!(first.contains("63 Konten, Seite 1 von 2"), "{first}");
    assert!(first.contains("Nächste Seite") && first.contains("Letzte Anmeldung"));
    let second = page("/verwaltung/benutzer?seite=2").await;
    assert!(second.contains("Seite 2 von 2") && second.contains("Vorherige Seite"));
    assert_eq!(
        first.matches("/verwaltung/benutzer/").count() - 1
            + second.matches("/verwaltung/benutzer/").count()
            - 1,
        63,
        "every account on one of the two pages"
    );

    let found = page("/verwaltung/benutzer?q=K7%40HAMM").await;
    assert!(
        found.contains("1 Konto") && found.contains("k7@hamm.de"),
        "{found}"
    );
    assert!(found.contains(" Uhr"), "last login shown: {found}");
    assert!(!found.contains("noch nie"));
    let never = page("/verwaltung/benutzer?q=k8%40").await;
    assert!(never.contains("noch nie"), "{never}");

    let land = page("/verwaltung/benutzer?rolle=land").await;
    assert!(
        land.contains("1 Konto") && land.contains("l@bw.de"),
        "{land}"
    );
    let bw = page("/verwaltung/benutzer?land=08").await;
    assert!(bw.contains("2 Konten") && bw.contains("t@tuebingen.de") && bw.contains("l@bw.de"));
    assert!(!bw.contains("k7@hamm.de"));
    let both = page("/verwaltung/benutzer?land=08&rolle=kommune&q=tue").await;
    assert!(both.contains("1 Konto") && both.contains("t@tuebingen.de"));
    // LIKE wildcards are taken literally; unknown filters filter nothing; no error page.
    let literal = page("/verwaltung/benutzer?q=%25").await;
    assert!(literal.contains("Kein Konto passt zu dieser Suche."));
    let unknown = page("/verwaltung/benutzer?rolle=kaiser&land=99&seite=x").await;
    assert!(unknown.contains("63 Konten"));

    let (small, _) = queries::count(app.get(&admin, "/verwaltung/benutzer")).await;
    sqlx::query(
        "INSERT INTO users (email, display_name, role, kommune_ags, password_hash)
         SELECT 'viele' || i || '@hamm.de', 'Viele', 'kommune', '05915', 'x'
         FROM generate_series(1, 500) i",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let (large, _) = queries::count(app.get(&admin, "/verwaltung/benutzer")).await;
    assert_eq!(small, large, "statements grow with the accounts");
    assert!(large <= 4, "{large} statements");
}

/// The Kommune of a coordinator is found in the directory and chosen from the hits; the
/// search keeps everything typed and saves nothing.
#[tokio::test]
async fn the_kommune_is_chosen_by_searching_the_directory() {
    let app = TestApp::spawn().await;
    let admin = app
        .signed_in("a@example.org", Role::Admin, None, None)
        .await;
    let search = |text: &'static str| {
        let admin = admin.clone();
        let app = &app;
        async move {
            let response = app
                .post(
                    &admin,
                    "/verwaltung/benutzer/neu",
                    &[
                        ("email", "koordination@hamm.de"),
                        ("display_name", "Koordinierungsstelle"),
                        ("role", "kommune"),
                        ("kommune_suche", text),
                        ("suchen", "ja"),
                    ],
                )
                .await;
            assert_eq!(response.status(), 200, "search {text:?}");
            response.text().await.unwrap()
        }
    };
    let hits = search("hamm").await;
    assert!(
        hits.contains("Hamm, Stadt (05915) – Kreisfreie Stadt, Nordrhein-Westfalen"),
        "{hits}"
    );
    assert!(hits.contains(r#"value="05915""#));
    assert!(
        hits.contains(r#"value="koordination@hamm.de""#),
        "input kept"
    );
    let by_key = search("0576").await;
    assert!(
        by_key.contains("(05766020)") && by_key.contains("(05766)"),
        "{by_key}"
    );
    assert!(search("").await.contains("Bitte geben Sie zum Suchen"));
    assert!(
        search("Atlantis")
            .await
            .contains("Keine Kommune gefunden zu „Atlantis“")
    );
    assert!(search("05915\0").await.contains("Hamm, Stadt"));
    let many = search("a").await;
    assert!(
        many.contains("es gibt weitere"),
        "more than 20 hits are cut"
    );
    let saved: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users WHERE email = 'koordination@hamm.de'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(saved, 0, "a search saves nothing");

    // Without a choice the form says what to do; with one the account is created.
    let response = app
        .post(
            &admin,
            "/verwaltung/benutzer/neu",
            &[
                ("email", "koordination@hamm.de"),
                ("display_name", "Koordinierungsstelle"),
                ("role", "kommune"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("bitte die Kommune suchen und auswählen")
    );
    let response = app
        .post(
            &admin,
            "/verwaltung/benutzer/neu",
            &[
                ("email", "koordination@hamm.de"),
                ("display_name", "Koordinierungsstelle"),
                ("role", "kommune"),
                ("kommune_ags", "05915"),
            ],
        )
        .await;
    assert_eq!(response.status(), 200);
    let id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = 'koordination@hamm.de'")
        .fetch_one(&app.pool)
        .await
        .unwrap();

    // Editing: the stored Kommune is shown and stays choosable beside the new hits.
    let path = format!("/verwaltung/benutzer/{id}");
    let body = app.get(&admin, &path).await.text().await.unwrap();
    assert!(
        body.contains("Ausgewählt: <strong>Hamm, Stadt (05915)</strong>"),
        "{body}"
    );
    let response = app
        .post(
            &admin,
            &path,
            &[
                ("display_name", "Koordinierungsstelle"),
                ("role", "kommune"),
                ("kommune_ags", "05915"),
                ("version", "1"),
                ("kommune_suche", "Detmold"),
                ("suchen", "ja"),
            ],
        )
        .await;
    assert_eq!(response.status(), 200);
    let body = response.text().await.unwrap();
    assert!(
        body.contains(r#"value="05915" id="kommune_ags" checked"#),
        "{body}"
    );
    assert!(body.contains("Detmold (05766020)"));
    let version: i32 = sqlx::query_scalar("SELECT version FROM users WHERE id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(version, 1, "a search changes nothing");
}
