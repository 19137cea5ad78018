use kinderchancen::policy::Role;

use crate::support::{PASSWORD, TestApp, session_cookie};

const FAILED: &str = "E-Mail-Adresse oder Passwort ist falsch.";

#[tokio::test]
async fn login_page_has_labelled_fields() {
    let app = TestApp::spawn().await;
    let body = app
        .get(&app.client, "/anmelden")
        .await
        .text()
        .await
        .unwrap();
    assert!(body.contains(r#"<label class="kern-label" for="email">E-Mail</label>"#));
    assert!(body.contains(r#"<label class="kern-label" for="password">Passwort</label>"#));
    assert!(body.contains(r#"lang="de""#));
}

#[tokio::test]
async fn login_sets_a_safe_cookie_and_logout_ends_the_session() {
    let app = TestApp::spawn().await;
    app.create_user("hamm@example.org", Role::Kommune, Some("05915"), None)
        .await;

    let response = app.login(&app.client, "Hamm@Example.org ", PASSWORD).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/");
    let cookie = session_cookie(&response).expect("session cookie");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(!cookie.contains("Secure"), "plain HTTP: no Secure flag");
    let token = cookie
        .split(';')
        .next()
        .unwrap()
        .split_once('=')
        .unwrap()
        .1
        .to_owned();
    assert!(token.len() >= 43, "256 random bits, base64: {token}");

    let start = app.get(&app.client, "/").await;
    assert_eq!(start.headers()["cache-control"], "no-store");
    let body = start.text().await.unwrap();
    assert!(body.contains("Hamm, Stadt"), "municipality on start page");

    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM sessions")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, 1);
    let logout = app.post(&app.client, "/abmelden", &[]).await;
    assert_eq!(logout.status(), 303);
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM sessions")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, 0, "session gone after logout");

    // Replaying the old cookie does not sign anyone in.
    let replay = app
        .new_client()
        .get(app.at("/konto/passwort"))
        .header("cookie", format!("kinderchancen_sitzung={token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 303);
    assert!(
        replay.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/anmelden")
    );

    let actions = app.audit_actions().await;
    assert_eq!(actions, ["anmeldung", "abmeldung"]);
}

#[tokio::test]
async fn a_new_session_id_at_every_login() {
    let app = TestApp::spawn().await;
    app.create_user("bund@example.org", Role::Bund, None, None)
        .await;
    let first =
        session_cookie(&app.login(&app.client, "bund@example.org", PASSWORD).await).unwrap();
    let second =
        session_cookie(&app.login(&app.client, "bund@example.org", PASSWORD).await).unwrap();
    assert_ne!(first, second);
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM sessions")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, 1, "the session of the first login was replaced");

    // A session id planted by someone else before login is never adopted.
    let planted = app.new_client();
    let response = planted
        .post(app.at("/anmelden"))
        .header("cookie", "kinderchancen_sitzung=vom-angreifer-gesetzt")
        .form(&[("email", "bund@example.org"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let cookie = session_cookie(&response).unwrap();
    assert!(!cookie.contains("vom-angreifer-gesetzt"));
}

#[tokio::test]
async fn unknown_email_and_wrong_password_look_the_same() {
    let app = TestApp::spawn().await;
    app.create_user("land@example.org", Role::Land, None, Some("05"))
        .await;

    // The fastest of five tries each, taken in turns, so that load on a shared machine at one
    // moment does not decide the comparison.
    let emails = ["niemand@example.org", "land@example.org"];
    let mut timings = [std::time::Duration::MAX; 2];
    for _ in 0..5 {
        for (email, fastest) in emails.iter().zip(timings.iter_mut()) {
            let started = std::time::Instant::now();
            let response = app
                .login(&app.new_client(), email, "falsches Passwort")
                .await;
            *fastest = (*fastest).min(started.elapsed());
            assert_eq!(response.status(), 401);
            let body = response.text().await.unwrap();
            assert!(body.contains(FAILED), "{body}");
            assert!(body.contains(&format!(r#"value="{email}""#)), "input kept");
        }
    }
    // Both run argon2 (a dummy hash for unknown e-mails): same order of magnitude.
    let ratio = timings[0].as_secs_f64() / timings[1].as_secs_f64();
    assert!((0.33..3.0).contains(&ratio), "timings differ: {timings:?}");
}

#[tokio::test]
async fn empty_login_form_gets_messages_at_the_fields() {
    let app = TestApp::spawn().await;
    let response = app.login(&app.client, "", "").await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Bitte geben Sie Ihre E-Mail-Adresse ein."));
    assert!(body.contains("Bitte geben Sie Ihr Passwort ein."));
    assert!(body.contains(r#"id="email-fehler""#));
    assert!(
        body.contains(r##"href="#email""##),
        "error summary links to the field"
    );
}

#[tokio::test]
async fn five_failures_lock_the_account_for_fifteen_minutes() {
    let app = TestApp::spawn().await;
    app.create_user("detmold@example.org", Role::Kommune, Some("05766020"), None)
        .await;
    for _ in 0..5 {
        let response = app
            .login(&app.client, "detmold@example.org", "falsch")
            .await;
        assert_eq!(response.status(), 401);
    }
    // Even the right password is refused now.
    let response = app
        .login(&app.client, "detmold@example.org", PASSWORD)
        .await;
    assert_eq!(response.status(), 429);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("für 15 Minuten gesperrt")
    );
    let actions = app.audit_actions().await;
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "anmeldung_fehlgeschlagen")
            .count(),
        5
    );
    assert_eq!(actions.iter().filter(|a| *a == "konto_gesperrt").count(), 1);
    assert_eq!(actions.last().unwrap(), "anmeldung_gesperrt");

    // Once the failures are older than the window, the account opens again.
    sqlx::query("UPDATE login_failures SET failed_at = now() - interval '16 minutes'")
        .execute(&app.pool)
        .await
        .unwrap();
    let response = app
        .login(&app.client, "detmold@example.org", PASSWORD)
        .await;
    assert_eq!(response.status(), 303);
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM login_failures")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(left, 0, "success clears the account's failures");
}

#[tokio::test]
async fn many_failures_from_one_address_lock_every_account_there() {
    let app = TestApp::spawn().await;
    app.create_user(
        "tuebingen@example.org",
        Role::Kommune,
        Some("08416041"),
        None,
    )
    .await;
    sqlx::query(
        "INSERT INTO login_failures (email, client_addr)
         SELECT 'geraten' || n || '@example.org', '127.0.0.1' FROM generate_series(1, 30) n",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let response = app
        .login(&app.client, "tuebingen@example.org", PASSWORD)
        .await;
    assert_eq!(response.status(), 429);
}

/// A page view writes the session row at most once a minute (a durable commit per request, and
/// one session's requests queuing on the row's lock, otherwise).
#[tokio::test]
async fn a_session_is_marked_used_at_most_once_a_minute() {
    let app = TestApp::spawn().await;
    let client = app
        .signed_in("bund@example.org", Role::Bund, None, None)
        .await;
    let seconds_idle = || async {
        sqlx::query_scalar::<_, f64>(
            "SELECT extract(epoch FROM now() - last_seen_at)::float8 FROM sessions",
        )
        .fetch_one(&app.pool)
        .await
        .unwrap()
    };
    sqlx::query("UPDATE sessions SET last_seen_at = now() - interval '30 seconds'")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(app.get(&client, "/konto/passwort").await.status(), 200);
    assert!(
        seconds_idle().await >= 29.0,
        "not written within the minute"
    );

    sqlx::query("UPDATE sessions SET last_seen_at = now() - interval '61 seconds'")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(app.get(&client, "/konto/passwort").await.status(), 200);
    assert!(seconds_idle().await < 5.0, "written after a minute");
}

#[tokio::test]
async fn sessions_end_after_idle_and_absolute_timeouts() {
    let app = TestApp::spawn().await;
    let client = app
        .signed_in("bund@example.org", Role::Bund, None, None)
        .await;
    assert_eq!(app.get(&client, "/konto/passwort").await.status(), 200);

    sqlx::query("UPDATE sessions SET last_seen_at = now() - interval '29 minutes'")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        app.get(&client, "/konto/passwort").await.status(),
        200,
        "29 minutes idle is fine"
    );

    sqlx::query("UPDATE sessions SET last_seen_at = now() - interval '31 minutes'")
        .execute(&app.pool)
        .await
        .unwrap();
    let response = app.get(&client, "/konto/passwort").await;
    assert_eq!(response.status(), 303, "31 minutes idle ends the session");
    assert!(
        session_cookie(&response).unwrap().contains("Max-Age=0"),
        "dead cookie cleared"
    );

    let client = app.new_client();
    app.login(&client, "bund@example.org", PASSWORD).await;
    sqlx::query("UPDATE sessions SET created_at = now() - interval '12 hours 1 minute'")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        app.get(&client, "/konto/passwort").await.status(),
        303,
        "12 hours is the limit"
    );
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_a_strong_new_one() {
    let app = TestApp::spawn().await;
    let client = app
        .signed_in("nrw@example.org", Role::Land, None, Some("05"))
        .await;
    let other_device = app.new_client();
    app.login(&other_device, "nrw@example.org", PASSWORD).await;

    let response = app
        .post(
            &client,
            "/konto/passwort",
            &[
                ("current", "falsch"),
                ("new", "password1234"),
                ("repeat", "password123"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Das bisherige Passwort ist nicht richtig."));
    assert!(body.contains("zu leicht zu erraten"));
    assert!(body.contains("Die Wiederholung stimmt nicht"));

    let response = app
        .post(
            &client,
            "/konto/passwort",
            &[("current", PASSWORD), ("new", "kurz"), ("repeat", "kurz")],
        )
        .await;
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("mindestens 12 Zeichen")
    );

    let new = "Leuchtturm Fahrradklingel Morgentau";
    let response = app
        .post(
            &client,
            "/konto/passwort",
            &[("current", PASSWORD), ("new", new), ("repeat", new)],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        app.get(&client, "/konto/passwort").await.status(),
        200,
        "this session stays"
    );
    assert_eq!(
        app.get(&other_device, "/konto/passwort").await.status(),
        303,
        "other sessions end"
    );
    assert_eq!(
        app.login(&app.new_client(), "nrw@example.org", new)
            .await
            .status(),
        303
    );
    assert_eq!(
        app.login(&app.new_client(), "nrw@example.org", PASSWORD)
            .await
            .status(),
        401
    );
}

#[tokio::test]
async fn start_page_depends_on_the_role() {
    let app = TestApp::spawn().await;
    let cases = [
        (
            "k@example.org",
            Role::Kommune,
            Some("05915"),
            None,
            "Hamm, Stadt",
        ),
        (
            "l@example.org",
            Role::Land,
            None,
            Some("08"),
            "Baden-Württemberg",
        ),
        (
            "b@example.org",
            Role::Bund,
            None,
            None,
            "Bundesweiter Überblick",
        ),
        (
            "a@example.org",
            Role::Admin,
            None,
            None,
            "Zur Benutzerverwaltung",
        ),
    ];
    for (email, role, kommune, land, expected) in cases {
        let client = app.signed_in(email, role, kommune, land).await;
        let body = app.get(&client, "/").await.text().await.unwrap();
        assert!(
            body.contains(expected),
            "{role:?} start page lacks {expected}"
        );
    }
    let anonymous = app.get(&app.client, "/").await.text().await.unwrap();
    assert!(anonymous.contains("Anmelden für Kommunen, Länder und Bund"));
}

#[tokio::test]
async fn demo_accounts_log_in_only_in_demo_mode() {
    let demo = TestApp::spawn_demo().await;
    let response = demo
        .login(
            &demo.client,
            "kommune.hamm@demo.invalid",
            "kinderchancen-demo",
        )
        .await;
    assert_eq!(response.status(), 303);

    let production = TestApp::spawn().await;
    kinderchancen::demo::seed(&production.pool).await.unwrap();
    let response = production
        .login(
            &production.client,
            "kommune.hamm@demo.invalid",
            "kinderchancen-demo",
        )
        .await;
    assert_eq!(response.status(), 401);

    // Seeding twice duplicates nothing.
    kinderchancen::demo::seed(&demo.pool).await.unwrap();
    let accounts: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&demo.pool)
        .await
        .unwrap();
    assert_eq!(accounts, 7);
}

#[tokio::test]
async fn open_redirects_are_not_followed_after_login() {
    let app = TestApp::spawn().await;
    app.create_user("a@example.org", Role::Admin, None, None)
        .await;
    for (target, expected) in [
        ("//evil.example/", "/"),
        ("https://evil.example", "/"),
        ("/verzeichnis", "/verzeichnis"),
    ] {
        let response = app
            .post(
                &app.new_client(),
                "/anmelden",
                &[
                    ("email", "a@example.org"),
                    ("password", PASSWORD),
                    ("weiter", target),
                ],
            )
            .await;
        assert_eq!(response.headers()["location"], expected);
    }
}

#[tokio::test]
async fn failures_from_another_client_do_not_lock_out_the_owner() {
    let app = TestApp::spawn().await;
    app.create_user("detmold@example.org", Role::Kommune, Some("05766020"), None)
        .await;
    // Someone elsewhere guesses the password of a known account many times.
    sqlx::query(
        "INSERT INTO login_failures (email, client_addr)
         SELECT 'detmold@example.org', '203.0.113.7' FROM generate_series(1, 6)",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    // The owner, from their own address, can still sign in; the guesser's count stays.
    let started = std::time::Instant::now();
    let response = app
        .login(&app.client, "detmold@example.org", PASSWORD)
        .await;
    assert_eq!(response.status(), 303);
    assert!(
        started.elapsed() >= std::time::Duration::from_secs(1),
        "attempts on an account under attack are slowed down"
    );
    let left: i64 =
        sqlx::query_scalar("SELECT count(*) FROM login_failures WHERE client_addr = '203.0.113.7'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(left, 6);
}
