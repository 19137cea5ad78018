//! In-app tasks ("Aufgaben"): one thing waiting for the signed-in user, and the funding tasks
//! (reports and evidence). The start page adds milestones and knowledge entries.

use sqlx::PgPool;
use time::Date;

use super::db::{self, Within};
use super::reports::within_of;
use super::schedule::SlotState;
use crate::computed::Revision;
use crate::format;
use crate::identity::SessionUser;
use crate::policy::Role;
use crate::state::AppState;

/// How pressing a task is; tasks sort by this, then by their date (oldest first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    /// Past its due date.
    Overdue,
    /// Sent back to the user.
    Returned,
    /// Someone else waits for the user.
    Waiting,
    /// Due soon or now.
    Due,
    /// Overdue with someone else, for the user to follow up.
    FollowUp,
}

/// One thing to do.
#[derive(Clone, Debug)]
pub struct Task {
    pub text: String,
    pub href: String,
    pub badge: &'static str,
    pub urgency: Urgency,
    pub due: Option<Date>,
    /// What happened when, that the task waits since: ("eingereicht", 12.03.2026).
    pub since: Option<(&'static str, Date)>,
}

/// "heute", "gestern", "vor 3 Tagen".
fn days_ago(days: i64) -> String {
    match days {
        ..=0 => "heute".into(),
        1 => "gestern".into(),
        n => format!("vor {}", format::count(n, "Tag", "Tagen")),
    }
}

impl Task {
    /// Shown with a red badge: overdue or sent back.
    pub fn urgent(&self) -> bool {
        matches!(self.urgency, Urgency::Overdue | Urgency::Returned)
    }

    /// The date it sorts by within its urgency: due date, else since when it waits.
    fn date(&self) -> Option<Date> {
        self.due.or(self.since.map(|(_, at)| at))
    }

    /// Due date and age on `today`: "fällig am 01.03.2026, seit 12 Tagen überfällig".
    pub fn when(&self, today: &Date) -> String {
        let today = *today;
        let mut parts = Vec::new();
        if let Some(due) = self.due {
            let days = (due - today).whole_days();
            parts.push(match days {
                ..0 => format!(
                    "fällig am {}, seit {} überfällig",
                    format::date(due),
                    format::count(-days, "Tag", "Tagen")
                ),
                0 => format!("fällig heute ({})", format::date(due)),
                1 => format!("fällig morgen ({})", format::date(due)),
                n => format!(
                    "fällig am {}, in {}",
                    format::date(due),
                    format::count(n, "Tag", "Tagen")
                ),
            });
        }
        if let Some((what, at)) = self.since {
            parts.push(format!(
                "{what} am {} ({})",
                format::date(at),
                days_ago((today - at).whole_days())
            ));
        }
        parts.join("; ")
    }
}

/// Most urgent first, the oldest of equally urgent ones first.
pub fn sort(tasks: &mut [Task]) {
    tasks.sort_by_key(|t| (t.urgency, t.date()));
}

/// The first `wanted` funding tasks of `user`, most urgent first, and how many there are:
/// for coordinators the reports due, overdue or returned and the evidence a phase still
/// lacks; for Land officers the reports waiting for review, the evidence to confirm and the
/// overdue reports of their networks. Two queries, once per change of the Land's data
/// (`computed`, by `land_revision`: the revision of the user's Land, read by the caller);
/// none otherwise.
pub async fn first(
    state: &AppState,
    user: &SessionUser,
    today: Date,
    wanted: usize,
    land_revision: i64,
) -> sqlx::Result<(Vec<Task>, usize)> {
    let first = |all: &[Task]| (all.iter().take(wanted).cloned().collect(), all.len());
    // Kept per Land (every officer of a Land shares them) or per municipality (its
    // coordinators do), and per revision of the Land's data; a node keeps the Kommunen whose
    // tasks were asked for most recently.
    let kept = match (user.role, &user.kommune_ags) {
        (Role::Land, _) => Some(("landesaufgaben", user.land_code.as_deref(), usize::MAX)),
        (Role::Kommune, Some(ags)) => Some(("kommunalaufgaben", Some(ags.as_str()), 1000)),
        _ => None,
    };
    match (kept, &user.land_code) {
        (Some((kind, Some(scope), kept)), Some(_)) => {
            let revision = Revision {
                day: today,
                number: land_revision,
            };
            let tasks = state
                .computed
                .get_or_compute_kept(kind, scope, revision, kept, || {
                    computed_for(&state.pool, user, today)
                })
                .await?;
            Ok(first(&tasks))
        }
        (Some(_), _) => Ok(first(&computed_for(&state.pool, user, today).await?)),
        (None, _) => Ok((Vec::new(), 0)),
    }
}

/// Every funding task of `user`, sorted.
async fn computed_for(pool: &PgPool, user: &SessionUser, today: Date) -> sqlx::Result<Vec<Task>> {
    let within: Within = within_of(user);
    let fundings = db::fundings(pool, &within).await?;
    let reports = db::report_briefs(pool, &within).await?;
    let mut tasks = Vec::new();
    for r in db::scheduled(&fundings, &reports, today) {
        let about = format!(
            "{} ({}, {} – {})",
            r.title(),
            r.funding.network_name,
            r.funding.program_name,
            r.funding.phase_label()
        );
        let due = Some(r.slot.due_on);
        let (text, urgency, due, since) = match (user.role, r.state) {
            (Role::Kommune, SlotState::Overdue) => (
                format!("Bericht einreichen: {about}"),
                Urgency::Overdue,
                due,
                None,
            ),
            (Role::Kommune, SlotState::Returned) => (
                format!("Zurückgegebenen Bericht überarbeiten: {about}"),
                Urgency::Returned,
                due,
                None,
            ),
            (Role::Kommune, SlotState::Due | SlotState::Draft) => (
                format!("Bericht einreichen: {about}"),
                Urgency::Due,
                due,
                None,
            ),
            (Role::Land, SlotState::Submitted | SlotState::InReview) => (
                format!("Bericht prüfen: {about}"),
                Urgency::Waiting,
                None,
                r.submitted_at
                    .map(|at| ("eingereicht", format::local_date(at))),
            ),
            (Role::Land, SlotState::Overdue) => (
                format!("Überfälligen Bericht nachfragen: {about}"),
                Urgency::FollowUp,
                due,
                None,
            ),
            _ => continue,
        };
        tasks.push(Task {
            text,
            href: r.href(),
            urgency,
            badge: r.state.label(),
            due,
            since,
        });
    }
    for f in &fundings {
        match user.role {
            Role::Land => {
                let open = f.deliverables_provided - f.deliverables_confirmed;
                if open > 0 {
                    tasks.push(Task {
                        text: format!(
                            "{} bestätigen: {} ({}, {} – {})",
                            format::count(open, "Nachweis", "Nachweise"),
                            f.network_name,
                            f.kommune_name,
                            f.program_name,
                            f.phase_label()
                        ),
                        href: format!("/foerderungen/{}#nachweise", f.id),
                        badge: "Nachweis",
                        urgency: Urgency::Waiting,
                        due: None,
                        since: f
                            .unconfirmed_since
                            .map(|at| ("eingereicht", format::local_date(at))),
                    });
                }
            }
            // Evidence for the next phase is due with the end of the running one.
            _ if f.status.owes_reports() && f.end_date >= today && f.missing_deliverables() > 0 => {
                tasks.push(Task {
                    text: format!(
                        "{} für die nächste Phase einreichen: {} ({} – {})",
                        format::count(f.missing_deliverables(), "Nachweis", "Nachweise"),
                        f.network_name,
                        f.program_name,
                        f.phase_label()
                    ),
                    href: format!("/foerderungen/{}#nachweise", f.id),
                    badge: "Nachweis fehlt",
                    urgency: Urgency::Due,
                    due: Some(f.end_date),
                    since: None,
                });
            }
            _ => {}
        }
    }
    sort(&mut tasks);
    Ok(tasks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn task(urgency: Urgency, due: Option<Date>, since: Option<(&'static str, Date)>) -> Task {
        Task {
            text: String::new(),
            href: String::new(),
            badge: "",
            urgency,
            due,
            since,
        }
    }

    #[test]
    fn due_dates_and_ages_in_words() {
        let today = date!(2026 - 03 - 13);
        let when = |due, since| task(Urgency::Due, due, since).when(&today);
        assert_eq!(
            when(Some(date!(2026 - 03 - 01)), None),
            "fällig am 01.03.2026, seit 12 Tagen überfällig"
        );
        assert_eq!(
            when(Some(date!(2026 - 03 - 12)), None),
            "fällig am 12.03.2026, seit 1 Tag überfällig"
        );
        assert_eq!(when(Some(today), None), "fällig heute (13.03.2026)");
        assert_eq!(
            when(Some(date!(2026 - 03 - 14)), None),
            "fällig morgen (14.03.2026)"
        );
        assert_eq!(
            when(Some(date!(2026 - 03 - 20)), None),
            "fällig am 20.03.2026, in 7 Tagen"
        );
        assert_eq!(
            when(None, Some(("eingereicht", date!(2026 - 03 - 12)))),
            "eingereicht am 12.03.2026 (gestern)"
        );
        assert_eq!(
            when(None, Some(("eingereicht", date!(2026 - 03 - 03)))),
            "eingereicht am 03.03.2026 (vor 10 Tagen)"
        );
    }

    #[test]
    fn most_urgent_first() {
        let jan = Some(date!(2026 - 01 - 01));
        let feb = Some(date!(2026 - 02 - 01));
        let mut tasks = vec![
            task(Urgency::Due, jan, None),
            task(
                Urgency::Waiting,
                None,
                Some(("eingereicht", date!(2026 - 02 - 01))),
            ),
            task(Urgency::Overdue, feb, None),
            task(Urgency::Overdue, jan, None),
        ];
        sort(&mut tasks);
        let order: Vec<_> = tasks.iter().map(|t| (t.urgency, t.date())).collect();
        assert_eq!(
            order,
            [
                (Urgency::Overdue, jan),
                (Urgency::Overdue, feb),
                (Urgency::Waiting, feb),
                (Urgency::Due, jan),
            ]
        );
    }
}
