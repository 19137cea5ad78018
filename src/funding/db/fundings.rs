//! Fundings of a network in a phase: the one view every page reads, and the writes.

use sqlx::PgExecutor;
use time::Date;

use super::rhythm_text;
use crate::format;
use crate::funding::schedule::{Rhythm, Slot, schedule};
use crate::states::FundingStatus;

/// A funding with what its pages, the report schedule, the tasks and the Land overview show
/// about network, program, phase and checklist: one view for all of them, as its columns come
/// from the tables each of them joins anyway.
#[derive(Clone, Debug)]
pub struct Funding {
    pub id: i64,
    pub network_id: i64,
    pub network_name: String,
    pub kommune_ags: String,
    pub kommune_name: String,
    pub land_code: String,
    pub program_id: i64,
    pub program_name: String,
    pub own_share_percent: f64,
    pub report_due_days: i32,
    pub phase_id: i64,
    pub phase_name: String,
    pub phase_position: i32,
    pub duration_months: i32,
    pub repeatable: bool,
    pub report_interval_months: Option<i32>,
    pub final_report: bool,
    pub repetition: i32,
    pub start_date: Date,
    pub end_date: Date,
    pub granted_amount_euro: Option<i64>,
    pub own_share_euro: Option<i64>,
    pub status: FundingStatus,
    pub file_reference: String,
    pub note: String,
    pub version: i32,
    /// The deliverables the phase requires, and how many of them have evidence or are confirmed.
    pub deliverables_required: i64,
    pub deliverables_provided: i64,
    pub deliverables_confirmed: i64,
    /// Since when the oldest evidence not confirmed yet waits for the Land.
    pub unconfirmed_since: Option<time::OffsetDateTime>,
}

crate::web::edit::versioned!(Funding, "funding", find_by_id: find_funding);

impl Funding {
    pub fn href(&self) -> String {
        format!("/foerderungen/{}", self.id)
    }

    /// "Aufbau" or "Verstetigung (2. Durchgang)".
    pub fn phase_label(&self) -> String {
        phase_label(&self.phase_name, self.repetition)
    }

    pub fn status_label(&self) -> &str {
        self.status.label()
    }

    pub fn period_text(&self) -> String {
        format!(
            "{} bis {}",
            format::date(self.start_date),
            format::date(self.end_date)
        )
    }

    pub fn granted_text(&self) -> String {
        format::euro(self.granted_amount_euro)
    }

    pub fn own_share_text(&self) -> String {
        format::euro(self.own_share_euro)
    }

    pub fn rhythm_text(&self) -> String {
        rhythm_text(self.report_interval_months, self.final_report)
    }

    pub fn rhythm(&self) -> Rhythm {
        Rhythm {
            interval_months: self.report_interval_months,
            final_report: self.final_report,
            due_days: self.report_due_days,
        }
    }

    pub fn schedule(&self) -> Vec<Slot> {
        if self.status.owes_reports() {
            schedule(self.start_date, self.end_date, self.rhythm())
        } else {
            Vec::new()
        }
    }

    pub fn missing_deliverables(&self) -> i64 {
        (self.deliverables_required - self.deliverables_provided).max(0)
    }

    pub fn audit_values(&self) -> serde_json::Value {
        serde_json::json!({
            "Netzwerk": self.network_name,
            "Programm": self.program_name,
            "Phase": self.phase_label(),
            "Beginn": format::date(self.start_date),
            "Ende": format::date(self.end_date),
            "Bewilligter Betrag": self.granted_text(),
            "Eigenanteil": self.own_share_text(),
            "Status": self.status_label(),
            "Aktenzeichen": self.file_reference,
            "Anmerkung": self.note,
        })
    }
}

pub fn phase_label(phase_name: &str, repetition: i32) -> String {
    if repetition > 1 {
        format!("{phase_name} ({repetition}. Durchgang)")
    } else {
        phase_name.to_owned()
    }
}

/// Which fundings to look at: one municipality's, one Land's, one network's, or all.
#[derive(Clone, Debug)]
pub enum Within {
    Everything,
    Kommune(String),
    Land(String),
    Network(i64),
}

/// The fundings query with its narrowing: every shape is a statement of its own, because
/// PostgreSQL soon runs a prepared statement with a generic plan, and one with optional bounds
/// (`$1 IS NULL OR …`) read every funding of the country to find one network's.
macro_rules! funding_rows {
    ($narrowing:literal $(, $parameter:expr)*) => {
        sqlx::query_as!(
            Funding,
            r#"SELECT f.id, f.network_id, n.name AS network_name, n.kommune_ags, k.name AS kommune_name,
                      k.land_code::text AS "land_code!", p.id AS program_id, p.name AS program_name,
                      p.own_share_percent, p.report_due_days, ph.id AS phase_id, ph.name AS phase_name,
                      ph.position AS phase_position, ph.duration_months, ph.repeatable,
                      ph.report_interval_months, ph.final_report, f.repetition, f.start_date,
                      f.end_date, f.granted_amount_euro, f.own_share_euro,
                      f.status AS "status: FundingStatus", f.file_reference, f.note, f.version,
                      coalesce(d.required, 0) AS "deliverables_required!",
                      coalesce(e.provided, 0) AS "deliverables_provided!",
                      coalesce(e.confirmed, 0) AS "deliverables_confirmed!",
                      e.unconfirmed_since
               FROM fundings f
               JOIN networks n ON n.id = f.network_id
               JOIN kommunen k ON k.ags = n.kommune_ags
               JOIN funding_programs p ON p.id = f.program_id
               JOIN funding_phases ph ON ph.id = f.phase_id
               -- Counted once per phase, not per row: phases and their deliverables are few.
               LEFT JOIN (SELECT phase_id, count(*) AS required FROM phase_deliverables
                          GROUP BY phase_id) d ON d.phase_id = f.phase_id
               -- Evidence counted per funding through its key, so one network's or one
               -- funding's rows read only their own.
               LEFT JOIN LATERAL (SELECT count(*) AS provided, count(confirmed_at) AS confirmed,
                                         min(provided_at) FILTER (WHERE confirmed_at IS NULL)
                                             AS unconfirmed_since
                                  FROM funding_deliverables fd WHERE fd.funding_id = f.id) e ON true
               WHERE "# + $narrowing + r#"
               ORDER BY f.network_id, f.start_date, f.id"#
            $(, $parameter)*
        )
    };
}

/// The fundings within the bounds, by network and start. One query.
pub async fn fundings(db: impl PgExecutor<'_>, within: &Within) -> sqlx::Result<Vec<Funding>> {
    match within {
        Within::Everything => funding_rows!("true").fetch_all(db).await,
        Within::Kommune(ags) => funding_rows!("n.kommune_ags = $1", ags).fetch_all(db).await,
        Within::Land(code) => funding_rows!("k.land_code = $1", code).fetch_all(db).await,
        Within::Network(id) => funding_rows!("f.network_id = $1", id).fetch_all(db).await,
    }
}

pub async fn find_funding(db: impl PgExecutor<'_>, id: i64) -> sqlx::Result<Option<Funding>> {
    funding_rows!("f.id = $1", id).fetch_optional(db).await
}

#[derive(Clone, Debug)]
pub struct FundingFields {
    pub start_date: Date,
    pub end_date: Date,
    pub granted_amount_euro: Option<i64>,
    pub own_share_euro: Option<i64>,
    pub status: FundingStatus,
    pub file_reference: String,
    pub note: String,
}

/// The phase a new funding is for, with what the checks need.
pub struct PhaseForFunding {
    pub program_id: i64,
    pub land_code: String,
    pub own_share_percent: f64,
    pub duration_months: i32,
    pub repeatable: bool,
    pub name: String,
    /// Fundings of this network in this phase so far (refused ones not counted).
    pub earlier: i64,
}

pub async fn phase_for_funding(
    db: impl PgExecutor<'_>,
    phase_id: i64,
    network_id: i64,
) -> sqlx::Result<Option<PhaseForFunding>> {
    sqlx::query_as!(
        PhaseForFunding,
        r#"SELECT p.id AS program_id, p.land_code::text AS "land_code!", p.own_share_percent,
                  ph.duration_months, ph.repeatable, ph.name,
                  (SELECT count(*) FROM fundings f WHERE f.phase_id = ph.id AND f.network_id = $2
                     AND f.status <> $3) AS "earlier!"
           FROM funding_phases ph JOIN funding_programs p ON p.id = ph.program_id
           WHERE ph.id = $1"#,
        phase_id,
        network_id,
        FundingStatus::Refused as FundingStatus,
    )
    .fetch_optional(db)
    .await
}

pub async fn insert_funding(
    db: impl PgExecutor<'_>,
    network_id: i64,
    program_id: i64,
    phase_id: i64,
    repetition: i32,
    fields: &FundingFields,
) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        "INSERT INTO fundings (network_id, program_id, phase_id, repetition, start_date, end_date,
                               granted_amount_euro, own_share_euro, status, file_reference, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        network_id,
        program_id,
        phase_id,
        repetition,
        fields.start_date,
        fields.end_date,
        fields.granted_amount_euro,
        fields.own_share_euro,
        fields.status as FundingStatus,
        fields.file_reference,
        fields.note,
    )
    .fetch_one(db)
    .await
}

pub async fn update_funding(
    db: impl PgExecutor<'_>,
    id: i64,
    version: i32,
    fields: &FundingFields,
) -> sqlx::Result<bool> {
    Ok(sqlx::query!(
        "UPDATE fundings SET start_date = $3, end_date = $4, granted_amount_euro = $5,
                own_share_euro = $6, status = $7, file_reference = $8, note = $9,
                version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2",
        id,
        version,
        fields.start_date,
        fields.end_date,
        fields.granted_amount_euro,
        fields.own_share_euro,
        fields.status as FundingStatus,
        fields.file_reference,
        fields.note,
    )
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}
