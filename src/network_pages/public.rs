//! The public profile of a network switched "öffentlich sichtbar": name, municipality,
//! description, partners, goals with progress, running measures — nothing else.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::Path;
use axum::response::{IntoResponse, Response};

use crate::error::{AppError, AppResult};
use crate::goals::GoalNode;
use crate::policy::{self, Action};
use crate::states::MeasureStatus;
use crate::vocab::ZIEL_EBENEN;
use crate::vocab::{self, HANDLUNGSFELDER, PARTNER_ARTEN};
use crate::web::Layout;
use crate::web::PublicCtx;
use crate::web::filters;

pub struct PublicPartner {
    pub name: String,
    pub kind: String,
}

pub struct PublicMeasure {
    pub title: String,
    pub description: String,
    pub fields: String,
    pub place: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "network_pages/public.html")]
struct PublicPage {
    layout: Layout,
    name: String,
    kommune: String,
    description: String,
    partners: Vec<PublicPartner>,
    goals: Vec<GoalNode>,
    measures: Vec<PublicMeasure>,
}

pub async fn profile(ctx: PublicCtx, Path(id): Path<i64>) -> AppResult<Response> {
    let network = sqlx::query!(
        r#"SELECT n.name, n.description, n.is_public, k.name AS kommune
           FROM networks n JOIN kommunen k ON k.ags = n.kommune_ags WHERE n.id = $1"#,
        id
    )
    .fetch_optional(&ctx.state.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let action = Action::ReadPublicProfile {
        is_public: network.is_public,
    };
    let allowed = match &ctx.user {
        Some(user) => policy::allows(&user.actor(), action),
        None => policy::allows_visitor(action),
    };
    // Not public: as if it did not exist.
    if !allowed {
        return Err(AppError::NotFound);
    }
    let partners = sqlx::query!(
        "SELECT name, kind FROM partners WHERE network_id = $1 ORDER BY name",
        id
    )
    .fetch_all(&ctx.state.pool)
    .await?
    .into_iter()
    .map(|p| PublicPartner {
        kind: vocab::label(PARTNER_ARTEN, &p.kind).to_owned(),
        name: p.name,
    })
    .collect();
    let measures = sqlx::query!(
        r#"SELECT m.title, m.description, m.handlungsfelder, s.name AS "sozialraum?"
           FROM measures m
           LEFT JOIN sozialraeume s ON s.network_id = m.network_id AND s.id = m.sozialraum_id
           WHERE m.network_id = $1 AND m.status = $2
           ORDER BY m.title"#,
        id,
        MeasureStatus::Running as MeasureStatus,
    )
    .fetch_all(&ctx.state.pool)
    .await?
    .into_iter()
    .map(|m| PublicMeasure {
        title: m.title,
        description: m.description,
        fields: vocab::labels(HANDLUNGSFELDER, &m.handlungsfelder),
        place: m.sozialraum.unwrap_or_else(|| "Gesamte Kommune".into()),
    })
    .collect();
    Ok(PublicPage {
        layout: ctx.layout,
        name: network.name,
        kommune: network.kommune,
        description: network.description,
        partners,
        goals: crate::goals::tree(&ctx.state.pool, id).await?,
        measures,
    }
    .into_response())
}
