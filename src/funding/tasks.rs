//! In-app tasks ("Aufgaben") for the start page: what is waiting for the signed-in user.

use sqlx::PgPool;
use time::Date;

use super::db::{self, Within};
use super::reports::within_of;
use super::schedule::SlotState;
use crate::format;
use crate::identity::SessionUser;
use crate::policy::Role;

/// One thing to do, most urgent first.
pub struct Task {
    pub text: String,
    pub href: String,
    /// Shown as a red badge: overdue or returned.
    pub urgent: bool,
    pub badge: &'static str,
    sort: (u8, Date),
}

/// The tasks of `user`: for coordinators the reports due, overdue or returned; for Land
/// officers the reports waiting for review and the deliverables to confirm. Two queries.
pub async fn for_user(pool: &PgPool, user: &SessionUser) -> sqlx::Result<Vec<Task>> {
    if !matches!(user.role, Role::Kommune | Role::Land) {
        return Ok(Vec::new());
    }
    let within: Within = within_of(user);
    let fundings = db::fundings(pool, &within).await?;
    let reports = db::report_briefs(pool, &within).await?;
    let today = crate::clock::today();
    let mut tasks = Vec::new();
    for r in db::scheduled(&fundings, &reports, today) {
        let about = format!(
            "{} ({}, {} – {})",
            r.title(),
            r.funding.network_name,
            r.funding.program_name,
            r.funding.phase_label()
        );
        let (text, urgent, rank) = match (user.role, r.state) {
            (Role::Kommune, SlotState::Overdue) => (
                format!("Bericht überfällig seit {}: {about}", r.due_text()),
                true,
                0,
            ),
            (Role::Kommune, SlotState::Returned) => (
                format!("Zurückgegebenen Bericht überarbeiten: {about}"),
                true,
                1,
            ),
            (Role::Kommune, SlotState::Due | SlotState::Draft) => (
                format!("Bericht fällig am {}: {about}", r.due_text()),
                false,
                2,
            ),
            (Role::Land, SlotState::Submitted | SlotState::InReview) => {
                (format!("Bericht prüfen: {about}"), false, 1)
            }
            _ => continue,
        };
        tasks.push(Task {
            text,
            href: r.href(),
            urgent,
            badge: r.state.label(),
            sort: (rank, r.slot.due_on),
        });
    }
    if user.role == Role::Land {
        for f in &fundings {
            let open = f.deliverables_provided - f.deliverables_confirmed;
            if open > 0 {
                tasks.push(Task {
                    text: format!(
                        "{} bestätigen: {} ({}, {} – {})",
                        if open == 1 {
                            "1 Nachweis".to_owned()
                        } else {
                            format!("{} Nachweise", format::integer(open))
                        },
                        f.network_name,
                        f.kommune_name,
                        f.program_name,
                        f.phase_label()
                    ),
                    href: format!("/foerderungen/{}#nachweise", f.id),
                    urgent: false,
                    badge: "Nachweis",
                    sort: (2, f.start_date),
                });
            }
        }
    }
    tasks.sort_by_key(|t| t.sort);
    Ok(tasks)
}
