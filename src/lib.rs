//! Kinderchancen-Portal: planning and steering municipal child-poverty prevention networks.
//!
//! Requests flow `web` (router, middleware) → domain handler → `policy` → db functions →
//! askama template. `main.rs` only parses the command line and calls [`run`] and friends.

pub mod audit;
pub mod auth;
pub mod config;
pub mod db;
pub mod demo;
pub mod directory;
pub mod error;
pub mod funding;
pub mod goals;
pub mod home;
pub mod indicators;
pub mod inventory;
pub mod knowledge;
pub mod measures;
pub mod networks;
pub mod partners;
pub mod policy;
pub mod site;
pub mod users;
pub mod vocab;
pub mod web;

use std::sync::Arc;
use std::time::Duration;

use config::{Config, Mode};
use db::Database;
use web::AppState;

/// Starts the portal: database (embedded unless `DATABASE_URL`), migrations, demo data in
/// demo mode, then HTTP until Ctrl-C or SIGTERM; stops the embedded database on the way out.
pub async fn run(config: Config) -> anyhow::Result<()> {
    let database = Database::open(&config).await?;
    let served = serve_on(&config, &database).await;
    database.close().await;
    served
}

async fn serve_on(config: &Config, database: &Database) -> anyhow::Result<()> {
    db::migrate(&database.pool).await?;
    if config.mode == Mode::Demo {
        demo::seed(&database.pool).await?;
    }
    tokio::task::spawn_blocking(auth::password::warm_up).await?;
    let state = AppState {
        pool: database.pool.clone(),
        config: Arc::new(config.clone()),
    };
    tokio::spawn(housekeeping(state.clone()));
    let listener = tokio::net::TcpListener::bind(config.bind)
        .await
        .map_err(|e| {
            anyhow::anyhow!(
                "Adresse {} nicht verfügbar / cannot bind {}: {e}",
                config.bind,
                config.bind
            )
        })?;
    let url = format!("http://{}", listener.local_addr()?);
    match config.mode {
        Mode::Demo => tracing::info!(
            "Kinderchancen-Portal (Demo) läuft auf {url} – Anmeldung z. B. mit \
             kommune.hamm@demo.invalid / {}",
            demo::PASSWORD
        ),
        Mode::Production => tracing::info!("Kinderchancen-Portal läuft auf {url}"),
    }
    web::serve(listener, state, shutdown_signal()).await?;
    tracing::info!("Portal beendet");
    Ok(())
}

/// Deletes expired sessions and aged-out login failures every ten minutes.
async fn housekeeping(state: AppState) {
    let mut interval = tokio::time::interval(Duration::from_secs(600));
    loop {
        interval.tick().await;
        let sessions = auth::session::purge_expired(&state.pool, &state.config).await;
        let failures = auth::throttle::purge_old(&state.pool).await;
        if let (Err(e), _) | (_, Err(e)) = (&sessions, &failures) {
            tracing::warn!(error = %e, "Aufräumen fehlgeschlagen");
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .expect("SIGTERM handler");
    tokio::select! {
        _ = ctrl_c => {},
        _ = term.recv() => {},
    }
    tracing::info!("Beenden angefordert, laufende Anfragen werden abgeschlossen");
}

/// Runs the migrations (and reference data) only.
pub async fn migrate_only(config: Config) -> anyhow::Result<()> {
    let database = Database::open(&config).await?;
    let result = db::migrate(&database.pool).await;
    database.close().await;
    result
}

/// Adds `count` synthetic published knowledge entries (for measuring search speed).
pub async fn synthetic_knowledge(config: Config, count: i32) -> anyhow::Result<u64> {
    let database = Database::open(&config).await?;
    let result = async {
        db::migrate(&database.pool).await?;
        Ok(knowledge::synthetic::generate(&database.pool, count).await?)
    }
    .await;
    database.close().await;
    result
}

/// Creates an account with a random initial password, which is returned to be shown once.
pub async fn create_user(
    config: Config,
    email: &str,
    display_name: &str,
    assignment: users::db::Assignment,
) -> anyhow::Result<String> {
    let shape_ok = match assignment.role {
        policy::Role::Kommune => assignment.kommune_ags.is_some() && assignment.land_code.is_none(),
        policy::Role::Land => assignment.land_code.is_some() && assignment.kommune_ags.is_none(),
        policy::Role::Bund | policy::Role::Admin => {
            assignment.kommune_ags.is_none() && assignment.land_code.is_none()
        }
    };
    if !shape_ok {
        anyhow::bail!(
            "Die Rolle kommune braucht --kommune AGS, die Rolle land braucht --land CODE, \
             bund und admin brauchen keines von beiden."
        );
    }
    let database = Database::open(&config).await?;
    let result = async {
        db::migrate(&database.pool).await?;
        let initial = auth::password::generate_initial();
        let hash = auth::password::hash(initial.clone())
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let new_user = users::db::NewUser {
            email,
            display_name,
            assignment: &assignment,
            password_hash: &hash,
            must_change_password: true,
            is_demo: false,
        };
        users::db::insert(&database.pool, new_user)
            .await
            .map_err(
                |e| match e.as_database_error().and_then(|d| d.constraint()) {
                    Some(c) if c.ends_with("_fkey") => {
                        anyhow::anyhow!("Kommune oder Land nicht im Verzeichnis ({c})")
                    }
                    _ => e.into(),
                },
            )?
            .ok_or_else(|| anyhow::anyhow!("Es gibt bereits ein Konto mit der E-Mail {email}"))?;
        Ok(initial)
    }
    .await;
    database.close().await;
    result
}
