//! Connection pool, migrations, the embedded PostgreSQL cluster, backup and restore.

pub mod backup;
pub mod embedded;

use std::time::Duration;

use anyhow::Context;
use sqlx::PgPool;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};

use crate::computed::Revision;
use crate::config::Config;
pub use embedded::EmbeddedPostgres;

pub const DATABASE_NAME: &str = "kinderchancen";

/// The pool and, when no `DATABASE_URL` was given, the cluster behind it; dropping the
/// `Database` stops that cluster.
pub struct Database {
    pub pool: PgPool,
    embedded: Option<EmbeddedPostgres>,
    /// The same database for libpq's tools (`pg_dump`, `pg_restore`).
    libpq_url: url::Url,
}

impl Database {
    pub async fn open(config: &Config) -> anyhow::Result<Self> {
        let invalid_url = || "DATABASE_URL ist ungültig / DATABASE_URL is invalid";
        let (options, libpq_url, embedded) = match &config.database_url {
            Some(url) => (
                url.parse::<PgConnectOptions>().context(invalid_url())?,
                url::Url::parse(url).context(invalid_url())?,
                None,
            ),
            None => {
                let data_dir = config.data_dir.join("postgres");
                tracing::info!(dir = %data_dir.display(), "starte eingebettetes PostgreSQL");
                let cluster = EmbeddedPostgres::start(&data_dir, false)?;
                create_database_if_missing(&cluster, DATABASE_NAME).await?;
                (
                    cluster.connect_options(DATABASE_NAME),
                    cluster.libpq_url(DATABASE_NAME),
                    Some(cluster),
                )
            }
        };
        let pool = pool_options()
            .connect_with(session_settings(options))
            .await
            .context(
                "Verbindung zur Datenbank fehlgeschlagen / could not connect to the database",
            )?;
        Ok(Self {
            pool,
            embedded,
            libpq_url,
        })
    }

    /// Closes the pool, then stops the embedded cluster (if any).
    pub async fn close(mut self) {
        self.pool.close().await;
        if let Some(mut cluster) = self.embedded.take() {
            tokio::task::spawn_blocking(move || cluster.stop())
                .await
                .ok();
        }
    }
}

/// Settings for every connection of the portal, sent at connection start (no extra
/// statement). JIT compilation off: the portal's queries run for milliseconds, and when a
/// cost estimate crosses `jit_above_cost` – as with sequential scans switched off in the
/// search – compiling takes hundreds of milliseconds (measured: 380 ms for a 20 ms search).
/// Plans are cached as PostgreSQL decides (`plan_cache_mode=auto`): planning a knowledge
/// entry's query on every execution cost 2.5 times its database time (pgbench: 12,200 against
/// 4,800 per second). The few queries whose cached generic plan is slow plan each execution
/// themselves (`persistent(false)`, or a setting in their transaction).
pub fn session_settings(options: PgConnectOptions) -> PgConnectOptions {
    options.options([("jit", "off")])
}

/// `text` for a LIKE pattern, with `%`, `_` and `\` taken literally.
pub fn like_escaped(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// An ILIKE pattern finding `text` anywhere; `None` for blank text (no filter).
pub fn like_pattern(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| format!("%{}%", like_escaped(text)))
}

/// How often the data of `land_code` (or, for `None`, of any Land) has changed, as of today:
/// the key of the figures `computed` keeps (see migration 0018).
pub async fn revision(pool: &PgPool, land_code: Option<&str>) -> sqlx::Result<Revision> {
    let number = sqlx::query_scalar!(
        r#"SELECT coalesce(sum(revision), 0)::bigint AS "number!"
           FROM land_revisions WHERE $1::text IS NULL OR land_code = $1"#,
        land_code
    )
    .fetch_one(pool)
    .await?;
    Ok(Revision {
        day: crate::clock::today(),
        number,
    })
}

pub fn pool_options() -> PgPoolOptions {
    PgPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(Duration::from_secs(5))
        // A ping before every statement doubled the round trips of a page (measured: issue 11).
        // A connection that broke while idle fails its next statement once and is dropped;
        // connections older than `max_lifetime` are replaced before that can pile up.
        .test_before_acquire(false)
}

pub async fn create_database_if_missing(
    cluster: &EmbeddedPostgres,
    name: &str,
) -> anyhow::Result<()> {
    use sqlx::Connection;
    let mut admin = sqlx::PgConnection::connect_with(&cluster.connect_options("postgres")).await?;
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
            .bind(name)
            .fetch_one(&mut admin)
            .await?;
    if !exists {
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
            .execute(&mut admin)
            .await?;
    }
    admin.close().await?;
    Ok(())
}

/// Applies the schema migrations; safe to run at every start.
pub async fn migrate(pool: &PgPool) -> anyhow::Result<()> {
    sqlx::migrate!("./migrations")
        .run(pool)
        .await
        .context("Migration fehlgeschlagen / migration failed")?;
    Ok(())
}
