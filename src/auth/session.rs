//! Server-side sessions in PostgreSQL. The cookie holds 256 random bits; the table holds only
//! their SHA-256 hash.

use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngExt;
use sha2::{Digest, Sha256};
use sqlx::{PgExecutor, PgPool};

use crate::config::Config;
use crate::identity::SessionUser;
use crate::policy::Role;

fn cookie_name(config: &Config) -> &'static str {
    if config.https {
        "__Host-kinderchancen_sitzung"
    } else {
        "kinderchancen_sitzung"
    }
}

/// The session cookie: sent to this host only (`__Host-` and `Secure` with HTTPS), hidden from
/// scripts, and left out of requests that other sites start (`SameSite=Lax`). Without
/// `Max-Age` it ends with the browser session.
fn cookie(config: &Config, value: String) -> Cookie<'static> {
    Cookie::build((cookie_name(config), value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(config.https)
        .build()
}

/// The session token the browser sent, if any.
pub fn token(jar: &CookieJar, config: &Config) -> Option<String> {
    jar.get(cookie_name(config)).map(|c| c.value().to_owned())
}

/// `jar` setting the cookie of a new session.
pub fn with_session(jar: CookieJar, config: &Config, token: String) -> CookieJar {
    jar.add(cookie(config, token))
}

/// `jar` clearing the session cookie the browser sent (`Max-Age=0`, with the attributes it
/// was set with, so that the browser matches it).
pub fn without_session(jar: CookieJar, config: &Config) -> CookieJar {
    jar.remove(cookie(config, String::new()))
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
/// idle or absolute timeout, and sessions of deactivated users, are not found. The session row
/// is written at most once a minute: a write per page view would be a durable commit per
/// request, and the requests of one session would queue on that row's lock. The idle timeout
/// is therefore exact to that minute.
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
        WITH live AS (
            SELECT s.id_hash, s.last_seen_at, u.id, u.email, u.display_name, u.role,
                   u.kommune_ags, k.name AS kommune_name, l.code AS land_code,
                   l.name AS land_name, u.must_change_password,
                   -- A count of another day is stale: milestones fall due as days pass.
                   CASE WHEN s.open_tasks_on = $5 THEN s.open_tasks END AS open_tasks,
                   s.open_tasks_changes
            FROM sessions s
            JOIN users u ON u.id = s.user_id
            LEFT JOIN kommunen k ON k.ags = u.kommune_ags
            LEFT JOIN laender l ON l.code = coalesce(u.land_code, k.land_code)
            WHERE s.id_hash = $1
              AND u.active
              AND (NOT u.is_demo OR $4)
              AND s.last_seen_at > now() - make_interval(secs => $2)
              AND s.created_at > now() - make_interval(secs => $3)
        ),
        touched AS (
            UPDATE sessions s SET last_seen_at = now()
            FROM live
            WHERE s.id_hash = live.id_hash AND live.last_seen_at < now() - interval '1 minute'
        )
        SELECT id_hash AS "id_hash!", id AS "id!", email AS "email!",
               display_name AS "display_name!", role AS "role!", kommune_ags,
               kommune_name AS "kommune_name?", land_code AS "land_code?",
               land_name AS "land_name?", must_change_password AS "must_change_password!",
               open_tasks, open_tasks_changes AS "open_tasks_changes!"
        FROM live
        "#,
        hash_token(token),
        idle_seconds,
        absolute_seconds,
        demo_allowed,
        crate::clock::today(),
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
            open_tasks: r.open_tasks,
            open_tasks_changes: r.open_tasks_changes,
        })
    }))
}

/// Keeps the number of open tasks counted on `today` for `user`, for the navigation of other
/// pages – unless a change of tasks cleared the count since the session was read (migration
/// 0017): then the count may predate the change, and the next page counts again.
pub async fn set_open_tasks(
    db: impl PgExecutor<'_>,
    user: &SessionUser,
    open_tasks: i32,
    today: time::Date,
) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE sessions SET open_tasks = $2, open_tasks_on = $3
         WHERE id_hash = $1 AND open_tasks_changes = $4",
        user.session_hash,
        open_tasks,
        today,
        user.open_tasks_changes,
    )
    .execute(db)
    .await?;
    Ok(())
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
/// Sessions within both timeouts, for the metrics (to the minute, as sessions are touched).
pub async fn count_active(pool: &PgPool, config: &Config) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM sessions
           WHERE created_at > now() - make_interval(secs => $1)
             AND last_seen_at > now() - make_interval(secs => $2)"#,
        config.session_absolute.as_secs_f64(),
        config.session_idle.as_secs_f64(),
    )
    .fetch_one(pool)
    .await
}

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

#[cfg(test)]
mod tests {
    use axum::http::header::{COOKIE, SET_COOKIE};
    use axum::http::{HeaderMap, HeaderValue};
    use axum::response::IntoResponse;

    use super::*;

    fn set_cookie_headers(jar: CookieJar) -> Vec<String> {
        (jar, ())
            .into_response()
            .headers()
            .get_all(SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .collect()
    }

    fn sent(cookie: &'static str) -> CookieJar {
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, HeaderValue::from_static(cookie));
        CookieJar::from_headers(&headers)
    }

    #[test]
    fn session_cookies_over_http() {
        let config = Config::for_tests();
        assert_eq!(
            set_cookie_headers(with_session(CookieJar::new(), &config, "abc".into())),
            ["kinderchancen_sitzung=abc; HttpOnly; SameSite=Lax; Path=/"]
        );
        let jar = sent("andere=1; kinderchancen_sitzung=abc");
        assert_eq!(token(&jar, &config).as_deref(), Some("abc"));
        let cleared = set_cookie_headers(without_session(jar, &config));
        assert_eq!(cleared.len(), 1);
        assert!(
            cleared[0]
                .starts_with("kinderchancen_sitzung=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0"),
            "{cleared:?}"
        );
    }

    #[test]
    fn session_cookies_over_https() {
        let config = Config {
            https: true,
            ..Config::for_tests()
        };
        assert_eq!(
            set_cookie_headers(with_session(CookieJar::new(), &config, "abc".into())),
            ["__Host-kinderchancen_sitzung=abc; HttpOnly; SameSite=Lax; Secure; Path=/"]
        );
        let jar = sent("kinderchancen_sitzung=alt; __Host-kinderchancen_sitzung=abc");
        assert_eq!(token(&jar, &config).as_deref(), Some("abc"));
        let cleared = set_cookie_headers(without_session(jar, &config));
        assert!(
            cleared[0].starts_with(
                "__Host-kinderchancen_sitzung=; HttpOnly; SameSite=Lax; Secure; Path=/; Max-Age=0"
            ),
            "{cleared:?}"
        );
    }
}
