//! The audit log: who changed what, when, with old and new values.

use serde_json::Value;
use sqlx::PgExecutor;

use crate::auth::{RequestMeta, SessionUser};

/// One event: an action on an entity, with the values before and after where they matter.
pub struct Event<'a> {
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: Option<String>,
    pub old: Option<Value>,
    pub new: Option<Value>,
}

impl<'a> Event<'a> {
    pub fn new(action: &'a str, entity: &'a str, entity_id: impl ToString) -> Self {
        Self {
            action,
            entity,
            entity_id: Some(entity_id.to_string()),
            old: None,
            new: None,
        }
    }

    pub fn old(mut self, old: Value) -> Self {
        self.old = Some(old);
        self
    }

    pub fn new_values(mut self, new: Value) -> Self {
        self.new = Some(new);
        self
    }
}

/// Who did it: a known account, or someone who only claimed an e-mail (failed login).
#[derive(Clone, Copy)]
pub enum By<'a> {
    Account { user_id: i64, email: &'a str },
    Unverified { email: &'a str },
}

impl<'a> From<&'a SessionUser> for By<'a> {
    fn from(user: &'a SessionUser) -> Self {
        By::Account {
            user_id: user.user_id,
            email: &user.email,
        }
    }
}

/// Writes `event`; call it in the same transaction as the change it records.
pub async fn record(
    db: impl PgExecutor<'_>,
    meta: &RequestMeta,
    by: By<'_>,
    event: Event<'_>,
) -> sqlx::Result<()> {
    let (actor_id, actor_label) = match by {
        By::Account { user_id, email } => (Some(user_id), email),
        By::Unverified { email } => (None, email),
    };
    sqlx::query!(
        "INSERT INTO audit_log (actor_user_id, actor_label, action, entity, entity_id,
                                old_values, new_values, client_addr, request_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        actor_id,
        actor_label,
        event.action,
        event.entity,
        event.entity_id,
        event.old,
        event.new,
        meta.client_addr,
        meta.request_id,
    )
    .execute(db)
    .await?;
    Ok(())
}

/// The German wording of an action code for history lists.
pub fn action_label(action: &str) -> &str {
    match action {
        "anmeldung" => "Anmeldung",
        "abmeldung" => "Abmeldung",
        "anmeldung_fehlgeschlagen" => "Anmeldung fehlgeschlagen",
        "anmeldung_gesperrt" => "Anmeldung wegen Sperre abgewiesen",
        "konto_gesperrt" => "Anmeldung für 15 Minuten gesperrt",
        "passwort_geaendert" => "Passwort geändert",
        "passwort_zurueckgesetzt" => "Anfangspasswort neu erzeugt",
        "benutzer_angelegt" => "Konto angelegt",
        "benutzer_geaendert" => "Konto geändert",
        "benutzer_deaktiviert" => "Konto deaktiviert",
        "benutzer_reaktiviert" => "Konto reaktiviert",
        "gemeinde_angelegt" => "Gemeinde angelegt",
        other => other,
    }
}
