use serde::Deserialize;
use sqlx::PgPool;

use super::db::Assignment;
use crate::policy::Role;
use crate::web::form::{FieldErrors, plain, required_text};

/// The admin's user form as typed, kept verbatim for re-display.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct UserForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub kommune_ags: String,
    #[serde(default)]
    pub land_code: String,
    #[serde(default)]
    pub version: String,
    /// Text to look the Kommune up by in the directory (name or AGS).
    #[serde(default)]
    pub kommune_suche: String,
    /// Set by the search button: show the directory's matches instead of saving.
    #[serde(default)]
    pub suchen: String,
}

pub struct ValidUser {
    pub email: String,
    pub display_name: String,
    pub assignment: Assignment,
}

impl UserForm {
    /// Checks every field; the municipality and Land must exist in the directory.
    pub async fn validate(
        &self,
        pool: &PgPool,
        with_email: bool,
    ) -> sqlx::Result<Result<ValidUser, FieldErrors>> {
        let mut errors = FieldErrors::default();
        let email = self.email.trim().to_lowercase();
        if with_email && !is_plausible_email(&email) {
            errors.add(
                "email",
                "Bitte eine gültige E-Mail-Adresse angeben, z. B. name@kommune.de.",
            );
        }
        let display_name = required_text(
            &mut errors,
            "display_name",
            "einen Namen",
            &self.display_name,
            120,
        );
        let role = Role::parse(&self.role);
        if role.is_none() {
            errors.add("role", "Bitte eine Rolle auswählen.");
        }
        let assignment = match role {
            Some(Role::Kommune) => {
                let ags = plain(&mut errors, "kommune_ags", &self.kommune_ags);
                match ags {
                    Some("") => errors.add("kommune_ags", "Für die Rolle „Kommunale Koordination“ bitte die Kommune suchen und auswählen."),
                    Some(ags) if !kommune_exists(pool, ags).await? => errors.add(
                        "kommune_ags",
                        "Zu diesem Gemeindeschlüssel gibt es keine Kommune im Verzeichnis.",
                    ),
                    _ => {}
                }
                Some(Assignment {
                    role: Role::Kommune,
                    kommune_ags: Some(ags.unwrap_or_default().to_owned()),
                    land_code: None,
                })
            }
            Some(Role::Land) => {
                let land = plain(&mut errors, "land_code", &self.land_code);
                if let Some(land) = land
                    && !land_exists(pool, land).await?
                {
                    errors.add(
                        "land_code",
                        "Für die Rolle „Landesprogrammstelle“ bitte ein Land auswählen.",
                    );
                }
                Some(Assignment {
                    role: Role::Land,
                    kommune_ags: None,
                    land_code: Some(land.unwrap_or_default().to_owned()),
                })
            }
            Some(role) => Some(Assignment {
                role,
                kommune_ags: None,
                land_code: None,
            }),
            None => None,
        };
        Ok(match assignment {
            Some(assignment) if errors.is_empty() => Ok(ValidUser {
                email,
                display_name,
                assignment,
            }),
            _ => Err(errors),
        })
    }
}

fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && email.len() <= 254
        && !email
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>')
        && !domain.contains('@')
}

async fn kommune_exists(pool: &PgPool, ags: &str) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM kommunen WHERE ags = $1) AS "exists!""#,
        ags
    )
    .fetch_one(pool)
    .await
}

async fn land_exists(pool: &PgPool, code: &str) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM laender WHERE code = $1) AS "exists!""#,
        code
    )
    .fetch_one(pool)
    .await
}

#[cfg(test)]
mod tests {
    use super::is_plausible_email;

    #[test]
    fn email_plausibility() {
        assert!(is_plausible_email("koordination@hamm.de"));
        assert!(!is_plausible_email("koordination"));
        assert!(!is_plausible_email("a@b"));
        assert!(!is_plausible_email("a b@c.de"));
        assert!(!is_plausible_email("@c.de"));
        assert!(!is_plausible_email("a@c.de@d.de"));
    }
}
