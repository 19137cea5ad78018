//! Everything waiting for the signed-in user, for the start page, the list `/aufgaben` and the
//! count in the navigation: reports and evidence (`funding::tasks`), milestones of the
//! coordinator's networks, and knowledge entries to review or to revise. A page of them costs
//! one statement, however many tasks there are: it reads the revisions the funding tasks and
//! the milestones are kept by (computed again after a change) and the first knowledge
//! entries. Each source delivers only as many of its first tasks as the page reaches, in the
//! order of `funding::tasks::sort`, and its count.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use time::{Date, OffsetDateTime};

use crate::computed::Revision;
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

/// How many municipalities' milestones a node keeps (the most recently asked for).
const KEPT_MILESTONES: usize = 1000;

/// A page of the user's tasks.
pub struct TaskPage {
    pub shown: Vec<Task>,
    /// How many there are in all.
    pub total: i64,
    /// The revision of the user's Land the page read (the start page's network list is kept
    /// by it as well).
    pub land_revision: Revision,
}

/// Tasks `offset + 1` to `offset + limit` of the open tasks of `user` on `today`, most urgent
/// first, and how many there are in all.
pub async fn page(
    state: &AppState,
    user: &SessionUser,
    today: Date,
    limit: i64,
    offset: i64,
) -> sqlx::Result<TaskPage> {
    let (limit, offset) = (limit.max(0), offset.max(0));
    // Rows `offset..offset + limit` of the merged, sorted sources are among the first
    // `offset + limit` of each: `sort` is stable and each source comes sorted.
    let wanted = offset.saturating_add(limit);
    let wanted_rows = usize::try_from(wanted).unwrap_or(usize::MAX);
    let basis = Basis::read(state, user, wanted).await?;
    let (mut all, funding_total) =
        tasks::first(state, user, today, wanted_rows, basis.land_revision).await?;
    let milestones = match &user.kommune_ags {
        Some(ags) => milestones(state, ags, today, &basis).await?,
        None => Arc::default(),
    };
    all.extend(milestones.iter().take(wanted_rows).cloned());
    all.extend(basis.entries);
    tasks::sort(&mut all);
    let shown = all
        .into_iter()
        .skip(usize::try_from(offset).unwrap_or(usize::MAX))
        .take(usize::try_from(limit).unwrap_or(usize::MAX))
        .collect();
    let kept_total = funding_total.saturating_add(milestones.len());
    Ok(TaskPage {
        shown,
        total: i64::try_from(kept_total)
            .unwrap_or(i64::MAX)
            .saturating_add(basis.entries_total),
        land_revision: Revision {
            day: today,
            number: basis.land_revision,
        },
    })
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

/// What a page of tasks reads, in one statement: the revision of the user's Land (the funding
/// tasks are kept by it), the revision of the coordinator's networks (their milestones are kept
/// by it), and the first `wanted` knowledge entries waiting for the user, in the order of
/// `funding::tasks::sort`, with how many there are (beside the first rows, so also a page past
/// the end, or `wanted` 0 for the count alone, gets it).
struct Basis {
    land_revision: i64,
    /// The sum of the revisions of the municipality's networks (migration 0022): it only grows
    /// while the Land's revision stands, as the networks of a municipality are the same then
    /// (creating, deleting or moving a network moves its Land's revision, migration 0018).
    networks_revision: i64,
    entries: Vec<Task>,
    entries_total: i64,
}

impl Basis {
    async fn read(state: &AppState, user: &SessionUser, wanted: i64) -> sqlx::Result<Self> {
        let reviewer = policy::allows(&user.actor(), Action::ReviewKnowledge);
        let rows = sqlx::query!(
            r#"WITH open AS (
                   SELECT e.id, e.title, e.slug, e.status, e.updated_at
                   FROM knowledge_entries e
                   WHERE e.status <> 'veroeffentlicht'
                     AND (($3 AND e.status = $4) OR (e.author_user_id = $5 AND e.status = $6))
               )
               SELECT (SELECT coalesce(sum(r.revision), 0) FROM land_revisions r
                       WHERE r.land_code = $1)::bigint AS "land_revision!",
                      (SELECT coalesce(sum(v.revision), 0) FROM networks n
                       JOIN network_revisions v ON v.network_id = n.id
                       WHERE n.kommune_ags = $2)::bigint AS "networks_revision!",
                      c.total AS "total!", t.id AS "id?", t.title AS "title?", t.slug AS "slug?",
                      t.status AS "status?: EntryStatus", t.updated_at AS "updated_at?"
               FROM (SELECT count(*) AS total FROM open) c
               LEFT JOIN LATERAL (
                   SELECT * FROM open o
                   -- Returned before waiting (`Urgency`), then the date.
                   ORDER BY CASE WHEN o.status = $6 THEN 1 ELSE 2 END, o.updated_at, o.id
                   LIMIT $7
               ) t ON true"#,
            user.land_code,
            user.kommune_ags,
            reviewer,
            EntryStatus::Submitted as EntryStatus,
            user.user_id,
            EntryStatus::Returned as EntryStatus,
            wanted
        )
        .fetch_all(&state.pool)
        .await?;
        let first = rows.first();
        Ok(Self {
            land_revision: first.map_or(0, |r| r.land_revision),
            networks_revision: first.map_or(0, |r| r.networks_revision),
            entries_total: first.map_or(0, |r| r.total),
            entries: rows
                .into_iter()
                .filter_map(|r| Some(entry(&r.title?, &r.slug?, r.status?, r.updated_at?)))
                .collect(),
        })
    }
}

/// The milestones due within [`MILESTONE_DAYS`] or overdue in the networks of municipality
/// `ags`, sorted: kept per revision of those networks (one statement after a change, none
/// otherwise). Milestones are only a coordinator's tasks.
async fn milestones(
    state: &AppState,
    ags: &str,
    today: Date,
    basis: &Basis,
) -> sqlx::Result<Arc<Vec<Task>>> {
    let revision = Revision {
        day: today,
        number: basis.networks_revision,
    };
    // The Land's revision in the scope: the sum is comparable only within it.
    let scope = format!("{ags}/{}", basis.land_revision);
    let until = today.saturating_add(time::Duration::days(MILESTONE_DAYS));
    state
        .computed
        .get_or_compute_kept(
            "meilensteine",
            &scope,
            revision,
            KEPT_MILESTONES,
            || async {
                let rows = sqlx::query!(
                    "SELECT m.id, m.title, m.due_on, g.title AS goal_title, n.id AS network_id,
                        n.name AS network_name
                 FROM networks n
                 JOIN goals g ON g.network_id = n.id
                 JOIN milestones m ON m.goal_id = g.id
                 WHERE n.kommune_ags = $1 AND m.done_on IS NULL AND m.due_on <= $2
                 ORDER BY m.due_on, m.id",
                    ags,
                    until
                )
                .fetch_all(&state.pool)
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|r| {
                        milestone(
                            r.id,
                            &r.title,
                            &r.goal_title,
                            r.network_id,
                            &r.network_name,
                            r.due_on,
                            today,
                        )
                    })
                    .collect())
            },
        )
        .await
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
        let open = page(&state, user, today, 0, 0).await?.total;
        let open = i32::try_from(open).unwrap_or(i32::MAX);
        crate::auth::session::set_open_tasks(&state.pool, user, open, today).await?;
        user.open_tasks = Some(open);
    }
    Ok(next.run(request).await)
}
