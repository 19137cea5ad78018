//! Everything waiting for the signed-in user, for the start page and the count in the
//! navigation: reports and evidence (`funding::tasks`), milestones of the coordinator's
//! networks, and knowledge entries to review or to revise. At most four queries, whatever the
//! number of networks.

use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use time::Date;

use crate::error::AppResult;
use crate::format;
use crate::funding::tasks::{self, Task, Urgency};
use crate::identity::SessionUser;
use crate::policy::{self, Action, Role};
use crate::state::AppState;
use crate::states::EntryStatus;

/// Milestones due within this many days count as tasks.
pub const MILESTONE_DAYS: i64 = 14;

/// The open tasks of `user` on `today`, most urgent first.
pub async fn for_user(
    state: &AppState,
    user: &SessionUser,
    today: Date,
) -> sqlx::Result<Vec<Task>> {
    let pool = &state.pool;
    let mut all = tasks::for_user(state, user, today).await?;
    if let (Role::Kommune, Some(ags)) = (user.role, &user.kommune_ags) {
        let due = crate::goals::milestones_due_in_kommune(pool, ags, today, MILESTONE_DAYS).await?;
        all.extend(due.into_iter().map(|m| Task {
            text: format!(
                "Meilenstein „{}“ erledigen (Ziel „{}“, {})",
                m.title, m.goal_title, m.network_name
            ),
            href: format!("/netzwerke/{}/ziele#meilenstein-{}", m.network_id, m.id),
            badge: if m.overdue {
                "Überfällig"
            } else {
                "Bald fällig"
            },
            urgency: if m.overdue {
                Urgency::Overdue
            } else {
                Urgency::Due
            },
            due: Some(m.due_on),
            since: None,
        }));
    }
    let actor = user.actor();
    if policy::allows(&actor, Action::DraftKnowledge) {
        let reviewer = policy::allows(&actor, Action::ReviewKnowledge);
        let entries = crate::knowledge::db::waiting_for(pool, user.user_id, reviewer).await?;
        all.extend(entries.into_iter().map(|e| {
            let returned = e.status == EntryStatus::Returned;
            Task {
                text: if returned {
                    format!("Zurückgegebenen Wissenseintrag überarbeiten: „{}“", e.title)
                } else {
                    format!("Wissenseintrag prüfen: „{}“", e.title)
                },
                href: format!("/wissen/eintrag/{}", e.slug),
                badge: e.status.label(),
                urgency: if returned {
                    Urgency::Returned
                } else {
                    Urgency::Waiting
                },
                due: None,
                since: Some((
                    if returned {
                        "zurückgegeben"
                    } else {
                        "eingereicht"
                    },
                    format::local_date(e.updated_at),
                )),
            }
        }));
    }
    tasks::sort(&mut all);
    Ok(all)
}

/// Counts the open tasks again for a session whose count is stale – after a change of the
/// user's tasks (cleared by the triggers of migration 0017, also for the other users concerned)
/// or on a new day – before a page is shown, so its navigation shows the true count; and keeps
/// it in the session. Every other page view costs nothing: the session lookup returns the count.
/// The start page counts its tasks anyway and keeps the count itself.
pub async fn count_when_stale(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> AppResult<Response> {
    let page_view = request.method() == Method::GET && request.uri().path() != "/";
    if let Some(user) = request.extensions_mut().get_mut::<SessionUser>()
        && page_view
        && user.open_tasks.is_none()
        && !user.must_change_password
    {
        let today = crate::clock::today();
        let open = i32::try_from(for_user(&state, user, today).await?.len()).unwrap_or(i32::MAX);
        crate::auth::session::set_open_tasks(&state.pool, user, open, today).await?;
        user.open_tasks = Some(open);
    }
    Ok(next.run(request).await)
}
