//! Operations: the embedded PostgreSQL supervised while the portal runs.

use std::path::Path;
use std::time::{Duration, Instant};

use kinderchancen::config::Config;
use kinderchancen::db::Database;

use crate::support::{TestApp, scratch_dir};

/// Polls `/readyz` until it answers `status`; panics after `within`.
async fn wait_for_readiness(app: &TestApp, status: u16, within: Duration) {
    let deadline = Instant::now() + within;
    loop {
        let response = app.get(&app.client, "/readyz").await;
        if response.status() == status {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "/readyz did not answer {status} within {within:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The postmaster's pid, first line of `postmaster.pid` in the cluster's data folder.
fn postmaster_pid(data_dir: &Path) -> Option<libc::pid_t> {
    let text = std::fs::read_to_string(data_dir.join("postgres/pgdata/postmaster.pid")).ok()?;
    text.lines().next()?.trim().parse().ok()
}

#[tokio::test]
async fn a_killed_embedded_postgres_is_restarted_with_its_data_and_readyz_follows() {
    let mut config = Config::for_tests();
    config.data_dir = scratch_dir("supervised");
    let database = Database::open(&config).await.unwrap();
    sqlx::raw_sql("CREATE TABLE drill (n int); INSERT INTO drill VALUES (42)")
        .execute(&database.pool)
        .await
        .unwrap();
    let app = TestApp::serving(database.pool.clone(), config.clone()).await;
    wait_for_readiness(&app, 200, Duration::from_secs(5)).await;

    let killed = postmaster_pid(&config.data_dir).expect("postmaster.pid");
    // SAFETY: a signal to the test's own PostgreSQL server.
    assert_eq!(unsafe { libc::kill(killed, libc::SIGKILL) }, 0);
    wait_for_readiness(&app, 503, Duration::from_secs(10)).await;
    wait_for_readiness(&app, 200, Duration::from_secs(60)).await;

    let restarted = postmaster_pid(&config.data_dir).expect("postmaster.pid after the restart");
    assert_ne!(restarted, killed);
    let n: i32 = sqlx::query_scalar("SELECT n FROM drill")
        .fetch_one(&database.pool)
        .await
        .unwrap();
    assert_eq!(n, 42);

    database.close().await;
    // A clean stop removes the pid file; the restarted server was the one stopped.
    assert_eq!(postmaster_pid(&config.data_dir), None);
    // SAFETY: signal 0 only asks whether the process exists.
    assert_ne!(
        unsafe { libc::kill(restarted, 0) },
        0,
        "server still running"
    );
}
