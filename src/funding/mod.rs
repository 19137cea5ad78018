//! Land funding of prevention networks: programs with phases and required deliverables
//! (`programs`), fundings of a network in a phase with the deliverables checklist
//! (`fundings`), the report schedule (`schedule`), reports with a frozen snapshot and their
//! review (`reports`), the Land overview (`land`) and the start page's tasks (`tasks`).
//!
//! For other pages: [`history`] (the network overview) and [`tasks::first`] (the tasks on the
//! start page and `/aufgaben`).

pub mod db;
mod forms;
mod fundings;
mod land;
mod programs;
mod reports;
pub mod schedule;
pub mod tasks;

use axum::Router;

use crate::state::AppState;
use crate::vocab::Term;

pub use db::Funding;
pub use reports::goals_and_indicators;
pub use tasks::Task;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(programs::routes())
        .merge(fundings::routes())
        .merge(reports::routes())
        .merge(land::routes())
}

const fn t(code: &'static str, label: &'static str) -> Term {
    Term { code, label }
}

/// How often interim reports are due; stored as months (NULL = none).
pub const BERICHTSRHYTHMEN: &[Term] = &[
    t("keine", "Keine Zwischenberichte"),
    t("3", "Vierteljährlich"),
    t("6", "Halbjährlich"),
    t("12", "Jährlich"),
    t("24", "Alle zwei Jahre"),
];

/// The fundings of a network, newest first, for its overview page. One query.
pub async fn history(pool: &sqlx::PgPool, network_id: i64) -> sqlx::Result<Vec<Funding>> {
    let within = db::Within::Network(network_id);
    let mut fundings = db::fundings(pool, &within).await?;
    fundings.reverse();
    Ok(fundings)
}
