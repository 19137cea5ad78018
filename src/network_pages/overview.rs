//! The network's overview page: its record, and the state of its goals, milestones,
//! indicators and measures at a glance.

use askama::Template;
use askama_web::WebTemplate;
use std::sync::Arc;

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
    data: Arc<Overview>,
    statuses: &'static [Term],
    /// What was just done (`?hinweis=`).
    notice: Option<&'static str>,
}

/// What the overview shows of the network, the same for every reader: kept per revision of
/// the network (`computed`), so a page viewed again costs the session and context statements.
struct Overview {
    record: Network,
    goals: Vec<GoalNode>,
    milestones: Vec<MilestoneDue>,
    indicators: Vec<IndicatorSummary>,
    /// Measures per Handlungsfeld (rows) and status (columns, in `statuses` order).
    measures: Vec<(Term, Vec<i64>)>,
    measures_total: i64,
    /// The network's fundings, newest first.
    fundings: Vec<crate::funding::Funding>,
}

/// How far ahead the overview lists milestones.
const MILESTONE_DAYS: i64 = 90;

pub async fn overview(ctx: Ctx, Path(id): Path<i64>, notice: Notice) -> AppResult<Response> {
    let notice = match notice.code() {
        "angelegt" => Some("Das Netzwerk wurde angelegt."),
        "gespeichert" => Some("Die Änderungen wurden gespeichert."),
        _ => None,
    };
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Read).await?;
    let pool = &ctx.state.pool;
    let data = network
        .kept(&ctx.state.computed, "network_overview", None, || {
            Overview::load(pool, id, network.revision.day)
        })
        .await?;
    Ok(OverviewPage {
        layout: ctx.layout,
        statuses: MeasureStatus::TERMS,
        data,
        network,
        notice,
    }
    .into_response())
}

impl Overview {
    async fn load(pool: &sqlx::PgPool, id: i64, today: time::Date) -> AppResult<Self> {
        let record = db::find(pool, id).await?.ok_or(AppError::NotFound)?;
        let (measures, measures_total) = measure_matrix(pool, id).await?;
        Ok(Self {
            record,
            goals: crate::goals::tree(pool, id).await?,
            milestones: crate::goals::milestones_due(pool, id, today, MILESTONE_DAYS).await?,
            indicators: crate::indicators::small_multiples(pool, id).await?,
            fundings: crate::funding::history(pool, id).await?,
            measures,
            measures_total,
        })
    }
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
