//! A printable report of a network: a page a coordinator can hand to the council.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::Path;
use axum::response::{IntoResponse, Response};

use crate::error::{AppError, AppResult};
use crate::format;
use crate::goals::{GoalNode, MilestoneDue};
use crate::indicators::IndicatorSummary;
use crate::inventory::Matrix;
use crate::networks::db::{self, Network};
use crate::networks::{Need, NetworkContext};
use crate::states::MeasureStatus;
use crate::vocab::ZIEL_EBENEN;
use crate::vocab::{self, HANDLUNGSFELDER, VERANKERUNGEN};
use crate::web::Ctx;
use crate::web::Layout;
use crate::web::filters;

pub struct ReportMeasure {
    pub title: String,
    pub partner: String,
    pub fields: String,
    pub place: String,
    pub reach: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "network_pages/report.html")]
struct ReportPage {
    layout: Layout,
    network: NetworkContext,
    record: Network,
    today: String,
    goals: Vec<GoalNode>,
    milestones: Vec<MilestoneDue>,
    indicators: Vec<IndicatorSummary>,
    measures: Vec<ReportMeasure>,
    coverage: Matrix,
}

pub async fn report(ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Read).await?;
    let record = db::find(&ctx.state.pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let today = crate::clock::today();
    let measures = sqlx::query!(
        r#"SELECT m.title, p.name AS "partner?", m.handlungsfelder, s.name AS "sozialraum?", m.reach_per_year
           FROM measures m
           LEFT JOIN partners p ON p.network_id = m.network_id AND p.id = m.partner_id
           LEFT JOIN sozialraeume s ON s.network_id = m.network_id AND s.id = m.sozialraum_id
           WHERE m.network_id = $1 AND m.status = $2
           ORDER BY m.title"#,
        id,
        MeasureStatus::Running as MeasureStatus,
    )
    .fetch_all(&ctx.state.pool)
    .await?
    .into_iter()
    .map(|m| ReportMeasure {
        title: m.title,
        partner: m.partner.unwrap_or_default(),
        fields: vocab::labels(HANDLUNGSFELDER, &m.handlungsfelder),
        place: m.sozialraum.unwrap_or_else(|| "Gesamte Kommune".into()),
        reach: m.reach_per_year.map(|r| format::integer(r.into())).unwrap_or_default(),
    })
    .collect();
    let counts = crate::inventory::matrix(&ctx.state.pool, id, None, None).await?;
    let coverage = Matrix::build(&counts, |_, _| None);
    Ok(ReportPage {
        layout: ctx.layout,
        today: format::date(today),
        goals: crate::goals::tree(&ctx.state.pool, id).await?,
        milestones: crate::goals::milestones_due(&ctx.state.pool, id, today, 180).await?,
        indicators: crate::indicators::small_multiples(&ctx.state.pool, id).await?,
        measures,
        coverage,
        network,
        record,
    }
    .into_response())
}
