//! From a gap to help: for a Handlungsfeld × Lebensphase without running measures (a gap of a
//! Bestandsaufnahme), the published good practice of the knowledge platform and the public
//! networks that run measures there. Public, two statements.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum_extra::extract::Query;
use serde::Deserialize;

use super::db::NetworkLink;
use crate::error::{AppError, AppResult};
use crate::states::EntryStatus;
use crate::vocab::{HANDLUNGSFELDER, LEBENSPHASEN, Term};
use crate::web::{Layout, PublicCtx, with_query};

pub fn routes() -> Router<crate::state::AppState> {
    Router::new().route("/wissen/luecke", get(page))
}

/// The cell, as the gap's link names it (templates `inventory/page.html` and
/// `funding/land_overview.html`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Cell {
    pub feld: String,
    pub phase: String,
}

pub struct Practice {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub place: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "knowledge/help.html")]
struct HelpPage {
    layout: Layout,
    feld: Term,
    phase: Term,
    entries: Vec<Practice>,
    networks: Vec<NetworkLink>,
    /// The search with the same filters, for more than the first entries.
    search_href: String,
}

const SHOWN: i64 = 10;

fn term(terms: &[Term], code: &str) -> Option<Term> {
    terms.iter().find(|t| t.code == code).copied()
}

async fn page(ctx: PublicCtx, Query(cell): Query<Cell>) -> AppResult<Response> {
    let (Some(feld), Some(phase)) = (
        term(HANDLUNGSFELDER, &cell.feld),
        term(LEBENSPHASEN, &cell.phase),
    ) else {
        return Err(AppError::BadRequest(
            "Bitte wählen Sie ein Handlungsfeld und eine Lebensphase, zum Beispiel über eine Lücke der Bestandsaufnahme."
                .into(),
        ));
    };
    let entries = sqlx::query_as!(
        Practice,
        "SELECT slug, title, summary, place FROM knowledge_entries
         WHERE status = $1 AND kind = 'good_practice' AND $2 = ANY (handlungsfelder)
           AND $3 = ANY (lebensphasen)
         ORDER BY published_at DESC, id LIMIT $4",
        EntryStatus::Published as EntryStatus,
        feld.code,
        phase.code,
        SHOWN
    )
    .fetch_all(&ctx.state.pool)
    .await?;
    let networks = super::networks_covering(
        &ctx.state,
        &[feld.code.to_owned()],
        &[phase.code.to_owned()],
        20,
        crate::db::revision(&ctx.state.pool, None).await?,
    )
    .await?;
    Ok(HelpPage {
        layout: ctx.layout,
        search_href: with_query(
            "/wissen",
            &[
                ("art", "good_practice"),
                ("feld", feld.code),
                ("phase", phase.code),
            ],
        ),
        feld,
        phase,
        entries,
        networks,
    }
    .into_response())
}
