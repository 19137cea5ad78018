//! Password-guessing brake. Failures are counted per account *and client address* and per
//! address: too many within the window refuse further attempts from that address (without
//! running argon2) until they age out. Failures for an account from other addresses never
//! refuse its owner (ASVS 5.0 6.3.1: no lockout as denial of service); they only slow every
//! attempt on that account down, a little more with each, so that guessing spread over many
//! addresses stays slow. The counters are rows in PostgreSQL, so all this holds across app
//! nodes.

use std::time::Duration;

use sqlx::PgPool;

pub const WINDOW_MINUTES: i32 = 15;
pub const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS: i64 = 5;
/// Higher than per account: many people may share one address (town hall NAT).
pub const MAX_FAILURES_PER_ADDRESS: i64 = 30;
/// From this many failures for an account (from anywhere), each attempt on it waits one second
/// more per further failure, up to [`MAX_DELAY`].
const SLOW_FROM_FAILURES: i64 = 5;
const MAX_DELAY: Duration = Duration::from_secs(5);

/// What the failures so far mean for the next attempt on `email` from `client_addr`.
pub struct Brake {
    /// Refused from this address.
    pub locked: bool,
    /// To wait before checking the password.
    pub delay: Duration,
}

pub async fn brake(pool: &PgPool, email: &str, client_addr: &str) -> sqlx::Result<Brake> {
    let counts = sqlx::query!(
        r#"
        SELECT count(*) FILTER (WHERE email = $1) AS "account!",
               count(*) FILTER (WHERE email = $1 AND client_addr = $2) AS "account_here!",
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
    let beyond = counts.account - SLOW_FROM_FAILURES + 1;
    let delay = Duration::from_secs(u64::try_from(beyond).unwrap_or(0)).min(MAX_DELAY);
    Ok(Brake {
        locked: counts.account_here >= MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS
            || counts.address >= MAX_FAILURES_PER_ADDRESS,
        delay,
    })
}

/// Records a failure; returns whether this failure locked the account for this address.
pub async fn record_failure(pool: &PgPool, email: &str, client_addr: &str) -> sqlx::Result<bool> {
    let failures_here = sqlx::query_scalar!(
        r#"
        WITH inserted AS (
            INSERT INTO login_failures (email, client_addr) VALUES ($1, $2)
        )
        SELECT count(*) + 1 AS "count!" FROM login_failures
        WHERE email = $1 AND client_addr = $2
          AND failed_at > now() - make_interval(mins => $3)
        "#,
        email,
        client_addr,
        WINDOW_MINUTES,
    )
    .fetch_one(pool)
    .await?;
    Ok(failures_here == MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS)
}

/// After a successful login: forgets the account's failures from this address. Failures from
/// elsewhere stay; they may be someone else's guessing, which goes on.
pub async fn clear(pool: &PgPool, email: &str, client_addr: &str) -> sqlx::Result<()> {
    sqlx::query!(
        "DELETE FROM login_failures WHERE email = $1 AND client_addr = $2",
        email,
        client_addr
    )
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
