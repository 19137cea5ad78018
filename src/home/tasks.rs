//! Everything waiting for the signed-in user, for the start page, the list `/aufgaben` and the
//! count in the navigation: reports and evidence (`funding::tasks`), milestones of the
//! coordinator's networks, and knowledge entries to review or to revise. A page of them costs
//! three statements (two for a Land officer whose Land's funding tasks are kept), however
//! many tasks there are: each source delivers only as many of its first tasks as the page
//! reaches, in the order of `funding::tasks::sort`, and its count.

use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use time::{Date, OffsetDateTime};

use crate::error::AppResult;
use crate::format;
use crate::funding::tasks::{self, Task, Urgency};
use crate::identity::SessionUser;
use crate::policy::{self, Action};
use crate::state::AppState;
use crate::states::EntryStatus;
use crate::web::Layout;

/// Milestones due within this many days count as tasks.
pub const MILESTONE_DAYS: i64 = 14;

/// Tasks `offset + 1` to `offset + limit` of the open tasks of `user` on `today`, most urgent
/// first, and how many there are in all.
pub async fn page(
    state: &AppState,
    user: &SessionUser,
    today: Date,
    limit: i64,
    offset: i64,
) -> sqlx::Result<(Vec<Task>, i64)> {
    let (limit, offset) = (limit.max(0), offset.max(0));
    // Rows `offset..offset + limit` of the merged, sorted sources are among the first
    // `offset + limit` of each: `sort` is stable and each source comes sorted.
    let wanted = offset.saturating_add(limit);
    let (mut all, funding_total) = tasks::first(
        state,
        user,
        today,
        usize::try_from(wanted).unwrap_or(usize::MAX),
    )
    .await?;
    let (others, others_total) = milestones_and_entries(state, user, today, wanted).await?;
    all.extend(others);
    tasks::sort(&mut all);
    let shown = all
        .into_iter()
        .skip(usize::try_from(offset).unwrap_or(usize::MAX))
        .take(usize::try_from(limit).unwrap_or(usize::MAX))
        .collect();
    Ok((
        shown,
        i64::try_from(funding_total).unwrap_or(i64::MAX) + others_total,
    ))
}

/// Shows `open` tasks in the navigation and keeps the count in the session, written only
/// when it changed, so a page viewed again costs no write.
pub async fn keep_count(
    state: &AppState,
    layout: &mut Layout,
    user: &SessionUser,
    open: i64,
    today: Date,
) -> sqlx::Result<()> {
    let open = i32::try_from(open).unwrap_or(i32::MAX);
    layout.set_open_tasks(open);
    if user.open_tasks != Some(open) {
        crate::auth::session::set_open_tasks(&state.pool, user, open, today).await?;
    }
    Ok(())
}

/// The first `wanted` of the milestones due in the coordinator's networks and the knowledge
/// entries waiting for the user, in the order of `funding::tasks::sort`, and how many there
/// are. One statement: the count beside the first rows, so also a page past the end (or
/// `wanted` 0, for the count alone) gets it.
async fn milestones_and_entries(
    state: &AppState,
    user: &SessionUser,
    today: Date,
    wanted: i64,
) -> sqlx::Result<(Vec<Task>, i64)> {
    let until = today.saturating_add(time::Duration::days(MILESTONE_DAYS));
    let reviewer = policy::allows(&user.actor(), Action::ReviewKnowledge);
    // Milestones are only a coordinator's tasks; a user without a municipality matches none.
    let rows = sqlx::query!(
        r#"WITH open AS (
               SELECT m.due_on, NULL::timestamptz AS updated_at, m.id, m.title,
                      g.title AS goal_title, n.id AS network_id, n.name AS network_name,
                      NULL::text AS slug, NULL::text AS status
               FROM networks n
               JOIN goals g ON g.network_id = n.id
               JOIN milestones m ON m.goal_id = g.id
               WHERE n.kommune_ags = $1 AND m.done_on IS NULL AND m.due_on <= $2
               UNION ALL
               SELECT NULL, e.updated_at, e.id, e.title, NULL, NULL, NULL, e.slug, e.status
               FROM knowledge_entries e
               WHERE e.status <> 'veroeffentlicht'
                 AND (($3 AND e.status = $4) OR (e.author_user_id = $5 AND e.status = $6))
           )
           SELECT c.total AS "total!", t.due_on AS "due_on?", t.updated_at AS "updated_at?",
                  t.id AS "id?", t.title AS "title?", t.goal_title AS "goal_title?",
                  t.network_id AS "network_id?", t.network_name AS "network_name?",
                  t.slug AS "slug?", t.status AS "status?: EntryStatus"
           FROM (SELECT count(*) AS total FROM open) c
           LEFT JOIN LATERAL (
               SELECT * FROM open o
               -- The order of `Urgency` (overdue, returned, waiting, due), then the date.
               ORDER BY CASE WHEN o.due_on < $7 THEN 0 WHEN o.status = $6 THEN 1
                             WHEN o.status = $4 THEN 2 ELSE 3 END,
                        o.due_on, o.updated_at, o.id
               LIMIT $8
           ) t ON true"#,
        user.kommune_ags,
        until,
        reviewer,
        EntryStatus::Submitted as EntryStatus,
        user.user_id,
        EntryStatus::Returned as EntryStatus,
        today,
        wanted
    )
    .fetch_all(&state.pool)
    .await?;
    let total = rows.first().map_or(0, |r| r.total);
    let tasks = rows
        .into_iter()
        .filter_map(|r| {
            let (id, title) = (r.id?, r.title?);
            match (r.due_on, r.status) {
                (Some(due_on), _) => Some(milestone(
                    id,
                    &title,
                    &r.goal_title?,
                    r.network_id?,
                    &r.network_name?,
                    due_on,
                    today,
                )),
                (None, Some(status)) => Some(entry(&title, &r.slug?, status, r.updated_at?)),
                // The row of the count alone.
                (None, None) => None,
            }
        })
        .collect();
    Ok((tasks, total))
}

fn milestone(
    id: i64,
    title: &str,
    goal_title: &str,
    network_id: i64,
    network_name: &str,
    due_on: Date,
    today: Date,
) -> Task {
    let overdue = due_on < today;
    Task {
        text: format!("Meilenstein „{title}“ erledigen (Ziel „{goal_title}“, {network_name})"),
        href: format!("/netzwerke/{network_id}/ziele#meilenstein-{id}"),
        badge: if overdue {
            "Überfällig"
        } else {
            "Bald fällig"
        },
        urgency: if overdue {
            Urgency::Overdue
        } else {
            Urgency::Due
        },
        due: Some(due_on),
        since: None,
    }
}

fn entry(title: &str, slug: &str, status: EntryStatus, updated_at: OffsetDateTime) -> Task {
    let returned = status == EntryStatus::Returned;
    Task {
        text: if returned {
            format!("Zurückgegebenen Wissenseintrag überarbeiten: „{title}“")
        } else {
            format!("Wissenseintrag prüfen: „{title}“")
        },
        href: format!("/wissen/eintrag/{slug}"),
        badge: status.label(),
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
            format::local_date(updated_at),
        )),
    }
}

/// Counts the open tasks again for a session whose count is stale – after a change of the
/// user's tasks (cleared by the triggers of migration 0017, also for the other users concerned)
/// or on a new day – before a page is shown, so its navigation shows the true count; and keeps
/// it in the session. Every other page view costs nothing: the session lookup returns the count.
/// The start page and `/aufgaben` count the tasks anyway and keep the count themselves.
pub async fn count_when_stale(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> AppResult<Response> {
    let path = request.uri().path();
    let page_view = request.method() == Method::GET && path != "/" && path != super::TASKS;
    if let Some(user) = request.extensions_mut().get_mut::<SessionUser>()
        && page_view
        && user.open_tasks.is_none()
        && !user.must_change_password
    {
        let today = crate::clock::today();
        let (_, open) = page(&state, user, today, 0, 0).await?;
        let open = i32::try_from(open).unwrap_or(i32::MAX);
        crate::auth::session::set_open_tasks(&state.pool, user, open, today).await?;
        user.open_tasks = Some(open);
    }
    Ok(next.run(request).await)
}
