//! Several portal nodes on one database (behind a load balancer): they share nothing but
//! PostgreSQL, so sessions, the login brake and version checks hold across them. Two apps
//! with their own state in this process stand for two processes: the portal keeps no
//! node-local state that these rely on.

use kinderchancen::config::Config;
use kinderchancen::policy::Role;

use crate::networks::HAMM;
use crate::partners::partner_form;
use crate::support::{PASSWORD, TestApp};

#[tokio::test]
async fn two_nodes_share_sessions_the_login_brake_and_version_checks() {
    let a = TestApp::spawn().await;
    let b = TestApp::serving(a.pool.clone(), Config::for_tests()).await;
    let network = a.create_network(HAMM, "Netzwerk Hamm").await;
    a.create_user("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;

    // A session begun on A works on B (the cookie is the same for both: same host).
    let coordinator = a.new_client();
    assert_eq!(
        a.login(&coordinator, "k@hamm.de", PASSWORD).await.status(),
        303
    );
    let overview = format!("/netzwerke/{network}");
    assert_eq!(b.get(&coordinator, &overview).await.status(), 200);

    // A stale edit on B conflicts with a save on A.
    let other = a.new_client();
    assert_eq!(a.login(&other, "k@hamm.de", PASSWORD).await.status(), 303);
    let created = a
        .post(
            &coordinator,
            &format!("/netzwerke/{network}/partner/neu"),
            &partner_form("Jobcenter Hamm", ""),
        )
        .await;
    assert_eq!(created.status(), 303);
    let partner: i64 = sqlx::query_scalar("SELECT id FROM partners WHERE network_id = $1")
        .bind(network)
        .fetch_one(&a.pool)
        .await
        .unwrap();
    let edit = format!("/netzwerke/{network}/partner/{partner}/bearbeiten");
    let saved = a
        .post(
            &coordinator,
            &edit,
            &partner_form("Jobcenter Hamm (A)", "1"),
        )
        .await;
    assert_eq!(saved.status(), 303);
    let stale = b
        .post(&other, &edit, &partner_form("Jobcenter Hamm (B)", "1"))
        .await;
    assert_eq!(stale.status(), 409);
    assert!(stale.text().await.unwrap().contains("Jobcenter Hamm (A)"));

    // Logout on A ends the session on B.
    assert_eq!(a.post(&coordinator, "/abmelden", &[]).await.status(), 303);
    let after = b.get(&coordinator, &overview).await;
    assert_eq!(after.status(), 303, "signed out on every node");
    assert!(
        after.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/anmelden")
    );
    assert_eq!(b.get(&other, &overview).await.status(), 200, "others stay");

    // Failures count across nodes: three on A and two on B lock the account for this
    // address on both.
    let guesser = a.new_client();
    for (node, tries) in [(&a, 3), (&b, 2)] {
        for _ in 0..tries {
            let response = node.login(&guesser, "k@hamm.de", "falsch").await;
            assert_eq!(response.status(), 401);
        }
    }
    for node in [&a, &b] {
        let response = node.login(&guesser, "k@hamm.de", PASSWORD).await;
        assert_eq!(response.status(), 429);
    }
}

/// Behind the nodes' reverse proxy every connection comes from the proxy: with it trusted,
/// the login brake counts the addresses the proxy forwards, not the proxy's own.
#[tokio::test]
async fn behind_a_trusted_proxy_the_brake_counts_the_forwarded_addresses() {
    let app = TestApp::spawn_with(|c| c.trusted_proxies = vec!["127.0.0.1".parse().unwrap()]).await;
    app.create_user("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let login = |from: &'static str, password: &'static str| {
        app.client
            .post(app.at("/anmelden"))
            .header("x-forwarded-for", from)
            .form(&[("email", "k@hamm.de"), ("password", password)])
            .send()
    };
    for _ in 0..5 {
        assert_eq!(login("198.51.100.1", "falsch").await.unwrap().status(), 401);
    }
    assert_eq!(login("198.51.100.1", PASSWORD).await.unwrap().status(), 429);
    assert_eq!(
        login("198.51.100.2", PASSWORD).await.unwrap().status(),
        303,
        "the owner elsewhere gets in"
    );
    let recorded: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT client_addr FROM login_failures")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(recorded, ["198.51.100.1"]);
}
