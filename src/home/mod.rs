//! The start page `/`: what each role needs first, and the most urgent tasks waiting for the
//! user; all of them, a page at a time, on `/aufgaben`.

pub mod tasks;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::computed::Revision;
use crate::error::AppResult;
use crate::format;
use crate::identity::SessionUser;
use crate::networks::db::{NetworkSummary, Visible};
use crate::policy::Role;
use crate::state::AppState;
use crate::users::db::UserRow;
use crate::web::Ctx;
use crate::web::Layout;
use crate::web::PublicCtx;
use crate::web::filters;
use crate::web::paging::{Paging, Requested};

/// The list of all the user's tasks.
pub const TASKS: &str = "/aufgaben";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(start))
        .route(TASKS, get(all_tasks))
}

/// What the start page shows below the greeting, by role.
enum Start {
    Public,
    Kommune {
        name: String,
        ags: String,
        land_name: String,
        networks: FirstNetworks,
    },
    Land {
        code: String,
        name: String,
        kommunen: i64,
        population: String,
        networks: FirstNetworks,
    },
    Bund {
        /// The national overview is the Bund's start page.
        overview: Box<crate::national::overview::OverviewBody>,
    },
    Admin {
        /// The first accounts of the user list, and how many there are.
        users: Vec<UserRow>,
        total: usize,
    },
}

/// The first networks of the user's list, and whether there are more (a Land has hundreds):
/// kept per revision of the user's Land (see `Visible`), which the start page's tasks read.
struct FirstNetworks {
    shown: Vec<NetworkSummary>,
    more: bool,
}

impl FirstNetworks {
    const SHOWN: usize = 10;

    async fn of(state: &AppState, user: &SessionUser, land_revision: Revision) -> AppResult<Self> {
        let one_more = Self::SHOWN as i64 + 1;
        let visible = Visible::in_order(&state.pool, &state.computed, user, land_revision).await?;
        let mut shown = visible.page(&state.pool, one_more, 0).await?;
        let more = shown.len() > Self::SHOWN;
        shown.truncate(Self::SHOWN);
        Ok(Self { shown, more })
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "home/start.html")]
struct StartPage {
    layout: Layout,
    greeting: Option<String>,
    start: Start,
    /// The most urgent of what is waiting for the user.
    tasks: Vec<crate::funding::Task>,
    /// How many tasks there are in all.
    total_tasks: i64,
    today: time::Date,
}

impl StartPage {
    /// Tasks shown on the start page; the rest on `/aufgaben`.
    const TASKS_SHOWN: i64 = 10;
}

async fn start(
    mut ctx: PublicCtx,
    axum_extra::extract::Query(choice): axum_extra::extract::Query<
        crate::national::overview::MapChoice,
    >,
) -> AppResult<Response> {
    let today = crate::clock::today();
    let tasks = match &ctx.user {
        Some(u) => {
            let tasks = tasks::page(&ctx.state, u, today, StartPage::TASKS_SHOWN, 0).await?;
            tasks::keep_count(&ctx.state, &mut ctx.layout, u, tasks.total, today).await?;
            Some(tasks)
        }
        None => None,
    };
    // A coordinator's and a Land officer's networks are kept per revision of their Land,
    // which the tasks read.
    let land_revision = tasks.as_ref().map(|t| t.land_revision);
    let (pool, computed) = (&ctx.state.pool, &ctx.state.computed);
    let start = match (&ctx.user, land_revision) {
        (Some(u), Some(revision)) => match u.role {
            Role::Kommune => Start::Kommune {
                name: u.kommune_name.clone().unwrap_or_default(),
                ags: u.kommune_ags.clone().unwrap_or_default(),
                land_name: u.land_name.clone().unwrap_or_default(),
                networks: FirstNetworks::of(&ctx.state, u, revision).await?,
            },
            Role::Land => {
                let code = u.land_code.clone().unwrap_or_default();
                let totals = computed
                    .get_or_compute("land_start_totals", &code, revision, || {
                        sqlx::query!(
                            r#"SELECT count(*) AS "kommunen!",
                                      coalesce(sum(population) FILTER (WHERE kind <> 'gemeinde'), 0)::bigint AS "population!"
                               FROM kommunen WHERE land_code = $1"#,
                            code
                        )
                        .fetch_one(pool)
                    })
                    .await?;
                Start::Land {
                    name: u.land_name.clone().unwrap_or_default(),
                    kommunen: totals.kommunen,
                    population: format::integer(totals.population),
                    networks: FirstNetworks::of(&ctx.state, u, revision).await?,
                    code,
                }
            }
            // The national overview's figures count the networks and Kreise (kept per
            // revision: no statement of their own).
            Role::Bund => Start::Bund {
                overview: Box::new(
                    crate::national::overview::OverviewBody::load(&ctx.state, &choice, "/").await?,
                ),
            },
            Role::Admin => {
                let (users, total) =
                    crate::users::db::list(pool, &crate::users::db::ListFilter::default(), 10, 0)
                        .await?;
                Start::Admin {
                    users: users.into_iter().map(|l| l.user).collect(),
                    total: usize::try_from(total).unwrap_or_default(),
                }
            }
        },
        _ => Start::Public,
    };
    let (tasks, total_tasks) = tasks.map_or((Vec::new(), 0), |t| (t.shown, t.total));
    Ok(StartPage {
        tasks,
        total_tasks,
        today,
        layout: ctx.layout,
        greeting: ctx.user.as_ref().map(|u| u.display_name.clone()),
        start,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "home/tasks.html")]
struct TasksPage {
    layout: Layout,
    tasks: Vec<crate::funding::Task>,
    paging: Paging,
    today: time::Date,
}

#[derive(serde::Deserialize)]
struct TasksQuery {
    #[serde(default)]
    seite: String,
}

/// `/aufgaben`: every task of the user, most urgent first, a page at a time.
async fn all_tasks(
    mut ctx: Ctx,
    axum_extra::extract::Query(query): axum_extra::extract::Query<TasksQuery>,
) -> AppResult<Response> {
    const PAGE_SIZE: i64 = 50;
    crate::policy::authorize(&ctx.user.actor(), crate::policy::Action::ListOwnTasks)?;
    let today = crate::clock::today();
    let requested = Requested::new(&query.seite, PAGE_SIZE);
    let tasks::TaskPage {
        shown: mut tasks,
        total,
        ..
    } = tasks::page(
        &ctx.state,
        &ctx.user,
        today,
        requested.limit(),
        requested.offset(),
    )
    .await?;
    let paging = requested.paging(total, TASKS.to_owned());
    // A page past the end shows the last one (a list that shrank since its link was made).
    if paging.page != requested.page && total > 0 {
        tasks = tasks::page(
            &ctx.state,
            &ctx.user,
            today,
            paging.limit(),
            paging.offset(),
        )
        .await?
        .shown;
    }
    tasks::keep_count(&ctx.state, &mut ctx.layout, &ctx.user, total, today).await?;
    Ok(TasksPage {
        layout: ctx.layout,
        tasks,
        paging,
        today,
    }
    .into_response())
}
