//! Kinderchancen-Portal: planning and steering municipal child-poverty prevention networks.
//!
//! Requests flow `web` (router, middleware) → domain handler → `policy` → db functions →
//! askama template. `main.rs` only parses the command line and calls [`run`] and friends.
//! The layers and their order are in the README; `tests/it/layers.rs` keeps imports one-way.

pub mod app;
pub mod audit;
pub mod auth;
pub mod catalog;
pub mod clock;
pub mod computed;
pub mod config;
pub mod db;
pub mod demo;
pub mod directory;
pub mod error;
pub mod format;
pub mod funding;
pub mod goals;
pub mod home;
pub mod identity;
pub mod indicators;
pub mod inventory;
pub mod knowledge;
pub mod map;
pub mod measures;
pub mod nap;
pub mod national;
pub mod network_pages;
pub mod networks;
pub mod opendata;
pub mod partners;
pub mod policy;
pub mod request;
pub mod site;
pub mod state;
pub mod states;
pub mod suppression;
pub mod users;
pub mod vocab;
pub mod web;

use config::Config;
use db::Database;

pub use app::run;

/// Runs the migrations (and reference data) only.
pub async fn migrate_only(config: Config) -> anyhow::Result<()> {
    let database = Database::open(&config).await?;
    let result = app::migrate(&database.pool).await;
    database.close().await;
    result
}

/// Adds `count` synthetic published knowledge entries (for measuring search speed).
pub async fn synthetic_knowledge(config: Config, count: i32) -> anyhow::Result<u64> {
    let database = Database::open(&config).await?;
    let result = async {
        app::migrate(&database.pool).await?;
        Ok(knowledge::synthetic::generate(&database.pool, count).await?)
    }
    .await;
    database.close().await;
    result
}

/// Adds `networks` synthetic networks with measures, goals, indicators, fundings and reports
/// (for load tests at national scale).
pub async fn synthetic_workspace(config: Config, networks: i32) -> anyhow::Result<i64> {
    let database = Database::open(&config).await?;
    let result = async {
        app::migrate(&database.pool).await?;
        demo::synthetic_workspace(&database.pool, networks).await
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
        app::migrate(&database.pool).await?;
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
            .map_err(|e| match error::violated_constraint(&e) {
                Some(c) if c.ends_with("_fkey") => {
                    anyhow::anyhow!("Kommune oder Land nicht im Verzeichnis ({c})")
                }
                _ => e.into(),
            })?
            .ok_or_else(|| anyhow::anyhow!("Es gibt bereits ein Konto mit der E-Mail {email}"))?;
        Ok(initial)
    }
    .await;
    database.close().await;
    result
}
