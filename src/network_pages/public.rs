//! The public profile of a network switched "öffentlich sichtbar": name, municipality,
//! description, partners, goals with progress, running measures — nothing else.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::Path;
use axum::response::{IntoResponse, Response};

use crate::computed::Revision;
use crate::error::{AppError, AppResult};
use crate::goals::GoalNode;
use crate::networks::kept;
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
    shown: std::sync::Arc<Shown>,
}

pub async fn profile(ctx: PublicCtx, Path(id): Path<i64>) -> AppResult<Response> {
    let network = sqlx::query!(
        r#"SELECT n.name, n.description, n.is_public, k.name AS kommune,
                  -- The revision as `NetworkContext::load` reads it.
                  (SELECT coalesce(sum(r.revision), 0) FROM network_revisions r
                   WHERE r.network_id IN (0, n.id))::bigint AS "revision!"
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
    let revision = Revision {
        day: crate::clock::today(),
        number: network.revision,
    };
    let pool = &ctx.state.pool;
    let shown = kept(
        &ctx.state.computed,
        id,
        revision,
        "public_profile",
        None,
        || Shown::load(pool, id),
    )
    .await?;
    Ok(PublicPage {
        layout: ctx.layout,
        name: network.name,
        kommune: network.kommune,
        description: network.description,
        shown,
    }
    .into_response())
}

/// What the profile shows beside the network's own record, kept per revision of the network.
struct Shown {
    partners: Vec<PublicPartner>,
    goals: Vec<GoalNode>,
    measures: Vec<PublicMeasure>,
}

impl Shown {
    async fn load(pool: &sqlx::PgPool, id: i64) -> AppResult<Self> {
        let partners = sqlx::query!(
            "SELECT name, kind FROM partners WHERE network_id = $1 ORDER BY name",
            id
        )
        .fetch_all(pool)
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
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|m| PublicMeasure {
            title: m.title,
            description: m.description,
            fields: vocab::labels(HANDLUNGSFELDER, &m.handlungsfelder),
            place: m.sozialraum.unwrap_or_else(|| "Gesamte Kommune".into()),
        })
        .collect();
        Ok(Self {
            partners,
            goals: crate::goals::tree(pool, id).await?,
            measures,
        })
    }
}
