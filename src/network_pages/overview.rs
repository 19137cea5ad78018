//! The network's overview page: its record, and the state of its goals, milestones,
//! indicators and measures at a glance.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::Path;
use axum::response::{IntoResponse, Response};

use crate::error::{AppError, AppResult};
use crate::goals::{GoalNode, MilestoneDue};
use crate::indicators::IndicatorSummary;
use crate::networks::db::{self, Network};
use crate::networks::{Need, NetworkContext};
use crate::states::MeasureStatus;
use crate::vocab::ZIEL_EBENEN;
use crate::vocab::{HANDLUNGSFELDER, Term, VERANKERUNGEN};
use crate::web::Ctx;
use crate::web::Layout;
use crate::web::Notice;
use crate::web::filters;

#[derive(Template, WebTemplate)]
#[template(path = "network_pages/overview.html")]
struct OverviewPage {
    layout: Layout,
    network: NetworkContext,
    record: Network,
    goals: Vec<GoalNode>,
    milestones: Vec<MilestoneDue>,
    indicators: Vec<IndicatorSummary>,
    statuses: &'static [Term],
    /// Measures per Handlungsfeld (rows) and status (columns, in `statuses` order).
    measures: Vec<(Term, Vec<i64>)>,
    measures_total: i64,
    /// The network's fundings, newest first.
    fundings: Vec<crate::funding::Funding>,
    /// What was just done (`?hinweis=`).
    notice: Option<&'static str>,
}

/// How far ahead the overview lists milestones.
const MILESTONE_DAYS: i64 = 90;

pub async fn overview(ctx: Ctx, Path(id): Path<i64>, notice: Notice) -> AppResult<Response> {
    let notice = match notice.code() {
        "angelegt" => Some("Das Netzwerk wurde angelegt."),
        "gespeichert" => Some("Die Änderungen wurden gespeichert."),
        _ => None,
    };
    let record = db::find(&ctx.state.pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let network = NetworkContext::of_record(&ctx.user, &record, Need::Read)?;
    let (measures, measures_total) = measure_matrix(&ctx.state.pool, id).await?;
    Ok(OverviewPage {
        layout: ctx.layout,
        goals: crate::goals::tree(&ctx.state.pool, id).await?,
        milestones: crate::goals::milestones_due(
            &ctx.state.pool,
            id,
            crate::clock::today(),
            MILESTONE_DAYS,
        )
        .await?,
        indicators: crate::indicators::small_multiples(&ctx.state.pool, id).await?,
        fundings: crate::funding::history(&ctx.state.pool, id).await?,
        statuses: MeasureStatus::TERMS,
        measures,
        measures_total,
        network,
        record,
        notice,
    }
    .into_response())
}

/// Counts of measures by Handlungsfeld and status, and the number of measures. One query.
async fn measure_matrix(
    pool: &sqlx::PgPool,
    network_id: i64,
) -> sqlx::Result<(Vec<(Term, Vec<i64>)>, i64)> {
    let rows = sqlx::query!(
        r#"SELECT field AS "field?", m.status, count(*) AS "count!",
                  (SELECT count(*) FROM measures WHERE network_id = $1) AS "total!"
           FROM measures m LEFT JOIN LATERAL unnest(m.handlungsfelder) field ON true
           WHERE m.network_id = $1
           GROUP BY field, m.status"#,
        network_id
    )
    .fetch_all(pool)
    .await?;
    let total = rows.first().map_or(0, |r| r.total);
    let matrix = HANDLUNGSFELDER
        .iter()
        .map(|field| {
            let counts = MeasureStatus::TERMS
                .iter()
                .map(|status| {
                    rows.iter()
                        .find(|r| r.field.as_deref() == Some(field.code) && r.status == status.code)
                        .map_or(0, |r| r.count)
                })
                .collect();
            (*field, counts)
        })
        .collect();
    Ok((matrix, total))
}
