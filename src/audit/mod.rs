//! The audit log: who changed what, when, with old and new values.

use serde_json::Value;
use sqlx::PgExecutor;

use crate::identity::SessionUser;
use crate::request::RequestMeta;

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
    Account {
        user_id: i64,
        email: &'a str,
    },
    Unverified {
        email: &'a str,
    },
    /// The portal itself, e.g. correcting its seeded content at start.
    System {
        label: &'a str,
    },
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
        By::System { label } => (None, label),
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
        "netzwerk_angelegt" => "Netzwerk angelegt",
        "netzwerk_geaendert" => "Netzwerk geändert",
        "netzwerk_geloescht" => "Netzwerk gelöscht",
        "angelegt" => "Angelegt",
        "eingereicht" => "Zur Prüfung eingereicht",
        "veroeffentlicht" => "Veröffentlicht",
        "zurueckgegeben" => "Mit Rückmeldung zurückgegeben",
        "zurueckgezogen" => "Veröffentlichung zurückgezogen",
        "geaendert" => "Geändert",
        "geloescht" => "Gelöscht",
        "angenommen" => "Angenommen",
        "pruefung_begonnen" => "Prüfung begonnen",
        "kommentiert" => "Kommentar geschrieben",
        "nachweis_bestaetigt" => "Nachweis bestätigt",
        "redaktionell_korrigiert" => "Redaktionell korrigiert",
        "korrektur_uebernommen" => "Redaktionelle Korrektur übernommen",
        "korrektur_verworfen" => "Redaktionelle Korrektur nicht übernommen",
        "ausgemustert" => "Nicht mehr im Katalog geführt",
        "wieder_aufgenommen" => "Wieder in den Katalog aufgenommen",
        other => other,
    }
}

/// One line of a record's history as the history box shows it.
#[derive(Clone)]
pub struct HistoryLine {
    pub when: String,
    pub who: String,
    pub action: String,
    /// "Feld: alt → neu" for every value that changed.
    pub changes: Vec<String>,
}

/// The latest events of one record, newest first. Old and new values are objects keyed by
/// German field labels, so the changes read as they are stored.
pub async fn history(
    db: impl PgExecutor<'_>,
    entity: &str,
    entity_id: &str,
) -> sqlx::Result<Vec<HistoryLine>> {
    let rows = sqlx::query!(
        r#"SELECT occurred_at, actor_label, action, old_values, new_values FROM audit_log
           WHERE entity = $1 AND entity_id = $2
           ORDER BY occurred_at DESC, id DESC LIMIT 50"#,
        entity,
        entity_id
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| HistoryLine {
            when: crate::format::date_time(r.occurred_at),
            who: r.actor_label,
            action: action_label(&r.action).to_owned(),
            changes: changes(r.old_values.as_ref(), r.new_values.as_ref()),
        })
        .collect())
}

fn changes(old: Option<&Value>, new: Option<&Value>) -> Vec<String> {
    let (Some(Value::Object(old)), Some(Value::Object(new))) = (old, new) else {
        return Vec::new();
    };
    new.iter()
        .filter(|(key, value)| old.get(*key) != Some(value))
        .map(|(key, value)| {
            let before = old.get(key).map_or_else(String::new, display);
            format!("{key}: „{before}“ → „{}“", display(value))
        })
        .collect()
}

fn display(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        Value::Bool(true) => "ja".into(),
        Value::Bool(false) => "nein".into(),
        Value::Array(items) => items.iter().map(display).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

/// An audit object as (label, value) pairs, for showing stored values (e.g. on a conflict).
pub fn pairs(values: Value) -> Vec<(String, String)> {
    match values {
        Value::Object(map) => map
            .into_iter()
            .map(|(key, value)| (key, display(&value)))
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn changes_name_only_what_changed() {
        let old = json!({ "Name": "Alt", "Status": "laufend", "Öffentlich": false });
        let new = json!({ "Name": "Neu", "Status": "laufend", "Öffentlich": true });
        assert_eq!(
            super::changes(Some(&old), Some(&new)),
            ["Name: „Alt“ → „Neu“", "Öffentlich: „nein“ → „ja“"]
        );
        assert!(super::changes(None, Some(&new)).is_empty());
    }
}
