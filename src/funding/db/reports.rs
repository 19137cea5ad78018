//! SQL of reports (Sachberichte) and their thread. A report's snapshot is written once, when
//! it is opened; every change of state checks the version and the state it starts from, so two
//! people acting at once cannot both succeed.

use serde::{Deserialize, Serialize};
use sqlx::PgExecutor;
use time::{Date, OffsetDateTime};

use super::phase_label;
use crate::format;
use crate::funding::schedule::ReportKind;
use crate::identity::SessionUser;
use crate::states::{ReportReview, ReportStatus};

/// What the network looked like when the report was opened. Stored as JSON and only ever
/// read back: the report shows this, not the network's current state.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Snapshot {
    pub taken_at: String,
    pub network: String,
    pub kommune: String,
    pub program: String,
    pub phase: String,
    pub period: String,
    pub goals: Vec<SnapshotGoal>,
    pub indicators: Vec<SnapshotIndicator>,
    pub measures: Vec<SnapshotMeasure>,
    pub deliverables: Vec<SnapshotDeliverable>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SnapshotGoal {
    pub level: String,
    pub title: String,
    pub status: String,
    pub progress: u8,
    /// 0 for a Kernziel, 1 for a Mittelziel, 2 for a Handlungsziel.
    pub depth: u8,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SnapshotIndicator {
    pub name: String,
    pub baseline: String,
    pub target: String,
    /// (date, value) measured within the report's period, German formatted.
    pub values: Vec<(String, String)>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SnapshotMeasure {
    pub title: String,
    pub fields: String,
    pub reach: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SnapshotDeliverable {
    pub title: String,
    pub state: String,
    pub evidence: String,
}

#[derive(Clone, Debug)]
pub struct Report {
    pub id: i64,
    pub funding_id: i64,
    pub seq: i32,
    pub kind: String,
    pub period_start: Date,
    pub period_end: Date,
    pub due_on: Date,
    pub status: ReportStatus,
    pub snapshot: serde_json::Value,
    pub what_worked: String,
    pub what_did_not: String,
    pub participation: String,
    pub plans: String,
    pub submitted_at: Option<OffsetDateTime>,
    pub accepted_at: Option<OffsetDateTime>,
    pub version: i32,
    pub network_id: i64,
    pub network_name: String,
    pub kommune_ags: String,
    pub kommune_name: String,
    pub land_code: String,
    pub program_name: String,
    pub phase_name: String,
    pub repetition: i32,
}

impl Report {
    pub fn href(&self) -> String {
        format!("/berichte/{}", self.id)
    }

    pub fn title(&self) -> String {
        format!(
            "{} {} bis {}",
            ReportKind::label_of(&self.kind),
            format::date(self.period_start),
            format::date(self.period_end)
        )
    }

    pub fn phase_label(&self) -> String {
        phase_label(&self.phase_name, self.repetition)
    }

    pub fn status_label(&self) -> &str {
        self.status.label()
    }

    /// "verspätet (12 Tage)" if handed in after the due date.
    pub fn late_text(&self) -> Option<String> {
        crate::funding::schedule::late_text(self.due_on, self.submitted_at)
    }

    pub fn is_locked(&self) -> bool {
        self.status.is_final()
    }

    pub fn snapshot(&self) -> Snapshot {
        serde_json::from_value(self.snapshot.clone()).unwrap_or_default()
    }

    pub fn narrative(&self) -> ReportFields {
        ReportFields {
            what_worked: self.what_worked.clone(),
            what_did_not: self.what_did_not.clone(),
            participation: self.participation.clone(),
            plans: self.plans.clone(),
        }
    }

    pub fn audit_values(&self) -> serde_json::Value {
        let mut values = self.narrative().audit_values();
        values["Status"] = self.status_label().into();
        values
    }
}

/// The narrative fields the coordinator writes.
#[derive(Clone, Debug, Default)]
pub struct ReportFields {
    pub what_worked: String,
    pub what_did_not: String,
    pub participation: String,
    pub plans: String,
}

impl ReportFields {
    pub fn audit_values(&self) -> serde_json::Value {
        serde_json::json!({
            "Was gut gelungen ist": self.what_worked,
            "Was nicht gelungen ist": self.what_did_not,
            "Beteiligung von Kindern, Jugendlichen und Familien": self.participation,
            "Planung für den nächsten Zeitraum": self.plans,
        })
    }
}

/// Who report `id` belongs to, whether user `user_id` has opened, saved or submitted it, and
/// the revision of its network (as `NetworkContext::load` reads it): what is checked before
/// anything of the report is shown.
pub struct ReportAccess {
    pub network_id: i64,
    pub kommune_ags: String,
    pub land_code: String,
    pub edited_by_user: bool,
    pub revision: i64,
}

pub async fn access(
    db: impl PgExecutor<'_>,
    id: i64,
    user_id: i64,
) -> sqlx::Result<Option<ReportAccess>> {
    sqlx::query_as!(
        ReportAccess,
        r#"SELECT f.network_id, n.kommune_ags, k.land_code::text AS "land_code!",
                  EXISTS (SELECT 1 FROM report_events e WHERE e.report_id = r.id AND e.user_id = $2
                            AND e.kind IN ('angelegt', 'gespeichert', 'eingereicht')) AS "edited_by_user!",
                  (SELECT coalesce(sum(v.revision), 0) FROM network_revisions v
                   WHERE v.network_id IN (0, f.network_id))::bigint AS "revision!"
           FROM reports r
           JOIN fundings f ON f.id = r.funding_id
           JOIN networks n ON n.id = f.network_id
           JOIN kommunen k ON k.ags = n.kommune_ags
           WHERE r.id = $1"#,
        id,
        user_id
    )
    .fetch_optional(db)
    .await
}

/// Report `id` as every reader sees it.
pub async fn find(db: impl PgExecutor<'_>, id: i64) -> sqlx::Result<Option<Report>> {
    sqlx::query_as!(
        Report,
        r#"SELECT r.id, r.funding_id, r.seq, r.kind, r.period_start, r.period_end, r.due_on,
                  r.status AS "status: ReportStatus", r.snapshot, r.what_worked, r.what_did_not, r.participation, r.plans,
                  r.submitted_at, r.accepted_at, r.version, f.network_id, n.name AS network_name,
                  n.kommune_ags, k.name AS kommune_name, k.land_code::text AS "land_code!",
                  p.name AS program_name, ph.name AS phase_name, f.repetition
           FROM reports r
           JOIN fundings f ON f.id = r.funding_id
           JOIN networks n ON n.id = f.network_id
           JOIN kommunen k ON k.ags = n.kommune_ags
           JOIN funding_programs p ON p.id = f.program_id
           JOIN funding_phases ph ON ph.id = f.phase_id
           WHERE r.id = $1"#,
        id
    )
    .fetch_optional(db)
    .await
}

/// The stored reports of a funding, by slot.
#[derive(Clone)]
pub struct ReportLine {
    pub id: i64,
    pub seq: i32,
    pub kind: String,
    pub period_start: Date,
    pub period_end: Date,
    pub status: ReportStatus,
    pub submitted_at: Option<OffsetDateTime>,
}

pub async fn of_funding(db: impl PgExecutor<'_>, funding_id: i64) -> sqlx::Result<Vec<ReportLine>> {
    sqlx::query_as!(
        ReportLine,
        r#"SELECT id, seq, kind, period_start, period_end, status AS "status: ReportStatus", submitted_at
           FROM reports
         WHERE funding_id = $1 ORDER BY seq"#,
        funding_id
    )
    .fetch_all(db)
    .await
}

#[allow(clippy::too_many_arguments)]
pub async fn insert(
    db: impl PgExecutor<'_>,
    funding_id: i64,
    seq: i32,
    kind: &str,
    period_start: Date,
    period_end: Date,
    due_on: Date,
    snapshot: &serde_json::Value,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar!(
        "INSERT INTO reports (funding_id, seq, kind, period_start, period_end, due_on, status, snapshot)
         VALUES ($1, $2, $3, $4, $5, $6, $8, $7)
         ON CONFLICT ON CONSTRAINT reports_slot_key DO NOTHING
         RETURNING id",
        funding_id,
        seq,
        kind,
        period_start,
        period_end,
        due_on,
        snapshot,
        ReportStatus::Draft as ReportStatus,
    )
    .fetch_optional(db)
    .await
}

/// Saves the narrative of an open report (draft or returned) at `version`; with `submit` it is
/// handed in at the same time.
pub async fn save(
    db: impl PgExecutor<'_>,
    id: i64,
    version: i32,
    fields: &ReportFields,
    submit: bool,
) -> sqlx::Result<bool> {
    Ok(sqlx::query!(
        "UPDATE reports SET what_worked = $3, what_did_not = $4, participation = $5, plans = $6,
                status = CASE WHEN $7 THEN $8 ELSE status END,
                submitted_at = CASE WHEN $7 THEN now() ELSE submitted_at END,
                version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 AND status = ANY($9)",
        id,
        version,
        fields.what_worked,
        fields.what_did_not,
        fields.participation,
        fields.plans,
        submit,
        ReportStatus::Submitted as ReportStatus,
        ReportStatus::OPEN as &[ReportStatus],
    )
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}

/// A step of the Land's review, if the report is still at `version` and in a state the step
/// starts from.
pub async fn review(
    db: impl PgExecutor<'_>,
    id: i64,
    version: i32,
    step: ReportReview,
) -> sqlx::Result<bool> {
    Ok(sqlx::query!(
        "UPDATE reports SET status = $4,
                accepted_at = CASE WHEN $4 = $5 THEN now() ELSE accepted_at END,
                version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 AND status = ANY($3)",
        id,
        version,
        step.from() as &[ReportStatus],
        step.to() as ReportStatus,
        ReportStatus::Accepted as ReportStatus,
    )
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}

pub async fn add_event(
    db: impl PgExecutor<'_>,
    report_id: i64,
    kind: &str,
    by: &SessionUser,
    body: &str,
) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO report_events (report_id, kind, user_id, actor_label, body)
         VALUES ($1, $2, $3, $4, $5)",
        report_id,
        kind,
        by.user_id,
        by.email,
        body
    )
    .execute(db)
    .await?;
    Ok(())
}

/// One entry of a report's thread: a step or a comment.
#[derive(Clone)]
pub struct ReportEvent {
    pub kind: String,
    pub actor: String,
    pub role: Option<String>,
    pub body: String,
    pub occurred_at: OffsetDateTime,
}

impl ReportEvent {
    pub fn kind_label(&self) -> &'static str {
        match self.kind.as_str() {
            "angelegt" => "Bericht angelegt",
            "gespeichert" => "Entwurf gespeichert",
            "eingereicht" => "Eingereicht",
            "pruefung_begonnen" => "Prüfung begonnen",
            "zurueckgegeben" => "Zurückgegeben",
            "angenommen" => "Angenommen",
            _ => "Kommentar",
        }
    }

    pub fn who(&self) -> String {
        match self.role.as_deref().and_then(crate::policy::Role::parse) {
            Some(role) => format!("{} ({})", self.actor, role.label()),
            None => self.actor.clone(),
        }
    }
}

pub async fn events(db: impl PgExecutor<'_>, report_id: i64) -> sqlx::Result<Vec<ReportEvent>> {
    sqlx::query_as!(
        ReportEvent,
        r#"SELECT e.kind, coalesce(u.display_name, e.actor_label) AS "actor!", u.role AS "role?",
                  e.body, e.occurred_at
           FROM report_events e LEFT JOIN users u ON u.id = e.user_id
           WHERE e.report_id = $1
           ORDER BY e.occurred_at, e.id"#,
        report_id
    )
    .fetch_all(db)
    .await
}
