//! SQL of programs, phases, deliverables, fundings and their checklists. Sub-records always
//! name their parent (phase and program, deliverable and phase, evidence and funding), so an id
//! of another program or funding finds nothing.

use sqlx::{PgExecutor, Postgres, Transaction};
use time::{Date, OffsetDateTime};

use super::BERICHTSRHYTHMEN;
use super::schedule::{Rhythm, Slot, SlotState, schedule};
use crate::format;
use crate::states::{FundingStatus, ReportStatus};
use crate::vocab::label;

// ---------------------------------------------------------------------------------------
// Programs
// ---------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
pub struct Program {
    pub id: i64,
    pub land_code: String,
    pub land_name: String,
    pub name: String,
    pub description: String,
    pub legal_basis: String,
    pub own_share_percent: f64,
    pub integrated_planning_required: bool,
    pub report_due_days: i32,
    pub version: i32,
}

impl Program {
    pub fn audit_values(&self) -> serde_json::Value {
        serde_json::json!({
            "Name": self.name,
            "Beschreibung": self.description,
            "Rechtsgrundlage": self.legal_basis,
            "Eigenanteil (%)": format::decimal(self.own_share_percent, 1),
            "Integrierte Planung erforderlich": self.integrated_planning_required,
            "Berichtsfrist (Tage nach Periodenende)": self.report_due_days,
        })
    }
}

#[derive(Clone, Debug)]
pub struct ProgramFields {
    pub name: String,
    pub description: String,
    pub legal_basis: String,
    pub own_share_percent: f64,
    pub integrated_planning_required: bool,
    pub report_due_days: i32,
}

/// A program in the list, with its size.
pub struct ProgramSummary {
    pub id: i64,
    pub land_name: String,
    pub name: String,
    pub legal_basis: String,
    pub phases: i64,
    pub fundings: i64,
}

/// Programs of one Land, or of all Länder (`None`). One query.
pub async fn programs(
    db: impl PgExecutor<'_>,
    land_code: Option<&str>,
) -> sqlx::Result<Vec<ProgramSummary>> {
    sqlx::query_as!(
        ProgramSummary,
        r#"SELECT p.id, l.name AS land_name, p.name, p.legal_basis,
                  (SELECT count(*) FROM funding_phases ph WHERE ph.program_id = p.id) AS "phases!",
                  (SELECT count(*) FROM fundings f WHERE f.program_id = p.id) AS "fundings!"
           FROM funding_programs p JOIN laender l ON l.code = p.land_code
           WHERE ($1::text IS NULL OR p.land_code = $1)
           ORDER BY l.name, p.name"#,
        land_code
    )
    .fetch_all(db)
    .await
}

pub async fn find_program(db: impl PgExecutor<'_>, id: i64) -> sqlx::Result<Option<Program>> {
    sqlx::query_as!(
        Program,
        r#"SELECT p.id, p.land_code::text AS "land_code!", l.name AS land_name, p.name, p.description,
                  p.legal_basis, p.own_share_percent, p.integrated_planning_required,
                  p.report_due_days, p.version
           FROM funding_programs p JOIN laender l ON l.code = p.land_code
           WHERE p.id = $1"#,
        id
    )
    .fetch_optional(db)
    .await
}

pub async fn insert_program(
    db: impl PgExecutor<'_>,
    land_code: &str,
    fields: &ProgramFields,
) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        "INSERT INTO funding_programs (land_code, name, description, legal_basis, own_share_percent,
                                       integrated_planning_required, report_due_days)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        land_code,
        fields.name,
        fields.description,
        fields.legal_basis,
        fields.own_share_percent,
        fields.integrated_planning_required,
        fields.report_due_days,
    )
    .fetch_one(db)
    .await
}

pub async fn update_program(
    db: impl PgExecutor<'_>,
    id: i64,
    version: i32,
    fields: &ProgramFields,
) -> sqlx::Result<bool> {
    Ok(sqlx::query!(
        "UPDATE funding_programs SET name = $3, description = $4, legal_basis = $5,
                own_share_percent = $6, integrated_planning_required = $7, report_due_days = $8,
                version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2",
        id,
        version,
        fields.name,
        fields.description,
        fields.legal_basis,
        fields.own_share_percent,
        fields.integrated_planning_required,
        fields.report_due_days,
    )
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}

/// The unique name of a program in its Land, at the form's name field.
pub const PROGRAM_NAME_TAKEN: &[(&str, &str)] = &[("funding_programs_name_key", "name")];
/// The unique name of a phase in its program, at the form's name field.
pub const PHASE_NAME_TAKEN: &[(&str, &str)] = &[("funding_phases_name_key", "name")];

// ---------------------------------------------------------------------------------------
// Phases and their deliverables
// ---------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
pub struct Phase {
    pub id: i64,
    pub program_id: i64,
    pub position: i32,
    pub name: String,
    pub duration_months: i32,
    pub repeatable: bool,
    pub report_interval_months: Option<i32>,
    pub final_report: bool,
    pub version: i32,
    /// Required deliverables in their order.
    pub deliverables: Vec<String>,
}

impl Phase {
    /// "Jährlich, Abschlussbericht zum Phasenende".
    pub fn rhythm_text(&self) -> String {
        rhythm_text(self.report_interval_months, self.final_report)
    }

    pub fn audit_values(&self) -> serde_json::Value {
        serde_json::json!({
            "Reihenfolge": self.position,
            "Name": self.name,
            "Dauer (Monate)": self.duration_months,
            "Wiederholbar": self.repeatable,
            "Berichtsrhythmus": self.rhythm_text(),
            "Erforderliche Nachweise": self.deliverables,
        })
    }
}

pub fn rhythm_text(interval: Option<i32>, final_report: bool) -> String {
    let interim = match interval {
        Some(months) => label(BERICHTSRHYTHMEN, &months.to_string()).to_owned(),
        None => "Keine Zwischenberichte".to_owned(),
    };
    if final_report {
        format!("{interim}, Abschlussbericht zum Phasenende")
    } else {
        interim
    }
}

#[derive(Clone, Debug)]
pub struct PhaseFields {
    pub position: i32,
    pub name: String,
    pub duration_months: i32,
    pub repeatable: bool,
    pub report_interval_months: Option<i32>,
    pub final_report: bool,
    pub deliverables: Vec<String>,
}

/// The phases of a program with their deliverables, in order. One query.
pub async fn phases(db: impl PgExecutor<'_>, program_id: i64) -> sqlx::Result<Vec<Phase>> {
    sqlx::query_as!(
        Phase,
        r#"SELECT ph.id, ph.program_id, ph.position, ph.name, ph.duration_months, ph.repeatable,
                  ph.report_interval_months, ph.final_report, ph.version,
                  coalesce(array(SELECT d.title FROM phase_deliverables d WHERE d.phase_id = ph.id
                                 ORDER BY d.position, d.id), '{}') AS "deliverables!"
           FROM funding_phases ph
           WHERE ph.program_id = $1
           ORDER BY ph.position, ph.id"#,
        program_id
    )
    .fetch_all(db)
    .await
}

pub async fn find_phase(
    db: impl PgExecutor<'_>,
    program_id: i64,
    id: i64,
) -> sqlx::Result<Option<Phase>> {
    sqlx::query_as!(
        Phase,
        r#"SELECT ph.id, ph.program_id, ph.position, ph.name, ph.duration_months, ph.repeatable,
                  ph.report_interval_months, ph.final_report, ph.version,
                  coalesce(array(SELECT d.title FROM phase_deliverables d WHERE d.phase_id = ph.id
                                 ORDER BY d.position, d.id), '{}') AS "deliverables!"
           FROM funding_phases ph
           WHERE ph.program_id = $1 AND ph.id = $2"#,
        program_id,
        id
    )
    .fetch_optional(db)
    .await
}

pub async fn insert_phase(
    tx: &mut Transaction<'_, Postgres>,
    program_id: i64,
    fields: &PhaseFields,
) -> sqlx::Result<i64> {
    let id = sqlx::query_scalar!(
        "INSERT INTO funding_phases (program_id, position, name, duration_months, repeatable,
                                     report_interval_months, final_report)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        program_id,
        fields.position,
        fields.name,
        fields.duration_months,
        fields.repeatable,
        fields.report_interval_months,
        fields.final_report,
    )
    .fetch_one(&mut **tx)
    .await?;
    replace_deliverables(tx, id, &fields.deliverables).await?;
    Ok(id)
}

pub async fn update_phase(
    tx: &mut Transaction<'_, Postgres>,
    program_id: i64,
    id: i64,
    version: i32,
    fields: &PhaseFields,
) -> sqlx::Result<bool> {
    let updated = sqlx::query!(
        "UPDATE funding_phases SET position = $4, name = $5, duration_months = $6, repeatable = $7,
                report_interval_months = $8, final_report = $9, version = version + 1,
                updated_at = now()
         WHERE program_id = $1 AND id = $2 AND version = $3",
        program_id,
        id,
        version,
        fields.position,
        fields.name,
        fields.duration_months,
        fields.repeatable,
        fields.report_interval_months,
        fields.final_report,
    )
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1;
    if updated {
        replace_deliverables(tx, id, &fields.deliverables).await?;
    }
    Ok(updated)
}

/// Keeps deliverables whose title stays (their evidence stays with them), renumbers, adds new
/// ones and removes the rest. The caller has checked that none removed has evidence.
async fn replace_deliverables(
    tx: &mut Transaction<'_, Postgres>,
    phase_id: i64,
    titles: &[String],
) -> sqlx::Result<()> {
    sqlx::query!(
        "DELETE FROM phase_deliverables WHERE phase_id = $1 AND NOT (title = ANY($2))",
        phase_id,
        titles
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!(
        "INSERT INTO phase_deliverables (phase_id, position, title)
         SELECT $1, ord::int, title FROM unnest($2::text[]) WITH ORDINALITY AS u(title, ord)
         ON CONFLICT ON CONSTRAINT phase_deliverables_title_key
         DO UPDATE SET position = EXCLUDED.position",
        phase_id,
        titles
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Titles of the phase's deliverables that some funding has given evidence for.
pub async fn deliverables_with_evidence(
    db: impl PgExecutor<'_>,
    phase_id: i64,
) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar!(
        r#"SELECT DISTINCT d.title FROM phase_deliverables d
           JOIN funding_deliverables fd ON fd.phase_id = d.phase_id AND fd.deliverable_id = d.id
           WHERE d.phase_id = $1"#,
        phase_id
    )
    .fetch_all(db)
    .await
}

/// A phase to choose when recording a funding: "Programm – Phase".
pub struct PhaseOption {
    pub id: i64,
    pub program_name: String,
    pub phase_name: String,
    pub duration_months: i32,
}

/// Every phase of every program of a Land. One query.
pub async fn phase_options(
    db: impl PgExecutor<'_>,
    land_code: &str,
) -> sqlx::Result<Vec<PhaseOption>> {
    sqlx::query_as!(
        PhaseOption,
        r#"SELECT ph.id, p.name AS program_name, ph.name AS phase_name, ph.duration_months
           FROM funding_phases ph JOIN funding_programs p ON p.id = ph.program_id
           WHERE p.land_code = $1
           ORDER BY p.name, ph.position, ph.id"#,
        land_code
    )
    .fetch_all(db)
    .await
}

// ---------------------------------------------------------------------------------------
// Fundings
// ---------------------------------------------------------------------------------------

/// A funding with everything its pages show about network, program and phase.
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
}

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

pub async fn find_funding(db: impl PgExecutor<'_>, id: i64) -> sqlx::Result<Option<Funding>> {
    sqlx::query_as!(
        Funding,
        r#"SELECT f.id, f.network_id, n.name AS network_name, n.kommune_ags, k.name AS kommune_name,
                  k.land_code::text AS "land_code!", p.id AS program_id, p.name AS program_name,
                  p.own_share_percent, p.report_due_days, ph.id AS phase_id, ph.name AS phase_name,
                  ph.position AS phase_position, ph.duration_months, ph.repeatable,
                  ph.report_interval_months, ph.final_report, f.repetition, f.start_date,
                  f.end_date, f.granted_amount_euro, f.own_share_euro, f.status AS "status: FundingStatus", f.file_reference,
                  f.note, f.version
           FROM fundings f
           JOIN networks n ON n.id = f.network_id
           JOIN kommunen k ON k.ags = n.kommune_ags
           JOIN funding_programs p ON p.id = f.program_id
           JOIN funding_phases ph ON ph.id = f.phase_id
           WHERE f.id = $1"#,
        id
    )
    .fetch_optional(db)
    .await
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
                     AND f.status <> 'abgelehnt') AS "earlier!"
           FROM funding_phases ph JOIN funding_programs p ON p.id = ph.program_id
           WHERE ph.id = $1"#,
        phase_id,
        network_id
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

/// A funding in a network's history.
pub struct FundingLine {
    pub id: i64,
    pub program_name: String,
    pub phase_name: String,
    pub repetition: i32,
    pub start_date: Date,
    pub end_date: Date,
    pub granted_amount_euro: Option<i64>,
    pub status: FundingStatus,
}

impl FundingLine {
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
}

pub async fn lines_of_network(
    db: impl PgExecutor<'_>,
    network_id: i64,
) -> sqlx::Result<Vec<FundingLine>> {
    sqlx::query_as!(
        FundingLine,
        r#"SELECT f.id, p.name AS program_name, ph.name AS phase_name, f.repetition, f.start_date,
                  f.end_date, f.granted_amount_euro, f.status AS "status: FundingStatus"
           FROM fundings f
           JOIN funding_programs p ON p.id = f.program_id
           JOIN funding_phases ph ON ph.id = f.phase_id
           WHERE f.network_id = $1
           ORDER BY f.start_date DESC, f.id DESC"#,
        network_id
    )
    .fetch_all(db)
    .await
}

// ---------------------------------------------------------------------------------------
// The checklist
// ---------------------------------------------------------------------------------------

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
                by.as_deref().unwrap_or("gelöschtes Konto")
            ),
            _ => String::new(),
        }
    }

    pub fn confirmed_text(&self) -> String {
        match (&self.confirmed_by, self.confirmed_at) {
            (by, Some(at)) => format!(
                "{} ({})",
                format::date_time(at),
                by.as_deref().unwrap_or("gelöschtes Konto")
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

// ---------------------------------------------------------------------------------------
// Fundings and reports across networks: the schedule of many fundings at once
// ---------------------------------------------------------------------------------------

/// Which fundings to look at: one municipality's, one Land's, one network's, or all.
#[derive(Clone, Debug, Default)]
pub struct Within {
    pub kommune_ags: Option<String>,
    pub land_code: Option<String>,
    pub network_id: Option<i64>,
}

/// A funding as the schedule, the tasks and the Land overview need it.
#[derive(Clone, Debug)]
pub struct FundingBrief {
    pub id: i64,
    pub network_id: i64,
    pub network_name: String,
    pub kommune_name: String,
    pub program_id: i64,
    pub program_name: String,
    pub phase_name: String,
    pub repetition: i32,
    pub status: FundingStatus,
    pub start_date: Date,
    pub end_date: Date,
    pub granted_amount_euro: Option<i64>,
    pub report_interval_months: Option<i32>,
    pub final_report: bool,
    pub report_due_days: i32,
    pub deliverables_required: i64,
    pub deliverables_provided: i64,
    pub deliverables_confirmed: i64,
}

impl FundingBrief {
    pub fn phase_label(&self) -> String {
        phase_label(&self.phase_name, self.repetition)
    }

    pub fn missing_deliverables(&self) -> i64 {
        (self.deliverables_required - self.deliverables_provided).max(0)
    }

    pub fn slots(&self) -> Vec<Slot> {
        if self.status.owes_reports() {
            schedule(
                self.start_date,
                self.end_date,
                Rhythm {
                    interval_months: self.report_interval_months,
                    final_report: self.final_report,
                    due_days: self.report_due_days,
                },
            )
        } else {
            Vec::new()
        }
    }
}

/// The fundings within the bounds, by network and start. One query.
pub async fn briefs(db: impl PgExecutor<'_>, within: &Within) -> sqlx::Result<Vec<FundingBrief>> {
    sqlx::query_as!(
        FundingBrief,
        r#"SELECT f.id, f.network_id, n.name AS network_name, k.name AS kommune_name,
                  p.id AS program_id, p.name AS program_name, ph.name AS phase_name, f.repetition,
                  f.status AS "status: FundingStatus", f.start_date, f.end_date, f.granted_amount_euro,
                  ph.report_interval_months, ph.final_report,
                  p.report_due_days,
                  coalesce(d.required, 0) AS "deliverables_required!",
                  coalesce(e.provided, 0) AS "deliverables_provided!",
                  coalesce(e.confirmed, 0) AS "deliverables_confirmed!"
           FROM fundings f
           JOIN networks n ON n.id = f.network_id
           JOIN kommunen k ON k.ags = n.kommune_ags
           JOIN funding_programs p ON p.id = f.program_id
           JOIN funding_phases ph ON ph.id = f.phase_id
           -- Counted once per phase and funding, not per row (a third of the time).
           LEFT JOIN (SELECT phase_id, count(*) AS required FROM phase_deliverables
                      GROUP BY phase_id) d ON d.phase_id = f.phase_id
           LEFT JOIN (SELECT funding_id, count(*) AS provided, count(confirmed_at) AS confirmed
                      FROM funding_deliverables GROUP BY funding_id) e ON e.funding_id = f.id
           WHERE ($1::text IS NULL OR n.kommune_ags = $1)
             AND ($2::text IS NULL OR k.land_code = $2)
             AND ($3::bigint IS NULL OR f.network_id = $3)
           ORDER BY f.network_id, f.start_date, f.id"#,
        within.kommune_ags,
        within.land_code,
        within.network_id
    )
    .fetch_all(db)
    .await
}

/// A report as the schedule needs it: which slot it fills and where it stands.
#[derive(Clone, Debug)]
pub struct ReportBrief {
    pub id: i64,
    pub funding_id: i64,
    pub seq: i32,
    pub status: ReportStatus,
}

pub async fn report_briefs(
    db: impl PgExecutor<'_>,
    within: &Within,
) -> sqlx::Result<Vec<ReportBrief>> {
    sqlx::query_as!(
        ReportBrief,
        r#"SELECT r.id, r.funding_id, r.seq, r.status AS "status: ReportStatus"
           FROM reports r
           JOIN fundings f ON f.id = r.funding_id
           JOIN networks n ON n.id = f.network_id
           JOIN kommunen k ON k.ags = n.kommune_ags
           WHERE ($1::text IS NULL OR n.kommune_ags = $1)
             AND ($2::text IS NULL OR k.land_code = $2)
             AND ($3::bigint IS NULL OR f.network_id = $3)"#,
        within.kommune_ags,
        within.land_code,
        within.network_id
    )
    .fetch_all(db)
    .await
}

/// One slot of some funding's schedule, with the report that fills it (if opened).
#[derive(Clone, Debug)]
pub struct ScheduledReport {
    pub funding: FundingBrief,
    pub slot: Slot,
    pub report_id: Option<i64>,
    pub state: SlotState,
}

impl ScheduledReport {
    pub fn title(&self) -> String {
        format!(
            "{} {} bis {}",
            self.slot.kind.label(),
            format::date(self.slot.period_start),
            format::date(self.slot.period_end)
        )
    }

    pub fn due_text(&self) -> String {
        format::date(self.slot.due_on)
    }

    pub fn href(&self) -> String {
        match self.report_id {
            Some(id) => format!("/berichte/{id}"),
            None => format!("/foerderungen/{}#berichte", self.funding.id),
        }
    }
}

/// The schedules of `fundings` with their `reports`, on `today`. (A report whose slot vanished
/// because the period was shortened later still shows on its funding's page, which lists the
/// stored reports.)
pub fn scheduled(
    fundings: &[FundingBrief],
    reports: &[ReportBrief],
    today: Date,
) -> Vec<ScheduledReport> {
    let mut by_funding: std::collections::HashMap<i64, Vec<&ReportBrief>> =
        std::collections::HashMap::new();
    for report in reports {
        by_funding
            .entry(report.funding_id)
            .or_default()
            .push(report);
    }
    let mut all = Vec::new();
    for funding in fundings {
        let reports = by_funding.get(&funding.id).cloned().unwrap_or_default();
        for slot in funding.slots() {
            let report = reports.iter().find(|r| r.seq == slot.seq);
            all.push(ScheduledReport {
                funding: funding.clone(),
                slot,
                report_id: report.map(|r| r.id),
                state: SlotState::of(&slot, report.map(|r| r.status), today),
            });
        }
    }
    all
}
