//! The checklist of a funding: the deliverables its phase requires, with the evidence the
//! municipality gave and the Land's confirmation.

use sqlx::PgExecutor;
use time::{Date, OffsetDateTime};

use crate::format;

#[derive(Clone, Debug)]
pub struct ChecklistItem {
    pub deliverable_id: i64,
    pub title: String,
    pub evidence_text: Option<String>,
    pub evidence_link: Option<String>,
    pub evidence_date: Option<Date>,
    pub provided_by: Option<String>,
    pub provided_at: Option<OffsetDateTime>,
    pub confirmed_by: Option<String>,
    pub confirmed_at: Option<OffsetDateTime>,
    /// 0 while no evidence was given.
    pub version: i32,
}

impl ChecklistItem {
    pub fn has_evidence(&self) -> bool {
        self.evidence_text.is_some()
    }

    pub fn is_confirmed(&self) -> bool {
        self.confirmed_at.is_some()
    }

    pub fn state_label(&self) -> &'static str {
        if self.is_confirmed() {
            "Bestätigt"
        } else if self.has_evidence() {
            "Nachweis erbracht, Bestätigung offen"
        } else {
            "Fehlt"
        }
    }

    pub fn badge(&self) -> &'static str {
        if self.is_confirmed() {
            "success"
        } else if self.has_evidence() {
            "info"
        } else {
            "danger"
        }
    }

    pub fn evidence_date_text(&self) -> String {
        self.evidence_date.map(format::date).unwrap_or_default()
    }

    pub fn provided_text(&self) -> String {
        match (&self.provided_by, self.provided_at) {
            (by, Some(at)) => format!(
                "{} ({})",
                format::date_time(at),
                format::entered_by(by.as_deref())
            ),
            _ => String::new(),
        }
    }

    pub fn confirmed_text(&self) -> String {
        match (&self.confirmed_by, self.confirmed_at) {
            (by, Some(at)) => format!(
                "{} ({})",
                format::date_time(at),
                format::entered_by(by.as_deref())
            ),
            _ => String::new(),
        }
    }

    pub fn audit_values(&self) -> serde_json::Value {
        serde_json::json!({
            "Nachweis": self.title,
            "Beleg": self.evidence_text.clone().unwrap_or_default(),
            "Link": self.evidence_link.clone().unwrap_or_default(),
            "Datum": self.evidence_date_text(),
            "Bestätigt": self.is_confirmed(),
        })
    }
}

/// The required deliverables of the funding's phase with the evidence given so far. One query.
pub async fn checklist(
    db: impl PgExecutor<'_>,
    funding_id: i64,
    phase_id: i64,
) -> sqlx::Result<Vec<ChecklistItem>> {
    sqlx::query_as!(
        ChecklistItem,
        r#"SELECT d.id AS deliverable_id, d.title, fd.evidence_text AS "evidence_text?",
                  fd.evidence_link AS "evidence_link?", fd.evidence_date AS "evidence_date?",
                  pu.display_name AS "provided_by?", fd.provided_at AS "provided_at?",
                  cu.display_name AS "confirmed_by?", fd.confirmed_at AS "confirmed_at?",
                  coalesce(fd.version, 0) AS "version!"
           FROM phase_deliverables d
           LEFT JOIN funding_deliverables fd ON fd.funding_id = $1 AND fd.deliverable_id = d.id
           LEFT JOIN users pu ON pu.id = fd.provided_by
           LEFT JOIN users cu ON cu.id = fd.confirmed_by
           WHERE d.phase_id = $2
           ORDER BY d.position, d.id"#,
        funding_id,
        phase_id
    )
    .fetch_all(db)
    .await
}

#[derive(Clone, Debug)]
pub struct EvidenceFields {
    pub text: String,
    pub link: String,
    pub date: Option<Date>,
}

/// Records the first evidence for a deliverable; `false` if someone was faster.
pub async fn insert_evidence(
    db: impl PgExecutor<'_>,
    funding_id: i64,
    phase_id: i64,
    deliverable_id: i64,
    user_id: i64,
    fields: &EvidenceFields,
) -> sqlx::Result<bool> {
    Ok(sqlx::query!(
        "INSERT INTO funding_deliverables (funding_id, phase_id, deliverable_id, evidence_text,
                                           evidence_link, evidence_date, provided_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (funding_id, deliverable_id) DO NOTHING",
        funding_id,
        phase_id,
        deliverable_id,
        fields.text,
        fields.link,
        fields.date,
        user_id,
    )
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}

/// Updates evidence that exists, if `version` is still current. Changed evidence needs a new
/// confirmation, so the confirmation is cleared.
pub async fn update_evidence(
    db: impl PgExecutor<'_>,
    funding_id: i64,
    deliverable_id: i64,
    version: i32,
    user_id: i64,
    fields: &EvidenceFields,
) -> sqlx::Result<bool> {
    Ok(sqlx::query!(
        "UPDATE funding_deliverables
         SET evidence_text = $4, evidence_link = $5, evidence_date = $6, provided_by = $7,
             provided_at = now(), confirmed_by = NULL, confirmed_at = NULL, version = version + 1
         WHERE funding_id = $1 AND deliverable_id = $2 AND version = $3",
        funding_id,
        deliverable_id,
        version,
        fields.text,
        fields.link,
        fields.date,
        user_id,
    )
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}

/// Confirms evidence that exists and is unconfirmed at `version`.
pub async fn confirm_evidence(
    db: impl PgExecutor<'_>,
    funding_id: i64,
    deliverable_id: i64,
    version: i32,
    user_id: i64,
) -> sqlx::Result<bool> {
    Ok(sqlx::query!(
        "UPDATE funding_deliverables
         SET confirmed_by = $4, confirmed_at = now(), version = version + 1
         WHERE funding_id = $1 AND deliverable_id = $2 AND version = $3 AND confirmed_at IS NULL",
        funding_id,
        deliverable_id,
        version,
        user_id,
    )
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}
