use sqlx::{PgExecutor, PgPool};
use time::OffsetDateTime;

use crate::policy::Role;

/// A user as the admin pages show it.
#[derive(Clone, Debug)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub kommune_ags: Option<String>,
    pub kommune_name: Option<String>,
    pub land_code: Option<String>,
    pub land_name: Option<String>,
    pub active: bool,
    pub must_change_password: bool,
    pub version: i32,
}

impl UserRow {
    pub fn role_label(&self) -> &'static str {
        Role::parse(&self.role).map_or("unbekannt", Role::label)
    }

    /// The values the audit log keeps, keyed by German field names.
    pub fn audit_values(&self) -> serde_json::Value {
        serde_json::json!({
            "E-Mail": self.email,
            "Name": self.display_name,
            "Rolle": self.role_label(),
            "Zuständigkeit": self.scope_label(),
            "Aktiv": self.active,
        })
    }

    pub fn scope_label(&self) -> String {
        match (&self.kommune_name, &self.kommune_ags, &self.land_name) {
            (Some(name), Some(ags), _) => format!("{name} ({ags})"),
            (None, None, Some(land)) => land.clone(),
            _ => "bundesweit".into(),
        }
    }
}

/// The role with the territory it needs: a municipality, a Land, or nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assignment {
    pub role: Role,
    pub kommune_ags: Option<String>,
    pub land_code: Option<String>,
}

/// What the user list is narrowed to; empty strings filter nothing.
#[derive(Clone, Debug, Default)]
pub struct ListFilter {
    /// Part of the name or e-mail address.
    pub text: String,
    /// A role code.
    pub role: String,
    /// A Land code: its Land officers and the coordinators of its Kommunen.
    pub land: String,
}

/// A user in the list, with the last sign-in from the audit log.
pub struct ListedUser {
    pub user: UserRow,
    pub last_login: Option<OffsetDateTime>,
}

/// One page of the users matching `filter` (active first, then by e-mail) and how many match
/// in all. One statement: the last sign-in is looked up per listed user through the audit
/// log's index on (entity, entity_id, occurred_at).
pub async fn list(
    pool: &PgPool,
    filter: &ListFilter,
    limit: i64,
    offset: i64,
) -> sqlx::Result<(Vec<ListedUser>, i64)> {
    let rows = sqlx::query!(
        r#"SELECT u.id, u.email, u.display_name, u.role, u.kommune_ags, k.name AS "kommune_name?",
                  u.land_code::text AS land_code, l.name AS "land_name?", u.active,
                  u.must_change_password, u.version,
                  (SELECT a.occurred_at FROM audit_log a
                   WHERE a.entity = 'user' AND a.entity_id = u.id::text AND a.action = 'anmeldung'
                   ORDER BY a.occurred_at DESC LIMIT 1) AS last_login,
                  count(*) OVER () AS "total!"
           FROM users u
           LEFT JOIN kommunen k ON k.ags = u.kommune_ags
           LEFT JOIN laender l ON l.code = u.land_code
           WHERE ($1 = '' OR u.email ILIKE '%' || $1 || '%' OR u.display_name ILIKE '%' || $1 || '%')
             AND ($2 = '' OR u.role = $2)
             AND ($3 = '' OR coalesce(u.land_code::text, k.land_code::text) = $3)
           ORDER BY u.active DESC, u.email
           LIMIT $4 OFFSET $5"#,
        crate::db::like_escaped(filter.text.trim()),
        filter.role,
        filter.land,
        limit,
        offset
    )
    .fetch_all(pool)
    .await?;
    let total = rows.first().map_or(0, |r| r.total);
    let users = rows
        .into_iter()
        .map(|r| ListedUser {
            user: UserRow {
                id: r.id,
                email: r.email,
                display_name: r.display_name,
                role: r.role,
                kommune_ags: r.kommune_ags,
                kommune_name: r.kommune_name,
                land_code: r.land_code,
                land_name: r.land_name,
                active: r.active,
                must_change_password: r.must_change_password,
                version: r.version,
            },
            last_login: r.last_login,
        })
        .collect();
    Ok((users, total))
}

pub async fn find(db: impl PgExecutor<'_>, id: i64) -> sqlx::Result<Option<UserRow>> {
    sqlx::query_as!(
        UserRow,
        r#"SELECT u.id, u.email, u.display_name, u.role, u.kommune_ags, k.name AS "kommune_name?",
                  u.land_code::text AS land_code, l.name AS "land_name?", u.active,
                  u.must_change_password, u.version
           FROM users u
           LEFT JOIN kommunen k ON k.ags = u.kommune_ags
           LEFT JOIN laender l ON l.code = u.land_code
           WHERE u.id = $1"#,
        id
    )
    .fetch_optional(db)
    .await
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub assignment: &'a Assignment,
    pub password_hash: &'a str,
    pub must_change_password: bool,
    pub is_demo: bool,
}

/// Inserts the user; `None` when the e-mail is taken.
pub async fn insert(db: impl PgExecutor<'_>, user: NewUser<'_>) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar!(
        "INSERT INTO users (email, display_name, role, kommune_ags, land_code, password_hash,
                            must_change_password, is_demo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT ON CONSTRAINT users_email_key DO NOTHING
         RETURNING id",
        user.email,
        user.display_name,
        user.assignment.role.code(),
        user.assignment.kommune_ags.as_deref(),
        user.assignment.land_code.as_deref(),
        user.password_hash,
        user.must_change_password,
        user.is_demo,
    )
    .fetch_optional(db)
    .await
}

/// Changes name, role and scope if `version` is still current; `false` when someone else
/// changed the user in between (nothing is written then).
pub async fn update_assignment(
    db: impl PgExecutor<'_>,
    id: i64,
    version: i32,
    display_name: &str,
    assignment: &Assignment,
) -> sqlx::Result<bool> {
    let result = sqlx::query!(
        "UPDATE users SET display_name = $3, role = $4, kommune_ags = $5, land_code = $6,
                          version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2",
        id,
        version,
        display_name,
        assignment.role.code(),
        assignment.kommune_ags.as_deref(),
        assignment.land_code.as_deref(),
    )
    .execute(db)
    .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn set_active(db: impl PgExecutor<'_>, id: i64, active: bool) -> sqlx::Result<bool> {
    let result = sqlx::query!(
        "UPDATE users SET active = $2, version = version + 1, updated_at = now() WHERE id = $1",
        id,
        active
    )
    .execute(db)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Sets a new password that must be changed at the next login.
pub async fn set_initial_password(
    db: impl PgExecutor<'_>,
    id: i64,
    password_hash: &str,
) -> sqlx::Result<bool> {
    let result = sqlx::query!(
        "UPDATE users SET password_hash = $2, must_change_password = true,
                          version = version + 1, updated_at = now()
         WHERE id = $1",
        id,
        password_hash
    )
    .execute(db)
    .await?;
    Ok(result.rows_affected() == 1)
}

pub struct LandOption {
    pub code: String,
    pub name: String,
}

pub async fn laender(pool: &PgPool) -> sqlx::Result<Vec<LandOption>> {
    sqlx::query_as!(
        LandOption,
        r#"SELECT code::text AS "code!", name FROM laender ORDER BY name"#
    )
    .fetch_all(pool)
    .await
}
