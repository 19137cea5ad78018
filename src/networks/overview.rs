//! The network's overview page: its record, and the state of its goals, milestones,
//! indicators and measures at a glance.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

use super::db::{self, Network};
use super::{Need, NetworkContext};
use crate::auth::CurrentUser;
use crate::error::{AppError, AppResult};
use crate::vocab::{self, VERANKERUNGEN};
use crate::web::format;
use crate::web::{AppState, Layout, render};

#[derive(Template)]
#[template(path = "networks/overview.html")]
struct OverviewPage {
    layout: Layout,
    network: NetworkContext,
    record: Network,
}

impl OverviewPage {
    fn anchoring(&self) -> &str {
        vocab::label(VERANKERUNGEN, &self.record.anchoring)
    }

    fn date(&self, date: &Option<time::Date>) -> String {
        date.map(format::date).unwrap_or_default()
    }
}

pub async fn overview(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&state.pool, &user, id, Need::Read).await?;
    let record = db::find(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    render(&OverviewPage {
        layout: Layout::new(Some(&user)),
        network,
        record,
    })
}
