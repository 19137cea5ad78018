//! Password-guessing brake: too many failures for one account or from one client address
//! within the window refuse further attempts (without running argon2) until they age out.
//! The counters are rows in PostgreSQL, so the limit holds across app nodes.

use sqlx::PgPool;

pub const WINDOW_MINUTES: i32 = 15;
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
/// Higher than per account: many people may share one address (town hall NAT).
pub const MAX_FAILURES_PER_ADDRESS: i64 = 30;

pub async fn is_locked(pool: &PgPool, email: &str, client_addr: &str) -> sqlx::Result<bool> {
    let counts = sqlx::query!(
        r#"
        SELECT count(*) FILTER (WHERE email = $1) AS "account!",
               count(*) FILTER (WHERE client_addr = $2) AS "address!"
        FROM login_failures
        WHERE failed_at > now() - make_interval(mins => $3)
          AND (email = $1 OR client_addr = $2)
        "#,
        email,
        client_addr,
        WINDOW_MINUTES,
    )
    .fetch_one(pool)
    .await?;
    Ok(counts.account >= MAX_FAILURES_PER_ACCOUNT || counts.address >= MAX_FAILURES_PER_ADDRESS)
}

/// Records a failure; returns whether this failure locked the account.
pub async fn record_failure(pool: &PgPool, email: &str, client_addr: &str) -> sqlx::Result<bool> {
    let account_failures = sqlx::query_scalar!(
        r#"
        WITH inserted AS (
            INSERT INTO login_failures (email, client_addr) VALUES ($1, $2)
        )
        SELECT count(*) + 1 AS "count!" FROM login_failures
        WHERE email = $1 AND failed_at > now() - make_interval(mins => $3)
        "#,
        email,
        client_addr,
        WINDOW_MINUTES,
    )
    .fetch_one(pool)
    .await?;
    Ok(account_failures == MAX_FAILURES_PER_ACCOUNT)
}

pub async fn clear(pool: &PgPool, email: &str) -> sqlx::Result<()> {
    sqlx::query!("DELETE FROM login_failures WHERE email = $1", email)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn purge_old(pool: &PgPool) -> sqlx::Result<u64> {
    let result = sqlx::query!(
        "DELETE FROM login_failures WHERE failed_at < now() - make_interval(mins => $1)",
        WINDOW_MINUTES
    )
    .execute(pool)
    .await?;
    Ok(result.rows_affected())
}
