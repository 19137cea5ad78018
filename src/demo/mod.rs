//! Demo mode: the demo accounts of DESIGN.md, the networks of Hamm, Detmold, Tübingen and
//! Halle (Saale) (`workspace.sql`, written from the source documents), the Land programs
//! of NRW and Baden-Württemberg with fundings and reports (`funding.sql`), 45 further
//! networks "… (Demo)" in all 16 Länder for the national overview and its map
//! (`national.sql`), and values of the indicator catalog for them (`catalog.sql`, invented
//! and marked as demo values). Only `cargo run -- demo` calls this, and only demo mode lets
//! these accounts log in.

use sqlx::PgPool;

use crate::auth::password;
use crate::policy::Role;
use crate::users::db::{self, Assignment, NewUser};

pub const PASSWORD: &str = "kinderchancen-demo";

/// E-mail, name, role, municipality (AGS), Land (code).
type DemoAccount = (
    &'static str,
    &'static str,
    Role,
    Option<&'static str>,
    Option<&'static str>,
);

const ACCOUNTS: [DemoAccount; 7] = [
    (
        "admin@demo.invalid",
        "Demo-Administration",
        Role::Admin,
        None,
        None,
    ),
    (
        "bund@demo.invalid",
        "Geschäftsstelle Kinderchancen (Demo)",
        Role::Bund,
        None,
        None,
    ),
    (
        "land.nrw@demo.invalid",
        "Landesprogrammstelle NRW (Demo)",
        Role::Land,
        None,
        Some("05"),
    ),
    (
        "land.bw@demo.invalid",
        "Landesprogrammstelle Baden-Württemberg (Demo)",
        Role::Land,
        None,
        Some("08"),
    ),
    (
        "kommune.hamm@demo.invalid",
        "Koordinierungsstelle Hamm (Demo)",
        Role::Kommune,
        Some("05915"),
        None,
    ),
    (
        "kommune.detmold@demo.invalid",
        "Präventionsmanagement Detmold (Demo)",
        Role::Kommune,
        Some("05766020"),
        None,
    ),
    (
        "kommune.tuebingen@demo.invalid",
        "Koordination Kinderchancen Tübingen (Demo)",
        Role::Kommune,
        Some("08416041"),
        None,
    ),
];

/// Creates the demo accounts and networks that do not exist yet; running it again changes
/// nothing.
pub async fn seed(pool: &PgPool) -> anyhow::Result<()> {
    let hash = password::hash(PASSWORD.to_owned())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut tx = pool.begin().await?;
    for (email, name, role, ags, land) in ACCOUNTS {
        let assignment = Assignment {
            role,
            kommune_ags: ags.map(str::to_owned),
            land_code: land.map(str::to_owned),
        };
        db::insert(
            &mut *tx,
            NewUser {
                email,
                display_name: name,
                assignment: &assignment,
                password_hash: &hash,
                must_change_password: false,
                is_demo: true,
            },
        )
        .await?;
    }
    let has_networks = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM networks
                          WHERE kommune_ags IN ('05915', '05766020', '08416041', '15002')) AS "exists!""#
    )
    .fetch_one(&mut *tx)
    .await?;
    if !has_networks {
        sqlx::raw_sql(include_str!("workspace.sql"))
            .execute(&mut *tx)
            .await?;
    }
    let has_programs = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM funding_programs
                          WHERE (land_code, name) IN (('05', 'kinderstark – NRW schafft Chancen'),
                              ('08', 'Präventionsnetzwerke gegen Kinderarmut in Baden-Württemberg'))) AS "exists!""#
    )
    .fetch_one(&mut *tx)
    .await?;
    if !has_programs {
        sqlx::raw_sql(include_str!("funding.sql"))
            .execute(&mut *tx)
            .await?;
        report_parts(&mut tx).await?;
        sqlx::raw_sql(include_str!("funding_reports.sql"))
            .execute(&mut *tx)
            .await?;
    }
    // After the programs: the demo networks of NRW and Baden-Württemberg are funded by them.
    let has_national = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM networks WHERE name LIKE '% (Demo)') AS "exists!""#
    )
    .fetch_one(&mut *tx)
    .await?;
    if !has_national {
        sqlx::raw_sql(include_str!("national.sql"))
            .execute(&mut *tx)
            .await?;
    }
    // Idempotent, and last: it gives catalog values to every demo network seeded before it.
    sqlx::raw_sql(include_str!("catalog.sql"))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The goals and indicator values of each demo report's snapshot, computed as the portal takes
/// a snapshot (the same roll-up of goal progress, the same number formats), as the network
/// stood at the end of the report's period. The statements read the temporary tables of
/// `funding.sql`, which the compile-time check cannot see.
async fn report_parts(tx: &mut sqlx::PgConnection) -> anyhow::Result<()> {
    let reports: Vec<(i64, i32, i64, time::Date, time::Date)> = sqlx::query_as(
        "SELECT funding_id, seq, network_id, period_start, period_end FROM demo_reports",
    )
    .fetch_all(&mut *tx)
    .await?;
    for (funding_id, seq, network_id, start, end) in reports {
        let (goals, indicators) =
            crate::funding::goals_and_indicators(&mut *tx, network_id, start, end, end).await?;
        sqlx::query(
            "INSERT INTO demo_report_parts (funding_id, seq, goals, indicators) VALUES ($1, $2, $3, $4)",
        )
        .bind(funding_id)
        .bind(seq)
        .bind(serde_json::to_value(goals)?)
        .bind(serde_json::to_value(indicators)?)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

/// Adds `networks` synthetic networks with everything a network records (`synthetic.sql`),
/// spread over every Kommune, for load tests at national scale. Returns how many were added.
pub async fn synthetic_workspace(pool: &PgPool, networks: i32) -> anyhow::Result<i64> {
    anyhow::ensure!(
        networks > 0,
        "Die Zahl der Netzwerke muss größer als 0 sein."
    );
    let mut tx = pool.begin().await?;
    sqlx::query_scalar!(
        "SELECT set_config('kc.networks', $1, true)",
        networks.to_string()
    )
    .fetch_one(&mut *tx)
    .await?;
    sqlx::raw_sql(include_str!("synthetic.sql"))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    // As autovacuum would leave the tables, so that measurements start from settled
    // statistics and visibility maps.
    sqlx::raw_sql("VACUUM ANALYZE").execute(pool).await?;
    Ok(i64::from(networks))
}
