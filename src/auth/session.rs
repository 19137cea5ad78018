//! Server-side sessions in PostgreSQL. The cookie holds 256 random bits; the table holds only
//! their SHA-256 hash.

use axum::http::HeaderValue;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngExt;
use sha2::{Digest, Sha256};
use sqlx::{PgExecutor, PgPool};

use crate::config::Config;
use crate::identity::SessionUser;
use crate::policy::Role;

pub fn cookie_name(config: &Config) -> &'static str {
    if config.https {
        "__Host-kinderchancen_sitzung"
    } else {
        "kinderchancen_sitzung"
    }
}

pub fn set_cookie(config: &Config, token: &str) -> HeaderValue {
    let secure = if config.https { "; Secure" } else { "" };
    let value = format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Lax{secure}",
        cookie_name(config)
    );
    HeaderValue::from_str(&value).expect("cookie value is ASCII")
}

pub fn clear_cookie(config: &Config) -> HeaderValue {
    let secure = if config.https { "; Secure" } else { "" };
    let value = format!(
        "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}",
        cookie_name(config)
    );
    HeaderValue::from_str(&value).expect("cookie value is ASCII")
}

pub fn hash_token(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Starts a new session with a fresh random id and returns the cookie value.
pub async fn create(db: impl PgExecutor<'_>, user_id: i64) -> sqlx::Result<String> {
    let mut bytes = [0u8; 32];
    rand::rng().fill(&mut bytes);
    let token = URL_SAFE_NO_PAD.encode(bytes);
    sqlx::query!(
        "INSERT INTO sessions (id_hash, user_id) VALUES ($1, $2)",
        hash_token(&token),
        user_id
    )
    .execute(db)
    .await?;
    Ok(token)
}

/// Finds the live session for `token` and marks it used, in one statement. Sessions past the
/// idle or absolute timeout, and sessions of deactivated users, are not found.
pub async fn touch(
    pool: &PgPool,
    config: &Config,
    token: &str,
) -> sqlx::Result<Option<SessionUser>> {
    let idle_seconds = config.session_idle.as_secs_f64();
    let absolute_seconds = config.session_absolute.as_secs_f64();
    let demo_allowed = config.mode == crate::config::Mode::Demo;
    let row = sqlx::query!(
        r#"
        UPDATE sessions s SET last_seen_at = now()
        FROM users u
        LEFT JOIN kommunen k ON k.ags = u.kommune_ags
        LEFT JOIN laender l ON l.code = coalesce(u.land_code, k.land_code)
        WHERE s.id_hash = $1
          AND u.id = s.user_id
          AND u.active
          AND (NOT u.is_demo OR $4)
          AND s.last_seen_at > now() - make_interval(secs => $2)
          AND s.created_at > now() - make_interval(secs => $3)
        RETURNING s.id_hash, u.id, u.email, u.display_name, u.role, u.kommune_ags,
                  k.name AS "kommune_name?", l.code AS "land_code?", l.name AS "land_name?",
                  u.must_change_password
        "#,
        hash_token(token),
        idle_seconds,
        absolute_seconds,
        demo_allowed,
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.and_then(|r| {
        Some(SessionUser {
            session_hash: r.id_hash,
            user_id: r.id,
            email: r.email,
            display_name: r.display_name,
            role: Role::parse(&r.role)?,
            kommune_ags: r.kommune_ags,
            kommune_name: r.kommune_name,
            land_code: r.land_code.map(|c| c.to_string()),
            land_name: r.land_name,
            must_change_password: r.must_change_password,
        })
    }))
}

pub async fn delete(db: impl PgExecutor<'_>, session_hash: &[u8]) -> sqlx::Result<()> {
    sqlx::query!("DELETE FROM sessions WHERE id_hash = $1", session_hash)
        .execute(db)
        .await?;
    Ok(())
}

/// Ends every session of a user (deactivation, password reset), except `keep` if given.
pub async fn delete_all_for_user(
    db: impl PgExecutor<'_>,
    user_id: i64,
    keep: Option<&[u8]>,
) -> sqlx::Result<u64> {
    let result = sqlx::query!(
        "DELETE FROM sessions WHERE user_id = $1 AND id_hash IS DISTINCT FROM $2",
        user_id,
        keep
    )
    .execute(db)
    .await?;
    Ok(result.rows_affected())
}

/// Removes sessions past the absolute timeout; run now and then, not per request.
pub async fn purge_expired(pool: &PgPool, config: &Config) -> sqlx::Result<u64> {
    let result = sqlx::query!(
        "DELETE FROM sessions WHERE created_at < now() - make_interval(secs => $1)
            OR last_seen_at < now() - make_interval(secs => $2)",
        config.session_absolute.as_secs_f64(),
        config.session_idle.as_secs_f64(),
    )
    .execute(pool)
    .await?;
    Ok(result.rows_affected())
}
