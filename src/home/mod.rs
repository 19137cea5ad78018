//! The start page `/`: what each role needs first, and the tasks waiting for the user.

pub mod tasks;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::error::AppResult;
use crate::format;
use crate::identity::SessionUser;
use crate::networks::db::{NetworkFilter, NetworkSummary, count_visible_to, page_visible_to};
use crate::policy::Role;
use crate::state::AppState;
use crate::users::db::UserRow;
use crate::web::Layout;
use crate::web::PublicCtx;
use crate::web::filters;

pub fn routes() -> Router<AppState> {
    Router::new().route("/", get(start))
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
        laender: i64,
        kommunen: i64,
        networks: i64,
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
/// one statement, reading one row past the first page instead of counting them all.
struct FirstNetworks {
    shown: Vec<NetworkSummary>,
    more: bool,
}

impl FirstNetworks {
    const SHOWN: usize = 10;

    async fn of(pool: &sqlx::PgPool, user: &SessionUser) -> AppResult<Self> {
        let one_more = Self::SHOWN as i64 + 1;
        let mut shown = page_visible_to(pool, user, &NetworkFilter::default(), one_more, 0).await?;
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
    /// What is waiting for the user, most urgent first.
    tasks: Vec<crate::funding::Task>,
    today: time::Date,
}

async fn start(
    mut ctx: PublicCtx,
    axum_extra::extract::Query(choice): axum_extra::extract::Query<
        crate::national::overview::MapChoice,
    >,
) -> AppResult<Response> {
    let start = match &ctx.user {
        None => Start::Public,
        Some(u) => match u.role {
            Role::Kommune => Start::Kommune {
                name: u.kommune_name.clone().unwrap_or_default(),
                ags: u.kommune_ags.clone().unwrap_or_default(),
                land_name: u.land_name.clone().unwrap_or_default(),
                networks: FirstNetworks::of(&ctx.state.pool, u).await?,
            },
            Role::Land => {
                let code = u.land_code.clone().unwrap_or_default();
                let totals = sqlx::query!(
                    r#"SELECT count(*) AS "kommunen!",
                              coalesce(sum(population) FILTER (WHERE kind <> 'gemeinde'), 0)::bigint AS "population!"
                       FROM kommunen WHERE land_code = $1"#,
                    code
                )
                .fetch_one(&ctx.state.pool)
                .await?;
                Start::Land {
                    name: u.land_name.clone().unwrap_or_default(),
                    code,
                    kommunen: totals.kommunen,
                    population: format::integer(totals.population),
                    networks: FirstNetworks::of(&ctx.state.pool, u).await?,
                }
            }
            Role::Bund => {
                let totals = sqlx::query!(
                    r#"SELECT (SELECT count(*) FROM laender) AS "laender!",
                              (SELECT count(*) FROM kommunen) AS "kommunen!""#
                )
                .fetch_one(&ctx.state.pool)
                .await?;
                Start::Bund {
                    laender: totals.laender,
                    kommunen: totals.kommunen,
                    networks: count_visible_to(&ctx.state.pool, u, &NetworkFilter::default())
                        .await?,
                    overview: Box::new(
                        crate::national::overview::OverviewBody::load(&ctx.state, &choice, "/")
                            .await?,
                    ),
                }
            }
            Role::Admin => {
                let (users, total) = crate::users::db::list(
                    &ctx.state.pool,
                    &crate::users::db::ListFilter::default(),
                    10,
                    0,
                )
                .await?;
                Start::Admin {
                    users: users.into_iter().map(|l| l.user).collect(),
                    total: usize::try_from(total).unwrap_or_default(),
                }
            }
        },
    };
    let today = crate::clock::today();
    let tasks = match &ctx.user {
        Some(u) => {
            let tasks = tasks::for_user(&ctx.state, u, today).await?;
            let open = i32::try_from(tasks.len()).unwrap_or(i32::MAX);
            ctx.layout.set_open_tasks(open);
            // Written only when it changed, so a start page viewed again costs no write.
            if u.open_tasks != Some(open) {
                crate::auth::session::set_open_tasks(&ctx.state.pool, u, open, today).await?;
            }
            tasks
        }
        None => Vec::new(),
    };
    Ok(StartPage {
        tasks,
        today,
        layout: ctx.layout,
        greeting: ctx.user.as_ref().map(|u| u.display_name.clone()),
        start,
    }
    .into_response())
}
