//! Programs of a Land and their phases with the deliverables each phase requires.

use sqlx::{PgExecutor, Postgres, Transaction};

use crate::format;
use crate::funding::BERICHTSRHYTHMEN;
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

crate::web::edit::versioned!(Program, "funding_program", find_by_id: find_program);

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

crate::web::edit::versioned!(Phase, "funding_phase", find: find_phase);

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
